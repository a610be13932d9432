// The sentence table of the writers: a sentence for every finding and action code the library
// emits, and a finding's facts filling its sentence as written by hand.
#include "xsector/finding_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/findings.hpp"
#include "xsector/load.hpp"

using namespace xsector;

namespace {

bool contains(const std::vector<std::string_view>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

// Every YAML coalition under networks/ and tests/data that loads (the bad ones do not).
std::vector<Coalition> every_coalition() {
  std::vector<Coalition> out;
  const std::filesystem::path root(XSECTOR_SOURCE_DIR);
  for (const char* dir : {"networks", "tests/data", "tests/data/gaps", "tests/data/people", "tests/data/waves"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      if (entry.path().extension() != ".yaml" || entry.path().filename() == "tiny-taxonomy.yaml") continue;
      try {
        out.push_back(load_coalition_file(entry.path().string()));
      } catch (const Error&) {
      }
    }
  }
  return out;
}

}  // namespace

// The metrics' own list of codes (finding_codes, action_codes) each has a sentence, and the
// table holds no sentence for a code the metrics never emit.
TEST(FindingText, EveryCodeTheMetricsEmitHasASentence) {
  const auto sentences = sentence_codes();
  for (const auto code : finding_codes()) EXPECT_TRUE(contains(sentences, code)) << code;
  for (const auto code : sentences) EXPECT_TRUE(contains(finding_codes(), code)) << code;
  EXPECT_EQ(std::set<std::string_view>(sentences.begin(), sentences.end()).size(), sentences.size());
  const auto actions = action_sentence_codes();
  for (const auto code : action_codes()) EXPECT_TRUE(contains(actions, code)) << code;
  EXPECT_EQ(actions.size(), action_codes().size());
}

// The list is the metrics' whole vocabulary: every code found when analyzing and comparing the
// files of the repository is on it, and each gets a sentence that is not its code.
TEST(FindingText, EveryCodeFoundInTheExamplesIsListed) {
  const auto coalitions = every_coalition();
  ASSERT_GT(coalitions.size(), 10U);
  std::vector<Analysis> analyses;
  std::size_t findings = 0;
  for (const auto& c : coalitions) {
    analyses.push_back(analyze(c));
    const FindingNames names(c, analyses.back().sectors.index);
    for (const auto& f : analyses.back().findings) {
      ++findings;
      EXPECT_TRUE(contains(finding_codes(), f.code)) << f.code;
      EXPECT_NE(finding_text(f, names), f.code);
    }
    for (const auto& x : analyses.back().next_actions) {
      EXPECT_TRUE(contains(action_codes(), x.code)) << x.code;
      EXPECT_FALSE(action_why(x, names).empty()) << x.code;
    }
  }
  EXPECT_GT(findings, 100U);
  for (std::size_t i = 0; i + 1 < coalitions.size(); ++i) {
    const Comparison cmp = compare(coalitions[i], analyses[i], coalitions[i + 1], analyses[i + 1], CompareOptions{});
    for (const auto& f : cmp.findings) EXPECT_TRUE(contains(finding_codes(), f.code)) << f.code;
  }
}

namespace {

const char* const two_sectors = R"(coalition: {name: Facts}
sectors:
  - {id: arts, name: Arts council, priority: core}
members:
  - {id: h, name: Hill Clinic, sector: health-care}
  - {id: s, name: Stone School, sector: education}
  - {id: t, name: Town School, sector: education}
ties: [[h, s], [s, t]]
)";

}  // namespace

// Hand-made findings and their sentences written by hand: numbers as percentages and with one
// decimal, members and sectors by name (an id found nowhere as is), lists with "and".
TEST(FindingText, FactsFillTheSentence) {
  const Coalition c = parse_coalition(two_sectors, "f.yaml");
  const Analysis a = analyze(c);
  const FindingNames names(c, a.sectors.index);
  const Finding below{Severity::medium,
                      FindingArea::power,
                      "power-below-seats",
                      {"education", "board"},
                      {number_fact("seats", 0.25), number_fact("power", 0.104)}};
  EXPECT_EQ(finding_text(below, names), "Members from Education hold 25% of board's seats but 10% of its voting power");
  const Finding thin{Severity::medium, FindingArea::sectors, "thin-sector", {"health-care", "h"}, {}};
  EXPECT_EQ(finding_text(thin, names), "Only Hill Clinic represents Health care: if they leave, the sector is gone");
  const Finding broker{Severity::medium, FindingArea::sectors, "single-broker-sector", {"arts", "nobody"}, {}};
  EXPECT_EQ(finding_text(broker, names), "All of Arts council's ties to other sectors run through nobody");
  const Finding groups{Severity::high,
                       FindingArea::resilience,
                       "separate-groups",
                       {"s", "t", "h"},
                       {list_fact("group", {"s", "t"}), list_fact("group", {"h"})}};
  EXPECT_EQ(finding_text(groups, names),
            "The coalition falls into 3 separate groups: 3 members have no tie to the main group (Stone School and "
            "Town School; Hill Clinic)");
  const Finding handoff{
      Severity::info,
      FindingArea::people,
      "warm-handoff",
      {"ana", "h"},
      {text_fact("person", "the Director of Hill Clinic"), list_fact("partner", {"the Nurse of Hill Clinic", "s"}),
       list_fact("sector", {"t", "the Nurse of Hill Clinic", "education"}), list_fact("nobody", {"s", "t"}),
       number_fact("more", 2)}};
  EXPECT_EQ(finding_text(handoff, names),
            "Warm handoff for the Director of Hill Clinic: the Nurse of Hill Clinic already works with Stone School; "
            "for Town School, the Nurse of Hill Clinic already works with Education; no one else at Hill Clinic works "
            "with Stone School or Town School yet; and 2 more");
  // A group of two thin sectors, and of one (its finding's sentence).
  const Finding thin2{Severity::medium, FindingArea::sectors, "thin-sector", {"education", "s"}, {}};
  EXPECT_EQ(group_text(FindingGroup{Severity::medium, "thin-sector", {thin, thin2}}, names),
            "2 sectors rest on a single member: Health care and Education");
  EXPECT_EQ(group_text(FindingGroup{Severity::medium, "thin-sector", {thin}}, names), finding_text(thin, names));
  // An action: a second tie for the members one departure cuts off.
  const Action tie{"add-tie", {"s", "h", "t"}, {list_fact("cut", {"h", "t"})}};
  EXPECT_EQ(action_text(tie, names),
            "Give the 2 members who reach the others only through Stone School a second tie or contact: Hill Clinic "
            "and Town School");
  EXPECT_EQ(action_why(tie, names), "If Stone School leaves, these 2 members lose every path to the rest");
}

// Two waves: a member is named by the later wave's name, and the respondents who answered only
// the first wave by the first wave's.
TEST(FindingText, ComparisonNamesComeFromTheLaterWaveFirst) {
  const Coalition before = parse_coalition(two_sectors, "a.yaml");
  std::string later(two_sectors);
  later.replace(later.find("Hill Clinic"), 11, "Hill Health");
  const Coalition after = parse_coalition(later, "b.yaml");
  const FindingNames names(before, after);
  const Finding shift{Severity::info,
                      FindingArea::compare,
                      "power-shift",
                      {"h"},
                      {number_fact("before", 0.5), number_fact("after", 0.25), number_fact("change", -0.25)}};
  EXPECT_EQ(finding_text(shift, names), "Hill Health's share of voting power fell from 50% to 25%");
  const Finding answered{Severity::low,
                         FindingArea::compare,
                         "respondents-changed",
                         {"h", "t"},
                         {number_fact("both", 1), list_fact("only_first", {"h"}), list_fact("only_second", {"t"}),
                          number_fact("restricted", 1)}};
  EXPECT_EQ(finding_text(answered, names),
            "Different members answered the two surveys: 1 answered both; only the first: Hill Clinic; only the "
            "second: Town School; ties are compared only between members who answered both");
  EXPECT_EQ(finding_text(waves_reordered("a.yaml", "2024-01-01", "b.yaml", "2025-01-01"), names),
            "a.yaml (2024-01-01) is dated before b.yaml (2025-01-01): compared from the earlier wave to the later");
}
