// Opening any coalition source by its file name: coalition files through the loader,
// rosters and GraphML through the importer.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "xsector/crosswalk.hpp"
#include "xsector/open.hpp"

namespace xsector {

namespace {

std::string counted(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

/// The import options for `filename`: the coalition named after the file when no name is
/// given; a built-in --taxonomy left to the crosswalk (the sheet is read against its own).
ImportOptions import_options(const std::string& filename, const OpenOptions& options) {
  ImportOptions o = options.import;
  if (o.name.empty()) o.name = std::filesystem::path(filename).stem().string();
  if (o.taxonomy.empty() && options.load.taxonomy && !detail::builtin_taxonomy(*options.load.taxonomy))
    o.taxonomy = *options.load.taxonomy;
  return o;
}

Opened opened(Imported imported, const std::string& filename, const OpenOptions& options) {
  Opened out;
  out.summary = import_summary(filename, imported);
  out.coalition = std::move(imported.coalition);
  const auto& target = options.load.taxonomy;
  if (target && *target != out.coalition.taxonomy.id && detail::builtin_taxonomy(*target))
    out.coalition = measure_against(out.coalition, resolve_taxonomy(*target));
  out.notes = std::move(imported.notes);
  out.skipped = std::move(imported.skipped);
  out.origins = std::move(imported.origins);
  return out;
}

}  // namespace

SourceKind source_kind(std::string_view filename) {
  const std::string ext = detail::lower(std::filesystem::path(filename).extension().string());
  if (ext == ".xlsx" || ext == ".csv" || ext == ".tsv") return SourceKind::sheet;
  if (ext == ".graphml") return SourceKind::graphml;
  return SourceKind::coalition;
}

std::string import_summary(const std::string& file, const Imported& imported) {
  const Coalition& c = imported.coalition;
  std::string ties = counted(c.ties.size(), "tie");
  if (imported.partner_ties > 0) ties += fmt::format(" ({} from '{}')", imported.partner_ties, imported.partner_header);
  return fmt::format("{}: {}, {}, {}", file, counted(c.members.size(), "member"), ties,
                     counted(imported.notes.size(), "note"));
}

Opened open_coalition_bytes(std::string_view bytes, const std::string& filename, const OpenOptions& options) {
  switch (source_kind(filename)) {
    case SourceKind::coalition: {
      Opened out;
      out.coalition = parse_coalition(bytes, filename, options.load);
      return out;
    }
    case SourceKind::graphml:
      return opened(import_graphml(bytes, filename, import_options(filename, options)), filename, options);
    case SourceKind::sheet: break;
  }
  if (bytes.size() > options.load.max_bytes) {
    throw InputError({Diagnostic{
        filename,
        {1, 1},
        fmt::format("the file is {} bytes, over the limit of {} bytes", bytes.size(), options.load.max_bytes)}});
  }
  return opened(detail::import_sheet_bytes({filename}, {std::string(bytes)}, import_options(filename, options)),
                filename, options);
}

Opened open_coalition(const std::filesystem::path& path, const OpenOptions& options) {
  const std::string file = path.string();
  if (source_kind(file) == SourceKind::coalition) {
    Opened out;
    out.coalition = load_coalition_file(path, options.load);
    return out;
  }
  return open_coalition_bytes(read_input_file(path, options.load.max_bytes), file, options);
}

}  // namespace xsector
