// Private storage of xsector::Network: Boost's compressed sparse row graph of the undirected
// view (each pair as two arcs, the pair index as the edge property) plus the directed view.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "xsector/network.hpp"

namespace xsector::detail {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t, boost::no_property,
                                               std::uint32_t, std::uint32_t>;

struct NetworkStorage {
  Csr csr;
  std::vector<PairEdge> pairs;
  std::vector<std::uint32_t> out_start, out_to, in_start, in_from;
};

}  // namespace xsector::detail
