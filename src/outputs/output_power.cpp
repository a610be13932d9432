// The views of `xsector power`: voting power per body, across the coalition, and departures.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "outputs/table.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace {

// One body's seats and indices, the estimate's precision when estimated, and its concentration.
void body_text(std::string& out, const Coalition& c, const BodyPower& body, bool markdown) {
  Table rows{{text_column("member"), integer_column("votes"), number_column("seats"), number_column("banzhaf"),
              number_column("shapley-shubik"), number_column("penrose"), flag_column("veto"), flag_column("dummy")},
             {},
             true};
  for (const auto& s : body.seats) {
    rows.rows.push_back({c.members[s.member].id, integer_cell(s.votes), s.seat_share, number_cell(s.banzhaf),
                         s.shapley_shubik, s.penrose, s.veto, s.dummy});
  }
  if (body.estimate) {
    out += fmt::format(
        "{}estimated by Monte Carlo ({} samples, seed {}): banzhaf ±{:.4f}, shapley-shubik ±{:.4f}, "
        "penrose ±{:.4f} at {:.0f}%\n",
        markdown ? "" : "  ", body.estimate->samples, body.estimate->seed, body.estimate->banzhaf_half_width,
        body.estimate->shapley_shubik_half_width, body.estimate->penrose_half_width, body.estimate->confidence * 100);
    if (markdown) out += "\n";
  }
  out += render_table_text(rows, markdown);
  out += fmt::format("{}gini of seats {}, gini of power {}, effective decision makers {}\n", markdown ? "\n" : "  ",
                     fixed(body.gini_seats), fixed(body.gini_power), fixed(body.effective_decision_makers, 2));
}

// Seat and power shares by sector, of community-led and lived-experience members, and the
// backbone's and the concentration figures.
void coalition_text(std::string& out, const Coalition& c, const Analysis& a, bool markdown) {
  const CoalitionPower& p = a.power;
  Table sectors{{text_column("sector"), number_column("seat share"), number_column("power share")}, {}, true};
  for (const auto& f : a.sectors.sectors) {
    if (f.members.empty()) continue;
    const auto shares = p.sector_shares(f.sector);  // none without a decision body
    sectors.rows.push_back({a.sectors.index.sectors[f.sector].id, shares ? Cell(shares->seats) : Cell(),
                            shares ? Cell(shares->power) : Cell()});
  }
  out += render_table_text(sectors, markdown);
  auto share = [](const std::optional<ShareFigures>& s) {
    return s ? Cell(fmt::format("{} of seats, {} of power", fixed(s->seats), fixed(s->power))) : Cell();
  };
  Table lines{{text_column("figure"), text_column("value")}, {}, false};
  lines.rows = {{"community-led", share(p.community_led)},
                {"lived experience", share(p.lived_experience)},
                {"backbone power share", number_cell(p.backbone_power_share)},
                {"backbone betweenness share", number_cell(p.backbone_betweenness_share)},
                {"gini of degree", number_cell(p.gini_degree)},
                {"gini of betweenness", number_cell(p.gini_betweenness)}};
  if (markdown) out += "\n";
  out += render_table_text(lines, markdown);
  out += approximate_text(a, c, markdown, false);  // each estimated body says so under its table
}

// Fragmentation, cut points and bridges now, and what each departure would cost (most
// fragmenting first).
void departures_text(std::string& out, const Coalition& c, const Analysis& a, bool markdown) {
  const Resilience& r = a.resilience;
  std::vector<std::string> cut;
  for (const auto v : r.articulation_points) cut.push_back(c.members[v].id);
  std::vector<std::string> bridge;
  for (const auto& [x, y] : r.bridges) bridge.push_back(fmt::format("{}-{}", c.members[x].id, c.members[y].id));
  out += fmt::format("{}fragmentation now {}; articulation points: {}; bridges: {}\n", markdown ? "" : "  ",
                     fixed(r.fragmentation), cut.empty() ? "none" : fmt::format("{}", fmt::join(cut, ", ")),
                     bridge.empty() ? "none" : fmt::format("{}", fmt::join(bridge, ", ")));
  Table dep{{text_column("member"), number_column("fragmentation"), integer_column("components"),
             text_column("sectors lost").right(), text_column("sectors unlinked")},
            {},
            true};
  std::vector<const Departure*> order;
  for (const auto& d : r.departures) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const Departure* x, const Departure* y) {
    return x->fragmentation.value_or(0.0) > y->fragmentation.value_or(0.0);
  });
  auto ids = [&](const std::vector<std::size_t>& sectors) {
    std::vector<std::string> out_ids;
    out_ids.reserve(sectors.size());
    for (const auto s : sectors) out_ids.push_back(a.sectors.index.sectors[s].id);
    return out_ids.empty() ? Cell() : Cell(fmt::format("{}", fmt::join(out_ids, " ")));
  };
  for (const auto* d : order) {
    dep.rows.push_back({c.members[d->member].id, number_cell(d->fragmentation), integer_cell(d->components),
                        ids(d->sectors_lost), ids(d->sectors_unlinked)});
  }
  if (markdown) out += "\n";
  out += render_table_text(dep, markdown);
}

}  // namespace

TextReport detail::power_report(const Coalition& c, const Analysis& a, bool markdown) {
  TextReport doc{fmt::format("Decision power: {}", header_line(c, markdown)), {}, {}};
  if (a.power.bodies.empty()) {
    doc.section("Decision bodies") +=
        markdown ? "The file describes no decision body.\n" : "  The file describes no decision body.\n";
  }
  for (const auto& body : a.power.bodies) {
    const Body& b = c.governance[body.body];
    body_text(
        doc.section(fmt::format("{} ({}, {} of {} votes decide)", b.id, b.rule.name(), body.quota, body.total_votes)),
        c, body, markdown);
  }
  coalition_text(doc.section("Across the coalition"), c, a, markdown);
  departures_text(doc.section("If a member leaves"), c, a, markdown);
  doc.section("Findings") += findings_text(c, a, {FindingArea::power, FindingArea::resilience}, markdown);
  return doc;
}

std::string format_power(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(render_text(power_report(c, a, false), false), true);
    case Format::markdown: return render_text(power_report(c, a, true), true);
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["coalition"] = coalition_json(c);
      doc["power"] = power_json(a, c);
      doc["resilience"] = resilience_json(a, c);
      const std::vector<Finding> findings = area_findings(a, {FindingArea::power, FindingArea::resilience});
      doc["findings"] = findings_json(findings, FindingNames(c, a.sectors.index));
      doc["finding_groups"] = finding_groups_json(c, a, {FindingArea::power, FindingArea::resilience});
      doc["approximate"] = approximate_json(a, c);
      return json_text(doc);
    }
    case Format::csv: {
      // The last three columns are empty when exact; else the widest 99% half-width of each index.
      Table t{{text_column("body"), text_column("member"), integer_column("votes"), number_column("seat_share"),
               number_column("banzhaf"), number_column("shapley_shubik"), number_column("penrose"), flag_column("veto"),
               flag_column("dummy"), number_column("banzhaf_half_width"), number_column("shapley_shubik_half_width"),
               number_column("penrose_half_width")},
              {},
              true};
      for (const auto& body : a.power.bodies) {
        auto width = [&](double PowerEstimate::*field) {
          return body.estimate ? Cell((*body.estimate).*field) : Cell();
        };
        for (const auto& s : body.seats) {
          t.rows.push_back({c.governance[body.body].id, c.members[s.member].id, integer_cell(s.votes), s.seat_share,
                            number_cell(s.banzhaf), s.shapley_shubik, s.penrose, s.veto, s.dummy,
                            width(&PowerEstimate::banzhaf_half_width), width(&PowerEstimate::shapley_shubik_half_width),
                            width(&PowerEstimate::penrose_half_width)});
        }
      }
      return render_table_csv(t);
    }
  }
  return render_text(power_report(c, a, false), false);
}

}  // namespace xsector
