// What people.cpp, people_findings.cpp and people_changes.cpp share (internal to
// src/metrics/): finding contacts by id and a tie's other end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector::detail {

/// Where each contact id belongs: (member, index in its contacts).
inline std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> contact_index(const Coalition& c) {
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> out;
  for (std::size_t m = 0; m < c.members.size(); ++m) {
    for (std::size_t k = 0; k < c.members[m].contacts.size(); ++k)
      out.emplace(c.members[m].contacts[k].id, std::pair(m, k));
  }
  return out;
}

/// How many of a tie's carriers are contacts of its end `a` and of its end `b` (carriers naming
/// no known contact, or a contact of a third member, count on neither side).
inline std::pair<std::size_t, std::size_t> carriers_per_side(
    const Tie& tie, const std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>>& where) {
  std::size_t on_a = 0;
  std::size_t on_b = 0;
  for (const auto& id : tie.carried_by) {
    const auto it = where.find(id);
    if (it == where.end()) continue;  // a hand-built coalition may name no one known
    if (it->second.first == tie.a)
      ++on_a;
    else if (it->second.first == tie.b)
      ++on_b;
  }
  return {on_a, on_b};
}

/// The end of `t` that is not member `m`.
inline std::size_t other_end(const Tie& t, std::size_t m) { return t.a == m ? t.b : t.a; }

}  // namespace xsector::detail
