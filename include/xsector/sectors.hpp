// Sectors: who is at the table, how sectors mix, and the gaps a planner looks for. Ties are
// counted on the undirected view (one per adjacent pair). Who brokers between sectors is in
// brokerage.hpp (included here: SectorReport holds each member's roles).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xsector/brokerage.hpp"
#include "xsector/coalition.hpp"
#include "xsector/network.hpp"

namespace xsector {

/// The sectors a coalition is measured against: its taxonomy's, then those its file
/// declares, in that order. Member i belongs to sectors[sector_of[i]].
/// `from_taxonomy[s]` is true for the taxonomy's sectors, false for the file's own.
struct SectorIndex {
  std::vector<Sector> sectors;
  std::vector<bool> from_taxonomy;
  std::vector<std::size_t> sector_of;
};
/// Builds the SectorIndex of `coalition`: its taxonomy's sectors, then `extra_sectors`, each
/// member placed by its canonical sector id. A coalition without members gets the sectors and
/// an empty `sector_of`. Expects a valid coalition: a member whose sector is in neither list
/// gets sector_of = sectors.size() (out of range). Time complexity: O(S + n) expected for n
/// members and S sectors (a hash of the sector ids).
SectorIndex index_sectors(const Coalition& coalition);

/// Ties between pairs of sectors, kept sparse: one cell per pair of sectors with at least one
/// tie, so memory grows with the ties, never with the square of the sectors.
struct SectorMixing {
  struct Cell {
    std::size_t a = 0;     ///< the lower sector index
    std::size_t b = 0;     ///< the higher one (a == b: ties inside sector a)
    std::size_t ties = 0;  ///< adjacent pairs with one end in a and the other in b; above 0
    bool operator==(const Cell&) const = default;
  };
  std::size_t sector_count = 0;  ///< S: the sectors the indices refer to
  std::vector<Cell> cells;       ///< sorted by (a, b)
  /// Ties between sectors a and b, in either order (the matrix is symmetric); 0 when none.
  /// O(log cells).
  [[nodiscard]] std::size_t ties(std::size_t a, std::size_t b) const;
  bool operator==(const SectorMixing&) const = default;
};

/// Ties between each pair of sectors: ties(a, b) = adjacent pairs with one end in a and the
/// other in b; ties(a, a) = pairs inside a. A pair tied both ways counts once. No cells without
/// ties. sector_of must hold one entry below sector_count per member. Time complexity:
/// O(m log m), memory O(cells) <= O(m).
SectorMixing sector_mixing(const Network& g, const std::vector<std::size_t>& sector_of, std::size_t sector_count);

/// `xsector gaps` and `analyze` print the mixing as a square matrix over the sectors with
/// members up to this many of them; above it as its non-zero cells only (docs/sectors.md).
inline constexpr std::size_t dense_mixing_limit = 200;
/// At most this many unlinked pairs of sectors are listed (SectorGaps::unlinked_pairs); all of
/// them are counted (SectorGaps::unlinked_pair_count). Their number grows with the square of
/// the sectors at the table.
inline constexpr std::size_t listed_unlinked_pairs_limit = 1000;

/// Krackhardt and Stern's E-I index over the whole network: (E - I)/(E + I), E the adjacent
/// pairs across sectors, I those within one; null without ties. Range -1 (all inside) to 1.
/// Isolates and disconnected parts change nothing (only pairs count). Time complexity: O(m).
std::optional<double> ei_index(const Network& g, const std::vector<std::size_t>& sector_of);

/// Each member's E-I: (ties to other sectors - ties within its sector) / degree, over adjacent
/// pairs; null for an isolate; empty for no members. Time complexity: O(n + m).
std::vector<std::optional<double>> member_ei_index(const Network& g, const std::vector<std::size_t>& sector_of);

/// NetworkX `attribute_assortativity_coefficient(G, "sector")`: (tr e - Σ a_i b_i)/(1 - Σ a_i b_i)
/// on the normalized mixing matrix e (each tie counted both ways); null without ties or
/// when every tie end lies in one sector (NetworkX: NaN). Isolates do not count.
/// Time complexity: O(m log m + S).
std::optional<double> sector_assortativity(const Network& g, const std::vector<std::size_t>& sector_of,
                                           std::size_t sector_count);

/// Newman's modularity of the partition by sector, as NetworkX
/// `community.modularity(G, sectors)` (resolution 1): Σ_c L_c/m - (d_c/2m)^2 with L_c the pairs
/// inside sector c and d_c the degrees summed over it; null without ties. Isolates add
/// nothing. Time complexity: O(m + S).
std::optional<double> sector_modularity(const Network& g, const std::vector<std::size_t>& sector_of,
                                        std::size_t sector_count);

struct SectorFigures {
  std::size_t sector = 0;  ///< index into SectorIndex::sectors
  std::vector<std::size_t> members;
  std::size_t internal_ties = 0;     ///< pairs with both ends in the sector
  std::size_t external_ties = 0;     ///< pairs with one end in the sector
  std::optional<double> ei_index;    ///< (external - internal)/(external + internal); null without ties
  std::vector<std::size_t> reaches;  ///< other sectors tied to it directly
};

/// The coverage gaps, against the coalition's taxonomy and declared sectors. A sector carried
/// along only for members the taxonomy cannot place (Coalition::unplaced) is in no gap list:
/// those members are reported as unplaced, not as a thin or cut-off sector.
struct SectorGaps {
  std::vector<std::size_t> missing;  ///< sectors without a member: core, then recommended, then optional
  /// Sectors the coalition waived (`coalition.waive`), in the order of the waivers; a waived
  /// sector is never in `missing`. A waiver naming no sector of the index is left out.
  std::vector<std::size_t> waived;
  struct Single {
    std::size_t sector = 0;
    std::size_t member = 0;
  };
  std::vector<Single> thin;          ///< sectors with exactly one member
  std::vector<std::size_t> cut_off;  ///< present sectors tied to no other sector
  /// Pairs of present sectors with no tie between them, (lower, higher) in index order: the
  /// first listed_unlinked_pairs_limit of them; unlinked_pair_count counts them all.
  std::vector<std::pair<std::size_t, std::size_t>> unlinked_pairs;
  std::uint64_t unlinked_pair_count = 0;
  /// Present sectors without a seat in any decision body; empty when the file describes no
  /// body (governance_described is then false).
  std::vector<std::size_t> no_vote;
  bool governance_described = false;
  /// Sectors of two or more members whose ties to other sectors all involve one member.
  std::vector<Single> single_broker;
};

struct SectorReport {
  SectorIndex index;
  std::vector<SectorFigures> sectors;  ///< one per entry of index.sectors
  SectorMixing mixing;
  std::optional<double> ei_index;
  std::optional<double> assortativity;
  std::optional<double> modularity;
  std::vector<std::optional<double>> member_ei;
  std::vector<Brokerage> brokerage;
  SectorGaps gaps;
};

/// Every sector figure and gap of `coalition` on its graph (`g` = build_graph(coalition)):
/// index_sectors, sector_mixing, per-sector ties, E-I, assortativity, modularity, member E-I,
/// brokerage and SectorGaps. Without ties every sector present is cut off and every
/// network-level ratio is null; sectors without members are listed as missing (unless
/// waived). Time complexity: O(n + S + m log m + brokerage); memory O(n + S + m): nothing
/// grows with the square of the sectors (at most listed_unlinked_pairs_limit pairs are listed).
SectorReport sector_report(const Coalition& coalition, const Network& g);

/// How a coalition covers one taxonomy: a row of `xsector gaps --taxonomy all`.
struct TaxonomyCoverage {
  std::string taxonomy;                    ///< the taxonomy's id
  std::string name;                        ///< the taxonomy's name
  std::size_t sectors = 0;                 ///< the taxonomy's own sectors (sectors the file declares not counted)
  std::size_t covered = 0;                 ///< of those, the sectors with at least one member
  std::vector<std::string> missing_core;   ///< ids of core sectors without a member (waived ones not listed)
  std::vector<std::string> missing_other;  ///< ids of other sectors without a member
  std::vector<std::string> waived;         ///< ids of waived sectors
  std::vector<std::string> unplaced;       ///< ids of members whose sector has no counterpart in it
  std::string crosswalk_from;              ///< the file's own taxonomy when measured across; else empty
};

/// The coverage of `coalition` (as measured against its taxonomy, see measure_against) from
/// its sector report. O(sectors + members).
TaxonomyCoverage taxonomy_coverage(const Coalition& coalition, const SectorReport& report);

}  // namespace xsector
