#!/usr/bin/env node
// The browser app (build/web/xsector.html) in Debian's chromium, driven with real file
// uploads through its file input and real clicks (puppeteer-core). What it shows is compared
// with the native command line on the same files, never with the page's own output:
// every networks/*.yaml analyzed in the page equals `xsector analyze --format json`; the
// roster and the survey export import as `xsector import` imports them; downloads are
// checked by `xsector validate`, an XML parser and openpyxl; a bad file shows its line; an
// edit round trip; taxonomy and people switches; two waves compared; and no request leaves
// the page. Screenshots at phone and desktop width are written to OUT_DIR.
//
// Usage: node web_browser_test.js XSECTOR SOURCE_DIR HTML OUT_DIR   (exit 77: app not built)
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");
const { checks } = require("./browser_common.js");

const [binary, source, html, outDir] = process.argv.slice(2);
if (!fs.existsSync(html)) {
  console.log(`SKIP ${html} is not built: bash scripts/build_web.sh`);
  process.exit(77);
}
let puppeteer;
try {
  puppeteer = require(path.resolve(source, "web", "node_modules", "puppeteer-core"));
} catch (e) {
  console.log("FAIL puppeteer-core is not installed: npm ci --prefix web");
  process.exit(1);
}
const check = checks();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xsector-web-"));
const downloads = path.join(tmp, "downloads");
fs.mkdirSync(downloads);
fs.mkdirSync(outDir, { recursive: true });
const cli = (...args) => execFileSync(binary, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
const nativeJson = (file, ...opts) => JSON.parse(cli("analyze", file, "--format", "json", ...opts));

/// a and b equal as JSON, numbers within 1e-9 (relative); the first difference's path, or "".
function difference(a, b, where = "") {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? "" : `${where}: ${a} != ${b}`;
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return a === b ? "" : `${where}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = difference(a[k], b[k], `${where}/${k}`);
    if (d) return d;
  }
  return "";
}

const appUrl = "file://" + path.resolve(html);
async function openPage(browser, width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  const requests = [];
  const errors = [];
  page.on("request", (r) => {
    const url = r.url();
    if (url !== appUrl && !url.startsWith("data:") && !url.startsWith("blob:")) requests.push(url);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const cdp = await page.target().createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  await page.goto(appUrl);
  await page.evaluate(() => window.xsector);
  return { page, requests, errors };
}

const status = (page) => page.$eval("#status", (e) => e.textContent);
/// Uploads files through the page's one file input and waits for the page to finish.
async function upload(page, ...files) {
  const before = await status(page);
  await page.evaluate(() => { document.getElementById("status").textContent = "…"; });
  const input = await page.$("input[type=file]");
  await input.uploadFile(...files);
  await page.waitForFunction(() => {
    const s = document.getElementById("status").textContent;
    return s !== "…" && !s.startsWith("Reading");
  }, { timeout: 60000 });
  return before;
}
const summary = (page) => page.$$eval("#summary > div", (divs) =>
  Object.fromEntries(divs.map((d) => [d.dataset.key, d.querySelector("dd").dataset.value])));
const problems = (page) => page.$$eval("#problem-list li", (li) => li.map((e) => e.textContent));
const reportText = (page) => page.$eval("#report", (f) => f.contentDocument.body.innerText);

async function clickDownload(page, button, name) {
  const target = path.join(downloads, name);
  if (fs.existsSync(target)) fs.unlinkSync(target);
  await page.click("#tab-download");
  await page.click(button);
  for (let i = 0; i < 100 && !fs.existsSync(target); i++) await new Promise((r) => setTimeout(r, 100));
  return target;
}

async function checkNetworks(page) {
  const networks = fs.readdirSync(path.join(source, "networks")).filter((f) => f.endsWith(".yaml")).sort();
  check("networks found", networks.length >= 5, networks);
  for (const name of networks) {
    const file = path.join(source, "networks", name);
    const expected = nativeJson(file);
    const viaApi = JSON.parse(await page.evaluate(async (bytes, n) =>
      (await window.xsector).analyze(new Uint8Array(bytes), n), [...fs.readFileSync(file)], name));
    check(`${name}: window.xsector.analyze equals the command line`, difference(viaApi, expected) === "", difference(viaApi, expected));
    await upload(page, file);
    const shown = await summary(page);
    check(`${name}: members shown`, Number(shown.members) === expected.members.length, [shown, expected.members.length]);
    check(`${name}: ties shown`, Number(shown.ties) === expected.network.ties, [shown.ties, expected.network.ties]);
    check(`${name}: density shown`, Math.abs(Number(shown.density) - expected.network.density) < 1e-12, shown.density);
    check(`${name}: findings shown`, Number(shown.findings) === expected.findings.length, [shown.findings, expected.findings.length]);
    const rows = await page.$eval("#report", (f) => f.contentDocument.querySelectorAll("#members tbody tr").length);
    check(`${name}: the report lists every member`, rows === expected.members.length, [rows, expected.members.length]);
    const svgs = await page.$eval("#report", (f) => f.contentDocument.querySelectorAll(".map svg").length);
    check(`${name}: the report's map is drawn`, svgs >= 2, svgs);
  }
}

async function checkDownloads(page) {
  const file = path.join(source, "networks", "healthy-in-the-hills.yaml");
  await upload(page, file);
  const yaml = await clickDownload(page, "#dl-yaml", "healthy-in-the-hills.yaml");
  check("downloaded YAML validates", /ok:/.test(cli("validate", yaml)), yaml);
  const svg = await clickDownload(page, "#dl-svg", "healthy-in-the-hills.svg");
  const parsed = execFileSync("/usr/bin/python3", ["-c",
    "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.tag, len(r.findall('.//{http://www.w3.org/2000/svg}g')))", svg]).toString();
  check("downloaded SVG parses", /svg\}svg \d+/.test(parsed) && Number(parsed.split(" ")[1]) > 5, parsed);
  const report = await clickDownload(page, "#dl-report", "healthy-in-the-hills-report.html");
  const reportHtml = fs.readFileSync(report, "utf8");
  check("downloaded report is the whole page", reportHtml.includes("<html") && reportHtml.includes("<svg"), reportHtml.length);
  const xlsx = await clickDownload(page, "#dl-xlsx", "healthy-in-the-hills.xlsx");
  const expected = nativeJson(file);
  const sheets = execFileSync("/usr/bin/python3", ["-c",
    "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(' '.join(wb.sheetnames)); print(wb['members'].max_row)", xlsx]).toString().split("\n");
  check("downloaded workbook opens with openpyxl", sheets[0].includes("members"), sheets);
  check("workbook has a row per member", Number(sheets[1]) === expected.members.length + 1, [sheets[1], expected.members.length]);
}

async function checkErrors(page) {
  const bad = path.join(tmp, "broken.yaml");
  const good = fs.readFileSync(path.join(source, "networks", "healthy-in-the-hills.yaml"), "utf8");
  fs.writeFileSync(bad, good.replace(/\n(\s+)sector: (\S+)/, "\n$1sector: no-such-sector-at-all"));
  let nativeMessage = "";
  try { cli("validate", bad); } catch (e) { nativeMessage = e.stderr.toString(); }
  const line = (nativeMessage.match(/broken\.yaml:(\d+):/) || [])[1];
  check("the command line rejects the bad file", line !== undefined, nativeMessage);
  await upload(page, bad);
  const shown = await problems(page);
  check("the page shows the problem with its line", shown.some((p) => p.startsWith(`broken.yaml, line ${line}`) && p.includes("no-such-sector-at-all")), shown);
  check("the problem box is visible", await page.$eval("#problems", (e) => !e.hidden), "");
  const csv = path.join(tmp, "bad-roster.csv");
  fs.writeFileSync(csv, "Label,Sector\nFood bank,food\n,health\n");
  let nativeCsv = "";
  try { cli("import", csv, "-o", path.join(tmp, "x.yaml")); } catch (e) { nativeCsv = e.stderr.toString(); }
  const row = (nativeCsv.match(/bad-roster\.csv:(\d+):/) || [])[1];
  await upload(page, csv);
  const csvShown = await problems(page);
  check("a bad roster row is shown with its row", row !== undefined && csvShown.some((p) => p.startsWith(`bad-roster.csv, row ${row}`)), [nativeCsv, csvShown]);
}

async function checkImports(page) {
  const roster = path.join(source, "examples", "partners.xlsx");
  const rosterYaml = path.join(tmp, "partners.yaml");
  cli("import", roster, "-o", rosterYaml);
  await upload(page, roster);
  const expected = nativeJson(rosterYaml);
  const shown = await summary(page);
  check("roster: members as imported by the command line", Number(shown.members) === expected.members.length, [shown, expected.members.length]);
  check("roster: findings as the command line", Number(shown.findings) === expected.findings.length, [shown.findings, expected.findings.length]);
  const responses = path.join(source, "examples", "survey-responses.csv");
  const members = path.join(source, "examples", "survey-members.csv");
  const surveyYaml = path.join(tmp, "survey.yaml");
  let nativeRows = "";
  try { cli("import", "survey", responses, "--members", members, "-o", surveyYaml); } catch (e) { nativeRows = e.stderr.toString(); }
  const row = (nativeRows.match(/survey-responses\.csv:(\d+):/) || [])[1];
  await upload(page, responses, members);
  const rowsShown = await problems(page);
  check("survey: a row the importer refuses is shown with its row", row !== undefined &&
    rowsShown.some((p) => p.startsWith(`survey-responses.csv, row ${row}`)), [nativeRows, rowsShown]);
  cli("import", "survey", responses, "--members", members, "-o", surveyYaml, "--skip-bad-rows");
  await page.evaluate(() => { document.getElementById("status").textContent = "…"; });
  await page.click("#skip-bad-rows");
  await page.waitForFunction(() => !["…"].includes(document.getElementById("status").textContent) &&
    !document.getElementById("status").textContent.startsWith("Reading"), { timeout: 60000 });
  const notes = await page.$$eval("#note-list li", (li) => li.map((e) => e.textContent));
  check("survey: the rows left out are listed", notes.some((n) => n.includes(`survey-responses.csv:${row}:`)), notes);
  const survey = nativeJson(surveyYaml);
  const surveyShown = await summary(page);
  check("survey: members as imported", Number(surveyShown.members) === survey.members.length, [surveyShown, survey.members.length]);
  check("survey: ties as imported", Number(surveyShown.ties) === survey.network.ties, [surveyShown.ties, survey.network.ties]);
  check("survey: the report has its survey section", /trust/i.test(await reportText(page)), "");
}

async function checkSwitches(page) {
  const file = path.join(source, "networks", "healthy-in-the-hills.yaml");
  const bytes = [...fs.readFileSync(file)];
  const dfc = JSON.parse(await page.evaluate(async (b) => (await window.xsector).analyze(new Uint8Array(b), "healthy-in-the-hills.yaml", { taxonomy: "dfc" }), bytes));
  check("taxonomy option equals --taxonomy dfc", difference(dfc, nativeJson(file, "--taxonomy", "dfc")) === "", difference(dfc, nativeJson(file, "--taxonomy", "dfc")));
  const names = JSON.parse(await page.evaluate(async (b) => (await window.xsector).analyze(new Uint8Array(b), "healthy-in-the-hills.yaml", { people: "names" }), bytes));
  check("people option equals --people names", difference(names, nativeJson(file, "--people", "names")) === "", "");
  await upload(page, file);
  await page.select("#taxonomy", "dfc");
  await page.waitForFunction(() => document.getElementById("report").contentDocument.body.innerText.includes("Drug-Free"), { timeout: 30000 }).catch(() => {});
  const text = await reportText(page);
  check("switching the taxonomy remakes the report", text.includes(dfc.coalition.taxonomy) || /dfc|Drug-Free/i.test(text), text.slice(0, 300));
  await page.select("#taxonomy", "");
  const a = path.join(source, "networks", "healthy-in-the-hills.yaml");
  const b = path.join(source, "networks", "healthy-in-the-hills-2025.yaml");
  await upload(page, b, a);  // latest first: compared earliest first, as the command line does, with its note
  const waves = await reportText(page);
  check("two waves: the report says what changed", /What changed/.test(waves), waves.slice(0, 200));
  check("two waves given latest first are put in order", waves.includes("compared from the earlier wave to the later"), "");
  const nativeReport = path.join(tmp, "waves");
  cli("report", b, a, "-o", nativeReport);
  const nativeText = fs.readFileSync(path.join(nativeReport, "report.html"), "utf8");
  const joined = (nativeText.match(/<h2>What changed[\s\S]*?<\/section>/) || [""])[0].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  const shownChanged = await page.$eval("#report", (f) => f.contentDocument.querySelector("#changes").outerHTML).then((h) => h.replace(/<[^>]+>/g, " "));
  const numbers = (t) => (t.match(/-?\d+(\.\d+)?/g) || []).join(" ");
  check("two waves: every number under 'What changed' as in the command line's report",
    numbers(joined).length > 20 && numbers(joined) === numbers(shownChanged), [numbers(joined), numbers(shownChanged)]);
  const mapCount = await page.$eval("#report", (f) => f.contentDocument.querySelectorAll(".map svg").length);
  check("two waves: both waves and the changes are drawn", mapCount >= 4, mapCount);
}

async function checkEdit(page) {
  const file = path.join(source, "networks", "perry-county-mental-health.yaml");
  const before = nativeJson(file);
  await upload(page, file);
  await page.click("#tab-edit");
  const first = before.members[0].id;
  const second = before.members[1].id;
  const name = await page.$(`tr[data-member="${first}"] input.edit-name`);
  await name.click({ clickCount: 3 });
  await name.type("Renamed In The Browser");
  const sectors = await page.$$eval(`tr[data-member="${second}"] select.edit-sector option`, (o) => o.map((x) => x.value));
  const newSector = sectors.find((s) => s !== before.members[1].sector);
  await page.select(`tr[data-member="${second}"] select.edit-sector`, newSector);
  await page.type("#new-member-id", "web-added");
  await page.type("#new-member-name", "Added In The Browser");
  await page.click("#add-member");
  await page.select("#new-tie-a", first);
  const links = JSON.parse(cli("export", file, "--to", "json")).links;
  const tied = new Set(links.filter((l) => l.source === first || l.target === first).map((l) => (l.source === first ? l.target : l.source)));
  const partner = before.members.find((m) => m.id !== first && !tied.has(m.id)).id;
  await page.select("#new-tie-b", partner);
  await page.select("#new-tie-level", "3");
  await page.click("#add-tie");
  await page.click("tr[data-tie='0'] button.remove-tie");
  await page.evaluate(() => { document.getElementById("status").textContent = "…"; });
  await page.click("#apply-edits");
  await page.waitForFunction(() => document.getElementById("status").textContent !== "…", { timeout: 60000 });
  const editProblems = await problems(page);
  check("edit: applied without a problem", editProblems.length === 0, editProblems);
  const yaml = await clickDownload(page, "#dl-yaml", "perry-county-mental-health.yaml");
  check("edited YAML validates", /ok:/.test(cli("validate", yaml)), fs.existsSync(yaml) ? fs.readFileSync(yaml, "utf8").slice(0, 300) : "missing");
  const after = nativeJson(yaml);
  check("edit: renamed", after.members[0].name === "Renamed In The Browser", after.members[0].name);
  check("edit: sector changed", after.members[1].sector === newSector, [after.members[1].sector, newSector]);
  check("edit: member added", after.members.length === before.members.length + 1 && after.members.at(-1).id === "web-added", after.members.length);
  check("edit: one tie added and one removed", after.network.ties === before.network.ties, [after.network.ties, before.network.ties]);
  const shown = await summary(page);
  check("edit: the page shows the new figures", Number(shown.members) === after.members.length && Number(shown.findings) === after.findings.length, shown);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, protocolTimeout: 600000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const { page, requests, errors } = await openPage(browser, 1280, 900);
    const version = await page.evaluate(async () => (await window.xsector).version);
    check("version is the command line's", cli("--version").includes(version), version);
    check("one file input, multiple", (await page.$$("input[type=file][multiple]")).length === 1, "");
    const junk = await page.evaluate(async () => {
      try { await (await window.xsector).analyze(new Uint8Array([0, 1, 2, 255, 10, 58]), "junk.yaml"); return "resolved"; }
      catch (e) { return e.message; }
    });
    check("analyze rejects a file that is not a coalition, naming it", /^junk\.yaml(:\d+:\d+)?: error: /.test(junk), junk);
    // A file dropped on the page (a DataTransfer made in the page: puppeteer has no OS drag).
    const hez = fs.readFileSync(path.join(source, "networks", "rhode-island-hez.yaml"), "utf8");
    await page.evaluate((text) => {
      document.getElementById("status").textContent = "…";
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped-hez.yaml"));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, hez);
    await page.waitForFunction(() => / members, /.test(document.getElementById("status").textContent), { timeout: 60000 });
    const dropped = await summary(page);
    const hezJson = nativeJson(path.join(source, "networks", "rhode-island-hez.yaml"));
    check("a dropped file is analyzed", Number(dropped.members) === hezJson.members.length &&
      (await page.$eval("#loaded", (e) => e.textContent)) === "dropped-hez.yaml", dropped);
    await checkNetworks(page);
    await checkDownloads(page);
    await checkErrors(page);
    await checkImports(page);
    await checkSwitches(page);
    await checkEdit(page);
    await upload(page, path.join(source, "networks", "rhode-island-hez.yaml"));
    await page.screenshot({ path: path.join(outDir, "web-desktop.png") });
    const phone = await openPage(browser, 390, 844);
    await upload(phone.page, path.join(source, "networks", "rhode-island-hez.yaml"));
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check("phone width: nothing wider than the screen", overflow <= 0, overflow);
    await phone.page.screenshot({ path: path.join(outDir, "web-phone.png"), fullPage: false });
    await phone.page.click("#tab-edit");
    const editOverflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check("phone width: the editor fits the screen", editOverflow <= 0, editOverflow);
    await phone.page.evaluate(() => document.getElementById("view-edit").scrollIntoView());
    await phone.page.screenshot({ path: path.join(outDir, "web-phone-edit.png"), fullPage: false });
    await page.evaluate(() => document.getElementById("report").scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, 900));
    await page.screenshot({ path: path.join(outDir, "web-desktop-map.png") });
    check("no network request", requests.length === 0 && phone.requests.length === 0, [...requests, ...phone.requests]);
    check("no script error", errors.length === 0 && phone.errors.length === 0, [...errors, ...phone.errors]);
  } catch (e) {
    check("the test ran to the end", false, String(e.stack || e));
  } finally {
    await browser.close();
  }
  check.finish();
})();
