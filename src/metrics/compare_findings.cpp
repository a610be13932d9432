// The findings of a comparison, in plain language: what changed between two waves, or that
// the two files are different coalitions.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "metrics/compare_parts.hpp"
#include "metrics/wording.hpp"
#include "xsector/compare.hpp"

namespace xsector {

namespace {

const Delta* find_delta(const std::vector<Delta>& list, const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Delta& d) { return d.name == name; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

namespace detail {

std::vector<Finding> comparison_findings(const Comparison& out, const Coalition& a, const Coalition& b) {
  std::vector<Finding> findings;
  auto add = [&](Severity s, std::string code, std::string message, std::vector<std::string> subjects = {}) {
    findings.push_back({s, FindingArea::compare, std::move(code), std::move(message), std::move(subjects)});
  };
  if (!out.joined.empty() || !out.left.empty()) {
    add(Severity::info, "membership-change",
        fmt::format("{} member{} joined and {} left; {} stayed", out.joined.size(), out.joined.size() == 1 ? "" : "s",
                    out.left.size(), out.kept.size()));
  }
  auto sector_name = [&](const std::string& id) {
    if (const Sector* s = b.find_sector(id)) return s->name;
    if (const Sector* s = a.find_sector(id)) return s->name;
    return id;
  };
  for (const auto& id : out.sectors_covered)
    add(Severity::info, "sector-joined", sector_name(id) + " joined the table", {id});
  for (const auto& id : out.sectors_lost) {
    add(Severity::high, "sector-lost", sector_name(id) + " is no longer at the table", {id});
  }
  // Gaps that opened or closed between the waves (a sector that just joined is told above).
  auto gap = [&](GapKind kind) -> const GapChange* {
    const auto it = std::find_if(out.gaps.begin(), out.gaps.end(), [&](const GapChange& g) { return g.kind == kind; });
    return it == out.gaps.end() ? nullptr : &*it;
  };
  auto joined = [&](const std::vector<std::string>& key) {
    return std::find(out.sectors_covered.begin(), out.sectors_covered.end(), key[0]) != out.sectors_covered.end();
  };
  if (const GapChange* g = gap(GapKind::cut_off)) {
    for (const auto& k : g->opened) {
      add(Severity::high, "sector-cut-off", sector_name(k[0]) + " is now tied to no other sector", {k[0]});
    }
    for (const auto& k : g->closed) {
      add(Severity::info, "sector-reconnected", sector_name(k[0]) + " is tied to other sectors again", {k[0]});
    }
  }
  if (const GapChange* g = gap(GapKind::thin)) {
    for (const auto& k : g->opened) {
      if (!joined(k)) add(Severity::medium, "sector-thinned", sector_name(k[0]) + " now rests on one member", {k[0]});
    }
  }
  if (const GapChange* g = gap(GapKind::single_broker)) {
    for (const auto& k : g->opened) {
      add(Severity::medium, "single-broker-now",
          sector_name(k[0]) + "'s ties to other sectors now all go through one member", {k[0]});
    }
  }
  if (const GapChange* g = gap(GapKind::no_vote)) {
    for (const auto& k : g->opened) {
      if (!joined(k)) add(Severity::medium, "vote-lost", sector_name(k[0]) + " no longer has a vote", {k[0]});
    }
  }
  if (const Delta* d = find_delta(out.network, "density"); d && d->change && std::abs(*d->change) >= 0.005) {
    add(Severity::info, "density-change",
        fmt::format("Density {} from {:.2f} to {:.2f}", *d->change > 0 ? "rose" : "fell", *d->before, *d->after));
  }
  if (const Delta* d = find_delta(out.network, "backbone_betweenness_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    add(Severity::info, "backbone-brokerage-change",
        fmt::format("The backbone's share of betweenness {} from {} to {}", *d->change > 0 ? "rose" : "fell",
                    percent(*d->before), percent(*d->after)));
  }
  if (const Delta* d = find_delta(out.network, "community_led_power_share");
      d && d->change && std::abs(*d->change) >= 0.01) {
    add(Severity::info, "community-power-change",
        fmt::format("Community-led members' share of voting power {} from {} to {}", *d->change > 0 ? "rose" : "fell",
                    percent(*d->before), percent(*d->after)));
  }
  const Delta* biggest = nullptr;
  for (const auto& d : out.power) {
    if (d.change && (biggest == nullptr || std::abs(*d.change) > std::abs(*biggest->change))) biggest = &d;
  }
  if (biggest != nullptr && std::abs(*biggest->change) >= 0.01) {
    const auto i = b.member_index(biggest->name);
    const std::string& name = i ? b.members[*i].name : a.members[a.member_index(biggest->name).value()].name;
    add(Severity::info, "power-shift",
        fmt::format("{}'s share of voting power {} from {} to {}", name, *biggest->change > 0 ? "rose" : "fell",
                    percent(*biggest->before), percent(*biggest->after)),
        {biggest->name});
  }
  if (out.qap.correlation && out.qap.p_value) {
    const bool alike = *out.qap.p_value < 0.05;
    add(Severity::info, "qap",
        fmt::format("{} among the {} members in both waves correlate at r = {:.2f} (QAP p {}{}): {}",
                    out.qap.valued ? "Tie levels" : "Ties", out.qap.common_members, *out.qap.correlation,
                    p_value_text(out.qap).starts_with("<") ? "" : "= ", p_value_text(out.qap),
                    alike ? "the network kept its shape more than chance would"
                          : "no more alike than a random relabelling would be"));
  }
  return findings;
}

}  // namespace detail

void compare_as_coalitions(Comparison& out, const CoalitionMatch& match) {
  out.as_waves = false;
  out.kind_note = match.note;
  static const std::set<std::string_view> over_time = {
      "membership-change",      "sector-joined",     "sector-lost", "sector-cut-off",     "sector-reconnected",
      "sector-thinned",         "single-broker-now", "vote-lost",   "density-change",     "backbone-brokerage-change",
      "community-power-change", "power-shift",       "qap",         "respondents-changed"};
  std::erase_if(out.findings, [](const Finding& f) { return over_time.contains(f.code); });
  out.findings.insert(out.findings.begin(),
                      {Severity::info,
                       FindingArea::compare,
                       "different-coalitions",
                       fmt::format("Compared as two coalitions, not as waves of one: {}; members and sectors "
                                   "only in one file are differences, not departures",
                                   match.note),
                       {}});
}

}  // namespace xsector
