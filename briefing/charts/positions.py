"""Where actors stand on an issue (analyst judgment, ICD 203), article by article.

When several articles assess the same actor on the same issue, the chart draws the
trajectory — each article's judgment, oldest to newest, joined by a line — and places the
actor at the newest one; it never averages them silently.
"""

from __future__ import annotations

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
    published_days,
    trace,
)
from briefing.escape import esc, esc_series, short, wrap_lines
from briefing.marks import Binding, Rules, Value, weighted_median
from briefing.model import Briefing, plain
from briefing.words import names

CONFIDENCE_SYMBOLS = {"high": "circle", "moderate": "circle", "low": "circle-open"}
MAX_STEPS = 4  # judgments per actor drawn on its trajectory, newest first


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


def positions_rules(
    b: Briefing,
    *,
    issue: str | None = None,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """`positions` for the whole of `b` on `issue`, with the rules that make it follow a
    selection (`briefing.marks`): an actor's dot is its newest selected judgment (size,
    confidence and hover from it), earlier selected judgments are rings joined to it (the
    newest MAX_STEPS), and the line is the salience-weighted median of the newest
    selected judgments. Rows keep their order; an actor with no selected judgment leaves
    the chart."""
    pos = plain(b.positions)
    if issue is None and len(pos):
        issue = pos["issue_id"].value_counts().index[0]
    iss = b.issues[b.issues["issue_id"] == issue]
    label = iss["label"].iloc[0] if len(iss) else "Positions"
    title = f"Where they stand: {esc(label)}" if title is None else title
    row_of = pd.Series(range(len(pos)), index=pos.index)
    pos = pos[pos["issue_id"] == issue]
    if pos.empty:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No positions on this issue in this selection"),
                     (), keyed_by=("issue",))
    nm = names(b)
    every = _judgments(b, pos).assign(row=lambda d: row_of.loc[d.index].to_numpy())
    newest = every.drop_duplicates("actor_id", keep="last")
    newest = newest.assign(name=newest["actor_id"].map(nm).fillna(newest["actor_id"]))
    newest = newest.sort_values(["position", "name"]).reset_index(drop=True)
    actors = list(newest["actor_id"])
    label_of = {a: esc(short(n, 30)) for a, n in zip(actors, newest["name"], strict=True)}
    bloc = dict(zip(b.actors["actor_id"], b.actors["bloc"], strict=False))
    palette = bloc_palette(b)
    colour = {a: palette.get(bloc.get(a, ""), "#7f7f7f") for a in actors}
    rows_of = {a: g["row"].tolist() for a, g in every.groupby("actor_id", sort=False)}
    later = {r: rs[i + 1:] for rs in rows_of.values() for i, r in enumerate(rs)}
    # per positions row: the numbers the rules read (only this issue's rows matter)
    full = plain(b.positions)
    conf_codes = {"high": 0, "moderate": 1, "low": 2}
    fields = {
        "published": published_days(b, full),
        "position": full["position"].astype(float).to_numpy(),
        "salience": full["salience"].astype(float).to_numpy(),
        "confidence": full["confidence"].astype(str).map(conf_codes).fillna(3).to_numpy(float),
        "actor": pd.factorize(full["actor_id"])[0].astype(float),
    }
    # per row: its hover and its click (picked by the newest selected row of an actor)
    hover = pd.Series("", index=full.index, dtype=object)
    hover.loc[every.index] = position_hover(b, every)
    picks = {"hover": hover.tolist(),
             "click": click_data("position", full["position_id"].astype(str))}
    multi = [a for a in actors if len(rows_of[a]) > 1]
    traces: list[dict] = []
    bindings: list[Binding] = []
    if multi:
        # each step of an actor's path: one segment from a judgment to the next
        steps = [(a, r, s) for a in multi
                 for r, s in zip(rows_of[a], rows_of[a][1:], strict=False)]
        x = fields["position"]
        traces.append(trace("scatter", x=[v for _, r, s in steps for v in (x[r], x[s], None)],
                            y=[v for a, _, _ in steps for v in (label_of[a],) * 2 + (None,)],
                            mode="lines", showlegend=False, hoverinfo="skip",
                            line={"color": "#9a9a9a", "width": 1.5}))
        bindings.append(Binding(len(traces) - 1, len(steps), points=3, values={
            "both": Value("positions", [[r, s] for _, r, s in steps]),
            "newer": Value("positions", [later[r] for _, r, _ in steps])},
            hide={"value": "both", "attrs": ["x", "y"],
                  "band": [{"value": "both", "bands": [2], "equals": 1},
                           {"value": "newer", "bands": [MAX_STEPS], "equals": 0}]}))
        ring_rows = [r for a in multi for r in rows_of[a]]
        ring = every.set_index("row").loc[ring_rows]
        traces.append(trace("scatter",
            x=ring["position"].tolist(), y=[label_of[a] for a in ring["actor_id"]],
            mode="markers", showlegend=False,
            marker={"size": 9, "symbol": "circle-open", "line": {"width": 1.5},
                    "color": [colour[a] for a in ring["actor_id"]]},
            hovertext=("earlier: " + position_hover(b, ring) + "<br>from “"
                       + esc_series(ring["article"]) + "”").tolist(),
            hovertemplate=HOVER, customdata=click_data("position", ring["position_id"])))
        bindings.append(Binding(len(traces) - 1, len(ring_rows), values={
            "self": Value("positions", [[r] for r in ring_rows]),
            "newer": Value("positions", [later[r] for r in ring_rows])},
            hide={"value": "self", "attrs": ["x", "y"],
                  "band": {"value": "newer", "bands": [1, MAX_STEPS], "equals": 1}}))
    # each actor's dot: its newest selected judgment
    traces.append(trace("scatter",
        x=newest["position"].tolist(), y=[label_of[a] for a in actors], mode="markers",
        showlegend=False,
        marker={"size": (8 + newest["salience"] * 0.3).tolist(),
                "color": [colour[a] for a in actors],
                "opacity": [CONFIDENCE_OPACITY.get(c, 0.5) for c in newest["confidence"]],
                "symbol": [CONFIDENCE_SYMBOLS.get(c, "circle") for c in newest["confidence"]],
                "line": {"width": 2, "color": [colour[a] for a in actors]}},
        hovertext=position_hover(b, newest).tolist(), hovertemplate=HOVER,
        customdata=click_data("position", newest["position_id"])))
    newest_of = {name: Value("positions", [rows_of[a] for a in actors], "newest", field,
                             order="published") for name, field in
                 (("x", "position"), ("s", "salience"), ("c", "confidence"), ("r", None))}
    bindings.append(Binding(len(traces) - 1, len(actors), values={
        **newest_of, "n": Value("positions", [rows_of[a] for a in actors])}, sets=[
        {"attr": "x", "value": "x"},
        {"attr": "marker.size", "value": "s", "scale": [8, 0.3, "linear"]},
        {"attr": "marker.opacity", "value": "c", "bands": [0.5, 1.5, 2.5],
         "choices": [CONFIDENCE_OPACITY.get(c, 0.5) for c in (*conf_codes, "")]},
        {"attr": "marker.symbol", "value": "c", "bands": [0.5, 1.5, 2.5],
         "choices": [CONFIDENCE_SYMBOLS.get(c, "circle") for c in (*conf_codes, "")]},
        {"attr": "hovertext", "template": ["{r}"] * len(actors), "picks": {"r": "hover"}},
        {"attr": "customdata", "value": "r", "pick": "click", "else": None}],
        hide={"value": "n", "attrs": ["x", "y"]}))
    for c in ("high", "moderate", "low"):
        traces.append(legend_marker(f"{c} confidence", symbol=CONFIDENCE_SYMBOLS[c],
                                    colour=f"rgba(80,80,80,{CONFIDENCE_OPACITY[c]})",
                                    line={"width": 2, "color": "#555"}))
    if multi:
        traces.append(legend_marker("an earlier article's judgment", symbol="circle-open",
                                    colour="#777", size=9))
    # the median of the newest selected judgments, on an axis of its own (0–1 high)
    all_rows = [every["row"].tolist()]
    median = weighted_median(newest["position"].to_numpy(), newest["salience"].to_numpy())
    wmed = Value("positions", all_rows, "wmedian", "position", order="published",
                 weight="salience", group="actor")
    traces.append(trace("scatter", x=[median, median], y=[0, 1], yaxis="y2", mode="lines",
                        showlegend=False, hoverinfo="skip",
                        line={"color": "#333", "dash": "dash", "width": 1.5}))
    bindings.append(Binding(len(traces) - 1, 1, points=2, values={
        "m": wmed, "n": Value("positions", all_rows)}, sets=[{"attr": "x", "value": "m"}],
        hide={"value": "n", "attrs": ["x", "y"]}))
    words = "salience-weighted median {m}" + (" (newest judgments)" if multi else "")
    traces.append(trace("scatter", x=[median], y=[0.01], yaxis="y2", mode="text",
                        text=[words.format(m=f"{median:g}")],
                        textposition="top right" if median < 50 else "top left",
                        textfont={"size": 11}, showlegend=False, hoverinfo="skip",
                        # a label that must stay: moved inside the figure, never hidden
                        cliponaxis=False, meta={"label_rank": [0], "label_keep": 1}))
    bindings.append(Binding(len(traces) - 1, 1, values={
        "m": wmed, "n": Value("positions", all_rows)}, sets=[
        {"attr": "x", "value": "m"},
        {"attr": "text", "template": [words]},
        {"attr": "textposition", "value": "m", "bands": [50],
         "choices": ["top right", "top left"]}],
        hide={"value": "n", "attrs": ["x", "y"]}))
    # a selection with no judgment on the issue says so
    traces.append(trace("scatter", x=[50], y=[0.5], yaxis="y2", mode="text",
                        text=["No positions on this issue in this selection"],
                        textfont={"size": 13, "color": "#666"}, showlegend=False,
                        hoverinfo="skip"))
    bindings.append(Binding(len(traces) - 1, 1, values={
        "none": Value("positions", [[]]), "n": Value("positions", all_rows)},
        hide={"value": "none", "attrs": ["x", "y"], "unfed": "show",
              "band": {"value": "n", "bands": [1], "equals": 0}}))
    raw_lo, raw_hi = ((iss["scale_0"].iloc[0], iss["scale_100"].iloc[0]) if len(iss)
                      else ("0", "100"))
    lo_lines, hi_lines = wrap_lines(f"← 0 = {raw_lo}", 30), wrap_lines(f"100 = {raw_hi} →", 30)
    lines = len(lo_lines) + len(hi_lines)
    spec = base_spec(
        traces, title=title, height=height or 150 + 14 * lines + 42 * len(actors),
        width=width,
        xaxis={"range": [-4, 104], "tickvals": [0, 25, 50, 75, 100], "zeroline": False,
               "showgrid": True, "gridcolor": "#eee", "fixedrange": True},
        yaxis={"type": "category", "fixedrange": True, "automargin": True},
        yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True},
        margin={"l": 20, "r": 20, "b": 64, "t": (40 if title else 10) + 15 * lines},
        annotations=[
            {"x": 0, "xref": "paper", "yref": "paper", "y": 1.0, "yanchor": "bottom",
             "xanchor": "left", "align": "left", "showarrow": False,
             "yshift": 4 + 15 * len(hi_lines), "text": "<br>".join(esc(x) for x in lo_lines),
             "font": {"size": 11, "color": "#555"}},
            {"x": 1, "xref": "paper", "yref": "paper", "y": 1.0, "yanchor": "bottom",
             "xanchor": "right", "align": "right", "showarrow": False, "yshift": 4,
             "text": "<br>".join(esc(x) for x in hi_lines),
             "font": {"size": 11, "color": "#555"}}],
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
    )
    return Rules(spec, bindings, fields, picks, keyed_by=("issue",))
