// Decision power: voting-power indices of each governance body, computed exactly, and the
// concentration of power and position across the coalition (docs/power.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/bigint.hpp"
#include "xsector/coalition.hpp"

namespace xsector {

/// A weighted voting game [quota; w_1, ..., w_n] in which the players marked `veto` must be
/// in every winning coalition (a coalition wins when its weight reaches the quota and it
/// holds every veto player).
struct WeightedGame {
  std::vector<std::int64_t> weights;  ///< positive
  std::int64_t quota = 1;             ///< at least 1
  std::vector<bool> veto;             ///< empty, or one flag per player
};

/// How a Monte-Carlo estimate was made and how precise it is. Present only when the exact
/// table would exceed the budget (see PowerOptions); every output marks such a body.
struct PowerEstimate {
  static constexpr std::string_view method = "monte-carlo";  ///< the only estimate made
  static constexpr std::string_view interval = "bernstein";  ///< Bernstein's inequality: holds for any true value
  std::uint64_t samples = 0;  ///< random coalitions for Banzhaf/Penrose, as many random orders for Shapley-Shubik
  std::uint64_t seed = 0;
  double confidence = 0.99;
  /// Largest half-width over the seats of a 99% interval for `penrose` (each seat's own
  /// interval; see docs/power.md for the formula).
  double penrose_half_width = 0;
  double shapley_shubik_half_width = 0;  ///< likewise for `shapley_shubik`
  /// Largest half-width of a seat's normalized `banzhaf`, derived from simultaneous
  /// (Bonferroni: each at 1 - 0.01/n) intervals of every seat's swing probability.
  double banzhaf_half_width = 0;
};

/// Limits of the exact computation and the settings of its Monte-Carlo fallback.
struct PowerOptions {
  /// Largest number of 64-bit limb additions the exact table may take (about 0.5 s). Above it
  /// the indices are estimated.
  std::uint64_t exact_budget = 600'000'000;
  /// Largest memory in bytes the exact table and its working copy may take together; above it
  /// the indices are estimated.
  std::uint64_t exact_memory = std::uint64_t{256} << 20U;
  /// Samples of each kind when estimating; 0 picks 2^16 (a half-width of at most 0.0064 at 99%,
  /// far less for small indices) up to 4,096 seats, and body_estimate_work / seats above.
  std::uint64_t samples = 0;
  std::uint64_t seed = 20261123;
};

/// A game of more players is always estimated: its exact rationals (n! and the counts) would
/// take about n^2 log n bits in all.
inline constexpr std::size_t exact_player_limit = 4096;
/// Monte-Carlo work of one estimate with default samples, in seat-samples (samples x seats):
/// 2^16 samples up to 4,096 seats, fewer above, but never fewer than min_estimate_samples.
inline constexpr std::uint64_t body_estimate_work = std::uint64_t{1} << 28U;
inline constexpr std::uint64_t min_estimate_samples = 1024;
/// Every departure from one body re-estimated together: at most this many seat-samples
/// (samples x remaining seats x departures; see body_power).
inline constexpr std::uint64_t departure_estimate_work = std::uint64_t{1} << 29U;
/// Power after each departure is recomputed only in bodies of at most this many seats
/// (resilience); in a larger body a departure says only whether the rest can still decide.
inline constexpr std::size_t departure_seat_limit = 1500;
/// A departure lists at most this many remaining seat holders: those whose index changes most.
inline constexpr std::size_t departure_listed_seats = 200;

/// Power indices of every player (the figures of banzhaf(), penrose() and shapley_shubik() in
/// one computation): exact unless `estimate` is set. Exact swing counts are big
/// integers, indices the exact rationals rounded once to double.
struct PowerIndices {
  std::vector<std::optional<BigCount>> swings;  ///< exact Banzhaf swing counts; null when estimated
  std::vector<std::optional<double>> banzhaf;   ///< swings / Σ swings; null when no one swings
  std::vector<double> penrose;                  ///< absolute Banzhaf: swings / 2^(n-1)
  std::vector<double> shapley_shubik;           ///< Σ over swings S of |S|!(n-1-|S|)!/n!
  std::optional<PowerEstimate> estimate;        ///< set when the figures are Monte-Carlo estimates
};

/// Banzhaf, Penrose and Shapley-Shubik indices of a weighted voting game.
///
/// Exact method: a dynamic programme counts the coalitions of the non-veto players by size and
/// weight, storing only the weights that some coalition reaches below the cut-off. Weights and
/// cut-off are first divided by the gcd of the weights, and the game or its dual (quota
/// total - q + 1, which has the same swings) is used, whichever has the smaller cut-off c. The
/// table is built once and each distinct weight is divided out of it once. With f non-veto
/// players, m <= c reachable weights and d distinct weights the work is O((f^2/2 + d f) m)
/// additions of (f+1)-bit integers (fixed-width limbs), memory O(f m) of them; never 2^n.
/// When that work exceeds `options.exact_budget`, the table and its copy `options.exact_memory`,
/// or the game has more than exact_player_limit players, the indices are estimated by Monte Carlo:
/// `samples` random coalitions (each player in with probability 1/2) for Banzhaf and Penrose,
/// as many random orders for Shapley-Shubik, O(n samples), seeded and deterministic.
/// A game whose quota exceeds the total weight has no winning coalition: every index is 0
/// (Banzhaf null), exactly; so is a game with no players (every vector empty). A player who
/// never swings gets 0 (a dummy). Weights must be positive and sum to at most 2^62, and
/// `veto` must be empty or hold one flag per player: none of this is checked, so validate
/// a hand-built game first. Results are cached per thread (the last four games).
PowerIndices power_indices(const WeightedGame& game, const PowerOptions& options = {});

/// Normalized Banzhaf index of every player of a weighted voting game (Banzhaf 1965).
///
/// Definition: a swing of player i is a coalition S of the other players that loses while
/// S + {i} wins (holding the quota and every veto player). With η_i the swings of i, the
/// index is β_i = η_i / Σ_j η_j: i's share of all swings. The values sum to 1; a player who
/// never swings (a dummy) gets 0.
///
/// `game`: the weights (positive), the quota (at least 1) and the veto players (empty, or one
/// flag per player); for example `banzhaf({{4, 4, 4, 2, 2, 1}, 12})` is the EEC Council of
/// Ministers of 1958: 5/21 for each large member, 1/7 for each middle one, 0 for Luxembourg.
/// `options`: the budget of the exact count and the settings of its Monte-Carlo fallback.
///
/// Returns one value per player, in the game's order; every value is null when no one swings
/// (a quota above the total weight: no coalition wins). The values are exact (the exact
/// rational rounded once to double) while the count fits `options`, and otherwise estimated
/// from random coalitions; power_indices() returns the same figures and says which
/// (PowerIndices::estimate, with the 99% interval).
///
/// Throws std::invalid_argument naming the function for a weight of 0 or less, weights
/// summing to more than 2^62, a quota below 1 or a veto list of the wrong length.
///
/// Time complexity: exact, O((f^2/2 + d f) m) additions of (f/64 + 1)-word integers for f
/// non-veto players, d distinct weights and m <= quota/gcd reachable weights, within
/// `options.exact_budget`; estimated, O(n samples). Memory: O(f m) words within
/// `options.exact_memory`, or O(n). See power_indices() for the method.
std::vector<std::optional<double>> banzhaf(const WeightedGame& game, const PowerOptions& options = {});

/// Penrose index (absolute Banzhaf) of every player of a weighted voting game (Penrose 1946).
///
/// Definition: ψ_i = η_i / 2^(n-1), η_i the swings of i (see banzhaf()): the chance that i's
/// vote decides the outcome when every other player votes yes or no with probability 1/2.
/// Unlike banzhaf() the values need not sum to 1; every value is 0 when no coalition wins.
///
/// Parameters, exactness, exceptions and complexity: as banzhaf().
std::vector<double> penrose(const WeightedGame& game, const PowerOptions& options = {});

/// Shapley-Shubik index of every player of a weighted voting game (Shapley and Shubik 1954).
///
/// Definition: of the n! orders in which the players can join a coalition, the share in which
/// player i is pivotal: the coalition before i loses and with i wins. Equivalently
/// φ_i = Σ over swings S of i of |S|! (n - 1 - |S|)! / n!. The values sum to 1 when some
/// coalition wins, and are all 0 when none does; a dummy gets 0. For example the UN Security
/// Council (five permanent members with veto, ten others, nine votes decide) as
/// `shapley_shubik({std::vector<std::int64_t>{7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 39})`:
/// 421/2145 for a permanent member, 4/2145 for another.
///
/// `game`, `options`: as banzhaf(). Returns one value per player, in the game's order: exact
/// while the count fits `options` (the same count as banzhaf(), weighted by size), otherwise
/// estimated from random orders of joining (power_indices() says which).
///
/// Throws std::invalid_argument as banzhaf(). Time and memory complexity: as banzhaf() (plus
/// O(n) big-integer products of factorials when exact).
std::vector<double> shapley_shubik(const WeightedGame& game, const PowerOptions& options = {});

/// Population Gini coefficient Σ_i Σ_j |x_i - x_j| / (2 n Σ x): 0 when all are equal, near 1
/// when one holds everything; null when there are no values or they sum to 0 or less. Values
/// should be non-negative. Time complexity: O(n log n).
std::optional<double> gini(const std::vector<double>& values);

/// One seat of a body: its votes, its share of the votes, and its power indices.
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
  bool can_decide = true;        ///< false when the quota exceeds the votes (after a departure)
  std::vector<SeatPower> seats;  ///< in file order
  std::vector<std::size_t> veto_players;
  std::vector<std::size_t> dummies;
  std::optional<double> gini_seats;
  std::optional<double> gini_power;  ///< over normalized Banzhaf
  /// 1 / Σ p_i^2 over normalized Banzhaf: how many equal decision makers the power
  /// distribution amounts to; null when no one has power.
  std::optional<double> effective_decision_makers;
  /// Set when the indices are Monte-Carlo estimates (the body is too large to count exactly).
  std::optional<PowerEstimate> estimate;
};

/// Power in body `body`, optionally with member `without` gone: its seat and any veto it held
/// are removed and the quota is re-derived from the rule (an explicit quota stays).
/// Repeated calls for games that are equal up to the order of the seats (such as departures of
/// seat holders with equal votes) reuse the last results (a small per-thread cache). With a
/// departure from a body of n seats the exact budget is 8/n of `options.exact_budget` and an
/// estimate uses 2^19 / (n - 1) samples (512 to 2^16), but never more than
/// departure_estimate_work / (n (n - 1)) (at least 1), so that all n departures together cost
/// at most departure_estimate_work seat-samples; `estimate` says when the figures are estimated.
/// A body left without seats, or whose quota exceeds its votes, cannot decide: every index is
/// 0 (Banzhaf null) and no seat is a veto player or dummy. `body` must index
/// coalition.governance (unchecked). Time complexity: as power_indices on the body's seats,
/// plus O(s v) for s seats and v veto holders.
BodyPower body_power(const Coalition& coalition, std::size_t body, std::optional<std::size_t> without = std::nullopt,
                     const PowerOptions& options = {});

}  // namespace xsector
