"""The day of an occasion a story goes on telling of: a call or meeting between named
parties, or a statement issued on a stated day. Sentences that tell what was said or done
on that occasion, with no date of their own ("Toktorov told Abenov that ...", "according
to the readout", "The two leaders also agreed ..."), take its day."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from briefing.draft.actors import Mention, Registry
from briefing.draft.attribution import Said
from briefing.draft.dates import is_day
from briefing.draft.when import restated

# A document the story cites: its day is the day of what it tells.
_DOCUMENT = re.compile(r"\b(?:statement|readouts?|communiqu[ée]|declaration|press release)\b",
                       re.IGNORECASE)
# A sentence that says it tells from the occasion: "according to the readout", "in the
# joint statement", "during the call".
_FROM_IT = re.compile(r"\breadouts?\b|\b(?:in|according\s+to)\s+(?:the|their)\s+"
                      r"(?:[\w’'-]+\s+){0,2}?(?:statement|communiqu[ée]|declaration)\b|"
                      r"\b(?:during|in|on|at)\s+the\s+(?:(?:phone|telephone|video)\s+)?"
                      r"(?:call|conversation|talks|meeting)\b", re.IGNORECASE)
# "After the ceremony", "on the margins of the funeral": at the occasion the story tells of.
_AT_OCCASION = re.compile(r"\b(?:[Aa]fter|[Dd]uring|[Ii]n|[Aa]t|"
                          r"[Oo]n\s+the\s+(?:margins|sidelines)\s+of)\s+the\s+(?:same\s+)?"
                          r"(?:debate|sitting|ceremony|(?P<sign>signing)|service|funeral|"
                          r"inauguration|reception|banquet|state\s+dinner|official\s+talks|"
                          r"swearing-in)\b|"
                          r"\b[Oo]n\s+the\s+(?:margins|sidelines)\b"
                          r"(?!\s+of\s+(?:a|an|next|last)\b)")
# "In the same statement": the statement the sentence before told of.
_SAME = re.compile(r"\b(?:in|according\s+to)\s+the\s+same\s+(?:statement|readout|"
                   r"communiqu[ée]|briefing|interview)\b", re.IGNORECASE)
# A session of many parties that leads a story: what its members are told doing after it,
# in the simple past with no day of their own, was done there ("Chile on Thursday vetoed
# a draft Security Council resolution ... Ghana's ambassador accused Santiago of ...").
_SESSION = re.compile(r"\b(?:summit|Security Council|General Assembly|Permanent Council|"
                      r"(?:annual|special|emergency|extraordinary|closing|plenary|ministerial)"
                      r"\s+(?:session|meeting)|session\s+of|forum|conference|communiqu[ée]|"
                      r"resolution)\b")
_KINDS = ("person", "state")
# "held since the seizure": the act a state of affairs dates from, and its CAMEO codes.
_SINCE_THE = re.compile(r"\bsince\s+(?:the|its|their|his|her|that)\s+(?:[a-z\-]+\s+){0,2}?"
                        r"(?P<n>seizures?|captures?|boardings?|arrests?|detentions?|attacks?|"
                        r"raids?|strikes?|clash(?:es)?|expulsions?)\b")
_SINCE_CODES = {"seizur": ("171",), "captur": ("171", "173"), "boarding": ("171",),
                "arrest": ("173",), "detention": ("173",), "attack": ("18", "19"),
                "raid": ("18", "19"), "strik": ("19", "18"), "clash": ("19",),
                "expulsion": ("166",)}
# The end of a sentence: its stop, a closing quote or bracket, and the next one's start.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_TOLD = re.compile(r"\s+(?:told|assured|warned|informed)\s+")


def _sides(reg: Registry, ids: list[str]) -> set[str]:
    """The actors `ids` with the states or bodies their people belong to."""
    return set(ids) | {p for i in ids if (p := reg.actors.get(i, {}).get("parent"))}


class Occasions:
    """What the story has dated so far: its last call or meeting between two or more named
    parties (with who took part) and its last dated document."""

    def __init__(self) -> None:
        self.meeting: dict[str, Any] | None = None
        self.parties: frozenset[str] = frozenset()
        self.document: dict[str, Any] | None = None
        self.session: dict[str, Any] | None = None
        self._first = True   # no occurred, dated event noted yet
        self.lead_day: dict[str, Any] | None = None
        self.done: list[tuple[str, dict[str, Any]]] = []   # (CAMEO code, day) so far
        # The sentences that told of occurred, dated acts, by start: (days, doers and
        # the doers' states or bodies).
        self._told: dict[int, tuple[set[str], set[str]]] = {}

    def _parties(self, reg: Registry, ids: list[str]) -> set[str]:
        out = set()
        for i in ids:
            a = reg.actors.get(i, {})
            if a.get("kind") in _KINDS:
                out.add(i)
                if a.get("kind") == "person" and a.get("parent"):
                    out.add(a["parent"])
        return out

    def note(self, text: str, lo: int, hi: int, event: dict[str, Any], reg: Registry) -> None:
        """Keep an occurred, dated event's day as the occasion's when it is a call or
        meeting between two or more parties, or the first dated act of a sentence that
        names a document."""
        if event["status"] != "occurred" or "date" not in event:
            return
        day = {k: event[k] for k in ("date", "date_end", "date_basis", "date_note")
               if k in event}
        if self.lead_day is None and is_day(event["date"]):
            self.lead_day = day   # the story's first act done on a day
        if self._first and _SESSION.search(text, lo, hi) and is_day(event["date"]):
            self.session = day   # the story's first dated act is a session's
        self._first = False
        self.done.append((str(event["cameo_code"]), day))
        ids = event["participants"]["actor"] + event["participants"].get("recipient", [])
        days, doers = self._told.setdefault(lo, (set(), set()))
        days.add(str(event["date"]))
        doers.update(_sides(reg, event["participants"]["actor"]))
        people = [i for i in ids if reg.actors.get(i, {}).get("kind") in _KINDS]
        if event["plover_type"] == "CONSULT" and len(set(people)) >= 2:
            self.meeting, self.parties = day, frozenset(self._parties(reg, people))
        if _DOCUMENT.search(text, lo, hi) and not _SAME.search(text, lo, hi):
            self.document = day

    def same_doer_goes_on(self, text: str, lo: int, day: dict[str, Any], reg: Registry,
                          subject: list[Mention]) -> bool:
        """Whether the sentence right before the one at `lo`, in its paragraph, told of an
        act done on `day` by this sentence's subject or its side: "... Angola closed the
        border on Friday. Foreign Minister Tavares (of Angola) demanded ..." goes on with
        Friday; a reply from the other side ("Namibia's minister denied ...") is not
        dated by it."""
        # (noted in text order: the last start before `lo` is found from the end)
        at = next((s for s in reversed(self._told) if s < lo), None)
        if at is None or at == next(iter(self._told)) or "\n" in text[at:lo] \
                or len(_SENTENCE_END.findall(text, at, lo + 2)) != 1:
            # the story's first dated act (its lead, mostly: the story may go on with
            # another day), or not the sentence right before in its paragraph
            return False
        days, doers = self._told[at]
        return str(day.get("date")) in days and bool(_sides(reg, [m.actor for m in subject])
                                                       & doers)

    def day_for(self, text: str, lo: int, hi: int, ids: list[str], reg: Registry,
                carry: dict[str, Any] | None, at: int = -1, said: tuple[Said, ...] = (),
                mentions: tuple[Mention, ...] = ()) -> tuple[dict[str, Any], str]:
        """The occasion's day for an undated act at `at` in the sentence lo:hi whose actor
        and recipient are `ids`; ({}, "") when the sentence does not tell of an occasion.
        An act inside what someone told someone ("Abdel-Rahman told Odhiambo that Egypt
        would not accept ...") counts the speaker and the one told as its parties."""
        for x in said:
            told = [m.actor for m in mentions if x.start <= m.start < x.content[0]
                    and m.actor != x.speaker]
            if x.content[0] <= at < x.content[1] and told:
                ids = [x.speaker] + told
        for a, b in pairwise(mentions):
            if b.end <= at and lo <= a.start and _TOLD.fullmatch(text, a.end, b.start):
                ids = [a.actor, b.actor]   # "Abdel-Rahman told Odhiambo that ...", nested
        same = _SAME.search(text, lo, hi)
        if same and carry:
            return self._as(carry, f"'{same.group(0)}': the statement of the sentence before")
        at_it = _AT_OCCASION.search(text, lo, hi)
        signed = next((d for c, d in reversed(self.done) if c == "057"), None) \
            if at_it and at_it.group("sign") else None   # ("said at the signing")
        if at_it and (signed or self.meeting or self.lead_day):
            return self._as(signed or self.meeting or self.lead_day,
                            f"'{at_it.group(0)}': the day of the occasion the story tells of")
        cue = _FROM_IT.search(text, lo, hi)
        if cue:
            told = cue.group(0)
            document = _DOCUMENT.search(told)
            day = self.document if document and self.document else self.meeting or (
                self.document if document else None)
            if day:
                return self._as(day, f"'{told}': the day of the occasion it tells of")
        ids = list(dict.fromkeys(ids))
        if self.meeting and len(ids) >= 2 and self._parties(reg, ids) <= self.parties \
                and len(self._parties(reg, ids)) >= len(ids) \
                and any(reg.actors.get(i, {}).get("kind") == "person" for i in ids):
            if carry and str(carry.get("date", "")) > str(self.meeting.get("date", "")) and \
                    len(str(carry.get("date", ""))) == 10:
                # ("held talks on Tuesday ... told a joint press conference on Wednesday.
                # ... Ramsaran accepted her invitation": the visit went on to that day)
                return self._as(carry, "the parties of the meeting before, speaking to each "
                                       "other on the later day the story went on to")
            return self._as(self.meeting, "the parties of the call or meeting before, "
                                          "speaking to each other")
        return {}, ""

    def since_then(self, text: str, at: int, hi: int) -> tuple[dict[str, Any], str]:
        """The day of the act a state is held "since" ("The crew have been held since the
        seizure"): the last dated act of that kind told before; ({}, "") when none is."""
        since = _SINCE_THE.search(text, at, hi)
        if since is None:
            return {}, ""
        codes = _SINCE_CODES[since.group("n").rstrip("s").removesuffix("e")]
        day = next((d for c, d in reversed(self.done) if c.startswith(codes)), None)
        if day is None:
            return {}, ""
        return self._as(day, f"'{since.group(0)}': the day of that act, told before")

    def in_session(self) -> tuple[dict[str, Any], str]:
        """The day of the session the story is led by, for an act told after it in the
        simple past with no day of its own; ({}, "") when no session leads the story."""
        if not self.session:
            return {}, ""
        return self._as(self.session, "told after the session that leads the story, in the "
                                      "simple past: done at it")

    @staticmethod
    def _as(day: dict[str, Any], why: str) -> tuple[dict[str, Any], str]:
        return restated(day, f"no date in the sentence; {why} ({day.get('date_note', '')})"), why
