// A filled survey-kit form (the `Partners` sheet survey_kit writes) read back into long rows,
// each value at its cell (`hub.xlsx:Partners:C5`).
#include <fmt/format.h>

#include <algorithm>

#include "exchange/sheets.hpp"
#include "exchange/survey_forms.hpp"
#include "exchange/xlsx_reader.hpp"

namespace xsector::detail {

std::optional<SurveyTable> read_kit_form(const XlsxWorkbook& book, std::vector<Diagnostic>& fatal) {
  const std::string name = book.find_sheet(KitLayout::sheet);
  if (name.empty()) return std::nullopt;
  const std::vector<SheetRow> rows = book.rows(name);
  const auto row_at = [&](int line) -> const SheetRow* {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const SheetRow& r) { return r.line == line; });
    return it == rows.end() ? nullptr : &*it;
  };
  const SheetRow* header = row_at(KitLayout::header_row);
  if (header == nullptr || header_key(cell_text(*header, 0)) != "partner") return std::nullopt;  // not a kit form
  const std::string where = book.file() + ":" + name;
  SurveyTable out{"survey kit", {}, {}, {}};
  // Each answer column's field, from its heading (the question's words).
  std::vector<std::pair<std::size_t, std::string>> columns;
  for (std::size_t k = KitLayout::first_answer; k < KitLayout::first_answer + KitLayout::answers; ++k) {
    const std::string heading = cell_text(*header, k);
    const std::string field = question_field(heading);
    const bool repeated = std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.second == field; });
    if (field.empty() || repeated) {
      fatal.push_back(cell_place(where, true, KitLayout::header_row, k)
                          .problem(fmt::format("the heading '{}' is not one of the kit's questions (the form was "
                                               "changed: make a new kit with xsector survey-kit)",
                                               heading)));
      continue;
    }
    columns.emplace_back(k, field);
  }
  const SheetRow* first = row_at(1);
  const std::string respondent_id = first != nullptr ? cell_text(*first, KitLayout::id_column) : std::string();
  const std::string respondent_name = first != nullptr ? cell_text(*first, 1) : std::string();
  const SurveyCell by{respondent_id.empty() ? respondent_name : respondent_id, cell_place(where, true, 1, 1)};
  if (by.text.empty()) fatal.push_back(by.at.problem("the form names no organization in B1"));
  if (!fatal.empty()) return out;
  // A form with no answer at all was not returned filled in: its member did not answer.
  const bool blank = std::all_of(rows.begin(), rows.end(), [&](const SheetRow& row) {
    return row.line <= KitLayout::header_row ||
           std::all_of(columns.begin(), columns.end(), [&](const auto& c) { return cell_text(row, c.first).empty(); });
  });
  if (blank) {
    out.notes.push_back(fmt::format("{}: the form has no answer; '{}' is counted as not answering", where, by.text));
    return out;
  }
  out.rows.push_back(LongRow{by.at, {{"by", by}}, false});
  for (const SheetRow& row : rows) {
    if (row.line <= KitLayout::header_row || blank_row(row)) continue;
    const std::string id = cell_text(row, KitLayout::id_column);
    LongRow answer{cell_place(where, true, row.line, 0), {{"by", by}}, true};
    answer.fields["about"] = {id.empty() ? cell_text(row, 0) : id, cell_place(where, true, row.line, 0)};
    for (const auto& [k, field] : columns)
      answer.fields[field] = {cell_text(row, k), cell_place(where, true, row.line, k)};
    out.rows.push_back(std::move(answer));
  }
  return out;
}

}  // namespace xsector::detail
