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
  std::optional<SheetTable> members;
  std::optional<SheetTable> ties;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string text = read_input_file(files[f]);
    if (!is_xlsx(files[f])) {
      (f == 0 ? members : ties) = read_csv_sheet(text, files[f]);
      continue;
    }
    const detail::XlsxWorkbook book(text, files[f]);
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
  return import_sheets(*members, ties ? &*ties : nullptr, options);
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

BuiltImport detail::build_from_sheets(const SheetTable& elements_table, const SheetTable* connections_table,
                                      const ImportOptions& options) {
  for (const auto& [from, to] : options.columns) {
    const std::string field = header_key(to);
    if (header_key(from).empty() ||
        (field != "attribute" && !is_field(field, SheetKind::members) && !is_field(field, SheetKind::ties))) {
      throw UsageError(
          fmt::format("--map \"{}={}\": give HEADER=FIELD, FIELD one of id, label, sector, type, description, tags, "
                      "community led, lived experience, funding, from, to, strength, direction, attribute",
                      from, to));
    }
  }
  const std::string& elements_file = elements_table.where;
  const SheetTable no_ties{"", {SheetRow{1, {"From", "To"}}}};
  const SheetTable& ties_table = connections_table != nullptr ? *connections_table : no_ties;
  const std::string& connections_file = ties_table.where;
  RowProblems problems(options);
  const Sheet elements(elements_table, SheetKind::members, options, problems.fatal());
  const Sheet connections(ties_table, SheetKind::ties, options, problems.fatal());
  if (!problems.fatal().empty()) problems.settle();
  if (!elements.has("id") && !elements.has("label")) {
    problems.add_fatal({elements_file,
                        {1, 1},
                        "the members sheet needs an ID or a name column (Label, Name, Organization, Partner, "
                        "...; or name yours with --map \"HEADER=label\")"});
  }
  if (!elements.has("sector") && !elements.has("type")) {
    problems.add_fatal({elements_file,
                        {1, 1},
                        "the members sheet needs a Sector or a Type column (or name yours with --map "
                        "\"HEADER=sector\")"});
  }
  if (!connections.has("from") || !connections.has("to")) {
    problems.add_fatal({connections_file,
                        {1, 1},
                        "the ties sheet needs From and To columns (or Source and Target; or name yours with "
                        "--map \"HEADER=from\")"});
  }
  if (!problems.fatal().empty()) problems.settle();
  // Without --taxonomy: the first built-in taxonomy (cross-sector first) in which every
  // row's sector is found, else cross-sector.
  std::string taxonomy_id = options.taxonomy;
  std::vector<std::string> notes;
  if (taxonomy_id.empty()) {
    taxonomy_id = "cross-sector";
    auto fits = [&](const Taxonomy& t) {
      return std::all_of(elements.rows().begin(), elements.rows().end(), [&](const SheetRow& row) {
        const std::string v = elements.has("sector") ? elements.get(row, "sector") : elements.get(row, "type");
        return v.empty() || !find_sector(t, v).empty();
      });
    };
    if (!fits(resolve_taxonomy("cross-sector"))) {
      for (const auto& id : builtin_taxonomy_ids()) {
        if (id != "cross-sector" && fits(resolve_taxonomy(id))) {
          taxonomy_id = id;
          notes.push_back(
              fmt::format("{}: every sector is one of the {} taxonomy's: the file uses it (pass "
                          "--taxonomy to choose another)",
                          elements_file, id));
          break;
        }
      }
    }
  }
  const ImportTaxonomy imported_taxonomy = import_taxonomy(taxonomy_id, options.output);
  const Taxonomy& taxonomy = imported_taxonomy.taxonomy;
  BuiltImport built(Origin{elements_file, {1, 1}, ""});
  Provenance& where = built.where;
  Coalition& c = built.coalition;
  c.file = options.output.empty() ? std::string("<imported>") : options.output;
  c.name = options.name;
  c.taxonomy = taxonomy;
  c.taxonomy_ref = imported_taxonomy.ref;
  // Sectors beyond the taxonomy, declared where a row gives a sector id in Sector and its
  // name in Type (as export_kumu writes a file's own sectors).
  std::map<std::string, std::string> declared_ids;  // id -> name

  std::map<std::string, std::string> id_of;     // ID or Label -> id
  std::map<std::string, std::size_t> index_of;  // id -> member index
  std::set<std::string> ids;
  std::map<std::string, std::size_t> refused;  // ID or Label of a refused row -> its line
  for (const auto& row : elements.rows()) {
    const std::string label = elements.get(row, "label");
    std::string id = elements.get(row, "id");
    if (id.empty()) id = slug_of(label);
    if (id.empty() || !detail::is_slug(id)) {
      problems.add(elements_file, row.line, fmt::format("no usable ID: '{}' is not an id", id.empty() ? label : id));
      continue;
    }
    if (ids.contains(id)) {
      problems.add(elements_file, row.line, fmt::format("duplicate element '{}'", id));
      continue;
    }
    // A row refused for its own values: connections to it are left out, said so once each.
    auto refuse = [&](std::string message) {
      problems.add(elements_file, row.line, std::move(message));
      refused.emplace(id, row.line);
      if (!label.empty()) refused.emplace(label, row.line);
    };
    const std::string type = elements.get(row, "type");
    const std::string written = elements.has("sector") ? elements.get(row, "sector") : type;
    std::string sector = find_sector(taxonomy, written);
    if (sector.empty() && declared_ids.contains(written)) sector = written;
    if (sector.empty() && elements.has("sector") && detail::is_slug(written) && !type.empty() &&
        find_sector(taxonomy, type).empty() && written.size() <= 64) {
      sector = written;
      declared_ids[written] = type;
      Sector declared;
      declared.id = written;
      declared.name = type;
      declared.pos =
          where.mark({elements_file, {row.line, 1}, fmt::format("sector '{}' declared by element '{}'", written, id)});
      c.extra_sectors.push_back(std::move(declared));
      notes.push_back(fmt::format("{}:{}: sector '{}' ({}) is not in the {} taxonomy: declared under 'sectors'",
                                  elements_file, row.line, written, type, taxonomy.id));
    }
    if (sector.empty()) {
      refuse(written.empty() ? std::string("no sector given")
                             : fmt::format("sector '{}' is not in the {} taxonomy", written, taxonomy.id));
      continue;
    }
    const auto community = flag(elements.get(row, "community led"));
    const auto lived = flag(elements.get(row, "lived experience"));
    const std::string funding_text = elements.get(row, "funding");
    const auto funding = funding_text.empty() ? std::optional<double>() : amount(funding_text);
    if (!community || !lived) {
      refuse("Community Led and Lived Experience must be true or false");
      continue;
    }
    if (!funding_text.empty() && !funding) {
      refuse(fmt::format("funding '{}' is not a number of at least 0", funding_text));
      continue;
    }
    Member m;
    m.id = id;
    m.name = label.empty() ? id : label;
    m.sector = sector;
    m.sector_as_written = sector;
    m.community_led = *community;
    m.lived_experience = *lived;
    if (funding) m.funding = detail::without_negative_zero(*funding);
    m.tags = split(elements.get(row, "tags"), '|');
    if (const auto contacts = split(elements.get(row, "contacts"), '|'); !contacts.empty()) {
      const std::string roles_text = elements.get(row, "contact roles");
      // Roles keep their places, empty ones too: "Director||" is three contacts' roles, the
      // last two not given (as the export writes contacts without a role).
      std::vector<std::string> roles;
      if (!roles_text.empty()) {
        for (std::size_t start = 0;;) {
          const std::size_t bar = roles_text.find('|', start);
          roles.push_back(trim(roles_text.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      }
      if (!roles_text.empty() && roles.size() != contacts.size()) {
        refuse(fmt::format("{} contacts but {} contact roles: give one role per contact, in order", contacts.size(),
                           roles.size()));
        continue;
      }
      for (std::size_t i = 0; i < contacts.size(); ++i) {
        Contact p;
        p.id = contacts[i];
        if (i < roles.size()) p.role = roles[i];
        m.contacts.push_back(std::move(p));
      }
    }
    // A name given twice keeps its first place and its last value.
    auto put = [&m](const std::string& key, const std::string& value) {
      const auto it =
          std::find_if(m.attributes.begin(), m.attributes.end(), [&](const auto& kv) { return kv.first == key; });
      if (it == m.attributes.end())
        m.attributes.emplace_back(key, value);
      else
        it->second = value;
    };
    if (const std::string d = elements.get(row, "description"); !d.empty()) put("Description", d);
    // A Type beside a Sector is kept when it says something the sector does not.
    if (elements.has("sector") && !type.empty() && find_sector(taxonomy, type) != sector &&
        !(declared_ids.contains(sector) && declared_ids[sector] == type))
      put("Type", type);
    for (const auto& [name, k] : elements.extra()) {
      if (const std::string v = elements.cell(row, k); !v.empty()) put(name, v);
    }
    m.pos = where.mark({elements_file, {row.line, 1}, fmt::format("element '{}'", id)});
    for (Contact& p : m.contacts) p.pos = m.pos;
    index_of[id] = c.members.size();
    c.members.push_back(std::move(m));
    ids.insert(id);
    id_of[id] = id;
    if (!label.empty()) id_of.emplace(label, id);
  }

  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, bool>>> seen;
  for (const auto& row : connections.rows()) {
    const std::string from_text = connections.get(row, "from");
    const std::string to_text = connections.get(row, "to");
    const auto from = id_of.find(from_text);
    const auto to = id_of.find(to_text);
    if (from == id_of.end() || to == id_of.end()) {
      const std::string& missing = from == id_of.end() ? from_text : to_text;
      const auto bad = refused.find(missing);
      problems.add(connections_file, row.line,
                   bad != refused.end() ? fmt::format("left out with element '{}', refused at {}:{}", missing,
                                                      elements_file, bad->second)
                                        : fmt::format("'{}' is not an element", missing));
      continue;
    }
    if (from->second == to->second) {
      problems.add(connections_file, row.line, fmt::format("a connection from '{}' to itself", from_text));
      continue;
    }
    const std::string strength = connections.get(row, "strength");
    const std::string type = connections.get(row, "type");
    auto level = level_of(strength.empty() ? (type.empty() ? "1" : type) : strength);
    if (!level) {
      problems.add(connections_file, row.line,
                   fmt::format("strength '{}' is not a level 1-4", strength.empty() ? type : strength));
      continue;
    }
    const std::string direction = lower(connections.get(row, "direction"));
    if (!direction.empty() && direction != "directed" && direction != "undirected" && direction != "mutual") {
      problems.add(connections_file, row.line,
                   fmt::format("direction '{}' is not directed, undirected or mutual", direction));
      continue;
    }
    const bool directed = direction == "directed";
    const auto key = std::minmax(from->second, to->second);
    auto& earlier = seen[key];
    const bool clash = std::any_of(earlier.begin(), earlier.end(),
                                   [&](const auto& e) { return !(directed && e.second && e.first != from->second); });
    if (clash) {
      problems.add(connections_file, row.line, fmt::format("'{}' and '{}' are already connected", from_text, to_text));
      continue;
    }
    earlier.emplace_back(from->second, directed);
    Tie t;
    t.a = index_of.at(from->second);
    t.b = index_of.at(to->second);
    t.directed = directed;
    t.form = directed ? TieForm::from_to : TieForm::between;
    t.level = static_cast<TieLevel>(*level);
    t.kinds = split(connections.get(row, "tags"), '|');
    t.carried_by = split(connections.get(row, "carried by"), '|');
    for (const auto& [name, k] : connections.extra()) {
      if (const std::string v = connections.cell(row, k); !v.empty()) t.attributes.emplace_back(name, v);
    }
    t.pos = where.mark({connections_file, {row.line, 1}, fmt::format("connection {} -> {}", from_text, to_text)});
    c.ties.push_back(std::move(t));
  }
  auto skipped = problems.settle();
  if (c.members.empty()) throw InputError({Diagnostic{elements_file, {1, 1}, "no element could be imported"}});
  built.skipped = std::move(skipped);
  built.notes = std::move(notes);
  built.source = connections_table != nullptr ? elements_file + " and " + connections_file : elements_file;
  return built;
}

Imported import_sheets(const SheetTable& elements_table, const SheetTable* connections_table,
                       const ImportOptions& options) {
  BuiltImport built = build_from_sheets(elements_table, connections_table, options);
  check_import(built.coalition, built.where);
  Imported out;
  out.yaml = fmt::format("# Imported by xsector from {}.\n", built.source) + coalition_yaml(built.coalition);
  out.skipped = std::move(built.skipped);
  out.notes = std::move(built.notes);
  return out;
}

}  // namespace xsector
