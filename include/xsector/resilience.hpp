// Turnover resilience: what the network and the decision bodies lose when one member
// leaves. Undirected view.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/coalition_power.hpp"
#include "xsector/network.hpp"
#include "xsector/power.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// Borgatti's fragmentation: 1 - Σ_c s_c(s_c - 1) / (n(n-1)) over the components: the share of
/// pairs of members that cannot reach each other: 0 for a connected network, 1 when no member
/// is tied. Null when n < 2 (no members, or one). `removed` leaves one member out (then n is
/// one less); it must be below n (unchecked). Time complexity: O(n + m) (one traversal;
/// `resilience` gets every member's departure at once from the block-cut structure instead).
std::optional<double> fragmentation(const Network& g, std::optional<std::size_t> removed = std::nullopt);

/// Ties whose loss splits a component (bridges), as pairs of member indices (lower first),
/// sorted (by lower, then higher member; iterative Hopcroft-Tarjan). Empty without ties or
/// when every tie lies on a cycle. Time complexity: O(n + m).
std::vector<std::pair<std::size_t, std::size_t>> bridges(const Network& g);

/// What a departure does to one decision body the member sits on.
struct PowerShift {
  std::size_t body = 0;
  bool can_decide = true;  ///< false when the rest cannot reach the quota
  /// False in a body of more than departure_seat_limit seats: no index is recomputed and
  /// `members` is empty (can_decide is still exact).
  bool recomputed = true;
  std::size_t seats_total = 0;  ///< remaining seat holders, listed in `members` or not
  /// Remaining seat holders in seat order: all of them, or the departure_listed_seats whose
  /// index changes most (|after - before|, a null index counting as 0; the first on ties).
  std::vector<std::size_t> members;
  std::vector<std::optional<double>> before, after;  ///< their normalized Banzhaf index
  std::optional<PowerEstimate> estimate;             ///< set when `after` is a Monte-Carlo estimate
};

/// The departures of one body whose power was estimated: how many, and the widest 99%
/// half-widths over them (each departure's samples are those body_power gives it).
struct DepartureEstimates {
  std::size_t body = 0;
  std::size_t departures = 0;
  PowerEstimate widest;  ///< samples: the fewest any departure had; half-widths: the widest
};

/// What one member's departure would cost. `sectors_unlinked` holds the sectors whose every
/// cross-sector tie involves the member: other sectors, and its own when others remain in it
/// (a sector it is the only member of is in `sectors_lost` instead), ascending. `components`
/// counts an isolate's departure as one component fewer. `fragmentation` is null when fewer
/// than two members would remain.
struct Departure {
  std::size_t member = 0;
  /// Its member is a cut point: its departure cuts someone off. Only then does the share of
  /// pairs apart rise for a reason; elsewhere it moves only because one member fewer remains.
  bool splits = false;
  std::optional<double> fragmentation;    ///< of the network without this member
  std::size_t components = 0;             ///< components left among the others
  std::vector<std::size_t> sectors_lost;  ///< sectors whose only member it is
  /// Sectors whose every cross-sector tie involves it: other sectors, and its own when others
  /// remain in it.
  std::vector<std::size_t> sectors_unlinked;
  std::vector<PowerShift> power;  ///< each body where it holds a seat
};

struct Resilience {
  std::optional<double> fragmentation;  ///< of the whole network
  std::vector<std::size_t> articulation_points;
  std::vector<std::pair<std::size_t, std::size_t>> bridges;
  std::vector<Departure> departures;                ///< one per member, in file order
  std::vector<DepartureEstimates> power_estimates;  ///< bodies whose departures were estimated, in body order
  /// Bodies of more than departure_seat_limit seats, whose departures recompute no index.
  std::vector<std::size_t> power_not_recomputed;
};

/// Every member's departure. Fragmentation and components after each departure come from one
/// depth-first search (an articulation point splits its component into the subtrees its
/// cut-off children root plus the rest; any other member shrinks its component by one), and the
/// sectors each departure unlinks from one pass over the ties: O(n + m + S), plus one power
/// recomputation per seat in bodies of at most departure_seat_limit seats (see body_power:
/// all of one body's departures together estimate at most departure_estimate_work
/// seat-samples), and O(seats) for each larger body. At most departure_listed_seats seats are
/// listed per departure, so the result is O(n + m + S + 200 seats) in size. A disconnected network is handled component
/// by component; a single member gives null fragmentations; no members gives no departures. `power` must come from
/// coalition_power of the same coalition, `sectors` from index_sectors.
Resilience resilience(const Coalition& coalition, const Network& g, const SectorIndex& sectors,
                      const CoalitionPower& power);

}  // namespace xsector
