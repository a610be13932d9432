#include "xsector/graph.hpp"

#include <algorithm>
#include <map>

namespace xsector {

Graph build_graph(const Coalition& coalition) {
  Graph g(coalition.members.size());
  for (std::size_t i = 0; i < coalition.members.size(); ++i) g[i].member = i;
  std::map<std::pair<std::size_t, std::size_t>, Edge> pairs;
  for (std::size_t t = 0; t < coalition.ties.size(); ++t) {
    const Tie& tie = coalition.ties[t];
    const auto key = std::minmax(tie.a, tie.b);
    auto it = pairs.find(key);
    if (it == pairs.end()) {
      const Edge e = boost::add_edge(key.first, key.second, g).first;
      g[e].level = 0;
      g[e].strength = 0;
      it = pairs.emplace(key, e).first;
    }
    PairEdge& pe = g[it->second];
    pe.ties.push_back(t);
    const int level = static_cast<int>(tie.level);
    pe.level = std::max(pe.level, level);
    pe.strength += level;
    if (!tie.directed) pe.undirected = true;
    else if (tie.a < tie.b) pe.arc_low_high = true;
    else pe.arc_high_low = true;
  }
  return g;
}

Adjacency::Adjacency(const Graph& g) : offsets_(boost::num_vertices(g) + 1, 0) {
  const std::size_t n = boost::num_vertices(g);
  for (std::size_t v = 0; v < n; ++v) offsets_[v + 1] = offsets_[v] + boost::out_degree(v, g);
  targets_.resize(offsets_[n]);
  for (std::size_t v = 0; v < n; ++v) {
    std::size_t k = offsets_[v];
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      targets_[k++] = static_cast<std::uint32_t>(boost::target(e, g));
    }
    std::sort(targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[v]),
              targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[v + 1]));
  }
}

}  // namespace xsector
