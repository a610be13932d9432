#!/usr/bin/env node
// Times the browser app in headless Debian chromium (measured, never asserted in a test):
//   open     navigation start until window.xsector has resolved (WebAssembly compiled, the
//            library and Graphviz ready), a fresh page each time
//   analyze  window.xsector.analyze on a generated 200-member coalition (an all-member
//            assembly: bench/generate.py --members 200 --assembly 200)
//   report   the same file through the file input until the page shows the report (import,
//            analysis, three diagrams laid out by Graphviz, the report)
// Prints the best and median of each, the page's size (bytes on disk, and gzipped) and the
// machine's load average (1, 5, 15 minutes) before and after.
// Usage: node bench/web_bench.js [build/web/xsector.html] [REPEATS]
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const html = path.resolve(process.argv[2] || path.join(root, "build", "web", "xsector.html"));
const repeats = Number(process.argv[3] || 5);
const puppeteer = require(path.join(root, "web", "node_modules", "puppeteer-core"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xsector-web-bench-"));
const c200 = path.join(tmp, "c200.yaml");
execFileSync("python3", [path.join(root, "bench", "generate.py"), "--members", "200", "--assembly", "200", "-o", c200]);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { best_ms: Math.round(s[0]), median_ms: Math.round(s[Math.floor(s.length / 2)]) };
};

// Other work on the machine slows every figure: the load average is printed with them.
const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(" ");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
  });
  const open = [], analyze = [], report = [], steps = [];
  const bytes = [...fs.readFileSync(c200)];
  for (let i = 0; i < repeats; i++) {
    const page = await browser.newPage();
    await page.goto("file://" + html);
    open.push(await page.evaluate(async () => { await window.xsector; return performance.now(); }));
    analyze.push(await page.evaluate(async (b) => {
      const x = await window.xsector;
      const t = performance.now();
      JSON.parse(await x.analyze(new Uint8Array(b), "c200.yaml"));
      return performance.now() - t;
    }, bytes));
    await page.evaluate(() => { document.getElementById("status").textContent = "…"; });
    const t = Date.now();
    await (await page.$("input[type=file]")).uploadFile(c200);
    await page.waitForFunction(() => /members/.test(document.getElementById("status").textContent), { timeout: 120000 });
    report.push(Date.now() - t);
    steps.push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("measure")
      .filter((m) => m.name.startsWith("xsector: ")).map((m) => [m.name.slice(9), Math.round(m.duration)]))));
    await page.close();
  }
  await browser.close();
  const page = fs.readFileSync(html);
  console.log(JSON.stringify({
    chromium: execFileSync("/usr/bin/chromium", ["--version"]).toString().trim(),
    cores: os.cpus().length, load_before: loadBefore, load_after: os.loadavg().map((x) => x.toFixed(1)).join(" "), repeats,
    open: stats(open), analyze_200: stats(analyze), report_200: stats(report), report_steps_ms: steps,
    html_bytes: page.length, html_gzip_bytes: zlib.gzipSync(page, { level: 9 }).length,
  }, null, 2));
})();
