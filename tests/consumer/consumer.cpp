// Loads a coalition with an installed xsector and prints its size and the library version.
#include <iostream>
#include <xsector/load.hpp>
#include <xsector/version.hpp>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  try {
    const xsector::Coalition c = xsector::load_coalition_file(argv[1]);
    std::cout << c.name << ": " << c.members.size() << " members (xsector " << xsector::version << ")\n";
  } catch (const xsector::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
