// Decision power: voting-power indices of each governance body, computed exactly, and the
// concentration of power and position across the coalition (DESIGN.md "Power imbalance").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/network.hpp"
#include "xsector/sectors.hpp"

namespace xsector {

/// A weighted voting game [quota; w_1, ..., w_n] in which the players marked `veto` must be
/// in every winning coalition (a coalition wins when its weight reaches the quota and it
/// holds every veto player).
struct WeightedGame {
  std::vector<std::int64_t> weights;  ///< positive
  std::int64_t quota = 1;             ///< at least 1
  std::vector<bool> veto;             ///< empty, or one flag per player
};

/// Power indices of every player, exact: swing counts are big integers, indices are the
/// exact rationals rounded once to double.
struct PowerIndices {
  std::vector<std::string> swings;            ///< Banzhaf swing counts, in decimal
  std::vector<std::optional<double>> banzhaf; ///< swings / Σ swings; null when no one swings
  std::vector<double> penrose;                ///< absolute Banzhaf: swings / 2^(n-1)
  std::vector<double> shapley_shubik;         ///< Σ over swings S of |S|!(n-1-|S|)!/n!
};

/// Banzhaf, Penrose and Shapley-Shubik indices by dynamic programming over the weights of the
/// players who are not veto players, truncated at the quota: the table of coalitions by
/// size and weight is built once (O(n^2 q)) and each player is divided out of it
/// (O(n q) each), so the total is O(n^2 q) big-integer additions, never 2^n. A game whose
/// quota exceeds the total weight has no winning coalition: every index is 0 (Banzhaf null).
PowerIndices power_indices(const WeightedGame& game);

/// Population Gini coefficient Σ_i Σ_j |x_i - x_j| / (2 n Σ x): 0 when all are equal, near 1
/// when one holds everything; null when there are no values or they sum to 0.
std::optional<double> gini(const std::vector<double>& values);

struct SeatPower {
  std::size_t member = 0;
  std::int64_t votes = 0;
  double seat_share = 0;
  std::optional<double> banzhaf;
  double shapley_shubik = 0;
  double penrose = 0;
  bool veto = false;   ///< explicit, or implicit: total - votes < quota
  bool dummy = false;  ///< holds votes but never swings
};

struct BodyPower {
  std::size_t body = 0;  ///< index into Coalition::governance
  std::int64_t quota = 0;
  std::int64_t total_votes = 0;
  bool can_decide = true;  ///< false when the quota exceeds the votes (after a departure)
  std::vector<SeatPower> seats;  ///< in file order
  std::vector<std::size_t> veto_players;
  std::vector<std::size_t> dummies;
  std::optional<double> gini_seats;
  std::optional<double> gini_power;  ///< over normalized Banzhaf
  /// 1 / Σ p_i^2 over normalized Banzhaf: how many equal decision makers the power
  /// distribution amounts to; null when no one has power.
  std::optional<double> effective_decision_makers;
};

/// Power in body `body`, optionally with member `without` gone: its seat and any veto it held
/// are removed and the quota is re-derived from the rule (an explicit quota stays).
BodyPower body_power(const Coalition& coalition, std::size_t body,
                     std::optional<std::size_t> without = std::nullopt);

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
  std::vector<ShareFigures> members;       ///< per member
  std::vector<ShareFigures> sectors;       ///< per entry of SectorIndex::sectors
  std::optional<ShareFigures> community_led;     ///< null without bodies
  std::optional<ShareFigures> lived_experience;  ///< null without bodies
  std::optional<double> backbone_power_share;       ///< null without backbone or bodies
  std::optional<double> backbone_betweenness_share; ///< its share of all betweenness
  std::optional<double> gini_degree;
  std::optional<double> gini_betweenness;
  /// Members whose share of all `funding` and share of power differ most (largest first,
  /// at most five); empty when no member states funding or there are no bodies.
  std::vector<ResourceGap> resource_gaps;
  /// Members holding two or more of: the backbone, a chair, the `fiscal-agent` tag.
  std::vector<MemberRoles> concentrated_roles;
};

CoalitionPower coalition_power(const Coalition& coalition, const Network& g, const SectorIndex& sectors,
                               const std::vector<double>& betweenness);

}  // namespace xsector
