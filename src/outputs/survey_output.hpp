// The survey's part of every output: JSON keys, tables, CSV columns. Internal; the
// writers in output.cpp, report.cpp and compare call these and compute nothing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "outputs/table.hpp"
#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"

namespace xsector::detail {

/// Adds `response_rate`, `confirmation_rate`, `trust_score` and `value_score` to the
/// network object (only when the coalition has a survey).
void add_survey_network_json(nlohmann::ordered_json& network, const Analysis& analysis);

/// Adds the member's survey figures (`in_degree` ... `value_resources`) to its object.
void add_survey_member_json(nlohmann::ordered_json& member, const Analysis& analysis, std::size_t index);

/// Adds top-level `trust_by_sector` and `survey` (the survey's own fields and every reported
/// pair with its status) when the coalition has a survey.
void add_survey_json(nlohmann::ordered_json& doc, const Coalition& coalition, const Analysis& analysis);

/// The survey section of the table and Markdown reports: network figures (`network`, no
/// header row in the terminal), the members as partners see them (`members`) and trust by
/// sector (`sectors`). Tables without rows when there is no survey.
struct SurveyTables {
  Table network;
  Table members;
  Table sectors;
};
SurveyTables survey_tables(const Coalition& coalition, const Analysis& analysis);

/// Adds the member survey columns (in_degree ... value_resources, CSV only) to a table of
/// members; none without a survey.
void add_survey_columns(Table& table, const Analysis& analysis);
/// Appends the cells of those columns for member `index` to `row`; none without a survey.
void add_survey_cells(std::vector<Cell>& row, const Analysis& analysis, std::size_t index);

/// The survey section of the HTML report: rates, a trust-by-sector heat map (a sequential
/// single-hue scale, readable with colour-vision deficiencies, and the value in every
/// cell) and the members' trust and value. Empty without a survey. User text is escaped.
std::string survey_report_html(const Coalition& coalition, const Analysis& analysis);

}  // namespace xsector::detail
