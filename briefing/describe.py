"""Facts in plain words: an event, statement, position or actor as a dict of sentences,
its coding explained and the article's own words behind it (for the detail panel, the
exports and analysts in a notebook). Text is returned as is: escape it where you render it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from briefing.model import Briefing
from briefing.words import (
    ATTRIBUTION_WORDS,
    BASIS_WORDS,
    MUTUAL_VERBS,
    SOURCE_KIND_WORDS,
    STATUS_WORDS,
    VERBS,
    bloc_labels,
    credibility_meanings,
    date_words,
    goldstein_words,
    names,
    plover_words,
    reliability_meanings,
    span_words,
)


def _verb(ptype: str, by_role: dict[str, list[str]]) -> str:
    """The verb for an act: with a recipient ("consulted"), joint ("held talks"), or
    alone ("made a request") — never a dangling "made a request to"."""
    with_, alone = VERBS.get(ptype, (plover_words(ptype), plover_words(ptype)))
    if by_role["recipient"]:
        return with_
    if len(by_role["actor"]) > 1 and ptype in MUTUAL_VERBS:
        return MUTUAL_VERBS[ptype]
    return alone


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _evidence(b: Briefing, fact_id: str) -> list[dict[str, Any]]:
    ev = b.evidence[b.evidence["fact_id"] == fact_id]
    sents = b.sentences.set_index("sentence_id") if len(b.sentences) else None
    titles = dict(zip(b.articles["article_id"], b.articles["title"], strict=False))
    out = []
    for row in ev.itertuples(index=False):
        item = {"evidence_id": row.evidence_id, "quote": row.quote,
                "article_id": row.article_id, "article_title": titles.get(row.article_id, ""),
                "start": int(row.start), "end": int(row.end), "sentence_id": row.sentence_id,
                "sentence": row.quote, "quote_start": 0, "quote_end": len(row.quote)}
        if sents is not None and row.sentence_id in sents.index:
            s = sents.loc[row.sentence_id]
            item["sentence"] = s["text"]
            item["quote_start"] = max(int(row.start) - int(s["start"]), 0)
            item["quote_end"] = min(int(row.end) - int(s["start"]), len(s["text"]))
        out.append(item)
    return out


def _source(b: Briefing, source_id: str) -> str:
    src = b.sources[b.sources["source_id"] == source_id]
    if src.empty:
        return "source not given"
    s = src.iloc[0]
    meaning = reliability_meanings(b).get(s["reliability"], "")
    kind = SOURCE_KIND_WORDS.get(s["kind"], s["kind"])
    return f"{s['name']} ({kind}); reliability {s['reliability']}: {meaning}"


def describe_event(b: Briefing, event_id: str) -> dict[str, Any]:
    """One event in plain words: what happened, its coding explained, its evidence.

    Text is returned as is (not HTML-escaped): escape it where you render it.
    """
    row = b.events[b.events["event_id"] == event_id]
    if row.empty:
        raise KeyError(f"no event {event_id!r}")
    e = row.iloc[0]
    nm = names(b)
    parts = b.participants[b.participants["event_id"] == event_id]
    by_role = {r: [nm.get(a, a) for a in parts.loc[parts["role"] == r, "actor_id"]]
               for r in ("actor", "recipient", "via", "subject")}
    sentence = _join(by_role["actor"] or ["someone"]) + " " + _verb(
        e["plover_type"], by_role)
    sentence += " " + _join(by_role["recipient"]) if by_role["recipient"] else ""
    if by_role["via"]:
        sentence += f", through {_join(by_role['via'])} carrying the message"
    if by_role["subject"]:
        # "held talks about X"; after a recipient or an envoy, "…, about X".
        lead = ", about" if by_role["recipient"] or by_role["via"] else " about"
        sentence += f"{lead} {_join(by_role['subject'])}"
    if e["status"] != "occurred":
        sentence += f" ({STATUS_WORDS.get(e['status'], e['status'])})"
    cameo = b.cameo[b.cameo["cameo_code"] == e["cameo_code"]] if len(b.cameo) else b.cameo
    cameo_name = e.get("cameo_name") or (cameo.iloc[0]["name"] if len(cameo) else "")
    mode = e["plover_mode"] if isinstance(e["plover_mode"], str) else ""
    precision = e["date_precision"]
    date = span_words(e["date"], precision, e["date_end"], e["date_end_precision"])
    cred = credibility_meanings(b).get(int(e["credibility"]), "")
    return {
        "kind": "event",
        "id": event_id,
        "summary": e["summary"],
        "sentence": sentence,
        "participants": [{"actor_id": a, "name": nm.get(a, a), "role": r}
                         for a, r in zip(parts["actor_id"], parts["role"], strict=True)],
        "coding": {
            "PLOVER": f"{e['plover_type']}{' / ' + mode if mode else ''}: "
                      f"{plover_words(e['plover_type'], mode)} — {e['quad_class']}, "
                      f"score {e['plover_score']:+.1f} of −10 … +10",
            "CAMEO": f"{e['cameo_code']}: {cameo_name}",
            "Goldstein": goldstein_words(float(e["goldstein"])),
            "status": STATUS_WORDS.get(e["status"], e["status"]),
            "source": _source(b, e["source_id"]),
            "credibility": f"{int(e['credibility'])}: {cred}",
            "date": f"{date} (precision: {precision}; "
                    f"{BASIS_WORDS.get(e['date_basis'], e['date_basis'])})"
                    + (f"; {e['date_note']}" if e.get("date_note") else ""),
        },
        "evidence": _evidence(b, event_id),
        "statements": [describe_statement(b, s) for s in
                       b.statements.loc[b.statements["event_id"] == event_id,
                                        "statement_id"]],
    }


def describe_statement(b: Briefing, statement_id: str) -> dict[str, Any]:
    row = b.statements[b.statements["statement_id"] == statement_id]
    if row.empty:
        raise KeyError(f"no statement {statement_id!r}")
    s = row.iloc[0]
    nm = names(b)
    how = "said" if s["quote_type"] == "direct" else "is reported to have said"
    return {
        "kind": "statement", "id": statement_id, "text": s["text"],
        "sentence": f"{nm.get(s['speaker_id'], s['speaker_id'])} {how} "
                    f"({ATTRIBUTION_WORDS.get(s['attribution'], s['attribution'])}): "
                    f"{s['text']}",
        "source": _source(b, s["source_id"]),
        "evidence": _evidence(b, statement_id),
    }


def describe_position(b: Briefing, position_id: str) -> dict[str, Any]:
    """An analyst's placement of an actor on an issue, with what it rests on."""
    row = b.positions[b.positions["position_id"] == position_id]
    if row.empty:
        raise KeyError(f"no position {position_id!r}")
    p = row.iloc[0]
    iss = b.issues[b.issues["issue_id"] == p["issue_id"]]
    label, lo, hi = (iss.iloc[0][["label", "scale_0", "scale_100"]] if len(iss)
                     else (p["issue_id"], "0", "100"))
    nm = names(b)
    pos = float(p["position"])
    near = hi if pos > 55 else lo if pos < 45 else "the middle of the scale"
    return {
        "kind": "position", "id": position_id,
        "sentence": f"{nm.get(p['actor_id'], p['actor_id'])} stands at {pos:g} of 100 on "
                    f"“{label}”, nearer to: {near}",
        "issue": label, "scale_0": lo, "scale_100": hi,
        "position": pos, "salience": float(p["salience"]), "confidence": p["confidence"],
        "rationale": p["rationale"],
        "basis": "analyst judgment (ICD 203: an assessment, not something the article "
                 "reports)",
        "evidence": _evidence(b, position_id),
    }


def describe_actor(b: Briefing, actor_id: str) -> dict[str, Any]:
    """An actor: who it is, whom it belongs to, its events, statements and positions."""
    row = b.actors[b.actors["actor_id"] == actor_id]
    if row.empty:
        raise KeyError(f"no actor {actor_id!r}")
    a = row.iloc[0]
    nm = names(b)
    parent = a["parent_id"] if isinstance(a["parent_id"], str) and a["parent_id"] else ""
    mine = b.participants[b.participants["actor_id"] == actor_id]
    ev = b.events.merge(mine[["event_id", "role"]], on="event_id").sort_values("date")
    return {
        "kind": "actor", "id": actor_id, "name": a["name"], "type": a["kind"],
        "country": a["country"] if isinstance(a["country"], str) else "",
        "belongs_to": nm.get(parent, parent), "role": a["role"] if isinstance(
            a["role"], str) else "",
        "bloc": bloc_labels(b).get(a["bloc"], a["bloc"]),
        "events": [{"event_id": r.event_id, "summary": r.summary, "role": r.role,
                    "date": d} for r, d in zip(ev.itertuples(index=False),
                                               date_words(ev["date"], ev["date_precision"]),
                                               strict=True)],
        "statements": list(b.statements.loc[b.statements["speaker_id"] == actor_id,
                                            "statement_id"]),
        "positions": list(b.positions.loc[b.positions["actor_id"] == actor_id,
                                          "position_id"]),
    }


_DESCRIBE = {"event": describe_event, "statement": describe_statement,
             "position": describe_position, "actor": describe_actor}


def facts_for(b: Briefing, kind: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """`describe_<kind>` for each id that exists (a click may carry several)."""
    fn = _DESCRIBE[kind]
    out = []
    for i in ids:
        try:
            out.append(fn(b, i))
        except KeyError:
            continue
    return out


#: the newest articles whose key points the page and the printout show (the others' are in
#: the CSV export, `facts.key_points`): the header stays the same height as the story grows
KEY_POINT_ARTICLES = 3


@dataclass(frozen=True)
class ArticlePoints:
    """One article's key points as its analyst wrote them: (text, fact ids) each."""

    article_id: str
    title: str
    published: pd.Timestamp
    points: list[tuple[str, list[str]]]


def key_points(b: Briefing, chosen: frozenset[str] = frozenset(),
               articles: int = KEY_POINT_ARTICLES) -> list[ArticlePoints]:
    """The key points under that heading, on the page and on paper: only what analysts
    wrote (`b.key_points`), never machine summaries; of the newest `articles` articles
    (of the `chosen` ones when a selection picks articles), newest first, each with its
    points in the analyst's order. An article without key points is listed with none."""
    kp = b.key_points
    arts = b.articles.sort_values(["published", "article_id"], ascending=[False, True])
    if chosen:
        arts = arts[arts["article_id"].isin(chosen)]
    out = []
    for a in arts.head(articles).itertuples():
        mine = kp[kp["article_id"] == a.article_id]
        out.append(ArticlePoints(str(a.article_id), str(a.title), pd.Timestamp(a.published),
                                 [(str(t), str(f).split()) for t, f in
                                  zip(mine["text"], mine["fact_ids"], strict=True)]))
    return out


def story_title(b: Briefing) -> tuple[str, str]:
    """The title and subtitle that name a fact base (page header, PDF, HTML export): one
    article's own title and date; for a story, "N articles, <date span>" and the newest
    article's title."""
    arts = b.articles.sort_values("published", ascending=False)
    if arts.empty:
        return "Briefing", "no articles"
    if len(arts) == 1:
        a = arts.iloc[0]
        outlet = a["outlet"] or "outlet not named"
        return str(a["title"]), f"{pd.Timestamp(a['published']):%-d %B %Y} · {outlet}"
    first, last = pd.Timestamp(arts["published"].min()), pd.Timestamp(arts["published"].max())
    if first == last:
        span = f"{first:%-d %b %Y}"
    elif first.year == last.year:
        span = f"{first:%-d %b} – {last:%-d %b %Y}"
    else:
        span = f"{first:%-d %b %Y} – {last:%-d %b %Y}"
    return f"{len(arts):,} articles, {span}", f"newest: {arts['title'].iloc[0]}"
