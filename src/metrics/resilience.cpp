#include "xsector/resilience.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <utility>

#include "metrics/cut_analysis.hpp"

namespace xsector {

namespace {

std::optional<double> fragmentation_of(double members, double connected_pairs) {
  if (members < 2) return std::nullopt;
  return 1.0 - connected_pairs / (members * (members - 1));
}

/// What each departure does to the bodies its member sits on (resilience's `power`).
class DeparturePower {
 public:
  DeparturePower(const Coalition& c, const CoalitionPower& power)
      : c_(c),
        seated_in_(c.members.size()),
        before_(power.bodies.size()),
        total_(power.bodies.size(), 0),
        estimates_(power.bodies.size()) {
    for (std::size_t b = 0; b < power.bodies.size(); ++b) {
      for (const auto& seat : power.bodies[b].seats) {
        auto& bodies = seated_in_[seat.member];
        if (bodies.empty() || bodies.back().body != b) bodies.push_back({b, 0, 0});
        bodies.back().votes += seat.votes;
        ++bodies.back().seats;
        total_[b] += seat.votes;
        before_[b].emplace_back(seat.member, seat.banzhaf);
      }
      std::sort(before_[b].begin(), before_[b].end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      estimates_[b].body = b;
    }
  }

  std::vector<PowerShift> shifts(std::size_t v) {
    std::vector<PowerShift> out;
    for (const Held& held : seated_in_[v]) {
      out.push_back(c_.governance[held.body].seats.size() > departure_seat_limit ? unchanged(held)
                                                                                 : recomputed(held.body, v));
    }
    return out;
  }

  [[nodiscard]] std::vector<DepartureEstimates> estimates() const {
    std::vector<DepartureEstimates> out;
    std::copy_if(estimates_.begin(), estimates_.end(), std::back_inserter(out),
                 [](const DepartureEstimates& e) { return e.departures > 0; });
    return out;
  }

  [[nodiscard]] std::vector<std::size_t> not_recomputed() const {
    std::vector<std::size_t> out;
    for (std::size_t b = 0; b < c_.governance.size(); ++b) {
      if (c_.governance[b].seats.size() > departure_seat_limit) out.push_back(b);
    }
    return out;
  }

 private:
  struct Held {  // a member's seats in one body
    std::size_t body = 0;
    std::int64_t votes = 0;
    std::size_t seats = 0;
  };

  // A body too large to recompute: only whether the rest can still reach the quota. O(1).
  [[nodiscard]] PowerShift unchanged(const Held& held) const {
    const Body& body = c_.governance[held.body];
    PowerShift shift;
    shift.body = held.body;
    shift.recomputed = false;
    shift.seats_total = body.seats.size() - held.seats;
    const std::int64_t rest = total_[held.body] - held.votes;
    shift.can_decide = shift.seats_total > 0 && body.rule.quota(rest) <= rest;
    return shift;
  }

  PowerShift recomputed(std::size_t b, std::size_t v) {
    const BodyPower after = body_power(c_, b, v);
    PowerShift shift;
    shift.body = b;
    shift.can_decide = after.can_decide;
    shift.estimate = after.estimate;
    shift.seats_total = after.seats.size();
    const auto& before = before_[b];
    std::vector<std::optional<double>> was;
    was.reserve(after.seats.size());
    for (const auto& seat : after.seats) {
      const auto it = std::lower_bound(before.begin(), before.end(), seat.member,
                                       [](const auto& x, std::size_t m) { return x.first < m; });
      was.push_back(it->second);
    }
    // The seats listed: all, or those whose index changes most, kept in seat order.
    std::vector<std::size_t> listed(after.seats.size());
    std::iota(listed.begin(), listed.end(), std::size_t{0});
    if (listed.size() > departure_listed_seats) {
      auto change = [&](std::size_t i) {
        return std::abs(after.seats[i].banzhaf.value_or(0.0) - was[i].value_or(0.0));
      };
      std::stable_sort(listed.begin(), listed.end(),
                       [&](std::size_t x, std::size_t y) { return change(x) > change(y); });
      listed.resize(departure_listed_seats);
      std::sort(listed.begin(), listed.end());
    }
    for (const auto i : listed) {
      shift.members.push_back(after.seats[i].member);
      shift.after.push_back(after.seats[i].banzhaf);
      shift.before.push_back(was[i]);
    }
    if (after.estimate) note(estimates_[b], *after.estimate);
    return shift;
  }

  static void note(DepartureEstimates& e, const PowerEstimate& one) {
    PowerEstimate& w = e.widest;
    w.samples = e.departures == 0 ? one.samples : std::min(w.samples, one.samples);
    w.seed = one.seed;
    w.confidence = one.confidence;
    w.banzhaf_half_width = std::max(w.banzhaf_half_width, one.banzhaf_half_width);
    w.shapley_shubik_half_width = std::max(w.shapley_shubik_half_width, one.shapley_shubik_half_width);
    w.penrose_half_width = std::max(w.penrose_half_width, one.penrose_half_width);
    ++e.departures;
  }

  const Coalition& c_;
  std::vector<std::vector<Held>> seated_in_;                                        // per member, by body
  std::vector<std::vector<std::pair<std::size_t, std::optional<double>>>> before_;  // per body, by member
  std::vector<std::int64_t> total_;                                                 // votes per body
  std::vector<DepartureEstimates> estimates_;                                       // per body
};

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

  DeparturePower departure_power(c, power);
  const auto all_pairs = static_cast<double>(connected);
  for (std::size_t v = 0; v < n; ++v) {
    Departure d;
    d.member = v;
    d.splits = cuts.articulation[v];
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
    d.power = departure_power.shifts(v);
    out.departures.push_back(std::move(d));
  }
  out.power_estimates = departure_power.estimates();
  out.power_not_recomputed = departure_power.not_recomputed();
  return out;
}

}  // namespace xsector
