// The commands that draw and compare: render, compare and report.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"
#include "xsector/report.hpp"

namespace xsector::cli {

namespace {

/// Every file a report folder may hold.
constexpr const char* report_files[] = {"report.html", "report.md",  "members.svg",
                                        "sectors.svg", "wave-a.svg", "changes.svg"};

}  // namespace

/// Loads every file; all problems of all files are reported in one InputError.
std::vector<Coalition> load_all(const std::vector<std::string>& files, const std::string& taxonomy,
                                const SheetFlags& sheets) {
  const LoadOptions options = load_options(taxonomy);  // once, before any file
  std::vector<Coalition> coalitions;
  std::vector<Diagnostic> problems;
  for (const auto& file : files) {
    try {
      coalitions.push_back(open_input(file, options, sheets));
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return coalitions;
}

namespace {

ImageFormat diagram_format(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  try {
    return parse_image_format(ext.empty() ? std::string_view() : std::string_view(ext).substr(1));
  } catch (const UsageError&) {
    throw UsageError(
        fmt::format("cannot tell the format of '{}': use an output ending in .svg, .png, .pdf or .dot", path));
  }
}

/// --respondents both needs a survey in both waves: otherwise a usage error (exit 2).
void check_respondents_option(const Coalition& a, const Coalition& b, const CompareOptions& options) {
  if (options.respondents_both && (!a.survey || !b.survey)) {
    throw UsageError(fmt::format("--respondents both needs a partner survey in both waves; {} has none",
                                 !a.survey ? a.file : b.file));
  }
}

/// Two waves of one coalition given latest first are swapped to earliest first; the note
/// says so (on stderr, and as the finding returned).
std::optional<Finding> order_waves(const std::vector<std::string>& files, std::vector<Coalition>& coalitions) {
  if (!match_coalitions(coalitions[0], coalitions[1]).waves || !dated_before(coalitions[1], coalitions[0])) {
    return std::nullopt;
  }
  const Finding note = waves_reordered(files[1], coalitions[1].as_of, files[0], coalitions[0].as_of);
  std::cerr << "xsector: note: " << finding_text(note, FindingNames(coalitions[1], coalitions[0])) << '\n';
  std::swap(coalitions[0], coalitions[1]);
  return note;
}

int run_compare(const std::vector<std::string>& files, bool as_table, const CompareOptions& options,
                const std::string& diagram, Format format, const std::string& out, const std::string& taxonomy,
                const AnalysisOptions& analysis_options, const SheetFlags& sheets) {
  if (files.size() < 2) throw UsageError("compare needs two files (waves) or more (a table)");
  const bool many = as_table || files.size() > 2;
  if (many && !diagram.empty()) throw UsageError("--diagram draws two waves; it cannot be used with a table");
  refuse_output_over_inputs({out, diagram}, files, taxonomy);
  const ImageFormat image_format = diagram.empty() ? ImageFormat::svg : diagram_format(diagram);
  std::vector<Coalition> coalitions = load_all(files, taxonomy, sheets);
  // Two waves given latest first are compared earliest first, with a note.
  const std::optional<Finding> reordered = many ? std::nullopt : order_waves(files, coalitions);
  std::vector<Analysis> analyses;
  analyses.reserve(coalitions.size());
  for (const auto& c : coalitions) analyses.push_back(xsector::analyze(c, analysis_options));
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
  check_respondents_option(coalitions[0], coalitions[1], options);
  Comparison cmp = xsector::compare(coalitions[0], analyses[0], coalitions[1], analyses[1], options);
  if (reordered) cmp.findings.insert(cmp.findings.begin(), *reordered);
  if (out.ends_with(".xlsx")) {  // a workbook: every change, one sheet per part
    if (!diagram.empty()) {
      write_file_atomic(diagram,
                        render_comparison(coalitions[0], analyses[0], coalitions[1], analyses[1], cmp, image_format));
    }
    write_file_atomic(out, comparison_xlsx(coalitions[0], coalitions[1], cmp));
    return 0;
  }
  if (!diagram.empty()) {
    write_file_atomic(diagram,
                      render_comparison(coalitions[0], analyses[0], coalitions[1], analyses[1], cmp, image_format));
  }
  emit(format_comparison(format, coalitions[0], coalitions[1], cmp), out);
  return 0;
}

int run_report(const std::vector<std::string>& files, const std::string& dir, const std::string& format,
               const std::string& taxonomy, const AnalysisOptions& analysis_options,
               const CompareOptions& compare_options, const SheetFlags& sheets) {
  if (files.size() > 2) throw UsageError("report takes one coalition file, or two to compare (wave A, then wave B)");
  const std::filesystem::path folder = dir;
  std::vector<std::filesystem::path> outputs{folder};
  for (const char* name : report_files) outputs.push_back(folder / name);
  refuse_output_over_inputs(outputs, files, taxonomy);
  std::vector<Coalition> coalitions = load_all(files, taxonomy, sheets);
  const std::optional<Finding> reordered = files.size() == 2 ? order_waves(files, coalitions) : std::nullopt;
  const Coalition& c = coalitions.back();
  const Analysis a = xsector::analyze(c, analysis_options);
  RenderOptions sectors_view;
  sectors_view.view = View::sectors;
  const std::string members_svg = render_diagram(c, a, {}, ImageFormat::svg);
  const std::string sectors_svg = render_diagram(c, a, sectors_view, ImageFormat::svg);
  // A comparison report: the later wave's report, what changed, and a map of both waves.
  std::optional<Analysis> before_analysis;
  std::optional<Comparison> cmp;
  ReportComparison waves;
  if (coalitions.size() == 2) {
    before_analysis = xsector::analyze(coalitions[0], analysis_options);
    check_respondents_option(coalitions[0], c, compare_options);
    cmp = xsector::compare(coalitions[0], *before_analysis, c, a, compare_options);
    if (reordered) cmp->findings.insert(cmp->findings.begin(), *reordered);
    waves.before = &coalitions[0];
    waves.comparison = &*cmp;
    waves.before_svg = render_diagram(coalitions[0], *before_analysis, {}, ImageFormat::svg);
    if (cmp->as_waves)
      waves.changes_svg = render_comparison(coalitions[0], *before_analysis, c, a, *cmp, ImageFormat::svg);
  }
  // The folder appears whole or not at all (a new one is built beside it and renamed).
  if (format == "html") {
    const std::string html =
        cmp ? report_html(c, a, members_svg, sectors_svg, waves) : report_html(c, a, members_svg, sectors_svg);
    write_folder_atomic(folder, {{"report.html", html}});
    return 0;
  }
  const std::string markdown = cmp ? report_markdown(c, a, coalitions[0], *cmp) : report_markdown(c, a);
  std::vector<FileContent> files_out{{"members.svg", members_svg}, {"sectors.svg", sectors_svg}};
  if (cmp) {
    files_out.push_back({"wave-a.svg", waves.before_svg});
    if (!waves.changes_svg.empty()) files_out.push_back({"changes.svg", waves.changes_svg});
  }
  files_out.push_back({"report.md", markdown});
  write_folder_atomic(folder, files_out);
  return 0;
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

}  // namespace

void add_respondents_option(CLI::App* command, std::string& respondents) {
  command
      ->add_option("--respondents", respondents,
                   "all, or both: compare ties only between members who answered both waves' surveys")
      ->check(CLI::IsMember({"all", "both"}))
      ->capture_default_str();
}

Command add_render(CLI::App& app, SharedOptions& shared) {
  struct Arguments {
    std::string file;
    std::string out;
    RenderOptions options;
    std::string view;
    std::string layout_name;
    std::string size_by_name = "degree";
  };
  auto args = std::make_shared<Arguments>();
  auto* command =
      app.add_subcommand("render", "Draw the network with Graphviz (svg, png, pdf or dot by the output's extension)");
  command->add_option("FILE", args->file, "Coalition file (YAML), roster (.xlsx, .csv) or GraphML")->required();
  add_sheet_options(command, shared.sheets);
  command->add_option("-o,--output", args->out, "Output file: .svg, .png, .pdf or .dot")->required();
  command->add_option("--view", args->view, "members or sectors (default: members up to 5000 members)")
      ->check(CLI::IsMember({"members", "sectors"}));
  command->add_option("--layout", args->layout_name, "neato, fdp, sfdp, dot or circo (default: by size)");
  command->add_option("--size-by", args->size_by_name, "Node size: degree, betweenness, eigenvector, power or trust")
      ->capture_default_str();
  add_engine_options(command, shared.engine);
  add_taxonomy_option(command, shared.taxonomy);
  add_people_option(command, shared.people_shown);
  command->add_flag("--people-layer", args->options.people_layer,
                    "Draw each member's contacts with it and attach ties to the people who carry them");
  command->add_flag("--mark-single-carried", args->options.mark_single_carried,
                    "Draw ties that one person alone carries on a side thick and vermilion");
  return {command, [args, &shared] {
            RenderOptions& render_options = args->options;
            refuse_output_over_inputs({args->out}, {args->file}, shared.taxonomy);
            const ImageFormat image_format = diagram_format(args->out);
            if (!args->view.empty()) render_options.view = args->view == "sectors" ? View::sectors : View::members;
            render_options.people = parse_people_shown(shared.people_shown);
            if (!args->layout_name.empty()) render_options.layout = parse_layout(args->layout_name);
            render_options.size_by = parse_size_by(args->size_by_name);

            const Coalition c = open_input(args->file, load_options(shared.taxonomy), shared.sheets);
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
            write_file_atomic(args->out, render_diagram(c, xsector::analyze(c, shared.engine.options(parts)),
                                                        render_options, image_format));
            return 0;
          }};
}

Command add_compare(CLI::App& app, SharedOptions& shared) {
  struct Arguments {
    std::vector<std::string> files;
    bool as_table = false;
    CompareOptions options;
    std::string diagram;
    std::string seed_text;
    std::string respondents = "all";
  };
  auto args = std::make_shared<Arguments>();
  auto* command = app.add_subcommand("compare", "Changes between two waves (A B), or a table of many coalitions");
  command->add_option("FILE", args->files, "Coalition files (or rosters): two waves, or any number with --table")
      ->required();
  add_sheet_options(command, shared.sheets);
  command->add_flag("--table", args->as_table, "One row of headline figures per file, even for two files");
  add_output_options(command, shared.format, shared.out);
  add_engine_options(command, shared.engine);
  command->add_option("--permutations", args->options.permutations, "QAP relabellings (exact when k! is fewer)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))
      ->capture_default_str();
  command->add_option("--seed", args->seed_text, "Seed of the QAP relabellings, 0 to 2^64-1 (default 1)");
  command->add_flag("--qap-levels", args->options.valued_qap,
                    "QAP on valued ties: each pair's highest tie level (1-4) instead of tied or not");
  command->add_option("--diagram", args->diagram, "Also draw the union of both waves (.svg, .png, .pdf or .dot)");
  add_taxonomy_option(command, shared.taxonomy);
  add_respondents_option(command, args->respondents);
  add_people_option(command, shared.people_shown);
  return {command, [args, &shared] {
            if (!args->seed_text.empty()) args->options.seed = parse_seed(args->seed_text);
            args->options.respondents_both = args->respondents == "both";
            return run_compare(args->files, args->as_table, args->options, args->diagram, parse_format(shared.format),
                               shared.out, shared.taxonomy, shared.people_options(part_all), shared.sheets);
          }};
}

Command add_report(CLI::App& app, SharedOptions& shared) {
  struct Arguments {
    std::vector<std::string> files;
    std::string dir;
    std::string format = "html";
    std::string respondents = "all";
  };
  auto args = std::make_shared<Arguments>();
  auto* command = app.add_subcommand("report", "A self-contained HTML report (or Markdown) to share");
  command->add_option("FILES", args->files, "Coalition file (YAML) or roster; give two to compare wave A with wave B")
      ->required()
      ->expected(1, 2);
  add_sheet_options(command, shared.sheets);
  command->add_option("-o,--output", args->dir, "Folder to write report.html (or report.md and its diagrams)")
      ->required();
  command->add_option("-f,--format", args->format, "html or markdown")
      ->check(CLI::IsMember({"html", "markdown"}))
      ->capture_default_str();
  add_engine_options(command, shared.engine);
  add_taxonomy_option(command, shared.taxonomy);
  add_respondents_option(command, args->respondents);
  add_people_option(command, shared.people_shown);
  return {command, [args, &shared] {
            CompareOptions compare_options;
            compare_options.respondents_both = args->respondents == "both";
            return run_report(args->files, args->dir, args->format, shared.taxonomy, shared.people_options(part_report),
                              compare_options, shared.sheets);
          }};
}

}  // namespace xsector::cli
