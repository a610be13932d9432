// The DOT text: the network for other tools (`network_dot`), and the diagrams as built,
// before layout (`diagram_dot`, `comparison_dot`); and the cgraph glue every diagram uses.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <graphviz/cgraph.h>

#include "common/text.hpp"
#include "outputs/render_parts.hpp"
#include "xsector/render.hpp"

namespace xsector {

namespace detail {

namespace {

int append_to_string(void* chan, const char* s) {
  static_cast<std::string*>(chan)->append(s);
  return 0;
}
int flush_nothing(void*) { return 0; }

Agiodisc_t string_io = {nullptr, append_to_string, flush_nothing};
Agdisc_t string_disc = {&AgMemDisc, &AgIdDisc, &string_io};

}  // namespace

std::unique_lock<std::mutex> lock_graphviz() {
  static std::mutex graphviz;
  return std::unique_lock<std::mutex>(graphviz);
}

GraphPtr open_graph(const std::string& name) { return GraphPtr(agopen(chars(name), Agundirected, &string_disc)); }

std::string dot_text(Agraph_t* g) {
  std::string out;
  agwrite(g, &out);
  return out;
}

std::string drawn(std::string_view user_text) { return cut_text(user_text, diagram_text_limit); }

char* chars(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* obj, const std::string& name, const std::string& value) {
  static const std::string empty;
  agsafeset(obj, chars(name), chars(value), chars(empty));
}

Agnode_t* node(Agraph_t* g, const std::string& name) { return agnode(g, chars(name), 1); }

Agedge_t* edge(Agraph_t* g, Agnode_t* a, Agnode_t* b, const std::string& key) { return agedge(g, a, b, chars(key), 1); }

}  // namespace detail

using detail::chars;
using detail::edge;
using detail::GraphPtr;
using detail::literal;
using detail::node;
using detail::set;

std::string diagram_dot(const Coalition& c, const Analysis& a, const RenderOptions& o) {
  const DiagramPlan plan = plan_diagram(c, o);
  const auto lock = detail::lock_graphviz();
  return detail::dot_text(detail::build(c, a, o, plan).get());
}

std::string network_dot(const Coalition& c) {
  const auto lock = detail::lock_graphviz();
  GraphPtr g = detail::open_graph("coalition");
  set(g.get(), "label", literal(c.name));
  for (const auto& m : c.members) {
    Agnode_t* n = node(g.get(), m.id);
    set(n, "label", literal(m.name));
    set(n, "sector", m.sector);
    set(n, "community_led", m.community_led ? "true" : "false");
    set(n, "lived_experience", m.lived_experience ? "true" : "false");
    if (m.funding) set(n, "funding", fmt::format("{}", *m.funding));
    if (!m.tags.empty()) set(n, "tags", literal(fmt::format("{}", fmt::join(m.tags, "|"))));
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    Agedge_t* e = edge(g.get(), agnode(g.get(), chars(c.members[tie.a].id), 0),
                       agnode(g.get(), chars(c.members[tie.b].id), 0), fmt::format("t{}", t));
    set(e, "level", fmt::format("{}", static_cast<int>(tie.level)));
    set(e, "dir", tie.directed ? "forward" : "none");
    if (!tie.kinds.empty()) set(e, "kinds", literal(fmt::format("{}", fmt::join(tie.kinds, "|"))));
  }
  return detail::dot_text(g.get());
}

std::string comparison_dot(const Coalition& a, const Coalition& b, const Analysis& analysis_b,
                           const Comparison& comparison) {
  const DiagramPlan plan = plan_comparison(b.members.size() + comparison.left.size());
  const auto lock = detail::lock_graphviz();
  GraphPtr g = detail::comparison_graph(a, b, analysis_b, comparison, plan);
  return detail::dot_text(g.get());
}

}  // namespace xsector
