// Power indices of weighted games (exact or estimated, cached) and each decision body's power.
#include "xsector/power.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "power/power_parts.hpp"

namespace xsector {

using detail::kDefaultSamples;

namespace {

struct CacheEntry {
  WeightedGame game;  // canonical: sorted by (veto, weight)
  PowerOptions options;
  PowerIndices result;
};

bool same(const CacheEntry& e, const WeightedGame& g, const PowerOptions& o) {
  return e.game.quota == g.quota && e.game.weights == g.weights && e.game.veto == g.veto &&
         e.options.exact_budget == o.exact_budget && e.options.exact_memory == o.exact_memory &&
         e.options.samples == o.samples && e.options.seed == o.seed;
}

PowerIndices compute(const WeightedGame& game, const PowerOptions& options) {
  if (auto exact = detail::exact_indices(game, options)) return std::move(*exact);
  const std::uint64_t samples = options.samples > 0 ? options.samples : detail::default_samples(game.weights.size());
  return detail::monte_carlo(game, samples, options.seed);
}

}  // namespace

void detail::check_game(const WeightedGame& game, const char* function) {
  constexpr std::int64_t most = std::int64_t{1} << 62U;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < game.weights.size(); ++i) {
    const std::int64_t w = game.weights[i];
    if (w <= 0)
      throw std::invalid_argument(fmt::format("{}: weight {} is {}; weights must be positive", function, i, w));
    if (w > most - total) throw std::invalid_argument(fmt::format("{}: the weights sum to more than 2^62", function));
    total += w;
  }
  if (game.quota < 1)
    throw std::invalid_argument(fmt::format("{}: the quota is {}; it must be at least 1", function, game.quota));
  if (!game.veto.empty() && game.veto.size() != game.weights.size()) {
    throw std::invalid_argument(
        fmt::format("{}: {} veto flags for {} players", function, game.veto.size(), game.weights.size()));
  }
}

PowerIndices power_indices(const WeightedGame& game, const PowerOptions& options) {
  const std::size_t n = game.weights.size();
  PowerIndices out = detail::no_power(n);
  if (n == 0) return out;
  const std::int64_t total = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  if (game.quota > total) return out;
  auto is_veto = [&](std::size_t i) { return !game.veto.empty() && game.veto[i]; };

  // Work on the players sorted by (veto, weight): equal games give equal keys for the cache.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(is_veto(a), game.weights[a]) < std::pair(is_veto(b), game.weights[b]);
  });
  WeightedGame canonical;
  canonical.quota = game.quota;
  for (const auto i : order) {
    canonical.weights.push_back(game.weights[i]);
    canonical.veto.push_back(is_veto(i));
  }
  thread_local std::vector<CacheEntry> cache;
  const CacheEntry* hit = nullptr;
  for (const auto& e : cache) {
    if (same(e, canonical, options)) hit = &e;
  }
  if (hit == nullptr) {
    if (cache.size() >= 4) cache.erase(cache.begin());
    cache.push_back({canonical, options, compute(canonical, options)});
    hit = &cache.back();
  }
  const PowerIndices& r = hit->result;
  for (std::size_t rank = 0; rank < n; ++rank) {
    const std::size_t i = order[rank];
    out.swings[i] = r.swings[rank];
    out.banzhaf[i] = r.banzhaf[rank];
    out.penrose[i] = r.penrose[rank];
    out.shapley_shubik[i] = r.shapley_shubik[rank];
  }
  out.estimate = r.estimate;
  return out;
}

std::optional<double> gini(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  std::vector<double> v = values;
  std::sort(v.begin(), v.end());
  const double sum = std::accumulate(v.begin(), v.end(), 0.0);
  if (sum <= 0) return std::nullopt;
  // Σ_i Σ_j |x_i - x_j| = 2 Σ_i (2i - n + 1) x_(i) over sorted values.
  double weighted = 0;
  const auto n = static_cast<double>(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) weighted += (2.0 * static_cast<double>(i) - n + 1.0) * v[i];
  return std::max(0.0, weighted / (n * sum));  // rounding can leave -0.0 for equal values
}

BodyPower body_power(const Coalition& c, std::size_t b, std::optional<std::size_t> without,
                     const PowerOptions& options) {
  const Body& body = c.governance[b];
  BodyPower out;
  out.body = b;
  WeightedGame game;
  for (const Seat& s : body.seats) {
    if (without && s.member == *without) continue;
    SeatPower sp;
    sp.member = s.member;
    sp.votes = s.votes;
    out.seats.push_back(sp);
    game.weights.push_back(s.votes);
    game.veto.push_back(std::find(body.veto.begin(), body.veto.end(), s.member) != body.veto.end());
  }
  out.total_votes = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  out.quota = body.rule.quota(out.total_votes);
  game.quota = out.quota;
  out.can_decide = !out.seats.empty() && out.quota <= out.total_votes;
  PowerOptions used = options;
  if (without && !game.weights.empty()) {
    // A departure: every seat holder's departure together may cost about 8 times the body
    // itself, exact or estimated, so each gets n/8 of the budget and fewer samples.
    const std::uint64_t n = game.weights.size() + 1;
    used.exact_budget = options.exact_budget / n * 8;
    if (used.samples == 0) {
      // ... and all n departures together at most departure_estimate_work seat-samples.
      const std::uint64_t rest = n - 1;
      const std::uint64_t share = std::clamp<std::uint64_t>((std::uint64_t{1} << 19U) / rest, 512, kDefaultSamples);
      used.samples = std::max<std::uint64_t>(1, std::min(share, departure_estimate_work / (n * rest)));
    }
  }
  const PowerIndices p = power_indices(game, used);
  out.estimate = p.estimate;
  std::vector<double> votes;
  std::vector<double> power;
  double sum_squares = 0;
  bool any_power = false;
  for (std::size_t i = 0; i < out.seats.size(); ++i) {
    SeatPower& s = out.seats[i];
    s.seat_share = static_cast<double>(s.votes) / static_cast<double>(out.total_votes);
    s.banzhaf = p.banzhaf[i];
    s.penrose = p.penrose[i];
    s.shapley_shubik = p.shapley_shubik[i];
    votes.push_back(static_cast<double>(s.votes));
    if (out.can_decide) {
      s.veto = game.veto[i] || out.total_votes - s.votes < out.quota;
      // Estimated: no swing seen in any sample.
      s.dummy = p.swings[i] ? p.swings[i]->is_zero() : s.penrose == 0;
      if (s.veto) out.veto_players.push_back(s.member);
      if (s.dummy) out.dummies.push_back(s.member);
    }
    if (s.banzhaf) {
      any_power = true;
      power.push_back(*s.banzhaf);
      sum_squares += *s.banzhaf * *s.banzhaf;
    }
  }
  out.gini_seats = gini(votes);
  if (any_power) {
    out.gini_power = gini(power);
    out.effective_decision_makers = 1.0 / sum_squares;
  }
  return out;
}

}  // namespace xsector
