#!/usr/bin/python3
"""Times xsector, igraph and NetworkX on the same generated graphs and prints ratios.

Usage: bench/compare.py [BUILD_DIR] [--json]   (default build; run after scripts/setup.sh)

The graphs come from `metrics_bench --write-graphs`: G(n, 5n) for n = 1000 and 10000.
igraph runs single-threaded; NetworkX runs only on n = 1000 for the all-pairs metrics
(10000 would take many minutes). Ratios are xsector time / other time: below 1 is faster.
With --json the rows are printed as a JSON array instead (bench/run.py --kernels reads it).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import igraph
import networkx as nx

as_json = "--json" in sys.argv[1:]
positional = [a for a in sys.argv[1:] if a != "--json"]
build = positional[0] if positional else "build"
bench = os.path.join(build, "bench", "metrics_bench")


def best_of(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0


with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([bench, "--write-graphs", tmp], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([bench, "--benchmark_format=json", "--benchmark_min_time=0.5"],
                         check=True, capture_output=True, text=True)
    ours = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        parts = b["name"].split("/")  # BM_Name/n or BM_Name/n/threads
        if len(parts) == 3 and parts[2] != "1":
            continue  # compare single-threaded runs with single-threaded igraph
        ours[(parts[0][3:], int(parts[1]))] = b["real_time"]  # milliseconds
    graphs = {}
    for n in (1000, 10000):
        with open(os.path.join(tmp, f"er_{n}.txt")) as f:
            f.readline()
            rows_ = [tuple(map(int, line.split())) for line in f]
        edges = [(a, b) for a, b, _ in rows_]
        ig = igraph.Graph(n=n, edges=edges)
        ig.es["twelfths"] = [12 // level for _, _, level in rows_]  # distance 1/level in twelfths
        g = nx.Graph()
        g.add_weighted_edges_from(((a, b, 12 // level) for a, b, level in rows_), weight="twelfths")
        graphs[n] = (ig, g)

rows = []
for n, (ig, g) in graphs.items():
    reps = 5 if n == 1000 else 2
    cases = [
        ("Betweenness", lambda: ig.betweenness(directed=False), lambda: nx.betweenness_centrality(g)),
        ("WeightedBetweenness", lambda: ig.betweenness(directed=False, weights="twelfths"),
         lambda: nx.betweenness_centrality(g, weight="twelfths")),
        ("PathFigures", lambda: (ig.closeness(), ig.harmonic_centrality()),
         lambda: (nx.closeness_centrality(g), nx.harmonic_centrality(g))),
        ("PageRank", lambda: ig.pagerank(), lambda: nx.pagerank(g)),
        ("Eigenvector", lambda: ig.eigenvector_centrality(scale=False), lambda: nx.eigenvector_centrality(g)),
        ("CoreNumbers", lambda: ig.coreness(), lambda: nx.core_number(g)),
        ("Constraint", lambda: ig.constraint(), lambda: nx.constraint(g)),
    ]
    for name, igraph_fn, nx_fn in cases:
        t_ig = best_of(igraph_fn, reps)
        all_pairs = name in ("Betweenness", "WeightedBetweenness", "PathFigures", "Constraint")
        t_nx = best_of(nx_fn, 1) if (n == 1000 or not all_pairs) else None
        rows.append((name, n, ours[(name, n)], t_ig, t_nx))

if as_json:
    print(json.dumps([{"name": name, "n": n, "xsector_ms": t, "igraph_ms": t_ig, "networkx_ms": t_nx,
                       "ratio_igraph": t / t_ig, "ratio_networkx": t / t_nx if t_nx else None}
                      for name, n, t, t_ig, t_nx in rows]))
    sys.exit(0)

print(f"{'metric':<20}{'n':>7}{'xsector ms':>12}{'igraph ms':>11}{'ratio':>7}{'networkx ms':>13}{'ratio':>8}")
for name, n, t, t_ig, t_nx in rows:
    nx_cols = f"{t_nx:>13.1f}{t / t_nx:>8.3f}" if t_nx else f"{'-':>13}{'-':>8}"
    print(f"{name:<20}{n:>7}{t:>12.2f}{t_ig:>11.2f}{t / t_ig:>7.2f}{nx_cols}")
