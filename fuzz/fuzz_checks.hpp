// Checks shared by the fuzz targets. A failed check prints what broke and aborts, so
// libFuzzer records the input as a crash and the replay driver exits non-zero.
#pragma once

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "xsector/coalition.hpp"
#include "xsector/error.hpp"

namespace xsector::fuzz {

[[noreturn]] inline void fail(std::string_view check, std::string_view detail) {
  std::fprintf(stderr, "fuzz check failed: %.*s: %.*s\n", static_cast<int>(check.size()), check.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// Runs `step`; any exception escaping it is a failed check named `what` (used for steps
/// that must succeed on a valid coalition, such as re-importing its own export).
template <typename F>
auto must(std::string_view what, F&& step) -> decltype(step()) {
  try {
    return step();
  } catch (const std::exception& e) {
    fail(what, e.what());
  }
}

/// Every number in `v` is finite (nlohmann writes NaN and infinity as null, which would hide
/// them from a text check).
inline void check_finite(std::string_view what, const nlohmann::json& v) {
  if (v.is_number_float() && !std::isfinite(v.get<double>())) fail(what, "a non-finite number");
  if (v.is_structured()) {
    for (const auto& item : v) check_finite(what, item);
  }
}

/// Parses `text` as JSON (no NaN or Infinity literals: the parser rejects them) with finite
/// numbers only.
inline nlohmann::json check_json(std::string_view what, const std::string& text) {
  nlohmann::json v = nlohmann::json::parse(text, nullptr, false);
  if (v.is_discarded()) fail(what, "not valid JSON");
  check_finite(what, v);
  return v;
}

inline std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// No `nan`, `inf` or `infinity` word (what printf and fmt write for non-finite numbers) in
/// a text output, unless the input itself holds that word somewhere (a member called "Inf").
inline void check_no_nonfinite_words(std::string_view what, const std::string& output, const std::string& input_lower) {
  std::size_t i = 0;
  while (i < output.size()) {
    if (!std::isalpha(static_cast<unsigned char>(output[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < output.size() && std::isalpha(static_cast<unsigned char>(output[j]))) ++j;
    const std::string word = lowered(std::string_view(output).substr(i, j - i));
    if ((word == "nan" || word == "inf" || word == "infinity") && input_lower.find(word) == std::string::npos) {
      fail(what, "prints a non-finite number ('" + word + "') near: " + output.substr(i > 40 ? i - 40 : 0, 80));
    }
    i = j;
  }
}

/// `xml` is a well-formed XML document (expat, no DTD loading).
inline void check_xml(std::string_view what, const std::string& xml) {
  XML_Parser parser = XML_ParserCreate(nullptr);
  if (parser == nullptr) fail(what, "cannot create an XML parser");
  const bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  std::string message;
  if (!ok) {
    message = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
              std::to_string(XML_GetCurrentLineNumber(parser));
  }
  XML_ParserFree(parser);
  if (!ok) fail(what, "not well-formed XML: " + message);
}

/// The first difference between two coalitions in what a coalition file says (positions,
/// the file name and how a tie was spelled are not compared), or empty when they agree.
inline std::string difference(const Coalition& a, const Coalition& b, bool header = true) {
  auto ids = [](const Coalition& c, std::size_t i) { return i < c.members.size() ? c.members[i].id : "?"; };
  // Attributes are a map: a sheet has one column order for every member (and tie), so one
  // whose own order differs comes back in the sheet's order with every name and value kept.
  auto sorted = [](std::vector<std::pair<std::string, std::string>> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  if (header) {
    if (a.name != b.name) return "name '" + a.name + "' vs '" + b.name + "'";
    if (a.place != b.place) return "place '" + a.place + "' vs '" + b.place + "'";
    if (a.as_of != b.as_of) return "as_of";
    if (a.taxonomy.id != b.taxonomy.id) return "taxonomy '" + a.taxonomy.id + "' vs '" + b.taxonomy.id + "'";
    if (a.backbone.has_value() != b.backbone.has_value() ||
        (a.backbone && ids(a, *a.backbone) != ids(b, *b.backbone))) {
      return "backbone";
    }
    if (a.extra_sectors.size() != b.extra_sectors.size()) return "number of declared sectors";
    for (std::size_t i = 0; i < a.extra_sectors.size(); ++i) {
      const Sector& x = a.extra_sectors[i];
      const Sector& y = b.extra_sectors[i];
      if (x.id != y.id || x.name != y.name || x.priority != y.priority || x.examples != y.examples ||
          x.aliases != y.aliases || x.source != y.source) {
        return "declared sector '" + x.id + "'";
      }
    }
  }
  if (a.members.size() != b.members.size()) {
    return "number of members " + std::to_string(a.members.size()) + " vs " + std::to_string(b.members.size());
  }
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const Member& x = a.members[i];
    const Member& y = b.members[i];
    if (x.id != y.id) return "member " + std::to_string(i) + " id '" + x.id + "' vs '" + y.id + "'";
    if (x.name != y.name) return "member '" + x.id + "' name '" + x.name + "' vs '" + y.name + "'";
    if (x.sector != y.sector) return "member '" + x.id + "' sector '" + x.sector + "' vs '" + y.sector + "'";
    if (x.community_led != y.community_led) return "member '" + x.id + "' community_led";
    if (x.lived_experience != y.lived_experience) return "member '" + x.id + "' lived_experience";
    if (x.funding.has_value() != y.funding.has_value() || (x.funding && *x.funding != *y.funding)) {
      return "member '" + x.id + "' funding";
    }
    if (x.tags != y.tags) return "member '" + x.id + "' tags";
    if (sorted(x.attributes) != sorted(y.attributes)) return "member '" + x.id + "' attributes";
  }
  if (a.ties.size() != b.ties.size()) {
    return "number of ties " + std::to_string(a.ties.size()) + " vs " + std::to_string(b.ties.size());
  }
  for (std::size_t i = 0; i < a.ties.size(); ++i) {
    const Tie& x = a.ties[i];
    const Tie& y = b.ties[i];
    const std::string name = "tie " + std::to_string(i) + " (" + ids(a, x.a) + "-" + ids(a, x.b) + ")";
    if (ids(a, x.a) != ids(b, y.a) || ids(a, x.b) != ids(b, y.b)) return name + " ends";
    if (x.directed != y.directed) return name + " direction";
    if (x.level != y.level) return name + " level";
    if (x.kinds != y.kinds) return name + " kinds";
    if (sorted(x.attributes) != sorted(y.attributes)) return name + " attributes";
  }
  if (!header) return {};
  if (a.governance.size() != b.governance.size()) return "number of decision bodies";
  for (std::size_t i = 0; i < a.governance.size(); ++i) {
    const Body& x = a.governance[i];
    const Body& y = b.governance[i];
    const std::string name = "body '" + x.id + "'";
    if (x.id != y.id || x.decides != y.decides) return name;
    if (x.rule.kind != y.rule.kind || x.rule.explicit_quota != y.rule.explicit_quota) return name + " rule";
    if (x.seats.size() != y.seats.size()) return name + " number of seats";
    for (std::size_t s = 0; s < x.seats.size(); ++s) {
      if (ids(a, x.seats[s].member) != ids(b, y.seats[s].member) || x.seats[s].votes != y.seats[s].votes) {
        return name + " seat " + std::to_string(s);
      }
    }
    if (x.veto.size() != y.veto.size()) return name + " veto";
    for (std::size_t v = 0; v < x.veto.size(); ++v) {
      if (ids(a, x.veto[v]) != ids(b, y.veto[v])) return name + " veto";
    }
    if (x.chair.has_value() != y.chair.has_value() || (x.chair && ids(a, *x.chair) != ids(b, *y.chair))) {
      return name + " chair";
    }
  }
  return {};
}

inline void check_equal(std::string_view what, const Coalition& a, const Coalition& b, bool header = true) {
  if (const std::string d = difference(a, b, header); !d.empty()) fail(what, "differs: " + d);
}

/// Refuses inputs that name a device or process file (a taxonomy path such as /dev/zero or
/// /dev/stdin would make the harness read without end instead of testing the parser).
inline bool names_special_file(std::string_view data) {
  const std::string s = lowered(data);
  for (const char* p : {"/dev", "/proc", "/sys", "dev/", "proc/", "sys/"}) {
    if (s.find(p) != std::string::npos) return true;
  }
  return false;
}

}  // namespace xsector::fuzz
