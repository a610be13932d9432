// The parts of `xsector compare` about members and respondents: each member's figures before
// and after, the largest changes, who answered each wave's survey, and the CSV of every change.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/text.hpp"
#include "outputs/output_compare_parts.hpp"

namespace xsector::detail {

namespace {

std::string member_name(const Coalition& c, const std::string& id) {
  const auto i = c.member_index(id);
  return i ? c.members[*i].name : id;
}

}  // namespace

ordered_json members_changed_json(const Comparison& cmp) {
  ordered_json out = ordered_json::array();
  const auto specs = member_figure_table();
  for (const auto& m : cmp.members_changed) {
    ordered_json figures = ordered_json::object();
    for (std::size_t f = 0; f < m.figures.size() && f < specs.size(); ++f) {
      const Delta& d = m.figures[f];
      figures[d.name] = {{"before", figure_json(specs[f].kind, d.before)},
                         {"after", figure_json(specs[f].kind, d.after)},
                         {"change", number_or_null(d.change)}};
    }
    out.push_back({{"id", m.id}, {"figures", std::move(figures)}});
  }
  return out;
}

ordered_json respondents_json(const Comparison& cmp) {
  if (!cmp.respondents.surveyed) return nullptr;
  return {{"both", cmp.respondents.both},
          {"only_before", cmp.respondents.only_before},
          {"only_after", cmp.respondents.only_after}};
}

std::string ties_compared_note(const Comparison& cmp) {
  if (!cmp.respondents_both) return {};
  return fmt::format("Ties compared only between the {} members who answered both surveys (--respondents both).",
                     cmp.respondents.both.size());
}

Table largest_changes_table(const Coalition& b, const Comparison& cmp, bool markdown) {
  Table t{{text_column("member"), text_column("figure"), text_column("before").right(), text_column("after").right(),
           text_column("change").right()},
          {},
          true};
  const auto specs = member_figure_table();
  for (const RankedChange& r : cmp.largest_changes) {
    const MemberChange& m = cmp.members_changed[r.member];
    const MemberFigureSpec& f = specs[r.figure];
    const Delta& d = m.figures[r.figure];
    t.rows.push_back({user_text(member_name(b, m.id), markdown), std::string(f.label), figure_display(f.kind, d.before),
                      figure_display(f.kind, d.after), change_display(f.kind, d.change)});
  }
  return t;
}

std::string respondents_text(const Coalition& a, const Coalition& b, const Comparison& cmp, bool markdown) {
  const Respondents& r = cmp.respondents;
  auto names = [&](const Coalition& c, const std::vector<std::string>& ids) {
    if (ids.empty()) return std::string("none");
    std::vector<std::string> list;
    list.reserve(ids.size());
    for (const auto& id : ids) list.push_back(user_text(member_name(c, id), markdown));
    return fmt::format("{}: {}", ids.size(), fmt::join(list, ", "));
  };
  auto item = [&](std::string_view key, const std::string& value) {
    return markdown ? fmt::format("- **{}**: {}\n", key, value) : fmt::format("  {:<19}{}\n", key, value);
  };
  std::string out = item("answered both", names(b, r.both));
  out += item("only the first", names(a, r.only_before));
  out += item("only the second", names(b, r.only_after));
  return out;
}

Table comparison_csv_table(const Comparison& cmp) {
  Table t{{text_column("part"), text_column("member"), text_column("figure"), text_column("label"),
           number_column("before"), number_column("after"), number_column("change")},
          {},
          true};
  for (const auto& d : cmp.network) {
    const FigureSpec* f = find_figure(d.name);
    const FigureKind kind = f != nullptr ? f->kind : FigureKind::score;
    t.rows.push_back({"network", Cell{}, d.name, f != nullptr ? std::string(f->label) : d.name,
                      figure_cell(kind, d.before), figure_cell(kind, d.after), number_cell(d.change)});
  }
  const std::string scope = cmp.respondents_both ? " (between members who answered both surveys)" : "";
  const std::pair<const char*, const std::vector<TieChange>*> ties[] = {{"formed", &cmp.ties.formed},
                                                                        {"dissolved", &cmp.ties.dissolved},
                                                                        {"strengthened", &cmp.ties.strengthened},
                                                                        {"weakened", &cmp.ties.weakened},
                                                                        {"direction_changed", &cmp.ties.redirected}};
  for (const auto& [name, list] : ties) {
    t.rows.push_back({"ties", Cell{}, std::string(name), fmt::format("ties {}{}", name, scope), Cell{}, Cell{},
                      integer_cell(list->size())});
  }
  const auto specs = member_figure_table();
  for (const auto& m : cmp.members_changed) {
    for (std::size_t f = 0; f < m.figures.size() && f < specs.size(); ++f) {
      const Delta& d = m.figures[f];
      t.rows.push_back({"member", m.id, d.name, std::string(specs[f].label), figure_cell(specs[f].kind, d.before),
                        figure_cell(specs[f].kind, d.after), number_cell(d.change)});
    }
  }
  return t;
}

}  // namespace xsector::detail
