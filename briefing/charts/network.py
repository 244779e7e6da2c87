"""Who does what to whom: a directed network of actors.

Focus and context: the OVERVIEW_NODES busiest actors are nodes of their own, the others
are folded into their nearest drawn ancestor (a minister into her state) or into one
"others" node, each with the count in its name. Where nodes go is decided once per fact
base (`network_layout`), without randomness, so nodes never jump when filters change.
Edges are aggregated per (from node, to node, kind): parallel acts are one channel. The
figure is drawn once for the whole fact base with rules (`briefing.marks`) that show,
size and colour its marks for a selection: per line style one faded trace and one trace
per colour band (each holding every edge; an edge shows in the band its selected events'
mean score falls in), one trace of clickable edge midpoints sized by selected events, one
of nodes, and legend-only entries. Names carry a priority (`meta.label_rank`, busiest
first); the page hides a name that would collide with a more important one, except the
MUST_LABEL busiest (see plotly_view.js).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from briefing.channels import edge_table, legs
from briefing.charts.theme import (
    HOVER,
    KIND_SYMBOLS,
    OTHER_GREY,
    SCORE_BAND_EDGES,
    SCORE_SCALE,
    base_spec,
    bloc_palette,
    chart,
    event_summaries,
    flat_colorbar,
    legend_marker,
    reachable_bands,
    score_bin_colour,
    trace,
)
from briefing.escape import esc, esc_series, short, wrap_lines
from briefing.marks import Binding, Rules, Value, apply, slot, template
from briefing.model import Briefing, plain
from briefing.network_layout import (
    MAX_NODES,
    OTHERS,
    Layout,
    network_layout,
)
from briefing.select import Selection, index, masks
from briefing.words import ACTOR_KIND_WORDS, ROLE_WORDS, SCORE_BIN_WORDS, bloc_labels, names

MUST_LABEL = 12  # the most active actors are always named on the chart
LABEL_CHARS = 26  # a node's name on the chart is cut here (whole on hover and in Details)
MAX_EDGES = 400  # links drawn at most, likewise
MAIN_CHANNELS = 60  # channels drawn in colour; the thinner rest are faded context
# The outer LABEL_ROOM of the x range on each side is left for the names.
LABEL_ROOM = 1.05


def _segments(edges: pd.DataFrame, pos: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Edge end points, nudged to the right of the direction of travel (so A→B and B→A
    stay apart) and shortened so the arrowhead stops at the node."""
    x0 = edges["src"].map(lambda a: pos[a][0]).to_numpy(float)
    y0 = edges["src"].map(lambda a: pos[a][1]).to_numpy(float)
    x1 = edges["tgt"].map(lambda a: pos[a][0]).to_numpy(float)
    y1 = edges["tgt"].map(lambda a: pos[a][1]).to_numpy(float)
    dx, dy = x1 - x0, y1 - y0
    length = np.hypot(dx, dy)
    length[length == 0] = 1
    ux, uy = dx / length, dy / length
    nudge = 0.018
    shrink = np.minimum(0.07, length * 0.3)
    return edges.assign(
        x0=x0 + ux * 0.04 + uy * nudge, y0=y0 + uy * 0.04 - ux * nudge,
        x1=x1 - ux * shrink + uy * nudge, y1=y1 - uy * shrink - ux * nudge,
    ).assign(xm=lambda d: (d.x0 + d.x1) / 2, ym=lambda d: (d.y0 + d.y1) / 2)


def _only(values: dict[str, Value], marks: list[int] | np.ndarray) -> dict[str, Value]:
    """The same values for some of the marks only (a trace that draws those)."""
    return {k: replace(v, rows=[v.rows[i] for i in marks]) for k, v in values.items()}


def _line_trace(seg: pd.DataFrame, *, colour: str, width: float, dash: str,
                opacity: float = 1.0) -> dict:
    """Every edge of `seg` as a segment (x0, x1, gap); a joint act's carries no
    arrowhead. The rules hide the segments this trace does not draw now."""
    n = len(seg)
    nan = np.full(n, np.nan)
    xs = np.column_stack([seg["x0"], seg["x1"], nan]).ravel()
    ys = np.column_stack([seg["y0"], seg["y1"], nan]).ravel()
    head = np.where(seg["arrows"], 8 + width * 1.6, 0)
    sizes = np.column_stack([np.zeros(n), head, np.zeros(n)]).ravel()
    return trace("scatter",
        x=[None if v != v else float(v) for v in xs],
        y=[None if v != v else float(v) for v in ys], mode="lines+markers",
        hoverinfo="skip", showlegend=False,
        line={"color": colour, "width": width, "dash": dash}, opacity=opacity,
        marker={"symbol": "arrow", "angleref": "previous", "size": sizes.tolist(),
                "color": colour, "line": {"width": 0}},
    )


def network_rules(
    b: Briefing,
    *,
    layout: Layout | None = None,
    label_limit: int = MUST_LABEL,
    node_limit: int = MAX_NODES,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """The network for the whole of `b` with the rules that make it follow a selection
    and a focused actor (`briefing.marks`): a node shows while it (or one of its people)
    takes part in a selected event, sized by how many; an edge while a selected event runs
    along it, coloured by their mean score, its midpoint sized by how many; with a focus,
    what does not share an event with the focused actor fades. Nodes and edges keep their
    places (`network_layout`)."""
    title = "Who does what to whom" if title is None else title
    lay = layout or network_layout(b, node_limit)
    nm = names(b)
    actors = plain(b.actors)
    ix = index(b)
    node_of, pos, side = lay.node, lay.pos, lay.side
    # a layout from a larger fact base may place actors this one does not hold
    known = set(actors["actor_id"]) | {OTHERS}
    drawn = [a for a in pos if a in known]
    if not drawn:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No actors in this selection"), ())
    part_node = b.participants["actor_id"].map(node_of).to_numpy(dtype=object)
    own = {a: np.flatnonzero(part_node == a).tolist() for a in drawn}
    # a node shows while it or a node below it (a minister below her state) takes part
    parent = dict(zip(actors["actor_id"], actors["parent_id"], strict=False))
    under = {a: list(own[a]) for a in drawn}
    for a in drawn:
        p = parent.get(a)
        seen = {a}
        while isinstance(p, str) and p in pos and p not in seen:
            under[p] += own[a]
            seen.add(p)
            p = parent.get(p)
    folded: dict[str, list[str]] = {}
    referenced = set(b.participants["actor_id"])
    for a, n in node_of.items():
        if n != a and a in referenced:
            folded.setdefault(n, []).append(a)

    lg = legs(b)
    lg = lg.assign(src=lg["src"].map(node_of), tgt=lg["tgt"].map(node_of),
                   row=ix.event_ids.get_indexer(lg["event_id"].astype(object)))
    lg = lg[lg["src"].notna() & lg["tgt"].notna() & (lg["src"] != lg["tgt"])]
    lg = lg[lg["src"].isin(pos) & lg["tgt"].isin(pos)]
    # Parallel acts between two nodes are one channel (one line, one click target): it is
    # drawn in the style of its commonest kind of leg (a joint act's two ends in id order);
    # its hover lists every kind of act in it.
    if len(lg):
        mutual = lg["leg"] == "mutual"
        lo = lg[["src", "tgt"]].min(axis=1).where(mutual, lg["src"])
        hi = lg[["src", "tgt"]].max(axis=1).where(mutual, lg["tgt"])
        lg = lg.assign(src=lo, tgt=hi)
        commonest = (lg.groupby(["src", "tgt", "leg"], sort=False)["event_id"].nunique()
                     .reset_index().sort_values("event_id", ascending=False, kind="stable")
                     .drop_duplicates(["src", "tgt"]).set_index(["src", "tgt"])["leg"])
        lg = lg.assign(leg=commonest.reindex(pd.MultiIndex.from_frame(lg[["src", "tgt"]]))
                       .to_numpy())
    capped = lay.capped
    # the busiest links; the others are in the note
    edges = edge_table(lg, ["src", "tgt", "leg"], summaries=event_summaries(b),
                       limit=MAX_EDGES)
    if edges.attrs["total"] > MAX_EDGES:
        capped = (capped + " " if capped else "") + (
            f"Drawing the {MAX_EDGES} busiest of {edges.attrs['total']:,} links.")

    def node_name(a: str) -> str:
        if a == OTHERS:
            return f"{len(folded.get(OTHERS, []))} others"
        n = nm.get(a, a)
        return f"{n} +{len(folded[a])}" if folded.get(a) else n

    traces: list[dict] = []
    bindings: list[Binding] = []
    if len(edges):
        seg = _segments(edges, pos)
        seg["dash"] = np.select([seg["leg"].isin(["direct", "mutual"]),
                                 seg["leg"] == "negated"], ["solid", "dot"], "dash")
        seg["arrows"] = seg["leg"] != "mutual"
        # Context, not structure: channels to the folded "others", and beyond the busiest
        # MAIN_CHANNELS the thinnest ones, are drawn faded (still clickable).
        main = ((seg["n"].rank(method="first", ascending=False) <= MAIN_CHANNELS)
                & (seg["src"] != OTHERS) & (seg["tgt"] != OTHERS)).to_numpy()
        rows_of = lg.groupby(["src", "tgt", "leg"], sort=False)["row"].agg(list)
        rows = [rows_of[k] for k in zip(seg["src"], seg["tgt"], seg["leg"], strict=True)]
        score = b.events["plover_score"].to_numpy(dtype=float)
        values = {"n": Value("events", rows, agg="distinct", key="event"),
                  "s": Value("events", rows, agg="mean", field="score"),
                  # what shares an event with the focused actor (every edge without a
                  # focus); context edges never count, so they stay faded
                  "ego": Value("events", [r if k else [] for r, k in zip(rows, main,
                                                                        strict=True)],
                               agg="distinct", key="event", within="focus")}
        reach = reachable_bands(rows, score)
        for dash in ("solid", "dot", "dash"):
            mine = np.flatnonzero(seg["dash"] == dash)
            if not len(mine):
                continue
            traces.append(_line_trace(seg.iloc[mine], colour="#c8c8c8", width=1.2, dash=dash,
                                      opacity=0.5))
            bindings.append(Binding(trace=len(traces) - 1, marks=len(mine), points=3,
                                    values=_only(values, mine),
                                    hide={"value": "n", "attrs": ["x", "y"],
                                          "band": {"value": "ego", "bands": [1],
                                                   "equals": 0}}))
            # One trace per colour band with the edges whose selected events' mean score
            # can fall in it (from their lowest event's band to their highest's).
            for band in range(len(SCORE_BIN_WORDS)):
                can = [i for i in mine if main[i] and band in reach[i]]
                if not can:
                    continue
                traces.append(_line_trace(seg.iloc[can], colour=score_bin_colour(band),
                                          width=3.0, dash=dash))
                bindings.append(Binding(
                    trace=len(traces) - 1, marks=len(can), points=3, values=_only(values, can),
                    hide={"value": "n", "attrs": ["x", "y"],
                          "band": [{"value": "ego", "bands": [1], "equals": 1},
                                   {"value": "s", "bands": SCORE_BAND_EDGES,
                                    "equals": band}]}))
        src_names = esc_series(seg["src"].map(node_name))
        tgt_names = esc_series(seg["tgt"].map(node_name))
        arrow = seg["leg"].map({"carries": " carries the message to ",
                                "hands": " hands a message to ",
                                "mutual": " ↔ (together) ",
                                "negated": " → (did not happen) "}).fillna(" → ")
        hover = ("<b>" + src_names + arrow + tgt_names + f"</b><br>{slot('n')} event(s) in "
                 f"view, average PLOVER score {slot('s')}<br>all " + seg["n"].astype(str)
                 + ": " + seg["types"] + "<br>" + seg["listed"])
        # Only the envoy's legs are labelled on the chart (where there is room: the
        # lowest priority of all names): every other edge names its types on hover.
        labels = np.where(seg["leg"] == "carries", "carries message", "").tolist()
        traces.append(trace("scatter",
            x=seg["xm"].tolist(), y=seg["ym"].tolist(), mode="markers+text",
            name="acts (click for events)", text=labels, textposition="top center",
            textfont={"size": 10, "color": "#555"},
            marker={"colorscale": SCORE_SCALE, "cmin": -10, "cmax": 10,
                    "colorbar": flat_colorbar(), "line": {"color": "white", "width": 1}},
            hovertemplate=HOVER, customdata=[["events", i] for i in seg["ids"]],
            meta={"label_rank": [10_000 + i for i in range(len(seg))], "label_keep": 0},
            showlegend=False,
        ))
        bindings.append(Binding(
            trace=len(traces) - 1, marks=len(seg), values=values,
            sets=[{"attr": "marker.size", "value": "n", "scale": [7, 2.5, "sqrt"]},
                  {"attr": "marker.color", "value": "s"},
                  {"attr": "marker.opacity", "value": "ego", "bands": [1],
                   "choices": [0.25, 1.0]},
                  {"attr": "hovertext", "template": [template(h) for h in hover]}],
            hide={"value": "n", "attrs": ["x", "y", "text"]}))

    # Nodes: size by events taken part in; colour by bloc; symbol by kind.
    activity = {a: len({int(ix.part_ev[r]) for r in own[a]}) for a in drawn}
    # Names by priority: the busiest first (ties: the layout's order, which is stable).
    # "others" comes last: it names no one.
    order = sorted(range(len(drawn)), key=lambda i: (drawn[i] == OTHERS,
                                                     -activity[drawn[i]], i))
    rank = [0] * len(drawn)
    for r, i in enumerate(order):
        rank[i] = r
    info = actors.set_index("actor_id")
    bloc_of = dict(zip(actors["actor_id"], actors["bloc"], strict=True))
    colour = bloc_palette(b)
    labels_of = bloc_labels(b)
    roles = b.participants["role"].to_numpy(dtype=object)

    def role_line(a: str) -> str:
        counts = pd.Series(roles[own[a]], dtype=object).value_counts()
        return ", ".join(f"{int(counts[k])} {w}" for k, w in ROLE_WORDS.items()
                         if counts.get(k, 0))

    def hover_of(a: str) -> str:
        more = folded.get(a, [])
        listed = ", ".join(esc(nm.get(x, x)) for x in more[:8]) + (
            f" and {len(more) - 8} more" if len(more) > 8 else "")
        if a == OTHERS:
            return (f"<b>{len(more)} other actors</b><br>{slot('d')} event(s) in view, each "
                    f"too few to draw on its own: {listed}")
        row = info.loc[a]
        pn = nm.get(row["parent_id"], "") if isinstance(row["parent_id"], str) else ""
        role = row["role"]
        roles_ = role_line(a)
        return (f"<b>{esc(row['name'])}</b>" + (f"<br>{esc(role)}" if isinstance(role, str)
                                                  and role else "")
                + f"<br>{esc(ACTOR_KIND_WORDS.get(row['kind'], row['kind']))}"
                + (f" · part of {esc(pn)}" if pn else "")
                + f" · {esc(labels_of.get(row['bloc'], row['bloc']))}<br>{slot('d')} "
                f"event(s) in view" + (f"; in all: {roles_}" if roles_ else "")
                + (f"<br>with {listed} folded in" if more else ""))

    sides = {"left": "middle left", "right": "middle right", "centre": "top center"}
    kind_of = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    others = " ".join(dict.fromkeys(str(ix.event_ids[int(ix.part_ev[r])])
                                    for r in own.get(OTHERS, []) if ix.part_ev[r] >= 0))
    traces.append(trace("scatter",
        x=[pos[a][0] for a in drawn], y=[pos[a][1] for a in drawn], mode="markers+text",
        name="actors", showlegend=False, cliponaxis=False,
        text=[esc(short(node_name(a), LABEL_CHARS)) for a in drawn],
        textposition=[sides[side.get(a, "centre")] for a in drawn],
        textfont={"size": 11},
        marker={"color": [OTHER_GREY if a == OTHERS else colour.get(bloc_of.get(a), OTHER_GREY)
                          for a in drawn],
                "symbol": [KIND_SYMBOLS.get(kind_of.get(a, ""), "circle-open") for a in drawn]},
        hovertemplate=HOVER,
        customdata=[["events", others] if a == OTHERS else ["actor", a] for a in drawn],
        # `narrow`: on a phone the page draws these nodes as a ranked list instead (a
        # network ~350 px wide cannot name its actors); `activity` is what it ranks by.
        meta={"label_rank": rank, "label_keep": label_limit, "narrow": "ranked"},
    ))
    bindings.append(Binding(
        trace=len(traces) - 1, marks=len(drawn),
        values={"d": Value("participants", [own[a] for a in drawn], agg="distinct",
                           key="part_event"),
                "vis": Value("participants", [under[a] for a in drawn], agg="distinct",
                             key="part_event"),
                "ego": Value("participants", [under[a] for a in drawn], agg="distinct",
                             key="part_event", within="focus", event_of="part_event"),
                "me": Value("participants", [own[a] for a in drawn], within="focus_rows")},
        sets=[{"attr": "marker.size", "value": "d", "scale": [9, 2.5, "sqrt"]},
              {"attr": "marker.opacity", "value": "ego", "bands": [1],
               "choices": [0.25, 1.0]},
              {"attr": "marker.line.color", "value": "me", "bands": [1],
               "choices": ["white", "#111"]},
              {"attr": "marker.line.width", "value": "me", "bands": [1], "choices": [1.5, 3]},
              {"attr": "meta.activity", "value": "d"},
              {"attr": "hovertext", "template": [template(hover_of(a)) for a in drawn]}],
        hide={"value": "vis", "attrs": ["x", "y", "text"]}))
    ids = drawn
    present = [x for x in b.blocs["bloc_id"] if x in {bloc_of.get(a) for a in ids}]
    coloured = [x for x in present if colour.get(x) != OTHER_GREY]
    for bl in coloured:
        traces.append(legend_marker(esc(labels_of.get(bl, bl)), colour=colour[bl],
                                    group="bloc",
                                    group_title="bloc" if bl == coloured[0] else None))
    if len(coloured) < len(present) or OTHERS in ids:
        traces.append(legend_marker("other blocs", colour=OTHER_GREY, group="bloc"))
    for kind in [k for k in KIND_SYMBOLS if k in {kind_of.get(a) for a in ids}]:
        traces.append(legend_marker(ACTOR_KIND_WORDS[kind], symbol=KIND_SYMBOLS[kind],
                                    group="kind"))
    for dash, words in (("dash", "message carried by an envoy"),
                        ("dot", "did not happen: negated, cancelled or postponed")):
        traces.append(trace("scatter", x=[None], y=[None], mode="lines", name=words,
                                 line={"dash": dash, "color": "#777"}, hoverinfo="skip",
                                 legendgroup="lines"))
    rows = max(len([a for a in lay.pos if lay.side.get(a) == "right"]), 1)
    figure = base_spec(
        traces, title=title, height=height or max(460, 150 + 34 * rows), width=width,
        # Fixed ranges from the whole layout: a node stays where it was when others go.
        xaxis={"visible": False, "range": [-1 - LABEL_ROOM, 1 + LABEL_ROOM],
               "fixedrange": True},
        yaxis={"visible": False, "range": [-1.08, 1.08], "fixedrange": True},
        # the legend at the foot of the figure, below the colour bar under the plot
        legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container", "y": 0,
                "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.8)", "font": {"size": 11}},
        margin={"l": 10, "r": 10, "b": 170,
                "t": (40 if title else 10) + 15 * len(wrap_lines(capped, 46) if capped else [])},
        hovermode="closest",
        # the note wrapped for a phone's width, above the plot
        annotations=[{"text": "<br>".join(esc(x) for x in wrap_lines(capped, 46)),
                      "showarrow": False, "xref": "paper", "align": "left",
                      "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
                      "font": {"size": 11, "color": "#666"}}] if capped else None,
    )
    fields = {"event": np.arange(len(b.events)),
              "score": b.events["plover_score"].to_numpy(dtype=float),
              "part_event": ix.part_ev}
    # a click on an actor focuses its node: the node's own rows stand for it
    taking_part = {n: sorted({int(ix.part_ev[r]) for r in rows if ix.part_ev[r] >= 0})
                   for n, rows in own.items()}
    focus = {n: (taking_part[n], own[n]) for n in own}
    alias = {a: n for a, n in node_of.items() if n in own and a != n}
    return Rules(figure, bindings, fields=fields, focus=focus, focus_alias=alias)


@chart
def network(
    b: Briefing,
    *,
    focus_actor: str | None = None,
    layout: Layout | None = None,
    label_limit: int = MUST_LABEL,
    node_limit: int = MAX_NODES,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """Directed network: actors as nodes round an ellipse (people beside their states),
    acts as arrows coloured from conflict (red) to cooperation (blue); an envoy carrying a
    message is a dashed leg through the envoy; a joint act (a call, talks) links its
    actors with a plain line. Beyond OVERVIEW_NODES actors the least active are folded
    into their state or "others". `layout` (from `network_layout` on the whole fact base)
    keeps nodes in place whatever is selected; `focus_actor` fades all but its ego
    network and rings its node. The `label_limit` most active nodes are always named; the
    other names show where there is room (`meta.label_rank`).
    Clicks: nodes carry ["actor", id] (the "others" node ["events", ids]), edge
    midpoints ["events", "id id …"]. The chart of `network_rules(b)` with every fact
    selected."""
    rules = network_rules(b, layout=layout, label_limit=label_limit, node_limit=node_limit,
                          title=title, height=height, width=width)
    return apply(rules, masks(b, Selection()), focus_actor)
