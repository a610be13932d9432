#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "common/text.hpp"
#include "exchange/exchange_yaml.hpp"
#include "xsector/exchange.hpp"

namespace xsector {

using detail::ordered_json;

namespace {

std::string xml_escaped(std::string_view s) { return detail::html_escaped(s); }

}  // namespace

namespace {

// The <key> declarations of every graph, node and edge attribute the export may write.
std::string graphml_keys() {
  std::string out;
  static const std::vector<std::tuple<std::string, std::string, std::string>> keys = {
      {"graph", "name", "string"},
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
      {"edge", "carried_by", "string"},
      {"edge", "attributes", "string"}};
  for (const auto& [domain, name, type] : keys) {
    out += fmt::format(R"(  <key id="{}_{}" for="{}" attr.name="{}" attr.type="{}"/>)", domain[0], name, domain, name,
                       type);
    out += "\n";
  }
  return out;
}

std::string graphml_data(char domain, const std::string& key, const std::string& value) {
  return fmt::format(R"(<data key="{}_{}">{}</data>)", domain, key, xml_escaped(value));
}

// One <node> per member, in file order.
void write_graphml_nodes(const Coalition& c, std::string& out) {
  const auto data = graphml_data;
  for (const Member& m : c.members) {
    out += fmt::format(R"(    <node id="{}">)", xml_escaped(m.id));
    out += data('n', "name", m.name) + data('n', "sector", m.sector);
    if (const Sector* s = c.find_sector(m.sector)) out += data('n', "sector_name", s->name);
    out += data('n', "community_led", m.community_led ? "true" : "false");
    out += data('n', "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) out += data('n', "funding", detail::number_text(*m.funding));
    out += data('n', "tags", detail::json_text(ordered_json(m.tags)));
    if (!m.attributes.empty())
      out += data('n', "attributes", detail::json_text(detail::attributes_document(m.attributes)));
    if (!m.contacts.empty()) out += data('n', "contacts", detail::json_text(detail::contacts_document(m)));
    out += "</node>\n";
  }
}

// One <edge> per tie, in file order.
void write_graphml_edges(const Coalition& c, std::string& out) {
  const auto data = graphml_data;
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    out += fmt::format(R"(    <edge id="t{}" source="{}" target="{}"{}>)", t, xml_escaped(c.members[tie.a].id),
                       xml_escaped(c.members[tie.b].id), tie.directed ? R"( directed="true")" : "");
    out += data('e', "level", fmt::format("{}", static_cast<int>(tie.level)));
    out += data('e', "level_name", std::string(to_string(tie.level)));
    out += data('e', "kinds", detail::json_text(ordered_json(tie.kinds)));
    out += data('e', "directed", tie.directed ? "true" : "false");
    if (tie.from_survey) out += data('e', "from_survey", "true");
    if (!tie.carried_by.empty()) out += data('e', "carried_by", detail::json_text(ordered_json(tie.carried_by)));
    if (!tie.attributes.empty())
      out += data('e', "attributes", detail::json_text(detail::attributes_document(tie.attributes)));
    out += "</edge>\n";
  }
}

}  // namespace

std::string export_graphml(const Coalition& c) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)";
  out += graphml_keys();
  const auto data = graphml_data;
  // With a directed tie the graph is directed (NetworkX and igraph then read a DiGraph) and
  // each directed tie says so on its edge; an undirected tie is one edge whose `directed`
  // data is false. Without one the graph is undirected.
  const bool any_directed = std::any_of(c.ties.begin(), c.ties.end(), [](const Tie& t) { return t.directed; });
  out += fmt::format("  <graph id=\"coalition\" edgedefault=\"{}\">\n    ", any_directed ? "directed" : "undirected");
  const ordered_json doc = detail::coalition_document(c);
  out += data('g', "name", c.name);
  if (!c.place.empty()) out += data('g', "place", c.place);
  if (!c.as_of.empty()) out += data('g', "as_of", c.as_of);
  if (c.backbone) out += data('g', "backbone", c.members[*c.backbone].id);
  out += data('g', "taxonomy", doc["coalition"]["taxonomy"].get<std::string>());
  // Waived sectors as a JSON list of {"sector", "reason"}, written only when there are any.
  if (!c.waivers.empty()) {
    ordered_json waive = ordered_json::array();
    for (const Waiver& w : c.waivers) waive.push_back({{"sector", w.sector}, {"reason", w.reason}});
    out += data('g', "waive", detail::json_text(waive));
  }
  out += data('g', "sectors", doc.contains("sectors") ? detail::json_text(doc["sectors"]) : "[]");
  out += data('g', "governance", doc.contains("governance") ? detail::json_text(doc["governance"]) : "[]");
  // The survey section as a one-item JSON list (empty without a survey).
  if (doc.contains("survey")) out += data('g', "survey", detail::json_text(ordered_json::array({doc["survey"]})));
  out += "\n";
  write_graphml_nodes(c, out);
  write_graphml_edges(c, out);
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace xsector
