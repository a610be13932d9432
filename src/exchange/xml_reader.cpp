#include "exchange/xml_reader.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <exception>
#include <utility>

#include "common/text.hpp"

namespace xsector::detail {

namespace {

/// The local part of a name: after a namespace (`uri|local`, namespace mode) or a prefix.
std::string_view local_name(std::string_view name) {
  const auto cut = name.find_last_of("|:");
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
}

/// Bytes of the UTF-8 sequence starting at `k` when it is valid (no overlong form, no
/// surrogate, at most U+10FFFF), else 0.
std::size_t utf8_length(std::string_view s, std::size_t k) {
  const auto ch = static_cast<unsigned char>(s[k]);
  std::size_t n = 0;
  std::uint32_t cp = 0, min = 0;
  if (ch < 0x80) return 1;
  if ((ch & 0xE0) == 0xC0) {
    n = 2, min = 0x80, cp = ch & 0x1FU;
  } else if ((ch & 0xF0) == 0xE0) {
    n = 3, min = 0x800, cp = ch & 0x0FU;
  } else if ((ch & 0xF8) == 0xF0) {
    n = 4, min = 0x10000, cp = ch & 0x07U;
  } else {
    return 0;
  }
  if (k + n > s.size()) return 0;
  for (std::size_t j = 1; j < n; ++j) {
    const auto c = static_cast<unsigned char>(s[k + j]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6U) | (c & 0x3FU);
  }
  return cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) ? n : 0;
}

/// Line and column (characters) of byte `offset`, counted from `from` at `at`.
SourcePos advance(std::string_view s, std::size_t from, std::size_t offset, SourcePos at) {
  for (std::size_t k = from; k < offset && k < s.size(); ++k) {
    const auto ch = static_cast<unsigned char>(s[k]);
    if (ch == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((ch & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

bool name_char(unsigned char ch) {
  return std::isalnum(ch) != 0 || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch >= 0x80;
}

/// The XML name starting at byte `k`.
std::string_view name_at(std::string_view s, std::size_t k) {
  std::size_t end = k;
  while (end < s.size() && end - k < 200 && name_char(static_cast<unsigned char>(s[end]))) ++end;
  return s.substr(k, end - k);
}

}  // namespace

XmlAttributes::XmlAttributes(const char** atts) : atts_(atts) {
  while (atts_[2 * size_] != nullptr) ++size_;
}

std::string_view XmlAttributes::name(std::size_t i) const { return local_name(atts_[2 * i]); }

const char* XmlAttributes::find(std::string_view local) const {
  for (std::size_t i = 0; i < size_; ++i) {
    if (name(i) == local) return atts_[2 * i + 1];
  }
  return nullptr;
}

struct XmlStream::Impl {
  XmlStream* self = nullptr;
  Mode mode = Mode::utf8;
  XML_Parser parser = nullptr;
  std::string_view text;
  std::string error;
  SourcePos error_at;
  std::exception_ptr pending;
  std::vector<std::pair<std::string, SourcePos>> open;  // the open elements: name as written, where
  bool root_seen = false;

  [[nodiscard]] SourcePos here() const {
    SourcePos at{static_cast<int>(XML_GetCurrentLineNumber(parser)),
                 static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1};
    if (at.line == 1 && at.column > 1 && text.starts_with("\xEF\xBB\xBF")) --at.column;  // expat counts a BOM
    return at;
  }
  [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(XML_GetCurrentByteIndex(parser)); }

  template <typename F>
  void guarded(F&& f) {
    if (!error.empty() || pending) return;
    try {
      f();
    } catch (...) {
      pending = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }
  static void start(void* data, const XML_Char* name, const XML_Char** atts) {
    auto* impl = static_cast<Impl*>(data);
    impl->guarded([&] {
      const SourcePos at = impl->here();
      if (impl->open.size() >= kMaxXmlDepth) {
        impl->self->fail(fmt::format("not valid XML: elements are nested deeper than {}", kMaxXmlDepth));
        return;
      }
      impl->open.emplace_back(impl->mode == Mode::utf8 ? std::string_view(name) : local_name(name), at);
      impl->root_seen = true;
      if (impl->self->on_start) impl->self->on_start(local_name(name), XmlAttributes(atts));
    });
  }
  static void end(void* data, const XML_Char* name) {
    auto* impl = static_cast<Impl*>(data);
    impl->guarded([&] {
      if (impl->self->on_end) impl->self->on_end(local_name(name));
      impl->open.pop_back();
    });
  }
  static void chars(void* data, const XML_Char* s, int len) {
    auto* impl = static_cast<Impl*>(data);
    impl->guarded([&] {
      if (impl->self->on_text) impl->self->on_text(std::string_view(s, static_cast<std::size_t>(len)));
    });
  }
  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* impl = static_cast<Impl*>(data);
    impl->self->fail(
        "not valid XML: a DOCTYPE is not allowed (the entities it can declare could expand without bound); remove the "
        "<!DOCTYPE "
        "...> declaration");
    // At its `<!DOCTYPE`, which expat has read past, when the text can be searched for it.
    const std::size_t k = impl->text.rfind("<!DOCTYPE", impl->offset());
    if (k != std::string_view::npos) impl->error_at = impl->position_of(k);
  }

  /// Refuses UTF-16 and bytes that are not UTF-8 before expat sees them, at their place.
  void check_utf8(const std::string& where) const {
    auto refuse = [&](SourcePos at, const std::string& message) {
      throw InputError({Diagnostic{where, at, "not valid XML: " + message}});
    };
    if (utf16_like(text)) refuse({1, 1}, "the file is UTF-16 text; save it as UTF-8");
    for (std::size_t k = 0; k < text.size();) {
      const std::size_t n = utf8_length(text, k);
      if (n == 0) refuse(advance(text, 0, k, {1, 1}), "the file is not UTF-8 (save it as UTF-8)");
      k += n;
    }
  }

  /// Line and column of byte `k` of the text (counted from the start: for messages only).
  [[nodiscard]] SourcePos position_of(std::size_t k) const {
    return advance(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0, k, {1, 1});  // as expat, not counting a BOM
  }

  /// What went wrong, in words, and where, for expat's error `code`. In Mode::utf8 the bytes
  /// around expat's position say more than its message (which tag, which entity).
  [[nodiscard]] std::pair<std::string, SourcePos> describe(XML_Error code) const {
    const std::size_t k = offset();
    const bool raw = (mode == Mode::utf8 || !utf16_like(text)) && k <= text.size();  // bytes readable as UTF-8
    const SourcePos pos = raw ? position_of(k) : here();
    auto byte = [&](std::size_t i) { return raw && i < text.size() ? text[i] : '\0'; };
    auto opened = [&] {
      return fmt::format("<{}> opened at {}:{}", open.back().first, open.back().second.line, open.back().second.column);
    };
    switch (code) {
      case XML_ERROR_TAG_MISMATCH: {
        if (open.empty()) break;
        const std::size_t tag = byte(k) == '<' ? k : k >= 2 && byte(k - 2) == '<' ? k - 2 : std::string_view::npos;
        if (tag == std::string_view::npos || byte(tag + 1) != '/')
          return {"a closing tag does not match " + opened(), pos};
        return {fmt::format("</{}> closes {}", name_at(text, tag + 2), opened()), position_of(tag)};
      }
      case XML_ERROR_NO_ELEMENTS:
        if (!open.empty()) return {opened() + " is never closed", pos};
        if (!root_seen) return {"no root element: the file is not XML", pos};
        break;
      case XML_ERROR_DUPLICATE_ATTRIBUTE:
        if (raw) return {fmt::format("attribute '{}' is given twice", name_at(text, k)), pos};
        break;
      case XML_ERROR_UNDEFINED_ENTITY:
        if (byte(k) == '&') return {fmt::format("unknown entity &{};", name_at(text, k + 1)), pos};
        break;
      case XML_ERROR_BAD_CHAR_REF:
        if (byte(k) == '&') {
          const auto end = text.find(';', k);
          return {fmt::format("{} is not a character XML allows", text.substr(k, end + 1 - k)), pos};
        }
        break;
      case XML_ERROR_UNCLOSED_TOKEN:
        if (byte(k) == '<') {
          const std::string_view tag = text.substr(k, std::min<std::size_t>(40, text.find_first_of(" \t\r\n", k) - k));
          return {fmt::format("the file ends inside {}", tag), pos};
        }
        break;
      case XML_ERROR_SYNTAX:
      case XML_ERROR_INVALID_TOKEN: {
        if (!root_seen && raw) {  // text before the root element
          const std::size_t first = text.find_first_not_of(" \t\r\n", text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
          if (first < k && byte(first) != '<') return {"text outside the root element", position_of(first)};
        }
        if (byte(k) == '&') return {"'&' starts no entity: write &amp;", pos};
        if (k >= 1 && byte(k - 1) == '&') return {"'&' starts no entity: write &amp;", position_of(k - 1)};
        if (byte(k) == '<') return {"'<' where it cannot be: write &lt; in text and attribute values", pos};
        const auto ch = static_cast<unsigned char>(byte(k));
        if (raw && k < text.size() && ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
          return {fmt::format("control character U+{:04X} is not allowed", ch), pos};
        break;
      }
      case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        if (raw) return {byte(k) == '<' ? "a second root element" : "text outside the root element", pos};
        break;
      default: break;
    }
    return {XML_ErrorString(code), pos};
  }
};

XmlStream::XmlStream(std::string where, Mode mode) : where_(std::move(where)), impl_(std::make_unique<Impl>()) {
  impl_->self = this;
  impl_->mode = mode;
}

XmlStream::~XmlStream() {
  if (impl_->parser != nullptr) XML_ParserFree(impl_->parser);
}

void XmlStream::parse(std::string_view text) {
  Impl& m = *impl_;
  m.text = text;
  if (m.mode == Mode::utf8) m.check_utf8(where_);
  m.parser = m.mode == Mode::utf8 ? XML_ParserCreate("UTF-8") : XML_ParserCreateNS(nullptr, '|');
  if (m.parser == nullptr) throw InputError({Diagnostic{where_, {1, 1}, "cannot create an XML parser"}});
  XML_SetUserData(m.parser, &m);
  XML_SetElementHandler(m.parser, &Impl::start, &Impl::end);
  XML_SetCharacterDataHandler(m.parser, &Impl::chars);
  XML_SetStartDoctypeDeclHandler(m.parser, &Impl::doctype);
  // In pieces: XML_Parse takes an int length. Positions and byte indexes count from the start.
  constexpr std::size_t kPiece = std::size_t{1} << 26U;
  std::size_t from = 0;
  bool ok = true;
  do {
    const std::size_t n = std::min(kPiece, text.size() - from);
    const bool last = from + n == text.size();
    ok = XML_Parse(m.parser, text.data() + from, static_cast<int>(n), last ? 1 : 0) == XML_STATUS_OK;
    from += n;
  } while (ok && from < text.size());
  if (m.pending) std::rethrow_exception(m.pending);
  if (!ok) {
    if (!m.error.empty()) throw InputError({Diagnostic{where_, m.error_at, m.error}});
    auto [message, at] = m.describe(XML_GetErrorCode(m.parser));
    throw InputError({Diagnostic{where_, at, "not valid XML: " + message}});
  }
}

void XmlStream::fail(std::string message) {
  if (impl_->error.empty()) {
    impl_->error = std::move(message);
    impl_->error_at = impl_->here();
  }
  XML_StopParser(impl_->parser, XML_FALSE);
}

SourcePos XmlStream::here() const { return impl_->here(); }

std::size_t XmlStream::depth() const { return impl_->open.size(); }

std::vector<SourcePos> XmlStream::attribute_positions() const {
  const Impl& m = *impl_;
  std::vector<SourcePos> out;
  if (m.mode != Mode::utf8) return out;
  const std::size_t start = m.offset();
  const std::size_t end = std::min(m.text.size(), start + static_cast<std::size_t>(XML_GetCurrentByteCount(m.parser)));
  const std::string_view s = m.text;
  SourcePos at = m.here();
  std::size_t k = start + 1;
  at.column += 1;
  const std::size_t name_end = k + name_at(s, k).size();
  at = advance(s, k, name_end, at);
  k = name_end;
  while (k < end) {
    const auto ch = static_cast<unsigned char>(s[k]);
    if (ch == '"' || ch == '\'') {  // a value: skip to its closing quote
      const auto close = s.find(static_cast<char>(ch), k + 1);
      const std::size_t after = close == std::string_view::npos ? end : close + 1;
      at = advance(s, k, after, at);
      k = after;
    } else if (name_char(ch) && ch != '.' && ch != '-') {  // a name starts
      out.push_back(at);
      const std::size_t after = k + std::max<std::size_t>(1, name_at(s, k).size());
      at = advance(s, k, after, at);
      k = after;
    } else {
      at = advance(s, k, k + 1, at);
      ++k;
    }
  }
  return out;
}

const XmlElement::Attribute* XmlElement::attribute(std::string_view n) const {
  const auto it = std::find_if(attributes.begin(), attributes.end(), [&](const Attribute& a) { return a.name == n; });
  return it == attributes.end() ? nullptr : &*it;
}

std::string XmlElement::get(std::string_view n) const {
  const Attribute* a = attribute(n);
  return a != nullptr ? a->value : std::string();
}

std::vector<XmlElement> read_xml(std::string_view text, const std::string& file,
                                 std::initializer_list<std::string_view> keep,
                                 std::initializer_list<std::string_view> keep_attributes) {
  std::vector<XmlElement> elements;
  std::vector<std::size_t> open;  // for each open element: its index, or npos when not kept
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  XmlStream xml(file, XmlStream::Mode::utf8);
  auto wanted = [](std::initializer_list<std::string_view> names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  xml.on_start = [&](std::string_view name, const XmlAttributes& attributes) {
    if (!open.empty() && !wanted(keep, name)) {
      open.push_back(kNone);
      return;
    }
    XmlElement e;
    e.name = name;
    e.pos = xml.here();
    e.depth = open.size();
    std::vector<SourcePos> positions;
    bool scanned = false;
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      if (!wanted(keep_attributes, attributes.name(i))) continue;
      if (!scanned) positions = xml.attribute_positions();
      scanned = true;
      const SourcePos pos = i < positions.size() ? positions[i] : e.pos;
      e.attributes.push_back({std::string(attributes.name(i)), std::string(attributes.value(i)), pos});
    }
    if (!open.empty() && open.back() != kNone) elements[open.back()].children.push_back(elements.size());
    open.push_back(elements.size());
    elements.push_back(std::move(e));
  };
  xml.on_end = [&](std::string_view) { open.pop_back(); };
  xml.on_text = [&](std::string_view t) {
    if (!open.empty() && open.back() != kNone) elements[open.back()].text += t;
  };
  xml.parse(text);
  return elements;
}

}  // namespace xsector::detail
