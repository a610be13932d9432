// Waves over time: every member's figures before and after, who answered each survey, ties
// compared only between members who answered both, contacts handed over, and trend. The
// expected values are worked out by hand from tests/data/waves/*.yaml (see the comments).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "xsector/compare.hpp"
#include "xsector/figures.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/load.hpp"
#include "xsector/people.hpp"
#include "xsector/trend.hpp"

using namespace xsector;

namespace {

const std::filesystem::path source_dir = XSECTOR_SOURCE_DIR;

struct Waves {
  Coalition a, b;
  Analysis aa, ab;
};

Waves load_waves() {
  Waves w{load_coalition_file(source_dir / "tests/data/waves/wave1.yaml"),
          load_coalition_file(source_dir / "tests/data/waves/wave2.yaml"),
          {},
          {}};
  w.aa = analyze(w.a);
  w.ab = analyze(w.b);
  return w;
}

using V = std::optional<double>;
const V none = std::nullopt;

/// members_changed[member].figures[name] as (before, after).
std::pair<V, V> figure(const Comparison& cmp, const std::string& member, const std::string& name) {
  const auto m = std::find_if(cmp.members_changed.begin(), cmp.members_changed.end(),
                              [&](const MemberChange& x) { return x.id == member; });
  EXPECT_NE(m, cmp.members_changed.end()) << member;
  if (m == cmp.members_changed.end()) return {};
  const auto f = std::find_if(m->figures.begin(), m->figures.end(), [&](const Delta& d) { return d.name == name; });
  EXPECT_NE(f, m->figures.end()) << name;
  if (f == m->figures.end()) return {};
  if (f->before && f->after) {
    EXPECT_NEAR(*f->change, *f->after - *f->before, 1e-12) << member << " " << name;
  } else {
    EXPECT_FALSE(f->change.has_value()) << member << " " << name;
  }
  return {f->before, f->after};
}

void expect_value(const V& got, const V& want, const std::string& what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (want) {
    EXPECT_NEAR(*got, *want, 1e-9) << what;
  }
}

}  // namespace

// Wave 1: ties a-b (levels 4 and 3 reported: 3), b-c (1), c-d (2): the path a-b-c-d.
// Wave 2: a-b (4), a-c (3), c-d (1), d-e (1): the path b-a-c-d-e.
// Respondents: wave 1 {a, b, c}, wave 2 {a, c, d}.
TEST(Waves, EveryMemberChangeMatchesTheHandComputedTable) {
  const Waves w = load_waves();
  const Comparison cmp = compare(w.a, w.aa, w.b, w.ab);
  ASSERT_EQ(cmp.members_changed.size(), 4U);  // a, b, c, d (e joined)
  EXPECT_EQ(cmp.members_changed[0].id, "a");
  EXPECT_EQ(cmp.members_changed.back().id, "d");
  EXPECT_EQ(cmp.members_changed[0].figures.size(), member_figure_table().size());
  // member -> figure -> (before, after), by hand:
  //  degree: path ends have 1, inner members 2.
  //  betweenness, normalized by (n-1)(n-2)/2: wave 1 (n 4, 3 pairs each) b and c lie on 2 of
  //  the 3 pairs not their own: 2/3; wave 2 (n 5, 6 pairs) a on (b,c), (b,d), (b,e): 3/6,
  //  c on 4 pairs: 4/6, d on 3: 3/6.
  //  closeness (n-1)/sum of distances: wave 1 a 3/6, b 3/4, c 3/4, d 3/6; wave 2 a 4/7,
  //  b 4/10, c 4/6, d 4/7.
  //  trust of a member: mean over responses about it of the mean of their trust items:
  //  wave 1 a: b's (3) = 3; b: a's (4+4+2)/3; c: b's (2); d: none. Wave 2 a: c's (2+4)/2 = 3;
  //  b: a's 3; c: a's 4; d: none.
  //  value: wave 1 a: 2, b: (3+3)/2 = 3, c: none, d: 4; wave 2 c: (2 + 1)/2 = 1.5, others none.
  //  in_degree (times named): wave 1 1 each; wave 2 a 1, b 1, c 2, d 0.
  //  out_degree: wave 1 a 1, b 2, c 1, d none (no answer); wave 2 a 2, b none, c 1, d 2.
  //  trust_given: wave 1 a 10/3, b (3 + 2)/2, c none (its answer rates no trust); wave 2 a
  //  (3 + 4)/2, c 3, d none.
  //  reciprocity (share of those it named who name it back): wave 1 a 1 (b names a), b 1/2
  //  (a yes, c no), c 0 (d did not answer); wave 2 a 1/2 (c yes, b did not answer), c 1, d 0.
  //  seat_share: wave 1 a 2/4, b 1/4, c 1/4, d 0; wave 2 1/4 each.
  //  power_share (Banzhaf, quota 3): wave 1 swings a 3 ({a,b}, {a,c}, {a,b,c}), b 1, c 1:
  //  a 3/5, b 1/5, c 1/5, d 0; wave 2 four equal votes, quota 3: 1/4 each.
  //  handoff_readiness: no contacts in either wave: none.
  const std::map<std::string, std::map<std::string, std::pair<V, V>>> expected = {
      {"a",
       {{"degree", {1, 2}},
        {"betweenness", {0, 0.5}},
        {"closeness", {0.5, 4.0 / 7}},
        {"trust", {3, 3}},
        {"value", {2, none}},
        {"in_degree", {1, 1}},
        {"out_degree", {1, 2}},
        {"trust_given", {10.0 / 3, 3.5}},
        {"reciprocity", {1, 0.5}},
        {"seat_share", {0.5, 0.25}},
        {"power_share", {0.6, 0.25}},
        {"handoff_readiness", {none, none}}}},
      {"b",
       {{"degree", {2, 1}},
        {"betweenness", {2.0 / 3, 0}},
        {"closeness", {0.75, 0.4}},
        {"trust", {10.0 / 3, 3}},
        {"value", {3, none}},
        {"in_degree", {1, 1}},
        {"out_degree", {2, none}},
        {"trust_given", {2.5, none}},
        {"reciprocity", {0.5, none}},
        {"seat_share", {0.25, 0.25}},
        {"power_share", {0.2, 0.25}},
        {"handoff_readiness", {none, none}}}},
      {"c",
       {{"degree", {2, 2}},
        {"betweenness", {2.0 / 3, 4.0 / 6}},
        {"closeness", {0.75, 4.0 / 6}},
        {"trust", {2, 4}},
        {"value", {none, 1.5}},
        {"in_degree", {1, 2}},
        {"out_degree", {1, 1}},
        {"trust_given", {none, 3}},
        {"reciprocity", {0, 1}},
        {"seat_share", {0.25, 0.25}},
        {"power_share", {0.2, 0.25}},
        {"handoff_readiness", {none, none}}}},
      {"d",
       {{"degree", {1, 2}},
        {"betweenness", {0, 0.5}},
        {"closeness", {0.5, 4.0 / 7}},
        {"trust", {none, none}},
        {"value", {4, none}},
        {"in_degree", {1, 0}},
        {"out_degree", {none, 2}},
        {"trust_given", {none, none}},
        {"reciprocity", {none, 0}},
        {"seat_share", {0, 0.25}},
        {"power_share", {0, 0.25}},
        {"handoff_readiness", {none, none}}}},
  };
  for (const auto& [member, figures] : expected) {
    for (const auto& [name, values] : figures) {
      const auto [before, after] = figure(cmp, member, name);
      expect_value(before, values.first, member + " " + name + " before");
      expect_value(after, values.second, member + " " + name + " after");
    }
  }
}

TEST(Waves, RespondentSetsAndTheirFinding) {
  const Waves w = load_waves();
  const Comparison cmp = compare(w.a, w.aa, w.b, w.ab);
  ASSERT_TRUE(cmp.respondents.surveyed);
  EXPECT_EQ(cmp.respondents.both, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(cmp.respondents.only_before, (std::vector<std::string>{"b"}));
  EXPECT_EQ(cmp.respondents.only_after, (std::vector<std::string>{"d"}));
  EXPECT_FALSE(cmp.respondents_both);
  const auto f = std::find_if(cmp.findings.begin(), cmp.findings.end(),
                              [](const Finding& x) { return x.code == "respondents-changed"; });
  ASSERT_NE(f, cmp.findings.end());
  EXPECT_EQ(f->subjects, (std::vector<std::string>{"b", "d"}));
  const std::string said = finding_text(*f, FindingNames(w.a, w.b));
  EXPECT_NE(said.find("2 answered both; only the first: Birch School; only the second: Dogwood Church"),
            std::string::npos)
      << said;
  // Every tie change over all pairs: formed a-c, d-e; dissolved b-c; a-b 3 -> 4; c-d 2 -> 1.
  auto pairs = [](const std::vector<TieChange>& list) {
    std::vector<std::string> out;
    for (const auto& t : list) out.push_back(t.a + "-" + t.b);
    return out;
  };
  EXPECT_EQ(pairs(cmp.ties.formed), (std::vector<std::string>{"a-c", "d-e"}));
  EXPECT_EQ(pairs(cmp.ties.dissolved), (std::vector<std::string>{"b-c"}));
  EXPECT_EQ(pairs(cmp.ties.strengthened), (std::vector<std::string>{"a-b"}));
  EXPECT_EQ(pairs(cmp.ties.weakened), (std::vector<std::string>{"c-d"}));
  EXPECT_EQ(cmp.qap.common_members, 4U);

  // --respondents both: only pairs of a and c (who answered both): a-c formed, nothing else.
  CompareOptions both;
  both.respondents_both = true;
  const Comparison only = compare(w.a, w.aa, w.b, w.ab, both);
  EXPECT_TRUE(only.respondents_both);
  EXPECT_EQ(pairs(only.ties.formed), (std::vector<std::string>{"a-c"}));
  EXPECT_TRUE(only.ties.dissolved.empty());
  EXPECT_TRUE(only.ties.strengthened.empty());
  EXPECT_TRUE(only.ties.weakened.empty());
  EXPECT_EQ(only.qap.common_members, 2U);
  // The member changes do not depend on it.
  EXPECT_EQ(only.members_changed.size(), cmp.members_changed.size());
}

TEST(Waves, NoRespondentsWithoutASurveyInBothWaves) {
  const Waves w = load_waves();
  Coalition plain = w.b;
  plain.survey.reset();
  CompareOptions both;
  both.respondents_both = true;
  const Comparison cmp = compare(w.a, w.aa, plain, analyze(plain), both);
  EXPECT_FALSE(cmp.respondents.surveyed);
  EXPECT_TRUE(cmp.respondents.both.empty());
  EXPECT_FALSE(cmp.respondents_both);  // ignored without two surveys
  EXPECT_TRUE(std::none_of(cmp.findings.begin(), cmp.findings.end(),
                           [](const Finding& f) { return f.code == "respondents-changed"; }));
}

// The largest changes: each |change| over the largest |value| of its figure among the kept
// members in either wave. Betweenness (largest 2/3): b 2/3 -> 0 is 1; a and d 0 -> 1/2 are
// 3/4. Degree (largest 2): a, b, d change by 1: 1/2. Trust (largest 4): c +2: 1/2.
TEST(Waves, LargestChangesAreRankedOnTheFiguresOwnScale) {
  const Waves w = load_waves();
  const Comparison cmp = compare(w.a, w.aa, w.b, w.ab);
  ASSERT_FALSE(cmp.largest_changes.empty());
  EXPECT_LE(cmp.largest_changes.size(), 10U);
  const auto specs = member_figure_table();
  auto name_of = [&](const RankedChange& r) {
    return cmp.members_changed[r.member].id + " " + std::string(specs[r.figure].name);
  };
  std::map<std::string, double> size;
  for (const auto& r : cmp.largest_changes) size[name_of(r)] = r.size;
  EXPECT_NEAR(size.at("b betweenness"), 1.0, 1e-12);
  EXPECT_NEAR(size.at("a betweenness"), 0.75, 1e-12);
  EXPECT_NEAR(size.at("d betweenness"), 0.75, 1e-12);
  for (std::size_t i = 1; i < cmp.largest_changes.size(); ++i) {
    EXPECT_GE(cmp.largest_changes[i - 1].size, cmp.largest_changes[i].size);
  }
  for (const auto& r : cmp.largest_changes) EXPECT_TRUE(specs[r.figure].headline) << name_of(r);
}

// A director replaced by a new director is a handover; the chamber's ties left with it.
TEST(Waves, ContactsReplacedAndTiesThatLeftWithTheirMember) {
  const Coalition a = load_coalition_file(source_dir / "tests/data/people/handover1.yaml");
  const Coalition b = load_coalition_file(source_dir / "tests/data/people/handover2.yaml");
  const PeopleChanges ch = compare_people(a, b);
  ASSERT_TRUE(ch.described);
  EXPECT_TRUE(ch.left.empty());
  EXPECT_TRUE(ch.joined.empty());
  ASSERT_EQ(ch.replaced.size(), 1U);
  EXPECT_EQ(ch.replaced[0].member, "clinic");
  EXPECT_EQ(ch.replaced[0].role, "Director");
  EXPECT_EQ(ch.replaced[0].left, "jdoe");
  EXPECT_EQ(ch.replaced[0].joined, "mross");
  EXPECT_EQ(ch.left_with_member, (std::vector<std::string>{"liaison"}));
  ASSERT_EQ(ch.handed_over.size(), 1U);
  EXPECT_EQ(ch.handed_over[0].b, "school");
  EXPECT_EQ(ch.handed_over[0].carriers_after, (std::vector<std::string>{"mross"}));
  EXPECT_TRUE(ch.dissolved.empty());
  ASSERT_EQ(ch.ties_left_with_member.size(), 2U);
  EXPECT_EQ(ch.ties_left_with_member[0].a, "chamber");
  EXPECT_EQ(ch.ties_left_with_member[0].b, "clinic");
  EXPECT_EQ(ch.ties_left_with_member[0].departed, (std::vector<std::string>{"liaison", "jdoe"}));
  EXPECT_EQ(ch.ties_left_with_member[1].b, "school");
  EXPECT_EQ(ch.ties_left_with_member[1].departed, (std::vector<std::string>{"liaison"}));

  const Comparison cmp = compare(a, analyze(a), b, analyze(b));
  auto codes = [&](const std::string& code) {
    return std::count_if(cmp.findings.begin(), cmp.findings.end(), [&](const Finding& f) { return f.code == code; });
  };
  EXPECT_EQ(codes("contacts-left"), 0);
  EXPECT_EQ(codes("contacts-joined"), 0);
  EXPECT_EQ(codes("carrier-left-tie-lost"), 0);
  EXPECT_EQ(codes("contact-replaced"), 1);
  EXPECT_EQ(codes("ties-left-with-member"), 1);
  const auto f = std::find_if(cmp.findings.begin(), cmp.findings.end(),
                              [](const Finding& x) { return x.code == "contact-replaced"; });
  EXPECT_EQ(finding_text(*f, FindingNames(a, b)), "At Clinic, a new Director took over from the previous one");
}

// Trend orders waves by as_of, else survey.fielded, else the order given.
TEST(Waves, TrendOrdersByDateAndReadsEveryWave) {
  Coalition w1 = load_coalition_file(source_dir / "tests/data/waves/wave1.yaml");
  Coalition w2 = load_coalition_file(source_dir / "tests/data/waves/wave2.yaml");
  Coalition w3 = load_coalition_file(source_dir / "tests/data/waves/wave3.yaml");
  EXPECT_EQ(wave_date(w3), "2026-05-01");  // no as_of: the survey's date
  const Analysis a1 = analyze(w1);
  const Analysis a2 = analyze(w2);
  const Analysis a3 = analyze(w3);
  const Trend t = trend({&w3, &w1, &w2}, {&a3, &a1, &a2}, {"degree", "trust"});
  ASSERT_EQ(t.waves.size(), 3U);
  EXPECT_EQ(t.waves[0].date, "2024-06-30");
  EXPECT_EQ(t.waves[1].date, "2025-06-30");
  EXPECT_EQ(t.waves[2].date, "2026-05-01");
  // Members in first-seen order: a b c d (wave 1), e (wave 2); e's name is wave 3's.
  ASSERT_EQ(t.members.size(), 5U);
  EXPECT_EQ(t.members[4].id, "e");
  EXPECT_EQ(t.members[4].name, "Elm Chamber of Commerce");
  // Degree of a: 1, 2, then wave 3's ties a-b, a-c, c-e: 2. d is absent from wave 3.
  EXPECT_EQ(t.members[0].figures[0], (Series{1.0, 2.0, 2.0}));
  EXPECT_EQ(t.members[3].figures[0], (Series{1.0, 2.0, std::nullopt}));
  EXPECT_EQ(t.members[4].figures[0], (Series{std::nullopt, 1.0, 1.0}));
  // Trust of b: 10/3, 3, then a's reliability 4.
  ASSERT_TRUE(t.members[1].figures[1][0]);
  EXPECT_NEAR(*t.members[1].figures[1][0], 10.0 / 3, 1e-12);
  EXPECT_EQ(t.members[1].figures[1][2], 4.0);
  // Undated files keep the order given, after dated ones.
  Coalition undated = w1;
  undated.as_of.clear();
  undated.survey->fielded.clear();
  EXPECT_EQ(trend_order({&undated, &w2, &w1}), (std::vector<std::size_t>{2, 1, 0}));
  EXPECT_EQ(trend_order({&undated, &w2, &undated}), (std::vector<std::size_t>{1, 0, 2}));
  EXPECT_THROW(trend({&w1, &w2}, {&a1, &a2}, {"degre"}), UsageError);
}
