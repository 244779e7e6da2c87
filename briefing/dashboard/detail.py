"""The detail panel's HTML: a fact in plain words, its coding and the article's words;
a source and what rests on it; what was left out of the base, told to the viewer.

Every piece of fact text goes through `_e` before it reaches HTML.
"""

from __future__ import annotations

import html
from typing import Any

from briefing.model import Briefing
from briefing.words import reliability_meanings

PLACEHOLDER = ("Click a country, person, link, dot or bar in any chart — or “evidence” "
               "next to a key point — to see the fact, how it is coded, and the article's "
               "own words.")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def placeholder() -> str:
    # briefing-detail-empty: the CSS keeps the card short until there is something to show
    return f"<p class='briefing-note briefing-detail-empty'>{_e(PLACEHOLDER)}</p>"


def fact_html(d: dict[str, Any]) -> str:
    """One `briefing.describe` dict as a card."""
    kind = d["kind"]
    if kind == "actor":
        lines = [f"<h3>{_e(d['name'])}</h3>",
                 f"<p>{_e(d['role'] or d['type'])}"
                 + (f" — part of {_e(d['belongs_to'])}" if d["belongs_to"] else "") + "</p>"]
        items = "".join(f"<li>{_e(e['date'])}: {_e(e['summary'])} "
                        f"<span class='briefing-note'>({_e(e['role'])})</span></li>"
                        for e in d["events"][:10])
        lines.append(f"<ul>{items}</ul>" if items else "<p>No events in view.</p>")
        return "<div class='briefing-fact'>" + "".join(lines) + "</div>"
    head = d.get("summary") or d.get("sentence") or ""
    out = [f"<div class='briefing-fact'><h3>{_e(head)}</h3>"]
    if kind == "event":
        out.append(f"<p>{_e(d['sentence'])}</p>")
        out.append("<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>"
                                    for k, v in d["coding"].items()) + "</dl>")
    elif kind == "statement":
        out.append(f"<dl><dt>source</dt><dd>{_e(d['source'])}</dd></dl>")
    elif kind == "position":
        out.append(f"<p>{_e(d['sentence'])}</p><dl>"
                   f"<dt>scale</dt><dd>0 = {_e(d['scale_0'])}; 100 = {_e(d['scale_100'])}</dd>"
                   f"<dt>salience</dt><dd>{d['salience']:g} of 100</dd>"
                   f"<dt>confidence</dt><dd>{_e(d['confidence'])}</dd>"
                   f"<dt>rationale</dt><dd>{_e(d['rationale'])}</dd>"
                   f"<dt>basis</dt><dd>{_e(d['basis'])}</dd></dl>")
    for ev in d.get("evidence", []):
        s, a, z = ev["sentence"], ev["quote_start"], ev["quote_end"]
        title = ev.get("article_title", "")
        out.append(f"<blockquote class='briefing-evidence'>{_e(s[:a])}<mark>{_e(s[a:z])}"
                   f"</mark>{_e(s[z:])}"
                   + (f"<footer>— {_e(title)}</footer>" if title else "") + "</blockquote>")
    out.append("</div>")
    return "".join(out)


def source_head(b: Briefing, source_id: str) -> str | None:
    """A source's card up to the events that rest on it (None: no such source)."""
    src = b.sources[b.sources["source_id"] == source_id]
    if src.empty:
        return None
    s = src.iloc[0]
    meaning = reliability_meanings(b).get(str(s["reliability"]), "")
    via = s.get("via") or ""
    relay = ""
    if via:
        names = dict(zip(b.sources["source_id"], b.sources["name"], strict=False))
        relay = f"<p>Relays {_e(names.get(via, via))}.</p>"
    return (f"<div class='briefing-fact'><h3>{_e(s['name'])}</h3>"
            f"<p>Reliability {_e(s['reliability'])}: {_e(meaning)} (Admiralty grade)</p>"
            f"{relay}")


#: events of a source listed on its card (static_page.js lists as many)
SOURCE_EVENTS_LISTED = 15


def source_html(b: Briefing, shown: Briefing, source_id: str) -> str:
    """A source, its Admiralty grade explained, and the events in view that rest on it."""
    head = source_head(b, source_id)
    if head is None:
        return placeholder()
    ev = shown.events[shown.events["source_id"] == source_id]
    items = "".join(f"<li>{_e(x)}</li>" for x in ev["summary"].head(SOURCE_EVENTS_LISTED))
    return f"{head}<p>{len(ev)} events in view rest on it:</p><ul>{items}</ul></div>"


def left_out_html(b: Briefing) -> str:
    """In words, for the viewer: which articles were left out of the base and how to see
    why; which entities were declared differently. Empty when all is well."""
    skipped = [p.file for p in b.problems if p.message.startswith("article skipped")]
    parts = []
    if skipped:
        names = ", ".join(sorted({f.rstrip("/").rsplit("/", 1)[-1] for f in skipped}))
        n = len(skipped)
        parts.append(
            f"<p><b>{n} article{'s' if n != 1 else ''} left out</b> because of problems in "
            f"{'their' if n != 1 else 'its'} facts: {_e(names)}. The rest of the briefing is "
            f"complete without {'them' if n != 1 else 'it'}. To list the problems, run "
            "<code>python -m briefing validate</code>.</p>")
    if b.warnings:
        n = len(b.warnings)
        parts.append(
            f"<p class='briefing-note'>{n} actor, source or issue declaration"
            f"{'s differ' if n != 1 else ' differs'} between articles; the registry's or the "
            "newest article's is used (<code>python -m briefing validate</code> lists "
            "them).</p>")
    return "<div class='briefing-left-out'>" + "".join(parts) + "</div>" if parts else ""
