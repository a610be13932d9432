#include "xsector/centrality.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "test_graphs.hpp"

using namespace xsector;
using xsector::testing::classic;
using xsector::testing::graph_of;

namespace {
double value_of(const Coalition& c, const std::vector<double>& v, const std::string& id) {
  return v.at(*c.member_index(id));
}
const std::vector<std::pair<int, int>> path3 = {{0, 1}, {1, 2}};
const std::vector<std::pair<int, int>> star4 = {{0, 1}, {0, 2}, {0, 3}};
}  // namespace

// Hand-computed: on the path a-b-c only the pair {a, c} routes through b.
TEST(Betweenness, PathOfThreeByHand) {
  const Network g = graph_of(3, path3);
  EXPECT_EQ(betweenness_raw(g), (std::vector<double>{0, 1, 0}));
  EXPECT_EQ(betweenness(g), (std::vector<double>{0, 1, 0}));
}

TEST(Betweenness, StarCentreCarriesEveryPair) {
  const auto b = betweenness_raw(graph_of(4, star4));
  EXPECT_DOUBLE_EQ(b[0], 3.0);
  EXPECT_DOUBLE_EQ(betweenness(graph_of(4, star4))[0], 1.0);
}

TEST(Betweenness, ZeroNotNaNBelowThreeMembers) {
  EXPECT_EQ(betweenness(graph_of(1, {})), (std::vector<double>{0}));
  EXPECT_EQ(betweenness(graph_of(2, {{0, 1}})), (std::vector<double>{0, 0}));
}

TEST(Betweenness, SplitPathsShareCredit) {
  // A 4-cycle: each pair of opposite members has two shortest paths, one through each other member.
  const auto b = betweenness_raw(graph_of(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}));
  for (double v : b) EXPECT_DOUBLE_EQ(v, 0.5);
}

// Published values for Krackhardt's kite (Krackhardt 1990; NetworkX docs), to 3 decimals.
TEST(Betweenness, KrackhardtKitePublished) {
  const Coalition c = classic("kite");
  const auto b = betweenness(build_graph(c));
  EXPECT_NEAR(value_of(c, b, "heather"), 0.389, 5e-4);
  EXPECT_NEAR(value_of(c, b, "fernando"), 0.231, 5e-4);
  EXPECT_NEAR(value_of(c, b, "garth"), 0.231, 5e-4);
  EXPECT_NEAR(value_of(c, b, "ike"), 0.222, 5e-4);
  EXPECT_NEAR(value_of(c, b, "diane"), 0.102, 5e-4);
  EXPECT_NEAR(value_of(c, b, "andre"), 0.023, 5e-4);
  EXPECT_NEAR(value_of(c, b, "jane"), 0.0, 1e-12);
}

TEST(Betweenness, KarateClubNetworkX) {
  const Coalition c = classic("karate");
  const auto b = betweenness(build_graph(c));
  EXPECT_NEAR(value_of(c, b, "m0"), 0.43763528138528146, 1e-6);
  EXPECT_NEAR(value_of(c, b, "m33"), 0.30407497594997596, 1e-6);
  EXPECT_NEAR(value_of(c, b, "m32"), 0.145247113997114, 1e-6);
}

TEST(Closeness, PathOfThreeByHand) {
  const auto p = path_figures(graph_of(3, path3));
  EXPECT_DOUBLE_EQ(p.closeness[0], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(p.closeness[1], 1.0);
  EXPECT_DOUBLE_EQ(p.harmonic[0], 1.5);
  EXPECT_DOUBLE_EQ(p.harmonic[1], 2.0);
  EXPECT_DOUBLE_EQ(*p.average_path_length, 8.0 / 6.0);
  EXPECT_EQ(p.diameter, 2U);
}

// Wasserman-Faust scaling: a member reaching 1 of 2 others at distance 1 gets (1/1)*(1/2).
TEST(Closeness, DisconnectedAndIsolate) {
  const auto p = path_figures(graph_of(3, {{0, 1}}));
  EXPECT_DOUBLE_EQ(p.closeness[0], 0.5);
  EXPECT_DOUBLE_EQ(p.closeness[2], 0.0);
  EXPECT_DOUBLE_EQ(p.harmonic[2], 0.0);
  EXPECT_DOUBLE_EQ(*p.average_path_length, 1.0);
  EXPECT_EQ(p.diameter, 1U);
}

TEST(Closeness, SingleMember) {
  const auto p = path_figures(graph_of(1, {}));
  EXPECT_EQ(p.closeness, (std::vector<double>{0.0}));
  EXPECT_FALSE(p.average_path_length.has_value());
  EXPECT_EQ(p.diameter, 0U);
}

TEST(Closeness, LargestComponentTieGoesToEarliestMember) {
  // Components {0,1,2} as a path (APL 4/3) and {3,4,5} as a triangle (APL 1): equal size.
  const auto p = path_figures(graph_of(6, {{0, 1}, {1, 2}, {3, 4}, {4, 5}, {3, 5}}));
  EXPECT_DOUBLE_EQ(*p.average_path_length, 4.0 / 3.0);
  EXPECT_EQ(p.diameter, 2U);
}

TEST(Closeness, KrackhardtKitePublished) {
  const Coalition c = classic("kite");
  const auto p = path_figures(build_graph(c));
  EXPECT_NEAR(value_of(c, p.closeness, "fernando"), 0.643, 5e-4);
  EXPECT_NEAR(value_of(c, p.closeness, "diane"), 0.600, 5e-4);
  EXPECT_NEAR(value_of(c, p.closeness, "heather"), 0.600, 5e-4);
  EXPECT_NEAR(value_of(c, p.closeness, "ike"), 0.429, 5e-4);
  EXPECT_NEAR(value_of(c, p.closeness, "jane"), 0.310, 5e-4);
}

// Star K1,3: the leading eigenvector of A is (sqrt 3, 1, 1, 1) / sqrt 6.
TEST(Eigenvector, StarByHand) {
  const auto e = eigenvector(graph_of(4, star4));
  ASSERT_TRUE(e.has_value());
  EXPECT_NEAR((*e)[0], 1.0 / std::sqrt(2.0), 1e-4);
  EXPECT_NEAR((*e)[1], 1.0 / std::sqrt(6.0), 1e-4);
}

TEST(Eigenvector, NoTiesGivesUniformUnitVector) {
  const auto e = eigenvector(graph_of(4, {}));
  ASSERT_TRUE(e.has_value());
  for (double v : *e) EXPECT_NEAR(v, 0.5, 1e-12);
}

TEST(Eigenvector, KarateClubNetworkX) {
  const Coalition c = classic("karate");
  const auto e = eigenvector(build_graph(c));
  ASSERT_TRUE(e.has_value());
  EXPECT_NEAR(value_of(c, *e, "m33"), 0.373371213013235, 1e-4);
  EXPECT_NEAR(value_of(c, *e, "m0"), 0.3554834941851943, 1e-4);
}

// Star K1,3 by symmetry: leaf x = 0.15/4 + 0.85 y/3, centre y = 1 - 3x.
TEST(PageRank, StarByHand) {
  const auto p = pagerank(graph_of(4, star4));
  const double x = (0.15 / 4 + 0.85 / 3) / 1.85;
  EXPECT_NEAR(p[1], x, 1e-9);
  EXPECT_NEAR(p[0], 1 - 3 * x, 1e-9);
}

// An isolate's mass is spread uniformly: z = 0.15/3 + 0.85 z/3.
TEST(PageRank, DanglingMassSpreadsUniformly) {
  const auto p = pagerank(graph_of(3, {{0, 1}}));
  const double z = 0.05 / (1 - 0.85 / 3);
  EXPECT_NEAR(p[2], z, 1e-9);
  EXPECT_NEAR(p[0], (1 - z) / 2, 1e-9);
  EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-12);
}

TEST(PageRank, KarateClubNetworkX) {
  const Coalition c = classic("karate");
  const auto p = pagerank(build_graph(c));
  EXPECT_NEAR(value_of(c, p, "m33"), 0.10091791674871213, 1e-4);
  EXPECT_NEAR(value_of(c, p, "m0"), 0.09700181758983709, 1e-4);
}

namespace {
void expect_same_bits(const PathFigures& a, const PathFigures& b) {
  // == on doubles on purpose: the reduction order must not depend on the thread count.
  ASSERT_EQ(a.betweenness_raw.size(), b.betweenness_raw.size());
  for (std::size_t v = 0; v < a.betweenness_raw.size(); ++v) {
    ASSERT_TRUE(a.betweenness_raw[v] == b.betweenness_raw[v]) << "member " << v;
    ASSERT_TRUE(a.closeness[v] == b.closeness[v]) << "member " << v;
    ASSERT_TRUE(a.harmonic[v] == b.harmonic[v]) << "member " << v;
  }
  ASSERT_EQ(a.weighted_betweenness_raw.size(), b.weighted_betweenness_raw.size());
  for (std::size_t v = 0; v < a.weighted_betweenness_raw.size(); ++v) {
    ASSERT_TRUE(a.weighted_betweenness_raw[v] == b.weighted_betweenness_raw[v]) << "member " << v;
    ASSERT_TRUE(a.weighted_closeness[v] == b.weighted_closeness[v]) << "member " << v;
  }
  EXPECT_TRUE(a.average_path_length == b.average_path_length);
  EXPECT_EQ(a.diameter, b.diameter);
}
}  // namespace

// 3,000 members over 64 source chunks: chunks hold different sources, and threads take them
// in whatever order they finish; the numbers must still be identical.
TEST(PathFigures, OneAndManyThreadsGiveIdenticalBits) {
  const Network g = build_graph(xsector::testing::random_coalition(3000, 9000, 7));
  PathOptions one;
  one.threads = 1;
  one.precision = Precision::exact;
  one.weighted = true;  // random levels 1-4: the weighted search runs
  PathOptions many = one;
  many.threads = 4;
  PathOptions odd = one;
  odd.threads = 3;
  const PathFigures p1 = path_figures(g, one);
  expect_same_bits(p1, path_figures(g, many));
  expect_same_bits(p1, path_figures(g, odd));
  EXPECT_EQ(betweenness_raw(g, 1), betweenness_raw(g, 5));
  one.precision = many.precision = Precision::approximate;
  one.epsilon = many.epsilon = 0.1;
  const PathFigures s1 = path_figures(g, one);
  ASSERT_TRUE(s1.sampling.has_value());
  ASSERT_EQ(s1.weighted_closeness.size(), 3000U);
  expect_same_bits(s1, path_figures(g, many));
}

namespace {
Network levelled(const std::string& ties) {
  return build_graph(
      parse_coalition("coalition: {name: t}\nmembers:\n  - {id: a, sector: housing}\n"
                      "  - {id: b, sector: housing}\n  - {id: c, sector: housing}\n"
                      "  - {id: d, sector: housing}\nties:\n" +
                          ties,
                      "t.yaml"));
}
}  // namespace

// By hand: a-b networking (distance 1), a-c and c-b collaborating (1/4 each). The shortest
// a-b path runs through c (1/2 < 1): weighted betweenness of c is 1 (normalized, n = 4 gives
// raw 1 * 2/(3*2) = 1/3), though unweighted it is 0. d is an isolate.
TEST(WeightedPaths, StrongTiesMakeShorterPathsByHand) {
  const Network g = levelled(
      "  - {between: [a, b], level: networking}\n  - {between: [a, c], level: 4}\n"
      "  - {between: [c, b], level: collaborating}\n");
  PathOptions o;
  o.weighted = true;
  const PathFigures p = path_figures(g, o);
  EXPECT_EQ(p.weighted_betweenness_raw, (std::vector<double>{0, 0, 1, 0}));
  EXPECT_EQ(p.betweenness_raw, (std::vector<double>{0, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(weighted_betweenness(g)[2], 1.0 / 3.0);
  // a: d(a,c) = 1/4, d(a,b) = 1/2, reaches r = 3 of n = 4: (2 / 0.75) * (2 / 3) = 16/9.
  EXPECT_DOUBLE_EQ(p.weighted_closeness[0], 16.0 / 9.0);
  // c: 1/4 + 1/4 = 1/2: (2 / 0.5) * (2 / 3) = 8/3.
  EXPECT_DOUBLE_EQ(p.weighted_closeness[2], 8.0 / 3.0);
  EXPECT_EQ(p.weighted_closeness[3], 0.0);
}

// Equal lengths compare exactly. First a-b coordinating (1/2) against a-c-b at 1/4 + 1/4: two
// shortest paths, c on one of them (raw 1/2). Then a square whose two routes are each
// 1/3 + 1/4 = 7/12, a sum that floating point would not reproduce exactly both ways.
TEST(WeightedPaths, EqualWeightedLengthsShareCreditExactly) {
  const Network two = levelled(
      "  - {between: [a, b], level: 2}\n  - {between: [a, c], level: 4}\n"
      "  - {between: [c, b], level: 4}\n");
  PathOptions o;
  o.weighted = true;
  EXPECT_EQ(path_figures(two, o).weighted_betweenness_raw, (std::vector<double>{0, 0, 0.5, 0}));
  const Network mixed = levelled(
      "  - {between: [a, c], level: 3}\n  - {between: [c, b], level: 4}\n"
      "  - {between: [a, d], level: 4}\n  - {between: [d, b], level: 3}\n");
  const PathFigures p = path_figures(mixed, o);
  // {a, b}: two paths of 7/12, one through c, one through d. {c, d}: via a (1/3 + 1/4 = 7/12)
  // or via b (1/4 + 1/3 = 7/12): a and b get 1/2 each.
  EXPECT_EQ(p.weighted_betweenness_raw, (std::vector<double>{0.5, 0.5, 0.5, 0.5}));
}

// Every pair at the same level L: the same shortest paths as unweighted, closeness L times larger.
TEST(WeightedPaths, UniformLevelFollowsTheUnweightedFigures) {
  const Network g = levelled(
      "  - {between: [a, b], level: 3}\n  - {between: [b, c], level: 3}\n"
      "  - {between: [c, d], level: 3}\n");
  PathOptions o;
  o.weighted = true;
  const PathFigures p = path_figures(g, o);
  EXPECT_EQ(p.weighted_betweenness_raw, p.betweenness_raw);
  // b: hops 1, 1, 2 -> distances 1/3, 1/3, 2/3, sum 4/3: (3 / (4/3)) * (3/3) = 9/4.
  EXPECT_DOUBLE_EQ(p.weighted_closeness[1], 9.0 / 4.0);
  // The general search (no shortcut without distances) agrees.
  EXPECT_EQ(normalized_betweenness(p.weighted_betweenness_raw), weighted_betweenness(g));
}

TEST(PathFigures, ExactFiguresMatchOneSearchPerMemberByHand) {
  // Path 0-1-2 plus isolate 3: closeness of 1 = (3-1)/2 * (3-1)/3; diameter 2; APL 4/3.
  const PathFigures p = path_figures(graph_of(4, {{0, 1}, {1, 2}}));
  EXPECT_FALSE(p.sampling.has_value());
  EXPECT_DOUBLE_EQ(p.closeness[1], 1.0 * 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(p.closeness[0], 2.0 / 3.0 * 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(p.harmonic[0], 1.5);
  EXPECT_EQ(p.closeness[3], 0.0);
  EXPECT_EQ(p.diameter, 2U);
  EXPECT_DOUBLE_EQ(*p.average_path_length, 8.0 / 6.0);
  EXPECT_EQ(p.betweenness_raw, (std::vector<double>{0, 1, 0, 0}));
}

TEST(Sampling, EpsilonAndSampleSizeInvertEachOther) {
  // k = ceil(ln(4n/delta) / (2 t^2)), t = epsilon (n-1)/n, so k draws guarantee at most epsilon.
  const std::size_t k = sampling_size(1000, 0.05, 0.1);
  EXPECT_EQ(k, static_cast<std::size_t>(std::ceil(std::log(4.0 * 1000 / 0.1) / (2 * std::pow(0.05 * 999 / 1000, 2)))));
  EXPECT_LE(sampling_epsilon(1000, k, 0.1), 0.05);
  EXPECT_GT(sampling_epsilon(1000, k - 1, 0.1), 0.05);
}

// The stated bound must hold on a real graph: every member's estimated betweenness and
// harmonic/(n-1) within epsilon of the exact values, and the same numbers for the same seed.
TEST(Sampling, EstimatesLieWithinTheStatedEpsilon) {
  const std::size_t n = 4000;
  const Network g = build_graph(xsector::testing::random_coalition(n, 12000, 11));
  PathOptions exact;
  exact.precision = Precision::exact;
  const PathFigures truth = path_figures(g, exact);
  PathOptions approx;
  approx.precision = Precision::approximate;
  approx.epsilon = 0.05;
  const PathFigures est = path_figures(g, approx);
  ASSERT_TRUE(est.sampling.has_value());
  EXPECT_LT(est.sampling->samples, n);  // a real sample, not every member
  EXPECT_LE(est.sampling->epsilon, 0.05);
  const auto b_true = normalized_betweenness(truth.betweenness_raw);
  const auto b_est = normalized_betweenness(est.betweenness_raw);
  const double scale = 1.0 / static_cast<double>(n - 1);
  double worst_b = 0;
  double worst_h = 0;
  for (std::size_t v = 0; v < n; ++v) {
    worst_b = std::max(worst_b, std::abs(b_est[v] - b_true[v]));
    worst_h = std::max(worst_h, std::abs(est.harmonic[v] - truth.harmonic[v]) * scale);
  }
  EXPECT_LE(worst_b, est.sampling->epsilon);
  EXPECT_LE(worst_h, est.sampling->epsilon);
  {
    // Weighted betweenness from the same sources: the same bound (levels 1-4 at random).
    PathOptions wexact = exact;
    wexact.weighted = true;
    PathOptions wapprox = approx;
    wapprox.weighted = true;
    const auto wb_true = normalized_betweenness(path_figures(g, wexact).weighted_betweenness_raw);
    const auto wb_est = normalized_betweenness(path_figures(g, wapprox).weighted_betweenness_raw);
    double worst_w = 0;
    for (std::size_t v = 0; v < n; ++v) worst_w = std::max(worst_w, std::abs(wb_est[v] - wb_true[v]));
    EXPECT_LE(worst_w, est.sampling->epsilon);
    EXPECT_GT(worst_w, 0.0);
  }
  EXPECT_GT(worst_b, 0.0);  // it is an estimate
  // Diameter from sampled sources is a lower bound; closeness close to the truth on average.
  EXPECT_LE(est.diameter, truth.diameter);
  EXPECT_GE(2 * est.diameter, truth.diameter);
  const PathFigures again = path_figures(g, approx);
  EXPECT_EQ(again.betweenness_raw, est.betweenness_raw);
  EXPECT_EQ(again.closeness, est.closeness);
  approx.seed += 1;
  EXPECT_NE(path_figures(g, approx).betweenness_raw, est.betweenness_raw);
}

TEST(Sampling, AutomaticEstimatesOnlyAboveTheWorkBudget) {
  const Network g = build_graph(xsector::testing::random_coalition(300, 900, 3));
  PathOptions o;
  EXPECT_FALSE(path_figures(g, o).sampling.has_value());
  o.work_budget = 300.0 * (300 + 2 * 900) - 1;  // just below n (n + 2m)
  const PathFigures p = path_figures(g, o);
  ASSERT_TRUE(p.sampling.has_value());
  EXPECT_LE(static_cast<double>(p.sampling->samples) * (300 + 2 * 900), o.work_budget);  // the budget caps the draws
  o.precision = Precision::exact;
  EXPECT_FALSE(path_figures(g, o).sampling.has_value());
}
