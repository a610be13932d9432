#include "xsector/compare.hpp"

#include <gtest/gtest.h>

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
  EXPECT_EQ(cmp.ties.redirected[0].before.direction, "forward");
  EXPECT_EQ(cmp.ties.redirected[0].after.direction, "backward");
  EXPECT_EQ(cmp.sectors_covered, (std::vector<std::string>{"justice"}));
  EXPECT_EQ(cmp.sectors_lost, (std::vector<std::string>{"economic"}));
  // Density 4/6 before and after; ties 4 and 4.
  const auto density = std::find_if(cmp.network.begin(), cmp.network.end(), [](const Delta& d) { return d.name == "density"; });
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
  EXPECT_NE(attributes("e").find("color=\"#009E73\""), std::string::npos) << dot;
  EXPECT_NE(attributes("d").find("style=dashed"), std::string::npos) << dot;
  EXPECT_NE(attributes("d").find("(left)"), std::string::npos) << dot;
  EXPECT_NE(attributes("c -- e").find("color=\"#009E73\""), std::string::npos) << dot;
  EXPECT_NE(attributes("a -- d").find("color=\"#D55E00\""), std::string::npos) << dot;
  EXPECT_NE(attributes("a -- b").find("color=\"#777777\""), std::string::npos) << dot;
}
