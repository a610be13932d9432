#include "xsector/exchange.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cctype>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "xsector/load.hpp"
#include "text.hpp"
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
    if (b.rule.kind == Rule::Kind::quota) d["rule"] = {{"quota", b.rule.explicit_quota}};
    else d["rule"] = b.rule.name();
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
  return d;
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
    if (m.funding) d["funding"] = *m.funding;
    if (!m.tags.empty()) d["tags"] = m.tags;
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
  static const std::set<std::string> special = {"null", "Null", "NULL", "~", "true", "false", "yes", "no",
                                                "True", "False", "Yes", "No", "on", "off"};
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
      const bool scalars = std::all_of(value.begin(), value.end(), [](const auto& v) { return !v.is_structured(); });
      if (flow_lists && scalars) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item, flow_lists);
      out << YAML::EndSeq;
      break;
    }
    case ordered_json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      if (plain_safe(s)) out << s;
      else out << YAML::DoubleQuoted << s;
      break;
    }
    case ordered_json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned: out << value.dump(); break;
    case ordered_json::value_t::number_float: out << fmt::format("{}", value.get<double>()); break;
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
std::vector<CsvRow> parse_csv(std::string_view text, std::string& error) {
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
  if (quoted) error = fmt::format("a quoted field opened on line {} is never closed", row.line);
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
    rows_ = parse_csv(text, error);
    if (!error.empty()) fatal.push_back({file_, {}, error});
    if (rows_.empty()) {
      fatal.push_back({file_, {}, "the sheet is empty: it needs a header row"});
      return;
    }
    for (std::size_t k = 0; k < rows_[0].cells.size(); ++k) columns_[lower(trim(rows_[0].cells[k]))] = k;
    rows_.erase(rows_.begin());
  }
  [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }
  [[nodiscard]] bool has(const std::string& column) const { return columns_.contains(column); }
  [[nodiscard]] std::string get(const CsvRow& row, const std::string& column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row.cells.size()) return {};
    return trim(row.cells[it->second]);
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
    if (std::isalnum(ch)) out += static_cast<char>(ch);
    else if (!out.empty() && out.back() != '-') out += '-';
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

/// Validates the document by loading it, exactly as a file written from it would load.
Imported finish(const ordered_json& doc, std::vector<Diagnostic> skipped, std::vector<std::string> notes,
                const std::string& source) {
  Imported out;
  out.yaml = yaml_text(doc, fmt::format("# Imported by xsector from {}.\n", source));
  parse_coalition(out.yaml, "<imported>");  // throws if the import built something invalid
  out.skipped = std::move(skipped);
  out.notes = std::move(notes);
  return out;
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

std::string coalition_yaml(const Coalition& c) {
  return yaml_text(coalition_document(c), "");
}

std::string export_graphml(const Coalition& c) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)";
  const std::vector<std::tuple<std::string, std::string, std::string>> keys = {
      {"graph", "name", "string"},        {"graph", "place", "string"},        {"graph", "as_of", "string"},
      {"graph", "backbone", "string"},    {"graph", "taxonomy", "string"},     {"graph", "sectors", "string"},
      {"graph", "governance", "string"},  {"node", "name", "string"},          {"node", "sector", "string"},
      {"node", "sector_name", "string"},  {"node", "community_led", "boolean"}, {"node", "lived_experience", "boolean"},
      {"node", "funding", "double"},      {"node", "tags", "string"},          {"edge", "level", "int"},
      {"edge", "level_name", "string"},   {"edge", "kinds", "string"},         {"edge", "directed", "boolean"}};
  for (const auto& [domain, name, type] : keys) {
    out += fmt::format(R"(  <key id="{}_{}" for="{}" attr.name="{}" attr.type="{}"/>)", domain[0], name, domain, name, type);
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
  out += data('g', "sectors", doc.contains("sectors") ? doc["sectors"].dump() : "[]");
  out += data('g', "governance", doc.contains("governance") ? doc["governance"].dump() : "[]");
  out += "\n";
  for (const Member& m : c.members) {
    out += fmt::format(R"(    <node id="{}">)", xml_escaped(m.id));
    out += data('n', "name", m.name) + data('n', "sector", m.sector);
    if (const Sector* s = c.find_sector(m.sector)) out += data('n', "sector_name", s->name);
    out += data('n', "community_led", m.community_led ? "true" : "false");
    out += data('n', "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) out += data('n', "funding", fmt::format("{}", *m.funding));
    out += data('n', "tags", ordered_json(m.tags).dump());
    out += "</node>\n";
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    out += fmt::format(R"(    <edge id="t{}" source="{}" target="{}">)", t, xml_escaped(c.members[tie.a].id),
                       xml_escaped(c.members[tie.b].id));
    out += data('e', "level", fmt::format("{}", static_cast<int>(tie.level)));
    out += data('e', "level_name", std::string(to_string(tie.level)));
    out += data('e', "kinds", ordered_json(tie.kinds).dump());
    out += data('e', "directed", tie.directed ? "true" : "false");
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
    if (multigraph) l["key"] = t;
    links.push_back(l);
  }
  return ordered_json{{"directed", false}, {"multigraph", multigraph}, {"graph", graph}, {"nodes", nodes}, {"links", links}}
             .dump(2) +
         "\n";
}

KumuSheets export_kumu(const Coalition& c) {
  KumuSheets out;
  out.elements = "Label,Type,Description,Tags,ID,Sector,Community Led,Lived Experience,Funding\n";
  for (const Member& m : c.members) {
    const Sector* s = c.find_sector(m.sector);
    out.elements += fmt::format("{},{},,{},{},{},{},{},{}\n", csv_cell(m.name), csv_cell(s ? s->name : m.sector),
                                csv_cell(fmt::format("{}", fmt::join(m.tags, "|"))), m.id, m.sector,
                                m.community_led ? "true" : "false", m.lived_experience ? "true" : "false",
                                m.funding ? fmt::format("{}", *m.funding) : "");
  }
  out.connections = "From,To,Type,Direction,Strength,Tags\n";
  for (const Tie& t : c.ties) {
    out.connections += fmt::format("{},{},{},{},{},{}\n", c.members[t.a].id, c.members[t.b].id, to_string(t.level),
                                   t.directed ? "directed" : "undirected", static_cast<int>(t.level),
                                   csv_cell(fmt::format("{}", fmt::join(t.kinds, "|"))));
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
  const Taxonomy taxonomy = resolve_taxonomy(options.taxonomy);

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
    const std::string written = elements.has("sector") ? elements.get(row, "sector") : elements.get(row, "type");
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
      problems.add(elements_file, row.line, fmt::format("funding '{}' is not a number of at least 0", funding_text));
      continue;
    }
    ordered_json m = {{"id", id}, {"name", label.empty() ? id : label}, {"sector", sector}};
    if (*community) m["community_led"] = true;
    if (*lived) m["lived_experience"] = true;
    if (funding) m["funding"] = *funding;
    if (const auto tags = split(elements.get(row, "tags"), '|'); !tags.empty()) m["tags"] = tags;
    members.push_back(m);
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
    ties.push_back(t);
  }
  std::vector<std::string> notes;
  for (const auto& column : elements.unknown({"label", "type", "description", "tags", "id", "sector", "community led",
                                              "lived experience", "funding"})) {
    notes.push_back(fmt::format("{}: column '{}' has no place in a coalition file and was not imported",
                                elements_file, column));
  }
  if (elements.has("description")) {
    for (const auto& row : elements.rows()) {
      if (!elements.get(row, "description").empty()) {
        notes.push_back(fmt::format("{}: the Description column has no place in a coalition file and was not imported",
                                    elements_file));
        break;
      }
    }
  }
  for (const auto& column : connections.unknown({"from", "to", "type", "direction", "strength", "tags"})) {
    notes.push_back(fmt::format("{}: column '{}' has no place in a coalition file and was not imported",
                                connections_file, column));
  }
  auto skipped = problems.settle();
  if (members.empty()) throw InputError({Diagnostic{elements_file, {}, "no element could be imported"}});
  ordered_json doc = {{"coalition", {{"name", options.name}, {"taxonomy", options.taxonomy}}}, {"members", members}};
  if (!ties.empty()) doc["ties"] = ties;
  return finish(doc, std::move(skipped), std::move(notes), elements_file + " and " + connections_file);
}

Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options) {
  namespace pt = boost::property_tree;
  pt::ptree tree;
  try {
    std::istringstream in{std::string(xml)};
    pt::read_xml(in, tree);
  } catch (const pt::xml_parser_error& e) {
    throw InputError({Diagnostic{file, {static_cast<int>(e.line()), 1}, fmt::format("not valid XML: {}", e.message())}});
  }
  RowProblems problems(options);
  const auto root = tree.get_child_optional("graphml");
  const auto graph = root ? root->get_child_optional("graph") : boost::none;
  if (!graph) throw InputError({Diagnostic{file, {}, "no <graphml><graph> element"}});
  std::map<std::string, std::string> key_name;  // key id -> attr.name
  for (const auto& [tag, child] : *root) {
    // "attr.name" holds a dot, the ptree path separator: address it with '/' instead.
    if (tag == "key") {
      key_name[child.get<std::string>("<xmlattr>.id", "")] =
          child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/'), "");
    }
  }
  auto data_of = [&](const pt::ptree& element) {
    std::map<std::string, std::string> out;
    for (const auto& [tag, child] : element) {
      if (tag != "data") continue;
      const std::string key = child.get<std::string>("<xmlattr>.key", "");
      out[key_name.contains(key) ? key_name[key] : key] = child.get_value<std::string>();
    }
    return out;
  };
  auto json_list = [](const std::string& text) -> std::optional<ordered_json> {
    if (trim(text).empty()) return ordered_json::array();
    const ordered_json v = ordered_json::parse(text, nullptr, false);
    if (v.is_discarded()) return std::nullopt;
    return v;
  };
  const auto g = data_of(*graph);
  const Taxonomy taxonomy = resolve_taxonomy(g.contains("taxonomy") ? g.at("taxonomy") : options.taxonomy);
  ordered_json header = {{"name", g.contains("name") && !g.at("name").empty() ? g.at("name") : options.name}};
  for (const char* key : {"place", "as_of", "backbone"}) {
    if (g.contains(key) && !g.at(key).empty()) header[key] = g.at(key);
  }
  header["taxonomy"] = g.contains("taxonomy") ? g.at("taxonomy") : options.taxonomy;
  ordered_json doc = {{"coalition", header}};
  std::vector<std::string> declared;
  if (g.contains("sectors")) {
    const auto sectors = json_list(g.at("sectors"));
    if (!sectors || !sectors->is_array()) problems.add_fatal({file, {}, "graph data 'sectors' is not a JSON list"});
    else if (!sectors->empty()) {
      doc["sectors"] = *sectors;
      for (const auto& s : *sectors) declared.push_back(s.value("id", ""));
    }
  }
  ordered_json members = ordered_json::array();
  std::set<std::string> ids;
  for (const auto& [tag, node] : *graph) {
    if (tag != "node") continue;
    const std::string id = node.get<std::string>("<xmlattr>.id", "");
    const auto d = data_of(node);
    if (!detail::is_slug(id)) {
      problems.add_fatal({file, {}, fmt::format("node '{}': the id is not an id", id)});
      continue;
    }
    const std::string written = d.contains("sector") ? d.at("sector") : "";
    std::string sector = find_sector(taxonomy, written);
    if (sector.empty() && std::find(declared.begin(), declared.end(), written) != declared.end()) sector = written;
    if (sector.empty()) {
      problems.add_fatal({file, {}, fmt::format("node '{}': sector '{}' is not in the {} taxonomy", id, written, taxonomy.id)});
      continue;
    }
    const std::string name = d.contains("name") ? d.at("name") : (d.contains("label") ? d.at("label") : id);
    ordered_json m = {{"id", id}, {"name", name}, {"sector", sector}};
    if (d.contains("community_led") && flag(d.at("community_led")).value_or(false)) m["community_led"] = true;
    if (d.contains("lived_experience") && flag(d.at("lived_experience")).value_or(false)) m["lived_experience"] = true;
    if (d.contains("funding") && !d.at("funding").empty()) {
      if (const auto f = number(d.at("funding"))) m["funding"] = *f;
      else problems.add_fatal({file, {}, fmt::format("node '{}': funding '{}' is not a number", id, d.at("funding"))});
    }
    if (d.contains("tags")) {
      const auto tags = json_list(d.at("tags"));
      if (!tags) problems.add_fatal({file, {}, fmt::format("node '{}': tags are not a JSON list", id)});
      else if (!tags->empty()) m["tags"] = *tags;
    }
    members.push_back(m);
    ids.insert(id);
  }
  ordered_json ties = ordered_json::array();
  for (const auto& [tag, edge] : *graph) {
    if (tag != "edge") continue;
    const std::string source = edge.get<std::string>("<xmlattr>.source", "");
    const std::string target = edge.get<std::string>("<xmlattr>.target", "");
    const auto d = data_of(edge);
    if (!ids.contains(source) || !ids.contains(target)) {
      problems.add_fatal({file, {}, fmt::format("edge {}-{}: an end is not a node", source, target)});
      continue;
    }
    const auto level = level_of(d.contains("level") ? d.at("level") : "1");
    if (!level) {
      problems.add_fatal({file, {}, fmt::format("edge {}-{}: level '{}' is not 1-4", source, target, d.at("level"))});
      continue;
    }
    const bool directed = (d.contains("directed") && flag(d.at("directed")).value_or(false)) ||
                          edge.get<std::string>("<xmlattr>.directed", "false") == "true";
    ordered_json t;
    if (directed) {
      t["from"] = source;
      t["to"] = target;
    } else {
      t["between"] = {source, target};
    }
    t["level"] = to_string(static_cast<TieLevel>(*level));
    if (d.contains("kinds")) {
      const auto kinds = json_list(d.at("kinds"));
      if (!kinds) problems.add_fatal({file, {}, fmt::format("edge {}-{}: kinds are not a JSON list", source, target)});
      else if (!kinds->empty()) t["kinds"] = *kinds;
    }
    ties.push_back(t);
  }
  doc["members"] = members;
  if (!ties.empty()) doc["ties"] = ties;
  if (g.contains("governance")) {
    const auto bodies = json_list(g.at("governance"));
    if (!bodies || !bodies->is_array()) problems.add_fatal({file, {}, "graph data 'governance' is not a JSON list"});
    else if (!bodies->empty()) doc["governance"] = *bodies;
  }
  auto skipped = problems.settle();
  return finish(doc, std::move(skipped), {}, file);
}

}  // namespace xsector
