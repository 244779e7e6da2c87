"""The drafter: an article's text → a first draft of its facts, for an analyst to review.

    import briefing
    d = briefing.draft(text, published="2025-06-23")      # a dict shaped like facts.yaml

Offline, deterministic and rule-based: gazetteers and lexicons under `assets/gazetteer/`,
codes from `assets/codebooks/`. Every drafted fact carries `review: pending` and a
`reason` (the rule or lexicon entry that proposed it). Analyst judgment — source
reliability, event credibility, issues, positions — is never drafted: required fields
hold the placeholder `TODO` and the lists stay empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import types
from typing import Any

from briefing.draft.actors import Mention, Registry, find_places, known_forms, slug
from briefing.draft.attribution import Said, find_statements
from briefing.draft.dates import as_fact_date, find_dates, resolve
from briefing.draft.gazetteer import load_gazetteer
from briefing.draft.people import find_people, pronoun_mentions
from briefing.draft.triggers import find_triggers, status
from briefing.text import count_occurrences, split_sentences

__all__ = ["MAX_CHARS", "TODO", "DraftError", "draft", "to_yaml"]

TODO = "TODO"
MAX_CHARS = 200_000      # about 30,000 words: far beyond a news article
PENDING = "pending"
_HTML = re.compile(r"<\s*(?:script|html|body|div|p|span|iframe|style|a\s|br|img)\b",
                   re.IGNORECASE)
_BREAK = re.compile(r"[;—]|,\s+(?:while|which|but|even as|following|although|after|before)\b"
                    r"|,\s+and\s+(?=[A-Z])")
_PRESENT = re.compile(r"\b(?:is|are|am|will)\b|\b(?:has|have)\b|n[’']t\b")
_FUTURE = re.compile(r"\b(?:will|would|shall|to be|is due|are due)\b")
_ADJECTIVE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our)|[’']s)\s+$", re.IGNORECASE)


class DraftError(ValueError):
    """Input the drafter refuses, with a message meant for the person who gave it."""


_DEFAULT = object()


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, dict[str, Any]]:
    from briefing.load import load

    try:
        return known_forms(load())
    except Exception:   # a broken shipped base must not stop drafting a new article
        return {}


def check_published(published: dt.date | str, today: dt.date | None = None) -> dt.date:
    """The publication date as a date; a malformed or future one is a DraftError."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published.strip())
        except ValueError:
            raise DraftError(f"published: {published!r} is not a date YYYY-MM-DD") from None
    if not isinstance(published, dt.date):
        raise DraftError(f"published: {published!r} is not a date YYYY-MM-DD")
    if published > (today or dt.date.today()):
        raise DraftError(f"published: {published.isoformat()} is in the future")
    return published


def check_text(text: Any) -> str:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DraftError(f"the text is not UTF-8 (byte {e.start}): save it as UTF-8 "
                             "text") from None
    if not isinstance(text, str):
        raise DraftError(f"the text must be a string, got {type(text).__name__}")
    if "\x00" in text:
        raise DraftError("the text holds NUL bytes: it looks like a binary file, not an "
                         "article")
    if not text.strip():
        raise DraftError("the text is empty")
    if len(text) > MAX_CHARS:
        raise DraftError(f"the text is too long: {len(text):,} characters, the limit is "
                         f"{MAX_CHARS:,} (a news article is far shorter)")
    if _HTML.search(text):
        raise DraftError("the text holds HTML markup (<script>, <p>, ...): give the "
                         "article's plain text, not its web page")
    return text


def quote(text: str, start: int, end: int) -> str | dict[str, Any]:
    """Evidence for text[start:end]: the quote, with `occurrence` when it repeats."""
    q = text[start:end]
    if count_occurrences(text, q) == 1:
        return q
    n, pos = 1, text.find(q)
    while pos < start:
        pos = text.find(q, pos + 1)
        n += 1
    return {"quote": q, "occurrence": n}


def draft(text: str, *, published: dt.date | str, title: str | None = None,
          known: Any = _DEFAULT, today: dt.date | None = None) -> dict[str, Any]:
    """Draft the facts of one article. `known` is a Briefing whose actors (by name and
    aliases) the drafter recognises; default: the shipped fact base; None: none.
    `today` is what a future publication date is judged against (default: today)."""
    text = check_text(text)
    pub = check_published(published, today)
    forms = _shipped() if known is _DEFAULT else known_forms(known)
    reg = Registry(load_gazetteer(), known=dict(forms))
    find_people(text, reg)
    find_places(text, reg)
    sentences = split_sentences("draft", text)
    body = [s for s in sentences if not s["is_heading"]]
    _unknown_subjects(text, body, reg)
    pronoun_mentions(text, body, reg)
    reg.sorted()
    said = find_statements(text, body, reg)
    sources = _Sources(text)
    events = _events(text, body, reg, pub, said, sources)
    statements = _statements(text, reg, said, events, sources)
    title = (title or _title(text, sentences)).strip()
    return {
        "article": {"id": slug(f"{title[:48]} {pub.isoformat()}"), "title": title,
                    "outlet": "", "published": pub, "published_basis": "context",
                    "language": "en"},
        "sources": sources.out,
        "actors": _actors(reg, text),
        "events": [e for e, _ in events],
        "statements": statements,
        "issues": [],
        "positions": [],
    }


def _title(text: str, sentences: list[dict]) -> str:
    first = sentences[0] if sentences else {"text": text[:80], "is_heading": False}
    if first["is_heading"]:
        return first["text"][:120]
    words = first["text"].split()
    return " ".join(words[:10]) + (" …" if len(words) > 10 else "")


class _Sources:
    def __init__(self, text: str):
        self.text = text
        self.out: list[dict[str, Any]] = [{
            "id": "src-outlet", "name": "The article's outlet (own reporting)", "kind": "outlet",
            "reliability": TODO, "review": PENDING,
            "reason": "every article has its own reporting"}]
        self.ids = {"src-outlet"}

    def add(self, sid: str, name: str, kind: str, reason: str, evidence: Any = None) -> str:
        if sid not in self.ids:
            self.ids.add(sid)
            src = {"id": sid, "name": name, "kind": kind, "reliability": TODO,
                   "review": PENDING, "reason": reason}
            if evidence is not None:
                src["evidence"] = [evidence]
            self.out.append(src)
        return sid

    def for_said(self, s: Said, reg: Registry) -> str:
        if s.relay:
            org = reg.actors[s.relay]
            kind = "state_media" if s.kind == "state_media_relay" else "wire"
            return self.add(f"src-{s.relay}"[:64], org["name"], kind, f"relayed: {s.reason}")
        if s.kind == "anonymous":
            n = sum(1 for x in self.ids if x.startswith("src-anon"))
            start = self.text.find(s.anon_phrase, s.start)
            return self.add(f"src-anon-{n + 1}", f"Unnamed: {s.anon_phrase}", "anonymous",
                            s.reason, quote(self.text, start, start + len(s.anon_phrase)))
        a = reg.actors[s.speaker]
        return self.add(f"src-{s.speaker}"[:64], f"{a['name']}, on the record", "official",
                        s.reason)


_ASIDE = re.compile(r"—[^—\n]{1,200}—")


def _asides(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Dash-paired asides ("Putin—whose military has ...—has shown"): the clause runs on
    around them, and nothing in them is the clause's subject."""
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]


def _clause(text: str, lo: int, hi: int, pos: int, end: int) -> tuple[int, int]:
    asides = _asides(text, lo, hi)
    inside = lambda i: any(a <= i < b for a, b in asides)  # noqa: E731
    start = lo
    for m in _BREAK.finditer(text, lo, pos):
        if inside(m.start()) or (m.group(0).startswith(",") and "and" in m.group(0)
                                 and not re.search(r"\b[a-z]{4,}\b", text[start:m.start()])):
            continue   # ", and" ends a clause, not a list of names ("Russia, China, and")
        start = m.end()
    stop = next((m for m in _BREAK.finditer(text, end, hi) if not inside(m.start())), None)
    return start, stop.start() if stop else hi


_AUX = r"(?:(?:has|have|had|will|would|is|are|was|were|did|does|do|also|not|yet|never|" \
       r"now|\w+ly)\s+){0,3}"
_SUBJECT = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?"
                      r"(?:\s+and\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)?)\s+" + _AUX + "$")
_NOT_SUBJECT = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That",
                "These", "Those", "There", "But", "And", "However", "Although", "While", "If",
                "When", "After", "Before", "On", "In", "At", "Last", "Next", "Neither",
                "Both", "Some", "Many", "Officials", "Sources", "Monday", "Tuesday",
                "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _unknown_subjects(text: str, body: list[dict], reg: Registry) -> None:
    """A capitalised name right before an event verb that no table knows ("Ruritania
    has demanded") is drafted as an actor of unknown kind, with all its mentions."""
    names: list[str] = []
    for s in body:
        for t in find_triggers(text, s["start"], s["end"]):
            if t.trigger.noun:
                continue
            c0 = max(s["start"], t.start - 80)
            m = _SUBJECT.search(text, c0, t.start)
            if not m or reg.taken(m.start("name"), m.end("name")):
                continue
            for name in re.split(r"\s+and\s+", m.group("name")):
                if name.split()[0] not in _NOT_SUBJECT and name not in reg.gazetteer.forms:
                    names.append(name)
    for name in dict.fromkeys(names):
        actor = reg.add(slug(name), {"name": name, "kind": "organization", "country": "",
                                     "reason": "capitalised subject of an event verb, in no "
                                               "table: kind to check"})
        for m in re.finditer(rf"(?<![\w’']){re.escape(name)}(?!\w)", text):
            if not reg.taken(m.start(), m.end()):
                reg.mention(m.start(), m.end(), actor, "subject")


def _coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    """The subject: the last mention and those joined to it by ',' / 'and' ("Russia,
    China, and Pakistan")."""
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        gap = text[m.end:group[0].start]
        if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", gap):
            group.insert(0, m)
        else:
            break
    return group


def _events(text: str, body: list[dict], reg: Registry, pub: dt.date, said: list[Said],
            sources: _Sources) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    out: list[tuple[dict[str, Any], tuple[int, int]]] = []
    mentions = [m for m in reg.sorted() if m.via != "title-prefix"]
    for s in body:
        lo, hi = s["start"], s["end"]
        dates = find_dates(text, lo, hi)
        for t in find_triggers(text, lo, hi):
            c0, c1 = _clause(text, lo, hi, t.start, t.end)
            for x in said:
                # In reported speech the event's subject is inside what was said:
                # "Putin said Israel has provided ..." — Israel provides, not Putin.
                if x.content[0] <= t.start < x.content[1]:
                    c0 = max(c0, x.content[0])
            if not t.trigger.noun and _ADJECTIVE.search(text, max(lo, t.start - 12), t.start) \
                    and text[t.start:t.end].endswith("ed"):
                continue   # "Iraq’s alleged weapons": a participle used as an adjective
            asides = _asides(text, lo, hi)
            before = [m for m in mentions if c0 <= m.start and m.end <= t.start
                      and not any(a <= m.start < b for a, b in asides)]
            after = [m for m in mentions if t.end <= m.start and m.end <= c1]
            if t.trigger.noun:
                # "the U.S. strikes", "Israeli airstrikes": the actor modifies the noun.
                before = [m for m in before if len(text[m.end:t.start].split()) <= 2]
            if not before:
                continue
            if re.search(r"(?:^|\s)(?:and|to)\s+(?:\w+ly\s+)?$", text[c0:t.start]):
                # "Moscow has purchased weapons from Iran ... and signed", "travelled to
                # Warsaw to meet": a second verb or an infinitive shares the clause's
                # first subject, not the noun just before it.
                subject = [before[0]]
            else:
                subject = _coordinated(text, before)
            actors = list(dict.fromkeys(m.actor for m in subject))
            recipients = [m.actor for m in after if m.actor not in actors][:1]
            if t.trigger.mutual and recipients and len(actors) == 1:
                actors, recipients = actors + recipients, []
            future = bool(_FUTURE.search(text, c0, t.start))
            date, why = _date(text, dates, t.start, c0, c1, pub, future)
            year = date.get("date")
            historical = isinstance(year, int | str) and int(str(year)[:4]) < pub.year
            st, st_why = status(text, c0, t, historical)
            ev_start = min(subject[0].start, t.start)
            ev_end = c1
            while ev_end > t.end and text[ev_end - 1] in " ,.;:":
                ev_end -= 1
            source = "src-outlet"
            for x in said:
                if x.content[0] <= t.start < x.content[1]:
                    source = sources.for_said(x, reg)
            n = len(out) + 1
            code = t.trigger
            names = lambda ids: " and ".join(reg.actors[i]["name"] for i in ids)  # noqa: E731
            event = {
                "id": f"ev-{n}-{slug(code.phrase.replace('*', ''))}"[:64].rstrip("-"),
                **date,
                "plover_type": code.plover_type, "plover_mode": code.plover_mode,
                "cameo_code": code.cameo_code, "status": st, "source": source,
                "credibility": TODO,
                "summary": " ".join(filter(None, [names(actors), text[t.start:t.end],
                                                  names(recipients)])),
                "participants": {"actor": actors, **({"recipient": recipients}
                                                      if recipients else {})},
                "evidence": [quote(text, ev_start, ev_end)],
                "review": PENDING,
                "reason": f"trigger '{code.phrase}' → CAMEO {code.cameo_code}; {st_why}; "
                          f"{why}",
            }
            out.append((event, (t.start, t.end)))
    return out


def _date(text: str, dates: list[tuple[int, int, str]], pos: int, c0: int, c1: int,
          pub: dt.date, future: bool) -> tuple[dict[str, Any], str]:
    # The date expression nearest the trigger, preferring one in the trigger's clause.
    # "the largest attack since 1979": a year after "since" bounds the event, not dates it.
    dates = [d for d in dates if not re.search(r"\bsince\s+(?:the\s+)?$", text[:d[0]][-12:])]
    ranked = sorted(dates, key=lambda d: (not (c0 <= d[0] < c1), abs(d[0] - pos)))
    for _, _, phrase in ranked:
        r = resolve(phrase, pub, future=future)
        value, _precision = as_fact_date(r)
        if value is not None:
            return {"date": value, "date_basis": r.basis, "date_note": r.note}, \
                f"date from '{phrase}'"
        return {}, r.note
    if _PRESENT.search(text, c0, c1):
        return {"date": pub.isoformat(), "date_basis": "resolved",
                "date_note": "no date in the sentence; present, present perfect or future "
                             f"tense: as of the publication date {pub.isoformat()}"}, \
            "present tense"
    return {}, "no date in the sentence: left for the analyst"


def _statements(text: str, reg: Registry, said: list[Said],
                events: list[tuple[dict[str, Any], tuple[int, int]]],
                sources: _Sources) -> list[dict[str, Any]]:
    out = []
    seen = set()
    for s in said:
        key = (s.start, s.end)
        if key in seen:
            continue
        seen.add(key)
        content = " ".join(text[s.content[0]:s.content[1]].split()).strip(" ,.“”\"")
        content = re.sub(r"^that\s+", "", content)
        if not content:
            continue
        st = {"id": f"st-{len(out) + 1}-{s.speaker}"[:64].rstrip("-"), "speaker": s.speaker}
        linked = [e["id"] for e, (a, _b) in events if s.content[0] <= a < s.content[1]]
        if linked:
            st["event"] = linked[0]
        st |= {"source": sources.for_said(s, reg), "attribution": s.kind,
               "quote_type": s.quote_type, "text": content,
               "evidence": [quote(text, s.start, s.end)], "review": PENDING,
               "reason": s.reason}
        out.append(st)
    return out


def _actors(reg: Registry, text: str) -> list[dict[str, Any]]:
    # A person's bare surname, as the text uses it, becomes an alias: once the draft is
    # accepted, the next article's "Araqchi" is known without his title.
    aliases: dict[str, list[str]] = {}
    for m in reg.mentions:
        if m.via == "surname":
            aliases.setdefault(m.actor, []).append(text[m.start:m.end])
    known = {k["id"]: k for k in reg.known.values()}
    out = []
    for a in reg.actors.values():
        if a["id"] in known:
            # The fact base's own declaration, unchanged: a draft must not redeclare a
            # curated actor differently (the newer declaration would win).
            k = known[a["id"]]
            row = {f: k[f] for f in ("id", "name", "kind", "country", "parent", "role", "bloc",
                                     "aliases") if k[f] or f in ("country",)}
            out.append(row | {"review": PENDING, "reason": a["reason"]})
            continue
        row = {"id": a["id"], "name": a["name"], "kind": a["kind"],
               "country": a.get("country", "")}
        if a.get("parent") in reg.actors and a["parent"] != a["id"]:
            row["parent"] = a["parent"]
        if a.get("role"):
            row["role"] = a["role"]
        if a["id"] in aliases:
            row["aliases"] = "|".join(dict.fromkeys(aliases[a["id"]]))
        row |= {"review": PENDING, "reason": a["reason"]}
        out.append(row)
    return out


class _Quoted(str):
    """A string YAML must quote: a CAMEO code like 042 would otherwise be read back as
    a number by a reader less careful than ours."""


def to_yaml(d: dict[str, Any]) -> str:
    """The draft as facts.yaml text (UTF-8, keys in the format's order)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(_Quoted, lambda dumper, v: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(v), style='"'))
    d = {**d, "events": [{**e, "cameo_code": _Quoted(e["cameo_code"])} for e in d["events"]]}
    head = ("# Drafted by `python -m briefing draft`: every fact is `review: pending` until\n"
            "# an analyst accepts it; TODO marks analyst judgment still to give.\n")
    return head + yaml.dump(d, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


class _CallableModule(types.ModuleType):
    """`briefing.draft(text, ...)` must call the function even after `import
    briefing.draft`, which binds the name `draft` on the package to this module."""

    def __call__(self, text: str, **kwargs: Any) -> dict[str, Any]:
        return draft(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
