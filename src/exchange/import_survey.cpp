#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "exchange/xlsx_reader.hpp"
#include "xsector/load.hpp"
#include "xsector/survey.hpp"

namespace xsector {

using namespace detail;

// ---- A partner survey's export (docs/surveys.md, "Importing a survey") ------------------

namespace {

/// The survey fields a responses sheet can hold, and the headings each is recognised by
/// (compared in lower case, trimmed).
const std::vector<std::pair<std::string, std::vector<std::string>>>& survey_columns() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> columns = {
      {"by",
       {"by", "respondent", "respondent organization", "organization", "organisation", "your organization", "from",
        "source"}},
      {"about", {"about", "partner", "partner organization", "partner name", "rated partner", "to", "target"}},
      {"level", {"level", "level of collaboration", "collaboration level", "relationship level", "relationship"}},
      {"frequency", {"frequency", "frequency of contact", "frequency of interaction", "how often"}},
      {"kinds", {"kinds", "kind", "type of exchange", "kinds of exchange", "resources exchanged", "exchange"}},
      {"contact", {"contact", "contact id", "respondent contact"}},
      {"trust_reliability", {"trust_reliability", "trust reliability", "reliability", "reliable"}},
      {"trust_mission",
       {"trust_mission", "trust mission", "mission", "shared mission", "mission congruence", "in support of mission"}},
      {"trust_openness",
       {"trust_openness", "trust openness", "openness", "open to discussion", "openness to discussion"}},
      {"value_power",
       {"value_power", "value power", "power", "power and influence", "power/influence", "power & influence"}},
      {"value_involvement", {"value_involvement", "value involvement", "involvement", "level of involvement"}},
      {"value_resources",
       {"value_resources", "value resources", "resources", "resource contribution", "contributing resources",
        "resources contributed"}},
  };
  return columns;
}

/// A survey export's sheet: `text` is CSV, or the bytes of an .xlsx workbook when `file`
/// ends in .xlsx; then the sheet is `sheet` when given, else one named Responses, Survey,
/// Answers or Results, else the first.
SheetTable read_responses(std::string_view text, const std::string& file, const std::string& sheet) {
  if (!is_xlsx(file)) return read_csv_sheet(text, file);
  static const std::vector<std::string> defaults = {"responses", "survey", "answers", "results"};
  const XlsxWorkbook book(text, file);
  const std::string name = pick_sheet(book, sheet, defaults, true);
  return SheetTable{file + ":" + name, book.rows(name)};
}

}  // namespace

Imported import_survey(std::string_view responses_text, const std::string& responses_file,
                       std::string_view members_text, const std::string& members_file, const ImportOptions& options,
                       const std::vector<std::string>& column_map) {
  // Members come from a sheet like Kumu's elements sheet (ID or Label, Sector or Type, ...).
  ImportOptions member_options = options;
  if (member_options.name.empty()) member_options.name = std::filesystem::path(responses_file).stem().string();
  BuiltImport base = build_from_sheets(read_csv_sheet(members_text, members_file), nullptr, member_options);
  check_import(base.coalition, base.where);
  Coalition& c = base.coalition;

  std::map<std::string, std::size_t> member_of;  // id, name and slug of the name (lower case) -> member
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    member_of.emplace(c.members[v].id, v);
    member_of.emplace(lower(c.members[v].name), v);
    member_of.emplace(slug_of(c.members[v].name), v);
  }
  auto find_member = [&](const std::string& text) -> std::optional<std::size_t> {
    for (const auto& key : {text, lower(text), slug_of(text)}) {
      if (const auto it = member_of.find(key); it != member_of.end()) return it->second;
    }
    return std::nullopt;
  };

  RowProblems problems(options);
  SheetTable table;
  try {
    table = read_responses(responses_text, responses_file, options.members_sheet);
  } catch (const InputError& e) {
    problems.fatal().insert(problems.fatal().end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  if (!problems.fatal().empty()) problems.settle();
  const Sheet sheet(table, SheetKind::survey, options, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  // Field -> the sheet's column (lower case): --map first, then the recognised headings.
  std::map<std::string, std::string> column_of;
  for (const auto& entry : column_map) {
    const auto eq = entry.rfind('=');
    const std::string heading = eq == std::string::npos ? std::string() : lower(trim(entry.substr(0, eq)));
    const std::string field = eq == std::string::npos ? std::string() : trim(entry.substr(eq + 1));
    const auto& fields = survey_columns();
    const bool known = std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
    if (heading.empty() || !known) {
      std::vector<std::string> names;
      names.reserve(fields.size());
      for (const auto& f : fields) names.push_back(f.first);
      throw UsageError(fmt::format("--map '{}': write \"Column heading=field\", the field one of {}", entry,
                                   fmt::join(names, ", ")));
    }
    if (!sheet.has(heading)) {
      throw UsageError(
          fmt::format("--map '{}': {} has no column '{}'", entry, responses_file, trim(entry.substr(0, eq))));
    }
    column_of[field] = heading;
  }
  for (const auto& [field, headings] : survey_columns()) {
    if (column_of.contains(field)) continue;
    for (const auto& h : headings) {
      const bool taken = std::any_of(column_of.begin(), column_of.end(), [&](const auto& e) { return e.second == h; });
      if (sheet.has(h) && !taken) {
        column_of[field] = h;
        break;
      }
    }
  }
  for (const auto* field : {"by", "about"}) {
    if (!column_of.contains(field)) {
      problems.add_fatal(
          {responses_file,
           {1, 1},
           fmt::format("no column holds '{}' ({}); name one with --map \"Heading={}\"", field,
                       std::string(field) == "by" ? "the organization that answered" : "the partner it rates", field)});
    }
  }
  if (!problems.fatal().empty()) problems.settle();
  auto cell = [&](const SheetRow& row, const std::string& field) {
    const auto it = column_of.find(field);
    return it == column_of.end() ? std::string() : sheet.get(row, it->second);
  };

  Survey survey;
  std::vector<bool> answered(c.members.size(), false);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  static const std::vector<std::string> frequencies = {"never", "yearly", "quarterly", "monthly", "weekly", "daily"};
  for (const SheetRow& row : sheet.rows()) {
    const std::string by_text = cell(row, "by");
    const std::string about_text = cell(row, "about");
    if (by_text.empty()) {
      if (!about_text.empty()) problems.add(sheet.file(), row.line, "no respondent: the 'by' cell is empty");
      continue;
    }
    const auto by = find_member(by_text);
    if (!by) {
      problems.add(sheet.file(), row.line, fmt::format("respondent '{}' is not a member in {}", by_text, members_file));
      continue;
    }
    answered[*by] = true;
    if (about_text.empty()) continue;  // a respondent who named no partner
    const auto about = find_member(about_text);
    if (!about) {
      problems.add(sheet.file(), row.line, fmt::format("partner '{}' is not a member in {}", about_text, members_file));
      continue;
    }
    if (*about == *by) {
      problems.add(sheet.file(), row.line, fmt::format("'{}' rates itself", by_text));
      continue;
    }
    if (!seen.emplace(*by, *about).second) {
      problems.add(sheet.file(), row.line,
                   fmt::format("a second answer by '{}' about '{}'", c.members[*by].id, c.members[*about].id));
      continue;
    }
    Response r;
    r.by = *by;
    r.about = *about;
    r.pos = base.where.mark({sheet.file(),
                             {row.line, 1},
                             fmt::format("the answer by '{}' about '{}'", c.members[*by].id, c.members[*about].id)});
    bool ok = true;
    if (const auto level = cell(row, "level"); !level.empty()) {
      if (const auto l = level_of(level)) {
        r.level = static_cast<TieLevel>(*l);
      } else {
        problems.add(sheet.file(), row.line, fmt::format("level '{}' is not 1-4 nor a level's name", level));
        ok = false;
      }
    }
    if (const auto frequency = lower(cell(row, "frequency")); !frequency.empty()) {
      const auto it = std::find(frequencies.begin(), frequencies.end(), frequency);
      if (it != frequencies.end()) {
        r.frequency = static_cast<Frequency>(it - frequencies.begin());
      } else {
        problems.add(
            sheet.file(), row.line,
            fmt::format("frequency '{}' is not never, yearly, quarterly, monthly, weekly or daily", frequency));
        ok = false;
      }
    }
    const std::string kinds = cell(row, "kinds");
    const char separator = kinds.find('|') != std::string::npos   ? '|'
                           : kinds.find(';') != std::string::npos ? ';'
                                                                  : ',';
    r.kinds = split(kinds, separator);
    for (std::size_t i = 0; i < 3; ++i) {
      for (const bool trust : {true, false}) {
        const std::string field =
            fmt::format("{}_{}", trust ? "trust" : "value", trust ? trust_item_names[i] : value_item_names[i]);
        const std::string text = cell(row, field);
        if (text.empty()) continue;
        if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
          (trust ? r.trust : r.value)[i] = text[0] - '0';
        } else {
          problems.add(sheet.file(), row.line,
                       fmt::format("{} '{}' is not a rating from 1 to 4", column_of.at(field), text));
          ok = false;
        }
      }
    }
    if (const auto contact = cell(row, "contact"); !contact.empty()) r.contact = slug_of(contact);
    if (ok) survey.responses.push_back(std::move(r));
  }
  auto skipped = problems.settle();
  std::vector<std::string> missing;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (answered[v])
      survey.respondents.push_back(v);
    else
      missing.push_back(c.members[v].id);
  }
  Imported out;
  out.skipped = std::move(skipped);
  out.notes = base.notes;
  if (!missing.empty()) {
    out.notes.push_back(fmt::format("{} of {} members did not answer (non-respondents): {}", missing.size(),
                                    c.members.size(), fmt::join(missing, ", ")));
  }
  std::set<std::string> used;
  for (const auto& [field, column] : column_of) used.insert(column);
  for (const auto& column : sheet.unknown(used)) {
    out.notes.push_back(
        fmt::format("column '{}' of {} has no place in a survey and was left out", column, responses_file));
  }
  c.survey = std::move(survey);
  check_import(c, base.where);  // what is written always loads
  out.yaml = coalition_yaml(c);
  return out;
}

}  // namespace xsector
