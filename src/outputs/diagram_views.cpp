// The graph of each view before layout: members (with the people layer), sectors, and the
// compare view of two waves.
#include <fmt/format.h>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "common/text.hpp"
#include "outputs/render_parts.hpp"
#include "xsector/render.hpp"

namespace xsector::detail {

namespace {

/// Contact id -> (member, index in its contacts).
using ContactPlaces = std::unordered_map<std::string, std::pair<std::size_t, std::size_t>>;

/// The contacts of member `v` as small boxes in a cluster with it, each joined to it by a
/// dotted line; their nodes go into `person_node` by contact id.
void add_person_nodes(Agraph_t* g, const Coalition& c, std::size_t v, const RenderOptions& o, Agnode_t* member,
                      std::unordered_map<std::string, Agnode_t*>& person_node) {
  const Member& m = c.members[v];
  Agraph_t* cluster = agsubg(g, chars("cluster_" + m.id), 1);
  set(cluster, "style", "rounded,dashed");
  set(cluster, "color", "#999999");
  set(cluster, "label", "");
  agsubnode(cluster, member, 1);
  for (std::size_t k = 0; k < m.contacts.size(); ++k) {
    const Contact& p = m.contacts[k];
    Agnode_t* n = node(g, "person:" + p.id);
    agsubnode(cluster, n, 1);
    person_node[p.id] = n;
    set(n, "label", literal(drawn(person_label(c, v, k, o.people, PersonLabel::node))));
    set(n, "shape", "box");
    set(n, "style", "rounded,filled");
    set(n, "fillcolor", "#FFFFFF");
    set(n, "fontcolor", "#000000");
    set(n, "fontsize", "9");
    set(n, "width", "0.3");
    set(n, "height", "0.2");
    // The person sits next to its organization.
    Agedge_t* e = edge(g, member, n, "staff:" + p.id);
    set(e, "style", "dotted");
    set(e, "color", "#999999");
    set(e, "dir", "none");
    set(e, "len", "0.4");
  }
}

/// Draws `e` as a single-carried tie: a double line (black, white, black), no sector's
/// colour, so it reads on any fill.
void mark_single_carried(Agedge_t* e) {
  set(e, "color", "black:white:black");
  set(e, "penwidth", "2");
  set(e, "tooltip", "single-carried: one person holds this relationship on one side");
}

/// The value of attribute `name` of `e`, or `otherwise` when unset.
std::string edge_attribute(Agedge_t* e, const char* name, const char* otherwise) {
  const char* value = agget(e, chars(name));
  return value != nullptr ? value : otherwise;
}

/// Tie `t`'s drawn edge replaced by one edge from each carrier on a's side to each on b's
/// side (a side without carriers keeps its member), with the tie's direction, style and width.
void redraw_between_carriers(Agraph_t* g, std::size_t t, Agedge_t* drawn, Agnode_t* a_node,
                             const std::vector<Agnode_t*>& ends_a, const std::vector<Agnode_t*>& ends_b, bool single) {
  const std::string dir = edge_attribute(drawn, "dir", "none");
  const std::string style = edge_attribute(drawn, "style", "");
  const std::string width = edge_attribute(drawn, "penwidth", "1");
  const bool forward = agtail(drawn) == a_node;
  agdeledge(g, drawn);
  for (std::size_t i = 0; i < ends_a.size(); ++i) {
    for (std::size_t j = 0; j < ends_b.size(); ++j) {
      Agedge_t* e = forward ? edge(g, ends_a[i], ends_b[j], fmt::format("t{}:{}:{}", t, i, j))
                            : edge(g, ends_b[j], ends_a[i], fmt::format("t{}:{}:{}", t, i, j));
      set(e, "dir", dir);
      set(e, "style", style);
      set(e, "penwidth", width);
      set(e, "color", "#555555");
      if (single) mark_single_carried(e);
    }
  }
}

/// The people layer (RenderOptions::people_layer, mark_single_carried), drawn over a built
/// members graph: contacts as small boxes in a cluster with their member, each carried tie's
/// end moved from its member to the people who carry it (one edge per carrier on each side),
/// and ties with a single carrier on a side drawn as a double line (black, white, black). Ties nobody carries stay
/// between the members.
void add_people_layer(Agraph_t* g, const Coalition& c, const RenderOptions& o, const std::vector<Agnode_t*>& nodes) {
  const bool layer = o.people_layer;
  if (!layer && !o.mark_single_carried) return;
  ContactPlaces where;
  std::unordered_map<std::string, Agnode_t*> person_node;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const Member& m = c.members[v];
    for (std::size_t k = 0; k < m.contacts.size(); ++k) where.emplace(m.contacts[k].id, std::pair(v, k));
    if (layer && !m.contacts.empty()) add_person_nodes(g, c, v, o, nodes[v], person_node);
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    if (tie.carried_by.empty()) continue;
    std::vector<Agnode_t*> ends_a;
    std::vector<Agnode_t*> ends_b;
    for (const auto& id : tie.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;
      const auto pn = person_node.find(id);
      Agnode_t* n = pn == person_node.end() ? nullptr : pn->second;
      if (it->second.first == tie.a)
        ends_a.push_back(n);
      else if (it->second.first == tie.b)
        ends_b.push_back(n);
    }
    const bool single = ends_a.size() == 1 || ends_b.size() == 1;
    Agedge_t* drawn = agedge(g, nodes[tie.a], nodes[tie.b], chars(fmt::format("t{}", t)), 0);
    if (drawn == nullptr) drawn = agedge(g, nodes[tie.b], nodes[tie.a], chars(fmt::format("t{}", t)), 0);
    if (drawn == nullptr) continue;  // the second arc of a pair tied both ways is drawn with the first
    if (!layer) {
      if (single) mark_single_carried(drawn);
      continue;
    }
    if (ends_a.empty()) ends_a.push_back(nodes[tie.a]);
    if (ends_b.empty()) ends_b.push_back(nodes[tie.b]);
    redraw_between_carriers(g, t, drawn, nodes[tie.a], ends_a, ends_b, single);
  }
}

/// What the members view needs to draw one member: sizes relative to the largest member,
/// seat holders bold, and in a large drawing which members keep their names.
struct MemberStyle {
  bool large = false;
  double top = 0;
  std::set<std::size_t> seated;
  std::vector<char> labelled;
  std::vector<SectorStyle> colours;
};

MemberStyle member_style(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan) {
  MemberStyle st;
  st.large = !plan.label_all;
  st.colours = sector_styles(a.sectors);
  for (std::size_t v = 0; v < c.members.size(); ++v) st.top = std::max(st.top, size_metric(a, v, o.size_by));
  for (const auto& body : c.governance) {
    for (const auto& seat : body.seats) st.seated.insert(seat.member);
  }
  st.labelled =
      st.large ? largest(a, c.members.size(), o.size_by, labelled_members) : std::vector<char>(c.members.size(), 1);
  return st;
}

/// Member `v` drawn as its node `n`: shape (a hexagon for a cut point), sector colour, seat,
/// size by the metric, and a label as the drawing's size allows.
void draw_member(Agnode_t* n, const Coalition& c, const Analysis& a, const RenderOptions& o, std::size_t v,
                 const MemberStyle& st) {
  const Member& m = c.members[v];
  const std::size_t sector = a.sectors.index.sector_of[v];
  const double scale = st.top > 0 ? size_metric(a, v, o.size_by) / st.top : 0.0;
  set(n, "shape", a.members[v].articulation ? "hexagon" : "ellipse");
  fill(n, st.colours[sector], st.seated.contains(v) ? "bold" : "");
  set(n, "penwidth", st.seated.contains(v) ? "3" : "1");
  set(n, "id", fmt::format("xs-m{}", v));
  set(n, "class", fmt::format("xs-member xs-sector{}", sector));
  set(n, "tooltip", literal(drawn(m.name) + " (" + drawn(a.sectors.index.sectors[sector].name) + ")"));
  if (!st.large) {
    set(n, "label", literal(wrapped(drawn(m.name))));
    set(n, "margin", "0.06,0.03");
    set(n, "width", fmt::format("{:.2f}", 0.6 + 1.0 * scale));
    set(n, "height", fmt::format("{:.2f}", 0.4 + 0.6 * scale));
    set(n, "fontsize", fmt::format("{:.0f}", 12 + 4 * scale));
  } else if (st.labelled[v]) {
    // The largest members keep their names, drawn big enough to read once scaled down.
    set(n, "label", literal(drawn(m.name)));
    set(n, "fontsize", fmt::format("{:.0f}", 28 + 20 * scale));
  } else {
    // Everyone else is a disc sized by the metric; SVG viewers show the name on hover.
    set(n, "label", "");
    set(n, "tooltip", literal(drawn(m.name)));
    set(n, "fixedsize", "true");
    const std::string size = fmt::format("{:.2f}", 0.25 + 0.75 * scale);
    set(n, "width", size);
    set(n, "height", size);
  }
  if (c.backbone == v) set(n, "peripheries", "2");
}

/// Every tie as an edge between its members' nodes: width by level, networking dashed, ties
/// from one side's survey report only dotted; a pair tied both ways with from/to is one edge
/// with arrows at both ends.
void draw_member_ties(Agraph_t* g, const Coalition& c, const Analysis& a, const std::vector<Agnode_t*>& nodes,
                      bool large) {
  std::unordered_map<std::uint64_t, std::size_t> directed;  // (from, to) -> its first tie
  const auto arc = [](std::size_t x, std::size_t y) { return (static_cast<std::uint64_t>(x) << 32) | y; };
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    if (c.ties[t].directed) directed.emplace(arc(c.ties[t].a, c.ties[t].b), t);
  }
  // Ties made from one side's survey report only are dotted (docs/surveys.md).
  std::set<std::size_t> one_sided;
  for (const auto& p : a.survey.pairs) {
    if (!p.confirmed && !p.written && p.tie) one_sided.insert(*p.tie);
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    const auto reverse = tie.directed ? directed.find(arc(tie.b, tie.a)) : directed.end();
    const bool both = reverse != directed.end();
    if (both && reverse->second < t) continue;
    Agedge_t* e = edge(g, nodes[tie.a], nodes[tie.b], fmt::format("t{}", t));
    tie_ids(e, c, tie, t);
    const int level = std::max(static_cast<int>(tie.level), both ? static_cast<int>(c.ties[reverse->second].level) : 0);
    set(e, "dir", !tie.directed ? "none" : both ? "both" : "forward");
    set(e, "penwidth", line_width(level, large));
    if (level == 1) set(e, "style", "dashed");
    if (!tie.directed && one_sided.contains(t)) set(e, "style", "dotted");
    set(e, "color", large && !tie.directed ? "#55555580" : "#555555");
    if (large && tie.directed) set(e, "arrowsize", "0.5");
  }
}

GraphPtr members_graph(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan) {
  GraphPtr g = open_graph("coalition");
  start(g.get(), c, "Members", plan);
  const MemberStyle st = member_style(c, a, o, plan);
  const bool large = st.large;
  const auto& colours = st.colours;
  std::vector<Agnode_t*> nodes;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    nodes.push_back(node(g.get(), c.members[v].id));
    draw_member(nodes.back(), c, a, o, v, st);
  }
  draw_member_ties(g.get(), c, a, nodes, large);
  if (!large) add_people_layer(g.get(), c, o, nodes);
  add_ghosts(g.get(), a.sectors);
  add_legend(g.get(), a.sectors, colours, true, o.size_by, a.survey.present,
             !large && (o.people_layer || o.mark_single_carried));
  if (large) {
    // The drawing is scaled down to fit; the legend and the ghosts grow to stay legible.
    for (const auto s : a.sectors.gaps.missing) {
      if (Agnode_t* n = agnode(g.get(), chars("missing:" + a.sectors.index.sectors[s].id), 0)) set(n, "fontsize", "40");
    }
    set(agnode(g.get(), chars(legend_name), 0), "fontsize", "40");
  }
  return g;
}

GraphPtr sectors_graph(const Coalition& c, const Analysis& a, const DiagramPlan& plan) {
  GraphPtr g = open_graph("sectors");
  start(g.get(), c, "Sectors", plan);
  const SectorReport& r = a.sectors;
  const auto colours = sector_styles(r);
  std::vector<Agnode_t*> nodes(r.sectors.size(), nullptr);
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    const Sector& s = r.index.sectors[f.sector];
    Agnode_t* n = node(g.get(), s.id);
    nodes[f.sector] = n;
    const double scale = std::sqrt(static_cast<double>(f.members.size()));
    set(n, "label",
        literal(fmt::format("{}\n{} member{}", wrapped(drawn(s.name)), f.members.size(),
                            f.members.size() == 1 ? "" : "s")));
    set(n, "shape", "box");
    fill(n, colours[f.sector], "rounded");
    set(n, "id", fmt::format("xs-s{}", f.sector));
    set(n, "class", "xs-sectornode");
    set(n, "tooltip",
        literal(fmt::format("{} ({} member{})", drawn(s.name), f.members.size(), f.members.size() == 1 ? "" : "s")));
    set(n, "width", fmt::format("{:.2f}", 0.9 + 0.5 * scale));
    set(n, "height", fmt::format("{:.2f}", 0.5 + 0.25 * scale));
    if (f.external_ties == 0) {
      set(n, "peripheries", "2");
      set(n, "penwidth", "2");
    }
  }
  for (const auto& cell : r.mixing.cells) {  // sorted by (x, y); only pairs with ties
    const std::size_t x = cell.a;
    const std::size_t y = cell.b;
    const std::size_t ties = cell.ties;
    if (x == y) continue;
    Agedge_t* e = edge(g.get(), nodes[x], nodes[y], fmt::format("s{}_{}", x, y));
    set(e, "penwidth", fmt::format("{:.1f}", 1.0 + 1.5 * std::log2(static_cast<double>(ties))));
    set(e, "label", fmt::format("{}", ties));
    set(e, "color", "#555555");
    set(e, "id", fmt::format("xs-e{}-{}", x, y));
    set(e, "tooltip",
        literal(fmt::format("{} – {}: {} tie{}", drawn(r.index.sectors[x].name), drawn(r.index.sectors[y].name), ties,
                            ties == 1 ? "" : "s")));
  }
  add_ghosts(g.get(), r);
  add_legend(g.get(), r, colours, false);
  return g;
}

// The compare view's marks use black and greys only, so no mark is ever a sector's colour.
constexpr const char* formed_colour = "#000000";
constexpr const char* left_colour = "#555555";
constexpr const char* kept_colour = "#BBBBBB";

}  // namespace

GraphPtr build(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan) {
  return plan.view == View::members ? members_graph(c, a, o, plan) : sectors_graph(c, a, plan);
}

GraphPtr comparison_graph(const Coalition& a, const Coalition& b, const Analysis& ab, const Comparison& cmp,
                          const DiagramPlan& plan) {
  GraphPtr g = open_graph("comparison");
  const std::string title =
      fmt::format("Changes: {}{} -> {}{}", drawn(a.name), a.as_of.empty() ? "" : " (" + drawn(a.as_of) + ")",
                  drawn(b.name), b.as_of.empty() ? "" : " (" + drawn(b.as_of) + ")");
  start(g.get(), b, "Compare", plan);
  set(g.get(), "label", literal(title));
  const auto colours = sector_styles(ab.sectors);
  const std::set<std::string> joined(cmp.joined.begin(), cmp.joined.end());
  std::map<std::string, Agnode_t*> nodes;
  for (std::size_t v = 0; v < b.members.size(); ++v) {
    const Member& m = b.members[v];
    Agnode_t* n = node(g.get(), m.id);
    nodes[m.id] = n;
    const bool is_new = joined.contains(m.id);
    label_member(n, is_new ? drawn(m.name) + "\n(joined)" : drawn(m.name), plan);
    set(n, "shape", "ellipse");
    fill(n, colours[ab.sectors.index.sector_of[v]]);
    set(n, "color", "black");
    set(n, "penwidth", is_new ? "4" : "1");
    if (is_new) set(n, "peripheries", "2");
  }
  std::unordered_map<std::string_view, std::size_t> index_a;
  for (std::size_t v = 0; v < a.members.size(); ++v) index_a.emplace(a.members[v].id, v);
  for (const auto& id : cmp.left) {
    const Member& m = a.members[index_a.at(id)];
    Agnode_t* n = node(g.get(), m.id);
    nodes[m.id] = n;
    label_member(n, drawn(m.name) + "\n(left)", plan);
    set(n, "shape", "ellipse");
    set(n, "style", "dashed");
    set(n, "color", left_colour);
    set(n, "fontcolor", "#666666");
    set(n, "penwidth", "3");
  }
  auto draw = [&](const TieChange& t, const std::string& key, const char* colour, const char* style, int level) {
    Agedge_t* e = edge(g.get(), nodes.at(t.a), nodes.at(t.b), key);
    set(e, "color", colour);
    set(e, "style", style);
    set(e, "penwidth", fmt::format("{}", level >= 4 ? 4.5 : std::max(level, 1)));
  };
  std::set<std::pair<std::string, std::string>> changed;
  for (const auto& t : cmp.ties.formed) {
    draw(t, "formed:" + t.a + ":" + t.b, formed_colour, "solid", t.after.level);
    changed.emplace(t.a, t.b);
  }
  for (const auto& t : cmp.ties.dissolved) {
    draw(t, "dissolved:" + t.a + ":" + t.b, left_colour, "dotted", t.before.level);
    changed.emplace(t.a, t.b);
  }
  for (const Tie& t : b.ties) {
    std::string x = b.members[t.a].id;
    std::string y = b.members[t.b].id;
    if (y < x) std::swap(x, y);
    if (changed.contains({x, y})) continue;
    changed.emplace(x, y);  // a pair tied both ways is drawn once
    draw({x, y, {}, {}}, fmt::format("kept:{}:{}", x, y), kept_colour, "solid", static_cast<int>(t.level));
  }
  add_legend_node(g.get(), ab.sectors, colours,
                  {"thick double outline: joined; black line: tie formed",
                   "dashed grey outline: left; dotted grey line: tie dissolved", "light grey line: tie in both waves"});
  return g;
}

}  // namespace xsector::detail
