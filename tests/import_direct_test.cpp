// GraphML and survey imports return the Coalition itself, as the loader would return it
// (indexed, survey ties made), with each element's origin in the user's file. Lines and rows
// are counted by hand in the inputs below (each input line is numbered in a comment).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "xsector/exchange.hpp"
#include "xsector/open.hpp"

using namespace xsector;

namespace {

// Line numbers of kGraphml, counted by hand: nodes on 7, 8 and 10, edges on 11 and 12.
const std::string kGraphml =
    "<?xml version=\"1.0\"?>\n"                                                                             // 1
    "<graphml>\n"                                                                                           // 2
    "  <key id=\"s\" for=\"node\" attr.name=\"sector\"/>\n"                                                 // 3
    "  <key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"                                                   // 4
    "  <key id=\"l\" for=\"edge\" attr.name=\"level\"/>\n"                                                  // 5
    "  <graph edgedefault=\"undirected\">\n"                                                                // 6
    "    <node id=\"clinic\"><data key=\"s\">health-care</data><data key=\"n\">The Clinic</data></node>\n"  // 7
    "    <node id=\"School A\"><data key=\"s\">education</data></node>\n"                                   // 8
    "\n"                                                                                                    // 9
    "    <node id=\"pantry\"><data key=\"s\">community-based</data></node>\n"                               // 10
    "    <edge source=\"clinic\" target=\"School A\"><data key=\"l\">3</data></edge>\n"                     // 11
    "    <edge source=\"pantry\" target=\"clinic\" directed=\"true\"/>\n"                                   // 12
    "  </graph>\n"                                                                                          // 13
    "</graphml>\n";                                                                                         // 14

std::vector<std::string> problems_of(const std::function<void()>& f) {
  std::vector<std::string> out;
  try {
    f();
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.str());
  }
  return out;
}

/// kGraphml with `line` (1-based) replaced by `text`.
std::string with_line(int line, const std::string& text) {
  std::string out;
  int at = 1;
  std::size_t start = 0;
  while (start < kGraphml.size()) {
    const std::size_t end = kGraphml.find('\n', start);
    out += at == line ? text : kGraphml.substr(start, end - start);
    out += '\n';
    start = end + 1;
    ++at;
  }
  return out;
}

}  // namespace

TEST(ImportDirect, GraphmlGivesMembersTiesAndTheirLines) {
  const Opened o = open_coalition_bytes(kGraphml, "net.graphml");
  const Coalition& c = o.coalition;
  EXPECT_EQ(c.file, "net.graphml");
  EXPECT_EQ(c.name, "net");
  ASSERT_EQ(c.members.size(), 3U);
  EXPECT_EQ(c.members[0].id, "clinic");
  EXPECT_EQ(c.members[0].name, "The Clinic");
  EXPECT_EQ(c.members[1].id, "school-a");  // made into an id
  EXPECT_EQ(c.members[1].name, "School A");
  EXPECT_EQ(c.members[2].sector, "community-based");
  EXPECT_EQ(c.member_ids.size(), 3U);  // indexed, as the loader leaves it
  EXPECT_EQ(c.member_ids.at("pantry"), 2U);
  ASSERT_EQ(c.ties.size(), 2U);
  EXPECT_EQ(c.ties[0].a, 0U);
  EXPECT_EQ(c.ties[0].b, 1U);
  EXPECT_FALSE(c.ties[0].directed);
  EXPECT_EQ(c.ties[0].level, TieLevel::cooperating);
  EXPECT_EQ(c.ties[1].a, 2U);
  EXPECT_EQ(c.ties[1].b, 0U);
  EXPECT_TRUE(c.ties[1].directed);
  EXPECT_EQ(c.ties[1].level, TieLevel::networking);
  // Each element's pos is its line in the GraphML file, column 1.
  EXPECT_EQ(c.members[0].pos.line, 7);
  EXPECT_EQ(c.members[1].pos.line, 8);
  EXPECT_EQ(c.members[2].pos.line, 10);
  EXPECT_EQ(c.members[2].pos.column, 1);
  EXPECT_EQ(c.ties[0].pos.line, 11);
  EXPECT_EQ(c.ties[1].pos.line, 12);
  // The origins: members then ties, named as messages name them.
  ASSERT_EQ(o.origins.size(), 5U);
  const std::vector<std::pair<std::string, int>> expected = {{"node 'clinic'", 7},
                                                             {"node 'School A'", 8},
                                                             {"node 'pantry'", 10},
                                                             {"edge clinic -> School A", 11},
                                                             {"edge pantry -> clinic", 12}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(o.origins[k].what, expected[k].first) << k;
    EXPECT_EQ(o.origins[k].row, expected[k].second) << k;
    EXPECT_EQ(o.origins[k].where, "net.graphml") << k;
  }
  EXPECT_EQ(o.summary, "net.graphml: 3 members, 2 ties, 0 notes");
}

TEST(ImportDirect, GraphmlElementErrorsNameTheGraphmlLine) {
  // Line 12 ties the pair of line 11 a second time: the loader's tie check, told at line 12.
  const auto twice = problems_of(
      [] { open_coalition_bytes(with_line(12, "    <edge source=\"School A\" target=\"clinic\"/>"), "net.graphml"); });
  ASSERT_EQ(twice.size(), 1U);
  EXPECT_TRUE(twice[0].starts_with("net.graphml:12:5: error: edge School A -> clinic: ")) << twice[0];
  EXPECT_EQ(twice[0].find("<imported>"), std::string::npos) << twice[0];
  // A name the loader would refuse (a control character), found by the check of the built
  // coalition, is told at its node's line and column.
  const auto name = problems_of([] {
    open_coalition_bytes(with_line(10,
                                   "    <node id=\"pantry\"><data key=\"s\">community-based</data>"
                                   "<data key=\"n\">Pan&#x7f;try</data></node>"),
                         "net.graphml");
  });
  ASSERT_EQ(name.size(), 1U);
  EXPECT_TRUE(name[0].starts_with("net.graphml:10:5: error: node 'pantry': member name: ")) << name[0];
}

TEST(ImportDirect, GraphmlSurveyMakesItsTies) {
  // A survey in graph data: the hub and the school name each other (confirmed, the lower
  // level: cooperating), the pantry names the hub (one-sided, networking); the tie rule is
  // `any`, so both pairs become ties, made as the loader makes them.
  const std::string survey =
      "{&quot;respondents&quot;:[&quot;clinic&quot;,&quot;school-a&quot;,&quot;pantry&quot;],"
      "&quot;responses&quot;:[{&quot;by&quot;:&quot;clinic&quot;,&quot;about&quot;:&quot;school-a&quot;,"
      "&quot;level&quot;:&quot;collaborating&quot;},{&quot;by&quot;:&quot;school-a&quot;,&quot;about&quot;:"
      "&quot;clinic&quot;,&quot;level&quot;:&quot;cooperating&quot;},{&quot;by&quot;:&quot;pantry&quot;,"
      "&quot;about&quot;:&quot;clinic&quot;}]}";
  std::string xml = with_line(5,
                              "  <key id=\"l\" for=\"edge\" attr.name=\"level\"/><key id=\"v\" for=\"graph\" "
                              "attr.name=\"survey\"/>");
  xml = xml.replace(xml.find("<node id=\"clinic\""), 0, "<data key=\"v\">[" + survey + "]</data>");
  xml.erase(xml.find("    <edge"), xml.find("  </graph>") - xml.find("    <edge"));  // no written ties
  const Opened o = open_coalition_bytes(xml, "net.graphml");
  const Coalition& c = o.coalition;
  ASSERT_TRUE(c.survey);
  EXPECT_EQ(c.survey->responses.size(), 3U);
  ASSERT_EQ(c.ties.size(), 2U);
  EXPECT_TRUE(c.ties[0].from_survey);
  EXPECT_EQ(c.members[c.ties[0].a].id, "clinic");
  EXPECT_EQ(c.members[c.ties[0].b].id, "school-a");
  EXPECT_EQ(c.ties[0].level, TieLevel::cooperating);
  EXPECT_TRUE(c.ties[1].from_survey);
  EXPECT_EQ(c.ties[1].level, TieLevel::networking);
  // The responses come from the survey data on line 7; written out, the survey's ties are left
  // to the loader.
  EXPECT_EQ(c.survey->responses[2].pos.line, 7);
  ImportOptions named;
  named.name = "net";
  EXPECT_EQ(imported_yaml(import_graphml(xml, "net.graphml", named)).find("from_survey"), std::string::npos);
}

TEST(ImportDirect, SurveyGivesResponsesTheirRows) {
  const std::string members =
      "ID,Label,Sector\n"                                 // 1
      "hub,The Hub,health-care\n"                         // 2
      "school,Lincoln School,education\n"                 // 3
      "pantry,St. Mary's Food Pantry,community-based\n";  // 4
  const std::string responses =
      "Respondent,Partner,Level,Reliability\n"          // 1
      "The Hub,Lincoln School,collaborating,4\n"        // 2
      "\n"                                              // 3 (blank)
      "school,hub,cooperating,3\n"                      // 4
      "St. Mary's Food Pantry,The Hub,networking,2\n";  // 5
  ImportOptions options;
  options.name = "S";
  const Imported i = import_survey(responses, "responses.csv", members, "members.csv", options);
  const Coalition& c = i.coalition;
  ASSERT_EQ(c.members.size(), 3U);
  EXPECT_EQ(c.member_ids.at("school"), 1U);
  ASSERT_TRUE(c.survey);
  ASSERT_EQ(c.survey->responses.size(), 3U);
  EXPECT_EQ(c.survey->respondents, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(c.survey->responses[1].by, 1U);
  EXPECT_EQ(c.survey->responses[1].about, 0U);
  EXPECT_EQ(c.survey->responses[0].trust[0], 4);
  // Survey ties, as the loader makes them: hub-school confirmed at the lower level, pantry-hub
  // one-sided.
  ASSERT_EQ(c.ties.size(), 2U);
  EXPECT_TRUE(c.ties[0].from_survey);
  EXPECT_EQ(c.ties[0].level, TieLevel::cooperating);
  EXPECT_EQ(c.ties[1].level, TieLevel::networking);
  // Origins: the members' rows in members.csv, then each response's row in responses.csv.
  const std::vector<ElementOrigin> expected = {{"element 'hub'", "members.csv", 2},
                                               {"element 'school'", "members.csv", 3},
                                               {"element 'pantry'", "members.csv", 4},
                                               {"the answer by 'hub' about 'school'", "responses.csv", 2},
                                               {"the answer by 'school' about 'hub'", "responses.csv", 4},
                                               {"the answer by 'pantry' about 'hub'", "responses.csv", 5}};
  ASSERT_EQ(i.origins.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(i.origins[k].what, expected[k].what) << k;
    EXPECT_EQ(i.origins[k].where, expected[k].where) << k;
    EXPECT_EQ(i.origins[k].row, expected[k].row) << k;
  }
  EXPECT_EQ(c.survey->responses[2].pos.line, 5);
  EXPECT_TRUE(i.comment.empty());
  // The file written is the coalition, survey included, and loads back as the same survey.
  const Coalition back = parse_coalition(imported_yaml(i), "s.yaml");
  ASSERT_TRUE(back.survey);
  EXPECT_EQ(back.survey->responses.size(), 3U);
  EXPECT_EQ(back.ties.size(), 2U);
}

TEST(ImportDirect, SurveyFromACoalitionFileKeepsItsLines) {
  // Members from a coalition file: their origins are its lines (hub on 4, school on 5).
  const std::string yaml =
      "coalition: {name: Y}\n"                 // 1
      "members:\n"                             // 2
      "  # the two partners\n"                 // 3
      "  - {id: hub, sector: health-care}\n"   // 4
      "  - {id: school, sector: education}\n"  // 5
      "ties:\n"                                // 6
      "  - [hub, school]\n";                   // 7
  const std::string responses = "Respondent,Partner,Level\nhub,school,coordinating\n";
  const Imported i = import_survey(responses, "r.csv", yaml, "m.yaml", {});
  ASSERT_EQ(i.origins.size(), 4U);
  EXPECT_EQ(i.origins[0].what, "member 'hub'");
  EXPECT_EQ(i.origins[0].where, "m.yaml");
  EXPECT_EQ(i.origins[0].row, 4);
  EXPECT_EQ(i.origins[1].row, 5);
  EXPECT_EQ(i.origins[2].what, "tie hub -- school");
  EXPECT_EQ(i.origins[2].row, 7);
  EXPECT_EQ(i.origins[3].what, "the answer by 'hub' about 'school'");
  EXPECT_EQ(i.origins[3].where, "r.csv");
  EXPECT_EQ(i.origins[3].row, 2);
  // The written tie covers the pair, so the survey adds none.
  EXPECT_EQ(i.coalition.ties.size(), 1U);
  EXPECT_FALSE(i.coalition.ties[0].from_survey);
}
