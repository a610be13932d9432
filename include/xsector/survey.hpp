// Relationships as partners report them: ties made from a partner survey, the directed
// network of who names whom, and the trust and value partners give each other
// (docs/surveys.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/findings.hpp"
#include "xsector/sectors.hpp"
#include "xsector/survey_ties.hpp"

namespace xsector {

/// Survey figures of one member. Means are over the responses that give the item; null
/// where no response does.
struct SurveyMember {
  bool respondent = false;
  std::size_t in_degree = 0;              ///< responses about it (times named)
  std::optional<std::size_t> out_degree;  ///< its responses (partners named); null for a non-respondent
  /// Share of the partners it named that name it back; null if it named none or did not respond.
  std::optional<double> reciprocity;
  std::optional<double> trust;                         ///< mean over responses about it of their trust
  std::optional<double> value;                         ///< mean over responses about it of their value
  std::optional<double> trust_given;                   ///< mean trust of its own responses
  std::array<std::optional<double>, 3> trust_items{};  ///< reliability, mission, openness
  std::array<std::optional<double>, 3> value_items{};  ///< power, involvement, resources
};

/// Trust between sectors: one cell per ordered pair of sectors with at least one response.
struct SectorTrust {
  struct Cell {
    std::size_t from = 0;         ///< the respondents' sector
    std::size_t to = 0;           ///< the rated members' sector
    std::optional<double> trust;  ///< mean trust of those responses; null when none gives trust
    std::size_t responses = 0;    ///< the responses giving trust behind `trust`
  };
  std::vector<Cell> cells;  ///< sorted by (from, to)
  /// The mean trust from sector `from` about sector `to`; null where no response gives trust.
  /// O(log cells).
  [[nodiscard]] std::optional<double> trust(std::size_t from, std::size_t to) const;
  /// The responses giving trust behind trust(from, to); 0 where none. O(log cells).
  [[nodiscard]] std::size_t responses(std::size_t from, std::size_t to) const;
};

/// Figures of a coalition's survey (docs/surveys.md).
struct SurveyFigures {
  bool present = false;  ///< the coalition has a survey; every other field is default otherwise
  std::size_t respondents = 0;
  std::size_t responses = 0;
  std::optional<double> response_rate;  ///< respondents / members; null without members
  std::size_t reported_pairs = 0;
  std::size_t confirmed_pairs = 0;  ///< pairs both sides name, written under `ties` or not
  /// Pairs whose status is one-sided: named by one side only and not written under `ties`.
  std::size_t one_sided_pairs = 0;
  std::size_t written_pairs = 0;         ///< pairs also written under `ties` (status `written`)
  std::size_t pairs_both_responded = 0;  ///< reported pairs whose two members both responded
  /// confirmed / pairs_both_responded; null when no reported pair has two respondents.
  std::optional<double> confirmation_rate;
  std::optional<double> trust_score;  ///< mean trust over all responses / 4
  std::optional<double> value_score;  ///< mean value over all responses / 4
  std::vector<SurveyMember> members;  ///< in file order
  std::vector<ReportedPair> pairs;    ///< as reported_pairs
  /// Mean trust of responses by members of sector `from` about members of sector `to`
  /// (SectorIndex order), kept sparse: memory grows with the responses, never with the square
  /// of the sectors.
  SectorTrust trust_by_sector;
};

/// The trust of one response: the mean of the trust items it gives; null if none. O(1).
std::optional<double> response_trust(const Response& response);
/// The value of one response: the mean of the value items it gives; null if none. O(1).
std::optional<double> response_value(const Response& response);

/// Every survey figure; `present` false and nothing else filled without a survey. Members'
/// sectors come from `sectors` (index_sectors of the same coalition). Works on any response
/// set, including one with no responses (every mean null, rates as defined).
/// O(members + sectors + responses log responses) expected.
SurveyFigures survey_figures(const Coalition& coalition, const SectorIndex& sectors);

/// Survey findings (area `survey`): a response rate under the threshold, members few others
/// name, one-sided ties, low trust between sectors, and members valued for resources that
/// hold no seat. Thresholds in docs/surveys.md. Empty without a survey; a survey with no
/// responses gives at most the response-rate finding. O(members + pairs + responses + seats).
std::vector<Finding> survey_findings(const Coalition& coalition, const SectorIndex& sectors,
                                     const SurveyFigures& survey);

/// The response rate under which the map is not trusted (findings): 0.70.
inline constexpr double min_response_rate = 0.70;
/// Mean trust (1-4 scale) under which trust from one sector to another is called low.
inline constexpr double low_trust = 2.5;
/// A member valued for resources: mean value_resources at least this (1-4 scale).
inline constexpr double high_resources = 3.0;

}  // namespace xsector
