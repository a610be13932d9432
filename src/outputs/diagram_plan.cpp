// The layout plan of a diagram, decided from its size alone, and the names of layouts and
// image formats. No Graphviz call: the browser build, which lays out in the page, uses it too.
#include <fmt/format.h>

#include "xsector/error.hpp"
#include "xsector/render.hpp"

namespace xsector {

namespace {

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

}  // namespace

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

}  // namespace xsector
