// A coalition as a document (ordered JSON values, in the order a coalition file writes its
// keys) and that document as YAML. Internal: the exporters and importers share it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "xsector/coalition.hpp"

namespace YAML {
class Emitter;
}

namespace xsector::detail {

using nlohmann::ordered_json;

/// A member's contacts as coalition-file entries (empty fields left out).
ordered_json contacts_document(const Member& m);

/// The whole coalition file as a document; ties made from survey responses are left out.
ordered_json coalition_document(const Coalition& c);

/// Writes a value as YAML: keys and strings plain when safe, else double-quoted; lists of
/// scalars in flow style when `flow_lists`.
void emit(YAML::Emitter& out, const ordered_json& value, bool flow_lists);

/// Compact JSON; bytes that are not UTF-8 become U+FFFD instead of an exception.
std::string json_text(const ordered_json& value);

}  // namespace xsector::detail
