// Views of the built-in taxonomies and of one coalition against all of them.
#pragma once

#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/crosswalk.hpp"
#include "xsector/output.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// `xsector taxonomy list`: each of `taxonomies` (the built-in ones: builtin_taxonomies())
/// with its number of sectors and of core sectors. Table, Markdown, CSV (one row per
/// taxonomy) or JSON (`taxonomies`). O(their sectors).
std::string format_taxonomy_list(Format format, const std::vector<Taxonomy>& taxonomies);

/// `xsector taxonomy show ID`: the taxonomy's sectors (id, priority, name, aliases,
/// maps_to), their examples (whom to invite), and `crosswalk` (crosswalk_of the taxonomy
/// against the built-in ones): where a member of each sector is placed in every other
/// taxonomy, or none. O(size of the output).
std::string format_taxonomy_show(Format format, const Taxonomy& taxonomy, const Crosswalk& crosswalk);

/// `xsector gaps FILE --taxonomy all`: one row per taxonomy, side by side, as `rows` hold
/// them (taxonomy_coverage of the file measured against each taxonomy); `coalition` is the
/// file as written (its name, place, date and own taxonomy head the view). Per row: the
/// taxonomy's sectors with a member, missing core and other sectors, waived sectors, and
/// unplaced members. O(size of the output).
std::string format_gaps_all(Format format, const Coalition& coalition, const std::vector<TaxonomyCoverage>& rows);

}  // namespace xsector
