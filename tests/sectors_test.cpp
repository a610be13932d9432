#include "xsector/sectors.hpp"

#include <gtest/gtest.h>

#include "test_graphs.hpp"
#include "xsector/analysis.hpp"
#include "xsector/finding_text.hpp"

using namespace xsector;
using xsector::testing::with_sectors;

namespace {

std::size_t sector_index(const SectorReport& r, const std::string& id) {
  for (std::size_t s = 0; s < r.index.sectors.size(); ++s) {
    if (r.index.sectors[s].id == id) return s;
  }
  throw std::runtime_error("no sector " + id);
}

}  // namespace

// Sectors A = {m0, m1}, B = {m2}, C = {m3}; ties m0-m1, m0-m2, m1-m2, m2-m3.
// Network E-I: E = 3 across, I = 1 within -> (3-1)/4 = 0.5.
// Group level, as docs/sectors.md pins it (each tie counted once): A has I = 1 (m0-m1) and
// E = 2 (m0-m2, m1-m2) -> 1/3; B has E = 3 -> 1; C has E = 1 -> 1. The other convention
// seen in the literature sums members' own counts, counting A's internal tie twice
// (E = 2, I = 2 -> 0); xsector does not use it.
TEST(Sectors, EIAndMixingByHand) {
  const Coalition c = with_sectors({"sa", "sa", "sb", "sc"}, {"[m0, m1]", "[m0, m2]", "[m1, m2]", "[m2, m3]"});
  const SectorReport r = sector_report(c, build_graph(c));
  EXPECT_DOUBLE_EQ(*r.ei_index, 0.5);
  const auto a = sector_index(r, "sa");
  const auto b = sector_index(r, "sb");
  const auto cc = sector_index(r, "sc");
  EXPECT_EQ(r.sectors[a].internal_ties, 1U);
  EXPECT_EQ(r.sectors[a].external_ties, 2U);
  EXPECT_DOUBLE_EQ(*r.sectors[a].ei_index, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*r.sectors[b].ei_index, 1.0);
  EXPECT_DOUBLE_EQ(*r.sectors[cc].ei_index, 1.0);
  EXPECT_EQ(r.mixing.ties(a, a), 1U);
  EXPECT_EQ(r.mixing.ties(a, b), 2U);
  EXPECT_EQ(r.mixing.ties(b, a), 2U);
  EXPECT_EQ(r.mixing.ties(b, cc), 1U);
  EXPECT_EQ(r.mixing.ties(a, cc), 0U);
  EXPECT_EQ(r.sectors[b].reaches, (std::vector<std::size_t>{a, cc}));
  EXPECT_DOUBLE_EQ(*r.member_ei[0], 0.0);  // one tie inside, one across
  EXPECT_DOUBLE_EQ(*r.member_ei[2], 1.0);
  EXPECT_FALSE(r.sectors[sector_index(r, "housing")].ei_index.has_value());
}

TEST(Sectors, NoTiesMeansUndefinedNotZero) {
  const Coalition c = with_sectors({"sa", "sb"}, {});
  const SectorReport r = sector_report(c, build_graph(c));
  EXPECT_FALSE(r.ei_index.has_value());
  EXPECT_FALSE(r.assortativity.has_value());
  EXPECT_FALSE(r.modularity.has_value());
  EXPECT_FALSE(r.member_ei[0].has_value());
}

// Karate club, factions as sectors: 11 of 78 ties cross factions (DESIGN issue text).
TEST(Sectors, KarateClubFactionsEI) {
  const Coalition c = xsector::testing::classic("karate");
  const SectorReport r = sector_report(c, build_graph(c));
  EXPECT_NEAR(*r.ei_index, (11.0 - 67.0) / (11.0 + 67.0), 1e-12);
}

// Two triangles, one sector each: perfectly assortative; Q = 2 (3/6 - (6/12)^2) = 0.5.
TEST(Sectors, AssortativityAndModularityByHand) {
  const Coalition c = with_sectors({"sa", "sa", "sa", "sb", "sb", "sb"},
                                   {"[m0, m1]", "[m1, m2]", "[m0, m2]", "[m3, m4]", "[m4, m5]", "[m3, m5]"});
  const Network g = build_graph(c);
  const SectorReport r = sector_report(c, g);
  EXPECT_DOUBLE_EQ(*r.assortativity, 1.0);
  EXPECT_DOUBLE_EQ(*r.modularity, 0.5);
  // One tie across two sectors: r = -1, Q = 0 - 2 (1/2)^2.
  const Coalition d = with_sectors({"sa", "sb"}, {"[m0, m1]"});
  const SectorReport rd = sector_report(d, build_graph(d));
  EXPECT_DOUBLE_EQ(*rd.assortativity, -1.0);
  EXPECT_DOUBLE_EQ(*rd.modularity, -0.5);
}

TEST(Gaps, EveryKindOnAPurposeBuiltFile) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml");
  const SectorReport r = sector_report(c, build_graph(c));
  auto ids = [&](const std::vector<std::size_t>& list) {
    std::vector<std::string> out;
    for (const auto s : list) out.push_back(r.index.sectors[s].id);
    return out;
  };
  EXPECT_EQ(ids(r.gaps.missing), (std::vector<std::string>{"faith", "transit", "media"}));
  ASSERT_EQ(r.gaps.thin.size(), 2U);
  EXPECT_EQ(r.index.sectors[r.gaps.thin[0].sector].id, "housing");
  EXPECT_EQ(c.members[r.gaps.thin[0].member].id, "ho1");
  EXPECT_EQ(r.index.sectors[r.gaps.thin[1].sector].id, "youth");
  EXPECT_EQ(ids(r.gaps.cut_off), (std::vector<std::string>{"youth"}));
  ASSERT_EQ(r.gaps.single_broker.size(), 1U);
  EXPECT_EQ(r.index.sectors[r.gaps.single_broker[0].sector].id, "health");
  EXPECT_EQ(c.members[r.gaps.single_broker[0].member].id, "h1");
  EXPECT_TRUE(r.gaps.governance_described);
  EXPECT_EQ(ids(r.gaps.no_vote), (std::vector<std::string>{"housing", "youth"}));
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [a, b] : r.gaps.unlinked_pairs) pairs.emplace_back(r.index.sectors[a].id, r.index.sectors[b].id);
  EXPECT_EQ(pairs, (std::vector<std::pair<std::string, std::string>>{
                       {"health", "youth"}, {"housing", "youth"}, {"schools", "youth"}}));
}

TEST(Gaps, FindingsSpeakPlainly) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml");
  const Analysis a = analyze(c);
  ASSERT_FALSE(a.findings.empty());
  EXPECT_EQ(a.findings.front().severity, Severity::high);
  EXPECT_EQ(a.findings.front().code, "missing-core-sector");
  const FindingNames names(c, a.sectors.index);
  EXPECT_EQ(finding_text(a.findings.front(), names), "No member from Faith, a core sector of the tiny taxonomy");
  const auto thin =
      std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "thin-sector"; });
  ASSERT_NE(thin, a.findings.end());
  EXPECT_EQ(finding_text(*thin, names), "Only ho1 represents Housing: if they leave, the sector is gone");
  EXPECT_EQ(thin->subjects, (std::vector<std::string>{"housing", "ho1"}));
  for (std::size_t i = 1; i < a.findings.size(); ++i) EXPECT_LE(a.findings[i - 1].severity, a.findings[i].severity);
}

TEST(Gaps, DfcCoalitionMissesItsStatutoryMediaSector) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/dfc-coalition.yaml");
  const SectorReport r = sector_report(c, build_graph(c));
  ASSERT_EQ(r.gaps.missing.size(), 1U);
  EXPECT_EQ(r.index.sectors[r.gaps.missing[0]].id, "media");
  EXPECT_EQ(r.index.sectors[r.gaps.missing[0]].priority, Priority::core);
}

TEST(Gaps, NoGovernanceMeansNoVoteIsNotAssessed) {
  const Coalition c = with_sectors({"sa", "sb"}, {"[m0, m1]"});
  const SectorReport r = sector_report(c, build_graph(c));
  EXPECT_FALSE(r.gaps.governance_described);
  EXPECT_TRUE(r.gaps.no_vote.empty());
}
