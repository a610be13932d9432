// The crosswalk between sector taxonomies: measuring a coalition written against one
// taxonomy against another, through the `cross-sector` ids every built-in sector maps to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector {

/// The sector of `target` a member of `sector` is placed in, or null when it maps nowhere.
/// Rule: for each id x of `sector.maps_to`, in its order, the first sector of `target` (in
/// the target's order) whose `maps_to` holds x; failing that, the target sector whose id or
/// alias is `sector.id`. A member is placed in one sector only, so a sector that could go to
/// several (cross-sector `residents` to DFC `youth` or `parents`) goes to the first.
/// O(|maps_to| × sectors of target × their maps_to).
const Sector* place_sector(const Sector& sector, const Taxonomy& target);

/// Where a member of each sector of one taxonomy is placed in each of the others: the
/// crosswalk `xsector taxonomy show` prints.
struct Crosswalk {
  std::vector<std::string> targets;  ///< ids of the other taxonomies, in the order given
  /// placed[s][k]: the id of the sector of targets[k] that a member of the taxonomy's sector s
  /// is placed in (place_sector), or empty when it maps nowhere there.
  std::vector<std::vector<std::string>> placed;
};

/// The crosswalk of `taxonomy` against every taxonomy of `others` except itself (same id).
/// O(S × the others' sectors and maps_to), S the sectors of `taxonomy`.
Crosswalk crosswalk_of(const Taxonomy& taxonomy, const std::vector<Taxonomy>& others);

/// `coalition` measured against `target` instead of its own taxonomy. Members keep their
/// index, ties and seats are unchanged; each member's `sector` becomes the target sector
/// place_sector gives for its own sector. A member of a taxonomy sector that maps nowhere
/// keeps its own sector, carried along as a file sector (priority optional), and is listed
/// in `unplaced`. Sectors the file declares itself are carried along unless the target has
/// a sector of that id or they place by their own `maps_to`. A target sector is waived when
/// its `maps_to` is not empty and lies within the cross-sector ids of the waived sectors
/// (reasons joined with "; "), or when a waived file sector placed there; waivers of carried
/// sectors are kept. `crosswalk_from` is set to the coalition's own taxonomy id. When
/// `target.id` equals the coalition's taxonomy id, the coalition is returned unchanged.
/// O(members + sectors²).
Coalition measure_against(const Coalition& coalition, const Taxonomy& target);

/// The four built-in taxonomies, parsed: cross-sector, rhihub, dfc, dash. Parses them on
/// every call: O(their text size).
std::vector<Taxonomy> builtin_taxonomies();

}  // namespace xsector
