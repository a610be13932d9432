#include "xsector/output.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "xsector/error.hpp"

namespace xsector {

namespace {

using nlohmann::ordered_json;

ordered_json number_or_null(const std::optional<double>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

std::string fixed(const std::optional<double>& v, int digits = 3) {
  return v ? fmt::format("{:.{}f}", *v, digits) : std::string("-");
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string(); }

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

const std::vector<std::string> member_columns = {"id",       "sector",      "degree",     "strength",
                                                 "betweenness", "closeness", "eigenvector", "pagerank",
                                                 "core",     "constraint",  "articulation"};

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

std::string header_line(const Coalition& c) {
  std::string line = c.name;
  if (!c.place.empty()) line += fmt::format(", {}", c.place);
  if (!c.as_of.empty()) line += fmt::format(" (as of {})", c.as_of);
  return line;
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
  doc["coalition"] = {{"name", c.name},
                      {"place", text_or_null(c.place)},
                      {"as_of", text_or_null(c.as_of)},
                      {"taxonomy", c.taxonomy.id},
                      {"backbone", c.backbone ? ordered_json(c.members[*c.backbone].id) : ordered_json(nullptr)}};
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
                    {"reciprocity", number_or_null(n.reciprocity)}};
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
                       {"eigenvector", number_or_null(f.eigenvector)},
                       {"pagerank", f.pagerank},
                       {"core", f.core},
                       {"clustering", number_or_null(f.clustering)},
                       {"constraint", number_or_null(f.constraint)},
                       {"effective_size", number_or_null(f.effective_size)},
                       {"articulation", f.articulation}});
  }
  doc["members"] = std::move(members);
  return doc.dump(2) + "\n";
}

std::string format_table(const Coalition& c, const Analysis& a) {
  std::string out = header_line(c) + "\n";
  out += fmt::format("taxonomy: {}\n\nNetwork\n", c.taxonomy.id);
  for (const auto& row : network_rows(a.network)) out += fmt::format("  {:<28}{}\n", row.label, row.value);
  std::vector<std::vector<std::string>> rows;
  rows.push_back(member_columns);
  for (std::size_t i = 0; i < c.members.size(); ++i) rows.push_back(member_cells(c.members[i], a.members[i]));
  std::vector<std::size_t> width(member_columns.size(), 0);
  for (const auto& r : rows) {
    for (std::size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], r[k].size());
  }
  out += "\nMembers\n";
  for (const auto& r : rows) {
    std::string line = " ";
    for (std::size_t k = 0; k < r.size(); ++k) {
      line += k < 2 ? fmt::format(" {:<{}}", r[k], width[k]) : fmt::format(" {:>{}}", r[k], width[k]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string format_markdown(const Coalition& c, const Analysis& a) {
  std::string out = fmt::format("# {}\n\nTaxonomy: `{}`\n\n## Network\n\n| figure | value |\n|---|---|\n",
                                header_line(c), c.taxonomy.id);
  for (const auto& row : network_rows(a.network)) out += fmt::format("| {} | {} |\n", row.label, row.value);
  out += "\n## Members\n\n|";
  for (const auto& col : member_columns) out += fmt::format(" {} |", col);
  out += "\n|";
  for (std::size_t k = 0; k < member_columns.size(); ++k) out += k < 2 ? "---|" : "---:|";
  out += "\n";
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    out += "|";
    for (auto cell : member_cells(c.members[i], a.members[i])) {
      std::string escaped;
      for (const char ch : cell) {
        if (ch == '|' || ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '<') escaped += '\\';
        escaped += ch;
      }
      out += fmt::format(" {} |", escaped);
    }
    out += "\n";
  }
  return out;
}

std::string format_csv(const Coalition& c, const Analysis& a) {
  std::string out =
      "id,name,sector,degree,degree_centrality,strength,betweenness,closeness,harmonic,eigenvector,"
      "pagerank,core,clustering,constraint,effective_size,articulation\n";
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    const Member& m = c.members[i];
    const MemberFigures& f = a.members[i];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_cell(m.id), csv_cell(m.name),
                       csv_cell(m.sector), f.degree, csv_number(f.degree_centrality), f.strength,
                       f.betweenness, f.closeness, f.harmonic, csv_number(f.eigenvector), f.pagerank,
                       f.core, csv_number(f.clustering), csv_number(f.constraint),
                       csv_number(f.effective_size), f.articulation ? "true" : "false");
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
