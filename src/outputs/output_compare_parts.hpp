// What output_compare.cpp, output_compare_members.cpp and the comparison workbook share
// (internal to src/outputs/).
#pragma once

#include <string>

#include "outputs/output_parts.hpp"
#include "outputs/table.hpp"
#include "xsector/compare.hpp"

namespace xsector::detail {

/// `members_changed`: one object per kept member, `{id, figures: {NAME: {before, after,
/// change}}}` for every member figure (counts as integers; null where a wave lacks it).
ordered_json members_changed_json(const Comparison& cmp);
/// `respondents`: `{both, only_before, only_after}`, or null unless both waves hold a survey.
ordered_json respondents_json(const Comparison& cmp);
/// The sentence every view prints when the ties were compared only between members who
/// answered both surveys; empty otherwise.
std::string ties_compared_note(const Comparison& cmp);
/// The ten largest member changes: member name, figure label, before, after, change, shares
/// as percentages.
Table largest_changes_table(const Coalition& b, const Comparison& cmp, bool markdown);
/// Who answered both surveys, only the first, only the second, by name.
std::string respondents_text(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown);
/// Every change as one CSV table: a row per network figure (part `network`), per kind of tie
/// change (part `ties`, the count in `change`) and per member and member figure (part
/// `member`); ids and raw numbers, with each figure's label.
Table comparison_csv_table(const Comparison& cmp);

/// The JSON document of a comparison (output_compare_json.cpp).
std::string comparison_json(const Coalition& a, const Coalition& b, const Comparison& cmp);

}  // namespace xsector::detail
