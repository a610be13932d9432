// The report is composed from the views' parts: the Markdown report holds the analysis with
// the diagrams first, then the power view's sections, then (for two waves) the comparison
// one heading level down; the HTML report reads the guidance the analysis computed.
#include "xsector/report.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "xsector/load.hpp"

using namespace xsector;

namespace {

const char* const kWave = R"(coalition: {name: Waves, as_of: 2024-01-01}
members:
  - {id: a, sector: housing}
  - {id: b, sector: education}
  - {id: c, sector: economic}
ties:
  - [a, b]
  - [b, c]
governance:
  - body: board
    rule: majority
    seats: {a: 1, b: 1, c: 1}
)";

std::size_t at(const std::string& text, const std::string& what) {
  const auto p = text.find(what);
  EXPECT_NE(p, std::string::npos) << "missing: " << what << "\n" << text;
  return p;
}

}  // namespace

TEST(ReportMarkdown, DiagramsFirstThenTheAnalysisThenThePowerSections) {
  const Coalition c = parse_coalition(kWave, "w.yaml");
  const std::string md = report_markdown(c, analyze(c, AnalysisOptions{part_report}));
  EXPECT_EQ(md.rfind("# Waves (as of 2024-01-01)\n", 0), 0U) << md;
  EXPECT_LT(at(md, "\n## Diagrams\n\n![Members"), at(md, "\n## Network\n"));
  EXPECT_LT(at(md, "\n## Findings\n"), at(md, "\n## Across the coalition\n"));
  EXPECT_LT(at(md, "\n## Across the coalition\n"), at(md, "\n## If a member leaves\n"));
  EXPECT_EQ(md.find("# Decision power"), std::string::npos) << "the power view's title is not repeated";
}

TEST(ReportMarkdown, AComparisonIsOneHeadingLevelDown) {
  const Coalition a = parse_coalition(kWave, "a.yaml");
  std::string later = kWave;
  later.replace(later.find("2024-01-01"), 10, "2025-01-01");
  const Coalition b = parse_coalition(later, "b.yaml");
  const Analysis aa = analyze(a, AnalysisOptions{part_report});
  const Analysis ab = analyze(b, AnalysisOptions{part_report});
  const std::string md = report_markdown(b, ab, a, compare(a, aa, b, ab, CompareOptions{}));
  EXPECT_LT(at(md, "\n## Compare: Waves (2024-01-01) -> Waves (2025-01-01)\n"), at(md, "\n### Members\n"));
  EXPECT_LT(at(md, "\n### Members\n"), at(md, "![Wave A](wave-a.svg)"));
  EXPECT_EQ(md.find("\n# Compare"), std::string::npos);
}

TEST(ReportHtml, NeedsTheGuidanceOfTheAnalysis) {
  const Coalition c = parse_coalition(kWave, "w.yaml");
  EXPECT_THROW(report_html(c, analyze(c, AnalysisOptions{part_all}), "", ""), std::invalid_argument);
  const Analysis a = analyze(c, AnalysisOptions{part_report});
  EXPECT_FALSE(a.finding_groups.empty()) << "findings grouped when guidance is asked for";
  const std::string html = report_html(c, a, "", "");
  EXPECT_NE(html.find("What to do next"), std::string::npos);
}

// A member's power in the members table is its mean Banzhaf share over the bodies (1/3 each
// on a majority board of three equal seats), and "–" (not "0%") when the file has no body.
TEST(ReportHtml, MembersPowerIsUndefinedWithoutABody) {
  auto members_section = [](const std::string& yaml) {
    const Coalition c = parse_coalition(yaml, "w.yaml");
    const std::string html = report_html(c, analyze(c, AnalysisOptions{part_report}), "", "");
    const auto begin = html.find(R"(<section id="members">)");
    EXPECT_NE(begin, std::string::npos);
    return html.substr(begin, html.find("</section>", begin) - begin);
  };
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
  };
  const std::string with_body = members_section(kWave);
  EXPECT_EQ(count(with_body, ">33%</td><td>"), 3U) << with_body;
  std::string no_body = kWave;
  no_body.erase(no_body.find("governance:"));
  const std::string without = members_section(no_body);
  EXPECT_EQ(count(without, R"(data-value="">–</td><td>)"), 3U) << without;
  EXPECT_EQ(count(without, ">0%</td>"), 0U) << without;
}
