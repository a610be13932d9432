#!/usr/bin/python3
"""Spreadsheets in and out: partner lists as coordinators keep them (CSV as Excel saves it,
.xlsx written by openpyxl, a workbook crafted by hand for inline strings and the 1904 date
system), hostile workbooks (zip bomb, malformed XML, DOCTYPE, not a zip), and the xlsx export
read back by openpyxl. Attributes round-trip through GraphML (NetworkX reads them) and Kumu.

Usage: sheets_check.py XSECTOR SOURCE_DIR
"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import igraph
import jsonschema
import networkx as nx
import openpyxl
import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks, DatesAsText  # noqa: E402

check = Checks()


schema = json.load(open(os.path.join(source, "networks", "coalition.schema.json")))
validator = jsonschema.Draft202012Validator(schema)


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def load(path):
    return yaml.load(open(path), Loader=DatesAsText)


def attrs(doc):
    return {m["id"]: {k: str(v) for k, v in (m.get("attributes") or {}).items()} for m in doc["members"]}


with tempfile.TemporaryDirectory() as tmp:
    # 1. CSV as Excel's "CSV UTF-8" saves it in a European locale: BOM, `;`, CRLF, a trailing
    # `;;;;` row and blank lines, headers named as a coordinator names them.
    members = os.path.join(tmp, "partners.csv")
    with open(members, "wb") as f:
        f.write("\ufeffOrganization;Type;Contact;Joined;Frequency\r\n"
                "County Clinic;Health care;Jane Doe;2021-03-01;monthly\r\n"
                "Mingo Schools;schools;\"Smith; Ann\";2020;\r\n"
                ";;;;\r\n\r\n"
                "Food Bank;social-services;;;weekly\r\n"
                ";;;;\r\n".encode())
    ties = os.path.join(tmp, "ties.csv")
    with open(ties, "w") as f:
        f.write("Source,Target,Level,Frequency,Since\nCounty Clinic,Mingo Schools,cooperating,monthly,2022\n"
                "Food Bank,County Clinic,2,,2019-05\n,,,,\n")
    out = os.path.join(tmp, "p.yaml")
    r = run("import", members, ties, "-o", out)
    check("csv with BOM, ; and blank rows imports", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = load(out)
        check("csv members by Organization and Type", [(m["id"], m["name"], m["sector"]) for m in doc["members"]] == [
            ("county-clinic", "County Clinic", "health-care"), ("mingo-schools", "Mingo Schools", "education"),
            ("food-bank", "Food Bank", "social-services")], doc["members"])
        check("every other column kept as attributes", attrs(doc) == {
            "county-clinic": {"Contact": "Jane Doe", "Joined": "2021-03-01", "Frequency": "monthly"},
            "mingo-schools": {"Contact": "Smith; Ann", "Joined": "2020"},
            "food-bank": {"Frequency": "weekly"}}, attrs(doc))
        check("ties by Source, Target and Level", [(t["between"], t["level"]) for t in doc["ties"]] == [
            (["county-clinic", "mingo-schools"], "cooperating"), (["food-bank", "county-clinic"], "coordinating")],
            doc.get("ties"))
        check("every other column of the ties sheet kept as the tie's attributes",
              [{k: str(v) for k, v in t["attributes"].items()} for t in doc["ties"]] ==
              [{"Frequency": "monthly", "Since": "2022"},
                                                            {"Since": "2019-05"}], doc.get("ties"))
        check("no note says a ties column was dropped", "not imported" not in r.stderr, r.stderr)
        check("imported file passes the schema", not list(validator.iter_errors(doc)))
        check("imported file validates", run("validate", out).returncode == 0)

    # 2. --map names a column the import does not know; members only (no ties file).
    odd = os.path.join(tmp, "odd.csv")
    with open(odd, "w") as f:
        f.write("Who,What kind,Notes\nClinic,health-care,x\n")
    r = run("import", odd, "-o", os.path.join(tmp, "odd.yaml"), "--map", "Who=label", "--map", "What kind=sector")
    check("--map Who=label", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = load(os.path.join(tmp, "odd.yaml"))
        check("--map result", doc["members"][0]["name"] == "Clinic" and attrs(doc) == {"clinic": {"Notes": "x"}}, doc)
    r = run("import", odd, "-o", os.path.join(tmp, "odd2.yaml"), "--map", "Who=nothing")
    check("--map to an unknown field is a usage error", r.returncode == 2 and "--map" in r.stderr, r.stderr)
    r = run("import", odd, "-o", os.path.join(tmp, "odd3.yaml"))
    check("no name column: a clear error", r.returncode == 1 and "--map" in r.stderr, r.stderr)

    # 3. Bad rows are reported by file and line, and by file, sheet and row in a workbook.
    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "w") as f:
        f.write("Name,Sector\nClinic,health-care\n,,\nMoon Base,space\n")
    r = run("import", bad, "-o", os.path.join(tmp, "bad.yaml"))
    check("bad csv row: file:line", r.returncode == 1 and f"{bad}:4:1: error: sector 'space'" in r.stderr, r.stderr)

    # 4. A workbook written by openpyxl: shared strings, numbers, dates, booleans, several sheets.
    book = os.path.join(tmp, "book.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cover"
    ws.append(["Partner list, wave 2"])
    m = wb.create_sheet("Partners 2024")
    m.append(["Partner", "Sector", "Joined", "Budget", "Community Led", "Active"])
    m.append(["County Clinic", "health-care", datetime.date(2021, 3, 1), 120000, False, True])
    m.append([None] * 6)
    m.append(["Mingo Schools", "schools", datetime.date(1900, 3, 1), 2.5, True, False])
    m.append(["Moon Base", "space", None, None, None, None])
    t = wb.create_sheet("Links")
    t.append(["From", "To", "Strength"])
    t.append(["County Clinic", "Mingo Schools", 4])
    wb.save(book)
    out = os.path.join(tmp, "book.yaml")
    r = run("import", book, "-o", out, "--sheet", "partners 2024", "--ties-sheet", "Links")
    check("xlsx bad row: file:sheet:row", r.returncode == 1 and
          f"{book}:Partners 2024:5:1: error: sector 'space'" in r.stderr, r.stderr)
    r = run("import", book, "-o", out, "--sheet", "Partners 2024", "--ties-sheet", "links", "--skip-bad-rows")
    check("xlsx imports with chosen sheets", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = load(out)
        check("xlsx members", [(x["id"], x.get("funding"), x.get("community_led", False)) for x in doc["members"]] == [
            ("county-clinic", 120000, False), ("mingo-schools", 2.5, True)], doc["members"])
        check("xlsx dates and booleans as text", attrs(doc) == {
            "county-clinic": {"Joined": "2021-03-01", "Active": "true"},
            "mingo-schools": {"Joined": "1900-03-01", "Active": "false"}}, attrs(doc))
        check("xlsx ties sheet", [(t["between"], t["level"]) for t in doc["ties"]] ==
              [(["county-clinic", "mingo-schools"], "collaborating")], doc.get("ties"))
    r = run("import", book, "-o", out, "--force", "--sheet", "Nope")
    check("a missing sheet is named with the sheets there are",
          r.returncode == 1 and "no sheet 'Nope'" in r.stderr and "Partners 2024" in r.stderr, r.stderr)

    # 5. A workbook made by hand: inline strings, the 1904 date system, a custom date format,
    # a formula's cached value, namespaced elements; default sheet names Members and Ties.
    def workbook(sheets, date1904=False, styles=None, shared=None):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            pr = '<workbookPr date1904="1"/>' if date1904 else ""
            entries = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
            z.writestr("xl/workbook.xml",
                       '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                       f'{pr.replace("<", "<x:")}<x:sheets>{entries.replace("<sheet", "<x:sheet")}</x:sheets></x:workbook>')
            rels = "".join(f'<Relationship Id="rId{i + 1}" Target="worksheets/s{i + 1}.xml" Type="ws"/>'
                           for i in range(len(sheets)))
            z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="r">{rels}</Relationships>')
            for i, (_, xml) in enumerate(sheets):
                z.writestr(f"xl/worksheets/s{i + 1}.xml", xml)
            if styles:
                z.writestr("xl/styles.xml", styles)
            if shared:
                z.writestr("xl/sharedStrings.xml", shared)
        return buf.getvalue()

    def sheet(rows):
        return '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + \
               "</sheetData></worksheet>"

    def inline(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><r><t>{text[:3]}</t></r><r><t>{text[3:]}</t></r></is></c>'

    styles = ('<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yyyy;@"/></numFmts>'
              '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    members_xml = sheet('<row r="1">' + inline("A1", "Name") + inline("B1", "Sector") + inline("C1", "Joined")
                        + inline("D1", "Seen") + '<c r="E1" t="s"><v>0</v></c></row>'
                        '<row r="3">' + inline("A3", "Clinic") + inline("B3", "health-care")
                        + '<c r="C3" s="1"><v>0</v></c><c r="D3" s="2"><v>1462.75</v></c>'
                        '<c r="E3" t="str"><f>UPPER("x")</f><v>X</v></c></row>'
                        '<row r="4">' + inline("A4", "School") + inline("B4", "education") + '</row>')
    ties_xml = sheet('<row>' + inline("A1", "From") + inline("B1", "To") + '</row><row>' + inline("A2", "Clinic")
                     + inline("B2", "School") + '</row>')
    shared = '<sst><si><r><t>Form</t></r><r><t>ula</t></r><rPh><t>IGNORED</t></rPh></si></sst>'
    hand = os.path.join(tmp, "hand.xlsx")
    open(hand, "wb").write(workbook([("Ties", ties_xml), ("Members", members_xml)], True, styles, shared))
    r = run("import", hand, "-o", os.path.join(tmp, "hand.yaml"))
    check("hand-made workbook imports", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        doc = load(os.path.join(tmp, "hand.yaml"))
        check("inline strings, 1904 dates, custom date format, formula value, rich shared string",
              attrs(doc) == {"clinic": {"Joined": "1904-01-01", "Seen": str(datetime.date(1904, 1, 1) + datetime.timedelta(1462)),
                                        "Formula": "X"}, "school": {}},
              attrs(doc))
        check("default sheets Members and Ties", len(doc.get("ties", [])) == 1, doc)

    # 6. Hostile workbooks: refused with a clear message and exit 1, never a crash.
    bomb = os.path.join(tmp, "bomb.xlsx")
    big = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + " " * (80 << 20) + "</t></is></c></row>")
    open(bomb, "wb").write(workbook([("Members", big)]))
    check("zip bomb is small on disk", os.path.getsize(bomb) < 1 << 20)
    r = run("import", bomb, "-o", os.path.join(tmp, "x.yaml"))
    check("zip bomb refused", r.returncode == 1 and "unpacks to more than" in r.stderr, r.stderr)
    broken = os.path.join(tmp, "broken.xlsx")
    open(broken, "wb").write(workbook([("Members", sheet('<row r="1"><c r="A1"><v>1</v></row>'))]))
    r = run("import", broken, "-o", os.path.join(tmp, "x.yaml"))
    check("malformed XML: part, line and column",
          r.returncode == 1 and f"{broken}:xl/worksheets/s1.xml:1:" in r.stderr and "not valid XML" in r.stderr, r.stderr)
    doctype = os.path.join(tmp, "doctype.xlsx")
    open(doctype, "wb").write(workbook([("Members", '<!DOCTYPE x [<!ENTITY a "aaaa">]>' + sheet(""))]))
    r = run("import", doctype, "-o", os.path.join(tmp, "x.yaml"))
    check("DOCTYPE refused", r.returncode == 1 and "DOCTYPE" in r.stderr, r.stderr)
    for name, data in (("notzip.xlsx", b"Name,Sector\n"), ("truncated.xlsx", open(book, "rb").read()[:300])):
        path = os.path.join(tmp, name)
        open(path, "wb").write(data)
        r = run("import", path, "-o", os.path.join(tmp, "x.yaml"))
        check(f"{name} refused", r.returncode == 1 and "workbook" in r.stderr, r.stderr)
    far = os.path.join(tmp, "far.xlsx")
    open(far, "wb").write(workbook([("Members", sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))]))
    r = run("import", far, "-o", os.path.join(tmp, "x.yaml"))
    check("a cell past the last column refused", r.returncode == 1 and "last column" in r.stderr, r.stderr)
    check("nothing written by refused imports", not os.path.exists(os.path.join(tmp, "x.yaml")))

    # 7. The template workbook in examples/ imports as it ships.
    template = os.path.join(source, "examples", "partners.xlsx")
    r = run("import", template, "-o", os.path.join(tmp, "template.yaml"))
    check("examples/partners.xlsx imports", r.returncode == 0, r.stderr)

    # 8. Export to xlsx, read back by openpyxl, figures checked against NetworkX.
    hills = os.path.join(source, "networks", "healthy-in-the-hills.yaml")
    xlsx = os.path.join(tmp, "hills.xlsx")
    r = run("export", hills, "--to", "xlsx", "-o", xlsx)
    check("export xlsx", r.returncode == 0, r.stderr)
    r = run("export", hills, "--to", "xlsx")
    check("export xlsx needs -o", r.returncode == 2, r.stderr)
    if os.path.exists(xlsx):
        wb = openpyxl.load_workbook(xlsx)
        check("six sheets", wb.sheetnames == ["members", "ties", "sectors", "gaps", "power", "findings"], wb.sheetnames)
        for ws in wb:
            check(f"{ws.title}: header bold and frozen", ws["A1"].font.b and ws.freeze_panes == "A2")
            check(f"{ws.title}: column widths set", ws.column_dimensions["A"].width and ws.column_dimensions["A"].width >= 8)
        doc = load(hills)
        rows = list(wb["members"].iter_rows(values_only=True))
        header = rows[0]
        by_id = {row[0]: dict(zip(header, row)) for row in rows[1:]}
        g = nx.Graph()
        g.add_nodes_from(m["id"] for m in doc["members"])
        for t in doc.get("ties") or []:
            pair = t if isinstance(t, list) else (t.get("between") or [t["from"], t["to"]])
            g.add_edge(*pair)
        check("members sheet: one row per member", sorted(by_id) == sorted(g.nodes), sorted(by_id))
        check("members sheet: degree as NetworkX", all(by_id[v]["degree"] == g.degree(v) for v in g), by_id)
        bc = nx.betweenness_centrality(g)
        check("members sheet: betweenness as NetworkX",
              all(abs(by_id[v]["betweenness"] - bc[v]) < 1e-9 for v in g), [(by_id[v]["betweenness"], bc[v]) for v in g])
        check("members sheet: numbers are numbers", isinstance(by_id[doc["members"][0]["id"]]["closeness"], float))
        ties_rows = list(wb["ties"].iter_rows(values_only=True))
        check("ties sheet: one row per tie", len(ties_rows) - 1 == len(doc.get("ties") or []), len(ties_rows))
        check("power sheet has seats", wb["power"].max_row - 1 == sum(len(b["seats"]) for b in doc.get("governance") or []))

    # 9. Attributes round-trip: YAML -> GraphML (NetworkX reads them) -> import; Kumu csv -> import.
    src = os.path.join(tmp, "attr.yaml")
    with open(src, "w") as f:
        f.write('coalition: {name: A}\nmembers:\n'
                '  - {id: a, sector: health-care, attributes: {Contact: "Jane, Doe", "Name": "=x", Joined: "2021-03-01"}}\n'
                '  - {id: b, sector: education}\nties: [[a, b]]\n')
    check("attributes validate", run("validate", src).returncode == 0)
    run("export", src, "--to", "graphml", "-o", os.path.join(tmp, "attr.graphml"))
    g = nx.read_graphml(os.path.join(tmp, "attr.graphml"))
    check("networkx reads attributes from graphml",
          json.loads(g.nodes["a"]["attributes"]) == {"Contact": "Jane, Doe", "Name": "=x", "Joined": "2021-03-01"})
    r = run("import", os.path.join(tmp, "attr.graphml"), "-o", os.path.join(tmp, "attr-g.yaml"))
    check("graphml attributes re-import", r.returncode == 0 and attrs(load(os.path.join(tmp, "attr-g.yaml")))["a"] ==
          {"Contact": "Jane, Doe", "Name": "=x", "Joined": "2021-03-01"}, r.stderr)
    run("export", src, "--to", "csv", "-o", os.path.join(tmp, "attr-kumu"))
    r = run("import", os.path.join(tmp, "attr-kumu", "elements.csv"), os.path.join(tmp, "attr-kumu", "connections.csv"),
            "-o", os.path.join(tmp, "attr-k.yaml"))
    check("kumu attributes re-import (a Name attribute stays an attribute)",
          r.returncode == 0 and attrs(load(os.path.join(tmp, "attr-k.yaml")))["a"] ==
          {"Contact": "Jane, Doe", "Name": "=x", "Joined": "2021-03-01"}, r.stderr)
    run("export", src, "--to", "json", "-o", os.path.join(tmp, "attr.json"))
    h = nx.node_link_graph(json.load(open(os.path.join(tmp, "attr.json"))))
    check("node-link carries attributes", h.nodes["a"]["attributes"]["Contact"] == "Jane, Doe")

    # 10. A tie's attributes: YAML -> GraphML (NetworkX and igraph read them) -> import; Kumu
    # connections -> import; node-link; the workbook's ties sheet (openpyxl reads it).
    src = os.path.join(tmp, "tie-attr.yaml")
    tie_attrs = {"Frequency": "monthly", "Type": "MOU", "Since": "2021-03-01"}
    with open(src, "w") as f:
        f.write('coalition: {name: A}\nmembers:\n  - {id: a, sector: health-care}\n  - {id: b, sector: education}\n'
                '  - {id: c, sector: housing}\nties:\n'
                '  - {between: [a, b], level: 3, attributes: {Frequency: monthly, Type: MOU, Since: 2021-03-01}}\n'
                '  - {from: c, to: a, attributes: {Since: "2019"}}\n')
    check("tie attributes validate", run("validate", src).returncode == 0)
    check("tie attributes pass the schema", not list(validator.iter_errors(load(src))))

    def tie_attrs_of(path):
        return [{k: str(v) for k, v in (t.get("attributes") or {}).items()} for t in load(path)["ties"]]

    run("export", src, "--to", "graphml", "-o", os.path.join(tmp, "tie-attr.graphml"))
    g = nx.read_graphml(os.path.join(tmp, "tie-attr.graphml"))
    check("networkx reads a tie's attributes from graphml",
          json.loads(g.edges["a", "b"]["attributes"]) == tie_attrs and
          json.loads(g.edges["c", "a"]["attributes"]) == {"Since": "2019"}, list(g.edges(data=True)))
    ig = igraph.Graph.Read_GraphML(os.path.join(tmp, "tie-attr.graphml"))
    check("igraph reads a tie's attributes from graphml",
          sorted((json.loads(x) for x in ig.es["attributes"]), key=str) ==
          sorted([tie_attrs, {"Since": "2019"}], key=str),
          ig.es["attributes"])
    r = run("import", os.path.join(tmp, "tie-attr.graphml"), "-o", os.path.join(tmp, "tie-attr-g.yaml"))
    check("graphml tie attributes re-import", r.returncode == 0 and
          tie_attrs_of(os.path.join(tmp, "tie-attr-g.yaml")) == [tie_attrs, {"Since": "2019"}], r.stderr)
    run("export", src, "--to", "csv", "-o", os.path.join(tmp, "tie-attr-kumu"))
    with open(os.path.join(tmp, "tie-attr-kumu", "connections.csv")) as f:
        connections = list(csv.DictReader(f))
    check("kumu connections carry a column per tie attribute (Type as 'attribute: Type')",
          connections[0]["Frequency"] == "monthly" and connections[0]["attribute: Type"] == "MOU" and
          connections[1]["Since"] == "2019" and connections[1]["Frequency"] == "", connections)
    r = run("import", os.path.join(tmp, "tie-attr-kumu", "elements.csv"),
            os.path.join(tmp, "tie-attr-kumu", "connections.csv"), "-o", os.path.join(tmp, "tie-attr-k.yaml"))
    check("kumu tie attributes re-import", r.returncode == 0 and
          tie_attrs_of(os.path.join(tmp, "tie-attr-k.yaml")) == [tie_attrs, {"Since": "2019"}], r.stderr)
    run("export", src, "--to", "json", "-o", os.path.join(tmp, "tie-attr.json"))
    h = nx.node_link_graph(json.load(open(os.path.join(tmp, "tie-attr.json"))))
    check("node-link carries a tie's attributes", h.edges["a", "b"]["attributes"] == tie_attrs, list(h.edges(data=True)))
    run("export", src, "--to", "xlsx", "-o", os.path.join(tmp, "tie-attr.xlsx"))
    rows = list(openpyxl.load_workbook(os.path.join(tmp, "tie-attr.xlsx"))["ties"].iter_rows(values_only=True))
    header = list(rows[0])
    check("workbook ties sheet has a column per tie attribute",
          header[-3:] == ["Frequency", "Type", "Since"] and list(rows[1][-3:]) == ["monthly", "MOU", "2021-03-01"] and
          rows[2][-1] == "2019", rows)

    # 10. A survey export saved as a workbook: the Responses sheet (by default name) becomes the
    # survey; the CSV of the same rows gives the same file. By hand: a names b (4) and c (2),
    # b names a (3); c did not answer; the bad row 5 names a non-member.
    survey_members = os.path.join(tmp, "survey-members.csv")
    with open(survey_members, "w") as f:
        f.write("Organization,Sector\nAlpha Clinic,health-care\nBeta Schools,education\nGamma Pantry,community-based\n")
    rows = [["Respondent", "Partner", "Level", "Reliability"],
            ["Alpha Clinic", "Beta Schools", 4, 3],
            ["Alpha Clinic", "Gamma Pantry", 2, 4],
            ["Beta Schools", "Alpha Clinic", 3, 2],
            ["Beta Schools", "Nobody", 1, 1]]
    survey_book = os.path.join(tmp, "survey.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "About"
    wb.active.append(["Exported by a survey tool"])
    resp = wb.create_sheet("Responses")
    for row in rows:
        resp.append(row)
    wb.save(survey_book)
    survey_csv = os.path.join(tmp, "survey.csv")
    with open(survey_csv, "w") as f:
        f.write("\n".join(",".join(str(c) for c in row) for row in rows) + "\n")
    r = run("import", "survey", survey_book, "--members", survey_members, "-o", os.path.join(tmp, "sx.yaml"))
    check("xlsx survey: a bad row is named file:sheet:row", r.returncode == 1 and
          f"{survey_book}:Responses:5:1: error: partner 'Nobody'" in r.stderr, r.stderr)
    r = run("import", "survey", survey_book, "--members", survey_members, "-o", os.path.join(tmp, "sx.yaml"),
            "--skip-bad-rows")
    r2 = run("import", "survey", survey_csv, "--members", survey_members, "-o", os.path.join(tmp, "sc.yaml"),
             "--skip-bad-rows")
    check("xlsx survey imports", r.returncode == 0 and r2.returncode == 0, r.stderr + r2.stderr)
    if r.returncode == 0 and r2.returncode == 0:
        sx = load(os.path.join(tmp, "sx.yaml"))["survey"]
        check("xlsx survey responses", [(x["by"], x["about"], x["level"], x["trust"]["reliability"])
                                        for x in sx["responses"]] ==
              [("alpha-clinic", "beta-schools", "collaborating", 3), ("alpha-clinic", "gamma-pantry", "coordinating", 4),
               ("beta-schools", "alpha-clinic", "cooperating", 2)], sx)
        check("xlsx survey respondents", sx["respondents"] == ["alpha-clinic", "beta-schools"], sx)
        check("xlsx and csv survey agree", sx == load(os.path.join(tmp, "sc.yaml"))["survey"])
    r = run("import", "survey", survey_book, "--members", survey_members, "-o", os.path.join(tmp, "sy.yaml"),
            "--sheet", "Nope")
    check("xlsx survey: a missing sheet is named", r.returncode == 1 and "no sheet 'Nope'" in r.stderr, r.stderr)

check.finish()
