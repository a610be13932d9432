// Diagrams through Graphviz's C API: the layout plan by size, and gvc's layout and rendering
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

DiagramPlan plan_by_size(std::size_t members) {
  DiagramPlan plan;
  if (members <= small_diagram_limit) {
    plan.engine = "neato";
    plan.splines = true;
    plan.label_all = true;
  } else {
    plan.engine = "sfdp";
    plan.splines = false;
    plan.label_all = false;
  }
  return plan;
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

namespace detail {

std::unique_lock<std::mutex> lock_graphviz() {
  static std::mutex graphviz;
  return std::unique_lock<std::mutex>(graphviz);
}

}  // namespace detail

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::neato: return "neato";
    case Layout::fdp: return "fdp";
    case Layout::sfdp: return "sfdp";
    case Layout::dot: return "dot";
    case Layout::circo: return "circo";
  }
  return "neato";
}

Layout parse_layout(std::string_view name) {
  for (const Layout l : {Layout::neato, Layout::fdp, Layout::sfdp, Layout::dot, Layout::circo}) {
    if (to_string(l) == name) return l;
  }
  throw UsageError(fmt::format("unknown --layout '{}': use neato, fdp, sfdp, dot or circo", name));
}

DiagramPlan plan_diagram(const Coalition& c, const RenderOptions& o) {
  const std::size_t n = c.members.size();
  if (o.view == View::sectors) {
    DiagramPlan plan = plan_by_size(0);  // one node per sector: small whatever the coalition's size
    plan.view = View::sectors;
    if (o.layout) plan.engine = to_string(*o.layout);
    return plan;
  }
  if (n > members_view_limit) {
    if (o.view == View::members || o.layout) {
      throw UsageError(fmt::format("{} members is more than the members view draws ({}): use --view sectors", n,
                                   members_view_limit));
    }
    DiagramPlan plan = plan_by_size(0);
    plan.view = View::sectors;
    plan.note = fmt::format("{} members is more than the members view draws ({}); drawing the sectors view", n,
                            members_view_limit);
    return plan;
  }
  DiagramPlan plan = plan_by_size(n);
  if (o.layout) {
    if (*o.layout != Layout::sfdp && n > slow_layout_limit) {
      throw UsageError(
          fmt::format("--layout {} is limited to {} members (this file has {}): use --layout sfdp or "
                      "leave --layout out",
                      to_string(*o.layout), slow_layout_limit, n));
    }
    plan.engine = to_string(*o.layout);
  }
  return plan;
}

std::string layout_engine(const Coalition& c, const RenderOptions& o) { return plan_diagram(c, o).engine; }

DiagramPlan plan_comparison(std::size_t members) {
  if (members > members_view_limit) {
    throw UsageError(
        fmt::format("the compare diagram draws at most {} members (these waves have {} together); "
                    "leave out --diagram, or draw each wave with render --view sectors",
                    members_view_limit, members));
  }
  return plan_by_size(members);
}

std::string_view to_string(ImageFormat format) {
  switch (format) {
    case ImageFormat::svg: return "svg";
    case ImageFormat::png: return "png";
    case ImageFormat::pdf: return "pdf";
    case ImageFormat::dot: return "dot";
  }
  return "svg";
}

ImageFormat parse_image_format(std::string_view name) {
  for (const ImageFormat f : {ImageFormat::svg, ImageFormat::png, ImageFormat::pdf, ImageFormat::dot}) {
    if (to_string(f) == name) return f;
  }
  throw UsageError(fmt::format("cannot render to '{}': use an output ending in .svg, .png, .pdf or .dot", name));
}

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
