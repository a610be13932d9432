#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "exchange/exchange_yaml.hpp"
#include "exchange/sheets.hpp"
#include "xsector/exchange.hpp"

namespace xsector {

using detail::csv_cell;
using detail::ordered_json;

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

std::string export_node_link(const Coalition& c) {
  const ordered_json doc = detail::coalition_document(c);
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
    if (!tie.attributes.empty()) l["attributes"] = detail::attributes_document(tie.attributes);
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
  std::vector<std::string> names = detail::attribute_names(c.members);
  std::erase(names, std::string("Description"));
  // Contacts are two fields of their member (ids, and roles in the same order; names are
  // personal data and stay out of a map meant for sharing) and carriers one field of a tie,
  // written only when the file lists contacts.
  const bool people =
      std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return !m.contacts.empty(); });
  out.elements = "Label,Type,Description,Tags,ID,Sector,Community Led,Lived Experience,Funding";
  if (people) out.elements += ",Contacts,Contact Roles";
  for (const auto& name : names)
    out.elements += ',' + csv_cell(detail::attribute_header(name, detail::SheetKind::members));
  out.elements += "\n";
  for (const Member& m : c.members) {
    const Sector* s = c.find_sector(m.sector);
    out.elements += fmt::format("{},{},{},{},{},{},{},{},{}", csv_cell(m.name), csv_cell(s ? s->name : m.sector),
                                csv_cell(detail::attribute_value(m.attributes, "Description")),
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
    for (const auto& v : detail::attribute_cells(m.attributes, names)) out.elements += ',' + csv_cell(v);
    out.elements += "\n";
  }
  // A connection's ID comes from its pair (`a->b` directed, `a--b` undirected with the ids
  // in order), never from its row, so the next wave imported into the same Kumu map updates
  // the same connections instead of adding copies.
  // A tie's attributes follow, one column each, as the members' do.
  const std::vector<std::string> tie_names = detail::attribute_names(c.ties);
  out.connections =
      people ? "From,To,Type,Direction,Strength,Tags,ID,Carried By" : "From,To,Type,Direction,Strength,Tags,ID";
  for (const auto& name : tie_names)
    out.connections += ',' + csv_cell(detail::attribute_header(name, detail::SheetKind::ties));
  out.connections += "\n";
  for (const Tie& t : c.ties) {
    const std::string& a = c.members[t.a].id;
    const std::string& b = c.members[t.b].id;
    const std::string id =
        t.directed ? fmt::format("{}->{}", a, b) : fmt::format("{}--{}", std::min(a, b), std::max(a, b));
    out.connections +=
        fmt::format("{},{},{},{},{},{},{}", a, b, to_string(t.level), t.directed ? "directed" : "undirected",
                    static_cast<int>(t.level), csv_cell(fmt::format("{}", fmt::join(t.kinds, "|"))), id);
    if (people) out.connections += "," + csv_cell(fmt::format("{}", fmt::join(t.carried_by, "|")));
    for (const auto& v : detail::attribute_cells(t.attributes, tie_names)) out.connections += ',' + csv_cell(v);
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

}  // namespace xsector
