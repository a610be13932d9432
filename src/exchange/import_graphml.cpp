// GraphML in: the XML read by expat into the elements GraphML uses, then the keys, the
// graph's own data, the nodes and the edges, each by a reader of its own. Every look-up
// (keys, data, nodes, sectors) is hashed, so the time is linear in the file.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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

/// One GraphML file read into a coalition.
class GraphmlImport {
 public:
  GraphmlImport(const std::string& file, const ImportOptions& options, std::vector<XmlElement> elements)
      : file_(file),
        options_(options),
        el_(std::move(elements)),
        problems_(options),
        loader_(file, load_options_),
        reader_(loader_.reader()),
        c_(loader_.coalition()),
        pieces_(loader_, problems_),
        where_({file, el_[0].pos, ""}) {}

  Imported run();

 private:
  void add(SourcePos pos, std::string message) { problems_.add_fatal({file_, pos, std::move(message)}); }
  const XmlElement& find_graph();
  void use_taxonomy(const Data& g);
  void read_header(const Data& g);
  void read_sectors(const Data& g);
  void read_node(const XmlElement& node);
  bool read_member_data(const Data& d, const std::string& what, Member& m);
  void read_edge(const XmlElement& edge, bool directed_by_default, bool from_survey_skipped);
  bool read_tie_data(const Data& d, const std::string& what, SourcePos at, Tie& t);
  void read_bodies_and_survey(const Data& g);

  const std::string& file_;
  const ImportOptions& options_;
  std::vector<XmlElement> el_;
  Keys keys_;
  RowProblems problems_;
  const LoadOptions load_options_;
  CoalitionLoader loader_;
  YamlReader& reader_;
  Coalition& c_;
  Pieces pieces_;
  Provenance where_;
  ImportTaxonomy taxonomy_;
  std::unordered_set<std::string> extra_sectors_;
  std::unordered_map<std::string, std::size_t> node_index_;  // the file's node id -> member index
  std::unordered_set<std::string> ids_;
  std::unordered_set<std::string> refused_;  // nodes with a problem in their own data (reported once, there)
};

const XmlElement& GraphmlImport::find_graph() {
  const XmlElement& root = el_[0];
  if (root.name != "graphml") {
    throw InputError({Diagnostic{file_, root.pos, fmt::format("the root element is <{}>, not <graphml>", root.name)}});
  }
  std::vector<std::size_t> graphs;
  for (const auto k : root.children) {
    if (el_[k].name == "graph") graphs.push_back(k);
  }
  for (std::size_t k = 1; k < el_.size(); ++k) {
    if (el_[k].name == "graph" && el_[k].depth > 1)
      add(el_[k].pos, "a graph nested inside a node: xsector reads flat graphs");
    if (el_[k].name == "hyperedge") add(el_[k].pos, "a hyperedge: a tie joins two members");
  }
  if (graphs.empty()) throw InputError({Diagnostic{file_, root.pos, "no <graph> element in <graphml>"}});
  for (std::size_t g = 1; g < graphs.size(); ++g) {
    add(el_[graphs[g]].pos, fmt::format("a second <graph>: a coalition file holds one network (the first <graph> is "
                                        "at line {}); split the file and import each graph",
                                        el_[graphs[0]].pos.line));
  }
  return el_[graphs[0]];
}

void GraphmlImport::use_taxonomy(const Data& g) {
  std::string given = options_.taxonomy;
  if (const auto t = g.given("taxonomy"); given.empty() && t) {
    const std::string id = trim(std::string(t->value));
    if (!builtin_taxonomy(id)) {
      throw InputError({Diagnostic{
          file_, t->pos,
          fmt::format("the graph names the taxonomy '{}', which is not built in ({}); a taxonomy file named inside "
                      "an imported file is not read: check it, then pass it with --taxonomy",
                      t->value, fmt::join(builtin_taxonomy_ids(), ", "))}});
    }
    given = id;
  }
  if (given.empty()) given = "cross-sector";
  taxonomy_ = import_taxonomy(given, options_.output);
  c_.taxonomy = taxonomy_.taxonomy;
  c_.taxonomy_ref = taxonomy_.ref;
}

void GraphmlImport::read_header(const Data& g) {
  if (const auto d = g.given("name")) {
    pieces_.read_text(std::string(d->value), d->pos, "graph data 'name'", [&](const Node& n) {
      if (auto v = reader_.text(n, "the coalition's name")) c_.name = *v;
    });
  } else {
    c_.name = options_.name;
  }
  if (const auto d = g.given("place")) {
    pieces_.read_text(trim(std::string(d->value)), d->pos, "graph data 'place'", [&](const Node& n) {
      if (auto v = reader_.text(n, "place")) c_.place = *v;
    });
  }
  if (const auto d = g.given("as_of")) {
    pieces_.read_text(trim(std::string(d->value)), d->pos, "graph data 'as_of'", [&](const Node& n) {
      if (auto v = reader_.date(n, "as_of", "2024-06-30")) c_.as_of = *v;
    });
  }
}

void GraphmlImport::read_sectors(const Data& g) {
  if (const auto d = g.find("sectors")) {
    if (const auto sectors = pieces_.list_of(*d, "graph data 'sectors'"); sectors && sectors->items > 0) {
      pieces_.read(sectors->text, d->pos, "graph data 'sectors'", "item",
                   [&](const Node& n) { loader_.read_sectors(n); });
      for (std::size_t k = 0; k < c_.extra_sectors.size(); ++k)
        c_.extra_sectors[k].pos = where_.mark({file_, d->pos, fmt::format("graph data 'sectors', item {}", k + 1)});
    }
  }
  for (const Sector& s : c_.extra_sectors) extra_sectors_.insert(s.id);
  const auto d = g.given("waive");
  if (!d) return;
  const auto list = pieces_.list_of(*d, "graph data 'waive'");
  if (!list || list->items == 0) return;
  // A list of {"sector": id, "reason": text} becomes the file's map of sector: reason.
  const auto items = ordered_json::parse(list->text, nullptr, false);
  std::string waive = "{";
  for (const auto& w : items) {
    if (!w.is_object() || !w.contains("sector") || !w["sector"].is_string() || !w.contains("reason") ||
        !w["reason"].is_string()) {
      return add(d->pos, "graph data 'waive' must be a JSON list of {\"sector\": id, \"reason\": text}");
    }
    waive += (waive.size() > 1 ? "," : "") + json_text(w["sector"]) + ":" + json_text(w["reason"]);
  }
  pieces_.read(waive + "}", d->pos, "graph data 'waive'", {}, [&](const Node& n) { loader_.read_waive(n); });
  for (Waiver& w : c_.waivers) w.pos = where_.mark({file_, d->pos, "graph data 'waive'"});
}

void GraphmlImport::read_node(const XmlElement& node) {
  const XmlElement::Attribute* id_attribute = node.attribute("id");
  if (id_attribute == nullptr || id_attribute->value.empty()) return add(node.pos, "a node without an id");
  const std::string& raw = id_attribute->value;
  const std::string id = detail::is_slug(raw) ? raw : slug_of(raw);
  if (id.empty())
    return add(id_attribute->pos, fmt::format("node id '{}' has no letter or digit to make a member id from", raw));
  if (ids_.contains(id)) {
    return add(id_attribute->pos,
               id == raw ? fmt::format("node '{}' appears twice", raw)
                         : fmt::format("node '{}' becomes the member id '{}', which is already taken", raw, id));
  }
  const Data d(el_, node, keys_, kNode);
  const std::string what = fmt::format("node '{}'", raw);
  const auto sector_datum = d.given("sector");
  if (!sector_datum) {
    add(node.pos, fmt::format("{} has no sector data", what));
    refused_.insert(raw);
    return;
  }
  const std::string written = trim(std::string(sector_datum->value));
  std::string sector = find_sector(taxonomy_.taxonomy, written);
  if (sector.empty() && extra_sectors_.contains(written)) sector = written;
  if (sector.empty()) {
    add(sector_datum->pos, fmt::format("{}: sector '{}' is not in the {} taxonomy nor in graph data 'sectors'", what,
                                       written, taxonomy_.taxonomy.id));
    refused_.insert(raw);
    return;
  }
  Member m;
  m.id = id;
  m.name = raw;
  if (const auto name = d.given("name"))
    m.name = name->value;
  else if (const auto label = d.given("label"))
    m.name = label->value;
  m.sector = sector;
  m.sector_as_written = sector;
  m.pos = where_.mark({file_, node.pos, what});
  if (!read_member_data(d, what, m)) {
    refused_.insert(raw);
    return;
  }
  ids_.insert(id);
  node_index_[raw] = c_.members.size();
  c_.members.push_back(std::move(m));
}

bool GraphmlImport::read_member_data(const Data& d, const std::string& what, Member& m) {
  bool ok = true;
  for (const char* field : {"community_led", "lived_experience"}) {
    const auto f = d.find(field);
    if (!f) continue;
    if (const auto value = flag(trim(std::string(f->value)))) {
      (std::string_view(field) == "community_led" ? m.community_led : m.lived_experience) = *value;
    } else {
      add(f->pos, fmt::format("{}: {} '{}' is not true or false", what, field, f->value));
      ok = false;
    }
  }
  if (const auto f = d.given("funding")) {
    if (const auto v = number(trim(std::string(f->value)))) {
      m.funding = detail::without_negative_zero(*v);
    } else {
      add(f->pos, fmt::format("{}: funding '{}' is not a number of at least 0", what, f->value));
      ok = false;
    }
  }
  if (const auto t = d.find("tags")) {
    ok = pieces_.read_list(*t, what, what + ": tags", [&](const Node& n) {
      if (auto v = reader_.text_list(n, "tags")) m.tags = *v;
    }) && ok;
  }
  if (const auto a = d.given("attributes")) ok = pieces_.read_attributes(*a, what, m.attributes) && ok;
  if (const auto p = d.find("contacts")) {
    ok = pieces_.read_list(*p, what, what + ": contacts", [&](const Node& n) { loader_.read_contacts(n, m); }) && ok;
    for (Contact& person : m.contacts) person.pos = where_.mark({file_, p->pos, what});
  }
  return ok;
}

void GraphmlImport::read_edge(const XmlElement& edge, bool directed_by_default, bool survey_given) {
  const std::string source = edge.get("source");
  const std::string target = edge.get("target");
  const std::string what = fmt::format("edge {} -> {}", source, target);
  const auto from = node_index_.find(source);
  const auto to = node_index_.find(target);
  if (from == node_index_.end() || to == node_index_.end()) {
    const std::string& missing = from == node_index_.end() ? source : target;
    return add(edge.pos,
               refused_.contains(missing)
                   ? fmt::format("{}: left out with node '{}', whose data has a problem (above)", what, missing)
                   : fmt::format("{}: '{}' is not a node", what, missing));
  }
  const Data d(el_, edge, keys_, kEdge);
  // An edge made from survey responses comes back from the graph's survey data, not as a tie.
  const auto survey_made = d.find("from_survey");
  if (survey_given && survey_made && flag(trim(std::string(survey_made->value))).value_or(false)) return;
  std::optional<int> level = 1;
  const auto written_level = d.given("level") ? d.given("level") : d.given("level_name");
  if (written_level) level = level_of(trim(std::string(written_level->value)));
  if (!level) {
    const auto shown = d.find("level") ? d.find("level") : written_level;
    return add(shown->pos, fmt::format("{}: level '{}' is not 1-4 nor a level's name", what, shown->value));
  }
  bool directed = directed_by_default;
  if (const auto f = d.find("directed")) {
    const auto value = flag(trim(std::string(f->value)));
    if (!value) return add(f->pos, fmt::format("{}: directed '{}' is not true or false", what, f->value));
    directed = *value;
  } else if (const auto* a = edge.attribute("directed")) {
    if (a->value != "true" && a->value != "false")
      return add(a->pos, fmt::format("{}: directed=\"{}\" is not true or false", what, a->value));
    directed = a->value == "true";
  }
  Tie t;
  t.a = from->second;
  t.b = to->second;
  t.directed = directed;
  t.form = directed ? TieForm::from_to : TieForm::between;
  t.level = static_cast<TieLevel>(*level);
  t.pos = where_.mark({file_, edge.pos, what});
  if (!read_tie_data(d, what, edge.pos, t)) return;
  const std::size_t mark = pieces_.mark();
  loader_.add_tie(std::move(t));
  pieces_.report(mark, edge.pos, what);
}

bool GraphmlImport::read_tie_data(const Data& d, const std::string& what, SourcePos at, Tie& t) {
  if (const auto k = d.find("kinds")) {
    if (!pieces_.read_list(*k, what, what + ": kinds", [&](const Node& n) {
          if (auto v = reader_.text_list(n, "kinds")) t.kinds = *v;
        }))
      return false;
  }
  if (const auto a = d.given("attributes"); a && !pieces_.read_attributes(*a, what, t.attributes)) return false;
  const std::size_t before = pieces_.mark();
  loader_.tied_to_itself(t);
  if (!pieces_.report(before, at, what)) return false;
  const auto carriers = d.find("carried_by");
  return !carriers ||
         pieces_.read_list(*carriers, what, what + ": carried_by", [&](const Node& n) { loader_.read_carriers(n, t); });
}

void GraphmlImport::read_bodies_and_survey(const Data& g) {
  if (const auto d = g.find("governance")) {
    if (const auto bodies = pieces_.list_of(*d, "graph data 'governance'"); bodies && bodies->items > 0) {
      pieces_.read(bodies->text, d->pos, "graph data 'governance'", "body",
                   [&](const Node& n) { loader_.read_governance(n); });
      for (std::size_t k = 0; k < c_.governance.size(); ++k) {
        Body& b = c_.governance[k];
        b.pos = where_.mark({file_, d->pos, fmt::format("graph data 'governance', body {}", k + 1)});
        for (Seat& seat : b.seats) seat.pos = b.pos;
      }
    }
  }
  const auto d = g.find("survey");
  if (!d) return;
  const auto survey = pieces_.list_of(*d, "graph data 'survey'");
  if (!survey || survey->items == 0) return;
  if (survey->items != 1 || survey->first_item != "object")
    return add(d->pos, "graph data 'survey' must be a JSON list holding one survey object");
  const std::string object = survey->text.substr(1, survey->text.size() - 2);  // the list's one item
  pieces_.read(object, d->pos, "graph data 'survey'", {}, [&](const Node& n) { loader_.read_survey(n); });
  if (c_.survey) {
    c_.survey->pos = where_.mark({file_, d->pos, "graph data 'survey'"});
    for (Response& r : c_.survey->responses) r.pos = c_.survey->pos;
  }
}

Imported GraphmlImport::run() {
  keys_ = read_keys(el_);
  const XmlElement& graph = find_graph();
  bool directed_by_default = false;
  if (const auto* a = graph.attribute("edgedefault")) {
    if (a->value == "directed")
      directed_by_default = true;
    else if (a->value != "undirected")
      add(a->pos, fmt::format("edgedefault '{}' is neither directed nor undirected", a->value));
  }
  const Data g(el_, graph, keys_, kGraph);
  use_taxonomy(g);
  where_ = Provenance({file_, graph.pos, ""});
  read_header(g);
  read_sectors(g);
  for (const auto k : graph.children) {
    if (el_[k].name == "node") read_node(el_[k]);
  }
  if (const auto d = g.given("backbone")) {
    pieces_.read_text(trim(std::string(d->value)), d->pos, "graph data 'backbone'", [&](const Node& n) {
      if (auto id = reader_.slug(n, "backbone")) c_.backbone = loader_.member_ref(n, *id, "backbone");
    });
  }
  const bool survey_given = g.find("survey").has_value();
  for (const auto k : graph.children) {
    if (el_[k].name == "edge") read_edge(el_[k], directed_by_default, survey_given);
  }
  read_bodies_and_survey(g);
  BuiltImport built(Origin{});
  built.skipped = problems_.settle();
  if (c_.members.empty()) throw InputError({Diagnostic{file_, graph.pos, "the graph has no node to import"}});
  built.where = std::move(where_);
  built.coalition = std::move(c_);
  built.source = file_;
  return finish_import(std::move(built));
}

}  // namespace

Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options) {
  auto elements = read_xml(xml, file, {"graphml", "key", "default", "graph", "node", "edge", "data", "hyperedge"},
                           {"id", "for", "attr.name", "edgedefault", "source", "target", "directed", "key"});
  return GraphmlImport(file, options, std::move(elements)).run();
}

}  // namespace xsector
