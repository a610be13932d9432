#include "xsector/centrality.hpp"

#include <gtest/gtest.h>

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
