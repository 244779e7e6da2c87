"""Words that tell which day a sentence speaks of from around it: a day label heading its
paragraph ("Thursday: ..."), a live page's clock time, an update's stamp, "the same
day", "two days later"; and the words that hand a date in the sentence to something other
than the verb ("ahead of the election on", "after their talks", "a statement issued on",
"agreed to meet on")."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from briefing.draft.dates import (
    MONTHS,
    WEEKDAY_NAMES,
    as_fact_date,
    find_dates,
    is_day,
    resolve_at,
)

# "two days later", "a week earlier": counted from the day the sentence before told of.
LATER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                   r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<way>later|earlier|"
                   r"(?:after|before)\b(?!\s+\w))"
                   r"|\bthe\s+(?:following|next)\s+(?P<unit2>day|morning|week|year)\b",
                   re.IGNORECASE)
# Some days after a month told of ("in early August 2029 ... Lima expelled X days later").
FEW_DAYS = re.compile(r"\b(?:(?:a\s+few|several)\s+)?days\s+later\b")
# The day the sentence before told of: "was summoned in the afternoon", "hours later".
SAME_DAY = re.compile(r"\b(?:in the (?:morning|afternoon|evening)|later (?:that|the same) day|"
                      r"that (?:day|morning|afternoon|evening|night)|the same day|hours later|"
                      r"minutes later|moments later|"
                      r"within (?:hours|the hour|minutes)|(?:earlier|later) in the day|"
                      r"the same (?:morning|afternoon|evening|night)|afterwards?|"
                      r"(?:shortly\s+)?(?:before|after) midnight)",
                      re.IGNORECASE)
# A time of day with no day ("At 9:30 a.m.", "Shortly before noon", "by lunchtime"): the day
# the paragraph told of, else the story's own day, its publication.
CLOCK_TIME = re.compile(r"\b(?:(?:at|by|around|from|until|after|before)\s+(?:around\s+|about\s+)?"
                        r"\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|(?:by|at|around)\s+(?:lunchtime|"
                        r"midday|noon|nightfall|mid-?afternoon)|(?:shortly|just)\s+(?:before|"
                        r"after)\s+(?:noon|midday|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?))",
                        re.IGNORECASE)
# A day-by-day account heads each paragraph with its day: "Thursday: ...", "May 3 — ...".
MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
# The label may be set in capitals and name the place ("MONDAY, QUITO. Ecuador's
# president received ...", "FRIDAY. On her last day ...").
# A timeline's entries are headed by their date: "• 2 August 2004 — ", "• September 1991 —".
DAY_LABEL = re.compile(rf"\s*(?:[-•*]\s*)?(?P<day>(?i:{WEEKDAY_NAMES})(?:,?\s+(?:{MONTH_NAMES})\.?"
                       rf"\s+\d{{1,2}})?|\d{{1,2}}\s+(?:{MONTH_NAMES})\.?(?:\s+\d{{4}})?|"
                       rf"(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?|"
                       rf"(?:{MONTH_NAMES})\.?\s+\d{{4}}|"
                       rf"(?:1[89]|20)\d\d(?=\s+[—–]))"
                       rf"(?:\s*[:—–]|(?:,\s+[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){{0,2}})?\.\s)")
# Verbs whose object is an act to come: a date after that object is the object's.
PROPOSING = re.compile(r"\b(?:propos|offer|suggest|invit)\w*$", re.IGNORECASE)
# What a proposal may be for, dated by its own day ("proposed talks on Friday").
PROPOSED_HAPPENING = re.compile(r"\b(?:talks|meeting|visit|summit|session|round|negotiations|"
                                r"ceasefire|truce|vote|conference|call|exchange|swap)\b")
# "at the forum's 2029 meeting", "at the 2030 summit": the year of the gathering the act
# was done at.
AT_MEETING_OF = re.compile(r"\b(?:at|during)\s+(?:(?:the|its|their)\s+)?(?:[\w\-]+[’']s\s+)?$")
MEETING = re.compile(r"\s+(?:[a-z\-]+\s+)?(?:meeting|summit|session|conference|congress|"
                     r"assembly|talks|forum)\b")
# The act of a clause after another's date: "... on Thursday after the players were refused"
# (but "on Tuesday, after La Paz granted asylum": often that day too).
AFTER_THEY = re.compile(r"\b(?:after|following|because)\s+(?:[\w’'\-]+\s+){1,10}?(?:was|were|"
                        r"had|has|have)\b")
# An infinitive after the verb holds its own time: "agreed to hold a meeting in June".
# ("the visit is expected to take place in October": the act's own time.)
TO_DO = re.compile(r"\s+(?:(?!(?:is|are|was|were|be|been)\b)\w+\s+){0,3}?to\s+"
                   r"(?!(?:the|a|an|its|their|his|her|my|our|your|this|that|these|those|all|any|some|"
                   r"both|each|every|more|most|other|such|no|one|two|three|them|him|us|it|"
                   r"date|power|office|court|talks|take|be|happen|occur|four|five|six|"
                   r"seven|eight|nine|ten|twelve|fifteen|twenty|life|death|prison|jail)\b)"
                   r"(?![a-z]+(?:ers|ors|ists|ants|ents)\b)"   # (not "to investors")
                   r"(?![a-z]*[^su]s\b|(?:freight|traffic|cargo|shipping|trade|people|"
                   r"fishermen|women|children|civilians)\b)"   # ("shut it to freight in")
                   r"[a-z]+\b")
# A sentence that opens on the occasion of its act: "At the second round, held in Harare".
AT_OCCASION = re.compile(r"\s*(?:At|During)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w\-]+\s+){0,3}"
                         r"[\w\-]+")
# A timetable's verb in the present, with a calendar day after it: "ministers meet on August 12".
TIMETABLE = re.compile(r"(?:(?:meet|hold|host|visit|open|begin|start|arrive|convene|resume|"
                       r"travel|head|leave|return|sign|gather)s?|fl(?:y|ies)|go(?:es)?)\b")


def timetable_verb(text: str, at: int) -> bool:
    """A timetable's verb in the present at `at` ("Mulenga begins a state visit on Friday"),
    not the noun ("cancelled a planned visit on Thursday")."""
    word = TIMETABLE.match(text, at)
    return bool(word) and not (re.fullmatch(r"(?:visit|return|start|head|leave|open)s?",
                                            word.group(0)) and re.search(
        r"(?:\b(?:a|an|the|its|their|his|her|this|that|of)|ed)\s+(?:[\w\-]+\s+)?$",
        text[max(0, at - 30):at]))


# A paragraph that tells what is to come: "Next week. Ministers meet on Monday".
AHEAD_LABEL = re.compile(r"\s*(?:Next\s+week|The\s+week\s+ahead|Coming\s+up|Looking\s+ahead|"
                         r"What\s+comes\s+next|What(?:'|’)s\s+next)\s*[.:—–]", re.IGNORECASE)
# A live page's entry opens with its clock time ("14:20 — ..."): it tells of that day.
CLOCK = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[—–-]")
# A breaking story's update stamped with its clock time ("UPDATE, 7:15 p.m. —"): what
# follows it, to the next stamp, tells of that day.
UPDATE = re.compile(r"(?m)^\s*(?:UPDATED?|Update[d]?)\b[,:]?\s*(?:\d{1,2}[:.]\d{2}\s*"
                    r"(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?)?[—–:-]")
# A date after "ahead of" a noun is that noun's: "ahead of the parliamentary election on
# 27 October", "in the run-up to next week's summit".
AHEAD_OF = re.compile(r"\b(?:ahead of|in the run-up to|in the lead-up to|in advance of|"
                      r"on the eve of)\s+(?:[\w’'\-]+\s+){0,5}?(?:(?:on|in|at|for)\s+)?$",
                      re.IGNORECASE)
# An agreement to meet, one trigger with its infinitive ("agreed to meet in Vienna on March
# 4"): a date after it is the meeting's, to come, not the agreeing's.
INTENT_TO = re.compile(r"\bagree[sd]?\s+to\s+(?:meet|hold|resume|convene)$", re.IGNORECASE)
# The day a document that tells of the act came out: "a joint statement issued on Sunday".
# ("in an interview with the daily X published on Wednesday": the day it was told)
DOCUMENT_DAY = re.compile(r"\b(?:(?:statement|communiqu[eé]|readout|declaration|announcement|"
                          r"reply|response|letter|note)\s+(?:was\s+)?(?:issued|released|published|"
                          r"adopted|posted)|interview\s+(?:(?:with|to)\s+(?:[\w’'\-]+\s+){1,6}?)?"
                          r"(?:published|broadcast|aired))\s+(?:(?:late|early)\s+)?$",
                          re.IGNORECASE)
# A meeting the act came out of: "after their talks" (not "after months of talks").
AFTER_TALKS = re.compile(r"\b(?:after|following|at the end of)\s+(?:(?!months\b|weeks\b|years\b)"
                         r"[\w’'\-]+\s+){0,4}?(?:talks|meetings?|consultations|negotiations|"
                         r"discussions|summit)\b")


# Words that look ahead, for a bare month or weekday: "could be signed ... in November"
# (the modal "may", not the month), "travels on to Belize", "called X to a meeting on".
LOOKS_AHEAD = re.compile(r"\b(?:will|would(?!-)|shall|could|might|(?-i:may)|"
                         r"(?:is|are|was|were|be|been)\s+expected|scheduled|"
                         r"due(?!\s+(?:process|diligence|respect|regard|care|course))|"
                         r"set to|"   # (not "it expected Denmark to", nor "due process")
                         r"plans?\s+to|(?<!\ba\s)(?<!\bthe\s)(?<!\bits\s)planned|pencill?ed\s+in|next|"
                         r"upcoming|is to|are to|"   # (not "cancelled a planned visit on Monday")
                         r"to\s+(?:begin|start|take\s+effect|come\s+into\s+force)|"   # "to begin"
                         r"(?:travels|heads|flies|goes)\s+(?:on\s+)?to|"
                         r"(?:called|invited|summoned)\s+(?:[\w’'\-]+\s+){1,9}?to\s+(?:an?|the)\s+"
                         r"(?:[\w\-]+\s+){0,2}(?:meeting|summit|session))\b", re.IGNORECASE)
# An attribution set between two verbs of one subject: "X met Y on Monday, both ministries
# said, and agreed": the second verb goes on with what was said, and its day.
SAID_ASIDE = re.compile(r"[\s”\"’]*,?\s*(?:[\w’'\-]+\s+){0,5}?(?:said|says|added|confirmed|"
                        r"reported)\s*,\s+and\s+(?:\w+ly\s+)?")


# A speech verb; a dateline just before a date ("WARSAW, Feb 5 —"); a subordinate clause's
# opening word ("their first since Caicedo took office in August": that clause's date).
SPEECH = re.compile(r"\b(?:said|says|saying|added|adding|told|telling|announced|arguing|"
                    r"insisting|claiming|noting)\b")
# A date some plan is "scheduled for" belongs to that plan.
SCHEDULED_FOR = re.compile(r"\b(?:scheduled|set|planned|slated|due|expected)\s+(?:to\s+(?:start|"
                            r"begin|open|end|take place|resume)\s+|for\s+(?:renewal|review|"
                            r"signing|delivery)\s+)?(?:(?:for|on|in)\s+)?(?:the\s+)?$",
                            re.IGNORECASE)   # ("the phase, due to start on Thursday")
# A deadline the act sets, or its condition, is not when it happened ("unless ... by July").
IF_BEFORE = re.compile(r"\b(?:[Ii]f|[Uu]nless)\b[^,;]*$")
DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+(?:at\s+(?:least|the\s+earliest)\s+)?"
                       r"(?:the\s+(?:end|middle|start|beginning)\s+(?:of\s+)?|(?:midday|noon|"
                       r"midnight)\s+(?:on\s+)?)?$|^(?:by|until)\s", re.IGNORECASE)
DATELINE_BEFORE = re.compile(r"[A-Z][A-Z'’.\-/ ]+(?:,\s+[A-Z][A-Za-z.\- ]+)?,\s+$")
SUBORDINATE = re.compile(r"\b(?:after|before|when|while|until|following|since)\b",
                         re.IGNORECASE)

# A timeline's day heading, a line of its own ("MONDAY", "Tuesday, October 15"): the clock
# times and undated entries under it, to the next heading, tell of that day.
DAY_HEADING = re.compile(rf"(?m)^[ \t]*(?P<day>(?i:{WEEKDAY_NAMES})(?:,?\s+(?i:{MONTH_NAMES})\s+"
                         rf"\d{{1,2}}|,?\s+\d{{1,2}}\s+(?i:{MONTH_NAMES}))?)[ \t]*:?[ \t]*$")

_PAST = re.compile(r"\b(?:(?!(?:expected|scheduled|planned|slated)\b)[a-z]{2,}ed|met|held|took|"
                   r"sent|made|gave|told|said|left|began|came|went|flew|saw|won|lost|struck|"
                   r"fled|broke|spoke|wrote|was|were|had|led)\b")


@functools.lru_cache(maxsize=4)
def headings(text: str) -> tuple[re.Match[str], ...]:
    """The day headings of a text, in order (read once per text)."""
    return tuple(DAY_HEADING.finditer(text))


def headed_day(text: str, at: int, pub: dt.date, what: str) -> dict[str, Any] | None:
    """The day the last heading before `at` names, for `what` stands under it; None when no
    heading does (or it resolves to no single day)."""
    heads = [h for h in headings(text) if h.end() <= at]
    if not heads:
        return None
    head = heads[-1]
    # A week-ahead guide tells of the days under its headings in the present or future
    # ("Kenya hosts ...", "will sit"): they are to come; an account of days gone by, in
    # the past ("received", "held").
    told = re.split(r"(?<!\b[ap]\.m\.)(?<=[.!?])\s|\n", text[at:at + 400], maxsplit=1)[0]
    value, end = as_fact_date(r := resolve_at(text, head.start("day"), head.group("day"), pub,
                                              future=not _PAST.search(told)))
    if value is None or end or not is_day(value):
        return None
    return {"date": value, "date_basis": r.basis,
            "date_note": f"{what}, under the heading '{head.group('day')}': {r.note}"}


def _stamp_above(text: str, para: int) -> bool:
    """Whether the last line above the paragraph at `para` is a short clock stamp of its
    own ("1:48 p.m. ET - Panama: no mission"), heading the entry below it."""
    above = para
    while above and text[above - 1].isspace():
        above -= 1
    head = text.rfind("\n", 0, above) + 1
    return bool(above) and bool(CLOCK.match(text, head)) and len(text[head:above].strip()) <= 120


def entry_day(text: str, c0: int, at: int, pub: dt.date) -> tuple[dict[str, Any], str]:
    """The day an undated sentence at `c0` tells of from where it stands: under a day
    heading, that day; in a live page's entry or after an update's stamp, the publication
    day; else ({}, "")."""
    if headed := headed_day(text, c0, pub, "no date in the sentence"):
        return headed, "under a day heading"
    para = text.rfind("\n", 0, c0) + 1
    if CLOCK.match(text, para) or UPDATE.search(text, 0, at) or _stamp_above(text, para):
        return {"date": pub.isoformat(), "date_basis": "resolved",
                "date_note": "no date in the entry; a live page's entry stamped with a clock "
                             f"time tells of its publication day {pub.isoformat()}"}, \
            "live entry"
    return {}, ""

# "the 1951 treaty", "the minister's 2003 remarks", "the killings of 1915": a year naming a
# thing, not dating the verb (but "the spring of 2029", "in the drought of 2027" date it).
ATTRIBUTE_YEAR = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our)|[’']s|s[’'])\s+$|"
                            r"(?<!\bin\s)(?<!during\s)(?<!since\s)(?<!after\s)(?<!before\s)"
                            r"\b(?:the|a|an)\s+(?!(?:spring|summer|autumn|fall|winter|end|"
                            r"start|beginning|middle|half|rest|course|turn|first|second|"
                            r"last|close|height|wake|aftermath)\b)[a-z]+\s+of\s+$|"
                            # ("open its archives from 1920": the papers' year)
                            r"\b(?:archives?|records?|documents?|files?|papers|logs?|footage|"
                            r"maps?)\s+from\s+$", re.IGNORECASE)
# "negotiated the 1998 Volta accord": the accord's year dates the act that made it.
MADE_ACCORD = re.compile(r"(?:negotiat|sign|broker|conclud|seal|ink|draft)\w*\s+(?:the|a|an)\s+")
ACCORD_AFTER = re.compile(r"\s+(?:[\w\-]+\s+){0,3}?(?:accord|agreement|treaty|pact|deal|"
                          r"protocol|convention)s?\b")


def day_last_named(text: str, c0: int, day: dict[str, Any], pub: dt.date) -> dict[str, Any] | None:
    """The last day the paragraph of `c0` names before it, when it names none that is the
    story's day `day`: "She gave her account of the October 11 incident ... . The ambassador
    was summoned the following day" counts from October 11, not from a day told paragraphs
    before. None when the paragraph names no day, or names `day`."""
    para = text.rfind("\n", 0, c0) + 1
    told = [(v, r) for a, _b, p in find_dates(text, para, c0)
            if not DATELINE_BEFORE.match(text, para, a)
            and is_day(v := as_fact_date(r := resolve_at(text, a, p, pub))[0])]
    if not told or any(v == day.get("date") for v, _r in told):
        return None
    return {"date": told[-1][0], "date_basis": told[-1][1].basis, "date_note": told[-1][1].note}


def occasion_day(text: str, d: tuple[int, int, str], pos: int) -> bool:
    """"At Tuesday's hearing, prosecutors charged ...", "During Monday's call, the two
    agreed": an occasion's day that opens the sentence dates its main verb (not a verb in
    "to" after it, nor "condemned Monday's attack", whose day is the attack's)."""
    return bool(re.search(r"(?:^|[.!?\n]\s*)(?:At|During)\s+$", text[max(0, d[0] - 12):d[0]])
                and re.match(r"\s+[^,;]{1,40},(?:(?!\bto\s)[^,;])*$", text[d[1] + 2:pos]))
