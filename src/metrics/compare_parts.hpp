// What compare.cpp, qap.cpp and compare_findings.cpp share (internal to src/metrics/).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"
#include "xsector/findings.hpp"

namespace xsector::detail {

/// The QAP over the members in both waves (`common_a[i]` in `a` is `common_b[i]` in `b`), in
/// the first wave's order: their tied pairs only, or each pair's highest tie level when
/// `options.valued_qap`.
Qap common_qap(const Coalition& a, const std::vector<std::size_t>& common_a, const Coalition& b,
               const std::vector<std::size_t>& common_b, const CompareOptions& options);

/// The findings about what changed from the earlier wave to the later, as codes and facts, from
/// a comparison whose differences and QAP are filled in: membership, sectors, density,
/// brokerage, power and the QAP. compare() adds them before the people's findings.
std::vector<Finding> comparison_findings(const Comparison& comparison);

/// Every member figure before and after of the members in both waves (`common_a[i]` in `a`'s
/// analysis is `common_b[i]` in `b`'s), in the first wave's order. O(k F) for F member figures.
std::vector<MemberChange> member_changes(const Coalition& a, const Analysis& analysis_a, const Analysis& analysis_b,
                                         const std::vector<std::size_t>& common_a,
                                         const std::vector<std::size_t>& common_b);

/// The `limit` largest changes of the headline member figures (RankedChange). O(k F log(k F)).
std::vector<RankedChange> largest_changes(const std::vector<MemberChange>& members, std::size_t limit);

/// Who answered each wave's survey (unset `surveyed` unless both have one). O(r log r).
Respondents respondent_sets(const Coalition& a, const Coalition& b);

/// The `respondents-changed` finding when the respondent sets differ; `restricted` when the
/// ties are compared only between members who answered both. O(r).
std::optional<Finding> respondents_finding(const Respondents& respondents, bool restricted);

}  // namespace xsector::detail
