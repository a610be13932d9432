#include "xsector/resilience.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "metrics/cut_analysis.hpp"

namespace xsector {

namespace {

std::optional<double> fragmentation_of(double members, double connected_pairs) {
  if (members < 2) return std::nullopt;
  return 1.0 - connected_pairs / (members * (members - 1));
}

}  // namespace

std::optional<double> fragmentation(const Network& g, std::optional<std::size_t> removed) {
  const std::size_t n = g.size();
  std::vector<char> seen(n, 0);
  if (removed) seen[*removed] = 1;
  std::vector<std::uint32_t> stack;
  double connected = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (seen[s]) continue;
    seen[s] = 1;
    stack.push_back(static_cast<std::uint32_t>(s));
    double size = 0;
    while (!stack.empty()) {
      const std::uint32_t u = stack.back();
      stack.pop_back();
      ++size;
      for (const auto v : g.neighbors(u)) {
        if (!seen[v]) {
          seen[v] = 1;
          stack.push_back(v);
        }
      }
    }
    connected += size * (size - 1);
  }
  return fragmentation_of(static_cast<double>(n - (removed ? 1 : 0)), connected);
}

std::vector<std::pair<std::size_t, std::size_t>> bridges(const Network& g) { return detail::cut_analysis(g).bridges; }

Resilience resilience(const Coalition& c, const Network& g, const SectorIndex& sectors, const CoalitionPower& power) {
  Resilience out;
  const std::size_t n = c.members.size();
  detail::CutAnalysis cuts = detail::cut_analysis(g);
  std::uint64_t connected = 0;  // ordered pairs that reach each other
  for (const auto s : cuts.component_size) connected += s * (s - 1);
  out.fragmentation = fragmentation_of(static_cast<double>(n), static_cast<double>(connected));
  for (std::size_t v = 0; v < n; ++v) {
    if (cuts.articulation[v]) out.articulation_points.push_back(v);
  }
  out.bridges = std::move(cuts.bridges);

  const std::size_t sector_count = sectors.sectors.size();
  std::vector<std::size_t> members_in(sector_count, 0);
  for (const auto s : sectors.sector_of) ++members_in[s];
  // For each sector, the members (at most two) that every one of its cross-sector ties involves.
  struct Common {
    bool any_tie = false;
    std::array<std::size_t, 2> member{};
    std::size_t count = 0;
  };
  std::vector<Common> on_every_tie(sector_count);
  for (const PairEdge& p : g.pairs()) {
    const std::size_t su = sectors.sector_of[p.low];
    const std::size_t sv = sectors.sector_of[p.high];
    if (su == sv) continue;
    for (const std::size_t s : {su, sv}) {
      Common& common = on_every_tie[s];
      if (!common.any_tie) {
        common = {true, {p.low, p.high}, 2};
        continue;
      }
      std::size_t keep = 0;
      for (std::size_t i = 0; i < common.count; ++i) {
        if (common.member[i] == p.low || common.member[i] == p.high) common.member[keep++] = common.member[i];
      }
      common.count = keep;
    }
  }
  std::vector<std::vector<std::size_t>> unlinks(n);  // sectors, ascending
  for (std::size_t s = 0; s < sector_count; ++s) {
    for (std::size_t i = 0; i < on_every_tie[s].count; ++i) unlinks[on_every_tie[s].member[i]].push_back(s);
  }

  // The bodies each member sits on, and each body's power by member, looked up per departure.
  std::vector<std::vector<std::size_t>> seated_in(n);
  std::vector<std::vector<std::pair<std::size_t, std::optional<double>>>> before_power(power.bodies.size());
  for (std::size_t b = 0; b < power.bodies.size(); ++b) {
    for (const auto& seat : power.bodies[b].seats) {
      if (seated_in[seat.member].empty() || seated_in[seat.member].back() != b) seated_in[seat.member].push_back(b);
      before_power[b].emplace_back(seat.member, seat.banzhaf);
    }
    std::sort(before_power[b].begin(), before_power[b].end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  const auto all_pairs = static_cast<double>(connected);
  for (std::size_t v = 0; v < n; ++v) {
    Departure d;
    d.member = v;
    const std::uint64_t own_size = cuts.component_size[cuts.component[v]];
    const double after =
        all_pairs - static_cast<double>(own_size * (own_size - 1)) + static_cast<double>(cuts.piece_pairs[v]);
    d.fragmentation = fragmentation_of(static_cast<double>(n - 1), after);
    d.components = cuts.component_size.size() - 1 + cuts.pieces[v];
    const std::size_t own = sectors.sector_of[v];
    if (members_in[own] == 1) d.sectors_lost.push_back(own);
    for (const std::size_t s : unlinks[v]) {
      if (s == own && members_in[own] == 1) continue;
      d.sectors_unlinked.push_back(s);
    }
    for (const std::size_t b : seated_in[v]) {
      const BodyPower after = body_power(c, b, v);
      PowerShift shift;
      shift.body = b;
      shift.can_decide = after.can_decide;
      const auto& before = before_power[b];
      for (const auto& seat : after.seats) {
        shift.members.push_back(seat.member);
        shift.after.push_back(seat.banzhaf);
        const auto it = std::lower_bound(before.begin(), before.end(), seat.member,
                                         [](const auto& x, std::size_t m) { return x.first < m; });
        shift.before.push_back(it->second);
      }
      d.power.push_back(std::move(shift));
    }
    out.departures.push_back(std::move(d));
  }
  return out;
}

}  // namespace xsector
