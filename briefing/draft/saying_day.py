"""The day of a saying: acts done by saying them (a stance, a demand, a refusal) are
dated by the day they were said ("told B on Sunday that A would not accept ..."), and "He
added that ..." goes on saying on the day of the saying before."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.draft.dates import as_fact_date, find_dates, is_day, resolve
from briefing.draft.day_words import DATELINE_BEFORE, SPEECH, SUBORDINATE

_ADDED = re.compile(r"\badd(?:ed|s)\b")
# "She said ...": the speaker of the saying before, going on.
_GOES_ON = re.compile(r"(?:He|She|They|It)\s+(?:also\s+)?(?:said|says|told)\b")


# Acts done by saying them: a stance said in reported speech ("told B on Sunday that A
# would not accept ...") is taken when it is said.
VERBAL = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# A state the saying reports as it stood then: "said on Thursday that the alliance was in
# contact with Oslo", "... that its envoys were holding talks".
_STATE_THEN = re.compile(r"\b(?:was|were)\s+(?:(?:still|now|already|also)\s+)?(?:in\s+contact|"
                         r"[a-z]{3,}ing)\b")


def by_saying(plover_type: str, verbs: str) -> bool:
    """Whether an act of this type, with this verb group, is dated by the saying that
    reports it (when nothing else dates it)."""
    return plover_type in VERBAL or bool(_STATE_THEN.search(verbs))


def saying_date(dates: list[tuple[int, int, str]], said: tuple[int, int],
                pub: dt.date) -> tuple[dict[str, Any], str]:
    """The date said with the speech verb (between the speaker and what was said), as a
    fact date; ({}, "") when the saying is undated."""
    for start, _end, phrase in dates:
        if said[0] <= start < said[1]:
            value, end = as_fact_date(resolve(phrase, pub))
            if value is None:
                return {}, ""
            note = f"'{phrase}': the day it was said (a stance taken by saying it)"
            return ({"date": value, "date_basis": "resolved", "date_note": note}
                    | ({"date_end": end} if end else {})), f"date of the saying '{phrase}'"
    return {}, ""


def told_with_verb(text: str, dates: list[tuple[int, int, str]], lo: int
                   ) -> list[tuple[int, int, str]]:
    """The dates that may date a saying opened at `lo`: not one said well after its verb
    ("said Brazil would not hand over X, who has been there since Saturday, and that")."""
    return [d for d in dates if not _PAST_VERB.search(text, lo, d[0])]


_PAST_VERB = re.compile(r"\b(?:said|says|told|added|announced)(?:\s+\S+){6,}\s*$")


def said_day(text: str, dates: list[tuple[int, int, str]], said: list[Any], at: int,
             pub: dt.date) -> tuple[dict[str, Any], str] | None:
    """The date of the saying whose words hold `at` (its speech verb before the words, or
    after them: "…," he said on Monday); None when no saying holds it."""
    for x in said:
        # (an allegation read from the saying itself, "said ... that the scheme breached",
        # starts at its speech verb)
        if x.content[0] <= at < x.content[1] or x.start <= at < x.content[0]:
            found = saying_date(told_with_verb(text, dates, x.start), (x.start, x.content[0]),
                                pub)
            # ("..., a spokeswoman said on Tuesday", "... she said in an interview on
            # Thursday": the day may follow the verb, in its clause.)
            # ("On Wednesday, X said", "Speaking in Lima on Thursday, X said": it opens)
            opening = [d for d in dates if d[1] <= x.start and not SUBORDINATE.search(
                text, d[1], x.start) and not SPEECH.search(text, d[1], x.start)
                       and not DATELINE_BEFORE.match(text, text.rfind("\n", 0, d[0]) + 1, d[0])]
            if not found[0]:
                found = saying_date(opening[-1:], (opening[-1][0], x.start), pub) if opening \
                    else saying_date([d for d in dates if _said_then(text, x.content[1], d[0])],
                                     (x.content[1], x.end + 100), pub)
            if not found[0] and (y := _goes_on_from(text, said, x)) is not None:
                # "He added that ...": the saying goes on, on the day of the one before.
                lo = text.rfind("\n", 0, y.start) + 1
                return said_day(text, find_dates(text, lo, y.end), [y], y.content[0], pub) \
                    or found
            return found
    return None


def _said_then(text: str, lo: int, at: int) -> bool:
    """A speech verb in text[lo:at], in the active, that the date at `at` follows in its
    own clause: "...," he said (at a news conference) on Monday (not "..., said the troops
    were back by Sunday", what was said, nor "had been told of the operation on
    Saturday")."""
    verbs = [v for v in SPEECH.finditer(text, lo, at)   # (not "had been told of")
             if not re.search(r"\b(?:been|was|were|is|are)\s+$", text[max(lo, v.start() - 6):
                                                                     v.start()])]
    between = text[verbs[-1].end():at] if verbs else ""
    return bool(verbs) and len(between.split()) <= 8 and not re.search(
        r"[,;]|\b(?:that|was|were|is|are|had|has|have|would|will|could)\b", between)


def _goes_on_from(text: str, said: list[Any], x: Any) -> Any:
    """The saying right before `x` that `x` goes on with ("He added that ...", "She said
    ..." by the same speaker), or None."""
    y = next((y for y in reversed(said) if y.end <= x.start), None)
    if y is None or len(text[y.end:x.start].strip()) >= 3:
        return None
    if _ADDED.search(text, x.start, x.content[0]) or (
            x.speaker == y.speaker and _GOES_ON.match(text, x.start)):
        return y
    return None


_HE_SHE = re.compile(r"\s*(?:He|She)\s+(?:[^.;]*\s(?:and|but)\s+)?(?:also\s+|then\s+|later\s+|"
                     r"\w+ly\s+)?$")   # ("She accused X of ... and urged")


def speaker_goes_on(text: str, said: list[Any], lo: int, at: int, actors: list[str],
                    pub: dt.date) -> tuple[dict[str, Any], str] | None:
    """'"...," X said on Sunday. She accused Baku of ...': an act done by saying, told next
    with "He" or "She" for the one who just spoke, on the day of that saying; None else."""
    if not _HE_SHE.fullmatch(text, lo, at):
        return _quoted_next(text, said, at, actors, pub)
    y = next((y for y in reversed(said) if y.end <= lo), None)
    # (the quote's speaker may follow it: '"…," X said.')
    if y is None or y.speaker not in actors or "\n" in text[y.end:lo] or re.search(
            r"[.!?]", text[y.end:lo].strip()[:-1]):
        return None
    after = [d for d in find_dates(text, y.end, lo) if _said_then(text, y.end, d[0])]
    line = text.rfind("\n", 0, y.start) + 1   # ('"…," X, the deputy who ..., said on Sunday')
    found = saying_date(after, (y.end, lo), pub) if after else said_day(
        text, find_dates(text, line, y.end), [y], y.content[0], pub)
    return found if found and found[0] else None


def _quoted_next(text: str, said: list[Any], at: int, actors: list[str],
                 pub: dt.date) -> tuple[dict[str, Any], str] | None:
    """'Gharbi rejected the deadline. "Tunisia takes no instructions," he told parliament
    on March 4.': an act done by saying, then the words of its doer (or of one who speaks
    for the doer's state) told next, on the day they were said; None else."""
    stop = _NEXT_SENTENCE.search(text, at)
    y = next((y for y in said if stop and y.content[1] > stop.end()), None)
    if stop is None or y is None or not (y.speaker in actors or y.side in actors) \
            or not (stop.end() <= min(y.start, y.content[0]) <= stop.end() + 1
                    or _OPENING.fullmatch(text, stop.end(), min(y.start, y.content[0]))) \
            or "\n" in text[at:y.end]:
        return None
    # ("Tehran denies it. General X, a spokesman for its army, said on Monday that ...",
    # '"…," he said on Monday': the saying's day, read in its own sentence only)
    end = (_STOP.search(text, y.content[1]) or re.search(r"$", text)).start()
    found = said_day(text, find_dates(text, stop.end(), end), [y], y.content[0], pub)
    return found if found and is_day(found[0].get("date")) and "date_end" not in found[0] \
        else None


# What may open the next sentence before its saying: "Speaking in Kigoma on Wednesday, she
# said", "On Monday, he told reporters".
_OPENING = re.compile(r"(?:(?:Speaking|Addressing|Writing|Interviewed)\b[^.;\"“”]{0,80}|"
                      r"(?:On|Late\s+on|Early\s+on)\s+\w+(?:\s+\w+)?),\s*"
                      r"(?:[A-Z][\w’'\-]*\s+){0,5}")   # (a title before the name)
# The end of a sentence, before the next one's capital or opening quotation mark.
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’']?\s+(?=[\"“A-Z])")
_STOP = re.compile(r"[.!?]")
