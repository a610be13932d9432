// Gould and Fernandez brokerage roles (include/xsector/brokerage.hpp) on small networks
// worked out by hand, with R sna brokerage()'s conventions.
#include "xsector/brokerage.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_graphs.hpp"
#include "xsector/load.hpp"
#include "xsector/sectors.hpp"

using namespace xsector;
using xsector::testing::with_sectors;

namespace {}  // namespace

// Gould-Fernandez roles by hand, R sna brokerage() conventions.
TEST(Brokerage, UndirectedOpenTriadCountsBothWays) {
  // m0 - m1 - m2 with m0, m2 in sa and m1 in sb: m1 is an itinerant for 0->1->2 and 2->1->0.
  const Coalition c = with_sectors({"sa", "sb", "sa"}, {"[m0, m1]", "[m1, m2]"});
  const auto b = brokerage(build_graph(c), index_sectors(c).sector_of);
  EXPECT_EQ(b[1].itinerant, 2U);
  EXPECT_EQ(b[1].total(), 2U);
  EXPECT_EQ(b[0].total(), 0U);
}

TEST(Brokerage, DirectedRoles) {
  auto roles = [](const std::vector<std::string>& sectors) {
    const Coalition c = with_sectors(sectors, {"{from: m0, to: m1}", "{from: m1, to: m2}"});
    return brokerage(build_graph(c), index_sectors(c).sector_of)[1];
  };
  EXPECT_EQ(roles({"sa", "sa", "sa"}).coordinator, 1U);
  EXPECT_EQ(roles({"sa", "sb", "sa"}).itinerant, 1U);
  EXPECT_EQ(roles({"sa", "sa", "sb"}).representative, 1U);
  EXPECT_EQ(roles({"sa", "sb", "sb"}).gatekeeper, 1U);
  EXPECT_EQ(roles({"sa", "sb", "sc"}).liaison, 1U);
  EXPECT_EQ(roles({"sa", "sb", "sc"}).total(), 1U);
}

TEST(Brokerage, ClosedTriadBrokersNothingButACycleDoes) {
  const Coalition closed = with_sectors({"sa", "sb", "sc"}, {"[m0, m1]", "[m1, m2]", "[m0, m2]"});
  for (const auto& b : brokerage(build_graph(closed), index_sectors(closed).sector_of)) EXPECT_EQ(b.total(), 0U);
  // A directed cycle 0->1->2->0: each two-path i->j->k lacks the arc i->k.
  const Coalition cycle =
      with_sectors({"sa", "sb", "sc"}, {"{from: m0, to: m1}", "{from: m1, to: m2}", "{from: m2, to: m0}"});
  for (const auto& b : brokerage(build_graph(cycle), index_sectors(cycle).sector_of)) EXPECT_EQ(b.liaison, 1U);
}

TEST(Brokerage, StarAcrossThreeSectorsByHand) {
  // m0 (sa) is tied both ways to m1 (sa), m2 (sb) and m3 (sc). Its two-paths i -> m0 -> k
  // run over the 3 x 2 ordered pairs of its neighbours, none of them tied: m1 -> m0 -> m2 and
  // m1 -> m0 -> m3 make m0 a representative (i and j share sa), m2 -> m0 -> m1 and
  // m3 -> m0 -> m1 a gatekeeper, m2 -> m0 -> m3 and m3 -> m0 -> m2 a liaison.
  const Coalition c = with_sectors({"sa", "sa", "sb", "sc"}, {"[m0, m1]", "[m0, m2]", "[m0, m3]"});
  const auto b = brokerage(build_graph(c), index_sectors(c).sector_of);
  ASSERT_EQ(b.size(), 4U);
  EXPECT_EQ(b[0].representative, 2U);
  EXPECT_EQ(b[0].gatekeeper, 2U);
  EXPECT_EQ(b[0].liaison, 2U);
  EXPECT_EQ(b[0].coordinator + b[0].itinerant, 0U);
  for (std::size_t v = 1; v < 4; ++v) EXPECT_EQ(b[v].total(), 0U);
}
