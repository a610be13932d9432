// Which members' departure would split the coalition's network?
// Usage: cut_points FILE
#include <iostream>

#include "xsector/error.hpp"
#include "xsector/load.hpp"
#include "xsector/structure.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: cut_points FILE\n";
    return 2;
  }
  try {
    const xsector::Coalition c = xsector::load_coalition_file(argv[1]);
    const xsector::Network g = xsector::build_graph(c);
    const auto cut = xsector::articulation_points(g);
    std::size_t found = 0;
    for (std::size_t v = 0; v < cut.size(); ++v) {
      if (!cut[v]) continue;
      ++found;
      std::cout << c.members[v].id << ": " << c.members[v].name << '\n';
    }
    if (found == 0) std::cout << "no single departure splits the network\n";
  } catch (const xsector::Error& e) {
    std::cerr << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  }
  return 0;
}
