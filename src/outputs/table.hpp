// A table of typed cells and one renderer per format: aligned terminal columns, a Markdown
// table and CSV (JSON documents keep the output contract's own shapes). The views fill cells from the Analysis; only
// the renderers turn numbers, flags and missing values into text.
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace xsector::detail {

/// One cell: missing (std::monostate), text, a whole number, a number or a flag.
using Cell = std::variant<std::monostate, std::string, long long, double, bool>;

/// What a column holds. It sets the column's default alignment (text left, the others
/// right); each cell still prints by its own type, so a text column may hold a number.
enum class ColumnKind { text, integer, number, flag };

enum class Align { left, right };

/// Column::decimals for numbers printed in tables as their shortest round-trip text.
inline constexpr int shortest = -1;

/// A column: its key, what it holds and how the terminal and Markdown tables show it.
struct Column {
  std::string header;                  ///< the CSV and table header
  ColumnKind kind = ColumnKind::text;  ///< see ColumnKind
  int decimals = 3;                    ///< decimals of number cells in tables; `shortest`: as in CSV
  std::optional<Align> align;          ///< overrides the kind's alignment
  std::string no;                      ///< table text of a false flag (a true one shows "yes")
  bool csv_only = false;               ///< left out of the terminal and Markdown tables

  /// This column aligned to the left.
  [[nodiscard]] Column left() const;
  /// This column aligned to the right.
  [[nodiscard]] Column right() const;
  /// This column written only to CSV.
  [[nodiscard]] Column file_only() const;
  /// The alignment of the column in tables: `align`, else left for text and right for the
  /// rest (the same in the terminal and in Markdown).
  [[nodiscard]] Align alignment() const;
};

/// A text column (left-aligned).
Column text_column(std::string header);
/// A whole-number column (right-aligned).
Column integer_column(std::string header);
/// A number column printed with `decimals` decimals (or `shortest`) in tables (right-aligned).
Column number_column(std::string header, int decimals = 3);
/// A yes/no column: "yes" or `no` in tables, true/false in CSV (right-aligned).
Column flag_column(std::string header, std::string no = "");

/// Columns and rows of typed cells. Missing cells print "-" in tables and an empty CSV cell.
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  ///< one cell per column; cells missing at a row's end print as missing
  bool text_header = true;              ///< the terminal table shows the header row (Markdown always does)

  /// Appends an empty row and returns it to fill.
  std::vector<Cell>& row() { return rows.emplace_back(); }
};

/// A whole number as a cell.
Cell integer_cell(std::integral auto n) { return static_cast<long long>(n); }
/// `v` as a number cell, or a missing one.
Cell number_cell(const std::optional<double>& v);
/// `v` as a whole-number cell, or a missing one.
Cell integer_cell(const std::optional<std::size_t>& v);
/// `s` as a text cell, or a missing one when empty.
Cell text_or_missing(const std::string& s);

/// The table for the terminal (header row unless `text_header` is false, then the rows, in
/// columns padded to their widest cell by display width, text made safe by terminal_safe)
/// or, with `markdown`, a Markdown table (header as it is, cells escaped by markdown_text,
/// right-aligned columns marked `---:`). CSV-only columns are left out. O(cells).
std::string render_table_text(const Table& table, bool markdown);
/// The table as CSV (RFC 4180): a header line, then one line per row; text through
/// csv_cell, numbers as their shortest round-trip text, flags as true/false, missing cells
/// empty. O(cells).
std::string render_table_csv(const Table& table);

}  // namespace xsector::detail
