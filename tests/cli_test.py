#!/usr/bin/python3
"""End-to-end checks of the xsector command line: exit codes, outputs, no partial files.

Usage: cli_test.py XSECTOR SOURCE_DIR
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()
networks = sorted(glob.glob(os.path.join(source, "networks", "*.yaml")))
bad = os.path.join(source, "tests", "data", "bad", "unknown-key.yaml")
good = os.path.join(source, "networks", "healthy-in-the-hills.yaml")


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)



def no_nan(text):
    def refuse(token):
        raise ValueError(f"non-JSON number {token}")
    return json.loads(text, parse_constant=refuse)


r = run("validate", *networks)
check("validate networks exits 0", r.returncode == 0, r.stderr)
check("validate prints one ok line per file", r.stdout.count(": ok:") == len(networks), r.stdout)

r = run("validate", bad)
check("bad file exits 1", r.returncode == 1, str(r.returncode))
check("bad file names file:line:col", f"{bad}:5:5: error: unknown key 'sectr'" in r.stderr, r.stderr)

r = run("validate", good, bad)
check("good and bad exits 1", r.returncode == 1)
check("good file still reported ok", f"{good}: ok:" in r.stdout, r.stdout)

r = run("validate", os.path.join(source, "no-such-file.yaml"))
check("missing file exits 3", r.returncode == 3, str(r.returncode))
check("missing file message", "cannot read" in r.stderr, r.stderr)

check("no command exits 2", run().returncode == 2)
check("unknown command exits 2", run("frobnicate").returncode == 2)
check("unknown format exits 2", run("analyze", good, "--format", "xml").returncode == 2)
check("--help exits 0", run("--help").returncode == 0)
h = run("analyze", "--help")
check("analyze --help exits 0 and lists --format", h.returncode == 0 and "--format" in h.stdout, h.stdout)
check("validate --help exits 0", run("validate", "--help").returncode == 0)

required_network = {"members", "ties", "density", "components", "largest_component_share", "isolates",
                    "average_path_length", "diameter", "transitivity", "degree_centralization",
                    "betweenness_centralization", "reciprocity"}
required_member = {"id", "name", "sector", "degree", "degree_centrality", "strength", "betweenness",
                   "closeness", "harmonic", "eigenvector", "pagerank", "core", "clustering", "constraint",
                   "effective_size", "articulation"}
for path in networks:
    r = run("analyze", path, "--format", "json")
    check(f"analyze json {path} exits 0", r.returncode == 0, r.stderr)
    if r.returncode != 0:
        continue
    doc = no_nan(r.stdout)
    check(f"{path} schema", doc["schema"] == "xsector/1")
    check(f"{path} coalition keys", {"name", "place", "as_of", "taxonomy"} <= set(doc["coalition"]))
    check(f"{path} network keys", required_network <= set(doc["network"]), set(doc["network"]))
    for m in doc["members"]:
        check(f"{path} member keys", required_member <= set(m), required_member - set(m))
    for fmt in ("table", "csv", "markdown"):
        r = run("analyze", path, "--format", fmt)
        check(f"analyze {fmt} {path}", r.returncode == 0 and r.stdout, r.stderr)
    # The CSV carries every member figure of the JSON, brokerage one column per role.
    rows = list(csv.DictReader(io.StringIO(run("analyze", path, "--format", "csv").stdout)))
    check(f"{path} csv: one row per member", [row["id"] for row in rows] == [m["id"] for m in doc["members"]])
    for row, m in zip(rows, doc["members"]):
        want = {"ei_index": m["ei_index"], **{f"brokerage_{k}": v for k, v in m["brokerage"].items()}}
        if "handoff_readiness" in m:
            want["handoff_readiness"] = m["handoff_readiness"]
        for key in ("trust", "in_degree", "value_power"):
            if key in m:
                want[key] = m[key]
        got = {k: row.get(k) for k in want}
        same = all((v is None and got[k] == "") or (v is not None and got[k] not in (None, "") and
                                                    abs(float(got[k]) - v) < 1e-12) for k, v in want.items())
        check(f"{path} csv {m['id']}: E-I, brokerage, handoff and survey figures as in the JSON", same, (got, want))
    check(f"{path} csv: handoff_readiness only with contacts",
          ("handoff_readiness" in rows[0]) == ("handoff_readiness" in doc["members"][0]), list(rows[0]))

r = run("analyze", good, "--format", "csv")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
check("csv has one row per member", len(rows) == 10, len(rows))
check("csv first member", rows[0]["id"] == "whwc", rows[0])

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "a.json")
    r = run("analyze", good, "--format", "json", "-o", out)
    check("-o writes the file", r.returncode == 0 and no_nan(open(out).read())["schema"] == "xsector/1")
    check("-o prints nothing", r.stdout == "")
    with open(out, "w") as f:
        f.write("keep")
    r = run("analyze", bad, "--format", "json", "-o", out)
    check("invalid input with -o exits 1", r.returncode == 1)
    check("invalid input leaves the old output", open(out).read() == "keep")
    missing = os.path.join(tmp, "no", "dir", "a.json")
    r = run("analyze", good, "-o", missing)
    check("unwritable output exits 3", r.returncode == 3, r.stderr)
    check("unwritable output leaves nothing", not os.path.exists(os.path.dirname(missing)))
    check("no temporary files left", sorted(os.listdir(tmp)) == ["a.json"], os.listdir(tmp))

r = run("analyze", source)
check("analyzing a folder exits 3", r.returncode == 3, r.stderr)

r = run("analyze", good, "--taxonomy", "nonsense")
check("unknown --taxonomy is a usage error (exit 2)",
      r.returncode == 2 and "--taxonomy: unknown taxonomy 'nonsense'" in r.stderr and r.stdout == "", r.stderr)
r = run("analyze", good, "--taxonomy", "rhihb")
check("unknown --taxonomy suggests the nearest id", r.returncode == 2 and "did you mean 'rhihub'?" in r.stderr, r.stderr)
# A --taxonomy path is read from where the command runs, like every path on the command line.
r = subprocess.run([binary, "gaps", "networks/healthy-in-the-hills.yaml", "--taxonomy", "networks/taxonomies/dfc.yaml",
                    "--format", "json"], capture_output=True, text=True, timeout=60, cwd=source)
check("a relative --taxonomy path is read from the working directory",
      r.returncode == 0 and json.loads(r.stdout)["coalition"]["taxonomy"] == "dfc", r.stderr)
r = run("validate", good, dfc_file := os.path.join(source, "networks", "dfc-coalition.yaml"),
        "--taxonomy", os.path.join(source, "no-such-taxonomy.yaml"))
check("an unreadable --taxonomy file exits 3, told once",
      r.returncode == 3 and r.stderr.count("no-such-taxonomy.yaml: cannot read") == 1 and r.stdout == "", r.stderr)
with tempfile.TemporaryDirectory() as tmp:
    broken = os.path.join(tmp, "broken-taxonomy.yaml")
    with open(broken, "w") as f:
        f.write("taxonomy: {id: mine}\nsectors:\n  - {id: farms, priority: sometimes}\n")
    r = run("validate", good, dfc_file, "--taxonomy", broken)
    check("an invalid --taxonomy file exits 1 at its own line and column, told once",
          r.returncode == 1 and r.stderr.count(f"{broken}:3:") == 1 and r.stdout == "", r.stderr)

dfc = os.path.join(source, "networks", "dfc-coalition.yaml")
r = run("gaps", dfc, "--format", "json")
check("gaps json exits 0", r.returncode == 0, r.stderr)
doc = no_nan(r.stdout)
check("gaps json has the gap keys",
      set(doc["gaps"]) == {"missing", "thin", "cut_off", "unlinked_pairs", "no_vote", "single_broker", "waived",
                           "unplaced", "crosswalk_from"}, doc["gaps"])
check("dfc misses media", [m["sector"] for m in doc["gaps"]["missing"]] == ["media"], doc["gaps"]["missing"])
check("dfc finding names media first", doc["findings"][0]["code"] == "missing-core-sector"
      and "Media" in doc["findings"][0]["message"], doc["findings"][0])
r = run("gaps", dfc)
check("gaps table lists missing core", "media" in r.stdout and r.returncode == 0, r.stdout)
r = run("gaps", dfc, "--format", "csv")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
check("gaps csv one row per taxonomy sector", len(rows) == 12, len(rows))
check("gaps csv marks media missing", [x["sector"] for x in rows if x["missing"] == "true"] == ["media"])
r = run("gaps", dfc, "--format", "markdown")
check("gaps markdown", r.returncode == 0 and r.stdout.startswith("# Sector gaps"), r.stdout[:80])
# The Hills network (cross-sector) measured against DASH, worked by hand from the crosswalk:
# whwc health-care -> health-care, mingo-schools education -> education, businesses and mcda
# economic -> business, frn social-services -> social-services; parks (environment), wvu-ext
# (academic), market (community-based) and residents have no DASH counterpart; leagues stays in
# the file's own recreation sector.
r = run("gaps", good, "--taxonomy", "dash", "-f", "json")
check("gaps --taxonomy dash on a cross-sector file exits 0", r.returncode == 0, r.stderr)
doc = no_nan(r.stdout)
check("dash: unplaced members", [(u["member"], u["sector"]) for u in doc["gaps"]["unplaced"]] ==
      [("parks", "environment"), ("wvu-ext", "academic"), ("market", "community-based"), ("residents", "residents")],
      doc["gaps"]["unplaced"])
check("dash: missing sectors", [m["sector"] for m in doc["gaps"]["missing"]] ==
      ["public-health", "housing", "transportation", "law-enforcement"], doc["gaps"]["missing"])
check("dash: crosswalk_from", doc["gaps"]["crosswalk_from"] == "cross-sector" and doc["coalition"]["taxonomy"] == "dash")
check("dash: placements", {m["id"]: m["sector"] for m in doc["members"]}["mcda"] == "business"
      and {m["id"]: m["sector"] for m in doc["members"]}["leagues"] == "recreation", doc["members"])
check("dash: unplaced finding", any(f["code"] == "unplaced-members" and f["subjects"] ==
      ["parks", "wvu-ext", "market", "residents"] for f in doc["findings"]), doc["findings"])
r = run("gaps", good, "--taxonomy", "dash")
check("dash table lists unplaced", "  unplaced               parks (environment), wvu-ext (academic), market (community-based), residents (residents)\n" in r.stdout,
      r.stdout)
# Every shipped file against every built-in taxonomy.
for net in networks:
    for tax in ["cross-sector", "rhihub", "dfc", "dash"]:
        for command in ["gaps", "analyze"]:
            r = run(command, net, "--taxonomy", tax, "-f", "json")
            ok = r.returncode == 0 and no_nan(r.stdout)["coalition"]["taxonomy"] == tax
            check(f"{command} {os.path.basename(net)} --taxonomy {tax}", ok, r.stderr)
r = run("gaps", os.path.join(source, "networks", "allendale-broadband.yaml"), "--taxonomy", "rhihub", "-f", "json")
check("gaps --taxonomy rhihub", r.returncode == 0 and no_nan(r.stdout)["coalition"]["taxonomy"] == "rhihub", r.stderr)
analyzed = no_nan(run("analyze", good, "--format", "json").stdout)
check("analyze json has sectors, gaps and findings",
      {"sectors", "gaps", "findings", "sector_mixing"} <= set(analyzed), set(analyzed))
check("analyze json member brokerage",
      set(analyzed["members"][0]["brokerage"]) ==
      {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"})

hills_power = run("power", good, "--format", "json")
check("power json exits 0", hills_power.returncode == 0, hills_power.stderr)
doc = no_nan(hills_power.stdout)
steering = doc["power"]["bodies"][1]
check("power body keys", {"id", "rule", "quota", "total_votes", "seats", "veto_players", "dummies", "gini_seats",
                          "gini_power", "effective_decision_makers"} <= set(steering), set(steering))
check("power seat keys", {"member", "votes", "seat_share", "banzhaf", "shapley_shubik", "penrose"}
      <= set(steering["seats"][0]), steering["seats"][0])
check("steering committee: whwc is the veto player", steering["veto_players"] == ["whwc"], steering)
check("resilience lists whwc as articulation point", doc["resilience"]["articulation_points"] == ["whwc"])
check("power findings are power or resilience", all(f["area"] in ("power", "resilience") for f in doc["findings"]))
r = run("power", good)
check("power table", r.returncode == 0 and "steering-committee (two-thirds, 5 of 7 votes decide)" in r.stdout, r.stdout)
r = run("power", good, "--format", "csv")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
check("power csv one row per seat", len(rows) == 14, len(rows))
check("analyze json has power and resilience", {"power", "resilience"} <= set(analyzed))
for path in networks:
    r = run("power", path, "--format", "markdown")
    check(f"power markdown {path}", r.returncode == 0 and r.stdout.startswith("# Decision power"), r.stderr)

wave1 = good
wave2 = os.path.join(source, "networks", "healthy-in-the-hills-2025.yaml")
r = run("compare", wave1, wave2, "--format", "json")
check("compare json exits 0", r.returncode == 0, r.stderr)
cmp = no_nan(r.stdout)
check("compare joined", cmp["members"]["joined"] == ["health-dept", "housing"], cmp["members"])
check("compare left", cmp["members"]["left"] == ["businesses"], cmp["members"])
check("compare renamed leagues", [x["id"] for x in cmp["members"]["renamed"]] == ["leagues"])
check("compare covered sectors", cmp["gaps"]["sectors_covered"] == ["public-health", "housing"], cmp["gaps"])
check("compare network deltas", cmp["network"]["members"] == {"before": 10, "after": 11, "change": 1}, cmp["network"]["members"])
check("compare qap keys", {"correlation", "p_value", "permutations", "exact", "seed"} <= set(cmp["qap"]))
check("compare finding on housing", any("Housing joined the table" == f["message"] for f in cmp["findings"]))
again = no_nan(run("compare", wave1, wave2, "--format", "json", "--seed", "1").stdout)
check("compare is reproducible with a seed", again["qap"] == cmp["qap"])
for fmt in ("table", "csv", "markdown"):
    r = run("compare", wave1, wave2, "--format", fmt)
    check(f"compare {fmt}", r.returncode == 0 and r.stdout, r.stderr)
r = run("compare", *networks, "--format", "json")
check("compare many exits 0", r.returncode == 0, r.stderr)
rows = no_nan(r.stdout)["coalitions"]
dates = [row["as_of"] for row in rows]
check("many ordered by as_of", dates == sorted(dates), dates)
check("many has one row per file", len(rows) == len(networks))
r = run("compare", wave1, wave2, "--table", "--format", "csv")
check("--table with two files", r.returncode == 0 and len(r.stdout.strip().splitlines()) == 3, r.stdout)
check("compare one file exits 2", run("compare", wave1).returncode == 2)
with tempfile.TemporaryDirectory() as tmp:
    svg = os.path.join(tmp, "changes.svg")
    r = run("compare", wave1, wave2, "--diagram", svg)
    check("compare --diagram exits 0", r.returncode == 0, r.stderr)
    import xml.etree.ElementTree as ET
    texts = [t.text for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
    check("diagram marks the departed member", "(left)" in texts and "Williamson area businesses" in texts, texts)
    check("--diagram with a table exits 2", run("compare", *networks, "--diagram", svg).returncode == 2)
r = run("compare", wave1, bad)
check("compare with an invalid file exits 1", r.returncode == 1 and f"{bad}:5:5" in r.stderr, r.stderr)

# --seed is a whole number 0 to 2^64-1: the largest is accepted, one more or a sign is a usage error.
r = run("compare", wave1, wave2, "--format", "json", "--seed", "18446744073709551615")
check("--seed 2^64-1 is accepted", r.returncode == 0 and no_nan(r.stdout)["qap"]["seed"] == 18446744073709551615,
      r.stderr)
for seed in ("18446744073709551616", "-5", "+5", "1e3", "0x10", ""):
    r = run("compare", wave1, wave2, f"--seed={seed}")
    check(f"--seed {seed!r} exits 2", r.returncode == 2 and "--seed" in r.stderr, r.stderr)

# Hostile names, end to end: CSV cells read back by Python's csv module, Markdown rendered by
# cmark-gfm (GitHub's renderer, with its autolink and table extensions), table output.
hostile = """coalition: {name: "<script>alert(1)</script> [a](javascript:alert(1))", place: "www.evil.example"}
members:
  - {id: a, name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")", sector: housing, funding: -0}
  - {id: b, name: "-1+2", sector: education}
  - {id: c, name: "<img src=x onerror=alert(1)> https://evil.example/ a@evil.example", sector: housing}
ties: [[a, b], [b, c]]
governance: [{body: board, rule: majority, seats: {a: 1, b: 1, c: 1}}]
"""
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "hostile.yaml")
    with open(path, "w") as f:
        f.write(hostile)
    r = run("analyze", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    check("csv formula cells start with a quote",
          [x["name"] for x in rows][:2] == ['\'=HYPERLINK("http://evil.example","x")', "'-1+2"], rows)
    check("csv numbers stay numbers", all(not x["betweenness"].startswith("'") for x in rows) and
          float(rows[1]["betweenness"]) == 1.0, rows)
    r = run("analyze", path, "--format", "json")
    check("json funding -0 is 0", r.returncode == 0 and '"funding": -0' not in r.stdout
          and no_nan(r.stdout)["members"][0]["funding"] == 0, r.stdout[:300])
    cmark = shutil.which("cmark-gfm")
    for command in (["analyze", path, "--format", "markdown"], ["power", path, "--format", "markdown"],
                    ["gaps", path, "--format", "markdown"], ["compare", path, path, "--format", "markdown"],
                    ["compare", path, path, "--table", "--format", "markdown"]):
        r = run(*command)
        check(f"{command[0]} markdown exits 0", r.returncode == 0, r.stderr)
        if not cmark:
            continue
        html = subprocess.run([cmark, "--extension", "autolink", "--extension", "table", "--extension",
                               "strikethrough", "--unsafe"], input=r.stdout, capture_output=True, text=True).stdout
        check(f"{command[0]} markdown makes no element from names", "<script" not in html and "<img" not in html
              and "<a " not in html, html[:400])
        check(f"{command[0]} markdown shows the names as text", "&lt;script&gt;" in html and "[a](javascript" in html,
              html[:400])

# taxonomy list / show: the four built-in frameworks; DFC's crosswalk worked by hand from maps_to.
r = run("taxonomy", "list", "--format", "json")
check("taxonomy list json", r.returncode == 0 and [(x["id"], x["sectors"], x["core"]) for x in no_nan(r.stdout)["taxonomies"]]
      == [("cross-sector", 18, 8), ("rhihub", 10, 10), ("dfc", 12, 12), ("dash", 8, 8)], r.stdout + r.stderr)
r = run("taxonomy", "list")
check("taxonomy list table", r.returncode == 0 and "  dfc          12      12   Drug-Free Communities statutory sectors\n"
      in r.stdout, r.stdout)
r = run("taxonomy", "show", "dfc", "--format", "json")
check("taxonomy show json exits 0", r.returncode == 0, r.stderr)
sectors = {s["id"]: s for s in no_nan(r.stdout)["taxonomy"]["sectors"]}
check("dfc government maps to three", sectors["government"]["maps_to"] == ["government", "public-health", "tribal"])
check("dfc government placed", sectors["government"]["placed_in"] == {"cross-sector": "government", "rhihub": "public-health",
                                                                      "dash": "public-health"}, sectors["government"])
check("dfc youth placed", sectors["youth"]["placed_in"] == {"cross-sector": "residents", "rhihub": "community-based",
                                                            "dash": None}, sectors["youth"])
check("dfc examples", sectors["youth-serving"]["examples"][0] == "Boys and Girls Club" and sectors["media"]["priority"] == "core")
r = run("taxonomy", "show", "rhihub")
check("taxonomy show table", r.returncode == 0 and "Crosswalk" in r.stdout and
      "  tribal          core     Tribal agencies" in r.stdout, r.stdout)
r = run("taxonomy", "show", "nosuch")
check("taxonomy show unknown exits 2", r.returncode == 2 and "unknown taxonomy 'nosuch'" in r.stderr, r.stderr)
check("taxonomy without list/show exits 2", run("taxonomy").returncode == 2)

# gaps --taxonomy all on the Allendale pilot (rhihub; members: two government (a sector the
# file declares), two education, two economic, public-health, faith-based), by hand:
# cross-sector covers government, education, economic, public-health, faith-based (5 of 18);
# rhihub covers education, economic, public-health, faith-based (4 of 10); dfc covers schools,
# business, government (the declared government and public-health), religious-fraternal (4 of
# 12); dash covers education, business, public-health (3 of 8) and has no place for churches.
allendale = os.path.join(source, "networks", "allendale-broadband.yaml")
r = run("gaps", allendale, "--taxonomy", "all", "--format", "json")
check("gaps --taxonomy all exits 0", r.returncode == 0, r.stderr)
rows = no_nan(r.stdout)["taxonomies"]
check("gaps all: coverage", [(x["taxonomy"], x["covered"], x["sectors"]) for x in rows] ==
      [("cross-sector", 5, 18), ("rhihub", 4, 10), ("dfc", 4, 12), ("dash", 3, 8)], rows)
check("gaps all: rhihub missing", rows[1]["missing_core"] == ["social-services", "housing", "transportation", "justice",
                                                             "community-based", "tribal"], rows[1])
check("gaps all: dash unplaced", rows[3]["unplaced"] == ["churches"] and rows[0]["unplaced"] == [], rows)
check("gaps all: own taxonomy", rows[1]["crosswalk_from"] is None and rows[0]["crosswalk_from"] == "rhihub")
r = run("gaps", allendale, "--taxonomy", "all")
check("gaps all table", r.returncode == 0 and "  dash         3 of 8" in r.stdout and "churches" in r.stdout, r.stdout)
r = run("gaps", allendale, "--taxonomy", "all", "--format", "csv")
check("gaps all csv", r.returncode == 0 and len(list(csv.DictReader(io.StringIO(r.stdout)))) == 4, r.stdout)

# Waivers: a RHIhub coalition with no tribal lands.
with tempfile.TemporaryDirectory() as tmp:
    waived = os.path.join(tmp, "waived.yaml")
    text = open(allendale, encoding="utf-8").read().replace(
        "  taxonomy: rhihub\n", "  taxonomy: rhihub\n  waive: {tribal: \"no tribal lands or agencies in the county\"}\n")
    open(waived, "w", encoding="utf-8").write(text)
    r = run("gaps", waived, "--format", "json")
    doc = no_nan(r.stdout)
    check("waived json", doc["gaps"]["waived"] == [{"sector": "tribal", "name": "Tribal agencies", "priority": "core",
                                                    "reason": "no tribal lands or agencies in the county", "members": 0}],
          doc["gaps"])
    check("waived not missing", "tribal" not in [m["sector"] for m in doc["gaps"]["missing"]])
    check("waived finding", any(f["code"] == "waived-sector" and f["subjects"] == ["tribal"] for f in doc["findings"])
          and not any(f["code"] == "missing-core-sector" and f["subjects"] == ["tribal"] for f in doc["findings"]))
    r = run("gaps", waived)
    check("waived table", "  waived                 tribal (no tribal lands or agencies in the county)\n" in r.stdout, r.stdout)
    r = run("analyze", waived, "--format", "json")
    check("analyze json waived", no_nan(r.stdout)["gaps"]["waived"][0]["sector"] == "tribal", r.stderr)
    out_dir = os.path.join(tmp, "report")
    r = run("report", waived, "-o", out_dir)
    html = open(os.path.join(out_dir, "report.html"), encoding="utf-8").read() if r.returncode == 0 else ""
    check("report lists the waiver", "Tribal agencies is waived: no tribal lands or agencies in the county" in html, r.stderr)
    r = run("report", waived, "-o", os.path.join(tmp, "report-dfc"), "--taxonomy", "dfc")
    check("report --taxonomy dfc", r.returncode == 0, r.stderr)
    r = run("gaps", waived, "--taxonomy", "all", "--format", "json")
    rows = no_nan(r.stdout)["taxonomies"]
    check("waiver carried to cross-sector, not dfc", rows[0]["waived"] == ["tribal"] and rows[2]["waived"] == [], rows)
    bad_waiver = os.path.join(tmp, "bad.yaml")
    open(bad_waiver, "w", encoding="utf-8").write(text.replace("waive: {tribal:", "waive: {tribl:"))
    r = run("validate", bad_waiver)
    check("unknown waived sector exits 1 at its line", r.returncode == 1 and
          f"{bad_waiver}:14:11: error: cannot waive unknown sector 'tribl'" in r.stderr, r.stderr)

# Compare that does not mislead.
r = run("compare", wave2, wave1, "--format", "json")
check("later wave first is reordered", r.returncode == 0 and "compared from the earlier wave to the later" in r.stderr, r.stderr)
cmp = no_nan(r.stdout)
check("reordered: before is 2024", cmp["before"]["as_of"] == "2024-06-30" and cmp["members"]["left"] == ["businesses"]
      and cmp["findings"][0]["code"] == "waves-reordered", cmp["findings"][:1])
check("waves are compared as waves", cmp["compared_as"] == "waves" and cmp["compared_as_note"] is None)
r = run("compare", good, dfc, "--format", "json")
cmp = no_nan(r.stdout)
codes = [f["code"] for f in cmp["findings"]]
check("different coalitions", r.returncode == 0 and cmp["compared_as"] == "coalitions" and "different-coalitions" in codes
      and "sector-lost" not in codes and "membership-change" not in codes, codes)
r = run("compare", good, dfc)
check("different coalitions table", "only in first" in r.stdout and "no longer at the table" not in r.stdout, r.stdout)
r = run("compare", wave1, wave2, "--qap-levels", "--format", "json")
q = no_nan(r.stdout)["qap"]
check("qap on levels", r.returncode == 0 and q["valued"] is True and q["correlation"] is not None, q)
for args in (["--qap-levels"], []):
    r = run("compare", wave1, wave2, *args)
    # (b + 1) / (m + 1) as a plain decimal: "p = 0.000999" for none of 1000, never "0.000" or "1e-".
    check(f"p-value never 0.000 {args}", r.returncode == 0 and not re.search(r"p = 0\.000(?!\d)", r.stdout)
          and "e-0" not in r.stdout and re.search(r"p = (0\.\d+|1\.000)", r.stdout), r.stdout[-400:])
r = run("compare", wave1, wave2, "--permutations", "100", "--format", "json")
q = no_nan(r.stdout)["qap"]
check("p is (b + 1) / (m + 1), never 0", q["p_value"] > 0 and round(q["p_value"] * (q["permutations"] + 1), 6).is_integer()
      and "e" not in q["p_value_text"], q)
r = run("compare", *networks)
check("many-coalition table names each taxonomy", r.returncode == 0 and " taxonomy " in r.stdout.splitlines()[0]
      and all(t in r.stdout for t in ("rhihub", "dfc", "cross-sector")), r.stdout)
r = run("compare", *networks, "--format", "csv")
check("many csv taxonomy column", r.stdout.splitlines()[0].startswith("name,as_of,taxonomy,file"), r.stdout[:100])
# Partner surveys: import a survey export, analyze it, report it, compare two waves.
with tempfile.TemporaryDirectory() as tmp:
    with open(f"{tmp}/m.csv", "w") as f:
        f.write("ID,Label,Sector\nhub,The Hub,health-care\nschool,Lincoln School,education\n"
                "county,County Commission,government\n")
    with open(f"{tmp}/r.csv", "w") as f:
        f.write("Organization,Partner,Level,Reliability,Mission,Openness,Resources\n"
                "The Hub,Lincoln School,collaborating,4,4,3,2\nLincoln School,hub,2,3,3,3,4\n")
    r = run("import", "survey", f"{tmp}/r.csv", "--members", f"{tmp}/m.csv", "-o", f"{tmp}/s.yaml")
    check("import survey exits 0", r.returncode == 0, r.stderr)
    check("import survey names the non-respondents", "did not answer (non-respondents): county" in r.stderr, r.stderr)
    r = run("analyze", f"{tmp}/s.yaml", "--format", "json")
    check("surveyed file analyzes", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = no_nan(r.stdout)
        # 2 of 3 answered; the one pair is confirmed; trust (11/3 + 3) / 2 = 10/3, / 4.
        check("response_rate 2/3", abs(doc["network"]["response_rate"] - 2 / 3) < 1e-12, doc["network"])
        check("confirmation_rate 1", doc["network"]["confirmation_rate"] == 1, doc["network"])
        check("trust_score 10/12", abs(doc["network"]["trust_score"] - 10 / 12) < 1e-12, doc["network"])
        check("the survey tie is in the network", doc["network"]["ties"] == 1 and doc["members"][0]["degree"] == 1)
        check("non-respondent out_degree null", doc["members"][2]["out_degree"] is None, doc["members"][2])
    r = run("report", f"{tmp}/s.yaml", "-o", f"{tmp}/report")
    html = open(f"{tmp}/report/report.html").read() if r.returncode == 0 else ""
    check("report has the survey section", "Partner survey" in html and "Trust by sector" in html, r.stderr)
    r = run("compare", good, f"{tmp}/s.yaml", "--format", "json")
    check("compare with a surveyed wave exits 0", r.returncode == 0, r.stderr)
    r = run("import", "survey", f"{tmp}/r.csv", "--members", f"{tmp}/m.csv", "--map", "Nope=by", "-o", f"{tmp}/t.yaml")
    check("import survey with a bad --map exits 2", r.returncode == 2 and not os.path.exists(f"{tmp}/t.yaml"), r.stderr)
    r = run("import", "survey", f"{tmp}/r.xlsx", "--members", f"{tmp}/m.csv", "-o", f"{tmp}/t.yaml")
    # .xlsx survey exports are read (tests/sheets_check.py); a missing one is a read failure.
    check("import survey of a missing .xlsx exits 3 and writes nothing",
          r.returncode == 3 and "r.xlsx" in r.stderr and not os.path.exists(f"{tmp}/t.yaml"), r.stderr)

# A comparison report: two files (either order), Markdown with the two extra diagrams.
with tempfile.TemporaryDirectory() as tmp:
    wave_a = os.path.join(source, "networks", "healthy-in-the-hills.yaml")
    wave_b = os.path.join(source, "networks", "healthy-in-the-hills-2025.yaml")
    r = run("report", wave_a, wave_b, wave_a, "-o", f"{tmp}/three")
    check("report of three files exits 2 and writes nothing", r.returncode == 2 and not os.path.exists(f"{tmp}/three"),
          r.stderr)
    r = run("report", wave_b, wave_a, "-o", f"{tmp}/md", "--format", "markdown")
    md = open(f"{tmp}/md/report.md").read() if r.returncode == 0 else ""
    check("report of two waves given latest first exits 0 with a note",
          r.returncode == 0 and "compared from the earlier wave to the later" in r.stderr, r.stderr)
    check("the Markdown comparison report has the comparison as a section",
          "\n## Compare: Healthy in the Hills Network (2024-06-30) -> Healthy in the Hills Network (2025-06-30)" in md
          and "\n### Members" in md and "](changes.svg)" in md, md[-800:])
    check("the Markdown comparison report writes both waves' and the changes' diagrams",
          all(os.path.getsize(f"{tmp}/md/{f}") > 1000 for f in ("members.svg", "sectors.svg", "wave-a.svg", "changes.svg")))
    r = run("report", wave_a, "missing.yaml", "-o", f"{tmp}/bad")
    check("report of a missing second file exits 3 and writes nothing", r.returncode == 3 and not os.path.exists(f"{tmp}/bad"),
          r.stderr)

# Render options are parsed once into their types: every documented value works, others exit 2.
with tempfile.TemporaryDirectory() as tmp:
    survey_file = os.path.join(source, "networks", "healthy-in-the-hills-2025-survey.yaml")
    for size_by in ("degree", "betweenness", "eigenvector", "power", "trust"):
        r = run("render", survey_file, "-o", f"{tmp}/{size_by}.svg", "--size-by", size_by)
        check(f"render --size-by {size_by} exits 0", r.returncode == 0 and os.path.getsize(f"{tmp}/{size_by}.svg") > 0,
              r.stderr)
    r = run("render", good, "-o", f"{tmp}/x.svg", "--layout", "spring")
    check("render --layout spring exits 2 naming the choices",
          r.returncode == 2 and "neato, fdp, sfdp, dot or circo" in r.stderr and not os.path.exists(f"{tmp}/x.svg"),
          r.stderr)

# Coalition-wide shares are means over the decision bodies: null without any (never 0), and
# the member's mean share with them (whwc: 0.1 of the assembly, 3 of 7 steering votes).
with tempfile.TemporaryDirectory() as tmp:
    bodiless = os.path.join(tmp, "no-bodies.yaml")
    with open(bodiless, "w") as f:
        f.write("coalition: {name: T}\nmembers:\n  - {id: a, sector: housing}\n"
                "  - {id: b, sector: public-health}\nties: [[a, b]]\n")
    power = no_nan(run("analyze", bodiless, "--format", "json").stdout)["power"]
    shares = power["by_member"] + power["by_sector"]
    check("no body: by_member and by_sector shares are null",
          len(shares) == 4 and all(s["seat_share"] is None and s["power_share"] is None for s in shares), shares)
    table = run("power", bodiless).stdout
    check("no body: the power table shows '-' for sector shares", "housing" in table and
          [line.split()[1:] for line in table.splitlines() if line.strip().startswith("housing")] == [["-", "-"]],
          table)
power = no_nan(run("analyze", good, "--format", "json").stdout)["power"]
whwc = [m for m in power["by_member"] if m["member"] == "whwc"]
check("by_member: whwc's mean seat and power shares by hand",
      len(whwc) == 1 and abs(whwc[0]["seat_share"] - (0.1 + 3 / 7) / 2) < 1e-12 and abs(whwc[0]["power_share"] - 0.3) < 1e-12,
      whwc)

# compare's gap changes agree with each wave's own `gaps` output.
wave1 = os.path.join(source, "networks", "healthy-in-the-hills.yaml")
wave2 = os.path.join(source, "networks", "healthy-in-the-hills-2025.yaml")
moved = no_nan(run("compare", wave1, wave2, "--format", "json").stdout)["gaps"]
own = [no_nan(run("gaps", w, "--format", "json").stdout)["gaps"] for w in (wave1, wave2)]


def gap_keys(gaps, kind):
    items = gaps[kind] or []
    if kind == "unlinked_pairs":
        return {tuple(sorted(p)) for p in items}
    return {x["sector"] if isinstance(x, dict) else x for x in items}


for kind in ("thin", "cut_off", "unlinked_pairs", "no_vote", "single_broker"):
    before, after = gap_keys(own[0], kind), gap_keys(own[1], kind)
    got = moved.get(kind, {})
    norm = (lambda k: tuple(sorted(k))) if kind == "unlinked_pairs" else (lambda k: k)
    check(f"compare gaps.{kind} counts match each wave's gaps",
          got.get("before") == len(before) and got.get("after") == len(after), (got, len(before), len(after)))
    check(f"compare gaps.{kind} opened and closed match each wave's gaps",
          {norm(k) for k in got.get("opened", [])} == after - before and
          {norm(k) for k in got.get("closed", [])} == before - after, got)

# people takes the options of every computing command; its figures do not depend on them.
survey_wave = os.path.join(source, "networks", "healthy-in-the-hills-2025.yaml")
outs = [run("people", survey_wave, "--format", "json", *extra) for extra in
        (["--threads", "1"], ["--threads", "3"], ["--exact"], ["--approximate"])]
check("people takes --threads, --exact and --approximate", all(r.returncode == 0 for r in outs),
      [r.stderr for r in outs])
check("people's figures are the same for any of them", len({r.stdout for r in outs}) == 1 and
      no_nan(outs[0].stdout)["people"], outs[0].stdout[:200])

# import's --taxonomy is checked like every command's: an unknown id is a usage error.
with tempfile.TemporaryDirectory() as tmp:
    target = os.path.join(tmp, "partners.yaml")
    r = run("import", os.path.join(source, "examples", "partners.xlsx"), "-o", target, "--taxonomy", "dfx")
    check("import --taxonomy unknown exits 2 with a suggestion and writes nothing",
          r.returncode == 2 and "--taxonomy: unknown taxonomy 'dfx'" in r.stderr and "did you mean 'dfc'?" in r.stderr
          and not os.path.exists(target), r.stderr)

check.finish()
