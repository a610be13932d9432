#include "xsector/power.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>

#include "test_graphs.hpp"
#include "xsector/centrality.hpp"

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
      if (set >> i & 1U) w += g.weights[i];
      else if (!g.veto.empty() && g.veto[i]) return false;
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
  EXPECT_EQ(p.swings[5], "0");
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
      EXPECT_EQ(p.swings[i], std::to_string(b.swings[i])) << "trial " << trial << " player " << i;
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
  EXPECT_GT(p.swings[0].size(), 20U);  // more digits than any 64-bit count
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
