"""Actors no table knows: a capitalised name right before an event verb ("Veltravia has
demanded") is drafted as an actor of unknown kind, with all its mentions. And which of the
names before a verb is its subject: the clause's first ("leading") or the last with those
joined to it ("coordinated")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefing.draft.actors import Mention, Registry, slug, state_of, unnamed
from briefing.draft.clauses import TITLE_AFTER
from briefing.draft.dates import MONTHS
from briefing.draft.homes import dateline_state, story_pair
from briefing.draft.triggers import find_triggers

_AUX = r"(?:(?:has|have|had|will|would|is|are|was|were|did|does|do|also|not|yet|never|" \
       r"now|\w+ly)\s+){0,3}"
_SUBJECT = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?"
                      r"(?:\s+and\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)?)\s+[“\"]?" + _AUX
                      + "[“\"]?$")
_NOT_SUBJECT = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That",
                "These", "Those", "There", "But", "And", "However", "Although", "While", "If",
                "When", "After", "Before", "On", "In", "At", "Last", "Next", "Neither",
                "Both", "Some", "Many", "Officials", "Sources", "Monday", "Tuesday",
                "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Every", "Each",
                "All", "Any", "No", "Such", "Its", "Their", "His", "Her", "Our", "Most",
                "Few", "Several", "Other", "Another", "Even", "Only", "Also",
                # prepositions and adverbs that open a sentence: "Following talks with"
                "Following", "During", "Despite", "Amid", "Since", "Under", "Earlier",
                "Later", "Meanwhile", "Speaking", "According", "Without", "Until", "Over",
                "Among", "Between", "For", "With", "From", "By", "As", "Once", "Yet",
                "Still", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Instead",
                "Asked", "Upon", "Ahead", "Shortly", "Hours", "Days", "Weeks",
                "Nobody", "Everybody", "Everyone", "Someone", "Somebody", "Anyone",
                "Anybody", "Nothing", "Everything", "None"}
# Common nouns communiqués capitalise, alone: "The two Ministers", "The two Heads of State".
_COMMON = {"Ministers", "State", "States", "Heads", "Parties", "Sides", "Delegations",
           "Governments"}


# A name no table knows, then what it is between commas: "Nahdlatul Ulama, the country's
# largest Muslim organisation, urged", "The Electoral Action of Poles in Lithuania, the
# minority's main party, said" — a body of its own, whatever places its name holds.
_DESCRIBED = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n))(?:The\s+)?(?P<name>[A-Z][\w’'\-]+(?:\s+(?:of|for|in|and|"
    r"[A-Z][\w’'\-]+)){0,6}?),\s+(?:the|a|an|its|their|[A-Z][\w\-]+[’']s)\s+"
    r"(?:[\w’'\-]+\s+){0,6}?(?P<what>organi[sz]ation|group|party|union|movement|association|"
    r"federation|council|agency|charity|network|alliance|coalition|foundation|institute|"
    r"league|front|confederation|society|company|firm|bank|lender|operator|militia|"
    r"think[ -]tank|watchdog|regulator|broadcaster|newspaper|club|chamber|lobby|consortium|"
    r"faction|NGO)s?\b[^,;.]{0,40},", re.MULTILINE)


# The kind of body first, then its name between commas: "The company, Kestrel Orbital,",
# "the fair's organiser, Sajam Jadran,", "the state carrier, Namib Air,".
_KIND_FIRST = re.compile(
    r"\b(?P<kind>(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w\-]+[’']s)\s+(?:[a-z][\w\-]*\s+){0,3}?"
    r"(?P<what>company|firm|carrier|airline|operator|organi[sz]er|manufacturer|maker|"
    r"contractor|developer|lender|bank|insurer|broadcaster|newspaper|federation|"
    r"association|union|party|group|coalition|charity|foundation|club|league|consortium|"
    r"cooperative|co-operative|NGO)),\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+(?:of|for|and|[A-Z][\w’'\-]+)){0,5}),")

# A party's name between its place in politics and the word "party": "the opposition Civic
# Renewal party", "Ghana's ruling New Dawn movement".
_PARTY = re.compile(
    r"\b(?P<kind>(?:(?:main|largest|opposition|ruling|governing|nationalist|centrist|"
    r"conservative|liberal|far-right|far-left|left-wing|right-wing|populist|junior|"
    r"coalition)\s+)+)(?P<name>[A-Z][\w’'\-]+(?:\s+(?:of|for|and|[A-Z][\w’'\-]+)){0,4})\s+"
    r"(?P<what>party|movement|bloc|alliance)\b")

def _mention_every(text: str, reg: Registry, name: str, actor: str, via: str) -> None:
    """Every mention of `name` as a whole word that no other actor has taken, as `actor`'s."""
    for x in re.finditer(rf"(?<![\w’']){re.escape(name)}(?!\w)", text):
        if not reg.taken(x.start(), x.end()):
            reg.mention(x.start(), x.end(), actor, via)


# A body named by its place and its members: "the Marsaxlokk fishermen's cooperative", "the
# Slovenian marine association" (a demonym's body belongs to its state).
_LOCAL = re.compile(
    r"\b[Tt]he\s+(?P<name>(?P<place>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s+(?:[a-z\-]+"
    r"(?:[’']s|s[’'])?\s+){1,2}(?:cooperative|co-operative|association|union|federation|"
    r"chamber|league|club|syndicate))\b(?!\s+of\b)")


def _local_bodies(text: str, reg: Registry) -> None:
    for m in _LOCAL.finditer(text):
        if reg.taken(m.start("name"), m.end("name")):
            continue
        place = reg.gazetteer.forms.get(m.group("place"))
        home = place.key if place and place.kind == "state" else ""
        name = m.group("name")
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": home,
                                     "reason": f"a body named by its place and members: "
                                               f"'{name}'"}
                        | ({"parent": reg.state(home, f"its state: '{m.group('place')}'")}
                           if home else {}))
        _mention_every(text, reg, name, actor, "name")


def described_bodies(text: str, reg: Registry) -> None:
    """A capitalised name that no table knows, followed by what kind of body it is
    ("Nahdlatul Ulama, the country's largest Muslim organisation,") or after it ("The
    company, Kestrel Orbital,"): an organisation, with every mention of its name (before
    places inside the name are read); a kind said first is that name's mention too."""
    found = [(m.group("name"), m.group("what"), None) for m in _DESCRIBED.finditer(text)]
    found += [(m.group("name"), m.group("what"), m.span("kind"))
              for m in _KIND_FIRST.finditer(text)]
    found += [(m.group("name"), m.group("what"), m.span("kind")) for m in _PARTY.finditer(text)]
    _local_bodies(text, reg)
    for name, what, kind in found:
        if name in reg.gazetteer.forms or name.split()[-1] in ("of", "for", "in", "and") \
                or name.split()[0] in _NOT_SUBJECT or len(name) < 4 \
                or any(w in reg.gazetteer.forms for w in name.split()[:1]):
            continue
        # ("Angola's state carrier, Kwanza Airways,": a body of that state)
        owner = reg.gazetteer.forms.get(re.sub(r"[’']s$", "", text[kind[0]:kind[1]].split()[0])
                                        ) if kind else None
        home = owner.key if owner and owner.kind == "state" else ""
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": home,
                                     "reason": f"named, and called a {what}"}
                        | ({"parent": reg.state(home, f"its state: '{text[kind[0]:kind[1]]}'")}
                           if home else {}))
        if kind and not reg.taken(*kind):
            reg.mention(*kind, actor, "name")
        _mention_every(text, reg, name, actor, "name")


_HEADS = ("president", "prime minister", "king", "queen", "emir", "sultan", "chancellor",
          "premier")


def held(reg: Registry, office: str) -> bool:
    """Whether `office` is a head's title some person named in the story holds ("the
    Sultan", "The President"; not a shadow or former one)."""
    office = office.lower()
    return office in _HEADS and any(str(a.get("role", "")).lower().startswith(office)
                                    for a in reg.actors.values() if a["kind"] == "person")


def unknown_subjects(text: str, body: list[dict], reg: Registry) -> None:
    """A capitalised name right before an event verb that no table knows ("Veltravia
    has demanded") is drafted as an actor of unknown kind, with all its mentions."""
    names: list[str] = []
    for s in body:
        for t in find_triggers(text, s["start"], s["end"]):
            if t.trigger.noun:
                continue
            c0 = max(s["start"], t.start - 80)
            m = _SUBJECT.search(text, c0, t.start)
            if not m or reg.taken(m.start("name"), m.end("name")):
                continue
            for name in re.split(r"\s+and\s+", m.group("name")):
                # ("Monday's attack": a day, not a name.)
                first = re.sub(r"[’']s?$", "", name.split()[0])
                # ("The Sultan thanked ...": the office of someone named, not a body)
                if first not in _NOT_SUBJECT and first.lower() not in MONTHS \
                        and name not in reg.gazetteer.forms and not held(reg, name) \
                        and name not in _COMMON:
                    names.append(name)
    people = {w: a["id"] for a in reg.actors.values() if a["kind"] == "person"
              for w in a["name"].split()}
    for name in sorted(dict.fromkeys(names), key=lambda n: -len(n.split())):
        if name in people:
            # "Wang" after "Wang Lu": a family name written first is still the person.
            _mention_every(text, reg, name, people[name], "surname")
            continue
        # Its adjective in the text too ("Veltravia" … "Veltravian trawlers") makes it a
        # place: a state the gazetteer does not list (no ISO code to give).
        adjectives = {name + "n", name + "ian", name + "ese", name[:-1] + "an"} \
            if " " not in name and len(name) > 3 else set()
        adjective = next((a for a in sorted(adjectives)
                          if re.search(rf"(?<![\w’']){re.escape(a)}(?!\w)", text)), None)
        kind, why = ("state", f"capitalised subject of an event verb, in no table; its "
                              f"adjective '{adjective}' appears too") if adjective else \
            ("organization", "capitalised subject of an event verb, in no table: kind to check")
        actor = reg.add(slug(name), {"name": name, "kind": kind, "country": "", "reason": why})
        if " " in name and not adjective:   # ("Rosa Quispe met ... Quispe invited": one)
            people.setdefault(name.split()[-1], actor)
        forms = [name] + ([adjective] if adjective else [])
        people_at = {m.start: m.actor for m in reg.mentions if m.kind == "person"}
        for form in forms:
            for m in re.finditer(rf"(?<![\w’']){re.escape(form)}(?!\w)", text):
                if reg.taken(m.start(), m.end()):
                    continue
                via = "subject" if form == name else "demonym"
                # "Veltravian Fisheries Minister Ilse Moor": the adjective names the
                # minister's state, it does not act.
                title = TITLE_AFTER.match(text, m.end(), m.end() + 60)
                title_end = title.end() - m.end() if title else 0
                person = next((people_at[p] for p in sorted(people_at)
                               if m.end() < p <= m.end() + title_end), None)
                if person:
                    via = "title-prefix"
                    reg.actors[person].setdefault("parent", actor)
                reg.mention(m.start(), m.end(), actor, via)


# Between "by" and its agent: a title ("by Minister of Foreign Affairs Ana Ruiz") or a
# force's men ("by officers of the Nauru Police Force").
_BY_GAP = re.compile(r"(?:[A-Z][\w\-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,6}|(?:officers|members|"
                     r"agents|units|troops|soldiers)\s+of\s+(?:the\s+)?")
_AND_GAP = re.compile(r",?\s+and\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?)"
                      r"{0,6}")
_COMMA_GAP = re.compile(_AND_GAP.pattern.replace(r",?\s+and\s+", ",\\s+"))


def by_agents(text: str, by_end: int, after: list[Mention]) -> list[Mention]:
    """Who does a passive's act, named after its "by" (ending at `by_end`): the first
    name and those joined to it by "and" ("signed by Serbia and Cyprus", "by Foreign
    Minister Ana Ruiz and her Chilean counterpart")."""
    found = [m for m in after if m.start >= by_end and _BY_GAP.fullmatch(text, by_end, m.start)
             or m.start < by_end and re.fullmatch(r"[Tt]he\s+", text[m.start:by_end])]
    if not found:
        return []
    last, listed = max(m.end for m in found), []   # ("by A, B and C": B waits for the "and")
    for m in sorted(after, key=lambda x: x.start):
        if m.start >= last and m not in found and _AND_GAP.fullmatch(text, last, m.start):
            found, listed, last = found + listed + [m], [], m.end
        elif m.start >= last and m not in found and _COMMA_GAP.fullmatch(text, last, m.start):
            listed, last = listed + [m], m.end
    return found


# The party a meeting or call was with, after words on how long or how: "spoke by phone for
# forty minutes with his counterpart, X".
WITH_NEAR = re.compile(r"\bwith\s+(?:(?:his|her|their|its|the)\s+)?(?:[\w’'\-]+\s+){0,3}?"
                       r"(?:counterparts?,?\s+)?$")


# ---- the subject a verb takes among the names before it (used by events) ----------

# "Chile, Peru and the Bolivian government": names joined into one subject.
_AND_THE = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:the\s+)?|[-–]")   # ("Chad-Sudan")


_PROMPTED = re.compile(r"\b(?:prompt|forc|lead|led|push|spurr?|caus|driv|drove|persuad|"
                       r"convinc)(?:e|es|ed|ing)?\s+$")
_OPENS_CLAUSE = re.compile(r"\b(?:after|before|when|while|because|since|until|as)\s")


def leading(text: str, mentions: list[Mention], joined_to: int | None = None) -> list[Mention]:
    """The clause's first subject: the first mention and those joined after it by ',' /
    'and' ("Brazil and South Africa condemned ... and expressed support": both). A verb
    joined by "and" to one at `joined_to` inside a clause of its own ("..., a week after a
    Hungarian guard shot and wounded") is done by that clause's subject."""
    last = mentions[-1]
    if _PROMPTED.search(text, max(0, last.start - 30), last.start) and re.match(
            r"\s+to\s+[a-z]", text[last.end:last.end + 8]):
        return [last]   # "..., prompting Warsaw to summon": Warsaw summons
    opens = list(_OPENS_CLAUSE.finditer(text, mentions[0].start, joined_to)) \
        if joined_to is not None else []
    if opens:
        mentions = [m for m in mentions if opens[-1].end() <= m.start < joined_to] or mentions
    group = [mentions[0]]
    for m in mentions[1:]:
        last = group[-1]
        if (m.start, m.end) == (last.start, last.end) or \
                _AND_THE.fullmatch(text, last.end, m.start):
            group.append(m)
        else:
            break
    return group


_JOINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")


def joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The first mention and those joined after it by ',' / 'and' ("urged Norway and
    Sweden to")."""
    group = mentions[:1]
    for m in mentions[1:]:
        if (m.start, m.end) == (group[-1].start, group[-1].end):
            group.append(m)   # "urged both governments": a pair on one span
            continue
        if not _JOINED.fullmatch(text, group[-1].end, m.start) or m.via == "pronoun":
            break
        group.append(m)
    return group


# "Chile's foreign minister and Peru's", "The Chilean minister and the Peruvian": each
# state's officer, joined.
_OFFICE_AND = re.compile(r"(?:[’']s)?\s+(?:[a-z\-]+\s+){0,3}(?:ministers?|president|leaders?|"
                         r"ambassadors?|envoys?|delegations?|officials?|chiefs?|commanders?|"
                         r"negotiators?|delegates?|spokes(?:man|woman|person))\s+and\s+"
                         r"(?:the\s+|his\s+|her\s+|their\s+)?")


# ", and Congo's foreign trade minister, " before a titled name: one more of the subjects.
_AND_TITLED = re.compile(r",?\s+and\s+(?:[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)?[’']s\s+)?"
                         r"(?:[a-z\-]+\s+){0,4}[a-z\-]+,\s+")


def coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    """The subject: the last mention and those joined to it by ',' / 'and' ("Chile,
    Peru, and Bolivia")."""
    # "Armenian Prime Minister A and Azerbaijani President B", "President A of Peru and
    # President B of Chile": a title's state belongs to its person, not to the chain.
    # ("Morocco's embassy in Freetown handed": the seat of the embassy does not act.)
    kept = [m for i, m in enumerate(mentions) if m.via != "title-prefix" and not (
        i and m.kind == "state" and mentions[i - 1].kind == "person"
        and re.fullmatch(r",?\s+(?:of|from)\s+(?:the\s+)?", text[mentions[i - 1].end:m.start]))
        # ("In Lima, Chile met Peru": a place the sentence opens with does not act)
        and not (text[m.end:m.end + 1] == "," and re.search(
            r"(?:^|[.;]\s+|\n)\s*(?:In|At|From|Near)\s+$", text[max(0, m.start - 12):m.start]))
        # ("Kubanych Sydykov, secretary-general of the Organization of Turkic States, is")
        and not (i and mentions[i - 1].kind == "person" and re.fullmatch(
            r",\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){1,3}(?:of|at|for)\s+(?:the\s+)?",
            text[mentions[i - 1].end:m.start]))
        # ("The Lake Chad Rights Observatory, a Nigerian monitoring group, accused")
        and not (i and m.via == "demonym" and mentions[i - 1].kind in ("organization", "person")
                 and re.fullmatch(r",\s+(?:an?|the)\s+(?:[a-z][\w\-]*\s+)?",
                                  text[mentions[i - 1].end:m.start]))
        and not (i and re.fullmatch(r"(?:[’']s\s+(?:ambassador|envoy|embassy|consul|mission|"
                                    r"delegation|representative)s?)?\s+in\s+",
                                    text[mentions[i - 1].end:m.start])
                 and (mentions[i - 1].kind != "state" or text[mentions[i - 1].end] != " "))]
    mentions = kept or mentions
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        gap = text[m.end:group[0].start]
        if (m.start, m.end) == (group[0].start, group[0].end) or group[0].via == "pronoun":
            # ("talks between A and B, and he urged": a pronoun is a subject alone, with
            # the others it stands for.)
            if (m.start, m.end) != (group[0].start, group[0].end):
                break
            group.insert(0, m)
        elif \
                _AND_THE.fullmatch(gap) or re.fullmatch(
                    # "X and his Cambodian counterpart, Chea Sovannara,"
                    r",?\s+and\s+(?:his|her|their)\s+(?:[A-Z][\w\-]*\s+)?counterparts?,?\s+",
                    gap) or (m.kind in ("state", "organization")
                             and _OFFICE_AND.fullmatch(gap)) or (
                    group[0].via == "title" and _AND_TITLED.fullmatch(gap)) or (
                    group[0].via == "title" and re.fullmatch(
                        r"(?:,?\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*)?"
                        r"\s*(?:,|,?\s+and)\s+(?:[A-Z][\w’'.\-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?)"
                        r"{1,6}", gap)):
            group.insert(0, m)
        else:
            break
    return group


def guests(text: str, invited: Any, before: list[Mention], subject: list[Mention],
           mutual: bool) -> list[Mention]:
    """Who comes to the meeting an invitation proposes: those invited (named between the
    invitation and the act), with the host when they meet ("invited her to talks")."""
    invitees = [m for m in before if invited.end <= m.start]
    if not invitees and invited.trigger.phrase.startswith("accept"):
        # "and that Castro had accepted an invitation to visit Rabat": the one who accepted
        return [m for m in before if m.end <= invited.start][-1:] or subject
    if not invitees:
        return subject
    host = leading(text, [m for m in before if m.end <= invited.start] or invitees)
    return (host + invitees) if mutual else invitees


def recaller(reg: Registry, t: Any, patient: list[Mention], text: str,
             after: Sequence[Mention]) -> list[Mention]:
    """Who does an act told in the passive with no agent: an envoy summoned or allowed a
    visit, the state it serves in (`summoner`); an envoy recalled ("Vahtra was called home
    for consultations"), the envoy's own state; a person held, tried or sent away in a
    capital or a state ("Qureshi was arrested in New Delhi"), that state. Empty for any
    other act."""
    code = t.trigger
    home = reg.actors[patient[0].actor].get("parent") if patient else None
    own = state_of(reg, patient[0].actor) if patient else None   # (the patient's side)
    if code.phrase.startswith(("summon", "allow", "permit", "grant")) and patient:
        # ("was summoned", "the consul was allowed to visit"): by the state it serves in
        return summoner(reg, patient[0], text, after)
    if code.cameo_code == "161" and home in reg.actors:
        return [Mention(patient[0].start, patient[0].start, home, reg.actors[home]["kind"],
                        "again")]
    if code.plover_type not in ("COERCE", "SANCTION", "RETREAT", "REJECT"):
        return []
    # (or the state named: "two Malian traders were arrested in Niger")
    seat = next((m for m in after if m.kind == "state" and m.via in ("capital", "name")
                 and m.actor != own
                 and re.search(r"\b(?:in|at)\s+$", text[max(0, m.start - 4):m.start])), None)
    if seat is not None:
        return [Mention(seat.start, seat.start, seat.actor, seat.kind, "again")]
    # ("Two Malian traders were detained", "the Bangladeshi consuls were turned away"): a
    # side's own people, held, freed or turned away by the other side of the story; not
    # what is said to be done or not ("said the ship would not be released"), nor a
    # timeline's present ("the crew are freed after nine days")
    unsure = re.search(r"\b(?:not|never|would|will|could|may|might|should|must|is|are)\b",
                       text[patient[0].end:t.start]) if patient else True
    return summoner(reg, patient[0], text, []) if own in reg.actors and not unsure else []


def summoned_by(reg: Registry, code: Any, owned: Sequence[Mention], text: str
                ) -> list[Mention]:
    """Who summoned the envoy of the owner first in `owned` ("Ghana's envoy was summoned":
    by whom?), for a summons; [] for any other act done to what someone owns."""
    return summoner(reg, owned[0], text, owned[1:]) if "summon" in code.phrase else []


def summoner(reg: Registry, envoy: Mention, text: str, after: Sequence[Mention]
             ) -> list[Mention]:
    """Who summons an envoy told in the passive with no agent: the ministry or state it was
    summoned to ("was summoned to the Namibian foreign ministry"), else the state of the
    capital it serves in ("Croatia's chargé d'affaires in Belgrade was summoned"), else the
    state the story is filed from, else the story's other state ([] when none holds)."""
    home = state_of(reg, envoy.actor)
    to = next((m for m in after if state_of(reg, m.actor) not in (None, home) and re.search(
        r"\bto\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,3}$", text[max(0, m.start - 40):m.start])), None)
    posted = next((m for m in reg.sorted() if envoy.end <= m.start < envoy.end + 60
                   and m.via == "capital" and state_of(reg, m.actor) not in (None, home)
                   and re.search(r"\bin\s+$", text[max(0, m.start - 4):m.start])), None)
    found = to or posted
    if found is not None:
        return [Mention(found.start, found.start, found.actor, found.kind, "again")]
    filed = dateline_state(text, reg)
    others = [m.actor for m in story_pair(reg, envoy.start) if m.actor != home]
    host = filed if filed not in (None, home) else others[0] if len(others) == 1 else None
    return [Mention(envoy.start, envoy.start, host, reg.actors[host]["kind"], "again")] \
        if host in reg.actors else []


# ", she said, " between a subject and its verb: a saying's tag set into the clause.
_TAG = re.compile(r",\s+(?:he|she|they|it|officials|diplomats|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
                  r"\s+(?:said|says|added|noted|insisted|claimed|argued|recalled|told\s+\w+)"
                  r",\s+(?:(?:has|have|had|will|would|also|then|now|later|quietly)\s+){0,2}$")


def tagged_subject(text: str, lo: int, at: int, mentions: list[Mention]) -> list[Mention]:
    """"Thailand, she said, opened the crossing": the subject before the saying's tag set
    between it and the verb at `at`, not the sayer; [] when there is no such tag."""
    tag = _TAG.search(text, lo, at)
    if tag is None:
        return []
    first = [m for m in mentions if lo <= m.start and m.end <= tag.start()]
    if not first or text[first[-1].end:tag.start()].strip():
        return []
    return coordinated(text, [m for m in first if m.start >= first[-1].start - 80])


# A sentence that opens with the call it tells of: "In a telephone call on Tuesday, ".
_OPENING_CALL = re.compile(r"\s*(?:[A-Z][A-Z\s,.’'\-]+\s+[—–\-]+\s+)?(?:In|During|Over)\s+"
                           r"(?:a|an|the|their|his|her)\s+(?:[\w\-]+\s+){0,2}$")


def call_parties(text: str, lo: int, t: Any, local: list[Mention]) -> list[Mention]:
    """"In a telephone call on Tuesday, Rusu assured her counterpart, Dragomir, ...": the
    two sides of the call the sentence opens with, the clause's subject and the one it
    spoke to ([] when the sentence does not open so, or names fewer than two)."""
    comma = text.find(",", t.end)
    if not _OPENING_CALL.fullmatch(text, lo, t.start) or comma < 0:
        return []
    parties: list[Mention] = []
    for m in local:
        if m.start > comma and m.kind in ("person", "state") and \
                m.actor not in {p.actor for p in parties}:
            parties.append(m)
    return parties[:2] if len(parties) >= 2 else []


# Acts told with no doer ("a drone strike on a market"): the agent is drafted as unnamed.
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "RETREAT"})
_SOME_THING = re.compile(r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w\-]*\s+){1,2}")
# A bench no table names: "A military court sentenced him", "A Tulsa County jury convicted".
_BENCH = re.compile(r"\s*(?:(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]wo|[Tt]hree|[Ss]ome)\s+)?"
                    r"(?:[\w\-]+\s+){0,3}?(?:court|jury|judge|tribunal|magistrate|embassy|envoy|"
                    r"delegation|police|officers|marines|guards|troops|soldiers|prosecutors|"
                    r"investigators|inspectors|negotiators|teams?|commission|council|committee|"
                    r"parliament|parties|lawmakers|authorities|officials|units)(?:,\s*(?:however|meanwhile|though|"
                    r"in\s+turn),)?\s+(?:(?:in|of)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:province|"
                    r"region|district|state|county))?\s+)?(?:(?:also|then|later|had|has|have|will|"
                    r"would)\s+)?")


def unnamed_thing(reg: Registry, text: str, c0: int, t: Any, noun: bool) -> list[Mention]:
    """An unnamed agent for the act `t`, told without its doer, whose subject is a thing
    ("a landmine wounded": who laid it?); [] else."""
    return [unnamed(reg, t.start)] if not noun and t.trigger.plover_type in AGENTLESS_TYPES \
        and _SOME_THING.fullmatch(text, c0, t.start) else []


def unnamed_body(reg: Registry, text: str, c0: int, at: int, noun: bool) -> list[Mention]:
    """A court, jury, police or a team no table or sentence before names, as the subject
    of the act at `at` ("A military court sentenced him", "Technical teams will meet"):
    an unnamed agent for the analyst to name; [] when the subject is no such body."""
    comma = text.rfind(", ", c0, at)   # ("At Tuesday's hearing, prosecutors charged")
    opened = comma > c0 and _OPENER.match(text, c0, comma)
    return [] if noun or not (_BENCH.fullmatch(text, c0, at) or opened and _BENCH.fullmatch(
        text, comma + 1, at)) else [unnamed(reg, at)]


_OPENER = re.compile(r"\s*(?:At|In|On|After|During|Later|Earlier|Late|Early|Last|Meanwhile|"
                     r"Separately|Elsewhere|By|That)\b[^,;:]*$")

