// Small graphs for the metric tests, built through the public loader.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "xsector/network.hpp"
#include "xsector/load.hpp"

namespace xsector::testing {

/// A coalition of members m0..m{n-1} (all in sector `housing`) tied by `edges`.
inline Coalition coalition_of(std::size_t n, const std::vector<std::pair<int, int>>& edges) {
  std::string text = "coalition: {name: test}\nmembers:\n";
  for (std::size_t i = 0; i < n; ++i) text += "  - {id: m" + std::to_string(i) + ", sector: housing}\n";
  if (!edges.empty()) text += "ties:\n";
  for (const auto& [a, b] : edges) text += "  - [m" + std::to_string(a) + ", m" + std::to_string(b) + "]\n";
  return parse_coalition(text, "test.yaml");
}

inline Network graph_of(std::size_t n, const std::vector<std::pair<int, int>>& edges) {
  return build_graph(coalition_of(n, edges));
}

inline Coalition classic(const std::string& name) {
  return load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/" + name + ".yaml");
}

}  // namespace xsector::testing
