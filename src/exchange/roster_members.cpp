// The members sheet of a roster: one member per row, its sector from the user's words, its
// flags, funding, tags, contacts and attributes.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "exchange/roster.hpp"
#include "exchange/sheets.hpp"
#include "load/yaml_reader.hpp"

namespace xsector::detail {

namespace {

/// What reading the members keeps from row to row.
struct MemberState {
  const Sheet& sheet;
  const RosterColumns& roster;
  SectorWords& sectors;
  BuiltImport& built;
  RowProblems& problems;
  MemberIndex index;
  std::map<std::string, int> row_of;                        ///< id -> its row
  std::map<std::string, std::string> declared;              ///< declared sector id -> its name
  std::map<std::string, std::vector<int>> unknown_sectors;  ///< value -> rows, in order of appearance
  std::vector<std::string> unknown_order;
};

/// The member's contacts from Contacts and Contact roles (ids), then one from Contact person,
/// Role, Email and Phone (id MEMBER-contact-N). An error message, or empty.
std::string read_contacts(MemberState& s, const SheetRow& row, Member& m) {
  const Sheet& sheet = s.sheet;
  const auto ids = split(sheet.get(row, "contacts"), '|');
  const std::string roles_text = sheet.get(row, "contact roles");
  // Roles keep their places, empty ones too: "Director||" is three contacts' roles.
  std::vector<std::string> roles;
  if (!roles_text.empty()) {
    for (std::size_t start = 0;;) {
      const std::size_t bar = roles_text.find('|', start);
      roles.push_back(trim(roles_text.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
  }
  if (!ids.empty() && !roles_text.empty() && roles.size() != ids.size()) {
    return fmt::format("{} contacts but {} contact roles: give one role per contact, in order", ids.size(),
                       roles.size());
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Contact p;
    p.id = ids[i];
    if (i < roles.size()) p.role = roles[i];
    m.contacts.push_back(std::move(p));
  }
  Contact p;
  p.name = s.roster.get(sheet, row, "contact person");
  p.role = s.roster.get(sheet, row, "role");
  p.email = s.roster.get(sheet, row, "email");
  p.phone = s.roster.get(sheet, row, "phone");
  if (!p.name.empty() || !p.email.empty() || !p.phone.empty()) {
    p.id = fmt::format("{}-contact-{}", m.id, m.contacts.size() + 1);
    m.contacts.push_back(std::move(p));
  }
  return {};
}

/// The sector of a row, declaring a file sector where a Kumu sheet gives an id in Sector and
/// its name in Type; empty when unknown (the value is then listed once with its rows).
std::string row_sector(MemberState& s, const SheetRow& row, const std::string& id) {
  const Sheet& sheet = s.sheet;
  const Taxonomy& taxonomy = s.built.coalition.taxonomy;
  const std::string type = sheet.get(row, "type");
  std::string written = sheet.has("sector") ? sheet.get(row, "sector") : type;
  if (std::string sector = find_sector(taxonomy, written); !sector.empty()) return sector;
  if (s.declared.contains(written)) return written;
  if (sheet.has("sector") && is_slug(written) && !type.empty() && find_sector(taxonomy, type).empty() &&
      written.size() <= 64) {
    s.declared[written] = type;
    Sector declared;
    declared.id = written;
    declared.name = type;
    declared.pos = s.built.where.mark(
        {sheet.file(), {row.line, 1}, fmt::format("sector '{}' declared by element '{}'", written, id)});
    s.built.coalition.extra_sectors.push_back(std::move(declared));
    s.built.notes.push_back(fmt::format("{}:{}: sector '{}' ({}) is not in the {} taxonomy: declared under 'sectors'",
                                        sheet.file(), row.line, written, type, taxonomy.id));
    return written;
  }
  std::string sector = s.sectors.resolve(written, row.line);
  if (sector.empty() && !written.empty()) {
    auto& rows = s.unknown_sectors[written];
    if (rows.empty()) s.unknown_order.push_back(written);
    rows.push_back(row.line);
  }
  return sector;
}

/// The attributes of a row: Description, a Type that says more than the sector, and every
/// column that fills no field. A name given twice keeps its first place and its last value.
void read_attributes(MemberState& s, const SheetRow& row, Member& m) {
  const Sheet& sheet = s.sheet;
  detail::AttributeWriter writer(m.attributes);  // hashed: a row of 100,000 columns stays linear
  auto put = [&writer](const std::string& key, const std::string& value) { writer.put(key, value); };
  if (const std::string d = sheet.get(row, "description"); !d.empty()) put("Description", d);
  const std::string type = sheet.get(row, "type");
  if (sheet.has("sector") && !type.empty() && find_sector(s.built.coalition.taxonomy, type) != m.sector &&
      !(s.declared.contains(m.sector) && s.declared[m.sector] == type))
    put("Type", type);
  for (const auto& [name, k] : sheet.extra()) {
    if (s.roster.taken(k)) continue;
    if (const std::string v = sheet.cell(row, k); !v.empty()) put(name, v);
  }
}

/// One row as a member, or an error message (the row is then refused).
std::string read_row(MemberState& s, const SheetRow& row, Member& m) {
  const Sheet& sheet = s.sheet;
  m.sector = row_sector(s, row, m.id);
  if (m.sector.empty()) {
    const bool given = !(sheet.has("sector") ? sheet.get(row, "sector") : sheet.get(row, "type")).empty();
    return given ? std::string() : "no sector given";  // an unknown one is listed with its rows later
  }
  m.sector_as_written = m.sector;
  const auto community = roster_flag(sheet.get(row, "community led"));
  const auto lived = roster_flag(sheet.get(row, "lived experience"));
  if (!community || !lived) return "Community Led and Lived Experience must be yes or no (true/false, 1/0, x)";
  m.community_led = *community;
  m.lived_experience = *lived;
  const std::string funding_text = sheet.get(row, "funding");
  if (!funding_text.empty()) {
    const auto funding = amount(funding_text);
    if (!funding) return fmt::format("funding '{}' is not a number of at least 0", funding_text);
    m.funding = without_negative_zero(*funding);
  }
  m.tags = split(sheet.get(row, "tags"), '|');
  if (std::string problem = read_contacts(s, row, m); !problem.empty()) return problem;
  read_attributes(s, row, m);
  return {};
}

void list_unknown_sectors(MemberState& s) {
  for (const auto& value : s.unknown_order) {
    const auto& rows = s.unknown_sectors[value];
    std::string where;
    for (const int r : rows) where += fmt::format("{}{}", where.empty() ? "" : ", ", r);
    const std::string hint = s.sectors.suggest(value);
    s.problems.add(s.sheet.file(), rows.front(),
                   fmt::format("sector '{}' ({} {}) is not in the {} taxonomy{}{}; map it in a Sectors sheet (Value, "
                               "Sector) or with --sector-map FILE.csv",
                               value, rows.size() == 1 ? "row" : "rows", where, s.built.coalition.taxonomy.id,
                               hint.empty() ? "" : "; ", hint));
  }
}

}  // namespace

MemberIndex read_members(const Sheet& sheet, const RosterColumns& roster, SectorWords& sectors, BuiltImport& built,
                         RowProblems& problems) {
  MemberState s{sheet, roster, sectors, built, problems, {}, {}, {}, {}, {}};
  Coalition& c = built.coalition;
  s.index.file = sheet.file();
  for (const auto& row : sheet.rows()) {
    const std::string label = sheet.get(row, "label");
    Member m;
    m.id = sheet.get(row, "id");
    if (m.id.empty()) m.id = slug_of(label);
    if (m.id.empty() || !is_slug(m.id)) {
      problems.add(sheet.file(), row.line, fmt::format("no usable ID: '{}' is not an id", m.id.empty() ? label : m.id));
      continue;
    }
    if (const auto it = s.row_of.find(m.id); it != s.row_of.end()) {
      problems.add(sheet.file(), row.line,
                   fmt::format("duplicate element '{}': rows {} and {} both give it", m.id, it->second, row.line));
      continue;
    }
    s.row_of[m.id] = row.line;
    m.name = label.empty() ? m.id : label;
    if (const std::string problem = read_row(s, row, m); !problem.empty() || m.sector.empty()) {
      if (!problem.empty()) problems.add(sheet.file(), row.line, problem);
      s.index.refused.emplace(m.id, row.line);
      if (!label.empty()) s.index.refused.emplace(label, row.line);
      continue;
    }
    if (const int earlier = s.index.names.add(m.id, m.name, c.members.size(), row.line); earlier != 0) {
      problems.add(sheet.file(), row.line,
                   fmt::format("'{}' (row {}) has the same name as the member on row {} once case, spaces and "
                               "punctuation are set aside: give one another name",
                               m.name, row.line, earlier));
      continue;
    }
    s.index.row_member[row.line] = c.members.size();
    m.pos = built.where.mark({sheet.file(), {row.line, 1}, fmt::format("element '{}'", m.id)});
    for (Contact& p : m.contacts) p.pos = m.pos;
    c.members.push_back(std::move(m));
  }
  list_unknown_sectors(s);
  if (const std::string note = sectors.matched_note(); !note.empty())
    built.notes.push_back(fmt::format("{}: {}", sheet.file(), note));
  return std::move(s.index);
}

}  // namespace xsector::detail
