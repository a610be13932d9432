#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "network/network_impl.hpp"

namespace xsector {

Network::Network() : storage_(std::make_unique<detail::NetworkStorage>()) { bind(); }
Network::~Network() = default;
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;

void Network::bind() {
  const detail::NetworkStorage& s = *storage_;
  n_ = boost::num_vertices(s.csr);
  pair_count_ = s.pairs.size();
  rowstart_ = s.csr.m_forward.m_rowstart.data();
  column_ = s.csr.m_forward.m_column.data();
  slot_pair_ = boost::num_edges(s.csr) == 0 ? nullptr : &s.csr[*boost::edges(s.csr).first];
  pairs_ = s.pairs.data();
  out_start_ = s.out_start.data();
  out_to_ = s.out_to.data();
  in_start_ = s.in_start.data();
  in_from_ = s.in_from.data();
}

namespace {

// Pairs in (low, high) order: sort the ties by pair, then merge the ties of one pair.
std::vector<PairEdge> merge_pairs(const Coalition& coalition) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(coalition.ties.size());
  for (std::size_t t = 0; t < coalition.ties.size(); ++t) {
    const auto [lo, hi] = std::minmax(coalition.ties[t].a, coalition.ties[t].b);
    keyed[t] = {(static_cast<std::uint64_t>(lo) << 32) | hi, static_cast<std::uint32_t>(t)};
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<PairEdge> pairs;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) {
      PairEdge p;
      p.low = static_cast<std::uint32_t>(keyed[i].first >> 32);
      p.high = static_cast<std::uint32_t>(keyed[i].first & 0xffffffffU);
      pairs.push_back(p);
    }
    PairEdge& p = pairs.back();
    const Tie& tie = coalition.ties[keyed[i].second];
    if (p.tie_count < p.tie.size()) p.tie[p.tie_count++] = keyed[i].second;
    const int level = static_cast<int>(tie.level);
    p.level = std::max(p.level, level);
    p.strength += level;
    if (!tie.directed)
      p.undirected = true;
    else if (tie.a < tie.b)
      p.arc_low_high = true;
    else
      p.arc_high_low = true;
  }
  return pairs;
}

// Arcs sorted by (source, target): each row holds its lower neighbours, then its higher ones,
// and iterating pairs in (low, high) order fills both halves in ascending order.
detail::Csr undirected_csr(const std::vector<PairEdge>& pairs, std::size_t n) {
  std::vector<std::uint32_t> start(n + 1, 0);
  for (const auto& p : pairs) {
    ++start[p.low + 1];
    ++start[p.high + 1];
  }
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  const std::size_t arcs = start[n];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edge(arcs);
  std::vector<std::uint32_t> property(arcs);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    const std::uint32_t k = fill[pairs[e].high]++;
    edge[k] = {pairs[e].high, pairs[e].low};
    property[k] = static_cast<std::uint32_t>(e);
  }
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    const std::uint32_t k = fill[pairs[e].low]++;
    edge[k] = {pairs[e].low, pairs[e].high};
    property[k] = static_cast<std::uint32_t>(e);
  }
  return detail::Csr(boost::edges_are_sorted, edge.begin(), edge.end(), property.begin(), n, arcs);
}

// The directed view, row by row in the order of the (sorted) undirected rows.
void add_directed_view(detail::NetworkStorage& s, std::size_t n) {
  const auto& rowstart = s.csr.m_forward.m_rowstart;
  const auto& column = s.csr.m_forward.m_column;
  s.out_start.assign(n + 1, 0);
  s.in_start.assign(n + 1, 0);
  if (boost::num_edges(s.csr) == 0) return;  // no arcs: every row is empty
  const std::uint32_t* slot = &s.csr[*boost::edges(s.csr).first];
  auto has_arc = [&](std::uint32_t from, std::uint32_t to, const PairEdge& p) {
    return p.undirected || (from < to ? p.arc_low_high : p.arc_high_low);
  };
  for (std::uint32_t v = 0; v < n; ++v) {
    s.out_start[v + 1] = s.out_start[v];
    s.in_start[v + 1] = s.in_start[v];
    for (std::uint32_t k = rowstart[v]; k < rowstart[v + 1]; ++k) {
      const PairEdge& p = s.pairs[slot[k]];
      const std::uint32_t w = column[k];
      if (has_arc(v, w, p)) {
        s.out_to.push_back(w);
        ++s.out_start[v + 1];
      }
      if (has_arc(w, v, p)) {
        s.in_from.push_back(w);
        ++s.in_start[v + 1];
      }
    }
  }
}

}  // namespace

Network build_graph(const Coalition& coalition) {
  const std::size_t n = coalition.members.size();
  constexpr std::size_t limit = std::numeric_limits<std::uint32_t>::max();
  if (n >= limit || 2 * coalition.ties.size() >= limit) {
    throw std::length_error("the network has more members or ties than xsector can hold (2^32 - 1)");
  }
  Network net;
  detail::NetworkStorage& s = *net.storage_;
  s.pairs = merge_pairs(coalition);
  s.csr = undirected_csr(s.pairs, n);
  add_directed_view(s, n);
  net.bind();
  return net;
}

}  // namespace xsector
