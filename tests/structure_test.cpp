#include "xsector/structure.hpp"

#include <gtest/gtest.h>

#include "test_graphs.hpp"
#include "xsector/centrality.hpp"

using namespace xsector;
using xsector::testing::classic;
using xsector::testing::graph_of;

namespace {
// A triangle 0-1-2 with member 3 hanging from 0.
const std::vector<std::pair<int, int>> paw = {{0, 1}, {1, 2}, {0, 2}, {0, 3}};
const std::vector<std::pair<int, int>> star4 = {{0, 1}, {0, 2}, {0, 3}};
}  // namespace

TEST(Structure, DegreesAndDegreeCentrality) {
  const Network g = graph_of(4, paw);
  EXPECT_EQ(degrees(g), (std::vector<std::size_t>{3, 2, 2, 1}));
  const auto dc = degree_centrality(g);
  EXPECT_DOUBLE_EQ(*dc[0], 1.0);
  EXPECT_DOUBLE_EQ(*dc[3], 1.0 / 3.0);
  EXPECT_FALSE(degree_centrality(graph_of(1, {}))[0].has_value());
}

TEST(Structure, StrengthSumsTieLevels) {
  const Coalition c = parse_coalition(
      "coalition: {name: s}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: housing}]\n"
      "ties:\n  - {from: a, to: b, level: 3}\n  - {from: b, to: a, level: coordinating}\n  - {between: [a, c], level: "
      "4}\n",
      "s.yaml");
  EXPECT_EQ(strength(build_graph(c)), (std::vector<double>{9, 5, 4}));
}

TEST(Structure, Components) {
  const Components c = components(graph_of(6, {{0, 1}, {2, 3}, {3, 4}}));
  EXPECT_EQ(c.count(), 3U);
  EXPECT_EQ(c.of, (std::vector<std::size_t>{0, 0, 1, 1, 1, 2}));
  EXPECT_EQ(c.sizes, (std::vector<std::size_t>{2, 3, 1}));
  EXPECT_EQ(c.largest(), 1U);
}

TEST(Structure, CoreNumbersOfACliqueWithATail) {
  // K4 on 0..3, then 4 tied to 3 and 5 tied to 4.
  const Network g = graph_of(6, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}});
  EXPECT_EQ(core_numbers(g), (std::vector<std::size_t>{3, 3, 3, 3, 1, 1}));
  EXPECT_EQ(core_numbers(graph_of(2, {})), (std::vector<std::size_t>{0, 0}));
}

TEST(Structure, ClusteringAndTransitivityByHand) {
  const Network g = graph_of(4, paw);
  const auto c = clustering(g);
  EXPECT_DOUBLE_EQ(*c[0], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*c[1], 1.0);
  EXPECT_FALSE(c[3].has_value());
  // One triangle; connected triples 3 + 1 + 1 + 0.
  EXPECT_DOUBLE_EQ(*transitivity(g), 3.0 / 5.0);
  EXPECT_FALSE(transitivity(graph_of(2, {{0, 1}})).has_value());
}

TEST(Structure, ConstraintByHand) {
  const auto star = constraint(graph_of(4, star4));
  EXPECT_DOUBLE_EQ(*star[0], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*star[1], 1.0);
  // Triangle: p = 1/2 to each neighbour plus 1/2 * 1/2 through the third: 2 * (3/4)^2.
  const auto tri = constraint(graph_of(3, {{0, 1}, {1, 2}, {0, 2}}));
  EXPECT_DOUBLE_EQ(*tri[0], 1.125);
  EXPECT_FALSE(constraint(graph_of(2, {}))[0].has_value());
}

TEST(Structure, EffectiveSizeByHand) {
  EXPECT_DOUBLE_EQ(*effective_size(graph_of(4, star4))[0], 3.0);
  EXPECT_DOUBLE_EQ(*effective_size(graph_of(3, {{0, 1}, {1, 2}, {0, 2}}))[0], 1.0);
  EXPECT_DOUBLE_EQ(*effective_size(graph_of(4, paw))[0], 3.0 - 2.0 / 3.0);
  EXPECT_FALSE(effective_size(graph_of(1, {}))[0].has_value());
}

TEST(Structure, ArticulationPoints) {
  EXPECT_EQ(articulation_points(graph_of(4, paw)), (std::vector<bool>{true, false, false, false}));
  EXPECT_EQ(articulation_points(graph_of(3, {{0, 1}, {1, 2}, {0, 2}})), (std::vector<bool>{false, false, false}));
}

TEST(Structure, DensityAndCentralizationOfAStar) {
  const Network g = graph_of(4, star4);
  EXPECT_DOUBLE_EQ(*density(g), 0.5);
  EXPECT_DOUBLE_EQ(*degree_centralization(g), 1.0);
  EXPECT_DOUBLE_EQ(*betweenness_centralization(betweenness_raw(g)), 1.0);
  EXPECT_FALSE(density(graph_of(1, {})).has_value());
  EXPECT_FALSE(degree_centralization(graph_of(2, {{0, 1}})).has_value());
}

// Published values (R sna): Florentine families without Pucci.
TEST(Structure, FlorentineCentralizationPublished) {
  const Network g = build_graph(classic("florentine"));
  EXPECT_NEAR(*degree_centralization(g), 0.2747, 5e-5);
  EXPECT_NEAR(*betweenness_centralization(betweenness_raw(g)), 0.4368, 5e-5);
}

TEST(Structure, ReciprocityOfDirectedTies) {
  const Coalition c = parse_coalition(
      "coalition: {name: r}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: housing}]\n"
      "ties: [{from: a, to: b}, {from: b, to: a}, {from: a, to: c}, [b, c]]\n",
      "r.yaml");
  EXPECT_DOUBLE_EQ(*reciprocity(build_graph(c)), 2.0 / 3.0);
  EXPECT_FALSE(reciprocity(graph_of(2, {{0, 1}})).has_value());
}
