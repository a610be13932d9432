// Reading and writing whole files. Writes go through a temporary file and a rename, so a
// failed run never leaves a half-written output behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace xsector {

/// Reads a whole file, with no size limit (input files go through read_input_file in
/// load.hpp instead). Throws IoError naming the file when it cannot be read or is a folder.
/// An empty file gives "". Time O(file size).
std::string read_file(const std::filesystem::path& path);

/// A file written whole or not at all. The constructor refuses a target that exists and is
/// not a regular file (a symbolic link, device, FIFO, socket or folder) or that may not be
/// written (no write permission, or no write bit at all, even for root), then creates a
/// temporary file with exclusive creation (mkstemp: O_CREAT|O_EXCL, an unpredictable name)
/// in the target's folder. commit() gives it the replaced file's permission bits (a new file:
/// 0666 & ~umask), syncs it to disk and renames it over the target. Until commit() succeeds
/// a SIGINT or SIGTERM removes the temporary file before the signal takes its usual effect;
/// the destructor removes it too. Up to 64 temporary files and folders may be open at once in
/// a process, from any threads. Every failure throws IoError naming the target.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// Appends to the temporary file.
  void write(std::string_view data);
  /// Gives the temporary file its permission bits, syncs it and closes it: everything of
  /// commit() but the rename, so a group of files can all be ready before any is renamed.
  /// commit() calls it if it was not called. Throws IoError.
  void prepare();
  /// Makes the target hold exactly what was written.
  void commit();
  /// The temporary file's path (empty once committed or removed).
  [[nodiscard]] const std::filesystem::path& temporary() const { return temp_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  unsigned mode_ = 0;
};

/// Writes `content` to a temporary file beside `path`, then renames it over `path`
/// (AtomicFile's rules). Throws IoError (and removes the temporary file) when any step fails.
/// Time: O(size of content).
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// A file of a group the writers below write: its path, and what it holds.
struct FileContent {
  std::filesystem::path path;
  std::string_view content;
};

/// Writes several files so that none changes unless each could be written: every file goes
/// to its own temporary file (AtomicFile's rules, every target checked before anything is
/// written), every temporary is synced, and only then are they renamed over their targets,
/// in order. A failure before the renames removes every temporary and changes nothing.
/// Throws IoError naming the file. Time O(total size).
void write_files_atomic(const std::vector<FileContent>& files);

/// Writes `files` (paths relative to `folder`, one name each) so that the folder appears
/// whole or not at all. A new folder is built as a hidden temporary sibling
/// (`.NAME.tmp-XXXXXX`, made by mkdtemp, given 0777 & ~umask) and renamed into place once
/// every file is written and synced; missing parent folders are made first and removed again
/// when the write fails. An existing folder (or a symbolic link to one) gets the files as
/// write_files_atomic writes them; any other existing path is refused. A SIGINT or SIGTERM
/// removes the temporary folder. Throws IoError naming the folder or file. Time O(total size).
void write_folder_atomic(const std::filesystem::path& folder, const std::vector<FileContent>& files);

/// Refuses, before anything is read or written, an output that is one of the inputs: throws
/// UsageError (`OUT: refusing to write over the input file IN; write the output elsewhere`)
/// when a path of `outputs` exists and is the same file (device and inode, after following
/// symbolic links) as a path of `inputs`, however each is spelled (`./k.yaml`, a symbolic
/// link, a hard link). Paths that do not exist are skipped. O(outputs x inputs) stat calls.
void refuse_output_over_input(const std::vector<std::filesystem::path>& outputs,
                              const std::vector<std::filesystem::path>& inputs);

/// Writes `text` to standard output, every byte or an IoError (`standard output: cannot
/// write: ...`, e.g. ENOSPC on /dev/full or EPIPE on a closed pipe when SIGPIPE is ignored).
/// Flushes std::cout first so earlier output keeps its order. Time O(size of text).
void write_stdout(std::string_view text);

}  // namespace xsector
