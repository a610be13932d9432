// Google Benchmark for the member metrics on generated graphs (n members, average degree
// ~10; tie levels 1-4). `metrics_bench --write-graphs DIR` writes the same graphs as edge
// lists (a b level), so that
// bench/compare.py can time igraph and NetworkX on exactly these graphs.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "xsector/centrality.hpp"
#include "xsector/structure.hpp"

namespace {

// splitmix64: small, fast and identical everywhere.
std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// G(n, m) with m = 5n distinct pairs, no self-ties.
std::vector<std::pair<std::size_t, std::size_t>> random_edges(std::size_t n) {
  std::uint64_t state = n;
  std::set<std::pair<std::size_t, std::size_t>> edges;
  while (edges.size() < 5 * n) {
    const std::size_t a = next(state) % n;
    const std::size_t b = next(state) % n;
    if (a != b) edges.insert(std::minmax(a, b));
  }
  return {edges.begin(), edges.end()};
}

/// A level 1-4 for the pair, deterministic (the weighted benchmarks' tie strengths).
int level_of(std::size_t a, std::size_t b) { return 1 + static_cast<int>((a * 31 + b) % 4); }

xsector::Network random_graph(std::size_t n) {
  xsector::Coalition c;
  c.members.resize(n);
  for (const auto& [a, b] : random_edges(n)) {
    xsector::Tie t;
    t.a = a;
    t.b = b;
    t.level = static_cast<xsector::TieLevel>(level_of(a, b));
    c.ties.push_back(t);
  }
  return xsector::build_graph(c);
}

const xsector::Network& graph(std::size_t n) {
  static std::map<std::size_t, xsector::Network> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, random_graph(n)).first;
  return it->second;
}

/// Exact betweenness on state.range(1) threads (0 = every core).
void BM_Betweenness(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  const auto threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::betweenness(g, threads));
}
/// Estimated betweenness (source sampling at the default epsilon and delta), every core.
void BM_BetweennessSampled(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  xsector::PathOptions o;
  o.precision = xsector::Precision::approximate;
  o.distances = false;
  for (auto _ : state) benchmark::DoNotOptimize(xsector::path_figures(g, o));
}
/// Exact weighted betweenness (distance 1/level) on state.range(1) threads.
void BM_WeightedBetweenness(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  const auto threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::weighted_betweenness(g, threads));
}
void BM_PathFigures(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::path_figures(g));
}
void BM_PageRank(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::pagerank(g));
}
void BM_Eigenvector(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::eigenvector(g));
}
void BM_CoreNumbers(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::core_numbers(g));
}
void BM_Constraint(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(xsector::constraint(g));
}

BENCHMARK(BM_Betweenness)->Args({1000, 1})->Args({10000, 1})->Args({10000, 0})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BetweennessSampled)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WeightedBetweenness)->Args({1000, 1})->Args({10000, 1})->Args({10000, 0})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PathFigures)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PageRank)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Eigenvector)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CoreNumbers)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Constraint)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-graphs") == 0) {
    for (const std::size_t n : {1000, 10000}) {
      std::ofstream out(std::string(argv[2]) + "/er_" + std::to_string(n) + ".txt");
      out << n << '\n';
      for (const auto& [a, b] : random_edges(n)) out << a << ' ' << b << ' ' << level_of(a, b) << '\n';
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
