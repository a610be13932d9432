// Fuzz target: bytes -> parse_taxonomy. Bad files must be refused with xsector's own errors;
// in a taxonomy that loads, every sector is found by its id and by each of its aliases.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "xsector/load.hpp"

using namespace xsector;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Taxonomy t;
  try {
    t = parse_taxonomy(text, "fuzz-taxonomy.yaml", "fuzz");
  } catch (const xsector::Error&) {
    return 0;
  }
  for (const Sector& s : t.sectors) {
    const Sector* found = t.find(s.id);
    if (found == nullptr || found->id != s.id) fuzz::fail("Taxonomy::find", "sector '" + s.id + "' not found by id");
    for (const auto& alias : s.aliases) {
      const Sector* by_alias = t.find(alias);
      if (by_alias == nullptr) fuzz::fail("Taxonomy::find", "alias '" + alias + "' not found");
    }
  }
  return 0;
}
