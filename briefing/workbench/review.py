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
from briefing.workbench.document import (
    ARTICLE,
    ENTITY_KINDS,
    FACT_KINDS,
    KINDS,
    REVIEW_KEYS,
    SINGULAR,
    STATUSES,
    awaits_judgment,
    grade_col,
    grades,
    keeps_empty,
    new_fact,
    references,
    rename,
    singular,
)
from briefing.workbench.offsets import evidence_item, snap, span_of

UNDO_LIMIT = 200
# Undo steps kept in the autosave: enough to take back the last few keys after a restart,
# few enough that the file written on every key stays small.
UNDO_SAVED = 20


class ReviewError(ValueError):
    """An action that cannot be applied (unknown fact, bad field); the message says why."""


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
        used = references(keep, self.doc)
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
        keep_empty = keeps_empty(item.kind)
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
        col = grade_col(item.kind)
        if col is None:
            raise ReviewError(f"a {singular(item.kind)} has no grade to give")
        ranks = grades(col)
        if not 1 <= int(grade) <= len(ranks):
            raise ReviewError(f"{col.key} grades are 1–{len(ranks)}")
        item.fact[col.key] = ranks[int(grade) - 1]
        if "review" in item.fact:
            item.fact["review"] = C.ACCEPTED
        self._items = None
        at = self.find(item.sid)
        items = self.items()
        later = [n for n in [*range(at + 1, len(items)), *range(0, at)]
                 if awaits_judgment(items[n].kind, items[n].fact)]
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

    def adopt(self, state: dict[str, Any]) -> None:
        """Continue from another review's saved state (its facts, cursor and undo steps);
        one more undo step brings this review's facts back, so neither is lost."""
        if not isinstance(state.get("doc"), dict):
            raise ReviewError("the other review's state holds no facts")
        mine = {"doc": json.dumps(self.doc, ensure_ascii=False), "cursor": self.cursor,
                "action": "take their review"}
        theirs = [u for u in state.get("undo") or [] if isinstance(u, dict) and "doc" in u]
        self.doc = normalise(state["doc"])
        self.cursor = int(state.get("cursor") or 0)
        self.undo = [*theirs, mine][-UNDO_LIMIT:]
        self._items = None

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


def describe(item: Item) -> str:
    """A one-line label for a fact: its id and what it says."""
    f = item.fact
    label = C.FRAMES["articles"].label if item.kind == ARTICLE else C.BY_LIST[item.kind].label
    words = f.get(label) or ""
    return f"{f.get('id', '?')} — {_short(str(words), 70)}" if words else str(f.get("id", "?"))


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
