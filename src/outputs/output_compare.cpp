// The views of `xsector compare`: two waves or coalitions, and many side by side.
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

ordered_json delta_json(const Delta& d) {
  return {
      {"before", number_or_null(d.before)}, {"after", number_or_null(d.after)}, {"change", number_or_null(d.change)}};
}

std::string level_name(int level) { return level == 0 ? "none" : std::string(to_string(static_cast<TieLevel>(level))); }

ordered_json tie_changes_json(const std::vector<TieChange>& list) {
  ordered_json out = ordered_json::array();
  for (const auto& t : list) {
    auto side = [](const PairTie& p) -> ordered_json {
      if (!p.tied) return nullptr;
      return {{"level", level_name(p.level)}, {"direction", to_string(p.direction)}};
    };
    out.push_back({{"a", t.a}, {"b", t.b}, {"before", side(t.before)}, {"after", side(t.after)}});
  }
  return out;
}

std::string tie_line(const std::vector<TieChange>& list) {
  if (list.empty()) return "none";
  std::vector<std::string> parts;
  for (const auto& t : list) {
    std::string part = fmt::format("{}-{}", t.a, t.b);
    if (t.before.tied && t.after.tied) {
      part += t.before.level != t.after.level
                  ? fmt::format(" ({} -> {})", level_name(t.before.level), level_name(t.after.level))
                  : fmt::format(" ({} -> {})", to_string(t.before.direction), to_string(t.after.direction));
    } else {
      part += fmt::format(" ({})", level_name(t.after.tied ? t.after.level : t.before.level));
    }
    parts.push_back(part);
  }
  return fmt::format("{}: {}", list.size(), fmt::join(parts, ", "));
}

/// The coalition-wide figures before and after, and their change (table and CSV).
Table network_table(const Comparison& cmp) {
  Table t{{text_column("figure"), number_column("before"), number_column("after"), number_column("change")}, {}, true};
  for (const auto& d : cmp.network) {
    const FigureSpec* f = find_figure(d.name);
    const FigureKind kind = f != nullptr ? f->kind : FigureKind::score;
    t.rows.push_back({d.name, figure_cell(kind, d.before), figure_cell(kind, d.after), figure_cell(kind, d.change)});
  }
  return t;
}

// A gap's sectors: an id, or "a/b" for a pair.
std::string gap_text(const std::vector<std::string>& key) { return fmt::format("{}", fmt::join(key, "/")); }

/// How one kind of gap changed: "2 -> 1; new: x; closed: y, z".
std::string gap_line(const GapChange& g) {
  if (!g.before || !g.after) return "- (a file describes no decision body)";
  std::string line = fmt::format("{} -> {}", *g.before, *g.after);
  auto add = [&](std::string_view what, const std::vector<std::vector<std::string>>& keys) {
    if (keys.empty()) return;
    std::vector<std::string> parts(keys.size());
    std::transform(keys.begin(), keys.end(), parts.begin(), gap_text);
    line += fmt::format("; {}: {}", what, fmt::join(parts, ", "));
  };
  add("new", g.opened);
  add("closed", g.closed);
  return line;
}

// The gaps view's label of a kind of gap.
std::string gap_label(GapKind kind) {
  std::string label(to_string(kind));
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

ordered_json gap_change_json(const GapChange& g) {
  auto keys = [](const std::vector<std::vector<std::string>>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& k : list) out.push_back(k.size() == 1 ? ordered_json(k[0]) : ordered_json(k));
    return out;
  };
  auto count = [](const std::optional<std::size_t>& n) { return n ? ordered_json(*n) : ordered_json(nullptr); };
  return {
      {"before", count(g.before)}, {"after", count(g.after)}, {"opened", keys(g.opened)}, {"closed", keys(g.closed)}};
}

}  // namespace

TextReport detail::comparison_report(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown) {
  auto label = [&](const Coalition& c) {
    return c.as_of.empty() ? user_text(c.name, markdown)
                           : fmt::format("{} ({})", user_text(c.name, markdown), user_text(c.as_of, markdown));
  };
  TextReport doc{fmt::format("Compare: {} -> {}", label(a), label(b)), {}, {}};
  std::string* out = &doc.intro;
  auto section = [&](std::string_view title) { out = &doc.section(title); };
  auto item = [&](const std::string& key, const std::string& value) {
    *out += markdown ? fmt::format("- **{}**: {}\n", key, value) : fmt::format("  {:<19}{}\n", key, value);
  };
  auto list = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string("none") : fmt::format("{}: {}", v.size(), fmt::join(v, ", "));
  };
  if (!cmp.as_waves)
    *out += fmt::format("{}compared as two coalitions, not waves: {}\n", markdown ? "\n" : "",
                        user_text(cmp.kind_note, markdown));
  section("Members");
  item(cmp.as_waves ? "joined" : "only in second", list(cmp.joined));
  item(cmp.as_waves ? "left" : "only in first", list(cmp.left));
  item("kept", fmt::format("{}", cmp.kept.size()));
  std::vector<std::string> renames;
  for (const auto& r : cmp.renamed) {
    std::string text = r.id;
    if (r.name_before != r.name_after) {
      text += fmt::format(" name '{}' -> '{}'", user_text(r.name_before, markdown), user_text(r.name_after, markdown));
    }
    if (r.sector_before != r.sector_after) text += fmt::format(" sector {} -> {}", r.sector_before, r.sector_after);
    renames.push_back(text);
  }
  item("renamed", list(renames));
  section("Ties");
  item("formed", tie_line(cmp.ties.formed));
  item("dissolved", tie_line(cmp.ties.dissolved));
  item("strengthened", tie_line(cmp.ties.strengthened));
  item("weakened", tie_line(cmp.ties.weakened));
  item("direction changed", tie_line(cmp.ties.redirected));
  section("Network");
  *out += render_table_text(network_table(cmp), markdown);
  section("Sectors");
  Table sectors{{text_column("sector")}, {}, true};
  for (const char* name : {"members", "internal ties", "external ties", "E-I"}) {
    sectors.columns.push_back(text_column(name).right());
  }
  auto pair = [](const Delta& d, int digits) {
    return fmt::format("{} -> {}", fixed(d.before, digits), fixed(d.after, digits));
  };
  for (const auto& s : cmp.sectors) {
    sectors.rows.push_back(
        {s.sector, pair(s.members, 0), pair(s.internal_ties, 0), pair(s.external_ties, 0), pair(s.ei_index, 2)});
  }
  *out += render_table_text(sectors, markdown);
  if (markdown) *out += "\n";
  item("sectors covered", list(cmp.sectors_covered));
  item("sectors lost", list(cmp.sectors_lost));
  for (const auto& g : cmp.gaps) item(gap_label(g.kind), gap_line(g));
  section("Power");
  Table power{
      {text_column("member"), number_column("power before"), number_column("power after"), number_column("change")},
      {},
      true};
  for (const auto& d : cmp.power) {
    if (d.before.value_or(0.0) == 0.0 && d.after.value_or(0.0) == 0.0) continue;
    power.rows.push_back({d.name, number_cell(d.before), number_cell(d.after), number_cell(d.change)});
  }
  *out += !power.rows.empty() ? render_table_text(power, markdown) : std::string(markdown ? "none\n" : "  none\n");
  for (const auto& body : cmp.bodies) {
    *out += fmt::format("{}{}: effective decision makers {} -> {}{}\n", markdown ? "- " : "  ", body.body,
                        fixed(body.effective_decision_makers.before, 2), fixed(body.effective_decision_makers.after, 2),
                        !body.in_before ? " (new body)" : (!body.in_after ? " (body gone)" : ""));
  }
  section("QAP correlation");
  const Qap& q = cmp.qap;
  const std::string p_text = p_value_text(q);
  *out += fmt::format("{}{}r = {} over {} common members, p {}{} ({} {} relabellings, seed {})\n", markdown ? "" : "  ",
                      q.valued ? "tie levels: " : "", fixed(q.correlation), q.common_members,
                      p_text.starts_with("<") ? "" : "= ", p_text, q.exact ? "exact over all" : "random",
                      q.permutations, q.seed);
  section("Findings");
  *out += findings_text(cmp.findings, markdown);
  return doc;
}

std::string format_comparison(Format format, const Coalition& a, const Coalition& b, const Comparison& cmp) {
  switch (format) {
    case Format::table: return detail::terminal_safe(render_text(comparison_report(a, b, cmp, false), false), true);
    case Format::markdown: return render_text(comparison_report(a, b, cmp, true), true);
    case Format::csv: return render_table_csv(network_table(cmp));
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["before"] = coalition_json(a);
      doc["after"] = coalition_json(b);
      ordered_json renamed = ordered_json::array();
      for (const auto& r : cmp.renamed) {
        renamed.push_back({{"id", r.id},
                           {"name_before", r.name_before},
                           {"name_after", r.name_after},
                           {"sector_before", r.sector_before},
                           {"sector_after", r.sector_after}});
      }
      doc["members"] = {{"joined", cmp.joined}, {"left", cmp.left}, {"kept", cmp.kept}, {"renamed", renamed}};
      doc["ties"] = {{"formed", tie_changes_json(cmp.ties.formed)},
                     {"dissolved", tie_changes_json(cmp.ties.dissolved)},
                     {"strengthened", tie_changes_json(cmp.ties.strengthened)},
                     {"weakened", tie_changes_json(cmp.ties.weakened)},
                     {"direction_changed", tie_changes_json(cmp.ties.redirected)}};
      ordered_json network = ordered_json::object();
      for (const auto& d : cmp.network) network[d.name] = delta_json(d);
      doc["network"] = network;
      ordered_json sectors = ordered_json::array();
      for (const auto& s : cmp.sectors) {
        sectors.push_back({{"sector", s.sector},
                           {"members", delta_json(s.members)},
                           {"internal_ties", delta_json(s.internal_ties)},
                           {"external_ties", delta_json(s.external_ties)},
                           {"ei_index", delta_json(s.ei_index)}});
      }
      doc["sectors"] = sectors;
      doc["gaps"] = {{"sectors_covered", cmp.sectors_covered}, {"sectors_lost", cmp.sectors_lost}};
      for (const auto& g : cmp.gaps) doc["gaps"][std::string(to_string(g.kind))] = gap_change_json(g);
      if (cmp.people.described) {
        auto carrier_changes = [](const std::vector<CarrierChange>& list) {
          ordered_json out = ordered_json::array();
          for (const auto& x : list) {
            out.push_back({{"a", x.a},
                           {"b", x.b},
                           {"member", x.member},
                           {"departed", x.departed},
                           {"carriers_after", x.carriers_after}});
          }
          return out;
        };
        doc["people"] = {{"left", cmp.people.left},
                         {"joined", cmp.people.joined},
                         {"handed_over", carrier_changes(cmp.people.handed_over)},
                         {"uncarried", carrier_changes(cmp.people.uncarried)},
                         {"dissolved", carrier_changes(cmp.people.dissolved)}};
      }
      ordered_json power = ordered_json::array();
      for (const auto& d : cmp.power) {
        ordered_json row = delta_json(d);
        row["member"] = d.name;
        power.push_back(row);
      }
      ordered_json bodies = ordered_json::array();
      for (const auto& body : cmp.bodies) {
        ordered_json seats = ordered_json::array();
        for (const auto& d : body.banzhaf) {
          ordered_json row = delta_json(d);
          row["member"] = d.name;
          seats.push_back(row);
        }
        bodies.push_back({{"body", body.body},
                          {"in_before", body.in_before},
                          {"in_after", body.in_after},
                          {"effective_decision_makers", delta_json(body.effective_decision_makers)},
                          {"banzhaf", seats}});
      }
      doc["power"] = {{"members", power}, {"bodies", bodies}};
      doc["qap"] = {{"common_members", cmp.qap.common_members},
                    {"correlation", number_or_null(cmp.qap.correlation)},
                    {"p_value", number_or_null(cmp.qap.p_value)},
                    {"permutations", cmp.qap.permutations},
                    {"exact", cmp.qap.exact},
                    {"seed", cmp.qap.seed}};
      doc["qap"]["valued"] = cmp.qap.valued;
      doc["qap"]["p_value_text"] = p_value_text(cmp.qap);
      doc["compared_as"] = cmp.as_waves ? "waves" : "coalitions";
      doc["compared_as_note"] = text_or_null(cmp.kind_note);
      doc["findings"] = findings_json(cmp.findings);
      return json_text(doc);
    }
  }
  return render_text(comparison_report(a, b, cmp, false), false);
}

std::string format_many(Format format, const std::vector<const Coalition*>& coalitions,
                        const std::vector<std::vector<Figure>>& figures) {
  static const std::vector<std::string> columns = {"members",
                                                   "ties",
                                                   "density",
                                                   "components",
                                                   "degree_centralization",
                                                   "betweenness_centralization",
                                                   "ei_index",
                                                   "sectors_covered",
                                                   "sectors_missing",
                                                   "effective_decision_makers",
                                                   "community_led_power_share"};
  auto value = [&](std::size_t row, const std::string& name) {
    for (const auto& f : figures[row]) {
      if (f.name == name) return f.value;
    }
    return std::optional<double>();
  };
  if (format == Format::json) {
    ordered_json doc;
    doc["schema"] = "xsector/1";
    ordered_json rows = ordered_json::array();
    for (std::size_t r = 0; r < coalitions.size(); ++r) {
      ordered_json row = coalition_json(*coalitions[r]);
      row["file"] = coalitions[r]->file;
      ordered_json figs = ordered_json::object();
      for (const auto& f : figures[r]) figs[f.name] = number_or_null(f.value);
      row["figures"] = figs;
      rows.push_back(row);
    }
    doc["coalitions"] = rows;
    return json_text(doc);
  }
  if (format == Format::csv) {
    Table t{{text_column("name"), text_column("as_of"), text_column("taxonomy"), text_column("file")}, {}, true};
    for (const auto& f : figures.empty() ? std::vector<Figure>{} : figures[0])
      t.columns.push_back(number_column(f.name));
    for (std::size_t r = 0; r < coalitions.size(); ++r) {
      auto& row = t.row();
      row = {coalitions[r]->name, coalitions[r]->as_of, coalitions[r]->taxonomy.id, coalitions[r]->file};
      for (const auto& f : figures[r]) row.push_back(number_cell(f.value));
    }
    return render_table_csv(t);
  }
  const bool markdown = format == Format::markdown;
  Table t{{text_column("coalition"), text_column("as of"), text_column("taxonomy")}, {}, true};
  for (const auto& c : columns) t.columns.push_back(number_column(c));
  for (std::size_t r = 0; r < coalitions.size(); ++r) {
    auto& row = t.row();
    row = {coalitions[r]->name, text_or_missing(coalitions[r]->as_of), coalitions[r]->taxonomy.id};
    for (const auto& c : columns) {
      const FigureSpec* f = find_figure(c);
      row.push_back(figure_cell(f != nullptr ? f->kind : FigureKind::score, value(r, c)));
    }
  }
  std::string out = markdown ? "# Coalitions side by side\n\n" : "";
  out += render_table_text(t, markdown);
  return out;
}

}  // namespace xsector
