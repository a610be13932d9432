// Exact power indices: every player's swings by coalition size, by generating functions over
// the coalitions' weights in fixed-width multi-limb integers (docs/power.md, "Exact"). The
// indices themselves are read off the counts by banzhaf.cpp and shapley_shubik.cpp.
#include <algorithm>
#include <iterator>
#include <numeric>
#include <utility>

#include "power/power_parts.hpp"
#include "xsector/power.hpp"

namespace xsector::detail {

namespace {

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

// The game as the count sees it. A coalition T of free (non-veto) players, with every veto
// player, wins when weight(T) >= cap = quota - veto weight. Either count coalitions lighter than
// cap directly, or (dual) count their complements, lighter than free weight - cap + 1; both in
// units of g, the gcd of the free weights. Whichever cut-off is smaller is used.
struct Plan {
  std::size_t n = 0;
  std::vector<std::size_t> free_players;
  std::vector<std::int64_t> weight;    // of each free player in units of g, as free_players
  std::vector<std::int64_t> distinct;  // the distinct free weights in units of g, ascending
  std::size_t veto_count = 0;
  std::int64_t g = 1;  // the gcd of the free weights (1 when there are none)
  std::int64_t cut = 0;
  bool dual = false;
  std::size_t limbs = 1;
};

bool is_veto(const WeightedGame& game, std::size_t i) { return !game.veto.empty() && game.veto[i]; }

Plan plan_count(const WeightedGame& game) {
  Plan plan;
  plan.n = game.weights.size();
  std::int64_t veto_weight = 0;
  std::int64_t free_weight = 0;
  std::int64_t g = 0;
  for (std::size_t i = 0; i < plan.n; ++i) {
    if (is_veto(game, i)) {
      veto_weight += game.weights[i];
      ++plan.veto_count;
    } else {
      plan.free_players.push_back(i);
      free_weight += game.weights[i];
      g = std::gcd(g, game.weights[i]);
    }
  }
  if (g == 0) g = 1;
  plan.g = g;
  const std::int64_t cap = game.quota - veto_weight;
  auto ceil_div = [](std::int64_t a, std::int64_t b) { return a <= 0 ? std::int64_t{0} : (a + b - 1) / b; };
  const std::int64_t direct_cut = ceil_div(cap, g);
  const std::int64_t dual_cut = ceil_div(free_weight - cap + 1, g);
  plan.dual = cap > 0 && dual_cut < direct_cut;
  plan.cut = plan.dual ? dual_cut : direct_cut;
  for (const auto i : plan.free_players) plan.weight.push_back(game.weights[i] / g);
  plan.distinct = plan.weight;
  std::sort(plan.distinct.begin(), plan.distinct.end());
  plan.distinct.erase(std::unique(plan.distinct.begin(), plan.distinct.end()), plan.distinct.end());
  plan.limbs = plan.free_players.size() / 64 + 1;
  return plan;
}

// The most reachable sums the budgets allow: limb additions per reachable weight are building
// (about f^2/2 rows) and dividing out each distinct weight (f rows each), plus the row sums;
// memory per reachable weight is the f + 1 rows of the table and the f of its working copy.
double budget_sums(const Plan& plan, std::uint64_t budget, std::uint64_t memory) {
  const std::size_t f = plan.free_players.size();
  const double per_sum = (static_cast<double>(f) * static_cast<double>(f) / 2.0 +
                          static_cast<double>(plan.distinct.size() + 2) * static_cast<double>(f + 1)) *
                         static_cast<double>(plan.limbs);
  const double bytes_per_sum = static_cast<double>(2 * f + 1) * static_cast<double>(plan.limbs * sizeof(std::uint64_t));
  return std::min(static_cast<double>(budget) / std::max(1.0, per_sum), static_cast<double>(memory) / bytes_per_sum);
}

// The weights below the cut-off that some coalition of free players reaches, ascending; nothing
// when there are more than `most`.
std::optional<std::vector<std::int64_t>> reachable_sums(const Plan& plan, double most) {
  std::vector<std::int64_t> sums;
  if (plan.cut > 0) sums.push_back(0);
  std::vector<std::int64_t> merged;
  for (const std::int64_t w : plan.weight) {
    merged.clear();
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < sums.size() || (b < sums.size() && sums[b] + w < plan.cut)) {
      const bool take_b = b < sums.size() && sums[b] + w < plan.cut && (a == sums.size() || sums[b] + w <= sums[a]);
      if (take_b) {
        const std::int64_t x = sums[b++] + w;
        if (a < sums.size() && sums[a] == x) ++a;
        merged.push_back(x);
      } else {
        merged.push_back(sums[a++]);
      }
    }
    sums.swap(merged);
    if (static_cast<double>(sums.size()) > most) return std::nullopt;
  }
  return sums;
}

// table[k][j]: coalitions of k free players weighing sums[j], built once; each distinct weight
// is then divided out of it once to count the swings of the players of that weight.
class CountTable {
 public:
  CountTable(const Plan& plan, std::vector<std::int64_t> sums, const std::vector<cpp_int>& factorial)
      : plan_(plan),
        factorial_(factorial),
        sums_(std::move(sums)),
        m_(sums_.size()),
        f_(plan.free_players.size()),
        row_(m_ * plan.limbs),
        down_(m_),
        table_((f_ + 1) * row_, 0),
        without_(f_ > 0 ? f_ * row_ : 0, 0) {
    if (m_ > 0) table_[0] = 1;
    for (std::size_t added = 0; added < f_; ++added) {
      map_down(plan_.weight[added]);
      for (std::size_t k = added + 1; k-- > 0;) {
        std::uint64_t* to = table_.data() + (k + 1) * row_;  // row_ is 0 when nothing is reachable
        const std::uint64_t* from = table_.data() + k * row_;
        for (std::size_t j = 0; j < m_; ++j) {
          if (down_[j] != m_) add_limbs(to + j * plan_.limbs, from + down_[j] * plan_.limbs, plan_.limbs);
        }
      }
    }
  }

  // A veto player swings with every coalition T of free players (the other veto players in)
  // that reaches cap; counted directly or as complements lighter than the dual cut-off.
  SwingsBySize veto_swings() const {
    SwingsBySize by_size(plan_.n, 0);
    for (std::size_t k = 0; k <= f_; ++k) {
      by_size[plan_.veto_count - 1 + k] =
          plan_.dual ? row_sum(table_, f_ - k, 0) : binomial(f_, k) - row_sum(table_, k, 0);
    }
    return by_size;
  }

  // The swings of a free player of weight w: without[k] counts the coalitions of k other free
  // players; those weighing cut - w .. cut - 1 are the swings (or, dual, their complements).
  SwingsBySize free_swings(std::int64_t w) {
    map_down(w);
    std::size_t first = m_;
    for (std::size_t j = 0; j < m_; ++j) {
      if (sums_[j] >= plan_.cut - w) {
        first = j;
        break;
      }
    }
    std::vector<cpp_int> window(f_, 0);
    for (std::size_t k = 0; k < f_; ++k) {
      const auto begin = table_.begin() + static_cast<std::ptrdiff_t>(k * row_);
      std::copy(begin, begin + static_cast<std::ptrdiff_t>(row_),
                without_.begin() + static_cast<std::ptrdiff_t>(k * row_));
      if (k > 0) {
        std::uint64_t* to = without_.data() + k * row_;
        const std::uint64_t* prev = without_.data() + (k - 1) * row_;
        for (std::size_t j = 0; j < m_; ++j) {
          if (down_[j] != m_) sub_limbs(to + j * plan_.limbs, prev + down_[j] * plan_.limbs, plan_.limbs);
        }
      }
      window[k] = row_sum(without_, k, first);
    }
    SwingsBySize by_size(plan_.n, 0);
    for (std::size_t k = 0; k < f_; ++k) by_size[plan_.veto_count + k] = plan_.dual ? window[f_ - 1 - k] : window[k];
    return by_size;
  }

 private:
  // down_[j]: index of sums[j] - w, or m when that weight is not reachable.
  void map_down(std::int64_t w) {
    std::size_t lo = 0;
    for (std::size_t j = 0; j < m_; ++j) {
      const std::int64_t target = sums_[j] - w;
      while (lo < m_ && sums_[lo] < target) ++lo;
      down_[j] = (target >= 0 && lo < m_ && sums_[lo] == target) ? lo : m_;
    }
  }
  cpp_int row_sum(const std::vector<std::uint64_t>& t, std::size_t k, std::size_t first) const {
    std::vector<std::uint64_t> acc(plan_.limbs, 0);
    for (std::size_t j = first; j < m_; ++j) add_limbs(acc.data(), &t[k * row_ + j * plan_.limbs], plan_.limbs);
    return to_big(acc.data(), plan_.limbs);
  }
  cpp_int binomial(std::size_t a, std::size_t b) const { return factorial_[a] / (factorial_[b] * factorial_[a - b]); }

  const Plan& plan_;
  const std::vector<cpp_int>& factorial_;
  std::vector<std::int64_t> sums_;
  std::size_t m_;
  std::size_t f_;
  std::size_t row_;
  std::vector<std::size_t> down_;
  std::vector<std::uint64_t> table_;
  std::vector<std::uint64_t> without_;
};

}  // namespace

std::vector<cpp_int> factorials(std::size_t n) {
  std::vector<cpp_int> factorial(n + 1, 1);
  for (std::size_t i = 1; i <= n; ++i) factorial[i] = factorial[i - 1] * i;
  return factorial;
}

std::optional<PowerIndices> exact_indices(const WeightedGame& game, const PowerOptions& options) {
  const std::size_t n = game.weights.size();
  if (n > exact_player_limit) return std::nullopt;
  const Plan plan = plan_count(game);
  auto sums = reachable_sums(plan, budget_sums(plan, options.exact_budget, options.exact_memory));
  if (!sums) return std::nullopt;
  const std::vector<cpp_int> factorial = factorials(n);
  CountTable table(plan, std::move(*sums), factorial);
  std::vector<cpp_int> swings(n, 0);
  std::vector<cpp_int> orders(n, 0);  // Shapley-Shubik numerators over n!
  auto count = [&](const SwingsBySize& by_size, auto&& alike) {
    const cpp_int s = banzhaf_swings(by_size);
    const cpp_int o = shapley_shubik_orders(by_size, factorial);
    for (std::size_t i = 0; i < n; ++i) {
      if (alike(i)) {
        swings[i] = s;
        orders[i] = o;
      }
    }
  };
  if (plan.veto_count > 0) count(table.veto_swings(), [&](std::size_t i) { return is_veto(game, i); });
  for (const std::int64_t w : plan.distinct) {
    count(table.free_swings(w), [&](std::size_t i) { return !is_veto(game, i) && game.weights[i] / plan.g == w; });
  }
  PowerIndices out = no_power(n);
  const cpp_int all_swings = std::accumulate(swings.begin(), swings.end(), cpp_int(0));
  const cpp_int half = cpp_int(1) << (n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    out.swings[i] = to_count(swings[i]);
    if (all_swings != 0) out.banzhaf[i] = ratio(swings[i], all_swings);
    out.penrose[i] = ratio(swings[i], half);
    out.shapley_shubik[i] = ratio(orders[i], factorial[n]);
  }
  return out;
}

}  // namespace xsector::detail
