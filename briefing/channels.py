"""Diplomatic channels: who acts toward whom, as a frame.

An event becomes one or more *legs* between two actors:

- an act goes from each `actor` to each `recipient`;
- when someone carries it (`via`), it is two legs instead: actor → carrier ("hands") and
  carrier → recipient ("carries");
- a mutual act — several `actor`s and no recipient: a call, talks, a joint statement or
  proposal — links the actors to each other, once per pair, with no direction;
- the `subject` of an event is what it is about, never its recipient: an event with one
  actor and no recipient is not a link (it still shows on the timeline and in details);
- an act that did not happen (`negated`, `cancelled`, `postponed`) is kept apart, so
  charts can draw it dotted.

`channels(b)` aggregates legs per actor pair and kind; the network chart, the map, the
click handler and the exports all read the legs or the channels from here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.model import Briefing, memo, plain
from briefing.places import actor_countries
from briefing.words import plover_words

# Legs of events that did not happen are drawn apart (dotted): the text says not, it was
# called off, or put off.
NOT_HAPPENED = ("negated", "cancelled", "postponed")
_LEG_COLUMNS = ["src", "tgt", "leg", "event_id", "plover_type", "plover_mode",
                "plover_score", "goldstein"]


def legs(b: Briefing) -> pd.DataFrame:
    """One row per drawn leg of an event: src, tgt, leg (direct, hands, carries, mutual,
    negated), event_id, plover_type, plover_mode, plover_score, goldstein.
    Built once per Briefing value; treat it as read-only."""
    return memo(b, "_channel_legs", lambda: _legs(b))


def _legs(b: Briefing) -> pd.DataFrame:
    p = plain(b.participants[["event_id", "actor_id", "role"]])
    ev = plain(b.events[["event_id", "plover_type", "plover_mode", "plover_score",
                         "goldstein"]])
    by = {r: p.loc[p["role"] == r, ["event_id", "actor_id"]] for r in
          ("actor", "recipient", "via")}
    has_recipient = set(by["recipient"]["event_id"])
    carried = set(by["via"]["event_id"])
    src = by["actor"].rename(columns={"actor_id": "src"})
    tgt = by["recipient"].rename(columns={"actor_id": "tgt"})
    direct = src[~src["event_id"].isin(carried)].merge(tgt, on="event_id").assign(leg="direct")
    hands = src[src["event_id"].isin(has_recipient)].merge(
        by["via"].rename(columns={"actor_id": "tgt"}), on="event_id").assign(leg="hands")
    carries = by["via"].rename(columns={"actor_id": "src"}).merge(
        tgt, on="event_id").assign(leg="carries")
    # Mutual: every pair of actors of an event with no recipient, in id order.
    alone = src[~src["event_id"].isin(has_recipient)]
    pairs = alone.merge(alone.rename(columns={"src": "tgt"}), on="event_id")
    mutual = pairs[pairs["src"] < pairs["tgt"]].assign(leg="mutual")
    out = pd.concat([direct, hands, carries, mutual], ignore_index=True)
    out = out[out["src"] != out["tgt"]].merge(ev, on="event_id")
    gone = b.events.loc[b.events["status"].isin(NOT_HAPPENED), "event_id"]
    out = out.assign(leg=out["leg"].where(~out["event_id"].isin(gone), "negated"))
    return out[_LEG_COLUMNS].reset_index(drop=True)


def channels(b: Briefing) -> pd.DataFrame:
    """The diplomatic channels of a fact base (or a selection of it), one row per actor
    pair and kind of channel.

    Columns: `source`, `target` (actor ids; for a mutual channel the two in id order),
    `mutual` (a joint act: no direction), `leg` (direct, hands, carries, mutual, negated),
    `plover_type`, `plover_mode`, `events` (how many), `plover_score` and `goldstein`
    (means over those events), `event_ids` (space-separated, in the order of the events).
    """
    lg = plain(legs(b))
    cols = ["source", "target", "mutual", "leg", "plover_type", "plover_mode", "events",
            "plover_score", "goldstein", "event_ids"]
    if lg.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    keys = ["src", "tgt", "leg", "plover_type", "plover_mode"]
    g = lg.groupby(keys, sort=False, dropna=False)
    out = g.agg(events=("event_id", "nunique"), plover_score=("plover_score", "mean"),
                goldstein=("goldstein", "mean"),
                event_ids=("event_id", lambda s: " ".join(dict.fromkeys(s)))).reset_index()
    out = out.rename(columns={"src": "source", "tgt": "target"})
    out["mutual"] = out["leg"] == "mutual"
    return out[cols]


def events_behind(b: Briefing, kind: str, key: tuple[str, ...]) -> tuple[str, ...]:
    """The event ids behind an aggregated edge: ("edge", (src, tgt, leg)) in the network,
    ("channel", (iso_from, iso_to)) on the map."""
    lg = legs(b)
    if kind == "edge" and len(key) == 3:
        hit = (lg["src"] == key[0]) & (lg["tgt"] == key[1]) & (lg["leg"] == key[2])
    elif kind == "channel" and len(key) == 2:
        c = actor_countries(b)
        hit = (lg["src"].map(c) == key[0]) & (lg["tgt"].map(c) == key[1])
    else:
        return ()
    return tuple(dict.fromkeys(lg.loc[hit, "event_id"]))


def edge_table(lg: pd.DataFrame, keys: list[str], summaries: pd.Series | None = None,
               max_listed: int = 4, limit: int | None = None) -> pd.DataFrame:
    """Aggregate legs per `keys`: event count, mean score, ids, plain-word hover parts.

    With `limit`, only the `limit` edges with most events are kept (ties: first seen);
    `.attrs["total"]` says how many edges there were.
    """
    if lg.empty:
        out = pd.DataFrame(columns=[*keys, "n", "score", "ids", "types", "top_type",
                                    "top_mode", "listed"])
        out.attrs["total"] = 0
        return out
    lg = plain(lg)
    # Event ids per edge, in order of appearance, in plain Python: pandas' per-group
    # lambdas cost most of a redraw at 1,000 articles.
    edge_keys = list(zip(*(lg[k].to_numpy(dtype=object) for k in keys), strict=True))
    ids_of: dict[tuple, dict[str, None]] = {}
    for key, event in zip(edge_keys, lg["event_id"].to_numpy(dtype=object), strict=True):
        ids_of.setdefault(key, {})[event] = None
    total = len(ids_of)
    if limit is not None and total > limit:
        busiest = set(sorted(ids_of, key=lambda k: -len(ids_of[k]))[:limit])  # stable
        ids_of = {k: v for k, v in ids_of.items() if k in busiest}
    # Kinds (PLOVER type and mode) per edge, commonest first, and the mean score: one
    # pass over the kept legs (pandas' groupby machinery costs more than the work here).
    kept = lg[[k in ids_of for k in edge_keys]] if len(ids_of) < total else lg
    kinds_of: dict[tuple, dict[tuple[str, str], set[str]]] = {k: {} for k in ids_of}
    sums: dict[tuple, list[float]] = {k: [0.0, 0] for k in ids_of}
    for key, event, ptype, mode, score in zip(
            zip(*(kept[k].to_numpy(dtype=object) for k in keys), strict=True),
            kept["event_id"].to_numpy(dtype=object), kept["plover_type"].to_numpy(dtype=object),
            kept["plover_mode"].to_numpy(dtype=object), kept["plover_score"].to_numpy(float),
            strict=True):
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
        more = len(words) - 4
        types.append(", ".join(words[:4]) + (f", and {more} more kinds" if more > 0 else ""))
        top_type.append(ranked[0][0][0])
        top_mode.append(ranked[0][0][1])
    out = pd.DataFrame({"n": [len(v) for v in ids_of.values()],
                        "score": [t / c if c else np.nan for t, c in sums.values()],
                        "ids": [" ".join(v) for v in ids_of.values()],
                        "types": types, "top_type": top_type, "top_mode": top_mode},
                       index=index)
    if summaries is not None:
        def listed(ids: str) -> str:
            first = ids.split(" ", max_listed)
            lines = [summaries.get(i, "") for i in first[:max_listed]]
            more = ids.count(" ") + 1 - max_listed
            return "<br>".join(f"• {x}" for x in lines) + (
                f"<br>… and {more} more (click to list them)" if more > 0 else "")
        out["listed"] = out["ids"].map(listed)
    else:
        out["listed"] = ""
    out = out.reset_index()
    out.attrs["total"] = total
    return out
