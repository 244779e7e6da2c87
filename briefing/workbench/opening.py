"""What opening an article needs besides its text: the fact base and its pickers, the
drafter's draft, a title and the publication date."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from briefing.workbench.pickers import registry_payload
from briefing.workbench.store import InputError


def default_base() -> Path:
    """The fact base: $BRIEFING_FACTS, else the shipped articles."""
    from briefing.codebooks import assets_dir

    return Path(os.environ.get("BRIEFING_FACTS") or assets_dir() / "articles")


def registry(base: Path) -> dict[str, Any]:
    """The base's actors, sources and issues, offered by the pickers."""
    from briefing.load import load

    try:
        facts = load(base, errors="skip")
    except Exception:  # noqa: BLE001 - no base yet (a new folder) is fine: nothing to offer
        return registry_payload(None)
    return registry_payload(facts)


def machine_draft(text: str, published: dt.date, title: str) -> tuple[dict[str, Any], str]:
    """The drafter's suggestions and a note; an empty draft when the drafter declines."""
    try:
        from briefing import draft as make_draft  # type: ignore[attr-defined]
    except ImportError:
        make_draft = None
    if not callable(make_draft):
        return {}, " No drafter installed: select words to add facts."
    try:
        return make_draft(text, published=published, title=title), ""
    except Exception as e:  # noqa: BLE001 - the drafter's refusal is a note, the text still opens
        return {}, f" The drafter made no draft ({e}); select words to add facts."


def first_line(text: str) -> str:
    """A title for a text given without one: its first line."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "Untitled")
    return line[:120]


def day(value: Any) -> dt.date | None:
    """The publication date as a date (None when not given); InputError when not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date: use YYYY-MM-DD"
                               ) from None
