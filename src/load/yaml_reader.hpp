// Helpers for reading YAML into plain values while collecting diagnostics. Internal.
//
// A document is parsed from yaml-cpp's events into a compact tree of our own (scalars,
// maps and lists with their positions; an alias shares the node it names), so memory stays
// a small multiple of the file's size. Every safety limit is checked while the events
// arrive, before anything is built from them. flow_depth.cpp checks flow nesting on the text
// first; yaml_tree.cpp builds the tree; yaml_reader.cpp reads plain values from it and
// suggests the nearest name for a typo.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/error.hpp"

namespace xsector::detail {

/// The candidate closest to `word` by edit distance, or empty when none is close. Words
/// longer than 64 characters get no suggestion, and candidates whose length differs by
/// more than the accepted distance are skipped, so one call is O(candidates * 64 * 43).
std::string nearest(std::string_view word, std::span<const std::string> candidates);

/// "; did you mean 'x'?" with x = nearest(word, candidates), or empty when none is close:
/// the ending of a message about an unknown name.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// True for ids of the form [a-z0-9][a-z0-9._-]*.
bool is_slug(std::string_view s);

/// The first problem of text that must be valid UTF-8 without control characters:
/// invalid UTF-8, NUL, U+0001-U+001F other than tab and line feed (and carriage return
/// when `allow_cr`), U+007F-U+009F, U+FFFE and U+FFFF. Empty when the text is clean;
/// `offset` receives the byte offset of the problem.
std::string text_problem(std::string_view text, bool allow_cr, std::size_t* offset = nullptr);

/// The offset of the first flow bracket ('[', '{') of `text` nested deeper than `max_depth`,
/// or npos. Quoted scalars, comments, block scalars and the continuation lines of plain
/// scalars are skipped; a plain scalar that begins a line with brackets may be counted too,
/// which errs on the side of refusing. O(text size).
std::size_t flow_too_deep(std::string_view text, int max_depth);

struct Tree;

/// A node of a parsed document: null, a scalar, a list or a map. A cheap handle.
class Node {
 public:
  enum class Kind : std::uint8_t { null, scalar, sequence, map };

  Node() = default;
  Node(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  [[nodiscard]] Kind kind() const;
  [[nodiscard]] bool IsNull() const { return kind() == Kind::null; }
  [[nodiscard]] bool IsScalar() const { return kind() == Kind::scalar; }
  [[nodiscard]] bool IsSequence() const { return kind() == Kind::sequence; }
  [[nodiscard]] bool IsMap() const { return kind() == Kind::map; }
  /// Items of a list or entries of a map; 0 for scalars and null.
  [[nodiscard]] std::size_t size() const;
  /// The i-th item of a list.
  [[nodiscard]] Node operator[](std::size_t i) const;
  /// The key and the value of the i-th entry of a map.
  [[nodiscard]] Node key(std::size_t i) const;
  [[nodiscard]] Node value(std::size_t i) const;
  /// The text of a scalar (empty for other kinds).
  [[nodiscard]] std::string_view Scalar() const;
  [[nodiscard]] SourcePos pos() const;

  /// Iterates the items of a list.
  class iterator {
   public:
    iterator(const Node* list, std::size_t i) : list_(list), i_(i) {}
    Node operator*() const { return (*list_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }

   private:
    const Node* list_;
    std::size_t i_;
  };
  [[nodiscard]] iterator begin() const { return {this, 0}; }
  [[nodiscard]] iterator end() const { return {this, IsSequence() ? size() : 0}; }

 private:
  const Tree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

/// A parsed document: the tree and its root.
class Document {
 public:
  explicit Document(std::unique_ptr<Tree> tree);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();
  [[nodiscard]] Node root() const;

 private:
  std::unique_ptr<Tree> tree_;
};

/// A map's entries after checking its keys: unknown keys (with the nearest known key
/// suggested) and duplicate keys are reported. Keys are compared with `-` read as `_`.
class Fields {
 public:
  [[nodiscard]] const Node* get(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return get(key) != nullptr; }
  /// True when an unknown key was reported with `key` as its suggestion: a missing `key`
  /// is then the same typo and is not reported again.
  [[nodiscard]] bool suggested(std::string_view key) const;

 private:
  friend class YamlReader;
  std::vector<std::pair<std::string, Node>> entries_;
  std::vector<std::string> suggested_;
};

class YamlReader {
 public:
  YamlReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  /// Parses one YAML document. Refuses, with a diagnostic and nullopt: text that is not
  /// UTF-8 or holds control characters, flow nesting or nesting deeper than max_depth,
  /// aliases whose expansion adds more than alias_budget(text) bytes, an alias to the node
  /// that holds it, and more than one document. Scalars (including escapes such as "\0")
  /// are checked with text_problem. O(file size) time and memory. The document's nodes number
  /// their lines from `first_line` (a piece of a larger file); parse errors from 1.
  std::optional<Document> parse(std::string_view text, int first_line = 1);

  [[nodiscard]] SourcePos pos(const Node& node) const { return node.pos(); }
  void error(SourcePos pos, std::string message);
  [[nodiscard]] const std::string& file() const { return file_; }

  /// Checks that `node` is a map whose keys are all in `known`; reports what is not.
  std::optional<Fields> fields(const Node& node, std::span<const std::string> known, std::string_view what);
  /// Reports `message` at `where` unless `fields` already reported a typo of `key`.
  void missing(const Fields& fields, std::string_view key, SourcePos where, std::string message);

  std::optional<std::string> text(const Node& node, std::string_view what);
  std::optional<std::string> slug(const Node& node, std::string_view what);
  std::optional<bool> boolean(const Node& node, std::string_view what);
  std::optional<double> number(const Node& node, std::string_view what);
  std::optional<std::int64_t> integer(const Node& node, std::string_view what);
  /// The index in `names` of a value that must be one of them; for another value, reports
  /// "`what` must be `must_be`, found '...'" with the nearest name suggested.
  std::optional<std::size_t> choice(const Node& node, std::string_view what, std::span<const std::string> names,
                                    std::string_view must_be);
  /// A date written YYYY-MM-DD that exists in the calendar; `example` shows the form in the
  /// message for one that is not ("`what` must be a date like `example`, found '...'").
  std::optional<std::string> date(const Node& node, std::string_view what, std::string_view example);
  /// A sequence of plain strings (labels); a single string is not accepted silently.
  std::optional<std::vector<std::string>> text_list(const Node& node, std::string_view what);

  static constexpr int max_depth = 64;
  /// Bytes alias expansion may add: 64 MiB, or 8 times the text's size when larger. A node
  /// counts 32 bytes plus its text.
  static std::uint64_t alias_budget(std::size_t text_bytes);
  static constexpr std::uint64_t node_cost = 32;

 private:
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace xsector::detail
