"""A fictional wire story for drafter tests of one sentence: published on a Saturday,
June 7, 2031 ("on Monday" is June 2, "on Wednesday" June 4, "on Thursday" June 5), its
lead "Officials met on Friday." gives the story a day, and the sentence under test
follows it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.draft import draft

PUBLISHED = "2031-06-07"
TODAY = dt.date(2032, 1, 1)
_LEAD = "Officials met on Friday."


def drafted(body: str) -> dict[str, Any]:
    """The draft of a whole fictional article published on PUBLISHED."""
    return draft(body, published=PUBLISHED, known=None, today=TODAY)


def events(text: str) -> list[dict]:
    """The events drafted from the story with `text` after its lead (the lead's too)."""
    return drafted(f"Row deepens\n\nCITY, June 7 (Wire) - {_LEAD} {text}\n")["events"]


def after_lead(text: str) -> list[dict]:
    """The events the sentences after the lead tell of."""
    return [e for e in events(text) if "Officials met" not in e["evidence"][0]]


def dated(text: str) -> list[tuple[str, str | None]]:
    """(type, date) of each event the sentences after the lead tell of."""
    return [(e["plover_type"], e.get("date")) for e in after_lead(text)]


def codes(text: str) -> list[tuple[str, str]]:
    """(type, CAMEO code) of each event the sentences after the lead tell of."""
    return [(e["plover_type"], e["cameo_code"]) for e in after_lead(text)]


def acts(text: str) -> list[tuple[str, list[str]]]:
    """(type, actors) of each event the sentences after the lead tell of."""
    return [(e["plover_type"], e["participants"]["actor"]) for e in after_lead(text)]


def of_type(body: str, plover_type: str) -> list[dict]:
    """The events of one PLOVER type drafted from a whole fictional article."""
    return [e for e in drafted(body)["events"] if e["plover_type"] == plover_type]
