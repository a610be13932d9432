// The Shapley-Shubik index: the share of the orders of joining in which a player turns the
// coalition into a winning one. Exact from the swing counts by size (power_exact.cpp), or
// estimated from random orders (power_estimate.cpp draws them here).
#include <numeric>
#include <utility>

#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector {

namespace detail {

cpp_int shapley_shubik_orders(const SwingsBySize& by_size, const std::vector<cpp_int>& factorial) {
  // A swing with s others before the player and n - 1 - s after it is pivotal in s! (n-1-s)!
  // orders.
  const std::size_t n = by_size.size();
  cpp_int orders = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (by_size[s] != 0) orders += by_size[s] * factorial[s] * factorial[n - 1 - s];
  }
  return orders;
}

std::vector<std::uint64_t> sample_shapley_shubik_pivots(const WeightedGame& game, std::uint64_t samples,
                                                        std::uint64_t seed) {
  const std::size_t n = game.weights.size();
  std::vector<std::size_t> veto(n, 0);
  std::size_t veto_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    veto[i] = !game.veto.empty() && game.veto[i] ? 1 : 0;
    veto_count += veto[i];
  }
  std::vector<std::uint64_t> pivots(n, 0);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // A random order of joining; the player who first makes the coalition win is pivotal. The
  // order is shuffled only as far as the pivot: the first t places of a Fisher-Yates shuffle
  // are uniform whatever the starting arrangement, so it is not reset between samples.
  Xoshiro rng(seed);
  for (std::uint64_t s = 0; s < samples; ++s) {
    std::int64_t weight = 0;
    std::size_t vetoes_in = 0;
    for (std::size_t t = 0; t < n; ++t) {
      std::swap(order[t], order[t + rng.below(n - t)]);
      const std::size_t i = order[t];
      weight += game.weights[i];
      vetoes_in += veto[i];
      if (weight >= game.quota && vetoes_in == veto_count) {
        ++pivots[i];
        break;
      }
    }
  }
  return pivots;
}

}  // namespace detail

std::vector<double> shapley_shubik(const WeightedGame& game, const PowerOptions& options) {
  detail::check_game(game, "shapley_shubik");
  return power_indices(game, options).shapley_shubik;
}

}  // namespace xsector
