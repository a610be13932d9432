// The diagrams' parts shared between their source files (internal to src/outputs/): the
// cgraph glue and the DOT text (dot.cpp), the styling: palette use, marks and legend
// (diagram_style.cpp), the graph of each view (diagram_views.cpp), and the layout plan and
// Graphviz rendering (render.cpp).
#pragma once

#include <graphviz/cgraph.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/render.hpp"

namespace xsector::detail {

// cgraph glue (dot.cpp).

/// Graphviz (cgraph and gvc) keeps global state and is not reentrant: every use of it, from
/// building a graph to freeing its layout, holds this one process-wide lock (render.cpp).
[[nodiscard]] std::unique_lock<std::mutex> lock_graphviz();

/// User text as a diagram draws it: cut to `diagram_text_limit` characters (`…` last).
std::string drawn(std::string_view user_text);

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

/// A new undirected graph named `name` whose DOT `dot_text` writes.
GraphPtr open_graph(const std::string& name);
/// The graph as DOT text.
std::string dot_text(Agraph_t* g);

/// `s` as the char* cgraph takes (cgraph does not write through it).
char* chars(const std::string& s);
/// Sets attribute `name` of a graph, node or edge to `value`.
void set(void* obj, const std::string& name, const std::string& value);
/// The node `name` of `g`, made if new.
Agnode_t* node(Agraph_t* g, const std::string& name);
/// The edge `key` from `a` to `b` of `g`, made if new.
Agedge_t* edge(Agraph_t* g, Agnode_t* a, Agnode_t* b, const std::string& key);

// Styling (diagram_style.cpp).

/// Graphviz node names xsector reserves; a member id is a slug ([a-z0-9][a-z0-9._-]*) and can
/// never contain a colon, so these never collide with a member or a sector.
extern const std::string legend_name;

/// `text` broken at spaces into lines of about `width` characters, so long names make
/// narrow nodes and the drawing stays compact enough to read at a page's width.
std::string wrapped(const std::string& text, std::size_t width = 18);

/// Fills a node with its sector's style, which every node shape can draw.
void fill(Agnode_t* n, const SectorStyle& s, const std::string& extra_style = "");

/// The core and recommended sectors `r` lacks as dashed grey ghost nodes.
void add_ghosts(Agraph_t* g, const SectorReport& r);

/// Graph attributes. Small diagrams: curved edges routed around the nodes, components
/// packed. Large ones: straight edges (the spline router builds a visibility graph over
/// every node's obstacle polygon, quadratic or worse in time and memory), no packing, and
/// the drawing scaled to fit 40 x 40 inches.
void start(Agraph_t* g, const Coalition& c, const std::string& title, const DiagramPlan& plan);

/// One node holding a table: a swatch per sector at the table, then what the marks mean.
void add_legend_node(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours,
                     const std::vector<std::string>& keys);

/// The legend of the members view (`members_view`) or of the sectors view.
void add_legend(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours, bool members_view,
                SizeBy size_by = SizeBy::degree, bool survey = false, bool people = false);

/// Member `v`'s figure that sizes its node.
double size_metric(const Analysis& a, std::size_t v, SizeBy by);

/// The `count` members largest by `by` (ties broken by file order).
std::vector<char> largest(const Analysis& a, std::size_t n, SizeBy by, std::size_t count);

/// An edge's pen width for tie level `level`, thinner in a large (scaled-down) drawing.
std::string line_width(int level, bool large);

/// Ids and tooltips an inline copy of the diagram uses to find and name a tie.
void tie_ids(Agedge_t* e, const Coalition& c, const Tie& tie, std::size_t t);

/// Small diagrams label every member; large ones draw small discs named in the tooltip.
void label_member(Agnode_t* n, const std::string& name, const DiagramPlan& plan);

// The views (diagram_views.cpp).

/// The members or sectors view, as `plan` says, before layout.
GraphPtr build(const Coalition& c, const Analysis& a, const RenderOptions& o, const DiagramPlan& plan);

/// The compare view of waves `a` and `b` (`ab` is b's analysis), before layout.
GraphPtr comparison_graph(const Coalition& a, const Coalition& b, const Analysis& ab, const Comparison& cmp,
                          const DiagramPlan& plan);

}  // namespace xsector::detail
