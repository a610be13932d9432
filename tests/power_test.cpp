#include "xsector/power.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>

#include "test_graphs.hpp"
#include "xsector/analysis.hpp"
#include "xsector/centrality.hpp"
#include "xsector/coalition_power.hpp"
#include "xsector/error.hpp"
#include "xsector/output.hpp"

using namespace xsector;

namespace {

WeightedGame game(std::int64_t quota, std::vector<std::int64_t> weights, std::vector<bool> veto = {}) {
  return {std::move(weights), quota, std::move(veto)};
}

// Brute force over all 2^n coalitions, independent of the dynamic programme.
struct Brute {
  std::vector<std::uint64_t> swings;
  std::vector<double> shapley_shubik;
};
Brute enumerate(const WeightedGame& g) {
  const std::size_t n = g.weights.size();
  auto wins = [&](std::uint32_t set) {
    std::int64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (set >> i & 1U)
        w += g.weights[i];
      else if (!g.veto.empty() && g.veto[i])
        return false;
    }
    return w >= g.quota;
  };
  std::vector<double> factorial(n + 1, 1.0);
  for (std::size_t i = 1; i <= n; ++i) factorial[i] = factorial[i - 1] * static_cast<double>(i);
  Brute b{std::vector<std::uint64_t>(n, 0), std::vector<double>(n, 0.0)};
  for (std::uint32_t set = 0; set < (1U << n); ++set) {
    for (std::size_t i = 0; i < n; ++i) {
      if (set >> i & 1U) continue;
      if (!wins(set) && wins(set | (1U << i))) {
        ++b.swings[i];
        const auto s = static_cast<std::size_t>(__builtin_popcount(set));
        b.shapley_shubik[i] += factorial[s] * factorial[n - 1 - s] / factorial[n];
      }
    }
  }
  return b;
}

}  // namespace

// Published: EEC Council of Ministers 1958 (Felsenthal and Machover 1998).
TEST(PowerIndices, EecCouncil1958) {
  const auto p = power_indices(game(12, {4, 4, 4, 2, 2, 1}));
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(*p.banzhaf[i], 5.0 / 21.0, 1e-15);
    EXPECT_NEAR(p.shapley_shubik[i], 7.0 / 30.0, 1e-15);
  }
  for (int i = 3; i < 5; ++i) {
    EXPECT_NEAR(*p.banzhaf[i], 1.0 / 7.0, 1e-15);
    EXPECT_NEAR(p.shapley_shubik[i], 3.0 / 20.0, 1e-15);
  }
  EXPECT_EQ(*p.banzhaf[5], 0.0);
  EXPECT_EQ(p.shapley_shubik[5], 0.0);
  EXPECT_EQ(p.swings[5].value().str(), "0");
}

// A veto player whose own votes reach the quota leaves nothing for the others to add: the
// table of reachable sums is empty (found by fuzzing the Project Restoration network, whose
// funders' table loses its majority when a member leaves). By hand, [3; 3, 2, 2] with the
// first player a veto: it wins alone and with any others, so it swings in all 4 coalitions
// that hold it and the others never swing.
TEST(PowerIndices, VetoPlayerReachingTheQuotaAloneHasAllThePower) {
  WeightedGame g = game(3, {3, 2, 2});
  g.veto = {true, false, false};
  const auto p = power_indices(g);
  EXPECT_EQ(p.swings[0].value().str(), "4");
  EXPECT_EQ(*p.banzhaf[0], 1.0);
  EXPECT_EQ(p.shapley_shubik[0], 1.0);
  EXPECT_EQ(p.penrose[0], 1.0);
  for (int i = 1; i < 3; ++i) {
    EXPECT_EQ(p.swings[i].value().str(), "0");
    EXPECT_EQ(p.shapley_shubik[i], 0.0);
  }
}

// Published: Nassau County Board of Supervisors 1958 (Banzhaf 1965): three dummies.
TEST(PowerIndices, NassauCounty1958) {
  const auto p = power_indices(game(16, {9, 9, 7, 3, 1, 1}));
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(*p.banzhaf[i], 1.0 / 3.0, 1e-15);
  for (int i = 3; i < 6; ++i) EXPECT_EQ(*p.banzhaf[i], 0.0);
}

// Published: UN Security Council, five permanent members with 7 votes, quota 39.
TEST(PowerIndices, UnSecurityCouncilShapleyShubik) {
  std::vector<std::int64_t> w(5, 7);
  w.insert(w.end(), 10, 1);
  const auto p = power_indices(game(39, w));
  EXPECT_NEAR(p.shapley_shubik[0], 421.0 / 2145.0, 1e-15);
  EXPECT_NEAR(p.shapley_shubik[14], 4.0 / 2145.0, 1e-15);
}

TEST(PowerIndices, UnanimityGivesEqualPower) {
  const auto p = power_indices(game(10, {1, 2, 3, 4}));
  for (int i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(*p.banzhaf[i], 0.25);
    EXPECT_DOUBLE_EQ(p.shapley_shubik[i], 0.25);
    EXPECT_DOUBLE_EQ(p.penrose[i], 1.0 / 8.0);
  }
}

TEST(PowerIndices, MatchBruteForceOnRandomGamesUpTo15Players) {
  std::mt19937 rng(20261122);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 1 + rng() % 15;
    WeightedGame g;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      g.weights.push_back(1 + static_cast<std::int64_t>(rng() % 9));
      total += g.weights.back();
    }
    g.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint32_t>(total));
    if (trial % 3 == 0) {
      for (std::size_t i = 0; i < n; ++i) g.veto.push_back(rng() % 5 == 0);
    }
    const auto p = power_indices(g);
    const Brute b = enumerate(g);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(p.swings[i].value().str(), std::to_string(b.swings[i])) << "trial " << trial << " player " << i;
      EXPECT_NEAR(p.shapley_shubik[i], b.shapley_shubik[i], 1e-12) << "trial " << trial;
      EXPECT_DOUBLE_EQ(p.penrose[i], static_cast<double>(b.swings[i]) / std::ldexp(1.0, static_cast<int>(n) - 1));
    }
  }
}

// 200 equal seats, simple majority: counts far beyond 64 bits. Penrose = C(199,100)/2^199.
TEST(PowerIndices, TwoHundredSeatHoldersExactly) {
  const auto p = power_indices(game(101, std::vector<std::int64_t>(200, 1)));
  const double penrose = std::exp(std::lgamma(200.0) - std::lgamma(101.0) - std::lgamma(100.0) - 199 * std::log(2.0));
  for (int i = 0; i < 200; i += 37) {
    EXPECT_NEAR(p.penrose[i], penrose, 1e-12);
    EXPECT_NEAR(*p.banzhaf[i], 1.0 / 200.0, 1e-15);
    EXPECT_NEAR(p.shapley_shubik[i], 1.0 / 200.0, 1e-15);
  }
  EXPECT_GT(p.swings[0].value().str().size(), 20U);  // more digits than any 64-bit count
}

TEST(PowerIndices, TwoHundredMixedSeatsSumToOneAndRespectWeight) {
  std::vector<std::int64_t> w;
  for (int i = 0; i < 200; ++i) w.push_back(1 + i % 3);
  const auto p = power_indices(game(201, w));
  double banzhaf = 0;
  double ss = 0;
  for (std::size_t i = 0; i < 200; ++i) {
    banzhaf += *p.banzhaf[i];
    ss += p.shapley_shubik[i];
  }
  EXPECT_NEAR(banzhaf, 1.0, 1e-12);
  EXPECT_NEAR(ss, 1.0, 1e-12);
  EXPECT_LT(p.shapley_shubik[0], p.shapley_shubik[1]);
  EXPECT_LT(p.shapley_shubik[1], p.shapley_shubik[2]);
  EXPECT_DOUBLE_EQ(p.shapley_shubik[0], p.shapley_shubik[3]);
}

TEST(PowerIndices, QuotaAboveTotalMeansNoOneHasPower) {
  const auto p = power_indices(game(10, {1, 2}));
  EXPECT_FALSE(p.banzhaf[0].has_value());
  EXPECT_EQ(p.shapley_shubik[1], 0.0);
}

TEST(Gini, ByHand) {
  EXPECT_DOUBLE_EQ(*gini({1, 1, 1, 1}), 0.0);
  EXPECT_DOUBLE_EQ(*gini({0, 0, 0, 4}), 0.75);
  EXPECT_DOUBLE_EQ(*gini({1, 3}), 0.25);  // |1-3| * 2 / (2 * 2 * 4)
  EXPECT_FALSE(gini({}).has_value());
  EXPECT_FALSE(gini({0, 0}).has_value());
}

namespace {
const char* const board = R"(coalition: {name: p}
members:
  - {id: a, sector: housing}
  - {id: b, sector: education}
  - {id: c, sector: residents, community_led: true}
  - {id: d, sector: economic}
governance:
  - body: board
    rule: majority
    seats: {a: 3, b: 2, c: 1, d: 1}
  - body: pair
    rule: unanimity
    seats: {a: 1, b: 1}
)";
}

// [4; 3, 2, 1, 1] by hand: a swings with {b} {c} {d} {b,c} {b,d} {c,d} (6); b with {a} {c,d};
// c with {a} {b,d}; d with {a} {b,c}: Banzhaf 6/12, 2/12, 2/12, 2/12.
TEST(BodyPower, SharesVetoAndDummiesByHand) {
  const Coalition c = parse_coalition(board, "p.yaml");
  const BodyPower p = body_power(c, 0);
  EXPECT_EQ(p.quota, 4);
  EXPECT_EQ(p.total_votes, 7);
  EXPECT_DOUBLE_EQ(p.seats[0].seat_share, 3.0 / 7.0);
  EXPECT_NEAR(*p.seats[0].banzhaf, 0.5, 1e-15);
  EXPECT_NEAR(*p.seats[3].banzhaf, 1.0 / 6.0, 1e-15);
  EXPECT_TRUE(p.veto_players.empty());  // 7 - 3 = 4 still reaches the quota
  EXPECT_TRUE(p.dummies.empty());
  EXPECT_NEAR(*p.effective_decision_makers, 1.0 / (0.25 + 3.0 / 36.0), 1e-12);
  const BodyPower pair = body_power(c, 1);
  EXPECT_EQ(pair.veto_players, (std::vector<std::size_t>{0, 1}));  // implicit vetoes under unanimity
  EXPECT_DOUBLE_EQ(*pair.effective_decision_makers, 2.0);
}

TEST(BodyPower, DepartureRederivesTheQuota) {
  const Coalition c = parse_coalition(board, "p.yaml");
  // Without a: [3; 2, 1, 1] (majority of 4): b is a veto player, c and d swing only with b.
  const BodyPower p = body_power(c, 0, 0);
  EXPECT_EQ(p.quota, 3);
  ASSERT_EQ(p.seats.size(), 3U);
  EXPECT_EQ(p.veto_players, (std::vector<std::size_t>{1}));
  EXPECT_NEAR(*p.seats[0].banzhaf, 3.0 / 5.0, 1e-15);
  const BodyPower pair = body_power(c, 1, 1);
  EXPECT_TRUE(pair.can_decide);
  EXPECT_NEAR(*pair.seats[0].banzhaf, 1.0, 1e-15);
}

TEST(BodyPower, ExplicitQuotaThatCanNoLongerBeMetMeansNoDecision) {
  const Coalition c = parse_coalition(
      "coalition: {name: q}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}]\n"
      "governance: [{body: x, rule: {quota: 2}, seats: {a: 1, b: 1}}]\n",
      "q.yaml");
  const BodyPower p = body_power(c, 0, 0);
  EXPECT_FALSE(p.can_decide);
  EXPECT_FALSE(p.seats[0].banzhaf.has_value());
}

TEST(BodyPower, ExplicitVetoIsHonoured) {
  const Coalition c = parse_coalition(
      "coalition: {name: v}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: housing}]\n"
      "governance: [{body: x, rule: majority, seats: {a: 1, b: 1, c: 1}, veto: [c]}]\n",
      "v.yaml");
  // Winning: {a,c}, {b,c}, {a,b,c}. Swings: c 3, a 1, b 1.
  const BodyPower p = body_power(c, 0);
  EXPECT_NEAR(*p.seats[2].banzhaf, 0.6, 1e-15);
  EXPECT_NEAR(*p.seats[0].banzhaf, 0.2, 1e-15);
  EXPECT_EQ(p.veto_players, (std::vector<std::size_t>{2}));
}

// Healthy in the Hills: 10 equal votes (0.1 each) and the steering committee
// [5 of 7; whwc 3 (veto), wvu-ext 2, frn 1, residents 1] with swings 5, 3, 1, 1.
TEST(CoalitionPower, HealthyInTheHillsByHand) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/healthy-in-the-hills.yaml");
  const Network g = build_graph(c);
  const CoalitionPower p = coalition_power(c, g, index_sectors(c), betweenness(g));
  const BodyPower& steering = p.bodies[1];
  EXPECT_EQ(steering.quota, 5);
  EXPECT_NEAR(*steering.seats[0].banzhaf, 0.5, 1e-15);
  EXPECT_NEAR(*steering.seats[1].banzhaf, 0.3, 1e-15);
  EXPECT_NEAR(*steering.seats[3].banzhaf, 0.1, 1e-15);
  const std::size_t whwc = *c.member_index("whwc");
  const std::size_t residents = *c.member_index("residents");
  EXPECT_NEAR(p.members[whwc].power, 0.3, 1e-15);
  EXPECT_NEAR(p.members[residents].power, 0.1, 1e-15);
  EXPECT_NEAR(p.community_led->power, 0.3, 1e-15);
  EXPECT_NEAR(p.community_led->seats, (0.4 + 2.0 / 7.0) / 2.0, 1e-15);
  EXPECT_NEAR(*p.backbone_power_share, 0.3, 1e-15);
  ASSERT_EQ(p.concentrated_roles.size(), 1U);
  EXPECT_EQ(p.concentrated_roles[0].roles,
            (std::vector<std::string>{"backbone", "chair:network-members", "chair:steering-committee"}));
  // whwc brings 120000 of 175000 funding and 0.3 of power: the largest gap.
  ASSERT_FALSE(p.resource_gaps.empty());
  EXPECT_EQ(p.resource_gaps[0].member, whwc);
  EXPECT_NEAR(p.resource_gaps[0].funding_share, 120000.0 / 175000.0, 1e-15);
}

// Shares are means over the bodies: with none they are undefined (null in JSON, "-" in
// tables), never 0; with bodies they are the member's own means (whwc: (0.1 + 3/7) / 2).
TEST(CoalitionPower, SharesAreUndefinedWithoutBodies) {
  const Coalition none = parse_coalition(
      "coalition: {name: T}\nmembers:\n  - {id: a, sector: housing}\n  - {id: b, sector: public-health}\n"
      "ties: [[a, b]]\n",
      "t.yaml");
  const Network g = build_graph(none);
  const SectorIndex sectors = index_sectors(none);
  const CoalitionPower p = coalition_power(none, g, sectors, betweenness(g));
  EXPECT_TRUE(p.bodies.empty());
  EXPECT_FALSE(p.member_shares(0));
  EXPECT_FALSE(p.member_shares(1));
  EXPECT_FALSE(p.sector_shares(sectors.sector_of[0]));
  EXPECT_FALSE(p.community_led);

  const Coalition hills = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/healthy-in-the-hills.yaml");
  const Network h = build_graph(hills);
  const SectorIndex hs = index_sectors(hills);
  const CoalitionPower q = coalition_power(hills, h, hs, betweenness(h));
  const std::size_t whwc = *hills.member_index("whwc");
  ASSERT_TRUE(q.member_shares(whwc));
  EXPECT_NEAR(q.member_shares(whwc)->seats, (0.1 + 3.0 / 7.0) / 2.0, 1e-15);
  EXPECT_NEAR(q.member_shares(whwc)->power, 0.3, 1e-15);
  ASSERT_TRUE(q.sector_shares(hs.sector_of[whwc]));
}

// Large votes: weights of 10^8 scale and random 9-digit weights (votes = dollars) are exact
// and match enumeration; the gcd and the dual quota (supermajorities) take the same path.
TEST(PowerIndices, LargeVotesMatchBruteForce) {
  std::mt19937 rng(77);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t n = 1 + rng() % 13;
    WeightedGame g;
    std::int64_t total = 0;
    const std::int64_t scale = trial % 2 == 0 ? 100'000'000 : 1;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t w = trial % 2 == 0 ? 1 + static_cast<std::int64_t>(rng() % 7)
                                            : 10'000'000 + static_cast<std::int64_t>(rng() % 90'000'000);
      g.weights.push_back(w * scale);
      total += g.weights.back();
    }
    g.quota = 1 + static_cast<std::int64_t>(std::uniform_int_distribution<std::int64_t>(0, total - 1)(rng));
    if (trial % 4 == 1) {
      for (std::size_t i = 0; i < n; ++i) g.veto.push_back(rng() % 4 == 0);
    }
    const auto p = power_indices(g);
    ASSERT_FALSE(p.estimate.has_value()) << "trial " << trial;
    const Brute b = enumerate(g);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(p.swings[i].value().str(), std::to_string(b.swings[i])) << "trial " << trial << " player " << i;
      EXPECT_NEAR(p.shapley_shubik[i], b.shapley_shubik[i], 1e-12) << "trial " << trial;
    }
  }
}

// Unanimity of 300 players: the dual game (quota 1) keeps the table to one weight.
TEST(PowerIndices, UnanimityOfManyIsExactThroughTheDual) {
  std::vector<std::int64_t> w(300, 1'000'000'007);
  const auto p = power_indices(game(300 * std::int64_t{1'000'000'007}, w));
  ASSERT_FALSE(p.estimate.has_value());
  EXPECT_EQ(p.swings[7].value().str(), "1");
  EXPECT_DOUBLE_EQ(p.shapley_shubik[7], 1.0 / 300.0);
  EXPECT_DOUBLE_EQ(*p.banzhaf[7], 1.0 / 300.0);
}

namespace {

// Forced into Monte Carlo (budget 0): the stated 99% intervals must cover the exact values
// (about 1 seat in 100 may fall outside; none by more than twice the half-width).
struct Coverage {
  int checks = 0;
  int misses = 0;
};

void expect_estimate_covers(const WeightedGame& g, std::uint64_t seed, Coverage& coverage) {
  const auto exact = power_indices(g);
  ASSERT_FALSE(exact.estimate.has_value());
  PowerOptions options;
  options.exact_budget = 0;
  options.seed = seed;
  const auto est = power_indices(g, options);
  ASSERT_TRUE(est.estimate.has_value());
  EXPECT_EQ(est.estimate->method, "monte-carlo");
  EXPECT_EQ(est.estimate->samples, std::uint64_t{1} << 16);
  // Bernstein: never wider than Hoeffding's sqrt(L / 2N) plus L / 3N, L = ln(2 / 0.01).
  const double n = 65536.0;
  const double bound = std::sqrt(std::log(200.0) / (2.0 * n)) + std::log(200.0) / (3.0 * n);
  EXPECT_LE(est.estimate->penrose_half_width, bound);
  EXPECT_LE(est.estimate->shapley_shubik_half_width, bound);
  EXPECT_GT(est.estimate->penrose_half_width, 0.0);
  auto check = [&](double estimate, double truth, double half_width) {
    ++coverage.checks;
    if (std::abs(estimate - truth) > half_width) ++coverage.misses;
    EXPECT_LE(std::abs(estimate - truth), 2 * half_width);
  };
  for (std::size_t i = 0; i < g.weights.size(); ++i) {
    check(est.penrose[i], exact.penrose[i], est.estimate->penrose_half_width);
    check(est.shapley_shubik[i], exact.shapley_shubik[i], est.estimate->shapley_shubik_half_width);
    if (exact.banzhaf[i]) check(est.banzhaf[i].value_or(0.0), *exact.banzhaf[i], est.estimate->banzhaf_half_width);
  }
  // Every random order has exactly one pivot.
  EXPECT_NEAR(std::accumulate(est.shapley_shubik.begin(), est.shapley_shubik.end(), 0.0), 1.0, 1e-12);
}

}  // namespace

TEST(PowerEstimate, IntervalCoversExactValuesOnPublishedGames) {
  Coverage coverage;
  expect_estimate_covers(game(12, {4, 4, 4, 2, 2, 1}), 1, coverage);
  expect_estimate_covers(game(16, {9, 9, 7, 3, 1, 1}), 2, coverage);
  std::vector<std::int64_t> un(5, 7);
  un.insert(un.end(), 10, 1);
  expect_estimate_covers(game(39, un), 3, coverage);
  expect_estimate_covers(game(5, {3, 2, 1, 1}, {true, false, false, false}), 4, coverage);
  EXPECT_LE(coverage.misses, 1) << "of " << coverage.checks;
}

TEST(PowerEstimate, IntervalCoversExactValuesOnRandomGames) {
  std::mt19937 rng(99);
  Coverage coverage;
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t n = 2 + rng() % 12;
    WeightedGame g;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      g.weights.push_back(1 + static_cast<std::int64_t>(rng() % 20));
      total += g.weights.back();
    }
    g.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint32_t>(total));
    expect_estimate_covers(g, static_cast<std::uint64_t>(trial), coverage);
  }
  // A 99% interval: expect about 1% misses; allow 3%.
  EXPECT_LE(coverage.misses * 100, 3 * coverage.checks) << coverage.misses << " of " << coverage.checks;
  EXPECT_GT(coverage.checks, 500);
}

TEST(PowerEstimate, DeterministicForASeed) {
  const WeightedGame g = game(20, {9, 7, 5, 4, 3, 3, 2, 1, 1});
  PowerOptions a;
  a.exact_budget = 0;
  PowerOptions b = a;
  b.exact_budget = 1;  // a different cache key: computed again, not reused
  const auto first = power_indices(g, a);
  const auto second = power_indices(g, b);
  ASSERT_TRUE(second.estimate.has_value());
  EXPECT_EQ(first.penrose, second.penrose);
  EXPECT_EQ(first.shapley_shubik, second.shapley_shubik);
  PowerOptions c = a;
  c.seed = a.seed + 1;
  EXPECT_NE(power_indices(g, c).penrose, first.penrose);
}

namespace {

std::string assembly(const std::vector<std::int64_t>& votes, const std::string& rule = "majority") {
  std::string text = "coalition: {name: generated}\nmembers:\n";
  for (std::size_t i = 0; i < votes.size(); ++i) text += "  - {id: m" + std::to_string(i) + ", sector: housing}\n";
  text += "governance:\n  - body: assembly\n    rule: " + rule + "\n    seats:\n";
  for (std::size_t i = 0; i < votes.size(); ++i) {
    text += "      m" + std::to_string(i) + ": " + std::to_string(votes[i]) + "\n";
  }
  return text;
}

}  // namespace

// 200 members, each with one vote, simple majority: exact, and every departure exact too.
TEST(BodyPower, TwoHundredSeatAssemblyWithDepartures) {
  const Coalition c = parse_coalition(assembly(std::vector<std::int64_t>(200, 1)), "a.yaml");
  const BodyPower p = body_power(c, 0);
  ASSERT_FALSE(p.estimate.has_value());
  EXPECT_NEAR(*p.seats[13].banzhaf, 1.0 / 200.0, 1e-15);
  for (std::size_t v = 0; v < 200; v += 50) {
    const BodyPower after = body_power(c, 0, v);
    ASSERT_FALSE(after.estimate.has_value());
    EXPECT_EQ(after.quota, 100);  // majority of 199
    EXPECT_NEAR(*after.seats[0].banzhaf, 1.0 / 199.0, 1e-15);
  }
}

// 100 seats of 100 votes: the gcd reduces it to 100 seats of 1 vote.
TEST(BodyPower, HundredSeatsOfHundredVotesAreExact) {
  const Coalition c = parse_coalition(assembly(std::vector<std::int64_t>(100, 100)), "a.yaml");
  const BodyPower p = body_power(c, 0);
  ASSERT_FALSE(p.estimate.has_value());
  EXPECT_EQ(p.quota, 5001);
  // Penrose = C(99, 50) / 2^99: swings are coalitions of exactly 50 others.
  const double penrose = std::exp(std::lgamma(100.0) - std::lgamma(51.0) - std::lgamma(50.0) - 99 * std::log(2.0));
  EXPECT_NEAR(p.seats[99].penrose, penrose, 1e-12);
}

// 1,000 seats with votes 1..1000: beyond the exact budget, a marked estimate.
TEST(BodyPower, ThousandSeatsAreEstimatedAndMarked) {
  std::vector<std::int64_t> votes(1000);
  std::iota(votes.begin(), votes.end(), std::int64_t{1});
  const Coalition c = parse_coalition(assembly(votes), "a.yaml");
  const BodyPower p = body_power(c, 0);
  ASSERT_TRUE(p.estimate.has_value());
  EXPECT_EQ(p.estimate->confidence, 0.99);
  double banzhaf = 0;
  double ss = 0;
  for (const auto& s : p.seats) {
    banzhaf += s.banzhaf.value_or(0.0);
    ss += s.shapley_shubik;
  }
  EXPECT_NEAR(banzhaf, 1.0, 1e-9);
  EXPECT_NEAR(ss, 1.0, 1e-9);
  // The heaviest seat holds about 1000/500500 of the votes and at least as much power as the lightest.
  EXPECT_GT(p.seats[999].penrose, p.seats[0].penrose);
  const BodyPower after = body_power(c, 0, 999);
  ASSERT_TRUE(after.estimate.has_value());
  EXPECT_EQ(after.estimate->samples, (std::uint64_t{1} << 19) / 999);  // fewer samples for a departure
  EXPECT_EQ(after.quota, 499500 / 2 + 1);
}

// Two seats of 2^40 validate, and power answers exactly: each holds half.
TEST(BodyPower, TwoSeatsOfTwoToTheFortyAreExact) {
  const std::int64_t big = std::int64_t{1} << 40;
  const Coalition c = parse_coalition(assembly({big, big}), "a.yaml");
  const Analysis a = analyze(c);
  ASSERT_EQ(a.power.bodies.size(), 1U);
  const BodyPower& p = a.power.bodies[0];
  EXPECT_FALSE(p.estimate.has_value());
  EXPECT_EQ(p.total_votes, 2 * big);
  EXPECT_DOUBLE_EQ(*p.seats[0].banzhaf, 0.5);
  EXPECT_DOUBLE_EQ(p.seats[1].shapley_shubik, 0.5);
  const std::string json = format_power(Format::json, c, a);
  EXPECT_NE(json.find("\"estimate\": null"), std::string::npos);
}

// Votes in dollars (10^8 each, 40 distinct amounts): too many reachable sums for the exact
// table, so an estimate that is marked in JSON, CSV and the table; never out of memory.
TEST(BodyPower, DollarVotesFallBackToAMarkedEstimate) {
  std::mt19937 rng(5);
  std::vector<std::int64_t> votes;
  for (int i = 0; i < 40; ++i) votes.push_back(100'000'000 + static_cast<std::int64_t>(rng() % 100'000'000));
  const Coalition c = parse_coalition(assembly(votes), "a.yaml");
  const Analysis a = analyze(c);
  const BodyPower& p = a.power.bodies[0];
  ASSERT_TRUE(p.estimate.has_value());
  EXPECT_NE(format_power(Format::json, c, a).find("\"method\": \"monte-carlo\""), std::string::npos);
  EXPECT_NE(format_power(Format::table, c, a).find("estimated by Monte Carlo"), std::string::npos);
  const std::string csv = format_power(Format::csv, c, a);
  EXPECT_NE(csv.find(",banzhaf_half_width,shapley_shubik_half_width,penrose_half_width\n"), std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = csv.find('\n') + 1; at < csv.size(); at = csv.find('\n', at) + 1) {
    const std::size_t end = csv.find('\n', at);
    const std::string line = csv.substr(at, end - at);
    EXPECT_NEAR(std::stod(line.substr(line.rfind(',') + 1)), p.estimate->penrose_half_width, 1e-15) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 40U);
  // The whole-coalition outputs name the estimate too: top-level `approximate` lists the
  // body with its half-widths, and the analyze table says it in a note.
  const auto doc = nlohmann::json::parse(format_json(c, a));
  ASSERT_TRUE(doc["approximate"].contains("power"));
  ASSERT_EQ(doc["approximate"]["power"].size(), 1U);
  EXPECT_EQ(doc["approximate"]["power"][0]["body"], c.governance[0].id);
  EXPECT_EQ(doc["approximate"]["power"][0]["penrose_half_width"].get<double>(), p.estimate->penrose_half_width);
  EXPECT_NE(format_table(c, a).find("note: Voting power in " + c.governance[0].id + " estimated by Monte Carlo"),
            std::string::npos);
}

TEST(BodyPower, VotesOverTwoToTheFiftyThreeAreRejectedWithAPosition) {
  const std::int64_t big = std::int64_t{1} << 52;
  try {
    parse_coalition(assembly({big, big, 1}), "big.yaml");
    FAIL() << "accepted votes totalling over 2^53";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(d.file, "big.yaml");
    EXPECT_EQ(d.pos.line, 12);  // the third seat, which pushes the total over
    EXPECT_GT(d.pos.column, 1);
    EXPECT_NE(d.message.find("votes are too large"), std::string::npos) << d.message;
  }
  // Exactly 2^53 in total is accepted.
  EXPECT_NO_THROW(parse_coalition(assembly({big, big}), "ok.yaml"));
}

// Funding near the largest double must not overflow the total.
TEST(CoalitionPower, FundingNearTheLargestDoubleSharesCorrectly) {
  const Coalition c = parse_coalition(
      "coalition: {name: rich}\nmembers:\n  - {id: a, sector: housing, funding: 1e308}\n"
      "  - {id: b, sector: housing, funding: 1e308}\n"
      "governance: [{body: x, rule: majority, seats: {a: 1, b: 1}}]\n",
      "rich.yaml");
  const Analysis a = analyze(c);
  ASSERT_EQ(a.power.resource_gaps.size(), 2U);
  EXPECT_DOUBLE_EQ(a.power.resource_gaps[0].funding_share, 0.5);
  EXPECT_DOUBLE_EQ(a.power.resource_gaps[1].funding_share, 0.5);
}
