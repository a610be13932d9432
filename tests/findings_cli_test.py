#!/usr/bin/python3
"""End-to-end checks of the findings as a coordinator reads them: grouped lines, claims the
file supports, and wording, over every networks/*.yaml and hand-built variants of them (no
governance, no survey, no contacts).

Usage: findings_cli_test.py XSECTOR SOURCE_DIR
"""
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks, DatesAsText  # noqa: E402

check = Checks()
hills = os.path.join(source, "networks", "healthy-in-the-hills.yaml")


def run(*args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"FAIL exit {r.returncode}: {' '.join(args)}: {r.stderr}")
    return r


def findings_section(text):
    """The lines of the table's Findings section."""
    lines = text.split("\n")
    start = lines.index("Findings") + 1
    return [line for line in lines[start:] if line.strip()]


# --- The Hills network: one line per kind of finding, at most 12. -----------------------
table = run("analyze", hills).stdout
lines = findings_section(table)
finding_lines = [line for line in lines if line.startswith("  [")]
check("hills at most 12 finding lines", 0 < len(finding_lines) <= 12, "\n".join(lines))
doc = json.loads(run("analyze", hills, "--format", "json").stdout)
findings = doc["findings"]
groups = doc["finding_groups"]
check("hills findings in all", f"{len(findings)} findings in all" in table, lines[-1])
# Every finding sits in exactly one group of its code, with the group's severity its most severe.
order = ["high", "medium", "low", "info"]
for g in groups:
    members = [f for f in findings if f["code"] == g["code"]]
    check(f"group {g['code']} count", g["count"] == len(members), g)
    check(f"group {g['code']} severity",
          g["severity"] == min((f["severity"] for f in members), key=order.index), g)
    subjects = []
    for f in members:
        for s in f["subjects"]:
            if s not in subjects:
                subjects.append(s)
    check(f"group {g['code']} subjects", g["subjects"] == subjects, g)
    check(f"group {g['code']} message", g["message"] and g["code"] not in g["message"], g)
check("groups cover every code", sorted(g["code"] for g in groups) == sorted({f["code"] for f in findings}))
# Hills by hand: the backbone is its one cut point (every other member hangs on it), so
# one departure splits the network; two core sectors (public health, housing) are missing.
highs = [f for f in findings if f["severity"] == "high"]
check("hills one departure splits", [f["subjects"] for f in findings if f["code"] == "departure-splits-network"]
      == [["whwc"]], highs)
check("hills missing core", sorted(f["subjects"][0] for f in findings if f["code"] == "missing-core-sector")
      == ["housing", "public-health"])
# A person's finding is high only when the coalition loses something: a split or a sector
# left with no tie to any other sector (here every sector but health care ties only to whwc).
for f in highs:
    if f["code"] == "person-departure-cuts-ties":
        check("person high says why", "could no longer reach" in f["message"]
              or "would keep no tie to any other sector" in f["message"], f)
# One finding per member resting on single contacts, never one per person.
per_member = [f["subjects"][0] for f in findings if f["code"] in ("member-single-carrier", "single-carried-ties")]
check("one people finding per member", len(per_member) == len(set(per_member)), per_member)
# --all-findings lists each finding on its own line.
every = findings_section(run("analyze", hills, "--all-findings").stdout)
check("all findings listed", len([line for line in every if line.startswith("  [")]) == len(findings),
      len(every))
markdown = run("analyze", hills, "--format", "markdown").stdout
md_lines = [line for line in markdown.split("## Findings")[1].split("\n") if line.startswith("- **")]
check("markdown grouped like the table", len(md_lines) == len(finding_lines), md_lines)


# --- Variants of every network: no governance, no survey, no contacts. -------------------
def variants(path):
    with open(path, encoding="utf-8") as f:
        base = yaml.load(f, Loader=DatesAsText)
    yield "as is", base
    if "governance" in base:
        yield "no governance", {k: v for k, v in base.items() if k != "governance"}
    if "survey" in base:
        yield "no survey", {k: v for k, v in base.items() if k != "survey"}
    if any("contacts" in m for m in base.get("members", [])):
        stripped = dict(base)
        stripped["members"] = [{k: v for k, v in m.items() if k != "contacts"} for m in base["members"]]
        stripped["ties"] = [{k: v for k, v in t.items() if k != "carried_by"} if isinstance(t, dict) else t
                            for t in base.get("ties", [])]
        yield "no contacts", stripped


def visible(page):
    """The text of an HTML page, without tags and attributes."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def section(page, ident):
    m = re.search(r'<section id="' + ident + r'"[^>]*>(.*?)</section>', page, flags=re.S)
    return m.group(1) if m else ""


bad_wording = [
    (r"\bAll [12] of\b", "All 1/2 of"),
    (r"\b1 (responses|members|ties|sectors|pairs|relationships|findings|seats|contacts|people|groups|votes)\b",
     "1 with a plural"),
    (r"'s's", "'s's"),
    (r"s's\b", "s's"),
    (r"\b(?:[02-9]|\d\d+) (relationship|member|tie|sector|pair|finding|contact|response)\b(?!s)",
     "plural count with a singular noun"),
]
codes = set()
work = tempfile.mkdtemp()
for path in sorted(glob.glob(os.path.join(source, "networks", "*.yaml"))):
    for label, data in variants(path):
        name = f"{os.path.basename(path)} ({label})"
        file = os.path.join(work, "variant.yaml")
        with open(file, "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False)
        governed = bool(data.get("governance"))
        r = run("analyze", file, "--format", "json")
        if r.returncode != 0:
            check(f"{name} analyzes", False, r.stderr)
            continue
        doc = json.loads(r.stdout)
        found = doc["findings"]
        codes |= {f["code"] for f in found}
        # No seat, body or vote in a file without governance (the no-governance note says so).
        if not governed:
            for f in found:
                if f["code"] == "no-governance":
                    continue
                check(f"{name}: no seat claim", not re.search(r"\b(seats?|vote|voting|decision bod)", f["message"]),
                      f["message"])
        # Unplaced members count in no sector's gaps.
        unplaced = {u["member"] for u in doc["gaps"]["unplaced"]}
        check(f"{name}: unplaced not thin", not any(t["member"] in unplaced for t in doc["gaps"]["thin"]))
        # What to do next: every sentence checked against the data.
        out = os.path.join(work, "report")
        if run("report", file, "-o", out).returncode != 0:
            continue
        with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
            page = f.read()
        nxt = visible(section(page, "next"))
        missing_core = [f["subjects"][0] for f in found if f["code"] == "missing-core-sector"]
        splits = any(f["code"] in ("departure-splits-network", "separate-groups") for f in found)
        if not governed:
            check(f"{name}: next steps claim no seat", not re.search(r"\b(seats?|vote|body|bodies)\b", nxt), nxt)
        if "no core sector is missing" in nxt:
            check(f"{name}: no core missing", not missing_core, nxt)
        if "no single departure cuts members off" in nxt:
            check(f"{name}: no split", not splits, nxt)
        if "every sector holds a seat" in nxt:
            check(f"{name}: every sector seated", governed and doc["gaps"]["no_vote"] == [], nxt)
        if "Invite a member from" in nxt:
            names = {s["name"] for s in doc["gaps"]["missing"] if s["priority"] == "core"}
            check(f"{name}: invite a missing core sector", any(f"Invite a member from {n}" in nxt for n in names), nxt)
        if "Open a seat on" in nxt:
            bodies = [b["id"] for b in doc["power"]["bodies"]]
            check(f"{name}: seat on a body", any(f"Open a seat on {b}" in nxt for b in bodies), nxt)
        if "a second tie" in nxt:
            check(f"{name}: second tie where a departure splits", any(
                f["code"] == "departure-splits-network" for f in found), nxt)
        if "Introduce" in nxt:
            check(f"{name}: introduce members cut off", any(f["code"] == "separate-groups" for f in found), nxt)
        # Departures: a change in pairs cut off only for a cut point.
        cut = {m["name"] for m in doc["members"] if m["articulation"]}
        for row in re.findall(r"<tr><td>(.*?)</td><td[^>]*>(.*?)</td>", section(page, "departures")):
            member, change = html.unescape(row[0]), row[1]
            check(f"{name}: departure change only for a cut point", (change != "none") == (member in cut), row)
        # Report groups show sentences, never a finding's code.
        shown = visible(section(page, "findings"))
        for code in {f["code"] for f in found}:
            check(f"{name}: no code {code} in the report", code not in shown, code)
        # Wording over every output of every command.
        texts = [page]
        for command, formats in (("analyze", ("table", "markdown", "json")), ("gaps", ("table", "markdown")),
                                 ("power", ("table", "markdown")), ("people", ("table", "markdown"))):
            for fmt in formats:
                texts.append(run(command, file, "--format", fmt).stdout)
            texts.append(run(command, file, "--all-findings").stdout)
        texts.append(run("gaps", file, "--taxonomy", "dfc").stdout)
        run("report", file, "-o", out, "--format", "markdown")
        with open(os.path.join(out, "report.md"), encoding="utf-8") as f:
            texts.append(f.read())
        for text in texts:
            for pattern, what in bad_wording:
                m = re.search(pattern, visible(text) if text.startswith("<!DOCTYPE") else text)
                check(f"{name}: wording ({what})", m is None, m and m.string[max(0, m.start() - 80):m.end() + 40])
        # n beside every mean over responses.
        if doc.get("trust_by_sector"):
            table_text = run("analyze", file).stdout
            part = table_text.split("Survey: trust by sector")[1].split("\n\n")[0]
            cells = re.findall(r"\d\.\d\d(?: \(n=\d+\))?", part)
            check(f"{name}: trust by sector with n", cells and all("(n=" in c for c in cells), part)
            heat = re.findall(r'<table class="heatmap">.*?</table>', page, flags=re.S)[0]
            means = re.findall(r"<td class=\"n\"[^>]*>(.*?)</td>", heat)
            check(f"{name}: heatmap with n", means and all("n=" in m for m in means), means[:3])

# gaps --taxonomy dfc: a sector whose only member is unplaced is not thin (the Hills network
# has members whose sectors dfc cannot place).
doc = json.loads(run("gaps", hills, "--taxonomy", "dfc", "--format", "json").stdout)
unplaced = {u["member"] for u in doc["gaps"]["unplaced"]}
check("dfc has unplaced members", bool(unplaced), doc["gaps"])
check("dfc unplaced never thin", not any(t["member"] in unplaced for t in doc["gaps"]["thin"]), doc["gaps"]["thin"])
text = run("gaps", hills, "--taxonomy", "dfc").stdout
thin_line = [line for line in text.split("\n") if line.strip().startswith("thin")][0]
check("dfc thin line names no unplaced member", not any(f"({m})" in thin_line for m in unplaced), thin_line)
check("codes seen", len(codes) >= 10, codes)
check.finish()
