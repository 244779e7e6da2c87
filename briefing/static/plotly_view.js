// PlotlyView front end (anywidget ESM). Draws model.figure with plotly.js.
//
// plotly.js: used from window.Plotly when the page already has it (the briefing Voila
// template loads it from the server as a static file, script id "briefing-plotly", after
// the page's load event; window.__briefingPlotly settles when it ran);
// otherwise (JupyterLab) the kernel is asked once per page for the library text.
// Readiness: page-global set of drawn chart ids; when it reaches group_size the body gets
// data-briefing-ready. Each (re)draw sets data-briefing-rev on the view element.

const PLOTLY_SCRIPT_ID = "briefing-plotly";
const GEO_TRACE_TYPES = new Set(["scattergeo", "choropleth"]);
const POINT_KEYS = [
  "curveNumber", "pointNumber", "pointIndex", "customdata", "x", "y", "z",
  "lat", "lon", "location", "label", "value", "text",
];
const SCRIPT_WAIT_MS = 30000;
const CLICK_KEY = "briefing-click"; // live.js listens under this key

function pageState() {
  if (!window.__briefingCharts) {
    window.__briefingCharts = {
      drawn: new Set(),
      expected: 0,
      views: new Set(),
      pending: 0,
      plotly: null,
      geo: new Map(),
    };
  }
  return window.__briefingCharts;
}

// ---- plotly.js -----------------------------------------------------------------------

function plotlyFromPage() {
  if (window.__briefingPlotly && !window.Plotly) {
    // the briefing template loads plotly.js after the page's load event
    return window.__briefingPlotly.then(() => {
      if (!window.Plotly) throw new Error("plotly.js script ran but did not define Plotly");
      return window.Plotly;
    });
  }
  return new Promise((resolve, reject) => {
    if (window.Plotly) return resolve(window.Plotly);
    const tag = document.getElementById(PLOTLY_SCRIPT_ID);
    if (!tag || tag.dataset.failed) return reject(new Error("plotly.js not on the page"));
    let timer = null;
    const finish = () => {
      clearTimeout(timer);
      if (window.Plotly) resolve(window.Plotly);
      else reject(new Error("plotly.js script ran but did not define Plotly"));
    };
    tag.addEventListener("load", finish, { once: true });
    tag.addEventListener("error", () => {
      clearTimeout(timer);
      reject(new Error("plotly.js script failed to load"));
    }, { once: true });
    // the load event may already have fired before we got here
    if (tag.dataset.loaded) finish();
    else timer = setTimeout(finish, SCRIPT_WAIT_MS);
  });
}

function plotlyFromKernel(model) {
  return new Promise((resolve, reject) => {
    const onMsg = (msg) => {
      if (!msg || msg.type !== "plotly-lib") return;
      model.off("msg:custom", onMsg);
      if (!window.Plotly && typeof msg.source === "string") {
        const script = document.createElement("script");
        script.textContent = msg.source;
        script.dataset.briefing = "plotly-from-kernel";
        document.head.appendChild(script);
      }
      if (window.Plotly) resolve(window.Plotly);
      else reject(new Error("plotly.js from the kernel did not define Plotly"));
    };
    model.on("msg:custom", onMsg);
    model.send({ type: "need-plotly" });
  });
}

function loadPlotly(model) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  const state = pageState();
  if (!state.plotly) {
    state.plotly = plotlyFromPage().catch(() => plotlyFromKernel(model));
    state.plotly.catch(() => { state.plotly = null; }); // allow a later retry
  }
  return state.plotly;
}

// ---- geo topojson (never from a CDN) -------------------------------------------------

function voilaStaticBase() {
  // Voila pages carry data-base-url="<base>voila/" on <body>
  const base = document.body && document.body.dataset.baseUrl;
  return base ? base.replace(/\/?$/, "/") + "static/" : null;
}

function topojsonNames(figure) {
  const data = figure.data || [];
  if (!data.some((t) => t && GEO_TRACE_TYPES.has(t.type))) return [];
  const layout = figure.layout || {};
  const names = new Set();
  const nameOf = (geo) => {
    const scope = String((geo && geo.scope) || "world").replace(/ /g, "-");
    return `${scope}_${(geo && geo.resolution) || 110}m`;
  };
  for (const trace of data) {
    if (!trace || !GEO_TRACE_TYPES.has(trace.type)) continue;
    const key = trace.geo || "geo";
    names.add(nameOf(layout[key]));
  }
  return [...names];
}

function topojsonFromKernel(model, name) {
  return new Promise((resolve) => {
    const onMsg = (msg) => {
      if (!msg || msg.type !== "topojson" || msg.name !== name) return;
      model.off("msg:custom", onMsg);
      resolve(typeof msg.source === "string" ? JSON.parse(msg.source) : null);
    };
    model.on("msg:custom", onMsg);
    model.send({ type: "need-topojson", name });
  });
}

async function fetchTopojson(model, name) {
  const base = voilaStaticBase();
  if (base) {
    try {
      const response = await fetch(`${base}${name}.json`, { credentials: "same-origin" });
      if (response.ok) return await response.json();
    } catch (err) {
      // fall through to the kernel
    }
  }
  return topojsonFromKernel(model, name);
}

async function ensureTopojson(model, figure) {
  const names = topojsonNames(figure);
  if (!names.length) return;
  window.PlotlyGeoAssets = window.PlotlyGeoAssets || {};
  window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};
  const assets = window.PlotlyGeoAssets.topojson;
  const state = pageState();
  await Promise.all(names.map(async (name) => {
    if (assets[name]) return;
    if (!state.geo.has(name)) state.geo.set(name, fetchTopojson(model, name));
    const topo = await state.geo.get(name);
    if (topo) assets[name] = topo;
  }));
}

// ---- readiness -----------------------------------------------------------------------

function markDrawn(chartId, groupSize, el) {
  el.setAttribute("data-briefing-drawn", "");
  markReady(chartId, groupSize, el);
}

// A view counts as ready when drawn, or (a live chart out of view at first) when left to be
// drawn as it comes near the viewport (it carries data-briefing-stale until then).
function markReady(chartId, groupSize, el) {
  const state = pageState();
  state.drawn.add(chartId);
  state.views.add(el);
  state.expected = Math.max(state.expected, groupSize || 1);
  if (state.drawn.size < state.expected) return;
  const first = !document.body.hasAttribute("data-briefing-ready");
  document.body.setAttribute("data-briefing-ready", "");
  for (const view of state.views) {
    if (view.isConnected) view.setAttribute("data-briefing-ready", "");
    else state.views.delete(view);
  }
  if (first) window.dispatchEvent(new CustomEvent("briefing-ready"));
}

// While any view has a redraw queued or running, <body> carries data-briefing-drawing:
// tests and the benchmark wait for it to go away after an interaction. A redraw whose end
// never came (no redraw began or ended for STUCK_MS) stops counting, with a warning in the
// console, so a lost end cannot leave the page "drawing" for ever; what the charts show is
// then what waiters check.
const STUCK_MS = 30000;

function drawing(delta, what) {
  const state = pageState();
  state.pending = Math.max(0, state.pending + delta);
  // what is open, by kind (named in the warning): "fit", "live", "redraw", "resize"
  const open = state.open || (state.open = {});
  open[what] = Math.max(0, (open[what] || 0) + delta);
  state.drawingAt = Date.now();
  if (document.body) document.body.toggleAttribute("data-briefing-drawing", state.pending > 0);
  if (state.pending > 0 && !state.drawingWatch) {
    const watch = () => {
      state.drawingWatch = null;
      if (state.pending <= 0) return;
      const quiet = Date.now() - state.drawingAt;
      if (quiet < STUCK_MS) {
        state.drawingWatch = setTimeout(watch, STUCK_MS - quiet);
        return;
      }
      const kinds = Object.entries(state.open).filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`).join(", ");
      console.warn(`briefing: redraws never ended (${kinds}); no longer counted`);
      state.pending = 0;
      state.open = {};
      if (document.body) document.body.removeAttribute("data-briefing-drawing");
    };
    state.drawingWatch = setTimeout(watch, STUCK_MS);
  }
}

// ---- clicks --------------------------------------------------------------------------

function plainValue(value) {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch (err) {
    return null;
  }
}

function clickPoints(event) {
  return (event && event.points ? event.points : []).map((point) => {
    const out = {};
    for (const key of POINT_KEYS) {
      const value = plainValue(point[key]);
      if (value !== undefined) out[key] = value;
    }
    if (!("customdata" in out)) out.customdata = null;
    return out;
  });
}

// ---- the view ------------------------------------------------------------------------

// Never offered, whatever the figure's config says: nothing leaves our server.
const FORCED_CONFIG = {
  showSendToCloud: false,
  plotlyServerURL: "",
};

function plotConfig(model) {
  const config = Object.assign(
    // (not plotly's `responsive`: its window-resize redraw, on a timer of its own, could
    // land after a chart's labels were fitted; the view's ResizeObserver resizes the plot
    // whenever its box changes width, and that redraw counts as drawing)
    { displaylogo: false, responsive: false },
    model.get("config") || {},
    FORCED_CONFIG,
  );
  const remove = new Set(config.modeBarButtonsToRemove || []);
  remove.add("sendChartToCloud");
  config.modeBarButtonsToRemove = [...remove];
  if (!config.topojsonURL) {
    // keep plotly.js on our own server even when an asset is missing
    config.topojsonURL = voilaStaticBase() || "./";
  }
  return config;
}

// On a phone a chart is ~350 px wide: a legend on its right would take half of it. On a
// narrow screen (the same width as dashboard.css's phone layout) the legend goes under the
// plot, in a bottom margin added for it, so the plot keeps its size. Only the drawn copy
// changes; the model's figure stays as sent. The screen, not the element, decides: an
// element's width can dip while the page lays out, and a desktop chart must not flip.
const NARROW_SCREEN = "(max-width: 640px)";
const narrowScreen = () => !!(window.matchMedia && window.matchMedia(NARROW_SCREEN).matches);
const LEGEND_BELOW_PX = 150;
const COLORBAR_PX = 90;

// A network on a phone cannot name its actors: a trace that asks for it (`meta.narrow`
// "ranked") is drawn as a ranked list instead, the busiest first, as bars that keep the
// nodes' colours, hover and clicks.
const RANKED_ROWS = 15;

function rankedList(figure) {
  const nodes = (figure.data || []).find((t) => t && t.meta && t.meta.narrow === "ranked");
  if (!nodes) return null;
  const rank = nodes.meta.label_rank || [];
  const activity = nodes.meta.activity || [];
  const pick = (arr, i) => (Array.isArray(arr) ? arr[i] : arr);
  const isActor = (i) => { const c = pick(nodes.customdata, i); return !c || c[0] === "actor"; };
  // the nodes the selection shows (a hidden one has no place), busiest first now
  const shown = (i) => isActor(i) && pick(nodes.x, i) != null;
  const order = [...Array((nodes.x || []).length).keys()].filter(shown)
    .sort((a, b) => (activity[b] || 0) - (activity[a] || 0) || (rank[a] ?? a) - (rank[b] ?? b))
    .slice(0, RANKED_ROWS);
  const marker = nodes.marker || {};
  const bars = {
    type: "bar", orientation: "h", showlegend: false,
    y: order.map((i) => pick(nodes.text, i)), x: order.map((i) => activity[i] || 0),
    text: order.map((i) => String(activity[i] || 0)), textposition: "outside",
    cliponaxis: false, marker: { color: order.map((i) => pick(marker.color, i)) },
    customdata: order.map((i) => pick(nodes.customdata, i)),
    hovertext: order.map((i) => pick(nodes.hovertext, i)),
    hovertemplate: nodes.hovertemplate,
  };
  const layout = Object.assign({}, figure.layout || {}, {
    height: 90 + 26 * order.length, showlegend: false, annotations: [{
      text: "The most active actors, by events (the network needs a wider screen)",
      showarrow: false, xref: "paper", yref: "paper", x: 0, y: 1, xanchor: "left",
      yanchor: "bottom", font: { size: 11, color: "#666" },
    }],
    margin: { l: 10, r: 30, t: 30, b: 30 },
    xaxis: { fixedrange: true, showgrid: true, gridcolor: "#eee", visible: true },
    // every row named: plotly thins category ticks on an axis it finds short (as it may
    // while the box is still growing), and the busiest would lose their names
    yaxis: { autorange: "reversed", automargin: true, fixedrange: true, visible: true,
             type: "category", tickmode: "linear", tick0: 0, dtick: 1 },
  });
  return Object.assign({}, figure, { data: [bars], layout });
}

function fitNarrow(figure, narrow) {
  if (!narrow) return figure;
  const ranked = rankedList(figure);
  if (ranked) return ranked;
  for (const t of figure.data || []) {
    const bar = t && ((t.marker && t.marker.colorbar) || t.colorbar);
    if (bar && bar.orientation === "h") {
      bar.len = 1;
      bar.title = Object.assign({}, bar.title || {}, { font: { size: 10 } });
    }
  }
  const data = figure.data || [];
  const layout = Object.assign({}, figure.layout || {});
  const legendShown = layout.showlegend !== false
    && data.some((t) => t && t.showlegend !== false && t.name);
  if (!legendShown) return figure;
  // a colour bar drawn under the plot keeps its place; the legend goes below it
  const colorbar = data.some((t) => t && ((t.colorbar && t.showscale !== false)
    || (t.marker && t.marker.colorbar && t.marker.showscale !== false)));
  const below = LEGEND_BELOW_PX + (colorbar ? COLORBAR_PX : 0);
  const height = Number(layout.height) || 450;
  const margin = Object.assign({ t: 40, b: 40 }, layout.margin || {});
  const plotHeight = Math.max(120, height - margin.t - margin.b);
  margin.b += below;
  margin.r = Math.min(margin.r === undefined ? 20 : margin.r, 20);
  layout.margin = margin;
  layout.height = height + below;
  layout.legend = Object.assign({}, layout.legend || {}, {
    orientation: "h", x: 0, xanchor: "left", y: -(60 + (colorbar ? COLORBAR_PX : 0)) / plotHeight,
    yanchor: "top", xref: "paper", yref: "paper", // a legend pinned to the container moves too
  });
  return Object.assign({}, figure, { layout });
}

// <labels> (also inlined into the print page by briefing/printout.py: plain script)
// ---- labels: the figure says where, this decides which are shown ------------------------
//
// plotly.js draws every text where the figure puts it and never checks two against each
// other: at 25 articles names piled up. After each draw the chart's texts are taken in
// priority order and a text that would overlap one already kept, or run outside the figure,
// is moved inside (a data label at the edge) or hidden; hover and Details keep the full
// names. Titles, annotations and legends always stay; then the data labels the chart marks
// as must-keep; then axis ticks; then the other data labels, most important first. A chart
// gives its data labels' priority per point in `trace.meta.label_rank` (0 = most important)
// and the number that must stay in `trace.meta.label_keep`.
const LABEL_SLACK = 1; // px; tests/browser/labels.py counts an overlap beyond 1.5 px
const FIXED_TEXT = ".gtitle, .g-xtitle text, .g-ytitle text, .annotation text, .legendtext,"
  + " .legendtitletext, .cbtitle text, .cbaxis text, .colorbar text";
const TICK_TEXT = ".xtick text, .ytick text, .xtick2 text, .ytick2 text";

function pointOf(el) {
  // (trace meta, point index) of a data label, from plotly's own data binding on the DOM
  const group = el.closest(".textpoint, .point, g");
  const traceEl = el.closest(".trace");
  const cd = traceEl && traceEl.__data__;
  const full = cd && cd[0] && cd[0].trace;
  const meta = full ? ((full._input || full).meta || {}) : {};
  let index = group && group.__data__ && Number.isInteger(group.__data__.i) ? group.__data__.i : -1;
  if (index < 0 && group && group.parentNode) index = [...group.parentNode.children].indexOf(group);
  return { meta, index };
}

function boxesOverlap(a, b, slack) {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
}

// A legend, colour bar or note that runs below the figure (a phone's narrow legend wraps
// into more rows than the margin was given) makes the figure taller, once per draw.
async function growToFit(Plotly, plot) {
  const fig = plot.getBoundingClientRect();
  let bottom = fig.bottom;
  for (const el of plot.querySelectorAll(".legend .bg, .colorbar, .annotation, .infolayer text")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.height) bottom = Math.max(bottom, r.bottom);
  }
  const extra = Math.ceil(bottom - fig.bottom);
  if (extra <= 1) return false;
  const layout = plot.layout || {};
  const height = (Number(layout.height) || fig.height) + extra + 8;
  const margin = layout.margin || {};
  plot.style.height = `${height}px`;
  await Plotly.relayout(plot, { height, "margin.b": (Number(margin.b) || 0) + extra + 8 });
  return true;
}

function outside(box, fig) {
  return box.left < fig.left - LABEL_SLACK || box.right > fig.right + LABEL_SLACK
    || box.top < fig.top - LABEL_SLACK || box.bottom > fig.bottom + LABEL_SLACK;
}

const SVG_NS = "http://www.w3.org/2000/svg";

// A thin line from a point (just above its label's first place) to where the label went.
function leaderLine(el, bb, dx, dy) {
  const x0 = bb.x + bb.width / 2, y0 = bb.y - 2;
  const left = bb.x + dx, top = bb.y + dy;
  const x1 = Math.min(Math.max(x0, left), left + bb.width);
  const y1 = Math.min(Math.max(y0, top), top + bb.height);
  const line = document.createElementNS(SVG_NS, "line");
  line.setAttribute("class", "briefing-leader");
  for (const [k, v] of [["x1", x0], ["y1", y0], ["x2", x1], ["y2", y1]]) line.setAttribute(k, v);
  line.setAttribute("stroke", "#888");
  line.setAttribute("stroke-width", "0.8");
  el.parentNode.insertBefore(line, el);
}

function declutter(plot) {
  for (const line of plot.querySelectorAll(".briefing-leader")) line.remove();
  for (const el of plot.querySelectorAll("text[data-briefing-hidden]")) {
    el.style.display = "";
    el.removeAttribute("data-briefing-hidden");
  }
  for (const el of plot.querySelectorAll("text[data-briefing-moved]")) {
    el.setAttribute("transform", el.getAttribute("data-briefing-moved"));
    if (!el.getAttribute("transform")) el.removeAttribute("transform");
    el.removeAttribute("data-briefing-moved");
  }
  const fig = plot.getBoundingClientRect();
  if (!fig.width) return;
  const layout = plot.layout || {};
  const fixed = new Set(plot.querySelectorAll(FIXED_TEXT));
  const ticks = new Set(plot.querySelectorAll(TICK_TEXT));
  const items = [];
  let order = 0;
  for (const el of plot.querySelectorAll("text")) {
    if (el.closest(".hoverlayer") || !el.textContent.trim()) continue;
    order += 1;
    if (fixed.has(el)) {
      // an annotation named "optional…" (a marker's caption) gives way like a tick
      const ann = el.closest(".annotation");
      const index = ann ? Number(ann.getAttribute("data-index")) : -1;
      const spec = index >= 0 ? ((layout.annotations || [])[index] || {}) : {};
      const optional = String(spec.name || "").startsWith("optional");
      const movable = !!el.closest(".annotation, .g-xtitle, .g-ytitle, .gtitle");
      items.push({ el, tier: optional ? 2 : 0, rank: order, movable });
      continue;
    }
    if (ticks.has(el)) { items.push({ el, tier: 2, rank: order }); continue; }
    const { meta, index } = pointOf(el);
    const ranks = meta.label_rank;
    const rank = Array.isArray(ranks) && index >= 0 && index < ranks.length ? ranks[index] : 1e6 + order;
    const keep = Number(meta.label_keep) || 0;
    items.push({ el, tier: rank < keep ? 1 : 3, rank, data: true, leader: !!meta.leader });
  }
  items.sort((a, b) => a.tier - b.tier || a.rank - b.rank);
  const kept = [];
  for (const item of items) {
    let box = item.el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    if (item.data || item.movable) {
      // a data label, note or axis title running out of the figure is moved back in, as
      // far as it ran out
      const dx = Math.max(0, fig.left + 2 - box.left) - Math.max(0, box.right - (fig.right - 2));
      const dy = Math.max(0, fig.top + 2 - box.top) - Math.max(0, box.bottom - (fig.bottom - 2));
      if (dx || dy) {
        const before = item.el.getAttribute("transform") || "";
        item.el.setAttribute("data-briefing-moved", before);
        item.el.setAttribute("transform", `translate(${dx},${dy}) ${before}`.trim());
        box = item.el.getBoundingClientRect();
      }
    }
    let out = outside(box, fig);
    let hit = kept.some((k) => boxesOverlap(k, box, LABEL_SLACK));
    if (item.tier === 3 && (out || hit)) {
      // before hiding a data label, try it above its point, then to either side; a chart
      // that asks for it (`meta.leader`) then tries farther places, joined to its point
      // by a thin leader line
      const before = item.el.getAttribute("data-briefing-moved")
        ?? (item.el.getAttribute("transform") || "");
      const h = box.height, w = box.width;
      const places = [[0, -(h + 10)], [w / 2 + 10, -(h / 2 + 5)], [-(w / 2 + 10), -(h / 2 + 5)]];
      if (item.leader) {
        for (const r of [26, 40, 56]) {
          for (let k = 0; k < 8; k++) {
            const a = (Math.PI / 4) * k + Math.PI / 8;
            places.push([Math.cos(a) * (r + w / 2), Math.sin(a) * r - h / 2]);
          }
        }
      }
      for (const [i, [dx, dy]] of places.entries()) {
        const moved = { left: box.left + dx, right: box.right + dx, top: box.top + dy,
                        bottom: box.bottom + dy };
        if (outside(moved, fig) || kept.some((k) => boxesOverlap(k, moved, LABEL_SLACK))) continue;
        const bb = item.el.getBBox();
        item.el.setAttribute("data-briefing-moved", before);
        const now = item.el.getAttribute("transform") || "";
        item.el.setAttribute("transform", `translate(${dx},${dy}) ${now}`.trim());
        if (i >= 3) leaderLine(item.el, bb, dx, dy);
        box = item.el.getBoundingClientRect();
        out = outside(box, fig);
        hit = kept.some((k) => boxesOverlap(k, box, LABEL_SLACK));
        break;
      }
    }
    if (item.tier >= 2 && (out || hit)) {
      item.el.style.display = "none";
      item.el.setAttribute("data-briefing-hidden", "");
      continue;
    }
    kept.push(box);
  }
}
// </labels>

// Where plotly has put the plot area: it can still move after a draw's promise resolves (a
// margin pushed by a late redraw), and texts hidden for the old place stay hidden.
function plotGeometry(plot) {
  const area = plot.querySelector(".nsewdrag") || plot;
  const r = area.getBoundingClientRect(), f = plot.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height, f.width, f.height].map(Math.round).join(",");
}

// Fit the texts, then look again two frames later and fit again while the plot area has
// moved meanwhile (a busy machine may move it late, more than once; at most SETTLE looks);
// the looks count as drawing (tests wait for them). The place is read before each fitting
// (which moves only texts): a read after its writes would lay the page out once more.
const SETTLE = 6;
function declutterSettled(plot, alive) {
  let before = plotGeometry(plot);
  declutter(plot);
  drawing(+1, "fit");
  const look = (left) => requestAnimationFrame(() => requestAnimationFrame(() => {
    let again = false;
    try {
      const now = alive() && plot.isConnected ? plotGeometry(plot) : before;
      if (now !== before) {
        before = now;
        declutter(plot);
        again = left > 1;
      }
    } finally {
      if (again) look(left - 1);
      else drawing(-1, "fit");
    }
  }));
  look(SETTLE);
}

// The width the chart was last fitted to: a test that resizes the window waits until
// every chart says the width it now has.
function markWidth(el) {
  el.setAttribute("data-briefing-width", String(Math.round(el.getBoundingClientRect().width)));
}

// ---- live redraws: the charts in view first --------------------------------------------
//
// A selection change redraws every live chart it touches in one batch, in one task (so in
// one animation frame): those in the viewport first, then the others. Every chart's
// plotly draw comes first, then every chart's label fitting: the page is laid out once for
// all of them, not once per chart.

// job: {paint: async () => drawn?, finish: async () => void, done: (err|null) => void}
function enqueueLive(el, job) {
  const state = pageState();
  if (!state.queue) state.queue = { pending: new Map(), flushing: false };
  const queue = state.queue;
  queue.pending.set(el, job);
  if (queue.flushing) return;
  queue.flushing = true;
  queueMicrotask(async () => {
    try {
      while (queue.pending.size) {
        const batch = [...queue.pending];
        queue.pending.clear();
        const seen = batch.filter(([view]) => nearView(view, 0));
        const unseen = batch.filter(([view]) => !nearView(view, 0));
        const jobs = [...seen, ...unseen].map(([, job]) => ({ job, err: null, drawn: false }));
        for (const one of jobs) {
          try {
            one.drawn = await one.job.paint(); // eslint-disable-line no-await-in-loop
          } catch (err) {
            one.err = err;
          }
        }
        for (const one of jobs.filter((j) => j.drawn)) {
          try {
            await one.job.finish(); // eslint-disable-line no-await-in-loop
          } catch (err) {
            one.err = err;
          }
        }
        for (const one of jobs) one.job.done(one.err);
      }
    } finally {
      queue.flushing = false;
    }
  });
}

// A chart out of view is not redrawn on a selection change: it carries
// data-briefing-stale and is redrawn as it comes within a quarter screen of the viewport, or
// before the page prints. A change costs what the reader sees; a chart is never seen stale.
const NEAR = 0.25; // of the viewport's height, above and below it

// The box the chart scrolls in: Voilà's and JupyterLab's pages scroll inside an element,
// a static page in the window (null).
function scroller(el) {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (p.scrollHeight > p.clientHeight + 1
        && /(auto|scroll|overlay)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

// On screen (margin 0), or within `margin` of its height above or below it.
function nearView(el, margin = NEAR) {
  const r = el.getBoundingClientRect();
  const box = scroller(el);
  const screen = window.innerHeight || 0;
  const b = box ? box.getBoundingClientRect() : { top: 0, bottom: screen };
  const top = Math.max(0, b.top);
  const bottom = Math.min(screen, b.bottom);
  const h = bottom - top;
  return r.width > 0 && r.bottom > top - margin * h && r.top < bottom + margin * h;
}

// Charts waiting out of view, and one IntersectionObserver per scrolling box.
function staleState() {
  const state = pageState();
  if (!state.stale) {
    const stale = new Map(); // view -> [redraw, observer]
    const observers = new Map();
    const wake = (el) => {
      const entry = stale.get(el);
      if (!entry) return;
      stale.delete(el);
      entry[1].unobserve(el);
      el.removeAttribute("data-briefing-stale");
      entry[0]();
    };
    const observerFor = (root) => {
      if (!observers.has(root)) {
        observers.set(root, new IntersectionObserver((entries) => {
          for (const entry of entries) if (entry.isIntersecting) wake(entry.target);
        }, { root, rootMargin: `${NEAR * 100}% 0px` }));
      }
      return observers.get(root);
    };
    window.addEventListener("beforeprint", () => [...stale.keys()].forEach(wake));
    state.stale = { stale, observerFor };
  }
  return state.stale;
}

function leaveStale(el, go) {
  const { stale, observerFor } = staleState();
  const observer = observerFor(scroller(el));
  stale.set(el, [go, observer]);
  el.setAttribute("data-briefing-stale", "");
  observer.observe(el);
}

function forgetStale(el) {
  const state = pageState();
  const entry = state.stale && state.stale.stale.get(el);
  if (!entry) return;
  state.stale.stale.delete(el);
  entry[1].unobserve(el);
}

function showError(el, err) {
  let box = el.querySelector(".briefing-plotly-error");
  if (!box) {
    box = document.createElement("div");
    box.className = "briefing-plotly-error";
    el.appendChild(box);
  }
  box.textContent = "This chart could not be drawn.";
  console.warn("[briefing] chart failed:", err);
}

function render({ model, el }) {
  el.classList.add("briefing-plotly-view");
  el.dataset.chart = model.get("chart_id"); // the chart's name (CHARTS key), for tests and styles
  el.dataset.chartId = model.get("chart_id");
  const head = document.createElement("div");
  head.className = "briefing-plotly-head";
  const heading = document.createElement("h2");
  const note = document.createElement("p");
  note.className = "briefing-note";
  head.append(heading, note);
  const caption = () => {
    // textContent: headings and notes are shown as text, whatever they contain
    heading.textContent = model.get("heading") || "";
    note.textContent = model.get("note") || "";
    head.hidden = !heading.textContent && !note.textContent;
  };
  caption();
  el.appendChild(head);
  const plot = document.createElement("div");
  plot.className = "briefing-plotly-plot";
  el.appendChild(plot);

  let alive = true;
  let scheduled = false;
  let chain = Promise.resolve();
  let listening = false;
  let Plotly = null;
  let narrow = false;
  // A live view draws the figure the browser computed for the selection (live.js posts it
  // under the view's key); any other view draws its model's figure.
  const liveKey = model.get("live") || "";
  let liveFigure = null;
  let liveRevision = 0;
  let paintedRevision = 0;
  let drawnOnce = false;

  // A draw is plotly's draw (paint), then fitting the chart's texts (finish); a live
  // chart's are run by the page's batch (enqueueLive), any other's one after the other.
  let fitting = false; // while paint/finish run, plotly_afterplot leaves the fitting to them
  const paint = async () => {
    if (!alive) return false;
    Plotly = await loadPlotly(model);
    if (!alive) return false;
    paintedRevision = liveKey ? liveRevision : model.get("revision");
    // A figure drawn for the other screen (a phone's ranked list after the wide network) is
    // drawn afresh: plotly kept the margin the old figure's legend had pushed (a ranked list
    // once came out with a 247 px bottom margin and half its names hidden).
    const flipped = drawnOnce && narrowScreen() !== narrow;
    narrow = narrowScreen();
    const source = liveKey ? liveFigure : model.get("figure");
    const figure = fitNarrow(structuredClone(source || {}), narrow);
    await ensureTopojson(model, figure);
    // A definite height for the plot's box: on a resize plotly sizes its SVG to
    // 100% of this element, and a box without a height collapses after quick redraws
    // or a window resize.
    const height = Number((figure.layout || {}).height) || 450;
    plot.style.height = `${height}px`;
    fitting = true;
    if (flipped && plot.data) {
      Plotly.purge(plot);
      listening = false; // purge dropped the chart's listeners: finish adds them again
    }
    try {
      await Plotly.react(plot, {
        data: figure.data || [],
        layout: figure.layout || {},
        frames: figure.frames || undefined,
        config: plotConfig(model),
      });
    } catch (err) {
      fitting = false;
      throw err;
    }
    return alive;
  };
  const finish = async () => {
    try {
      await growToFit(Plotly, plot);
      if (!alive) return;
      declutterSettled(plot, () => alive);
    } finally {
      fitting = false;
    }
    if (!listening) {
      listening = true;
      // a resize, pan or zoom draws the texts again: decide again what shows
      plot.on("plotly_afterplot", () => {
        if (!fitting) declutter(plot);
      });
      plot.on("plotly_click", (event) => {
        const points = clickPoints(event);
        // the page's live selection hears first (live.js: a focus is drawn at once)
        const box = window.__briefingLive;
        for (const fn of (box && box.listeners.get(CLICK_KEY)) || []) {
          fn({ chart: model.get("chart_id"), points });
        }
        model.send({ type: "click", chart_id: model.get("chart_id"), points });
      });
    }
    const stale = el.querySelector(".briefing-plotly-error");
    if (stale) stale.remove();
    markWidth(el);
    // the screen it was drawn for: a phone's ranked list or the wide network
    el.setAttribute("data-briefing-narrow", narrow ? "1" : "0");
    el.setAttribute("data-briefing-rev", String(paintedRevision));
    markDrawn(model.get("chart_id"), model.get("group_size"), el);
    drawnOnce = true;
  };
  const draw = async () => {
    if (await paint()) await finish();
  };
  const failed = (err) => {
    showError(el, err);
    try {
      model.send({ type: "error", message: String(err && err.message ? err.message : err) });
    } catch (sendErr) {
      // the comm may be gone
    }
  };

  const redraw = () => {
    if (scheduled) return;
    scheduled = true;
    drawing(+1, liveKey ? "live" : "redraw");
    if (liveKey) {
      // a live chart redraws with the page's other live charts, in view first
      enqueueLive(el, {
        paint: () => {
          scheduled = false;
          return paint();
        },
        finish,
        done: (err) => {
          if (err) failed(err);
          drawing(-1, "live");
        },
      });
      return;
    }
    queueMicrotask(() => {
      scheduled = false;
      chain = chain.then(draw).catch(failed).finally(() => drawing(-1, "redraw"));
    });
  };
  // A live chart out of view waits to be drawn until it comes near the viewport: its first
  // draw (the page is ready without it; its box has the figure's height meanwhile) and
  // every redraw. The first decision waits until the view is on the page and the page's
  // other live charts have their heights.
  let placed = false;
  let counted = false; // counted as ready undrawn
  const schedule = () => {
    if (!liveKey) {
      redraw();
      return;
    }
    if (!liveFigure) return; // drawn when the selection's figure arrives
    if (!drawnOnce && !placed) {
      if (!plot.style.height) {
        plot.style.height = `${Number((liveFigure.layout || {}).height) || 450}px`;
      }
      if (!el.isConnected) {
        if (alive) setTimeout(schedule, 16);
        return;
      }
      placed = true;
      queueMicrotask(schedule);
      return;
    }
    if (nearView(el)) {
      redraw();
      return;
    }
    if (!drawnOnce && !counted) {
      counted = true;
      markReady(model.get("chart_id"), model.get("group_size"), el);
      // a map's country shapes are fetched while the page is idle: a page printed before
      // the reader scrolled to the map draws it at once (every other step is in memory)
      const fetchShapes = () => ensureTopojson(model, liveFigure)
        .then(() => el.setAttribute("data-briefing-shapes", "")).catch(() => {});
      if (window.requestIdleCallback) window.requestIdleCallback(fetchShapes, { timeout: 3000 });
      else setTimeout(fetchShapes, 500);
    }
    leaveStale(el, redraw);
  };

  model.on("change:figure", schedule);
  model.on("change:revision", schedule);
  model.on("change:config", schedule);
  model.on("change:heading", caption);
  model.on("change:note", caption);
  const onLive = (figure) => {
    liveFigure = figure;
    liveRevision += 1;
    schedule();
  };
  if (liveKey) {
    el.dataset.live = "1"; // drawn from the browser's selection (tests and the bench)
    if (!window.__briefingLive) {
      window.__briefingLive = { figures: new Map(), listeners: new Map() };
    }
    const box = window.__briefingLive;
    if (!box.listeners.has(liveKey)) box.listeners.set(liveKey, new Set());
    box.listeners.get(liveKey).add(onLive);
    if (box.figures.has(liveKey)) onLive(box.figures.get(liveKey));
  }
  schedule();

  let resizeObserver = null;
  if (typeof ResizeObserver !== "undefined") {
    let lastWidth = 0;
    resizeObserver = new ResizeObserver((entries) => {
      const width = entries[0] ? Math.round(entries[0].contentRect.width) : 0;
      if (!Plotly || !width || width === lastWidth || !plot.layout) {
        lastWidth = width || lastWidth;
        return;
      }
      lastWidth = width;
      // A phone's width flips the figure (the legend moves between the side and below, a
      // network becomes a ranked list): drawn afresh at the new width when it is drawn now;
      // a chart left stale out of view is laid out at the new width until it is seen.
      const flip = narrowScreen() !== narrow;
      if (flip && (!liveKey || nearView(el))) {
        schedule();
        return;
      }
      // a narrower chart may wrap its legend into more rows or crowd its labels: fit and
      // decide again; the resize counts as drawing (tests wait for it to end)
      drawing(+1, "resize");
      Promise.resolve().then(() => Plotly.Plots.resize(plot))
        .then(() => (flip ? null : growToFit(Plotly, plot)
          .then(() => declutterSettled(plot, () => alive))))
        .catch(() => {})
        .finally(() => {
          if (flip) schedule();
          else markWidth(el);
          drawing(-1, "resize");
        });
    });
    resizeObserver.observe(el);
  }

  return () => {
    alive = false;
    if (liveKey && window.__briefingLive) {
      const fns = window.__briefingLive.listeners.get(liveKey);
      if (fns) fns.delete(onLive);
    }
    model.off("change:figure", schedule);
    model.off("change:revision", schedule);
    model.off("change:config", schedule);
    model.off("change:heading", caption);
    model.off("change:note", caption);
    if (resizeObserver) resizeObserver.disconnect();
    forgetStale(el);
    if (Plotly && plot.data) Plotly.purge(plot);
  };
}

export default { render };
