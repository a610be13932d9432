// Decision power across the coalition: each member's and sector's mean share of seats and of
// power over the bodies, the community-led and lived-experience shares, the backbone's share,
// and concentration (docs/power.md). The power of one body is in power.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/network.hpp"
#include "xsector/power.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

struct ShareFigures {
  double seats = 0;  ///< share of seats
  double power = 0;  ///< share of power
};

struct MemberRoles {
  std::size_t member = 0;
  std::vector<std::string> roles;  ///< `backbone`, `chair:<body>`, `fiscal-agent`
};

struct ResourceGap {
  std::size_t member = 0;
  double funding_share = 0;
  double power_share = 0;
};

/// Coalition-wide power. A member's seat and power shares are the means over all bodies
/// of its seat share and normalized Banzhaf index there (0 where it holds no seat), so each
/// body weighs the same; shares of groups are sums over their members.
struct CoalitionPower {
  std::vector<BodyPower> bodies;
  std::vector<ShareFigures> members;                 ///< per member
  std::vector<ShareFigures> sectors;                 ///< per entry of SectorIndex::sectors
  std::optional<ShareFigures> community_led;         ///< null without bodies
  std::optional<ShareFigures> lived_experience;      ///< null without bodies
  std::optional<double> backbone_power_share;        ///< null without backbone or bodies
  std::optional<double> backbone_betweenness_share;  ///< its share of all betweenness
  std::optional<double> gini_degree;
  std::optional<double> gini_betweenness;
  /// Members whose share of all `funding` and share of power differ most (largest first,
  /// at most five); empty when no member states funding or there are no bodies.
  std::vector<ResourceGap> resource_gaps;
  /// Members holding two or more of: the backbone, a chair, the `fiscal-agent` tag.
  std::vector<MemberRoles> concentrated_roles;

  /// Member `v`'s shares, or nullopt when the file has no decision body: a mean over no
  /// bodies is undefined (`members` holds 0 there, for sizing and sums). O(1).
  [[nodiscard]] std::optional<ShareFigures> member_shares(std::size_t v) const {
    return bodies.empty() ? std::nullopt : std::optional<ShareFigures>(members[v]);
  }
  /// Shares of sector `s` (an entry of SectorIndex::sectors), nullopt without bodies. O(1).
  [[nodiscard]] std::optional<ShareFigures> sector_shares(std::size_t s) const {
    return bodies.empty() ? std::nullopt : std::optional<ShareFigures>(sectors[s]);
  }
};

/// Power of every body (body_power) and across the coalition (see CoalitionPower), with the
/// Gini coefficients of degree and of `betweenness` (one value per member, or empty: the
/// betweenness figures are then null). A coalition without bodies gets zero shares and null
/// group shares; without ties or members the Gini of degree is null. Time complexity: the
/// bodies' power, plus O(n log n + seats + n B) for B bodies (chairs are checked per member).
CoalitionPower coalition_power(const Coalition& coalition, const Network& g, const SectorIndex& sectors,
                               const std::vector<double>& betweenness);

}  // namespace xsector
