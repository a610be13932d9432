// The browser app's operations, shared between its source files (web/ only).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace xsector::web {

/// Runs one request (`{"op": ..., "files": [...], ...}`) and returns the JSON answer:
/// `{"ok": true, ...}`, or `{"ok": false, "kind": "input", "errors": [{file, line, column,
/// message, text}]}` for an invalid file, or `{"ok": false, "kind", "message"}`. An answer's
/// long `text` (the JSON of analyze, the report's HTML) is moved to `text` as it is, and the
/// answer says `"text": true`: escaped inside the answer it cost the page a second
/// serialization and parse of megabytes.
std::string run(const std::string& request_text, std::string& text);

/// Writes `bytes` to `path` in the in-memory file system; IoError if it cannot.
void write_file(const std::string& path, const std::string& bytes);

/// A roster (.csv, .xlsx: members and optionally ties), survey responses with their members
/// sheet, or GraphML, turned into a coalition file: `{yaml, notes, skipped}` (web_import.cpp).
nlohmann::json import_op(const nlohmann::json& request);

/// The coalition as the page's editor shows it: members, ties and the sectors to choose from.
nlohmann::json coalition_op(const nlohmann::json& request);

/// The editor's changes (add or rename a member, change a sector, add or remove a tie)
/// applied to the coalition, checked as the loader checks a file, and written back: `{yaml}`.
nlohmann::json edit_op(const nlohmann::json& request);

}  // namespace xsector::web
