// Exact power indices: swing counts of every player by generating functions over the
// coalitions' weights, in fixed-width multi-limb integers.
#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <iterator>
#include <numeric>
#include <utility>

#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector {

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

double ratio(const cpp_int& numerator, const cpp_int& denominator) {
  return cpp_rational(numerator, denominator).convert_to<double>();
}

__extension__ typedef unsigned __int128 uint128;  // GCC and Clang; __extension__ for -Wpedantic

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

// Exact swing counts, or nothing when the table would take more than `budget` limb additions
// or, with its working copy, more than `memory` bytes.
std::optional<Counts> exact_counts(const WeightedGame& game, std::uint64_t budget, std::uint64_t memory) {
  const std::size_t n = game.weights.size();
  if (n > exact_player_limit) return std::nullopt;
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
  // Memory: `table` holds f + 1 rows of m counts and `without` f rows, each count `limbs` words.
  const double bytes_per_sum = static_cast<double>(2 * f + 1) * static_cast<double>(limbs * sizeof(std::uint64_t));
  const double budget_sums =
      std::min(static_cast<double>(budget) / std::max(1.0, per_sum), static_cast<double>(memory) / bytes_per_sum);

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

}  // namespace

namespace detail {

std::optional<PowerIndices> exact_indices(const WeightedGame& game, const PowerOptions& options) {
  const std::size_t n = game.weights.size();
  auto counts = exact_counts(game, options.exact_budget, options.exact_memory);
  if (!counts) return std::nullopt;
  PowerIndices out = no_power(n);
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

}  // namespace detail

}  // namespace xsector
