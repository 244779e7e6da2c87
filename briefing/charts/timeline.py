"""Events in time, on a broken axis: background years on the left, the reporting days on
the right. One linear axis from 1979 to June 2025 would squeeze the article's days into
a single pixel; two panels sharing the rows keep both readable."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.charts.theme import (
    HOVER,
    MAX_CLICK_IDS,
    PLOVER_COLOURS,
    PLOVER_ORDER,
    STATUS_SYMBOLS,
    STATUS_WORDS,
    base_figure,
    click_data,
    event_hover,
    legend_marker,
    plain,
    plover_words,
    trace,
)
from briefing.model import Briefing

MAX_POINTS = 600  # above this many (type, day, status) points, bin by week, month, year
RECENT_DAYS = 60  # events this close to the publication date sit in the "days" panel


def _plot_dates(ev: pd.DataFrame) -> pd.Series:
    """Where to draw a date of month or year precision: the middle of its span."""
    d = pd.to_datetime(ev["date"])
    return d.where(ev["date_precision"] == "day",
                   d.where(ev["date_precision"] != "month", d + pd.Timedelta(days=14))
                   .where(ev["date_precision"] != "year", d + pd.Timedelta(days=182)))


def timeline(
    b: Briefing,
    *,
    recent_days: int = RECENT_DAYS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """Events by date, one row per PLOVER type (cooperation at the top), coloured by type,
    marker shape by status. Left panel: background, by year; right panel: the days around
    publication. Clicks: ["events", event_id]."""
    title = "When: background and the reporting days" if title is None else title
    ev = plain(b.events[b.events["date"].notna()])
    if ev.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No dated events in this selection")
    published = pd.to_datetime(b.articles["published"]).dropna()
    anchor = published.min() if len(published) else pd.to_datetime(ev["date"]).max()
    cutoff = anchor - pd.Timedelta(days=recent_days)
    recent_all = ((pd.to_datetime(ev["date"]) >= cutoff) & (ev["date_precision"] != "year"))
    # One point per (panel, type, day, status): a big archive stays a few hundred points.
    ev = ev.assign(_x=_plot_dates(ev), _recent=recent_all)
    for freq in ("D", "W", "M", "Y"):  # coarser bins until the chart stays small
        ev["_bin"] = ev["_x"].dt.to_period(freq).dt.start_time
        if ev.groupby(["_recent", "plover_type", "_bin", "status"]).ngroups <= MAX_POINTS:
            break
    if freq != "D":
        ev["_x"] = ev["_bin"]
    groups = ev.groupby(["_recent", "plover_type", "_bin", "status"], sort=False)
    many = groups["event_id"].agg(lambda s: " ".join(s.iloc[:MAX_CLICK_IDS]))
    size = groups["event_id"].size()
    ev = groups.head(1)
    key = list(zip(ev["_recent"], ev["plover_type"], ev["_bin"], ev["status"], strict=True))
    n_in = size.reindex(key).to_numpy()
    ids = many.reindex(key).to_numpy()
    x, recent = ev["_x"], ev["_recent"].astype(bool)
    types = [t for t in PLOVER_ORDER if t in set(ev["plover_type"])]
    types += sorted(set(ev["plover_type"]) - set(types))
    row = ev["plover_type"].map({t: i for i, t in enumerate(reversed(types))}).astype(float)
    # Stack events that share a row and a day a little apart, so none hides another.
    key = pd.DataFrame({"r": row, "d": x.dt.normalize(), "p": recent})
    nth = key.groupby(["r", "d", "p"]).cumcount()
    count = key.groupby(["r", "d", "p"])["r"].transform("size")
    y = row + (nth - (count - 1) / 2) * np.minimum(0.22, 0.8 / count)
    hover = event_hover(b, ev) + np.where(
        n_in > 1, "<br><i>and " + (n_in - 1).astype(str) + " more like it (click to list)</i>",
        "")
    panels = [("background", ~recent, "x"), ("days", recent, "x2")]
    has = {name: bool(mask.any()) for name, mask, _ in panels}
    split = 0.32 if all(has.values()) else (1.0 if has["background"] else 0.0)
    traces: list[go.BaseTraceType] = []
    for name, mask, axis in panels:
        if not mask.any():
            continue
        part = ev[mask]
        n_part = n_in[mask.to_numpy()]
        traces.append(trace("scatter",
            x=x[mask], y=y[mask], xaxis=axis, yaxis="y", mode="markers", name=name,
            showlegend=False, cliponaxis=False,
            marker={"size": 12 + 3 * np.sqrt(n_part - 1), "color": [PLOVER_COLOURS.get(t, "#777")
                                          for t in part["plover_type"]],
                    "symbol": [STATUS_SYMBOLS.get(s, "circle") for s in part["status"]],
                    "line": {"width": 2, "color": [PLOVER_COLOURS.get(t, "#777")
                                                   for t in part["plover_type"]]}},
            hovertext=hover[mask], hovertemplate=HOVER,
            customdata=click_data("events", ids[mask.to_numpy()]),
        ))
    present = [s for s in STATUS_SYMBOLS if s in set(ev["status"])]
    for s in present:
        traces.append(legend_marker(STATUS_WORDS[s], symbol=STATUS_SYMBOLS[s], group="status",
                                    line={"width": 2, "color": "#555"},
                                    group_title="status" if s == present[0] else None))
    layout: dict = {
        "yaxis": {"tickvals": list(range(len(types))),
                  "ticktext": [plover_words(t) for t in reversed(types)],
                  "range": [-0.7, len(types) - 0.3], "showgrid": True, "gridcolor": "#eee",
                  "zeroline": False, "fixedrange": True},
        # Pinned to the bottom of the figure, below both axis titles.
        "legend": {"orientation": "h", "yref": "container", "y": 0, "x": 0,
                   "yanchor": "bottom"},
        "margin": {"l": 20, "r": 20, "t": 40 if title else 22, "b": 120},
        "hovermode": "closest",
    }
    gap = 0.03 if all(has.values()) else 0.0
    if has["background"]:
        years = x[~recent]
        lo = years.min() - pd.Timedelta(days=400)
        hi = years.max() + pd.Timedelta(days=400)
        layout["xaxis"] = {"domain": [0, split - gap / 2], "type": "date", "range": [lo, hi],
                           "tickformat": "%Y", "showgrid": True, "gridcolor": "#eee",
                           "title": {"text": "background (years)"}}
    else:
        layout["xaxis"] = {"visible": False, "domain": [0, 0.001]}
    if has["days"]:
        days = x[recent]
        lo = min(days.min(), published.min() if len(published) else days.min())
        hi = max(days.max(), published.max() if len(published) else days.max())
        layout["xaxis2"] = {"domain": [split + gap / 2, 1], "type": "date", "anchor": "y",
                            "range": [lo - pd.Timedelta(days=1.5), hi + pd.Timedelta(days=1.5)],
                            "tickformat": "%-d %b<br>%Y", "showgrid": True, "gridcolor": "#eee",
                            "title": {"text": "the reporting days"}}
        if len(published) and published.nunique() <= 5:
            layout["shapes"] = [{"type": "line", "xref": "x2", "yref": "paper", "x0": d,
                                 "x1": d, "y0": 0, "y1": 1, "line": {"dash": "dot",
                                                                     "color": "#999"}}
                                for d in published.unique()]
            layout["annotations"] = [{"xref": "x2", "yref": "paper", "x": d, "y": 1.0,
                                      "text": "published", "showarrow": False,
                                      "yanchor": "bottom", "font": {"size": 10,
                                                                   "color": "#777"}}
                                     for d in published.unique()]
    if has["background"] and not has["days"]:
        layout["yaxis"]["anchor"] = "x"
    return base_figure(traces, title=title, height=height or 500, width=width, **layout)
