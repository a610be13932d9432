// Reading Excel workbooks (.xlsx: Office Open XML spreadsheets) into rows of text cells.
// Internal: `xsector import` and other importers (partner surveys) call it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/exchange.hpp"

namespace xsector::detail {

/// Bounds on what a workbook may make xsector read, so a zip bomb or a huge sheet is
/// refused with an error instead of exhausting memory.
struct XlsxLimits {
  std::uint64_t max_part_bytes = 64ULL << 20U;    ///< one XML part, uncompressed
  std::uint64_t max_total_bytes = 256ULL << 20U;  ///< every part read, uncompressed
  std::size_t max_cells = 4'000'000;              ///< cells of one sheet, counting gaps in a row
};

/// A workbook opened from its bytes. Text cells (shared and inline strings), numbers
/// (shortest text that reads back as the same double), booleans (`true`/`false`), error
/// values (`#N/A`) and dates (a number whose cell format is a date, in the workbook's 1900
/// or 1904 date system, as YYYY-MM-DD) are all given as text. Formulas give their cached
/// value. Every problem (not a zip file, a part missing, malformed XML, a DOCTYPE, a part
/// larger than the limits, a shared string index out of range) is an InputError naming the
/// file, and for XML the part, line and column; never a crash.
class XlsxWorkbook {
 public:
  /// Opens the zip and reads the workbook, its relationships, shared strings and styles.
  /// Throws InputError. Time: O(size of those parts).
  XlsxWorkbook(std::string_view bytes, std::string file, XlsxLimits limits = {});
  XlsxWorkbook(XlsxWorkbook&&) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
  ~XlsxWorkbook();

  /// The worksheets' names, in workbook order.
  [[nodiscard]] std::vector<std::string> sheet_names() const;
  /// The sheet whose name equals `name` ignoring case, or empty.
  [[nodiscard]] std::string find_sheet(std::string_view name) const;
  /// The rows of a sheet that hold a cell, in file order: `line` is the row number (1-based)
  /// and `cells[k]` the text of column k (A = 0; empty where no cell is). Throws InputError
  /// when no sheet has that name or the sheet is bad. Time: O(size of the sheet's part).
  [[nodiscard]] std::vector<SheetRow> rows(std::string_view sheet) const;
  [[nodiscard]] const std::string& file() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// What reading a sheet needs of its workbook.
struct SheetContext {
  const std::vector<std::string>& shared;  ///< the shared strings
  const std::vector<bool>& date_styles;    ///< for each cell style: it shows a date
  bool date1904;
  std::size_t max_cells;
  std::function<void(std::size_t)> count;  ///< counts a cell's text against the workbook's total (may throw)
};

/// The rows of one sheet part (`where` is `book.xlsx:xl/worksheets/sheet1.xml` for messages),
/// as XlsxWorkbook::rows gives them. Throws InputError. Time: O(size of the part).
std::vector<SheetRow> read_sheet(std::string_view xml, const std::string& where, SheetContext context);

/// The text of a cell that is not a shared string, by its type (`t`): a boolean as
/// true/false, an ISO date cut to its day, a number as the shortest text that reads back as
/// it (or as YYYY-MM-DD when `date_style`), anything else as written.
std::string cell_text(std::string_view type, const std::string& value, bool date_style, bool date1904);

/// The first five names, then "and N more": a list that stays short for any workbook.
std::string sheet_list(const std::vector<std::string>& names);

/// A date serial number of Excel as YYYY-MM-DD: the 1900 system counts 1 as 1900-01-01 and
/// keeps Excel's day 60 (1900-02-29); the 1904 system counts 0 as 1904-01-01. Empty for a
/// serial before the first day or after 9999-12-31 (serial 2958465 in the 1900 system,
/// 2957003 in the 1904 system).
std::string excel_date(double serial, bool date1904);

/// A cell format code shows a date when, outside quoted text, escapes and [brackets], it
/// has a day or a year.
bool date_format(std::string_view code);

/// Excel's built-in number formats (by id) that show a date.
bool builtin_date_format(int id);

}  // namespace xsector::detail
