#!/usr/bin/env python3
"""Write a random coalition file for timing the engine.

usage: gen_engine.py MEMBERS TIES OUT.yaml [--seed S] [--bodies]

Members get sectors of the built-in cross-sector taxonomy in turn; ties join uniformly random
distinct pairs (an Erdos-Renyi G(n, m) graph), a quarter of them directed, levels 1-4. With
--bodies a board of 15 seats and an assembly of every tenth member are added.
"""
import argparse
import random

SECTORS = ["public-health", "health-care", "behavioral-health", "social-services", "housing", "education",
           "economic", "transportation", "justice", "faith-based", "community-based", "residents",
           "government", "philanthropy", "environment", "academic"]
LEVELS = ["networking", "cooperating", "coordinating", "collaborating"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("members", type=int)
    ap.add_argument("ties", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bodies", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.members
    pairs = set()
    while len(pairs) < args.ties:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    with open(args.out, "w") as f:
        f.write(f"coalition:\n  name: random {n} members {args.ties} ties\n  taxonomy: cross-sector\n")
        f.write("  backbone: m0\n" if args.bodies else "")
        f.write("members:\n")
        for i in range(n):
            f.write(f"  - {{id: m{i}, sector: {SECTORS[i % len(SECTORS)]}}}\n")
        f.write("ties:\n")
        for a, b in sorted(pairs):
            level = LEVELS[rng.randrange(4)]
            if rng.random() < 0.25:
                f.write(f"  - {{from: m{a}, to: m{b}, level: {level}}}\n")
            else:
                f.write(f"  - {{between: [m{a}, m{b}], level: {level}}}\n")
        if args.bodies:
            board = ", ".join(f"m{i}: {1 + i % 3}" for i in range(min(n, 15)))
            assembly = ", ".join(f"m{i}: 1" for i in range(0, n, 10))
            f.write(f"governance:\n  - body: board\n    rule: majority\n    seats: {{{board}}}\n")
            f.write(f"  - body: assembly\n    rule: majority\n    seats: {{{assembly}}}\n")


if __name__ == "__main__":
    main()
