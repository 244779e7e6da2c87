"""A state's body the text names without its state ("Police detained 14 people", "A judge
in Lisbon ordered ...", "The Foreign Ministry summoned"): the state of the place named with
it, else of the capital the story was filed from. Left alone when neither is known: the
analyst says whose it is."""

from __future__ import annotations

import re
from typing import Any

from briefing.draft.actors import Registry, slug
from briefing.draft.homes import dateline_state

# The bodies whose state the place of the story gives: those of law and order.
_BARE = re.compile(r"(?<![\w’'\-])(?:(?:[Tt]he|[Aa])\s+)?(?:(?P<town>[A-Z][\w’'\-]+)\s+)?"
                   r"(?P<head>[Pp]olice|[Pp]rosecutors|"
                   r"[Cc]ustoms(?:\s+officers)?|[Mm]agistrate|[Jj]udge|"
                   # ("The Foreign Ministry summoned", capitalised as a state's own paper does)
                   r"(?<![Ii]ts\s)(?<![Tt]heir\s)"
                   r"(?:[Ff]oreign|[Ii]nterior|[Dd]efen[cs]e|[Jj]ustice)\s+[Mm]inistry)\b"
                   r"(?P<at>\s+in\s+(?P<place>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?))?")

# Each head's row in bodies.csv: a magistrate or a judge speaks for the courts.
_BODY_OF = {"police": "police", "prosecutors": "prosecutors", "customs": "customs officers",
            "magistrate": "court", "judge": "court", "foreign": "foreign ministry",
            "interior": "interior ministry", "defence": "defence ministry",
            "defense": "defense ministry", "justice": "justice ministry"}


def find_bare_bodies(text: str, reg: Registry) -> None:
    """Register "police", "prosecutors", "customs", "the magistrate", "a judge" with no
    state before them as that state's body (see the module's doc)."""
    g = reg.gazetteer
    home: list[str | None] = []   # the dateline's state, looked up once, when needed
    for m in _BARE.finditer(text):
        if reg.taken(m.start("head"), m.end("head")) or m.group("town") and reg.taken(
                m.start("town"), m.end("town")):
            if m.group("head").lower().endswith("ministry") and not m.group("town"):
                home = home or [dateline_state(text, reg)]
                _adopted(reg, m.start("head"), home[0])
            continue
        # ("On Monday police detained", "Riot police": a capital word with no article
        # before it is no town; the mention is the head's alone)
        start = m.start("head") if m.group("town") and m.start("town") == m.start() else \
            m.start()
        town = m.group("town") if start == m.start() else None
        place = g.forms.get(m.group("place") or town or "") or _named_before(text, m, g)
        if place is not None and place.kind == "state":
            key = place.key
        else:
            home = home or [dateline_state(text, reg)]
            key = home[0] and reg.actors[home[0]]["country"]
        body = g.bodies.get(_BODY_OF[m.group("head").split()[0].lower()])
        if key is None or body is None:
            continue
        parent = reg.state(key, f"gazetteer: {g.countries[key]['name']}")
        name = f"{body['label']} of {reg.actors[parent]['name']}"
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": key,
                                     "parent": parent,
                                     "reason": f"'{m.group('head')}' with no state named: "
                                               f"the state of the place of the story"})
        reg.mention(start, m.end("head"), actor, "body")


def _named_before(text: str, m: re.Match[str], g: Any) -> Any:
    """The place that says whose a lowercase ministry is: the sentence's opening "In
    Moscow, the foreign ministry summoned", or the state named with the same ministry
    before ("Seoul's justice ministry announced ... wrote to the justice ministry")."""
    if m.group("head")[0].isupper():
        return None
    opening = re.search(r"\b[Ii]n\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?),\s+(?:the\s+)?$",
                        text[max(0, m.start() - 40):m.start()])
    owners = re.findall(rf"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)[’']s\s+"
                        rf"{re.escape(m.group('head').lower())}\b", text[:m.start()])
    return g.forms.get(opening.group(1) if opening else owners[-1] if owners else "")


def _adopted(reg: Registry, at: int, state: str | None) -> None:
    """The ministry read at `at` as a body of no state ("The Foreign Ministry summoned")
    becomes the dateline state's, when the story was filed from a capital."""
    actor = next((reg.actors.get(x.actor) for x in reg.mentions if x.start <= at < x.end), None)
    if state is None or actor is None or actor.get("country") or actor["kind"] != "organization":
        return
    key = reg.actors[state]["country"]
    actor.update(country=key, parent=state, name=f"{actor['name']} of {reg.actors[state]['name']}",
                 reason=f"'{actor['name']}' with no state named: the state of the place of "
                        f"the story")


# The soldiers who took power, named without their state: "the junta", "the coup leaders".
_JUNTA = re.compile(r"\b(?:[Tt]he\s+)?(?:(?:ruling\s+)?military\s+junta|junta|coup\s+leaders|"
                    r"putschists|(?:ruling\s+)?military\s+council|military\s+rulers|"
                    r"military\s+government)\b(?![’']s\s+own)")
# What says a state's power was taken by force.
_COUP = re.compile(r"\bcoup\b|\bputsch\b|\bjunta\b|\bseiz(?:ed|ing)\s+power\b|"
                   r"\btook\s+power\b|\bmilitary\s+takeover\b", re.IGNORECASE)


def find_juntas(text: str, reg: Registry) -> None:
    """Register "the junta" (and "the coup leaders", "the military council") as the group
    that rules the state the story's coup words name: the state named nearest "coup" or
    "seized power" in their sentences, most often. Left alone when no state is near."""
    found = [m for m in _JUNTA.finditer(text) if not reg.taken(m.start(), m.end())]
    if not found:
        return
    states = [x for x in reg.mentions if x.kind == "state"]
    tally: dict[str, int] = {}
    for c in _COUP.finditer(text):
        lo = max(text.rfind(". ", 0, c.start()), text.rfind("\n", 0, c.start())) + 1
        hi = min(i for i in (text.find(". ", c.end()), text.find("\n", c.end()), len(text))
                 if i >= 0)
        near = min((x for x in states if lo <= x.start < hi),
                   key=lambda x: abs(x.start - c.start()), default=None)
        if near is not None:
            tally[near.actor] = tally.get(near.actor, 0) + 1
    if not tally:
        return
    state = max(tally, key=lambda a: tally[a])
    key = reg.actors[state]["country"]
    name = f"Military junta of {reg.actors[state]['name']}"
    actor = reg.add(slug(name), {"name": name, "kind": "group", "country": key,
                                 "reason": "'the junta' with no state named: the state the "
                                           "story's coup words name"})
    for m in found:
        reg.mention(m.start(), m.end(), actor, "body")
