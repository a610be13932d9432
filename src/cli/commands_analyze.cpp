// The commands that read one coalition and report figures: validate, analyze, people, gaps
// and power.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "xsector/analysis.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/taxonomy_view.hpp"
#include "xsector/usecases.hpp"

namespace xsector::cli {

namespace {

std::string count(std::size_t n, std::string_view noun) {
  if (n == 1) return fmt::format("1 {}", noun);
  if (noun.ends_with("y")) return fmt::format("{} {}ies", n, noun.substr(0, noun.size() - 1));
  return fmt::format("{} {}s", n, noun);
}

/// A subcommand that reads one coalition FILE and writes a report (-f, -o); the file's
/// name lands in `file`.
CLI::App* report_command(CLI::App& app, SharedOptions& shared, const std::string& name, const std::string& description,
                         std::string& file) {
  auto* command = app.add_subcommand(name, description);
  command->add_option("FILE", file, "Coalition file (YAML), roster (.xlsx, .csv) or GraphML")->required();
  add_output_options(command, shared.format, shared.out);
  add_sheet_options(command, shared.sheets);
  return command;
}

/// --all-findings: the table and Markdown list every finding instead of one line per kind.
std::shared_ptr<bool> add_all_findings_option(CLI::App* command) {
  auto all = std::make_shared<bool>(false);
  command->add_flag("--all-findings", *all, "List every finding (table, Markdown), not one line per kind");
  return all;
}

/// `options` with --all-findings as given.
AnalysisOptions listing(AnalysisOptions options, bool all_findings) {
  options.all_findings = all_findings;
  return options;
}

/// The report `write` makes of `c` analysed with `options`, to -o or standard output.
int write_report(const SharedOptions& shared, std::string (*write)(Format, const Coalition&, const Analysis&),
                 const Coalition& c, const AnalysisOptions& options) {
  emit(write(parse_format(shared.format), c, xsector::analyze(c, options)), shared.out);
  return 0;
}

int run_validate(const std::vector<std::string>& files, const std::string& taxonomy, const SheetFlags& sheets) {
  const LoadOptions options = load_options(taxonomy);  // once, before any file
  int code = 0;
  for (const auto& file : files) {
    try {
      const Coalition c = open_input(file, options, sheets);
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

/// `gaps FILE --taxonomy all`: the file measured against every built-in taxonomy.
int run_gaps_all(const std::string& file, Format format, const std::string& out, const EngineFlags& engine,
                 const SheetFlags& sheets) {
  // One load; each taxonomy's coverage by the crosswalk.
  const Coalition c = open_input(file, LoadOptions{}, sheets);
  emit(format_gaps_all(format, c, coverage_by_taxonomy(c, engine.options(part_sectors))), out);
  return 0;
}

}  // namespace

Command add_validate(CLI::App& app, SharedOptions& shared) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* command = app.add_subcommand("validate", "Check coalition files; report every problem as file:line:col");
  command->add_option("FILE", *files, "Coalition files (YAML), rosters (.xlsx, .csv) or GraphML")->required();
  add_taxonomy_option(command, shared.taxonomy);
  add_sheet_options(command, shared.sheets);
  return {command, [files, &shared] { return run_validate(*files, shared.taxonomy, shared.sheets); }};
}

Command add_analyze(CLI::App& app, SharedOptions& shared) {
  auto file = std::make_shared<std::string>();
  auto* command = report_command(app, shared, "analyze", "Every metric of one coalition", *file);
  add_engine_options(command, shared.engine);
  add_taxonomy_option(command, shared.taxonomy);
  add_people_option(command, shared.people_shown);
  auto all = add_all_findings_option(command);
  return {command, [file, all, &shared] {
            refuse_output_over_inputs({shared.out}, {*file}, shared.taxonomy);
            const Coalition c = open_input(*file, load_options(shared.taxonomy), shared.sheets);
            return write_report(shared, format_analysis, c, listing(shared.people_options(part_all), *all));
          }};
}

Command add_people(CLI::App& app, SharedOptions& shared) {
  auto file = std::make_shared<std::string>();
  auto* command =
      report_command(app, shared, "people", "Who carries each relationship, and what a person's departure cuts", *file);
  add_engine_options(command, shared.engine);
  add_people_option(command, shared.people_shown);
  add_taxonomy_option(command, shared.taxonomy);
  auto all = add_all_findings_option(command);
  return {command, [file, all, &shared] {
            refuse_output_over_inputs({shared.out}, {*file}, shared.taxonomy);
            const Coalition c = open_input(*file, load_options(shared.taxonomy), shared.sheets);
            return write_report(shared, format_people, c,
                                listing(shared.people_options(part_people | part_sectors | part_findings), *all));
          }};
}

Command add_gaps(CLI::App& app, SharedOptions& shared) {
  auto file = std::make_shared<std::string>();
  auto* command =
      report_command(app, shared, "gaps", "Sector coverage gaps, sector mixing and brokers between sectors", *file);
  add_engine_options(command, shared.engine);
  add_taxonomy_option(command, shared.taxonomy, true);
  auto all = add_all_findings_option(command);
  return {command, [file, all, &shared] {
            refuse_output_over_inputs({shared.out}, {*file}, shared.taxonomy == "all" ? "" : shared.taxonomy);
            if (shared.taxonomy == "all") {
              return run_gaps_all(*file, parse_format(shared.format), shared.out, shared.engine, shared.sheets);
            }
            const Coalition c = open_input(*file, load_options(shared.taxonomy), shared.sheets);
            const unsigned parts = part_sectors | part_findings;  // no paths: gaps never needs betweenness
            return write_report(shared, format_gaps, c, listing(shared.engine.options(parts), *all));
          }};
}

Command add_power(CLI::App& app, SharedOptions& shared) {
  auto file = std::make_shared<std::string>();
  auto* command = report_command(app, shared, "power",
                                 "Decision power per body, concentration, and what each departure costs", *file);
  add_engine_options(command, shared.engine);
  add_taxonomy_option(command, shared.taxonomy);
  auto all = add_all_findings_option(command);
  return {command, [file, all, &shared] {
            refuse_output_over_inputs({shared.out}, {*file}, shared.taxonomy);
            const Coalition c = open_input(*file, load_options(shared.taxonomy), shared.sheets);
            // Power shows betweenness only in the backbone's share and its Gini. Where betweenness
            // would be estimated (automatic precision on a large network) those two figures are
            // left out (null) rather than spending a minute on sampling; --exact or --approximate
            // asks for them anyway.
            const double n = static_cast<double>(c.members.size());
            const bool large = n * (n + 2.0 * static_cast<double>(c.ties.size())) > exact_work_budget;
            const EngineFlags& engine = shared.engine;
            const unsigned parts = part_sectors | part_power | part_resilience | part_findings |
                                   (large && !engine.exact && !engine.approximate ? 0U : unsigned{part_betweenness});
            return write_report(shared, format_power, c, listing(engine.options(parts), *all));
          }};
}

}  // namespace xsector::cli
