// The findings of a comparison, as codes and facts: what changed between two waves, or that
// the two files are different coalitions (their sentences: src/outputs/finding_text.cpp).
#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "metrics/compare_parts.hpp"
#include "metrics/findings_parts.hpp"
#include "xsector/compare.hpp"

namespace xsector {

using detail::finding;
using detail::num;
using detail::txt;

namespace {

const Delta* find_delta(const std::vector<Delta>& list, const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Delta& d) { return d.name == name; });
  return it == list.end() ? nullptr : &*it;
}

Finding compare_finding(Severity s, std::string code, std::vector<std::string> subjects = {},
                        std::vector<Fact> facts = {}) {
  return finding(s, FindingArea::compare, std::move(code), std::move(subjects), std::move(facts));
}

/// A change of a figure as facts: `before`, `after` and `change`.
std::vector<Fact> change_facts(const Delta& d) {
  return {num("before", *d.before), num("after", *d.after), num("change", *d.change)};
}

/// Sectors that joined or left the table, and gaps that opened or closed between the waves (a
/// sector that just joined is told once, as joined).
void sector_changes(const Comparison& out, std::vector<Finding>& findings) {
  for (const auto& id : out.sectors_covered) findings.push_back(compare_finding(Severity::info, "sector-joined", {id}));
  for (const auto& id : out.sectors_lost) findings.push_back(compare_finding(Severity::high, "sector-lost", {id}));
  auto gap = [&](GapKind kind) -> const GapChange* {
    const auto it = std::find_if(out.gaps.begin(), out.gaps.end(), [&](const GapChange& g) { return g.kind == kind; });
    return it == out.gaps.end() ? nullptr : &*it;
  };
  auto joined = [&](const std::vector<std::string>& key) {
    return std::find(out.sectors_covered.begin(), out.sectors_covered.end(), key[0]) != out.sectors_covered.end();
  };
  auto opened = [&](GapKind kind, Severity s, const char* code, bool unless_joined) {
    if (const GapChange* g = gap(kind)) {
      for (const auto& k : g->opened) {
        if (!unless_joined || !joined(k)) findings.push_back(compare_finding(s, code, {k[0]}));
      }
    }
  };
  opened(GapKind::cut_off, Severity::high, "sector-cut-off", false);
  if (const GapChange* g = gap(GapKind::cut_off)) {
    for (const auto& k : g->closed) findings.push_back(compare_finding(Severity::info, "sector-reconnected", {k[0]}));
  }
  opened(GapKind::thin, Severity::medium, "sector-thinned", true);
  opened(GapKind::single_broker, Severity::medium, "single-broker-now", false);
  opened(GapKind::no_vote, Severity::medium, "vote-lost", true);
}

/// Density, the backbone's brokerage and community-led power when they moved, the largest
/// shift of one member's power, and the QAP.
void figure_changes(const Comparison& out, std::vector<Finding>& findings) {
  if (const Delta* d = find_delta(out.network, "density"); d && d->change && std::abs(*d->change) >= 0.005) {
    findings.push_back(compare_finding(Severity::info, "density-change", {}, change_facts(*d)));
  }
  if (const Delta* d = find_delta(out.network, "backbone_betweenness_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    findings.push_back(compare_finding(Severity::info, "backbone-brokerage-change", {}, change_facts(*d)));
  }
  if (const Delta* d = find_delta(out.network, "community_led_power_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    findings.push_back(compare_finding(Severity::info, "community-power-change", {}, change_facts(*d)));
  }
  const Delta* biggest = nullptr;
  for (const auto& d : out.power) {
    if (d.change && (biggest == nullptr || std::abs(*d.change) > std::abs(*biggest->change))) biggest = &d;
  }
  if (biggest != nullptr && std::abs(*biggest->change) >= 0.01) {
    findings.push_back(compare_finding(Severity::info, "power-shift", {biggest->name}, change_facts(*biggest)));
  }
  if (out.qap.correlation && out.qap.p_value) {
    findings.push_back(compare_finding(
        Severity::info, "qap", {},
        {num("valued", out.qap.valued ? 1 : 0), num("members", static_cast<double>(out.qap.common_members)),
         num("correlation", *out.qap.correlation), num("p_value", *out.qap.p_value),
         txt("p_value_text", p_value_text(out.qap))}));
  }
}

}  // namespace

namespace detail {

std::vector<Finding> comparison_findings(const Comparison& out) {
  std::vector<Finding> findings;
  if (!out.joined.empty() || !out.left.empty()) {
    findings.push_back(compare_finding(
        Severity::info, "membership-change", {},
        {num("joined", static_cast<double>(out.joined.size())), num("left", static_cast<double>(out.left.size())),
         num("kept", static_cast<double>(out.kept.size()))}));
  }
  sector_changes(out, findings);
  figure_changes(out, findings);
  return findings;
}

}  // namespace detail

Finding waves_reordered(std::string earlier_file, std::string earlier_date, std::string later_file,
                        std::string later_date) {
  return compare_finding(Severity::info, "waves-reordered", {},
                         {txt("earlier_file", std::move(earlier_file)), txt("earlier_date", std::move(earlier_date)),
                          txt("later_file", std::move(later_file)), txt("later_date", std::move(later_date))});
}

void compare_as_coalitions(Comparison& out, const CoalitionMatch& match) {
  out.as_waves = false;
  out.kind_note = match.note;
  static const std::set<std::string_view> over_time = {
      "membership-change",      "sector-joined",     "sector-lost", "sector-cut-off",     "sector-reconnected",
      "sector-thinned",         "single-broker-now", "vote-lost",   "density-change",     "backbone-brokerage-change",
      "community-power-change", "power-shift",       "qap",         "respondents-changed"};
  std::erase_if(out.findings, [](const Finding& f) { return over_time.contains(f.code); });
  out.findings.insert(out.findings.begin(),
                      compare_finding(Severity::info, "different-coalitions", {}, {txt("note", match.note)}));
}

}  // namespace xsector
