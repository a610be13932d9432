// `xsector taxonomy list|show` and `xsector gaps --taxonomy all` (docs/sectors.md).
#include "xsector/taxonomy_view.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/table.hpp"

namespace xsector {

namespace {

using detail::Cell;
using detail::integer_cell;
using detail::integer_column;
using detail::render_table_csv;
using detail::render_table_text;
using detail::Table;
using detail::text_column;
using detail::text_or_missing;
using nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& list, std::string_view empty = "") {
  return list.empty() ? std::string(empty) : fmt::format("{}", fmt::join(list, ", "));
}

std::string cell(const std::string& s, bool markdown) {
  return markdown ? detail::markdown_text(s) : detail::terminal_safe(s);
}

std::string json_text(const ordered_json& doc) { return doc.dump(2) + "\n"; }

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
      Table table{{text_column("id"), text_column("name"), integer_column("sectors"), integer_column("core"),
                   text_column("source")},
                  {},
                  true};
      for (const auto& t : taxonomies) {
        table.rows.push_back({t.id, t.name, integer_cell(t.sectors.size()), integer_cell(t.core_count()), t.source});
      }
      return render_table_csv(table);
    }
    case Format::table:
    case Format::markdown: {
      const bool md = format == Format::markdown;
      Table table{
          {text_column("id"), integer_column("sectors").left(), integer_column("core").left(), text_column("name")},
          {},
          true};
      for (const auto& t : taxonomies) {
        table.rows.push_back({t.id, integer_cell(t.sectors.size()), integer_cell(t.core_count()), t.name});
      }
      std::string out = md ? "# Built-in sector taxonomies\n\n" : "Built-in sector taxonomies\n";
      out += render_table_text(table, md);
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
      Table table{{text_column("id"), text_column("name"), text_column("priority"), text_column("aliases"),
                   text_column("examples"), text_column("maps_to")},
                  {},
                  true};
      for (const auto& target : crosswalk.targets) table.columns.push_back(text_column("in_" + target));
      for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        const Sector& s = t.sectors[i];
        auto& row = table.row();
        row = {s.id,
               s.name,
               std::string(to_string(s.priority)),
               fmt::format("{}", fmt::join(s.aliases, ";")),
               fmt::format("{}", fmt::join(s.examples, ";")),
               fmt::format("{}", fmt::join(s.maps_to, ";"))};
        for (const auto& placed : crosswalk.placed[i]) row.push_back(placed.empty() ? Cell() : Cell(placed));
      }
      return render_table_csv(table);
    }
    case Format::table:
    case Format::markdown: {
      const bool md = format == Format::markdown;
      std::string out = md ? fmt::format("# {} ({})\n\n", cell(t.name, md), cell(t.id, md))
                           : fmt::format("{} ({})\n", cell(t.name, md), cell(t.id, md));
      if (!t.source.empty()) out += fmt::format("source: {}\n", cell(t.source, md));
      out += md ? "\n## Sectors\n\n" : "\nSectors\n";
      Table rows{{text_column("id"), text_column("priority"), text_column("name"), text_column("aliases"),
                  text_column("maps to")},
                 {},
                 true};
      for (const auto& s : t.sectors) {
        rows.rows.push_back({s.id, std::string(to_string(s.priority)), s.name, text_or_missing(joined(s.aliases)),
                             joined(s.maps_to, "(nowhere)")});
      }
      out += render_table_text(rows, md);
      out += md ? "\n## Whom to invite (examples)\n\n" : "\nWhom to invite (examples)\n";
      Table ex{{text_column("id"), text_column("examples")}, {}, true};
      for (const auto& s : t.sectors) ex.rows.push_back({s.id, text_or_missing(joined(s.examples))});
      out += render_table_text(ex, md);
      out += md ? "\n## Crosswalk: where a member of each sector is placed\n\n"
                : "\nCrosswalk: where a member of each sector is placed\n";
      Table cw{{text_column("id")}, {}, true};
      for (const auto& target : crosswalk.targets) cw.columns.push_back(text_column(target));
      for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        auto& row = cw.row();
        row.emplace_back(t.sectors[i].id);
        for (const auto& placed : crosswalk.placed[i]) row.push_back(placed.empty() ? Cell() : Cell(placed));
      }
      out += render_table_text(cw, md);
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
      Table table{
          {text_column("taxonomy"), integer_column("sectors"), integer_column("covered"), text_column("missing_core"),
           text_column("missing_other"), text_column("waived"), text_column("unplaced")},
          {},
          true};
      for (const auto& row : rows) {
        table.rows.push_back(
            {row.taxonomy, integer_cell(row.sectors), integer_cell(row.covered),
             fmt::format("{}", fmt::join(row.missing_core, ";")), fmt::format("{}", fmt::join(row.missing_other, ";")),
             fmt::format("{}", fmt::join(row.waived, ";")), fmt::format("{}", fmt::join(row.unplaced, ";"))});
      }
      return render_table_csv(table);
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
      Table table{{text_column("taxonomy"), text_column("covered"), text_column("missing core"),
                   text_column("missing other"), text_column("waived"), text_column("unplaced members")},
                  {},
                  true};
      for (const auto& row : rows) {
        table.rows.push_back({row.taxonomy, fmt::format("{} of {}", row.covered, row.sectors),
                              joined(row.missing_core, "none"), joined(row.missing_other, "none"),
                              joined(row.waived, "none"), joined(row.unplaced, "none")});
      }
      out += render_table_text(table, md);
      out += md ? "\n" : "";
      out += "Unplaced members have a sector with no counterpart in that taxonomy (xsector taxonomy show ID).\n";
      return out;
    }
  }
  return {};
}

}  // namespace xsector
