"""Actor mentions: who the text names, as spans tied to one drafted actor each.

States come from the gazetteer (names, demonyms, capitals, seats of power); organisations
from its organisation table and from names that end like one ("the Andes Wire Agency");
actors the fact base already knows come by their `name` and `aliases`. People are found
by `people.py` and registered here too, so every later step asks one registry.
"""

from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from briefing.draft.gazetteer import Gazetteer


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str          # the drafted actor's id
    kind: str           # state | person | organization | facility
    via: str            # how it was found: name, demonym, capital, seat, title, surname, ...


def slug(text: str) -> str:
    """An id from a name: "Türkiye" → "turkiye", "Côte d'Ivoire" → "cote-divoire"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")
    s = s if s and s[0].isalpha() else f"a-{s}"
    return s[:64].rstrip("-") or "actor"




@dataclass
class Registry:
    """The drafted actors (by id, in order of first mention) and every mention of them."""

    gazetteer: Gazetteer
    known: dict[str, dict[str, Any]] = field(default_factory=dict)   # surface → known actor
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_country: dict[str, str] = field(default_factory=dict)        # ISO code → state id
    scope: str = ""          # the article's id: what per-article entity ids are scoped to

    def add(self, actor_id: str, fields: dict[str, Any]) -> str:
        if actor_id not in self.actors:
            self.actors[actor_id] = {"id": actor_id, **fields}
        return actor_id

    def state(self, iso3: str, reason: str) -> str:
        """The drafted state actor for an ISO code (a known one's id if the base has it)."""
        if iso3 in self.by_country:
            return self.by_country[iso3]
        row = self.gazetteer.countries[iso3]
        known = next((k for k in self.known.values()
                      if k["kind"] == "state" and k["country"] == iso3), None)
        actor_id = known["id"] if known else slug(row["name"])
        self.add(actor_id, {"name": known["name"] if known else row["name"], "kind": "state",
                            "country": iso3, "reason": reason})
        self.by_country[iso3] = actor_id
        return actor_id

    spans: list[tuple[int, int]] = field(default_factory=list)     # sorted (start, end)

    def mention(self, start: int, end: int, actor: str, via: str) -> Mention:
        m = Mention(start, end, actor, self.actors[actor]["kind"], via)
        self.mentions.append(m)
        bisect.insort(self.spans, (start, end))
        return m

    def taken(self, start: int, end: int) -> bool:
        # Spans seldom overlap one another, so the few that start before `end` and
        # nearest to it are the only ones that can reach into [start, end).
        i = bisect.bisect_left(self.spans, (end, -1))
        return any(s < end and start < e for s, e in self.spans[max(0, i - 3):i])

    def sorted(self) -> list[Mention]:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions


def known_forms(known: Any) -> dict[str, dict[str, Any]]:
    """Surface form → actor record, from a Briefing's actors frame (name and aliases)."""
    if known is None or not hasattr(known, "actors"):
        return {}
    out: dict[str, dict[str, Any]] = {}
    frame = known.actors
    for row in frame.to_dict("records"):
        rec = {"id": row["actor_id"], "name": row["name"], "kind": str(row["kind"]),
               "country": row.get("country") or "", "role": row.get("role") or "",
               "parent": row.get("parent_id") or "", "bloc": row.get("bloc") or "",
               "aliases": row.get("aliases") or ""}
        aliases = row.get("aliases") or ""
        names = [row["name"], *(a for a in str(aliases).split("|") if a.strip())]
        for n in names:
            n = n.strip()
            # Only names a reader would write: descriptive labels ("People who ...")
            # are the analyst's wording, not the text's.
            if n and n[0].isupper() and len(n.split()) <= 4:
                out.setdefault(n, rec)
    # A known person's surname alone ("Lopez") is theirs too, unless two share it.
    surnames: dict[str, list[dict[str, Any]]] = {}
    for rec in {id(r): r for r in out.values()}.values():
        words = rec["name"].split()
        if rec["kind"] == "person" and len(words) > 1:
            surnames.setdefault(words[-1], []).append(rec)
    for surname, recs in surnames.items():
        if len(recs) == 1:
            out.setdefault(surname, recs[0])
    return out


# People of a state are not the state: "Georgian citizens were detained" is done to them.
_NATIONALS = re.compile(
    r"(?:(?i:two|three|four|five|six|seven|eight|nine|ten|several|dozens of|\d+)\s+)?"
    r"(?P<dem>[A-Z][\w’'\-]+)\s+(?P<who>citizens|nationals|fishermen|shepherds|"
    r"sailors|crew members|workers|journalists|students|tourists|civilians|pilgrims|"
    r"migrants|farmers|traders|residents)\b")


def find_nationals(text: str, reg: Registry) -> None:
    """"Three Georgian citizens": an actor of kind group under Georgia, not Georgia."""
    g = reg.gazetteer
    for m in _NATIONALS.finditer(text):
        place = g.forms.get(m.group("dem"))
        if place is None or place.kind != "state" or place.via != "demonym" \
                or reg.taken(m.start(), m.end()):
            continue
        state = reg.state(place.key, f"gazetteer: demonym of {place.name}")
        name = f"{m.group('dem')} {m.group('who')}"
        actor = reg.add(slug(name), {"name": name, "kind": "group", "country": place.key,
                                     "parent": state,
                                     "reason": "people of a state, not the state"})
        reg.mention(m.start(), m.end(), actor, "nationals")


# Capitalised words that may stand before a capital's name ("In Lima", "Greater Lima",
# "Monday Lima time"); any other ("Marta Lima") makes it a person's name.
_BEFORE_A_PLACE = {"In", "At", "From", "To", "For", "Of", "On", "By", "With", "And", "But",
                   "Near", "Outside", "Inside", "Across", "Via", "Into", "Towards", "Toward",
                   "Between", "The", "Greater", "Central", "Downtown", "Old", "New", "Both",
                   "Meanwhile", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Later",
                   "Earlier", "Instead", "Also", "Still", "So", "Yet", "Thus", "While",
                   "Where", "Since", "Until", "After", "Before", "Like", "Unlike", "As", "If",
                   "Only", "Even", "Why", "How", "When", "Whether", "Neither", "Nor", "Or",
                   "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                   "Hotel", "Airport", "Port", "Capital", "City", "Metropolitan",
                   *calendar.month_name[1:]}   # ("In late January Addis Ababa asked")


# Demonyms two states share: the one the story names by name or capital, if only one
# ("Congolese police" in a story from Brazzaville are the Republic of the Congo's).
_SHARED = {"Congolese": ("COD", "COG"), "Korean": ("KOR", "PRK"), "Koreans": ("KOR", "PRK")}


def _shared(word: str, places: list[Any]) -> str | None:
    if word not in _SHARED:
        return None
    one = {p.key for _s, _e, p in places if p.key in _SHARED[word] and p.via != "demonym"}
    return one.pop() if len(one) == 1 else None


def find_places(text: str, reg: Registry) -> None:
    """States and organisations from the gazetteer, the known base and name shapes."""
    g = reg.gazetteer
    if reg.known:
        alts = "|".join(re.escape(f) for f in sorted(reg.known, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w.])(?:{alts})(?!\w)", text):
            rec = reg.known[m.group(0)]
            if reg.taken(m.start(), m.end()) or rec["kind"] == "person":
                continue   # people are registered by people.py, with their later mentions
            if rec["kind"] == "state" and rec["country"] in g.countries:
                actor = reg.state(rec["country"], f"known actor '{rec['name']}'")
            else:
                actor = reg.add(rec["id"], {k: rec[k] for k in ("name", "kind", "country")}
                                | {"reason": f"known actor '{rec['name']}'"})
            reg.mention(m.start(), m.end(), actor, "known")
    places = list(g.find(text))
    # "Brussels" in a story that names the EU or one of its bodies is the EU's seat.
    union = next((p.key for _s, _e, p in places if p.kind != "state" and p.key in _EU_BODIES),
                 None)
    for start, end, place in places:
        if reg.taken(start, end):
            continue
        if union and place.via == "capital" and text[start:end] == "Brussels":
            place = g.forms.get("EU", place)
        # (a word that opens a sentence, "Although Moscow has", is no given name)
        given = re.search(r"(?<![\w’'.\-])(?<![.!?:;“\"(\n]\s)(?<!^)(?<![-—–]\s)([A-Z][a-z]+)\s$",
                          text[max(0, start - 20):start])
        if place.via == "capital" and given and given.group(1) not in _BEFORE_A_PLACE \
                and given.group(1) not in g.forms:
            continue   # "Marta Lima": a person's family name, not Peru's capital
        if re.match(r"[’']s\s+(?:Island|Reef|Bay|Cathedral|Church|Day)\b|-based\b",
                    text[end:end + 16]):
            continue   # "off St Martin's Island", "the San José-based court": no state acts
        if re.search(r"\b(?:Lake|Gulf of|Sea of|Bay of)\s+$", text[max(0, start - 8):start]):
            continue   # "the Lake Chad Rights Observatory", "the Gulf of Mexico": a place's name
        if place.kind == "state":
            key = _shared(text[start:end], places) or place.key
            actor = reg.state(key, f"gazetteer: {place.via} of {g.countries[key]['name']}")
        else:
            row = g.organizations[place.key]
            actor = reg.add(place.key, {"name": row["name"], "kind": "organization",
                                        "country": row["country"],
                                        "reason": f"gazetteer: organisation '{row['name']}'"})
        reg.mention(start, end, actor, place.via)
    for m in re.finditer(r"(?<![\w\-])Koreans?(?!\w)", text):   # (no state's alone)
        if not reg.taken(m.start(), m.end()) and (key := _shared(m.group(0), places)):
            reg.mention(m.start(), m.end(), reg.state(key, "the one Korea the story names"),
                        "demonym")
    # An organisation named in the text but absent from the table: capitalised words
    # ending in a head noun that names a body ("the Andes Wire Agency").
    for m in g.org_pattern.finditer(text):
        name = m.group(0).strip()
        words = name.split()
        # Drop a sentence-initial article or demonym the match swept in ("The", "Chilean").
        while words and (words[0] in ("The", "A", "An") or g.forms.get(words[0])):
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        start, end = m.end() - len(name), m.end()
        if reg.taken(start, end) and " of " in name:
            # ("the Permanent Council of the Organization of American States": the council)
            name = name.split(" of ")[0]
            words, end = name.split(), start + len(name)
        if len(words) < 2 or reg.taken(start, end):
            continue
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": "",
                                     "reason": "name ends in an organisation word"})
        if any(w in g.news_words for w in words):
            reg.actors[actor]["news"] = True
        reg.mention(start, end, actor, "name")


def find_bodies(text: str, reg: Registry) -> None:
    """A state's bodies: "Chile's foreign ministry", "Peruvian troops", "South Korea's
    military" → an organisation of that state (its parent), named by the table's label."""
    g = reg.gazetteer
    states = "|".join(re.escape(f) for f, p in sorted(g.forms.items(), key=lambda x: -len(x[0]))
                      if p.kind == "state" and p.via in ("name", "alias", "demonym"))
    heads = "|".join(re.escape(h) for h in sorted(g.bodies, key=len, reverse=True))
    places = None
    # ("France's Ministry of Ecology", "Australia's Department of Home Affairs": its name)
    for m in re.finditer(rf"(?<![\w.\-])(?P<state>{states})(?:[’']s)?\s+(?P<head>(?i:{heads}))\b"
                         rf"(?P<of>\s+of\s+(?:the\s+)?"
                         rf"[A-Z][\w’'\-]*(?:\s+(?:and\s+)?[A-Z][\w’'\-]*){{0,3}})?", text):
        if reg.taken(m.start(), m.end()):
            continue
        place = g.forms[m.group("state")]
        if m.group("state") in _SHARED and places is None:
            places = list(g.find(text))   # (read once, for "Congolese police" from Brazzaville)
        key = _shared(m.group("state"), places or []) or place.key
        body = g.bodies[m.group("head").lower()]
        label = body["label"]
        parent = reg.state(key, f"gazetteer: {m.group('state')}")
        of = m.group("of") if m.group("head")[0].isupper() else None
        name = f"{m.group('head')}{of} of {g.countries[key]['name']}" if of else \
            f"{label} of {g.countries[key]['name']}"
        actor = reg.add(slug(name), {"name": name, "kind": "organization",
                                     "country": key, "parent": parent,
                                     "reason": f"a state's body: '{m.group(0)}'"}
                      | ({"source_kind": body["source_kind"]} if body["source_kind"] else {}))
        reg.mention(m.start(), m.end() if of else m.end("head"), actor, "body")


# People no name gathers, as the subject of a protest: "Hundreds of garment workers
# rallied", "Protesters marched", "Yesterday afternoon some two hundred traders marched".
# A live blog's "12:30 — " before a crowd (a dateline's "LIMA - " is passed by the caller).
_FILED = r"\s*(?:\d{1,2}[:.]\d{2}\s*[—–\-]\s+)?"
_CROWD_LEAD = (_FILED +
               r"(?:(?:[Ii]n\s+[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2}|[Oo]utside(?:\s+the\s+"
               r"[a-z]+)?|[Nn]earby|"
               r"[Mm]eanwhile|[Ee]lsewhere),\s+)?"  # "In Zabol, ", "Outside, "
               r"(?i:(?:[•*\-–]\s+)?(?:(?:yesterday|last|earlier|later|that|on\s+\w+)(?:\s+(?:"
               r"morning|afternoon|evening|night))?,?\s+)?"
               r"(?:(?:about|some|nearly|around|over|more\s+than|at\s+least)\s+)?"
               r"(?:(?:hundreds|thousands|dozens|scores)\s+of\s+|\d[\d,]*\s+|"
               r"(?:(?:two|three|four|five|six|several|a\s+few|a)\s+)?(?:hundred|thousand)\s+)?"
               r"(?:of\s+(?:the|their|its)\s+)?)")   # ("About 150 of the students")
# A crowd described between commas: ", many of them relatives of the workers,".
_OF_THEM = r",\s+(?:many|most|some|all|several|half)\s+of\s+them"
CROWD = re.compile(r"^\s*" + _CROWD_LEAD +
                   r"(?:[A-Za-z\-]+\s+|[a-z]+(?:[’']s|s[’'])\s+){0,2}?"   # ("the cyclist's family")
                   r"(?:[A-Za-z][a-z]+(?:ers|ors|ists|ants|ents)|people|"
                   r"[a-z]*(?:men|women)|youths|[Pp]rotesters|[Ss]tudents|[Cc]rowds?|pilgrims|"
                   r"citizens|refugees|[Ff]amil(?:ies|y)|[Rr]elatives|[Pp]arents|veterans|monks|"
                   r"nurses|"
                   r"fans|[Cc]rews|staff|athletes|delegates|members(?=\s+of\s)|"
                   r"(?<=opposition\s)parties|(?<=[Tt]he\s)opposition)"
                   # "Relatives of the detained men, who have staged a sit-in", "relatives
                   # and neighbours of the victims"
                   r"(?:(?:(?<=elatives)|(?<=amilies))\s+and\s+(?:neighbou?rs|friends|colleagues))?"
                   r"(?:(?:(?<=elatives)|(?<=amilies)|(?<=arents)|(?<=eighbours)|"
                   r"(?<=eighbors)|(?<=riends)|(?<=olleagues))\s+of\s+(?:the|those)"
                   r"\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+(?:,\s+who)?)?"
                   # "Lawyers for 14 women filed"
                   r"(?:(?<=awyers)\s+for\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+)?"
                   # "Farmers in the Syrdarya region staged"
                   r"(?:\s+(?:in|from)\s+(?:the\s+)?(?:(?:[A-Z][\w\-]*\s+){1,3}"
                   r"(?:region|province|district|state|valley|city|area|communities|villages)?|"
                   r"(?:border|frontier|"
                   r"nearby|coastal|fishing|mining)\s+(?:villages|towns|areas|communities))|"
                   # "supporters of the governing coalition"
                   r"\s+of\s+(?:the\s+|its\s+)?(?:[\w’'\-]+\s+){0,3}(?:coalition|party|"
                   r"opposition|union|movement|association|cooperative))?"
                   r"(?:\s+(?:(?:late|early)\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
                   # ("Hundreds of people, many of them relatives of the workers, protested")
                   r"(?:" + _OF_THEM + r"\s+[^,;]{1,80},)?"
                   r"\s+(?:(?:are|were|have|had|has|is)\s+)?$")   # ("800 people from villages")


def crowd_group(reg: Registry, words: str, start: int, end: int) -> Mention:
    """"About 200 fishermen rallied": a group named by what its people are, whose state
    is for the analyst."""
    head = re.sub(r"(?:,\s+who)?(?:\s+(?:are|were|have|had|has|is))?$", "",
                  re.sub(r"^\s*" + _CROWD_LEAD, "", words).strip())
    head = re.sub(r"^[Tt]he\s+|\s+(?:(?:late|early)\s+)?on\s+\w+day$|" + _OF_THEM + r"\b.*$",
                  "", head)   # ("The crews", ", many of them ..."; "from Atacama" keeps its case)
    filed = re.match(_FILED, words)
    actor = reg.add(slug(head), {"name": head[:1].upper() + head[1:], "kind": "group",
                                 "country": "",
                                 "reason": "the people who protest: "
                                           f"'{words[filed.end():].strip()}'"})
    return Mention(start + filed.end(), end, actor, "group", "crowd")


_EU_BODIES = frozenset({"eu", "european-commission", "european-parliament", "european-council"})
# "sheltering gunmen who attacked a police post": the people a relative clause is about.
_WHO_CROWD = re.compile(r"\b(?P<c>(?:(?![a-z]+(?:ing|ed)\b)[a-z\-]+\s+)?(?:[a-z]+(?:men|ers|"
                        r"ists|ants)|youths|protesters|demonstrators|rebels|militants|fighters|"
                        r"raiders))\s+(?:who|that)\s+(?:had\s+|have\s+)?$")


# "14 officials accused of organising ...": a participle after its noun, done to it (the
# active verb takes an object first: "accused Peru of").
_AFTER_CROWD = re.compile(r"\b(?:after|when|because|as|since|while|until)\s+(?=[a-z])")
# (not "after soldiers seized power", "until the two presidents spoke": a state's, a pair's)
_NOT_A_CROWD = re.compile(r"\b(?:two|both|three|soldiers|troops|protesters|demonstrators|"
                          r"governments|presidents|ministers|officials|diplomats|sides)\b")
_WHOSE_MEN = re.compile(r",\s*whose\s+(?:[a-z\-]+\s+)?(?:fighters|forces|troops|soldiers|militia|"
                        r"militiamen|men|supporters|followers|guards|agents|gunmen|police)\s+"
                        r"(?:had\s+|have\s+|has\s+)?$")
_SAID_THAT = re.compile(r"\b(?:said|say|says|alleged|allege|claimed|told\s+[\w\-]+)\s+"
                        r"(?:that\s+)?(?=[A-Za-z])")
UNDERGONE = re.compile(r"(?:accused|suspected|convicted)\s+of\b|charged\s+with\b")


def crowd_subject(text: str, c0: int, at: int, light: Any, before: list[Mention],
                  reg: Registry) -> list[Mention]:
    """The crowd that does the act at `at` in the clause from `c0`: one a relative clause
    is about ("gunmen who attacked"), else, when no subject was read, one that opens the
    clause ("The hijackers demand", "Protesters held a rally"); [] when none."""
    if UNDERGONE.match(text, at):
        return []   # "Seven foreign men accused of plotting": the crowd undergoes it
    if not before and (whose := _WHOSE_MEN.search(text, max(0, at - 64), at)) and (owner := [
            m for m in reg.mentions if 0 <= whose.start() - m.end <= 1]):
        return owner[-1:]   # "Abakar Ndallah, whose fighters seized": his
    if who := _WHO_CROWD.search(text, max(c0, at - 48), at):
        return [crowd_group(reg, who.group("c"), who.start("c"), at)]
    if (sub := _AFTER_CROWD.search(text, max(c0, at - 60), at)) and CROWD.search(
            text[sub.end():at]) and not _NOT_A_CROWD.search(text, sub.end(), at):
        # "demanded ... after local leaders accused": theirs
        return [crowd_group(reg, text[sub.end():at], sub.end(), at)]
    crowd = None if before else CROWD.search(text[c0:at]) or (
        light and light.start() > c0 and CROWD.search(text[c0:light.start()]))
    if not crowd and not before and (said := [*_SAID_THAT.finditer(text, c0, at)]):
        # "His family said soldiers beat him": the crowd the saying tells of
        c0 = said[-1].end()
        crowd = CROWD.search(text[c0:at])
    return [crowd_group(reg, crowd.group(0), c0 + crowd.start(), at)] if crowd else []


def their_own(text: str, s: dict, plural: Any, reg: Registry, they: Any) -> list[Mention]:
    """"Survivors told UN staff that they had called for help": the crowd that opens the
    sentence is "they" in it ([] when its noun names no crowd: "Officials said they")."""
    words = plural.group(0).rsplit(None, 1)[0]
    if not CROWD.search(words + " "):
        return []
    group = crowd_group(reg, words, s["start"], s["start"] + len(words))
    return [reg.mention(p.start(), p.end(), group.actor, "pronoun")
            for p in they.finditer(text, plural.end(), s["end"]) if not reg.taken(*p.span())]


# ---- the unnamed agent and the state an actor speaks for (used by events) ----------

UNNAMED = "unnamed-agent"


def unnamed_id(reg: Registry) -> str:
    """The unnamed agent is this article's alone: two articles' unknown attackers are not
    one actor."""
    return f"unnamed-{reg.scope}"[:64].rstrip("-") if reg.scope else UNNAMED


def unnamed(reg: Registry, at: int) -> Mention:
    """The agent of a passive or nominal act that the text does not name."""
    reg.add(unnamed_id(reg), {"name": "Unnamed agent (the text does not say who)",
                              "kind": "unnamed", "country": "",
                              "reason": "passive voice or a noun with no agent: who acted "
                                        "is for the analyst"})
    return Mention(at, at, unnamed_id(reg), "unnamed", "agentless")


def state_like(reg: Registry, actors: list[str]) -> bool:
    """Whether every actor is a state, a person or a state's body."""
    return all(reg.actors[a].get("kind") in ("state", "person") or
               (reg.actors[a].get("kind") == "organization" and reg.actors[a].get("country"))
               for a in actors)


def state_of(reg: Registry, actor: str) -> str | None:
    """The state an actor speaks for: itself, or the state it belongs to."""
    a = reg.actors.get(actor, {})
    return actor if a.get("kind") == "state" else a.get("parent")


# "the Office for Democratic Institutions and Human Rights (ODIHR)": a body the text names
# and abbreviates in brackets, whose capitals spell the abbreviation.
_ABBREVIATED = re.compile(r"(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:for|of|and|on|in|the)\s+)*)+"
                          r"[A-Z][\w’'-]*)\s+\((?P<short>[A-Z]{2,8})\)")


# "the electoral commission, known by its French acronym CENI,": a body named in common
# words, then by the acronym the story goes on with.
_KNOWN_AS = re.compile(r"\b[Tt]he\s+(?P<name>(?:[a-z\-]+\s+){0,3}[a-z]+),\s+known\s+(?:by\s+its\s+"
                       r"(?:[A-Z][a-z]+\s+)?(?:acronym|initials|abbreviation)|as)\s+(?:the\s+)?"
                       r"(?P<short>[A-Z]{2,8})\b")


def _aliases(text: str, reg: Registry, short: str, actor: str) -> None:
    """Each bare use of the abbreviation `short` ("ODIHR said") as a mention of `actor`."""
    for a in re.finditer(rf"(?<![\w.]){short}(?!\w)", text):
        if not reg.taken(a.start(), a.end()):
            reg.mention(a.start(), a.end(), actor, "alias")


def find_abbreviations(text: str, reg: Registry) -> None:
    """A body the text names with its abbreviation ("... Human Rights (ODIHR)"), and each
    later bare use of the abbreviation ("ODIHR said") as a mention of it. Read before the
    gazetteer's places, so that the whole name is one body ("the Sahel Institute for ..."
    is not "the Sahel Institute")."""
    for m in _ABBREVIATED.finditer(text):
        short = m.group("short")
        capitals = list(re.finditer(r"[A-Z][\w’'-]*", m.group("name")))
        owner = None
        if len(capitals) >= len(short) and "".join(
                w.group(0)[0] for w in capitals[-len(short):]) == short:
            start = m.start("name") + capitals[-len(short)].start()
        elif capitals[-1].group(0) in reg.gazetteer.org_heads and re.search(
                rf"(?<![\w(]){short}(?![\w)])", text[m.end():]) and len(
                set(short) & {w.group(0)[0] for w in capitals}) >= 2:
            # "the Lake Farmers' Movement (MPL)", "Chad's Pilots' Union (SPT)":
            # an acronym of the name in its own language, used again later.
            first = next(w for w in capitals if not re.search(r"[’']s$", w.group(0)))
            start = m.start("name") + first.start()
            owner = reg.gazetteer.forms.get(re.sub(r"[’']s$", "", capitals[0].group(0)))
        else:
            continue
        end = m.end("name")
        name = text[start:end]
        if reg.taken(start, end) or any(f in reg.gazetteer.forms or f in reg.known
                                        for f in (short, name)):
            continue   # (a body the gazetteer or the known base names: theirs)
        state = owner.key if owner is not None and owner.kind == "state" else ""
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": state,
                                     "reason": f"named with its abbreviation '{short}'"}
                        | ({"parent": reg.state(state, "its body")} if state else {}))
        reg.mention(start, end, actor, "name")
        _aliases(text, reg, short, actor)
    for m in _KNOWN_AS.finditer(text):
        short, head = m.group("short"), m.group("name").split()[-1]
        if head.capitalize() not in reg.gazetteer.org_heads or short in reg.gazetteer.forms \
                or reg.taken(m.start("short"), m.end("short")):
            continue
        name = f"{m.group('name').capitalize()} ({short})"
        actor = reg.add(slug(short), {"name": name, "kind": "organization", "country": "",
                                      "reason": f"'{m.group(0)}'"})
        reg.mention(m.start("name"), m.end("short"), actor, "name")   # (no "French" state)
        _aliases(text, reg, short, actor)
