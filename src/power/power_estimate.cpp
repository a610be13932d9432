// Monte Carlo power indices for games too large to count exactly: random coalitions for
// Banzhaf and Penrose, random orders for Shapley-Shubik, with Bernstein confidence bounds.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <system_error>
#include <thread>
#include <utility>

#include "common/random.hpp"
#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector {

namespace {

constexpr double kConfidence = 0.99;

// xoshiro256** (Blackman and Vigna), seeded by splitmix64: fast, and the same stream on every
// platform for a seed.
class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    detail::SplitMix64 seeder{seed};
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
  // Uniform in [0, bound), bound < 2^32, by Lemire's multiply-shift on 32 random bits (each
  // 64-bit draw serves two calls); the bias, below bound / 2^32, is negligible here.
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

// Bernstein's inequality for the mean of N independent values in [0, 1] with mean p and
// variance at most p(1 - p): |mean - p| <= t(p) = (L/3 + sqrt(L^2/9 + 2 N L p(1-p))) / N with
// probability >= 1 - alpha, L = ln(2 / alpha). Returns the set of p consistent with the observed
// mean: squaring, d = |mean - p| satisfies N d^2 - (2L/3) d - 2L p(1-p) <= 0, a quadratic in p on
// each side of the mean whose outer root is the interval's end.
std::pair<double, double> bernstein_interval(double mean, std::uint64_t samples, double alpha) {
  const double n = static_cast<double>(samples);
  const double l = std::log(2.0 / alpha);
  const double a = n + 2 * l;
  auto roots = [&](double b, double c) {
    const double disc = std::sqrt(std::max(0.0, b * b - 4 * a * c));
    return std::pair((b - disc) / (2 * a), (b + disc) / (2 * a));
  };
  const double high = roots(2 * n * mean + 2 * l / 3 + 2 * l, n * mean * mean + 2 * l / 3 * mean).second;
  const double low = roots(2 * n * mean - 2 * l / 3 + 2 * l, n * mean * mean - 2 * l / 3 * mean).first;
  return {std::clamp(low, 0.0, mean), std::clamp(high, mean, 1.0)};
}

}  // namespace

namespace detail {

PowerIndices monte_carlo(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed) {
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
  std::vector<std::uint64_t> pivots(n, 0);
  std::vector<std::int64_t> in(n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // The two estimates draw from two fixed streams, so the result does not depend on threads.
  auto banzhaf_samples = [&] {
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
  };
  std::thread banzhaf_thread;
#ifdef __EMSCRIPTEN__
  banzhaf_samples();  // the browser build has no threads: the same work, one after the other
#else
  try {
    banzhaf_thread = std::thread(banzhaf_samples);
  } catch (const std::system_error&) {
    banzhaf_samples();  // no thread to be had: the same work, one after the other
  }
#endif
  // A random order of joining; the player who first makes the coalition win is pivotal. The
  // order is shuffled only as far as the pivot: the first t places of a Fisher-Yates shuffle
  // are uniform whatever the starting arrangement, so it is not reset between samples.
  Xoshiro rng(seed ^ 0x5851f42d4c957f2dULL);
  for (std::uint64_t s = 0; s < samples; ++s) {
    std::int64_t weight = 0;
    std::size_t vetoes_in = 0;
    for (std::size_t t = 0; t < n; ++t) {
      std::swap(order[t], order[t + rng.below(n - t)]);
      const std::size_t i = order[t];
      weight += w[i];
      vetoes_in += static_cast<std::size_t>(veto[i]);
      if (weight >= quota && vetoes_in == veto_count) {
        ++pivots[i];
        break;
      }
    }
  }
  if (banzhaf_thread.joinable()) banzhaf_thread.join();
  auto is_veto = [&](std::size_t i) { return veto[i] != 0; };
  // Players with equal weight and veto are symmetric: pooling their counts keeps each
  // sample's contribution within [0, 1] and independent, so the same interval holds.
  std::vector<double> penrose(n);
  std::vector<double> ss(n);
  for (std::size_t a = 0; a < n;) {
    std::size_t b = a;
    std::uint64_t sw = 0;
    std::uint64_t pv = 0;
    while (b < n && game.weights[b] == game.weights[a] && is_veto(b) == is_veto(a)) {
      sw += swings[b];
      pv += pivots[b];
      ++b;
    }
    const double group = static_cast<double>(b - a) * static_cast<double>(samples);
    for (std::size_t i = a; i < b; ++i) {
      penrose[i] = static_cast<double>(sw) / group;
      ss[i] = static_cast<double>(pv) / group;
    }
    a = b;
  }
  PowerIndices out;
  out.swings.assign(n, std::nullopt);
  out.penrose = penrose;
  out.shapley_shubik = ss;
  out.banzhaf.assign(n, std::nullopt);
  const double total = std::accumulate(penrose.begin(), penrose.end(), 0.0);
  PowerEstimate e;
  e.samples = samples;
  e.seed = seed;
  e.confidence = kConfidence;
  const double alpha = 1.0 - kConfidence;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [lo, hi] = bernstein_interval(penrose[i], samples, alpha);
    e.penrose_half_width = std::max({e.penrose_half_width, penrose[i] - lo, hi - penrose[i]});
    const auto [slo, shi] = bernstein_interval(ss[i], samples, alpha);
    e.shapley_shubik_half_width = std::max({e.shapley_shubik_half_width, ss[i] - slo, shi - ss[i]});
  }
  // Simultaneous intervals (each at 1 - alpha / n) for all n swing probabilities bound each
  // normalized index p_i / Σ p_j.
  std::vector<std::pair<double, double>> joint(n);
  double low_total = 0;
  double high_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    joint[i] = bernstein_interval(penrose[i], samples, alpha / static_cast<double>(n));
    low_total += joint[i].first;
    high_total += joint[i].second;
  }
  double widest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (total > 0) out.banzhaf[i] = penrose[i] / total;
    const double est = out.banzhaf[i].value_or(0.0);
    const double low = high_total > 0 ? joint[i].first / high_total : 0.0;
    const double high = low_total > 0 ? std::min(1.0, joint[i].second / low_total) : 1.0;
    widest = std::max({widest, est - low, high - est});
  }
  e.banzhaf_half_width = std::min(1.0, widest);
  out.estimate = e;
  return out;
}

}  // namespace detail

}  // namespace xsector
