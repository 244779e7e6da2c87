"""Facts in plain words: an event, statement, position or actor as a dict of sentences,
its coding explained and the article's own words behind it (for the detail panel, the
exports and analysts in a notebook). Text is returned as is: escape it where you render it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from briefing.model import Briefing, memo
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
    spans_words,
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


@dataclass(frozen=True)
class _Index:
    """Where each fact's rows are (positions in their frames, in frame order), built once
    per Briefing: describing every fact of a large base (the static page, the page's
    Details data) must not scan the frames once per fact."""

    rows: dict[str, dict[str, list[int]]]  # table → id → row positions
    records: dict[str, list[dict[str, Any]]]  # frame → its rows as dicts
    names: dict[str, str]
    cameo: dict[str, str]  # CAMEO code → its name
    credibility: dict[int, str]
    sentences: dict[str, tuple[str, int]]  # sentence_id → (text, start)
    titles: dict[str, str]
    sources: dict[str, str]  # source_id → the source in words
    dates: dict[str, str]  # event_id → its date or span in words
    day_words: dict[str, str]  # event_id → its (first) date in words


def _positions(column: pd.Series) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, key in enumerate(column.tolist()):
        out.setdefault(key, []).append(i)
    return out


def _index(b: Briefing) -> _Index:
    return memo(b, "_describe_index", lambda: _build_index(b))


def _build_index(b: Briefing) -> _Index:
    meanings = reliability_meanings(b)
    sources = {str(s.source_id): f"{s.name} ({SOURCE_KIND_WORDS.get(s.kind, s.kind)}); "
               f"reliability {s.reliability}: {meanings.get(s.reliability, '')}"
               for s in b.sources.itertuples(index=False)}
    ev = b.events
    dates = spans_words(ev["date"], ev["date_precision"], ev["date_end"],
                        ev["date_end_precision"]) if len(ev) else pd.Series(dtype=object)
    frames = {"events": ev, "participants": b.participants, "evidence": b.evidence,
              "statements": b.statements, "positions": b.positions, "actors": b.actors}
    cameo = b.cameo.drop_duplicates("cameo_code") if len(b.cameo) else b.cameo
    return _Index(
        records={k: f.to_dict("records") for k, f in frames.items()},
        cameo=dict(zip(cameo["cameo_code"], cameo["name"], strict=False)) if len(cameo)
        else {},
        credibility=credibility_meanings(b),
        rows={"evidence": _positions(b.evidence["fact_id"]),
              "events": _positions(ev["event_id"]),
              "participants_event": _positions(b.participants["event_id"]),
              "participants_actor": _positions(b.participants["actor_id"]),
              "statements": _positions(b.statements["statement_id"]),
              "statements_event": _positions(b.statements["event_id"]),
              "statements_speaker": _positions(b.statements["speaker_id"]),
              "positions": _positions(b.positions["position_id"]),
              "positions_actor": _positions(b.positions["actor_id"]),
              "actors": _positions(b.actors["actor_id"])},
        names=names(b),
        sentences={str(i): (t, int(s)) for i, t, s in zip(
            b.sentences["sentence_id"], b.sentences["text"], b.sentences["start"],
            strict=True)},
        titles=dict(zip(b.articles["article_id"], b.articles["title"], strict=False)),
        sources=sources,
        dates=dict(zip(ev["event_id"], dates, strict=True)),
        day_words=dict(zip(ev["event_id"], date_words(ev["date"], ev["date_precision"]),
                           strict=True)) if len(ev) else {},
    )


def _rows(frame: pd.DataFrame, ix: _Index, table: str, key: str) -> pd.DataFrame:
    """The rows of `frame` whose `table` key is `key`, in frame order."""
    return frame.iloc[ix.rows[table].get(key, [])]


def _records(ix: _Index, frame: str, table: str, key: str) -> list[dict[str, Any]]:
    """`_rows` as dicts (a frame's row read as a dict costs a hundredth of a row read as
    a Series)."""
    rows = ix.records[frame]
    return [rows[i] for i in ix.rows[table].get(key, [])]


def _evidence(b: Briefing, fact_id: str) -> list[dict[str, Any]]:
    ix = _index(b)
    out = []
    for row in _records(ix, "evidence", "evidence", fact_id):
        item = {"evidence_id": row["evidence_id"], "quote": row["quote"],
                "article_id": row["article_id"],
                "article_title": ix.titles.get(row["article_id"], ""),
                "start": int(row["start"]), "end": int(row["end"]),
                "sentence_id": row["sentence_id"], "sentence": row["quote"],
                "quote_start": 0, "quote_end": len(row["quote"])}
        if row["sentence_id"] in ix.sentences:
            text, start = ix.sentences[row["sentence_id"]]
            item["sentence"] = text
            item["quote_start"] = max(int(row["start"]) - start, 0)
            item["quote_end"] = min(int(row["end"]) - start, len(text))
        out.append(item)
    return out


def _source(b: Briefing, source_id: str) -> str:
    return _index(b).sources.get(source_id, "source not given")


def describe_event(b: Briefing, event_id: str) -> dict[str, Any]:
    """One event in plain words: what happened, its coding explained, its evidence.

    Text is returned as is (not HTML-escaped): escape it where you render it.
    """
    ix = _index(b)
    row = _records(ix, "events", "events", event_id)
    if not row:
        raise KeyError(f"no event {event_id!r}")
    e = row[0]
    nm = ix.names
    parts = _records(ix, "participants", "participants_event", event_id)
    by_role = {r: [nm.get(p["actor_id"], p["actor_id"]) for p in parts if p["role"] == r]
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
    cameo_name = e.get("cameo_name") or ix.cameo.get(e["cameo_code"], "")
    mode = e["plover_mode"] if isinstance(e["plover_mode"], str) else ""
    precision = e["date_precision"]
    date = ix.dates[event_id]
    cred = ix.credibility.get(int(e["credibility"]), "")
    return {
        "kind": "event",
        "id": event_id,
        "summary": e["summary"],
        "sentence": sentence,
        "participants": [{"actor_id": p["actor_id"], "name": nm.get(p["actor_id"], p["actor_id"]),
                          "role": p["role"]} for p in parts],
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
                       [s["statement_id"] for s in
                        _records(ix, "statements", "statements_event", event_id)]],
    }


def describe_statement(b: Briefing, statement_id: str) -> dict[str, Any]:
    ix = _index(b)
    row = _records(ix, "statements", "statements", statement_id)
    if not row:
        raise KeyError(f"no statement {statement_id!r}")
    s = row[0]
    nm = ix.names
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
    ix = _index(b)
    row = _records(ix, "positions", "positions", position_id)
    if not row:
        raise KeyError(f"no position {position_id!r}")
    p = row[0]
    iss = b.issues[b.issues["issue_id"] == p["issue_id"]]
    label, lo, hi = (iss.iloc[0][["label", "scale_0", "scale_100"]] if len(iss)
                     else (p["issue_id"], "0", "100"))
    nm = ix.names
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
    ix = _index(b)
    row = _records(ix, "actors", "actors", actor_id)
    if not row:
        raise KeyError(f"no actor {actor_id!r}")
    a = row[0]
    nm = ix.names
    parent = a["parent_id"] if isinstance(a["parent_id"], str) and a["parent_id"] else ""
    # its events with its role in each, in frame order, then by date (stable; undated
    # last)
    events = ix.records["events"]
    taking_part = sorted(
        ((i, k, p["role"]) for k, p in enumerate(
            _records(ix, "participants", "participants_actor", actor_id))
         for i in ix.rows["events"].get(p["event_id"], [])))
    taking_part.sort(key=lambda t: (pd.isna(events[t[0]]["date"]),
                                    events[t[0]]["date"] if pd.notna(events[t[0]]["date"])
                                    else 0))
    return {
        "kind": "actor", "id": actor_id, "name": a["name"], "type": a["kind"],
        "country": a["country"] if isinstance(a["country"], str) else "",
        "belongs_to": nm.get(parent, parent), "role": a["role"] if isinstance(
            a["role"], str) else "",
        "bloc": bloc_labels(b).get(a["bloc"], a["bloc"]),
        "events": [{"event_id": events[i]["event_id"], "summary": events[i]["summary"],
                    "role": role, "date": ix.day_words[events[i]["event_id"]]}
                   for i, _, role in taking_part],
        "statements": list(_rows(b.statements, ix, "statements_speaker",
                                 actor_id)["statement_id"]),
        "positions": list(_rows(b.positions, ix, "positions_actor", actor_id)["position_id"]),
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
