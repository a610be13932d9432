#!/usr/bin/python3
"""Opens `xsector report` output in headless Chromium: the script runs without errors,
names full of markup show as text and run nothing, and the screenshot is not blank.

Usage: browser_check.py XSECTOR SOURCE_DIR
"""
import html
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402

check = Checks()



def chromium(tmp, *args):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
             f"--user-data-dir={os.path.join(tmp, 'profile')}"]
    return subprocess.run(["chromium", *flags, *args], capture_output=True, text=True, timeout=120)


def png_variety(path):
    """Distinct byte values in the decoded image data (a blank page has one or two)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


with tempfile.TemporaryDirectory() as tmp:
    for name in ("networks/healthy-in-the-hills.yaml", "networks/rhode-island-hez.yaml", "tests/data/report/xss.yaml"):
        path = os.path.join(source, name)
        out = os.path.join(tmp, os.path.basename(name) + ".report")
        r = subprocess.run([binary, "report", path, "-o", out], capture_output=True, text=True)
        check(f"report {name}", r.returncode == 0, r.stderr)
        page = os.path.join(out, "report.html")
        text = open(page, encoding="utf-8").read()
        check(f"{name}: no external resources",
              not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)|url\(\s*["']?https?:|@import|<link\b""", text))
        dom = chromium(tmp, "--dump-dom", "file://" + page)
        check(f"{name}: chromium ran", dom.returncode == 0, dom.stderr[-2000:])
        check(f"{name}: the script ran to the end", 'data-ready="yes"' in dom.stdout, dom.stdout[-500:])
        console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
        check(f"{name}: no console messages", not console, console)
        check(f"{name}: member table rows", dom.stdout.count("<tr>") > 5)
        shot = os.path.join(tmp, os.path.basename(name) + ".png")
        r = chromium(tmp, "--window-size=1200,2400", f"--screenshot={shot}", "file://" + page)
        check(f"{name}: screenshot", r.returncode == 0 and os.path.exists(shot), r.stderr[-2000:])
        if os.path.exists(shot):
            check(f"{name}: screenshot is not blank", png_variety(shot) > 50)
        if name.endswith("xss.yaml"):
            check("no <img> element from a name", "<img" not in dom.stdout.lower())
            check("the name shows as text", html.escape("<img src=x onerror=alert(1)>", quote=False) in dom.stdout)
            # The page's own two: the map's figures (JSON, never run) and its script.
            check("no injected script element", dom.stdout.lower().count("<script") == 2, dom.stdout.lower().count("<script"))
            check("the map's figures are inert JSON", '<script type="application/json" id="xs-data">' in dom.stdout)
            check("the coalition name shows as text", "alert('title')" in html.unescape(dom.stdout))
        md = os.path.join(tmp, os.path.basename(name) + ".md")
        r = subprocess.run([binary, "report", path, "-o", md, "--format", "markdown"], capture_output=True, text=True)
        check(f"{name}: markdown report", r.returncode == 0 and
              sorted(os.listdir(md)) == ["members.svg", "report.md", "sectors.svg"], r.stderr)

    # Printing: Chromium's own print to PDF, pages rasterized by poppler. Each diagram's
    # title (drawn inside it) and its caption (below it) land on one page, so no diagram is
    # cut; the main sections start on pages of their own; no page is blank.
    page = os.path.join(tmp, "rhode-island-hez.yaml.report", "report.html")
    pdf = os.path.join(tmp, "report.pdf")
    r = chromium(tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
    check("print to PDF", r.returncode == 0 and os.path.exists(pdf), r.stderr[-2000:])
    if os.path.exists(pdf):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        check("the PDF has a page per main section", pages >= 6, pages)
        texts = [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                                text=True).stdout for p in range(1, pages + 1)]
        for title, caption in (("Members: Riverside Health Equity Zone", "Members, coloured by sector"),
                               ("Sectors: Riverside Health Equity Zone", "Sectors and the ties between them")):
            on = [i for i, t in enumerate(texts) if title in t]
            below = [i for i, t in enumerate(texts) if caption in t]
            check(f"PDF: diagram '{title}' printed once", len(on) == 1, on)
            check(f"PDF: '{title}' and its caption on one page (not cut)", on == below, (on, below))
        for heading in ("Sector coverage", "Decision power", "If a member leaves", "Members"):
            starts = [i for i, t in enumerate(texts) if t.lstrip().startswith(heading)]
            check(f"PDF: '{heading}' starts a page", len(starts) >= 1, [t[:80] for t in texts])
        check("PDF: the folded glossary is printed open", any("What the figures mean" in t and "betweenness" in t
                                                               for t in texts) or any("Banzhaf power" in t for t in texts[-2:]))
        raster = os.path.join(tmp, "page")
        r = subprocess.run(["pdftoppm", "-r", "30", "-png", pdf, raster], capture_output=True, text=True)
        check("pdftoppm", r.returncode == 0, r.stderr)
        shots = sorted(f for f in os.listdir(tmp) if f.startswith("page") and f.endswith(".png"))
        check("a picture per page", len(shots) == pages, (len(shots), pages))
        for f in shots:
            check(f"PDF page {f} is not blank", png_variety(os.path.join(tmp, f)) > 20)

check.finish()
