"""Later mentions of people by pronoun: "he"/"she" where only one person can be meant —
the one named in the sentence so far or the sentence before, or the state or body whose
unnamed spokesman or official opened the sentence before."""

from __future__ import annotations

import re

from briefing.draft.actors import Mention, Registry

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_POSSESSIVE = re.compile(r"\b(?:[Hh]is|[Hh]er)\b")


def pronoun_mentions(text: str, sentences: list[dict], reg: Registry) -> list[Mention]:
    """"he"/"she" resolved to a person when exactly one person is named in the sentence
    so far or, failing that, in the sentence before; otherwise left alone (not safe)."""
    people = [m for m in reg.sorted() if m.kind == "person"]
    out: list[Mention] = []
    opened_by = None   # who the sentence before opened with, as "she": its subject goes on
    told: set[str] = set()   # whom the sentence before meant by "he" or "she"
    called: dict[str, str] = {}   # the pronoun each person was meant by so far
    held = None   # the one person the story went on with through "Her first week was ..."
    for i, s in enumerate(sentences):
        carried, opened_by, prior, told = opened_by, None, told, set()
        for p in _PRONOUN.finditer(text, s["start"], s["end"]):
            before = {m.actor for m in people if s["start"] <= m.start < p.start()} or \
                _represented(text, s["start"], p.start(), reg)
            earlier = not before   # (whom the sentence so far names comes first)
            if not before and carried:
                # "At 9:30 she called X. At 2 p.m. she received Y": the same "she".
                before = {carried}
            elif not before and i > 0:
                prev = sentences[_quote_began(text, sentences, i - 1)]
                before = {m.actor for m in people if prev["start"] <= m.start < prev["end"]} \
                    or _spoke_for(text, prev, reg) or prior   # ("... he had shown it. In
                # Muscat he spent": the same "he")
                if not before and held and _POSSESSIVE.search(text, prev["start"], prev["end"]):
                    before = {held}   # ("X had been minister. Her first week was ... she")
            if len(before) > 1 and i > 0 and not any(
                    s["start"] <= m.start < p.start() for m in people):
                # Two people in the sentence before: "he" continues its subject, the
                # person named first, when the sentence opens with them.
                prev = sentences[i - 1]
                first = min((m for m in people if prev["start"] <= m.start < prev["end"]),
                            key=lambda m: m.start)
                if len(text[prev["start"]:first.start].split()) <= 3:
                    before = {first.actor}
            elif len(before) > 1 and re.search(r"\b(?:and|but)\s+$",
                                               text[max(s["start"], p.start() - 6):p.start()]):
                # "Abenov told Toktorov that ..., and he urged": the sentence's subject
                # goes on, when the sentence opens with them.
                first = min((m for m in people if s["start"] <= m.start < p.start()),
                            key=lambda m: m.start)
                if len(text[s["start"]:first.start].split()) <= 3:
                    before = {first.actor}
            word = p.group(0).lower()
            same = [a for a in prior if called.get(a) == word]
            if earlier and len(before) == 1 and len(same) == 1 and not before & prior \
                    and called.get(next(iter(before))) != word:
                # "On her second day she telephoned X. A day later she received ...": the
                # "she" of the sentence before, not the person it named
                before = set(same)
            if len(before) == 1:
                out.append(reg.mention(p.start(), p.end(), actor := before.pop(), "pronoun"))
                told.add(actor)
                called[actor] = word
                if len(text[s["start"]:p.start()].split()) <= 4 and not any(
                        s["start"] <= m.start < p.start() for m in people):
                    opened_by = actor
        named = {m.actor for m in people if s["start"] <= m.start < s["end"]} | told
        if named or not _POSSESSIVE.search(text, s["start"], s["end"]):
            held = next(iter(named)) if len(named) == 1 else None
    return out


def _quote_began(text: str, sentences: list[dict], j: int) -> int:
    """The sentence in which the quotation holding sentence `j` opened ("X told MPs, “We
    stopped them. We pushed no one.” She accused ...": "she" is X), or `j` itself."""
    para = text.rfind("\n", 0, sentences[j]["start"]) + 1
    while j > 0 and sentences[j - 1]["start"] >= para:
        before = text[para:sentences[j]["start"]]
        if before.count("“") > before.count("”") or "“" not in before and "”" not in before \
                and before.count('"') % 2:
            j -= 1   # (the quotation opened before this sentence: step back to its start)
        else:
            break
    return j


# "Sudan's army spokesman said ...": someone who speaks for a body, named by their post.
_SPEAKER_POST = re.compile(r"\s+(?:spokes(?:man|woman|person)|chief|commander|official)\b")
# "A senior Omani official, speaking on condition of anonymity, said ...": one unnamed.
_ONE_UNNAMED = re.compile(r"\s*(?:An?|One|Another)\s+(?:(?:senior|top|high-ranking)\s+)?$")
_UNNAMED_POST = re.compile(r"\s+(?:(?:government|military|security|army|police|border|"
                           r"defen[cs]e|ministry)\s+)?(?:official|diplomat|officer|source)\b")

_POST_FOR = re.compile(r"\s*(?:An?|The|One)\s+(?:(?:senior|top|government)\s+)?(?:spokes(?:man|"
                       r"woman|person)|official|diplomat)\s+(?:for|of|at|from|in)\s+(?:the\s+)?")

# "the representative of Haiti", "the delegate of the European Union": a state's voice.
_REPRESENTATIVE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:permanent\s+)?(?:representative|delegate|"
                             r"delegation)\s+of\s+(?:the\s+)?$")


def _spoke_for(text: str, s: dict, reg: Registry) -> set[str]:
    """The body or state whose unnamed spokesman opens sentence `s` ("Sudan's army
    spokesman said ..."): "he" in the next sentence speaks for it. Empty when none."""
    first = next((m for m in reg.sorted() if s["start"] <= m.start < s["end"]), None)
    if first is None or first.kind not in ("state", "organization"):
        return set()
    lead = len(text[s["start"]:first.start].split()) <= 1 and _SPEAKER_POST.match(text, first.end)
    one = _ONE_UNNAMED.fullmatch(text, s["start"], first.start) and \
        _UNNAMED_POST.match(text, first.end)   # ("A senior Omani official ... . He accused")
    # ("A spokesman for the Latvian foreign ministry told reporters ... . He accused")
    post_first = _POST_FOR.fullmatch(text, s["start"], first.start)
    if lead or one or post_first:
        return {first.actor}
    return _represented(text, s["start"], s["end"], reg)


def _represented(text: str, lo: int, hi: int, reg: Registry) -> set[str]:
    """The one state or body whose representative text[lo:hi] names ("Introducing the
    text, the representative of Jamaica said ... . He called on"), or none."""
    reps = {m.actor for m in reg.sorted() if lo <= m.start < hi
            and _REPRESENTATIVE.search(text, max(lo, m.start - 40), m.start)}
    return reps if len(reps) == 1 else set()


# A list item that opens with its verb: "- ask the Commission to fund ...", "• agree to".
_ITEM = re.compile(r"\s*[-–•*]\s+(?=[a-z])")


def list_mentions(text: str, sentences: list[dict], reg: Registry) -> list[Mention]:
    """"In the declaration, the three governments:" then "- commit to ...", "- ask the
    Commission to ...": each item's marker stands for the subject of the line that
    introduced the list (the mentions that end it), so each item's verb has its doers."""
    out: list[Mention] = []
    lead: list[Mention] = []
    for s in sentences:
        words = text[s["start"]:s["end"]]
        if lead and (item := _ITEM.match(text, s["start"], s["end"])):
            out += [reg.mention(s["start"], item.end() - 1, m.actor, "pair") for m in lead]
            continue
        lead = []
        if words.rstrip().endswith(":"):
            here = [m for m in reg.sorted() if s["start"] <= m.start < s["end"]]
            last = here[-1] if here else None
            lead = [m for m in here if last and (m.start, m.end) == (last.start, last.end)]
    return out
