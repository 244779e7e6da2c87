"""Events: each trigger in a sentence, with who does it to whom (from the clause around
it), its status, its date and its source; and unknown capitalised subjects as actors."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from briefing.draft.actors import Mention, Registry, slug
from briefing.draft.attribution import Said
from briefing.draft.dates import find_dates
from briefing.draft.evidence import quote
from briefing.draft.sources import PENDING, TODO, Sources
from briefing.draft.summary import built_summary, clause_summary
from briefing.draft.triggers import find_triggers, status
from briefing.draft.when import (
    BACKGROUND,
    NEGATED_PERFECT,
    PRESENT,
    VERBAL,
    event_date,
    saying_date,
)

_BREAK = re.compile(r"[;—]|,\s+(?:while|which|but|even as|following|although|after|before)\b"
                    r"|,\s+and\s+(?=[A-Z])|\s+but\s+")
_FUTURE = re.compile(r"\b(?:will|would|shall|to be|is due|are due|is to|are to)\b")
_ADJECTIVE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our)|[’']s)\s+$", re.IGNORECASE)


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_ABOUT = re.compile(r"\b(?:about|over|regarding|concerning)\s+(?:the\s+)?$",
                    re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her)\s+$",
                                re.IGNORECASE)
_BY = re.compile(r"(?:\s+[\w’'\-]+){0,5}?\s+by\s+(?:the\s+)?")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "’s", "'s", "s"}
_PREPOSITIONS = {"about", "on", "over", "for", "of", "to", "with", "against", "after", "before",
                 "following", "since", "during", "in", "at", "from", "into", "by", "and", "or"}


def _modifies(gap: str) -> bool:
    """Whether a mention followed by `gap` modifies the noun after it ("U.S. strikes",
    "Peru’s deadly strikes"), rather than standing apart ("Lopez about the ceasefire")."""
    if not gap.strip():
        return True
    if not re.match(r"[’']s\b", gap):
        return False   # "condemned the attack": a verb stands between
    words = [w for w in re.findall(r"[\w’'\-]+", gap) if w.lower() not in _DETERMINERS]
    return len(words) <= 1 and not (words and words[0].lower() in _PREPOSITIONS)


# What may stand between a state's adjective and a person's name: title words.
_TITLE_AFTER = re.compile(r"(?:[’']s)?(?:,?\s+(?:[A-Z][\w\-]*|for|of|to|the|at)){1,6},?\s+")
_ASIDE = re.compile(r"—[^—\n]{1,200}—")


def _asides(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Dash-paired asides ("Lopez—whose party has ...—has shown"): the clause runs on
    around them, and nothing in them is the clause's subject."""
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]


def _clause(text: str, lo: int, hi: int, pos: int, end: int) -> tuple[int, int]:
    asides = _asides(text, lo, hi)
    inside = lambda i: any(a <= i < b for a, b in asides)  # noqa: E731
    start = lo
    for m in _BREAK.finditer(text, lo, pos):
        if inside(m.start()) or (m.group(0).startswith(",") and "and" in m.group(0)
                                 and not re.search(r"\b[a-z]{4,}\b", text[start:m.start()])):
            continue   # ", and" ends a clause, not a list of names ("Chile, Peru, and")
        start = m.end()
    stop = next((m for m in _BREAK.finditer(text, end, hi) if not inside(m.start())), None)
    return start, stop.start() if stop else hi


_AUX = r"(?:(?:has|have|had|will|would|is|are|was|were|did|does|do|also|not|yet|never|" \
       r"now|\w+ly)\s+){0,3}"
_SUBJECT = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?"
                      r"(?:\s+and\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)?)\s+" + _AUX + "$")
_NOT_SUBJECT = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That",
                "These", "Those", "There", "But", "And", "However", "Although", "While", "If",
                "When", "After", "Before", "On", "In", "At", "Last", "Next", "Neither",
                "Both", "Some", "Many", "Officials", "Sources", "Monday", "Tuesday",
                "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


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
                if name.split()[0] not in _NOT_SUBJECT and name not in reg.gazetteer.forms:
                    names.append(name)
    people = {w: a["id"] for a in reg.actors.values() if a["kind"] == "person"
              for w in a["name"].split()}
    for name in dict.fromkeys(names):
        if name in people:
            # "Wang" after "Wang Lu": a family name written first is still the person.
            for m in re.finditer(rf"(?<![\w’']){re.escape(name)}(?!\w)", text):
                if not reg.taken(m.start(), m.end()):
                    reg.mention(m.start(), m.end(), people[name], "surname")
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
        forms = [name] + ([adjective] if adjective else [])
        people_at = {m.start: m.actor for m in reg.mentions if m.kind == "person"}
        for form in forms:
            for m in re.finditer(rf"(?<![\w’']){re.escape(form)}(?!\w)", text):
                if reg.taken(m.start(), m.end()):
                    continue
                via = "subject" if form == name else "demonym"
                # "Veltravian Fisheries Minister Ilse Moor": the adjective names the
                # minister's state, it does not act.
                title = _TITLE_AFTER.match(text, m.end(), m.end() + 60)
                title_end = title.end() - m.end() if title else 0
                person = next((people_at[p] for p in sorted(people_at)
                               if m.end() < p <= m.end() + title_end), None)
                if person:
                    via = "title-prefix"
                    reg.actors[person].setdefault("parent", actor)
                reg.mention(m.start(), m.end(), actor, via)


# Mentions that go on with the actors of the sentence before ("he", "the two ministers",
# a surname): their undated act goes on that day too.
_CONTINUING = frozenset({"pronoun", "pair", "surname", "own-state", "again"})
# A verb after a relative clause, or joined by ", and" to one: the clause before it holds
# no subject of its own.
_RESUMED = re.compile(r"(?:^|,)\s*and\s+(?:\w+ly\s+)?$|^(?:which|who)\b[^,;]*,\s*(?:\w+ly\s+)?$")
_RELATIVE_END = re.compile(r"^[^,;]*,\s*(?:\w+ly\s+)?$")
# "farmers in the south of a state", "thousands of its nationals": people of a state, not its
# government (their protest is dissent, not a formal complaint).
_PEOPLE_OF = re.compile(r"\b[A-Za-z]+\s+(?:in|of|from)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")


def _leading(text: str, mentions: list[Mention]) -> list[Mention]:
    """The clause's first subject: the first mention and those joined after it by ',' /
    'and' ("Brazil and South Africa condemned ... and expressed support": both)."""
    group = [mentions[0]]
    for m in mentions[1:]:
        last = group[-1]
        if (m.start, m.end) == (last.start, last.end) or \
                re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", text[last.end:m.start]):
            group.append(m)
        else:
            break
    return group


def _coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    """The subject: the last mention and those joined to it by ',' / 'and' ("Chile,
    Peru, and Bolivia")."""
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        gap = text[m.end:group[0].start]
        if (m.start, m.end) == (group[0].start, group[0].end) or \
                re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", gap):
            group.insert(0, m)
        else:
            break
    return group


# Verbs whose "to"-infinitive names what is offered, asked or refused, not a second act:
# "offered to host talks", "urged the Assembly to open negotiations", "invited him to
# visit". The hand coding codes the appeal or the offer alone.
_CONTROL_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN"}
# ("... to show restraint and offered": after "and" a verb of its own, not the complement.)
_COMPLEMENT = re.compile(r"^(?:\s+[\w’'\-.]+){0,6}?\s+to\s+(?:(?!and\b)[\w’'\-]+\s+){0,6}$")
# "accused the army of shelling": what is alleged, not a second act.
_ALLEGED = re.compile(r"^(?:\s+[\w’'\-.]+){0,6}?\s+of\s+$")
# "Talks ... are scheduled for March 21": the status follows the noun.
_SCHEDULED = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
                        r"(?:scheduled|planned|expected|due|set)\b", re.IGNORECASE)
_PUT_OFF = re.compile(r"(?:\s+[\w’'\-]+){0,10}?\s+(?:was|were|has been|have been)\s+"
                      r"(?P<how>postponed|put off|delayed|deferred|cancell?ed|called off|"
                      r"scrapped)\b", re.IGNORECASE)
_AT_MEETING = re.compile(r"\b(?:at|after|during|before|on the sidelines of)\s+(?:a|an|the|this|"
                         r"last\s+week's|their)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
_ARMS_NOUN = re.compile(r"\s+(?:exports?|sales?|deliver(?:y|ies)|embargo|control|race|deals?|"
                        r"trade|suppl(?:y|ies)|shipments?|transfers?|packages?|imports?)\b")
# "The talks will continue on Friday": the noun's own future.
_WILL = re.compile(r"(?:\s+[\w’'\-]+){0,2}?\s+(?:will|shall)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\s+$")
_AND = re.compile(r"\s*(?:,|,?\s+and)\s*(?:the\s+)?")
# Types a nominal act may carry with no one named as doing it ("a drone strike on a
# market", "detentions were reported"): the agent is drafted as unnamed.
_AGENTLESS_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "RETREAT"}
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
UNNAMED = "unnamed-agent"


def unnamed_id(reg: Registry) -> str:
    """The unnamed agent is this article's alone: two articles' unknown attackers are not
    one actor."""
    return f"unnamed-{reg.scope}"[:64].rstrip("-") if reg.scope else UNNAMED


def _unnamed(reg: Registry, at: int) -> Mention:
    """The agent of a passive or nominal act that the text does not name."""
    reg.add(unnamed_id(reg), {"name": "Unnamed agent (the text does not say who)",
                              "kind": "unnamed", "country": "",
                              "reason": "passive voice or a noun with no agent: who acted "
                                        "is for the analyst"})
    return Mention(at, at, unnamed_id(reg), "unnamed", "agentless")


def _state_like(reg: Registry, actors: list[str]) -> bool:
    return all(reg.actors[a].get("kind") in ("state", "person") or
               (reg.actors[a].get("kind") == "organization" and reg.actors[a].get("country"))
               for a in actors)


def draft_events(text: str, body: list[dict], reg: Registry, pub: dt.date, said: list[Said],
            sources: Sources) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    from briefing.draft.triggers import Match, Trigger, plover_for

    out: list[tuple[dict[str, Any], tuple[int, int]]] = []
    mentions = [m for m in reg.sorted() if m.via != "title-prefix"]
    seen: set[tuple] = set()
    starts = [m.start for m in mentions]
    carry_next: dict[str, Any] | None = None
    carry: dict[str, Any] | None = None
    for s in body:
        lo, hi = s["start"], s["end"]
        local = mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        said_here = [x for x in said if x.content[0] < hi and lo < x.content[1]]
        dates = find_dates(text, lo, hi)
        previous: Match | None = None
        control: Match | None = None
        triggers = find_triggers(text, lo, hi)
        noun_starts = tuple(t.start for t in triggers if t.trigger.noun or
                            _DETERMINER_BEFORE.search(text, max(lo, t.start - 8), t.start))
        # The date a sentence without one of its own carries on: the last sentence's
        # that told of an event (a quote in between does not break the story).
        carry = carry_next if carry_next is not None else carry
        carry_next = None
        for t in triggers:
            if any(m.start <= t.start < m.end for m in local):
                continue   # "Rapid Support Forces": a word of a name, not an act
            prev, previous = previous, t
            if control is not None and not _BREAK.search(text, control.end, t.start) and (
                    (control.trigger.plover_type in _CONTROL_TYPES
                     and _COMPLEMENT.match(text[control.end:t.start]))
                    or (control.trigger.plover_type == "ACCUSE"
                        and _ALLEGED.match(text[control.end:t.start]))):
                continue   # "offered to host talks": the offer is the event
            if t.trigger.plover_type in _CONTROL_TYPES | {"ACCUSE"}:
                control = t
            c0, c1 = _clause(text, lo, hi, t.start, t.end)
            for x in said_here:
                # In reported speech the event's subject is inside what was said:
                # "Lopez said Peru has provided ..." — Peru provides, not Lopez. But
                # 'said “...” and urged': after the quote closes, the speaker acts again.
                if x.content[0] <= t.start < x.content[1] and not re.search(
                        r"[”\"]\s+and\s+(?:\w+ly\s+)?$", text[x.content[0]:t.start]):
                    c0, c1 = max(c0, x.content[0]), min(c1, x.content[1])
            if not t.trigger.noun and _ADJECTIVE.search(text, max(lo, t.start - 12), t.start) \
                    and text[t.start:t.end].endswith("ed"):
                continue   # "Peru’s alleged weapons": a participle used as an adjective
            if text[t.start:t.end].lower() == "armed" and re.match(r"\s+[a-z]+s\b",
                                                                   text[t.end:]):
                continue   # "armed groups", "armed forces": an adjective, not arming
            if text[t.start:t.end].lower() == "arms" and _ARMS_NOUN.match(text, t.end):
                continue   # "suspended arms exports": weapons, not arming
            if text[t.start:t.end].lower() == "supplies" and re.search(
                    r"(?<![\w’'])(?!also\b|still\b|now\b)[a-z]+(?<!ly)\s+$",
                    text[max(lo, t.start - 20):t.start]):
                continue   # "water supplies", "medical supplies": goods, not supplying
            asides = _asides(text, lo, hi)
            before = [m for m in local if c0 <= m.start and m.end <= t.start
                      and not any(a <= m.start < b for a, b in asides)]
            after = [m for m in local if t.end <= m.start and m.end <= c1]
            # "an attack", "the talks": a verb's form used as a noun.
            noun = t.trigger.noun or bool(_DETERMINER_BEFORE.search(text, max(lo, t.start - 8),
                                                                    t.start))
            light = noun and reg.gazetteer.light_verbs.search(text, max(c0, t.start - 40),
                                                               t.start)
            if light:
                noun = False   # "Chile postponed a visit": Chile's act, its status 'postponed'
            word = text[t.start:t.end].split()[0]
            passive = not noun and not word.endswith("ing") \
                and _PASSIVE.search(text[c0:t.start])
            agent = _BY.match(text, t.end, c1)
            agent_mentions = [m for m in after if agent and m.start == agent.end()]
            if not noun and not passive and agent_mentions and word.endswith("ed") \
                    and re.match(r"\s+by\b", text[t.end:]):
                passive = True   # "an accord signed by the two governments"
            patient: list[Mention] = []
            between = [m for m in after if _BETWEEN.search(text, max(t.end, m.start - 12),
                                                           m.start)]
            if noun:
                # "the U.S. strikes", "Israeli airstrikes": the actor modifies the noun;
                # "an attack by Houthi rebels": the actor follows "by"; "talks between A
                # and B", "the war between A and B": both sides act.
                before = [m for m in before if _modifies(text[m.end:t.start])]
                if not before and agent_mentions:
                    # "the arrest of two journalists by Ethiopian police": the "of" object
                    # undergoes it, the "by" agent does it.
                    before, after = agent_mentions, [m for m in after
                                                     if m.end <= agent_mentions[0].start]
                elif not before and between:
                    first = between[0]
                    group = [first] + [m for m in after if m is not first and (
                        (m.start, m.end) == (first.start, first.end) or
                        m.start > first.start and _AND.fullmatch(text[first.end:m.start]))]
                    before, after = group, []
                if not before:
                    if _DEFINITE.search(text, max(lo, t.start - 24), t.start):
                        merged = _merge(out, text, t, c0, c1, dates, pub, lo)
                        if merged is True:
                            continue   # "the strike" again: one happening, more evidence
                        if merged and t.trigger.mutual:
                            # "The talks will continue on Friday": the same parties meet
                            # again, another time.
                            before = [Mention(t.start, t.start, a, reg.actors[a]["kind"],
                                              "again")
                                      for a in merged["participants"]["actor"]]
                    if not before and t.trigger.mutual and _AT_MEETING.search(
                            text, max(lo, t.start - 24), t.start):
                        # "pledged aid at a conference in Paris", "a statement issued
                        # after a summit in Abuja": the sentence's subject met there.
                        first = [m for m in local if lo <= m.start and m.end <= t.start
                                 and not any(a <= m.start < b for a, b in asides)]
                        before = _leading(text, first) if first else []
                    if not before and t.trigger.plover_type in _AGENTLESS_TYPES:
                        before = [_unnamed(reg, t.start)]
            elif passive:
                # "Three soldiers were killed by Houthi rebels": the agent acts on the
                # subject; without an agent the act is still reported, by someone unnamed.
                # The passive's subject heads the clause: "Azerbaijan’s ambassador in
                # Tbilisi was summoned" is done to Azerbaijan('s ambassador).
                patient = before[:1]
                before = agent_mentions or [_unnamed(reg, t.start)]
                after = patient + [m for m in after if m not in agent_mentions]
            if not before and not noun and not passive and (
                    _RESUMED.search(text[c0:t.start]) or (
                        _RELATIVE_END.search(text[c0:t.start])
                        and re.search(r"\b(?:which|who)\s*$", text[max(lo, c0 - 8):c0]))):
                # "A and B condemned the attack, which killed four, and expressed
                # support", "the state, which chairs the forum, warned": the verb follows a
                # relative clause; the sentence's first subject acts.
                before = [m for m in local if lo <= m.start and m.end <= t.start
                          and not any(a <= m.start < b for a, b in asides)]
            if not before:
                continue
            rel = re.search(r"\b(?:that|which)\s+(?:\w+\s+){0,2}$", text[c0:t.start])
            if not noun and not passive and rel and not any(
                    m.end >= c0 + rel.start() - 2 for m in before):
                continue   # "an agreement that would guarantee": the agreement's act
            participial = text[c0:t.start].endswith(", ") and text[t.start:t.end].endswith(
                "ing")
            if participial or re.search(r"(?:^|\s)(?:and|to)\s+(?:\w+ly\s+)?$",
                                        text[c0:t.start]):
                # "Lima has bought ships from Chile ... and signed", "travelled to
                # Warsaw to meet", "imposed sanctions on Belarus, accusing": a second verb,
                # an infinitive or a participle shares the clause's first subject.
                subject = _leading(text, before)
            else:
                subject = _coordinated(text, before)
            actors = list(dict.fromkeys(m.actor for m in subject))
            # What the act is about ("talks about Gaza", "called for restraint in Sudan")
            # is its subject, never its recipient.
            about = [m for m in after if _ABOUT.search(text, max(t.end, m.start - 14), m.start)]
            others = [m for m in after if m not in about and m.actor not in actors]
            # A recipient stands near the verb ("condemned Peru", "sent envoys to Lima").
            recipients = [m.actor for m in others
                          if len(text[t.end:m.start].split()) <= 6][:1]
            if passive:
                # The passive's subject undergoes it; nothing else in the clause does
                # ("were released and returned to Georgia": Georgia is not released).
                recipients = [m.actor for m in patient if m.actor not in actors][:1]
            appeal = t.trigger.phrase.startswith(("call for", "appeal for", "calls for"))
            if appeal:
                # "A called for restraint": an appeal to no one in particular.
                about, recipients = about + others, []
            if t.trigger.mutual and recipients and len(actors) == 1:
                actors, recipients = actors + recipients, []
            subjects = [a for a in dict.fromkeys(m.actor for m in about)
                        if a not in actors and a not in recipients][:3]
            code = t.trigger
            people = subject and (_PEOPLE_OF.search(text, c0, subject[0].start) or (
                subject[0].via == "demonym" and re.match(r"\s+[a-z]+s\b",
                                                         text[subject[0].end:]))
                or all(reg.actors[a].get("kind") == "group" for a in actors))
            if code.cameo_code == "191" and not noun and people:
                # "Bolivian miners blocked the highway": people obstructing, not a state's
                # blockade.
                mapped = plover_for("144") or ("PROTEST", "obstruct")
                code = Trigger(code.phrase, "144", mapped[0], mapped[1], code.mutual,
                               code.noun, code.pattern, code.weight)
            if code.cameo_code == "140" and not noun and actors != [unnamed_id(reg)] \
                    and _state_like(reg, actors) and not people:
                # A government "protests": a formal complaint, not street dissent (it
                # may still demonstrate, boycott or march: those stay dissent).
                mapped = plover_for("114") or ("ACCUSE", "allege")
                code = Trigger(code.phrase, "114", mapped[0], mapped[1], code.mutual,
                               code.noun, code.pattern, code.weight)
            future = bool(_FUTURE.search(text, c0, t.start))
            verbs = " ".join(text[max(c0, subject[-1].end):t.end].split()[-8:])
            date, why = event_date(text, dates, t.start, c0, c1, pub, future, verbs,
                              object_of=prev if noun else None, nouns=noun_starts, lo=lo)
            if not date and t.trigger.plover_type in VERBAL:
                for x in said_here:
                    if x.content[0] <= t.start < x.content[1]:
                        date, why = saying_date(dates, (x.start, x.content[0]), pub)
                        if not date:   # the quote's speech verb may follow: "…," he said
                            date, why = saying_date(dates, (x.content[1], x.end), pub)
                        break
            if not date and carry and not future and not noun and all(
                    m.via in _CONTINUING for m in subject) \
                    and not PRESENT.search(verbs) and not NEGATED_PERFECT.search(verbs) \
                    and not BACKGROUND.search(verbs):
                # "Lopez met Soto on Friday. She also demanded ...": the same actors go
                # on with the day's story, with no date of their own. An actor newly
                # named ("Qatar promised ...") is left undated, for the analyst: the
                # day before would be a guess.
                date = {k: v for k, v in carry.items() if k != "date_note"} | {
                    "date_note": f"no date in the sentence; the day of the sentence "
                                 f"before ({carry.get('date_note', '')})"}
                why = "date of the sentence before"
            year = date.get("date")
            historical = isinstance(year, int | str) and int(str(year)[:4]) < pub.year
            reported = any(x.content[0] <= t.start < x.content[1] for x in said_here)
            # A passive's words of time and modality stand before its verb, after its
            # subject ("the officers would be charged"): read from the clause start.
            st, st_why = status(text, c0 if passive else max(c0, subject[-1].end), t,
                                historical, reported=reported)
            if st == "negated" and code.phrase.split()[0] == "accept":
                # "would not accept the proposal": a refusal, said now.
                mapped = plover_for("120") or ("REJECT", "")
                code = Trigger(code.phrase, "120", mapped[0], mapped[1], False, code.noun,
                               code.pattern, code.weight)
                st, st_why = "occurred", f"{st_why}: not accepting is rejecting"
            if why.startswith("since ") and st == "occurred":
                st, st_why = "ongoing", f"'{why}': it runs on"
            put_off = _PUT_OFF.match(text, t.end, c1) if noun else None
            if st == "occurred" and put_off:
                # "The talks ... were put off": the noun's own fate follows it.
                st = "cancelled" if put_off.group("how").lower().startswith(
                    ("cancel", "called", "scrap")) else "postponed"
                st_why = f"'{put_off.group('how')}' after the noun"
            if st == "occurred" and (_SCHEDULED.match(text, t.end, c1)
                                     or noun and _WILL.match(text, t.end, c1)):
                st, st_why = "planned", "'is scheduled/expected' after the noun"
            ev_start = min([m.start for m in subject if m.via != "agentless"] + [t.start])
            if passive or actors == [unnamed_id(reg)]:
                ev_start = min([ev_start] + [m.start for m in after[:1] if m.start < t.start]
                               + [m.start for m in local if c0 <= m.start < t.start][:1])
            ev_end = c1
            while ev_end > t.end and text[ev_end - 1] in " ,.;:":
                ev_end -= 1
            source = sources.outlet_id
            for x in said_here:
                if x.content[0] <= t.start < x.content[1]:
                    source = sources.for_said(x, reg)
            n = len(out) + 1
            names = lambda ids: " and ".join(reg.actors[i]["name"] for i in ids)  # noqa: E731
            event = {
                "id": f"ev-{n}-{slug(code.phrase.replace('*', ''))}"[:64].rstrip("-"),
                **date,
                "plover_type": code.plover_type, "plover_mode": code.plover_mode,
                "cameo_code": code.cameo_code, "status": st, "source": source,
                "credibility": TODO,
                "summary": clause_summary(text, subject, t, [
                    m for m in after if (m.actor in recipients or m.actor in actors)
                    and len(text[t.end:m.start].split()) <= 6], c1,
                                           ev_start if passive else None)
                or built_summary(text, t, actors, recipients, names, passive, unnamed_id(reg)),
                "participants": {"actor": actors,
                                 **({"recipient": recipients} if recipients else {}),
                                 **({"subject": subjects} if subjects else {})},
                "evidence": [quote(text, ev_start, ev_end)],
                "review": PENDING,
                "reason": f"trigger '{code.phrase}' → CAMEO {code.cameo_code}; {st_why}; "
                          f"{why}",
            }
            # "killed in an attack": two triggers, one event.
            key = (lo, code.plover_type, tuple(actors))
            if key in seen:
                continue
            seen.add(key)
            out.append((event, (t.start, t.end)))
            if carry_next is None and st == "occurred":
                carry_next = {k: v for k, v in date.items()} if "date" in date else {}
    return out


def _merge(out: list[tuple[dict[str, Any], tuple[int, int]]], text: str, t: Any, c0: int,
           c1: int, dates: list[tuple[int, int, str]], pub: dt.date, lo: int
           ) -> bool | dict[str, Any]:
    """A definite noun ("the strike") with no actor of its own, after an event of the same
    type: the same happening, mentioned again (True). Its words join that event's
    evidence, and a date said here fills the event's date when it had none. Said of
    another time, it is another happening: that earlier event is returned."""
    mode = t.trigger.plover_mode
    same = [e for e, _ in out if e["plover_type"] == t.trigger.plover_type
            and (e["plover_mode"] == mode or "" in (e["plover_mode"], mode))]
    if not same:
        return False
    event = same[-1]
    future = bool(_FUTURE.search(text, t.end, c1))
    here, _ = event_date(text, dates, t.start, c0, c1, pub, future, "", lo=lo)
    if here and "date" in event and here["date"] != event["date"]:
        return event   # "the war ... began in April 2023": another time, another event
    ev_end = c1
    while ev_end > t.end and text[ev_end - 1] in " ,.;:":
        ev_end -= 1
    ev_start = max(c0, t.start - 4 if text[t.start - 4:t.start].lower() == "the " else t.start)
    q = quote(text, ev_start, ev_end)
    if q not in event["evidence"]:
        event["evidence"].append(q)
    if "date" not in event:
        date, why = event_date(text, dates, t.start, c0, c1, pub, False, "", lo=lo)
        if date:
            event.update(date)
            event["reason"] += f"; mentioned again, {why}"
    return True


