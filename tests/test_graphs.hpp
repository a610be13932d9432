// Small graphs for the metric tests, built through the public loader.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "xsector/load.hpp"
#include "xsector/network.hpp"
#include "xsector/power.hpp"

namespace xsector::testing {

/// A coalition of members m0..m{n-1} (all in sector `housing`) tied by `edges`.
inline Coalition coalition_of(std::size_t n, const std::vector<std::pair<int, int>>& edges) {
  std::string text = "coalition: {name: test}\nmembers:\n";
  for (std::size_t i = 0; i < n; ++i) text += "  - {id: m" + std::to_string(i) + ", sector: housing}\n";
  if (!edges.empty()) text += "ties:\n";
  for (const auto& [a, b] : edges) text += "  - [m" + std::to_string(a) + ", m" + std::to_string(b) + "]\n";
  return parse_coalition(text, "test.yaml");
}

inline Network graph_of(std::size_t n, const std::vector<std::pair<int, int>>& edges) {
  return build_graph(coalition_of(n, edges));
}

/// A random coalition (Erdos-Renyi G(n, m) over distinct pairs), members spread over the
/// first `sectors` of housing, education, health-care, residents; `directed_share` of the ties
/// are from/to. Built in memory, so large graphs do not go through the loader.
inline Coalition random_coalition(std::size_t n, std::size_t m, std::uint64_t seed, std::size_t sectors = 1,
                                  double directed_share = 0.0) {
  Coalition c = coalition_of(1, {});
  const std::vector<std::string> ids = {"housing", "education", "health-care", "residents"};
  c.members.clear();
  for (std::size_t i = 0; i < n; ++i) {
    Member member;
    member.id = "m";
    member.id += std::to_string(i);
    member.name = member.id;
    member.sector = ids[i % std::min(sectors, ids.size())];
    c.members.push_back(std::move(member));
  }
  std::mt19937_64 rng(seed);
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  const std::size_t possible = n < 2 ? 0 : n * (n - 1) / 2;
  while (pairs.size() < std::min(m, possible)) {
    const std::size_t a = rng() % n;
    const std::size_t b = rng() % n;
    if (a == b || !pairs.insert(std::minmax(a, b)).second) continue;
    Tie t;
    t.a = a;
    t.b = b;
    t.directed = static_cast<double>(rng() % 1000) < directed_share * 1000.0;
    t.level = static_cast<TieLevel>(1 + rng() % 4);
    c.ties.push_back(t);
  }
  return c;
}

inline Coalition classic(const std::string& name) {
  return load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/" + name + ".yaml");
}

// Members m0, m1, ... with the given sector ids (sectors sa, sb, sc declared in the file),
// tied by `ties` (each a shorthand pair or a `{from, to}` map written out).
inline Coalition with_sectors(const std::vector<std::string>& sectors, const std::vector<std::string>& ties) {
  std::string text = "coalition: {name: t}\nsectors:\n";
  for (const char* s : {"sa", "sb", "sc"}) text += std::string("  - {id: ") + s + "}\n";
  text += "members:\n";
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    text += "  - {id: m" + std::to_string(i) + ", sector: " + sectors[i] + "}\n";
  }
  if (!ties.empty()) text += "ties:\n";
  for (const auto& t : ties) text += "  - " + t + "\n";
  return parse_coalition(text, "t.yaml");
}

// A random weighted game for enumeration checks: 1 to `max_players` players of weight 1 to
// 12, a quota from 1 to the total + 2 (so also above the total); on every fourth `trial`
// each player holds a veto with probability 1/4.
inline WeightedGame random_game(std::mt19937& rng, std::size_t max_players, int trial) {
  const std::size_t n = 1 + rng() % max_players;
  WeightedGame g;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    g.weights.push_back(1 + static_cast<std::int64_t>(rng() % 12));
    total += g.weights.back();
  }
  g.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint32_t>(total + 2));
  if (trial % 4 == 0) {
    for (std::size_t i = 0; i < n; ++i) g.veto.push_back(rng() % 4 == 0);
  }
  return g;
}

}  // namespace xsector::testing
