#include "xsector/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/report_assets.hpp"
#include "outputs/report_parts.hpp"
#include "outputs/survey_output.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"

namespace xsector {

namespace {

using detail::meaning;
using detail::terms;

std::string esc(std::string_view s) { return detail::html_escaped(s); }

std::string num(const std::optional<double>& v, int digits = 3) {
  return v ? fmt::format("{:.{}f}", *v, digits) : std::string("–");
}

std::string pct(const std::optional<double>& v) { return v ? fmt::format("{:.0f}%", 100.0 * *v) : std::string("–"); }

/// A table cell that sorts by `value` (numbers) and shows `text`.
std::string cell(const std::string& text, const std::optional<double>& value) {
  return value ? fmt::format(R"(<td class="n" data-value="{}">{}</td>)", *value, text)
               : fmt::format(R"(<td class="n" data-value="">{}</td>)", text);
}

std::string sector_status(const SectorReport& r, std::size_t s) {
  std::vector<std::string> marks;
  const auto& g = r.gaps;
  auto in = [&](const std::vector<std::size_t>& list) { return std::find(list.begin(), list.end(), s) != list.end(); };
  auto single = [&](const std::vector<SectorGaps::Single>& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.sector == s; });
  };
  if (in(g.waived) && r.sectors[s].members.empty()) return "waived (see findings)";
  if (in(g.missing)) return R"(<span class="status-missing">missing</span>)";
  if (single(g.thin)) marks.emplace_back(R"(<span class="status-thin">one member</span>)");
  if (in(g.cut_off)) marks.emplace_back(R"(<span class="status-thin">cut off</span>)");
  if (single(g.single_broker)) marks.emplace_back(R"(<span class="status-thin">one broker</span>)");
  if (in(g.no_vote)) marks.emplace_back(R"(<span class="status-thin">no vote</span>)");
  return marks.empty() ? std::string("present") : fmt::format("{}", fmt::join(marks, ", "));
}

/// One sentence per figure the report shows: the heading's tooltip and the glossary.
/// A sortable heading with its explanation as tooltip; `number` right-aligns and sorts numerically.
std::string th(std::string_view label, bool number = false) {
  const auto m = meaning(label);
  return fmt::format(R"(<th data-sort="{}"{}{}>{}</th>)", number ? "number" : "text", number ? R"( class="n")" : "",
                     m.empty() ? std::string() : fmt::format(R"( title="{}")", esc(m)), esc(label));
}

std::string summary_section(const Analysis& a, std::size_t present, std::size_t sectors, std::size_t missing_core,
                            const std::optional<double>& effective) {
  auto card = [](const std::string& value, std::string_view label, std::string_view term) {
    return fmt::format(R"(<div class="card" title="{}"><b>{}</b><span>{}</span></div>)", esc(meaning(term)), value,
                       esc(label));
  };
  std::string h = R"(<section id="summary"><h2>Summary</h2><div class="cards">)";
  h += card(fmt::format("{}", a.network.members), a.network.members == 1 ? "member" : "members", "members");
  h += card(fmt::format("{}", a.network.ties), a.network.ties == 1 ? "tie" : "ties", "ties");
  h += card(pct(a.network.density), "of possible ties (density)", "density");
  h += card(fmt::format("{}", a.network.components), a.network.components == 1 ? "connected group" : "separate groups",
            "separate groups");
  h += card(fmt::format("{} of {}", present, sectors), "sectors at the table", "sectors at the table");
  h += card(fmt::format("{}", missing_core), missing_core == 1 ? "core sector missing" : "core sectors missing",
            "core sectors missing");
  h += card(num(effective, 1), "effective decision makers", "effective decision makers");
  h += card(pct(a.power.community_led ? std::optional(a.power.community_led->power) : std::nullopt),
            "of voting power with community-led members", "community-led power");
  h += card(pct(a.power.backbone_betweenness_share), "of go-between work runs through the backbone",
            "backbone brokerage");
  return h + "</div></section>\n";
}

std::string map_section(const Coalition& c, const Analysis& a, const std::string& members_svg,
                        const std::string& sectors_svg, const ReportComparison* waves) {
  const SectorReport& r = a.sectors;
  std::string h = R"(<section id="map"><h2>The map</h2>)"
                  R"(<p class="hint">Hover over a member for its figures; click one to see only its partners; )"
                  R"(pick a sector or type a name to pick members out.</p>)"
                  R"(<div class="toolbar">)" +
                  (waves != nullptr ? detail::wave_switch(c, *waves) : std::string()) +
                  R"(<div class="views" role="group" aria-label="View">)"
                  R"(<button type="button" data-view="members" aria-pressed="true">Members</button>)"
                  R"(<button type="button" data-view="sectors" aria-pressed="false">Sectors</button></div>)"
                  R"(<label>Sector <select id="xs-filter"><option value="">every sector</option>)";
  for (const auto& f : r.sectors) {
    if (f.members.empty()) continue;
    h += fmt::format(R"(<option value="{}">{}</option>)", f.sector, esc(r.index.sectors[f.sector].name));
  }
  h += R"(</select></label><label>Find <input id="xs-search" type="search" placeholder="a member's name" )"
       R"(autocomplete="off"></label><button type="button" id="xs-clear">Show all</button></div>)"
       R"(<div id="xs-info" class="info" aria-live="polite"></div>)";
  h +=
      R"(<figure class="map" id="xs-map-members"><div class="pane">)" + detail::inline_diagram(members_svg, "m-") +
      R"(</div><figcaption>Members, coloured by sector, sized by the number of members they are tied to.</figcaption></figure>)";
  h += R"(<figure class="map" id="xs-map-sectors"><div class="pane">)" + detail::inline_diagram(sectors_svg, "s-") +
       R"(</div><figcaption>Sectors and the ties between them.</figcaption></figure>)";
  if (waves != nullptr) h += detail::wave_figures(c, *waves);
  h += R"(<div id="xs-tip" class="tip" role="tooltip" hidden></div></section>)"
       "\n";
  (void)c;
  return h;
}

std::string coverage_section(const Coalition& c, const SectorReport& r) {
  std::string h =
      R"(<section id="coverage"><h2>Sector coverage</h2><div class="scroll"><table class="sortable"><thead><tr>)";
  h += th("sector") + th("priority") + th("members", true) + th("ties out", true) + th("status") + "<th>who</th>";
  h += "</tr></thead><tbody>";
  for (const auto& f : r.sectors) {
    const Sector& s = r.index.sectors[f.sector];
    std::vector<std::string> who;
    for (const auto m : f.members) who.push_back(esc(c.members[m].name));
    h += fmt::format("<tr><td>{}</td><td>{}</td>{}{}<td>{}</td><td>{}</td></tr>", esc(s.name), to_string(s.priority),
                     cell(fmt::format("{}", f.members.size()), static_cast<double>(f.members.size())),
                     cell(fmt::format("{}", f.external_ties), static_cast<double>(f.external_ties)),
                     sector_status(r, f.sector), fmt::join(who, ", "));
  }
  return h + "</tbody></table></div></section>\n";
}

std::string power_section(const Coalition& c, const Analysis& a) {
  std::string h = R"(<section id="power"><h2>Decision power</h2>)";
  if (a.power.bodies.empty()) h += "<p>The file describes no decision body.</p>";
  for (const auto& body : a.power.bodies) {
    const Body& b = c.governance[body.body];
    h += fmt::format(
        "<h3>{}</h3><p class=\"meta\" title=\"{}\">{}: {} of {} votes decide; effective decision makers {}</p>",
        esc(b.id), esc(meaning("effective decision makers")), esc(b.rule.name()), body.quota, body.total_votes,
        num(body.effective_decision_makers, 2));
    h += R"(<div class="scroll"><table class="sortable"><thead><tr>)";
    h += th("member") + th("votes", true) + th("seat share", true) + th("Banzhaf power", true) +
         th("Shapley-Shubik", true) + "<th>notes</th></tr></thead><tbody>";
    for (const auto& s : body.seats) {
      std::string notes = s.veto ? "can block" : "";
      if (s.dummy) notes += "no power";
      h += fmt::format("<tr><td>{}</td>{}{}{}{}<td>{}</td></tr>", esc(c.members[s.member].name),
                       cell(fmt::format("{}", s.votes), static_cast<double>(s.votes)),
                       cell(pct(s.seat_share), s.seat_share), cell(pct(s.banzhaf), s.banzhaf),
                       cell(pct(s.shapley_shubik), s.shapley_shubik), notes);
    }
    h += "</tbody></table></div>";
  }
  return h + "</section>\n";
}

/// Percentage points, signed: "+42 pts", "0", "−3 pts".
std::string points(double change) {
  const double p = 100.0 * change;
  if (std::abs(p) < 0.5) return "0";
  return fmt::format("{}{:.0f} pts", p > 0 ? "+" : "−", std::abs(p));
}

std::string departures_section(const Coalition& c, const Analysis& a) {
  const SectorReport& r = a.sectors;
  const double before = a.resilience.fragmentation.value_or(0.0);
  struct Row {
    const Departure* d;
    double change;
  };
  std::vector<Row> rows;
  std::size_t quiet = 0;
  for (const auto& d : a.resilience.departures) {
    // Only a cut point's departure cuts anyone off (Departure::splits).
    const double change = d.splits && d.fragmentation ? *d.fragmentation - before : 0.0;
    const bool matters = d.splits || !d.sectors_lost.empty() || !d.sectors_unlinked.empty();
    if (matters) {
      rows.push_back({&d, change});
    } else {
      ++quiet;
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.change > y.change; });
  std::string h = R"(<section id="departures"><h2>If a member leaves</h2>)"
                  R"(<p class="hint">What each departure would change, compared with today)";
  h += before > 0.005 ? fmt::format(" (today {} of pairs of members already cannot reach each other).</p>", pct(before))
                      : ".</p>";
  if (rows.empty()) {
    h += "<p>No single departure cuts anyone off or leaves a sector without a member or a link.</p>";
  } else {
    h += R"(<div class="scroll"><table class="sortable"><thead><tr>)";
    h += th("member") + th("more pairs cut off", true) + th("groups after", true) + th("sectors lost or unlinked") +
         "</tr></thead><tbody>";
    for (const auto& row : rows) {
      const Departure& d = *row.d;
      std::vector<std::string> sectors;
      for (const auto s : d.sectors_lost) sectors.push_back(esc(r.index.sectors[s].name) + " (no member left)");
      for (const auto s : d.sectors_unlinked) sectors.push_back(esc(r.index.sectors[s].name) + " (no link left)");
      h += fmt::format("<tr><td>{}</td>{}{}<td>{}</td></tr>", esc(c.members[d.member].name),
                       cell(a.members[d.member].articulation ? points(row.change) : std::string("none"), row.change),
                       cell(fmt::format("{}", d.components), static_cast<double>(d.components)),
                       fmt::join(sectors, ", "));
    }
    h += "</tbody></table></div>";
  }
  if (quiet > 0) {
    h += fmt::format("<p>{} can leave without cutting anyone off or taking a sector's only member or link.</p>",
                     quiet == 1 ? std::string("One other member") : fmt::format("The {} other members", quiet));
  }
  return h + "</section>\n";
}

std::string members_section(const Coalition& c, const Analysis& a) {
  const SectorReport& r = a.sectors;
  std::string h = R"(<section id="members"><h2>Members</h2><div class="scroll"><table class="sortable"><thead><tr>)";
  h += th("member") + th("sector") + th("degree", true) + th("betweenness", true) + th("closeness", true) +
       th("eigenvector", true) + th("brokerage", true) + th("power", true) + th("cut point") + "</tr></thead><tbody>";
  auto power_of = [&](std::size_t v) -> std::optional<double> {  // none without a decision body
    const auto shares = a.power.member_shares(v);
    return shares ? std::optional(shares->power) : std::nullopt;
  };
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const MemberFigures& m = a.members[v];
    const auto sector = r.index.sectors[r.index.sector_of[v]].name;
    const double brokerage = static_cast<double>(r.brokerage[v].total());
    h +=
        fmt::format("<tr><td>{}</td><td>{}</td>{}{}{}{}{}{}<td>{}</td></tr>", esc(c.members[v].name), esc(sector),
                    cell(fmt::format("{}", m.degree), static_cast<double>(m.degree)),
                    cell(num(m.betweenness), m.betweenness), cell(num(m.closeness), m.closeness),
                    cell(num(m.eigenvector), m.eigenvector), cell(fmt::format("{}", r.brokerage[v].total()), brokerage),
                    cell(pct(power_of(v)), power_of(v)), m.articulation ? "yes" : "");
  }
  return h + "</tbody></table></div></section>\n";
}

std::string glossary_section() {
  std::string h = R"(<section id="glossary"><details class="glossary"><summary>What the figures mean</summary><dl>)";
  for (const auto& t : terms()) h += fmt::format("<dt>{}</dt><dd>{}</dd>", esc(t.label), esc(t.meaning));
  return h + "</dl></details></section>\n";
}

/// The figures the map's script shows, as JSON inside a <script type="application/json">:
/// every `<` is written as \u003c so no text can close the element.
std::string map_data(const Coalition& c, const Analysis& a) {
  using nlohmann::json;
  const SectorReport& r = a.sectors;
  const auto styles = sector_styles(r);
  const double before = a.resilience.fragmentation.value_or(0.0);
  json doc;
  json sectors = json::array();
  for (std::size_t s = 0; s < r.sectors.size(); ++s) {
    sectors.push_back(
        {{"name", r.index.sectors[s].name}, {"members", r.sectors[s].members.size()}, {"colour", styles[s].colour}});
  }
  json members = json::array();
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    json m = {{"name", c.members[v].name},
              {"sector", r.index.sector_of[v]},
              {"degree", a.members[v].degree},
              {"betweenness", a.members[v].betweenness},
              {"cut", a.members[v].articulation}};
    m["power"] = a.power.bodies.empty() ? json(nullptr) : json(a.power.members[v].power);
    m["seat"] = v < a.power.members.size() && a.power.members[v].seats > 0;
    if (a.members[v].articulation && v < a.resilience.departures.size() && a.resilience.departures[v].fragmentation) {
      m["change"] = *a.resilience.departures[v].fragmentation - before;
    } else {
      m["change"] = nullptr;
    }
    members.push_back(std::move(m));
  }
  json ties = json::array();
  // Above the members view's limit the map shows sectors only: no tie is looked up.
  if (c.members.size() <= members_view_limit) {
    for (std::size_t t = 0; t < c.ties.size(); ++t) ties.push_back({c.ties[t].a, c.ties[t].b, t});
  }
  doc["sectors"] = std::move(sectors);
  doc["members"] = std::move(members);
  doc["ties"] = std::move(ties);
  const std::string text = doc.dump();
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    if (ch == '<') {
      out += "\\u003c";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

namespace {

std::string report_page(const Coalition& c, const Analysis& a, const std::string& members_svg,
                        const std::string& sectors_svg, const ReportComparison* waves) {
  if ((a.parts & part_guidance) == 0U) {
    throw std::invalid_argument("report_html: the analysis lacks part_guidance (analyze with part_report)");
  }

  std::string h =
      fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} – xsector report</title><style>{}</style></head>
<body><main>
<header><h1>{}</h1>
<p class="meta">{}{}sectors compared with the {} taxonomy ({})</p></header>
)",
                  esc(c.name), detail::report_css, esc(c.name), c.place.empty() ? "" : esc(c.place) + " · ",
                  c.as_of.empty() ? "" : "as of " + esc(c.as_of) + " · ", esc(c.taxonomy.id), esc(c.taxonomy.name));
  h += detail::next_steps_section(c, a);
  h += summary_section(a, sectors_at_table(a), a.sectors.sectors.size(), core_sectors_missing(a),
                       coalition_effective_decision_makers(a));
  if (const std::string estimates = describe_estimates(a); !estimates.empty()) {
    h += fmt::format(R"(<p class="estimates">{}</p>)", esc(estimates)) + "\n";
  }
  if (waves != nullptr) h += detail::changes_section(c, *waves);
  h += detail::findings_section(c, a);
  h += map_section(c, a, members_svg, sectors_svg, waves);
  h += coverage_section(c, a.sectors);
  h += power_section(c, a);
  h += departures_section(c, a);
  h += members_section(c, a);
  // Sections other parts of xsector add (partner surveys, the people who carry the ties):
  // one call each, returning an empty string when the file holds nothing for them.
  h += detail::survey_report_html(c, a);
  h += glossary_section();
  h += R"(<footer>Made with xsector. Hover over a heading or a figure, or open "What the figures mean", )"
       R"(for a one-sentence explanation. Click a column heading to sort.</footer></main>)";
  h += R"(<script type="application/json" id="xs-data">)" + map_data(c, a) + "</script>\n<script>";
  h += detail::report_script;
  h += "</script></body></html>\n";
  return h;
}

}  // namespace

std::string report_html(const Coalition& c, const Analysis& a, const std::string& members_svg,
                        const std::string& sectors_svg) {
  return report_page(c, a, members_svg, sectors_svg, nullptr);
}

std::string report_html(const Coalition& c, const Analysis& a, const std::string& members_svg,
                        const std::string& sectors_svg, const ReportComparison& comparison) {
  return report_page(c, a, members_svg, sectors_svg, &comparison);
}

namespace {

/// The report's Markdown as parts: the analysis with the diagrams first, then the sections
/// of the power view.
detail::TextReport markdown_report(const Coalition& c, const Analysis& a) {
  detail::TextReport doc = detail::analysis_report(c, a, true);
  doc.sections.insert(doc.sections.begin(), {"Diagrams",
                                             "![Members, coloured by sector](members.svg)\n\n"
                                             "![Sectors and the ties between them](sectors.svg)\n"});
  for (auto& s : detail::power_report(c, a, true).sections) doc.sections.push_back(std::move(s));
  return doc;
}

}  // namespace

std::string report_markdown(const Coalition& c, const Analysis& a) {
  return detail::render_text(markdown_report(c, a), true);
}

std::string report_markdown(const Coalition& c, const Analysis& a, const Coalition& before,
                            const Comparison& comparison) {
  std::string out = detail::render_text(markdown_report(c, a), true);
  // The comparison is a section of this report: its headings one level down.
  out += '\n';
  out += detail::render_text(detail::comparison_report(before, c, comparison, true), true, 2);
  out += comparison.as_waves ? "\n![Wave A](wave-a.svg)\n\n![What changed](changes.svg)\n"
                             : "\n![The first coalition](wave-a.svg)\n";
  return out;
}

}  // namespace xsector
