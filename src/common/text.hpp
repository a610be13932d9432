// Escaping text for Graphviz, HTML, CSV, Markdown and terminals; printing numbers. Internal.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace xsector::detail {

/// A label Graphviz draws literally: `\` would start an escape such as \N, `&` an entity.
inline std::string literal(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

/// `s` cut to at most `limit` characters (code points of UTF-8), the last of them `…` when
/// anything was cut; a cut never splits a multi-byte character. O(bytes of `s` up to the cut).
inline std::string cut_text(std::string_view s, std::size_t limit) {
  std::size_t chars = 0;
  std::size_t keep = s.size();  // bytes of the first limit - 1 characters
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) == 0x80U) continue;  // a continuation byte
    if (chars + 1 == limit) keep = i;
    if (++chars > limit) return limit == 0 ? std::string() : std::string(s.substr(0, keep)) + "\u2026";
  }
  return std::string(s);
}

/// Text safe inside HTML, XML and Graphviz HTML-like labels. Graphviz also expands \G, \N
/// ... inside HTML-like labels, so `graphviz` doubles backslashes too.
inline std::string html_escaped(std::string_view text, bool graphviz = false) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\\': out += graphviz ? "\\\\" : "\\"; break;
      default: out += ch;
    }
  }
  return out;
}

/// True for a text cell a spreadsheet would run as a formula (OWASP "CSV injection"): it
/// begins with = + - @, a tab or a carriage return.
inline bool formula_like(std::string_view s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

/// True when `s` is zero or more `'` followed by a formula character.
inline bool quoted_formula_like(std::string_view s) {
  const auto first = s.find_first_not_of('\'');
  return first != std::string_view::npos && formula_like(s.substr(first));
}

/// A CSV text field (RFC 4180): quoted when it holds a comma, quote or line break. A field
/// that a spreadsheet would run as a formula gets a leading `'` (OWASP), and so does one made
/// of `'`s followed by such a character, so removing one leading `'` on import
/// (csv_text_value) gives back exactly the original. Numbers are not text cells: write them
/// without this function, so -0.25 stays a number.
inline std::string csv_cell(const std::string& s) {
  std::string text = quoted_formula_like(s) ? "'" + s : s;
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

/// The value of a CSV text cell written by csv_cell: one leading `'` is removed from `'`s
/// followed by a formula character.
inline std::string csv_text_value(const std::string& s) {
  return s.starts_with('\'') && quoted_formula_like(s) ? s.substr(1) : s;
}

/// -0 becomes 0; every other value is unchanged.
inline double without_negative_zero(double v) { return v == 0 ? 0.0 : v; }

/// The shortest text that reads back as `v` ({fmt}'s `{}`), never `-0`.
inline std::string number_text(double v) { return fmt::format("{}", without_negative_zero(v)); }

/// `v` with `digits` decimals; a value that rounds to zero prints without a sign (never `-0.000`).
inline std::string fixed_text(double v, int digits) {
  std::string s = fmt::format("{:.{}f}", v, digits);
  if (!s.empty() && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

/// Text a terminal shows as it is: C0 control characters (ESC starts ANSI sequences), DEL and
/// the C1 controls U+0080-U+009F are written as visible `\xNN` / `\u00NN` escapes; line breaks
/// too unless `keep_newlines`. Tabs become spaces.
inline std::string terminal_safe(std::string_view s, bool keep_newlines = false) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch == '\n' && keep_newlines) {
      out += '\n';
    } else if (ch == '\t') {
      out += ' ';
    } else if (ch < 0x20 || ch == 0x7F) {
      out += fmt::format("\\x{:02X}", ch);
    } else if (ch == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += fmt::format("\\u00{:02X}", static_cast<unsigned char>(s[i + 1]));
      ++i;
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

/// Columns `s` takes on a terminal, read as UTF-8: one per code point, two for East Asian
/// wide and fullwidth characters and wide emoji (the ranges {fmt} uses to pad), none for
/// combining diacritical marks (U+0300-U+036F). A byte that does not start a valid sequence
/// counts one column. O(bytes of `s`).
inline std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    char32_t cp = lead;
    if (lead >= 0xC2 && lead <= 0xF4) {
      length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4);
      cp = lead & (lead < 0xE0 ? 0x1FU : (lead < 0xF0 ? 0x0FU : 0x07U));
      for (std::size_t k = 1; k < length; ++k) {
        const auto next = i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0U;
        if ((next & 0xC0U) != 0x80U) {
          length = 1;
          cp = lead;
          break;
        }
        cp = (cp << 6U) | (next & 0x3FU);
      }
    }
    i += length;
    if (length > 1 && cp >= 0x300 && cp <= 0x36F) continue;
    const bool wide =
        length > 1 && cp >= 0x1100 &&
        (cp <= 0x115F || cp == 0x2329 || cp == 0x232A || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
         (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
         (cp >= 0x20000 && cp <= 0x2FFFD) || (cp >= 0x30000 && cp <= 0x3FFFD) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF));
    width += wide ? 2 : 1;
  }
  return width;
}

/// User text inside a Markdown line (never at its start), shown literally by CommonMark and
/// GitHub renderers: `&`, `<`, `>` become entities (no raw HTML); line breaks and other
/// control characters are written as visible escapes as in terminal_safe (no injected
/// headings or list items); the characters that make links, images, emphasis, code spans,
/// table cells or heading ends (\ ` * _ { } [ ] ( ) # | ~ ! and `:` and `@`, which GitHub's
/// autolinker needs for `javascript:`, `https:` and e-mail links) are backslash-escaped, and
/// so is the `.` of `www.`, so no link can come from user text.
inline std::string markdown_text(std::string_view s) {
  std::string out;
  const std::string text = terminal_safe(s);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '{':
      case '}':
      case '[':
      case ']':
      case '(':
      case ')':
      case '#':
      case '|':
      case '~':
      case '!':
      case ':':
      case '@':
        out += '\\';
        out += ch;
        break;
      case '.':
        if (i >= 3 && (text.compare(i - 3, 3, "www") == 0 || text.compare(i - 3, 3, "WWW") == 0)) out += '\\';
        out += ch;
        break;
      default: out += ch;
    }
  }
  return out;
}

/// "1 relationship", "2 relationships": a count with its noun, singular for one.
inline std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// "Hub's", "Social services'": the possessive of a name (a name ending in s takes only
/// the apostrophe).
inline std::string possessive(std::string_view name) {
  if (name.empty()) return {};
  return fmt::format("{}{}", name, name.back() == 's' || name.back() == 'S' ? "'" : "'s");
}

/// Text saved as UTF-16 (or UTF-32) rather than UTF-8: it starts with a UTF-16 byte-order
/// mark (FF FE or FE FF), or NUL bytes make up a quarter or more of its first 256 bytes.
inline bool utf16_like(std::string_view s) {
  if (s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF")) return true;
  const std::string_view head = s.substr(0, 256);
  std::size_t nuls = 0;
  for (const char ch : head) nuls += ch == '\0' ? 1 : 0;
  return !head.empty() && nuls * 4 >= head.size();
}

}  // namespace xsector::detail
