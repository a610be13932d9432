// The page: files in (input or drop), the library's answers out. Every figure, finding,
// report and diagram comes from the C++ library (createXsectorCore, one JSON call) and
// Graphviz (Viz); this script only moves bytes and shows what they return.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { waves: [], report: "", svg: "", notes: [] };
  let core = null;
  let viz = null;

  // --- the boundary: JSON request in, JSON answer out --------------------------------------
  function call(request) {
    const answer = JSON.parse(core.UTF8ToString(core.ccall("xs_call", "number", ["string"], [JSON.stringify(request)])));
    if (answer.text === true) answer.text = core.UTF8ToString(core.ccall("xs_text", "number", [], []));
    if (!answer.ok) {
      const e = new Error(answer.errors ? answer.errors.map((d) => d.text).join("\n") : answer.message);
      e.answer = answer;
      throw e;
    }
    return answer;
  }
  function put(name, bytes) {
    core.FS.writeFile(name, bytes);
    return name;
  }
  function options() {
    return { taxonomy: $("taxonomy").value, people: $("people").value };
  }
  const safeName = (name) => String(name).replace(/[\\/]/g, "_").replace(/^\.+/, "_") || "coalition.yaml";
  const isYaml = (name) => /\.ya?ml$/i.test(name);

  // --- showing things -------------------------------------------------------------------
  function status(text) {
    $("status").textContent = text;
  }
  function plainProblem(d) {
    if (!d.line) return `${d.file}: ${d.message}`;
    const where = /\.(csv|xlsx)/i.test(d.file) ? "row" : "line";
    return `${d.file}, ${where} ${d.line}${d.column ? ", column " + d.column : ""}: ${d.message}`;
  }
  function showProblems(error, title = "Problems in your file") {
    $("problems-title").textContent = title;
    const list = $("problem-list");
    list.textContent = "";
    const answer = error && error.answer;
    const items = answer && answer.errors ? answer.errors.map(plainProblem) : [error.message || String(error)];
    for (const text of items) {
      const li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    }
    $("problems").hidden = false;
    status(items.length === 1 ? "Your file has a problem; see below." : `Your file has ${items.length} problems; see below.`);
  }
  function clearProblems() {
    $("problems").hidden = true;
    $("skip-rows").hidden = true;
    $("problem-list").textContent = "";
  }
  function showNotes(notes) {
    const list = $("note-list");
    list.textContent = "";
    for (const n of notes) {
      const li = document.createElement("li");
      li.textContent = n;
      list.appendChild(li);
    }
    $("notes").hidden = notes.length === 0;
  }
  /// The figures above the report: `figures` is the "summary" of the diagrams operation.
  function summary(figures) {
    const n = figures.network;
    const rows = [
      ["members", "Members", figures.members],
      ["ties", "Ties", n.ties],
      ["density", "Density", n.density],
      ["components", "Components", n.components],
      ["findings", "Findings", figures.findings],
    ];
    const dl = $("summary");
    dl.textContent = "";
    for (const [key, label, value] of rows) {
      const div = document.createElement("div");
      div.dataset.key = key;
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.dataset.value = value === null || value === undefined ? "" : String(value);
      dd.textContent = typeof value === "number" && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? "–");
      div.append(dt, dd);
      dl.appendChild(div);
    }
  }
  function showReport(html) {
    const frame = $("report");
    frame.onload = () => fitReport();
    frame.srcdoc = html;
  }
  function fitReport() {
    const frame = $("report");
    const doc = frame.contentDocument;
    if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 20 + "px";
  }

  // --- the work -------------------------------------------------------------------------
  // Graphviz's prism overlap removal (what large diagrams ask for) takes over 20 times longer
  // in @viz-js/viz's build than natively (18 s against 0.8 s for 200 members), so the page
  // removes overlaps by scaling instead. Small diagrams (neato, splines) are laid out as asked.
  async function layOut(dot, engine) {
    const text = engine === "sfdp" ? dot.replace(/\boverlap=prism\b/, "overlap=scale") : dot;
    return viz.renderString(text, { format: "svg", engine });
  }
  async function run() {
    const files = state.waves.map((w) => put(w.name, w.bytes));
    const opts = options();
    // Each step is timed (performance.measure "xsector: ..."), for bench/web_bench.js.
    let t = performance.now();
    const step = (name) => {
      performance.measure("xsector: " + name, { start: t, end: performance.now() });
      t = performance.now();
    };
    const dots = call({ op: "diagrams", files, ...opts });
    const figures = dots.summary;
    step("analysis and DOT");
    const svg = {};
    for (const view of ["members", "sectors", "before", "changes"]) {
      if (dots[view]) {
        svg[view] = await layOut(dots[view], dots.engines[view]);
        step(`layout of ${view} (${dots.engines[view]})`);
      }
    }
    state.svg = svg.members;
    state.report = call({ op: "report", files, svg, ...opts }).text;
    step("report");
    summary(figures);
    showReport(state.report);
    // The editor's tables are built when its tab is first opened (a second for 200 members).
    state.editor = files[files.length - 1];
    if (!$("view-edit").hidden) showEditor();
    $("results").hidden = false;
    const names = state.waves.map((w) => w.name).join(" → ");
    $("loaded").textContent = names;
    status(`${names}: ${figures.members} members, ${figures.findings} findings.`);
  }
  async function runShown() {
    clearProblems();
    try {
      await run();
    } catch (e) {
      showProblems(e);
    }
  }
  /// Files chosen or dropped: coalition files are opened as they are (two: two waves);
  /// anything else goes through the library's import first.
  async function open(fileList) {
    const files = [];
    for (const f of fileList) files.push({ name: safeName(f.name), bytes: new Uint8Array(await f.arrayBuffer()) });
    if (files.length > 0) await openFiles(files, false);
  }
  /// With `skip`, rows of a roster or survey that cannot be used are left out and listed (as
  /// `xsector import --skip-bad-rows`); without, they are the problems shown.
  async function openFiles(files, skip) {
    clearProblems();
    showNotes([]);
    state.retry = null;
    status("Reading " + files.map((f) => f.name).join(", ") + "…");
    try {
      if (files.every((f) => isYaml(f.name))) {
        if (files.length > 2) throw new Error("Choose one coalition file, or two waves of one to compare.");
        state.waves = files;
      } else {
        const request = { op: "import", files: files.map((f) => put(f.name, f.bytes)), taxonomy: $("taxonomy").value };
        let imported;
        try {
          imported = call({ ...request, skip_bad_rows: skip });
        } catch (e) {
          if (e.answer && e.answer.kind === "input" && !skip) state.retry = () => openFiles(files, true);
          throw e;
        }
        const name = files[0].name.replace(/\.[^.]*$/, "") + ".yaml";
        state.waves = [{ name, bytes: new TextEncoder().encode(imported.yaml) }];
        showNotes([...imported.skipped, ...imported.notes]);
      }
      await run();
      selectTab("report");
    } catch (e) {
      showProblems(e);
      $("skip-rows").hidden = !state.retry;
    }
  }
  async function applyEdits(edits) {
    const last = state.waves[state.waves.length - 1];
    clearProblems();
    try {
      const answer = call({ op: "edit", files: [put(last.name, last.bytes)], edits });
      last.bytes = new TextEncoder().encode(answer.yaml);
      await run();
      status(`Changes applied to ${last.name}; the report is up to date. Download the corrected file under Download.`);
      return true;
    } catch (e) {
      showProblems(e, "Your changes were not applied");
      return false;
    }
  }

  /// The editor of the last file shown, built once per run (its file is in the file system).
  function showEditor() {
    if (!state.editor) return;
    const file = state.editor;
    state.editor = null;
    try {
      XsectorEditor.show($("view-edit"), call({ op: "coalition", files: [file] }), applyEdits);
    } catch (e) {
      showProblems(e);
    }
  }
  function selectTab(tab) {
    for (const t of ["report", "edit", "download"]) {
      $("view-" + t).hidden = t !== tab;
      $("tab-" + t).setAttribute("aria-selected", String(t === tab));
    }
    if (tab === "report") fitReport();
    if (tab === "edit") showEditor();
  }

  // --- downloads ------------------------------------------------------------------------
  function download(name, data, type) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  const stem = () => state.waves[state.waves.length - 1].name.replace(/\.[^.]*$/, "");
  function wire() {
    const input = $("files");
    input.addEventListener("change", () => open(input.files));
    for (const target of [document.body]) {
      target.addEventListener("dragover", (e) => {
        e.preventDefault();
        $("open").classList.add("over");
      });
      target.addEventListener("dragleave", () => $("open").classList.remove("over"));
      target.addEventListener("drop", (e) => {
        e.preventDefault();
        $("open").classList.remove("over");
        open(e.dataTransfer.files);
      });
    }
    for (const id of ["taxonomy", "people"]) $(id).addEventListener("change", () => state.waves.length && runShown());
    for (const tab of ["report", "edit", "download"]) $("tab-" + tab).addEventListener("click", () => selectTab(tab));
    $("dl-yaml").addEventListener("click", () =>
      download(state.waves[state.waves.length - 1].name, state.waves[state.waves.length - 1].bytes, "application/yaml"));
    $("dl-report").addEventListener("click", () => download(stem() + "-report.html", state.report, "text/html"));
    $("dl-svg").addEventListener("click", () => download(stem() + ".svg", state.svg, "image/svg+xml"));
    $("dl-xlsx").addEventListener("click", () => {
      try {
        const last = state.waves[state.waves.length - 1];
        call({ op: "workbook", files: [put(last.name, last.bytes)], out: "workbook.xlsx", ...options() });
        download(stem() + ".xlsx", core.FS.readFile("workbook.xlsx"),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      } catch (e) {
        showProblems(e);
      }
    });
    window.addEventListener("resize", fitReport);
    $("skip-bad-rows").addEventListener("click", () => state.retry && state.retry());
  }

  // --- start: the public object, for the page and for scripts -----------------------------
  window.xsector = (async () => {
    [core, viz] = await Promise.all([createXsectorCore(), Viz.instance()]);
    core.FS.mkdir("/work");
    core.FS.chdir("/work");
    const version = call({ op: "version" }).version;
    return Object.freeze({
      version,
      /// The JSON text of `xsector analyze --format json` for the file's bytes.
      async analyze(bytes, filename, opts = {}) {
        const name = put(safeName(filename || "coalition.yaml"), bytes);
        return call({ op: "analyze", files: [name], taxonomy: opts.taxonomy || "", people: opts.people || "roles" }).text;
      },
    });
  })();
  wire();
  window.xsector.then(
    () => status("Ready. Open a coalition file, a roster or survey responses."),
    (e) => status("The analyzer could not start in this browser: " + e.message),
  );
})();
