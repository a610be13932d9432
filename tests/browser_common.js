// What the report's browser tests share: puppeteer-core from tests/browser/, Debian's
// chromium, a page that records every request leaving the file and every script error, and
// a check counter.
"use strict";
const path = require("path");

/// puppeteer-core as scripts/setup.sh installs it (npm ci --prefix tests/browser), or exit 1.
function loadPuppeteer(source) {
  try {
    return require(path.resolve(source, "tests", "browser", "node_modules", "puppeteer-core"));
  } catch (e) {
    console.log("FAIL puppeteer-core is not installed: run scripts/setup.sh (npm ci --prefix tests/browser)");
    process.exit(1);
  }
}

/// Debian's chromium, headless, with nothing that reaches the network by itself.
function launch(puppeteer) {
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
}

/// A new page whose requests other than file: and data: are refused and listed in
/// `requests`, and whose script errors and console messages are listed in `errors`.
async function watchedPage(browser) {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    if (r.url().startsWith("file:") || r.url().startsWith("data:")) { r.continue(); } else { requests.push(r.url()); r.abort(); }
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => errors.push(m.text()));
  return { page, requests, errors };
}

/// check(name, ok, detail) counts and prints FAIL lines; finish() prints the totals and
/// exits 1 if a check failed or none ran.
function checks() {
  let passed = 0, failed = 0;
  const check = (name, ok, detail) => {
    if (ok) { passed++; } else { failed++; console.log(`FAIL ${name} ${detail === undefined ? "" : JSON.stringify(detail).slice(0, 1500)}`); }
  };
  check.finish = () => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed || passed === 0 ? 1 : 0);
  };
  return check;
}

module.exports = { loadPuppeteer, launch, watchedPage, checks };
