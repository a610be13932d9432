// What changed for each member in both waves (every member figure, and the largest changes),
// and who answered each wave's survey.

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "metrics/compare_parts.hpp"
#include "metrics/findings_parts.hpp"
#include "xsector/compare.hpp"
#include "xsector/figures.hpp"

namespace xsector::detail {

std::vector<MemberChange> member_changes(const Coalition& a, const Analysis& aa, const Analysis& ab,
                                         const std::vector<std::size_t>& common_a,
                                         const std::vector<std::size_t>& common_b) {
  std::vector<MemberChange> out;
  out.reserve(common_a.size());
  const auto specs = member_figure_table();
  for (std::size_t k = 0; k < common_a.size(); ++k) {
    MemberChange m{a.members[common_a[k]].id, {}};
    m.figures.reserve(specs.size());
    for (const MemberFigureSpec& f : specs) {
      Delta d{std::string(f.name), f.value(aa, common_a[k]), f.value(ab, common_b[k]), std::nullopt};
      if (d.before && d.after) d.change = *d.after - *d.before;
      m.figures.push_back(std::move(d));
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<RankedChange> largest_changes(const std::vector<MemberChange>& members, std::size_t limit) {
  const auto specs = member_figure_table();
  std::vector<RankedChange> out;
  for (std::size_t f = 0; f < specs.size(); ++f) {
    if (!specs[f].headline) continue;
    double scale = 0;
    for (const auto& m : members) {
      const Delta& d = m.figures[f];
      for (const auto& v : {d.before, d.after}) {
        if (v) scale = std::max(scale, std::abs(*v));
      }
    }
    if (scale == 0) continue;
    for (std::size_t i = 0; i < members.size(); ++i) {
      const Delta& d = members[i].figures[f];
      if (d.change && std::abs(*d.change) > 1e-12 * scale) out.push_back({i, f, std::abs(*d.change) / scale});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const RankedChange& x, const RankedChange& y) {
    if (x.size != y.size) return x.size > y.size;
    return x.member != y.member ? x.member < y.member : x.figure < y.figure;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Respondents respondent_sets(const Coalition& a, const Coalition& b) {
  Respondents out;
  if (!a.survey || !b.survey) return out;
  out.surveyed = true;
  std::set<std::string_view> before;
  std::set<std::string_view> after;
  for (const auto i : a.survey->respondents) before.insert(a.members[i].id);
  for (const auto i : b.survey->respondents) after.insert(b.members[i].id);
  for (const auto i : b.survey->respondents) {
    (before.contains(b.members[i].id) ? out.both : out.only_after).push_back(b.members[i].id);
  }
  for (const auto i : a.survey->respondents) {
    if (!after.contains(a.members[i].id)) out.only_before.push_back(a.members[i].id);
  }
  return out;
}

std::optional<Finding> respondents_finding(const Respondents& r, bool restricted) {
  if (!r.surveyed || (r.only_before.empty() && r.only_after.empty())) return std::nullopt;
  std::vector<std::string> subjects = r.only_before;
  subjects.insert(subjects.end(), r.only_after.begin(), r.only_after.end());
  return finding(Severity::low, FindingArea::compare, "respondents-changed", std::move(subjects),
                 {num("both", static_cast<double>(r.both.size())), ids("only_first", r.only_before),
                  ids("only_second", r.only_after), num("restricted", restricted ? 1 : 0)});
}

}  // namespace xsector::detail
