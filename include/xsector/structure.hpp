// Cohesion and local structure: degrees, components, cores, triangles, structural holes,
// cut points, and the network-level figures built from them. Undirected, unweighted view
// unless a name says otherwise.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "xsector/network.hpp"

namespace xsector {

/// Number of members each member is tied to (either direction): the adjacent pairs it is part
/// of, so a pair tied both ways with from/to counts once. 0 for an isolate; empty for no
/// members. Time complexity: O(n).
std::vector<std::size_t> degrees(const Network& g);

/// degree / (n-1), as NetworkX `degree_centrality`; null when n = 1 (NetworkX gives 1); 0 for
/// an isolate; empty for no members. Time complexity: O(n).
std::vector<std::optional<double>> degree_centrality(const Network& g);

/// Sum of the levels (1-4) of every tie a member is part of; a pair tied both ways with
/// from/to counts both ties. 0 for an isolate; empty for no members. Time complexity: O(n + m).
std::vector<double> strength(const Network& g);

struct Components {
  std::vector<std::size_t> of;     ///< component label per member, numbered in file order
  std::vector<std::size_t> sizes;  ///< members per component
  [[nodiscard]] std::size_t count() const { return sizes.size(); }
  /// The largest component; the one holding the earliest member when several tie. 0 when
  /// there is no component (no members): check count() first. O(count()).
  [[nodiscard]] std::size_t largest() const;
};

/// Connected components of the undirected view, labelled in file order of their first member;
/// an isolate is a component of its own; no members gives none. Iterative, so any size is
/// safe for the stack. Time complexity: O(n + m).
Components components(const Network& g);

/// k-core number (NetworkX `core_number`; Batagelj-Zaversnik): the largest k such that the
/// member is in a subgraph where every member has degree at least k. 0 for an isolate; empty
/// for no members. Time complexity: O(n + m).
std::vector<std::size_t> core_numbers(const Network& g);

/// Triangles through each member (pairs of its neighbours that are adjacent). 0 for members of
/// degree below 2; empty for no members. Time complexity: O(sum of degree^2).
std::vector<std::size_t> triangles(const Network& g);

/// Local clustering as NetworkX `clustering(G)`: 2 T(v) / (d(v)(d(v)-1)); null where
/// d(v) < 2, isolates included (NetworkX gives 0 there). Time complexity: O(sum of degree^2).
std::vector<std::optional<double>> clustering(const Network& g);

/// Transitivity as NetworkX `transitivity(G)`: 3 x triangles / connected triples; null
/// when there are no connected triples, as with no members or no member of degree 2 or more
/// (NetworkX gives 0). Components are pooled. Time complexity: O(sum of degree^2).
std::optional<double> transitivity(const Network& g);

/// Burt's constraint as NetworkX `constraint(G)` unweighted: sum over neighbours j of
/// (p_ij + sum_q p_iq p_qj)^2 with p_ij = 1/d(i); null for an isolate (NetworkX: NaN); 1 for
/// a member with one neighbour. Time complexity: O(sum of degree^2).
std::vector<std::optional<double>> constraint(const Network& g);

/// Burt's effective size as NetworkX `effective_size(G)` unweighted: d - 2t/d, t the ties
/// among the member's neighbours; null for an isolate (NetworkX: NaN).
/// Time complexity: O(sum of degree^2).
std::vector<std::optional<double>> effective_size(const Network& g);

/// True for members whose removal splits their component (iterative Hopcroft-Tarjan, so a path
/// of any length cannot overflow the stack). Each component is searched on its own; isolates
/// and leaves are never cut points; empty for no members. Time complexity: O(n + m).
std::vector<bool> articulation_points(const Network& g);

/// 2m / (n(n-1)) over adjacent pairs (a pair tied both ways counts once), as NetworkX
/// `density`; 0 without ties; null when n < 2 (NetworkX: 0). Time complexity: O(1).
std::optional<double> density(const Network& g);

/// Freeman degree centralization as R sna `centralization(g, degree, mode="graph")`:
/// sum(max d - d_i) / ((n-1)(n-2)): 1 for a star, 0 when all degrees are equal (also without
/// ties); null when n < 3. Time complexity: O(n).
std::optional<double> degree_centralization(const Network& g);

/// Freeman betweenness centralization as R sna `centralization(g, betweenness,
/// mode="graph")`: sum(max b - b_i) / ((n-1)^2 (n-2) / 2) over raw betweenness (one value per
/// member, as betweenness_raw gives); 1 for a star, 0 without ties; null when fewer than 3
/// values. Time complexity: O(n).
std::optional<double> betweenness_centralization(const std::vector<double>& raw_betweenness);

/// NetworkX `overall_reciprocity` of the directed (from/to) ties: the share of arcs whose
/// reverse arc also exists; undirected ties are left out. Null when there is no directed tie.
/// Time complexity: O(m).
std::optional<double> reciprocity(const Network& g);

}  // namespace xsector
