"""Which date an event takes: the date expressions of its sentence ranked by where they
stand (its own clause first, a stated day before a weekday), those that belong to
something else left out (the saying, a relative clause, a quote, the object noun, a
target year), else the publication date for a present state, else none."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.draft.clauses import ANNOUNCED_BY
from briefing.draft.dates import (
    NUMBERS,
    WEEKDAYS,
    Resolved,
    as_fact_date,
    days_long,
    find_dates,
    is_day,
    resolve_at,
)
from briefing.draft.day_words import (
    ACCORD_AFTER,
    AFTER_TALKS,
    AFTER_THEY,
    AHEAD_LABEL,
    AHEAD_OF,
    AT_MEETING_OF,
    AT_OCCASION,
    ATTRIBUTE_YEAR,
    CLOCK_TIME,
    DATELINE_BEFORE,
    DAY_LABEL,
    DEADLINE,
    DOCUMENT_DAY,
    IF_BEFORE,
    INTENT_TO,
    LATER,
    LOOKS_AHEAD,
    MADE_ACCORD,
    MEETING,
    PROPOSED_HAPPENING,
    PROPOSING,
    SAID_ASIDE,
    SAME_DAY,
    SCHEDULED_FOR,
    SPEECH,
    SUBORDINATE,
    TO_DO,
    day_last_named,
    entry_day,
    headed_day,
    occasion_day,
    timetable_verb,
)
from briefing.draft.saying_day import saying_date
from briefing.text import QUOTED

# The verb group before a trigger, read for what the tense says about the date.
PRESENT = re.compile(r"\b(?:is|are|am)\b")
# The perfect and the simple present ("has accused", "blames"): background holding now.
BACKGROUND = re.compile(r"\b(?:has|have|had)\s+(?:(?:\w+ly|long|also|already|often|always|"
                        r"since|twice|once|never)\s+)?\w+(?:ed|en|wn|ne|ght)\b|"
                        r"^\s*(?:\w+ly\s+)?(?!was\b|has\b|does\b|is\b)\w+[^s\W]s\b")
NEGATED_PERFECT = re.compile(r"\b(?:has|have)\b(?:\s+\w+){0,2}?\s+(?:not|never|no)\b|"
                              r"\b(?:has|have)n[’']t\b")
# A date right after a speech verb dates the saying: "detained ..., the ministry said on Sunday".
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated|"
                          r"confirmed|quoted as saying)\s+$", re.IGNORECASE)
_WHO = re.compile(r"(?:who|which|that)\b")   # (a relative clause with no comma before)
_SPEAKING = re.compile(r",\s+who\s+(?:was|were)\s+(?:speaking|visiting|travelling|in)\b")
# A relative clause or a participle's aside holds its own time ("talks, last held in 2024").
_RELATIVE = re.compile(r",\s+(?:(?:under|by|through|with|in|for|from) )?(?:which|who|whose|"
                       r"where)\b[^,;—]*|\b(?:under|by|through) which\b[^,;—]*|"
                       r"(?<=[a-z]\s)(?:who|which|that(?=\s+(?:[a-z]+ed|struck|hit|began)\b))"
                       r"\s+[^,;—]*|"
                       r",\s+(?:(?:last|first|previously|originally|once|\w+ly)\s+)?"
                       # (not ", called on both governments": a phrasal verb, no aside)
                       r"(?!(?:called|insisted|agreed|commented|focused)\s+on\b)"
                       r"[a-z]+(?:ed|en|eld|ught|et|ut)\s+(?:in|on|at|by|since|during|after|"
                       r"before)\b[^,;—]*,")
# A clause after the verb with its own subject and past verb has its own date ("suspended
# returns after gunmen attacked a centre on Monday"; not "after the attack on Monday").
_AFTER_CLAUSE = re.compile(r",?\s+(?:after|because|as)\s+(?!(?:the|a|an|its|their|his|"
                           r"her)\s+[a-z]+\s+(?:on|in|of|at)\b)(?:[\w’'\-]+\s+){1,3}?"
                           r"(?:[a-z]{3,}ed|met|held|took|fled|shot|struck|seized|began|left|"
                           r"broke|sent|made|fought|stormed|hit|went|came|tore|swept|fell|"
                           r"drove|flew|ran|sank|blew|spread|caught|froze|stole|led)\b[^;.]*$")
_EXPLICIT = re.compile(r"\d")   # a calendar day (and a timetable's verb: "meet on August 12")
_NEAR = re.compile(r"(?i:last|this|next|past|earlier this|later this)\s+(?i:week|month)")
# A subject's participle phrase ends at a date, then the main verb: "men seized in June were".
_SUBJECT_ENDS = re.compile(r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?")
# "his first visit since taking office in November": the date of that other verb.
_SINCE_DOING = re.compile(r"\bsince\s+(?:[a-z]+ing\b|(?:[\w’'\-]+\s+){1,3}?(?:took|became|"
                          r"came|won|began|was|were|[a-z]+ed)\b)[^,;.]*$", re.IGNORECASE)
# "lorries impounded at Chaman since October": a participle after its noun has its own time.
_PARTICIPLE = re.compile(r"\b(?!(?:is|are|was|were|be|been|being|has|have|had|not|also|already|"
                         r"then|later|jointly|formally|officially|reportedly|and|or|"
                         r"but|the|a|an|its|their|his|her|our|this|that)\b)[a-z]+\s+"
                         r"(?!(?:issued|released|published|adopted)\b)"
                         r"(?:[a-z]+ed|held|shut|set|cut|built|kept|seen|made)\s+"
                         r"(?:[\w’'\-]+\s+){0,5}$")
_SAYS_AFTER = re.compile(r"\b(?:said|says|told|added|announced)\b")   # (what was said)
_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAYS) + r")$", re.IGNORECASE)
_BUT = re.compile(r",\s+but\b")   # (", but freed his crew": whether the story goes on)
# "a complaint it filed", "the treaty Liberia signed", "a plea that X had filed": its date.
_ITS_OWN_DOER = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:(?:it|he|she|they|"
                           r"we|[A-Z][\w’'\-]+)\s+|that\s+(?:[\w’'\-]+\s+){1,4}had\s+)"
                           r"[a-z]+ed\b")
_BY_AGENT = re.compile(r"\b[a-z]+(?:ed|en)\s+by\b[^,;]*$")
_SAME_DOER = re.compile(r"\s+(?:(?:[A-Z][\w’'\-]+\s+){1,2}|the\s+(?:meeting|talks|session|round|"
                        r"summit)\s+|(?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+[’']s\s+(?:[a-z]+\s+){1,2}"
                        r")?(?:also\s+)?(?:[a-z]+ed|said|told|sent|made|gave|held|met|"
                        r"sought|broke)\b")   # (", but Ankara refused", ", but Togo's envoy left")
# A verb's object clause ("asked for guarantees that he would not be held"): not ahead.
_COMPLEMENT = re.compile(r"\b(?:that|whether|unless|if)\b", re.IGNORECASE)


# "fled in March and was granted asylum in July": another verb's conjunct lies between.
_OTHER_CONJUNCT = re.compile(r"\band\s+(?:[\w’'\-]+,?\s+){0,7}?(?:was|were|is|are|has|had|have|"
                             r"will|would|[a-z]+ed)\b")


def event_date(text: str, dates: list[tuple[int, int, str]], pos: int, c0: int, c1: int,
          pub: dt.date, future: bool, verbs: str, object_of: Any = None,
          nouns: tuple[int, ...] = (), lo: int | None = None,
          reported: tuple[tuple[int, int], ...] = ()) -> tuple[dict[str, Any], str]:
    # The date nearest the trigger, in its clause first, a calendar date before a weekday.
    # "the largest attack since 1979" is bounded by it; "Fighting since 13 June" runs on.
    sentence_lo = min([c0] + [d[0] for d in dates]) if lo is None else lo
    relative = [(m.start(), m.end()) for m in _RELATIVE.finditer(text, sentence_lo, c1 + 400)]
    mine = next(((a, b) for a, b in relative if a <= pos < b), None)
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text, 0, c1 + 400)
              if m.end() > sentence_lo]

    def _bound_elsewhere(d: tuple[int, int, str]) -> bool:
        return bool(SCHEDULED_FOR.search(text, max(0, d[0] - 30), d[0])) and not (
            pos < d[0] and len(text[pos:d[0]].split()) <= 12
            and not re.match(r"[\w’'\-]+\s+that\b", text[pos:d[0]]))   # ("demanded that the phase,
        # due to start on Thursday, be moved": the phase's day, not the demand's)

    def usable(d: tuple[int, int, str]) -> bool:
        if (said := _SAID_BEFORE.search(text, max(0, d[0] - 30), d[0])) and said.start() != pos:
            return False   # (not when the telling is the act: "told France on Friday to leave")
        if DATELINE_BEFORE.match(text, text.rfind("\n", 0, d[0]) + 1, d[0]):
            return False   # "NUKU'ALOFA, Sept 12 -": the day it was filed, no event's
        if _bound_elsewhere(d):
            return False   # "talks scheduled for Thursday after X arrested": the talks' day
        if pos < d[0] and _AFTER_CLAUSE.search(text, verb_end, d[0]):
            return False   # "had suspended returns, after gunmen attacked ... on Monday"
        if told and d[0] >= told.end():
            return True    # "the closure ..., which was announced by X on March 6"
        if pos < d[0] and re.search(r"\sbut\b|;", text[verb_end:d[0]]):
            return False   # "mediated a 2010 accord, but it withdrew in 2017": the other's
        if pos < d[0] and DOCUMENT_DAY.search(text, max(0, d[0] - 90), d[0]):
            return not future   # "agreed to reopen ..., said a statement issued on Sunday"
        if pos < d[0] and SPEECH.search(text, verb_end, d[0]):
            return False   # "thanked the donors and said ... next month": what was said
        if pos < d[0] and _PARTICIPLE.search(text, verb_end, d[0]) and \
                not re.match(r"\s+(?:by|on|in)\b", text[verb_end:]):
            return False   # "demanded the release of lorries impounded since October"
        if pos < d[0] and re.search(r"\band\s+(?:also\s+)?[a-z]+ed\s+to\s+[a-z]+",
                                    text[verb_end:d[0]]):
            return False   # "spoke by phone and agreed to meet on Monday": the meeting's
        if pos < d[0] and (TO_DO.match(text, verb_end, d[0]) and not re.search(
                r"\bto\s+\w+$", verbs) or INTENT_TO.search(verbs)
                           and text.startswith("agree", pos)):
            # (but "ordered them to leave ... on Thursday": the order's day)
            return False   # "agreed to hold a meeting in June": the meeting's month
        if pos < d[0] and _ITS_OWN_DOER.search(text, verb_end, d[0]):
            return False   # "withdrew a complaint it filed in 2029", "... that X had filed on"
        if pos < d[0] and re.search(r"\b(?:for|after|before|by)\s+[a-z]+ing\b|\bof\s+(?!(?:under"
                                    r"stand|meet|hear|brief|fund|train)ing)[a-z]+ing"
                                    r"\b(?!.*\band\s+[a-z]+(?:ed|t)\b)", text[verb_end:d[0]]):
            return False   # "thanked Accra for extraditing a suspect last month": its date
            # (and "accused X of shelling a town on Monday", not "... and summoned Y on")
        if pos < d[0] and AHEAD_OF.search(text[verb_end:d[0]]):
            return False   # "accused X ahead of the election on 27 October": the vote's day
        if pos < d[0] and PROPOSING.search(verbs) and len(text[verb_end:d[0]].split()) > 2 and (
                not _WEEKDAY.search(d[2]) or PROPOSED_HAPPENING.search(text, verb_end, d[0])) \
                and not (d[2].isdigit() and int(d[2]) < pub.year):   # (a past year: the offer's)
            return False   # "proposed a meeting in January" (not "offered aircraft on Sunday")
        if d[1] <= pos and re.fullmatch(r"\s+to\s+(?:[a-z][\w\-]*\s+){0,3}", text[d[1]:pos]) \
                and re.search(r"\b[a-z]{3,}ed\s+$", w := text[max(0, d[0] - 16):d[0]]) and not \
                re.search(r"\b(?:voted|decided|resolved|opted|chose)\s+$", w):
            return False   # "agreed on Tuesday to reopen": the agreeing's day (but "voted
            # on Thursday to suspend": the vote is the suspending)
        if any(a <= d[0] < b and not a <= pos < b for a, b in quoted):
            return False   # “... the world of today”: the quote's words, not a date
        if any(a <= d[0] < b and not a <= pos < b and not SAID_ASIDE.fullmatch(text, b, pos)
               for a, b in reported):   # (but "X met Y on Monday, both said, and agreed")
            return False   # "said the men would be freed on Thursday, and called on": theirs
        if future and any(a <= pos < b and d[1] <= a for a, b in reported):
            return False   # "On Wednesday, X said the envoy would be expelled": the saying's
        if text[d[1]:d[1] + 2] in ("'s", "’s"):   # "condemned Monday's attack": the attack's
            return pos > d[0] and (not text[d[1] + 2:pos].strip() or occasion_day(text, d, pos))
        if re.fullmatch(r"\d{4}", d[2]) and pos < d[0] and AT_MEETING_OF.search(
                text, max(0, d[0] - 40), d[0]) and MEETING.match(text, d[1]):
            return True   # "blocked a moratorium at the forum's 2029 meeting": then
        if re.fullmatch(r"\d{4}", d[2]) and ATTRIBUTE_YEAR.search(text, max(0, d[0] - 40),
                                                                  d[0]):
            # ("breaches a 2022 accord": the accord's year; but "signed the 1998 accord")
            return pos in nouns and bool(re.fullmatch(r"\s+(?:[a-z][\w\-]*\s+){0,3}",
                                                      text[d[1]:pos])) or bool(
                MADE_ACCORD.fullmatch(text, pos, d[0]) and ACCORD_AFTER.match(text, d[1]))
        if object_of is not None and d[0] < pos and not (AFTER_TALKS.search(
                text, max(0, pos - 50), pos + 16) and not DEADLINE.search(
                text, max(0, d[0] - 24), d[0]) and not DEADLINE.match(d[2])):
            return False   # "condemned on Sunday a strike": Sunday dates the condemning
            # (but "agreed on Wednesday ..., after their talks": talks of that day)
        if object_of is None and any(pos < n < d[0] and len(text[pos:n].split()) <= 3
                                     and len(text[n:d[0]].split()) >= 5 and not any(
                                         a <= n < b <= d[0] for a, b in quoted) for n in nouns):
            return False   # "condemned the attack ... last month" (not a quote's "attack")
        if (pos < d[0] or re.search(r",\s+and\b", text[d[1]:pos]) or IF_BEFORE.search(
                text, sentence_lo, d[0])) and (DEADLINE.search(text, max(0, d[0] - 24), d[0])
                                               or DEADLINE.match(d[2])):
            return False   # "by the end of July", "If ... not freed by Friday": a deadline
        if pos < d[0] and _AND_THEY_TO.search(text, pos, d[0]):
            return False   # "met X, and the two agreed to reconvene in January": theirs
        if (since := _SINCE_DOING.search(text, max(0, d[0] - 48), d[0])) and (
                pos < since.start() or pos >= d[1]):
            return False   # "since taking office in November": another verb's date
        if d[1] <= pos and (AFTER_THEY.search(text, d[1], pos)
                            or _SUBJECT_ENDS.fullmatch(text, d[1], pos)):
            return False   # "summoned the envoy on Thursday after the players were refused"
        if d[1] <= pos and re.match(r",?\s+after\s+[^,;]*$", text[d[1]:pos]) \
                and re.search(r"\bto\s+[a-z]+\b[^,;]*$", text[sentence_lo:d[0]]):
            return False   # "agreed to meet on May 10, after X seized": the meeting's day
        if d[1] <= pos and (";" in text[d[1]:pos] or any(
                not _SAME_DOER.match(text, m.end()) or _BY_AGENT.search(
                    text, text.rfind(",", 0, d[0]) + 1, d[0])
                for m in _BUT.finditer(text, d[1], pos))):
            return False   # "agreed in 2019 to set up a committee, but it has not met"
            # (", but promised": the same doer goes on, that day)
        inner = next(((a, b) for a, b in relative if a <= d[0] < b), None)
        # "The strike, which hit ... on Saturday": the noun's; but "At the round, held on Oct.
        # 21, X proposed", "X, who was speaking ... on Monday, accused": the act's day.
        return inner is None or inner == mine or (inner[0] >= pos and len(
            text[pos:inner[0]].split()) <= (7 if _WHO.match(text, inner[0]) else 1)) or (
            # "A visit to Rabat by X, planned for April,": the plan's day is the visit's
            inner[0] >= pos and len(text[pos:d[0]].split()) <= 12
            and bool(SCHEDULED_FOR.search(text, max(0, d[0] - 30), d[0]))) or inner[1] <= pos \
            and bool(AT_OCCASION.fullmatch(text, sentence_lo, inner[0]) or _SPEAKING.match(
                text, inner[0]))

    verb_end = pos + len(re.match(r"\S*", text[pos:]).group(0))
    # A noun whose doer is told after it ("the suspension ... was announced by X"): its date.
    told = ANNOUNCED_BY.match(text, verb_end) if pos in nouns else None
    candidates = [d for d in dates if usable(d)]
    # A calendar date before a weekday, else a weekday or "last week" by nearness.
    ranked = sorted(candidates, key=lambda d: (not (   # "a visit ... planned for next week"
        pos < d[0] and SCHEDULED_FOR.search(text, max(0, d[0] - 30), d[0])),
                                               # "held until last month, when each accused"
                                               not re.fullmatch(r",?\s+when\s+[^;.]*",
                                                                text[d[1]:max(d[1], pos)]),
                                               not (c0 <= d[0] < c1),
                                               # "summoned on Monday after X entered on
                                               # Sunday": each verb its own clause's date
                                               bool(SUBORDINATE.search(
                                                   text, min(d[1], pos), max(d[0], pos))
                                                   or _OTHER_CONJUNCT.search(
                                                       text, min(d[1], pos),
                                                       max(d[0], verb_end))),
                                               bool(_WEEKDAY.search(d[2])
                                                    or _NEAR.match(d[2])),
                                               abs(d[0] - pos)))
    # A plan told before this verb ("talks scheduled for Thursday after police arrested ...")
    # does not make it look ahead; nor words before a past verb ("the pact Peru signed in").
    after_plans = max([c0] + [d[1] for d in dates if d[1] <= pos and _bound_elsewhere(d)])
    past = bool(re.match(r"[a-z]{3,}ed\b", text[pos:pos + 24])) and not re.search(
        r"\b(?:be|been|being|to|will|would|shall)\s+$", text[max(0, pos - 10):pos])
    said_after = _SAYS_AFTER.search(text, pos, c1)
    complement = _COMPLEMENT.search(text, pos, c1)
    stop = min(m.start() for m in (said_after, complement) if m) if (said_after or
                                                                     complement) else c1
    # "by the end of next year": a date's own words say nothing of the verb's tense. Only
    # the words read are copied (from one character before, for the word boundary).
    base = max(0, after_plans - 1)
    # (past a noun's clause, "a session ..., had been pencilled in for December": up to it)
    reach = max([stop] + [a for a, _b, _p in ranked if pos in nouns])
    plain = list(text[base:reach])
    for a, b, _ in dates + [(a, b, "") for a, b in relative if (a, b) != mine and a > pos]:
        a, b = max(a, base) - base, min(b, reach) - base   # (nor a relative clause's after it)
        if a < b:
            plain[a:b] = " " * (b - a)
    window = "".join(plain)
    for start, close, phrase in ranked:
        # The words up to a date after the verb say which way it looks, not those after it.
        frm = pos if past and " to " not in text[pos:start] else after_plans
        ahead = future or bool(LOOKS_AHEAD.search(   # ("a summit next month": ahead by itself)
            window, frm - base, (min(start, reach) if start >= stop else
                                 min(stop, close) if start > pos else stop) - base)
            if start > pos else LOOKS_AHEAD.search(re.split(r",|\band\b", verbs)[-1])   # (its own)
        ) or pos < start and (len(text[verb_end:start].split()) <= 2 or text[verb_end - 1] == "s"
                              ) and bool(re.match(r"(?:next|later this|tomorrow)\b", phrase, re.I))
        ahead = ahead or start > pos and (text[start - 4:start] == "for " and bool(  # "a rally
            _WEEKDAY.search(phrase) or _EXPLICIT.search(phrase)) or bool(  # for Monday", "begins
            _WEEKDAY.search(phrase)) and timetable_verb(text, pos))   # on Friday"
        since = bool(re.search(r"\bsince\s+(?:the\s+)?$", text[max(0, start - 12):start])
                     or phrase.lower().startswith("since"))
        ahead = ahead and not since   # ("their first meeting since February": past)
        label = DAY_LABEL.match(text, para := text.rfind("\n", 0, start) + 1)
        ahead = ahead or not since and bool(AHEAD_LABEL.match(text, para))   # ("Next week.")
        if ahead and label and label.start("day") == start and re.search(
                r"\b(?:told|said|[a-z]{3,}ed)\b", text[label.end():pos]):
            ahead = False   # "Wednesday: X told MPs the men would be tried": a day gone by
        if DOCUMENT_DAY.search(text, max(0, start - 60), start):
            ahead = False   # "In a reply issued on Monday, X said it would": it came out
        if since and (re.fullmatch(r"\d{4}", phrase.strip()) or re.search(
                r"\b(?:will|shall|due|set|expected|plans?|scheduled)\b", verbs)):
            continue   # ("are due to meet, their first meeting since February": no date)
        if since and start > pos and re.search(r"[a-z]ed(?:\s+(?:to|on|for|with))?\s*$",
                                               verbs) and not re.search(
                r"\b(?:has|have|had|been)\b", verbs + " " + text[max(0, pos - 24):pos]):
            continue   # "demanded ... since October": a past act is not a state since then
        anchor = None
        # "recalled on Friday, a day after a soldier was shot": the shooting, the day before
        # ("four days after protesters stormed ..., setting fire to": still the stormers').
        inverse = start < pos and bool(re.search(r"\b(?:before|after)$", phrase, re.I)) \
            and not re.search(r";|,(?!\s+[a-z]+ing\b)", text[close:verb_end])
        if re.search(r"\b(?:earlier|later|before|after)$", phrase, re.IGNORECASE):
            # "two days earlier": counted from the date said before it in the sentence.
            prior = [d for d in dates if d[0] < start and (inverse or _EXPLICIT.search(d[2]))] \
                or [d for d in dates if start < d[0] < (pos if start < pos else close + 48)
                    and not inverse][:1]   # ("[expelled] two days after the arrests on Monday")
            if prior:
                anchor = resolve_at(text, prior[-1][0], prior[-1][2], pub, future=ahead)
        r = resolve_at(text, start, phrase, pub, future=ahead,
                       anchor=anchor.start if anchor else None)
        if inverse and anchor and anchor.start and r.start:
            day = anchor.start - (r.start - anchor.start)
            r = Resolved(phrase, day, day, f'"{phrase}" the act dated {anchor.note}: '
                         f"counted back from it, {day.isoformat()}")
        value, end = as_fact_date(r)
        if value is None and anchor is None and re.search(r"(?:earlier|later|before|after)$",
                                                          phrase):
            continue   # "a day after" with nothing in the sentence to count from
        if value is None:
            return {}, r.note
        if r.start > pub and not ahead and not (start < pos and text[close:close + 2] in (
                "'s", "’s")) and not (pos < start and (SCHEDULED_FOR.search(
                    text, max(0, start - 30), start) or _EXPLICIT.search(phrase)
                    and timetable_verb(text, pos))):   # ("ministers meet on August 12")
            # ("called off next week's talks", "postponed a visit set for May 9": ahead)
            continue   # "pledged to double trade by 2030": a target, not when it happened
        found = {"date": value, "date_basis": r.basis, "date_note": r.note}
        note = r.note
        if not end and (span := days_long(text, c0, c1, pos, value)):
            value, end, words = span   # ("ended a three-day visit on Tuesday")
            note += f"; '{words}'"
        if end:
            found = {"date": value, "date_end": end, "date_basis": r.basis,
                     "date_note": note + f" (the span {value} to {end})"}
        return found, "since " + re.sub(r"(?i)^since\s+", "", phrase) if since else \
            f"date from '{phrase}'"
    if PRESENT.search(verbs) or NEGATED_PERFECT.search(verbs):
        # "is dissatisfied", "has not yet commented": a state of affairs at publication.
        return {"date": pub.isoformat(), "date_basis": "resolved",
                "date_note": "no date in the sentence; present tense or 'has not': the "
                             f"state at the publication date {pub.isoformat()}"}, \
            "present tense"
    # Past, perfect or future with no date ("has offered", "will deliver") is vague.
    return {}, "no date in the sentence: left for the analyst"


def restated(day: dict[str, Any], note: str) -> dict[str, Any]:
    """A fact date taken over from elsewhere in the story, with its own note saying why."""
    return {k: v for k, v in day.items() if k != "date_note"} | {"date_note": note}


# A new subject's promise after ", and", whose plan a later date tells.
_AND_THEY_TO = re.compile(r",\s+and\s+(?:the\s+two|they|both)\s+(?:\w+\s+)?(?:agreed|promised|"
                          r"pledged|decided|vowed|undertook|offered|proposed)\s+to\b")


def day_told_before(events: list[tuple[dict[str, Any], tuple[int, int]]],
                    at: int) -> dict[str, Any] | None:
    """The day of the last act done on a day drafted before `at` (of equal spans, the last
    listed; not a plan "this year" nor a background month), or None."""
    dated = [(s, i) for i, (e, s) in enumerate(events) if s[0] < at and "date" in e
             and e.get("status") == "occurred" and is_day(e["date"])]
    if not dated:
        return None
    day = {k: v for k, v in events[max(dated)[1]][0].items() if k.startswith("date")}
    return restated(day, "no date in the sentence; the day of the act drafted before it "
                         f"({day.get('date_note', '')})")


def labelled(text: str, c0: int) -> bool:
    """The paragraph of the sentence starting at `c0` is headed by its day ("THURSDAY.",
    "May 3 —"), and the sentence is not that heading: the label, not the sentence before,
    dates what the sentence tells undated."""
    return (para := text.rfind("\n", 0, c0) + 1) < c0 and bool(DAY_LABEL.match(text, para))


def counted_on(text: str, c0: int, c1: int, day: dict[str, Any], whose: str,
               pub: dt.date | None = None) -> tuple[dict[str, Any], str] | None:
    """The day a clause text[c0:c1] counts from `day` ("the following day"; given `pub`, from
    the day its paragraph last names), or the year from the year told before ("Two years
    later"); None when it counts none."""
    later = LATER.search(text, c0, c1)
    if later and pub and (named := day_last_named(text, c0, day, pub)):
        day, whose = named, "the day its paragraph last names"
    unit, d = (later.group("unit") or later.group("unit2") if later else ""), day.get("date", "")
    year = re.findall(r"\b(?:1[89]|20)\d\d\b", text[max(0, c0 - 400):c0]) if later and \
        unit[0] == "y" and not text[c0:later.start()].strip(" ,") else None
    if not later or day.get("date_end") or unit.startswith("month") or not (
            year or is_day(d) and unit[0] != "y"):
        return None   # ("In 1993 ... . Two years later X": from the year told before)
    word = (later.group("n") or "a").lower()   # "the following day": one
    n = int(word) if word.isdigit() else NUMBERS.get(word, 1)   # ("an": one)
    n = -n if later.group("way") in ("earlier", "before") else n
    d = year[-1] if year else d
    out = int(d) + n if year else (dt.date.fromisoformat(d) + dt.timedelta(
        days=n * (7 if unit.startswith("week") else 1))).isoformat()
    return {"date": out, "date_basis": "resolved",
            "date_note": f"'{later.group(0)}': counted from the day of {whose} "
                         f"({day['date']})"}, f"counted: '{later.group(0)}'"


def day_of_context(text: str, c0: int, c1: int, at: int, carry: dict[str, Any],
                   pub: dt.date) -> tuple[dict[str, Any], str]:
    """A date the sentence gives only by pointing back ("in the afternoon": the day of the
    sentence before), by its paragraph's label, or by a live page's entry clock time."""
    if carry and SAME_DAY.search(text, c0, c1):
        phrase = SAME_DAY.search(text, c0, c1).group(0)
        return restated(carry, f"'{phrase}': the day of the sentence before "
                               f"({carry.get('date_note', '')})"), f"same day as before: '{phrase}'"
    para = text.rfind("\n", 0, c0) + 1
    # (from the sentence's start: "At around 4 p.m. police detained ..." has no comma)
    clock = CLOCK_TIME.search(text, max(para, text.rfind(". ", 0, c0) + 1), c1)
    if clock:
        if carry and find_dates(text, para, c0):
            if re.search(r"\ba\.?m\b", clock.group(0)) and re.search(r"\d\s*p\.?m\b", text[
                    para:c0]) and is_day(carry.get("date")):
                # "At 11:40 p.m. on Monday ... At 12:15 a.m. shots were fired": past midnight
                day = (dt.date.fromisoformat(carry["date"]) + dt.timedelta(days=1)).isoformat()
                return {"date": day, "date_basis": "resolved", "date_note": f"'{clock.group(0)}'"
                        f" after a p.m. time of {carry['date']} in its paragraph: the next day "
                        f"{day}"}, f"time of day past midnight: '{clock.group(0)}'"
            return restated(carry, f"'{clock.group(0)}': a time of the day the paragraph told "
                                   f"of ({carry.get('date_note', '')})"), \
                f"time of day: '{clock.group(0)}'"
        return headed_day(text, c0, pub, f"'{clock.group(0)}'") or {
            "date": pub.isoformat(), "date_basis": "resolved",
            "date_note": f"'{clock.group(0)}': a time of day, no day told in its paragraph: "
                         f"the story's own day, its publication {pub.isoformat()}"}, \
            f"time of day: '{clock.group(0)}'"
    if carry and (found := counted_on(text, c0, c1, carry, "the sentence before", pub)):
        # "The standoff began on November 28 ... Manila deployed ships two days later"
        return found
    return paragraph_day(text, c0, pub) or entry_day(text, c0, at, pub)


def paragraph_day(text: str, c0: int, pub: dt.date) -> tuple[dict[str, Any], str] | None:
    """"Thursday: Algeria's minister telephoned ... Tunis welcomed the offer": a day-by-day
    account's paragraph label dates what the paragraph tells undated; None with no label."""
    if not ((label := DAY_LABEL.match(text, para := text.rfind("\n", 0, c0) + 1)) and para < c0):
        return None
    value, end = as_fact_date(r := resolve_at(text, label.start("day"), label.group("day"), pub))
    return None if value is None else ({
        "date": value, "date_basis": r.basis, "date_note": f"no date in the sentence; its "
        f"paragraph is headed '{label.group('day')}': {r.note}"} | (
            {"date_end": end} if end else {})), f"paragraph '{label.group('day')}'"


def day_carried(text: str, carry: dict[str, Any] | None, again: list[dict[str, Any]],
                said: list[Any], dates: list[tuple[int, int, str]], lo: int, hi: int,
                pub: dt.date) -> dict[str, Any] | None:
    """The day the sentence text[lo:hi] hands on to the next, given `carry`, the date of
    its first event (None when it told of none)."""
    if not carry and again and "date" in again[-1] and again[-1]["status"] == "occurred":
        # "The agreement was reached during a meeting ...": the story goes on that day
        return {k: again[-1][k] for k in ("date", "date_end", "date_basis", "date_note")
                if k in again[-1]}
    if carry is None:
        ahead = any(not any(x.content[0] <= m.start() < x.content[1] for x in said)
                    for m in LOOKS_AHEAD.finditer(text, lo, hi))   # (not in what was said)
        # "Naseem said on Friday that ... . He accused ...": the saying's day goes on; so
        # does a calendar day a sentence gives with no act ("The standoff began on May 2").
        return next((d for x in said if lo <= x.start < hi and "date" in (
            d := saying_date(dates, (x.start, x.content[0]), pub)[0] or saying_date(
                dates, (x.content[1], x.end + 100), pub)[0])), None) or next((
                {"date": v, "date_basis": "resolved", "date_note": r.note}
                # ("The tone softened on Wednesday.": a weekday too, unless it looks ahead)
                # ("His hearing is set for March 24.": a day to come, not the story's)
                for a, _b, phrase in dates if (_EXPLICIT.search(phrase) or _WEEKDAY.search(
                    phrase)) and not ahead
                and not SCHEDULED_FOR.search(text, max(lo, a - 30), a)
                and not re.search(r"\bsince\b[^,;]*$|\b(?:until|by)\s+$", text[lo:a])   # a bound
                and not DATELINE_BEFORE.match(text, text.rfind("\n", 0, a) + 1, a)
                and not any(x.content[0] <= a < x.content[1] for x in said)   # (what was said)
                and not (SPEECH.search(text, lo, a)
                         and not _SAID_BEFORE.search(text, max(lo, a - 30), a))
                and is_day(v := as_fact_date(r := resolve_at(text, a, phrase, pub))[0])),
                None)
    return carry
