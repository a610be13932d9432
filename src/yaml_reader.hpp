// Helpers for reading YAML into plain values while collecting diagnostics. Internal.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/error.hpp"

namespace xsector::detail {

/// The candidate closest to `word` by edit distance, or empty when none is close.
std::string nearest(std::string_view word, std::span<const std::string> candidates);

/// True for ids of the form [a-z0-9][a-z0-9._-]*.
bool is_slug(std::string_view s);

/// A map's entries after checking its keys: unknown keys (with the nearest known key
/// suggested) and duplicate keys are reported. Keys are compared with `-` read as `_`.
class Fields {
 public:
  [[nodiscard]] const YAML::Node* get(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return get(key) != nullptr; }

 private:
  friend class YamlReader;
  std::vector<std::pair<std::string, YAML::Node>> entries_;
};

class YamlReader {
 public:
  YamlReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  /// Parses one YAML document, refusing unbounded alias expansion, nesting deeper than
  /// max_depth and more than one document. Returns nullopt (with a diagnostic) on failure.
  std::optional<YAML::Node> parse(std::string_view text);

  [[nodiscard]] SourcePos pos(const YAML::Node& node) const;
  void error(SourcePos pos, std::string message);
  [[nodiscard]] const std::string& file() const { return file_; }

  /// Checks that `node` is a map whose keys are all in `known`; reports what is not.
  std::optional<Fields> fields(const YAML::Node& node, std::span<const std::string> known,
                               std::string_view what);

  std::optional<std::string> text(const YAML::Node& node, std::string_view what);
  std::optional<std::string> slug(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view what);
  /// A sequence of plain strings (labels); a single string is not accepted silently.
  std::optional<std::vector<std::string>> text_list(const YAML::Node& node, std::string_view what);

  static constexpr int max_depth = 64;
  static constexpr std::uint64_t max_nodes = 1'000'000;

 private:
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace xsector::detail
