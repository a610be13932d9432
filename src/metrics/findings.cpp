// Findings about sector gaps and decision power, in plain language (the network and
// departures: findings_resilience.cpp).
#include "xsector/findings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "metrics/wording.hpp"

namespace xsector {

using detail::percent;

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::high: return "high";
    case Severity::medium: return "medium";
    case Severity::low: return "low";
    case Severity::info: return "info";
  }
  return "info";
}

std::string_view to_string(FindingArea area) {
  switch (area) {
    case FindingArea::sectors: return "sectors";
    case FindingArea::power: return "power";
    case FindingArea::resilience: return "resilience";
    case FindingArea::survey: return "survey";
    case FindingArea::people: return "people";
    case FindingArea::compare: return "compare";
  }
  return "sectors";
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
                   FindingArea::sectors,
                   "waived-sector",
                   fmt::format("{} is waived: {}", sector.name, w != c.waivers.end() ? w->reason : ""),
                   {sector.id}});
  }
  if (!c.unplaced.empty()) {
    Finding f{Severity::low, FindingArea::sectors, "unplaced-members", "", {}};
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

/// One finding per missing sector: high when core, medium when recommended, low when optional.
void missing_findings(const Coalition& c, const SectorReport& r, std::vector<Finding>& out) {
  const auto& sectors = r.index.sectors;
  const std::string taxonomy = fmt::format("the {} taxonomy", c.taxonomy.id);
  for (const std::size_t s : r.gaps.missing) {
    const Sector& sector = sectors[s];
    const bool declared = !r.index.from_taxonomy[s];
    switch (sector.priority) {
      case Priority::core:
        out.push_back({Severity::high,
                       FindingArea::sectors,
                       "missing-core-sector",
                       fmt::format("No member from {}, a core sector of {}{}", sector.name,
                                   declared ? "this coalition's own sectors" : taxonomy, invite_text(sector)),
                       {sector.id}});
        break;
      case Priority::recommended:
        out.push_back(
            {Severity::medium,
             FindingArea::sectors,
             "missing-sector",
             fmt::format("No member from {}, a recommended sector of {}{}", sector.name, taxonomy, invite_text(sector)),
             {sector.id}});
        break;
      case Priority::optional:
        out.push_back({Severity::low,
                       FindingArea::sectors,
                       "missing-optional-sector",
                       fmt::format("No member from {} ({} lists it as optional){}", sector.name,
                                   declared ? "this coalition" : taxonomy, invite_text(sector)),
                       {sector.id}});
        break;
    }
  }
}

}  // namespace

std::vector<Finding> gap_findings(const Coalition& c, const SectorReport& r) {
  std::vector<Finding> out;
  const auto& sectors = r.index.sectors;
  missing_findings(c, r, out);
  crosswalk_findings(c, r, out);
  for (const auto& t : r.gaps.thin) {
    const Member& m = c.members[t.member];
    out.push_back(
        {Severity::medium,
         FindingArea::sectors,
         "thin-sector",
         fmt::format("Only {} represents {}: if they leave, the sector is gone", m.name, sectors[t.sector].name),
         {sectors[t.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.cut_off) {
    out.push_back({Severity::high,
                   FindingArea::sectors,
                   "cut-off-sector",
                   fmt::format("No member from {} has a tie to another sector", sectors[s].name),
                   {sectors[s].id}});
  }
  for (const auto& b : r.gaps.single_broker) {
    const Member& m = c.members[b.member];
    out.push_back({Severity::medium,
                   FindingArea::sectors,
                   "single-broker-sector",
                   fmt::format("All of {} ties to other sectors run through {}",
                               detail::possessive(sectors[b.sector].name), m.name),
                   {sectors[b.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.no_vote) {
    out.push_back({Severity::low,
                   FindingArea::sectors,
                   "no-vote-sector",
                   fmt::format("No member from {} holds a seat in any decision body", sectors[s].name),
                   {sectors[s].id}});
  }
  if (!r.gaps.governance_described) {
    out.push_back({Severity::info,
                   FindingArea::sectors,
                   "no-governance",
                   "The file describes no decision body, so who has a vote cannot be assessed",
                   {}});
  }
  if (!r.gaps.unlinked_pairs.empty()) {
    Finding f{Severity::low, FindingArea::sectors, "unlinked-sectors", "", {}};
    std::vector<std::string> examples;
    for (const auto& [a, b] : r.gaps.unlinked_pairs) {
      f.subjects.push_back(fmt::format("{}+{}", sectors[a].id, sectors[b].id));
      if (examples.size() < 3) examples.push_back(fmt::format("{} and {}", sectors[a].name, sectors[b].name));
    }
    const auto n = static_cast<std::size_t>(r.gaps.unlinked_pair_count);
    f.message = n == 1 ? fmt::format("One pair of sectors at the table has no tie between them: {}", examples.front())
                       : fmt::format("{} pairs of sectors at the table have no tie between them, such as {}", n,
                                     fmt::join(examples, "; "));
    out.push_back(std::move(f));
  }
  return out;
}

namespace {

std::string seats_word(std::int64_t votes) { return votes == 1 ? "one seat" : fmt::format("{} seats", votes); }

/// The findings of one decision body: whether it can decide, seats without power, blockers,
/// sectors whose power falls short of their seats, and concentration.
void body_findings(const Coalition& c, const SectorIndex& sectors, const BodyPower& body, std::vector<Finding>& out) {
  const Body& b = c.governance[body.body];
  const bool everyone_blocks = b.rule.kind == Rule::Kind::unanimity || b.rule.kind == Rule::Kind::consensus;
  if (!body.can_decide) {
    out.push_back({Severity::high,
                   FindingArea::power,
                   "body-cannot-decide",
                   fmt::format("{} cannot decide: its quota of {} is more than the {} votes of its seats", b.id,
                               body.quota, body.total_votes),
                   {b.id}});
  }
  for (const SeatPower& s : body.seats) {
    const Member& m = c.members[s.member];
    if (s.dummy) {
      out.push_back({Severity::medium,
                     FindingArea::power,
                     "seat-without-power",
                     fmt::format("{} has {} on {} and no voting power: no decision ever turns on its vote", m.name,
                                 seats_word(s.votes), b.id),
                     {m.id, b.id}});
    }
    if (s.veto && !everyone_blocks && body.seats.size() > 1) {
      // A chair's or a written veto is the body's design; a member who blocks alone by its
      // share of the votes is not.
      const bool by_design = b.chair == s.member || std::find(b.veto.begin(), b.veto.end(), s.member) != b.veto.end();
      out.push_back({by_design ? Severity::medium : Severity::high,
                     FindingArea::power,
                     "veto-player",
                     fmt::format("{} can block every decision of {}{}", m.name, b.id,
                                 b.chair == s.member ? " (it chairs it)"
                                 : by_design         ? " (a veto the file grants)"
                                                     : ""),
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
                     FindingArea::power,
                     "power-below-seats",
                     fmt::format("Members from {} hold {} of {}'s seats but {} of its voting power",
                                 sectors.sectors[k].name, percent(seat[k]), b.id, percent(power[k])),
                     {sectors.sectors[k].id, b.id}});
    }
  }
  if (body.effective_decision_makers && body.seats.size() >= 3 && *body.effective_decision_makers < 2.0) {
    out.push_back({Severity::medium,
                   FindingArea::power,
                   "concentrated-body",
                   fmt::format("Decisions of {} effectively rest with {:.1f} of its {} seat holders", b.id,
                               *body.effective_decision_makers, body.seats.size()),
                   {b.id}});
  }
}

}  // namespace

std::vector<Finding> power_findings(const Coalition& c, const SectorIndex& sectors, const CoalitionPower& p) {
  std::vector<Finding> out;
  for (const BodyPower& body : p.bodies) body_findings(c, sectors, body, out);
  const bool any_community =
      std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return m.community_led; });
  if (!any_community) {
    out.push_back({Severity::low,
                   FindingArea::power,
                   "no-community-led-members",
                   "No member is marked community_led: is the coalition engaging organizations that serve "
                   "communities experiencing inequities?",
                   {}});
  } else if (p.community_led) {
    const bool voiceless = p.community_led->seats == 0.0;
    out.push_back({voiceless ? Severity::medium : Severity::info,
                   FindingArea::power,
                   "community-led-power",
                   voiceless ? std::string("No community-led member holds a seat in any decision body")
                             : fmt::format("Community-led members hold {} of seats and {} of voting power across "
                                           "decision bodies",
                                           percent(p.community_led->seats), percent(p.community_led->power)),
                   {}});
  }
  if (p.lived_experience && p.lived_experience->seats > 0) {
    out.push_back({Severity::info,
                   FindingArea::power,
                   "lived-experience-power",
                   fmt::format("Members speaking from lived experience hold {} of seats and {} of voting power",
                               percent(p.lived_experience->seats), percent(p.lived_experience->power)),
                   {}});
  }
  if (c.backbone && p.backbone_betweenness_share && *p.backbone_betweenness_share > 0.5) {
    const Member& m = c.members[*c.backbone];
    out.push_back({Severity::medium,
                   FindingArea::power,
                   "backbone-brokerage",
                   fmt::format("The backbone, {}, carries {} of all brokerage (betweenness): most paths between "
                               "members run through it",
                               m.name, percent(*p.backbone_betweenness_share)),
                   {m.id}});
  }
  for (const auto& r : p.concentrated_roles) {
    const Member& m = c.members[r.member];
    out.push_back({Severity::info,
                   FindingArea::power,
                   "concentrated-roles",
                   fmt::format("{} holds several roles at once: {}", m.name, fmt::join(r.roles, ", ")),
                   {m.id}});
  }
  if (!p.resource_gaps.empty()) {
    const ResourceGap& g = p.resource_gaps.front();
    if (std::abs(g.funding_share - g.power_share) >= 0.2) {
      const Member& m = c.members[g.member];
      out.push_back({Severity::info,
                     FindingArea::power,
                     "resources-and-power",
                     fmt::format("{} brings {} of the stated funding and holds {} of voting power", m.name,
                                 percent(g.funding_share), percent(g.power_share)),
                     {m.id}});
    }
  }
  return out;
}

}  // namespace xsector
