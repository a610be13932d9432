// `xsector import survey`: a partner survey's answers, from any layout survey_forms.hpp reads,
// made into the `survey` section of a coalition (docs/surveys.md, "Importing a survey").
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "exchange/survey_forms.hpp"
#include "exchange/xlsx_reader.hpp"
#include "xsector/load.hpp"
#include "xsector/survey.hpp"
#include "xsector/survey_kit.hpp"

namespace xsector {

using namespace detail;

namespace {

/// A coalition file's elements marked in the import's provenance at their lines in `file`
/// (positions in the YAML are not entries of it).
void mark_loaded(Coalition& c, const std::string& file, Provenance& where) {
  auto mark = [&](SourcePos& pos, std::string what) { pos = where.mark({file, {pos.line, 1}, std::move(what)}); };
  for (Member& m : c.members) {
    mark(m.pos, fmt::format("member '{}'", m.id));
    for (Contact& p : m.contacts) p.pos = m.pos;
  }
  for (Tie& t : c.ties) {
    mark(t.pos, fmt::format("tie {} {} {}", c.members[t.a].id, t.directed ? "->" : "--", c.members[t.b].id));
  }
  for (Body& b : c.governance) {
    mark(b.pos, fmt::format("body '{}'", b.id));
    for (Seat& seat : b.seats)
      mark(seat.pos, fmt::format("seat of '{}' in body '{}'", c.members[seat.member].id, b.id));
  }
  for (Sector& s : c.extra_sectors) mark(s.pos, fmt::format("sector '{}'", s.id));
  for (Waiver& w : c.waivers) mark(w.pos, fmt::format("waiver of sector '{}'", w.sector));
}

/// The members the answers are about: a members sheet (CSV or workbook) or a coalition file.
BuiltImport read_members(std::string_view text, const std::string& file, const ImportOptions& options) {
  const std::string extension = lower(std::filesystem::path(file).extension().string());
  if (extension == ".yaml" || extension == ".yml") {
    BuiltImport base(Origin{file, {}, {}});
    base.coalition = parse_coalition(text, file);
    Coalition& c = base.coalition;
    std::erase_if(c.ties, [](const Tie& t) { return t.from_survey; });
    c.survey.reset();
    mark_loaded(c, file, base.where);
    return base;
  }
  SheetTable table;
  if (is_xlsx(file)) {
    const XlsxWorkbook book(text, file);
    const std::string sheet = pick_sheet(book, "", {"members", "elements", "partners", "organizations", "nodes"}, true);
    table = SheetTable{file + ":" + sheet, book.rows(sheet)};
  } else {
    table = read_csv_sheet(text, file);
  }
  BuiltImport base = build_from_sheets(table, nullptr, options);
  check_import(base.coalition, base.where);
  return base;
}

/// Members by id, by name (any case) and by the name made into an id.
class MemberFinder {
 public:
  explicit MemberFinder(const Coalition& c) {
    for (std::size_t v = 0; v < c.members.size(); ++v) {
      index_.emplace(c.members[v].id, v);
      index_.emplace(lower(c.members[v].name), v);
      index_.emplace(slug_of(c.members[v].name), v);
    }
  }
  [[nodiscard]] std::optional<std::size_t> operator()(const std::string& text) const {
    for (const auto& key : {text, lower(text), slug_of(text)}) {
      if (const auto it = index_.find(key); it != index_.end()) return it->second;
    }
    return std::nullopt;
  }

 private:
  std::map<std::string, std::size_t> index_;
};

/// A level as an answer: a level's name or 1-4, alone or first (`collaborating - shared goals`).
std::optional<int> answer_level(const std::string& text) {
  if (const auto l = level_of(trim(text))) return l;
  const auto end = trim(text).find_first_of(" -:(.,");
  return end == std::string::npos ? std::nullopt : level_of(trim(text).substr(0, end));
}

/// A rating 1-4: the digit alone or first (`4 - a great deal`), or PARTNER's words for it.
std::optional<int> answer_rating(const std::string& text) {
  const std::string t = lower(trim(text));
  static const std::vector<std::string> words = {"not at all", "a small amount", "a fair amount", "a great deal"};
  if (const auto it = std::find(words.begin(), words.end(), t); it != words.end())
    return static_cast<int>(it - words.begin()) + 1;
  if (t.empty() || t[0] < '1' || t[0] > '4') return std::nullopt;
  if (t.size() == 1 || std::string_view(" -:()").find(t[1]) != std::string_view::npos) return t[0] - '0';
  // 4.0 (a number cell), or 4. A great deal
  if (t[1] == '.' && (t.size() == 2 || t[2] == ' ' || t.find_first_not_of('0', 2) == std::string::npos))
    return t[0] - '0';
  return std::nullopt;
}

std::optional<Frequency> answer_frequency(const std::string& text) {
  static const std::vector<std::string> names = {"never", "yearly", "quarterly", "monthly", "weekly", "daily"};
  std::string t = lower(trim(text));
  if (const auto end = t.find_first_of(" -:(.,"); end != std::string::npos) t = t.substr(0, end);
  const auto it = std::find(names.begin(), names.end(), t);
  if (it == names.end()) return std::nullopt;
  return static_cast<Frequency>(it - names.begin());
}

/// Turns long rows into responses, respondents and the date the survey was fielded.
class Answers {
 public:
  Answers(Coalition& c, Provenance& where, RowProblems& problems, std::string members_file)
      : c_(c),
        where_(where),
        problems_(problems),
        find_(c),
        members_file_(std::move(members_file)),
        answered_(c.members.size(), false) {}

  void add(const LongRow& row);
  [[nodiscard]] const MemberFinder& finder() const { return find_; }
  Survey survey;
  std::vector<bool>& answered() { return answered_; }
  std::optional<std::string> fielded;
  std::vector<std::string> unread_examples;  ///< the first timestamps that are not dates
  [[nodiscard]] std::size_t unread_timestamps() const { return unread_timestamps_; }

 private:
  void problem(const Place& at, std::string message) {
    Diagnostic d = at.problem(std::move(message));
    if (reported_.insert(d.str()).second) problems_.add(std::move(d));
  }
  [[nodiscard]] static const SurveyCell* get(const LongRow& row, const std::string& field) {
    const auto it = row.fields.find(field);
    return it == row.fields.end() || missing_answer(it->second.text) ? nullptr : &it->second;
  }
  void note_timestamp(const LongRow& row);
  bool fill(Response& r, const LongRow& row);

  Coalition& c_;
  Provenance& where_;
  RowProblems& problems_;
  MemberFinder find_;
  std::string members_file_;
  std::vector<bool> answered_;
  std::set<std::pair<std::size_t, std::size_t>> seen_;
  std::set<std::string> reported_;
  std::size_t unread_timestamps_ = 0;
};

void Answers::note_timestamp(const LongRow& row) {
  const SurveyCell* cell = get(row, "timestamp");
  if (cell == nullptr || row.needs_answer) return;  // a wide layout's partner rows repeat the respondent's
  if (const auto date = timestamp_date(cell->text)) {
    if (!fielded || *date > *fielded) fielded = *date;
  } else {
    if (++unread_timestamps_ <= 3) unread_examples.push_back(fmt::format("{} '{}'", cell->at.str(), cell->text));
  }
}

void Answers::add(const LongRow& row) {
  const SurveyCell* by = get(row, "by");
  const SurveyCell* about = get(row, "about");
  const SurveyCell* level = get(row, "level");
  const bool no_tie = level != nullptr && not_a_partner(level->text);
  const bool rated = std::any_of(row.fields.begin(), row.fields.end(), [](const auto& f) {
    return (f.first.starts_with("trust_") || f.first.starts_with("value_")) && !missing_answer(f.second.text);
  });
  const bool content = (level != nullptr && !no_tie) || rated;
  if (row.needs_answer && !content) about = nullptr;  // every cell blank or Don't know: not a response
  if (by == nullptr) {
    if (about != nullptr) problem(row.row, "no respondent: the 'by' cell is empty");
    return;
  }
  const auto b = find_(by->text);
  if (!b) {
    problem(by->at, fmt::format("respondent '{}' is not a member in {}", by->text, members_file_));
    return;
  }
  answered_[*b] = true;
  note_timestamp(row);
  if (about == nullptr || no_tie) return;  // no partner named, or `Not a partner`
  const auto a = find_(about->text);
  if (!a) {
    problem(about->at, fmt::format("partner '{}' is not a member in {}", about->text, members_file_));
    return;
  }
  if (*a == *b) {
    problem(row.row, fmt::format("'{}' rates itself", by->text));
    return;
  }
  if (!seen_.emplace(*b, *a).second) {
    problem(row.row, fmt::format("a second answer by '{}' about '{}'", c_.members[*b].id, c_.members[*a].id));
    return;
  }
  Response r;
  r.by = *b;
  r.about = *a;
  r.pos = where_.mark(
      {row.row.file, row.row.pos, fmt::format("the answer by '{}' about '{}'", c_.members[*b].id, c_.members[*a].id)});
  if (fill(r, row)) survey.responses.push_back(std::move(r));
}

/// The answers of one response: level, frequency, kinds, the six items, contact. False when
/// a cell holds something that is not an answer (each such cell is reported).
bool Answers::fill(Response& r, const LongRow& row) {
  bool ok = true;
  if (const SurveyCell* level = get(row, "level")) {
    if (const auto l = answer_level(level->text)) {
      r.level = static_cast<TieLevel>(*l);
    } else {
      problem(level->at,
              fmt::format("level '{}' is not 1-4, a level's name, Not a partner nor Don't know", level->text));
      ok = false;
    }
  }
  if (const SurveyCell* frequency = get(row, "frequency")) {
    if (const auto f = answer_frequency(frequency->text)) {
      r.frequency = *f;
    } else {
      problem(frequency->at,
              fmt::format("frequency '{}' is not never, yearly, quarterly, monthly, weekly or daily", frequency->text));
      ok = false;
    }
  }
  if (const SurveyCell* kinds = get(row, "kinds")) {
    const std::string& k = kinds->text;
    r.kinds = split(k, k.find('|') != std::string::npos ? '|' : k.find(';') != std::string::npos ? ';' : ',');
  }
  for (std::size_t i = 0; i < 3; ++i) {
    for (const bool trust : {true, false}) {
      const std::string_view item = trust ? trust_item_names[i] : value_item_names[i];
      const SurveyCell* cell = get(row, fmt::format("{}_{}", trust ? "trust" : "value", item));
      if (cell == nullptr) continue;
      if (const auto v = answer_rating(cell->text)) {
        (trust ? r.trust : r.value)[i] = *v;
      } else {
        problem(cell->at, fmt::format("{} '{}' is not a rating from 1 to 4 (nor Don't know)", item, cell->text));
        ok = false;
      }
    }
  }
  if (const SurveyCell* contact = get(row, "contact")) r.contact = slug_of(contact->text);
  return ok;
}

}  // namespace

Imported import_survey_exports(const std::vector<SurveyExport>& exports, std::string_view members_text,
                               const std::string& members_file, const ImportOptions& options,
                               const std::vector<std::string>& column_map) {
  ImportOptions member_options = options;
  if (member_options.name.empty() && !exports.empty())
    member_options.name = std::filesystem::path(exports.front().file).stem().string();
  BuiltImport base = read_members(members_text, members_file, member_options);
  Coalition& c = base.coalition;
  const auto map = survey_map(column_map);
  RowProblems problems(options);
  Answers answers(c, base.where, problems, members_file);
  const NamesMember names_member = [&](const std::string& text) { return answers.finder()(text).has_value(); };
  std::vector<SurveyTable> tables;
  bool all_read = true;
  for (const SurveyExport& e : exports) {
    try {
      tables.push_back(read_survey_export(e.bytes, e.file, options.members_sheet, map, names_member, problems.fatal()));
    } catch (const InputError& error) {
      problems.fatal().insert(problems.fatal().end(), error.diagnostics().begin(), error.diagnostics().end());
      all_read = false;
    }
  }
  for (const auto& entry : map) {
    const std::string key = lower(entry.first);
    const bool found =
        std::any_of(tables.begin(), tables.end(), [&](const SurveyTable& t) { return t.mapped.contains(key); });
    if (!found && all_read) {
      std::vector<std::string> files;
      files.reserve(exports.size());
      for (const auto& e : exports) files.push_back(e.file);
      throw UsageError(fmt::format("--map '{}={}': {} has no column '{}'", entry.first, entry.second,
                                   fmt::join(files, ", "), entry.first));
    }
  }
  if (!problems.fatal().empty()) problems.settle();
  for (const SurveyTable& t : tables) {
    for (const LongRow& row : t.rows) answers.add(row);
  }
  // The members sheet's rows left out come first, then the survey's.
  std::vector<Diagnostic> skipped = problems.settle();
  base.skipped.insert(base.skipped.end(), skipped.begin(), skipped.end());
  for (const SurveyTable& t : tables) base.notes.insert(base.notes.end(), t.notes.begin(), t.notes.end());
  Survey& survey = answers.survey;
  std::vector<std::string> missing;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (answers.answered()[v])
      survey.respondents.push_back(v);
    else
      missing.push_back(c.members[v].id);
  }
  if (!missing.empty()) {
    base.notes.push_back(fmt::format("{} of {} members did not answer (non-respondents): {}", missing.size(),
                                     c.members.size(), fmt::join(missing, ", ")));
  }
  if (answers.fielded) survey.fielded = *answers.fielded;
  if (answers.unread_timestamps() > 0) {
    base.notes.push_back(fmt::format("{} timestamps are not dates and were left out of 'fielded': {}{}",
                                     answers.unread_timestamps(), fmt::join(answers.unread_examples, "; "),
                                     answers.unread_timestamps() > 3 ? "; ..." : ""));
  }
  c.survey = std::move(survey);
  Imported out = finish_import(std::move(base));  // checked as the loader checks a file
  out.comment.clear();                            // a survey's file is written without one
  return out;
}

Imported import_survey(std::string_view responses_text, const std::string& responses_file,
                       std::string_view members_text, const std::string& members_file, const ImportOptions& options,
                       const std::vector<std::string>& column_map) {
  return import_survey_exports({SurveyExport{responses_file, std::string(responses_text)}}, members_text, members_file,
                               options, column_map);
}

}  // namespace xsector
