// The xsector command-line tool: parses arguments, calls the library, and maps errors to
// exit codes in one place (main).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"
#include "xsector/report.hpp"
#include "xsector/taxonomy_view.hpp"
#include "xsector/version.hpp"

namespace {

using namespace xsector;

/// --threads, --exact and --approximate, shared by every command that computes figures.
struct EngineFlags {
  unsigned threads = 0;
  bool exact = false;
  bool approximate = false;
  [[nodiscard]] AnalysisOptions options(unsigned parts) const {
    AnalysisOptions o;
    o.parts = parts;
    o.threads = threads;
    if (exact) o.precision = Precision::exact;
    if (approximate) o.precision = Precision::approximate;
    return o;
  }
};
EngineFlags engine;

/// --people names|roles|none: how outputs meant for sharing show people (default roles).
std::string people_shown = "roles";

void add_people_option(CLI::App* command) {
  command
      ->add_option("--people", people_shown,
                   "Show people by names, roles or none (names are personal data; default roles)")
      ->check(CLI::IsMember({"names", "roles", "none"}))
      ->capture_default_str();
}

AnalysisOptions people_options(unsigned parts) {
  AnalysisOptions o = engine.options(parts);
  o.people = parse_people_shown(people_shown);
  return o;
}

void add_engine_options(CLI::App* command) {
  command
      ->add_option("--threads", engine.threads, "Worker threads (default: every core); the figures do not depend on it")
      ->check(CLI::Range(1U, 1024U));
  auto* exact =
      command->add_flag("--exact", engine.exact, "Compute every path figure exactly, however large the network");
  command
      ->add_flag("--approximate", engine.approximate,
                 "Estimate betweenness and distances by source sampling (the default above about 20,000 members)")
      ->excludes(exact);
}

void print_diagnostics(const InputError& e) {
  for (const auto& d : e.diagnostics()) std::cerr << d.str() << '\n';
}

void emit(const std::string& text, const std::string& out_path) {
  if (out_path.empty()) {
    write_stdout(text);
  } else {
    write_file_atomic(out_path, text);
  }
}

LoadOptions load_options(const std::string& taxonomy) {
  LoadOptions o;
  if (!taxonomy.empty()) o.taxonomy = taxonomy;
  return o;
}

std::string count(std::size_t n, std::string_view noun) {
  if (n == 1) return fmt::format("1 {}", noun);
  if (noun.ends_with("y")) return fmt::format("{} {}ies", n, noun.substr(0, noun.size() - 1));
  return fmt::format("{} {}s", n, noun);
}

std::string diagram_format(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  std::string format = ext.empty() ? std::string() : ext.substr(1);
  if (format != "svg" && format != "png" && format != "pdf" && format != "dot") {
    throw UsageError(
        fmt::format("cannot tell the format of '{}': use an output ending in .svg, .png, .pdf or .dot", path));
  }
  return format;
}

/// Loads every file; all problems of all files are reported in one InputError.
std::vector<Coalition> load_all(const std::vector<std::string>& files, const std::string& taxonomy) {
  std::vector<Coalition> coalitions;
  std::vector<Diagnostic> problems;
  for (const auto& file : files) {
    try {
      coalitions.push_back(load_coalition_file(file, load_options(taxonomy)));
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return coalitions;
}

/// Two waves of one coalition given latest first are swapped to earliest first; the note
/// says so (on stderr, and as the finding returned).
std::optional<Finding> order_waves(const std::vector<std::string>& files, std::vector<Coalition>& coalitions) {
  if (!match_coalitions(coalitions[0], coalitions[1]).waves || !dated_before(coalitions[1], coalitions[0])) {
    return std::nullopt;
  }
  Finding note{Severity::info,
               "compare",
               "waves-reordered",
               fmt::format("{} ({}) is dated before {} ({}): compared from the earlier wave to the later", files[1],
                           coalitions[1].as_of, files[0], coalitions[0].as_of),
               {}};
  std::cerr << "xsector: note: " << note.message << '\n';
  std::swap(coalitions[0], coalitions[1]);
  return note;
}

int run_compare(const std::vector<std::string>& files, bool as_table, const CompareOptions& options,
                const std::string& diagram, Format format, const std::string& out, const std::string& taxonomy) {
  if (files.size() < 2) throw UsageError("compare needs two files (waves) or more (a table)");
  const bool many = as_table || files.size() > 2;
  if (many && !diagram.empty()) throw UsageError("--diagram draws two waves; it cannot be used with a table");
  const std::string image_format = diagram.empty() ? std::string() : diagram_format(diagram);
  std::vector<Coalition> coalitions = load_all(files, taxonomy);
  // Two waves given latest first are compared earliest first, with a note.
  const std::optional<Finding> reordered = many ? std::nullopt : order_waves(files, coalitions);
  std::vector<Analysis> analyses;
  analyses.reserve(coalitions.size());
  for (const auto& c : coalitions) analyses.push_back(xsector::analyze(c, people_options(part_all)));
  if (many) {
    std::vector<const Coalition*> pointers;
    pointers.reserve(coalitions.size());
    for (const auto& c : coalitions) pointers.push_back(&c);
    std::vector<const Coalition*> ordered;
    std::vector<std::vector<Figure>> figures;
    for (const auto i : wave_order(pointers)) {
      ordered.push_back(pointers[i]);
      figures.push_back(headline_figures(analyses[i]));
    }
    emit(format_many(format, ordered, figures), out);
    return 0;
  }
  Comparison cmp = xsector::compare(coalitions[0], analyses[0], coalitions[1], analyses[1], options);
  if (reordered) cmp.findings.insert(cmp.findings.begin(), *reordered);
  if (!diagram.empty()) {
    write_file_atomic(diagram,
                      render_comparison(coalitions[0], analyses[0], coalitions[1], analyses[1], cmp, image_format));
  }
  emit(format_comparison(format, coalitions[0], coalitions[1], cmp), out);
  return 0;
}

void add_output_options(CLI::App* command, std::string& format, std::string& out) {
  command->add_option("-f,--format", format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->capture_default_str();
  command->add_option("-o,--output", out, "Write to this file instead of standard output");
}

int run_report(const std::vector<std::string>& files, const std::string& dir, const std::string& format,
               const std::string& taxonomy) {
  if (files.size() > 2) throw UsageError("report takes one coalition file, or two to compare (wave A, then wave B)");
  std::vector<Coalition> coalitions = load_all(files, taxonomy);
  const std::optional<Finding> reordered = files.size() == 2 ? order_waves(files, coalitions) : std::nullopt;
  const Coalition& c = coalitions.back();
  const Analysis a = xsector::analyze(c, people_options(part_all));
  RenderOptions sectors_view;
  sectors_view.view = View::sectors;
  const std::string members_svg = render_diagram(c, a, {}, "svg");
  const std::string sectors_svg = render_diagram(c, a, sectors_view, "svg");
  // A comparison report: the later wave's report, what changed, and a map of both waves.
  std::optional<Analysis> before_analysis;
  std::optional<Comparison> cmp;
  ReportComparison waves;
  if (coalitions.size() == 2) {
    before_analysis = xsector::analyze(coalitions[0], people_options(part_all));
    cmp = xsector::compare(coalitions[0], *before_analysis, c, a, CompareOptions{});
    if (reordered) cmp->findings.insert(cmp->findings.begin(), *reordered);
    waves.before = &coalitions[0];
    waves.comparison = &*cmp;
    waves.before_svg = render_diagram(coalitions[0], *before_analysis, {}, "svg");
    if (cmp->as_waves) waves.changes_svg = render_comparison(coalitions[0], *before_analysis, c, a, *cmp, "svg");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError(fmt::format("{}: cannot create the folder: {}", dir, ec.message()));
  const std::filesystem::path folder = dir;
  if (format == "html") {
    write_file_atomic(folder / "report.html", cmp ? report_html(c, a, members_svg, sectors_svg, waves)
                                                  : report_html(c, a, members_svg, sectors_svg));
  } else {
    write_file_atomic(folder / "members.svg", members_svg);
    write_file_atomic(folder / "sectors.svg", sectors_svg);
    if (cmp) {
      write_file_atomic(folder / "wave-a.svg", waves.before_svg);
      if (!waves.changes_svg.empty()) write_file_atomic(folder / "changes.svg", waves.changes_svg);
    }
    write_file_atomic(folder / "report.md", cmp ? report_markdown(c, a, coalitions[0], *cmp) : report_markdown(c, a));
  }
  return 0;
}

int run_export(const std::string& file, const std::string& to, const std::string& out) {
  const Coalition c = load_coalition_file(file);
  switch (parse_export_format(to)) {
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
      std::error_code ec;
      std::filesystem::create_directories(out, ec);
      if (ec) throw IoError(fmt::format("{}: cannot create the folder: {}", out, ec.message()));
      const KumuSheets sheets = export_kumu(c);
      write_file_atomic(std::filesystem::path(out) / "elements.csv", sheets.elements);
      write_file_atomic(std::filesystem::path(out) / "connections.csv", sheets.connections);
      break;
    }
  }
  return 0;
}

int run_import(const std::vector<std::string>& files, const std::string& out, ImportOptions options, bool force,
               const std::string& members, const std::vector<std::string>& maps) {
  const bool survey = !files.empty() && files[0] == "survey";
  if (survey && (files.size() != 2 || members.empty())) {
    throw UsageError("import survey takes RESPONSES.csv --members MEMBERS.csv -o FILE.yaml");
  }
  if (!survey && !members.empty()) throw UsageError("--members belongs to 'import survey RESPONSES.csv'");
  const bool graphml = files.size() == 1 && files[0].ends_with(".graphml");
  if (!survey && (files.empty() || files.size() > 2)) {
    throw UsageError("import takes MEMBERS.csv|.xlsx [TIES.csv|.xlsx], or one file ending in .graphml");
  }
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
      survey    ? import_survey(read_file(files[1]), files[1], read_file(members), members, options, maps)
      : graphml ? import_graphml(read_file(files[0]), files[0], options)
                : import_sheet_files(files, options);
  for (const auto& d : imported.skipped) {
    std::cerr << fmt::format("{}:{}:{}: warning: row left out: {}\n", d.file, d.pos.line, d.pos.column, d.message);
  }
  for (const auto& note : imported.notes) std::cerr << "xsector: note: " << note << '\n';
  write_file_atomic(out, imported.yaml);
  return 0;
}

/// `gaps FILE --taxonomy all`: the file measured against every built-in taxonomy.
int run_gaps_all(const std::string& file, Format format, const std::string& out) {
  std::vector<Coalition> coalitions;
  std::vector<SectorReport> reports;
  for (const auto& id : builtin_taxonomy_ids()) {
    coalitions.push_back(load_coalition_file(file, load_options(id)));
    reports.push_back(xsector::analyze(coalitions.back(), engine.options(part_sectors)).sectors);
  }
  emit(format_gaps_all(format, coalitions, reports), out);
  return 0;
}

/// `taxonomy list` and `taxonomy show ID` (ID: a built-in id, or a taxonomy file to check).
int run_taxonomy(bool list, const std::string& id, Format format, const std::string& out) {
  if (list) {
    emit(format_taxonomy_list(format), out);
    return 0;
  }
  const auto ids = builtin_taxonomy_ids();
  const bool path = id.find('/') != std::string::npos || id.ends_with(".yaml") || id.ends_with(".yml");
  if (!path && std::find(ids.begin(), ids.end(), id) == ids.end()) {
    throw UsageError(fmt::format("unknown taxonomy '{}'; the built-in taxonomies are {}", id, fmt::join(ids, ", ")));
  }
  emit(format_taxonomy_show(format, resolve_taxonomy(id, std::filesystem::current_path())), out);
  return 0;
}

int run_validate(const std::vector<std::string>& files, const std::string& taxonomy) {
  int code = 0;
  for (const auto& file : files) {
    try {
      const Coalition c = load_coalition_file(file, load_options(taxonomy));
      std::cout << fmt::format("{}: ok: {}, {}, {}, taxonomy {}\n", file, count(c.members.size(), "member"),
                               count(c.ties.size(), "tie"), count(c.governance.size(), "decision body"), c.taxonomy.id);
    } catch (const InputError& e) {
      print_diagnostics(e);
      code = std::max(code, static_cast<int>(ExitCode::invalid_input));
    } catch (const IoError& e) {
      std::cerr << "xsector: error: " << e.what() << '\n';
      code = static_cast<int>(ExitCode::io);
    }
  }
  return code;
}

/// --seed: a whole number 0 to 2^64-1; anything else (a sign, 2^64, text) is a usage error.
std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    throw UsageError(fmt::format("--seed '{}' is not a whole number from 0 to 18446744073709551615", text));
  }
  return value;
}

int run(int argc, char** argv);

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe must be a write error (exit 3), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    int code = run(argc, argv);
    errno = 0;
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::cerr << "xsector: error: standard output: cannot write" << (errno != 0 ? ": " : "")
                << (errno != 0 ? std::strerror(errno) : "") << '\n';
      if (code == 0) code = static_cast<int>(ExitCode::io);
    }
    return code;
  } catch (...) {  // run() reports every error itself; this is only for a failing std::cerr
    return 70;     // internal error, as run() reports one
  }
}

namespace {

int run(int argc, char** argv) {
  CLI::App app{
      "xsector: map a cross-sector coalition, find its gaps, and see who holds power.\n"
      "Exit codes: 0 success, 1 invalid input, 2 bad usage, 3 a file could not be read "
      "or written."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("xsector ") + xsector::version);
  std::uint64_t max_input_mb = default_max_input_bytes() >> 20U;
  app.add_option("--max-input-size", max_input_mb, "Largest input file read, in MiB")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  app.fallthrough();  // so --max-input-size may follow the command's name too

  std::vector<std::string> validate_files;
  std::string taxonomy;
  auto* validate = app.add_subcommand("validate", "Check coalition files; report every problem as file:line:col");
  validate->add_option("FILE", validate_files, "Coalition files (YAML)")->required();
  validate->add_option("--taxonomy", taxonomy, "Built-in taxonomy id or path, instead of the file's own");

  std::string analyze_file;
  std::string format = "table";
  std::string out;
  auto* analyze_cmd = app.add_subcommand("analyze", "Every metric of one coalition");
  analyze_cmd->add_option("FILE", analyze_file, "Coalition file (YAML)")->required();
  add_output_options(analyze_cmd, format, out);
  add_engine_options(analyze_cmd);
  analyze_cmd->add_option("--taxonomy", taxonomy, "Built-in taxonomy id or path, instead of the file's own");
  add_people_option(analyze_cmd);

  std::string people_file;
  auto* people_cmd = app.add_subcommand("people", "Who carries each relationship, and what a person's departure cuts");
  people_cmd->add_option("FILE", people_file, "Coalition file (YAML)")->required();
  add_output_options(people_cmd, format, out);
  add_people_option(people_cmd);
  people_cmd->add_option("--taxonomy", taxonomy, "Built-in taxonomy id or path, instead of the file's own");

  std::string gaps_file;
  auto* gaps_cmd = app.add_subcommand("gaps", "Sector coverage gaps, sector mixing and brokers between sectors");
  gaps_cmd->add_option("FILE", gaps_file, "Coalition file (YAML)")->required();
  add_output_options(gaps_cmd, format, out);
  add_engine_options(gaps_cmd);
  gaps_cmd->add_option(
      "--taxonomy", taxonomy,
      "Built-in taxonomy id (cross-sector, rhihub, dfc, dash), a path, or 'all' for every built-in one side by side");

  std::string power_file;
  auto* power_cmd =
      app.add_subcommand("power", "Decision power per body, concentration, and what each departure costs");
  power_cmd->add_option("FILE", power_file, "Coalition file (YAML)")->required();
  add_output_options(power_cmd, format, out);
  add_engine_options(power_cmd);

  std::string render_file;
  std::string render_out;
  RenderOptions render_options;
  std::string view;
  std::string layout_name;
  std::string size_by_name = "degree";
  auto* render_cmd =
      app.add_subcommand("render", "Draw the network with Graphviz (svg, png, pdf or dot by the output's extension)");
  render_cmd->add_option("FILE", render_file, "Coalition file (YAML)")->required();
  render_cmd->add_option("-o,--output", render_out, "Output file: .svg, .png, .pdf or .dot")->required();
  render_cmd->add_option("--view", view, "members or sectors (default: members up to 5000 members)")
      ->check(CLI::IsMember({"members", "sectors"}));
  render_cmd->add_option("--layout", layout_name, "neato, fdp, sfdp, dot or circo (default: by size)");
  render_cmd->add_option("--size-by", size_by_name, "Node size: degree, betweenness, eigenvector, power or trust")
      ->capture_default_str();
  add_engine_options(render_cmd);
  add_people_option(render_cmd);
  render_cmd->add_flag("--people-layer", render_options.people_layer,
                       "Draw each member's contacts with it and attach ties to the people who carry them");
  render_cmd->add_flag("--mark-single-carried", render_options.mark_single_carried,
                       "Draw ties that one person alone carries on a side thick and vermilion");

  std::vector<std::string> compare_files;
  bool as_table = false;
  CompareOptions compare_options;
  std::string diagram;
  auto* compare_cmd = app.add_subcommand("compare", "Changes between two waves (A B), or a table of many coalitions");
  compare_cmd->add_option("FILE", compare_files, "Coalition files: two waves, or any number with --table")->required();
  compare_cmd->add_flag("--table", as_table, "One row of headline figures per file, even for two files");
  add_output_options(compare_cmd, format, out);
  add_engine_options(compare_cmd);
  compare_cmd->add_option("--permutations", compare_options.permutations, "QAP relabellings (exact when k! is fewer)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))
      ->capture_default_str();
  std::string seed_text;
  compare_cmd->add_option("--seed", seed_text, "Seed of the QAP relabellings, 0 to 2^64-1 (default 1)");
  compare_cmd->add_flag("--qap-levels", compare_options.valued_qap,
                        "QAP on valued ties: each pair's highest tie level (1-4) instead of tied or not");
  compare_cmd->add_option("--diagram", diagram, "Also draw the union of both waves (.svg, .png, .pdf or .dot)");
  compare_cmd->add_option("--taxonomy", taxonomy, "Built-in taxonomy id or path, for every file");
  add_people_option(compare_cmd);

  std::string export_file;
  std::string export_to;
  auto* export_cmd = app.add_subcommand("export", "Write the coalition for Gephi, NetworkX, Kumu, UCINET or Graphviz");
  export_cmd->add_option("FILE", export_file, "Coalition file (YAML)")->required();
  export_cmd
      ->add_option("--to", export_to,
                   "graphml, json (NetworkX node-link), csv (Kumu), dl (UCINET), vna (NetDraw), dot or xlsx (Excel)")
      ->required()
      ->check(CLI::IsMember({"graphml", "json", "csv", "dl", "vna", "dot", "xlsx"}));
  export_cmd->add_option("-o,--output", out,
                         "Output file; for csv a folder that gets elements.csv and connections.csv");
  add_engine_options(export_cmd);

  std::vector<std::string> import_files;
  std::string import_out;
  ImportOptions import_options;
  bool force = false;
  std::vector<std::string> import_maps;
  auto* import_cmd =
      app.add_subcommand("import", "Build a coalition file from a partner list (CSV or Excel) or GraphML");
  import_cmd->add_option("FILES", import_files, "MEMBERS.csv|.xlsx [TIES.csv|.xlsx], or one FILE.graphml")->required();
  import_cmd->add_option("--sheet", import_options.members_sheet,
                         "The workbook's sheet of members (default: Members, ..., else the first); for import survey, "
                         "the sheet of responses (default: Responses, Survey, ..., else the first)");
  import_cmd->add_option("--ties-sheet", import_options.ties_sheet,
                         "The workbook's sheet of ties (default: Ties, Connections, ...)");
  import_cmd->add_option("--map", import_maps,
                         "HEADER=FIELD: the column HEADER fills FIELD (label, sector, from, ...; for import survey: "
                         "by, about, level, ...; repeatable)");
  import_cmd->add_option("-o,--output", import_out, "The coalition file to write (YAML)")->required();
  import_cmd->add_option("--name", import_options.name, "The coalition's name (default: the output file's name)");
  import_cmd->add_option("--taxonomy", import_options.taxonomy,
                         "Taxonomy the sectors belong to: a built-in id or a file (default: the GraphML's own "
                         "built-in taxonomy, else cross-sector)");
  import_cmd->add_flag("--skip-bad-rows", import_options.skip_bad_rows, "Write what can be used and list the rest");
  import_cmd->add_flag("--force", force, "Overwrite an existing output file");
  std::string survey_members;
  import_cmd->add_option("--members", survey_members, "import survey: the members sheet (CSV)");

  std::vector<std::string> report_files;
  std::string report_dir;
  std::string report_format = "html";
  auto* report_cmd = app.add_subcommand("report", "A self-contained HTML report (or Markdown) to share");
  report_cmd->add_option("FILES", report_files, "Coalition file (YAML); give two to compare wave A with wave B")
      ->required()
      ->expected(1, 2);
  report_cmd->add_option("-o,--output", report_dir, "Folder to write report.html (or report.md and its diagrams)")
      ->required();
  report_cmd->add_option("-f,--format", report_format, "html or markdown")
      ->check(CLI::IsMember({"html", "markdown"}))
      ->capture_default_str();
  add_engine_options(report_cmd);
  report_cmd->add_option("--taxonomy", taxonomy,
                         "Built-in taxonomy id or path to measure against, instead of the file's own");
  add_people_option(report_cmd);

  auto* taxonomy_cmd = app.add_subcommand("taxonomy", "The built-in sector frameworks, their sectors and crosswalk");
  taxonomy_cmd->require_subcommand(1);
  auto* taxonomy_list = taxonomy_cmd->add_subcommand("list", "Every built-in taxonomy");
  add_output_options(taxonomy_list, format, out);
  std::string taxonomy_id;
  auto* taxonomy_show =
      taxonomy_cmd->add_subcommand("show", "One taxonomy's sectors, priorities, examples and crosswalk");
  taxonomy_show->add_option("ID", taxonomy_id, "A built-in taxonomy id, or a taxonomy file to check")->required();
  add_output_options(taxonomy_show, format, out);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, std::cout, std::cerr);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  set_default_max_input_bytes(max_input_mb << 20U);
  try {
    if (validate->parsed()) return run_validate(validate_files, taxonomy);
    if (analyze_cmd->parsed()) {
      const Coalition c = load_coalition_file(analyze_file, load_options(taxonomy));
      const Analysis a = xsector::analyze(c, people_options(part_all));
      emit(format_analysis(parse_format(format), c, a), out);
      return 0;
    }
    if (people_cmd->parsed()) {
      const Coalition c = load_coalition_file(people_file, load_options(taxonomy));
      const Analysis a = xsector::analyze(c, people_options(part_people | part_sectors | part_findings));
      emit(format_people(parse_format(format), c, a), out);
      return 0;
    }
    if (render_cmd->parsed()) {
      const std::string image_format = diagram_format(render_out);
      if (!view.empty()) render_options.view = view == "sectors" ? View::sectors : View::members;
      render_options.people = parse_people_shown(people_shown);
      if (!layout_name.empty()) render_options.layout = parse_layout(layout_name);
      render_options.size_by = parse_size_by(size_by_name);

      const Coalition c = load_coalition_file(render_file);
      // neato ignores clusters: a small diagram's people layer is laid out by fdp unless a
      // layout is asked for (larger diagrams draw no people layer).
      if (render_options.people_layer && !render_options.layout && c.members.size() <= small_diagram_limit) {
        render_options.layout = Layout::fdp;
      }
      const DiagramPlan plan = plan_diagram(c, render_options);  // refuses an unbounded drawing before analysis
      if (!plan.note.empty()) std::cerr << "xsector: note: " << plan.note << '\n';
      // A diagram needs the structure, sectors and power, and betweenness only to size by it.
      const unsigned parts = part_structure | part_sectors | part_power | part_survey |
                             (render_options.size_by == SizeBy::betweenness ? unsigned{part_betweenness} : 0U);
      write_file_atomic(render_out,
                        render_diagram(c, xsector::analyze(c, engine.options(parts)), render_options, image_format));
      return 0;
    }
    if (report_cmd->parsed()) return run_report(report_files, report_dir, report_format, taxonomy);
    if (export_cmd->parsed()) return run_export(export_file, export_to, out);
    if (import_cmd->parsed())
      return run_import(import_files, import_out, import_options, force, survey_members, import_maps);
    if (compare_cmd->parsed() && !seed_text.empty()) compare_options.seed = parse_seed(seed_text);
    if (compare_cmd->parsed())
      return run_compare(compare_files, as_table, compare_options, diagram, parse_format(format), out, taxonomy);
    if (power_cmd->parsed()) {
      const Coalition c = load_coalition_file(power_file);
      // Power shows betweenness only in the backbone's share and its Gini. Where betweenness
      // would be estimated (automatic precision on a large network) those two figures are
      // left out (null) rather than spending a minute on sampling; --exact or --approximate
      // asks for them anyway.
      const double n = static_cast<double>(c.members.size());
      const bool large = n * (n + 2.0 * static_cast<double>(c.ties.size())) > exact_work_budget;
      const unsigned parts = part_sectors | part_power | part_resilience | part_findings |
                             (large && !engine.exact && !engine.approximate ? 0U : unsigned{part_betweenness});
      emit(format_power(parse_format(format), c, xsector::analyze(c, engine.options(parts))), out);
      return 0;
    }
    if (taxonomy_cmd->parsed()) return run_taxonomy(taxonomy_list->parsed(), taxonomy_id, parse_format(format), out);
    if (gaps_cmd->parsed() && taxonomy == "all") return run_gaps_all(gaps_file, parse_format(format), out);
    if (gaps_cmd->parsed()) {
      const Coalition c = load_coalition_file(gaps_file, load_options(taxonomy));
      const unsigned parts = part_sectors | part_findings;  // no paths: gaps never needs betweenness
      emit(format_gaps(parse_format(format), c, xsector::analyze(c, engine.options(parts))), out);
      return 0;
    }
  } catch (const InputError& e) {
    print_diagnostics(e);
    return static_cast<int>(e.exit_code());
  } catch (const Error& e) {
    std::cerr << "xsector: error: " << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << "xsector: internal error (please report it): " << e.what() << '\n';
    return 70;
  }
  return static_cast<int>(ExitCode::usage);
}

}  // namespace
