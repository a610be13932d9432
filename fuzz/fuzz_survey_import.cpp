// Fuzz target: bytes -> import_survey. The input is a survey export (CSV: the long layout or
// any form tool's wide layout, recognised from its headers) about four fixed members. The
// first byte picks the options: bit 0 skip_bad_rows, bit 1 a --map of "Org=by". Bad answers
// must be refused (or skipped) with xsector's own errors; what imports must be the coalition
// its coalition file loads as, with every response about two different members and each
// rating 1-4.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

using namespace xsector;
using xsector::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::string members =
      "ID,Label,Sector\nhub,The Hub,health-care\nschool,Lincoln School,education\n"
      "county,County Commission,government\npantry,St. Mary's Food Pantry,community-based\n";
  ImportOptions options;
  options.name = "fuzz";
  options.skip_bad_rows = (data[0] & 1U) != 0;
  const std::vector<std::string> map =
      (data[0] & 2U) != 0 ? std::vector<std::string>{"Org=by"} : std::vector<std::string>{};
  const std::string_view export_text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Imported imported;
  try {
    imported = import_survey(export_text, "responses.csv", members, "members.csv", options, map);
  } catch (const xsector::Error&) {
    return 0;
  }
  const Coalition& c = imported.coalition;
  const Coalition written =
      must("load the imported file", [&] { return parse_coalition(imported_yaml(imported), "fuzz.yaml"); });
  fuzz::check_equal("survey import -> its coalition file", c, written);
  if (!c.survey) fuzz::fail("import_survey", "the file has no survey");
  for (const Response& r : c.survey->responses) {
    if (r.by == r.about) fuzz::fail("import_survey", "a member rates itself");
    for (const auto& items : {r.trust, r.value}) {
      for (const auto& v : items) {
        if (v && (*v < 1 || *v > 4)) fuzz::fail("import_survey", "a rating outside 1-4");
      }
    }
  }
  return 0;
}
