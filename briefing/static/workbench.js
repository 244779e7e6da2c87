// Review workbench front end (anywidget ESM): draws model "text" + "view"; sends actions.
//
// Offsets: the text is drawn as <span data-start=N> pieces holding plain text nodes; a
// selection's offsets are the piece's start plus the offset inside its text node. Python
// snaps them to words and keeps every quote against its own copy of the text. Nothing of
// the article (or of a fact) is ever inserted as HTML: textContent only.

const KEYS = [
  ["j / ↓", "next"], ["k / ↑", "previous"], ["a", "accept"], ["x", "reject"],
  ["e", "edit"], ["u", "undo"], ["Shift+A / E / S", "add actor / event / statement from selection"],
  ["Ctrl+S", "save"], ["Esc", "close editor"],
];
const VALIDATE_IDLE_MS = 300;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}

function offsetIn(node, offset, root) {
  // Character offset in the article of a DOM (node, offset) selection boundary.
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement.closest("[data-start]");
    if (!piece || !root.contains(piece)) return null;
    return Number(piece.dataset.start) + offset;
  }
  const pieces = [...node.querySelectorAll?.("[data-start]") ?? []];
  if (node.dataset?.start !== undefined) return Number(node.dataset.start) + (offset ? node.textContent.length : 0);
  const child = node.childNodes[offset];
  if (child) {
    const p = child.nodeType === Node.ELEMENT_NODE ? (child.dataset?.start !== undefined ? child : child.querySelector("[data-start]")) : null;
    if (p) return Number(p.dataset.start);
  }
  const last = pieces[pieces.length - 1];
  return last ? Number(last.dataset.start) + last.textContent.length : null;
}

function render({ model, el: host }) {
  const root = el("div", { class: "wb", tabindex: "0", "data-lm-suppress-shortcuts": "true" });
  host.append(root);
  let seq = 0;
  let editing = null;
  let validateTimer = null;
  let stale = true;  // a change not yet validated
  const sent = new Map();  // seq -> time sent (for the bench: key press to view drawn)

  function send(msg) {
    seq += 1;
    sent.set(seq, performance.now());
    model.send({ ...msg, seq });
  }
  const act = (action, args = {}) => send({ type: "action", action, ...args });

  // ---- layout ----
  const bar = el("div", { class: "wb-bar" });
  const msg = el("div", { class: "wb-message", role: "status", "aria-live": "polite" });
  const textBox = el("div", { class: "wb-text", "data-role": "text" });
  const side = el("div", { class: "wb-side" });
  const legend = el("div", { class: "wb-legend", "data-role": "legend" },
    KEYS.map(([k, what]) => el("span", {}, el("kbd", { text: k }), " " + what)));
  const openForm = el("div", { class: "wb-open" });
  const main = el("div", { class: "wb-main" }, textBox, side);
  root.append(bar, msg, legend, main, openForm);

  function button(label, action, title) {
    return el("button", { type: "button", class: "wb-btn", "data-action": action, title: title || label,
      onclick: (e) => { e.preventDefault(); doAction(action); root.focus({ preventScroll: true }); } }, label);
  }

  function doAction(action) {
    const view = model.get("view") || {};
    if (action === "edit") return openEditor(view.current);
    if (action === "save") return send({ type: "save" });
    if (action.startsWith("add:")) return act("add", { kind: action.slice(4) });
    act(action);
  }

  // ---- open form (no article yet) ----
  function drawOpen() {
    openForm.replaceChildren();
    if (model.get("phase") !== "open") { openForm.hidden = true; return; }
    openForm.hidden = false;
    const path = el("input", { type: "text", name: "path", placeholder: "path/to/article.txt" });
    const title = el("input", { type: "text", name: "title", placeholder: "title" });
    const published = el("input", { type: "date", name: "published" });
    const folder = el("input", { type: "text", name: "folder", placeholder: "save to folder (optional)" });
    const draft = el("input", { type: "text", name: "draft", placeholder: "a draft YAML made elsewhere (optional)" });
    const text = el("textarea", { name: "text", rows: "8", placeholder: "…or paste the article text here" });
    openForm.append(
      el("label", {}, "Article file ", path), el("label", {}, "Title ", title),
      el("label", {}, "Published ", published), el("label", {}, "Folder ", folder), el("label", {}, "Draft file ", draft), text,
      el("button", { type: "button", class: "wb-btn", "data-action": "open", onclick: () =>
        send({ type: "open", path: path.value.trim(), text: text.value, title: title.value,
               published: published.value, folder: folder.value.trim(), draft: draft.value.trim() }) }, "Open"));
  }

  // ---- the text with highlights ----
  let drawnKey = null;
  function drawText(view) {
    const text = model.get("text") || "";
    const items = view.items || [];
    const uncited = (view.coverage && view.coverage.uncited) || [];
    // Moving between suggestions changes only which fact is current: restyle the pieces
    // instead of rebuilding the text.
    const key = JSON.stringify([text.length, uncited, items.map((it) => [it.spans, it.status])]);
    if (key === drawnKey) return markCurrent(view, items);
    const bounds = new Set([0, text.length]);
    const cover = [];
    items.forEach((it, i) => {
      for (const [s, e] of it.spans || []) { bounds.add(s); bounds.add(e); cover.push([s, e, i]); }
    });
    for (const [s, e] of uncited) { bounds.add(s); bounds.add(e); }
    const cuts = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let n = 0; n + 1 < cuts.length; n++) {
      const s = cuts[n], e = cuts[n + 1];
      const here = cover.filter(([cs, ce]) => cs <= s && ce >= e).map(([, , i]) => i);
      const piece = el("span", { "data-start": s });
      piece.textContent = text.slice(s, e);
      if (here.length) piece.dataset.items = here.join(",");
      if (uncited.some(([us, ue]) => us <= s && ue >= e)) piece.classList.add("wb-uncited");
      frag.append(piece);
    }
    textBox.replaceChildren(frag);
    drawnKey = key;
    markCurrent(view, items);
  }

  function markCurrent(view, items) {
    for (const piece of textBox.querySelectorAll("[data-items]")) {
      const here = piece.dataset.items.split(",").map(Number);
      const cur = here.includes(view.cursor);
      const top = cur ? view.cursor : here[0];
      piece.classList.remove("wb-pending", "wb-accepted", "wb-rejected", "wb-current");
      piece.classList.add("wb-hl", `wb-${items[top].status}`);
      if (cur) piece.classList.add("wb-current");
      piece.dataset.item = String(top);
    }
  }

  textBox.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const a = offsetIn(r.startContainer, r.startOffset, textBox);
    const b = offsetIn(r.endContainer, r.endOffset, textBox);
    if (a === null || b === null || a === b) return;
    send({ type: "select", start: Math.min(a, b), end: Math.max(a, b) });
  });
  textBox.addEventListener("click", (e) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const piece = e.target.closest("[data-item]");
    if (piece) act("goto", { index: Number(piece.dataset.item) });
  });

  // ---- side panel ----
  function field(label, value) {
    return el("div", { class: "wb-field" }, el("span", { class: "wb-key", text: label }),
      el("span", { class: "wb-val", text: typeof value === "string" ? value : JSON.stringify(value) }));
  }

  function drawSide(view) {
    const c = view.counts || {};
    const cov = view.coverage || {};
    const cur = view.current;
    const item = (view.items || [])[view.cursor];
    const parts = [];
    parts.push(el("div", { class: "wb-counts", "data-role": "counts" },
      `${c.pending ?? 0} pending · ${c.accepted ?? 0} accepted · ${c.rejected ?? 0} rejected · `,
      `sentences cited ${cov.cited ?? 0}/${cov.sentences ?? 0}`));
    if (cur && item) {
      const card = el("div", { class: `wb-card wb-${item.status}`, "data-role": "current",
        "data-sid": cur.sid, "data-status": item.status });
      card.append(el("div", { class: "wb-card-head" },
        el("span", { class: "wb-kind", text: cur.kind }), " ",
        el("strong", { text: cur.fact.id || "" }), " ",
        el("span", { class: "wb-badge", text: item.status }),
        el("span", { class: "wb-pos", text: `${view.cursor + 1} / ${view.items.length}` })));
      if (item.reason) card.append(el("div", { class: "wb-reason", "data-role": "reason" }, "Why: ", item.reason));
      for (const [k, v] of Object.entries(cur.fact)) {
        if (["review", "reason", "id"].includes(k)) continue;
        card.append(field(k, v));
      }
      parts.push(card);
    }
    parts.push(el("div", { class: "wb-buttons" },
      button("◀ prev", "previous", "previous (k)"), button("next ▶", "next", "next (j)"),
      button("✓ accept", "accept", "accept (a)"), button("✗ reject", "reject", "reject (x)"),
      button("✎ edit", "edit", "edit (e)"), button("↶ undo", "undo", "undo (u)"),
      button("save", "save", "save (Ctrl+S)")));
    const s = view.selection;
    parts.push(el("div", { class: "wb-selection", "data-role": "selection" },
      s ? [el("span", {}, "Selected: “", el("q", { text: s.quote }), `” (${s.start}–${s.end}) `),
           button("+ actor", "add:actors"), button("+ event", "add:events"),
           button("+ statement", "add:statements"), button("+ position", "add:positions")]
        : "Select words in the text to add an actor, event or statement there."));
    const probs = model.get("problems") || [];
    const list = el("ul", { class: "wb-problems", "data-role": "problems" });
    for (const p of probs.slice(0, 60)) {
      list.append(el("li", { "data-fact": p.fact_id, onclick: () => {
        const i = (view.items || []).findIndex((it) => it.id === p.fact_id);
        if (i >= 0) act("goto", { index: i });
      } }, el("strong", { text: p.fact_id || "-" }), ` ${p.field || "-"}: `, p.message));
    }
    parts.push(el("div", { class: "wb-check", "data-role": "validation",
      "data-count": String(probs.length), "data-stale": stale ? "1" : "0" },
      el("div", { class: "wb-check-head", text: stale ? "Checking with the loader…" : probs.length
        ? `${probs.length} problem${probs.length === 1 ? "" : "s"} (the loader's own words)`
        : "Valid: the loader finds no problem." }), list));
    side.replaceChildren(...parts);
  }

  // ---- the editor (pickers) ----
  function openEditor(cur) {
    if (!cur) return;
    editing = cur.sid;
    const setup = model.get("setup") || {};
    const view = model.get("view") || {};
    const f = JSON.parse(JSON.stringify(cur.fact));
    const form = el("form", { class: "wb-editor", "data-role": "editor", "data-sid": cur.sid });
    const inputs = {};
    const row = (label, input, help) => el("label", { class: "wb-row" },
      el("span", { class: "wb-key", text: label }), input, help || null);
    const text = (k, long) => { const i = el(long ? "textarea" : "input", { name: k, rows: long ? "2" : null });
      i.value = f[k] == null || f[k] === "TODO" ? "" : String(f[k]); inputs[k] = i; return i; };
    const select = (k, options, value) => {
      const s = el("select", { name: k }, el("option", { value: "", text: "—" }),
        options.map(([v, label]) => el("option", { value: v, text: label })));
      s.value = value == null || value === "TODO" ? "" : String(value);
      inputs[k] = s; return s;
    };
    const actorList = el("datalist", { id: `wb-actors-${cur.sid}` });
    const known = new Map();
    for (const a of (view.doc?.actors || [])) known.set(a.id, a.name);
    for (const a of (setup.registry?.actors || [])) if (!known.has(a.id)) known.set(a.id, `${a.name}${a.role ? " — " + a.role : ""}`);
    for (const [id, name] of known) actorList.append(el("option", { value: id, text: name }));
    const actorInput = (k, value) => { const i = el("input", { name: k, list: actorList.id, placeholder: "search actors" });
      i.value = Array.isArray(value) ? value.filter((x) => x !== "TODO").join(", ") : (value && value !== "TODO" ? value : "");
      inputs[k] = i; return i; };
    const sources = new Map();
    for (const s of (view.doc?.sources || [])) sources.set(s.id, s.name);
    for (const s of (setup.registry?.sources || [])) if (!sources.has(s.id)) sources.set(s.id, s.name);
    const adm = setup.admiralty || {};
    const sets = setup.sets || {};
    const kind = cur.kind;
    form.append(actorList, el("div", { class: "wb-editor-head", text: `Edit ${kind} ${f.id}` }),
      row("id", text("id")));
    if (kind === "event") {
      const ptype = select("plover_type", (setup.plover || []).map((p) => [p.type, `${p.type} (${p.quad}, ${p.score})`]), f.plover_type);
      const mode = el("select", { name: "plover_mode" }); inputs.plover_mode = mode;
      const cameo = el("select", { name: "cameo_code" }); inputs.cameo_code = cameo;
      const def = el("div", { class: "wb-def", "data-role": "cameo-definition" });
      const fillModes = () => {
        const t = (setup.plover || []).find((p) => p.type === ptype.value);
        mode.replaceChildren(el("option", { value: "", text: "— (no mode)" }),
          ...(t ? t.modes : []).map((m) => el("option", { value: m.mode, text: `${m.mode} (${m.score})` })));
        mode.value = f.plover_mode && t && t.modes.some((m) => m.mode === f.plover_mode) ? f.plover_mode : "";
        fillCameo();
      };
      const fillCameo = () => {
        const map = setup.cameo_plover || {};
        const fit = (setup.cameo || []).filter((c) => !ptype.value || (map[c.code] && map[c.code][0] === ptype.value
          && (!mode.value || map[c.code][1] === mode.value || !map[c.code][1])));
        const rows = fit.length ? fit : (setup.cameo || []);
        cameo.replaceChildren(el("option", { value: "", text: "—" }),
          ...rows.map((c) => el("option", { value: c.code, text: `${c.code} ${c.name} (Goldstein ${c.goldstein})` })));
        cameo.value = rows.some((c) => c.code === f.cameo_code) ? f.cameo_code : "";
        showDef();
      };
      const showDef = () => {
        const c = (setup.cameo || []).find((x) => x.code === cameo.value);
        def.textContent = c ? `CAMEO ${c.code}: ${c.name} — Goldstein ${c.goldstein} (${c.quad})` : "Pick a CAMEO code: its definition and Goldstein score show here.";
      };
      ptype.addEventListener("change", () => { f.plover_mode = ""; fillModes(); });
      mode.addEventListener("change", fillCameo);
      cameo.addEventListener("change", () => { f.cameo_code = cameo.value; showDef(); });
      fillModes();
      const basis = select("date_basis", (sets.date_basis || []).map(([k, v]) => [k, `${k}: ${v}`]), f.date_basis);
      form.append(
        row("summary", text("summary", true)),
        row("PLOVER type", ptype), row("mode", mode), row("CAMEO", cameo), def,
        row("date", text("date"), el("small", { text: "YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year)" })),
        row("date basis", basis), row("date note", text("date_note")),
        row("status", select("status", (sets.status || []).map((s) => [s, s]), f.status)),
        row("source", select("source", [...sources].map(([id, n]) => [id, `${id} — ${n}`]), f.source)),
        row("credibility", select("credibility", (adm.credibility || []).map(([g, m]) => [g, `${g} — ${m}`]), f.credibility),
          el("small", { text: "Admiralty: how likely the information is, judged apart from the source" })));
      for (const role of sets.roles || []) form.append(row(role, actorInput(`role:${role}`, (f.participants || {})[role])));
      form.append(el("small", { class: "wb-hint", text: "participants: actor ids, comma-separated (search by name)" }));
    } else if (kind === "statement") {
      form.append(row("speaker", actorInput("speaker", f.speaker)),
        row("text", text("text", true)),
        row("event", select("event", (view.doc?.events || []).map((e) => [e.id, e.id]), f.event)),
        row("source", select("source", [...sources].map(([id, n]) => [id, `${id} — ${n}`]), f.source)),
        row("attribution", select("attribution", (sets.attribution || []).map((s) => [s, s]), f.attribution)),
        row("quote type", select("quote_type", (sets.quote_type || []).map((s) => [s, s]), f.quote_type)));
    } else if (kind === "position") {
      const issues = new Map();
      for (const i of [...(view.doc?.issues || []), ...(setup.registry?.issues || [])]) if (!issues.has(i.id)) issues.set(i.id, i);
      const issue = select("issue", [...issues.values()].map((i) => [i.id, `${i.id} — ${i.name || i.label}`]), f.issue);
      const ends = el("div", { class: "wb-scale", "data-role": "scale" });
      const pos = el("input", { type: "range", min: "0", max: "100", name: "position" }); inputs.position = pos;
      pos.value = typeof f.position === "number" ? f.position : 50;
      const sal = el("input", { type: "range", min: "0", max: "100", name: "salience" }); inputs.salience = sal;
      sal.value = typeof f.salience === "number" ? f.salience : 50;
      const out = el("output", { text: pos.value }); const outS = el("output", { text: sal.value });
      pos.addEventListener("input", () => { out.textContent = pos.value; });
      sal.addEventListener("input", () => { outS.textContent = sal.value; });
      const showEnds = () => { const i = issues.get(issue.value);
        ends.replaceChildren(el("span", { text: `0: ${i ? i.scale_0 : "pick an issue"}` }), el("span", { text: `100: ${i ? i.scale_100 : ""}` })); };
      issue.addEventListener("change", showEnds); showEnds();
      form.append(row("actor", actorInput("actor", f.actor)), row("issue", issue), ends,
        row("position", pos, out), row("salience", sal, outS),
        row("confidence", select("confidence", (sets.confidence || []).map((s) => [s, s]), f.confidence)),
        row("rationale", text("rationale", true)));
    } else if (kind === "actor") {
      form.append(row("name", text("name")),
        row("kind", select("kind", (sets.actor_kind || []).map((s) => [s, s]), f.kind)),
        row("country", text("country"), el("small", { text: "ISO 3166 alpha-3, or empty" })),
        row("parent", actorInput("parent", f.parent)), row("role", text("role")), row("bloc", text("bloc")));
    } else if (kind === "source") {
      form.append(row("name", text("name")),
        row("kind", select("kind", (sets.source_kind || []).map((s) => [s, s]), f.kind)),
        row("reliability", select("reliability", (adm.reliability || []).map(([g, m]) => [g, `${g} — ${m}`]), f.reliability),
          el("small", { text: "Admiralty: the source's track record, judged apart from this information" })),
        row("note", text("note", true)));
    } else if (kind === "issue") {
      form.append(row("label", text("label")), row("scale 0 means", text("scale_0")), row("scale 100 means", text("scale_100")));
    }
    const done = (e) => {
      e.preventDefault();
      const fields = {};
      const participants = {};
      for (const [k, input] of Object.entries(inputs)) {
        let v = input.value.trim();
        if (k.startsWith("role:")) {
          const ids = v.split(/[,\s]+/).filter(Boolean);
          if (ids.length) participants[k.slice(5)] = ids;
          continue;
        }
        if (["credibility", "position", "salience"].includes(k) && v !== "") v = Number(v);
        if (["speaker", "actor", "parent"].includes(k)) v = v.split(/[,\s]+/)[0] || "";
        fields[k] = v;
      }
      if (kind === "event") fields.participants = participants;
      closeEditor();
      act("edit", { sid: cur.sid, fields });
    };
    form.addEventListener("submit", done);
    form.append(el("div", { class: "wb-buttons" },
      el("button", { type: "submit", class: "wb-btn", "data-action": "apply" }, "Apply (Enter)"),
      el("button", { type: "button", class: "wb-btn", onclick: () => closeEditor() }, "Cancel (Esc)")));
    side.prepend(form);
    (inputs.summary || inputs.name || inputs.text || inputs.label || inputs.id).focus();
  }
  function closeEditor() {
    editing = null;
    root.querySelector(".wb-editor")?.remove();
    root.focus({ preventScroll: true });
  }

  // ---- keys ----
  root.addEventListener("keydown", (e) => {
    // JupyterLab must not see our keys (a, x, j, k are notebook commands there).
    e.stopPropagation();
    const inForm = e.target.closest("input, textarea, select");
    if (e.key === "Escape") { closeEditor(); return; }
    if (inForm) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") { e.preventDefault(); doAction("save"); return; }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") { e.preventDefault(); doAction("undo"); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const map = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", a: "accept",
      x: "reject", e: "edit", u: "undo", A: "add:actors", E: "add:events", S: "add:statements" };
    const action = map[e.key];
    if (action && model.get("phase") === "review") { e.preventDefault(); doAction(action); }
  });

  // ---- drawing ----
  function drawMessage() {
    const m = model.get("message") || {};
    msg.className = `wb-message wb-${m.level || "info"}`;
    msg.textContent = m.text || "";
  }
  function draw() {
    const phase = model.get("phase");
    root.dataset.phase = phase;
    drawOpen();
    main.hidden = legend.hidden = phase !== "review";
    drawMessage();
    bar.replaceChildren(el("strong", { text: "Review workbench" }),
      phase === "review" ? el("span", { class: "wb-folder", text: ` → ${(model.get("view") || {}).folder || ""}` }) : null);
    if (phase !== "review") return;
    const view = model.get("view") || {};
    drawText(view);
    if (!editing) drawSide(view); else drawSideKeepEditor(view);
    const cur = textBox.querySelector(".wb-current");
    if (cur) {
      const box = textBox.getBoundingClientRect(), r = cur.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) textBox.scrollTop += r.top - box.top - box.height / 3;
    }
    root.dataset.rev = String(view.rev || 0);
    if (view.seq && sent.has(view.seq)) {
      root.dataset.latency = String(Math.round(performance.now() - sent.get(view.seq)));
      sent.delete(view.seq);
    }
    if (view.edit && view.current && !editing) openEditor(view.current);
    if (view.dirty) {
      stale = true;
      side.querySelector("[data-role=validation]")?.setAttribute("data-stale", "1");
      clearTimeout(validateTimer);
      validateTimer = setTimeout(() => send({ type: "validate" }), VALIDATE_IDLE_MS);
    }
  }
  function drawSideKeepEditor(view) {
    const form = root.querySelector(".wb-editor");
    drawSide(view);
    if (form) side.prepend(form);
  }

  model.on("change:view", draw);
  model.on("change:phase", draw);
  model.on("change:message", drawMessage);
  model.on("change:checked", () => {
    stale = false; if (model.get("phase") === "review") { if (!editing) drawSide(model.get("view") || {}); else drawSideKeepEditor(model.get("view") || {}); } });
  draw();
  if (model.get("phase") === "review") root.focus({ preventScroll: true });
  return () => clearTimeout(validateTimer);
}

export default { render };
