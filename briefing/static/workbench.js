// Review workbench front end (anywidget ESM): draws model "text" + "view"; sends actions.
//
// Offsets: the text is drawn as <span data-start=N> pieces holding plain text nodes; a
// selection's offsets are the piece's start plus the offset inside its text node. Python
// snaps them to words and keeps every quote against its own copy of the text. Nothing of
// the article (or of a fact) is ever inserted as HTML: textContent only.

const KEYS = [
  ["j / ↓", "next"], ["k / ↑", "previous"], ["a", "accept"], ["x", "reject"],
  ["1–6", "grade: credibility / reliability A–F"],
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
    if (action === "key_point") return act("key_point", { op: "add" });
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
           button("+ statement", "add:statements"), button("+ position", "add:positions"),
           button("+ source", "add:sources"), button("+ issue", "add:issues"),
           button("+ key point", "key_point", "a key point of the article, from these words"),
           cur && cur.kind !== "article" ? button("+ cite", "cite", "add these words to the current fact's evidence") : null]
        : "Select words in the text to add an actor, event, statement, source, issue or key point there."));
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

  // ---- the editor: forms are data (setup.forms, from the contract) ----
  // One renderer per input kind. Each returns { node, read }: `read()` gives the value to
  // send, or `undefined` to leave the key as it is. Apply sends only the keys whose value
  // changed, so opening an editor and applying it never changes a value by itself.
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  function pickerLists(setup, view) {
    const named = (kind, extra) => {
      const out = new Map();
      for (const x of (view.doc?.[kind] || [])) out.set(x.id, x);
      for (const x of (setup.registry?.[kind] || [])) if (!out.has(x.id)) out.set(x.id, { ...x, name: x.name || x.label, ...extra });
      return out;
    };
    return { actors: named("actors"), sources: named("sources"), issues: named("issues"),
      blocs: named("blocs"), events: named("events"),
      facts: new Map([...(view.doc?.events || []), ...(view.doc?.statements || []), ...(view.doc?.positions || [])].map((x) => [x.id, x])) };
  }

  function renderers(ctx) {
    const { setup, lists, f, form } = ctx;
    const TODO = setup.placeholder;
    const shown = (v) => (v == null || v === TODO ? "" : String(v));
    const datalist = (name, map) => {
      const id = `wb-${name}-${ctx.uid}`;
      if (!form.querySelector(`#${CSS.escape(id)}`)) {
        form.append(el("datalist", { id }, [...map].map(([k, x]) => el("option", { value: k, text: x.name || "" }))));
      }
      return id;
    };
    const textInput = (fd, long) => {
      const i = el(long ? "textarea" : "input", { name: fd.key, rows: long ? "2" : null,
        placeholder: f[fd.key] === TODO ? `${TODO}: ${fd.hint}` : null });
      i.value = shown(f[fd.key]);
      return { node: i, read: () => (i.value.trim() === "" && f[fd.key] === TODO ? undefined : i.value.trim()) };
    };
    const selectOf = (fd, options) => {
      const v = f[fd.key];
      const opts = [...options];
      if (v != null && v !== TODO && v !== "" && !opts.some(([o]) => String(o) === String(v))) opts.push([v, "(as written)"]);
      const s = el("select", { name: fd.key }, el("option", { value: "", text: v === TODO ? `— ${TODO} —` : "—" }),
        opts.map(([o, meaning]) => el("option", { value: String(o), text: meaning ? `${o} — ${meaning}` : String(o) })));
      s.value = shown(v);
      return { node: s, read: () => {
        if (s.value === "") return v === TODO ? undefined : "";
        const hit = opts.find(([o]) => String(o) === s.value);
        return hit ? hit[0] : s.value;
      } };
    };
    const idList = (value) => (Array.isArray(value) ? value : value ? [value] : []).filter((x) => x !== TODO);
    const idsInput = (fd, map, one) => {
      const i = el("input", { name: fd.key, list: datalist(fd.refers || fd.key, map), placeholder: "search by id or name" });
      i.value = idList(f[fd.key]).join(", ");
      return { node: i, read: () => {
        const ids = i.value.split(/[,\s]+/).filter(Boolean);
        if (!ids.length && (f[fd.key] === TODO || same(f[fd.key], [TODO]))) return undefined;
        return one ? (ids[0] || "") : ids;
      } };
    };
    return {
      id: (fd) => textInput(fd, false),
      text: (fd) => textInput(fd, false),
      long: (fd) => textInput(fd, true),
      date: (fd) => {
        const r = textInput(fd, false);
        r.node.setAttribute("placeholder", "YYYY-MM-DD, YYYY-MM or YYYY");
        return r;
      },
      choice: (fd) => selectOf(fd, fd.values),
      grade: (fd) => {
        // Credibility grades are numbers in the file; reliability grades are letters.
        const numeric = fd.values.every(([g]) => /^\d+$/.test(String(g)));
        return selectOf(fd, fd.values.map(([g, m]) => [numeric ? Number(g) : g, m]));
      },
      scale: (fd) => {
        const v = f[fd.key];
        const i = el("input", { type: "range", min: "0", max: "100", name: fd.key });
        i.value = typeof v === "number" ? v : 50;
        const out = el("output", { text: typeof v === "number" ? String(v) : `${TODO}: move to set` });
        let touched = false;
        i.addEventListener("input", () => { touched = true; out.textContent = i.value; });
        return { node: el("span", { class: "wb-scale-input" }, i, out),
          read: () => (touched || typeof v === "number" ? Number(i.value) : undefined) };
      },
      actor: (fd) => idsInput(fd, lists.actors, true),
      actors: (fd) => idsInput(fd, lists.actors, false),
      facts: (fd) => idsInput(fd, lists.facts, false),
      bloc: (fd) => idsInput(fd, lists.blocs, true),
      source: (fd) => selectOf(fd, [...lists.sources].filter(([id]) => id !== f.id).map(([id, x]) => [id, x.name])),
      event: (fd) => selectOf(fd, [...lists.events].map(([id, x]) => [id, x.name])),
      issue: (fd) => {
        const r = selectOf(fd, [...lists.issues].map(([id, x]) => [id, x.name]));
        const ends = el("div", { class: "wb-scale", "data-role": "scale" });
        const showEnds = () => { const x = lists.issues.get(r.node.value);
          ends.replaceChildren(el("span", { text: `0: ${x ? x.scale_0 : "pick an issue"}` }), el("span", { text: `100: ${x ? x.scale_100 : ""}` })); };
        r.node.addEventListener("change", showEnds); showEnds();
        // A new issue, with its scale's two ends, made on Apply and chosen here.
        const fresh = ["label", "scale_0", "scale_100"].map((k) => el("input", { name: `new-issue-${k}`,
          placeholder: { label: "new issue: label", scale_0: "what 0 means", scale_100: "what 100 means" }[k] }));
        const box = el("details", { class: "wb-new", "data-role": "new-issue" }, el("summary", { text: "+ new issue" }), ...fresh);
        ctx.creates.push(() => {
          const [label, s0, s100] = fresh.map((x) => x.value.trim());
          return label ? { key: fd.key, kind: "issues", fields: { label, scale_0: s0, scale_100: s100 } } : null;
        });
        return { node: el("div", {}, r.node, ends, box), read: r.read };
      },
      names: (fd) => {
        const i = el("textarea", { name: fd.key, rows: "2", placeholder: "one name per line" });
        i.value = (Array.isArray(f[fd.key]) ? f[fd.key] : f[fd.key] ? [f[fd.key]] : []).join("\n");
        return { node: i, read: () => i.value.split("\n").map((x) => x.trim()).filter(Boolean) };
      },
      participants: (fd) => {
        const roles = f[fd.key] && typeof f[fd.key] === "object" ? f[fd.key] : {};
        const inputs = fd.values.map(([role]) => {
          const i = el("input", { name: `role:${role}`, list: datalist("actors", lists.actors), placeholder: "actor ids, comma-separated" });
          i.value = idList(roles[role]).join(", ");
          return [role, i];
        });
        return { node: el("div", { class: "wb-roles" }, inputs.map(([role, i]) => el("label", { class: "wb-row" }, el("span", { class: "wb-key", text: role }), i))),
          read: () => {
            const out = {};
            for (const [role, i] of inputs) {
              const ids = i.value.split(/[,\s]+/).filter(Boolean);
              if (ids.length) out[role] = ids;
              else if (same(roles[role], [TODO])) out[role] = roles[role];
            }
            return out;
          } };
      },
      evidence: (fd) => {
        const items = Array.isArray(f[fd.key]) ? f[fd.key] : [];
        const boxes = items.map((e) => el("input", { type: "checkbox", checked: true }));
        return { node: el("div", { class: "wb-evidence", "data-role": "evidence" },
          items.map((e, n) => el("label", {}, boxes[n], " “", el("q", { text: typeof e === "string" ? e : e.quote }), "”")),
          el("small", { text: "untick to drop a quote; select words and press “+ cite” to add one" })),
          read: () => items.filter((e, n) => boxes[n].checked) };
      },
      key_points: (fd) => {
        const list = el("ol", { class: "wb-key-points", "data-role": "key-points" });
        const add = (p) => {
          const text = el("textarea", { name: "key-point-text", rows: "2" }); text.value = p.text || "";
          const facts = el("input", { name: "key-point-facts", list: datalist("facts", lists.facts) });
          facts.value = idList(p.facts).join(", ");
          const li = el("li", {}, text, facts, el("span", { class: "wb-buttons" },
            el("button", { type: "button", class: "wb-btn", title: "move up", onclick: () => li.previousElementSibling?.before(li) }, "↑"),
            el("button", { type: "button", class: "wb-btn", title: "move down", onclick: () => li.nextElementSibling?.after(li) }, "↓"),
            el("button", { type: "button", class: "wb-btn", title: "remove", "data-action": "remove-key-point", onclick: () => li.remove() }, "✕")));
          list.append(li);
        };
        (Array.isArray(f[fd.key]) ? f[fd.key] : []).forEach(add);
        return { node: el("div", {}, list, el("small", { text: "select words in the text and press “+ key point” to add one" })),
          read: () => [...list.children].map((li) => ({ text: li.querySelector("textarea").value.trim(),
            facts: li.querySelector("input").value.split(/[,\s]+/).filter(Boolean) })).filter((p) => p.text) };
      },
      plover: (fd) => ploverCascade(ctx, fd),
    };
  }

  function ploverCascade(ctx, fd) {
    // The PLOVER type → mode → CAMEO cascade: drawn once, for the first of its three keys.
    const { setup, f } = ctx;
    if (ctx.plover) return null;
    const TODO = setup.placeholder;
    const orig = { plover_type: f.plover_type, plover_mode: f.plover_mode, cameo_code: f.cameo_code };
    const ptype = el("select", { name: "plover_type" }, el("option", { value: "", text: "—" }),
      (setup.plover || []).map((p) => el("option", { value: p.type, text: `${p.type} (${p.quad}, ${p.score})` })));
    ptype.value = orig.plover_type && orig.plover_type !== TODO ? orig.plover_type : "";
    const mode = el("select", { name: "plover_mode" });
    const cameo = el("select", { name: "cameo_code" });
    const def = el("div", { class: "wb-def", "data-role": "cameo-definition" });
    let wantMode = orig.plover_mode || "", wantCode = orig.cameo_code && orig.cameo_code !== TODO ? orig.cameo_code : "";
    const option = (c, extra) => el("option", { value: c.code, text: `${c.code} ${c.name} (Goldstein ${c.goldstein})${extra || ""}` });
    const fillModes = () => {
      const t = (setup.plover || []).find((p) => p.type === ptype.value);
      const modes = (t ? t.modes : []).map((m) => [m.mode, `${m.mode} (${m.score})`]);
      if (wantMode && !modes.some(([m]) => m === wantMode)) modes.push([wantMode, `${wantMode} (as written)`]);
      mode.replaceChildren(el("option", { value: "", text: "— (no mode)" }), ...modes.map(([m, label]) => el("option", { value: m, text: label })));
      mode.value = wantMode;
      fillCameo();
    };
    const fillCameo = () => {
      // Every code the loader accepts under the type: the type's own codes (PLOVER's
      // table, a code inheriting its parent's row), then the codes the table leaves out
      // (01x statements, 02x appeals), which fit any type.
      const all = setup.cameo || [];
      const own = all.filter((c) => !ptype.value || c.type === ptype.value);
      const free = ptype.value ? all.filter((c) => c.type === "") : [];
      const groups = [el("option", { value: "", text: "—" })];
      if (own.length) groups.push(el("optgroup", { label: ptype.value ? `${ptype.value} in PLOVER's table` : "all codes" }, own.map((c) => option(c))));
      if (free.length) groups.push(el("optgroup", { label: "not in PLOVER's table: accepted under any type" }, free.map((c) => option(c))));
      if (wantCode && ![...own, ...free].some((c) => c.code === wantCode)) {
        const c = all.find((x) => x.code === wantCode) || { code: wantCode, name: "", goldstein: "?" };
        groups.push(el("optgroup", { label: "as written (another type's code)" }, option(c)));
      }
      cameo.replaceChildren(...groups);
      cameo.value = wantCode;
      showDef();
    };
    const showDef = () => {
      const c = (setup.cameo || []).find((x) => x.code === cameo.value);
      def.textContent = c ? `CAMEO ${c.code}: ${c.name} — Goldstein ${c.goldstein} (${c.quad})` : "Pick a CAMEO code: its definition and Goldstein score show here.";
    };
    ptype.addEventListener("change", () => { wantMode = ""; fillModes(); });
    mode.addEventListener("change", () => { wantMode = mode.value; });
    cameo.addEventListener("change", () => { wantCode = cameo.value; showDef(); });
    fillModes();
    const read = (key, input) => () => {
      const v = input.value;
      if (v === "" && (orig[key] === TODO || orig[key] == null)) return undefined;
      return v;
    };
    ctx.plover = { plover_type: read("plover_type", ptype), plover_mode: read("plover_mode", mode), cameo_code: read("cameo_code", cameo) };
    return { node: el("div", { class: "wb-plover" },
      el("label", { class: "wb-row" }, el("span", { class: "wb-key", text: "PLOVER type" }), ptype),
      el("label", { class: "wb-row" }, el("span", { class: "wb-key", text: "mode" }), mode),
      el("label", { class: "wb-row" }, el("span", { class: "wb-key", text: "CAMEO" }), cameo), def), read: null };
  }

  let editorUid = 0;
  function openEditor(cur) {
    if (!cur) return;
    editing = cur.sid;
    const setup = model.get("setup") || {};
    const view = model.get("view") || {};
    const f = JSON.parse(JSON.stringify(cur.fact));
    const fields = (setup.forms || {})[cur.kind] || [];
    const form = el("form", { class: "wb-editor", "data-role": "editor", "data-sid": cur.sid });
    const ctx = { setup, f, form, uid: ++editorUid, lists: pickerLists(setup, view), creates: [], plover: null };
    const kinds = renderers(ctx);
    const readers = {};
    form.append(el("div", { class: "wb-editor-head", text: `Edit ${cur.kind} ${f.id || ""}` }));
    for (const fd of fields) {
      const made = (kinds[fd.input] || kinds.text)(fd);
      if (!made) continue;
      if (made.read) readers[fd.key] = made.read;
      const mark = fd.judgment ? " ⚖" : fd.required ? " *" : "";
      form.append(fd.input === "plover" ? made.node : el("label", { class: "wb-row", "data-key": fd.key, "data-input": fd.input },
        el("span", { class: "wb-key", text: fd.label + mark, title: fd.judgment ? "analyst judgment" : fd.required ? "required" : "" }),
        made.node, el("small", { text: fd.hint })));
    }
    Object.assign(readers, ctx.plover || {});
    const done = (e) => {
      e.preventDefault();
      const changed = {};
      for (const [k, read] of Object.entries(readers)) {
        const v = read();
        if (v !== undefined && !same(v, cur.fact[k] ?? (Array.isArray(v) ? [] : typeof v === "object" ? {} : ""))) changed[k] = v;
      }
      const create = ctx.creates.map((c) => c()).filter(Boolean);
      closeEditor();
      act("edit", { sid: cur.sid, fields: changed, create });
    };
    form.addEventListener("submit", done);
    form.addEventListener("input", () => { form.dataset.changed = "1"; });
    form.append(el("div", { class: "wb-buttons" },
      el("button", { type: "submit", class: "wb-btn", "data-action": "apply" }, "Apply (Enter)"),
      el("button", { type: "button", class: "wb-btn", onclick: () => closeEditor() }, "Cancel (Esc)")));
    side.prepend(form);
    const first = form.querySelector("textarea, input:not([type=checkbox]), select");
    if (first) first.focus();
  }
  function closeEditor() {
    editing = null;
    root.querySelector(".wb-editor")?.remove();
    root.focus({ preventScroll: true });
  }

  // ---- judgments by key: 1–6 grades the current fact's analyst judgment ----
  // An event's credibility (1–6), a source's reliability (1 → A … 6 → F); the kernel then
  // goes on to the next fact whose judgment awaits the analyst: one key per judgment.
  function judge(n) {
    const cur = (model.get("view") || {}).current;
    const fd = ((model.get("setup") || {}).forms?.[cur?.kind] || []).find((x) => x.input === "grade");
    if (cur && fd) act("judge", { sid: cur.sid, grade: n });
  }

  // Values typed into an open editor and not applied: the page asks before it goes.
  const beforeUnload = (e) => {
    const form = root.querySelector(".wb-editor");
    if (form && form.dataset.changed === "1") { e.preventDefault(); e.returnValue = ""; }
  };
  window.addEventListener("beforeunload", beforeUnload);

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
    if (/^[1-6]$/.test(e.key) && model.get("phase") === "review") { e.preventDefault(); judge(Number(e.key)); return; }
    const map = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", a: "accept",
      x: "reject", e: "edit", u: "undo", A: "add:actors", E: "add:events", S: "add:statements" };
    const action = map[e.key];
    if (action && model.get("phase") === "review") { e.preventDefault(); doAction(action); }
  });

  // ---- drawing ----
  // The ways out of a refused save (or a stopped autosave), as buttons under its message.
  const WAYS = {
    diff: () => el("button", { type: "button", class: "wb-btn", "data-action": "diff",
      onclick: () => send({ type: "diff" }) }, "Show the differences"),
    reload: () => el("button", { type: "button", class: "wb-btn", "data-action": "reload",
      onclick: () => send({ type: "reload" }) }, "Take their file (undo brings yours back)"),
    // Another review autosaved over this one's file: take its work, or overwrite it.
    take_review: () => el("button", { type: "button", class: "wb-btn", "data-action": "take-review",
      onclick: () => send({ type: "take_review" }) }, "Take their review (undo brings yours back)"),
    keep_review: () => el("button", { type: "button", class: "wb-btn", "data-action": "keep-review",
      onclick: () => send({ type: "keep_review" }) }, "Keep mine: overwrite their autosave"),
    save_as: () => {
      const folder = el("input", { type: "text", name: "save-as", placeholder: "another folder" });
      return el("span", {}, folder, el("button", { type: "button", class: "wb-btn", "data-action": "save-as",
        onclick: () => folder.value.trim() && send({ type: "save", folder: folder.value.trim() }) }, "Save there"));
    },
  };
  function drawMessage() {
    const m = model.get("message") || {};
    msg.className = `wb-message wb-${m.level || "info"}`;
    msg.replaceChildren(el("span", { text: m.text || "" }));
    if (m.actions?.length) msg.append(el("div", { class: "wb-buttons", "data-role": "ways-out" }, m.actions.filter((a) => WAYS[a]).map((a) => WAYS[a]())));
    if (m.diff) msg.append(el("pre", { class: "wb-diff", "data-role": "diff", text: m.diff }));
  }
  function draw() {
    const phase = model.get("phase");
    root.dataset.phase = phase;
    drawOpen();
    main.hidden = legend.hidden = phase !== "review";
    drawMessage();
    bar.replaceChildren(el("strong", { text: "Review workbench" }),
      phase === "review" ? el("span", { class: "wb-folder", text: ` → ${(model.get("view") || {}).folder || ""}` }) : null,
      phase === "review" ? el("span", { class: "wb-review-id", "data-role": "review-id", text: ` · review ${(model.get("view") || {}).review || ""}` }) : null);
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
  return () => { clearTimeout(validateTimer); window.removeEventListener("beforeunload", beforeUnload); };
}

export default { render };
