#include "xsector/render.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../src/common/text.hpp"
#include "test_graphs.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"

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

/// `dot` with line breaks as spaces: long names are drawn on several lines.
std::string flat(std::string dot) {
  std::replace(dot.begin(), dot.end(), '\n', ' ');
  return dot;
}

}  // namespace

TEST(Render, MembersViewMarksSectorsSeatsBackboneCutPointsAndGaps) {
  const Coalition c = file("networks/healthy-in-the-hills.yaml");
  const std::string dot = flat(diagram_dot(c, analyze(c), {}));
  const std::string whwc = attributes(dot, "whwc");
  ASSERT_FALSE(whwc.empty()) << dot;
  // The taxonomy and the file's sectors outnumber the palette, so the sectors at the table
  // share it out in taxonomy order: health-care comes first (no public health member).
  EXPECT_TRUE(has(whwc, "fillcolor=\"#E69F00\"")) << whwc;
  EXPECT_TRUE(has(whwc, "shape=hexagon")) << whwc;  // articulation point
  EXPECT_TRUE(has(whwc, "peripheries=2")) << whwc;  // backbone
  EXPECT_TRUE(has(whwc, "penwidth=3")) << whwc;     // seat holder
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
  const std::string legend = attributes(dot, "\"xsector:legend\"");
  EXPECT_TRUE(has(legend, "label=<<TABLE")) << legend;
  EXPECT_TRUE(has(legend, "size: number of partners (degree)")) << legend;  // what node size means
  EXPECT_TRUE(has(legend, "Sports and recreation"));
}

TEST(Render, SectorsViewWeighsTiesAndMarksCutOffAndMissingSectors) {
  const Coalition c = file("tests/data/gaps/gaps.yaml");
  RenderOptions o;
  o.view = View::sectors;
  const std::string dot = diagram_dot(c, analyze(c), o);
  EXPECT_TRUE(has(attributes(dot, "health"), "label=\"Health\n2 members\""));  // a real line break
  const std::string youth = attributes(dot, "youth");
  EXPECT_TRUE(has(youth, "peripheries=2")) << youth;  // cut off: a double outline, no sector's colour
  EXPECT_TRUE(has(attributes(dot, "health -- housing"), "label=1"));
  EXPECT_TRUE(has(attributes(dot, "\"missing:faith\""), "dashed"));
  EXPECT_TRUE(has(dot, "\"missing:transit\""));
  EXPECT_FALSE(has(dot, "\"missing:media\""));  // optional
}

TEST(Render, UserStringsAreDrawnLiterally) {
  const Coalition c = file("tests/data/escaping.yaml");
  const std::string dot = flat(diagram_dot(c, analyze(c), {}));
  // DOT quoting escapes the quotes; the backslash is doubled so \N is not expanded, and &
  // becomes &amp; so no entity is decoded.
  EXPECT_TRUE(has(attributes(dot, "tricky"), R"(label="<b>\"x\"</b> \\N &amp; co")")) << dot;
  EXPECT_TRUE(has(attributes(dot, "entity"), R"(label="A &amp;amp; B \\l \\n done")")) << dot;
  EXPECT_TRUE(has(attributes(dot, "\"xsector:legend\""), R"(&lt;i&gt;Odd&lt;/i&gt; &amp; \\G sector)")) << dot;
}

TEST(Render, LayoutDefaultsBySizeAndRejectsUnknownOptions) {
  const Coalition small = file("networks/healthy-in-the-hills.yaml");
  EXPECT_EQ(layout_engine(small, {}), "neato");
  EXPECT_EQ(layout_engine(xsector::testing::coalition_of(150, {}), {}), "neato");
  EXPECT_EQ(layout_engine(xsector::testing::coalition_of(151, {}), {}), "sfdp");
  RenderOptions circo;
  circo.layout = Layout::circo;
  EXPECT_EQ(layout_engine(small, circo), "circo");
  EXPECT_THROW(parse_layout("spring"), UsageError);
  EXPECT_THROW(parse_size_by("height"), UsageError);
  for (const char* name : {"neato", "fdp", "sfdp", "dot", "circo"}) EXPECT_EQ(to_string(parse_layout(name)), name);
  for (const char* name : {"degree", "betweenness", "eigenvector", "power", "trust"}) {
    EXPECT_EQ(to_string(parse_size_by(name)), name);
  }
}

TEST(Render, EveryFormatComesOutOfGraphviz) {
  const Coalition c = file("networks/healthy-in-the-hills.yaml");
  const Analysis a = analyze(c);
  EXPECT_EQ(render_diagram(c, a, {}, ImageFormat::svg).rfind("<?xml", 0), 0U);
  EXPECT_EQ(render_diagram(c, a, {}, ImageFormat::png).substr(0, 4), "\x89PNG");
  EXPECT_EQ(render_diagram(c, a, {}, ImageFormat::pdf).substr(0, 4), "%PDF");
  EXPECT_TRUE(has(render_diagram(c, a, {}, ImageFormat::dot), "pos=\""));
  EXPECT_THROW(parse_image_format("gif"), UsageError);
  for (const ImageFormat f : {ImageFormat::svg, ImageFormat::png, ImageFormat::pdf, ImageFormat::dot}) {
    EXPECT_EQ(parse_image_format(to_string(f)), f);
  }
}

TEST(Render, PlanBySizeKeepsEveryPathBounded) {
  using xsector::testing::coalition_of;
  const DiagramPlan small = plan_diagram(coalition_of(small_diagram_limit, {}), {});
  EXPECT_EQ(small.view, View::members);
  EXPECT_EQ(small.engine, "neato");
  EXPECT_TRUE(small.splines);
  EXPECT_TRUE(small.label_all);
  EXPECT_TRUE(small.note.empty());

  const Coalition limit = coalition_of(members_view_limit, {});
  const DiagramPlan large = plan_diagram(limit, {});
  EXPECT_EQ(large.view, View::members);
  EXPECT_EQ(large.engine, "sfdp");
  EXPECT_FALSE(large.splines);  // no spline router on thousands of nodes
  EXPECT_FALSE(large.label_all);
  EXPECT_TRUE(large.note.empty());

  // One member more: the sectors view, with a note; asking for members is refused (exit 2).
  const Coalition huge = coalition_of(members_view_limit + 1, {});
  const DiagramPlan fallback = plan_diagram(huge, {});
  EXPECT_EQ(fallback.view, View::sectors);
  EXPECT_NE(fallback.note.find("sectors view"), std::string::npos) << fallback.note;
  EXPECT_NE(fallback.note.find(std::to_string(members_view_limit + 1)), std::string::npos) << fallback.note;
  RenderOptions members;
  members.view = View::members;
  EXPECT_THROW(plan_diagram(huge, members), UsageError);
  RenderOptions forced;
  forced.layout = Layout::sfdp;
  EXPECT_THROW(plan_diagram(huge, forced), UsageError);
  RenderOptions sectors;
  sectors.view = View::sectors;
  const DiagramPlan asked = plan_diagram(huge, sectors);
  EXPECT_EQ(asked.view, View::sectors);
  EXPECT_TRUE(asked.note.empty());  // what was asked for

  // neato, fdp, dot and circo only up to slow_layout_limit; sfdp up to the members limit.
  const Coalition over_slow = coalition_of(slow_layout_limit + 1, {});
  for (const char* engine : {"neato", "fdp", "dot", "circo"}) {
    RenderOptions o;
    o.layout = parse_layout(engine);
    EXPECT_THROW(plan_diagram(over_slow, o), UsageError) << engine;
    EXPECT_EQ(plan_diagram(coalition_of(slow_layout_limit, {}), o).engine, engine);
  }
  EXPECT_EQ(plan_diagram(limit, forced).engine, "sfdp");

  EXPECT_EQ(plan_comparison(10).engine, "neato");
  EXPECT_EQ(plan_comparison(members_view_limit).engine, "sfdp");
  EXPECT_THROW(plan_comparison(members_view_limit + 1), UsageError);
}

TEST(Render, LargeDiagramDrawsDiscsAndLabelsOnlyTheLargest) {
  // A ring of 300 members with chords from m0 to every tenth member: m0 has the largest
  // degree, then the chord ends (degree 3), then everyone else (degree 2).
  std::vector<std::pair<int, int>> edges;
  for (int i = 0; i < 300; ++i) edges.emplace_back(i, (i + 1) % 300);
  for (int i = 10; i < 300; i += 10) edges.emplace_back(0, i);
  const Coalition c = xsector::testing::coalition_of(300, edges);
  const Analysis a = analyze(c);
  const std::string dot = diagram_dot(c, a, {});
  EXPECT_TRUE(has(dot, "splines=false")) << dot.substr(0, 400);
  EXPECT_TRUE(has(dot, "overlap=prism"));
  EXPECT_TRUE(has(dot, "size=\"40,40\""));
  EXPECT_TRUE(has(attributes(dot, "m0"), "label=m0")) << attributes(dot, "m0");  // largest
  EXPECT_TRUE(has(attributes(dot, "m290"), "label=m290"));                       // a chord end
  const std::string plain = attributes(dot, "m299");                             // degree 2, late in file order
  EXPECT_FALSE(has(plain, "label=m299")) << plain;  // an empty label (DOT may leave it out)
  EXPECT_TRUE(has(plain, "fixedsize=true")) << plain;
  EXPECT_TRUE(has(plain, "tooltip=m299")) << plain;
  std::size_t labelled = 0;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (has(attributes(dot, c.members[v].id), "label=" + c.members[v].id)) ++labelled;
  }
  EXPECT_EQ(labelled, labelled_members);
  const std::string svg = render_diagram(c, a, {}, ImageFormat::svg);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0U);
}

TEST(Render, DirectedPairsBothWaysAreOneEdgeWithTwoArrows) {
  const Coalition c = parse_coalition(R"(coalition: {name: test}
members:
  - {id: a, sector: housing}
  - {id: b, sector: housing}
  - {id: c, sector: housing}
ties:
  - {from: a, to: b, level: 2}
  - {from: b, to: a, level: 3}
  - {from: b, to: c}
)",
                                      "t.yaml");
  const std::string dot = diagram_dot(c, analyze(c), {});
  const std::string ab = attributes(dot, "a -- b");
  EXPECT_TRUE(has(ab, "dir=both")) << dot;
  EXPECT_TRUE(has(ab, "penwidth=3")) << ab;  // the higher level of the two
  EXPECT_FALSE(has(dot, "\tb -- a\t"));
  EXPECT_TRUE(has(attributes(dot, "b -- c"), "dir=forward"));
}

namespace {

/// A coalition with all 18 sectors of the cross-sector taxonomy at the table plus `declared` sectors
/// of its own, one member each, in a ring.
std::string many_sectors(std::size_t declared) {
  static const char* taxonomy[] = {
      "public-health", "health-care",    "behavioral-health", "social-services", "housing",         "education",
      "economic",      "transportation", "justice",           "faith-based",     "community-based", "residents",
      "government",    "tribal",         "philanthropy",      "environment",     "media",           "academic"};
  std::string sectors = "sectors:\n";
  std::string members = "members:\n";
  std::size_t n = 0;
  for (const char* s : taxonomy) {
    members += fmt::format("  - {{id: m{0}, name: M{0}, sector: {1}}}\n", n, s);
    ++n;
  }
  for (std::size_t k = 0; k < declared; ++k) {
    sectors += fmt::format("  - {{id: own{}, name: Own {}}}\n", k, k);
    members += fmt::format("  - {{id: m{0}, name: M{0}, sector: own{1}}}\n", n, k);
    ++n;
  }
  std::string ties = "ties:\n";
  for (std::size_t v = 0; v < n; ++v) ties += fmt::format("  - [m{}, m{}]\n", v, (v + 1) % n);
  return "coalition:\n  name: Many sectors\n" + (declared > 0 ? sectors : std::string()) + members + ties;
}

}  // namespace

// Every sector at the table gets its own colour and pattern, also past the palette's size,
// and the DOT draws each member with its sector's pair.
TEST(Render, NoTwoSectorsAtTheTableLookAlike) {
  for (const std::size_t declared : {0U, 1U, 25U}) {
    const Coalition c = parse_coalition(many_sectors(declared), "many.yaml");
    const Analysis a = analyze(c);
    const auto styles = sector_styles(a.sectors);
    std::set<std::pair<std::string, int>> seen;
    std::size_t present = 0;
    for (const auto& f : a.sectors.sectors) {
      if (f.members.empty()) continue;
      ++present;
      const auto& s = styles[f.sector];
      EXPECT_NE(std::find(sector_palette().begin(), sector_palette().end(), s.colour), sector_palette().end());
      EXPECT_TRUE(seen.emplace(s.colour, s.pattern).second) << "sector " << f.sector << " repeats " << s.colour;
    }
    EXPECT_EQ(present, 18 + declared);
    // In the drawing: each member's (fillcolor, style, gradientangle) differs from every
    // member of another sector.
    const std::string dot = diagram_dot(c, a, {});
    std::set<std::string> looks;
    for (std::size_t v = 0; v < c.members.size(); ++v) {
      const std::string node = attributes(dot, c.members[v].id);
      auto value = [&](const std::string& key) {
        const auto at = node.find(key + "=");
        if (at == std::string::npos) return std::string();
        const auto end = node.find_first_of(",\n]", at);
        return node.substr(at, end - at);
      };
      EXPECT_TRUE(looks.insert(value("fillcolor") + value("style") + value("gradientangle")).second) << node;
    }
  }
}

// A member may be called `legend`: the legend node has a name no member id can take.
TEST(Render, MemberIdsNeverCollideWithReservedNodes) {
  const Coalition c = parse_coalition(
      "coalition: {name: Reserved}\nmembers:\n  - {id: legend, name: The Legend Group, sector: housing}\n"
      "  - {id: missing, name: Missing Link, sector: education}\nties:\n  - [legend, missing]\n",
      "reserved.yaml");
  const std::string dot = flat(diagram_dot(c, analyze(c), {}));
  EXPECT_TRUE(has(attributes(dot, "legend"), "label=\"The Legend Group\"")) << dot;
  EXPECT_TRUE(has(attributes(dot, "\"xsector:legend\""), "label=<<TABLE")) << dot;
  const std::string svg = render_diagram(c, analyze(c), {}, ImageFormat::svg);
  EXPECT_TRUE(has(svg, "The Legend Group"));
  EXPECT_TRUE(has(svg, ">Legend<"));
}

// Tooltips name members, not ids, and each member and tie carries an id the report's map uses.
TEST(Render, MembersCarryNamesInTooltipsAndStableIds) {
  const Coalition c = file("networks/healthy-in-the-hills.yaml");
  const std::string dot = flat(diagram_dot(c, analyze(c), {}));
  const std::string whwc = attributes(dot, "whwc");
  EXPECT_TRUE(has(whwc, "tooltip=\"Williamson Health and Wellness Center (Health care)\"")) << whwc;
  EXPECT_TRUE(has(whwc, "id=\"xs-m0\"")) << whwc;
  EXPECT_TRUE(has(dot, "id=\"xs-t0\""));
}

TEST(Render, CutTextKeepsWholeCharactersAndMarksTheCut) {
  using detail::cut_text;
  EXPECT_EQ(cut_text("abcde", 5), "abcde");  // exactly the limit: unchanged
  EXPECT_EQ(cut_text("abcdef", 5), "abcd\u2026");
  EXPECT_EQ(cut_text("", 3), "");
  EXPECT_EQ(cut_text("ab", 0), "");
  EXPECT_EQ(cut_text("ab", 1), "\u2026");
  // é is two bytes, 😀 four: a cut counts characters and never splits one.
  EXPECT_EQ(cut_text("\u00e9\u00e9\u00e9\u00e9", 4), "\u00e9\u00e9\u00e9\u00e9");
  EXPECT_EQ(cut_text("\u00e9\u00e9\u00e9\u00e9\u00e9", 4), "\u00e9\u00e9\u00e9\u2026");
  EXPECT_EQ(cut_text("a\U0001F600\U0001F600\U0001F600", 3), "a\U0001F600\u2026");
}

TEST(Render, LongNamesAreCutBeforeGraphvizAndStillDrawn) {
  // A member named with 20,000 words, a sector with 3,000 two-byte characters: every label
  // and tooltip holds at most diagram_text_limit characters of each, ending in an ellipsis.
  std::string words;
  for (int i = 0; i < 20000; ++i) words += i == 0 ? "w" : " w";
  std::string sector;
  for (int i = 0; i < 3000; ++i) sector += "\u00e9";
  const std::string text = fmt::format(
      "coalition: {{name: Long}}\nsectors:\n  - {{id: s, name: '{}'}}\nmembers:\n  - {{id: a, name: '{}', sector: s}}\n"
      "  - {{id: b, name: Bee, sector: s}}\nties: [[a, b]]\n",
      sector, words);
  const Coalition c = parse_coalition(text, "long.yaml");
  std::string head;  // the first 119 characters of the name
  for (std::size_t i = 0; i + 1 < diagram_text_limit; ++i) head += i % 2 == 0 ? 'w' : ' ';
  std::string sector_head;
  for (std::size_t i = 0; i + 1 < diagram_text_limit; ++i) sector_head += "\u00e9";
  for (const View view : {View::members, View::sectors}) {
    RenderOptions o;
    o.view = view;
    const std::string dot = flat(diagram_dot(c, analyze(c), o));
    EXPECT_LT(dot.size(), 8000U) << "the whole name reached Graphviz";
    EXPECT_TRUE(has(dot, sector_head + "\u2026")) << dot;
    EXPECT_FALSE(has(dot, sector_head + "\u00e9"));
    if (view == View::members) {
      EXPECT_TRUE(has(attributes(dot, "a"), "label=\"" + head + "\u2026\"")) << attributes(dot, "a");
      EXPECT_TRUE(has(attributes(dot, "a"), "tooltip=\"" + head + "\u2026 (" + sector_head + "\u2026)\""));
    }
    // And Graphviz lays it out and draws it.
    EXPECT_TRUE(has(render_diagram(c, analyze(c), o, ImageFormat::svg), "<svg"));
  }
}
