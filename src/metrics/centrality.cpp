#include "xsector/centrality.hpp"

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "common/random.hpp"
#include "metrics/centrality_kernels.hpp"
#include "xsector/structure.hpp"

namespace xsector {

using detail::ChunkSums;
using detail::distance_unit;
using detail::Kernel;
using detail::run_sources;
using detail::SplitMix64;
using detail::WeightedKernel;

double sampling_epsilon(std::size_t n, std::size_t k, double delta) {
  if (n < 2 || k == 0) return 1.0;
  const auto nd = static_cast<double>(n);
  const double t = std::sqrt(std::log(4.0 * nd / delta) / (2.0 * static_cast<double>(k)));
  return nd / (nd - 1.0) * t;
}

std::size_t sampling_size(std::size_t n, double epsilon, double delta) {
  if (n < 2) return 1;
  const auto nd = static_cast<double>(n);
  const double t = epsilon * (nd - 1.0) / nd;
  return static_cast<std::size_t>(std::ceil(std::log(4.0 * nd / delta) / (2.0 * t * t)));
}

namespace {

/// Chooses the sources of the breadth-first searches: every member, or (above the work budget,
/// or when asked) a sample drawn with replacement, each drawn source weighted by n/k times its
/// draws. Returns the sampling's description when it sampled.
std::optional<Sampling> choose_sources(const Network& g, const PathOptions& options,
                                       std::vector<std::uint32_t>& sources, std::vector<double>& weights) {
  const std::size_t n = g.size();
  const double work_per_source = static_cast<double>(n) + 2.0 * static_cast<double>(g.pair_count());
  const bool sample =
      n > 0 &&
      (options.precision == Precision::approximate ||
       (options.precision == Precision::automatic && static_cast<double>(n) * work_per_source > options.work_budget));
  if (!sample) {
    sources.resize(n);
    for (std::size_t v = 0; v < n; ++v) sources[v] = static_cast<std::uint32_t>(v);
    weights.assign(n, 1.0);
    return std::nullopt;
  }
  std::size_t k = sampling_size(n, options.epsilon, options.delta);
  const auto affordable =
      static_cast<std::size_t>(std::min(options.work_budget, options.sample_budget) / work_per_source);
  k = std::max<std::size_t>(1, std::min(k, affordable));
  SplitMix64 rng{options.seed};
  std::vector<std::uint32_t> draws(n, 0);
  for (std::size_t i = 0; i < k; ++i) ++draws[rng.below(n)];
  const double scale = static_cast<double>(n) / static_cast<double>(k);
  for (std::size_t v = 0; v < n; ++v) {
    if (draws[v] == 0) continue;
    sources.push_back(static_cast<std::uint32_t>(v));
    weights.push_back(scale * static_cast<double>(draws[v]));
  }
  return Sampling{k, sources.size(), sampling_epsilon(n, k, options.delta), options.delta, options.seed};
}

/// The unweighted figures; returns the sources searched and their weights in `sources`/`weights`.
PathFigures unweighted_path_figures(const Network& g, const PathOptions& options, std::vector<std::uint32_t>& sources,
                                    std::vector<double>& weights) {
  const std::size_t n = g.size();
  PathFigures out;
  const std::optional<Sampling> sampling = choose_sources(g, options, sources, weights);
  const bool sample = sampling.has_value();
  std::vector<std::uint64_t> distance_sum;
  std::vector<std::uint32_t> eccentricity;
  Kernel kernel{g};
  kernel.distances = options.distances;
  kernel.sampled = sample;
  if (options.distances) {
    out.closeness.assign(n, 0.0);
    out.harmonic.assign(n, 0.0);
    distance_sum.assign(n, 0);
    eccentricity.assign(n, 0);
    kernel.closeness = &out.closeness;
    kernel.harmonic = &out.harmonic;
    kernel.distance_sum = &distance_sum;
    kernel.eccentricity = &eccentricity;
  }
  if (sample) out.sampling = *sampling;
  if (!options.unweighted) {
    out.closeness.clear();
    out.harmonic.clear();
    return out;
  }
  ChunkSums sums = run_sources(kernel, sources, weights, options.threads);
  out.betweenness_raw = std::move(sums.dependency);
  for (auto& b : out.betweenness_raw) b /= 2.0;  // each unordered pair was counted from both ends
  if (!options.distances || n == 0) return out;

  const Components comps = components(g);
  const std::size_t largest = comps.largest();
  const double largest_size = static_cast<double>(comps.sizes[largest]);
  if (sample) {
    for (std::size_t u = 0; u < n; ++u) {
      out.harmonic[u] = sums.inverse[u];
      const double reached = static_cast<double>(comps.sizes[comps.of[u]]);
      if (sums.distance[u] > 0.0 && n > 1) {
        out.closeness[u] = (reached - 1.0) / sums.distance[u] * (reached - 1.0) / static_cast<double>(n - 1);
      }
    }
    double drawn = 0.0;
    double total = 0.0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const std::uint32_t s = sources[i];
      if (comps.of[s] != largest) continue;
      drawn += weights[i];
      total += weights[i] * static_cast<double>(distance_sum[s]);
      out.diameter = std::max<std::size_t>(out.diameter, eccentricity[s]);
    }
    if (largest_size > 1.0 && drawn > 0.0) out.average_path_length = total / (drawn * (largest_size - 1.0));
    return out;
  }
  std::uint64_t largest_sum = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (comps.of[s] != largest) continue;
    largest_sum += distance_sum[s];
    out.diameter = std::max<std::size_t>(out.diameter, eccentricity[s]);
  }
  if (largest_size > 1.0)
    out.average_path_length = static_cast<double>(largest_sum) / (largest_size * (largest_size - 1.0));
  return out;
}

/// Adds the weighted figures to `out`, from the same sources and weights.
void add_weighted(const Network& g, const PathOptions& options, const std::vector<std::uint32_t>& sources,
                  const std::vector<double>& weights, PathFigures& out) {
  const std::size_t n = g.size();
  const auto pairs = g.pairs();
  const bool uniform =
      std::all_of(pairs.begin(), pairs.end(), [&](const PairEdge& p) { return p.level == pairs.front().level; });
  if (uniform && options.distances && options.unweighted) {
    // Every path is L times shorter: the same shortest paths, closeness L times larger.
    const double level = pairs.empty() ? 1.0 : static_cast<double>(pairs.front().level);
    out.weighted_betweenness_raw = out.betweenness_raw;
    out.weighted_closeness = out.closeness;
    for (auto& c : out.weighted_closeness) c *= level;
    return;
  }
  std::vector<std::uint8_t> length(pairs.size());
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    const int level = std::clamp(pairs[e].level, 1, 4);
    length[e] = static_cast<std::uint8_t>(distance_unit / static_cast<std::uint32_t>(level));
  }
  WeightedKernel kernel{g, length};
  kernel.distances = options.distances;
  kernel.sampled = out.sampling.has_value();
  if (options.distances) {
    out.weighted_closeness.assign(n, 0.0);
    kernel.closeness = &out.weighted_closeness;
  }
  ChunkSums sums = run_sources(kernel, sources, weights, options.threads);
  out.weighted_betweenness_raw = std::move(sums.dependency);
  for (auto& b : out.weighted_betweenness_raw) b /= 2.0;
  if (kernel.sampled && options.distances && n > 1) {
    const Components comps = components(g);
    for (std::size_t u = 0; u < n; ++u) {
      const double reached = static_cast<double>(comps.sizes[comps.of[u]]);
      if (sums.distance[u] > 0.0) {
        out.weighted_closeness[u] = (reached - 1.0) / sums.distance[u] * (reached - 1.0) / static_cast<double>(n - 1);
      }
    }
  }
}

}  // namespace

PathFigures path_figures(const Network& g, const PathOptions& options) {
  std::vector<std::uint32_t> sources;
  std::vector<double> weights;
  PathFigures out = unweighted_path_figures(g, options, sources, weights);
  if (options.weighted && g.size() > 0) add_weighted(g, options, sources, weights, out);
  return out;
}

std::vector<double> betweenness_raw(const Network& g, unsigned threads) {
  PathOptions options;
  options.threads = threads;
  options.precision = Precision::exact;
  options.distances = false;
  return path_figures(g, options).betweenness_raw;
}

std::vector<double> betweenness(const Network& g, unsigned threads) {
  return normalized_betweenness(betweenness_raw(g, threads));
}

std::vector<double> weighted_betweenness(const Network& g, unsigned threads) {
  PathOptions options;
  options.threads = threads;
  options.precision = Precision::exact;
  options.distances = false;
  options.weighted = true;
  options.unweighted = false;
  return normalized_betweenness(path_figures(g, options).weighted_betweenness_raw);
}

std::vector<double> normalized_betweenness(std::vector<double> b) {
  const double n = static_cast<double>(b.size());
  const double scale = b.size() < 3 ? 0.0 : 2.0 / ((n - 1.0) * (n - 2.0));
  for (auto& v : b) v *= scale;
  return b;
}

namespace {
using Adjacency = Eigen::Map<const Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>>;

// The adjacency matrix of the undirected view as a view of the Network's own CSR arrays (no
// copy of the structure): Eigen reads the offsets and columns in place, and `ones` holds the
// unit entries. A uint32 array may be read through int32 (same-size signed and unsigned types
// may alias); the values fit below 2^31 arcs, checked here (a CSR that size needs tens of GB).
Adjacency adjacency_matrix(const Network& g, const std::vector<double>& ones) {
  const auto n = static_cast<Eigen::Index>(g.size());
  const auto offsets = g.row_offsets();
  const auto columns = g.columns();
  if (columns.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw std::length_error("the network has too many ties for its eigenvector and PageRank (2^31 arcs)");
  }
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): int32/uint32 may alias
  const auto* outer = reinterpret_cast<const std::int32_t*>(offsets.data());
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): as above
  const auto* inner = reinterpret_cast<const std::int32_t*>(columns.data());
  return {n, n, static_cast<Eigen::Index>(columns.size()), outer, inner, ones.data()};
}
}  // namespace

std::optional<std::vector<double>> eigenvector(const Network& g) {
  const std::size_t n = g.size();
  if (n == 0) return std::vector<double>{};
  const std::vector<double> ones(g.columns().size(), 1.0);
  const Adjacency a = adjacency_matrix(g, ones);
  const double tolerance = 1e-6;
  Eigen::VectorXd x = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(n), 1.0 / static_cast<double>(n));
  for (int step = 0; step < 10000; ++step) {
    Eigen::VectorXd next = x + a * x;
    const double norm = next.norm();
    if (norm > 0.0) next /= norm;
    const double change = (next - x).lpNorm<1>();
    x = std::move(next);
    if (change < static_cast<double>(n) * tolerance) return std::vector<double>(x.begin(), x.end());
  }
  return std::nullopt;
}

std::vector<double> pagerank(const Network& g, double alpha) {
  const std::size_t n = g.size();
  if (n == 0) return {};
  const auto nd = static_cast<double>(n);
  const std::vector<double> ones(g.columns().size(), 1.0);
  const Adjacency a = adjacency_matrix(g, ones);
  Eigen::VectorXd inverse_degree(static_cast<Eigen::Index>(n));
  std::vector<Eigen::Index> dangling;
  for (Eigen::Index i = 0; i < a.outerSize(); ++i) {
    const auto d = static_cast<double>(g.degree(static_cast<std::size_t>(i)));
    inverse_degree[i] = d > 0 ? 1.0 / d : 0.0;
    if (d == 0) dangling.push_back(i);
  }
  Eigen::VectorXd x = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(n), 1.0 / nd);
  for (int step = 0; step < 10000; ++step) {
    double dangling_mass = 0.0;
    for (const auto i : dangling) dangling_mass += x[i];
    // A is symmetric, so A * (x / d) sums each neighbour's share into a member.
    Eigen::VectorXd next = alpha * (a * x.cwiseProduct(inverse_degree));
    next.array() += (alpha * dangling_mass + (1.0 - alpha)) / nd;
    const double change = (next - x).lpNorm<1>();
    x = std::move(next);
    if (change < nd * 1e-12) break;
  }
  return {x.begin(), x.end()};
}

}  // namespace xsector
