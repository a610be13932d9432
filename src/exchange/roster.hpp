// Rosters as people keep them: the pieces build_from_sheets puts together. The header row
// found below title rows, the columns a roster has beyond the Kumu fields (partner lists,
// contact person, email, phone, level), names matched forgivingly, sector words, and the
// Sectors and Governance sheets. Internal to src/exchange/.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "xsector/coalition.hpp"
#include "xsector/exchange.hpp"

namespace xsector::detail {

// ---- Header row and roster columns (roster_columns.cpp) ------------------------------------

/// `table` from its header row on: row `options.header_row` when given (an error when the
/// sheet has no such row), else the first of its first 20 rows holding a header `is_header`
/// accepts; rows above it are dropped and, when any held a value, named in `note`
/// (`book.xlsx:Members: header on row 3; rows 1-2 skipped`). None found: the table as it is.
SheetTable from_header_row(const SheetTable& table, SheetKind kind, const ImportOptions& options, int header_row,
                           std::string& note);

/// The fields a roster's members sheet may have beyond Sheet's: `partners` (a partner list),
/// `level` (the level of the row's partner-list ties), `contact person`, `role`, `email`,
/// `phone`. Each is the column index among Sheet::extra(), found by header (any case) or
/// `--map HEADER=FIELD`.
struct RosterColumns {
  std::map<std::string, std::size_t> column;  ///< field -> column index
  std::string partners_header;                ///< the partner list's header, as written
  [[nodiscard]] bool taken(std::size_t k) const;
  [[nodiscard]] std::string get(const Sheet& sheet, const SheetRow& row, const std::string& field) const;
};
RosterColumns roster_columns(const Sheet& members, const ImportOptions& options);

/// Whether FIELD of `--map HEADER=FIELD` is one of RosterColumns's fields.
bool is_roster_field(const std::string& field);

/// `options` without the `--map` entries that name roster fields (Sheet does not know them).
ImportOptions without_roster_maps(const ImportOptions& options);

/// yes/no, true/false, 1/0, y/n and `x` (any case; empty is false); nullopt otherwise.
std::optional<bool> roster_flag(const std::string& s);

/// A date written YYYY-MM-DD that exists in the calendar.
bool calendar_date(const std::string& s);

// ---- Names matched forgivingly (roster_names.cpp) -----------------------------------------

/// A name folded for matching: lower case, `&` as `and`, every character other than a letter
/// or digit dropped (so spaces and punctuation are), a leading word `the` dropped.
std::string fold_name(const std::string& name);

/// The members by id, and by name folded; a name that matches none gets a did-you-mean.
class NameIndex {
 public:
  /// Adds a member; returns the row of an earlier member whose folded name is the same (a
  /// collision: then nothing is added), or 0.
  int add(const std::string& id, const std::string& name, std::size_t index, int row);
  [[nodiscard]] std::optional<std::size_t> find(const std::string& text) const;
  /// The member name closest to `text` (folded), or empty.
  [[nodiscard]] std::string suggest(const std::string& text) const;

 private:
  std::map<std::string, std::size_t> ids_;
  std::map<std::string, std::pair<std::size_t, int>> folded_;  ///< folded name -> (index, row)
  std::vector<std::string> folded_names_;
  std::map<std::string, std::string> name_of_fold_;
};

/// A name that matched no member, and the row it was written on.
struct Unmatched {
  std::string text;
  int row = 0;
};

/// One message listing every unmatched name of a sheet with its row and a did-you-mean.
std::string unmatched_message(const std::vector<Unmatched>& names, const NameIndex& index);

// ---- Sector words (roster_sectors.cpp) ---------------------------------------------------

/// The user's words for sectors, mapped (Sectors sheet, --sector-map) or matched against the
/// taxonomy's sector names and examples; what was used is kept for the YAML comment.
class SectorWords {
 public:
  SectorWords(const Taxonomy& taxonomy, std::map<std::string, std::string> mapped);
  /// The sector id of `value` (an id, alias or name; a mapped word; a word matched by the
  /// taxonomy's names and examples), or empty. Records mapped and matched words.
  std::string resolve(const std::string& value, int row);
  /// A suggestion for an unknown value: "did you mean 'x'?" or empty.
  [[nodiscard]] std::string suggest(const std::string& value) const;
  /// Comment lines for the YAML (`# Sector words: ...`), empty when no word was mapped.
  [[nodiscard]] std::string comment() const;
  /// A note for the user on the words matched by the taxonomy's names and examples.
  [[nodiscard]] std::string matched_note() const;

 private:
  [[nodiscard]] std::string best_match(const std::string& value) const;
  const Taxonomy& taxonomy_;
  std::map<std::string, std::string> mapped_;                 ///< folded value -> sector id
  std::map<std::string, std::set<std::string>> vocabulary_;   ///< word -> sector ids holding it
  std::map<std::string, std::pair<std::string, bool>> used_;  ///< value -> (sector, from the map)
};

/// The user's map of sector words (Value, Sector columns) from a Sectors sheet or a
/// --sector-map file, checked against `taxonomy`: folded value -> sector id. Bad rows are
/// added to `problems`.
void read_sector_map(const SheetTable& table, const Taxonomy& taxonomy, std::map<std::string, std::string>& map,
                     RowProblems& problems);

/// The sector map of `options.sector_map` and of a workbook's Sectors sheet (`sheets`).
std::vector<SheetTable> sector_map_tables(const ImportOptions& options, const std::vector<SheetTable>& sheets);

// ---- Governance sheet (roster_governance.cpp) --------------------------------------------

/// Decision bodies from a Governance sheet (Body, Rule, Quota, Member, Votes): one row per
/// seat, members matched as partner lists are. Bad rows are added to `problems`.
void read_governance_sheet(const SheetTable& table, const NameIndex& names, Coalition& c, Provenance& where,
                           RowProblems& problems);

// ---- Ties: a ties sheet and partner lists (roster_ties.cpp) ------------------------------

/// What the member reader leaves for the tie readers.
struct MemberIndex {
  NameIndex names;
  std::map<std::string, int> refused;     ///< ID or name of a refused row -> its row
  std::map<int, std::size_t> row_member;  ///< row of the members sheet -> its member
  std::string file;                       ///< the members sheet, for messages
};

/// Reads the ties sheet and the members sheet's partner list into `built.coalition.ties`: a
/// pair named from both sides (or twice) is one tie at the lower level given. Returns the
/// number of ties the partner list gave.
std::size_t read_ties(const Sheet& ties, const Sheet& members, const RosterColumns& roster, const MemberIndex& index,
                      BuiltImport& built, RowProblems& problems);

// ---- Members (roster_members.cpp) ---------------------------------------------------------

/// Reads the members sheet into `built.coalition.members` with `sectors` resolving each
/// row's sector; contacts from Contacts / Contact roles and from Contact person, Role, Email,
/// Phone.
MemberIndex read_members(const Sheet& members, const RosterColumns& roster, SectorWords& sectors, BuiltImport& built,
                         RowProblems& problems);

}  // namespace xsector::detail
