// The report's style sheet and script, compiled into the library from src/outputs/report/
// by cmake/embed_report_assets.cmake.
#pragma once

#include <string_view>

namespace xsector::detail {

extern const std::string_view report_css;     ///< src/outputs/report/report.css
extern const std::string_view report_script;  ///< src/outputs/report/report.js

}  // namespace xsector::detail
