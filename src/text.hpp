// Escaping text for Graphviz and HTML. Internal.
#pragma once

#include <string>
#include <string_view>

namespace xsector::detail {

/// A label Graphviz draws literally: `\` would start an escape such as \N, `&` an entity.
inline std::string literal(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
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

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
inline std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace xsector::detail
