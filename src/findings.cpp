#include "xsector/findings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace xsector {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::high: return "high";
    case Severity::medium: return "medium";
    case Severity::low: return "low";
    case Severity::info: return "info";
  }
  return "info";
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
}

std::vector<Finding> gap_findings(const Coalition& c, const SectorReport& r) {
  std::vector<Finding> out;
  const auto& sectors = r.index.sectors;
  const std::string taxonomy = fmt::format("the {} taxonomy", c.taxonomy.id);
  for (const std::size_t s : r.gaps.missing) {
    const Sector& sector = sectors[s];
    const bool declared = !r.index.from_taxonomy[s];
    switch (sector.priority) {
      case Priority::core:
        out.push_back({Severity::high, "sectors", "missing-core-sector",
                       fmt::format("No member from {}, a core sector of {}", sector.name,
                                   declared ? "this coalition's own sectors" : taxonomy),
                       {sector.id}});
        break;
      case Priority::recommended:
        out.push_back({Severity::medium, "sectors", "missing-sector",
                       fmt::format("No member from {}, a recommended sector of {}", sector.name, taxonomy),
                       {sector.id}});
        break;
      case Priority::optional:
        out.push_back({Severity::low, "sectors", "missing-optional-sector",
                       fmt::format("No member from {} ({} lists it as optional)", sector.name,
                                   declared ? "this coalition" : taxonomy),
                       {sector.id}});
        break;
    }
  }
  for (const auto& t : r.gaps.thin) {
    const Member& m = c.members[t.member];
    out.push_back({Severity::medium, "sectors", "thin-sector",
                   fmt::format("{} is present only through {}: if they leave, the sector is gone",
                               sectors[t.sector].name, m.name),
                   {sectors[t.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.cut_off) {
    out.push_back({Severity::medium, "sectors", "cut-off-sector",
                   fmt::format("{} is at the table but tied to no other sector", sectors[s].name),
                   {sectors[s].id}});
  }
  for (const auto& b : r.gaps.single_broker) {
    const Member& m = c.members[b.member];
    out.push_back({Severity::medium, "sectors", "single-broker-sector",
                   fmt::format("All of {}'s ties to other sectors run through {}", sectors[b.sector].name, m.name),
                   {sectors[b.sector].id, m.id}});
  }
  for (const std::size_t s : r.gaps.no_vote) {
    out.push_back({Severity::medium, "sectors", "no-vote-sector",
                   fmt::format("{} holds no seat in any decision body", sectors[s].name), {sectors[s].id}});
  }
  if (!r.gaps.governance_described) {
    out.push_back({Severity::info, "sectors", "no-governance",
                   "The file describes no decision body, so who has a vote cannot be assessed", {}});
  }
  if (!r.gaps.unlinked_pairs.empty()) {
    Finding f{Severity::low, "sectors", "unlinked-sectors", "", {}};
    std::vector<std::string> examples;
    for (const auto& [a, b] : r.gaps.unlinked_pairs) {
      f.subjects.push_back(fmt::format("{}+{}", sectors[a].id, sectors[b].id));
      if (examples.size() < 3) examples.push_back(fmt::format("{} and {}", sectors[a].name, sectors[b].name));
    }
    const std::size_t n = r.gaps.unlinked_pairs.size();
    f.message = fmt::format("{} {} of sectors at the table {} no tie between them, such as {}", n,
                            n == 1 ? "pair" : "pairs", n == 1 ? "has" : "have", fmt::join(examples, "; "));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace xsector
