// The commands that trade with other tools: export and import.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "xsector/analysis.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/open.hpp"
#include "xsector/render.hpp"
#include "xsector/survey_kit.hpp"

namespace xsector::cli {

namespace {

int run_export(const std::string& file, const std::string& to, const SharedOptions& shared) {
  const std::string& out = shared.out;
  const ExportFormat format = parse_export_format(to);
  std::vector<std::filesystem::path> outputs{out};
  if (format == ExportFormat::csv && !out.empty()) {
    outputs.push_back(std::filesystem::path(out) / "elements.csv");
    outputs.push_back(std::filesystem::path(out) / "connections.csv");
  }
  refuse_output_over_inputs(outputs, {file});
  // Contacts' names, emails and phones (and attributes that hold them) stay home unless --people names.
  const Coalition c =
      shareable_coalition(open_input(file, LoadOptions{}, shared.sheets), parse_people_shown(shared.people_shown));
  const EngineFlags& engine = shared.engine;
  switch (format) {
    case ExportFormat::graphml: emit(export_graphml(c), out); break;
    case ExportFormat::json: emit(export_node_link(c), out); break;
    case ExportFormat::dl: emit(export_dl(c), out); break;
    case ExportFormat::vna: emit(export_vna(c), out); break;
    case ExportFormat::dot: emit(network_dot(c), out); break;
    case ExportFormat::xlsx: {
      if (out.empty()) throw UsageError("--to xlsx writes a workbook: give the file with -o");
      write_file_atomic(out, export_xlsx(c, xsector::analyze(c, engine.options(part_all))));
      break;
    }
    case ExportFormat::csv: {
      if (out.empty()) throw UsageError("--to csv writes two sheets: give a folder with -o");
      // Both files or neither: a new folder is built beside it and renamed; in an existing
      // one, both are written to temporaries before either is renamed.
      const KumuSheets sheets = export_kumu(c);
      write_folder_atomic(out, {{"elements.csv", sheets.elements}, {"connections.csv", sheets.connections}});
      break;
    }
  }
  return 0;
}

/// The survey exports named after `survey` (each read whole).
std::vector<SurveyExport> survey_exports(const std::vector<std::string>& files) {
  std::vector<SurveyExport> out;
  for (std::size_t i = 1; i < files.size(); ++i) out.push_back({files[i], read_input_file(files[i])});
  return out;
}

int run_import(const std::vector<std::string>& files, const std::string& out, ImportOptions options, bool force,
               const std::string& members, const std::vector<std::string>& maps) {
  const bool survey = !files.empty() && files[0] == "survey";
  if (survey && (files.size() < 2 || members.empty())) {
    throw UsageError("import survey takes RESPONSES.csv|.xlsx... --members MEMBERS.csv|FILE.yaml -o FILE.yaml");
  }
  if (!survey && !members.empty()) throw UsageError("--members belongs to 'import survey RESPONSES.csv'");
  const bool graphml = files.size() == 1 && files[0].ends_with(".graphml");
  if (!survey && (files.empty() || files.size() > 2)) {
    throw UsageError("import takes MEMBERS.csv|.xlsx [TIES.csv|.xlsx], or one file ending in .graphml");
  }
  std::vector<std::string> inputs = files;
  if (!members.empty()) inputs.push_back(members);
  refuse_output_over_inputs({out}, inputs, options.taxonomy);
  check_taxonomy_option(options.taxonomy);
  for (const auto& m : maps) {
    const auto eq = m.find('=');
    if (eq == std::string::npos)
      throw UsageError(fmt::format("--map \"{}\": give HEADER=FIELD, e.g. --map \"Organization=label\"", m));
    if (!survey) options.columns.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(out, ec)) && !force) {
    throw UsageError(fmt::format("{} exists; use --force to overwrite it", out));
  }
  if (options.name.empty()) options.name = std::filesystem::path(out).stem().string();
  options.output = out;
  const Imported imported =
      survey    ? import_survey_exports(survey_exports(files), read_input_file(members), members, options, maps)
      : graphml ? import_graphml(read_input_file(files[0]), files[0], options)
                : import_sheet_files(files, options);
  for (const auto& d : imported.skipped) {
    const std::string at = d.pos.line > 0 ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
    std::cerr << fmt::format("{}: warning: row left out: {}\n", at, d.message);
  }
  for (const auto& note : imported.notes) std::cerr << "xsector: note: " << note << '\n';
  if (!survey && !graphml) std::cerr << import_summary(files[0], imported) << '\n';
  write_file_atomic(out, imported_yaml(imported));
  return 0;
}

}  // namespace

Command add_export(CLI::App& app, SharedOptions& shared) {
  auto file = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto* command = app.add_subcommand("export", "Write the coalition for Gephi, NetworkX, Kumu, UCINET or Graphviz");
  command->add_option("FILE", *file, "Coalition file (YAML), roster (.xlsx, .csv) or GraphML")->required();
  command
      ->add_option("--to", *to,
                   "graphml, json (NetworkX node-link), csv (Kumu), dl (UCINET), vna (NetDraw), dot or xlsx (Excel)")
      ->required()
      ->check(CLI::IsMember({"graphml", "json", "csv", "dl", "vna", "dot", "xlsx"}));
  command->add_option("-o,--output", shared.out,
                      "Output file; for csv a folder that gets elements.csv and connections.csv");
  add_engine_options(command, shared.engine);
  add_people_option(command, shared.people_shown);
  add_sheet_options(command, shared.sheets);
  return {command, [file, to, &shared] { return run_export(*file, *to, shared); }};
}

Command add_import(CLI::App& app, SharedOptions&) {
  struct Arguments {
    std::vector<std::string> files;
    std::string out;
    ImportOptions options;
    bool force = false;
    std::vector<std::string> maps;
    std::string survey_members;
  };
  auto args = std::make_shared<Arguments>();
  auto* command = app.add_subcommand("import", "Build a coalition file from a partner list (CSV or Excel) or GraphML");
  command->add_option("FILES", args->files, "MEMBERS.csv|.xlsx [TIES.csv|.xlsx], or one FILE.graphml")->required();
  command->add_option("--sheet", args->options.members_sheet,
                      "The workbook's sheet of members (default: Members, ..., else the first); for import survey, "
                      "the sheet of responses (default: Responses, Survey, ..., else the first)");
  command->add_option("--ties-sheet", args->options.ties_sheet,
                      "The workbook's sheet of ties (default: Ties, Connections, ...)");
  command->add_option("--map", args->maps,
                      "HEADER=FIELD: the column HEADER fills FIELD (label, sector, from, ...; for import survey: "
                      "by, about, level, ...; repeatable)");
  command->add_option("-o,--output", args->out, "The coalition file to write (YAML)")->required();
  command->add_option("--name", args->options.name, "The coalition's name (default: the output file's name)");
  command->add_option("--taxonomy", args->options.taxonomy,
                      "Taxonomy the sectors belong to: a built-in id or a file (default: the GraphML's own "
                      "built-in taxonomy, else cross-sector)");
  command->add_flag("--skip-bad-rows", args->options.skip_bad_rows, "Write what can be used and list the rest");
  command
      ->add_option("--header-row", args->options.header_row,
                   "The roster's header row (default: the first of the first 20 rows with a member header)")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--sector-map", args->options.sector_map,
                      "FILE.csv with columns Value, Sector: your words for sectors");
  command->add_option("--as-of", args->options.as_of, "The roster's date, YYYY-MM-DD");
  command->add_flag("--force", args->force, "Overwrite an existing output file");
  command->add_option("--members", args->survey_members,
                      "import survey: the members sheet (CSV or .xlsx) or the coalition file (.yaml)");
  return {command, [args] {
            return run_import(args->files, args->out, args->options, args->force, args->survey_members, args->maps);
          }};
}

}  // namespace xsector::cli
