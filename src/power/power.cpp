#include "xsector/power.hpp"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <iterator>
#include <numeric>
#include <system_error>
#include <thread>
#include <utility>

#include "xsector/structure.hpp"

namespace xsector {

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

double ratio(const cpp_int& numerator, const cpp_int& denominator) {
  return cpp_rational(numerator, denominator).convert_to<double>();
}

__extension__ typedef unsigned __int128 uint128;  // GCC and Clang; __extension__ for -Wpedantic

constexpr double kConfidence = 0.99;
constexpr std::uint64_t kDefaultSamples = std::uint64_t{1} << 16;

// Counts are fixed-width unsigned integers of `limbs` 64-bit limbs, least significant first:
// a count of coalitions of f players is below 2^f, so f / 64 + 1 limbs never overflow.
inline void add_limbs(std::uint64_t* a, const std::uint64_t* b, std::size_t limbs) {
  if (limbs == 1) {
    a[0] += b[0];
    return;
  }
  uint128 carry = 0;
  for (std::size_t l = 0; l < limbs; ++l) {
    carry += static_cast<uint128>(a[l]) + b[l];
    a[l] = static_cast<std::uint64_t>(carry);
    carry >>= 64;
  }
}

inline void sub_limbs(std::uint64_t* a, const std::uint64_t* b, std::size_t limbs) {
  if (limbs == 1) {
    a[0] -= b[0];
    return;
  }
  std::uint64_t borrow = 0;
  for (std::size_t l = 0; l < limbs; ++l) {
    const std::uint64_t x = a[l];
    const std::uint64_t y = b[l] + borrow;
    const bool under = y < borrow || x < y;  // y < borrow: b[l] + 1 wrapped
    a[l] = x - y;
    borrow = under ? 1 : 0;
  }
}

/// The exact count as the public type (base-2^32 digits, least significant first).
BigCount to_count(const cpp_int& x) {
  std::vector<std::uint32_t> limbs;
  boost::multiprecision::export_bits(x, std::back_inserter(limbs), 32, false);
  return BigCount::from_limbs(std::move(limbs));
}

cpp_int to_big(const std::uint64_t* p, std::size_t limbs) {
  cpp_int x;
  boost::multiprecision::import_bits(x, p, p + limbs, 64, false);
  return x;
}

struct Counts {
  std::vector<cpp_int> swings;  // per player
  std::vector<cpp_int> ss;      // Σ swings of size s times s!(n-1-s)!
  cpp_int ss_denominator;       // n!
};

// Exact swing counts, or nothing when the table would take more than `budget` limb additions.
std::optional<Counts> exact_counts(const WeightedGame& game, std::uint64_t budget) {
  const std::size_t n = game.weights.size();
  auto is_veto = [&](std::size_t i) { return !game.veto.empty() && game.veto[i]; };
  std::vector<std::size_t> free_players;
  std::int64_t veto_weight = 0;
  std::int64_t free_weight = 0;
  std::size_t veto_count = 0;
  std::int64_t g = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (is_veto(i)) {
      veto_weight += game.weights[i];
      ++veto_count;
    } else {
      free_players.push_back(i);
      free_weight += game.weights[i];
      g = std::gcd(g, game.weights[i]);
    }
  }
  const std::size_t f = free_players.size();
  if (g == 0) g = 1;
  // A coalition T of free players (with every veto player) wins when weight(T) >= cap. Either
  // count coalitions lighter than cap directly, or (dual) count their complements, lighter than
  // free_weight - cap + 1; both in units of g. Whichever cut-off is smaller is used.
  const std::int64_t cap = game.quota - veto_weight;
  auto ceil_div = [](std::int64_t a, std::int64_t b) { return a <= 0 ? std::int64_t{0} : (a + b - 1) / b; };
  const std::int64_t direct_cut = ceil_div(cap, g);
  const std::int64_t dual_cut = ceil_div(free_weight - cap + 1, g);
  const bool dual = cap > 0 && dual_cut < direct_cut;
  const std::int64_t cut = dual ? dual_cut : direct_cut;

  std::vector<std::int64_t> distinct;
  distinct.reserve(free_players.size());
  for (const auto i : free_players) distinct.push_back(game.weights[i] / g);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::size_t limbs = f / 64 + 1;
  // Limb additions per reachable weight: building (about f^2/2 rows) and dividing out each
  // distinct weight (f rows each), plus the row sums.
  const double per_sum = (static_cast<double>(f) * static_cast<double>(f) / 2.0 +
                          static_cast<double>(distinct.size() + 2) * static_cast<double>(f + 1)) *
                         static_cast<double>(limbs);
  const double budget_sums = static_cast<double>(budget) / std::max(1.0, per_sum);

  // The weights below the cut-off that some coalition of free players reaches, ascending.
  std::vector<std::int64_t> sums;
  if (cut > 0) sums.push_back(0);
  std::vector<std::int64_t> merged;
  for (const auto i : free_players) {
    const std::int64_t w = game.weights[i] / g;
    merged.clear();
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < sums.size() || (b < sums.size() && sums[b] + w < cut)) {
      const bool take_b = b < sums.size() && sums[b] + w < cut && (a == sums.size() || sums[b] + w <= sums[a]);
      if (take_b) {
        const std::int64_t x = sums[b++] + w;
        if (a < sums.size() && sums[a] == x) ++a;
        merged.push_back(x);
      } else {
        merged.push_back(sums[a++]);
      }
    }
    sums.swap(merged);
    if (static_cast<double>(sums.size()) > budget_sums) return std::nullopt;
  }
  const std::size_t m = sums.size();
  const std::size_t row = m * limbs;

  // down[j]: index of sums[j] - w, or m when that weight is not reachable.
  std::vector<std::size_t> down(m);
  auto map_down = [&](std::int64_t w) {
    std::size_t lo = 0;
    for (std::size_t j = 0; j < m; ++j) {
      const std::int64_t target = sums[j] - w;
      while (lo < m && sums[lo] < target) ++lo;
      down[j] = (target >= 0 && lo < m && sums[lo] == target) ? lo : m;
    }
  };

  // table[k][j]: coalitions of k free players weighing sums[j].
  std::vector<std::uint64_t> table((f + 1) * row, 0);
  if (m > 0) table[0] = 1;
  for (std::size_t added = 0; added < f; ++added) {
    map_down(game.weights[free_players[added]] / g);
    for (std::size_t k = added + 1; k-- > 0;) {
      std::uint64_t* to = table.data() + (k + 1) * row;  // row is 0 when nothing is reachable
      const std::uint64_t* from = table.data() + k * row;
      for (std::size_t j = 0; j < m; ++j) {
        if (down[j] != m) add_limbs(to + j * limbs, from + down[j] * limbs, limbs);
      }
    }
  }

  std::vector<cpp_int> factorial(n + 1, 1);
  for (std::size_t i = 1; i <= n; ++i) factorial[i] = factorial[i - 1] * i;
  auto binomial = [&](std::size_t a, std::size_t b) { return factorial[a] / (factorial[b] * factorial[a - b]); };
  auto pivot_weight = [&](std::size_t s) { return factorial[s] * factorial[n - 1 - s]; };
  auto row_sum = [&](const std::vector<std::uint64_t>& t, std::size_t k, std::size_t first) {
    std::vector<std::uint64_t> acc(limbs, 0);
    for (std::size_t j = first; j < m; ++j) add_limbs(acc.data(), &t[k * row + j * limbs], limbs);
    return to_big(acc.data(), limbs);
  };

  Counts out;
  out.swings.assign(n, 0);
  out.ss.assign(n, 0);
  out.ss_denominator = factorial[n];
  if (veto_count > 0) {
    // A veto player swings with every coalition T of free players (the other veto players
    // in) that reaches cap; counted directly or as complements lighter than the dual cut-off.
    cpp_int swings = 0;
    cpp_int ss = 0;
    for (std::size_t k = 0; k <= f; ++k) {
      const cpp_int count = dual ? row_sum(table, f - k, 0) : binomial(f, k) - row_sum(table, k, 0);
      swings += count;
      ss += count * pivot_weight(veto_count - 1 + k);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (is_veto(i)) {
        out.swings[i] = swings;
        out.ss[i] = ss;
      }
    }
  }
  // Each distinct free weight w is divided out once: without[k] counts the coalitions of k
  // other free players; those weighing cut - w .. cut - 1 are the swings (or their complements).
  std::vector<std::uint64_t> without(f > 0 ? f * row : 0, 0);
  for (const std::int64_t w : distinct) {
    map_down(w);
    std::size_t first = m;
    for (std::size_t j = 0; j < m; ++j) {
      if (sums[j] >= cut - w) {
        first = j;
        break;
      }
    }
    std::vector<cpp_int> window(f, 0);
    for (std::size_t k = 0; k < f; ++k) {
      std::copy(table.begin() + static_cast<std::ptrdiff_t>(k * row),
                table.begin() + static_cast<std::ptrdiff_t>((k + 1) * row),
                without.begin() + static_cast<std::ptrdiff_t>(k * row));
      if (k > 0) {
        std::uint64_t* to = without.data() + k * row;
        const std::uint64_t* prev = without.data() + (k - 1) * row;
        for (std::size_t j = 0; j < m; ++j) {
          if (down[j] != m) sub_limbs(to + j * limbs, prev + down[j] * limbs, limbs);
        }
      }
      window[k] = row_sum(without, k, first);
    }
    cpp_int swings = 0;
    cpp_int ss = 0;
    for (std::size_t k = 0; k < f; ++k) {
      const cpp_int& count = dual ? window[f - 1 - k] : window[k];
      swings += count;
      ss += count * pivot_weight(veto_count + k);
    }
    for (const auto i : free_players) {
      if (game.weights[i] / g == w) {
        out.swings[i] = swings;
        out.ss[i] = ss;
      }
    }
  }
  return out;
}

// xoshiro256** (Blackman and Vigna), seeded by splitmix64: fast, and the same stream on every
// platform for a seed.
class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
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
  try {
    banzhaf_thread = std::thread(banzhaf_samples);
  } catch (const std::system_error&) {
    banzhaf_samples();  // no thread to be had: the same work, one after the other
  }
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

struct CacheEntry {
  WeightedGame game;  // canonical: sorted by (veto, weight)
  PowerOptions options;
  PowerIndices result;
};

bool same(const CacheEntry& e, const WeightedGame& g, const PowerOptions& o) {
  return e.game.quota == g.quota && e.game.weights == g.weights && e.game.veto == g.veto &&
         e.options.exact_budget == o.exact_budget && e.options.samples == o.samples && e.options.seed == o.seed;
}

PowerIndices compute(const WeightedGame& game, const PowerOptions& options) {
  const std::size_t n = game.weights.size();
  if (auto counts = exact_counts(game, options.exact_budget)) {
    PowerIndices out;
    out.swings.assign(n, BigCount());
    out.banzhaf.assign(n, std::nullopt);
    out.penrose.assign(n, 0.0);
    out.shapley_shubik.assign(n, 0.0);
    const cpp_int all_swings = std::accumulate(counts->swings.begin(), counts->swings.end(), cpp_int(0));
    const cpp_int half = cpp_int(1) << (n - 1);
    for (std::size_t i = 0; i < n; ++i) {
      out.swings[i] = to_count(counts->swings[i]);
      if (all_swings != 0) out.banzhaf[i] = ratio(counts->swings[i], all_swings);
      out.penrose[i] = ratio(counts->swings[i], half);
      out.shapley_shubik[i] = ratio(counts->ss[i], counts->ss_denominator);
    }
    return out;
  }
  return monte_carlo(game, options.samples > 0 ? options.samples : kDefaultSamples, options.seed);
}

}  // namespace

PowerIndices power_indices(const WeightedGame& game, const PowerOptions& options) {
  const std::size_t n = game.weights.size();
  PowerIndices out;
  out.swings.assign(n, BigCount());
  out.banzhaf.assign(n, std::nullopt);
  out.penrose.assign(n, 0.0);
  out.shapley_shubik.assign(n, 0.0);
  if (n == 0) return out;
  const std::int64_t total = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  if (game.quota > total) return out;
  auto is_veto = [&](std::size_t i) { return !game.veto.empty() && game.veto[i]; };

  // Work on the players sorted by (veto, weight): equal games give equal keys for the cache.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(is_veto(a), game.weights[a]) < std::pair(is_veto(b), game.weights[b]);
  });
  WeightedGame canonical;
  canonical.quota = game.quota;
  for (const auto i : order) {
    canonical.weights.push_back(game.weights[i]);
    canonical.veto.push_back(is_veto(i));
  }
  thread_local std::vector<CacheEntry> cache;
  const CacheEntry* hit = nullptr;
  for (const auto& e : cache) {
    if (same(e, canonical, options)) hit = &e;
  }
  if (hit == nullptr) {
    if (cache.size() >= 4) cache.erase(cache.begin());
    cache.push_back({canonical, options, compute(canonical, options)});
    hit = &cache.back();
  }
  const PowerIndices& r = hit->result;
  for (std::size_t rank = 0; rank < n; ++rank) {
    const std::size_t i = order[rank];
    out.swings[i] = r.swings[rank];
    out.banzhaf[i] = r.banzhaf[rank];
    out.penrose[i] = r.penrose[rank];
    out.shapley_shubik[i] = r.shapley_shubik[rank];
  }
  out.estimate = r.estimate;
  return out;
}

std::optional<double> gini(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  std::vector<double> v = values;
  std::sort(v.begin(), v.end());
  const double sum = std::accumulate(v.begin(), v.end(), 0.0);
  if (sum <= 0) return std::nullopt;
  // Σ_i Σ_j |x_i - x_j| = 2 Σ_i (2i - n + 1) x_(i) over sorted values.
  double weighted = 0;
  const auto n = static_cast<double>(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) weighted += (2.0 * static_cast<double>(i) - n + 1.0) * v[i];
  return std::max(0.0, weighted / (n * sum));  // rounding can leave -0.0 for equal values
}

BodyPower body_power(const Coalition& c, std::size_t b, std::optional<std::size_t> without,
                     const PowerOptions& options) {
  const Body& body = c.governance[b];
  BodyPower out;
  out.body = b;
  WeightedGame game;
  for (const Seat& s : body.seats) {
    if (without && s.member == *without) continue;
    SeatPower sp;
    sp.member = s.member;
    sp.votes = s.votes;
    out.seats.push_back(sp);
    game.weights.push_back(s.votes);
    game.veto.push_back(std::find(body.veto.begin(), body.veto.end(), s.member) != body.veto.end());
  }
  out.total_votes = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  out.quota = body.rule.quota(out.total_votes);
  game.quota = out.quota;
  out.can_decide = !out.seats.empty() && out.quota <= out.total_votes;
  PowerOptions used = options;
  if (without && !game.weights.empty()) {
    // A departure: every seat holder's departure together may cost about 8 times the body
    // itself, exact or estimated, so each gets n/8 of the budget and fewer samples.
    const std::uint64_t n = game.weights.size() + 1;
    used.exact_budget = options.exact_budget / n * 8;
    if (used.samples == 0)
      used.samples = std::clamp<std::uint64_t>((std::uint64_t{1} << 19) / game.weights.size(), 512, kDefaultSamples);
  }
  const PowerIndices p = power_indices(game, used);
  out.estimate = p.estimate;
  std::vector<double> votes;
  std::vector<double> power;
  double sum_squares = 0;
  bool any_power = false;
  for (std::size_t i = 0; i < out.seats.size(); ++i) {
    SeatPower& s = out.seats[i];
    s.seat_share = static_cast<double>(s.votes) / static_cast<double>(out.total_votes);
    s.banzhaf = p.banzhaf[i];
    s.penrose = p.penrose[i];
    s.shapley_shubik = p.shapley_shubik[i];
    votes.push_back(static_cast<double>(s.votes));
    if (out.can_decide) {
      s.veto = game.veto[i] || out.total_votes - s.votes < out.quota;
      // Estimated: no swing seen in any sample.
      s.dummy = p.swings[i] ? p.swings[i]->is_zero() : s.penrose == 0;
      if (s.veto) out.veto_players.push_back(s.member);
      if (s.dummy) out.dummies.push_back(s.member);
    }
    if (s.banzhaf) {
      any_power = true;
      power.push_back(*s.banzhaf);
      sum_squares += *s.banzhaf * *s.banzhaf;
    }
  }
  out.gini_seats = gini(votes);
  if (any_power) {
    out.gini_power = gini(power);
    out.effective_decision_makers = 1.0 / sum_squares;
  }
  return out;
}

CoalitionPower coalition_power(const Coalition& c, const Network& g, const SectorIndex& sectors,
                               const std::vector<double>& betweenness) {
  CoalitionPower out;
  const std::size_t n = c.members.size();
  out.members.assign(n, {});
  out.sectors.assign(sectors.sectors.size(), {});
  for (std::size_t b = 0; b < c.governance.size(); ++b) out.bodies.push_back(body_power(c, b));
  const auto bodies = static_cast<double>(out.bodies.size());
  for (const auto& body : out.bodies) {
    for (const auto& s : body.seats) {
      out.members[s.member].seats += s.seat_share / bodies;
      out.members[s.member].power += s.banzhaf.value_or(0.0) / bodies;
    }
  }
  for (std::size_t v = 0; v < n; ++v) {
    out.sectors[sectors.sector_of[v]].seats += out.members[v].seats;
    out.sectors[sectors.sector_of[v]].power += out.members[v].power;
  }
  if (!out.bodies.empty()) {
    ShareFigures community;
    ShareFigures lived;
    for (std::size_t v = 0; v < n; ++v) {
      if (c.members[v].community_led) {
        community.seats += out.members[v].seats;
        community.power += out.members[v].power;
      }
      if (c.members[v].lived_experience) {
        lived.seats += out.members[v].seats;
        lived.power += out.members[v].power;
      }
    }
    out.community_led = community;
    out.lived_experience = lived;
  }
  const double all_betweenness = std::accumulate(betweenness.begin(), betweenness.end(), 0.0);
  if (c.backbone) {
    if (!out.bodies.empty()) out.backbone_power_share = out.members[*c.backbone].power;
    if (all_betweenness > 0) out.backbone_betweenness_share = betweenness[*c.backbone] / all_betweenness;
  }
  std::vector<double> deg;
  for (const auto d : degrees(g)) deg.push_back(static_cast<double>(d));
  out.gini_degree = gini(deg);
  out.gini_betweenness = gini(betweenness);

  // Scaled by the largest amount so that amounts near the largest double cannot overflow.
  double largest = 0;
  for (const auto& m : c.members) largest = std::max(largest, m.funding.value_or(0.0));
  double funding = 0;
  for (const auto& m : c.members) funding += largest > 0 ? m.funding.value_or(0.0) / largest : 0.0;
  if (funding > 0 && !out.bodies.empty()) {
    std::vector<ResourceGap> gaps;
    for (std::size_t v = 0; v < n; ++v) {
      gaps.push_back({v, c.members[v].funding.value_or(0.0) / largest / funding, out.members[v].power});
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const ResourceGap& a, const ResourceGap& b) {
      return std::abs(a.funding_share - a.power_share) > std::abs(b.funding_share - b.power_share);
    });
    gaps.resize(std::min<std::size_t>(5, gaps.size()));
    out.resource_gaps = std::move(gaps);
  }
  for (std::size_t v = 0; v < n; ++v) {
    MemberRoles roles{v, {}};
    if (c.backbone == v) roles.roles.emplace_back("backbone");
    for (const auto& body : c.governance) {
      if (body.chair == v) roles.roles.push_back("chair:" + body.id);
    }
    const auto& tags = c.members[v].tags;
    if (std::find(tags.begin(), tags.end(), "fiscal-agent") != tags.end()) roles.roles.emplace_back("fiscal-agent");
    if (roles.roles.size() >= 2) out.concentrated_roles.push_back(std::move(roles));
  }
  return out;
}

}  // namespace xsector
