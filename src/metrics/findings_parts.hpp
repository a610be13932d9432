// What findings_resilience.cpp and findings_actions.cpp share (internal to src/metrics/): the members
// cut off from the main group, now or after a departure, and how to name them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/resilience.hpp"

namespace xsector::detail {

/// The members outside the largest component (the first of equal size), by component.
std::vector<std::vector<std::size_t>> outside_largest(const Coalition& c, std::optional<std::size_t> removed);

/// The names of `members`: "A, B and C", or "A, B, C, D and 2 more" past `limit`.
std::string names_of(const Coalition& c, const std::vector<std::size_t>& members, std::size_t limit = 4);

/// Whether `d` splits its member's group: more groups remain among the others than there
/// were (an isolate leaving takes its own group with it). In a coalition already in pieces,
/// fragmentation rises a little whenever anyone leaves the largest piece; that is no split.
bool splits(const Coalition& c, const Departure& d, std::size_t groups_before);

/// How many connected groups the members form (isolates count as groups of one).
std::size_t group_count(const Coalition& c);

}  // namespace xsector::detail
