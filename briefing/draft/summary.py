"""An event's summary: the text's own clause when it reads whole, else one built from
the actors' names, the verb and the recipients."""

from __future__ import annotations

import re
from typing import Any

from briefing.draft.actors import Mention

_PREPOSITIONS = {"about", "on", "over", "for", "of", "to", "with", "against", "after", "before",
                 "following", "since", "during", "in", "at", "from", "into", "by", "and", "or"}


_NP_TAIL = re.compile(r"(?:\s+(?!(?:on|in|at|to|for|with|of|by|from|and|or|but|that|which|"
                      r"who|after|before|over|about|near|among|between|during|since|while|"
                      r"as|than|the|a|an|its|their|his|her|this|that|is|are|was|were|be|"
                      r"been|has|have|had|will|would|could|may|might)\b)[a-z][\w\-’']*)"
                      r"{1,3}")


def clause_summary(text: str, subject: list[Mention], t: Any, recipients: list[Mention],
                    c1: int, patient_start: int | None) -> str:
    """The text's own clause, from the subject to the recipient (or the verb): "Japan’s
    Defence Minister Kenji Morimoto will visit Manila" — whole, in the article's words.
    Passive: from the one it is done to, to the agent ("Three Georgian citizens were
    detained by Azerbaijani border guards"). Empty when there is no named subject or
    the clause runs long (the built summary is used instead)."""
    named = [m for m in subject if m.via != "agentless"]
    if not named or named[0].via == "pronoun" and text[named[0].start:named[0].end].lower() \
            in ("it", "they", "he", "she", "we"):
        return ""   # ("it accused": the built summary names who)
    if patient_start is not None:
        if patient_start >= t.start:
            return ""   # "The strike ... was blamed by": no named patient to open with
        end = max(m.end for m in named)
        last = max(named, key=lambda m: m.end)
        if last.via == "demonym" and (tail := _NP_TAIL.match(text, end, c1)):
            end = tail.end()   # "by Azerbaijani" → "by Azerbaijani border guards"
        elif re.match(r"[’']s\b", text[end:]) and (tail := _NP_TAIL.match(text, end + 2, c1)):
            end = tail.end()   # "by Estonia's" → "by Estonia's foreign ministry"
        words = text[patient_start:end].split()
    else:
        inside = [m for m in recipients if m.end <= c1]
        end = max([t.end] + [m.end for m in inside])
        comma = text.find(",", t.end, end)
        end = comma if comma > 0 else end   # "rejected the protest, saying ...": stop
        ends_on = [m for m in inside if m.end == end]
        if ends_on and ends_on[0].via == "demonym" and \
                (tail := _NP_TAIL.match(text, end, c1)):
            end = tail.end()   # "blocked a Philippine" → "... a Philippine resupply mission"
        s0, s1 = named[0].start, named[-1].end
        gap = text[s1:t.start].split()
        if s0 > t.start or len(gap) > 4 or any(w.endswith(",") or w == "and" for w in gap):
            return ""   # the subject is not where the clause starts: built instead
        words = text[s0:end].split()
    while words and (words[-1].lower() in _PREPOSITIONS or words[-1] in ("it", "they")):
        words.pop()   # ("seized two trawlers it": the next clause's subject)
    if not words or len(words) > 20:
        return ""
    out = _closed(" ".join(words).rstrip(" ,;:"))
    return out[:1].upper() + out[1:]


def _closed(words: str) -> str:
    """('called the seizure "a provocation': the quote a summary opens is closed.)"""
    return words + '"' * (words.count('"') % 2) + "”" * max(0, words.count("“") -
                                                             words.count("”"))


_AUX = re.compile(r"(?<![\w’'])(?:(?:did|does|do|will|would|could|can|may|might|shall|should|"
                  r"has|have|had|not|never|also|still|n[’']t)\s+)+$")
_RULED_OUT = re.compile(r"\s+(?:[\w\-]+\s+){0,5}?[\w\-]+(?=\s*(?:[,.;]|\s+(?:if|unless|and|"
                        r"but)\b))")


def built_summary(text: str, t: Any, actors: list[str], recipients: list[str], names: Any,
             passive: bool, unnamed: str) -> str:
    """A whole clause: "Georgia summoned Azerbaijan", not "Georgia summoned with"."""
    words = text[t.start:t.end].split()
    while words and words[-1].lower() in _PREPOSITIONS:
        words.pop()
    # "did not rule out sanctions", "would impose": the verb group and, for a step not
    # ruled out, what it is (not "Ana Ruiz rule out").
    aux = _AUX.search(text, max(0, t.start - 40), t.start)
    if aux and words and not passive:
        words = aux.group(0).split() + words
        if t.trigger.phrase == "rule out" and (what := _RULED_OUT.match(text, t.end)):
            words += what.group(0).split()
            recipients = []   # ("did not rule out sanctions against Chile": said in it)
    verb = " ".join(words)
    if verb[:1].isupper() and not verb[1:2].isupper():
        verb = verb[:1].lower() + verb[1:]   # "Talks between ...": the noun, mid-summary
    who = "Someone the text does not name" if actors == [unnamed] else names(actors)
    recipients = [r for r in recipients if names([r]) not in verb]   # "ordered Chile to"
    return " ".join(filter(None, [who, _closed(verb), names(recipients)]))


