// The taxonomy command: the built-in sector frameworks (taxonomy list, taxonomy show).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "xsector/crosswalk.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/taxonomy_view.hpp"

namespace xsector::cli {

namespace {

/// `taxonomy list` and `taxonomy show ID` (ID: a built-in id, or a taxonomy file to check).
int run_taxonomy(bool list, const std::string& id, Format format, const std::string& out) {
  if (list) {
    emit(format_taxonomy_list(format, builtin_taxonomies()), out);
    return 0;
  }
  const auto ids = builtin_taxonomy_ids();
  refuse_output_over_inputs({out}, {}, id);
  const bool path = id.find('/') != std::string::npos || id.ends_with(".yaml") || id.ends_with(".yml");
  if (!path && std::find(ids.begin(), ids.end(), id) == ids.end()) {
    throw UsageError(fmt::format("unknown taxonomy '{}'; the built-in taxonomies are {}", id, fmt::join(ids, ", ")));
  }
  const Taxonomy taxonomy = resolve_taxonomy(id, std::filesystem::current_path());
  emit(format_taxonomy_show(format, taxonomy, crosswalk_of(taxonomy, builtin_taxonomies())), out);
  return 0;
}

}  // namespace

Command add_taxonomy(CLI::App& app, SharedOptions& shared) {
  auto* command = app.add_subcommand("taxonomy", "The built-in sector frameworks, their sectors and crosswalk");
  command->require_subcommand(1);
  auto* list = command->add_subcommand("list", "Every built-in taxonomy");
  add_output_options(list, shared.format, shared.out);
  auto id = std::make_shared<std::string>();
  auto* show = command->add_subcommand("show", "One taxonomy's sectors, priorities, examples and crosswalk");
  show->add_option("ID", *id, "A built-in taxonomy id, or a taxonomy file to check")->required();
  add_output_options(show, shared.format, shared.out);
  return {command,
          [list, id, &shared] { return run_taxonomy(list->parsed(), *id, parse_format(shared.format), shared.out); }};
}

}  // namespace xsector::cli
