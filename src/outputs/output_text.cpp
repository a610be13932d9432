// The table, Markdown and CSV views of `xsector analyze` and `xsector gaps`.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "xsector/error.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace {

/// The network and sector-mixing figures as label/value rows; ties show their adjacent pairs.
std::vector<std::vector<std::string>> network_rows(const Analysis& a) {
  std::vector<std::vector<std::string>> rows;
  for (const FigureSpec& f : figure_table()) {
    if (f.group != FigureGroup::network && f.group != FigureGroup::mixing) continue;
    if (f.name == "adjacent_pairs") continue;  // shown with the ties
    std::string value = figure_text(f.kind, f.value(a));
    if (f.name == "ties") value += fmt::format(" ({} adjacent pairs)", a.network.adjacent_pairs);
    rows.push_back({std::string(f.label), std::move(value)});
  }
  return rows;
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
  item("unlinked pairs", pairs.empty() ? "none" : fmt::format("{}: {}", pairs.size(), fmt::join(pairs, ", ")));
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
  *out += grid(sector_rows(a.sectors), 1, markdown, true);
  section("Gaps");
  *out += gaps_text(a.sectors, c, markdown);
  section("Brokers between sectors (Gould-Fernandez)");
  const auto brokers = broker_rows(a, c);
  *out += brokers.size() > 1 ? grid(brokers, 2, markdown) : std::string(markdown ? "none\n" : "  none\n");
  section("Sector mixing");
  *out += fmt::format("{}E-I index {}, assortativity {}, modularity {}\n", markdown ? "" : "  ",
                      fixed(a.sectors.ei_index), fixed(a.sectors.assortativity), fixed(a.sectors.modularity));
  section("Findings");
  *out += findings_text(area_findings(a, {FindingArea::sectors}), markdown);
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
  std::vector<std::vector<std::string>> net = {{"figure", "value"}};
  for (auto& row : network_rows(a)) net.push_back(std::move(row));
  if (!markdown) net.erase(net.begin());
  *out += grid(net, 1, markdown, true);
  *out += approximate_text(a, c, markdown);
  section("Members");
  std::vector<std::vector<std::string>> rows = {member_columns};
  for (std::size_t i = 0; i < c.members.size(); ++i) rows.push_back(member_cells(c.members[i], a.members[i]));
  *out += grid(rows, 2, markdown);
  section("Sectors");
  *out += grid(sector_rows(a.sectors), 1, markdown, true);
  section("Gaps");
  *out += gaps_text(a.sectors, c, markdown);
  section("Decision bodies");
  std::vector<std::vector<std::string>> bodies = {
      {"body", "rule", "quota", "seat holders", "veto players", "dummies", "effective decision makers"}};
  for (const auto& p : a.power.bodies) {
    bodies.push_back({c.governance[p.body].id, c.governance[p.body].rule.name(),
                      fmt::format("{} of {}", p.quota, p.total_votes), fmt::format("{}", p.seats.size()),
                      fmt::format("{}", p.veto_players.size()), fmt::format("{}", p.dummies.size()),
                      fixed(p.effective_decision_makers, 2)});
  }
  *out += bodies.size() > 1 ? grid(bodies, 2, markdown) : std::string("  none described\n");
  if (const auto survey = detail::survey_tables(c, a); !survey.network.empty()) {
    section("Survey");
    *out += grid(markdown ? survey.network : std::vector(survey.network.begin() + 1, survey.network.end()), 1, markdown,
                 true);
    section("Survey: members as partners see them");
    *out += grid(survey.members, 2, markdown);
    section("Survey: trust by sector (rows rate columns, 1-4)");
    *out += grid(survey.sectors, 1, markdown);
  }
  section("Findings");
  *out += findings_text(a.findings, markdown);
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
      doc["findings"] = findings_json(area_findings(a, {FindingArea::sectors}));
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
  return render_text(gaps_report(c, a, false), false);
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
