// The selection, computed in the browser (LiveSelection widget; this file follows
// select.js, marks.js, article.js and reading.js in one module; escapeText is article.js's).
//
// The filter controls stay ipywidgets; this reads them from their models, so a change
// recomputes the masks and the live charts here, with no kernel message between the input
// and the redrawn chart. Each live chart's figure goes to its PlotlyView through a
// page-global mailbox keyed by the view's live key; the view draws what it finds there.
// The kernel learns the selection afterwards (the controls sync as always).

const MODEL_REF = "IPY_MODEL_";
// the controls that filter (the others: the status line, Details, the article, Read)
const FILTERS = new Set(["articles", "actors", "types", "statuses", "dates", "reliability",
                         "issue"]);

function mailbox() {
  if (!window.__briefingLive) {
    window.__briefingLive = { figures: new Map(), listeners: new Map() };
  }
  return window.__briefingLive;
}

// Under this key the mailbox holds the last selection and its masks, for page code that
// follows the selection (the static page's article highlight and clicks)
const SELECTION_KEY = "briefing-selection";

// Under this key the chart views tell of a click on a mark ({chart, points}), before the
// kernel hears of it
const CLICK_KEY = "briefing-click";
// and under this one, facts to show in Details with their article ({ids, article})
const SHOW_KEY = "briefing-show";

function post(key, figure) {
  const box = mailbox();
  box.figures.set(key, figure);
  for (const fn of box.listeners.get(key) || []) fn(figure);
}

function listen(key, fn) {
  const box = mailbox();
  if (!box.listeners.has(key)) box.listeners.set(key, new Set());
  box.listeners.get(key).add(fn);
  return () => box.listeners.get(key).delete(fn);
}

// The events behind a clicked mark's customdata that the selection shows: an aggregated
// link's key names them (`meta.behind`, events_behind's table), else the ids are listed.
export function clickedIds(meta, masks, customdata) {
  if (!Array.isArray(customdata) || customdata.length < 2) return ["", []];
  const kind = String(customdata[0]);
  const ids = String(customdata[1]).split(" ").filter(Boolean);
  if (kind !== "edge" && kind !== "channel") return [kind, ids];
  const all = ((meta.behind || {})[kind] || {})[String(customdata[1])] || [];
  if (!masks) return ["events", all];
  const index = meta.index.events || [];
  const shown = new Set(index.filter((_, r) => masks.events[r]));
  return ["events", all.filter((e) => shown.has(e))];
}

async function controlModels(model) {
  const out = {};
  for (const [name, ref] of Object.entries(model.get("controls") || {})) {
    if (ref && typeof ref === "object" && typeof ref.get === "function") {
      out[name] = ref; // a front end that unpacked the reference already
      continue;
    }
    const id = String(ref).startsWith(MODEL_REF) ? String(ref).slice(MODEL_REF.length) : ref;
    out[name] = await model.widget_manager.get_model(id);
  }
  return out;
}

// The controls' values as a selection (the rules of Dashboard._on_control)
function selectionOf(controls, options) {
  const many = (name) => {
    const c = controls[name];
    if (!c) return [];
    return (c.get("index") || []).map((i) => options[name][i]).filter((x) => x != null);
  };
  const one = (name, fallback) => {
    const c = controls[name];
    const i = c ? c.get("index") : null;
    return i == null || i < 0 ? fallback : options[name][i];
  };
  let dateFrom = null;
  let dateTo = null;
  const days = options.dates || [];
  if (controls.dates && days.length) {
    const [lo, hi] = controls.dates.get("index") || [0, days.length - 1];
    if (!(lo === 0 && hi === days.length - 1)) {
      dateFrom = days[lo];
      dateTo = days[hi];
    }
  }
  return {
    articles: many("articles"), actors: many("actors"), event_types: many("types"),
    statuses: many("statuses"), date_from: dateFrom, date_to: dateTo,
    min_reliability: one("reliability", "F"), issue: one("issue", null), focus_events: [],
  };
}

const sorted = (xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const isoDay = (day) => new Date(Math.round(day * 86400000)).toISOString().slice(0, 10);

// The selection in words: Selection.describe's twin (the kernel writes the same line
// after it has heard of the change; the page says it at once)
function describe(sel, words) {
  const parts = [];
  const name = (table, id) => (table && id in table ? table[id] : id);
  if (sel.actors.length) {
    parts.push(`actors: ${sorted(sel.actors.map((a) => name(words.actors, a))).join(", ")}`);
  }
  if (sel.articles.length) {
    parts.push(`articles: ${sorted(sel.articles.map((a) => name(words.articles, a))).join("; ")}`);
  }
  if (sel.event_types.length) {
    parts.push(`event types: ${sorted(sel.event_types.map((t) => name(words.types, t))).join(", ")}`);
  }
  if (sel.statuses.length) parts.push(`status: ${sorted(sel.statuses).join(", ")}`);
  if (sel.date_from !== null || sel.date_to !== null) {
    const lo = sel.date_from !== null ? isoDay(sel.date_from) : "…";
    const hi = sel.date_to !== null ? isoDay(sel.date_to) : "…";
    parts.push(`dates ${lo} to ${hi}`);
  }
  if (sel.min_reliability !== "F") parts.push(`sources graded ${sel.min_reliability} or better`);
  if (sel.focus_events.length) parts.push(`${sel.focus_events.length} chosen event(s)`);
  return parts.length ? parts.join("; ") : "all facts";
}

function sameField(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function initialize({ model }) {
  let data = null;
  let charts = [];
  let controls = {};
  let shown = new Map(); // live key → the selection fields it was last drawn for

  const unpackAll = () => {
    const meta = model.get("meta") || {};
    const blob = model.get("blob");
    if (!meta.index || !blob || !blob.byteLength) { // not all there yet
      data = null;
      return;
    }
    const view = reader(blob);
    data = { meta: meta.index };
    for (const [name, ref] of Object.entries(meta.arrays || {})) data[name] = view(ref);
    charts = (meta.charts || []).map((c) => ({ key: c.key, issue: c.issue, figure: c.figure,
                                               rules: unpack(c.rules, view) }));
    shown = new Map();
  };

  // Details and the article in the browser, once the kernel sent the reading data
  // (reading.js; the kernel sets the same values when it hears of the change)
  let reading = null;
  let lastSel = null;
  // a click that came before the reading data: done once it is here, not lost
  let waiting = null;
  const withReading = (act) => {
    if (reading) act(reading);
    else waiting = act;
  };
  const setValue = (m, value) => {
    if (!m || m.get("value") === value) return;
    m.set("value", value);
    m.save_changes();
  };
  const unpackReading = () => {
    const bytes = model.get("reading");
    if (!bytes || !bytes.byteLength || !controls.detail) return;
    const text = new TextDecoder().decode(bytes instanceof ArrayBuffer ? bytes
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const given = JSON.parse(text);
    const ids = given.read.map(([, id]) => id);
    const readIndex = () => (controls.read ? controls.read.get("index") : 0);
    let shown = null; // the article shown, until the Read control says it too
    // The Read control follows the article shown (a kernel that hears of it draws no
    // article of its own while the browser draws them: Dashboard._browser_draws)
    reading = readingOf(given, {
      detail: (html) => setValue(controls.detail, html),
      article: (html) => setValue(controls.article, html),
      choose: (id) => {
        shown = id;
        if (controls.read && ids.indexOf(id) >= 0 && readIndex() !== ids.indexOf(id)) {
          controls.read.set("index", ids.indexOf(id));
          controls.read.save_changes();
        }
      },
      current: () => shown ?? ids[readIndex()] ?? (given.articles[0] || {}).id,
    });
    if (controls.read) {
      controls.read.on("change:index", () => { shown = ids[readIndex()]; reading.draw(); });
    }
    if (lastSel && last) reading.follow(lastSel, last);
    if (waiting) {
      const act = waiting;
      waiting = null;
      act(reading);
    }
    document.body.dataset.briefingReading = "1"; // clicks open Details here now
  };

  const recompute = () => {
    if (!data) return;
    const sel = selectionOf(controls, (model.get("meta") || {}).options || {});
    // a clicked link's events, and a clicked node (set here on the click; the kernel sets
    // the same when it hears of it, or from code)
    sel.focus_events = model.get("focus_events") || [];
    sel.focus_actor = model.get("focus_actor") || null; // a click on a network node
    const m = masks(data, sel);
    last = m;
    lastSel = sel;
    if (reading) reading.follow(sel, m);
    let drawn = 0;
    for (const c of charts) {
      // a chart drawn per issue: the rules of the chosen issue
      if (c.issue != null && c.issue !== sel.issue) continue;
      // a chart is drawn again only when a selection field its rules read changed
      const reads = Object.fromEntries(c.rules.reads.map((f) => [f, sel[f]]));
      if (shown.has(c.key) && sameField(shown.get(c.key), reads)) continue;
      shown.set(c.key, reads);
      post(c.key, applyRules(c.figure, c.rules, m, sel.focus_actor));
      drawn += 1;
    }
    post(SELECTION_KEY, { sel, masks: m });
    let n = 0;
    for (let e = 0; e < m.events.length; e += 1) n += m.events[e];
    document.body.dataset.briefingLiveEvents = String(n);
    const status = controls.status;
    const words = (model.get("meta") || {}).words;
    if (status && words) {
      const line = `<span class='briefing-showing'>Showing ${n} of ${m.events.length} events`
        + ` — ${escapeText(describe(sel, words))}</span>`;
      if (status.get("value") !== line) {
        status.set("value", line);
        status.save_changes();
      }
    }
    return drawn;
  };

  // A click on the network or the map focuses at once (Dashboard._clicked's rules); the
  // kernel hears of the click and sets the same values, with no change.
  let last = null; // the masks last drawn
  const setTrait = (name, value) => {
    model.set(name, value);
    model.save_changes();
  };
  const onClick = ({ chart, points }) => {
    const point = (points || [])[0];
    if (!point || !data) return;
    const [kind, ids] = clickedIds(model.get("meta") || {}, last, point.customdata);
    if (kind === "actor" && chart === "network" && ids.length) {
      setTrait("focus_actor", model.get("focus_actor") === ids[0] ? null : ids[0]);
    } else if (kind === "events" && (chart === "network" || chart === "geo_map")) {
      setTrait("focus_events", [...ids].sort());
    }
    const at = last;
    withReading((r) => r.clicked(kind, ids, at));
  };
  // a control change drops a clicked link's events (Dashboard._on_control)
  const onControl = () => {
    if ((model.get("focus_events") || []).length) {
      model.set("focus_events", []); // redraws, with the control's new value
      model.save_changes();
    } else {
      recompute();
    }
  };
  const unlisten = listen(CLICK_KEY, onClick);
  // a key point's "evidence" (an ipywidgets button of class briefing-kp-<page>-<n>): its
  // facts in Details at once; the kernel hears the click and sets the same
  const onKeyPoint = (event) => {
    const meta = model.get("meta") || {};
    const button = event.target && event.target.closest && event.target.closest(".briefing-kp-button");
    if (!button || !meta.page_key) return;
    const prefix = `briefing-kp-${meta.page_key}-`;
    const cls = [...button.classList].find((c) => c.startsWith(prefix));
    const point = cls ? (meta.key_points || [])[Number(cls.slice(prefix.length))] : null;
    if (point) withReading((r) => r.show(point[0], point[1]));
  };
  document.addEventListener("click", onKeyPoint, true);
  // Reset (an ipywidgets button of class briefing-reset-<page>) empties Details here at
  // once, as Dashboard.reset does: a Details value still held back by the widget's
  // message throttle is replaced, not sent after the kernel's reset
  const onReset = (event) => {
    const meta = model.get("meta") || {};
    const button = event.target && event.target.closest && event.target.closest("button");
    if (!button || !meta.page_key || !button.classList.contains(`briefing-reset-${meta.page_key}`)) return;
    waiting = null; // a key point clicked before the reading data no longer opens
    if (reading) reading.placeholder();
  };
  document.addEventListener("click", onReset, true);
  // a key point's evidence, when the page handles it here (the static page)
  const unlistenShow = listen(SHOW_KEY, ({ ids, article }) => {
    withReading((r) => r.show(ids, article || null));
  });

  const ready = (async () => {
    unpackAll();
    controls = await controlModels(model);
    for (const [k, c] of Object.entries(controls)) {
      if (FILTERS.has(k)) c.on("change:index", onControl);
    }
    recompute();
    if (model.get("reading") && model.get("reading").byteLength) unpackReading();
    else {
      // asked for once the page is drawn: not on its way
      const ask = () => model.send({ type: "need-reading" });
      if (document.body.hasAttribute("data-briefing-ready")) ask();
      else window.addEventListener("briefing-ready", ask, { once: true });
    }
  })();
  ready.catch((err) => console.error("briefing: the live selection failed", err));
  model.on("change:focus_events", recompute);
  model.on("change:focus_actor", recompute);
  const reload = () => {
    try {
      unpackAll();
      recompute();
    } catch (err) {
      console.error("briefing: the live selection failed", err);
    }
  };
  model.on("change:reading", () => {
    try {
      unpackReading();
    } catch (err) {
      console.error("briefing: the reading data could not be read", err);
    }
  });
  model.on("change:meta", reload);
  model.on("change:blob", reload);
  return () => {
    unlisten();
    unlistenShow();
    document.removeEventListener("click", onKeyPoint, true);
    document.removeEventListener("click", onReset, true);
    for (const [k, c] of Object.entries(controls)) if (FILTERS.has(k)) c.off("change:index", onControl);
  };
}

function render({ el }) {
  el.style.display = "none"; // nothing to see: it only computes
}

export default { initialize, render };
