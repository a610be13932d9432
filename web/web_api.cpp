// The browser app's one boundary to the library: `xs_call(request)` takes a JSON request
// naming an operation and files the page wrote into the in-memory file system (bytes in),
// and returns JSON (text out). The page never reaches past it. Every operation calls the
// same library functions as the command of that name, so the page shows what the command
// line prints.
#include <emscripten/emscripten.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "web_parts.hpp"
#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/error.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"
#include "xsector/open.hpp"
#include "xsector/output.hpp"
#include "xsector/people.hpp"
#include "xsector/render.hpp"
#include "xsector/report.hpp"
#include "xsector/version.hpp"

namespace xsector::web {

using nlohmann::json;

namespace {

LoadOptions load_options(const json& request) {
  LoadOptions o;
  const std::string taxonomy = request.value("taxonomy", "");
  if (!taxonomy.empty()) o.taxonomy = taxonomy;
  o.taxonomy_paths = false;  // a file from elsewhere may name built-in taxonomies only
  return o;
}

AnalysisOptions analysis_options(const json& request, unsigned parts) {
  AnalysisOptions o;
  o.parts = parts;
  o.people = parse_people_shown(request.value("people", "roles"));
  return o;
}

std::vector<std::string> files_of(const json& request) { return request.value("files", std::vector<std::string>{}); }

/// A coalition file, or a roster or GraphML read through the importer (as every command does).
Coalition load_one(const json& request, const std::string& file) {
  OpenOptions options;
  options.load = load_options(request);
  return open_coalition(file, options).coalition;
}

/// `xsector analyze FILE --format json`.
json analyze_op(const json& request) {
  const Coalition c = load_one(request, files_of(request).at(0));
  return {{"text", format_json(c, xsector::analyze(c, analysis_options(request, part_all)))}};
}

/// The files of a report (one coalition, or two waves) loaded and analyzed once: the page
/// asks for the diagrams, lays them out, then asks for the report of the same files.
struct Session {
  std::string key;  ///< the files' names and bytes and the options
  std::vector<Coalition> waves;
  std::vector<Analysis> analyses;  ///< one per wave, with part_report
  std::optional<Comparison> comparison;
};

const Session& session(const json& request) {
  static Session s;
  const std::vector<std::string> files = files_of(request);
  std::string key = request.value("taxonomy", "") + '\n' + request.value("people", "roles");
  for (const auto& f : files) key += '\n' + f + '\n' + read_input_file(f);
  if (key == s.key) return s;
  s = Session{};
  for (const auto& f : files) s.waves.push_back(load_one(request, f));
  // Two waves of one coalition given latest first are compared earliest first, with the
  // command line's note.
  std::optional<Finding> reordered;
  if (s.waves.size() == 2 && match_coalitions(s.waves[0], s.waves[1]).waves && dated_before(s.waves[1], s.waves[0])) {
    reordered = waves_reordered(files[1], s.waves[1].as_of, files[0], s.waves[0].as_of);
    std::swap(s.waves[0], s.waves[1]);
  }
  // Analyzed as `xsector report` analyzes (part_report: every figure, and the guidance the
  // JSON leaves out), so one analysis serves the figures, the diagrams and the report.
  for (const auto& c : s.waves) s.analyses.push_back(xsector::analyze(c, analysis_options(request, part_report)));
  if (s.waves.size() == 2) {
    s.comparison = xsector::compare(s.waves[0], s.analyses[0], s.waves[1], s.analyses[1], CompareOptions{});
    if (reordered) s.comparison->findings.insert(s.comparison->findings.begin(), *reordered);
  }
  s.key = std::move(key);
  return s;
}

/// The figures (`xsector analyze --format json` of the last file) and the DOT of every
/// diagram `xsector report` draws (members, sectors; for two files the first wave's members
/// and the changes), laid out by the page.
json diagrams_op(const json& request) {
  const Session& s = session(request);
  const Coalition& c = s.waves.back();
  const Analysis& a = s.analyses.back();
  RenderOptions sectors_view;
  sectors_view.view = View::sectors;
  json out = {
      {"analysis", format_json(c, a)},
      {"members", diagram_dot(c, a, {})},
      {"sectors", diagram_dot(c, a, sectors_view)},
      {"engines", {{"members", plan_diagram(c, {}).engine}, {"sectors", plan_diagram(c, sectors_view).engine}}}};
  if (s.comparison) {
    out["before"] = diagram_dot(s.waves[0], s.analyses[0], {});
    out["engines"]["before"] = plan_diagram(s.waves[0], {}).engine;
    if (s.comparison->as_waves) {
      out["changes"] = comparison_dot(s.waves[0], c, a, *s.comparison);
      out["engines"]["changes"] = plan_comparison(c.members.size() + s.comparison->left.size()).engine;
    }
  }
  return out;
}

/// `xsector report FILE [FILE]` with the SVGs the page drew from diagrams_op's DOT.
json report_op(const json& request) {
  const Session& s = session(request);
  const json& svg = request.at("svg");
  const Coalition& c = s.waves.back();
  const Analysis& a = s.analyses.back();
  const std::string members = svg.value("members", ""), sectors = svg.value("sectors", "");
  if (!s.comparison) return {{"text", report_html(c, a, members, sectors)}};
  ReportComparison rc;
  rc.before = &s.waves[0];
  rc.comparison = &*s.comparison;
  rc.before_svg = svg.value("before", "");
  rc.changes_svg = s.comparison->as_waves ? svg.value("changes", "") : "";
  return {{"text", report_html(c, a, members, sectors, rc)}};
}

/// `xsector export FILE --to xlsx`: the workbook's bytes go to `out` in the file system.
json workbook_op(const json& request) {
  const Coalition c = load_one(request, files_of(request).at(0));
  write_file(request.at("out").get<std::string>(),
             export_xlsx(c, xsector::analyze(c, analysis_options(request, part_all))));
  return json::object();
}

json diagnostic_json(const Diagnostic& d) {
  return {{"file", d.file}, {"line", d.pos.line}, {"column", d.pos.column}, {"message", d.message}, {"text", d.str()}};
}

json dispatch(const json& request) {
  const std::string op = request.at("op").get<std::string>();
  if (op == "analyze") return analyze_op(request);
  if (op == "diagrams") return diagrams_op(request);
  if (op == "report") return report_op(request);
  if (op == "workbook") return workbook_op(request);
  if (op == "import") return import_op(request);
  if (op == "coalition") return coalition_op(request);
  if (op == "edit") return edit_op(request);
  if (op == "version") return {{"version", xsector::version}};
  throw UsageError("unknown operation '" + op + "'");
}

}  // namespace

void write_file(const std::string& path, const std::string& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw IoError(path + ": cannot be written");
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !ok) throw IoError(path + ": cannot be written");
}

std::string run(const std::string& request_text) {
  json out;
  try {
    out = dispatch(json::parse(request_text));
    out["ok"] = true;
  } catch (const InputError& e) {
    out = {{"ok", false}, {"kind", "input"}, {"errors", json::array()}};
    for (const auto& d : e.diagnostics()) out["errors"].push_back(diagnostic_json(d));
  } catch (const Error& e) {
    out = {{"ok", false}, {"kind", e.exit_code() == ExitCode::io ? "io" : "usage"}, {"message", e.what()}};
  } catch (const std::exception& e) {
    out = {{"ok", false}, {"kind", "internal"}, {"message", std::string("internal error: ") + e.what()}};
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace xsector::web

extern "C" {

/// The page's one entry point: a JSON request in, a JSON answer out. The answer stays valid
/// until the next call.
EMSCRIPTEN_KEEPALIVE const char* xs_call(const char* request) {
  static std::string answer;
  answer = xsector::web::run(request);
  return answer.c_str();
}
}

int main() { return 0; }
