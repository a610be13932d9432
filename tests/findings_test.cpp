#include "xsector/findings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "test_graphs.hpp"
#include "xsector/analysis.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/load.hpp"

using namespace xsector;

namespace {

// A finding's sentence, as the writers say it.
std::string said(const Finding* f, const Coalition& c, const Analysis& a) {
  return f == nullptr ? "(none)" : finding_text(*f, FindingNames(c, a.sectors.index));
}

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
  const Coalition c = parse_coalition(dictator, "d.yaml");
  const Analysis a = analyze(c);
  const Finding* dummy = find(a.findings, "seat-without-power");
  ASSERT_NE(dummy, nullptr);
  EXPECT_EQ(dummy->severity, Severity::medium);  // power concentrated, nothing lost to the coalition
  EXPECT_EQ(said(dummy, c, a),
            "Resident One has one seat on board and no voting power: no decision ever turns on its vote");
  const Finding* below = find(a.findings, "power-below-seats");
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(said(below, c, a),
            "Members from Residents with lived experience hold 33% of board's seats but 0% of its voting power");
  const Finding* veto = find(a.findings, "veto-player");
  ASSERT_NE(veto, nullptr);
  EXPECT_EQ(veto->subjects, (std::vector<std::string>{"hub", "board"}));
  EXPECT_EQ(veto->severity, Severity::medium);  // the hub chairs the board: a blocker by design
  EXPECT_EQ(said(veto, c, a), "The Hub can block every decision of board (it chairs it)");
  const Finding* concentrated = find(a.findings, "concentrated-body");
  ASSERT_NE(concentrated, nullptr);
  EXPECT_EQ(said(concentrated, c, a), "Decisions of board effectively rest with 1.0 of its 4 seat holders");
  const Finding* roles = find(a.findings, "concentrated-roles");
  ASSERT_NE(roles, nullptr);
  EXPECT_EQ(said(roles, c, a), "The Hub holds several roles at once: backbone, chair:board, fiscal-agent");
  const Finding* backbone = find(a.findings, "backbone-brokerage");
  ASSERT_NE(backbone, nullptr);  // a star: every path runs through the hub
  EXPECT_EQ(said(backbone, c, a),
            "The backbone, The Hub, carries 100% of all brokerage (betweenness): most paths between members run "
            "through it");
  const Finding* split = find(a.findings, "departure-splits-network");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(said(split, c, a),
            "If The Hub leaves, 100% of pairs of the remaining members can no longer reach each other (now 0%)");
  EXPECT_EQ(split->severity, Severity::high);
}

TEST(Findings, NoCommunityLedMemberIsFlagged) {
  const Analysis a = analyze(xsector::testing::coalition_of(3, {{0, 1}}));
  ASSERT_NE(find(a.findings, "no-community-led-members"), nullptr);
  EXPECT_NE(find(a.findings, "no-governance"), nullptr);
}

TEST(Findings, DepartureThatBlocksABody) {
  const Coalition c = parse_coalition(
      "coalition: {name: q}\nmembers: [{id: a, sector: housing}, {id: b, sector: education}]\n"
      "governance: [{body: council, rule: {quota: 2}, seats: {a: 1, b: 1}}]\n",
      "q.yaml");
  const Analysis a = analyze(c);
  const Finding* blocked = find(a.findings, "departure-blocks-body");
  ASSERT_NE(blocked, nullptr);
  EXPECT_EQ(said(blocked, c, a), "If a leaves, council can no longer reach its quota");
}

TEST(Findings, DepartureThatUnlinksASector) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/tests/data/gaps/gaps.yaml");
  const Analysis a = analyze(c);
  const Finding* unlinked = find(a.findings, "departure-unlinks-sector");
  ASSERT_NE(unlinked, nullptr);
  EXPECT_EQ(said(unlinked, c, a), "If h1 leaves, no member from Health keeps a tie to another sector");
}

namespace {
Coalition from_text(const std::string& text) { return parse_coalition(text, "t.yaml"); }
}  // namespace

// Two islands: the pair {c, d} has no tie to {a, b}, and e has no tie at all. Components by
// hand: {a, b}, {c, d}, {e}; the largest is {a, b} (first of equal size).
TEST(Findings, DisconnectedMembersAndGroupsAreFindings) {
  const Coalition c = from_text(
      "coalition: {name: Islands}\nmembers:\n  - {id: a, name: A, sector: housing}\n"
      "  - {id: b, name: B, sector: education}\n  - {id: c, name: C, sector: housing}\n"
      "  - {id: d, name: D, sector: education}\n  - {id: e, name: E, sector: faith-based}\n"
      "ties:\n  - [a, b]\n  - [c, d]\n");
  const auto found = connection_findings(c);
  const Analysis a = analyze(c);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].code, "separate-groups");
  EXPECT_EQ(found[0].severity, Severity::high);
  EXPECT_EQ(found[0].subjects, (std::vector<std::string>{"c", "d", "e"}));
  EXPECT_EQ(said(&found[0], c, a),
            "The coalition falls into 3 separate groups: 3 members have no tie to the main group (C and D; E)");
  EXPECT_EQ(found[1].code, "isolated-member");
  EXPECT_EQ(said(&found[1], c, a), "E has no tie to any other member");
  // They reach the analysis' findings, and the first action is to connect them.
  EXPECT_TRUE(
      std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "separate-groups"; }));
  // Fragmentation rises from 0.8 to 0.833 when a leaves (b is left alone, as before), but no
  // group splits: no departure finding.
  EXPECT_TRUE(std::none_of(a.findings.begin(), a.findings.end(),
                           [](const Finding& f) { return f.code == "departure-splits-network"; }));
  const auto actions = next_actions(c, a.sectors, a.power, a.resilience);
  const auto connect =
      std::find_if(actions.begin(), actions.end(), [](const Action& x) { return x.code == "connect-members"; });
  ASSERT_NE(connect, actions.end());
  EXPECT_EQ(connect->subjects, (std::vector<std::string>{"c", "d", "e"}));
  // A connected coalition has no such finding.
  EXPECT_TRUE(connection_findings(from_text("coalition: {name: One}\nmembers:\n  - {id: a, name: A, sector: housing}\n"
                                            "  - {id: b, name: B, sector: education}\nties:\n  - [a, b]\n"))
                  .empty());
}

// Findings of one code fold into one group whose headline counts them; groups rank by
// severity, then by how directly one can act on them.
TEST(Findings, GroupsFoldFindingsOfOneCodeAndRankThem) {
  const Coalition c = from_text(
      "coalition: {name: Groups}\nmembers:\n  - {id: a, name: A, sector: housing}\n"
      "  - {id: b, name: B, sector: education}\n  - {id: c, name: C, sector: transportation}\nties:\n  - [a, b]\n  - "
      "[b, c]\n");
  const Analysis a = analyze(c);
  const auto groups = group_findings(a.findings);
  std::size_t total = 0;
  for (const auto& g : groups) total += g.items.size();
  EXPECT_EQ(total, a.findings.size());
  for (std::size_t i = 1; i < groups.size(); ++i) EXPECT_LE(groups[i - 1].severity, groups[i].severity);
  const auto thin =
      std::find_if(groups.begin(), groups.end(), [](const FindingGroup& g) { return g.code == "thin-sector"; });
  ASSERT_NE(thin, groups.end());
  ASSERT_EQ(thin->items.size(), 3U);  // three sectors, one member each
  const FindingNames names(c, a.sectors.index);
  EXPECT_EQ(group_text(*thin, names), "3 sectors rest on a single member: Housing, Education and Transportation");
  // Missing core sectors of the cross-sector taxonomy (public health, health care, social
  // services, economic development, ...) come first, as one group.
  EXPECT_EQ(groups.front().code, "missing-core-sector");
  EXPECT_GT(groups.front().items.size(), 1U);
  const std::string first = group_text(groups.front(), names);
  EXPECT_EQ(
      first.rfind(
          fmt::format("{} core sectors have no member: Public health, Health care", groups.front().items.size()), 0),
      0U)
      << first;
}

// The actions: invite from the first missing core sector with the taxonomy's examples; a second
// tie for the members one departure cuts off (b is the only link of c); a seat for the
// community-led member without one.
TEST(Findings, NextActionsComeFromTheFindings) {
  const Coalition c = from_text(
      "coalition: {name: Acts}\nmembers:\n  - {id: a, name: A, sector: housing}\n"
      "  - {id: b, name: B, sector: education}\n  - {id: c, name: C, sector: transportation, community_led: true}\n"
      "ties:\n  - [a, b]\n  - [b, c]\ngovernance:\n  - body: board\n    rule: majority\n    seats: {a: 1, b: 1}\n");
  const Analysis a = analyze(c);
  const auto actions = next_actions(c, a.sectors, a.power, a.resilience);
  ASSERT_EQ(actions.size(), 3U);
  const FindingNames names(c, a.sectors.index);
  EXPECT_EQ(actions[0].code, "invite-sector");
  EXPECT_EQ(actions[0].subjects, (std::vector<std::string>{"public-health"}));
  EXPECT_EQ(action_text(actions[0], names),
            "Invite a member from Public health, such as county health department or state health agency");
  EXPECT_EQ(actions[1].code, "add-tie");
  // b's departure leaves {a} and {c}: fragmentation 1; a's or c's leaves 0.
  // Who is "cut off" is the members outside the largest remaining group (the first of equal
  // size, {a}): c.
  EXPECT_EQ(actions[1].subjects, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(action_text(actions[1], names), "Give C a second tie or contact, so it does not depend on B alone");
  EXPECT_EQ(actions[2].code, "open-seat");
  EXPECT_EQ(action_text(actions[2], names), "Open a seat on board to a community-led member, such as C");
}

namespace {

// Eight members, one per core sector of the cross-sector taxonomy, tied in a ring: no cut
// point (every member has two paths to every other), every sector ties to two others, so no
// departure takes a sector's last link; one majority body of eight single votes (quota 5):
// seven can still decide without anyone, and no one blocks alone. hc's ties: ana alone
// carries hc-ph, ana and ben carry res-hc.
const char* const ring = R"(coalition: {name: Ring}
members:
  - {id: ph, name: Public health dept, sector: public-health}
  - {id: hc, name: Clinic, sector: health-care, contacts: [{id: ana, role: Director}, {id: ben, role: Nurse}]}
  - {id: ss, name: Social services office, sector: social-services}
  - {id: ho, name: Housing authority, sector: housing}
  - {id: ed, name: Schools, sector: education}
  - {id: ec, name: Chamber, sector: economic}
  - {id: cb, name: Food pantry, sector: community-based, community_led: true}
  - {id: res, name: Residents council, sector: residents, community_led: true}
ties:
  - {between: [ph, hc], carried_by: [ana]}
  - [hc, ss]
  - [ss, ho]
  - [ho, ed]
  - [ed, ec]
  - [ec, cb]
  - [cb, res]
  - {between: [res, hc], carried_by: [ana, ben]}
  - [res, ph]
governance:
  - {body: council, rule: majority, seats: {ph: 1, hc: 1, ss: 1, ho: 1, ed: 1, ec: 1, cb: 1, res: 1}}
)";

std::vector<std::string> high_codes(const Coalition& c, const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& f : a.findings) {
    if (f.severity == Severity::high) out.push_back(f.code + ": " + said(&f, c, a));
  }
  return out;
}

}  // namespace

// Where the coalition as a whole loses nothing (no departure splits it, no core sector is
// missing, no sector loses its last link, every body can decide), no finding is high; the
// same file with one change that costs the coalition something has exactly that high finding.
TEST(Findings, NoHighFindingWhereTheCoalitionLosesNothing) {
  const Coalition c = from_text(ring);
  const Analysis a = analyze(c);
  EXPECT_TRUE(high_codes(c, a).empty()) << fmt::format("{}", fmt::join(high_codes(c, a), "\n"));
  // ana alone carries hc-ph, but ph keeps res-ph: one low finding for the clinic, no high.
  const Finding* single = find(a.findings, "single-carried-ties");
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->severity, Severity::low);
  EXPECT_EQ(single->subjects, (std::vector<std::string>{"hc", "ana"}));
  EXPECT_EQ(said(single, c, a),
            "1 of Clinic's 3 ties is carried on its side by one contact alone: the Director of Clinic (1 tie)");
  EXPECT_EQ(find(a.findings, "person-departure-cuts-ties"), nullptr);

  // Without the res-ph tie the ring opens at ph: ph's only tie is hc-ph, which ana alone
  // carries. hc becomes a cut point, and ana's departure leaves ph (public health) with no tie.
  std::string open(ring);
  open.erase(open.find("  - [res, ph]\n"), 14);
  const Coalition opened = from_text(open);
  const Analysis b = analyze(opened);
  const Finding* split = find(b.findings, "departure-splits-network");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->subjects, (std::vector<std::string>{"hc"}));
  const Finding* person = find(b.findings, "person-departure-cuts-ties");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->severity, Severity::high);
  EXPECT_EQ(person->subjects, (std::vector<std::string>{"ana", "hc", "public-health"}));
  // 8 members, ph alone after ana leaves: 7 of 56 ordered pairs... 1 - (7*6)/(8*7) = 25%.
  EXPECT_EQ(said(person, opened, b),
            "If the Director of Clinic leaves, 1 tie loses its only contact at Clinic: 25% of pairs of members could "
            "no longer reach each other (now 0%), and Public health would keep no tie to any other sector");

  // A body whose quota its seats cannot reach cannot decide: high. (The loader refuses such a
  // file; a coalition built in code can hold one.)
  Coalition stuck = from_text(ring);
  stuck.governance[0].rule.kind = Rule::Kind::quota;
  stuck.governance[0].rule.explicit_quota = 9;
  const Analysis s = analyze(stuck);
  const Finding* cannot = find(s.findings, "body-cannot-decide");
  ASSERT_NE(cannot, nullptr);
  EXPECT_EQ(cannot->severity, Severity::high);
  EXPECT_EQ(said(cannot, stuck, s), "council cannot decide: its quota of 9 is more than the 8 votes of its seats");
}

// A member who blocks alone by its votes, when the file makes it neither chair nor a veto
// holder, is a high finding; the chair's block is the body's design (medium).
TEST(Findings, ABlockerWhoIsNotTheChairIsHigh) {
  std::string text(dictator);
  text.erase(text.find(", chair: hub"), 12);
  const Coalition c = from_text(text);
  const Analysis a = analyze(c);
  const Finding* veto = find(a.findings, "veto-player");
  ASSERT_NE(veto, nullptr);
  EXPECT_EQ(veto->severity, Severity::high);
  EXPECT_EQ(said(veto, c, a), "The Hub can block every decision of board");
}
