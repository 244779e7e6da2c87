"""The review state: the draft's facts, each analyst decision, the cursor and the undo stack.

`Review` is plain data (JSON in, JSON out) so that it autosaves and resumes as is. Every
change goes through `Review.apply`, which records an undo step first.

A fact's `review` key says where it stands: pending (a machine suggestion not yet
looked at), accepted or rejected (`contract.REVIEW`). A fact without the key is the
analyst's own (accepted). What gets saved is `Review.facts()`: accepted facts, plus the
pending entities that an accepted fact refers to, without the review keys.

The lists, their kinds, the new-fact template and the reference rules all come from the
document's declaration in `briefing.contract`.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from briefing import contract as C
from briefing.text import split_sentences
from briefing.workbench.offsets import evidence_item, snap, span_of

# The lists of a facts.yaml, in the documented order.
KINDS = tuple(f.list for f in C.LISTS if f.list)
SINGULAR = {f.list: f.singular for f in C.LISTS if f.list}
# Lists whose items are facts with evidence; the others are entities that facts refer to.
FACT_KINDS = C.FACT_LISTS
ENTITY_KINDS = C.REGISTRY_LISTS
STATUSES = C.REVIEW
ARTICLE = "article"
# Bookkeeping keys of a suggestion, never saved.
REVIEW_KEYS = tuple(c.key for c in C.FRAMES["events"].cols if c.key in ("review", "reason"))
UNDO_LIMIT = 200
# Undo steps kept in the autosave: enough to take back the last few keys after a restart,
# few enough that the file written on every key stays small.
UNDO_SAVED = 20
_SLUG = re.compile(r"[^a-z0-9]+")


class ReviewError(ValueError):
    """An action that cannot be applied (unknown fact, bad field); the message says why."""


def slugify(words: str, *, prefix: str = "", limit: int = 40) -> str:
    """A readable id from words: lower-case ASCII, digits and '-', starting with a letter."""
    import unicodedata

    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    slug = _SLUG.sub("-", ascii_words.lower()).strip("-")[:limit].strip("-")
    slug = f"{prefix}{slug}" if prefix else slug
    if not slug or not slug[0].isalpha():
        slug = f"x-{slug}".strip("-")
    return slug[:64]


@dataclass
class Item:
    """One entry of the review list (a suggestion or an analyst's own fact)."""

    kind: str  # "events", ...
    index: int  # position in doc[kind]
    fact: dict[str, Any]
    anchor: int  # where it sits in the text (first evidence), for ordering
    spans: list[tuple[int, int]]

    @property
    def sid(self) -> str:
        return f"{singular(self.kind)}:{self.fact.get('id', '')}"

    @property
    def status(self) -> str:
        status = self.fact.get("review", C.ACCEPTED)
        return status if status in STATUSES else C.PENDING


@dataclass
class Review:
    """The whole review: the article text, the facts being reviewed, cursor and undo."""

    text: str
    doc: dict[str, Any]
    cursor: int = 0
    undo: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.doc = normalise(self.doc)
        self._sentences = split_sentences("x", self.text)
        self._items: list[Item] | None = None
        items = self.items()
        if self.cursor == 0 and items and items[0].kind == ARTICLE and len(items) > 1:
            # Start at the first suggestion; the article heads the list, one key away.
            self.cursor = self._next_pending(0)

    # -- reading ----------------------------------------------------------------------

    def items(self) -> list[Item]:
        """Every fact in text order (first evidence offset; entities by first mention)."""
        if self._items is None:
            found: list[Item] = []
            article = self.doc.get(ARTICLE)
            if isinstance(article, dict):
                # The article itself heads the list: its title, outlet and key points.
                found.append(Item(ARTICLE, 0, article, -1, []))
            for kind in KINDS:
                for i, fact in enumerate(self.doc.get(kind) or []):
                    spans = self._spans(kind, fact)
                    anchor = min((s for s, _ in spans), default=len(self.text) + 1)
                    found.append(Item(kind, i, fact, anchor, spans))
            order = {k: n for n, k in enumerate((ARTICLE, *KINDS))}
            found.sort(key=lambda it: (it.anchor, order[it.kind], it.index))
            self._items = found
        return self._items

    def _spans(self, kind: str, fact: dict[str, Any]) -> list[tuple[int, int]]:
        spans = [s for s in (span_of(self.text, e) for e in fact.get("evidence") or []) if s]
        if not spans and kind == "actors":
            name = fact.get("name")
            if isinstance(name, str) and name and name != C.PLACEHOLDER:
                # The name as a whole word: "Gaul" is not the start of "Gaulish".
                found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text)
                if found:
                    spans = [found.span()]
        return spans

    def current(self) -> Item | None:
        items = self.items()
        if not items:
            return None
        self.cursor = min(max(self.cursor, 0), len(items) - 1)
        return items[self.cursor]

    def find(self, sid: str) -> int:
        for n, item in enumerate(self.items()):
            if item.sid == sid:
                return n
        raise ReviewError(f"no fact {sid!r} in this review")

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for item in self.items():
            if item.kind != ARTICLE:
                out[item.status] += 1
        return out

    def facts(self) -> dict[str, Any]:
        """What Save writes: the article, accepted facts, and the entities they use."""
        keep = {kind: [f for f in self.doc.get(kind) or []
                       if f.get("review", C.ACCEPTED) == C.ACCEPTED] for kind in KINDS}
        used = _references(keep, self.doc)
        for kind in ENTITY_KINDS:
            keep[kind] = [f for f in self.doc.get(kind) or []
                          if f.get("review", C.ACCEPTED) == C.ACCEPTED
                          or (f.get("review") == C.PENDING and f.get("id") in used[kind])]
        out: dict[str, Any] = {ARTICLE: copy.deepcopy(self.doc.get(ARTICLE) or {})}
        for kind in KINDS:
            # A list the file never had and the review leaves empty stays absent.
            if keep[kind] or kind in self.doc:
                out[kind] = [{k: copy.deepcopy(v) for k, v in f.items()
                              if k not in REVIEW_KEYS} for f in keep[kind]]
        return out

    def coverage(self) -> dict[str, Any]:
        """Which sentences the saved facts cite (a sentence is cited when a quote overlaps it)."""
        saved = self.facts()
        spans = sorted(s for kind in FACT_KINDS for f in saved.get(kind) or []
                       for s in self._spans(kind, f))
        uncited = []
        for sentence in self._sentences:
            start, end = sentence["start"], sentence["end"]
            if not any(s < end and e > start for s, e in spans):
                uncited.append([start, end])
        return {"sentences": len(self._sentences),
                "cited": len(self._sentences) - len(uncited), "uncited": uncited}

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "cursor": self.cursor, "undo": self.undo[-UNDO_SAVED:]}

    # -- changing ----------------------------------------------------------------------

    def apply(self, action: str, **args: Any) -> str:
        """Apply one action; returns a short message for the analyst. Raises ReviewError."""
        if action in ("next", "previous", "goto", "next_pending"):
            return self._move(action, **args)
        if action == "undo":
            return self._undo()
        handler = {"accept": self._decide, "reject": self._decide, "edit": self._edit,
                   "add": self._add, "key_point": self._key_point,
                   "cite": self._cite, "replace": self._replace,
                   "judge": self._judge}.get(action)
        if handler is None:
            raise ReviewError(f"unknown action {action!r}")
        # A snapshot as JSON text: cheaper to take than a deep copy, and saved as is.
        snapshot = {"doc": json.dumps(self.doc, ensure_ascii=False), "cursor": self.cursor,
                    "action": action}
        message = handler(action, **args)
        self.undo.append(snapshot)
        del self.undo[:-UNDO_LIMIT]
        self._items = None
        return message

    def _move(self, action: str, index: int | None = None, sid: str | None = None) -> str:
        items = self.items()
        if not items:
            return "nothing to review"
        if action == "next":
            self.cursor = min(self.cursor + 1, len(items) - 1)
        elif action == "previous":
            self.cursor = max(self.cursor - 1, 0)
        elif action == "next_pending":
            self.cursor = self._next_pending(self.cursor)
        elif sid is not None:
            self.cursor = self.find(sid)
        elif index is not None:
            self.cursor = min(max(int(index), 0), len(items) - 1)
        return ""

    def _next_pending(self, after: int) -> int:
        items = self.items()
        order = list(range(after + 1, len(items))) + list(range(0, after + 1))
        return next((n for n in order if items[n].status == C.PENDING),
                    min(after + 1, len(items) - 1))

    def _target(self, sid: str | None) -> Item:
        if sid is not None:
            self.cursor = self.find(sid)
        item = self.current()
        if item is None:
            raise ReviewError("nothing to review")
        return item

    def _decide(self, action: str, sid: str | None = None) -> str:
        item = self._target(sid)
        if item.kind == ARTICLE:
            self.cursor = self._next_pending(self.cursor)
            return "the article is not a suggestion: edit it (e) to change its title or key points"
        status = C.ACCEPTED if action == "accept" else C.REJECTED
        item.fact["review"] = status
        label = describe(item)
        self._items = None
        self.cursor = self._next_pending(self.find(item.sid))
        return f"{status}: {label}"

    def _edit(self, action: str, sid: str | None = None,
              fields: dict[str, Any] | None = None,
              create: list[dict[str, Any]] | None = None) -> str:
        item = self._target(sid)
        if not isinstance(fields, dict):
            raise ReviewError("edit needs fields")
        fields = dict(fields)
        made = []
        for new in create or []:
            # An entity made from the form (a new issue with its scale), then chosen there.
            kind, values = new.get("kind"), new.get("fields") or {}
            if kind not in ENTITY_KINDS or not isinstance(values, dict):
                raise ReviewError(f"cannot create a {kind!r} here")
            label = str(values.get(C.BY_LIST[kind].label) or "").strip()
            if not label:
                raise ReviewError(f"a new {SINGULAR[kind]} needs its {C.BY_LIST[kind].label}")
            entity = new_fact(kind, label, None, self._ids(kind))
            entity.update({k: v for k, v in values.items() if isinstance(v, str) and v.strip()})
            self.doc.setdefault(kind, []).append(entity)
            made.append(f"{SINGULAR[kind]} {entity['id']}")
            if new.get("key"):
                fields[str(new["key"])] = entity["id"]
        item = self._target(sid)
        old_id = item.fact.get("id")
        new_id = fields.get("id", old_id)
        if new_id != old_id and new_id in self._ids(item.kind):
            raise ReviewError(f"id {new_id!r} is already used by another fact")
        keep_empty = _keeps_empty(item.kind)
        for key, value in fields.items():
            if key in REVIEW_KEYS:
                continue
            if value is None or value in ("", [], {}) and key not in keep_empty:
                item.fact.pop(key, None)
            else:
                item.fact[key] = normalise(value)
        if new_id != old_id and item.kind != ARTICLE:
            rename(self.doc, item.kind, old_id, new_id)
        # Editing a suggestion is the analyst's decision: it is accepted as edited.
        if "review" in item.fact:
            item.fact["review"] = C.ACCEPTED
        self._items = None
        self.cursor = self.find(f"{singular(item.kind)}:{item.fact.get('id', '')}")
        note = f" (new {', '.join(made)})" if made else ""
        return f"edited: {describe(self.items()[self.cursor])}{note}"

    def _cite(self, action: str, sid: str | None = None, start: int = 0, end: int = 0) -> str:
        """Add the selected words to a fact's evidence."""
        item = self._target(sid)
        frame = C.BY_LIST.get(item.kind)
        if frame is None or "evidence" not in frame.extra_keys:
            raise ReviewError(f"a {singular(item.kind)} carries no evidence")
        span = snap(self.text, start, end)
        if span is None:
            raise ReviewError("select some words of the text first")
        s, e = span
        item.fact.setdefault("evidence", []).append(evidence_item(self.text, s, e))
        self._items = None
        self.cursor = self.find(item.sid)
        return f"cited “{_short(self.text[s:e])}” for {item.fact.get('id')}"

    def _add(self, action: str, kind: str = "events", start: int = 0, end: int = 0) -> str:
        if kind not in KINDS:
            raise ReviewError(f"cannot add a {kind!r}")
        span = snap(self.text, start, end)
        if span is None:
            raise ReviewError("select some words of the text first")
        s, e = span
        quote = self.text[s:e]
        fact = new_fact(kind, quote, evidence_item(self.text, s, e), self._ids(kind))
        if kind == "events":
            fact.update(self._proposed_event(s, e))
        named = self._actors_named_in(quote)
        for c in C.BY_LIST[kind].yaml_cols:
            # The actors the selected words name fill the fact's actor keys.
            if named and c.refers == "actors" and c.key in fact:
                fact[c.key] = {C.ROLES[0]: named} if c.edit == "participants" else named[0]
        self.doc.setdefault(kind, []).append(fact)
        self._items = None
        self.cursor = self.find(f"{SINGULAR[kind]}:{fact['id']}")
        return f"added {SINGULAR[kind]} {fact['id']} at {s}–{e}: “{_short(quote)}”"

    def _key_point(self, action: str, op: str = "add", index: int | None = None,
                   start: int = 0, end: int = 0, text: str | None = None,
                   facts: list[str] | None = None, by: int = 0) -> str:
        """Write the article's key points: add from selected words, edit, move, remove."""
        article = self.doc.setdefault(ARTICLE, {})
        points = article.setdefault("key_points", [])
        if op == "add":
            span = snap(self.text, start, end)
            if span is None:
                raise ReviewError("select the words of the key point in the text first")
            s, e = span
            # The facts it rests on: the accepted ones (those Save writes) whose evidence
            # overlaps the selected words.
            found = [f.get("id") for kind in FACT_KINDS for f in self.doc.get(kind) or []
                     if f.get("review", C.ACCEPTED) == C.ACCEPTED
                     and any(a < e and b > s for a, b in self._spans(kind, f))]
            points.append({"text": self.text[s:e].strip(), "facts": found})
            self.cursor = 0
            if not found:
                return (f"added key point {len(points)}: no fact cites these words yet; "
                        "add one, then name it in the key point")
            return f"added key point {len(points)}, resting on {', '.join(found)}"
        if index is None or not 0 <= int(index) < len(points):
            raise ReviewError(f"no key point {index!r}")
        n = int(index)
        if op == "remove":
            points.pop(n)
            if not points:
                article.pop("key_points")
            return f"removed key point {n + 1}"
        if op == "move":
            to = min(max(n + int(by), 0), len(points) - 1)
            points.insert(to, points.pop(n))
            return f"moved key point {n + 1} to {to + 1}"
        if op == "edit":
            if text is not None:
                points[n]["text"] = str(text).strip()
            if facts is not None:
                points[n]["facts"] = [str(f) for f in facts if str(f).strip()]
            return f"edited key point {n + 1}"
        raise ReviewError(f"unknown key-point change {op!r}")

    def _proposed_event(self, start: int, end: int) -> dict[str, Any]:
        """What the drafter's own rules read in the selected words: the first trigger's
        PLOVER type, mode and CAMEO code, and the first date resolved against the
        publication date (a proposal the analyst checks, as for a drafted event)."""
        from briefing.draft.dates import as_fact_date, find_dates, resolve
        from briefing.draft.triggers import find_triggers

        out: dict[str, Any] = {}
        for m in find_triggers(self.text, start, end)[:1]:
            t = m.trigger
            out.update(plover_type=t.plover_type, plover_mode=t.plover_mode,
                       cameo_code=t.cameo_code)
        published = (self.doc.get(ARTICLE) or {}).get("published")
        try:
            day = dt.date.fromisoformat(str(published))
        except ValueError:
            return out  # no publication date to resolve against
        for _, _, phrase in find_dates(self.text, start, end):
            r = resolve(phrase, day)
            date, date_end = as_fact_date(r)
            if date is not None:
                out.update(date=date, date_basis=r.basis, date_note=f'"{phrase}": {r.note}')
                if date_end is not None:
                    out["date_end"] = date_end
                break
        return out

    def _actors_named_in(self, words: str) -> list[str]:
        """Ids of the review's actors (not rejected) named in `words` — by name or alias,
        as whole words — in the order the words name them."""
        hits = []
        for a in self.doc.get("actors") or []:
            if a.get("review") == C.REJECTED or not isinstance(a.get("id"), str):
                continue
            names = [a.get("name"), *(a.get("aliases") or [])]
            spots = [m.start() for n in names if isinstance(n, str) and n and n != C.PLACEHOLDER
                     for m in [re.search(rf"(?<!\w){re.escape(n)}(?!\w)", words)] if m]
            if spots:
                hits.append((min(spots), a["id"]))
        return [i for _, i in sorted(hits)]

    def _judge(self, action: str, sid: str | None = None, grade: int = 0) -> str:
        """Grade the fact's analyst judgment by its rank (1–6: credibility 1–6, reliability
        A–F), accept it, and go on to the next fact whose judgment awaits the analyst —
        ten judgments are ten keys."""
        item = self._target(sid)
        col = _grade_col(item.kind)
        if col is None:
            raise ReviewError(f"a {singular(item.kind)} has no grade to give")
        grades = _grades(col)
        if not 1 <= int(grade) <= len(grades):
            raise ReviewError(f"{col.key} grades are 1–{len(grades)}")
        item.fact[col.key] = grades[int(grade) - 1]
        if "review" in item.fact:
            item.fact["review"] = C.ACCEPTED
        self._items = None
        at = self.find(item.sid)
        items = self.items()
        later = [n for n in [*range(at + 1, len(items)), *range(0, at)]
                 if _awaits_judgment(items[n])]
        self.cursor = later[0] if later else at
        left = f"; {len(later)} more await a judgment" if later else "; no judgment left"
        return f"{item.fact.get('id')}: {col.key} {item.fact[col.key]}{left}"

    def _replace(self, action: str, doc: dict[str, Any] | None = None) -> str:
        """Take another version of the whole document (the file as someone saved it)."""
        if not isinstance(doc, dict):
            raise ReviewError("replace needs a document")
        self.doc = normalise(doc)
        self._items = None
        self.cursor = 0
        return "took the file on disk"

    def _undo(self) -> str:
        if not self.undo:
            return "nothing to undo"
        step = self.undo.pop()
        doc = step["doc"]
        self.doc = json.loads(doc) if isinstance(doc, str) else doc
        self.cursor = step["cursor"]
        self._items = None
        return f"undone: {step.get('action', 'change')}"

    def _ids(self, kind: str | None = None) -> set[str]:
        """Ids in use: an entity's among its kind's (entities and facts have their own
        namespaces in the loader), a fact's among all facts."""
        kinds = (kind,) if kind in ENTITY_KINDS else FACT_KINDS if kind in FACT_KINDS else KINDS
        return {f.get("id") for k in kinds for f in self.doc.get(k) or []}


# Id prefixes of the facts an analyst adds: "ev-…" reads as an event in any list.
_PREFIX = {"events": "ev-", "statements": "st-", "positions": "pos-"}


def singular(kind: str) -> str:
    return ARTICLE if kind == ARTICLE else SINGULAR[kind]


def new_fact(kind: str, quote: str, evidence: Any, taken: set[str]) -> dict[str, Any]:
    """A fact made by the analyst from selected words, from the contract: its label says
    the words, the keys it must have start as declared or as the placeholder."""
    frame = C.BY_LIST[kind]
    base = slugify(quote, prefix=_PREFIX.get(kind, ""), limit=32)
    fact_id, n = base, 2
    while fact_id in taken:
        fact_id, n = f"{base}-{n}", n + 1
    fact: dict[str, Any] = {"id": fact_id}
    for c in frame.yaml_cols:
        if c.edit in ("id", "none"):
            continue
        if c.key == "evidence":
            fact[c.key] = [evidence]
        elif c.key == frame.label and c.required:
            fact[c.key] = quote
        elif c.start is not None:
            fact[c.key] = copy.deepcopy(c.start)
        elif c.required or c.judgment:
            fact[c.key] = C.PLACEHOLDER
    return fact


def describe(item: Item) -> str:
    """A one-line label for a fact: its id and what it says."""
    f = item.fact
    label = C.FRAMES["articles"].label if item.kind == ARTICLE else C.BY_LIST[item.kind].label
    words = f.get(label) or ""
    return f"{f.get('id', '?')} — {_short(str(words), 70)}" if words else str(f.get("id", "?"))


def _grade_col(kind: str) -> C.Col | None:
    if kind not in C.BY_LIST:
        return None
    return next((c for c in C.BY_LIST[kind].yaml_cols if c.edit == "grade"), None)


def _grades(col: C.Col) -> tuple[Any, ...]:
    """A grade column's grades in rank order: its value set, else its integer range."""
    if col.values:
        return col.values
    return tuple(range(int(col.lo or 0), int(col.hi or 0) + 1))


def _awaits_judgment(item: Item) -> bool:
    if item.kind not in C.BY_LIST or item.fact.get("review") == C.REJECTED:
        return False
    return any(c.judgment and item.fact.get(c.key) == C.PLACEHOLDER
               for c in C.BY_LIST[item.kind].yaml_cols)


def _keeps_empty(kind: str) -> set[str]:
    """Keys whose empty value is written as "" (an outlet not named, no PLOVER mode)."""
    frame = C.FRAMES["articles"] if kind == ARTICLE else C.BY_LIST[kind]
    return {c.key for c in frame.cols if c.key and c.start == ""}


def _named(value: Any) -> set[str]:
    """The ids a referring value names: one id, a list of them, or lists by role."""
    if isinstance(value, str):
        return {value} if value else set()
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    if isinstance(value, dict):
        return set().union(*(_named(v) for v in value.values())) if value else set()
    return set()


def _refs(kind: str) -> list[C.Col]:
    return [c for c in C.BY_LIST[kind].yaml_cols if c.refers]


def _references(keep: dict[str, Any], doc: dict[str, Any]) -> dict[str, set[str]]:
    """Ids of the entities that the kept facts name, and those these entities name in
    turn (a minister brings the state, a relay the source it relays), by the contract's
    `refers`."""
    used: dict[str, set[str]] = {k: set() for k in ENTITY_KINDS}
    for kind in FACT_KINDS:
        for f in keep.get(kind) or []:
            for c in _refs(kind):
                if c.refers in used:
                    used[c.refers] |= _named(f.get(c.key))
    index = {k: {f.get("id"): f for f in doc.get(k) or []} for k in ENTITY_KINDS}
    frontier = {k: used[k] | {f.get("id") for f in keep.get(k) or []} for k in ENTITY_KINDS}
    for k in ENTITY_KINDS:
        used[k] |= frontier[k]
    while any(frontier.values()):
        found: dict[str, set[str]] = {k: set() for k in ENTITY_KINDS}
        for kind, ids in frontier.items():
            for i in ids:
                f = index[kind].get(i)
                for c in _refs(kind) if f else ():
                    if c.refers in used:
                        found[c.refers] |= _named(f.get(c.key)) - used[c.refers]
        for k in ENTITY_KINDS:
            used[k] |= found[k]
        frontier = found
    return used


def rename(doc: dict[str, Any], kind: str, old: str, new: str) -> int:
    """Rename every reference to `kind` item `old` (the contract's `refers`); returns how
    many values changed."""
    def swap(value: Any) -> Any:
        if value == old:
            return new
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    targets = {kind, "facts"} if kind in FACT_KINDS else {kind}
    changed = 0
    places = [(C.BY_LIST[k], f) for k in KINDS for f in doc.get(k) or []]
    article = doc.get(ARTICLE) or {}
    places += [(C.FRAMES["key_points"], p) for p in article.get("key_points") or []
               if isinstance(p, dict)]
    for frame, f in places:
        for c in frame.yaml_cols:
            if c.refers in targets and c.key in f:
                value = swap(f[c.key])
                if value != f[c.key]:
                    f[c.key] = value
                    changed += 1
    return changed


def normalise(value: Any) -> Any:
    """YAML values → JSON values (dates as ISO text), so the state saves as JSON."""
    import datetime as dt

    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
