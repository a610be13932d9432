// Reading sectors, shared by the taxonomy reader (taxonomy.cpp) and the coalition reader
// (coalition_taxonomy.cpp), and the built-in taxonomy texts compiled into the library.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_reader.hpp"
#include "xsector/coalition.hpp"

namespace xsector::detail {

/// One sector entry (`id`, `name`, `priority`, `examples`, `aliases`, `source`, `maps_to`)
/// of a taxonomy file or of a coalition file's `sectors`; problems go to `reader` and the
/// result is empty when the entry cannot be used. O(size of the entry).
std::optional<Sector> read_sector(YamlReader& reader, const Node& node);

/// Reports ids and aliases given twice among `sectors` or, with `base`, clashing with the
/// base taxonomy's. O(sectors + aliases).
void check_sector_names(YamlReader& reader, const std::vector<Sector>& sectors, const Taxonomy* base);

/// Each built-in taxonomy's id and YAML text (generated from networks/taxonomies/ at build time).
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_taxonomy_texts();

}  // namespace xsector::detail
