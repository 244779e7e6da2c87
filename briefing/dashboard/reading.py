"""What the browser needs to open Details and mark the article without the kernel: each
fact's Details card, each source's card with the events that rest on it, every article's
text with its sentences and evidence (`static/reading.js` reads it; `static/article.js`
is the twin of `article.article_html`). The static briefing carries it; the Voilà page
receives it after it is ready (`LiveSelection.reading`), when it is small enough.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from briefing.describe import facts_for
from briefing.model import Briefing, memo

from . import detail

# Above this, the Voilà page is not sent the reading data: its clicks go to the kernel
# (a static briefing always carries it). A fact's card is about 1.2 KB: a base with more
# facts is not even described.
PAGE_READING_MAX_BYTES = 3 * 2**20
PAGE_READING_MAX_FACTS = 2500


def fact_count(b: Briefing) -> int:
    """The facts and actors a reading data describes."""
    return len(b.events) + len(b.statements) + len(b.positions) + len(b.actors)


def _cards(b: Briefing) -> dict[str, str]:
    """Each fact's Details card by its id."""
    cards = {}
    for kind, frame, col in (("actor", b.actors, "actor_id"), ("event", b.events, "event_id"),
                             ("statement", b.statements, "statement_id"),
                             ("position", b.positions, "position_id")):
        ids = [str(i) for i in frame[col]]
        for i, d in zip(ids, facts_for(b, kind, ids), strict=True):
            cards[i] = detail.fact_html(d)
    return cards


def _sources(b: Briefing) -> dict[str, Any]:
    """Each source's card up to its events, and the rows (in the events frame) of the
    events that rest on it: the page lists those the selection shows."""
    rows = pd.Series(range(len(b.events)), index=b.events.index)
    out = {}
    for sid in b.sources["source_id"]:
        head = detail.source_head(b, str(sid))
        if head is not None:
            out[str(sid)] = {"head": head,
                             "events": rows[b.events["source_id"] == sid].tolist()}
    return out


def _articles(b: Briefing) -> list[dict[str, Any]]:
    """Every article's text, sentences and evidence (rows of the evidence frame), for the
    browser's article reader (`article.js`, the twin of `article.article_html`)."""
    ev = b.evidence.assign(row=range(len(b.evidence)))
    out = []
    for a in b.articles.itertuples():
        meta = [x for x in (getattr(a, "outlet", "") or "",) if x]
        if pd.notna(a.published):
            meta.append(pd.Timestamp(a.published).strftime("%-d %B %Y"))
        sents = b.sentences[b.sentences["article_id"] == a.article_id]
        mine = ev[ev["article_id"] == a.article_id]
        out.append({
            "id": str(a.article_id), "title": str(a.title), "meta": " · ".join(meta),
            "text": str(a.text),
            "sentences": [[int(s), int(e), bool(h), str(i)] for s, e, h, i in zip(
                sents["start"], sents["end"], sents["is_heading"], sents["sentence_id"],
                strict=True)],
            "evidence": [[int(r), str(i), str(f), int(s), int(e),
                          None if pd.isna(si) else str(si)]
                         for r, i, f, s, e, si in zip(
                             mine["row"], mine["evidence_id"], mine["fact_id"], mine["start"],
                             mine["end"], mine["sentence_id"], strict=True)],
        })
    return out


def reading_data(b: Briefing) -> dict[str, Any]:
    """The reading data of a fact base (built once per Briefing value)."""
    return memo(b, "_reading_data", lambda: _reading_data(b))


def _reading_data(b: Briefing) -> dict[str, Any]:
    newest = b.articles.sort_values("published", ascending=False)
    return {
        "placeholder": detail.placeholder(),
        "cards": _cards(b),
        "sources": _sources(b),
        "source_events_listed": detail.SOURCE_EVENTS_LISTED,
        "summaries": [str(s) for s in b.events["summary"]],
        "articles": _articles(b),
        # the Read control's articles, newest first, as Dashboard.w_read lists them
        "read": [[str(t) if len(str(t)) < 70 else str(t)[:69] + "…", str(a)]
                 for t, a in zip(newest["title"], newest["article_id"], strict=True)],
    }
