"""Statements: direct quotes and reported speech, with speaker, source and attribution.

on record     "Putin said Israel has ..."             → the speaker's own source
relayed       "X was quoted by the TASS news agency as saying that ..." → the relaying outlet
anonymous     "A source said ...", "Iranian sources indicated that ..." → an anonymous source
spokesperson  "a foreign ministry spokesperson said ..."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.draft.actors import Mention, Registry

_ANON = re.compile(
    r"(?:(?P<dem>[A-Z][\w.’']+)\s+)?(?:(?:a|an|the|one|two|several|other)\s+)?"
    r"(?:(?:senior|unnamed|anonymous|informed|western|diplomatic|security|government|"
    r"(?P<dem2>[A-Z][\w.’']+))\s+)*"
    r"(?P<head>sources?|officials?|diplomats?|insiders?)"
    r"(?:,?\s+speaking on (?:the )?condition of anonymity,?|\s+familiar with [\w\s]+?,)?\s*$",
    re.IGNORECASE)
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
_RELAY = re.compile(r"\bwas quoted by\b(?P<by>.{0,80}?)\bas saying\b(?:\s+that)?", re.DOTALL)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_QUOTE = re.compile(r"“[^”]{12,}”|\"[^\"]{12,}\"")
_CLAUSE_BREAK = re.compile(r"[;—]|,\s+(?:while|which|but|even as|following|although)\b")


@dataclass
class Said:
    speaker: str           # actor id
    speaker_mention: Mention | None
    kind: str              # on_record | state_media_relay | anonymous | spokesperson
    quote_type: str        # direct | indirect
    start: int             # evidence span
    end: int
    content: tuple[int, int]
    relay: str = ""        # the relaying organisation's actor id
    anon_phrase: str = ""
    reason: str = ""


def _last_mention(mentions: list[Mention], lo: int, hi: int) -> Mention | None:
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    return inside[-1] if inside else None


def _clause_start(text: str, lo: int, pos: int) -> int:
    cut = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        cut = m.end()
    return cut


def find_statements(text: str, sentences: list[dict], reg: Registry) -> list[Said]:
    g = reg.gazetteer
    mentions = reg.sorted()
    verbs = "|".join(sorted(g.speech_verbs, key=len, reverse=True))
    verb_re = re.compile(rf"\b(?:{verbs})\b(?:\s+that\b)?[,:]?")
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]

    def in_quote(pos: int) -> bool:
        return any(a < pos < b for a, b in quotes)

    out: list[Said] = []
    for a, b in quotes:
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        before = list(verb_re.finditer(text, max(line_start, a - 160), a))
        after = verb_re.search(text, b, min(line_end, b + 80))
        speaker = None
        if before:
            v = before[-1]
            speaker = _last_mention(mentions, _clause_start(text, line_start, v.start()),
                                    v.start())
            ev_start = speaker.start if speaker else v.start()
        elif after:
            speaker = _last_mention(mentions, b, min(line_end, after.end() + 40))
            ev_start = a
        if speaker is None:
            continue
        out.append(Said(speaker.actor, speaker, "on_record", "direct", min(ev_start, a), b,
                        (a + 1, b - 1), reason="direct quote with a speech verb"))
    for s in sentences:
        if s["is_heading"]:
            continue
        lo, hi = s["start"], s["end"]
        for v in verb_re.finditer(text, lo, hi):
            if in_quote(v.start()) or text[v.end():hi].lstrip().startswith(("“", '"')):
                continue   # a direct quote, handled above
            if text[lo:v.start()].endswith(" as "):
                continue   # "was quoted by X as saying": the relay rule below
            said = _reported(text, lo, hi, v, mentions, reg)
            if said:
                out.append(said)
        for r in _RELAY.finditer(text, lo, hi):
            speaker = _last_mention(mentions, lo, r.start())
            org = _last_mention(mentions, r.start("by"), r.end("by"))
            if speaker is None or org is None:
                continue
            news = reg.actors[org.actor]
            relay = "state_media_relay" if _is_state_media(news, reg) else "on_record"
            out.append(Said(speaker.actor, speaker, relay, "indirect", speaker.start,
                            _content_end(text, r.end(), hi), (r.end(), hi),
                            relay=org.actor, reason="'was quoted by … as saying'"))
        for r in _ACCORDING.finditer(text, lo, hi):
            speaker = _last_mention(mentions, r.end(), min(hi, r.end() + 60))
            if speaker is None or not text[r.end():speaker.end].count(" ") < 6:
                continue
            content_start = lo if r.start() > lo + 20 else speaker.end
            out.append(Said(speaker.actor, speaker, "on_record", "indirect", lo,
                            _content_end(text, lo, hi), (content_start, hi),
                            reason="'according to'"))
    return out


def _is_state_media(actor: dict, reg: Registry) -> bool:
    row = reg.gazetteer.organizations.get(actor["id"])
    return bool(row and row["source_kind"] == "state_media")


def _content_end(text: str, start: int, hi: int) -> int:
    end = hi
    while end > start and text[end - 1] in " .,;":
        end -= 1
    return end


_THAT = re.compile(r"\s*(?:[^\s,.;“\"]+\s+){0,6}?that\b")
_AUDIENCE_VERBS = ("told", "tell", "tells", "telling")
# What may follow the verb of an attribution placed after what was said: "..., the
# ministry said on Monday." / "... in a statement."
_TAIL = re.compile(r"^\s*(?:(?:on|late on|early on|in|last|this)\s+\w+(?:\s+\w+)?)?\s*[.!]?\s*$")
# A dateline before the first sentence: "WASHINGTON (Reuters) - ".
_DATELINE = re.compile(r"^[A-Z][A-Z .,’']+(?:\([^)]{1,40}\))?\s*[-–—]+\s*")


def _unnamed(reg: Registry) -> str:
    return reg.add("unnamed-source", {"name": "Unnamed source", "kind": "person", "country": "",
                                      "reason": "anonymous source in the text"})


def _speaker(text: str, start: int, end: int, mentions: list[Mention], reg: Registry
             ) -> tuple[str, Mention | None, str, int, str] | None:
    """Who speaks in text[start:end] (the words before the speech verb): (actor,
    mention, attribution, where the speaker's words start, reason)."""
    head = text[start:end]
    anon = _ANON.search(head)
    if anon:
        dem = anon.group("dem") or anon.group("dem2") or ""
        place = reg.gazetteer.forms.get(dem)
        speaker = reg.state(place.key, f"gazetteer: {dem}") \
            if place and place.kind == "state" else _unnamed(reg)
        return speaker, None, "anonymous", start + anon.start(), \
            f"anonymous '{anon.group('head')}' + speech verb"
    mention = _last_mention(mentions, start, end)
    if _SPOKES.search(head):
        if mention is None:
            return _unnamed(reg), None, "spokesperson", start, "spokesperson + speech verb"
        return mention.actor, mention, "spokesperson", min(mention.start, start), \
            "spokesperson + speech verb"
    if mention is None or len(text[mention.end:end].split()) > 4:
        return None
    return mention.actor, mention, "on_record", mention.start, \
        f"'{text[mention.start:mention.end]}' + speech verb"


def _reported(text: str, lo: int, hi: int, v: re.Match[str], mentions: list[Mention],
              reg: Registry) -> Said | None:
    before = text[lo:v.start()]
    if before.lstrip()[:1] in ("“", '"') and ("”" in before or before.count('"') >= 2):
        return None   # what was said is a direct quote, handled above
    after = text[v.end():hi]
    that = _THAT.match(after)
    comma = text.rfind(", ", lo, v.start())
    trailing_comma = v.group(0).endswith(",") or after.lstrip()[:1] == ","
    audience_last = v.group(0).split()[0] in _AUDIENCE_VERBS and len(after.split()) <= 6 \
        and not re.search(r"\bthat\b", after)
    if that is None and comma > lo and text[comma + 2:v.start()].strip() and (
            trailing_comma or _TAIL.match(after) or audience_last):
        # Attribution after what was said: "X struck Y on Friday, the ministry said."
        who = _speaker(text, comma + 2, v.start(), mentions, reg)
        if who is None or len(text[comma + 2:v.start()].split()) > 8:
            return None
        actor, mention, kind, _, reason = who
        end = _content_end(text, lo, v.end())
        dateline = _DATELINE.match(text[lo:comma])
        content_start = lo + (dateline.end() if dateline else 0)
        return Said(actor, mention, kind, "indirect", lo, end, (content_start, comma),
                    anon_phrase=text[comma + 2:v.end()] if kind == "anonymous" else "",
                    reason=reason + " (after what was said)")
    if that is None and v.group(0).split()[0] in _AUDIENCE_VERBS:
        return None   # "told reporters after the talks": an audience, not what was said
    cstart = v.end() + (that.end() if that else 0)
    if len(text[cstart:hi].split()) < 3:
        return None
    clause = _clause_start(text, lo, v.start())
    who = _speaker(text, clause, v.start(), mentions, reg)
    if who is None:
        return None
    actor, mention, kind, start, reason = who
    return Said(actor, mention, kind, "indirect", start, _content_end(text, cstart, hi),
                (cstart, hi), anon_phrase=text[start:v.end()].rstrip(" ,:")
                if kind == "anonymous" else "", reason=reason)
