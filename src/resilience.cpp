#include "xsector/resilience.hpp"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <map>
#include <set>

#include "xsector/structure.hpp"

namespace xsector {

namespace {

struct ComponentSizes {
  std::vector<std::size_t> sizes;
};

ComponentSizes component_sizes(const Adjacency& adj, std::optional<std::size_t> removed) {
  const std::size_t n = adj.size();
  std::vector<char> seen(n, 0);
  if (removed) seen[*removed] = 1;
  ComponentSizes out;
  std::vector<std::size_t> stack;
  for (std::size_t s = 0; s < n; ++s) {
    if (seen[s]) continue;
    seen[s] = 1;
    stack.push_back(s);
    std::size_t size = 0;
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      ++size;
      for (const auto v : adj[u]) {
        if (!seen[v]) {
          seen[v] = 1;
          stack.push_back(v);
        }
      }
    }
    out.sizes.push_back(size);
  }
  return out;
}

std::optional<double> fragmentation_of(const ComponentSizes& c) {
  double n = 0;
  double connected = 0;
  for (const auto s : c.sizes) {
    n += static_cast<double>(s);
    connected += static_cast<double>(s) * static_cast<double>(s - 1);
  }
  if (n < 2) return std::nullopt;
  return 1.0 - connected / (n * (n - 1));
}

}  // namespace

std::optional<double> fragmentation(const Graph& g, std::optional<std::size_t> removed) {
  return fragmentation_of(component_sizes(Adjacency(g), removed));
}

std::vector<std::pair<std::size_t, std::size_t>> bridges(const Graph& g) {
  // A bridge is a biconnected component made of a single edge.
  std::map<Edge, std::size_t> component;
  const std::size_t count =
      boost::biconnected_components(g, boost::make_assoc_property_map(component));
  std::vector<std::size_t> edges_in(count, 0);
  for (const auto& [e, c] : component) ++edges_in[c];
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& [e, c] : component) {
    if (edges_in[c] == 1) out.emplace_back(std::minmax(boost::source(e, g), boost::target(e, g)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Resilience resilience(const Coalition& c, const Graph& g, const SectorIndex& sectors, const CoalitionPower& power) {
  Resilience out;
  const std::size_t n = c.members.size();
  const Adjacency adj(g);
  out.fragmentation = fragmentation_of(component_sizes(adj, std::nullopt));
  const auto cut = articulation_points(g);
  for (std::size_t v = 0; v < n; ++v) {
    if (cut[v]) out.articulation_points.push_back(v);
  }
  out.bridges = bridges(g);

  const std::size_t sector_count = sectors.sectors.size();
  std::vector<std::size_t> members_in(sector_count, 0);
  for (const auto s : sectors.sector_of) ++members_in[s];
  // For each sector, the members that every one of its cross-sector ties involves.
  std::vector<std::optional<std::set<std::size_t>>> on_every_tie(sector_count);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::size_t u = boost::source(e, g);
    const std::size_t v = boost::target(e, g);
    for (const std::size_t s : {sectors.sector_of[u], sectors.sector_of[v]}) {
      if (sectors.sector_of[u] == sectors.sector_of[v]) break;
      auto& common = on_every_tie[s];
      if (!common) {
        common = std::set<std::size_t>{u, v};
      } else {
        std::set<std::size_t> keep;
        for (const auto x : *common) {
          if (x == u || x == v) keep.insert(x);
        }
        common = std::move(keep);
      }
    }
  }

  for (std::size_t v = 0; v < n; ++v) {
    Departure d;
    d.member = v;
    const ComponentSizes comps = component_sizes(adj, v);
    d.fragmentation = fragmentation_of(comps);
    d.components = comps.sizes.size();
    const std::size_t own = sectors.sector_of[v];
    if (members_in[own] == 1) d.sectors_lost.push_back(own);
    for (std::size_t s = 0; s < sector_count; ++s) {
      if (s == own && members_in[own] == 1) continue;
      if (on_every_tie[s] && on_every_tie[s]->contains(v)) d.sectors_unlinked.push_back(s);
    }
    for (std::size_t b = 0; b < c.governance.size(); ++b) {
      const BodyPower& before = power.bodies[b];
      const bool seated = std::any_of(before.seats.begin(), before.seats.end(),
                                      [&](const SeatPower& s) { return s.member == v; });
      if (!seated) continue;
      const BodyPower after = body_power(c, b, v);
      PowerShift shift;
      shift.body = b;
      shift.can_decide = after.can_decide;
      for (const auto& s : after.seats) {
        shift.members.push_back(s.member);
        shift.after.push_back(s.banzhaf);
        const auto it = std::find_if(before.seats.begin(), before.seats.end(),
                                     [&](const SeatPower& x) { return x.member == s.member; });
        shift.before.push_back(it->banzhaf);
      }
      d.power.push_back(std::move(shift));
    }
    out.departures.push_back(std::move(d));
  }
  return out;
}

}  // namespace xsector
