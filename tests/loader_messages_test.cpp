// Each message of the section readers (members, governance, ties, survey responses, sectors)
// that no other test shows, with its line and column worked out by hand from the text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "xsector/load.hpp"

using namespace xsector;

namespace {

// "line:column: message" of every problem loading `text`, in the order they are reported.
std::vector<std::string> messages_of(const std::string& text) {
  std::vector<std::string> out;
  try {
    parse_coalition(text, "m.yaml");
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) {
      EXPECT_EQ(d.file, "m.yaml");
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
    }
  }
  return out;
}

using Messages = std::vector<std::string>;

const std::string two_members = "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}]\n";

// Lines 1-8 of a file with three members, a and b responding; responses follow on line 9.
const std::string surveyed =
    "coalition: {name: X}\nmembers:\n  - {id: a, sector: public-health}\n  - {id: b, sector: government}\n"
    "  - {id: c, sector: housing}\nsurvey:\n  respondents: [a, b]\n  responses:";

}  // namespace

TEST(LoaderMessages, MembersMustBeANonEmptyList) {
  // Reported at the value of `members` (column 10, after "members: ").
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers: []\n"),
            Messages{"2:10: 'members' must be a list of at least one member"});
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers: {a: 1}\n"),
            Messages{"2:10: 'members' must be a list of at least one member"});
}

TEST(LoaderMessages, AMemberNeedsAnId) {
  // At the member's map: the '{' after "  - ".
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers:\n  - {name: A, sector: housing}\n"),
            Messages{"3:5: a member needs an 'id'"});
}

TEST(LoaderMessages, FundingCannotBeNegative) {
  // "  - {id: a, sector: housing, funding: " is 38 characters: the value starts at column 39.
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers:\n  - {id: a, sector: housing, funding: -5}\n"),
            Messages{"3:39: funding cannot be negative"});
}

TEST(LoaderMessages, GovernanceMustBeAList) {
  EXPECT_EQ(messages_of(two_members + "governance: {board: 1}\n"),
            Messages{"3:13: 'governance' must be a list of decision bodies"});
}

TEST(LoaderMessages, ABodyNeedsAUniqueId) {
  // "governance: [" is 13 characters: the body's map starts at column 14.
  EXPECT_EQ(messages_of(two_members + "governance: [{seats: {a: 1}}]\n"),
            Messages{"3:14: a governance body needs a 'body' id"});
  // The second 'board' is at column 12 of line 5 ("  - {body: "), the first on line 4.
  EXPECT_EQ(
      messages_of(two_members + "governance:\n  - {body: board, seats: {a: 1}}\n  - {body: board, seats: {b: 1}}\n"),
      Messages{"5:12: duplicate body 'board' (first at line 4)"});
}

TEST(LoaderMessages, ABodyNeedsSeats) {
  EXPECT_EQ(messages_of(two_members + "governance:\n  - {body: board, rule: majority}\n"),
            Messages{"4:5: body 'board' needs 'seats': member id: votes"});
}

TEST(LoaderMessages, VetoIsAListOfSeatedMembersEachOnce) {
  // "  - {body: board, seats: {a: 1}, veto: " is 39 characters.
  EXPECT_EQ(messages_of(two_members + "governance:\n  - {body: board, seats: {a: 1}, veto: a}\n"),
            Messages{"4:40: 'veto' must be a list of member ids"});
  // The third item of [a, b, a]: "  - {body: board, seats: {a: 1, b: 1}, veto: [a, b, " is 52 characters.
  EXPECT_EQ(messages_of(two_members + "governance:\n  - {body: board, seats: {a: 1, b: 1}, veto: [a, b, a]}\n"),
            Messages{"4:53: 'a' is listed twice in veto"});
}

TEST(LoaderMessages, TiesMustBeAList) {
  EXPECT_EQ(messages_of(two_members + "ties: {a: b}\n"), Messages{"3:7: 'ties' must be a list of ties"});
}

TEST(LoaderMessages, ATieNamesItsTwoEnds) {
  // At the value of `between`: "ties: [{between: " is 17 characters.
  EXPECT_EQ(messages_of(two_members + "ties: [{between: [a]}]\n"),
            Messages{"3:18: 'between' names exactly two members, like [a, b]"});
  // At the tie itself: its map starts at column 8 ("ties: [").
  EXPECT_EQ(messages_of(two_members + "ties: [{from: a, level: 2}]\n"),
            Messages{"3:8: a directed tie needs both 'from' and 'to'"});
  // A block map starts at its first key, after "  - ".
  EXPECT_EQ(messages_of(two_members + "ties:\n  - to: b\n"),
            Messages{"4:5: a directed tie needs both 'from' and 'to'"});
  EXPECT_EQ(messages_of(two_members + "ties: [{level: 2}]\n"),
            Messages{"3:8: a tie needs 'between: [a, b]' or 'from' and 'to'"});
  // A typo of 'from' is reported once, as the typo, not again as a missing 'from'.
  EXPECT_EQ(messages_of(two_members + "ties: [{frm: a, to: b}]\n"),
            Messages{"3:9: unknown key 'frm' in a tie; did you mean 'from'?"});
}

TEST(LoaderMessages, ResponsesMustBeAList) {
  // "  responses: " is 13 characters.
  EXPECT_EQ(messages_of(surveyed + " {by: a}\n"), Messages{"8:14: 'responses' must be a list of responses"});
}

TEST(LoaderMessages, AResponseNeedsByAndAbout) {
  // At the response's map, after "    - ".
  EXPECT_EQ(messages_of(surveyed + "\n    - {about: b, level: 2}\n"),
            Messages{"9:7: a survey response needs 'by': the member who answered"});
  EXPECT_EQ(messages_of(surveyed + "\n    - {by: a}\n"),
            Messages{"9:7: a survey response needs 'about': the member it rates"});
}

TEST(LoaderMessages, ASectorNeedsAnId) {
  // A coalition file's own sector: its map starts after "sectors: [".
  EXPECT_EQ(messages_of("coalition: {name: X}\nsectors: [{name: Sports}]\nmembers: [{id: a, sector: housing}]\n"),
            Messages{"2:11: a sector needs an 'id'"});
  // A taxonomy file's sector, a block map starting after "  - ".
  try {
    parse_taxonomy("taxonomy: {id: t}\nsectors:\n  - id: farms\n  - name: Fisheries\n", "t.yaml", "t");
    ADD_FAILURE() << "the taxonomy loaded";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].str(), "t.yaml:4:5: error: a sector needs an 'id'");
  }
}

TEST(LoaderMessages, PriorityIsCoreRecommendedOrOptional) {
  // "  - {id: sports, priority: " is 27 characters.
  EXPECT_EQ(messages_of("coalition: {name: X}\nsectors:\n  - {id: sports, priority: high}\n"
                        "members: [{id: a, sector: housing}]\n"),
            Messages{"3:28: priority must be core, recommended or optional, found 'high'"});
  // "    priority: " is 14 characters; the words are compared as written.
  try {
    parse_taxonomy("taxonomy: {id: t}\nsectors:\n  - id: farms\n    priority: Core\n", "t.yaml", "t");
    ADD_FAILURE() << "the taxonomy loaded";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].str(),
              "t.yaml:4:15: error: priority must be core, recommended or optional, found 'Core'");
  }
}

TEST(LoaderMessages, EveryAliasIsAnId) {
  // "  - {id: sports, aliases: [sport, " is 34 characters; a quoted scalar starts at its quote.
  EXPECT_EQ(messages_of("coalition: {name: X}\nsectors:\n  - {id: sports, aliases: [sport, Sports, 'a b']}\n"
                        "members: [{id: a, sector: housing}]\n"),
            (Messages{"3:35: alias 'Sports' is not an id", "3:43: alias 'a b' is not an id"}));
}
