// Fuzz target: bytes -> import_kumu. The input is the elements sheet, a NUL byte, then the
// connections sheet (no NUL: an empty connections sheet). The first byte picks the options:
// bit 0 skip_bad_rows, bits 1-2 the taxonomy. Bad rows must be refused (or skipped) with
// xsector's own errors; what imports must load, and its Kumu export must import again to
// the same members and ties.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

using namespace xsector;
using xsector::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<const char*, 4> taxonomies = {"cross-sector", "rhihub", "dfc", "dash"};
  ImportOptions options;
  options.name = "fuzz";
  options.skip_bad_rows = (data[0] & 1U) != 0;
  options.taxonomy = taxonomies[(data[0] >> 1U) & 3U];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t cut = rest.find('\0');
  const std::string_view elements = rest.substr(0, cut);
  const std::string_view connections = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  Imported imported;
  try {
    imported = import_kumu(elements, "elements.csv", connections, "connections.csv", options);
  } catch (const xsector::Error&) {
    return 0;
  }
  const Coalition c =
      must("load the imported file", [&] { return parse_coalition(imported_yaml(imported), "fuzz.yaml"); });
  const KumuSheets sheets = must("export_kumu", [&] { return export_kumu(c); });
  options.skip_bad_rows = false;
  const Imported second = must("import_kumu of an export", [&] {
    return import_kumu(sheets.elements, "elements.csv", sheets.connections, "connections.csv", options);
  });
  const Coalition d =
      must("load the re-imported file", [&] { return parse_coalition(imported_yaml(second), "fuzz.yaml"); });
  fuzz::check_equal("Kumu export -> import", c, d, false);
  return 0;
}
