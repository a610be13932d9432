#include "xsector/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "survey_output.hpp"
#include "text.hpp"
#include "xsector/output.hpp"

namespace xsector {

namespace {

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

/// The <svg> element of a Graphviz SVG document, without its XML prolog and doctype.
std::string inline_svg(const std::string& svg) {
  const auto start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

constexpr const char* style = R"(
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --high: #b3261e; --medium: #a15c00; --low: #3f6fb5; --info: #5f6368; }
* { box-sizing: border-box; }
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 0; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: .25rem 0 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .6rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.card b { display: block; font-size: 1.4rem; } .card span { color: var(--muted); font-size: .85rem; }
ul.findings { list-style: none; padding: 0; } ul.findings li { padding: .4rem .6rem; border-left: 4px solid var(--info); margin: .3rem 0; background: #f7f7f9; }
li.high { border-color: var(--high) !important; } li.medium { border-color: var(--medium) !important; } li.low { border-color: var(--low) !important; }
.sev { font-size: .75rem; text-transform: uppercase; font-weight: 600; margin-right: .4rem; color: var(--muted); }
.scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th[data-sort] { cursor: pointer; user-select: none; } th[data-sort]::after { content: " \2195"; color: var(--muted); }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
.status-missing { color: var(--high); } .status-thin { color: var(--medium); }
footer { color: var(--muted); font-size: .8rem; margin: 2rem 0; }
@media print { th[data-sort]::after { content: ""; } .scroll { overflow: visible; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
)";

constexpr const char* script = R"(
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th[data-sort]").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var numeric = th.getAttribute("data-sort") === "number";
      var descending = th.getAttribute("aria-sort") !== "descending";
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var p = numeric ? parseFloat(x.getAttribute("data-value")) : x.textContent.toLowerCase();
        var q = numeric ? parseFloat(y.getAttribute("data-value")) : y.textContent.toLowerCase();
        if (numeric) { p = isNaN(p) ? -Infinity : p; q = isNaN(q) ? -Infinity : q; }
        var order = p < q ? -1 : p > q ? 1 : 0;
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    });
  });
});
document.body.setAttribute("data-ready", "yes");
)";

std::string sector_status(const SectorReport& r, std::size_t s) {
  std::vector<std::string> marks;
  const auto& g = r.gaps;
  auto in = [&](const std::vector<std::size_t>& list) { return std::find(list.begin(), list.end(), s) != list.end(); };
  auto single = [&](const std::vector<SectorGaps::Single>& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.sector == s; });
  };
  if (in(g.missing)) return R"(<span class="status-missing">missing</span>)";
  if (single(g.thin)) marks.emplace_back(R"(<span class="status-thin">one member</span>)");
  if (in(g.cut_off)) marks.emplace_back(R"(<span class="status-thin">cut off</span>)");
  if (single(g.single_broker)) marks.emplace_back(R"(<span class="status-thin">one broker</span>)");
  if (in(g.no_vote)) marks.emplace_back(R"(<span class="status-thin">no vote</span>)");
  return marks.empty() ? std::string("present") : fmt::format("{}", fmt::join(marks, ", "));
}

}  // namespace

std::string report_html(const Coalition& c, const Analysis& a, const std::string& members_svg,
                        const std::string& sectors_svg) {
  const SectorReport& r = a.sectors;
  std::size_t present = 0;
  std::size_t missing_core = 0;
  for (const auto& f : r.sectors) present += f.members.empty() ? 0 : 1;
  for (const auto s : r.gaps.missing) missing_core += r.index.sectors[s].priority == Priority::core ? 1 : 0;
  double squares = 0;
  for (const auto& m : a.power.members) squares += m.power * m.power;
  const std::optional<double> effective =
      a.power.bodies.empty() || squares == 0 ? std::nullopt : std::optional<double>(1.0 / squares);

  std::string h = fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} – xsector report</title><style>{}</style></head>
<body><main>
<h1>{}</h1>
<p class="meta">{}{}taxonomy: {} ({})</p>
)",
                              esc(c.name), style, esc(c.name), c.place.empty() ? "" : esc(c.place) + " · ",
                              c.as_of.empty() ? "" : "as of " + esc(c.as_of) + " · ", esc(c.taxonomy.id),
                              esc(c.taxonomy.name));
  auto card = [](const std::string& value, const std::string& label) {
    return fmt::format(R"(<div class="card"><b>{}</b><span>{}</span></div>)", value, label);
  };
  h += R"(<section><h2>Summary</h2><div class="cards">)";
  h += card(fmt::format("{}", a.network.members), "members");
  h += card(fmt::format("{}", a.network.ties), "ties");
  h += card(num(a.network.density, 2), "density");
  h += card(fmt::format("{}", a.network.components), a.network.components == 1 ? "component" : "components");
  h += card(fmt::format("{} of {}", present, r.sectors.size()), "sectors at the table");
  h += card(fmt::format("{}", missing_core), "core sectors missing");
  h += card(num(effective, 1), "effective decision makers");
  h += card(pct(a.power.community_led ? std::optional(a.power.community_led->power) : std::nullopt),
            "voting power of community-led members");
  h += card(pct(a.power.backbone_betweenness_share), "of brokerage runs through the backbone");
  h += "</div></section>\n";
  if (const std::string estimates = describe_estimates(a); !estimates.empty()) {
    h += fmt::format(R"(<p class="estimates">{}</p>)", esc(estimates)) + "\n";
  }

  h += R"(<section><h2>Findings</h2><ul class="findings">)";
  for (const auto& f : a.findings) {
    h += fmt::format(R"(<li class="{0}"><span class="sev">{0}</span>{1}</li>)", to_string(f.severity), esc(f.message));
  }
  if (a.findings.empty()) h += "<li>No findings.</li>";
  h += "</ul></section>\n";

  h += R"(<section><h2>The network</h2><figure>)" + inline_svg(members_svg) +
       R"(<figcaption>Members, coloured by sector, sized by degree.</figcaption></figure><figure>)" +
       inline_svg(sectors_svg) + R"(<figcaption>Sectors and the ties between them.</figcaption></figure></section>)";

  h += R"(<section><h2>Sector coverage</h2><div class="scroll"><table class="sortable"><thead><tr>)"
       R"(<th data-sort="text">sector</th><th data-sort="text">priority</th><th data-sort="number" class="n">members</th>)"
       R"(<th data-sort="number" class="n">ties out</th><th data-sort="text">status</th><th>who</th></tr></thead><tbody>)";
  for (const auto& f : r.sectors) {
    const Sector& s = r.index.sectors[f.sector];
    std::vector<std::string> who;
    for (const auto m : f.members) who.push_back(esc(c.members[m].name));
    h += fmt::format("<tr><td>{}</td><td>{}</td>{}{}<td>{}</td><td>{}</td></tr>", esc(s.name), to_string(s.priority),
                     cell(fmt::format("{}", f.members.size()), static_cast<double>(f.members.size())),
                     cell(fmt::format("{}", f.external_ties), static_cast<double>(f.external_ties)),
                     sector_status(r, f.sector), fmt::join(who, ", "));
  }
  h += "</tbody></table></div></section>\n";

  h += "<section><h2>Decision power</h2>";
  if (a.power.bodies.empty()) h += "<p>The file describes no decision body.</p>";
  for (const auto& body : a.power.bodies) {
    const Body& b = c.governance[body.body];
    h += fmt::format("<h3>{}</h3><p class=\"meta\">{}: {} of {} votes decide; effective decision makers {}</p>",
                     esc(b.id), esc(b.rule.name()), body.quota, body.total_votes, num(body.effective_decision_makers, 2));
    h += R"(<div class="scroll"><table class="sortable"><thead><tr><th data-sort="text">member</th>)"
         R"(<th data-sort="number" class="n">votes</th><th data-sort="number" class="n">seat share</th>)"
         R"(<th data-sort="number" class="n">Banzhaf power</th><th data-sort="number" class="n">Shapley-Shubik</th>)"
         R"(<th data-sort="text">notes</th></tr></thead><tbody>)";
    for (const auto& s : body.seats) {
      std::string notes = s.veto ? "can block" : "";
      if (s.dummy) notes += "no power";
      h += fmt::format("<tr><td>{}</td>{}{}{}{}<td>{}</td></tr>", esc(c.members[s.member].name),
                       cell(fmt::format("{}", s.votes), static_cast<double>(s.votes)), cell(pct(s.seat_share), s.seat_share),
                       cell(pct(s.banzhaf), s.banzhaf), cell(pct(s.shapley_shubik), s.shapley_shubik), notes);
    }
    h += "</tbody></table></div>";
  }
  h += "</section>\n";

  h += R"(<section><h2>If a member leaves</h2><div class="scroll"><table class="sortable"><thead><tr>)"
       R"(<th data-sort="text">member</th><th data-sort="number" class="n">pairs cut off</th>)"
       R"(<th data-sort="number" class="n">components</th><th data-sort="text">sectors lost or unlinked</th></tr></thead><tbody>)";
  for (const auto& d : a.resilience.departures) {
    std::vector<std::string> sectors;
    for (const auto s : d.sectors_lost) sectors.push_back(esc(r.index.sectors[s].name) + " (lost)");
    for (const auto s : d.sectors_unlinked) sectors.push_back(esc(r.index.sectors[s].name) + " (unlinked)");
    h += fmt::format("<tr><td>{}</td>{}{}<td>{}</td></tr>", esc(c.members[d.member].name),
                     cell(pct(d.fragmentation), d.fragmentation),
                     cell(fmt::format("{}", d.components), static_cast<double>(d.components)), fmt::join(sectors, ", "));
  }
  h += "</tbody></table></div></section>\n";

  h += detail::survey_report_html(c, a);

  h += R"(<section><h2>Members</h2><div class="scroll"><table class="sortable"><thead><tr>)"
       R"(<th data-sort="text">member</th><th data-sort="text">sector</th><th data-sort="number" class="n">degree</th>)"
       R"(<th data-sort="number" class="n">betweenness</th><th data-sort="number" class="n">closeness</th>)"
       R"(<th data-sort="number" class="n">eigenvector</th><th data-sort="number" class="n">brokerage</th>)"
       R"(<th data-sort="number" class="n">power</th><th data-sort="text">cut point</th></tr></thead><tbody>)";
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const MemberFigures& m = a.members[v];
    const auto sector = r.index.sectors[r.index.sector_of[v]].name;
    const double brokerage = static_cast<double>(r.brokerage[v].total());
    h += fmt::format("<tr><td>{}</td><td>{}</td>{}{}{}{}{}{}<td>{}</td></tr>", esc(c.members[v].name), esc(sector),
                     cell(fmt::format("{}", m.degree), static_cast<double>(m.degree)), cell(num(m.betweenness), m.betweenness),
                     cell(num(m.closeness), m.closeness), cell(num(m.eigenvector), m.eigenvector),
                     cell(fmt::format("{}", r.brokerage[v].total()), brokerage),
                     cell(pct(a.power.members[v].power), a.power.members[v].power), m.articulation ? "yes" : "");
  }
  h += "</tbody></table></div></section>\n";
  h += R"(<footer>Made with xsector. Every figure is defined in the project's docs (metrics, sectors, power). )"
       R"(Click a column heading to sort.</footer></main><script>)";
  h += script;
  h += "</script></body></html>\n";
  return h;
}

std::string report_markdown(const Coalition& c, const Analysis& a) {
  std::string out = format_markdown(c, a);
  const auto first_section = out.find("\n## ");
  const std::string diagrams = "\n## Diagrams\n\n![Members, coloured by sector](members.svg)\n\n"
                               "![Sectors and the ties between them](sectors.svg)\n";
  out.insert(first_section == std::string::npos ? out.size() : first_section, diagrams);
  std::string power = format_power(Format::markdown, c, a);
  const auto body = power.find("\n## ");
  if (body != std::string::npos) out += power.substr(body);
  return out;
}

}  // namespace xsector
