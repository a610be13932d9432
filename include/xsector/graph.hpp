// The one place a Coalition becomes a Boost graph. Vertex i is member i (file order).
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector {

struct MemberVertex {
  std::size_t member = 0;  ///< index into Coalition::members (equal to the vertex index)
};

/// One edge per adjacent pair: the undirected, unweighted view structural metrics use.
/// The ties on the pair keep their levels and directions for weighted and directed figures.
struct PairEdge {
  std::vector<std::size_t> ties;  ///< indices into Coalition::ties (one, or two opposite arcs)
  int level = 1;                  ///< the highest level among the pair's ties
  int strength = 1;               ///< the sum of the levels of the pair's ties
  bool undirected = false;        ///< tied with `between` or the shorthand
  bool arc_low_high = false;      ///< a directed tie from the lower to the higher vertex index
  bool arc_high_low = false;      ///< a directed tie from the higher to the lower vertex index
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, MemberVertex,
                                    PairEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// Builds the graph: one vertex per member, one edge per pair tied in either direction.
/// Time complexity: O(n + m log m).
Graph build_graph(const Coalition& coalition);

/// A compressed snapshot of the undirected view (neighbour lists in one array, sorted):
/// the cache-friendly form the traversals run on.
class Adjacency {
 public:
  explicit Adjacency(const Graph& g);
  [[nodiscard]] std::size_t size() const { return offsets_.size() - 1; }
  [[nodiscard]] std::span<const std::uint32_t> operator[](std::size_t v) const {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<std::uint32_t> targets_;
};

/// The snapshot of `g`. O(n + m log m).
inline Adjacency adjacency(const Graph& g) { return Adjacency(g); }

}  // namespace xsector
