// validate(const Coalition&): the loader's checks on a Coalition built or changed by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "xsector/analysis.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"

using namespace xsector;

namespace {

const char* const kFile =
    "coalition: {name: Valid}\n"                                       // 1
    "members:\n"                                                       // 2
    "  - {id: a, sector: health-care, contacts: [{id: pa}]}\n"         // 3
    "  - {id: b, sector: education, contacts: [{id: pb}]}\n"           // 4
    "  - {id: c, sector: housing}\n"                                   // 5
    "ties:\n"                                                          // 6
    "  - {between: [a, b], carried_by: [pa, pb]}\n"                    // 7
    "  - [b, c]\n"                                                     // 8
    "governance:\n"                                                    // 9
    "  - {body: board, rule: majority, seats: {a: 1, b: 1, c: 1}}\n";  // 10

/// The messages of a diagnostic list, as the loader prints them.
std::vector<std::string> messages(const std::vector<Diagnostic>& list) {
  std::vector<std::string> out;
  for (const auto& d : list) out.push_back(d.str());
  return out;
}

/// The loader's messages for a file text.
std::vector<std::string> loader_messages(const std::string& text) {
  try {
    parse_coalition(text, "v.yaml");
  } catch (const InputError& e) {
    return messages(e.diagnostics());
  }
  return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST(Validate, EveryShippedNetworkIsValid) {
  for (const auto& entry : std::filesystem::directory_iterator(XSECTOR_SOURCE_DIR "/networks")) {
    if (entry.path().extension() != ".yaml") continue;
    const Coalition c = load_coalition_file(entry.path());
    EXPECT_TRUE(validate(c).empty()) << entry.path() << ": " << messages(validate(c)).front();
  }
}

TEST(Validate, SameMessagesAsTheLoaderForTheSameProblem) {
  const Coalition valid = parse_coalition(kFile, "v.yaml");
  ASSERT_TRUE(validate(valid).empty());
  {  // an unknown sector, with the loader's did-you-mean
    Coalition c = valid;
    c.members[2].sector = "housng";
    const auto loader = loader_messages(replaced(kFile, "sector: housing", "sector: housng"));
    ASSERT_EQ(loader.size(), 1U);
    ASSERT_EQ(validate(c).size(), 1U);
    // The loader points at the sector value, validate at the member: the message is the same.
    EXPECT_EQ(validate(c)[0].message, loader[0].substr(loader[0].find("error: ") + 7));
    EXPECT_EQ(validate(c)[0].pos.line, 5);
  }
  {  // a tie to itself
    Coalition c = valid;
    c.ties[1].b = 1;
    const auto loader = loader_messages(replaced(kFile, "  - [b, c]", "  - [b, b]"));
    ASSERT_EQ(loader.size(), 1U);
    ASSERT_EQ(validate(c).size(), 1U);
    EXPECT_EQ(validate(c)[0].str(), loader[0]);
  }
  {  // a quota the seats cannot reach
    Coalition c = valid;
    c.governance[0].rule.kind = Rule::Kind::quota;
    c.governance[0].rule.explicit_quota = 4;
    const auto loader = loader_messages(replaced(kFile, "rule: majority", "rule: {quota: 4}"));
    ASSERT_EQ(loader.size(), 1U);
    ASSERT_EQ(validate(c).size(), 1U);
    EXPECT_EQ(validate(c)[0].str(), loader[0]);
  }
}

TEST(Validate, AHandBuiltCoalitionWithBadIndicesGetsMessagesNotACrash) {
  Coalition c;
  c.name = "By hand";
  c.file = "program";
  c.taxonomy = resolve_taxonomy("cross-sector");
  c.members = {Member{}, Member{}};
  c.members[0].id = "a";
  c.members[0].sector = "space";
  c.members[1].id = "a";
  c.members[1].sector = "education";
  Tie t;
  t.a = 0;
  t.b = 7;
  c.ties.push_back(t);
  Tie self;
  self.a = 1;
  self.b = 1;
  self.level = static_cast<TieLevel>(9);
  c.ties.push_back(self);
  Body b;
  b.id = "board";
  b.seats = {Seat{0, 0, {}}, Seat{5, 1, {}}};
  b.veto = {1};
  c.governance.push_back(b);
  c.backbone = 3;
  const auto found = messages(validate(c));
  const std::vector<std::string> expected = {
      "program: error: unknown sector 'space': not in the cross-sector taxonomy nor declared under 'sectors'",
      "program: error: duplicate member id 'a' (first defined at line 0)",
      "program: error: coalition.backbone names member index 3, but the coalition has 2 members",
      "program: error: a tie names member index 7, but the coalition has 2 members",
      "program: error: a tie from 'a' to itself",
      "program: error: a tie's level must be 1-4, found 9",
      "program: error: votes must be a positive whole number, found 0",
      "program: error: a seat of body 'board' names member index 5, but the coalition has 2 members",
      "program: error: veto member 'a' holds no seat in 'board'",
  };
  EXPECT_EQ(found, expected);
}

TEST(Validate, AttributesOfMembersAndTiesNeedNamesGivenOnce) {
  Coalition c = parse_coalition(kFile, "v.yaml");
  c.members[0].attributes = {{"Contact", "x"}, {"", "y"}, {"Contact", "z"}};
  c.ties[1].attributes = {{"Frequency", "monthly"}, {"Frequency", "weekly"}};
  const std::vector<std::string> expected = {
      "v.yaml:3:5: error: an attribute of member 'a' needs a name",
      "v.yaml:3:5: error: attribute 'Contact' of member 'a' is given twice",
      "v.yaml:8:5: error: attribute 'Frequency' of the tie of 'b' and 'c' is given twice",
  };
  EXPECT_EQ(messages(validate(c)), expected);
  c.ties[1].attributes = {{"Frequency", "monthly"}, {"Since", "2019"}};
  c.members[0].attributes = {{"Contact", "x"}};
  EXPECT_TRUE(validate(c).empty());
}
