"""The Python module against the command-line tool and against NetworkX.

Run by ctest (test Python_Module) with PYTHONPATH pointing at the built package, XSECTOR_CLI
at the built `xsector` and XSECTOR_SOURCE_DIR at the repository.
"""
import glob
import json
import os
import subprocess
import sys

import networkx as nx
import pytest
import yaml

import xsector

CLI = os.environ["XSECTOR_CLI"]
ROOT = os.environ["XSECTOR_SOURCE_DIR"]
NETWORKS = sorted(glob.glob(os.path.join(ROOT, "networks", "*.yaml")))


def cli_json(*args):
    out = subprocess.run([CLI, *args, "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_there_are_networks_to_check():
    assert len(NETWORKS) >= 5


@pytest.mark.parametrize("path", NETWORKS, ids=os.path.basename)
def test_analyze_gives_the_numbers_of_the_cli(path):
    c = xsector.load(path)
    assert c.analyze() == cli_json("analyze", path)
    # Thread count never changes a figure.
    assert c.analyze(threads=1) == c.analyze(threads=2)


@pytest.mark.parametrize("path", NETWORKS, ids=os.path.basename)
def test_members_frame_holds_every_member_figure(path):
    c = xsector.load(path)
    frame = c.members_frame()
    members = c.analyze()["members"]
    assert list(frame.index) == [m["id"] for m in members] == c.member_ids
    for m in members:
        row = frame.loc[m["id"]]
        assert row["betweenness"] == m["betweenness"]
        assert row["sector"] == m["sector"]
        assert row["brokerage_total"] == m["brokerage"]["total"]


def test_betweenness_matches_networkx():
    path = os.path.join(ROOT, "tests", "data", "kite.yaml")
    with open(path) as f:
        doc = yaml.safe_load(f)
    g = nx.Graph()
    g.add_nodes_from(m["id"] for m in doc["members"])
    for t in doc["ties"]:
        a, b = t if isinstance(t, list) else t.get("between") or (t["from"], t["to"])
        g.add_edge(a, b)
    want = nx.betweenness_centrality(g)
    frame = xsector.load(path).members_frame()
    for member, value in want.items():
        assert frame.loc[member, "betweenness"] == pytest.approx(value, abs=1e-12)


def test_other_frames():
    c = xsector.load(os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml"))
    result = c.analyze()
    sectors = c.sectors_frame()
    assert list(sectors.index) == [s["id"] for s in result["sectors"]]
    findings = c.findings_frame()
    assert len(findings) == len(result["findings"])
    assert list(findings["code"]) == [f["code"] for f in result["findings"]]
    seats = c.seats_frame()
    assert len(seats) == sum(len(b["seats"]) for b in result["power"]["bodies"])


def test_compare_gives_the_cli_comparison():
    a = os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml")
    b = os.path.join(ROOT, "networks", "healthy-in-the-hills-2025.yaml")
    assert xsector.compare(a, b) == cli_json("compare", a, b)
    assert xsector.compare(xsector.load(a), xsector.load(b)) == cli_json("compare", a, b)


def test_invalid_file_raises_with_every_diagnostic(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("coalition: {name: x}\nmembers:\n  - {id: a, sectr: housing}\n  - {id: a, sector: nowhere}\n")
    with pytest.raises(xsector.InputError) as caught:
        xsector.load(bad)
    assert isinstance(caught.value, ValueError)
    diagnostics = caught.value.diagnostics
    assert len(diagnostics) >= 2
    assert all(d.startswith(f"{bad}:") for d in diagnostics)
    assert any(":3:" in d and "sectr" in d for d in diagnostics)
    # The same messages as the command line prints.
    cli = subprocess.run([CLI, "validate", str(bad)], capture_output=True, text=True)
    assert cli.returncode == 1
    assert cli.stderr.splitlines() == diagnostics
    assert xsector.validate(bad) == diagnostics
    assert xsector.validate(os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml")) == []


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        xsector.load(tmp_path / "absent.yaml")


def test_bad_option_values_raise_value_error():
    c = xsector.load(os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml"))
    with pytest.raises(ValueError):
        c.analyze(precision="roughly")
    with pytest.raises(ValueError):
        c.render("out.gif")


def test_render_and_report_write_files(tmp_path):
    c = xsector.load(os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml"))
    svg = tmp_path / "hills.svg"
    c.render(svg)
    text = svg.read_text()
    assert "<svg" in text and "Williamson" in text
    c.render(tmp_path / "sectors.dot", view="sectors")
    assert (tmp_path / "sectors.dot").read_text().lstrip().startswith(("graph", "digraph", "strict"))
    c.report(tmp_path / "report")
    html = (tmp_path / "report" / "report.html").read_text()
    assert c.name in html


def test_version_is_the_cli_version():
    out = subprocess.run([CLI, "--version"], capture_output=True, text=True, check=True).stdout
    assert xsector.__version__ in out


def test_notebook_example_runs(tmp_path):
    example = os.path.join(ROOT, "examples", "notebook.py")
    package_dir = os.path.dirname(os.path.dirname(os.path.abspath(xsector.__file__)))
    out = subprocess.run([sys.executable, example, os.path.join(ROOT, "networks")], capture_output=True,
                         text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": package_dir})
    assert out.returncode == 0, out.stderr
    assert "Top brokers" in out.stdout


def test_load_reads_a_roster_as_every_command_does(tmp_path, capfd):
    # A roster kept in a spreadsheet (title row, partner list, the roster's own words for
    # sectors) loads as the command line reads it, with the importer's summary on stderr.
    roster = tmp_path / "roster.csv"
    roster.write_text("Partners of the valley\nOrganization,Sector,Partners with\n"
                      "Valley Clinic,clinic,\"the food bank; Grace Church\"\n"
                      "The Food Bank,Food bank,valley clinic\nGrace Church,Faith community,\n")
    c = xsector.load(str(roster))
    assert c.member_ids == ["valley-clinic", "the-food-bank", "grace-church"]
    err = capfd.readouterr().err
    assert err.splitlines()[-1] == f"{roster}: 3 members, 2 ties (2 from 'Partners with'), 2 notes"
    assert c.analyze() == cli_json("analyze", str(roster))
    assert [m["sector"] for m in c.analyze()["members"]] == ["health-care", "social-services", "faith-based"]
