#include "xsector/sectors.hpp"

#include <algorithm>

namespace xsector {

SectorIndex index_sectors(const Coalition& c) {
  SectorIndex index;
  for (const auto& s : c.taxonomy.sectors) {
    index.sectors.push_back(s);
    index.from_taxonomy.push_back(true);
  }
  for (const auto& s : c.extra_sectors) {
    index.sectors.push_back(s);
    index.from_taxonomy.push_back(false);
  }
  for (const auto& m : c.members) {
    const auto it =
        std::find_if(index.sectors.begin(), index.sectors.end(), [&](const Sector& s) { return s.id == m.sector; });
    index.sector_of.push_back(static_cast<std::size_t>(it - index.sectors.begin()));
  }
  return index;
}

std::vector<std::vector<std::size_t>> sector_mixing(const Network& g, const std::vector<std::size_t>& sector_of,
                                                    std::size_t sector_count) {
  std::vector<std::vector<std::size_t>> mix(sector_count, std::vector<std::size_t>(sector_count, 0));
  for (const PairEdge& p : g.pairs()) {
    const std::size_t a = sector_of[p.low];
    const std::size_t b = sector_of[p.high];
    ++mix[a][b];
    if (a != b) ++mix[b][a];
  }
  return mix;
}

std::optional<double> ei_index(const Network& g, const std::vector<std::size_t>& sector_of) {
  double external = 0;
  double internal = 0;
  for (const PairEdge& p : g.pairs()) {
    (sector_of[p.low] == sector_of[p.high] ? internal : external) += 1;
  }
  if (external + internal == 0) return std::nullopt;
  return (external - internal) / (external + internal);
}

std::vector<std::optional<double>> member_ei_index(const Network& g, const std::vector<std::size_t>& sector_of) {
  const std::size_t n = g.size();
  std::vector<std::optional<double>> out(n);
  for (std::size_t v = 0; v < n; ++v) {
    if (g.degree(v) == 0) continue;
    double external = 0;
    for (const auto u : g.neighbors(v)) external += sector_of[u] != sector_of[v] ? 1 : 0;
    const auto degree = static_cast<double>(g.degree(v));
    out[v] = (external - (degree - external)) / degree;
  }
  return out;
}

std::optional<double> sector_assortativity(const Network& g, const std::vector<std::size_t>& sector_of,
                                           std::size_t sector_count) {
  const auto mix = sector_mixing(g, sector_of, sector_count);
  // Counting each tie both ways, the matrix sums to 2m: diagonal cells count twice.
  double total = 0;
  double trace = 0;
  std::vector<double> row(sector_count, 0.0);
  for (std::size_t a = 0; a < sector_count; ++a) {
    for (std::size_t b = 0; b < sector_count; ++b) {
      const double cell = static_cast<double>(mix[a][b]) * (a == b ? 2.0 : 1.0);
      total += cell;
      row[a] += cell;
      if (a == b) trace += cell;
    }
  }
  if (total == 0) return std::nullopt;
  double expected = 0;
  for (const double r : row) expected += (r / total) * (r / total);
  if (1.0 - expected == 0.0) return std::nullopt;
  return (trace / total - expected) / (1.0 - expected);
}

std::optional<double> sector_modularity(const Network& g, const std::vector<std::size_t>& sector_of,
                                        std::size_t sector_count) {
  const auto m = static_cast<double>(g.pair_count());
  if (m == 0) return std::nullopt;
  std::vector<double> inside(sector_count, 0.0);
  std::vector<double> degree(sector_count, 0.0);
  for (const PairEdge& p : g.pairs()) {
    const std::size_t a = sector_of[p.low];
    const std::size_t b = sector_of[p.high];
    degree[a] += 1;
    degree[b] += 1;
    if (a == b) inside[a] += 1;
  }
  double q = 0;
  for (std::size_t s = 0; s < sector_count; ++s) q += inside[s] / m - (degree[s] / (2 * m)) * (degree[s] / (2 * m));
  return q;
}

std::vector<Brokerage> brokerage(const Network& g, const std::vector<std::size_t>& sector_of) {
  const std::size_t n = g.size();
  std::vector<Brokerage> b(n);
  for (std::size_t j = 0; j < n; ++j) {
    for (const std::size_t i : g.in_arcs(j)) {
      const auto from_i = g.out_arcs(i);
      for (const std::size_t k : g.out_arcs(j)) {
        if (i == k || std::binary_search(from_i.begin(), from_i.end(), k)) continue;
        const std::size_t gi = sector_of[i];
        const std::size_t gj = sector_of[j];
        const std::size_t gk = sector_of[k];
        if (gi == gj && gj == gk)
          ++b[j].coordinator;
        else if (gi == gk)
          ++b[j].itinerant;
        else if (gi == gj)
          ++b[j].representative;
        else if (gj == gk)
          ++b[j].gatekeeper;
        else
          ++b[j].liaison;
      }
    }
  }
  return b;
}

namespace {

SectorGaps find_gaps(const Coalition& c, const Network& g, const SectorIndex& index,
                     const std::vector<SectorFigures>& sectors, const std::vector<std::vector<std::size_t>>& mix) {
  SectorGaps gaps;
  const std::size_t count = sectors.size();
  std::vector<bool> waived(count, false);
  for (const auto& w : c.waivers) {
    for (std::size_t s = 0; s < count; ++s) {
      if (index.sectors[s].id != w.sector) continue;
      waived[s] = true;
      gaps.waived.push_back(s);
      break;
    }
  }
  for (const Priority p : {Priority::core, Priority::recommended, Priority::optional}) {
    for (std::size_t s = 0; s < count; ++s) {
      if (sectors[s].members.empty() && !waived[s] && index.sectors[s].priority == p) gaps.missing.push_back(s);
    }
  }
  // Members on each sector's external ties: the first one seen, and whether there is another.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> broker(count, none);
  std::vector<bool> several(count, false);
  auto note = [&](std::size_t sector, std::size_t member) {
    if (broker[sector] == none)
      broker[sector] = member;
    else if (broker[sector] != member)
      several[sector] = true;
  };
  for (const PairEdge& p : g.pairs()) {
    const std::size_t su = index.sector_of[p.low];
    const std::size_t sv = index.sector_of[p.high];
    if (su == sv) continue;
    note(su, p.low);
    note(sv, p.high);
  }
  std::vector<bool> seated(count, false);
  for (const auto& body : c.governance) {
    for (const auto& seat : body.seats) seated[index.sector_of[seat.member]] = true;
  }
  gaps.governance_described = !c.governance.empty();
  // A sector carried along for members the taxonomy cannot place is no sector of it: no gap.
  auto unplaced_only = [&](std::size_t s) {
    return std::all_of(sectors[s].members.begin(), sectors[s].members.end(), [&](std::size_t m) {
      return std::find(c.unplaced.begin(), c.unplaced.end(), m) != c.unplaced.end();
    });
  };
  for (std::size_t s = 0; s < count; ++s) {
    const auto& f = sectors[s];
    if (f.members.empty() || unplaced_only(s)) continue;
    if (f.members.size() == 1) gaps.thin.push_back({s, f.members.front()});
    if (f.external_ties == 0) gaps.cut_off.push_back(s);
    if (gaps.governance_described && !seated[s]) gaps.no_vote.push_back(s);
    if (f.members.size() >= 2 && broker[s] != none && !several[s]) gaps.single_broker.push_back({s, broker[s]});
    for (std::size_t t = s + 1; t < count; ++t) {
      if (!sectors[t].members.empty() && !unplaced_only(t) && mix[s][t] == 0) gaps.unlinked_pairs.emplace_back(s, t);
    }
  }
  return gaps;
}

}  // namespace

SectorReport sector_report(const Coalition& c, const Network& g) {
  SectorReport r;
  r.index = index_sectors(c);
  const std::size_t count = r.index.sectors.size();
  const auto& of = r.index.sector_of;
  r.mixing = sector_mixing(g, of, count);
  r.sectors.resize(count);
  for (std::size_t s = 0; s < count; ++s) r.sectors[s].sector = s;
  for (std::size_t v = 0; v < of.size(); ++v) r.sectors[of[v]].members.push_back(v);
  for (std::size_t s = 0; s < count; ++s) {
    SectorFigures& f = r.sectors[s];
    f.internal_ties = r.mixing[s][s];
    for (std::size_t t = 0; t < count; ++t) {
      if (t == s || r.mixing[s][t] == 0) continue;
      f.external_ties += r.mixing[s][t];
      f.reaches.push_back(t);
    }
    const double total = static_cast<double>(f.internal_ties + f.external_ties);
    if (total > 0) {
      f.ei_index = (static_cast<double>(f.external_ties) - static_cast<double>(f.internal_ties)) / total;
    }
  }
  r.ei_index = ei_index(g, of);
  r.assortativity = sector_assortativity(g, of, count);
  r.modularity = sector_modularity(g, of, count);
  r.member_ei = member_ei_index(g, of);
  r.brokerage = brokerage(g, of);
  r.gaps = find_gaps(c, g, r.index, r.sectors, r.mixing);
  return r;
}

TaxonomyCoverage taxonomy_coverage(const Coalition& c, const SectorReport& r) {
  TaxonomyCoverage out;
  out.taxonomy = c.taxonomy.id;
  out.name = c.taxonomy.name;
  out.crosswalk_from = c.crosswalk_from;
  for (std::size_t s = 0; s < r.sectors.size(); ++s) {
    if (!r.index.from_taxonomy[s]) continue;
    ++out.sectors;
    if (!r.sectors[s].members.empty()) ++out.covered;
  }
  for (const auto s : r.gaps.missing) {
    const Sector& sector = r.index.sectors[s];
    (sector.priority == Priority::core ? out.missing_core : out.missing_other).push_back(sector.id);
  }
  for (const auto s : r.gaps.waived) out.waived.push_back(r.index.sectors[s].id);
  for (const auto m : c.unplaced) out.unplaced.push_back(c.members[m].id);
  return out;
}

}  // namespace xsector
