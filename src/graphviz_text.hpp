// Text as Graphviz reads it. Internal.
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

}  // namespace xsector::detail
