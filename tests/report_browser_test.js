#!/usr/bin/env node
// Drives the report's map in Debian's chromium with real input events (mouse moves, clicks,
// taps, key presses) through puppeteer-core, and checks what the page shows after each:
// hover, focus on a member, filter by sector, search, the members/sectors switch, phone
// width, label size, unique ids, no network request, and the print layout.
//
// The expected members, partners and sectors come from `xsector export --to json` (the
// file's members and ties as written), never from the page's own figures.
//
// Usage: node report_browser_test.js XSECTOR SOURCE_DIR
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");

const [binary, source] = process.argv.slice(2);
const { loadPuppeteer, launch, watchedPage, checks } = require("./browser_common.js");
const puppeteer = loadPuppeteer(source);
const check = checks();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xsector-browser-"));
const network = path.join(source, "networks", "rhode-island-hez.yaml");
execFileSync(binary, ["report", network, "-o", path.join(tmp, "report")]);
const page_url = "file://" + path.join(tmp, "report", "report.html");
const file = JSON.parse(execFileSync(binary, ["export", network, "--to", "json"]).toString());
const members = file.nodes;                       // in file order: member i is the map's node i
const index = new Map(members.map((m, i) => [m.id, i]));
const partners = members.map(() => new Set());
for (const l of file.links) {
  partners[index.get(l.source)].add(index.get(l.target));
  partners[index.get(l.target)].add(index.get(l.source));
}
const sectorNames = JSON.parse(execFileSync(binary, ["analyze", network, "--format", "json"]).toString()).sectors
  .reduce((m, s) => m.set(s.id, s.name), new Map());

// The member indices not faded on the map, and the text of a box.
const visible = (page) => page.$$eval("#xs-map-members .xs-member", (nodes) =>
  nodes.filter((n) => !n.classList.contains("xs-dim")).map((n) => Number(n.id.replace("m-xs-m", ""))).sort((a, b) => a - b));
const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const shown = (page, selector) => page.$eval(selector, (e) => {
  const s = getComputedStyle(e);
  return s.display !== "none" && s.visibility !== "hidden" && !e.hidden && e.getBoundingClientRect().height > 0;
});
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Moves the mouse onto a member's node (scrolled into view) and returns its centre.
async function pointAt(page, selector) {
  await page.$eval(selector, (e) => e.scrollIntoView({ block: "center", inline: "center" }));
  const box = await (await page.$(selector + " ellipse, " + selector + " polygon, " + selector + " path")).boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await page.mouse.move(x, y, { steps: 4 });
  return { x, y };
}

(async () => {
  const browser = await launch(puppeteer);
  try {
    const { page, requests, errors } = await watchedPage(browser);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(page_url, { waitUntil: "load" });
    await page.waitForSelector("body[data-ready=yes]");
    check("no network request", requests.length === 0, requests);

    // --- the report opens with at most three actions -------------------------------------
    const actions = await page.$$eval("#next ol.actions li", (li) => li.map((x) => x.textContent));
    check("one to three actions first", actions.length >= 1 && actions.length <= 3, actions);
    const first = await page.$eval("main > section", (s) => s.id);
    check("'What to do next' is the first section", first === "next", first);
    const ids = await page.$$eval("[id]", (all) => all.map((e) => e.id));
    check("every id on the page is unique", new Set(ids).size === ids.length,
          ids.filter((x, i) => ids.indexOf(x) !== i));
    const tooltips = await page.$$eval("#members th[data-sort]", (th) => th.filter((h) => !h.title).map((h) => h.textContent));
    check("every member-table heading has an explanation", tooltips.filter((t) => t !== "member" && t !== "sector").length === 0, tooltips);

    // --- labels at the report's width ------------------------------------------------------
    const smallest = await page.$eval("#xs-map-members svg", (svg) => {
      const scale = svg.getScreenCTM().a;
      return Math.min(...[...svg.querySelectorAll(".node text")].map((t) => parseFloat(t.getAttribute("font-size")) * scale));
    });
    check("member labels at least 11 px at 1280 px", smallest >= 10.9, smallest);

    // --- hover -----------------------------------------------------------------------------
    const hub = index.get("backbone-cap");
    await pointAt(page, `#m-xs-m${hub}`);
    check("hover shows the tooltip", await shown(page, "#xs-tip"));
    const tip = await text(page, "#xs-tip");
    check("tooltip names the member", tip.includes(members[hub].name), tip);
    check("tooltip names its sector", tip.includes(sectorNames.get(members[hub].sector)), tip);
    check("tooltip counts its partners", tip.includes(`tied to ${partners[hub].size} members`), tip);
    check("tooltip shows no id", !tip.includes("backbone-cap"), tip);
    await page.mouse.move(5, 5);
    check("moving away hides the tooltip", !(await shown(page, "#xs-tip")));

    // --- click: focus on the ego network ---------------------------------------------------
    const ridoh = index.get("ridoh");
    const at = await pointAt(page, `#m-xs-m${ridoh}`);
    await page.mouse.click(at.x, at.y);
    const ego = sorted([ridoh, ...partners[ridoh]]);
    check("click keeps the member and its partners", same(await visible(page), ego), { got: await visible(page), ego });
    const faded = members.map((_, i) => i).find((i) => !ego.includes(i));
    // The fade is a 0.15 s transition; on a loaded machine it may still be under way, so wait
    // (up to 5 s) for it to end before reading the opacity.
    await page.waitForFunction((n) => Number(getComputedStyle(document.querySelector(`#m-xs-m${n}`)).opacity) < 0.5,
                               { timeout: 5000 }, faded).catch(() => {});
    const opacity = await page.$eval(`#m-xs-m${faded}`, (e) => Number(getComputedStyle(e).opacity));
    check("the others fade", opacity < 0.5, opacity);
    const info = await text(page, "#xs-info");
    for (const p of partners[ridoh]) check(`the panel lists partner ${members[p].id}`, info.includes(members[p].name), info);
    const lit = await page.$$eval("#xs-map-members .edge.xs-on", (e) => e.length);
    check("its ties are highlighted", lit === partners[ridoh].size, lit);
    await page.mouse.click(at.x, at.y);
    check("a second click shows everyone", (await visible(page)).length === members.length);

    // --- filter by sector (keyboard on the select) -------------------------------------------
    await page.click("#xs-filter");
    await page.keyboard.press("Escape");
    await page.focus("#xs-filter");
    await page.keyboard.press("ArrowDown");
    let chosen = await page.$eval("#xs-filter", (s) => s.value);
    if (chosen === "") { // some builds open the list instead: pick the first sector by keyboard
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      chosen = await page.$eval("#xs-filter", (s) => s.value);
    }
    const chosenName = await page.$eval("#xs-filter", (s) => s.options[s.selectedIndex].text);
    const inSector = members.map((m, i) => i).filter((i) => sectorNames.get(members[i].sector) === chosenName);
    check("a sector is picked by keyboard", chosen !== "", chosen);
    check("the filter keeps that sector's members", same(await visible(page), inSector), { got: await visible(page), inSector, chosenName });
    check("the panel counts them", (await text(page, "#xs-info")).includes(`${inSector.length} member`), await text(page, "#xs-info"));

    // --- search ----------------------------------------------------------------------------
    await page.click("#xs-clear");
    check("Show all clears the filter", (await visible(page)).length === members.length);
    await page.click("#xs-search");
    await page.keyboard.type("Riverside");
    const named = members.map((m, i) => i).filter((i) => members[i].name.toLowerCase().includes("riverside"));
    check("search keeps the members whose name matches", same(await visible(page), named), { got: await visible(page), named });
    await page.keyboard.press("Enter");
    const firstMatch = named[0];
    check("Enter focuses the first match", same(await visible(page), sorted([firstMatch, ...partners[firstMatch]])),
          await visible(page));
    await page.click("#xs-clear");

    // --- members / sectors view -------------------------------------------------------------
    await page.click('.views button[data-view="sectors"]');
    check("the sectors view shows", await shown(page, "#xs-map-sectors"));
    check("the members view hides", !(await shown(page, "#xs-map-members")));
    const health = "health-care";
    const sectorIndex = await page.$eval("#xs-filter", (s, name) => [...s.options].find((o) => o.text === name).value,
                                         sectorNames.get(health));
    const spot = await pointAt(page, `#s-xs-s${sectorIndex}`);
    check("hovering a sector names it", (await text(page, "#xs-tip")).includes(sectorNames.get(health)), await text(page, "#xs-tip"));
    await page.mouse.click(spot.x, spot.y);
    check("clicking a sector returns to the members", await shown(page, "#xs-map-members"));
    const healthMembers = members.map((m, i) => i).filter((i) => members[i].sector === health);
    check("and picks out its members", same(await visible(page), healthMembers), await visible(page));
    await page.click("#xs-clear");
    check("no script error", errors.length === 0, errors);

    // --- phone width --------------------------------------------------------------------------
    const phone = await browser.newPage();
    await phone.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    await phone.goto(page_url, { waitUntil: "load" });
    await phone.waitForSelector("body[data-ready=yes]");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    check("no sideways scrolling of the page at 390 px", overflow <= 390, overflow);
    const toolbar = await phone.$eval(".toolbar", (t) => t.getBoundingClientRect().right);
    check("the toolbar fits at 390 px", toolbar <= 390, toolbar);
    // Every member, tapped: its ego network shows, and the panel names it (a tap's hover
    // must not move the map between touch and click).
    for (let i = 0; i < members.length; ++i) {
      await phone.$eval(`#m-xs-m${i}`, (e) => e.scrollIntoView({ block: "center", inline: "center" }));
      const tapBox = await (await phone.$(`#m-xs-m${i} ellipse, #m-xs-m${i} polygon`)).boundingBox();
      await phone.touchscreen.tap(tapBox.x + tapBox.width / 2, tapBox.y + tapBox.height / 2);
      await phone.waitForFunction((n) => document.querySelector(`#m-xs-m${n}`).classList.contains("xs-on"), { timeout: 2000 }, i)
        .catch(() => {});
      check(`a tap focuses ${members[i].id} on a phone`, same(await visible(phone), sorted([i, ...partners[i]])), await visible(phone));
      check(`the panel names ${members[i].id} on a phone`, (await text(phone, "#xs-info")).includes(members[i].name));
      await phone.tap("#xs-clear");
    }

    // --- print -----------------------------------------------------------------------------
    await page.emulateMediaType("print");
    await page.setViewport({ width: 718, height: 1000 });  // A4 less 14 mm margins, at 96 px per inch
    const printed = await page.evaluate(() => {
      const figures = [...document.querySelectorAll("figure")].map((f) => ({
        id: f.id, shown: getComputedStyle(f).display !== "none", height: f.getBoundingClientRect().height,
        width: f.getBoundingClientRect().width, avoid: getComputedStyle(f).breakInside,
      }));
      const breaks = [...document.querySelectorAll("main > section")].map((s) => [s.id, getComputedStyle(s).breakBefore]);
      const toolbar = getComputedStyle(document.querySelector(".toolbar")).display;
      return { figures, breaks, toolbar };
    });
    for (const f of printed.figures) {
      check(`print: ${f.id} shown`, f.shown);
      check(`print: ${f.id} fits one page`, f.height <= 1017 && f.width <= 718, f);
      check(`print: ${f.id} is never cut`, f.avoid === "avoid", f.avoid);
    }
    const pageBreaks = printed.breaks.filter(([, b]) => b === "page").map(([id]) => id);
    check("print: the main sections start on a new page",
          ["map", "coverage", "power", "departures", "members"].every((id) => pageBreaks.includes(id)), printed.breaks);
    check("print: no toolbar on paper", printed.toolbar === "none", printed.toolbar);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  check.finish();
})().catch((e) => { console.log("FAIL " + (e && e.stack || e)); process.exit(1); });
