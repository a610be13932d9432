// Findings grouped by code for reading, and the next actions a coordinator could take, as codes
// and facts (their sentences: src/outputs/finding_text.cpp).
#include <algorithm>
#include <map>
#include <optional>

#include "metrics/findings_parts.hpp"
#include "xsector/findings.hpp"

namespace xsector {

using detail::group_count;
using detail::ids;
using detail::member_ids;
using detail::num;
using detail::outside_largest;
using detail::splits;
using detail::txt;

namespace {

/// How directly a coordinator can act on a finding of this code; lower comes first.
int code_rank(std::string_view code) {
  static const std::vector<std::string_view> order = {
      "missing-core-sector",   "separate-groups",          "departure-splits-network", "person-departure-cuts-ties",
      "cut-off-sector",        "departure-unlinks-sector", "body-cannot-decide",       "departure-blocks-body",
      "veto-player",           "isolated-member",          "community-led-power",      "thin-sector",
      "member-single-carrier", "single-broker-sector",     "missing-sector",           "seat-without-power",
      "concentrated-body",     "power-below-seats",        "backbone-brokerage",       "no-vote-sector",
      "single-carried-ties",   "unlinked-sectors",         "missing-optional-sector",  "no-community-led-members"};
  const auto at = std::find(order.begin(), order.end(), code);
  return static_cast<int>(at - order.begin());
}

}  // namespace

std::vector<FindingGroup> group_findings(const std::vector<Finding>& findings) {
  std::vector<FindingGroup> groups;
  std::map<std::string, std::size_t> at;
  for (const auto& f : findings) {
    const auto [it, fresh] = at.emplace(f.code, groups.size());
    if (fresh) groups.push_back({f.severity, f.code, {}});
    FindingGroup& g = groups[it->second];
    g.severity = std::min(g.severity, f.severity);
    g.items.push_back(f);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const FindingGroup& x, const FindingGroup& y) {
    if (x.severity != y.severity) return x.severity < y.severity;
    return code_rank(x.code) < code_rank(y.code);
  });
  return groups;
}

namespace {

/// Invite a member from the first missing core sector (`core`: every missing core sector).
std::optional<Action> invite_action(const SectorReport& r) {
  const auto& sectors = r.index.sectors;
  std::vector<std::string> core;
  const Sector* first = nullptr;
  for (const auto s : r.gaps.missing) {
    if (sectors[s].priority != Priority::core) continue;
    if (first == nullptr) first = &sectors[s];
    core.push_back(sectors[s].id);
  }
  if (first == nullptr) return std::nullopt;
  const Sector& s = *first;
  const std::size_t n = std::min<std::size_t>(3, s.examples.size());
  return Action{"invite-sector",
                {s.id},
                {ids("examples", {s.examples.begin(), s.examples.begin() + static_cast<std::ptrdiff_t>(n)}),
                 ids("core", std::move(core))}};
}

/// Connect the members already cut off, or give a second tie to those one departure (the one
/// that cuts most members off) would cut off.
std::optional<Action> connect_action(const Coalition& c, const Resilience& res) {
  const auto apart = outside_largest(c, std::nullopt);
  if (!apart.empty()) {
    std::vector<std::size_t> members;
    for (const auto& g : apart) members.insert(members.end(), g.begin(), g.end());
    return Action{"connect-members", member_ids(c, members), {}};
  }
  const double before = res.fragmentation.value_or(0.0);
  const Departure* worst = nullptr;
  for (const auto& d : res.departures) {
    if (!d.fragmentation || *d.fragmentation <= before + 1e-12 || !splits(c, d, group_count(c))) continue;
    if (worst == nullptr || *d.fragmentation > *worst->fragmentation) worst = &d;
  }
  if (worst == nullptr) return std::nullopt;
  std::vector<std::size_t> cut;
  for (const auto& g : outside_largest(c, worst->member)) cut.insert(cut.end(), g.begin(), g.end());
  std::sort(cut.begin(), cut.end());
  Action a{"add-tie", {c.members[worst->member].id}, {ids("cut", member_ids(c, cut))}};
  for (const auto v : cut) a.subjects.push_back(c.members[v].id);
  return a;
}

/// A seat for community-led members when none holds one, or else for the first sector
/// without a vote (core first). `members`: whom to suggest; `voiceless`: how many sectors.
std::optional<Action> seat_action(const Coalition& c, const SectorReport& r, const CoalitionPower& p) {
  if (c.governance.empty()) return std::nullopt;
  const auto& sectors = r.index.sectors;
  const std::string body = c.governance.front().id;
  std::vector<std::size_t> community;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (c.members[v].community_led) community.push_back(v);
  }
  if (!community.empty() && p.community_led && p.community_led->seats == 0.0) {
    Action a{"open-seat", {body}, {txt("for", "community-led"), ids("members", member_ids(c, community))}};
    for (const auto v : community) a.subjects.push_back(c.members[v].id);
    return a;
  }
  if (r.gaps.no_vote.empty()) return std::nullopt;
  std::vector<std::size_t> voiceless = r.gaps.no_vote;
  std::stable_sort(voiceless.begin(), voiceless.end(),
                   [&](std::size_t x, std::size_t y) { return sectors[x].priority < sectors[y].priority; });
  const std::size_t s = voiceless.front();
  return Action{"open-seat",
                {body, sectors[s].id},
                {txt("for", "sector"), ids("members", member_ids(c, r.sectors[s].members)),
                 num("voiceless", static_cast<double>(voiceless.size()))}};
}

}  // namespace

std::vector<Action> next_actions(const Coalition& c, const SectorReport& r, const CoalitionPower& p,
                                 const Resilience& res) {
  std::vector<Action> out;
  for (auto a : {invite_action(r), connect_action(c, res), seat_action(c, r, p)}) {
    if (a) out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace xsector
