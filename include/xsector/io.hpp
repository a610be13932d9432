// Reading and writing whole files. Writes go through a temporary file and a rename, so a
// failed run never leaves a half-written output behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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
/// the destructor removes it too. One AtomicFile is open at a time per process: another
/// thread's waits for it, and one thread must commit or destroy one before opening the next. Every failure throws
/// IoError naming the target.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// Appends to the temporary file.
  void write(std::string_view data);
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

/// Writes `text` to standard output, every byte or an IoError (`standard output: cannot
/// write: ...`, e.g. ENOSPC on /dev/full or EPIPE on a closed pipe when SIGPIPE is ignored).
/// Flushes std::cout first so earlier output keeps its order. Time O(size of text).
void write_stdout(std::string_view text);

}  // namespace xsector
