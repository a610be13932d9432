#include "xsector/render.hpp"

#include <gtest/gtest.h>

#include "test_graphs.hpp"
#include "xsector/error.hpp"

using namespace xsector;

namespace {

Coalition file(const std::string& relative) {
  return load_coalition_file(std::string(XSECTOR_SOURCE_DIR) + "/" + relative);
}

/// The attribute list DOT gives node or edge `head` (e.g. `whwc` or `mcda -- market`).
std::string attributes(const std::string& dot, const std::string& head) {
  const auto at = dot.find("\t" + head + "\t[");
  if (at == std::string::npos) return {};
  return dot.substr(at, dot.find("];", at) - at);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Render, MembersViewMarksSectorsSeatsBackboneCutPointsAndGaps) {
  const Coalition c = file("networks/healthy-in-the-hills.yaml");
  const std::string dot = diagram_dot(c, analyze(c), {});
  const std::string whwc = attributes(dot, "whwc");
  ASSERT_FALSE(whwc.empty()) << dot;
  EXPECT_TRUE(has(whwc, "fillcolor=\"#56B4E9\"")) << whwc;  // health-care, second in the taxonomy: sky blue
  EXPECT_TRUE(has(whwc, "shape=hexagon")) << whwc;           // articulation point
  EXPECT_TRUE(has(whwc, "peripheries=2")) << whwc;           // backbone
  EXPECT_TRUE(has(whwc, "penwidth=3")) << whwc;              // seat holder
  EXPECT_TRUE(has(whwc, "label=\"Williamson Health and Wellness Center\"")) << whwc;
  const std::string schools = attributes(dot, "\"mingo-schools\"");
  EXPECT_TRUE(has(schools, "shape=ellipse")) << schools;
  EXPECT_FALSE(has(schools, "peripheries")) << schools;
  for (const auto& m : c.members) EXPECT_TRUE(has(dot, "label=\"" + m.name + "\"")) << m.name;
  // Ghosts for the missing core and recommended sectors, none for optional ones.
  EXPECT_TRUE(has(attributes(dot, "\"missing:housing\""), "style=\"dashed,rounded\""));
  EXPECT_TRUE(has(dot, "\"missing:justice\""));
  EXPECT_FALSE(has(dot, "\"missing:tribal\""));
  // mcda -> market is a directed cooperating tie; businesses -- mcda a networking one.
  const std::string directed = attributes(dot, "mcda -- market");
  EXPECT_TRUE(has(directed, "dir=forward")) << directed;
  EXPECT_TRUE(has(directed, "penwidth=3")) << directed;
  EXPECT_TRUE(has(attributes(dot, "businesses -- mcda"), "style=dashed"));
  EXPECT_TRUE(has(attributes(dot, "whwc -- \"wvu-ext\""), "penwidth=4.5"));
  const std::string legend = attributes(dot, "legend");
  EXPECT_TRUE(has(legend, "label=<<TABLE")) << legend;
  EXPECT_TRUE(has(legend, "Sports and recreation"));
}

TEST(Render, SectorsViewWeighsTiesAndMarksCutOffAndMissingSectors) {
  const Coalition c = file("tests/data/gaps/gaps.yaml");
  RenderOptions o;
  o.view = View::sectors;
  const std::string dot = diagram_dot(c, analyze(c), o);
  EXPECT_TRUE(has(attributes(dot, "health"), "label=\"Health\n2 members\""));  // a real line break
  const std::string youth = attributes(dot, "youth");
  EXPECT_TRUE(has(youth, "color=\"#D55E00\"")) << youth;  // cut off
  EXPECT_TRUE(has(attributes(dot, "health -- housing"), "label=1"));
  EXPECT_TRUE(has(attributes(dot, "\"missing:faith\""), "dashed"));
  EXPECT_TRUE(has(dot, "\"missing:transit\""));
  EXPECT_FALSE(has(dot, "\"missing:media\""));  // optional
}

TEST(Render, UserStringsAreDrawnLiterally) {
  const Coalition c = file("tests/data/escaping.yaml");
  const std::string dot = diagram_dot(c, analyze(c), {});
  // DOT quoting escapes the quotes; the backslash is doubled so \N is not expanded, and &
  // becomes &amp; so no entity is decoded.
  EXPECT_TRUE(has(attributes(dot, "tricky"), R"(label="<b>\"x\"</b> \\N &amp; co")")) << dot;
  EXPECT_TRUE(has(attributes(dot, "entity"), R"(label="A &amp;amp; B \\l \\n done")")) << dot;
  EXPECT_TRUE(has(attributes(dot, "legend"), R"(&lt;i&gt;Odd&lt;/i&gt; &amp; \\G sector)")) << dot;
}

TEST(Render, LayoutDefaultsBySizeAndRejectsUnknownOptions) {
  const Coalition small = file("networks/healthy-in-the-hills.yaml");
  EXPECT_EQ(layout_engine(small, {}), "neato");
  EXPECT_EQ(layout_engine(xsector::testing::coalition_of(151, {}), {}), "sfdp");
  RenderOptions circo;
  circo.layout = "circo";
  EXPECT_EQ(layout_engine(small, circo), "circo");
  RenderOptions bad;
  bad.layout = "spring";
  EXPECT_THROW(layout_engine(small, bad), UsageError);
  RenderOptions bad_size;
  bad_size.size_by = "height";
  EXPECT_THROW(layout_engine(small, bad_size), UsageError);
}

TEST(Render, EveryFormatComesOutOfGraphviz) {
  const Coalition c = file("networks/healthy-in-the-hills.yaml");
  const Analysis a = analyze(c);
  EXPECT_EQ(render_diagram(c, a, {}, "svg").rfind("<?xml", 0), 0U);
  EXPECT_EQ(render_diagram(c, a, {}, "png").substr(0, 4), "\x89PNG");
  EXPECT_EQ(render_diagram(c, a, {}, "pdf").substr(0, 4), "%PDF");
  EXPECT_TRUE(has(render_diagram(c, a, {}, "dot"), "pos=\""));
  EXPECT_THROW(render_diagram(c, a, {}, "gif"), UsageError);
}
