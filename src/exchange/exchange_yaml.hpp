// A coalition as a document (ordered JSON values, in the order a coalition file writes its
// keys) and that document as YAML. Internal: the exporters and importers share it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "xsector/coalition.hpp"

namespace xsector::detail {

using nlohmann::ordered_json;

/// Attributes (of a member or a tie) as a JSON object of names to text, in their order.
ordered_json attributes_document(const std::vector<std::pair<std::string, std::string>>& attributes);

/// A member's contacts as coalition-file entries (empty fields left out).
ordered_json contacts_document(const Member& m);

/// The whole coalition file as a document; ties made from survey responses are left out.
ordered_json coalition_document(const Coalition& c);

/// Compact JSON; bytes that are not UTF-8 become U+FFFD instead of an exception.
std::string json_text(const ordered_json& value);

}  // namespace xsector::detail
