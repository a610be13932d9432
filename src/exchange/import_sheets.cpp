#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "exchange/import_common.hpp"
#include "exchange/roster.hpp"
#include "exchange/sheets.hpp"
#include "exchange/xlsx_reader.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"

namespace xsector {

using namespace detail;

namespace {

const std::vector<std::string> kMemberSheets = {"members",       "elements",      "partners",
                                                "organizations", "organisations", "nodes"};
const std::vector<std::string> kTieSheets = {"ties", "connections", "links", "relationships", "edges"};

}  // namespace

Imported import_sheet_files(const std::vector<std::string>& files, const ImportOptions& options) {
  if (files.empty() || files.size() > 2) throw UsageError("import takes MEMBERS and optionally TIES");
  std::vector<std::string> texts;
  texts.reserve(files.size());
  for (const auto& file : files) texts.push_back(read_input_file(file));
  return import_sheet_bytes(files, texts, options);
}

Imported detail::import_sheet_bytes(const std::vector<std::string>& files, const std::vector<std::string>& texts,
                                    const ImportOptions& options) {
  std::optional<SheetTable> members;
  std::optional<SheetTable> ties;
  ExtraSheets extra;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string& text = texts[f];
    if (!is_xlsx(files[f])) {
      (f == 0 ? members : ties) = read_csv_sheet(text, files[f]);
      continue;
    }
    const detail::XlsxWorkbook book(text, files[f]);
    for (const auto& [name, field] : {std::pair{"sectors", 0}, std::pair{"governance", 1}}) {
      const std::string sheet = pick_sheet(book, "", {name}, false);
      if (sheet.empty()) continue;
      SheetTable table{files[f] + ":" + sheet, book.rows(sheet)};
      if (field == 0)
        extra.sectors.push_back(std::move(table));
      else
        extra.governance = std::move(table);
    }
    if (f == 0) {
      const std::string sheet = pick_sheet(book, options.members_sheet, kMemberSheets, true);
      members = SheetTable{files[f] + ":" + sheet, book.rows(sheet)};
      if (files.size() == 1) {
        const std::string tie_sheet = pick_sheet(book, options.ties_sheet, kTieSheets, false);
        if (!tie_sheet.empty() && tie_sheet != sheet)
          ties = SheetTable{files[f] + ":" + tie_sheet, book.rows(tie_sheet)};
      }
    } else {
      const std::string sheet = pick_sheet(book, options.ties_sheet, kTieSheets, true);
      ties = SheetTable{files[f] + ":" + sheet, book.rows(sheet)};
    }
  }
  BuiltImport built = build_from_sheets(*members, ties ? &*ties : nullptr, options, extra);
  return finish_import(std::move(built));
}

Imported import_kumu(std::string_view elements_text, const std::string& elements_file,
                     std::string_view connections_text, const std::string& connections_file,
                     const ImportOptions& options) {
  std::vector<Diagnostic> fatal;
  SheetTable elements;
  SheetTable connections;
  try {
    elements = read_csv_sheet(elements_text, elements_file);
  } catch (const InputError& e) {
    fatal.insert(fatal.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  try {
    connections = read_csv_sheet(connections_text, connections_file);
  } catch (const InputError& e) {
    fatal.insert(fatal.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  if (!fatal.empty()) throw InputError(std::move(fatal));
  return import_sheets(elements, &connections, options);
}

namespace {

/// Checks `--map` and `--as-of` before any row is read.
void check_options(const ImportOptions& options) {
  for (const auto& [from, to] : options.columns) {
    const std::string field = header_key(to);
    if (header_key(from).empty() || (field != "attribute" && !is_field(field, SheetKind::members) &&
                                     !is_field(field, SheetKind::ties) && !is_roster_field(field))) {
      throw UsageError(
          fmt::format("--map \"{}={}\": give HEADER=FIELD, FIELD one of id, label, sector, type, description, tags, "
                      "community led, lived experience, funding, partners, level, contact person, role, email, "
                      "phone, from, to, strength, direction, attribute",
                      from, to));
    }
  }
  if (!options.as_of.empty() && !calendar_date(options.as_of))
    throw UsageError(fmt::format("--as-of '{}' is not a date: write it YYYY-MM-DD", options.as_of));
}

/// The columns an import cannot do without.
void require_columns(const Sheet& members, const Sheet& ties, RowProblems& problems) {
  if (!members.has("id") && !members.has("label")) {
    problems.add_fatal({members.file(),
                        {1, 1},
                        "the members sheet needs an ID or a name column (Label, Name, Organization, Partner, "
                        "...; or name yours with --map \"HEADER=label\"); no such header in its first 20 rows"});
  }
  if (!members.has("sector") && !members.has("type")) {
    problems.add_fatal({members.file(),
                        {1, 1},
                        "the members sheet needs a Sector or a Type column (or name yours with --map "
                        "\"HEADER=sector\")"});
  }
  if (!ties.has("from") || !ties.has("to")) {
    problems.add_fatal({ties.file(),
                        {1, 1},
                        "the ties sheet needs From and To columns (or Source and Target; or name yours with "
                        "--map \"HEADER=from\")"});
  }
  if (!problems.fatal().empty()) problems.settle();
}

/// Without --taxonomy: the first built-in taxonomy (cross-sector first) in which every row's
/// sector is found, else cross-sector.
std::string choose_taxonomy(const Sheet& members, const ImportOptions& options, std::vector<std::string>& notes) {
  if (!options.taxonomy.empty()) return options.taxonomy;
  auto fits = [&](const Taxonomy& t) {
    return std::all_of(members.rows().begin(), members.rows().end(), [&](const SheetRow& row) {
      const std::string v = members.has("sector") ? members.get(row, "sector") : members.get(row, "type");
      return v.empty() || !find_sector(t, v).empty();
    });
  };
  if (fits(resolve_taxonomy("cross-sector"))) return "cross-sector";
  for (const auto& id : builtin_taxonomy_ids()) {
    if (id != "cross-sector" && fits(resolve_taxonomy(id))) {
      notes.push_back(
          fmt::format("{}: every sector is one of the {} taxonomy's: the file uses it (pass "
                      "--taxonomy to choose another)",
                      members.file(), id));
      return id;
    }
  }
  return "cross-sector";
}

}  // namespace

BuiltImport detail::build_from_sheets(const SheetTable& members_table, const SheetTable* ties_table,
                                      const ImportOptions& given, const ExtraSheets& extra) {
  check_options(given);
  std::vector<std::string> notes(2);
  const SheetTable members_rows = from_header_row(members_table, SheetKind::members, given, given.header_row, notes[0]);
  const SheetTable no_ties{"", {SheetRow{1, {"From", "To"}}}};
  const SheetTable ties_rows =
      ties_table != nullptr ? from_header_row(*ties_table, SheetKind::ties, given, 0, notes[1]) : no_ties;
  std::erase_if(notes, [](const std::string& n) { return n.empty(); });
  const ImportOptions options = without_roster_maps(given);
  RowProblems problems(given);
  const Sheet members(members_rows, SheetKind::members, options, problems.fatal());
  const Sheet ties(ties_rows, SheetKind::ties, options, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  require_columns(members, ties, problems);
  const ImportTaxonomy taxonomy = import_taxonomy(choose_taxonomy(members, options, notes), options.output);
  BuiltImport built(Origin{members.file(), {1, 1}, ""});
  built.notes = std::move(notes);
  Coalition& c = built.coalition;
  c.file = options.output.empty() ? std::string("<imported>") : options.output;
  c.name = options.name;
  c.as_of = options.as_of;
  c.taxonomy = taxonomy.taxonomy;
  c.taxonomy_ref = taxonomy.ref;
  std::map<std::string, std::string> words;
  for (const SheetTable& table : sector_map_tables(options, extra.sectors))
    read_sector_map(table, c.taxonomy, words, problems);
  SectorWords sectors(c.taxonomy, std::move(words));
  const RosterColumns roster = roster_columns(members, given);
  const MemberIndex index = read_members(members, roster, sectors, built, problems);
  built.partner_ties = read_ties(ties, members, roster, index, built, problems);
  built.partner_header = roster.partners_header;
  if (extra.governance) read_governance_sheet(*extra.governance, index.names, c, built.where, problems);
  built.skipped = problems.settle();
  if (c.members.empty()) throw InputError({Diagnostic{members.file(), {1, 1}, "no element could be imported"}});
  built.comment = sectors.comment();
  built.source = ties_table != nullptr ? members.file() + " and " + ties.file() : members.file();
  return built;
}

Imported import_sheets(const SheetTable& elements_table, const SheetTable* connections_table,
                       const ImportOptions& options) {
  return finish_import(build_from_sheets(elements_table, connections_table, options));
}

}  // namespace xsector
