// Diagrams through Graphviz's C API: gvc's layout and rendering
// of the graphs diagram_views.cpp builds.
#include "xsector/render.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <mutex>

#include "outputs/render_parts.hpp"
#include "xsector/error.hpp"

namespace xsector {

namespace {

// Graphviz reports problems through a callback; they are kept for the error message.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}
int collect_message(char* message) {
  graphviz_messages() += message;
  return 0;
}

GVC_t* context() {
  struct Context {
    GVC_t* gvc;
    Context() : gvc(gvContext()) { agseterrf(collect_message); }
    ~Context() { gvFreeContext(gvc); }
  };
  static Context c;
  return c.gvc;
}

std::string lay_out_and_render(Agraph_t* g, const std::string& engine, ImageFormat format) {
  GVC_t* gvc = context();
  graphviz_messages().clear();
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    throw IoError(fmt::format("Graphviz could not lay out the diagram with {}: {}", engine, graphviz_messages()));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const std::string format_name(to_string(format));
  const int failed = gvRenderData(gvc, g, format_name.c_str(), &data, &length);
  std::string out;
  if (failed == 0 && data != nullptr) out.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (failed != 0 || out.empty()) {
    throw IoError(fmt::format("Graphviz could not render {}: {}", format_name, graphviz_messages()));
  }
  return out;
}

}  // namespace

using detail::GraphPtr;

std::string render_diagram(const Coalition& c, const Analysis& a, const RenderOptions& o, ImageFormat format) {
  const DiagramPlan plan = plan_diagram(c, o);
  const auto lock = detail::lock_graphviz();
  GraphPtr g = detail::build(c, a, o, plan);
  return lay_out_and_render(g.get(), plan.engine, format);
}

std::string render_comparison(const Coalition& a, const Analysis&, const Coalition& b, const Analysis& analysis_b,
                              const Comparison& comparison, ImageFormat format) {
  const DiagramPlan plan = plan_comparison(b.members.size() + comparison.left.size());
  const auto lock = detail::lock_graphviz();
  GraphPtr g = detail::comparison_graph(a, b, analysis_b, comparison, plan);
  return lay_out_and_render(g.get(), plan.engine, format);
}

}  // namespace xsector
