#!/usr/bin/python3
"""Writes the classic networks NetworkX ships as coalition files (run once; output committed).

Krackhardt's kite, Padgett's Florentine marriage network (15 families, Pucci left out) and
Zachary's karate club with its two factions as sectors. The edge lists come from NetworkX,
not from xsector, so tests that read these files compare against independent data.
"""
import networkx as nx


def slug(name):
    return str(name).lower().replace(" ", "-")


def write(path, title, graph, sector_of, sectors):
    with open(path, "w") as out:
        out.write(f"# {title}, written from NetworkX {nx.__version__} by make_classics.py.\n")
        out.write(f"coalition:\n  name: {title}\n\nsectors:\n")
        for sid, name in sectors:
            out.write(f"  - {{id: {sid}, name: {name}}}\n")
        out.write("\nmembers:\n")
        for v in graph.nodes:
            out.write(f"  - {{id: {slug(v)}, name: \"{v}\", sector: {sector_of(v)}}}\n")
        out.write("\nties:\n")
        for a, b in graph.edges:
            out.write(f"  - [{slug(a)}, {slug(b)}]\n")


kite = nx.krackhardt_kite_graph()
kite = nx.relabel_nodes(kite, dict(enumerate("andre beverly carol diane ed fernando garth heather ike jane".split())))
write("kite.yaml", "Krackhardt kite", kite, lambda v: "kite", [("kite", "Kite")])

flo = nx.florentine_families_graph()
write("florentine.yaml", "Florentine families", flo, lambda v: "family", [("family", "Family")])

karate = nx.karate_club_graph()
karate = nx.relabel_nodes(karate, {v: f"m{v}" for v in karate})
club = {f"m{v}": d["club"] for v, d in nx.karate_club_graph().nodes(data=True)}
write("karate.yaml", "Zachary karate club", karate,
      lambda v: "mr-hi" if club[v] == "Mr. Hi" else "officer",
      [("mr-hi", "Mr. Hi's faction"), ("officer", "The officer's faction")])
