// The xsector command-line tool's commands, one file per group (internal to src/cli/):
// main.cpp parses and maps errors to exit codes; commands_analyze.cpp (validate, analyze,
// people, gaps, power), commands_report.cpp (render, compare, report), commands_exchange.cpp
// (export, import) and commands_taxonomy.cpp (taxonomy) add their subcommands.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

namespace xsector::cli {

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

/// How a roster (.xlsx, .csv) or GraphML file given to any command is read: --header-row,
/// --sector-map, --as-of, --map and --sheet (add_sheet_options).
struct SheetFlags {
  int header_row = 0;
  std::string sector_map;
  std::string as_of;
  std::vector<std::string> maps;
  std::string sheet;
};

/// The options several commands take. One command runs at a time, so they share one copy.
struct SharedOptions {
  EngineFlags engine;
  /// --people names|roles|none: how outputs meant for sharing show people (default roles).
  std::string people_shown = "roles";
  std::string format = "table";  ///< -f, --format
  std::string out;               ///< -o, --output
  std::string taxonomy;          ///< --taxonomy
  SheetFlags sheets;             ///< how a roster is read
  /// `engine.options(parts)` with the people shown as --people says.
  [[nodiscard]] AnalysisOptions people_options(unsigned parts) const;
};

/// A subcommand and what it does once the arguments name it; `run` returns the exit code
/// and throws xsector's errors for main to report.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Adds a subcommand to `app`, its options bound to `shared` or to state `run` keeps.
using AddCommand = Command (*)(CLI::App& app, SharedOptions& shared);

// Options and work the commands share (main.cpp).
void add_people_option(CLI::App* command, std::string& people_shown);
void add_engine_options(CLI::App* command, EngineFlags& engine);
void add_output_options(CLI::App* command, std::string& format, std::string& out);
/// --taxonomy, with one help text for every command that shows sectors; `all`: the command
/// also takes `all` (gaps).
void add_taxonomy_option(CLI::App* command, std::string& taxonomy, bool all = false);
/// Refuses (UsageError, exit 2) an output that is one of `inputs` or the --taxonomy file
/// (`taxonomy` when it is not a built-in id), before anything is read: see
/// refuse_output_over_input. Every command that writes a file calls it first. The outputs
/// are remembered: open_input refuses them again when a coalition it opens names one as its
/// taxonomy file (known only once the coalition is read, still before anything is written).
void refuse_output_over_inputs(const std::vector<std::filesystem::path>& outputs,
                               const std::vector<std::string>& inputs, const std::string& taxonomy = "");
/// Every output given to refuse_output_over_inputs in this run.
std::vector<std::filesystem::path>& command_outputs();
void print_diagnostics(const InputError& e);
/// `text` to standard output, or atomically to `out_path` if one is given.
void emit(const std::string& text, const std::string& out_path);
/// Checks --taxonomy before any file is read, so its faults are the command line's: an
/// unknown id is a UsageError (exit 2), a file that cannot be read an IoError (exit 3), an
/// invalid taxonomy file an InputError at its own line and column (exit 1). Empty: nothing.
void check_taxonomy_option(const std::string& taxonomy);
/// The load options of --taxonomy (checked first).
LoadOptions load_options(const std::string& taxonomy);

// commands_open.cpp
/// Adds --header-row, --sector-map, --as-of, --map and --sheet to a command that reads coalitions.
void add_sheet_options(CLI::App* command, SheetFlags& flags);
/// The import options of the sheet flags (a --map without `=` is a UsageError).
ImportOptions import_options(const SheetFlags& flags);
/// Opens a coalition file, roster or GraphML (open_coalition) with `load` and the sheet flags;
/// for an imported one prints the rows left out, the notes and the summary line on stderr.
/// Refuses (UsageError, exit 2) a taxonomy file the coalition names that is one of the outputs
/// given to refuse_output_over_inputs.
Coalition open_input(const std::string& file, const LoadOptions& load, const SheetFlags& flags);

// commands_analyze.cpp
Command add_validate(CLI::App& app, SharedOptions& shared);
Command add_analyze(CLI::App& app, SharedOptions& shared);
Command add_people(CLI::App& app, SharedOptions& shared);
Command add_gaps(CLI::App& app, SharedOptions& shared);
Command add_power(CLI::App& app, SharedOptions& shared);

// commands_report.cpp
Command add_render(CLI::App& app, SharedOptions& shared);
Command add_compare(CLI::App& app, SharedOptions& shared);
Command add_report(CLI::App& app, SharedOptions& shared);
/// Loads every file; all problems of all files are reported in one InputError.
std::vector<Coalition> load_all(const std::vector<std::string>& files, const std::string& taxonomy,
                                const SheetFlags& sheets);
/// --respondents all|both (compare and report).
void add_respondents_option(CLI::App* command, std::string& respondents);

// commands_trend.cpp
Command add_trend(CLI::App& app, SharedOptions& shared);

// commands_exchange.cpp
Command add_export(CLI::App& app, SharedOptions& shared);
Command add_import(CLI::App& app, SharedOptions& shared);

// commands_taxonomy.cpp
Command add_taxonomy(CLI::App& app, SharedOptions& shared);

// commands_survey.cpp
Command add_survey_kit(CLI::App& app, SharedOptions& shared);

}  // namespace xsector::cli
