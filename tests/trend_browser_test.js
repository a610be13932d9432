#!/usr/bin/env node
// Opens `xsector trend --format html` in Debian's chromium through puppeteer-core and checks
// what the report's pages are checked for: no request leaves the file, no script error or
// console message, unique ids, labels of at least 11 px, no sideways scrolling at phone width,
// charts never cut in print; and that every dot of every chart sits at the value
// `xsector trend --format json` gives (one scale per chart: higher value, higher dot).
//
// Usage: node trend_browser_test.js XSECTOR SOURCE_DIR [SCREENSHOT.png]
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");

const [binary, source, screenshot] = process.argv.slice(2);
const { loadPuppeteer, launch, watchedPage, checks } = require("./browser_common.js");
const puppeteer = loadPuppeteer(source);
const check = checks();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xsector-trend-"));
const waves = [3, 1, 2].map((i) => path.join(source, "tests", "data", "waves", `wave${i}.yaml`));
const page_file = path.join(tmp, "trend.html");
execFileSync(binary, ["trend", ...waves, "--format", "html", "-o", page_file]);
const trend = JSON.parse(execFileSync(binary, ["trend", ...waves, "--format", "json"]).toString());
const figures = Object.keys(trend.members[0]).filter((k) => k !== "id" && k !== "name");

(async () => {
  const browser = await launch(puppeteer);
  try {
    const { page, requests, errors } = await watchedPage(browser);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto("file://" + page_file, { waitUntil: "load" });
    await page.waitForSelector("body[data-ready=yes]");
    check("no network request", requests.length === 0, requests);
    const ids = await page.$$eval("[id]", (all) => all.map((e) => e.id));
    check("every id on the page is unique", new Set(ids).size === ids.length);

    // Every dot: the wave it stands for and its value, in page order per chart.
    const charts = await page.$$eval("figure.spark", (fs) => fs.map((f) => ({
      id: f.id,
      dots: [...f.querySelectorAll("circle")].map((c) => ({
        wave: Number(c.dataset.wave), value: Number(c.dataset.value), y: Number(c.getAttribute("cy")),
      })),
    })));
    const byId = new Map(charts.map((c) => [c.id, c]));
    const names = Object.keys(trend.network);
    let seen = 0;
    names.forEach((name, f) => {
      const series = trend.network[name];
      const chart = byId.get(`xs-t-n${f}`);
      if (series.every((v) => v === null)) { check(`no chart for ${name} (no value)`, !chart); return; }
      check(`a chart for ${name}`, !!chart);
      if (!chart) return;
      const want = series.map((v, k) => [k, v]).filter(([, v]) => v !== null);
      check(`${name}: a dot per wave with a value`, JSON.stringify(chart.dots.map((d) => [d.wave, d.value])) ===
            JSON.stringify(want), { dots: chart.dots, want });
      seen++;
    });
    check("network charts", seen >= 20, seen);
    figures.forEach((name, f) => {
      const dots = [];
      trend.members.forEach((m, i) => {
        const chart = byId.get(`xs-t-m${f}-${i}`);
        const want = m[name].map((v, k) => [k, v]).filter(([, v]) => v !== null);
        if (want.length === 0) { check(`${m.id} ${name}: no chart without values`, !chart); return; }
        check(`${m.id} ${name}: chart`, !!chart);
        if (!chart) return;
        check(`${m.id} ${name}: dots`, JSON.stringify(chart.dots.map((d) => [d.wave, d.value])) === JSON.stringify(want),
              { dots: chart.dots, want });
        dots.push(...chart.dots);
      });
      // One scale per member figure: a higher value is never drawn lower.
      const bad = dots.filter((a) => dots.some((b) => a.value > b.value + 1e-9 && a.y > b.y + 1e-6));
      check(`${name}: one scale for every member`, bad.length === 0, bad);
    });

    const smallest = await page.$$eval("figure.spark svg", (svgs) => Math.min(...svgs.map((svg) => {
      const scale = svg.getScreenCTM().a;
      return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    })));
    check("chart labels at least 11 px at 1280 px", smallest >= 10.9, smallest);
    const caption = await page.$eval("h1", (h) => h.textContent);
    check("the title names the coalition and the waves", caption === "Survey waves: 3 waves", caption);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    check("no script error or console message", errors.length === 0, errors);

    const phone = await browser.newPage();
    await phone.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    await phone.goto("file://" + page_file, { waitUntil: "load" });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    check("no sideways scrolling at 390 px", overflow <= 390, overflow);
    const tiny = await phone.$$eval("figure.spark svg", (svgs) => Math.min(...svgs.map((svg) => {
      const scale = svg.getScreenCTM().a;
      return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    })));
    check("chart labels at least 11 px at 390 px", tiny >= 10.9, tiny);

    await page.emulateMediaType("print");
    await page.setViewport({ width: 718, height: 1000 });
    const printed = await page.$$eval("figure", (fs) => fs.map((f) => ({
      id: f.id, height: f.getBoundingClientRect().height, width: f.getBoundingClientRect().width,
      avoid: getComputedStyle(f).breakInside,
    })));
    for (const f of printed) {
      check(`print: ${f.id} fits one page`, f.height <= 1017 && f.width <= 718, f);
      check(`print: ${f.id} is never cut`, f.avoid === "avoid", f.avoid);
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  check.finish();
})().catch((e) => { console.log("FAIL " + (e && e.stack || e)); process.exit(1); });
