// Cut points, bridges and what each departure separates, from one iterative depth-first search
// (Hopcroft-Tarjan). Private to the engine: structure.cpp and resilience.cpp use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "xsector/network.hpp"

namespace xsector::detail {

struct CutAnalysis {
  std::vector<std::uint32_t> component;       ///< label per member, numbered in file order of first member
  std::vector<std::uint64_t> component_size;  ///< members per component
  std::vector<bool> articulation;
  /// Bridges as (lower, higher) member pairs, ascending.
  std::vector<std::pair<std::size_t, std::size_t>> bridges;
  /// When v leaves, its component falls into `pieces[v]` components whose ordered pairs of
  /// distinct members number `piece_pairs[v]` (sum of s(s-1) over the pieces).
  std::vector<std::uint32_t> pieces;
  std::vector<std::uint64_t> piece_pairs;
};

/// O(n + m), iterative.
CutAnalysis cut_analysis(const Network& g);

}  // namespace xsector::detail
