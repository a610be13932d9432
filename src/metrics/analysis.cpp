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

/// What the steps of one analysis share.
struct Run {
  const Coalition& coalition;
  const Network& g;
  const AnalysisOptions& options;
  Analysis& a;
  std::vector<double> betweenness;  ///< normalized, when part_betweenness ran (power reads it)
};

void run_structure(Run& r) {
  const Network& g = r.g;
  const std::size_t n = g.size();
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
    MemberFigures& m = r.a.members[v];
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
  NetworkFigures& net = r.a.network;
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

// Betweenness, distances and the weighted figures share one breadth-first search per source.
void run_paths(Run& r) {
  Analysis& a = r.a;
  const std::size_t n = r.g.size();
  PathOptions po;
  po.threads = r.options.threads;
  po.precision = r.options.precision;
  po.epsilon = r.options.epsilon;
  po.delta = r.options.delta;
  po.seed = r.options.seed;
  po.distances = (a.parts & (part_distances | part_weighted)) != 0;
  po.weighted = (a.parts & part_weighted) != 0;
  PathFigures paths = path_figures(r.g, po);
  if (a.parts & part_weighted) {
    const auto wb = normalized_betweenness(std::move(paths.weighted_betweenness_raw));
    for (std::size_t v = 0; v < n; ++v) {
      a.members[v].weighted_betweenness = wb[v];
      a.members[v].weighted_closeness = paths.weighted_closeness[v];
    }
  }
  if (a.parts & part_betweenness) {
    a.network.betweenness_centralization = betweenness_centralization(paths.betweenness_raw);
    r.betweenness = normalized_betweenness(std::move(paths.betweenness_raw));
    for (std::size_t v = 0; v < n; ++v) a.members[v].betweenness = r.betweenness[v];
  }
  if (a.parts & part_distances) {
    for (std::size_t v = 0; v < n; ++v) {
      a.members[v].closeness = paths.closeness[v];
      a.members[v].harmonic = paths.harmonic[v];
    }
    a.network.average_path_length = paths.average_path_length;
    a.network.diameter = paths.diameter;
  }
  if (paths.sampling) list_estimates(a, *paths.sampling, n);
}

void run_sectors(Run& r) { r.a.sectors = sector_report(r.coalition, r.g); }
void run_power(Run& r) { r.a.power = coalition_power(r.coalition, r.g, r.a.sectors.index, r.betweenness); }
void run_resilience(Run& r) { r.a.resilience = resilience(r.coalition, r.g, r.a.sectors.index, r.a.power); }
void run_survey(Run& r) { r.a.survey = survey_figures(r.coalition, r.a.sectors.index); }
void run_people(Run& r) { r.a.people = people(r.coalition, r.g, r.a.sectors.index); }

// The findings of every part computed, sorted, then grouped.
void run_findings(Run& r) {
  Analysis& a = r.a;
  const Coalition& c = r.coalition;
  auto append = [&](std::vector<Finding>&& more) {
    for (auto&& f : more) a.findings.push_back(std::move(f));
  };
  if (a.parts & part_sectors) append(gap_findings(c, a.sectors));
  if (a.parts & part_power) append(power_findings(c, a.sectors.index, a.power));
  if (a.parts & part_resilience) append(resilience_findings(c, a.sectors.index, a.resilience));
  if (a.parts & part_survey) append(survey_findings(c, a.sectors.index, a.survey));
  if (a.parts & part_people) append(people_findings(c, a.sectors.index, a.people, r.options.people));
  sort_findings(a.findings);
  a.finding_groups = group_findings(a.findings);
}

void run_guidance(Run& r) { r.a.next_actions = next_actions(r.coalition, r.a.sectors, r.a.power, r.a.resilience); }

/// One step of an analysis: it runs when any of `parts` is asked for, after the parts it
/// `needs` (which asking for it adds). In the order they run.
struct Step {
  unsigned parts;
  unsigned needs;
  void (*run)(Run&);
};

constexpr Step steps[] = {
    {part_structure, 0, run_structure},
    // Power reads betweenness only for the backbone's share and its Gini: it does not need the
    // betweenness part (those two figures are null without it).
    {part_betweenness | part_distances | part_weighted, 0, run_paths},
    {part_sectors, 0, run_sectors},
    {part_power, part_sectors, run_power},
    {part_resilience, part_power, run_resilience},
    {part_survey, part_sectors, run_survey},  // trust by sector
    {part_people, part_sectors, run_people},  // the sectors a departure cuts
    {part_findings, 0, run_findings},
    // next_actions recounts the groups for each departure that splits the network.
    {part_guidance, part_findings | part_sectors | part_power | part_resilience, run_guidance},
};

/// The parts asked for and every part they need, directly or not.
unsigned with_dependencies(unsigned parts) {
  for (unsigned before = 0; before != parts;) {
    before = parts;
    for (const Step& step : steps) {
      if (parts & step.parts) parts |= step.needs;
    }
  }
  return parts;
}

}  // namespace

Analysis analyze(const Coalition& coalition, const Network& g, const AnalysisOptions& options) {
  Analysis a;
  a.parts = with_dependencies(options.parts);
  a.people_shown = options.people;
  a.all_findings = options.all_findings;
  a.members.resize(g.size());
  a.network.members = g.size();
  a.network.ties = coalition.ties.size();
  a.network.adjacent_pairs = g.pair_count();
  Run run{coalition, g, options, a, {}};
  for (const Step& step : steps) {
    if (a.parts & step.parts) step.run(run);
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
