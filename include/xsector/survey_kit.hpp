// The partner survey out and back: the kit of forms sent to every member (`xsector
// survey-kit`), and the import of the answers, from the forms or from a form tool's export
// (`xsector import survey`). docs/surveys.md describes both.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/exchange.hpp"

namespace xsector {

/// One export of survey answers: its bytes (CSV text, or an .xlsx workbook when `file` ends
/// in .xlsx) and its name for messages.
struct SurveyExport {
  std::string file;
  std::string bytes;
};

/// import_survey over several exports at once (the filled forms of a kit, or the exports of
/// several collectors): each is read in its own layout, recognised from its headers (the long
/// layout, Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics, or a survey-kit form), and
/// the answers of all of them make one survey. `members` is a members sheet (.csv or .xlsx)
/// or a coalition file (.yaml or .yml), which then keeps everything it holds and gets the
/// survey (replacing one it had). Missing answers (blank, Don't know, N/A, ...) are missing
/// items, never errors; `Not a partner` is an explicit no-tie answer; in a wide layout or a
/// form a partner with no level and no rated item is not a response. `fielded` is the latest
/// timestamp of the answers when the exports have one. Problems are reported at the cell
/// (`file:line:column` for CSV, `book.xlsx:Sheet:C5` for a workbook) or row they concern;
/// throws InputError for them (or, with skip_bad_rows, lists them in `skipped`), UsageError
/// for a bad `column_map` entry or one whose heading no export has. Time: O(cells log cells)
/// plus the load.
Imported import_survey_exports(const std::vector<SurveyExport>& exports, std::string_view members,
                               const std::string& members_file, const ImportOptions& options,
                               const std::vector<std::string>& column_map = {});

enum class KitFormat { xlsx, html };

/// `xlsx` or `html`; UsageError otherwise. O(1).
KitFormat parse_kit_format(std::string_view name);

/// The question each column of the kit asks, in order: level, frequency, then reliability,
/// mission, openness, power, involvement, resources (`heading` as the form's column shows it,
/// `field` as import_survey names it, `answers` the answers the form accepts).
struct KitQuestion {
  std::string_view field;
  std::string_view label;    ///< short: Level, Frequency, Reliability, ...
  std::string_view heading;  ///< the full question
  std::vector<std::string_view> answers;
};
const std::vector<KitQuestion>& kit_questions();

/// One printable HTML page for member `member` of `coalition` (self-contained, no script): its
/// organization, the instructions, and a row per other member with each question's answers to
/// circle. Time: O(members).
std::string survey_kit_html(const Coalition& coalition, std::size_t member);

/// Writes the kit into folder `dir`: `<member id>.xlsx` (or `.html`) for every member. Each
/// workbook has a sheet `Instructions` and a sheet `Partners` (the organization in B1, locked;
/// a row per other member with `Partner`, `Sector`, then a column per question restricted to
/// its answers by data validation; only the answer cells unlocked). The forms are written into
/// a temporary folder beside `dir`, then renamed to `dir`, so the kit appears whole or not at
/// all; `dir` must not exist or be an empty folder unless `replace` is true (then its files of
/// the same names are replaced, each atomically). Returns the files written. Throws IoError
/// when a folder or file cannot be written, UsageError for a `dir` that is not empty without
/// `replace`. Time: O(members²).
std::vector<std::filesystem::path> write_survey_kit(const Coalition& coalition, const std::filesystem::path& dir,
                                                    KitFormat format, bool replace = false);

}  // namespace xsector
