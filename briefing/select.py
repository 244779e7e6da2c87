"""From a selection (one small frozen value) to frames, and facts in plain words.

`select(b, sel)` is the only place where widget state becomes data. The work that does not
depend on the selection (codes for actors, types, statuses, reliability ranks; which
evidence row belongs to which fact) is done once per Briefing and memoised on the
Briefing value itself, the way `functools.cached_property` would: no module-level cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from briefing.model import Briefing, blank
from briefing.selection import FACT_FILTERS, GRADES, POSITION_FILTERS, Selection

__all__ = ["FACT_FILTERS", "GRADES", "POSITION_FILTERS", "Masks", "Selection", "day_number",
           "day_numbers", "masks", "page_arrays", "select"]

# --------------------------------------------------------------------------- index
# The selection works on codes, not strings: what does not depend on the selection (codes
# for actors, types, statuses, reliability ranks; which evidence row belongs to which
# fact) is computed once per Briefing. The same arrays go to the browser
# (`page_arrays`), where `briefing/static/select.js` computes the same masks; a parity test
# holds the two to each other.
_DAY_NS = 86_400 * 10**9


@dataclass(frozen=True)
class _Index:
    actor_ids: pd.Index
    article_ids: pd.Index
    event_ids: pd.Index
    types: pd.Index  # the event types present, sorted: ev_type codes into it
    statuses: pd.Index
    ancestors: np.ndarray  # parent code per actor code; -1 for none
    ev_type: np.ndarray
    ev_status: np.ndarray
    ev_date: np.ndarray  # days since 1970 (float; NaN when undated)
    ev_end: np.ndarray  # last day of the event's span (its date, its date_end, or for an
    #                     ongoing event the day its article was published)
    ev_article: np.ndarray  # article code per event / statement / position
    st_article: np.ndarray
    pos_article: np.ndarray
    ev_rel: np.ndarray  # 0 = A … 5 = F
    part_ev: np.ndarray
    part_actor: np.ndarray
    st_ev: np.ndarray  # -1 when the statement has no event
    st_rel: np.ndarray
    st_speaker: np.ndarray
    st_date: np.ndarray
    pos_actor: np.ndarray
    pos_issue: np.ndarray  # issue code per position (-1 unknown)
    ev_src: np.ndarray  # source code per event / statement (-1 unknown)
    st_src: np.ndarray
    evid_fact: np.ndarray  # into the fact vector [events, statements, positions, none]
    n_sources: int
    n_issues: int


@dataclass(frozen=True)
class Masks:
    """Which rows of each frame a selection keeps (boolean arrays in frame order)."""

    events: np.ndarray
    statements: np.ndarray
    positions: np.ndarray
    participants: np.ndarray
    evidence: np.ndarray
    actors: np.ndarray
    sources: np.ndarray
    issues: np.ndarray


def _codes(values: pd.Series, index: pd.Index) -> np.ndarray:
    return index.get_indexer(values.astype(object)).astype(np.int32)


def _rank(source_ids: pd.Series, sources: pd.DataFrame) -> np.ndarray:
    grade = source_ids.map(dict(zip(sources["source_id"], sources["reliability"],
                                    strict=False)))
    return grade.map({g: i for i, g in enumerate(GRADES)}).fillna(5).to_numpy(dtype=np.int8)


def day_numbers(values: Any) -> np.ndarray:
    """Dates as the index counts days (float; NaN for a missing date)."""
    d = pd.to_datetime(pd.Series(values)).astype("datetime64[ns]").to_numpy()
    out = d.astype("int64").astype(np.float64) / _DAY_NS
    out[np.isnat(d)] = np.nan
    return out


def day_number(value: Any) -> float | None:
    """A selection's date bound as the index counts days (None stays None)."""
    return None if value is None else float(day_numbers([value])[0])


def index(b: Briefing) -> _Index:
    """The selection index of `b`, built on first use and kept on the Briefing."""
    cached = b.__dict__.get("_selection_index")
    if cached is not None:
        return cached
    actors = pd.Index(b.actors["actor_id"].astype(object))
    parent = b.actors["parent_id"].where(~blank(b.actors["parent_id"]), None)
    ev, st, pos, evid = b.events, b.statements, b.positions, b.evidence
    events = pd.Index(ev["event_id"].astype(object))
    ev_pos = pd.Series(np.arange(len(ev)), index=events)
    published = dict(zip(b.articles["article_id"], b.articles["published"], strict=False))
    fact_pos = pd.concat([
        ev_pos,
        pd.Series(len(ev) + np.arange(len(st)), index=st["statement_id"].astype(object)),
        pd.Series(len(ev) + len(st) + np.arange(len(pos)),
                  index=pos["position_id"].astype(object)),
    ])
    n_facts = len(ev) + len(st) + len(pos)
    articles = pd.Index(b.articles["article_id"].astype(object))
    end = ev["date_end"].where(ev["date_end"].notna(), ev["date"])
    ongoing = (ev["status"] == "ongoing") & ev["date_end"].isna()
    end = end.where(~ongoing, ev["article_id"].map(published))
    types = pd.Index(sorted(ev["plover_type"].dropna().astype(str).unique()))
    statuses = pd.Index(sorted(ev["status"].dropna().astype(str).unique()))
    sources = pd.Index(b.sources["source_id"].astype(object))
    idx = _Index(
        actor_ids=actors, article_ids=articles, event_ids=events, types=types,
        statuses=statuses,
        ancestors=_codes(parent.fillna(""), actors),
        ev_type=_codes(ev["plover_type"], types),
        ev_status=_codes(ev["status"], statuses),
        ev_date=day_numbers(ev["date"]),
        ev_end=day_numbers(end),
        ev_article=_codes(ev["article_id"], articles),
        st_article=_codes(st["article_id"], articles),
        pos_article=_codes(pos["article_id"], articles),
        ev_rel=_rank(ev["source_id"], b.sources),
        part_ev=ev_pos.reindex(b.participants["event_id"].astype(object)).fillna(-1)
        .to_numpy(dtype=np.int32),
        part_actor=_codes(b.participants["actor_id"], actors),
        st_ev=ev_pos.reindex(st["event_id"].astype(object)).fillna(-1).to_numpy(dtype=np.int32),
        st_rel=_rank(st["source_id"], b.sources),
        st_speaker=_codes(st["speaker_id"], actors),
        st_date=day_numbers(st["article_id"].map(published)),
        pos_actor=_codes(pos["actor_id"], actors),
        pos_issue=_codes(pos["issue_id"], pd.Index(b.issues["issue_id"].astype(object))),
        ev_src=_codes(ev["source_id"], sources),
        st_src=_codes(st["source_id"], sources),
        evid_fact=fact_pos.reindex(evid["fact_id"].astype(object)).fillna(n_facts)
        .to_numpy(dtype=np.int32),
        n_sources=len(sources), n_issues=len(b.issues),
    )
    b.__dict__["_selection_index"] = idx  # memo on the value, as cached_property does
    return idx


# The arrays the browser's select.js reads, by name; each is sent as one binary buffer.
ARRAYS = ("ancestors", "ev_type", "ev_status", "ev_date", "ev_end", "ev_article",
          "st_article", "pos_article", "ev_rel", "part_ev", "part_actor", "st_ev", "st_rel",
          "st_speaker", "st_date", "pos_actor", "pos_issue", "ev_src", "st_src", "evid_fact")


def page_arrays(b: Briefing) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The selection index as the browser takes it: the dictionaries (ids and names, JSON)
    and the typed arrays (int8/int32/float64, one binary buffer each)."""
    ix = index(b)
    meta = {"actors": list(ix.actor_ids), "articles": list(ix.article_ids),
            "events": list(ix.event_ids), "types": list(ix.types),
            "statuses": list(ix.statuses), "n_sources": ix.n_sources,
            "n_issues": ix.n_issues, "issues": list(b.issues["issue_id"].astype(str))}
    return meta, {name: getattr(ix, name) for name in ARRAYS}


def _spread_down(ix: _Index, mask: np.ndarray) -> np.ndarray:
    """Chosen actors and everything below them (a minister < his state)."""
    n = len(ix.actor_ids)
    parents = np.where(ix.ancestors >= 0, ix.ancestors, n)
    for _ in range(8):  # hierarchies are shallow: person < ministry < state
        grown = mask[:n] | mask[parents]
        if (grown == mask[:n]).all():
            break
        mask[:n] = grown
    return mask


def _with_ancestors(ix: _Index, mask: np.ndarray) -> np.ndarray:
    mask = mask.copy()
    for _ in range(8):
        up = ix.ancestors[mask[:len(ix.actor_ids)]]
        up = up[up >= 0]
        if mask[up].all():
            break
        mask[up] = True
    return mask


def _chosen(index: pd.Index, ids: Iterable[str]) -> np.ndarray:
    """Boolean per code (plus a last slot, always False, that absorbs unknown codes -1)."""
    mask = np.zeros(len(index) + 1, dtype=bool)
    codes = index.get_indexer(list(ids))
    mask[codes[codes >= 0]] = True
    return mask


def masks(b: Briefing, sel: Selection) -> Masks:
    """The rows of each frame that `sel` keeps. The rules (`select` says them in words)
    live here and, line for line, in `briefing/static/select.js`."""
    ix = index(b)
    n_ev = len(ix.ev_type)
    keep = np.ones(n_ev, dtype=bool)
    if sel.event_types:
        keep &= _chosen(ix.types, sel.event_types)[ix.ev_type]
    if sel.statuses:
        keep &= _chosen(ix.statuses, sel.statuses)[ix.ev_status]
    lo, hi = day_number(sel.date_from), day_number(sel.date_to)
    # An event's span overlaps the range; an undated event cannot be dated out of it.
    undated = np.isnan(ix.ev_date)
    if lo is not None:
        keep &= (ix.ev_end >= lo) | undated
    if hi is not None:
        keep &= (ix.ev_date <= hi) | undated
    art = _chosen(ix.article_ids, sel.articles) if sel.articles else None
    if art is not None:
        keep &= art[ix.ev_article]
    max_rank = GRADES.index(sel.min_reliability)
    if max_rank < 5:
        keep &= ix.ev_rel <= max_rank
    chosen = None
    if sel.actors:
        chosen = _spread_down(ix, _chosen(ix.actor_ids, sel.actors))
        hit = chosen[ix.part_actor] & (ix.part_ev >= 0)
        touched = np.zeros(n_ev, dtype=bool)
        touched[ix.part_ev[hit]] = True
        keep &= touched
    if sel.focus_events:
        keep &= _chosen(ix.event_ids, sel.focus_events)[:-1]

    # Statements: with an event, follow it; without one, stand on their own filters.
    st_keep = np.zeros(len(ix.st_ev), dtype=bool)
    linked = ix.st_ev >= 0
    st_keep[linked] = keep[ix.st_ev[linked]]
    if not (sel.event_types or sel.statuses or sel.focus_events):
        free = ~linked & (ix.st_rel <= max_rank)
        if lo is not None:
            free &= ix.st_date >= lo
        if hi is not None:
            free &= ix.st_date <= hi
        if chosen is not None:
            free &= chosen[ix.st_speaker]
        if art is not None:
            free &= art[ix.st_article]
        st_keep |= free
    # Positions are analyst judgments with no source or date: actors and articles narrow
    # them, and a clicked edge (its events, not judgments) leaves none (POSITION_FILTERS).
    n_pos = len(ix.pos_actor)
    if sel.focus_events:
        pos_keep = np.zeros(n_pos, dtype=bool)
    elif chosen is not None:
        pos_keep = chosen[ix.pos_actor]
    else:
        pos_keep = np.ones(n_pos, dtype=bool)
    if art is not None:
        pos_keep = pos_keep & art[ix.pos_article]

    part_keep = np.zeros(len(ix.part_ev), dtype=bool)
    ok = ix.part_ev >= 0
    part_keep[ok] = keep[ix.part_ev[ok]]
    facts = np.concatenate([keep, st_keep, pos_keep, [False]])
    evid_keep = facts[ix.evid_fact]

    n_act = len(ix.actor_ids)
    act = np.zeros(n_act + 1, dtype=bool)
    act[ix.part_actor[part_keep]] = True
    act[ix.st_speaker[st_keep]] = True
    act[ix.pos_actor[pos_keep]] = True
    if sel.actors:
        act |= _chosen(ix.actor_ids, sel.actors)
    act[n_act] = False
    act = _with_ancestors(ix, act)

    used = np.zeros(ix.n_sources + 1, dtype=bool)
    used[ix.ev_src[keep]] = True
    used[ix.st_src[st_keep]] = True
    issues = np.ones(ix.n_issues, dtype=bool)
    if pos_keep.sum() < n_pos:
        wanted = np.zeros(ix.n_issues + 1, dtype=bool)
        wanted[ix.pos_issue[pos_keep]] = True
        if sel.issue:
            wanted[:-1] |= (b.issues["issue_id"] == sel.issue).to_numpy()
        issues = wanted[:-1]
    return Masks(events=keep, statements=st_keep, positions=pos_keep, participants=part_keep,
                 evidence=evid_keep, actors=act[:n_act], sources=used[:-1], issues=issues)


def select(b: Briefing, sel: Selection) -> Briefing:
    """The facts that the selection leaves, every frame restricted consistently.

    Events pass every filter (article, type, status, dates — their span overlaps the
    range; undated events stay —, source reliability, actors: any
    participant is a chosen actor or belongs to one, focus events). Participants and
    evidence follow the events; statements follow their event, or, without one, the
    speaker, source and the article's date; positions follow the actors. Actors kept are
    those still referenced, the chosen ones and their parents (the network places people
    next to their states). Articles and sentences are kept whole: they are the context.
    """
    if not sel.filters_facts:
        return b
    m = masks(b, sel)
    return b.with_frames(
        events=b.events[m.events],
        participants=b.participants[m.participants],
        statements=b.statements[m.statements],
        positions=b.positions[m.positions],
        issues=b.issues[m.issues],
        evidence=b.evidence[m.evidence],
        actors=b.actors[m.actors],
        sources=b.sources[m.sources],
        key_points=b.key_points[b.key_points["article_id"].isin(sel.articles)]
        if sel.articles else b.key_points,
    )
