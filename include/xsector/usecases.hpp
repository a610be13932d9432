// What a user asks of xsector, written once for the command line, the Python module and the
// browser app: a report of one coalition or two waves, and the gaps against every built-in
// taxonomy. Each use case loads nothing itself: it is given coalitions already opened
// (open_coalition) and returns values or file contents; the caller writes them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"
#include "xsector/findings.hpp"
#include "xsector/io.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// Two waves of one coalition in the order to compare them. When both files describe one
/// coalition (match_coalitions) and the second is dated before the first, they are swapped
/// and the returned note (`waves-reordered`, info) says so, naming the files as given in
/// `names`; otherwise nothing changes and the result is empty. `waves` must hold two. O(n).
std::optional<Finding> order_waves(std::vector<Coalition>& waves, const std::vector<std::string>& names);

/// A report's coalitions analyzed once: the coalition, or two waves earliest first with
/// what changed between them. Every view of the report (figures, diagrams, the HTML or
/// Markdown) is made from it, nothing is computed twice.
struct ReportWork {
  std::vector<Coalition> waves;          ///< one, or two waves earliest first
  std::vector<Analysis> analyses;        ///< one per wave
  std::optional<Comparison> comparison;  ///< with two waves: what changed (note first when reordered)
  std::optional<Finding> reordered;      ///< the note when the waves were given latest first
};

/// Orders two waves (order_waves, with `names` the files as given), analyzes each wave with
/// `analysis` and, for two, compares them with `compare`, the reorder note first among the
/// comparison's findings. Throws UsageError when `compare.respondents_both` is set and a wave
/// has no survey, and when `waves` holds none or more than two. Time: two analyses and a
/// comparison.
ReportWork prepare_report(std::vector<Coalition> waves, const std::vector<std::string>& names,
                          const AnalysisOptions& analysis, const CompareOptions& compare = {});

/// The laid-out diagrams a report shows (SVG): the members and sectors of the last wave and,
/// for two waves, the earlier wave's members and the changes (empty when the two files are
/// not waves of one coalition).
struct ReportSvgs {
  std::string members;
  std::string sectors;
  std::string before;
  std::string changes;
};

/// The report's diagrams drawn by the library's Graphviz (render_diagram, render_comparison),
/// as `xsector report` draws them. Time: the Graphviz layouts.
ReportSvgs draw_report(const ReportWork& work);

/// A file a use case makes: its name in the folder and its bytes.
struct NamedFile {
  std::string name;
  std::string content;
};

/// The files of a report folder: `report.html` alone (html), or `members.svg`,
/// `sectors.svg`, with two waves `wave-a.svg` and `changes.svg` (when drawn), then
/// `report.md` (markdown). `svgs` are the diagrams as laid out by the caller (draw_report, or
/// Graphviz in the browser). O(size of the output).
std::vector<NamedFile> report_files(const ReportWork& work, const ReportSvgs& svgs, bool markdown);

/// Writes `files` into `folder` whole or not at all (write_folder_atomic). Throws IoError.
void write_report_folder(const std::filesystem::path& folder, const std::vector<NamedFile>& files);

/// Every file name a report folder may hold, for callers that check them before writing.
const std::vector<std::string>& report_file_names();

/// The sector coverage of `coalition` measured against every built-in taxonomy in turn, in
/// builtin_taxonomy_ids() order: its own taxonomy as loaded, the others by the crosswalk
/// (measure_against), each analyzed for its sectors alone with `options`. One load serves
/// every row. Time: one sector analysis per built-in taxonomy.
std::vector<TaxonomyCoverage> coverage_by_taxonomy(const Coalition& coalition, AnalysisOptions options);

}  // namespace xsector
