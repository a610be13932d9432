#!/usr/bin/python3
"""Renders every network in every format and view, and checks the escaping file's SVG.

Usage: render_check.py XSECTOR SOURCE_DIR
"""
import glob
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()
SVG = "{http://www.w3.org/2000/svg}"



def svg_texts(path):
    root = ET.parse(path).getroot()  # raises on malformed XML
    return root, [t.text for t in root.iter(SVG + "text") if t.text]


files = sorted(glob.glob(os.path.join(source, "networks", "*.yaml")))
with tempfile.TemporaryDirectory() as tmp:
    for path in files:
        names = [m["name"] if "name" in m else m["id"] for m in yaml.safe_load(open(path))["members"]]
        for view in ("members", "sectors"):
            for ext in ("svg", "png", "pdf", "dot"):
                out = os.path.join(tmp, f"{os.path.basename(path)}.{view}.{ext}")
                r = subprocess.run([binary, "render", path, "-o", out, "--view", view], capture_output=True, text=True)
                check(f"render {path} {view} {ext}", r.returncode == 0 and os.path.getsize(out) > 0, r.stderr)
            svg = os.path.join(tmp, f"{os.path.basename(path)}.members.svg")
            if view == "members" and os.path.exists(svg):
                _, texts = svg_texts(svg)
                joined = "\n".join(texts)
                for name in names:
                    check(f"{path}: '{name}' drawn", name in texts or name in joined or name in " ".join(texts), name)
        with open(os.path.join(tmp, f"{os.path.basename(path)}.members.png"), "rb") as f:
            check(f"{path} png signature", f.read(8) == b"\x89PNG\r\n\x1a\n")

    escaping = os.path.join(source, "tests", "data", "escaping.yaml")
    out = os.path.join(tmp, "escaping.svg")
    r = subprocess.run([binary, "render", escaping, "-o", out], capture_output=True, text=True)
    check("escaping renders", r.returncode == 0, r.stderr)
    root, texts = svg_texts(out)
    for literal in ['<b>"x"</b> \\N & co', "A &amp; B \\l \\n done", "<i>Odd</i> & \\G sector",
                    "Members: Escapes <script>alert(1)</script>"]:
        check(f"literal {literal!r}", literal in texts or literal in " ".join(texts), texts)
    tags = {el.tag.replace(SVG, "") for el in root.iter()}
    check("no markup from names reaches the SVG", not tags & {"b", "i", "script"}, tags)

    good = os.path.join(source, "networks", "healthy-in-the-hills.yaml")
    r = subprocess.run([binary, "render", good, "-o", os.path.join(tmp, "x.gif")], capture_output=True, text=True)
    check("unknown extension exits 2", r.returncode == 2, r.stderr)
    r = subprocess.run([binary, "render", good, "-o", os.path.join(tmp, "y.svg"), "--layout", "spring"],
                       capture_output=True, text=True)
    check("unknown layout exits 2", r.returncode == 2)
    r = subprocess.run([binary, "render", good, "-o", os.path.join(tmp, "no", "dir", "y.svg")],
                       capture_output=True, text=True)
    check("unwritable output exits 3", r.returncode == 3, r.stderr)
    for layout in ("neato", "fdp", "sfdp", "dot", "circo"):
        r = subprocess.run([binary, "render", good, "-o", os.path.join(tmp, f"l-{layout}.svg"), "--layout", layout,
                            "--size-by", "power"], capture_output=True, text=True)
        check(f"layout {layout}", r.returncode == 0, r.stderr)

    # Size limits: above 5,000 members the default is the sectors view, with a note on stderr;
    # asking for the members view, or for a slow engine above 1,000 members, exits 2.
    def ring(n, path):
        with open(path, "w") as f:
            f.write("coalition: {name: Ring}\nmembers:\n")
            for i in range(n):
                f.write(f"  - {{id: m{i}, sector: {'housing' if i % 2 else 'education'}}}\n")
            f.write("ties:\n")
            for i in range(n):
                f.write(f"  - [m{i}, m{(i + 1) % n}]\n")

    huge = os.path.join(tmp, "huge.yaml")
    ring(5001, huge)
    out = os.path.join(tmp, "huge.svg")
    r = subprocess.run([binary, "render", huge, "-o", out], capture_output=True, text=True, timeout=600)
    check("5,001 members: exit 0", r.returncode == 0, r.stderr)
    check("5,001 members: a note says the sectors view is drawn",
          "note:" in r.stderr and "sectors view" in r.stderr and "5001" in r.stderr, r.stderr)
    if r.returncode == 0:
        _, texts = svg_texts(out)
        check("5,001 members: the sectors view", any(t.startswith("Sectors: Ring") for t in texts), texts[:3])
    for extra in (["--view", "members"], ["--layout", "sfdp"]):
        r = subprocess.run([binary, "render", huge, "-o", os.path.join(tmp, "refused.svg")] + extra,
                           capture_output=True, text=True, timeout=600)
        check(f"5,001 members {extra}: exit 2", r.returncode == 2 and "--view sectors" in r.stderr, r.stderr)
        check(f"5,001 members {extra}: no output", not os.path.exists(os.path.join(tmp, "refused.svg")))
    r = subprocess.run([binary, "render", huge, "-o", os.path.join(tmp, "s.svg"), "--view", "sectors"],
                       capture_output=True, text=True, timeout=600)
    check("5,001 members --view sectors: exit 0 without a note", r.returncode == 0 and "note" not in r.stderr,
          r.stderr)
    mid = os.path.join(tmp, "mid.yaml")
    ring(1001, mid)
    r = subprocess.run([binary, "render", mid, "-o", os.path.join(tmp, "mid.svg"), "--layout", "neato"],
                       capture_output=True, text=True, timeout=600)
    check("1,001 members --layout neato: exit 2", r.returncode == 2 and "sfdp" in r.stderr, r.stderr)
    r = subprocess.run([binary, "render", mid, "-o", os.path.join(tmp, "mid.png")],
                       capture_output=True, text=True, timeout=600)
    check("1,001 members: sfdp renders", r.returncode == 0 and r.stderr == "", r.stderr)

check.finish()
