"""Who does what to whom: a directed network of actors.

Edges are aggregated per (from, to, kind) so the chart stays a handful of traces however
many events there are: one line trace per (colour band, width band, solid/dashed), one
trace of clickable edge midpoints, one trace of nodes, and legend-only entries.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.channels import edge_table, legs
from briefing.charts.theme import (
    HOVER,
    KIND_SYMBOLS,
    MAX_LABELS,
    SCORE_SCALE,
    base_figure,
    bloc_colours,
    click_data,
    click_ids,
    event_summaries,
    flat_colorbar,
    legend_marker,
    score_bin_colour,
    score_colour_bin,
    trace,
)
from briefing.escape import esc, esc_series
from briefing.model import Briefing, blank, plain
from briefing.words import ACTOR_KIND_WORDS, ROLE_WORDS, SCORE_BIN_WORDS, bloc_labels, names

MAX_NODES = 120  # actors drawn at most; the rest are summarised in a note
MAX_EDGES = 400  # links drawn at most, likewise
WIDTH_BANDS = ((1, 1.5), (2, 3.0), (4, 4.5), (10, 6.5))  # (from this many events, px)


def layout_positions(actors: pd.DataFrame, bloc_order: list[str] | None = None
                     ) -> dict[str, tuple[float, float]]:
    """Deterministic placement: top-level actors on a circle grouped by bloc, everything
    that belongs to an actor (people, ministries, facilities) clustered just outside it."""
    actors = plain(actors)
    ids = list(actors["actor_id"])
    parent = dict(zip(ids, actors["parent_id"].where(~blank(actors["parent_id"]), ""),
                      strict=True))
    blocs = dict(zip(ids, actors["bloc"], strict=True))
    kind = dict(zip(ids, actors["kind"], strict=True))
    name = dict(zip(ids, actors["name"], strict=True))
    children: dict[str, list[str]] = {}
    for a in ids:
        if parent[a] in parent and parent[a] != a:
            children.setdefault(parent[a], []).append(a)
    tops = [a for a in ids if parent[a] not in parent or parent[a] == a]
    order = {bl: i for i, bl in enumerate(bloc_order or dict.fromkeys(blocs.values()))}
    tops.sort(key=lambda a: (order.get(blocs[a], len(order)), kind[a] != "state", name[a]))
    pos: dict[str, tuple[float, float]] = {}
    n = len(tops)
    # A state with many people around it gets a wider slice of the circle, so that two
    # crowded neighbours do not pile their people on each other.
    weight = [1.0 + 0.9 * min(len(children.get(a, [])), 8) for a in tops]
    total = sum(weight)
    start = 0.0
    for a, w in zip(tops, weight, strict=True):
        angle = math.pi / 2 - 2 * math.pi * (start + w / 2) / total
        start += w
        r = 0.0 if n == 1 else 1.0
        pos[a] = (r * math.cos(angle), r * math.sin(angle))

    def place(a: str, depth: int) -> None:
        kids = sorted(children.get(a, []), key=lambda c: name[c])
        if not kids:
            return
        x, y = pos[a]
        base = math.atan2(y, x) if (x, y) != (0.0, 0.0) else math.pi / 2
        per_ring = 7
        for j, c in enumerate(kids):
            ring, k = divmod(j, per_ring)
            in_ring = min(per_ring, len(kids) - ring * per_ring)
            step = 0.75 if in_ring <= 3 else 2.6 / in_ring
            angle = base + (k - (in_ring - 1) / 2) * step
            r = (0.5 + 0.16 * ring) / depth
            pos[c] = (x + r * math.cos(angle), y + r * math.sin(angle))
            if depth < 4:
                place(c, depth + 1)

    for a in tops:
        place(a, 1)
    return pos


def _text_positions(actors: pd.DataFrame, pos: dict[str, tuple[float, float]]) -> list[str]:
    """Labels point away from what they cluster around, so siblings' names do not collide."""
    out = []
    for a, p in zip(actors["actor_id"], actors["parent_id"], strict=True):
        x, y = pos[a]
        cx, cy = pos.get(p, (0.0, 0.0)) if isinstance(p, str) and p else (0.0, 0.0)
        dx, dy = x - cx, y - cy
        if abs(dx) > abs(dy) * 0.8 and isinstance(p, str) and p in pos:
            out.append("middle right" if dx > 0 else "middle left")
        else:
            out.append("top center" if dy > 0 else "bottom center")
    return out


def _width(n: np.ndarray) -> np.ndarray:
    out = np.full(len(n), WIDTH_BANDS[0][1])
    for lo, w in WIDTH_BANDS:
        out = np.where(n >= lo, w, out)
    return out


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


def _line_trace(seg: pd.DataFrame, *, colour: str, width: float, dash: str,
                opacity: float = 1.0, arrows: bool = True) -> go.Scatter:
    n = len(seg)
    xs = np.column_stack([seg["x0"], seg["x1"], np.full(n, np.nan)]).ravel()
    ys = np.column_stack([seg["y0"], seg["y1"], np.full(n, np.nan)]).ravel()
    # A joint act has no direction: its line carries no arrowhead.
    sizes = np.tile([0, 8 + width * 1.6 if arrows else 0, 0], n)
    return trace("scatter",
        x=xs, y=ys, mode="lines+markers", hoverinfo="skip", showlegend=False,
        line={"color": colour, "width": width, "dash": dash}, opacity=opacity,
        marker={"symbol": "arrow", "angleref": "previous", "size": sizes, "color": colour,
                "line": {"width": 0}},
    )


def network(
    b: Briefing,
    *,
    focus_actor: str | None = None,
    label_limit: int = MAX_LABELS,
    node_limit: int = MAX_NODES,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """Directed network: actors as nodes next to their states, acts as arrows coloured
    from conflict (red) to cooperation (blue), thicker for more events; an envoy carrying
    a message is a dashed leg through the envoy. `focus_actor` fades all but its ego
    network; a joint act (a call, talks) links its actors with a plain line. Clicks: nodes
    carry ["actor", id], edge midpoints ["events", "id id …"]."""
    title = "Who does what to whom" if title is None else title
    lg = legs(b)
    nm = names(b)
    referenced = set(b.participants["actor_id"]) if len(b.participants) else set()
    capped = ""
    if len(referenced) > node_limit:
        # Thousands of actors make an unreadable hairball and a figure of megabytes: keep
        # the most active ones (and the focus actor's partners), and say so on the chart.
        busiest = b.participants["actor_id"].value_counts()
        keep = set(busiest.index[:node_limit])
        if focus_actor:
            mine = b.participants.loc[b.participants["actor_id"] == focus_actor, "event_id"]
            partners = b.participants.loc[b.participants["event_id"].isin(mine), "actor_id"]
            keep |= {focus_actor} | set(busiest.reindex(partners.unique()).nlargest(
                node_limit // 4).index)
        capped = (f"Showing the {len(keep)} most active of {len(referenced):,} actors; "
                  "filter by actor to see others.")
        referenced = keep
    actors = plain(b.actors)
    parent = dict(zip(actors["actor_id"], actors["parent_id"], strict=False))
    shown = set(referenced)
    frontier = set(referenced)
    while frontier:  # add ancestors, so people sit next to their states
        frontier = {parent.get(a) for a in frontier} - shown - {None, ""}
        frontier = {a for a in frontier if isinstance(a, str) and a in parent}
        shown |= frontier
    actors = actors[actors["actor_id"].isin(shown)] if shown else actors
    if actors.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No actors in this selection")
    pos = layout_positions(actors, list(b.blocs["bloc_id"]))
    lg = lg[lg["src"].isin(pos) & lg["tgt"].isin(pos)]

    summaries = event_summaries(b)
    # the busiest links; the others are in the note
    edges = edge_table(lg, ["src", "tgt", "leg"], summaries=summaries, limit=MAX_EDGES)
    if edges.attrs["total"] > MAX_EDGES:
        capped = (capped + " " if capped else "") + (
            f"Drawing the {MAX_EDGES} busiest of {edges.attrs['total']:,} links.")
    ego_events: set[str] = set()
    if focus_actor:
        ego_events = set(b.participants.loc[b.participants["actor_id"] == focus_actor,
                                            "event_id"])
    traces: list[go.BaseTraceType] = []
    if len(edges):
        seg = _segments(edges, pos)
        seg["band"] = score_colour_bin(seg["score"].to_numpy())
        seg["w"] = _width(seg["n"].to_numpy())
        seg["dash"] = np.select([seg["leg"].isin(["direct", "mutual"]),
                                 seg["leg"] == "negated"], ["solid", "dot"], "dash")
        seg["arrows"] = seg["leg"] != "mutual"
        seg["ego"] = (seg["ids"].map(lambda s: bool(ego_events & set(s.split())))
                      if focus_actor else True)
        faded = seg[~seg["ego"]]
        if len(faded):
            for (dash, arrows), part in faded.groupby(["dash", "arrows"]):
                traces.append(_line_trace(part, colour="#c8c8c8", width=1.2, dash=dash,
                                          opacity=0.5, arrows=bool(arrows)))
        for (band, w, dash, arrows), part in seg[seg["ego"]].groupby(
                ["band", "w", "dash", "arrows"]):
            traces.append(_line_trace(part, colour=score_bin_colour(int(band)), width=w,
                                      dash=dash, arrows=bool(arrows)))
        src_names = esc_series(seg["src"].map(nm).fillna(seg["src"]))
        tgt_names = esc_series(seg["tgt"].map(nm).fillna(seg["tgt"]))
        arrow = seg["leg"].map({"carries": " carries the message to ",
                                "hands": " hands a message to ",
                                "mutual": " ↔ (together) ",
                                "negated": " → (did not happen) "}).fillna(" → ")
        hover = ("<b>" + src_names + arrow + tgt_names + "</b><br>"
                 + seg["n"].astype(str) + " event(s): " + seg["types"]
                 + "<br>average PLOVER score " + seg["score"].map("{:+.1f}".format)
                 + " (" + [SCORE_BIN_WORDS[i] for i in seg["band"]] + ")<br>"
                 + seg["listed"])
        # Only the envoy's legs are labelled on the chart: every other edge names its
        # types on hover, and labels on 40 short edges would bury the nodes.
        labels = np.where(seg["leg"] == "carries", "carries message", "")
        traces.append(trace("scatter",
            x=seg["xm"], y=seg["ym"], mode="markers+text", name="acts (click for events)",
            text=labels, textposition="top center",
            textfont={"size": 10, "color": "#555"},
            marker={"size": 7 + 2.5 * np.sqrt(seg["n"]), "color": seg["score"],
                    "colorscale": SCORE_SCALE, "cmin": -10, "cmax": 10,
                    "colorbar": flat_colorbar(),
                    "line": {"color": "white", "width": 1},
                    "opacity": np.where(seg["ego"], 1.0, 0.25)},
            hovertext=hover, hovertemplate=HOVER,
            customdata=click_ids("edge", seg["ids"],
                                 seg["src"] + " " + seg["tgt"] + " " + seg["leg"]),
            showlegend=False,
        ))

    # Nodes: size by events taken part in; colour by bloc; symbol by kind.
    participants = plain(b.participants)
    deg = participants.groupby("actor_id")["event_id"].nunique()
    role_counts = (participants.groupby(["actor_id", "role"]).size().unstack(fill_value=0)
                   if len(participants) else pd.DataFrame())
    ids = list(actors["actor_id"])
    d = deg.reindex(ids).fillna(0).to_numpy()
    top = set(pd.Series(d, index=ids).sort_values(ascending=False, kind="stable")
              .index[:label_limit])
    blocs = actors["bloc"]
    colour = bloc_colours(b)
    labels = bloc_labels(b)
    ego = set()
    if focus_actor:
        ego = {focus_actor} | set(b.participants.loc[
            b.participants["event_id"].isin(ego_events), "actor_id"])
    words = ROLE_WORDS

    def role_line(a: str) -> str:
        if a not in role_counts.index:
            return "no events in this selection"
        r = role_counts.loc[a]
        return ", ".join(f"{int(r[k])} {w}" for k, w in words.items() if k in r and r[k])

    parent_name = actors["parent_id"].map(nm).fillna("")
    hover = [
        f"<b>{esc(n)}</b>" + (f"<br>{esc(role)}" if isinstance(role, str) and role else "")
        + f"<br>{esc(ACTOR_KIND_WORDS.get(kind, kind))}" + (f" · part of {esc(pn)}" if pn
                                                            else "")
        + f" · {esc(labels.get(bl, bl))}<br>{int(k)} event(s): {role_line(a)}"
        for a, n, role, kind, pn, bl, k in zip(ids, actors["name"], actors["role"],
                                                actors["kind"], parent_name, blocs, d,
                                                strict=True)
    ]
    traces.append(trace("scatter",
        x=[pos[a][0] for a in ids], y=[pos[a][1] for a in ids], mode="markers+text",
        name="actors", showlegend=False, cliponaxis=False,
        text=[esc(n) if a in top else "" for a, n in zip(ids, actors["name"], strict=True)],
        textposition=_text_positions(actors, pos),
        textfont={"size": 11},
        marker={"size": 12 + 4 * np.sqrt(d), "color": [colour.get(x, "#7f7f7f") for x in blocs],
                "symbol": [KIND_SYMBOLS.get(k, "circle") for k in actors["kind"]],
                "line": {"color": ["#111" if a == focus_actor else "white" for a in ids],
                         "width": [3 if a == focus_actor else 1.5 for a in ids]},
                "opacity": [1.0 if not focus_actor or a in ego else 0.25 for a in ids]},
        hovertext=hover, hovertemplate=HOVER, customdata=click_data("actor", ids),
    ))
    present = [x for x in b.blocs["bloc_id"] if x in set(blocs)]
    for bl in present:
        traces.append(legend_marker(esc(labels.get(bl, bl)), colour=colour[bl], group="bloc",
                                    group_title="bloc" if bl == present[0] else None))
    for kind in [k for k in KIND_SYMBOLS if k in set(actors["kind"])]:
        traces.append(legend_marker(ACTOR_KIND_WORDS[kind], symbol=KIND_SYMBOLS[kind],
                                    group="kind"))
    for dash, words in (("dash", "message carried by an envoy"),
                        ("dot", "did not happen: negated, cancelled or postponed")):
        traces.append(trace("scatter", x=[None], y=[None], mode="lines", name=words,
                                 line={"dash": dash, "color": "#777"}, hoverinfo="skip",
                                 legendgroup="lines"))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    # Names sit beside the outermost nodes: more room left and right than above and below.
    pad, side = 0.3, 0.6
    return base_figure(
        traces, title=title, height=height or 600, width=width,
        xaxis={"visible": False, "range": [min(xs) - side, max(xs) + side]},
        yaxis={"visible": False, "range": [min(ys) - pad, max(ys) + pad],
               "scaleanchor": "x", "scaleratio": 1},
        legend={"orientation": "v", "x": 1.0, "xanchor": "left", "y": 1.0,
                "yanchor": "top", "bgcolor": "rgba(255,255,255,0.8)", "font": {"size": 11}},
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 70},
        hovermode="closest",
        annotations=[{"text": capped, "showarrow": False, "xref": "paper", "yref": "paper",
                      "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
                      "font": {"size": 11, "color": "#666"}}] if capped else None,
    )
