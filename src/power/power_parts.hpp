// What power.cpp, power_exact.cpp and power_estimate.cpp share (internal to src/power/): the
// two ways of computing a weighted game's power indices, which power_indices() picks from.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "xsector/power.hpp"

namespace xsector::detail {

/// Samples drawn when PowerOptions::samples is 0.
inline constexpr std::uint64_t kDefaultSamples = std::uint64_t{1} << 16;

/// Indices of `n` players before any is counted: no swings, no Banzhaf index (it is null),
/// Penrose and Shapley-Shubik 0. Also the answer for a game nobody can win.
inline PowerIndices no_power(std::size_t n) {
  PowerIndices out;
  out.swings.assign(n, BigCount());
  out.banzhaf.assign(n, std::nullopt);
  out.penrose.assign(n, 0.0);
  out.shapley_shubik.assign(n, 0.0);
  return out;
}

/// The exact indices from swing counts by generating functions, or nothing when the count
/// table would take more than `options.exact_budget` limb additions or (with its working copy)
/// more than `options.exact_memory` bytes, or the game has more than exact_player_limit players.
std::optional<PowerIndices> exact_indices(const WeightedGame& game, const PowerOptions& options);

/// Samples of each kind for an estimate of `players` seats when PowerOptions::samples is 0:
/// 2^16, or body_estimate_work / players when that is fewer (at least min_estimate_samples).
inline std::uint64_t default_samples(std::size_t players) {
  const std::uint64_t share = body_estimate_work / std::max<std::uint64_t>(1, players);
  return std::clamp(share, min_estimate_samples, kDefaultSamples);
}

/// Monte Carlo estimates of the indices from `samples` random coalitions and orders drawn
/// from `seed`, with their 99% confidence half-widths (PowerEstimate).
PowerIndices monte_carlo(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed);

}  // namespace xsector::detail
