"""The article as HTML, with the sentences and words behind a selection marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

from briefing.model import Briefing

_FINAL = re.compile(r"[.!?][”\"’')\]]*\s*$")


def _intervals(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def article_html(
    b: Briefing,
    *,
    article_id: str | None = None,
    highlight: Iterable[str] = frozenset(),
) -> str:
    """The article as HTML: title, headings, paragraphs; the sentences behind the
    `highlight` ids (evidence ids or fact ids) in <mark>, their quoted words in bold.
    Every piece of article text is escaped."""
    arts = b.articles
    if arts.empty:
        return "<p><i>No article.</i></p>"
    row = arts[arts["article_id"] == article_id] if article_id else arts.iloc[:0]
    art = (row if len(row) else arts).iloc[0]
    aid, text = art["article_id"], str(art["text"])
    wanted = set(highlight)
    ev = b.evidence[(b.evidence["article_id"] == aid)
                    & (b.evidence["evidence_id"].isin(wanted) | b.evidence["fact_id"]
                       .isin(wanted))]
    sents = b.sentences[b.sentences["article_id"] == aid]
    quotes = _intervals(zip(ev["start"].astype(int), ev["end"].astype(int), strict=True))
    marked_ids = set(ev["sentence_id"].dropna())
    hit = sents[sents["sentence_id"].isin(marked_ids)]
    marks = _intervals(zip(hit["start"].astype(int), hit["end"].astype(int), strict=True))
    marks = _intervals([*marks, *quotes])
    heading_starts = set(sents.loc[sents["is_heading"].astype(bool), "start"].astype(int))

    meta = [x for x in (art.get("outlet") or "",) if x]
    if pd.notna(art.get("published")):
        meta.append(pd.Timestamp(art["published"]).strftime("%-d %B %Y"))
    out = ['<div class="briefing-article" style="font-family: Georgia, serif; '
           'line-height: 1.55; max-width: 46em">',
           f'<h2 style="margin-bottom: 0.2em">{html.escape(str(art["title"]))}</h2>']
    if meta:
        out.append(f'<p style="color: #666; margin-top: 0">{html.escape(" · ".join(meta))}'
                   "</p>")
    offset = 0
    for line in text.splitlines(keepends=True):
        start, body = offset, line.rstrip("\r\n")
        offset += len(line)
        if not body.strip():
            continue
        end = start + len(body)
        lead = len(body) - len(body.lstrip())
        is_heading = (start + lead) in heading_starts if len(sents) else (
            _FINAL.search(body) is None)
        cuts = sorted({start, end, *(p for s, e in [*marks, *quotes] for p in (s, e)
                                       if start < p < end)})
        pieces, marking = [], False
        for s, e in zip(cuts, cuts[1:], strict=False):
            chunk = html.escape(text[s:e])
            if _inside(s, quotes):
                chunk = f"<b>{chunk}</b>"
            if _inside(s, marks) != marking:  # quotes lie inside marks: tags nest
                marking = not marking
                pieces.append('<mark style="background: #ffe98a">' if marking else "</mark>")
            pieces.append(chunk)
        if marking:
            pieces.append("</mark>")
        tag = "h3" if is_heading else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    out.append("</div>")
    return "\n".join(out)
