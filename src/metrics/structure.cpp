#include "xsector/structure.hpp"

#include <algorithm>
#include <limits>

#include "metrics/cut_analysis.hpp"

namespace xsector {

std::vector<std::size_t> degrees(const Network& g) {
  std::vector<std::size_t> d(g.size());
  for (std::size_t v = 0; v < d.size(); ++v) d[v] = g.degree(v);
  return d;
}

std::vector<std::optional<double>> degree_centrality(const Network& g) {
  const std::size_t n = g.size();
  std::vector<std::optional<double>> out(n);
  if (n < 2) return out;
  const auto d = degrees(g);
  for (std::size_t v = 0; v < n; ++v) out[v] = static_cast<double>(d[v]) / static_cast<double>(n - 1);
  return out;
}

std::vector<double> strength(const Network& g) {
  std::vector<double> s(g.size(), 0.0);
  for (const PairEdge& p : g.pairs()) {
    s[p.low] += p.strength;
    s[p.high] += p.strength;
  }
  return s;
}

std::size_t Components::largest() const {
  return static_cast<std::size_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
}

Components components(const Network& g) {
  const std::size_t n = g.size();
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
      for (const std::size_t v : g.neighbors(u)) {
        if (c.of[v] == none) {
          c.of[v] = label;
          stack.push_back(v);
        }
      }
    }
  }
  return c;
}

std::vector<std::size_t> core_numbers(const Network& g) {
  // Batagelj and Zaversnik (2003): members in bins by current degree, peeled in order.
  const std::size_t n = g.size();
  std::vector<std::size_t> deg(n);
  std::size_t max_degree = 0;
  for (std::size_t v = 0; v < n; ++v) {
    deg[v] = g.neighbors(v).size();
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
    for (const std::size_t u : g.neighbors(v)) {
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

std::vector<std::size_t> triangles(const Network& g) {
  const std::size_t n = g.size();
  std::vector<std::size_t> t(n, 0);
  std::vector<char> mark(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    for (const std::size_t v : g.neighbors(u)) mark[v] = 1;
    for (const std::size_t v : g.neighbors(u)) {
      for (const std::size_t w : g.neighbors(v)) {
        if (w > v && mark[w]) ++t[u];
      }
    }
    for (const std::size_t v : g.neighbors(u)) mark[v] = 0;
  }
  return t;
}

std::vector<std::optional<double>> clustering(const Network& g) {
  const auto t = triangles(g);
  const auto d = degrees(g);
  std::vector<std::optional<double>> c(d.size());
  for (std::size_t v = 0; v < d.size(); ++v) {
    if (d[v] < 2) continue;
    c[v] = 2.0 * static_cast<double>(t[v]) / (static_cast<double>(d[v]) * static_cast<double>(d[v] - 1));
  }
  return c;
}

std::optional<double> transitivity(const Network& g) {
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

std::vector<std::optional<double>> constraint(const Network& g) {
  const std::size_t n = g.size();
  std::vector<std::optional<double>> c(n);
  std::vector<char> mark(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (g.neighbors(i).empty()) continue;
    const double p_i = 1.0 / static_cast<double>(g.neighbors(i).size());
    double total = 0.0;
    for (const std::size_t j : g.neighbors(i)) {
      for (const std::size_t q : g.neighbors(j)) mark[q] = 1;
      double indirect = 0.0;
      for (const std::size_t q : g.neighbors(i)) {
        if (mark[q]) indirect += p_i / static_cast<double>(g.neighbors(q).size());
      }
      for (const std::size_t q : g.neighbors(j)) mark[q] = 0;
      total += (p_i + indirect) * (p_i + indirect);
    }
    c[i] = total;
  }
  return c;
}

std::vector<std::optional<double>> effective_size(const Network& g) {
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

std::vector<bool> articulation_points(const Network& g) { return detail::cut_analysis(g).articulation; }

std::optional<double> density(const Network& g) {
  const auto n = static_cast<double>(g.size());
  if (n < 2) return std::nullopt;
  return 2.0 * static_cast<double>(g.pair_count()) / (n * (n - 1.0));
}

std::optional<double> degree_centralization(const Network& g) {
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

std::optional<double> reciprocity(const Network& g) {
  double arcs = 0.0;
  double reciprocated = 0.0;
  for (const PairEdge& p : g.pairs()) {
    arcs += static_cast<double>(p.arc_low_high) + static_cast<double>(p.arc_high_low);
    if (p.arc_low_high && p.arc_high_low) reciprocated += 2.0;
  }
  if (arcs == 0.0) return std::nullopt;
  return reciprocated / arcs;
}

namespace detail {

CutAnalysis cut_analysis(const Network& g) {
  const std::size_t n = g.size();
  constexpr std::uint32_t unseen = std::numeric_limits<std::uint32_t>::max();
  CutAnalysis out;
  out.component.assign(n, unseen);
  out.articulation.assign(n, false);
  out.pieces.assign(n, 0);
  out.piece_pairs.assign(n, 0);
  std::vector<std::uint32_t> disc(n, unseen);
  std::vector<std::uint32_t> low(n, 0);
  std::vector<std::uint64_t> size(n, 1);
  std::vector<std::uint32_t> parent(n, unseen);
  std::vector<std::uint32_t> parent_pair(n, unseen);
  std::vector<std::uint32_t> next_slot(n, 0);  // how far v's neighbour list has been scanned
  std::vector<std::uint32_t> separated(n, 0);  // children whose subtree v's departure cuts off
  std::vector<std::uint64_t> separated_size(n, 0);
  std::vector<std::uint32_t> stack;
  std::uint32_t timer = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (disc[root] != unseen) continue;
    const auto label = static_cast<std::uint32_t>(out.component_size.size());
    disc[root] = low[root] = timer++;
    out.component[root] = label;
    stack.push_back(static_cast<std::uint32_t>(root));
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      const auto nbrs = g.neighbors(v);
      if (next_slot[v] < nbrs.size()) {
        const std::uint32_t k = next_slot[v]++;
        const std::uint32_t w = nbrs[k];
        const std::uint32_t pair = g.neighbor_pairs(v)[k];
        if (pair == parent_pair[v]) continue;
        if (disc[w] == unseen) {
          disc[w] = low[w] = timer++;
          parent[w] = v;
          parent_pair[w] = pair;
          out.component[w] = label;
          stack.push_back(w);
        } else {
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      stack.pop_back();
      const std::uint32_t p = parent[v];
      if (p == unseen) continue;
      low[p] = std::min(low[p], low[v]);
      size[p] += size[v];
      if (low[v] >= disc[p]) {
        ++separated[p];
        separated_size[p] += size[v];
        out.piece_pairs[p] += size[v] * (size[v] - 1);
      }
      if (low[v] > disc[p]) out.bridges.emplace_back(std::min(p, v), std::max(p, v));
    }
    out.component_size.push_back(size[root]);
  }
  for (std::size_t v = 0; v < n; ++v) {
    const bool is_root = parent[v] == unseen;
    out.articulation[v] = is_root ? separated[v] >= 2 : separated[v] >= 1;
    // The rest of the component (the side holding v's parent) stays together.
    const std::uint64_t rest = out.component_size[out.component[v]] - 1 - separated_size[v];
    out.pieces[v] = separated[v] + (rest > 0 ? 1 : 0);
    out.piece_pairs[v] += rest * (rest > 0 ? rest - 1 : 0);
  }
  std::sort(out.bridges.begin(), out.bridges.end());
  return out;
}

}  // namespace detail

}  // namespace xsector
