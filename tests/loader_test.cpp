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
      "coalition: {name: X}\nmembers: [{id: a, sector: housing}]\ngovernance: [{body: b, seats: {a: 1}}]\n",
      "x.yaml");
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

TEST(Loader, TaxonomyOptionOverridesTheFile) {
  const std::string text = "coalition: {name: X, taxonomy: dash}\nmembers: [{id: a, sector: youth}]\n";
  EXPECT_FALSE(diagnostics_of(text).empty());
  LoadOptions dfc;
  dfc.taxonomy = "dfc";
  const Coalition c = parse_coalition(text, "x.yaml", dfc);
  EXPECT_EQ(c.taxonomy.id, "dfc");
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

TEST(Loader, ExtraSectorMayNotReuseATaxonomyId) {
  const auto d = diagnostics_of(
      "coalition: {name: X}\nsectors: [{id: housing}]\nmembers: [{id: a, sector: housing}]\n");
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
                            "education", "economic", "transportation", "justice", "faith-based",
                            "community-based", "residents", "government", "tribal", "philanthropy",
                            "environment", "media", "academic"}));
  EXPECT_EQ(core(cross), (std::vector<std::string>{"public-health", "health-care", "social-services", "housing",
                                                   "education", "economic", "community-based", "residents"}));
  EXPECT_EQ(ids(resolve_taxonomy("rhihub")),
            (std::vector<std::string>{"education", "economic", "social-services", "housing", "transportation",
                                      "justice", "faith-based", "public-health", "community-based", "tribal"}));
  const Taxonomy dfc = resolve_taxonomy("dfc");
  EXPECT_EQ(ids(dfc), (std::vector<std::string>{"youth", "parents", "business", "media", "schools",
                                                "youth-serving", "law-enforcement", "religious-fraternal",
                                                "civic-volunteer", "healthcare", "government",
                                                "other-substance-use"}));
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
