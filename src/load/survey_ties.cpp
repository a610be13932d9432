// The ties a partner survey makes (include/xsector/survey_ties.hpp, docs/surveys.md).
#include "xsector/survey_ties.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace xsector {

std::string_view to_string(PairStatus status) {
  switch (status) {
    case PairStatus::confirmed: return "confirmed";
    case PairStatus::one_sided: return "one-sided";
    case PairStatus::written: return "written";
  }
  return "one-sided";
}

namespace {

std::uint64_t pair_key(std::size_t a, std::size_t b) {
  const auto [lo, hi] = std::minmax(a, b);
  return (static_cast<std::uint64_t>(lo) << 32U) | static_cast<std::uint64_t>(hi);
}

}  // namespace

std::vector<ReportedPair> reported_pairs(const Coalition& c) {
  std::vector<ReportedPair> out;
  if (!c.survey) return out;
  const auto& responses = c.survey->responses;
  std::unordered_map<std::uint64_t, std::size_t> index;
  index.reserve(responses.size());
  for (std::size_t r = 0; r < responses.size(); ++r) {
    const Response& resp = responses[r];
    const auto [it, inserted] = index.emplace(pair_key(resp.by, resp.about), out.size());
    if (inserted) {
      ReportedPair p;
      p.a = std::min(resp.by, resp.about);
      p.b = std::max(resp.by, resp.about);
      out.push_back(p);
    }
    ReportedPair& p = out[it->second];
    (resp.by == p.a ? p.a_names_b : p.b_names_a) = r;
    p.confirmed = p.a_names_b && p.b_names_a;
  }
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    const Tie& tie = c.ties[t];
    const auto it = index.find(pair_key(tie.a, tie.b));
    if (it == index.end()) continue;
    ReportedPair& p = out[it->second];
    if (!tie.from_survey) p.written = true;
    // The pair's tie is its written tie of the highest level (the first of them), as every
    // weighted figure reads the pair: two opposite from/to ties of levels 2 and 3 give 3.
    if (!p.tie || (c.ties[*p.tie].from_survey && !tie.from_survey) ||
        (!tie.from_survey && tie.level > c.ties[*p.tie].level)) {
      p.tie = t;
    }
  }
  return out;
}

TieLevel reported_level(const Survey& survey, const ReportedPair& pair) {
  int level = 4;
  for (const auto& r : {pair.a_names_b, pair.b_names_a}) {
    if (!r) continue;
    const auto& given = survey.responses[*r].level;
    level = std::min(level, static_cast<int>(given.value_or(TieLevel::networking)));
  }
  return static_cast<TieLevel>(level);
}

void add_survey_ties(Coalition& c) {
  std::erase_if(c.ties, [](const Tie& t) { return t.from_survey; });
  if (!c.survey) return;
  const Survey& s = *c.survey;
  for (const ReportedPair& p : reported_pairs(c)) {
    if (p.written) continue;
    if (s.tie_rule == TieRule::both && !p.confirmed) continue;
    const std::size_t first = std::min(p.a_names_b.value_or(SIZE_MAX), p.b_names_a.value_or(SIZE_MAX));
    Tie tie;
    tie.a = s.responses[first].by;
    tie.b = s.responses[first].about;
    tie.level = reported_level(s, p);
    tie.form = TieForm::between;
    tie.pos = s.responses[first].pos;
    tie.from_survey = true;
    std::vector<std::size_t> order;  // the pair's responses, first in the file first
    for (const auto& r : {p.a_names_b, p.b_names_a}) {
      if (r) order.push_back(*r);
    }
    std::sort(order.begin(), order.end());
    for (const auto r : order) {
      for (const auto& k : s.responses[r].kinds) {
        if (std::find(tie.kinds.begin(), tie.kinds.end(), k) == tie.kinds.end()) tie.kinds.push_back(k);
      }
    }
    c.ties.push_back(std::move(tie));
  }
}

}  // namespace xsector
