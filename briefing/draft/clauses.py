"""Clause structure for the event finder: where a trigger's clause starts and ends, who
its subject is (coordinated, resumed after a relative clause, going on from the sentence
before), and the words around a trigger that say what it is (a passive, a noun, a
complement, a plan, a fate told after the noun)."""

from __future__ import annotations

import re
from typing import Any

from briefing.draft.actors import UNDERGONE, Mention

BREAK = re.compile(r"[;—]|,\s+(?:while|which|but|even as|following|although|after|before)\b"
                   r"(?!\s+(?:lunch|noon|dawn|midnight|midday|nightfall|daybreak)\b)"
                   r"|,\s+and\s+(?=[A-Z])|\s+but\s+|\s+since\s+(?=(?:a|an)\s)")
FUTURE = re.compile(r"\b(?:will|would(?!-)|shall|to be|is due|are due|is to|are to|"
                    r"prepar(?:e|es|ing) to|(?:is|are) (?:set|scheduled|planning) to|"
                    r"expect\s+(?:[\w’'\-]+\s+){1,8}?to)\b")   # ("Diplomats expect X to talk")
ADJECTIVE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|two|three|four|five|six|seven|"
                       r"eight|nine|ten|several|both|\d+)|[’']s)\s+$", re.IGNORECASE)


# ("was shot and wounded": the second participle is passive too.)
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?"
                     r"(?:[a-z]+(?:ed|en|wn|ot|ut|eld)\s+(?:[^,;.“”\"]{0,60}?\s)?"
                     r"(?:and|or)\s+)?$|"
                     r"\bunder\s+(?:house\s+)?$")   # ("remains under house arrest")
# What the writer thinks someone ought to do: "Kenya should reopen the post".
_OPINION = re.compile(r"\b(?:should|ought\s+to)\b")
PASSIVE_AFTER = UNDERGONE   # "14 officials accused of organising ...": done to them


def judged(text: str, lo: int, at: int) -> bool:
    """Whether the sentence from `lo` says before `at` what someone should do ("Kenya
    should reopen the post"): in no one's words, the writer's judgement, not a report."""
    return bool(_OPINION.search(text, lo, at))


def passive_at(text: str, c0: int, at: int) -> str:
    """Whether the verb at `at` (its clause from `c0`) is passive: "" when not, "after"
    for a participle after the noun it is done to, else "was"."""
    if PASSIVE_AFTER.match(text, at) and re.search(   # ("six men accused of")
            r"\b(?!(?:was|has|is|this|his|as|thus|always|perhaps|sometimes)\b)(?:[a-z]+s|[a-z]*men|"
            r"people|children)\s+$",
            text[max(c0, at - 30):at]):
        return "after"
    if not (m := PASSIVE.search(text[c0:at])):
        return ""
    # ("denied any request had been refused and accused Suva of": a conjunct with an
    # object of its own is active)
    joined = re.search(r"\s(?:and|or)\s+$", m.group(0)) and re.match(r"[\w’'\-]+\s+[A-Z]",
                                                                     text[at:])
    return "" if joined else "was"


ABOUT = re.compile(r"\b(?:about|over|regarding|concerning)\s+(?:the\s+)?$",
                   re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|another)\s+$",
                               re.IGNORECASE)
BY = re.compile(r"(?:\s+[\w’'\-]+){0,5}?\s+by\s+(?:the\s+)?")
# "signed by", "signed in Yaoundé on Monday by": a participle's agent, after a place or day
PLACED_BY = re.compile(r"(?:\s+(?:in|at|on)\s+[A-Z][\w’'\-]*(?:\s+[A-Z0-9][\w’'\-]*)?){0,2},?"
                       r"\s+by\b(?!\s+[a-z]+ing\b)")
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "’s", "'s", "s"}
PREPOSITIONS = {"about", "on", "over", "for", "of", "to", "with", "against", "after", "before",
                "following", "since", "during", "in", "at", "from", "into", "by", "and", "or"}


# "a drone attack", "the missile strikes": an article and one or two modifiers (no plural,
# which would be a subject: "the rebels attack") before a verb's form make it a noun.
MODIFIED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?!(?:and|or|but|to|of|in|on|who|which|that)"
                      r"\b)[a-z][\w\-]*(?<![sd])\s+){1,2}$")
# Words between a state's adjective and the noun it modifies ("Chilean drone strikes").
_NOUN_MODIFIER = re.compile(r"\s+(?:(?!(?:the|a|an|and|or|to|of|in|on|at|by|for|with)\b)"
                            r"[a-z][\w\-]*(?<!ed)(?<!ly)\s+){1,2}")


# Nouns in "-ing" a modifier may stand before: "a new meeting", "the deadly shelling".
_ING_NOUNS = {"meeting", "meetings", "shelling", "bombing", "bombings", "shooting", "killing",
              "killings", "hearing", "ruling"}
# "three offers", "repeated requests" (not "the two signed": the pair that acts; nor "three
# wounded").
_COUNTED = re.compile(r"(?<![Tt]he\s)\b(?:two|three|four|five|six|several|repeated)\s+$")


def nominal(text: str, lo: int, t: Any) -> bool:
    """Whether a verb's form is used as a noun here: after a determiner ("an attack",
    "the talks") or after an article and modifiers ("a drone attack"; not "attacked", not
    "a resolution calling for")."""
    word = text[t.start:t.end].split()[0]
    if DETERMINER_BEFORE.search(text, max(lo, t.start - 8), t.start) or _COUNTED.search(
            text, max(lo, t.start - 14), t.start) and not word.endswith("ed") or re.search(
            r"\w(?:[’']s|s[’'])\s+(?:[a-z]+-[a-z\-]+\s+)?$", text[max(lo, t.start - 40):t.start]):
        return True   # ("Monday's attack", "Islamabad's long-standing demand": possessives)
    if re.search(r"\b(?:(?:after|before|during|following|amid|despite)\s+|for\s+(?:[a-z]+\s+)?)$",
                 text[max(lo, t.start - 24):t.start]) and not re.match(
            r"[a-z]+ing\s+(?:the|a|an|its|their|his|her|[A-Z])", text[t.start:]):
        return True   # "said after talks with", "flew to Baku for emergency talks with"
        # (not "before lifting its objection": a gerund with its object is a verb)
    return (not word.endswith(("ed", "ing")) or word.lower() in _ING_NOUNS) and bool(
        MODIFIED.search(text, max(lo, t.start - 40), t.start))


def modifies(gap: str) -> bool:
    """Whether a mention followed by `gap` modifies the noun after it ("U.S. strikes",
    "Peru’s deadly strikes", "Chilean drone strikes"), rather than standing apart
    ("Lopez about the ceasefire")."""
    if pair := re.match(r"[-–][A-Z][\w’']*", gap):   # ("a joint Dutch-Belgian visit": both)
        gap = gap[pair.end():]
    if not gap.strip() or _NOUN_MODIFIER.fullmatch(gap):
        return True
    if not re.match(r"[’']s\b", gap):
        return False   # "condemned the attack": a verb stands between
    words = [w for w in re.findall(r"[\w’'\-]+", gap) if w.lower() not in DETERMINERS]
    return len(words) <= 1 and not (words and words[0].lower() in PREPOSITIONS)


# What may stand between a state's adjective and a person's name: title words.
TITLE_AFTER = re.compile(r"(?:[’']s)?(?:,?\s+(?:[A-Z][\w\-]*|for|of|to|the|at)){1,6},?\s+")
ASIDE = re.compile(r"—[^—\n]{1,200}—|,\s+(?:to|in|of|for|with|from|by|among|at|under)\s+"
                   r"(?:which|whom)\b[^,;—\n]{1,150},|,\s+whose\b[^,;—\n]{1,150},|"
                   # "Latvia, which was invited but did not attend, criticised"
                   r",\s+(?:which|who)\s+[^,;—\n]{1,120}\s+but\s+[^,;—\n]{1,80},"
                   r"(?=\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b)|"
                   # "Norway, the largest buyer of gas from both countries, called for"
                   r"(?<=[a-z]),\s+the\s+(?:[a-z]+est|only|main|chief|largest|biggest)\s+"
                   r"[^,;—\n]{1,100},(?=\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b)|"
                   # "the AU mission, led by Boitumelo Sekgoma, criticised": the mission did
                   r",\s+(?:led|headed|chaired|accompanied|backed|funded)\s+by\s+[^,;—\n]{1,120},"
                   r"(?=\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b)")


def aside_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Dash-paired asides ("Lopez—whose party has ...—has shown") and relative clauses
    after a preposition ("The bloc, to which both countries belong, called"): the clause
    runs on around them, and nothing in them is the clause's subject."""
    return [(m.start(), m.end()) for m in ASIDE.finditer(text, lo, hi)]


def verb_group(text: str, lo: int, c0: int, subject_end: int, at: int, end: int,
               asides: list[tuple[int, int]]) -> str:
    """The verb group of the act at text[at:end], after any aside ("The bloc, of which both
    are members, called": not the present "are"; "Egypt, which is not a party to the
    talks, urged": not "is not")."""
    v0 = max([c0, subject_end] + [b for _, b in asides if b <= at])
    if re.search(r"\b(?:which|who)\s*$", text[max(lo, c0 - 8):c0]) and "," in text[v0:at]:
        v0 = text.rfind(",", v0, at) + 1
    return " ".join(text[v0:end].split()[-8:])


def subordinate(text: str, lo: int, at: int) -> bool:
    """Whether the verb at `at` is in a clause of its own opened by "when", "because" or
    "while" in the sentence starting at `lo` ("Talks collapsed when the delegation walked
    out")."""
    return bool(re.search(r"\b(?:when|because|while)\s+(?!an?\s)[^,;]*$", text[lo:at]))


# A word that may be a clause's verb: a past or present tense, an auxiliary.
_VERBISH = re.compile(r"\b(?:[a-z]{2,}ed|said|says|was|were|is|are|has|had|have|will|would|"
                      r"could|can|did|does|[a-z]{3,}(?<![su])s)\b")


def clause_span(text: str, lo: int, hi: int, pos: int, end: int) -> tuple[int, int]:
    """The clause around text[pos:end] within the sentence text[lo:hi]: from the last
    break before it (";", ", which", ", and" before a new subject) to the next after."""
    asides = aside_spans(text, lo, hi)
    inside = lambda i: any(a <= i < b for a, b in asides)  # noqa: E731
    start = lo
    for m in BREAK.finditer(text, lo, pos):
        if inside(m.start()) or (m.group(0).startswith(",") and "and" in m.group(0)
                                 and not _VERBISH.search(text[start:m.start()])):
            continue   # ", and" ends a clause, not a list of names ("Chile, Peru, and";
            # "Zambia's trade minister, Chanda Mwale, and Congo's, X, held talks")
        start = m.end()
    stop = next((m for m in BREAK.finditer(text, end, hi) if not inside(m.start())), None)
    return start, stop.start() if stop else hi


# Mentions that go on with the actors of the sentence before ("he", "the two ministers",
# a surname): their undated act goes on that day too.
CONTINUING = frozenset({"pronoun", "pair", "surname", "own-state", "again", "office"})
# A verb after a relative clause, or joined by ", and" to one: the clause before it holds
# no subject of its own.
# Words that may stand between a subject and its verb: "has", "will also", "quickly".
AUXILIARIES = (r"(?:(?:has|have|had|will|would|shall|should|could|can|may|might|must|is|are|"
               r"was|were|did|does|do|also|not|never|then|now|already|\w+ly|later|earlier|"
               r"(?:last|this)\s+(?:week|month)|(?:(?:late|early)\s+)?(?:on\s+)?(?:Mon|Tues|"
               r"Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?)\s+)*")
RESUMED = re.compile(r"(?:^|,)\s*and\s+" + AUXILIARIES + r"$|^(?:which|who)\b[^,;]*,\s*"
                     + AUXILIARIES + r"$")
# "The ministers are due to": people named before as a group, with no number ("the two
# ministers" is a pair the coreference rules resolve).
GROUP_AGAIN = re.compile(r"(?:^|[.;:]\s*|\b)(?P<head>[Tt]he|[Bb]oth)\s+(?:[a-z]+\s+)?(?:ministers|"
                         r"leaders|presidents|premiers|delegations|envoys|negotiators|sides)"
                         r"\s+(?:[a-z]+\s+){0,3}$|"
                         # "They agreed", "Fourth, they urged"
                         r"^\s*(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Then|Later|"
                         r"[A-Z][a-z]+ly),\s+(?=t))?(?P<they>[Tt]hey)\s+(?:[a-z]+\s+){0,3}$|"
                         # "The two signed", "Each accused the other", "Both say"
                         r"^\s*(?P<pair>[Tt]he\s+two|[Bb]oth|[Ee]ach)\s+(?:\w+ly\s+)?$")
_WHICH = re.compile(r",\s*(?:which|who)\s*$")


def antecedent(text: str, c0: int, at: int, local: list[Any]) -> list[Any]:
    """"The European Union, which has pledged 340 million euros": the verb of a relative
    clause is done by the name just before ", which"; [] when the clause is not one."""
    m = _WHICH.search(text, max(0, c0 - 10), c0)
    if not m or m.end() != c0 or not re.fullmatch(r"\s*" + AUXILIARIES, text[c0:at]):
        return []
    return [x for x in local if x.end <= m.start() and not text[x.end:m.start()].strip()]


RELATIVE_END = re.compile(r"^[^,;]*,\s*" + AUXILIARIES + r"$")
# "farmers in the south of a state", "thousands of its nationals": people of a state, not its
# government (their protest is dissent, not a formal complaint).
PEOPLE_OF = re.compile(r"\b[A-Za-z]+\s+(?:in|of|from)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")


# Verbs whose "to"-infinitive names what is offered, asked or refused, not a second act:
# "offered to host talks", "urged the Assembly to open negotiations", "invited him to
# visit". The hand coding codes the appeal or the offer alone.
CONTROL_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN"}


def invitation(control: Any, act: Any) -> bool:
    """An invitation to a meeting or a visit ("invited the minister to visit Lima") or an
    agreement to meet or to ease ("agreed to reopen the crossing"): what it proposes is
    drafted too, as planned (the hand coding codes such a visit or reopening)."""
    return (control.phrase.split()[0] in ("invite", "agree") or control.phrase.endswith(
        "invitation")) and act.plover_type in ("CONSULT", "RETREAT")


# ("... to show restraint and offered", "... and said": after "and" a verb of its own, not
# the complement.)
_NOT_PAST = (r"(?![\w’'\-]+ed\b|(?:said|says|told|sent|met|made|took|gave|held|left|was|were|"
             r"had|has|is|are)\b)")
# ("according to a statement", "due to": a preposition, not the complement's "to")
COMPLEMENT = re.compile(r"^(?:\s+[\w’'\-.,]+){0,6}?(?<!according)(?<!due)(?<!owing)(?<!thanks)"
                        r"\s+to\s+(?:(?:(?!and\b)|and\s+" + _NOT_PAST + r")[\w’'\-]+\s+){0,6}"
                        r"(?:and\s+to\s+)?$")   # ("urged X to end strikes and to allow aid")
# "demanded that the crossing be reopened": what a request's that-clause asks for.
ASKED_THAT = re.compile(r"^\s+that\s+(?:(?:(?!and\b)|and\s+" + _NOT_PAST + r")[\w’'\-]+\s+){0,7}$")


# "accused the army of shelling": what is alleged, not a second act.
ALLEGED = re.compile(r"^(?:\s+[\w’'\-.]+){0,6}?\s+of\s+[“\"‘']?"   # of "kidnapping",
                     r"(?:(?:an?|the)\s+(?:[a-z\-]+\s+)?)?$")   # of "a premeditated attack"
# "would cut ties unless the prisoners are freed", "if the raids do not stop": the act's
# condition, which makes it a threat.
CONDITION = re.compile(r"\bunless\b|(?<!\basked )(?<!\bwhether or )(?<!\beven )\bif\b")
# Inside a condition ("unless the prisoners are freed"): what is asked for, not an act.
# ("if the crew is not released": the same, told as what must not fail to happen.)
UNLESS = re.compile(r"\bunless\b[^;—]*$|\bif\b[^;—,]{0,60}\b(?:not|n[’']t|never)\s+"
                    r"(?:\w+ly\s+)?(?:be\s+)?$|"
                    # "would respond if the men were put on trial": the condition
                    r"(?<=[a-z] )if\b(?:\s+[\w’'\-]+){1,8}\s+(?:were|was|is|are|be|been)\s+"
                    r"(?:\w+ly\s+)?$|"
                    # "ready to sign if Yerevan withdrew the complaint": the condition
                    r"(?<=[a-z] )if\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?"
                    r"\s+(?:\w+ly\s+)?$|(?<=[a-z] )if\s+(?:(?:the|its|their|a|an)\s+)?$|"
                    # "suspected of involvement in a plot to kill": what was plotted
                    r"\b(?:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?:plot|conspiracy|scheme|"
                    r"attempt|bid)\s+to\s+$")
# "will meet Mamani next week if Bolivia accepts", "did not say whether Vietnam
# recognised": a verb there is what must come first, or what is asked; no act.
OPEN_IF = re.compile(r"(?<=[a-z]\s)(?:only\s+)?(?:if|whether|until)\s+[^;—,“\"]{0,60}$")
# "would reopen its airspace only after Somalia lifted its own": yielding on a condition
# only is refusing now.
ONLY_AFTER = re.compile(r"[^;—.]{0,80}?\bonly\s+(?:after|once|when|if)\b")
# "who asked not to be named", "requested anonymity": a source's wish, not an event.
ANONYMOUS = re.compile(r"(?:ask|request)\w*\s+(?:not\s+to\s+be\s+(?:named|identified)|"
                       r"(?:for\s+)?anonymity)", re.IGNORECASE)
# "called for their immediate release": the noun is the appeal's object.
_OBJECT_WORDS = (r"the|their|his|her|its|an?|immediate|swift|prompt|full|unconditional|safe|"
                 r"urgent|speedy|early|complete|total|and|or")   # "immediate and unconditional"
APPEAL_OBJECT = re.compile(rf"\s+(?!(?:and|or)\s)(?:(?:{_OBJECT_WORDS})\s+){{0,4}}")
# "asked for the men's release": whose release is asked for (but "refused Peru's request"
# is a request refused, made before).
# ("demanded the "immediate and unconditional release"", "demanded consular access to the
# men and their immediate release": a quote may open, a second thing asked may come first)
ASKED_OBJECT = re.compile(rf"(?:[^.;:“”\"]{{1,60}}?\s+and(?=\s+(?:the|their|his|her|its)\s))?"
                          rf"\s+(?!(?:and|or)\s)(?:[“\"]?(?:{_OBJECT_WORDS}|[\w\-]+[’']s?)\s+)"
                          rf"{{0,4}}")
# "Talks ... are scheduled for March 21": the status follows the noun.
SCHEDULED = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
                       r"(?:scheduled|planned|expected|due|set)\b", re.IGNORECASE)
PUT_OFF = re.compile(r"(?:\s+[\w’'\-]+){0,10}?\s+(?:was|were|has been|have been)\s+"
                     r"(?P<how>postponed|put off|delayed|deferred|shelved|cancell?ed|called off|"
                     r"scrapped)\b", re.IGNORECASE)
AT_MEETING = re.compile(r"\b(?:at|after|during|before|for|(?-i:In)|on the sidelines of)\s+"
                        r"(?:(?:a|an|the|this|"
                        r"last\s+week's|their|his|her)\s+)?(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
ARMS_NOUN = re.compile(r"\s+(?:exports?|sales?|deliver(?:y|ies)|embargo|control|race|deals?|"
                       r"trade|suppl(?:y|ies)|shipments?|transfers?|packages?|imports?)\b")
# "The talks will continue on Friday": the noun's own future.
WILL = re.compile(r"(?:\s+[\w’'\-]+){0,2}?\s+(?:will|shall)\b", re.IGNORECASE)
# "between Ghana's foreign minister, Kojo Mensah,": a title may stand before the name.
# "between the transport ministers of Malawi and": the offices of the states named after.
BETWEEN = re.compile(r"\s+between\s+(?:[A-Z][\w’'\-]*(?:[’']s)?\s+(?:[a-z]+\s+){0,3}[a-z]+,?\s+|"
                     r"the\s+(?:[a-z]+\s+){0,2}(?:ministers|leaders|presidents|envoys|"
                     r"delegations|representatives|officials|heads)\s+of\s+(?:the\s+)?|"
                     r"(?:[A-Z][\w’'\-]*\s+){1,4})?$")   # "between Foreign Secretary Ramon Dizon"
# ", and his Togolese counterpart, Afi Lawson": the other side of the pair.
AND = re.compile(r"\s*(?:,|,?\s+and)\s*(?:the\s+|(?:his|her|their)\s+(?:[A-Z][\w\-]*\s+)?"
                 r"counterparts?,?\s+|(?:[A-Z][\w\-]*\s+){1,4})?")   # "and Foreign Minister"
DEFINITE = re.compile(r"\b(?:the|this|that|these|those|his|her|its|their|(?:(?:next|last|this)\s+"
                      r"(?:week|month|year|weekend)|today|tomorrow|yesterday|(?:mon|tues|wednes|"
                      r"thurs|fri|satur|sun)day)[’']s)\s+(?:[\w’'\-]+\s+){0,2}$",
                      re.IGNORECASE)   # ("his visit": the visit told before; "Monday's talks")


# "Chinese ships blocked": the state's means, not its people.
STATE_MEANS = re.compile(r"\s+(?:ships|vessels|boats|warships|troops|forces|soldiers|jets|"
                          r"warplanes|aircraft|drones|authorities|officials|police|guards|"
                          r"diplomats|negotiators|ministers|tanks|units)\b")
# An agentless noun after these is what another act is about, told of elsewhere.
TOPIC = re.compile(r"\b(?:about|over|regarding|concerning|into)\s+(?:the|their|its|his|her)\s+"
                    r"(?:[a-z][\w\-]*\s+){0,2}$", re.IGNORECASE)


def purpose(text: str, prev: Any, t: Any) -> bool:
    """"held a phone call on Monday to discuss the floods": the meeting's purpose, not a
    second meeting; "summoned the envoy to protest", "sent Peru a note on Monday protesting
    against": the summons' or the note's purpose."""
    if prev is not None and prev.trigger.cameo_code == "114" and not prev.trigger.noun and \
            re.fullmatch(r"[^.;,]{0,30}?\s", text[prev.end:t.start]) and re.match(
            r"(?:protest|complain)ing\b", text[t.start:t.end]):
        return True
    if prev is None or not re.fullmatch(r"[^.;,]{0,40}?\bto\s+", text[prev.end:t.start]):
        return False
    first = t.trigger.phrase.split()[0]
    # ("summoned the ambassador on Wednesday to protest against": the summons protests;
    # but "summoned the ambassador to demand their release" demands, an act of its own.)
    return prev.trigger.plover_type == "CONSULT" and first in (
        "discuss", "talk", "negotiate", "consult") or prev.trigger.cameo_code == "114" and \
        first in ("protest", "complain", "express", "voice", "lodge")


_TO_COME = re.compile(r"(?:\s+on\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?(?:\s+to)?\s+(?:[\w\-]+\s+){0,3}")


def agreed_to(text: str, prev: Any, t: Any) -> bool:
    """"agreed to hold a meeting in June": what is agreed, offered or asked is to come."""
    if prev is None or prev.trigger.plover_type not in CONTROL_TYPES:
        return False
    gap = text[prev.end:t.start]
    # (not past a conjunction: "agreed to reopen after Bolivia deployed police" is done)
    return bool(_TO_COME.fullmatch(gap)) and (prev.trigger.phrase.endswith(" to")
                                              or " to " in gap) \
        and not re.search(r"\b(?:after|before|when|because|since|once|until)\b", gap)


# "the closure of the crossing, which was announced by Moroccan authorities": who did
# what the noun names, told after it.
ANNOUNCED_BY = re.compile(r"(?:\s+[\w’'\-]+){0,8}?,?(?:\s+which)?\s+(?:was|were|has been|had been|"
                          r"have been)\s+(?:\w+ly\s+)?(?:announced|ordered|imposed|decided|"
                          r"carried out|declared|approved|delivered|issued|made|taken)\s+by\s+"
                          r"(?:the\s+)?")
# "the release of the fishermen was demanded": what is asked for, not an act.
ASKED_FOR = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+(?:was|were|is|are|has been|have been)\s+"
                       r"(?:\w+ly\s+)?(?:demanded|requested|sought|called for|urged)\b")
# "the suspension of joint patrols": the patrols are what the suspension ends.
UNDONE = re.compile(r"\b(?:suspension|cancellation|postponement|resumption|halt|end|lifting|"
                    r"easing|closure|extension)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$",
                    re.IGNORECASE)
# A saying earlier in the sentence makes a later "would" its future ("Both readouts said
# the leaders would meet"), whoever said it.
SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|added|stated)\b(?:\s+that)?\s")


def asked_or_undone(text: str, t: Any, lo: int, hi: int) -> bool:
    """A noun naming what is asked for ("the release ... was demanded") or what another
    noun ends ("the suspension of joint patrols"): not an act of its own."""
    return bool(ASKED_FOR.match(text, t.end, hi)
                or UNDONE.search(text, max(lo, t.start - 50), t.start))


# What one side gives or puts to another, and "from" whom: "three offers from the AU".
_GIVEN = re.compile(r"\b(?:offers?|proposals?|requests?|invitations?|appeals?|demands?|pressure|"
                    r"threats?|pledges?|criticism|complaints?)$")
_FROM = re.compile(r"\s+from\s+")


def told_by(text: str, end: int, hi: int, after: list[Mention]) -> list[Mention]:
    """Who did what a noun names, told after it ("the closure of the crossing, which was
    announced by Moroccan authorities"): the mention after "by", or none."""
    told = ANNOUNCED_BY.match(text, end, hi) or (   # ("three offers from the AU": its)
        _FROM.match(text, end, hi) if _GIVEN.search(text, max(0, end - 14), end) else None)
    if told is None:
        return []
    return [m for m in after if m.start >= told.end() and re.fullmatch(
        r"(?:[\w\-’']+\s+){0,3}", text[told.end():m.start])][:1]


# "sent to guard the crossings": a verb and its object after a consultation's "to".
_TASK = re.compile(r"\s+(?!(?:the|a|an|its|their|his|her)\b)[a-z]+\s+(?:the|a|an)\b")
# (not "whose fighters seized": the owner's men act for it, `actors.crowd_subject`)
_WHOSE = re.compile(r"\bwhose\s+(?!(?:fighters|forces|troops|soldiers|militia|militiamen|men|"
                    r"supporters|followers|guards|agents|gunmen|police)\s)[a-z]+\s+$")


def a_task(text: str, t: Any) -> bool:
    """A consultation's "to" followed by another verb and its object ("troops sent to guard
    the crossings"): the task the sent are given, not a meeting."""
    return t.trigger.phrase.endswith(" to") and t.trigger.plover_type == "CONSULT" and \
        bool(_TASK.match(text[t.end:]))


def owned(text: str, lo: int, t: Any) -> bool:
    """A word after "whose" and a noun ("Laos, whose border meets both countries"): what
    the thing does, no one's act."""
    return bool(_WHOSE.search(text[max(lo, t.start - 30):t.start]))


def in_name(text: str, lo: int, t: Any) -> bool:
    """A capitalised noun inside a proper name, not at the sentence's start: "the
    Nuku'alofa Accord", "the Massacre River bridge", "the Camp David Accords"."""
    word = text[t.start:t.end]
    if not word[:1].isupper() or not text[lo:t.start].strip():
        return False
    before = re.search(r"([A-Z][\w’'\-]*)\s+$", text[max(lo, t.start - 40):t.start])
    after = re.match(r"\s+[A-Z][a-z]", text[t.end:t.end + 3])
    return bool(before or after)


# "New Zealand promised $150 million and Britain $90 million": a conjunct that leaves the
# verb out, a figure after its new subject.
_GAP_BEFORE = re.compile(r"(?:,|,?\s+and)\s+$")
_GAP_AFTER = re.compile(r"\s+(?:(?:US)?[$€£]\s?\d|\d|(?:one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|a further|another)\b)")


def gapped(text: str, t_end: int, c1: int, after: list[Mention]) -> list[Mention]:
    """Mentions after an act that open a conjunct with no verb of its own and a figure
    after them ("... and Britain $90 million"): the same act, theirs."""
    return [m for m in after if t_end <= m.start and m.end <= c1
            and _GAP_BEFORE.search(text, max(t_end, m.start - 6), m.start)
            and _GAP_AFTER.match(text, m.end)]


# A paragraph's dateline: "TASHKENT, March 12 (Steppe Wire) - ", "LILONGWE - ".
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z .,’'/\-]{1,40}?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                       r"(?:\s*\([^()\n]{1,40}\))?\s*[-–—]+\s+(?=[A-Z“\"‘])")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the datelines of a story's paragraphs stand (a headline, being short, has
    none): the city there says where the story was filed, not who acted."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)
            if len(text[m.start():text.find("\n", m.start()) % (len(text) + 1)]) > 120]


def in_spans(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for a, b in spans)


# "handed the envoy a note demanding": what the document asks, its sender asks.
SENT_DOC = re.compile(r"\b(?:note|letter|statement|message|communiqu[eé]|declaration),?\s+$")


def next_verb(text: str, lo: int, triggers: list[Any], t: Any, c1: int) -> int:
    """Where the clause's next act told by a verb starts after `t` (or `c1`): "condemned
    the expulsions and asked Islamabad": Islamabad is asked, not condemned."""
    return min([c1] + [u.start for u in triggers if u.start >= t.end and not u.trigger.noun
                       and not nominal(text, lo, u)
                       and re.search(r"\S\s+and\s+(?:\w+ly\s+)?$", text[t.end:u.start])])
    # ("was shot and wounded by": a verb right after "and" shares what follows it.)


# "... and signed", "travelled to Warsaw to meet": a second verb or an infinitive.
# A participle after a comma or "before"/"after" shares its clause's subject: "a note,
# demanding", "held the ship ... before releasing it" (not "said after meeting": the sayer's).
PARTICIPLE_AFTER = re.compile(r"(?:,|(?<!said\s)\b(?:before|after)|\b(?:note|letter|statement|"
                              r"communiqu[eé]|message|memorandum))\s$")   # "a note demanding"
JOINED_VERB = re.compile(r"(?:^|\s)(?:and\s+(?:(?:has|have|had|will|would|shall|also|then|"
                         r"later|now)\s+){0,2}|to\s+)(?:\w+ly\s+)?$")   # "and has ordered"

# The subject a saying's words open with that is the sayer: "said it was ready to", "said
# its team would".
SELF_SUBJECT = re.compile(r"\s*(?:that\s+)?(?:it|he|she|they|we|(?:its|his|her|their|our)\s+"
                          r"[a-z]+)\s+(?:\w+\s+){0,2}")


# "Helena Braganca, who had flown in that morning and offered to mediate": a verb joined
# to a "who" clause's first one.
_WHO_AND = re.compile(r",\s*who\s+[^,;.“”\"]*\band\s+(?:also\s+)?$")


def who_and(text: str, lo: int, at: int, local: list[Any]) -> list[Any]:
    """The person a "who" clause tells of, as the subject of a verb at `at` joined to the
    clause's first verb by "and"; [] when the verb is not such."""
    w = _WHO_AND.search(text, lo, at)
    if w is None:
        return []
    return [m for m in local if m.end <= w.start() and not text[m.end:w.start()].strip()][-1:]


# A phrase that ends in its object ("welcome * decision"): a "by" after it is the object's
# agent ("welcomed the decision by Ghana"), not the verb's ("an accord signed by Ghana").
OBJECT_LAST = re.compile(r"\*\s+(?!(?:over|back|up|down|off|out|away|in|on|to)$)[^\s*+]+$")
