// `xsector survey-kit`: a form for every member to fill in; `import survey` reads them back.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/survey_kit.hpp"

namespace xsector::cli {

namespace {

int run_survey_kit(const std::string& file, const std::string& dir, const std::string& format,
                   const std::string& taxonomy, bool force) {
  const KitFormat kit = parse_kit_format(format);
  const Coalition c = load_coalition_file(file, load_options(taxonomy));
  const auto written = write_survey_kit(c, dir, kit, force);
  std::string names;
  for (const auto& path : written) names += (names.empty() ? "" : ", ") + path.filename().string();
  write_stdout(fmt::format("Wrote {} {} forms to {}, one per member: {}\n", written.size(), format, dir, names));
  if (kit == KitFormat::xlsx) {
    write_stdout(
        fmt::format("Send each member its form; read the filled forms back with\n"
                    "  xsector import survey {}/*.xlsx --members {} -o OUT.yaml\n",
                    dir, file));
  }
  return 0;
}

}  // namespace

Command add_survey_kit(CLI::App& app, SharedOptions& shared) {
  struct Arguments {
    std::string file;
    std::string dir;
    std::string format = "xlsx";
    bool force = false;
  };
  auto args = std::make_shared<Arguments>();
  auto* command = app.add_subcommand("survey-kit", "Write a partner-survey form for every member (Excel or printable)");
  command->add_option("FILE", args->file, "Coalition file")->required();
  command->add_option("-o,--output", args->dir, "Folder to write <member id>.xlsx (or .html) into")->required();
  command->add_option("-f,--format", args->format, "xlsx (forms with dropdowns) or html (printable pages)")
      ->check(CLI::IsMember({"xlsx", "html"}))
      ->capture_default_str();
  command->add_option("--taxonomy", shared.taxonomy, "Taxonomy to name the sectors by (a built-in id or a file)");
  command->add_flag("--force", args->force, "Replace the forms in a folder that is not empty");
  return {command, [args, &shared] {
            return run_survey_kit(args->file, args->dir, args->format, shared.taxonomy, args->force);
          }};
}

}  // namespace xsector::cli
