#!/usr/bin/python3
"""Every YAML example of docs/format.md is real. A ```yaml block marked with the HTML comment
`<!-- complete file -->` on the line before it must pass `xsector validate` (exit 0, ": ok:");
one marked `<!-- invalid: MESSAGE -->` must fail with exit 1 and MESSAGE on stderr, and when a
```text block follows it, that block must be exactly what is printed on stderr; one marked
`<!-- taxonomy file: NAME -->` is written as NAME next to the others, for the complete files
that name it. Unmarked blocks are fragments and are not run. checks.py (the shared counter)
imports PyYAML; this script itself needs only the standard library.

Usage: docs_check.py XSECTOR SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

binary, source = os.path.abspath(sys.argv[1]), sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()

MARKER = re.compile(r"^<!--\s*(complete file|invalid:\s*(?P<message>.*?)|taxonomy file:\s*(?P<name>\S+))\s*-->$")


def yaml_blocks(path):
    """(line of the fence, marker match or None, text, the ```text block right after it or
    None) of each ```yaml block of the page."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```yaml":
            start = i
            marker = MARKER.match(lines[i - 1].strip()) if i > 0 else None
            i += 1
            body = []
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            shown = None
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].strip() == "```text":
                end = lines.index("```", j + 1)
                shown = "\n".join(lines[j + 1:end])
            blocks.append((start + 1, marker, "\n".join(body) + "\n", shown))
        i += 1
    return blocks


def validate(folder, text):
    with open(os.path.join(folder, "coalition.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    return subprocess.run([binary, "validate", "coalition.yaml"], cwd=folder, capture_output=True, text=True)


page = os.path.join(source, "docs", "format.md")
blocks = yaml_blocks(page)
complete = [b for b in blocks if b[1] and b[1].group(1) == "complete file"]
invalid = [b for b in blocks if b[1] and b[1].group("message") is not None]
taxonomies = [b for b in blocks if b[1] and b[1].group("name") is not None]
check("format.md has complete example files", len(complete) >= 1, len(complete))
check("format.md has at least two invalid examples", len(invalid) >= 2, len(invalid))

with tempfile.TemporaryDirectory() as tmp:
    for line, marker, text, _ in taxonomies:
        with open(os.path.join(tmp, marker.group("name")), "w", encoding="utf-8") as f:
            f.write(text)
    for line, marker, text, _ in complete:
        r = validate(tmp, text)
        ok = r.returncode == 0 and ": ok:" in r.stdout
        check(f"format.md:{line}: complete file validates", ok, f"exit {r.returncode}: {r.stdout}{r.stderr}")
        print(f"{'ok' if ok else 'FAILED'} format.md:{line}: complete file: {r.stdout.strip() or r.stderr.strip()}")
    for line, marker, text, shown in invalid:
        expected = marker.group("message")
        r = validate(tmp, text)
        ok = check(f"format.md:{line}: invalid example fails with its message",
                   r.returncode == 1 and expected in r.stderr,
                   f"exit {r.returncode}, expected {expected!r} in: {r.stderr}")
        if shown is not None:
            ok = check(f"format.md:{line}: the messages shown are those printed", r.stderr.strip() == shown.strip(),
                       f"shown:\n{shown}\nprinted:\n{r.stderr}") and ok
        print(f"{'ok' if ok else 'FAILED'} format.md:{line}: invalid example: {expected}")

check.finish()
