// Findings: what the figures mean for a coalition coordinator, as facts and codes. The
// sentences that say them are the writers' (src/outputs/finding_text.cpp, one table).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/coalition_power.hpp"
#include "xsector/power.hpp"
#include "xsector/resilience.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// How much a finding weighs for the coalition as a whole (docs/metrics.md, "Findings"):
/// `high` when the coalition loses something (a core sector missing; a departure that splits
/// the network or leaves a sector with no tie to the rest; a body that cannot decide or that a
/// member other than its chair can block alone; a sector tied to no other sector); `medium`
/// for a recommended sector missing, a sector resting on one member, a member whose ties all
/// run through one person, and concentration above the documented thresholds; `low` and
/// `info` for the rest.
enum class Severity { high, medium, low, info };
std::string_view to_string(Severity s);

/// One finding. `area` is the part it comes from: `sectors`, `power`, `resilience`, `survey`,
/// `people` or `compare`; `code` is stable and names the kind of finding.
/// What a finding is about; its name (to_string) is the `area` of the JSON output.
enum class FindingArea { sectors, power, resilience, survey, people, compare };

/// `sectors`, `power`, `resilience`, `survey`, `people` or `compare`.
std::string_view to_string(FindingArea area);

/// One fact a finding's sentence needs, by name: a number (a count, a share in [0, 1], a
/// score), a text (one item: a reason, a taxonomy id, a person as the privacy rule names
/// them) or a list of ids or texts (members, sectors, bodies, examples). The writers name
/// members and sectors from their ids. Each code's facts are written where it is made.
struct Fact {
  std::string name;                ///< e.g. `quota`, `members`, `reason`
  double number = 0;               ///< the value of a number fact
  std::vector<std::string> items;  ///< the value of a text (one item) or list fact
};

/// A number fact. O(1).
Fact number_fact(std::string name, double value);
/// A text fact (one item). O(size).
Fact text_fact(std::string name, std::string text);
/// A list fact (ids or texts). O(1).
Fact list_fact(std::string name, std::vector<std::string> items);

struct Finding {
  Severity severity = Severity::info;
  FindingArea area = FindingArea::sectors;
  std::string code;                   ///< stable, e.g. `missing-core-sector`
  std::vector<std::string> subjects;  ///< sector and member ids it is about
  std::vector<Fact> facts;            ///< what its sentence says (finding_text in the writers)

  /// The fact of this name, or nullptr. O(facts).
  const Fact* fact(std::string_view name) const;
};

/// Every finding code the library emits (the analysis, comparisons, and `waves-reordered`
/// of the commands that order two waves), each once. O(1).
const std::vector<std::string_view>& finding_codes();

/// Every next-action code (`invite-sector`, `connect-members`, `add-tie`, `open-seat`). O(1).
const std::vector<std::string_view>& action_codes();

/// One finding per coverage gap: missing sectors (high when core, medium when recommended,
/// low when optional), waived sectors and unplaced members (info and low), thin (medium),
/// cut-off (high) and voiceless (low) sectors, sectors with a single broker, a `no-governance` info finding when the
/// file describes no body, and one finding listing the sector pairs never tied. Without ties
/// every present sector is cut off. `sectors` must be sector_report of the same coalition.
/// Time complexity: O(S^2 + waivers × S + size of the messages).
std::vector<Finding> gap_findings(const Coalition& coalition, const SectorReport& sectors);

/// Findings on decision power: bodies that cannot decide (high), seat holders without power,
/// blockers (high unless the body's chair or a veto written in the file), sectors whose power
/// falls short of their seats, concentration, community voice, the backbone's weight, and
/// roles held by one member. Without bodies only the coalition-wide findings remain (such as
/// `no-community-led-members`). Time complexity: O(B (s + S) + n) for B bodies, s seats per
/// body, S sectors and n members.
std::vector<Finding> power_findings(const Coalition& coalition, const SectorIndex& sectors,
                                    const CoalitionPower& power);

/// Findings on turnover: first `connection_findings` (members already cut off), then every
/// departure that would split the network (`departure-splits-network`, high, the largest rise
/// in fragmentation first; in a network already in pieces a departure counts only when it
/// adds a group), sectors that would lose their last tie to another sector, and bodies that
/// could no longer decide (both high). Time complexity: O(n t) at worst for n members and t
/// ties (each splitting departure checks whether its member is an isolate), plus
/// O((n + t) log n) for the groups.
std::vector<Finding> resilience_findings(const Coalition& coalition, const SectorIndex& sectors,
                                         const Resilience& resilience);

/// Orders findings by severity (high first), keeping the order within one severity (a stable
/// sort). Time complexity: O(f log f).
void sort_findings(std::vector<Finding>& findings);

/// Findings on how the network holds together: each member tied to no one
/// (`isolated-member`, medium) and, when the members fall into two or more separate
/// groups, one `separate-groups` finding (high) naming every group apart from the largest.
/// Groups are the connected components of the undirected view of `coalition.ties`. Empty with
/// fewer than two members. Time complexity: O((n + m) log n) at worst (union-find).
std::vector<Finding> connection_findings(const Coalition& coalition);

/// Related findings shown as one: findings of one code under a headline that says how many
/// there are and what they share (`8 sectors rest on a single member`, written by the
/// writers' group_text), the findings folded beneath it. A code found once forms a group of
/// one whose headline is its finding's sentence.
struct FindingGroup {
  Severity severity = Severity::info;  ///< the most severe of its findings
  std::string code;                    ///< the shared finding code
  std::vector<Finding> items;          ///< the findings it holds, in their given order
};

/// Groups `findings` by code and ranks the groups: by severity, then by how directly a
/// coordinator can act on them (missing core sectors, members cut off, departures that split
/// the network and voiceless members first; context last), then by the order given. Empty
/// for no findings. Time complexity: O(f log f) for f findings.
std::vector<FindingGroup> group_findings(const std::vector<Finding>& findings);

/// One concrete thing to do next, drawn from the findings; the writers say what to do and why
/// (action_text, action_why) from its facts.
struct Action {
  std::string code;                   ///< `invite-sector`, `connect-members`, `add-tie` or `open-seat`
  std::vector<std::string> subjects;  ///< sector, member and body ids it is about
  std::vector<Fact> facts;            ///< what its sentences say

  /// The fact of this name, or nullptr. O(facts).
  const Fact* fact(std::string_view name) const;
};

/// At most three actions, one of each kind, in this order: invite a member from the first
/// missing core sector (with the taxonomy's examples of such members); connect members cut off
/// from the rest, or else add a second tie where one departure cuts the most members off;
/// open a seat to community-led members when none holds one, or else to the first core (then
/// recommended, then optional) sector without a seat. Empty when no finding calls for any.
/// Time complexity: O(n (n + m) log n) at worst (the groups are recounted for each departure
/// that raises fragmentation), O((n + m) log n) when no departure splits the network.
std::vector<Action> next_actions(const Coalition& coalition, const SectorReport& sectors, const CoalitionPower& power,
                                 const Resilience& resilience);

}  // namespace xsector
