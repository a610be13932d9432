// Spreadsheets as the importers read them: CSV text into rows, the header row and the
// fields its columns fill, and the values cells hold (flags, amounts, levels, sectors).
// Internal: the sheet, Kumu and survey imports share it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "xsector/coalition.hpp"
#include "xsector/exchange.hpp"

namespace xsector::detail {

class XlsxWorkbook;

std::string lower(std::string s);
std::string trim(const std::string& s);
/// The parts of `s` between `by`, trimmed; empty parts left out.
std::vector<std::string> split(const std::string& s, char by);

/// Every cell empty or spaces.
bool blank_row(const SheetRow& row);

/// A header as compared: lower case, `_` `-` `.` and runs of spaces as one space, a trailing
/// `:` or `*` dropped.
std::string header_key(const std::string& header);

/// What a sheet holds: members or ties (columns fill fields, by header or --map), or a
/// survey's responses (each column under its heading in lower case: the survey import maps
/// headings to response fields itself).
enum class SheetKind { members, ties, survey };

/// The field a header fills in a sheet of this kind, or empty.
std::string recognised_column(const std::string& header, SheetKind kind);

bool is_field(const std::string& field, SheetKind kind);

/// The prefix that marks a column of attributes whose name the import would otherwise read
/// as a field (an attribute called `Name`).
constexpr std::string_view kAttributePrefix = "attribute: ";

/// The names of the attributes of `items` (members or ties), in order of first appearance:
/// the attribute columns of a sheet written for them. O(items × attributes), hashed.
template <class Item>
std::vector<std::string> attribute_names(const std::vector<Item>& items) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  for (const Item& item : items) {
    for (const auto& [key, value] : item.attributes) {
      if (seen.insert(key).second) out.push_back(key);
    }
  }
  return out;
}

/// The value of attribute `name`, or empty when it is not given. O(attributes).
std::string attribute_value(const std::vector<std::pair<std::string, std::string>>& attributes,
                            const std::string& name);

/// The values of `attributes` under each of `names` (empty where one is not given): one
/// row's attribute cells. O(attributes + names), hashed.
std::vector<std::string> attribute_cells(const std::vector<std::pair<std::string, std::string>>& attributes,
                                         const std::vector<std::string>& names);

/// Sets attributes by name, in order: a name set again keeps its first place and takes the
/// last value. Hashed: O(1) a set, where searching the list would make a row of 100,000
/// attribute columns quadratic.
class AttributeWriter {
 public:
  explicit AttributeWriter(std::vector<std::pair<std::string, std::string>>& out) : out_(out) {
    for (std::size_t k = 0; k < out.size(); ++k) index_.emplace(out[k].first, k);
  }
  void put(const std::string& name, const std::string& value) {
    if (const auto [at, fresh] = index_.emplace(name, out_.size()); fresh)
      out_.emplace_back(name, value);
    else
      out_[at->second].second = value;
  }

 private:
  std::vector<std::pair<std::string, std::string>>& out_;
  std::unordered_map<std::string, std::size_t> index_;
};

/// The header of a column holding attribute `name` in a sheet of this kind: the name, with
/// kAttributePrefix in front when the import would read it as a field (or the name itself
/// starts with the prefix), so the import reads the column back as that attribute.
std::string attribute_header(const std::string& name, SheetKind kind);

/// Cells of a sheet by field (label, sector, from, ...): each column is a field (by its
/// header, a common name for it, or --map), or an attribute of the member or tie. Blank rows
/// are skipped; the first other row is the header.
class Sheet {
 public:
  Sheet(const SheetTable& table, SheetKind kind, const ImportOptions& options, std::vector<Diagnostic>& fatal);
  [[nodiscard]] const std::vector<SheetRow>& rows() const { return rows_; }
  [[nodiscard]] bool has(const std::string& field) const { return columns_.contains(field); }
  [[nodiscard]] std::string get(const SheetRow& row, const std::string& field) const {
    const auto it = columns_.find(field);
    if (it == columns_.end() || it->second >= row.cells.size()) return {};
    return trim(detail::csv_text_value(row.cells[it->second]));
  }
  /// Columns that fill no field, by header, with their column index.
  [[nodiscard]] const std::vector<std::pair<std::string, std::size_t>>& extra() const { return extra_; }
  [[nodiscard]] std::string cell(const SheetRow& row, std::size_t k) const {
    return k < row.cells.size() ? trim(detail::csv_text_value(row.cells[k])) : std::string();
  }
  /// Fields (for a survey: headings) not in `known` whose column holds a value in some row.
  [[nodiscard]] std::vector<std::string> unknown(const std::set<std::string>& known) const;
  /// Where rows are: the file, or `book.xlsx:Sheet` for a workbook.
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  [[nodiscard]] bool used(std::size_t k) const;

  std::string file_;
  std::vector<SheetRow> rows_;
  std::map<std::string, std::size_t> columns_;
  std::vector<std::pair<std::string, std::size_t>> extra_;
};

/// A label made into an id: lower case, other characters as `-`.
std::string slug_of(const std::string& label);
/// true/yes/1, false/no/0 or empty (false); nullopt otherwise.
std::optional<bool> flag(const std::string& s);
/// A finite number of at least 0, the whole text.
std::optional<double> number(const std::string& s);
/// A spreadsheet's amount: a number, or one written as money (`$1,500.50`, `€ 2,000`): one
/// leading $, € or £ and spaces dropped, and commas that group digits in threes.
std::optional<double> amount(const std::string& s);
/// A tie level 1-4 from its number or its name.
std::optional<int> level_of(const std::string& s);
/// The sector id a sheet's value names (id, alias or name, any case), or empty.
std::string find_sector(const Taxonomy& t, const std::string& value);

/// The file name ends in .xlsx (any case).
bool is_xlsx(const std::string& file);

/// The sheet `wanted` names, else the first whose name is one of `defaults` (header_key),
/// else `fallback` (true: the first sheet; false: none).
std::string pick_sheet(const XlsxWorkbook& book, const std::string& wanted, const std::vector<std::string>& defaults,
                       bool fallback);

}  // namespace xsector::detail
