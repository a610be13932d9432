// The JSON document of `xsector compare A B` (docs/compare.md).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "outputs/output_compare_parts.hpp"
#include "outputs/output_parts.hpp"
#include "xsector/output.hpp"

namespace xsector::detail {

namespace {

ordered_json delta_json(const Delta& d) {
  return {
      {"before", number_or_null(d.before)}, {"after", number_or_null(d.after)}, {"change", number_or_null(d.change)}};
}

std::string level_name(int level) { return level == 0 ? "none" : std::string(to_string(static_cast<TieLevel>(level))); }

ordered_json tie_changes_json(const std::vector<TieChange>& list) {
  ordered_json out = ordered_json::array();
  for (const auto& t : list) {
    auto side = [](const PairTie& p) -> ordered_json {
      if (!p.tied) return nullptr;
      return {{"level", level_name(p.level)}, {"direction", to_string(p.direction)}};
    };
    out.push_back({{"a", t.a}, {"b", t.b}, {"before", side(t.before)}, {"after", side(t.after)}});
  }
  return out;
}

ordered_json gap_change_json(const GapChange& g) {
  auto keys = [](const std::vector<std::vector<std::string>>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& k : list) out.push_back(k.size() == 1 ? ordered_json(k[0]) : ordered_json(k));
    return out;
  };
  auto count = [](const std::optional<std::size_t>& n) { return n ? ordered_json(*n) : ordered_json(nullptr); };
  return {
      {"before", count(g.before)}, {"after", count(g.after)}, {"opened", keys(g.opened)}, {"closed", keys(g.closed)}};
}

/// Members, their changes, the respondents and the ties.
void members_and_ties(ordered_json& doc, const Comparison& cmp) {
  ordered_json renamed = ordered_json::array();
  for (const auto& r : cmp.renamed) {
    renamed.push_back({{"id", r.id},
                       {"name_before", r.name_before},
                       {"name_after", r.name_after},
                       {"sector_before", r.sector_before},
                       {"sector_after", r.sector_after}});
  }
  doc["members"] = {{"joined", cmp.joined}, {"left", cmp.left}, {"kept", cmp.kept}, {"renamed", renamed}};
  doc["members_changed"] = members_changed_json(cmp);
  doc["respondents"] = respondents_json(cmp);
  doc["ties"] = {{"compared", cmp.respondents_both ? "respondents_both" : "all"},
                 {"formed", tie_changes_json(cmp.ties.formed)},
                 {"dissolved", tie_changes_json(cmp.ties.dissolved)},
                 {"strengthened", tie_changes_json(cmp.ties.strengthened)},
                 {"weakened", tie_changes_json(cmp.ties.weakened)},
                 {"direction_changed", tie_changes_json(cmp.ties.redirected)}};
}

/// The people's changes: contacts who left, joined, were replaced or left with their member,
/// and the relationships handed over, left uncarried, dissolved or gone with a member.
ordered_json people_changes_json(const PeopleChanges& people) {
  auto carrier_changes = [](const std::vector<CarrierChange>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& x : list) {
      out.push_back({{"a", x.a},
                     {"b", x.b},
                     {"member", x.member},
                     {"departed", x.departed},
                     {"carriers_after", x.carriers_after}});
    }
    return out;
  };
  ordered_json replaced = ordered_json::array();
  for (const auto& r : people.replaced) {
    replaced.push_back({{"member", r.member}, {"role", r.role}, {"left", r.left}, {"joined", r.joined}});
  }
  return {{"left", people.left},
          {"joined", people.joined},
          {"replaced", replaced},
          {"left_with_member", people.left_with_member},
          {"handed_over", carrier_changes(people.handed_over)},
          {"uncarried", carrier_changes(people.uncarried)},
          {"dissolved", carrier_changes(people.dissolved)},
          {"ties_left_with_member", carrier_changes(people.ties_left_with_member)}};
}

}  // namespace

std::string comparison_json(const Coalition& a, const Coalition& b, const Comparison& cmp) {
  ordered_json doc;
  doc["schema"] = "xsector/1";
  doc["before"] = coalition_json(a);
  doc["after"] = coalition_json(b);
  members_and_ties(doc, cmp);
  ordered_json network = ordered_json::object();
  for (const auto& d : cmp.network) network[d.name] = delta_json(d);
  doc["network"] = network;
  ordered_json sectors = ordered_json::array();
  for (const auto& s : cmp.sectors) {
    sectors.push_back({{"sector", s.sector},
                       {"members", delta_json(s.members)},
                       {"internal_ties", delta_json(s.internal_ties)},
                       {"external_ties", delta_json(s.external_ties)},
                       {"ei_index", delta_json(s.ei_index)}});
  }
  doc["sectors"] = sectors;
  doc["gaps"] = {{"sectors_covered", cmp.sectors_covered}, {"sectors_lost", cmp.sectors_lost}};
  for (const auto& g : cmp.gaps) doc["gaps"][std::string(to_string(g.kind))] = gap_change_json(g);
  if (cmp.people.described) doc["people"] = people_changes_json(cmp.people);
  ordered_json power = ordered_json::array();
  for (const auto& d : cmp.power) {
    ordered_json row = delta_json(d);
    row["member"] = d.name;
    power.push_back(row);
  }
  ordered_json bodies = ordered_json::array();
  for (const auto& body : cmp.bodies) {
    ordered_json seats = ordered_json::array();
    for (const auto& d : body.banzhaf) {
      ordered_json row = delta_json(d);
      row["member"] = d.name;
      seats.push_back(row);
    }
    bodies.push_back({{"body", body.body},
                      {"in_before", body.in_before},
                      {"in_after", body.in_after},
                      {"effective_decision_makers", delta_json(body.effective_decision_makers)},
                      {"banzhaf", seats}});
  }
  doc["power"] = {{"members", power}, {"bodies", bodies}};
  doc["qap"] = {{"common_members", cmp.qap.common_members},
                {"correlation", number_or_null(cmp.qap.correlation)},
                {"p_value", number_or_null(cmp.qap.p_value)},
                {"permutations", cmp.qap.permutations},
                {"exact", cmp.qap.exact},
                {"seed", cmp.qap.seed}};
  doc["qap"]["valued"] = cmp.qap.valued;
  doc["qap"]["p_value_text"] = p_value_text(cmp.qap);
  doc["compared_as"] = cmp.as_waves ? "waves" : "coalitions";
  doc["compared_as_note"] = text_or_null(cmp.kind_note);
  doc["findings"] = findings_json(cmp.findings, FindingNames(a, b));
  return json_text(doc);
}

}  // namespace xsector::detail
