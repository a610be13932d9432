// Every figure of a coalition in one plain struct: what the outputs print.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/findings.hpp"
#include "xsector/graph.hpp"
#include "xsector/power.hpp"
#include "xsector/resilience.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// Member-level figures (DESIGN.md "Metrics"); definitions in centrality.hpp and structure.hpp.
struct MemberFigures {
  std::size_t degree = 0;
  std::optional<double> degree_centrality;
  double strength = 0;
  double betweenness = 0;
  double closeness = 0;
  double harmonic = 0;
  std::optional<double> eigenvector;
  double pagerank = 0;
  std::size_t core = 0;
  std::optional<double> clustering;
  std::optional<double> constraint;
  std::optional<double> effective_size;
  bool articulation = false;
};

/// Network-level figures.
struct NetworkFigures {
  std::size_t members = 0;
  std::size_t ties = 0;            ///< ties as written in the file
  std::size_t adjacent_pairs = 0;  ///< pairs tied in either direction (edges of the undirected view)
  std::optional<double> density;
  std::size_t components = 0;
  double largest_component_share = 0;
  std::size_t isolates = 0;
  std::optional<double> average_path_length;
  std::size_t diameter = 0;
  std::optional<double> transitivity;
  std::optional<double> degree_centralization;
  std::optional<double> betweenness_centralization;
  std::optional<double> reciprocity;
};

struct Analysis {
  NetworkFigures network;
  std::vector<MemberFigures> members;  ///< in file order
  SectorReport sectors;                ///< sector figures, member E-I and brokerage, gaps
  CoalitionPower power;                ///< voting power per body and across the coalition
  Resilience resilience;               ///< what each departure would cost
  std::vector<Finding> findings;       ///< by severity
};

/// Computes every figure of `coalition` on `graph` (built by build_graph from it).
Analysis analyze(const Coalition& coalition, const Graph& graph);

/// Builds the graph and analyzes it.
Analysis analyze(const Coalition& coalition);

}  // namespace xsector
