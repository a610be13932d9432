#!/usr/bin/python3
"""The command line's outputs against hostile use: an output that names an input is refused
(exit 2, before anything is read) however it is spelled; folder outputs (export --to csv,
report) appear whole or not at all; --taxonomy on every command that shows sectors; long
names are cut before Graphviz.

Usage: outputs_cli_test.py XSECTOR SOURCE_DIR
"""
import glob
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()
good = os.path.join(source, "networks", "healthy-in-the-hills.yaml")
later = os.path.join(source, "networks", "healthy-in-the-hills-2025.yaml")
members_csv = os.path.join(source, "examples", "survey-members.csv")
REFUSED = "refusing to write over the input file"


def run(*args, cwd=None, file_size=None):
    def limit():
        if file_size is not None:  # writes past it fail with EFBIG instead of killing the process
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120, cwd=cwd,
                          preexec_fn=limit)


def listing(folder):
    """Every entry under folder, hidden ones too, as relative paths."""
    out = []
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            out.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(out)


# --- An output over an input: refused with exit 2 before anything is read -------------------

def spellings(tmp, name):
    """The ways one file can be named: as given, ./, sub/.., absolute, a symlink, a hard link."""
    os.makedirs(os.path.join(tmp, "sub"), exist_ok=True)
    link = f"link-{name}"
    hard = f"hard-{name}"
    if not os.path.lexists(os.path.join(tmp, link)):
        os.symlink(name, os.path.join(tmp, link))
        os.link(os.path.join(tmp, name), os.path.join(tmp, hard))
    return [name, f"./{name}", f"sub/../{name}", os.path.join(tmp, name), link, hard]


with tempfile.TemporaryDirectory() as tmp:
    original = open(good, "rb").read()
    for name in ("k.yaml", "k.svg"):
        shutil.copy(good, os.path.join(tmp, name))
    # An input that is not a coalition at all: refused with exit 2 rather than read (exit 1).
    with open(os.path.join(tmp, "junk.yaml"), "w") as f:
        f.write("members: [\n")
    commands = [
        ("analyze", lambda o: ["analyze", "k.yaml", "--format", "json", "-o", o]),
        ("people", lambda o: ["people", "k.yaml", "-o", o]),
        ("gaps", lambda o: ["gaps", "k.yaml", "-o", o]),
        ("gaps --taxonomy all", lambda o: ["gaps", "k.yaml", "--taxonomy", "all", "-o", o]),
        ("power", lambda o: ["power", "k.yaml", "-o", o]),
        ("export json", lambda o: ["export", "k.yaml", "--to", "json", "-o", o]),
        ("export xlsx", lambda o: ["export", "k.yaml", "--to", "xlsx", "-o", o]),
        ("export csv (folder)", lambda o: ["export", "k.yaml", "--to", "csv", "-o", o]),
        ("compare A A -o A", lambda o: ["compare", "k.yaml", "k.yaml", "-o", o]),
        ("compare --table", lambda o: ["compare", "k.yaml", "k.yaml", "--table", "-o", o]),
        ("report (folder)", lambda o: ["report", "k.yaml", "-o", o]),
        ("import --force", lambda o: ["import", "k.yaml", "-o", o, "--force"]),
    ]
    for label, make in commands:
        for spelled in spellings(tmp, "k.yaml"):
            r = run(*make(spelled), cwd=tmp)
            check(f"{label} -o {spelled} over the input: exit 2", r.returncode == 2, (r.returncode, r.stderr))
            check(f"{label} -o {spelled}: says why", REFUSED in r.stderr and "k.yaml" in r.stderr, r.stderr)
            check(f"{label} -o {spelled}: the input is untouched",
                  open(os.path.join(tmp, "k.yaml"), "rb").read() == original)
    check("no stray file was written", sorted(os.listdir(tmp)) ==
          sorted(["k.yaml", "k.svg", "junk.yaml", "sub", "link-k.yaml", "hard-k.yaml"]), os.listdir(tmp))
    # render's output must end in .svg: a coalition file named k.svg is an input it may name.
    for spelled in spellings(tmp, "k.svg"):
        r = run("render", "k.svg", "-o", spelled, cwd=tmp)
        check(f"render -o {spelled} over the input: exit 2", r.returncode == 2 and REFUSED in r.stderr,
              (r.returncode, r.stderr))
    r = run("compare", "k.yaml", later, "--diagram", "k.svg", cwd=tmp)
    check("compare --diagram over a third file is fine", r.returncode == 0, r.stderr)
    shutil.copy(good, os.path.join(tmp, "k.svg"))
    r = run("compare", "k.svg", later, "--diagram", "./k.svg", cwd=tmp)
    check("compare --diagram over an input: exit 2", r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    # Before anything is read: an invalid input is not reported (exit 1), the output is refused.
    r = run("analyze", "junk.yaml", "-o", "./junk.yaml", cwd=tmp)
    check("refused before the input is read", r.returncode == 2 and REFUSED in r.stderr, (r.returncode, r.stderr))
    # A second input, a --taxonomy file, a survey's members sheet and taxonomy show's file.
    r = run("compare", "k.yaml", later, "-o", later, cwd=tmp)
    check("compare -o the second wave: exit 2", r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    shutil.copy(os.path.join(source, "networks", "taxonomies", "rhihub.yaml"), os.path.join(tmp, "tax.yaml"))
    for cmd in (["analyze", "k.yaml"], ["power", "k.yaml"], ["gaps", "k.yaml"], ["people", "k.yaml"]):
        r = run(*cmd, "--taxonomy", "tax.yaml", "-o", "./tax.yaml", cwd=tmp)
        check(f"{cmd[0]} -o the --taxonomy file: exit 2", r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    r = run("render", "k.yaml", "--taxonomy", "tax.yaml", "-o", "tax.yaml", cwd=tmp)
    check("render -o the --taxonomy file: exit 2, refused as an input before its format is asked",
          r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    # A taxonomy file the coalition names itself (known once the coalition is read): refused
    # before anything is written, with the file and its taxonomy untouched.
    gaps_dir = os.path.join(source, "tests", "data", "gaps")
    os.makedirs(os.path.join(tmp, "own"), exist_ok=True)
    for name in ("gaps.yaml", "tiny-taxonomy.yaml"):
        shutil.copy(os.path.join(gaps_dir, name), os.path.join(tmp, "own", name))
    own_taxonomy = open(os.path.join(tmp, "own", "tiny-taxonomy.yaml"), "rb").read()
    for cmd in (["analyze", "own/gaps.yaml", "--format", "json"], ["gaps", "own/gaps.yaml"],
                ["people", "own/gaps.yaml"], ["power", "own/gaps.yaml"], ["export", "own/gaps.yaml", "--to", "json"],
                ["gaps", "own/gaps.yaml", "--taxonomy", "dfc"]):
        for spelled in ("own/tiny-taxonomy.yaml", "./own/../own/tiny-taxonomy.yaml"):
            r = run(*cmd, "-o", spelled, cwd=tmp)
            check(f"{' '.join(cmd)} -o {spelled} (the taxonomy file the coalition names): exit 2",
                  r.returncode == 2 and REFUSED in r.stderr and "tiny-taxonomy.yaml" in r.stderr,
                  (r.returncode, r.stderr))
            check(f"{' '.join(cmd)} -o {spelled}: the taxonomy file is untouched",
                  open(os.path.join(tmp, "own", "tiny-taxonomy.yaml"), "rb").read() == own_taxonomy)
    r = run("report", "own/gaps.yaml", "-o", "own/tiny-taxonomy.yaml", cwd=tmp)
    check("report -o the coalition's own taxonomy file: exit 2", r.returncode == 2 and REFUSED in r.stderr,
          (r.returncode, r.stderr))
    r = run("analyze", "own/gaps.yaml", "--format", "json", "-o", "own/out.json", cwd=tmp)
    check("analyze -o beside the coalition's taxonomy file is fine", r.returncode == 0, r.stderr)
    os.symlink("tax.yaml", os.path.join(tmp, "link-tax.yaml"))
    r = run("taxonomy", "show", "tax.yaml", "-o", "link-tax.yaml", cwd=tmp)
    check("taxonomy show FILE -o FILE (a link): exit 2", r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    shutil.copy(members_csv, os.path.join(tmp, "m.csv"))
    r = run("import", "survey", "m.csv", "--members", "m.csv", "-o", "./m.csv", "--force", cwd=tmp)
    check("import survey -o its responses: exit 2", r.returncode == 2 and REFUSED in r.stderr, r.stderr)
    r = run("import", "m.csv", "-o", "./m.csv", "--force", cwd=tmp)
    check("import -o its members sheet, even with --force: exit 2", r.returncode == 2 and REFUSED in r.stderr,
          r.stderr)
    check("the sheet is untouched", open(os.path.join(tmp, "m.csv"), "rb").read() == open(members_csv, "rb").read())
    # An output that is a new file, or a different existing one, is written as before.
    r = run("analyze", "k.yaml", "--format", "json", "-o", "out.json", cwd=tmp)
    check("a different output is written", r.returncode == 0 and json.load(open(os.path.join(tmp, "out.json"))))


# --- export --to csv: both files or neither ---------------------------------------------------

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "kumu")
    os.makedirs(os.path.join(out, "connections.csv"))  # a folder where the second file goes
    r = run("export", good, "--to", "csv", "-o", out)
    check("csv: a folder in the second file's place: exit 3", r.returncode == 3, (r.returncode, r.stderr))
    check("csv: the message names the second file", "connections.csv" in r.stderr, r.stderr)
    check("csv: no elements.csv was made, no temporary left", listing(out) == ["connections.csv"], listing(out))

    os.rmdir(os.path.join(out, "connections.csv"))
    for name in ("elements.csv", "connections.csv"):
        with open(os.path.join(out, name), "w") as f:
            f.write(f"old {name}\n")
    os.chmod(os.path.join(out, "connections.csv"), 0o444)  # refused even for root
    r = run("export", good, "--to", "csv", "-o", out)
    check("csv: a read-only second file: exit 3", r.returncode == 3 and "read-only" in r.stderr, r.stderr)
    check("csv: the first file keeps its old content",
          open(os.path.join(out, "elements.csv")).read() == "old elements.csv\n")
    check("csv: nothing else in the folder", listing(out) == ["connections.csv", "elements.csv"], listing(out))

    os.chmod(os.path.join(out, "connections.csv"), 0o644)
    r = run("export", good, "--to", "csv", "-o", out)
    check("csv: into an existing folder: both replaced", r.returncode == 0 and all(
        not open(os.path.join(out, n)).read().startswith("old") for n in ("elements.csv", "connections.csv")),
        r.stderr)

    # A new folder, several levels down, that cannot be written: no folder at all is left.
    nested = os.path.join(tmp, "a", "b", "kumu")
    r = run("export", good, "--to", "csv", "-o", nested, file_size=64)
    check("csv: a new folder whose files cannot be written: exit 3", r.returncode == 3, (r.returncode, r.stderr))
    check("csv: the failure names the folder's file, not a temporary",
          "a/b/kumu/elements.csv" in r.stderr and ".tmp-" not in r.stderr, r.stderr)
    check("csv: no folder, parent or temporary is left",
          listing(tmp) == ["kumu", "kumu/connections.csv", "kumu/elements.csv"], listing(tmp))
    r = run("export", good, "--to", "csv", "-o", nested)
    check("csv: a new nested folder is written whole",
          r.returncode == 0 and listing(nested) == ["connections.csv", "elements.csv"], (r.stderr, listing(tmp)))
    mask = os.umask(0o022)
    os.umask(mask)
    check("csv: the new folder has the usual mode (not mkdtemp's 0700)",
          os.stat(nested).st_mode & 0o777 == 0o777 & ~mask, oct(os.stat(nested).st_mode))
    check("csv: no temporary sibling is left", sorted(os.listdir(os.path.dirname(nested))) == ["kumu"],
          os.listdir(os.path.dirname(nested)))


# --- report: the folder whole or not at all -----------------------------------------------------

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "rep")
    r = run("report", good, "-o", out, file_size=1024)
    check("report: a new folder that cannot be written: exit 3", r.returncode == 3, (r.returncode, r.stderr))
    check("report: no empty or partial folder, no temporary", os.listdir(tmp) == [], listing(tmp))

    # members.svg (about 21 KB) fits, sectors.svg (about 26 KB) does not.
    r = run("report", good, later, "--format", "markdown", "-o", out, file_size=22_000)
    check("report markdown: fails part way: exit 3", r.returncode == 3, (r.returncode, r.stderr))
    check("report markdown: nothing is left", os.listdir(tmp) == [], listing(tmp))

    os.makedirs(os.path.join(out, "sectors.svg"))  # an existing folder; the second file cannot go in
    r = run("report", good, "--format", "markdown", "-o", out)
    check("report into a folder where a file cannot go: exit 3", r.returncode == 3 and "sectors.svg" in r.stderr,
          (r.returncode, r.stderr))
    check("report: no file of it was written", listing(out) == ["sectors.svg"], listing(out))
    os.rmdir(os.path.join(out, "sectors.svg"))

    r = run("report", good, later, "--format", "markdown", "-o", out)
    want = ["changes.svg", "members.svg", "report.md", "sectors.svg", "wave-a.svg"]
    check("report markdown of two waves into an existing folder", r.returncode == 0 and listing(out) == want,
          (r.stderr, listing(out)))
    fresh = os.path.join(tmp, "new", "rep")
    r = run("report", good, "-o", fresh + "/")
    check("report into a new nested folder given with a trailing slash",
          r.returncode == 0 and listing(fresh) == ["report.html"], (r.stderr, listing(tmp)))
    check("report: no temporary sibling", sorted(os.listdir(os.path.join(tmp, "new"))) == ["rep"])
    with open(os.path.join(tmp, "plain"), "w") as f:
        f.write("x")
    r = run("report", good, "-o", os.path.join(tmp, "plain"))
    check("report -o an existing file: exit 3", r.returncode == 3 and "a file of that name exists" in r.stderr,
          r.stderr)


# --- --taxonomy on every command that shows sectors ---------------------------------------------

def taxonomy_help(command):
    text = run(command, "--help").stdout
    m = re.search(r"--taxonomy\s+TEXT\s+(.*?)(?:\n\s*\n|\n  -|\n  --(?!taxonomy))", text, re.S)
    return " ".join(m.group(1).split()) if m else None


helps = {c: taxonomy_help(c) for c in ("validate", "analyze", "people", "gaps", "power", "render", "compare",
                                       "report")}
base = helps["analyze"]
check("--taxonomy is offered by every command that shows sectors", all(helps.values()), helps)
check("--taxonomy has one help text", base and all(h == base for c, h in helps.items() if c != "gaps"), helps)
check("gaps adds only 'all'", helps["gaps"] and helps["gaps"].startswith(base) and "'all'" in helps["gaps"], helps)
check("the help names the built-in ids", base and all(i in base for i in ("cross-sector", "rhihub", "dfc", "dash")),
      base)

with tempfile.TemporaryDirectory() as tmp:
    own = run("power", good, "--format", "json")
    r = run("power", good, "--taxonomy", "rhihub", "--format", "json")
    check("power --taxonomy: exit 0", own.returncode == 0 and r.returncode == 0, r.stderr)
    if r.returncode == 0 and own.returncode == 0:
        check("power --taxonomy measures against it", json.loads(r.stdout)["coalition"]["taxonomy"] == "rhihub" and
              json.loads(own.stdout)["coalition"]["taxonomy"] == "cross-sector", r.stdout[:300])
    r = run("power", good, "--taxonomy", "nope")
    check("power --taxonomy nope: exit 2", r.returncode == 2 and "--taxonomy" in r.stderr, r.stderr)

    import yaml
    rhihub = yaml.safe_load(open(os.path.join(source, "networks", "taxonomies", "rhihub.yaml")))
    rhihub_ids = {s["id"] for s in rhihub["sectors"]}
    ghosts = {}
    for name, extra in (("own", []), ("rhihub", ["--taxonomy", "rhihub"])):
        out = os.path.join(tmp, f"{name}.dot")
        r = run("render", good, *extra, "-o", out)
        check(f"render {name}: exit 0", r.returncode == 0, r.stderr)
        ghosts[name] = set(re.findall(r'"missing:([a-z0-9._-]+)"', open(out).read())) if r.returncode == 0 else set()
    check("render --taxonomy draws that taxonomy's missing sectors", ghosts["rhihub"] and
          ghosts["rhihub"] <= rhihub_ids and ghosts["rhihub"] != ghosts["own"], ghosts)
    r = run("render", good, "--taxonomy", "nope", "-o", os.path.join(tmp, "x.svg"))
    check("render --taxonomy nope: exit 2, nothing written", r.returncode == 2 and not os.path.exists(
        os.path.join(tmp, "x.svg")), r.stderr)


# --- Long names are cut before Graphviz ---------------------------------------------------------

LIMIT = 120
ELLIPSIS = "\u2026"
with tempfile.TemporaryDirectory() as tmp:
    words = 50_000
    name = " ".join(["w"] * words)  # Graphviz crashed on 300,000 such words (make_simple_label)
    sector_name = "é" * 5000  # two bytes a character: a cut must fall between them
    with open(os.path.join(tmp, "long.yaml"), "w", encoding="utf-8") as f:
        f.write("coalition: {name: Long}\nsectors:\n  - {id: longsector, name: '%s'}\n" % sector_name)
        f.write("members:\n  - {id: a, name: '%s', sector: longsector}\n" % name)
        f.write("  - {id: b, name: Bee, sector: housing}\nties: [[a, b]]\n")
    for view in ("members", "sectors"):
        out = os.path.join(tmp, f"{view}.dot")
        r = run("render", "long.yaml", "--view", view, "-o", out, cwd=tmp)
        check(f"long names: render --view {view} exit 0", r.returncode == 0, r.stderr)
        if r.returncode != 0:
            continue
        dot = open(out, encoding="utf-8").read()
        # Every quoted attribute, unescaped (Graphviz breaks long lines with a backslash-newline).
        values = [(key, value.replace("\\\n", "").replace("\\n", "\n").replace('\\"', '"'))
                  for key, value in re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', dot, re.S)]
        labels = [v for k, v in values if k in ("label", "tooltip")]
        longest = max(len(v) for v in labels)
        check(f"long names: every {view} label and tooltip is cut (longest {longest})",
              longest <= 2 * LIMIT + 20, longest)
        check(f"long names: the {view} cut ends in an ellipsis", any(ELLIPSIS in v for v in labels))
        check(f"long names: no broken UTF-8 in the {view} drawing", "\ufffd" not in dot)
        cut = "é" * (LIMIT - 1) + ELLIPSIS
        check(f"long names: the sector's name is cut to exactly {LIMIT} characters ({view})",
              any(cut in v and "é" * LIMIT not in v for v in labels), labels)
        if view == "members":
            member = [v for k, v in values if k == "label" and v.startswith("w w")]
            check("long names: the member's label is its first 119 characters and an ellipsis, wrapped",
                  len(member) == 1 and member[0].replace("\n", " ") == ("w " * LIMIT)[:LIMIT - 1] + ELLIPSIS,
                  member)
    r = run("render", "long.yaml", "-o", "long.svg", cwd=tmp)
    check("long names: svg renders", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        svg = open(os.path.join(tmp, "long.svg"), encoding="utf-8").read()
        head = ("w " * LIMIT)[:LIMIT - 1]
        check("long names: the svg's tooltip is cut", head + ELLIPSIS in svg or head + "&#8230;" in svg)
        check("long names: the svg has no longer run of the name", "w " * LIMIT not in svg)
    r = run("report", "long.yaml", "-o", "rep", cwd=tmp)
    check("long names: report exit 0", r.returncode == 0, r.stderr)
    if r.returncode == 0:
        html = open(os.path.join(tmp, "rep", "report.html"), encoding="utf-8").read()
        check("long names: the report's tables keep the whole name", name in html)

check.finish()
