#include "xsector/exchange.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

#include "../src/common/text.hpp"
#include "../src/exchange/xlsx_reader.hpp"
#include "test_graphs.hpp"
#include "xsector/load.hpp"
#include "xsector/open.hpp"
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
    EXPECT_EQ(x.attributes, y.attributes) << where << " " << x.id;
  }
  ASSERT_EQ(a.ties.size(), b.ties.size()) << where;
  for (std::size_t t = 0; t < a.ties.size(); ++t) {
    EXPECT_EQ(a.ties[t].a, b.ties[t].a) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].b, b.ties[t].b) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].directed, b.ties[t].directed) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].level, b.ties[t].level) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].kinds, b.ties[t].kinds) << where << " tie " << t;
    EXPECT_EQ(a.ties[t].attributes, b.ties[t].attributes) << where << " tie " << t;
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
    expect_same(original, parse_coalition(imported_yaml(back), path.string()), path.string());
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
    expect_same_members_and_ties(original, parse_coalition(imported_yaml(back), path.string()), path.string());
  }
}

TEST(Exchange, NamesThatLookLikeYamlSurviveTheRoundTrip) {
  const Coalition c = parse_coalition(
      "coalition: {name: \"null\"}\nmembers:\n  - {id: a, name: \"yes\", sector: housing, tags: [\"~\", \"a: "
      "b\"]}\n"
      "  - {id: b, name: \"#1 \\\"quoted\\\" & <b>\", sector: housing}\nties: [{between: [a, b], kinds: "
      "[\"true\"]}]\n",
      "odd.yaml");
  const Coalition back = parse_coalition(coalition_yaml(c), "back.yaml");
  expect_same(c, back, "odd");
  expect_same(c, parse_coalition(imported_yaml(import_graphml(export_graphml(c), "odd.graphml", {})), "x"),
              "odd graphml");
}

TEST(Exchange, UnusableRowsAreReportedWithTheirLines) {
  const std::string elements =
      "Label,Sector,Funding\nHub,health-care,100\nSchool,schools,\n,housing,\nClinic,moon-base,\nBank,"
      "economic,lots\n";
  const std::string connections = "From,To,Strength\nhub,school,4\nhub,ghost,1\nhub,hub,2\nschool,hub,9\n";
  ImportOptions options;
  options.name = "Sheets";
  try {
    import_kumu(elements, "e.csv", connections, "c.csv", options);
    FAIL() << "bad rows were accepted";
  } catch (const InputError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics()) got.push_back(d.str());
    EXPECT_EQ(got, (std::vector<std::string>{"e.csv:4:1: error: no usable ID: '' is not an id",
                                             "e.csv:5:1: error: sector 'moon-base' (row 5) is not in the cross-sector "
                                             "taxonomy; map it in a Sectors sheet (Value, Sector) or with "
                                             "--sector-map FILE.csv",
                                             "e.csv:6:1: error: funding 'lots' is not a number of at least 0",
                                             "c.csv:3:1: error: 1 name matches no member: 'ghost' (row 3)",
                                             "c.csv:4:1: error: a connection from 'hub' to itself",
                                             "c.csv:5:1: error: strength '9' is not a level 1-4"}));
  }
  options.skip_bad_rows = true;
  const Imported partial = import_kumu(elements, "e.csv", connections, "c.csv", options);
  EXPECT_EQ(partial.skipped.size(), 6U);
  const Coalition c = parse_coalition(imported_yaml(partial), "partial.yaml");
  ASSERT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.members[0].id, "hub");
  EXPECT_EQ(c.members[1].sector, "education");  // `schools` is an alias
  ASSERT_EQ(c.ties.size(), 1U);
  EXPECT_EQ(c.ties[0].level, TieLevel::collaborating);
}

TEST(Exchange, QuotedCsvFieldsAndUnknownColumns) {
  const std::string elements = "ID,Label,Sector,Notes\nhub,\"Hub, \"\"the\"\" clinic\nand more\",health-care,x\n";
  ImportOptions options;
  options.name = "Q";
  const Imported in = import_kumu(elements, "e.csv", "From,To,Since\n", "c.csv", options);
  const Coalition c = parse_coalition(imported_yaml(in), "q.yaml");
  EXPECT_EQ(c.members.at(0).name, "Hub, \"the\" clinic\nand more");
  // A column with no field of its own is kept as an attribute of the member.
  const std::vector<std::pair<std::string, std::string>> notes = {{"Notes", "x"}};
  EXPECT_EQ(c.members.at(0).attributes, notes);
  EXPECT_TRUE(in.notes.empty());
}

TEST(Exchange, UcinetDlByHand) {
  const Coalition c = parse_coalition(
      "coalition: {name: d}\nmembers: [{id: a, sector: housing}, {id: b, sector: housing}, {id: c, sector: "
      "housing}]\n"
      "ties: [[a, b], {from: b, to: c, level: 3}]\n",
      "d.yaml");
  // igraph's DL reader refuses `dl n=3 format=edgelist1` on one line; labels are embedded.
  EXPECT_EQ(export_dl(c), "DL n=3\nformat = edgelist1\nlabels:\na,b,c\nlabels embedded:\ndata:\na b 1\nb a 1\nb c 3\n");
  EXPECT_EQ(export_vna(c),
            "*node data\nID name sector sector_name community_led lived_experience funding\n"
            "a \"a\" housing \"Housing\" FALSE FALSE 0\nb \"b\" housing \"Housing\" FALSE FALSE 0\n"
            "c \"c\" housing \"Housing\" FALSE FALSE 0\n"
            "*tie data\nfrom to level directed\na b 1 0\nb a 1 0\nb c 3 1\n");
}

TEST(Exchange, KumuConnectionIdsComeFromThePair) {
  const Coalition c = parse_coalition(
      "coalition: {name: d}\nmembers: [{id: z, sector: housing}, {id: b, sector: housing}]\n"
      "ties: [[z, b]]\n",
      "d.yaml");
  EXPECT_EQ(export_kumu(c).connections, "From,To,Type,Direction,Strength,Tags,ID\nz,b,networking,undirected,1,,b--z\n");
}

TEST(Exchange, DotCarriesMembersAndTies) {
  const Coalition c = load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/networks/healthy-in-the-hills.yaml");
  const std::string dot = network_dot(c);
  EXPECT_NE(dot.find("sector=\"health-care\""), std::string::npos);
  EXPECT_NE(dot.find("mcda -- market"), std::string::npos);
  EXPECT_NE(dot.find("dir=forward"), std::string::npos);
}

// ---- Hostile and broken input ----------------------------------------------------------

namespace {

std::vector<std::string> problems_of(const std::function<void()>& run) {
  std::vector<std::string> out;
  try {
    run();
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.str());
  }
  return out;
}

std::vector<std::string> graphml_problems(const std::string& xml, const ImportOptions& options = {}) {
  return problems_of([&] { import_graphml(xml, "g.graphml", options); });
}

ImportOptions named(const std::string& name) {
  ImportOptions o;
  o.name = name;
  return o;
}

const std::string kKeys = R"(<key id="s" for="node" attr.name="sector"/><key id="n" for="node" attr.name="name"/>)";

}  // namespace

TEST(Exchange, GraphmlNestedTooDeeplyIsRefusedAtTheElement) {
  std::string xml = "<graphml>\n<graph edgedefault=\"undirected\">";
  for (int i = 0; i < 30000; ++i) xml += "<x>";
  EXPECT_EQ(graphml_problems(xml),
            std::vector<std::string>{"g.graphml:2:219: error: not valid XML: elements are nested deeper than 64"});
}

TEST(Exchange, GraphmlXmlErrorsNameLineAndColumn) {
  EXPECT_EQ(graphml_problems("<graphml>\n  <graph>\n  </grph>\n</graphml>"),
            std::vector<std::string>{"g.graphml:3:3: error: not valid XML: </grph> closes <graph> opened at 2:3"});
  EXPECT_EQ(graphml_problems("<graphml>\n <graph a=\"1 & 2\"/></graphml>"),
            std::vector<std::string>{"g.graphml:2:14: error: not valid XML: '&' starts no entity: write &amp;"});
  EXPECT_EQ(graphml_problems("<graphml>\n<graph>\xff</graph></graphml>"),
            std::vector<std::string>{"g.graphml:2:8: error: not valid XML: the file is not UTF-8 (save it as UTF-8)"});
  EXPECT_EQ(graphml_problems("<graphml><graph>&#1;</graph></graphml>"),
            std::vector<std::string>{"g.graphml:1:17: error: not valid XML: &#1; is not a character XML allows"});
  EXPECT_EQ(graphml_problems("<graphml><graph>"),
            std::vector<std::string>{"g.graphml:1:17: error: not valid XML: <graph> opened at 1:10 is never closed"});
  EXPECT_EQ(graphml_problems("<graph/>"),
            std::vector<std::string>{"g.graphml:1:1: error: the root element is <graph>, not <graphml>"});
}

TEST(Exchange, GraphmlEntityDeclarationsAreRefusedSoNothingExpands) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<graphml><graph>&b;</graph></graphml>";
  const auto problems = graphml_problems(laughs);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_TRUE(problems[0].starts_with("g.graphml:2:1: error: not valid XML: a DOCTYPE is not allowed")) << problems[0];
}

TEST(Exchange, GraphmlEntitiesCdataCommentsAndNamespacesAreRead) {
  const std::string xml = "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- made by hand -->\n<g:graphml xmlns:g=\"x\">" +
                          kKeys +
                          "<g:graph edgedefault=\"undirected\"><g:node id=\"a\"><data key=\"s\">housing</data>"
                          "<data key=\"n\">Tom &amp; Jerry&#x27;s &#169; <![CDATA[<b>]]></data></g:node>"
                          "</g:graph></g:graphml>";
  const Coalition c = parse_coalition(imported_yaml(import_graphml(xml, "g.graphml", named("N"))), "x.yaml");
  ASSERT_EQ(c.members.size(), 1U);
  EXPECT_EQ(c.members[0].name, "Tom & Jerry's \xC2\xA9 <b>");
}

TEST(Exchange, GraphmlDirectedGraphsGiveFromToTies) {
  const std::string xml = "<graphml>" + kKeys +
                          "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"s\">housing</data></node>"
                          "<node id=\"b\"><data key=\"s\">housing</data></node><node id=\"c\"><data "
                          "key=\"s\">housing</data></node>"
                          "<edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"a\"/>"
                          "<edge source=\"b\" target=\"c\" directed=\"false\"/></graph></graphml>";
  const Coalition c = parse_coalition(imported_yaml(import_graphml(xml, "g.graphml", named("D"))), "x.yaml");
  ASSERT_EQ(c.ties.size(), 3U);
  EXPECT_TRUE(c.ties[0].directed);
  EXPECT_EQ(c.members[c.ties[0].a].id, "a");
  EXPECT_EQ(c.members[c.ties[0].b].id, "b");
  EXPECT_TRUE(c.ties[1].directed);
  EXPECT_EQ(c.members[c.ties[1].a].id, "b");
  EXPECT_FALSE(c.ties[2].directed);
  // The same file read as undirected: a-b twice is a duplicate pair, reported at the second edge.
  std::string undirected = xml;
  undirected.replace(undirected.find("\"directed\">"), 11, "\"undirected\">");
  const auto problems = graphml_problems(undirected, named("D"));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_TRUE(problems[0].starts_with("g.graphml:1:") && problems[0].find("edge b -> a: ") != std::string::npos)
      << problems[0];
}

TEST(Exchange, GraphmlSecondGraphNestedGraphAndHyperedgeAreErrors) {
  const std::string node = "<node id=\"a\"><data key=\"s\">housing</data></node>";
  EXPECT_EQ(
      graphml_problems("<graphml>" + kKeys + "\n<graph>" + node + "</graph>\n<graph>" + node + "</graph></graphml>"),
      std::vector<std::string>{"g.graphml:3:1: error: a second <graph>: a coalition file holds one network (the "
                               "first <graph> is at line 2); split the file and import each graph"});
  const auto nested =
      graphml_problems("<graphml>" + kKeys + "<graph>\n<node id=\"a\"><graph/></node>\n<hyperedge/></graph></graphml>");
  EXPECT_EQ(nested,
            (std::vector<std::string>{"g.graphml:2:14: error: a graph nested inside a node: xsector reads flat graphs",
                                      "g.graphml:3:1: error: a hyperedge: a tie joins two members",
                                      "g.graphml:2:1: error: node 'a' has no sector data"}));
}

TEST(Exchange, GraphmlJsonOfTheWrongShapeIsAnErrorAtItsElement) {
  const std::string head = "<graphml>" + kKeys +
                           "<key id=\"gs\" for=\"graph\" attr.name=\"sectors\"/><key id=\"gg\" for=\"graph\" "
                           "attr.name=\"governance\"/><key id=\"t\" for=\"node\" attr.name=\"tags\"/>\n<graph>\n";
  const std::string node = "\n<node id=\"a\"><data key=\"s\">housing</data></node></graph></graphml>";
  auto problems = graphml_problems(head + R"(<data key="gs">["recreation", 5]</data>)" + node, named("J"));
  ASSERT_FALSE(problems.empty());
  for (const auto& p : problems) EXPECT_TRUE(p.starts_with("g.graphml:3:1: error: graph data 'sectors', item ")) << p;
  EXPECT_EQ(graphml_problems(head + R"(<data key="gg">{"body": "x"}</data>)" + node),
            std::vector<std::string>{"g.graphml:3:1: error: graph data 'governance' must be a JSON list, not object"});
  problems = graphml_problems(head + R"(<data key="gg">[{"body": "board", "seats": "all"}]</data>)" + node, named("J"));
  ASSERT_FALSE(problems.empty());
  EXPECT_TRUE(problems[0].starts_with("g.graphml:3:1: error: graph data 'governance', body 1: ")) << problems[0];
  EXPECT_EQ(graphml_problems(head + "<data key=\"gs\">[{]</data>" + node),
            std::vector<std::string>{"g.graphml:3:1: error: graph data 'sectors' is not JSON"});
  const std::string tags =
      "<graph>\n<node id=\"a\"><data key=\"s\">housing</data><data key=\"t\">{\"a\": [1]}</data>"
      "</node></graph></graphml>";
  EXPECT_EQ(graphml_problems(head.substr(0, head.find("<graph>")) + tags),
            std::vector<std::string>{"g.graphml:3:42: error: node 'a': tags must be a JSON list, not object"});
}

TEST(Exchange, GraphmlProblemsTheLoaderFindsPointIntoTheUsersFile) {
  const std::string xml = "<graphml>" + kKeys +
                          "<key id=\"b\" for=\"graph\" attr.name=\"backbone\"/>\n<graph>\n"
                          "  <data key=\"b\">ghost</data>\n  <node id=\"a\"><data key=\"s\">housing</data></node>\n"
                          "  <edge source=\"a\" target=\"a\"/>\n</graph></graphml>";
  const auto problems = graphml_problems(xml, named("P"));
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_TRUE(problems[0].starts_with("g.graphml:3:3: error: graph data 'backbone': ")) << problems[0];
  EXPECT_TRUE(problems[1].starts_with("g.graphml:5:3: error: edge a -> a: ")) << problems[1];
  for (const auto& p : problems) EXPECT_EQ(p.find("<imported>"), std::string::npos);
}

TEST(Exchange, GraphmlFromOtherToolsGetsIdsMadeFromItsNodeIds) {
  const std::string xml = "<graphml>" + kKeys +
                          "<graph edgedefault=\"undirected\">"
                          "<node id=\"Alice Smith\"><data key=\"s\">housing</data></node>"
                          "<node id=\"Bob\"><data key=\"s\">housing</data></node>"
                          "<edge source=\"Alice Smith\" target=\"Bob\"/></graph></graphml>";
  const Coalition c = parse_coalition(imported_yaml(import_graphml(xml, "g.graphml", named("O"))), "x.yaml");
  ASSERT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.members[0].id, "alice-smith");
  EXPECT_EQ(c.members[0].name, "Alice Smith");
  EXPECT_EQ(c.members[1].id, "bob");
  EXPECT_EQ(c.ties.size(), 1U);
}

TEST(Exchange, ATaxonomyPathInsideAGraphmlIsNotFollowedUnlessTheUserGivesIt) {
  const fs::path dir = fs::temp_directory_path() / "xsector_exchange_taxonomy";
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  const fs::path taxonomy = dir / "local.yaml";
  {
    std::ofstream(taxonomy)
        << "taxonomy: {id: local, name: Local}\nsectors:\n  - {id: parks, name: Parks, priority: core}\n";
  }
  const std::string xml = "<graphml>" + kKeys +
                          "<key id=\"t\" for=\"graph\" attr.name=\"taxonomy\"/>\n<graph>"
                          "<data key=\"t\">" +
                          taxonomy.string() +
                          "</data>\n"
                          "<node id=\"a\"><data key=\"s\">parks</data></node></graph></graphml>";
  const auto refused = graphml_problems(xml, named("T"));
  ASSERT_EQ(refused.size(), 1U);
  EXPECT_TRUE(refused[0].starts_with("g.graphml:2:8: error: the graph names the taxonomy")) << refused[0];
  EXPECT_NE(refused[0].find("--taxonomy"), std::string::npos);
  ImportOptions options = named("T");
  options.taxonomy = taxonomy.string();
  options.output = (dir / "out" / "t.yaml").string();
  const Imported imported = import_graphml(xml, "g.graphml", options);
  const std::string yaml = imported_yaml(imported);
  EXPECT_NE(yaml.find("taxonomy: \"../local.yaml\""), std::string::npos) << yaml;
  const Coalition c = parse_coalition(imported_yaml(imported), options.output);  // resolves from the output's folder
  EXPECT_EQ(c.taxonomy.id, "local");
  fs::remove_all(dir);
}

TEST(Exchange, KumuDuplicateHeadersAreAnErrorAndAByteOrderMarkIsSkipped) {
  EXPECT_EQ(problems_of([] {
              import_kumu("Label,sector,Type, SECTOR\nHub,housing,x,education\n", "e.csv", "From,To\n", "c.csv",
                          named("K"));
            }),
            std::vector<std::string>{"e.csv:1:1: error: column 'SECTOR' appears twice (columns 2 and 4): which one "
                                     "holds the data is unclear; rename or remove one"});
  const Imported in = import_kumu("\xEF\xBB\xBFID,Sector\nhub,housing\nschool,education\n", "e.csv",
                                  "\xEF\xBB\xBF"
                                  "From,To\nhub,school\n",
                                  "c.csv", named("K"));
  const Coalition c = parse_coalition(imported_yaml(in), "k.yaml");
  EXPECT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.ties.size(), 1U);
}

TEST(Exchange, KumuExportNeutralisesFormulasAndImportUndoesIt) {
  const Coalition c = parse_coalition(
      "coalition: {name: f}\nmembers:\n  - {id: a, name: \"=HYPERLINK(\\\"http://x\\\")\", sector: housing, "
      "funding: -0}\n"
      "  - {id: b, name: \"-1+2\", sector: housing}\n  - {id: c, name: \"'=quoted\", sector: housing, tags: "
      "[\"@x\"], attributes: {\"+score\": \"=1\", \"'-note\": x}}\n"
      "ties: [{between: [a, b], attributes: {\"@when\": \"+2\"}}]\n",
      "f.yaml");
  const KumuSheets sheets = export_kumu(c);
  // Headers are text cells too: a formula-like attribute name is neutralised and restored.
  EXPECT_NE(sheets.elements.find(",'+score,''-note\n"), std::string::npos) << sheets.elements;
  EXPECT_NE(sheets.connections.find(",'@when\n"), std::string::npos) << sheets.connections;
  EXPECT_NE(sheets.elements.find("\"'=HYPERLINK(\"\"http://x\"\")\",Housing,,,a,housing,false,false,0,,\n"),
            std::string::npos)
      << sheets.elements;
  EXPECT_NE(sheets.elements.find("\n'-1+2,"), std::string::npos);
  EXPECT_NE(sheets.elements.find("\n''=quoted,Housing,,'@x,"), std::string::npos);
  const Coalition back = parse_coalition(
      imported_yaml(import_kumu(sheets.elements, "e.csv", sheets.connections, "c.csv", named("f"))), "b");
  expect_same_members_and_ties(c, back, "formulas");
}

TEST(Text, CsvTextCellsThatLookLikeFormulasGetAQuote) {
  using detail::csv_cell;
  using detail::csv_text_value;
  EXPECT_EQ(csv_cell("=1+2"), "'=1+2");
  EXPECT_EQ(csv_cell("+1"), "'+1");
  EXPECT_EQ(csv_cell("-1+2"), "'-1+2");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_cell("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(csv_cell("'=x"), "''=x");
  EXPECT_EQ(csv_cell("'x"), "'x");
  EXPECT_EQ(csv_cell("a=b"), "a=b");
  EXPECT_EQ(csv_cell("''=x"), "'''=x");
  for (const std::string s : {"=1+2", "-1", "'=x", "''=x", "'''", "'x", "plain", "'", "@", "'-'"}) {
    std::string cell = csv_cell(s);
    if (cell.starts_with('"')) cell = cell.substr(1, cell.size() - 2);
    EXPECT_EQ(csv_text_value(cell), s) << s;
  }
}

TEST(Text, NumbersNeverPrintAsMinusZero) {
  EXPECT_EQ(detail::number_text(-0.0), "0");
  EXPECT_EQ(detail::number_text(-0.25), "-0.25");
  EXPECT_EQ(detail::number_text(120000), "120000");
  EXPECT_EQ(detail::fixed_text(-0.0, 3), "0.000");
  EXPECT_EQ(detail::fixed_text(-0.0004, 3), "0.000");
  EXPECT_EQ(detail::fixed_text(-0.0005001, 3), "-0.001");
  EXPECT_EQ(detail::fixed_text(-2.5, 1), "-2.5");
}

TEST(Text, TerminalTextShowsControlCharactersInsteadOfObeyingThem) {
  EXPECT_EQ(detail::terminal_safe("a\x1b[31mred\x07"), "a\\x1B[31mred\\x07");
  EXPECT_EQ(detail::terminal_safe("x\xC2\x9B"
                                  "31m"),
            "x\\u009B31m");  // C1 CSI
  EXPECT_EQ(detail::terminal_safe("line\nbreak"), "line\\x0Abreak");
  EXPECT_EQ(detail::terminal_safe("line\nbreak", true), "line\nbreak");
  EXPECT_EQ(detail::terminal_safe("caf\xC3\xA9 \x7F"), "caf\xC3\xA9 \\x7F");
}

TEST(Text, MarkdownTextCannotMakeHtmlLinksOrHeadings) {
  EXPECT_EQ(detail::markdown_text("<script>&"), "&lt;script&gt;&amp;");
  EXPECT_EQ(detail::markdown_text("[x](javascript:alert(1))"), "\\[x\\]\\(javascript\\:alert\\(1\\)\\)");
  EXPECT_EQ(detail::markdown_text("www.x.org"), "www\\.x.org");
  EXPECT_EQ(detail::markdown_text("a\n# b"), "a\\\\x0A\\# b");
  EXPECT_EQ(detail::markdown_text("*a* _b_ `c` |d| ~e~ !f @g"), "\\*a\\* \\_b\\_ \\`c\\` \\|d\\| \\~e\\~ \\!f \\@g");
  EXPECT_EQ(detail::markdown_text("Mingo County, W. Va. -0.25"), "Mingo County, W. Va. -0.25");
}

TEST(Sheets, ExcelDateSerialsAsExcelShowsThem) {
  // Serials as Excel's DATEVALUE gives them (1900 system), and the 1904 system's day 0.
  EXPECT_EQ(detail::excel_date(1, false), "1900-01-01");
  EXPECT_EQ(detail::excel_date(59, false), "1900-02-28");
  EXPECT_EQ(detail::excel_date(60, false), "1900-02-29");  // Excel's day that never was
  EXPECT_EQ(detail::excel_date(61, false), "1900-03-01");
  EXPECT_EQ(detail::excel_date(43831, false), "2020-01-01");
  EXPECT_EQ(detail::excel_date(45000.99, false), "2023-03-15");
  EXPECT_EQ(detail::excel_date(2958465, false), "9999-12-31");
  EXPECT_EQ(detail::excel_date(0, true), "1904-01-01");
  EXPECT_EQ(detail::excel_date(42369, true), "2020-01-01");  // 43831 - 1462
  EXPECT_EQ(detail::excel_date(0.5, false), "");
  EXPECT_EQ(detail::excel_date(2958466, false), "");
  EXPECT_EQ(detail::excel_date(std::nan(""), false), "");
}

TEST(Sheets, CsvSeparatorBlankRowsAndCommonHeaders) {
  const SheetTable semicolons =
      read_csv_sheet("\xEF\xBB\xBFName;Sector;Phone\n\"A, Inc\";health-care;1\n;;\n", "m.csv");
  ASSERT_EQ(semicolons.rows.size(), 3U);
  EXPECT_EQ(semicolons.rows[1].cells, (std::vector<std::string>{"A, Inc", "health-care", "1"}));
  const SheetTable commas = read_csv_sheet("Name,Sector\nA;B,health-care\n", "m.csv");
  EXPECT_EQ(commas.rows[1].cells, (std::vector<std::string>{"A;B", "health-care"}));
  const SheetTable tabs = read_csv_sheet("Name\tSector\nA\thealth-care\n", "m.csv");
  EXPECT_EQ(tabs.rows[1].cells, (std::vector<std::string>{"A", "health-care"}));

  ImportOptions options;
  options.name = "S";
  const SheetTable members{"m.csv",
                           {{1, {"", "", ""}},
                            {2, {"Partner Name", "Organization Type", "Joined"}},
                            {3, {"Clinic", "Health care", "2021"}},
                            {4, {" ", "", ""}},
                            {5, {"School", "schools", ""}}}};
  const SheetTable ties{"t.csv", {{1, {"Partner A", "Partner B", "Level"}}, {2, {"Clinic", "School", "3"}}}};
  const Coalition c = parse_coalition(imported_yaml(import_sheets(members, &ties, options)), "s.yaml");
  ASSERT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.members[0].sector, "health-care");  // by the sector's name
  EXPECT_EQ(c.members[1].sector, "education");    // by an alias
  EXPECT_EQ(c.members[0].attributes, (std::vector<std::pair<std::string, std::string>>{{"Joined", "2021"}}));
  EXPECT_TRUE(c.members[1].attributes.empty());
  ASSERT_EQ(c.ties.size(), 1U);
  EXPECT_EQ(c.ties[0].level, TieLevel::cooperating);

  // Amounts written as money.
  const SheetTable money{"m.csv",
                         {{1, {"Name", "Sector", "Budget"}},
                          {2, {"A", "housing", "$1,500.50"}},
                          {3, {"B", "housing", "\xE2\x82\xAC 12,000"}},
                          {4, {"C", "housing", "700"}}}};
  const Coalition paid = parse_coalition(imported_yaml(import_sheets(money, nullptr, options)), "p.yaml");
  EXPECT_EQ(paid.members[0].funding, 1500.5);
  EXPECT_EQ(paid.members[1].funding, 12000.0);
  EXPECT_EQ(paid.members[2].funding, 700.0);
  for (const char* wrong : {"1,50", "$,100", "12,0000", "-$5", "$"}) {
    const SheetTable one{"m.csv", {{1, {"Name", "Sector", "Budget"}}, {2, {"A", "housing", wrong}}}};
    EXPECT_THROW(import_sheets(one, nullptr, options), InputError) << wrong;
  }

  const SheetTable bad{"book.xlsx:Members", {{1, {"Name", "Sector"}}, {7, {"Moon", "space"}}}};
  try {
    import_sheets(bad, nullptr, options);
    FAIL() << "a row with an unknown sector must be refused";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(
        e.diagnostics()[0].str(),
        "book.xlsx:Members:7:1: error: sector 'space' (row 7) is not in the cross-sector taxonomy; map it in a Sectors "
        "sheet (Value, Sector) or with --sector-map FILE.csv");
  }
  options.columns = {{"Name", "nonsense"}};
  EXPECT_THROW(import_sheets(bad, nullptr, options), UsageError);
}

TEST(Sheets, AttributesRoundTripThroughYamlGraphmlAndKumu) {
  const Coalition c = parse_coalition(
      "coalition: {name: A}\nmembers:\n"
      "  - {id: a, sector: health-care, attributes: {Contact: \"x, y\", \"yes\": \"null\", Label: \"=1\", n: 3}}\n"
      "  - {id: b, sector: education}\n",
      "a.yaml");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Contact", "x, y"}, {"yes", "null"}, {"Label", "=1"}, {"n", "3"}};
  ASSERT_EQ(c.members[0].attributes, expected);
  EXPECT_EQ(parse_coalition(coalition_yaml(c), "b.yaml").members[0].attributes, expected);
  EXPECT_EQ(parse_coalition(imported_yaml(import_graphml(export_graphml(c), "a.graphml", {})), "c.yaml")
                .members[0]
                .attributes,
            expected);
  const KumuSheets k = export_kumu(c);
  ImportOptions options;
  options.name = "A";
  EXPECT_EQ(parse_coalition(imported_yaml(import_kumu(k.elements, "e.csv", k.connections, "c.csv", options)), "d.yaml")
                .members[0]
                .attributes,
            expected);
  EXPECT_THROW(
      parse_coalition("coalition: {name: A}\nmembers:\n  - {id: a, sector: health-care, attributes: [x]}\n", "e.yaml"),
      InputError);
  EXPECT_THROW(parse_coalition("coalition: {name: A}\nmembers:\n  - {id: a, sector: health-care, attributes: "
                               "{k: 1, k: 2}}\n",
                               "e.yaml"),
               InputError);
}

TEST(Sheets, TieAttributesRoundTripThroughYamlGraphmlAndKumu) {
  const Coalition c = parse_coalition(
      "coalition: {name: A}\nmembers:\n  - {id: a, sector: health-care}\n  - {id: b, sector: education}\n"
      "  - {id: c, sector: housing}\nties:\n"
      "  - {between: [a, b], attributes: {Frequency: monthly, Type: MOU, \"To\": \"=1\", n: 3}}\n"
      "  - {from: c, to: a, level: 2, attributes: {Since: \"2019\"}}\n  - [b, c]\n",
      "a.yaml");
  const std::vector<std::pair<std::string, std::string>> first = {
      {"Frequency", "monthly"}, {"Type", "MOU"}, {"To", "=1"}, {"n", "3"}};
  const std::vector<std::pair<std::string, std::string>> second = {{"Since", "2019"}};
  ASSERT_EQ(c.ties.size(), 3U);
  ASSERT_EQ(c.ties[0].attributes, first);
  ASSERT_EQ(c.ties[1].attributes, second);
  EXPECT_TRUE(c.ties[2].attributes.empty());
  expect_same(c, parse_coalition(coalition_yaml(c), "b.yaml"), "yaml");
  expect_same(c, parse_coalition(imported_yaml(import_graphml(export_graphml(c), "a.graphml", {})), "c.yaml"),
              "graphml");
  // Kumu: a sheet has one column order, so each tie gets the sheet's order and no empty values.
  const KumuSheets k = export_kumu(c);
  EXPECT_NE(k.connections.find(",ID,Frequency,attribute: Type,attribute: To,n,Since\n"), std::string::npos)
      << k.connections;
  ImportOptions options;
  options.name = "A";
  const Coalition d =
      parse_coalition(imported_yaml(import_kumu(k.elements, "e.csv", k.connections, "c.csv", options)), "d.yaml");
  ASSERT_EQ(d.ties.size(), 3U);
  EXPECT_EQ(d.ties[0].attributes, first);
  EXPECT_EQ(d.ties[1].attributes, second);
  EXPECT_TRUE(d.ties[2].attributes.empty());
}

TEST(Sheets, TieAttributesThatAreNotAMapOrRepeatANameAreErrorsAtTheirPlace) {
  const std::string head =
      "coalition: {name: A}\nmembers:\n  - {id: a, sector: health-care}\n  - {id: b, sector: education}\nties:\n";
  auto message = [&](const std::string& tie) {
    try {
      parse_coalition(head + tie, "t.yaml");
    } catch (const InputError& e) {
      return e.diagnostics().at(0).str();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("  - {between: [a, b], attributes: [monthly]}\n"),
            "t.yaml:6:35: error: 'attributes' must be a map of names to values");
  EXPECT_EQ(message("  - {between: [a, b], attributes: {k: 1, k: 2}}\n"),
            "t.yaml:6:42: error: attribute 'k' is given twice");
  EXPECT_EQ(message("  - {between: [a, b], attribute: {k: 1}}\n"),
            "t.yaml:6:23: error: unknown key 'attribute' in a tie; did you mean 'attributes'?");
}

TEST(Sheets, KumuRoundTripKeepsEveryAttributeWhenMembersListThemInDifferentOrders) {
  // Found by fuzzing: a Type kept as an attribute comes first for one member, while the other
  // attributes come first for another. A sheet has one column order, so the round trip keeps
  // every name and value and gives each member the sheet's order.
  const Coalition c = parse_coalition(
      "coalition: {name: A}\nmembers:\n"
      "  - {id: clinic, sector: health-care, attributes: {\"Communit{ Led\": \"false\", Ward: \"3\"}}\n"
      "  - {id: church, sector: faith-based, attributes: {Type: \"Faith-based orgnizations\", Ward: \"5\", "
      "\"Communit{ Led\": \"true\"}}\n",
      "a.yaml");
  const KumuSheets k = export_kumu(c);
  EXPECT_NE(k.elements.find(",Communit{ Led,Ward,attribute: Type\n"), std::string::npos) << k.elements;
  ImportOptions options;
  options.name = "A";
  const Coalition d =
      parse_coalition(imported_yaml(import_kumu(k.elements, "e.csv", k.connections, "c.csv", options)), "d.yaml");
  ASSERT_EQ(d.members.size(), 2U);
  const std::vector<std::pair<std::string, std::string>> clinic = {{"Communit{ Led", "false"}, {"Ward", "3"}};
  const std::vector<std::pair<std::string, std::string>> church = {
      {"Communit{ Led", "true"}, {"Ward", "5"}, {"Type", "Faith-based orgnizations"}};
  EXPECT_EQ(d.members[0].attributes, clinic);
  EXPECT_EQ(d.members[1].attributes, church);
}

TEST(Exchange, YamlAndGraphmlExportsKeepWaiversAndDeclaredSectorsMapsTo) {
  const Coalition c = parse_coalition(
      "coalition: {name: A, waive: {tribal: \"no tribal lands in the county\"}}\n"
      "sectors:\n  - {id: promotoras, name: Promotoras, priority: recommended, maps_to: [community-based, residents]}\n"
      "members:\n  - {id: a, sector: health-care}\n  - {id: b, sector: promotoras}\nties:\n  - [a, b]\n",
      "a.yaml");
  ASSERT_EQ(c.waivers.size(), 1U);
  ASSERT_EQ(c.extra_sectors.size(), 1U);
  const std::vector<std::string> maps_to = {"community-based", "residents"};
  ASSERT_EQ(c.extra_sectors[0].maps_to, maps_to);
  const std::string yaml = coalition_yaml(c);
  EXPECT_NE(yaml.find("waive:"), std::string::npos) << yaml;
  for (const Coalition& d :
       {parse_coalition(yaml, "b.yaml"),
        parse_coalition(imported_yaml(import_graphml(export_graphml(c), "a.graphml", {})), "c.yaml")}) {
    ASSERT_EQ(d.waivers.size(), 1U);
    EXPECT_EQ(d.waivers[0].sector, "tribal");
    EXPECT_EQ(d.waivers[0].reason, "no tribal lands in the county");
    ASSERT_EQ(d.extra_sectors.size(), 1U);
    EXPECT_EQ(d.extra_sectors[0].maps_to, maps_to);
  }
  std::string bad = export_graphml(c);
  const auto at = bad.find("{&quot;sector&quot;:&quot;tribal&quot;");
  ASSERT_NE(at, std::string::npos) << bad;
  bad.replace(at, 1, "[");
  EXPECT_THROW(import_graphml(bad, "bad.graphml", {}), InputError);
}

TEST(Exchange, GraphmlProblemsInsideDataPointAtTheDataAndEdgesOfARefusedNodeSaySo) {
  const std::string xml = "<graphml>" + kKeys +
                          "<key id=\"c\" for=\"node\" attr.name=\"contacts\"/>\n<graph>\n"
                          "  <node id=\"a\"><data key=\"s\">housing</data><data key=\"c\">"
                          "[{\"id\": \"x1\"}, {\"id\": \"x1\"}]</data></node>\n"
                          "  <node id=\"b\"><data key=\"s\">education</data></node>\n"
                          "  <edge source=\"a\" target=\"b\"/>\n</graph></graphml>";
  const auto problems = graphml_problems(xml, named("G"));
  ASSERT_EQ(problems.size(), 2U);
  // The duplicate is inside the contacts data (line 3, column 44), and "first defined" names
  // a line of the user's .graphml, not of a generated file.
  EXPECT_EQ(problems[0],
            "g.graphml:3:44: error: node 'a': duplicate contact id 'x1' (first defined at line 3); contact ids are "
            "unique in the file");
  EXPECT_EQ(problems[1], "g.graphml:5:3: error: edge a -> b: left out with node 'a', whose data has a problem (above)");
}

TEST(Exchange, GraphmlDuplicateEdgeNamesTheLineOfTheFirst) {
  const std::string xml = "<graphml>" + kKeys +
                          "\n<graph>\n"
                          "  <node id=\"a\"><data key=\"s\">housing</data></node>\n"
                          "  <node id=\"b\"><data key=\"s\">education</data></node>\n"
                          "  <edge source=\"a\" target=\"b\"/>\n"
                          "  <edge source=\"a\" target=\"b\"/>\n</graph></graphml>";
  const auto problems = graphml_problems(xml, named("G"));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_TRUE(problems[0].starts_with("g.graphml:6:3: error: edge a -> b: 'a' and 'b' are already tied at line 5"))
      << problems[0];
}

TEST(Exchange, ConnectionsOfARefusedElementSayWhyTheyAreLeftOut) {
  ImportOptions options;
  options.name = "K";
  const auto problems = problems_of([&] {
    import_kumu("Label,Sector,Funding\nHub,health-care,lots\nSchool,schools,\n", "e.csv",
                "From,To\nhub,school\nschool,ghost\n", "c.csv", options);
  });
  EXPECT_EQ(problems, (std::vector<std::string>{"e.csv:2:1: error: funding 'lots' is not a number of at least 0",
                                                "c.csv:2:1: error: left out with element 'hub', refused at e.csv:2",
                                                "c.csv:3:1: error: 1 name matches no member: 'ghost' (row 3)"}));
}

TEST(Exchange, GraphmlEdgesOfANodeWithoutASectorAreLeftOutWithIt) {
  const std::string xml = "<graphml>" + kKeys +
                          "\n<graph>\n"
                          "  <node id=\"a\"/>\n"
                          "  <node id=\"b\"><data key=\"s\">education</data></node>\n"
                          "  <edge source=\"a\" target=\"b\"/>\n</graph></graphml>";
  EXPECT_EQ(graphml_problems(xml, named("G")),
            (std::vector<std::string>{
                "g.graphml:3:3: error: node 'a' has no sector data",
                "g.graphml:5:3: error: edge a -> b: left out with node 'a', whose data has a problem (above)"}));
}

TEST(Open, RosterBytesGiveACoalitionWithTheRowEachElementCameFrom) {
  const std::string csv =
      "Partner roster\nOrganization,Sector,Partners with,Email,Home Address\n"
      "Mercy Hospital,hospital,\"the food bank\",a@mercy.example,1 Elm St\n"
      "The Food Bank,Food bank,MERCY  hospital\n";
  const Opened o = open_coalition_bytes(csv, "r.csv");
  const Coalition& c = o.coalition;
  ASSERT_EQ(c.members.size(), 2U);
  EXPECT_EQ(c.members[0].id, "mercy-hospital");
  EXPECT_EQ(c.members[0].sector, "health-care");
  EXPECT_EQ(c.members[1].sector, "social-services");  // "Food bank" is an example of social services
  ASSERT_EQ(c.ties.size(), 1U);                       // named from both sides: one tie
  EXPECT_EQ(c.ties[0].level, TieLevel::networking);
  EXPECT_EQ(c.members[0].pos.line, 3);
  ASSERT_GE(o.origins.size(), 3U);
  EXPECT_EQ(o.origins[1].where, "r.csv");
  EXPECT_EQ(o.origins[1].row, 4);
  EXPECT_EQ(o.origins[1].what, "element 'the-food-bank'");
  ASSERT_EQ(c.members[0].contacts.size(), 1U);
  EXPECT_EQ(c.members[0].contacts[0].id, "mercy-hospital-contact-1");
  EXPECT_EQ(c.members[0].contacts[0].email, "a@mercy.example");
  EXPECT_EQ(o.summary, "r.csv: 2 members, 1 tie (1 from 'Partners with'), 2 notes");
  EXPECT_EQ(c.member_index("the-food-bank"), 1U);
  EXPECT_TRUE(validate(c).empty());

  const Coalition shared = shareable_coalition(c, PeopleShown::roles);
  EXPECT_TRUE(shared.members[0].contacts[0].email.empty());
  EXPECT_TRUE(shared.members[0].attributes.empty());  // "Home Address" is personal
  EXPECT_EQ(shareable_coalition(c, PeopleShown::names).members[0].attributes.size(), 1U);
  EXPECT_TRUE(personal_attribute("E-mail"));
  EXPECT_TRUE(personal_attribute("Mobile phone"));
  EXPECT_FALSE(personal_attribute("Joined"));

  const Opened yaml = open_coalition_bytes("coalition: {name: X}\nmembers: [{id: a, sector: housing}]\n", "x.yaml");
  EXPECT_EQ(yaml.coalition.members.size(), 1U);
  EXPECT_TRUE(yaml.summary.empty());
  EXPECT_EQ(source_kind("A.XLSX"), SourceKind::sheet);
  EXPECT_EQ(source_kind("net.graphml"), SourceKind::graphml);
  EXPECT_EQ(source_kind("c.yml"), SourceKind::coalition);

  const auto problems = problems_of([] { open_coalition_bytes("Name,Sector\nA,hospital\nB,moon base\n", "m.csv"); });
  EXPECT_EQ(problems, (std::vector<std::string>{"m.csv:3:1: error: sector 'moon base' (row 3) is not in the "
                                                "cross-sector taxonomy; map it in a Sectors sheet (Value, Sector) or "
                                                "with --sector-map FILE.csv"}));
}
