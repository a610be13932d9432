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

TEST(PValueText, AlwaysADecimalNeverZero) {
  Qap q;
  EXPECT_EQ(p_value_text(q), "-");
  q.permutations = 1000;
  q.p_value = 0.0123;
  EXPECT_EQ(p_value_text(q), "0.012");
  q.p_value = 0.001;
  EXPECT_EQ(p_value_text(q), "0.001");
  q.p_value = 1.0 / 1001.0;  // none of 1000 relabellings: (0 + 1) / (1000 + 1)
  EXPECT_EQ(p_value_text(q), "0.000999");
  q.p_value = 1.0 / 100001.0;  // none of 100,000: a decimal, not 1e-05
  EXPECT_EQ(p_value_text(q), "0.00001000");
  q.p_value = 1.0 / 101.0;
  EXPECT_EQ(p_value_text(q), "0.010");
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
    EXPECT_NE(f.code, "sector-lost");
    EXPECT_NE(f.code, "membership-change");
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

// Gaps by hand. A: housing {a1, a2}, education {b}, public health {c}; ties a1-b, a2-c, b-c;
// seats a1, b, c. B: a1 left, d (housing) joined; ties a2-b, a2-c, a2-d; seats a2, c.
// thin: education and public health in both. cut off: none in both. Unlinked pairs: none
// before; education/public-health after (b-c dissolved). No vote: education after (b lost
// its seat). Single broker: housing after (its ties out all go through a2).
TEST(CompareGaps, OpenedAndClosedByHand) {
  const Coalition a = load(
      "coalition: {name: G}\nmembers:\n  - {id: a1, sector: housing}\n  - {id: a2, sector: housing}\n"
      "  - {id: b, sector: education}\n  - {id: c, sector: public-health}\nties: [[a1, b], [a2, c], [b, c]]\n"
      "governance:\n  - {body: board, rule: majority, seats: {a1: 1, b: 1, c: 1}}\n");
  const Coalition b = load(
      "coalition: {name: G}\nmembers:\n  - {id: a2, sector: housing}\n  - {id: b, sector: education}\n"
      "  - {id: c, sector: public-health}\n  - {id: d, sector: housing}\nties: [[a2, b], [a2, c], [a2, d]]\n"
      "governance:\n  - {body: board, rule: majority, seats: {a2: 1, c: 1}}\n");
  const Comparison cmp = compare(a, analyze(a, AnalysisOptions{}), b, analyze(b, AnalysisOptions{}));
  using Keys = std::vector<std::vector<std::string>>;
  auto gap = [&](std::string_view kind) {
    return *std::find_if(cmp.gaps.begin(), cmp.gaps.end(),
                         [&](const GapChange& g) { return to_string(g.kind) == kind; });
  };
  // One change per kind, in the order of gap_kinds, named as the JSON names them.
  ASSERT_EQ(cmp.gaps.size(), gap_kinds.size());
  EXPECT_EQ(to_string(cmp.gaps[2].kind), "unlinked_pairs");
  EXPECT_EQ(gap("thin").before, 2U);
  EXPECT_EQ(gap("thin").after, 2U);
  EXPECT_TRUE(gap("thin").opened.empty() && gap("thin").closed.empty());
  EXPECT_EQ(gap("cut_off").before, 0U);
  EXPECT_EQ(gap("cut_off").after, 0U);
  EXPECT_EQ(gap("unlinked_pairs").before, 0U);
  EXPECT_EQ(gap("unlinked_pairs").after, 1U);
  ASSERT_EQ(gap("unlinked_pairs").opened.size(), 1U);
  auto pair = gap("unlinked_pairs").opened[0];
  std::sort(pair.begin(), pair.end());
  EXPECT_EQ(pair, (std::vector<std::string>{"education", "public-health"}));
  EXPECT_EQ(gap("no_vote").opened, (Keys{{"education"}}));
  EXPECT_TRUE(gap("no_vote").closed.empty());
  EXPECT_EQ(gap("single_broker").opened, (Keys{{"housing"}}));
  auto has = [&](const std::string& code, const std::string& subject) {
    return std::any_of(cmp.findings.begin(), cmp.findings.end(), [&](const Finding& f) {
      return f.code == code && f.subjects == std::vector<std::string>{subject};
    });
  };
  EXPECT_TRUE(has("vote-lost", "education"));
  EXPECT_TRUE(has("single-broker-now", "housing"));

  // Back from B to A every gap that opened closes; without a body in B, no_vote is unknown.
  const Comparison back = compare(b, analyze(b, AnalysisOptions{}), a, analyze(a, AnalysisOptions{}));
  const auto& pairs_back = *std::find_if(back.gaps.begin(), back.gaps.end(),
                                         [](const GapChange& g) { return g.kind == GapKind::unlinked_pairs; });
  EXPECT_EQ(pairs_back.closed.size(), 1U);
  EXPECT_TRUE(pairs_back.opened.empty());
  Coalition no_body = b;
  no_body.governance.clear();
  const Comparison unknown = compare(a, analyze(a, AnalysisOptions{}), no_body, analyze(no_body, AnalysisOptions{}));
  const auto& votes = *std::find_if(unknown.gaps.begin(), unknown.gaps.end(),
                                    [](const GapChange& g) { return g.kind == GapKind::no_vote; });
  EXPECT_EQ(votes.before, 0U);
  EXPECT_FALSE(votes.after);
  EXPECT_TRUE(votes.opened.empty() && votes.closed.empty());
}

// A sector cut off in the second wave is a high finding, and tied again in the next an info.
TEST(CompareGaps, CutOffAndReconnected) {
  const Coalition a = load(
      "coalition: {name: G}\nmembers: [{id: h, sector: housing}, {id: e, sector: education}, "
      "{id: p, sector: public-health}]\nties: [[h, e], [e, p]]\n");
  const Coalition b = load(
      "coalition: {name: G}\nmembers: [{id: h, sector: housing}, {id: e, sector: education}, "
      "{id: p, sector: public-health}]\nties: [[h, e]]\n");
  const Analysis aa = analyze(a, AnalysisOptions{});
  const Analysis ab = analyze(b, AnalysisOptions{});
  const Comparison worse = compare(a, aa, b, ab);
  const Comparison better = compare(b, ab, a, aa);
  auto finding = [](const Comparison& c, const std::string& code) {
    const auto it =
        std::find_if(c.findings.begin(), c.findings.end(), [&](const Finding& f) { return f.code == code; });
    return it == c.findings.end() ? std::optional<Finding>() : std::optional<Finding>(*it);
  };
  ASSERT_TRUE(finding(worse, "sector-cut-off"));
  EXPECT_EQ(finding(worse, "sector-cut-off")->severity, Severity::high);
  EXPECT_EQ(finding(worse, "sector-cut-off")->subjects, (std::vector<std::string>{"public-health"}));
  ASSERT_TRUE(finding(better, "sector-reconnected"));
  EXPECT_EQ(finding(better, "sector-reconnected")->subjects, (std::vector<std::string>{"public-health"}));
  EXPECT_FALSE(finding(better, "sector-cut-off"));
}
