// Findings grouped by code for reading, and the next actions a coordinator could take.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "metrics/findings_parts.hpp"
#include "metrics/wording.hpp"
#include "xsector/findings.hpp"

namespace xsector {

using detail::group_count;
using detail::listed;
using detail::names_of;
using detail::outside_largest;
using detail::splits;

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

std::string sector_name(const SectorIndex& sectors, const std::string& id) {
  for (const auto& s : sectors.sectors) {
    if (s.id == id) return s.name;
  }
  return id;
}

std::string member_name(const Coalition& c, const std::string& id) {
  for (const auto& m : c.members) {
    if (m.id == id) return m.name;
  }
  return id;
}

/// What a group of findings of one code says: which subject names it (its position in a
/// finding's subjects, and whether it is a member, a sector or a body) and the sentence, with
/// {n} the number of findings and {who} the first names.
struct GroupSentence {
  std::string_view code;
  enum Kind { member, sector, body } kind;
  std::size_t subject;
  std::string_view text;
};

const std::vector<GroupSentence>& group_sentences() {
  static const std::vector<GroupSentence> table = {
      {"missing-core-sector", GroupSentence::sector, 0, "{n} core sectors have no member: {who}"},
      {"missing-sector", GroupSentence::sector, 0, "{n} recommended sectors have no member: {who}"},
      {"missing-optional-sector", GroupSentence::sector, 0, "{n} optional sectors have no member: {who}"},
      {"waived-sector", GroupSentence::sector, 0, "{n} sectors are waived: {who}"},
      {"thin-sector", GroupSentence::sector, 0, "{n} sectors rest on a single member: {who}"},
      {"cut-off-sector", GroupSentence::sector, 0, "{n} sectors are at the table but tied to no other sector: {who}"},
      {"single-broker-sector", GroupSentence::sector, 0,
       "{n} sectors reach the other sectors through one member only: {who}"},
      {"no-vote-sector", GroupSentence::sector, 0, "{n} sectors hold no seat in any decision body: {who}"},
      {"body-cannot-decide", GroupSentence::body, 0, "{n} decision bodies cannot reach their quota: {who}"},
      {"seat-without-power", GroupSentence::member, 0, "{n} seats carry no voting power: {who}"},
      {"veto-player", GroupSentence::member, 0, "{n} seats can block decisions alone: {who}"},
      {"power-below-seats", GroupSentence::sector, 0,
       "In {n} cases a sector holds less voting power than seats: {who}"},
      {"concentrated-body", GroupSentence::body, 0, "Decisions of {n} bodies rest with fewer than two members: {who}"},
      {"isolated-member", GroupSentence::member, 0, "{n} members have no tie to any other member: {who}"},
      {"departure-splits-network", GroupSentence::member, 0, "{n} members would cut others off if they left: {who}"},
      {"departure-unlinks-sector", GroupSentence::member, 0,
       "{n} departures would leave a sector with no tie to the other sectors, if {who} left"},
      {"departure-blocks-body", GroupSentence::member, 0,
       "{n} departures would leave a decision body unable to decide, if {who} left"},
      {"concentrated-roles", GroupSentence::member, 0, "{n} members hold several roles at once: {who}"},
      {"person-departure-cuts-ties", GroupSentence::member, 1,
       "{n} people alone carry ties the coalition cannot lose (their departure splits the network or leaves a "
       "sector with no tie to the others), at {who}"},
      {"member-single-carrier", GroupSentence::member, 0, "{n} members reach every partner through one person: {who}"},
      {"single-carried-ties", GroupSentence::member, 0,
       "{n} members have ties that one contact alone carries on their side: {who}"},
      {"warm-handoff", GroupSentence::member, 1, "{n} suggested warm handoffs, for contacts at {who}"},
      {"low-trust-between-sectors", GroupSentence::sector, 0,
       "In {n} cases members of one sector rate their trust in another sector low, from {who}"},
      {"valued-without-seat", GroupSentence::member, 0,
       "{n} members valued for their resources hold no seat in any decision body: {who}"},
  };
  return table;
}

std::string group_headline(const Coalition& c, const SectorIndex& sectors, const std::string& code,
                           const std::vector<Finding>& items) {
  const auto& table = group_sentences();
  const auto sentence =
      std::find_if(table.begin(), table.end(), [&](const GroupSentence& g) { return g.code == code; });
  if (sentence == table.end()) {
    return fmt::format("{} (and {} more like it)", items.front().message, items.size() - 1);
  }
  std::vector<std::string> names;  // each finding's subject, named, each once in the findings' order
  for (const auto& f : items) {
    if (f.subjects.size() <= sentence->subject) continue;
    const std::string& id = f.subjects[sentence->subject];
    std::string name = sentence->kind == GroupSentence::member   ? member_name(c, id)
                       : sentence->kind == GroupSentence::sector ? sector_name(sectors, id)
                                                                 : id;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return fmt::format(fmt::runtime(sentence->text), fmt::arg("n", items.size()), fmt::arg("who", listed(names, 4)));
}

}  // namespace

std::vector<FindingGroup> group_findings(const Coalition& c, const SectorIndex& sectors,
                                         const std::vector<Finding>& findings) {
  std::vector<FindingGroup> groups;
  std::map<std::string, std::size_t> at;
  for (const auto& f : findings) {
    const auto [it, fresh] = at.emplace(f.code, groups.size());
    if (fresh) groups.push_back({f.severity, f.code, "", {}});
    FindingGroup& g = groups[it->second];
    g.severity = std::min(g.severity, f.severity);
    g.items.push_back(f);
  }
  for (auto& g : groups) {
    g.headline = g.items.size() == 1 ? g.items.front().message : group_headline(c, sectors, g.code, g.items);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const FindingGroup& x, const FindingGroup& y) {
    if (x.severity != y.severity) return x.severity < y.severity;
    return code_rank(x.code) < code_rank(y.code);
  });
  return groups;
}

std::vector<Action> next_actions(const Coalition& c, const SectorReport& r, const CoalitionPower& p,
                                 const Resilience& res) {
  std::vector<Action> out;
  const auto& sectors = r.index.sectors;
  // 1. A missing core sector, with the taxonomy's examples of who could represent it.
  std::vector<std::size_t> core;
  for (const auto s : r.gaps.missing) {
    if (sectors[s].priority == Priority::core) core.push_back(s);
  }
  if (!core.empty()) {
    const Sector& s = sectors[core.front()];
    Action a{"invite-sector", "", "", {s.id}};
    std::string examples;
    for (std::size_t i = 0; i < s.examples.size() && i < 3; ++i) {
      examples += (i == 0 ? "" : i + 1 == std::min<std::size_t>(3, s.examples.size()) ? " or " : ", ") + s.examples[i];
    }
    a.text = examples.empty() ? fmt::format("Invite a member from {}", s.name)
                              : fmt::format("Invite a member from {}, such as {}", s.name, examples);
    if (core.size() == 1) {
      a.why = fmt::format("{} is a core sector and no member comes from it", s.name);
    } else {
      std::vector<std::string> names;
      names.reserve(core.size());
      for (const auto k : core) names.push_back(sectors[k].name);
      a.why = fmt::format("{} core sectors have no member yet: {}", core.size(), listed(names, 4));
    }
    out.push_back(std::move(a));
  }
  // 2. Members already cut off, or the departure that would cut most members off.
  const auto apart = outside_largest(c, std::nullopt);
  if (!apart.empty()) {
    std::vector<std::size_t> members;
    for (const auto& g : apart) members.insert(members.end(), g.begin(), g.end());
    Action a{"connect-members", "", "", {}};
    for (const auto v : members) a.subjects.push_back(c.members[v].id);
    a.text = fmt::format("Introduce {} to the rest of the coalition", names_of(c, members));
    a.why = fmt::format("{} no tie, direct or indirect, to the main group of members",
                        members.size() == 1 ? "This member has" : "These members have");
    out.push_back(std::move(a));
  } else {
    const double before = res.fragmentation.value_or(0.0);
    const Departure* worst = nullptr;
    for (const auto& d : res.departures) {
      if (!d.fragmentation || *d.fragmentation <= before + 1e-12 || !splits(c, d, group_count(c))) continue;
      if (worst == nullptr || *d.fragmentation > *worst->fragmentation) worst = &d;
    }
    if (worst != nullptr) {
      std::vector<std::size_t> cut;
      for (const auto& g : outside_largest(c, worst->member)) cut.insert(cut.end(), g.begin(), g.end());
      std::sort(cut.begin(), cut.end());
      const Member& m = c.members[worst->member];
      Action a{"add-tie", "", "", {m.id}};
      for (const auto v : cut) a.subjects.push_back(c.members[v].id);
      a.text = cut.size() == 1 ? fmt::format("Give {} a second tie or contact, so it does not depend on {} alone",
                                             names_of(c, cut), m.name)
                               : fmt::format(
                                     "Give the {} members who reach the others only through {} a second tie or "
                                     "contact: {}",
                                     cut.size(), m.name, names_of(c, cut));
      a.why = cut.size() == 1
                  ? fmt::format("If {} leaves, {} is cut off from everyone else", m.name, names_of(c, cut))
                  : fmt::format("If {} leaves, these {} members lose every path to the rest", m.name, cut.size());
      out.push_back(std::move(a));
    }
  }
  // 3. A seat for community-led members, or for a sector without a vote.
  if (!c.governance.empty()) {
    const std::string body = c.governance.front().id;
    std::vector<std::size_t> community;
    for (std::size_t v = 0; v < c.members.size(); ++v) {
      if (c.members[v].community_led) community.push_back(v);
    }
    if (!community.empty() && p.community_led && p.community_led->seats == 0.0) {
      Action a{"open-seat", "", "", {body}};
      for (const auto v : community) a.subjects.push_back(c.members[v].id);
      a.text = fmt::format("Open a seat on {} to a community-led member, such as {}", body, names_of(c, community, 3));
      a.why = "No community-led member holds a seat in any decision body";
      out.push_back(std::move(a));
    } else if (!r.gaps.no_vote.empty()) {
      std::vector<std::size_t> voiceless = r.gaps.no_vote;
      std::stable_sort(voiceless.begin(), voiceless.end(),
                       [&](std::size_t x, std::size_t y) { return sectors[x].priority < sectors[y].priority; });
      const std::size_t s = voiceless.front();
      const auto& who = r.sectors[s].members;
      Action a{"open-seat", "", "", {body, sectors[s].id}};
      a.text =
          fmt::format("Open a seat on {} to a member from {}, such as {}", body, sectors[s].name, names_of(c, who, 3));
      a.why = voiceless.size() == 1
                  ? fmt::format("{} is at the table but holds no seat in any decision body", sectors[s].name)
                  : fmt::format("{} sectors are at the table but hold no seat in any decision body", voiceless.size());
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace xsector
