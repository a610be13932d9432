// The named Banzhaf and Penrose functions (include/xsector/power.hpp) against published values
// and a brute-force enumeration of every coalition.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include "test_graphs.hpp"
#include "xsector/power.hpp"

using namespace xsector;

namespace {

// Swings of each player by enumerating all 2^n coalitions, independent of the library's count.
std::vector<std::uint64_t> brute_swings(const WeightedGame& g) {
  const std::size_t n = g.weights.size();
  auto wins = [&](std::uint32_t set) {
    std::int64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if ((set >> i & 1U) != 0U)
        w += g.weights[i];
      else if (!g.veto.empty() && g.veto[i])
        return false;
    }
    return w >= g.quota;
  };
  std::vector<std::uint64_t> swings(n, 0);
  for (std::uint32_t set = 0; set < (1U << n); ++set) {
    for (std::size_t i = 0; i < n; ++i) {
      if ((set >> i & 1U) == 0U && !wins(set) && wins(set | (1U << i))) ++swings[i];
    }
  }
  return swings;
}

// The UN Security Council since 1965: five permanent members and ten others, nine votes
// decide and each permanent member can veto. As weights: 7 for a permanent member, quota 39.
WeightedGame security_council() {
  std::vector<std::int64_t> w(5, 7);
  w.insert(w.end(), 10, 1);
  return {w, 39, {}};
}

}  // namespace

// Felsenthal and Machover (1998), table 2.3: the EEC Council of Ministers 1958 (France, Germany,
// Italy 4 votes, Belgium and the Netherlands 2, Luxembourg 1; 12 of 17 decide). Swings 10, 10,
// 10, 6, 6, 0 of 42: Banzhaf 5/21 and 1/7, Luxembourg a dummy; Penrose 10/32 and 6/32.
TEST(Banzhaf, EecCouncil1958) {
  const WeightedGame eec{{4, 4, 4, 2, 2, 1}, 12, {}};
  const auto b = banzhaf(eec);
  const auto p = penrose(eec);
  ASSERT_EQ(b.size(), 6U);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*b[i], 5.0 / 21.0);
    EXPECT_EQ(p[i], 10.0 / 32.0);
  }
  for (int i = 3; i < 5; ++i) {
    EXPECT_EQ(*b[i], 1.0 / 7.0);
    EXPECT_EQ(p[i], 6.0 / 32.0);
  }
  EXPECT_EQ(*b[5], 0.0);
  EXPECT_EQ(p[5], 0.0);
}

// Felsenthal and Machover (1998): UN Security Council, normalized Banzhaf 0.1669 for a
// permanent member and 0.0165 for another; Penrose 0.0518 and 0.0051. Exactly: a permanent
// member swings with the other four and 4 to 10 of the others (848 coalitions), another member
// with the five and exactly 3 of the other nine (C(9,3) = 84); 5·848 + 10·84 = 5080 in all.
TEST(Banzhaf, UnSecurityCouncil) {
  const auto b = banzhaf(security_council());
  const auto p = penrose(security_council());
  EXPECT_EQ(*b[0], 848.0 / 5080.0);
  EXPECT_EQ(*b[14], 84.0 / 5080.0);
  EXPECT_NEAR(*b[0], 0.1669, 5e-5);
  EXPECT_NEAR(*b[14], 0.0165, 5e-5);
  EXPECT_NEAR(p[0], 0.0518, 5e-5);
  EXPECT_NEAR(p[14], 0.0051, 5e-5);
  // The same council written as one vote each with explicit vetoes and a quota of nine.
  WeightedGame with_vetoes{std::vector<std::int64_t>(15, 1), 9, std::vector<bool>(15, false)};
  for (int i = 0; i < 5; ++i) with_vetoes.veto[i] = true;
  EXPECT_EQ(banzhaf(with_vetoes), b);
  EXPECT_EQ(penrose(with_vetoes), p);
}

// Banzhaf (1965): Nassau County Board of Supervisors 1958, weights 9, 9, 7, 3, 1, 1 and 16 of
// 30 decide: the three largest have a third each, the others none.
TEST(Banzhaf, NassauCounty1958) {
  const auto b = banzhaf({{9, 9, 7, 3, 1, 1}, 16, {}});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(*b[i], 1.0 / 3.0);
  for (int i = 3; i < 6; ++i) EXPECT_EQ(*b[i], 0.0);
}

TEST(Banzhaf, MatchesEveryCoalitionEnumerated) {
  std::mt19937 rng(20261207);
  for (int trial = 0; trial < 300; ++trial) {
    const WeightedGame g = xsector::testing::random_game(rng, 10, trial);
    const std::size_t n = g.weights.size();
    const auto swings = brute_swings(g);
    std::uint64_t all = 0;
    for (const auto s : swings) all += s;
    const auto b = banzhaf(g);
    const auto p = penrose(g);
    for (std::size_t i = 0; i < n; ++i) {
      // Both sides round the same exact rational once, so they agree to the last bit.
      if (all == 0) {
        EXPECT_FALSE(b[i].has_value()) << "trial " << trial;
      } else {
        ASSERT_TRUE(b[i].has_value()) << "trial " << trial;
        EXPECT_EQ(*b[i], static_cast<double>(swings[i]) / static_cast<double>(all)) << "trial " << trial;
      }
      EXPECT_EQ(p[i], std::ldexp(static_cast<double>(swings[i]), -static_cast<int>(n - 1))) << "trial " << trial;
    }
  }
}

// Over the budget the values are estimates: within the stated 99% half-width of the published
// values, and the same numbers power_indices() marks as estimated.
TEST(Banzhaf, EstimatedOverTheBudgetWithinItsInterval) {
  PowerOptions options;
  options.exact_budget = 0;
  const WeightedGame eec{{4, 4, 4, 2, 2, 1}, 12, {}};
  const PowerIndices all = power_indices(eec, options);
  ASSERT_TRUE(all.estimate.has_value());
  const auto b = banzhaf(eec, options);
  const auto p = penrose(eec, options);
  EXPECT_EQ(b, all.banzhaf);
  const double exact[] = {5.0 / 21, 5.0 / 21, 5.0 / 21, 1.0 / 7, 1.0 / 7, 0.0};
  for (int i = 0; i < 6; ++i) {
    EXPECT_LE(std::abs(*b[i] - exact[i]), all.estimate->banzhaf_half_width);
    EXPECT_LE(std::abs(p[i] - exact[i] * 42.0 / 32.0), all.estimate->penrose_half_width);
  }
}

TEST(Banzhaf, RefusesAGameThatIsNotOne) {
  EXPECT_THROW(banzhaf({{3, 0, 2}, 3, {}}), std::invalid_argument);
  EXPECT_THROW(banzhaf({{3, -1}, 1, {}}), std::invalid_argument);
  EXPECT_THROW(penrose({{3, 2}, 0, {}}), std::invalid_argument);
  EXPECT_THROW(banzhaf({{3, 2}, 3, {true}}), std::invalid_argument);
  const std::int64_t big = std::int64_t{1} << 61U;
  EXPECT_THROW(banzhaf({{big, big, 1}, 1, {}}), std::invalid_argument);
  try {
    banzhaf({{3, 0}, 3, {}});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "banzhaf: weight 1 is 0; weights must be positive");
  }
  EXPECT_TRUE(banzhaf({}).empty());  // no players: nothing to say
}
