"""Phrases that point back at actors already named: "the two ministers", "both
countries", "their presidents", "the paramilitary group".

A report names the parties once and then refers to them as a pair; without this the
second sentence ("The two leaders also signed ...") has no subject and its events are
lost. Each phrase becomes mentions of the actors it points back to, all on the phrase's
own span, so the event finder reads it as a coordinated subject ("A and B").
"""

from __future__ import annotations

import re

from briefing.draft.actors import Mention, Registry, state_of
from briefing.draft.clauses import dateline_spans
from briefing.draft.gazetteer import load_gazetteer
from briefing.draft.homes import dateline_state

# The head noun says what kind of actor the pair is: people or states.
_PEOPLE = r"(?:(?:foreign|defence|defense|interior|trade|finance|energy|fisheries|health|" \
          r"agriculture|justice|transport)\s+)?" \
          r"(?:ministers|leaders|presidents|prime ministers|heads of state|envoys|officials|" \
          r"diplomats|counterparts|commanders|generals|army chiefs|negotiators|ambassadors)"
_STATES = r"(?:countries|states|nations|governments|sides|capitals|neighbours|neighbors|" \
          r"(?:\w+\s+)?ministries|delegations|parties|armies|militaries|navies|coastguards|" \
          r"(?:coast|border)\s+guards)"
_PAIR = re.compile(
    rf"\b(?:[Tt]he\s+(?P<n>two|three|four)|[Aa]ll\s+(?P<all>three|four)|[Bb]oth(?:\s+the)?|"
    # "The countries signed": a story's two, with no number said
    rf"[Tt]he(?=\s+(?:countries|neighbours|neighbors|sides)\b"
    rf"(?!\s+(?:of|in|that|which|who|involved|concerned)\b))|"
    rf"[Tt]heir(?=\s+(?:(?!the\b)[a-z]+\s+)?{_PEOPLE}))\s+(?:(?:(?!the\b)[a-z]+\s+)?"
    # ("their cyber officials"; "The two Heads of State", as communiqués write it)
    rf"(?P<people>(?i:{_PEOPLE}))|(?P<states>(?i:{_STATES})))\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# A phrase for the two states as what the verb acts on, or who it is done with or to.
_AS_OBJECT = re.compile(r"\b(?:with|to|between|urged|asked|told|called\s+on|invited)\s+$")
_COUNT = {"two": 2, "three": 3, "four": 4}
# A body two states share, or their ministers named by office alone at a sentence's start.
_STARTS = r"(?:(?<=^)|(?<=\.\s)|(?<=\n))"   # at a sentence's start
_JOINT = re.compile(r"\b[Tt]he\s+(?:new\s+)?joint\s+(?:[a-z]+\s+)?(?:committee|commission|"
                    r"task force|working group|team)\b(?!\s+of\b)|" + _STARTS +
                    # "A joint inspection commission will hold its first meeting", "The full
                    # commission is due to meet"
                    r"(?:A\s+joint\s+(?:[a-z\-]+\s+){0,2}?|The\s+(?:full|mixed|bilateral|border|"
                    r"boundary|permanent)\s+(?:[a-z]+\s+)?)(?:committee|commission|council|"
                    r"task force|working group|team|panel)\b(?!\s+of\b)|"
                    r"(?:(?<=^)|(?<=\.\s)|(?<=\n)|(?<=\bsaid\s)|(?<=\bthat\s))"
                    r"(?i:trade|foreign|defence|defense|interior|finance|energy|fisheries|"
                    r"agriculture|justice|transport)\s+ministers\b")
# "a 2022 transit accord", "the 1998 agreement": an accord of a year, its parties unnamed.
_DATED_ACCORD = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<y>(?:19|20)\d\d)\s+(?="
                           r"(?:[a-z][\w\-]*\s+){0,3}(?:agreement|accord|treaty|protocol|pact)"
                           r"\b)")
# "the accord signed in 2015", "replaces the one signed in 2015", "The lease, signed in
# December 2023,": the parties unnamed.
_SIGNED_IN = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w\-]*\s+){0,3}?(?P<y>accord|"
                        r"agreement|treaty|protocol|pact|lease|one)(?=,?\s+signed\s+(?:in|on)\s+"
                        r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b)")
# "his government", "her country": the state of the person named last before.
# "He said the government had recalled ...": the speaker's, unless another is named.
_OWN_STATE = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?:government|country|nation|administration)\b|"
                        r"(?<=\bsaid\s)the\s+government\b(?!\s+(?:of|in)\b)")
# "the government": a government that names no state.
_THE_GOVERNMENT = re.compile(r"\b[Tt]he\s+government\b(?!\s+(?:of|in)\b)(?![’']s)|"
                             r"\b[Aa]\s+government(?=\s+(?:statement|spokes(?:man|woman|person))\b)")
# "Burkina Faso and Niger, allies of Mali, said they would ...": the subject that says.
# ("said on Monday it would", "told reporters that it had": the saying's date or hearers
# may come between.)
_SAID_THEY = re.compile(r"\b(?:(?:said|says|say|added|announced|stated|warned|insisted)"
                        r"(?:\s+(?:on|in|late|early|last|this)\s+\w+(?:\s+\d{1,2})?)?|"
                        r"told\s+(?:reporters|journalists|parliament|lawmakers|(?P<hearer>[A-Z]"
                        r"[\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)))"
                        r",?\s+(?:that\s+)?(?P<p>they|it)\b"
                        # ("told Italy it will not renew", not "told Italy it must leave")
                        r"(?(hearer)(?!\s+(?:must|should|ought|had\s+to|has\s+to|needs?\s+to|"
                        r"needed\s+to|would\s+have\s+to|was\s+(?:expected|required))\b))")
# ("The San José-based court": the court named before)
_BODY = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?-based\s+)?"
                   r"(?P<head>council|commission|court|union|community|tribunal|"
                   r"organi[sz]ation|agency|forum|assembly|mission|secretariat|committee|bank|"
                   r"fund|ministry|federation|association|co-?operative|authority|board|"
                   r"directorate|institute|foundation|confederation|chamber|league|regulator|"
                   r"watchdog)\b(?!\s+of\b)(?![’']s\s+own\b)|"
                   # "A department spokesperson denied": the department named before
                   r"\b(?:[Aa]n?|[Tt]he)\s+(?P<office>department|ministry|embassy)(?=\s+(?:"
                   r"spokes(?:man|woman|person)|official|source)\b)")
_GROUP = re.compile(r"\b[Tt]he\s+(?:(?:armed|paramilitary|rebel|militant|militia|regional|"
                    r"economic|trade|military)\s+)?(?:group|militia|movement|rebels|"
                    r"paramilitaries|bloc|alliance|(?P<firm>company|firm))\b(?!\s+of\b)|"
                    r"(?P<bloc>\b(?:[Tt]he|[A-Z]\w+(?:\s+[A-Z]\w+)?['’]s)\s+regional\s+bloc\b)")

# "The summit gave the junta until Dec. 31": a bloc's summit as the subject of an act.
_SUMMIT = re.compile(r"\b[Tt]he\s+(?:(?:emergency|extraordinary|special)\s+)?summit\b"
                     r"(?=\s+(?:also\s+|then\s+)?(?!(?:was|is|has|had|will|would|opened|"
                     r"ended|closed|began|started)\b)(?:[a-z]+ed|gave|took|made|set|sent|told|"
                     r"said|put|kept|let|held|threw|struck)\b)")


def _bloc_named_next(text: str, g: re.Match[str], named: list[Mention]) -> list[Mention]:
    """"Central Africa's regional bloc threatened ... The warning from ECCAS": the regional
    bloc a "regional bloc" names, when the story names it in its next sentence ([] when it
    does not, or `g` is no regional bloc)."""
    if not g.group("bloc"):
        return []
    ends = _SENTENCE_END.finditer(text, g.end())
    next(ends, None)   # (the end of the bloc's own sentence)
    bound = next(ends, None)
    bound = bound.end() if bound else len(text)
    unions = load_gazetteer().organizations
    return [m for m in named if g.end() < m.start < bound
            and unions.get(m.actor, {}).get("kind") == "union"][:1]


def _last_distinct(mentions: list[Mention], before: int, kinds: set[str], n: int,
                   text: str) -> list[str]:
    out: list[str] = []
    for m in reversed(mentions):
        if m.start >= before or m.kind not in kinds or m.actor in out:
            continue
        out.append(m.actor)
        if len(out) == n:
            break
    return out[::-1]


_OFFICES = {"leaders": ("President", "Prime Minister", "King", "Emir", "Chancellor", "Premier",
                        "Sultan", "Leader"),
            "presidents": ("President",), "prime ministers": ("Prime Minister", "Premier"),
            "heads of state": ("President", "King", "Queen", "Emir", "Sultan")}


def _holds(reg: Registry, actor: str, head: str) -> bool:
    """Whether a person's role is the office a plural names ("the two foreign ministers")."""
    role = str(reg.actors.get(actor, {}).get("role", ""))
    head = " ".join(head.lower().split())
    offices = _OFFICES.get(head) or (head[:-1].title(),)   # "foreign ministers"
    return any(o.lower() in role.lower() and not role.lower().startswith(("vice ", "deputy "))
               for o in offices)


def _story_states(named: list[Mention], before: int, recent: list[str],
                  reg: Registry) -> list[str]:
    """"The two governments" after "Cambodia, which shares the river, has not
    commented": a state named once in passing (or far less often) gives way to one the
    story keeps naming (its bodies and people named count for it: "Azerbaijani units")."""
    counts: dict[str, int] = {}
    for m in named:
        state = state_of(reg, m.actor)
        if m.start < before and state:
            counts[state] = counts.get(state, 0) + 1
    out = list(recent)
    for i, a in sorted(enumerate(out), key=lambda x: counts.get(x[1], 0)):
        rival = max((b for b in counts if b not in out), key=lambda b: counts[b], default=None)
        if rival is not None and counts[rival] >= 3 and (
                counts.get(a, 0) == 1 or counts.get(a, 0) < counts[rival]):
            out[i] = rival
    return sorted(out, key=lambda a: max(m.start for m in named
                                         if m.actor == a and m.start < before))


# "Each side accused the other of ...": the story's two states, each doing it.
_EACH = re.compile(r"\b[Ee]ach\s+(?:side|country|government|capital)\b"
                   r"(?=\s+(?:\w+\s+){0,2}?[a-z]+(?:ed|s)\s+the\s+other\b)")


def pair_mentions(text: str, reg: Registry) -> list[Mention]:
    """Mentions for "the two X", "both X", "their X" (the last two people or states named
    before; "the three X" the last three), "his government" (the state of the person
    named last before) and "the group" (the last armed group or organisation named
    before)."""
    named = [m for m in reg.sorted() if m.via not in ("pronoun", "pair", "group",
                                                      "own-state")
             # ("due to meet in Addis Ababa": a venue is not a party to the story)
             and not re.search(r"\b(?:in|at|near)\s+$", text[max(0, m.start - 6):m.start])]
    out: list[Mention] = []
    for p in _PAIR.finditer(text):
        if reg.taken(p.start(), p.end()):
            continue
        kinds = {"person"} if p.group("people") else {"state"}
        n = _COUNT[p.group("n") or p.group("all") or "two"]
        actors = _last_distinct(named, p.start(), kinds, n, text)
        if kinds == {"person"}:
            # "the two leaders" after two spokesmen spoke: the leaders named before.
            fit = _last_distinct([m for m in named if _holds(reg, m.actor, p.group("people"))],
                                 p.start(), kinds, n, text)
            actors = fit if len(fit) == n else actors
            if len(actors) < n:
                # "the two transport ministers", none of them named: the two states' own
                states = _last_distinct(named, p.start(), {"state"}, n, text)
                actors = _story_states(named, p.start(), states, reg)
        if kinds == {"state"}:
            if _AS_OBJECT.search(text, max(0, p.start() - 24), p.start()):
                # "Uruguay said it was in contact with both governments": the two are
                # others than the sentence's own states
                lead = max(text.rfind(". ", 0, p.start()), text.rfind("\n", 0, p.start()))
                own = {m.actor for m in named if lead < m.start < p.start()}
                actors = _last_distinct([m for m in named if m.actor not in own],
                                        p.start(), kinds, n, text) or actors
            actors = _story_states(named, p.start(), actors, reg)
        if len(actors) == n:
            out += [reg.mention(p.start(), p.end(), a, "pair") for a in actors]
    for j in [*_JOINT.finditer(text), *_EACH.finditer(text)]:
        # "The joint committee is due to meet", "Trade ministers will meet": the story's
        # two states, together.
        actors = _story_states(named, j.start(), _last_distinct(named, j.start(), {"state"},
                                                                2, text), reg)
        if not reg.taken(j.start(), j.end()) and len(actors) == 2:
            out += [reg.mention(j.start(), j.end(), a, "pair") for a in actors]
    for d in [*_DATED_ACCORD.finditer(text), *_SIGNED_IN.finditer(text)]:
        # "breaches a 2022 transit accord": an accord the story's two states signed then.
        actors = _story_states(named, d.start(), _last_distinct(named, d.start(), {"state"},
                                                                2, text), reg)
        if not reg.taken(d.start("y"), d.end("y")) and len(actors) == 2:
            out += [reg.mention(d.start("y"), d.end("y"), a, "pair") for a in actors]
    filed = [b for _a, b in dateline_spans(text)]   # (the sentence starts after a dateline)
    for t in _SAID_THEY.finditer(text):
        if reg.taken(t.start("p"), t.end("p")):
            continue
        dot = text.rfind(". ", 0, t.start())
        start = max([dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, t.start()) + 1] + [
            b for b in filed if b <= t.start()])
        lead = [m for m in named if start <= m.start < t.start()
                and m.kind in ("state", "organization")]
        pair = [m for m in out if start <= m.start < t.start()]
        if pair and len(text[start:pair[0].start].split()) <= 1 and t.group("p") == "they":
            # "The two ministers said they had agreed": the pair says it of itself.
            same = [m for m in pair if (m.start, m.end) == (pair[0].start, pair[0].end)]
            out += [reg.mention(t.start("p"), t.end("p"), m.actor, "pronoun") for m in same]
            continue
        sayer = [m for m in lead if not text[m.end:t.start()].strip()]
        if t.group("p") == "it" and sayer and sayer[-1].actor != lead[0].actor and re.search(
                r"[,;]|\b(?:while|whereas)\b", text[lead[0].end:sayer[-1].start]):
            # ("X telephoned Y, while Mozambique said on Wednesday it could not"): the sayer
            out.append(reg.mention(t.start("p"), t.end("p"), sayer[-1].actor, "pronoun"))
            continue
        if not lead or len(text[start:lead[0].start].split()) > 3:
            continue
        group = [lead[0]]
        for m in lead[1:]:
            if re.fullmatch(r"\s*(?:,|,?\s+and)\s*(?:the\s+)?", text[group[-1].end:m.start]) \
                    and not re.match(r"[’']s\b", text[m.end:]):   # not "Mali's allies"
                group.append(m)
            else:
                break
        if (t.group("p") == "it") == (len(group) == 1):
            out += [reg.mention(t.start("p"), t.end("p"), m.actor, "pronoun") for m in group]
    for g in _OWN_STATE.finditer(text):
        if reg.taken(g.start(), g.end()):
            continue
        people = [m for m in named if m.start < g.start() and m.kind == "person"]
        state = reg.actors[people[-1].actor].get("parent") if people else None
        lead = max(text.rfind(". ", 0, g.start()), text.rfind("\n", 0, g.start()))
        states = [m for m in named if lead < m.start < g.start() and m.kind == "state"]
        if states and not (people and people[-1].start > lead):
            # "The state's information minister said his country would": no one named, the
            # state of the sentence's unnamed official.
            state = states[-1].actor
        if state in reg.actors and reg.actors[state].get("kind") == "state":
            out.append(reg.mention(g.start(), g.end(), state, "own-state"))
        elif people and people[-1].start > lead and text[g.start()] in "Hh":   # (her state
            # unknown: she speaks for it)
            out.append(reg.mention(g.start(), g.end(), people[-1].actor, "own-state"))
    home = None
    for g in _THE_GOVERNMENT.finditer(text):
        # "UNHCR appealed to the government": in a story filed from a capital, with no other
        # state named in its sentence before it, that capital's state
        lead = max(text.rfind(". ", 0, g.start()), text.rfind("\n", 0, g.start()))
        if reg.taken(g.start(), g.end()) or any(
                lead < m.start < g.start() and m.kind == "state" and m.via != "capital"
                for m in named):
            continue
        home = home or dateline_state(text, reg)
        if home:
            out.append(reg.mention(g.start(), g.end(), home, "own-state"))
    tables = load_gazetteer().organizations   # (the bodies the gazetteer knows)
    for g in _GROUP.finditer(text):
        if reg.taken(g.start(), g.end()):
            continue
        # ("the company": a firm, neither a body the gazetteer knows nor a news outlet)
        groups = [m for m in named if m.start < g.start()
                  and reg.actors[m.actor].get("kind") in ("group", "organization")
                  and not reg.actors[m.actor].get("parent") and not (g.group("firm") and (
                      m.actor in tables or reg.actors[m.actor].get("news")))] \
            or _bloc_named_next(text, g, named)
        if groups:
            out.append(reg.mention(g.start(), g.end(), groups[-1].actor, "group"))
    for g in _SUMMIT.finditer(text):
        # "The summit turned down Senegal's request": the bloc named before, whose summit
        blocs = [m for m in named if m.start < g.start()
                 and tables.get(m.actor, {}).get("kind") == "union"]
        if blocs and not reg.taken(g.start(), g.end()):
            out.append(reg.mention(g.start(), g.end(), blocs[-1].actor, "group"))
    for g in _BODY.finditer(text):
        # "The council also called on ...": the body named before whose name holds "Council"
        head = (g.group("head") or g.group("office")).lower().replace("organis", "organiz")
        bodies = [m for m in named if m.start < g.start() and m.kind == "organization"
                  and (head in reg.actors[m.actor]["name"].lower().replace("organis", "organiz")
                       or g.group("office") and reg.actors[m.actor].get("parent")
                       # ("the AU observer mission ... . The mission urged": the AU's)
                       or re.match(rf"\s+(?:[a-z]+\s+)?{head}\b", text[m.end:m.end + 40]))]
        if bodies and not reg.taken(g.start(), g.end()):
            out.append(reg.mention(g.start(), g.end(), bodies[-1].actor, "group"))
    return out


# "The statement also called on ...", "Its communiqué urged": a document told of before.
_DOCUMENT = re.compile(r"^\s*(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+"
                       r"(?:[a-z\-]+\s+){0,2}(?P<doc>statement|communiqu[eé]|declaration|"
                       r"resolution|letter|note|readout|text|decree)\s+(?:(?:also|further|"
                       r"has|have|had|will|would|then|now|\w+ly)\s+){0,3}$")


def document_issuers(text: str, c0: int, at: int, mentions: list[Mention]) -> list[Mention]:
    """Who issued the document a clause opens with ("The statement called on Bolivia"):
    the subject of the last earlier sentence that names a document of that kind ("Chile
    and Peru issued a joint statement"); [] when the clause opens otherwise."""
    from briefing.draft.subjects import leading

    m = _DOCUMENT.match(text[c0:at])
    if not m:
        return []
    before = [x for x in re.finditer(rf"\b{m.group('doc')}s?\b", text[:c0], re.IGNORECASE)]
    if not before:
        return []
    # Its first mention tells who issued it ("Leaders ... closed the summit by adopting a
    # communiqué"); later ones may name who objects to it ("Oman declined to endorse the
    # communiqué's clause"). The issuers stand at `at` in this clause, not back there.
    hit = before[0].start()
    start = max(text.rfind(". ", 0, hit), text.rfind("\n", 0, hit)) + 1
    named = [x for x in mentions if start <= x.start and x.end <= hit
             and x.via not in ("pronoun",)]
    return [Mention(c0, c0, x.actor, x.kind, "document")
            for x in leading(text, named)] if named else []


# "The minister warned ...": a person named before by that office, met again by it alone.
# (capitalised too, as formal registers write it: "The President", "the Sultan")
_THE_OFFICE = re.compile(r"\b[Tt]he\s+(?P<office>(?i:(?:foreign\s+|defence\s+|prime\s+)?minister|"
                         r"president|envoy|ambassador|spokesman|spokeswoman|spokesperson|"
                         r"king|queen|emir|sultan|chancellor|premier))\b"
                         r"(?!\s+(?:of|for|to)\b)(?!\s+[A-Z])(?!’s|'s)")
# "Its foreign ministry rejected ...": the state the sentence before told of.
# (the mention runs to the body's noun: "Its mines ministry suspended" has no verb "mines")
_ITS_BODY = re.compile(r"\b(?P<its>[Ii]ts)\s+(?:[a-z]+\s+){0,2}(?:ministry|government|army|"
                       r"military|embassy|president|spokesman|spokeswoman|leader|navy|"
                       r"diplomats|officials|envoys?|ambassador|negotiators|delegation|officer|"
                       r"representative|minister)\b")


# ("his government" is _OWN_STATE's, read in pair_mentions)
_HER_BODY = re.compile(r"\b(?P<her>[Hh](?:is|er))\s+(?:[a-z]+\s+){0,1}(?:ministry|"
                       r"embassy|office|spokesman|spokeswoman|spokesperson)\b"
                       r"(?!\s+(?:said|says|added|announced|confirmed|stated)\b)")   # (its voice)


# "... Kenya accused Uganda of stalling. A spokesperson urged Kampala to ...": one who
# speaks for the state or body the sentence before opened with, at a sentence's start.
_A_SPOKESMAN = re.compile(r"(?:An?|The)\s+(?:(?:government|ministry|foreign\s+ministry)\s+)?"
                          r"spokes(?:man|woman|person)\b(?!\s+(?:for|of|at)\b)(?!,?\s+[A-Z])")


def office_mentions(text: str, sentences: list[dict], reg: Registry) -> list[Mention]:
    """"The minister" for the last person named before whose role holds that office;
    "Its foreign ministry" for the state first named in its sentence before it or in the
    sentence before; "A spokesperson" opening a sentence for the state or body the
    sentence before opened with."""
    people = [m for m in reg.sorted() if m.kind == "person" and m.via not in ("pronoun",)]
    # ("Croatia's defence ministry said its navy would": a state's body speaks for it)
    states = [m for m in reg.sorted() if m.via not in ("title-prefix",) and (
        m.kind == "state" or m.kind == "organization" and m.via == "body")]
    out: list[Mention] = []
    for p in _THE_OFFICE.finditer(text):
        if reg.taken(p.start(), p.end()):
            continue
        office = " ".join(p.group("office").lower().split())
        last = next((m for m in reversed(people) if m.start < p.start() and office.split()[-1]
                     in str(reg.actors[m.actor].get("role", "")).lower()), None)
        if last is not None:
            out.append(reg.mention(p.start(), p.end(), last.actor, "office"))
    starts = [s["start"] for s in sentences]
    for i, s0 in enumerate(starts[1:], 1):
        p = _A_SPOKESMAN.match(text, s0)
        if p is None or reg.taken(p.start(), p.end()):
            continue
        opener = next((m for m in states if starts[i - 1] <= m.start < s0), None)
        if opener is not None and len(text[starts[i - 1]:opener.start].split()) <= 2:
            out.append(reg.mention(p.start(), p.end(), opener.actor, "pronoun"))
    for p in _HER_BODY.finditer(text):
        # "Ecuador's Energy Minister Paola Cevallos ... . In a statement, her ministry denied":
        # the body of the state of the person named last, in its sentence or the one before
        i = max((k for k, s0 in enumerate(starts) if s0 <= p.start()), default=0)
        last = next((m for m in reversed(people) if starts[max(0, i - 1)] <= m.start
                     < p.start()), None)
        state = state_of(reg, last.actor) if last is not None else None
        # (as the subject only: "a readout issued by his ministry" names no doer)
        if state and not reg.taken(p.start(), p.end()) and re.search(
                r"(?:^|,)\s*$", text[starts[i]:p.start()]):
            out.append(reg.mention(p.start(), p.end(), state, "pronoun"))
    for p in _ITS_BODY.finditer(text):
        if reg.taken(p.start(), p.end("its")):
            continue
        i = max((k for k, s0 in enumerate(starts) if s0 <= p.start()), default=0)
        here = [m for m in states if starts[i] <= m.start < p.start()]
        if not here and i > 0:
            here = [m for m in states if starts[i - 1] <= m.start < starts[i]]
        if here:
            # (a subject opening the sentence only: "recalled its ambassador" keeps the
            # ambassador, "its largest military exercise" the exercise)
            end = p.end() if p.group("its") == "Its" else p.end("its")
            out.append(reg.mention(p.start(), end, state_of(reg, here[0].actor) or here[0].actor,
                                   "pronoun"))
    return out
