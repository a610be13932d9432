// Hostile input, second round (the numbers): sector figures stay sparse with many sectors, the
// power estimate's work and the departures' lists are bounded, a survey pair written twice
// takes one level everywhere, pair counts agree with the statuses, and permutation p-values
// are (b + 1) / (m + 1). Every expected value is worked out by hand in the comments.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition_power.hpp"
#include "xsector/compare.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/power.hpp"
#include "xsector/resilience.hpp"
#include "xsector/sectors.hpp"
#include "xsector/survey.hpp"

using namespace xsector;

namespace {

// `sectors` declared sectors x0, x1, ..., one member m<i> in each (and `more_members`), and
// the ties `ties`.
std::string many_sectors(std::size_t sectors, const std::string& ties, const std::string& more_members = "") {
  std::string text = "coalition: {name: Many sectors}\nsectors:\n";
  for (std::size_t i = 0; i < sectors; ++i)
    text += fmt::format("  - {{id: x{}, name: X {}, priority: optional}}\n", i, i);
  text += "members:\n";
  for (std::size_t i = 0; i < sectors; ++i) text += fmt::format("  - {{id: m{}, sector: x{}}}\n", i, i);
  return text + more_members + "ties:\n" + ties;
}

// A body `seats` of one vote each (members s0, s1, ...) under `rule`, or with votes `votes(i)`.
template <class Votes>
Coalition body_of(std::size_t seats, const std::string& rule, Votes votes) {
  std::string text = "coalition: {name: Big body}\nmembers:\n";
  for (std::size_t i = 0; i < seats; ++i) text += fmt::format("  - {{id: s{}, sector: public-health}}\n", i);
  text += fmt::format("governance:\n  - body: assembly\n    rule: {}\n    seats: {{", rule);
  for (std::size_t i = 0; i < seats; ++i) text += fmt::format("{}s{}: {}", i == 0 ? "" : ", ", i, votes(i));
  return parse_coalition(text + "}\n", "body.yaml");
}

// The body's own power from a quick estimate (its indices are only the "before" of departures).
CoalitionPower quick_power(const Coalition& c) {
  CoalitionPower power;
  PowerOptions quick;
  quick.samples = 64;
  for (std::size_t b = 0; b < c.governance.size(); ++b) power.bodies.push_back(body_power(c, b, std::nullopt, quick));
  return power;
}

}  // namespace

TEST(ManySectors, MixingIsSparseAndUnlinkedPairsAreCountedAndBounded) {
  // 3,000 sectors with one member each; ties m0-m1 and m1-m2. Present sectors P = 3,000, so
  // P (P - 1) / 2 = 4,498,500 pairs, of which x0-x1 and x1-x2 are linked: 4,498,498 unlinked.
  // Listed in order: x0 with x2, x3, ... (x0-x1 is linked), the first 1,000 of them.
  const Coalition c = parse_coalition(many_sectors(3000, "  - [m0, m1]\n  - [m1, m2]\n"), "many.yaml");
  const Analysis a = analyze(c);
  const SectorReport& r = a.sectors;
  const std::size_t first = c.taxonomy.sectors.size();  // x0's index: after the taxonomy's sectors
  ASSERT_EQ(r.mixing.cells.size(), 2U);
  EXPECT_EQ(r.mixing.cells[0], (SectorMixing::Cell{first, first + 1, 1}));
  EXPECT_EQ(r.mixing.cells[1], (SectorMixing::Cell{first + 1, first + 2, 1}));
  EXPECT_EQ(r.mixing.ties(first + 1, first), 1U);
  EXPECT_EQ(r.mixing.ties(first, first + 2), 0U);
  EXPECT_EQ(r.gaps.unlinked_pair_count, 4'498'498U);
  ASSERT_EQ(r.gaps.unlinked_pairs.size(), listed_unlinked_pairs_limit);
  EXPECT_EQ(r.gaps.unlinked_pairs.front(), std::pair(first, first + 2));
  EXPECT_EQ(r.gaps.unlinked_pairs.back(), std::pair(first, first + 1001));
  EXPECT_EQ(r.sectors[first + 1].reaches, (std::vector<std::size_t>{first, first + 2}));

  const auto doc = nlohmann::json::parse(format_gaps(Format::json, c, a));
  EXPECT_TRUE(doc["sector_mixing"]["ties"].is_null());
  EXPECT_EQ(doc["sector_mixing"]["sectors"].size(), 3000U);
  EXPECT_EQ(doc["sector_mixing"]["pairs"], nlohmann::json::parse(R"([["x0", "x1", 1], ["x1", "x2", 1]])"));
  EXPECT_EQ(doc["gaps"]["unlinked_pairs"].size(), 1000U);
  EXPECT_EQ(doc["gaps"]["unlinked_pairs"][0], nlohmann::json::parse(R"(["x0", "x2"])"));
  EXPECT_EQ(doc["gaps"]["unlinked_pairs_total"], 4'498'498U);
  const std::string table = format_gaps(Format::table, c, a);
  EXPECT_NE(table.find("4498498 (the first 1000): x0/x2, x0/x3"), std::string::npos);
}

TEST(ManySectors, ASmallFileKeepsTheSquareMatrixAndTheFullList) {
  // Sectors x0 (m0, n0), x1, x2, x3; ties m0-n0 (inside x0), m0-m2 and m1-m3. Unlinked:
  // x0/x1, x0/x3, x1/x2, x2/x3, four in all, listed without a total.
  const Coalition c = parse_coalition(
      many_sectors(4, "  - [m0, n0]\n  - [m0, m2]\n  - [m1, m3]\n", "  - {id: n0, sector: x0}\n"), "small.yaml");
  const Analysis a = analyze(c);
  EXPECT_EQ(a.sectors.gaps.unlinked_pair_count, 4U);
  const auto doc = nlohmann::json::parse(format_gaps(Format::json, c, a));
  EXPECT_EQ(doc["sector_mixing"]["ties"],
            nlohmann::json::parse("[[1, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]]"));
  EXPECT_FALSE(doc["sector_mixing"].contains("pairs"));
  EXPECT_EQ(doc["gaps"]["unlinked_pairs"],
            nlohmann::json::parse(R"([["x0", "x1"], ["x0", "x3"], ["x1", "x2"], ["x2", "x3"]])"));
  EXPECT_FALSE(doc["gaps"].contains("unlinked_pairs_total"));
}

TEST(SurveyLevels, APairWrittenAsTwoOppositeTiesTakesTheHigherLevelEverywhere) {
  // a and b answered; a names b at level 1. The pair is also written as from a to b at level 2
  // and from b to a at level 3: its level is 3 whichever tie comes first, as the weighted
  // figures read it. c is named by a only: a one-sided pair, not written.
  for (const bool higher_first : {false, true}) {
    const std::string ties = higher_first ? "  - {from: b, to: a, level: 3}\n  - {from: a, to: b, level: 2}\n"
                                          : "  - {from: a, to: b, level: 2}\n  - {from: b, to: a, level: 3}\n";
    const Coalition c = parse_coalition(
        "coalition: {name: Levels}\nmembers:\n  - {id: a, sector: public-health}\n"
        "  - {id: b, sector: housing}\n  - {id: c, sector: education}\nties:\n" +
            ties +
            "survey:\n  respondents: [a, b]\n  responses:\n    - {by: a, about: b, level: 1}\n"
            "    - {by: a, about: c, level: 2}\n",
        "levels.yaml");
    const Analysis an = analyze(c);
    const SurveyFigures& s = an.survey;
    ASSERT_EQ(s.pairs.size(), 2U);
    ASSERT_TRUE(s.pairs[0].tie.has_value());
    EXPECT_EQ(c.ties[*s.pairs[0].tie].level, TieLevel::cooperating) << higher_first;  // level 3
    const auto doc = nlohmann::json::parse(format_analysis(Format::json, c, an));
    EXPECT_EQ(doc["survey"]["pairs"][0]["tie_level"], 3) << higher_first;
    EXPECT_EQ(doc["survey"]["pairs"][0]["status"], "written");
    const Network g = build_graph(c);  // the weighted figures' level of the pair: the highest, 3
    EXPECT_EQ(g.pairs()[0].level, 3) << higher_first;
    // One pair of each status besides confirmed: one-sided counts the one-sided pair only.
    EXPECT_EQ(s.reported_pairs, 2U);
    EXPECT_EQ(s.confirmed_pairs, 0U);
    EXPECT_EQ(s.one_sided_pairs, 1U);
    EXPECT_EQ(s.written_pairs, 1U);
    EXPECT_EQ(doc["survey"]["one_sided_pairs"], 1);
  }
}

TEST(QapPValue, TinyExactCaseEnumeratedByHand) {
  // Three members; a and b both tie 0-1. Relabellings π of b keep the tie iff π(2) = 2: the
  // identity and the swap (1, 0, 2). Besides the identity m = 5, b = 1: p = (1 + 1) / (5 + 1).
  const PairList a{3, {{0, 1}}};
  std::vector<std::size_t> perm{0, 1, 2};
  std::size_t m = 0;
  std::size_t at_least = 0;
  while (std::next_permutation(perm.begin(), perm.end())) {
    ++m;
    const bool kept = (perm[0] == 0 && perm[1] == 1) || (perm[0] == 1 && perm[1] == 0);
    at_least += kept ? 1 : 0;  // the statistic: a's pair still tied in b after relabelling
  }
  ASSERT_EQ(m, 5U);
  ASSERT_EQ(at_least, 1U);
  const Qap q = qap_test(a, a, 1000, 1);
  EXPECT_TRUE(q.exact);
  EXPECT_EQ(q.permutations, 6U);
  EXPECT_EQ(q.at_least, at_least);
  EXPECT_DOUBLE_EQ(*q.p_value, 2.0 / 6.0);
  EXPECT_EQ(p_value_text(q), "0.333");
  // a tied 0-1, b tied 0-2: the observed overlap is 0, so every relabelling is at least as
  // extreme: exact b = 5 of m = 5, p = 1; random with m = 4 relabellings (3! = 6 > 4): b = 4,
  // p = (4 + 1) / (4 + 1) = 1 whatever the draw.
  const PairList b{3, {{0, 2}}};
  EXPECT_DOUBLE_EQ(*qap_test(a, b, 1000, 1).p_value, 1.0);
  const Qap sampled = qap_test(a, b, 4, 9, false);
  EXPECT_FALSE(sampled.exact);
  EXPECT_EQ(sampled.permutations, 4U);
  EXPECT_EQ(sampled.at_least, 4U);
  EXPECT_DOUBLE_EQ(*sampled.p_value, 1.0);
}

TEST(QapPValue, NeverZeroWithRandomRelabellings) {
  // Ten members, a = b a path 0-1-...-9: only relabellings that map the path onto itself (the
  // identity and the reversal) reach the observed 9 shared ties. Drawing 200 of 10! at random
  // almost surely finds neither, so p = (0 + 1) / (200 + 1); whatever b, p >= 1 / 201.
  PairList path{10, {}};
  for (std::uint32_t i = 0; i + 1 < 10; ++i) path.pairs.emplace_back(i, i + 1);
  const Qap q = qap_test(path, path, 200, 3);
  EXPECT_FALSE(q.exact);
  EXPECT_DOUBLE_EQ(*q.p_value, static_cast<double>(q.at_least + 1) / 201.0);
  EXPECT_GE(*q.p_value, 1.0 / 201.0);
  EXPECT_EQ(p_value_text(q).find('e'), std::string::npos);
}

TEST(PowerBounds, TheExactTableFallsBackToAnEstimateOverItsMemoryBudget) {
  // Weights 1..20, majority: exact under the default budgets.
  WeightedGame game;
  for (std::int64_t w = 1; w <= 20; ++w) game.weights.push_back(w);
  game.quota = 106;  // floor(210 / 2) + 1
  EXPECT_FALSE(power_indices(game).estimate.has_value());
  PowerOptions small;
  small.exact_memory = 1024;  // far less than the table of 2·20 + 1 rows of reachable sums
  small.samples = 4096;
  const PowerIndices estimated = power_indices(game, small);
  ASSERT_TRUE(estimated.estimate.has_value());
  EXPECT_EQ(estimated.estimate->samples, 4096U);
  // More than exact_player_limit players: estimated at once, even when every one is a veto
  // player (no table to build at all).
  WeightedGame vetoes;
  vetoes.weights.assign(exact_player_limit + 1, 1);
  vetoes.veto.assign(exact_player_limit + 1, true);
  vetoes.quota = static_cast<std::int64_t>(exact_player_limit + 1);
  PowerOptions few;
  few.samples = 16;
  EXPECT_TRUE(power_indices(vetoes, few).estimate.has_value());
}

TEST(PowerBounds, DeparturesShareOneBoundedEstimateBudget) {
  // Votes 10^12 + i make every departure a different game, too large to count exactly.
  auto dollars = [](std::size_t i) { return 1'000'000'000'000LL + static_cast<long long>(i); };
  // 1,000 seats: 2^19 / 999 = 524 samples (within 2^29 / (1000 · 999) = 537).
  const Coalition thousand = body_of(1000, "majority", dollars);
  const BodyPower t = body_power(thousand, 0, std::size_t{0});
  ASSERT_TRUE(t.estimate.has_value());
  EXPECT_EQ(t.estimate->samples, 524U);
  // 1,500 seats: 2^19 / 1499 = 349, but 2^29 / (1500 · 1499) = 536,870,912 / 2,248,500 = 238.
  const Coalition big = body_of(1500, "majority", dollars);
  const BodyPower b = body_power(big, 0, std::size_t{0});
  ASSERT_TRUE(b.estimate.has_value());
  EXPECT_EQ(b.estimate->samples, 238U);
  EXPECT_LE(b.estimate->samples * 1500U * 1499U, departure_estimate_work);
}

TEST(PowerBounds, ABodyOverTheSeatLimitRecomputesNoDeparture) {
  // 1,501 one-vote seats with an explicit quota of 1,501: any departure leaves 1,500 votes,
  // short of the quota, so no departure lets the rest decide; nothing is recomputed or listed.
  const Coalition c = body_of(departure_seat_limit + 1, "{quota: 1501}", [](std::size_t) { return 1; });
  const Network g = build_graph(c);
  const Resilience r = resilience(c, g, index_sectors(c), quick_power(c));
  EXPECT_EQ(r.power_not_recomputed, (std::vector<std::size_t>{0}));
  EXPECT_TRUE(r.power_estimates.empty());
  for (const Departure& d : r.departures) {
    ASSERT_EQ(d.power.size(), 1U);
    EXPECT_FALSE(d.power[0].recomputed);
    EXPECT_FALSE(d.power[0].can_decide);
    EXPECT_TRUE(d.power[0].members.empty());
    EXPECT_EQ(d.power[0].seats_total, departure_seat_limit);
  }
  // Under majority the 1,500 left decide (quota 751 of 1,500).
  const Coalition m = body_of(departure_seat_limit + 1, "majority", [](std::size_t) { return 1; });
  const Resilience rm = resilience(m, build_graph(m), index_sectors(m), quick_power(m));
  EXPECT_TRUE(rm.departures[7].power[0].can_decide);
  const auto doc = nlohmann::json::parse(format_power(Format::json, m, analyze(m)));
  const auto& shift = doc["resilience"]["departures"][7]["power"][0];
  EXPECT_TRUE(shift["seats"].empty());
  EXPECT_EQ(shift["seats_total"], 1500);
}

TEST(PowerBounds, ADepartureListsAtMostTwoHundredSeats) {
  // 300 one-vote seats, majority: after a departure 299 seats remain, all with equal power, so
  // every change is equal and the first 200 remaining seats (in seat order) are listed. The
  // departures are estimated (8/300 of the exact budget is too little): 2^19 / 299 = 1753
  // samples each, all 300 departures one cached game.
  const Coalition c = body_of(300, "majority", [](std::size_t) { return 1; });
  const Network g = build_graph(c);
  const Resilience r = resilience(c, g, index_sectors(c), quick_power(c));
  const PowerShift& s5 = r.departures[5].power[0];
  EXPECT_EQ(s5.seats_total, 299U);
  ASSERT_EQ(s5.members.size(), departure_listed_seats);
  std::vector<std::size_t> expected(200);
  std::iota(expected.begin(), expected.end(), std::size_t{0});
  for (std::size_t i = 5; i < 200; ++i) expected[i] = i + 1;  // s5 itself left
  EXPECT_EQ(s5.members, expected);
  ASSERT_EQ(r.power_estimates.size(), 1U);
  EXPECT_EQ(r.power_estimates[0].departures, 300U);
  EXPECT_EQ(r.power_estimates[0].widest.samples, 1753U);
  EXPECT_GT(r.power_estimates[0].widest.banzhaf_half_width, 0.0);
}

TEST(Departures, AMemberCanUnlinkItsOwnSector) {
  // Sector public-health: a1, a2; housing: b1. Ties a1-a2 and a1-b1. a1's departure cuts
  // public-health (a2 stays in it) and housing off from each other: both are unlinked. b1 is
  // housing's only member: housing is lost, public-health unlinked.
  const Coalition c = parse_coalition(
      "coalition: {name: Own sector}\nmembers:\n  - {id: a1, sector: public-health}\n"
      "  - {id: a2, sector: public-health}\n  - {id: b1, sector: housing}\nties:\n  - [a1, a2]\n  - [a1, b1]\n",
      "own.yaml");
  const Analysis an = analyze(c);
  const auto& sectors = an.sectors.index.sectors;
  auto ids = [&](const std::vector<std::size_t>& list) {
    std::vector<std::string> out;
    for (const auto s : list) out.push_back(sectors[s].id);
    return out;
  };
  const Departure& a1 = an.resilience.departures[0];
  EXPECT_EQ(ids(a1.sectors_unlinked), (std::vector<std::string>{"public-health", "housing"}));
  EXPECT_TRUE(a1.sectors_lost.empty());
  const Departure& b1 = an.resilience.departures[2];
  EXPECT_EQ(ids(b1.sectors_lost), (std::vector<std::string>{"housing"}));
  EXPECT_EQ(ids(b1.sectors_unlinked), (std::vector<std::string>{"public-health"}));
}

TEST(ManySectors, TrustBySectorIsSparseAboveTwoHundredSectors) {
  // 201 sectors with one member each; m0 rates m1 (trust 4, 2 -> 3), m2 rates m1 (trust 1)
  // and m1 rates m0 without trust. Cells: x0->x1 3 (1 response), x1->x0 null (0), x2->x1 1 (1).
  const std::string survey =
      "survey:\n  respondents: [m0, m1, m2]\n  responses:\n"
      "    - {by: m0, about: m1, trust: {reliability: 4, mission: 2}}\n"
      "    - {by: m2, about: m1, trust: {openness: 1}}\n    - {by: m1, about: m0}\n";
  const Coalition c = parse_coalition(many_sectors(201, "  - [m5, m6]\n") + survey, "trust.yaml");
  const Analysis a = analyze(c);
  const std::size_t x0 = c.taxonomy.sectors.size();
  const SectorTrust& t = a.survey.trust_by_sector;
  ASSERT_EQ(t.cells.size(), 3U);
  EXPECT_DOUBLE_EQ(*t.trust(x0, x0 + 1), 3.0);
  EXPECT_FALSE(t.trust(x0 + 1, x0).has_value());
  EXPECT_EQ(t.responses(x0 + 1, x0), 0U);
  EXPECT_DOUBLE_EQ(*t.trust(x0 + 2, x0 + 1), 1.0);
  EXPECT_FALSE(t.trust(x0 + 3, x0 + 1).has_value());
  const auto doc = nlohmann::json::parse(format_analysis(Format::json, c, a));
  EXPECT_TRUE(doc["trust_by_sector"]["trust"].is_null());
  EXPECT_EQ(doc["trust_by_sector"]["cells"],
            nlohmann::json::parse(R"([["x0", "x1", 3.0, 1], ["x1", "x0", null, 0], ["x2", "x1", 1.0, 1]])"));
}
