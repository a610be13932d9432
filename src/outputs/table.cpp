// The renderers of a Table (see table.hpp).
#include "outputs/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>
#include <utility>

#include "common/text.hpp"

namespace xsector::detail {

namespace {

/// Cell `k` of `row`; a row shorter than the table's columns has missing cells at its end.
const Cell& cell_at(const std::vector<Cell>& row, std::size_t k) {
  static const Cell missing;
  return k < row.size() ? row[k] : missing;
}

/// The text of a cell in a terminal or Markdown table, before escaping.
std::string table_text(const Column& column, const Cell& cell) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "-";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, long long>) {
          return fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, double>) {
          return column.decimals == shortest ? number_text(v) : fixed_text(v, column.decimals);
        } else {
          return v ? std::string("yes") : column.no;
        }
      },
      cell);
}

/// The text of a cell in a CSV file.
std::string csv_text(const Cell& cell) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return {};
        } else if constexpr (std::is_same_v<T, std::string>) {
          return csv_cell(v);
        } else if constexpr (std::is_same_v<T, long long>) {
          return fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, double>) {
          return number_text(v);
        } else {
          return v ? "true" : "false";
        }
      },
      cell);
}

/// The indices of the columns the terminal and Markdown tables show.
std::vector<std::size_t> shown_columns(const Table& table) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < table.columns.size(); ++k) {
    if (!table.columns[k].csv_only) out.push_back(k);
  }
  return out;
}

std::string markdown_table(const Table& table, const std::vector<std::size_t>& shown) {
  std::string out = "|";
  for (const auto k : shown) {
    const Column& c = table.columns[k];
    out += fmt::format(" {} |", c.header);
  }
  out += "\n|";
  for (const auto k : shown) out += table.columns[k].alignment() == Align::left ? "---|" : "---:|";
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const auto k : shown)
      out += fmt::format(" {} |", markdown_text(table_text(table.columns[k], cell_at(row, k))));
    out += "\n";
  }
  return out;
}

}  // namespace

Column Column::left() const {
  Column c = *this;
  c.align = Align::left;
  return c;
}

Column Column::right() const {
  Column c = *this;
  c.align = Align::right;
  return c;
}

Column Column::file_only() const {
  Column c = *this;
  c.csv_only = true;
  return c;
}

Align Column::alignment() const {
  if (align) return *align;
  return kind == ColumnKind::text ? Align::left : Align::right;
}

namespace {

Column column_of(std::string header, ColumnKind kind, int decimals = 3) {
  Column c;
  c.header = std::move(header);
  c.kind = kind;
  c.decimals = decimals;
  return c;
}

}  // namespace

Column text_column(std::string header) { return column_of(std::move(header), ColumnKind::text); }

Column integer_column(std::string header) { return column_of(std::move(header), ColumnKind::integer); }

Column number_column(std::string header, int decimals) {
  return column_of(std::move(header), ColumnKind::number, decimals);
}

Column flag_column(std::string header, std::string no) {
  Column c = column_of(std::move(header), ColumnKind::flag);
  c.no = std::move(no);
  return c;
}

Cell number_cell(const std::optional<double>& v) { return v ? Cell(*v) : Cell(); }

Cell integer_cell(const std::optional<std::size_t>& v) { return v ? integer_cell(*v) : Cell(); }

Cell text_or_missing(const std::string& s) { return s.empty() ? Cell() : Cell(s); }

std::string render_table_text(const Table& table, bool markdown) {
  const std::vector<std::size_t> shown = shown_columns(table);
  if (markdown) return markdown_table(table, shown);
  std::vector<std::vector<std::string>> lines;
  if (table.text_header) {
    auto& header = lines.emplace_back();
    for (const auto k : shown) {
      const Column& c = table.columns[k];
      header.push_back(terminal_safe(c.header));
    }
  }
  for (const auto& row : table.rows) {
    auto& line = lines.emplace_back();
    for (const auto k : shown) line.push_back(terminal_safe(table_text(table.columns[k], cell_at(row, k))));
  }
  std::vector<std::size_t> width(shown.size(), 0);
  for (const auto& line : lines) {
    for (std::size_t k = 0; k < line.size(); ++k) width[k] = std::max(width[k], display_width(line[k]));
  }
  std::string out;
  for (const auto& cells : lines) {
    std::string line = " ";
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::string pad(width[k] - display_width(cells[k]), ' ');
      const bool left = table.columns[shown[k]].alignment() == Align::left;
      line += " ";
      line += left ? cells[k] + pad : pad + cells[k];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string render_table_csv(const Table& table) {
  std::string out;
  for (std::size_t k = 0; k < table.columns.size(); ++k) {
    if (k > 0) out += ',';
    out += csv_cell(table.columns[k].header);
  }
  out += '\n';
  for (const auto& row : table.rows) {
    for (std::size_t k = 0; k < table.columns.size(); ++k) {
      if (k > 0) out += ',';
      out += csv_text(cell_at(row, k));
    }
    out += '\n';
  }
  return out;
}

}  // namespace xsector::detail
