#include "xsector/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

#include "metrics/compare_parts.hpp"

namespace xsector {

std::string_view to_string(PairDirection direction) {
  switch (direction) {
    case PairDirection::none: return "none";
    case PairDirection::undirected: return "undirected";
    case PairDirection::forward: return "forward";
    case PairDirection::backward: return "backward";
    case PairDirection::both: return "both";
  }
  return "none";
}

std::string_view to_string(GapKind kind) {
  switch (kind) {
    case GapKind::thin: return "thin";
    case GapKind::cut_off: return "cut_off";
    case GapKind::unlinked_pairs: return "unlinked_pairs";
    case GapKind::no_vote: return "no_vote";
    case GapKind::single_broker: return "single_broker";
  }
  return "thin";
}

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
    const PairDirection arc =
        !t.directed ? PairDirection::undirected : (x == key.first ? PairDirection::forward : PairDirection::backward);
    p.direction = p.direction == PairDirection::none ? arc : PairDirection::both;
  }
  return out;
}

std::unordered_map<std::string_view, std::size_t> positions(const Coalition& c) {
  std::unordered_map<std::string_view, std::size_t> out;
  out.reserve(c.members.size());
  for (std::size_t i = 0; i < c.members.size(); ++i) out.emplace(c.members[i].id, i);
  return out;
}

// One wave's gaps of `kind`, in the order its gaps view lists them: each one sector id, or
// two for a pair; nullopt for `no_vote` when the file describes no decision body.
std::optional<std::vector<std::vector<std::string>>> gap_keys(const Analysis& an, GapKind kind) {
  const SectorGaps& g = an.sectors.gaps;
  const auto& sectors = an.sectors.index.sectors;
  std::vector<std::vector<std::string>> keys;
  auto one = [&](std::size_t s) { keys.push_back({sectors[s].id}); };
  switch (kind) {
    case GapKind::thin:
      for (const auto& s : g.thin) one(s.sector);
      break;
    case GapKind::cut_off:
      for (const auto s : g.cut_off) one(s);
      break;
    case GapKind::unlinked_pairs:
      for (const auto& [x, y] : g.unlinked_pairs) keys.push_back({sectors[x].id, sectors[y].id});
      break;
    case GapKind::no_vote:
      if (!g.governance_described) return std::nullopt;
      for (const auto s : g.no_vote) one(s);
      break;
    case GapKind::single_broker:
      for (const auto& s : g.single_broker) one(s.sector);
      break;
  }
  return keys;
}

// The gaps of `from` that `other` does not have, in `from`'s order; a pair matches in either
// orientation (the two waves' taxonomies may order sectors differently).
std::vector<std::vector<std::string>> gaps_not_in(const std::vector<std::vector<std::string>>& from,
                                                  const std::vector<std::vector<std::string>>& other) {
  auto normal = [](std::vector<std::string> key) {
    std::sort(key.begin(), key.end());
    return key;
  };
  std::set<std::vector<std::string>> seen;
  for (const auto& key : other) seen.insert(normal(key));
  std::vector<std::vector<std::string>> out;
  for (const auto& key : from) {
    if (!seen.contains(normal(key))) out.push_back(key);
  }
  return out;
}

GapChange gap_change(const Analysis& aa, const Analysis& ab, GapKind kind) {
  GapChange out{kind, std::nullopt, std::nullopt, {}, {}};
  const auto x = gap_keys(aa, out.kind);
  const auto y = gap_keys(ab, out.kind);
  if (x) out.before = x->size();
  if (y) out.after = y->size();
  if (x && y) {
    out.opened = gaps_not_in(*y, *x);
    out.closed = gaps_not_in(*x, *y);
  }
  return out;
}

/// A member's coalition-wide power share by id; null without the member or a decision body.
std::optional<double> member_power(const std::unordered_map<std::string_view, std::size_t>& index, const Analysis& an,
                                   const std::string& id) {
  const auto it = index.find(id);
  if (it == index.end() || an.power.bodies.empty()) return std::nullopt;
  return an.power.members[it->second].power;
}

/// The ties formed, dissolved, strengthened, weakened and redirected from `a` to `b`; with
/// `only`, just the pairs whose two members are in it.
TieChanges tie_changes(const Coalition& a, const Coalition& b, const std::set<std::string_view>* only) {
  TieChanges out;
  auto compared = [&](const std::pair<std::string, std::string>& key) {
    return only == nullptr || (only->contains(key.first) && only->contains(key.second));
  };
  const auto before = pair_ties(a);
  const auto after = pair_ties(b);
  for (const auto& [key, p] : before) {
    if (!compared(key)) continue;
    const auto it = after.find(key);
    TieChange change{key.first, key.second, p, it == after.end() ? PairTie{} : it->second};
    if (it == after.end())
      out.dissolved.push_back(change);
    else if (it->second.level > p.level)
      out.strengthened.push_back(change);
    else if (it->second.level < p.level)
      out.weakened.push_back(change);
    if (it != after.end() && it->second.direction != p.direction) out.redirected.push_back(change);
  }
  for (const auto& [key, p] : after) {
    if (compared(key) && !before.contains(key)) out.formed.push_back({key.first, key.second, PairTie{}, p});
  }
  return out;
}

/// Every sector present in either wave (by id; the taxonomies may differ) before and after,
/// and the sectors covered and lost.
void compare_sectors(const Analysis& aa, const Analysis& ab, Comparison& out) {
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
}

/// Each decision body (by id) before and after: effective decision makers and every seat
/// holder's Banzhaf index, members in `ids` order.
void compare_bodies(const Coalition& a, const Analysis& aa, const Coalition& b, const Analysis& ab,
                    const std::vector<std::string>& ids, Comparison& out) {
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
}

/// The findings, in plain language: what changed, who answered, the people; or, for two
/// different coalitions, only what a side-by-side comparison supports.
void add_findings(const Coalition& a, const Coalition& b, const Analysis& ab, Comparison& out) {
  out.findings = detail::comparison_findings(out);
  if (auto f = detail::respondents_finding(out.respondents, out.respondents_both)) {
    out.findings.push_back(std::move(*f));
  }
  const CoalitionMatch match = match_coalitions(a, b);
  if (match.waves) {
    // Contacts who left and handoffs only mean something between waves of one coalition.
    out.people = compare_people(a, b);
    for (auto&& f : people_change_findings(a, b, out.people, ab.people_shown)) out.findings.push_back(std::move(f));
  } else {
    compare_as_coalitions(out, match);
  }
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

  out.members_changed = detail::member_changes(a, aa, ab, common_a, common_b);
  out.largest_changes = detail::largest_changes(out.members_changed, 10);
  out.respondents = detail::respondent_sets(a, b);
  out.respondents_both = options.respondents_both && out.respondents.surveyed;
  // With --respondents both, ties are compared only between members who answered both surveys.
  const std::set<std::string_view> answered_both(out.respondents.both.begin(), out.respondents.both.end());
  const std::set<std::string_view>* only = out.respondents_both ? &answered_both : nullptr;
  if (only != nullptr) {
    std::vector<std::size_t> kept_a;
    std::vector<std::size_t> kept_b;
    for (std::size_t k = 0; k < common_a.size(); ++k) {
      if (!only->contains(a.members[common_a[k]].id)) continue;
      kept_a.push_back(common_a[k]);
      kept_b.push_back(common_b[k]);
    }
    common_a = std::move(kept_a);
    common_b = std::move(kept_b);
  }
  out.ties = tie_changes(a, b, only);

  const auto figures_a = headline_figures(aa);
  const auto figures_b = headline_figures(ab);
  for (std::size_t i = 0; i < figures_a.size(); ++i) {
    out.network.push_back(delta(figures_a[i].name, figures_a[i].value, figures_b[i].value));
  }

  compare_sectors(aa, ab, out);
  for (const GapKind kind : gap_kinds) out.gaps.push_back(gap_change(aa, ab, kind));

  // Coalition-wide power per member, union of both waves, in first-seen order.
  std::vector<std::string> ids;
  for (const auto& m : a.members) ids.push_back(m.id);
  for (const auto& m : b.members) {
    if (!index_a.contains(m.id)) ids.push_back(m.id);
  }
  for (const auto& id : ids) {
    out.power.push_back(delta(id, member_power(index_a, aa, id), member_power(index_b, ab, id)));
  }
  compare_bodies(a, aa, b, ab, ids, out);

  // QAP over the members in both waves, in the first wave's order: their tied pairs only.
  out.qap = detail::common_qap(a, common_a, b, common_b, options);

  add_findings(a, b, ab, out);
  return out;
}

// Telling waves from different coalitions (the taxonomy work).

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

}  // namespace xsector
