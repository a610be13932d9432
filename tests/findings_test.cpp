#include "xsector/findings.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_graphs.hpp"
#include "xsector/analysis.hpp"

using namespace xsector;

namespace {

const Finding* find(const std::vector<Finding>& findings, const std::string& code) {
  const auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
  return it == findings.end() ? nullptr : &*it;
}

// The hub holds 6 of 9 votes under majority (quota 5): it decides alone, so the three
// resident seats (a third of all seats) carry no power at all.
const char* const dictator = R"(coalition: {name: Dictator, backbone: hub}
members:
  - {id: hub, name: The Hub, sector: health-care, tags: [fiscal-agent]}
  - {id: r1, name: Resident One, sector: residents, community_led: true, lived_experience: true}
  - {id: r2, sector: residents, community_led: true}
  - {id: r3, sector: residents, community_led: true}
ties: [[hub, r1], [hub, r2], [hub, r3]]
governance:
  - {body: board, rule: majority, seats: {hub: 6, r1: 1, r2: 1, r3: 1}, chair: hub}
)";

}  // namespace

TEST(Findings, PowerImbalanceInPlainLanguage) {
  const Analysis a = analyze(parse_coalition(dictator, "d.yaml"));
  const Finding* dummy = find(a.findings, "seat-without-power");
  ASSERT_NE(dummy, nullptr);
  EXPECT_EQ(dummy->severity, Severity::high);
  EXPECT_EQ(dummy->message, "Resident One has one seat on board and no voting power: no decision ever turns on its vote");
  const Finding* below = find(a.findings, "power-below-seats");
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(below->message, "Residents with lived experience hold 33% of board's seats but 0% of its voting power");
  const Finding* veto = find(a.findings, "veto-player");
  ASSERT_NE(veto, nullptr);
  EXPECT_EQ(veto->subjects, (std::vector<std::string>{"hub", "board"}));
  const Finding* concentrated = find(a.findings, "concentrated-body");
  ASSERT_NE(concentrated, nullptr);
  EXPECT_EQ(concentrated->message, "Decisions of board effectively rest with 1.0 of its 4 seat holders");
  const Finding* roles = find(a.findings, "concentrated-roles");
  ASSERT_NE(roles, nullptr);
  EXPECT_EQ(roles->message, "The Hub holds several roles at once: backbone, chair:board, fiscal-agent");
  const Finding* backbone = find(a.findings, "backbone-brokerage");
  ASSERT_NE(backbone, nullptr);  // a star: every path runs through the hub
  EXPECT_EQ(backbone->message,
            "The backbone, The Hub, carries 100% of all brokerage (betweenness): most paths between members run "
            "through it");
  const Finding* split = find(a.findings, "departure-splits-network");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->message,
            "If The Hub leaves, 100% of pairs of the remaining members can no longer reach each other (now 0%)");
  EXPECT_EQ(split->severity, Severity::high);
}

TEST(Findings, NoCommunityLedMemberIsFlagged) {
  const Analysis a = analyze(xsector::testing::coalition_of(3, {{0, 1}}));
  ASSERT_NE(find(a.findings, "no-community-led-members"), nullptr);
  EXPECT_NE(find(a.findings, "no-governance"), nullptr);
}

TEST(Findings, DepartureThatBlocksABody) {
  const Analysis a = analyze(parse_coalition(
      "coalition: {name: q}\nmembers: [{id: a, sector: housing}, {id: b, sector: education}]\n"
      "governance: [{body: council, rule: {quota: 2}, seats: {a: 1, b: 1}}]\n",
      "q.yaml"));
  const Finding* blocked = find(a.findings, "departure-blocks-body");
  ASSERT_NE(blocked, nullptr);
  EXPECT_EQ(blocked->message, "If a leaves, council can no longer reach its quota");
}

TEST(Findings, DepartureThatUnlinksASector) {
  const Analysis a = analyze(load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml"));
  const Finding* unlinked = find(a.findings, "departure-unlinks-sector");
  ASSERT_NE(unlinked, nullptr);
  EXPECT_EQ(unlinked->message, "If h1 leaves, Health loses its only link to other sectors");
}
