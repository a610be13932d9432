// The one table of coalition-wide figures: names unique, every writer reads it, and its
// values on a hand-computed network.
#include "xsector/figures.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "xsector/compare.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"

using namespace xsector;

namespace {

// A path a - b - c plus an isolate d; two sectors. By hand: 4 members, 2 ties, density
// 2/6, components 2 (largest 3 of 4), 1 isolate, average path length over the largest
// component (1+1+2)*2/6 = 4/3, diameter 2, transitivity 0 (one connected triple, no
// triangle), E-I index (2 across - 0 within)/2 = 1.
const char* const kPath = R"(coalition: {name: Path}
members:
  - {id: a, sector: housing}
  - {id: b, sector: education}
  - {id: c, sector: housing}
  - {id: d, sector: education}
ties:
  - [a, b]
  - [b, c]
)";

std::optional<double> figure(const Analysis& a, std::string_view name) {
  const FigureSpec* f = find_figure(name);
  EXPECT_NE(f, nullptr) << name;
  return f != nullptr ? f->value(a) : std::nullopt;
}

}  // namespace

TEST(Figures, NamesAreUniqueAndFindable) {
  std::set<std::string_view> names;
  for (const auto& f : figure_table()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_EQ(find_figure(f.name), &f);
    EXPECT_FALSE(f.label.empty()) << f.name;
    EXPECT_TRUE(f.meaning.ends_with(".")) << f.name << ": the meaning is one sentence";
  }
  EXPECT_EQ(find_figure("no_such_figure"), nullptr);
}

TEST(Figures, ValuesOfAHandComputedNetwork) {
  const Coalition c = parse_coalition(kPath, "path.yaml");
  const Analysis a = analyze(c);
  // Core sectors missing, counted from the taxonomy itself: every core sector but the two
  // the members are in.
  double core_missing = 0;
  for (const Sector& s : c.taxonomy.sectors) {
    if (s.priority == Priority::core && s.id != "housing" && s.id != "education") ++core_missing;
  }
  EXPECT_EQ(figure(a, "core_sectors_missing"), core_missing);
  EXPECT_GT(core_missing, 0.0);
  EXPECT_EQ(figure(a, "members"), 4.0);
  EXPECT_EQ(figure(a, "ties"), 2.0);
  EXPECT_NEAR(*figure(a, "density"), 2.0 / 6.0, 1e-12);
  EXPECT_EQ(figure(a, "components"), 2.0);
  EXPECT_NEAR(*figure(a, "largest_component_share"), 0.75, 1e-12);
  EXPECT_EQ(figure(a, "isolates"), 1.0);
  EXPECT_NEAR(*figure(a, "average_path_length"), 4.0 / 3.0, 1e-12);
  EXPECT_EQ(figure(a, "diameter"), 2.0);
  EXPECT_NEAR(*figure(a, "transitivity"), 0.0, 1e-12);
  EXPECT_NEAR(*figure(a, "ei_index"), 1.0, 1e-12);
  EXPECT_EQ(figure(a, "sectors_covered"), 2.0);
  EXPECT_FALSE(figure(a, "effective_decision_makers")) << "no decision body";
  EXPECT_FALSE(figure(a, "trust_score")) << "no survey";
}

TEST(Figures, HeadlineFiguresFollowTheTable) {
  const Analysis a = analyze(parse_coalition(kPath, "path.yaml"));
  const auto figures = headline_figures(a);
  ASSERT_EQ(figures.size(), figure_table().size());
  for (std::size_t i = 0; i < figures.size(); ++i) {
    EXPECT_EQ(figures[i].name, figure_table()[i].name);
    EXPECT_EQ(figures[i].value, figure_table()[i].value(a));
  }
}

TEST(Figures, JsonNetworkObjectHoldsTheNetworkAndMixingFiguresWithCountsAsIntegers) {
  const Coalition c = parse_coalition(kPath, "path.yaml");
  const auto doc = nlohmann::json::parse(format_json(c, analyze(c)));
  std::set<std::string> expected;
  for (const auto& f : figure_table()) {
    if (f.group != FigureGroup::network && f.group != FigureGroup::mixing) continue;
    expected.insert(std::string(f.name));
    ASSERT_TRUE(doc["network"].contains(f.name)) << f.name;
    if (f.kind == FigureKind::count) {
      EXPECT_TRUE(doc["network"][std::string(f.name)].is_number_integer()) << f.name;
    }
  }
  std::set<std::string> keys;
  for (const auto& [key, value] : doc["network"].items()) keys.insert(key);
  EXPECT_EQ(keys, expected) << "a file without survey or contacts";
}

TEST(Figures, TextTablesPrintCountsWithoutDecimals) {
  const Coalition c = parse_coalition(kPath, "path.yaml");
  const std::string table = format_table(c, analyze(c));
  EXPECT_NE(table.find("components"), std::string::npos);
  EXPECT_NE(table.find("E-I index (sectors)"), std::string::npos);
  EXPECT_EQ(table.find("2.000"), std::string::npos) << "a count printed with decimals:\n" << table;
  EXPECT_NE(table.find("0.333"), std::string::npos) << "density with three decimals:\n" << table;
}
