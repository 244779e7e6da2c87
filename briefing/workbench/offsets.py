"""Character offsets in the article text: snapping a selection to words, and quotes.

Offsets are always positions in the exact article string kept in Python. The browser only
sends the offsets of a selection (each rendered text piece carries its start offset); the
text between them is read here, never from the page.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.text import count_occurrences, locate

# Letters, digits and the joiners that sit inside a word ("minister’s", "20-year").
_WORD = re.compile(r"\w")
_JOINERS = "'’-"


def _in_word(text: str, i: int) -> bool:
    """Whether position `i` holds a word character (a joiner counts between two letters)."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if _WORD.match(ch):
        return True
    return (ch in _JOINERS and 0 < i < len(text) - 1
            and bool(_WORD.match(text[i - 1])) and bool(_WORD.match(text[i + 1])))


def snap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen [start, end) to whole words and trim surrounding space and punctuation.

    Returns None when the span holds no word at all (an empty or blank selection).
    """
    start, end = max(0, min(int(start), int(end))), min(len(text), max(int(start), int(end)))
    while start < end and not _in_word(text, start):
        start += 1
    while end > start and not _in_word(text, end - 1):
        end -= 1
    if start >= end:
        return None
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < len(text) and _in_word(text, end) and _in_word(text, end - 1):
        end += 1
    return start, end


def evidence_item(text: str, start: int, end: int) -> str | dict[str, Any]:
    """The evidence entry for text[start:end]: the quote, with `occurrence` when needed."""
    quote = text[start:end]
    if count_occurrences(text, quote) == 1:
        return quote
    occurrence, pos = 1, text.find(quote)
    while pos != start:
        pos = text.find(quote, pos + 1)
        occurrence += 1
    return {"quote": quote, "occurrence": occurrence}


def span_of(text: str, item: Any) -> tuple[int, int] | None:
    """Offsets of one evidence entry (a string or {quote, occurrence}), None if not placed."""
    if isinstance(item, dict):
        quote, occurrence = item.get("quote"), item.get("occurrence")
        if not isinstance(occurrence, int) or isinstance(occurrence, bool):
            occurrence = None
    else:
        quote, occurrence = item, None
    if not isinstance(quote, str) or not quote:
        return None
    where = locate(text, quote, occurrence)
    if isinstance(where, str):
        # An ambiguous quote is still shown where it first occurs; validation names it.
        first = text.find(quote)
        return (first, first + len(quote)) if first >= 0 else None
    return where
