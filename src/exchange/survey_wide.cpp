// The wide layouts form tools export (a row per respondent, a column per question and
// partner), recognised from their header rows and turned into long rows.
//   Google Forms:    one header row, first column `Timestamp`; grids as `Question [Partner]`.
//   Microsoft Forms: one header row with `ID`, `Start time`, `Completion time`; grids as
//                    `Question.Partner` or `Question - Partner`.
//   SurveyMonkey:    two header rows (the question, spanning its columns; then the grid's row
//                    label, or `Response`); `Respondent ID`.
//   Qualtrics:       three header rows (ids such as Q3_1; the question text ending
//                    ` - Partner`; {"ImportId":...}).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "exchange/sheets.hpp"
#include "exchange/survey_forms.hpp"

namespace xsector::detail {

namespace {

/// A column of a wide export: a plain question (`partner` empty) or a grid cell's column.
struct Column {
  std::size_t k = 0;
  std::string header;   ///< the plain column's heading, or the grid's question
  std::string alias;    ///< another heading (Qualtrics: the field id such as EndDate)
  std::string partner;  ///< the grid row: the partner's name as the tool wrote it
  Place partner_at;     ///< the header cell that names the partner
};

struct Wide {
  std::string layout;
  std::vector<Column> columns;
  std::size_t data_from = 0;  ///< index in the table of the first row after the headers
};

/// Splits `text` at `sep` where the rest names a member; else at the last `sep`. Empty
/// partner when `sep` does not occur.
/// Headings longer than this are split at their last separator only (each split tried costs
/// a member lookup of the rest: quadratic in the heading's length).
constexpr std::size_t kLongHeading = 2000;

std::pair<std::string, std::string> split_grid(const std::string& text, std::string_view sep,
                                               const NamesMember& names_member) {
  const auto first = text.size() <= kLongHeading ? text.find(sep) : std::string::npos;
  for (auto at = first; at != std::string::npos; at = text.find(sep, at + 1)) {
    const std::string rest = trim(text.substr(at + sep.size()));
    if (!rest.empty() && names_member(rest)) return {trim(text.substr(0, at)), rest};
  }
  const auto last = text.rfind(sep);
  if (last == std::string::npos) return {text, {}};
  return {trim(text.substr(0, last)), trim(text.substr(last + sep.size()))};
}

/// Microsoft Forms: `Question - Partner`, else `Question.Partner` at the first `.` whose
/// rest names a member, or whose question asks about a known item.
std::pair<std::string, std::string> split_microsoft(const std::string& text, const NamesMember& names_member) {
  if (auto dash = split_grid(text, " - ", names_member); !dash.second.empty()) return dash;
  if (text.size() > kLongHeading) return {text, {}};
  for (auto at = text.find('.'); at != std::string::npos; at = text.find('.', at + 1)) {
    const std::string rest = trim(text.substr(at + 1));
    if (!rest.empty() && names_member(rest)) return {trim(text.substr(0, at)), rest};
  }
  for (auto at = text.find('.'); at != std::string::npos; at = text.find('.', at + 1)) {
    const std::string rest = trim(text.substr(at + 1));
    if (!rest.empty() && !question_field(text.substr(0, at)).empty()) return {trim(text.substr(0, at)), rest};
  }
  return {text, {}};
}

/// Google Forms: `Question [Partner]`.
std::pair<std::string, std::string> split_google(const std::string& text) {
  const auto open = text.rfind(" [");
  if (!text.ends_with(']') || open == std::string::npos) return {text, {}};
  return {trim(text.substr(0, open)), trim(text.substr(open + 2, text.size() - open - 3))};
}

bool has_heading(const SheetRow& row, std::string_view key) {
  for (std::size_t k = 0; k < row.cells.size(); ++k) {
    if (header_key(cell_text(row, k)) == key) return true;
  }
  return false;
}

/// The wide layout of a table, from its header rows; nullopt for any other.
std::optional<Wide> detect(const SheetTable& t, bool workbook, const NamesMember& names_member) {
  std::size_t h = 0;
  while (h < t.rows.size() && blank_row(t.rows[h])) ++h;
  if (h == t.rows.size()) return std::nullopt;
  const SheetRow& first = t.rows[h];
  const SheetRow* second = h + 1 < t.rows.size() ? &t.rows[h + 1] : nullptr;
  const SheetRow* third = h + 2 < t.rows.size() ? &t.rows[h + 2] : nullptr;
  const bool qualtrics = third != nullptr && std::any_of(third->cells.begin(), third->cells.end(), [](const auto& c) {
                           return trim(c).starts_with("{\"ImportId\"");
                         });
  Wide w;
  auto add = [&](std::size_t k, std::pair<std::string, std::string>&& split, const SheetRow& label_row) {
    Column c{k, std::move(split.first), {}, std::move(split.second), cell_place(t.where, workbook, label_row.line, k)};
    if (!c.header.empty() || !c.partner.empty()) w.columns.push_back(std::move(c));
  };
  if (qualtrics && second != nullptr) {
    w = {"Qualtrics", {}, h + 3};
    for (std::size_t k = 0; k < std::max(first.cells.size(), second->cells.size()); ++k) {
      const std::string text = cell_text(*second, k);
      add(k, split_grid(text.empty() ? cell_text(first, k) : text, " - ", names_member), *second);
      if (!w.columns.empty() && w.columns.back().k == k) w.columns.back().alias = cell_text(first, k);
    }
  } else if (has_heading(first, "respondent id") && second != nullptr) {
    w = {"SurveyMonkey", {}, h + 2};
    std::string question;
    for (std::size_t k = 0; k < std::max(first.cells.size(), second->cells.size()); ++k) {
      if (const std::string q = cell_text(first, k); !q.empty()) question = q;
      std::string label = cell_text(*second, k);
      const std::string key = header_key(label);
      if (key == "response" || key == "open ended response" || key == "other (please specify)") label.clear();
      add(k, {question, label}, label.empty() ? first : *second);
    }
  } else if (has_heading(first, "id") && has_heading(first, "start time") && has_heading(first, "completion time")) {
    w = {"Microsoft Forms", {}, h + 1};
    for (std::size_t k = 0; k < first.cells.size(); ++k)
      add(k, split_microsoft(cell_text(first, k), names_member), first);
  } else if (header_key(cell_text(first, 0)) == "timestamp") {
    w = {"Google Forms", {}, h + 1};
    for (std::size_t k = 0; k < first.cells.size(); ++k) add(k, split_google(cell_text(first, k)), first);
  } else {
    return std::nullopt;
  }
  // A sheet with the tool's first columns but no grid (a long layout that starts with a
  // Timestamp) is read as the long layout.
  if (std::none_of(w.columns.begin(), w.columns.end(), [](const Column& c) { return !c.partner.empty(); }))
    return std::nullopt;
  return w;
}

/// The plain column that gives the respondent's organization: a heading the long layout
/// recognises for `by`, else one that speaks of an organization or agency.
std::optional<std::size_t> organization_column(const std::vector<Column>& columns) {
  const auto& by = survey_fields().front().second;
  for (const auto* test : {"exact", "words"}) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const Column& c = columns[i];
      if (!c.partner.empty()) continue;
      const std::string key = header_key(c.header);
      const bool exact = std::find(by.begin(), by.end(), key) != by.end() || key == "your organisation";
      const bool words = key.find("organization") != std::string::npos ||
                         key.find("organisation") != std::string::npos || key.find("agency") != std::string::npos;
      if (std::string(test) == "exact" ? exact : words) return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> timestamp_column(const std::vector<Column>& columns) {
  for (const auto* name : {"timestamp", "completion time", "end date", "enddate", "recorded date", "recordeddate",
                           "submitted at", "submitted"}) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const Column& c = columns[i];
      if (c.partner.empty() && (header_key(c.header) == name || header_key(c.alias) == name)) return i;
    }
  }
  return std::nullopt;
}

/// Each column's field: `--map` first (by the plain column's heading or the grid's question),
/// then the organization and timestamp columns, then the words of each grid question.
std::vector<std::string> column_fields(const Wide& w, const std::vector<std::pair<std::string, std::string>>& map,
                                       std::set<std::string>& mapped) {
  std::vector<std::string> field(w.columns.size());
  for (std::size_t i = 0; i < w.columns.size(); ++i) {
    const Column& c = w.columns[i];
    for (const auto& [heading, to] : map) {
      const std::string key = header_key(heading);
      if (key != header_key(c.header) && (c.alias.empty() || key != header_key(c.alias))) continue;
      mapped.insert(lower(heading));
      const bool plain_only = to == "by" || to == "about" || to == "timestamp" || to == "contact";
      if (field[i].empty() && plain_only == c.partner.empty()) field[i] = to;
    }
  }
  auto unclaimed = [&](const std::string& name) { return std::find(field.begin(), field.end(), name) == field.end(); };
  if (const auto by = organization_column(w.columns); by && unclaimed("by") && field[*by].empty()) field[*by] = "by";
  if (const auto ts = timestamp_column(w.columns); ts && unclaimed("timestamp") && field[*ts].empty())
    field[*ts] = "timestamp";
  for (std::size_t i = 0; i < w.columns.size(); ++i) {
    if (field[i].empty() && !w.columns[i].partner.empty()) field[i] = question_field(w.columns[i].header);
  }
  return field;
}

}  // namespace

std::optional<SurveyTable> read_wide_layout(const SheetTable& table, bool workbook,
                                            const std::vector<std::pair<std::string, std::string>>& map,
                                            const NamesMember& names_member, std::vector<Diagnostic>& fatal) {
  const auto wide = detect(table, workbook, names_member);
  if (!wide) return std::nullopt;
  const Wide& w = *wide;
  SurveyTable out{w.layout, {}, {}, {}};
  const std::vector<std::string> field = column_fields(w, map, out.mapped);
  const int header_line = w.data_from > 0 ? table.rows[w.data_from - 1].line : 1;
  std::optional<std::size_t> by, timestamp;
  std::vector<std::string> partners;                                // in column order
  std::map<std::pair<std::string, std::string>, std::size_t> grid;  // (partner, field) -> column
  std::vector<std::string> left_out, unknown_questions;
  for (std::size_t i = 0; i < w.columns.size(); ++i) {
    const Column& c = w.columns[i];
    if (field[i] == "by") by = i;
    if (field[i] == "timestamp") timestamp = i;
    if (c.partner.empty() || field[i].empty() || field[i] == "by" || field[i] == "timestamp") {
      if (field[i].empty() && c.partner.empty()) left_out.push_back(c.header);
      if (field[i].empty() && !c.partner.empty() &&
          std::find(unknown_questions.begin(), unknown_questions.end(), c.header) == unknown_questions.end())
        unknown_questions.push_back(c.header);
      continue;
    }
    if (std::find(partners.begin(), partners.end(), c.partner) == partners.end()) partners.push_back(c.partner);
    if (const auto [at, fresh] = grid.emplace(std::make_pair(c.partner, field[i]), i); !fresh) {
      fatal.push_back(
          c.partner_at.problem(fmt::format("two columns give the {} of '{}' (columns {} and {})", field[i], c.partner,
                                           column_letters(w.columns[at->second].k), column_letters(c.k))));
    }
  }
  if (!by) {
    fatal.push_back({table.where,
                     {header_line, 1},
                     fmt::format("a {} export, but no column holds the respondent's organization (a question such as "
                                 "'Your organization'); name it with --map \"Heading=by\"",
                                 w.layout)});
  }
  if (!fatal.empty()) return out;
  for (std::size_t r = w.data_from; r < table.rows.size(); ++r) {
    const SheetRow& row = table.rows[r];
    if (blank_row(row)) continue;
    auto cell = [&](std::size_t i) {
      return SurveyCell{cell_text(row, w.columns[i].k), cell_place(table.where, workbook, row.line, w.columns[i].k)};
    };
    LongRow respondent{row_place(table.where, row.line), {{"by", cell(*by)}}, false};
    if (timestamp) respondent.fields["timestamp"] = cell(*timestamp);
    out.rows.push_back(respondent);  // a respondent, whether or not it names a partner
    for (const auto& partner : partners) {
      LongRow answer = respondent;
      answer.needs_answer = true;
      for (const auto& [key, i] : grid) {
        if (key.first != partner) continue;
        answer.fields[key.second] = cell(i);
        answer.fields.try_emplace("about", SurveyCell{partner, w.columns[i].partner_at});
      }
      out.rows.push_back(std::move(answer));
    }
  }
  if (!left_out.empty()) {
    out.notes.push_back(fmt::format("{}: read as a {} export; columns with no place in a survey were left out: {}",
                                    table.where, w.layout, fmt::join(left_out, ", ")));
  }
  for (const auto& q : unknown_questions) {
    out.notes.push_back(
        fmt::format("{}: the question '{}' asks about none of level, frequency or the six trust and "
                    "value items, and was left out; name it with --map \"{}=FIELD\"",
                    table.where, q, q));
  }
  return out;
}

}  // namespace xsector::detail
