// `xsector trend --format html`: one self-contained page of small-multiple line charts (inline
// SVG, the report's style sheet and palette), one chart per network figure and, for each
// chosen member figure, one per member on a shared scale.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/report_assets.hpp"
#include "xsector/output.hpp"

namespace xsector {

namespace {

using detail::html_escaped;

constexpr double width = 240, height = 150, left = 48, right = 14, top = 14, bottom = 30;
constexpr const char* accent = "#0072b2";  // the report's --accent (Okabe-Ito blue)

std::string wave_heading(const Trend& t, std::size_t k) {
  return t.waves[k].date.empty() ? fmt::format("wave {}", k + 1) : t.waves[k].date;
}

/// The scale of a chart: from min(0, smallest) to the largest value (one unit up when flat).
std::pair<double, double> scale(const std::vector<const Series*>& all) {
  double lo = 0;
  double hi = 0;
  for (const Series* s : all) {
    for (const auto& v : *s) {
      if (!v) continue;
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  }
  if (hi <= lo) hi = lo + 1;
  return {lo, hi};
}

bool any_value(const Series& s) {
  return std::any_of(s.begin(), s.end(), [](const auto& v) { return v.has_value(); });
}

/// One small chart: the series as a line (broken where a wave lacks the value), a dot per
/// wave with its value as a tooltip, the scale's ends and the waves' dates.
std::string chart(const Trend& t, const std::string& id, const std::string& title, FigureKind kind, const Series& s,
                  std::pair<double, double> range) {
  const std::size_t n = s.size();
  const double plot_w = width - left - right;
  const double plot_h = height - top - bottom;
  // The dots keep 10 px from the scale's labels and from the right edge.
  auto x = [&](std::size_t k) {
    return n <= 1 ? left + plot_w / 2 : left + 10 + (plot_w - 20) * static_cast<double>(k) / static_cast<double>(n - 1);
  };
  auto y = [&](double v) { return top + plot_h * (1 - (v - range.first) / (range.second - range.first)); };
  std::vector<std::string> spoken;
  for (std::size_t k = 0; k < n; ++k)
    spoken.push_back(fmt::format("{} {}", wave_heading(t, k), detail::figure_display(kind, s[k], "none")));
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" viewBox="0 0 {0:.0f} {1:.0f}" )"
      R"(role="img" aria-label="{2}: {3}" font-family="inherit" font-size="11">)",
      width, height, html_escaped(title), html_escaped(fmt::format("{}", fmt::join(spoken, ", "))));
  for (const double v : {range.first, range.second}) {
    svg += fmt::format(R"(<line x1="{0:.1f}" x2="{1:.1f}" y1="{2:.1f}" y2="{2:.1f}" stroke="#d9d9de"/>)"
                       R"(<text x="{3:.1f}" y="{4:.1f}" text-anchor="end" fill="#5f6368">{5}</text>)",
                       left, width - right, y(v), left - 4, y(v) + 4, html_escaped(detail::figure_display(kind, v)));
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (n > 2 && k != 0 && k + 1 != n) continue;  // the first and last dates only: they fit
    const char* anchor = n == 1 ? "middle" : (k == 0 ? "start" : "end");
    svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="{}" fill="#5f6368">{}</text>)",
                       n == 1 ? x(k) : (k == 0 ? left : width - right), height - 10, anchor,
                       html_escaped(wave_heading(t, k)));
  }
  std::string points;
  auto flush = [&] {
    if (!points.empty()) {
      svg += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>)", accent, points);
    }
    points.clear();
  };
  for (std::size_t k = 0; k < n; ++k) {
    if (!s[k]) {
      flush();
      continue;
    }
    points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x(k), y(*s[k]));
  }
  flush();
  for (std::size_t k = 0; k < n; ++k) {
    if (!s[k]) continue;
    svg += fmt::format(
        R"(<circle cx="{:.1f}" cy="{:.1f}" r="3.5" fill="{}" data-wave="{}" data-value="{}"><title>{}: {}</title></circle>)",
        x(k), y(*s[k]), accent, k, *s[k], html_escaped(wave_heading(t, k)),
        html_escaped(detail::figure_display(kind, s[k])));
  }
  svg += "</svg>";
  const std::string latest = n == 0 ? std::string() : detail::figure_display(kind, s[n - 1], "–");
  return fmt::format(R"(<figure class="spark" id="{}"><figcaption>{} <span>{}</span></figcaption>{}</figure>)", id,
                     html_escaped(title), html_escaped(latest), svg);
}

constexpr const char* trend_css = R"(
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: .8rem; }
.spark { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: .4rem .5rem; }
.spark figcaption { font-size: .9rem; font-weight: 600; } .spark figcaption span { color: var(--muted); font-weight: 400; }
.spark svg { display: block; max-width: 100%; height: auto; overflow: visible; }
@media print { .multiples { grid-template-columns: repeat(3, 1fr); } section { break-before: auto; } }
)";

}  // namespace

std::string trend_html(const Trend& t) {
  const std::string name = t.waves.empty() ? std::string("xsector") : t.waves.back().name;
  std::vector<std::string> dates;
  for (std::size_t k = 0; k < t.waves.size(); ++k) dates.push_back(html_escaped(wave_heading(t, k)));
  std::string h =
      fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{0} – trend</title><style>{1}{2}</style></head>
<body data-ready="yes"><main>
<header><h1>{0}: {3} waves</h1><p class="meta">{4}</p></header>
)",
                  html_escaped(name), detail::report_css, trend_css, t.waves.size(), fmt::join(dates, " · "));
  h += R"(<section id="network"><h2>The network</h2><div class="multiples">)";
  for (std::size_t f = 0; f < t.network_names.size(); ++f) {
    if (!any_value(t.network[f])) continue;
    const FigureSpec* spec = find_figure(t.network_names[f]);
    const FigureKind kind = spec != nullptr ? spec->kind : FigureKind::score;
    h += chart(t, fmt::format("xs-t-n{}", f), spec != nullptr ? std::string(spec->label) : t.network_names[f], kind,
               t.network[f], scale({&t.network[f]}));
  }
  h += "</div></section>\n";
  for (std::size_t f = 0; f < t.member_figures.size(); ++f) {
    const MemberFigureSpec* spec = find_member_figure(t.member_figures[f]);
    if (spec == nullptr) continue;
    std::vector<const Series*> all;
    for (const auto& m : t.members) all.push_back(&m.figures[f]);
    const auto range = scale(all);  // one scale for every member, so the charts compare
    h += fmt::format(R"(<section id="xs-t-figure-{}"><h2>Members: {}</h2><p class="meta">{} One scale for every )"
                     R"(member.</p><div class="multiples">)",
                     f, html_escaped(spec->label), html_escaped(spec->meaning));
    for (std::size_t i = 0; i < t.members.size(); ++i) {
      if (!any_value(t.members[i].figures[f])) continue;
      h += chart(t, fmt::format("xs-t-m{}-{}", f, i), t.members[i].name, spec->kind, t.members[i].figures[f], range);
    }
    h += "</div></section>\n";
  }
  h += R"(<footer>Made with xsector trend. Hover over a dot for its value.</footer></main></body></html>)";
  h += "\n";
  return h;
}

}  // namespace xsector
