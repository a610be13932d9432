// The views of `xsector trend`: every network figure and the chosen member figures per wave,
// as tables to paste (labels, shares as percentages), Markdown, CSV and JSON.
#include <fmt/format.h>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/table.hpp"
#include "xsector/output.hpp"

namespace xsector {

using namespace detail;

namespace {

/// A wave's column heading: its date, else "wave N".
std::string wave_heading(const Trend& t, std::size_t k) {
  return t.waves[k].date.empty() ? fmt::format("wave {}", k + 1) : t.waves[k].date;
}

FigureKind network_kind(const std::string& name) {
  const FigureSpec* f = find_figure(name);
  return f != nullptr ? f->kind : FigureKind::score;
}

TextReport trend_report(const Trend& t, bool markdown) {
  const std::string name = t.waves.empty() ? std::string() : user_text(t.waves.back().name, markdown);
  TextReport doc{fmt::format("Trend: {}, {} wave{}", name, t.waves.size(), t.waves.size() == 1 ? "" : "s"),
                 std::string(markdown ? "\n" : ""),
                 {}};
  for (std::size_t k = 0; k < t.waves.size(); ++k) {
    const TrendWave& w = t.waves[k];
    doc.intro += markdown ? fmt::format("- **{}**: {}\n", wave_heading(t, k), user_text(w.file, true))
                          : fmt::format("  {:<12}{}\n", wave_heading(t, k), user_text(w.file, false));
  }
  auto wave_columns = [&](const std::string& first) {
    Table table{{text_column(first)}, {}, true};
    for (std::size_t k = 0; k < t.waves.size(); ++k) table.columns.push_back(text_column(wave_heading(t, k)).right());
    return table;
  };
  Table network = wave_columns("figure");
  for (std::size_t f = 0; f < t.network_names.size(); ++f) {
    const FigureSpec* spec = find_figure(t.network_names[f]);
    auto& row = network.row();
    row.emplace_back(spec != nullptr ? std::string(spec->label) : t.network_names[f]);
    for (const auto& v : t.network[f]) row.emplace_back(figure_display(network_kind(t.network_names[f]), v));
  }
  doc.section("Network") = render_table_text(network, markdown);
  for (std::size_t f = 0; f < t.member_figures.size(); ++f) {
    const MemberFigureSpec* spec = find_member_figure(t.member_figures[f]);
    if (spec == nullptr) continue;
    Table members = wave_columns("member");
    for (const auto& m : t.members) {
      auto& row = members.row();
      row.emplace_back(user_text(m.name, markdown));
      for (const auto& v : m.figures[f]) row.emplace_back(figure_display(spec->kind, v));
    }
    doc.section(fmt::format("Members: {}", spec->label)) = render_table_text(members, markdown);
  }
  return doc;
}

std::string trend_json(const Trend& t) {
  ordered_json doc;
  doc["schema"] = "xsector/1";
  ordered_json waves = ordered_json::array();
  for (const auto& w : t.waves) waves.push_back({{"file", w.file}, {"name", w.name}, {"date", text_or_null(w.date)}});
  doc["waves"] = std::move(waves);
  ordered_json network = ordered_json::object();
  for (std::size_t f = 0; f < t.network_names.size(); ++f) {
    ordered_json series = ordered_json::array();
    for (const auto& v : t.network[f]) series.push_back(figure_json(network_kind(t.network_names[f]), v));
    network[t.network_names[f]] = std::move(series);
  }
  doc["network"] = std::move(network);
  ordered_json members = ordered_json::array();
  for (const auto& m : t.members) {
    ordered_json row = {{"id", m.id}, {"name", m.name}};
    for (std::size_t f = 0; f < t.member_figures.size(); ++f) {
      const MemberFigureSpec* spec = find_member_figure(t.member_figures[f]);
      ordered_json series = ordered_json::array();
      for (const auto& v : m.figures[f]) series.push_back(figure_json(spec ? spec->kind : FigureKind::score, v));
      row[t.member_figures[f]] = std::move(series);
    }
    members.push_back(std::move(row));
  }
  doc["members"] = std::move(members);
  return json_text(doc);
}

/// One row per network figure and per member and member figure: ids and raw numbers, a
/// column per wave headed by its date (or "wave N").
std::string trend_csv(const Trend& t) {
  Table table{
      {text_column("part"), text_column("member"), text_column("name"), text_column("figure"), text_column("label")},
      {},
      true};
  for (std::size_t k = 0; k < t.waves.size(); ++k) table.columns.push_back(number_column(wave_heading(t, k)));
  for (std::size_t f = 0; f < t.network_names.size(); ++f) {
    const FigureSpec* spec = find_figure(t.network_names[f]);
    auto& row = table.row();
    row = {"network", Cell{}, Cell{}, t.network_names[f], spec ? std::string(spec->label) : t.network_names[f]};
    for (const auto& v : t.network[f]) row.push_back(figure_cell(network_kind(t.network_names[f]), v));
  }
  for (const auto& m : t.members) {
    for (std::size_t f = 0; f < t.member_figures.size(); ++f) {
      const MemberFigureSpec* spec = find_member_figure(t.member_figures[f]);
      auto& row = table.row();
      row = {"member", m.id, m.name, t.member_figures[f], spec ? std::string(spec->label) : t.member_figures[f]};
      for (const auto& v : m.figures[f]) row.push_back(figure_cell(spec ? spec->kind : FigureKind::score, v));
    }
  }
  return render_table_csv(table);
}

}  // namespace

std::string format_trend(Format format, const Trend& trend) {
  switch (format) {
    case Format::json: return trend_json(trend);
    case Format::csv: return trend_csv(trend);
    case Format::markdown: return render_text(trend_report(trend, true), true);
    case Format::table: break;
  }
  return terminal_safe(render_text(trend_report(trend, false), false), true);
}

}  // namespace xsector
