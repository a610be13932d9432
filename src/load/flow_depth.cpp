// The flow-nesting check on a YAML text, before yaml-cpp sees it (YamlReader::parse).
//
// yaml-cpp scans a whole run of unclosed flow collections ('[', '{') into its token queue
// before it emits the first event, at about 200 bytes a bracket, so the depth limit must
// be checked on the text first. The scanner follows YAML's lexical rules closely enough to
// skip quoted scalars, comments, block scalars and the continuation lines of plain scalars;
// a plain scalar that begins a line with brackets may be counted too, which errs on the
// side of refusing.
#include <string_view>

#include "load/yaml_reader.hpp"

namespace xsector::detail {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The lexical state carried from one character, and one line, to the next.
class FlowScanner {
 public:
  FlowScanner(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  // The offset of the first bracket deeper than max_depth, or npos.
  std::size_t run() {
    std::size_t i = 0;
    while (i < s_.size()) {
      std::size_t eol = s_.find('\n', i);
      if (eol == std::string_view::npos) eol = s_.size();
      if (const std::size_t at = line(i, eol); at != std::string_view::npos) return at;
      i = eol + 1;
    }
    return std::string_view::npos;
  }

 private:
  // The line [begin, eol): the offset of a bracket too deep, or npos.
  std::size_t line(std::size_t begin, std::size_t eol) {
    std::size_t j = begin;
    while (j < eol && s_[j] == ' ') ++j;
    bool empty = true;
    for (std::size_t k = j; k < eol; ++k) empty = empty && blank(s_[k]);
    const auto indent = static_cast<long>(j - begin);
    const bool block = quote_ == 0 && depth_ == 0;
    if (block && goes_on(j, empty, indent)) return std::string_view::npos;
    const std::size_t start = block ? block_line_start(begin, j, eol, indent) : (quote_ != 0 ? begin : j);
    char prev = ' ';
    for (std::size_t p = start; p < eol; ++p) {
      const char c = s_[p];
      if (quote_ != 0) {
        quoted(p, eol, prev);
        continue;
      }
      if (c == '#' && (prev == ' ' || prev == '\t')) break;
      const bool ends_token = p + 1 >= eol || blank(s_[p + 1]);
      if (depth_ > 0) {
        if (flow(c)) return p;
      } else if (!blank(c) && !block_token(p, begin, eol, ends_token)) {
        break;
      }
      prev = c;
      if (!blank(c)) last_ = c;
    }
    if (depth_ > 0 || quote_ != 0) plain_open_ = false;
    return std::string_view::npos;
  }

  // True when a line of block context belongs to a block scalar or continues a plain scalar
  // (blank lines and lines indented past its entry; a comment ends it), so holds no token.
  bool goes_on(std::size_t j, bool empty, long indent) {
    if (block_scalar_ >= 0) {
      if (empty || indent > block_scalar_) return true;
      block_scalar_ = -1;
    }
    if (plain_open_) {
      if (empty) return true;
      if (s_[j] == '#') {
        plain_open_ = false;
        return true;
      }
      if (indent > entry_col_) return true;
      plain_open_ = false;
    }
    return false;
  }

  // Where the tokens of a block-context line start: past a document marker ("---", "...").
  std::size_t block_line_start(std::size_t begin, std::size_t j, std::size_t eol, long indent) {
    value_start_ = true;
    entry_col_ = indent;
    if (j == begin && eol - j >= 3 && (s_.substr(j, 3) == "---" || s_.substr(j, 3) == "...") &&
        (j + 3 == eol || blank(s_[j + 3]))) {
      return j + 3;
    }
    return j;
  }

  // Inside a quoted scalar: `p` moves past an escape or a doubled quote.
  void quoted(std::size_t& p, std::size_t eol, char& prev) {
    const char c = s_[p];
    if (quote_ == '\'') {
      if (c != '\'') return;
      if (p + 1 < eol && s_[p + 1] == '\'') {
        ++p;
        return;
      }
    } else if (c == '\\') {
      ++p;
      return;
    } else if (c != '"') {
      return;
    }
    quote_ = 0;
    last_ = prev = c;
  }

  // A character inside flow collections: true when it opens one too deep.
  bool flow(char c) {
    if (c == '[' || c == '{') return ++depth_ > max_depth_;
    if (c == ']' || c == '}') {
      if (--depth_ == 0) value_start_ = false;
    } else if ((c == '"' || c == '\'') && (last_ == '[' || last_ == '{' || last_ == ',' || last_ == ':')) {
      quote_ = c;
    }
    return false;
  }

  // A non-blank character of block context; `p` moves past an anchor or a tag. False when
  // the rest of the line is the header of a block scalar.
  bool block_token(std::size_t& p, std::size_t begin, std::size_t eol, bool ends_token) {
    const char c = s_[p];
    const auto col = static_cast<long>(p - begin);
    if (!value_start_) {
      if (c == ':' && ends_token) {
        entry_col_ = token_col_;  // the scalar before it was a key
        plain_open_ = false;
        value_start_ = true;
      }
      return true;
    }
    if (c == '[' || c == '{') {
      depth_ = 1;
      value_start_ = false;
    } else if (c == '"' || c == '\'') {
      quote_ = c;
      token_col_ = col;
      value_start_ = false;
    } else if (c == '|' || c == '>') {
      block_scalar_ = entry_col_;
      return false;
    } else if ((c == '-' || c == '?') && ends_token) {
      entry_col_ = col;
    } else if (c == ':' && ends_token) {
      // an empty key; the value follows
    } else if (c == '&' || c == '!') {
      while (p + 1 < eol && !blank(s_[p + 1])) ++p;
    } else {
      token_col_ = col;
      value_start_ = false;
      plain_open_ = c != '*';  // an alias is not a scalar that lines can continue
    }
    return true;
  }

  std::string_view s_;
  int max_depth_;
  int depth_ = 0;
  char quote_ = 0;
  char last_ = '\n';         // the last non-blank character seen (for quotes in flow)
  bool value_start_ = true;  // block context: the next token starts a node
  bool plain_open_ = false;  // block context: the line ended inside a plain scalar
  long entry_col_ = 0;       // column of the latest '-', '?' or key: the block indentation
  long token_col_ = 0;       // column where the latest scalar began
  long block_scalar_ = -1;   // >= 0: skipping the lines of a block scalar indented more
};

}  // namespace

std::size_t flow_too_deep(std::string_view text, int max_depth) { return FlowScanner(text, max_depth).run(); }

}  // namespace xsector::detail
