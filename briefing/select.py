"""From a selection (one small frozen value) to frames, and facts in plain words.

`select(b, sel)` is the only place where widget state becomes data. The work that does not
depend on the selection (codes for actors, types, statuses, reliability ranks; which
evidence row belongs to which fact) is done once per Briefing and memoised on the
Briefing value itself, the way `functools.cached_property` would: no module-level cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from briefing.contract import RELIABILITY
from briefing.model import Briefing, blank
from briefing.words import PLOVER_WORDS, names

# Admiralty reliability grades, best first (the contract's value set).
GRADES = "".join(RELIABILITY)


# The selection fields `select` narrows the facts by, and the few that narrow positions.
# The page redraws a chart when a field it reads changes (briefing.charts.CHARTS); a test
# checks that no other field changes a chart.
FACT_FILTERS = ("actors", "articles", "event_types", "statuses", "date_from", "date_to",
                "min_reliability", "focus_events")
POSITION_FILTERS = ("actors", "articles", "focus_events")


@dataclass(frozen=True)
class Selection:
    """What the viewer has chosen. Empty sets and None mean "no restriction".

    `issue` and `focus_actor` are view options (which issue the positions chart shows,
    whose ego network the network chart highlights); they remove no facts.
    `focus_events` (an edge clicked) narrows the events to those, with their statements.
    """

    actors: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    event_types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    date_from: pd.Timestamp | None = None
    date_to: pd.Timestamp | None = None
    min_reliability: str = "F"
    issue: str | None = None
    focus_actor: str | None = None
    focus_events: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        # Widgets hand over lists and tuples; store frozensets so the value stays hashable.
        for f in ("actors", "articles", "event_types", "statuses", "focus_events"):
            v = getattr(self, f)
            if not isinstance(v, frozenset):
                object.__setattr__(self, f, frozenset([v] if isinstance(v, str) else v))
        for f in ("date_from", "date_to"):
            v = getattr(self, f)
            if v is not None and not isinstance(v, pd.Timestamp):
                object.__setattr__(self, f, pd.Timestamp(v))
        if self.min_reliability not in GRADES:
            raise ValueError(f"min_reliability must be one of A–F, not {self.min_reliability!r}")

    @property
    def filters_facts(self) -> bool:
        return bool(self.actors or self.articles or self.event_types or self.statuses
                    or self.date_from is not None or self.date_to is not None
                    or self.min_reliability != "F" or self.focus_events)

    def describe(self, b: Briefing | None = None) -> str:
        """The selection in plain words (names instead of ids when `b` is given)."""
        nm = names(b) if b else {}
        parts = []
        if self.actors:
            parts.append("actors: " + ", ".join(sorted(nm.get(a, a) for a in self.actors)))
        if self.articles:
            titles = dict(zip(b.articles["article_id"], b.articles["title"],
                              strict=False)) if b else {}
            parts.append("articles: " + "; ".join(sorted(titles.get(a, a)
                                                        for a in self.articles)))
        if self.event_types:
            parts.append("event types: " + ", ".join(
                sorted(PLOVER_WORDS.get(t, t) for t in self.event_types)))
        if self.statuses:
            parts.append("status: " + ", ".join(sorted(self.statuses)))
        if self.date_from is not None or self.date_to is not None:
            lo = self.date_from.date().isoformat() if self.date_from is not None else "…"
            hi = self.date_to.date().isoformat() if self.date_to is not None else "…"
            parts.append(f"dates {lo} to {hi}")
        if self.min_reliability != "F":
            parts.append(f"sources graded {self.min_reliability} or better")
        if self.focus_events:
            parts.append(f"{len(self.focus_events)} chosen event(s)")
        return "; ".join(parts) if parts else "all facts"


# --------------------------------------------------------------------------- index
@dataclass(frozen=True)
class _Index:
    actor_ids: pd.Index
    ancestors: np.ndarray  # parent code per actor code; -1 for none
    ev_type: pd.Series
    ev_status: pd.Series
    ev_date: np.ndarray  # int64 ns, NaT as min int
    ev_end: np.ndarray  # last day of the event's span (its date, its date_end, or for an
    #                     ongoing event the day its article was published)
    ev_article: np.ndarray  # article row per event / statement / position
    st_article: np.ndarray
    pos_article: np.ndarray
    ev_rel: np.ndarray  # 0 = A … 5 = F
    ev_pos: pd.Series  # event_id → row position
    part_ev: np.ndarray
    part_actor: np.ndarray
    st_ev: np.ndarray  # -1 when the statement has no event
    st_rel: np.ndarray
    st_speaker: np.ndarray
    st_date: np.ndarray
    pos_actor: np.ndarray
    pos_issue: np.ndarray  # issue row per position (-1 unknown)
    ev_src: np.ndarray  # source row per event / statement (-1 unknown)
    st_src: np.ndarray
    evid_fact: np.ndarray  # into the fact vector [events, statements, positions, none]


def _codes(values: pd.Series, index: pd.Index) -> np.ndarray:
    return index.get_indexer(values.astype(object))


def _rank(source_ids: pd.Series, sources: pd.DataFrame) -> np.ndarray:
    grade = source_ids.map(dict(zip(sources["source_id"], sources["reliability"],
                                    strict=False)))
    return grade.map({g: i for i, g in enumerate(GRADES)}).fillna(5).to_numpy(dtype=np.int8)


def _dates(values: pd.Series) -> np.ndarray:
    d = pd.to_datetime(values).astype("datetime64[ns]")
    return d.to_numpy().astype("int64")


def index(b: Briefing) -> _Index:
    """The selection index of `b`, built on first use and kept on the Briefing."""
    cached = b.__dict__.get("_selection_index")
    if cached is not None:
        return cached
    actors = pd.Index(b.actors["actor_id"].astype(object))
    parent = b.actors["parent_id"].where(~blank(b.actors["parent_id"]), None)
    ev, st, pos, evid = b.events, b.statements, b.positions, b.evidence
    ev_pos = pd.Series(np.arange(len(ev)), index=ev["event_id"].astype(object))
    st_ev = ev_pos.reindex(st["event_id"].astype(object)).fillna(-1).to_numpy(dtype=np.int64)
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
    idx = _Index(
        actor_ids=actors,
        ancestors=_codes(parent.fillna(""), actors),
        ev_type=ev["plover_type"].astype(object),
        ev_status=ev["status"].astype(object),
        ev_date=_dates(ev["date"]),
        ev_end=_dates(end),
        ev_article=_codes(ev["article_id"], articles),
        st_article=_codes(st["article_id"], articles),
        pos_article=_codes(pos["article_id"], articles),
        ev_rel=_rank(ev["source_id"], b.sources),
        ev_pos=ev_pos,
        part_ev=ev_pos.reindex(b.participants["event_id"].astype(object)).fillna(-1)
        .to_numpy(dtype=np.int64),
        part_actor=_codes(b.participants["actor_id"], actors),
        st_ev=st_ev,
        st_rel=_rank(st["source_id"], b.sources),
        st_speaker=_codes(st["speaker_id"], actors),
        st_date=_dates(st["article_id"].map(published)),
        pos_actor=_codes(pos["actor_id"], actors),
        pos_issue=_codes(pos["issue_id"], pd.Index(b.issues["issue_id"].astype(object))),
        ev_src=_codes(ev["source_id"], pd.Index(b.sources["source_id"].astype(object))),
        st_src=_codes(st["source_id"], pd.Index(b.sources["source_id"].astype(object))),
        evid_fact=fact_pos.reindex(evid["fact_id"].astype(object)).fillna(n_facts)
        .to_numpy(dtype=np.int64),
    )
    b.__dict__["_selection_index"] = idx  # memo on the value, as cached_property does
    return idx


def _descendants(ix: _Index, chosen: Iterable[str]) -> np.ndarray:
    """Boolean per actor code: chosen actors and everything below them (a minister < his state)."""
    n = len(ix.actor_ids)
    mask = np.zeros(n + 1, dtype=bool)  # slot n absorbs unknown codes (-1)
    codes = ix.actor_ids.get_indexer(list(chosen))
    mask[codes[codes >= 0]] = True
    parents = np.where(ix.ancestors >= 0, ix.ancestors, n)
    for _ in range(8):  # hierarchies are shallow: person < ministry < state
        grown = mask[:n] | mask[parents]
        if (grown == mask[:n]).all():
            break
        mask[:n] = grown
    return mask


def _with_ancestors(ix: _Index, mask: np.ndarray) -> np.ndarray:
    n = len(ix.actor_ids)
    mask = mask.copy()
    for _ in range(8):
        up = ix.ancestors[mask[:n]]
        up = up[up >= 0]
        if mask[up].all():
            break
        mask[up] = True
    return mask


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
    ix = index(b)
    n_ev = len(b.events)
    keep = np.ones(n_ev, dtype=bool)
    if sel.event_types:
        keep &= ix.ev_type.isin(sel.event_types).to_numpy()
    if sel.statuses:
        keep &= ix.ev_status.isin(sel.statuses).to_numpy()
    lo = pd.Timestamp(sel.date_from).value if sel.date_from is not None else None
    hi = pd.Timestamp(sel.date_to).value if sel.date_to is not None else None
    # An event's span overlaps the range; an undated event cannot be dated out of it.
    undated = ix.ev_date == np.iinfo(np.int64).min
    if lo is not None:
        keep &= (ix.ev_end >= lo) | undated
    if hi is not None:
        keep &= (ix.ev_date <= hi) | undated
    art = None
    if sel.articles:
        art = np.zeros(len(b.articles) + 1, dtype=bool)
        codes = pd.Index(b.articles["article_id"].astype(object)).get_indexer(
            list(sel.articles))
        art[codes[codes >= 0]] = True
        keep &= art[ix.ev_article]
    max_rank = GRADES.index(sel.min_reliability)
    if max_rank < 5:
        keep &= ix.ev_rel <= max_rank
    chosen = None
    if sel.actors:
        chosen = _descendants(ix, sel.actors)
        hit = chosen[ix.part_actor] & (ix.part_ev >= 0)
        touched = np.zeros(n_ev, dtype=bool)
        touched[ix.part_ev[hit]] = True
        keep &= touched
    if sel.focus_events:
        focus = np.zeros(n_ev, dtype=bool)
        pos = ix.ev_pos.reindex(list(sel.focus_events)).dropna().to_numpy(dtype=np.int64)
        focus[pos] = True
        keep &= focus

    # Statements: with an event, follow it; without one, stand on their own filters.
    st_keep = np.zeros(len(b.statements), dtype=bool)
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
    if sel.focus_events:
        pos_keep = np.zeros(len(b.positions), dtype=bool)
    elif chosen is not None:
        pos_keep = chosen[ix.pos_actor]
    else:
        pos_keep = np.ones(len(b.positions), dtype=bool)
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
        codes = ix.actor_ids.get_indexer(list(sel.actors))
        act[codes[codes >= 0]] = True
    act[n_act] = False
    act = _with_ancestors(ix, act)

    events = b.events[keep]
    statements = b.statements[st_keep]
    positions = b.positions[pos_keep]
    # Codes, not sets of strings: iterating 50,000 ids would cost more than the filtering.
    used = np.zeros(len(b.sources) + 1, dtype=bool)
    used[ix.ev_src[keep]] = True
    used[ix.st_src[st_keep]] = True
    issues = b.issues
    if len(positions) < len(b.positions):
        wanted = np.zeros(len(b.issues) + 1, dtype=bool)
        wanted[ix.pos_issue[pos_keep]] = True
        wanted[:-1] |= (b.issues["issue_id"] == sel.issue).to_numpy() if sel.issue else False
        issues = b.issues[wanted[:-1]]
    return b.with_frames(
        events=events,
        participants=b.participants[part_keep],
        statements=statements,
        positions=positions,
        issues=issues,
        evidence=b.evidence[evid_keep],
        actors=b.actors[act[:n_act]],
        sources=b.sources[used[:-1]],
        key_points=b.key_points[b.key_points["article_id"].isin(sel.articles)]
        if sel.articles else b.key_points,
    )
