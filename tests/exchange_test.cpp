#include "xsector/exchange.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_graphs.hpp"
#include "xsector/render.hpp"

using namespace xsector;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> network_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(XSECTOR_SOURCE_DIR) / "networks")) {
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same_members_and_ties(const Coalition& a, const Coalition& b, const std::string& where) {
  ASSERT_EQ(a.members.size(), b.members.size()) << where;
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const Member& x = a.members[i];
    const Member& y = b.members[i];
    EXPECT_EQ(x.id, y.id) << where;
    EXPECT_EQ(x.name, y.name) << where;
    EXPECT_EQ(x.sector, y.sector) << where;
    EXPECT_EQ(x.community_led, y.community_led) << where << " " << x.id;
    EXPECT_EQ(x.lived_experience, y.lived_experience) << where << " " << x.id;
    EXPECT_EQ(x.funding, y.funding) << where << " " << x.id;
    EXPECT_EQ(x.tags, y.tags) << where << " " << x.id;
  }
  ASSERT_EQ(a.ties.size(), b.ties.size()) << where;
  for (std::size_t t = 0; t < a.ties.size(); ++t) {
    EXPECT_EQ(a.ties[t].a, b.ties[t].a) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].b, b.ties[t].b) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].directed, b.ties[t].directed) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].level, b.ties[t].level) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].kinds, b.ties[t].kinds) << where << " tie " << t;
  }
}

void expect_same(const Coalition& a, const Coalition& b, const std::string& where) {
  EXPECT_EQ(a.name, b.name) << where;
  EXPECT_EQ(a.place, b.place) << where;
  EXPECT_EQ(a.as_of, b.as_of) << where;
  EXPECT_EQ(a.backbone, b.backbone) << where;
  EXPECT_EQ(a.taxonomy.id, b.taxonomy.id) << where;
  ASSERT_EQ(a.extra_sectors.size(), b.extra_sectors.size()) << where;
  for (std::size_t s = 0; s < a.extra_sectors.size(); ++s) {
    EXPECT_EQ(a.extra_sectors[s].id, b.extra_sectors[s].id) << where;
    EXPECT_EQ(a.extra_sectors[s].name, b.extra_sectors[s].name) << where;
    EXPECT_EQ(a.extra_sectors[s].priority, b.extra_sectors[s].priority) << where;
    EXPECT_EQ(a.extra_sectors[s].aliases, b.extra_sectors[s].aliases) << where;
  }
  expect_same_members_and_ties(a, b, where);
  ASSERT_EQ(a.governance.size(), b.governance.size()) << where;
  for (std::size_t g = 0; g < a.governance.size(); ++g) {
    const Body& x = a.governance[g];
    const Body& y = b.governance[g];
    EXPECT_EQ(x.id, y.id) << where;
    EXPECT_EQ(x.decides, y.decides) << where;
    EXPECT_EQ(x.rule.kind, y.rule.kind) << where;
    EXPECT_EQ(x.rule.explicit_quota, y.rule.explicit_quota) << where;
    EXPECT_EQ(x.veto, y.veto) << where;
    EXPECT_EQ(x.chair, y.chair) << where;
    ASSERT_EQ(x.seats.size(), y.seats.size()) << where;
    for (std::size_t s = 0; s < x.seats.size(); ++s) {
      EXPECT_EQ(x.seats[s].member, y.seats[s].member) << where;
      EXPECT_EQ(x.seats[s].votes, y.seats[s].votes) << where;
    }
  }
}

}  // namespace

TEST(Exchange, YamlToGraphmlAndBackKeepsEveryFieldOfEveryNetwork) {
  const auto files = network_files();
  ASSERT_GE(files.size(), 6U);
  for (const auto& path : files) {
    const Coalition original = load_coalition_file(path);
    const Imported back = import_graphml(export_graphml(original), "x.graphml", {});
    EXPECT_TRUE(back.skipped.empty());
    expect_same(original, parse_coalition(back.yaml, path.string()), path.string());
  }
}

TEST(Exchange, CoalitionYamlRoundTrips) {
  for (const auto& path : network_files()) {
    const Coalition original = load_coalition_file(path);
    expect_same(original, parse_coalition(coalition_yaml(original), path.string()), path.string());
  }
}

TEST(Exchange, KumuSheetsRoundTripMembersAndTies) {
  for (const auto& path : network_files()) {
    const Coalition original = load_coalition_file(path);
    if (!original.extra_sectors.empty()) continue;  // Kumu sheets carry no sector definitions
    const KumuSheets sheets = export_kumu(original);
    ImportOptions options;
    options.name = original.name;
    options.taxonomy = original.taxonomy_ref;
    const Imported back = import_kumu(sheets.elements, "e.csv", sheets.connections, "c.csv", options);
    expect_same_members_and_ties(original, parse_coalition(back.yaml, path.string()), path.string());
  }
}

TEST(Exchange, NamesThatLookLikeYamlSurviveTheRoundTrip) {
  const Coalition c = parse_coalition(
      "coalition: {name: \"null\"}\nmembers:\n  - {id: a, name: \"yes\", sector: housing, tags: [\"~\", \"a: b\"]}\n"
      "  - {id: b, name: \"#1 \\\"quoted\\\" & <b>\", sector: housing}\nties: [{between: [a, b], kinds: [\"true\"]}]\n",
      "odd.yaml");
  const Coalition back = parse_coalition(coalition_yaml(c), "back.yaml");
  expect_same(c, back, "odd");
  expect_same(c, parse_coalition(import_graphml(export_graphml(c), "odd.graphml", {}).yaml, "x"), "odd graphml");
}

TEST(Exchange, UnusableRowsAreReportedWithTheirLines) {
  const std::string elements =
      "Label,Sector,Funding\nHub,health-care,100\nSchool,schools,\n,housing,\nClinic,moon-base,\nBank,economic,lots\n";
  const std::string connections = "From,To,Strength\nhub,school,4\nhub,ghost,1\nhub,hub,2\nschool,hub,9\n";
  ImportOptions options;
  options.name = "Sheets";
  try {
    import_kumu(elements, "e.csv", connections, "c.csv", options);
    FAIL() << "bad rows were accepted";
  } catch (const InputError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics()) got.push_back(d.str());
    EXPECT_EQ(got, (std::vector<std::string>{
                       "e.csv:4:1: error: no usable ID: '' is not an id",
                       "e.csv:5:1: error: sector 'moon-base' is not in the cross-sector taxonomy",
                       "e.csv:6:1: error: funding 'lots' is not a number of at least 0",
                       "c.csv:3:1: error: 'ghost' is not an element",
                       "c.csv:4:1: error: a connection from 'hub' to itself",
                       "c.csv:5:1: error: strength '9' is not a level 1-4"}));
  }
  options.skip_bad_rows = true;
  const Imported partial = import_kumu(elements, "e.csv", connections, "c.csv", options);
  EXPECT_EQ(partial.skipped.size(), 6U);
  const Coalition c = parse_coalition(partial.yaml, "partial.yaml");
  ASSERT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.members[0].id, "hub");
  EXPECT_EQ(c.members[1].sector, "education");  // `schools` is an alias
  ASSERT_EQ(c.ties.size(), 1U);
  EXPECT_EQ(c.ties[0].level, TieLevel::collaborating);
}

TEST(Exchange, QuotedCsvFieldsAndUnknownColumns) {
  const std::string elements = "ID,Label,Sector,Notes\nhub,\"Hub, \"\"the\"\" clinic\nand more\",health-care,x\n";
  const Imported in = import_kumu(elements, "e.csv", "From,To\n", "c.csv", {"Q", "cross-sector", false});
  const Coalition c = parse_coalition(in.yaml, "q.yaml");
  EXPECT_EQ(c.members.at(0).name, "Hub, \"the\" clinic\nand more");
  ASSERT_EQ(in.notes.size(), 1U);
  EXPECT_NE(in.notes[0].find("column 'notes'"), std::string::npos);
}

TEST(Exchange, UcinetDlByHand) {
  const Coalition c = parse_coalition(
      "coalition: {name: d}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: housing}]\n"
      "ties: [[a, b], {from: b, to: c, level: 3}]\n",
      "d.yaml");
  EXPECT_EQ(export_dl(c), "dl n=3 format=edgelist1\nlabels:\na,b,c\ndata:\n1 2 1\n2 1 1\n2 3 3\n");
}

TEST(Exchange, DotCarriesMembersAndTies) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/healthy-in-the-hills.yaml");
  const std::string dot = network_dot(c);
  EXPECT_NE(dot.find("sector=\"health-care\""), std::string::npos);
  EXPECT_NE(dot.find("mcda -- market"), std::string::npos);
  EXPECT_NE(dot.find("dir=forward"), std::string::npos);
}
