#include "xsector/analysis.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "xsector/structure.hpp"

namespace xsector {

std::string_view to_string(EstimateMethod method) {
  switch (method) {
    case EstimateMethod::source_sampling: return "source sampling";
    case EstimateMethod::from_estimated_betweenness: return "from estimated betweenness";
  }
  return "source sampling";
}

namespace {

unsigned with_dependencies(unsigned parts) {
  if (parts & part_guidance) parts |= part_findings | part_sectors | part_power | part_resilience;
  if (parts & part_resilience) parts |= part_power;
  // Power uses betweenness only for the backbone's share and its Gini: without the
  // betweenness part those two figures are null.
  if (parts & part_power) parts |= part_sectors;
  // Survey figures need the sector index for trust_by_sector.
  if (parts & part_survey) parts |= part_sectors;
  if (parts & part_people) parts |= part_sectors;  // sectors_cut reads the sector index
  return parts;
}

void list_estimates(Analysis& a, const Sampling& s, std::size_t n) {
  auto add = [&](std::string figure, EstimateMethod method, std::optional<double> epsilon, std::string note) {
    a.approximate.push_back(
        {std::move(figure), method, s.samples, s.sources, epsilon, s.delta, s.seed, std::move(note)});
  };
  const EstimateMethod sampling = EstimateMethod::source_sampling;
  const EstimateMethod derived = EstimateMethod::from_estimated_betweenness;
  if (a.parts & part_betweenness) {
    add("betweenness", sampling, s.epsilon, "Hoeffding bound for every member at once (normalized betweenness)");
    // Each normalized value is within epsilon, so the sum of (max - b_i) moves by at most 2 n epsilon
    // in normalized units, which Freeman's denominator turns into 2 epsilon n / (n - 1).
    const double nd = static_cast<double>(n);
    add("betweenness_centralization", derived,
        n > 1 ? std::optional<double>(2.0 * s.epsilon * nd / (nd - 1.0)) : std::nullopt,
        "follows from the betweenness bound");
  }
  if (a.parts & part_distances) {
    add("harmonic", sampling, s.epsilon, "the bound holds for harmonic / (members - 1)");
    add("closeness", sampling, std::nullopt, "ratio estimator from the same sources; no uniform bound");
    add("average_path_length", sampling, std::nullopt, "mean over the sampled sources in the largest component");
    add("diameter", sampling, std::nullopt, "lower bound: the largest eccentricity of a sampled source");
  }
  if (a.parts & part_weighted) {
    add("weighted_betweenness", sampling, s.epsilon,
        "Hoeffding bound for every member at once, on its own (not jointly with betweenness)");
    add("weighted_closeness", sampling, std::nullopt, "ratio estimator from the same sources; no uniform bound");
  }
  if (a.parts & part_power) {
    add("power.gini_betweenness", derived, std::nullopt, "Gini of the estimated betweenness");
    add("power.backbone_betweenness_share", derived, std::nullopt, "share of the estimated betweenness");
  }
}

}  // namespace

Analysis analyze(const Coalition& coalition, const Network& g, const AnalysisOptions& options) {
  const std::size_t n = g.size();
  Analysis a;
  a.parts = with_dependencies(options.parts);
  a.people_shown = options.people;
  a.all_findings = options.all_findings;
  a.members.resize(n);
  NetworkFigures& net = a.network;
  net.members = n;
  net.ties = coalition.ties.size();
  net.adjacent_pairs = g.pair_count();

  if (a.parts & part_structure) {
    const auto deg = degrees(g);
    const auto deg_c = degree_centrality(g);
    const auto str = strength(g);
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
      if (eig) m.eigenvector = (*eig)[v];
      m.pagerank = pr[v];
      m.core = cores[v];
      m.clustering = clus[v];
      m.constraint = cons[v];
      m.effective_size = eff[v];
      m.articulation = cut[v];
    }
    const Components comps = components(g);
    net.density = density(g);
    net.components = comps.count();
    net.largest_component_share =
        n == 0 ? 0.0 : static_cast<double>(comps.sizes[comps.largest()]) / static_cast<double>(n);
    net.isolates = static_cast<std::size_t>(std::count(deg.begin(), deg.end(), std::size_t{0}));
    net.transitivity = transitivity(g);
    net.degree_centralization = degree_centralization(g);
    net.reciprocity = reciprocity(g);
  }

  std::vector<double> norm_b;
  if (a.parts & (part_betweenness | part_distances | part_weighted)) {
    PathOptions po;
    po.threads = options.threads;
    po.precision = options.precision;
    po.epsilon = options.epsilon;
    po.delta = options.delta;
    po.seed = options.seed;
    po.distances = (a.parts & (part_distances | part_weighted)) != 0;
    po.weighted = (a.parts & part_weighted) != 0;
    PathFigures paths = path_figures(g, po);
    if (a.parts & part_weighted) {
      const auto wb = normalized_betweenness(std::move(paths.weighted_betweenness_raw));
      for (std::size_t v = 0; v < n; ++v) {
        a.members[v].weighted_betweenness = wb[v];
        a.members[v].weighted_closeness = paths.weighted_closeness[v];
      }
    }
    if (a.parts & part_betweenness) {
      net.betweenness_centralization = betweenness_centralization(paths.betweenness_raw);
      norm_b = normalized_betweenness(std::move(paths.betweenness_raw));
      for (std::size_t v = 0; v < n; ++v) a.members[v].betweenness = norm_b[v];
    }
    if (a.parts & part_distances) {
      for (std::size_t v = 0; v < n; ++v) {
        a.members[v].closeness = paths.closeness[v];
        a.members[v].harmonic = paths.harmonic[v];
      }
      net.average_path_length = paths.average_path_length;
      net.diameter = paths.diameter;
    }
    if (paths.sampling) list_estimates(a, *paths.sampling, n);
  }

  if (a.parts & part_sectors) a.sectors = sector_report(coalition, g);
  if (a.parts & part_power) a.power = coalition_power(coalition, g, a.sectors.index, norm_b);
  if (a.parts & part_resilience) a.resilience = resilience(coalition, g, a.sectors.index, a.power);
  if (a.parts & part_survey) a.survey = survey_figures(coalition, a.sectors.index);
  if (a.parts & part_people) a.people = people(coalition, g, a.sectors.index);
  if (a.parts & part_findings) {
    if (a.parts & part_sectors) a.findings = gap_findings(coalition, a.sectors);
    if (a.parts & part_power) {
      for (auto&& f : power_findings(coalition, a.sectors.index, a.power)) a.findings.push_back(std::move(f));
    }
    if (a.parts & part_resilience) {
      for (auto&& f : resilience_findings(coalition, a.sectors.index, a.resilience)) {
        a.findings.push_back(std::move(f));
      }
    }
    if (a.parts & part_survey) {
      for (auto&& f : survey_findings(coalition, a.sectors.index, a.survey)) a.findings.push_back(std::move(f));
    }
    if (a.parts & part_people) {
      for (auto&& f : people_findings(coalition, a.sectors.index, a.people, options.people)) {
        a.findings.push_back(std::move(f));
      }
    }
    sort_findings(a.findings);
    a.finding_groups = group_findings(coalition, a.sectors.index, a.findings);
  }
  if (a.parts & part_guidance) {
    a.next_actions = next_actions(coalition, a.sectors, a.power, a.resilience);
  }
  return a;
}

Analysis analyze(const Coalition& coalition, const Network& network) { return analyze(coalition, network, {}); }

Analysis analyze(const Coalition& coalition, const AnalysisOptions& options) {
  return analyze(coalition, build_graph(coalition), options);
}

Analysis analyze(const Coalition& coalition) { return analyze(coalition, build_graph(coalition), {}); }

std::string describe_estimates(const Analysis& a) {
  if (a.approximate.empty()) return {};
  std::vector<std::string> bounded;
  std::vector<std::string> unbounded;
  for (const auto& e : a.approximate) {
    if (e.epsilon)
      bounded.push_back(fmt::format("{} within {:.4f}", e.figure, *e.epsilon));
    else
      unbounded.push_back(e.figure == "diameter" ? std::string("diameter (a lower bound)") : e.figure);
  }
  const Estimate& first = a.approximate.front();
  std::string out = fmt::format("Estimated by sampling {} sources with replacement ({} distinct members, seed {})",
                                first.samples, first.sources, first.seed);
  if (!bounded.empty()) {
    out += fmt::format(": {} with probability {:g}", fmt::join(bounded, ", "), 1.0 - first.delta);
  }
  if (!unbounded.empty())
    out += fmt::format("{} {} without a stated bound", bounded.empty() ? ":" : ";", fmt::join(unbounded, ", "));
  out += ". Use --exact for exact figures.";
  return out;
}

}  // namespace xsector
