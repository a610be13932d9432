// QAP: how alike two networks over the same members are, and whether more than chance would
// make them (binary and valued ties, exact or sampled relabellings).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <tuple>

#include "common/random.hpp"
#include "metrics/compare_parts.hpp"
#include "xsector/compare.hpp"

namespace xsector {

namespace {

/// The QAP p-value: relabels the second network's members (`relabel`, a permutation of
/// 0 .. k - 1, read by `statistic`) over all k! orders when k! <= `permutations` and
/// `allow_exact`, else over `permutations` random ones from std::mt19937_64(seed), and sets
/// q.permutations, q.exact, q.at_least and q.p_value = (b + 1) / (m + 1) (Phipson and Smyth
/// 2010): m the relabellings besides the observed labelling, b those of them whose statistic
/// is at least `observed`. Exact: the identity is the observed labelling (m = k! - 1), so p is
/// the exact share of all k!; random: m = `permutations`. Never 0.
template <class Statistic, class Value>
void count_relabellings(Qap& q, std::vector<std::uint32_t>& relabel, Statistic statistic, Value observed,
                        std::size_t permutations, std::uint64_t seed, bool allow_exact) {
  const std::size_t k = relabel.size();
  std::size_t at_least = 0;
  double factorial = 1;
  for (std::size_t i = 2; i <= k && factorial <= static_cast<double>(permutations); ++i)
    factorial *= static_cast<double>(i);
  std::size_t others = 0;  // m
  if (allow_exact && factorial <= static_cast<double>(permutations)) {
    q.exact = true;
    // The first order is the identity, the observed labelling itself: it is the "+ 1".
    while (std::next_permutation(relabel.begin(), relabel.end())) {
      ++others;
      if (statistic() >= observed) ++at_least;
    }
    q.permutations = others + 1;
  } else {
    std::mt19937_64 rng(seed);
    for (std::size_t p = 0; p < permutations; ++p) {
      for (std::size_t i = k - 1; i > 0; --i) std::swap(relabel[i], relabel[detail::uniform_below(rng, i + 1)]);
      ++others;
      if (statistic() >= observed) ++at_least;
    }
    q.permutations = others;
  }
  q.at_least = at_least;
  if (q.exact || others > 0) q.p_value = static_cast<double>(at_least + 1) / static_cast<double>(others + 1);
}

constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);

/// Each pair once as (smaller, larger), sorted; repeated and self pairs dropped.
std::vector<std::pair<std::uint32_t, std::uint32_t>> normalized(const PairList& list) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(list.pairs.size());
  for (auto [i, j] : list.pairs) {
    if (i == j || i >= list.members || j >= list.members) continue;
    out.emplace_back(std::min(i, j), std::max(i, j));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Sorted pairs as rows: the larger ends of the pairs whose smaller end is x lie in
/// [start[x], start[x + 1]) of `larger`, in increasing order.
struct Rows {
  std::vector<std::size_t> start;
  std::vector<std::uint32_t> larger;

  /// `pairs` sorted by their ends; `ends(p)` gives a pair's (smaller, larger) ends.
  template <class Pairs, class Ends>
  Rows(std::size_t k, const Pairs& pairs, Ends ends) : start(k + 1, 0) {
    for (const auto& p : pairs) ++start[ends(p).first + 1];
    for (std::size_t x = 0; x < k; ++x) start[x + 1] += start[x];
    larger.reserve(pairs.size());
    for (const auto& p : pairs) larger.push_back(ends(p).second);  // pairs are sorted, so rows are too
  }

  /// The position of the pair {x, y} among the sorted pairs, or nothing when it is not one.
  [[nodiscard]] std::optional<std::size_t> find(std::uint32_t x, std::uint32_t y) const {
    if (y < x) std::swap(x, y);
    const auto first = larger.begin() + static_cast<std::ptrdiff_t>(start[x]);
    const auto last = larger.begin() + static_cast<std::ptrdiff_t>(start[x + 1]);
    const auto it = std::lower_bound(first, last, y);
    if (it == last || *it != y) return std::nullopt;
    return static_cast<std::size_t>(it - larger.begin());
  }

  [[nodiscard]] bool contains(std::uint32_t x, std::uint32_t y) const { return find(x, y).has_value(); }
};

}  // namespace

Qap qap_test(const PairList& a, const PairList& b, std::size_t permutations, std::uint64_t seed, bool allow_exact) {
  Qap q;
  const std::size_t k = a.members;
  q.common_members = k;
  q.seed = seed;
  if (k < 2 || b.members != k) return q;
  const auto pairs_a = normalized(a);
  const auto pairs_b = normalized(b);
  const Rows rows_b(k, pairs_b, [](const auto& p) { return p; });
  // Counts over the ordered off-diagonal cells: each pair is two cells.
  const long double cells = static_cast<long double>(k) * static_cast<long double>(k - 1);
  const long double ones_a = 2.0L * static_cast<long double>(pairs_a.size());
  const long double ones_b = 2.0L * static_cast<long double>(pairs_b.size());
  const long double spread = ones_a * (cells - ones_a) * ones_b * (cells - ones_b);
  if (spread == 0) return q;
  std::vector<std::uint32_t> relabel(k);
  std::iota(relabel.begin(), relabel.end(), 0);
  auto matches = [&]() {
    std::size_t both = 0;
    for (const auto& [i, j] : pairs_a) both += rows_b.contains(relabel[i], relabel[j]) ? 1 : 0;
    return both;
  };
  const std::size_t observed = matches();
  q.correlation =
      static_cast<double>((cells * 2.0L * static_cast<long double>(observed) - ones_a * ones_b) / std::sqrt(spread));
  count_relabellings(q, relabel, matches, observed, permutations, seed, allow_exact);
  return q;
}

Qap qap_test(const std::vector<std::vector<char>>& a, const std::vector<std::vector<char>>& b, std::size_t permutations,
             std::uint64_t seed, bool allow_exact) {
  auto pairs = [](const std::vector<std::vector<char>>& m) {
    PairList list{m.size(), {}};
    for (std::size_t i = 0; i < m.size(); ++i) {
      for (std::size_t j = i + 1; j < m.size() && j < m[i].size(); ++j) {
        if (m[i][j]) list.pairs.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
      }
    }
    return list;
  };
  return qap_test(pairs(a), pairs(b), permutations, seed, allow_exact);
}

// Valued QAP and p-value text (the taxonomy work).

Qap qap_test_valued(const ValuedPairList& a, const ValuedPairList& b, std::size_t permutations, std::uint64_t seed,
                    bool allow_exact) {
  Qap q;
  q.valued = true;
  const std::size_t k = a.members;
  q.common_members = k;
  q.seed = seed;
  if (k < 2 || b.members != k) return q;
  // Each pair once as (smaller, larger) with its highest value, sorted.
  auto normalize = [k](const ValuedPairList& list) {
    std::vector<ValuedPairList::Pair> out;
    for (const auto& p : list.pairs) {
      if (p.i == p.j || p.i >= k || p.j >= k || p.value <= 0) continue;
      out.push_back({std::min(p.i, p.j), std::max(p.i, p.j), p.value});
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
      return std::tie(x.i, x.j, y.value) < std::tie(y.i, y.j, x.value);  // highest value first per pair
    });
    out.erase(
        std::unique(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.i == y.i && x.j == y.j; }),
        out.end());
    return out;
  };
  const auto pa = normalize(a);
  const auto pb = normalize(b);
  // b's pairs as rows, and each pair's value in the same order.
  const Rows rows_b(k, pb, [](const ValuedPairList::Pair& p) { return std::pair(p.i, p.j); });
  std::vector<std::int64_t> value;
  value.reserve(pb.size());
  for (const auto& p : pb) value.push_back(p.value);
  auto value_b = [&](std::uint32_t x, std::uint32_t y) -> std::int64_t {
    const auto at = rows_b.find(x, y);
    return at ? value[*at] : 0;
  };
  const long double n = static_cast<long double>(k) * static_cast<long double>(k - 1) / 2.0L;
  long double sa = 0, saa = 0, sb = 0, sbb = 0;
  for (const auto& p : pa) {
    sa += static_cast<long double>(p.value);
    saa += static_cast<long double>(p.value) * static_cast<long double>(p.value);
  }
  for (const auto& p : pb) {
    sb += static_cast<long double>(p.value);
    sbb += static_cast<long double>(p.value) * static_cast<long double>(p.value);
  }
  const long double var_a = n * saa - sa * sa;
  const long double var_b = n * sbb - sb * sb;
  if (var_a <= 0 || var_b <= 0) return q;
  std::vector<std::uint32_t> relabel(k);
  std::iota(relabel.begin(), relabel.end(), 0);
  auto cross = [&]() {
    std::int64_t sum = 0;
    for (const auto& p : pa) sum += p.value * value_b(relabel[p.i], relabel[p.j]);
    return sum;
  };
  const std::int64_t observed = cross();
  q.correlation = static_cast<double>((n * static_cast<long double>(observed) - sa * sb) / std::sqrt(var_a * var_b));
  count_relabellings(q, relabel, cross, observed, permutations, seed, allow_exact);
  return q;
}

std::string p_value_text(const Qap& q) {
  if (!q.p_value) return "-";
  const double p = *q.p_value;
  if (p >= 0.001) return fmt::format("{:.3f}", p);
  // Three significant digits, always as a plain decimal (never 1e-05): p >= 1/(m + 1) > 0.
  const int decimals = std::clamp(static_cast<int>(std::floor(-std::log10(p))) + 3, 3, 20);
  return fmt::format("{:.{}f}", p, decimals);
}

namespace detail {

Qap common_qap(const Coalition& a, const std::vector<std::size_t>& common_a, const Coalition& b,
               const std::vector<std::size_t>& common_b, const CompareOptions& options) {
  const std::size_t k = common_a.size();
  std::vector<std::uint32_t> common_of_a(a.members.size(), none);
  std::vector<std::uint32_t> common_of_b(b.members.size(), none);
  for (std::size_t i = 0; i < k; ++i) {
    common_of_a[common_a[i]] = static_cast<std::uint32_t>(i);
    common_of_b[common_b[i]] = static_cast<std::uint32_t>(i);
  }
  // Each tie between two common members, as (smaller, larger, level).
  auto common_ties = [&](const Coalition& c, const std::vector<std::uint32_t>& common_of) {
    ValuedPairList list{k, {}};
    for (const Tie& t : c.ties) {
      const std::uint32_t x = common_of[t.a];
      const std::uint32_t y = common_of[t.b];
      if (x != none && y != none && x != y) {
        list.pairs.push_back({std::min(x, y), std::max(x, y), static_cast<std::int64_t>(t.level)});
      }
    }
    return list;
  };
  const ValuedPairList ties_a = common_ties(a, common_of_a);
  const ValuedPairList ties_b = common_ties(b, common_of_b);
  if (options.valued_qap) return qap_test_valued(ties_a, ties_b, options.permutations, options.seed);
  auto tied = [](const ValuedPairList& ties) {
    PairList list{ties.members, {}};
    list.pairs.reserve(ties.pairs.size());
    for (const auto& p : ties.pairs) list.pairs.emplace_back(p.i, p.j);
    return list;
  };
  return qap_test(tied(ties_a), tied(ties_b), options.permutations, options.seed);
}

}  // namespace detail

}  // namespace xsector
