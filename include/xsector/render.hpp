// Diagrams through Graphviz's C API: cgraph builds the graph, gvc lays it out and renders.
// Renderers read a Coalition and its Analysis; they never compute a figure. Every function
// here may be called from several threads: Graphviz is not reentrant, so each use of it
// (building, layout, rendering, DOT text) holds one process-wide lock.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"

namespace xsector {

enum class View { members, sectors };

/// Up to this many members a members (or compare) diagram is laid out by neato with curved
/// edges routed around the nodes and every member labelled.
inline constexpr std::size_t small_diagram_limit = 150;
/// Up to this many members neato, fdp, dot and circo may be asked for by `--layout`; their
/// cost grows with the square of the members or worse.
inline constexpr std::size_t slow_layout_limit = 1000;
/// Up to this many members a members (or compare) diagram is drawn at all: by sfdp
/// (multilevel force-directed, near-linear) with prism overlap removal and straight edges,
/// members as small discs and only the largest labelled. Above it the default is the
/// sectors view, with a note saying so.
inline constexpr std::size_t members_view_limit = 5000;
/// How many members a diagram above `small_diagram_limit` labels (the largest by `size_by`;
/// SVG keeps every name as the node's tooltip).
inline constexpr std::size_t labelled_members = 40;

/// User text drawn in a diagram (a member's, sector's or coalition's name, a contact's name
/// or role, the tooltips made of them) is cut to this many characters, the last `…`, before
/// Graphviz sees it: Graphviz's label code runs out of memory and crashes on names of some
/// hundred thousand words. Tables and reports keep the whole text.
inline constexpr std::size_t diagram_text_limit = 120;

/// How a sector is drawn: a fill colour from `sector_palette()` and, past the palette's size,
/// a pattern (0 a plain fill; k > 0 a gradient from the colour to white in the k-th
/// direction: vertical, horizontal, radial, diagonal ...).
struct SectorStyle {
  std::string colour;  ///< `#RRGGBB`
  int pattern = 0;
};

/// The ten fill colours, colour-blind safe: Okabe-Ito without black, Paul Tol's indigo and
/// wine, and a pale grey; every pair differs by at least 16 CIELAB units for normal vision
/// and under simulated protanopia, deuteranopia and tritanopia.
const std::vector<std::string>& sector_palette();

/// The style of each sector of `sectors` (by index into its SectorIndex). When the taxonomy
/// and the declared sectors together fit the palette, each sector takes the colour of its
/// place among them, the same in every coalition of that taxonomy. Otherwise the sectors at
/// the table share out the palette in that order, round after round with a new pattern, so
/// no two sectors at the table ever look the same; absent sectors get white (they are drawn
/// as ghosts without fill). O(S).
std::vector<SectorStyle> sector_styles(const SectorReport& sectors);

/// What sets a member's node size in the members view.
enum class SizeBy { degree, betweenness, eigenvector, power, trust };
/// `degree`, `betweenness`, `eigenvector`, `power` or `trust`.
std::string_view to_string(SizeBy by);
/// The SizeBy `name` names; throws UsageError ("unknown --size-by ...") for anything else. O(1).
SizeBy parse_size_by(std::string_view name);

/// A Graphviz layout engine the user may ask for.
enum class Layout { neato, fdp, sfdp, dot, circo };
/// The engine's Graphviz name: `neato`, `fdp`, `sfdp`, `dot` or `circo`.
std::string_view to_string(Layout layout);

/// What render_diagram and render_comparison write: SVG, PNG, PDF, or DOT with the layout's
/// positions.
enum class ImageFormat { svg, png, pdf, dot };

/// `svg`, `png`, `pdf` or `dot`.
std::string_view to_string(ImageFormat format);

/// Parses `svg`, `png`, `pdf` or `dot`; throws UsageError for anything else.
ImageFormat parse_image_format(std::string_view name);
/// The Layout `name` names; throws UsageError ("unknown --layout ...") for anything else. O(1).
Layout parse_layout(std::string_view name);

struct RenderOptions {
  /// members or sectors; empty picks members up to `members_view_limit`, sectors beyond.
  std::optional<View> view;
  /// The layout engine; none picks by size (see `plan_diagram`).
  std::optional<Layout> layout;
  /// Node size in the members view.
  SizeBy size_by = SizeBy::degree;
  /// Members view: draw each member's contacts inside a cluster with it, and attach every
  /// carried tie to the people who carry it (docs/people.md). Implies mark_single_carried.
  bool people_layer = false;
  /// Members view: draw ties with a single carrier on one side as a black-white-black double
  /// line (no sector's colour), explained in the legend.
  bool mark_single_carried = false;
  /// How the people layer labels people: by name, by role (default) or by number.
  PeopleShown people = PeopleShown::roles;
};

/// How a diagram will be drawn: decided from the number of members alone, so every path is
/// bounded by construction (no Graphviz time budget is needed).
struct DiagramPlan {
  View view = View::members;
  std::string engine;     ///< the Graphviz layout engine
  bool splines = false;   ///< edges routed as curves around nodes (small diagrams only)
  bool label_all = true;  ///< every member labelled (else only `labelled_members`)
  std::string note;       ///< why the diagram is not what the options asked for; empty if it is
};

/// The plan for `coalition` under `options`. Members view (asked for, or the default up to
/// `members_view_limit`): up to `small_diagram_limit` members neato with spline routing and
/// every label; above, sfdp with straight edges and `labelled_members` labels. Sectors view:
/// neato with splines (a handful of nodes). With no view asked for and more than
/// `members_view_limit` members, the sectors view and a `note`. The sectors view takes any
/// `layout`. Throws UsageError above `members_view_limit` members when the members view or a
/// layout is asked for, and for neato, fdp, dot or circo asked for above `slow_layout_limit`
/// members (sfdp is allowed up to `members_view_limit`). No members: a small members plan.
/// O(1).
DiagramPlan plan_diagram(const Coalition& coalition, const RenderOptions& options);

/// The layout engine `plan_diagram` picks. Throws as `plan_diagram`.
std::string layout_engine(const Coalition& coalition, const RenderOptions& options);

/// The plan of the compare diagram of a union of `members` members: neato with splines up
/// to `small_diagram_limit`, sfdp with straight edges up to `members_view_limit`; above,
/// throws UsageError (there is no bounded compare drawing of that size).
DiagramPlan plan_comparison(std::size_t members);

/// The graph as built, before layout, as DOT text: what `render_diagram` hands to Graphviz.
///
/// Members view: one node per member, filled by sector from one colour-blind-safe palette
/// (see `sector_palette` and `sector_styles`) and sized by `size_by`; edge width by tie
/// level, dashed for networking, an arrow for each from/to direction; seat holders
/// outlined bold, the backbone drawn with a double outline, articulation points as
/// hexagons; the core and recommended sectors the coalition lacks as dashed grey ghost
/// nodes; and a legend (sector colours and the marks) as its own small component.
/// Sectors view: one node per sector at the table sized by members, edges weighted and
/// labelled by the ties between sectors, cut-off sectors with a double outline, missing
/// core and recommended sectors as ghosts.
/// Every user string is drawn literally: backslashes and ampersands are escaped so that
/// Graphviz expands no `\N`-style escape and no entity.
std::string diagram_dot(const Coalition& coalition, const Analysis& analysis, const RenderOptions& options);

/// Lays out and renders to `format` as `plan_diagram` decides and returns the bytes.
/// Throws UsageError as `plan_diagram`, and IoError
/// when Graphviz fails, with its message. Diagrams above `small_diagram_limit` members are
/// scaled to fit 40 x 40 inches, so a PNG is at most 3840 pixels wide. Time: the layout
/// engine's, bounded by the plan's limits (neato grows with the square of the members or
/// worse; sfdp is near-linear in members and ties).
std::string render_diagram(const Coalition& coalition, const Analysis& analysis, const RenderOptions& options,
                           ImageFormat format);

/// The network as plain DOT for other tools: one node per member (`label`, `sector`,
/// `community_led`, `lived_experience`, `funding`, `tags` joined by `|`) and one edge per
/// tie (`level` 1-4, `dir` forward or none, `kinds` joined by `|`).
std::string network_dot(const Coalition& coalition);

/// The compare view before layout, as DOT: the union of both waves, members and ties in
/// both drawn as usual (second wave's sectors and levels), joined members outlined and new
/// ties in black (a thick double outline for members), departed members dashed grey and
/// dissolved ties dotted grey: black and greys only, never a sector's colour.
std::string comparison_dot(const Coalition& before, const Coalition& after, const Analysis& analysis_after,
                           const Comparison& comparison);

/// Lays out and renders the compare view as `plan_comparison` decides; throws UsageError
/// above `members_view_limit` members in the union.
std::string render_comparison(const Coalition& before, const Analysis& analysis_before, const Coalition& after,
                              const Analysis& analysis_after, const Comparison& comparison, ImageFormat format);

}  // namespace xsector
