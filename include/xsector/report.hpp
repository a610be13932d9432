// The report people share: one self-contained HTML file (no network requests, no external
// scripts, fonts or styles), or a Markdown variant for repositories.
#pragma once

#include <string>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"

namespace xsector {

/// The HTML report: summary figures, findings by severity, the members and sectors
/// diagrams inline (`members_svg` and `sectors_svg` as rendered), sector coverage against
/// the taxonomy, power per body, resilience, and sortable member tables. Every user string
/// is escaped; the one inline script only sorts tables. Readable on a phone and printable.
std::string report_html(const Coalition& coalition, const Analysis& analysis, const std::string& members_svg,
                        const std::string& sectors_svg);

/// The Markdown report: the same sections, with the diagrams as `members.svg` and
/// `sectors.svg` beside it.
std::string report_markdown(const Coalition& coalition, const Analysis& analysis);

}  // namespace xsector
