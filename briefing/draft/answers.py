"""Who "I" and "we" are in an interview's or a transcript's answers: the answer labelled
"A:" or by a post ("SPOKESPERSON:"), or by the speaker's name ("KAMAU:"), or set after a
question of its own paragraph in a print interview."""

from __future__ import annotations

import re

from briefing.draft.actors import Mention, Registry, slug
from briefing.draft.attribution import FIRST_PERSON

# An interview's answer: "A: We have asked for the other four."; a briefing's, labelled by
# the speaker's post: "SPOKESPERSON: We have shared every figure with Madrid."
_ANSWER = re.compile(r"(?m)^(?:A|(?:DEPUTY\s+|FOREIGN\s+|PRIME\s+)?(?:SPOKES(?:PERSON|MAN|WOMAN)|"
                     r"MINISTER|AMBASSADOR|PRESIDENT|SECRETARY))\s*:\s+")


# A print interview's question, a paragraph of its own: the next paragraph answers it.
_ASKED = re.compile(r"(?m)^[^\n]{10,300}\?[”\"’]?(?:\*\*|__)?[ \t]*\n(?:[ \t]*\n)*(?=[A-Z“\"])")
# (an interview says so before its first question: an explainer's questions head sections)
_INTERVIEW = re.compile(r"\b(?:interview(?:ed)?|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
                        r"sat\s+down\s+with|Q&A)\b", re.IGNORECASE)
# A transcript's answer labelled by the speaker's name: "KAMAU: We will reopen it."
_NAMED = re.compile(r"(?m)^(?P<who>[A-Z][A-Z’'\-]+(?:\s+[A-Z][A-Z’'\-]+){0,2})"
                    r"(?:\s*\([^()\n]{0,40}\))?\s*:\s+")


def _unquoted(before: str) -> bool:
    """Whether what follows `before` (its paragraph so far) stands outside a quotation."""
    return before.count("“") <= before.count("”") and not before.count('"') % 2


def answer_mentions(text: str, reg: Registry) -> list[Mention]:
    """In an interview's answers ("A: ..."), "I" is the person the interview introduced
    first (before its first answer) and "we" that person's state; in a transcript's
    answers labelled by a name ("KAMAU: ..."), the person of that name and their state."""
    # (a print interview sets its questions apart, unlabelled: the paragraph after each
    # question is the answer)
    asked = list(_ASKED.finditer(text))
    answers = list(_ANSWER.finditer(text)) or (
        asked if len(asked) >= 2 and _INTERVIEW.search(text, 0, asked[0].start()) else [])
    first = next((m.actor for m in reg.sorted() if m.kind == "person"
                  and m.start < answers[0].start()), None) if answers else None
    people = {w.lower(): a["id"] for a in reg.actors.values() if a["kind"] == "person"
              for w in a["name"].split()[-1:]}
    labelled = [(a, first) for a in answers if first] + [
        (a, people[a.group("who").lower()]) for a in _NAMED.finditer(text)
        if a.group("who").lower() in people and not _ANSWER.match(text, a.start())]
    out: list[Mention] = []
    for a, who in labelled:
        state = reg.actors[who].get("parent") or who
        end = text.find("\n", a.end())
        for m in FIRST_PERSON.finditer(text, a.end(), len(text) if end < 0 else end):
            # (not "we" in the words of another it quotes; anywhere else: "At that
            # meeting we offered")
            if not reg.taken(m.start(), m.end()) and _unquoted(text[a.end():m.start()]):
                out.append(reg.mention(m.start(), m.end(), who if m.group(0) == "I" else state,
                                       "pronoun"))
    return out


# A column's byline that says who its writer is and what post they hold or held: "By
# Hernan Villalobos, Chile's ambassador to Peru from 2018 to 2022".
_BYLINE = re.compile(r"(?m)^By\s+(?P<name>[^,\n]{3,60}),\s+(?P<post>[^\n]{5,160})$")
_POST = re.compile(r"\b(?:ambassador|minister|envoy|diplomat|negotiator|president|secretary|"
                   r"adviser|advisor|commissioner|senator|general|mediator)\b", re.IGNORECASE)


# ... or gives it in a line of its own at the end: "Ana Ruiz was Chile's ambassador to Peru."
_BARE_BYLINE = re.compile(r"(?m)^By\s+(?P<name>[A-Z][^,\n]{2,59})$")


def author_mentions(text: str, reg: Registry) -> list[Mention]:
    """In a column whose byline (or closing line) gives its writer's post, "I" outside
    quotes is the writer (a reporter's byline gives no post: their "I" does nothing the
    story codes)."""
    top = min(len(text), 600)
    b = _BYLINE.search(text, 0, top) or _BARE_BYLINE.search(text, 0, top)
    if b is None:
        return []
    # (the byline's own post, else the closing line's: "Ana Ruiz was Chile's ambassador")
    post = b if b.re is _BYLINE else re.compile(
        rf"(?m)^{re.escape(b.group('name').strip())}\s+(?:is|was)\s+(?P<post>[^\n]{{5,200}})$"
    ).search(text, b.end())
    if post is None or not _POST.search(post.group("post")):
        return []
    who = next((m.actor for m in reg.sorted() if m.kind == "person"
                and m.start < b.end("name") and b.start("name") < m.end), None)
    state = next((m.actor for m in reg.sorted() if m.kind == "state"
                  and post.start("post") <= m.start < post.end("post")), None)
    if who is None:   # (the writer, named once, by the byline)
        name = b.group("name").strip()
        who = reg.add(slug(name), {"name": name, "kind": "person", "country": reg.actors[
            state]["country"] if state else "", **({"parent": state} if state else {}),
            "reason": f"the column's writer: '{b.group(0).strip()}'"})
        reg.mention(b.start("name"), b.end("name"), who, "name")
    out: list[Mention] = []
    for m in re.finditer(r"\bI\b", text[b.end():]):
        at = b.end() + m.start()
        # (not "I" in the words the column quotes)
        if not reg.taken(at, at + 1) and _unquoted(text[text.rfind("\n", 0, at) + 1:at]):
            out.append(reg.mention(at, at + 1, who, "pronoun"))
    return out
