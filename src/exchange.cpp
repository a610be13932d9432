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

#include "text.hpp"
#include "xsector/load.hpp"
#include "yaml_reader.hpp"

namespace xsector {

namespace {

using nlohmann::ordered_json;

// ---- The coalition file as a document -------------------------------------------------

ordered_json sector_document(const Sector& s) {
  ordered_json d = {{"id", s.id}, {"name", s.name}, {"priority", to_string(s.priority)}};
  if (!s.examples.empty()) d["examples"] = s.examples;
  if (!s.aliases.empty()) d["aliases"] = s.aliases;
  if (!s.source.empty()) d["source"] = s.source;
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
    if (!m.contacts.empty()) d["contacts"] = contacts_document(m);
    doc["members"].push_back(std::move(d));
  }
  if (!c.ties.empty()) {
    doc["ties"] = ordered_json::array();
    for (const Tie& t : c.ties) doc["ties"].push_back(tie_document(c, t));
  }
  if (!c.governance.empty()) doc["governance"] = governance_document(c);
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
        out << YAML::Key << key << YAML::Value;
        emit(out, item, flow_lists);
      }
      out << YAML::EndMap;
      break;
    case ordered_json::value_t::array: {
      const bool scalars =
          std::all_of(value.begin(), value.end(), [](const auto& v) { return !v.is_structured(); });
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
    case ordered_json::value_t::boolean:
      out << (value.get<bool>() ? "true" : "false");
      break;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned:
      out << value.dump();
      break;
    case ordered_json::value_t::number_float:
      out << detail::number_text(value.get<double>());
      break;
    default:
      out << YAML::Null;
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

std::string trim(std::string s) {
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

/// A row of a CSV sheet with the line it starts on.
struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

/// RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and
/// line breaks. Returns an error message for an unterminated quote.
std::vector<CsvRow> parse_csv(std::string_view text, std::string& error, int& error_line) {
  std::vector<CsvRow> rows;
  CsvRow row;
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
    } else if (ch == ',') {
      row.cells.push_back(cell);
      cell.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.cells.push_back(cell);
        rows.push_back(row);
      }
      row = CsvRow{};
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

/// Cells of a sheet by column name (case-insensitive).
class Sheet {
 public:
  Sheet(std::string_view text, std::string file, std::vector<Diagnostic>& fatal) : file_(std::move(file)) {
    std::string error;
    int error_line = 1;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // the byte-order mark Excel writes
    rows_ = parse_csv(text, error, error_line);
    if (!error.empty()) fatal.push_back({file_, {error_line, 1}, error});
    if (rows_.empty()) {
      fatal.push_back({file_, {1, 1}, "the sheet is empty: it needs a header row"});
      return;
    }
    for (std::size_t k = 0; k < rows_[0].cells.size(); ++k) {
      const std::string name = lower(trim(rows_[0].cells[k]));
      if (name.empty()) continue;
      if (const auto [it, fresh] = columns_.emplace(name, k); !fresh) {
        fatal.push_back(
            {file_,
             {rows_[0].line, 1},
             fmt::format("column '{}' appears twice (columns {} and {}): which one holds the data is "
                         "unclear; rename or remove one",
                         trim(rows_[0].cells[k]), it->second + 1, k + 1)});
      }
    }
    rows_.erase(rows_.begin());
  }
  [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }
  [[nodiscard]] bool has(const std::string& column) const { return columns_.contains(column); }
  [[nodiscard]] std::string get(const CsvRow& row, const std::string& column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row.cells.size()) return {};
    return trim(detail::csv_text_value(row.cells[it->second]));
  }
  [[nodiscard]] std::vector<std::string> unknown(const std::set<std::string>& known) const {
    std::vector<std::string> out;
    for (const auto& [name, k] : columns_) {
      if (known.contains(name)) continue;
      const bool used = std::any_of(rows_.begin(), rows_.end(), [&, k = k](const CsvRow& r) {
        return k < r.cells.size() && !trim(r.cells[k]).empty();
      });
      if (used) out.push_back(name);
    }
    return out;
  }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<CsvRow> rows_;
  std::map<std::string, std::size_t> columns_;
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

std::optional<int> level_of(const std::string& s) {
  static const std::vector<std::string> names = {"networking", "coordinating", "cooperating",
                                                 "collaborating"};
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
std::string fragment(const ordered_json* item, const std::string* key, const ordered_json* value,
                     int indent) {
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
      for (std::size_t i = 0; i < value.size(); ++i)
        add(fragment(&value[i], nullptr, nullptr, 2), items->second[i]);
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
      const bool repeated = std::any_of(mapped.begin(), mapped.end(),
                                        [&](const Diagnostic& m) { return m.str() == out.str(); });
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
  const auto folder =
      std::filesystem::absolute(std::filesystem::path(output), ec).parent_path().lexically_normal();
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
          if (text.find_first_not_of(" \t\r\n") != std::string::npos)
            fail(mark_, "text outside the root element");
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
          if (e.attribute(a.name) != nullptr)
            fail(a.pos, fmt::format("attribute '{}' is given twice", a.name));
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
      fail(here(), fmt::format("<{}> opened at {}:{} is never closed", qnames_[open.back()], e.pos.line,
                               e.pos.column));
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
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      advance(1);
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
  throw UsageError(fmt::format("unknown export format '{}': use graphml, json, csv, dl or dot", name));
}

std::string coalition_yaml(const Coalition& c) { return yaml_text(coalition_document(c), ""); }

std::string export_graphml(const Coalition& c) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)";
  const std::vector<std::tuple<std::string, std::string, std::string>> keys = {
      {"graph", "name", "string"},
      {"graph", "place", "string"},
      {"graph", "as_of", "string"},
      {"graph", "backbone", "string"},
      {"graph", "taxonomy", "string"},
      {"graph", "sectors", "string"},
      {"graph", "governance", "string"},
      {"node", "name", "string"},
      {"node", "sector", "string"},
      {"node", "sector_name", "string"},
      {"node", "community_led", "boolean"},
      {"node", "lived_experience", "boolean"},
      {"node", "funding", "double"},
      {"node", "tags", "string"},
      {"node", "contacts", "string"},
      {"edge", "level", "int"},
      {"edge", "level_name", "string"},
      {"edge", "kinds", "string"},
      {"edge", "directed", "boolean"},
      {"edge", "carried_by", "string"}};
  for (const auto& [domain, name, type] : keys) {
    out += fmt::format(R"(  <key id="{}_{}" for="{}" attr.name="{}" attr.type="{}"/>)", domain[0], name,
                       domain, name, type);
    out += "\n";
  }
  auto data = [](char domain, const std::string& key, const std::string& value) {
    return fmt::format(R"(<data key="{}_{}">{}</data>)", domain, key, xml_escaped(value));
  };
  out += "  <graph id=\"coalition\" edgedefault=\"undirected\">\n    ";
  const ordered_json doc = coalition_document(c);
  out += data('g', "name", c.name);
  if (!c.place.empty()) out += data('g', "place", c.place);
  if (!c.as_of.empty()) out += data('g', "as_of", c.as_of);
  if (c.backbone) out += data('g', "backbone", c.members[*c.backbone].id);
  out += data('g', "taxonomy", doc["coalition"]["taxonomy"].get<std::string>());
  out += data('g', "sectors", doc.contains("sectors") ? json_text(doc["sectors"]) : "[]");
  out += data('g', "governance", doc.contains("governance") ? json_text(doc["governance"]) : "[]");
  out += "\n";
  for (const Member& m : c.members) {
    out += fmt::format(R"(    <node id="{}">)", xml_escaped(m.id));
    out += data('n', "name", m.name) + data('n', "sector", m.sector);
    if (const Sector* s = c.find_sector(m.sector)) out += data('n', "sector_name", s->name);
    out += data('n', "community_led", m.community_led ? "true" : "false");
    out += data('n', "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) out += data('n', "funding", detail::number_text(*m.funding));
    out += data('n', "tags", json_text(ordered_json(m.tags)));
    if (!m.contacts.empty()) out += data('n', "contacts", json_text(contacts_document(m)));
    out += "</node>\n";
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    out += fmt::format(R"(    <edge id="t{}" source="{}" target="{}">)", t, xml_escaped(c.members[tie.a].id),
                       xml_escaped(c.members[tie.b].id));
    out += data('e', "level", fmt::format("{}", static_cast<int>(tie.level)));
    out += data('e', "level_name", std::string(to_string(tie.level)));
    out += data('e', "kinds", json_text(ordered_json(tie.kinds)));
    out += data('e', "directed", tie.directed ? "true" : "false");
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
    if (!tie.carried_by.empty()) l["carried_by"] = tie.carried_by;
    if (multigraph) l["key"] = t;
    links.push_back(l);
  }
  return ordered_json{{"directed", false},
                      {"multigraph", multigraph},
                      {"graph", graph},
                      {"nodes", nodes},
                      {"links", links}}
             .dump(2, ' ', false, ordered_json::error_handler_t::replace) +
         "\n";
}

KumuSheets export_kumu(const Coalition& c) {
  KumuSheets out;
  // Contacts are two fields of their member (ids, and roles in the same order; names are
  // personal data and stay out of a map meant for sharing) and carriers one field of a tie,
  // written only when the file lists contacts.
  const bool people = std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return !m.contacts.empty(); });
  out.elements = "Label,Type,Description,Tags,ID,Sector,Community Led,Lived Experience,Funding";
  out.elements += people ? ",Contacts,Contact Roles\n" : "\n";
  for (const Member& m : c.members) {
    const Sector* s = c.find_sector(m.sector);
    out.elements +=
        fmt::format("{},{},,{},{},{},{},{},{}", csv_cell(m.name), csv_cell(s ? s->name : m.sector),
                    csv_cell(fmt::format("{}", fmt::join(m.tags, "|"))), m.id, m.sector,
                    m.community_led ? "true" : "false", m.lived_experience ? "true" : "false",
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
    out.elements += "\n";
  }
  out.connections = people ? "From,To,Type,Direction,Strength,Tags,Carried By\n" : "From,To,Type,Direction,Strength,Tags\n";
  for (const Tie& t : c.ties) {
    out.connections +=
        fmt::format("{},{},{},{},{},{}", c.members[t.a].id, c.members[t.b].id, to_string(t.level),
                    t.directed ? "directed" : "undirected", static_cast<int>(t.level),
                    csv_cell(fmt::format("{}", fmt::join(t.kinds, "|"))));
    if (people) out.connections += "," + csv_cell(fmt::format("{}", fmt::join(t.carried_by, "|")));
    out.connections += "\n";
  }
  return out;
}

std::string export_dl(const Coalition& c) {
  std::string out = fmt::format("dl n={} format=edgelist1\nlabels:\n", c.members.size());
  std::vector<std::string> labels;
  for (const Member& m : c.members) labels.push_back(m.id);
  out += fmt::format("{}\ndata:\n", fmt::join(labels, ","));
  for (const Tie& t : c.ties) {
    out += fmt::format("{} {} {}\n", t.a + 1, t.b + 1, static_cast<int>(t.level));
    if (!t.directed) out += fmt::format("{} {} {}\n", t.b + 1, t.a + 1, static_cast<int>(t.level));
  }
  return out;
}

Imported import_kumu(std::string_view elements_text, const std::string& elements_file,
                     std::string_view connections_text, const std::string& connections_file,
                     const ImportOptions& options) {
  RowProblems problems(options);
  const Sheet elements(elements_text, elements_file, problems.fatal());
  const Sheet connections(connections_text, connections_file, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  if (!elements.has("id") && !elements.has("label")) {
    problems.add_fatal({elements_file, {1, 1}, "the elements sheet needs an ID or a Label column"});
  }
  if (!elements.has("sector") && !elements.has("type")) {
    problems.add_fatal({elements_file, {1, 1}, "the elements sheet needs a Sector or a Type column"});
  }
  if (!connections.has("from") || !connections.has("to")) {
    problems.add_fatal({connections_file, {1, 1}, "the connections sheet needs From and To columns"});
  }
  if (!problems.fatal().empty()) problems.settle();
  const ImportTaxonomy imported_taxonomy = import_taxonomy(
      options.taxonomy.empty() ? std::string("cross-sector") : options.taxonomy, options.output);
  const Taxonomy& taxonomy = imported_taxonomy.taxonomy;
  Origins origins;
  origins.fallback = {elements_file, {1, 1}, ""};

  ordered_json members = ordered_json::array();
  std::map<std::string, std::string> id_of;  // ID or Label -> id
  std::set<std::string> ids;
  for (const auto& row : elements.rows()) {
    const std::string label = elements.get(row, "label");
    std::string id = elements.get(row, "id");
    if (id.empty()) id = slug_of(label);
    if (id.empty() || !detail::is_slug(id)) {
      problems.add(elements_file, row.line,
                   fmt::format("no usable ID: '{}' is not an id", id.empty() ? label : id));
      continue;
    }
    if (ids.contains(id)) {
      problems.add(elements_file, row.line, fmt::format("duplicate element '{}'", id));
      continue;
    }
    const std::string written =
        elements.has("sector") ? elements.get(row, "sector") : elements.get(row, "type");
    const std::string sector = find_sector(taxonomy, written);
    if (sector.empty()) {
      problems.add(elements_file, row.line,
                   fmt::format("sector '{}' is not in the {} taxonomy", written, taxonomy.id));
      continue;
    }
    const auto community = flag(elements.get(row, "community led"));
    const auto lived = flag(elements.get(row, "lived experience"));
    const std::string funding_text = elements.get(row, "funding");
    const auto funding = funding_text.empty() ? std::optional<double>() : number(funding_text);
    if (!community || !lived) {
      problems.add(elements_file, row.line, "Community Led and Lived Experience must be true or false");
      continue;
    }
    if (!funding_text.empty() && !funding) {
      problems.add(elements_file, row.line,
                   fmt::format("funding '{}' is not a number of at least 0", funding_text));
      continue;
    }
    ordered_json m = {{"id", id}, {"name", label.empty() ? id : label}, {"sector", sector}};
    if (*community) m["community_led"] = true;
    if (*lived) m["lived_experience"] = true;
    if (funding) m["funding"] = detail::without_negative_zero(*funding);
    if (const auto tags = split(elements.get(row, "tags"), '|'); !tags.empty()) m["tags"] = tags;
    if (const auto contacts = split(elements.get(row, "contacts"), '|'); !contacts.empty()) {
      const std::string roles_text = elements.get(row, "contact roles");
      auto roles = split(roles_text, '|');
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
    const bool clash = std::any_of(earlier.begin(), earlier.end(), [&](const auto& e) {
      return !(directed && e.second && e.first != from->second);
    });
    if (clash) {
      problems.add(connections_file, row.line,
                   fmt::format("'{}' and '{}' are already connected", from_text, to_text));
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
  std::vector<std::string> notes;
  for (const auto& column : elements.unknown({"label", "type", "description", "tags", "id", "sector",
                                              "community led", "lived experience", "funding", "contacts",
                                              "contact roles"})) {
    notes.push_back(fmt::format("{}: column '{}' has no place in a coalition file and was not imported",
                                elements_file, column));
  }
  if (elements.has("description")) {
    for (const auto& row : elements.rows()) {
      if (!elements.get(row, "description").empty()) {
        notes.push_back(
            fmt::format("{}: the Description column has no place in a coalition file and was not imported",
                        elements_file));
        break;
      }
    }
  }
  for (const auto& column : connections.unknown({"from", "to", "type", "direction", "strength", "tags", "carried by"})) {
    notes.push_back(fmt::format("{}: column '{}' has no place in a coalition file and was not imported",
                                connections_file, column));
  }
  auto skipped = problems.settle();
  if (members.empty()) throw InputError({Diagnostic{elements_file, {1, 1}, "no element could be imported"}});
  ordered_json doc = {{"coalition", {{"name", options.name}, {"taxonomy", imported_taxonomy.ref}}},
                      {"members", members}};
  if (!ties.empty()) doc["ties"] = ties;
  return finish(doc, origins, std::move(skipped), std::move(notes),
                elements_file + " and " + connections_file, options);
}

Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options) {
  const std::vector<XmlElement> el = XmlReader(xml, file).read();
  const XmlElement& root = el[0];
  if (root.name != "graphml") {
    throw InputError(
        {Diagnostic{file, root.pos, fmt::format("the root element is <{}>, not <graphml>", root.name)}});
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
    add(el[graphs[g]].pos,
        fmt::format("a second <graph>: a coalition file holds one network (the first <graph> is "
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
      if (key.fallback && (key.domain == domain || key.domain == "all"))
        out[key.name] = {*key.fallback, element.pos};
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
          fmt::format(
              "the graph names the taxonomy '{}', which is not built in ({}); a taxonomy file named inside "
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
      origins.keys[fmt::format("coalition.{}", key)] = {file, g.at(key).pos,
                                                        fmt::format("graph data '{}'", key)};
    }
  }
  header["taxonomy"] = taxonomy.ref;
  ordered_json doc = {{"coalition", header}};

  std::vector<std::string> declared;
  if (g.contains("sectors")) {
    const Datum& d = g.at("sectors");
    if (const auto sectors = json_of(d, "graph data 'sectors'"); sectors && !sectors->empty()) {
      doc["sectors"] = *sectors;
      origins.keys["sectors"] = {file, d.pos, "graph data 'sectors'"};
      for (std::size_t i = 0; i < sectors->size(); ++i) {
        const ordered_json& s = (*sectors)[i];
        if (s.is_object() && s.contains("id") && s["id"].is_string())
          declared.push_back(s["id"].get<std::string>());
        origins.items["sectors"].push_back(
            {file, d.pos, fmt::format("graph data 'sectors', item {}", i + 1)});
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
      add(id_attribute->pos,
          fmt::format("node id '{}' has no letter or digit to make a member id from", raw));
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
    if (sector.empty() && std::find(declared.begin(), declared.end(), written) != declared.end())
      sector = written;
    if (sector.empty()) {
      add(d.at("sector").pos,
          fmt::format("{}: sector '{}' is not in the {} taxonomy nor in graph data 'sectors'", what, written,
                      taxonomy.taxonomy.id));
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
        add(d.at("directed").pos,
            fmt::format("{}: directed '{}' is not true or false", what, d.at("directed").value));
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
        origins.items["governance"].push_back(
            {file, d.pos, fmt::format("graph data 'governance', body {}", i + 1)});
      }
    }
  }
  auto skipped = problems.settle();
  if (members.empty()) throw InputError({Diagnostic{file, graph.pos, "the graph has no node to import"}});
  return finish(doc, origins, std::move(skipped), {}, file, options);
}

}  // namespace xsector
