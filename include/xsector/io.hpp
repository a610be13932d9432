// Reading and writing whole files. Writes go through a temporary file and a rename, so a
// failed run never leaves a half-written output behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace xsector {

/// Reads a whole file. Throws IoError naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `content` to a temporary file beside `path`, then renames it over `path`.
/// Throws IoError (and removes the temporary file) when any step fails.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

}  // namespace xsector
