#include "xsector/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>

#include "test_graphs.hpp"
#include "xsector/render.hpp"

using namespace xsector;

namespace {

const char* const wave_a = R"(coalition: {name: Waves, as_of: 2023-01-01}
members:
  - {id: a, sector: housing}
  - {id: b, sector: education}
  - {id: c, name: Old name, sector: economic}
  - {id: d, sector: residents}
ties:
  - [a, b]
  - {between: [a, c], level: 3}
  - {from: b, to: c, level: 2}
  - {from: a, to: d, level: 2}
)";

const char* const wave_b = R"(coalition: {name: Waves, as_of: 2024-01-01}
members:
  - {id: a, sector: housing}
  - {id: b, sector: education}
  - {id: c, name: New name, sector: justice}
  - {id: e, sector: residents}
ties:
  - {between: [a, b], level: 2}
  - {between: [a, c], level: 1}
  - {from: c, to: b, level: 2}
  - [c, e]
)";

std::vector<std::string> pairs(const std::vector<TieChange>& list) {
  std::vector<std::string> out;
  for (const auto& t : list) out.push_back(t.a + "-" + t.b);
  return out;
}

// Graphs A (1-2, 1-3, 2-3, 3-4, 4-5) and B (1-2, 2-3, 2-4, 3-4, 4-5) of the issue.
std::vector<std::vector<char>> matrix(const std::vector<std::pair<int, int>>& edges) {
  std::vector<std::vector<char>> m(5, std::vector<char>(5, 0));
  for (const auto& [x, y] : edges) m[x - 1][y - 1] = m[y - 1][x - 1] = 1;
  return m;
}
const std::vector<std::pair<int, int>> qap_a = {{1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}};
const std::vector<std::pair<int, int>> qap_b = {{1, 2}, {2, 3}, {2, 4}, {3, 4}, {4, 5}};

}  // namespace

TEST(Compare, EveryKindOfChangeByHand) {
  const Coalition a = parse_coalition(wave_a, "a.yaml");
  const Coalition b = parse_coalition(wave_b, "b.yaml");
  const Comparison cmp = compare(a, analyze(a), b, analyze(b));
  EXPECT_EQ(cmp.joined, (std::vector<std::string>{"e"}));
  EXPECT_EQ(cmp.left, (std::vector<std::string>{"d"}));
  EXPECT_EQ(cmp.kept, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(cmp.renamed.size(), 1U);
  EXPECT_EQ(cmp.renamed[0].name_before, "Old name");
  EXPECT_EQ(cmp.renamed[0].name_after, "New name");
  EXPECT_EQ(cmp.renamed[0].sector_before, "economic");
  EXPECT_EQ(cmp.renamed[0].sector_after, "justice");
  EXPECT_EQ(pairs(cmp.ties.formed), (std::vector<std::string>{"c-e"}));
  EXPECT_EQ(pairs(cmp.ties.dissolved), (std::vector<std::string>{"a-d"}));
  EXPECT_EQ(pairs(cmp.ties.strengthened), (std::vector<std::string>{"a-b"}));
  EXPECT_EQ(pairs(cmp.ties.weakened), (std::vector<std::string>{"a-c"}));
  ASSERT_EQ(pairs(cmp.ties.redirected), (std::vector<std::string>{"b-c"}));
  EXPECT_EQ(cmp.ties.redirected[0].before.direction, PairDirection::forward);
  EXPECT_EQ(cmp.ties.redirected[0].after.direction, PairDirection::backward);
  EXPECT_EQ(to_string(cmp.ties.redirected[0].after.direction), "backward");
  EXPECT_EQ(cmp.sectors_covered, (std::vector<std::string>{"justice"}));
  EXPECT_EQ(cmp.sectors_lost, (std::vector<std::string>{"economic"}));
  // Density 4/6 before and after; ties 4 and 4.
  const auto density =
      std::find_if(cmp.network.begin(), cmp.network.end(), [](const Delta& d) { return d.name == "density"; });
  EXPECT_DOUBLE_EQ(*density->change, 0.0);
  // Common members a, b, c: a-b, a-c and b-c are tied in both waves, so r is undefined
  // (a constant matrix): QAP reports null, not a number.
  EXPECT_FALSE(cmp.qap.correlation.has_value());
}

TEST(Compare, IdenticalFilesShowNoChange) {
  const Coalition a = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/rhode-island-hez.yaml");
  const Comparison cmp = compare(a, analyze(a), a, analyze(a));
  EXPECT_TRUE(cmp.joined.empty());
  EXPECT_TRUE(cmp.left.empty());
  EXPECT_TRUE(cmp.renamed.empty());
  EXPECT_TRUE(cmp.ties.formed.empty() && cmp.ties.dissolved.empty() && cmp.ties.strengthened.empty() &&
              cmp.ties.weakened.empty() && cmp.ties.redirected.empty());
  for (const auto& d : cmp.network) {
    if (d.change) {
      EXPECT_DOUBLE_EQ(*d.change, 0.0) << d.name;
    }
  }
  EXPECT_DOUBLE_EQ(*cmp.qap.correlation, 1.0);
}

TEST(Qap, CorrelationAndExactPValueOfTheIssueExample) {
  const Qap q = qap_test(matrix(qap_a), matrix(qap_b), 1000, 1);
  EXPECT_NEAR(*q.correlation, 0.6, 1e-12);
  EXPECT_TRUE(q.exact);
  EXPECT_EQ(q.permutations, 120U);
  EXPECT_NEAR(*q.p_value, 12.0 / 120.0, 1e-12);
}

TEST(Qap, PermutationPValueConvergesToTheExactOne) {
  const Qap q = qap_test(matrix(qap_a), matrix(qap_b), 20000, 7, false);
  EXPECT_FALSE(q.exact);
  EXPECT_EQ(q.permutations, 20000U);
  EXPECT_NEAR(*q.p_value, 0.1, 0.01);  // five standard errors
  const Qap again = qap_test(matrix(qap_a), matrix(qap_b), 20000, 7, false);
  EXPECT_EQ(*again.p_value, *q.p_value);  // the seed fixes the draw
}

TEST(Qap, UndefinedBelowTwoMembersOrWithAConstantMatrix) {
  const std::vector<std::vector<char>> one(1, std::vector<char>(1, 0));
  EXPECT_FALSE(qap_test(one, one, 100, 1).correlation.has_value());
  const std::vector<std::vector<char>> empty(3, std::vector<char>(3, 0));
  EXPECT_FALSE(qap_test(empty, empty, 100, 1).correlation.has_value());
}

TEST(Compare, HeadlineFiguresAndWaveOrder) {
  const Coalition hills = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/healthy-in-the-hills.yaml");
  const auto figures = headline_figures(analyze(hills));
  const auto edm = std::find_if(figures.begin(), figures.end(),
                                [](const Figure& f) { return f.name == "effective_decision_makers"; });
  // Coalition-wide power 0.3, 0.2, 0.1, 0.1 and six members at 0.05: 1 / 0.165.
  EXPECT_NEAR(*edm->value, 1.0 / 0.165, 1e-12);
  Coalition undated = hills;
  undated.as_of.clear();
  Coalition early = hills;
  early.as_of = "2020-01-01";
  EXPECT_EQ(wave_order({&undated, &hills, &early}), (std::vector<std::size_t>{2, 1, 0}));
}

TEST(Compare, DiagramColoursJoinedLeftFormedAndDissolved) {
  const Coalition a = parse_coalition(wave_a, "a.yaml");
  const Coalition b = parse_coalition(wave_b, "b.yaml");
  const Analysis ab = analyze(b);
  const std::string dot = comparison_dot(a, b, ab, compare(a, analyze(a), b, ab));
  auto attributes = [&](const std::string& head) {
    const auto at = dot.find("\t" + head + "\t[");
    return at == std::string::npos ? std::string() : dot.substr(at, dot.find("];", at) - at);
  };
  EXPECT_NE(attributes("e").find("peripheries=2"), std::string::npos) << dot;  // joined
  EXPECT_NE(attributes("d").find("style=dashed"), std::string::npos) << dot;
  EXPECT_NE(attributes("d").find("(left)"), std::string::npos) << dot;
  EXPECT_NE(attributes("c -- e").find("color=\"#000000\""), std::string::npos) << dot;  // formed
  EXPECT_NE(attributes("a -- d").find("style=dotted"), std::string::npos) << dot;       // dissolved
  EXPECT_NE(attributes("a -- b").find("color=\"#BBBBBB\""), std::string::npos) << dot;  // kept
  // No mark takes a sector's colour: every colour in the drawing is a fill of a sector, or
  // black, white or grey.
  for (const auto& colour : sector_palette()) {
    const std::string key = "color=\"" + colour;
    for (auto at = dot.find(key); at != std::string::npos; at = dot.find(key, at + 1)) {
      if (at == 0 || dot[at - 1] != 'l') ADD_FAILURE() << "a mark in a sector's colour: " << dot.substr(at, 40);
    }
  }
}

namespace {

using Matrix = std::vector<std::vector<char>>;

// Pearson's r over the off-diagonal cells, straight from its definition (means and sums of
// products), on the dense matrices: an independent reference for the counting formula.
double pearson(const Matrix& a, const Matrix& b, const std::vector<std::size_t>& relabel) {
  const std::size_t k = a.size();
  double n = 0, sa = 0, sb = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (i == j) continue;
      n += 1;
      sa += a[i][j];
      sb += b[relabel[i]][relabel[j]];
    }
  }
  const double ma = sa / n, mb = sb / n;
  double cov = 0, va = 0, vb = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (i == j) continue;
      const double x = a[i][j] - ma, y = b[relabel[i]][relabel[j]] - mb;
      cov += x * y;
      va += x * x;
      vb += y * y;
    }
  }
  return cov / std::sqrt(va * vb);
}

Matrix random_graph(std::size_t k, double density, std::mt19937_64& rng) {
  Matrix m(k, std::vector<char>(k, 0));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i + 1; j < k; ++j) m[i][j] = m[j][i] = u(rng) < density ? 1 : 0;
  }
  return m;
}

PairList pairs_of(const Matrix& m) {
  PairList list{m.size(), {}};
  for (std::size_t i = 0; i < m.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (m[i][j])
        list.pairs.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));  // larger first
    }
  }
  return list;
}

}  // namespace

TEST(Qap, SparseCountsMatchDenseBruteForceOnRandomGraphs) {
  std::mt19937_64 rng(2024);
  std::size_t compared = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t k = 3 + static_cast<std::size_t>(trial % 4);  // 3..6 members: 6! = 720 relabellings
    const Matrix a = random_graph(k, 0.2 + 0.1 * (trial % 5), rng);
    const Matrix b = random_graph(k, 0.5, rng);
    const Qap q = qap_test(pairs_of(a), pairs_of(b), 1000, 1);
    std::vector<std::size_t> relabel(k);
    std::iota(relabel.begin(), relabel.end(), 0);
    const double r = pearson(a, b, relabel);
    if (!std::isfinite(r)) {  // a constant matrix: undefined
      EXPECT_FALSE(q.correlation.has_value());
      continue;
    }
    ++compared;
    ASSERT_TRUE(q.correlation.has_value());
    EXPECT_NEAR(*q.correlation, r, 1e-12);
    // Every relabelling of b, compared with the observed r on the dense matrices.
    std::size_t at_least = 0, all = 0;
    do {
      ++all;
      if (pearson(a, b, relabel) >= r - 1e-9) ++at_least;
    } while (std::next_permutation(relabel.begin(), relabel.end()));
    EXPECT_TRUE(q.exact);
    EXPECT_EQ(q.permutations, all);
    EXPECT_NEAR(*q.p_value, static_cast<double>(at_least) / static_cast<double>(all), 1e-12);
    // The dense entry point gives the same numbers.
    const Qap dense = qap_test(a, b, 1000, 1);
    EXPECT_EQ(*dense.correlation, *q.correlation);
    EXPECT_EQ(*dense.p_value, *q.p_value);
  }
  EXPECT_GT(compared, 40U);
}

TEST(Qap, RandomRelabellingsFollowTheDocumentedStream) {
  // 9 members: 9! > 500, so 500 Fisher-Yates shuffles from std::mt19937_64(seed), each value
  // drawn by rejection as documented, applied cumulatively to one relabelling.
  std::mt19937_64 graphs(99);
  const Matrix a = random_graph(9, 0.3, graphs);
  const Matrix b = random_graph(9, 0.4, graphs);
  std::vector<std::size_t> relabel(9);
  std::iota(relabel.begin(), relabel.end(), 0);
  const double observed = pearson(a, b, relabel);
  std::mt19937_64 rng(5);
  auto draw = [&](std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      const std::uint64_t v = rng();
      if (v >= threshold) return v % n;
    }
  };
  std::size_t at_least = 0;
  for (int p = 0; p < 500; ++p) {
    for (std::size_t i = 8; i > 0; --i) std::swap(relabel[i], relabel[draw(i + 1)]);
    if (pearson(a, b, relabel) >= observed - 1e-9) ++at_least;
  }
  const Qap q = qap_test(pairs_of(a), pairs_of(b), 500, 5);
  EXPECT_FALSE(q.exact);
  EXPECT_EQ(q.permutations, 500U);
  EXPECT_NEAR(*q.correlation, observed, 1e-12);
  EXPECT_EQ(q.at_least, at_least);
  EXPECT_EQ(*q.p_value, static_cast<double>(at_least + 1) / 501.0);  // (b + 1) / (m + 1)
}

TEST(Qap, PairListIgnoresRepeatsSelfPairsAndOrder) {
  PairList a{5, {}};
  PairList b{5, {}};
  for (const auto& [x, y] : qap_a)
    a.pairs.emplace_back(static_cast<std::uint32_t>(y - 1), static_cast<std::uint32_t>(x - 1));
  for (const auto& [x, y] : qap_b)
    b.pairs.emplace_back(static_cast<std::uint32_t>(x - 1), static_cast<std::uint32_t>(y - 1));
  a.pairs.emplace_back(0, 1);  // 1-2 again
  a.pairs.emplace_back(2, 2);  // a self pair
  const Qap q = qap_test(a, b, 1000, 1);
  EXPECT_NEAR(*q.correlation, 0.6, 1e-12);
  EXPECT_NEAR(*q.p_value, 12.0 / 120.0, 1e-12);
  const Qap none = qap_test(PairList{5, {}}, b, 1000, 1);  // no ties at all: r undefined
  EXPECT_FALSE(none.correlation.has_value());
}

TEST(Compare, QapOverCommonMembersComesFromTheirTiesOnly) {
  // Wave 2 drops m5 (and its ties) and adds m6; the common members m0..m4 carry graphs A
  // and B of the issue example (1-2, 1-3, 2-3, 3-4, 4-5 and 1-2, 2-3, 2-4, 3-4, 4-5); wave 2
  // lists its members in another order and ties 2-4 both ways with from/to.
  const Coalition a = xsector::testing::coalition_of(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}});
  std::string text = "coalition: {name: test}\nmembers:\n";
  for (int i : {4, 3, 2, 1, 0, 6}) text += "  - {id: m" + std::to_string(i) + ", sector: housing}\n";
  text +=
      "ties:\n  - [m0, m1]\n  - [m1, m2]\n  - {from: m3, to: m1}\n  - {from: m1, to: m3}\n  - [m2, m3]\n  - [m3, m4]\n"
      "  - [m6, m0]\n";
  const Coalition b = parse_coalition(text, "b.yaml");
  const Comparison cmp = compare(a, analyze(a), b, analyze(b));
  EXPECT_EQ(cmp.qap.common_members, 5U);
  EXPECT_NEAR(*cmp.qap.correlation, 0.6, 1e-12);
  EXPECT_NEAR(*cmp.qap.p_value, 12.0 / 120.0, 1e-12);
}
