#include "xsector/trend.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "xsector/error.hpp"
#include "xsector/figures.hpp"

namespace xsector {

std::string wave_date(const Coalition& c) {
  if (!c.as_of.empty()) return c.as_of;
  return c.survey ? c.survey->fielded : std::string();
}

std::vector<std::size_t> trend_order(const std::vector<const Coalition*>& waves) {
  std::vector<std::string> dates;
  dates.reserve(waves.size());
  for (const Coalition* c : waves) dates.push_back(wave_date(*c));
  std::vector<std::size_t> order(waves.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (dates[x].empty() || dates[y].empty()) return !dates[x].empty() && dates[y].empty();
    return dates[x] < dates[y];
  });
  return order;
}

std::vector<std::string> default_trend_figures(const std::vector<const Coalition*>& waves) {
  const bool survey = std::any_of(waves.begin(), waves.end(), [](const Coalition* c) { return c->survey.has_value(); });
  const bool bodies =
      std::any_of(waves.begin(), waves.end(), [](const Coalition* c) { return !c->governance.empty(); });
  const bool people = std::any_of(waves.begin(), waves.end(), [](const Coalition* c) {
    return std::any_of(c->members.begin(), c->members.end(), [](const Member& m) { return !m.contacts.empty(); });
  });
  std::vector<std::string> out = {"degree", "betweenness"};
  if (survey) out.insert(out.end(), {"trust", "value"});
  if (bodies) out.emplace_back("power_share");
  if (people) out.emplace_back("handoff_readiness");
  return out;
}

Trend trend(const std::vector<const Coalition*>& waves, const std::vector<const Analysis*>& analyses,
            const std::vector<std::string>& member_figures) {
  std::vector<const MemberFigureSpec*> specs;
  for (const auto& name : member_figures) {
    const MemberFigureSpec* f = find_member_figure(name);
    if (f == nullptr) {
      std::vector<std::string_view> known;
      for (const auto& g : member_figure_table()) known.push_back(g.name);
      throw UsageError(fmt::format("--figures: '{}' is not a member figure; the member figures are {}", name,
                                   fmt::join(known, ", ")));
    }
    specs.push_back(f);
  }
  Trend out;
  out.member_figures = member_figures;
  const auto order = trend_order(waves);
  const std::size_t w = order.size();
  for (const auto i : order) out.waves.push_back({waves[i]->file, waves[i]->name, wave_date(*waves[i])});
  for (const FigureSpec& f : figure_table()) {
    out.network_names.emplace_back(f.name);
    Series s;
    s.reserve(w);
    for (const auto i : order) s.push_back(f.value(*analyses[i]));
    out.network.push_back(std::move(s));
  }
  std::unordered_map<std::string, std::size_t> where;
  for (std::size_t k = 0; k < w; ++k) {
    const Coalition& c = *waves[order[k]];
    const Analysis& a = *analyses[order[k]];
    for (std::size_t m = 0; m < c.members.size(); ++m) {
      auto [it, added] = where.emplace(c.members[m].id, out.members.size());
      if (added) {
        out.members.push_back({c.members[m].id, {}, std::vector<Series>(specs.size(), Series(w))});
      }
      TrendMember& row = out.members[it->second];
      row.name = c.members[m].name;  // the latest wave's name
      for (std::size_t f = 0; f < specs.size(); ++f) row.figures[f][k] = specs[f]->value(a, m);
    }
  }
  return out;
}

}  // namespace xsector
