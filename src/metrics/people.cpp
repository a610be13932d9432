// People who carry the ties: carriers per tie end, each contact's departure, handoff readiness,
// and the findings about them. Definitions in include/xsector/people.hpp and docs/people.md.
#include "xsector/people.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "xsector/error.hpp"
#include "xsector/findings.hpp"
#include "xsector/resilience.hpp"

namespace xsector {

std::string_view to_string(PeopleShown shown) {
  switch (shown) {
    case PeopleShown::names: return "names";
    case PeopleShown::roles: return "roles";
    case PeopleShown::none: return "none";
  }
  return "roles";
}

PeopleShown parse_people_shown(std::string_view text) {
  if (text == "names") return PeopleShown::names;
  if (text == "roles") return PeopleShown::roles;
  if (text == "none") return PeopleShown::none;
  throw UsageError(fmt::format("--people must be names, roles or none, not '{}'", text));
}

namespace {

/// "A", "A and B", "A, B and C" (or with another last word).
std::string and_list(const std::vector<std::string>& items, std::string_view last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last) : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

/// Where each contact id belongs: (member, index in its contacts).
std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> contact_index(const Coalition& c) {
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> out;
  for (std::size_t m = 0; m < c.members.size(); ++m) {
    for (std::size_t k = 0; k < c.members[m].contacts.size(); ++k)
      out.emplace(c.members[m].contacts[k].id, std::pair(m, k));
  }
  return out;
}

std::size_t other_end(const Tie& t, std::size_t m) { return t.a == m ? t.b : t.a; }

/// An iterative depth-first search of the undirected view: discovery time, low point,
/// subtree size and parent of every member, and the components. O(n + m).
struct Dfs {
  std::vector<std::uint32_t> disc, low, parent;
  std::vector<std::uint64_t> size;
  std::vector<std::uint32_t> component;
  std::vector<std::uint64_t> component_size;
};

Dfs depth_first(const Network& g) {
  const std::size_t n = g.size();
  constexpr auto unseen = std::numeric_limits<std::uint32_t>::max();
  Dfs d;
  d.disc.assign(n, unseen);
  d.low.assign(n, 0);
  d.parent.assign(n, unseen);
  d.size.assign(n, 1);
  d.component.assign(n, 0);
  std::vector<std::pair<std::uint32_t, std::size_t>> stack;  // member, next neighbour slot
  std::uint32_t time = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (d.disc[root] != unseen) continue;
    const auto label = static_cast<std::uint32_t>(d.component_size.size());
    std::uint64_t members = 0;
    d.disc[root] = d.low[root] = time++;
    d.parent[root] = static_cast<std::uint32_t>(root);
    stack.emplace_back(static_cast<std::uint32_t>(root), 0);
    while (!stack.empty()) {
      auto& [u, next] = stack.back();
      const auto around = g.neighbors(u);
      if (next < around.size()) {
        const std::uint32_t v = around[next++];
        if (d.disc[v] == unseen) {
          d.disc[v] = d.low[v] = time++;
          d.parent[v] = u;
          stack.emplace_back(v, 0);
        } else if (v != d.parent[u]) {
          d.low[u] = std::min(d.low[u], d.disc[v]);
        }
        continue;
      }
      const std::uint32_t done = u;
      stack.pop_back();
      d.component[done] = label;
      ++members;
      if (!stack.empty()) {
        const std::uint32_t up = stack.back().first;
        d.low[up] = std::min(d.low[up], d.low[done]);
        d.size[up] += d.size[done];
      }
    }
    d.component_size.push_back(members);
  }
  return d;
}

}  // namespace

People people(const Coalition& c, const Network& g, const SectorIndex& sectors) {
  People out;
  const std::size_t n = c.members.size();
  out.member_handoff_readiness.assign(n, std::nullopt);
  out.member_carried.assign(n, 0);
  out.member_ready.assign(n, 0);
  out.fragmentation = fragmentation(g);

  // Person slots: members in file order, each member's contacts in file order.
  std::vector<std::size_t> first_person(n + 1, 0);
  for (std::size_t m = 0; m < n; ++m) first_person[m + 1] = first_person[m] + c.members[m].contacts.size();
  out.people.resize(first_person[n]);
  out.described = first_person[n] > 0;
  for (std::size_t m = 0; m < n; ++m) {
    for (std::size_t k = 0; k < c.members[m].contacts.size(); ++k) {
      out.people[first_person[m] + k].member = m;
      out.people[first_person[m] + k].contact = k;
    }
  }
  if (!out.described) return out;
  const auto where = contact_index(c);

  // Carriers of each tie end; carries and sole_carrier_of per person; readiness per member.
  std::vector<std::vector<std::size_t>> incident(n);  // ties per member, file order
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    incident[tie.a].push_back(t);
    incident[tie.b].push_back(t);
    std::size_t on_a = 0;
    std::size_t on_b = 0;
    for (const auto& id : tie.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;  // a hand-built coalition may name no one known
      if (it->second.first == tie.a)
        ++on_a;
      else if (it->second.first == tie.b)
        ++on_b;
    }
    for (const auto& id : tie.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;
      const auto [m, k] = it->second;
      if (m != tie.a && m != tie.b) continue;
      PersonFigures& p = out.people[first_person[m] + k];
      p.carries.push_back(t);
      if ((m == tie.a ? on_a : on_b) == 1) p.sole_carrier_of.push_back(t);
    }
    for (const auto& [m, count] : {std::pair(tie.a, on_a), std::pair(tie.b, on_b)}) {
      if (count == 0) continue;
      ++out.member_carried[m];
      ++out.carried_ends;
      if (count >= 2) {
        ++out.member_ready[m];
        ++out.ready_ends;
      }
    }
  }
  for (std::size_t m = 0; m < n; ++m) {
    if (out.member_carried[m] > 0) {
      out.member_handoff_readiness[m] =
          static_cast<double>(out.member_ready[m]) / static_cast<double>(out.member_carried[m]);
    }
  }
  if (out.carried_ends > 0) {
    out.handoff_readiness = static_cast<double>(out.ready_ends) / static_cast<double>(out.carried_ends);
  }

  // One depth-first search gives, for every member m, the pieces its component falls into
  // without m: the subtree of each child c with low[c] >= disc[m] is a piece of its own; the
  // rest (the parent's side and the other children) is one more. Removing ties of m alone
  // detaches exactly the pieces in which m keeps no adjacent partner.
  const Dfs dfs = depth_first(g);
  std::uint64_t connected = 0;  // ordered pairs that reach each other
  for (const auto size : dfs.component_size) connected += size * (size - 1);
  const double pairs_all = static_cast<double>(n) * (static_cast<double>(n) - 1.0);

  for (std::size_t m = 0; m < n; ++m) {
    if (c.members[m].contacts.empty()) continue;
    // The member's ties per partner sector (other sectors only).
    std::map<std::size_t, std::size_t> ties_to_sector;
    const std::size_t own = sectors.sector_of[m];
    for (const auto t : incident[m]) {
      const std::size_t s = sectors.sector_of[other_end(c.ties[t], m)];
      if (s != own) ++ties_to_sector[s];
    }
    // m's pieces: children that root a piece, by discovery time; piece index per neighbour.
    std::vector<std::uint32_t> split_children;  // ascending disc
    for (const auto v : g.neighbors(m)) {
      if (dfs.parent[v] == m && v != m && dfs.low[v] >= dfs.disc[m]) split_children.push_back(v);
    }
    std::sort(split_children.begin(), split_children.end(),
              [&](std::uint32_t x, std::uint32_t y) { return dfs.disc[x] < dfs.disc[y]; });
    const std::size_t rest = split_children.size();  // the index of the rest piece
    auto piece_of = [&](std::uint32_t q) -> std::size_t {
      auto it = std::upper_bound(split_children.begin(), split_children.end(), q,
                                 [&](std::uint32_t x, std::uint32_t child) { return dfs.disc[x] < dfs.disc[child]; });
      if (it == split_children.begin()) return rest;
      --it;
      return dfs.disc[q] < dfs.disc[*it] + dfs.size[*it] ? static_cast<std::size_t>(it - split_children.begin()) : rest;
    };
    std::vector<std::size_t> partners_in(rest + 1, 0);  // m's adjacent partners per piece
    for (const auto v : g.neighbors(m)) ++partners_in[piece_of(v)];
    const std::uint64_t whole = dfs.component_size[dfs.component[m]];
    std::uint64_t split_size = 0;
    for (const auto child : split_children) split_size += dfs.size[child];
    const std::uint64_t rest_size = whole - 1 - split_size;

    for (std::size_t k = 0; k < c.members[m].contacts.size(); ++k) {
      PersonFigures& p = out.people[first_person[m] + k];
      p.fragmentation = out.fragmentation;
      if (p.sole_carrier_of.empty()) continue;
      std::map<std::size_t, std::size_t> sole_to_sector;
      for (const auto t : p.sole_carrier_of) {
        const std::size_t s = sectors.sector_of[other_end(c.ties[t], m)];
        if (s != own) ++sole_to_sector[s];
      }
      for (const auto& [s, count] : sole_to_sector) {
        if (count == ties_to_sector[s]) p.sectors_cut.push_back(s);
      }
      // Pairs all of whose ties go cold stop being adjacent (sole_carrier_of is ascending).
      std::vector<std::uint32_t> cold_partners;
      const auto neighbors = g.neighbors(m);
      const auto slots = g.neighbor_pairs(m);
      for (const auto t : p.sole_carrier_of) {
        const auto q = static_cast<std::uint32_t>(other_end(c.ties[t], m));
        const auto it = std::lower_bound(neighbors.begin(), neighbors.end(), q);
        if (it == neighbors.end() || *it != q) continue;
        const PairEdge& pair = g.pair(slots[static_cast<std::size_t>(it - neighbors.begin())]);
        bool all_cold = true;
        for (const auto pt : pair.ties()) {
          if (!std::binary_search(p.sole_carrier_of.begin(), p.sole_carrier_of.end(), std::size_t{pt}))
            all_cold = false;
        }
        if (all_cold) cold_partners.push_back(q);
      }
      std::sort(cold_partners.begin(), cold_partners.end());
      cold_partners.erase(std::unique(cold_partners.begin(), cold_partners.end()), cold_partners.end());
      if (cold_partners.empty() || n < 2) continue;
      std::map<std::size_t, std::size_t> cold_in;  // cold partners per piece
      for (const auto q : cold_partners) ++cold_in[piece_of(q)];
      std::uint64_t detached = 0;        // members in pieces that lose m
      std::uint64_t detached_pairs = 0;  // ordered pairs within them
      for (const auto& [piece, count] : cold_in) {
        if (count != partners_in[piece]) continue;
        const std::uint64_t size = piece == rest ? rest_size : dfs.size[split_children[piece]];
        detached += size;
        detached_pairs += size * (size - 1);
      }
      const std::uint64_t kept = whole - detached;
      const double after = static_cast<double>(connected - whole * (whole - 1) + detached_pairs + kept * (kept - 1));
      p.fragmentation = 1.0 - after / pairs_all;
    }
  }
  return out;
}

std::string person_label(const Coalition& c, std::size_t member, std::size_t contact, PeopleShown shown) {
  const Member& m = c.members[member];
  const Contact& p = m.contacts[contact];
  if (shown == PeopleShown::names && !p.name.empty()) {
    return p.role.empty() ? fmt::format("{} ({})", p.name, m.name) : fmt::format("{} ({}, {})", p.name, p.role, m.name);
  }
  if (shown != PeopleShown::none && !p.role.empty()) return fmt::format("the {} of {}", p.role, m.name);
  return fmt::format("contact {} of {}", contact + 1, m.name);
}

std::vector<Finding> people_findings(const Coalition& c, const SectorIndex& sectors, const People& r,
                                     PeopleShown shown) {
  std::vector<Finding> out;
  if (!r.described) return out;
  const double before = r.fragmentation.value_or(0.0);
  // Each person whose departure leaves relationships without a contact on its side.
  for (const PersonFigures& p : r.people) {
    if (p.sole_carrier_of.empty()) continue;
    const Member& m = c.members[p.member];
    const Contact& who = m.contacts[p.contact];
    const std::size_t k = p.sole_carrier_of.size();
    std::string message = fmt::format("If {} leaves, {} {} only contact", person_label(c, p.member, p.contact, shown),
                                      k, k == 1 ? "relationship loses its" : "relationships lose their");
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors.sectors[s].name);
    if (!cut.empty()) message += fmt::format(", including the only link to {}", and_list(cut));
    const bool splits = p.fragmentation && *p.fragmentation > before + 1e-12;
    if (splits) {
      message += fmt::format(", and {} of pairs of members could no longer reach each other (now {})",
                             percent(*p.fragmentation), percent(before));
    }
    Finding f{!cut.empty() || splits ? Severity::high : (k >= 2 ? Severity::medium : Severity::low),
              "people",
              "person-departure-cuts-ties",
              std::move(message),
              {who.id, m.id}};
    for (const auto s : p.sectors_cut) f.subjects.push_back(sectors.sectors[s].id);
    out.push_back(std::move(f));
  }
  std::vector<std::vector<std::size_t>> incident(c.members.size());  // ties per member, file order
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    incident[c.ties[t].a].push_back(t);
    incident[c.ties[t].b].push_back(t);
  }
  // Members whose every tie (two or more) runs through one person.
  for (const PersonFigures& p : r.people) {
    const Member& m = c.members[p.member];
    const std::size_t ties = incident[p.member].size();
    if (ties < 2 || p.sole_carrier_of.size() != ties) continue;
    out.push_back({Severity::medium,
                   "people",
                   "member-single-carrier",
                   fmt::format("All {} of {}'s ties run through one person, {}", ties, m.name,
                               person_label(c, p.member, p.contact, shown)),
                   {m.id, m.contacts[p.contact].id}});
  }
  // A suggested warm handoff for each person with relationships it alone carries. Per member,
  // the first two distinct contacts (in tie order) carrying a tie with each partner and with
  // each partner sector: enough to name someone other than the person leaving.
  const auto where = contact_index(c);
  using Two = std::array<std::optional<std::size_t>, 2>;
  auto remember = [](Two& two, std::size_t k) {
    if (!two[0])
      two[0] = k;
    else if (*two[0] != k && !two[1])
      two[1] = k;
  };
  auto other_than = [](const Two& two, std::size_t k) -> std::optional<std::size_t> {
    for (const auto& x : two) {
      if (x && *x != k) return x;
    }
    return std::nullopt;
  };
  constexpr std::size_t shown_partners = 5;  // a longer list ends with "and N more"
  std::size_t cached_member = c.members.size();
  std::unordered_map<std::size_t, Two> by_partner;
  std::unordered_map<std::size_t, Two> by_sector;
  for (const PersonFigures& p : r.people) {
    if (p.sole_carrier_of.empty()) continue;
    const Member& m = c.members[p.member];
    if (cached_member != p.member) {
      cached_member = p.member;
      by_partner.clear();
      by_sector.clear();
      for (const auto u : incident[p.member]) {
        const std::size_t partner = other_end(c.ties[u], p.member);
        for (const auto& id : c.ties[u].carried_by) {
          const auto it = where.find(id);
          if (it == where.end() || it->second.first != p.member) continue;
          remember(by_partner[partner], it->second.second);
          remember(by_sector[sectors.sector_of[partner]], it->second.second);
        }
      }
    }
    std::vector<std::string> parts;
    std::vector<std::string> nobody;  // partners no other contact of the member works with
    std::unordered_set<std::size_t> nobody_seen;
    std::size_t more = 0;
    std::vector<std::string> subjects = {m.contacts[p.contact].id, m.id};
    for (const auto t : p.sole_carrier_of) {
      const std::size_t q = other_end(c.ties[t], p.member);
      const auto same_partner = other_than(by_partner[q], p.contact);
      const auto same_sector = same_partner ? std::nullopt : other_than(by_sector[sectors.sector_of[q]], p.contact);
      const std::string& partner_name = c.members[q].name;
      if (!same_partner && !same_sector) {
        if (!nobody_seen.insert(q).second) continue;
        if (nobody.size() < shown_partners)
          nobody.push_back(partner_name);
        else
          ++more;
        continue;
      }
      if (parts.size() >= shown_partners) {
        ++more;
        continue;
      }
      if (same_partner) {
        parts.push_back(
            fmt::format("{} already works with {}", person_label(c, p.member, *same_partner, shown), partner_name));
        subjects.push_back(m.contacts[*same_partner].id);
      } else {
        parts.push_back(fmt::format("for {}, {} already works with {}", partner_name,
                                    person_label(c, p.member, *same_sector, shown),
                                    sectors.sectors[sectors.sector_of[q]].name));
        subjects.push_back(m.contacts[*same_sector].id);
      }
    }
    if (!nobody.empty()) {
      parts.push_back(fmt::format("no one else at {} works with {} yet", m.name, and_list(nobody, " or ")));
    }
    if (more > 0) parts.push_back(fmt::format("and {} more", more));
    out.push_back(
        {Severity::info, "people", "warm-handoff",
         fmt::format("Warm handoff for {}: {}", person_label(c, p.member, p.contact, shown), fmt::join(parts, "; ")),
         std::move(subjects)});
  }
  return out;
}

namespace {

/// Each unordered pair's carriers per side: key "low-id\nhigh-id" (ids in order); per side the
/// contact ids carrying any tie of the pair on that side, sorted.
struct PairCarriers {
  std::string a, b;
  std::vector<std::string> on_a, on_b;
};

std::map<std::pair<std::string, std::string>, PairCarriers> pair_carriers(const Coalition& c) {
  const auto where = contact_index(c);
  std::map<std::pair<std::string, std::string>, PairCarriers> out;
  for (const Tie& t : c.ties) {
    std::string x = c.members[t.a].id;
    std::string y = c.members[t.b].id;
    std::size_t mx = t.a;
    std::size_t my = t.b;
    if (y < x) {
      std::swap(x, y);
      std::swap(mx, my);
    }
    PairCarriers& p = out[{x, y}];
    p.a = x;
    p.b = y;
    for (const auto& id : t.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;
      if (it->second.first == mx)
        p.on_a.push_back(id);
      else if (it->second.first == my)
        p.on_b.push_back(id);
    }
  }
  for (auto& [key, p] : out) {
    for (auto* list : {&p.on_a, &p.on_b}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
  return out;
}

}  // namespace

PeopleChanges compare_people(const Coalition& before, const Coalition& after) {
  PeopleChanges out;
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  out.described = !in_before.empty() || !in_after.empty();
  if (!out.described) return out;
  for (const Member& m : before.members) {
    for (const Contact& p : m.contacts) {
      if (!in_after.contains(p.id)) out.left.push_back(p.id);
    }
  }
  for (const Member& m : after.members) {
    for (const Contact& p : m.contacts) {
      if (!in_before.contains(p.id)) out.joined.push_back(p.id);
    }
  }
  const auto pairs_before = pair_carriers(before);
  const auto pairs_after = pair_carriers(after);
  for (const auto& [key, p] : pairs_before) {
    const auto later = pairs_after.find(key);
    for (const bool side_a : {true, false}) {
      const auto& carriers = side_a ? p.on_a : p.on_b;
      CarrierChange change{p.a, p.b, side_a ? p.a : p.b, {}, {}};
      for (const auto& id : carriers) {
        if (!in_after.contains(id)) change.departed.push_back(id);
      }
      if (change.departed.empty()) continue;
      if (later == pairs_after.end()) {
        // One loss per pair: when carriers left on both sides, the second side joins the first.
        if (!side_a && !out.dissolved.empty() && out.dissolved.back().a == p.a && out.dissolved.back().b == p.b) {
          auto& departed = out.dissolved.back().departed;
          departed.insert(departed.end(), change.departed.begin(), change.departed.end());
          continue;
        }
        out.dissolved.push_back(std::move(change));
        continue;
      }
      change.carriers_after = side_a ? later->second.on_a : later->second.on_b;
      (change.carriers_after.empty() ? out.uncarried : out.handed_over).push_back(std::move(change));
    }
  }
  return out;
}

namespace {

std::string member_name(const Coalition& before, const Coalition& after, const std::string& id) {
  if (const auto i = after.member_index(id)) return after.members[*i].name;
  if (const auto i = before.member_index(id)) return before.members[*i].name;
  return id;
}

}  // namespace

std::vector<Finding> people_change_findings(const Coalition& before, const Coalition& after, const PeopleChanges& ch,
                                            PeopleShown shown) {
  std::vector<Finding> out;
  if (!ch.described) return out;
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  auto labels = [&](const Coalition& c, const std::vector<std::string>& ids) {
    const auto& index = &c == &before ? in_before : in_after;
    std::vector<std::string> list;
    for (const auto& id : ids) {
      const auto it = index.find(id);
      list.push_back(it == index.end() ? id : person_label(c, it->second.first, it->second.second, shown));
    }
    return and_list(list);
  };
  if (!ch.left.empty()) {
    out.push_back({Severity::info, "people", "contacts-left",
                   fmt::format("{} {} left: {}", ch.left.size(), ch.left.size() == 1 ? "contact" : "contacts",
                               labels(before, ch.left)),
                   ch.left});
  }
  if (!ch.joined.empty()) {
    out.push_back({Severity::info, "people", "contacts-joined",
                   fmt::format("{} {} joined: {}", ch.joined.size(), ch.joined.size() == 1 ? "contact" : "contacts",
                               labels(after, ch.joined)),
                   ch.joined});
  }
  auto pair_text = [&](const CarrierChange& x) {
    const std::string& other = x.member == x.a ? x.b : x.a;
    return fmt::format("{} with {}", member_name(before, after, x.member), member_name(before, after, other));
  };
  for (const auto& x : ch.handed_over) {
    std::vector<std::string> subjects = {x.a, x.b};
    subjects.insert(subjects.end(), x.departed.begin(), x.departed.end());
    subjects.insert(subjects.end(), x.carriers_after.begin(), x.carriers_after.end());
    out.push_back({Severity::info, "people", "handoff",
                   fmt::format("The relationship of {} survived the departure of {}: {} now {} it", pair_text(x),
                               labels(before, x.departed), labels(after, x.carriers_after),
                               x.carriers_after.size() == 1 ? "carries" : "carry"),
                   std::move(subjects)});
  }
  for (const auto& x : ch.dissolved) {
    std::vector<std::string> subjects = {x.a, x.b};
    subjects.insert(subjects.end(), x.departed.begin(), x.departed.end());
    out.push_back(
        {Severity::high, "people", "carrier-left-tie-lost",
         fmt::format("The relationship of {} dissolved after {} left", pair_text(x), labels(before, x.departed)),
         std::move(subjects)});
  }
  for (const auto& x : ch.uncarried) {
    std::vector<std::string> subjects = {x.a, x.b};
    subjects.insert(subjects.end(), x.departed.begin(), x.departed.end());
    out.push_back({Severity::low, "people", "carrier-left-tie-uncarried",
                   fmt::format("The relationship of {} is still there after {} left, but no one at {} is named as "
                               "carrying it",
                               pair_text(x), labels(before, x.departed), member_name(before, after, x.member)),
                   std::move(subjects)});
  }
  return out;
}

}  // namespace xsector
