#include "exchange/sheets.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "exchange/xlsx_reader.hpp"

namespace xsector {

namespace detail {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string> split(const std::string& s, char by) {
  std::vector<std::string> out;
  if (trim(s).empty()) return out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, by)) {
    if (!trim(part).empty()) out.push_back(trim(part));
  }
  return out;
}

namespace {

/// The separator of a CSV text: `;` when the first row holds more semicolons than commas
/// outside quotes (Excel in many European locales), a tab when it holds only tabs, else `,`.
char csv_separator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  bool started = false;
  for (const char ch : text) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') {
      if (started) break;
      continue;
    }
    if (ch != ' ') started = true;
    if (ch == ',') ++commas;
    if (ch == ';') ++semicolons;
    if (ch == '\t') ++tabs;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

/// RFC 4180 with the given separator: quoted fields may hold separators, quotes ("") and
/// line breaks. Returns an error message for an unterminated quote.
std::vector<SheetRow> parse_csv(std::string_view text, char separator, std::string& error, int& error_line) {
  std::vector<SheetRow> rows;
  SheetRow row;
  std::string cell;
  int line = 1;
  row.line = 1;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == '"' && cell.empty()) {
      quoted = true;
      any = true;
    } else if (ch == separator) {
      row.cells.push_back(cell);
      cell.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.cells.push_back(cell);
        rows.push_back(row);
      }
      row = SheetRow{};
      cell.clear();
      any = false;
      row.line = ++line;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted) {
    error = fmt::format("a quoted field opened on line {} is never closed", row.line);
    error_line = row.line;
  }
  if (any || !cell.empty()) {
    row.cells.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

bool blank_row(const SheetRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
}

std::string header_key(const std::string& header) {
  std::string out;
  for (const unsigned char ch : trim(header)) {
    const char c = (ch == '_' || ch == '-' || ch == '.' || ch == '\t') ? ' ' : static_cast<char>(std::tolower(ch));
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '*')) out.pop_back();
  return out;
}

namespace {

/// The fields a sheet's columns can fill, with the headers recognised for each.
const std::vector<std::pair<std::string, std::vector<std::string>>>& column_names(SheetKind kind) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> members = {
      {"id", {"id", "member id", "org id", "organization id", "organisation id"}},
      {"label",
       {"label", "name", "organization", "organisation", "organization name", "organisation name", "partner",
        "partner name", "partner organization", "member", "member name", "agency", "org", "org name"}},
      {"sector", {"sector", "sector id"}},
      {"type",
       {"type", "organization type", "organisation type", "org type", "partner type", "category", "sector name"}},
      {"description", {"description"}},
      {"tags", {"tags", "tag", "keywords"}},
      {"community led", {"community led"}},
      {"lived experience", {"lived experience"}},
      {"funding", {"funding", "funds", "budget", "contribution", "resources"}},
      {"contacts", {"contacts", "contact ids"}},
      {"contact roles", {"contact roles"}}};
  static const std::vector<std::pair<std::string, std::vector<std::string>>> ties = {
      {"from",
       {"from", "source", "partner a", "organization a", "organisation a", "member a", "from partner",
        "from organization"}},
      {"to",
       {"to", "target", "partner b", "organization b", "organisation b", "member b", "to partner", "to organization"}},
      {"type", {"type", "relationship", "relationship type", "level name"}},
      {"direction", {"direction"}},
      {"strength", {"strength", "level", "tie level", "relationship level"}},
      {"tags", {"tags", "kinds", "kind"}},
      {"id", {"id", "connection id"}},
      {"carried by", {"carried by", "carried_by", "carriers"}}};
  static const std::vector<std::pair<std::string, std::vector<std::string>>> none;
  return kind == SheetKind::members ? members : kind == SheetKind::ties ? ties : none;
}

}  // namespace

std::string recognised_column(const std::string& header, SheetKind kind) {
  const std::string key = header_key(header);
  for (const auto& [field, names] : column_names(kind)) {
    if (std::find(names.begin(), names.end(), key) != names.end()) return field;
  }
  return {};
}

bool is_field(const std::string& field, SheetKind kind) {
  const auto& names = column_names(kind);
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.first == field; });
}

Sheet::Sheet(const SheetTable& table, SheetKind kind, const ImportOptions& options, std::vector<Diagnostic>& fatal)
    : file_(table.where) {
  std::size_t first = 0;
  while (first < table.rows.size() && blank_row(table.rows[first])) ++first;
  if (first == table.rows.size()) {
    fatal.push_back({file_, {1, 1}, "the sheet is empty: it needs a header row"});
    return;
  }
  const SheetRow& header = table.rows[first];
  std::map<std::string, std::string> mapped;  // header key -> field
  if (kind != SheetKind::survey) {
    for (const auto& [from, to] : options.columns) mapped[header_key(from)] = header_key(to);
  }
  std::map<std::string, std::pair<std::string, std::size_t>> written;  // field -> the header and column
  auto twice = [&](const std::pair<std::string, std::size_t>& first, const std::string& title, std::size_t k,
                   const std::string& field) {
    fatal.push_back(
        {file_,
         {header.line, 1},
         header_key(first.first) == header_key(title)
             ? fmt::format("column '{}' appears twice (columns {} and {}): which one holds the data is unclear; "
                           "rename or remove one",
                           title, first.second + 1, k + 1)
             : fmt::format("columns '{}' and '{}' (columns {} and {}) both give the {}: which one holds the "
                           "data is unclear; rename one, or map it with --map \"{}=attribute\"",
                           first.first, title, first.second + 1, k + 1, field, title)});
  };
  for (std::size_t k = 0; k < header.cells.size(); ++k) {
    // A header is a text cell like any other: a `'` the export put before a formula
    // character (csv_cell) is removed, as from the values.
    const std::string title = trim(csv_text_value(header.cells[k]));
    if (title.empty()) continue;
    std::string field;
    const auto it = mapped.find(header_key(title));
    const bool fits = it != mapped.end() && (it->second == "attribute" || is_field(it->second, kind));
    if (kind == SheetKind::survey) {
      field = lower(title);
    } else if (fits) {
      field = it->second == "attribute" ? std::string() : it->second;
    } else {
      field = recognised_column(title, kind);
    }
    if (field.empty()) {
      std::string name = title;
      if (lower(name).starts_with(kAttributePrefix) && !trim(name.substr(kAttributePrefix.size())).empty())
        name = trim(name.substr(kAttributePrefix.size()));
      if (const auto [at, fresh] = written.emplace("attribute " + header_key(name), std::make_pair(title, k)); !fresh) {
        twice(at->second, title, k, "attribute " + name);
        continue;
      }
      extra_.emplace_back(name, k);
      continue;
    }
    if (const auto [at, fresh] = written.emplace(field, std::make_pair(title, k)); !fresh) {
      twice(at->second, title, k, field);
      continue;
    }
    columns_[field] = k;
  }
  for (std::size_t r = first + 1; r < table.rows.size(); ++r) {
    if (!blank_row(table.rows[r])) rows_.push_back(table.rows[r]);
  }
}

std::string attribute_value(const std::vector<std::pair<std::string, std::string>>& attributes,
                            const std::string& name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return {};
}

std::vector<std::string> attribute_cells(const std::vector<std::pair<std::string, std::string>>& attributes,
                                         const std::vector<std::string>& names) {
  std::unordered_map<std::string_view, std::string_view> value_of;
  value_of.reserve(attributes.size());
  for (const auto& [key, value] : attributes) value_of.emplace(key, value);
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& name : names) {
    const auto it = value_of.find(name);
    out.emplace_back(it == value_of.end() ? std::string_view() : it->second);
  }
  return out;
}

std::string attribute_header(const std::string& name, SheetKind kind) {
  const bool field = !recognised_column(name, kind).empty() || lower(name).starts_with(kAttributePrefix);
  return field ? std::string(kAttributePrefix) + name : name;
}

bool Sheet::used(std::size_t k) const {
  return std::any_of(rows_.begin(), rows_.end(), [&](const SheetRow& r) { return !cell(r, k).empty(); });
}

std::vector<std::string> Sheet::unknown(const std::set<std::string>& known) const {
  std::vector<std::string> out;
  for (const auto& [name, k] : columns_) {
    if (!known.contains(name) && used(k)) out.push_back(name);
  }
  return out;
}

std::string slug_of(const std::string& label) {
  std::string out;
  for (const unsigned char ch : lower(label)) {
    if (std::isalnum(ch))
      out += static_cast<char>(ch);
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::optional<bool> flag(const std::string& s) {
  const std::string v = lower(s);
  if (v.empty() || v == "false" || v == "no" || v == "0") return false;
  if (v == "true" || v == "yes" || v == "1") return true;
  return std::nullopt;
}

std::optional<double> number(const std::string& s) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

std::optional<double> amount(const std::string& s) {
  if (const auto v = number(s)) return v;
  std::string t = s;
  for (const std::string_view sign : {"$", "\xE2\x82\xAC", "\xC2\xA3"}) {
    if (t.starts_with(sign)) {
      t = trim(t.substr(sign.size()));
      break;
    }
  }
  const auto point = t.find('.');
  const std::string whole = t.substr(0, point);
  std::string digits;
  for (std::size_t k = 0; k < whole.size(); ++k) {
    const bool comma_here = (whole.size() - k) % 4 == 0;  // positions of grouping commas from the right
    if (whole.find(',') != std::string::npos && comma_here) {
      if (whole[k] != ',' || k == 0) return std::nullopt;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(whole[k]))) return std::nullopt;
    digits += whole[k];
  }
  if (digits.empty()) return std::nullopt;
  return number(point == std::string::npos ? digits : digits + t.substr(point));
}

std::optional<int> level_of(const std::string& s) {
  static const std::vector<std::string> names = {"networking", "coordinating", "cooperating", "collaborating"};
  const std::string v = lower(s);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (v == names[i] || v == std::to_string(i + 1)) return static_cast<int>(i + 1);
  }
  return std::nullopt;
}

std::string find_sector(const Taxonomy& t, const std::string& value) {
  if (const Sector* s = t.find(value)) return s->id;
  if (const Sector* s = t.find(slug_of(value))) return s->id;
  for (const auto& s : t.sectors) {
    if (lower(s.name) == lower(value)) return s.id;
  }
  return {};
}
bool is_xlsx(const std::string& file) { return lower(std::filesystem::path(file).extension().string()) == ".xlsx"; }

std::string pick_sheet(const detail::XlsxWorkbook& book, const std::string& wanted,
                       const std::vector<std::string>& defaults, bool fallback) {
  if (!wanted.empty()) {
    std::string found = book.find_sheet(wanted);
    if (found.empty()) {
      throw InputError({Diagnostic{
          book.file(),
          {1, 1},
          fmt::format("the workbook has no sheet '{}' (its sheets: {})", wanted, sheet_list(book.sheet_names()))}});
    }
    return found;
  }
  for (const auto& name : book.sheet_names()) {
    if (std::find(defaults.begin(), defaults.end(), header_key(name)) != defaults.end()) return name;
  }
  return fallback ? book.sheet_names().front() : std::string();
}
}  // namespace detail

SheetTable read_csv_sheet(std::string_view text, const std::string& file) {
  if (detail::utf16_like(text)) {
    throw InputError({Diagnostic{file,
                                 {1, 1},
                                 "the file is UTF-16 text (as Excel's \"Unicode Text\" saves it), which xsector does "
                                 "not read: save it as \"CSV UTF-8\" (or as .xlsx)"}});
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // the byte-order mark Excel writes
  std::string error;
  int error_line = 1;
  SheetTable table{file, detail::parse_csv(text, detail::csv_separator(text), error, error_line)};
  if (!error.empty()) throw InputError({Diagnostic{file, {error_line, 1}, error}});
  return table;
}

}  // namespace xsector
