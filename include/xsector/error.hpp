// Errors and diagnostics. Every error knows the exit code the tool maps it to.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace xsector {

/// Exit codes of the command-line tool (docs/format.md, "Exit codes").
enum class ExitCode : int { ok = 0, invalid_input = 1, usage = 2, io = 3 };

/// A position in a source file, 1-based. Line 0 means "no position known".
struct SourcePos {
  int line = 0;
  int column = 0;
};

/// One problem found in an input file, printed like a compiler's message:
/// `file:line:col: error: message`.
struct Diagnostic {
  std::string file;
  SourcePos pos;
  std::string message;

  /// `file:line:col: error: message`, or `file: error: message` when the line is 0.
  [[nodiscard]] std::string str() const;
};

/// Root of the error hierarchy.
class Error : public std::runtime_error {
 public:
  Error(const std::string& message, ExitCode code) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExitCode exit_code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

/// The input is invalid: carries every problem found, not only the first (exit 1). what()
/// is every diagnostic's str(), one a line.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Bad command-line usage (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(message, ExitCode::usage) {}
};

/// A file could not be read or written (exit 3).
class IoError : public Error {
 public:
  explicit IoError(const std::string& message) : Error(message, ExitCode::io) {}
};

}  // namespace xsector
