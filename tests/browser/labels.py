"""Overlapping and cut labels on a rendered page, measured from the SVG (issue 19).

Every visible `<text>` of every chart (an element carrying `data-chart="<name>"`) is an
oriented box: its SVG bounding box mapped through its screen transform, so a rotated tick
label is a rotated rectangle, not its axis-aligned hull. Two labels of one chart overlap
when they intersect by more than `SLACK` px along every separating axis (the separating
axis test on the two rectangles); a label is cut when a corner runs more than `SLACK` px
outside its figure. Form labels of the filter card overlapping a control are counted too.

Hidden labels (display none, visibility hidden, opacity 0 on the text or an ancestor) and
legend entries scrolled out of their legend box do not count: the reader does not see them.
"""

from __future__ import annotations

from typing import Any

SLACK = 1.5

LABELS_JS = r"""
(slack) => {
  const shown = (el) => {
    if (!el.textContent.trim()) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentNode) {
      const cs = getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden' || +cs.opacity === 0) return false;
    }
    return true;
  };
  const corners = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    if (!b.width || !b.height || !m) return null;
    const pt = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    return [pt(b.x, b.y), pt(b.x + b.width, b.y), pt(b.x + b.width, b.y + b.height),
            pt(b.x, b.y + b.height)];
  };
  const rectCorners = (r) => [[r.left, r.top], [r.right, r.top], [r.right, r.bottom],
                              [r.left, r.bottom]];
  // Separating axis test: the smallest overlap of the two projections over the four axes.
  const overlap = (p, q) => {
    let least = Infinity;
    for (const poly of [p, q]) {
      for (let i = 0; i < 2; i++) {
        const [x0, y0] = poly[i], [x1, y1] = poly[i + 1];
        const len = Math.hypot(x1 - x0, y1 - y0) || 1;
        const ax = (x1 - x0) / len, ay = (y1 - y0) / len;
        const proj = (pts) => pts.map(([x, y]) => x * ax + y * ay);
        const a = proj(p), b = proj(q);
        const o = Math.min(Math.max(...a), Math.max(...b))
          - Math.max(Math.min(...a), Math.min(...b));
        least = Math.min(least, o);
      }
    }
    return least;
  };
  const inside = (pt, r) => pt[0] >= r.left && pt[0] <= r.right
    && pt[1] >= r.top && pt[1] <= r.bottom;
  const out = {charts: {}, overlaps: [], cut: [], controls: []};
  for (const view of document.querySelectorAll('[data-chart]')) {
    const chart = view.dataset.chart;
    const plot = view.querySelector('.js-plotly-plot');
    if (!plot) continue;
    const fig = plot.getBoundingClientRect();
    const labels = [];
    for (const el of plot.querySelectorAll('text')) {
      if (el.closest('.hoverlayer') || !shown(el)) continue;
      const box = corners(el);
      if (!box) continue;
      const legend = el.closest('.legend');
      if (legend) {  // an entry scrolled out of the legend box is not seen
        const bg = legend.querySelector('.bg');
        const lb = bg && bg.getBoundingClientRect();
        const cx = box.reduce((s, p) => s + p[0], 0) / 4;
        const cy = box.reduce((s, p) => s + p[1], 0) / 4;
        if (lb && !inside([cx, cy], lb)) continue;
      }
      labels.push({text: el.textContent.trim().slice(0, 60), box});
    }
    let pairs = 0, cut = 0;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        if (overlap(labels[i].box, labels[j].box) > slack) {
          pairs++;
          out.overlaps.push([chart, labels[i].text, labels[j].text]);
        }
      }
      const far = labels[i].box.some(([x, y]) => x < fig.left - slack || x > fig.right + slack
                                             || y < fig.top - slack || y > fig.bottom + slack);
      if (far) { cut++; out.cut.push([chart, labels[i].text]); }
    }
    const gone = [...plot.querySelectorAll('text[data-briefing-hidden]')];
    out.charts[chart] = {labels: labels.length, overlaps: pairs, cut, hidden: gone.length,
                         hidden_texts: gone.map((t) => t.textContent),
                         drawn_as: plot.closest('.briefing-plotly-view')
                           ?.getAttribute('data-briefing-narrow') === '1' ? 'phone' : 'wide',
                         texts: labels.map((l) => l.text),
                         // where the figure and its texts stood (a failure's record says why)
                         frame: {fig: [fig.left, fig.top, fig.width, fig.height].map(Math.round),
                                 full: plot._fullLayout ? [plot._fullLayout.width,
                                   plot._fullLayout.height, plot._fullLayout._size.l,
                                   plot._fullLayout._size.t, plot._fullLayout._size.b,
                                   plot._fullLayout._size.h] : null,
                                 asked: plot.layout ? [plot.layout.height,
                                   JSON.stringify(plot.layout.margin)] : null,
                                 style: plot.style.height},
                         boxes: labels.slice(0, 40).map((l) => [l.text.slice(0, 20),
                           ...l.box[0].map(Math.round), ...l.box[2].map(Math.round)])};
  }
  // Form labels against the controls of the filter card.
  const form = document.querySelector('.briefing-filters');
  if (form) {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const labels = [...form.querySelectorAll('.widget-label')]
      .filter((e) => e.textContent.trim() && visible(e));
    const controls = [...form.querySelectorAll(
      'select, input, button, .ui-slider, .widget-readout')].filter(visible);
    for (const l of labels) {
      const lb = rectCorners(l.getBoundingClientRect());
      for (const c of controls) {
        if (l.contains(c) || c.contains(l)) continue;
        if (overlap(lb, rectCorners(c.getBoundingClientRect())) > slack) {
          out.controls.push([l.textContent.trim(), c.tagName.toLowerCase()]);
        }
      }
    }
  }
  return out;
}
"""


def measure(page: Any) -> dict[str, Any]:
    """Per chart: labels seen, overlapping pairs, cut labels, labels the page hid for want
    of room (`hidden`, for the record); plus the offending texts."""
    return page.evaluate(LABELS_JS, SLACK)


def totals(m: dict[str, Any]) -> tuple[int, int]:
    """(overlapping pairs incl. form labels on controls, cut labels) over the whole page."""
    charts = m["charts"].values()
    return (sum(c["overlaps"] for c in charts) + len(m["controls"]),
            sum(c["cut"] for c in charts))
