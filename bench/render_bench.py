#!/usr/bin/python3
"""Times `xsector render` and `xsector compare` on generated coalitions, with peak memory.

Usage: bench/render_bench.py [BUILD_DIR] [--sizes 300,2000,5000,100000] [--waves 20000,100000]

Coalitions come from bench/gen_render.py (12 sectors, average degree about 10). Each size is
rendered to SVG and PNG with the default options; each wave size is compared with its
second wave (5% of the members replaced, 10% of the ties rewired), `--permutations 1000`.
Prints seconds and peak resident memory (MB) of each run and the exit code; a run that
takes longer than --timeout seconds (default 600) is reported as a timeout.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, timeout):
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        code, err = r.returncode, r.stderr.strip()
    except subprocess.TimeoutExpired:
        code, err = "timeout", ""
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: report it only when it grew.
    return seconds, (peak / 1024.0 if peak > before else None), code, err


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build", nargs="?", default="build")
    p.add_argument("--sizes", default="300,2000,5000,100000")
    p.add_argument("--waves", default="20000,100000")
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args()
    binary = os.path.join(args.build, "xsector")
    with tempfile.TemporaryDirectory() as tmp:
        def generate(n, extra=()):
            path = os.path.join(tmp, f"g{n}{'w' if extra else ''}.yaml")
            subprocess.run([sys.executable, os.path.join(here, "gen_render.py"), str(n), path, *extra], check=True)
            return path

        print(f"{'run':<32} {'seconds':>8} {'peak MB':>8}  exit  note")
        for n in [int(x) for x in args.sizes.split(",") if x]:
            path = generate(n)
            for ext in ("svg", "png"):
                s, mb, code, err = timed([binary, "render", path, "-o", os.path.join(tmp, f"out.{ext}")], args.timeout)
                mem = f"{mb:8.0f}" if mb else "       -"
                print(f"{f'render {n} members .{ext}':<32} {s:8.1f} {mem}  {code!s:>4}  {err[:80]}", flush=True)
        for n in [int(x) for x in args.waves.split(",") if x]:
            first = generate(n)
            second = generate(n, ("--wave-of", "1"))
            s, mb, code, err = timed([binary, "compare", first, second, "-f", "json", "-o",
                                      os.path.join(tmp, "cmp.json")], args.timeout)
            mem = f"{mb:8.0f}" if mb else "       -"
            print(f"{f'compare {n} members':<32} {s:8.1f} {mem}  {code!s:>4}  {err[:80]}", flush=True)


if __name__ == "__main__":
    main()
