#include "xsector/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace xsector {

namespace {

Delta delta(std::string name, std::optional<double> before, std::optional<double> after) {
  Delta d{std::move(name), before, after, std::nullopt};
  if (before && after) d.change = *after - *before;
  return d;
}

std::map<std::pair<std::string, std::string>, PairTie> pair_ties(const Coalition& c) {
  std::map<std::pair<std::string, std::string>, PairTie> out;
  for (const Tie& t : c.ties) {
    const std::string& x = c.members[t.a].id;
    const std::string& y = c.members[t.b].id;
    const auto key = x < y ? std::pair(x, y) : std::pair(y, x);
    PairTie& p = out[key];
    p.tied = true;
    p.level = std::max(p.level, static_cast<int>(t.level));
    const std::string arc = !t.directed ? "undirected" : (x == key.first ? "forward" : "backward");
    p.direction = p.direction.empty() ? arc : "both";
  }
  return out;
}

std::uint64_t bounded(std::mt19937_64& rng, std::uint64_t n) {
  // Rejection keeps every value equally likely (and the stream the same everywhere).
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t r = rng();
    if (r >= threshold) return r % n;
  }
}

/// The QAP p-value: relabels the second network's members (`relabel`, a permutation of
/// 0 .. k - 1, read by `statistic`) over all k! orders when k! <= `permutations` and
/// `allow_exact`, else over `permutations` random ones from std::mt19937_64(seed), and sets
/// q.permutations, q.exact and q.p_value (the share whose statistic is at least `observed`).
template <class Statistic, class Value>
void count_relabellings(Qap& q, std::vector<std::uint32_t>& relabel, Statistic statistic, Value observed,
                        std::size_t permutations, std::uint64_t seed, bool allow_exact) {
  const std::size_t k = relabel.size();
  std::size_t at_least = 0;
  double factorial = 1;
  for (std::size_t i = 2; i <= k && factorial <= static_cast<double>(permutations); ++i)
    factorial *= static_cast<double>(i);
  if (allow_exact && factorial <= static_cast<double>(permutations)) {
    q.exact = true;
    do {
      ++q.permutations;
      if (statistic() >= observed) ++at_least;
    } while (std::next_permutation(relabel.begin(), relabel.end()));
  } else {
    std::mt19937_64 rng(seed);
    for (std::size_t p = 0; p < permutations; ++p) {
      for (std::size_t i = k - 1; i > 0; --i) std::swap(relabel[i], relabel[bounded(rng, i + 1)]);
      ++q.permutations;
      if (statistic() >= observed) ++at_least;
    }
  }
  if (q.permutations > 0) q.p_value = static_cast<double>(at_least) / static_cast<double>(q.permutations);
}

constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);

std::unordered_map<std::string_view, std::size_t> positions(const Coalition& c) {
  std::unordered_map<std::string_view, std::size_t> out;
  out.reserve(c.members.size());
  for (std::size_t i = 0; i < c.members.size(); ++i) out.emplace(c.members[i].id, i);
  return out;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

const Delta* find_delta(const std::vector<Delta>& list, const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Delta& d) { return d.name == name; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

std::vector<std::size_t> wave_order(const std::vector<const Coalition*>& coalitions) {
  std::vector<std::size_t> order(coalitions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const std::string& a = coalitions[x]->as_of;
    const std::string& b = coalitions[y]->as_of;
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    return a < b;
  });
  return order;
}

namespace {

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

  Rows(std::size_t k, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) : start(k + 1, 0) {
    for (const auto& p : pairs) ++start[p.first + 1];
    for (std::size_t x = 0; x < k; ++x) start[x + 1] += start[x];
    larger.reserve(pairs.size());
    for (const auto& p : pairs) larger.push_back(p.second);  // pairs are sorted, so rows are too
  }

  [[nodiscard]] bool contains(std::uint32_t x, std::uint32_t y) const {
    if (y < x) std::swap(x, y);
    const auto first = larger.begin() + static_cast<std::ptrdiff_t>(start[x]);
    const auto last = larger.begin() + static_cast<std::ptrdiff_t>(start[x + 1]);
    return std::binary_search(first, last, y);
  }
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
  const Rows rows_b(k, pairs_b);
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

namespace {

/// The valued QAP over the common members: each pair's highest tie level.
Qap valued_qap(const Coalition& a, const std::vector<std::uint32_t>& common_of_a, const Coalition& b,
               const std::vector<std::uint32_t>& common_of_b, std::size_t k, const CompareOptions& options) {
  auto levels = [&](const Coalition& c, const std::vector<std::uint32_t>& common_of) {
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
  return qap_test_valued(levels(a, common_of_a), levels(b, common_of_b), options.permutations, options.seed);
}

}  // namespace

Comparison compare(const Coalition& a, const Analysis& aa, const Coalition& b, const Analysis& ab,
                   const CompareOptions& options) {
  Comparison out;
  // Member ids to positions, so matching members is linear (Coalition::member_index scans).
  const auto index_a = positions(a);
  const auto index_b = positions(b);
  auto find = [](const std::unordered_map<std::string_view, std::size_t>& index,
                 std::string_view id) -> std::optional<std::size_t> {
    const auto it = index.find(id);
    return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  std::vector<std::size_t> common_a;
  std::vector<std::size_t> common_b;
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const Member& m = a.members[i];
    if (const auto j = find(index_b, m.id)) {
      out.kept.push_back(m.id);
      common_a.push_back(i);
      common_b.push_back(*j);
      const Member& n = b.members[*j];
      if (m.name != n.name || m.sector != n.sector) out.renamed.push_back({m.id, m.name, n.name, m.sector, n.sector});
    } else {
      out.left.push_back(m.id);
    }
  }
  for (const auto& m : b.members) {
    if (!index_a.contains(m.id)) out.joined.push_back(m.id);
  }

  const auto before = pair_ties(a);
  const auto after = pair_ties(b);
  for (const auto& [key, p] : before) {
    const auto it = after.find(key);
    TieChange change{key.first, key.second, p, it == after.end() ? PairTie{} : it->second};
    if (it == after.end())
      out.ties.dissolved.push_back(change);
    else if (it->second.level > p.level)
      out.ties.strengthened.push_back(change);
    else if (it->second.level < p.level)
      out.ties.weakened.push_back(change);
    if (it != after.end() && it->second.direction != p.direction) out.ties.redirected.push_back(change);
  }
  for (const auto& [key, p] : after) {
    if (!before.contains(key)) out.ties.formed.push_back({key.first, key.second, PairTie{}, p});
  }

  const auto figures_a = headline_figures(aa);
  const auto figures_b = headline_figures(ab);
  for (std::size_t i = 0; i < figures_a.size(); ++i) {
    out.network.push_back(delta(figures_a[i].name, figures_a[i].value, figures_b[i].value));
  }

  // Sectors by id across both waves (taxonomies may differ).
  std::map<std::string, std::pair<const SectorFigures*, const SectorFigures*>> sectors;
  std::vector<std::string> order;
  auto collect = [&](const Analysis& an, bool first) {
    for (const auto& f : an.sectors.sectors) {
      const std::string& id = an.sectors.index.sectors[f.sector].id;
      if (!sectors.contains(id)) order.push_back(id);
      (first ? sectors[id].first : sectors[id].second) = &f;
    }
  };
  collect(aa, true);
  collect(ab, false);
  auto count = [](const SectorFigures* f, auto field) -> std::optional<double> {
    return f == nullptr ? std::optional<double>(0.0) : std::optional<double>(static_cast<double>(field(*f)));
  };
  for (const auto& id : order) {
    const auto [x, y] = sectors[id];
    const bool present_x = x != nullptr && !x->members.empty();
    const bool present_y = y != nullptr && !y->members.empty();
    if (!present_x && !present_y) continue;
    if (!present_x) out.sectors_covered.push_back(id);
    if (!present_y) out.sectors_lost.push_back(id);
    auto size = [](const SectorFigures& f) { return f.members.size(); };
    auto internal = [](const SectorFigures& f) { return f.internal_ties; };
    auto external = [](const SectorFigures& f) { return f.external_ties; };
    out.sectors.push_back({id, delta("members", count(x, size), count(y, size)),
                           delta("internal_ties", count(x, internal), count(y, internal)),
                           delta("external_ties", count(x, external), count(y, external)),
                           delta("ei_index", x ? x->ei_index : std::nullopt, y ? y->ei_index : std::nullopt)});
  }

  // Coalition-wide power per member, union of both waves, in first-seen order.
  std::vector<std::string> ids;
  for (const auto& m : a.members) ids.push_back(m.id);
  for (const auto& m : b.members) {
    if (!index_a.contains(m.id)) ids.push_back(m.id);
  }
  auto power_of = [&](const std::unordered_map<std::string_view, std::size_t>& index, const Analysis& an,
                      const std::string& id) -> std::optional<double> {
    const auto i = find(index, id);
    if (!i || an.power.bodies.empty()) return std::nullopt;
    return an.power.members[*i].power;
  };
  for (const auto& id : ids) out.power.push_back(delta(id, power_of(index_a, aa, id), power_of(index_b, ab, id)));

  std::vector<std::string> bodies;
  for (const auto& body : a.governance) bodies.push_back(body.id);
  for (const auto& body : b.governance) {
    if (std::find(bodies.begin(), bodies.end(), body.id) == bodies.end()) bodies.push_back(body.id);
  }
  auto body_of = [](const Coalition& c, const Analysis& an, const std::string& id) -> const BodyPower* {
    for (const auto& p : an.power.bodies) {
      if (c.governance[p.body].id == id) return &p;
    }
    return nullptr;
  };
  for (const auto& id : bodies) {
    const BodyPower* x = body_of(a, aa, id);
    const BodyPower* y = body_of(b, ab, id);
    BodyDelta d{id,
                x != nullptr,
                y != nullptr,
                delta("effective_decision_makers", x ? x->effective_decision_makers : std::nullopt,
                      y ? y->effective_decision_makers : std::nullopt),
                {}};
    // Each seat holder's index by member id (the first seat of a member, as listed).
    auto seats = [](const Coalition& c, const BodyPower* p) {
      std::unordered_map<std::string_view, std::optional<double>> out;
      if (p != nullptr) {
        for (const auto& s : p->seats) out.emplace(c.members[s.member].id, s.banzhaf);
      }
      return out;
    };
    const auto seats_x = seats(a, x);
    const auto seats_y = seats(b, y);
    auto banzhaf = [](const std::unordered_map<std::string_view, std::optional<double>>& s, const std::string& member) {
      const auto it = s.find(member);
      return it == s.end() ? std::nullopt : it->second;
    };
    for (const auto& member : ids) {
      const auto u = banzhaf(seats_x, member);
      const auto v = banzhaf(seats_y, member);
      if (u || v) d.banzhaf.push_back(delta(member, u, v));
    }
    out.bodies.push_back(std::move(d));
  }

  // QAP over the members in both waves, in the first wave's order: their tied pairs only.
  const std::size_t k = common_a.size();
  std::vector<std::uint32_t> common_of_a(a.members.size(), none);
  std::vector<std::uint32_t> common_of_b(b.members.size(), none);
  for (std::size_t i = 0; i < k; ++i) {
    common_of_a[common_a[i]] = static_cast<std::uint32_t>(i);
    common_of_b[common_b[i]] = static_cast<std::uint32_t>(i);
  }
  auto common_pairs = [&](const Coalition& c, const std::vector<std::uint32_t>& common_of) {
    PairList list{k, {}};
    for (const Tie& t : c.ties) {
      const std::uint32_t x = common_of[t.a];
      const std::uint32_t y = common_of[t.b];
      if (x != none && y != none && x != y) list.pairs.emplace_back(std::min(x, y), std::max(x, y));
    }
    return list;
  };
  out.qap = qap_test(common_pairs(a, common_of_a), common_pairs(b, common_of_b), options.permutations, options.seed);
  if (options.valued_qap) out.qap = valued_qap(a, common_of_a, b, common_of_b, k, options);

  // Findings, in plain language.
  auto add = [&](Severity s, std::string code, std::string message, std::vector<std::string> subjects = {}) {
    out.findings.push_back({s, "compare", std::move(code), std::move(message), std::move(subjects)});
  };
  if (!out.joined.empty() || !out.left.empty()) {
    add(Severity::info, "membership-change",
        fmt::format("{} member{} joined and {} left; {} stayed", out.joined.size(), out.joined.size() == 1 ? "" : "s",
                    out.left.size(), out.kept.size()));
  }
  auto sector_name = [&](const std::string& id) {
    if (const Sector* s = b.find_sector(id)) return s->name;
    if (const Sector* s = a.find_sector(id)) return s->name;
    return id;
  };
  for (const auto& id : out.sectors_covered)
    add(Severity::info, "sector-joined", sector_name(id) + " joined the table", {id});
  for (const auto& id : out.sectors_lost) {
    add(Severity::high, "sector-lost", sector_name(id) + " is no longer at the table", {id});
  }
  if (const Delta* d = find_delta(out.network, "density"); d && d->change && std::abs(*d->change) >= 0.005) {
    add(Severity::info, "density-change",
        fmt::format("Density {} from {:.2f} to {:.2f}", *d->change > 0 ? "rose" : "fell", *d->before, *d->after));
  }
  if (const Delta* d = find_delta(out.network, "backbone_betweenness_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    add(Severity::info, "backbone-brokerage-change",
        fmt::format("The backbone's share of betweenness {} from {} to {}", *d->change > 0 ? "rose" : "fell",
                    percent(*d->before), percent(*d->after)));
  }
  if (const Delta* d = find_delta(out.network, "community_led_power_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    add(Severity::info, "community-power-change",
        fmt::format("Community-led members' share of voting power {} from {} to {}", *d->change > 0 ? "rose" : "fell",
                    percent(*d->before), percent(*d->after)));
  }
  const Delta* biggest = nullptr;
  for (const auto& d : out.power) {
    if (d.change && (biggest == nullptr || std::abs(*d.change) > std::abs(*biggest->change))) biggest = &d;
  }
  if (biggest != nullptr && std::abs(*biggest->change) >= 0.01) {
    const auto i = find(index_b, biggest->name);
    const std::string& name = i ? b.members[*i].name : a.members[index_a.at(biggest->name)].name;
    add(Severity::info, "power-shift",
        fmt::format("{}'s share of voting power {} from {} to {}", name, *biggest->change > 0 ? "rose" : "fell",
                    percent(*biggest->before), percent(*biggest->after)),
        {biggest->name});
  }
  if (out.qap.correlation && out.qap.p_value) {
    const bool alike = *out.qap.p_value < 0.05;
    add(Severity::info, "qap",
        fmt::format("{} among the {} members in both waves correlate at r = {:.2f} (QAP p {}{}): {}",
                    out.qap.valued ? "Tie levels" : "Ties", out.qap.common_members, *out.qap.correlation,
                    p_value_text(out.qap).starts_with("<") ? "" : "= ", p_value_text(out.qap),
                    alike ? "the network kept its shape more than chance would"
                          : "no more alike than a random relabelling would be"));
  }
  const CoalitionMatch match = match_coalitions(a, b);
  if (match.waves) {
    // Contacts who left and handoffs only mean something between waves of one coalition.
    out.people = compare_people(a, b);
    for (auto&& f : people_change_findings(a, b, out.people, ab.people_shown)) out.findings.push_back(std::move(f));
  } else {
    compare_as_coalitions(out, match);
  }
  return out;
}

// Valued QAP, p-value text, and telling waves from different coalitions (the taxonomy work).

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
  // b's pairs as rows: the larger ends of pairs whose smaller end is x lie in [start[x], start[x+1]).
  std::vector<std::size_t> start(k + 1, 0);
  for (const auto& p : pb) ++start[p.i + 1];
  for (std::size_t x = 0; x < k; ++x) start[x + 1] += start[x];
  std::vector<std::uint32_t> larger;
  std::vector<std::int64_t> value;
  for (const auto& p : pb) {
    larger.push_back(p.j);
    value.push_back(p.value);
  }
  auto value_b = [&](std::uint32_t x, std::uint32_t y) -> std::int64_t {
    if (y < x) std::swap(x, y);
    const auto first = larger.begin() + static_cast<std::ptrdiff_t>(start[x]);
    const auto last = larger.begin() + static_cast<std::ptrdiff_t>(start[x + 1]);
    const auto it = std::lower_bound(first, last, y);
    return it != last && *it == y ? value[static_cast<std::size_t>(it - larger.begin())] : 0;
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
  if (p == 0 && q.permutations > 0) return fmt::format("< {}", 1.0 / static_cast<double>(q.permutations));
  if (p < 0.001) return "< 0.001";
  return fmt::format("{:.3f}", p);
}

CoalitionMatch match_coalitions(const Coalition& a, const Coalition& b) {
  CoalitionMatch m;
  m.same_name = a.name == b.name;
  std::set<std::string_view> ids_a;
  for (const auto& member : a.members) ids_a.insert(member.id);
  for (const auto& member : b.members) m.shared += ids_a.contains(member.id) ? 1 : 0;
  m.smaller = std::min(a.members.size(), b.members.size());
  const bool overlap = 2 * m.shared >= m.smaller;
  m.waves = m.same_name && overlap;
  if (!m.same_name) {
    m.note = fmt::format("the files name different coalitions ('{}' and '{}')", a.name, b.name);
  }
  if (!overlap) {
    m.note += fmt::format("{}only {} of the smaller file's {} members are in both (waves share at least half)",
                          m.note.empty() ? "" : "; ", m.shared, m.smaller);
  }
  return m;
}

bool dated_before(const Coalition& b, const Coalition& a) {
  return !a.as_of.empty() && !b.as_of.empty() && b.as_of < a.as_of;
}

void compare_as_coalitions(Comparison& out, const CoalitionMatch& match) {
  out.as_waves = false;
  out.kind_note = match.note;
  static const std::set<std::string_view> over_time = {
      "membership-change",         "sector-joined",          "sector-lost", "density-change",
      "backbone-brokerage-change", "community-power-change", "power-shift", "qap"};
  std::erase_if(out.findings, [](const Finding& f) { return over_time.contains(f.code); });
  out.findings.insert(out.findings.begin(),
                      {Severity::info,
                       "compare",
                       "different-coalitions",
                       fmt::format("Compared as two coalitions, not as waves of one: {}; members and sectors "
                                   "only in one file are differences, not departures",
                                   match.note),
                       {}});
}

}  // namespace xsector
