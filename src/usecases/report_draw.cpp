// The report's diagrams drawn by the library's Graphviz: the command line's and the Python
// module's way (the browser app lays out the same DOT with @viz-js/viz and leaves this file
// out of its build, as it leaves out render.cpp).
#include "xsector/render.hpp"
#include "xsector/usecases.hpp"

namespace xsector {

ReportSvgs draw_report(const ReportWork& work) {
  const Coalition& c = work.waves.back();
  const Analysis& a = work.analyses.back();
  RenderOptions sectors_view;
  sectors_view.view = View::sectors;
  ReportSvgs svgs;
  svgs.members = render_diagram(c, a, {}, ImageFormat::svg);
  svgs.sectors = render_diagram(c, a, sectors_view, ImageFormat::svg);
  if (work.comparison) {
    svgs.before = render_diagram(work.waves[0], work.analyses[0], {}, ImageFormat::svg);
    if (work.comparison->as_waves) {
      svgs.changes = render_comparison(work.waves[0], work.analyses[0], c, a, *work.comparison, ImageFormat::svg);
    }
  }
  return svgs;
}

}  // namespace xsector
