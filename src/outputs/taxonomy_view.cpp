// `xsector taxonomy list|show` and `xsector gaps --taxonomy all` (docs/sectors.md).
#include "xsector/taxonomy_view.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"

namespace xsector {

namespace {

using nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& list, std::string_view empty = "") {
  return list.empty() ? std::string(empty) : fmt::format("{}", fmt::join(list, ", "));
}

/// Columns a string takes on a terminal: its UTF-8 code points.
std::size_t width_of(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U; }));
}

std::string cell(const std::string& s, bool markdown) {
  return markdown ? detail::markdown_text(s) : detail::terminal_safe(s);
}

/// Columns padded to their widest cell (plain) or a Markdown table; the first row is the header.
std::string grid(const std::vector<std::vector<std::string>>& rows, bool markdown) {
  if (rows.empty()) return {};
  std::string out;
  if (markdown) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += "|";
      for (const auto& c : rows[r]) out += " " + c + " |";
      out += "\n";
      if (r == 0) {
        out += "|";
        for (std::size_t k = 0; k < rows[0].size(); ++k) out += "---|";
        out += "\n";
      }
    }
    return out;
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (std::size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], width_of(r[k]));
  }
  for (const auto& r : rows) {
    std::string line = " ";
    for (std::size_t k = 0; k < r.size(); ++k) {
      line += " " + r[k];
      if (k + 1 < r.size()) line += std::string(width[k] - width_of(r[k]), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string json_text(const ordered_json& doc) { return doc.dump(2) + "\n"; }

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k > 0) out += ",";
    out += detail::csv_cell(cells[k]);
  }
  return out + "\n";
}

}  // namespace

std::string format_taxonomy_list(Format format, const std::vector<Taxonomy>& taxonomies) {
  switch (format) {
    case Format::json: {
      ordered_json list = ordered_json::array();
      for (const auto& t : taxonomies) {
        list.push_back({{"id", t.id},
                        {"name", t.name},
                        {"source", t.source},
                        {"sectors", t.sectors.size()},
                        {"core", t.core_count()}});
      }
      return json_text({{"schema", "xsector/1"}, {"taxonomies", list}});
    }
    case Format::csv: {
      std::string out = "id,name,sectors,core,source\n";
      for (const auto& t : taxonomies) {
        out +=
            csv_row({t.id, t.name, fmt::format("{}", t.sectors.size()), fmt::format("{}", t.core_count()), t.source});
      }
      return out;
    }
    case Format::table:
    case Format::markdown: {
      const bool md = format == Format::markdown;
      std::vector<std::vector<std::string>> rows = {{"id", "sectors", "core", "name"}};
      for (const auto& t : taxonomies) {
        rows.push_back(
            {t.id, fmt::format("{}", t.sectors.size()), fmt::format("{}", t.core_count()), cell(t.name, md)});
      }
      std::string out = md ? "# Built-in sector taxonomies\n\n" : "Built-in sector taxonomies\n";
      out += grid(rows, md);
      out += md ? "\n" : "";
      out += "xsector taxonomy show ID: the sectors of one, with their examples and crosswalk.\n";
      return out;
    }
  }
  return {};
}

std::string format_taxonomy_show(Format format, const Taxonomy& t, const Crosswalk& crosswalk) {
  switch (format) {
    case Format::json: {
      ordered_json sectors = ordered_json::array();
      for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        const Sector& s = t.sectors[i];
        ordered_json places = ordered_json::object();
        for (std::size_t k = 0; k < crosswalk.targets.size(); ++k)
          places[crosswalk.targets[k]] =
              crosswalk.placed[i][k].empty() ? ordered_json(nullptr) : ordered_json(crosswalk.placed[i][k]);
        sectors.push_back({{"id", s.id},
                           {"name", s.name},
                           {"priority", to_string(s.priority)},
                           {"aliases", s.aliases},
                           {"examples", s.examples},
                           {"maps_to", s.maps_to},
                           {"placed_in", places}});
      }
      return json_text({{"schema", "xsector/1"},
                        {"taxonomy", {{"id", t.id}, {"name", t.name}, {"source", t.source}, {"sectors", sectors}}}});
    }
    case Format::csv: {
      std::vector<std::string> header = {"id", "name", "priority", "aliases", "examples", "maps_to"};
      for (const auto& target : crosswalk.targets) header.push_back("in_" + target);
      std::string out = csv_row(header);
      for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        const Sector& s = t.sectors[i];
        std::vector<std::string> row = {s.id,
                                        s.name,
                                        std::string(to_string(s.priority)),
                                        fmt::format("{}", fmt::join(s.aliases, ";")),
                                        fmt::format("{}", fmt::join(s.examples, ";")),
                                        fmt::format("{}", fmt::join(s.maps_to, ";"))};
        row.insert(row.end(), crosswalk.placed[i].begin(), crosswalk.placed[i].end());
        out += csv_row(row);
      }
      return out;
    }
    case Format::table:
    case Format::markdown: {
      const bool md = format == Format::markdown;
      std::string out = md ? fmt::format("# {} ({})\n\n", cell(t.name, md), cell(t.id, md))
                           : fmt::format("{} ({})\n", cell(t.name, md), cell(t.id, md));
      if (!t.source.empty()) out += fmt::format("source: {}\n", cell(t.source, md));
      out += md ? "\n## Sectors\n\n" : "\nSectors\n";
      std::vector<std::vector<std::string>> rows = {{"id", "priority", "name", "aliases", "maps to"}};
      for (const auto& s : t.sectors) {
        rows.push_back({cell(s.id, md), std::string(to_string(s.priority)), cell(s.name, md),
                        cell(joined(s.aliases, "-"), md), cell(joined(s.maps_to, "(nowhere)"), md)});
      }
      out += grid(rows, md);
      out += md ? "\n## Whom to invite (examples)\n\n" : "\nWhom to invite (examples)\n";
      std::vector<std::vector<std::string>> ex = {{"id", "examples"}};
      for (const auto& s : t.sectors) ex.push_back({cell(s.id, md), cell(joined(s.examples, "-"), md)});
      out += grid(ex, md);
      out += md ? "\n## Crosswalk: where a member of each sector is placed\n\n"
                : "\nCrosswalk: where a member of each sector is placed\n";
      std::vector<std::vector<std::string>> cw = {{"id"}};
      cw[0].insert(cw[0].end(), crosswalk.targets.begin(), crosswalk.targets.end());
      for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        std::vector<std::string> row = {cell(t.sectors[i].id, md)};
        for (const auto& placed : crosswalk.placed[i]) row.push_back(placed.empty() ? "-" : placed);
        cw.push_back(std::move(row));
      }
      out += grid(cw, md);
      out += md ? "\n- means no counterpart: such a member is listed as unplaced.\n"
                : "  (- : no counterpart; such a member is listed as unplaced)\n";
      return out;
    }
  }
  return {};
}

std::string format_gaps_all(Format format, const Coalition& coalition, const std::vector<TaxonomyCoverage>& rows) {
  const Coalition* first = &coalition;
  switch (format) {
    case Format::json: {
      ordered_json list = ordered_json::array();
      for (const auto& row : rows) {
        list.push_back({{"taxonomy", row.taxonomy},
                        {"name", row.name},
                        {"sectors", row.sectors},
                        {"covered", row.covered},
                        {"missing_core", row.missing_core},
                        {"missing_other", row.missing_other},
                        {"waived", row.waived},
                        {"unplaced", row.unplaced},
                        {"crosswalk_from",
                         row.crosswalk_from.empty() ? ordered_json(nullptr) : ordered_json(row.crosswalk_from)}});
      }
      ordered_json coalition = ordered_json::object();
      if (first != nullptr) {
        coalition = {{"name", first->name},
                     {"place", first->place.empty() ? ordered_json(nullptr) : ordered_json(first->place)},
                     {"as_of", first->as_of.empty() ? ordered_json(nullptr) : ordered_json(first->as_of)},
                     {"taxonomy", first->crosswalk_from.empty() ? first->taxonomy.id : first->crosswalk_from}};
      }
      return json_text({{"schema", "xsector/1"}, {"coalition", coalition}, {"taxonomies", list}});
    }
    case Format::csv: {
      std::string out = "taxonomy,sectors,covered,missing_core,missing_other,waived,unplaced\n";
      for (const auto& row : rows) {
        out += csv_row(
            {row.taxonomy, fmt::format("{}", row.sectors), fmt::format("{}", row.covered),
             fmt::format("{}", fmt::join(row.missing_core, ";")), fmt::format("{}", fmt::join(row.missing_other, ";")),
             fmt::format("{}", fmt::join(row.waived, ";")), fmt::format("{}", fmt::join(row.unplaced, ";"))});
      }
      return out;
    }
    case Format::table:
    case Format::markdown: {
      const bool md = format == Format::markdown;
      std::string out;
      if (first != nullptr) {
        const std::string own = first->crosswalk_from.empty() ? first->taxonomy.id : first->crosswalk_from;
        out = md ? fmt::format("# Sector coverage in every framework: {}\n\nThe file is written for {}.\n\n",
                               cell(first->name, md), cell(own, md))
                 : fmt::format("Sector coverage in every framework: {}\nthe file is written for {}\n\n",
                               cell(first->name, md), cell(own, md));
      }
      std::vector<std::vector<std::string>> grid_rows = {
          {"taxonomy", "covered", "missing core", "missing other", "waived", "unplaced members"}};
      for (const auto& row : rows) {
        grid_rows.push_back({row.taxonomy, fmt::format("{} of {}", row.covered, row.sectors),
                             joined(row.missing_core, "none"), joined(row.missing_other, "none"),
                             joined(row.waived, "none"), cell(joined(row.unplaced, "none"), md)});
      }
      out += grid(grid_rows, md);
      out += md ? "\n" : "";
      out += "Unplaced members have a sector with no counterpart in that taxonomy (xsector taxonomy show ID).\n";
      return out;
    }
  }
  return {};
}

}  // namespace xsector
