#include "outputs/survey_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/text.hpp"

namespace xsector::detail {

namespace {

using nlohmann::ordered_json;

ordered_json or_null(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

/// Sectors with at least one member, in SectorIndex order.
std::vector<std::size_t> present_sectors(const Analysis& a) {
  std::vector<std::size_t> out;
  for (const auto& f : a.sectors.sectors) {
    if (!f.members.empty()) out.push_back(f.sector);
  }
  return out;
}

}  // namespace

void add_survey_network_json(ordered_json& network, const Analysis& a) {
  if (!a.survey.present) return;
  network["response_rate"] = or_null(a.survey.response_rate);
  network["confirmation_rate"] = or_null(a.survey.confirmation_rate);
  network["trust_score"] = or_null(a.survey.trust_score);
  network["value_score"] = or_null(a.survey.value_score);
}

void add_survey_member_json(ordered_json& member, const Analysis& a, std::size_t index) {
  if (!a.survey.present) return;
  const SurveyMember& m = a.survey.members[index];
  member["in_degree"] = m.in_degree;
  member["out_degree"] = m.out_degree ? ordered_json(*m.out_degree) : ordered_json(nullptr);
  member["reciprocity"] = or_null(m.reciprocity);
  member["trust"] = or_null(m.trust);
  member["value"] = or_null(m.value);
  member["trust_given"] = or_null(m.trust_given);
  for (std::size_t i = 0; i < 3; ++i) member[fmt::format("trust_{}", trust_item_names[i])] = or_null(m.trust_items[i]);
  for (std::size_t i = 0; i < 3; ++i) member[fmt::format("value_{}", value_item_names[i])] = or_null(m.value_items[i]);
}

void add_survey_json(ordered_json& doc, const Coalition& c, const Analysis& a) {
  if (!a.survey.present || !c.survey) return;
  const SurveyFigures& s = a.survey;
  const auto present = present_sectors(a);
  ordered_json ids = ordered_json::array();
  for (const auto from : present) ids.push_back(a.sectors.index.sectors[from].id);
  if (present.size() > dense_mixing_limit) {
    // Too many sectors for square matrices (docs/surveys.md): the cells with responses only.
    ordered_json cells = ordered_json::array();
    for (const auto& cell : s.trust_by_sector.cells) {
      cells.push_back({a.sectors.index.sectors[cell.from].id, a.sectors.index.sectors[cell.to].id, or_null(cell.trust),
                       cell.responses});
    }
    doc["trust_by_sector"] = {{"sectors", ids}, {"trust", nullptr}, {"responses", nullptr}, {"cells", cells}};
  } else {
    // Square matrices over the sectors with members; cells are found by walking the sorted list.
    std::vector<std::size_t> column(a.sectors.sectors.size(), 0);
    for (std::size_t i = 0; i < present.size(); ++i) column[present[i]] = i;
    ordered_json trust = ordered_json::array();
    ordered_json counts = ordered_json::array();
    const ordered_json no_trust(present.size(), ordered_json(nullptr));
    const ordered_json no_counts(present.size(), ordered_json(0));
    for (std::size_t i = 0; i < present.size(); ++i) {
      trust.push_back(no_trust);
      counts.push_back(no_counts);
    }
    for (const auto& cell : s.trust_by_sector.cells) {
      trust[column[cell.from]][column[cell.to]] = or_null(cell.trust);
      counts[column[cell.from]][column[cell.to]] = cell.responses;
    }
    doc["trust_by_sector"] = {{"sectors", ids}, {"trust", trust}, {"responses", counts}};
  }

  ordered_json respondents = ordered_json::array();
  ordered_json non_respondents = ordered_json::array();
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    (s.members[v].respondent ? respondents : non_respondents).push_back(c.members[v].id);
  }
  ordered_json pairs = ordered_json::array();
  for (const ReportedPair& p : s.pairs) {
    auto level = [&](const std::optional<std::size_t>& r) -> ordered_json {
      if (!r) return nullptr;
      const auto& l = c.survey->responses[*r].level;
      return static_cast<int>(l.value_or(TieLevel::networking));
    };
    pairs.push_back(
        {{"a", c.members[p.a].id},
         {"b", c.members[p.b].id},
         {"status", to_string(p.status())},
         {"confirmed", p.confirmed},
         {"a_names_b", level(p.a_names_b)},
         {"b_names_a", level(p.b_names_a)},
         {"tie_level", p.tie ? ordered_json(static_cast<int>(c.ties[*p.tie].level)) : ordered_json(nullptr)}});
  }
  doc["survey"] = {{"name", c.survey->name.empty() ? ordered_json(nullptr) : ordered_json(c.survey->name)},
                   {"fielded", c.survey->fielded.empty() ? ordered_json(nullptr) : ordered_json(c.survey->fielded)},
                   {"tie_rule", to_string(c.survey->tie_rule)},
                   {"respondents", respondents},
                   {"non_respondents", non_respondents},
                   {"responses", s.responses},
                   {"reported_pairs", s.reported_pairs},
                   {"confirmed_pairs", s.confirmed_pairs},
                   {"one_sided_pairs", s.one_sided_pairs},
                   {"written_pairs", s.written_pairs},
                   {"pairs_both_responded", s.pairs_both_responded},
                   {"pairs", pairs}};
}

SurveyTables survey_tables(const Coalition& c, const Analysis& a) {
  SurveyTables t;
  if (!a.survey.present || !c.survey) return t;
  const SurveyFigures& s = a.survey;
  auto share = [](const std::optional<double>& v) { return v ? fmt::format("{:.0f}%", 100.0 * *v) : std::string("-"); };
  t.network.columns = {text_column("figure"), text_column("value")};
  t.network.text_header = false;
  t.network.rows = {
      {"response rate", fmt::format("{} ({} of {} members)", share(s.response_rate), s.respondents, c.members.size())},
      {"confirmation rate", fmt::format("{} ({} of {} pairs where both answered)", share(s.confirmation_rate),
                                        s.confirmed_pairs, s.pairs_both_responded)},
      {"reported pairs", fmt::format("{} ({} confirmed, {} one-sided, {} also under ties)", s.reported_pairs,
                                     s.confirmed_pairs, s.one_sided_pairs, s.written_pairs)},
      {"tie rule", std::string(to_string(c.survey->tie_rule))},
      {"trust score", fmt::format("{} ({})", share(s.trust_score), counted(s.responses, "response", "responses"))},
      {"value score", fmt::format("{} ({})", share(s.value_score), counted(s.responses, "response", "responses"))}};
  t.members.columns = {text_column("id"), flag_column("answered", "no").left(), integer_column("named by"),
                       integer_column("names")};
  for (const char* name : {"reciprocity", "trust", "value", "trust given", "reliability", "mission", "openness",
                           "power", "involvement", "resources"}) {
    t.members.columns.push_back(number_column(name, 2));
  }
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const SurveyMember& m = s.members[v];
    auto& row = t.members.row();
    row = {c.members[v].id,
           m.respondent,
           integer_cell(m.in_degree),
           integer_cell(m.out_degree),
           number_cell(m.reciprocity),
           number_cell(m.trust),
           number_cell(m.value),
           number_cell(m.trust_given)};
    for (const auto& i : m.trust_items) row.push_back(number_cell(i));
    for (const auto& i : m.value_items) row.push_back(number_cell(i));
  }
  const auto present = present_sectors(a);
  const auto& ids = a.sectors.index.sectors;
  if (present.size() > dense_mixing_limit) {  // one row per pair of sectors with responses
    t.sectors.columns = {text_column("trust from"), text_column("about"), number_column("trust", 2),
                         integer_column("responses")};
    for (const auto& cell : s.trust_by_sector.cells) {
      t.sectors.rows.push_back(
          {ids[cell.from].id, ids[cell.to].id, number_cell(cell.trust), integer_cell(cell.responses)});
    }
    return t;
  }
  t.sectors.columns = {text_column("trust from \\ about")};
  // Each mean with the number of responses it rests on.
  for (const auto to : present) t.sectors.columns.push_back(text_column(ids[to].id).right());
  for (const auto from : present) {
    auto& row = t.sectors.row();
    row.emplace_back(ids[from].id);
    for (const auto to : present) {
      const auto mean = s.trust_by_sector.trust(from, to);
      if (!mean) {
        row.emplace_back();
        continue;
      }
      row.emplace_back(fmt::format("{} (n={})", fixed_text(*mean, 2), s.trust_by_sector.responses(from, to)));
    }
  }
  return t;
}

namespace {

/// The report's "Trust by sector": a heat map over the sectors with members, rows rating
/// columns, light (1) to dark blue (4); with more sectors than a matrix can show, one row per
/// pair of sectors with responses.
std::string trust_by_sector_html(const Analysis& a) {
  const SurveyFigures& s = a.survey;
  auto esc = [](std::string_view text) { return html_escaped(text); };
  auto num = [](const std::optional<double>& v) { return v ? fixed_text(*v, 2) : std::string("–"); };
  std::string h;
  const auto present = present_sectors(a);
  if (present.size() > dense_mixing_limit) {
    h += R"(<h3>Trust by sector</h3><p>Mean trust (1-4) that members of one sector give members of another, )"
         R"(for each pair of sectors with responses.</p><div class="scroll"><table class="sortable"><thead><tr>)"
         R"(<th data-sort="text">trust from</th><th data-sort="text">about</th>)"
         R"(<th data-sort="number" class="n">trust</th><th data-sort="number" class="n">responses</th></tr></thead>)"
         "<tbody>";
    for (const auto& cell : s.trust_by_sector.cells) {
      h += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>)",
                       esc(a.sectors.index.sectors[cell.from].name), esc(a.sectors.index.sectors[cell.to].name),
                       num(cell.trust), cell.responses);
    }
    h += "</tbody></table></div>";
  } else {
    h += R"(<h3>Trust by sector</h3><p>Mean trust (1-4) that members of the row's sector give members of the )"
         R"(column's sector, with n the number of ratings it rests on; blank where no one rated.</p>)"
         R"(<div class="scroll"><table class="heatmap"><thead><tr><th></th>)";
    for (const auto to : present) h += fmt::format("<th>{}</th>", esc(a.sectors.index.sectors[to].name));
    h += "</tr></thead><tbody>";
    for (const auto from : present) {
      h += fmt::format("<tr><th>{}</th>", esc(a.sectors.index.sectors[from].name));
      for (const auto to : present) {
        const auto t = s.trust_by_sector.trust(from, to);
        if (!t) {
          h += "<td></td>";
          continue;
        }
        const double share = std::clamp((*t - 1.0) / 3.0, 0.0, 1.0);
        const int r = static_cast<int>(239 - share * (239 - 8));
        const int g = static_cast<int>(243 - share * (243 - 81));
        const int b = static_cast<int>(255 - share * (255 - 156));
        h += fmt::format(R"(<td class="n" style="background:#{:02x}{:02x}{:02x};color:{}">{} <small>n={}</small></td>)",
                         r, g, b, share > 0.55 ? "#fff" : "#000", fixed_text(*t, 1),
                         s.trust_by_sector.responses(from, to));
      }
      h += "</tr>";
    }
    h += "</tbody></table></div>";
  }
  return h;
}

}  // namespace

std::string survey_report_html(const Coalition& c, const Analysis& a) {
  if (!a.survey.present || !c.survey) return {};
  const SurveyFigures& s = a.survey;
  auto esc = [](std::string_view text) { return html_escaped(text); };
  auto pct = [](const std::optional<double>& v) { return v ? fmt::format("{:.0f}%", 100.0 * *v) : std::string("–"); };
  auto num = [](const std::optional<double>& v) { return v ? fixed_text(*v, 2) : std::string("–"); };
  std::string h = "<section><h2>Partner survey</h2>";
  h += fmt::format(
      "<p>{} of {} members answered ({}); {} of {} pairs where both answered name each other "
      "(confirmation {}). Trust score {}, value score {} (share of the maximum rating).</p>",
      s.respondents, c.members.size(), pct(s.response_rate), s.confirmed_pairs, s.pairs_both_responded,
      pct(s.confirmation_rate), pct(s.trust_score), pct(s.value_score));
  h += trust_by_sector_html(a);
  h +=
      R"(<h3>Members as partners see them</h3><div class="scroll"><table class="sortable"><thead><tr>)"
      R"(<th data-sort="text">member</th><th data-sort="text">answered</th><th data-sort="number" class="n">named by</th>)"
      R"(<th data-sort="number" class="n">names</th><th data-sort="number" class="n">reciprocity</th>)"
      R"(<th data-sort="number" class="n">trust</th><th data-sort="number" class="n">value</th>)"
      R"(<th data-sort="number" class="n">trust given</th></tr></thead><tbody>)";
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const SurveyMember& m = s.members[v];
    h += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td>)"
                     R"(<td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>)",
                     esc(c.members[v].name), m.respondent ? "yes" : "no", m.in_degree,
                     m.out_degree ? fmt::format("{}", *m.out_degree) : "–", pct(m.reciprocity), num(m.trust),
                     num(m.value), num(m.trust_given));
  }
  h += "</tbody></table></div></section>\n";
  return h;
}

void add_survey_columns(Table& table, const Analysis& a) {
  if (!a.survey.present) return;
  table.columns.push_back(integer_column("in_degree").file_only());
  table.columns.push_back(integer_column("out_degree").file_only());
  for (const char* name : {"reciprocity", "trust", "value", "trust_given", "trust_reliability", "trust_mission",
                           "trust_openness", "value_power", "value_involvement", "value_resources"}) {
    table.columns.push_back(number_column(name).file_only());
  }
}

void add_survey_cells(std::vector<Cell>& row, const Analysis& a, std::size_t index) {
  if (!a.survey.present) return;
  const SurveyMember& m = a.survey.members[index];
  for (const Cell& cell : {integer_cell(m.in_degree), integer_cell(m.out_degree), number_cell(m.reciprocity),
                           number_cell(m.trust), number_cell(m.value), number_cell(m.trust_given)}) {
    row.push_back(cell);
  }
  for (const auto* items : {&m.trust_items, &m.value_items}) {
    for (const auto& i : *items) row.push_back(number_cell(i));
  }
}

}  // namespace xsector::detail
