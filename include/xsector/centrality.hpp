// Centrality of members, on the undirected, unweighted view of the ties. Each function
// names the reference it matches; docs/metrics.md says the same for users.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "xsector/graph.hpp"

namespace xsector {

/// Shortest-path betweenness, raw: for each member v, the sum over unordered pairs {s, t}
/// (s, t != v) of the share of shortest s-t paths through v (Brandes' algorithm for
/// unweighted graphs, on the compact Adjacency snapshot).
/// Pairs in different components contribute nothing. Time complexity: O(n m).
std::vector<double> betweenness_raw(const Graph& g);

/// Normalized betweenness as NetworkX `betweenness_centrality(G)`: raw * 2/((n-1)(n-2)).
/// 0 for every member when n < 3 (never NaN). Time complexity: O(n m).
std::vector<double> betweenness(const Graph& g);

/// The normalization of `betweenness`, applied to raw values (n = raw.size()). O(n).
std::vector<double> normalized_betweenness(std::vector<double> raw);

/// Figures that come from one breadth-first search per member.
struct PathFigures {
  /// NetworkX `closeness_centrality` (wf_improved=True): for u reached by r members
  /// counting u, C(u) = (r-1)/sum d(v,u) * (r-1)/(n-1); 0 for an isolate and when n = 1.
  std::vector<double> closeness;
  /// NetworkX `harmonic_centrality`: sum over v != u of 1/d(u,v), unnormalized;
  /// unreachable members add 0.
  std::vector<double> harmonic;
  /// NetworkX `average_shortest_path_length` of the largest component (the one holding the
  /// earliest member when several are largest): sum of d over ordered pairs / (s(s-1));
  /// null when that component is a single member.
  std::optional<double> average_path_length;
  /// The largest eccentricity in that same component (0 for a single member).
  std::size_t diameter = 0;
};

/// Closeness, harmonic, average path length and diameter. Time complexity: O(n (n + m)).
PathFigures path_figures(const Graph& g);

/// NetworkX `eigenvector_centrality(G)`: power iteration on A + I from the uniform vector,
/// scaled to unit 2-norm after every step, stopping when the L1 change is below n * 1e-6.
/// On a disconnected graph the result concentrates on the component with the largest
/// leading eigenvalue (others decay towards 0); components whose leading eigenvalues are
/// equal share it in proportion to their start. Isolates get the value they hold after
/// decay (0 when any tie exists; 1/sqrt(n) each on a graph with no ties). Returns null
/// when 10,000 steps do not converge (NetworkX raises after 100).
/// Time complexity: O(k (n + m)) for k steps.
std::optional<std::vector<double>> eigenvector(const Graph& g);

/// PageRank as NetworkX `pagerank(G, alpha)` on the undirected view (each tie an arc both
/// ways, all weights 1): uniform teleport, the mass of members without ties spread
/// uniformly, sums to 1. Iterates until the L1 change is below n * 1e-12 (NetworkX stops at
/// n * 1e-6, within 1e-6 of this). Time complexity: O(k (n + m)).
std::vector<double> pagerank(const Graph& g, double alpha = 0.85);

}  // namespace xsector
