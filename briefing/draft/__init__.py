"""The drafter: an article's text → a first draft of its facts, for an analyst to review.

    import briefing
    d = briefing.draft(text, published="2025-06-23")      # a dict shaped like facts.yaml

Offline, deterministic and rule-based: gazetteers and lexicons under `assets/gazetteer/`,
codes from `assets/codebooks/`. Every drafted fact carries `review: pending` and a
`reason` (the rule or lexicon entry that proposed it). Analyst judgment — source
reliability, event credibility, a position's place on its issue, salience and
confidence — is never drafted: those fields hold the placeholder `TODO`. Issues are never
invented; a candidate position points at an actor's statement on an issue the fact base
already declares.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from briefing.draft.actors import (
    Registry,
    find_abbreviations,
    find_bodies,
    find_nationals,
    find_places,
    known_forms,
    slug,
)
from briefing.draft.again import agreed_to_meet, ruled_out_steps, warned_with_appeal
from briefing.draft.answers import answer_mentions, author_mentions
from briefing.draft.attribution import (
    Said,
    find_statements,
    first_person_mentions,
)
from briefing.draft.bodies import find_bare_bodies, find_juntas
from briefing.draft.coref import office_mentions, pair_mentions
from briefing.draft.criticism import critical_sayings
from briefing.draft.events import draft_events
from briefing.draft.evidence import quote
from briefing.draft.gazetteer import load_gazetteer
from briefing.draft.homes import place_people
from briefing.draft.learned import suggested
from briefing.draft.people import (
    find_people,
    it_mentions,
    they_mentions,
)
from briefing.draft.plural_titles import two_under_one_title
from briefing.draft.positions import candidate_positions, known_issues
from briefing.draft.pronouns import list_mentions, pronoun_mentions
from briefing.draft.sources import PENDING, TODO, Sources
from briefing.draft.subjects import described_bodies, unknown_subjects
from briefing.text import split_sentences

__all__ = ["MAX_CHARS", "TODO", "DraftError", "draft", "quote", "to_yaml"]

MAX_CHARS = 100_000      # about 16,000 words: far beyond a news article, and a bound on
                         # the drafting time (about 1.5 s at the limit on this machine)
_HTML = re.compile(r"<\s*(?:script|html|body|div|p|span|iframe|style|a\s|br|img)\b",
                   re.IGNORECASE)


class DraftError(ValueError):
    """Input the drafter refuses, with a message meant for the person who gave it."""


_DEFAULT = object()


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The shipped fact base's actor forms and declared issues."""
    from briefing.load import load

    try:
        base = load()
    except Exception:   # a broken shipped base must not stop drafting a new article
        return {}, []
    return known_forms(base), known_issues(base)


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

def draft(text: str, *, published: dt.date | str, title: str | None = None,
          known: Any = _DEFAULT, today: dt.date | None = None, outlet: str | None = None,
          url: str | None = None) -> dict[str, Any]:
    """Draft the facts of one article. `known` is a Briefing whose actors (by name and
    aliases) the drafter recognises; default: the shipped fact base; None: none.
    `today` is what a future publication date is judged against (default: today).
    `outlet` and `url` say where the article was read (the outlet becomes its source)."""
    text = check_text(text)
    pub = check_published(published, today)
    forms, issues = _shipped() if known is _DEFAULT else (known_forms(known),
                                                          known_issues(known))
    reg = Registry(load_gazetteer(), known=dict(forms))
    two_under_one_title(text, reg)   # ("Foreign ministers A of X and B of Y")
    find_people(text, reg)
    described_bodies(text, reg)   # "Nahdlatul Ulama, the country's largest ... organisation,"
    find_nationals(text, reg)
    find_bodies(text, reg)
    find_abbreviations(text, reg)
    find_places(text, reg)
    find_bare_bodies(text, reg)
    find_juntas(text, reg)
    sentences = split_sentences("draft", text)
    body = [s for s in sentences if not s["is_heading"]]
    unknown_subjects(text, body, reg)
    office_mentions(text, body, reg)   # "The minister", "Its foreign ministry"
    pronoun_mentions(text, body, reg)
    it_mentions(text, body, reg)
    they_mentions(text, body, reg)
    # People are placed under their states first: "his government" is the state of the
    # person named before it.
    place_people(text, body, reg)
    pair_mentions(text, reg)
    list_mentions(text, body, reg)   # ("The ministers: - agree to ...")
    reg.sorted()
    said = find_statements(text, body, reg)
    first_person_mentions(text, said, reg)
    answer_mentions(text, reg)   # ("A: We have asked for ...")
    author_mentions(text, reg)   # ("By X, a former ambassador": "I accepted")
    title = (title or _title(text, sentences)).strip()
    article_id = slug(f"{title[:48]} {pub.isoformat()}")
    reg.scope = article_id
    sources = Sources(text, reg.gazetteer, article_id, outlet=outlet)
    # A question ("What is being built?") asks; it reports no act.
    events = warned_with_appeal(text, ruled_out_steps(agreed_to_meet(draft_events(
        text, [s for s in body if not text[s["start"]:s["end"]].rstrip(" \n\"”’'").endswith(
            "?")], reg, pub, said, sources))))
    # Criticism said in words no trigger names; then, where no rule read an act, the
    # sentence model's suggestion, said to be one.
    extra = critical_sayings(text, body, said, reg, events, pub, sources)
    extra += suggested(text, body, said, reg, events + extra, pub, sources)
    events = sorted(events + extra, key=lambda e: e[1][0])
    statements = _statements(text, reg, said, events, sources)
    points = key_points(text, body, reg, events, statements)
    positions, issues = candidate_positions(statements, issues, reg)
    return {
        "article": {"id": article_id, "title": title,
                    "outlet": sources.outlet, **({"url": url.strip()} if url else {}),
                    "published": pub, "published_basis": "context", "language": "en",
                    **({"key_points": points} if points else {})},
        "sources": sources.out,
        "actors": _actors(reg, text),
        "events": [e for e, _ in events],
        "statements": statements,
        # A declared issue a candidate position refers to, as the fact base declares it.
        "issues": [{**i, "review": PENDING, "reason": "declared in the fact base"}
                   for i in issues],
        "positions": positions,
    }


# Offices whose holder's words are headline material.
_HEADS = re.compile(r"\b(?:President|Prime Minister|King|Queen|Emir|Chancellor|Supreme "
                    r"Leader|Premier|Crown Prince|Secretary-General)\b")


def key_points(text: str, body: list[dict], reg: Registry,
               events: list[tuple[dict[str, Any], tuple[int, int]]],
               statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Candidate headline points: the lede (the first sentence, resting on the events it
    tells) and what heads of state or government said. A point rests on drafted facts,
    which are pending: the loader leaves it out until the analyst accepts them."""
    out: list[dict[str, Any]] = []
    if body:
        lede = body[0]
        facts = [e["id"] for e, (a, _b) in events if lede["start"] <= a < lede["end"]]
        words = " ".join(lede["text"].split())
        dateline = re.match(r"^([^—–]{2,40}?)\s*[—–-]+\s+", words)
        if dateline and dateline.group(1).isupper():
            words = words[dateline.end():]   # "BRASÍLIA — ": the dateline is no point
        if facts:
            out.append({"text": words.rstrip(" ."), "facts": facts[:4]})
    for st in statements:
        speaker = reg.actors.get(st["speaker"], {})
        if speaker.get("kind") == "person" and _HEADS.search(speaker.get("role") or ""):
            out.append({"text": f"{speaker['name']}: {st['text']}", "facts": [st["id"]]})
    return out[:4]


def _title(text: str, sentences: list[dict]) -> str:
    first = sentences[0] if sentences else {"text": text[:80], "is_heading": False}
    if first["is_heading"]:
        return first["text"][:120]
    words = first["text"].split()
    return " ".join(words[:10]) + (" …" if len(words) > 10 else "")

def _statements(text: str, reg: Registry, said: list[Said],
                events: list[tuple[dict[str, Any], tuple[int, int]]],
                sources: Sources) -> list[dict[str, Any]]:
    out = []
    seen = set()
    spans: list[tuple[str, int, int]] = []
    # Widest first: 'the ministry said the attack was “a war crime”' is one statement,
    # not that and the quote inside it again.
    for s in sorted(said, key=lambda s: (s.start, -s.end)):
        key = (s.start, s.end)
        if key in seen or any(sp == s.speaker and a <= s.start and s.end <= b
                              for sp, a, b in spans):
            continue
        seen.add(key)
        spans.append((s.speaker, s.start, s.end))
        content = " ".join(text[s.content[0]:s.content[1]].split()).strip(" ,.")
        if content[:1] in "“\"" and content[-1:] in "”\"":
            content = content[1:-1].strip(" ,.")   # a direct quote: the words, not the marks
        content = re.sub(r"^that\s+", "", content)
        if not content:
            continue
        st = {"id": f"st-{len(out) + 1}-{s.speaker}"[:64].rstrip("-"), "speaker": s.speaker}
        linked = [e["id"] for e, (a, _b) in events if s.content[0] <= a < s.content[1]]
        if linked:
            st["event"] = linked[0]
        # "X has not commented": the outlet reports the silence; X said nothing.
        src = sources.outlet_id if s.reason.startswith("no comment") else \
            sources.for_said(s, reg)
        st |= {"source": src, "attribution": s.kind,
               "quote_type": s.quote_type, "text": content,
               "evidence": [quote(text, s.start, s.end)], "review": PENDING,
               "reason": s.reason}
        out.append(st)
    return out


def _actors(reg: Registry, text: str) -> list[dict[str, Any]]:
    # A person's bare surname, as the text uses it, becomes an alias: once the draft is
    # accepted, the next article's bare surname is known without a title.
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
            # Not its bloc: a bloc groups the actors of one story (two co-sponsors of a
            # resolution), and this article may tell another.
            row = {f: k[f] for f in ("id", "name", "kind", "country", "parent", "role",
                                     "aliases") if k[f] or f in ("country",)}
            if "aliases" in row:   # the frame joins them by "|"; facts.yaml lists them
                row["aliases"] = [x for x in str(row["aliases"]).split("|") if x.strip()]
            out.append(row | {"review": PENDING, "reason": a["reason"]})
            continue
        row = {"id": a["id"], "name": a["name"], "kind": a["kind"],
               "country": a.get("country", "")}
        if a.get("parent") in reg.actors and a["parent"] != a["id"]:
            row["parent"] = a["parent"]
        if a.get("role"):
            row["role"] = a["role"]
        if a["id"] in aliases:
            row["aliases"] = list(dict.fromkeys(aliases[a["id"]]))
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
        def ignore_aliases(self, data: Any) -> bool:
            return True   # the loader refuses aliases: a list two facts share is written twice

    Dumper.add_representer(_Quoted, lambda dumper, v: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(v), style='"'))
    d = {**d, "events": [{**e, "cameo_code": _Quoted(e["cameo_code"])} for e in d["events"]]}
    head = ("# Drafted by `python -m briefing draft`: every fact is `review: pending` until\n"
            "# an analyst accepts it; TODO marks analyst judgment still to give.\n")
    return head + yaml.dump(d, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)

