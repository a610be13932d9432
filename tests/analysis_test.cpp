#include "xsector/analysis.hpp"

#include <gtest/gtest.h>

#include "test_graphs.hpp"

using namespace xsector;

TEST(Analysis, NetworkFiguresOfASmallDisconnectedCoalition) {
  // Path 0-1-2, pair 3-4, isolate 5.
  const Coalition c = xsector::testing::coalition_of(6, {{0, 1}, {1, 2}, {3, 4}});
  const Analysis a = analyze(c);
  EXPECT_EQ(a.network.members, 6U);
  EXPECT_EQ(a.network.ties, 3U);
  EXPECT_EQ(a.network.components, 3U);
  EXPECT_EQ(a.network.isolates, 1U);
  EXPECT_DOUBLE_EQ(a.network.largest_component_share, 0.5);
  EXPECT_DOUBLE_EQ(*a.network.density, 3.0 / 15.0);
  EXPECT_DOUBLE_EQ(*a.network.average_path_length, 4.0 / 3.0);
  EXPECT_EQ(a.network.diameter, 2U);
  EXPECT_DOUBLE_EQ(*a.network.transitivity, 0.0);  // one open triple, no triangle
  EXPECT_FALSE(a.network.reciprocity.has_value());
  EXPECT_TRUE(a.members[1].articulation);
  EXPECT_FALSE(a.members[5].clustering.has_value());
}

TEST(Analysis, SingleMemberHasNoUndefinedNumbers) {
  const Analysis a = analyze(xsector::testing::coalition_of(1, {}));
  EXPECT_FALSE(a.network.density.has_value());
  EXPECT_FALSE(a.network.average_path_length.has_value());
  EXPECT_FALSE(a.network.degree_centralization.has_value());
  EXPECT_DOUBLE_EQ(a.members[0].pagerank, 1.0);
  EXPECT_DOUBLE_EQ(a.members[0].betweenness, 0.0);
  EXPECT_DOUBLE_EQ(*a.members[0].eigenvector, 1.0);
}
