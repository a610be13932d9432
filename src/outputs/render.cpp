#include "xsector/render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <unordered_map>

#include "common/text.hpp"
#include "xsector/error.hpp"

namespace xsector {

namespace {

// Okabe-Ito without black, then Paul Tol's indigo and wine and a pale grey: every pair stays
// at least 16 CIELAB units apart for normal vision and under protanopia, deuteranopia and
// tritanopia (Machado et al. 2009 simulation); tests/palette_check.py measures it.
constexpr std::string_view palette[] = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00",
                                        "#CC79A7", "#F0E442", "#332288", "#882255", "#DDDDDD"};

/// Black or white, whichever reads better on `fill` (WCAG relative luminance).
std::string text_colour(std::string_view fill) {
  if (fill.size() != 7 || fill[0] != '#') return "black";
  double luminance = 0;
  const double weights[] = {0.2126, 0.7152, 0.0722};
  for (int i = 0; i < 3; ++i) {
    const double c = std::stoi(std::string(fill.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
    luminance += weights[i] * (c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
  }
  return luminance < 0.18 ? "white" : "black";
}

std::string text_colour(const SectorStyle& s) { return s.pattern == 0 ? text_colour(s.colour) : "black"; }

/// `text` broken at spaces into lines of about `width` characters, so long names make
/// narrow nodes and the drawing stays compact enough to read at a page's width.
std::string wrapped(const std::string& text, std::size_t width = 18) {
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::size_t word = end - start;
    if (line > 0 && line + 1 + word > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, start, word);
    line += word;
    start = end + 1;
  }
  return out;
}

/// Graphviz node names xsector reserves; a member id is a slug ([a-z0-9][a-z0-9._-]*) and can
/// never contain a colon, so these never collide with a member or a sector.
const std::string legend_name = "xsector:legend";

using detail::literal;

std::string html_escaped(std::string_view text) { return detail::html_escaped(text, true); }

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

int append_to_string(void* chan, const char* s) {
  static_cast<std::string*>(chan)->append(s);
  return 0;
}
int flush_nothing(void*) { return 0; }

Agiodisc_t string_io = {nullptr, append_to_string, flush_nothing};
Agdisc_t string_disc = {&AgMemDisc, &AgIdDisc, &string_io};

char* chars(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* obj, const std::string& name, const std::string& value) {
  static const std::string empty;
  agsafeset(obj, chars(name), chars(value), chars(empty));
}

Agnode_t* node(Agraph_t* g, const std::string& name) { return agnode(g, chars(name), 1); }

Agedge_t* edge(Agraph_t* g, Agnode_t* a, Agnode_t* b, const std::string& key) { return agedge(g, a, b, chars(key), 1); }

// Graphviz reports problems through a callback; they are kept for the error message.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}
int collect_message(char* message) {
  graphviz_messages() += message;
  return 0;
}

GVC_t* context() {
  struct Context {
    GVC_t* gvc;
    Context() : gvc(gvContext()) { agseterrf(collect_message); }
    ~Context() { gvFreeContext(gvc); }
  };
  static Context c;
  return c.gvc;
}

std::vector<SectorStyle> sector_colours(const SectorReport& r) { return sector_styles(r); }

/// Beyond the palette a sector is drawn as a gradient from its colour to white; `pattern`
/// (the round of the palette, from 1) picks its direction, radial for round 3.
bool radial(int pattern) { return pattern == 3; }
int gradient_angle(int pattern) {
  static const int first[] = {90, 0, 0, 45, 135, 270, 180, 225, 315};
  if (pattern >= 1 && pattern <= 9) return first[pattern - 1];
  // Later rounds: the angles that are not multiples of 45, one each.
  const int k = (pattern - 10) % 315;
  return k + k / 44 + 1;
}

/// Fills a node with its sector's style, which every node shape can draw.
void fill(Agnode_t* n, const SectorStyle& s, const std::string& extra_style = "") {
  set(n, "fillcolor", s.pattern == 0 ? s.colour : s.colour + ":white");
  const std::string kind = radial(s.pattern) ? "radial" : "filled";
  set(n, "style", extra_style.empty() ? kind : kind + "," + extra_style);
  if (s.pattern > 0 && !radial(s.pattern)) set(n, "gradientangle", fmt::format("{}", gradient_angle(s.pattern)));
  set(n, "fontcolor", text_colour(s));
}

void add_ghosts(Agraph_t* g, const SectorReport& r) {
  for (const auto s : r.gaps.missing) {
    const Sector& sector = r.index.sectors[s];
    if (sector.priority == Priority::optional) continue;
    Agnode_t* n = node(g, "missing:" + sector.id);
    set(n, "label", literal(fmt::format("missing ({}):\n{}", to_string(sector.priority), sector.name)));
    set(n, "shape", "box");
    set(n, "style", "dashed,rounded");
    set(n, "color", "#888888");
    set(n, "fontcolor", "#666666");
  }
}

/// Graph attributes. Small diagrams: curved edges routed around the nodes, components
/// packed. Large ones: straight edges (the spline router builds a visibility graph over
/// every node's obstacle polygon, quadratic or worse in time and memory), no packing, and
/// the drawing scaled to fit 40 x 40 inches.
void start(Agraph_t* g, const Coalition& c, const std::string& title, const DiagramPlan& plan) {
  set(g, "label", literal(title + ": " + c.name + (c.as_of.empty() ? "" : " (" + c.as_of + ")")));
  set(g, "labelloc", "t");
  set(g, "fontname", "Helvetica");
  set(g, "fontsize", plan.label_all ? "18" : "48");
  set(g, "overlap", "prism");
  set(g, "splines", plan.splines ? "true" : "false");
  if (plan.label_all) {
    set(g, "pack", "36");             // points between separate groups, so islands stand apart
    set(g, "overlap_scaling", "-1");  // remove overlaps without spreading the drawing past a page's width
  } else {
    set(g, "size", "40,40");
  }
  set(g, "outputorder", "edgesfirst");
  set(g, "pad", "0.3");
  agattr(g, AGNODE, chars("fontname"), chars("Helvetica"));
  agattr(g, AGEDGE, chars("fontname"), chars("Helvetica"));
}

/// One node holding a table: a swatch per sector at the table, then what the marks mean.
void add_legend_node(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours,
                     const std::vector<std::string>& keys) {
  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">)"
                     R"(<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>)";
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    const SectorStyle& st = colours[f.sector];
    const std::string swatch =
        st.pattern == 0
            ? fmt::format(R"(BGCOLOR="{}")", st.colour)
            : fmt::format(R"(BGCOLOR="{}:white"{})", st.colour,
                          radial(st.pattern) ? R"( STYLE="radial")"
                                             : fmt::format(R"( GRADIENTANGLE="{}")", gradient_angle(st.pattern)));
    html += fmt::format(R"(<TR><TD {} WIDTH="18" HEIGHT="12" FIXEDSIZE="TRUE"></TD>)"
                        R"(<TD ALIGN="LEFT">{}</TD></TR>)",
                        swatch, html_escaped(r.index.sectors[f.sector].name));
  }
  for (const auto& k : keys) html += fmt::format(R"(<TR><TD COLSPAN="2" ALIGN="LEFT">{}</TD></TR>)", html_escaped(k));
  html += "</TABLE>";
  Agnode_t* n = node(g, legend_name);
  set(n, "id", "xs-legend");
  char* label = agstrdup_html(g, chars(html));
  agsafeset(n, chars("label"), label, chars(std::string()));
  agstrfree(g, label);
  set(n, "shape", "box");
  set(n, "style", "rounded");
  set(n, "color", "#BBBBBB");
  set(n, "fontsize", "12");
}

std::string size_key(SizeBy by) {
  switch (by) {
    case SizeBy::betweenness: return "size: betweenness (how often it lies between others)";
    case SizeBy::eigenvector: return "size: eigenvector (tied to well-tied members)";
    case SizeBy::power: return "size: voting power";
    case SizeBy::trust: return "size: trust partners report in it";
    case SizeBy::degree: break;
  }
  return "size: number of partners (degree)";
}

void add_legend(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours, bool members_view,
                SizeBy size_by = SizeBy::degree, bool survey = false, bool people = false) {
  std::vector<std::string> keys;
  if (members_view) {
    keys = {size_key(size_by),
            "bold outline: holds a seat",
            "double outline: the backbone",
            "hexagon: cut point (its leaving splits the network)",
            "line width: tie level; dashed: networking",
            "arrow: a from/to tie"};
    if (survey) keys.emplace_back("dotted: a tie only one side reported in the survey");
    if (people) keys.emplace_back("double line: one person alone carries this tie on one side");
  } else {
    keys = {"box size: members; line width and number: ties between sectors",
            "double outline: tied to no other sector"};
  }
  keys.emplace_back("dashed grey box: missing core or recommended sector");
  add_legend_node(g, r, colours, keys);
}

double size_metric(const Analysis& a, std::size_t v, SizeBy by) {
  switch (by) {
    case SizeBy::degree: return static_cast<double>(a.members[v].degree);
    case SizeBy::betweenness: return a.members[v].betweenness;
    case SizeBy::eigenvector: return a.members[v].eigenvector.value_or(0.0);
    // Survey: trust partners place in the member (0 when not rated or no survey).
    case SizeBy::trust: return a.survey.present ? a.survey.members[v].trust.value_or(0.0) : 0.0;
    case SizeBy::power: break;
  }
  return a.power.members[v].power;
}

/// The `count` members largest by `by` (ties broken by file order).
std::vector<char> largest(const Analysis& a, std::size_t n, SizeBy by, std::size_t count) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const std::size_t keep = std::min(count, n);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [&](std::size_t x, std::size_t y) {
                      const double sx = size_metric(a, x, by);
                      const double sy = size_metric(a, y, by);
                      return sx != sy ? sx > sy : x < y;
                    });
  std::vector<char> out(n, 0);
  for (std::size_t i = 0; i < keep; ++i) out[order[i]] = 1;
  return out;
}

std::string line_width(int level, bool large) {
  const double width = level == 4 ? 4.5 : level;
  return large ? fmt::format("{:.2f}", width / 3) : fmt::format("{}", width);
}

/// Ids and tooltips an inline copy of the diagram uses to find and name a tie.
void tie_ids(Agedge_t* e, const Coalition& c, const Tie& tie, std::size_t t) {
  set(e, "id", fmt::format("xs-t{}", t));
  set(e, "class", "xs-tie");
  set(e, "tooltip", literal(c.members[tie.a].name + " – " + c.members[tie.b].name));
}

/// The people layer (RenderOptions::people_layer, mark_single_carried), drawn over a built
/// members graph: contacts as small boxes in a cluster with their member, each carried tie's
/// end moved from its member to the people who carry it (one edge per carrier on each side),
/// and ties with a single carrier on a side drawn as a double line (black, white, black). Ties nobody carries stay
/// between the members.
void add_people_layer(Agraph_t* g, const Coalition& c, const RenderOptions& o, const std::vector<Agnode_t*>& nodes) {
  const bool layer = o.people_layer;
  if (!layer && !o.mark_single_carried) return;
  // Contact id -> (member, index); person nodes by the same key.
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> where;
  std::unordered_map<std::string, Agnode_t*> person_node;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const Member& m = c.members[v];
    for (std::size_t k = 0; k < m.contacts.size(); ++k) where.emplace(m.contacts[k].id, std::pair(v, k));
    if (!layer || m.contacts.empty()) continue;
    Agraph_t* cluster = agsubg(g, chars("cluster_" + m.id), 1);
    set(cluster, "style", "rounded,dashed");
    set(cluster, "color", "#999999");
    set(cluster, "label", "");
    agsubnode(cluster, nodes[v], 1);
    for (std::size_t k = 0; k < m.contacts.size(); ++k) {
      const Contact& p = m.contacts[k];
      std::string label = fmt::format("contact {}", k + 1);
      if (o.people == PeopleShown::names && !p.name.empty())
        label = p.name;
      else if (o.people != PeopleShown::none && !p.role.empty())
        label = p.role;
      Agnode_t* n = node(g, "person:" + p.id);
      agsubnode(cluster, n, 1);
      person_node[p.id] = n;
      set(n, "label", literal(label));
      set(n, "shape", "box");
      set(n, "style", "rounded,filled");
      set(n, "fillcolor", "#FFFFFF");
      set(n, "fontcolor", "#000000");
      set(n, "fontsize", "9");
      set(n, "width", "0.3");
      set(n, "height", "0.2");
      // The person sits next to its organization.
      Agedge_t* e = edge(g, nodes[v], n, "staff:" + p.id);
      set(e, "style", "dotted");
      set(e, "color", "#999999");
      set(e, "dir", "none");
      set(e, "len", "0.4");
    }
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
    auto mark = [&](Agedge_t* e) {
      if (!single) return;
      // A double line (black, white, black): no sector's colour, so it reads on any fill.
      set(e, "color", "black:white:black");
      set(e, "penwidth", "2");
      set(e, "tooltip", "single-carried: one person holds this relationship on one side");
    };
    if (!layer) {
      mark(drawn);
      continue;
    }
    if (ends_a.empty()) ends_a.push_back(nodes[tie.a]);
    if (ends_b.empty()) ends_b.push_back(nodes[tie.b]);
    const std::string dir = agget(drawn, chars("dir")) != nullptr ? agget(drawn, chars("dir")) : "none";
    const std::string style = agget(drawn, chars("style")) != nullptr ? agget(drawn, chars("style")) : "";
    const std::string width = agget(drawn, chars("penwidth")) != nullptr ? agget(drawn, chars("penwidth")) : "1";
    const bool forward = agtail(drawn) == nodes[tie.a];
    agdeledge(g, drawn);
    for (std::size_t i = 0; i < ends_a.size(); ++i) {
      for (std::size_t j = 0; j < ends_b.size(); ++j) {
        Agedge_t* e = forward ? edge(g, ends_a[i], ends_b[j], fmt::format("t{}:{}:{}", t, i, j))
                              : edge(g, ends_b[j], ends_a[i], fmt::format("t{}:{}:{}", t, i, j));
        set(e, "dir", dir);
        set(e, "style", style);
        set(e, "penwidth", width);
        set(e, "color", "#555555");
        mark(e);
      }
    }
  }
}

GraphPtr members_graph(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan) {
  GraphPtr g(agopen(chars("coalition"), Agundirected, &string_disc));
  start(g.get(), c, "Members", plan);
  const bool large = !plan.label_all;
  const auto colours = sector_colours(a.sectors);
  double top = 0;
  for (std::size_t v = 0; v < c.members.size(); ++v) top = std::max(top, size_metric(a, v, o.size_by));
  std::set<std::size_t> seated;
  for (const auto& body : c.governance) {
    for (const auto& s : body.seats) seated.insert(s.member);
  }
  const std::vector<char> labelled =
      large ? largest(a, c.members.size(), o.size_by, labelled_members) : std::vector<char>(c.members.size(), 1);
  std::vector<Agnode_t*> nodes;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const Member& m = c.members[v];
    Agnode_t* n = node(g.get(), m.id);
    nodes.push_back(n);
    const std::size_t sector = a.sectors.index.sector_of[v];
    const double scale = top > 0 ? size_metric(a, v, o.size_by) / top : 0.0;
    set(n, "shape", a.members[v].articulation ? "hexagon" : "ellipse");
    fill(n, colours[sector], seated.contains(v) ? "bold" : "");
    set(n, "penwidth", seated.contains(v) ? "3" : "1");
    set(n, "id", fmt::format("xs-m{}", v));
    set(n, "class", fmt::format("xs-member xs-sector{}", sector));
    set(n, "tooltip", literal(m.name + " (" + a.sectors.index.sectors[sector].name + ")"));
    if (!large) {
      set(n, "label", literal(wrapped(m.name)));
      set(n, "margin", "0.06,0.03");
      set(n, "width", fmt::format("{:.2f}", 0.6 + 1.0 * scale));
      set(n, "height", fmt::format("{:.2f}", 0.4 + 0.6 * scale));
      set(n, "fontsize", fmt::format("{:.0f}", 12 + 4 * scale));
    } else if (labelled[v]) {
      // The largest members keep their names, drawn big enough to read once scaled down.
      set(n, "label", literal(m.name));
      set(n, "fontsize", fmt::format("{:.0f}", 28 + 20 * scale));
    } else {
      // Everyone else is a disc sized by the metric; SVG viewers show the name on hover.
      set(n, "label", "");
      set(n, "tooltip", literal(m.name));
      set(n, "fixedsize", "true");
      const std::string size = fmt::format("{:.2f}", 0.25 + 0.75 * scale);
      set(n, "width", size);
      set(n, "height", size);
    }
    if (c.backbone == v) set(n, "peripheries", "2");
  }
  // A pair tied both ways with from/to is one edge with arrows at both ends.
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
    if (tie.directed) {
      const auto reverse = directed.find(arc(tie.b, tie.a));
      const bool both = reverse != directed.end();
      if (both && reverse->second < t) continue;
      Agedge_t* e = edge(g.get(), nodes[tie.a], nodes[tie.b], fmt::format("t{}", t));
      tie_ids(e, c, tie, t);
      set(e, "dir", both ? "both" : "forward");
      const int level =
          std::max(static_cast<int>(tie.level), both ? static_cast<int>(c.ties[reverse->second].level) : 0);
      set(e, "penwidth", line_width(level, large));
      if (level == 1) set(e, "style", "dashed");
      set(e, "color", "#555555");
      if (large) set(e, "arrowsize", "0.5");
      continue;
    }
    Agedge_t* e = edge(g.get(), nodes[tie.a], nodes[tie.b], fmt::format("t{}", t));
    tie_ids(e, c, tie, t);
    const int level = static_cast<int>(tie.level);
    set(e, "dir", "none");
    set(e, "penwidth", line_width(level, large));
    if (level == 1) set(e, "style", "dashed");
    if (one_sided.contains(t)) set(e, "style", "dotted");
    set(e, "color", large ? "#55555580" : "#555555");
  }
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
  GraphPtr g(agopen(chars("sectors"), Agundirected, &string_disc));
  start(g.get(), c, "Sectors", plan);
  const SectorReport& r = a.sectors;
  const auto colours = sector_colours(r);
  std::vector<Agnode_t*> nodes(r.sectors.size(), nullptr);
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    const Sector& s = r.index.sectors[f.sector];
    Agnode_t* n = node(g.get(), s.id);
    nodes[f.sector] = n;
    const double scale = std::sqrt(static_cast<double>(f.members.size()));
    set(n, "label",
        literal(fmt::format("{}\n{} member{}", wrapped(s.name), f.members.size(), f.members.size() == 1 ? "" : "s")));
    set(n, "shape", "box");
    fill(n, colours[f.sector], "rounded");
    set(n, "id", fmt::format("xs-s{}", f.sector));
    set(n, "class", "xs-sectornode");
    set(n, "tooltip",
        literal(fmt::format("{} ({} member{})", s.name, f.members.size(), f.members.size() == 1 ? "" : "s")));
    set(n, "width", fmt::format("{:.2f}", 0.9 + 0.5 * scale));
    set(n, "height", fmt::format("{:.2f}", 0.5 + 0.25 * scale));
    if (f.external_ties == 0) {
      set(n, "peripheries", "2");
      set(n, "penwidth", "2");
    }
  }
  for (std::size_t x = 0; x < r.sectors.size(); ++x) {
    for (std::size_t y = x + 1; y < r.sectors.size(); ++y) {
      const std::size_t ties = r.mixing[x][y];
      if (ties == 0) continue;
      Agedge_t* e = edge(g.get(), nodes[x], nodes[y], fmt::format("s{}_{}", x, y));
      set(e, "penwidth", fmt::format("{:.1f}", 1.0 + 1.5 * std::log2(static_cast<double>(ties))));
      set(e, "label", fmt::format("{}", ties));
      set(e, "color", "#555555");
      set(e, "id", fmt::format("xs-e{}-{}", x, y));
      set(e, "tooltip",
          literal(fmt::format("{} – {}: {} tie{}", r.index.sectors[x].name, r.index.sectors[y].name, ties,
                              ties == 1 ? "" : "s")));
    }
  }
  add_ghosts(g.get(), r);
  add_legend(g.get(), r, colours, false);
  return g;
}

GraphPtr build(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan) {
  return plan.view == View::members ? members_graph(c, a, o, plan) : sectors_graph(c, a, plan);
}

DiagramPlan plan_by_size(std::size_t members) {
  DiagramPlan plan;
  if (members <= small_diagram_limit) {
    plan.engine = "neato";
    plan.splines = true;
    plan.label_all = true;
  } else {
    plan.engine = "sfdp";
    plan.splines = false;
    plan.label_all = false;
  }
  return plan;
}

}  // namespace

const std::vector<std::string>& sector_palette() {
  static const std::vector<std::string> colours(std::begin(palette), std::end(palette));
  return colours;
}

std::vector<SectorStyle> sector_styles(const SectorReport& r) {
  const std::size_t size = std::size(palette);
  std::vector<SectorStyle> styles(r.sectors.size());
  // Few enough sectors: by place in the taxonomy, so a sector keeps its colour across
  // waves and across coalitions of one taxonomy. Otherwise the sectors at the table share
  // out the palette in taxonomy order, round after round with a different pattern.
  const bool stable = r.sectors.size() <= size;
  std::size_t next = 0;
  for (std::size_t s = 0; s < r.sectors.size(); ++s) {
    const bool present = !r.sectors[s].members.empty();
    const std::size_t k = stable ? s : present ? next++ : 0;
    styles[s].colour = stable || present ? std::string(palette[k % size]) : std::string("#FFFFFF");
    styles[s].pattern = static_cast<int>(k / size);
  }
  return styles;
}

std::string_view to_string(SizeBy by) {
  switch (by) {
    case SizeBy::degree: return "degree";
    case SizeBy::betweenness: return "betweenness";
    case SizeBy::eigenvector: return "eigenvector";
    case SizeBy::power: return "power";
    case SizeBy::trust: return "trust";
  }
  return "degree";
}

SizeBy parse_size_by(std::string_view name) {
  for (const SizeBy by : {SizeBy::degree, SizeBy::betweenness, SizeBy::eigenvector, SizeBy::power, SizeBy::trust}) {
    if (to_string(by) == name) return by;
  }
  throw UsageError(fmt::format("unknown --size-by '{}': use degree, betweenness, eigenvector, power or trust", name));
}

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::neato: return "neato";
    case Layout::fdp: return "fdp";
    case Layout::sfdp: return "sfdp";
    case Layout::dot: return "dot";
    case Layout::circo: return "circo";
  }
  return "neato";
}

Layout parse_layout(std::string_view name) {
  for (const Layout l : {Layout::neato, Layout::fdp, Layout::sfdp, Layout::dot, Layout::circo}) {
    if (to_string(l) == name) return l;
  }
  throw UsageError(fmt::format("unknown --layout '{}': use neato, fdp, sfdp, dot or circo", name));
}

DiagramPlan plan_diagram(const Coalition& c, const RenderOptions& o) {
  const std::size_t n = c.members.size();
  if (o.view == View::sectors) {
    DiagramPlan plan = plan_by_size(0);  // one node per sector: small whatever the coalition's size
    plan.view = View::sectors;
    if (o.layout) plan.engine = to_string(*o.layout);
    return plan;
  }
  if (n > members_view_limit) {
    if (o.view == View::members || o.layout) {
      throw UsageError(fmt::format("{} members is more than the members view draws ({}): use --view sectors", n,
                                   members_view_limit));
    }
    DiagramPlan plan = plan_by_size(0);
    plan.view = View::sectors;
    plan.note = fmt::format("{} members is more than the members view draws ({}); drawing the sectors view", n,
                            members_view_limit);
    return plan;
  }
  DiagramPlan plan = plan_by_size(n);
  if (o.layout) {
    if (*o.layout != Layout::sfdp && n > slow_layout_limit) {
      throw UsageError(
          fmt::format("--layout {} is limited to {} members (this file has {}): use --layout sfdp or "
                      "leave --layout out",
                      to_string(*o.layout), slow_layout_limit, n));
    }
    plan.engine = to_string(*o.layout);
  }
  return plan;
}

std::string layout_engine(const Coalition& c, const RenderOptions& o) { return plan_diagram(c, o).engine; }

DiagramPlan plan_comparison(std::size_t members) {
  if (members > members_view_limit) {
    throw UsageError(
        fmt::format("the compare diagram draws at most {} members (these waves have {} together); "
                    "leave out --diagram, or draw each wave with render --view sectors",
                    members_view_limit, members));
  }
  return plan_by_size(members);
}

std::string diagram_dot(const Coalition& c, const Analysis& a, const RenderOptions& o) {
  GraphPtr g = build(c, a, o, plan_diagram(c, o));
  std::string out;
  agwrite(g.get(), &out);
  return out;
}

namespace {

void check_format(std::string_view format) {
  static const std::vector<std::string_view> formats = {"svg", "png", "pdf", "dot"};
  if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
    throw UsageError(fmt::format("cannot render to '{}': use an output ending in .svg, .png, .pdf or .dot", format));
  }
}

std::string lay_out_and_render(Agraph_t* g, const std::string& engine, std::string_view format) {
  GVC_t* gvc = context();
  graphviz_messages().clear();
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    throw IoError(fmt::format("Graphviz could not lay out the diagram with {}: {}", engine, graphviz_messages()));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const std::string format_name(format);
  const int failed = gvRenderData(gvc, g, format_name.c_str(), &data, &length);
  std::string out;
  if (failed == 0 && data != nullptr) out.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (failed != 0 || out.empty()) {
    throw IoError(fmt::format("Graphviz could not render {}: {}", format, graphviz_messages()));
  }
  return out;
}

/// Small diagrams label every member; large ones draw small discs named in the tooltip.
void label_member(Agnode_t* n, const std::string& name, const DiagramPlan& plan) {
  if (plan.label_all) {
    set(n, "label", literal(name));
    return;
  }
  set(n, "label", "");
  set(n, "tooltip", literal(name));
  set(n, "fixedsize", "true");
  set(n, "width", "0.3");
  set(n, "height", "0.3");
}

// The compare view's marks use black and greys only, so no mark is ever a sector's colour.
constexpr const char* formed_colour = "#000000";
constexpr const char* left_colour = "#555555";
constexpr const char* kept_colour = "#BBBBBB";

GraphPtr comparison_graph(const Coalition& a, const Coalition& b, const Analysis& ab, const Comparison& cmp,
                          const DiagramPlan& plan) {
  GraphPtr g(agopen(chars("comparison"), Agundirected, &string_disc));
  const std::string title = fmt::format("Changes: {}{} -> {}{}", a.name, a.as_of.empty() ? "" : " (" + a.as_of + ")",
                                        b.name, b.as_of.empty() ? "" : " (" + b.as_of + ")");
  start(g.get(), b, "Compare", plan);
  set(g.get(), "label", literal(title));
  const auto colours = sector_colours(ab.sectors);
  const std::set<std::string> joined(cmp.joined.begin(), cmp.joined.end());
  std::map<std::string, Agnode_t*> nodes;
  for (std::size_t v = 0; v < b.members.size(); ++v) {
    const Member& m = b.members[v];
    Agnode_t* n = node(g.get(), m.id);
    nodes[m.id] = n;
    const bool is_new = joined.contains(m.id);
    label_member(n, is_new ? m.name + "\n(joined)" : m.name, plan);
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
    label_member(n, m.name + "\n(left)", plan);
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

}  // namespace

std::string network_dot(const Coalition& c) {
  GraphPtr g(agopen(chars("coalition"), Agundirected, &string_disc));
  set(g.get(), "label", literal(c.name));
  for (const auto& m : c.members) {
    Agnode_t* n = node(g.get(), m.id);
    set(n, "label", literal(m.name));
    set(n, "sector", m.sector);
    set(n, "community_led", m.community_led ? "true" : "false");
    set(n, "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) set(n, "funding", fmt::format("{}", *m.funding));
    if (!m.tags.empty()) set(n, "tags", literal(fmt::format("{}", fmt::join(m.tags, "|"))));
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    Agedge_t* e = edge(g.get(), agnode(g.get(), chars(c.members[tie.a].id), 0),
                       agnode(g.get(), chars(c.members[tie.b].id), 0), fmt::format("t{}", t));
    set(e, "level", fmt::format("{}", static_cast<int>(tie.level)));
    set(e, "dir", tie.directed ? "forward" : "none");
    if (!tie.kinds.empty()) set(e, "kinds", literal(fmt::format("{}", fmt::join(tie.kinds, "|"))));
  }
  std::string out;
  agwrite(g.get(), &out);
  return out;
}

std::string render_diagram(const Coalition& c, const Analysis& a, const RenderOptions& o, std::string_view format) {
  check_format(format);
  const DiagramPlan plan = plan_diagram(c, o);
  GraphPtr g = build(c, a, o, plan);
  return lay_out_and_render(g.get(), plan.engine, format);
}

std::string comparison_dot(const Coalition& a, const Coalition& b, const Analysis& analysis_b,
                           const Comparison& comparison) {
  GraphPtr g =
      comparison_graph(a, b, analysis_b, comparison, plan_comparison(b.members.size() + comparison.left.size()));
  std::string out;
  agwrite(g.get(), &out);
  return out;
}

std::string render_comparison(const Coalition& a, const Analysis&, const Coalition& b, const Analysis& analysis_b,
                              const Comparison& comparison, std::string_view format) {
  check_format(format);
  const DiagramPlan plan = plan_comparison(b.members.size() + comparison.left.size());
  GraphPtr g = comparison_graph(a, b, analysis_b, comparison, plan);
  return lay_out_and_render(g.get(), plan.engine, format);
}

}  // namespace xsector
