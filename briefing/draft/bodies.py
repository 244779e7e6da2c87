"""A state's body the text names without its state ("Police detained 14 people", "A judge
in Lisbon ordered ...", "The Foreign Ministry summoned"): the state of the place named with
it, else of the capital the story was filed from. Left alone when neither is known: the
analyst says whose it is."""

from __future__ import annotations

import re

from briefing.draft.actors import Registry, slug
from briefing.draft.homes import dateline_state

# The bodies whose state the place of the story gives: those of law and order.
_BARE = re.compile(r"(?<![\w’'\-])(?:(?:[Tt]he|[Aa])\s+)?(?:(?P<town>[A-Z][\w’'\-]+)\s+)?"
                   r"(?P<head>[Pp]olice|[Pp]rosecutors|"
                   r"[Cc]ustoms(?:\s+officers)?|[Mm]agistrate|[Jj]udge|"
                   # ("The Foreign Ministry summoned", capitalised as a state's own paper does)
                   r"(?:Foreign|Interior|Defen[cs]e|Justice)\s+Ministry)\b"
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
            if m.group("head").endswith("Ministry") and not m.group("town"):
                home = home or [dateline_state(text, reg)]
                _adopted(reg, m.start("head"), home[0])
            continue
        # ("On Monday police detained", "Riot police": a capital word with no article
        # before it is no town; the mention is the head's alone)
        start = m.start("head") if m.group("town") and m.start("town") == m.start() else \
            m.start()
        town = m.group("town") if start == m.start() else None
        place = g.forms.get(m.group("place") or town or "")
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
