#include "yaml_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

namespace xsector::detail {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string normalize_key(std::string key) {
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

SourcePos to_pos(const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

struct ScanStop {
  YAML::Mark mark;
  std::string message;
};

// Walks the event stream before a Node is built: yaml-cpp shares aliased nodes, but any
// consumer that walks them expands them, so a few lines can stand for billions of nodes.
class SafetyScan : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint64_t count = 1;
    YAML::anchor_t anchor = 0;
    YAML::Mark mark;
  };

  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != 0) sizes_[anchor] = 1;
    add(mark, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= YamlReader::max_depth) {
      throw ScanStop{mark, fmt::format("nesting is deeper than {} levels; a coalition file needs "
                                       "only a few",
                                       YamlReader::max_depth)};
    }
    stack_.push_back({1, anchor, mark});
  }
  void close() {
    const Frame frame = stack_.back();
    stack_.pop_back();
    if (frame.anchor != 0) sizes_[frame.anchor] = frame.count;
    add(frame.mark, frame.count);
  }
  void add(const YAML::Mark& mark, std::uint64_t n) {
    if (stack_.empty()) return;
    auto& count = stack_.back().count;
    count = std::min(count + n, YamlReader::max_nodes + 1);
    if (count > YamlReader::max_nodes) {
      throw ScanStop{mark, fmt::format("aliases expand to more than {} nodes (an alias bomb?); "
                                       "write the data out instead",
                                       YamlReader::max_nodes)};
    }
  }

  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, std::uint64_t> sizes_;
};

}  // namespace

std::string nearest(std::string_view word, std::span<const std::string> candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  // Close enough to be a typo, and not merely another short word.
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  return best_distance <= limit && best_distance < word.size() ? best : std::string{};
}

bool is_slug(std::string_view s) {
  if (s.empty()) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front())) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

const YAML::Node* Fields::get(std::string_view key) const {
  for (const auto& [k, v] : entries_) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::optional<YAML::Node> YamlReader::parse(std::string_view text) {
  try {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    SafetyScan scan;
    if (!parser.HandleNextDocument(scan)) {
      error({}, "the file is empty; a coalition file needs at least 'coalition' and 'members'");
      return std::nullopt;
    }
    if (parser.HandleNextDocument(scan)) {
      error({}, "the file holds more than one YAML document; put one coalition in each file");
      return std::nullopt;
    }
  } catch (const ScanStop& stop) {
    error(to_pos(stop.mark), stop.message);
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    error(to_pos(e.mark), fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  }
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    error(to_pos(e.mark), fmt::format("not valid YAML: {}", e.msg));
  } catch (const YAML::Exception& e) {
    error(to_pos(e.mark), fmt::format("not valid YAML: {}", e.msg));
  }
  return std::nullopt;
}

SourcePos YamlReader::pos(const YAML::Node& node) const { return to_pos(node.Mark()); }

void YamlReader::error(SourcePos pos, std::string message) {
  diagnostics_.push_back({file_, pos, std::move(message)});
}

namespace {
std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Null: return "nothing";
    default: return "nothing";
  }
}
}  // namespace

std::optional<Fields> YamlReader::fields(const YAML::Node& node, std::span<const std::string> known,
                                         std::string_view what) {
  if (!node.IsMap()) {
    error(pos(node), fmt::format("{} must be a map of keys, found {}", what, kind_name(node)));
    return std::nullopt;
  }
  Fields result;
  for (const auto& entry : node) {
    const YAML::Node& key_node = entry.first;
    if (!key_node.IsScalar()) {
      error(pos(key_node), fmt::format("a key in {} must be a plain name", what));
      continue;
    }
    const std::string key = normalize_key(key_node.Scalar());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      const std::string suggestion = nearest(key, known);
      std::string message = fmt::format("unknown key '{}' in {}", key_node.Scalar(), what);
      if (!suggestion.empty()) message += fmt::format("; did you mean '{}'?", suggestion);
      error(pos(key_node), message);
      continue;
    }
    if (result.get(key) != nullptr) {
      error(pos(key_node), fmt::format("duplicate key '{}' in {}", key_node.Scalar(), what));
      continue;
    }
    result.entries_.emplace_back(key, entry.second);
  }
  return result;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(pos(node), fmt::format("{} must be a single value, found {}", what, kind_name(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlReader::slug(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  if (!is_slug(*value)) {
    error(pos(node), fmt::format("{} '{}' is not an id: use lower-case letters, digits, '.', '_' "
                                 "and '-', starting with a letter or digit",
                                 what, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "yes") return true;
  if (*value == "false" || *value == "no") return false;
  error(pos(node), fmt::format("{} must be true or false, found '{}'", what, *value));
  return std::nullopt;
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  double result = 0;
  const char* begin = value->data();
  const char* end = begin + value->size();
  const auto [ptr, ec] = std::from_chars(begin, end, result);
  if (ec != std::errc{} || ptr != end || !std::isfinite(result)) {
    error(pos(node), fmt::format("{} must be a number, found '{}'", what, *value));
    return std::nullopt;
  }
  return result;
}

std::optional<std::int64_t> YamlReader::integer(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  std::int64_t result = 0;
  const char* begin = value->data();
  const char* end = begin + value->size();
  const auto [ptr, ec] = std::from_chars(begin, end, result);
  if (ec == std::errc::result_out_of_range) {
    error(pos(node), fmt::format("{} '{}' is too large", what, *value));
    return std::nullopt;
  }
  if (ec != std::errc{} || ptr != end) {
    error(pos(node), fmt::format("{} must be a whole number, found '{}'", what, *value));
    return std::nullopt;
  }
  return result;
}

std::optional<std::vector<std::string>> YamlReader::text_list(const YAML::Node& node,
                                                              std::string_view what) {
  if (!node.IsSequence()) {
    error(pos(node), fmt::format("{} must be a list, like [a, b], found {}", what, kind_name(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : node) {
    auto value = text(item, fmt::format("an item of {}", what));
    if (value) {
      out.push_back(*value);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace xsector::detail
