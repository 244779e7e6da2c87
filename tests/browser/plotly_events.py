"""Act on plotly marks by their data, never by where they are drawn.

A user targets a mark; a test names it by its data (its ``customdata``, or its trace and
index) and asks plotly itself to act on it: a click is plotly's own ``plotly_click`` event
emitted on the chart with that point, as plotly emits it after a real click; a hover is
``Plotly.Fx.hover`` on that point, which draws the same hover label a mouse would. Nothing
here measures a coordinate, moves a mouse or sleeps, so neither load nor a redraw between
two steps can make a test pick the wrong mark.

``WAIT_MS`` is the one ceiling for every wait of the browser tests: generous, because a
2-core machine running other work may take many seconds for what takes 100 ms when quiet.
"""

from __future__ import annotations

from typing import Any

WAIT_MS = 120_000

# A chart out of view is redrawn only as it comes near the viewport (plotly_view.js marks
# it data-briefing-stale until then). A test looks at a chart as a user does: it scrolls to
# it. True once the chart is not stale (its redraw may still be running).
SEE_JS = """
(chart) => {
  const v = document.querySelector(`.briefing-plotly-view[data-chart-id='${chart}']`);
  if (v && v.hasAttribute('data-briefing-stale')) v.scrollIntoView({block: 'nearest'});
  return !v || !v.hasAttribute('data-briefing-stale');
}
"""
IDLE_JS = "() => !document.body.hasAttribute('data-briefing-drawing')"


def look_at(page: Any, chart: str) -> None:
    """Scroll to ``chart`` if it waits to be redrawn out of view; wait until every redraw
    has ended."""
    page.wait_for_function(SEE_JS, arg=chart, timeout=WAIT_MS, polling=50)
    page.wait_for_function(IDLE_JS, timeout=WAIT_MS, polling=50)


def wait_redrawn(page: Any, before: dict[str, int], charts: tuple[str, ...]) -> None:
    """Wait until each of ``charts`` has drawn a revision (``data-briefing-rev``) newer than
    in ``before``; a chart out of view is redrawn as the user scrolls to it: so does this."""
    page.wait_for_function(
        """([before, charts]) => charts.every(c => {
              const v = document.querySelector(`.briefing-plotly-view[data-chart-id='${c}']`);
              if (v && v.hasAttribute('data-briefing-stale')) v.scrollIntoView({block: 'nearest'});
              return v && +(v.getAttribute('data-briefing-rev') || -1) > before[c];
           })""",
        arg=[before, list(charts)],
        timeout=WAIT_MS,
    )


def look_at_every_chart(page: Any) -> None:
    """Scroll to each chart that waits out of view, as a reader going down the page."""
    for chart in page.evaluate("() => [...document.querySelectorAll("
                               "'.briefing-plotly-view[data-chart-id]')]"
                               ".map((v) => v.dataset.chartId)"):
        look_at(page, chart)


# Finds the chart's plotly element: by the view's chart id, or any plot for chart=null.
_GD = """
const plotOf = (chart) => [...document.querySelectorAll(chart === null ? '.js-plotly-plot'
    : `.briefing-plotly-view[data-chart-id='${chart}'] .js-plotly-plot`)];
"""

# The first visible point whose customdata is [kind, ids] with `wanted` among the ids (any
# point of `kind` when `wanted` is empty); plotly's click event is emitted with it.
CLICK_JS = _GD + """
([chart, kind, wanted]) => {
  const [gd] = plotOf(chart);
  if (!gd || !gd._fullData) return null;
  const match = (c) => Array.isArray(c) && c[0] === kind
      && (!wanted || String(c[1]).split(' ').includes(wanted));
  for (const trace of gd._fullData) {
    if (trace.visible !== true || !trace.customdata) continue;
    const cds = trace.customdata;
    for (let j = 0; j < cds.length; j++) {
      if (!match(cds[j])) continue;
      const at = (arr) => (arr && arr.length > j ? arr[j] : undefined);
      const point = {curveNumber: trace.index, pointNumber: j, pointIndex: j,
                     customdata: cds[j], x: at(trace.x), y: at(trace.y),
                     lon: at(trace.lon), lat: at(trace.lat),
                     data: gd.data[trace.index], fullData: trace};
      gd.emit('plotly_click', {points: [point], event: new MouseEvent('click')});
      return cds[j];
    }
  }
  return null;
}
"""

# Plotly's click event for point `index` of trace `curve`.
CLICK_AT_JS = _GD + """
([chart, curve, index]) => {
  const [gd] = plotOf(chart);
  const trace = gd && gd._fullData && gd._fullData[curve];
  if (!trace) return null;
  const at = (arr) => (arr && arr.length > index ? arr[index] : undefined);
  const point = {curveNumber: curve, pointNumber: index, pointIndex: index,
                 customdata: at(trace.customdata), x: at(trace.x), y: at(trace.y),
                 data: gd.data[curve], fullData: trace};
  gd.emit('plotly_click', {points: [point], event: new MouseEvent('click')});
  return point.customdata === undefined ? null : point.customdata;
}
"""

# Every hoverable point of every visible trace, as [plot number, curve, point, subplot].
HOVERABLE_JS = _GD + """
(chart) => {
  const out = [];
  plotOf(chart).forEach((gd, p) => {
    for (const trace of gd._fullData || []) {
      // plotly hovers a point named by its index on scatter-like traces only
      if (trace.visible !== true || trace.hoverinfo === 'skip' || trace.hoverinfo === 'none'
          || !['scatter', 'scattergeo'].includes(trace.type)) continue;
      const subplot = trace.geo || ((trace.xaxis || 'x') + (trace.yaxis || 'y'));
      const n = trace._length || (trace.x || trace.lon || []).length;
      const xs = trace.x || trace.lon || [], ys = trace.y || trace.lat || [];
      for (let j = 0; j < n; j++) {
        if (xs[j] === null || xs[j] === undefined || ys[j] === null || ys[j] === undefined)
          continue;  // a gap in a line: nothing to hover
        out.push([p, trace.index, j, subplot]);
      }
    }
  });
  return out;
}
"""

# Plotly's own hover on one point (drawn as a mouse hover draws it; plotly emits no event
# for a hover it was asked for, and may defer it by its hover throttle): resolves with the
# hover label's text once plotly holds that point as hovered, or '' if it never does within
# a generous ceiling (callers assert on the labels that were drawn).
HOVER_JS = _GD + """
async ([chart, p, curve, point, subplot, ceiling]) => {
  const gd = plotOf(chart)[p];
  window.Plotly.Fx.unhover(gd);
  window.Plotly.Fx.hover(gd, [{curveNumber: curve, pointNumber: point}], subplot);
  const held = () => (gd._hoverdata || []).some(
      d => d.curveNumber === curve && d.pointNumber === point);
  const started = performance.now();
  while (!held()) {
    if (performance.now() - started > ceiling) return '';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [...document.querySelectorAll('.hoverlayer')].map(h => h.textContent).join(' ');
}
"""


def click_point(page: Any, chart: str, kind: str, wanted: str = "") -> list[str]:
    """Plotly's click on the mark of ``chart`` whose customdata is ``[kind, ids]`` with
    ``wanted`` among the ids; returns that customdata."""
    look_at(page, chart)
    page.wait_for_function(
        "(chart) => { const v = document.querySelector("
        "`.briefing-plotly-view[data-chart-id='${chart}']`);"
        " return v && v.getAttribute('data-briefing-rev') !== null; }",
        arg=chart, timeout=WAIT_MS)
    customdata = page.evaluate(CLICK_JS, [chart, kind, wanted])
    assert customdata, f"no {kind} point {wanted!r} in the {chart} chart"
    return customdata


def click_at(page: Any, chart: str, curve: int, index: int) -> Any:
    """Plotly's click on point ``index`` of trace ``curve``; returns its customdata."""
    look_at(page, chart)
    return page.evaluate(CLICK_AT_JS, [chart, curve, index])


def hover_labels(page: Any, chart: str | None = None, limit: int = 80) -> list[str]:
    """Plotly's hover on each hoverable point (of ``chart``, or of every plot on the page);
    the hover label texts drawn."""
    if chart is not None:
        look_at(page, chart)
    labels = []
    for p, curve, point, subplot in page.evaluate(HOVERABLE_JS, chart)[:limit]:
        text = page.evaluate(HOVER_JS, [chart, p, curve, point, subplot, 5_000])
        if text.strip():
            labels.append(text)
    return labels


# Every plot laid out at the width its box has now (plotly's responsive resize has run).
RESIZED_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].every(gd =>
    gd._fullLayout && Math.abs(gd._fullLayout.width - gd.getBoundingClientRect().width) <= 2)"""


def wait_resized(page: Any) -> None:
    """Wait until every plot has been laid out again for the current viewport."""
    page.wait_for_function(RESIZED_JS, timeout=WAIT_MS, polling=100)
