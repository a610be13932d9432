#!/usr/bin/python3
"""Checks that other tools read what `xsector export` writes, and that every coalition file
in networks/ validates against networks/coalition.schema.json.

Usage: exchange_check.py XSECTOR SOURCE_DIR
"""
import csv
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile

import igraph
import jsonschema
import networkx as nx
import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks, DatesAsText  # noqa: E402
from networkx_reference import survey_ties  # noqa: E402  (the independent reading of a survey's ties)

check = Checks()

schema = json.load(open(os.path.join(source, "networks", "coalition.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted(glob.glob(os.path.join(source, "networks", "*.yaml")))
for path in files:
    doc = yaml.load(open(path), Loader=DatesAsText)
    errors = [e.message for e in validator.iter_errors(doc)]
    check(f"schema accepts {path}", not errors, errors)
for bad in ("unknown-key.yaml", "votes-not-positive.yaml", "level-out-of-range.yaml", "bad-rule.yaml"):
    doc = yaml.load(open(os.path.join(source, "tests", "data", "bad", bad)), Loader=DatesAsText)
    check(f"schema rejects {bad}", any(True for _ in validator.iter_errors(doc)))

# What the loader accepts, the schema accepts: keys left empty ("none") and a quoted level.
def loader_and_schema_accept(name, text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "file.yaml")
        with open(path, "w") as f:
            f.write(text)
        r = subprocess.run([binary, "validate", path], capture_output=True, text=True)
        check(f"the loader accepts {name}", r.returncode == 0, r.stderr)
        errors = [e.message for e in validator.iter_errors(yaml.load(text, Loader=DatesAsText))]
        check(f"the schema accepts {name}", not errors, errors)


loader_and_schema_accept("keys left empty", "coalition:\n  name: E\n  waive:\nmembers:\n  - id: a\n    sector: housing\n"
                         "    contacts:\nties:\ngovernance:\nsurvey:\n  respondents:\n  responses:\n")
quoted = ("coalition: {name: Q}\nmembers:\n  - {id: a, sector: housing}\n  - {id: b, sector: education}\n"
          "ties:\n  - {between: [a, b], level: \"3\"}\n")
loader_and_schema_accept("a quoted level", quoted)
doc = yaml.load(quoted, Loader=DatesAsText)
doc["ties"][0]["level"] = "5"
check("the schema refuses a quoted level out of range", any(True for _ in validator.iter_errors(doc)))

kumu_ids = {}
with tempfile.TemporaryDirectory() as tmp:
    for path in files:
        doc = yaml.load(open(path), Loader=DatesAsText)
        ids = [m["id"] for m in doc["members"]]
        # Exports carry every tie of the network, the ones a survey makes included.
        ties = (doc.get("ties") or []) + survey_ties(doc)
        stem = os.path.join(tmp, os.path.basename(path))
        for fmt in ("graphml", "json", "dl", "dot"):
            r = subprocess.run([binary, "export", path, "--to", fmt, "-o", f"{stem}.{fmt}"], capture_output=True, text=True)
            check(f"export {fmt} {path}", r.returncode == 0, r.stderr)
        g = nx.read_graphml(f"{stem}.graphml")
        check(f"networkx reads graphml {path}", sorted(g.nodes) == sorted(ids))
        check(f"graphml sectors {path}", all(g.nodes[m["id"]]["sector"] for m in doc["members"]))
        arcs = [tuple(t) if isinstance(t, list) else tuple(t.get("between") or (t["from"], t["to"])) for t in ties]
        directed = [(t["from"], t["to"]) for t in ties if isinstance(t, dict) and "from" in t]
        check(f"graphml is a DiGraph exactly when a tie is directed {path}", g.is_directed() == bool(directed))
        if g.is_directed():
            check(f"graphml edges {path}", g.number_of_edges() == len(ties))
            check(f"directed ties come back directed in NetworkX {path}",
                  all(g.has_edge(a, b) and (not g.has_edge(b, a) or (b, a) in arcs) for a, b in directed))
            check(f"undirected ties say so in their data {path}",
                  # an undirected tie is one edge, in either orientation
                  all(g.has_edge(a, b) or g.has_edge(b, a) for a, b in arcs) and
                  all((g.edges[a, b] if g.has_edge(a, b) else g.edges[b, a])["directed"] is False
                      for a, b in arcs if (a, b) not in directed))
        else:
            check(f"graphml edges {path}", g.number_of_edges() == len({tuple(sorted(a)) for a in arcs}))
        ig = igraph.Graph.Read_GraphML(f"{stem}.graphml")
        check(f"igraph reads graphml {path}", ig.vcount() == len(ids) and ig.ecount() == len(ties))
        check(f"igraph reads directed ties as directed {path}", ig.is_directed() == bool(directed) and all(
            ig.are_connected(ig.vs.find(id=a).index, ig.vs.find(id=b).index) for a, b in directed))
        data = json.load(open(f"{stem}.json"))
        check(f"node-link has both edges (NetworkX 3.4+) and links (2.x) {path}",
              data.get("edges") == data.get("links") and len(data["edges"]) == len(ties))
        h = nx.node_link_graph(data)
        check(f"networkx reads node-link {path}", sorted(h.nodes) == sorted(ids) and h.number_of_edges() == len(ties))
        check(f"node-link carries governance {path}", len(h.graph["governance"]) == len(doc.get("governance") or []))
        r = subprocess.run([binary, "export", path, "--to", "csv", "-o", f"{stem}-kumu"], capture_output=True, text=True)
        check(f"export csv {path}", r.returncode == 0, r.stderr)
        rows = list(csv.DictReader(open(f"{stem}-kumu/elements.csv")))
        check(f"kumu elements {path}", [row["ID"] for row in rows] == ids and "Label" in rows[0])
        links = list(csv.DictReader(open(f"{stem}-kumu/connections.csv")))
        check(f"kumu connections {path}", len(links) == len(ties) and {"From", "To", "Strength"} <= set(links[0]))
        check(f"kumu connection IDs come from the pair {path}", all(
            row["ID"] == (f"{row['From']}->{row['To']}" if row["Direction"] == "directed"
                          else "--".join(sorted((row["From"], row["To"])))) for row in links))
        kumu_ids[os.path.basename(path)] = {tuple(sorted((row["From"], row["To"]))): row["ID"] for row in links}
        # Kumu sheets carry no taxonomy: the one the file names is given, as a user would.
        r = subprocess.run([binary, "import", f"{stem}-kumu/elements.csv", f"{stem}-kumu/connections.csv",
                            "-o", f"{stem}.kumu.yaml", "--taxonomy", doc["coalition"].get("taxonomy", "cross-sector")],
                           capture_output=True, text=True)
        check(f"own kumu export re-imports {path}", r.returncode == 0, r.stderr)
        if r.returncode == 0:
            back = yaml.load(open(f"{stem}.kumu.yaml"), Loader=DatesAsText)
            check(f"kumu re-import keeps members, sectors and ties {path}",
                  [(m["id"], m["sector"]) for m in back["members"]] == [(m["id"], m["sector"]) for m in doc["members"]]
                  and len(back.get("ties") or []) == len(ties)
                  and sorted(x["id"] for x in back.get("sectors") or []) == sorted(x["id"] for x in doc.get("sectors") or []),
                  r.stderr)
        ug = igraph.Graph.Read_DL(f"{stem}.dl", directed=True)
        check(f"igraph reads the DL export {path}", ug.vcount() == len(ids) and ug.vs["name"] == ids and
              ug.ecount() == sum(1 if isinstance(t, dict) and "from" in t else 2 for t in ties), ug.summary())
        r = subprocess.run([binary, "export", path, "--to", "vna", "-o", f"{stem}.vna"], capture_output=True, text=True)
        check(f"export vna {path}", r.returncode == 0, r.stderr)
        text = open(f"{stem}.vna").read()
        nodes_part, ties_part = text.split("*tie data\n")
        node_rows = [shlex.split(line) for line in nodes_part.splitlines()[2:]]
        check(f"vna node data {path}", [(row[0], row[1], row[2]) for row in node_rows] ==
              [(m["id"], m.get("name", m["id"]), m["sector"]) for m in doc["members"]], node_rows[:2])
        check(f"vna tie data {path}", len(ties_part.splitlines()) - 1 == ug.ecount())
        out = f"{stem}.back.yaml"
        r = subprocess.run([binary, "import", f"{stem}.graphml", "-o", out], capture_output=True, text=True)
        check(f"import graphml {path}", r.returncode == 0, r.stderr)
        back = yaml.load(open(out), Loader=DatesAsText)
        check(f"imported file passes the schema {path}", not list(validator.iter_errors(back)))
        r = subprocess.run([binary, "import", f"{stem}.graphml", "-o", out], capture_output=True, text=True)
        check("import never overwrites without --force", r.returncode == 2 and "--force" in r.stderr, r.stderr)
    r = subprocess.run([binary, "export", files[0], "--to", "csv"], capture_output=True, text=True)
    check("csv export needs a folder", r.returncode == 2, r.stderr)
    r = subprocess.run([binary, "export", files[0], "--to", "pdf"], capture_output=True, text=True)
    check("unknown export format exits 2", r.returncode == 2)
    wave1, wave2 = kumu_ids["healthy-in-the-hills.yaml"], kumu_ids["healthy-in-the-hills-2025.yaml"]
    shared = set(wave1) & set(wave2)
    check("kumu connection IDs stable across waves", shared and all(wave1[p] == wave2[p] for p in shared), shared)

# Other tools' GraphML: NetworkX writes a DiGraph with edgedefault="directed" and its own
# attribute names; the import keeps every arc's direction (a pair tied both ways stays two arcs).
with tempfile.TemporaryDirectory() as tmp:
    g = nx.DiGraph()
    g.add_node("Clinic", sector="health-care", label="County clinic")
    g.add_node("School", sector="schools")
    g.add_node("Food bank", sector="social-services")
    g.add_edges_from([("Clinic", "School"), ("School", "Clinic"), ("Food bank", "Clinic")])
    nx.write_graphml(g, f"{tmp}/d.graphml")
    r = subprocess.run([binary, "import", f"{tmp}/d.graphml", "-o", f"{tmp}/d.yaml", "--name", "Directed"],
                       capture_output=True, text=True)
    check("import networkx DiGraph graphml", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = yaml.load(open(f"{tmp}/d.yaml"), Loader=DatesAsText)
        arcs = sorted((t["from"], t["to"]) for t in doc.get("ties", []) if "from" in t)
        check("directed arcs kept", arcs == [("clinic", "school"), ("food-bank", "clinic"), ("school", "clinic")], doc)
        check("node ids made into member ids, labels kept",
              [(m["id"], m["name"]) for m in doc["members"]] ==
              [("clinic", "County clinic"), ("school", "School"), ("food-bank", "Food bank")], doc["members"])
        r = subprocess.run([binary, "analyze", f"{tmp}/d.yaml", "--format", "json"], capture_output=True, text=True)
        check("imported directed network has reciprocity 2/3 (as NetworkX)",
              r.returncode == 0 and abs(json.loads(r.stdout)["network"]["reciprocity"] - nx.reciprocity(g)) < 1e-12,
              r.stdout[:200] + r.stderr)

check.finish()
