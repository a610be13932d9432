// Coalition-wide power: seat and power shares per member and sector across the decision
// bodies, community-led and lived-experience shares, the backbone's share, inequality,
// resources against power, and concentrated roles.
#include "xsector/coalition_power.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "xsector/structure.hpp"

namespace xsector {

CoalitionPower coalition_power(const Coalition& c, const Network& g, const SectorIndex& sectors,
                               const std::vector<double>& betweenness) {
  CoalitionPower out;
  const std::size_t n = c.members.size();
  out.members.assign(n, {});
  out.sectors.assign(sectors.sectors.size(), {});
  for (std::size_t b = 0; b < c.governance.size(); ++b) out.bodies.push_back(body_power(c, b));
  const auto bodies = static_cast<double>(out.bodies.size());
  for (const auto& body : out.bodies) {
    for (const auto& s : body.seats) {
      out.members[s.member].seats += s.seat_share / bodies;
      out.members[s.member].power += s.banzhaf.value_or(0.0) / bodies;
    }
  }
  for (std::size_t v = 0; v < n; ++v) {
    out.sectors[sectors.sector_of[v]].seats += out.members[v].seats;
    out.sectors[sectors.sector_of[v]].power += out.members[v].power;
  }
  if (!out.bodies.empty()) {
    ShareFigures community;
    ShareFigures lived;
    for (std::size_t v = 0; v < n; ++v) {
      if (c.members[v].community_led) {
        community.seats += out.members[v].seats;
        community.power += out.members[v].power;
      }
      if (c.members[v].lived_experience) {
        lived.seats += out.members[v].seats;
        lived.power += out.members[v].power;
      }
    }
    out.community_led = community;
    out.lived_experience = lived;
  }
  const double all_betweenness = std::accumulate(betweenness.begin(), betweenness.end(), 0.0);
  if (c.backbone) {
    if (!out.bodies.empty()) out.backbone_power_share = out.members[*c.backbone].power;
    if (all_betweenness > 0) out.backbone_betweenness_share = betweenness[*c.backbone] / all_betweenness;
  }
  std::vector<double> deg;
  for (const auto d : degrees(g)) deg.push_back(static_cast<double>(d));
  out.gini_degree = gini(deg);
  out.gini_betweenness = gini(betweenness);

  // Scaled by the largest amount so that amounts near the largest double cannot overflow.
  double largest = 0;
  for (const auto& m : c.members) largest = std::max(largest, m.funding.value_or(0.0));
  double funding = 0;
  for (const auto& m : c.members) funding += largest > 0 ? m.funding.value_or(0.0) / largest : 0.0;
  if (funding > 0 && !out.bodies.empty()) {
    std::vector<ResourceGap> gaps;
    for (std::size_t v = 0; v < n; ++v) {
      gaps.push_back({v, c.members[v].funding.value_or(0.0) / largest / funding, out.members[v].power});
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const ResourceGap& a, const ResourceGap& b) {
      return std::abs(a.funding_share - a.power_share) > std::abs(b.funding_share - b.power_share);
    });
    gaps.resize(std::min<std::size_t>(5, gaps.size()));
    out.resource_gaps = std::move(gaps);
  }
  for (std::size_t v = 0; v < n; ++v) {
    MemberRoles roles{v, {}};
    if (c.backbone == v) roles.roles.emplace_back("backbone");
    for (const auto& body : c.governance) {
      if (body.chair == v) roles.roles.push_back("chair:" + body.id);
    }
    const auto& tags = c.members[v].tags;
    if (std::find(tags.begin(), tags.end(), "fiscal-agent") != tags.end()) roles.roles.emplace_back("fiscal-agent");
    if (roles.roles.size() >= 2) out.concentrated_roles.push_back(std::move(roles));
  }
  return out;
}

}  // namespace xsector
