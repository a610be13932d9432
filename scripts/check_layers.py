#!/usr/bin/env python3
"""Checks the shape of the code (run by scripts/lint.sh; docs/development.md explains it).

1. Layers: every #include in src/ and include/xsector/ points to the same layer or a lower
   one, never up and never sideways between two layers of one rank.
2. Size: no source file in src/, include/ or web/ over 400 lines; no function in src/ over
   80 lines (Universal Ctags finds where each function ends), except the KNOWN_LONG ones,
   which may only shrink.

Prints every fault with its file and exits 1 if there is any.
"""
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Each layer, lowest first: (name, rank). Layers of one rank may not include each other.
RANKS = {
    "common": 0,
    "load": 1,
    "network": 2,
    "power": 2,
    "metrics": 3,
    "outputs": 4,
    "exchange": 5,
    "usecases": 6,
    "web": 7,
    "cli": 7,
    "python": 7,
}

# The layer of each public header (include/xsector/NAME.hpp), by what it declares.
PUBLIC = {
    "bigint": "common",
    "coalition": "common",
    "error": "common",
    "io": "common",
    "people_shown": "common",
    "version": "common",
    "load": "load",
    "crosswalk": "load",
    "survey_ties": "load",
    "network": "network",
    "power": "power",
    "analysis": "metrics",
    "brokerage": "metrics",
    "centrality": "metrics",
    "coalition_power": "metrics",
    "compare": "metrics",
    "figures": "metrics",
    "findings": "metrics",
    "people": "metrics",
    "resilience": "metrics",
    "sectors": "metrics",
    "structure": "metrics",
    "survey": "metrics",
    "trend": "metrics",
    "finding_text": "outputs",
    "output": "outputs",
    "render": "outputs",
    "report": "outputs",
    "taxonomy_view": "outputs",
    "wording": "outputs",
    "exchange": "exchange",
    "open": "exchange",
    "survey_kit": "exchange",
    "usecases": "usecases",
}

# Files and functions that were over the limits when this check came in, with their length
# then: each may only shrink (and leaves this list once it fits); nothing new may join it.
KNOWN_LONG = {
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80


def layer_of_file(path: pathlib.Path):
    rel = path.relative_to(ROOT).parts
    if rel[0] == "include":
        return PUBLIC.get(path.name.split(".")[0], "?")
    if rel[0] == "src":
        return rel[1] if len(rel) > 2 else "?"
    if rel[0] in ("web", "python"):
        return rel[0]
    return "?"


def layer_of_include(name: str):
    if name.startswith("xsector/"):
        return PUBLIC.get(pathlib.Path(name).stem, "?")
    first = name.split("/")[0]
    return first if first in RANKS else None  # a sibling file of the same folder, or generated


def source_files():
    out = subprocess.run(["git", "ls-files", "src", "include", "web", "python"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    return [ROOT / f for f in out if f.endswith((".cpp", ".hpp", ".h", ".hpp.in"))]


def check_layers(files):
    faults = []
    for f in files:
        mine = layer_of_file(f)
        if mine == "?":
            faults.append(f"{f.relative_to(ROOT)}: no layer known for this file (add it to scripts/check_layers.py)")
            continue
        for m in INCLUDE.finditer(f.read_text(encoding="utf-8")):
            theirs = layer_of_include(m.group(1))
            if theirs is None or theirs == mine:
                continue
            if theirs == "?":
                faults.append(f"{f.relative_to(ROOT)}: includes {m.group(1)}, whose layer is not known "
                              "(add it to scripts/check_layers.py)")
            elif RANKS[theirs] >= RANKS[mine]:
                faults.append(f"{f.relative_to(ROOT)} ({mine}) includes {m.group(1)} ({theirs}): "
                              "a lower layer must not include a higher or sibling one")
    return faults


def check_sizes(files):
    faults = []
    for f in files:
        lines = f.read_text(encoding="utf-8").count("\n")
        known = KNOWN_LONG.get(str(f.relative_to(ROOT)))
        if lines > MAX_FILE_LINES and (known is None or lines > known):
            faults.append(f"{f.relative_to(ROOT)}: {lines} lines (at most {MAX_FILE_LINES}"
                          + (f", or its known {known}" if known else "") + ")")
    ctags = shutil.which("ctags-universal") or shutil.which("ctags")
    if ctags is None:
        faults.append("Universal Ctags is not installed (scripts/setup.sh installs universal-ctags)")
        return faults
    cpp = [str(f) for f in files if f.suffix == ".cpp" and f.relative_to(ROOT).parts[0] in ("src", "web", "python")]
    out = subprocess.run([ctags, "-x", "--c++-kinds=f", "--fields=+ne", "--_xformat=%{line} %{end} %{input} %{name}",
                          *cpp], check=True, capture_output=True, text=True).stdout
    for row in out.splitlines():
        start, end, path, name = row.split(" ", 3)
        if not (start.isdigit() and end.isdigit()):
            continue
        length = int(end) - int(start) + 1
        if length > MAX_FUNCTION_LINES:
            rel = pathlib.Path(path).resolve().relative_to(ROOT)
            known = KNOWN_LONG.get(f"{rel}:{name}")
            if known is None or length > known:
                faults.append(f"{rel}:{start}: function {name} is {length} lines (at most {MAX_FUNCTION_LINES}"
                              + (f", or its known {known}" if known else "") + ")")
    return faults


def main():
    files = source_files()
    faults = check_layers(files) + check_sizes(files)
    for fault in faults:
        print(f"layers: {fault}", file=sys.stderr)
    if faults:
        return 1
    print(f"layers: {len(files)} files: includes point down, files at most {MAX_FILE_LINES} lines, "
          f"functions at most {MAX_FUNCTION_LINES} ({len(KNOWN_LONG)} known longer ones may only shrink)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
