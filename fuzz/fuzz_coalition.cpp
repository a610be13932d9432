// Fuzz target: coalition file text -> loader -> full analysis -> every writer and exporter.
//
// An invalid file must be refused with xsector's own errors. A file that loads must be
// analyzed and written by every writer without any exception; the JSON writers must write
// valid JSON with finite numbers only, the text writers no `nan` or `inf`, GraphML must be
// well-formed XML that imports back to the same coalition, and the coalition file written
// back (YAML) must reload to the same coalition.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "xsector/analysis.hpp"
#include "xsector/exchange.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"
#include "xsector/report.hpp"

using namespace xsector;
using xsector::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (fuzz::names_special_file(text)) return -1;
  Coalition c;
  try {
    c = parse_coalition(text, "fuzz.yaml");
  } catch (const xsector::Error&) {
    return 0;  // refused with a message: the expected outcome for most inputs
  }
  const std::string input = fuzz::lowered(text);

  const Analysis a = must("analyze", [&] { return analyze(c, AnalysisOptions{part_report}); });

  const std::string json = must("format_json", [&] { return format_json(c, a); });
  const auto doc = fuzz::check_json("format_json", json);
  if (!doc.contains("members") || doc["members"].size() != c.members.size()) {
    fuzz::fail("format_json", "members array does not list every member");
  }

  for (const Format f : {Format::table, Format::csv, Format::markdown}) {
    fuzz::check_no_nonfinite_words("format_analysis", must("format_analysis", [&] { return format_analysis(f, c, a); }),
                                   input);
  }
  for (const Format f : {Format::table, Format::json, Format::csv, Format::markdown}) {
    const std::string gaps = must("format_gaps", [&] { return format_gaps(f, c, a); });
    const std::string power = must("format_power", [&] { return format_power(f, c, a); });
    if (f == Format::json) {
      fuzz::check_json("format_gaps json", gaps);
      fuzz::check_json("format_power json", power);
    } else {
      fuzz::check_no_nonfinite_words("format_gaps", gaps, input);
      fuzz::check_no_nonfinite_words("format_power", power, input);
    }
  }
  fuzz::check_no_nonfinite_words("report_markdown", must("report_markdown", [&] { return report_markdown(c, a); }),
                                 input);
  // The report's one inline script (table sorting) says -Infinity; user text is escaped, so
  // every other "<script" would be a bug the browser test catches.
  std::string html = must("report_html", [&] { return report_html(c, a, "", ""); });
  for (std::size_t s = html.find("<script"); s != std::string::npos; s = html.find("<script", s)) {
    const std::size_t e = html.find("</script>", s);
    html.erase(s, e == std::string::npos ? std::string::npos : e + 9 - s);
  }
  fuzz::check_no_nonfinite_words("report_html", html, input);
  for (const View v : {View::members, View::sectors}) {
    RenderOptions options;
    options.view = v;
    fuzz::check_no_nonfinite_words("diagram_dot", must("diagram_dot", [&] { return diagram_dot(c, a, options); }),
                                   input);
  }
  must("network_dot", [&] { return network_dot(c); });
  must("export_dl", [&] { return export_dl(c); });

  // The coalition file written back reloads to the same coalition.
  const std::string yaml = must("coalition_yaml", [&] { return coalition_yaml(c); });
  const Coalition reloaded = must("reload coalition_yaml", [&] { return parse_coalition(yaml, "fuzz.yaml"); });
  fuzz::check_equal("coalition_yaml round trip", c, reloaded);

  // GraphML: well-formed, and export -> import -> load gives the same coalition.
  const std::string graphml = must("export_graphml", [&] { return export_graphml(c); });
  fuzz::check_xml("export_graphml", graphml);
  ImportOptions import_options;
  import_options.name = "fuzz";
  const Imported imported =
      must("import_graphml of an export", [&] { return import_graphml(graphml, "fuzz.graphml", import_options); });
  const Coalition from_graphml =
      must("load imported GraphML", [&] { return parse_coalition(imported_yaml(imported), "fuzz.yaml"); });
  fuzz::check_equal("GraphML round trip", c, from_graphml);

  // Node-link JSON: valid JSON with one node per member and one link per tie.
  const auto node_link =
      fuzz::check_json("export_node_link", must("export_node_link", [&] { return export_node_link(c); }));
  if (node_link["nodes"].size() != c.members.size() || node_link["links"].size() != c.ties.size()) {
    fuzz::fail("export_node_link", "node or link count differs from the coalition");
  }

  // Kumu sheets carry members and ties only; when the members' sectors are all in a
  // built-in taxonomy they import back to the same members and ties.
  const KumuSheets sheets = must("export_kumu", [&] { return export_kumu(c); });
  ImportOptions kumu_options;
  kumu_options.name = c.name;
  kumu_options.taxonomy = c.taxonomy.id;
  try {
    const Imported from_kumu =
        import_kumu(sheets.elements, "elements.csv", sheets.connections, "connections.csv", kumu_options);
    must("load imported Kumu sheets", [&] { return parse_coalition(imported_yaml(from_kumu), "fuzz.yaml"); });
  } catch (const xsector::Error&) {
    // Declared sectors, a path taxonomy, or tags holding the '|' separator do not fit the
    // sheets: a refusal is allowed, a crash is not.
  }
  return 0;
}
