// The ties a partner survey makes: the pairs its responses report and the tie each pair gets.
// Part of loading (the loader makes these ties); the survey's figures are in survey.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector {

/// How a reported pair stands (`to_string`: "confirmed", "one-sided", "written"): both sides name each other
/// (`confirmed`), only one does
/// (`one_sided`), or the pair is also written under `ties` (`written`, whose entry wins).
enum class PairStatus { confirmed, one_sided, written };
std::string_view to_string(PairStatus status);

/// An unordered pair {a, b} with at least one survey response between them.
struct ReportedPair {
  std::size_t a = 0;                     ///< the member with the lower index
  std::size_t b = 0;                     ///< the member with the higher index
  std::optional<std::size_t> a_names_b;  ///< index of a's response about b in Survey::responses
  std::optional<std::size_t> b_names_a;  ///< index of b's response about a
  bool confirmed = false;                ///< both responses exist
  bool written = false;                  ///< a `ties` entry covers the pair
  /// The tie on the pair in Coalition::ties: the written one (of several, the first of the
  /// highest level, the level every weighted figure reads), else the one made from the
  /// responses; nullopt when the tie rule keeps no tie (a one-sided pair under `both`) or
  /// add_survey_ties has not run.
  std::optional<std::size_t> tie;
  [[nodiscard]] PairStatus status() const {
    return written ? PairStatus::written : confirmed ? PairStatus::confirmed : PairStatus::one_sided;
  }
};

/// The reported pairs of the coalition's survey, in the order of the first response on each
/// pair; empty without a survey. O(responses + ties) expected.
std::vector<ReportedPair> reported_pairs(const Coalition& coalition);

/// The level a pair's responses give its tie: the lower of the levels the two sides report
/// (one report: that level; a response without a level counts as networking). O(1).
TieLevel reported_level(const Survey& survey, const ReportedPair& pair);

/// Makes the survey's ties: removes any tie marked `from_survey`, then appends one
/// undirected tie (`from_survey` set) per reported pair that the tie rule keeps (`any`:
/// every reported pair; `both`: confirmed pairs) and no `ties` entry covers. Its level is
/// reported_level, its kinds the union of the two responses' kinds (first response first),
/// its position the first response's. The loader calls it; code that builds a Coalition by
/// hand calls it before build_graph. Nothing changes without a survey.
/// O(responses + ties) expected.
void add_survey_ties(Coalition& coalition);

}  // namespace xsector
