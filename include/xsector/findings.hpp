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

/// Findings on turnover: the departures that would split the network most, sectors that
/// would lose their only link, and bodies that could no longer decide.
std::vector<Finding> resilience_findings(const Coalition& coalition, const SectorIndex& sectors,
                                         const Resilience& resilience);

/// Orders findings by severity, keeping the order within one severity.
void sort_findings(std::vector<Finding>& findings);

}  // namespace xsector
