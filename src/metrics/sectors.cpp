#include "xsector/sectors.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

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
  std::unordered_map<std::string_view, std::size_t> position;
  position.reserve(index.sectors.size());
  for (std::size_t s = 0; s < index.sectors.size(); ++s) position.emplace(index.sectors[s].id, s);  // first wins
  index.sector_of.reserve(c.members.size());
  for (const auto& m : c.members) {
    const auto it = position.find(m.sector);
    index.sector_of.push_back(it != position.end() ? it->second : index.sectors.size());
  }
  return index;
}

std::size_t SectorMixing::ties(std::size_t a, std::size_t b) const {
  if (b < a) std::swap(a, b);
  const auto it = std::lower_bound(
      cells.begin(), cells.end(), std::pair(a, b),
      [](const Cell& c, const std::pair<std::size_t, std::size_t>& key) { return std::pair(c.a, c.b) < key; });
  return it != cells.end() && it->a == a && it->b == b ? it->ties : 0;
}

SectorMixing sector_mixing(const Network& g, const std::vector<std::size_t>& sector_of, std::size_t sector_count) {
  SectorMixing mix;
  mix.sector_count = sector_count;
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  ends.reserve(g.pair_count());
  for (const PairEdge& p : g.pairs()) ends.push_back(std::minmax(sector_of[p.low], sector_of[p.high]));
  std::sort(ends.begin(), ends.end());
  for (const auto& [a, b] : ends) {
    if (mix.cells.empty() || mix.cells.back().a != a || mix.cells.back().b != b) mix.cells.push_back({a, b, 0});
    ++mix.cells.back().ties;
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
  const SectorMixing mix = sector_mixing(g, sector_of, sector_count);
  // Counting each tie both ways, the matrix sums to 2m: a diagonal cell counts twice, an
  // off-diagonal one once in each of its two rows.
  double total = 0;
  double trace = 0;
  std::vector<double> row(sector_count, 0.0);
  for (const SectorMixing::Cell& cell : mix.cells) {
    const auto ties = static_cast<double>(cell.ties);
    total += 2 * ties;
    row[cell.a] += ties;
    row[cell.b] += ties;
    if (cell.a == cell.b) trace += 2 * ties;
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

namespace {

/// Pairs of present sectors with no tie between them: all counted, the first
/// listed_unlinked_pairs_limit listed. Each sector's `reaches` is ascending, so walking the
/// present sectors above s beside it skips each linked pair once: O(P + cells + listed).
void find_unlinked_pairs(const std::vector<SectorFigures>& sectors, const std::vector<bool>& counted,
                         SectorGaps& gaps) {
  std::vector<std::size_t> present;
  for (const auto& f : sectors) {
    if (counted[f.sector]) present.push_back(f.sector);
  }
  const auto p = static_cast<std::uint64_t>(present.size());
  std::uint64_t linked = 0;
  for (const auto s : present) {
    for (const auto r : sectors[s].reaches) linked += counted[r] ? 1 : 0;
  }
  gaps.unlinked_pair_count = p * (p - (p > 0 ? 1 : 0)) / 2 - linked / 2;
  for (std::size_t i = 0; i < present.size() && gaps.unlinked_pairs.size() < listed_unlinked_pairs_limit; ++i) {
    const auto& reaches = sectors[present[i]].reaches;
    auto next = std::upper_bound(reaches.begin(), reaches.end(), present[i]);
    for (std::size_t j = i + 1; j < present.size() && gaps.unlinked_pairs.size() < listed_unlinked_pairs_limit; ++j) {
      while (next != reaches.end() && *next < present[j]) ++next;  // (reaches may hold uncounted sectors)
      if (next != reaches.end() && *next == present[j]) continue;
      gaps.unlinked_pairs.emplace_back(present[i], present[j]);
    }
  }
}

SectorGaps find_gaps(const Coalition& c, const Network& g, const SectorIndex& index,
                     const std::vector<SectorFigures>& sectors) {
  SectorGaps gaps;
  const std::size_t count = sectors.size();
  std::vector<bool> waived(count, false);
  std::unordered_map<std::string_view, std::size_t> position;
  position.reserve(count);
  for (std::size_t s = 0; s < count; ++s) position.emplace(index.sectors[s].id, s);
  for (const auto& w : c.waivers) {
    const auto it = position.find(w.sector);
    if (it == position.end() || waived[it->second]) continue;
    waived[it->second] = true;
    gaps.waived.push_back(it->second);
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
  std::vector<bool> unplaced(c.members.size(), false);
  for (const auto m : c.unplaced) unplaced[m] = true;
  std::vector<bool> counted(count, false);  // present, with a placed member
  for (std::size_t s = 0; s < count; ++s) {
    counted[s] =
        std::any_of(sectors[s].members.begin(), sectors[s].members.end(), [&](std::size_t m) { return !unplaced[m]; });
  }
  for (std::size_t s = 0; s < count; ++s) {
    const auto& f = sectors[s];
    if (!counted[s]) continue;
    if (f.members.size() == 1) gaps.thin.push_back({s, f.members.front()});
    if (f.external_ties == 0) gaps.cut_off.push_back(s);
    if (gaps.governance_described && !seated[s]) gaps.no_vote.push_back(s);
    if (f.members.size() >= 2 && broker[s] != none && !several[s]) gaps.single_broker.push_back({s, broker[s]});
  }
  find_unlinked_pairs(sectors, counted, gaps);
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
  // Cells come sorted by (a, b), so each sector's `reaches` fills in ascending order: first
  // the sectors below it (cells (a, s)), then those above (cells (s, b)).
  for (const SectorMixing::Cell& cell : r.mixing.cells) {
    if (cell.a == cell.b) {
      r.sectors[cell.a].internal_ties = cell.ties;
      continue;
    }
    for (const auto& [s, t] : {std::pair(cell.a, cell.b), std::pair(cell.b, cell.a)}) {
      r.sectors[s].external_ties += cell.ties;
      r.sectors[s].reaches.push_back(t);
    }
  }
  for (SectorFigures& f : r.sectors) {
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
  r.gaps = find_gaps(c, g, r.index, r.sectors);
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
