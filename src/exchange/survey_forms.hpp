// Partner-survey exports as the form tools write them, turned into the long layout (one row
// per respondent and partner) that import_survey reads: the long layout itself, the wide
// layouts of Google Forms, Microsoft Forms, SurveyMonkey and Qualtrics, and the forms of
// `xsector survey-kit`. Every value keeps the place it came from, for messages. Internal.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xsector/error.hpp"
#include "xsector/exchange.hpp"

namespace xsector::detail {

/// Where a value is, as a message names it: a CSV file and its line and column, a workbook's
/// row (`book.xlsx:Sheet`, row, column 1), or a workbook's cell (`book.xlsx:Sheet:C5`, no
/// line).
struct Place {
  std::string file;
  SourcePos pos;
  [[nodiscard]] Diagnostic problem(std::string message) const { return {file, pos, std::move(message)}; }
  /// `file:line:column`, or `file` alone for a cell it names.
  [[nodiscard]] std::string str() const;
};

/// The layout of a survey-kit form's `Partners` sheet, which survey_kit writes and
/// read_kit_form reads: the organization in B1 (its member id in the hidden K1), the headers
/// on row 3, then a row per partner: name (A), sector (B), the answers (C to J: level,
/// frequency, the six items), the partner's member id (K, hidden).
struct KitLayout {
  static constexpr std::string_view sheet = "Partners";
  static constexpr std::string_view instructions = "Instructions";
  static constexpr int header_row = 3;
  static constexpr std::size_t first_answer = 2;
  static constexpr std::size_t answers = 8;
  static constexpr std::size_t id_column = 10;
};

/// One cell's text (trimmed, a formula guard `'` removed) and where it is.
struct SurveyCell {
  std::string text;
  Place at;
};

/// One answer in the long layout: respondent `by` about partner `about` (no `about`: a
/// respondent who named no partner). Fields: by, about, level, frequency, kinds, contact, the
/// six items (trust_reliability, ..., value_resources) and timestamp.
struct LongRow {
  Place row;  ///< the row (or, for a wide layout, the respondent's row)
  std::map<std::string, SurveyCell> fields;
  /// Wide layouts and forms: every partner has cells, so one counts only when it has a level
  /// or a rated item; the long layout names a partner by writing the row.
  bool needs_answer = false;
};

/// An export read into long rows, with the layout it was recognised as and notes for the user.
struct SurveyTable {
  std::string layout;  ///< "long", "Google Forms", "Microsoft Forms", "SurveyMonkey", "Qualtrics", "survey kit"
  std::vector<LongRow> rows;
  std::vector<std::string> notes;
  std::set<std::string> mapped;  ///< the `--map` headings (lower case) this export has
};

/// The survey fields and the headings the long layout recognises for each (header_key form).
const std::vector<std::pair<std::string, std::vector<std::string>>>& survey_fields();

/// `--map "Heading=field"` entries, checked: a UsageError names a bad one.
std::vector<std::pair<std::string, std::string>> survey_map(const std::vector<std::string>& entries);

/// True when a member is named by this text (id, name, or the name made into an id).
using NamesMember = std::function<bool(const std::string&)>;

/// Reads one export: CSV text, or the bytes of an .xlsx workbook (then a survey-kit form when
/// it has the kit's `Partners` sheet, else the sheet `sheet`, else one named Responses,
/// Survey, Answers or Results, else the first). The layout is recognised from the headers.
/// Problems with the file as a whole go to `fatal`. Throws InputError for a file that cannot
/// be read as a sheet, UsageError for a `--map` heading the file does not have.
SurveyTable read_survey_export(std::string_view bytes, const std::string& file, const std::string& sheet,
                               const std::vector<std::pair<std::string, std::string>>& map,
                               const NamesMember& names_member, std::vector<Diagnostic>& fatal);

/// The long layout of a sheet whose first row (after blank rows) is the header.
SurveyTable read_long_layout(const SheetTable& table, bool workbook,
                             const std::vector<std::pair<std::string, std::string>>& map,
                             std::vector<Diagnostic>& fatal);

/// A wide layout (Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics) recognised from the
/// table's header rows, or nullopt for the long layout.
std::optional<SurveyTable> read_wide_layout(const SheetTable& table, bool workbook,
                                            const std::vector<std::pair<std::string, std::string>>& map,
                                            const NamesMember& names_member, std::vector<Diagnostic>& fatal);

/// A survey-kit form (the `Partners` sheet of a workbook survey_kit wrote), or nullopt when
/// the workbook has no such sheet.
class XlsxWorkbook;
std::optional<SurveyTable> read_kit_form(const XlsxWorkbook& book, std::vector<Diagnostic>& fatal);

/// The place of cell (row `line`, column k from 0) of a table: `file:line:k+1` for CSV, the
/// cell `book.xlsx:Sheet:C5` for a workbook.
Place cell_place(const std::string& where, bool workbook, int line, std::size_t k);
/// The place of a row: `where:line:1`.
inline Place row_place(const std::string& where, int line) { return {where, {line, 1}}; }
/// A column's letters (0 -> A, 26 -> AA).
std::string column_letters(std::size_t k);

/// The text of a cell: trimmed, one formula guard `'` removed.
std::string cell_text(const SheetRow& row, std::size_t k);

/// A missing answer: blank, Don't know, Do not know, N/A, NA, Not applicable, Prefer not to
/// say or `-` (any case; ’ as well as ').
bool missing_answer(const std::string& text);
/// The explicit no-tie answer `Not a partner` (any case).
bool not_a_partner(const std::string& text);

/// The field a question's words ask about (level, frequency, kinds or one of the six items),
/// or empty.
std::string question_field(const std::string& question);

/// The date (YYYY-MM-DD) of a timestamp as the tools write it: 2025-05-01, 2025-05-01
/// 10:12:33, 2025-05-01T10:12:33Z, 5/1/2025 10:12:33, 05/01/2025 10:12:33 AM, 5/1/25 (month
/// first, unless the first number is above 12); nullopt otherwise.
std::optional<std::string> timestamp_date(const std::string& text);

}  // namespace xsector::detail
