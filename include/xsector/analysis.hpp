// Every figure of a coalition in one plain struct: what the outputs print.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/centrality.hpp"
#include "xsector/coalition.hpp"
#include "xsector/coalition_power.hpp"
#include "xsector/findings.hpp"
#include "xsector/network.hpp"
#include "xsector/people.hpp"
#include "xsector/power.hpp"
#include "xsector/resilience.hpp"
#include "xsector/sectors.hpp"
#include "xsector/survey.hpp"

namespace xsector {

/// Member-level figures; definitions in centrality.hpp and structure.hpp.
struct MemberFigures {
  std::size_t degree = 0;
  std::optional<double> degree_centrality;
  double strength = 0;
  double betweenness = 0;
  double closeness = 0;
  double harmonic = 0;
  double weighted_betweenness = 0;  ///< normalized like betweenness; tie distance 1/level
  double weighted_closeness = 0;    ///< in units of 1/level (can exceed 1)
  std::optional<double> eigenvector;
  double pagerank = 0;
  std::size_t core = 0;
  std::optional<double> clustering;
  std::optional<double> constraint;
  std::optional<double> effective_size;
  bool articulation = false;
};

/// Network-level figures.
struct NetworkFigures {
  std::size_t members = 0;
  std::size_t ties = 0;            ///< ties as written in the file
  std::size_t adjacent_pairs = 0;  ///< pairs tied in either direction (edges of the undirected view)
  std::optional<double> density;
  std::size_t components = 0;
  double largest_component_share = 0;
  std::size_t isolates = 0;
  std::optional<double> average_path_length;
  std::size_t diameter = 0;
  std::optional<double> transitivity;
  std::optional<double> degree_centralization;
  std::optional<double> betweenness_centralization;
  std::optional<double> reciprocity;
};

/// The parts an analysis can compute; a command asks only for those it shows. Dependencies
/// are added by analyze: resilience needs power; power, survey and people need sectors. Power
/// also reads betweenness (the backbone's share and its Gini), which stay null unless
/// part_betweenness is asked for too.
enum Part : unsigned {
  part_structure = 1U << 0,    ///< degrees, cores, clustering, constraint, eigenvector, pagerank, cut points
  part_betweenness = 1U << 1,  ///< betweenness and betweenness centralization
  part_distances = 1U << 2,    ///< closeness, harmonic, average path length, diameter
  part_sectors = 1U << 3,      ///< sector figures, mixing, member E-I, brokerage, gaps
  part_power = 1U << 4,        ///< voting power and concentration
  part_resilience = 1U << 5,   ///< what each departure costs
  part_findings = 1U << 6,     ///< findings of the parts computed
  part_weighted = 1U << 7,     ///< weighted betweenness and closeness (tie distance 1/level)
  part_survey = 1U << 8,       ///< survey figures: response rates, directed figures, trust and value
  part_people = 1U << 9,       ///< contacts: who carries each tie, handoff readiness (people.hpp)
  part_paths = part_betweenness | part_distances,
  part_all = (1U << 10) - 1,  ///< every figure and finding (not the guidance below)
  /// The next actions drawn from the findings (next_actions): what the report opens with. Needs findings, sectors,
  /// power and resilience. Not in part_all: next_actions recounts the groups for each departure that splits the
  /// network, O(n (n + m) log n) at worst.
  part_guidance = 1U << 10,
  part_report = part_all | part_guidance,  ///< what report_html and report_markdown read
};

struct AnalysisOptions {
  unsigned parts = part_all;
  unsigned threads = 0;  ///< 0 = every core; the figures do not depend on it
  Precision precision = Precision::automatic;
  double epsilon = default_epsilon;
  double delta = default_delta;
  std::uint64_t seed = default_seed;
  /// How findings name people (`--people`); JSON writes names only with PeopleShown::names.
  PeopleShown people = PeopleShown::roles;
  /// Whether the table and Markdown outputs list every finding (`--all-findings`) rather than
  /// one line per group of findings of one code.
  bool all_findings = false;
};

/// How an estimated figure was made: by sampling source members, or derived from the
/// sampled betweenness.
enum class EstimateMethod { source_sampling, from_estimated_betweenness };

/// `source sampling` or `from estimated betweenness` (the JSON text).
std::string_view to_string(EstimateMethod method);

/// A figure that was estimated, and how precisely.
struct Estimate {
  std::string figure;  ///< JSON name: `betweenness`, `closeness`, `power.gini_betweenness`, ...
  EstimateMethod method = EstimateMethod::source_sampling;
  std::size_t samples = 0;  ///< sampled sources (draws)
  std::size_t sources = 0;  ///< distinct members among them
  /// |estimate - exact| <= epsilon for every member with probability >= 1 - delta; null when
  /// no such bound is stated (then `note` says what is known).
  std::optional<double> epsilon;
  double delta = 0;
  std::uint64_t seed = 0;
  std::string note;
};

struct Analysis {
  NetworkFigures network;
  std::vector<MemberFigures> members;             ///< in file order
  SectorReport sectors;                           ///< sector figures, member E-I and brokerage, gaps
  CoalitionPower power;                           ///< voting power per body and across the coalition
  Resilience resilience;                          ///< what each departure would cost
  SurveyFigures survey;                           ///< survey figures; `present` only when the file has a survey
  People people;                                  ///< contacts and what each one's departure would cut
  PeopleShown people_shown = PeopleShown::roles;  ///< how outputs name people (from the options)
  std::vector<Finding> findings;                  ///< by severity
  std::vector<FindingGroup> finding_groups;       ///< findings grouped by code and ranked (part_findings)
  bool all_findings = false;                      ///< table and Markdown list every finding (from the options)
  std::vector<Action> next_actions;               ///< at most three next steps (part_guidance)
  unsigned parts = 0;                             ///< the parts computed (Part bits); others hold defaults
  std::vector<Estimate> approximate;              ///< the figures that are estimates; empty when all are exact
};

/// Computes the parts of `coalition` that `options` asks for (and those they need) on `network`
/// (built by build_graph from it). Members get default figures where a part was not computed.
/// Expects a valid coalition (validate; load_coalition_file always returns one). Definitions
/// and edge cases are those of the functions it calls (structure.hpp, centrality.hpp,
/// sectors.hpp, power.hpp, resilience.hpp, survey.hpp, people.hpp). In short: a coalition
/// without ties gives zero counts and null ratios (density 0, transitivity, E-I and
/// modularity null); a disconnected one gives path figures over reachable pairs (average path
/// length and diameter of the largest component) and fragmentation above 0; isolates get 0
/// degree, betweenness, closeness and harmonic and null clustering, constraint, effective
/// size and E-I; no members gives empty lists. Throws no xsector error; allocation and thread
/// failures (std::bad_alloc, std::system_error) propagate.
/// Time complexity: O(n (n + m)) with exact betweenness or distances (O(k (n + m)) with k
/// sampled sources; see path_figures), O(sum of degree^2) for local structure, plus the power
/// tables (power_indices, once per body and once per seat for resilience) and the sector and
/// findings costs of the functions above (about O(n S + S^2 + m) for S sectors).
Analysis analyze(const Coalition& coalition, const Network& network, const AnalysisOptions& options);

/// Every part, on every core, with automatic precision. As above.
Analysis analyze(const Coalition& coalition, const Network& network);

/// Builds the network and analyzes it. Throws as build_graph (std::length_error beyond 2^32 - 1
/// members or arcs).
Analysis analyze(const Coalition& coalition, const AnalysisOptions& options);

/// Builds the network and computes every part. Throws as build_graph.
Analysis analyze(const Coalition& coalition);

/// One sentence naming the estimated figures and their precision, for tables and reports;
/// empty when every figure is exact. O(number of estimates).
std::string describe_estimates(const Analysis& analysis);

}  // namespace xsector
