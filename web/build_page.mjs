// Writes the one self-contained page: page.html with the style sheet, Graphviz in
// WebAssembly (@viz-js/viz's viz-global.js), the library's core (emscripten, its .wasm
// inline) and the app's scripts put inline. Nothing is left to fetch.
// Usage: node build_page.mjs CORE.js VIZ-GLOBAL.js VERSION OUT.html
import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [core, viz, version, out] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const read = (p) => readFileSync(p, "utf8");
// Inside a <script> element only "</script" ends it early; JS reads "<\/" as "</".
const script = (text) => "<script>" + text.replace(/<\/(script)/gi, "<\\/$1") + "</script>";
const parts = {
  "<!--STYLE-->": "<style>" + read(join(here, "app.css")) + "</style>",
  "<!--VERSION-->": version,
  "<!--SCRIPTS-->": [viz, core, join(here, "editor.js"), join(here, "app.js")].map((p) => script(read(p))).join("\n"),
};
let page = read(join(here, "page.html"));
for (const [mark, text] of Object.entries(parts)) page = page.split(mark).join(text);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out + ".tmp", page);
renameSync(out + ".tmp", out);
