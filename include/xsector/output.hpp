// Writers: they read a Coalition and its Analysis and never compute a figure. Each returns
// the whole text; none throws (apart from std::bad_alloc) and each takes time linear in the
// size of what it writes. Figures of parts the analysis did not compute print as their
// defaults, so analyze with the parts a view shows (part_all for everything).
#pragma once

#include <string>
#include <string_view>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"
#include "xsector/trend.hpp"

namespace xsector {

enum class Format { table, json, csv, markdown };

/// Parses `table`, `json`, `csv` or `markdown` (exactly, lower case); throws UsageError for
/// anything else. O(1).
Format parse_format(std::string_view name);

/// The JSON document of the output contract (docs/json.md, schema "xsector/1"). Figures that
/// are undefined for the input are null.
std::string format_json(const Coalition& coalition, const Analysis& analysis);

/// A plain-text report for the terminal.
std::string format_table(const Coalition& coalition, const Analysis& analysis);

/// One row per member with every member figure; undefined figures are empty cells.
std::string format_csv(const Coalition& coalition, const Analysis& analysis);

/// The table report as Markdown, for repositories and wikis.
std::string format_markdown(const Coalition& coalition, const Analysis& analysis);

/// The sector view of `xsector gaps`: sectors at the table, coverage gaps, brokers, mixing
/// and the gap findings. CSV has one row per sector of the taxonomy and the file.
std::string format_gaps(Format format, const Coalition& coalition, const Analysis& analysis);

/// The view of `xsector power`: every body's voting power, power across the coalition,
/// what each departure would cost, and those findings. CSV has one row per seat.
std::string format_power(Format format, const Coalition& coalition, const Analysis& analysis);

/// The view of `xsector people`: every contact's ties, the ties it alone carries, the sectors
/// and the share of pairs its departure would cut, handoff readiness per member and network,
/// and the people findings. Names appear only when the analysis was run with
/// PeopleShown::names. CSV has one row per contact.
std::string format_people(Format format, const Coalition& coalition, const Analysis& analysis);

/// What changed from `a` to `b`: members, ties, every network, sector and power figure, the
/// QAP correlation and the findings. CSV has one row per network figure.
std::string format_comparison(Format format, const Coalition& a, const Coalition& b, const Comparison& comparison);

/// One row of headline figures per coalition, in the order given: figures[i] is
/// headline_figures of coalitions[i]'s analysis (the same names in the same order), and both
/// lists have the same length (unchecked). Table and Markdown show the main figures, CSV and
/// JSON every one; a null figure shows as `-` in tables, an empty cell in CSV, null in JSON.
std::string format_many(Format format, const std::vector<const Coalition*>& coalitions,
                        const std::vector<std::vector<Figure>>& figures);

/// The view of `xsector trend`: every network figure per wave, then a table per chosen member
/// figure (a member per row, a wave per column), labelled in words with shares as
/// percentages; CSV and JSON keep ids and raw numbers (JSON: `{schema, waves, network,
/// members}`, docs/compare.md).
std::string format_trend(Format format, const Trend& trend);

/// The trend as one self-contained HTML page: small-multiple line charts (inline SVG, the
/// report's palette), one per network figure and one per member for each chosen member
/// figure (one scale per figure), each with its values as a table for screen readers.
std::string trend_html(const Trend& trend);

/// Dispatches on `format`: format_table, format_json, format_csv or format_markdown.
std::string format_analysis(Format format, const Coalition& coalition, const Analysis& analysis);

}  // namespace xsector
