#include "common/temporaries.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace xsector::detail {

namespace {

// The signal handler may only call async-signal-safe functions (unlink, rmdir, sigaction,
// raise), so the paths live in fixed buffers, written before their slot is marked used.
enum : int { slot_free = 0, slot_file = 1, slot_folder = 2 };
struct Slot {
  char path[PATH_MAX + 1];
  volatile std::sig_atomic_t kind;
};
Slot g_slots[max_temporaries];
std::size_t g_used = 0;  // slots in use; the handlers are installed while it is not 0
std::mutex g_registry;
constexpr std::array<int, 2> g_signals = {SIGINT, SIGTERM};
struct sigaction g_previous[2];
bool g_installed[2] = {false, false};

extern "C" void remove_temporaries_and_reraise(int sig) {
  for (auto& s : g_slots) {
    if (s.kind == slot_file) ::unlink(s.path);
  }
  for (auto& s : g_slots) {
    if (s.kind == slot_folder) ::rmdir(s.path);
    s.kind = slot_free;
  }
  for (std::size_t i = 0; i < g_signals.size(); ++i) {
    if (g_signals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  }
  ::raise(sig);  // delivered with the previous disposition once this handler returns
}

/// Blocks SIGINT and SIGTERM in this thread while the slots change.
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
    action.sa_handler = remove_temporaries_and_reraise;
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

/// Runs `create` (which makes `path` and returns false with errno set on failure) and
/// registers what it made as `kind`, with the registry locked and the signals blocked.
template <typename Create>
bool create_registered(const std::string& path, int kind, Create create) {
  if (path.size() > PATH_MAX) {
    errno = ENAMETOOLONG;
    return false;
  }
  const std::lock_guard<std::mutex> lock(g_registry);
  const SignalsBlocked blocked;
  Slot* slot = nullptr;
  for (auto& s : g_slots) {
    if (s.kind == slot_free) {
      slot = &s;
      break;
    }
  }
  if (slot == nullptr) {
    errno = EMFILE;
    return false;
  }
  if (!create()) return false;
  std::memcpy(slot->path, path.c_str(), path.size() + 1);  // the pattern's length is the name's
  slot->kind = kind;
  if (g_used++ == 0) install_handlers();
  return true;
}

}  // namespace

int create_temporary_file(std::string& pattern) {
  int fd = -1;
  const bool made = create_registered(pattern, slot_file, [&] {
    fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    return fd >= 0;
  });
  return made ? fd : -1;
}

bool create_temporary_folder(std::string& pattern) {
  return create_registered(pattern, slot_folder, [&] { return ::mkdtemp(pattern.data()) != nullptr; });
}

bool track_temporary_file(const std::string& path) {
  return create_registered(path, slot_file, [] { return true; });
}

void forget_temporary(const std::string& path) {
  const std::lock_guard<std::mutex> lock(g_registry);
  const SignalsBlocked blocked;
  for (auto& s : g_slots) {
    if (s.kind != slot_free && path == s.path) {
      s.kind = slot_free;
      if (--g_used == 0) restore_handlers();
      return;
    }
  }
}

void remove_temporary(const std::string& path) {
  const SignalsBlocked blocked;
  if (::unlink(path.c_str()) != 0 && errno == EISDIR) ::rmdir(path.c_str());
  forget_temporary(path);
}

unsigned current_umask() {
  static std::mutex guard;  // umask() both reads and sets it: no other caller may see the 0
  const std::lock_guard<std::mutex> lock(guard);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace xsector::detail
