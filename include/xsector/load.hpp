// Loading coalition and taxonomy files. Problems are collected, not stopped at: a bad file
// raises one InputError holding every `file:line:col: error: message` found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector {

struct LoadOptions {
  /// Overrides `coalition.taxonomy`: a built-in id or a path to a taxonomy file.
  std::optional<std::string> taxonomy;
};

/// Reads and validates a coalition file. Throws IoError if it cannot be read and
/// InputError (every problem, in file order) if it is invalid.
Coalition load_coalition_file(const std::filesystem::path& path, const LoadOptions& options = {});

/// Validates coalition text; `file` names it in messages and anchors relative taxonomy paths.
Coalition parse_coalition(std::string_view text, const std::string& file, const LoadOptions& options = {});

/// The ids of the built-in taxonomies: cross-sector (the default), rhihub, dfc, dash.
std::vector<std::string> builtin_taxonomy_ids();

/// A taxonomy by built-in id, or read from a path (relative paths against `base_dir`).
/// Throws InputError for an unknown id or an invalid file, IoError for an unreadable one.
Taxonomy resolve_taxonomy(const std::string& id_or_path, const std::filesystem::path& base_dir = {});

/// Validates taxonomy text; `file` names it in messages.
Taxonomy parse_taxonomy(std::string_view text, const std::string& file, const std::string& id);

}  // namespace xsector
