// Loading coalition and taxonomy files. Problems are collected, not stopped at: a bad file
// raises one InputError holding every `file:line:col: error: message` found.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/coalition.hpp"
#include "xsector/error.hpp"

namespace xsector {

/// The largest input file read unless a caller asks otherwise: 256 MiB, or what
/// set_default_max_input_bytes set (the CLI's `--max-input-size MB`).
std::uint64_t default_max_input_bytes();
/// Sets the default above for the whole process; call it before loading (not thread-safe
/// against concurrent loads).
void set_default_max_input_bytes(std::uint64_t bytes);

struct LoadOptions {
  /// Overrides `coalition.taxonomy`: a built-in id or a path to a taxonomy file, read from
  /// the working directory (a path written in the file is read from the file's folder). An
  /// unreadable one is an IoError; an unknown id or an invalid file an InputError.
  std::optional<std::string> taxonomy;
  /// Whether `coalition.taxonomy` written in the file may be a path to a taxonomy file.
  /// Set it to false for files that come from elsewhere (a coalition built from an
  /// imported GraphML): the file may then name built-in taxonomies only, while `taxonomy`
  /// above, given by the user, may still be a path.
  bool taxonomy_paths = true;
  /// The largest coalition or taxonomy file read, in bytes; a larger one is refused
  /// (InputError naming the file, its size and the limit) before it is read.
  std::uint64_t max_bytes = default_max_input_bytes();
};

/// Reads and validates a coalition file. Throws IoError if it cannot be read (or is not a
/// regular file: a device, FIFO or folder) and InputError (every problem, in file order)
/// if it is invalid or larger than `options.max_bytes`. Time and memory O(file size).
Coalition load_coalition_file(const std::filesystem::path& path, const LoadOptions& options = {});

/// The checks the loader makes on what a coalition holds, for a Coalition built or changed
/// by a program: member ids present and unique, every member's sector and every waived
/// sector known to the taxonomy or the file's `sectors` (with a did-you-mean), contact ids
/// unique, ties between two different members (indices in range), levels 1-4, carriers
/// contacts of the tie's members, seats of members with positive votes, veto holders
/// seated, a quota the seats can reach, survey responses by listed respondents about
/// another member with ratings 1-4, the backbone a member. Each problem is a Diagnostic at
/// the element's `pos` in `coalition.file` (line 0 for an element built without one) with
/// the loader's message for the same problem; empty when the coalition is valid. A
/// coalition the loader returned always validates. Unlike the loader it accepts a coalition
/// without members (the analysis functions handle one). Analysis functions assume a valid
/// coalition: call this first on one built by hand; it throws nothing of its own. Time O(members + ties + seats +
/// responses + sectors), or O(sectors x length) more for each did-you-mean.
std::vector<Diagnostic> validate(const Coalition& coalition);

/// Validates coalition text; `file` names it in messages and anchors relative taxonomy paths.
/// Empty text, a file without `coalition` or with no member is an InputError (a loaded
/// coalition always has at least one member; it may have no ties). Throws InputError with
/// every problem, in file order, and IoError when a taxonomy file it names cannot be read.
/// Time and memory O(text size): members, ties and seats are looked up by hash.
Coalition parse_coalition(std::string_view text, const std::string& file, const LoadOptions& options = {});

/// Reads a whole input file, refusing before reading anything what is not a regular file
/// (IoError: "is not a regular file") and a file over `max_bytes` (InputError with the
/// message of the "Limits" table in docs/format.md). Never blocks on a FIFO or device. An
/// empty file gives "". IoError when the file cannot be opened or read. Time O(file size).
std::string read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes = default_max_input_bytes());

/// How resolve_taxonomy may read files.
struct TaxonomyAccess {
  bool paths = true;  ///< false: only built-in ids; a path is an InputError
  std::uint64_t max_bytes = default_max_input_bytes();
};

/// The ids of the built-in taxonomies: cross-sector (the default), rhihub, dfc, dash. O(1).
std::vector<std::string> builtin_taxonomy_ids();

/// A taxonomy by built-in id, or read from a path (relative paths against `base_dir`).
/// Throws InputError for an unknown id or an invalid file, IoError for an unreadable one.
/// A path must name a regular file of at most `access.max_bytes`. A built-in id wins over a
/// file of that name; text with a `/` or ending in .yaml or .yml is a path, anything else an
/// id (an unknown one gets a did-you-mean). With `access.paths` false a path is an
/// InputError. Time O(size of the taxonomy).
Taxonomy resolve_taxonomy(const std::string& id_or_path, const std::filesystem::path& base_dir = {},
                          const TaxonomyAccess& access = {});

/// Validates taxonomy text; `file` names it in messages and `id` is the taxonomy's id unless
/// the text gives `taxonomy.id` (its name defaults to `id`). Throws InputError with every
/// problem (no `sectors`, or an empty list, included). Time O(text size).
Taxonomy parse_taxonomy(std::string_view text, const std::string& file, const std::string& id);

}  // namespace xsector
