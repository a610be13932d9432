// What the writers share: value formatting, the JSON sections several views print and the
// findings list (tables are outputs/table.hpp). Nothing here computes a figure: every function
// reads the Coalition and its Analysis and formats what they hold.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outputs/table.hpp"
#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"
#include "xsector/figures.hpp"
#include "xsector/finding_text.hpp"

namespace xsector::detail {

using nlohmann::ordered_json;

/// `v` as a JSON number, or null.
ordered_json number_or_null(const std::optional<double>& v);
/// `s` as a JSON string, or null when empty.
ordered_json text_or_null(const std::string& s);
/// `v` with `digits` decimals for tables, or "-" when undefined.
std::string fixed(const std::optional<double>& v, int digits = 3);
/// A figure of figure_table() as table text: counts without decimals, others as fixed().
std::string figure_text(FigureKind kind, const std::optional<double>& v);
/// A figure of figure_table() as a table cell: counts as whole numbers, others as numbers;
/// missing when undefined.
Cell figure_cell(FigureKind kind, const std::optional<double>& v);
/// A figure of figure_table() as JSON: counts as integers, others as numbers; null when undefined.
ordered_json figure_json(FigureKind kind, const std::optional<double>& v);
/// A figure as a reader reads it in a table to paste: counts whole, shares as percentages
/// with one decimal ("42.5%"), scores with three decimals; `missing` when undefined.
std::string figure_display(FigureKind kind, const std::optional<double>& v, std::string_view missing = "-");
/// A change the same way: counts signed and whole, shares in percentage points ("+2.5 points"),
/// scores signed with three decimals, "no change" when it rounds to zero; `missing` when
/// undefined.
std::string change_display(FigureKind kind, const std::optional<double>& v, std::string_view missing = "-");
/// The JSON text of `doc`, with every -0 written as 0 and bytes that are not UTF-8 written
/// as U+FFFD (never an exception).
std::string json_text(ordered_json& doc);
/// User text in a table (terminal) or Markdown line: see terminal_safe and markdown_text.
std::string user_text(const std::string& s, bool markdown);
/// "Name, place (as of date)".
std::string header_line(const Coalition& c, bool markdown);
/// The coalition object of every JSON document: name, place, as_of, taxonomy, backbone.
ordered_json coalition_json(const Coalition& c);
/// Findings as the JSON list of the output contract, each `message` from the sentence table.
ordered_json findings_json(const std::vector<Finding>& findings, const FindingNames& names);
/// The findings of the given areas, in the analysis's order (by severity).
std::vector<Finding> area_findings(const Analysis& a, std::initializer_list<FindingArea> areas);
/// Findings as a text or Markdown list ("none" when empty).
std::string findings_text(const std::vector<Finding>& findings, const FindingNames& names, bool markdown);
/// The findings of the given areas as the report shows them: one line per group (findings of
/// one code) with its headline, which counts them and names the first subjects; the `info`
/// groups on one "Notes" line by their titles; then how many findings there are and that
/// `--all-findings` lists each. With Analysis::all_findings, every finding on its own line.
std::string findings_text(const Coalition& c, const Analysis& a, std::initializer_list<FindingArea> areas,
                          bool markdown);
/// A short title for the findings of `code`, as the notes line names them ("warm handoffs").
std::string_view finding_title(std::string_view code);
/// The `finding_groups` JSON list: per group of the given areas `code`, `severity`, `count`,
/// `message` (the headline) and `subjects` (every finding's subjects, each once).
ordered_json finding_groups_json(const Coalition& c, const Analysis& a, std::initializer_list<FindingArea> areas);
/// The `approximate` object: the figures that are estimates and their precision; an empty
/// object when all are exact.
ordered_json approximate_json(const Analysis& a, const Coalition& c);
/// The estimates lines of the table and Markdown outputs; empty when all figures are exact.
std::string approximate_text(const Analysis& a, const Coalition& c, bool markdown, bool power_lines = true);

/// A text report as its parts: a title, lines under it, and titled sections. One function
/// renders it for the terminal or as Markdown, at any heading level, so reports are composed
/// from parts (the report file holds the analysis, the power view and a comparison) rather
/// than cut out of each other's text.
struct TextReport {
  struct Section {
    std::string title;
    std::string body;
  };
  std::string title;
  std::string intro;  ///< lines between the title and the first section
  std::vector<Section> sections;

  /// Starts a section; returns its body to write into.
  std::string& section(std::string_view section_title) {
    sections.push_back({std::string(section_title), {}});
    return sections.back().body;
  }
};

/// The report as terminal text (title, then each section title on its own line) or as
/// Markdown with the title at heading `level` (1 = `#`) and sections one level below.
std::string render_text(const TextReport& report, bool markdown, int level = 1);

/// The reports of the views (output_text.cpp, output_power.cpp, output_compare.cpp).
TextReport analysis_report(const Coalition& c, const Analysis& a, bool markdown);
TextReport power_report(const Coalition& c, const Analysis& a, bool markdown);
TextReport comparison_report(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown);

// The JSON sections of the output contract (output_json.cpp).
ordered_json brokerage_json(const Brokerage& b);
ordered_json sectors_json(const SectorReport& r, const Coalition& c);
ordered_json mixing_json(const SectorReport& r);
ordered_json gaps_json(const SectorReport& r, const Coalition& c);
ordered_json power_json(const Analysis& a, const Coalition& c);
ordered_json resilience_json(const Analysis& a, const Coalition& c);
/// The people of the file: ids, members and roles; names only when `--people names`, roles
/// null with `--people none`.
ordered_json people_json(const Analysis& a, const Coalition& c);

}  // namespace xsector::detail
