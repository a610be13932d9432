#include "xsector/io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

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

// The temporary file in flight, for the signal handler: a fixed buffer, since a handler may
// only call async-signal-safe functions (unlink, sigaction, raise).
std::mutex g_writer;  // one AtomicFile at a time
char g_temp[PATH_MAX + 1];
volatile std::sig_atomic_t g_active = 0;
constexpr std::array<int, 2> g_signals = {SIGINT, SIGTERM};
struct sigaction g_previous[2];
bool g_installed[2] = {false, false};

extern "C" void remove_temporary_and_reraise(int sig) {
  if (g_active) ::unlink(g_temp);
  g_active = 0;
  for (std::size_t i = 0; i < g_signals.size(); ++i) {
    if (g_signals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  }
  ::raise(sig);  // delivered with the previous disposition once this handler returns
}

/// Blocks SIGINT and SIGTERM while the temporary file's bookkeeping changes.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (const int s : g_signals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

void install_handlers() {
  for (std::size_t i = 0; i < g_signals.size(); ++i) {
    struct sigaction previous {};
    ::sigaction(g_signals[i], nullptr, &previous);
    g_installed[i] = previous.sa_handler != SIG_IGN;  // an ignored signal stays ignored
    if (!g_installed[i]) continue;
    g_previous[i] = previous;
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_reraise;
    sigemptyset(&action.sa_mask);
    ::sigaction(g_signals[i], &action, nullptr);
  }
}

void restore_handlers() {
  for (std::size_t i = 0; i < g_signals.size(); ++i) {
    if (g_installed[i]) ::sigaction(g_signals[i], &g_previous[i], nullptr);
    g_installed[i] = false;
  }
}

std::string refusal(const struct stat& st) {
  if (S_ISLNK(st.st_mode)) return "it is a symbolic link";
  if (S_ISDIR(st.st_mode)) return "it is a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "it is a device";
  if (S_ISFIFO(st.st_mode)) return "it is a FIFO";
  if (!S_ISREG(st.st_mode)) return "it is not a regular file";
  return {};
}

unsigned current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
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
    mode_ = 0666 & ~current_umask();
  }
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string pattern = (folder / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  if (pattern.size() > PATH_MAX) throw IoError(fmt::format("{}: cannot write: the name is too long", name));
  g_writer.lock();
  {
    const SignalsBlocked blocked;
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) {
      const int error = errno;
      g_writer.unlock();
      throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(error)));
    }
    std::memcpy(g_temp, pattern.c_str(), pattern.size() + 1);
    g_active = 1;
    install_handlers();
  }
  temp_ = pattern;
  if (replace && (st.st_uid != ::geteuid() || st.st_gid != ::getegid())) {
    [[maybe_unused]] const int ignored = ::fchown(fd_, st.st_uid, st.st_gid);  // best effort
  }
}

AtomicFile::~AtomicFile() {
  {
    const SignalsBlocked blocked;
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
    g_active = 0;
    restore_handlers();
  }
  g_writer.unlock();
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

void AtomicFile::commit() {
  const std::string name = target_.string();
  if (::fchmod(fd_, static_cast<mode_t>(mode_)) != 0 || ::fsync(fd_) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  const SignalsBlocked blocked;
  if (::rename(temp_.c_str(), name.c_str()) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  }
  temp_.clear();
  g_active = 0;
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
