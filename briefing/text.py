"""Article text: sentences, quote location and coverage.

Everything here works on plain strings and lists so that the per-article parse stays
cheap and picklable; only `coverage` touches frames.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

# A sentence ends at . ! or ?, maybe followed by a closing quote, then whitespace and
# the start of the next sentence (a capital or an opening quote). Lower-case after the
# full stop ("the U.S. military") is never a boundary, so only capitals need the
# abbreviation test below.
_BOUNDARY = re.compile(r"[.!?][”\"’']?(?=\s+[A-Z“\"‘'])")
# "U.S. Secretary", "Mr. Smith", "Col. Tejada": a full stop that belongs to an
# abbreviation; the titles are those news English puts before a name.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Prof|Rev|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Cpl|"
    r"Adm|Brig|Cmdr|Cdr|Gov|Sen|Rep|Amb|Insp|Supt|Hon)\.)$")
# "At around 4 p.m. Belarusian police ...": a time of day that opens the sentence does not
# end it ("... at 4 p.m. The talks" still does).
_OPENING_TIME = re.compile(r"\s*(?:(?:Shortly|Just)\s+)?(?:At|By|Around|From|Until|Before|After|"
                           r"after|before)\s+(?:around\s+|about\s+)?\d{1,2}(?:[:.]\d\d)?\s*"
                           r"[ap]\.m\.")
# A paragraph ends with sentence punctuation (a list's lead-in and items too: "Under the
# agreement:", "(a) Zambia shall restore the permits;"); a line that does not is a heading.
_FINAL = re.compile(r"[.!?;:][”\"’')\]]*\s*$")
# Quoted words: curly quotes pair by shape; straight ones in order, within a paragraph
# (“a "short" word” and a long one: the short pair is not read as the long one's opening).
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def split_sentences(article_id: str, text: str) -> list[dict[str, Any]]:
    """Split an article into sentence records (offsets into `text`, end exclusive).

    Lines are paragraphs; a line with no sentence-final punctuation is a heading and
    counts as one sentence with `is_heading=True`.
    """
    rows: list[dict[str, Any]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        body = line.rstrip()
        if not body.strip():
            continue
        heading = _FINAL.search(body) is None
        spans = [(0, len(body))] if heading else list(_spans(body))
        for s, e in spans:
            piece = body[s:e]
            lead = len(piece) - len(piece.lstrip())
            s += lead
            if s >= e:
                continue
            rows.append(
                {
                    "sentence_id": f"{article_id}:s{len(rows)}",
                    "article_id": article_id,
                    "index": len(rows),
                    "start": line_start + s,
                    "end": line_start + e,
                    "text": body[s:e],
                    "is_heading": heading,
                }
            )
    return rows


def _spans(paragraph: str):
    """(start, end) of each sentence in one paragraph."""
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        # Only the words just before the stop can make it an abbreviation: searching the
        # whole paragraph again at every stop made long paragraphs quadratic.
        if m.group(0)[0] == "." and _ABBREVIATION.search(paragraph, max(0, m.start() - 40),
                                                         m.start() + 1):
            continue
        if _OPENING_TIME.fullmatch(paragraph, start, m.end()):
            continue
        yield start, m.end()
        start = m.end()
    if start < len(paragraph):
        yield start, len(paragraph)


def locate(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int] | str:
    """Offsets of `quote` in `text`, or a message saying why it cannot be placed.

    Without `occurrence` the quote must occur exactly once; with it, the n-th
    (1-based) occurrence is taken. Overlapping occurrences count, because a reader
    counting by eye would count them too.
    """
    if not quote:
        return "quote is empty"
    first = text.find(quote)
    if first < 0:
        return f"quote not found in the article text: {_short(quote)!r}"
    if occurrence is None:
        if text.find(quote, first + 1) >= 0:
            n = count_occurrences(text, quote)
            return (
                f"quote occurs {n} times in the article; add `occurrence:` (1–{n}): "
                f"{_short(quote)!r}"
            )
        return first, first + len(quote)
    pos, seen = first, 1
    while seen < occurrence:
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return (
                f"occurrence {occurrence} asked but the quote occurs {seen} time"
                f"{'s' if seen != 1 else ''}: {_short(quote)!r}"
            )
        seen += 1
    return pos, pos + len(quote)


def count_occurrences(text: str, quote: str) -> int:
    n, pos = 0, text.find(quote)
    while pos >= 0:
        n += 1
        pos = text.find(quote, pos + 1)
    return n


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence that contains `offset`, given sorted sentence starts."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def coverage(sentences: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """Each sentence with the facts whose evidence overlaps it.

    Returns the sentence columns plus `fact_ids` (a tuple, in evidence order) and
    `cited` (bool). A span overlaps a sentence when it shares at least one character.
    """
    cites: dict[str, list[str]] = {sid: [] for sid in sentences["sentence_id"]}
    by_article: dict[str, tuple[list[int], list[int], list[str]]] = {}
    for aid, group in sentences.groupby("article_id", sort=False, observed=True):
        g = group.sort_values("start")
        by_article[str(aid)] = (
            g["start"].tolist(),
            g["end"].tolist(),
            g["sentence_id"].tolist(),
        )
    for aid, start, end, fid in zip(
        evidence["article_id"].astype(str),
        evidence["start"],
        evidence["end"],
        evidence["fact_id"].astype(str),
        strict=True,
    ):
        starts, ends, ids = by_article.get(aid, ([], [], []))
        i = sentence_at(starts, start) if starts else 0
        while i < len(starts) and starts[i] < end:
            if ends[i] > start and fid not in cites[ids[i]]:
                cites[ids[i]].append(fid)
            i += 1
    out = sentences.copy()
    out["fact_ids"] = [tuple(cites[s]) for s in out["sentence_id"]]
    out["cited"] = out["fact_ids"].map(bool)
    return out
