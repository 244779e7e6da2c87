"""Evidence: a span of the article as the fact format cites it."""

from __future__ import annotations

from typing import Any


def quote(text: str, start: int, end: int) -> str | dict[str, Any]:
    """Evidence for text[start:end]: the quote, with `occurrence` when it repeats."""
    q = text[start:end]
    if text.find(q) == start and text.find(q, start + 1) < 0:
        return q   # unique: two searches, not a count of the whole text
    n, pos = 1, text.find(q)
    while pos < start:
        pos = text.find(q, pos + 1)
        n += 1
    return {"quote": q, "occurrence": n}


def trimmed(text: str, start: int, end: int) -> int:
    """`end` moved back over spaces and punctuation, never before `start`."""
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return end
