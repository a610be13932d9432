// What every import shares: the rows it cannot use, where each element of the coalition it
// builds came from, and the check that refuses a coalition the loader would refuse, with
// each problem told in the user's own files. Internal.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "exchange/exchange_yaml.hpp"
#include "xsector/coalition.hpp"
#include "xsector/exchange.hpp"

namespace xsector::detail {

/// Collects the rows an import cannot use; fails or skips as the options say.
class RowProblems {
 public:
  explicit RowProblems(const ImportOptions& o) : options_(o) {}
  void add(const std::string& file, int line, std::string message) {
    problems_.push_back({file, {line, 1}, std::move(message)});
  }
  void add(Diagnostic d) { problems_.push_back(std::move(d)); }
  void add_fatal(Diagnostic d) { fatal_.push_back(std::move(d)); }
  std::vector<Diagnostic>& fatal() { return fatal_; }
  /// Throws when the import cannot go on; returns the rows to report as skipped. Rows are
  /// told file by file (in the order each file was first named), by row within a file.
  std::vector<Diagnostic> settle() {
    std::vector<std::string> files;
    for (const auto& d : problems_) {
      if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
    }
    auto rank = [&](const Diagnostic& d) {
      return std::pair(std::find(files.begin(), files.end(), d.file) - files.begin(), d.pos.line);
    };
    std::stable_sort(problems_.begin(), problems_.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
    if (!fatal_.empty() || (!problems_.empty() && !options_.skip_bad_rows)) {
      std::vector<Diagnostic> all = fatal_;
      all.insert(all.end(), problems_.begin(), problems_.end());
      throw InputError(std::move(all));
    }
    return problems_;
  }

 private:
  const ImportOptions& options_;
  std::vector<Diagnostic> problems_;
  std::vector<Diagnostic> fatal_;
};

/// Where an imported part came from, for messages about it.
struct Origin {
  std::string file;
  SourcePos pos;
  std::string what;  ///< e.g. "member 'hub'"; empty for the file as a whole
};

/// Where the elements of a coalition an import builds came from: each element's `pos` holds
/// its line (or row) in the user's file and, as its column, its entry in this table, so a
/// problem validate() reports at that pos is told at the user's own file, line and column,
/// naming the element ("element 'hub'").
class Provenance {
 public:
  explicit Provenance(Origin fallback) : fallback_(std::move(fallback)) {}
  /// Records where an element came from; returns the pos to give the element.
  SourcePos mark(Origin origin);
  /// The origin of an element with this pos; the fallback for a pos no mark gave.
  [[nodiscard]] const Origin& at(SourcePos pos) const;
  /// The entry of a pos in the table (0 for the fallback), for ordering messages.
  [[nodiscard]] std::size_t entry(SourcePos pos) const;

 private:
  Origin fallback_;
  std::vector<Origin> origins_;
};

/// Checks a coalition an import built as the loader checks a file (validate(), and the text
/// of every name, tag, attribute and contact id the loader reads) and throws an InputError
/// with each problem at the user's own position. Time: O(size of the coalition).
void check_import(const Coalition& c, const Provenance& where);

/// A coalition an import built, with where its elements came from, the rows left out, the
/// notes for the user and the files it came from (`a.csv and b.csv`).
struct BuiltImport {
  explicit BuiltImport(Origin fallback) : where(std::move(fallback)) {}
  Provenance where;
  Coalition coalition;
  std::vector<Diagnostic> skipped;
  std::vector<std::string> notes;
  std::string source;
  std::string comment;           ///< comment lines for the YAML beyond the source (sector words)
  std::size_t partner_ties = 0;  ///< ties a partner-list column gave
  std::string partner_header;    ///< that column's header
};

/// A workbook's sheets beside the members and ties: `Sectors` (Value, Sector) and
/// `Governance` (Body, Rule, Quota, Member, Votes).
struct ExtraSheets {
  std::vector<SheetTable> sectors;
  std::optional<SheetTable> governance;
};

/// The coalition of a members sheet and, optionally (null: no ties), a ties sheet, as
/// import_sheets describes; not yet checked (see check_import). Throws as import_sheets does for
/// the rows and the options.
BuiltImport build_from_sheets(const SheetTable& members, const SheetTable* ties, const ImportOptions& options,
                              const ExtraSheets& extra = {});

/// import_sheet_files of files already read (`texts[k]` the bytes of `files[k]`): what the
/// browser app and open_coalition_bytes use.
Imported import_sheet_bytes(const std::vector<std::string>& files, const std::vector<std::string>& texts,
                            const ImportOptions& options);

/// Checks a built import (check_import) and makes it the Imported every public importer
/// returns, as the loader would return the coalition: indexed, its survey ties made
/// (add_survey_ties), each element's pos its line or row (column 1), its file the fallback
/// origin's (the members sheet, the GraphML file); the origins listed (members, ties, bodies,
/// seats, declared sectors, waivers, survey responses) and the YAML comment (`# Imported by
/// xsector from SOURCE.`). Throws as check_import does.
Imported finish_import(BuiltImport built);

/// The taxonomy an import resolves sectors against now, and the reference written into the
/// file: a built-in id as it is, a path given on the command line rewritten relative to the
/// output file's folder (where the loader will look for it).
struct ImportTaxonomy {
  Taxonomy taxonomy;
  std::string ref;
};

bool builtin_taxonomy(const std::string& id);
ImportTaxonomy import_taxonomy(const std::string& given, const std::string& output);

}  // namespace xsector::detail
