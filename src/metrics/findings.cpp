#include "xsector/findings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace xsector {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::high: return "high";
    case Severity::medium: return "medium";
    case Severity::low: return "low";
    case Severity::info: return "info";
  }
  return "info";
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
}

namespace {

/// " Whom to invite, for example: a, b, c" from the sector's examples (at most three), or "".
std::string invite_text(const Sector& sector) {
  if (sector.examples.empty()) return {};
  const std::size_t n = std::min<std::size_t>(3, sector.examples.size());
  return fmt::format(
      ". Whom to invite, for example: {}",
      fmt::join(sector.examples.begin(), sector.examples.begin() + static_cast<std::ptrdiff_t>(n), ", "));
}

/// Waived sectors (info) and members whose sector maps nowhere in the taxonomy (low).
void crosswalk_findings(const Coalition& c, const SectorReport& r, std::vector<Finding>& out) {
  for (const std::size_t s : r.gaps.waived) {
    const Sector& sector = r.index.sectors[s];
    const auto w =
        std::find_if(c.waivers.begin(), c.waivers.end(), [&](const Waiver& x) { return x.sector == sector.id; });
    out.push_back({Severity::info,
                   "sectors",
                   "waived-sector",
                   fmt::format("{} is waived: {}", sector.name, w != c.waivers.end() ? w->reason : ""),
                   {sector.id}});
  }
  if (!c.unplaced.empty()) {
    Finding f{Severity::low, "sectors", "unplaced-members", "", {}};
    std::vector<std::string> names;
    for (const auto m : c.unplaced) {
      f.subjects.push_back(c.members[m].id);
      names.push_back(fmt::format("{} ({})", c.members[m].name, c.members[m].sector));
    }
    const bool one = names.size() == 1;
    f.message = fmt::format(
        "{} no counterpart in the {} taxonomy{}, so {} counted in none of its sectors: {}",
        one ? "One member's sector has" : fmt::format("{} members' sectors have", names.size()), c.taxonomy.id,
        c.crosswalk_from.empty() ? "" : fmt::format(" (the file is written for {})", c.crosswalk_from),
        one ? "it is" : "they are", fmt::join(names, ", "));
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> gap_findings(const Coalition& c, const SectorReport& r) {
  std::vector<Finding> out;
  const auto& sectors = r.index.sectors;
  const std::string taxonomy = fmt::format("the {} taxonomy", c.taxonomy.id);
  for (const std::size_t s : r.gaps.missing) {
    const Sector& sector = sectors[s];
    const bool declared = !r.index.from_taxonomy[s];
    switch (sector.priority) {
      case Priority::core:
        out.push_back({Severity::high,
                       "sectors",
                       "missing-core-sector",
                       fmt::format("No member from {}, a core sector of {}{}", sector.name,
                                   declared ? "this coalition's own sectors" : taxonomy, invite_text(sector)),
                       {sector.id}});
        break;
      case Priority::recommended:
        out.push_back(
            {Severity::medium,
             "sectors",
             "missing-sector",
             fmt::format("No member from {}, a recommended sector of {}{}", sector.name, taxonomy, invite_text(sector)),
             {sector.id}});
        break;
      case Priority::optional:
        out.push_back({Severity::low,
                       "sectors",
                       "missing-optional-sector",
                       fmt::format("No member from {} ({} lists it as optional){}", sector.name,
                                   declared ? "this coalition" : taxonomy, invite_text(sector)),
                       {sector.id}});
        break;
    }
  }
  crosswalk_findings(c, r, out);
  for (const auto& t : r.gaps.thin) {
    const Member& m = c.members[t.member];
    out.push_back(
        {Severity::medium,
         "sectors",
         "thin-sector",
         fmt::format("Only {} represents {}: if they leave, the sector is gone", m.name, sectors[t.sector].name),
         {sectors[t.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.cut_off) {
    out.push_back({Severity::medium,
                   "sectors",
                   "cut-off-sector",
                   fmt::format("No member from {} has a tie to another sector", sectors[s].name),
                   {sectors[s].id}});
  }
  for (const auto& b : r.gaps.single_broker) {
    const Member& m = c.members[b.member];
    out.push_back({Severity::medium,
                   "sectors",
                   "single-broker-sector",
                   fmt::format("All of {}'s ties to other sectors run through {}", sectors[b.sector].name, m.name),
                   {sectors[b.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.no_vote) {
    out.push_back({Severity::medium,
                   "sectors",
                   "no-vote-sector",
                   fmt::format("No member from {} holds a seat in any decision body", sectors[s].name),
                   {sectors[s].id}});
  }
  if (!r.gaps.governance_described) {
    out.push_back({Severity::info,
                   "sectors",
                   "no-governance",
                   "The file describes no decision body, so who has a vote cannot be assessed",
                   {}});
  }
  if (!r.gaps.unlinked_pairs.empty()) {
    Finding f{Severity::low, "sectors", "unlinked-sectors", "", {}};
    std::vector<std::string> examples;
    for (const auto& [a, b] : r.gaps.unlinked_pairs) {
      f.subjects.push_back(fmt::format("{}+{}", sectors[a].id, sectors[b].id));
      if (examples.size() < 3) examples.push_back(fmt::format("{} and {}", sectors[a].name, sectors[b].name));
    }
    const std::size_t n = r.gaps.unlinked_pairs.size();
    f.message = fmt::format("{} {} of sectors at the table {} no tie between them, such as {}", n,
                            n == 1 ? "pair" : "pairs", n == 1 ? "has" : "have", fmt::join(examples, "; "));
    out.push_back(std::move(f));
  }
  return out;
}

namespace {
std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }
std::string seats_word(std::int64_t votes) { return votes == 1 ? "one seat" : fmt::format("{} seats", votes); }
}  // namespace

std::vector<Finding> power_findings(const Coalition& c, const SectorIndex& sectors, const CoalitionPower& p) {
  std::vector<Finding> out;
  for (const BodyPower& body : p.bodies) {
    const Body& b = c.governance[body.body];
    const bool everyone_blocks = b.rule.kind == Rule::Kind::unanimity || b.rule.kind == Rule::Kind::consensus;
    for (const SeatPower& s : body.seats) {
      const Member& m = c.members[s.member];
      if (s.dummy) {
        out.push_back({Severity::high,
                       "power",
                       "seat-without-power",
                       fmt::format("{} has {} on {} and no voting power: no decision ever turns on its vote", m.name,
                                   seats_word(s.votes), b.id),
                       {m.id, b.id}});
      }
      if (s.veto && !everyone_blocks && body.seats.size() > 1) {
        out.push_back({Severity::medium,
                       "power",
                       "veto-player",
                       fmt::format("{} can block every decision of {}", m.name, b.id),
                       {m.id, b.id}});
      }
    }
    // Sector seat shares against power shares inside this body.
    std::vector<double> seat(sectors.sectors.size(), 0.0);
    std::vector<double> power(sectors.sectors.size(), 0.0);
    for (const SeatPower& s : body.seats) {
      seat[sectors.sector_of[s.member]] += s.seat_share;
      power[sectors.sector_of[s.member]] += s.banzhaf.value_or(0.0);
    }
    for (std::size_t k = 0; k < seat.size(); ++k) {
      if (seat[k] >= 0.1 && power[k] < seat[k] * 2.0 / 3.0 && body.can_decide) {
        out.push_back({Severity::medium,
                       "power",
                       "power-below-seats",
                       fmt::format("Members from {} hold {} of {}'s seats but {} of its voting power",
                                   sectors.sectors[k].name, percent(seat[k]), b.id, percent(power[k])),
                       {sectors.sectors[k].id, b.id}});
      }
    }
    if (body.effective_decision_makers && body.seats.size() >= 3 && *body.effective_decision_makers < 2.0) {
      out.push_back({Severity::medium,
                     "power",
                     "concentrated-body",
                     fmt::format("Decisions of {} effectively rest with {:.1f} of its {} seat holders", b.id,
                                 *body.effective_decision_makers, body.seats.size()),
                     {b.id}});
    }
  }
  const bool any_community =
      std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return m.community_led; });
  if (!any_community) {
    out.push_back({Severity::medium,
                   "power",
                   "no-community-led-members",
                   "No member is marked community_led: is the coalition engaging organizations that serve "
                   "communities experiencing inequities?",
                   {}});
  } else if (p.community_led) {
    const bool voiceless = p.community_led->seats == 0.0;
    out.push_back({voiceless ? Severity::high : Severity::info,
                   "power",
                   "community-led-power",
                   voiceless ? std::string("No community-led member holds a seat in any decision body")
                             : fmt::format("Community-led members hold {} of seats and {} of voting power across "
                                           "decision bodies",
                                           percent(p.community_led->seats), percent(p.community_led->power)),
                   {}});
  }
  if (p.lived_experience && p.lived_experience->seats > 0) {
    out.push_back({Severity::info,
                   "power",
                   "lived-experience-power",
                   fmt::format("Members speaking from lived experience hold {} of seats and {} of voting power",
                               percent(p.lived_experience->seats), percent(p.lived_experience->power)),
                   {}});
  }
  if (c.backbone && p.backbone_betweenness_share && *p.backbone_betweenness_share > 0.5) {
    const Member& m = c.members[*c.backbone];
    out.push_back({Severity::medium,
                   "power",
                   "backbone-brokerage",
                   fmt::format("The backbone, {}, carries {} of all brokerage (betweenness): most paths between "
                               "members run through it",
                               m.name, percent(*p.backbone_betweenness_share)),
                   {m.id}});
  }
  for (const auto& r : p.concentrated_roles) {
    const Member& m = c.members[r.member];
    out.push_back({Severity::info,
                   "power",
                   "concentrated-roles",
                   fmt::format("{} holds several roles at once: {}", m.name, fmt::join(r.roles, ", ")),
                   {m.id}});
  }
  if (!p.resource_gaps.empty()) {
    const ResourceGap& g = p.resource_gaps.front();
    if (std::abs(g.funding_share - g.power_share) >= 0.2) {
      const Member& m = c.members[g.member];
      out.push_back({Severity::info,
                     "power",
                     "resources-and-power",
                     fmt::format("{} brings {} of the stated funding and holds {} of voting power", m.name,
                                 percent(g.funding_share), percent(g.power_share)),
                     {m.id}});
    }
  }
  return out;
}

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

/// The members outside the largest component (the first of equal size), by component.
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

std::string names_of(const Coalition& c, const std::vector<std::size_t>& members, std::size_t limit = 4) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < members.size() && i < limit; ++i) names.push_back(c.members[members[i]].name);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() && members.size() <= limit ? " and " : ", ";
    out += names[i];
  }
  if (members.size() > limit) out += fmt::format(" and {} more", members.size() - limit);
  return out;
}

/// Whether `d` splits its member's group: more groups remain among the others than there
/// were (an isolate leaving takes its own group with it). In a coalition already in pieces,
/// fragmentation rises a little whenever anyone leaves the largest piece; that is no split.
bool splits(const Coalition& c, const Departure& d, std::size_t groups_before) {
  const bool isolate =
      std::none_of(c.ties.begin(), c.ties.end(), [&](const Tie& t) { return t.a == d.member || t.b == d.member; });
  return d.components + (isolate ? 1 : 0) > groups_before;
}

std::size_t group_count(const Coalition& c) {
  const auto number = components_of(c);
  return number.empty() ? 0 : *std::max_element(number.begin(), number.end()) + 1;
}

}  // namespace

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
    Finding f{Severity::high, "resilience", "separate-groups", "", {}};
    std::vector<std::string> parts;
    std::size_t apart = 0;
    for (const auto& g : groups) {
      apart += g.size();
      parts.push_back(names_of(c, g));
      for (const auto v : g) f.subjects.push_back(c.members[v].id);
    }
    f.message =
        fmt::format("The coalition falls into {} separate groups: {} {} no tie to the main group ({})",
                    groups.size() + 1, apart, apart == 1 ? "member has" : "members have", fmt::join(parts, "; "));
    out.push_back(std::move(f));
  }
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (degree[v] != 0) continue;
    out.push_back({Severity::medium,
                   "resilience",
                   "isolated-member",
                   fmt::format("{} has no tie to any other member", c.members[v].name),
                   {c.members[v].id}});
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
  for (std::size_t i = 0; i < std::min<std::size_t>(3, splitting.size()); ++i) {
    const Departure& d = *splitting[i];
    const Member& m = c.members[d.member];
    out.push_back({*d.fragmentation - before >= 0.25 ? Severity::high : Severity::medium,
                   "resilience",
                   "departure-splits-network",
                   fmt::format("If {} leaves, {} of pairs of the remaining members can no longer reach each other "
                               "(now {})",
                               m.name, percent(*d.fragmentation), percent(before)),
                   {m.id}});
  }
  for (const auto& d : r.departures) {
    const Member& m = c.members[d.member];
    for (const auto s : d.sectors_unlinked) {
      out.push_back({Severity::medium,
                     "resilience",
                     "departure-unlinks-sector",
                     fmt::format("If {} leaves, no member from {} keeps a tie to another sector", m.name,
                                 sectors.sectors[s].name),
                     {m.id, sectors.sectors[s].id}});
    }
    for (const auto& shift : d.power) {
      if (!shift.can_decide) {
        out.push_back(
            {Severity::high,
             "resilience",
             "departure-blocks-body",
             fmt::format("If {} leaves, {} can no longer reach its quota", m.name, c.governance[shift.body].id),
             {m.id, c.governance[shift.body].id}});
      }
    }
  }
  return out;
}

namespace {

/// How directly a coordinator can act on a finding of this code; lower comes first.
int code_rank(std::string_view code) {
  static const std::vector<std::string_view> order = {
      "missing-core-sector",  "separate-groups",          "departure-splits-network",
      "isolated-member",      "departure-blocks-body",    "community-led-power",
      "seat-without-power",   "no-community-led-members", "thin-sector",
      "cut-off-sector",       "departure-unlinks-sector", "no-vote-sector",
      "single-broker-sector", "missing-sector",           "veto-player",
      "concentrated-body",    "power-below-seats",        "backbone-brokerage",
      "unlinked-sectors",     "missing-optional-sector"};
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

/// "A, B and C", or "A, B, C and 4 more" past `limit`.
std::string listed(const std::vector<std::string>& names, std::size_t limit = 4) {
  std::string out;
  const std::size_t shown = std::min(limit, names.size());
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == shown && names.size() <= limit ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > limit) out += fmt::format(" and {} more", names.size() - limit);
  return out;
}

std::string group_headline(const Coalition& c, const SectorIndex& sectors, const std::string& code,
                           const std::vector<Finding>& items) {
  const std::size_t n = items.size();
  std::vector<std::string> first;  // the name of each finding's first subject
  for (const auto& f : items) {
    if (f.subjects.empty()) continue;
    const bool member_first = code == "seat-without-power" || code == "veto-player" || code == "isolated-member" ||
                              code == "departure-splits-network" || code == "departure-unlinks-sector" ||
                              code == "departure-blocks-body" || code == "concentrated-roles";
    first.push_back(member_first ? member_name(c, f.subjects[0]) : sector_name(sectors, f.subjects[0]));
  }
  std::vector<std::string> unique;  // in the findings' order, each name once
  for (auto& name : first) {
    if (std::find(unique.begin(), unique.end(), name) == unique.end()) unique.push_back(std::move(name));
  }
  first = std::move(unique);
  const std::string who = listed(first);
  if (code == "missing-core-sector") return fmt::format("{} core sectors have no member: {}", n, who);
  if (code == "missing-sector") return fmt::format("{} recommended sectors have no member: {}", n, who);
  if (code == "missing-optional-sector") return fmt::format("{} optional sectors have no member: {}", n, who);
  if (code == "thin-sector") return fmt::format("{} sectors rest on a single member: {}", n, who);
  if (code == "cut-off-sector")
    return fmt::format("{} sectors are at the table but tied to no other sector: {}", n, who);
  if (code == "single-broker-sector") {
    return fmt::format("{} sectors reach the other sectors through one member only: {}", n, who);
  }
  if (code == "no-vote-sector") return fmt::format("{} sectors hold no seat in any decision body: {}", n, who);
  if (code == "seat-without-power") return fmt::format("{} seats carry no voting power: {}", n, who);
  if (code == "veto-player") return fmt::format("{} seats can block decisions alone: {}", n, who);
  if (code == "power-below-seats") return fmt::format("{} sectors hold less voting power than seats: {}", n, who);
  if (code == "concentrated-body") return fmt::format("Decisions of {} bodies rest with fewer than two members", n);
  if (code == "isolated-member")
    return fmt::format("{} members have no tie to any other member: {}", first.size(), who);
  if (code == "departure-splits-network") {
    return fmt::format("{} members would cut others off if they left: {}", first.size(), who);
  }
  if (code == "departure-unlinks-sector") {
    return fmt::format("{} departures would leave a sector with no link to the others: {}", n, who);
  }
  if (code == "departure-blocks-body") {
    return fmt::format("{} departures would leave a decision body unable to decide: {}", n, who);
  }
  if (code == "concentrated-roles") return fmt::format("{} members hold several roles at once: {}", first.size(), who);
  return fmt::format("{} related findings ({}): {}", n, code, items.front().message);
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
      a.why = fmt::format("{} core sectors have no member yet: {}", core.size(), listed(names));
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
