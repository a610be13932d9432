// Opening what a command is given: a coalition file, a roster (.xlsx, .csv) or GraphML, with
// the importer's options registered once for every command that reads coalitions.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "xsector/io.hpp"
#include "xsector/open.hpp"

namespace xsector::cli {

void add_sheet_options(CLI::App* command, SheetFlags& flags) {
  const std::string group = "Spreadsheets (.xlsx, .csv)";
  command
      ->add_option("--header-row", flags.header_row,
                   "The roster's header row (default: the first of the first 20 rows with a member header)")
      ->check(CLI::Range(1, 1000000))
      ->group(group);
  command->add_option("--sector-map", flags.sector_map, "FILE.csv with columns Value, Sector: your words for sectors")
      ->group(group);
  command->add_option("--as-of", flags.as_of, "The roster's date, YYYY-MM-DD")->group(group);
  command
      ->add_option("--map", flags.maps,
                   "HEADER=FIELD: the column HEADER fills FIELD (label, sector, partners, email, ...; repeatable)")
      ->group(group);
  command->add_option("--sheet", flags.sheet, "The workbook's sheet of members (default: Members, Partners, ...)")
      ->group(group);
}

ImportOptions import_options(const SheetFlags& flags) {
  ImportOptions o;
  o.header_row = flags.header_row;
  o.sector_map = flags.sector_map;
  o.as_of = flags.as_of;
  o.members_sheet = flags.sheet;
  for (const auto& m : flags.maps) {
    const auto eq = m.find('=');
    if (eq == std::string::npos)
      throw UsageError(fmt::format("--map \"{}\": give HEADER=FIELD, e.g. --map \"Organization=label\"", m));
    o.columns.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  return o;
}

Coalition open_input(const std::string& file, const LoadOptions& load, const SheetFlags& flags) {
  OpenOptions options;
  options.load = load;
  options.import = import_options(flags);
  Opened opened = open_coalition(file, options);
  if (!opened.coalition.taxonomy_file.empty())
    refuse_output_over_input(command_outputs(), {opened.coalition.taxonomy_file});
  for (const auto& d : opened.skipped) {
    std::cerr << fmt::format("{}:{}:{}: warning: row left out: {}\n", d.file, d.pos.line, d.pos.column, d.message);
  }
  for (const auto& note : opened.notes) std::cerr << "xsector: note: " << note << '\n';
  if (!opened.summary.empty()) std::cerr << opened.summary << '\n';
  return std::move(opened.coalition);
}

}  // namespace xsector::cli
