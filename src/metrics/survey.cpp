// Partner surveys: reported pairs, the ties they make, directed figures, trust and value.
#include "xsector/survey.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "metrics/findings_parts.hpp"

namespace xsector {

using detail::finding;
using detail::ids;
using detail::num;

std::string_view to_string(Frequency f) {
  switch (f) {
    case Frequency::never: return "never";
    case Frequency::yearly: return "yearly";
    case Frequency::quarterly: return "quarterly";
    case Frequency::monthly: return "monthly";
    case Frequency::weekly: return "weekly";
    case Frequency::daily: return "daily";
  }
  return "never";
}

std::string_view to_string(TieRule rule) { return rule == TieRule::both ? "both" : "any"; }

namespace {

/// Running mean that stays null until the first value.
struct Mean {
  double sum = 0;
  std::size_t count = 0;
  void add(std::optional<double> v) {
    if (v) {
      sum += *v;
      ++count;
    }
  }
  [[nodiscard]] std::optional<double> get() const {
    return count == 0 ? std::nullopt : std::optional<double>(sum / static_cast<double>(count));
  }
};

std::optional<double> item_mean(const std::array<std::optional<int>, 3>& items) {
  Mean m;
  for (const auto& i : items) {
    if (i) m.add(static_cast<double>(*i));
  }
  return m.get();
}

// The cells of trust by sector from (from, to, trust) per response: sorted and merged.
SectorTrust sector_trust(std::vector<std::tuple<std::size_t, std::size_t, std::optional<double>>> rated) {
  std::stable_sort(rated.begin(), rated.end(), [](const auto& x, const auto& y) {
    return std::pair(std::get<0>(x), std::get<1>(x)) < std::pair(std::get<0>(y), std::get<1>(y));
  });
  SectorTrust out;
  Mean mean;
  for (std::size_t i = 0; i < rated.size(); ++i) {
    const auto& [from, to, trust] = rated[i];
    mean.add(trust);
    const bool last = i + 1 == rated.size() || std::get<0>(rated[i + 1]) != from || std::get<1>(rated[i + 1]) != to;
    if (!last) continue;
    out.cells.push_back({from, to, mean.get(), mean.count});
    mean = Mean();
  }
  return out;
}

const SectorTrust::Cell* find_cell(const SectorTrust& t, std::size_t from, std::size_t to) {
  const auto it = std::lower_bound(t.cells.begin(), t.cells.end(), std::pair(from, to),
                                   [](const SectorTrust::Cell& c, const std::pair<std::size_t, std::size_t>& key) {
                                     return std::pair(c.from, c.to) < key;
                                   });
  return it != t.cells.end() && it->from == from && it->to == to ? &*it : nullptr;
}

// The pair counts and the confirmation rate of `out.pairs` (members already filled).
void count_pairs(SurveyFigures& out) {
  for (const ReportedPair& p : out.pairs) {
    ++out.reported_pairs;
    if (p.confirmed) ++out.confirmed_pairs;
    // Counted by status, as each pair is listed: a written pair is `written`, not one-sided.
    if (p.status() == PairStatus::one_sided) ++out.one_sided_pairs;
    if (p.written) ++out.written_pairs;
    if (out.members[p.a].respondent && out.members[p.b].respondent) ++out.pairs_both_responded;
  }
  if (out.pairs_both_responded > 0) {
    out.confirmation_rate = static_cast<double>(out.confirmed_pairs) / static_cast<double>(out.pairs_both_responded);
  }
}

}  // namespace

std::optional<double> SectorTrust::trust(std::size_t from, std::size_t to) const {
  const Cell* cell = find_cell(*this, from, to);
  return cell != nullptr ? cell->trust : std::nullopt;
}

std::size_t SectorTrust::responses(std::size_t from, std::size_t to) const {
  const Cell* cell = find_cell(*this, from, to);
  return cell != nullptr ? cell->responses : 0;
}

std::optional<double> response_trust(const Response& response) { return item_mean(response.trust); }
std::optional<double> response_value(const Response& response) { return item_mean(response.value); }

SurveyFigures survey_figures(const Coalition& c, const SectorIndex& sectors) {
  SurveyFigures out;
  if (!c.survey) return out;
  const Survey& s = *c.survey;
  const std::size_t n = c.members.size();
  out.present = true;
  out.respondents = s.respondents.size();
  out.responses = s.responses.size();
  if (n > 0) out.response_rate = static_cast<double>(s.respondents.size()) / static_cast<double>(n);
  out.members.resize(n);
  for (const auto r : s.respondents) {
    out.members[r].respondent = true;
    out.members[r].out_degree = 0;
  }

  std::unordered_set<std::uint64_t> arcs;  // by << 32 | about
  arcs.reserve(s.responses.size());
  for (const Response& r : s.responses) {
    arcs.insert((static_cast<std::uint64_t>(r.by) << 32U) | static_cast<std::uint64_t>(r.about));
  }

  // (from sector, to sector, trust) of every response whose two members have a sector.
  std::vector<std::tuple<std::size_t, std::size_t, std::optional<double>>> by_sector;
  by_sector.reserve(s.responses.size());
  std::vector<Mean> trust(n), value(n), given(n);
  std::vector<std::array<Mean, 3>> trust_items(n), value_items(n);
  std::vector<std::size_t> named_back(n, 0);
  Mean all_trust, all_value;
  for (const Response& r : s.responses) {
    SurveyMember& about = out.members[r.about];
    SurveyMember& by = out.members[r.by];
    ++about.in_degree;
    by.out_degree = by.out_degree.value_or(0) + 1;
    if (arcs.contains((static_cast<std::uint64_t>(r.about) << 32U) | static_cast<std::uint64_t>(r.by))) {
      ++named_back[r.by];
    }
    const auto t = response_trust(r);
    const auto v = response_value(r);
    trust[r.about].add(t);
    value[r.about].add(v);
    given[r.by].add(t);
    all_trust.add(t);
    all_value.add(v);
    for (std::size_t i = 0; i < 3; ++i) {
      if (r.trust[i]) trust_items[r.about][i].add(static_cast<double>(*r.trust[i]));
      if (r.value[i]) value_items[r.about][i].add(static_cast<double>(*r.value[i]));
    }
    if (r.by < sectors.sector_of.size() && r.about < sectors.sector_of.size()) {
      by_sector.emplace_back(sectors.sector_of[r.by], sectors.sector_of[r.about], t);
    }
  }
  for (std::size_t v = 0; v < n; ++v) {
    SurveyMember& m = out.members[v];
    if (m.respondent && m.out_degree && *m.out_degree > 0) {
      m.reciprocity = static_cast<double>(named_back[v]) / static_cast<double>(*m.out_degree);
    }
    m.trust = trust[v].get();
    m.value = value[v].get();
    m.trust_given = given[v].get();
    for (std::size_t i = 0; i < 3; ++i) {
      m.trust_items[i] = trust_items[v][i].get();
      m.value_items[i] = value_items[v][i].get();
    }
  }
  if (auto t = all_trust.get()) out.trust_score = *t / 4.0;
  if (auto v = all_value.get()) out.value_score = *v / 4.0;

  out.trust_by_sector = sector_trust(std::move(by_sector));

  out.pairs = reported_pairs(c);
  count_pairs(out);
  return out;
}

namespace {

constexpr std::size_t max_listed = 5;

// The one-sided-ties finding: pairs both members answered where only one names the other.
// Facts: `count`, and the first pairs as `namers` and `named` (member ids).
std::optional<Finding> one_sided_finding(const Coalition& c, const SurveyFigures& s) {
  std::vector<std::string> namers;
  std::vector<std::string> named_ids;
  std::vector<std::string> subjects;
  std::unordered_set<std::size_t> named;  // members already among the subjects
  std::size_t count = 0;
  for (const ReportedPair& p : s.pairs) {
    if (p.confirmed || !s.members[p.a].respondent || !s.members[p.b].respondent) continue;
    ++count;
    const std::size_t namer = p.a_names_b ? p.a : p.b;
    const std::size_t other = namer == p.a ? p.b : p.a;
    if (namers.size() < max_listed) {
      namers.push_back(c.members[namer].id);
      named_ids.push_back(c.members[other].id);
    }
    for (const auto v : {namer, other}) {
      if (named.insert(v).second) subjects.push_back(c.members[v].id);
    }
  }
  if (count == 0) return std::nullopt;
  return finding(
      Severity::low, FindingArea::survey, "one-sided-ties", subjects,
      {num("count", static_cast<double>(count)), ids("namers", std::move(namers)), ids("named", std::move(named_ids))});
}

}  // namespace

std::vector<Finding> survey_findings(const Coalition& c, const SectorIndex& sectors, const SurveyFigures& s) {
  std::vector<Finding> out;
  if (!s.present) return out;
  const std::size_t n = c.members.size();

  if (s.response_rate && *s.response_rate < min_response_rate) {
    std::vector<std::string> missing;
    for (std::size_t v = 0; v < n; ++v) {
      if (!s.members[v].respondent) missing.push_back(c.members[v].id);
    }
    out.push_back(finding(
        *s.response_rate < 0.5 ? Severity::medium : Severity::low, FindingArea::survey, "low-response-rate", missing,
        {num("respondents", static_cast<double>(s.respondents)), num("members", static_cast<double>(n)),
         num("rate", *s.response_rate), num("minimum", min_response_rate)}));
  }

  // Being named rarely says something only when several members answered.
  if (s.respondents >= 3) {
    std::vector<std::string> rare;
    for (std::size_t v = 0; v < n; ++v) {
      const std::size_t others = s.respondents - (s.members[v].respondent ? 1 : 0);
      if (others >= 2 && s.members[v].in_degree <= 1) rare.push_back(c.members[v].id);
    }
    if (!rare.empty()) {
      out.push_back(finding(Severity::low, FindingArea::survey, "rarely-named", rare,
                            {num("listed", static_cast<double>(max_listed))}));
    }
  }

  if (auto f = one_sided_finding(c, s)) out.push_back(std::move(*f));

  for (const SectorTrust::Cell& cell : s.trust_by_sector.cells) {  // in (from, to) order
    const std::size_t a = cell.from;
    const std::size_t b = cell.to;
    if (a == b || !cell.trust || cell.responses < 2 || *cell.trust >= low_trust) continue;
    out.push_back(finding(Severity::low, FindingArea::survey, "low-trust-between-sectors",
                          {sectors.sectors[a].id, sectors.sectors[b].id},
                          {num("trust", *cell.trust), num("responses", static_cast<double>(cell.responses))}));
  }

  if (!c.governance.empty()) {
    std::vector<bool> seated(n, false);
    for (const Body& body : c.governance) {
      for (const Seat& seat : body.seats) seated[seat.member] = true;
    }
    for (std::size_t v = 0; v < n; ++v) {
      const auto& resources = s.members[v].value_items[2];
      if (seated[v] || !resources || *resources < high_resources) continue;
      out.push_back(finding(Severity::low, FindingArea::survey, "valued-without-seat", {c.members[v].id},
                            {num("resources", *resources)}));
    }
  }
  return out;
}

}  // namespace xsector
