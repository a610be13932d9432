#include "xsector/error.hpp"

#include <fmt/format.h>

namespace xsector {

std::string Diagnostic::str() const {
  if (pos.line > 0) return fmt::format("{}:{}:{}: error: {}", file, pos.line, pos.column, message);
  return fmt::format("{}: error: {}", file, message);
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.str();
  }
  return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(join_diagnostics(diagnostics), ExitCode::invalid_input), diagnostics_(std::move(diagnostics)) {}

}  // namespace xsector
