// The static briefing (python -m briefing export --html): the Voilà page's browser code
// with no kernel behind it.
//
// live.mjs (select.js, marks.js, article.js, reading.js, live.js) computes the selection,
// draws the live charts, opens Details and marks the article; plotly_view.mjs draws each
// chart: the same code the Voilà page runs. Each receives a model with the widget models'
// interface (get, set, on, off, save_changes, send); the filter controls, the status
// line, Details, the article and the Read control are plain HTML elements behind such
// models. The data was written out beforehand (briefing/dashboard/static_page.py).

import live from "./live.mjs";
import view from "./plotly_view.mjs";

const SHOW_KEY = "briefing-show"; // live.js shows facts in Details posted under this key

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

async function main() {
  const [data, blob] = await Promise.all([
    fetchOk("static/briefing.json").then((r) => r.json()),
    fetchOk("static/briefing.bin").then((r) => r.arrayBuffer()),
  ]);

  // the filter controls, and the page's other parts as models: the status line, Details,
  // the article, the Read control
  const controls = Object.fromEntries(data.controls.map((spec) => [spec.name, control(spec)]));
  const box = $("briefing-controls");
  for (const c of Object.values(controls)) box.append(c.box);
  const shows = (id, initial) => {
    const model = new Model({ value: initial });
    const el = $(id);
    el.innerHTML = initial;
    model.on("change:value", () => { el.innerHTML = model.get("value"); });
    return model;
  };
  const status = shows("briefing-status", "");
  const detail = shows("briefing-detail", data.reading.placeholder);
  const article = shows("briefing-article", "");
  const read = new Model({ index: 0 });
  const readEl = $("briefing-read");
  if (readEl) {
    data.reading.read.forEach(([label], i) => {
      readEl.append(element("option", { value: String(i) }, label));
    });
    readEl.addEventListener("change", () => read.set("index", Number(readEl.value)));
    read.on("change:index", () => { readEl.value = String(read.get("index")); });
  }

  // the live selection: the same widget code as the Voilà page's LiveSelection, given the
  // reading data at once (Details, the article and clicks are all the browser's here)
  const liveModel = new Model({
    meta: data.meta, blob: new DataView(blob),
    reading: new TextEncoder().encode(JSON.stringify(data.reading)),
    focus_events: [], focus_actor: null,
    controls: { ...Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.model])),
                status, detail, article, read },
  });
  live.initialize({ model: liveModel });

  // the charts
  const views = data.views;
  for (const v of views) {
    const slot = document.querySelector(`.briefing-slot[data-view='${v.name}']`);
    if (!slot) continue;
    const el = element("div", { class: "briefing-card" });
    slot.append(el);
    const model = new Model({
      chart_id: v.name, heading: v.heading, note: v.note, live: v.live,
      figure: v.figure || {}, revision: 0, config: { displaylogo: false },
      group_size: views.length,
    });
    view.render({ model, el });
  }
  // The browser's own print dialog: Save as PDF there. Charts still waiting out of view
  // are drawn before the page prints (plotly_view.js, beforeprint).
  $("briefing-print").addEventListener("click", () => window.print());
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
    detail.set("value", data.reading.placeholder);
  });
  const mailbox = window.__briefingLive;
  for (const button of document.querySelectorAll(".briefing-kp-button")) {
    button.addEventListener("click", () => {
      const message = { ids: JSON.parse(button.dataset.ids || "[]"),
                        article: button.dataset.article || null };
      for (const fn of mailbox.listeners.get(SHOW_KEY) || []) fn(message);
    });
  }
  document.body.dataset.briefingStatic = "1";
}

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
