#include "exchange/xml_reader.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>

namespace xsector::detail {

namespace {

/// A small XML 1.0 reader for GraphML: elements, attributes, character data, CDATA,
/// comments, processing instructions and the five predefined entities and character
/// references. A DOCTYPE with an internal subset (entity declarations) is refused, so no
/// entity can expand. Elements live in one flat vector (element 0 is the root); nesting
/// deeper than kMaxDepth is refused at the element's position. Throws InputError at the
/// first error, with its line and column (columns count characters).
class XmlReader {
 public:
  static constexpr std::size_t kMaxDepth = 64;

  XmlReader(std::string_view text, std::string file) : s_(text), file_(std::move(file)) {}

  std::vector<XmlElement> read() {
    check_utf8();
    if (s_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    std::vector<std::size_t> open;
    while (i_ < s_.size()) {
      if (s_[i_] != '<') {
        std::string text = character_data();
        if (open.empty()) {
          if (text.find_first_not_of(" \t\r\n") != std::string::npos) fail(mark_, "text outside the root element");
        } else {
          elements_[open.back()].text += text;
        }
        continue;
      }
      const SourcePos at = here();
      if (starts("<?")) {
        skip_past("?>", at, "a processing instruction");
      } else if (starts("<!--")) {
        skip_past("-->", at, "a comment");
      } else if (starts("<![CDATA[")) {
        if (open.empty()) fail(at, "CDATA outside the root element");
        advance(9);
        const auto end = s_.find("]]>", i_);
        if (end == std::string_view::npos) fail(at, "a CDATA section is never closed");
        elements_[open.back()].text += normalized_newlines(take(end - i_));
        advance(3);
      } else if (starts("<!DOCTYPE")) {
        const auto end = s_.find('>', i_);
        const auto bracket = s_.find('[', i_);
        if (bracket != std::string_view::npos && (end == std::string_view::npos || bracket < end)) {
          fail(at, "a DOCTYPE with declarations is not supported (its entities could expand without bound)");
        }
        if (end == std::string_view::npos) fail(at, "a DOCTYPE is never closed");
        advance(end + 1 - i_);
      } else if (starts("<!")) {
        fail(at, "unexpected '<!'");
      } else if (starts("</")) {
        advance(2);
        const std::string name = qname();
        skip_space();
        expect('>');
        if (open.empty()) fail(at, fmt::format("</{}> closes nothing", name));
        const XmlElement& top = elements_[open.back()];
        if (name != qnames_[open.back()]) {
          fail(at, fmt::format("</{}> closes <{}> opened at {}:{}", name, qnames_[open.back()], top.pos.line,
                               top.pos.column));
        }
        open.pop_back();
      } else {
        advance(1);
        if (open.empty() && !elements_.empty()) fail(at, "a second root element");
        if (open.size() >= kMaxDepth) fail(at, fmt::format("elements are nested deeper than {}", kMaxDepth));
        XmlElement e;
        e.pos = at;
        e.depth = open.size();
        const std::string name = qname();
        e.name = local(name);
        bool empty = false;
        while (true) {
          const bool spaced = skip_space();
          if (i_ >= s_.size()) fail(at, fmt::format("<{}> is never closed", name));
          if (starts("/>")) {
            advance(2);
            empty = true;
            break;
          }
          if (s_[i_] == '>') {
            advance(1);
            break;
          }
          if (!spaced) fail(here(), "expected a space, '>' or '/>'");
          XmlAttribute a;
          a.pos = here();
          a.name = qname();
          skip_space();
          expect('=');
          skip_space();
          a.value = attribute_value();
          if (e.attribute(a.name) != nullptr) fail(a.pos, fmt::format("attribute '{}' is given twice", a.name));
          e.attributes.push_back(std::move(a));
        }
        const std::size_t index = elements_.size();
        if (!open.empty()) elements_[open.back()].children.push_back(index);
        elements_.push_back(std::move(e));
        qnames_.push_back(name);
        if (!empty) open.push_back(index);
      }
    }
    if (!open.empty()) {
      const XmlElement& e = elements_[open.back()];
      fail(here(), fmt::format("<{}> opened at {}:{} is never closed", qnames_[open.back()], e.pos.line, e.pos.column));
    }
    if (elements_.empty()) fail(here(), "no root element: the file is not XML");
    return std::move(elements_);
  }

 private:
  [[noreturn]] void fail(SourcePos pos, std::string message) const {
    throw InputError({Diagnostic{file_, pos, "not valid XML: " + std::move(message)}});
  }
  [[nodiscard]] SourcePos here() const { return {line_, column_}; }
  [[nodiscard]] bool starts(std::string_view p) const { return s_.substr(i_).starts_with(p); }
  void advance(std::size_t n) {
    for (std::size_t k = 0; k < n && i_ < s_.size(); ++k, ++i_) {
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == '\n') {
        ++line_;
        column_ = 1;
      } else if ((ch & 0xC0) != 0x80) {
        ++column_;
      }
    }
  }
  std::string take(std::size_t n) {
    std::string out(s_.substr(i_, n));
    advance(n);
    return out;
  }
  void skip_past(std::string_view end, SourcePos at, std::string_view what) {
    const auto found = s_.find(end, i_ + 2);
    if (found == std::string_view::npos) fail(at, fmt::format("{} is never closed", what));
    advance(found + end.size() - i_);
  }
  bool skip_space() {
    const std::size_t from = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) advance(1);
    return i_ > from;
  }
  void expect(char ch) {
    if (i_ >= s_.size() || s_[i_] != ch) fail(here(), fmt::format("expected '{}'", ch));
    advance(1);
  }
  static bool name_char(unsigned char ch) {
    return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch >= 0x80;
  }
  std::string qname() {
    const std::size_t from = i_;
    while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) advance(1);
    if (i_ == from) fail(here(), "expected a name");
    return std::string(s_.substr(from, i_ - from));
  }
  static std::string local(const std::string& name) {
    const auto colon = name.rfind(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
  }
  static std::string normalized_newlines(const std::string& text) {
    std::string out;
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\r') {
        out += '\n';
        if (k + 1 < text.size() && text[k + 1] == '\n') ++k;
      } else {
        out += text[k];
      }
    }
    return out;
  }
  /// A character that XML 1.0 does not allow: C0 controls other than tab, LF and CR.
  void check_char(unsigned char ch) {
    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
      fail(here(), fmt::format("control character U+{:04X} is not allowed", ch));
    }
  }
  void reference(std::string& out) {
    const SourcePos at = here();
    const auto end = s_.find(';', i_);
    if (end == std::string_view::npos || end - i_ > 12) fail(at, "'&' starts no entity: write &amp;");
    const std::string_view name = s_.substr(i_ + 1, end - i_ - 1);
    static const std::map<std::string_view, char> predefined = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    if (const auto it = predefined.find(name); it != predefined.end()) {
      out += it->second;
    } else if (name.starts_with('#')) {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || !allowed) {
        fail(at, fmt::format("&{}; is not a character XML allows", name));
      }
      utf8(cp, out);
    } else {
      fail(at, fmt::format("unknown entity &{};", name));
    }
    advance(end + 1 - i_);
  }
  static void utf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  std::string character_data() {
    mark_ = here();
    std::string out;
    while (i_ < s_.size() && s_[i_] != '<') {
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == '&') {
        reference(out);
        continue;
      }
      check_char(ch);
      if (ch == '\r') {
        out += '\n';
        advance(1);
        if (i_ < s_.size() && s_[i_] == '\n') advance(1);
        continue;
      }
      out += static_cast<char>(ch);
      advance(1);
    }
    return out;
  }
  std::string attribute_value() {
    if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) fail(here(), "expected a quoted value");
    const char quote = s_[i_];
    const SourcePos at = here();
    advance(1);
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail(at, "a quoted value is never closed");
      const auto ch = static_cast<unsigned char>(s_[i_]);
      if (ch == static_cast<unsigned char>(quote)) break;
      if (ch == '<') fail(here(), "'<' inside an attribute value");
      if (ch == '&') {
        reference(out);
        continue;
      }
      check_char(ch);
      out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : static_cast<char>(ch);
      advance(1);
    }
    advance(1);
    return out;
  }
  /// The whole text must be UTF-8; the first bad byte is reported where it is.
  void check_utf8() {
    std::size_t k = 0;
    while (k < s_.size()) {
      const auto ch = static_cast<unsigned char>(s_[k]);
      std::size_t n = 0;
      std::uint32_t min = 0;
      if (ch < 0x80)
        n = 1;
      else if ((ch & 0xE0) == 0xC0)
        n = 2, min = 0x80;
      else if ((ch & 0xF0) == 0xE0)
        n = 3, min = 0x800;
      else if ((ch & 0xF8) == 0xF0)
        n = 4, min = 0x10000;
      bool ok = n > 0 && k + n <= s_.size();
      std::uint32_t cp = n == 1 ? ch : (ch & (0x7F >> n));
      for (std::size_t j = 1; ok && j < n; ++j) {
        const auto c = static_cast<unsigned char>(s_[k + j]);
        ok = (c & 0xC0) == 0x80;
        cp = (cp << 6) | (c & 0x3F);
      }
      if (ok && n > 1) ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
      if (!ok) {
        advance(k - i_);
        fail(here(), "the file is not UTF-8 (save it as UTF-8)");
      }
      k += n;
    }
  }

  std::string_view s_;
  std::string file_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  SourcePos mark_;
  std::vector<XmlElement> elements_;
  std::vector<std::string> qnames_;
};

}  // namespace

std::vector<XmlElement> read_xml(std::string_view text, const std::string& file) {
  return XmlReader(text, file).read();
}

}  // namespace xsector::detail
