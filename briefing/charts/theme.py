"""One theme for every chart: colours, fonts, plain-word labels, hover text, the builder.

Fact text reaches the browser only through `esc` and only inside `hovertext` /
`customdata` / `text`, never inside a `hovertemplate`: plotly treats `%{...}` in a
template as a placeholder and renders `<b>`, `<br>` etc. as markup, so a summary such as
`<script>… %{x}` must be escaped before it is shown, and must not become a template.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.model import Briefing

T = TypeVar("T")

FONT = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
MARGIN = {"l": 20, "r": 20, "t": 56, "b": 30}
HOVER = "%{hovertext}<extra></extra>"  # every trace's hovertemplate: text built in Python
MAX_CLICK_IDS = 20  # beyond this an edge carries its key, not its ids (figure size)
MAX_LABELS = 40  # text labels on a chart; beyond this names appear on hover only

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = {
    "verbal cooperation": "#4a90d9",
    "material cooperation": "#1b9e77",
    "verbal conflict": "#e6912e",
    "material conflict": "#c0392b",
}
# Each PLOVER type takes a shade of its quad class's hue, cooperation to conflict.
PLOVER_ORDER = ("AID", "COOPERATE", "RETREAT", "SUPPORT", "CONCEDE", "AGREE", "CONSULT",
                "REQUEST", "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT")
PLOVER_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
                    "material conflict"),
}
PLOVER_COLOURS = {
    "AID": "#0b6e4f", "COOPERATE": "#1b9e77", "RETREAT": "#66c2a4",
    "SUPPORT": "#1f5fa8", "CONCEDE": "#3b7fd0", "AGREE": "#4a90d9", "CONSULT": "#7fb2e5",
    "REQUEST": "#f2b350", "REJECT": "#e6912e", "ACCUSE": "#d9731a", "THREATEN": "#b85c0f",
    "PROTEST": "#e35d4f", "SANCTION": "#c0392b", "MOBILIZE": "#9e2a2b",
    "COERCE": "#7b1d2a", "ASSAULT": "#4a0f1a",
}
PLOVER_WORDS = {
    "AGREE": "agree", "CONSULT": "consult", "SUPPORT": "support", "CONCEDE": "concede",
    "COOPERATE": "cooperate", "AID": "give aid", "RETREAT": "retreat or de-escalate",
    "REQUEST": "request", "ACCUSE": "accuse", "REJECT": "reject", "THREATEN": "threaten",
    "PROTEST": "protest", "SANCTION": "sanction", "MOBILIZE": "mobilise",
    "COERCE": "coerce", "ASSAULT": "use force",
}
# Conflict (−10) → cooperation (+10); the midpoint is a mid grey, not white, so that
# neutral edges stay visible on a white page.
SCORE_SCALE = [[0.0, "#8e1b1b"], [0.3, "#e0684f"], [0.5, "#a8a8a8"], [0.7, "#5b9bd5"],
               [1.0, "#12467f"]]
SCORE_BINS = (-10.0, -6.0, -2.0, 2.0, 6.0, 10.01)
SCORE_BIN_WORDS = ("strong conflict", "conflict", "neutral", "cooperation",
                   "strong cooperation")

BLOCS = ("iran", "russia", "us-israel", "china-pakistan", "other")
BLOC_COLOURS = {
    "iran": "#2e8b57", "russia": "#8e3b8e", "us-israel": "#3f51b5",
    "china-pakistan": "#d4a017", "other": "#7f7f7f",
}
BLOC_WORDS = {"iran": "Iran", "russia": "Russia", "us-israel": "United States and Israel",
              "china-pakistan": "China and Pakistan", "other": "others"}
_BLOC_ALIASES = {"us": "us-israel", "usa": "us-israel", "israel": "us-israel",
                 "united-states": "us-israel", "china": "china-pakistan",
                 "pakistan": "china-pakistan", "irn": "iran", "rus": "russia"}
_BLOC_BY_COUNTRY = {"IRN": "iran", "RUS": "russia", "USA": "us-israel", "ISR": "us-israel",
                    "CHN": "china-pakistan", "PAK": "china-pakistan"}

STATUS_WORDS = {
    "occurred": "occurred",
    "announced": "announced",
    "proposed": "proposed, not (yet) done",
    "historical": "historical background",
    "hypothetical": "hypothetical",
    "negated": "negated: the text says it is not so",
}
STATUS_SYMBOLS = {"occurred": "circle", "announced": "diamond", "proposed": "circle-open",
                  "historical": "square", "hypothetical": "diamond-open",
                  "negated": "x-thin-open"}
KIND_SYMBOLS = {"state": "circle", "person": "diamond", "organization": "square",
                "facility": "triangle-up"}
RELIABILITY_COLOURS = {"A": "#1a7f37", "B": "#4caf50", "C": "#c9a227", "D": "#e07b39",
                       "E": "#c0392b", "F": "#9e9e9e"}
CONFIDENCE_OPACITY = {"high": 1.0, "moderate": 0.65, "low": 0.3}
SOURCE_KIND_WORDS = {"wire": "news agency", "state_media": "state media",
                     "official": "official", "anonymous": "anonymous source",
                     "document": "document", "analyst": "analyst"}
ATTRIBUTION_WORDS = {"on_record": "on the record", "spokesperson": "through a spokesperson",
                     "state_media_relay": "relayed by state media",
                     "anonymous": "anonymously"}
BASIS_WORDS = {"article": "stated in the article",
               "resolved": "resolved from a relative date in the article",
               "context": "from outside the article (not evidence)"}


def esc(value: object) -> str:
    """Text from the facts, safe to show in plotly labels and HTML."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    # Numeric entities for quotes: plotly's label renderer decodes &#34; but shows &quot;
    # literally; browsers read both.
    return html.escape(str(value), quote=False).replace('"', "&#34;").replace("'", "&#39;")


def wrap_lines(text: object, width: int) -> list[str]:
    """Raw text broken into lines of at most `width` characters (escape each line after)."""
    import textwrap

    return textwrap.wrap(str(text), width, break_long_words=False) or [""]


def short(text: object, width: int) -> str:
    """Raw text cut to `width` characters with an ellipsis (escape it after)."""
    t = str(text)
    return t if len(t) <= width else t[: width - 1].rstrip() + "…"


def esc_series(values: pd.Series) -> pd.Series:
    """`esc` over a column, vectorised."""
    s = values.astype("string").fillna("")
    return (s.str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False)
            .str.replace(">", "&gt;", regex=False).str.replace('"', "&#34;", regex=False)
            .str.replace("'", "&#39;", regex=False)).astype(object)


def memo(b: Briefing, name: str, build: Callable[[], T]) -> T:
    """A value derived from `b` alone, built once and kept on the Briefing value (frames
    are read-only; a selection is a new Briefing). Charts drawn from the same selection
    share work this way: the network and the map both need the edge legs."""
    d = b.__dict__
    if name not in d:
        d[name] = build()
    return d[name]


def event_summaries(b: Briefing) -> pd.Series:
    """Escaped event summaries by event id."""
    return memo(b, "_event_summaries", lambda: pd.Series(
        esc_series(b.events["summary"]).to_numpy(), index=b.events["event_id"]))


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with categorical columns as plain objects, so text can be joined."""
    cats = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.astype(dict.fromkeys(cats, object)) if cats else frame


def blank(values: pd.Series) -> pd.Series:
    """True where an optional text field is empty (the loader may give "" or NA)."""
    return values.isna() | (values.astype("string").fillna("") == "")


def bloc_of(actors: pd.DataFrame) -> pd.Series:
    """Each actor's colour bloc, one of BLOCS (aliases and countries folded in)."""
    actors = plain(actors)
    raw = actors["bloc"].astype("string").fillna("").str.lower()
    raw = raw.map(lambda v: _BLOC_ALIASES.get(v, v))
    by_country = actors["country"].astype("string").fillna("").map(_BLOC_BY_COUNTRY)
    out = raw.where(raw.isin(BLOCS), by_country).fillna("other")
    return pd.Series(out.to_numpy(dtype=object), index=actors.index)


def plover_words(ptype: str, mode: str = "") -> str:
    words = PLOVER_WORDS.get(ptype, str(ptype).lower())
    return f"{words} ({mode})" if mode else words


def score_colour_bin(score: np.ndarray) -> np.ndarray:
    """Index into SCORE_BIN_WORDS for each PLOVER score."""
    return np.clip(np.digitize(np.asarray(score, dtype=float), SCORE_BINS) - 1, 0,
                   len(SCORE_BIN_WORDS) - 1)


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
def names(b: Briefing) -> dict[str, str]:
    """actor_id → display name."""
    return dict(zip(b.actors["actor_id"], b.actors["name"], strict=False))


def date_words(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """'23 June 2025', 'June 2025' or '2025' depending on the date's precision."""
    d = pd.to_datetime(dates)
    day = d.dt.strftime("%-d %B %Y")
    month = d.dt.strftime("%B %Y")
    year = d.dt.strftime("%Y")
    out = day.where(precision == "day", month.where(precision == "month", year))
    return out.fillna("date unknown").astype(object)


def event_roles(b: Briefing, event_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Per event: escaped, comma-joined names of its actors, recipients, carriers, subjects."""
    p = plain(b.participants)
    if event_ids is not None:
        p = p[p["event_id"].isin(list(event_ids))]
    nm = p["actor_id"].map(names(b)).fillna(p["actor_id"])
    p = p.assign(name=esc_series(nm))
    wide = p.groupby(["event_id", "role"], sort=False)["name"].agg(", ".join).unstack()
    for role in ("actor", "recipient", "via", "subject"):
        if role not in wide:
            wide[role] = ""
    return wide[["actor", "recipient", "via", "subject"]].fillna("")


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
    dates = date_words(ev["date"], ev["date_precision"]).to_numpy(dtype=object)
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


def reliability_meanings(b: Briefing) -> dict[str, str]:
    a = b.admiralty
    if a.empty:
        return {"A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
                "D": "Not usually reliable", "E": "Unreliable",
                "F": "Reliability cannot be judged"}
    a = a[a["axis"] == "reliability"]
    return dict(zip(a["grade"].astype(str), a["meaning"], strict=False))


def credibility_meanings(b: Briefing) -> dict[int, str]:
    a = b.admiralty
    if a.empty:
        words = ["Confirmed by other sources", "Probably true", "Possibly true", "Doubtful",
                 "Improbable", "Truth cannot be judged"]
        return {i + 1: w for i, w in enumerate(words)}
    a = a[a["axis"] == "credibility"]
    return {int(g): m for g, m in zip(a["grade"], a["meaning"], strict=False)}


# --------------------------------------------------------------------------- builder
# Figures are assembled as plain dicts and wrapped with `go.Figure(..., _validate=False)`:
# plotly's property validation cost 50–100 ms per chart (most of a filter change), while
# the dicts come from this module's few fixed shapes. tests/test_perf_guards.py runs every
# chart's output through full validation, so a bad property still fails a test.
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


def base_figure(
    traces: Iterable[dict | go.BaseTraceType] = (),
    *,
    title: str,
    height: int | None = None,
    width: int | None = None,
    empty_message: str | None = None,
    **layout: object,
) -> go.Figure:
    """The one builder: every chart's traces go into a figure with the shared layout.

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
    return go.Figure({"data": data, "layout": full}, _validate=False)


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


def parse_click(customdata: object, b: Briefing | None = None) -> tuple[str, tuple[str, ...]]:
    """(kind, ids) from a clicked point's customdata; ("", ()) if it is not ours.

    Edges with more than MAX_CLICK_IDS events carry ["edge", "src tgt leg"] (network) or
    ["channel", "ISO ISO"] (map) instead of their ids; given `b`, those are resolved to
    ("events", ids) here.
    """
    if not (isinstance(customdata, list | tuple) and len(customdata) >= 2):
        return "", ()
    kind, ids = str(customdata[0]), tuple(str(customdata[1]).split())
    if kind in ("edge", "channel") and b is not None:
        from briefing.charts.network import events_behind  # network imports theme
        return "events", events_behind(b, kind, ids)
    return kind, ids


def click_ids(kind_if_many: str, ids: pd.Series, keys: pd.Series) -> list[list[str]]:
    """customdata for aggregated points: the ids, or the key when there are too many."""
    return [["events", i] if i.count(" ") < MAX_CLICK_IDS else [kind_if_many, k]
            for i, k in zip(ids, keys, strict=True)]
