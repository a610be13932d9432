// Brandes' shortest-path searches behind the path figures (internal to src/metrics/): one
// breadth-first search per source for steps, one Dial bucket-queue search per source for tie
// levels, and the threaded run over all sources. centrality.cpp sets them up and reads them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "xsector/network.hpp"

namespace xsector::detail {

/// What one chunk of sources adds up: per-member sums reduced across chunks in chunk order.
struct ChunkSums {
  std::vector<double> dependency;  // sum of w_s delta_s(v)
  std::vector<double> distance;    // sampling only: sum of w_s d(s, v)
  std::vector<double> inverse;     // sampling only: sum of w_s / d(s, v)
};

/// A member's state in one search, kept together so a neighbour costs one cache line.
struct Node {
  double sigma = 0.0;  // shortest paths from the source
  double delta = 0.0;  // Brandes' dependency of the source on it
  std::int32_t dist = -1;
};

/// One thread's search state, reused from source to source.
struct Workspace {
  std::vector<Node> node;
  std::vector<std::uint32_t> order;
  explicit Workspace(std::size_t n) : node(n), order(n) {}
};

/// Brandes' algorithm counting steps, by breadth-first search; exact runs also record each
/// source's closeness, harmonic sum, distance sum and eccentricity.
struct Kernel {
  using Work = Workspace;
  const Network& g;
  bool betweenness = true;
  bool distances = true;
  bool sampled = false;
  // Exact runs: per-source results, written by the one chunk that owns the source.
  std::vector<double>* closeness = nullptr;
  std::vector<double>* harmonic = nullptr;
  std::vector<std::uint64_t>* distance_sum = nullptr;
  std::vector<std::uint32_t>* eccentricity = nullptr;

  void search(std::uint32_t s, double weight, Workspace& w, ChunkSums& sums) const;
};

/// Distances in units of 1/12 of a step, so 1/level is an integer for every level 1-4.
constexpr std::uint32_t distance_unit = 12;
constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

struct WeightedNode {
  double sigma = 0.0;
  double delta = 0.0;
  std::uint32_t dist = unreached;
  bool settled = false;
};

struct WeightedWork {
  std::vector<WeightedNode> node;
  std::vector<std::uint32_t> order;                // settled members, by distance
  std::vector<std::vector<std::uint32_t>> bucket;  // Dial's queue: distance mod 13
  explicit WeightedWork(std::size_t n) : node(n), bucket(distance_unit + 1) { order.reserve(n); }
};

/// Brandes' algorithm with integer tie distances 12/level, searched by Dial's bucket queue.
struct WeightedKernel {
  using Work = WeightedWork;
  const Network& g;
  const std::vector<std::uint8_t>& pair_length;  // 12 / level, per pair
  bool betweenness = true;
  bool distances = true;
  bool sampled = false;
  std::vector<double>* closeness = nullptr;  // exact runs: per source

  void search(std::uint32_t s, double weight, WeightedWork& w, ChunkSums& sums) const;
};

/// Runs `kernel` from every source (with weights), in `chunks` fixed chunks spread over
/// threads, and returns each chunk's sums reduced in chunk order.
/// Instantiated for Kernel and WeightedKernel in centrality_kernels.cpp.
template <class K>
ChunkSums run_sources(const K& kernel, const std::vector<std::uint32_t>& sources, const std::vector<double>& weights,
                      unsigned threads);
extern template ChunkSums run_sources<Kernel>(const Kernel&, const std::vector<std::uint32_t>&,
                                              const std::vector<double>&, unsigned);
extern template ChunkSums run_sources<WeightedKernel>(const WeightedKernel&, const std::vector<std::uint32_t>&,
                                                      const std::vector<double>&, unsigned);

}  // namespace xsector::detail
