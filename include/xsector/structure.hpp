// Cohesion and local structure: degrees, components, cores, triangles, structural holes,
// cut points, and the network-level figures built from them. Undirected, unweighted view
// unless a name says otherwise.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "xsector/network.hpp"

namespace xsector {

/// Number of members each member is tied to (either direction). O(n).
std::vector<std::size_t> degrees(const Network& g);

/// degree / (n-1), as NetworkX `degree_centrality`; null when n = 1 (NetworkX gives 1). O(n).
std::vector<std::optional<double>> degree_centrality(const Network& g);

/// Sum of the levels (1-4) of every tie a member is part of; a pair tied both ways with
/// from/to counts both ties. O(m).
std::vector<double> strength(const Network& g);

struct Components {
  std::vector<std::size_t> of;     ///< component label per member, numbered in file order
  std::vector<std::size_t> sizes;  ///< members per component
  [[nodiscard]] std::size_t count() const { return sizes.size(); }
  /// The largest component; the one holding the earliest member when several tie.
  [[nodiscard]] std::size_t largest() const;
};

/// Connected components of the undirected view. O(n + m).
Components components(const Network& g);

/// k-core number (NetworkX `core_number`; Batagelj-Zaversnik). O(n + m).
std::vector<std::size_t> core_numbers(const Network& g);

/// Triangles through each member. O(sum of degree^2).
std::vector<std::size_t> triangles(const Network& g);

/// Local clustering as NetworkX `clustering(G)`: 2 T(v) / (d(v)(d(v)-1)); null where
/// d(v) < 2 (NetworkX gives 0 there). O(sum of degree^2).
std::vector<std::optional<double>> clustering(const Network& g);

/// Transitivity as NetworkX `transitivity(G)`: 3 x triangles / connected triples; null
/// when there are no connected triples (NetworkX gives 0). O(sum of degree^2).
std::optional<double> transitivity(const Network& g);

/// Burt's constraint as NetworkX `constraint(G)` unweighted: sum over neighbours j of
/// (p_ij + sum_q p_iq p_qj)^2 with p_ij = 1/d(i); null for an isolate (NetworkX: NaN).
/// O(sum of degree^2).
std::vector<std::optional<double>> constraint(const Network& g);

/// Burt's effective size as NetworkX `effective_size(G)` unweighted: d - 2t/d, t the ties
/// among the member's neighbours; null for an isolate (NetworkX: NaN). O(sum of degree^2).
std::vector<std::optional<double>> effective_size(const Network& g);

/// True for members whose removal splits their component (iterative Hopcroft-Tarjan, so a path
/// of any length cannot overflow the stack). O(n + m).
std::vector<bool> articulation_points(const Network& g);

/// 2m / (n(n-1)) over adjacent pairs, as NetworkX `density`; null when n < 2 (NetworkX: 0). O(1).
std::optional<double> density(const Network& g);

/// Freeman degree centralization as R sna `centralization(g, degree, mode="graph")`:
/// sum(max d - d_i) / ((n-1)(n-2)); null when n < 3. O(n).
std::optional<double> degree_centralization(const Network& g);

/// Freeman betweenness centralization as R sna `centralization(g, betweenness,
/// mode="graph")`: sum(max b - b_i) / ((n-1)^2 (n-2) / 2) over raw betweenness; null when n < 3.
/// O(n).
std::optional<double> betweenness_centralization(const std::vector<double>& raw_betweenness);

/// NetworkX `overall_reciprocity` of the directed (from/to) ties: the share of arcs whose
/// reverse arc also exists; null when the file has no directed tie. O(m).
std::optional<double> reciprocity(const Network& g);

}  // namespace xsector
