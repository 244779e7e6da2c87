"""The review state: the draft's facts, each analyst decision, the cursor and the undo stack.

`Review` is plain data (JSON in, JSON out) so that it autosaves and resumes as is. Every
change goes through `Review.apply`, which records an undo step first.

A fact's `review` key says where it stands: `pending` (a machine suggestion not yet
looked at), `accepted` or `rejected`. A fact without the key is the analyst's own
(accepted). What gets saved is `Review.facts()`: accepted facts, plus the pending
sources, actors and issues that an accepted fact refers to, without the review keys.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from briefing.text import split_sentences
from briefing.workbench.offsets import evidence_item, snap, span_of

# The lists of a facts.yaml, in the documented order.
KINDS = ("sources", "actors", "events", "statements", "issues", "positions")
SINGULAR = {"sources": "source", "actors": "actor", "events": "event",
            "statements": "statement", "issues": "issue", "positions": "position"}
# Lists whose items are facts with evidence; the others are entities that facts refer to.
FACT_KINDS = ("events", "statements", "positions")
ENTITY_KINDS = ("sources", "actors", "issues")
STATUSES = ("pending", "accepted", "rejected")
TODO = "TODO"
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
        return f"{SINGULAR[self.kind]}:{self.fact.get('id', '')}"

    @property
    def status(self) -> str:
        status = self.fact.get("review", "accepted")
        return status if status in STATUSES else "pending"


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

    # -- reading ----------------------------------------------------------------------

    def items(self) -> list[Item]:
        """Every fact in text order (first evidence offset; entities by first mention)."""
        if self._items is None:
            found: list[Item] = []
            for kind in KINDS:
                for i, fact in enumerate(self.doc.get(kind) or []):
                    spans = self._spans(kind, fact)
                    anchor = min((s for s, _ in spans), default=len(self.text) + 1)
                    found.append(Item(kind, i, fact, anchor, spans))
            order = {k: n for n, k in enumerate(KINDS)}
            found.sort(key=lambda it: (it.anchor, order[it.kind], it.index))
            self._items = found
        return self._items

    def _spans(self, kind: str, fact: dict[str, Any]) -> list[tuple[int, int]]:
        spans = [s for s in (span_of(self.text, e) for e in fact.get("evidence") or []) if s]
        if not spans and kind == "actors":
            name = fact.get("name")
            if isinstance(name, str) and name and name != TODO:
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
            out[item.status] += 1
        return out

    def facts(self) -> dict[str, Any]:
        """What Save writes: the article, accepted facts, and the entities they use."""
        keep = {kind: [f for f in self.doc.get(kind) or []
                       if f.get("review", "accepted") == "accepted"] for kind in KINDS}
        used = _references(keep, self.doc.get("actors") or [])
        for kind in ENTITY_KINDS:
            keep[kind] = [f for f in self.doc.get(kind) or []
                          if f.get("review", "accepted") == "accepted"
                          or (f.get("review") == "pending" and f.get("id") in used[kind])]
        out: dict[str, Any] = {"article": copy.deepcopy(self.doc.get("article") or {})}
        for kind in KINDS:
            out[kind] = [{k: copy.deepcopy(v) for k, v in f.items()
                          if k not in ("review", "reason")} for f in keep[kind]]
        return out

    def coverage(self) -> dict[str, Any]:
        """Which sentences the saved facts cite (a sentence is cited when a quote overlaps it)."""
        saved = self.facts()
        spans = sorted(s for kind in FACT_KINDS for f in saved[kind]
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
                   "add": self._add}.get(action)
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
        return next((n for n in order if items[n].status == "pending"),
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
        status = "accepted" if action == "accept" else "rejected"
        item.fact["review"] = status
        label = describe(item)
        self._items = None
        self.cursor = self._next_pending(self.find(item.sid))
        return f"{status}: {label}"

    def _edit(self, action: str, sid: str | None = None,
              fields: dict[str, Any] | None = None) -> str:
        item = self._target(sid)
        if not isinstance(fields, dict):
            raise ReviewError("edit needs fields")
        new_id = fields.get("id", item.fact.get("id"))
        if new_id != item.fact.get("id") and new_id in self._ids():
            raise ReviewError(f"id {new_id!r} is already used by another fact")
        for key, value in fields.items():
            if key in ("review", "reason"):
                continue
            if value is None or value == "" and key not in ("outlet", "plover_mode"):
                item.fact.pop(key, None)
            else:
                item.fact[key] = normalise(value)
        # Editing a suggestion is the analyst's decision: it is accepted as edited.
        if "review" in item.fact:
            item.fact["review"] = "accepted"
        self._items = None
        self.cursor = self.find(f"{SINGULAR[item.kind]}:{item.fact.get('id', '')}")
        return f"edited: {describe(self.items()[self.cursor])}"

    def _add(self, action: str, kind: str = "events", start: int = 0, end: int = 0) -> str:
        if kind not in KINDS:
            raise ReviewError(f"cannot add a {kind!r}")
        span = snap(self.text, start, end)
        if span is None:
            raise ReviewError("select some words of the text first")
        s, e = span
        quote = self.text[s:e]
        fact = new_fact(kind, quote, evidence_item(self.text, s, e), self._ids())
        self.doc.setdefault(kind, []).append(fact)
        self._items = None
        self.cursor = self.find(f"{SINGULAR[kind]}:{fact['id']}")
        return f"added {SINGULAR[kind]} {fact['id']} at {s}–{e}: “{_short(quote)}”"

    def _undo(self) -> str:
        if not self.undo:
            return "nothing to undo"
        step = self.undo.pop()
        doc = step["doc"]
        self.doc = json.loads(doc) if isinstance(doc, str) else doc
        self.cursor = step["cursor"]
        self._items = None
        return f"undone: {step.get('action', 'change')}"

    def _ids(self) -> set[str]:
        return {f.get("id") for kind in KINDS for f in self.doc.get(kind) or []}


def new_fact(kind: str, quote: str, evidence: Any, taken: set[str]) -> dict[str, Any]:
    """A fact made by the analyst from selected words; fields to fill say TODO."""
    prefix = {"events": "ev-", "statements": "st-", "positions": "pos-"}.get(kind, "")
    base = slugify(quote, prefix=prefix, limit=32)
    fact_id, n = base, 2
    while fact_id in taken:
        fact_id, n = f"{base}-{n}", n + 1
    if kind == "actors":
        return {"id": fact_id, "name": quote, "kind": TODO, "country": ""}
    if kind == "sources":
        return {"id": fact_id, "name": quote, "kind": TODO, "reliability": TODO,
                "evidence": [evidence]}
    if kind == "issues":
        return {"id": fact_id, "label": quote, "scale_0": TODO, "scale_100": TODO}
    if kind == "events":
        return {"id": fact_id, "date_basis": "article", "plover_type": TODO,
                "plover_mode": "", "cameo_code": TODO, "status": "occurred",
                "source": TODO, "credibility": TODO, "summary": quote,
                "participants": {"actor": [TODO]}, "evidence": [evidence]}
    if kind == "statements":
        return {"id": fact_id, "speaker": TODO, "source": TODO, "attribution": TODO,
                "quote_type": "direct", "text": quote, "evidence": [evidence]}
    return {"id": fact_id, "actor": TODO, "issue": TODO, "position": TODO, "salience": TODO,
            "confidence": TODO, "rationale": "", "evidence": [evidence]}


def describe(item: Item) -> str:
    """A one-line label for a fact: its id and what it says."""
    f = item.fact
    words = (f.get("summary") or f.get("text") or f.get("name") or f.get("label")
             or f.get("rationale") or "")
    return f"{f.get('id', '?')} — {_short(str(words), 70)}" if words else str(f.get("id", "?"))


def _references(doc: dict[str, Any], all_actors: list[dict[str, Any]]
                ) -> dict[str, set[str]]:
    """Ids of sources, actors and issues that the facts in `doc` refer to."""
    used: dict[str, set[str]] = {k: set() for k in ENTITY_KINDS}
    for f in doc.get("events") or []:
        used["sources"].add(f.get("source"))
        for ids in (f.get("participants") or {}).values():
            used["actors"].update(ids if isinstance(ids, list) else [ids])
    for f in doc.get("statements") or []:
        used["sources"].add(f.get("source"))
        used["actors"].add(f.get("speaker"))
    for f in doc.get("positions") or []:
        used["actors"].add(f.get("actor"))
        used["issues"].add(f.get("issue"))
    # An actor's parent comes along with it (a minister brings the state), for the actors
    # the facts use and for those the analyst accepted on their own.
    actors = {a.get("id"): a for a in all_actors}
    used["actors"] |= {a.get("id") for a in doc.get("actors") or []}
    frontier = set(used["actors"])
    while frontier:
        parents = {actors[a].get("parent") for a in frontier if a in actors} - used["actors"]
        used["actors"] |= parents
        frontier = parents
    return used


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
