#!/usr/bin/python3
"""End-to-end checks of `xsector compare` across survey waves and of `xsector trend`: every
output says when ties were compared only between members who answered both surveys, the
tables use labels and percentages, the CSV and the workbook carry every member change, and
`trend` on three waves equals three `analyze --format json` runs figure by figure.

Usage: waves_cli_test.py XSECTOR SOURCE_DIR
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()
data = os.path.join(source, "tests", "data", "waves")
w1, w2, w3 = (os.path.join(data, f"wave{i}.yaml") for i in (1, 2, 3))


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def snake_case_ids(text):
    """Figure ids (words joined by _) in a text meant for pasting."""
    return re.findall(r"\b[a-z]+_[a-z_]+\b", text)


# --- compare: members_changed and respondents in JSON ---------------------------------------
r = run("compare", w1, w2, "--format", "json")
check("compare json exits 0", r.returncode == 0, r.stderr)
doc = json.loads(r.stdout)
changed = {m["id"]: m["figures"] for m in doc["members_changed"]}
check("members_changed: the members in both waves", list(changed) == ["a", "b", "c", "d"], list(changed))
# By hand (tests/waves_test.cpp): b's degree 2 -> 1, d's trust null in both, c's value null -> 1.5.
check("b degree", changed["b"]["degree"] == {"before": 2, "after": 1, "change": -1}, changed["b"]["degree"])
check("d trust", changed["d"]["trust"] == {"before": None, "after": None, "change": None}, changed["d"]["trust"])
check("c value", changed["c"]["value"] == {"before": None, "after": 1.5, "change": None}, changed["c"]["value"])
check("a power share", changed["a"]["power_share"]["before"] == 0.6 and changed["a"]["power_share"]["after"] == 0.25,
      changed["a"]["power_share"])
check("respondents", doc["respondents"] == {"both": ["a", "c"], "only_before": ["b"], "only_after": ["d"]},
      doc["respondents"])
check("ties compared over all pairs", doc["ties"]["compared"] == "all")
check("respondents finding", any(f["code"] == "respondents-changed" for f in doc["findings"]))
check("formed over all pairs", [(t["a"], t["b"]) for t in doc["ties"]["formed"]] == [("a", "c"), ("d", "e")])

both = json.loads(run("compare", w1, w2, "--format", "json", "--respondents", "both").stdout)
check("--respondents both: JSON says so", both["ties"]["compared"] == "respondents_both")
check("--respondents both: only a-c formed", [(t["a"], t["b"]) for t in both["ties"]["formed"]] == [("a", "c")]
      and not both["ties"]["dissolved"] and not both["ties"]["weakened"], both["ties"])
check("--respondents both: QAP over a and c", both["qap"]["common_members"] == 2, both["qap"])

note = "only between the 2 members who answered both surveys"
for fmt in ("table", "markdown", "csv"):
    out = run("compare", w1, w2, "--format", fmt, "--respondents", "both")
    check(f"--respondents both: {fmt} exits 0", out.returncode == 0, out.stderr)
    said = note in out.stdout or "between members who answered both surveys" in out.stdout
    check(f"--respondents both: {fmt} says so", said, out.stdout[:3000])
with tempfile.TemporaryDirectory() as tmp:
    r = run("report", w1, w2, "-o", os.path.join(tmp, "rep"), "--respondents", "both")
    page = open(os.path.join(tmp, "rep", "report.html"), encoding="utf-8").read() if r.returncode == 0 else ""
    check("--respondents both: the report says so", note in page, r.stderr)
    r = run("report", w1, w2, "-o", os.path.join(tmp, "md"), "-f", "markdown", "--respondents", "both")
    md = open(os.path.join(tmp, "md", "report.md"), encoding="utf-8").read() if r.returncode == 0 else ""
    check("--respondents both: the Markdown report says so", note in md, r.stderr)
    plain = os.path.join(tmp, "plain.yaml")
    with open(plain, "w") as f:
        f.write("coalition: {name: Survey waves}\nmembers:\n  - {id: a, sector: housing}\n  - {id: b, sector: education}\n")
    r = run("compare", w1, plain, "--respondents", "both")
    check("--respondents both without two surveys: exit 2", r.returncode == 2 and "--respondents both" in r.stderr,
          (r.returncode, r.stderr))
    r = run("compare", w1, w2, "--respondents", "some")
    check("--respondents some: exit 2", r.returncode == 2, r.returncode)

    # The workbook carries every member change.
    book = os.path.join(tmp, "changes.xlsx")
    r = run("compare", w1, w2, "-o", book)
    check("compare -o .xlsx exits 0", r.returncode == 0, r.stderr)
    try:
        import openpyxl
        wb = openpyxl.load_workbook(book)
        rows = list(wb["members_changed"].iter_rows(values_only=True))
        header = list(rows[0])
        figures = len(changed["a"])
        check("workbook: a row per member and member figure", len(rows) - 1 == 4 * figures, (len(rows), figures))
        at = {(row[header.index("member")], row[header.index("figure")]): row for row in rows[1:]}
        b_degree = at[("b", "degree")]
        check("workbook: b's degree", (b_degree[header.index("before")], b_degree[header.index("after")],
                                       b_degree[header.index("change")]) == (2, 1, -1), b_degree)
        check("workbook: names", b_degree[header.index("name")] == "Birch School", b_degree)
        answered = {row[0]: row[2] for row in list(wb["respondents"].iter_rows(values_only=True))[1:]}
        check("workbook: respondents", answered == {"a": "both", "c": "both", "b": "only_before", "d": "only_after"},
              answered)
        check("workbook: sheets", wb.sheetnames == ["network", "members_changed", "ties", "respondents", "findings"],
              wb.sheetnames)
    except ImportError:
        check("openpyxl is installed", False)

# --- compare: CSV carries every change; tables to paste use labels ---------------------------
rows = list(csv.DictReader(io.StringIO(run("compare", w1, w2, "--format", "csv").stdout)))
members = [r for r in rows if r["part"] == "member"]
check("csv: a row per member and member figure", len(members) == 4 * len(changed["a"]), len(members))
row = next(r for r in members if r["member"] == "c" and r["figure"] == "trust")
check("csv: c's trust", (row["before"], row["after"], row["change"]) == ("2", "4", "2"), row)
density = next(r for r in rows if r["part"] == "network" and r["figure"] == "density")
check("csv: raw numbers", density["before"] == "0.5" and density["label"] == "density", density)
for fmt in ("table", "markdown"):
    text = run("compare", w1, w2, "--format", fmt).stdout
    check(f"compare {fmt}: no figure ids", not snake_case_ids(text), snake_case_ids(text))
    check(f"compare {fmt}: density as a percentage", re.search(r"density\s*\|?\s*50\.0%", text), text[:2000])
    check(f"compare {fmt}: largest changes", "Largest changes of members in both waves" in text)
    check(f"compare {fmt}: respondents", "only the first" in text and "Birch School" in text)
md = run("compare", w1, w2, "--format", "markdown").stdout
headings = [line for line in md.splitlines() if line.startswith("#")]
check("compare markdown: one heading per part", len(headings) == len(set(headings)), headings)

# --- trend equals analyze, figure by figure ----------------------------------------------------
r = run("trend", w3, w1, w2, "--format", "json", "--figures", "degree,betweenness,trust,value,power_share")
check("trend json exits 0", r.returncode == 0, r.stderr)
t = json.loads(r.stdout)
check("trend: waves by date", [w["date"] for w in t["waves"]] == ["2024-06-30", "2025-06-30", "2026-05-01"],
      t["waves"])
check("trend: files", [os.path.basename(w["file"]) for w in t["waves"]] == ["wave1.yaml", "wave2.yaml", "wave3.yaml"])
runs = [json.loads(run("analyze", f, "--format", "json").stdout) for f in (w1, w2, w3)]
compared = 0
for name, series in t["network"].items():
    for k, one in enumerate(runs):
        if name in one["network"]:
            compared += 1
            check(f"trend network {name} wave {k + 1}", series[k] == one["network"][name], (series[k], one["network"][name]))
check("trend: network figures compared", compared >= 3 * 20, compared)
for m in t["members"]:
    for k, one in enumerate(runs):
        row = next((x for x in one["members"] if x["id"] == m["id"]), None)
        for name in ("degree", "betweenness", "trust", "value"):
            want = None if row is None else row.get(name)
            check(f"trend {m['id']} {name} wave {k + 1}", m[name][k] == want, (m[name][k], want))
        shares = {x["member"]: x for x in one["power"]["by_member"]}
        want = None if row is None else shares[m["id"]]["power_share"]
        check(f"trend {m['id']} power_share wave {k + 1}", m["power_share"][k] == want, (m["power_share"][k], want))
check("trend: member names from the latest wave", t["members"][4]["name"] == "Elm Chamber of Commerce")

text = run("trend", w1, w2, w3).stdout
check("trend table: labels, not ids", not snake_case_ids(text), snake_case_ids(text))
check("trend table: shares as percentages", "density" in text and "%" in text, text[:1500])
md = run("trend", w1, w2, w3, "--format", "markdown").stdout
headings = [line for line in md.splitlines() if line.startswith("#")]
check("trend markdown: one heading per part", len(headings) == len(set(headings)) and headings[0].startswith("# "),
      headings)
check("trend markdown: tables", "| figure | 2024-06-30 | 2025-06-30 | 2026-05-01 |" in md, md[:1500])
rows = list(csv.DictReader(io.StringIO(run("trend", w1, w2, w3, "--format", "csv").stdout)))
a_degree = next(r for r in rows if r["member"] == "a" and r["figure"] == "degree")
check("trend csv", (a_degree["2024-06-30"], a_degree["2025-06-30"], a_degree["2026-05-01"]) == ("1", "2", "2"), a_degree)
check("trend one file: exit 2", run("trend", w1).returncode == 2)
r = run("trend", w1, w2, "--figures", "degre")
check("trend unknown figure: exit 2, names the figures", r.returncode == 2 and "degree" in r.stderr, r.stderr)
check("trend missing file: exit 3", run("trend", w1, os.path.join(data, "missing.yaml")).returncode == 3)
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "trend.html")
    r = run("trend", w1, w2, w3, "--format", "html", "-o", out)
    page = open(out, encoding="utf-8").read() if r.returncode == 0 else ""
    check("trend html: one chart per network figure with values",
          page.count('<figure class="spark"') > 20 and "<svg" in page, r.stderr)
    check("trend html: no external resources", not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page))

check.finish()
