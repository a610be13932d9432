// Brokerage: who links members of other sectors, by Gould and Fernandez's five roles
// (docs/sectors.md). Follows the ties' directions, unlike the other sector figures.
#pragma once

#include <cstddef>
#include <vector>

#include "xsector/network.hpp"

namespace xsector {

/// One member's Gould and Fernandez brokerage roles: how many open two-paths i -> j -> k it
/// stands in the middle of (j), by where i, j and k belong.
struct Brokerage {
  std::size_t coordinator = 0;     ///< i, j, k in one sector
  std::size_t itinerant = 0;       ///< i and k share a sector, j is from another
  std::size_t representative = 0;  ///< i and j share a sector, k is from another
  std::size_t gatekeeper = 0;      ///< j and k share a sector, i is from another
  std::size_t liaison = 0;         ///< three different sectors
  [[nodiscard]] std::size_t total() const { return coordinator + itinerant + representative + gatekeeper + liaison; }
};

/// Gould and Fernandez (1989) brokerage roles of every member, raw counts as R sna
/// `brokerage(g, cl)`.
///
/// Definition: member j brokers each ordered two-path i -> j -> k (i != k) that has no arc
/// i -> k; the path counts towards one role by the sectors of i, j and k (see Brokerage).
/// An undirected tie is an arc both ways and a `from`/`to` tie one arc, so an open undirected
/// triad i - j - k counts twice (i -> j -> k and k -> j -> i) and a closed triad not at all.
///
/// `g`: the network (build_graph); `sector_of`: each member's sector, one entry per member
/// (SectorIndex::sector_of), any values: only equality counts.
///
/// Returns one Brokerage per member in file order; isolates and members without a two-path
/// through them get all zeros; empty for no members. Throws nothing (beyond allocation).
///
/// Time complexity: O(Σ_j in-degree(j) × out-degree(j) × log d) for d the largest out-degree
/// (a binary search for the arc i -> k). Memory: O(n) beyond the network.
std::vector<Brokerage> brokerage(const Network& g, const std::vector<std::size_t>& sector_of);

}  // namespace xsector
