// Comparing coalitions: two waves of one coalition (what changed, and is it more than
// chance?), or many coalitions side by side (one row of headline figures each).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/figures.hpp"
#include "xsector/findings.hpp"
#include "xsector/people.hpp"

namespace xsector {

/// A named figure and its value; null where it is undefined.
struct Figure {
  std::string name;
  std::optional<double> value;
};

/// The coalition-wide figures of figure_table() (xsector/figures.hpp), in its order:
/// network, sector mixing, coverage, fragmentation, coalition-wide power, survey; compared
/// between waves and tabled across coalitions. Figures undefined for the input (or of parts
/// the analysis did not compute) are null, counts 0. Time complexity: O(n + S).
std::vector<Figure> headline_figures(const Analysis& analysis);

/// The order to table coalitions in: by `as_of`, dated before undated, file order otherwise
/// (a stable sort; dates compare as YYYY-MM-DD text). Empty for no coalitions.
/// Time complexity: O(c log c) for c coalitions.
std::vector<std::size_t> wave_order(const std::vector<const Coalition*>& coalitions);

struct Delta {
  std::string name;
  std::optional<double> before;
  std::optional<double> after;
  std::optional<double> change;  ///< after - before; null when either is null
};

struct Rename {
  std::string id;
  std::string name_before, name_after;
  std::string sector_before, sector_after;
};

/// Which way a pair's ties run: `forward` is from the first id (in id order) to the second.
enum class PairDirection { none, undirected, forward, backward, both };

/// `none`, `undirected`, `forward`, `backward` or `both` (the JSON names).
std::string_view to_string(PairDirection direction);

/// How a pair of members is tied: not at all, undirected, or by from/to arcs.
struct PairTie {
  bool tied = false;
  int level = 0;  ///< the highest level of the pair's ties
  PairDirection direction = PairDirection::none;
};

struct TieChange {
  std::string a, b;  ///< member ids, a before b in id order
  PairTie before, after;
};

struct TieChanges {
  std::vector<TieChange> formed, dissolved, strengthened, weakened, redirected;
};

/// QAP correlation of two networks over their common members: Pearson's r over the
/// off-diagonal cells of the two (symmetric, binary) adjacency matrices, as R sna
/// `gcor`, and the p-value p = (b + 1) / (m + 1) of Phipson and Smyth (2010), never 0: m the
/// relabellings of the second network besides the observed labelling, b those of them whose
/// r is at least the observed one. All k! relabellings are enumerated when k! is at most
/// `permutations` (then m = k! - 1 and p is the exact share of all k!, as sna `qaptest`'s
/// `pgreq`); otherwise m = `permutations` random ones are drawn from std::mt19937_64 seeded
/// with `seed`. `p_value` is null with `correlation`, and when no relabelling was drawn
/// (`permutations` 0 and k! above it).
struct Qap {
  std::size_t common_members = 0;
  std::optional<double> correlation;  ///< null with fewer than 2 common members or a constant matrix
  std::optional<double> p_value;      ///< (at_least + 1) / (m + 1), m as above
  std::size_t permutations = 0;       ///< relabellings counted: k! when exact (the identity too), else m
  std::size_t at_least = 0;           ///< b: relabellings besides the observed one at least as extreme
  bool exact = false;
  std::uint64_t seed = 0;
  bool valued = false;  ///< r over tie levels (0 for no tie) rather than 0/1 (qap_test_valued)
};

/// A simple undirected network over members 0 .. `members` - 1: each tied pair once, as
/// (i, j) with i < j.
struct PairList {
  std::size_t members = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
};

/// QAP test of two networks over the same `k` members, from their tied pairs alone.
/// Pearson's r over the k (k - 1) off-diagonal cells comes from four counts: the cells N,
/// the ones of each matrix (twice the pairs) and the ones in both:
/// r = (N n_ab - n_a n_b) / sqrt(n_a (N - n_a) n_b (N - n_b)).
/// A relabelling π's statistic counts the pairs {i, j} of `a` whose image {π i, π j} is a
/// pair of `b` (a binary search in b's sorted neighbour list of the smaller end). r rises
/// with that count, so the p-value compares counts: no rounding decides a tie.
/// r (and the p-value) is null with fewer than two members or when either network has no
/// pair or every pair, and when `b.members` differs from `a.members`. Repeated or self pairs,
/// and pairs naming a member at or above `members`, are ignored. Time O(P (|a| log d_b + k))
/// for P relabellings (P = k! when exact), memory O(k + |a| + |b|); no k x k matrix.
Qap qap_test(const PairList& a, const PairList& b, std::size_t permutations, std::uint64_t seed,
             bool allow_exact = true);

/// The same test on k x k 0/1 matrices (read above the diagonal: the networks are
/// undirected; the matrices' sizes are the member counts, and a short row reads as zeros).
/// `allow_exact = false` always draws random relabellings (to study the estimate). O(k^2) to
/// read the matrices, then as the PairList version.
Qap qap_test(const std::vector<std::vector<char>>& adjacency_a, const std::vector<std::vector<char>>& adjacency_b,
             std::size_t permutations, std::uint64_t seed, bool allow_exact = true);

struct SectorDelta {
  std::string sector;
  Delta members, internal_ties, external_ties, ei_index;
};

struct BodyDelta {
  std::string body;
  bool in_before = false, in_after = false;
  Delta effective_decision_makers;
  std::vector<Delta> banzhaf;  ///< per member id (name = id), union of both waves' seats
};

/// The kinds of coverage gap (SectorGaps) a comparison follows, in the order it lists them.
enum class GapKind { thin, cut_off, unlinked_pairs, no_vote, single_broker };
inline constexpr std::array<GapKind, 5> gap_kinds = {GapKind::thin, GapKind::cut_off, GapKind::unlinked_pairs,
                                                     GapKind::no_vote, GapKind::single_broker};
/// The kind's key in the JSON `gaps` (`thin`, `cut_off`, `unlinked_pairs`, `no_vote`,
/// `single_broker`). O(1).
std::string_view to_string(GapKind kind);

/// One kind of coverage gap across two waves, matched by sector id.
struct GapChange {
  GapKind kind = GapKind::thin;
  /// How many gaps of this kind each wave has; null for `no_vote` in a wave whose file
  /// describes no decision body (no seat to lack).
  std::optional<std::size_t> before, after;
  /// Gaps only in the second wave (in its order), and only in the first (in the first's):
  /// each one sector id, or two for `unlinked_pairs` (a pair matches in either order). Both
  /// empty when either count is null. O(g log g) for g gaps of this kind.
  std::vector<std::vector<std::string>> opened, closed;
};

/// A member in both waves: each member figure of member_figure_table() (figures.hpp), in its
/// order, before and after (a figure a wave lacks, such as trust without a survey, is null).
struct MemberChange {
  std::string id;
  std::vector<Delta> figures;
};

/// One of the largest member changes: `Comparison::members_changed[member].figures[figure]`.
/// `size` is |change| over the largest |value| the figure takes among the kept members in
/// either wave, so changes of figures on different scales compare (1 = as large as the
/// figure's largest value).
struct RankedChange {
  std::size_t member = 0;
  std::size_t figure = 0;
  double size = 0;
};

/// Who answered the survey of each wave, by member id (in the later wave's order for `both`
/// and `only_after`, the earlier wave's for `only_before`). `surveyed` is false, and the
/// lists empty, unless both waves hold a survey.
struct Respondents {
  bool surveyed = false;
  std::vector<std::string> both, only_before, only_after;
};

struct Comparison {
  std::vector<std::string> joined, left, kept;
  std::vector<MemberChange> members_changed;  ///< one per kept member, in the first wave's order
  /// The ten largest changes of the headline member figures (MemberFigureSpec::headline),
  /// largest first (ties in member, then figure order); only changes that are not zero.
  std::vector<RankedChange> largest_changes;
  Respondents respondents;
  /// True when the tie comparison (ties formed, dissolved, strengthened, weakened and
  /// redirected, and the QAP) covers only pairs of members who answered both surveys
  /// (CompareOptions::respondents_both with a survey in both waves).
  bool respondents_both = false;
  std::vector<Rename> renamed;
  TieChanges ties;
  std::vector<Delta> network;
  std::vector<SectorDelta> sectors;          ///< sectors present in either wave
  std::vector<std::string> sectors_covered;  ///< missing before, present after
  std::vector<std::string> sectors_lost;     ///< present before, missing after
  std::vector<GapChange> gaps;               ///< one per kind, in the order of gap_kinds
  std::vector<Delta> power;                  ///< coalition-wide power share per member (union)
  std::vector<BodyDelta> bodies;
  Qap qap;
  PeopleChanges people;  ///< contacts who left or joined; handoffs and losses (people.hpp)
  std::vector<Finding> findings;
  /// False when the two files are different coalitions (match_coalitions): they are then
  /// compared side by side, `joined`/`left` mean only in the second / only in the first, and
  /// no finding speaks of change over time.
  bool as_waves = true;
  std::string kind_note;  ///< why the files were taken as different coalitions; empty for waves
};

struct CompareOptions {
  std::size_t permutations = 1000;
  std::uint64_t seed = 1;
  /// QAP on valued ties: each pair's cell is its highest tie level (1-4; 0 untied).
  bool valued_qap = false;
  /// Compare ties only between members who answered both waves' surveys (`--respondents
  /// both`); ignored unless both waves hold a survey.
  bool respondents_both = false;
};

/// A simple undirected valued network over members 0 .. `members` - 1: each tied pair once,
/// as (i, j, value) with i < j and value > 0 (a tie level).
struct ValuedPairList {
  std::size_t members = 0;
  struct Pair {
    std::uint32_t i = 0, j = 0;
    std::int64_t value = 0;
  };
  std::vector<Pair> pairs;
};

/// QAP test on valued ties: Pearson's r over the k (k - 1) / 2 pairs (the off-diagonal cells
/// of the symmetric valued matrices, untied pairs 0; as R sna `gcor` on valued graphs, which
/// counting each pair twice does not change), and the share of relabellings of `b` whose
/// cross-product sum Σ a_ij b_πiπj (hence r) is at least the observed one, compared as whole
/// numbers. Exact over all k! relabellings when k! ≤ `permutations`, else random ones from
/// std::mt19937_64(seed), as qap_test. A repeated pair keeps its highest value; self pairs
/// and values ≤ 0 are ignored. r is null with fewer than two members or a constant matrix.
/// With every value 1 it equals qap_test. Time O(P (|a| log d_b + k)), memory O(k + |a| + |b|).
Qap qap_test_valued(const ValuedPairList& a, const ValuedPairList& b, std::size_t permutations, std::uint64_t seed,
                    bool allow_exact = true);

/// The p-value as printed, always a plain decimal: three decimals from 0.001 up, three
/// significant digits below (1/1001 prints "0.000999", 1/10001 "0.0001000"); never
/// "0.000" (p is never 0) and never an exponent. "-" for null. O(1).
std::string p_value_text(const Qap& qap);

/// Whether two files are waves of one coalition: the same `coalition.name` and at least
/// half of the smaller file's members (by id) in both. Otherwise they are different
/// coalitions, and `note` says why. O(n log n).
struct CoalitionMatch {
  bool same_name = false;
  std::size_t shared = 0;   ///< member ids in both
  std::size_t smaller = 0;  ///< members of the smaller file
  bool waves = false;
  std::string note;
};
CoalitionMatch match_coalitions(const Coalition& a, const Coalition& b);

/// True when both files are dated and `b` is dated before `a`: the waves are given in the
/// wrong order, and `xsector compare` swaps them (with a `waves-reordered` finding). False
/// when either is undated or they share a date. O(1).
bool dated_before(const Coalition& b, const Coalition& a);

/// The info finding `waves-reordered`: the file given second (`earlier_file`, dated
/// `earlier_date`) is dated before the one given first, so they are compared the other way
/// round. Its facts are the four arguments. O(size of the arguments).
Finding waves_reordered(std::string earlier_file, std::string earlier_date, std::string later_file,
                        std::string later_date);

/// Turns a wave comparison of two different coalitions into a side-by-side one: sets
/// `as_waves` and `kind_note`, drops the findings that speak of change over time
/// (membership-change, sector-joined, sector-lost, density, power and brokerage changes,
/// qap) and adds an info finding `different-coalitions`. compare() calls it.
/// O(findings).
void compare_as_coalitions(Comparison& comparison, const CoalitionMatch& match);

/// Everything that changed from `a` (before) to `b` (after), by member id: joined, left,
/// renamed and kept members; ties formed, dissolved, strengthened, weakened and redirected;
/// every headline figure, sector, body and power share before and after; the QAP test over
/// the kept members (null with fewer than two, or when either wave has no tie or every tie
/// among them); the people's changes; and findings. Calls match_coalitions and, for two
/// different coalitions, compare_as_coalitions. Each analysis must be of its own coalition
/// with the sectors and power parts computed (figures of parts left out compare as null).
/// Apart from the QAP permutations, O((n + t) log(n + t) + S log S + B (B + n)) for n members,
/// t ties, S sectors and B bodies of both waves.
Comparison compare(const Coalition& a, const Analysis& analysis_a, const Coalition& b, const Analysis& analysis_b,
                   const CompareOptions& options = {});

}  // namespace xsector
