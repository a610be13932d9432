#!/usr/bin/python3
"""Writes a large valid coalition file for measuring the loader.

Usage: gen_load.py MEMBERS TIES OUT.yaml [--seed N]

Members m0..m{MEMBERS-1} in block style (id, name, sector, tags), then TIES distinct
undirected ties in the shorthand form, plus one governance body of 100 seats. Measure
with `/usr/bin/time -v xsector validate OUT.yaml` (Maximum resident set size).
"""
import random
import sys

SECTORS = ["public-health", "health-care", "housing", "education", "economic",
           "community-based", "residents", "government", "faith-based", "transportation"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = 1
    if "--seed" in sys.argv:
        seed = int(sys.argv[sys.argv.index("--seed") + 1])
        args.remove(str(seed))
    members, ties, out = int(args[0]), int(args[1]), args[2]
    if members < 2 and ties:
        sys.exit("ties need two members or more")
    if ties > members * (members - 1) // 2:
        sys.exit("more ties than pairs")
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        f.write("coalition:\n  name: Generated load test\n  as_of: 2024-06-30\n  backbone: m0\n")
        f.write("members:\n")
        for i in range(members):
            f.write(f"  - id: m{i}\n    name: Member organization {i}\n"
                    f"    sector: {SECTORS[i % len(SECTORS)]}\n    tags: [t{i % 7}]\n")
        if ties:
            f.write("ties:\n")
            seen = set()
            while len(seen) < ties:
                a, b = rng.randrange(members), rng.randrange(members)
                if a == b:
                    continue
                key = (min(a, b), max(a, b))
                if key in seen:
                    continue
                seen.add(key)
                f.write(f"  - [m{a}, m{b}]\n")
        seats = min(members, 100)
        f.write("governance:\n  - body: board\n    seats: {")
        f.write(", ".join(f"m{i}: {1 + i % 3}" for i in range(seats)))
        f.write("}\n    veto: [m0]\n")


if __name__ == "__main__":
    main()
