// Fuzz target: bytes -> the .xlsx reader -> import_sheets. The input is a workbook (a zip).
// Anything that is not a good workbook must be refused with xsector's own InputError (never
// another exception, a crash, a hang or unbounded memory: the limits are lowered here so a
// small input cannot ask for much); every sheet of a workbook that opens is read, and the
// first sheet imported as members (the second, if any, as ties) either loads or is refused
// with xsector's errors.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../src/exchange/xlsx_reader.hpp"
#include "fuzz_checks.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

using namespace xsector;
using xsector::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  detail::XlsxLimits limits;
  limits.max_part_bytes = 8U << 20U;
  limits.max_total_bytes = 32U << 20U;
  limits.max_cells = 200000;
  std::optional<detail::XlsxWorkbook> book;
  try {
    book.emplace(bytes, "fuzz.xlsx", limits);
  } catch (const InputError&) {
    return 0;
  }
  std::vector<SheetTable> sheets;
  for (const auto& name : book->sheet_names()) {
    try {
      sheets.push_back(SheetTable{"fuzz.xlsx:" + name, book->rows(name)});
    } catch (const InputError&) {
      continue;
    }
    for (const auto& row : sheets.back().rows) {
      if (row.line < 1 || row.line > 1048576 || row.cells.size() > 16384)
        fuzz::fail("xlsx rows", "a row outside the sheet's bounds");
    }
  }
  if (sheets.empty()) return 0;
  ImportOptions options;
  options.name = "fuzz";
  options.skip_bad_rows = true;
  Imported imported;
  try {
    imported = import_sheets(sheets[0], sheets.size() > 1 ? &sheets[1] : nullptr, options);
  } catch (const xsector::Error&) {
    return 0;
  }
  must("load the imported file", [&] { return parse_coalition(imported_yaml(imported), "fuzz.yaml"); });
  return 0;
}
