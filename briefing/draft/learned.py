"""What a sentence no rule reads may still report: a small statistical model of the words
of hand-coded sentences, and the event it suggests where the rules drafted none (or
none of the type it is very sure of).

The rules read the phrasings they were written for; a new article words the same acts
another way ("slapped duties on", "froze the talks"). The model is a logistic regression,
one per PLOVER type, over a sentence's words and word pairs (names and numbers masked),
trained by `python -m bench.train_types` on the bench's gold articles only — never on
the held-out ones that measure it. Its weights are a table in the project
(`assets/gazetteer/sentence_types.json`), read once; nothing is fetched.

Such an event is a suggestion like every draft, and says so: its reason names the model
and its probability, and the analyst accepts, edits or rejects it."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from pathlib import Path
from typing import Any

from briefing.draft.actors import Registry, slug
from briefing.draft.clauses import judged
from briefing.draft.dates import as_fact_date, find_dates, resolve_at
from briefing.draft.evidence import quote
from briefing.draft.sources import PENDING, TODO
from briefing.draft.triggers import find_triggers, plover_for
from briefing.draft.when import day_told_before, paragraph_day

MODEL = Path(__file__).resolve().parents[2] / "assets" / "gazetteer" / "sentence_types.json"
# How sure the model must be before it suggests an act where no rule drafted one (chosen
# by cross-validating the whole drafter on the gold: on 164 articles 0.4 found 5 more events
# than 0.45, 8 of 14 more drafted right; on 176, with the second type at 0.6, 0.35 found 12
# more than 0.4, 14 of 22 more drafted right, but it drafted a meeting or a deal in three
# test sentences that tell of none — a phone interview, police arriving, an "if" clause —
# and 0.3 found only 3 more again, 7 of 28 right).
THRESHOLD = 0.4
# In a sentence the rules drafted from, a type none of their events has (and no phrase of
# the rules names there) needs more: 0.6 (cross-validated on the gold of 176 articles: 0.6
# found 7 more of its 2,644 events than 0.7, 6 of 9 more drafted events right; 0.5 found 8
# more again, but only 8 of 20 more drafted right).
SECOND = 0.6
# Where the model drafted the only act of a sentence, its next type needs 0.5
# (cross-validated on the gold of 188 articles: 0.5 found 4 more of its 2,839 events, 4 of 6
# more drafted right; 0.6 found none).
ALSO = 0.5
_SAYING_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
# A pronoun before the first name: the name is not who acts ("He accused Zambia").
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I)\b")
_FUTURE = re.compile(r"\b(?:will|shall|is to|are to|plans to|planning to|(?:is|are) due to|next|"
                     r"is expected to|are expected to|is set to|are set to)\b", re.IGNORECASE)


# Words that open a sentence with a capital and are no name ("Talks", "Officials").
_OPENERS = frozenset(
    "the a an in on at after before during but and however it its they their he his she her "
    "we our this that these those both two three four five several some many most police "
    "troops officials talks when while as since under last next earlier later once if "
    "unless although though there no neither each every all one speaking asked according "
    "following despite amid until meanwhile also then now today yesterday tomorrow".split())


def _stem(w: str) -> str:
    for suffix, rest in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[:-len(suffix)] + rest
    return w


def features(sentence: str) -> set[str]:
    """The sentence's words (crudely stemmed) and adjacent pairs; a capitalised word is a
    name ("<c>", one for a run of them) unless it is a common word opening the sentence,
    a number is "<n>": the model learns how acts are told, not who the stories were
    about."""
    toks: list[str] = []
    for i, w in enumerate(_WORD.findall(sentence)):
        if w[0].isdigit():
            toks.append("<n>")
        elif w[0].isupper() and (i > 0 or w.lower() not in _OPENERS):
            if not toks or toks[-1] != "<c>":
                toks.append("<c>")
        else:
            toks.append(_stem(w.lower().replace("’", "'")))
    return set(toks) | {f"{a}_{b}" for a, b in zip(toks, toks[1:], strict=False)}


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    if not MODEL.exists():
        return {"types": [], "bias": [], "weights": {}, "codes": {}}
    return json.loads(MODEL.read_text(encoding="utf-8"))


def sentence_types(sentence: str) -> list[tuple[str, float]]:
    """(PLOVER type, probability) for a sentence, most likely first."""
    m = _model()
    if not m["types"]:
        return []
    z = list(m["bias"])
    for f in features(sentence):
        for k, w in enumerate(m["weights"].get(f, ())):
            z[k] += w
    probs = [1 / (1 + math.exp(-max(-30.0, min(30.0, v)))) for v in z]
    return sorted(zip(m["types"], probs, strict=True), key=lambda x: -x[1])


def suggested(text: str, body: list[dict], said: list[Any], reg: Registry,
              events: list[tuple[dict[str, Any], tuple[int, int]]], pub: dt.date,
              sources: Any) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """An event for each body sentence with a named actor and a type the model is sure
    enough of (THRESHOLD where no rule drafted an event, and ALSO for its next type there;
    SECOND for a type the rules' events there lack): by the sentence's speaker when it
    reports a saying of that kind, else by the first actor it names, to the next one."""
    out: list[tuple[dict[str, Any], tuple[int, int]]] = []
    for s in body:
        lo, hi = s["start"], s["end"]
        words = text[lo:hi]
        if words.rstrip(" \n\"”’'").endswith("?"):
            continue
        there = {e["plover_type"] for e, span in events if lo <= span[0] < hi}
        ranked = sentence_types(words)
        if not ranked or ranked[0][1] < (SECOND if there else THRESHOLD) \
                or ranked[0][0] in there:
            continue
        for ptype, p in ranked[:1] if there else ranked[:2]:
            if out and out[-1][1][0] == lo and p < ALSO:
                break   # a second act the model reads where no rule read one
            event = _suggest(text, s, ptype, p, there, said, reg, events + out, pub, sources)
            if event is None:
                break
            out.append((event, (lo, lo)))
    return out


def _suggest(text: str, s: dict, ptype: str, p: float, there: set[str], said: list[Any],
             reg: Registry, events: list[tuple[dict[str, Any], tuple[int, int]]],
             pub: dt.date, sources: Any) -> dict[str, Any] | None:
    """The model's event of type `ptype` in sentence `s`, or None when the sentence names
    no actor who could be its doer."""
    lo, hi = s["start"], s["end"]
    words = text[lo:hi]
    triggers = find_triggers(text, lo, hi)
    if there and ptype in {t.trigger.plover_type for t in triggers}:
        return None   # the rules saw that act here and chose not to draft it
    named = [m for m in reg.mentions if lo <= m.start < hi
             and not m.actor.startswith("unnamed-") and m.actor in reg.actors
             and not re.search(r"\b(?:in|at)\s+$", text[max(lo, m.start - 4):m.start])]
    voice = next((x for x in said if x.start <= lo + len(words) // 2 < x.end
                  and x.speaker in reg.actors and not x.speaker.startswith("unnamed-")),
                 None)
    told = [m for m in named if voice is not None and voice.content[0] <= m.start
            < voice.content[1] and m.actor != voice.speaker]
    if voice is None and judged(text, lo, hi):
        return None   # "Both capitals should accept the offer": the writer's judgement
    if voice is not None and ptype in _SAYING_TYPES:
        actor = voice.speaker
    elif told and not _PRONOUN.search(text, voice.content[0], told[0].start):
        actor = told[0].actor   # "X's army said Eritrean forces had breached": theirs
    elif named and not _PRONOUN.search(text, lo, named[0].start) and not any(
            t.start < named[0].start for t in triggers):
        actor = named[0].actor   # named before any verb of an act: its subject
    else:
        return None   # ("He accused Zambia", "The statement called on Chile": not theirs)
    parent = reg.actors[actor].get("parent")
    target = next((m.actor for m in named if m.actor not in (actor, parent)
                   and reg.actors[m.actor].get("parent") != actor), None)
    code = _model()["codes"].get(ptype)
    if not code:
        return None
    date: dict[str, Any] = {}
    why = "no date in the sentence: left for the analyst"
    future = bool(_FUTURE.search(words))
    for a, _b, phrase in find_dates(text, lo, hi)[:1]:
        # ("said on Friday the others will stay": a future after the day is not its own)
        ahead = future and bool(_FUTURE.search(text, lo, a) or re.match(r"(?i)next\b", phrase))
        day, end = as_fact_date(resolve_at(text, a, phrase, pub, future=ahead))
        if day is not None:
            date = {"date": day, **({"date_end": end} if end else {}),
                    "date_basis": "resolved",
                    "date_note": f'"{phrase}", resolved against the publication date'}
            why = f"date from '{phrase}'"
    if not date and not future and (labelled := paragraph_day(text, lo, pub)):
        date, why = labelled   # ("Sept. 11: ... . X says ...": the paragraph's day)
    if not date and not future and (day := day_told_before(events, lo)):
        # ("He rejected the claim."): the story goes on, on the day it last told of
        date, why = day, "no date in the sentence: the day of the act drafted before it"
    later = str(date.get("date", ""))[:10] > pub.isoformat()
    _type, mode = plover_for(code)   # (the table's code is one of its type's)
    name = reg.actors[actor]["name"]
    clause = " ".join(words.split())
    summary = clause if len(clause.split()) <= 30 else \
        f"{name} ({ptype.lower()})" + (f" — {reg.actors[target]['name']}" if target else "")
    source = sources.for_said(voice, reg) if voice is not None else sources.outlet_id
    event = {
        "id": f"ev-{len(events) + 1}-{slug(ptype.lower())}-suggested",
        **date,
        "plover_type": ptype, "plover_mode": mode, "cameo_code": code,
        "status": "planned" if future or later else "occurred",
        "source": source, "credibility": TODO, "summary": summary,
        "participants": {"actor": [actor], **({"recipient": [target]} if target else {})},
        "evidence": [quote(text, lo, hi)],
        "review": PENDING,
        "reason": (f"the rules read {', '.join(sorted(there))} here; " if there else
                   "no rule read an act here; ") + f"the sentence model reads {ptype} "
                  f"(p={p:.2f}; CAMEO {code}, its most common code): check who did what; "
                  f"{why}",
    }
    return event
