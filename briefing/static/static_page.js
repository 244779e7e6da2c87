// The static briefing (python -m briefing export --html): the Voilà page's browser code
// with no kernel behind it.
//
// live.mjs (select.js, marks.js, live.js) computes the selection and draws the live
// charts, plotly_view.mjs draws each chart, article.mjs marks the article: the same code
// the Voilà page runs. Each receives a model with the widget models' interface (get, set,
// on, off, save_changes, send); the filter controls are plain HTML elements behind such
// models. What the kernel does on the Voilà page — Details, the article highlight, clicks
// — is done here from data written out beforehand (briefing/dashboard/static_page.py).

import live, { clickedIds } from "./live.mjs";
import view from "./plotly_view.mjs";
import { articleHtml } from "./article.mjs";

const SELECTION_KEY = "briefing-selection"; // live.js's mailbox key for the selection
const MAX_CARDS = 12; // facts shown at once in Details (Dashboard._show)

class Model {
  constructor(state, onSend = null) {
    this.state = { ...state };
    this.handlers = new Map();
    this.onSend = onSend;
  }

  get(name) { return this.state[name]; }

  set(name, value) {
    if (JSON.stringify(this.state[name]) === JSON.stringify(value)) return;
    this.state[name] = value;
    for (const fn of [...(this.handlers.get(`change:${name}`) || [])]) fn();
  }

  on(event, fn) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(fn);
  }

  off(event, fn) {
    const fns = this.handlers.get(event);
    if (fns) fns.delete(fn);
  }

  save_changes() {} // nothing to sync: there is no kernel

  send(message) { if (this.onSend) this.onSend(message); }
}

const $ = (id) => document.getElementById(id);

function element(tag, attrs = {}, text = "") {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
}

// ---- the filter controls: HTML elements behind models with an `index` ----------------

function control(spec) {
  const model = new Model({ index: spec.index });
  const box = element("div", { class: `briefing-control briefing-control-${spec.kind}` });
  const id = `briefing-control-${spec.name}`;
  box.append(element("label", { for: id }, spec.label));
  const select = (attrs, chosen) => {
    const el = element("select", attrs);
    spec.options.forEach((label, i) => {
      const option = element("option", { value: String(i) }, label);
      option.selected = chosen(i);
      el.append(option);
    });
    return el;
  };
  if (spec.kind === "many") {
    const el = select({ id, multiple: "", size: String(spec.rows || 6) },
                      (i) => (spec.index || []).includes(i));
    el.addEventListener("change", () => {
      model.set("index", [...el.selectedOptions].map((o) => Number(o.value)));
    });
    model.on("change:index", () => {
      const chosen = new Set(model.get("index"));
      for (const o of el.options) o.selected = chosen.has(Number(o.value));
    });
    box.append(el);
  } else if (spec.kind === "one") {
    const el = select({ id }, (i) => i === spec.index);
    el.addEventListener("change", () => model.set("index", Number(el.value)));
    model.on("change:index", () => { el.value = String(model.get("index")); });
    box.append(el);
  } else { // a date range: from, to
    const [lo, hi] = spec.index;
    const from = select({ id, "aria-label": "from" }, (i) => i === lo);
    const to = select({ "aria-label": "to" }, (i) => i === hi);
    const changed = () => {
      let a = Number(from.value);
      let b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      model.set("index", [a, b]);
    };
    from.addEventListener("change", changed);
    to.addEventListener("change", changed);
    model.on("change:index", () => {
      const [a, b] = model.get("index");
      from.value = String(a);
      to.value = String(b);
    });
    box.append(from, element("span", { class: "briefing-note" }, " to "), to);
  }
  return { spec, model, box };
}

// ---- the page --------------------------------------------------------------------------

async function fetchOk(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response;
}

function filtersFacts(sel) {
  return !!(sel.actors.length || sel.articles.length || sel.event_types.length
    || sel.statuses.length || sel.date_from !== null || sel.date_to !== null
    || sel.min_reliability !== "F" || sel.focus_events.length);
}

async function main() {
  const [data, blob] = await Promise.all([
    fetchOk("static/briefing.json").then((r) => r.json()),
    fetchOk("static/briefing.bin").then((r) => r.arrayBuffer()),
  ]);

  // controls
  const controls = Object.fromEntries(data.controls.map((spec) => [spec.name, control(spec)]));
  const box = $("briefing-controls");
  for (const c of Object.values(controls)) box.append(c.box);
  const statusEl = $("briefing-status");
  const status = new Model({ value: "" });
  status.on("change:value", () => { statusEl.innerHTML = status.get("value"); });

  // the live selection: the same widget code as the Voilà page's LiveSelection
  const liveModel = new Model({
    meta: data.meta, blob: new DataView(blob), focus_events: [], focus_actor: null,
    controls: { ...Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.model])),
                status },
  });
  let selection = null;
  const box2 = window.__briefingLive || (window.__briefingLive = {
    figures: new Map(), listeners: new Map() });
  if (!box2.listeners.has(SELECTION_KEY)) box2.listeners.set(SELECTION_KEY, new Set());

  // Details and the article
  const detailEl = $("briefing-detail");
  const articleEl = $("briefing-article");
  const readEl = $("briefing-read");
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  let articleId = data.read.length ? data.read[0][1] : (data.articles[0] || {}).id;
  let highlight = new Set();
  const drawArticle = () => {
    articleEl.innerHTML = articleHtml(articles.get(articleId), highlight);
  };
  if (readEl) {
    for (const [label, id] of data.read) readEl.append(element("option", { value: id }, label));
    readEl.addEventListener("change", () => { articleId = readEl.value; drawArticle(); });
  }
  const read = (id) => {
    if (!id || !articles.has(id)) return;
    articleId = id;
    if (readEl) readEl.value = id;
    drawArticle();
  };
  const placeholder = () => { detailEl.innerHTML = data.placeholder; };
  placeholder();

  const show = (ids, article = null) => {
    const unique = [...new Set(ids)];
    const cards = unique.filter((i) => i in data.cards).slice(0, MAX_CARDS);
    const more = unique.length - MAX_CARDS;
    detailEl.innerHTML = cards.map((i) => data.cards[i]).join("")
      + (more > 0 ? `<p class='briefing-note'>and ${more} more</p>` : "") || data.placeholder;
    // their evidence; the article: the given one, else that of their first evidence
    const wanted = new Set(unique);
    let from = article;
    let first = Infinity;
    const evidence = [];
    for (const a of data.articles) {
      for (const [row, id, fact] of a.evidence) {
        if (!wanted.has(fact)) continue;
        evidence.push(id);
        if (article === null && row < first) [first, from] = [row, a.id];
      }
    }
    if (from !== null) {
      highlight = new Set(evidence);
      read(from);
    }
  };

  const showSource = (id) => {
    const src = data.sources[id];
    if (!src) { placeholder(); return; }
    const shown = selection ? src.events.filter((r) => selection.masks.events[r]) : src.events;
    const items = shown.slice(0, data.source_events_listed)
      .map((r) => `<li>${escapeHtml(data.summaries[r])}</li>`).join("");
    detailEl.innerHTML = `${src.head}<p>${shown.length} events in view rest on it:</p>`
      + `<ul>${items}</ul></div>`;
  };

  // the selection's evidence marks the article, as the kernel's _render does
  box2.listeners.get(SELECTION_KEY).add((state) => {
    selection = state;
    const ev = new Set();
    if (filtersFacts(state.sel)) {
      for (const a of data.articles) {
        for (const e of a.evidence) if (state.masks.evidence[e[0]]) ev.add(e[1]);
      }
    }
    highlight = ev;
    const chosen = state.sel.articles;
    if (chosen.length && !chosen.includes(articleId)) read([...chosen].sort()[0]);
    else drawArticle();
  });

  // clicks: Details and the article (Dashboard._clicked); live.js has drawn the focus
  const clicked = (points) => {
    for (const point of points.slice(0, 1)) {
      const [kind, ids] = clickedIds(data.meta, selection && selection.masks,
                                          point.customdata);
      if (kind === "source") showSource(ids[0]);
      else if (kind === "state") placeholder();
      else if (ids.length) show(ids);
    }
  };

  live.initialize({ model: liveModel });

  // the charts
  const views = data.views;
  const models = {};
  for (const v of views) {
    const slot = document.querySelector(`.briefing-slot[data-view='${v.name}']`);
    if (!slot) continue;
    const el = element("div", { class: "briefing-card" });
    slot.append(el);
    const model = new Model({
      chart_id: v.name, heading: v.heading, note: v.note, live: v.live,
      figure: v.figure || {}, revision: 0, config: { displaylogo: false },
      group_size: views.length,
    }, (msg) => { if (msg && msg.type === "click") clicked(msg.points || []); });
    models[v.name] = { model, spec: v };
    view.render({ model, el });
  }
  if (controls.issue && models.positions && models.positions.spec.by_issue) {
    const { model, spec } = models.positions;
    const issues = data.meta.options.issue || [];
    controls.issue.model.on("change:index", () => {
      const figure = spec.by_issue[issues[controls.issue.model.get("index")]];
      if (figure) {
        model.set("figure", figure);
        model.set("revision", model.get("revision") + 1);
      }
    });
  }

  $("briefing-reset").addEventListener("click", () => {
    liveModel.state.focus_actor = null;
    for (const c of Object.values(controls)) {
      if (c.spec.name === "issue") continue;
      const n = c.spec.options.length;
      const idle = { many: [], range: [0, Math.max(n - 1, 0)], one: 0 }[c.spec.kind];
      c.model.set("index", idle);
    }
    liveModel.set("focus_events", []);
    liveModel.set("focus_actor", null);
    placeholder();
  });
  for (const button of document.querySelectorAll(".briefing-kp-button")) {
    button.addEventListener("click", () => {
      show(JSON.parse(button.dataset.ids || "[]"), button.dataset.article || null);
    });
  }
  document.body.dataset.briefingStatic = "1";
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);

main().catch((err) => {
  console.error("briefing: the static page failed", err);
  const statusEl = $("briefing-status");
  if (statusEl) {
    statusEl.innerHTML = "";
    statusEl.append(element("span", { class: "briefing-error" },
      "This briefing could not be loaded: its data files are missing or damaged. "
      + "Publish the whole folder written by `python -m briefing export --html`."));
  }
});
