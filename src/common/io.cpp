#include "xsector/io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/temporaries.hpp"
#include "xsector/error.hpp"

namespace xsector {

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(fmt::format("{}: cannot read: is a directory", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("{}: read failed", path.string()));
  return buffer.str();
}

namespace {

std::string refusal(const struct stat& st) {
  if (S_ISLNK(st.st_mode)) return "it is a symbolic link";
  if (S_ISDIR(st.st_mode)) return "it is a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "it is a device";
  if (S_ISFIFO(st.st_mode)) return "it is a FIFO";
  if (!S_ISREG(st.st_mode)) return "it is not a regular file";
  return {};
}

}  // namespace

AtomicFile::AtomicFile(const std::filesystem::path& target) : target_(target) {
  const std::string name = target.string();
  struct stat st {};
  bool replace = false;
  if (::lstat(name.c_str(), &st) == 0) {
    if (const std::string why = refusal(st); !why.empty()) {
      throw IoError(fmt::format("{}: refusing to replace it: {}; only a regular file is replaced", name, why));
    }
    if ((st.st_mode & 0222) == 0 || ::faccessat(AT_FDCWD, name.c_str(), W_OK, AT_EACCESS) != 0) {
      throw IoError(fmt::format("{}: refusing to replace it: the file is read-only", name));
    }
    mode_ = st.st_mode & 0777;
    replace = true;
  } else if (errno != ENOENT) {
    throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  } else {
    mode_ = 0666 & ~detail::current_umask();
  }
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string pattern = (folder / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  if (pattern.size() > PATH_MAX) throw IoError(fmt::format("{}: cannot write: the name is too long", name));
  fd_ = detail::create_temporary_file(pattern);
  if (fd_ < 0) throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  temp_ = pattern;
  if (replace && (st.st_uid != ::geteuid() || st.st_gid != ::getegid())) {
    [[maybe_unused]] const int ignored = ::fchown(fd_, st.st_uid, st.st_gid);  // best effort
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) detail::remove_temporary(temp_.string());
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw IoError(fmt::format("{}: cannot write: {}", target_.string(), std::strerror(n < 0 ? errno : EIO)));
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::prepare() {
  if (fd_ < 0) return;
  const std::string name = target_.string();
  if (::fchmod(fd_, static_cast<mode_t>(mode_)) != 0 || ::fsync(fd_) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
}

void AtomicFile::commit() {
  prepare();
  const std::string name = target_.string();
  if (::rename(temp_.c_str(), name.c_str()) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  }
  // A signal between the rename and this finds no temporary to remove: harmless.
  detail::forget_temporary(temp_.string());
  temp_.clear();
  const std::filesystem::path folder = target_.parent_path().empty() ? "." : target_.parent_path();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {  // make the rename durable; best effort
    ::fsync(dir);
    ::close(dir);
  }
}

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

void write_stdout(std::string_view text) {
  std::cout.flush();
  std::fflush(stdout);
  while (!text.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError(fmt::format("standard output: cannot write: {}", std::strerror(n < 0 ? errno : EIO)));
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace xsector
