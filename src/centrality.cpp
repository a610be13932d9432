#include "xsector/centrality.hpp"

#include <Eigen/SparseCore>
#include <cmath>
#include <limits>

#include "xsector/structure.hpp"

namespace xsector {

std::vector<double> betweenness_raw(const Graph& g) {
  // Brandes (2001) for unweighted graphs on the compact snapshot: one BFS per source
  // counting shortest paths, then dependencies accumulated in reverse BFS order.
  const std::size_t n = boost::num_vertices(g);
  const Adjacency adj(g);
  std::vector<double> centrality(n, 0.0);
  std::vector<std::int64_t> dist(n, -1);
  std::vector<double> sigma(n, 0.0);
  std::vector<double> delta(n, 0.0);
  std::vector<std::uint32_t> order(n);
  for (std::size_t s = 0; s < n; ++s) {
    std::size_t head = 0;
    std::size_t tail = 0;
    order[tail++] = static_cast<std::uint32_t>(s);
    dist[s] = 0;
    sigma[s] = 1.0;
    while (head < tail) {
      const std::uint32_t v = order[head++];
      const std::int64_t next = dist[v] + 1;
      for (const std::uint32_t w : adj[v]) {
        if (dist[w] < 0) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] == next) sigma[w] += sigma[v];
      }
    }
    for (std::size_t i = tail; i-- > 1;) {
      const std::uint32_t w = order[i];
      const double share = (1.0 + delta[w]) / sigma[w];
      const std::int64_t previous = dist[w] - 1;
      for (const std::uint32_t v : adj[w]) {
        if (dist[v] == previous) delta[v] += sigma[v] * share;
      }
      centrality[w] += delta[w];
    }
    for (std::size_t i = 0; i < tail; ++i) {
      const std::uint32_t v = order[i];
      dist[v] = -1;
      sigma[v] = 0.0;
      delta[v] = 0.0;
    }
  }
  for (auto& c : centrality) c /= 2.0;  // each unordered pair was counted from both ends
  return centrality;
}

std::vector<double> betweenness(const Graph& g) { return normalized_betweenness(betweenness_raw(g)); }

std::vector<double> normalized_betweenness(std::vector<double> b) {
  const double n = static_cast<double>(b.size());
  const double scale = b.size() < 3 ? 0.0 : 2.0 / ((n - 1.0) * (n - 2.0));
  for (auto& v : b) v *= scale;
  return b;
}

PathFigures path_figures(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  const auto adj = adjacency(g);
  const Components comps = components(g);
  const std::size_t largest = n == 0 ? 0 : comps.largest();
  PathFigures out;
  out.closeness.assign(n, 0.0);
  out.harmonic.assign(n, 0.0);
  constexpr std::size_t unseen = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> dist(n, unseen);
  std::vector<std::size_t> queue(n);
  double largest_sum = 0.0;
  for (std::size_t s = 0; s < n; ++s) {
    std::size_t head = 0;
    std::size_t tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    double sum = 0.0;
    double harmonic = 0.0;
    std::size_t eccentricity = 0;
    while (head < tail) {
      const std::size_t u = queue[head++];
      for (const std::size_t v : adj[u]) {
        if (dist[v] != unseen) continue;
        dist[v] = dist[u] + 1;
        queue[tail++] = v;
        sum += static_cast<double>(dist[v]);
        harmonic += 1.0 / static_cast<double>(dist[v]);
        eccentricity = dist[v];
      }
    }
    const double reached = static_cast<double>(tail);  // counts s itself
    if (sum > 0.0 && n > 1) {
      out.closeness[s] = (reached - 1.0) / sum * (reached - 1.0) / static_cast<double>(n - 1);
    }
    out.harmonic[s] = harmonic;
    if (comps.of[s] == largest) {
      largest_sum += sum;
      out.diameter = std::max(out.diameter, eccentricity);
    }
    for (std::size_t i = 0; i < tail; ++i) dist[queue[i]] = unseen;
  }
  if (n > 0) {
    const double size = static_cast<double>(comps.sizes[largest]);
    if (size > 1.0) out.average_path_length = largest_sum / (size * (size - 1.0));
  }
  return out;
}

namespace {
Eigen::SparseMatrix<double, Eigen::RowMajor> adjacency_matrix(const Graph& g) {
  const auto n = static_cast<Eigen::Index>(boost::num_vertices(g));
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(2 * boost::num_edges(g));
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto s = static_cast<Eigen::Index>(boost::source(e, g));
    const auto t = static_cast<Eigen::Index>(boost::target(e, g));
    entries.emplace_back(s, t, 1.0);
    entries.emplace_back(t, s, 1.0);
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> a(n, n);
  a.setFromTriplets(entries.begin(), entries.end());
  return a;
}
}  // namespace

std::optional<std::vector<double>> eigenvector(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) return std::vector<double>{};
  const auto a = adjacency_matrix(g);
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

std::vector<double> pagerank(const Graph& g, double alpha) {
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  const auto nd = static_cast<double>(n);
  const auto a = adjacency_matrix(g);
  Eigen::VectorXd inverse_degree(static_cast<Eigen::Index>(n));
  std::vector<Eigen::Index> dangling;
  for (Eigen::Index i = 0; i < a.outerSize(); ++i) {
    const auto d = static_cast<double>(a.row(i).nonZeros());
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
