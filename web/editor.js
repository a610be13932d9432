// The coalition editor: members (rename, change sector, add) and ties (add, remove) as a
// form. It only collects changes; the library applies them, checks the result as it checks a
// file, and writes the corrected coalition file (web_import.cpp, "edit").
"use strict";
const XsectorEditor = (function () {
  const LEVELS = ["networking", "coordinating", "cooperating", "collaborating"];
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  function sectorSelect(model, value, attrs) {
    const s = el("select", attrs);
    for (const sec of model.sectors) s.append(el("option", { value: sec.id, text: sec.name }));
    if (value !== undefined) s.value = value;
    return s;
  }
  function memberSelect(model, attrs) {
    const s = el("select", attrs);
    for (const m of model.members) s.append(el("option", { value: m.id, text: `${m.name} (${m.id})` }));
    return s;
  }
  function levelSelect(attrs) {
    const s = el("select", attrs);
    LEVELS.forEach((name, i) => s.append(el("option", { value: String(i + 1), text: `${i + 1} ${name}` })));
    return s;
  }

  function show(container, model, apply) {
    const pending = { names: new Map(), sectors: new Map(), added: [], removed: new Set(), ties: [] };
    const count = el("span", { class: "pending", id: "edit-pending", text: "No changes yet." });
    const refresh = () => {
      const n = pending.names.size + pending.sectors.size + pending.added.length + pending.removed.size + pending.ties.length;
      count.textContent = n === 0 ? "No changes yet." : `${n} change${n === 1 ? "" : "s"} not applied yet.`;
      applyButton.disabled = n === 0;
    };
    const byId = new Map(model.members.map((m) => [m.id, m]));

    const memberRows = model.members.map((m) =>
      el("tr", { "data-member": m.id },
        el("td", { text: m.id }),
        el("td", {}, el("input", { type: "text", value: m.name, "aria-label": `Name of ${m.id}`, class: "edit-name",
          oninput: (e) => { if (e.target.value === m.name) pending.names.delete(m.id); else pending.names.set(m.id, e.target.value); refresh(); } })),
        el("td", {}, sectorSelect(model, m.sector, { "aria-label": `Sector of ${m.id}`, class: "edit-sector",
          onchange: (e) => { if (e.target.value === m.sector) pending.sectors.delete(m.id); else pending.sectors.set(m.id, e.target.value); refresh(); } }))));
    const members = el("table", { class: "edit-table", id: "edit-members" },
      el("thead", {}, el("tr", {}, el("th", { text: "id" }), el("th", { text: "name" }), el("th", { text: "sector" }))),
      el("tbody", {}, ...memberRows));

    const newId = el("input", { type: "text", id: "new-member-id", placeholder: "id, e.g. food-bank", "aria-label": "New member's id" });
    const newName = el("input", { type: "text", id: "new-member-name", placeholder: "name", "aria-label": "New member's name" });
    const newSector = sectorSelect(model, undefined, { id: "new-member-sector", "aria-label": "New member's sector" });
    const addMember = el("button", { type: "button", id: "add-member", text: "Add member", onclick: () => {
      if (!newId.value.trim()) { newId.focus(); return; }
      pending.added.push({ op: "add-member", id: newId.value.trim(), name: newName.value.trim(), sector: newSector.value });
      addedList.append(el("li", { text: `${newName.value.trim() || newId.value.trim()} (${newId.value.trim()}), ${newSector.value}` }));
      newId.value = ""; newName.value = "";
      refresh();
    } });
    const addedList = el("ul", { class: "added" });

    const tieRows = model.ties.map((t) =>
      el("tr", { "data-tie": String(t.index) },
        el("td", { text: byId.get(t.a).name }), el("td", { text: byId.get(t.b).name }),
        el("td", { text: `${t.level} ${LEVELS[t.level - 1]}${t.survey ? " (survey)" : ""}` }),
        el("td", {}, t.survey ? "" : el("button", { type: "button", class: "remove-tie", text: "Remove",
          "aria-label": `Remove the tie ${t.a} – ${t.b}`,
          onclick: (e) => {
            const row = e.target.closest("tr");
            if (pending.removed.has(t.index)) { pending.removed.delete(t.index); row.classList.remove("removed"); e.target.textContent = "Remove"; }
            else { pending.removed.add(t.index); row.classList.add("removed"); e.target.textContent = "Keep"; }
            refresh();
          } }))));
    const ties = el("table", { class: "edit-table", id: "edit-ties" },
      el("thead", {}, el("tr", {}, el("th", { text: "from" }), el("th", { text: "to" }), el("th", { text: "level" }), el("th", { text: "" }))),
      el("tbody", {}, ...tieRows));
    const tieA = memberSelect(model, { id: "new-tie-a", "aria-label": "New tie from" });
    const tieB = memberSelect(model, { id: "new-tie-b", "aria-label": "New tie to" });
    const tieLevel = levelSelect({ id: "new-tie-level", "aria-label": "New tie's level" });
    const addedTies = el("ul", { class: "added" });
    const addTie = el("button", { type: "button", id: "add-tie", text: "Add tie", onclick: () => {
      pending.ties.push({ op: "add-tie", a: tieA.value, b: tieB.value, level: Number(tieLevel.value) });
      addedTies.append(el("li", { text: `${tieA.value} – ${tieB.value}, level ${tieLevel.value}` }));
      refresh();
    } });

    const applyButton = el("button", { type: "button", id: "apply-edits", class: "primary", text: "Apply changes and re-run",
      onclick: async () => {
        const edits = [
          ...[...pending.names].map(([id, name]) => ({ op: "rename", id, name })),
          ...[...pending.sectors].map(([id, sector]) => ({ op: "sector", id, sector })),
          ...pending.added,
          ...[...pending.removed].sort((a, b) => b - a).map((index) => ({ op: "remove-tie", index })),
          ...pending.ties,
        ];
        applyButton.disabled = true;
        if (!(await apply(edits))) applyButton.disabled = false;
      } });

    container.textContent = "";
    container.append(
      el("p", { text: `Change ${model.name} here, then apply: the file is checked as the command line checks it, the report is made again, and the corrected file is ready under Download.` }),
      el("h3", { text: "Members" }), el("div", { class: "scroll" }, members),
      el("fieldset", { class: "add" }, el("legend", { text: "Add a member" }), newId, newName, newSector, addMember, addedList),
      el("h3", { text: "Ties" }), el("div", { class: "scroll" }, ties),
      el("fieldset", { class: "add" }, el("legend", { text: "Add a tie" }), tieA, tieB, tieLevel, addTie, addedTies),
      el("div", { class: "apply" }, applyButton, count));
    refresh();
  }
  return { show };
})();
