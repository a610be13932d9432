// Parsing one YAML document into the compact Tree that Node and Document read: the text is
// checked first (bytes; flow nesting by flow_depth.cpp), then yaml-cpp's events are built into nodes while the
// depth, alias-expansion and scalar-text limits are checked.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <istream>
#include <limits>
#include <memory>
#include <streambuf>

#include "load/yaml_reader.hpp"

namespace xsector::detail {

// The storage of one parsed document; nodes refer to it by index. An entry takes 16 bytes.
struct Tree {
  static constexpr std::uint32_t max_count = (1U << 30U) - 1;
  struct Entry {
    std::uint32_t first = 0;       ///< scalar: offset in `text`; list or map: offset in `kids`
    std::uint32_t count_kind = 0;  ///< low 30 bits: scalar bytes, list items or map entries; high 2: kind
    std::uint32_t line = 0;        ///< 0-based, as yaml-cpp marks them
    std::uint32_t column = 0;
    [[nodiscard]] Node::Kind kind() const { return static_cast<Node::Kind>(count_kind >> 30U); }
    [[nodiscard]] std::uint32_t count() const { return count_kind & max_count; }
  };
  std::vector<Entry> nodes;
  std::vector<std::uint32_t> kids;
  std::string text;
  std::uint32_t root = 0;
  int first_line = 1;  ///< the number of the text's first line
};

Document::Document(std::unique_ptr<Tree> tree) : tree_(std::move(tree)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;
Node Document::root() const { return {tree_.get(), tree_->root}; }

namespace {

SourcePos to_pos(const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

SourcePos offset_pos(std::string_view text, std::size_t offset, std::size_t origin) {
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t begin = offset == 0 || line_start == std::string_view::npos ? origin : line_start + 1;
  const auto lines = std::count(text.begin() + static_cast<std::ptrdiff_t>(origin),
                                text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return {static_cast<int>(lines) + 1, static_cast<int>(offset - std::max(begin, origin)) + 1};
}

struct ScanStop {
  YAML::Mark mark;
  std::string message;
};
struct SecondDocument {
  YAML::Mark mark;  ///< where the second document starts
};

// Builds a Tree from yaml-cpp's events, checking depth, alias expansion and scalar text.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Tree& tree, YamlReader& reader, std::uint64_t alias_budget)
      : tree_(tree), reader_(reader), alias_budget_(alias_budget) {}

  [[nodiscard]] bool text_ok() const { return text_ok_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_++ > 0) throw SecondDocument{mark};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(Node::Kind::null, mark, anchor, {}); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    // The file's bytes were checked already, so a problem here comes from an escape.
    if (std::string problem = text_problem(value, false); !problem.empty()) {
      if (const auto advice = problem.find("; save the file"); advice != std::string::npos) problem.erase(advice);
      reader_.error(to_pos(mark), fmt::format("{} (written as an escape in this value)", problem));
      text_ok_ = false;
    }
    leaf(Node::Kind::scalar, mark, anchor, value);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || !anchors_[anchor].defined) {
      throw ScanStop{mark, "the alias names no anchor defined before it"};
    }
    const Anchor& target = anchors_[anchor];
    if (!target.closed) {
      throw ScanStop{mark,
                     "the alias names a node that holds the alias itself; a document cannot "
                     "contain itself"};
    }
    alias_bytes_ += target.cost;
    if (alias_bytes_ > alias_budget_) {
      throw ScanStop{mark, fmt::format("aliases expand to more than {} bytes (an alias bomb?); "
                                       "write the data out instead",
                                       alias_budget_)};
    }
    attach(target.index, target.cost);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint32_t index = 0;
    std::size_t pending_start = 0;
    YAML::anchor_t anchor = 0;
    std::uint64_t cost = YamlReader::node_cost;
  };
  struct Anchor {
    std::uint32_t index = 0;
    std::uint64_t cost = 0;
    bool defined = false;
    bool closed = false;
  };

  std::uint32_t add_node(Node::Kind kind, const YAML::Mark& mark) {
    if (tree_.nodes.size() >= std::numeric_limits<std::uint32_t>::max()) {
      throw ScanStop{mark, "the file holds too many values"};
    }
    Tree::Entry e;
    e.count_kind = static_cast<std::uint32_t>(kind) << 30U;
    e.line = static_cast<std::uint32_t>(std::max(mark.line, 0));
    e.column = static_cast<std::uint32_t>(std::max(mark.column, 0));
    tree_.nodes.push_back(e);
    return static_cast<std::uint32_t>(tree_.nodes.size() - 1);
  }
  void define(YAML::anchor_t anchor, std::uint32_t index, std::uint64_t cost, bool closed) {
    if (anchor == 0) return;
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    anchors_[anchor] = {index, cost, true, closed};
  }
  void leaf(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor, std::string_view value) {
    if (value.size() > Tree::max_count ||
        tree_.text.size() + value.size() > std::numeric_limits<std::uint32_t>::max()) {
      throw ScanStop{mark, "the file holds too much text (over 4 GiB, or one value over 1 GiB)"};
    }
    const std::uint32_t index = add_node(kind, mark);
    auto& e = tree_.nodes[index];
    e.first = static_cast<std::uint32_t>(tree_.text.size());
    e.count_kind |= static_cast<std::uint32_t>(value.size());
    tree_.text.append(value);
    const std::uint64_t cost = YamlReader::node_cost + value.size();
    define(anchor, index, cost, true);
    attach(index, cost);
  }
  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= YamlReader::max_depth) {
      throw ScanStop{mark, fmt::format("nesting is deeper than {} levels; a coalition file needs "
                                       "only a few",
                                       YamlReader::max_depth)};
    }
    const std::uint32_t index = add_node(kind, mark);
    define(anchor, index, 0, false);
    stack_.push_back({index, pending_.size(), anchor, YamlReader::node_cost});
  }
  void close() {
    const Frame frame = stack_.back();
    stack_.pop_back();
    auto& e = tree_.nodes[frame.index];
    const std::size_t count = pending_.size() - frame.pending_start;
    const std::size_t entries = e.kind() == Node::Kind::map ? count / 2 : count;
    if (entries > Tree::max_count || tree_.kids.size() + count > std::numeric_limits<std::uint32_t>::max()) {
      throw ScanStop{YAML::Mark::null_mark(), "the file holds too many values"};
    }
    e.first = static_cast<std::uint32_t>(tree_.kids.size());
    e.count_kind |= static_cast<std::uint32_t>(entries);
    tree_.kids.insert(tree_.kids.end(), pending_.begin() + static_cast<std::ptrdiff_t>(frame.pending_start),
                      pending_.end());
    pending_.resize(frame.pending_start);
    define(frame.anchor, frame.index, frame.cost, true);
    attach(frame.index, frame.cost);
  }
  void attach(std::uint32_t index, std::uint64_t cost) {
    if (stack_.empty()) {
      tree_.root = index;
      return;
    }
    pending_.push_back(index);
    stack_.back().cost += cost;
  }

  Tree& tree_;
  YamlReader& reader_;
  std::uint64_t alias_budget_;
  std::uint64_t alias_bytes_ = 0;
  std::vector<Frame> stack_;
  std::vector<std::uint32_t> pending_;
  std::vector<Anchor> anchors_;
  int documents_ = 0;
  bool text_ok_ = true;
};

// Reads a string_view as a stream without copying it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // only read: no put area is set
    setg(p, p, p + text.size());
  }
};

}  // namespace

Node::Kind Node::kind() const { return tree_ == nullptr ? Kind::null : tree_->nodes[index_].kind(); }

std::size_t Node::size() const {
  const Kind k = kind();
  return k == Kind::sequence || k == Kind::map ? tree_->nodes[index_].count() : 0;
}

Node Node::operator[](std::size_t i) const { return {tree_, tree_->kids[tree_->nodes[index_].first + i]}; }

Node Node::key(std::size_t i) const { return {tree_, tree_->kids[tree_->nodes[index_].first + 2 * i]}; }

Node Node::value(std::size_t i) const { return {tree_, tree_->kids[tree_->nodes[index_].first + 2 * i + 1]}; }

std::string_view Node::Scalar() const {
  if (kind() != Kind::scalar) return {};
  const auto& e = tree_->nodes[index_];
  return std::string_view(tree_->text).substr(e.first, e.count());
}

SourcePos Node::pos() const {
  if (tree_ == nullptr) return {};
  const auto& e = tree_->nodes[index_];
  return {static_cast<int>(e.line) + tree_->first_line, static_cast<int>(e.column) + 1};
}

std::uint64_t YamlReader::alias_budget(std::size_t text_bytes) {
  return std::max<std::uint64_t>(std::uint64_t{64} << 20U, std::uint64_t{8} * text_bytes);
}

std::optional<Document> YamlReader::parse(std::string_view text, int first_line) {
  // A UTF-8 byte-order mark is allowed (and skipped by yaml-cpp, so columns start after it).
  const std::size_t origin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  {
    int reported = 0;
    int more = 0;
    std::size_t start = origin;
    while (start < text.size()) {
      std::size_t eol = text.find('\n', start);
      if (eol == std::string_view::npos) eol = text.size();
      std::size_t at = 0;
      const std::string problem = text_problem(text.substr(start, eol - start), true, &at);
      if (!problem.empty()) {
        if (reported < 20) {
          error(offset_pos(text, start + at, origin), problem);
          ++reported;
        } else {
          ++more;
        }
      }
      start = eol + 1;
    }
    if (more > 0) {
      error({}, fmt::format("{} more lines hold bytes that are not allowed", more));
    }
    if (reported > 0) return std::nullopt;
  }
  if (const std::size_t at = flow_too_deep(text, max_depth); at != std::string_view::npos) {
    error(offset_pos(text, at, origin),
          fmt::format("nesting is deeper than {} levels; a coalition file needs only a few", max_depth));
    return std::nullopt;
  }
  auto tree = std::make_unique<Tree>();
  tree->first_line = first_line;
  try {
    ViewBuffer buffer(text);
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    TreeBuilder builder(*tree, *this, alias_budget(text.size()));
    if (!parser.HandleNextDocument(builder)) {
      error({1, 1}, "the file is empty; a coalition file needs at least 'coalition' and 'members'");
      return std::nullopt;
    }
    if (parser.HandleNextDocument(builder)) {
      error({}, "the file holds more than one YAML document; put one coalition in each file");
      return std::nullopt;
    }
    if (!builder.text_ok()) return std::nullopt;
  } catch (const SecondDocument& second) {
    error(to_pos(second.mark), "the file holds more than one YAML document; put one coalition in each file");
    return std::nullopt;
  } catch (const ScanStop& stop) {
    error(to_pos(stop.mark), stop.message);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    error(to_pos(e.mark), fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  }
  tree->nodes.shrink_to_fit();
  tree->kids.shrink_to_fit();
  tree->text.shrink_to_fit();
  return Document(std::move(tree));
}

}  // namespace xsector::detail
