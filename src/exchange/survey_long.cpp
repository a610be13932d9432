// A survey export's layout recognised and read into long rows; the long layout itself (a row
// per respondent and partner) and what every layout shares: cell places, missing answers,
// the words of a question, timestamps.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>

#include "common/text.hpp"
#include "exchange/sheets.hpp"
#include "exchange/survey_forms.hpp"
#include "exchange/xlsx_reader.hpp"

namespace xsector::detail {

const std::vector<std::pair<std::string, std::vector<std::string>>>& survey_fields() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> fields = {
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
      {"timestamp",
       {"timestamp", "completion time", "end date", "enddate", "recorded date", "recordeddate", "submitted",
        "submitted at", "submission date", "date"}},
  };
  return fields;
}

std::vector<std::pair<std::string, std::string>> survey_map(const std::vector<std::string>& entries) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto& fields = survey_fields();
  for (const auto& entry : entries) {
    const auto eq = entry.rfind('=');
    const std::string heading = eq == std::string::npos ? std::string() : trim(entry.substr(0, eq));
    const std::string field = eq == std::string::npos ? std::string() : trim(entry.substr(eq + 1));
    const bool known = std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
    if (heading.empty() || !known) {
      std::vector<std::string> names;
      names.reserve(fields.size());
      for (const auto& f : fields) names.push_back(f.first);
      throw UsageError(fmt::format("--map '{}': write \"Column heading=field\", the field one of {}", entry,
                                   fmt::join(names, ", ")));
    }
    out.emplace_back(heading, field);
  }
  return out;
}

std::string column_letters(std::size_t k) {
  std::string out;
  for (std::size_t n = k + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

Place cell_place(const std::string& where, bool workbook, int line, std::size_t k) {
  if (workbook) return {fmt::format("{}:{}{}", where, column_letters(k), line), {}};
  return {where, {line, static_cast<int>(k) + 1}};
}

std::string Place::str() const { return pos.line > 0 ? fmt::format("{}:{}:{}", file, pos.line, pos.column) : file; }

std::string cell_text(const SheetRow& row, std::size_t k) {
  return k < row.cells.size() ? trim(csv_text_value(row.cells[k])) : std::string();
}

namespace {

/// Lower case, the typographic apostrophe as ', runs of spaces as one.
std::string answer_key(const std::string& text) {
  const std::string s = lower(trim(text));
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (s[i] != ' ' || out.empty() || out.back() != ' ') {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

bool missing_answer(const std::string& text) {
  static const std::set<std::string> words = {"",   "don't know",     "do not know",       "dont know", "n/a",
                                              "na", "not applicable", "prefer not to say", "-",         "\xE2\x80\x93"};
  return words.contains(answer_key(text));
}

bool not_a_partner(const std::string& text) { return answer_key(text) == "not a partner"; }

std::string question_field(const std::string& question) {
  const std::string q = lower(question);
  auto has = [&](std::string_view word) { return q.find(word) != std::string::npos; };
  // The six items first: "level of involvement" is the involvement item, not a level.
  if (has("reliab")) return "trust_reliability";
  if (has("mission")) return "trust_mission";
  if (has("open")) return "trust_openness";
  if (has("power") || has("influence")) return "value_power";
  if (has("involve")) return "value_involvement";
  if (has("resource")) return "value_resources";
  if (has("frequen") || has("how often")) return "frequency";
  if (has("level") || has("relationship") || has("collaborat")) return "level";
  return {};
}

namespace {

bool valid_date(int y, int m, int d) {
  static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[static_cast<std::size_t>(m - 1)]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

/// Up to three numbers separated by `sep` at the start of `s`, then the end, a space or a T.
std::optional<std::array<int, 3>> three_numbers(std::string_view s, char sep, std::array<int, 3>& widths) {
  std::array<int, 3> n{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto* begin = s.data() + at;
    const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), n[i]);
    if (ec != std::errc{} || ptr == begin || *begin == '-' || *begin == '+') return std::nullopt;
    widths[i] = static_cast<int>(ptr - begin);
    at = static_cast<std::size_t>(ptr - s.data());
    if (i < 2) {
      if (at >= s.size() || s[at] != sep) return std::nullopt;
      ++at;
    }
  }
  if (at < s.size() && s[at] != ' ' && s[at] != 'T') return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::string> timestamp_date(const std::string& text) {
  const std::string s = trim(text);
  std::array<int, 3> w{};
  int y = 0, m = 0, d = 0;
  if (const auto iso = three_numbers(s, '-', w); iso && w[0] == 4) {
    y = (*iso)[0], m = (*iso)[1], d = (*iso)[2];
  } else if (const auto us = three_numbers(s, '/', w); us && (w[2] == 4 || w[2] == 2)) {
    const bool day_first = (*us)[0] > 12;  // 25/12/2025 can only be day first
    m = day_first ? (*us)[1] : (*us)[0];
    d = day_first ? (*us)[0] : (*us)[1];
    y = w[2] == 2 ? 2000 + (*us)[2] : (*us)[2];
  } else if (const auto eu = three_numbers(s, '.', w); eu && w[2] == 4) {
    d = (*eu)[0], m = (*eu)[1], y = (*eu)[2];
  } else {
    return std::nullopt;
  }
  if (!valid_date(y, m, d)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

SurveyTable read_long_layout(const SheetTable& table, bool /*workbook*/,
                             const std::vector<std::pair<std::string, std::string>>& map,
                             std::vector<Diagnostic>& fatal) {
  SurveyTable out{"long", {}, {}, {}};
  const Sheet sheet(table, SheetKind::survey, ImportOptions{}, fatal);
  if (!fatal.empty()) return out;
  const auto header =
      std::find_if(table.rows.begin(), table.rows.end(), [](const SheetRow& r) { return !blank_row(r); });
  std::map<std::string, std::size_t> index;  // heading (lower case) -> column
  for (std::size_t k = 0; k < header->cells.size(); ++k) index.emplace(lower(cell_text(*header, k)), k);
  std::map<std::string, std::size_t> column_of;  // field -> column
  std::set<std::size_t> taken;
  for (const auto& [heading, field] : map) {
    const auto it = index.find(lower(heading));
    if (it == index.end()) continue;
    out.mapped.insert(lower(heading));
    if (column_of.contains(field)) continue;
    column_of[field] = it->second;
    taken.insert(it->second);
  }
  for (const auto& [field, headings] : survey_fields()) {
    for (const auto& h : headings) {
      const auto it = index.find(h);
      if (column_of.contains(field) || it == index.end() || taken.contains(it->second)) continue;
      column_of[field] = it->second;
      taken.insert(it->second);
    }
  }
  for (const auto* field : {"by", "about"}) {
    if (column_of.contains(field)) continue;
    fatal.push_back(
        {table.where,
         {header->line, 1},
         fmt::format("no column holds '{}' ({}); name one with --map \"Heading={}\"", field,
                     std::string(field) == "by" ? "the organization that answered" : "the partner it rates", field)});
  }
  if (!fatal.empty()) return out;
  for (const SheetRow& row : sheet.rows()) {
    LongRow r{row_place(table.where, row.line), {}, false};
    for (const auto& [field, k] : column_of) {
      if (std::string text = cell_text(row, k); !text.empty())
        r.fields[field] = {std::move(text), r.row};  // the long layout names rows, as it always has
    }
    out.rows.push_back(std::move(r));
  }
  std::set<std::string> used;
  for (const auto& [heading, k] : index) {
    if (taken.contains(k)) used.insert(heading);
  }
  for (const auto& column : sheet.unknown(used))
    out.notes.push_back(
        fmt::format("column '{}' of {} has no place in a survey and was left out", column, table.where));
  return out;
}

SurveyTable read_survey_export(std::string_view bytes, const std::string& file, const std::string& sheet,
                               const std::vector<std::pair<std::string, std::string>>& map,
                               const NamesMember& names_member, std::vector<Diagnostic>& fatal) {
  SheetTable table;
  const bool workbook = is_xlsx(file);
  if (workbook) {
    static const std::vector<std::string> defaults = {"responses", "survey", "answers", "results"};
    const XlsxWorkbook book(bytes, file);
    if (sheet.empty()) {
      if (auto kit = read_kit_form(book, fatal)) return std::move(*kit);
    }
    const std::string name = pick_sheet(book, sheet, defaults, true);
    table = SheetTable{file + ":" + name, book.rows(name)};
  } else {
    table = read_csv_sheet(bytes, file);
  }
  if (auto wide = read_wide_layout(table, workbook, map, names_member, fatal)) return std::move(*wide);
  return read_long_layout(table, workbook, map, fatal);
}

}  // namespace xsector::detail
