"""Criticism said in words no trigger names: 'said the closure was "disproportionate"',
'told reporters that Peru had acted "with reckless disregard"'. A saying whose own words
judge harshly, and that holds no drafted act, is criticism (CAMEO 111) by its speaker —
of the other side it names, if it names one. The analyst confirms it, as every draft."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.draft.actors import Registry, slug
from briefing.draft.dates import find_dates
from briefing.draft.evidence import quote
from briefing.draft.saying_day import said_day
from briefing.draft.sources import PENDING, TODO
from briefing.draft.triggers import plover_for
from briefing.draft.when import day_told_before, paragraph_day

# Words of news English that judge an act or a side harshly.
_HARSH = re.compile(
    r"\b(?:unacceptable|unjustifi\w+|disproportionate|illegal(?:ly)?|unlawful(?:ly)?|"
    r"illegitimate|"
    r"violat(?:es?|ed|ing|ions?)|breach(?:es|ed|ing)?|provocati\w+|provocations?|hostile|"
    r"aggressi\w+|harass\w*|intimidat\w+|interfer\w+|meddl\w+|hypocri\w+|irresponsible|"
    r"reckless\w*|dangerous|at\s+risk|punish\w*|punitive|discriminat\w+|humiliat\w+|"
    r"abus\w+|persecut\w+|retribution|vendetta|cover-up|lies|lying|negligen\w+|shameful|"
    r"outrageous|deplorable|regrettable|disappoint\w+|unfair|arbitrary|hostage|blackmail\w*|"
    r"bully\w*|coerci\w+|sabotag\w+|insult\w*|offensive|unfriendly|destabili[sz]\w+|"
    r"escalat\w+|excessive|heavy-handed|crackdown|repressi\w+|incompatible\s+with|"
    r"not\s+enough|far\s+too\s+little|steps?\s+backwards?|disregard|contempt|arrogan\w+|"
    r"cynical|absurd|betray\w*|smear\w*|propaganda|pretext|land\s+grab|bad\s+faith|"
    r"double\s+standards?|irresponsibl\w+|unprovoked|act\s+of\s+\w+\s+aggression)\b",
    re.IGNORECASE)
# "said the claims were unfounded" (a denial), "if London chooses escalation" (a threat):
# other acts, for other rules.
_OTHER_ACT = re.compile(r"\b(?:unfounded|baseless|groundless|false|untrue|fabricat\w+|if|unless|"
                        r"(?:will|would)\s+be\s+punished)\b",   # ("would be punished": a pledge)
                        re.IGNORECASE)
# "not illegal", "no provocation": the harsh word denied.
_DENIED = re.compile(r"\b(?:not|no|never|nothing|neither|nor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def critical_sayings(text: str, body: list[dict], said: list[Any], reg: Registry,
                     events: list[tuple[dict[str, Any], tuple[int, int]]], pub: dt.date,
                     sources: Any) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """The events `events` leaves out: each saying of a named speaker whose words judge
    harshly and hold no drafted act, as criticism (CAMEO 111) by the speaker."""
    out: list[tuple[dict[str, Any], tuple[int, int]]] = []
    acts = [span[0] for _e, span in events]
    done: set[tuple[str, int]] = set()
    for x in sorted(said, key=lambda s: s.content[0] - s.content[1]):   # widest words first
        c0, c1 = x.content
        speaker = reg.actors.get(x.speaker)
        if speaker is None or x.speaker.startswith("unnamed-") or x.reason.startswith(
                "no comment") or any(c0 <= a < c1 or x.start <= a < x.end for a in acts):
            continue
        harsh = next((h for h in _HARSH.finditer(text, c0, c1)
                      if not _DENIED.search(text, max(c0, h.start() - 24), h.start())), None)
        if harsh is None or _OTHER_ACT.search(text, c0, c1):
            continue
        sentence = next((s for s in body if s["start"] <= x.start < s["end"]), None)
        if sentence is None or (x.speaker, sentence["start"]) in done:
            continue
        done.add((x.speaker, sentence["start"]))
        own = {x.speaker, speaker.get("parent")}
        target = next((m.actor for m in reg.mentions if c0 <= m.start < c1
                       and m.via != "demonym" and m.actor not in own
                       and not m.actor.startswith("unnamed-")
                       and reg.actors.get(m.actor, {}).get("parent") not in own - {None}),
                      None)
        found = said_day(text, find_dates(text, sentence["start"], sentence["end"]), [x],
                         c0, pub)
        date, why = found if found and found[0] else ({}, "no date for the saying")
        if not date and (labelled := paragraph_day(text, sentence["start"], pub)):
            date, why = labelled   # ("Sept. 11: ... . X said ...": the paragraph's day)
        if not date and (day := day_told_before(events + out, sentence["start"])):
            date, why = day, "no date for the saying: the day of the act drafted before it"
        ptype, mode = plover_for("111")
        name = speaker["name"]
        words = re.sub(r"^(?:that\s+)", "", " ".join(text[c0:c1].split()).strip(' ,.“”"'))
        summary = f"{name} criticised {reg.actors[target]['name']}" if target else \
            f"{name} said {words}" if len(words.split()) <= 20 else f"{name} voiced criticism"
        event = {
            "id": f"ev-{len(events) + len(out) + 1}-{slug('criticise')}",
            **date,
            "plover_type": ptype, "plover_mode": mode, "cameo_code": "111",
            "status": "occurred", "source": sources.for_said(x, reg), "credibility": TODO,
            "summary": summary,
            "participants": {"actor": [x.speaker], **({"recipient": [target]} if target
                                                     else {})},
            "evidence": [quote(text, x.start, x.end)],
            "review": PENDING,
            "reason": f"the saying's words judge harshly ('{harsh.group(0)}'): criticism "
                      f"by its speaker; {why}",
        }
        out.append((event, (c0, c0)))
    return out
