// `xsector export --to xlsx`: one workbook with the members and their figures, the ties, the
// sectors, the gaps, decision power and the findings, formatted for reading.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <stdlib.h>  // mkstemp
#include <unistd.h>  // close
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/text.hpp"
#include "exchange/sheets.hpp"
#include "xsector/exchange.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/output.hpp"

namespace xsector {

namespace {

/// A sheet to write: a header and rows of text cells. Cells in `text_columns` are always
/// text; others that read as a number or true/false are written as such.
struct SheetData {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::set<std::string> text_columns;
};

SheetData from_csv(const std::string& name, const std::string& csv, std::set<std::string> text_columns) {
  SheetData s{name, {}, {}, std::move(text_columns)};
  const SheetTable table = read_csv_sheet(csv, name);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<std::string> cells;
    for (const auto& cell : table.rows[r].cells) cells.push_back(detail::csv_text_value(cell));
    if (r == 0)
      s.header = std::move(cells);
    else
      s.rows.push_back(std::move(cells));
  }
  return s;
}

std::optional<double> as_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// Characters shown in a column, for its width (UTF-8 continuation bytes do not count).
std::size_t shown_width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U; }));
}

class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) throw IoError("cannot start the workbook: out of memory or no temporary folder");
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    format_set_bottom(bold_, LXW_BORDER_THIN);
  }
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);  // only on an error path; the file is then removed
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void add(const SheetData& s) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, s.name.c_str());
    if (ws == nullptr) throw IoError(fmt::format("cannot add the sheet '{}' to the workbook", s.name));
    std::vector<std::size_t> width(s.header.size(), 8);
    for (std::size_t k = 0; k < s.header.size(); ++k) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(k), s.header[k].c_str(), bold_);
      width[k] = std::max(width[k], shown_width(s.header[k]) + 2);
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t k = 0; k < s.rows[r].size() && k < s.header.size(); ++k) {
        const std::string& cell = s.rows[r][k];
        if (cell.empty()) continue;
        const auto col = static_cast<lxw_col_t>(k);
        const bool text = s.text_columns.contains(s.header[k]);
        if (const auto v = text ? std::nullopt : as_number(cell)) {
          worksheet_write_number(ws, row, col, *v, nullptr);
        } else if (!text && (cell == "true" || cell == "false")) {
          worksheet_write_boolean(ws, row, col, cell == "true" ? 1 : 0, nullptr);
        } else {
          // Always a string cell: a value beginning with `=` is text, never a formula.
          worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
        }
        width[k] = std::max(width[k], shown_width(cell) + 2);
      }
    }
    for (std::size_t k = 0; k < width.size(); ++k) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(k), static_cast<lxw_col_t>(k),
                           static_cast<double>(std::min<std::size_t>(width[k], 60)), nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!s.header.empty()) {
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                           static_cast<lxw_col_t>(s.header.size() - 1));
    }
  }

  void close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw IoError(fmt::format("cannot write the workbook: {}", lxw_strerror(e)));
  }

 private:
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format* bold_ = nullptr;
};

/// Columns for attributes `names` after the sheet's own, as text; a name that is already a
/// header of the sheet gets the prefix "attribute: " (again, until it is new).
void add_attribute_columns(SheetData& sheet, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    std::string header = name;
    while (std::find(sheet.header.begin(), sheet.header.end(), header) != sheet.header.end())
      header.insert(0, detail::kAttributePrefix);
    sheet.header.push_back(header);
    sheet.text_columns.insert(header);
  }
}

std::vector<std::string> finding_row(const Finding& f, const FindingNames& names) {
  return {std::string(to_string(f.severity)), std::string(to_string(f.area)), f.code, finding_text(f, names),
          fmt::format("{}", fmt::join(f.subjects, ";"))};
}

std::string workbook_bytes(const std::vector<SheetData>& sheets);

}  // namespace

std::string export_xlsx(const Coalition& c, const Analysis& a) {
  std::vector<SheetData> sheets;
  SheetData members = from_csv("members", format_csv(c, a), {"id", "name", "sector"});
  // The members' own fields follow their figures, so the sheet is the partner list too.
  const std::vector<std::string> names = detail::attribute_names(c.members);
  for (const char* column : {"community_led", "lived_experience", "funding", "tags"})
    members.header.emplace_back(column);
  members.text_columns.insert("tags");
  add_attribute_columns(members, names);
  for (std::size_t i = 0; i < c.members.size() && i < members.rows.size(); ++i) {
    const Member& m = c.members[i];
    auto& row = members.rows[i];
    row.resize(members.header.size() - 4 - names.size());
    row.emplace_back(m.community_led ? "true" : "false");
    row.emplace_back(m.lived_experience ? "true" : "false");
    row.emplace_back(m.funding ? detail::number_text(*m.funding) : std::string());
    row.emplace_back(fmt::format("{}", fmt::join(m.tags, ";")));
    for (auto& v : detail::attribute_cells(m.attributes, names)) row.push_back(std::move(v));
  }
  sheets.push_back(std::move(members));

  SheetData ties{"ties",
                 {"from", "to", "from_name", "to_name", "directed", "level", "level_name", "kinds", "carried_by"},
                 {},
                 {"from", "to", "from_name", "to_name", "level_name", "kinds", "carried_by"}};
  const std::vector<std::string> tie_names = detail::attribute_names(c.ties);
  add_attribute_columns(ties, tie_names);
  for (const Tie& t : c.ties) {
    std::vector<std::string> row = {c.members[t.a].id,
                                    c.members[t.b].id,
                                    c.members[t.a].name,
                                    c.members[t.b].name,
                                    t.directed ? "true" : "false",
                                    std::to_string(static_cast<int>(t.level)),
                                    std::string(to_string(t.level)),
                                    fmt::format("{}", fmt::join(t.kinds, ";")),
                                    fmt::format("{}", fmt::join(t.carried_by, ";"))};
    for (auto& v : detail::attribute_cells(t.attributes, tie_names)) row.push_back(std::move(v));
    ties.rows.push_back(std::move(row));
  }
  sheets.push_back(std::move(ties));
  sheets.push_back(from_csv("sectors", format_gaps(Format::csv, c, a), {"sector", "name", "priority", "reaches"}));

  const std::vector<std::string> finding_header = {"severity", "area", "code", "message", "subjects"};
  const std::set<std::string> finding_columns(finding_header.begin(), finding_header.end());
  SheetData gaps{"gaps", finding_header, {}, finding_columns};
  SheetData findings{"findings", finding_header, {}, finding_columns};
  const FindingNames finding_names(c, a.sectors.index);
  for (const Finding& f : a.findings) {
    if (f.area == FindingArea::sectors) gaps.rows.push_back(finding_row(f, finding_names));
    findings.rows.push_back(finding_row(f, finding_names));
  }
  sheets.push_back(std::move(gaps));
  sheets.push_back(from_csv("power", format_power(Format::csv, c, a), {"body", "member"}));
  sheets.push_back(std::move(findings));
  return workbook_bytes(sheets);
}

namespace {

std::string workbook_bytes(const std::vector<SheetData>& sheets) {
  // libxlsxwriter writes to a file: a private temporary one, read back and removed; the
  // caller writes the bytes to the output through the same atomic path as every output.
  std::string pattern = (std::filesystem::temp_directory_path() / "xsector-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) throw IoError("cannot create a temporary file for the workbook");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } remove{pattern};
  {
    Workbook book(pattern);
    for (const auto& s : sheets) book.add(s);
    book.close();
  }
  std::ifstream in(pattern, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) throw IoError("cannot read back the workbook just written");
  return bytes.str();
}

}  // namespace

std::string comparison_xlsx(const Coalition& a, const Coalition& b, const Comparison& cmp) {
  const std::set<std::string> text = {"part", "member", "figure", "label"};
  const SheetData all = from_csv("changes", format_comparison(Format::csv, a, b, cmp), text);
  std::vector<SheetData> sheets = {{"network", all.header, {}, text}, {"members_changed", all.header, {}, text}};
  for (const auto& row : all.rows) {
    if (row.empty()) continue;
    if (row[0] == "network") sheets[0].rows.push_back(row);
    if (row[0] == "member") sheets[1].rows.push_back(row);
  }
  auto name = [&](const std::string& id) {
    if (const auto i = b.member_index(id)) return b.members[*i].name;
    if (const auto i = a.member_index(id)) return a.members[*i].name;
    return id;
  };
  for (auto& row : sheets[1].rows) row.insert(row.begin() + 2, name(row[1]));
  sheets[1].header.insert(sheets[1].header.begin() + 2, "name");
  sheets[1].text_columns.insert("name");
  const std::vector<std::string> tie_header = {"change", "a", "b", "a_name", "b_name", "level_before", "level_after"};
  SheetData ties{"ties", tie_header, {}, {"change", "a", "b", "a_name", "b_name"}};
  const std::pair<const char*, const std::vector<TieChange>*> kinds[] = {{"formed", &cmp.ties.formed},
                                                                         {"dissolved", &cmp.ties.dissolved},
                                                                         {"strengthened", &cmp.ties.strengthened},
                                                                         {"weakened", &cmp.ties.weakened},
                                                                         {"direction_changed", &cmp.ties.redirected}};
  auto level = [](const PairTie& p) { return p.tied ? std::to_string(p.level) : std::string(); };
  for (const auto& [kind, list] : kinds) {
    for (const auto& t : *list) {
      ties.rows.push_back({kind, t.a, t.b, name(t.a), name(t.b), level(t.before), level(t.after)});
    }
  }
  sheets.push_back(std::move(ties));
  if (cmp.respondents.surveyed) {
    SheetData answered{"respondents", {"member", "name", "answered"}, {}, {"member", "name", "answered"}};
    for (const auto& id : cmp.respondents.both) answered.rows.push_back({id, name(id), "both"});
    for (const auto& id : cmp.respondents.only_before) answered.rows.push_back({id, name(id), "only_before"});
    for (const auto& id : cmp.respondents.only_after) answered.rows.push_back({id, name(id), "only_after"});
    sheets.push_back(std::move(answered));
  }
  const std::vector<std::string> finding_header = {"severity", "area", "code", "message", "subjects"};
  SheetData findings{"findings", finding_header, {}, {finding_header.begin(), finding_header.end()}};
  const FindingNames finding_names(a, b);
  for (const Finding& f : cmp.findings) findings.rows.push_back(finding_row(f, finding_names));
  sheets.push_back(std::move(findings));
  return workbook_bytes(sheets);
}

}  // namespace xsector
