// What compare.cpp, qap.cpp and compare_findings.cpp share (internal to src/metrics/).
#pragma once

#include <cstddef>
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

/// The findings about what changed from `a` (before) to `b` (after), in plain language, from
/// a comparison whose differences and QAP are filled in: membership, sectors, density,
/// brokerage, power and the QAP. compare() adds them before the people's findings.
std::vector<Finding> comparison_findings(const Comparison& comparison, const Coalition& a, const Coalition& b);

}  // namespace xsector::detail
