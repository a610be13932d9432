// One sheet of a workbook: its part's XML events into rows of text cells, and the text of a
// cell's value. Internal: XlsxWorkbook::rows reads with it.
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "common/text.hpp"
#include "exchange/xlsx_reader.hpp"
#include "exchange/xml_reader.hpp"

namespace xsector::detail {

namespace {

/// Column letters of a cell reference (`BC12`) as a 0-based index, or nullopt.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0;
  std::size_t letters = 0;
  while (letters < ref.size() && std::isalpha(static_cast<unsigned char>(ref[letters]))) {
    col = col * 26 + static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(ref[letters])) - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  return col - 1;
}

constexpr std::size_t kMaxColumns = 16384;  // XFD, Excel's last column
constexpr long kMaxRows = 1048576;          // Excel's last row

/// Reads the rows of one sheet part from its XML events.
class SheetReader {
 public:
  SheetReader(XmlStream& xml, SheetContext context) : xml_(xml), book_(std::move(context)) {
    xml.on_start = [this](std::string_view name, const XmlAttributes& a) { start(name, a); };
    xml.on_text = [this](std::string_view t) {
      if (in_value_ || (in_t_ && !in_phonetic_)) value_ += t;
    };
    xml.on_end = [this](std::string_view name) { end(name); };
  }
  std::vector<SheetRow> rows;

 private:
  void start(std::string_view name, const XmlAttributes& a) {
    if (name == "row") {
      start_row(a);
    } else if (name == "c") {
      start_cell(a);
    } else if (in_cell_ && name == "v") {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    } else if (in_inline_ && name == "t") {
      in_t_ = true;
    } else if (in_inline_ && name == "rPh") {
      in_phonetic_ = true;
    }
  }
  void end(std::string_view name) {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      end_cell();
    }
  }
  void start_row(const XmlAttributes& a) {
    long r = row_number_ + 1;
    if (const char* given = a.find("r")) {
      const std::string_view n = given;
      const auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), r);
      if (ec != std::errc{} || ptr != n.data() + n.size()) r = 0;
    }
    if (r < 1 || r > kMaxRows) return xml_.fail(fmt::format("row number must be 1 to {}", kMaxRows));
    row_number_ = r;
    rows.push_back(SheetRow{static_cast<int>(r), {}});
  }
  void start_cell(const XmlAttributes& a) {
    if (rows.empty()) return xml_.fail("a cell outside a row: the sheet is malformed");
    std::size_t c = rows.back().cells.size();
    if (const char* ref = a.find("r")) {
      const auto parsed = column_of(ref);
      if (!parsed) return xml_.fail(fmt::format("cell reference '{}' is not a column and row", ref));
      c = *parsed;
    }
    if (c >= kMaxColumns) return xml_.fail(fmt::format("a cell beyond the last column (XFD, {})", kMaxColumns));
    column_ = c;
    const char* t = a.find("t");
    type_ = t == nullptr ? "n" : t;
    style_ = 0;
    if (const char* given = a.find("s")) {
      const std::string_view s = given;
      std::from_chars(s.data(), s.data() + s.size(), style_);
    }
    value_.clear();
    in_cell_ = true;
  }
  void end_cell() {
    std::string text;
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [ptr, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc{} || ptr != value_.data() + value_.size() || index >= book_.shared.size()) {
        return xml_.fail(
            fmt::format("shared string '{}' does not exist (the workbook has {})", value_, book_.shared.size()));
      }
      text = book_.shared[index];
    } else {
      const bool date = style_ < book_.date_styles.size() && book_.date_styles[style_];
      text = cell_text(type_, value_, date, book_.date1904);
    }
    if (text.empty()) return;
    book_.count(text.size());
    auto& row = rows.back().cells;
    if (column_ >= row.size()) {
      cells_ += column_ + 1 - row.size();
      if (cells_ > book_.max_cells)
        return xml_.fail(fmt::format("the sheet has more than {} cells: too large to import", book_.max_cells));
      row.resize(column_ + 1);
    }
    row[column_] = std::move(text);
  }

  XmlStream& xml_;
  SheetContext book_;
  std::size_t cells_ = 0;
  long row_number_ = 0;
  std::size_t column_ = 0;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, in_t_ = false, in_phonetic_ = false;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
};

}  // namespace

std::string cell_text(std::string_view type, const std::string& value, bool date_style, bool date1904) {
  if (type == "b") return value == "1" ? "true" : value == "0" ? "false" : value;
  if (type == "d") return value.substr(0, 10);
  if (type == "n" && !value.empty()) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc{} || ptr != value.data() + value.size() || !std::isfinite(v)) return value;
    const std::string day = date_style ? excel_date(v, date1904) : std::string();
    return day.empty() ? number_text(v) : day;
  }
  return value;  // str (a formula's text), inlineStr, e (#N/A), anything else
}

std::vector<SheetRow> read_sheet(std::string_view xml_text, const std::string& where, SheetContext context) {
  XmlStream xml(where, XmlStream::Mode::namespaces);
  SheetReader reader(xml, std::move(context));
  xml.parse(xml_text);
  std::erase_if(reader.rows, [](const SheetRow& r) { return r.cells.empty(); });
  return std::move(reader.rows);
}

std::string sheet_list(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t k = 0; k < names.size() && k < kShown; ++k) out += (k == 0 ? "" : ", ") + names[k];
  if (names.size() > kShown) out += fmt::format(" and {} more", names.size() - kShown);
  return out;
}

}  // namespace xsector::detail
