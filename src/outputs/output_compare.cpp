// The views of `xsector compare`: two waves or coalitions, and many side by side.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_compare_parts.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "outputs/table.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace {

std::string level_name(int level) { return level == 0 ? "none" : std::string(to_string(static_cast<TieLevel>(level))); }

/// A member's name in the later wave, else the earlier, else its id.
std::string name_of(const Coalition& a, const Coalition& b, const std::string& id, bool markdown) {
  if (const auto i = b.member_index(id)) return user_text(b.members[*i].name, markdown);
  if (const auto i = a.member_index(id)) return user_text(a.members[*i].name, markdown);
  return id;
}

/// A sector's name in the later wave's taxonomy, else the earlier's, else its id.
std::string sector_name(const Coalition& a, const Coalition& b, const std::string& id) {
  if (const Sector* s = b.find_sector(id)) return s->name;
  if (const Sector* s = a.find_sector(id)) return s->name;
  return id;
}

std::string tie_line(const Coalition& a, const Coalition& b, const std::vector<TieChange>& list, bool markdown) {
  if (list.empty()) return "none";
  std::vector<std::string> parts;
  for (const auto& t : list) {
    std::string part = fmt::format("{} – {}", name_of(a, b, t.a, markdown), name_of(a, b, t.b, markdown));
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

/// The coalition-wide figures before and after, and their change, by label: shares as
/// percentages and their changes in points.
Table network_table(const Comparison& cmp) {
  Table t{{text_column("figure"), text_column("before").right(), text_column("after").right(),
           text_column("change").right()},
          {},
          true};
  for (const auto& d : cmp.network) {
    const FigureSpec* f = find_figure(d.name);
    const FigureKind kind = f != nullptr ? f->kind : FigureKind::score;
    t.rows.push_back({f != nullptr ? std::string(f->label) : d.name, figure_display(kind, d.before),
                      figure_display(kind, d.after), change_display(kind, d.change)});
  }
  return t;
}

/// How one kind of gap changed: "2 -> 1; new: x; closed: y, z", sectors by name ("a/b" for a
/// pair).
std::string gap_line(const Coalition& a, const Coalition& b, const GapChange& g) {
  if (!g.before || !g.after) return "- (a file describes no decision body)";
  std::string line = fmt::format("{} -> {}", *g.before, *g.after);
  auto add = [&](std::string_view what, const std::vector<std::vector<std::string>>& keys) {
    if (keys.empty()) return;
    std::vector<std::string> parts(keys.size());
    std::transform(keys.begin(), keys.end(), parts.begin(), [&](const std::vector<std::string>& key) {
      std::vector<std::string> names(key.size());
      std::transform(key.begin(), key.end(), names.begin(),
                     [&](const std::string& id) { return sector_name(a, b, id); });
      return fmt::format("{}", fmt::join(names, "/"));
    });
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

/// "- **key**: value" in Markdown, an aligned "  key  value" line in the terminal.
std::string item_line(bool markdown, std::string_view key, const std::string& value) {
  return markdown ? fmt::format("- **{}**: {}\n", key, value) : fmt::format("  {:<19}{}\n", key, value);
}

/// The comparison's Sectors and Power parts.
void sectors_and_power(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown, TextReport& doc) {
  std::string* out = &doc.section("Sectors");
  auto item = [&](std::string_view key, const std::string& value) { *out += item_line(markdown, key, value); };
  Table sectors{{text_column("sector")}, {}, true};
  for (const char* name : {"members", "ties within", "ties to other sectors", "E-I index"}) {
    sectors.columns.push_back(text_column(name).right());
  }
  auto pair = [](const Delta& d, int digits) {
    return fmt::format("{} -> {}", fixed(d.before, digits), fixed(d.after, digits));
  };
  for (const auto& s : cmp.sectors) {
    sectors.rows.push_back({sector_name(a, b, s.sector), pair(s.members, 0), pair(s.internal_ties, 0),
                            pair(s.external_ties, 0), pair(s.ei_index, 2)});
  }
  *out += render_table_text(sectors, markdown);
  if (markdown) *out += "\n";
  std::vector<std::string> covered;
  std::vector<std::string> lost;
  for (const auto& id : cmp.sectors_covered) covered.push_back(sector_name(a, b, id));
  for (const auto& id : cmp.sectors_lost) lost.push_back(sector_name(a, b, id));
  auto list = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string("none") : fmt::format("{}: {}", v.size(), fmt::join(v, ", "));
  };
  item("sectors covered", list(covered));
  item("sectors lost", list(lost));
  for (const auto& g : cmp.gaps) item(gap_label(g.kind), gap_line(a, b, g));
  out = &doc.section("Power");
  Table power{{text_column("member"), text_column("power before").right(), text_column("power after").right(),
               text_column("change").right()},
              {},
              true};
  for (const auto& d : cmp.power) {
    if (d.before.value_or(0.0) == 0.0 && d.after.value_or(0.0) == 0.0) continue;
    power.rows.push_back({name_of(a, b, d.name, markdown), figure_display(FigureKind::share, d.before),
                          figure_display(FigureKind::share, d.after), change_display(FigureKind::share, d.change)});
  }
  *out += !power.rows.empty() ? render_table_text(power, markdown) : std::string(markdown ? "none\n" : "  none\n");
  for (const auto& body : cmp.bodies) {
    *out += fmt::format("{}{}: effective decision makers {} -> {}{}\n", markdown ? "- " : "  ", body.body,
                        fixed(body.effective_decision_makers.before, 2), fixed(body.effective_decision_makers.after, 2),
                        !body.in_before ? " (new body)" : (!body.in_after ? " (body gone)" : ""));
  }
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
  auto names = [&](const Coalition& c, const std::vector<std::string>& ids) {
    std::vector<std::string> v;
    v.reserve(ids.size());
    for (const auto& id : ids) v.push_back(name_of(c, c, id, markdown));
    return v.empty() ? std::string("none") : fmt::format("{}: {}", v.size(), fmt::join(v, ", "));
  };
  if (!cmp.as_waves)
    *out += fmt::format("{}compared as two coalitions, not waves: {}\n", markdown ? "\n" : "",
                        user_text(cmp.kind_note, markdown));
  if (cmp.respondents_both) *out += fmt::format("{}{}\n", markdown ? "\n" : "", ties_compared_note(cmp));
  section("Members");
  item(cmp.as_waves ? "joined" : "only in second", names(b, cmp.joined));
  item(cmp.as_waves ? "left" : "only in first", names(a, cmp.left));
  item("in both", fmt::format("{}", cmp.kept.size()));
  std::vector<std::string> renames;
  for (const auto& r : cmp.renamed) {
    std::string text = user_text(r.name_after, markdown);
    if (r.name_before != r.name_after) text += fmt::format(" (was '{}')", user_text(r.name_before, markdown));
    if (r.sector_before != r.sector_after) {
      text += fmt::format(" sector {} -> {}", sector_name(a, b, r.sector_before), sector_name(a, b, r.sector_after));
    }
    renames.push_back(text);
  }
  item("renamed",
       renames.empty() ? std::string("none") : fmt::format("{}: {}", renames.size(), fmt::join(renames, ", ")));
  if (!cmp.largest_changes.empty()) {
    section("Largest changes of members in both waves");
    *out += render_table_text(largest_changes_table(b, cmp, markdown), markdown);
  }
  if (cmp.respondents.surveyed) {
    section("Who answered the surveys");
    *out += respondents_text(a, b, cmp, markdown);
  }
  section(cmp.respondents_both ? "Ties between members who answered both surveys" : "Ties");
  item("formed", tie_line(a, b, cmp.ties.formed, markdown));
  item("dissolved", tie_line(a, b, cmp.ties.dissolved, markdown));
  item("strengthened", tie_line(a, b, cmp.ties.strengthened, markdown));
  item("weakened", tie_line(a, b, cmp.ties.weakened, markdown));
  item("direction changed", tie_line(a, b, cmp.ties.redirected, markdown));
  section("Network");
  *out += render_table_text(network_table(cmp), markdown);
  sectors_and_power(a, b, cmp, markdown, doc);
  section("QAP correlation");
  const Qap& q = cmp.qap;
  const std::string p_text = p_value_text(q);
  *out += fmt::format("{}{}r = {} over {} common members{}, p {}{} ({} {} relabellings, seed {})\n",
                      markdown ? "" : "  ", q.valued ? "tie levels: " : "", fixed(q.correlation), q.common_members,
                      cmp.respondents_both ? " who answered both surveys" : "", p_text.starts_with("<") ? "" : "= ",
                      p_text, q.exact ? "exact over all" : "random", q.permutations, q.seed);
  section("Findings");
  *out += findings_text(cmp.findings, FindingNames(a, b), markdown);
  return doc;
}

std::string format_comparison(Format format, const Coalition& a, const Coalition& b, const Comparison& cmp) {
  switch (format) {
    case Format::table: return detail::terminal_safe(render_text(comparison_report(a, b, cmp, false), false), true);
    case Format::markdown: return render_text(comparison_report(a, b, cmp, true), true);
    case Format::csv: return render_table_csv(comparison_csv_table(cmp));
    case Format::json: return comparison_json(a, b, cmp);
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
  for (const auto& c : columns) {
    const FigureSpec* f = find_figure(c);
    t.columns.push_back(text_column(f != nullptr ? std::string(f->label) : c).right());
  }
  for (std::size_t r = 0; r < coalitions.size(); ++r) {
    auto& row = t.row();
    row = {coalitions[r]->name, text_or_missing(coalitions[r]->as_of), coalitions[r]->taxonomy.id};
    for (const auto& c : columns) {
      const FigureSpec* f = find_figure(c);
      row.push_back(figure_display(f != nullptr ? f->kind : FigureKind::score, value(r, c)));
    }
  }
  std::string out = markdown ? "# Coalitions side by side\n\n" : "";
  out += render_table_text(t, markdown);
  return out;
}

}  // namespace xsector
