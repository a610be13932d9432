#include "xsector/exchange.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text.hpp"
#include "exchange/xlsx_reader.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"
#include "xsector/survey.hpp"

namespace xsector {

namespace {

using nlohmann::ordered_json;

// ---- The coalition file as a document -------------------------------------------------

ordered_json sector_document(const Sector& s) {
  ordered_json d = {{"id", s.id}, {"name", s.name}, {"priority", to_string(s.priority)}};
  if (!s.examples.empty()) d["examples"] = s.examples;
  if (!s.aliases.empty()) d["aliases"] = s.aliases;
  if (!s.source.empty()) d["source"] = s.source;
  if (!s.maps_to.empty()) d["maps_to"] = s.maps_to;
  return d;
}

ordered_json governance_document(const Coalition& c) {
  ordered_json bodies = ordered_json::array();
  for (const Body& b : c.governance) {
    ordered_json d = {{"body", b.id}};
    if (!b.decides.empty()) d["decides"] = b.decides;
    if (b.rule.kind == Rule::Kind::quota)
      d["rule"] = {{"quota", b.rule.explicit_quota}};
    else
      d["rule"] = b.rule.name();
    ordered_json seats = ordered_json::object();
    for (const Seat& s : b.seats) seats[c.members[s.member].id] = s.votes;
    d["seats"] = seats;
    if (!b.veto.empty()) {
      ordered_json veto = ordered_json::array();
      for (const auto v : b.veto) veto.push_back(c.members[v].id);
      d["veto"] = veto;
    }
    if (b.chair) d["chair"] = c.members[*b.chair].id;
    bodies.push_back(std::move(d));
  }
  return bodies;
}

ordered_json tie_document(const Coalition& c, const Tie& t) {
  ordered_json d;
  if (t.directed) {
    d["from"] = c.members[t.a].id;
    d["to"] = c.members[t.b].id;
  } else {
    d["between"] = {c.members[t.a].id, c.members[t.b].id};
  }
  d["level"] = to_string(t.level);
  if (!t.kinds.empty()) d["kinds"] = t.kinds;
  if (!t.carried_by.empty()) d["carried_by"] = t.carried_by;
  return d;
}

/// The `survey` section as a coalition file writes it.
ordered_json survey_document(const Coalition& c) {
  const Survey& s = *c.survey;
  ordered_json d = ordered_json::object();
  if (!s.name.empty()) d["name"] = s.name;
  if (!s.fielded.empty()) d["fielded"] = s.fielded;
  ordered_json respondents = ordered_json::array();
  for (const auto r : s.respondents) respondents.push_back(c.members[r].id);
  d["respondents"] = respondents;
  d["tie_rule"] = to_string(s.tie_rule);
  ordered_json responses = ordered_json::array();
  for (const Response& r : s.responses) {
    ordered_json x = {{"by", c.members[r.by].id}, {"about", c.members[r.about].id}};
    if (r.level) x["level"] = to_string(*r.level);
    if (r.frequency) x["frequency"] = to_string(*r.frequency);
    if (!r.kinds.empty()) x["kinds"] = r.kinds;
    for (const auto& [key, items, names] :
         {std::tuple{"trust", &r.trust, &trust_item_names}, std::tuple{"value", &r.value, &value_item_names}}) {
      ordered_json m = ordered_json::object();
      for (std::size_t i = 0; i < 3; ++i) {
        if ((*items)[i]) m[std::string((*names)[i])] = *(*items)[i];
      }
      if (!m.empty()) x[key] = m;
    }
    if (!r.contact.empty()) x["contact"] = r.contact;
    responses.push_back(std::move(x));
  }
  if (!responses.empty()) d["responses"] = responses;
  return d;
}

/// A member's contacts as coalition-file entries (empty fields left out).
ordered_json contacts_document(const Member& m) {
  ordered_json list = ordered_json::array();
  for (const Contact& p : m.contacts) {
    ordered_json d = {{"id", p.id}};
    if (!p.name.empty()) d["name"] = p.name;
    if (!p.role.empty()) d["role"] = p.role;
    if (!p.since.empty()) d["since"] = p.since;
    list.push_back(std::move(d));
  }
  return list;
}

ordered_json coalition_document(const Coalition& c) {
  ordered_json header = {{"name", c.name}};
  if (!c.place.empty()) header["place"] = c.place;
  if (!c.as_of.empty()) header["as_of"] = c.as_of;
  if (c.backbone) header["backbone"] = c.members[*c.backbone].id;
  header["taxonomy"] = c.taxonomy_ref.empty() ? c.taxonomy.id : c.taxonomy_ref;
  if (!c.waivers.empty()) {
    ordered_json waive = ordered_json::object();
    for (const Waiver& w : c.waivers) waive[w.sector] = w.reason;
    header["waive"] = waive;
  }
  ordered_json doc = {{"coalition", header}};
  if (!c.extra_sectors.empty()) {
    doc["sectors"] = ordered_json::array();
    for (const auto& s : c.extra_sectors) doc["sectors"].push_back(sector_document(s));
  }
  doc["members"] = ordered_json::array();
  for (const Member& m : c.members) {
    ordered_json d = {{"id", m.id}, {"name", m.name}, {"sector", m.sector}};
    if (m.community_led) d["community_led"] = true;
    if (m.lived_experience) d["lived_experience"] = true;
    if (m.funding) d["funding"] = detail::without_negative_zero(*m.funding);
    if (!m.tags.empty()) d["tags"] = m.tags;
    if (!m.attributes.empty()) {
      ordered_json a = ordered_json::object();
      for (const auto& [key, value] : m.attributes) a[key] = value;
      d["attributes"] = a;
    }
    if (!m.contacts.empty()) d["contacts"] = contacts_document(m);
    doc["members"].push_back(std::move(d));
  }
  // Ties made from survey responses are not written: loading the survey makes them again.
  if (std::any_of(c.ties.begin(), c.ties.end(), [](const Tie& t) { return !t.from_survey; })) {
    doc["ties"] = ordered_json::array();
    for (const Tie& t : c.ties) {
      if (!t.from_survey) doc["ties"].push_back(tie_document(c, t));
    }
  }
  if (!c.governance.empty()) doc["governance"] = governance_document(c);
  if (c.survey) doc["survey"] = survey_document(c);
  return doc;
}

bool plain_safe(const std::string& s) {
  static const std::set<std::string> special = {"null", "Null", "NULL",  "~",   "true", "false", "yes",
                                                "no",   "True", "False", "Yes", "No",   "on",    "off"};
  return detail::is_slug(s) && !special.contains(s);
}

void emit(YAML::Emitter& out, const ordered_json& value, bool flow_lists) {
  switch (value.type()) {
    case ordered_json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        if (plain_safe(key))
          out << key;
        else
          out << YAML::DoubleQuoted << key;
        out << YAML::Value;
        emit(out, item, flow_lists);
      }
      out << YAML::EndMap;
      break;
    case ordered_json::value_t::array: {
      const bool scalars = std::all_of(value.begin(), value.end(), [](const auto& v) { return !v.is_structured(); });
      if (flow_lists && scalars) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item, flow_lists);
      out << YAML::EndSeq;
      break;
    }
    case ordered_json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      if (plain_safe(s))
        out << s;
      else
        out << YAML::DoubleQuoted << s;
      break;
    }
    case ordered_json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned: out << value.dump(); break;
    case ordered_json::value_t::number_float: out << detail::number_text(value.get<double>()); break;
    default: out << YAML::Null;
  }
}

std::string yaml_text(const ordered_json& doc, const std::string& comment) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  for (const auto& [key, item] : doc.items()) {
    out << YAML::Key << key << YAML::Value;
    emit(out, item, true);
  }
  out << YAML::EndMap;
  return comment + out.c_str() + "\n";
}

// ---- Text helpers ----------------------------------------------------------------------

/// Compact JSON; bytes that are not UTF-8 become U+FFFD instead of an exception.
std::string json_text(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string xml_escaped(std::string_view s) { return detail::html_escaped(s); }
using detail::csv_cell;

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

bool blank_row(const SheetRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
}

/// A header as compared: lower case, `_` `-` `.` and runs of spaces as one space, a trailing
/// `:` or `*` dropped.
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

enum class SheetKind { members, ties };

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
  return kind == SheetKind::members ? members : ties;
}

/// The field a header fills in a sheet of this kind, or empty.
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

/// The prefix that marks a column of member attributes whose name the import would
/// otherwise read as a field (an attribute called `Name`).
constexpr std::string_view kAttributePrefix = "attribute: ";

/// Cells of a sheet by field (label, sector, from, ...): each column is a field (by its
/// header, a common name for it, or --map), or, in a members sheet, an attribute.
class Sheet {
 public:
  Sheet(const SheetTable& table, SheetKind kind, const ImportOptions& options, std::vector<Diagnostic>& fatal)
      : file_(table.where) {
    std::size_t first = 0;
    while (first < table.rows.size() && blank_row(table.rows[first])) ++first;
    if (first == table.rows.size()) {
      fatal.push_back({file_, {1, 1}, "the sheet is empty: it needs a header row"});
      return;
    }
    const SheetRow& header = table.rows[first];
    std::map<std::string, std::string> mapped;  // header key -> field
    for (const auto& [from, to] : options.columns) mapped[header_key(from)] = header_key(to);
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
      const std::string title = trim(header.cells[k]);
      if (title.empty()) continue;
      std::string field;
      const auto it = mapped.find(header_key(title));
      const bool fits = it != mapped.end() && (it->second == "attribute" || is_field(it->second, kind));
      if (fits) {
        field = it->second == "attribute" ? std::string() : it->second;
      } else {
        field = recognised_column(title, kind);
      }
      if (field.empty()) {
        std::string name = title;
        if (lower(name).starts_with(kAttributePrefix) && !trim(name.substr(kAttributePrefix.size())).empty())
          name = trim(name.substr(kAttributePrefix.size()));
        if (const auto [at, fresh] = written.emplace("attribute " + header_key(name), std::make_pair(title, k));
            !fresh) {
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
  /// Extra columns with a value in some row.
  [[nodiscard]] std::vector<std::string> used_extra() const {
    std::vector<std::string> out;
    for (const auto& [name, k] : extra_) {
      const bool used =
          std::any_of(rows_.begin(), rows_.end(), [&, k = k](const SheetRow& r) { return !cell(r, k).empty(); });
      if (used) out.push_back(name);
    }
    return out;
  }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<SheetRow> rows_;
  std::map<std::string, std::size_t> columns_;
  std::vector<std::pair<std::string, std::size_t>> extra_;
};

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

/// A spreadsheet's amount: a number, or one written as money (`$1,500.50`, `€ 2,000`): one
/// leading $, € or £ and spaces dropped, and commas that group digits in threes.
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

/// Collects the rows an import cannot use; fails or skips as the options say.
class RowProblems {
 public:
  explicit RowProblems(const ImportOptions& o) : options_(o) {}
  void add(const std::string& file, int line, std::string message) {
    problems_.push_back({file, {line, 1}, std::move(message)});
  }
  void add_fatal(Diagnostic d) { fatal_.push_back(std::move(d)); }
  std::vector<Diagnostic>& fatal() { return fatal_; }
  /// Throws when the import cannot go on; returns the rows to report as skipped.
  std::vector<Diagnostic> settle() {
    if (!fatal_.empty() || (!problems_.empty() && !options_.skip_bad_rows)) {
      std::vector<Diagnostic> all = fatal_;
      all.insert(all.end(), problems_.begin(), problems_.end());
      throw InputError(std::move(all));
    }
    return problems_;
  }

 private:
  const ImportOptions& options_;
  std::vector<Diagnostic> problems_;
  std::vector<Diagnostic> fatal_;
};

/// The sector id a sheet's value names (id, alias or name, any case), or empty.
std::string find_sector(const Taxonomy& t, const std::string& value) {
  if (const Sector* s = t.find(value)) return s->id;
  if (const Sector* s = t.find(slug_of(value))) return s->id;
  for (const auto& s : t.sectors) {
    if (lower(s.name) == lower(value)) return s.id;
  }
  return {};
}

// ---- Imported files: every line of the YAML knows where it came from --------------------

/// Where an imported part came from, for messages about it.
struct Origin {
  std::string file;
  SourcePos pos;
  std::string what;  ///< e.g. "member 'hub'"; empty for the file as a whole
};

/// Origins of a document's parts. `items[key][i]` is the i-th entry of a top-level list,
/// `keys["coalition.name"]` or `keys["sectors"]` a header field or a whole top-level key.
struct Origins {
  Origin fallback;
  std::map<std::string, std::vector<Origin>> items;
  std::map<std::string, Origin> keys;
};

/// YAML text and the first line of each fragment with its origin (ascending lines).
struct MappedYaml {
  std::string text;
  std::vector<std::pair<int, Origin>> starts;
  [[nodiscard]] const Origin& at(int line, const Origin& fallback) const {
    const Origin* found = &fallback;
    for (const auto& [first, origin] : starts) {
      if (first > line) break;
      found = &origin;
    }
    return *found;
  }
};

/// One YAML fragment (a one-item list or a one-key map) indented by `indent` spaces.
std::string fragment(const ordered_json* item, const std::string* key, const ordered_json* value, int indent) {
  YAML::Emitter e;
  e.SetIndent(2);
  if (item != nullptr) {
    e << YAML::BeginSeq;
    emit(e, *item, true);
    e << YAML::EndSeq;
  } else {
    e << YAML::BeginMap << YAML::Key << *key << YAML::Value;
    emit(e, *value, true);
    e << YAML::EndMap;
  }
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  std::istringstream in{std::string(e.c_str())};
  for (std::string line; std::getline(in, line);) out += pad + line + "\n";
  return out;
}

MappedYaml mapped_yaml(const ordered_json& doc, const std::string& comment, const Origins& origins) {
  MappedYaml y;
  y.text = comment;
  int line = 1 + static_cast<int>(std::count(comment.begin(), comment.end(), '\n'));
  auto add = [&](const std::string& text, const Origin& origin) {
    y.starts.emplace_back(line, origin);
    y.text += text;
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  };
  auto origin_of_key = [&](const std::string& key) -> const Origin& {
    const auto it = origins.keys.find(key);
    return it == origins.keys.end() ? origins.fallback : it->second;
  };
  for (const auto& [key, value] : doc.items()) {
    const auto items = origins.items.find(key);
    if (key == "coalition" && value.is_object()) {
      add("coalition:\n", origins.fallback);
      for (const auto& [field, v] : value.items())
        add(fragment(nullptr, &field, &v, 2), origin_of_key("coalition." + field));
    } else if (items != origins.items.end() && value.is_array() && !value.empty() &&
               items->second.size() == value.size()) {
      add(key + ":\n", origin_of_key(key));
      for (std::size_t i = 0; i < value.size(); ++i) add(fragment(&value[i], nullptr, nullptr, 2), items->second[i]);
    } else {
      add(fragment(nullptr, &key, &value, 0), origin_of_key(key));
    }
  }
  return y;
}

/// Loads the document exactly as the written file will load (from `options.output`, so a
/// relative taxonomy path resolves the same) and refuses it with messages pointing into the
/// user's files; an import never writes a file that does not validate.
Imported finish(const ordered_json& doc, const Origins& origins, std::vector<Diagnostic> skipped,
                std::vector<std::string> notes, const std::string& source, const ImportOptions& options) {
  const MappedYaml y = mapped_yaml(doc, fmt::format("# Imported by xsector from {}.\n", source), origins);
  const std::string as = options.output.empty() ? std::string("<imported>") : options.output;
  try {
    parse_coalition(y.text, as);
  } catch (const InputError& e) {
    std::vector<Diagnostic> mapped;
    for (const auto& d : e.diagnostics()) {
      if (d.file != as) {
        mapped.push_back(d);
        continue;
      }
      const Origin& o = y.at(d.pos.line, origins.fallback);
      Diagnostic out{o.file, o.pos, o.what.empty() ? d.message : fmt::format("{}: {}", o.what, d.message)};
      const bool repeated =
          std::any_of(mapped.begin(), mapped.end(), [&](const Diagnostic& m) { return m.str() == out.str(); });
      if (!repeated) mapped.push_back(std::move(out));
    }
    throw InputError(std::move(mapped));
  }
  Imported out;
  out.yaml = y.text;
  out.skipped = std::move(skipped);
  out.notes = std::move(notes);
  return out;
}

/// The taxonomy an import resolves sectors against now, and the reference written into the
/// file: a built-in id as it is, a path given on the command line rewritten relative to the
/// output file's folder (where the loader will look for it).
struct ImportTaxonomy {
  Taxonomy taxonomy;
  std::string ref;
};

bool builtin_taxonomy(const std::string& id) {
  const auto ids = builtin_taxonomy_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

ImportTaxonomy import_taxonomy(const std::string& given, const std::string& output) {
  ImportTaxonomy t{resolve_taxonomy(given), given};
  if (builtin_taxonomy(given) || output.empty()) return t;
  std::error_code ec;
  const auto file = std::filesystem::absolute(given, ec).lexically_normal();
  const auto folder = std::filesystem::absolute(std::filesystem::path(output), ec).parent_path().lexically_normal();
  const auto relative = file.lexically_relative(folder);
  t.ref = relative.empty() ? file.generic_string() : relative.generic_string();
  return t;
}

// ---- XML, read without recursion, every element and attribute with its position ---------

struct XmlAttribute {
  std::string name;
  std::string value;
  SourcePos pos;
};

struct XmlElement {
  std::string name;  ///< the local name: a namespace prefix is dropped
  SourcePos pos;
  std::vector<XmlAttribute> attributes;
  std::string text;  ///< its own character data, not its children's
  std::vector<std::size_t> children;
  std::size_t depth = 0;
  [[nodiscard]] const XmlAttribute* attribute(std::string_view n) const {
    for (const auto& a : attributes) {
      if (a.name == n) return &a;
    }
    return nullptr;
  }
  [[nodiscard]] std::string get(std::string_view n) const {
    const auto* a = attribute(n);
    return a ? a->value : std::string();
  }
};

/// A small XML 1.0 reader for GraphML: elements, attributes, character data, CDATA,
/// comments, processing instructions and the five predefined entities and character
/// references. A DOCTYPE with an internal subset (entity declarations) is refused, so no
/// entity can expand. Elements live in one flat vector (element 0 is the root); nesting
/// deeper than kMaxDepth is refused at the element's position. Throws InputError at the
/// first error, with its line and column (columns count characters).
class XmlReader {
 public:
  static constexpr std::size_t kMaxDepth = 64;

  XmlReader(std::string_view text, std::string file) : s_(text), file_(std::move(file)) {}

  std::vector<XmlElement> read() {
    check_utf8();
    if (s_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    std::vector<std::size_t> open;
    while (i_ < s_.size()) {
      if (s_[i_] != '<') {
        std::string text = character_data();
        if (open.empty()) {
          if (text.find_first_not_of(" \t\r\n") != std::string::npos) fail(mark_, "text outside the root element");
        } else {
          elements_[open.back()].text += text;
        }
        continue;
      }
      const SourcePos at = here();
      if (starts("<?")) {
        skip_past("?>", at, "a processing instruction");
      } else if (starts("<!--")) {
        skip_past("-->", at, "a comment");
      } else if (starts("<![CDATA[")) {
        if (open.empty()) fail(at, "CDATA outside the root element");
        advance(9);
        const auto end = s_.find("]]>", i_);
        if (end == std::string_view::npos) fail(at, "a CDATA section is never closed");
        elements_[open.back()].text += normalized_newlines(take(end - i_));
        advance(3);
      } else if (starts("<!DOCTYPE")) {
        const auto end = s_.find('>', i_);
        const auto bracket = s_.find('[', i_);
        if (bracket != std::string_view::npos && (end == std::string_view::npos || bracket < end)) {
          fail(at, "a DOCTYPE with declarations is not supported (its entities could expand without bound)");
        }
        if (end == std::string_view::npos) fail(at, "a DOCTYPE is never closed");
        advance(end + 1 - i_);
      } else if (starts("<!")) {
        fail(at, "unexpected '<!'");
      } else if (starts("</")) {
        advance(2);
        const std::string name = qname();
        skip_space();
        expect('>');
        if (open.empty()) fail(at, fmt::format("</{}> closes nothing", name));
        const XmlElement& top = elements_[open.back()];
        if (name != qnames_[open.back()]) {
          fail(at, fmt::format("</{}> closes <{}> opened at {}:{}", name, qnames_[open.back()], top.pos.line,
                               top.pos.column));
        }
        open.pop_back();
      } else {
        advance(1);
        if (open.empty() && !elements_.empty()) fail(at, "a second root element");
        if (open.size() >= kMaxDepth) fail(at, fmt::format("elements are nested deeper than {}", kMaxDepth));
        XmlElement e;
        e.pos = at;
        e.depth = open.size();
        const std::string name = qname();
        e.name = local(name);
        bool empty = false;
        while (true) {
          const bool spaced = skip_space();
          if (i_ >= s_.size()) fail(at, fmt::format("<{}> is never closed", name));
          if (starts("/>")) {
            advance(2);
            empty = true;
            break;
          }
          if (s_[i_] == '>') {
            advance(1);
            break;
          }
          if (!spaced) fail(here(), "expected a space, '>' or '/>'");
          XmlAttribute a;
          a.pos = here();
          a.name = qname();
          skip_space();
          expect('=');
          skip_space();
          a.value = attribute_value();
          if (e.attribute(a.name) != nullptr) fail(a.pos, fmt::format("attribute '{}' is given twice", a.name));
          e.attributes.push_back(std::move(a));
        }
        const std::size_t index = elements_.size();
        if (!open.empty()) elements_[open.back()].children.push_back(index);
        elements_.push_back(std::move(e));
        qnames_.push_back(name);
        if (!empty) open.push_back(index);
      }
    }
    if (!open.empty()) {
      const XmlElement& e = elements_[open.back()];
      fail(here(), fmt::format("<{}> opened at {}:{} is never closed", qnames_[open.back()], e.pos.line, e.pos.column));
    }
    if (elements_.empty()) fail(here(), "no root element: the file is not XML");
    return std::move(elements_);
  }

 private:
  [[noreturn]] void fail(SourcePos pos, std::string message) const {
    throw InputError({Diagnostic{file_, pos, "not valid XML: " + std::move(message)}});
  }
  [[nodiscard]] SourcePos here() const { return {line_, column_}; }
  [[nodiscard]] bool starts(std::string_view p) const { return s_.substr(i_).starts_with(p); }
  void advance(std::size_t n) {
    for (std::size_t k = 0; k < n && i_ < s_.size(); ++k, ++i_) {
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == '\n') {
        ++line_;
        column_ = 1;
      } else if ((ch & 0xC0) != 0x80) {
        ++column_;
      }
    }
  }
  std::string take(std::size_t n) {
    std::string out(s_.substr(i_, n));
    advance(n);
    return out;
  }
  void skip_past(std::string_view end, SourcePos at, std::string_view what) {
    const auto found = s_.find(end, i_ + 2);
    if (found == std::string_view::npos) fail(at, fmt::format("{} is never closed", what));
    advance(found + end.size() - i_);
  }
  bool skip_space() {
    const std::size_t from = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) advance(1);
    return i_ > from;
  }
  void expect(char ch) {
    if (i_ >= s_.size() || s_[i_] != ch) fail(here(), fmt::format("expected '{}'", ch));
    advance(1);
  }
  static bool name_char(unsigned char ch) {
    return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch >= 0x80;
  }
  std::string qname() {
    const std::size_t from = i_;
    while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) advance(1);
    if (i_ == from) fail(here(), "expected a name");
    return std::string(s_.substr(from, i_ - from));
  }
  static std::string local(const std::string& name) {
    const auto colon = name.rfind(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
  }
  static std::string normalized_newlines(const std::string& text) {
    std::string out;
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\r') {
        out += '\n';
        if (k + 1 < text.size() && text[k + 1] == '\n') ++k;
      } else {
        out += text[k];
      }
    }
    return out;
  }
  /// A character that XML 1.0 does not allow: C0 controls other than tab, LF and CR.
  void check_char(unsigned char ch) {
    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
      fail(here(), fmt::format("control character U+{:04X} is not allowed", ch));
    }
  }
  void reference(std::string& out) {
    const SourcePos at = here();
    const auto end = s_.find(';', i_);
    if (end == std::string_view::npos || end - i_ > 12) fail(at, "'&' starts no entity: write &amp;");
    const std::string_view name = s_.substr(i_ + 1, end - i_ - 1);
    static const std::map<std::string_view, char> predefined = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    if (const auto it = predefined.find(name); it != predefined.end()) {
      out += it->second;
    } else if (name.starts_with('#')) {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || !allowed) {
        fail(at, fmt::format("&{}; is not a character XML allows", name));
      }
      utf8(cp, out);
    } else {
      fail(at, fmt::format("unknown entity &{};", name));
    }
    advance(end + 1 - i_);
  }
  static void utf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  std::string character_data() {
    mark_ = here();
    std::string out;
    while (i_ < s_.size() && s_[i_] != '<') {
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == '&') {
        reference(out);
        continue;
      }
      check_char(ch);
      if (ch == '\r') {
        out += '\n';
        advance(1);
        if (i_ < s_.size() && s_[i_] == '\n') advance(1);
        continue;
      }
      out += static_cast<char>(ch);
      advance(1);
    }
    return out;
  }
  std::string attribute_value() {
    if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) fail(here(), "expected a quoted value");
    const char quote = s_[i_];
    const SourcePos at = here();
    advance(1);
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail(at, "a quoted value is never closed");
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == static_cast<unsigned char>(quote)) break;
      if (ch == '<') fail(here(), "'<' inside an attribute value");
      if (ch == '&') {
        reference(out);
        continue;
      }
      check_char(ch);
      out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : static_cast<char>(ch);
      advance(1);
    }
    advance(1);
    return out;
  }
  /// The whole text must be UTF-8; the first bad byte is reported where it is.
  void check_utf8() {
    std::size_t k = 0;
    while (k < s_.size()) {
      const auto ch = static_cast<unsigned char>(s_[k]);
      std::size_t n = 0;
      std::uint32_t min = 0;
      if (ch < 0x80)
        n = 1;
      else if ((ch & 0xE0) == 0xC0)
        n = 2, min = 0x80;
      else if ((ch & 0xF0) == 0xE0)
        n = 3, min = 0x800;
      else if ((ch & 0xF8) == 0xF0)
        n = 4, min = 0x10000;
      bool ok = n > 0 && k + n <= s_.size();
      std::uint32_t cp = n == 1 ? ch : (ch & (0x7F >> n));
      for (std::size_t j = 1; ok && j < n; ++j) {
        const auto c = static_cast<unsigned char>(s_[k + j]);
        ok = (c & 0xC0) == 0x80;
        cp = (cp << 6) | (c & 0x3F);
      }
      if (ok && n > 1) ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
      if (!ok) {
        advance(k - i_);
        fail(here(), "the file is not UTF-8 (save it as UTF-8)");
      }
      k += n;
    }
  }

  std::string_view s_;
  std::string file_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  SourcePos mark_;
  std::vector<XmlElement> elements_;
  std::vector<std::string> qnames_;
};

/// Brackets nested deeper than this in a JSON attribute are refused before parsing.
constexpr int kMaxJsonDepth = 32;

bool json_shallow(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char ch = text[k];
    if (in_string) {
      if (ch == '\\')
        ++k;
      else if (ch == '"')
        in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
  if (name == "graphml") return ExportFormat::graphml;
  if (name == "json") return ExportFormat::json;
  if (name == "csv") return ExportFormat::csv;
  if (name == "dl") return ExportFormat::dl;
  if (name == "dot") return ExportFormat::dot;
  if (name == "xlsx") return ExportFormat::xlsx;
  if (name == "vna") return ExportFormat::vna;
  throw UsageError(fmt::format("unknown export format '{}': use graphml, json, csv, dl, vna, dot or xlsx", name));
}

std::string coalition_yaml(const Coalition& c) { return yaml_text(coalition_document(c), ""); }

std::string export_graphml(const Coalition& c) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)";
  const std::vector<std::tuple<std::string, std::string, std::string>> keys = {{"graph", "name", "string"},
                                                                               {"graph", "place", "string"},
                                                                               {"graph", "as_of", "string"},
                                                                               {"graph", "backbone", "string"},
                                                                               {"graph", "taxonomy", "string"},
                                                                               {"graph", "waive", "string"},
                                                                               {"graph", "sectors", "string"},
                                                                               {"graph", "governance", "string"},
                                                                               {"graph", "survey", "string"},
                                                                               {"node", "name", "string"},
                                                                               {"node", "sector", "string"},
                                                                               {"node", "sector_name", "string"},
                                                                               {"node", "community_led", "boolean"},
                                                                               {"node", "lived_experience", "boolean"},
                                                                               {"node", "funding", "double"},
                                                                               {"node", "tags", "string"},
                                                                               {"node", "attributes", "string"},
                                                                               {"node", "contacts", "string"},
                                                                               {"edge", "level", "int"},
                                                                               {"edge", "level_name", "string"},
                                                                               {"edge", "kinds", "string"},
                                                                               {"edge", "directed", "boolean"},
                                                                               {"edge", "from_survey", "boolean"},
                                                                               {"edge", "carried_by", "string"}};
  for (const auto& [domain, name, type] : keys) {
    out += fmt::format(R"(  <key id="{}_{}" for="{}" attr.name="{}" attr.type="{}"/>)", domain[0], name, domain, name,
                       type);
    out += "\n";
  }
  auto data = [](char domain, const std::string& key, const std::string& value) {
    return fmt::format(R"(<data key="{}_{}">{}</data>)", domain, key, xml_escaped(value));
  };
  // With a directed tie the graph is directed (NetworkX and igraph then read a DiGraph) and
  // each directed tie says so on its edge; an undirected tie is one edge whose `directed`
  // data is false. Without one the graph is undirected.
  const bool any_directed = std::any_of(c.ties.begin(), c.ties.end(), [](const Tie& t) { return t.directed; });
  out += fmt::format("  <graph id=\"coalition\" edgedefault=\"{}\">\n    ", any_directed ? "directed" : "undirected");
  const ordered_json doc = coalition_document(c);
  out += data('g', "name", c.name);
  if (!c.place.empty()) out += data('g', "place", c.place);
  if (!c.as_of.empty()) out += data('g', "as_of", c.as_of);
  if (c.backbone) out += data('g', "backbone", c.members[*c.backbone].id);
  out += data('g', "taxonomy", doc["coalition"]["taxonomy"].get<std::string>());
  // Waived sectors as a JSON list of {"sector", "reason"}, written only when there are any.
  if (!c.waivers.empty()) {
    ordered_json waive = ordered_json::array();
    for (const Waiver& w : c.waivers) waive.push_back({{"sector", w.sector}, {"reason", w.reason}});
    out += data('g', "waive", json_text(waive));
  }
  out += data('g', "sectors", doc.contains("sectors") ? json_text(doc["sectors"]) : "[]");
  out += data('g', "governance", doc.contains("governance") ? json_text(doc["governance"]) : "[]");
  // The survey section as a one-item JSON list (empty without a survey).
  if (doc.contains("survey")) out += data('g', "survey", json_text(ordered_json::array({doc["survey"]})));
  out += "\n";
  for (const Member& m : c.members) {
    out += fmt::format(R"(    <node id="{}">)", xml_escaped(m.id));
    out += data('n', "name", m.name) + data('n', "sector", m.sector);
    if (const Sector* s = c.find_sector(m.sector)) out += data('n', "sector_name", s->name);
    out += data('n', "community_led", m.community_led ? "true" : "false");
    out += data('n', "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) out += data('n', "funding", detail::number_text(*m.funding));
    out += data('n', "tags", json_text(ordered_json(m.tags)));
    if (!m.attributes.empty()) {
      ordered_json a = ordered_json::object();
      for (const auto& [key, value] : m.attributes) a[key] = value;
      out += data('n', "attributes", json_text(a));
    }
    if (!m.contacts.empty()) out += data('n', "contacts", json_text(contacts_document(m)));
    out += "</node>\n";
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    out += fmt::format(R"(    <edge id="t{}" source="{}" target="{}"{}>)", t, xml_escaped(c.members[tie.a].id),
                       xml_escaped(c.members[tie.b].id), tie.directed ? R"( directed="true")" : "");
    out += data('e', "level", fmt::format("{}", static_cast<int>(tie.level)));
    out += data('e', "level_name", std::string(to_string(tie.level)));
    out += data('e', "kinds", json_text(ordered_json(tie.kinds)));
    out += data('e', "directed", tie.directed ? "true" : "false");
    if (tie.from_survey) out += data('e', "from_survey", "true");
    if (!tie.carried_by.empty()) out += data('e', "carried_by", json_text(ordered_json(tie.carried_by)));
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string export_node_link(const Coalition& c) {
  const ordered_json doc = coalition_document(c);
  std::set<std::pair<std::size_t, std::size_t>> arcs;
  bool multigraph = false;
  for (const Tie& t : c.ties) {
    if (arcs.contains(std::minmax(t.a, t.b))) multigraph = true;
    arcs.insert(std::minmax(t.a, t.b));
  }
  ordered_json graph = doc["coalition"];
  graph["sectors"] = doc.contains("sectors") ? doc["sectors"] : ordered_json::array();
  graph["governance"] = doc.contains("governance") ? doc["governance"] : ordered_json::array();
  if (doc.contains("survey")) graph["survey"] = doc["survey"];
  ordered_json nodes = ordered_json::array();
  for (const auto& m : doc["members"]) {
    ordered_json n = m;
    n["community_led"] = m.value("community_led", false);
    n["lived_experience"] = m.value("lived_experience", false);
    nodes.push_back(n);
  }
  ordered_json links = ordered_json::array();
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    ordered_json l = {{"source", c.members[tie.a].id},
                      {"target", c.members[tie.b].id},
                      {"level", static_cast<int>(tie.level)},
                      {"level_name", to_string(tie.level)},
                      {"kinds", tie.kinds},
                      {"directed", tie.directed}};
    if (tie.from_survey) l["from_survey"] = true;
    if (!tie.carried_by.empty()) l["carried_by"] = tie.carried_by;
    if (multigraph) l["key"] = t;
    links.push_back(l);
  }
  return ordered_json{{"directed", false}, {"multigraph", multigraph}, {"graph", graph},
                      {"nodes", nodes},    {"edges", links},           {"links", links}}
             .dump(2, ' ', false, ordered_json::error_handler_t::replace) +
         "\n";
}

KumuSheets export_kumu(const Coalition& c) {
  KumuSheets out;
  // Attributes follow the fixed columns, one column each (Description has its own).
  std::vector<std::string> names;
  for (const Member& m : c.members) {
    for (const auto& [key, value] : m.attributes) {
      if (key != "Description" && std::find(names.begin(), names.end(), key) == names.end()) names.push_back(key);
    }
  }
  // Contacts are two fields of their member (ids, and roles in the same order; names are
  // personal data and stay out of a map meant for sharing) and carriers one field of a tie,
  // written only when the file lists contacts.
  const bool people =
      std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return !m.contacts.empty(); });
  out.elements = "Label,Type,Description,Tags,ID,Sector,Community Led,Lived Experience,Funding";
  if (people) out.elements += ",Contacts,Contact Roles";
  for (const auto& name : names) {
    const bool field =
        !recognised_column(name, SheetKind::members).empty() || header_key(name).starts_with("attribute:");
    std::string header = field ? std::string(kAttributePrefix) : std::string();
    header += name;
    out.elements += ',';
    out.elements += csv_cell(header);
  }
  out.elements += "\n";
  auto attribute = [](const Member& m, const std::string& key) {
    for (const auto& [k, v] : m.attributes) {
      if (k == key) return v;
    }
    return std::string();
  };
  for (const Member& m : c.members) {
    const Sector* s = c.find_sector(m.sector);
    out.elements +=
        fmt::format("{},{},{},{},{},{},{},{},{}", csv_cell(m.name), csv_cell(s ? s->name : m.sector),
                    csv_cell(attribute(m, "Description")), csv_cell(fmt::format("{}", fmt::join(m.tags, "|"))), m.id,
                    m.sector, m.community_led ? "true" : "false", m.lived_experience ? "true" : "false",
                    m.funding ? detail::number_text(*m.funding) : "");
    if (people) {
      std::vector<std::string> ids;
      std::vector<std::string> roles;
      for (const Contact& p : m.contacts) {
        ids.push_back(p.id);
        roles.push_back(p.role);
      }
      out.elements += fmt::format(",{},{}", csv_cell(fmt::format("{}", fmt::join(ids, "|"))),
                                  csv_cell(fmt::format("{}", fmt::join(roles, "|"))));
    }
    for (const auto& name : names) {
      out.elements += ',';
      out.elements += csv_cell(attribute(m, name));
    }
    out.elements += "\n";
  }
  // A connection's ID comes from its pair (`a->b` directed, `a--b` undirected with the ids
  // in order), never from its row, so the next wave imported into the same Kumu map updates
  // the same connections instead of adding copies.
  out.connections =
      people ? "From,To,Type,Direction,Strength,Tags,ID,Carried By\n" : "From,To,Type,Direction,Strength,Tags,ID\n";
  for (const Tie& t : c.ties) {
    const std::string& a = c.members[t.a].id;
    const std::string& b = c.members[t.b].id;
    const std::string id =
        t.directed ? fmt::format("{}->{}", a, b) : fmt::format("{}--{}", std::min(a, b), std::max(a, b));
    out.connections +=
        fmt::format("{},{},{},{},{},{},{}", a, b, to_string(t.level), t.directed ? "directed" : "undirected",
                    static_cast<int>(t.level), csv_cell(fmt::format("{}", fmt::join(t.kinds, "|"))), id);
    if (people) out.connections += "," + csv_cell(fmt::format("{}", fmt::join(t.carried_by, "|")));
    out.connections += "\n";
  }
  return out;
}

std::string export_dl(const Coalition& c) {
  // `DL n=N` and `format = edgelist1` on lines of their own (igraph's reader refuses them on
  // one line); the labels listed (so members without ties are kept) and embedded in the data.
  std::string out = fmt::format("DL n={}\nformat = edgelist1\nlabels:\n", c.members.size());
  std::vector<std::string> labels;
  for (const Member& m : c.members) labels.push_back(m.id);
  out += fmt::format("{}\nlabels embedded:\ndata:\n", fmt::join(labels, ","));
  for (const Tie& t : c.ties) {
    const std::string& a = c.members[t.a].id;
    const std::string& b = c.members[t.b].id;
    out += fmt::format("{} {} {}\n", a, b, static_cast<int>(t.level));
    if (!t.directed) out += fmt::format("{} {} {}\n", b, a, static_cast<int>(t.level));
  }
  return out;
}

std::string export_vna(const Coalition& c) {
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
      if (ch == '"')
        out += '\'';
      else if (ch == '\n' || ch == '\r' || ch == '\t')
        out += ' ';
      else
        out += ch;
    }
    return out + "\"";
  };
  std::string out = "*node data\nID name sector sector_name community_led lived_experience funding\n";
  for (const Member& m : c.members) {
    const Sector* s = c.find_sector(m.sector);
    out += fmt::format("{} {} {} {} {} {} {}\n", m.id, quoted(m.name), m.sector, quoted(s ? s->name : m.sector),
                       m.community_led ? "TRUE" : "FALSE", m.lived_experience ? "TRUE" : "FALSE",
                       m.funding ? detail::number_text(*m.funding) : "0");
  }
  out += "*tie data\nfrom to level directed\n";
  for (const Tie& t : c.ties) {
    const std::string& a = c.members[t.a].id;
    const std::string& b = c.members[t.b].id;
    out += fmt::format("{} {} {} {}\n", a, b, static_cast<int>(t.level), t.directed ? 1 : 0);
    if (!t.directed) out += fmt::format("{} {} {} 0\n", b, a, static_cast<int>(t.level));
  }
  return out;
}

namespace {

bool is_xlsx(const std::string& file) { return lower(std::filesystem::path(file).extension().string()) == ".xlsx"; }

/// The sheet `wanted` names, else the first whose name is one of `defaults` (header_key),
/// else `fallback` (true: the first sheet; false: none).
std::string pick_sheet(const detail::XlsxWorkbook& book, const std::string& wanted,
                       const std::vector<std::string>& defaults, bool fallback) {
  if (!wanted.empty()) {
    std::string found = book.find_sheet(wanted);
    if (found.empty()) {
      throw InputError({Diagnostic{book.file(),
                                   {1, 1},
                                   fmt::format("the workbook has no sheet '{}' (its sheets: {})", wanted,
                                               fmt::join(book.sheet_names(), ", "))}});
    }
    return found;
  }
  for (const auto& name : book.sheet_names()) {
    if (std::find(defaults.begin(), defaults.end(), header_key(name)) != defaults.end()) return name;
  }
  return fallback ? book.sheet_names().front() : std::string();
}

const std::vector<std::string> kMemberSheets = {"members",       "elements",      "partners",
                                                "organizations", "organisations", "nodes"};
const std::vector<std::string> kTieSheets = {"ties", "connections", "links", "relationships", "edges"};

}  // namespace

Imported import_sheet_files(const std::vector<std::string>& files, const ImportOptions& options) {
  if (files.empty() || files.size() > 2) throw UsageError("import takes MEMBERS and optionally TIES");
  std::optional<SheetTable> members;
  std::optional<SheetTable> ties;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string text = read_input_file(files[f]);
    if (!is_xlsx(files[f])) {
      (f == 0 ? members : ties) = read_csv_sheet(text, files[f]);
      continue;
    }
    const detail::XlsxWorkbook book(text, files[f]);
    if (f == 0) {
      const std::string sheet = pick_sheet(book, options.members_sheet, kMemberSheets, true);
      members = SheetTable{files[f] + ":" + sheet, book.rows(sheet)};
      if (files.size() == 1) {
        const std::string tie_sheet = pick_sheet(book, options.ties_sheet, kTieSheets, false);
        if (!tie_sheet.empty() && tie_sheet != sheet)
          ties = SheetTable{files[f] + ":" + tie_sheet, book.rows(tie_sheet)};
      }
    } else {
      const std::string sheet = pick_sheet(book, options.ties_sheet, kTieSheets, true);
      ties = SheetTable{files[f] + ":" + sheet, book.rows(sheet)};
    }
  }
  return import_sheets(*members, ties ? &*ties : nullptr, options);
}

SheetTable read_csv_sheet(std::string_view text, const std::string& file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // the byte-order mark Excel writes
  std::string error;
  int error_line = 1;
  SheetTable table{file, parse_csv(text, csv_separator(text), error, error_line)};
  if (!error.empty()) throw InputError({Diagnostic{file, {error_line, 1}, error}});
  return table;
}

Imported import_kumu(std::string_view elements_text, const std::string& elements_file,
                     std::string_view connections_text, const std::string& connections_file,
                     const ImportOptions& options) {
  std::vector<Diagnostic> fatal;
  SheetTable elements;
  SheetTable connections;
  try {
    elements = read_csv_sheet(elements_text, elements_file);
  } catch (const InputError& e) {
    fatal.insert(fatal.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  try {
    connections = read_csv_sheet(connections_text, connections_file);
  } catch (const InputError& e) {
    fatal.insert(fatal.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  if (!fatal.empty()) throw InputError(std::move(fatal));
  return import_sheets(elements, &connections, options);
}

Imported import_sheets(const SheetTable& elements_table, const SheetTable* connections_table,
                       const ImportOptions& options) {
  for (const auto& [from, to] : options.columns) {
    const std::string field = header_key(to);
    if (header_key(from).empty() ||
        (field != "attribute" && !is_field(field, SheetKind::members) && !is_field(field, SheetKind::ties))) {
      throw UsageError(
          fmt::format("--map \"{}={}\": give HEADER=FIELD, FIELD one of id, label, sector, type, description, tags, "
                      "community led, lived experience, funding, from, to, strength, direction, attribute",
                      from, to));
    }
  }
  const std::string& elements_file = elements_table.where;
  const SheetTable no_ties{"", {SheetRow{1, {"From", "To"}}}};
  const SheetTable& ties_table = connections_table != nullptr ? *connections_table : no_ties;
  const std::string& connections_file = ties_table.where;
  RowProblems problems(options);
  const Sheet elements(elements_table, SheetKind::members, options, problems.fatal());
  const Sheet connections(ties_table, SheetKind::ties, options, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  if (!elements.has("id") && !elements.has("label")) {
    problems.add_fatal({elements_file,
                        {1, 1},
                        "the members sheet needs an ID or a name column (Label, Name, Organization, Partner, "
                        "...; or name yours with --map \"HEADER=label\")"});
  }
  if (!elements.has("sector") && !elements.has("type")) {
    problems.add_fatal({elements_file,
                        {1, 1},
                        "the members sheet needs a Sector or a Type column (or name yours with --map "
                        "\"HEADER=sector\")"});
  }
  if (!connections.has("from") || !connections.has("to")) {
    problems.add_fatal({connections_file,
                        {1, 1},
                        "the ties sheet needs From and To columns (or Source and Target; or name yours with "
                        "--map \"HEADER=from\")"});
  }
  if (!problems.fatal().empty()) problems.settle();
  // Without --taxonomy: the first built-in taxonomy (cross-sector first) in which every
  // row's sector is found, else cross-sector.
  std::string taxonomy_id = options.taxonomy;
  std::vector<std::string> notes;
  if (taxonomy_id.empty()) {
    taxonomy_id = "cross-sector";
    auto fits = [&](const Taxonomy& t) {
      return std::all_of(elements.rows().begin(), elements.rows().end(), [&](const SheetRow& row) {
        const std::string v = elements.has("sector") ? elements.get(row, "sector") : elements.get(row, "type");
        return v.empty() || !find_sector(t, v).empty();
      });
    };
    if (!fits(resolve_taxonomy("cross-sector"))) {
      for (const auto& id : builtin_taxonomy_ids()) {
        if (id != "cross-sector" && fits(resolve_taxonomy(id))) {
          taxonomy_id = id;
          notes.push_back(
              fmt::format("{}: every sector is one of the {} taxonomy's: the file uses it (pass "
                          "--taxonomy to choose another)",
                          elements_file, id));
          break;
        }
      }
    }
  }
  const ImportTaxonomy imported_taxonomy = import_taxonomy(taxonomy_id, options.output);
  const Taxonomy& taxonomy = imported_taxonomy.taxonomy;
  Origins origins;
  origins.fallback = {elements_file, {1, 1}, ""};
  // Sectors beyond the taxonomy, declared where a row gives a sector id in Sector and its
  // name in Type (as export_kumu writes a file's own sectors).
  ordered_json declared = ordered_json::array();
  std::map<std::string, std::string> declared_ids;  // id -> name

  ordered_json members = ordered_json::array();
  std::map<std::string, std::string> id_of;  // ID or Label -> id
  std::set<std::string> ids;
  for (const auto& row : elements.rows()) {
    const std::string label = elements.get(row, "label");
    std::string id = elements.get(row, "id");
    if (id.empty()) id = slug_of(label);
    if (id.empty() || !detail::is_slug(id)) {
      problems.add(elements_file, row.line, fmt::format("no usable ID: '{}' is not an id", id.empty() ? label : id));
      continue;
    }
    if (ids.contains(id)) {
      problems.add(elements_file, row.line, fmt::format("duplicate element '{}'", id));
      continue;
    }
    const std::string type = elements.get(row, "type");
    const std::string written = elements.has("sector") ? elements.get(row, "sector") : type;
    std::string sector = find_sector(taxonomy, written);
    if (sector.empty() && declared_ids.contains(written)) sector = written;
    if (sector.empty() && elements.has("sector") && detail::is_slug(written) && !type.empty() &&
        find_sector(taxonomy, type).empty() && written.size() <= 64) {
      sector = written;
      declared_ids[written] = type;
      declared.push_back({{"id", written}, {"name", type}, {"priority", "optional"}});
      origins.items["sectors"].push_back(
          {elements_file, {row.line, 1}, fmt::format("sector '{}' declared by element '{}'", written, id)});
      notes.push_back(fmt::format("{}:{}: sector '{}' ({}) is not in the {} taxonomy: declared under 'sectors'",
                                  elements_file, row.line, written, type, taxonomy.id));
    }
    if (sector.empty()) {
      problems.add(elements_file, row.line,
                   written.empty() ? std::string("no sector given")
                                   : fmt::format("sector '{}' is not in the {} taxonomy", written, taxonomy.id));
      continue;
    }
    const auto community = flag(elements.get(row, "community led"));
    const auto lived = flag(elements.get(row, "lived experience"));
    const std::string funding_text = elements.get(row, "funding");
    const auto funding = funding_text.empty() ? std::optional<double>() : amount(funding_text);
    if (!community || !lived) {
      problems.add(elements_file, row.line, "Community Led and Lived Experience must be true or false");
      continue;
    }
    if (!funding_text.empty() && !funding) {
      problems.add(elements_file, row.line, fmt::format("funding '{}' is not a number of at least 0", funding_text));
      continue;
    }
    ordered_json m = {{"id", id}, {"name", label.empty() ? id : label}, {"sector", sector}};
    if (*community) m["community_led"] = true;
    if (*lived) m["lived_experience"] = true;
    if (funding) m["funding"] = detail::without_negative_zero(*funding);
    if (const auto tags = split(elements.get(row, "tags"), '|'); !tags.empty()) m["tags"] = tags;
    if (const auto contacts = split(elements.get(row, "contacts"), '|'); !contacts.empty()) {
      const std::string roles_text = elements.get(row, "contact roles");
      // Roles keep their places, empty ones too: "Director||" is three contacts' roles, the
      // last two not given (as the export writes contacts without a role).
      std::vector<std::string> roles;
      if (!roles_text.empty()) {
        for (std::size_t start = 0;;) {
          const std::size_t bar = roles_text.find('|', start);
          roles.push_back(trim(roles_text.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      }
      if (!roles_text.empty() && roles.size() != contacts.size()) {
        problems.add(elements_file, row.line,
                     fmt::format("{} contacts but {} contact roles: give one role per contact, in order",
                                 contacts.size(), roles.size()));
        continue;
      }
      ordered_json list = ordered_json::array();
      for (std::size_t i = 0; i < contacts.size(); ++i) {
        ordered_json p = {{"id", contacts[i]}};
        if (i < roles.size() && !roles[i].empty()) p["role"] = roles[i];
        list.push_back(std::move(p));
      }
      m["contacts"] = std::move(list);
    }
    ordered_json attributes = ordered_json::object();
    if (const std::string d = elements.get(row, "description"); !d.empty()) attributes["Description"] = d;
    // A Type beside a Sector is kept when it says something the sector does not.
    if (elements.has("sector") && !type.empty() && find_sector(taxonomy, type) != sector &&
        !(declared_ids.contains(sector) && declared_ids[sector] == type))
      attributes["Type"] = type;
    for (const auto& [name, k] : elements.extra()) {
      if (const std::string v = elements.cell(row, k); !v.empty()) attributes[name] = v;
    }
    if (!attributes.empty()) m["attributes"] = attributes;
    members.push_back(m);
    origins.items["members"].push_back({elements_file, {row.line, 1}, fmt::format("element '{}'", id)});
    ids.insert(id);
    id_of[id] = id;
    if (!label.empty()) id_of.emplace(label, id);
  }

  ordered_json ties = ordered_json::array();
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, bool>>> seen;
  for (const auto& row : connections.rows()) {
    const std::string from_text = connections.get(row, "from");
    const std::string to_text = connections.get(row, "to");
    const auto from = id_of.find(from_text);
    const auto to = id_of.find(to_text);
    if (from == id_of.end() || to == id_of.end()) {
      problems.add(connections_file, row.line,
                   fmt::format("'{}' is not an element", from == id_of.end() ? from_text : to_text));
      continue;
    }
    if (from->second == to->second) {
      problems.add(connections_file, row.line, fmt::format("a connection from '{}' to itself", from_text));
      continue;
    }
    const std::string strength = connections.get(row, "strength");
    const std::string type = connections.get(row, "type");
    auto level = level_of(strength.empty() ? (type.empty() ? "1" : type) : strength);
    if (!level) {
      problems.add(connections_file, row.line,
                   fmt::format("strength '{}' is not a level 1-4", strength.empty() ? type : strength));
      continue;
    }
    const std::string direction = lower(connections.get(row, "direction"));
    if (!direction.empty() && direction != "directed" && direction != "undirected" && direction != "mutual") {
      problems.add(connections_file, row.line,
                   fmt::format("direction '{}' is not directed, undirected or mutual", direction));
      continue;
    }
    const bool directed = direction == "directed";
    const auto key = std::minmax(from->second, to->second);
    auto& earlier = seen[key];
    const bool clash = std::any_of(earlier.begin(), earlier.end(),
                                   [&](const auto& e) { return !(directed && e.second && e.first != from->second); });
    if (clash) {
      problems.add(connections_file, row.line, fmt::format("'{}' and '{}' are already connected", from_text, to_text));
      continue;
    }
    earlier.emplace_back(from->second, directed);
    ordered_json t;
    if (directed) {
      t["from"] = from->second;
      t["to"] = to->second;
    } else {
      t["between"] = {from->second, to->second};
    }
    t["level"] = to_string(static_cast<TieLevel>(*level));
    if (const auto kinds = split(connections.get(row, "tags"), '|'); !kinds.empty()) t["kinds"] = kinds;
    if (const auto carriers = split(connections.get(row, "carried by"), '|'); !carriers.empty()) {
      t["carried_by"] = carriers;
    }
    ties.push_back(t);
    origins.items["ties"].push_back(
        {connections_file, {row.line, 1}, fmt::format("connection {} -> {}", from_text, to_text)});
  }
  for (const auto& column : connections.used_extra()) {
    notes.push_back(
        fmt::format("{}: column '{}' has no place in a tie and was not imported", connections_file, column));
  }
  auto skipped = problems.settle();
  if (members.empty()) throw InputError({Diagnostic{elements_file, {1, 1}, "no element could be imported"}});
  ordered_json doc = {{"coalition", {{"name", options.name}, {"taxonomy", imported_taxonomy.ref}}}};
  if (!declared.empty()) doc["sectors"] = declared;
  doc["members"] = members;
  if (!ties.empty()) doc["ties"] = ties;
  return finish(doc, origins, std::move(skipped), std::move(notes),
                connections_table != nullptr ? elements_file + " and " + connections_file : elements_file, options);
}

Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options) {
  const std::vector<XmlElement> el = XmlReader(xml, file).read();
  const XmlElement& root = el[0];
  if (root.name != "graphml") {
    throw InputError({Diagnostic{file, root.pos, fmt::format("the root element is <{}>, not <graphml>", root.name)}});
  }
  RowProblems problems(options);
  auto add = [&](SourcePos pos, std::string message) { problems.add_fatal({file, pos, std::move(message)}); };

  struct Key {
    std::string name;
    std::string domain;
    std::optional<std::string> fallback;
  };
  std::map<std::string, Key> keys;  // key id -> attr.name, for, default
  std::vector<std::size_t> graphs;
  for (const auto k : root.children) {
    const XmlElement& e = el[k];
    if (e.name == "key") {
      Key key{e.get("attr.name"), e.get("for"), std::nullopt};
      if (key.name.empty()) key.name = e.get("id");
      for (const auto c : e.children) {
        if (el[c].name == "default") key.fallback = el[c].text;
      }
      keys[e.get("id")] = key;
    } else if (e.name == "graph") {
      graphs.push_back(k);
    }
  }
  for (std::size_t k = 1; k < el.size(); ++k) {
    if (el[k].name == "graph" && el[k].depth > 1)
      add(el[k].pos, "a graph nested inside a node: xsector reads flat graphs");
    if (el[k].name == "hyperedge") add(el[k].pos, "a hyperedge: a tie joins two members");
  }
  if (graphs.empty()) throw InputError({Diagnostic{file, root.pos, "no <graph> element in <graphml>"}});
  for (std::size_t g = 1; g < graphs.size(); ++g) {
    add(el[graphs[g]].pos, fmt::format("a second <graph>: a coalition file holds one network (the first <graph> is "
                                       "at line {}); split the file and import each graph",
                                       el[graphs[0]].pos.line));
  }
  const XmlElement& graph = el[graphs[0]];

  struct Datum {
    std::string value;
    SourcePos pos;
  };
  auto data_of = [&](const XmlElement& element, std::string_view domain) {
    std::map<std::string, Datum> out;
    for (const auto& [id, key] : keys) {
      if (key.fallback && (key.domain == domain || key.domain == "all")) out[key.name] = {*key.fallback, element.pos};
    }
    for (const auto c : element.children) {
      if (el[c].name != "data") continue;
      const std::string key = el[c].get("key");
      const auto it = keys.find(key);
      out[it == keys.end() ? key : it->second.name] = {el[c].text, el[c].pos};
    }
    return out;
  };
  auto json_of = [&](const Datum& d, const std::string& what) -> std::optional<ordered_json> {
    if (trim(d.value).empty()) return ordered_json::array();
    if (!json_shallow(d.value)) {
      add(d.pos, fmt::format("{} nests lists or objects deeper than {}", what, kMaxJsonDepth));
      return std::nullopt;
    }
    ordered_json v = ordered_json::parse(d.value, nullptr, false);
    if (v.is_discarded()) {
      add(d.pos, fmt::format("{} is not JSON", what));
      return std::nullopt;
    }
    if (!v.is_array()) {
      add(d.pos, fmt::format("{} must be a JSON list, not {}", what, v.type_name()));
      return std::nullopt;
    }
    return v;
  };

  bool directed_by_default = false;
  if (const auto* a = graph.attribute("edgedefault")) {
    if (a->value == "directed")
      directed_by_default = true;
    else if (a->value != "undirected")
      add(a->pos, fmt::format("edgedefault '{}' is neither directed nor undirected", a->value));
  }

  const auto g = data_of(graph, "graph");
  Origins origins;
  origins.fallback = {file, graph.pos, ""};
  std::string given = options.taxonomy;
  if (given.empty() && g.contains("taxonomy") && !trim(g.at("taxonomy").value).empty()) {
    const Datum& t = g.at("taxonomy");
    if (!builtin_taxonomy(trim(t.value))) {
      throw InputError({Diagnostic{
          file, t.pos,
          fmt::format("the graph names the taxonomy '{}', which is not built in ({}); a taxonomy file named inside "
                      "an imported file is not read: check it, then pass it with --taxonomy",
                      t.value, fmt::join(builtin_taxonomy_ids(), ", "))}});
    }
    given = trim(t.value);
    origins.keys["coalition.taxonomy"] = {file, t.pos, "graph data 'taxonomy'"};
  }
  if (given.empty()) given = "cross-sector";
  const ImportTaxonomy taxonomy = import_taxonomy(given, options.output);

  ordered_json header = ordered_json::object();
  if (g.contains("name") && !trim(g.at("name").value).empty()) {
    header["name"] = g.at("name").value;
    origins.keys["coalition.name"] = {file, g.at("name").pos, "graph data 'name'"};
  } else {
    header["name"] = options.name;
  }
  for (const char* key : {"place", "as_of", "backbone"}) {
    if (g.contains(key) && !trim(g.at(key).value).empty()) {
      header[key] = trim(g.at(key).value);
      origins.keys[fmt::format("coalition.{}", key)] = {file, g.at(key).pos, fmt::format("graph data '{}'", key)};
    }
  }
  header["taxonomy"] = taxonomy.ref;
  if (g.contains("waive") && !trim(g.at("waive").value).empty()) {
    const Datum& d = g.at("waive");
    if (const auto list = json_of(d, "graph data 'waive'"); list && !list->empty()) {
      ordered_json waive = ordered_json::object();
      for (const auto& w : *list) {
        if (!w.is_object() || !w.contains("sector") || !w["sector"].is_string() || !w.contains("reason") ||
            !w["reason"].is_string()) {
          add(d.pos, "graph data 'waive' must be a JSON list of {\"sector\": id, \"reason\": text}");
          break;
        }
        waive[w["sector"].get<std::string>()] = w["reason"];
      }
      header["waive"] = waive;
      origins.keys["coalition.waive"] = {file, d.pos, "graph data 'waive'"};
    }
  }
  ordered_json doc = {{"coalition", header}};

  std::vector<std::string> declared;
  if (g.contains("sectors")) {
    const Datum& d = g.at("sectors");
    if (const auto sectors = json_of(d, "graph data 'sectors'"); sectors && !sectors->empty()) {
      doc["sectors"] = *sectors;
      origins.keys["sectors"] = {file, d.pos, "graph data 'sectors'"};
      for (std::size_t i = 0; i < sectors->size(); ++i) {
        const ordered_json& s = (*sectors)[i];
        if (s.is_object() && s.contains("id") && s["id"].is_string()) declared.push_back(s["id"].get<std::string>());
        origins.items["sectors"].push_back({file, d.pos, fmt::format("graph data 'sectors', item {}", i + 1)});
      }
    }
  }

  ordered_json members = ordered_json::array();
  std::map<std::string, std::string> node_id;  // the file's node id -> member id
  std::set<std::string> ids;
  for (const auto k : graph.children) {
    const XmlElement& node = el[k];
    if (node.name != "node") continue;
    const XmlAttribute* id_attribute = node.attribute("id");
    if (id_attribute == nullptr || id_attribute->value.empty()) {
      add(node.pos, "a node without an id");
      continue;
    }
    const std::string raw = id_attribute->value;
    const std::string id = detail::is_slug(raw) ? raw : slug_of(raw);
    if (id.empty()) {
      add(id_attribute->pos, fmt::format("node id '{}' has no letter or digit to make a member id from", raw));
      continue;
    }
    if (ids.contains(id)) {
      add(id_attribute->pos,
          id == raw ? fmt::format("node '{}' appears twice", raw)
                    : fmt::format("node '{}' becomes the member id '{}', which is already taken", raw, id));
      continue;
    }
    const auto d = data_of(node, "node");
    const std::string what = fmt::format("node '{}'", raw);
    if (!d.contains("sector") || trim(d.at("sector").value).empty()) {
      add(node.pos, fmt::format("{} has no sector data", what));
      continue;
    }
    const std::string written = trim(d.at("sector").value);
    std::string sector = find_sector(taxonomy.taxonomy, written);
    if (sector.empty() && std::find(declared.begin(), declared.end(), written) != declared.end()) sector = written;
    if (sector.empty()) {
      add(d.at("sector").pos, fmt::format("{}: sector '{}' is not in the {} taxonomy nor in graph data 'sectors'", what,
                                          written, taxonomy.taxonomy.id));
      continue;
    }
    std::string name = raw;
    if (d.contains("name") && !trim(d.at("name").value).empty())
      name = d.at("name").value;
    else if (d.contains("label") && !trim(d.at("label").value).empty())
      name = d.at("label").value;
    ordered_json m = {{"id", id}, {"name", name}, {"sector", sector}};
    bool ok = true;
    for (const char* field : {"community_led", "lived_experience"}) {
      if (!d.contains(field)) continue;
      const auto value = flag(trim(d.at(field).value));
      if (!value) {
        add(d.at(field).pos, fmt::format("{}: {} '{}' is not true or false", what, field, d.at(field).value));
        ok = false;
      } else if (*value) {
        m[field] = true;
      }
    }
    if (d.contains("funding") && !trim(d.at("funding").value).empty()) {
      if (const auto f = number(trim(d.at("funding").value))) {
        m["funding"] = detail::without_negative_zero(*f);
      } else {
        add(d.at("funding").pos,
            fmt::format("{}: funding '{}' is not a number of at least 0", what, d.at("funding").value));
        ok = false;
      }
    }
    if (d.contains("tags")) {
      const auto tags = json_of(d.at("tags"), what + ": tags");
      if (!tags)
        ok = false;
      else if (!tags->empty())
        m["tags"] = *tags;
    }
    if (d.contains("attributes") && !trim(d.at("attributes").value).empty()) {
      const Datum& a = d.at("attributes");
      ordered_json v = json_shallow(a.value) ? ordered_json::parse(a.value, nullptr, false) : ordered_json();
      const bool flat =
          v.is_object() && std::all_of(v.begin(), v.end(), [](const ordered_json& x) { return x.is_primitive(); });
      if (!flat) {
        add(a.pos, fmt::format("{}: attributes must be a JSON object of names to single values", what));
        ok = false;
      } else if (!v.empty()) {
        ordered_json attributes = ordered_json::object();
        for (const auto& [key, value] : v.items())
          attributes[key] = value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
        m["attributes"] = attributes;
      }
    }
    if (d.contains("contacts")) {
      const auto contacts = json_of(d.at("contacts"), what + ": contacts");
      if (!contacts)
        ok = false;
      else if (!contacts->empty())
        m["contacts"] = *contacts;
    }
    if (!ok) continue;
    members.push_back(m);
    ids.insert(id);
    node_id[raw] = id;
    origins.items["members"].push_back({file, node.pos, what});
  }

  ordered_json ties = ordered_json::array();
  for (const auto k : graph.children) {
    const XmlElement& edge = el[k];
    if (edge.name != "edge") continue;
    const std::string source = edge.get("source");
    const std::string target = edge.get("target");
    const std::string what = fmt::format("edge {} -> {}", source, target);
    const auto from = node_id.find(source);
    const auto to = node_id.find(target);
    if (from == node_id.end() || to == node_id.end()) {
      add(edge.pos, fmt::format("{}: '{}' is not a node", what, from == node_id.end() ? source : target));
      continue;
    }
    const auto d = data_of(edge, "edge");
    // An edge made from survey responses comes back from the graph's survey data, not as a tie.
    if (d.contains("from_survey") && flag(trim(d.at("from_survey").value)).value_or(false) && g.contains("survey")) {
      continue;
    }
    std::optional<int> level = 1;
    if (d.contains("level") && !trim(d.at("level").value).empty())
      level = level_of(trim(d.at("level").value));
    else if (d.contains("level_name") && !trim(d.at("level_name").value).empty())
      level = level_of(trim(d.at("level_name").value));
    if (!level) {
      add(d.contains("level") ? d.at("level").pos : d.at("level_name").pos,
          fmt::format("{}: level '{}' is not 1-4 nor a level's name", what,
                      d.contains("level") ? d.at("level").value : d.at("level_name").value));
      continue;
    }
    bool directed = directed_by_default;
    if (d.contains("directed")) {
      const auto value = flag(trim(d.at("directed").value));
      if (!value) {
        add(d.at("directed").pos, fmt::format("{}: directed '{}' is not true or false", what, d.at("directed").value));
        continue;
      }
      directed = *value;
    } else if (const auto* a = edge.attribute("directed")) {
      if (a->value != "true" && a->value != "false") {
        add(a->pos, fmt::format("{}: directed=\"{}\" is not true or false", what, a->value));
        continue;
      }
      directed = a->value == "true";
    }
    ordered_json t;
    if (directed) {
      t["from"] = from->second;
      t["to"] = to->second;
    } else {
      t["between"] = {from->second, to->second};
    }
    t["level"] = to_string(static_cast<TieLevel>(*level));
    if (d.contains("kinds")) {
      const auto kinds = json_of(d.at("kinds"), what + ": kinds");
      if (!kinds) continue;
      if (!kinds->empty()) t["kinds"] = *kinds;
    }
    if (d.contains("carried_by")) {
      const auto carriers = json_of(d.at("carried_by"), what + ": carried_by");
      if (!carriers) continue;
      if (!carriers->empty()) t["carried_by"] = *carriers;
    }
    ties.push_back(t);
    origins.items["ties"].push_back({file, edge.pos, what});
  }
  doc["members"] = members;
  if (!ties.empty()) doc["ties"] = ties;
  if (g.contains("governance")) {
    const Datum& d = g.at("governance");
    if (const auto bodies = json_of(d, "graph data 'governance'"); bodies && !bodies->empty()) {
      doc["governance"] = *bodies;
      origins.keys["governance"] = {file, d.pos, "graph data 'governance'"};
      for (std::size_t i = 0; i < bodies->size(); ++i) {
        origins.items["governance"].push_back({file, d.pos, fmt::format("graph data 'governance', body {}", i + 1)});
      }
    }
  }
  if (g.contains("survey")) {
    const Datum& d = g.at("survey");
    if (const auto survey = json_of(d, "graph data 'survey'"); survey && !survey->empty()) {
      if (survey->size() != 1 || !(*survey)[0].is_object()) {
        add(d.pos, "graph data 'survey' must be a JSON list holding one survey object");
      } else {
        doc["survey"] = (*survey)[0];
        origins.keys["survey"] = {file, d.pos, "graph data 'survey'"};
      }
    }
  }
  auto skipped = problems.settle();
  if (members.empty()) throw InputError({Diagnostic{file, graph.pos, "the graph has no node to import"}});
  return finish(doc, origins, std::move(skipped), {}, file, options);
}

// ---- A partner survey's export (docs/surveys.md, "Importing a survey") ------------------

namespace {

/// The survey fields a responses sheet can hold, and the headings each is recognised by
/// (compared in lower case, trimmed).
const std::vector<std::pair<std::string, std::vector<std::string>>>& survey_columns() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> columns = {
      {"by",
       {"by", "respondent", "respondent organization", "organization", "organisation", "your organization", "from",
        "source"}},
      {"about", {"about", "partner", "partner organization", "partner name", "rated partner", "to", "target"}},
      {"level", {"level", "level of collaboration", "collaboration level", "relationship level", "relationship"}},
      {"frequency", {"frequency", "frequency of contact", "frequency of interaction", "how often"}},
      {"kinds", {"kinds", "kind", "type of exchange", "kinds of exchange", "resources exchanged", "exchange"}},
      {"contact", {"contact", "contact id", "respondent contact"}},
      {"trust_reliability", {"trust_reliability", "trust reliability", "reliability", "reliable"}},
      {"trust_mission",
       {"trust_mission", "trust mission", "mission", "shared mission", "mission congruence", "in support of mission"}},
      {"trust_openness",
       {"trust_openness", "trust openness", "openness", "open to discussion", "openness to discussion"}},
      {"value_power",
       {"value_power", "value power", "power", "power and influence", "power/influence", "power & influence"}},
      {"value_involvement", {"value_involvement", "value involvement", "involvement", "level of involvement"}},
      {"value_resources",
       {"value_resources", "value resources", "resources", "resource contribution", "contributing resources",
        "resources contributed"}},
  };
  return columns;
}

}  // namespace

/// A survey export's sheet by its raw headings (lower case): the survey import maps headings
/// to response fields itself. Blank rows are skipped; the first other row is the header.
class SurveySheet {
 public:
  /// `text` is CSV, or the bytes of an .xlsx workbook when `file` ends in .xlsx; then the
  /// sheet is `sheet` when given, else one named Responses, Survey, ..., else the first.
  SurveySheet(std::string_view text, const std::string& file, const std::string& sheet, std::vector<Diagnostic>& fatal)
      : file_(file) {
    SheetTable table;
    try {
      if (is_xlsx(file)) {
        static const std::vector<std::string> defaults = {"responses", "survey", "answers", "results"};
        const detail::XlsxWorkbook book(text, file);
        const std::string name = pick_sheet(book, sheet, defaults, true);
        table = SheetTable{file + ":" + name, book.rows(name)};
        file_ = table.where;
      } else {
        table = read_csv_sheet(text, file);
      }
    } catch (const InputError& e) {
      fatal.insert(fatal.end(), e.diagnostics().begin(), e.diagnostics().end());
      return;
    }
    std::size_t first = 0;
    while (first < table.rows.size() && blank_row(table.rows[first])) ++first;
    if (first == table.rows.size()) {
      fatal.push_back({file_, {1, 1}, "the sheet is empty: it needs a header row"});
      return;
    }
    const SheetRow& header = table.rows[first];
    for (std::size_t k = 0; k < header.cells.size(); ++k) {
      const std::string name = lower(trim(header.cells[k]));
      if (name.empty()) continue;
      if (const auto [it, fresh] = columns_.emplace(name, k); !fresh) {
        fatal.push_back({file_,
                         {header.line, 1},
                         fmt::format("column '{}' appears twice (columns {} and {}): which one holds the data is "
                                     "unclear; rename or remove one",
                                     trim(header.cells[k]), it->second + 1, k + 1)});
      }
    }
    for (std::size_t r = first + 1; r < table.rows.size(); ++r) {
      if (!blank_row(table.rows[r])) rows_.push_back(std::move(table.rows[r]));
    }
  }
  [[nodiscard]] const std::vector<SheetRow>& rows() const { return rows_; }
  [[nodiscard]] bool has(const std::string& column) const { return columns_.contains(column); }
  [[nodiscard]] std::string get(const SheetRow& row, const std::string& column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row.cells.size()) return {};
    return trim(detail::csv_text_value(row.cells[it->second]));
  }
  /// Headings not in `known` whose column holds a value in some row.
  [[nodiscard]] std::vector<std::string> unknown(const std::set<std::string>& known) const {
    std::vector<std::string> out;
    for (const auto& [name, k] : columns_) {
      if (known.contains(name)) continue;
      const bool used = std::any_of(rows_.begin(), rows_.end(), [&, k = k](const SheetRow& r) {
        return k < r.cells.size() && !trim(r.cells[k]).empty();
      });
      if (used) out.push_back(name);
    }
    return out;
  }
  /// Where rows are: the file, or `book.xlsx:Sheet` for a workbook.
  [[nodiscard]] const std::string& where() const { return file_; }

 private:
  std::string file_;
  std::vector<SheetRow> rows_;
  std::map<std::string, std::size_t> columns_;
};

Imported import_survey(std::string_view responses_text, const std::string& responses_file,
                       std::string_view members_text, const std::string& members_file, const ImportOptions& options,
                       const std::vector<std::string>& column_map) {
  // Members come from a sheet like Kumu's elements sheet (ID or Label, Sector or Type, ...).
  ImportOptions member_options = options;
  if (member_options.name.empty()) member_options.name = std::filesystem::path(responses_file).stem().string();
  const Imported base = import_kumu(members_text, members_file, "From,To\n", members_file, member_options);
  const std::string as_file = options.output.empty() ? std::string("survey.yaml") : options.output;
  LoadOptions load_options;
  if (!options.taxonomy.empty()) load_options.taxonomy = options.taxonomy;
  Coalition c = parse_coalition(base.yaml, as_file, load_options);

  std::map<std::string, std::size_t> member_of;  // id, name and slug of the name (lower case) -> member
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    member_of.emplace(c.members[v].id, v);
    member_of.emplace(lower(c.members[v].name), v);
    member_of.emplace(slug_of(c.members[v].name), v);
  }
  auto find_member = [&](const std::string& text) -> std::optional<std::size_t> {
    for (const auto& key : {text, lower(text), slug_of(text)}) {
      if (const auto it = member_of.find(key); it != member_of.end()) return it->second;
    }
    return std::nullopt;
  };

  RowProblems problems(options);
  const SurveySheet sheet(responses_text, responses_file, options.members_sheet, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  // Field -> the sheet's column (lower case): --map first, then the recognised headings.
  std::map<std::string, std::string> column_of;
  for (const auto& entry : column_map) {
    const auto eq = entry.rfind('=');
    const std::string heading = eq == std::string::npos ? std::string() : lower(trim(entry.substr(0, eq)));
    const std::string field = eq == std::string::npos ? std::string() : trim(entry.substr(eq + 1));
    const auto& fields = survey_columns();
    const bool known = std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
    if (heading.empty() || !known) {
      std::vector<std::string> names;
      names.reserve(fields.size());
      for (const auto& f : fields) names.push_back(f.first);
      throw UsageError(fmt::format("--map '{}': write \"Column heading=field\", the field one of {}", entry,
                                   fmt::join(names, ", ")));
    }
    if (!sheet.has(heading)) {
      throw UsageError(
          fmt::format("--map '{}': {} has no column '{}'", entry, responses_file, trim(entry.substr(0, eq))));
    }
    column_of[field] = heading;
  }
  for (const auto& [field, headings] : survey_columns()) {
    if (column_of.contains(field)) continue;
    for (const auto& h : headings) {
      const bool taken = std::any_of(column_of.begin(), column_of.end(), [&](const auto& e) { return e.second == h; });
      if (sheet.has(h) && !taken) {
        column_of[field] = h;
        break;
      }
    }
  }
  for (const auto* field : {"by", "about"}) {
    if (!column_of.contains(field)) {
      problems.add_fatal(
          {responses_file,
           {1, 1},
           fmt::format("no column holds '{}' ({}); name one with --map \"Heading={}\"", field,
                       std::string(field) == "by" ? "the organization that answered" : "the partner it rates", field)});
    }
  }
  if (!problems.fatal().empty()) problems.settle();
  auto cell = [&](const SheetRow& row, const std::string& field) {
    const auto it = column_of.find(field);
    return it == column_of.end() ? std::string() : sheet.get(row, it->second);
  };

  Survey survey;
  std::vector<bool> answered(c.members.size(), false);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  static const std::vector<std::string> frequencies = {"never", "yearly", "quarterly", "monthly", "weekly", "daily"};
  for (const SheetRow& row : sheet.rows()) {
    const std::string by_text = cell(row, "by");
    const std::string about_text = cell(row, "about");
    if (by_text.empty()) {
      if (!about_text.empty()) problems.add(sheet.where(), row.line, "no respondent: the 'by' cell is empty");
      continue;
    }
    const auto by = find_member(by_text);
    if (!by) {
      problems.add(sheet.where(), row.line,
                   fmt::format("respondent '{}' is not a member in {}", by_text, members_file));
      continue;
    }
    answered[*by] = true;
    if (about_text.empty()) continue;  // a respondent who named no partner
    const auto about = find_member(about_text);
    if (!about) {
      problems.add(sheet.where(), row.line,
                   fmt::format("partner '{}' is not a member in {}", about_text, members_file));
      continue;
    }
    if (*about == *by) {
      problems.add(sheet.where(), row.line, fmt::format("'{}' rates itself", by_text));
      continue;
    }
    if (!seen.emplace(*by, *about).second) {
      problems.add(sheet.where(), row.line,
                   fmt::format("a second answer by '{}' about '{}'", c.members[*by].id, c.members[*about].id));
      continue;
    }
    Response r;
    r.by = *by;
    r.about = *about;
    bool ok = true;
    if (const auto level = cell(row, "level"); !level.empty()) {
      if (const auto l = level_of(level)) {
        r.level = static_cast<TieLevel>(*l);
      } else {
        problems.add(sheet.where(), row.line, fmt::format("level '{}' is not 1-4 nor a level's name", level));
        ok = false;
      }
    }
    if (const auto frequency = lower(cell(row, "frequency")); !frequency.empty()) {
      const auto it = std::find(frequencies.begin(), frequencies.end(), frequency);
      if (it != frequencies.end()) {
        r.frequency = static_cast<Frequency>(it - frequencies.begin());
      } else {
        problems.add(
            sheet.where(), row.line,
            fmt::format("frequency '{}' is not never, yearly, quarterly, monthly, weekly or daily", frequency));
        ok = false;
      }
    }
    const std::string kinds = cell(row, "kinds");
    const char separator = kinds.find('|') != std::string::npos   ? '|'
                           : kinds.find(';') != std::string::npos ? ';'
                                                                  : ',';
    r.kinds = split(kinds, separator);
    for (std::size_t i = 0; i < 3; ++i) {
      for (const bool trust : {true, false}) {
        const std::string field =
            fmt::format("{}_{}", trust ? "trust" : "value", trust ? trust_item_names[i] : value_item_names[i]);
        const std::string text = cell(row, field);
        if (text.empty()) continue;
        if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
          (trust ? r.trust : r.value)[i] = text[0] - '0';
        } else {
          problems.add(sheet.where(), row.line,
                       fmt::format("{} '{}' is not a rating from 1 to 4", column_of.at(field), text));
          ok = false;
        }
      }
    }
    if (const auto contact = cell(row, "contact"); !contact.empty()) r.contact = slug_of(contact);
    if (ok) survey.responses.push_back(std::move(r));
  }
  auto skipped = problems.settle();
  std::vector<std::string> missing;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (answered[v])
      survey.respondents.push_back(v);
    else
      missing.push_back(c.members[v].id);
  }
  Imported out;
  out.skipped = std::move(skipped);
  out.notes = base.notes;
  if (!missing.empty()) {
    out.notes.push_back(fmt::format("{} of {} members did not answer (non-respondents): {}", missing.size(),
                                    c.members.size(), fmt::join(missing, ", ")));
  }
  std::set<std::string> used;
  for (const auto& [field, column] : column_of) used.insert(column);
  for (const auto& column : sheet.unknown(used)) {
    out.notes.push_back(
        fmt::format("column '{}' of {} has no place in a survey and was left out", column, responses_file));
  }
  c.survey = std::move(survey);
  out.yaml = coalition_yaml(c);
  parse_coalition(out.yaml, as_file, load_options);  // what is written always loads
  return out;
}

}  // namespace xsector
