"""Events in time, on a broken axis that keeps every article's days readable.

One linear axis from 1979 to the reporting days would squeeze a story into a pixel, and
two articles six months apart would squeeze each other. So the x axis is cut into panels
sharing the rows: background years on the left, then one panel per *reporting window*
(articles published within a few weeks of each other), and an "undated" lane on the
right for events the text does not date. An event with a span (27–28 October; "since 13
June" and still ongoing) is a bar over its range.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.charts.theme import (
    HOVER,
    MAX_CLICK_IDS,
    PLOVER_COLOURS,
    PLOVER_ORDER,
    STATUS_SYMBOLS,
    base_spec,
    chart,
    click_data,
    event_hover,
    legend_marker,
    trace,
)
from briefing.marks import Binding, Rules, Value, apply, slot, template
from briefing.model import Briefing, plain
from briefing.select import Selection, masks
from briefing.words import STATUS_WORDS, plover_words

MAX_POINTS = 600  # above this many (type, day, status) points, bin by week, month, year
RECENT_DAYS = 60  # events this close before a publication sit in its window
WINDOW_GAP_DAYS = 21  # publications further apart than this open a new window
MAX_WINDOWS = 4  # beyond this many windows, the closest ones are merged


def _plot_dates(ev: pd.DataFrame) -> pd.Series:
    """Where to draw a date of month or year precision: the middle of its span."""
    d = pd.to_datetime(ev["date"])
    return d.where(ev["date_precision"] == "day",
                   d.where(ev["date_precision"] != "month", d + pd.Timedelta(days=14))
                   .where(ev["date_precision"] != "year", d + pd.Timedelta(days=182)))


def reporting_windows(published: pd.Series, *, gap_days: int = WINDOW_GAP_DAYS,
                      max_windows: int = MAX_WINDOWS) -> list[list[pd.Timestamp]]:
    """Publication dates grouped into windows: a new window where two consecutive dates
    are more than `gap_days` apart; the closest windows merged until `max_windows` remain."""
    days = sorted(pd.to_datetime(published).dropna().unique())
    windows: list[list[pd.Timestamp]] = []
    for d in days:
        d = pd.Timestamp(d)
        if windows and (d - windows[-1][-1]).days <= gap_days:
            windows[-1].append(d)
        else:
            windows.append([d])
    while len(windows) > max_windows:
        gaps = [(windows[i + 1][0] - windows[i][-1]) for i in range(len(windows) - 1)]
        i = int(np.argmin(gaps))
        windows[i:i + 2] = [windows[i] + windows[i + 1]]
    return windows


def _panel_of(ev: pd.DataFrame, windows: list[list[pd.Timestamp]], recent_days: int
              ) -> np.ndarray:
    """Panel per event: -1 undated, 0 background, k ≥ 1 the k-th reporting window."""
    x = pd.to_datetime(ev["date"])
    panel = np.where(x.isna(), -1, 0)
    fine = (ev["date_precision"] != "year").to_numpy()
    for k, w in enumerate(windows, start=1):
        lo, hi = w[0] - pd.Timedelta(days=recent_days), w[-1] + pd.Timedelta(days=recent_days)
        inside = ((x >= lo) & (x <= hi)).to_numpy() & fine & (panel == 0)
        panel = np.where(inside, k, panel)
    return panel


def _follow_spans(ev: pd.DataFrame, windows: list[list[pd.Timestamp]], recent_days: int
                  ) -> pd.DataFrame:
    """A span that runs into a later reporting window ("since 3 March", reported in June)
    is drawn in that window, from its left edge: the later article's days stay readable
    and the bar reaches its end. The hover still gives the whole span."""
    ends = ev["_end"].notna()
    if not ends.any() or not windows:
        return ev
    at_end = _panel_of(ev.assign(date=ev["_end"], date_precision="day"), windows,
                       recent_days)
    later = ends.to_numpy() & (at_end > ev["_panel"].to_numpy()) & (at_end >= 1)
    if not later.any():
        return ev
    edge = {k: w[0] - pd.Timedelta(days=3) for k, w in enumerate(windows, start=1)}
    ev = ev.copy()
    ev.loc[later, "_panel"] = at_end[later]
    ev.loc[later, "_x"] = [max(x, edge[k]) for x, k in zip(ev.loc[later, "_x"],
                                                          at_end[later], strict=True)]
    return ev


def _span_end(b: Briefing, ev: pd.DataFrame) -> pd.Series:
    """The last day of each event's span: its date_end, or for an ongoing event the day
    its article was published; NaT for a single day."""
    end = pd.to_datetime(ev["date_end"])
    published = dict(zip(b.articles["article_id"], b.articles["published"], strict=False))
    ongoing = (ev["status"] == "ongoing") & end.isna()
    return end.where(~ongoing, pd.to_datetime(ev["article_id"].map(published)))


def timeline_rules(
    b: Briefing,
    *,
    recent_days: int = RECENT_DAYS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """The timeline for the whole of `b` with the rules that make it follow a selection
    (`briefing.marks`): a point (events of one type, day and status) shows while one of
    its events is selected, sized by how many are; panels, rows and places stay."""
    title = "When: background and the reporting days" if title is None else title
    ev = plain(b.events).reset_index(drop=True)
    if ev.empty:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No events in this selection"), ())
    every_hover = event_hover(b, ev).to_numpy()
    ev = ev.assign(_row=np.arange(len(ev)))
    windows = reporting_windows(b.articles["published"])
    ev = ev.assign(_x=_plot_dates(ev), _end=_span_end(b, ev),
                   _panel=_panel_of(ev, windows, recent_days))
    ev = _follow_spans(ev, windows, recent_days)
    # One point per (panel, type, day, status): a big archive stays a few hundred points.
    ev["_x"] = ev["_x"].fillna(pd.Timestamp("2000-01-01"))  # undated: one spot in its lane
    # A span is never merged with a one-day event of the same bin; spans ending in the same
    # bin (of the same coarseness as their start) merge like any points do.
    keys = ["_panel", "plover_type", "_bin", "status", "_span"]
    for freq in ("D", "W", "M", "Y"):  # coarser bins until the chart stays small
        ev["_bin"] = ev["_x"].dt.to_period(freq).dt.start_time
        ev["_span"] = ev["_end"].dt.to_period(freq).dt.start_time.dt.strftime(
            "%Y-%m-%d").fillna("")
        if ev.groupby(keys).ngroups <= MAX_POINTS:
            break
    else:
        # Still too many by year: one point per type and year, whatever its status or span
        # (the hover counts the others).
        keys = ["_panel", "plover_type", "_bin"]
    if freq != "D":
        ev["_x"] = ev["_bin"]
    groups = ev.groupby(keys, sort=False)
    many = groups["event_id"].agg(lambda s: " ".join(s.iloc[:MAX_CLICK_IDS]))
    size = groups["event_id"].size()
    rows_of = groups["_row"].agg(list)
    ev = groups.head(1)
    key = list(zip(*(ev[k] for k in keys), strict=True))
    n_in = size.reindex(key).to_numpy()
    ids = many.reindex(key).to_numpy()
    rows = rows_of.reindex(key).tolist()
    types = [t for t in PLOVER_ORDER if t in set(ev["plover_type"])]
    types += sorted(set(ev["plover_type"]) - set(types))
    row = ev["plover_type"].map({t: i for i, t in enumerate(reversed(types))}).astype(float)
    # Stack events that share a row and a day a little apart, so none hides another.
    stack = pd.DataFrame({"r": row, "d": ev["_x"].dt.normalize(), "p": ev["_panel"]})
    nth = stack.groupby(["r", "d", "p"]).cumcount()
    count = stack.groupby(["r", "d", "p"])["r"].transform("size")
    y = row + (nth - (count - 1) / 2) * np.minimum(0.22, 0.8 / count)
    # the hover of the point's first selected event, and how many are selected
    hover = [template(slot("h") + (f"<br><i>{slot('n')} events at this point (click to "
                                   "list)</i>" if k > 1 else "")) for k in n_in]
    panel = ev["_panel"].to_numpy()
    present = [p for p in range(len(windows) + 1) if (panel == p).any()]
    if (panel == -1).any():
        present.append(-1)
    axis_of = {p: "x" if i == 0 else f"x{i + 1}" for i, p in enumerate(present)}
    traces: list[dict] = []
    bindings: list[Binding] = []
    colours = [PLOVER_COLOURS.get(t, "#777") for t in ev["plover_type"]]
    spans = ev["_end"].notna().to_numpy() & (panel != -1)
    y = y.to_numpy()

    def day(x: pd.Timestamp) -> str:  # dates as plotly reads them, in a plain list
        return pd.Timestamp(x).isoformat()

    if spans.any():
        # Bars under the markers: one trace of line segments for every span.
        for p in sorted({int(q) for q in panel[spans]}):
            mine = np.flatnonzero(spans & (panel == p))
            xs, ys = [], []
            for i in mine:
                x0, x1 = ev["_x"].iloc[i], ev["_end"].iloc[i]
                xs += [day(x0), day(max(x1, x0)), None]
                ys += [float(y[i]), float(y[i]), None]
            traces.append(trace("scatter",
                x=xs, y=ys, xaxis=axis_of[p], yaxis="y", mode="lines", showlegend=False,
                hoverinfo="skip", line={"color": "#8fa9c4", "width": 6}, opacity=0.55))
            bindings.append(Binding(
                trace=len(traces) - 1, marks=len(mine), points=3,
                values={"n": Value("events", [rows[i] for i in mine])},
                hide={"value": "n", "attrs": ["x", "y"]}))
    for p in present:
        mine = np.flatnonzero(panel == p)
        traces.append(trace("scatter",
            x=[day(ev["_x"].iloc[i]) for i in mine] if p != -1 else [0.5] * len(mine),
            y=[float(y[i]) for i in mine],
            xaxis=axis_of[p], yaxis="y", mode="markers",
            name="undated" if p == -1 else "background" if p == 0 else f"window {p}",
            showlegend=False, cliponaxis=False,
            marker={"color": [colours[i] for i in mine],
                    "symbol": [STATUS_SYMBOLS.get(ev["status"].iloc[i], "circle")
                               for i in mine],
                    "line": {"width": 2, "color": [colours[i] for i in mine]}},
            hovertemplate=HOVER, customdata=click_data("events", ids[mine]),
        ))
        point_rows = [rows[i] for i in mine]
        bindings.append(Binding(
            trace=len(traces) - 1, marks=len(mine),
            values={"n": Value("events", point_rows),
                    # the first selected event of the point: its hover speaks for it
                    "h": Value("events", point_rows, agg="newest", order="first")},
            sets=[{"attr": "marker.size", "value": "n", "scale": [12, 3, "sqrt", -1]},
                  {"attr": "hovertext", "template": [hover[i] for i in mine],
                   "picks": {"h": "hover"}}],
            hide={"value": "n", "attrs": ["x", "y"]}))
    statuses = [s for s in STATUS_SYMBOLS if s in set(ev["status"])]
    for s in statuses:
        traces.append(legend_marker(STATUS_WORDS[s], symbol=STATUS_SYMBOLS[s], group="status",
                                    line={"width": 2, "color": "#555"},
                                    group_title="status" if s == statuses[0] else None))
    if spans.any():
        traces.append(trace("scatter", x=[None], y=[None], mode="lines", name="span of days",
                            line={"color": "#8fa9c4", "width": 6}, hoverinfo="skip",
                            legendgroup="span"))
    layout: dict = {
        "yaxis": {"tickvals": list(range(len(types))),
                  "ticktext": [plover_words(t) for t in reversed(types)],
                  "range": [-0.7, len(types) - 0.3], "showgrid": True, "gridcolor": "#eee",
                  "zeroline": False, "fixedrange": True, "anchor": "x"},
        # Pinned to the bottom of the figure, below the axis titles.
        "legend": {"orientation": "h", "yref": "container", "y": 0, "x": 0,
                   "yanchor": "bottom"},
        "margin": {"l": 20, "r": 20, "t": 40 if title else 30, "b": 120},
        "hovermode": "closest",
        "shapes": [], "annotations": [],
    }
    layout.update(_panels(present, axis_of, ev, panel, windows))
    figure = base_spec(traces, title=title, height=height or 500, width=width, **layout)
    return Rules(figure, bindings, fields={"first": -np.arange(len(every_hover), dtype=float)},
                 picks={"hover": list(every_hover)})


@chart
def timeline(
    b: Briefing,
    *,
    recent_days: int = RECENT_DAYS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """Events by date, one row per PLOVER type (cooperation at the top), coloured by type,
    marker shape by status. Panels: background by year; one per reporting window (the days
    around each group of publications); undated events in a lane of their own. A span is
    a bar from its first to its last day. Clicks: ["events", event_id …]. The chart of
    `timeline_rules(b)` with every event selected."""
    return apply(timeline_rules(b, recent_days=recent_days, title=title, height=height,
                                width=width), masks(b, Selection()))


def _panels(present: list[int], axis_of: dict[int, str], ev: pd.DataFrame,
            panel: np.ndarray, windows: list[list[pd.Timestamp]]) -> dict:
    """Axis domains, ranges and titles, and each window's publication marks."""
    # Widths: background 30 %, undated a narrow lane, the windows share the rest.
    weight = {p: 0.3 if p == 0 else 0.08 if p == -1 else 1.0 for p in present}
    n_windows = sum(1 for p in present if p > 0)
    if n_windows:
        for p in present:
            if p > 0:
                weight[p] = (1 - (0.3 if 0 in present else 0) - (0.08 if -1 in present
                                                                    else 0)) / n_windows
    total = sum(weight.values())
    gap = 0.025
    out: dict = {"shapes": [], "annotations": []}
    start = 0.0
    for p in present:
        width = weight[p] / total
        domain = [start + (gap / 2 if start > 0 else 0), min(start + width, 1.0)]
        start += width
        name = "xaxis" if axis_of[p] == "x" else "xaxis" + axis_of[p][1:]
        ax: dict = {"domain": domain, "anchor": "y", "showgrid": True, "gridcolor": "#eee"}
        xs = ev["_x"][panel == p]
        ends = ev["_end"][panel == p].dropna()
        # Short titles and few ticks: several panels share one chart's width.
        small = {"size": 11}
        ticks = max(2, round(10 * (domain[1] - domain[0])))
        if p == -1:
            ax.update(range=[0, 1], showticklabels=False, showgrid=False,
                      title={"text": "undated", "font": small})
        elif p == 0:
            ax.update(type="date", tickformat="%Y", nticks=ticks,
                      title={"text": "background" if n_windows > 1 else
                             "background (years)", "font": small},
                      range=[xs.min() - pd.Timedelta(days=400),
                             xs.max() + pd.Timedelta(days=400)])
        else:
            pubs = windows[p - 1]
            lo = min(xs.min(), pubs[0])
            hi = max(xs.max(), pubs[-1], ends.max() if len(ends) else pubs[-1])
            ax.update(type="date", tickformat="%-d %b" if n_windows > 1 else "%-d %b<br>%Y",
                      nticks=ticks, tickangle=0,
                      range=[lo - pd.Timedelta(days=1.5), hi + pd.Timedelta(days=1.5)],
                      title={"text": f"{pubs[0]:%b %Y}" if n_windows > 1 else
                             "the reporting days", "font": small})
            xref = axis_of[p]
            for d in pubs:
                out["shapes"].append({"type": "line", "xref": xref, "yref": "paper",
                                      "x0": d, "x1": d, "y0": 0, "y1": 1,
                                      "line": {"dash": "dot", "color": "#999"}})
            # One label per window, however many articles it holds: no pile-up.
            label = "published" if len(pubs) == 1 else f"{len(pubs)} articles published"
            # "optional": on a narrow screen, windows side by side may not have room for
            # every caption; the page then hides the one that would collide.
            out["annotations"].append({"name": "optional publication mark",
                                       "xref": xref, "yref": "paper", "x": pubs[-1],
                                       "y": 1.0, "text": label, "showarrow": False,
                                       "xanchor": "right" if len(pubs) > 1 else "center",
                                       "yanchor": "bottom",
                                       "font": {"size": 10, "color": "#777"}})
        out[name] = ax
    return out
