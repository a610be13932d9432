#include "xsector/analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_graphs.hpp"
#include "xsector/output.hpp"

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

// Gaps needs no path figure: asking only for sectors and findings gives the same sector
// report and gap findings as the full analysis, and no betweenness is computed.
TEST(Analysis, GapsPartsComputeNoPathsAndAgreeWithTheFullAnalysis) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml");
  AnalysisOptions o;
  o.parts = part_sectors | part_findings;
  const Analysis gaps = analyze(c, o);
  const Analysis all = analyze(c);
  EXPECT_EQ(gaps.parts & part_paths, 0U);
  EXPECT_EQ(gaps.parts & part_power, 0U);
  EXPECT_EQ(all.parts, static_cast<unsigned>(part_all));
  EXPECT_EQ(gaps.sectors.gaps.missing, all.sectors.gaps.missing);
  EXPECT_EQ(gaps.sectors.mixing, all.sectors.mixing);
  std::vector<std::string> gap_codes;
  for (const auto& f : gaps.findings) gap_codes.push_back(f.code);
  std::vector<std::string> sector_codes;
  for (const auto& f : all.findings) {
    if (f.area == FindingArea::sectors) sector_codes.push_back(f.code);
  }
  EXPECT_EQ(gap_codes, sector_codes);
  EXPECT_FALSE(gap_codes.empty());
}

// Resilience pulls in power and sectors; power alone computes no path figure, so its two
// betweenness figures are null unless betweenness is asked for too.
TEST(Analysis, PowerPartPullsInSectorsButNotPaths) {
  AnalysisOptions o;
  o.parts = part_resilience;
  Coalition c = xsector::testing::coalition_of(4, {{0, 1}, {1, 2}, {2, 3}});
  c.backbone = 1;
  const Analysis a = analyze(c, o);
  EXPECT_NE(a.parts & part_power, 0U);
  EXPECT_NE(a.parts & part_sectors, 0U);
  EXPECT_EQ(a.parts & (part_betweenness | part_distances), 0U);
  EXPECT_FALSE(a.power.gini_betweenness.has_value());
  o.parts = part_resilience | part_betweenness;
  const Analysis b = analyze(c, o);
  EXPECT_DOUBLE_EQ(b.members[1].betweenness, 2.0 / 3.0);  // pairs {0,2}, {0,3} of 3
  ASSERT_TRUE(b.power.gini_betweenness.has_value());
}

// Exact runs: `approximate` is an empty object. Estimated runs name every estimate and its
// precision, in JSON and in the table.
TEST(Analysis, EstimatesAreNamedInEveryOutput) {
  const Coalition c = xsector::testing::random_coalition(60, 150, 5);
  const Analysis exact = analyze(c);
  EXPECT_TRUE(exact.approximate.empty());
  EXPECT_NE(format_json(c, exact).find("\"approximate\": {}"), std::string::npos);
  EXPECT_EQ(format_analysis(Format::table, c, exact).find("Estimated"), std::string::npos);

  AnalysisOptions o;
  o.precision = Precision::approximate;
  o.epsilon = 0.3;
  const Analysis est = analyze(c, o);
  std::vector<std::string> figures;
  for (const auto& e : est.approximate) figures.push_back(e.figure);
  for (const char* f : {"betweenness", "betweenness_centralization", "harmonic", "closeness", "average_path_length",
                        "diameter", "power.gini_betweenness"}) {
    EXPECT_NE(std::find(figures.begin(), figures.end(), f), figures.end()) << f;
  }
  const Estimate& b = est.approximate.front();
  EXPECT_EQ(b.figure, "betweenness");
  EXPECT_EQ(b.method, EstimateMethod::source_sampling);
  const auto derived = std::find_if(est.approximate.begin(), est.approximate.end(),
                                    [](const Estimate& e) { return e.figure == "betweenness_centralization"; });
  ASSERT_NE(derived, est.approximate.end());
  EXPECT_EQ(derived->method, EstimateMethod::from_estimated_betweenness);
  EXPECT_EQ(to_string(derived->method), "from estimated betweenness");
  ASSERT_TRUE(b.epsilon.has_value());
  EXPECT_DOUBLE_EQ(*b.epsilon, sampling_epsilon(60, b.samples, default_delta));
  const std::string json = format_json(c, est);
  EXPECT_NE(json.find("\"approximate\": {\n    \"betweenness\": {\n      \"method\": \"source sampling\""),
            std::string::npos);
  EXPECT_NE(format_analysis(Format::table, c, est).find("note: Estimated by sampling"), std::string::npos);
  EXPECT_NE(format_analysis(Format::markdown, c, est).find("> Estimated by sampling"), std::string::npos);
}
