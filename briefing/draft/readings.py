"""How a trigger is read in its sentence: forms that name no act here ("armed groups",
"discussed trade"), and acts that the saying around them makes another event ("said its
post had been shelled" is an accusation, "said it would donate" a pledge)."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

from briefing.draft.actors import Mention, Registry, state_like, unnamed_id
from briefing.draft.clauses import (
    ADJECTIVE,
    ALLEGED,
    ARMS_NOUN,
    ASKED_THAT,
    BREAK,
    COMPLEMENT,
    CONTROL_TYPES,
    PEOPLE_OF,
    STATE_MEANS,
)
from briefing.draft.triggers import OBLIGED_WHY, REFUSED_WHY

# A verb's bare form after a preposition or a past tense is that verb's noun, the object
# of another act: "discussed trade and security", "at the level of trade officials".
_OBJECT_OF = re.compile(r"(?:\b(?:of|on|in|about|over|for|with|at|from|into|between|despite|"
                        r"amid)|\b[a-z]{3,}ed)\s+$")
_DETERMINED = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+[a-z]{3,}ed\s+$",
                         re.IGNORECASE)
# Movement verbs said of people moved by others ("the detainees were flown to the
# capital"): transport, not a visit.
_MOVED = re.compile(r"\b(?:was|were|been|being|be)\s+(?:\w+ly\s+)?$")
_MOVEMENT = ("fly to", "travel to", "travel", "arrive in")
# A denial's object is what it denies, not an act: "denied that its troops had fired",
# "denied firing".
_DENIED = re.compile(r"^(?:\s+on\s+\w+)?\s+(?:that|having)\b(?:(?!\s(?:and|but)\s)[^;.—])*$|"
                     r"^(?:\s+on\s+\w+)?\s*$")
# What is released that is no one set free: water, words, money, data.
_RELEASED_THING = re.compile(r"\s+(?:\S+\s+){0,5}?(?:water|cubic|metres|meters|statement|report|"
                             r"figures|data|video|footage|funds|details|results|images|photos|"
                             r"document|text|list|findings|tranche)\b", re.IGNORECASE)
# What a demand asks for, by the act demanded (CAMEO 10x): a release, a de-escalation, a
# meeting, aid; yielding otherwise.
_DEMANDED = {"084": "1053", "087": "1056", "086": "1056", "040": "106", "043": "106",
             "046": "106", "070": "103", "073": "1033", "081": "1051", "085": "1054"}
# Hostile acts said to come on a condition are threats of them (CAMEO 13x).
_THREATS = {"SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138"}
# Hostile acts a party to the story reports of the other side: an accusation.
_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# What a side may refuse to do for another (CAMEO 12x): aid, cooperation, a deal, a
# meeting, support.
_REFUSABLE = {"AID": "122", "COOPERATE": "121", "AGREE": "120", "SUPPORT": "120",
              "CONSULT": "125"}


# A sentence opened by the pair a story tells of, then a verb with its object.
_PAIR_OPENS = re.compile(r"\s*(?:[Tt]he\s+two|[Bb]oth|[Ee]ach)\s+")
_VERB_OBJECT = re.compile(r"\s+(?:[A-Z]|(?:the|a|an|its|their|each|one)\b)")


def not_an_act(text: str, lo: int, t: Any) -> bool:
    """Whether the matched words are a form of the trigger that names no act here."""
    word = text[t.start:t.end]
    first = word.split()[0].lower()
    if not t.trigger.noun and ADJECTIVE.search(text, max(lo, t.start - 12), t.start) \
            and word.endswith("ed") and not (_PAIR_OPENS.fullmatch(text, lo, t.start)
                                            and _VERB_OBJECT.match(text, t.end)):
        return True   # "Peru’s alleged weapons": a participle used as an adjective
        # (but "Both accused Tanzania of ...", "The two signed a treaty": the pair acts)
    if word.lower() == "armed" and re.match(r"\s+[a-z]+s\b", text[t.end:]):
        return True   # "armed groups", "armed forces": an adjective, not arming
    if word.lower() == "arms" and ARMS_NOUN.match(text, t.end):
        return True   # "suspended arms exports": weapons, not arming
    if word.lower() == "supplies" and re.search(
            r"(?<![\w’'])(?!also\b|still\b|now\b)[a-z]+(?<!ly)\s+$",
            text[max(lo, t.start - 20):t.start]):
        return True   # "water supplies", "medical supplies": goods, not supplying
    if not t.trigger.noun and " " not in t.trigger.phrase \
            and first in (t.trigger.phrase.lower(), t.trigger.phrase.lower() + "s") \
            and _OBJECT_OF.search(text, max(lo, t.start - 16), t.start) \
            and not _DETERMINED.search(text, max(lo, t.start - 24), t.start):
        return True   # "discussed trade", "the level of trade officials": a noun
        # (not "postponed a planned visit": an adjective, the visit is the act's)
    if word.lower() == "release" and (
            re.search(r"\bpress\s+$", text[max(lo, t.start - 8):t.start], re.IGNORECASE)
            or re.match(r"\s+(?:said|says|added|adds|stated|read|reads)\b", text[t.end:])):
        return True   # "a press release", "…," the release added": the document
    if t.trigger.phrase == "order ** to" and re.match(
            r"\s+(?:the|a|an|its|their|his|her|[A-Z])", text[t.end:]):
        return True   # "ordered troops to the border": a movement, not a demand
    if word.endswith("ing") and " " not in word and re.search(
            r"\b\w+\s+(?:on|about|over|regarding|concerning)\s+$",
            text[max(lo, t.start - 24):t.start]):
        return True   # "a treaty on building a railway": what the treaty is about
    if t.trigger.phrase == "warn" and (m := re.match(r"\s+(?:that\s+)?([^.;:“\"]{0,120})",
                                                      text[t.end:])) and re.match(
            r"(?:[\w’'\-,]+\s+){1,8}?(?:had|has|have|was|were)\s", m.group(1)) and not re.search(
            r"\b(?:would|will|could|might|may|risk|unless|if)\b", m.group(1)):
        return True   # "warning that 85,000 people had received no food": a fact, no threat
    if t.trigger.phrase == "release" and (_RELEASED_THING.match(text, t.end) or (
            first in ("release", "releases") and not re.match(r"\s+(?:of|from)\b", text[t.end:])
            and re.search(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[a-z]+er)\s+$",
                          text[lo:t.start]))):
        return True   # "released a statement", "a higher release", "that release ran"
    if re.search(r"\bnothing\s+to\s+$|\bwithout\s+(?:[a-z]+ing\s+)?(?:an?\s+|any\s+)?$",
                 text[max(lo, t.start - 30):t.start]):
        return True   # "had nothing to apologise for", "met without reaching agreement"
    if t.trigger.phrase == "retaliate" and re.match(r"\s+(?:\w+\s+){0,2}?by\s+[a-z]+ing\b",
                                                   text[t.end:]):
        return True   # "retaliated by banning imports": the ban is the act
    return t.trigger.phrase in _MOVEMENT and bool(
        _MOVED.search(text, max(lo, t.start - 16), t.start))


def denied(text: str, control: Any, act: int) -> bool:
    """Whether the act at `act` is what a denial just before it denies."""
    return control.trigger.phrase == "deny" and bool(_DENIED.match(text[control.end:act]))


# "... would be freed on Thursday, and called on Asmara": a verb in the past, active, is
# done, whatever was said before it of the future.
PAST_ACTIVE = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )[a-z]{3,}ed\b")
# "summoned Peru's ambassador, Ana Rojas, declared ... and gave him", "summoned the
# ambassador, Ana Rojas, and handed her a note declaring": a verb after the object, with no
# subject of its own, is the first verb's subject's.
_LISTED_VERB = re.compile(r"\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)(?:\w+ly\s+)?(?:[a-z]{2,}ed|"
                          r"gave|sent|met|told|made|took|held|left|put|set|threw|drew)\b")


def listed_after(text: str, before: list[Any], prev: Any, t: Any) -> bool:
    """Whether the verb of trigger `t` follows the object of the verb before it (`prev`)
    with no subject of its own."""
    return bool(before and prev and prev.end <= before[-1].start
                and _LISTED_VERB.match(text, before[-1].end, t.end))
# "... and impose sanctions", "... and pay for the damage": a bare verb after "and" goes on
# with what is asked, offered or threatened; a past one ("and threatened") is an act.
_AND_TAIL = re.compile(r"\s+and\s+$")
# What was asked, listed after a colon: ": free the fishermen, and " before "apologise".
_LISTED = re.compile(r":\s*(?:[^.;:]*,\s*(?:and\s+|or\s+)?)?$")


@functools.lru_cache(maxsize=1)
def _irregular_past() -> frozenset[str]:
    """The irregular verbs' forms that are no lemma, third person or -ing form ("met",
    "sent", "said"), read once from the table."""
    from briefing.draft.gazetteer import load_gazetteer

    return frozenset(f for lemma, forms in load_gazetteer().irregular.items() for f in forms
                     if f != lemma and not f.endswith(("s", "ing")))


def _past(word: str) -> bool:
    low = word.lower()
    return low.endswith("ed") or low in _irregular_past()


def controlled(text: str, control: Any, act: int, t: Any) -> bool:
    """Whether the act at `act` (trigger `t`) is what the request, offer, refusal, threat
    or accusation `control` before it is about ("urged Kigali to lift the closure",
    "demanded that Minsk find and prosecute", "accused the army of shelling"), not an act
    of its own."""
    if BREAK.search(text, control.end, act):
        return False
    kind = control.trigger.plover_type
    if kind == "ACCUSE":
        return bool(ALLEGED.match(text[control.end:t.start]))
    if kind not in CONTROL_TYPES:
        return False
    words, past = text[control.end:act], _past(text[t.start:t.end].split()[0])
    if kind == "REQUEST" and _LISTED.search(words) and not past:
        return True   # "gave the envoy two demands: free the fishermen, and apologise"
    if (tail := _AND_TAIL.search(words)) and not past:
        words = words[:tail.start()] + " "   # (so "to suspend Congo and impose" ends "to X ")
    asked = (" that" if control.trigger.phrase.endswith(" that") else "") + words
    return bool(COMPLEMENT.match(words) or (kind == "REQUEST" and ASKED_THAT.match(asked)) or (
        control.trigger.phrase.endswith(" to")   # "was ready to return"
        and not text[control.end:t.start].strip()))


def recoded(code: Any, cameo: str, **changes: Any) -> Any:
    """The same trigger coded with another CAMEO code, its PLOVER type and mode from
    PLOVER's own table ("protested" said of a state: 114, a complaint)."""
    from briefing.draft.triggers import plover_for

    ptype, mode = plover_for(cameo)
    return dataclasses.replace(code, cameo_code=cameo, plover_type=ptype, plover_mode=mode,
                               **changes)


def as_said(code: Any, status: str, actors: list[str], recipients: list[str],
            speaker: str | None, speaker_state: str | None, *, why: str = ""
            ) -> tuple[Any, str, list[str], list[str], str] | None:
    """What reported speech makes of an act, or None when it stays the act:

    - a party reporting the other side's hostile act against it ("Toktorov told the
      president that enemy troops had shelled a Kyrgyz post") accuses that side (CAMEO
      112): the act is theirs to allege, not the drafter's to assert;
    - material aid said to come ("said Mexico would donate twelve vehicles") is a pledge
      of aid (033), made when it is said;
    - a hostile act its own side's speaker says it did not do ("Chea told Prasert that
      Cambodian troops had laid no mines") is a denial (120) by the speaker.
    An act no one is named doing ("a landmine wounded three soldiers") accuses no one.
    """
    if status == "hypothetical" and why.startswith(OBLIGED_WHY) and speaker \
            and speaker not in actors and (not speaker_state or speaker_state not in actors):
        # "Chad said Sudan must withdraw its troops": the speaker's demand of Sudan.
        wanted = [a for a in actors if not a.startswith("unnamed-")] or recipients
        return recoded(code, _DEMANDED.get(code.cameo_code[:3], "100"), mutual=False), \
            "occurred", [speaker], wanted, "another side must act, says the speaker: a demand"
    if code.plover_type == "AID" and status == "planned":
        return recoded(code, "033", mutual=False), "occurred", actors, recipients, \
            "aid said to come: a pledge"
    if code.plover_type in _HOSTILE and status == "negated" and speaker and (
            speaker_state in actors or speaker in actors):
        return recoded(code, "120", mutual=False), "occurred", [speaker], recipients, \
            "its own side says the act was not done: a denial"
    if code.plover_type in _HOSTILE and status in ("occurred", "historical") and speaker \
            and speaker_state and speaker_state in recipients \
            and speaker_state not in actors and speaker not in actors \
            and not all(a.startswith("unnamed-") for a in actors):
        return recoded(code, "112", mutual=False), "occurred", [speaker], actors, \
            "a party reports the other side's act against it: an accusation"
    return None


# What a government may do to another that, not ruled out, is a warning: "did not rule out
# legal action", "would not rule out cutting flights" (not talks or a visit).
_COERCIVE = re.compile(r"\s+(?:(?:a|an|the|any|further|new|its|tougher|stronger)\s+)?(?:[a-z]+\s+)?"
                       r"(?:sanctions?|legal|court|arbitration|force|military|retaliat\w*|"
                       r"reprisals?|expel\w*|expulsions?|recall\w*|cut\w*|clos\w+|suspend\w*|"
                       r"suspension|bans?|banning|measures|countermeasures|strikes?|tariffs?|"
                       r"boycott\w*|sever\w*)\b")


def ruled_in(text: str, end: int, c1: int, code: Any) -> tuple[Any, str, str] | None:
    """"did not rule out legal action": a coercive step not ruled out is a threat made now
    (CAMEO 130, occurred); None when what is not ruled out is no such step."""
    if not _COERCIVE.match(text, end, c1):
        return None
    return recoded(code, "130", mutual=False), "occurred", \
        "'did not rule out' a coercive step: a veiled threat"


def said_now(code: Any, st: str, why: str, on_condition: bool, *, only_if: bool = False
             ) -> tuple[Any, str, str]:
    """Acts the future or a negation would leave undone that are done by saying them: a
    threat, a promise of aid, a refusal. Returns the code, status and its reason."""
    if only_if and code.plover_type in ("RETREAT", "CONCEDE") and st in ("planned",
                                                                         "hypothetical"):
        # "would reopen its airspace only after Somalia lifted its own": a refusal now.
        return recoded(code, "124", mutual=False), "occurred", \
            f"{why}, only on a condition: a refusal to yield now"
    if st in ("planned", "hypothetical") and code.plover_type in _THREATS and on_condition:
        # "would cut ties unless the prisoners are freed": a threat, made now.
        return recoded(code, _THREATS[code.plover_type], mutual=False), "occurred", \
            f"{why}, on a condition: a threat"
    if st in ("planned", "hypothetical") and on_condition and code.plover_type == "RETREAT" \
            and code.phrase.split()[0] in ("pull", "withdraw", "quit", "leave", "boycott"):
        # "would pull the squad out of the tournament if ...": walking out, threatened.
        return recoded(code, "130", mutual=False), "occurred", \
            f"{why}, on a condition: a threat to walk out"
    if code.cameo_code.startswith(("114", "115")) and st in ("planned", "hypothetical") \
            and on_condition:   # ("said it would appeal", "would take the case to": a step)
        # "would take the dispute to the court if ...", "would raise the matter at the OSCE
        # unless ...": going to law or to a body, said ahead on a condition, threatens.
        return recoded(code, "130", mutual=False), "occurred", \
            f"{why}: legal action or a complaint said to come is a threat"
    if st == "planned" and code.plover_type == "AID":
        # "said it would lend $240 million": an intent to give aid (CAMEO 033).
        return recoded(code, {"071": "0331", "072": "0332", "073": "0333",
                              "074": "0334"}.get(code.cameo_code[:3], "033")), "occurred", \
            f"{why}: aid promised is an intent, said now"
    if st == "planned" and code.phrase == "cooperate":
        # "said it would cooperate fully with the investigators": a promise, made when said.
        return recoded(code, "0313", mutual=False), "occurred", \
            f"{why}: cooperation promised is an intent, said now"
    if st == "planned" and code.plover_type == "THREATEN":
        # "said it would respond in kind": the threat is made as it is said.
        return code, "occurred", f"{why}: a threat is made when said"
    if st == "negated" and (code.phrase.split()[0] in ("accept", "tolerate", "recognise",
                                                         "recognize", "negotiate", "discuss",
                                                         "receive")
                            or code.plover_type in ("RETREAT", "CONCEDE")):
        # ("would not lift the restriction until ...": not easing is refusing, too.)
        # "would not accept the proposal", "will not tolerate": a refusal, said now.
        return recoded(code, "120", mutual=False), "occurred", \
            f"{why}: not accepting is rejecting"
    if st == "negated" and why.startswith(REFUSED_WHY) and code.plover_type in _REFUSABLE:
        # "Abuja will not write off the debt", "would not return to the commission": what
        # a side says it will not do for the other, it refuses now.
        return recoded(code, _REFUSABLE[code.plover_type], mutual=False), "occurred", \
            f"{why}: a refusal, made when said"
    return code, st, why


# People named after the body they follow: "the party's supporters", "union members".
_FOLLOWERS = re.compile(r"(?:[’']s)?\s+(?:supporters|members|activists|protesters|"
                        r"demonstrators|farmers|drivers|truckers|fishermen|workers|students|"
                        r"residents|villagers|loyalists|followers)\b")


def by_doers(text: str, reg: Registry, code: Any, subject: list[Mention], actors: list[str],
             c0: int, noun: bool) -> Any:
    """The code as its doers make it: people blocking a road protest (144), a government
    that "protests" complains formally (114)."""
    people = subject and (PEOPLE_OF.search(text, c0, subject[0].start) or (
        subject[0].via == "demonym" and re.match(r"\s+[a-z]+s\b", text[subject[0].end:])
        and not STATE_MEANS.match(text, subject[0].end))
        or all(reg.actors[a].get("kind") == "group" for a in actors)
        or _FOLLOWERS.match(text, subject[-1].end))   # ("Patria Noua supporters block")
    if code.cameo_code == "191" and not noun and people:
        # "Bolivian miners blocked the highway": people obstructing, not a state's
        # blockade.
        code = recoded(code, "144")
    if (code.cameo_code == "140" or code.phrase == "protest against") and not noun \
            and actors != [unnamed_id(reg)] and state_like(reg, actors) and not people:
        # A government "protests": a formal complaint, not street dissent (it
        # may still demonstrate, boycott or march: those stay dissent).
        code = recoded(code, "114")
    return code


def not_own(reg: Any, actors: list[str], recipients: list[str]) -> list[str]:
    """The recipients, less the state a ministry, body or unnamed official acting belongs to
    ("Chad's foreign ministry recalled its ambassador": not toward Chad). A person may act
    against their own state (a defector, an opposition leader)."""
    own = {reg.actors[a].get("parent") for a in actors
           if reg.actors.get(a, {}).get("kind") not in ("person", "state")}
    return [r for r in recipients if r not in own]


# "..., prompting Ashgabat to recall its ambassador": the one prompted does the act.
_MADE_TO = re.compile(r"\b(?:prompting|forcing|leading|causing|pushing|spurring|provoking|"
                      r"driving|compelling)\s+(?P<x>[^,;]{1,60}?)\s+to\s+(?:\w+ly\s+)?$")


def made_to(text: str, c0: int, at: int, local: list[Any]) -> list[Any]:
    """The mentions of who is prompted or forced to do the act at `at`, or []."""
    m = _MADE_TO.search(text, c0, at)
    return [x for x in local if m.start("x") <= x.start and x.end <= m.end("x")] if m else []
