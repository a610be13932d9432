// The report's parts shared between its source files (internal to src/outputs/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xsector/report.hpp"

namespace xsector::detail {

/// A figure's label in the report and its meaning in one plain sentence.
struct Term {
  std::string_view label;
  std::string_view meaning;
};

/// Every figure the report shows, in the glossary's order.
const std::vector<Term>& terms();

/// The meaning of `label`, or empty if the glossary has none. O(terms).
std::string_view meaning(std::string_view label);

/// The <svg> element of a Graphviz SVG document, without its XML prolog and doctype.
std::string inline_svg(const std::string& svg);

/// A Graphviz SVG ready to sit inline beside another: no XML prolog, every id (and every
/// reference to one) prefixed with `prefix` so two diagrams never share an id, no <title>
/// elements (they hold Graphviz node names; the nodes' tooltips hold the members' names),
/// and a minimum width at which 12-point labels stay at least 11 pixels tall. O(size).
std::string inline_diagram(const std::string& svg, std::string_view prefix);

/// "Wave A · 2024-06-30" (or "Wave A" when undated); the coalition's name when the two
/// files are different coalitions. Escaped for HTML.
std::string wave_label(const Coalition& c, bool as_waves, char letter);

/// The map's buttons for wave A, wave B and (two waves only) the changes.
std::string wave_switch(const Coalition& after, const ReportComparison& comparison);

/// The figures of wave A's diagram and of the changes diagram, hidden until picked.
std::string wave_figures(const Coalition& after, const ReportComparison& comparison);

/// The "What changed" section (or "Two coalitions side by side").
std::string changes_section(const Coalition& after, const ReportComparison& comparison);

/// The "What to do next" section: the analysis's next actions, or, when there are none, what
/// holds, said only as far as the file supports it (core sectors only when the taxonomy has
/// any, seats only when the file describes a decision body).
std::string next_steps_section(const Coalition& c, const Analysis& a);

/// The "Findings" section: high and medium groups shown, low and info folded.
std::string findings_section(const Coalition& c, const Analysis& a);

}  // namespace xsector::detail
