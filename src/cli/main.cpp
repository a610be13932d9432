// The xsector command-line tool: parses arguments, runs the command (commands_*.cpp), and
// maps errors to exit codes in one place (run).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "xsector/error.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/version.hpp"

namespace xsector::cli {

AnalysisOptions SharedOptions::people_options(unsigned parts) const {
  AnalysisOptions o = engine.options(parts);
  o.people = parse_people_shown(people_shown);
  return o;
}

void add_people_option(CLI::App* command, std::string& people_shown) {
  command
      ->add_option("--people", people_shown,
                   "Show people by names, roles or none (names are personal data; default roles)")
      ->check(CLI::IsMember({"names", "roles", "none"}))
      ->capture_default_str();
}

void add_engine_options(CLI::App* command, EngineFlags& engine) {
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

void add_taxonomy_option(CLI::App* command, std::string& taxonomy, bool all) {
  const std::string ids = fmt::format("{}", fmt::join(builtin_taxonomy_ids(), ", "));
  command->add_option("--taxonomy", taxonomy,
                      fmt::format("Taxonomy to measure the sectors against instead of the file's own: a built-in id "
                                  "({}) or a taxonomy file{}",
                                  ids, all ? "; 'all': every built-in one side by side" : ""));
}

std::vector<std::filesystem::path>& command_outputs() {
  static std::vector<std::filesystem::path> outputs;
  return outputs;
}

void refuse_output_over_inputs(const std::vector<std::filesystem::path>& outputs,
                               const std::vector<std::string>& inputs, const std::string& taxonomy) {
  auto& remembered = command_outputs();
  remembered.insert(remembered.end(), outputs.begin(), outputs.end());
  std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
  const auto ids = builtin_taxonomy_ids();
  if (!taxonomy.empty() && std::find(ids.begin(), ids.end(), taxonomy) == ids.end()) paths.emplace_back(taxonomy);
  refuse_output_over_input(outputs, paths);
}

void add_output_options(CLI::App* command, std::string& format, std::string& out) {
  command->add_option("-f,--format", format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->capture_default_str();
  command->add_option("-o,--output", out, "Write to this file instead of standard output");
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

void check_taxonomy_option(const std::string& taxonomy) {
  if (taxonomy.empty()) return;
  try {
    (void)resolve_taxonomy(taxonomy);
  } catch (const InputError& e) {
    const auto& d = e.diagnostics();
    if (d.size() == 1 && d[0].file == "<taxonomy>") throw UsageError(fmt::format("--taxonomy: {}", d[0].message));
    throw;
  }
}

LoadOptions load_options(const std::string& taxonomy) {
  check_taxonomy_option(taxonomy);
  LoadOptions o;
  if (!taxonomy.empty()) o.taxonomy = taxonomy;
  return o;
}

}  // namespace xsector::cli

namespace {

int run(int argc, char** argv);

}  // namespace

namespace {

// Memory set aside (address space only: never touched) so that unwinding after a failed
// allocation can itself allocate, as the JSON library's destructors do; without it the failure
// ends in std::terminate. The first failure frees it and is reported as out of memory (run).
char* memory_reserve = nullptr;

void release_reserve_and_fail() {
  delete[] memory_reserve;
  memory_reserve = nullptr;
  std::set_new_handler(nullptr);
  throw std::bad_alloc();
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe must be a write error (exit 3), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  memory_reserve = new (std::nothrow) char[std::size_t{16} << 20U];
  if (memory_reserve != nullptr) std::set_new_handler(release_reserve_and_fail);
  try {
    int code = run(argc, argv);
    errno = 0;
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::cerr << "xsector: error: standard output: cannot write" << (errno != 0 ? ": " : "")
                << (errno != 0 ? std::strerror(errno) : "") << '\n';
      if (code == 0) code = static_cast<int>(xsector::ExitCode::io);
    }
    return code;
  } catch (...) {  // run() reports every error itself; this is only for a failing std::cerr
    return 70;     // internal error, as run() reports one
  }
}

namespace {

using namespace xsector;
using namespace xsector::cli;

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

  // In the order `xsector --help` lists them.
  SharedOptions shared;
  std::vector<Command> commands;
  for (const AddCommand add : {add_validate, add_analyze, add_people, add_gaps, add_power, add_render, add_compare,
                               add_trend, add_export, add_import, add_survey_kit, add_report, add_taxonomy}) {
    commands.push_back(add(app, shared));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, std::cout, std::cerr);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  set_default_max_input_bytes(max_input_mb << 20U);
  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const InputError& e) {
    print_diagnostics(e);
    return static_cast<int>(e.exit_code());
  } catch (const Error& e) {
    std::cerr << "xsector: error: " << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const std::bad_alloc&) {  // an input too large for the memory at hand (docs/format.md)
    std::cerr << "xsector: error: out of memory: the input needs more memory than is available\n";
    return static_cast<int>(ExitCode::invalid_input);
  } catch (const std::exception& e) {
    std::cerr << "xsector: internal error (please report it): " << e.what() << '\n';
    return 70;
  }
  return static_cast<int>(ExitCode::usage);
}

}  // namespace
