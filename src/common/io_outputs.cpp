// Outputs of several files (a CSV pair, a report folder) written whole or not at all, and the
// check that no output is one of the inputs.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "common/temporaries.hpp"
#include "xsector/error.hpp"
#include "xsector/io.hpp"

namespace xsector {

namespace fs = std::filesystem;

namespace {

/// The folders of `parent` that do not exist yet, made one after the other (outermost
/// first); removed again, innermost first, unless keep() is called.
class MadeParents {
 public:
  explicit MadeParents(const fs::path& parent) {
    std::vector<fs::path> missing;
    struct stat st {};
    for (fs::path p = parent; !p.empty() && ::stat(p.c_str(), &st) != 0 && errno == ENOENT; p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST) {
        const int error = errno;
        throw IoError(fmt::format("{}: cannot create the folder: {}", it->string(), std::strerror(error)));
      }
      made_.push_back(*it);
    }
  }
  MadeParents(const MadeParents&) = delete;
  MadeParents& operator=(const MadeParents&) = delete;
  ~MadeParents() {
    for (auto it = made_.rbegin(); it != made_.rend(); ++it) ::rmdir(it->c_str());
  }
  void keep() { made_.clear(); }

 private:
  std::vector<fs::path> made_;
};

/// `message` with the temporary folder's name replaced by the folder's own.
std::string naming(std::string message, const std::string& temporary, const std::string& folder) {
  for (auto at = message.find(temporary); at != std::string::npos; at = message.find(temporary, at + folder.size())) {
    message.replace(at, temporary.size(), folder);
  }
  return message;
}

/// Writes `files` into a new folder `folder` through a temporary sibling folder.
void write_new_folder(const fs::path& folder, const std::vector<FileContent>& files) {
  const std::string name = folder.string();
  const fs::path parent = folder.parent_path();
  MadeParents parents(parent);
  std::string temporary =
      ((parent.empty() ? fs::path(".") : parent) / fmt::format(".{}.tmp-XXXXXX", folder.filename().string())).string();
  if (!detail::create_temporary_folder(temporary)) {
    const int error = errno;
    throw IoError(fmt::format("{}: cannot create the folder: {}", name, std::strerror(error)));
  }
  std::vector<std::string> written;
  try {
    for (const auto& f : files) {
      const fs::path path = fs::path(temporary) / f.path;
      // Tracked before the rename that makes it, so a signal never leaves it behind.
      if (!detail::track_temporary_file(path.string())) {
        throw IoError(fmt::format("{}: cannot write: {}", (folder / f.path).string(), std::strerror(errno)));
      }
      written.push_back(path.string());
      AtomicFile file(path);
      file.write(f.content);
      file.commit();
    }
    if (::chmod(temporary.c_str(), 0777 & ~detail::current_umask()) != 0 ||
        ::rename(temporary.c_str(), name.c_str()) != 0) {
      throw IoError(fmt::format("{}: cannot create the folder: {}", name, std::strerror(errno)));
    }
  } catch (const IoError& e) {
    for (const auto& w : written) detail::remove_temporary(w);
    detail::remove_temporary(temporary);
    throw IoError(naming(e.what(), temporary, name));
  }
  for (const auto& w : written) detail::forget_temporary(w);
  detail::forget_temporary(temporary);
  parents.keep();
}

}  // namespace

void write_files_atomic(const std::vector<FileContent>& files) {
  std::vector<std::unique_ptr<AtomicFile>> temporaries;
  temporaries.reserve(files.size());
  for (const auto& f : files) temporaries.push_back(std::make_unique<AtomicFile>(f.path));
  for (std::size_t i = 0; i < files.size(); ++i) temporaries[i]->write(files[i].content);
  for (auto& t : temporaries) t->prepare();
  for (auto& t : temporaries) t->commit();
}

void write_folder_atomic(const fs::path& folder_path, const std::vector<FileContent>& files) {
  const fs::path folder = folder_path.has_filename() ? folder_path : folder_path.parent_path();  // `out/`
  const std::string name = folder.string();
  struct stat st {};
  if (::stat(name.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      throw IoError(fmt::format("{}: cannot create the folder: a file of that name exists", name));
    }
    std::vector<FileContent> inside;
    inside.reserve(files.size());
    for (const auto& f : files) inside.push_back({folder / f.path, f.content});
    write_files_atomic(inside);
    return;
  }
  if (errno != ENOENT) throw IoError(fmt::format("{}: cannot create the folder: {}", name, std::strerror(errno)));
  write_new_folder(folder, files);
}

void refuse_output_over_input(const std::vector<fs::path>& outputs, const std::vector<fs::path>& inputs) {
  for (const auto& out : outputs) {
    struct stat o {};
    if (out.empty() || ::stat(out.c_str(), &o) != 0) continue;
    for (const auto& in : inputs) {
      struct stat i {};
      if (in.empty() || ::stat(in.c_str(), &i) != 0) continue;
      if (o.st_dev == i.st_dev && o.st_ino == i.st_ino) {
        throw UsageError(fmt::format("{}: refusing to write over the input file {}; write the output elsewhere",
                                     out.string(), in.string()));
      }
    }
  }
}

}  // namespace xsector
