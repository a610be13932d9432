"use strict";
// xsector report: sortable tables and the map (hover, focus on a member, filter, search, views).
// Everything the page shows comes from the page itself; it makes no request.
(function () {
  document.body.classList.add("js");

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.getAttribute("data-sort") === "number";
        var descending = th.getAttribute("aria-sort") !== "descending";
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var p = numeric ? parseFloat(x.getAttribute("data-value")) : x.textContent.toLowerCase();
          var q = numeric ? parseFloat(y.getAttribute("data-value")) : y.textContent.toLowerCase();
          if (numeric) { p = isNaN(p) ? -Infinity : p; q = isNaN(q) ? -Infinity : q; }
          var order = p < q ? -1 : p > q ? 1 : 0;
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  });

  // Printing shows every folded list and both diagrams.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  });

  var source = document.getElementById("xs-data");
  var data = source ? JSON.parse(source.textContent) : null;
  if (!data) return;
  var info = document.getElementById("xs-info");
  var tip = document.getElementById("xs-tip");
  var filter = document.getElementById("xs-filter");
  var search = document.getElementById("xs-search");
  var maps = { members: document.getElementById("xs-map-members"), sectors: document.getElementById("xs-map-sectors") };

  var partners = data.members.map(function () { return []; });
  var edgesOf = data.members.map(function () { return []; });
  data.ties.forEach(function (t) {
    partners[t[0]].push(t[1]);
    partners[t[1]].push(t[0]);
    var e = document.getElementById("m-xs-t" + t[2]);
    if (e) { edgesOf[t[0]].push(e); edgesOf[t[1]].push(e); }
  });
  var nodes = data.members.map(function (m, i) { return document.getElementById("m-xs-m" + i); });
  var edges = Array.prototype.slice.call(maps.members.querySelectorAll(".edge"));
  var sectorNodes = data.sectors.map(function (s, i) { return document.getElementById("s-xs-s" + i); });

  function text(tag, content) {
    var el = document.createElement(tag);
    el.textContent = content;
    return el;
  }
  function percent(x) { return Math.round(100 * x) + "%"; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function facts(i) {
    var m = data.members[i];
    var out = [data.sectors[m.sector].name, "tied to " + plural(m.degree, "member", "members"),
               "betweenness " + m.betweenness.toFixed(2)];
    if (m.power !== null) out.push(m.seat ? percent(m.power) + " of voting power" : "no seat");
    if (m.cut) out.push("a cut point: leaving would split the network");
    else if (m.change !== null && m.change > 0.005) out.push("leaving cuts " + Math.round(100 * m.change) + " pts more pairs off");
    return out;
  }
  // Fills `box` with a name in bold and its facts, as text (never markup).
  function describe(box, i) {
    box.textContent = "";
    box.appendChild(text("b", data.members[i].name));
    box.appendChild(document.createTextNode(" · " + facts(i).join(" · ")));
  }

  // --- hover -------------------------------------------------------------------------
  function showTip(i, event) {
    describe(tip, i);
    tip.hidden = false;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 16;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = event.clientY - tip.offsetHeight - 12;
    tip.style.left = Math.max(8, x) + "px";
    tip.style.top = Math.max(8, y) + "px";
  }
  nodes.forEach(function (node, i) {
    if (!node) return;
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", data.members[i].name);
    // Hovering changes only the floating tooltip: were the panel above the map to change
    // height, the map would move between a tap and its click.
    node.addEventListener("mouseenter", function (e) { showTip(i, e); });
    node.addEventListener("mousemove", function (e) { showTip(i, e); });
    node.addEventListener("mouseleave", function () { tip.hidden = true; });
    node.addEventListener("click", function (e) {
      e.stopPropagation();
      e.preventDefault();
      tip.hidden = true;  // the panel now says the same; a tap never sends the mouse away
      focus(focused === i ? null : i);
    });
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); focus(focused === i ? null : i); }
    });
  });

  // --- state: focus, sector filter, search ---------------------------------------------
  var focused = null;
  function restInfo() {
    var shown = visibleCount();
    info.textContent = shown === data.members.length
      ? "Hover over a member for its figures; click it to see only its partners."
      : plural(shown, "member", "members") + " picked out of " + data.members.length + ".";
  }
  function visibleCount() {
    return nodes.filter(function (n) { return n && !n.classList.contains("xs-dim"); }).length;
  }
  function apply() {
    var sector = filter.value === "" ? null : Number(filter.value);
    var query = search.value.trim().toLowerCase();
    var keep = data.members.map(function (m, i) {
      if (focused !== null) return i === focused || partners[focused].indexOf(i) >= 0;
      if (sector !== null && m.sector !== sector) return false;
      if (query !== "" && m.name.toLowerCase().indexOf(query) < 0) return false;
      return true;
    });
    nodes.forEach(function (n, i) {
      if (!n) return;
      n.classList.toggle("xs-dim", !keep[i]);
      n.classList.toggle("xs-on", focused === i);
      n.classList.toggle("xs-match", focused === null && query !== "" && keep[i]);
    });
    edges.forEach(function (e) { e.classList.toggle("xs-dim", focused !== null || sector !== null || query !== ""); });
    data.ties.forEach(function (t) {
      var e = document.getElementById("m-xs-t" + t[2]);
      if (!e) return;
      var on = focused !== null ? (t[0] === focused || t[1] === focused) : keep[t[0]] && keep[t[1]];
      if (on) e.classList.remove("xs-dim");
      e.classList.toggle("xs-on", focused !== null && on);
    });
    sectorNodes.forEach(function (n, s) { if (n) n.classList.toggle("xs-dim", sector !== null && s !== sector); });
    if (focused !== null) {
      describe(info, focused);
      var names = partners[focused].map(function (p) { return data.members[p].name; });
      info.appendChild(document.createElement("br"));
      info.appendChild(document.createTextNode(names.length === 0 ? "No partners: tied to no one."
        : "Partners: " + names.join(", ") + ". Click it again or press Show all to see everyone."));
    } else {
      restInfo();
    }
  }
  function focus(i) {
    focused = i;
    apply();
    if (i !== null && nodes[i]) nodes[i].focus({ preventScroll: true });
  }
  filter.addEventListener("change", function () { focused = null; apply(); });
  search.addEventListener("input", function () { focused = null; apply(); });
  search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var query = search.value.trim().toLowerCase();
    for (var i = 0; i < data.members.length; ++i) {
      if (query !== "" && data.members[i].name.toLowerCase().indexOf(query) >= 0) { focus(i); return; }
    }
  });
  document.getElementById("xs-clear").addEventListener("click", function () {
    focused = null; filter.value = ""; search.value = ""; apply();
  });
  maps.members.addEventListener("click", function () { if (focused !== null) focus(null); });

  // --- sectors view ---------------------------------------------------------------------
  sectorNodes.forEach(function (n, s) {
    if (!n) return;
    n.addEventListener("mouseenter", function (e) {
      tip.textContent = "";
      tip.appendChild(text("b", data.sectors[s].name));
      tip.appendChild(document.createTextNode(" · " + plural(data.sectors[s].members, "member", "members") + " · click to pick them out"));
      tip.hidden = false;
      tip.style.left = Math.max(8, Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8)) + "px";
      tip.style.top = (e.clientY + 16) + "px";
    });
    n.addEventListener("mouseleave", function () { tip.hidden = true; });
    n.addEventListener("click", function (e) {
      e.preventDefault();
      filter.value = String(s);
      focused = null;
      show("members");
      apply();
    });
  });
  var currentView = "members";
  function show(view) {
    currentView = view;
    Object.keys(maps).forEach(function (k) {
      if (k === view) maps[k].removeAttribute("data-hidden"); else maps[k].setAttribute("data-hidden", "");
    });
    document.querySelectorAll(".views button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === view ? "true" : "false");
    });
    tip.hidden = true;
  }
  document.querySelectorAll(".views button").forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-view")); });
  });
  show("members");
  apply();

  // --- a comparison report: wave A, wave B (the interactive map) and the changes ----------
  var waveButtons = document.querySelectorAll(".waves button");
  var waveMaps = { a: document.getElementById("xs-map-wave-a"), changes: document.getElementById("xs-map-changes") };
  var tools = [document.querySelector(".views"), filter.parentNode, search.parentNode, document.getElementById("xs-clear")];
  function showWave(wave) {
    waveButtons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-wave") === wave ? "true" : "false"); });
    Object.keys(waveMaps).forEach(function (k) {
      if (!waveMaps[k]) return;
      if (k === wave) waveMaps[k].removeAttribute("data-hidden"); else waveMaps[k].setAttribute("data-hidden", "");
    });
    tools.forEach(function (t) { if (t) t.hidden = wave !== "b"; });
    document.getElementById("map").setAttribute("data-wave", wave);
    if (wave === "b") {
      show(currentView);
      restInfo();
    } else {
      Object.keys(maps).forEach(function (k) { maps[k].setAttribute("data-hidden", ""); });
      tip.hidden = true;
      var caption = waveMaps[wave] && waveMaps[wave].querySelector("figcaption");
      info.textContent = caption ? caption.textContent : "";
    }
  }
  waveButtons.forEach(function (b) {
    b.addEventListener("click", function () { showWave(b.getAttribute("data-wave")); });
  });
  // A map wider than its pane (a phone) opens centred on its best-tied member.
  var pane = maps.members.querySelector(".pane");
  if (pane && pane.scrollWidth > pane.clientWidth + 1) {
    var best = 0;
    data.members.forEach(function (m, i) { if (m.degree > data.members[best].degree) best = i; });
    if (nodes[best]) {
      var r = nodes[best].getBoundingClientRect(), p = pane.getBoundingClientRect();
      pane.scrollLeft += r.left + r.width / 2 - (p.left + p.width / 2);
      pane.scrollTop += r.top + r.height / 2 - (p.top + p.height / 2);
    }
  }
})();
document.body.setAttribute("data-ready", "yes");
