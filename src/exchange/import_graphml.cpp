#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "exchange/graphml_pieces.hpp"
#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "exchange/xml_reader.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"

namespace xsector {

using namespace detail;

namespace {

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

Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options) {
  const std::vector<XmlElement> el = read_xml(xml, file);
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
  }
  if (given.empty()) given = "cross-sector";
  const ImportTaxonomy taxonomy = import_taxonomy(given, options.output);

  const LoadOptions load_options;
  CoalitionLoader loader(file, load_options);
  YamlReader& reader = loader.reader();
  Coalition& c = loader.coalition();
  Provenance where({file, graph.pos, ""});
  Pieces pieces(loader, problems);
  c.taxonomy = taxonomy.taxonomy;
  c.taxonomy_ref = taxonomy.ref;
  auto given_in = [&](const std::map<std::string, Datum>& data, const char* key) {
    return data.contains(key) && !trim(data.at(key).value).empty();
  };
  // Data 'attributes' of a node or edge: a JSON object of names to single values (numbers and
  // true/false kept as their JSON text), read by the loader's attributes reader.
  auto read_attributes = [&](const Datum& a, const std::string& what,
                             std::vector<std::pair<std::string, std::string>>& out) {
    ordered_json v = json_shallow(a.value) ? ordered_json::parse(a.value, nullptr, false) : ordered_json();
    const bool flat =
        v.is_object() && std::all_of(v.begin(), v.end(), [](const ordered_json& x) { return x.is_primitive(); });
    if (!flat) {
      add(a.pos, fmt::format("{}: attributes must be a JSON object of names to single values", what));
      return false;
    }
    if (v.empty()) return true;
    ordered_json attributes = ordered_json::object();
    for (const auto& [key, value] : v.items())
      attributes[key] = value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
    return pieces.read(json_text(attributes), a.pos, what, {}, [&](const Node& n) { loader.read_attributes(n, out); });
  };
  if (given_in(g, "name")) {
    pieces.read_text(g.at("name").value, g.at("name").pos, "graph data 'name'", [&](const Node& n) {
      if (auto v = reader.text(n, "the coalition's name")) c.name = *v;
    });
  } else {
    c.name = options.name;
  }
  if (given_in(g, "place")) {
    pieces.read_text(trim(g.at("place").value), g.at("place").pos, "graph data 'place'", [&](const Node& n) {
      if (auto v = reader.text(n, "place")) c.place = *v;
    });
  }
  if (given_in(g, "as_of")) {
    pieces.read_text(trim(g.at("as_of").value), g.at("as_of").pos, "graph data 'as_of'", [&](const Node& n) {
      if (auto v = reader.date(n, "as_of", "2024-06-30")) c.as_of = *v;
    });
  }

  if (g.contains("sectors")) {
    const Datum& d = g.at("sectors");
    if (const auto sectors = json_of(d, "graph data 'sectors'"); sectors && !sectors->empty()) {
      pieces.read(json_text(*sectors), d.pos, "graph data 'sectors'", "item",
                  [&](const Node& n) { loader.read_sectors(n); });
      for (std::size_t k = 0; k < c.extra_sectors.size(); ++k)
        c.extra_sectors[k].pos = where.mark({file, d.pos, fmt::format("graph data 'sectors', item {}", k + 1)});
    }
  }
  if (given_in(g, "waive")) {
    const Datum& d = g.at("waive");
    if (const auto list = json_of(d, "graph data 'waive'"); list && !list->empty()) {
      ordered_json waive = ordered_json::object();
      bool shaped = true;
      for (const auto& w : *list) {
        if (!w.is_object() || !w.contains("sector") || !w["sector"].is_string() || !w.contains("reason") ||
            !w["reason"].is_string()) {
          add(d.pos, "graph data 'waive' must be a JSON list of {\"sector\": id, \"reason\": text}");
          shaped = false;
          break;
        }
        waive[w["sector"].get<std::string>()] = w["reason"];
      }
      if (shaped) {
        pieces.read(json_text(waive), d.pos, "graph data 'waive'", {}, [&](const Node& n) { loader.read_waive(n); });
        for (Waiver& w : c.waivers) w.pos = where.mark({file, d.pos, "graph data 'waive'"});
      }
    }
  }

  std::map<std::string, std::size_t> node_index;  // the file's node id -> member index
  std::set<std::string> ids;
  std::set<std::string> refused;  // nodes with a problem in their own data (reported once, there)
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
    if (!given_in(d, "sector")) {
      add(node.pos, fmt::format("{} has no sector data", what));
      refused.insert(raw);
      continue;
    }
    const std::string written = trim(d.at("sector").value);
    std::string sector = find_sector(taxonomy.taxonomy, written);
    if (sector.empty() &&
        std::any_of(c.extra_sectors.begin(), c.extra_sectors.end(), [&](const Sector& s) { return s.id == written; }))
      sector = written;
    if (sector.empty()) {
      add(d.at("sector").pos, fmt::format("{}: sector '{}' is not in the {} taxonomy nor in graph data 'sectors'", what,
                                          written, taxonomy.taxonomy.id));
      refused.insert(raw);
      continue;
    }
    Member m;
    m.id = id;
    m.name = raw;
    if (given_in(d, "name"))
      m.name = d.at("name").value;
    else if (given_in(d, "label"))
      m.name = d.at("label").value;
    m.sector = sector;
    m.sector_as_written = sector;
    m.pos = where.mark({file, node.pos, what});
    bool ok = true;
    for (const char* field : {"community_led", "lived_experience"}) {
      if (!d.contains(field)) continue;
      const auto value = flag(trim(d.at(field).value));
      if (!value) {
        add(d.at(field).pos, fmt::format("{}: {} '{}' is not true or false", what, field, d.at(field).value));
        ok = false;
      } else {
        (std::string_view(field) == "community_led" ? m.community_led : m.lived_experience) = *value;
      }
    }
    if (given_in(d, "funding")) {
      if (const auto f = number(trim(d.at("funding").value))) {
        m.funding = detail::without_negative_zero(*f);
      } else {
        add(d.at("funding").pos,
            fmt::format("{}: funding '{}' is not a number of at least 0", what, d.at("funding").value));
        ok = false;
      }
    }
    if (d.contains("tags")) {
      const Datum& t = d.at("tags");
      const auto tags = json_of(t, what + ": tags");
      ok = tags &&
           (tags->empty() || pieces.read(json_text(*tags), t.pos, what, {},
                                         [&](const Node& n) {
                                           if (auto v = reader.text_list(n, "tags")) m.tags = *v;
                                         })) &&
           ok;
    }
    if (given_in(d, "attributes")) ok = read_attributes(d.at("attributes"), what, m.attributes) && ok;
    if (d.contains("contacts")) {
      const Datum& p = d.at("contacts");
      const auto contacts = json_of(p, what + ": contacts");
      ok = contacts &&
           (contacts->empty() ||
            pieces.read(json_text(*contacts), p.pos, what, {}, [&](const Node& n) { loader.read_contacts(n, m); })) &&
           ok;
      for (Contact& person : m.contacts) person.pos = where.mark({file, p.pos, what});
    }
    if (!ok) {
      refused.insert(raw);
      continue;
    }
    ids.insert(id);
    node_index[raw] = c.members.size();
    c.members.push_back(std::move(m));
  }
  if (given_in(g, "backbone")) {
    pieces.read_text(trim(g.at("backbone").value), g.at("backbone").pos, "graph data 'backbone'", [&](const Node& n) {
      if (auto id = reader.slug(n, "backbone")) c.backbone = loader.member_ref(n, *id, "backbone");
    });
  }

  for (const auto k : graph.children) {
    const XmlElement& edge = el[k];
    if (edge.name != "edge") continue;
    const std::string source = edge.get("source");
    const std::string target = edge.get("target");
    const std::string what = fmt::format("edge {} -> {}", source, target);
    const auto from = node_index.find(source);
    const auto to = node_index.find(target);
    if (from == node_index.end() || to == node_index.end()) {
      const std::string& missing = from == node_index.end() ? source : target;
      add(edge.pos, refused.contains(missing)
                        ? fmt::format("{}: left out with node '{}', whose data has a problem (above)", what, missing)
                        : fmt::format("{}: '{}' is not a node", what, missing));
      continue;
    }
    const auto d = data_of(edge, "edge");
    // An edge made from survey responses comes back from the graph's survey data, not as a tie.
    if (d.contains("from_survey") && flag(trim(d.at("from_survey").value)).value_or(false) && g.contains("survey")) {
      continue;
    }
    std::optional<int> level = 1;
    if (given_in(d, "level"))
      level = level_of(trim(d.at("level").value));
    else if (given_in(d, "level_name"))
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
    Tie t;
    t.a = from->second;
    t.b = to->second;
    t.directed = directed;
    t.form = directed ? TieForm::from_to : TieForm::between;
    t.level = static_cast<TieLevel>(*level);
    t.pos = where.mark({file, edge.pos, what});
    if (d.contains("kinds")) {
      const auto kinds = json_of(d.at("kinds"), what + ": kinds");
      if (!kinds) continue;
      if (!kinds->empty() && !pieces.read(json_text(*kinds), d.at("kinds").pos, what, {}, [&](const Node& n) {
            if (auto v = reader.text_list(n, "kinds")) t.kinds = *v;
          }))
        continue;
    }
    if (given_in(d, "attributes") && !read_attributes(d.at("attributes"), what, t.attributes)) continue;
    const std::size_t before = pieces.mark();
    loader.tied_to_itself(t);
    if (!pieces.report(before, edge.pos, what)) continue;
    if (d.contains("carried_by")) {
      const auto carriers = json_of(d.at("carried_by"), what + ": carried_by");
      if (!carriers) continue;
      if (!carriers->empty() && !pieces.read(json_text(*carriers), d.at("carried_by").pos, what, {},
                                             [&](const Node& n) { loader.read_carriers(n, t); }))
        continue;
    }
    const std::size_t mark = pieces.mark();
    loader.add_tie(std::move(t));
    pieces.report(mark, edge.pos, what);
  }
  if (g.contains("governance")) {
    const Datum& d = g.at("governance");
    if (const auto bodies = json_of(d, "graph data 'governance'"); bodies && !bodies->empty()) {
      pieces.read(json_text(*bodies), d.pos, "graph data 'governance'", "body",
                  [&](const Node& n) { loader.read_governance(n); });
      for (std::size_t k = 0; k < c.governance.size(); ++k) {
        Body& b = c.governance[k];
        b.pos = where.mark({file, d.pos, fmt::format("graph data 'governance', body {}", k + 1)});
        for (Seat& seat : b.seats) seat.pos = b.pos;
      }
    }
  }
  if (g.contains("survey")) {
    const Datum& d = g.at("survey");
    if (const auto survey = json_of(d, "graph data 'survey'"); survey && !survey->empty()) {
      if (survey->size() != 1 || !(*survey)[0].is_object()) {
        add(d.pos, "graph data 'survey' must be a JSON list holding one survey object");
      } else {
        pieces.read(json_text((*survey)[0]), d.pos, "graph data 'survey'", {},
                    [&](const Node& n) { loader.read_survey(n); });
        if (c.survey) {
          c.survey->pos = where.mark({file, d.pos, "graph data 'survey'"});
          for (Response& r : c.survey->responses) r.pos = c.survey->pos;
        }
      }
    }
  }
  auto skipped = problems.settle();
  if (c.members.empty()) throw InputError({Diagnostic{file, graph.pos, "the graph has no node to import"}});
  c.index_members();
  check_import(c, where);
  Imported out;
  out.yaml = fmt::format("# Imported by xsector from {}.\n", file) + coalition_yaml(c);
  out.skipped = std::move(skipped);
  return out;
}

}  // namespace xsector
