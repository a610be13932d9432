#!/usr/bin/python3
"""Sector colours never collide: for every file in networks/ and for a file with all 18
cross-sector sectors plus 25 declared ones, draws the members and sectors views (DOT) and
checks that members of one sector look alike and members (or boxes) of two sectors never
do; and that the plain fill colours stay apart for normal vision and under simulated
protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1),
by at least 15 CIELAB (1976) units.

Usage: palette_check.py XSECTOR SOURCE_DIR
"""
import glob
import itertools
import math
import os
import re
import subprocess
import sys
import tempfile

import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()



SIMULATIONS = {
    "normal": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(c):
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(colour, vision):
    rgb = [linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]
    m = SIMULATIONS[vision]
    r, g, b = (max(0.0, min(1.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def distance(a, b):
    return min(math.dist(lab(a, v), lab(b, v)) for v in SIMULATIONS)


def nodes(dot):
    """node name -> its attribute text, from `xsector render -o X.dot`."""
    out = {}
    for m in re.finditer(r'^\t("(?:[^"\\]|\\.)*"|[^\s\[]+)\s*\[(.*?)\];', dot, re.S | re.M):
        name = m.group(1).strip('"')
        if " -- " in name or " -> " in name:
            continue
        out[name] = m.group(2)
    return out


def attribute(attrs, key):
    m = re.search(r'(?:^|[\s,])' + key + r'=("(?:[^"\\]|\\.)*"|[^,\s\]]+)', attrs)
    return m.group(1).strip('"') if m else ""


def look(attrs):
    return (attribute(attrs, "fillcolor"), attribute(attrs, "style").replace(",bold", "").replace(",rounded", ""),
            attribute(attrs, "gradientangle"))


def render(path, view, tmp):
    out = os.path.join(tmp, f"{os.path.basename(path)}.{view}.dot")
    r = subprocess.run([binary, "render", path, "-o", out, "--view", view], capture_output=True, text=True)
    check(f"render {path} {view}", r.returncode == 0, r.stderr)
    return open(out).read() if r.returncode == 0 else ""


def check_file(path, tmp):
    doc = yaml.safe_load(open(path))
    sector_of = {m["id"]: m["sector"] for m in doc["members"]}
    # Members view: one look per sector, and no look shared by two sectors.
    drawn = nodes(render(path, "members", tmp))
    looks = {}
    for member, sector in sector_of.items():
        check(f"{path}: {member} drawn", member in drawn, sorted(drawn)[:5])
        if member in drawn:
            looks.setdefault(sector, set()).add(look(drawn[member]))
    for sector, seen in looks.items():
        check(f"{path}: every {sector} member looks alike", len(seen) == 1, seen)
    flat = [(s, l) for s, ls in looks.items() for l in ls]
    for (s1, l1), (s2, l2) in itertools.combinations(flat, 2):
        check(f"{path}: {s1} and {s2} look different", l1 != l2, (l1, l2))
    # Sectors view: each sector box its own look, the same as its members'.
    boxes = nodes(render(path, "sectors", tmp))
    box_looks = {name: look(a) for name, a in boxes.items() if name in looks}
    check(f"{path}: one box per sector at the table", set(box_looks) == set(looks), (set(box_looks), set(looks)))
    check(f"{path}: sector boxes all differ", len(set(box_looks.values())) == len(box_looks), box_looks)
    for sector, l in box_looks.items():
        check(f"{path}: {sector} box matches its members", {l} == looks.get(sector), (l, looks.get(sector)))
    return {l[0] for ls in looks.values() for l in ls if ":" not in l[0]}


with tempfile.TemporaryDirectory() as tmp:
    plain = set()
    for path in sorted(glob.glob(os.path.join(source, "networks", "*.yaml"))):
        plain |= check_file(path, tmp)
    taxonomy = yaml.safe_load(open(os.path.join(source, "networks", "taxonomies", "cross-sector.yaml")))
    many = os.path.join(tmp, "many-sectors.yaml")
    ids = [s["id"] for s in taxonomy["sectors"]] + [f"own{k}" for k in range(25)]
    with open(many, "w") as f:
        f.write("coalition: {name: Forty-three sectors}\nsectors:\n")
        for k in range(25):
            f.write(f"  - {{id: own{k}, name: Own sector {k}}}\n")
        f.write("members:\n")
        for i, s in enumerate(ids):
            f.write(f"  - {{id: m{i}, name: Member {i}, sector: {s}}}\n")
        f.write("ties:\n")
        for i in range(len(ids)):
            f.write(f"  - [m{i}, m{(i + 1) % len(ids)}]\n")
    check("the test file has 43 sectors", len(ids) == 43, len(ids))
    plain |= check_file(many, tmp)
    check("plain fills found", len(plain) >= 10, plain)
    for a, b in itertools.combinations(sorted(plain), 2):
        d = distance(a, b)
        check(f"{a} and {b} apart for every kind of vision", d >= 15, round(d, 1))

check.finish()
