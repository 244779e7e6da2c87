"""What the viewer has chosen: one small frozen value (`Selection`), and which of its
fields narrow the facts. Plain Python: a viewer's kernel holds a selection without
importing the frame libraries (`briefing.select` turns it into frames)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.contract import RELIABILITY

if TYPE_CHECKING:
    from briefing.model import Briefing

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
    date_from: dt.datetime | None = None  # a pandas Timestamp is one
    date_to: dt.datetime | None = None
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
            if v is not None and not isinstance(v, dt.datetime):
                # a date or a string: pandas reads them as the frames' dates are read
                import pandas as pd

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
        from briefing.words import PLOVER_WORDS, names

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
