// The table renderers on hand-made tables: every expected string is written out by hand.
#include "../src/outputs/table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "../src/common/text.hpp"

namespace xsector {
namespace {

using detail::Cell;
using detail::render_table_csv;
using detail::render_table_text;
using detail::Table;

/// A text, a count, a number with 3 decimals (one missing) and a flag.
Table small_table() {
  Table t{{detail::text_column("name"), detail::integer_column("count"), detail::number_column("share"),
           detail::flag_column("lead")},
          {},
          true};
  t.rows.push_back({"ab", detail::integer_cell(5), 0.5, true});
  t.rows.push_back({"c", detail::integer_cell(12U), detail::number_cell(std::nullopt), false});
  return t;
}

TEST(Table, CellsKeepTheirType) {
  const Cell text = "x";
  EXPECT_TRUE(std::holds_alternative<std::string>(text));
  EXPECT_TRUE(std::holds_alternative<long long>(detail::integer_cell(std::size_t{3})));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(detail::integer_cell(std::optional<std::size_t>())));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(detail::text_or_missing("")));
}

TEST(Table, TerminalAlignsTextLeftAndNumbersRight) {
  EXPECT_EQ(render_table_text(small_table(), false),
            "  name count share lead\n"
            "  ab       5 0.500  yes\n"
            "  c       12     -\n");
}

TEST(Table, MarkdownMarksRightAlignedColumns) {
  EXPECT_EQ(render_table_text(small_table(), true),
            "| name | count | share | lead |\n"
            "|---|---:|---:|---:|\n"
            "| ab | 5 | 0.500 | yes |\n"
            "| c | 12 | - |  |\n");
}

TEST(Table, CsvWritesShortestNumbersFlagsAndEmptyMissingCells) {
  EXPECT_EQ(render_table_csv(small_table()),
            "name,count,share,lead\n"
            "ab,5,0.5,true\n"
            "c,12,,false\n");
}

TEST(Table, ARowShorterThanTheColumnsEndsInMissingCells) {
  Table t = small_table();
  t.rows.push_back({"d"});
  EXPECT_EQ(render_table_text(t, false),
            "  name count share lead\n"
            "  ab       5 0.500  yes\n"
            "  c       12     -\n"
            "  d        -     -    -\n");
  EXPECT_EQ(render_table_csv(t),
            "name,count,share,lead\n"
            "ab,5,0.5,true\n"
            "c,12,,false\n"
            "d,,,\n");
}

TEST(Table, AlignmentCanBeOverridden) {
  Table t{{detail::integer_column("n").left(), detail::text_column("word").right(), detail::flag_column("ok", "no")},
          {},
          true};
  t.rows.push_back({detail::integer_cell(7), "a", false});
  t.rows.push_back({detail::integer_cell(100), "long", true});
  EXPECT_EQ(render_table_text(t, false),
            "  n   word  ok\n"
            "  7      a  no\n"
            "  100 long yes\n");
  EXPECT_EQ(render_table_text(t, true),
            "| n | word | ok |\n"
            "|---|---:|---:|\n"
            "| 7 | a | no |\n"
            "| 100 | long | yes |\n");
}

TEST(Table, CsvQuotesCommasQuotesAndLineBreaks) {
  Table t{{detail::text_column("text"), detail::number_column("value")}, {}, true};
  t.rows.push_back({"a,b", -0.25});
  t.rows.push_back({"say \"hi\"", 0.1 + 0.2});
  t.rows.push_back({"two\nlines", -0.0});
  t.rows.push_back({"=1+1", 120000.0});
  EXPECT_EQ(render_table_csv(t),
            "text,value\n"
            "\"a,b\",-0.25\n"
            "\"say \"\"hi\"\"\",0.30000000000000004\n"
            "\"two\nlines\",0\n"
            "'=1+1,120000\n");
}

TEST(Table, MarkdownEscapesUserTextButNotTheHeader) {
  Table t{{detail::text_column("a|b"), detail::text_column("note")}, {}, true};
  t.rows.push_back({"x|y", "*bold* [link](x)"});
  EXPECT_EQ(render_table_text(t, true),
            "| a|b | note |\n"
            "|---|---|\n"
            "| x\\|y | \\*bold\\* \\[link\\]\\(x\\) |\n");
}

TEST(Table, TerminalShowsControlCharactersAsEscapes) {
  Table t{{detail::text_column("name")}, {}, true};
  t.rows.push_back({"a\x1b[31m"});
  EXPECT_EQ(render_table_text(t, false),
            "  name\n"
            "  a\\x1B[31m\n");
}

TEST(Table, ColumnsLineUpByDisplayWidth) {
  Table t{{detail::text_column("name"), detail::text_column("city"), detail::integer_column("n")}, {}, true};
  t.rows.push_back({"Señora Ruiz", "Łódź", detail::integer_cell(3)});
  t.rows.push_back({"Bo", "Oslo", detail::integer_cell(10)});
  EXPECT_EQ(render_table_text(t, false),
            "  name        city  n\n"
            "  Señora Ruiz Łódź  3\n"
            "  Bo          Oslo 10\n");
}

TEST(Table, DisplayWidthCountsColumnsNotBytes) {
  EXPECT_EQ(detail::display_width("Señora"), 6U);
  EXPECT_EQ(detail::display_width("Łódź"), 4U);
  EXPECT_EQ(detail::display_width("e\xcc\x81"), 1U);  // e + combining acute accent
  EXPECT_EQ(detail::display_width("日本"), 4U);
  EXPECT_EQ(detail::display_width("\xff"), 1U);
  EXPECT_EQ(detail::display_width(""), 0U);
}

TEST(Table, HeaderlessTableAndFileOnlyColumns) {
  Table t{{detail::text_column("figure"), detail::text_column("value"), detail::number_column("hidden").file_only()},
          {},
          false};
  t.rows.push_back({"ties", detail::integer_cell(12), 1.5});
  t.rows.push_back({"density", 0.25, 2.0});
  EXPECT_EQ(render_table_text(t, false),
            "  ties    12\n"
            "  density 0.250\n");
  EXPECT_EQ(render_table_text(t, true),
            "| figure | value |\n"
            "|---|---|\n"
            "| ties | 12 |\n"
            "| density | 0.250 |\n");
  EXPECT_EQ(render_table_csv(t),
            "figure,value,hidden\n"
            "ties,12,1.5\n"
            "density,0.25,2\n");
}

TEST(Table, NumbersWithOtherDecimalsOrShortest) {
  Table t{{detail::number_column("two", 2), detail::number_column("shortest", detail::shortest)}, {}, true};
  t.rows.push_back({2.0 / 3.0, 2.5});
  t.rows.push_back({-0.001, 3.0});
  EXPECT_EQ(render_table_text(t, false),
            "   two shortest\n"
            "  0.67      2.5\n"
            "  0.00        3\n");
}

}  // namespace
}  // namespace xsector
