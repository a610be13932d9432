// What the files of src/power/ share (internal): the exact count of every player's swings by
// coalition size (power_exact.cpp), which banzhaf.cpp and shapley_shubik.cpp turn into their
// index; the samplers of each index (banzhaf.cpp, shapley_shubik.cpp) and the Monte-Carlo
// estimate built on them (power_estimate.cpp); power_indices() picks exact or estimated.
#pragma once

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/random.hpp"
#include "xsector/power.hpp"

namespace xsector::detail {

using boost::multiprecision::cpp_int;

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

/// Throws std::invalid_argument, naming `function`, unless every weight of `game` is positive,
/// they sum to at most 2^62, the quota is at least 1 and `veto` is empty or one flag per player
/// (power.cpp). O(n).
void check_game(const WeightedGame& game, const char* function);

/// 0!, 1!, ..., n! as exact integers.
std::vector<cpp_int> factorials(std::size_t n);

/// One player's swings by size: entry s counts the coalitions of s other players (veto players
/// included) that lose without the player and win with it; n entries for n players. The exact
/// count (power_exact.cpp) finds them for each class of equal players at once.
using SwingsBySize = std::vector<cpp_int>;

/// The Banzhaf swing count of a player: Σ_s by_size[s] (banzhaf.cpp).
cpp_int banzhaf_swings(const SwingsBySize& by_size);

/// The Shapley-Shubik numerator of a player, over the denominator n!: Σ_s by_size[s] s! (n-1-s)!,
/// the orders of joining in which it is pivotal; `factorial` holds 0! .. n! (shapley_shubik.cpp).
cpp_int shapley_shubik_orders(const SwingsBySize& by_size, const std::vector<cpp_int>& factorial);

/// The exact indices from every player's swings by size, counted by generating functions over
/// the coalitions' weights (docs/power.md, "Exact"); or nothing when the count table would take
/// more than `options.exact_budget` limb additions or (with its working copy) more than
/// `options.exact_memory` bytes, or the game has more than exact_player_limit players. The
/// quota must not exceed the total weight.
std::optional<PowerIndices> exact_indices(const WeightedGame& game, const PowerOptions& options);

/// Samples of each kind for an estimate of `players` seats when PowerOptions::samples is 0:
/// 2^16, or body_estimate_work / players when that is fewer (at least min_estimate_samples).
inline std::uint64_t default_samples(std::size_t players) {
  const std::uint64_t share = body_estimate_work / std::max<std::uint64_t>(1, players);
  return std::clamp(share, min_estimate_samples, kDefaultSamples);
}

/// xoshiro256** (Blackman and Vigna), seeded by splitmix64: fast, and the same stream on every
/// platform for a seed.
class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    SplitMix64 seeder{seed};
    for (auto& word : state_) word = seeder();
  }
  std::uint64_t operator()() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  /// Uniform in [0, bound), bound < 2^32, by Lemire's multiply-shift on 32 random bits (each
  /// 64-bit draw serves two calls); the bias, below bound / 2^32, is negligible here.
  std::size_t below(std::size_t bound) {
    std::uint64_t bits = 0;
    if (spare_) {
      bits = cached_ >> 32;
    } else {
      cached_ = (*this)();
      bits = cached_ & 0xffffffffULL;
    }
    spare_ = !spare_;
    return static_cast<std::size_t>((bits * bound) >> 32);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4] = {};
  std::uint64_t cached_ = 0;
  bool spare_ = false;
};

/// How often each player swings in `samples` random coalitions (each player in with
/// probability 1/2) drawn from `seed` (banzhaf.cpp). O(n samples).
std::vector<std::uint64_t> sample_banzhaf_swings(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed);

/// How often each player is pivotal in `samples` random orders of joining drawn from `seed`
/// (shapley_shubik.cpp). O(n samples).
std::vector<std::uint64_t> sample_shapley_shubik_pivots(const WeightedGame& game, std::uint64_t samples,
                                                        std::uint64_t seed);

/// Monte Carlo estimates of the indices from `samples` random coalitions and orders drawn
/// from `seed`, with their 99% confidence half-widths (PowerEstimate).
PowerIndices monte_carlo(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed);

}  // namespace xsector::detail
