#!/usr/bin/python3
"""End-to-end checks of `xsector people` and the --people option.

Usage: people_cli_test.py XSECTOR SOURCE_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()
example = os.path.join(source, "tests", "data", "people", "handoff.yaml")



def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


# The table names people by role, never by name, and lists every hand-worked figure.
r = run("people", example, "--all-findings")
check("people exit 0", r.returncode == 0, r.stderr)
check("table by role", "Community health director (jdoe)" in r.stdout, r.stdout)
check("table without names", "Jane Doe" not in r.stdout)
check("finding sentence", "If the Community health director of Williamson Health and Wellness Center leaves, "
      "2 ties lose their only contact at Williamson Health and Wellness Center: 33% of pairs" in r.stdout, r.stdout)

# JSON: the figures of tests/people_test.cpp (worked by hand there).
r = run("people", example, "--format", "json")
doc = json.loads(r.stdout)
people = {p["id"]: p for p in doc["people"]}
check("json people", sorted(people) == ["akim", "jdoe", "mlee", "tpark"], people.keys())
check("json jdoe", people["jdoe"]["carries"] == 3 and people["jdoe"]["sole_carrier_of"] == 2
      and people["jdoe"]["sectors_cut"] == ["residents"] and abs(people["jdoe"]["fragmentation"] - 1 / 3) < 1e-12)
check("json tpark", abs(people["tpark"]["fragmentation"] - 16 / 30) < 1e-12)
check("json no name", all("name" not in p for p in doc["people"]))
check("json network readiness", abs(doc["network"]["handoff_readiness"] - 1 / 7) < 1e-12)
r = run("people", example, "--format", "json", "--people", "names")
check("json names", json.loads(r.stdout)["people"][0]["name"] == "Jane Doe")

# CSV: one row per contact, a name column only with --people names.
rows = list(csv.DictReader(io.StringIO(run("people", example, "--format", "csv").stdout)))
check("csv rows", [row["id"] for row in rows] == ["jdoe", "akim", "mlee", "tpark"])
check("csv no name column", "name" not in rows[0])
rows = list(csv.DictReader(io.StringIO(run("people", example, "-f", "csv", "--people", "names").stdout)))
check("csv names", rows[0]["name"] == "Jane Doe")

# analyze carries people and handoff readiness; names only when asked.
doc = json.loads(run("analyze", example, "--format", "json").stdout)
check("analyze people", [p["id"] for p in doc["people"]] == ["jdoe", "akim", "mlee", "tpark"])
check("analyze member readiness", doc["members"][0]["handoff_readiness"] == 0.25)
check("analyze no names", "Jane Doe" not in json.dumps(doc))
check("analyze none", "Community health director" not in run("analyze", example, "-f", "json", "--people", "none").stdout)

# Usage and input errors.
r = run("people", example, "--people", "everyone")
check("bad --people is usage", r.returncode == 2, r.returncode)
with tempfile.TemporaryDirectory() as tmp:
    bad = os.path.join(tmp, "bad.yaml")
    with open(bad, "w") as f:
        f.write("coalition: {name: X}\nmembers:\n  - {id: a, sector: housing, contacts: [{id: ann}]}\n"
                "  - {id: b, sector: education}\nties:\n  - {between: [a, b], carried_by: [anne]}\n")
    r = run("people", bad)
    check("bad carrier exit 1", r.returncode == 1, r.returncode)
    check("bad carrier message", f"{bad}:6:36: error: carried_by names 'anne', which is not a contact of any "
          "member; did you mean 'ann'?" in r.stderr, r.stderr)
    r = run("people", os.path.join(tmp, "missing.yaml"))
    check("missing file exit 3", r.returncode == 3, r.returncode)
    # A file without contacts: a note, exit 0.
    plain = os.path.join(tmp, "plain.yaml")
    with open(plain, "w") as f:
        f.write("coalition: {name: X}\nmembers: [{id: a, sector: housing}]\n")
    r = run("people", plain)
    check("no contacts exit 0", r.returncode == 0 and "lists no contacts" in r.stdout, r.stdout + r.stderr)
    # compare tells a handoff from a loss.
    w1 = os.path.join(source, "tests", "data", "people", "wave1.yaml")
    w2 = os.path.join(source, "tests", "data", "people", "wave2.yaml")
    doc = json.loads(run("compare", w1, w2, "--format", "json").stdout)
    check("compare people", doc["people"]["left"] == ["jdoe"] and len(doc["people"]["handed_over"]) == 1
          and len(doc["people"]["dissolved"]) == 1, doc.get("people"))
    out = os.path.join(tmp, "layer.svg")
    r = run("render", example, "-o", out, "--people-layer")
    check("render people layer", r.returncode == 0 and "Outreach coordinator" in open(out).read()
          and "Jane Doe" not in open(out).read(), r.stderr)

check.finish()
