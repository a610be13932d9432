#include "xsector/output.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.hpp"
#include "outputs/survey_output.hpp"
#include "xsector/crosswalk.hpp"
#include "xsector/error.hpp"

namespace xsector {

namespace {

using nlohmann::ordered_json;

ordered_json number_or_null(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

std::string fixed(const std::optional<double>& v, int digits = 3) {
  return v ? detail::fixed_text(*v, digits) : std::string("-");
}

using detail::csv_cell;

std::string csv_number(const std::optional<double>& v) { return v ? detail::number_text(*v) : std::string(); }

/// The JSON text of `doc`, with every -0 written as 0 (walked without recursion) and bytes
/// that are not UTF-8 written as U+FFFD (never an exception).
std::string json_text(ordered_json& doc) {
  std::vector<ordered_json*> stack = {&doc};
  while (!stack.empty()) {
    ordered_json* v = stack.back();
    stack.pop_back();
    if (v->is_number_float() && v->get<double>() == 0) {
      *v = 0.0;
    } else if (v->is_structured()) {
      for (auto& child : *v) stack.push_back(&child);
    }
  }
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

/// User text in a table (terminal) or Markdown line: see detail::terminal_safe and
/// detail::markdown_text.
std::string user_text(const std::string& s, bool markdown) {
  return markdown ? detail::markdown_text(s) : detail::terminal_safe(s);
}

struct Row {
  std::string label;
  std::string value;
};

std::vector<Row> network_rows(const NetworkFigures& n) {
  return {
      {"members", fmt::format("{}", n.members)},
      {"ties", fmt::format("{} ({} adjacent pairs)", n.ties, n.adjacent_pairs)},
      {"density", fixed(n.density)},
      {"components", fmt::format("{}", n.components)},
      {"largest component share", fixed(n.largest_component_share)},
      {"isolates", fmt::format("{}", n.isolates)},
      {"average path length", fixed(n.average_path_length)},
      {"diameter", fmt::format("{}", n.diameter)},
      {"transitivity", fixed(n.transitivity)},
      {"degree centralization", fixed(n.degree_centralization)},
      {"betweenness centralization", fixed(n.betweenness_centralization)},
      {"reciprocity", fixed(n.reciprocity)},
  };
}

const std::vector<std::string> member_columns = {"id",          "sector",     "degree",      "strength",
                                                 "betweenness", "closeness",  "eigenvector", "pagerank",
                                                 "core",        "constraint", "articulation"};

std::vector<std::string> member_cells(const Member& m, const MemberFigures& f) {
  return {m.id,
          m.sector,
          fmt::format("{}", f.degree),
          fmt::format("{}", f.strength),
          fixed(f.betweenness),
          fixed(f.closeness),
          fixed(f.eigenvector),
          fixed(f.pagerank),
          fmt::format("{}", f.core),
          fixed(f.constraint),
          f.articulation ? "yes" : ""};
}

std::string header_line(const Coalition& c, bool markdown) {
  std::string line = user_text(c.name, markdown);
  if (!c.place.empty()) line += fmt::format(", {}", user_text(c.place, markdown));
  if (!c.as_of.empty()) line += fmt::format(" (as of {})", user_text(c.as_of, markdown));
  return line;
}

ordered_json findings_json(const std::vector<Finding>& findings) {
  ordered_json out = ordered_json::array();
  for (const auto& f : findings) {
    out.push_back({{"severity", to_string(f.severity)},
                   {"area", f.area},
                   {"code", f.code},
                   {"message", f.message},
                   {"subjects", f.subjects}});
  }
  return out;
}

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
  ordered_json rows = ordered_json::array();
  for (const auto a : present) {
    ids.push_back(r.index.sectors[a].id);
    ordered_json row = ordered_json::array();
    for (const auto b : present) row.push_back(r.mixing[a][b]);
    rows.push_back(std::move(row));
  }
  return {{"sectors", ids}, {"ties", rows}};
}

/// gaps.waived, gaps.unplaced and gaps.crosswalk_from (docs/json.md).
void add_crosswalk_gaps_json(ordered_json& gaps, const SectorReport& r, const Coalition& c) {
  ordered_json waived = ordered_json::array();
  for (const auto s : r.gaps.waived) {
    const Sector& sector = r.index.sectors[s];
    const Waiver* w = find_waiver(c, sector.id);
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
  add_crosswalk_gaps_json(out, r, c);
  return out;
}

ordered_json coalition_json(const Coalition& c) {
  return {{"name", c.name},
          {"place", text_or_null(c.place)},
          {"as_of", text_or_null(c.as_of)},
          {"taxonomy", c.taxonomy.id},
          {"backbone", c.backbone ? ordered_json(c.members[*c.backbone].id) : ordered_json(nullptr)}};
}

std::vector<Finding> area_findings(const Analysis& a, std::string_view area) {
  std::vector<Finding> out;
  std::copy_if(a.findings.begin(), a.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.area == area; });
  return out;
}

std::string findings_text(const std::vector<Finding>& findings, bool markdown) {
  std::string out;
  for (const auto& f : findings) {
    out += markdown ? fmt::format("- **{}** {} (`{}`)\n", to_string(f.severity), user_text(f.message, true), f.code)
                    : fmt::format("  [{}] {}\n", to_string(f.severity), user_text(f.message, false));
  }
  if (findings.empty()) out += markdown ? "- none\n" : "  none\n";
  return out;
}

/// Present sectors as rows: id, members, internal, external, E-I, reaches.
std::vector<std::vector<std::string>> sector_rows(const SectorReport& r) {
  std::vector<std::vector<std::string>> rows = {{"sector", "members", "internal", "external", "E-I", "reaches"}};
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    std::vector<std::string> reaches;
    for (const auto t : f.reaches) reaches.push_back(r.index.sectors[t].id);
    rows.push_back({r.index.sectors[f.sector].id, fmt::format("{}", f.members.size()),
                    fmt::format("{}", f.internal_ties), fmt::format("{}", f.external_ties), fixed(f.ei_index),
                    reaches.empty() ? "-" : fmt::format("{}", fmt::join(reaches, " "))});
  }
  return rows;
}

/// Members who broker at all, most brokerage first.
std::vector<std::vector<std::string>> broker_rows(const Analysis& a, const Coalition& c) {
  std::vector<std::vector<std::string>> rows = {
      {"member", "sector", "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}};
  std::vector<std::size_t> order;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (a.sectors.brokerage[v].total() > 0) order.push_back(v);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](auto x, auto y) { return a.sectors.brokerage[x].total() > a.sectors.brokerage[y].total(); });
  for (const auto v : order) {
    const auto& b = a.sectors.brokerage[v];
    rows.push_back({c.members[v].id, c.members[v].sector, fmt::format("{}", b.coordinator),
                    fmt::format("{}", b.itinerant), fmt::format("{}", b.representative),
                    fmt::format("{}", b.gatekeeper), fmt::format("{}", b.liaison), fmt::format("{}", b.total())});
  }
  return rows;
}

/// Aligned text columns (the first `left` columns left-aligned) or a Markdown table.
std::string grid(const std::vector<std::vector<std::string>>& rows, std::size_t left, bool markdown,
                 bool left_last = false) {
  std::string out;
  if (markdown) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += "|";
      for (const auto& cell : rows[r]) out += fmt::format(" {} |", r == 0 ? cell : detail::markdown_text(cell));
      out += "\n";
      if (r == 0) {
        out += "|";
        for (std::size_t k = 0; k < rows[0].size(); ++k) out += k < left ? "---|" : "---:|";
        out += "\n";
      }
    }
    return out;
  }
  std::vector<std::vector<std::string>> safe = rows;
  for (auto& r : safe) {
    for (auto& cell : r) cell = detail::terminal_safe(cell);
  }
  std::vector<std::size_t> width(safe.empty() ? 0 : safe[0].size(), 0);
  for (const auto& r : safe) {
    for (std::size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], r[k].size());
  }
  for (const auto& r : safe) {
    std::string line = " ";
    for (std::size_t k = 0; k < r.size(); ++k) {
      const bool to_left = k < left || (left_last && k + 1 == r.size());
      line += to_left ? fmt::format(" {:<{}}", r[k], width[k]) : fmt::format(" {:>{}}", r[k], width[k]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

/// The waived and unplaced lines of the gaps section.
std::string crosswalk_gaps_text(const SectorReport& r, const Coalition& c, bool markdown) {
  std::string out;
  auto item = [&](const std::string& label, const std::string& value) {
    out += markdown ? fmt::format("- **{}**: {}\n", label, value) : fmt::format("  {:<23}{}\n", label, value);
  };
  std::vector<std::string> waived;
  for (const auto s : r.gaps.waived) {
    const Waiver* w = find_waiver(c, r.index.sectors[s].id);
    waived.push_back(fmt::format("{} ({})", r.index.sectors[s].id, user_text(w != nullptr ? w->reason : "", markdown)));
  }
  item("waived", waived.empty() ? std::string("none") : fmt::format("{}", fmt::join(waived, "; ")));
  if (!c.crosswalk_from.empty()) {
    std::vector<std::string> unplaced;
    for (const auto m : c.unplaced) unplaced.push_back(fmt::format("{} ({})", c.members[m].id, c.members[m].sector));
    item("unplaced", unplaced.empty() ? std::string("none") : fmt::format("{}", fmt::join(unplaced, ", ")));
  }
  return out;
}

std::string gaps_text(const SectorReport& r, const Coalition& c, bool markdown) {
  const auto& sectors = r.index.sectors;
  std::string out;
  auto item = [&](const std::string& label, const std::string& value) {
    out += markdown ? fmt::format("- **{}**: {}\n", label, value) : fmt::format("  {:<23}{}\n", label, value);
  };
  auto names = [&](const std::vector<std::size_t>& list) {
    std::vector<std::string> v;
    v.reserve(list.size());
    for (const auto s : list) v.push_back(sectors[s].id);
    return v.empty() ? std::string("none") : fmt::format("{}", fmt::join(v, ", "));
  };
  for (const Priority p : {Priority::core, Priority::recommended, Priority::optional}) {
    std::vector<std::size_t> list;
    for (const auto s : r.gaps.missing) {
      if (sectors[s].priority == p) list.push_back(s);
    }
    item(fmt::format("missing ({})", to_string(p)), names(list));
  }
  auto singles = [&](const std::vector<SectorGaps::Single>& list) {
    std::vector<std::string> v;
    v.reserve(list.size());
    for (const auto& x : list) v.push_back(fmt::format("{} ({})", sectors[x.sector].id, c.members[x.member].id));
    return v.empty() ? std::string("none") : fmt::format("{}", fmt::join(v, ", "));
  };
  item("thin", singles(r.gaps.thin));
  item("cut off", names(r.gaps.cut_off));
  item("single broker", singles(r.gaps.single_broker));
  item("no vote", r.gaps.governance_described ? names(r.gaps.no_vote) : "no decision body described");
  std::vector<std::string> pairs;
  for (const auto& [a, b] : r.gaps.unlinked_pairs) pairs.push_back(fmt::format("{}/{}", sectors[a].id, sectors[b].id));
  item("unlinked pairs", pairs.empty() ? "none" : fmt::format("{}: {}", pairs.size(), fmt::join(pairs, ", ")));
  out += crosswalk_gaps_text(r, c, markdown);
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

ordered_json power_json(const Analysis& a, const Coalition& c) {
  const CoalitionPower& p = a.power;
  ordered_json bodies = ordered_json::array();
  for (const auto& b : p.bodies) bodies.push_back(body_json(b, c));
  ordered_json members = ordered_json::array();
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    members.push_back(
        {{"member", c.members[v].id}, {"seat_share", p.members[v].seats}, {"power_share", p.members[v].power}});
  }
  ordered_json sectors = ordered_json::array();
  for (const auto& f : a.sectors.sectors) {
    if (f.members.empty()) continue;
    sectors.push_back({{"sector", a.sectors.index.sectors[f.sector].id},
                       {"seat_share", p.sectors[f.sector].seats},
                       {"power_share", p.sectors[f.sector].power}});
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
      power.push_back({{"body", c.governance[shift.body].id}, {"can_decide", shift.can_decide}, {"seats", seats}});
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

/// The figures that are estimates and their precision: an empty object when all are exact.
/// Path figures come from source sampling; voting power of a body too large for an exact
/// table from Monte Carlo (one entry per estimated body under `power`).
/// The people of the file: ids, members and roles; names only when `--people names`, roles
/// null with `--people none`.
ordered_json people_json(const Analysis& a, const Coalition& c) {
  ordered_json out = ordered_json::array();
  const auto& sectors = a.sectors.index.sectors;
  for (const PersonFigures& p : a.people.people) {
    const Member& m = c.members[p.member];
    const Contact& who = m.contacts[p.contact];
    ordered_json person;
    person["id"] = who.id;
    person["member"] = m.id;
    if (a.people_shown == PeopleShown::names) person["name"] = text_or_null(who.name);
    person["role"] = a.people_shown == PeopleShown::none ? ordered_json(nullptr) : text_or_null(who.role);
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

ordered_json approximate_json(const Analysis& a, const Coalition& c) {
  ordered_json out = ordered_json::object();
  for (const auto& e : a.approximate) {
    out[e.figure] = {
        {"method", e.method}, {"samples", e.samples}, {"sources", e.sources}, {"epsilon", number_or_null(e.epsilon)},
        {"delta", e.delta},   {"seed", e.seed},       {"note", e.note}};
  }
  ordered_json bodies = ordered_json::array();
  for (const auto& body : a.power.bodies) {
    if (!body.estimate) continue;
    const PowerEstimate& e = *body.estimate;
    bodies.push_back({{"body", c.governance[body.body].id},
                      {"method", e.method},
                      {"interval", e.interval},
                      {"confidence", e.confidence},
                      {"samples", e.samples},
                      {"seed", e.seed},
                      {"banzhaf_half_width", e.banzhaf_half_width},
                      {"shapley_shubik_half_width", e.shapley_shubik_half_width},
                      {"penrose_half_width", e.penrose_half_width}});
  }
  if (!bodies.empty()) out["power"] = bodies;
  return out;
}

/// The estimates lines of the table and Markdown outputs; empty when all figures are exact.
std::string approximate_text(const Analysis& a, const Coalition& c, bool markdown, bool power_lines = true) {
  std::vector<std::string> lines;
  if (std::string line = describe_estimates(a); !line.empty()) lines.push_back(std::move(line));
  for (const auto& body : a.power.bodies) {
    if (!body.estimate || !power_lines) continue;
    const PowerEstimate& e = *body.estimate;
    lines.push_back(
        fmt::format("Voting power in {} estimated by Monte Carlo ({} samples, seed {}): banzhaf ±{:.4f}, "
                    "shapley-shubik ±{:.4f}, penrose ±{:.4f} at {:g}% confidence.",
                    c.governance[body.body].id, e.samples, e.seed, e.banzhaf_half_width, e.shapley_shubik_half_width,
                    e.penrose_half_width, e.confidence * 100));
  }
  std::string out;
  for (const auto& line : lines) out += markdown ? fmt::format("\n> {}\n", line) : fmt::format("\nnote: {}\n", line);
  return out;
}

std::string power_report_text(const Coalition& c, const Analysis& a, bool markdown) {
  std::string out = markdown ? fmt::format("# Decision power: {}\n", header_line(c, markdown))
                             : fmt::format("Decision power: {}\n", header_line(c, markdown));
  auto section = [&](std::string_view title) {
    out += markdown ? fmt::format("\n## {}\n\n", title) : fmt::format("\n{}\n", title);
  };
  const CoalitionPower& p = a.power;
  if (p.bodies.empty()) {
    section("Decision bodies");
    out += markdown ? "The file describes no decision body.\n" : "  The file describes no decision body.\n";
  }
  for (const auto& body : p.bodies) {
    const Body& b = c.governance[body.body];
    section(fmt::format("{} ({}, {} of {} votes decide)", b.id, b.rule.name(), body.quota, body.total_votes));
    std::vector<std::vector<std::string>> rows = {
        {"member", "votes", "seats", "banzhaf", "shapley-shubik", "penrose", "veto", "dummy"}};
    for (const auto& s : body.seats) {
      rows.push_back({c.members[s.member].id, fmt::format("{}", s.votes), fixed(s.seat_share), fixed(s.banzhaf),
                      fixed(s.shapley_shubik), fixed(s.penrose), s.veto ? "yes" : "", s.dummy ? "yes" : ""});
    }
    if (body.estimate) {
      out += fmt::format(
          "{}estimated by Monte Carlo ({} samples, seed {}): banzhaf ±{:.4f}, shapley-shubik ±{:.4f}, "
          "penrose ±{:.4f} at {:.0f}%\n",
          markdown ? "" : "  ", body.estimate->samples, body.estimate->seed, body.estimate->banzhaf_half_width,
          body.estimate->shapley_shubik_half_width, body.estimate->penrose_half_width, body.estimate->confidence * 100);
      if (markdown) out += "\n";
    }
    out += grid(rows, 1, markdown);
    out += fmt::format("{}gini of seats {}, gini of power {}, effective decision makers {}\n", markdown ? "\n" : "  ",
                       fixed(body.gini_seats), fixed(body.gini_power), fixed(body.effective_decision_makers, 2));
  }
  section("Across the coalition");
  std::vector<std::vector<std::string>> sectors = {{"sector", "seat share", "power share"}};
  for (const auto& f : a.sectors.sectors) {
    if (f.members.empty()) continue;
    sectors.push_back(
        {a.sectors.index.sectors[f.sector].id, fixed(p.sectors[f.sector].seats), fixed(p.sectors[f.sector].power)});
  }
  out += grid(sectors, 1, markdown);
  auto share = [](const std::optional<ShareFigures>& s) {
    return s ? fmt::format("{} of seats, {} of power", fixed(s->seats), fixed(s->power)) : std::string("-");
  };
  std::vector<std::vector<std::string>> lines = {{"figure", "value"},
                                                 {"community-led", share(p.community_led)},
                                                 {"lived experience", share(p.lived_experience)},
                                                 {"backbone power share", fixed(p.backbone_power_share)},
                                                 {"backbone betweenness share", fixed(p.backbone_betweenness_share)},
                                                 {"gini of degree", fixed(p.gini_degree)},
                                                 {"gini of betweenness", fixed(p.gini_betweenness)}};
  if (!markdown) lines.erase(lines.begin());
  if (markdown) out += "\n";
  out += grid(lines, 2, markdown);
  out += approximate_text(a, c, markdown, false);  // each estimated body says so under its table
  section("If a member leaves");
  const Resilience& r = a.resilience;
  std::vector<std::string> cut;
  for (const auto v : r.articulation_points) cut.push_back(c.members[v].id);
  std::vector<std::string> bridge;
  for (const auto& [x, y] : r.bridges) bridge.push_back(fmt::format("{}-{}", c.members[x].id, c.members[y].id));
  out += fmt::format("{}fragmentation now {}; articulation points: {}; bridges: {}\n", markdown ? "" : "  ",
                     fixed(r.fragmentation), cut.empty() ? "none" : fmt::format("{}", fmt::join(cut, ", ")),
                     bridge.empty() ? "none" : fmt::format("{}", fmt::join(bridge, ", ")));
  std::vector<std::vector<std::string>> dep = {
      {"member", "fragmentation", "components", "sectors lost", "sectors unlinked"}};
  std::vector<const Departure*> order;
  for (const auto& d : r.departures) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const Departure* x, const Departure* y) {
    return x->fragmentation.value_or(0.0) > y->fragmentation.value_or(0.0);
  });
  for (const auto* d : order) {
    std::vector<std::string> lost;
    for (const auto s : d->sectors_lost) lost.push_back(a.sectors.index.sectors[s].id);
    std::vector<std::string> unlinked;
    for (const auto s : d->sectors_unlinked) unlinked.push_back(a.sectors.index.sectors[s].id);
    dep.push_back({c.members[d->member].id, fixed(d->fragmentation), fmt::format("{}", d->components),
                   lost.empty() ? "-" : fmt::format("{}", fmt::join(lost, " ")),
                   unlinked.empty() ? "-" : fmt::format("{}", fmt::join(unlinked, " "))});
  }
  if (markdown) out += "\n";
  out += grid(dep, 1, markdown, true);
  section("Findings");
  std::vector<Finding> findings = area_findings(a, "power");
  for (auto&& f : area_findings(a, "resilience")) findings.push_back(std::move(f));
  sort_findings(findings);
  out += findings_text(findings, markdown);
  return out;
}

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
      return {{"level", level_name(p.level)}, {"direction", p.direction}};
    };
    out.push_back({{"a", t.a}, {"b", t.b}, {"before", side(t.before)}, {"after", side(t.after)}});
  }
  return out;
}

std::string tie_line(const std::vector<TieChange>& list) {
  if (list.empty()) return "none";
  std::vector<std::string> parts;
  for (const auto& t : list) {
    std::string part = fmt::format("{}-{}", t.a, t.b);
    if (t.before.tied && t.after.tied) {
      part += t.before.level != t.after.level
                  ? fmt::format(" ({} -> {})", level_name(t.before.level), level_name(t.after.level))
                  : fmt::format(" ({} -> {})", t.before.direction, t.after.direction);
    } else {
      part += fmt::format(" ({})", level_name(t.after.tied ? t.after.level : t.before.level));
    }
    parts.push_back(part);
  }
  return fmt::format("{}: {}", list.size(), fmt::join(parts, ", "));
}

std::string comparison_text(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown) {
  auto label = [&](const Coalition& c) {
    return c.as_of.empty() ? user_text(c.name, markdown)
                           : fmt::format("{} ({})", user_text(c.name, markdown), user_text(c.as_of, markdown));
  };
  std::string out = markdown ? fmt::format("# Compare: {} -> {}\n", label(a), label(b))
                             : fmt::format("Compare: {} -> {}\n", label(a), label(b));
  auto section = [&](std::string_view title) {
    out += markdown ? fmt::format("\n## {}\n\n", title) : fmt::format("\n{}\n", title);
  };
  auto item = [&](const std::string& key, const std::string& value) {
    out += markdown ? fmt::format("- **{}**: {}\n", key, value) : fmt::format("  {:<19}{}\n", key, value);
  };
  auto list = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string("none") : fmt::format("{}: {}", v.size(), fmt::join(v, ", "));
  };
  if (!cmp.as_waves)
    out += fmt::format("{}compared as two coalitions, not waves: {}\n", markdown ? "\n" : "",
                       user_text(cmp.kind_note, markdown));
  section("Members");
  item(cmp.as_waves ? "joined" : "only in second", list(cmp.joined));
  item(cmp.as_waves ? "left" : "only in first", list(cmp.left));
  item("kept", fmt::format("{}", cmp.kept.size()));
  std::vector<std::string> renames;
  for (const auto& r : cmp.renamed) {
    std::string text = r.id;
    if (r.name_before != r.name_after) {
      text += fmt::format(" name '{}' -> '{}'", user_text(r.name_before, markdown), user_text(r.name_after, markdown));
    }
    if (r.sector_before != r.sector_after) text += fmt::format(" sector {} -> {}", r.sector_before, r.sector_after);
    renames.push_back(text);
  }
  item("renamed", list(renames));
  section("Ties");
  item("formed", tie_line(cmp.ties.formed));
  item("dissolved", tie_line(cmp.ties.dissolved));
  item("strengthened", tie_line(cmp.ties.strengthened));
  item("weakened", tie_line(cmp.ties.weakened));
  item("direction changed", tie_line(cmp.ties.redirected));
  section("Network");
  std::vector<std::vector<std::string>> rows = {{"figure", "before", "after", "change"}};
  static const std::set<std::string> counts = {"members",  "ties",     "adjacent_pairs",  "components",
                                               "isolates", "diameter", "sectors_covered", "sectors_missing"};
  for (const auto& d : cmp.network) {
    const int digits = counts.contains(d.name) ? 0 : 3;
    rows.push_back({d.name, fixed(d.before, digits), fixed(d.after, digits), fixed(d.change, digits)});
  }
  out += grid(rows, 1, markdown);
  section("Sectors");
  std::vector<std::vector<std::string>> sectors = {{"sector", "members", "internal ties", "external ties", "E-I"}};
  auto pair = [](const Delta& d, int digits) {
    return fmt::format("{} -> {}", fixed(d.before, digits), fixed(d.after, digits));
  };
  for (const auto& s : cmp.sectors) {
    sectors.push_back(
        {s.sector, pair(s.members, 0), pair(s.internal_ties, 0), pair(s.external_ties, 0), pair(s.ei_index, 2)});
  }
  out += grid(sectors, 1, markdown);
  if (markdown) out += "\n";
  item("sectors covered", list(cmp.sectors_covered));
  item("sectors lost", list(cmp.sectors_lost));
  section("Power");
  std::vector<std::vector<std::string>> power = {{"member", "power before", "power after", "change"}};
  for (const auto& d : cmp.power) {
    if (d.before.value_or(0.0) == 0.0 && d.after.value_or(0.0) == 0.0) continue;
    power.push_back({d.name, fixed(d.before), fixed(d.after), fixed(d.change)});
  }
  out += power.size() > 1 ? grid(power, 1, markdown) : std::string(markdown ? "none\n" : "  none\n");
  for (const auto& body : cmp.bodies) {
    out += fmt::format("{}{}: effective decision makers {} -> {}{}\n", markdown ? "- " : "  ", body.body,
                       fixed(body.effective_decision_makers.before, 2), fixed(body.effective_decision_makers.after, 2),
                       !body.in_before ? " (new body)" : (!body.in_after ? " (body gone)" : ""));
  }
  section("QAP correlation");
  const Qap& q = cmp.qap;
  const std::string p_text = p_value_text(q);
  out += fmt::format("{}{}r = {} over {} common members, p {}{} ({} {} relabellings, seed {})\n", markdown ? "" : "  ",
                     q.valued ? "tie levels: " : "", fixed(q.correlation), q.common_members,
                     p_text.starts_with("<") ? "" : "= ", p_text, q.exact ? "exact over all" : "random", q.permutations,
                     q.seed);
  section("Findings");
  out += findings_text(cmp.findings, markdown);
  return out;
}
}  // namespace

Format parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "csv") return Format::csv;
  if (name == "markdown") return Format::markdown;
  throw UsageError(fmt::format("unknown format '{}': use table, json, csv or markdown", name));
}

std::string format_json(const Coalition& c, const Analysis& a) {
  ordered_json doc;
  doc["schema"] = "xsector/1";
  doc["coalition"] = coalition_json(c);
  const NetworkFigures& n = a.network;
  doc["network"] = {{"members", n.members},
                    {"ties", n.ties},
                    {"adjacent_pairs", n.adjacent_pairs},
                    {"density", number_or_null(n.density)},
                    {"components", n.components},
                    {"largest_component_share", n.largest_component_share},
                    {"isolates", n.isolates},
                    {"average_path_length", number_or_null(n.average_path_length)},
                    {"diameter", n.diameter},
                    {"transitivity", number_or_null(n.transitivity)},
                    {"degree_centralization", number_or_null(n.degree_centralization)},
                    {"betweenness_centralization", number_or_null(n.betweenness_centralization)},
                    {"reciprocity", number_or_null(n.reciprocity)},
                    {"ei_index", number_or_null(a.sectors.ei_index)},
                    {"sector_assortativity", number_or_null(a.sectors.assortativity)},
                    {"sector_modularity", number_or_null(a.sectors.modularity)}};
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
  doc["findings"] = findings_json(a.findings);
  doc["approximate"] = approximate_json(a, c);
  return json_text(doc);
}

namespace {

std::string report_text(const Coalition& c, const Analysis& a, bool markdown) {
  std::string out =
      markdown ? fmt::format("# {}\n\nTaxonomy: {}\n", header_line(c, markdown), user_text(c.taxonomy.id, markdown))
               : fmt::format("{}\ntaxonomy: {}\n", header_line(c, markdown), user_text(c.taxonomy.id, markdown));
  auto section = [&](std::string_view title) {
    out += markdown ? fmt::format("\n## {}\n\n", title) : fmt::format("\n{}\n", title);
  };
  section("Network");
  std::vector<std::vector<std::string>> net = {{"figure", "value"}};
  for (const auto& row : network_rows(a.network)) net.push_back({row.label, row.value});
  net.push_back({"E-I index (sectors)", fixed(a.sectors.ei_index)});
  net.push_back({"sector assortativity", fixed(a.sectors.assortativity)});
  net.push_back({"sector modularity", fixed(a.sectors.modularity)});
  if (!markdown) net.erase(net.begin());
  out += grid(net, 1, markdown, true);
  out += approximate_text(a, c, markdown);
  section("Members");
  std::vector<std::vector<std::string>> rows = {member_columns};
  for (std::size_t i = 0; i < c.members.size(); ++i) rows.push_back(member_cells(c.members[i], a.members[i]));
  out += grid(rows, 2, markdown);
  section("Sectors");
  out += grid(sector_rows(a.sectors), 1, markdown, true);
  section("Gaps");
  out += gaps_text(a.sectors, c, markdown);
  section("Decision bodies");
  std::vector<std::vector<std::string>> bodies = {
      {"body", "rule", "quota", "seat holders", "veto players", "dummies", "effective decision makers"}};
  for (const auto& p : a.power.bodies) {
    bodies.push_back({c.governance[p.body].id, c.governance[p.body].rule.name(),
                      fmt::format("{} of {}", p.quota, p.total_votes), fmt::format("{}", p.seats.size()),
                      fmt::format("{}", p.veto_players.size()), fmt::format("{}", p.dummies.size()),
                      fixed(p.effective_decision_makers, 2)});
  }
  out += bodies.size() > 1 ? grid(bodies, 2, markdown) : std::string("  none described\n");
  if (const auto survey = detail::survey_tables(c, a); !survey.network.empty()) {
    section("Survey");
    out += grid(markdown ? survey.network : std::vector(survey.network.begin() + 1, survey.network.end()), 1, markdown,
                true);
    section("Survey: members as partners see them");
    out += grid(survey.members, 2, markdown);
    section("Survey: trust by sector (rows rate columns, 1-4)");
    out += grid(survey.sectors, 1, markdown);
  }
  section("Findings");
  out += findings_text(a.findings, markdown);
  return out;
}

std::string gaps_report_text(const Coalition& c, const Analysis& a, bool markdown) {
  std::string out = markdown ? fmt::format("# Sector gaps: {}\n\nTaxonomy: {} ({})\n", header_line(c, markdown),
                                           user_text(c.taxonomy.id, markdown), user_text(c.taxonomy.name, markdown))
                             : fmt::format("Sector gaps: {}\ntaxonomy: {} ({})\n", header_line(c, markdown),
                                           user_text(c.taxonomy.id, markdown), user_text(c.taxonomy.name, markdown));
  auto section = [&](std::string_view title) {
    out += markdown ? fmt::format("\n## {}\n\n", title) : fmt::format("\n{}\n", title);
  };
  section("Sectors at the table");
  out += grid(sector_rows(a.sectors), 1, markdown, true);
  section("Gaps");
  out += gaps_text(a.sectors, c, markdown);
  section("Brokers between sectors (Gould-Fernandez)");
  const auto brokers = broker_rows(a, c);
  out += brokers.size() > 1 ? grid(brokers, 2, markdown) : std::string(markdown ? "none\n" : "  none\n");
  section("Sector mixing");
  out += fmt::format("{}E-I index {}, assortativity {}, modularity {}\n", markdown ? "" : "  ",
                     fixed(a.sectors.ei_index), fixed(a.sectors.assortativity), fixed(a.sectors.modularity));
  section("Findings");
  out += findings_text(area_findings(a, "sectors"), markdown);
  return out;
}

}  // namespace

std::string format_table(const Coalition& c, const Analysis& a) {
  return detail::terminal_safe(report_text(c, a, false), true);
}

std::string format_power(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(power_report_text(c, a, false), true);
    case Format::markdown: return power_report_text(c, a, true);
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["coalition"] = coalition_json(c);
      doc["power"] = power_json(a, c);
      doc["resilience"] = resilience_json(a, c);
      std::vector<Finding> findings = area_findings(a, "power");
      for (auto&& f : area_findings(a, "resilience")) findings.push_back(std::move(f));
      sort_findings(findings);
      doc["findings"] = findings_json(findings);
      doc["approximate"] = approximate_json(a, c);
      return json_text(doc);
    }
    case Format::csv: {
      // The last three columns are empty when exact; else the widest 99% half-width of each index.
      std::string out =
          "body,member,votes,seat_share,banzhaf,shapley_shubik,penrose,veto,dummy,"
          "banzhaf_half_width,shapley_shubik_half_width,penrose_half_width\n";
      for (const auto& body : a.power.bodies) {
        auto width = [&](double PowerEstimate::*field) {
          return body.estimate ? csv_number((*body.estimate).*field) : std::string();
        };
        for (const auto& s : body.seats) {
          out +=
              fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_cell(c.governance[body.body].id),
                          csv_cell(c.members[s.member].id), s.votes, s.seat_share, csv_number(s.banzhaf),
                          s.shapley_shubik, s.penrose, s.veto, s.dummy, width(&PowerEstimate::banzhaf_half_width),
                          width(&PowerEstimate::shapley_shubik_half_width), width(&PowerEstimate::penrose_half_width));
        }
      }
      return out;
    }
  }
  return power_report_text(c, a, false);
}

namespace {

std::string people_report_text(const Coalition& c, const Analysis& a, bool markdown) {
  std::string out =
      markdown ? fmt::format("# {}\n", header_line(c, markdown)) : fmt::format("{}\n", header_line(c, markdown));
  auto section = [&](std::string_view title) {
    out += markdown ? fmt::format("\n## {}\n\n", title) : fmt::format("\n{}\n", title);
  };
  const People& r = a.people;
  if (!r.described) {
    out += markdown ? "\nThe file lists no contacts: add `contacts` to members and `carried_by` to ties.\n"
                    : "\nThe file lists no contacts: add 'contacts' to members and 'carried_by' to ties.\n";
    return out;
  }
  const auto& sectors = a.sectors.index.sectors;
  section("People who carry the ties");
  std::vector<std::vector<std::string>> rows = {
      {"person", "member", "carries", "sole carrier of", "fragmentation", "sectors cut"}};
  for (const PersonFigures& p : r.people) {
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors[s].id);
    const Contact& who = c.members[p.member].contacts[p.contact];
    std::string label = who.id;
    if (a.people_shown == PeopleShown::names && !who.name.empty())
      label = who.name;
    else if (a.people_shown != PeopleShown::none && !who.role.empty())
      label = fmt::format("{} ({})", who.role, who.id);
    rows.push_back({label, c.members[p.member].id, fmt::format("{}", p.carries.size()),
                    fmt::format("{}", p.sole_carrier_of.size()), fixed(p.fragmentation),
                    cut.empty() ? "-" : fmt::format("{}", fmt::join(cut, " "))});
  }
  out += grid(rows, 2, markdown, true);
  section("Handoff readiness (carried ties with two or more carriers on the member's side)");
  std::vector<std::vector<std::string>> ready = {{"member", "carried", "ready", "handoff_readiness"}};
  for (std::size_t m = 0; m < c.members.size(); ++m) {
    if (r.member_carried[m] == 0 && c.members[m].contacts.empty()) continue;
    ready.push_back({c.members[m].id, fmt::format("{}", r.member_carried[m]), fmt::format("{}", r.member_ready[m]),
                     fixed(r.member_handoff_readiness[m])});
  }
  ready.push_back(
      {"network", fmt::format("{}", r.carried_ends), fmt::format("{}", r.ready_ends), fixed(r.handoff_readiness)});
  out += grid(ready, 1, markdown);
  section("Findings");
  out += findings_text(area_findings(a, "people"), markdown);
  return out;
}

}  // namespace

std::string format_people(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(people_report_text(c, a, false), true);
    case Format::markdown: return people_report_text(c, a, true);
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["coalition"] = coalition_json(c);
      doc["people_shown"] = to_string(a.people_shown);
      doc["network"] = {{"handoff_readiness", number_or_null(a.people.handoff_readiness)},
                        {"carried_ends", a.people.carried_ends},
                        {"ready_ends", a.people.ready_ends},
                        {"fragmentation", number_or_null(a.people.fragmentation)}};
      ordered_json members = ordered_json::array();
      for (std::size_t m = 0; m < c.members.size(); ++m) {
        members.push_back({{"id", c.members[m].id},
                           {"name", c.members[m].name},
                           {"contacts", c.members[m].contacts.size()},
                           {"carried", a.people.member_carried.empty() ? 0 : a.people.member_carried[m]},
                           {"ready", a.people.member_ready.empty() ? 0 : a.people.member_ready[m]},
                           {"handoff_readiness", a.people.member_handoff_readiness.empty()
                                                     ? ordered_json(nullptr)
                                                     : number_or_null(a.people.member_handoff_readiness[m])}});
      }
      doc["members"] = std::move(members);
      doc["people"] = people_json(a, c);
      doc["findings"] = findings_json(area_findings(a, "people"));
      return json_text(doc);
    }
    case Format::csv: {
      const bool names = a.people_shown == PeopleShown::names;
      std::string out = names ? "id,member,name,role,since,carries,sole_carrier_of,sectors_cut,fragmentation\n"
                              : "id,member,role,since,carries,sole_carrier_of,sectors_cut,fragmentation\n";
      for (const PersonFigures& p : a.people.people) {
        const Contact& who = c.members[p.member].contacts[p.contact];
        std::vector<std::string> cut;
        for (const auto s : p.sectors_cut) cut.push_back(a.sectors.index.sectors[s].id);
        out += fmt::format("{},{},", csv_cell(who.id), csv_cell(c.members[p.member].id));
        if (names) out += csv_cell(who.name) + ",";
        out +=
            fmt::format("{},{},{},{},{},{}\n", a.people_shown == PeopleShown::none ? std::string() : csv_cell(who.role),
                        csv_cell(who.since), p.carries.size(), p.sole_carrier_of.size(),
                        csv_cell(fmt::format("{}", fmt::join(cut, " "))), csv_number(p.fragmentation));
      }
      return out;
    }
  }
  return people_report_text(c, a, false);
}

std::string format_markdown(const Coalition& c, const Analysis& a) { return report_text(c, a, true); }

std::string format_gaps(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(gaps_report_text(c, a, false), true);
    case Format::markdown: return gaps_report_text(c, a, true);
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["coalition"] = coalition_json(c);
      doc["network"] = {{"ei_index", number_or_null(a.sectors.ei_index)},
                        {"sector_assortativity", number_or_null(a.sectors.assortativity)},
                        {"sector_modularity", number_or_null(a.sectors.modularity)}};
      doc["sectors"] = sectors_json(a.sectors, c);
      doc["sector_mixing"] = mixing_json(a.sectors);
      doc["gaps"] = gaps_json(a.sectors, c);
      ordered_json members = ordered_json::array();
      for (std::size_t i = 0; i < c.members.size(); ++i) {
        members.push_back({{"id", c.members[i].id},
                           {"sector", c.members[i].sector},
                           {"ei_index", number_or_null(a.sectors.member_ei[i])},
                           {"brokerage", brokerage_json(a.sectors.brokerage[i])}});
      }
      doc["members"] = std::move(members);
      doc["findings"] = findings_json(area_findings(a, "sectors"));
      doc["approximate"] = approximate_json(a, c);
      return json_text(doc);
    }
    case Format::csv: {
      std::string out =
          "sector,name,priority,members,internal_ties,external_ties,ei_index,reaches,missing,thin,"
          "cut_off,no_vote,single_broker\n";
      const auto& g = a.sectors.gaps;
      auto in = [](const std::vector<std::size_t>& list, std::size_t s) {
        return std::find(list.begin(), list.end(), s) != list.end();
      };
      auto single = [](const std::vector<SectorGaps::Single>& list, std::size_t s) {
        return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.sector == s; });
      };
      for (const auto& f : a.sectors.sectors) {
        const Sector& s = a.sectors.index.sectors[f.sector];
        std::vector<std::string> reaches;
        for (const auto t : f.reaches) reaches.push_back(a.sectors.index.sectors[t].id);
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_cell(s.id), csv_cell(s.name),
                           to_string(s.priority), f.members.size(), f.internal_ties, f.external_ties,
                           csv_number(f.ei_index), csv_cell(fmt::format("{}", fmt::join(reaches, ";"))),
                           in(g.missing, f.sector), single(g.thin, f.sector), in(g.cut_off, f.sector),
                           in(g.no_vote, f.sector), single(g.single_broker, f.sector));
      }
      return out;
    }
  }
  return gaps_report_text(c, a, false);
}

std::string format_comparison(Format format, const Coalition& a, const Coalition& b, const Comparison& cmp) {
  switch (format) {
    case Format::table: return detail::terminal_safe(comparison_text(a, b, cmp, false), true);
    case Format::markdown: return comparison_text(a, b, cmp, true);
    case Format::csv: {
      std::string out = "figure,before,after,change\n";
      for (const auto& d : cmp.network) {
        out += fmt::format("{},{},{},{}\n", d.name, csv_number(d.before), csv_number(d.after), csv_number(d.change));
      }
      return out;
    }
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["before"] = coalition_json(a);
      doc["after"] = coalition_json(b);
      ordered_json renamed = ordered_json::array();
      for (const auto& r : cmp.renamed) {
        renamed.push_back({{"id", r.id},
                           {"name_before", r.name_before},
                           {"name_after", r.name_after},
                           {"sector_before", r.sector_before},
                           {"sector_after", r.sector_after}});
      }
      doc["members"] = {{"joined", cmp.joined}, {"left", cmp.left}, {"kept", cmp.kept}, {"renamed", renamed}};
      doc["ties"] = {{"formed", tie_changes_json(cmp.ties.formed)},
                     {"dissolved", tie_changes_json(cmp.ties.dissolved)},
                     {"strengthened", tie_changes_json(cmp.ties.strengthened)},
                     {"weakened", tie_changes_json(cmp.ties.weakened)},
                     {"direction_changed", tie_changes_json(cmp.ties.redirected)}};
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
      if (cmp.people.described) {
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
        doc["people"] = {{"left", cmp.people.left},
                         {"joined", cmp.people.joined},
                         {"handed_over", carrier_changes(cmp.people.handed_over)},
                         {"uncarried", carrier_changes(cmp.people.uncarried)},
                         {"dissolved", carrier_changes(cmp.people.dissolved)}};
      }
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
      doc["findings"] = findings_json(cmp.findings);
      return json_text(doc);
    }
  }
  return comparison_text(a, b, cmp, false);
}

std::string format_many(Format format, const std::vector<const Coalition*>& coalitions,
                        const std::vector<std::vector<Figure>>& figures) {
  static const std::vector<std::string> columns = {"members",
                                                   "ties",
                                                   "density",
                                                   "components",
                                                   "degree_centralization",
                                                   "betweenness_centralization",
                                                   "ei_index",
                                                   "sectors_covered",
                                                   "sectors_missing",
                                                   "effective_decision_makers",
                                                   "community_led_power_share"};
  auto value = [&](std::size_t row, const std::string& name) {
    for (const auto& f : figures[row]) {
      if (f.name == name) return f.value;
    }
    return std::optional<double>();
  };
  if (format == Format::json) {
    ordered_json doc;
    doc["schema"] = "xsector/1";
    ordered_json rows = ordered_json::array();
    for (std::size_t r = 0; r < coalitions.size(); ++r) {
      ordered_json row = coalition_json(*coalitions[r]);
      row["file"] = coalitions[r]->file;
      ordered_json figs = ordered_json::object();
      for (const auto& f : figures[r]) figs[f.name] = number_or_null(f.value);
      row["figures"] = figs;
      rows.push_back(row);
    }
    doc["coalitions"] = rows;
    return json_text(doc);
  }
  if (format == Format::csv) {
    std::string out = "name,as_of,taxonomy,file";
    for (const auto& f : figures.empty() ? std::vector<Figure>{} : figures[0]) {
      out += ',';
      out += f.name;
    }
    out += "\n";
    for (std::size_t r = 0; r < coalitions.size(); ++r) {
      out += fmt::format("{},{},{},{}", csv_cell(coalitions[r]->name), csv_cell(coalitions[r]->as_of),
                         csv_cell(coalitions[r]->taxonomy.id), csv_cell(coalitions[r]->file));
      for (const auto& f : figures[r]) {
        out += ',';
        out += csv_number(f.value);
      }
      out += "\n";
    }
    return out;
  }
  const bool markdown = format == Format::markdown;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"coalition", "as of", "taxonomy"};
  for (const auto& c : columns) header.push_back(c);
  rows.push_back(header);
  for (std::size_t r = 0; r < coalitions.size(); ++r) {
    std::vector<std::string> row = {coalitions[r]->name, coalitions[r]->as_of.empty() ? "-" : coalitions[r]->as_of,
                                    coalitions[r]->taxonomy.id};
    for (const auto& c : columns) {
      const auto v = value(r, c);
      const bool whole = c == "members" || c == "ties" || c == "components" || c.starts_with("sectors_");
      row.push_back(whole && v ? fmt::format("{:.0f}", *v) : fixed(v));
    }
    rows.push_back(row);
  }
  std::string out = markdown ? "# Coalitions side by side\n\n" : "";
  out += grid(rows, 3, markdown);
  return out;
}

std::string format_csv(const Coalition& c, const Analysis& a) {
  std::string out =
      "id,name,sector,degree,degree_centrality,strength,betweenness,closeness,harmonic,eigenvector,"
      "pagerank,core,clustering,constraint,effective_size,articulation,weighted_betweenness,weighted_closeness" +
      detail::survey_csv_header(a) + "\n";
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    const Member& m = c.members[i];
    const MemberFigures& f = a.members[i];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}{}\n", csv_cell(m.id), csv_cell(m.name),
                       csv_cell(m.sector), f.degree, csv_number(f.degree_centrality), f.strength,
                       csv_number(f.betweenness), csv_number(f.closeness), csv_number(f.harmonic),
                       csv_number(f.eigenvector), csv_number(f.pagerank), f.core, csv_number(f.clustering),
                       csv_number(f.constraint), csv_number(f.effective_size), f.articulation ? "true" : "false",
                       csv_number(f.weighted_betweenness), csv_number(f.weighted_closeness),
                       detail::survey_csv_cells(a, i));
  }
  return out;
}

std::string format_analysis(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return format_table(c, a);
    case Format::json: return format_json(c, a);
    case Format::csv: return format_csv(c, a);
    case Format::markdown: return format_markdown(c, a);
  }
  return format_table(c, a);
}

}  // namespace xsector
