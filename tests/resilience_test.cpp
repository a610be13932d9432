#include "xsector/resilience.hpp"

#include <gtest/gtest.h>

#include "test_graphs.hpp"
#include "xsector/centrality.hpp"

using namespace xsector;
using xsector::testing::graph_of;

// Borgatti's F = 1 - Σ s(s-1) / (n(n-1)), by hand.
TEST(Fragmentation, ByHand) {
  EXPECT_DOUBLE_EQ(*fragmentation(graph_of(3, {{0, 1}, {1, 2}})), 0.0);
  EXPECT_DOUBLE_EQ(*fragmentation(graph_of(3, {{0, 1}, {1, 2}}), 1), 1.0);  // two isolates left
  // Path 0-1-2-3 without 1: {0} and {2,3}: 1 - 2/6.
  EXPECT_DOUBLE_EQ(*fragmentation(graph_of(4, {{0, 1}, {1, 2}, {2, 3}}), 1), 2.0 / 3.0);
  // Two pairs: 1 - (2 + 2)/12.
  EXPECT_DOUBLE_EQ(*fragmentation(graph_of(4, {{0, 1}, {2, 3}})), 2.0 / 3.0);
  EXPECT_FALSE(fragmentation(graph_of(1, {})).has_value());
  EXPECT_FALSE(fragmentation(graph_of(2, {{0, 1}}), 0).has_value());
}

TEST(Bridges, PawHasOneBridge) {
  const auto b = bridges(graph_of(4, {{0, 1}, {1, 2}, {0, 2}, {0, 3}}));
  EXPECT_EQ(b, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 3}}));
  EXPECT_EQ(bridges(graph_of(3, {{0, 1}, {1, 2}})).size(), 2U);
  EXPECT_TRUE(bridges(graph_of(3, {{0, 1}, {1, 2}, {0, 2}})).empty());
}

TEST(Resilience, DeparturesOnThePurposeBuiltGapsFile) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml");
  const Network g = build_graph(c);
  const SectorIndex index = index_sectors(c);
  const CoalitionPower power = coalition_power(c, g, index, betweenness(g));
  const Resilience r = resilience(c, g, index, power);
  // h1-h2, h1-ho1, h1-s1, s1-s2, s2-ho1 and the isolate y1: one cycle h1-ho1-s2-s1.
  EXPECT_EQ(r.articulation_points, (std::vector<std::size_t>{0}));
  EXPECT_EQ(r.bridges, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}}));
  // Components {h1..s2} (5) and {y1}: 1 - 20/30.
  EXPECT_DOUBLE_EQ(*r.fragmentation, 1.0 - 20.0 / 30.0);
  const Departure& h1 = r.departures[0];
  EXPECT_EQ(h1.components, 3U);  // {h2}, {ho1, s1, s2}, {y1}
  EXPECT_DOUBLE_EQ(*h1.fragmentation, 1.0 - 6.0 / 20.0);
  ASSERT_EQ(h1.sectors_unlinked.size(), 1U);
  EXPECT_EQ(index.sectors[h1.sectors_unlinked[0]].id, "health");
  const Departure& ho1 = r.departures[2];
  ASSERT_EQ(ho1.sectors_lost.size(), 1U);
  EXPECT_EQ(index.sectors[ho1.sectors_lost[0]].id, "housing");
  // The board [2; h1 1, s1 1] (majority): when s1 leaves, h1 alone cannot reach 2 of... the
  // quota is re-derived from the rule: majority of 1 vote is 1, so h1 decides alone.
  const Departure& s1 = r.departures[3];
  ASSERT_EQ(s1.power.size(), 1U);
  EXPECT_TRUE(s1.power[0].can_decide);
  EXPECT_EQ(s1.power[0].members, (std::vector<std::size_t>{0}));
  EXPECT_DOUBLE_EQ(*s1.power[0].before[0], 0.5);
  EXPECT_DOUBLE_EQ(*s1.power[0].after[0], 1.0);
  EXPECT_TRUE(r.departures[5].power.empty());  // y1 holds no seat
}
