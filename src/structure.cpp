#include "xsector/structure.hpp"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <iterator>

namespace xsector {

std::vector<std::size_t> degrees(const Graph& g) {
  std::vector<std::size_t> d(boost::num_vertices(g));
  for (std::size_t v = 0; v < d.size(); ++v) d[v] = boost::out_degree(v, g);
  return d;
}

std::vector<std::optional<double>> degree_centrality(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<std::optional<double>> out(n);
  if (n < 2) return out;
  const auto d = degrees(g);
  for (std::size_t v = 0; v < n; ++v) out[v] = static_cast<double>(d[v]) / static_cast<double>(n - 1);
  return out;
}

std::vector<double> strength(const Graph& g) {
  std::vector<double> s(boost::num_vertices(g), 0.0);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    s[boost::source(e, g)] += g[e].strength;
    s[boost::target(e, g)] += g[e].strength;
  }
  return s;
}

std::size_t Components::largest() const {
  return static_cast<std::size_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
}

Components components(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  const auto adj = adjacency(g);
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  Components c;
  c.of.assign(n, none);
  std::vector<std::size_t> stack;
  for (std::size_t s = 0; s < n; ++s) {
    if (c.of[s] != none) continue;
    const std::size_t label = c.sizes.size();
    c.sizes.push_back(0);
    c.of[s] = label;
    stack.push_back(s);
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      ++c.sizes[label];
      for (const std::size_t v : adj[u]) {
        if (c.of[v] == none) {
          c.of[v] = label;
          stack.push_back(v);
        }
      }
    }
  }
  return c;
}

std::vector<std::size_t> core_numbers(const Graph& g) {
  // Batagelj and Zaversnik (2003): members in bins by current degree, peeled in order.
  const std::size_t n = boost::num_vertices(g);
  const auto adj = adjacency(g);
  std::vector<std::size_t> deg(n);
  std::size_t max_degree = 0;
  for (std::size_t v = 0; v < n; ++v) {
    deg[v] = adj[v].size();
    max_degree = std::max(max_degree, deg[v]);
  }
  std::vector<std::size_t> bin(max_degree + 2, 0);
  for (std::size_t v = 0; v < n; ++v) ++bin[deg[v]];
  std::size_t start = 0;
  for (auto& b : bin) {
    const std::size_t count = b;
    b = start;
    start += count;
  }
  std::vector<std::size_t> order(n);
  std::vector<std::size_t> position(n);
  for (std::size_t v = 0; v < n; ++v) {
    position[v] = bin[deg[v]]++;
    order[position[v]] = v;
  }
  for (std::size_t d = max_degree + 1; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t v = order[i];
    for (const std::size_t u : adj[v]) {
      if (deg[u] <= deg[v]) continue;
      const std::size_t du = deg[u];
      const std::size_t pu = position[u];
      const std::size_t pw = bin[du];
      const std::size_t w = order[pw];
      if (u != w) {
        std::swap(order[pu], order[pw]);
        position[u] = pw;
        position[w] = pu;
      }
      ++bin[du];
      --deg[u];
    }
  }
  return deg;
}

std::vector<std::size_t> triangles(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  const auto adj = adjacency(g);
  std::vector<std::size_t> t(n, 0);
  std::vector<char> mark(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    for (const std::size_t v : adj[u]) mark[v] = 1;
    for (const std::size_t v : adj[u]) {
      for (const std::size_t w : adj[v]) {
        if (w > v && mark[w]) ++t[u];
      }
    }
    for (const std::size_t v : adj[u]) mark[v] = 0;
  }
  return t;
}

std::vector<std::optional<double>> clustering(const Graph& g) {
  const auto t = triangles(g);
  const auto d = degrees(g);
  std::vector<std::optional<double>> c(d.size());
  for (std::size_t v = 0; v < d.size(); ++v) {
    if (d[v] < 2) continue;
    c[v] = 2.0 * static_cast<double>(t[v]) / (static_cast<double>(d[v]) * static_cast<double>(d[v] - 1));
  }
  return c;
}

std::optional<double> transitivity(const Graph& g) {
  const auto t = triangles(g);
  const auto d = degrees(g);
  double closed = 0.0;
  double triples = 0.0;
  for (std::size_t v = 0; v < d.size(); ++v) {
    closed += static_cast<double>(t[v]);
    triples += static_cast<double>(d[v]) * static_cast<double>(d[v] > 0 ? d[v] - 1 : 0) / 2.0;
  }
  if (triples == 0.0) return std::nullopt;
  return closed / triples;
}

std::vector<std::optional<double>> constraint(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  const auto adj = adjacency(g);
  std::vector<std::optional<double>> c(n);
  std::vector<char> mark(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (adj[i].empty()) continue;
    const double p_i = 1.0 / static_cast<double>(adj[i].size());
    double total = 0.0;
    for (const std::size_t j : adj[i]) {
      for (const std::size_t q : adj[j]) mark[q] = 1;
      double indirect = 0.0;
      for (const std::size_t q : adj[i]) {
        if (mark[q]) indirect += p_i / static_cast<double>(adj[q].size());
      }
      for (const std::size_t q : adj[j]) mark[q] = 0;
      total += (p_i + indirect) * (p_i + indirect);
    }
    c[i] = total;
  }
  return c;
}

std::vector<std::optional<double>> effective_size(const Graph& g) {
  const auto t = triangles(g);
  const auto d = degrees(g);
  std::vector<std::optional<double>> e(d.size());
  for (std::size_t v = 0; v < d.size(); ++v) {
    if (d[v] == 0) continue;
    const auto dv = static_cast<double>(d[v]);
    e[v] = dv - 2.0 * static_cast<double>(t[v]) / dv;
  }
  return e;
}

std::vector<bool> articulation_points(const Graph& g) {
  std::vector<Vertex> cut;
  boost::articulation_points(g, std::back_inserter(cut));
  std::vector<bool> out(boost::num_vertices(g), false);
  for (const auto v : cut) out[v] = true;
  return out;
}

std::optional<double> density(const Graph& g) {
  const auto n = static_cast<double>(boost::num_vertices(g));
  if (n < 2) return std::nullopt;
  return 2.0 * static_cast<double>(boost::num_edges(g)) / (n * (n - 1.0));
}

std::optional<double> degree_centralization(const Graph& g) {
  const auto d = degrees(g);
  if (d.size() < 3) return std::nullopt;
  const double top = static_cast<double>(*std::max_element(d.begin(), d.end()));
  double sum = 0.0;
  for (const auto v : d) sum += top - static_cast<double>(v);
  const auto n = static_cast<double>(d.size());
  return sum / ((n - 1.0) * (n - 2.0));
}

std::optional<double> betweenness_centralization(const std::vector<double>& raw_betweenness) {
  if (raw_betweenness.size() < 3) return std::nullopt;
  const double top = *std::max_element(raw_betweenness.begin(), raw_betweenness.end());
  double sum = 0.0;
  for (const auto b : raw_betweenness) sum += top - b;
  const auto n = static_cast<double>(raw_betweenness.size());
  return sum / ((n - 1.0) * (n - 1.0) * (n - 2.0) / 2.0);
}

std::optional<double> reciprocity(const Graph& g) {
  double arcs = 0.0;
  double reciprocated = 0.0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const PairEdge& p = g[e];
    arcs += static_cast<double>(p.arc_low_high) + static_cast<double>(p.arc_high_low);
    if (p.arc_low_high && p.arc_high_low) reciprocated += 2.0;
  }
  if (arcs == 0.0) return std::nullopt;
  return reciprocated / arcs;
}

}  // namespace xsector
