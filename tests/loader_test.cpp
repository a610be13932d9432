#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "xsector/io.hpp"
#include "xsector/load.hpp"

namespace fs = std::filesystem;
using namespace xsector;

namespace {

const fs::path source_dir = XSECTOR_SOURCE_DIR;

std::vector<Diagnostic> diagnostics_of(const std::string& text, const LoadOptions& options = {}) {
  try {
    parse_coalition(text, "test.yaml", options);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

const char* const full_file = R"(coalition:
  name: Full
  place: Somewhere, RI
  as_of: 2024-06-30
  backbone: hub
  taxonomy: cross-sector
sectors:
  - {id: recreation, name: Sports and recreation, priority: optional, aliases: [sports]}
members:
  - id: hub
    name: The Hub
    sector: health-care
    community_led: false
    lived_experience: false
    funding: 1500.5
    tags: [fqhc, backbone]
  - id: school
    sector: schools
  - id: club
    sector: sports
    community-led: true
    lived-experience: yes
ties:
  - [hub, school]
  - {between: [hub, club], level: collaborating, kinds: [information, funding]}
  - {from: school, to: club, level: 3}
  - {from: club, to: school, level: cooperating}
governance:
  - body: board
    decides: [strategy, budget]
    rule: two-thirds
    seats: {hub: 2, school: 1, club: 3}
    veto: [hub]
    chair: club
  - body: council
    rule: {quota: 2}
    seats: {school: 1, club: 1}
)";

}  // namespace

TEST(Loader, ReadsEveryField) {
  const Coalition c = parse_coalition(full_file, "full.yaml");
  EXPECT_EQ(c.name, "Full");
  EXPECT_EQ(c.place, "Somewhere, RI");
  EXPECT_EQ(c.as_of, "2024-06-30");
  ASSERT_TRUE(c.backbone.has_value());
  EXPECT_EQ(*c.backbone, 0U);
  EXPECT_EQ(c.taxonomy.id, "cross-sector");
  ASSERT_EQ(c.extra_sectors.size(), 1U);
  EXPECT_EQ(c.extra_sectors[0].name, "Sports and recreation");
  ASSERT_EQ(c.members.size(), 3U);
  EXPECT_EQ(c.members[0].name, "The Hub");
  EXPECT_DOUBLE_EQ(*c.members[0].funding, 1500.5);
  EXPECT_EQ(c.members[0].tags, (std::vector<std::string>{"fqhc", "backbone"}));
  EXPECT_EQ(c.members[1].name, "school");  // the name defaults to the id
  EXPECT_EQ(c.members[1].sector, "education");
  EXPECT_EQ(c.members[1].sector_as_written, "schools");
  EXPECT_EQ(c.members[2].sector, "recreation");
  EXPECT_TRUE(c.members[2].community_led);
  EXPECT_TRUE(c.members[2].lived_experience);
  EXPECT_EQ(c.members[1].pos.line, 17);
  EXPECT_EQ(c.members[1].pos.column, 5);
  ASSERT_EQ(c.ties.size(), 4U);
  EXPECT_EQ(c.ties[0].form, TieForm::shorthand);
  EXPECT_EQ(c.ties[0].level, TieLevel::networking);
  EXPECT_FALSE(c.ties[0].directed);
  EXPECT_EQ(c.ties[1].form, TieForm::between);
  EXPECT_EQ(c.ties[1].level, TieLevel::collaborating);
  EXPECT_EQ(c.ties[1].kinds, (std::vector<std::string>{"information", "funding"}));
  EXPECT_TRUE(c.ties[2].directed);
  EXPECT_EQ(c.ties[2].a, 1U);
  EXPECT_EQ(c.ties[2].b, 2U);
  EXPECT_EQ(c.ties[2].level, TieLevel::cooperating);
  EXPECT_EQ(c.ties[3].pos.line, 27);
  EXPECT_EQ(c.ties[3].pos.column, 5);
  ASSERT_EQ(c.governance.size(), 2U);
  const Body& board = c.governance[0];
  EXPECT_EQ(board.decides, (std::vector<std::string>{"strategy", "budget"}));
  EXPECT_EQ(board.rule.kind, Rule::Kind::two_thirds);
  EXPECT_EQ(board.total_votes(), 6);
  EXPECT_EQ(board.rule.quota(board.total_votes()), 4);
  EXPECT_EQ(board.veto, (std::vector<std::size_t>{0}));
  EXPECT_EQ(board.chair, std::optional<std::size_t>(2));
  EXPECT_EQ(c.governance[1].rule.kind, Rule::Kind::quota);
  EXPECT_EQ(c.governance[1].rule.quota(2), 2);
}

TEST(Loader, RuleQuotasFollowTheDesign) {
  Rule majority{Rule::Kind::majority, 0};
  EXPECT_EQ(majority.quota(10), 6);
  EXPECT_EQ(majority.quota(11), 6);
  Rule two_thirds{Rule::Kind::two_thirds, 0};
  EXPECT_EQ(two_thirds.quota(9), 6);
  EXPECT_EQ(two_thirds.quota(10), 7);
  EXPECT_EQ(two_thirds.quota(3), 2);
  EXPECT_EQ((Rule{Rule::Kind::unanimity, 0}.quota(7)), 7);
  EXPECT_EQ((Rule{Rule::Kind::consensus, 0}.quota(7)), 7);
  EXPECT_EQ((Rule{Rule::Kind::quota, 5}.quota(7)), 5);
}

TEST(Loader, DefaultsRuleToMajority) {
  const Coalition c = parse_coalition(
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}]\ngovernance: [{body: b, seats: {a: 1}}]\n", "x.yaml");
  EXPECT_EQ(c.governance.at(0).rule.kind, Rule::Kind::majority);
}

// Every file under tests/data/bad has a sidecar .expect listing each message it must
// produce, as line:col: message, in order; a file must produce exactly those.
TEST(Loader, BadCorpusGivesEveryMessageWithItsPosition) {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests/data/bad")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const fs::path path = entry.path();
    std::vector<std::string> want;
    std::istringstream expect(read_file(fs::path(path).replace_extension(".expect")));
    for (std::string line; std::getline(expect, line);) {
      if (!line.empty()) want.push_back(line);
    }
    std::vector<std::string> got;
    try {
      load_coalition_file(path);
      ADD_FAILURE() << path << " loaded without error";
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) {
        EXPECT_EQ(d.file, path.string());
        got.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
      }
    }
    EXPECT_EQ(got, want) << path;
  }
  EXPECT_GE(files, 25U);
}

TEST(Loader, ReverseDirectedTiesAreAllowed) {
  const auto d = diagnostics_of(
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}]\n"
      "ties: [{from: a, to: b}, {from: b, to: a}]\n");
  EXPECT_TRUE(d.empty());
}

TEST(Loader, DirectedTieTwiceTheSameWayIsAnError) {
  const auto d = diagnostics_of(
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}]\n"
      "ties: [{from: a, to: b}, {from: a, to: b, level: 2}]\n");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0].pos.line, 3);
  EXPECT_NE(d[0].message.find("already tied"), std::string::npos);
}

TEST(Loader, TaxonomyOptionMeasuresAgainstAnotherTaxonomy) {
  // The file is read against its own taxonomy (dfc), then measured against dash.
  const std::string text =
      "coalition: {name: X, taxonomy: dfc}\nmembers: [{id: a, sector: youth}, {id: b, sector: business}]\n";
  LoadOptions dash;
  dash.taxonomy = "dash";
  const Coalition c = parse_coalition(text, "x.yaml", dash);
  EXPECT_EQ(c.taxonomy.id, "dash");
  EXPECT_EQ(c.crosswalk_from, "dfc");
  EXPECT_EQ(c.members[1].sector, "business");
  EXPECT_EQ(c.unplaced, std::vector<std::size_t>{0});  // youth -> residents, which dash lacks
}

TEST(Loader, ReadsACustomTaxonomyRelativeToTheFile) {
  const fs::path dir = fs::temp_directory_path() / "xsector_loader_test";
  fs::create_directories(dir);
  write_file_atomic(dir / "tax.yaml",
                    "taxonomy: {id: mine, name: Mine}\nsectors:\n  - {id: farms, priority: core, aliases: [farm]}\n");
  write_file_atomic(dir / "c.yaml", "coalition: {name: X, taxonomy: tax.yaml}\nmembers: [{id: a, sector: farm}]\n");
  const Coalition c = load_coalition_file(dir / "c.yaml");
  EXPECT_EQ(c.members[0].sector, "farms");
  EXPECT_EQ(c.taxonomy.sectors.at(0).priority, Priority::core);
  fs::remove_all(dir);
}

TEST(Loader, UnreadableTaxonomyIsReportedAtItsKey) {
  const auto d = diagnostics_of("coalition: {name: X, taxonomy: ./nowhere.yaml}\nmembers: [{id: a, sector: x}]\n");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0].pos.line, 1);
  EXPECT_NE(d[0].message.find("cannot read the taxonomy"), std::string::npos);
}

// LoadOptions::taxonomy is the caller's own path: read from the working directory, not the
// coalition file's folder; one that cannot be read is an IoError, not the file's fault.
TEST(Loader, ATaxonomyOptionIsReadFromTheWorkingDirectory) {
  const fs::path dir = fs::temp_directory_path() / "xsector_option_tax";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  write_file_atomic(dir / "tax.yaml",
                    "taxonomy: {id: mine, name: Mine}\nsectors:\n  - {id: farms, maps_to: [economic]}\n");
  write_file_atomic(dir / "sub" / "c.yaml", "coalition: {name: X}\nmembers: [{id: a, sector: economic}]\n");
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  LoadOptions options;
  options.taxonomy = "tax.yaml";
  const Coalition c = load_coalition_file(dir / "sub" / "c.yaml", options);
  EXPECT_EQ(c.taxonomy.id, "mine");
  EXPECT_EQ(c.members[0].sector, "farms");
  options.taxonomy = "sub/nowhere.yaml";
  EXPECT_THROW(load_coalition_file(dir / "sub" / "c.yaml", options), IoError);
  fs::current_path(before);
  fs::remove_all(dir);
}

TEST(Loader, ExtraSectorMayNotReuseATaxonomyId) {
  const auto d =
      diagnostics_of("coalition: {name: X}\nsectors: [{id: housing}]\nmembers: [{id: a, sector: housing}]\n");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_NE(d[0].message.find("already used by sector 'housing' of the cross-sector taxonomy"), std::string::npos);
}

TEST(Loader, MissingFileIsAnIoError) {
  EXPECT_THROW(load_coalition_file(source_dir / "tests/data/no-such-file.yaml"), IoError);
}

TEST(Taxonomies, BuiltInSetsMatchTheDesign) {
  EXPECT_EQ(builtin_taxonomy_ids(), (std::vector<std::string>{"cross-sector", "rhihub", "dfc", "dash"}));
  auto ids = [](const Taxonomy& t) {
    std::vector<std::string> out;
    for (const auto& s : t.sectors) out.push_back(s.id);
    return out;
  };
  auto core = [](const Taxonomy& t) {
    std::vector<std::string> out;
    for (const auto& s : t.sectors) {
      if (s.priority == Priority::core) out.push_back(s.id);
    }
    return out;
  };
  const Taxonomy cross = resolve_taxonomy("cross-sector");
  EXPECT_EQ(ids(cross), (std::vector<std::string>{
                            "public-health", "health-care", "behavioral-health", "social-services", "housing",
                            "education", "economic", "transportation", "justice", "faith-based", "community-based",
                            "residents", "government", "tribal", "philanthropy", "environment", "media", "academic"}));
  EXPECT_EQ(core(cross), (std::vector<std::string>{"public-health", "health-care", "social-services", "housing",
                                                   "education", "economic", "community-based", "residents"}));
  EXPECT_EQ(ids(resolve_taxonomy("rhihub")),
            (std::vector<std::string>{"education", "economic", "social-services", "housing", "transportation",
                                      "justice", "faith-based", "public-health", "community-based", "tribal"}));
  const Taxonomy dfc = resolve_taxonomy("dfc");
  EXPECT_EQ(ids(dfc), (std::vector<std::string>{"youth", "parents", "business", "media", "schools", "youth-serving",
                                                "law-enforcement", "religious-fraternal", "civic-volunteer",
                                                "healthcare", "government", "other-substance-use"}));
  EXPECT_EQ(core(dfc).size(), 12U);
  EXPECT_EQ(ids(resolve_taxonomy("dash")),
            (std::vector<std::string>{"health-care", "public-health", "social-services", "housing", "education",
                                      "transportation", "law-enforcement", "business"}));
  EXPECT_EQ(cross.find("schools")->id, "education");
}

TEST(Taxonomies, ShippedFilesEqualTheCompiledIn) {
  for (const auto& id : builtin_taxonomy_ids()) {
    const fs::path path = source_dir / "networks/taxonomies" / (id + ".yaml");
    const Taxonomy from_file = parse_taxonomy(read_file(path), path.string(), id);
    const Taxonomy built_in = resolve_taxonomy(id);
    ASSERT_EQ(from_file.sectors.size(), built_in.sectors.size()) << id;
    for (std::size_t i = 0; i < built_in.sectors.size(); ++i) {
      EXPECT_EQ(from_file.sectors[i].id, built_in.sectors[i].id);
    }
  }
}

TEST(Loader, EveryShippedNetworkLoads) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "networks")) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    EXPECT_NO_THROW(load_coalition_file(entry.path())) << entry.path();
  }
  EXPECT_GE(count, 6U);
}

namespace {

std::vector<std::string> messages_of(const std::string& text, const LoadOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics_of(text, options)) {
    out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
  }
  return out;
}

bool has_message(const std::vector<std::string>& got, const std::string& part) {
  return std::any_of(got.begin(), got.end(), [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

const std::string two_members = "coalition: {name: X}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}]\n";

}  // namespace

TEST(Loader, RejectsBadBytesInEveryKindOfStringWithTheirPosition) {
  const std::string head = "coalition:\n  name: X\nmembers:\n";
  // Raw bytes in the file: the position is that of the byte itself.
  EXPECT_EQ(messages_of(head + "  - {id: a, sector: housing, name: caf\xE9}\n"),
            (std::vector<std::string>{"4:39: not valid UTF-8 (byte 0xE9); save the file as UTF-8"}));
  EXPECT_EQ(messages_of(head + "  - {id: \"a\x01\", sector: housing}\n"),
            (std::vector<std::string>{"4:12: control character U+0001 is not allowed; text may hold tabs and "
                                      "line breaks only"}));
  EXPECT_EQ(messages_of(head + "  - {id: a, sector: housing, tags: [a" + '\0' + "b]}\n"),
            (std::vector<std::string>{"4:38: control character U+0000 is not allowed; text may hold tabs and "
                                      "line breaks only"}));
  // In a comment too, and a sector's name (C1 control U+0085 encoded as UTF-8).
  EXPECT_TRUE(has_message(messages_of("# \x7F\n" + two_members), "1:3: control character U+007F"));
  EXPECT_TRUE(has_message(messages_of("coalition: {name: X}\nsectors: [{id: farms, name: F\xC2\x85}]\n"
                                      "members: [{id: a, sector: farms}]\n"),
                          "2:30: control character U+0085"));
  // Overlong forms, surrogates and truncated sequences are not UTF-8.
  EXPECT_TRUE(has_message(messages_of(head + "  - {id: a, sector: housing, name: \xC0\xAF}\n"),
                          "4:36: not valid UTF-8 (byte 0xC0)"));
  EXPECT_TRUE(has_message(messages_of(head + "  - {id: a, sector: housing, name: \xED\xA0\x80}\n"),
                          "not valid UTF-8 (byte 0xED)"));
  EXPECT_TRUE(has_message(messages_of(head + "  - {id: a, sector: housing, name: x\xE2\x82}\n"),
                          "not valid UTF-8 (byte 0xE2)"));
  // Escapes are checked at their value.
  EXPECT_EQ(messages_of(head + "  - {id: a, sector: housing, name: \"a\\0b\"}\n"),
            (std::vector<std::string>{"4:36: control character U+0000 is not allowed; text may hold tabs and line "
                                      "breaks only (written as an escape in this value)"}));
  EXPECT_TRUE(
      has_message(messages_of(head + "  - {id: a, sector: housing, tags: [\"\\ud800\"]}\n"), "invalid unicode"));
  EXPECT_EQ(messages_of(head + "  - {id: a, sector: housing, tags: [\"\\x85\", \"\\N\"]}\n"),
            (std::vector<std::string>{"4:37: control character U+0085 is not allowed; text may hold tabs and line "
                                      "breaks only (written as an escape in this value)",
                                      // yaml-cpp writes \N as the lone byte 0x85
                                      "4:45: not valid UTF-8 (byte 0x85) (written as an escape in this value)"}));
  EXPECT_TRUE(has_message(messages_of(head + "  - {id: a, sector: housing, tags: [\"x\\ry\"]}\n"),
                          "4:37: control character U+000D"));
  EXPECT_TRUE(has_message(messages_of(head + "  - {id: a, sector: housing, \"k\\x01\": 1}\n"),
                          "4:30: control character U+0001"));
  // Every bad line is listed.
  EXPECT_EQ(messages_of("# \x01\n# \x02\n" + two_members).size(), 2U);
}

TEST(Loader, AcceptsUtf8TabsLineBreaksAndAByteOrderMark) {
  const Coalition c = parse_coalition(
      "\xEF\xBB\xBF"
      "coalition: {name: \"Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8F\xA5\tnet\"}\r\n"
      "members:\r\n  - id: a\r\n    sector: housing\r\n    name: |\r\n      two\r\n      lines\r\n",
      "u.yaml");
  EXPECT_EQ(c.name, "Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8F\xA5\tnet");
  EXPECT_EQ(c.members.at(0).name, "two\nlines\n");
}

TEST(Loader, BadBytesInATaxonomyFileAreReportedInThatFile) {
  const fs::path dir = fs::temp_directory_path() / "xsector_loader_bytes";
  fs::create_directories(dir);
  write_file_atomic(dir / "tax.yaml", "sectors:\n  - {id: farms, name: \"F\x01\"}\n");
  write_file_atomic(dir / "c.yaml", "coalition: {name: X, taxonomy: tax.yaml}\nmembers: [{id: a, sector: farms}]\n");
  try {
    load_coalition_file(dir / "c.yaml");
    ADD_FAILURE() << "loaded";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].file, (dir / "tax.yaml").string());
    EXPECT_EQ(e.diagnostics()[0].pos.line, 2);
    EXPECT_EQ(e.diagnostics()[0].pos.column, 25);
  }
  fs::remove_all(dir);
}

TEST(Loader, OneTypoedKeyGivesOneMessage) {
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers:\n  - {id: a, sectr: housing}\n"),
            (std::vector<std::string>{"3:13: unknown key 'sectr' in a member; did you mean 'sector'?"}));
  EXPECT_EQ(messages_of(two_members + "ties: [{betwen: [a, b]}]\n"),
            (std::vector<std::string>{"3:9: unknown key 'betwen' in a tie; did you mean 'between'?"}));
  EXPECT_EQ(messages_of("coalition: {nme: X}\nmembers: [{id: a, sector: housing}]\n"),
            (std::vector<std::string>{"1:13: unknown key 'nme' in 'coalition'; did you mean 'name'?"}));
  EXPECT_EQ(messages_of(two_members + "governance: [{body: b, seat: {a: 1}}]\n"),
            (std::vector<std::string>{"3:24: unknown key 'seat' in a governance body; did you mean 'seats'?"}));
  // A key that suggests nothing still leaves the required key missing.
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers:\n  - {id: a, zzzzzz: housing}\n"),
            (std::vector<std::string>{"3:5: member 'a' needs a 'sector'", "3:13: unknown key 'zzzzzz' in a member"}));
}

TEST(Loader, VetoWithoutSeatIsReportedEvenWhenTheBodyHasAnotherError) {
  const auto got = messages_of(two_members +
                               "governance:\n  - body: board\n    rule: majorty\n"
                               "    seats: {a: 1}\n    veto: [b]\n");
  EXPECT_EQ(got, (std::vector<std::string>{
                     "5:11: rule must be majority, two-thirds, unanimity, consensus or {quota: N}, found 'majorty'; "
                     "did you mean 'majority'?",
                     "7:12: veto member 'b' holds no seat in 'board'"}));
  // A seat that is named but invalid is reported once, at the seat, not again at the veto.
  EXPECT_EQ(messages_of(two_members + "governance: [{body: board, seats: {a: 1, b: 0}, veto: [b]}]\n"),
            (std::vector<std::string>{"3:45: votes must be a positive whole number, found 0"}));
}

TEST(Loader, MembersAreCheckedEvenWhenTheTaxonomyCannotBeRead) {
  const auto got =
      messages_of("coalition: {name: X, taxonomy: nosuch}\nmembers: [{id: a, sector: housing}, {id: B}]\n");
  ASSERT_EQ(got.size(), 3U);
  EXPECT_TRUE(has_message(got, "1:32: unknown taxonomy 'nosuch'"));
  EXPECT_TRUE(has_message(got, "member id 'B' is not an id"));
  EXPECT_TRUE(has_message(got, "member '' needs a 'sector'"));
}

TEST(Loader, TaxonomyPathsMustBeRegularFilesWithinTheSizeLimit) {
  auto one = [](const std::string& text) {
    const auto d = diagnostics_of(text);
    return d.size() == 1 ? d[0].message : std::string("(" + std::to_string(d.size()) + " messages)");
  };
  EXPECT_NE(one("coalition: {name: X, taxonomy: /dev/zero}\nmembers: [{id: a, sector: housing}]\n")
                .find("cannot read the taxonomy: /dev/zero: cannot read: not a regular file"),
            std::string::npos);
  EXPECT_NE(one("coalition: {name: X, taxonomy: /}\nmembers: [{id: a, sector: housing}]\n").find("is a directory"),
            std::string::npos);
  const fs::path dir = fs::temp_directory_path() / "xsector_loader_tax";
  fs::create_directories(dir);
  const std::string taxonomy = "sectors:\n  - {id: farms}\n# " + std::string(200, 'x') + "\n";
  write_file_atomic(dir / "tax.yaml", taxonomy);
  write_file_atomic(dir / "c.yaml", "coalition: {name: X, taxonomy: tax.yaml}\nmembers: [{id: a, sector: farms}]\n");
  LoadOptions small;
  small.max_bytes = 100;
  try {
    parse_coalition("coalition: {name: X, taxonomy: tax.yaml}\nmembers: [{id: a, sector: farms}]\n",
                    (dir / "c.yaml").string(), small);
    ADD_FAILURE() << "an oversized taxonomy was read";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].file, (dir / "tax.yaml").string());
    EXPECT_EQ(
        e.diagnostics()[0].message,
        "the file is 228 bytes, over the input size limit of 100 bytes; raise the limit with --max-input-size MB");
  }
  // A file from elsewhere may name built-in taxonomies only; the user's own path still works.
  LoadOptions imported;
  imported.taxonomy_paths = false;
  try {
    load_coalition_file(dir / "c.yaml", imported);
    ADD_FAILURE() << "a path from the file was followed";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].pos.line, 1);
    EXPECT_EQ(e.diagnostics()[0].pos.column, 32);
    EXPECT_NE(e.diagnostics()[0].message.find("taxonomy 'tax.yaml' is a path"), std::string::npos);
  }
  imported.taxonomy = (dir / "tax.yaml").string();
  EXPECT_EQ(load_coalition_file(dir / "c.yaml", imported).members.at(0).sector, "farms");
  TaxonomyAccess builtin_only;
  builtin_only.paths = false;
  EXPECT_EQ(resolve_taxonomy("dfc", {}, builtin_only).id, "dfc");
  EXPECT_THROW(resolve_taxonomy((dir / "tax.yaml").string(), {}, builtin_only), InputError);
  fs::remove_all(dir);
}

TEST(Loader, InputSizeLimitIsCheckedBeforeReading) {
  const fs::path dir = fs::temp_directory_path() / "xsector_loader_size";
  fs::create_directories(dir);
  const std::string text = two_members + "# padding\n";
  write_file_atomic(dir / "c.yaml", text);
  LoadOptions options;
  options.max_bytes = text.size();
  EXPECT_EQ(load_coalition_file(dir / "c.yaml", options).members.size(), 2U);
  options.max_bytes = text.size() - 1;
  try {
    load_coalition_file(dir / "c.yaml", options);
    ADD_FAILURE() << "loaded";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].pos.line, 0);
    EXPECT_EQ(e.diagnostics()[0].str(),
              fmt::format("{}: error: the file is {} bytes, over the input size limit of {} bytes; raise the limit "
                          "with --max-input-size MB",
                          (dir / "c.yaml").string(), text.size(), text.size() - 1));
  }
  EXPECT_THROW(parse_coalition(text, "t.yaml", options), InputError);
  EXPECT_EQ(read_input_file(dir / "c.yaml", text.size()), text);
  EXPECT_THROW(read_input_file(dir, 100), IoError);
  EXPECT_THROW(read_input_file("/dev/null", 100), IoError);
  const std::uint64_t before = default_max_input_bytes();
  EXPECT_EQ(before, std::uint64_t{256} << 20U);
  set_default_max_input_bytes(10);
  EXPECT_EQ(LoadOptions{}.max_bytes, 10U);
  EXPECT_THROW(load_coalition_file(dir / "c.yaml"), InputError);
  set_default_max_input_bytes(before);
  fs::remove_all(dir);
}

TEST(Loader, AliasesAreCountedByTheBytesTheyAdd) {
  // A plain file has no alias expansion at all (hostile case load-200k-plain-members loads
  // 200,000 members, over the old limit of a million nodes).
  std::string plain = "coalition: {name: X}\nmembers:\n";
  for (int i = 0; i < 20000; ++i) plain += fmt::format("  - {{id: m{}, sector: housing, tags: [t]}}\n", i);
  EXPECT_EQ(parse_coalition(plain, "plain.yaml").members.size(), 20000U);
  // Small aliases used often are fine.
  const Coalition c = parse_coalition(two_members +
                                          "ties: [{from: a, to: b, kinds: &k [information, funding]}, "
                                          "{from: b, to: a, kinds: *k}]\n",
                                      "k.yaml");
  EXPECT_EQ(c.ties.at(1).kinds, (std::vector<std::string>{"information", "funding"}));
  // One 1 MB string used 70 times adds more than 64 MiB: refused at the alias that crosses it.
  std::string bomb = "coalition: {name: X}\nmembers:\n  - {id: a, sector: housing, name: &n " +
                     std::string(1 << 20, 'x') + "}\n  - {id: b, sector: housing, tags: [";
  for (int i = 0; i < 70; ++i) bomb += i == 0 ? "*n" : ", *n";
  bomb += "]}\n";
  const auto got = messages_of(bomb);
  ASSERT_EQ(got.size(), 1U);
  // Each alias adds 2^20 + 32 bytes, so the 64th crosses 2^26: column 37 + 4 * 63.
  EXPECT_EQ(got[0], "4:289: aliases expand to more than 67108864 bytes (an alias bomb?); write the data out instead");
  EXPECT_EQ(messages_of("coalition: {name: X}\nmembers: [{id: a, sector: housing}]\nties: &t [*t]\n"),
            (std::vector<std::string>{"3:11: the alias names a node that holds the alias itself; a document cannot "
                                      "contain itself"}));
}

TEST(Loader, FlowNestingIsCheckedOnTheTextFirst) {
  const std::string deep = "coalition: " + std::string(65, '[') + std::string(65, ']') + "\n";
  EXPECT_EQ(messages_of(deep),
            (std::vector<std::string>{"1:76: nesting is deeper than 64 levels; a coalition file needs only a few"}));
  // Brackets inside quotes, comments and block scalars are text, not nesting.
  const std::string brackets(100, '[');
  const Coalition c = parse_coalition("coalition:\n  name: \"" + brackets + "\"\n  place: '" + brackets + "'\n# " +
                                          brackets + "\nmembers:\n  - id: a\n    sector: housing\n    name: |\n      " +
                                          brackets + "\n      " + brackets + "\n",
                                      "q.yaml");
  EXPECT_EQ(c.name, brackets);
  EXPECT_EQ(c.place, brackets);
  EXPECT_EQ(c.members.at(0).name, brackets + "\n" + brackets + "\n");
  // The block scalar ends where indentation returns, so brackets after it count again.
  EXPECT_TRUE(
      has_message(messages_of("coalition:\n  name: |\n    x\n  place: " + brackets + "\n"), "4:74: nesting is deeper"));
  // A plain scalar's continuation lines are text, even when one starts with a quote...
  const Coalition folded = parse_coalition(
      "coalition:\n  name: foo\n    " + brackets + "\n  place: a\n   'b\n" + "members: [{id: a, sector: housing}]\n",
      "f.yaml");
  EXPECT_EQ(folded.name, "foo " + brackets);
  EXPECT_EQ(folded.place, "a 'b");
  // ...so that quote hides nothing: the brackets of the next key are counted.
  EXPECT_TRUE(has_message(messages_of("coalition:\n  name: foo\n   'bar\n  place: " + brackets + "\n"),
                          "4:74: nesting is deeper"));
  // A comment ends a plain scalar, and an alias is none.
  EXPECT_TRUE(has_message(messages_of("coalition:\n  name: foo\n  # c\n   " + brackets + "\n"), "nesting is deeper"));
  EXPECT_TRUE(has_message(messages_of("a: &x b\nc: *x\n   " + brackets + "\n"), "nesting is deeper"));
}

TEST(Loader, MemberIndexUsesTheLoadersHashAndWorksWithoutIt) {
  Coalition c = parse_coalition(two_members, "t.yaml");
  EXPECT_EQ(c.member_ids.size(), 2U);
  EXPECT_EQ(c.member_index("b"), std::optional<std::size_t>(1));
  EXPECT_EQ(c.member_index("z"), std::nullopt);
  Coalition by_hand;
  Member x;
  x.id = "x";
  Member y;
  y.id = "y";
  by_hand.members = {x, y};
  EXPECT_EQ(by_hand.member_index("y"), std::optional<std::size_t>(1));
  EXPECT_EQ(by_hand.member_index("z"), std::nullopt);
  // A stale index (members added after loading) is not trusted.
  Member added;
  added.id = "c";
  c.members.push_back(added);
  EXPECT_EQ(c.member_index("c"), std::optional<std::size_t>(2));
  c.index_members();
  EXPECT_EQ(c.member_ids.at("c"), 2U);
}

TEST(Loader, DidYouMeanIsBoundedOnLongIdsAndManyUnknownMembers) {
  std::string text = "coalition: {name: X}\nmembers:\n";
  for (int i = 0; i < 2000; ++i) text += fmt::format("  - {{id: member-{}, sector: housing}}\n", i);
  text += "ties:\n  - [member-1, membr-2]\n  - [member-1, " + std::string(5000, 'm') + "]\n";
  for (int i = 0; i < 300; ++i) text += fmt::format("  - [member-1, mmber-{}]\n", i + 10);
  const auto got = messages_of(text);
  ASSERT_EQ(got.size(), 302U);
  EXPECT_NE(got[0].find("the tie names 'membr-2', which is not a member; did you mean 'member-2'?"), std::string::npos);
  EXPECT_EQ(got[1].find("did you mean"), std::string::npos);  // 5000 characters: no suggestion
  EXPECT_NE(got[2].find("did you mean 'member-10'?"), std::string::npos);
  EXPECT_EQ(got[301].find("did you mean"), std::string::npos);  // past the first 100
}
