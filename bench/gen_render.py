#!/usr/bin/python3
"""Writes generated coalitions for timing `render` and `compare`.

Usage: bench/gen_render.py N OUT.yaml [--seed S] [--wave-of BASE_SEED]

N members in 12 sectors of the cross-sector taxonomy, about 5 N ties (average degree
about 10): each member ties mostly within its sector and sometimes across (a planted
partition), with mixed levels and one tie in ten directed. With `--wave-of S` the file is a
second wave of the coalition generated with seed S: 5% of the members leave, as many join,
and 10% of the ties are rewired, so the two files share most members and most ties.
"""
import argparse
import random

SECTORS = ["public-health", "health-care", "behavioral-health", "social-services", "housing", "education",
           "economic", "transportation", "justice", "faith-based", "community-based", "residents"]
LEVELS = ["networking", "cooperating", "coordinating", "collaborating"]


def coalition(n, seed):
    rng = random.Random(seed)
    sector = [i % len(SECTORS) for i in range(n)]
    by_sector = [[i for i in range(n) if sector[i] == s] for s in range(len(SECTORS))]
    ties = set()
    target = 5 * n
    while len(ties) < target and n > 1:
        a = rng.randrange(n)
        if rng.random() < 0.7:
            pool = by_sector[sector[a]]
            b = pool[rng.randrange(len(pool))]
        else:
            b = rng.randrange(n)
        if a == b:
            continue
        ties.add((min(a, b), max(a, b)))
    return sector, sorted(ties), rng


def second_wave(n, sector, ties, rng):
    left = set(rng.sample(range(n), n // 20))
    joined = list(range(n, n + len(left)))
    sector = sector + [rng.randrange(len(SECTORS)) for _ in joined]
    alive = [i for i in range(n) if i not in left] + joined
    kept = [t for t in ties if t[0] not in left and t[1] not in left]
    rng.shuffle(kept)
    kept = kept[len(kept) // 10:]
    out = set(kept)
    while len(out) < len(ties):
        a, b = rng.choice(alive), rng.choice(alive)
        if a != b:
            out.add((min(a, b), max(a, b)))
    return alive, sector, sorted(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--wave-of", type=int, default=None)
    args = p.parse_args()
    seed = args.seed if args.wave_of is None else args.wave_of
    sector, ties, rng = coalition(args.n, seed)
    members = list(range(args.n))
    as_of = "2024-01-01"
    if args.wave_of is not None:
        rng = random.Random(args.seed + 1000003)
        members, sector, ties = second_wave(args.n, sector, ties, rng)
        as_of = "2025-01-01"
    rng = random.Random(seed * 7 + 1)
    with open(args.out, "w") as f:
        f.write(f"coalition:\n  name: Generated {args.n}\n  as_of: {as_of}\n  taxonomy: cross-sector\n\nmembers:\n")
        for i in members:
            f.write(f"  - {{id: m{i}, name: Member {i}, sector: {SECTORS[sector[i]]}}}\n")
        f.write("\nties:\n")
        for a, b in ties:
            level = LEVELS[(a * 31 + b * 17) % 4]
            if (a + b) % 10 == 0:
                f.write(f"  - {{from: m{a}, to: m{b}, level: {level}}}\n")
            else:
                f.write(f"  - {{between: [m{a}, m{b}], level: {level}}}\n")


if __name__ == "__main__":
    main()
