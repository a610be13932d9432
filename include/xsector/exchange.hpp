// Moving coalitions in and out of the formats people already use: GraphML (Gephi,
// Cytoscape, igraph, NetworkX), NetworkX node-link JSON, Kumu's two CSV sheets, UCINET DL,
// and back into a coalition file. GraphML carries every field, so a coalition survives
// export -> import unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/error.hpp"

namespace xsector {

enum class ExportFormat { graphml, json, csv, dl, dot };

/// Parses `graphml`, `json`, `csv`, `dl` or `dot`; throws UsageError otherwise.
ExportFormat parse_export_format(std::string_view name);

/// GraphML: nodes with every member field (`name`, `sector`, `sector_name`, `community_led`,
/// `lived_experience`, `funding`, `tags` as a JSON list), edges with `level` (1-4),
/// `level_name`, `kinds` (JSON list) and `directed`; the coalition's own fields, declared
/// sectors and governance (JSON) as graph data. Undirected by default; each from/to tie
/// is an edge with directed="true".
std::string export_graphml(const Coalition& coalition);

/// NetworkX node-link JSON (`networkx.node_link_graph` reads it): a multigraph when a pair
/// is tied both ways with from/to, with the same attributes as GraphML.
std::string export_node_link(const Coalition& coalition);

/// Kumu's import sheets. elements: Label, Type (sector name), Description, Tags (joined by
/// `|`), then ID, Sector, Community Led, Lived Experience, Funding. connections: From, To
/// (member ids), Type (level name), Direction (directed or undirected), Strength (1-4),
/// Tags (kinds joined by `|`).
struct KumuSheets {
  std::string elements;
  std::string connections;
};
KumuSheets export_kumu(const Coalition& coalition);

/// UCINET DL, edge list with labels: one line `i j level` per arc (an undirected tie is two
/// arcs).
std::string export_dl(const Coalition& coalition);

/// The coalition as a coalition file (YAML), every field written out explicitly.
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
};

struct Imported {
  std::string yaml;                 ///< a valid coalition file
  std::vector<Diagnostic> skipped;  ///< rows left out (only with skip_bad_rows)
  std::vector<std::string> notes;   ///< columns or data that have no place in a coalition file
};

/// Builds a coalition file from Kumu-style sheets (as export_kumu writes them; columns by
/// header, any case; a UTF-8 byte-order mark is skipped; a header named twice is an error;
/// one leading `'` before = + - @ is removed, undoing the export's formula guard). Rows that
/// cannot be used are reported as `file:line:1: error: ...`: an InputError listing all of
/// them, or, with skip_bad_rows, left out and listed. The YAML is loaded before it is
/// returned; a problem the loader finds is reported at the row it came from.
/// Time: O(rows log rows) plus the load.
Imported import_kumu(std::string_view elements, const std::string& elements_file,
                     std::string_view connections, const std::string& connections_file,
                     const ImportOptions& options);

/// Builds a coalition file from GraphML as export_graphml writes it, or from other tools'
/// GraphML whose nodes carry a `sector` (and optionally `name` or `label`) attribute. The
/// XML is read without recursion (nesting deeper than 64 elements is refused); every error
/// names the line and column of the element or attribute in `file`. Edges are directed when
/// the graph says `edgedefault="directed"`, unless an edge's `directed` attribute or data
/// says otherwise; directed edges become from/to ties. A second top-level <graph>, a nested
/// graph or a hyperedge is an error. Node ids that are not member ids are made into ids
/// (lower case, other characters as `-`). JSON data (`sectors`, `governance`, `tags`,
/// `kinds`) must be a JSON list; the YAML is loaded before it is returned, and what the
/// loader refuses is reported at the element it came from. Time: O(size of the file) plus
/// the load.
Imported import_graphml(std::string_view xml, const std::string& file, const ImportOptions& options);

/// Builds a coalition file with a `survey` section from a survey tool's export: `responses`
/// has one row per respondent-partner answer, `members` is a members sheet as import_kumu
/// reads (ID or Label, Sector or Type, ...). Columns are recognised from common headings
/// (Organization / Respondent -> by, Partner -> about, Level, Frequency, Reliability,
/// Mission, Openness, Power, Involvement, Resources, ...; docs/surveys.md lists them) or
/// mapped with `column_map` entries "Heading=field". Members are matched by id, name or the
/// name made into an id. Respondents are the members with at least one row (a row with an
/// empty partner marks a respondent who named nobody); the others are listed in `notes` as
/// non-respondents. Rows that cannot be used are reported as `file:line:1`, as import_kumu
/// does. Throws UsageError for a bad `column_map` entry. Time: O(rows log rows) plus the load.
Imported import_survey(std::string_view responses, const std::string& responses_file, std::string_view members,
                       const std::string& members_file, const ImportOptions& options,
                       const std::vector<std::string>& column_map = {});

}  // namespace xsector
