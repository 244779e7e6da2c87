"""Statements: direct quotes and reported speech, with speaker, source and attribution.

on record     "Lopez said Chile has ..."              → the speaker's own source
relayed       "X was quoted by the TASS news agency as saying that ..." → the relaying outlet
anonymous     "A source said ...", "Chilean sources indicated that ..." → an anonymous source
spokesperson  "a foreign ministry spokesperson said ..."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.draft.actors import Mention, Registry, slug, state_of
from briefing.draft.clauses import SENT_DOC
from briefing.draft.dates import WEEKDAY_NAMES
from briefing.text import QUOTED

_ANON = re.compile(
    r"(?:(?P<dem>[A-Z][\w.’']+)\s+)?(?:(?:a|an|the|one|two|several|other)\s+)?"
    r"(?:(?:senior|unnamed|anonymous|informed|western|diplomatic|security|government|"
    r"(?P<dem2>[A-Z][\w.’']+))\s+)*"
    r"(?P<head>sources?|officials?|diplomats?|insiders?)"
    r"(?:\s+(?:from|in|at|of|close to|familiar with|with knowledge of)\s+[\w\s’'\-]+?)?"
    r"(?:,?\s+speaking on (?:the )?condition of anonymity,?|\s+familiar with [\w\s]+?,)?\s*$",
    re.IGNORECASE)
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
_RELAY = re.compile(r"\bwas quoted by\b(?P<by>.{0,80}?)\bas saying\b(?:\s+that)?", re.DOTALL)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "has not commented", "declined to comment": a statement that says so.
_NO_COMMENT = re.compile(r"\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?(?:publicly\s+)?"
                         r"(?:commented|responded|replied|reacted)|declined\s+to\s+(?:comment|"
                         r"confirm)|did\s+not\s+(?:immediately\s+)?respond|could\s+not\s+"
                         r"be\s+reached)\b", re.IGNORECASE)
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
    side: str = ""         # the state the speaker speaks for, if any


def _last_mention(mentions: list[Mention], lo: int, hi: int) -> Mention | None:
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    return inside[-1] if inside else None


def _clause_start(text: str, lo: int, pos: int) -> int:
    cut = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        cut = m.end()
    return cut


# A speech verb's bare form after a determiner is a noun: "a state visit", "the report".
_ALSO_NOUNS = frozenset({"state", "report", "note", "claim", "stress", "warn"})
_NOUN_USE = re.compile(r"\b(?:(?:a|an|the|its|his|her|their|this|our)\s+(?:[\w\-]+\s+)?|"
                       r"of\s+|(?:protest|diplomatic|verbal|formal|press|two|three)\s+)$",
                       re.IGNORECASE)   # "heads of state", "delivered protest notes to"


_SAID_WHEN = re.compile(rf"\s+(?:(?:(?:on|late on|early on)\s+)?(?:{WEEKDAY_NAMES}|yesterday|"
                        r"today)(?:\s+(?:night|morning|afternoon|evening))?|"
                        r"(?:earlier\s+|later\s+)?this\s+(?:week|month|morning)|"
                        r"last\s+(?:week|month|night)),?(?:\s+that\b)?")
_MODAL = re.compile(r"\b(?:would|will|could|might|should|must|can)\b")
_PAST_VERB = r"(?:\w+ly\s+)?(?!(?:was|were|had|did)\b)[a-z]+ed\b"
_SAYER_GOES_ON = re.compile(r",?\s+and\s+" + _PAST_VERB)
# ("said the seizure was hostile and on Friday suspended ...": a day or "then" before it)
_SAYER_THEN = re.compile(rf",?\s+and\s+(?:then|later|also|on\s+(?:{WEEKDAY_NAMES}))\s+"
                         + _PAST_VERB)

# ("said the flights would be exempted, calling the retaliation regrettable": the
# participle of a saying is the sayer's, not a part of what was said)
_SAYER_DOING = re.compile(r",\s+(?:accusing|calling|urging|warning|describing|insisting|blaming|"
                          r"denying|citing|branding|condemning|critici[sz]ing|demanding|"
                          r"rejecting|dismissing|adding|saying)\b")


def find_statements(text: str, sentences: list[dict], reg: Registry) -> list[Said]:
    g = reg.gazetteer
    mentions = reg.sorted()
    verbs = "|".join(sorted(g.speech_verbs, key=len, reverse=True))
    # ("Nepal's territorial claims", "the report": a noun, not a saying.)
    nouns = "".join(rf"(?<!\b{w}\s)" for w in ("the", "a", "its", "their", "his", "her",
                                                "these", "those", "territorial", "maritime",
                                                "rival", "competing", "overlapping",
                                                # "the six Gulf Cooperation Council
                                                # states": states, not a saying
                                                "two", "three", "four", "five", "six",
                                                "seven", "eight", "nine", "ten", "member",
                                                "other", "several", "many", "both", "all",
                                                "Council", "Gulf", "Arab", "island",
                                                "coastal", "neighbouring", "neighboring",
                                                "Baltic", "Nordic", "frontline", "nuclear"))
    verb_re = re.compile(rf"\b{nouns}(?:{verbs})\b(?:\s+that\b)?[,:]?")
    # (a word or two in quotes, "harassed", is a term used, not a saying)
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text)
              if m.end() - m.start() >= 14]

    def in_quote(pos: int) -> bool:
        return any(a < pos < b for a, b in quotes)

    out: list[Said] = []
    starts = [s["start"] for s in sentences]
    for a, b in quotes:
        own = [x for x in starts if x <= a]
        line_start = max([text.rfind("\n", 0, a) + 1] + own[-1:])
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        before = list(verb_re.finditer(text, max(line_start, a - 160), a))
        after = verb_re.search(text, b, min(line_end, b + 80))
        speaker = None
        who = None
        reason = "direct quote with a speech verb"
        if before:
            v = before[-1]
            lo_v = _clause_start(text, line_start, v.start())
            who = _speaker(text, lo_v, v.start(), mentions, reg)
            ev_start = who[3] if who else v.start()
        elif after:
            # “...,” the official said. / “...,” he was quoted as saying.
            who = _speaker(text, b, after.start(), mentions, reg, continues=out)
            if who is None and not text[b:after.start()].strip(" ,"):
                # “...,” said Lars Berg, Sweden's defence minister: the speaker follows
                stop = re.search(r"[,.;]|$", text[after.end():line_end])
                who = _speaker(text, after.end(), after.end() + stop.start(), mentions, reg)
            ev_start = a
        else:
            # 'Lin urged Manila to “stop provocations.”': no speech verb; the sentence's
            # subject, when it is a person named before the quote, says the words.
            first = _last_mention([m for m in mentions if m.kind == "person"], line_start, a)
            head = [m for m in mentions if line_start <= m.start < a]
            if first is not None and head and head[0] == first:
                who = (first.actor, first, "on_record", first.start,
                       "the subject of the sentence the quote is in")
                ev_start = first.start
                reason = who[4]
        if who is None and out and not text[line_start:a].strip() and out[-1].end <= a \
                and out[-1].kind in ("on_record", "spokesperson") \
                and "\n" not in text[out[-1].end:a] and len(text[out[-1].end:a]) < 80 \
                and not in_quote(out[-1].end + 1):
            # '"It was taken by force," she said. "We apologise."': the same voice goes on.
            p = out[-1]
            who = (p.speaker, p.speaker_mention, p.kind, a,
                   "a quote that goes on from the speaker's words before it")
            ev_start, reason = a, who[4]
        if who is None:
            continue
        actor, speaker, kind, _, why = who
        if kind == "anonymous" or kind == "spokesperson":
            reason = why
        out.append(Said(actor, speaker, kind, "direct", min(ev_start, a), b,
                        (a + 1, b - 1), anon_phrase=why.split("'")[1] if kind == "anonymous"
                        else "", reason=reason))
    for s in sentences:
        if s["is_heading"]:
            continue
        lo, hi = s["start"], s["end"]
        for v in verb_re.finditer(text, lo, hi):
            if in_quote(v.start()) or text[v.end():hi].lstrip().startswith(("“", '"')):
                continue   # a direct quote, handled above
            if text[lo:v.start()].endswith(" as "):
                continue   # "was quoted by X as saying": the relay rule below
            if re.sub(r"s$", "", text[v.start():v.end()].split()[0].lower()) in _ALSO_NOUNS and \
                    _NOUN_USE.search(text, max(lo, v.start() - 30), v.start()):
                continue   # "a three-day state visit", "the report": a noun, no saying
            if re.fullmatch(r"(?i)add\w*", v.group(0)) and re.match(
                    r"\s+(?!that\b)(?:[\w’'\-]+\s+){1,6}?to\b", text[v.end():hi]):
                continue   # "added the firm to its blacklist": a list grows, no saying
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
            comma = text.find(",", r.end(), hi)
            phrase_end = comma if comma > 0 else min(hi, r.end() + 60)
            inside = [m for m in mentions if r.end() <= m.start and m.end <= phrase_end]
            speaker = inside[0] if inside else None
            if speaker is None or not text[r.end():speaker.end].count(" ") < 6:
                continue
            content_start = lo if r.start() > lo + 20 else speaker.end
            out.append(Said(speaker.actor, speaker, "on_record", "indirect", lo,
                            _content_end(text, lo, hi), (content_start, hi),
                            reason="'according to'"))
        for r in _NO_COMMENT.finditer(text, lo, hi):
            clause = _clause_start(text, lo, r.start())
            speaker = _last_mention(mentions, clause, r.start())
            if speaker is None or len(text[speaker.end:r.start()].split()) > 3:
                continue
            end = _content_end(text, r.end(), hi)
            out.append(Said(speaker.actor, speaker, "on_record", "indirect", speaker.start,
                            end, (speaker.start, end),
                            reason=f"no comment: '{r.group(0)}' — the outlet reports a "
                                   "silence, which is a fact too"))
    return _continued(out, reg)


def _continued(out: list[Said], reg: Registry) -> list[Said]:
    """"the official said" after "a senior Iraqi official said": the same voice, so the
    same unnamed actor (and source), not a new one."""
    out = sorted(out, key=lambda x: x.start)
    for x in out:
        # (a spokesman for a state's army speaks for the state)
        own = state_of(reg, x.speaker) or ""
        x.side = state_of(reg, own) or own
    for i, x in enumerate(out):
        m = re.match(r"(?i)the\s+(\w+?)s?(?:\s+\w+)?$", x.anon_phrase.strip(" ,"))
        if x.kind != "anonymous" or not m:
            continue
        noun = m.group(1).lower()
        if reg.actors[x.speaker]["name"].lower().rstrip("s") != f"unnamed {noun}":
            continue
        prior = [y for y in out[:i] if y.kind == "anonymous" and y.speaker != x.speaker
                 and y.speaker in reg.actors
                 and re.search(rf"\b{noun}s?\b", reg.actors[y.speaker]["name"].lower())]
        if prior:
            old = x.speaker
            x.speaker, x.anon_phrase = prior[-1].speaker, prior[-1].anon_phrase
            x.reason = f"{x.reason}; the voice named before"
            if not any(y.speaker == old for y in out):
                reg.actors.pop(old, None)
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
# ("... in an interview on Thursday", "... at a news conference in Lusaka late on Monday")
_TAIL = re.compile(r"^(?:\s*(?:on|late on|early on|in|at|last|this|during)\s+[\w’'\-]+"
                   r"(?:\s+[\w’'\-]+){0,3}?){0,3}\s*(?:[.!]?\s*$|,\s+(?:while|as|adding|saying)\s)")
# "..., the president said after meeting his counterpart": when it was said, not what.
_WHEN = re.compile(r"\s*(?:after|before|while|when|during|following|upon)\s+[a-z]+ing\b")
# A dateline before the first sentence: "WASHINGTON (Reuters) - ".
_DATELINE = re.compile(r"^[A-Z][A-Z .,’']+(?:\([^)]{1,40}\))?\s*[-–—]+\s*")


_TIME_FIRST = re.compile(r"^(?:(?:late|early)\s+)?(?:(?:on|last|this)\s+)?(?:night|morning|"
                         r"afternoon|evening|week|weekend|month|(?:Mon|Tues|Wednes|Thurs|Fri|"
                         r"Satur|Sun)day|yesterday(?:\s+(?:morning|afternoon|evening))?|earlier|"
                         r"later|overnight)\s*,?\s+", re.IGNORECASE)


def _unnamed(reg: Registry, words: str, parent: str | None) -> str:
    """A speaker the text does not name ("Chilean sources", "a ministry spokesperson"):
    an actor of kind `unnamed`, tied to the state or body the text names — never that
    state itself, which would put the words in its mouth."""
    words = _TIME_FIRST.sub("", " ".join(words.split()))   # ("Last night the official")
    words = re.sub(r"^(?:a|an|the|one)\s+", "", words, flags=re.IGNORECASE)
    name = f"Unnamed {words}" if words else "Unnamed source"
    fields = {"name": name, "kind": "unnamed", "country": "",
              "reason": f"a speaker the text does not name: '{words}'"}
    if parent:
        fields |= {"parent": parent, "country": reg.actors[parent].get("country", "")}
    return reg.add(slug(name), fields)


_PRONOUN = re.compile(r"^\s*,?\s*(?:he|she)\b", re.IGNORECASE)


def _speaker(text: str, start: int, end: int, mentions: list[Mention], reg: Registry,
             continues: list[Said] | None = None
             ) -> tuple[str, Mention | None, str, int, str] | None:
    """Who speaks in text[start:end] (the words before the speech verb): (actor,
    mention, attribution, where the speaker's words start, reason). With `continues`
    (the statements so far), "he said" and "the official said" go on with the last
    voice of that kind when the text names no one."""
    head = text[start:end]
    anon = _ANON.search(head)
    mention = _last_mention(mentions, start, end)
    if anon:
        dem = anon.group("dem") or anon.group("dem2") or ""
        place = reg.gazetteer.forms.get(dem)
        parent = reg.state(place.key, f"gazetteer: {dem}") \
            if place and place.kind == "state" else None
        words = re.sub(r",.*$", "", anon.group(0)).strip()
        if continues and re.match(r"(?i)the\s+\w+$", words):
            # "the official said": the anonymous voice named just before, not a new one.
            noun = anon.group("head").lower().rstrip("s")
            prior = [x for x in continues if x.kind == "anonymous" and
                     reg.actors[x.speaker]["name"].lower().rstrip("s").endswith(noun)]
            if prior:
                return prior[-1].speaker, None, "anonymous", start + anon.start(), \
                    f"'{prior[-1].anon_phrase}' again ('{words}')"
        return _unnamed(reg, words, parent), None, "anonymous", start + anon.start(), \
            f"anonymous '{text[start + anon.start():end].strip()}' + speech verb"
    if _SPOKES.search(head):
        if mention is not None and mention.kind == "person":
            return mention.actor, mention, "spokesperson", mention.start, \
                "named spokesperson + speech verb"
        spokes = re.search(r"(?:(?:a|an|the)\s+)?[\w’' ]{0,40}?\bspokes\w+", head)
        words = spokes.group(0) if spokes else "spokesperson"
        parent = mention.actor if mention is not None else None
        return _unnamed(reg, words, parent), None, "spokesperson", start, \
            "spokesperson + speech verb"
    if mention is None and continues and _PRONOUN.match(head):
        # “...,” he was quoted as saying: the last person who spoke or was quoted.
        people = [x for x in continues if reg.actors[x.speaker].get("kind") == "person"]
        if people:
            return people[-1].speaker, None, "on_record", start, \
                "'he'/'she': the person quoted last"
    if mention is not None and mention.kind != "person":
        # "President Ana Rojas of Peru said": the person speaks; "of Peru" says whose.
        person = _last_mention([m for m in mentions if m.kind == "person"], start,
                               mention.start)
        if person is not None and re.fullmatch(r",?\s+(?:of|from)\s+(?:the\s+)?",
                                               text[person.end:mention.start]):
            mention = person
    if mention is None or len(text[mention.end:end].split()) > 4 and not (
            mention.kind == "person" and re.fullmatch(r",\s+(?:the|an?)\s[^,;“”\"]{1,80},\s*",
                                                      text[mention.end:end])):
        return None   # (but "X, the deputy who drafted the text, said": an aside)
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
            trailing_comma or _TAIL.match(after) or audience_last or _WHEN.match(after)):
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
    if that is None and v.group(0).lower().startswith("declar"):
        return None   # "declared the envoy persona non grata": an act, nothing said
    cstart = v.end() + (that.end() if that else 0)
    when = None if that else _SAID_WHEN.match(text, cstart, hi)
    if when:
        cstart = when.end()   # "said on Monday the closure would": the saying's day
    if len(text[cstart:hi].split()) < 3:
        return None
    clause = _clause_start(text, lo, v.start())
    who = _speaker(text, clause, v.start(), mentions, reg)
    if who is None:
        return None
    actor, mention, kind, start, reason = who
    # "said the closure would hurt traders and demanded that ...": a past verb after a
    # modal's clause goes on with the sayer, not with what was said.
    own = _MODAL.search(text, cstart, hi)
    back = own and _SAYER_GOES_ON.search(text, own.end(), hi) or _SAYER_THEN.search(
        text, cstart, hi) or _SAYER_DOING.search(text, cstart, hi)
    end = back.start() if back else hi
    return Said(actor, mention, kind, "indirect", start, _content_end(text, cstart, end),
                (cstart, end), anon_phrase=text[start:v.end()].rstrip(" ,:")
                if kind == "anonymous" else "", reason=reason)


# "We will retaliate," said Berg: the first person opening a quote or a clause in it,
# before a verb (not "the line we recognise", an object's clause, nor "we are being
# asked", done to the speaker).
FIRST_PERSON = re.compile(r"\b(?:We|we|I)\b(?!\s+(?:am|are|was|were|have been|had been|"
                           r"being)\b)(?=\s+(?:\w+\s+){0,2}?[a-z]+\b)")
# "our" before what a hostile act hits: "struck our vessel", "shelled our positions".
_OURS = re.compile(r"(?<=[a-z]ed |uck |hot |ook )our(?=\s+(?:vessels?|ships?|boats?|patrol|"
                   r"positions?|posts?|soldiers|troops|citizens|nationals|fishermen|"
                   r"territory|embassy|diplomats?)\b)")
OPENS = re.compile(r"(?:^|[“\"‘,;:]\s*|\b(?:and|but|that|because|so|if|when|as|while|unless|"
                    r"until)\s+)$")


def first_person_mentions(text: str, said: list[Said], reg: Registry) -> list[Mention]:
    """In a direct quote with a named speaker, "I" is the speaker and "we" the speaker's
    state (or the body or state that speaks): "'We will retaliate,' said Lars Berg,
    Sweden's defence minister" is Sweden's threat."""
    out: list[Mention] = []
    for x in said:
        speaker = reg.actors.get(x.speaker or "", {})
        if x.quote_type != "direct" or speaker.get("kind") not in ("person", "state",
                                                                   "organization"):
            continue
        for m in FIRST_PERSON.finditer(text, x.content[0], x.content[1]):
            if reg.taken(m.start(), m.end()) or not OPENS.search(
                    text[max(x.content[0], m.start() - 12):m.start()]):
                continue
            who = x.speaker if m.group(0) == "I" or speaker["kind"] != "person" else (
                speaker.get("parent") or x.speaker)
            out.append(reg.mention(m.start(), m.end(), who, "pronoun"))
        # ("... deliberately struck our vessel," the spokeswoman said: done to her state)
        state = speaker.get("parent") if speaker["kind"] == "person" else (
            x.speaker if speaker["kind"] == "state" else None)
        for m in _OURS.finditer(text, x.content[0], x.content[1]):
            if state and not reg.taken(m.start(), m.end()):
                out.append(reg.mention(m.start(), m.end(), state, "pronoun"))
    return out


def goes_on(text: str, said: list[Said], pos: int, opening: str, reg: Registry,
            before: list[Mention]) -> list[Mention]:
    """The speaker, when a verb after "and" closes what they said and no one named opens
    it ("warned that the shortage threatened the sowing and proposed a commission",
    "said the enlargement of Nepal's claims was baseless and urged"): the speaker goes
    on acting. [] otherwise."""
    if not re.search(r"\band\s+(?:\w+ly\s+)?$", opening):
        return []
    x = _innermost([x for x in said if x.content[0] <= pos < x.content[1]])
    if x is None:
        return []
    for m in before:
        words = re.findall(r"[\w’'\-]+", re.sub(r"^\s*that\b", "", text[x.content[0]:m.start]))
        if x.content[0] <= m.start and (not words or len(words) == 1 and words[0].lower() not in (
                "of", "in", "on", "for", "to", "from", "by", "with")):
            return []   # "said Peru had closed the border and expelled": Peru goes on
    return _voice(x, pos, reg)


def writer(text: str, said: list[Said], pos: int, opening: str, reg: Registry
           ) -> list[Mention]:
    """The speaker whose words are addressed to someone, when a participle after the
    addressee ("wrote to Salas, asking for talks", "wrote to his counterpart on Monday
    demanding") starts at text[pos] (`opening` is the clause up to it): the participle is
    the speaker's act. [] otherwise."""
    if not re.match(r"\w+ing\b", text[pos:]) or re.search(
            r"\b(?:is|are|was|were|be|been|being|am)\s+(?:\w+ly\s+)?$", opening):
        return []   # ("were demanding": a tense, not a participle of its own)
    # "it had handed the envoy a note demanding": the note's sender demands.
    sent = SENT_DOC.search(opening)
    x = _innermost([x for x in said if x.content[0] <= pos < x.content[1]
                    and (sent or re.match(r"\s*to\b", text[x.content[0]:x.content[1]]))])
    return [] if x is None else _voice(x, pos, reg)


def _innermost(said: list[Said]) -> Said | None:
    """Of the sayings that hold a place, the one whose words start last (the innermost)."""
    return max(said, key=lambda x: x.content[0]) if said else None


def _voice(x: Said, pos: int, reg: Registry) -> list[Mention]:
    """The speaker of `x` as the subject of an act at text[pos]."""
    kind = reg.actors.get(x.speaker, {}).get("kind", "unnamed")
    return [x.speaker_mention or Mention(pos, pos, x.speaker, kind, "speaker")]


def speaker_acts(text: str, said: list[Said], pos: int, opening: str, reg: Registry,
                 before: list[Mention]) -> list[Mention]:
    """A participle after a letter's addressee, or a verb after "and" that closes what
    was said: the writer's or the speaker's act ([] when neither)."""
    return writer(text, said, pos, opening, reg) or goes_on(text, said, pos, opening, reg,
                                                             before)
