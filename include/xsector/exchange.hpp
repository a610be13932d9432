// Moving coalitions in and out of the formats people already use: GraphML (Gephi,
// Cytoscape, igraph, NetworkX), NetworkX node-link JSON, Kumu's two CSV sheets, UCINET DL,
// and back into a coalition file. GraphML carries every field, so a coalition survives
// export -> import unchanged.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"
#include "xsector/compare.hpp"
#include "xsector/error.hpp"
#include "xsector/people.hpp"

namespace xsector {

enum class ExportFormat { graphml, json, csv, dl, dot, xlsx, vna };

/// Parses `graphml`, `json`, `csv`, `dl`, `vna`, `dot` or `xlsx` (exactly, lower case); throws
/// UsageError otherwise. O(1).
ExportFormat parse_export_format(std::string_view name);

/// GraphML: nodes with every member field (`name`, `sector`, `sector_name`, `community_led`,
/// `lived_experience`, `funding`, `tags` as a JSON list), edges with `level` (1-4),
/// `level_name`, `kinds` (JSON list) and `directed`; the coalition's own fields, declared
/// sectors and governance (JSON) as graph data. Undirected by default; each from/to tie
/// is an edge with directed="true"; a coalition with a directed tie is written with
/// edgedefault="directed" (its undirected ties carry `directed` data false). Ties made from a
/// survey carry `from_survey` true. Members without ties are nodes without edges; no
/// members gives a graph without nodes. Throws nothing. Time: O(n + t + size of the output)
/// for n members and t ties (the exporters below alike).
std::string export_graphml(const Coalition& coalition);

/// NetworkX node-link JSON (`networkx.node_link_graph` reads it): a multigraph when a pair
/// is tied both ways with from/to, with the same attributes as GraphML. The ties are under
/// both `edges` (NetworkX 3.4 and later) and `links` (earlier versions). Time: O(n + t + size
/// of the output).
std::string export_node_link(const Coalition& coalition);

/// Kumu's import sheets. elements: Label, Type (sector name), Description, Tags (joined by
/// `|`), then ID, Sector, Community Led, Lived Experience, Funding. connections: From, To
/// (member ids), Type (level name), Direction (directed or undirected), Strength (1-4),
/// Tags (kinds joined by `|`); contact ids and roles (and carriers) when the file lists
/// contacts, and one column per member attribute. A text cell beginning with = + - @, a tab
/// or a carriage return gets a leading `'`, so no spreadsheet runs it as a formula.
/// Time: O(n + t + size of the output).
struct KumuSheets {
  std::string elements;
  std::string connections;
};
KumuSheets export_kumu(const Coalition& coalition);

/// UCINET DL, edge list with labels embedded: `DL n=N`, `format = edgelist1`, the member
/// ids under `labels:` (so members without ties are kept), then one line `a b level` per arc
/// (an undirected tie is two arcs). igraph's Read_DL and UCINET read it. Time: O(n + t).
std::string export_dl(const Coalition& coalition);

/// NetDraw VNA: `*node data` (ID, name, sector, sector_name, community_led, lived_experience,
/// funding; text in double quotes) and `*tie data` (from, to, level, directed; an undirected
/// tie is two rows with directed 0). Time: O(n + t + size of the output).
std::string export_vna(const Coalition& coalition);

/// An Excel workbook (.xlsx bytes, written with libxlsxwriter) with six sheets: `members`
/// (every figure of `analyze --format csv`, then community_led, lived_experience, funding,
/// tags and each attribute), `ties` (from, to, their names, directed, level, level_name,
/// kinds), `sectors` (the sector figures of `gaps --format csv`), `gaps` (the sector
/// findings), `power` (the seats of `power --format csv`) and `findings` (all of them).
/// Numbers are number cells, true/false boolean cells, everything else text cells (never a
/// formula); the header row is bold and frozen, columns are sized to their text (at most 60
/// characters) and filtered. Throws IoError when the temporary file libxlsxwriter needs
/// cannot be written. Time: O(members + ties + findings) plus the writer.
std::string export_xlsx(const Coalition& coalition, const Analysis& analysis);

/// `xsector compare A B -o FILE.xlsx`: a workbook of every change, formatted as export_xlsx's:
/// `network` and `members_changed` (the rows of `compare --format csv`, the members with their
/// names), `ties` (each tie formed, dissolved, strengthened, weakened or redirected, levels
/// before and after), `respondents` (when both waves hold a survey) and `findings`. Throws
/// IoError as export_xlsx. Time: O(size of the comparison) plus the writer.
std::string comparison_xlsx(const Coalition& a, const Coalition& b, const Comparison& comparison);

/// The coalition as a coalition file (YAML), every field written out explicitly; ties made
/// from the survey are left out (the survey is written, and the loader makes them again), and
/// `ties` is omitted when no written tie remains. Time: O(size of the output).
std::string coalition_yaml(const Coalition& coalition);

struct ImportOptions {
  std::string name;  ///< the coalition's name (CSV carries none)
  /// A built-in taxonomy id or a taxonomy file given by the user. Empty: cross-sector for
  /// sheets; for GraphML the graph's own `taxonomy` if it is a built-in id. A taxonomy *path*
  /// named inside a GraphML file is refused (never followed) unless given here.
  std::string taxonomy;
  bool skip_bad_rows = false;  ///< write what can be used; otherwise any bad row fails
  /// Where the YAML will be written. The import loads the YAML as if it were that file (so a
  /// relative taxonomy path resolves as it will later) and writes a taxonomy path given in
  /// `taxonomy` relative to its folder. Empty: paths stay as given.
  std::string output;
  /// `--map HEADER=FIELD`: a sheet column whose header is HEADER (compared without case,
  /// `_`, `-` or extra spaces) fills FIELD: id, label, sector, type, description, tags,
  /// community led, lived experience, funding (members); from, to, type, direction, strength,
  /// tags (ties); or `attribute` (kept as a member attribute). Checked by import_sheets.
  std::vector<std::pair<std::string, std::string>> columns;
  /// For a workbook (.xlsx): the sheet of members and the sheet of ties (`--sheet`,
  /// `--ties-sheet`). Empty: see import_sheet_files.
  std::string members_sheet;
  std::string ties_sheet;
  /// `--header-row N`: the members sheet's header is row N (1-based). 0: the first of the
  /// first 20 rows that holds a member header (ID, Name, Organization, Partner, ...); rows
  /// above it are skipped and named in a note.
  int header_row = 0;
  /// `--sector-map FILE.csv`: a sheet with columns `Value` and `Sector` mapping the user's
  /// sector words to sectors (read with read_csv_sheet). Empty: none. A workbook's sheet
  /// named `Sectors` maps them too (this file wins where both name a value).
  std::string sector_map;
  /// `--as-of DATE` (YYYY-MM-DD): the coalition's `as_of`. Empty: none.
  std::string as_of;
};

/// Where an element of an imported coalition came from: `where` is the file, or
/// `book.xlsx:Sheet`, and `row` its line or row there (0: the file as a whole).
struct ElementOrigin {
  std::string what;  ///< e.g. "element 'hub'", "connection a -> b"
  std::string where;
  int row = 0;
};

struct Imported {
  /// The coalition, valid as the loader returns one (indexed, survey ties made). Its file is
  /// the first file read; each element's `pos` holds its line or row there (column 1).
  Coalition coalition;
  std::vector<Diagnostic> skipped;  ///< rows left out (only with skip_bad_rows)
  std::vector<std::string> notes;   ///< columns or data that have no place in a coalition file
  /// Where each element came from, in this order: members, ties, decision bodies and their
  /// seats, declared sectors, waivers, survey responses (each as the import marked it).
  std::vector<ElementOrigin> origins;
  /// Comment lines (each `# ...`) to write above the YAML: the files read, the sector words
  /// mapped and how. Empty for a survey import.
  std::string comment;
  std::size_t partner_ties = 0;  ///< ties a partner-list column gave
  std::string partner_header;    ///< that column's header, as written
};

/// The coalition file an import gives: `comment` then coalition_yaml(coalition). What
/// `xsector import -o FILE.yaml` writes; importers never write YAML themselves.
/// Time: O(size of the output).
std::string imported_yaml(const Imported& imported);

/// A copy of `coalition` fit to share under `--people`: with `names` unchanged; otherwise
/// contacts lose their name, email and phone, and member and tie attributes whose name
/// speaks of an email, phone or address (personal_attribute) are dropped; with `none`
/// contacts lose their role too. The exporters are given this copy. O(size).
Coalition shareable_coalition(const Coalition& coalition, PeopleShown shown);

/// Whether an attribute named `name` holds personal data: its name (any case) holds
/// `email`, `e-mail`, `phone`, `mobile`, `telephone` or `address`. O(length).
bool personal_attribute(std::string_view name);

/// Builds a coalition file from Kumu-style sheets (as export_kumu writes them; columns by
/// header, any case; a UTF-8 byte-order mark is skipped; a header named twice is an error;
/// one leading `'` before = + - @ is removed, undoing the export's formula guard). Rows that
/// cannot be used are reported as `file:line:1: error: ...`: an InputError listing all of
/// them, or, with skip_bad_rows, left out and listed. The coalition is checked as the loader
/// checks a file; a problem it finds is reported at the row it came from.
/// Time: O(rows log rows) plus the check.
Imported import_kumu(std::string_view elements, const std::string& elements_file, std::string_view connections,
                     const std::string& connections_file, const ImportOptions& options);

/// One row of a sheet: its cells as text, and its line (CSV) or row number (worksheet).
struct SheetRow {
  int line = 0;
  std::vector<std::string> cells;
};

/// A sheet read from a CSV file or a workbook. `where` names it in messages: the file
/// (`partners.csv`) or the file and the sheet (`book.xlsx:Members`), so a row is reported as
/// `partners.csv:7:1` or `book.xlsx:Members:7:1`.
struct SheetTable {
  std::string where;
  std::vector<SheetRow> rows;
};

/// Reads CSV text into a sheet: a UTF-8 byte-order mark is skipped; the separator is `;`
/// when the first row has more semicolons than commas (outside quotes), a tab when it has
/// only tabs, else `,`; quoted fields may hold separators, quotes ("") and line breaks.
/// Throws InputError at the line of a quote never closed. Time: O(size).
SheetTable read_csv_sheet(std::string_view text, const std::string& file);

/// Builds a coalition file from a members sheet and, optionally (null: no ties), a ties
/// sheet. Blank rows (every cell empty or spaces, such as `,,,,`) are skipped, before and
/// after the header. Columns are found by header, any case: the names export_kumu writes
/// and common ones (Organization, Name, Partner -> label; Type, Category -> type; Source,
/// Target -> from, to; Level -> strength; ...; see docs/exchange.md), or as
/// `options.columns` maps them (an unknown FIELD there is a UsageError). In the members
/// sheet every other column (and a filled Description, and a Type that names another
/// sector than the Sector column) becomes a member attribute, so nothing is dropped;
/// other columns of the ties sheet are listed in `notes`. Rows that cannot be used are
/// reported as `where:row:1: error: ...`, as import_kumu does. Time: O(cells log rows)
/// plus the load.
Imported import_sheets(const SheetTable& members, const SheetTable* ties, const ImportOptions& options);

/// `xsector import` of spreadsheets: `files` is MEMBERS (.csv or .xlsx) and optionally TIES
/// (.csv or .xlsx). Each file is read whole (at most the input size limit). In a workbook the
/// members are on `options.members_sheet`, else the sheet named members, elements,
/// partners, organizations or nodes (any case), else the first sheet; ties are on
/// `options.ties_sheet`, else a sheet named ties, connections, links, relationships or
/// edges: of the second file when there are two, of the same workbook when there is one
/// (none there: no ties). Rows are reported as `book.xlsx:Members:7:1`. Throws IoError for
/// an unreadable file, InputError for a bad one (as import_sheets, and for a workbook that
/// is not one, or is too large when unpacked: see XlsxLimits in docs/exchange.md).
Imported import_sheet_files(const std::vector<std::string>& files, const ImportOptions& options);

/// Builds a coalition from GraphML as export_graphml writes it, or from other tools'
/// GraphML whose nodes carry a `sector` (and optionally `name` or `label`) attribute. The
/// XML is read without recursion (nesting deeper than 64 elements is refused); every error
/// names the line and column of the element or attribute in `file`. Edges are directed when
/// the graph says `edgedefault="directed"`, unless an edge's `directed` attribute or data
/// says otherwise; directed edges become from/to ties. A second top-level <graph>, a nested
/// graph or a hyperedge is an error. Node ids that are not member ids are made into ids
/// (lower case, other characters as `-`). JSON data (`sectors`, `governance`, `tags`,
/// `kinds`) must be a JSON list, read by the loader's own section readers; the coalition is
/// checked as the loader checks a file (survey ties made), and what it refuses is reported at
/// the node, edge or data element it came from (`net.graphml:9:5: error: edge a -> b: ...`).
/// `origins` holds each element's line in `file`. Time: O(size of the file).
Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options);

/// Builds a coalition with a `survey` from a survey tool's export: `responses`
/// has one row per respondent-partner answer, `members` is a members sheet as import_kumu
/// reads (ID or Label, Sector or Type, ...). Columns are recognised from common headings
/// (Organization / Respondent -> by, Partner -> about, Level, Frequency, Reliability,
/// Mission, Openness, Power, Involvement, Resources, ...; docs/surveys.md lists them) or
/// mapped with `column_map` entries "Heading=field". Members are matched by id, name or the
/// name made into an id. Respondents are the members with at least one row (a row with an
/// empty partner marks a respondent who named nobody); the others are listed in `notes` as
/// non-respondents. Rows that cannot be used are reported as `file:line:1`, as import_kumu
/// does. `responses` may also be the bytes of an .xlsx workbook (when `responses_file` ends in
/// .xlsx): the sheet is `options.members_sheet` when set, else one named Responses, Survey,
/// Answers or Results, else the first; rows are then reported as `book.xlsx:Sheet:line:1`.
/// The coalition is checked as the loader checks a file and its survey ties are made;
/// `origins` lists the members' and ties' rows in `members_file`, then each response's row in
/// its export. `members` may also be a coalition file (.yaml, .yml), loaded as it is, with
/// its own ties and without its survey. Throws UsageError for a bad `column_map` entry.
/// Time: O(rows log rows) plus reading the members.
Imported import_survey(std::string_view responses, const std::string& responses_file, std::string_view members,
                       const std::string& members_file, const ImportOptions& options,
                       const std::vector<std::string>& column_map = {});

}  // namespace xsector
