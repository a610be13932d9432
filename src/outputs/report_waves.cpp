// The comparison report's parts: the wave switch over the map, the earlier wave's and the
// changes' diagrams, and the "What changed" section. Every figure comes from the Comparison.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>

#include "common/text.hpp"
#include "outputs/output_compare_parts.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/report_parts.hpp"
#include "xsector/figures.hpp"

namespace xsector::detail {

namespace {

std::string esc(std::string_view s) { return html_escaped(s); }

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// The names of members by id, from the file they are in (ids of members not found stay ids).
std::string names(const Coalition& c, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    const auto i = c.member_index(id);
    out.push_back(esc(i ? c.members[*i].name : id));
  }
  return fmt::format("{}", fmt::join(out, ", "));
}

/// A figure and a change as the reader reads them (output_parts.hpp), "–" when undefined.
std::string figure(FigureKind kind, const std::optional<double>& v) { return figure_display(kind, v, "–"); }
std::string change(FigureKind kind, const std::optional<double>& v) { return change_display(kind, v, "–"); }

std::string largest_changes_html(const Coalition& after, const Comparison& d) {
  if (d.largest_changes.empty()) return {};
  const auto specs = member_figure_table();
  std::string h = R"(<h3>Largest changes of members in both waves</h3><table class="sortable" id="xs-member-changes">)"
                  R"(<thead><tr><th data-sort="text">Member</th><th data-sort="text">Figure</th>)"
                  R"(<th data-sort="number" class="n">Before</th><th data-sort="number" class="n">After</th>)"
                  R"(<th data-sort="number" class="n">Change</th></tr></thead><tbody>)";
  for (const RankedChange& r : d.largest_changes) {
    const MemberChange& m = d.members_changed[r.member];
    const MemberFigureSpec& f = specs[r.figure];
    const Delta& x = m.figures[r.figure];
    h += fmt::format(
        R"(<tr><td>{}</td><td title="{}">{}</td><td class="n" data-value="{}">{}</td><td class="n" data-value="{}">{}</td>)"
        R"(<td class="n" data-value="{}">{}</td></tr>)",
        names(after, {m.id}), esc(f.meaning), esc(f.label), x.before ? fmt::format("{}", *x.before) : "",
        figure(f.kind, x.before), x.after ? fmt::format("{}", *x.after) : "", figure(f.kind, x.after),
        x.change ? fmt::format("{}", *x.change) : "", change(f.kind, x.change));
  }
  return h + "</tbody></table>";
}

}  // namespace

std::string inline_svg(const std::string& svg) {
  const auto start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

std::string inline_diagram(const std::string& svg, std::string_view prefix) {
  std::string out = inline_svg(svg);
  std::string fixed;
  fixed.reserve(out.size());
  // Each comparison only where its first character is: a call per character of a large
  // drawing is slow in WebAssembly, where libc++'s compare is not inlined.
  for (std::size_t i = 0; i < out.size();) {
    const char ch = out[i];
    if (ch == '<' && out.compare(i, 7, "<title>") == 0) {
      const auto end = out.find("</title>", i);
      if (end != std::string::npos) {
        i = end + 8;
        continue;
      }
    }
    if (ch == 'i' && out.compare(i, 4, "id=\"") == 0 && (i == 0 || out[i - 1] == ' ')) {
      fixed += "id=\"";
      fixed += prefix;
      i += 4;
      continue;
    }
    if ((ch == 'u' && out.compare(i, 5, "url(#") == 0) || (ch == 'h' && out.compare(i, 7, "href=\"#") == 0)) {
      const std::size_t len = ch == 'u' ? 5 : 7;
      fixed.append(out, i, len);
      fixed += prefix;
      i += len;
      continue;
    }
    fixed += ch;
    ++i;
  }
  // Graphviz writes <svg width="123pt" ...>; keep 12pt labels at >= 11 CSS pixels.
  const auto w = fixed.find("width=\"");
  if (w != std::string::npos && w < fixed.find('>')) {
    const double points = std::atof(fixed.c_str() + w + 7);
    if (points > 0) fixed.insert(4, fmt::format(R"( style="min-width: {:.0f}px")", points * 11.0 / 12.0));
  }
  return fixed;
}

std::string wave_label(const Coalition& c, bool as_waves, char letter) {
  if (!as_waves) return esc(c.name);
  return c.as_of.empty() ? fmt::format("Wave {}", letter) : fmt::format("Wave {} · {}", letter, esc(c.as_of));
}

std::string wave_switch(const Coalition& after, const ReportComparison& cmp) {
  const bool waves = cmp.comparison->as_waves;
  std::string h = R"(<div class="waves" role="group" aria-label="Which network">)";
  h += fmt::format(R"(<button type="button" data-wave="a" aria-pressed="false">{}</button>)",
                   wave_label(*cmp.before, waves, 'A'));
  h += fmt::format(R"(<button type="button" data-wave="b" aria-pressed="true">{}</button>)",
                   wave_label(after, waves, 'B'));
  if (waves && !cmp.changes_svg.empty()) {
    h += R"(<button type="button" data-wave="changes" aria-pressed="false">Changes</button>)";
  }
  return h + "</div>";
}

std::string wave_figures(const Coalition& after, const ReportComparison& cmp) {
  const bool waves = cmp.comparison->as_waves;
  std::string h = fmt::format(
      R"(<figure class="map" id="xs-map-wave-a" data-hidden><div class="pane">{}</div><figcaption>{}: {}, )"
      R"(members coloured by sector. A picture: hover, focus and filters work on {}.</figcaption></figure>)",
      inline_diagram(cmp.before_svg, "a-"), wave_label(*cmp.before, waves, 'A'), esc(cmp.before->name),
      wave_label(after, waves, 'B'));
  if (waves && !cmp.changes_svg.empty()) {
    h += fmt::format(
        R"(<figure class="map" id="xs-map-changes" data-hidden><div class="pane">{}</div><figcaption>What changed )"
        R"(from wave A to wave B: members who joined have a thick double outline and ties formed are black; )"
        R"(members who left are dashed grey and ties dissolved dotted grey; the legend says the same.</figcaption></figure>)",
        inline_diagram(cmp.changes_svg, "c-"));
  }
  return h;
}

std::string changes_section(const Coalition& after, const ReportComparison& cmp) {
  const Comparison& d = *cmp.comparison;
  const Coalition& before = *cmp.before;
  std::string h;
  if (d.as_waves) {
    h = fmt::format(
        R"(<section id="changes"><h2>What changed</h2><p class="meta">From {} to {}.</p><ul class="changes">)",
        wave_label(before, true, 'A'), wave_label(after, true, 'B'));
  } else {
    h = fmt::format(
        R"(<section id="changes"><h2>Two coalitions side by side</h2><p class="note">{} and {} are compared as two )"
        R"(coalitions, not as two waves of one: {}. Nothing here speaks of change over time.</p><ul class="changes">)",
        esc(before.name), esc(after.name), esc(d.kind_note));
  }
  auto line = [&](std::string_view key, const std::string& text) {
    h += fmt::format(R"(<li data-key="{}">{}</li>)", key, text);
  };
  // "1 member joined", "2 members joined"; "1 member is only in ...", "2 members are only in ...".
  auto members_line = [&](const std::vector<std::string>& ids, const Coalition& in, std::string_view verb,
                          std::string_view place) {
    if (ids.empty())
      return d.as_waves ? fmt::format("No member {}.", verb) : fmt::format("No member is only in {}.", place);
    const std::string who = count(ids.size(), "member", "members");
    return d.as_waves
               ? fmt::format("{} {}: {}.", who, verb, names(in, ids))
               : fmt::format("{} {} only in {}: {}.", who, ids.size() == 1 ? "is" : "are", place, names(in, ids));
  };
  line("joined", members_line(d.joined, after, "joined", esc(after.name)));
  line("left", members_line(d.left, before, "left", esc(before.name)));
  line("ties",
       fmt::format("{} formed, {} dissolved, {} strengthened, {} weakened.", count(d.ties.formed.size(), "tie", "ties"),
                   d.ties.dissolved.size(), d.ties.strengthened.size(), d.ties.weakened.size()));
  if (d.respondents.surveyed) {
    const auto& r = d.respondents;
    std::string text = fmt::format("{} answered both surveys", count(r.both.size(), "member", "members"));
    if (!r.only_before.empty()) text += fmt::format("; only the first: {}", names(before, r.only_before));
    if (!r.only_after.empty()) text += fmt::format("; only the second: {}", names(after, r.only_after));
    line("respondents", text + ".");
  }
  if (d.respondents_both) line("ties-compared", esc(ties_compared_note(d)));
  if (d.qap.correlation) {
    line("qap", fmt::format("The ties of the {} members in both are correlated at r = {:.2f} (QAP p {}{}).",
                            d.qap.common_members, *d.qap.correlation, p_value_text(d.qap).starts_with("<") ? "" : "= ",
                            esc(p_value_text(d.qap))));
  }
  h += "</ul>";
  if (!d.findings.empty()) {
    h += R"(<ul class="findings">)";
    const FindingNames names(before, after);
    for (const auto& f : d.findings) {
      h += fmt::format(R"(<li class="{0}" data-code="{1}"><span class="sev">{0}</span>{2}</li>)", to_string(f.severity),
                       esc(f.code), esc(finding_text(f, names)));
    }
    h += "</ul>";
  }
  h += largest_changes_html(after, d);
  h += R"(<details><summary>Every network figure, before and after</summary><table class="sortable" id="xs-deltas">)"
       R"(<thead><tr><th data-sort="text">Figure</th><th data-sort="number" class="n">Before</th>)"
       R"(<th data-sort="number" class="n">After</th><th data-sort="number" class="n">Change</th></tr></thead><tbody>)";
  for (const auto& x : d.network) {
    const FigureSpec* spec = find_figure(x.name);
    const FigureKind kind = spec != nullptr ? spec->kind : FigureKind::score;
    h += fmt::format(
        R"(<tr><td title="{}">{}</td><td class="n" data-value="{}">{}</td><td class="n" data-value="{}">{}</td>)"
        R"(<td class="n" data-value="{}">{}</td></tr>)",
        spec != nullptr ? esc(spec->meaning) : std::string(), esc(spec != nullptr ? spec->label : x.name),
        x.before ? fmt::format("{}", *x.before) : "", figure(kind, x.before),
        x.after ? fmt::format("{}", *x.after) : "", figure(kind, x.after), x.change ? fmt::format("{}", *x.change) : "",
        change(kind, x.change));
  }
  return h + "</tbody></table></details></section>\n";
}

}  // namespace xsector::detail
