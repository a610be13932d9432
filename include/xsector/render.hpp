// Diagrams through Graphviz's C API: cgraph builds the graph, gvc lays it out and renders.
// Renderers read a Coalition and its Analysis; they never compute a figure.
#pragma once

#include <string>
#include <string_view>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"

namespace xsector {

enum class View { members, sectors };

struct RenderOptions {
  View view = View::members;
  /// neato, fdp, sfdp, dot or circo; empty picks neato up to 150 members, sfdp beyond.
  std::string layout;
  /// Node size in the members view: degree, betweenness, eigenvector or power.
  std::string size_by = "degree";
};

/// The layout engine `options` asks for, or the default by size. Throws UsageError for an
/// unknown engine or size metric.
std::string layout_engine(const Coalition& coalition, const RenderOptions& options);

/// The graph as built, before layout, as DOT text: what `render_diagram` hands to Graphviz.
///
/// Members view: one node per member, filled by sector from one colour-blind-safe palette
/// (Okabe-Ito, then Paul Tol's muted scheme) and sized by `size_by`; edge width by tie
/// level, dashed for networking, an arrow for each from/to direction; seat holders
/// outlined bold, the backbone drawn with a double outline, articulation points as
/// hexagons; the core and recommended sectors the coalition lacks as dashed grey ghost
/// nodes; and a legend (sector colours and the marks) as its own small component.
/// Sectors view: one node per sector at the table sized by members, edges weighted and
/// labelled by the ties between sectors, cut-off sectors outlined in vermilion, missing
/// core and recommended sectors as ghosts.
/// Every user string is drawn literally: backslashes and ampersands are escaped so that
/// Graphviz expands no `\N`-style escape and no entity.
std::string diagram_dot(const Coalition& coalition, const Analysis& analysis, const RenderOptions& options);

/// Lays out and renders to `format` (svg, png, pdf or dot) and returns the bytes. Throws
/// UsageError for another format and IoError when Graphviz fails, with its message.
std::string render_diagram(const Coalition& coalition, const Analysis& analysis, const RenderOptions& options,
                           std::string_view format);

/// The network as plain DOT for other tools: one node per member (`label`, `sector`,
/// `community_led`, `lived_experience`, `funding`, `tags` joined by `|`) and one edge per
/// tie (`level` 1-4, `dir` forward or none, `kinds` joined by `|`).
std::string network_dot(const Coalition& coalition);

/// The compare view before layout, as DOT: the union of both waves, members and ties in
/// both drawn as usual (second wave's sectors and levels), joined members outlined and new
/// ties drawn in bluish green, departed members and dissolved ties dashed vermilion.
std::string comparison_dot(const Coalition& before, const Coalition& after, const Analysis& analysis_after,
                           const Comparison& comparison);

/// Lays out and renders the compare view (neato up to 150 members, sfdp beyond).
std::string render_comparison(const Coalition& before, const Analysis& analysis_before, const Coalition& after,
                              const Analysis& analysis_after, const Comparison& comparison, std::string_view format);

}  // namespace xsector
