// The table, Markdown and CSV views of `xsector analyze` and `xsector gaps`.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "outputs/table.hpp"
#include "xsector/error.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace {

/// The network and sector-mixing figures as label/value rows (no header row in the
/// terminal); ties show their adjacent pairs.
Table network_table(const Analysis& a) {
  Table t{{text_column("figure"), text_column("value")}, {}, false};
  for (const FigureSpec& f : figure_table()) {
    if (f.group != FigureGroup::network && f.group != FigureGroup::mixing) continue;
    if (f.name == "adjacent_pairs") continue;  // shown with the ties
    Cell value = figure_cell(f.kind, f.value(a));
    if (f.name == "ties")
      value = fmt::format("{} ({} adjacent pairs)", figure_text(f.kind, f.value(a)), a.network.adjacent_pairs);
    t.rows.push_back({std::string(f.label), std::move(value)});
  }
  return t;
}

/// Every member's figures: the table shows the main ones, the CSV file all of them and the
/// survey's.
Table members_table(const Coalition& c, const Analysis& a) {
  Table t;
  t.columns = {text_column("id"),
               text_column("name").file_only(),
               text_column("sector"),
               integer_column("degree"),
               number_column("degree_centrality").file_only(),
               number_column("strength", shortest),
               number_column("betweenness"),
               number_column("closeness"),
               number_column("harmonic").file_only(),
               number_column("eigenvector"),
               number_column("pagerank"),
               integer_column("core"),
               number_column("clustering").file_only(),
               number_column("constraint"),
               number_column("effective_size").file_only(),
               flag_column("articulation"),
               number_column("weighted_betweenness").file_only(),
               number_column("weighted_closeness").file_only()};
  // Sector mixing and brokerage of each member, and with contacts its handoff readiness:
  // file columns, as in the JSON (brokerage one column per role).
  const bool mixing = a.sectors.member_ei.size() == c.members.size() && a.sectors.brokerage.size() == c.members.size();
  const bool people = a.people.described && a.people.member_handoff_readiness.size() == c.members.size();
  if (mixing) {
    t.columns.push_back(number_column("ei_index").file_only());
    for (const char* role : {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}) {
      t.columns.push_back(integer_column(fmt::format("brokerage_{}", role)).file_only());
    }
  }
  if (people) t.columns.push_back(number_column("handoff_readiness").file_only());
  add_survey_columns(t, a);
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    const Member& m = c.members[i];
    const MemberFigures& f = a.members[i];
    auto& row = t.row();
    row = {m.id,
           m.name,
           m.sector,
           integer_cell(f.degree),
           number_cell(f.degree_centrality),
           f.strength,
           f.betweenness,
           f.closeness,
           number_cell(f.harmonic),
           number_cell(f.eigenvector),
           number_cell(f.pagerank),
           integer_cell(f.core),
           number_cell(f.clustering),
           number_cell(f.constraint),
           number_cell(f.effective_size),
           f.articulation,
           f.weighted_betweenness,
           f.weighted_closeness};
    if (mixing) {
      const Brokerage& b = a.sectors.brokerage[i];
      row.emplace_back(number_cell(a.sectors.member_ei[i]));
      for (const std::size_t n : {b.coordinator, b.itinerant, b.representative, b.gatekeeper, b.liaison, b.total()}) {
        row.emplace_back(integer_cell(n));
      }
    }
    if (people) row.emplace_back(number_cell(a.people.member_handoff_readiness[i]));
    add_survey_cells(row, a, i);
  }
  return t;
}

/// Present sectors: id, members, internal, external, E-I, reaches.
Table sector_table(const SectorReport& r) {
  Table t{{text_column("sector"), integer_column("members"), integer_column("internal"), integer_column("external"),
           number_column("E-I"), text_column("reaches")},
          {},
          true};
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    std::vector<std::string> reaches;
    for (const auto t : f.reaches) reaches.push_back(r.index.sectors[t].id);
    t.rows.push_back({r.index.sectors[f.sector].id, integer_cell(f.members.size()), integer_cell(f.internal_ties),
                      integer_cell(f.external_ties), number_cell(f.ei_index),
                      reaches.empty() ? Cell() : Cell(fmt::format("{}", fmt::join(reaches, " ")))});
  }
  return t;
}

/// Members who broker at all, most brokerage first.
Table broker_table(const Analysis& a, const Coalition& c) {
  Table t{{text_column("member"), text_column("sector")}, {}, true};
  for (const char* name : {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}) {
    t.columns.push_back(integer_column(name));
  }
  std::vector<std::size_t> order;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (a.sectors.brokerage[v].total() > 0) order.push_back(v);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](auto x, auto y) { return a.sectors.brokerage[x].total() > a.sectors.brokerage[y].total(); });
  for (const auto v : order) {
    const auto& b = a.sectors.brokerage[v];
    t.rows.push_back({c.members[v].id, c.members[v].sector, integer_cell(b.coordinator), integer_cell(b.itinerant),
                      integer_cell(b.representative), integer_cell(b.gatekeeper), integer_cell(b.liaison),
                      integer_cell(b.total())});
  }
  return t;
}

/// Every sector of the taxonomy with its figures and gaps (the CSV of `xsector gaps`).
Table sector_csv_table(const Analysis& a) {
  Table t{{text_column("sector"), text_column("name"), text_column("priority"), integer_column("members"),
           integer_column("internal_ties"), integer_column("external_ties"), number_column("ei_index"),
           text_column("reaches")},
          {},
          true};
  for (const char* name : {"missing", "thin", "cut_off", "no_vote", "single_broker"}) {
    t.columns.push_back(flag_column(name));
  }
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
    for (const auto r : f.reaches) reaches.push_back(a.sectors.index.sectors[r].id);
    t.rows.push_back({s.id, s.name, std::string(to_string(s.priority)), integer_cell(f.members.size()),
                      integer_cell(f.internal_ties), integer_cell(f.external_ties), number_cell(f.ei_index),
                      fmt::format("{}", fmt::join(reaches, ";")), in(g.missing, f.sector), single(g.thin, f.sector),
                      in(g.cut_off, f.sector), in(g.no_vote, f.sector), single(g.single_broker, f.sector)});
  }
  return t;
}

/// The waived and unplaced lines of the gaps section.
std::string crosswalk_gaps_text(const SectorReport& r, const Coalition& c, bool markdown) {
  std::string out;
  auto item = [&](const std::string& label, const std::string& value) {
    out += markdown ? fmt::format("- **{}**: {}\n", label, value) : fmt::format("  {:<23}{}\n", label, value);
  };
  std::vector<std::string> waived;
  for (const auto s : r.gaps.waived) {
    const Waiver* w = c.waiver(r.index.sectors[s].id);
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
  const std::string listed = r.gaps.unlinked_pair_count > pairs.size()  // only the first ones are listed
                                 ? fmt::format(" (the first {})", pairs.size())
                                 : std::string();
  item("unlinked pairs",
       pairs.empty() ? "none" : fmt::format("{}{}: {}", r.gaps.unlinked_pair_count, listed, fmt::join(pairs, ", ")));
  out += crosswalk_gaps_text(r, c, markdown);
  return out;
}

TextReport gaps_report(const Coalition& c, const Analysis& a, bool markdown) {
  TextReport doc{fmt::format("Sector gaps: {}", header_line(c, markdown)),
                 fmt::format("{}axonomy: {} ({})\n", markdown ? "\nT" : "t", user_text(c.taxonomy.id, markdown),
                             user_text(c.taxonomy.name, markdown)),
                 {}};
  std::string* out = &doc.intro;
  auto section = [&](std::string_view title) { out = &doc.section(title); };
  section("Sectors at the table");
  *out += render_table_text(sector_table(a.sectors), markdown);
  section("Gaps");
  *out += gaps_text(a.sectors, c, markdown);
  section("Brokers between sectors (Gould-Fernandez)");
  const Table brokers = broker_table(a, c);
  *out += !brokers.rows.empty() ? render_table_text(brokers, markdown) : std::string(markdown ? "none\n" : "  none\n");
  section("Sector mixing");
  *out += fmt::format("{}E-I index {}, assortativity {}, modularity {}\n", markdown ? "" : "  ",
                      fixed(a.sectors.ei_index), fixed(a.sectors.assortativity), fixed(a.sectors.modularity));
  section("Findings");
  *out += findings_text(c, a, {FindingArea::sectors}, markdown);
  return doc;
}

}  // namespace

TextReport detail::analysis_report(const Coalition& c, const Analysis& a, bool markdown) {
  TextReport doc{header_line(c, markdown),
                 markdown ? fmt::format("\nTaxonomy: {}\n", user_text(c.taxonomy.id, markdown))
                          : fmt::format("taxonomy: {}\n", user_text(c.taxonomy.id, markdown)),
                 {}};
  std::string* out = &doc.intro;
  auto section = [&](std::string_view title) { out = &doc.section(title); };
  section("Network");
  *out += render_table_text(network_table(a), markdown);
  *out += approximate_text(a, c, markdown);
  section("Members");
  *out += render_table_text(members_table(c, a), markdown);
  section("Sectors");
  *out += render_table_text(sector_table(a.sectors), markdown);
  section("Gaps");
  *out += gaps_text(a.sectors, c, markdown);
  section("Decision bodies");
  Table bodies{
      {text_column("body"), text_column("rule"), text_column("quota").right(), integer_column("seat holders"),
       integer_column("veto players"), integer_column("dummies"), number_column("effective decision makers", 2)},
      {},
      true};
  for (const auto& p : a.power.bodies) {
    bodies.rows.push_back({c.governance[p.body].id, c.governance[p.body].rule.name(),
                           fmt::format("{} of {}", p.quota, p.total_votes), integer_cell(p.seats.size()),
                           integer_cell(p.veto_players.size()), integer_cell(p.dummies.size()),
                           number_cell(p.effective_decision_makers)});
  }
  *out += !bodies.rows.empty() ? render_table_text(bodies, markdown) : std::string("  none described\n");
  if (const auto survey = detail::survey_tables(c, a); !survey.network.rows.empty()) {
    section("Survey");
    *out += render_table_text(survey.network, markdown);
    section("Survey: members as partners see them");
    *out += render_table_text(survey.members, markdown);
    section("Survey: trust by sector (rows rate columns, 1-4)");
    *out += render_table_text(survey.sectors, markdown);
  }
  section("Findings");
  *out += findings_text(c, a,
                        {FindingArea::sectors, FindingArea::power, FindingArea::resilience, FindingArea::survey,
                         FindingArea::people, FindingArea::compare},
                        markdown);
  return doc;
}

Format parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "csv") return Format::csv;
  if (name == "markdown") return Format::markdown;
  throw UsageError(fmt::format("unknown format '{}': use table, json, csv or markdown", name));
}

std::string format_table(const Coalition& c, const Analysis& a) {
  return detail::terminal_safe(render_text(analysis_report(c, a, false), false), true);
}

std::string format_markdown(const Coalition& c, const Analysis& a) {
  return render_text(analysis_report(c, a, true), true);
}

std::string format_gaps(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(render_text(gaps_report(c, a, false), false), true);
    case Format::markdown: return render_text(gaps_report(c, a, true), true);
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
      doc["findings"] = findings_json(area_findings(a, {FindingArea::sectors}), FindingNames(c, a.sectors.index));
      doc["finding_groups"] = finding_groups_json(c, a, {FindingArea::sectors});
      doc["approximate"] = approximate_json(a, c);
      return json_text(doc);
    }
    case Format::csv: return render_table_csv(sector_csv_table(a));
  }
  return render_text(gaps_report(c, a, false), false);
}

std::string format_csv(const Coalition& c, const Analysis& a) { return render_table_csv(members_table(c, a)); }

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
