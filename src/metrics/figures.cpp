#include "xsector/figures.hpp"

#include <algorithm>
#include <array>

#include "xsector/compare.hpp"

namespace xsector {

std::optional<double> coalition_effective_decision_makers(const Analysis& a) {
  if (a.power.bodies.empty()) return std::nullopt;
  double squares = 0;
  for (const auto& m : a.power.members) squares += m.power * m.power;
  return squares > 0 ? std::optional<double>(1.0 / squares) : std::nullopt;
}

std::size_t sectors_at_table(const Analysis& a) {
  return static_cast<std::size_t>(std::count_if(a.sectors.sectors.begin(), a.sectors.sectors.end(),
                                                [](const SectorFigures& f) { return !f.members.empty(); }));
}

std::size_t core_sectors_missing(const Analysis& a) {
  const auto& missing = a.sectors.gaps.missing;
  return static_cast<std::size_t>(std::count_if(missing.begin(), missing.end(), [&](std::size_t s) {
    return a.sectors.index.sectors[s].priority == Priority::core;
  }));
}

namespace {

std::optional<double> whole(std::size_t v) { return static_cast<double>(v); }

using K = FigureKind;
using G = FigureGroup;

// clang-format off
const std::array<FigureSpec, 31> table = {{
    {"members", "members", K::count, G::network, "The organizations and groups the coalition file lists.",
     [](const Analysis& a) { return whole(a.network.members); }},
    {"ties", "ties", K::count, G::network, "Working relationships between two members, as the file lists them.",
     [](const Analysis& a) { return whole(a.network.ties); }},
    {"adjacent_pairs", "adjacent pairs", K::count, G::network,
     "Pairs of members tied in either direction.",
     [](const Analysis& a) { return whole(a.network.adjacent_pairs); }},
    {"density", "density", K::share, G::network,
     "The share of all possible pairs of members that are tied: 100% would mean everyone works with everyone.",
     [](const Analysis& a) { return a.network.density; }},
    {"components", "components", K::count, G::network,
     "Groups of members joined by some chain of ties; more than one means some members cannot reach the others "
     "at all.",
     [](const Analysis& a) { return whole(a.network.components); }},
    {"largest_component_share", "largest component share", K::share, G::network,
     "The share of members in the largest group joined by chains of ties.",
     [](const Analysis& a) { return std::optional<double>(a.network.largest_component_share); }},
    {"isolates", "isolates", K::count, G::network, "Members with no tie at all.",
     [](const Analysis& a) { return whole(a.network.isolates); }},
    {"average_path_length", "average path length", K::score, G::network,
     "How many steps apart two members of the largest group are on average.",
     [](const Analysis& a) { return a.network.average_path_length; }},
    {"diameter", "diameter", K::count, G::network,
     "The most steps between two members of the largest group.",
     [](const Analysis& a) { return whole(a.network.diameter); }},
    {"transitivity", "transitivity", K::share, G::network,
     "How often two partners of a member are partners of each other.",
     [](const Analysis& a) { return a.network.transitivity; }},
    {"degree_centralization", "degree centralization", K::share, G::network,
     "How much the ties gather on one member, from 0 (even) to 1 (a star).",
     [](const Analysis& a) { return a.network.degree_centralization; }},
    {"betweenness_centralization", "betweenness centralization", K::share, G::network,
     "How much the connecting between members runs through one member, from 0 to 1.",
     [](const Analysis& a) { return a.network.betweenness_centralization; }},
    {"reciprocity", "reciprocity", K::share, G::network,
     "The share of one-way ties that are returned.",
     [](const Analysis& a) { return a.network.reciprocity; }},
    {"ei_index", "E-I index (sectors)", K::score, G::mixing,
     "Ties across sectors minus ties within, over all ties: from -1 (all within) to 1 (all across).",
     [](const Analysis& a) { return a.sectors.ei_index; }},
    {"sector_assortativity", "sector assortativity", K::score, G::mixing,
     "How much members tie to their own sector more than chance would have it (-1 to 1).",
     [](const Analysis& a) { return a.sectors.assortativity; }},
    {"sector_modularity", "sector modularity", K::score, G::mixing,
     "How strongly the ties fall within sectors rather than between them.",
     [](const Analysis& a) { return a.sectors.modularity; }},
    {"sectors_covered", "sectors at the table", K::count, G::coverage,
     "Sectors of the taxonomy (and of the file's own list) with at least one member.",
     [](const Analysis& a) { return whole(sectors_at_table(a)); }},
    {"sectors_missing", "sectors missing", K::count, G::coverage,
     "Sectors of the taxonomy with no member yet (waived ones not counted).",
     [](const Analysis& a) { return whole(a.sectors.gaps.missing.size()); }},
    {"core_sectors_missing", "core sectors missing", K::count, G::coverage,
     "Sectors the taxonomy marks as core that have no member yet.",
     [](const Analysis& a) { return whole(core_sectors_missing(a)); }},
    {"fragmentation", "fragmentation", K::share, G::resilience,
     "The share of member pairs that cannot reach each other.",
     [](const Analysis& a) { return a.resilience.fragmentation; }},
    {"effective_decision_makers", "effective decision makers", K::score, G::power,
     "How many equally strong voters the coalition's voting power amounts to (1 divided by the sum of the "
     "squared power shares); low means few decide.",
     [](const Analysis& a) { return coalition_effective_decision_makers(a); }},
    {"community_led_seat_share", "community-led seat share", K::share, G::power,
     "The share of votes held by members marked community-led.",
     [](const Analysis& a) { return a.power.community_led ? std::optional(a.power.community_led->seats) : std::nullopt; }},
    {"community_led_power_share", "community-led power share", K::share, G::power,
     "The share of voting power held by members marked community-led.",
     [](const Analysis& a) { return a.power.community_led ? std::optional(a.power.community_led->power) : std::nullopt; }},
    {"backbone_power_share", "backbone power share", K::share, G::power,
     "The backbone organization's share of voting power.",
     [](const Analysis& a) { return a.power.backbone_power_share; }},
    {"backbone_betweenness_share", "backbone betweenness share", K::share, G::power,
     "The backbone's share of all betweenness: how much of the connecting between members runs through it.",
     [](const Analysis& a) { return a.power.backbone_betweenness_share; }},
    {"gini_degree", "gini of degree", K::share, G::power,
     "How unequally ties are spread over members, from 0 (equal) to 1.",
     [](const Analysis& a) { return a.power.gini_degree; }},
    {"gini_betweenness", "gini of betweenness", K::share, G::power,
     "How unequally brokerage is spread over members, from 0 (equal) to 1.",
     [](const Analysis& a) { return a.power.gini_betweenness; }},
    {"response_rate", "response rate", K::share, G::survey,
     "The share of listed respondents who answered the partner survey.",
     [](const Analysis& a) { return a.survey.response_rate; }},
    {"confirmation_rate", "confirmation rate", K::share, G::survey,
     "Of the relationships reported between two respondents, the share both of them reported.",
     [](const Analysis& a) { return a.survey.confirmation_rate; }},
    {"trust_score", "trust", K::share, G::survey,
     "The mean trust partners report, as a share of the highest rating (1 = every answer the highest).",
     [](const Analysis& a) { return a.survey.trust_score; }},
    {"value_score", "value", K::share, G::survey,
     "The mean value partners see in working together, as a share of the highest rating.",
     [](const Analysis& a) { return a.survey.value_score; }},
}};
// clang-format on

}  // namespace

std::span<const FigureSpec> figure_table() { return table; }

const FigureSpec* find_figure(std::string_view name) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const FigureSpec& f) { return f.name == name; });
  return it == table.end() ? nullptr : &*it;
}

std::vector<Figure> headline_figures(const Analysis& a) {
  std::vector<Figure> out;
  out.reserve(table.size());
  for (const auto& f : table) out.push_back({std::string(f.name), f.value(a)});
  return out;
}

}  // namespace xsector
