// Centrality of members, on the undirected, unweighted view of the ties. Each function
// names the reference it matches; docs/metrics.md says the same for users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "xsector/network.hpp"

namespace xsector {

/// How path figures are computed: exactly, or by source sampling on large networks.
enum class Precision { automatic, exact, approximate };

/// Above this work, n (n + 2m) arc visits, `automatic` estimates instead of computing exactly
/// (about 20,000 members at an average degree of 10).
inline constexpr double exact_work_budget = 4e9;
/// Sampled sources are capped so that k (n + 2m) stays within this work.
inline constexpr double sample_work_budget = 1e9;
/// Default precision of estimates: every estimated betweenness (and harmonic / (n - 1)) lies
/// within epsilon of the exact value for all members at once, with probability 1 - delta.
inline constexpr double default_epsilon = 0.02;
inline constexpr double default_delta = 0.1;
inline constexpr std::uint64_t default_seed = 20240601;

struct PathOptions {
  unsigned threads = 0;  ///< worker threads; 0 = every core. Results do not depend on it.
  Precision precision = Precision::automatic;
  double epsilon = default_epsilon;  ///< wanted precision when estimating (capped by the budget)
  double delta = default_delta;
  std::uint64_t seed = default_seed;
  double work_budget = exact_work_budget;     ///< exact below this (automatic precision)
  double sample_budget = sample_work_budget;  ///< caps k (n + 2m), with work_budget
  bool distances = true;   ///< closeness, harmonic, average path length, diameter (else betweenness only)
  bool weighted = false;   ///< also weighted betweenness and closeness (tie distance 1/level), same sources
  bool unweighted = true;  ///< false: only the weighted figures (with `weighted`; the others stay empty)
};

/// How estimated path figures were sampled (see `path_figures`).
struct Sampling {
  std::size_t samples = 0;  ///< sources drawn, uniformly with replacement
  std::size_t sources = 0;  ///< distinct members among them (each searched once, weighted)
  double epsilon = 0;       ///< guaranteed: |estimate - exact| <= epsilon for every member ...
  double delta = 0;         ///< ... with probability at least 1 - delta (betweenness and harmonic/(n-1))
  std::uint64_t seed = 0;
};

/// Figures that come from one breadth-first search per source member.
struct PathFigures {
  /// Raw betweenness (see betweenness_raw); estimated when `sampling` is set.
  std::vector<double> betweenness_raw;
  /// NetworkX `closeness_centrality` (wf_improved=True): for u reached by r members
  /// counting u, C(u) = (r-1)/sum d(v,u) * (r-1)/(n-1); 0 for an isolate and when n = 1.
  std::vector<double> closeness;
  /// NetworkX `harmonic_centrality`: sum over v != u of 1/d(u,v), unnormalized;
  /// unreachable members add 0.
  std::vector<double> harmonic;
  /// NetworkX `average_shortest_path_length` of the largest component (the one holding the
  /// earliest member when several are largest): sum of d over ordered pairs / (s(s-1));
  /// null when that component is a single member.
  std::optional<double> average_path_length;
  /// The largest eccentricity in that same component (0 for a single member).
  std::size_t diameter = 0;
  /// Weighted betweenness, raw (only with PathOptions::weighted): as betweenness_raw, with a
  /// pair's distance 1/level (its highest level), shortest paths compared exactly.
  std::vector<double> weighted_betweenness_raw;
  /// Weighted closeness (only with PathOptions::weighted): NetworkX
  /// `closeness_centrality(G, distance=w)` with w = 1/level, in units of 1/level:
  /// (r-1)/sum d(v,u) * (r-1)/(n-1); 0 for an isolate and when n = 1.
  std::vector<double> weighted_closeness;
  /// Set when the figures are estimates from sampled sources.
  std::optional<Sampling> sampling;
};

/// Every path figure from one breadth-first search per source, shared by betweenness
/// (Brandes' dependency accumulation), closeness, harmonic, eccentricity, average path length
/// and diameter. Sources are split into a fixed number of chunks (independent of the thread
/// count), each with its own accumulator, reduced in chunk order: the numbers are bit for bit
/// the same for any `threads`.
///
/// Exact when `precision` is exact, or automatic and n (n + 2m) <= work_budget. Otherwise
/// sources are sampled (Brandes-Pich) with a seeded generator: k draws uniformly with
/// replacement, k = ceil(ln(4n/delta) / (2 t^2)) with t = epsilon (n-1)/n, capped so that
/// k (n + 2m) <= min(work_budget, sample_budget); the epsilon guaranteed for k is reported. Estimates:
/// betweenness raw = n/(2k) sum over draws of Brandes' dependency delta_s(v); since
/// delta_s(v)/(n-2) lies in [0,1] and averages (n-1)/n times the normalized betweenness, Hoeffding's
/// inequality with a union bound over the n members (and the n harmonic values: hence 4n)
/// gives |normalized estimate - exact| <= epsilon for all members with probability >= 1-delta.
/// Harmonic: n/k sum of 1/d(s,u), same bound on harmonic/(n-1). Closeness: the ratio estimator
/// (r-1)^2/((n-1) D), D = n/k sum of d(s,u) over draws in u's component (no uniform bound; 0 when
/// no draw other than u falls in its component). Average path length: mean over the draws in
/// the largest component (null when none falls there). Diameter: the largest eccentricity of a
/// drawn source, a lower bound (at least half the true diameter).
///
/// Weighted figures (PathOptions::weighted) use the same sources and estimators. A pair's
/// distance is 1/level of its highest level; distances are kept as integers in units of 1/12
/// (12, 6, 4, 3 for levels 1-4), so equal-length paths compare exactly, and searched with a
/// bucket queue (Dial's algorithm, 13 buckets). When every pair has the same level L the
/// weighted figures follow from the unweighted ones (betweenness equal, closeness times L) and
/// no second search runs.
///
/// Disconnected networks: only reachable pairs count (betweenness, distances); closeness
/// scales by the share of members reached, harmonic adds 0 for unreachable members, and
/// average path length and diameter are those of the largest component. An isolate gets 0
/// everywhere. No members: every vector empty, average path length null, diameter 0 (and no
/// sampling). With `unweighted` false, betweenness_raw, closeness and harmonic stay empty.
/// epsilon and delta should lie in (0, 1); they are not checked.
/// Time complexity: O(k (n + m)) for k sources (k = n when exact), memory O(n) per chunk;
/// the weighted search adds O(k (m + D)) with D <= 12 (n - 1) the largest distance in units of
/// 1/12 (the buckets it steps through).
PathFigures path_figures(const Network& g, const PathOptions& options = {});

/// Shortest-path betweenness, raw: for each member v, the sum over unordered pairs {s, t}
/// (s, t != v) of the share of shortest s-t paths through v (Brandes' algorithm for
/// unweighted graphs). Exact; parallel over sources, identical for any thread count.
/// Pairs in different components contribute nothing; isolates and leaves get 0; no members
/// gives an empty vector. Time complexity: O(n (n + m)), memory O(n) per chunk.
std::vector<double> betweenness_raw(const Network& g, unsigned threads = 0);

/// Normalized betweenness as NetworkX `betweenness_centrality(G)`: raw * 2/((n-1)(n-2)).
/// 0 for every member when n < 3 (never NaN); empty for no members. On a disconnected network
/// the denominator stays (n-1)(n-2), as in NetworkX. Exact. Time complexity: O(n (n + m)).
std::vector<double> betweenness(const Network& g, unsigned threads = 0);

/// Weighted betweenness, normalized like `betweenness`: shortest paths where a pair's distance
/// is 1/level (NetworkX `betweenness_centrality(G, weight=w)` with w = 1/level). Exact.
/// 0 for every member when n < 3; empty for no members; unreachable pairs count nothing.
/// Time complexity: O(n (n + m)) (Dial's bucket queue over integer distances 12/level).
std::vector<double> weighted_betweenness(const Network& g, unsigned threads = 0);

/// The normalization of `betweenness`, applied to raw values (n = raw.size()): each times
/// 2/((n-1)(n-2)), or 0 when n < 3. O(n).
std::vector<double> normalized_betweenness(std::vector<double> raw);

/// The guaranteed epsilon for k sampled sources on n members at confidence 1 - delta (see
/// path_figures): n/(n-1) sqrt(ln(4n/delta) / (2k)). 1 when n < 2 or k = 0. O(1).
double sampling_epsilon(std::size_t n, std::size_t k, double delta);

/// The number of sampled sources that guarantees `epsilon` at confidence 1 - delta:
/// ceil(ln(4n/delta) / (2 t^2)) with t = epsilon (n-1)/n; 1 when n < 2. epsilon and delta
/// must be positive (unchecked). O(1).
std::size_t sampling_size(std::size_t n, double epsilon, double delta);

/// NetworkX `eigenvector_centrality(G)`: power iteration on A + I from the uniform vector,
/// scaled to unit 2-norm after every step, stopping when the L1 change is below n * 1e-6.
/// On a disconnected graph the result concentrates on the component with the largest
/// leading eigenvalue (others decay towards 0); components whose leading eigenvalues are
/// equal share it in proportion to their start. Isolates get the value they hold after
/// decay (0 when any tie exists; 1/sqrt(n) each on a graph with no ties). Returns null
/// when 10,000 steps do not converge (NetworkX raises after 100); an empty vector for no
/// members. Time complexity: O(k (n + m)) for k steps, memory O(n + m).
std::optional<std::vector<double>> eigenvector(const Network& g);

/// PageRank as NetworkX `pagerank(G, alpha)` on the undirected view (each tie an arc both
/// ways, all weights 1): uniform teleport, the mass of members without ties spread
/// uniformly, sums to 1. Iterates until the L1 change is below n * 1e-12 (NetworkX stops at
/// n * 1e-6, within 1e-6 of this), at most 10,000 steps (then the last iterate is returned).
/// Isolates get the teleport share plus their share of the spread mass; with no ties every
/// member gets 1/n; no members gives an empty vector. alpha is not checked (use [0, 1)).
/// Time complexity: O(k (n + m)) for k steps, memory O(n + m).
std::vector<double> pagerank(const Network& g, double alpha = 0.85);

}  // namespace xsector
