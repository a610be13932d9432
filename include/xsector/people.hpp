// People who carry the ties: which relationships hang on one person, and what a person's
// departure would cut. Contacts are listed under members (`contacts`) and named by ties
// (`carried_by`); docs/people.md states every convention.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/network.hpp"
#include "xsector/people_shown.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

struct Finding;

/// The figures of one contact (a person of a member organization).
struct PersonFigures {
  std::size_t member = 0;   ///< index of its organization in Coalition::members
  std::size_t contact = 0;  ///< index in that member's `contacts`
  /// Ties whose `carried_by` names it (indices into Coalition::ties, file order).
  std::vector<std::size_t> carries;
  /// Ties it carries as the only carrier on its organization's side: they go cold if it leaves.
  std::vector<std::size_t> sole_carrier_of;
  /// Sectors (SectorIndex indices, ascending) other than its organization's own, to which the
  /// organization is tied, and whose every tie with the organization is in sole_carrier_of.
  std::vector<std::size_t> sectors_cut;
  /// Borgatti's fragmentation of the undirected network after every tie in sole_carrier_of is
  /// removed (every member stays; a pair stays adjacent while one of its ties remains). Null
  /// with fewer than two members.
  std::optional<double> fragmentation;
};

struct People {
  bool described = false;  ///< the file lists at least one contact
  /// One entry per contact, members in file order and each member's contacts in file order.
  std::vector<PersonFigures> people;
  /// Per member: ties with at least two carriers on its side / ties with at least one carrier
  /// on its side; null when none of its ties is carried on its side.
  std::vector<std::optional<double>> member_handoff_readiness;
  std::vector<std::size_t> member_carried;  ///< the denominator per member
  std::vector<std::size_t> member_ready;    ///< the numerator per member
  /// The same over every carried tie end of the network (sum of numerators / sum of
  /// denominators); null when no tie end is carried.
  std::optional<double> handoff_readiness;
  std::size_t carried_ends = 0;
  std::size_t ready_ends = 0;
  /// Baseline: Borgatti's fragmentation of the whole network (null with fewer than two members).
  std::optional<double> fragmentation;
};

/// Handoff readiness (carried ties with a second carrier): for each member, of the ties whose
/// end on its side names at least one carrier (`carried`), those naming two or more (`ready`),
/// and the ratio ready / carried, null when none of its ties is carried on its side; for the
/// network the same sums over every carried tie end, null when no end is carried. A carrier
/// counts on the side of the member it is a contact of; carriers naming no known contact are
/// ignored. Reference: the warm-handoff practice of coalition guides (a relationship held by one
/// person goes cold when that person leaves). Time O(ties x carriers + contacts).
struct HandoffReadiness {
  std::vector<std::size_t> carried;           ///< per member: tie ends carried on its side
  std::vector<std::size_t> ready;             ///< per member: of them, with two or more carriers
  std::vector<std::optional<double>> member;  ///< per member: ready / carried, or null
  std::size_t carried_ends = 0;               ///< over the network
  std::size_t ready_ends = 0;                 ///< over the network
  std::optional<double> network;              ///< ready_ends / carried_ends, or null
};
HandoffReadiness handoff_readiness(const Coalition& coalition);

/// Person-level resilience of every contact and every member's handoff readiness. On a file
/// without contacts `described` is false, `people` is empty and every readiness is null (the
/// per-member vectors still have one entry per member, and the baseline fragmentation is
/// set). Members without ties have nothing to carry: their readiness is null. No members:
/// every vector empty, fragmentation null.
/// Fragmentation comes from one depth-first search: without member m its component falls into
/// pieces (the subtree of each DFS child c with low(c) >= disc(m), and the rest), and removing
/// ties of m alone detaches exactly the pieces where m keeps no adjacent partner.
/// Time complexity: O(n + m + C + Σ deg(v) log deg(v)) over members with contacts (C the
/// carried_by entries).
People people(const Coalition& coalition, const Network& g, const SectorIndex& sectors);

/// Findings on people: each person whose departure costs the coalition as a whole
/// (`person-departure-cuts-ties`, high: the ties they alone carry on their member's side split
/// the network, or leave a sector with no tie to another sector); one finding per member with
/// ties a single contact carries on its side, listing those people (`member-single-carrier`,
/// medium, when all its ties, two or more, run through one person; else `single-carried-ties`,
/// low); and for each such person a suggested warm handoff (another contact of the same
/// organization who already works with that partner, or with its sector, or none). Empty
/// when the file lists no contacts (`people.described` false). O(contacts + C log C).
std::vector<Finding> people_findings(const Coalition& coalition, const SectorIndex& sectors, const People& people,
                                     PeopleShown shown);

/// A relationship whose carrier (on one member's side) left between two waves.
struct CarrierChange {
  std::string a, b;                         ///< the pair's member ids, a before b in id order
  std::string member;                       ///< the side whose carrier left (a or b)
  std::vector<std::string> departed;        ///< contact ids that carried it on that side before and are gone
  std::vector<std::string> carriers_after;  ///< contact ids carrying it on that side in the later wave
};

/// What happened to the people between two waves, by contact id: contacts who left (in the
/// earlier wave, in no member of the later) and joined, those replaced in their role, and those
/// who left with their member; and every pair tied in the earlier wave whose carrier on one side
/// left: `handed_over` (still tied, and another contact now carries it on that side: a warm
/// handoff), `uncarried` (still tied, but nobody is named on that side), `dissolved` (no longer
/// tied, both members still there) or `ties_left_with_member` (a member of the pair left).
/// A contact replaced by another in the same role at the same member between two waves.
struct ContactReplacement {
  std::string member;  ///< member id
  std::string role;    ///< the role both held (not empty)
  std::string left;    ///< contact id in the earlier wave
  std::string joined;  ///< contact id in the later wave
};

struct PeopleChanges {
  bool described = false;  ///< either wave lists contacts
  /// Contact ids, in file order of their wave: contacts who left a member that stayed, and
  /// contacts who joined; neither holds a replacement.
  std::vector<std::string> left, joined;
  /// A contact who left and one who joined at the same member in the same (non-empty) role:
  /// a handover, not a departure and an arrival. Matched in file order, one to one.
  std::vector<ContactReplacement> replaced;
  /// Contacts of members that left the coalition (they left with their organization).
  std::vector<std::string> left_with_member;
  std::vector<CarrierChange> handed_over, uncarried;
  /// Pairs no longer tied whose carrier left while both members stayed.
  std::vector<CarrierChange> dissolved;
  /// Pairs no longer tied because a member left the coalition, with the carriers that left on
  /// either side: not a person's lost relationship, the organization's.
  std::vector<CarrierChange> ties_left_with_member;
};

/// Compares the people of two waves by contact id and member id. When neither wave lists a
/// contact, `described` is false and every list empty. Time O((C + t) log(C + t)) for
/// C contacts and carried_by entries and t ties of both waves.
PeopleChanges compare_people(const Coalition& before, const Coalition& after);

/// Findings on the changes: contacts replaced in their role, contacts who left and joined
/// (info), relationships handed over (info), relationships that dissolved when their carrier
/// left while both members stayed (low), those kept without a named carrier (low), and the
/// relationships that ended with a member that left (info, one finding). People are named as `shown` asks, each in the
/// wave it belongs to. Empty when `changes.described` is false. O(size of the changes).
std::vector<Finding> people_change_findings(const Coalition& before, const Coalition& after,
                                            const PeopleChanges& changes, PeopleShown shown);

}  // namespace xsector
