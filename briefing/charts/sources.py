"""Where the facts come from: the sources with their Admiralty grades."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.charts.theme import (
    HOVER,
    RELIABILITY_COLOURS,
    base_figure,
    click_data,
    legend_marker,
    trace,
)
from briefing.contract import RELIABILITY
from briefing.escape import esc, esc_series, short
from briefing.model import Briefing, plain
from briefing.words import SOURCE_KIND_WORDS, reliability_meanings


def sources(
    b: Briefing,
    *,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """One bar per source: how many facts (events and statements) rest on it, coloured by
    its Admiralty reliability grade (A completely reliable … F cannot be judged).
    Clicks: ["source", source_id]."""
    title = "Sources and how far to trust them" if title is None else title
    src = plain(b.sources)
    if src.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No sources in this selection")
    n_ev = b.events["source_id"].value_counts()
    n_st = b.statements["source_id"].value_counts()
    src = src.assign(events=src["source_id"].map(n_ev).fillna(0).astype(int),
                     statements=src["source_id"].map(n_st).fillna(0).astype(int))
    src = src.assign(total=src["events"] + src["statements"])
    src = src.sort_values(["reliability", "total"], ascending=[False, True])
    meaning = src["reliability"].map(reliability_meanings(b)).fillna("")
    grade = src["reliability"].astype(str)
    kind = src["kind"].map(SOURCE_KIND_WORDS).fillna(src["kind"]).astype(str)
    hover = ("<b>" + esc_series(src["name"]) + "</b><br>" + kind + " · reliability " + grade
             + ": " + meaning.str.lower() + "<br>" + src["events"].astype(str)
             + " event(s) and " + src["statements"].astype(str)
             + " statement(s) rest on it")
    note = src["note"].fillna("") if "note" in src else pd.Series("", index=src.index)
    hover = hover + np.where(note != "", "<br>" + esc_series(note), "")
    # Names are shortened on the axis (whole on hover); the bar carries only its grade,
    # so long names cannot squeeze the bars into slivers.
    y = [esc(short(n, 44)) for n in src["name"]]
    bars = trace("bar",
        x=src["total"], y=y, orientation="h", showlegend=False,
        marker={"color": [RELIABILITY_COLOURS.get(g, "#999") for g in grade]},
        text=grade.tolist(), textposition="outside", cliponaxis=False,
        textfont={"size": 12, "color": "#333"},
        hovertext=hover.tolist(), hovertemplate=HOVER,
        customdata=click_data("source", src["source_id"]),
    )
    present = [g for g in RELIABILITY if g in set(grade)]
    legend = [legend_marker(f"{g}: {reliability_meanings(b).get(g, '')}", symbol="square",
                            colour=RELIABILITY_COLOURS[g]) for g in present]
    return base_figure(
        [bars, *legend], title=title, height=height or 170 + 34 * len(src), width=width,
        xaxis={"title": {"text": "facts resting on the source"}, "showgrid": True,
               "gridcolor": "#eee", "dtick": 1 if src["total"].max() <= 10 else None,
               "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"title": {"text": "Reliability (Admiralty): "}, "orientation": "h",
                "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"l": 20, "r": 30, "t": 40 if title else 10, "b": 90},
        bargap=0.35,
    )
