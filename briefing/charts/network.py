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

from briefing.charts.theme import (
    BLOC_COLOURS,
    BLOC_WORDS,
    BLOCS,
    HOVER,
    KIND_SYMBOLS,
    MAX_LABELS,
    SCORE_BIN_WORDS,
    SCORE_SCALE,
    base_figure,
    blank,
    bloc_of,
    click_data,
    click_ids,
    esc,
    esc_series,
    event_summaries,
    flat_colorbar,
    legend_marker,
    memo,
    names,
    plain,
    plover_words,
    score_bin_colour,
    score_colour_bin,
    trace,
)
from briefing.model import Briefing

MAX_NODES = 120  # actors drawn at most; the rest are summarised in a note
MAX_EDGES = 400  # links drawn at most, likewise
WIDTH_BANDS = ((1, 1.5), (2, 3.0), (4, 4.5), (10, 6.5))  # (from this many events, px)
LEG_WORDS = {"direct": "", "hands": "hands the message to", "carries": "carries message"}


def edge_legs(b: Briefing) -> pd.DataFrame:
    """One row per drawn leg of an event: src, tgt, leg, event_id, type, mode, score.
    (Built once per Briefing value; treat it as read-only.)

    An act goes from each `actor` to each `recipient` (to each `subject` when there is no
    recipient). When someone carries it (`via`), it is drawn as two legs, actor → carrier
    ("hands") and carrier → recipient ("carries"), instead of the direct line.
    """
    return memo(b, "_edge_legs", lambda: _edge_legs(b))


def _edge_legs(b: Briefing) -> pd.DataFrame:
    p = plain(b.participants[["event_id", "actor_id", "role"]])
    ev = plain(b.events[["event_id", "plover_type", "plover_mode", "plover_score"]])
    by = {r: p.loc[p["role"] == r, ["event_id", "actor_id"]] for r in
          ("actor", "recipient", "via", "subject")}
    has_recipient = by["recipient"]["event_id"].unique()
    targets = pd.concat([by["recipient"],
                         by["subject"][~by["subject"]["event_id"].isin(has_recipient)]])
    carried = by["via"]["event_id"].unique()
    src = by["actor"].rename(columns={"actor_id": "src"})
    direct = src[~src["event_id"].isin(carried)].merge(
        targets.rename(columns={"actor_id": "tgt"}), on="event_id").assign(leg="direct")
    hands = src.merge(by["via"].rename(columns={"actor_id": "tgt"}), on="event_id")
    carries = by["via"].rename(columns={"actor_id": "src"}).merge(
        targets.rename(columns={"actor_id": "tgt"}), on="event_id")
    legs = pd.concat([direct, hands.assign(leg="hands"), carries.assign(leg="carries")],
                     ignore_index=True)
    legs = legs[legs["src"] != legs["tgt"]].merge(ev, on="event_id")
    # A negated act ("does not include a defence clause") is drawn, but dotted and apart.
    negated = legs["event_id"].isin(b.events.loc[b.events["status"] == "negated", "event_id"])
    return legs.assign(leg=legs["leg"].where(~negated, "negated"))


def events_behind(b: Briefing, kind: str, key: tuple[str, ...]) -> tuple[str, ...]:
    """The event ids behind an aggregated edge: ("edge", (src, tgt, leg)) in the network,
    ("channel", (iso_from, iso_to)) on the map."""
    legs = edge_legs(b)
    if kind == "edge" and len(key) == 3:
        hit = (legs["src"] == key[0]) & (legs["tgt"] == key[1]) & (legs["leg"] == key[2])
    elif kind == "channel" and len(key) == 2:
        from briefing.charts.geo import countries  # geo imports this module
        c = countries(b)
        hit = (legs["src"].map(c) == key[0]) & (legs["tgt"].map(c) == key[1])
    else:
        return ()
    return tuple(dict.fromkeys(legs.loc[hit, "event_id"]))


def edge_table(legs: pd.DataFrame, keys: list[str], label: dict[str, str] | None = None,
               summaries: pd.Series | None = None, max_listed: int = 4,
               limit: int | None = None) -> pd.DataFrame:
    """Aggregate legs per `keys`: event count, mean score, ids, plain-word hover parts.

    With `limit`, only the `limit` edges with most events are kept (ties: first seen);
    `.attrs["total"]` says how many edges there were.
    """
    if legs.empty:
        out = pd.DataFrame(columns=[*keys, "n", "score", "ids", "types", "top_type",
                                    "listed"])
        out.attrs["total"] = 0
        return out
    legs = plain(legs)
    # Event ids per edge, in order of appearance, in plain Python: pandas' per-group
    # lambdas cost most of a redraw at 1,000 articles.
    edge_keys = list(zip(*(legs[k].to_numpy(dtype=object) for k in keys), strict=True))
    ids_of: dict[tuple, dict[str, None]] = {}
    for key, event in zip(edge_keys, legs["event_id"].to_numpy(dtype=object), strict=True):
        ids_of.setdefault(key, {})[event] = None
    total = len(ids_of)
    if limit is not None and total > limit:
        busiest = set(sorted(ids_of, key=lambda k: -len(ids_of[k]))[:limit])  # stable
        ids_of = {k: v for k, v in ids_of.items() if k in busiest}
    # Kinds (PLOVER type and mode) per edge, commonest first, and the mean score: one
    # pass over the kept legs (pandas' groupby machinery costs more than the work here).
    kept = legs[[k in ids_of for k in edge_keys]] if len(ids_of) < total else legs
    kinds_of: dict[tuple, dict[tuple[str, str], set[str]]] = {k: {} for k in ids_of}
    sums: dict[tuple, list[float]] = {k: [0.0, 0] for k in ids_of}
    modes = kept["plover_mode"].to_numpy(dtype=object)
    for key, event, ptype, mode, score in zip(
            zip(*(kept[k].to_numpy(dtype=object) for k in keys), strict=True),
            kept["event_id"].to_numpy(dtype=object), kept["plover_type"].to_numpy(dtype=object),
            modes, kept["plover_score"].to_numpy(dtype=float), strict=True):
        mode = mode if isinstance(mode, str) else ""
        kinds_of[key].setdefault((ptype, mode), set()).add(event)
        if score == score:  # NaN scores are left out of the mean, as pandas does
            sums[key][0] += score
            sums[key][1] += 1
    index = pd.MultiIndex.from_tuples(list(ids_of), names=keys) if len(keys) > 1 else \
        pd.Index([k[0] for k in ids_of], name=keys[0])
    types, top_type, top_mode = [], [], []
    for key in ids_of:
        ranked = sorted(kinds_of[key].items(), key=lambda kv: -len(kv[1]))
        words = [f"{plover_words(t, m)} ×{len(ev)}" for (t, m), ev in ranked]
        types.append(_first_kinds(pd.Series(words, dtype=object)) if len(words) > 4
                     else ", ".join(words))
        top_type.append(ranked[0][0][0])
        top_mode.append(ranked[0][0][1])
    out = pd.DataFrame({"n": [len(v) for v in ids_of.values()],
                        "score": [t / c if c else np.nan for t, c in sums.values()],
                        "ids": [" ".join(v) for v in ids_of.values()],
                        "types": types, "top_type": top_type, "top_mode": top_mode},
                       index=index)
    if summaries is not None:
        def listed(ids: str) -> str:
            ids_ = ids.split(" ", max_listed)
            lines = [summaries.get(i, "") for i in ids_[:max_listed]]
            more = ids.count(" ") + 1 - max_listed
            return "<br>".join(f"• {x}" for x in lines) + (
                f"<br>… and {more} more (click to list them)" if more > 0 else "")
        out["listed"] = out["ids"].map(listed)
    else:
        out["listed"] = ""
    out = out.reset_index()
    out.attrs["total"] = total
    return out


def _first_kinds(words: pd.Series, n: int = 4) -> str:
    more = len(words) - n
    return ", ".join(words.iloc[:n]) + (f", and {more} more kinds" if more > 0 else "")


def layout_positions(actors: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Deterministic placement: top-level actors on a circle grouped by bloc, everything
    that belongs to an actor (people, ministries, facilities) clustered just outside it."""
    actors = plain(actors)
    ids = list(actors["actor_id"])
    parent = dict(zip(ids, actors["parent_id"].where(~blank(actors["parent_id"]), ""),
                      strict=True))
    blocs = dict(zip(ids, bloc_of(actors), strict=True))
    kind = dict(zip(ids, actors["kind"], strict=True))
    name = dict(zip(ids, actors["name"], strict=True))
    children: dict[str, list[str]] = {}
    for a in ids:
        if parent[a] in parent and parent[a] != a:
            children.setdefault(parent[a], []).append(a)
    tops = [a for a in ids if parent[a] not in parent or parent[a] == a]
    order = {bl: i for i, bl in enumerate(BLOCS)}
    tops.sort(key=lambda a: (order.get(blocs[a], 9), kind[a] != "state", name[a]))
    pos: dict[str, tuple[float, float]] = {}
    n = len(tops)
    # A state with many people around it gets a wider slice of the circle, so that two
    # crowded neighbours (Iran and Russia) do not pile their people on each other.
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
                opacity: float = 1.0) -> go.Scatter:
    n = len(seg)
    xs = np.column_stack([seg["x0"], seg["x1"], np.full(n, np.nan)]).ravel()
    ys = np.column_stack([seg["y0"], seg["y1"], np.full(n, np.nan)]).ravel()
    sizes = np.tile([0, 8 + width * 1.6, 0], n)
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
    network. Clicks: nodes carry ["actor", id], edge midpoints ["events", "id id …"]."""
    title = "Who does what to whom" if title is None else title
    legs = edge_legs(b)
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
    pos = layout_positions(actors)
    legs = legs[legs["src"].isin(pos) & legs["tgt"].isin(pos)]

    summaries = event_summaries(b)
    # the busiest links; the others are in the note
    edges = edge_table(legs, ["src", "tgt", "leg"], summaries=summaries, limit=MAX_EDGES)
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
        seg["dash"] = np.select([seg["leg"] == "direct", seg["leg"] == "negated"],
                                ["solid", "dot"], "dash")
        seg["ego"] = (seg["ids"].map(lambda s: bool(ego_events & set(s.split())))
                      if focus_actor else True)
        faded = seg[~seg["ego"]]
        if len(faded):
            for dash, part in faded.groupby("dash"):
                traces.append(_line_trace(part, colour="#c8c8c8", width=1.2, dash=dash,
                                          opacity=0.5))
        for (band, w, dash), part in seg[seg["ego"]].groupby(["band", "w", "dash"]):
            traces.append(_line_trace(part, colour=score_bin_colour(int(band)), width=w,
                                      dash=dash))
        src_names = esc_series(seg["src"].map(nm).fillna(seg["src"]))
        tgt_names = esc_series(seg["tgt"].map(nm).fillna(seg["tgt"]))
        arrow = seg["leg"].map({"carries": " carries the message to ",
                                "hands": " hands a message to ",
                                "negated": " → (negated: the text says not) "}).fillna(" → ")
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
    blocs = bloc_of(actors)
    ego = set()
    if focus_actor:
        ego = {focus_actor} | set(b.participants.loc[
            b.participants["event_id"].isin(ego_events), "actor_id"])
    words = {"actor": "acting", "recipient": "receiving", "via": "carrying",
             "subject": "as subject"}

    def role_line(a: str) -> str:
        if a not in role_counts.index:
            return "no events in this selection"
        r = role_counts.loc[a]
        return ", ".join(f"{int(r[k])} {w}" for k, w in words.items() if k in r and r[k])

    parent_name = actors["parent_id"].map(nm).fillna("")
    hover = [
        f"<b>{esc(n)}</b>" + (f"<br>{esc(role)}" if isinstance(role, str) and role else "")
        + f"<br>{esc(kind)}" + (f" · part of {esc(pn)}" if pn else "")
        + f" · {BLOC_WORDS[bl]}<br>{int(k)} event(s): {role_line(a)}"
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
        marker={"size": 12 + 4 * np.sqrt(d), "color": [BLOC_COLOURS[x] for x in blocs],
                "symbol": [KIND_SYMBOLS.get(k, "circle") for k in actors["kind"]],
                "line": {"color": ["#111" if a == focus_actor else "white" for a in ids],
                         "width": [3 if a == focus_actor else 1.5 for a in ids]},
                "opacity": [1.0 if not focus_actor or a in ego else 0.25 for a in ids]},
        hovertext=hover, hovertemplate=HOVER, customdata=click_data("actor", ids),
    ))
    present = [x for x in BLOCS if x in set(blocs)]
    for bl in present:
        traces.append(legend_marker(BLOC_WORDS[bl], colour=BLOC_COLOURS[bl], group="bloc",
                                    group_title="bloc" if bl == present[0] else None))
    for kind in [k for k in KIND_SYMBOLS if k in set(actors["kind"])]:
        traces.append(legend_marker(kind, symbol=KIND_SYMBOLS[kind], group="kind"))
    for dash, words in (("dash", "message carried by an envoy"),
                        ("dot", "negated: the text says it is not so")):
        traces.append(trace("scatter", x=[None], y=[None], mode="lines", name=words,
                                 line={"dash": dash, "color": "#777"}, hoverinfo="skip",
                                 legendgroup="lines"))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 0.3
    return base_figure(
        traces, title=title, height=height or 600, width=width,
        xaxis={"visible": False, "range": [min(xs) - pad, max(xs) + pad]},
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
