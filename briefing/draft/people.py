"""People: a title and a name ("Chilean Foreign Minister Ana Lopez"), a name before a
speech verb ("Ana Lopez said"), a name the fact base knows; then their later mentions
(the surname alone; "he"/"she" are `pronouns.py`)."""

from __future__ import annotations

import re
from typing import Any

from briefing.draft.actors import Mention, Registry, slug, their_own
from briefing.text import QUOTED

# Latin letters with their accents ("Óscar", "Jankauskienė", "Łukasz", "Şahin").
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
_NAME_WORD = (rf"[{_UPPER}][{_LOWER}’']+(?:-[{_UPPER}]?[{_LOWER}’']+)*")   # "Takht-Ravanchi"
_PARTICLE = r"(?:al|el|bin|ibn|de|da|del|van|von|der|le|la|di|dos)"
_LINK = rf"(?:{_PARTICLE}[\s-]+)?"   # "Hamad bin Faleh al-Ghanem": a particle inside a name
_GAP = r"[^\S\n]+"   # between a name's words: never a line break (a headline ends there)
# ("Hon. Dr. Amina Otieno", "H.E. Joseph Banda", "Brig. Ana Ruiz", Malaysia's "Tan Sri")
_HONORIFIC = (r"(?:(?:Mr|Mrs|Ms|Dr|Hon|H\.E|Brig|Gen|Col|Maj|Capt|Lt|Cmdr|Adm)\.\s+|"
              r"(?:(?:Dato|Datuk|Datin)[’']?(?:\s+Seri)?|Tan\s+Sri|Toh\s+Puan|Tun)\s+(?=[A-Z]))+")
# A state's formal style before its name: "the United Republic of Tanzania".
_FORMAL = (r"^(?:(?:United|Federal|Islamic|Democratic|Socialist|Plurinational|Bolivarian)\s+)*"
           r"(?:Republic|Kingdom|Sultanate|State|Emirate|Principality)\s+of\s+(?:the\s+)?")
# Capitalised words that never start or continue a person's name.
_NOT_NAME = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December", "The", "A", "An", "He", "She",
             "They", "It", "We", "In", "On", "At", "But", "And", "However", "Although",
             "While", "After", "Before", "Once", "This", "That", "Within", "Neither", "By"}
NAME = rf"(?:{_HONORIFIC})?{_NAME_WORD}(?:{_GAP}{_LINK}{_NAME_WORD}){{0,4}}"
# Two to four name words as a group `name`, not inside a word: "Hamad bin Faleh al-Ghanem".
_NAMED = rf"(?<![\w’'])(?P<name>{_NAME_WORD}(?:{_GAP}{_LINK}{_NAME_WORD}){{1,3}})"
# Words written before a name that are not the name: "Sheikh Mohammed ...".
_COURTESY = {"Sheikh", "Sheikha", "Sheik", "Prof", "Prof.", "Dr", "Dr.", "Mr", "Mrs", "Ms"}


_W = r"[A-Z][\w.]*"   # a capitalised word of an office's name


def _title_pattern(titles: list[str], states: list[str]) -> re.Pattern[str]:
    title = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    state = "|".join(re.escape(s) for s in sorted(states, key=len, reverse=True))
    # "[former] [Chilean|Peru's|U.S.] [UN] Foreign Minister[ for Fisheries,] Ana Lopez"
    # A title starts a word: "systems.\nIranian Foreign Minister ..." holds no "Ms.".
    return re.compile(
        rf"(?<![\w\-])(?:(?P<former>[Ff]ormer)\s+)?(?:(?P<state>{state})(?:[’']s)?\s+)?"
        rf"(?P<title>(?i:{title}))"
        # ("Minister of Commerce, Trade and Industry, Chanda Mwale": a list in the office)
        # ("minister of territorial administration, Paul Essomba": an office in lower case)
        rf"(?:(?P<of>\s+(?:for|to|of|at|in)\s+(?:the\s+)?"
        rf"(?:{_W}(?:\s+{_W})*|[a-z]{{4,}}(?:\s+[a-z]{{4,}})?)(?:(?:,\s+{_W}(?:\s+{_W})*)*"
        rf"\s+and\s+{_W}(?:\s+{_W})*)?,)|"
        # the formal register: "President of the Republic of Serbia Dusan Petrovic",
        # "Minister of Foreign Affairs of Cyprus Andreas Loizou"
        rf"(?P<office>\s+(?:of|for)\s+(?:the\s+)?{_MINISTRY})?(?P<formal>\s+of\s+(?:the\s+)?"
        rf"(?:(?:Republic|Kingdom|Federation|State|Sultanate|Principality)\s+of\s+"
        rf"(?:the\s+)?)?(?P<ofstate>{state}))?)"
        rf",?\s+(?P<name>{NAME})")


# What a minister is "of" in the formal register: "Minister of Foreign Affairs".
# ("Minister of State for Defence Affairs", "Minister of Lands and Natural Resources")
_MINISTRY = (r"(?:(?:[A-Z][\w\-]*|and)\s+){0,4}(?:Affairs|Defence|Defense|Interior|Justice|"
             r"Finance|Economy|Trade|Energy|Health|Education|Culture|Tourism|Agriculture|"
             r"Fisheries|Mines|Transport|Resources|Development|Relations|Cooperation|"
             r"Integration|Security|Industry|Planning|Works|Environment|Communications|"
             r"Information|Lands|Mining|Water|Labour|Labor|Commerce|Investment|Infrastructure|"
             r"Employment|Migration|Welfare|Sport|Sports|Youth|Power|Aviation|"
             r"Shipping|Ports|Housing)"
             # (not a body's name: "the Southern African Development Community")
             r"(?!\s+(?:Community|Organi[sz]ation|Union|Commission|Bank|Authority|Council|"
             r"Agency|Fund|Programme|Forum|Association|Secretariat|Board|Committee|Bureau|"
             r"Institute|Cent(?:re|er)|Office|Corporation|Company|Group|Partnership)\b)")


def _trim(name: str) -> str:
    """The name without honorific and without trailing words that are not names."""
    name = re.sub(rf"^{_HONORIFIC}", "", name)
    name = re.sub(r"[’']s?$", "", name)   # "Lopez’s remarks": the possessive is not the name
    words = name.split()
    while words and words[-1] in _NOT_NAME:
        words.pop()
    return " ".join(words)


def register_person(reg: Registry, name: str, fields: dict) -> str:
    for a in reg.actors.values():
        if a["kind"] == "person" and (a["name"] == name or a["name"].endswith(" " + name)):
            return a["id"]
    words = name.split()
    for a in reg.actors.values():
        if a["kind"] == "person" and len(words) > 1 and a["name"] in (words[0], words[-1]):
            # ("President Kang" read first, "Kang Min-ho, President of ..." later: one)
            a.update({k: v for k, v in fields.items() if v and not a.get(k)}, name=name)
            return a["id"]
    known = reg.known.get(name)
    if known and known["kind"] == "person":
        fields = {**fields, "name": known["name"], "country": known["country"] or
                  fields.get("country", ""), "role": known["role"] or fields.get("role", "")}
        return reg.add(known["id"], fields)
    return reg.add(slug(name), {"name": name, **fields})


def _prefixes(words: str) -> list[str]:
    """"United States and" → ["United States and", "United States", "United"]."""
    parts = words.split()
    return [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]


def find_people(text: str, reg: Registry) -> None:
    g = reg.gazetteer
    states = [f for f, p in g.forms.items() if p.kind == "state"]
    pattern = _title_pattern(list(g.titles), states)
    for m in pattern.finditer(text):
        name = _trim(m.group("name"))
        # "Director General Rafael Grossi": title words after the title go to the role.
        words, lead = name.split(), []
        while len(words) > 2 and (words[0].lower() in g.titles or words[0] in _COURTESY):
            lead.append(words.pop(0))
        name = " ".join(words)
        if not name or name.split()[0] in _NOT_NAME or name in g.forms or all(
                w.lower() in g.titles for w in name.split()):
            continue   # ("the Secretary General to": a title, no name)
        nstart = m.start("name") + m.group("name").find(name)
        nend = nstart + len(name)
        if reg.taken(nstart, nend) or text[m.start("title"):nend] in g.forms:
            continue   # "General Assembly": a body's name that starts like a title
        office = g.titles[m.group("title").lower()]
        more = [w for w in lead if w.lower() in g.titles and w not in _COURTESY]
        if more:
            office = " ".join([office, *more])
        if office.lower() == "counterpart":
            # "his Kenyan counterpart, Wanjiru Odhiambo": the office of the person whose
            # counterpart she is, in her own state.
            prior = [a for a in reg.actors.values() if a["kind"] == "person" and a.get("role")]
            if prior:
                office = prior[-1]["role"].split(",")[0]
        said = m.group("state") or m.group("ofstate")
        country = g.forms[said].key if said else ""
        role = office
        if m.group("of"):
            role = f"{office} {m.group('of').strip(' ,')}"
        elif m.group("office"):
            role = f"{office} {' '.join(m.group('office').split())}"
        if country:
            role = f"{role}, {g.countries[country]['name']}" if office else role
        if m.group("former") and role:
            role = f"former {role}"
        if not country:
            # "President Ana Rojas of Peru": the state after the name.
            after = re.match(r",?\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w’'.\- ]{1,40}?)"
                             r"(?=[\s,.;]|$)", text[nend:nend + 48])
            place = next((g.forms[w] for w in _prefixes(after.group(1))
                          if w in g.forms), None) if after else None
            if place is not None and place.kind == "state":
                country = place.key
                role = f"{role}, {g.countries[country]['name']}" if role else role
        fields = {"kind": "person", "country": country, "role": role,
                  "reason": f"title '{m.group('title')}' before a name"}
        if country:
            fields["parent"] = reg.state(country, f"gazetteer: {m.group('state')}")
        actor = register_person(reg, name, fields)
        reg.mention(nstart, nend, actor, "title")
        where = "state" if m.group("state") else "ofstate"
        if country and not reg.taken(m.start(where), m.end(where)):
            # "Chilean" in "Chilean Foreign Minister Ana Lopez" names her state, but
            # the state is not a participant of what he does: marked so events skip it.
            reg.mention(m.start(where), m.end(where), fields["parent"], "title-prefix")
    _known_people(text, reg)
    _speakers(text, reg)
    _appositives(text, reg)
    _named_after(text, reg)
    _sworn_in(text, reg)
    _aged(text, reg)
    _possessed(text, reg)
    _later_mentions(text, reg)


def titles_and_states(g: Any) -> tuple[str, str]:
    """The gazetteer's titles and states' names as regex alternations, longest first."""
    titles = "|".join(re.escape(t) for t in sorted(g.titles, key=len, reverse=True))
    states = "|".join(re.escape(f) for f, p in sorted(g.forms.items(), key=lambda x: -len(x[0]))
                      if p.kind == "state")
    return titles, states


def person_fields(reg: Registry, title: str, country: str, reason: str) -> dict:
    """A person's fields from a title the gazetteer knows and a state's key (or "")."""
    g = reg.gazetteer
    role = g.titles[title.lower()]
    fields = {"kind": "person", "country": country,
              "role": f"{role}, {g.countries[country]['name']}" if country else role,
              "reason": reason}
    if country:
        fields["parent"] = reg.state(country, f"gazetteer: {g.countries[country]['name']}")
    return fields


def _appositives(text: str, reg: Registry) -> None:
    # A name followed by what the person is: "Yara Haddad, a spokeswoman for the army,";
    # "Lars Berg, Sweden's defence minister,": the state's person.
    g = reg.gazetteer
    titles, states = titles_and_states(g)
    for m in re.finditer(_NAMED + rf",\s+"
                         rf"(?:then\s+|now\s+)?(?:(?:a|an|the|its|his|her|their|"
                         rf"(?P<state>{states})(?:[’']s)?|"
                         rf"[A-Z][A-Za-z]*[A-Z][’']s)\s+"   # ("Ana Ruiz, UNHCR's envoy,")
                         # ("an exiled Mauritanian opposition figure")
                         rf"(?:[a-z][\w’'\-]*\s+|[A-Z][a-z]+(?:an|ian|ese|i|ish)\s+){{0,3}}?"
                         rf"(?P<title>(?i:{titles}))\b(?!\s+[{_UPPER}])"   # not "X, Bolivian
                         rf"|(?P<bare>[a-zA-Z][a-zA-Z\- ]+?)\s+of\b)", text):   # President Luis"
        # ("Kubanych Sydykov, secretary-general of the Organization of Turkic States";
        # "Azman Hakim, Prime Minister of Malaysia")
        if m.group("bare") is not None and m.group("bare").lower() not in g.titles:
            continue
        name = _free_name(m, reg)
        start = m.start("name") + m.group("name").find(_trim(m.group("name")))   # (honorific)
        # ("H.E. Dr. Ana Moyo, President of ...": met before with no role: it is given now)
        bare = next((x.actor for x in reg.mentions if x.start == start and x.kind == "person"
                     and not (reg.actors[x.actor].get("role")
                              and reg.actors[x.actor].get("country"))), None) \
            if name is None else None
        if name is None and bare is None:
            continue
        country = g.forms[m.group("state")].key if m.group("state") else ""
        of = re.match(r"\s+(?:the\s+)?([A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*)*)",
                      text[m.end():])
        place = of.group(1).rstrip(".") if of else ""   # ("... of Malaysia.")
        place = re.sub(_FORMAL, "", place) if place not in g.forms else place
        if m.group("bare") and place in g.forms and \
                g.forms[place].kind == "state":   # ("president of Chile")
            country = g.forms[place].key
        title = m.group("title") or m.group("bare")
        fields = person_fields(reg, title, country, f"name before '{title}'")
        if bare is not None:
            a = reg.actors[bare]
            a.update({k: v for k, v in fields.items() if v and (not a.get(k) or k == "role"
                                                                 and country)})
            continue
        actor = register_person(reg, name, fields)
        reg.mention(start, start + len(name), actor, "name")


def _named_after(text: str, reg: Registry) -> None:
    # What the person is, then the name between commas: "The head of the mission, Joseph
    # Ebanga, said", "The opposition candidate, Marta Lima, says".
    g = reg.gazetteer
    titles, _states = titles_and_states(g)
    for m in re.finditer(rf"(?<![\w’'])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w\-]*"
                         rf"\s+){{0,3}}?(?P<title>(?i:{titles})|head|candidate|owner)(?:\s+of\s+"
                         rf"(?:the\s+)?[\w\-’']+(?:\s+[\w\-’']+){{0,4}}?)?,\s+(?P<name>{_NAME_WORD}"
                         rf"(?:{_GAP}{_NAME_WORD}){{1,3}}),", text):
        if (name := _free_name(m, reg)) is None:
            continue
        role = g.titles.get(m.group("title").lower(), m.group("title").capitalize())
        actor = register_person(reg, name, {"kind": "person", "country": "", "role": role,
                                             "reason": f"name after '{m.group('title')}'"})
        reg.mention(m.start("name"), m.start("name") + len(name), actor, "name")


def _sworn_in(text: str, reg: Registry) -> None:
    # A name made what it is: "Abena Mensah was sworn in as Ghana's foreign minister".
    g = reg.gazetteer
    titles, states = titles_and_states(g)
    for m in re.finditer(_NAMED + rf",?\s+(?:who\s+)?(?:(?:was|has\s+been|had\s+been|is)\s+"
                         rf"(?:sworn\s+in|appointed|named|elected|confirmed)\s+(?:as\s+)?|"
                         rf"(?:had|has)\s+been\s+|became\s+)"   # ("X had been foreign minister")
                         rf"(?:(?:the\s+)?(?P<state>{states})(?:[’']s)?\s+|the\s+|its\s+)?"
                         rf"(?:new\s+|first\s+|acting\s+)?(?P<title>(?i:{titles}))\b", text):
        head = re.match(r"(?:When|Since|As|If|Until|Where|Once)\s+", m.group("name"))
        skip = head.end() if head else 0   # ("When Abena Mensah was sworn in as ...")
        if (name := _free_name(m, reg, skip)) is None:
            continue
        country = g.forms[m.group("state")].key if m.group("state") else ""
        fields = person_fields(reg, m.group("title"), country, f"name made '{m.group('title')}'")
        actor = register_person(reg, name, fields)
        reg.mention(m.start("name") + skip, m.start("name") + skip + len(name), actor, "name")


def _free_name(m: re.Match[str], reg: Registry, skip: int = 0) -> str | None:
    """The whole name a match's group `name` holds (past its first `skip` characters),
    unless it is a single word, a place, a body's or a state's, or already someone's."""
    g, name, start = reg.gazetteer, _trim(m.group("name")[skip:]), m.start("name") + skip
    if len(name.split()) < 2 or name.split()[0] in _NOT_NAME or name in g.forms \
            or reg.taken(start, start + len(name)) \
            or any(w in g.forms and g.forms[w].via != "capital" or w in g.org_heads
                   for w in name.split()):
        return None   # (a capital may be a family name: "Marta Lima")
    return name


def _aged(text: str, reg: Registry) -> None:
    """A name followed by an age ("Viorel Cebotari, 52, whose company ...") or by what the
    person does ("Yusuf Banda, who chairs the hauliers' association,"): a person."""
    for m in re.finditer(_NAMED + r",\s+"
                         r"(?:\d{1,3},|who\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b)", text):
        if (name := _free_name(m, reg)) is None:
            continue
        actor = register_person(reg, name, {"kind": "person", "country": "", "role": "",
                                             "reason": "a name followed by an age or 'who'"})
        reg.mention(m.start("name"), m.start("name") + len(name), actor, "name")


# A verb right after a name: "Germany's Katrin Albers-Lenz announced", "Poland's X, was".
_ACTS_NEXT = re.compile(r",?\s+(?:[a-z]+ly\s+)?(?:said|says|told|struck|was|is|has|had|"
                        r"(?!need|seed|feed|speed|breed|shed|red)[a-z]{3,}ed)\b")


def _possessed(text: str, reg: Registry) -> None:
    # "Panama's Rodrigo Achurra spoke ... Achurra said": a state's named person with no
    # title, a person because the text goes on to call them by the last name alone.
    g = reg.gazetteer
    states = "|".join(re.escape(f) for f, p in sorted(g.forms.items(), key=lambda x: -len(x[0]))
                      if p.kind == "state" and p.via in ("name", "alias"))
    for m in re.finditer(rf"(?<![\w.])(?P<state>{states})[’']s\s+"
                         rf"(?P<name>{_NAME_WORD}(?:{_GAP}{_NAME_WORD}){{1,2}})(?![’'\w])", text):
        name = _trim(m.group("name"))
        words = name.split()
        start = m.start("name")
        if len(words) < 2 or words[0] in _NOT_NAME or reg.taken(start, start + len(name)) \
                or any(w in g.forms or w in g.org_heads or w.lower() in g.titles
                       or w in g.news_words for w in words):
            continue
        # the last name used again ("Achurra said", not "Rodrigo Achurra" once more)
        alone = rf"(?<![\w’'\-])(?<!{re.escape(words[-2])}\s){re.escape(words[-1])}(?![\w\-])"
        # (not inside another name: "Fiji's Lau Islands" is not met again alone in
        # "Solomon Islands")
        acts = _ACTS_NEXT.match(text, start + len(name))
        if not acts and not any(
                not start <= x.start() < start + len(name) and not (
                (w := re.search(r"([A-Z][\w’'\-]*)\s+$", text[max(0, x.start() - 30):x.start()]))
                and w.group(1).lower() not in g.titles and w.group(1) not in _COURTESY)
                for x in re.finditer(alone, text)):
            continue
        country = g.forms[m.group("state")].key
        fields = {"kind": "person", "country": country, "role": "",
                  "parent": reg.state(country, f"gazetteer: {m.group('state')}"),
                  "reason": f"named as {m.group('state')}'s, "
                            + ("then acting" if acts else "then by the last name alone")}
        reg.mention(start, start + len(name), register_person(reg, name, fields), "name")


def _known_people(text: str, reg: Registry) -> None:
    names = [n for n, k in reg.known.items() if k["kind"] == "person"]
    if not names:
        return
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for m in re.finditer(rf"(?<!\w)(?:{alts})(?!\w)", text):
        if reg.taken(m.start(), m.end()):
            continue
        k = reg.known[m.group(0)]
        fields = {"kind": "person", "country": k["country"], "role": k["role"],
                  "reason": f"known actor '{k['name']}'"}
        if k["country"] in reg.gazetteer.countries:
            fields["parent"] = reg.state(k["country"], f"known actor '{k['name']}'")
        reg.mention(m.start(), m.end(), register_person(reg, k["name"], fields), "known")


def _speakers(text: str, reg: Registry) -> None:
    # Two or more capitalised words right before a speech verb: "Ana Lopez said"; or after
    # it, past a quotation: '"We will respond," said Ana Lopez.'
    verbs = "|".join(sorted(reg.gazetteer.speech_verbs, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w’'])(?P<name>{_NAME_WORD}(?:{_GAP}{_NAME_WORD}){{1,2}})"
                         rf",?\s+(?:{verbs})\b|[,”\"]\s+(?:{verbs})\s+(?P<after>{_NAME_WORD}"
                         rf"(?:{_GAP}{_LINK}{_NAME_WORD}){{1,3}})(?=[.,;])", text):
        group = "name" if m.group("name") else "after"
        name = _trim(m.group(group))
        if len(name.split()) < 2 or name.split()[0] in _NOT_NAME or name in reg.gazetteer.forms \
                or name.split()[-1] in reg.gazetteer.org_heads or re.sub(
                    r"[’']s$", "", name.split()[0]) in reg.gazetteer.forms \
                or any(w in reg.gazetteer.news_words for w in name.split()):
            continue   # "The Andes Wire Agency reported": a body, not a person
        start = m.start(group)
        if reg.taken(start, start + len(name)) or any(
                w in reg.gazetteer.forms for w in name.split()) \
                or re.search(r"\b(?:of|for)\s+(?:the\s+)?$", text[max(0, start - 12):start]):
            continue   # "the Department of Foreign Affairs said": a body's name
        actor = register_person(reg, name, {"kind": "person", "country": "", "role": "",
                                             "reason": "capitalised name before a speech verb"})
        reg.mention(start, start + len(name), actor, "name")


def _later_mentions(text: str, reg: Registry) -> None:
    people = [a for a in reg.actors.values() if a["kind"] == "person"]
    surnames: dict[str, set[str]] = {}
    for a in people:
        words = a["name"].split()
        if len(words) > 1:
            surnames.setdefault(words[-1], set()).add(a["id"])
    for a in people:
        # "Chea Sovannara" goes on as "Chea" (a family name written first, a Thai given
        # name), "Marta Benítez Ocampo" as "Benítez" (a Spanish name's first surname).
        for first in a["name"].split()[:-1] if len(a["name"].split()) in (2, 3) else []:
            if len(first) >= 3 and first[0].isupper() and first not in _NOT_NAME \
                    and first not in reg.gazetteer.forms and first not in surnames \
                    and first.lower() not in reg.gazetteer.titles:
                surnames.setdefault(first, set()).add(a["id"])
    for surname, ids in surnames.items():
        if len(ids) != 1:
            continue   # two people share the surname: a bare surname cannot be told apart
        actor = next(iter(ids))
        for m in re.finditer(rf"(?<![\w’']){re.escape(surname)}(?![\w])", text):
            if not reg.taken(m.start(), m.end()):
                reg.mention(m.start(), m.end(), actor, "surname")


_IT = re.compile(r"\b(?:It|it)\b(?!\s+(?:is|was|has been|had been|remains|remained|seems|"
                 r"seemed|appears|appeared)\b)(?=\s+[“\"]?(?:\w+ly\s+)?[a-z])")
_IT_OPENS = re.compile(r"(?:^\s*|[,;]\s+|\b(?i:and|but|yet|that|what|said|says)\s+)$")
# A sentence opened by when it happened: "On June 3 it suspended", "Last week it said".
_TIME_OPENS = re.compile(r"\s*(?:On|In|Last|Earlier|Later|By|Since|Then|Hours|Days|Weeks)\b"
                         r"[^,.;:“\"]{0,25}?,?\s+")


def it_mentions(text: str, sentences: list[dict], reg: Registry) -> list[Mention]:
    """"it" as a subject, outside quotes, is the state or body first named before it in its
    sentence, else in the sentence before ("Somalia summoned Kenya's envoy to protest what
    it called an incursion"; "The ministry said ... It demanded"); else it is left alone."""
    # ("In a statement from Libreville, the commission says it": a venue is not "it")
    bodies = [m for m in reg.sorted() if m.kind in ("state", "organization")
              and m.via not in ("title-prefix",) and not (m.via == "capital" and re.search(
                  r"\b(?:in|at|from|near)\s+$", text[max(0, m.start - 6):m.start]))]
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    out: list[Mention] = []
    for i, s in enumerate(sentences):
        for p in _IT.finditer(text[:s["end"]], s["start"]):
            # ("two trawlers it accused of fishing": a contact clause's subject too)
            contact = re.search(r"\b[a-z]{3,}s\s+$", text[max(s["start"], p.start() - 12):
                                                           p.start()]) and \
                re.match(r"it\s+[a-z]{3,}ed\b", text[p.start():])
            if any(a <= p.start() < b for a, b in quoted) or reg.taken(p.start(), p.end()) \
                    or not (contact or _IT_OPENS.search(
                        text[max(s["start"], p.start() - 8):p.start()])
                        or _TIME_OPENS.fullmatch(text, s["start"], p.start())):
                continue
            here = [m for m in bodies if s["start"] <= m.start < p.start()]
            if contact:   # the subject of the verb before the noun, the nearest one
                here = [m for m in here
                        if re.search(r"\b[a-z]{3,}ed\b", text[m.end:p.start()])][-1:]
            if not here and i > 0:
                prev = sentences[i - 1]
                # (or the "it" the sentence before stood for: "It calls on ...")
                here = [m for m in bodies if prev["start"] <= m.start < prev["end"]] or [
                    m for m in out if prev["start"] <= m.start < prev["end"]][:1]
            if here:
                out.append(reg.mention(p.start(), p.end(), here[0].actor, "pronoun"))
    return out


# "They agreed"; "..., during which they agreed", "where they signed": the sentence's own.
_WHICH_THEY = re.compile(r"(?:\b(?:during|at|after|in)\s+which|,\s+where|,\s+when|,\s+and)\s+$")
# A dateline before a sentence's first name ("Ha Noi (LHNA) – President ...").
_DATELINE_LEAD = re.compile(r"(?:[A-Z][\w’'.]*,?\s+){1,4}(?:\([^()\n]{1,40}\)\s*)?[-–—]+\s+")
_PLURAL_SAYS = re.compile(r"\s*(?:The\s+|Some\s+|Many\s+)?(?!(?:two|both|three)\b)(?:[a-z]+\s+)?"
                          r"(?![Mm]inisters|[Ll]eaders|[Pp]residents|[Gg]overnments|[Oo]fficials)"
                          r"[A-Z]?[a-z]{3,}s\s+(?:told|said|say|says|recalled|described)\b")
_THEY = re.compile(r"\b(?:They|they)\b(?!\s+(?:are|were|have been|had been|remain|remained|"
                   r"seem|seemed|appear|appeared)\b)(?=\s+[“\"]?(?:\w+ly\s+)?[a-z])")


def they_mentions(text: str, sentences: list[dict], reg: Registry) -> list[Mention]:
    """"they" as a subject, outside quotes, is the group of two or more states, bodies or
    people that opens the sentence before ("Norway and Sweden held talks. They agreed") or
    its own ("... held a summit, during which they agreed"); anything else is left alone."""
    from briefing.draft.subjects import joined

    named = [m for m in reg.sorted() if m.kind in ("state", "organization", "person")
             and m.via not in ("title-prefix", "pronoun")]
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    out: list[Mention] = []
    for i, s in enumerate(sentences):
        if not _THEY.search(text, s["start"], s["end"]):
            continue
        if plural := _PLURAL_SAYS.match(text, s["start"]):
            out += their_own(text, s, plural, reg, _THEY)   # ("Survivors told ... that they")
            continue
        for src, opens in ((sentences[i - 1], _IT_OPENS), (s, _WHICH_THEY))[i == 0:]:
            lead = _DATELINE_LEAD.match(text, src["start"])   # ("Ha Noi (LHNA) – President")
            opening = [m for m in named if (lead.end() if lead else src["start"]) <= m.start
                       < src["end"]]
            if not opening or len(text[src["start"]:opening[0].start].split()) > 6:
                continue
            first = joined(text, opening)
            for m in opening[len(first):len(first) + 1]:
                if re.fullmatch(r"\s+and\s+(?:[A-Z][\w\-]*\s+){1,3}", text[first[-1].end:m.start]):
                    first = [*first, m]   # ("Tran Minh Khoa and Philippine President X")
            group = list(dict.fromkeys(m.actor for m in first))
            one = opening[0]   # ("Moldovan prosecutors accuse ... . They asked Interpol")
            if len(group) < 2 and not (src is not s and reg.actors[one.actor].get("kind") ==
                                       "organization" and re.search(r"\b[a-z]+s$",
                                                                    text[one.start:one.end])):
                continue
            for p in _THEY.finditer(text, max(s["start"], first[-1].end), s["end"]):
                if any(a <= p.start() < b for a, b in quoted) or reg.taken(p.start(), p.end()) \
                        or not opens.search(text[max(s["start"], p.start() - 16):p.start()]):
                    continue
                out += [reg.mention(p.start(), p.end(), a, "pronoun") for a in group]
    return out
