#include "xsector/resilience.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

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
  EXPECT_TRUE(h1.splits);
  EXPECT_FALSE(r.departures[1].splits);  // h2 is a leaf
  EXPECT_EQ(h1.components, 3U);          // {h2}, {ho1, s1, s2}, {y1}
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

namespace {
// Brute force: remove v (if any), count components among the others by a fresh traversal.
std::size_t components_without(const Network& g, std::optional<std::size_t> removed) {
  std::vector<char> seen(g.size(), 0);
  if (removed) seen[*removed] = 1;
  std::size_t count = 0;
  for (std::size_t s = 0; s < g.size(); ++s) {
    if (seen[s]) continue;
    ++count;
    std::vector<std::size_t> stack{s};
    seen[s] = 1;
    while (!stack.empty()) {
      const auto u = stack.back();
      stack.pop_back();
      for (const auto w : g.neighbors(u)) {
        if (!seen[w]) {
          seen[w] = 1;
          stack.push_back(w);
        }
      }
    }
  }
  return count;
}
}  // namespace

// Every departure's fragmentation, component count, cut points, bridges and unlinked sectors
// from the one-pass block-cut computation, against removing each member (and each tie) and
// recounting, on many random graphs: sparse ones with isolates and several components too.
TEST(Resilience, OnePassMatchesBruteForceOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const std::size_t n = 1 + seed % 23;
    const std::size_t m = (seed * 7) % (2 * n + 1);
    const Coalition c = xsector::testing::random_coalition(n, m, seed, 1 + seed % 4);
    const Network g = build_graph(c);
    const SectorIndex index = index_sectors(c);
    const Resilience r = resilience(c, g, index, CoalitionPower{});
    ASSERT_EQ(r.departures.size(), n);
    std::vector<std::size_t> cut;
    for (std::size_t v = 0; v < n; ++v) {
      const Departure& d = r.departures[v];
      const auto expected = fragmentation(g, v);
      ASSERT_EQ(d.fragmentation.has_value(), expected.has_value()) << "seed " << seed << " member " << v;
      if (expected) {
        EXPECT_DOUBLE_EQ(*d.fragmentation, *expected) << "seed " << seed << " member " << v;
      }
      EXPECT_EQ(d.components, components_without(g, v)) << "seed " << seed << " member " << v;
      // An articulation point leaves more components among the others than its own removal
      // from an isolate would: compare with the count when v stays.
      const std::size_t with_v = components_without(g, std::nullopt);
      const std::size_t own_gone = g.degree(v) == 0 ? 1 : 0;
      const bool splits = components_without(g, v) > with_v - own_gone;
      if (splits) cut.push_back(v);
      EXPECT_EQ(d.splits, splits) << "seed " << seed << " member " << v;
      // Sectors unlinked: every cross-sector tie touching the sector involves v.
      std::vector<std::size_t> unlinked;
      for (std::size_t s = 0; s < index.sectors.size(); ++s) {
        bool any = false;
        bool all_through_v = true;
        for (const PairEdge& p : g.pairs()) {
          const auto a = index.sector_of[p.low];
          const auto b = index.sector_of[p.high];
          if (a == b || (a != s && b != s)) continue;
          any = true;
          if (p.low != v && p.high != v) all_through_v = false;
        }
        const bool only_member =
            index.sector_of[v] == s && std::count(index.sector_of.begin(), index.sector_of.end(), s) == 1;
        if (any && all_through_v && !only_member) unlinked.push_back(s);
      }
      EXPECT_EQ(d.sectors_unlinked, unlinked) << "seed " << seed << " member " << v;
    }
    EXPECT_EQ(r.articulation_points, cut) << "seed " << seed;
    std::vector<std::pair<std::size_t, std::size_t>> bridge;
    for (std::size_t e = 0; e < g.pair_count(); ++e) {
      Coalition without = c;
      const auto& tie_ids = g.pair(e).ties();
      std::vector<Tie> kept;
      for (std::size_t t = 0; t < c.ties.size(); ++t) {
        if (std::find(tie_ids.begin(), tie_ids.end(), t) == tie_ids.end()) kept.push_back(c.ties[t]);
      }
      without.ties = kept;
      const Network h = build_graph(without);
      // One more component without the tie: compare counts with a member index past the end.
      std::vector<char> seen(n, 0);
      std::size_t count_h = 0;
      std::size_t count_g = 0;
      for (const Network* x : {&g, &h}) {
        std::fill(seen.begin(), seen.end(), 0);
        std::size_t& count = x == &g ? count_g : count_h;
        for (std::size_t s = 0; s < n; ++s) {
          if (seen[s]) continue;
          ++count;
          std::vector<std::size_t> stack{s};
          seen[s] = 1;
          while (!stack.empty()) {
            const auto u = stack.back();
            stack.pop_back();
            for (const auto w : x->neighbors(u)) {
              if (!seen[w]) {
                seen[w] = 1;
                stack.push_back(w);
              }
            }
          }
        }
      }
      if (count_h > count_g) bridge.emplace_back(g.pair(e).low, g.pair(e).high);
    }
    EXPECT_EQ(r.bridges, bridge) << "seed " << seed;
  }
}

// The search is iterative: a path of 100,000 members has 99,998 cut points and 99,999
// bridges, and no stack overflow.
TEST(Resilience, LongPathDoesNotOverflowTheStack) {
  const std::size_t n = 100000;
  Coalition c = xsector::testing::random_coalition(n, 0, 1);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    Tie t;
    t.a = i;
    t.b = i + 1;
    c.ties.push_back(t);
  }
  const Network g = build_graph(c);
  const Resilience r = resilience(c, g, index_sectors(c), CoalitionPower{});
  EXPECT_EQ(r.articulation_points.size(), n - 2);
  EXPECT_EQ(r.bridges.size(), n - 1);
  // Removing the middle member leaves two halves of 49,999 and 50,000.
  const double rest = static_cast<double>(n - 1);
  const double halves = 49999.0 * 49998.0 + 50000.0 * 49999.0;
  EXPECT_DOUBLE_EQ(*r.departures[50000].fragmentation, 1.0 - halves / (rest * (rest - 1.0)));
}
