// Portable random numbers: the same stream for a seed on every platform (internal to
// the engine: src/metrics/ and src/power/).
#pragma once

#include <cstdint>

namespace xsector::detail {

/// Uniform in [0, bound) from `rng()`'s 64-bit draws, without modulo bias: draws below
/// 2^64 mod bound are redrawn, so every value is equally likely (and the stream the same
/// everywhere).
template <class Rng>
std::uint64_t uniform_below(Rng& rng, std::uint64_t bound) {
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t x = rng();
    if (x >= threshold) return x % bound;
  }
}

/// splitmix64: a small, portable generator, so a seed gives the same sources everywhere.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t operator()() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, bound), without modulo bias (uniform_below).
  std::uint64_t below(std::uint64_t bound) { return uniform_below(*this, bound); }
};

}  // namespace xsector::detail
