// Findings on how the network holds together and what each departure would cost, as codes and
// facts.
#include <algorithm>
#include <numeric>
#include <optional>

#include "metrics/findings_parts.hpp"
#include "xsector/findings.hpp"

namespace xsector {

using detail::finding;
using detail::ids;
using detail::num;

namespace {

/// Connected components of the undirected view of the ties, leaving out `removed`: each
/// member's component number (members apart from `removed`), numbered by first member.
std::vector<std::size_t> components_of(const Coalition& c, std::optional<std::size_t> removed = std::nullopt) {
  const std::size_t n = c.members.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const Tie& t : c.ties) {
    if (removed && (t.a == *removed || t.b == *removed)) continue;
    const std::size_t x = find(t.a);
    const std::size_t y = find(t.b);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  std::vector<std::size_t> number(n, 0);
  std::vector<std::size_t> root_number(n, n);
  std::size_t next = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (removed == v) continue;
    const std::size_t r = find(v);
    if (root_number[r] == n) root_number[r] = next++;
    number[v] = root_number[r];
  }
  return number;
}

}  // namespace

namespace detail {

std::vector<std::vector<std::size_t>> outside_largest(const Coalition& c, std::optional<std::size_t> removed) {
  const auto number = components_of(c, removed);
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (removed == v) continue;
    if (number[v] >= groups.size()) groups.resize(number[v] + 1);
    groups[number[v]].push_back(v);
  }
  if (groups.empty()) return groups;
  const auto largest =
      std::max_element(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return x.size() < y.size(); });
  groups.erase(largest);
  return groups;
}

std::vector<std::string> member_ids(const Coalition& c, const std::vector<std::size_t>& members) {
  std::vector<std::string> out;
  out.reserve(members.size());
  for (const std::size_t v : members) out.push_back(c.members[v].id);
  return out;
}

bool splits(const Coalition& c, const Departure& d, std::size_t groups_before) {
  const bool isolate =
      std::none_of(c.ties.begin(), c.ties.end(), [&](const Tie& t) { return t.a == d.member || t.b == d.member; });
  return d.components + (isolate ? 1 : 0) > groups_before;
}

std::size_t group_count(const Coalition& c) {
  const auto number = components_of(c);
  return number.empty() ? 0 : *std::max_element(number.begin(), number.end()) + 1;
}

}  // namespace detail

using detail::group_count;
using detail::member_ids;
using detail::outside_largest;
using detail::splits;

std::vector<Finding> connection_findings(const Coalition& c) {
  std::vector<Finding> out;
  if (c.members.size() < 2) return out;
  std::vector<std::size_t> degree(c.members.size(), 0);
  for (const Tie& t : c.ties) {
    ++degree[t.a];
    ++degree[t.b];
  }
  const auto groups = outside_largest(c, std::nullopt);
  if (!groups.empty()) {
    // One `group` fact per group apart from the main one, its members' ids.
    Finding f = finding(Severity::high, FindingArea::resilience, "separate-groups", {});
    for (const auto& g : groups) {
      f.facts.push_back(ids("group", member_ids(c, g)));
      for (const auto v : g) f.subjects.push_back(c.members[v].id);
    }
    out.push_back(std::move(f));
  }
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (degree[v] != 0) continue;
    out.push_back(finding(Severity::medium, FindingArea::resilience, "isolated-member", {c.members[v].id}));
  }
  return out;
}

std::vector<Finding> resilience_findings(const Coalition& c, const SectorIndex& sectors, const Resilience& r) {
  std::vector<Finding> out = connection_findings(c);
  const double before = r.fragmentation.value_or(0.0);
  std::vector<const Departure*> splitting;
  const std::size_t groups = group_count(c);
  for (const auto& d : r.departures) {
    if (d.fragmentation && *d.fragmentation > before + 1e-12 && splits(c, d, groups)) splitting.push_back(&d);
  }
  std::stable_sort(splitting.begin(), splitting.end(),
                   [](const Departure* a, const Departure* b) { return *a->fragmentation > *b->fragmentation; });
  for (const Departure* split : splitting) {
    out.push_back(finding(Severity::high, FindingArea::resilience, "departure-splits-network",
                          {c.members[split->member].id},
                          {num("fragmentation", *split->fragmentation), num("before", before)}));
  }
  for (const auto& d : r.departures) {
    const Member& m = c.members[d.member];
    for (const auto s : d.sectors_unlinked) {
      out.push_back(
          finding(Severity::high, FindingArea::resilience, "departure-unlinks-sector", {m.id, sectors.sectors[s].id}));
    }
    for (const auto& shift : d.power) {
      if (!shift.can_decide) {
        out.push_back(finding(Severity::high, FindingArea::resilience, "departure-blocks-body",
                              {m.id, c.governance[shift.body].id}));
      }
    }
  }
  return out;
}

}  // namespace xsector
