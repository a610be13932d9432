#!/usr/bin/env node
// The comparison report (`xsector report A.yaml B.yaml`) in Debian's chromium with real
// clicks through puppeteer-core: the wave A / wave B / changes switch shows one map at a
// time, the tools work only on wave B, and "What changed" states what the two files say.
// Two different coalitions get A and B only, with the reason. Screenshots at 1280 and 390
// pixels go to the folder given as the third argument, if any.
//
// Expected members and ties come from `xsector export --to json` of each file (the files as
// written), never from the page's own figures.
//
// Usage: node report_compare_browser_test.js XSECTOR SOURCE_DIR [SCREENSHOT_DIR]
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");

const [binary, source, shots] = process.argv.slice(2);
const { loadPuppeteer, launch, watchedPage, checks } = require("./browser_common.js");
const puppeteer = loadPuppeteer(source);
const check = checks();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xsector-compare-"));
const a = path.join(source, "networks", "healthy-in-the-hills.yaml");
const b = path.join(source, "networks", "healthy-in-the-hills-2025.yaml");
const other = path.join(source, "networks", "dfc-coalition.yaml");
// Wave B given first: the report must still show the earlier file as wave A.
execFileSync(binary, ["report", b, a, "-o", path.join(tmp, "waves")], { stdio: ["ignore", "ignore", "ignore"] });
execFileSync(binary, ["report", a, other, "-o", path.join(tmp, "two")]);

// What the files say: members joined (in B only), left (in A only), ties by pair.
const read = (f) => JSON.parse(execFileSync(binary, ["export", f, "--to", "json"]).toString());
const fa = read(a), fb = read(b);
const idsA = new Set(fa.nodes.map((n) => n.id)), idsB = new Set(fb.nodes.map((n) => n.id));
const nameB = new Map(fb.nodes.map((n) => [n.id, n.name])), nameA = new Map(fa.nodes.map((n) => [n.id, n.name]));
const joined = [...idsB].filter((x) => !idsA.has(x));
const left = [...idsA].filter((x) => !idsB.has(x));
const key = (l) => [l.source, l.target].sort().join("|");
const pairsA = new Set(fa.links.map(key)), pairsB = new Set(fb.links.map(key));
const formed = [...pairsB].filter((p) => !pairsA.has(p)).length;
const dissolved = [...pairsA].filter((p) => !pairsB.has(p)).length;

const shown = (page, selector) => page.$eval(selector, (e) => {
  const s = getComputedStyle(e);
  return s.display !== "none" && s.visibility !== "hidden" && !e.hidden && e.getBoundingClientRect().height > 0;
}).catch(() => false);
const maps = ["#xs-map-members", "#xs-map-sectors", "#xs-map-wave-a", "#xs-map-changes"];
async function visibleMaps(page) {
  const out = [];
  for (const m of maps) if (await shown(page, m)) out.push(m);
  return out;
}

(async () => {
  const browser = await launch(puppeteer);
  try {
    const { page, requests, errors } = await watchedPage(browser);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto("file://" + path.join(tmp, "waves", "report.html"), { waitUntil: "load" });
    await page.waitForSelector("body[data-ready=yes]");
    check("no network request", requests.length === 0, requests);

    // --- What changed, against the files ------------------------------------------------
    const said = await page.$$eval("#changes .changes li", (li) => Object.fromEntries(li.map((x) => [x.dataset.key, x.textContent])));
    check("joined: the count", said.joined.startsWith(`${joined.length} member${joined.length === 1 ? "" : "s"} joined`), said.joined);
    for (const id of joined) check(`joined: ${id} named`, said.joined.includes(nameB.get(id)), said.joined);
    check("left: the count", said.left.startsWith(`${left.length} member${left.length === 1 ? "" : "s"} left`), said.left);
    for (const id of left) check(`left: ${id} named`, said.left.includes(nameA.get(id)), said.left);
    check("ties formed and dissolved", said.ties.startsWith(`${formed} tie${formed === 1 ? "" : "s"} formed, ${dissolved} dissolved`),
          [said.ties, formed, dissolved]);
    const labels = await page.$$eval(".waves button", (bs) => bs.map((x) => [x.dataset.wave, x.textContent]));
    check("the switch names the earlier file wave A", labels[0][0] === "a" && labels[0][1].includes("2024-06-30"), labels);
    check("the switch has wave A, wave B and the changes", labels.map((l) => l[0]).join() === "a,b,changes", labels);

    // --- the switch, with real clicks -------------------------------------------------------
    check("wave B's members map first", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-members"]),
          await visibleMaps(page));
    await page.click('.waves button[data-wave="a"]');
    check("wave A: only its map", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-wave-a"]), await visibleMaps(page));
    check("wave A: its button is pressed", await page.$eval('.waves button[data-wave="a"]', (e) => e.getAttribute("aria-pressed")) === "true");
    check("wave A: the filter is hidden", !(await shown(page, "#xs-filter")));
    check("wave A: the panel says it is wave A", (await page.$eval("#xs-info", (e) => e.textContent)).startsWith("Wave A"));
    const aNodes = await page.$$eval("#xs-map-wave-a .node", (n) => n.length);
    check("wave A's map draws wave A's members (and its legend and ghosts)", aNodes >= idsA.size, [aNodes, idsA.size]);
    await page.click('.waves button[data-wave="changes"]');
    check("changes: only its map", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-changes"]), await visibleMaps(page));
    const legend = await page.$eval("#xs-map-changes", (e) => e.textContent);
    check("changes: the legend explains joined and left", legend.includes("joined") && legend.includes("left"), legend.slice(0, 300));
    for (const id of joined) check(`changes: ${id} marked as joined`, legend.includes(nameB.get(id)));
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.$eval("#map", (e) => e.scrollIntoView());
      await page.screenshot({ path: path.join(shots, "report-compare-1280.png") });
    }
    await page.click('.waves button[data-wave="b"]');
    check("back to wave B: its members map", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-members"]),
          await visibleMaps(page));
    check("wave B: the filter is back", await shown(page, "#xs-filter"));
    // The views switch still works on wave B, and the wave switch keeps the view.
    await page.click('.views button[data-view="sectors"]');
    check("wave B: the sectors view", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-sectors"]));
    await page.click('.waves button[data-wave="a"]');
    await page.click('.waves button[data-wave="b"]');
    check("wave B keeps the view picked", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-sectors"]));

    // --- phone width ------------------------------------------------------------------------
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.reload({ waitUntil: "load" });
    await page.waitForSelector("body[data-ready=yes]");
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    check("phone: the page does not scroll sideways", fits);
    await page.tap('.waves button[data-wave="changes"]');
    check("phone: a tap shows the changes", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-changes"]));
    if (shots) {
      await page.$eval("#map", (e) => e.scrollIntoView());
      await page.screenshot({ path: path.join(shots, "report-compare-390.png") });
    }

    // --- two different coalitions ------------------------------------------------------------
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto("file://" + path.join(tmp, "two", "report.html"), { waitUntil: "load" });
    await page.waitForSelector("body[data-ready=yes]");
    const two = await page.$$eval(".waves button", (bs) => bs.map((x) => x.dataset.wave));
    check("two coalitions: A and B only", two.join() === "a,b", two);
    check("two coalitions: the heading says so", (await page.$eval("#changes h2", (e) => e.textContent)) === "Two coalitions side by side");
    check("two coalitions: the reason is given", (await page.$eval("#changes .note", (e) => e.textContent)).includes("not as two waves"));
    await page.click('.waves button[data-wave="a"]');
    check("two coalitions: the first one's map", JSON.stringify(await visibleMaps(page)) === JSON.stringify(["#xs-map-wave-a"]));
    check("no script error", errors.length === 0, errors);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  check.finish();
})().catch((e) => { console.log("FAIL " + (e && e.stack || e)); process.exit(1); });
