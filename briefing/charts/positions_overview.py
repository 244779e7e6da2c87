"""Where every actor stands on every issue at once (analyst judgment, ICD 203)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.charts.theme import HOVER, base_spec, chart, position_hover, trace
from briefing.escape import esc, short, wrap_lines
from briefing.model import Briefing, plain
from briefing.words import names

MAX_ROWS = 20  # actors with a row of their own, those with most salience overall


@chart
def positions_overview(
    b: Briefing,
    *,
    label_limit: int = MAX_ROWS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """Actors × issues: colour = position on each issue's own 0–100 scale. Hover names
    the issue's ends. Clicks: ["position", position_id]. At most `label_limit` actors
    (those with the most salience overall)."""
    title = "Positions on every issue (analyst judgment)" if title is None else title
    pos = plain(b.positions)
    if pos.empty:
        return base_spec(title=title, height=height, width=width,
                         empty_message="No positions in this selection")
    nm = names(b)
    pos = pos.assign(position=pos["position"].astype(float),
                     salience=pos["salience"].astype(float))
    keep = pos.groupby("actor_id")["salience"].sum().sort_values(ascending=False,
                                                                 kind="stable")
    pos = pos[pos["actor_id"].isin(keep.index[:label_limit])]
    # A story judges dozens of actors: a row each would make the page thousands of pixels
    # tall. The note says how many are left out (the positions chart shows them by issue).
    capped = (f"The {label_limit} actors with most at stake, of {len(keep)}."
              if len(keep) > label_limit else "")
    # Several articles may assess one actor on one issue: the cell shows the newest.
    published = dict(zip(b.articles["article_id"], b.articles["published"], strict=False))
    pos = pos.assign(_published=pos["article_id"].map(published)).sort_values(
        "_published", kind="stable").drop_duplicates(["actor_id", "issue_id"], keep="last")
    issues = b.issues[b.issues["issue_id"].isin(pos["issue_id"])]
    actor_ids = list(pos.groupby("actor_id")["position"].mean().sort_values().index)
    issue_ids = list(issues["issue_id"])
    grid = pos.pivot(index="actor_id", columns="issue_id", values="position").reindex(
        index=actor_ids, columns=issue_ids)
    hover_s = pd.Series(position_hover(b, pos).to_numpy(), index=pd.MultiIndex.from_frame(
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
        # the title beside the bar, not on top of it where it met the "100" tick
        colorbar={"title": {"text": "position (0–100)", "side": "right"},
                  "thickness": 12, "len": 0.8},
        text=text, texttemplate="%{text}", hovertext=hover, hovertemplate=HOVER,
        customdata=custom, xgap=2, ygap=2,
    )
    return base_spec(
        [heat], title=title, height=height or max(260, 120 + 28 * len(actor_ids)),
        width=width, xaxis={"side": "bottom", "automargin": True, "fixedrange": True,
                            "tickangle": 0, "tickfont": {"size": 10}},
        yaxis={"automargin": True, "fixedrange": True, "autorange": "reversed"},
        margin={"l": 20, "r": 20, "t": (40 if title else 10) + (18 if capped else 0),
                "b": 20},
        plot_bgcolor="#e4e4e4",
        annotations=[{"text": esc(capped), "showarrow": False, "xref": "paper",
                      "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
                      "yshift": 4, "font": {"size": 11, "color": "#666"}}] if capped else None,
    )
