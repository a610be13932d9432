// Fuzz target: bytes -> import_graphml. Bad XML or data must be refused with xsector's own
// errors; what imports must be the coalition its coalition file loads as, and exporting
// that coalition and importing it again must give the same coalition.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

using namespace xsector;
using xsector::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string xml(reinterpret_cast<const char*>(data), size);
  if (fuzz::names_special_file(xml)) return -1;
  ImportOptions options;
  options.name = "fuzz";
  Imported imported;
  try {
    imported = import_graphml(xml, "fuzz.graphml", options);
  } catch (const xsector::Error&) {
    return 0;
  }
  const Coalition& c = imported.coalition;
  const Coalition written =
      must("load the imported file", [&] { return parse_coalition(imported_yaml(imported), "fuzz.yaml"); });
  fuzz::check_equal("GraphML import -> its coalition file", c, written);
  const std::string again = must("export_graphml", [&] { return export_graphml(c); });
  fuzz::check_xml("export_graphml", again);
  const Imported second =
      must("import_graphml of an export", [&] { return import_graphml(again, "fuzz.graphml", options); });
  fuzz::check_equal("GraphML export -> import", c, second.coalition);
  return 0;
}
