// Findings: what the figures mean for a coalition coordinator, in plain language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/power.hpp"
#include "xsector/resilience.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

enum class Severity { high, medium, low, info };
std::string_view to_string(Severity s);

struct Finding {
  Severity severity = Severity::info;
  std::string area;                   ///< `sectors`, `power` or `resilience`
  std::string code;                   ///< stable, e.g. `missing-core-sector`
  std::string message;                ///< one sentence for people
  std::vector<std::string> subjects;  ///< sector and member ids it is about
};

/// One finding per coverage gap: missing sectors (high when core, medium when recommended,
/// low when optional), thin, cut-off and voiceless sectors, sectors with a single broker,
/// and sector pairs never tied.
std::vector<Finding> gap_findings(const Coalition& coalition, const SectorReport& sectors);

/// Findings on decision power: seat holders without power, blockers, sectors whose power
/// falls short of their seats, concentration, community voice, the backbone's weight, and
/// roles held by one member.
std::vector<Finding> power_findings(const Coalition& coalition, const SectorIndex& sectors,
                                    const CoalitionPower& power);

/// Findings on turnover: first `connection_findings` (members already cut off), then the
/// departures that would split the network most, sectors that
/// would lose their only link, and bodies that could no longer decide.
std::vector<Finding> resilience_findings(const Coalition& coalition, const SectorIndex& sectors,
                                         const Resilience& resilience);

/// Orders findings by severity, keeping the order within one severity.
void sort_findings(std::vector<Finding>& findings);

/// Findings on how the network holds together: each member tied to no one
/// (`isolated-member`, medium) and, when the members fall into two or more separate
/// groups, one `separate-groups` finding (high) naming every group apart from the largest.
/// Groups are the connected components of the undirected view of `coalition.ties`. O(n + m).
std::vector<Finding> connection_findings(const Coalition& coalition);

/// Related findings shown as one: findings of one code under a headline that says how many
/// there are and what they share (`8 sectors rest on a single member`), the findings folded
/// beneath it. A code found once forms a group of one whose headline is its message.
struct FindingGroup {
  Severity severity = Severity::info;  ///< the most severe of its findings
  std::string code;                    ///< the shared finding code
  std::string headline;                ///< one sentence for people
  std::vector<Finding> items;          ///< the findings it holds, in their given order
};

/// Groups `findings` by code and ranks the groups: by severity, then by how directly a
/// coordinator can act on them (missing core sectors, members cut off, departures that split
/// the network and voiceless members first; context last), then by the order given. Sector
/// and member names in headlines come from `coalition` and `sectors`. O(f log f).
std::vector<FindingGroup> group_findings(const Coalition& coalition, const SectorIndex& sectors,
                                         const std::vector<Finding>& findings);

/// One concrete thing to do next, drawn from the findings.
struct Action {
  std::string code;                   ///< `invite-sector`, `connect-members`, `add-tie` or `open-seat`
  std::string text;                   ///< what to do, in one sentence
  std::string why;                    ///< the finding behind it, in one sentence
  std::vector<std::string> subjects;  ///< sector, member and body ids it is about
};

/// At most three actions, one of each kind, in this order: invite a member from the first
/// missing core sector (with the taxonomy's examples of such members); connect members cut off
/// from the rest, or else add a second tie where one departure cuts the most members off;
/// open a seat to community-led members when none holds one, or else to the first core (then
/// recommended, then optional) sector without a seat. Empty when no finding calls for any.
/// O(n (n + m)) at worst (one traversal for the member whose departure cuts most off).
std::vector<Action> next_actions(const Coalition& coalition, const SectorReport& sectors, const CoalitionPower& power,
                                 const Resilience& resilience);

}  // namespace xsector
