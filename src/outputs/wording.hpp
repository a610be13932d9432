// Wording shared by the sentences of findings (src/outputs/, internal): counts with their
// noun, possessives, shares as percentages and lists of names.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.hpp"

namespace xsector::detail {

/// A share in [0, 1] as a whole percentage: "42%".
inline std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

/// "A", "A and B", "A, B and C" (or with another last word), or "A, B, C, D and 2 more"
/// past `limit` names.
inline std::string listed(const std::vector<std::string>& names, std::size_t limit, std::string_view last = " and ") {
  std::string out;
  const std::size_t shown = std::min(limit, names.size());
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == shown && names.size() <= limit ? std::string(last) : std::string(", ");
    out += names[i];
  }
  if (names.size() > limit) out += fmt::format(" and {} more", names.size() - limit);
  return out;
}

/// Every name: "A", "A and B", "A, B and C" (or with another last word).
inline std::string and_list(const std::vector<std::string>& names, std::string_view last = " and ") {
  return listed(names, names.size(), last);
}

}  // namespace xsector::detail
