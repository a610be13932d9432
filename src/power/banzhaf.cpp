// The Banzhaf index and its absolute form, the Penrose index: how often a player's vote turns a
// losing coalition into a winning one. Exact from the swing counts (power_exact.cpp), or
// estimated from random coalitions (power_estimate.cpp draws them here).
#include <numeric>

#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector {

namespace detail {

cpp_int banzhaf_swings(const SwingsBySize& by_size) {
  return std::accumulate(by_size.begin(), by_size.end(), cpp_int(0));
}

std::vector<std::uint64_t> sample_banzhaf_swings(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed) {
  const std::size_t n = game.weights.size();
  const std::int64_t quota = game.quota;
  const std::vector<std::int64_t>& w = game.weights;
  std::vector<std::int64_t> veto(n, 0);
  std::size_t veto_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    veto[i] = !game.veto.empty() && game.veto[i] ? 1 : 0;
    veto_count += static_cast<std::size_t>(veto[i]);
  }
  std::vector<std::uint64_t> swings(n, 0);
  std::vector<std::int64_t> in(n);
  Xoshiro rng(seed);
  for (std::uint64_t s = 0; s < samples; ++s) {
    // A random coalition S; player i swings when S without i loses and S with i wins.
    std::int64_t weight = 0;
    std::int64_t vetoes_out = static_cast<std::int64_t>(veto_count);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i % 64 == 0) bits = rng();
      in[i] = static_cast<std::int64_t>(bits & 1U);
      bits >>= 1;
      weight += in[i] * w[i];
      vetoes_out -= in[i] * veto[i];
    }
    if (veto_count == 0) {
      for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t others = weight - in[i] * w[i];
        swings[i] += static_cast<std::uint64_t>((others < quota) & (others + w[i] >= quota));
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t others = weight - in[i] * w[i];
        const std::int64_t missing = vetoes_out - (1 - in[i]) * veto[i];  // vetoes absent besides i
        swings[i] += static_cast<std::uint64_t>((missing == 0) & (others < quota) & (others + w[i] >= quota));
      }
    }
  }
  return swings;
}

}  // namespace detail

std::vector<std::optional<double>> banzhaf(const WeightedGame& game, const PowerOptions& options) {
  detail::check_game(game, "banzhaf");
  return power_indices(game, options).banzhaf;
}

std::vector<double> penrose(const WeightedGame& game, const PowerOptions& options) {
  detail::check_game(game, "penrose");
  return power_indices(game, options).penrose;
}

}  // namespace xsector
