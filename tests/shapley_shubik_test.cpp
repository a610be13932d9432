// The named Shapley-Shubik function (include/xsector/power.hpp) against published values and
// an enumeration of every order of joining.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "test_graphs.hpp"
#include "xsector/power.hpp"

using namespace xsector;

namespace {

// How often each player is pivotal over all n! orders of joining (std::next_permutation),
// independent of the library's count by coalition size.
std::vector<std::uint64_t> brute_pivots(const WeightedGame& g) {
  const std::size_t n = g.weights.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::size_t vetoes = 0;
  for (std::size_t i = 0; i < n; ++i) vetoes += !g.veto.empty() && g.veto[i] ? 1 : 0;
  std::vector<std::uint64_t> pivots(n, 0);
  do {
    std::int64_t weight = 0;
    std::size_t vetoes_in = 0;
    for (const auto i : order) {
      weight += g.weights[i];
      vetoes_in += !g.veto.empty() && g.veto[i] ? 1 : 0;
      if (weight >= g.quota && vetoes_in == vetoes) {
        ++pivots[i];
        break;
      }
    }
  } while (std::next_permutation(order.begin(), order.end()));
  return pivots;
}

}  // namespace

// Felsenthal and Machover (1998): EEC Council of Ministers 1958, 7/30 for each large member,
// 3/20 for each middle one, 0 for Luxembourg.
TEST(ShapleyShubik, EecCouncil1958) {
  const auto s = shapley_shubik({{4, 4, 4, 2, 2, 1}, 12, {}});
  ASSERT_EQ(s.size(), 6U);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(s[i], 7.0 / 30.0);
  for (int i = 3; i < 5; ++i) EXPECT_EQ(s[i], 3.0 / 20.0);
  EXPECT_EQ(s[5], 0.0);
}

// Shapley and Shubik (1954): the UN Security Council, 421/2145 (0.1963) for a permanent member
// and 4/2145 (0.0019) for another; the same with one vote each, explicit vetoes and quota 9.
TEST(ShapleyShubik, UnSecurityCouncil) {
  std::vector<std::int64_t> w(5, 7);
  w.insert(w.end(), 10, 1);
  const auto s = shapley_shubik({w, 39, {}});
  EXPECT_EQ(s[0], 421.0 / 2145.0);
  EXPECT_EQ(s[14], 4.0 / 2145.0);
  WeightedGame with_vetoes{std::vector<std::int64_t>(15, 1), 9, std::vector<bool>(15, false)};
  for (int i = 0; i < 5; ++i) with_vetoes.veto[i] = true;
  EXPECT_EQ(shapley_shubik(with_vetoes), s);
}

// Shapley and Shubik (1954): in [51; 49, 48, 3] each pair wins, so the three are equal (1/3
// each) although the seats are not; in [51; 50, 49, 1] the largest holds 2/3.
TEST(ShapleyShubik, SmallPublishedGames) {
  for (const double x : shapley_shubik({{49, 48, 3}, 51, {}})) EXPECT_EQ(x, 1.0 / 3.0);
  const auto s = shapley_shubik({{50, 49, 1}, 51, {}});
  EXPECT_EQ(s[0], 2.0 / 3.0);
  EXPECT_EQ(s[1], 1.0 / 6.0);
  EXPECT_EQ(s[2], 1.0 / 6.0);
}

TEST(ShapleyShubik, MatchesEveryOrderEnumerated) {
  std::mt19937 rng(20261208);
  for (int trial = 0; trial < 120; ++trial) {
    const WeightedGame g = xsector::testing::random_game(rng, 8, trial);
    const std::size_t n = g.weights.size();
    const auto pivots = brute_pivots(g);
    double orders = 1;
    for (std::size_t k = 2; k <= n; ++k) orders *= static_cast<double>(k);
    const auto s = shapley_shubik(g);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(s[i], static_cast<double>(pivots[i]) / orders) << "trial " << trial << " player " << i;
    }
  }
}

// Over the budget the values are estimated from random orders, within the stated half-width.
TEST(ShapleyShubik, EstimatedOverTheBudgetWithinItsInterval) {
  PowerOptions options;
  options.exact_budget = 0;
  const WeightedGame eec{{4, 4, 4, 2, 2, 1}, 12, {}};
  const PowerIndices all = power_indices(eec, options);
  ASSERT_TRUE(all.estimate.has_value());
  const auto s = shapley_shubik(eec, options);
  const double exact[] = {7.0 / 30, 7.0 / 30, 7.0 / 30, 3.0 / 20, 3.0 / 20, 0.0};
  for (int i = 0; i < 6; ++i) EXPECT_LE(std::abs(s[i] - exact[i]), all.estimate->shapley_shubik_half_width);
}

TEST(ShapleyShubik, RefusesAGameThatIsNotOne) {
  EXPECT_THROW(shapley_shubik({{1, 0}, 1, {}}), std::invalid_argument);
  EXPECT_THROW(shapley_shubik({{1, 2}, -3, {}}), std::invalid_argument);
  EXPECT_THROW(shapley_shubik({{1, 2}, 2, {false, true, false}}), std::invalid_argument);
}
