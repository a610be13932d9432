// What the findings of src/metrics/ share (internal): how a finding and its facts are made, and
// the members cut off from the main group, now or after a departure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/findings.hpp"
#include "xsector/resilience.hpp"

namespace xsector::detail {

/// A finding of `code` about `subjects`, with the facts its sentence needs.
inline Finding finding(Severity severity, FindingArea area, std::string code, std::vector<std::string> subjects,
                       std::vector<Fact> facts = {}) {
  return Finding{severity, area, std::move(code), std::move(subjects), std::move(facts)};
}

/// A number fact (a count, a share or a score).
inline Fact num(std::string name, double value) { return number_fact(std::move(name), value); }

/// A text fact.
inline Fact txt(std::string name, std::string text) { return text_fact(std::move(name), std::move(text)); }

/// A list fact: ids or texts.
inline Fact ids(std::string name, std::vector<std::string> items) {
  return list_fact(std::move(name), std::move(items));
}

/// The ids of `members`, in the given order.
std::vector<std::string> member_ids(const Coalition& c, const std::vector<std::size_t>& members);

/// The members outside the largest component (the first of equal size), by component.
std::vector<std::vector<std::size_t>> outside_largest(const Coalition& c, std::optional<std::size_t> removed);

/// Whether `d` splits its member's group: more groups remain among the others than there
/// were (an isolate leaving takes its own group with it). In a coalition already in pieces,
/// fragmentation rises a little whenever anyone leaves the largest piece; that is no split.
bool splits(const Coalition& c, const Departure& d, std::size_t groups_before);

/// How many connected groups the members form (isolates count as groups of one).
std::size_t group_count(const Coalition& c);

}  // namespace xsector::detail
