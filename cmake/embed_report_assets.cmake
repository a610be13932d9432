# Writes a C++ source holding the report's style sheet and script as strings, so the
# report stays one self-contained file and the tool needs no data files at run time.
file(READ ${CSS} css)
file(READ ${JS} js)
file(WRITE ${OUT} "// Generated from src/outputs/report/report.css and report.js; do not edit.\n#include \"outputs/report_assets.hpp\"\nnamespace xsector::detail {\nconst std::string_view report_css = R\"xsector_css(${css})xsector_css\";\nconst std::string_view report_script = R\"xsector_js(${js})xsector_js\";\n}  // namespace xsector::detail\n")
