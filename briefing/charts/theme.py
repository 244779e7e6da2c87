"""One theme for every chart: colours, symbols, fonts, the figure builder and the click
protocol. Plain words come from `briefing.words`, escaping from `briefing.escape`.

Fact text reaches the browser only through `esc` and only inside `hovertext` /
`customdata` / `text`, never inside a `hovertemplate`: plotly treats `%{...}` in a
template as a placeholder and renders `<b>`, `<br>` etc. as markup, so a summary such as
`<script>… %{x}` must be escaped before it is shown, and must not become a template.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.escape import esc, esc_series
from briefing.model import Briefing, memo, plain
from briefing.select import day_numbers
from briefing.words import (
    SCORE_BIN_WORDS,
    STATUS_WORDS,
    credibility_meanings,
    names,
    plover_words,
    reliability_meanings,
    spans_words,
)

FONT = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
MARGIN = {"l": 20, "r": 20, "t": 56, "b": 30}
HOVER = "%{hovertext}<extra></extra>"  # every trace's hovertemplate: text built in Python
MAX_CLICK_IDS = 20  # beyond this an edge carries its key, not its ids (figure size)

QUAD_COLOURS = {
    "verbal cooperation": "#4a90d9",
    "material cooperation": "#1b9e77",
    "verbal conflict": "#e6912e",
    "material conflict": "#c0392b",
}
# Rows of the timeline, cooperation at the top: PLOVER types ordered by their quad class
# (material cooperation, verbal cooperation, verbal conflict, material conflict).
PLOVER_ORDER = ("AID", "COOPERATE", "RETREAT", "SUPPORT", "CONCEDE", "AGREE", "CONSULT",
                "REQUEST", "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT")
# Each PLOVER type takes a shade of its quad class's hue, cooperation to conflict.
PLOVER_COLOURS = {
    "AID": "#0b6e4f", "COOPERATE": "#1b9e77", "RETREAT": "#66c2a4",
    "SUPPORT": "#1f5fa8", "CONCEDE": "#3b7fd0", "AGREE": "#4a90d9", "CONSULT": "#7fb2e5",
    "REQUEST": "#f2b350", "REJECT": "#e6912e", "ACCUSE": "#d9731a", "THREATEN": "#b85c0f",
    "PROTEST": "#e35d4f", "SANCTION": "#c0392b", "MOBILIZE": "#9e2a2b",
    "COERCE": "#7b1d2a", "ASSAULT": "#4a0f1a",
}
# Conflict (−10) → cooperation (+10); the midpoint is a mid grey, not white, so that
# neutral edges stay visible on a white page.
SCORE_SCALE = [[0.0, "#8e1b1b"], [0.3, "#e0684f"], [0.5, "#a8a8a8"], [0.7, "#5b9bd5"],
               [1.0, "#12467f"]]
SCORE_BINS = (-10.0, -6.0, -2.0, 2.0, 6.0, 10.01)
# Blocs take colours in order of first appearance unless the facts give one: a
# qualitative palette that stays apart from the red–grey–blue score scale.
BLOC_PALETTE = ("#2e8b57", "#8e3b8e", "#3f51b5", "#d4a017", "#17becf", "#e377c2",
                "#8c564b", "#bcbd22", "#1f77b4", "#ff7f0e", "#7f7f7f", "#9467bd")

STATUS_SYMBOLS = {"occurred": "circle", "ongoing": "circle", "announced": "diamond",
                  "planned": "diamond-open", "proposed": "circle-open",
                  "postponed": "hourglass-open", "cancelled": "x-open",
                  "historical": "square", "hypothetical": "diamond-open",
                  "negated": "x-thin-open"}
KIND_SYMBOLS = {"state": "circle", "person": "diamond", "organization": "square",
                "facility": "triangle-up", "group": "hexagon", "unnamed": "circle-open"}
RELIABILITY_COLOURS = {"A": "#1a7f37", "B": "#4caf50", "C": "#c9a227", "D": "#e07b39",
                       "E": "#c0392b", "F": "#9e9e9e"}
CONFIDENCE_OPACITY = {"high": 1.0, "moderate": 0.65, "low": 0.3}


def bloc_colours(b: Briefing) -> dict[str, str]:
    """bloc_id → colour: the one the facts declare, else the palette in order of first
    appearance. Read from the whole fact base's bloc table (kept whole by a selection),
    so a bloc keeps its colour whatever is selected."""
    out, i = {}, 0
    for bloc, colour in zip(b.blocs["bloc_id"], b.blocs["color"], strict=False):
        if isinstance(colour, str) and colour:
            out[bloc] = colour
        else:
            out[bloc] = BLOC_PALETTE[i % len(BLOC_PALETTE)]
            i += 1
    return out


BLOC_LIMIT = 6  # blocs with a colour of their own; the rest are grey "others"
OTHER_GREY = "#9a9a9a"


def bloc_palette(b: Briefing, limit: int = BLOC_LIMIT) -> dict[str, str]:
    """bloc_id → colour for at most `limit` blocs, the others grey. A fact base of many
    states gives each state without a declared bloc a bloc of its own; two dozen colours
    mean nothing, so the blocs with most members keep theirs (ties: table order) and the
    rest share the grey of "others"."""
    full = bloc_colours(b)
    if len(full) <= limit:
        return full
    members = b.actors["bloc"].astype(object).value_counts()
    ranked = sorted(full, key=lambda bl: (-int(members.get(bl, 0)), list(full).index(bl)))
    keep = set(ranked[:limit])
    return {bl: (c if bl in keep else OTHER_GREY) for bl, c in full.items()}


def event_summaries(b: Briefing) -> pd.Series:
    """Escaped event summaries by event id."""
    return memo(b, "_event_summaries", lambda: pd.Series(
        esc_series(b.events["summary"]).to_numpy(), index=b.events["event_id"]))


def score_colour_bin(score: np.ndarray) -> np.ndarray:
    """Index into SCORE_BIN_WORDS for each PLOVER score."""
    return np.clip(np.digitize(np.asarray(score, dtype=float), SCORE_BINS) - 1, 0,
                   len(SCORE_BIN_WORDS) - 1)


# The thresholds between colour bands, as a mark rule counts them (briefing.marks: the
# band of a mean is how many of these are ≤ it; NaN falls in the first).
SCORE_BAND_EDGES = list(SCORE_BINS[1:-1])


def reachable_bands(rows: list[list[int]], scores: np.ndarray) -> list[range]:
    """For each mark fed by events `rows`, the colour bands the mean score of any selection
    of them can fall in: those from its lowest event's band to its highest's. A trace per
    band needs only the marks that can reach it."""
    edges = np.asarray(SCORE_BAND_EDGES, dtype=float)
    out = []
    for r in rows:
        s = scores[np.asarray(r, dtype=int)] if len(r) else np.zeros(0)
        s = s[~np.isnan(s)]
        if not len(s):
            out.append(range(0, 1))
            continue
        lo, hi = (int((edges <= x).sum()) for x in (s.min(), s.max()))
        out.append(range(lo, hi + 1))
    return out


def score_bin_colour(i: int) -> str:
    centre = (SCORE_BINS[i] + min(SCORE_BINS[i + 1], 10.0)) / 2
    return sample_scale((centre + 10) / 20)


def sample_scale(t: float) -> str:
    """The SCORE_SCALE colour at t in [0, 1], interpolated."""
    t = min(max(t, 0.0), 1.0)
    for (a, ca), (b_, cb) in zip(SCORE_SCALE, SCORE_SCALE[1:], strict=False):
        if t <= b_:
            f = 0 if b_ == a else (t - a) / (b_ - a)
            x = [int(ca[i:i + 2], 16) for i in (1, 3, 5)]
            y = [int(cb[i:i + 2], 16) for i in (1, 3, 5)]
            return "#" + "".join(f"{round(p + (q - p) * f):02x}" for p, q in zip(x, y,
                                                                                   strict=True))
    return SCORE_SCALE[-1][1]


# The same scale laid flat under a chart, where it does not steal the plot's width.
def flat_colorbar(length: float = 0.55) -> dict:
    return {**SCORE_COLORBAR, "orientation": "h", "x": 0.0, "xanchor": "left", "y": -0.02,
            "yanchor": "top", "len": length, "thickness": 10,
            "title": {"text": "conflict ↔ cooperation (PLOVER score)", "side": "top"}}


SCORE_COLORBAR = {
    "title": {"text": "conflict ↔ cooperation<br>(PLOVER score)", "side": "right"},
    "tickvals": [-10, -5, 0, 5, 10],
    "ticktext": ["−10 conflict", "−5", "0 neutral", "+5", "+10 cooperation"],
    "thickness": 12, "len": 0.6,
}


# --------------------------------------------------------------------------- hovers
def event_hover(b: Briefing, events: pd.DataFrame | None = None) -> pd.Series:
    """Plain-word hover text for events, indexed like `events`."""
    ev = plain(b.events if events is None else events)
    if ev.empty:
        return pd.Series([], dtype=object, index=ev.index)
    # Plain Python over the rows: a few dozen pandas string operations on short columns
    # cost more than the text itself (half of every timeline redraw).
    wanted = set(ev["event_id"])
    nm = names(b)
    roles: dict[str, dict[str, list[str]]] = {}
    p = b.participants
    for e, a, r in zip(p["event_id"].to_numpy(dtype=object), p["actor_id"].to_numpy(dtype=object),
                       p["role"].to_numpy(dtype=object), strict=True):
        if e in wanted:
            n = nm.get(a)
            roles.setdefault(e, {}).setdefault(r, []).append(esc(a if n is None else n))
    src = dict(zip(b.sources["source_id"], zip(b.sources["name"],
                                               b.sources["reliability"].astype(object),
                                               strict=True), strict=False))
    rel_words = reliability_meanings(b)
    cred_words = credibility_meanings(b)
    dates = spans_words(ev["date"], ev["date_precision"], ev["date_end"],
                        ev["date_end_precision"]).to_numpy(dtype=object)
    out = []
    for i, (e, summary, ptype, mode, status, source, cred) in enumerate(zip(
            ev["event_id"], ev["summary"], ev["plover_type"], ev["plover_mode"],
            ev["status"], ev["source_id"], ev["credibility"], strict=True)):
        r = roles.get(e, {})
        who = ", ".join(r.get("actor", ()))
        if r.get("recipient"):
            who += " → " + ", ".join(r["recipient"])
        if r.get("via"):
            who += " (carried by " + ", ".join(r["via"]) + ")"
        if r.get("actor") and len(r["actor"]) > 1 and not r.get("recipient"):
            who = " ↔ ".join(r["actor"])  # a joint act: together, no direction
        if r.get("subject"):
            who += "; about " + ", ".join(r["subject"])
        name, grade = src.get(source, (None, None))
        name = "unknown source" if name is None or name != name else name
        grade = "F" if grade is None or grade != grade else str(grade)
        kind = plover_words(ptype, mode if isinstance(mode, str) else "")
        out.append(f"<b>{esc(summary)}</b><br>{who}<br>{kind} · "
                   f"{STATUS_WORDS.get(status, status)} · {dates[i]}<br>source: {esc(name)} "
                   f"({grade}, {rel_words.get(grade, '').lower()}); information: "
                   f"{cred_words.get(cred, '').lower()}")
    return pd.Series(out, index=ev.index, dtype=object)


JUDGMENT = "analyst judgment, not reported by the article"


def published_days(b: Briefing, frame: pd.DataFrame) -> np.ndarray:
    """The day each row's article was published (`day_numbers`; NaN if unknown): the
    order in which a rule takes the newest judgment."""
    published = dict(zip(b.articles["article_id"], b.articles["published"], strict=False))
    return day_numbers(frame["article_id"].map(published))


def position_hover(b: Briefing, pos: pd.DataFrame) -> pd.Series:
    """Plain-word hover text for positions, indexed like `pos`."""
    nm = names(b)
    labels = dict(zip(b.issues["issue_id"], b.issues["label"], strict=False))
    return ("<b>" + esc_series(pos["actor_id"].map(nm).fillna(pos["actor_id"])) + "</b> on "
            + esc_series(pos["issue_id"].map(labels).fillna("an issue")) + "<br>position "
            + pos["position"].map("{:g}".format) + " of 100 · salience "
            + pos["salience"].map("{:g}".format) + " · confidence "
            + pos["confidence"].astype(str) + "<br>why: " + esc_series(pos["rationale"])
            + f"<br><i>{JUDGMENT}</i>").astype(object)


# --------------------------------------------------------------------------- builder
# Figures are assembled as plain dicts (`base_spec`) and wrapped with
# `go.Figure(..., _validate=False)` by `chart`: plotly's property validation cost 50–100 ms
# per chart (most of a filter change), while the dicts come from this module's few fixed
# shapes. tests/test_perf_guards.py runs every chart's output through full validation, so
# a bad property still fails a test. The page sends the dicts as they are (`Chart.spec`):
# building even an unvalidated go.Figure loads plotly's table of every property (~15 MB
# in each viewer's kernel).
def trace(kind: str, **props: object) -> dict:
    """A trace as a plain dict: `trace("scatter", x=..., marker={...})` (None props dropped)."""
    return {"type": kind, **_clean(props)}


def _clean(props: dict) -> dict:
    out = {}
    for k, v in props.items():
        if v is None:
            continue
        if isinstance(v, dict):
            v = _clean(v)
        elif isinstance(v, pd.Series | pd.Index):
            v = v.to_numpy()
        out[k] = v
    return out


def _merge(base: dict, extra: dict) -> dict:
    """`extra` over `base`, nested dicts merged (what `update_layout` does)."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


_AXIS = {"gridcolor": "#eee", "zerolinecolor": "#ddd", "linecolor": "#ccc", "ticks": "",
         "automargin": True}
TEMPLATE = {"layout": {"colorway": list(QUAD_COLOURS.values()), "xaxis": _AXIS,
                       "yaxis": _AXIS}}


def base_spec(
    traces: Iterable[dict | go.BaseTraceType] = (),
    *,
    title: str,
    height: int | None = None,
    width: int | None = None,
    empty_message: str | None = None,
    **layout: object,
) -> dict:
    """The one builder: every chart's traces go into a figure (a plain dict with `data`
    and `layout`) with the shared layout.

    `title` is trusted text (chart code writes it; fact text in it must be escaped by the
    caller). `empty_message` puts a plain-word note in the middle when there is no data.
    Traces are `trace(...)` dicts (or plotly trace objects).
    """
    shared = {
        # An empty title (the dashboard heads each card itself) gives its room back.
        "title": {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": FONT, "size": 12, "color": "#222"},
        "margin": {**MARGIN, "t": MARGIN["t"] if title else 16},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"bgcolor": "white", "font": {"family": FONT, "size": 12},
                       "align": "left"},
        "legend": {"bgcolor": "rgba(255,255,255,0.8)", "font": {"size": 11}},
        "height": height,
        "width": width,
        "clickmode": "event",
        "dragmode": "pan",
        # Our own small template instead of plotly's default (7 KB in every figure sent
        # to the page): every chart sets its colours, so only axis defaults remain.
        "template": TEMPLATE,
    }
    full = _clean(_merge(shared, layout))
    if empty_message:
        note = {"text": esc(empty_message), "showarrow": False, "xref": "paper",
                "yref": "paper", "x": 0.5, "y": 0.5, "font": {"size": 14, "color": "#777"}}
        full["annotations"] = [*full.get("annotations", ()), note]
        for axis in [k for k in full if k.startswith(("xaxis", "yaxis"))] or ["xaxis",
                                                                             "yaxis"]:
            full[axis] = {**full.get(axis, {}), "visible": False}
        full.setdefault("xaxis", {"visible": False})
        full.setdefault("yaxis", {"visible": False})
    data = [t if isinstance(t, dict) else t.to_plotly_json() for t in traces]
    return {"data": data, "layout": full}


def chart(spec: Callable[..., dict]) -> Callable[..., go.Figure]:
    """A chart function made from the function that builds its figure as a plain dict
    (`base_spec`'s): the chart returns `go.Figure`; `<chart>.spec`, with the same
    arguments, returns the dict, which the page sends as it is."""

    @functools.wraps(spec)
    def draw(*args: Any, **kwargs: Any) -> go.Figure:
        return go.Figure(spec(*args, **kwargs), _validate=False)

    draw.spec = spec  # type: ignore[attr-defined]
    draw.__signature__ = inspect.signature(spec).replace(  # type: ignore[attr-defined]
        return_annotation="go.Figure")
    return draw


def legend_marker(name: str, *, colour: str = "#555", symbol: str = "circle",
                  group: str | None = None, line: dict | None = None,
                  size: int = 10, group_title: str | None = None) -> dict:
    """A legend-only entry (no data), for encodings carried by per-point arrays."""
    marker = {"color": colour, "symbol": symbol, "size": size}
    if line:
        marker["line"] = line
    return trace("scatter", x=[None], y=[None], mode="markers", name=name, marker=marker,
                 legendgroup=group, showlegend=True, hoverinfo="skip",
                 legendgrouptitle={"text": group_title} if group_title else None)


# --------------------------------------------------------------------------- clicks
# Every clickable point carries customdata = [kind, ids]: kind is "actor", "events",
# "position", "source", "state" or "sentence"; ids are the fact ids joined by one space
# (ids are slugs, so they never contain spaces). `parse_click` reads it back.
def click_data(kind: str, ids: Iterable[str]) -> list[list[str]]:
    return [[kind, i] for i in ids]


def parse_click(customdata: object) -> tuple[str, tuple[str, ...]]:
    """(kind, ids) from a clicked point's customdata; ("", ()) if it is not ours.

    Edges with more than MAX_CLICK_IDS events carry ["edge", "src tgt leg"] (network) or
    ["channel", "ISO ISO"] (map) instead of their ids: `briefing.channels.events_behind`
    turns such a key back into event ids.
    """
    if not (isinstance(customdata, list | tuple) and len(customdata) >= 2):
        return "", ()
    return str(customdata[0]), tuple(str(customdata[1]).split())


def click_ids(kind_if_many: str, ids: pd.Series, keys: pd.Series) -> list[list[str]]:
    """customdata for aggregated points: the ids, or the key when there are too many."""
    return [["events", i] if i.count(" ") < MAX_CLICK_IDS else [kind_if_many, k]
            for i, k in zip(ids, keys, strict=True)]
