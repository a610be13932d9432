// Who sits on the most shortest paths between other members? Prints the top three by
// betweenness with the sector each one belongs to.
// Usage: top_brokers FILE
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <numeric>

#include "xsector/centrality.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: top_brokers FILE\n";
    return 2;
  }
  try {
    const xsector::Coalition c = xsector::load_coalition_file(argv[1]);
    const auto b = xsector::betweenness(xsector::build_graph(c));
    std::vector<std::size_t> order(b.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return b[x] > b[y]; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, order.size()); ++i) {
      const auto& m = c.members[order[i]];
      std::printf("%zu. %s (%s) betweenness %.3f\n", i + 1, m.name.c_str(), m.sector.c_str(), b[order[i]]);
    }
  } catch (const xsector::Error& e) {
    std::cerr << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  }
  return 0;
}
