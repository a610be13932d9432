// Opening any coalition source by its file name: a coalition file (.yaml, .yml) through the
// loader, a roster (.xlsx, .csv) or a GraphML file (.graphml) through the importer. Every
// command of the tool and Python's `xsector.load` open files this way; the browser app opens
// the bytes of a dropped file the same way.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"

namespace xsector {

/// How a source is opened: `load` for coalition files (and `load.taxonomy`, the taxonomy a
/// spreadsheet's coalition is then measured against), `import` for spreadsheets and GraphML
/// (header row, `--map`, `--sheet`, sector map, `as_of`).
struct OpenOptions {
  LoadOptions load;
  ImportOptions import;
};

/// What opening gave: the coalition (valid, as the loader returns one), the importer's notes
/// and the rows it left out (empty for a coalition file), where each element came from, and
/// one line that says what was read, such as
/// `partners.xlsx: 24 members, 22 ties (18 from 'Partners with'), 2 notes` (empty for a
/// coalition file).
struct Opened {
  Coalition coalition;
  std::vector<std::string> notes;
  std::vector<Diagnostic> skipped;
  std::vector<ElementOrigin> origins;
  std::string summary;
};

/// The kind of source a file name names, by its extension (any case): coalition (.yaml,
/// .yml and anything else), sheet (.xlsx, .csv, .tsv), graphml (.graphml). O(length).
enum class SourceKind { coalition, sheet, graphml };
SourceKind source_kind(std::string_view filename);

/// Opens the coalition source at `path` as its extension says (source_kind). A coalition file
/// is read by load_coalition_file with `options.load`; a roster by import_sheet_files (a
/// workbook's `Sectors` and `Governance` sheets included); GraphML by import_graphml. With
/// `options.load.taxonomy` set, an imported coalition is read against its own taxonomy and
/// then measured against that one (measure_against), as the loader does for a file. Throws
/// IoError for an unreadable file and InputError with every problem, each at the user's file,
/// sheet and row. Time: the loader's or the importer's.
Opened open_coalition(const std::filesystem::path& path, const OpenOptions& options = {});

/// The same for the bytes of a file (the browser app's dropped file): `filename` gives the
/// kind and names the source in messages. A `--sector-map` path in `options.import` is read
/// from disk as for open_coalition. Time: as open_coalition.
Opened open_coalition_bytes(std::string_view bytes, const std::string& filename, const OpenOptions& options = {});

/// `FILE: N members, T ties (P from 'HEADER'), K notes` ("1 member", "1 tie", "1 note"; the
/// part in parentheses only when a partner-list column gave ties). O(1).
std::string import_summary(const std::string& file, const Imported& imported);

}  // namespace xsector
