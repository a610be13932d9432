// Temporary files and folders that a SIGINT or SIGTERM removes before the signal takes its
// usual effect (internal to src/common/: AtomicFile and the group writers of io_outputs.cpp).
//
// Each registered path sits in a fixed slot the signal handler reads: it unlinks the files,
// then removes the folders (empty by then), and re-raises the signal with its previous
// disposition. The handlers are installed while anything is registered and the previous
// ones restored afterwards; an ignored signal stays ignored. Registering and forgetting
// block SIGINT and SIGTERM in the calling thread and are safe from several threads.
#pragma once

#include <cstddef>
#include <string>

namespace xsector::detail {

/// How many temporaries may be registered at once in a process.
inline constexpr std::size_t max_temporaries = 64;

/// Creates a file from `pattern` (ending in XXXXXX, rewritten to the name made) with
/// mkostemp (O_CREAT|O_EXCL|O_CLOEXEC, mode 0600) and registers it. Returns its descriptor,
/// or -1 with errno set (EMFILE when every slot is taken, ENAMETOOLONG for a long path).
int create_temporary_file(std::string& pattern);

/// Creates a folder from `pattern` with mkdtemp (mode 0700) and registers it. False with
/// errno set on failure.
bool create_temporary_folder(std::string& pattern);

/// Registers a file that already exists (one renamed inside a registered folder), so a
/// signal removes it too. False with errno set when it cannot be registered.
bool track_temporary_file(const std::string& path);

/// Forgets `path` (renamed into place, or removed by the caller). O(max_temporaries).
void forget_temporary(const std::string& path);

/// Removes `path` (a file, or an empty folder) and forgets it. O(max_temporaries).
void remove_temporary(const std::string& path);

/// The process's umask, read without a window in which another thread could see it changed.
unsigned current_umask();

}  // namespace xsector::detail
