"""An event mentioned again: "the strike" after a strike was told (one happening, more
evidence), and "the ministers ... again" (those who last acted together)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.draft.actors import Mention, Registry
from briefing.draft.clauses import FUTURE
from briefing.draft.evidence import quote, trimmed
from briefing.draft.when import event_date


def together(out: list[tuple[dict[str, Any], tuple[int, int]]], reg: Registry,
             at: int, unnamed: str) -> list[Mention]:
    """The actors of the last event two or more did together, as mentions at `at`."""
    last = next((e for e, _ in reversed(out) if len(e["participants"]["actor"]) > 1
                 and unnamed not in e["participants"]["actor"]), None)
    return [Mention(at, at, a, reg.actors[a]["kind"], "again")
            for a in (last["participants"]["actor"] if last else [])]


def merge_again(out: list[tuple[dict[str, Any], tuple[int, int]]], text: str, t: Any, c0: int,
           c1: int, dates: list[tuple[int, int, str]], pub: dt.date, lo: int,
           told: list[dict[str, Any]] | None = None) -> bool | dict[str, Any]:
    """A definite noun ("the strike") with no actor of its own, after an event of the same
    type: the same happening, mentioned again (True; the event is added to `told`). Its
    words join that event's evidence, and a date said here fills the event's date when it
    had none. Said of another time, it is another happening: that earlier event is
    returned."""
    mode = t.trigger.plover_mode
    same = [e for e, _ in out if e["plover_type"] == t.trigger.plover_type
            and (e["plover_mode"] == mode or "" in (e["plover_mode"], mode))]
    if not same:
        return False
    event = same[-1]
    if re.match(r"\s+again\b", text[t.end:t.end + 8]):
        return event   # "that the committee meet again in Herat": another meeting
    future = bool(FUTURE.search(text, t.end, c1))
    here, _ = event_date(text, dates, t.start, c0, c1, pub, future, "", lo=lo)
    if here and "date" in event and here["date"] != event["date"]:
        return event   # "the war ... began in April 2023": another time, another event
    ev_end = trimmed(text, t.end, c1)
    ev_start = max(c0, t.start - 4 if text[t.start - 4:t.start].lower() == "the " else t.start)
    q = quote(text, ev_start, ev_end)
    if q not in event["evidence"]:
        event["evidence"].append(q)
    if "date" not in event:
        date, why = event_date(text, dates, t.start, c0, c1, pub, False, "", lo=lo)
        if date and not why.startswith("since "):   # ("the deadliest since May": a bound)
            event.update(date)
            event["reason"] += f"; mentioned again, {why}"
    if told is not None and not re.search(r"\b(?:about|over|of|for|against|with|into|from)\s+"
                                          r"(?:the|this|that|these|those)\s+$",
                                          text[max(lo, t.start - 30):t.start]):
        told.append(event)   # ("shared concern about the detentions": the story stays)
    return True


def dated_again(event: dict[str, Any], twin: dict[str, Any]) -> None:
    """"said on Thursday that the corvette had acted lawfully and accused Oslo of ...":
    one act read twice in a sentence is one event; an undated first reading takes the
    date the second gave."""
    if "date" not in event and "date" in twin:
        event.update({k: twin[k] for k in ("date", "date_end", "date_basis", "date_note")
                      if k in twin})
        event["reason"] += "; date from its second reading in the sentence"


def same_subject(out: list[tuple[dict[str, Any], tuple[int, int]]], prev: Any,
                 before: list[Mention] | None, lo: int, reg: Registry) -> list[Mention]:
    """"Norway criticised both countries and urged them": a verb joined to the one before
    it in the sentence, with only that verb's objects named between them (or, `before`
    None, no name at all: "The kidnappers had demanded ..., and threatened"), is done by
    the same actors. [] when the names before it are not all after the verb before."""
    if prev is None or not out or before is not None and (
            not before or any(m.start < prev.start for m in before)):
        return []
    event, (start, _end) = out[-1]
    if start != prev.start or start < lo:
        return []
    return [Mention(prev.start, prev.start, a, reg.actors[a]["kind"], "again")
            for a in event["participants"]["actor"] if a in reg.actors]


# Acts a story first names as a noun with no doer, then tells in full: one happening.
_TOLD_AGAIN = frozenset({"COERCE", "SANCTION", "MOBILIZE"})


def told_then_named(out: list[tuple[dict[str, Any], tuple[int, int]]]
                    ) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """"to protest against the closure of a canal ... Kazakh officials shut the gates on
    February 26": an undated act no one is named doing, told again in full by one of the
    next two events of the same type and code, is that event (its words join it)."""
    drop: set[int] = set()
    for i, (a, _) in enumerate(out):
        if a["plover_type"] not in _TOLD_AGAIN or "date" in a or not all(
                x.startswith("unnamed-") for x in a["participants"]["actor"]):
            continue
        for b, _ in out[i + 1:i + 3]:
            if b["plover_type"] == a["plover_type"] and b["cameo_code"] == a["cameo_code"] \
                    and not any(x.startswith("unnamed-") for x in b["participants"]["actor"]):
                b["evidence"] = a["evidence"] + [q for q in b["evidence"]
                                                 if q not in a["evidence"]]
                drop.add(i)
                break
    return [x for i, x in enumerate(out) if i not in drop]


def agreed_to_meet(out: list[tuple[dict[str, Any], tuple[int, int]]]
                   ) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """"agreed to meet in Vienna on March 4": the agreeing is an intent to meet (CAMEO
    036) when the meeting it agrees to is drafted apart, planned."""
    from briefing.draft.triggers import plover_for

    for i, (e, (start, _end)) in enumerate(out):
        if e["plover_type"] != "CONSULT" or "invited by 'agree" not in e["reason"]:
            continue
        for a, (a_start, _) in reversed(out[max(0, i - 3):i]):
            if a["plover_type"] == "AGREE" and a["cameo_code"] == "030" and \
                    0 < start - a_start < 80 and "-agree-to" in a["id"]:
                a["cameo_code"], a["plover_mode"] = "036", plover_for("036")[1]
                a["reason"] += "; what is agreed is a meeting: an intent to meet (036)"
                break
    return out


def ruled_out_steps(out: list[tuple[dict[str, Any], tuple[int, int]]]
                    ) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """"did not rule out sanctions": the sanctions are what the threat (130) holds out, not
    an act of their own; the step drafted apart, hypothetical, right after it is dropped
    and its words join the threat's reason."""
    drop: set[int] = set()
    for i, (e, (_start, end)) in enumerate(out):
        if e["cameo_code"] != "130" or "'did not rule out'" not in e["reason"]:
            continue
        for j in range(i + 1, min(i + 3, len(out))):
            step, (s0, _s1) = out[j]
            if step["status"] == "hypothetical" and 0 < s0 - end <= 40 and \
                    step["participants"]["actor"] == e["participants"]["actor"]:
                drop.add(j)
                e["reason"] += f"; the step held out: {step['plover_type']} " \
                               f"{step['cameo_code']}"
    return [x for i, x in enumerate(out) if i not in drop]


def warned_with_appeal(text: str, out: list[tuple[dict[str, Any], tuple[int, int]]]
                       ) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """"urged Chad to let the trucks through, warning that stocks would run out": the
    warning is the appeal's reason, no threat of its own — dropped when the same actor's
    appeal (a REQUEST in the same sentence) comes right before it."""
    drop: set[int] = set()
    for i, (e, (start, _end)) in enumerate(out):
        if e["plover_type"] != "THREATEN" or not text.startswith("warning", start) \
                or not re.search(r",\s*$", text[max(0, start - 3):start]):
            continue
        if any(a["plover_type"] == "REQUEST" and a_start < start
               and a["evidence"][0] == e["evidence"][0]
               and a["participants"]["actor"] == e["participants"]["actor"]
               for a, (a_start, _) in out[max(0, i - 3):i]):
            drop.add(i)
    return [x for i, x in enumerate(out) if i not in drop]
