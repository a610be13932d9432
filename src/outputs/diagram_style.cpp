// Diagram styling: the colour-blind-safe palette and each sector's style, node fills, the
// marks (ghosts, outlines, line widths, labels) and the legend that explains them.
#include <fmt/format.h>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/text.hpp"
#include "outputs/render_parts.hpp"
#include "xsector/error.hpp"
#include "xsector/render.hpp"

namespace xsector {

namespace {

// Okabe-Ito without black, then Paul Tol's indigo and wine and a pale grey: every pair stays
// at least 16 CIELAB units apart for normal vision and under protanopia, deuteranopia and
// tritanopia (Machado et al. 2009 simulation); tests/palette_check.py measures it.
constexpr std::string_view palette[] = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00",
                                        "#CC79A7", "#F0E442", "#332288", "#882255", "#DDDDDD"};

/// Black or white, whichever reads better on `fill` (WCAG relative luminance).
std::string text_colour(std::string_view fill) {
  if (fill.size() != 7 || fill[0] != '#') return "black";
  double luminance = 0;
  const double weights[] = {0.2126, 0.7152, 0.0722};
  for (int i = 0; i < 3; ++i) {
    const double c = std::stoi(std::string(fill.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
    luminance += weights[i] * (c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
  }
  return luminance < 0.18 ? "white" : "black";
}

std::string text_colour(const SectorStyle& s) { return s.pattern == 0 ? text_colour(s.colour) : "black"; }

/// Beyond the palette a sector is drawn as a gradient from its colour to white; `pattern`
/// (the round of the palette, from 1) picks its direction, radial for round 3.
bool radial(int pattern) { return pattern == 3; }
int gradient_angle(int pattern) {
  static const int first[] = {90, 0, 0, 45, 135, 270, 180, 225, 315};
  if (pattern >= 1 && pattern <= 9) return first[pattern - 1];
  // Later rounds: the angles that are not multiples of 45, one each.
  const int k = (pattern - 10) % 315;
  return k + k / 44 + 1;
}

std::string size_key(SizeBy by) {
  switch (by) {
    case SizeBy::betweenness: return "size: betweenness (how often it lies between others)";
    case SizeBy::eigenvector: return "size: eigenvector (tied to well-tied members)";
    case SizeBy::power: return "size: voting power";
    case SizeBy::trust: return "size: trust partners report in it";
    case SizeBy::degree: break;
  }
  return "size: number of partners (degree)";
}

}  // namespace

namespace detail {

const std::string legend_name = "xsector:legend";

std::string wrapped(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::size_t word = end - start;
    if (line > 0 && line + 1 + word > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, start, word);
    line += word;
    start = end + 1;
  }
  return out;
}

void fill(Agnode_t* n, const SectorStyle& s, const std::string& extra_style) {
  set(n, "fillcolor", s.pattern == 0 ? s.colour : s.colour + ":white");
  const std::string kind = radial(s.pattern) ? "radial" : "filled";
  set(n, "style", extra_style.empty() ? kind : kind + "," + extra_style);
  if (s.pattern > 0 && !radial(s.pattern)) set(n, "gradientangle", fmt::format("{}", gradient_angle(s.pattern)));
  set(n, "fontcolor", text_colour(s));
}

void add_ghosts(Agraph_t* g, const SectorReport& r) {
  for (const auto s : r.gaps.missing) {
    const Sector& sector = r.index.sectors[s];
    if (sector.priority == Priority::optional) continue;
    Agnode_t* n = node(g, "missing:" + sector.id);
    set(n, "label", literal(fmt::format("missing ({}):\n{}", to_string(sector.priority), drawn(sector.name))));
    set(n, "shape", "box");
    set(n, "style", "dashed,rounded");
    set(n, "color", "#888888");
    set(n, "fontcolor", "#666666");
  }
}

void start(Agraph_t* g, const Coalition& c, const std::string& title, const DiagramPlan& plan) {
  set(g, "label", literal(title + ": " + drawn(c.name) + (c.as_of.empty() ? "" : " (" + drawn(c.as_of) + ")")));
  set(g, "labelloc", "t");
  set(g, "fontname", "Helvetica");
  set(g, "fontsize", plan.label_all ? "18" : "48");
  set(g, "overlap", "prism");
  set(g, "splines", plan.splines ? "true" : "false");
  if (plan.label_all) {
    set(g, "pack", "36");             // points between separate groups, so islands stand apart
    set(g, "overlap_scaling", "-1");  // remove overlaps without spreading the drawing past a page's width
  } else {
    set(g, "size", "40,40");
  }
  set(g, "outputorder", "edgesfirst");
  set(g, "pad", "0.3");
  agattr(g, AGNODE, chars("fontname"), chars("Helvetica"));
  agattr(g, AGEDGE, chars("fontname"), chars("Helvetica"));
}

void add_legend_node(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours,
                     const std::vector<std::string>& keys) {
  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">)"
                     R"(<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>)";
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    const SectorStyle& st = colours[f.sector];
    const std::string swatch =
        st.pattern == 0
            ? fmt::format(R"(BGCOLOR="{}")", st.colour)
            : fmt::format(R"(BGCOLOR="{}:white"{})", st.colour,
                          radial(st.pattern) ? R"( STYLE="radial")"
                                             : fmt::format(R"( GRADIENTANGLE="{}")", gradient_angle(st.pattern)));
    html += fmt::format(R"(<TR><TD {} WIDTH="18" HEIGHT="12" FIXEDSIZE="TRUE"></TD>)"
                        R"(<TD ALIGN="LEFT">{}</TD></TR>)",
                        swatch, html_escaped(drawn(r.index.sectors[f.sector].name), true));
  }
  for (const auto& k : keys)
    html += fmt::format(R"(<TR><TD COLSPAN="2" ALIGN="LEFT">{}</TD></TR>)", html_escaped(k, true));
  html += "</TABLE>";
  Agnode_t* n = node(g, legend_name);
  set(n, "id", "xs-legend");
  char* label = agstrdup_html(g, chars(html));
  agsafeset(n, chars("label"), label, chars(std::string()));
  agstrfree(g, label);
  set(n, "shape", "box");
  set(n, "style", "rounded");
  set(n, "color", "#BBBBBB");
  set(n, "fontsize", "12");
}

void add_legend(Agraph_t* g, const SectorReport& r, const std::vector<SectorStyle>& colours, bool members_view,
                SizeBy size_by, bool survey, bool people) {
  std::vector<std::string> keys;
  if (members_view) {
    keys = {size_key(size_by),
            "bold outline: holds a seat",
            "double outline: the backbone",
            "hexagon: cut point (its leaving splits the network)",
            "line width: tie level; dashed: networking",
            "arrow: a from/to tie"};
    if (survey) keys.emplace_back("dotted: a tie only one side reported in the survey");
    if (people) keys.emplace_back("double line: one person alone carries this tie on one side");
  } else {
    keys = {"box size: members; line width and number: ties between sectors",
            "double outline: tied to no other sector"};
  }
  keys.emplace_back("dashed grey box: missing core or recommended sector");
  add_legend_node(g, r, colours, keys);
}

double size_metric(const Analysis& a, std::size_t v, SizeBy by) {
  switch (by) {
    case SizeBy::degree: return static_cast<double>(a.members[v].degree);
    case SizeBy::betweenness: return a.members[v].betweenness;
    case SizeBy::eigenvector: return a.members[v].eigenvector.value_or(0.0);
    // Survey: trust partners place in the member (0 when not rated or no survey).
    case SizeBy::trust: return a.survey.present ? a.survey.members[v].trust.value_or(0.0) : 0.0;
    case SizeBy::power: break;
  }
  return a.power.members[v].power;
}

std::vector<char> largest(const Analysis& a, std::size_t n, SizeBy by, std::size_t count) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const std::size_t keep = std::min(count, n);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [&](std::size_t x, std::size_t y) {
                      const double sx = size_metric(a, x, by);
                      const double sy = size_metric(a, y, by);
                      return sx != sy ? sx > sy : x < y;
                    });
  std::vector<char> out(n, 0);
  for (std::size_t i = 0; i < keep; ++i) out[order[i]] = 1;
  return out;
}

std::string line_width(int level, bool large) {
  const double width = level == 4 ? 4.5 : level;
  return large ? fmt::format("{:.2f}", width / 3) : fmt::format("{}", width);
}

void tie_ids(Agedge_t* e, const Coalition& c, const Tie& tie, std::size_t t) {
  set(e, "id", fmt::format("xs-t{}", t));
  set(e, "class", "xs-tie");
  set(e, "tooltip", literal(drawn(c.members[tie.a].name) + " – " + drawn(c.members[tie.b].name)));
}

void label_member(Agnode_t* n, const std::string& name, const DiagramPlan& plan) {
  if (plan.label_all) {
    set(n, "label", literal(name));
    return;
  }
  set(n, "label", "");
  set(n, "tooltip", literal(name));
  set(n, "fixedsize", "true");
  set(n, "width", "0.3");
  set(n, "height", "0.3");
}

}  // namespace detail

const std::vector<std::string>& sector_palette() {
  static const std::vector<std::string> colours(std::begin(palette), std::end(palette));
  return colours;
}

std::vector<SectorStyle> sector_styles(const SectorReport& r) {
  const std::size_t size = std::size(palette);
  std::vector<SectorStyle> styles(r.sectors.size());
  // Few enough sectors: by place in the taxonomy, so a sector keeps its colour across
  // waves and across coalitions of one taxonomy. Otherwise the sectors at the table share
  // out the palette in taxonomy order, round after round with a different pattern.
  const bool stable = r.sectors.size() <= size;
  std::size_t next = 0;
  for (std::size_t s = 0; s < r.sectors.size(); ++s) {
    const bool present = !r.sectors[s].members.empty();
    const std::size_t k = stable ? s : present ? next++ : 0;
    styles[s].colour = stable || present ? std::string(palette[k % size]) : std::string("#FFFFFF");
    styles[s].pattern = static_cast<int>(k / size);
  }
  return styles;
}

std::string_view to_string(SizeBy by) {
  switch (by) {
    case SizeBy::degree: return "degree";
    case SizeBy::betweenness: return "betweenness";
    case SizeBy::eigenvector: return "eigenvector";
    case SizeBy::power: return "power";
    case SizeBy::trust: return "trust";
  }
  return "degree";
}

SizeBy parse_size_by(std::string_view name) {
  for (const SizeBy by : {SizeBy::degree, SizeBy::betweenness, SizeBy::eigenvector, SizeBy::power, SizeBy::trust}) {
    if (to_string(by) == name) return by;
  }
  throw UsageError(fmt::format("unknown --size-by '{}': use degree, betweenness, eigenvector, power or trust", name));
}

}  // namespace xsector
