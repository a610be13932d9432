// The page's imports (rosters, survey exports, GraphML, as `xsector import` reads them) and
// its coalition editor (members, sectors and ties changed, then checked and written back
// with the library's own coalition_yaml).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "web_parts.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

namespace xsector::web {

using nlohmann::json;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// A survey tool's export is told from a roster by its name (`...responses...`).
bool is_responses(const std::string& file) { return lower(file).find("respons") != std::string::npos; }

/// The one call into the library's importers, as `xsector import FILES -o NAME.yaml` makes it
/// (survey responses with their members sheet, GraphML, or member and tie sheets).
Imported import_files(const std::vector<std::string>& files, ImportOptions options) {
  const auto responses = std::find_if(files.begin(), files.end(), is_responses);
  if (responses != files.end()) {
    if (files.size() != 2) {
      throw UsageError("survey responses need the members sheet beside them: choose both files together");
    }
    const std::string& members = files[responses == files.begin() ? 1 : 0];
    return import_survey(read_input_file(*responses), *responses, read_input_file(members), members, options);
  }
  if (files.size() == 1 && ends_with(lower(files[0]), ".graphml")) {
    return import_graphml(read_input_file(files[0]), files[0], options);
  }
  if (files.empty() || files.size() > 2) {
    throw UsageError("a roster is one members sheet (.csv or .xlsx), and optionally a ties sheet");
  }
  return import_sheet_files(files, options);
}

TieLevel level_of(const json& j) {
  const int level = j.value("level", 1);
  if (level < 1 || level > 4) throw UsageError("a tie's level is 1 (networking) to 4 (collaborating)");
  return static_cast<TieLevel>(level);
}

std::size_t member_of(const Coalition& c, const json& j, const char* key) {
  const std::string id = j.value(key, "");
  const auto index = c.member_index(id);
  if (!index) throw UsageError("no member with id '" + id + "'");
  return *index;
}

void set_sector(const Coalition& c, Member& m, const std::string& sector) {
  const Sector* s = c.find_sector(sector);
  m.sector = s != nullptr ? s->id : sector;
  m.sector_as_written = sector;
}

void apply(Coalition& c, const json& e) {
  const std::string op = e.value("op", "");
  if (op == "add-member") {
    Member m;
    m.id = e.value("id", "");
    m.name = e.value("name", m.id);
    if (m.name.empty()) m.name = m.id;
    set_sector(c, m, e.value("sector", ""));
    c.members.push_back(std::move(m));
    c.index_members();
  } else if (op == "rename") {
    c.members[member_of(c, e, "id")].name = e.value("name", "");
  } else if (op == "sector") {
    set_sector(c, c.members[member_of(c, e, "id")], e.value("sector", ""));
  } else if (op == "add-tie") {
    Tie t;
    t.a = member_of(c, e, "a");
    t.b = member_of(c, e, "b");
    t.level = level_of(e);
    t.form = TieForm::between;
    c.ties.push_back(std::move(t));
  } else if (op == "remove-tie") {
    const std::size_t index = e.value("index", c.ties.size());
    if (index >= c.ties.size()) throw UsageError("no such tie");
    if (c.ties[index].from_survey) throw UsageError("this tie comes from the survey: change the survey's answers");
    c.ties.erase(c.ties.begin() + static_cast<std::ptrdiff_t>(index));
  } else {
    throw UsageError("unknown edit '" + op + "'");
  }
}

}  // namespace

json import_op(const json& request) {
  const std::vector<std::string> files = request.at("files").get<std::vector<std::string>>();
  ImportOptions options;
  options.taxonomy = request.value("taxonomy", "");
  options.name = request.value("name", "");
  options.skip_bad_rows = request.value("skip_bad_rows", false);
  if (options.name.empty() && !files.empty()) options.name = std::filesystem::path(files[0]).stem().string();
  const Imported imported = import_files(files, options);
  json out = {{"yaml", imported_yaml(imported)}, {"notes", imported.notes}, {"skipped", json::array()}};
  for (const auto& d : imported.skipped) out["skipped"].push_back(d.str());
  return out;
}

json coalition_op(const json& request) {
  LoadOptions options;
  options.taxonomy_paths = false;
  const Coalition c = load_coalition_file(request.at("files").at(0).get<std::string>(), options);
  json sectors = json::array();
  for (const auto& s : c.taxonomy.sectors) sectors.push_back({{"id", s.id}, {"name", s.name}});
  for (const auto& s : c.extra_sectors) sectors.push_back({{"id", s.id}, {"name", s.name}});
  json members = json::array();
  for (const auto& m : c.members) members.push_back({{"id", m.id}, {"name", m.name}, {"sector", m.sector}});
  json ties = json::array();
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    ties.push_back({{"index", t},
                    {"a", c.members[tie.a].id},
                    {"b", c.members[tie.b].id},
                    {"level", static_cast<int>(tie.level)},
                    {"directed", tie.directed},
                    {"survey", tie.from_survey}});
  }
  return {{"name", c.name}, {"sectors", sectors}, {"members", members}, {"ties", ties}};
}

json edit_op(const json& request) {
  LoadOptions options;
  options.taxonomy_paths = false;
  const std::string file = request.at("files").at(0).get<std::string>();
  Coalition c = load_coalition_file(file, options);
  for (const auto& e : request.at("edits")) apply(c, e);
  const std::vector<Diagnostic> problems = validate(c);
  if (!problems.empty()) throw InputError(problems);
  std::string yaml = coalition_yaml(c);
  (void)parse_coalition(yaml, file, options);  // what is written loads, or the loader says why
  return {{"yaml", yaml}};
}

}  // namespace xsector::web
