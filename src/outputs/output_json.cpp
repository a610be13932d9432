// The JSON document of `xsector analyze` and the JSON sections other views reuse.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace detail {

ordered_json brokerage_json(const Brokerage& b) {
  return {{"coordinator", b.coordinator}, {"itinerant", b.itinerant}, {"representative", b.representative},
          {"gatekeeper", b.gatekeeper},   {"liaison", b.liaison},     {"total", b.total()}};
}

ordered_json sectors_json(const SectorReport& r, const Coalition& c) {
  ordered_json out = ordered_json::array();
  for (const auto& f : r.sectors) {
    const Sector& s = r.index.sectors[f.sector];
    std::vector<std::string> ids;
    for (const auto m : f.members) ids.push_back(c.members[m].id);
    std::vector<std::string> reaches;
    for (const auto t : f.reaches) reaches.push_back(r.index.sectors[t].id);
    out.push_back({{"id", s.id},
                   {"name", s.name},
                   {"priority", to_string(s.priority)},
                   {"declared_in", r.index.from_taxonomy[f.sector] ? "taxonomy" : "file"},
                   {"members", f.members.size()},
                   {"member_ids", ids},
                   {"internal_ties", f.internal_ties},
                   {"external_ties", f.external_ties},
                   {"ei_index", number_or_null(f.ei_index)},
                   {"reaches", reaches}});
  }
  return out;
}

ordered_json mixing_json(const SectorReport& r) {
  std::vector<std::size_t> present;
  for (const auto& f : r.sectors) {
    if (!f.members.empty()) present.push_back(f.sector);
  }
  ordered_json ids = ordered_json::array();
  for (const auto a : present) ids.push_back(r.index.sectors[a].id);
  if (present.size() > dense_mixing_limit) {
    // Too many sectors for a square matrix (docs/sectors.md): the non-zero cells only.
    ordered_json pairs = ordered_json::array();
    for (const auto& cell : r.mixing.cells) {
      pairs.push_back({r.index.sectors[cell.a].id, r.index.sectors[cell.b].id, cell.ties});
    }
    return {{"sectors", ids}, {"ties", nullptr}, {"pairs", pairs}};
  }
  std::vector<std::size_t> column(r.sectors.size(), 0);
  for (std::size_t i = 0; i < present.size(); ++i) column[present[i]] = i;
  std::vector<std::vector<std::size_t>> square(present.size(), std::vector<std::size_t>(present.size(), 0));
  for (const auto& cell : r.mixing.cells) {
    square[column[cell.a]][column[cell.b]] = cell.ties;
    square[column[cell.b]][column[cell.a]] = cell.ties;
  }
  return {{"sectors", ids}, {"ties", square}};
}

/// gaps.waived, gaps.unplaced and gaps.crosswalk_from (docs/json.md).
void add_crosswalk_gaps_json(ordered_json& gaps, const SectorReport& r, const Coalition& c) {
  ordered_json waived = ordered_json::array();
  for (const auto s : r.gaps.waived) {
    const Sector& sector = r.index.sectors[s];
    const Waiver* w = c.waiver(sector.id);
    waived.push_back({{"sector", sector.id},
                      {"name", sector.name},
                      {"priority", to_string(sector.priority)},
                      {"reason", w != nullptr ? w->reason : std::string()},
                      {"members", r.sectors[s].members.size()}});
  }
  ordered_json unplaced = ordered_json::array();
  for (const auto m : c.unplaced) {
    unplaced.push_back({{"member", c.members[m].id}, {"sector", c.members[m].sector}});
  }
  gaps["waived"] = std::move(waived);
  gaps["unplaced"] = std::move(unplaced);
  gaps["crosswalk_from"] = text_or_null(c.crosswalk_from);
}

ordered_json gaps_json(const SectorReport& r, const Coalition& c) {
  const auto& sectors = r.index.sectors;
  auto ids = [&](const std::vector<std::size_t>& list) {
    ordered_json out = ordered_json::array();
    for (const auto s : list) out.push_back(sectors[s].id);
    return out;
  };
  auto singles = [&](const std::vector<SectorGaps::Single>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& x : list) out.push_back({{"sector", sectors[x.sector].id}, {"member", c.members[x.member].id}});
    return out;
  };
  ordered_json missing = ordered_json::array();
  for (const auto s : r.gaps.missing) {
    missing.push_back(
        {{"sector", sectors[s].id}, {"name", sectors[s].name}, {"priority", to_string(sectors[s].priority)}});
  }
  ordered_json pairs = ordered_json::array();
  for (const auto& [a, b] : r.gaps.unlinked_pairs) pairs.push_back({sectors[a].id, sectors[b].id});
  ordered_json out = {{"missing", missing},
                      {"thin", singles(r.gaps.thin)},
                      {"cut_off", ids(r.gaps.cut_off)},
                      {"unlinked_pairs", pairs},
                      {"no_vote", r.gaps.governance_described ? ids(r.gaps.no_vote) : ordered_json(nullptr)},
                      {"single_broker", singles(r.gaps.single_broker)}};
  if (r.gaps.unlinked_pair_count > r.gaps.unlinked_pairs.size()) {
    out["unlinked_pairs_total"] = r.gaps.unlinked_pair_count;  // the list holds the first ones only
  }
  add_crosswalk_gaps_json(out, r, c);
  return out;
}

ordered_json body_json(const BodyPower& p, const Coalition& c) {
  const Body& b = c.governance[p.body];
  ordered_json seats = ordered_json::array();
  for (const auto& s : p.seats) {
    seats.push_back({{"member", c.members[s.member].id},
                     {"votes", s.votes},
                     {"seat_share", s.seat_share},
                     {"banzhaf", number_or_null(s.banzhaf)},
                     {"shapley_shubik", s.shapley_shubik},
                     {"penrose", s.penrose},
                     {"veto", s.veto},
                     {"dummy", s.dummy}});
  }
  auto ids = [&](const std::vector<std::size_t>& list) {
    ordered_json out = ordered_json::array();
    for (const auto m : list) out.push_back(c.members[m].id);
    return out;
  };
  return {{"id", b.id},
          {"rule", b.rule.name()},
          {"quota", p.quota},
          {"total_votes", p.total_votes},
          {"decides", b.decides},
          {"chair", b.chair ? ordered_json(c.members[*b.chair].id) : ordered_json(nullptr)},
          {"seats", seats},
          {"veto_players", ids(p.veto_players)},
          {"dummies", ids(p.dummies)},
          {"gini_seats", number_or_null(p.gini_seats)},
          {"gini_power", number_or_null(p.gini_power)},
          {"effective_decision_makers", number_or_null(p.effective_decision_makers)},
          {"estimate", p.estimate ? ordered_json{{"method", p.estimate->method},
                                                 {"interval", p.estimate->interval},
                                                 {"samples", p.estimate->samples},
                                                 {"seed", p.estimate->seed},
                                                 {"confidence", p.estimate->confidence},
                                                 {"banzhaf_half_width", p.estimate->banzhaf_half_width},
                                                 {"shapley_shubik_half_width", p.estimate->shapley_shubik_half_width},
                                                 {"penrose_half_width", p.estimate->penrose_half_width}}
                                  : ordered_json(nullptr)}};
}

ordered_json share_json(const std::optional<ShareFigures>& s) {
  if (!s) return nullptr;
  return {{"seat_share", s->seats}, {"power_share", s->power}};
}

// {key: id, seat_share, power_share}, the shares null when undefined (no decision body).
ordered_json shares_row(const char* key, const std::string& id, const std::optional<ShareFigures>& s) {
  ordered_json row = {{key, id}, {"seat_share", nullptr}, {"power_share", nullptr}};
  if (s) {
    row["seat_share"] = s->seats;
    row["power_share"] = s->power;
  }
  return row;
}

ordered_json power_json(const Analysis& a, const Coalition& c) {
  const CoalitionPower& p = a.power;
  ordered_json bodies = ordered_json::array();
  for (const auto& b : p.bodies) bodies.push_back(body_json(b, c));
  ordered_json members = ordered_json::array();
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    members.push_back(shares_row("member", c.members[v].id, p.member_shares(v)));
  }
  ordered_json sectors = ordered_json::array();
  for (const auto& f : a.sectors.sectors) {
    if (f.members.empty()) continue;
    sectors.push_back(shares_row("sector", a.sectors.index.sectors[f.sector].id, p.sector_shares(f.sector)));
  }
  ordered_json gaps = ordered_json::array();
  for (const auto& g : p.resource_gaps) {
    gaps.push_back(
        {{"member", c.members[g.member].id}, {"funding_share", g.funding_share}, {"power_share", g.power_share}});
  }
  ordered_json roles = ordered_json::array();
  for (const auto& r : p.concentrated_roles) roles.push_back({{"member", c.members[r.member].id}, {"roles", r.roles}});
  ordered_json backbone = nullptr;
  if (c.backbone) {
    backbone = {{"member", c.members[*c.backbone].id},
                {"power_share", number_or_null(p.backbone_power_share)},
                {"betweenness_share", number_or_null(p.backbone_betweenness_share)}};
  }
  return {{"bodies", bodies},
          {"by_member", members},
          {"by_sector", sectors},
          {"community_led", share_json(p.community_led)},
          {"lived_experience", share_json(p.lived_experience)},
          {"backbone", backbone},
          {"gini_degree", number_or_null(p.gini_degree)},
          {"gini_betweenness", number_or_null(p.gini_betweenness)},
          {"resource_gaps", gaps},
          {"concentrated_roles", roles}};
}

ordered_json resilience_json(const Analysis& a, const Coalition& c) {
  const Resilience& r = a.resilience;
  auto member_ids = [&](const std::vector<std::size_t>& list) {
    ordered_json out = ordered_json::array();
    for (const auto m : list) out.push_back(c.members[m].id);
    return out;
  };
  auto sector_ids = [&](const std::vector<std::size_t>& list) {
    ordered_json out = ordered_json::array();
    for (const auto s : list) out.push_back(a.sectors.index.sectors[s].id);
    return out;
  };
  ordered_json bridges = ordered_json::array();
  for (const auto& [x, y] : r.bridges) bridges.push_back({c.members[x].id, c.members[y].id});
  ordered_json departures = ordered_json::array();
  for (const auto& d : r.departures) {
    ordered_json power = ordered_json::array();
    for (const auto& shift : d.power) {
      ordered_json seats = ordered_json::array();
      for (std::size_t i = 0; i < shift.members.size(); ++i) {
        seats.push_back({{"member", c.members[shift.members[i]].id},
                         {"before", number_or_null(shift.before[i])},
                         {"after", number_or_null(shift.after[i])}});
      }
      ordered_json entry = {{"body", c.governance[shift.body].id}, {"can_decide", shift.can_decide}, {"seats", seats}};
      if (shift.members.size() < shift.seats_total) entry["seats_total"] = shift.seats_total;  // a shortened list
      power.push_back(std::move(entry));
    }
    departures.push_back({{"member", c.members[d.member].id},
                          {"fragmentation", number_or_null(d.fragmentation)},
                          {"components", d.components},
                          {"sectors_lost", sector_ids(d.sectors_lost)},
                          {"sectors_unlinked", sector_ids(d.sectors_unlinked)},
                          {"power", power}});
  }
  return {{"fragmentation", number_or_null(r.fragmentation)},
          {"articulation_points", member_ids(r.articulation_points)},
          {"bridges", bridges},
          {"departures", departures}};
}

ordered_json people_json(const Analysis& a, const Coalition& c) {
  ordered_json out = ordered_json::array();
  const auto& sectors = a.sectors.index.sectors;
  for (const PersonFigures& p : a.people.people) {
    const Member& m = c.members[p.member];
    const Contact& who = m.contacts[p.contact];
    ordered_json person;
    person["id"] = who.id;
    person["member"] = m.id;
    const ShownContact shown = shown_contact(who, a.people_shown);
    if (a.people_shown == PeopleShown::names) person["name"] = text_or_null(std::string(shown.name));
    person["role"] = text_or_null(std::string(shown.role));
    person["since"] = text_or_null(who.since);
    person["carries"] = p.carries.size();
    person["sole_carrier_of"] = p.sole_carrier_of.size();
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors[s].id);
    person["sectors_cut"] = cut;
    person["fragmentation"] = number_or_null(p.fragmentation);
    auto partners = [&](const std::vector<std::size_t>& ties) {
      std::vector<std::string> ids;
      ids.reserve(ties.size());
      for (const auto t : ties) ids.push_back(c.members[c.ties[t].a == p.member ? c.ties[t].b : c.ties[t].a].id);
      return ids;
    };
    person["carries_with"] = partners(p.carries);
    person["sole_carrier_with"] = partners(p.sole_carrier_of);
    out.push_back(std::move(person));
  }
  return out;
}

}  // namespace detail

std::string format_json(const Coalition& c, const Analysis& a) {
  ordered_json doc;
  doc["schema"] = "xsector/1";
  doc["coalition"] = coalition_json(c);
  ordered_json network = ordered_json::object();
  for (const FigureSpec& f : figure_table()) {
    if (f.group == FigureGroup::network || f.group == FigureGroup::mixing)
      network[f.name] = figure_json(f.kind, f.value(a));
  }
  doc["network"] = std::move(network);
  detail::add_survey_network_json(doc["network"], a);
  ordered_json members = ordered_json::array();
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    const Member& m = c.members[i];
    const MemberFigures& f = a.members[i];
    members.push_back({{"id", m.id},
                       {"name", m.name},
                       {"sector", m.sector},
                       {"community_led", m.community_led},
                       {"lived_experience", m.lived_experience},
                       {"funding", m.funding ? ordered_json(*m.funding) : ordered_json(nullptr)},
                       {"tags", m.tags},
                       {"degree", f.degree},
                       {"degree_centrality", number_or_null(f.degree_centrality)},
                       {"strength", f.strength},
                       {"betweenness", f.betweenness},
                       {"closeness", f.closeness},
                       {"harmonic", f.harmonic},
                       {"weighted_betweenness", f.weighted_betweenness},
                       {"weighted_closeness", f.weighted_closeness},
                       {"eigenvector", number_or_null(f.eigenvector)},
                       {"pagerank", f.pagerank},
                       {"core", f.core},
                       {"clustering", number_or_null(f.clustering)},
                       {"constraint", number_or_null(f.constraint)},
                       {"effective_size", number_or_null(f.effective_size)},
                       {"articulation", f.articulation},
                       {"ei_index", number_or_null(a.sectors.member_ei[i])},
                       {"brokerage", brokerage_json(a.sectors.brokerage[i])}});
    detail::add_survey_member_json(members.back(), a, i);
  }
  if (a.people.described) {
    doc["network"]["handoff_readiness"] = number_or_null(a.people.handoff_readiness);
    for (std::size_t i = 0; i < c.members.size(); ++i) {
      members[i]["handoff_readiness"] = number_or_null(a.people.member_handoff_readiness[i]);
    }
  }
  doc["members"] = std::move(members);
  if (a.people.described) doc["people"] = people_json(a, c);
  doc["sectors"] = sectors_json(a.sectors, c);
  doc["sector_mixing"] = mixing_json(a.sectors);
  doc["gaps"] = gaps_json(a.sectors, c);
  doc["power"] = power_json(a, c);
  doc["resilience"] = resilience_json(a, c);
  detail::add_survey_json(doc, c, a);
  doc["findings"] = findings_json(a.findings, FindingNames(c, a.sectors.index));
  doc["finding_groups"] = finding_groups_json(c, a,
                                              {FindingArea::sectors, FindingArea::power, FindingArea::resilience,
                                               FindingArea::survey, FindingArea::people, FindingArea::compare});
  doc["approximate"] = approximate_json(a, c);
  return json_text(doc);
}

}  // namespace xsector
