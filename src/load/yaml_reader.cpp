// Reading a parsed document into plain values with diagnostics: typed lookups, map keys
// checked with did-you-mean suggestions, ids and the text check.
#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace xsector::detail {

namespace {

constexpr std::size_t max_suggestion_length = 64;

// Edit distance, giving up (returning cap + 1) once every path exceeds `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > cap) return cap + 1;
  }
  return row[b.size()];
}

std::string normalize_key(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

// True for a date written YYYY-MM-DD that exists in the calendar.
bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = std::stoi(s.substr(0, 4));
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::string_view kind_name(const Node& node) {
  switch (node.kind()) {
    case Node::Kind::map: return "a map";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::scalar: return "a single value";
    case Node::Kind::null: return "nothing";
  }
  return "nothing";
}

}  // namespace

std::string nearest(std::string_view word, std::span<const std::string> candidates) {
  if (word.size() > max_suggestion_length) return {};
  // Close enough to be a typo, and not merely another short word.
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& c : candidates) {
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > limit) continue;
    const std::size_t d = edit_distance(word, c, std::min(limit, best_distance));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= limit && best_distance < word.size() ? best : std::string{};
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  const std::string s = nearest(word, candidates);
  return s.empty() ? std::string{} : fmt::format("; did you mean '{}'?", s);
}

bool is_slug(std::string_view s) {
  if (s.empty()) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front())) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string text_problem(std::string_view text, bool allow_cr, std::size_t* offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto fail = [&](std::string message) {
    if (offset != nullptr) *offset = i;
    return message;
  };
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && !(allow_cr && c == '\r')) || c == 0x7F) {
        return fail(
            fmt::format("control character U+{:04X} is not allowed; text may hold tabs and "
                        "line breaks only",
                        c));
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1FU, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0FU, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07U, min = 0x10000;
    }
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (s[i + k] & 0xC0U) == 0x80U;
      cp = (cp << 6U) | (s[i + k] & 0x3FU);
    }
    if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail(fmt::format("not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8", c));
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      return fail(
          fmt::format("control character U+{:04X} is not allowed; text may hold tabs and "
                      "line breaks only",
                      cp));
    }
    if (cp == 0xFFFE || cp == 0xFFFF) {
      return fail(fmt::format("character U+{:04X} is not allowed (it is not a character)", cp));
    }
    i += len;
  }
  return {};
}

const Node* Fields::get(std::string_view key) const {
  for (const auto& [k, v] : entries_) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool Fields::suggested(std::string_view key) const {
  return std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
}

void YamlReader::error(SourcePos pos, std::string message) { diagnostics_.push_back({file_, pos, std::move(message)}); }

std::optional<Fields> YamlReader::fields(const Node& node, std::span<const std::string> known, std::string_view what) {
  if (!node.IsMap()) {
    error(pos(node), fmt::format("{} must be a map of keys, found {}", what, kind_name(node)));
    return std::nullopt;
  }
  Fields result;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const Node key_node = node.key(i);
    if (!key_node.IsScalar()) {
      error(pos(key_node), fmt::format("a key in {} must be a plain name", what));
      continue;
    }
    const std::string key = normalize_key(key_node.Scalar());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      const std::string suggestion = nearest(key, known);
      std::string message = fmt::format("unknown key '{}' in {}", key_node.Scalar(), what);
      if (!suggestion.empty()) {
        message += fmt::format("; did you mean '{}'?", suggestion);
        result.suggested_.push_back(suggestion);
      }
      error(pos(key_node), message);
      continue;
    }
    if (result.get(key) != nullptr) {
      error(pos(key_node), fmt::format("duplicate key '{}' in {}", key_node.Scalar(), what));
      continue;
    }
    result.entries_.emplace_back(key, node.value(i));
  }
  return result;
}

void YamlReader::missing(const Fields& fields, std::string_view key, SourcePos where, std::string message) {
  if (!fields.suggested(key)) error(where, std::move(message));
}

std::optional<std::string> YamlReader::text(const Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(pos(node), fmt::format("{} must be a single value, found {}", what, kind_name(node)));
    return std::nullopt;
  }
  return std::string(node.Scalar());
}

std::optional<std::string> YamlReader::slug(const Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  if (!is_slug(*value)) {
    error(pos(node), fmt::format("{} '{}' is not an id: use lower-case letters, digits, '.', '_' "
                                 "and '-', starting with a letter or digit",
                                 what, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::boolean(const Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "yes") return true;
  if (*value == "false" || *value == "no") return false;
  error(pos(node), fmt::format("{} must be true or false, found '{}'", what, *value));
  return std::nullopt;
}

std::optional<double> YamlReader::number(const Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  double result = 0;
  const std::string& digits = *value;
  const char* begin = digits.data();
  const char* end = begin + digits.size();
  const auto [ptr, ec] = std::from_chars(begin, end, result);
  if (ec != std::errc{} || ptr != end || !std::isfinite(result)) {
    error(pos(node), fmt::format("{} must be a number, found '{}'", what, *value));
    return std::nullopt;
  }
  return result;
}

std::optional<std::int64_t> YamlReader::integer(const Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  std::int64_t result = 0;
  const std::string& digits = *value;
  const char* begin = digits.data();
  const char* end = begin + digits.size();
  const auto [ptr, ec] = std::from_chars(begin, end, result);
  if (ec == std::errc::result_out_of_range) {
    error(pos(node), fmt::format("{} '{}' is too large", what, *value));
    return std::nullopt;
  }
  if (ec != std::errc{} || ptr != end) {
    error(pos(node), fmt::format("{} must be a whole number, found '{}'", what, *value));
    return std::nullopt;
  }
  return result;
}

std::optional<std::size_t> YamlReader::choice(const Node& node, std::string_view what,
                                              std::span<const std::string> names, std::string_view must_be) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  const auto it = std::find(names.begin(), names.end(), *value);
  if (it == names.end()) {
    error(pos(node), fmt::format("{} must be {}, found '{}'{}", what, must_be, *value, did_you_mean(*value, names)));
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - names.begin());
}

std::optional<std::string> YamlReader::date(const Node& node, std::string_view what, std::string_view example) {
  auto value = text(node, what);
  if (!value) return std::nullopt;
  if (!valid_date(*value)) {
    error(pos(node), fmt::format("{} must be a date like {}, found '{}'", what, example, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> YamlReader::text_list(const Node& node, std::string_view what) {
  if (!node.IsSequence()) {
    error(pos(node), fmt::format("{} must be a list, like [a, b], found {}", what, kind_name(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  out.reserve(node.size());
  bool ok = true;
  const std::string item_what = fmt::format("an item of {}", what);
  for (const Node item : node) {
    auto value = text(item, item_what);
    if (value) {
      out.push_back(std::move(*value));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace xsector::detail
