// Times the QAP test of `compare` on two waves, apart from loading and analysis.
//
// Usage: render_bench A.yaml B.yaml [PERMUTATIONS]
//   (generate the waves with bench/gen_render.py N A.yaml and
//    bench/gen_render.py N B.yaml --wave-of 1)
//        render_bench --random N [PERMUTATIONS]
//   (no files: N common members, 5 N random pairs, the second wave with 10% rewired)
//
// Prints the common members, the tied pairs of each wave among them, the seconds to load,
// to build the pair lists and to run the test, r, p and the peak resident memory. Speed is
// measured here, never asserted in a test.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>

#include "xsector/compare.hpp"
#include "xsector/load.hpp"

using namespace xsector;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: render_bench A.yaml B.yaml [PERMUTATIONS] | --random N [PERMUTATIONS]\n");
    return 2;
  }
  const std::size_t permutations = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1000;
  if (std::string_view(argv[1]) == "--random") {
    const auto n = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
    std::mt19937_64 rng(1);
    PairList pa{n, {}};
    PairList pb{n, {}};
    for (std::size_t t = 0; t < 5ULL * n; ++t) {
      const auto x = static_cast<std::uint32_t>(rng() % n);
      const auto y = static_cast<std::uint32_t>(rng() % n);
      pa.pairs.emplace_back(x, y);
      if (rng() % 10 == 0) {
        pb.pairs.emplace_back(static_cast<std::uint32_t>(rng() % n), static_cast<std::uint32_t>(rng() % n));
      } else {
        pb.pairs.emplace_back(x, y);
      }
    }
    const auto start = std::chrono::steady_clock::now();
    const Qap q = qap_test(pa, pb, permutations, 1);
    const double test = seconds_since(start);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("random: %u members, %zu pairs; QAP (%zu relabellings) %.2f s, r = %.6f, p = %.4f, peak RSS %.0f MB\n",
                n, pa.pairs.size(), q.permutations, test, q.correlation.value_or(-2), q.p_value.value_or(-1),
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  const Coalition a = load_coalition_file(argv[1]);
  const Coalition b = load_coalition_file(argv[2]);
  const double load = seconds_since(start);

  start = std::chrono::steady_clock::now();
  std::vector<std::uint32_t> of_a(a.members.size(), UINT32_MAX);
  std::vector<std::uint32_t> of_b(b.members.size(), UINT32_MAX);
  std::uint32_t k = 0;
  // The common members in A's order, as compare numbers them.
  std::unordered_map<std::string_view, std::size_t> index_b;
  for (std::size_t j = 0; j < b.members.size(); ++j) index_b.emplace(b.members[j].id, j);
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const auto it = index_b.find(a.members[i].id);
    if (it == index_b.end()) continue;
    of_a[i] = k;
    of_b[it->second] = k;
    ++k;
  }
  auto pairs = [&](const Coalition& c, const std::vector<std::uint32_t>& of) {
    PairList list{k, {}};
    for (const Tie& t : c.ties) {
      if (of[t.a] != UINT32_MAX && of[t.b] != UINT32_MAX && of[t.a] != of[t.b]) {
        list.pairs.emplace_back(std::min(of[t.a], of[t.b]), std::max(of[t.a], of[t.b]));
      }
    }
    return list;
  };
  const PairList pa = pairs(a, of_a);
  const PairList pb = pairs(b, of_b);
  const double build = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const Qap q = qap_test(pa, pb, permutations, 1);
  const double test = seconds_since(start);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("common members %u, pairs %zu and %zu\n", k, pa.pairs.size(), pb.pairs.size());
  std::printf("load %.2f s, pair lists %.3f s, QAP (%zu relabellings) %.2f s\n", load, build, q.permutations, test);
  std::printf("r = %.6f, p = %.4f, peak RSS %.0f MB\n", q.correlation.value_or(-2), q.p_value.value_or(-1),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
