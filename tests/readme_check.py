#!/usr/bin/python3
"""The README's tour is real: every example block (a ``` block without a language whose first
line starts with `$ `) is run and its output compared with what the README shows.

Each `$ COMMAND` line runs in bash (a `cd DIR` line moves the rest of its block), in a scratch folder that holds the repository's networks/,
tests/ and a copy of examples/ (so `-o` outputs never land in the source tree), with `xsector` being the
built program. Standard output and standard error are read together, as a terminal shows them.
The lines after a command, up to the next `$ ` line, must equal its output line by line
(trailing spaces ignored); a line that is `...` alone (indented or not) stands for any number of
lines, so a block may show the first lines of a long output, and a line ending in `...` stands
for any line that begins with what precedes it.

Usage: readme_check.py XSECTOR SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()


def example_blocks(path):
    """(line number, [(command, [expected lines])]) for each example block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].strip() == "```" and i + 1 < len(lines) and lines[i + 1].startswith("$ "):
            start, i = i + 1, i + 1
            runs = []
            while i < len(lines) and lines[i].strip() != "```":
                if lines[i].startswith("$ "):
                    runs.append((lines[i][2:], []))
                else:
                    runs[-1][1].append(lines[i])
                i += 1
            blocks.append((start, runs))
        i += 1
    return blocks


def same(expected_line, actual_line):
    """Equal, or `expected_line` ends in `...` and begins `actual_line` (a long line cut)."""
    if expected_line.endswith("...") and expected_line.strip() != "...":
        return actual_line.startswith(expected_line[:-3])
    return expected_line == actual_line


def matches(expected, actual):
    """Whether `actual` lines fit `expected`, where a `...` line matches any run of lines."""
    expected = [e.rstrip() for e in expected]
    actual = [a.rstrip() for a in actual]

    def fit(e, a):
        if e == len(expected):
            return a == len(actual)
        if expected[e].strip() == "...":
            return any(fit(e + 1, k) for k in range(a, len(actual) + 1))
        return a < len(actual) and same(expected[e], actual[a]) and fit(e + 1, a + 1)

    return fit(0, 0)


def first_difference(expected, actual):
    for k, (e, a) in enumerate(zip(expected, actual)):
        if e.strip() == "...":
            return f"(after an elision) expected {expected[k + 1:k + 2]}"
        if not same(e.rstrip(), a.rstrip()):
            return f"line {k + 1}: expected {e!r}, got {a!r}"
    return f"expected {len(expected)} lines, got {len(actual)}"


blocks = example_blocks(os.path.join(source, "README.md"))
check("README.md has example blocks", len(blocks) >= 10, len(blocks))
with tempfile.TemporaryDirectory() as tmp:
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    os.symlink(binary, os.path.join(bindir, "xsector"))
    work = os.path.join(tmp, "work")
    os.mkdir(work)
    for folder in ("networks", "tests"):
        os.symlink(os.path.join(source, folder), os.path.join(work, folder))
    # A copy: the tour writes into examples/ after `cd examples`.
    shutil.copytree(os.path.join(source, "examples"), os.path.join(work, "examples"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), COLUMNS="100")
    for line, runs in blocks:
        cwd = work  # a `cd DIR` line moves the rest of its block, as in a terminal
        for command, expected in runs:
            if command.startswith("cd "):
                cwd = os.path.normpath(os.path.join(cwd, command[3:].strip()))
                continue
            while expected and not expected[-1].strip():
                expected.pop()
            r = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, timeout=300)
            actual = r.stdout.rstrip("\n").split("\n") if r.stdout.strip() else []
            ok = matches(expected, actual)
            check(f"README.md:{line}: $ {command}", ok,
                  first_difference(expected, actual) + "\n--- actual output:\n" + "\n".join(actual[:60]))
            print(f"{'ok' if ok else 'FAILED'} README.md:{line}: $ {command}")
check.finish()
