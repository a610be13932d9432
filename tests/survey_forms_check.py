#!/usr/bin/python3
"""Partner-survey exports as the form tools write them, and the survey kit out and back.

One set of answers (ANSWERS below: three respondents rate their partners, with the missing
answers people give: blank, Don't know, N/A, -, the typographic Don’t know, Not a partner) is
written in the long layout by hand and in each form tool's export layout, built from that
tool's documented export:

  Google Forms: the responses spreadsheet (downloaded as CSV). The first column is
    `Timestamp`; each row of a grid question is its own column titled `Question [Row]`
    (the grid's rows as Apps Script's GridItem.setRows names them,
    https://developers.google.com/apps-script/reference/forms/grid-item).
  Microsoft Forms: "Open in Excel" (Microsoft support, "Check your form results"): a
    workbook whose columns are ID, Start time, Completion time, Email, Name, then the
    questions; a grid (Likert) statement as `Question.Statement` (or `Question - Statement`).
  SurveyMonkey: the "All individual responses" export, expanded: two header rows (the
    question, spanning its columns with blank cells after the first; then the grid's row
    label, or `Response`), the metadata Respondent ID, Collector ID, Start Date, End Date, IP
    Address, Email Address, First Name, Last Name, Custom Data 1 (as SurveyMonkey's help
    centre lists them and community readers of the export, e.g. the R function
    loadSurveyMonkeyXLS, parse them).
  Qualtrics: "Understanding Your Dataset"
    (https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/):
    "CSV and TSV files come with 3 rows of headers": the field id (StartDate, EndDate, ...,
    Q1, Q2_1), the question text (a matrix row as `Question - Statement`), and
    {"ImportId":...}; the first columns are the respondent information (StartDate, EndDate,
    Status, IPAddress, Progress, Duration (in seconds), Finished, RecordedDate, ResponseId, ...).

Each must import to exactly the survey of the long layout and of the hand-written expectation,
and the analysis to the figures worked out by hand below. Then the kit: forms written by
`xsector survey-kit`, checked with openpyxl (sheets, B1, lock, data validations), filled with
openpyxl, read back by `xsector import survey`.

Usage: survey_forms_check.py XSECTOR SOURCE_DIR
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
import yaml

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks, DatesAsText  # noqa: E402

check = Checks()


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def load(path):
    with open(path) as f:
        return yaml.load(f, Loader=DatesAsText)


MEMBERS = [("hub", "The Hub", "health-care"), ("school", "Lincoln School", "education"),
           ("county", "County Commission", "government"), ("pantry", "St. Mary's Food Pantry", "community-based")]
NAME = {m[0]: m[1] for m in MEMBERS}
QUESTIONS = [  # (field, the question as a form asks it)
    ("level", "How would you describe your relationship with each partner?"),
    ("frequency", "How often do you work with each partner?"),
    ("reliability", "How reliable is each partner?"),
    ("mission", "How much does each partner share your mission?"),
    ("openness", "How open is each partner to discussion?"),
    ("power", "How much power and influence does each partner have?"),
    ("involvement", "How involved is each partner in the coalition?"),
    ("resources", "How much does each partner contribute resources?"),
]
DK = "Don\u2019t know"  # the typographic apostrophe, as phones and Word type it
# respondent -> (the organization as typed, when submitted, {partner: 8 answers in QUESTIONS order})
ANSWERS = {
    "hub": ("The Hub", datetime.datetime(2025, 5, 1, 10, 12, 33), {
        "school": ["collaborating", "weekly", "4", "3", "Don't know", "2", "4", "N/A"],
        "county": ["Not a partner", "", "", "", "", "", "", ""],
        "pantry": ["Don't know", "", "3", "", "", "", "", ""],
    }),
    "school": ("lincoln school", datetime.datetime(2025, 5, 3, 9, 0, 0), {
        "hub": ["cooperating", "monthly", "3", "4", "2", "4", "3", "4"],
        "county": ["networking", "yearly", "", "", "", "", "", ""],
        "pantry": [DK, "", "NA", "-", "Prefer not to say", "Not applicable", "Do not know", ""],
    }),
    "pantry": ("St. Mary's Food Pantry", datetime.datetime(2025, 5, 2, 16, 45, 0), {
        "hub": ["coordinating", "quarterly", "2", "2", "2", "3", "2", "1"],
        "school": ["-", "", "Prefer not to say", DK, "1", "", "", ""],
    }),
}
# What those answers mean, by hand: school about pantry and pantry about county carry no level
# and no rating (not responses); hub about county is an explicit Not a partner.
EXPECTED = {
    "fielded": "2025-05-03",
    "respondents": ["hub", "school", "pantry"],
    "responses": sorted([
        {"by": "hub", "about": "school", "level": "collaborating", "frequency": "weekly",
         "trust": {"reliability": 4, "mission": 3}, "value": {"power": 2, "involvement": 4}},
        {"by": "hub", "about": "pantry", "trust": {"reliability": 3}},
        {"by": "school", "about": "hub", "level": "cooperating", "frequency": "monthly",
         "trust": {"reliability": 3, "mission": 4, "openness": 2}, "value": {"power": 4, "involvement": 3, "resources": 4}},
        {"by": "school", "about": "county", "level": "networking", "frequency": "yearly"},
        {"by": "pantry", "about": "hub", "level": "coordinating", "frequency": "quarterly",
         "trust": {"reliability": 2, "mission": 2, "openness": 2}, "value": {"power": 3, "involvement": 2, "resources": 1}},
        {"by": "pantry", "about": "school", "trust": {"openness": 1}},
    ], key=lambda r: (r["by"], r["about"])),
}


def survey_of(path):
    s = load(path)["survey"]
    return {"fielded": s.get("fielded"), "respondents": s["respondents"],
            "responses": sorted(s.get("responses", []), key=lambda r: (r["by"], r["about"]))}


def answer(resp, partner, q):
    return ANSWERS[resp][2].get(partner, [""] * 8)[q]


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows(rows)


def long_layout(path):
    # Hand-written: one row per answer that names a partner, as an evaluator would type it.
    write_csv(path, [
        ["Timestamp", "Organization", "Partner", "Level", "Frequency", "Reliability", "Mission", "Openness",
         "Power", "Involvement", "Resources"],
        ["2025-05-01 10:12:33", "The Hub", "Lincoln School", "collaborating", "weekly", "4", "3", "Don't know",
         "2", "4", "N/A"],
        ["2025-05-01 10:12:33", "The Hub", "County Commission", "Not a partner", "", "", "", "", "", "", ""],
        ["2025-05-01 10:12:33", "The Hub", "St. Mary's Food Pantry", "Don't know", "", "3", "", "", "", "", ""],
        ["2025-05-03 09:00:00", "lincoln school", "The Hub", "cooperating", "monthly", "3", "4", "2", "4", "3", "4"],
        ["2025-05-03 09:00:00", "lincoln school", "County Commission", "networking", "yearly", "", "", "", "", "", ""],
        ["2025-05-02 16:45:00", "St. Mary's Food Pantry", "The Hub", "coordinating", "quarterly", "2", "2", "2", "3",
         "2", "1"],
        ["2025-05-02 16:45:00", "St. Mary's Food Pantry", "Lincoln School", "-", "", "Prefer not to say", DK, "1", "",
         "", ""],
    ])


def google(path, org_question="Your organization", bad=None):
    header = ["Timestamp", "Email Address", org_question]
    header += [f"{q} [{NAME[p]}]" for _, q in QUESTIONS for p, _, _ in MEMBERS]
    rows = [header]
    for resp, (org, when, _) in ANSWERS.items():
        row = [f"{when.month}/{when.day}/{when.year} {when:%H:%M:%S}", f"{resp}@example.org", org]
        row += [answer(resp, p, q) for q in range(8) for p, _, _ in MEMBERS]
        rows.append(row)
    if bad:
        rows[bad[0]][bad[1]] = bad[2]
    write_csv(path, rows)


def microsoft(path, bad=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form1"
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Your organization"]
    for i, (_, q) in enumerate(QUESTIONS):  # both of the grid spellings Microsoft Forms uses
        short = ["Level of collaboration", "Frequency", "Reliability", "Mission", "Openness", "Power and influence",
                 "Involvement", "Resources"][i]
        header += [f"{short}.{NAME[p]}" if i < 4 else f"{short} - {NAME[p]}" for p, _, _ in MEMBERS]
    ws.append(header)
    for n, (resp, (org, when, _)) in enumerate(ANSWERS.items(), start=1):
        row = [n, when - datetime.timedelta(minutes=7), when, f"{resp}@example.org", resp.title(), org]
        row += [answer(resp, p, q) or None for q in range(8) for p, _, _ in MEMBERS]
        ws.append(row)
    if bad:
        ws[bad[0]] = bad[1]
    wb.save(path)


def surveymonkey(path):
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    first = meta + ["What organization do you represent?"]
    second = [""] * len(meta) + ["Response"]
    for _, q in QUESTIONS:
        first += [q] + [""] * (len(MEMBERS) - 1)
        second += [name for _, name, _ in MEMBERS]
    rows = [first, second]
    for n, (resp, (org, when, _)) in enumerate(ANSWERS.items()):
        row = [str(11890000000 + n), "431234567", (when - datetime.timedelta(minutes=7)).strftime("%m/%d/%Y %I:%M:%S %p"),
               when.strftime("%m/%d/%Y %I:%M:%S %p"), "203.0.113.7", "", "", "", "", org]
        row += [answer(resp, p, q) for q in range(8) for p, _, _ in MEMBERS]
        rows.append(row)
    write_csv(path, rows)


def qualtrics(path):
    meta = [("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"America/Denver"}'),
            ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"America/Denver"}'),
            ("Status", "Response Type", '{"ImportId":"status"}'), ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
            ("Progress", "Progress", '{"ImportId":"progress"}'),
            ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
            ("Finished", "Finished", '{"ImportId":"finished"}'),
            ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"America/Denver"}'),
            ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
            ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
            ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
            ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
            ("Q1", "What organization do you represent?", '{"ImportId":"QID1_TEXT"}')]
    ids, texts, imports = (list(x) for x in zip(*meta))
    for n, (_, q) in enumerate(QUESTIONS, start=2):
        for k, (_, name, _) in enumerate(MEMBERS, start=1):
            ids.append(f"Q{n}_{k}")
            texts.append(f"{q} - {name}")
            imports.append(f'{{"ImportId":"QID{n}_{k}"}}')
    rows = [ids, texts, imports]
    for n, (resp, (org, when, _)) in enumerate(ANSWERS.items()):
        start = when - datetime.timedelta(minutes=7)
        row = [f"{start:%Y-%m-%d %H:%M:%S}", f"{when:%Y-%m-%d %H:%M:%S}", "IP Address", "203.0.113.7", "100", "420", "True",
               f"{when:%Y-%m-%d %H:%M:%S}", f"R_{n}abcXYZ", "", "anonymous", "EN", org]
        row += [answer(resp, p, q) for q in range(8) for p, _, _ in MEMBERS]
        rows.append(row)
    write_csv(path, rows)


def figures_match(name, yaml_path):
    """The analysis of the imported survey against figures worked out by hand."""
    r = run("analyze", yaml_path, "--format", "json")
    if not check(f"{name}: analyze exits 0", r.returncode == 0, r.stderr):
        return
    doc = json.loads(r.stdout)
    net = doc["network"]
    members = {m["id"]: m for m in doc["members"]}
    # 3 of 4 answered. Pairs with two respondents: {hub,school} and {hub,pantry} confirmed,
    # {school,pantry} one-sided (school's row about pantry is all Don't know): 2/3.
    check(f"{name}: response_rate 3/4", abs(net["response_rate"] - 0.75) < 1e-12, net)
    check(f"{name}: confirmation_rate 2/3", abs(net["confirmation_rate"] - 2 / 3) < 1e-12, net)
    # Trust of the responses giving one: 3.5, 3, 3, 2, 1 -> 12.5/5 = 2.5, / 4.
    check(f"{name}: trust_score 0.625", abs(net["trust_score"] - 0.625) < 1e-12, net)
    # Value: 3, 11/3, 2 -> 26/9, / 4 = 13/18.
    check(f"{name}: value_score 13/18", abs(net["value_score"] - 13 / 18) < 1e-12, net)
    # About hub: trust 3 (school) and 2 (pantry); value 11/3 and 2.
    check(f"{name}: hub trust 2.5", abs(members["hub"]["trust"] - 2.5) < 1e-12, members["hub"])
    check(f"{name}: hub value 17/6", abs(members["hub"]["value"] - 17 / 6) < 1e-12, members["hub"])
    # About school: hub's trust (4 + 3) / 2 = 3.5 and pantry's 1 (openness only): 2.25.
    check(f"{name}: school trust 2.25", abs(members["school"]["trust"] - 2.25) < 1e-12, members["school"])
    check(f"{name}: county out_degree null", members["county"]["out_degree"] is None, members["county"])
    r = run("export", yaml_path, "--to", "json")
    graph = json.loads(r.stdout)
    ties = {frozenset((e["source"], e["target"])): e["level"] for e in graph.get("edges", graph.get("links"))}
    # The lower level of the two sides; a response without a level is networking (1).
    want = {frozenset(("hub", "school")): 3, frozenset(("hub", "pantry")): 1, frozenset(("school", "county")): 1,
            frozenset(("school", "pantry")): 1}
    check(f"{name}: ties and levels", ties == want, ties)


with tempfile.TemporaryDirectory() as tmp:
    members = os.path.join(tmp, "members.csv")
    write_csv(members, [["ID", "Label", "Sector"]] + [list(m) for m in MEMBERS])
    exports = {"long": ("long.csv", long_layout), "Google Forms": ("google.csv", google),
               "Microsoft Forms": ("msforms.xlsx", microsoft), "SurveyMonkey": ("surveymonkey.csv", surveymonkey),
               "Qualtrics": ("qualtrics.csv", qualtrics)}
    surveys = {}
    for layout, (file, write) in exports.items():
        path = os.path.join(tmp, file)
        write(path)
        out = os.path.join(tmp, file + ".yaml")
        r = run("import", "survey", path, "--members", members, "-o", out)
        if not check(f"{layout}: import exits 0", r.returncode == 0, r.stderr):
            continue
        if layout != "long":
            check(f"{layout}: the layout is named", f"read as a {layout} export" in r.stderr, r.stderr)
        check(f"{layout}: county did not answer", "did not answer (non-respondents): county" in r.stderr, r.stderr)
        surveys[layout] = survey_of(out)
        check(f"{layout}: the survey is the answers, worked out by hand", surveys[layout] == EXPECTED,
              json.dumps(surveys[layout], indent=1))
        figures_match(layout, out)
    for layout in exports:
        check(f"{layout}: the same survey as the long layout", surveys.get(layout) == surveys.get("long"), layout)

    # A rating that is not 1-4 is named at its cell: Google row 2 (hub), the column of
    # "How reliable ... [Lincoln School]" (3 + 2 x 4 + 1 = 12, from 0: column 13).
    bad = os.path.join(tmp, "google-bad.csv")
    google(bad, bad=(1, 12, "7"))
    r = run("import", "survey", bad, "--members", members, "-o", os.path.join(tmp, "bad.yaml"))
    check("Google: a bad rating names its line and column", r.returncode == 1 and
          f"{bad}:2:13: error: reliability '7' is not a rating from 1 to 4" in r.stderr, r.stderr)
    check("Google: nothing written on an error", not os.path.exists(os.path.join(tmp, "bad.yaml")))
    # In a workbook the cell is named: level of The Hub, by hub (row 2), is column G.
    bad = os.path.join(tmp, "msforms-bad.xlsx")
    microsoft(bad, bad=("G2", "best friends"))
    r = run("import", "survey", bad, "--members", members, "-o", os.path.join(tmp, "bad.yaml"))
    check("Microsoft: hub rating itself is named at its row", r.returncode == 1 and
          f"{bad}:Form1:2:1: error: 'The Hub' rates itself" in r.stderr, r.stderr)
    microsoft(bad, bad=("H2", "best friends"))
    r = run("import", "survey", bad, "--members", members, "-o", os.path.join(tmp, "bad.yaml"))
    check("Microsoft: a bad level names file:sheet:cell", r.returncode == 1 and
          f"{bad}:Form1:H2: error: level 'best friends'" in r.stderr, r.stderr)
    # No organization column: said, and --map names it.
    odd = os.path.join(tmp, "google-odd.csv")
    google(odd, org_question="Who are you?")
    r = run("import", "survey", odd, "--members", members, "-o", os.path.join(tmp, "odd.yaml"))
    check("Google: no organization column is said", r.returncode == 1 and
          "no column holds the respondent's organization" in r.stderr, r.stderr)
    r = run("import", "survey", odd, "--members", members, "-o", os.path.join(tmp, "odd.yaml"),
            "--map", "Who are you?=by")
    check("Google: --map names the organization column", r.returncode == 0 and
          survey_of(os.path.join(tmp, "odd.yaml")) == EXPECTED, r.stderr)

    # --skip-bad-rows: a members row left out is said (at its row), as a survey row would be.
    members_bad = os.path.join(tmp, "members-bad.csv")
    write_csv(members_bad, [["ID", "Label", "Sector"]] + [list(m) for m in MEMBERS] + [["ghost", "Ghost", "zzqx"]])
    r = run("import", "survey", os.path.join(tmp, "long.csv"), "--members", members_bad, "--skip-bad-rows",
            "-o", os.path.join(tmp, "skipped.yaml"))
    check("--skip-bad-rows: the members row left out is named at its row", r.returncode == 0 and
          f"{members_bad}:{len(MEMBERS) + 2}:" in r.stderr and "row left out" in r.stderr, r.stderr)

    # ---- The kit -------------------------------------------------------------------------
    coalition = os.path.join(tmp, "coalition.yaml")
    with open(coalition, "w") as f:
        f.write("coalition:\n  name: Kit test\nmembers:\n")
        for mid, name, sector in MEMBERS:
            f.write(f"  - {{id: {mid}, name: \"{name}\", sector: {sector}}}\n")
    kit = os.path.join(tmp, "kit")
    r = run("survey-kit", coalition, "-o", kit)
    check("kit: exits 0", r.returncode == 0, r.stderr)
    check("kit: one form per member", sorted(os.listdir(kit)) == sorted(f"{m[0]}.xlsx" for m in MEMBERS),
          os.listdir(kit) if os.path.isdir(kit) else r.stderr)
    check("kit: says what it wrote", "Wrote 4 xlsx forms" in r.stdout, r.stdout)
    sector_names = {"health-care": "Health care"}
    wb = openpyxl.load_workbook(os.path.join(kit, "hub.xlsx"))
    check("kit: sheets Instructions and Partners", wb.sheetnames == ["Instructions", "Partners"], wb.sheetnames)
    ws = wb["Partners"]
    check("kit: the organization in B1", ws["B1"].value == "The Hub", ws["B1"].value)
    check("kit: the sheet is protected and B1 locked", ws.protection.sheet is True and ws["B1"].protection.locked)
    check("kit: the answer cells are unlocked", all(not ws.cell(row=r, column=c).protection.locked
                                                   for r in range(4, 7) for c in range(3, 11)))
    check("kit: partner and sector headings", [ws["A3"].value, ws["B3"].value, ws["C3"].value, ws["D3"].value] ==
          ["Partner", "Sector", "Level", "Frequency"], [c.value for c in ws[3]])
    words = ["reliab", "mission", "open", "influence", "involve", "resource"]
    check("kit: each item headed by its full question", all(
        w in (ws.cell(row=3, column=5 + i).value or "").lower() and "?" in ws.cell(row=3, column=5 + i).value
        for i, w in enumerate(words)), [c.value for c in ws[3]])
    check("kit: a row per other member", [ws.cell(row=r, column=1).value for r in range(4, 7)] ==
          ["Lincoln School", "County Commission", "St. Mary's Food Pantry"] and ws["A7"].value is None)
    check("kit: the partner's sector", ws["B6"].value not in (None, "") and ws["B4"].value == "Education",
          [ws["B4"].value, ws["B6"].value])
    lists = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            lists[rng] = (dv.type, dv.formula1)
    levels = '"networking,coordinating,cooperating,collaborating,Not a partner"'
    items = '"1,2,3,4,Don\'t know"'
    check("kit: levels by name plus Not a partner", lists.get("C4:C6") == ("list", levels), lists)
    check("kit: frequency from the list", lists.get("D4:D6", ("", ""))[0] == "list" and "weekly" in lists["D4:D6"][1])
    check("kit: items 1-4 plus Don't know", all(lists.get(f"{c}4:{c}6") == ("list", items) for c in "EFGHIJ"), lists)

    # Fill the three forms as the respondents would; county returns its form blank.
    for resp, (_, _, partners) in ANSWERS.items():
        path = os.path.join(kit, f"{resp}.xlsx")
        wb = openpyxl.load_workbook(path)
        ws = wb["Partners"]
        for r in range(4, 4 + len(MEMBERS) - 1):
            pid = ws.cell(row=r, column=11).value
            for q in range(8):
                value = partners.get(pid, [""] * 8)[q]
                if value in ("N/A", "NA", "-", "Prefer not to say", "Not applicable", "Do not know", DK):
                    value = "Don't know"  # the dropdown's word for every missing answer
                ws.cell(row=r, column=3 + q).value = int(value) if value.isdigit() else (value or None)
        wb.save(path)
    out = os.path.join(tmp, "kit.yaml")
    forms = sorted(os.path.join(kit, f) for f in os.listdir(kit))
    r = run("import", "survey", *forms, "--members", coalition, "-o", out)
    if check("kit: filled forms import", r.returncode == 0, r.stderr):
        got = survey_of(out)
        want = dict(EXPECTED, fielded=None)  # forms carry no timestamp
        check("kit: the survey is the answers, worked out by hand", got == want, json.dumps(got, indent=1))
        check("kit: the blank form is a member who did not answer", "county.xlsx:Partners: the form has no answer"
              in r.stderr and "non-respondents): county" in r.stderr, r.stderr)
        check("kit: the coalition file keeps its name", load(out)["coalition"]["name"] == "Kit test")
        figures_match("kit", out)
    wb = openpyxl.load_workbook(os.path.join(kit, "school.xlsx"))
    wb["Partners"]["E4"] = 7
    wb.save(os.path.join(kit, "school.xlsx"))
    r = run("import", "survey", *forms, "--members", coalition, "-o", os.path.join(tmp, "kit2.yaml"))
    check("kit: a bad answer names file:sheet:cell", r.returncode == 1 and
          f"{kit}/school.xlsx:Partners:E4: error: reliability '7' is not a rating" in r.stderr, r.stderr)
    check("kit: nothing written on an error", not os.path.exists(os.path.join(tmp, "kit2.yaml")))

    # Printable pages, and a kit that appears whole or not at all.
    html = os.path.join(tmp, "print")
    r = run("survey-kit", coalition, "-o", html, "--format", "html")
    page = open(os.path.join(html, "pantry.html")).read() if r.returncode == 0 else ""
    check("kit html: a page per member", r.returncode == 0 and sorted(os.listdir(html)) ==
          sorted(f"{m[0]}.html" for m in MEMBERS), r.stderr)
    check("kit html: the organization and its partners", "Your organization: <strong>St. Mary's Food Pantry" in page
          and "<td>The Hub</td>" in page and "<td>St. Mary's Food Pantry</td>" not in page, page[:600])
    before = sorted(os.listdir(kit))
    r = run("survey-kit", coalition, "-o", kit)
    check("kit: a folder that is not empty is refused (exit 2)", r.returncode == 2 and
          sorted(os.listdir(kit)) == before and "not empty" in r.stderr, r.stderr)
    blocker = os.path.join(tmp, "a-file")
    open(blocker, "w").close()
    r = run("survey-kit", coalition, "-o", os.path.join(blocker, "kit"))
    check("kit: an unwritable folder exits 3 and leaves nothing", r.returncode == 3 and
          sorted(os.listdir(tmp)).count("a-file") == 1 and not any(n.startswith(".kit") for n in os.listdir(tmp)),
          r.stderr)
    leftovers = [n for n in os.listdir(tmp) if ".tmp-" in n]
    check("kit: no temporary folder left behind", leftovers == [], leftovers)

check.finish()
