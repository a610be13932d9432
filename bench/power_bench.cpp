// Google Benchmark for voting power on generated bodies: one body's indices, and the body
// with the departure of every seat holder (what `xsector power` computes). Each iteration
// uses a new seed, which defeats the cache of repeated games between iterations.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "xsector/load.hpp"
#include "xsector/power.hpp"

namespace {

// splitmix64: small, fast and identical everywhere.
std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

xsector::Coalition assembly(const std::vector<std::int64_t>& votes) {
  std::string text = "coalition: {name: bench}\nmembers:\n";
  for (std::size_t i = 0; i < votes.size(); ++i) text += "  - {id: m" + std::to_string(i) + ", sector: housing}\n";
  text += "governance:\n  - body: assembly\n    rule: majority\n    seats:\n";
  for (std::size_t i = 0; i < votes.size(); ++i) {
    text += "      m" + std::to_string(i) + ": " + std::to_string(votes[i]) + "\n";
  }
  return xsector::parse_coalition(text, "bench.yaml");
}

enum Shape : int { equal_200 = 0, hundred_of_100 = 1, one_to_1000 = 2, dollars_12 = 3, dollars_40 = 4 };

std::vector<std::int64_t> votes_of(int shape) {
  std::vector<std::int64_t> v;
  std::uint64_t state = 42;
  switch (shape) {
    case equal_200: v.assign(200, 1); break;
    case hundred_of_100: v.assign(100, 100); break;
    case one_to_1000:
      for (std::int64_t i = 1; i <= 1000; ++i) v.push_back(i);
      break;
    case dollars_12:
      for (int i = 0; i < 12; ++i) v.push_back(10'000'000 + static_cast<std::int64_t>(next(state) % 90'000'000));
      break;
    default:
      for (int i = 0; i < 40; ++i) v.push_back(10'000'000 + static_cast<std::int64_t>(next(state) % 90'000'000));
      break;
  }
  return v;
}

const char* name_of(int shape) {
  static const char* const names[] = {"200 seats x 1 vote", "100 seats x 100 votes", "1000 seats, votes 1..1000",
                                      "12 seats, votes ~1e8", "40 seats, votes ~1e8"};
  return names[shape];
}

void BM_BodyPower(benchmark::State& state) {
  const xsector::Coalition c = assembly(votes_of(static_cast<int>(state.range(0))));
  xsector::PowerOptions options;
  for (auto _ : state) {
    ++options.seed;
    const auto p = xsector::body_power(c, 0, std::nullopt, options);
    benchmark::DoNotOptimize(p.seats.data());
    state.SetLabel(std::string(name_of(static_cast<int>(state.range(0)))) + (p.estimate ? " (estimated)" : " (exact)"));
  }
}

void BM_BodyPowerWithEveryDeparture(benchmark::State& state) {
  const xsector::Coalition c = assembly(votes_of(static_cast<int>(state.range(0))));
  xsector::PowerOptions options;
  for (auto _ : state) {
    ++options.seed;
    const auto p = xsector::body_power(c, 0, std::nullopt, options);
    for (const auto& s : p.seats) benchmark::DoNotOptimize(xsector::body_power(c, 0, s.member, options).seats.data());
    state.SetLabel(name_of(static_cast<int>(state.range(0))));
  }
}

}  // namespace

BENCHMARK(BM_BodyPower)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BodyPowerWithEveryDeparture)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
