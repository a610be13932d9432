// Monte Carlo power indices for games too large to count exactly: random coalitions for
// Banzhaf and Penrose (banzhaf.cpp), random orders for Shapley-Shubik (shapley_shubik.cpp),
// with Bernstein confidence bounds.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <system_error>
#include <thread>
#include <utility>

#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector::detail {

namespace {

constexpr double kConfidence = 0.99;
/// The random orders of joining draw from seed ^ this, the random coalitions from the seed.
constexpr std::uint64_t kOrderStream = 0x5851f42d4c957f2dULL;

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

// The swings of random coalitions and the pivots of random orders. The two estimates draw from
// two fixed streams, so they run on two threads and the result does not depend on threads.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>> draw(const WeightedGame& game, std::uint64_t samples,
                                                                       std::uint64_t seed) {
  std::vector<std::uint64_t> swings;
  auto banzhaf_samples = [&] { swings = sample_banzhaf_swings(game, samples, seed); };
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
  std::vector<std::uint64_t> pivots = sample_shapley_shubik_pivots(game, samples, seed ^ kOrderStream);
  if (banzhaf_thread.joinable()) banzhaf_thread.join();
  return {std::move(swings), std::move(pivots)};
}

// Each player's share of the samples in which it counted. Players with equal weight and veto
// are symmetric: pooling their counts keeps each sample's contribution within [0, 1] and
// independent, so the same interval holds.
std::vector<double> pooled_shares(const WeightedGame& game, const std::vector<std::uint64_t>& counts,
                                  std::uint64_t samples) {
  const std::size_t n = game.weights.size();
  auto is_veto = [&](std::size_t i) { return !game.veto.empty() && game.veto[i]; };
  std::vector<double> share(n);
  for (std::size_t a = 0; a < n;) {
    std::size_t b = a;
    std::uint64_t sum = 0;
    while (b < n && game.weights[b] == game.weights[a] && is_veto(b) == is_veto(a)) sum += counts[b++];
    const double group = static_cast<double>(b - a) * static_cast<double>(samples);
    for (std::size_t i = a; i < b; ++i) share[i] = static_cast<double>(sum) / group;
    a = b;
  }
  return share;
}

// The widest half-width of a normalized Banzhaf index: simultaneous intervals (each at
// 1 - alpha / n) for all n swing probabilities bound each p_i / Σ p_j. Sets `banzhaf`.
double banzhaf_half_width(const std::vector<double>& penrose, std::uint64_t samples, double alpha,
                          std::vector<std::optional<double>>& banzhaf) {
  const std::size_t n = penrose.size();
  const double total = std::accumulate(penrose.begin(), penrose.end(), 0.0);
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
    if (total > 0) banzhaf[i] = penrose[i] / total;
    const double est = banzhaf[i].value_or(0.0);
    const double low = high_total > 0 ? joint[i].first / high_total : 0.0;
    const double high = low_total > 0 ? std::min(1.0, joint[i].second / low_total) : 1.0;
    widest = std::max({widest, est - low, high - est});
  }
  return std::min(1.0, widest);
}

}  // namespace

PowerIndices monte_carlo(const WeightedGame& game, std::uint64_t samples, std::uint64_t seed) {
  const std::size_t n = game.weights.size();
  const auto [swings, pivots] = draw(game, samples, seed);
  PowerIndices out;
  out.swings.assign(n, std::nullopt);
  out.penrose = pooled_shares(game, swings, samples);
  out.shapley_shubik = pooled_shares(game, pivots, samples);
  out.banzhaf.assign(n, std::nullopt);
  PowerEstimate e;
  e.samples = samples;
  e.seed = seed;
  e.confidence = kConfidence;
  const double alpha = 1.0 - kConfidence;
  for (std::size_t i = 0; i < n; ++i) {
    const double p = out.penrose[i];
    const auto [lo, hi] = bernstein_interval(p, samples, alpha);
    e.penrose_half_width = std::max({e.penrose_half_width, p - lo, hi - p});
    const double ss = out.shapley_shubik[i];
    const auto [slo, shi] = bernstein_interval(ss, samples, alpha);
    e.shapley_shubik_half_width = std::max({e.shapley_shubik_half_width, ss - slo, shi - ss});
  }
  e.banzhaf_half_width = banzhaf_half_width(out.penrose, samples, alpha, out.banzhaf);
  out.estimate = e;
  return out;
}

}  // namespace xsector::detail
