// The one table of coalition-wide figures: each figure's name (the JSON key and the name
// `compare` reports), its label in words, its kind (how it is printed and compared), its
// group, one plain sentence of meaning, and how to read it from an Analysis. Every writer,
// `compare`, the many-coalition table and the report read figures through this table.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "xsector/analysis.hpp"

namespace xsector {

/// How a figure is read and printed.
enum class FigureKind {
  count,  ///< a whole number (members, ties, components): printed without decimals
  share,  ///< a proportion from 0 to 1
  score,  ///< a measure on its own scale (E-I index -1..1, centralization, gini, path length)
};

/// Where a figure belongs.
enum class FigureGroup {
  network,     ///< the shape of the network (`network` object of `analyze` JSON)
  mixing,      ///< sector mixing (also in the `network` object)
  coverage,    ///< sectors at the table and missing
  resilience,  ///< what departures cost
  power,       ///< decision power across the coalition
  survey,      ///< partner-survey figures (in the `network` object when the file has a survey)
};

struct FigureSpec {
  std::string_view name;   ///< JSON key, `compare` figure name, CSV column of `compare --table`
  std::string_view label;  ///< in words, for tables and the report
  FigureKind kind;
  FigureGroup group;
  std::string_view meaning;  ///< one plain sentence for readers
  /// The figure of `analysis`; nullopt where it is undefined (no ties, no decision body, no
  /// survey) or its part was not computed.
  std::optional<double> (*value)(const Analysis& analysis);
};

/// Every coalition-wide figure in its fixed order: network, mixing, coverage, resilience,
/// power, survey. The definitions are in docs/metrics.md. O(1).
std::span<const FigureSpec> figure_table();

/// The figure named `name`, or nullptr. O(figures).
const FigureSpec* find_figure(std::string_view name);

/// A figure of one member: its key in `analyze --format json`'s members (and in compare's
/// `members_changed` and trend's `members`), its label in words, its kind, whether tables of
/// changes show it (`headline`), one plain sentence of meaning, and how to read it.
struct MemberFigureSpec {
  std::string_view name;
  std::string_view label;
  FigureKind kind;
  bool headline;  ///< ranked among a comparison's largest member changes, and trend's default
  std::string_view meaning;
  /// The figure of member `member` (an index into the analysis's coalition); nullopt where it
  /// is undefined or its part is missing (no survey, no decision body, no contacts).
  std::optional<double> (*value)(const Analysis& analysis, std::size_t member);
};

/// Every member figure, in a fixed order: structure and paths, sectors, power, survey,
/// people. The definitions are in docs/metrics.md and docs/surveys.md. O(1).
std::span<const MemberFigureSpec> member_figure_table();

/// The member figure named `name`, or nullptr. O(figures).
const MemberFigureSpec* find_member_figure(std::string_view name);

/// Coalition-wide effective decision makers: 1 / Σ p_v² over the members' coalition-wide
/// power shares (an inverse Herfindahl index); nullopt without a decision body or power.
/// O(members).
std::optional<double> coalition_effective_decision_makers(const Analysis& analysis);

/// How many sectors have at least one member. O(sectors).
std::size_t sectors_at_table(const Analysis& analysis);

/// How many core sectors of the taxonomy have no member (waived ones not counted). O(sectors).
std::size_t core_sectors_missing(const Analysis& analysis);

}  // namespace xsector
