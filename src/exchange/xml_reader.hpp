// XML read without recursion, every element and attribute with its position. Internal:
// the GraphML import reads with it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/error.hpp"

namespace xsector::detail {

struct XmlAttribute {
  std::string name;
  std::string value;
  SourcePos pos;
};

struct XmlElement {
  std::string name;  ///< the local name: a namespace prefix is dropped
  SourcePos pos;
  std::vector<XmlAttribute> attributes;
  std::string text;  ///< its own character data, not its children's
  std::vector<std::size_t> children;
  std::size_t depth = 0;
  [[nodiscard]] const XmlAttribute* attribute(std::string_view n) const {
    for (const auto& a : attributes) {
      if (a.name == n) return &a;
    }
    return nullptr;
  }
  [[nodiscard]] std::string get(std::string_view n) const {
    const auto* a = attribute(n);
    return a ? a->value : std::string();
  }
};

/// Reads XML 1.0 for GraphML: elements, attributes, character data, CDATA, comments,
/// processing instructions and the five predefined entities and character references. A
/// DOCTYPE with an internal subset (entity declarations) is refused, so no entity can
/// expand. Elements come in one flat vector (element 0 is the root); nesting deeper than
/// 64 elements is refused at the element's position. Throws InputError at the first error,
/// with its line and column (columns count characters). Time: O(size of the text).
std::vector<XmlElement> read_xml(std::string_view text, const std::string& file);

}  // namespace xsector::detail
