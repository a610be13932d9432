// The use cases every caller shares (include/xsector/usecases.hpp) and the one rule for
// showing people (include/xsector/people_shown.hpp).
#include "xsector/usecases.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "xsector/load.hpp"
#include "xsector/people_shown.hpp"

namespace xsector {
namespace {

Coalition people_coalition() {
  return parse_coalition(R"(coalition: {name: Two}
members:
  - id: whwc
    name: Williamson Health
    sector: health-care
    contacts:
      - {id: jd, name: Jane Doe, role: Director, email: jane@example.org, phone: "555"}
      - {id: x2}
      - {id: x3, name: Sam Roe}
  - {id: school, name: Mingo Schools, sector: education}
ties:
  - [whwc, school]
)",
                         "two.yaml");
}

TEST(PeopleShown, WhatEachChoiceShows) {
  const Coalition c = people_coalition();
  const Contact& jane = c.members[0].contacts[0];
  const ShownContact names = shown_contact(jane, PeopleShown::names);
  EXPECT_EQ(names.name, "Jane Doe");
  EXPECT_EQ(names.role, "Director");
  EXPECT_EQ(names.email, "jane@example.org");
  EXPECT_EQ(names.phone, "555");
  const ShownContact roles = shown_contact(jane, PeopleShown::roles);
  EXPECT_EQ(roles.name, "");
  EXPECT_EQ(roles.role, "Director");
  EXPECT_EQ(roles.email, "");
  EXPECT_EQ(roles.phone, "");
  const ShownContact none = shown_contact(jane, PeopleShown::none);
  EXPECT_EQ(none.name, "");
  EXPECT_EQ(none.role, "");
  EXPECT_EQ(parse_people_shown("none"), PeopleShown::none);
  EXPECT_EQ(to_string(PeopleShown::names), "names");
  EXPECT_THROW(parse_people_shown("Names"), UsageError);
}

TEST(PeopleShown, OneLabelInThreeShapes) {
  const Coalition c = people_coalition();
  using enum PersonLabel;
  // Jane: name and role.
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::names), "Jane Doe (Director, Williamson Health)");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::roles), "the Director of Williamson Health");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::none), "contact 1 of Williamson Health");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::names, cell), "Jane Doe");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::roles, cell), "Director (jd)");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::none, cell), "jd");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::names, node), "Jane Doe");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::roles, node), "Director");
  EXPECT_EQ(person_label(c, 0, 0, PeopleShown::none, node), "contact 1");
  // x2: neither name nor role: the number (or id in a cell) whatever is asked.
  EXPECT_EQ(person_label(c, 0, 1, PeopleShown::names), "contact 2 of Williamson Health");
  EXPECT_EQ(person_label(c, 0, 1, PeopleShown::names, cell), "x2");
  EXPECT_EQ(person_label(c, 0, 1, PeopleShown::roles, node), "contact 2");
  // Sam: a name, no role.
  EXPECT_EQ(person_label(c, 0, 2, PeopleShown::names), "Sam Roe (Williamson Health)");
  EXPECT_EQ(person_label(c, 0, 2, PeopleShown::roles), "contact 3 of Williamson Health");
}

// Two waves of one coalition, the later given first.
std::vector<Coalition> waves_latest_first() {
  const std::string body = R"(
members:
  - {id: a, sector: health-care}
  - {id: b, sector: housing}
  - {id: c, sector: education}
ties:
  - [a, b]
)";
  Coalition later = parse_coalition("coalition: {name: W, as_of: 2025-06-01}" + body + "  - [b, c]\n", "later.yaml");
  Coalition earlier = parse_coalition("coalition: {name: W, as_of: 2024-06-01}" + body, "earlier.yaml");
  return {later, earlier};
}

TEST(ReportCase, WavesGivenLatestFirstAreSwappedWithANote) {
  std::vector<Coalition> waves = waves_latest_first();
  const auto note = order_waves(waves, {"later.yaml", "earlier.yaml"});
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->code, "waves-reordered");
  EXPECT_EQ(waves[0].file, "earlier.yaml");
  EXPECT_EQ(waves[1].file, "later.yaml");
  // In order already: nothing happens.
  EXPECT_FALSE(order_waves(waves, {"earlier.yaml", "later.yaml"}).has_value());
  EXPECT_EQ(waves[0].file, "earlier.yaml");
}

TEST(ReportCase, PreparedOnceWithTheNoteFirst) {
  const ReportWork work = prepare_report(waves_latest_first(), {"later.yaml", "earlier.yaml"}, AnalysisOptions{});
  ASSERT_EQ(work.waves.size(), 2U);
  ASSERT_EQ(work.analyses.size(), 2U);
  ASSERT_TRUE(work.comparison.has_value());
  ASSERT_FALSE(work.comparison->findings.empty());
  EXPECT_EQ(work.comparison->findings.front().code, "waves-reordered");
  // Earlier wave 1 tie, later 2: the tie b-c formed.
  EXPECT_EQ(work.analyses[0].network.ties, 1U);
  EXPECT_EQ(work.analyses[1].network.ties, 2U);
  EXPECT_THROW(prepare_report({}, {}, AnalysisOptions{}), UsageError);
  CompareOptions both;
  both.respondents_both = true;  // neither wave has a survey
  EXPECT_THROW(prepare_report(waves_latest_first(), {"l", "e"}, AnalysisOptions{}, both), UsageError);
}

TEST(ReportCase, TheFilesOfEachFolder) {
  AnalysisOptions report;
  report.parts = part_report;
  const ReportWork one = prepare_report({waves_latest_first()[1]}, {"earlier.yaml"}, report);
  const ReportSvgs svgs{"<svg>m</svg>", "<svg>s</svg>", "", ""};
  auto names = [](const std::vector<NamedFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.name);
    return out;
  };
  const auto html = report_files(one, svgs, false);
  EXPECT_EQ(names(html), std::vector<std::string>{"report.html"});
  EXPECT_NE(html[0].content.find("<svg>m</svg>"), std::string::npos);
  EXPECT_EQ(names(report_files(one, svgs, true)),
            (std::vector<std::string>{"members.svg", "sectors.svg", "report.md"}));
  const ReportWork two = prepare_report(waves_latest_first(), {"later.yaml", "earlier.yaml"}, report);
  const ReportSvgs four{"<svg>m</svg>", "<svg>s</svg>", "<svg>a</svg>", "<svg>c</svg>"};
  EXPECT_EQ(names(report_files(two, four, true)),
            (std::vector<std::string>{"members.svg", "sectors.svg", "wave-a.svg", "changes.svg", "report.md"}));
  for (const auto& name : names(report_files(two, four, true))) {
    const auto& all = report_file_names();
    EXPECT_NE(std::find(all.begin(), all.end(), name), all.end()) << name;
  }
}

TEST(GapsCase, EveryTaxonomyFromOneLoad) {
  const std::string text = R"(coalition: {name: G}
members:
  - {id: a, sector: health-care}
  - {id: b, sector: housing}
ties:
  - [a, b]
)";
  const Coalition c = parse_coalition(text, "g.yaml");
  const auto rows = coverage_by_taxonomy(c, AnalysisOptions{});
  const auto ids = builtin_taxonomy_ids();
  ASSERT_EQ(rows.size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(rows[i].taxonomy, ids[i]);
    // The reference: the file loaded against that taxonomy by the loader itself.
    LoadOptions o;
    o.taxonomy = ids[i];
    const Coalition measured = parse_coalition(text, "g.yaml", o);
    const TaxonomyCoverage expected = taxonomy_coverage(measured, analyze(measured).sectors);
    EXPECT_EQ(rows[i].sectors, expected.sectors) << ids[i];
    EXPECT_EQ(rows[i].covered, expected.covered) << ids[i];
    EXPECT_EQ(rows[i].missing_core, expected.missing_core) << ids[i];
    EXPECT_EQ(rows[i].missing_other, expected.missing_other) << ids[i];
    EXPECT_EQ(rows[i].unplaced, expected.unplaced) << ids[i];
    EXPECT_EQ(rows[i].crosswalk_from, expected.crosswalk_from) << ids[i];
  }
  // Its own taxonomy (cross-sector), by hand: health care and housing covered; every other core
  // sector of the taxonomy missing.
  const auto own = std::find(ids.begin(), ids.end(), "cross-sector") - ids.begin();
  const Taxonomy t = resolve_taxonomy("cross-sector");
  EXPECT_EQ(rows[own].covered, 2U);
  EXPECT_EQ(rows[own].sectors, t.sectors.size());
  std::vector<std::string> core;
  for (const auto& s : t.sectors) {
    if (s.priority == Priority::core && s.id != "health-care" && s.id != "housing") core.push_back(s.id);
  }
  EXPECT_EQ(rows[own].missing_core, core);
  EXPECT_TRUE(rows[own].crosswalk_from.empty());
}

}  // namespace
}  // namespace xsector
