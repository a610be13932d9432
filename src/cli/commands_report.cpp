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
#include "xsector/usecases.hpp"

namespace xsector::cli {

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

/// prepare_report, with the note on waves given latest first printed on stderr.
ReportWork prepare_waves(std::vector<Coalition> waves, const std::vector<std::string>& files,
                         const AnalysisOptions& analysis, const CompareOptions& compare) {
  ReportWork work = prepare_report(std::move(waves), files, analysis, compare);
  if (work.reordered) {
    std::cerr << "xsector: note: " << finding_text(*work.reordered, FindingNames(work.waves.front(), work.waves.back()))
              << '\n';
  }
  return work;
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
  if (many) {
    std::vector<Analysis> analyses;
    analyses.reserve(coalitions.size());
    for (const auto& c : coalitions) analyses.push_back(xsector::analyze(c, analysis_options));
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
  // Two waves given latest first are compared earliest first, with a note.
  const ReportWork work = prepare_waves(std::move(coalitions), files, analysis_options, options);
  const Coalition &before = work.waves[0], &after = work.waves[1];
  const Comparison& cmp = *work.comparison;
  if (!diagram.empty()) {
    write_file_atomic(diagram, render_comparison(before, work.analyses[0], after, work.analyses[1], cmp, image_format));
  }
  if (out.ends_with(".xlsx")) {  // a workbook: every change, one sheet per part
    write_file_atomic(out, comparison_xlsx(before, after, cmp));
    return 0;
  }
  emit(format_comparison(format, before, after, cmp), out);
  return 0;
}

int run_report(const std::vector<std::string>& files, const std::string& dir, const std::string& format,
               const std::string& taxonomy, const AnalysisOptions& analysis_options,
               const CompareOptions& compare_options, const SheetFlags& sheets) {
  if (files.size() > 2) throw UsageError("report takes one coalition file, or two to compare (wave A, then wave B)");
  const std::filesystem::path folder = dir;
  std::vector<std::filesystem::path> outputs{folder};
  for (const auto& name : report_file_names()) outputs.push_back(folder / name);
  refuse_output_over_inputs(outputs, files, taxonomy);
  const ReportWork work = prepare_waves(load_all(files, taxonomy, sheets), files, analysis_options, compare_options);
  // The folder appears whole or not at all (a new one is built beside it and renamed).
  write_report_folder(folder, report_files(work, draw_report(work), format == "markdown"));
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
