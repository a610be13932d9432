// The browser build only: emscripten 3.1.6's libc++ 13 has no floating-point
// std::from_chars. This adds the one overload the library calls, with from_chars' rules
// (no leading space or '+', no hexadecimal, "C" locale: emscripten has no other) on top of
// strtod, which rounds correctly. Force-included by web/CMakeLists.txt; never by the native
// build.
#pragma once
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <string>
#include <system_error>

namespace std {  // NOLINT(cert-dcl58-cpp): the overload the standard library lacks here

inline from_chars_result from_chars(const char* first, const char* last, double& value) {
  const char* p = first;
  if (p != last && *p == '-') ++p;
  if (p == last || *p == '+' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
    return {first, errc::invalid_argument};
  }
  std::string text(first, last);
  const std::size_t digits = static_cast<std::size_t>(p - first);
  if (text.size() > digits + 1 && text[digits] == '0' && (text[digits + 1] == 'x' || text[digits + 1] == 'X')) {
    text.resize(digits + 1);  // from_chars reads "0x1" as the number 0 followed by "x1"
  }
  errno = 0;
  char* end = nullptr;
  const double parsed = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return {first, errc::invalid_argument};
  const char* stop = first + (end - text.c_str());
  if (errno == ERANGE) return {stop, errc::result_out_of_range};
  value = parsed;
  return {stop, errc{}};
}

}  // namespace std
