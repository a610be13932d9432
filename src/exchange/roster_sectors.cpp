// Sector words: a roster's own words for sectors, mapped by a Sectors sheet or --sector-map,
// or matched against the taxonomy's sector names, aliases and examples.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "exchange/roster.hpp"
#include "exchange/xlsx_reader.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"

namespace xsector::detail {

namespace {

/// The words of a text as matched: lower-case runs of letters and digits, a plural `s`
/// dropped, words that name no kind of organization (and, of, the, ...) left out.
std::vector<std::string> words_of(const std::string& text) {
  static const std::set<std::string> skip = {"and",          "of",    "the",   "for", "a",     "an",
                                             "in",           "to",    "with",  "or",  "other", "organization",
                                             "organisation", "based", "group", "k"};
  std::vector<std::string> out(1);
  for (const unsigned char ch : text) {
    if (std::isalnum(ch) != 0 || ch >= 0x80)
      out.back() += static_cast<char>(std::tolower(ch));
    else if (!out.back().empty())
      out.emplace_back();
  }
  for (auto& w : out) {
    if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss")) w.pop_back();
  }
  std::erase_if(out, [](const std::string& w) { return w.empty() || skip.contains(w); });
  return out;
}

/// Text fit for one line of a YAML comment.
std::string one_line(const std::string& s) {
  std::string out = s;
  const bool clean = text_problem(out, false).empty();  // else bytes that are not UTF-8 become '?'
  for (char& ch : out) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte == 0x7f) ch = ' ';
    if (!clean && byte >= 0x80) ch = '?';
  }
  return out;
}

}  // namespace

SectorWords::SectorWords(const Taxonomy& taxonomy, std::map<std::string, std::string> mapped)
    : taxonomy_(taxonomy), mapped_(std::move(mapped)) {
  for (const Sector& s : taxonomy.sectors) {
    std::vector<std::string> texts = {s.id, s.name};
    texts.insert(texts.end(), s.aliases.begin(), s.aliases.end());
    texts.insert(texts.end(), s.examples.begin(), s.examples.end());
    for (const auto& text : texts) {
      for (const auto& w : words_of(text)) vocabulary_[w].insert(s.id);
    }
  }
}

std::string SectorWords::best_match(const std::string& value) const {
  std::map<std::string, double> score;
  for (const auto& w : words_of(value)) {
    const auto it = vocabulary_.find(w);
    if (it == vocabulary_.end()) continue;
    for (const auto& id : it->second) score[id] += 1.0 / static_cast<double>(it->second.size());
  }
  std::string best;
  double top = 0;
  bool tied = false;
  for (const auto& [id, points] : score) {
    if (points > top) {
      top = points;
      best = id;
      tied = false;
    } else if (points == top) {
      tied = true;
    }
  }
  return tied ? std::string() : best;
}

std::string SectorWords::resolve(const std::string& value, int /*row*/) {
  if (value.empty()) return {};
  if (std::string id = find_sector(taxonomy_, value); !id.empty()) return id;
  if (const auto it = mapped_.find(fold_name(value)); it != mapped_.end()) {
    used_[value] = {it->second, true};
    return it->second;
  }
  std::string id = best_match(value);
  if (!id.empty()) used_[value] = {id, false};
  return id;
}

std::string SectorWords::suggest(const std::string& value) const {
  std::vector<std::string> candidates;
  std::map<std::string, std::string> id_of;
  for (const Sector& s : taxonomy_.sectors) {
    for (const std::string& c : {s.id, lower(s.name)}) {
      candidates.push_back(c);
      id_of[c] = s.id;
    }
  }
  const std::string near = nearest(lower(value), candidates);
  return near.empty() ? std::string() : fmt::format("did you mean '{}'?", id_of[near]);
}

std::string SectorWords::comment() const {
  if (used_.empty()) return {};
  std::string out = "# Sector words read as sectors (map them otherwise in a Sectors sheet or --sector-map):\n";
  for (const auto& [value, how] : used_) {
    out += fmt::format("#   {} -> {} ({})\n", one_line(value), how.first,
                       how.second ? "sector map" : "the taxonomy's sector names and examples");
  }
  return out;
}

std::string SectorWords::matched_note() const {
  std::string list;
  for (const auto& [value, how] : used_) {
    if (how.second) continue;
    list += fmt::format("{}'{}' -> {}", list.empty() ? "" : ", ", value, how.first);
  }
  if (list.empty()) return {};
  return fmt::format(
      "sector words read by the {} taxonomy's sector names and examples: {} (map them otherwise in a Sectors sheet "
      "or with --sector-map FILE.csv)",
      taxonomy_.id, list);
}

void read_sector_map(const SheetTable& table, const Taxonomy& taxonomy, std::map<std::string, std::string>& map,
                     RowProblems& problems) {
  std::vector<Diagnostic> fatal;
  const Sheet sheet(table, SheetKind::survey, ImportOptions{}, fatal);
  for (auto& d : fatal) problems.add_fatal(std::move(d));
  if (!fatal.empty()) return;
  if (!sheet.has("value") || !sheet.has("sector")) {
    problems.add_fatal({table.where, {1, 1}, "a sector map needs the columns Value and Sector"});
    return;
  }
  const SectorWords names(taxonomy, {});
  for (const SheetRow& row : sheet.rows()) {
    const std::string value = sheet.get(row, "value");
    const std::string sector = sheet.get(row, "sector");
    if (value.empty()) continue;
    const std::string id = find_sector(taxonomy, sector);
    if (id.empty()) {
      const std::string hint = names.suggest(sector);
      problems.add(table.where, row.line,
                   fmt::format("sector '{}' (for '{}') is not in the {} taxonomy{}{}", sector, value, taxonomy.id,
                               hint.empty() ? "" : "; ", hint));
      continue;
    }
    map[fold_name(value)] = id;
  }
}

std::vector<SheetTable> sector_map_tables(const ImportOptions& options, const std::vector<SheetTable>& sheets) {
  std::vector<SheetTable> out = sheets;
  if (options.sector_map.empty()) return out;
  const std::string text = read_input_file(options.sector_map);
  if (is_xlsx(options.sector_map)) {
    const XlsxWorkbook book(text, options.sector_map);
    const std::string sheet = book.sheet_names().front();
    out.push_back(SheetTable{options.sector_map + ":" + sheet, book.rows(sheet)});
  } else {
    out.push_back(read_csv_sheet(text, options.sector_map));
  }
  return out;
}

}  // namespace xsector::detail
