#include "xsector/analysis.hpp"

#include <algorithm>

#include "xsector/centrality.hpp"
#include "xsector/structure.hpp"

namespace xsector {

Analysis analyze(const Coalition& coalition, const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  Analysis a;
  a.members.resize(n);
  const auto deg = degrees(g);
  const auto deg_c = degree_centrality(g);
  const auto str = strength(g);
  const auto raw_b = betweenness_raw(g);
  const auto norm_b = normalized_betweenness(raw_b);
  const auto paths = path_figures(g);
  const auto eig = eigenvector(g);
  const auto pr = pagerank(g);
  const auto cores = core_numbers(g);
  const auto clus = clustering(g);
  const auto cons = constraint(g);
  const auto eff = effective_size(g);
  const auto cut = articulation_points(g);
  for (std::size_t v = 0; v < n; ++v) {
    MemberFigures& m = a.members[v];
    m.degree = deg[v];
    m.degree_centrality = deg_c[v];
    m.strength = str[v];
    m.betweenness = norm_b[v];
    m.closeness = paths.closeness[v];
    m.harmonic = paths.harmonic[v];
    if (eig) m.eigenvector = (*eig)[v];
    m.pagerank = pr[v];
    m.core = cores[v];
    m.clustering = clus[v];
    m.constraint = cons[v];
    m.effective_size = eff[v];
    m.articulation = cut[v];
  }
  NetworkFigures& net = a.network;
  const Components comps = components(g);
  net.members = n;
  net.ties = coalition.ties.size();
  net.adjacent_pairs = boost::num_edges(g);
  net.density = density(g);
  net.components = comps.count();
  net.largest_component_share =
      n == 0 ? 0.0 : static_cast<double>(comps.sizes[comps.largest()]) / static_cast<double>(n);
  net.isolates = static_cast<std::size_t>(std::count(deg.begin(), deg.end(), std::size_t{0}));
  net.average_path_length = paths.average_path_length;
  net.diameter = paths.diameter;
  net.transitivity = transitivity(g);
  net.degree_centralization = degree_centralization(g);
  net.betweenness_centralization = betweenness_centralization(raw_b);
  net.reciprocity = reciprocity(g);
  a.sectors = sector_report(coalition, g);
  a.power = coalition_power(coalition, g, a.sectors.index, norm_b);
  a.resilience = resilience(coalition, g, a.sectors.index, a.power);
  a.findings = gap_findings(coalition, a.sectors);
  for (auto&& f : power_findings(coalition, a.sectors.index, a.power)) a.findings.push_back(std::move(f));
  for (auto&& f : resilience_findings(coalition, a.sectors.index, a.resilience)) a.findings.push_back(std::move(f));
  sort_findings(a.findings);
  return a;
}

Analysis analyze(const Coalition& coalition) { return analyze(coalition, build_graph(coalition)); }

}  // namespace xsector
