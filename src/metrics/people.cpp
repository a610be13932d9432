// People who carry the ties: carriers per tie end, each contact's departure and handoff
// readiness. Definitions in include/xsector/people.hpp and docs/people.md; the findings about
// them are in people_findings.cpp, the changes between waves in people_changes.cpp.
#include "xsector/people.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

#include "metrics/people_parts.hpp"
#include "xsector/error.hpp"
#include "xsector/resilience.hpp"

namespace xsector {

using detail::contact_index;
using detail::other_end;

namespace {

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

namespace {

// Each contact's carried ties, and those it alone carries on its member's side.
void count_carries(const Coalition& c, const std::vector<std::size_t>& first_person, People& out) {
  const auto where = contact_index(c);
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    const auto [on_a, on_b] = detail::carriers_per_side(tie, where);
    for (const auto& id : tie.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;
      const auto [m, k] = it->second;
      if (m != tie.a && m != tie.b) continue;
      PersonFigures& p = out.people[first_person[m] + k];
      p.carries.push_back(t);
      if ((m == tie.a ? on_a : on_b) == 1) p.sole_carrier_of.push_back(t);
    }
  }
}

// Without member m its component falls into pieces: the subtree of each DFS child c with
// low(c) >= disc(m) is a piece of its own, and the rest (the parent's side and the other
// children) is one more. Removing ties of m alone detaches exactly the pieces in which m keeps
// no adjacent partner.
struct Pieces {
  std::vector<std::uint32_t> split_children;  // ascending disc
  std::vector<std::size_t> partners_in;       // m's adjacent partners per piece (rest last)
  std::uint64_t whole = 0;                    // m's component's size
  std::uint64_t rest_size = 0;
  [[nodiscard]] std::size_t rest() const { return split_children.size(); }
};

std::size_t piece_of(const Dfs& dfs, const Pieces& pieces, std::uint32_t q) {
  const auto& split = pieces.split_children;
  auto it = std::upper_bound(split.begin(), split.end(), q,
                             [&](std::uint32_t x, std::uint32_t child) { return dfs.disc[x] < dfs.disc[child]; });
  if (it == split.begin()) return pieces.rest();
  --it;
  return dfs.disc[q] < dfs.disc[*it] + dfs.size[*it] ? static_cast<std::size_t>(it - split.begin()) : pieces.rest();
}

Pieces pieces_without(const Network& g, const Dfs& dfs, std::size_t m) {
  Pieces out;
  for (const auto v : g.neighbors(m)) {
    if (dfs.parent[v] == m && v != m && dfs.low[v] >= dfs.disc[m]) out.split_children.push_back(v);
  }
  std::sort(out.split_children.begin(), out.split_children.end(),
            [&](std::uint32_t x, std::uint32_t y) { return dfs.disc[x] < dfs.disc[y]; });
  out.partners_in.assign(out.rest() + 1, 0);
  for (const auto v : g.neighbors(m)) ++out.partners_in[piece_of(dfs, out, v)];
  out.whole = dfs.component_size[dfs.component[m]];
  std::uint64_t split_size = 0;
  for (const auto child : out.split_children) split_size += dfs.size[child];
  out.rest_size = out.whole - 1 - split_size;
  return out;
}

// Partners of m all of whose ties with m are carried by p alone (sole_carrier_of is ascending).
std::vector<std::uint32_t> cold_partners(const Coalition& c, const Network& g, std::size_t m, const PersonFigures& p) {
  std::vector<std::uint32_t> cold;
  const auto neighbors = g.neighbors(m);
  const auto slots = g.neighbor_pairs(m);
  for (const auto t : p.sole_carrier_of) {
    const auto q = static_cast<std::uint32_t>(other_end(c.ties[t], m));
    const auto it = std::lower_bound(neighbors.begin(), neighbors.end(), q);
    if (it == neighbors.end() || *it != q) continue;
    const PairEdge& pair = g.pair(slots[static_cast<std::size_t>(it - neighbors.begin())]);
    bool all_cold = true;
    for (const auto pt : pair.ties()) {
      if (!std::binary_search(p.sole_carrier_of.begin(), p.sole_carrier_of.end(), std::size_t{pt})) all_cold = false;
    }
    if (all_cold) cold.push_back(q);
  }
  std::sort(cold.begin(), cold.end());
  cold.erase(std::unique(cold.begin(), cold.end()), cold.end());
  return cold;
}

// The sectors p's departure cuts off from m (every tie of m to that sector carried by p alone).
std::vector<std::size_t> sectors_cut(const Coalition& c, const SectorIndex& sectors, std::size_t m,
                                     const std::vector<std::size_t>& incident, const PersonFigures& p) {
  const std::size_t own = sectors.sector_of[m];
  std::map<std::size_t, std::size_t> ties_to_sector;
  for (const auto t : incident) {
    const std::size_t s = sectors.sector_of[other_end(c.ties[t], m)];
    if (s != own) ++ties_to_sector[s];
  }
  std::map<std::size_t, std::size_t> sole_to_sector;
  for (const auto t : p.sole_carrier_of) {
    const std::size_t s = sectors.sector_of[other_end(c.ties[t], m)];
    if (s != own) ++sole_to_sector[s];
  }
  std::vector<std::size_t> cut;
  for (const auto& [s, count] : sole_to_sector) {
    if (count == ties_to_sector[s]) cut.push_back(s);
  }
  return cut;
}

}  // namespace

People people(const Coalition& c, const Network& g, const SectorIndex& sectors) {
  People out;
  const std::size_t n = c.members.size();
  out.fragmentation = fragmentation(g);
  HandoffReadiness handoff = handoff_readiness(c);
  out.member_handoff_readiness = std::move(handoff.member);
  out.member_carried = std::move(handoff.carried);
  out.member_ready = std::move(handoff.ready);
  out.handoff_readiness = handoff.network;
  out.carried_ends = handoff.carried_ends;
  out.ready_ends = handoff.ready_ends;

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
  count_carries(c, first_person, out);
  std::vector<std::vector<std::size_t>> incident(n);  // ties per member, file order
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    incident[c.ties[t].a].push_back(t);
    incident[c.ties[t].b].push_back(t);
  }

  const Dfs dfs = depth_first(g);
  std::uint64_t connected = 0;  // ordered pairs that reach each other
  for (const auto size : dfs.component_size) connected += size * (size - 1);
  const double pairs_all = static_cast<double>(n) * (static_cast<double>(n) - 1.0);
  for (std::size_t m = 0; m < n; ++m) {
    if (c.members[m].contacts.empty()) continue;
    const Pieces pieces = pieces_without(g, dfs, m);
    for (std::size_t k = 0; k < c.members[m].contacts.size(); ++k) {
      PersonFigures& p = out.people[first_person[m] + k];
      p.fragmentation = out.fragmentation;
      if (p.sole_carrier_of.empty()) continue;
      p.sectors_cut = sectors_cut(c, sectors, m, incident[m], p);
      const auto cold = cold_partners(c, g, m, p);
      if (cold.empty() || n < 2) continue;
      std::map<std::size_t, std::size_t> cold_in;  // cold partners per piece
      for (const auto q : cold) ++cold_in[piece_of(dfs, pieces, q)];
      std::uint64_t detached = 0;        // members in pieces that lose m
      std::uint64_t detached_pairs = 0;  // ordered pairs within them
      for (const auto& [piece, count] : cold_in) {
        if (count != pieces.partners_in[piece]) continue;
        const std::uint64_t size = piece == pieces.rest() ? pieces.rest_size : dfs.size[pieces.split_children[piece]];
        detached += size;
        detached_pairs += size * (size - 1);
      }
      const std::uint64_t kept = pieces.whole - detached;
      const double after =
          static_cast<double>(connected - pieces.whole * (pieces.whole - 1) + detached_pairs + kept * (kept - 1));
      p.fragmentation = 1.0 - after / pairs_all;
    }
  }
  return out;
}

}  // namespace xsector
