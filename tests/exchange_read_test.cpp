// The readers under the importers: the expat stream and its positions, JSON data copied
// without a document, dates of both workbook date systems, short sheet lists, UTF-16 text,
// and the hashed attribute helpers. Expected values are worked out by hand.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "exchange/graphml_pieces.hpp"
#include "exchange/sheets.hpp"
#include "exchange/xlsx_reader.hpp"
#include "exchange/xml_reader.hpp"

using namespace xsector;
using namespace xsector::detail;

namespace {

std::string first_problem(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.diagnostics().front().str();
  }
  return "no error";
}

}  // namespace

TEST(XmlStream, AttributePositionsFollowLinesAndCharacters) {
  // Line 2 holds an element whose attributes are on lines 2 and 3; 'é' is one character.
  const std::string text = "<r>\n  <n a=\"é\"   bé='x'\n\tc=\"1\"/></r>";
  XmlStream xml("t.xml", XmlStream::Mode::utf8);
  std::vector<SourcePos> seen;
  std::vector<std::string> names;
  xml.on_start = [&](std::string_view name, const XmlAttributes& a) {
    if (name != "n") return;
    seen = xml.attribute_positions();
    for (std::size_t i = 0; i < a.size(); ++i) names.emplace_back(a.name(i));
    EXPECT_EQ(xml.here().line, 2);
    EXPECT_EQ(xml.here().column, 3);
    EXPECT_EQ(xml.depth(), 2U);
  };
  xml.parse(text);
  ASSERT_EQ(seen.size(), 3U);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "bé", "c"}));
  EXPECT_EQ(std::pair(seen[0].line, seen[0].column), std::pair(2, 6));
  EXPECT_EQ(std::pair(seen[1].line, seen[1].column), std::pair(2, 14));
  EXPECT_EQ(std::pair(seen[2].line, seen[2].column), std::pair(3, 2));
}

TEST(XmlStream, RefusesDoctypeUtf16AndDepthAtTheirPlace) {
  auto problem = [](const std::string& text) {
    return first_problem([&] { XmlStream("t.xml", XmlStream::Mode::utf8).parse(text); });
  };
  EXPECT_EQ(problem("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"r.dtd\">\n<r/>"),
            "t.xml:2:1: error: not valid XML: a DOCTYPE is not allowed (the entities it can declare could expand "
            "without bound); remove the <!DOCTYPE ...> declaration");
  EXPECT_EQ(problem(std::string("\xFF\xFE<\0r\0/\0>\0", 10)),
            "t.xml:1:1: error: not valid XML: the file is UTF-16 text; save it as UTF-8");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  EXPECT_EQ(problem(deep), "t.xml:1:193: error: not valid XML: elements are nested deeper than 64");
  EXPECT_EQ(problem("<r>\n<a></b></r>"), "t.xml:2:4: error: not valid XML: </b> closes <a> opened at 2:1");
  EXPECT_EQ(problem("\xEF\xBB\xBF<r>&nope;</r>"), "t.xml:1:4: error: not valid XML: unknown entity &nope;");
}

TEST(XmlTree, KeepsOnlyTheElementsAndAttributesAsked) {
  const auto el = read_xml("<g><skip x=\"1\"><data>lost</data></skip><data key=\"k\" other=\"o\">v<i/>w</data></g>",
                           "t.xml", {"data"}, {"key"});
  ASSERT_EQ(el.size(), 3U);  // the root, the data inside <skip> (its parent is not kept), the second data
  ASSERT_EQ(el[0].children.size(), 1U);
  const XmlElement& data = el[el[0].children[0]];
  EXPECT_EQ(data.get("key"), "k");
  EXPECT_EQ(data.attribute("other"), nullptr);
  EXPECT_EQ(data.text, "vw");
  EXPECT_EQ(data.depth, 1U);
}

TEST(JsonCopy, CopiesInOrderWithoutADocument) {
  const JsonCopy list = copy_json(R"([ {"b": 1.50, "a": [true, null]}, "x\u00e9", 12 ])");
  EXPECT_EQ(list.problem, JsonCopy::Problem::none);
  EXPECT_EQ(list.text, "[{\"b\":1.5,\"a\":[true,null]},\"x\xC3\xA9\",12]");
  EXPECT_EQ(list.top, "array");
  EXPECT_EQ(list.items, 3U);
  EXPECT_EQ(list.first_item, "object");
  const JsonCopy flat = copy_json(R"({"z": "1", "n": 2, "t": true, "0": null, "z": "last"})");
  EXPECT_TRUE(flat.flat);
  EXPECT_EQ(flat.pairs,
            (std::vector<std::pair<std::string, std::string>>{{"z", "last"}, {"n", "2"}, {"t", "true"}, {"0", ""}}));
  EXPECT_FALSE(copy_json(R"({"a": {"b": 1}})").flat);
  EXPECT_EQ(copy_json("[1,").problem, JsonCopy::Problem::not_json);
  EXPECT_EQ(copy_json(std::string(33, '[') + std::string(33, ']')).problem, JsonCopy::Problem::too_deep);
  EXPECT_EQ(copy_json(std::string(32, '[') + std::string(32, ']')).problem, JsonCopy::Problem::none);
}

TEST(XlsxDates, BothSystemsEndAt9999_12_31) {
  // 1900 system: serial 1 is 1900-01-01, 61 is 1900-03-01 (60 is Excel's 1900-02-29).
  EXPECT_EQ(excel_date(1, false), "1900-01-01");
  EXPECT_EQ(excel_date(60, false), "1900-02-29");
  EXPECT_EQ(excel_date(61, false), "1900-03-01");
  EXPECT_EQ(excel_date(2958465, false), "9999-12-31");
  EXPECT_EQ(excel_date(2958466, false), "");
  // 1904 system: serial 0 is 1904-01-01, 1462 days after it is 1908-01-02; its last day is
  // 2958465 - 1462 = 2957003. The serial after it once gave 10004-01-01.
  EXPECT_EQ(excel_date(0, true), "1904-01-01");
  EXPECT_EQ(excel_date(1462, true), "1908-01-02");
  EXPECT_EQ(excel_date(2957003, true), "9999-12-31");
  EXPECT_EQ(excel_date(2957004, true), "");
  EXPECT_EQ(excel_date(2958465, true), "");
  EXPECT_EQ(cell_text("n", "2958465", true, true), "2958465");  // no date: the number as written
}

TEST(XlsxSheets, ListsStayShort) {
  EXPECT_EQ(sheet_list({"A", "B"}), "A, B");
  std::vector<std::string> many;
  for (int i = 0; i < 200000; ++i) many.push_back(fmt::format("S{}", i));
  EXPECT_EQ(sheet_list(many), "S0, S1, S2, S3, S4 and 199995 more");
}

TEST(Text, Utf16IsRecognised) {
  EXPECT_TRUE(utf16_like("\xFF\xFEI\0D\0"));
  EXPECT_TRUE(utf16_like("\xFE\xFF\0I\0D"));
  EXPECT_TRUE(utf16_like(std::string("I\0D\0,\0S\0e\0c\0t\0o\0r\0\n\0", 20)));  // no byte-order mark
  EXPECT_FALSE(utf16_like("ID,Sector\nhub,housing\n"));
  EXPECT_FALSE(utf16_like("\xEF\xBB\xBFID,Sector\n"));
  EXPECT_FALSE(utf16_like(""));
}

TEST(Attributes, WriterAndCellsAreHashedAndKeepOrder) {
  std::vector<std::pair<std::string, std::string>> attributes = {{"a", "1"}};
  AttributeWriter put(attributes);
  put.put("b", "2");
  put.put("a", "3");
  put.put("c", "4");
  EXPECT_EQ(attributes, (std::vector<std::pair<std::string, std::string>>{{"a", "3"}, {"b", "2"}, {"c", "4"}}));
  EXPECT_EQ(attribute_cells(attributes, {"c", "x", "a"}), (std::vector<std::string>{"4", "", "3"}));
  struct Item {
    std::vector<std::pair<std::string, std::string>> attributes;
  };
  const std::vector<Item> items = {{{{"b", "1"}, {"a", "2"}}}, {{{"c", "1"}, {"b", "2"}}}};
  EXPECT_EQ(attribute_names(items), (std::vector<std::string>{"b", "a", "c"}));
}

TEST(CsvSheet, Utf16IsNamedNotMisread) {
  const std::string utf16("\xFF\xFEI\0D\0,\0S\0e\0c\0t\0o\0r\0\n\0", 22);
  EXPECT_EQ(first_problem([&] { read_csv_sheet(utf16, "m.csv"); }),
            "m.csv:1:1: error: the file is UTF-16 text (as Excel's \"Unicode Text\" saves it), which xsector does not "
            "read: save it as \"CSV UTF-8\" (or as .xlsx)");
}
