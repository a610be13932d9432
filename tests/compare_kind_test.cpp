// Compare that does not mislead: valued QAP (against a brute-force Pearson over all
// relabellings), p-value text, and telling waves from different coalitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/load.hpp"

using namespace xsector;

namespace {

using Matrix = std::vector<std::vector<std::int64_t>>;

// Pearson's r over the cells above the diagonal, by the textbook formula.
double pearson(const Matrix& a, const Matrix& b, const std::vector<std::size_t>& perm) {
  std::vector<double> x;
  std::vector<double> y;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) {
      x.push_back(static_cast<double>(a[i][j]));
      y.push_back(static_cast<double>(b[perm[i]][perm[j]]));
    }
  }
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t c = 0; c < x.size(); ++c) {
    sxy += (x[c] - mx) * (y[c] - my);
    sxx += (x[c] - mx) * (x[c] - mx);
    syy += (y[c] - my) * (y[c] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

ValuedPairList pairs_of(const Matrix& m) {
  ValuedPairList list{m.size(), {}};
  for (std::size_t i = 0; i < m.size(); ++i) {
    for (std::size_t j = i + 1; j < m.size(); ++j) {
      if (m[i][j] > 0) list.pairs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), m[i][j]});
    }
  }
  return list;
}

Matrix random_levels(std::size_t k, std::mt19937& rng) {
  Matrix m(k, std::vector<std::int64_t>(k, 0));
  std::uniform_int_distribution<int> level(0, 4);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i + 1; j < k; ++j) m[i][j] = m[j][i] = level(rng);
  }
  return m;
}

Coalition load(const std::string& text) { return parse_coalition(text, "c.yaml"); }

}  // namespace

TEST(ValuedQap, MatchesBruteForceOverEveryRelabelling) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    const std::size_t k = 6;
    const Matrix a = random_levels(k, rng);
    const Matrix b = random_levels(k, rng);
    std::vector<std::size_t> perm(k);
    std::iota(perm.begin(), perm.end(), 0);
    const double observed = pearson(a, b, perm);
    std::size_t at_least = 0;
    std::size_t total = 0;
    do {
      ++total;
      at_least += pearson(a, b, perm) >= observed - 1e-9 ? 1 : 0;
    } while (std::next_permutation(perm.begin(), perm.end()));
    const Qap q = qap_test_valued(pairs_of(a), pairs_of(b), 1000, 1);
    ASSERT_TRUE(q.correlation.has_value());
    EXPECT_NEAR(*q.correlation, observed, 1e-12);
    EXPECT_TRUE(q.exact && q.valued);
    EXPECT_EQ(q.permutations, 720U);
    EXPECT_DOUBLE_EQ(*q.p_value, static_cast<double>(at_least) / static_cast<double>(total)) << round;
  }
}

TEST(ValuedQap, HandWorkedAndBinaryCase) {
  // a = b: pairs (0,1) = 1, (0,2) = 2, (1,2) = 0; deviations from the mean 1 are 0, 1, -1,
  // so r = 1. Only the identity keeps the cross-product Σ a b at 1·1 + 2·2 = 5: p = 1/6.
  const ValuedPairList a{3, {{0, 1, 1}, {0, 2, 2}}};
  const Qap q = qap_test_valued(a, a, 1000, 1);
  EXPECT_DOUBLE_EQ(*q.correlation, 1.0);
  EXPECT_DOUBLE_EQ(*q.p_value, 1.0 / 6.0);
  // With every value 1 it is the binary test: docs/compare.md's check, r = 0.6, p = 12/120.
  const ValuedPairList x{5, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}}};
  const ValuedPairList y{5, {{0, 1, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}, {3, 4, 1}}};
  const Qap v = qap_test_valued(x, y, 1000, 1);
  EXPECT_NEAR(*v.correlation, 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(*v.p_value, 12.0 / 120.0);
  // A constant matrix has no correlation; repeated pairs keep their highest value.
  EXPECT_FALSE(qap_test_valued(ValuedPairList{3, {{0, 1, 2}, {0, 2, 2}, {1, 2, 2}}}, a, 100, 1).correlation);
  const Qap repeated = qap_test_valued(ValuedPairList{3, {{0, 1, 1}, {1, 0, 1}, {0, 2, 1}, {2, 0, 2}}}, a, 1000, 1);
  EXPECT_DOUBLE_EQ(*repeated.correlation, 1.0);
}

TEST(ValuedQap, RandomRelabellingsAreSeeded) {
  std::mt19937 rng(3);
  const Matrix a = random_levels(12, rng);
  const Qap one = qap_test_valued(pairs_of(a), pairs_of(a), 500, 42);
  const Qap two = qap_test_valued(pairs_of(a), pairs_of(a), 500, 42);
  EXPECT_FALSE(one.exact);
  EXPECT_EQ(one.permutations, 500U);
  EXPECT_EQ(*one.p_value, *two.p_value);
  EXPECT_DOUBLE_EQ(*one.correlation, 1.0);
}

TEST(PValueText, NeverPrintsZero) {
  Qap q;
  EXPECT_EQ(p_value_text(q), "-");
  q.permutations = 1000;
  q.p_value = 0.0123;
  EXPECT_EQ(p_value_text(q), "0.012");
  q.p_value = 0.0005;
  EXPECT_EQ(p_value_text(q), "< 0.001");
  q.p_value = 0.0;
  EXPECT_EQ(p_value_text(q), "< 0.001");  // none of 1000 relabellings: below 1/1000
  q.permutations = 100;
  EXPECT_EQ(p_value_text(q), "< 0.01");
  q.p_value = 0.001;
  EXPECT_EQ(p_value_text(q), "0.001");
}

TEST(CompareKind, WavesShareANameAndHalfTheMembers) {
  const std::string four =
      "members: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: education}, "
      "{id: d, sector: education}]\n";
  const Coalition x = load("coalition: {name: X, as_of: 2024-01-01}\n" + four);
  // Two of four shared (exactly half): waves.
  const Coalition half = load(
      "coalition: {name: X, as_of: 2023-01-01}\nmembers: [{id: a, sector: housing}, "
      "{id: b, sector: housing}, {id: e, sector: health-care}, {id: f, sector: health-care}]\n");
  const CoalitionMatch m = match_coalitions(x, half);
  EXPECT_TRUE(m.waves);
  EXPECT_EQ(m.shared, 2U);
  EXPECT_EQ(m.smaller, 4U);
  EXPECT_TRUE(dated_before(half, x));
  EXPECT_FALSE(dated_before(x, half));
  // One of three shared: fewer than half of the smaller file.
  const Coalition few = load(
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: g, sector: housing}, "
      "{id: h, sector: housing}]\n");
  const CoalitionMatch n = match_coalitions(x, few);
  EXPECT_FALSE(n.waves);
  EXPECT_EQ(n.note, "only 1 of the smaller file's 3 members are in both (waves share at least half)");
  EXPECT_FALSE(dated_before(few, x));  // undated: no order to fix
  const Coalition other = load("coalition: {name: Y}\n" + four);
  const CoalitionMatch o = match_coalitions(x, other);
  EXPECT_FALSE(o.waves);
  EXPECT_EQ(o.note, "the files name different coalitions ('X' and 'Y')");
}

TEST(CompareKind, DifferentCoalitionsGetNoDepartureFindings) {
  const Coalition x = load(
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: b, sector: education}]\n"
      "ties: [[a, b]]\n");
  const Coalition y = load(
      "coalition: {name: Y}\nmembers: [{id: c, sector: health-care}, {id: d, sector: education}]\n"
      "ties: [[c, d]]\n");
  const Analysis ax = analyze(x, AnalysisOptions{});
  const Analysis ay = analyze(y, AnalysisOptions{});
  const Comparison cmp = compare(x, ax, y, ay);
  EXPECT_FALSE(cmp.as_waves);
  EXPECT_EQ(cmp.left, (std::vector<std::string>{"a", "b"}));  // the data stay: only in the first file
  ASSERT_FALSE(cmp.findings.empty());
  EXPECT_EQ(cmp.findings.front().code, "different-coalitions");
  for (const auto& f : cmp.findings) {
    EXPECT_NE(f.code, "sector-lost") << f.message;
    EXPECT_NE(f.code, "membership-change") << f.message;
  }
  // The same two files as waves of one coalition (same name, members shared) keep them.
  const Coalition y2 = load(
      "coalition: {name: X}\nmembers: [{id: a, sector: health-care}, {id: b, sector: education}]\n"
      "ties: [[a, b]]\n");
  const Comparison waves = compare(x, ax, y2, analyze(y2, AnalysisOptions{}));
  EXPECT_TRUE(waves.as_waves);
  EXPECT_TRUE(std::any_of(waves.findings.begin(), waves.findings.end(),
                          [](const Finding& f) { return f.code == "sector-lost"; }));
}

TEST(CompareKind, ValuedQapOption) {
  // Levels of the three common members' pairs: before a-b 4, a-c 1; after a-b 4, a-c 1,
  // b-c 0. Identical valued matrices [4, 1, 0]: r = 1; only relabellings keeping a-b and a-c
  // (the identity) reach the cross-product 17: p = 1/6.
  const std::string members =
      "members: [{id: a, sector: housing}, {id: b, sector: education}, {id: c, sector: economic}]\n";
  const Coalition x =
      load("coalition: {name: X}\n" + members + "ties: [{between: [a, b], level: 4}, {between: [a, c], level: 1}]\n");
  CompareOptions o;
  o.valued_qap = true;
  const Analysis ax = analyze(x, AnalysisOptions{});
  const Comparison cmp = compare(x, ax, x, ax, o);
  EXPECT_TRUE(cmp.qap.valued);
  EXPECT_DOUBLE_EQ(*cmp.qap.correlation, 1.0);
  EXPECT_DOUBLE_EQ(*cmp.qap.p_value, 1.0 / 6.0);
  // Unvalued, the same two ties give p = 2/6: swapping b and c keeps both tied pairs.
  const Comparison plain = compare(x, ax, x, ax);
  EXPECT_FALSE(plain.qap.valued);
  EXPECT_DOUBLE_EQ(*plain.qap.p_value, 2.0 / 6.0);
}
