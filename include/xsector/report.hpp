// The report people share: one self-contained HTML file (no network requests, no external
// scripts, fonts or styles), or a Markdown variant for repositories.
#pragma once

#include <string>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"

namespace xsector {

/// The HTML report: summary figures, findings by severity, the members and sectors
/// diagrams inline (`members_svg` and `sectors_svg` as rendered), sector coverage against
/// the taxonomy, power per body, resilience, and sortable member tables. Every user string
/// is escaped; the one inline script only sorts tables. Readable on a phone and printable.
/// Analyze with part_report: sections of parts the analysis did not compute show their
/// defaults. O(size of the output).
/// `analysis` must hold part_guidance (analyze with part_report: the grouped findings and the
/// next actions the page opens with); throws std::invalid_argument otherwise.
std::string report_html(const Coalition& coalition, const Analysis& analysis, const std::string& members_svg,
                        const std::string& sectors_svg);

/// What a comparison report shows beside the later wave: the earlier wave (or, for two
/// different coalitions, the first file), the comparison of the two, and their diagrams.
struct ReportComparison {
  const Coalition* before = nullptr;
  const Comparison* comparison = nullptr;
  std::string before_svg;   ///< the earlier wave's members diagram (as rendered)
  std::string changes_svg;  ///< the compare diagram; empty when the files are different coalitions
};

/// The comparison report: the report of `coalition` (the later wave) as above, with a
/// "What changed" section (joined, left, ties formed and dissolved, every network figure
/// before and after, the comparison's findings) and a map that switches between wave A,
/// wave B and the changes. For two different coalitions (`comparison->as_waves` false) the
/// switch shows the two files only, with the reason they were not taken as waves. The
/// figures are the comparison's own: nothing is recomputed. O(size of the output).
std::string report_html(const Coalition& coalition, const Analysis& analysis, const std::string& members_svg,
                        const std::string& sectors_svg, const ReportComparison& comparison);

/// The Markdown report: the same sections, with the diagrams as `members.svg` and
/// `sectors.svg` beside it. O(size of the output).
std::string report_markdown(const Coalition& coalition, const Analysis& analysis);

/// The Markdown comparison report: the later wave's report, then what changed (the
/// Markdown of `xsector compare`), with the diagrams as `members.svg`, `sectors.svg`,
/// `wave-a.svg` and `changes.svg` (the last only for two waves of one coalition).
/// O(size of the output).
std::string report_markdown(const Coalition& coalition, const Analysis& analysis, const Coalition& before,
                            const Comparison& comparison);

}  // namespace xsector
