"""Evidence: a span of the article as the fact format cites it."""

from __future__ import annotations

from typing import Any

from briefing.text import count_occurrences


def quote(text: str, start: int, end: int) -> str | dict[str, Any]:
    """Evidence for text[start:end]: the quote, with `occurrence` when it repeats."""
    q = text[start:end]
    if count_occurrences(text, q) == 1:
        return q
    n, pos = 1, text.find(q)
    while pos < start:
        pos = text.find(q, pos + 1)
        n += 1
    return {"quote": q, "occurrence": n}
