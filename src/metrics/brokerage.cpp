// Gould and Fernandez brokerage roles of every member (include/xsector/brokerage.hpp).
#include "xsector/brokerage.hpp"

#include <algorithm>

namespace xsector {

std::vector<Brokerage> brokerage(const Network& g, const std::vector<std::size_t>& sector_of) {
  const std::size_t n = g.size();
  std::vector<Brokerage> b(n);
  for (std::size_t j = 0; j < n; ++j) {
    for (const std::size_t i : g.in_arcs(j)) {
      const auto from_i = g.out_arcs(i);
      for (const std::size_t k : g.out_arcs(j)) {
        if (i == k || std::binary_search(from_i.begin(), from_i.end(), k)) continue;
        const std::size_t gi = sector_of[i];
        const std::size_t gj = sector_of[j];
        const std::size_t gk = sector_of[k];
        if (gi == gj && gj == gk)
          ++b[j].coordinator;
        else if (gi == gk)
          ++b[j].itinerant;
        else if (gi == gj)
          ++b[j].representative;
        else if (gj == gk)
          ++b[j].gatekeeper;
        else
          ++b[j].liaison;
      }
    }
  }
  return b;
}

}  // namespace xsector
