#!/usr/bin/python3
"""Checks `xsector analyze --format json` against NetworkX on coalition files.

Usage: networkx_reference.py XSECTOR FILE...

The coalition file is read here with PyYAML, independently of xsector's loader; the graph
is built with NetworkX and every figure whose definition docs/metrics.md pins to NetworkX is
computed by NetworkX itself. Exits 1 listing every mismatch.
"""
import json
import math
import subprocess
import sys

import networkx as nx
import yaml

LEVELS = {"networking": 1, "coordinating": 2, "cooperating": 3, "collaborating": 4}
failures = []


def level_of(tie):
    if isinstance(tie, list):
        return 1
    raw = tie.get("level", 1)
    return LEVELS[raw] if isinstance(raw, str) else int(raw)


def ends(tie):
    if isinstance(tie, list):
        return tie[0], tie[1], False
    if "between" in tie:
        return tie["between"][0], tie["between"][1], False
    return tie["from"], tie["to"], True


def survey_ties(doc):
    """The ties a `survey` section adds (docs/surveys.md), worked out here independently: a
    reported pair is a tie (with `tie_rule: both` only when both sides name each other) at the
    lower of the levels reported, unless `ties` already has the pair."""
    survey = doc.get("survey")
    if not survey:
        return []
    written = {frozenset(map(str, ends(t)[:2])) for t in doc.get("ties") or []}
    reports, order = {}, []
    for r in survey.get("responses") or []:
        key = frozenset((str(r["by"]), str(r["about"])))
        if key not in reports:
            reports[key] = {}
            order.append(key)
        reports[key][str(r["by"])] = level_of(r)
    out = []
    for key in order:
        if key in written or (survey.get("tie_rule", "any") == "both" and len(reports[key]) < 2):
            continue
        a, b = sorted(key)
        out.append({"between": [a, b], "level": min(reports[key].values())})
    return out


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def check_survey(path, doc, got, ids):
    """Directed figures on a NetworkX DiGraph of the responses (an arc by -> about each), and
    trust and value recomputed from the file."""
    survey = doc.get("survey")
    if not survey:
        if "trust_by_sector" in got or "response_rate" in got["network"]:
            failures.append(f"{path}: survey figures without a survey")
        return
    responses = survey.get("responses") or []
    respondents = {str(v) for v in survey.get("respondents") or []}
    d = nx.DiGraph()
    d.add_nodes_from(ids)
    d.add_edges_from((str(r["by"]), str(r["about"])) for r in responses)
    members = {m["id"]: m for m in got["members"]}
    sector = {m["id"]: m["sector"] for m in got["members"]}

    def items(r, group, names):
        given = [(r.get(group) or {}).get(k) for k in names]
        return given, mean(given)

    trust_names = ["reliability", "mission", "openness"]
    value_names = ["power", "involvement", "resources"]
    for v in ids:
        m = members[v]
        where = f"{path}: {v}"
        close(f"{where} in_degree", m["in_degree"], d.in_degree(v), 0)
        answered = v in respondents
        close(f"{where} out_degree", m["out_degree"], d.out_degree(v) if answered else None, 0)
        succ, pred = set(d.successors(v)), set(d.predecessors(v))
        close(f"{where} reciprocity", m["reciprocity"],
              len(succ & pred) / len(succ) if answered and succ else None, 1e-12)
        about = [r for r in responses if str(r["about"]) == v]
        by = [r for r in responses if str(r["by"]) == v]
        close(f"{where} trust", m["trust"], mean([items(r, "trust", trust_names)[1] for r in about]), 1e-12)
        close(f"{where} value", m["value"], mean([items(r, "value", value_names)[1] for r in about]), 1e-12)
        close(f"{where} trust_given", m["trust_given"], mean([items(r, "trust", trust_names)[1] for r in by]), 1e-12)
        for group, names in [("trust", trust_names), ("value", value_names)]:
            for i, name in enumerate(names):
                close(f"{where} {group}_{name}", m[f"{group}_{name}"],
                      mean([items(r, group, names)[0][i] for r in about]), 1e-12)
    net = got["network"]
    close(f"{path}: response_rate", net["response_rate"], len(respondents) / len(ids), 1e-12)
    pairs = {frozenset((str(r["by"]), str(r["about"]))) for r in responses}
    both = [p for p in pairs if p <= respondents]
    confirmed = [p for p in both if all(d.has_edge(a, b) for a in p for b in p if a != b)]
    close(f"{path}: confirmation_rate", net["confirmation_rate"], len(confirmed) / len(both) if both else None, 1e-12)
    trusts = [items(r, "trust", trust_names)[1] for r in responses]
    values = [items(r, "value", value_names)[1] for r in responses]
    close(f"{path}: trust_score", net["trust_score"], mean(trusts) / 4 if mean(trusts) is not None else None, 1e-12)
    close(f"{path}: value_score", net["value_score"], mean(values) / 4 if mean(values) is not None else None, 1e-12)
    tbs = got["trust_by_sector"]
    for i, a in enumerate(tbs["sectors"]):
        for j, b in enumerate(tbs["sectors"]):
            want = mean([t for r, t in zip(responses, trusts)
                         if sector[str(r["by"])] == a and sector[str(r["about"])] == b])
            close(f"{path}: trust_by_sector {a} -> {b}", tbs["trust"][i][j], want, 1e-12)


def close(where, got, want, tol):
    if want is None or (isinstance(want, float) and math.isnan(want)):
        if got is not None:
            failures.append(f"{where}: got {got}, want null")
        return
    if got is None or abs(got - want) > tol:
        failures.append(f"{where}: got {got}, want {want}")


def check(binary, path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    ids = [str(m["id"]) for m in doc["members"]]
    g = nx.Graph()
    g.add_nodes_from(ids)
    directed = nx.DiGraph()
    strength = {v: 0 for v in ids}
    all_ties = (doc.get("ties") or []) + survey_ties(doc)
    # Weighted view: a pair's level is the highest of its ties; distance 1/level. NetworkX is
    # given 12/level (integers, so equal path lengths compare exactly in its Dijkstra):
    # betweenness does not change under scaling, closeness is 12 times smaller.
    weighted = nx.Graph()
    weighted.add_nodes_from(ids)
    for tie in all_ties:
        a, b, _ = ends(tie)
        a, b = str(a), str(b)
        level = max(level_of(tie), weighted[a][b]["level"] if weighted.has_edge(a, b) else 0)
        weighted.add_edge(a, b, level=level, twelfths=12 // level)
    for tie in all_ties:
        a, b, is_directed = ends(tie)
        a, b = str(a), str(b)
        g.add_edge(a, b)
        strength[a] += level_of(tie)
        strength[b] += level_of(tie)
        if is_directed:
            directed.add_edge(a, b)
    out = subprocess.run([binary, "analyze", "--format", "json", path], capture_output=True, text=True)
    if out.returncode != 0:
        failures.append(f"{path}: xsector exited {out.returncode}: {out.stderr}")
        return
    got = json.loads(out.stdout)
    n = len(ids)
    members = {m["id"]: m for m in got["members"]}
    if [m["id"] for m in got["members"]] != ids:
        failures.append(f"{path}: members not in file order")

    reference = {
        "betweenness": nx.betweenness_centrality(g),
        "closeness": nx.closeness_centrality(g),
        "harmonic": nx.harmonic_centrality(g),
        "pagerank": nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=100000),
        "core": nx.core_number(g),
        "constraint": nx.constraint(g),
        "effective_size": nx.effective_size(g),
        "weighted_betweenness": nx.betweenness_centrality(weighted, weight="twelfths"),
        "weighted_closeness": {v: 12 * c for v, c in nx.closeness_centrality(weighted, distance="twelfths").items()},
    }
    try:
        reference["eigenvector"] = nx.eigenvector_centrality(g, max_iter=10000)
    except nx.PowerIterationFailedConvergence:
        reference["eigenvector"] = {v: None for v in ids}
    clustering = nx.clustering(g)
    cut = set(nx.articulation_points(g))
    for v in ids:
        m = members[v]
        where = f"{path}: {v}"
        close(f"{where} degree", m["degree"], g.degree(v), 0)
        close(f"{where} degree_centrality", m["degree_centrality"], g.degree(v) / (n - 1) if n > 1 else None, 1e-9)
        close(f"{where} strength", m["strength"], strength[v], 0)
        for key, tol in [("betweenness", 1e-9), ("closeness", 1e-9), ("harmonic", 1e-9), ("core", 0),
                         ("constraint", 1e-9), ("effective_size", 1e-9), ("weighted_betweenness", 1e-9),
                         ("weighted_closeness", 1e-9)]:
            close(f"{where} {key}", m[key], reference[key][v], tol)
        close(f"{where} eigenvector", m["eigenvector"], reference["eigenvector"][v], 1e-4)
        close(f"{where} pagerank", m["pagerank"], reference["pagerank"][v], 1e-6)
        close(f"{where} clustering", m["clustering"], clustering[v] if g.degree(v) >= 2 else None, 1e-9)
        if m["articulation"] != (v in cut):
            failures.append(f"{where} articulation: got {m['articulation']}")

    sector = {m["id"]: m["sector"] for m in got["members"]}
    arcs = set()
    for tie in all_ties:
        a, b, is_directed = ends(tie)
        arcs.add((str(a), str(b)))
        if not is_directed:
            arcs.add((str(b), str(a)))
    for j in ids:
        counts = dict.fromkeys(["coordinator", "itinerant", "representative", "gatekeeper", "liaison"], 0)
        for i in ids:
            for k in ids:
                if len({i, j, k}) < 3 or (i, j) not in arcs or (j, k) not in arcs or (i, k) in arcs:
                    continue
                gi, gj, gk = sector[i], sector[j], sector[k]
                role = ("coordinator" if gi == gj == gk else "itinerant" if gi == gk else
                        "representative" if gi == gj else "gatekeeper" if gj == gk else "liaison")
                counts[role] += 1
        counts["total"] = sum(counts.values())
        if members[j]["brokerage"] != counts:
            failures.append(f"{path}: {j} brokerage: got {members[j]['brokerage']}, want {counts}")
        across = sum(1 for u in g[j] if sector[u] != sector[j])
        deg = g.degree(j)
        close(f"{path}: {j} ei_index", members[j]["ei_index"], (2 * across - deg) / deg if deg else None, 1e-12)
    nx.set_node_attributes(g, sector, "sector")
    m = g.number_of_edges()
    groups = {}
    for v in ids:
        groups.setdefault(sector[v], set()).add(v)
    with_ends = len({sector[v] for e in g.edges for v in e})
    assort = nx.attribute_assortativity_coefficient(g, "sector") if m and with_ends > 1 else None
    def frag(graph):
        k = graph.number_of_nodes()
        if k < 2:
            return None
        return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(graph)) / (k * (k - 1))
    res = got["resilience"]
    close(f"{path}: fragmentation", res["fragmentation"], frag(g), 1e-12)
    want_bridges = sorted(sorted((a, b), key=ids.index) for a, b in nx.bridges(g))
    got_bridges = sorted(sorted(pair, key=ids.index) for pair in res["bridges"])
    if got_bridges != want_bridges:
        failures.append(f"{path}: bridges: got {got_bridges}, want {want_bridges}")
    for d in res["departures"]:
        rest = g.copy()
        rest.remove_node(d["member"])
        close(f"{path}: without {d['member']} fragmentation", d["fragmentation"], frag(rest), 1e-12)
        close(f"{path}: without {d['member']} components", d["components"], nx.number_connected_components(rest), 0)
    net = got["network"]
    close(f"{path}: sector_assortativity", net["sector_assortativity"], assort, 1e-9)
    close(f"{path}: sector_modularity", net["sector_modularity"],
          nx.community.modularity(g, list(groups.values())) if m else None, 1e-9)
    across = sum(1 for a, b in g.edges if sector[a] != sector[b])
    close(f"{path}: ei_index", net["ei_index"], (2 * across - m) / m if m else None, 1e-12)

    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(ids.index(x) for x in c)))
    largest = g.subgraph(comps[0])
    close(f"{path}: members", net["members"], n, 0)
    close(f"{path}: density", net["density"], nx.density(g) if n > 1 else None, 1e-9)
    close(f"{path}: components", net["components"], len(comps), 0)
    close(f"{path}: largest_component_share", net["largest_component_share"], len(comps[0]) / n, 1e-9)
    close(f"{path}: isolates", net["isolates"], nx.number_of_isolates(g), 0)
    close(f"{path}: average_path_length", net["average_path_length"],
          nx.average_shortest_path_length(largest) if len(largest) > 1 else None, 1e-9)
    close(f"{path}: diameter", net["diameter"], nx.diameter(largest), 0)
    triads = sum(d * (d - 1) for _, d in g.degree())
    close(f"{path}: transitivity", net["transitivity"], nx.transitivity(g) if triads else None, 1e-9)
    close(f"{path}: reciprocity", net["reciprocity"],
          nx.overall_reciprocity(directed) if directed.number_of_edges() else None, 1e-9)
    check_survey(path, doc, got, ids)


def main():
    binary, files = sys.argv[1], sys.argv[2:]
    for path in files:
        check(binary, path)
    for f in failures:
        print(f)
    print(f"networkx reference: {len(files)} files, {len(failures)} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
