// The table of member figures: each figure a member has in `analyze --format json`, with its
// label in words, its kind and one sentence of meaning. compare's members_changed and trend's
// members read member figures through it.
#include <algorithm>
#include <array>

#include "xsector/figures.hpp"

namespace xsector {

namespace {

using K = FigureKind;
using A = const Analysis&;
using I = std::size_t;

std::optional<double> whole(std::size_t v) { return static_cast<double>(v); }

// A survey figure of member i; null without a survey.
template <typename F>
std::optional<double> surveyed(A a, I i, F read) {
  if (!a.survey.present || i >= a.survey.members.size()) return std::nullopt;
  return read(a.survey.members[i]);
}

std::optional<double> power_of(A a, I i, bool seats) {
  if (a.power.bodies.empty() || i >= a.power.members.size()) return std::nullopt;
  return seats ? a.power.members[i].seats : a.power.members[i].power;
}

// clang-format off
const std::array<MemberFigureSpec, 32> table = {{
    {"degree", "partners (degree)", K::count, true, "How many members it is tied to.",
     [](A a, I i) { return whole(a.members[i].degree); }},
    {"degree_centrality", "degree centrality", K::share, false, "Its partners as a share of all other members.",
     [](A a, I i) { return a.members[i].degree_centrality; }},
    {"strength", "strength (sum of tie levels)", K::score, false, "The sum of the levels of its ties.",
     [](A a, I i) { return std::optional<double>(a.members[i].strength); }},
    {"betweenness", "betweenness", K::score, true,
     "How much of the connecting between other members runs through it (0 to 1).",
     [](A a, I i) { return std::optional<double>(a.members[i].betweenness); }},
    {"closeness", "closeness", K::score, false, "How few steps it is from the members it can reach.",
     [](A a, I i) { return std::optional<double>(a.members[i].closeness); }},
    {"harmonic", "harmonic closeness", K::score, false, "Closeness that also counts members it cannot reach.",
     [](A a, I i) { return std::optional<double>(a.members[i].harmonic); }},
    {"weighted_betweenness", "weighted betweenness", K::score, false,
     "Betweenness where a closer working relationship is a shorter path.",
     [](A a, I i) { return std::optional<double>(a.members[i].weighted_betweenness); }},
    {"weighted_closeness", "weighted closeness", K::score, false,
     "Closeness where a closer working relationship is a shorter path.",
     [](A a, I i) { return std::optional<double>(a.members[i].weighted_closeness); }},
    {"eigenvector", "eigenvector centrality", K::score, false, "How well tied it is to well-tied members.",
     [](A a, I i) { return a.members[i].eigenvector; }},
    {"pagerank", "PageRank", K::score, false, "Its share of a random walk along the ties.",
     [](A a, I i) { return std::optional<double>(a.members[i].pagerank); }},
    {"core", "core number", K::count, false, "The most tied group (k-core) it belongs to.",
     [](A a, I i) { return whole(a.members[i].core); }},
    {"clustering", "clustering", K::share, false, "How often two of its partners are partners of each other.",
     [](A a, I i) { return a.members[i].clustering; }},
    {"constraint", "constraint", K::score, false, "How much its partners are tied to each other (Burt): high means few "
     "open doors.", [](A a, I i) { return a.members[i].constraint; }},
    {"effective_size", "effective size", K::score, false, "Its partners, less the ties among them (Burt).",
     [](A a, I i) { return a.members[i].effective_size; }},
    {"ei_index", "E-I index", K::score, false,
     "Its ties to other sectors minus ties within its own, over all its ties (-1 to 1).",
     [](A a, I i) { return i < a.sectors.member_ei.size() ? a.sectors.member_ei[i] : std::nullopt; }},
    {"brokerage", "brokerage roles", K::count, true,
     "How often it sits between two members who are not tied (Gould and Fernandez, every role).",
     [](A a, I i) { return i < a.sectors.brokerage.size() ? whole(a.sectors.brokerage[i].total()) : std::nullopt; }},
    {"seat_share", "share of seats", K::share, false, "Its share of the votes of every decision body.",
     [](A a, I i) { return power_of(a, i, true); }},
    {"power_share", "share of voting power", K::share, true,
     "Its share of voting power (Banzhaf) across the decision bodies.",
     [](A a, I i) { return power_of(a, i, false); }},
    {"in_degree", "times named (survey)", K::count, true, "How many respondents named it as a partner.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return whole(m.in_degree); }); }},
    {"out_degree", "partners named (survey)", K::count, true, "How many partners it named (null if it did not answer).",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) {
       return m.out_degree ? whole(*m.out_degree) : std::nullopt; }); }},
    {"reciprocity", "named back (survey)", K::share, false, "The share of the partners it named that name it back.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.reciprocity; }); }},
    {"trust", "trust (1-4)", K::score, true, "The mean trust its partners report in it, 1 to 4.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.trust; }); }},
    {"value", "value (1-4)", K::score, true, "The mean value its partners see in it, 1 to 4.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.value; }); }},
    {"trust_given", "trust it gives (1-4)", K::score, false, "The mean trust it reports in its partners, 1 to 4.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.trust_given; }); }},
    {"trust_reliability", "trust: reliability", K::score, false, "Partners' mean rating of its reliability, 1 to 4.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.trust_items[0]; }); }},
    {"trust_mission", "trust: mission", K::score, false, "Partners' mean rating of its commitment to the mission.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.trust_items[1]; }); }},
    {"trust_openness", "trust: openness", K::score, false, "Partners' mean rating of its openness to discussion.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.trust_items[2]; }); }},
    {"value_power", "value: power", K::score, false, "Partners' mean rating of its power and influence.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.value_items[0]; }); }},
    {"value_involvement", "value: involvement", K::score, false, "Partners' mean rating of its level of involvement.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.value_items[1]; }); }},
    {"value_resources", "value: resources", K::score, false, "Partners' mean rating of the resources it brings.",
     [](A a, I i) { return surveyed(a, i, [](const SurveyMember& m) { return m.value_items[2]; }); }},
    {"handoff_readiness", "handoff readiness", K::share, true,
     "The share of its carried ties that at least two of its people carry.",
     [](A a, I i) {
       return a.people.described && i < a.people.member_handoff_readiness.size() ? a.people.member_handoff_readiness[i]
                                                                                   : std::nullopt; }},
    {"articulation", "cut point", K::count, false, "1 when its departure would split the network, else 0.",
     [](A a, I i) { return std::optional<double>(a.members[i].articulation ? 1.0 : 0.0); }},
}};
// clang-format on

}  // namespace

std::span<const MemberFigureSpec> member_figure_table() { return table; }

const MemberFigureSpec* find_member_figure(std::string_view name) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const MemberFigureSpec& f) { return f.name == name; });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace xsector
