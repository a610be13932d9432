// Brandes' shortest-path searches and the threaded run over the sources (see
// centrality_kernels.hpp).
#include "metrics/centrality_kernels.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace xsector::detail {

namespace {

unsigned thread_count(unsigned requested) {
  if (requested != 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

constexpr std::size_t max_chunks = 64;

}  // namespace

void Kernel::search(std::uint32_t s, double weight, Workspace& w, ChunkSums& sums) const {
  const std::size_t n = g.size();
  Node* node = w.node.data();
  auto& order = w.order;
  std::size_t head = 0;
  std::size_t tail = 0;
  order[tail++] = s;
  node[s].dist = 0;
  node[s].sigma = 1.0;
  std::uint64_t sum = 0;
  double inverse = 0.0;
  while (head < tail) {
    const std::uint32_t v = order[head++];
    const std::int32_t next = node[v].dist + 1;
    const double sv = node[v].sigma;
    for (const std::uint32_t u : g.neighbors(v)) {
      Node& nu = node[u];
      if (nu.dist < 0) {
        nu.dist = next;
        order[tail++] = u;
        sum += static_cast<std::uint64_t>(next);
        inverse += 1.0 / static_cast<double>(next);
      }
      if (nu.dist == next) nu.sigma += sv;
    }
  }
  if (distances) {
    if (sampled) {
      for (std::size_t i = 1; i < tail; ++i) {
        const std::uint32_t v = order[i];
        sums.distance[v] += weight * static_cast<double>(node[v].dist);
        sums.inverse[v] += weight / static_cast<double>(node[v].dist);
      }
    } else {
      const auto reached = static_cast<double>(tail);  // counts s itself
      const auto total = static_cast<double>(sum);
      if (sum > 0 && n > 1) {
        (*closeness)[s] = (reached - 1.0) / total * (reached - 1.0) / static_cast<double>(n - 1);
      }
      (*harmonic)[s] = inverse;
    }
    (*distance_sum)[s] = sum;
    (*eccentricity)[s] = static_cast<std::uint32_t>(node[order[tail - 1]].dist);
  }
  if (betweenness) {
    double* dependency = sums.dependency.data();
    for (std::size_t i = tail; i-- > 1;) {
      const std::uint32_t u = order[i];
      const Node& nu = node[u];
      const double share = (1.0 + nu.delta) / nu.sigma;
      const std::int32_t previous = nu.dist - 1;
      for (const std::uint32_t v : g.neighbors(u)) {
        Node& nv = node[v];
        if (nv.dist == previous) nv.delta += nv.sigma * share;
      }
      dependency[u] += weight * nu.delta;
    }
  }
  for (std::size_t i = 0; i < tail; ++i) node[order[i]] = Node{};
}

void WeightedKernel::search(std::uint32_t s, double weight, WeightedWork& w, ChunkSums& sums) const {
  const std::size_t n = g.size();
  WeightedNode* node = w.node.data();
  auto& order = w.order;
  order.clear();
  const std::size_t buckets = w.bucket.size();
  node[s].dist = 0;
  node[s].sigma = 1.0;
  w.bucket[0].push_back(s);
  std::size_t pending = 1;
  std::uint64_t sum = 0;
  for (std::uint64_t current = 0; pending > 0; ++current) {
    auto& here = w.bucket[current % buckets];
    // Entries pushed while this bucket is processed are at least 3 further: never here.
    for (std::size_t i = 0; i < here.size(); ++i) {
      const std::uint32_t v = here[i];
      WeightedNode& nv = node[v];
      if (nv.settled || nv.dist != current) continue;  // a stale entry: reached shorter later
      nv.settled = true;
      order.push_back(v);
      sum += nv.dist;
      const auto nbrs = g.neighbors(v);
      const auto pairs = g.neighbor_pairs(v);
      for (std::size_t j = 0; j < nbrs.size(); ++j) {
        const std::uint32_t u = nbrs[j];
        WeightedNode& nu = node[u];
        if (nu.settled) continue;
        const std::uint32_t d = nv.dist + pair_length[pairs[j]];
        if (d < nu.dist) {
          nu.dist = d;
          nu.sigma = nv.sigma;
          w.bucket[d % buckets].push_back(u);
          ++pending;
        } else if (d == nu.dist) {
          nu.sigma += nv.sigma;
        }
      }
    }
    pending -= here.size();
    here.clear();
  }
  const std::size_t reached = order.size();  // counts s itself
  if (distances) {
    if (sampled) {
      for (std::size_t i = 1; i < reached; ++i) {
        const std::uint32_t v = order[i];
        sums.distance[v] += weight * static_cast<double>(node[v].dist) / distance_unit;
      }
    } else if (sum > 0 && n > 1) {
      const auto r = static_cast<double>(reached);
      (*closeness)[s] = (r - 1.0) * distance_unit / static_cast<double>(sum) * (r - 1.0) / static_cast<double>(n - 1);
    }
  }
  if (betweenness) {
    double* dependency = sums.dependency.data();
    for (std::size_t i = reached; i-- > 1;) {
      const std::uint32_t u = order[i];
      const WeightedNode& nu = node[u];
      const double share = (1.0 + nu.delta) / nu.sigma;
      const auto nbrs = g.neighbors(u);
      const auto pairs = g.neighbor_pairs(u);
      for (std::size_t j = 0; j < nbrs.size(); ++j) {
        WeightedNode& nv = node[nbrs[j]];
        if (nv.dist != unreached && nv.dist + pair_length[pairs[j]] == nu.dist) nv.delta += nv.sigma * share;
      }
      dependency[u] += weight * nu.delta;
    }
  }
  for (const std::uint32_t v : order) node[v] = WeightedNode{};
}

template <class K>
ChunkSums run_sources(const K& kernel, const std::vector<std::uint32_t>& sources, const std::vector<double>& weights,
                      unsigned threads) {
  const std::size_t n = kernel.g.size();
  const std::size_t chunk_count = std::min<std::size_t>(max_chunks, std::max<std::size_t>(1, sources.size()));
  auto make_sums = [&] {
    ChunkSums c;
    if (kernel.betweenness) c.dependency.assign(n, 0.0);
    if (kernel.sampled && kernel.distances) {
      c.distance.assign(n, 0.0);
      c.inverse.assign(n, 0.0);
    }
    return c;
  };
  std::vector<ChunkSums> chunks(chunk_count);
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    try {
      typename K::Work w(n);
      for (std::size_t c = next++; c < chunk_count; c = next++) {
        ChunkSums sums = make_sums();
        const std::size_t begin = sources.size() * c / chunk_count;
        const std::size_t end = sources.size() * (c + 1) / chunk_count;
        for (std::size_t i = begin; i < end; ++i) kernel.search(sources[i], weights[i], w, sums);
        chunks[c] = std::move(sums);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = chunk_count;
    }
  };
  const std::size_t workers = std::min<std::size_t>(thread_count(threads), chunk_count);
#ifdef __EMSCRIPTEN__
  // The browser build has no threads: the same chunks, one after another, summed below in
  // the same order, so the numbers are identical.
  (void)workers;
  work();
#else
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
  }
#endif
  if (failure) std::rethrow_exception(failure);
  ChunkSums total = make_sums();
  auto add = [](std::vector<double>& into, const std::vector<double>& from) {
    for (std::size_t v = 0; v < from.size(); ++v) into[v] += from[v];
  };
  for (auto& c : chunks) {
    if (c.dependency.empty() && c.distance.empty()) continue;  // a chunk without sources
    add(total.dependency, c.dependency);
    add(total.distance, c.distance);
    add(total.inverse, c.inverse);
    c = {};
  }
  return total;
}

template ChunkSums run_sources<Kernel>(const Kernel&, const std::vector<std::uint32_t>&, const std::vector<double>&,
                                       unsigned);
template ChunkSums run_sources<WeightedKernel>(const WeightedKernel&, const std::vector<std::uint32_t>&,
                                               const std::vector<double>&, unsigned);

}  // namespace xsector::detail
