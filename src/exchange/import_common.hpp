// What every import shares: the rows it cannot use, where each part of the document it
// builds came from, and the last step that loads that document as the written file will
// load and reports the loader's findings in the user's own files. Internal.
#pragma once

#include <map>
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
  void add_fatal(Diagnostic d) { fatal_.push_back(std::move(d)); }
  std::vector<Diagnostic>& fatal() { return fatal_; }
  /// Throws when the import cannot go on; returns the rows to report as skipped.
  std::vector<Diagnostic> settle() {
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

/// Origins of a document's parts. `items[key][i]` is the i-th entry of a top-level list,
/// `keys["coalition.name"]` or `keys["sectors"]` a header field or a whole top-level key.
struct Origins {
  Origin fallback;
  std::map<std::string, std::vector<Origin>> items;
  std::map<std::string, Origin> keys;
};

/// A tie's entry in the document: `from` and `to` when directed, else `between`; then its
/// level (1-4) by name.
ordered_json tie_entry(const std::string& a, const std::string& b, bool directed, int level);

/// Loads the document exactly as the written file will load (from `options.output`, so a
/// relative taxonomy path resolves the same) and refuses it with messages pointing into the
/// user's files; an import never writes a file that does not validate.
Imported finish(const ordered_json& doc, const Origins& origins, std::vector<Diagnostic> skipped,
                std::vector<std::string> notes, const std::string& source, const ImportOptions& options);

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
