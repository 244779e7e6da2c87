"""Whose a person is: the state named before them in their sentence, or, in a story filed
from a capital whose state acts in it, that state (a minister the story names with no
state)."""

from __future__ import annotations

import re

from briefing.draft.actors import Mention, Registry, state_of
from briefing.draft.clauses import dateline_spans
from briefing.text import QUOTED

# A state named as a place, after a preposition: "travels to Ankara" (and, for a
# dateline's state, "talks in the Republic of Congo").
_PLACE_BEFORE = r"\b(?:to|in|at|from|into|for|with|on|against)\s+"
_AS_PLACE = re.compile(_PLACE_BEFORE + "$")
_AS_PLACE_THE = re.compile(_PLACE_BEFORE + r"(?:the\s+)?$")


def place_people(text: str, sentences: list[dict], reg: Registry) -> None:
    """A person the text gives no state ("Deputy Foreign Minister Nino Beridze") is put
    under the one state named before them in their sentence as a subject would be —
    not another person's title ("Kenyan President ..."), not a place after a preposition
    ("travels to Ankara"); with none, or two, it stays for the analyst."""
    mentions = reg.sorted()
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    for s in sentences:
        for m in mentions:
            a = reg.actors[m.actor]
            if m.kind != "person" or not s["start"] <= m.start < s["end"] or a.get("country"):
                continue
            # (not a state named inside the quote the person is said to have spoken:
            # '"The Vietnamese ship struck our vessel," spokeswoman Ratna Sari told')
            here = {x.actor for x in mentions if x.kind == "state" and x.via != "title-prefix"
                    and s["start"] <= x.start < m.start
                    and not any(qa <= x.start < qb <= m.start for qa, qb in quoted)
                    and not _AS_PLACE.search(text, max(0, x.start - 10), x.start)}
            led = _LED.match(text, m.end)   # ("Keo Ratanak, who led Cambodia's delegation")
            here = here or {x.actor for x in mentions if led and x.start == led.end()
                            and x.kind == "state"}
            if not here and _BODY_WORD.search(text, max(0, m.start - 40), m.start):
                # ("alliance spokeswoman Ines Carvalho": the alliance named before her)
                body = [x.actor for x in mentions if x.start < m.start and x.kind ==
                        "organization" and not reg.actors[x.actor].get("parent")]
                here = set(body[-1:])
            if len(here) != 1:
                continue
            state = next(iter(here))
            a["country"] = reg.actors[state].get("country", "")
            a["parent"] = state
            if a.get("role") and "," not in a["role"]:
                a["role"] = f"{a['role']}, {reg.actors[state]['name']}"
            a["reason"] += f"; state: the one named before them in the sentence ({state})"
    home = dateline_state(text, reg)
    # (only a capital whose state the story has acting: "APIA — Tonga's parliament ...
    # talks in Apia" is filed from a third state's capital, a place only)
    spans, key = dateline_spans(text), reg.actors[home]["country"] if home else None
    forms = [f for f, p in reg.gazetteer.forms.items() if p.key == key and p.kind == "state"]
    home = home if forms and any(
        not any(a <= x.start() < b for a, b in spans)
        and not _AS_PLACE_THE.search(text, max(0, x.start() - 14), x.start())
        for x in re.finditer(r"(?<![\w’'])(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)",
                             text)) else None
    for a in reg.actors.values():
        # "SANTIAGO - ... Foreign Minister Ignacio Fuentes": a minister the story names
        # with no state is, in a story filed from a capital, that state's.
        if home and a.get("kind") == "person" and not a.get("country") and \
                _OFFICE.search(str(a.get("role", ""))) and "," not in str(a.get("role")):
            a["country"], a["parent"] = reg.actors[home].get("country", ""), home
            a["role"] = f"{a['role']}, {reg.actors[home]['name']}"
            a["reason"] += f"; state: the story is filed from its capital ({home})"


# A body's own people, named by the body's common noun: "alliance spokeswoman X".
_BODY_WORD = re.compile(r"\b(?:alliance|bloc|union|commission|agency|court|council|"
                        r"secretariat|organi[sz]ation)(?:[’']s)?\s+(?:[a-z\-]+\s+){0,2}$")
_LED = re.compile(r",\s+who\s+(?:led|leads|heads|headed|chairs|chaired|represents|"
                  r"represented)\s+")
_OFFICE = re.compile(r"\b(?:Minister|President|Premier|Chancellor|Secretary|Spokes\w+)\b")


def dateline_state(text: str, reg: Registry) -> str | None:
    """The state whose capital the story's first dateline names ("SANTIAGO - "), if the
    gazetteer knows it as a capital."""
    for a, b in dateline_spans(text)[:1]:
        city = re.match(r"[A-Z][A-Z.’'\-]+(?:\s[A-Z][A-Z.’'\-]+)*", text[a:b])
        place = reg.gazetteer.forms.get(city.group(0).strip().title()) if city else None
        # ("DJIBOUTI - ", "SINGAPORE - ": a capital that bears its state's name)
        if place is not None and place.kind == "state" and (
                place.via == "capital" or reg.gazetteer.countries[place.key].get(
                    "capital") == city.group(0).strip().title()):
            return reg.state(place.key, f"gazetteer: capital {place.name}")
    return None


# "It demanded their release", "what it called an incursion": "it" as a subject.


def story_pair(reg: Registry, pos: int) -> list[Mention]:
    """The two states a story keeps naming before text[pos] (their bodies and people
    count for them), as mentions at `pos`: the parties of talks no one is named in ("The
    last round of talks ... ended without progress"). [] unless two stand out."""
    counts: dict[str, int] = {}
    for m in reg.sorted():
        state = state_of(reg, m.actor)
        if m.start < pos and state and m.via not in ("pronoun", "pair", "again"):
            counts[state] = counts.get(state, 0) + 1
    top = sorted(counts, key=lambda a: -counts[a])[:3]
    if len(top) < 2 or len(top) == 3 and (counts[top[1]] < 2
                                          or counts[top[2]] == counts[top[1]]):
        return []   # (two states only: theirs; more: two must stand out)
    return [Mention(pos, pos, a, "state", "pair") for a in top[:2]]
