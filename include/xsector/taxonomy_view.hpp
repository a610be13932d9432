// Views of the built-in taxonomies and of one coalition against all of them.
#pragma once

#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/output.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// `xsector taxonomy list`: every built-in taxonomy with its number of sectors and of core
/// sectors. Table, Markdown, CSV (one row per taxonomy) or JSON (`taxonomies`). Parses the
/// built-in taxonomies: O(their size).
std::string format_taxonomy_list(Format format);

/// `xsector taxonomy show ID`: the taxonomy's sectors (id, priority, name, aliases,
/// maps_to), their examples (whom to invite), and the crosswalk: the sector of every other
/// built-in taxonomy a member of each sector is placed in (place_sector), or none.
/// O(S × the other taxonomies' sectors and maps_to) plus parsing them.
std::string format_taxonomy_show(Format format, const Taxonomy& taxonomy);

/// `xsector gaps FILE --taxonomy all`: one row per taxonomy, side by side, as `rows` hold
/// them (taxonomy_coverage of the file measured against each taxonomy); `coalition` is the
/// file as written (its name, place, date and own taxonomy head the view). Per row: the
/// taxonomy's sectors with a member, missing core and other sectors, waived sectors, and
/// unplaced members. O(size of the output).
std::string format_gaps_all(Format format, const Coalition& coalition, const std::vector<TaxonomyCoverage>& rows);

}  // namespace xsector
