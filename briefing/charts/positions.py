"""Where actors stand on an issue (analyst judgment, ICD 203), article by article.

When several articles assess the same actor on the same issue, the chart draws the
trajectory — each article's judgment, oldest to newest, joined by a line — and places the
actor at the newest one; it never averages them silently.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.charts.theme import (
    CONFIDENCE_OPACITY,
    HOVER,
    base_spec,
    bloc_palette,
    chart,
    click_data,
    legend_marker,
    position_hover,
    trace,
)
from briefing.escape import esc, esc_series, short, wrap_lines
from briefing.model import Briefing, plain
from briefing.words import names

CONFIDENCE_SYMBOLS = {"high": "circle", "moderate": "circle", "low": "circle-open"}
MAX_STEPS = 4  # judgments per actor drawn on its trajectory, newest first


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """The value where half the total weight lies on either side."""
    order = np.argsort(values, kind="stable")
    v, w = np.asarray(values, float)[order], np.asarray(weights, float)[order]
    if w.sum() <= 0:
        return float(np.median(v))
    cum = np.cumsum(w)
    return float(v[np.searchsorted(cum, cum[-1] / 2)])


def _judgments(b: Briefing, pos: pd.DataFrame) -> pd.DataFrame:
    """The positions with their article's date and title, oldest first per actor."""
    arts = b.articles.set_index("article_id")
    pos = pos.assign(position=pos["position"].astype(float),
                     salience=pos["salience"].astype(float),
                     published=pos["article_id"].map(arts["published"]),
                     article=pos["article_id"].map(arts["title"]).fillna(pos["article_id"]))
    return pos.sort_values(["actor_id", "published", "position_id"], kind="stable")


def _trajectory_words(history: pd.DataFrame) -> str:
    """'30 (A title, 3 Jun 2025) → 55 (Another, 2 Dec 2025)', escaped."""
    steps = [f"{p:g} ({esc(short(t, 40))}, {pd.Timestamp(d):%-d %b %Y})"
             for p, t, d in zip(history["position"], history["article"], history["published"],
                                strict=True)]
    return " → ".join(steps)


@chart
def positions(
    b: Briefing,
    *,
    issue: str | None = None,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """Each actor on the issue's 0–100 scale (ends named), marker size = salience,
    confidence by fill and opacity, a line at the salience-weighted median of the newest
    judgments. An actor assessed by several articles shows its trajectory: earlier
    judgments as small rings joined to the newest. Without `issue`, the issue with most
    positions. Clicks: ["position", position_id]."""
    pos = plain(b.positions)
    if issue is None and len(pos):
        issue = pos["issue_id"].value_counts().index[0]
    iss = b.issues[b.issues["issue_id"] == issue]
    label = iss["label"].iloc[0] if len(iss) else "Positions"
    title = f"Where they stand: {esc(label)}" if title is None else title
    pos = pos[pos["issue_id"] == issue]
    if pos.empty:
        return base_spec(title=title, height=height, width=width,
                         empty_message="No positions on this issue in this selection")
    nm = names(b)
    # An archive may judge an actor in hundreds of articles: the trajectory shows the
    # newest MAX_STEPS judgments (the hover says how many there were).
    every = _judgments(b, pos)
    counts = every.groupby("actor_id", sort=False)["position_id"].transform("size")
    every = every.groupby("actor_id", sort=False).tail(MAX_STEPS)
    newest = every.drop_duplicates("actor_id", keep="last")
    earlier = every[every.duplicated("actor_id", keep="last")]
    pos = newest.assign(name=newest["actor_id"].map(nm).fillna(newest["actor_id"]))
    pos = pos.sort_values(["position", "name"]).reset_index(drop=True)
    bloc = dict(zip(b.actors["actor_id"], b.actors["bloc"], strict=False))
    colour = bloc_palette(b)
    total = dict(zip(every["actor_id"], counts.loc[every.index], strict=False))
    paths = {a: ("… " if total[a] > len(g) else "") + _trajectory_words(g)
             + (f" ({total[a]} judgments, the newest {len(g)} shown)" if total[a] > len(g)
                else "")
             for a, g in every.groupby("actor_id", sort=False) if len(g) > 1}
    hover = position_hover(b, pos) + pos["actor_id"].map(
        lambda a: f"<br>over time: {paths[a]}" if a in paths else "")
    label_of = {a: esc(short(n, 30)) for a, n in zip(pos["actor_id"], pos["name"],
                                                       strict=True)}
    labels = [label_of[a] for a in pos["actor_id"]]
    traces: list[go.BaseTraceType] = []
    if len(earlier):
        # The path from the oldest judgment to the newest, one line per actor.
        xs, ys = [], []
        for a, g in every[every["actor_id"].isin(earlier["actor_id"])].groupby(
                "actor_id", sort=False):
            xs += [*g["position"], None]
            ys += [label_of[a]] * len(g) + [None]
        traces.append(trace("scatter", x=xs, y=ys, mode="lines", showlegend=False,
                            hoverinfo="skip", line={"color": "#9a9a9a", "width": 1.5}))
        ehover = ("earlier: " + position_hover(b, earlier) + "<br>from “"
                  + esc_series(earlier["article"]) + "”")
        traces.append(trace("scatter",
            x=earlier["position"], y=[label_of[a] for a in earlier["actor_id"]],
            mode="markers", showlegend=False,
            marker={"size": 9, "symbol": "circle-open", "line": {"width": 1.5},
                    "color": [colour.get(bloc.get(a, ""), "#7f7f7f")
                              for a in earlier["actor_id"]]},
            hovertext=ehover, hovertemplate=HOVER,
            customdata=click_data("position", earlier["position_id"])))
    traces.append(trace("scatter",
        x=pos["position"], y=labels, mode="markers", showlegend=False,
        marker={"size": 8 + pos["salience"] * 0.3,
                "color": [colour.get(bloc.get(a, ""), "#7f7f7f") for a in pos["actor_id"]],
                "opacity": [CONFIDENCE_OPACITY.get(c, 0.5) for c in pos["confidence"]],
                "symbol": [CONFIDENCE_SYMBOLS.get(c, "circle") for c in pos["confidence"]],
                "line": {"width": 2, "color": [colour.get(bloc.get(a, ""), "#7f7f7f")
                                               for a in pos["actor_id"]]}},
        hovertext=hover, hovertemplate=HOVER,
        customdata=click_data("position", pos["position_id"]),
    ))
    for c in ("high", "moderate", "low"):
        traces.append(legend_marker(f"{c} confidence", symbol=CONFIDENCE_SYMBOLS[c],
                                    colour=f"rgba(80,80,80,{CONFIDENCE_OPACITY[c]})",
                                    line={"width": 2, "color": "#555"}))
    if len(earlier):
        traces.append(legend_marker("an earlier article's judgment", symbol="circle-open",
                                    colour="#777", size=9))
    median = weighted_median(pos["position"].to_numpy(), pos["salience"].to_numpy())
    raw_lo, raw_hi = ((iss["scale_0"].iloc[0], iss["scale_100"].iloc[0]) if len(iss)
                      else ("0", "100"))
    # The scale's two ends are named above the plot, each wrapped into its half.
    # The scale's two ends, one above the other (the 0 end first, on the left): side by
    # side they ran into each other on a phone, where the plot is ~200 px wide.
    lo_lines, hi_lines = wrap_lines(f"← 0 = {raw_lo}", 30), wrap_lines(f"100 = {raw_hi} →", 30)
    lines = len(lo_lines) + len(hi_lines)
    n = len(pos)
    return base_spec(
        traces, title=title, height=height or 150 + 14 * lines + 42 * n, width=width,
        xaxis={"range": [-4, 104], "tickvals": [0, 25, 50, 75, 100], "zeroline": False,
               "showgrid": True, "gridcolor": "#eee", "fixedrange": True,
               },
        yaxis={"type": "category", "fixedrange": True, "automargin": True,
               "range": [-0.9, n - 0.4]},
        margin={"l": 20, "r": 20, "b": 64, "t": (40 if title else 10) + 15 * lines},
        shapes=[{"type": "line", "x0": median, "x1": median, "yref": "paper", "y0": 0,
                 "y1": 1, "line": {"color": "#333", "dash": "dash", "width": 1.5}}],
        annotations=[
            {"x": median, "y": -0.65, "yref": "y", "showarrow": False,
             "xanchor": "left" if median < 50 else "right", "xshift": 4 if median < 50
             else -4, "text": f"salience-weighted median {median:g}"
             + (" (newest judgments)" if len(earlier) else ""),
             "font": {"size": 11}, "bgcolor": "white"},
            {"x": 0, "xref": "paper", "yref": "paper", "y": 1.0, "yanchor": "bottom",
             "xanchor": "left", "align": "left", "showarrow": False,
             "yshift": 4 + 15 * len(hi_lines),
             "text": "<br>".join(esc(x) for x in lo_lines),
             "font": {"size": 11, "color": "#555"}},
            {"x": 1, "xref": "paper", "yref": "paper", "y": 1.0, "yanchor": "bottom",
             "xanchor": "right", "align": "right", "showarrow": False, "yshift": 4,
             "text": "<br>".join(esc(x) for x in hi_lines),
             "font": {"size": 11, "color": "#555"}},
        ],
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                "x": 0},
    )
