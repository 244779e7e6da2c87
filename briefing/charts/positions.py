"""Where actors stand on an issue (analyst judgment, ICD 203), and all issues at once."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.charts.theme import (
    BLOC_COLOURS,
    CONFIDENCE_OPACITY,
    HOVER,
    MAX_CLICK_IDS,
    MAX_LABELS,
    base_figure,
    bloc_of,
    click_data,
    esc,
    esc_series,
    legend_marker,
    names,
    plain,
    short,
    trace,
    wrap_lines,
)
from briefing.model import Briefing

CONFIDENCE_SYMBOLS = {"high": "circle", "moderate": "circle", "low": "circle-open"}
JUDGMENT = "analyst judgment, not reported by the article"


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """The value where half the total weight lies on either side."""
    order = np.argsort(values, kind="stable")
    v, w = np.asarray(values, float)[order], np.asarray(weights, float)[order]
    if w.sum() <= 0:
        return float(np.median(v))
    cum = np.cumsum(w)
    return float(v[np.searchsorted(cum, cum[-1] / 2)])


def _per_actor(pos: pd.DataFrame) -> pd.DataFrame:
    """One row per actor on the issue (many articles may each place an actor)."""
    w = pos["salience"].clip(lower=1)
    g = pos.groupby("actor_id", sort=False)
    out = pd.DataFrame({
        "position": (pos["position"] * w).groupby(pos["actor_id"], sort=False).sum()
        / w.groupby(pos["actor_id"], sort=False).sum(),
        "salience": g["salience"].mean(),
        "confidence": g["confidence"].agg(lambda s: s.mode().iloc[0]),
        "rationale": g["rationale"].first(),
        "issue_id": g["issue_id"].first(),
        "position_id": g["position_id"].agg(lambda s: " ".join(s.iloc[:MAX_CLICK_IDS])),
        "n": g.size(),
    })
    return out.reset_index()


def _hover(b: Briefing, pos: pd.DataFrame) -> pd.Series:
    nm = names(b)
    labels = dict(zip(b.issues["issue_id"], b.issues["label"], strict=False))
    return ("<b>" + esc_series(pos["actor_id"].map(nm).fillna(pos["actor_id"])) + "</b> on "
            + esc_series(pos["issue_id"].map(labels).fillna("an issue")) + "<br>position "
            + pos["position"].map("{:g}".format) + " of 100 · salience "
            + pos["salience"].map("{:g}".format) + " · confidence "
            + pos["confidence"].astype(str) + "<br>why: " + esc_series(pos["rationale"])
            + f"<br><i>{JUDGMENT}</i>").astype(object)


def positions(
    b: Briefing,
    *,
    issue: str | None = None,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """Each actor on the issue's 0–100 scale (ends named), marker size = salience,
    confidence by fill and opacity, a line at the salience-weighted median. Without
    `issue`, the issue with most positions. Clicks: ["position", position_id]."""
    pos = plain(b.positions)
    if issue is None and len(pos):
        issue = pos["issue_id"].value_counts().index[0]
    iss = b.issues[b.issues["issue_id"] == issue]
    label = iss["label"].iloc[0] if len(iss) else "Positions"
    title = f"Where they stand: {esc(label)}" if title is None else title
    pos = pos[pos["issue_id"] == issue]
    if pos.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No positions on this issue in this selection")
    nm = names(b)
    pos = _per_actor(pos.assign(position=pos["position"].astype(float),
                                salience=pos["salience"].astype(float)))
    pos = pos.assign(name=pos["actor_id"].map(nm).fillna(pos["actor_id"]))
    pos = pos.sort_values(["position", "name"]).reset_index(drop=True)
    blocs = bloc_of(b.actors.reset_index(drop=True))
    bloc = dict(zip(b.actors["actor_id"], blocs, strict=False))
    hover = _hover(b, pos) + np.where(
        pos["n"] > 1, "<br>(" + pos["n"].astype(str) + " judgments: position is their "
        "salience-weighted mean)", "")
    labels = [esc(short(n, 30)) for n in pos["name"]]
    traces: list[go.BaseTraceType] = [trace("scatter",
        x=pos["position"], y=labels, mode="markers", showlegend=False,
        marker={"size": 8 + pos["salience"] * 0.3,
                "color": [BLOC_COLOURS[bloc.get(a, "other")] for a in pos["actor_id"]],
                "opacity": [CONFIDENCE_OPACITY.get(c, 0.5) for c in pos["confidence"]],
                "symbol": [CONFIDENCE_SYMBOLS.get(c, "circle") for c in pos["confidence"]],
                "line": {"width": 2, "color": [BLOC_COLOURS[bloc.get(a, "other")]
                                               for a in pos["actor_id"]]}},
        hovertext=hover, hovertemplate=HOVER,
        customdata=click_data("position", pos["position_id"]),
    )]
    for c in ("high", "moderate", "low"):
        traces.append(legend_marker(f"{c} confidence", symbol=CONFIDENCE_SYMBOLS[c],
                                    colour=f"rgba(80,80,80,{CONFIDENCE_OPACITY[c]})",
                                    line={"width": 2, "color": "#555"}))
    median = weighted_median(pos["position"].to_numpy(), pos["salience"].to_numpy())
    raw_lo, raw_hi = ((iss["scale_0"].iloc[0], iss["scale_100"].iloc[0]) if len(iss)
                      else ("0", "100"))
    # The scale's two ends are named above the plot, each wrapped into its half.
    lo_lines, hi_lines = wrap_lines(f"← 0 = {raw_lo}", 32), wrap_lines(f"100 = {raw_hi} →", 32)
    lines = max(len(lo_lines), len(hi_lines))
    n = len(pos)
    return base_figure(
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
             else -4, "text": f"salience-weighted median {median:g}",
             "font": {"size": 11}, "bgcolor": "white"},
            {"x": 0, "xref": "paper", "yref": "paper", "y": 1.0, "yanchor": "bottom",
             "xanchor": "left", "align": "left", "showarrow": False, "yshift": 4,
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


def positions_overview(
    b: Briefing,
    *,
    label_limit: int = MAX_LABELS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """Actors × issues: colour = position on each issue's own 0–100 scale. Hover names
    the issue's ends. Clicks: ["position", position_id]. At most `label_limit` actors
    (those with the most salience overall)."""
    title = "Positions on every issue (analyst judgment)" if title is None else title
    pos = plain(b.positions)
    if pos.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No positions in this selection")
    nm = names(b)
    pos = pos.assign(position=pos["position"].astype(float),
                     salience=pos["salience"].astype(float))
    keep = pos.groupby("actor_id")["salience"].sum().sort_values(ascending=False)
    pos = pos[pos["actor_id"].isin(keep.index[:label_limit])]
    pos = pos.drop_duplicates(["actor_id", "issue_id"], keep="last")
    issues = b.issues[b.issues["issue_id"].isin(pos["issue_id"])]
    actor_ids = list(pos.groupby("actor_id")["position"].mean().sort_values().index)
    issue_ids = list(issues["issue_id"])
    grid = pos.pivot(index="actor_id", columns="issue_id", values="position").reindex(
        index=actor_ids, columns=issue_ids)
    hover_s = pd.Series(_hover(b, pos).to_numpy(), index=pd.MultiIndex.from_frame(
        pos[["actor_id", "issue_id"]]))
    ends = {i: f"<br>0 = {esc(a)} · 100 = {esc(z)}" for i, a, z in
            zip(issues["issue_id"], issues["scale_0"], issues["scale_100"], strict=True)}
    ids_s = pd.Series(pos["position_id"].to_numpy(), index=hover_s.index)
    hover = [[hover_s.get((a, i), "no position recorded") + (ends[i] if (a, i) in hover_s
                                                             else "")
              for i in issue_ids] for a in actor_ids]
    custom = [[["position", ids_s.get((a, i), "")] for i in issue_ids] for a in actor_ids]
    text = [[("" if np.isnan(v) else f"{v:g}") for v in r] for r in grid.to_numpy()]
    heat = trace("heatmap",
        # Issue labels wrap under their column; long actor names are shortened (hover
        # carries them whole).
        z=grid.to_numpy(), x=["<br>".join(esc(x) for x in wrap_lines(label, 12))
                              for label in issues["label"]],
        y=[esc(short(nm.get(a, a), 30)) for a in actor_ids], zmin=0, zmax=100,
        # The middle of the scale is a warm light tone, not white: a cell with no position
        # shows the grey plot background instead, so "missing" never reads as "neutral".
        colorscale=[[0, "#5e3c99"], [0.5, "#efe3c8"], [1, "#e66101"]],
        colorbar={"title": {"text": "position<br>(0–100)", "side": "top"},
                  "thickness": 12, "len": 0.8},
        text=text, texttemplate="%{text}", hovertext=hover, hovertemplate=HOVER,
        customdata=custom, xgap=2, ygap=2,
    )
    return base_figure(
        [heat], title=title, height=height or max(260, 120 + 28 * len(actor_ids)),
        width=width, xaxis={"side": "bottom", "automargin": True, "fixedrange": True,
                            "tickangle": 0, "tickfont": {"size": 10}},
        yaxis={"automargin": True, "fixedrange": True, "autorange": "reversed"},
        margin={"l": 20, "r": 20, "t": 40 if title else 10, "b": 20},
        plot_bgcolor="#e4e4e4",
    )
