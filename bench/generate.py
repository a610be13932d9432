#!/usr/bin/python3
"""Writes a generated coalition file for the benchmarks (deterministic for a given seed).

    bench/generate.py --members 10000 -o c10k.yaml
    bench/generate.py --members 200 --assembly 200 -o c200.yaml
    bench/generate.py --members 1000 --body linear -o body1000.yaml
    bench/generate.py --members 1000 --body huge -o body2e40.yaml
    bench/generate.py --members 10000 --wave 2 -o c10k-wave2.yaml

Members are spread evenly over 12 sectors of the built-in cross-sector taxonomy. Ties:
about `--degree / 2` per member (average degree 10 by default, so ties ~ 5 x members),
distinct unordered pairs, no self-ties. `--model clustered` (the default) draws each
tie's second end from the first end's sector with probability `--within` (0.5) and
uniformly otherwise; `--model gnm` is the plain G(n, m) random graph. Tie forms are mixed
the way real files mix them: half the `[a, b]` shorthand (level networking), most of the
rest `{between: [a, b], level: L}`, 5 % directed `{from: a, to: b, level: L}`.

Governance (optional, on the first N members):
  --assembly N      one body of N seats, one vote each, majority
  --body linear     one body of --seats (default 1,000) seats with votes 1..N, majority
  --body huge       the same seats with votes drawn from [2^29, 2^30]: with 1,000 seats
                    the total is near 2^40, the largest body total the format accepts
  --body over       votes drawn from [2^39, 2^40] per seat (the total is far above 2^40)

`--wave 2` writes a second wave of the same coalition: 5 % of members leave (with their
ties and seats), 5 % join, 10 % of the remaining ties dissolve and as many new ones form, 10 % of
the ties change level. Wave 1 is the file without `--wave`.

Only the Python standard library is used; the same arguments always give the same bytes.
"""
import argparse
import random
import sys

# Bump when the same arguments give different bytes (bench/run.py regenerates its cache).
FORMAT_VERSION = 1

SECTORS = [
    "public-health", "health-care", "behavioral-health", "social-services", "housing",
    "education", "economic", "transportation", "justice", "faith-based",
    "community-based", "residents",
]
LEVEL_NAMES = {1: "networking", 2: "coordinating", 3: "cooperating", 4: "collaborating"}


def member_id(i, width):
    return f"m{i:0{width}d}"


def draw_ties(rng, members, sector_of, by_sector, count, model, within, existing=None):
    """Adds `count` new distinct unordered pairs of `members` to a set and returns it."""
    pairs = set() if existing is None else existing
    target = len(pairs) + count
    n = len(members)
    max_pairs = n * (n - 1) // 2
    target = min(target, max_pairs)
    while len(pairs) < target:
        a = members[rng.randrange(n)]
        if model == "clustered" and rng.random() < within:
            group = by_sector[sector_of[a]]
            b = group[rng.randrange(len(group))]
        else:
            b = members[rng.randrange(n)]
        if a == b:
            continue
        pairs.add((a, b) if a < b else (b, a))
    return pairs


def tie_form(rng):
    """Returns (form, level): form 0 shorthand, 1 between with level, 2 directed."""
    r = rng.random()
    if r < 0.5:
        return 0, 1
    if r < 0.95:
        return 1, rng.randint(1, 4)
    return 2, rng.randint(1, 4)


def build(args):
    rng = random.Random(args.seed)
    n = args.members
    width = max(4, len(str(n * 2)))
    members = list(range(n))
    sector_of = {i: i % len(SECTORS) for i in members}
    by_sector = {s: [i for i in members if sector_of[i] == s] for s in range(len(SECTORS))}
    ties_wanted = round(n * args.degree / 2)
    pairs = draw_ties(rng, members, sector_of, by_sector, ties_wanted, args.model, args.within)
    ties = {p: tie_form(rng) for p in sorted(pairs)}

    if args.wave == 2:
        wave_rng = random.Random(args.seed * 1_000_003 + 2)
        leaving = set(wave_rng.sample(members, max(1, n // 20)))
        joining = list(range(n, n + max(1, n // 20)))
        for j in joining:
            sector_of[j] = j % len(SECTORS)
        members = [m for m in members if m not in leaving] + joining
        by_sector = {s: [i for i in members if sector_of[i] == s] for s in range(len(SECTORS))}
        kept = {p: f for p, f in ties.items() if p[0] not in leaving and p[1] not in leaving}
        keys = sorted(kept)
        dissolved = set(wave_rng.sample(keys, len(keys) // 10))
        kept = {p: f for p, f in kept.items() if p not in dissolved}
        for p in sorted(kept):
            if wave_rng.random() < 0.1:
                form, _ = kept[p]
                kept[p] = (1 if form == 0 else form, wave_rng.randint(1, 4))
        new_pairs = draw_ties(wave_rng, members, sector_of, by_sector,
                              ties_wanted - len(kept), args.model, args.within, set(kept))
        for p in sorted(new_pairs):
            if p not in kept:
                kept[p] = tie_form(wave_rng)
        ties = kept

    out = []
    w = out.append
    w(f"# Generated by bench/generate.py --members {n} --seed {args.seed}"
      f" --model {args.model} --degree {args.degree:g}"
      + (f" --assembly {args.assembly}" if args.assembly else "")
      + (f" --body {args.body} --seats {args.seats}" if args.body else "")
      + (f" --wave {args.wave}" if args.wave != 1 else "") + "\n")
    w("coalition:\n")
    w(f"  name: Generated coalition of {n} members\n")
    w("  place: Nowhere County\n")
    w(f"  as_of: {'2025-06-30' if args.wave == 2 else '2024-06-30'}\n")
    w(f"  backbone: {member_id(0, width)}\n")
    w("  taxonomy: cross-sector\n")
    w("\nmembers:\n")
    for m in members:
        s = SECTORS[sector_of[m]]
        w(f"  - id: {member_id(m, width)}\n    name: Organization {m}\n    sector: {s}\n")
        if s in ("community-based", "residents"):
            w("    community_led: true\n")
        if s == "residents":
            w("    lived_experience: true\n")
        if m % 10 == 3:
            w(f"    funding: {1000 * (m % 97 + 1)}\n")
    w("\nties:\n")
    for (a, b), (form, level) in ties.items():
        ia, ib = member_id(a, width), member_id(b, width)
        if form == 0:
            w(f"  - [{ia}, {ib}]\n")
        elif form == 1:
            w(f"  - {{between: [{ia}, {ib}], level: {LEVEL_NAMES[level]}}}\n")
        else:
            w(f"  - {{from: {ia}, to: {ib}, level: {level}}}\n")

    bodies = []
    present = set(members)  # in wave 2, members who left lose their seats
    if args.assembly:
        seats = [(m, 1) for m in range(args.assembly) if m in present]
        bodies.append(("assembly", seats))
    if args.body == "linear":
        bodies.append(("board", [(m, m + 1) for m in range(args.seats) if m in present]))
    elif args.body in ("huge", "over"):
        body_rng = random.Random(args.seed * 7919 + 40)
        # huge: the total stays under 2^40 (seats x 2^30 at most); over: each seat near 2^40
        low, high = (2**29, 2**30) if args.body == "huge" else (2**39, 2**40)
        votes = [body_rng.randint(low, high) for _ in range(args.seats)]
        bodies.append(("board", [(m, votes[m]) for m in range(args.seats) if m in present]))
    if bodies:
        w("\ngovernance:\n")
        for name, seats in bodies:
            w(f"  - body: {name}\n    decides: [strategy, budget]\n    rule: majority\n"
              "    seats:\n")
            for m, votes in seats:
                w(f"      {member_id(m, width)}: {votes}\n")
    return "".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, required=True)
    p.add_argument("--degree", type=float, default=10.0, help="average degree (default 10)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--model", choices=["clustered", "gnm"], default="clustered")
    p.add_argument("--within", type=float, default=0.5,
                   help="clustered model: share of ties drawn inside the sector")
    p.add_argument("--assembly", type=int, default=0, metavar="N")
    p.add_argument("--body", choices=["linear", "huge", "over"])
    p.add_argument("--seats", type=int, default=1000)
    p.add_argument("--wave", type=int, choices=[1, 2], default=1)
    p.add_argument("-o", "--output", default="-")
    args = p.parse_args()
    if args.members < 2:
        p.error("--members must be at least 2")
    if args.assembly > args.members or (args.body and args.seats > args.members):
        p.error("a body cannot have more seats than there are members")
    text = build(args)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
