// `xsector trend`: figures across many waves of one coalition, ordered by date.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "xsector/analysis.hpp"
#include "xsector/error.hpp"
#include "xsector/output.hpp"
#include "xsector/trend.hpp"

namespace xsector::cli {

namespace {

/// NAME,NAME,... split at commas, blanks around each name dropped; empty names refused.
std::vector<std::string> figure_names(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    std::string name = text.substr(start, end - start);
    const auto first = name.find_first_not_of(" \t");
    const auto last = name.find_last_not_of(" \t");
    name = first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
    if (name.empty()) throw UsageError(fmt::format("--figures '{}': a figure name is empty", text));
    out.push_back(std::move(name));
    start = end + 1;
  }
  return out;
}

}  // namespace

Command add_trend(CLI::App& app, SharedOptions& shared) {
  struct Arguments {
    std::vector<std::string> files;
    std::string figures;
  };
  auto args = std::make_shared<Arguments>();
  auto* command = app.add_subcommand("trend", "Figures across many waves of one coalition, ordered by date");
  command->add_option("FILE", args->files, "Coalition files (YAML, or rosters), one per wave, in any order")
      ->required();
  command->add_option("-f,--format", shared.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown", "html"}))
      ->capture_default_str();
  command->add_option("-o,--output", shared.out, "Write to this file instead of standard output");
  command->add_option("--figures", args->figures,
                      "Member figures to follow, NAME,... (default: degree, betweenness, and trust, value, "
                      "power_share, handoff_readiness where the files have them)");
  add_taxonomy_option(command, shared.taxonomy);
  add_engine_options(command, shared.engine);
  add_people_option(command, shared.people_shown);
  return {command, [args, &shared] {
            if (args->files.size() < 2) throw UsageError("trend needs two or more files (waves)");
            refuse_output_over_inputs({shared.out}, args->files, shared.taxonomy);
            const bool html = shared.format == "html";
            const Format format = html ? Format::table : parse_format(shared.format);
            const std::vector<std::string> chosen =
                args->figures.empty() ? std::vector<std::string>{} : figure_names(args->figures);
            const std::vector<Coalition> waves = load_all(args->files, shared.taxonomy, shared.sheets);
            std::vector<const Coalition*> pointers;
            pointers.reserve(waves.size());
            std::vector<Analysis> analyses;
            analyses.reserve(waves.size());
            for (const auto& c : waves) {
              pointers.push_back(&c);
              analyses.push_back(xsector::analyze(c, shared.people_options(part_all)));
            }
            std::vector<const Analysis*> analysis_pointers;
            analysis_pointers.reserve(analyses.size());
            for (const auto& a : analyses) analysis_pointers.push_back(&a);
            const Trend t =
                xsector::trend(pointers, analysis_pointers, chosen.empty() ? default_trend_figures(pointers) : chosen);
            emit(html ? trend_html(t) : format_trend(format, t), shared.out);
            return 0;
          }};
}

}  // namespace xsector::cli
