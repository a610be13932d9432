// A roster's header row, found below title rows, and the columns a roster has beyond the
// Kumu fields.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "exchange/roster.hpp"

namespace xsector::detail {

namespace {

/// The roster fields and the headers recognised for each (compared by header_key).
const std::vector<std::pair<std::string, std::vector<std::string>>>& roster_names() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> names = {
      {"partners",
       {"partners", "partners with", "partner organizations", "partner organisations", "works with",
        "collaborates with", "connections"}},
      {"level", {"level", "tie level", "relationship level", "level of collaboration"}},
      {"contact person", {"contact person", "contact name", "primary contact", "main contact"}},
      {"role", {"role", "contact role", "title", "job title", "position"}},
      {"email", {"email", "e mail", "email address", "e mail address", "contact email"}},
      {"phone", {"phone", "phone number", "telephone", "tel", "contact phone", "mobile"}}};
  return names;
}

/// Whether a header row holds a header of this sheet's kind that names its rows: a member's
/// id or name, or a tie's From.
bool names_rows(const SheetRow& row, SheetKind kind, const ImportOptions& options) {
  return std::any_of(row.cells.begin(), row.cells.end(), [&](const std::string& cell) {
    std::string field = recognised_column(trim(csv_text_value(cell)), kind);
    for (const auto& [from, to] : options.columns) {
      if (header_key(from) == header_key(cell)) field = header_key(to);
    }
    return kind == SheetKind::members ? (field == "id" || field == "label") : field == "from";
  });
}

std::string rows_text(int first, int last) {
  return first == last ? fmt::format("row {}", first) : fmt::format("rows {}-{}", first, last);
}

}  // namespace

SheetTable from_header_row(const SheetTable& table, SheetKind kind, const ImportOptions& options, int header_row,
                           std::string& note) {
  std::size_t at = table.rows.size();
  if (header_row > 0) {
    const auto it = std::find_if(table.rows.begin(), table.rows.end(),
                                 [&](const SheetRow& r) { return r.line >= header_row && !blank_row(r); });
    if (it == table.rows.end() || it->line != header_row) {
      throw InputError({Diagnostic{
          table.where,
          {header_row, 1},
          fmt::format("--header-row {}: row {} of the sheet is empty or missing", header_row, header_row)}});
    }
    at = static_cast<std::size_t>(it - table.rows.begin());
  } else {
    for (std::size_t r = 0; r < table.rows.size() && r < 20; ++r) {
      if (names_rows(table.rows[r], kind, options)) {
        at = r;
        break;
      }
    }
    if (at == table.rows.size()) return table;
  }
  std::vector<int> skipped;
  for (std::size_t r = 0; r < at; ++r) {
    if (!blank_row(table.rows[r])) skipped.push_back(table.rows[r].line);
  }
  if (!skipped.empty()) {
    note = fmt::format("{}: header on row {}; {} skipped", table.where, table.rows[at].line,
                       rows_text(1, table.rows[at].line - 1));
  }
  SheetTable out{table.where, {}};
  out.rows.assign(table.rows.begin() + static_cast<std::ptrdiff_t>(at), table.rows.end());
  return out;
}

bool RosterColumns::taken(std::size_t k) const {
  return std::any_of(column.begin(), column.end(), [&](const auto& c) { return c.second == k; });
}

std::string RosterColumns::get(const Sheet& sheet, const SheetRow& row, const std::string& field) const {
  const auto it = column.find(field);
  return it == column.end() ? std::string() : sheet.cell(row, it->second);
}

bool is_roster_field(const std::string& field) {
  const auto& names = roster_names();
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.first == header_key(field); });
}

ImportOptions without_roster_maps(const ImportOptions& options) {
  ImportOptions out = options;
  std::erase_if(out.columns, [](const auto& m) { return is_roster_field(m.second); });
  return out;
}

RosterColumns roster_columns(const Sheet& members, const ImportOptions& options) {
  RosterColumns out;
  for (const auto& [header, k] : members.extra()) {
    const std::string key = header_key(header);
    std::string field;
    for (const auto& [from, to] : options.columns) {
      if (header_key(from) == key && is_roster_field(to)) field = header_key(to);
    }
    for (const auto& [name, headers] : roster_names()) {
      if (field.empty() && std::find(headers.begin(), headers.end(), key) != headers.end()) field = name;
    }
    if (field.empty() || out.column.contains(field)) continue;
    out.column[field] = k;
    if (field == "partners") out.partners_header = header;
  }
  // A Level without a partner list, or a Role without a person, email or phone, is about
  // the member, not a tie or a contact: kept as an attribute.
  if (!out.column.contains("partners")) out.column.erase("level");
  if (!out.column.contains("contact person") && !out.column.contains("email") && !out.column.contains("phone"))
    out.column.erase("role");
  return out;
}

std::optional<bool> roster_flag(const std::string& s) {
  const std::string v = lower(trim(s));
  if (v == "x" || v == "y") return true;
  if (v == "n") return false;
  return flag(v);
}

bool calendar_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = std::stoi(s.substr(0, 4));
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace xsector::detail
