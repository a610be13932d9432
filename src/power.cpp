#include "xsector/power.hpp"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <numeric>

#include "xsector/structure.hpp"

namespace xsector {

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

double ratio(const cpp_int& numerator, const cpp_int& denominator) {
  return cpp_rational(numerator, denominator).convert_to<double>();
}

}  // namespace

PowerIndices power_indices(const WeightedGame& game) {
  const std::size_t n = game.weights.size();
  PowerIndices out;
  out.swings.assign(n, "0");
  out.banzhaf.assign(n, std::nullopt);
  out.penrose.assign(n, 0.0);
  out.shapley_shubik.assign(n, 0.0);
  if (n == 0) return out;
  const std::int64_t total = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  if (game.quota > total) return out;
  auto is_veto = [&](std::size_t i) { return !game.veto.empty() && game.veto[i]; };

  std::vector<std::size_t> free_players;
  std::int64_t veto_weight = 0;
  std::size_t veto_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (is_veto(i)) {
      veto_weight += game.weights[i];
      ++veto_count;
    } else {
      free_players.push_back(i);
    }
  }
  const std::size_t f = free_players.size();
  // Only coalitions T of free players lighter than `cap` are ever counted directly; the
  // rest follow from the binomial totals.
  const auto cap = static_cast<std::size_t>(std::max<std::int64_t>(0, game.quota - veto_weight));
  std::vector<std::vector<cpp_int>> table(f + 1, std::vector<cpp_int>(cap, 0));
  if (cap > 0) table[0][0] = 1;
  for (std::size_t added = 0; added < f; ++added) {
    const auto w = static_cast<std::size_t>(game.weights[free_players[added]]);
    for (std::size_t k = added + 1; k-- > 0;) {
      for (std::size_t x = cap; x-- > w;) {
        if (table[k][x - w] != 0) table[k + 1][x] += table[k][x - w];
      }
    }
  }
  std::vector<cpp_int> factorial(n + 1, 1);
  for (std::size_t i = 1; i <= n; ++i) factorial[i] = factorial[i - 1] * i;
  auto binomial = [&](std::size_t a, std::size_t b) { return factorial[a] / (factorial[b] * factorial[a - b]); };
  // Weight of a swing by a coalition of s others in the Shapley-Shubik index: s!(n-1-s)!.
  auto pivot_weight = [&](std::size_t s) { return factorial[s] * factorial[n - 1 - s]; };

  std::vector<cpp_int> swings(n, 0);
  std::vector<cpp_int> ss(n, 0);
  std::vector<std::vector<cpp_int>> without(f + 1, std::vector<cpp_int>(cap, 0));
  for (std::size_t i = 0; i < n; ++i) {
    if (is_veto(i)) {
      // Every coalition holding the other veto players and free players of weight >= cap
      // wins with i and loses without it.
      for (std::size_t k = 0; k <= f; ++k) {
        cpp_int below = 0;
        for (const auto& c : table[k]) below += c;
        const cpp_int count = binomial(f, k) - below;
        swings[i] += count;
        ss[i] += count * pivot_weight(veto_count - 1 + k);
      }
      continue;
    }
    // Divide player i out of the table, then count coalitions T of the other free players
    // with cap - w_i <= weight(T) < cap: they lose without i and win with it.
    const auto w = static_cast<std::size_t>(game.weights[i]);
    const std::size_t from = cap > w ? cap - w : 0;
    for (std::size_t k = 0; k < f; ++k) {
      cpp_int count = 0;
      for (std::size_t x = 0; x < cap; ++x) {
        without[k][x] = table[k][x];
        if (k > 0 && x >= w) without[k][x] -= without[k - 1][x - w];
        if (x >= from) count += without[k][x];
      }
      swings[i] += count;
      ss[i] += count * pivot_weight(veto_count + k);
    }
  }
  const cpp_int all_swings = std::accumulate(swings.begin(), swings.end(), cpp_int(0));
  const cpp_int half = cpp_int(1) << (n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    out.swings[i] = swings[i].str();
    if (all_swings != 0) out.banzhaf[i] = ratio(swings[i], all_swings);
    out.penrose[i] = ratio(swings[i], half);
    out.shapley_shubik[i] = ratio(ss[i], factorial[n]);
  }
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

BodyPower body_power(const Coalition& c, std::size_t b, std::optional<std::size_t> without) {
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
  const PowerIndices p = power_indices(game);
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
      s.dummy = p.swings[i] == "0";
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

CoalitionPower coalition_power(const Coalition& c, const Network& g, const SectorIndex& sectors,
                               const std::vector<double>& betweenness) {
  CoalitionPower out;
  const std::size_t n = c.members.size();
  out.members.assign(n, {});
  out.sectors.assign(sectors.sectors.size(), {});
  for (std::size_t b = 0; b < c.governance.size(); ++b) out.bodies.push_back(body_power(c, b));
  const auto bodies = static_cast<double>(out.bodies.size());
  for (const auto& body : out.bodies) {
    for (const auto& s : body.seats) {
      out.members[s.member].seats += s.seat_share / bodies;
      out.members[s.member].power += s.banzhaf.value_or(0.0) / bodies;
    }
  }
  for (std::size_t v = 0; v < n; ++v) {
    out.sectors[sectors.sector_of[v]].seats += out.members[v].seats;
    out.sectors[sectors.sector_of[v]].power += out.members[v].power;
  }
  if (!out.bodies.empty()) {
    ShareFigures community;
    ShareFigures lived;
    for (std::size_t v = 0; v < n; ++v) {
      if (c.members[v].community_led) {
        community.seats += out.members[v].seats;
        community.power += out.members[v].power;
      }
      if (c.members[v].lived_experience) {
        lived.seats += out.members[v].seats;
        lived.power += out.members[v].power;
      }
    }
    out.community_led = community;
    out.lived_experience = lived;
  }
  const double all_betweenness = std::accumulate(betweenness.begin(), betweenness.end(), 0.0);
  if (c.backbone) {
    if (!out.bodies.empty()) out.backbone_power_share = out.members[*c.backbone].power;
    if (all_betweenness > 0) out.backbone_betweenness_share = betweenness[*c.backbone] / all_betweenness;
  }
  std::vector<double> deg;
  for (const auto d : degrees(g)) deg.push_back(static_cast<double>(d));
  out.gini_degree = gini(deg);
  out.gini_betweenness = gini(betweenness);

  double funding = 0;
  for (const auto& m : c.members) funding += m.funding.value_or(0.0);
  if (funding > 0 && !out.bodies.empty()) {
    std::vector<ResourceGap> gaps;
    for (std::size_t v = 0; v < n; ++v) {
      gaps.push_back({v, c.members[v].funding.value_or(0.0) / funding, out.members[v].power});
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const ResourceGap& a, const ResourceGap& b) {
      return std::abs(a.funding_share - a.power_share) > std::abs(b.funding_share - b.power_share);
    });
    gaps.resize(std::min<std::size_t>(5, gaps.size()));
    out.resource_gaps = std::move(gaps);
  }
  for (std::size_t v = 0; v < n; ++v) {
    MemberRoles roles{v, {}};
    if (c.backbone == v) roles.roles.emplace_back("backbone");
    for (const auto& body : c.governance) {
      if (body.chair == v) roles.roles.push_back("chair:" + body.id);
    }
    const auto& tags = c.members[v].tags;
    if (std::find(tags.begin(), tags.end(), "fiscal-agent") != tags.end()) roles.roles.emplace_back("fiscal-agent");
    if (roles.roles.size() >= 2) out.concentrated_roles.push_back(std::move(roles));
  }
  return out;
}

}  // namespace xsector
