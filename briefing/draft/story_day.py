"""The day an act the sentence leaves undated takes from the story around it: the call or
meeting it was done at, the sentence before when the same actors go on, a pointer back
("in the afternoon", "two days later"), a paragraph's day label or clock time, the
many-party session that leads the story, or the day its sayer spoke. ({}, "") when none
holds: the date is left for the analyst."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.draft.actors import Mention, Registry
from briefing.draft.attribution import Said
from briefing.draft.clauses import CONTINUING
from briefing.draft.dates import as_fact_date, find_dates, is_day, resolve
from briefing.draft.day_words import FEW_DAYS, headings
from briefing.draft.occasion import Occasions
from briefing.draft.saying_day import said_day, saying_date, told_with_verb
from briefing.draft.when import (
    BACKGROUND,
    NEGATED_PERFECT,
    PRESENT,
    counted_on,
    day_of_context,
    labelled,
    restated,
)

# A paragraph that opens with its day: "On Tuesday Bucharest hits back.", "Wednesday brings".
_DAY_OPENS = re.compile(r"\s*(?:On\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday)\b(?!\s*[.:—–])")
# A verb in the simple present, third person ("accuses", "denies"), not an auxiliary.
_SIMPLE_PRESENT = re.compile(r"(?!(?:has|was|is|does|says|plans|aims|hopes|wants|seeks|"
                             r"needs|means|remains|seems|talks|protests|rallies|strikes|"
                             r"attacks|raids|clashes|threats|demands|charges|visits|arrests|"
                             r"appeals)\b)[a-z]{2,}(?<![su])s\b")
# A plural subject whose verb in the present has no "-s": "Fiji's police accuse her".
_PLURAL_SUBJECT = re.compile(r"(?:[’']s|\bthe)\s+(?:police|authorities|prosecutors|officials|"
                             r"ministers|rebels|militants|protesters)\s+$", re.IGNORECASE)
_BARE_VERB = re.compile(r"[a-z]+(?<!ed)\b")
# ... after its subject, not a determiner or preposition ("despite calls for restraint").
_NOT_SUBJECT = re.compile(r"\b(?:the|a|an|of|for|to|in|on|with|and|or|by|their|its|his|her|"
                          r"after|despite|amid|new|opposition)\s+$", re.IGNORECASE)


def day_from_story(text: str, dates: list[tuple[int, int, str]], pub: dt.date, *, at: int,
                   lo: int, hi: int, c0: int, c1: int, verbs: str, future: bool, noun: bool,
                   subject: list[Mention], actors: list[str], recipients: list[str],
                   said: list[Said], local: list[Mention], reg: Registry,
                   occasions: Occasions, carry: dict[str, Any] | None,
                   last_day: dict[str, Any] | None) -> tuple[dict[str, Any], str]:
    """The story's day for the act at `at` in the sentence text[lo:hi] (its clause c0:c1,
    its verb group `verbs`), tried in order of how surely it holds."""
    state = PRESENT.search(verbs) or NEGATED_PERFECT.search(verbs)
    background = BACKGROUND.search(verbs)
    if not future and FEW_DAYS.search(text, c0, c1) and (found := _month_before(text, lo, pub)):
        return found, "days later"   # "in early August 2029 ... . Lima expelled X days later"
    if not future and (found := occasions.since_then(text, at, hi))[0]:
        return found   # "The crew have been held since the seizure"
    if not future and not noun and not background:
        found = occasions.day_for(text, lo, hi, actors + recipients, reg, carry, at,
                                  tuple(said), tuple(local))
        if found[0]:
            return found
    if carry and not future and not noun and not labelled(text, c0) \
            and not any(h.end() <= c0 for h in headings(text)) \
            and is_day(carry.get("date")) \
            and (any(m.via in CONTINUING for m in subject)
                 or occasions.same_doer_goes_on(text, lo, carry, reg, subject)) \
            and not state and not background \
            and not counted_on(text, c0, c1, carry, "the sentence before"):   # ("The next day")
        # "Lopez met Soto on Friday. She also demanded ...": the same actors go on with
        # the day's story, with no date of their own; so does the same side named again
        # right after ("Angola closed ... on Friday. Its foreign ministry called ...").
        # An actor newly named ("Qatar promised ...") is left undated, for the analyst:
        # the day before would be a guess.
        return restated(carry, f"no date in the sentence; the day of the sentence before "
                               f"({carry.get('date_note', '')})"), "date of the sentence before"
    if not future:
        found = day_of_context(text, c0, c1, at, carry or last_day, pub)
        if found[0]:
            return found
    if not future and not noun and not state and not background:
        found = occasions.in_session()
        if found[0]:
            return found
    if not noun:
        for x in said:
            if x.content[1] <= at < hi and x.speaker in actors:
                # "said on Sunday that ... and called Ortiz": the sayer goes on with the
                # day of the saying.
                return saying_date(told_with_verb(text, dates, x.start), (x.start, x.content[0]),
                                   pub)
    if future or noun or not (_SIMPLE_PRESENT.match(text, at) or _PLURAL_SUBJECT.search(
            text, max(0, at - 24), at) and _BARE_VERB.match(text, at)):
        return {}, ""
    if carry and is_day(carry.get("date")) and _DAY_OPENS.match(text, text.rfind("\n", 0, at) + 1):
        # "On Tuesday Bucharest hits back. Its minister accuses ...": a paragraph told in
        # the present from the day it opens with
        return restated(carry, f"no date in the sentence; told in the present in a "
                               f"paragraph opened by its day ({carry.get('date_note', '')})"), \
            "the paragraph's day"
    if not _NOT_SUBJECT.search(text, max(0, at - 16), at):
        # "Tonga accuses Kaufana of ...", "He denies every charge": where it stands at
        # publication
        return {"date": pub.isoformat(), "date_basis": "resolved",
                "date_note": "no date in the sentence; told in the present: the stand at the "
                             f"publication date {pub.isoformat()}"}, "simple present"
    return {}, ""


def _month_before(text: str, lo: int, pub: dt.date) -> dict[str, Any] | None:
    """The month the sentence before the one at `lo` dates its act in, when it gives one
    ("The rift dates to early August 2029"); None when it gives a day or none."""
    before = max(text.rfind(". ", 0, max(0, lo - 2)), text.rfind("\n", 0, max(0, lo - 2))) + 1
    phrases = find_dates(text, before, lo)
    value = as_fact_date(r := resolve(phrases[-1][2], pub))[0] if phrases else None
    if not re.fullmatch(r"\d{4}-\d\d", str(value)):
        return None
    return {"date": value, "date_basis": r.basis,
            "date_note": f"'days later' than the sentence before's {r.note}: within that month"}


def day_it_moves_to(text: str, dates: list[tuple[int, int, str]], at: int, lo: int,
                    date: dict[str, Any], noun: bool, reported: bool) -> dict[str, Any] | None:
    """The day the story goes on with after an occurred act at `at` dated `date` ({} when
    the act leaves the story's day where it was, None when it leaves it to the rest of
    the sentence)."""
    # A happening a speaker names by a noun ("said the measures answered the dispersal of
    # miners on August 21") is background, and so is a noun dated by a possessive
    # ("follows Monday's arrest of ...") or a relative clause's act ("diggers who
    # Kinshasa says were shot on Feb. 3"): the story's day does not move to it.
    own_day = any(text[b:b + 2] in ("'s", "’s") and 0 <= at - b < 24 for _a, b, _p in dates)
    # ("the boat and its nine sailors that Equatorial Guinea seized on Monday": so does a
    # "that" clause after a noun, not a saying's)
    relative = re.search(r"\b(?:who|which|whose)\b[^,;—]*$|\b(?!(?:said|says|told|added|"
                         r"announced|stated|warned|insisted|claimed|believes|believe|hopes|"
                         r"reported|confirmed|denied|argued|noted|say|tell|[a-z]+ing)\b)[a-z]+\s+that\s+"
                         r"(?-i:[A-Z])[^,;—]*$", text[lo:at])
    # ("said the sponsors had twice offered a text in March": the pluperfect looks back)
    # (and so does a "since" clause: "have detained 200 since protests broke out on May 2")
    looks_back = re.search(r"\b(?:had|has|have)\s+(?:(?:\w+ly|twice|once|already|also|"
                           r"never|been)\s+)*$", text[max(lo, at - 40):at]) or re.search(
                               r"\bsince\s+[^,;]*$", text[lo:at])
    if looks_back or relative:
        return None   # the sentence may still hand on its saying's day
    if "date" not in date or noun and (reported or own_day):
        return {}
    return dict(date)


class Lead:
    """The day a one-day story tells of: its lead's act dated the publication day by a word
    relative to it ("on Tuesday" in a Tuesday story, "today"), or the day its lead's
    speakers said it ("..., their foreign ministers said on Thursday"). A later sentence
    with no date of its own and a past act takes it, while the story stays on that day
    (not after a sentence that moved it, nor once the story turns to its background: an
    act dated weeks before, a year before this one). A lead dated the day before is left
    alone: such stories go on with today as often as with yesterday."""

    def __init__(self, pub: dt.date) -> None:
        self.pub, self.day, self.seen, self.over = pub, None, 0, False
        # the day a sentence with no act of its own set ("Then go back to last Sunday
        # night, when the week began."), for the next sentence only
        self.scene: dict[str, Any] | None = None

    def after(self, text: str, phrases: list[tuple[int, int, str]],
              here: list[dict[str, Any]], handed: dict[str, Any] | None) -> None:
        """Note a sentence: its date phrases, the events it told of and the day it hands on."""
        self.scene = handed if not here and phrases and handed and self.seen \
            and is_day(handed.get("date")) else None
        self.seen += bool(here)
        if (here and self.seen <= 2 or self.seen == 0) and self.day is None and handed \
                and (self._fresh(handed) or self.seen <= 1 and self._eve(handed)
                     and not any("date" in e for e in here)):
            # (a lead with no act of its own sets the day too: "Heads of state filled the
            # cathedral on Friday for the funeral of ...")
            self.day = handed
            return
        old = (self.pub - dt.timedelta(days=10)).isoformat()
        if self.day is not None and (
                any(str(e.get("date", "9"))[:10] < old for e in here)
                or any(int(y) < self.pub.year for a, _b, p in phrases
                       for y in re.findall(r"\b(?:19|20)\d\d\b", p)
                       if not re.search(r"\bsince\s+(?:\S+\s+){0,5}$", text[max(0, a - 50):a]))):
            self.over = True   # the story turned to its background (not "since ... 2029")

    def _eve(self, d: dict[str, Any]) -> bool:
        """("Governments reacted on Friday to ...", published on Saturday; "The bridge
        finally opened on Saturday", in a Monday paper: a lead with no act of its own that
        tells of a day of the week before publication sets that day.)"""
        note, day = str(d.get("date_note", "")), str(d.get("date", ""))
        return "resolved against" in note and (day == str(self.pub - dt.timedelta(days=1)) or (
            is_day(day) and self.pub - dt.timedelta(days=6) <= dt.date.fromisoformat(day) < self.pub
            and note.lower().startswith('"on ')))   # (a weekday as a subject sets no day)

    def _fresh(self, d: dict[str, Any]) -> bool:
        note = str(d.get("date_note", ""))
        return str(d.get("date", "")) == self.pub.isoformat() and (
            "resolved against" in note or "today" in note or "the day it was said" in note)

    def day_for(self, verbs: str, has_dates: bool,
                last: dict[str, Any] | None) -> tuple[dict[str, Any], str] | None:
        """The day for a past act in a sentence with no date (`has_dates` false) and the
        verb group `verbs`, told after the day `last`: the one the sentence before set, else
        the lead's; None when neither holds."""
        if has_dates or PRESENT.search(verbs) or NEGATED_PERFECT.search(verbs) \
                or BACKGROUND.search(verbs):
            return None   # (a date of its own, or a state of affairs, not an act done)
        if self.scene is not None:
            return restated(self.scene, "no date in the sentence; the day the sentence "
                                        f"before set ({self.scene.get('date_note', '')})"), \
                "the day the sentence before set"
        if self.day is None or self.over or last and last.get("date") != self.day.get("date"):
            return None
        return restated(self.day, f"no date in the sentence; the story's day, its lead's "
                                  f"({self.day.get('date_note', '')})"), "the lead's day"


def dated_ahead(plover_type: str, date: dict[str, Any], why: str, st: str, st_why: str,
                text: str, dates: list[tuple[int, int, str]], said: list[Any], at: int,
                pub: dt.date) -> tuple[dict[str, Any], str, str, str]:
    """An act told as done but dated after the publication day is planned; but a threat, a
    refusal or a promise is made when it is said ("warned she would take the dispute to the
    tribunal next month"): the day of its saying, else no date (the day ahead is the
    threatened act's, not the threat's)."""
    if st != "occurred" or str(date.get("date", ""))[:10] <= pub.isoformat():
        return date, why, st, st_why
    if plover_type not in ("THREATEN", "REJECT", "AGREE"):
        return date, why, "planned", "dated after the publication day"
    found = said_day(text, dates, said, at, pub)
    if found and found[0] and str(found[0].get("date", ""))[:10] <= pub.isoformat():
        return found[0], found[1], st, st_why
    return {}, "a day to come is the promised act's, not the saying's: left for the analyst", \
        st, st_why
