#!/usr/bin/python3
"""A partner roster as a coordinator keeps it in Excel, read by every command in one step.

The workbook is built here with openpyxl (title rows above the header, a "Partners with"
column, pairs listed from both sides, odd case and spacing, "The" and "&" in names, a
Sectors sheet, sector words of the roster's own, contacts with emails and phones, a
Governance sheet), and what xsector reads is checked against what the rows say, member by
member and tie by tie. Error messages are checked exactly. Personal data (contact names,
emails, phones, an address column) is checked absent from every export, report, diagram
and JSON without --people names, and present with it where the format carries it.

Usage: roster_check.py XSECTOR SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import yaml

XSECTOR = os.path.abspath(sys.argv[1])
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {detail}")
        print(f"FAIL {what}: {detail}")


def run(*args):
    return subprocess.run([XSECTOR, *args], capture_output=True, text=True, timeout=120)


HEADER = ["Organization", "Sector", "Partners with", "Level", "Community-led", "Lived experience",
          "Contact person", "Role", "Email", "Phone", "Home address", "Joined"]
ROWS = [
    ["Mercy Hospital", "Hospital", "riverbend schools; The Food Pantry", None, "no", "no",
     "Ana Ruiz", "Community health director", "ana.ruiz@mercy.example", "555-0101", "1 Elm St", "2021"],
    ["Riverbend  Schools", "K-12 schools", "MERCY HOSPITAL,  Parks & Recreation Dept", "coordinating", None, None,
     "Ben Okafor", "Wellness lead", "ben.okafor@rbs.example", None, None, "2022"],
    ["Food Pantry", "Food bank", "Grace church", "collaborating", "yes", None, None, None, None, None, None, None],
    ["Parks and Recreation Dept.", "City government", None, None, None, None, None, None, None, "555-0199", None, None],
    ["Grace Church", "Faith community", "food pantry", "cooperating", None, None, None, None, None, None, None, None],
    ["Tenant Voices", "Grassroots", "Grace Church | Food Pantry", None, "x", "X", "Dee Marsh", None, None, None,
     None, None],
    None,  # a blank row inside the roster
    ["County Health Dept", "health department", "Mercy Hospital", None, None, None, None, None, None, None, None,
     None],
]


def roster(path, rows=ROWS, sectors=True, governance=True, ties=True, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Partners"
    ws.append(["Riverbend Health Equity Zone: partner roster"])
    ws.append(["Kept by the backbone; last updated May 2024"])
    ws.append(header)
    for row in rows:
        ws.append(row if row else [])
    if ties:
        t = wb.create_sheet("Ties")
        t.append(["From", "To", "Level"])
        t.append(["county health   dept", "Tenant Voices", "networking"])
        t.append(["Mercy Hospital", "County Health Dept", "collaborating"])
    if sectors:
        s = wb.create_sheet("Sectors")
        s.append(["Value", "Sector"])
        s.append(["Grassroots", "community-based"])
    if governance:
        g = wb.create_sheet("Governance")
        g.append(["Body", "Rule", "Quota", "Member", "Votes"])
        g.append(["Steering committee", "majority", None, "mercy hospital", 2])
        g.append(["Steering committee", None, None, "Tenant voices", 1])
        g.append(["Steering committee", None, None, "the county health dept", 1])
    wb.save(path)


def pair(t):
    ends = t["between"] if "between" in t else [t["from"], t["to"]]
    return tuple(sorted(ends))


with tempfile.TemporaryDirectory() as tmp:
    book = os.path.join(tmp, "roster.xlsx")
    roster(book)

    # 1. Imported: members, sectors, flags, contacts, ties and levels exactly as the rows say.
    out = os.path.join(tmp, "roster.yaml")
    r = run("import", book, "-o", out, "--as-of", "2024-05-31")
    check("import exits 0", r.returncode == 0, r.stderr)
    doc = yaml.safe_load(open(out)) if r.returncode == 0 else {"members": [], "ties": [], "coalition": {}}
    members = {m["id"]: m for m in doc["members"]}
    check("members", list(members) == ["mercy-hospital", "riverbend-schools", "food-pantry",
                                       "parks-and-recreation-dept", "grace-church", "tenant-voices",
                                       "county-health-dept"], list(members))
    sectors = {k: m["sector"] for k, m in members.items()}
    check("sectors from the roster's words", sectors == {
        "mercy-hospital": "health-care", "riverbend-schools": "education", "food-pantry": "social-services",
        "parks-and-recreation-dept": "government", "grace-church": "faith-based",
        "tenant-voices": "community-based", "county-health-dept": "public-health"}, sectors)
    check("community led", sorted(k for k, m in members.items() if m.get("community_led")) ==
          ["food-pantry", "tenant-voices"], members)
    check("lived experience", [k for k, m in members.items() if m.get("lived_experience")] == ["tenant-voices"],
          members)
    check("as_of", str(doc["coalition"].get("as_of")) == "2024-05-31", doc["coalition"])
    check("contact of Mercy", members["mercy-hospital"].get("contacts") == [
        {"id": "mercy-hospital-contact-1", "name": "Ana Ruiz", "role": "Community health director",
         "email": "ana.ruiz@mercy.example", "phone": "555-0101"}], members["mercy-hospital"].get("contacts"))
    check("a phone alone makes a contact", members["parks-and-recreation-dept"].get("contacts") == [
        {"id": "parks-and-recreation-dept-contact-1", "phone": "555-0199"}], members["parks-and-recreation-dept"])
    attributes = {k: str(v) for k, v in members["mercy-hospital"].get("attributes", {}).items()}
    check("other columns kept as attributes", attributes == {"Home address": "1 Elm St", "Joined": "2021"}, attributes)
    ties = {pair(t): t["level"] for t in doc.get("ties", [])}
    expected = {
        ("mercy-hospital", "riverbend-schools"): "coordinating",       # both sides; one gives a level
        ("food-pantry", "mercy-hospital"): "networking",               # "The Food Pantry"
        ("parks-and-recreation-dept", "riverbend-schools"): "coordinating",  # "&" for "and", "." dropped
        ("food-pantry", "grace-church"): "cooperating",                # both sides: the lower level
        ("county-health-dept", "tenant-voices"): "networking",         # ties sheet, odd spacing
        ("county-health-dept", "mercy-hospital"): "collaborating",     # ties sheet and partner list
        ("grace-church", "tenant-voices"): "networking",
        ("food-pantry", "tenant-voices"): "networking",
    }
    check("ties and levels", ties == expected, ties)
    check("every tie once", len(doc.get("ties", [])) == len(expected), doc.get("ties"))
    gov = doc.get("governance", [])
    check("governance sheet", gov == [{"body": "steering-committee", "rule": "majority",
                                       "seats": {"mercy-hospital": 2, "tenant-voices": 1,
                                                 "county-health-dept": 1}}], gov)
    text = open(out).read() if os.path.exists(out) else ""
    check("the YAML records the sector words used", "#   Grassroots -> community-based (sector map)" in text and
          "#   K-12 schools -> education (the taxonomy's sector names and examples)" in text, text[:800])

    # 2. Any command reads the workbook; one summary line in the pinned shape; the notes.
    summary = "roster.xlsx: 7 members, 8 ties (7 from 'Partners with'), 2 notes"
    r = subprocess.run([XSECTOR, "analyze", "roster.xlsx", "--format", "json"], capture_output=True, text=True,
                       cwd=tmp)
    check("analyze reads the workbook", r.returncode == 0, r.stderr)
    lines = r.stderr.splitlines()
    check("summary line", lines and lines[-1] == summary, r.stderr)
    check("header note", "xsector: note: roster.xlsx:Partners: header on row 3; rows 1-2 skipped" in lines, lines)
    check("no UTF-8 advice", "UTF-8" not in r.stderr, r.stderr)
    if r.returncode == 0:
        a = json.loads(r.stdout)
        check("analyze: members", [m["id"] for m in a["members"]] == list(members), a["members"])
        check("analyze: decision body", [b["id"] for b in a["power"]["bodies"]] == ["steering-committee"], a["power"])
    for command in (["validate"], ["gaps"], ["power"], ["people"], ["render", "-o", os.path.join(tmp, "map.svg")],
                    ["export", "--to", "graphml"]):
        r = run(command[0], book, *command[1:])
        check(f"{command[0]} reads the workbook", r.returncode == 0 and r.stderr.splitlines()[-1].endswith(summary),
              r.stderr)
    r = run("compare", book, book)
    check("compare reads workbooks", r.returncode == 0, r.stderr)
    report_dir = os.path.join(tmp, "report")
    r = run("report", book, "-o", report_dir)
    check("report from the workbook, no hand edits", r.returncode == 0 and
          os.path.exists(os.path.join(report_dir, "report.html")), r.stderr)

    # A CSV roster, --header-row, --map HEADER=partners, --sector-map.
    csv_path = os.path.join(tmp, "roster.csv")
    with open(csv_path, "w") as f:
        f.write("Partner roster\n\nName,Sector,Linked orgs\nAlpha Clinic,clinic,Beta Church\n"
                "Beta Church,Our faith partners,\"alpha clinic\nGamma\"\nGamma,Schools,\n")
    smap = os.path.join(tmp, "words.csv")
    with open(smap, "w") as f:
        f.write("Value,Sector\nOur faith partners,faith-based\n")
    r = run("analyze", csv_path, "--format", "json", "--map", "Linked orgs=partners", "--sector-map", smap,
            "--header-row", "3")
    check("csv with --map, --sector-map, --header-row", r.returncode == 0 and
          r.stderr.splitlines()[-1] == f"{csv_path}: 3 members, 2 ties (2 from 'Linked orgs'), 1 note", r.stderr)
    r = run("analyze", csv_path, "--map", "Linked orgs=partners", "--sector-map", smap, "--header-row", "2")
    check("--header-row on an empty row", r.returncode == 1 and
          f"{csv_path}:2:1: error: --header-row 2: row 2 of the sheet is empty or missing" in r.stderr, r.stderr)

    # 3. Error messages, exactly.
    def errors(rows, name, **kw):
        path = os.path.join(tmp, name)
        roster(path, rows=rows, **kw)
        r = subprocess.run([XSECTOR, "analyze", name], capture_output=True, text=True, cwd=tmp)
        return r.returncode, [l for l in r.stderr.splitlines() if ": error: " in l]

    rows = [["Mercy Hospital", "Hospital", "Mercy Hosp; Nobody Inc"], ["Valley Clinic", "clinic", "mercy hospital"],
            ["Grace Church", "faith", "Valey Clinic"]]
    code, lines = errors(rows, "unmatched.xlsx", sectors=False, governance=False, ties=False)
    check("unmatched names: one message with rows and did-you-mean", code == 1 and lines == [
        "unmatched.xlsx:Partners:4:1: error: 3 names match no member: 'Mercy Hosp' (row 4, did you mean "
        "'Mercy Hospital'?); 'Nobody Inc' (row 4); 'Valey Clinic' (row 6, did you mean 'Valley Clinic'?)"], lines)
    rows = [["St. Mary's Clinic", "clinic"], ["Grace Church", "faith"], ["St Marys  clinic", "clinic"],
            ["Grace Church", "faith"]]
    code, lines = errors(rows, "twice.xlsx", sectors=False, governance=False, ties=False)
    check("collision and duplicate name both rows", code == 1 and lines == [
        "twice.xlsx:Partners:6:1: error: 'St Marys  clinic' (row 6) has the same name as the member on row 4 once "
        "case, spaces and punctuation are set aside: give one another name",
        "twice.xlsx:Partners:7:1: error: duplicate element 'grace-church': rows 5 and 7 both give it"], lines)
    rows = [["Mercy Hospital", "Grassroots"], ["Valley Clinic", "clinic", "Tenant Voices", "colaborating"],
            ["Tenant Voices", "Grassroots"], ["Grace Church", "Educaton"]]
    code, lines = errors(rows, "words.xlsx", sectors=False, governance=False, ties=False)
    check("unknown sector words once, with rows and a suggestion; level did-you-mean", code == 1 and lines == [
        "words.xlsx:Partners:4:1: error: sector 'Grassroots' (rows 4, 6) is not in the cross-sector taxonomy; map "
        "it in a Sectors sheet (Value, Sector) or with --sector-map FILE.csv",
        "words.xlsx:Partners:5:1: error: level 'colaborating' is not a level 1-4; did you mean 'collaborating'?",
        "words.xlsx:Partners:7:1: error: sector 'Educaton' (row 7) is not in the cross-sector taxonomy; did you "
        "mean 'education'?; map it in a Sectors sheet (Value, Sector) or with --sector-map FILE.csv"],
        lines)

    # 4. Personal data stays home: every export, report, diagram and JSON.
    personal = ["Ana Ruiz", "ana.ruiz@mercy.example", "555-0101", "Ben Okafor", "1 Elm St", "555-0199"]

    def outputs(people):
        found = {}
        extra = [] if people is None else ["--people", people]
        for to in ("graphml", "json", "dl", "vna", "dot"):
            r = run("export", book, "--to", to, *extra)
            check(f"export {to} {people}", r.returncode == 0, r.stderr)
            found[to] = r.stdout
        folder = os.path.join(tmp, f"kumu-{people}")
        run("export", book, "--to", "csv", "-o", folder, *extra)
        found["csv"] = "".join(open(os.path.join(folder, f)).read() for f in sorted(os.listdir(folder)))
        xlsx = os.path.join(tmp, f"x-{people}.xlsx")
        run("export", book, "--to", "xlsx", "-o", xlsx, *extra)
        with zipfile.ZipFile(xlsx) as z:
            found["xlsx"] = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        found["analyze json"] = run("analyze", book, "--format", "json", *extra).stdout
        found["people"] = run("people", book, *extra).stdout
        svg = os.path.join(tmp, f"m-{people}.svg")
        run("render", book, "-o", svg, "--people-layer", *extra)
        found["render"] = open(svg).read() if os.path.exists(svg) else ""
        folder = os.path.join(tmp, f"report-{people}")
        run("report", book, "-o", folder, *extra)
        found["report"] = "".join(open(os.path.join(folder, f), errors="replace").read() for f in os.listdir(folder))
        return found

    for people in (None, "roles", "none"):
        for where, text in outputs(people).items():
            leaked = [p for p in personal if p in text]
            check(f"no personal data in {where} (--people {people})", not leaked, leaked)
    named = outputs("names")
    for where in ("graphml", "json"):
        check(f"{where} carries names, emails, phones and the address with --people names",
              all(p in named[where] for p in personal), [p for p in personal if p not in named[where]])
    for where in ("csv", "xlsx"):
        check(f"{where} carries the address attribute with --people names", "1 Elm St" in named[where])
    for where in ("analyze json", "people"):
        check(f"{where} names people with --people names", "Ana Ruiz" in named[where])

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("roster checks passed")
