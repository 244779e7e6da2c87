"""Where every actor stands on every issue at once (analyst judgment, ICD 203): a grid
drawn once for the whole base, whose cells follow the selection (`briefing.marks`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.charts.theme import (
    HOVER,
    base_spec,
    chart,
    click_data,
    position_hover,
    published_days,
    trace,
)
from briefing.escape import esc, short, wrap_lines
from briefing.marks import Binding, Rules, Value, apply
from briefing.model import Briefing, plain
from briefing.select import Selection, masks
from briefing.words import names

MAX_ROWS = 20  # actors with a row of their own, those with most salience overall
NO_POSITION = "no position recorded"  # an empty cell's hover


def positions_overview_rules(
    b: Briefing,
    *,
    label_limit: int = MAX_ROWS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """The whole base's grid with the rules that make it follow a selection: a cell shows
    the newest selected judgment of its actor on its issue (grey when none is selected).
    Rows and columns stay put: the `label_limit` actors with most salience overall, by
    their mean position; every issue with a judgment."""
    title = "Positions on every issue (analyst judgment)" if title is None else title
    full = plain(b.positions)
    if full.empty:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No positions in this selection"), ())
    nm = names(b)
    days = published_days(b, full)
    pos = full.assign(row=np.arange(len(full)), position=full["position"].astype(float),
                      salience=full["salience"].astype(float),
                      _published=days).sort_values("_published", kind="stable")
    keep = pos.groupby("actor_id")["salience"].sum().sort_values(ascending=False,
                                                                 kind="stable")
    pos = pos[pos["actor_id"].isin(keep.index[:label_limit])]
    # A story judges dozens of actors: a row each would make the page thousands of pixels
    # tall. The note says how many are left out (the positions chart shows them by issue).
    capped = (f"The {label_limit} actors with most at stake, of {len(keep)}."
              if len(keep) > label_limit else "")
    newest = pos.drop_duplicates(["actor_id", "issue_id"], keep="last")
    actor_ids = list(newest.groupby("actor_id")["position"].mean().sort_values().index)
    issues = b.issues[b.issues["issue_id"].isin(pos["issue_id"])]
    issue_ids = list(issues["issue_id"])
    rows_of = {k: g["row"].tolist() for k, g in pos.groupby(["actor_id", "issue_id"],
                                                            sort=False)}
    cells = [rows_of.get((a, i), []) for a in actor_ids for i in issue_ids]
    # per positions row: its hover (with its issue's two ends) and its click
    ends = {i: f"<br>0 = {esc(lo)} · 100 = {esc(hi)}" for i, lo, hi in
            zip(issues["issue_id"], issues["scale_0"], issues["scale_100"], strict=True)}
    hover = pd.Series("", index=full.index, dtype=object)
    hover.loc[pos.index] = position_hover(b, pos).to_numpy() + pos["issue_id"].map(
        ends).fillna("").to_numpy()
    picks = {"hover": hover.tolist(),
             "click": click_data("position", full["position_id"].astype(str))}
    fields = {"position": full["position"].astype(float).to_numpy(), "published": days}
    cols = len(issue_ids)
    # Issue labels wrap under their column; long actor names are shortened (hover carries
    # them whole).
    xs = ["<br>".join(esc(x) for x in wrap_lines(label, 12)) for label in issues["label"]]
    ys = [esc(short(nm.get(a, a), 30)) for a in actor_ids]
    heat = trace("heatmap", z=[[None] * cols for _ in actor_ids], x=xs, y=ys, zmin=0, zmax=100,
        # The middle of the scale is a warm light tone, not white: a cell with no position
        # shows the grey plot background instead, so "missing" never reads as "neutral".
        colorscale=[[0, "#5e3c99"], [0.5, "#efe3c8"], [1, "#e66101"]],
        # the title beside the bar, not on top of it where it met the "100" tick
        colorbar={"title": {"text": "position (0–100)", "side": "right"},
                  "thickness": 12, "len": 0.8},
        text=[[""] * cols for _ in actor_ids], texttemplate="%{text}",
        hovertext=[[NO_POSITION] * cols for _ in actor_ids], hovertemplate=HOVER,
        customdata=[[["position", ""]] * cols for _ in actor_ids], xgap=2, ygap=2,
    )
    # a selection with no judgment in the grid says so, over the empty grid
    none = trace("scatter", x=[0.5], y=[0.5], xaxis="x2", yaxis="y2", mode="text",
                 text=["No position of these actors in this selection"],
                 textfont={"size": 13, "color": "#555"}, showlegend=False, hoverinfo="skip")
    # The rows and columns are fixed (categories in order, a fixed range): a selection that
    # leaves every cell empty keeps the grid and its labels.
    figure = base_spec(
        [heat, none], title=title, height=height or max(260, 120 + 28 * len(actor_ids)),
        width=width, xaxis={"side": "bottom", "automargin": True, "fixedrange": True,
                            "tickangle": 0, "tickfont": {"size": 10}, "type": "category",
                            "categoryorder": "array", "categoryarray": xs,
                            "range": [-0.5, cols - 0.5]},
        yaxis={"automargin": True, "fixedrange": True, "type": "category",
               "categoryorder": "array", "categoryarray": ys,
               "range": [len(ys) - 0.5, -0.5]},
        xaxis2={"overlaying": "x", "range": [0, 1], "visible": False, "fixedrange": True},
        yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True},
        margin={"l": 20, "r": 20, "t": (40 if title else 10) + (18 if capped else 0),
                "b": 20},
        plot_bgcolor="#e4e4e4",
        annotations=[{"text": esc(capped), "showarrow": False, "xref": "paper",
                      "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
                      "yshift": 4, "font": {"size": 11, "color": "#666"}}] if capped else None,
    )
    newest_of = {name: Value("positions", cells, "newest", f, order="published")
                 for name, f in (("z", "position"), ("r", None))}
    binding = Binding(0, len(cells), columns=cols, values=newest_of, sets=[
        {"attr": "z", "value": "z"},
        {"attr": "text", "template": ["{z}"] * len(cells), "nan": ""},
        {"attr": "hovertext", "value": "r", "pick": "hover", "else": NO_POSITION},
        {"attr": "customdata", "value": "r", "pick": "click", "else": ["position", ""]}])
    every = [r for c in cells for r in c]
    said = Binding(1, 1, values={"none": Value("positions", [[]]),
                                 "n": Value("positions", [every])},
                   hide={"value": "none", "attrs": ["x", "y"], "unfed": "show",
                         "band": {"value": "n", "bands": [1], "equals": 0}})
    return Rules(figure, [binding, said], fields, picks)


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
    (those with the most salience overall). The chart of `positions_overview_rules(b)`
    with every judgment selected."""
    rules = positions_overview_rules(b, label_limit=label_limit, title=title, height=height,
                                     width=width)
    return apply(rules, masks(b, Selection()))
