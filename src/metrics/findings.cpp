// Findings about sector gaps and decision power, as codes and facts (the network and
// departures: findings_resilience.cpp; their sentences: src/outputs/finding_text.cpp).
#include "xsector/findings.hpp"

#include <algorithm>
#include <cmath>

#include "metrics/findings_parts.hpp"

namespace xsector {

using detail::finding;
using detail::ids;
using detail::num;
using detail::txt;

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

Fact number_fact(std::string name, double value) { return Fact{std::move(name), value, {}}; }
Fact text_fact(std::string name, std::string text) { return Fact{std::move(name), 0, {std::move(text)}}; }
Fact list_fact(std::string name, std::vector<std::string> items) { return Fact{std::move(name), 0, std::move(items)}; }

namespace {
const Fact* find_fact(const std::vector<Fact>& facts, std::string_view name) {
  const auto it = std::find_if(facts.begin(), facts.end(), [&](const Fact& f) { return f.name == name; });
  return it == facts.end() ? nullptr : &*it;
}
}  // namespace

const Fact* Finding::fact(std::string_view name) const { return find_fact(facts, name); }
const Fact* Action::fact(std::string_view name) const { return find_fact(facts, name); }

const std::vector<std::string_view>& finding_codes() {
  static const std::vector<std::string_view> codes = {
      // sectors
      "missing-core-sector", "missing-sector", "missing-optional-sector", "waived-sector", "unplaced-members",
      "thin-sector", "cut-off-sector", "single-broker-sector", "no-vote-sector", "no-governance", "unlinked-sectors",
      // power
      "body-cannot-decide", "seat-without-power", "veto-player", "power-below-seats", "concentrated-body",
      "no-community-led-members", "community-led-power", "lived-experience-power", "backbone-brokerage",
      "concentrated-roles", "resources-and-power",
      // resilience
      "separate-groups", "isolated-member", "departure-splits-network", "departure-unlinks-sector",
      "departure-blocks-body",
      // survey
      "low-response-rate", "rarely-named", "one-sided-ties", "low-trust-between-sectors", "valued-without-seat",
      // people
      "person-departure-cuts-ties", "member-single-carrier", "single-carried-ties", "warm-handoff",
      // compare
      "membership-change", "sector-joined", "sector-lost", "sector-cut-off", "sector-reconnected", "sector-thinned",
      "single-broker-now", "vote-lost", "density-change", "backbone-brokerage-change", "community-power-change",
      "power-shift", "qap", "respondents-changed", "different-coalitions", "waves-reordered",
      // people over time
      "contacts-left", "contacts-joined", "contact-replaced", "ties-left-with-member", "handoff",
      "carrier-left-tie-lost", "carrier-left-tie-uncarried"};
  return codes;
}

const std::vector<std::string_view>& action_codes() {
  static const std::vector<std::string_view> codes = {"invite-sector", "connect-members", "add-tie", "open-seat"};
  return codes;
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
}

namespace {

/// The sector's examples of whom to invite (at most three).
Fact examples_fact(const Sector& sector) {
  const std::size_t n = std::min<std::size_t>(3, sector.examples.size());
  return ids("examples", {sector.examples.begin(), sector.examples.begin() + static_cast<std::ptrdiff_t>(n)});
}

/// Waived sectors (info) and members whose sector maps nowhere in the taxonomy (low).
void crosswalk_findings(const Coalition& c, const SectorReport& r, std::vector<Finding>& out) {
  for (const std::size_t s : r.gaps.waived) {
    const Sector& sector = r.index.sectors[s];
    const auto w =
        std::find_if(c.waivers.begin(), c.waivers.end(), [&](const Waiver& x) { return x.sector == sector.id; });
    out.push_back(finding(Severity::info, FindingArea::sectors, "waived-sector", {sector.id},
                          {txt("reason", w != c.waivers.end() ? w->reason : "")}));
  }
  if (!c.unplaced.empty()) {
    Finding f = finding(Severity::low, FindingArea::sectors, "unplaced-members", {});
    std::vector<std::string> written;  // each member's sector as the file writes it
    for (const auto m : c.unplaced) {
      f.subjects.push_back(c.members[m].id);
      written.push_back(c.members[m].sector);
    }
    f.facts = {txt("taxonomy", c.taxonomy.id), txt("written_for", c.crosswalk_from), ids("sectors", written)};
    out.push_back(std::move(f));
  }
}

/// One finding per missing sector: high when core, medium when recommended, low when optional.
/// `own` is 1 for a sector the coalition declares itself (not its taxonomy's).
void missing_findings(const Coalition& c, const SectorReport& r, std::vector<Finding>& out) {
  const auto& sectors = r.index.sectors;
  for (const std::size_t s : r.gaps.missing) {
    const Sector& sector = sectors[s];
    std::vector<Fact> facts = {num("own", r.index.from_taxonomy[s] ? 0 : 1), txt("taxonomy", c.taxonomy.id),
                               examples_fact(sector)};
    switch (sector.priority) {
      case Priority::core:
        out.push_back(finding(Severity::high, FindingArea::sectors, "missing-core-sector", {sector.id}, facts));
        break;
      case Priority::recommended:
        out.push_back(finding(Severity::medium, FindingArea::sectors, "missing-sector", {sector.id}, facts));
        break;
      case Priority::optional:
        out.push_back(finding(Severity::low, FindingArea::sectors, "missing-optional-sector", {sector.id}, facts));
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
    out.push_back(
        finding(Severity::medium, FindingArea::sectors, "thin-sector", {sectors[t.sector].id, c.members[t.member].id}));
  }
  for (const std::size_t s : r.gaps.cut_off) {
    out.push_back(finding(Severity::high, FindingArea::sectors, "cut-off-sector", {sectors[s].id}));
  }
  for (const auto& b : r.gaps.single_broker) {
    out.push_back(finding(Severity::medium, FindingArea::sectors, "single-broker-sector",
                          {sectors[b.sector].id, c.members[b.member].id}));
  }
  for (const std::size_t s : r.gaps.no_vote) {
    out.push_back(finding(Severity::low, FindingArea::sectors, "no-vote-sector", {sectors[s].id}));
  }
  if (!r.gaps.governance_described) {
    out.push_back(finding(Severity::info, FindingArea::sectors, "no-governance", {}));
  }
  if (!r.gaps.unlinked_pairs.empty()) {
    Finding f = finding(Severity::low, FindingArea::sectors, "unlinked-sectors", {});
    std::vector<std::string> first;  // the first three pairs, as two lists
    std::vector<std::string> second;
    for (const auto& [a, b] : r.gaps.unlinked_pairs) {
      f.subjects.push_back(sectors[a].id + "+" + sectors[b].id);
      if (first.size() < 3) {
        first.push_back(sectors[a].id);
        second.push_back(sectors[b].id);
      }
    }
    f.facts = {num("pairs", static_cast<double>(r.gaps.unlinked_pair_count)), ids("first", std::move(first)),
               ids("second", std::move(second))};
    out.push_back(std::move(f));
  }
  return out;
}

namespace {

/// The findings of one decision body: whether it can decide, seats without power, blockers,
/// sectors whose power falls short of their seats, and concentration.
void body_findings(const Coalition& c, const SectorIndex& sectors, const BodyPower& body, std::vector<Finding>& out) {
  const Body& b = c.governance[body.body];
  const bool everyone_blocks = b.rule.kind == Rule::Kind::unanimity || b.rule.kind == Rule::Kind::consensus;
  if (!body.can_decide) {
    out.push_back(finding(Severity::high, FindingArea::power, "body-cannot-decide", {b.id},
                          {txt("quota", std::to_string(body.quota)), txt("votes", std::to_string(body.total_votes))}));
  }
  for (const SeatPower& s : body.seats) {
    const Member& m = c.members[s.member];
    if (s.dummy) {
      out.push_back(finding(Severity::medium, FindingArea::power, "seat-without-power", {m.id, b.id},
                            {txt("votes", std::to_string(s.votes))}));
    }
    if (s.veto && !everyone_blocks && body.seats.size() > 1) {
      // A chair's or a written veto is the body's design; a member who blocks alone by its
      // share of the votes is not.
      const bool chair = b.chair == s.member;
      const bool by_design = chair || std::find(b.veto.begin(), b.veto.end(), s.member) != b.veto.end();
      out.push_back(finding(by_design ? Severity::medium : Severity::high, FindingArea::power, "veto-player",
                            {m.id, b.id},
                            {txt("by", chair       ? "chair"
                                       : by_design ? "veto"
                                                   : "")}));
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
      out.push_back(finding(Severity::medium, FindingArea::power, "power-below-seats", {sectors.sectors[k].id, b.id},
                            {num("seats", seat[k]), num("power", power[k])}));
    }
  }
  if (body.effective_decision_makers && body.seats.size() >= 3 && *body.effective_decision_makers < 2.0) {
    out.push_back(finding(Severity::medium, FindingArea::power, "concentrated-body", {b.id},
                          {num("effective", *body.effective_decision_makers),
                           num("seat_holders", static_cast<double>(body.seats.size()))}));
  }
}

}  // namespace

std::vector<Finding> power_findings(const Coalition& c, const SectorIndex& sectors, const CoalitionPower& p) {
  std::vector<Finding> out;
  for (const BodyPower& body : p.bodies) body_findings(c, sectors, body, out);
  const bool any_community =
      std::any_of(c.members.begin(), c.members.end(), [](const Member& m) { return m.community_led; });
  if (!any_community) {
    out.push_back(finding(Severity::low, FindingArea::power, "no-community-led-members", {}));
  } else if (p.community_led) {
    const bool voiceless = p.community_led->seats == 0.0;
    out.push_back(finding(voiceless ? Severity::medium : Severity::info, FindingArea::power, "community-led-power", {},
                          {num("seats", p.community_led->seats), num("power", p.community_led->power)}));
  }
  if (p.lived_experience && p.lived_experience->seats > 0) {
    out.push_back(finding(Severity::info, FindingArea::power, "lived-experience-power", {},
                          {num("seats", p.lived_experience->seats), num("power", p.lived_experience->power)}));
  }
  if (c.backbone && p.backbone_betweenness_share && *p.backbone_betweenness_share > 0.5) {
    out.push_back(finding(Severity::medium, FindingArea::power, "backbone-brokerage", {c.members[*c.backbone].id},
                          {num("share", *p.backbone_betweenness_share)}));
  }
  for (const auto& r : p.concentrated_roles) {
    out.push_back(finding(Severity::info, FindingArea::power, "concentrated-roles", {c.members[r.member].id},
                          {ids("roles", r.roles)}));
  }
  if (!p.resource_gaps.empty()) {
    const ResourceGap& g = p.resource_gaps.front();
    if (std::abs(g.funding_share - g.power_share) >= 0.2) {
      out.push_back(finding(Severity::info, FindingArea::power, "resources-and-power", {c.members[g.member].id},
                            {num("funding", g.funding_share), num("power", g.power_share)}));
    }
  }
  return out;
}

}  // namespace xsector
