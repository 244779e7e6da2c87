"""Saving into an analyst's existing facts.yaml with the smallest change.

The analyst's file carries more than its values: comments with their reasoning about
dates and sources, a key order, quoting, flow lists, line breaks in long lists. So a save
does not re-dump the document; it edits it:

1. The file is read with ruamel.yaml's round-trip loader (comments, order and quoting
   kept on the nodes), and the reviewed facts are merged into those nodes: a value that
   did not change keeps its node untouched; a new key goes where the contract's key order
   puts it; items of a list are matched by id.
2. ruamel's own output still differs from a hand-written file here and there (it has one
   indentation for the whole file, it joins a flow list broken over lines), so its output
   is not written either: the lines it changes between the unedited and the edited
   document are patched into the original text, each at its place.

A save without edits therefore leaves the file byte for byte as it was, and editing one
field changes only that field's lines.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing import contract as C
from briefing.workbench.document import ARTICLE, KINDS
from briefing.workbench.review import normalise

# The indentation styles a facts file is written in (mapping, sequence, dash offset): the
# one that reproduces the file best is used for the lines a save changes.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4))
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DATES = {c.key for f in C.FRAMES.values() for c in f.cols if c.dtype == "date" and c.key}
# Keys holding codes that YAML would read as numbers ("042"): always quoted.
_QUOTED = {"cameo_code"}


def _yaml(style: tuple[int, int, int]) -> YAML:
    y = YAML()  # round trip
    # Read as the loader reads (PyYAML, YAML 1.1): `042` is 34, `yes` is true. A value is
    # rewritten only when it differs as the loader sees it.
    y.version = (1, 1)
    y.preserve_quotes = True
    y.width = 4096  # never fold a line the analyst did not fold
    y.indent(mapping=style[0], sequence=style[1], offset=style[2])
    return y


def _dump(y: YAML, doc: Any) -> str:
    out = io.StringIO()
    y.dump(doc, out)
    text = out.getvalue()
    # The version directive ruamel writes first is not the analyst's: never patched in.
    if text.startswith("%YAML"):
        text = text.split("\n---\n", 1)[1]
    return text


def _order(key: str | None) -> tuple[str, ...]:
    """The documented key order of the mapping found under `key`."""
    if key == ARTICLE:
        return C.FRAMES["articles"].key_order
    if key in C.BY_LIST:
        return C.BY_LIST[key].key_order
    if key == "key_points":
        return C.FRAMES["key_points"].key_order
    if key == "participants":
        return C.ROLES
    if key == "evidence":
        return ("quote", "occurrence")
    return ()


def yaml_value(key: str | None, value: Any) -> Any:
    """A reviewed (JSON) value as the YAML node the loader expects under `key`."""
    if isinstance(value, dict):
        m = CommentedMap()
        order = _order(key)
        for k in sorted(value, key=lambda k: order.index(k) if k in order else len(order)):
            m[k] = yaml_value(k, value[k])
        return m
    if isinstance(value, list):
        # An item of a list is a mapping of that list's own kind.
        seq = CommentedSeq(yaml_value(key, v) if isinstance(v, dict) else yaml_value(None, v)
                           for v in value)
        if value and key != "evidence" and not any(isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()  # ids and names on one line: `actor: [a, b]`
        return seq
    if isinstance(value, str) and key in _QUOTED:
        return DoubleQuotedScalarString(value)
    if isinstance(value, str) and key in _DATES:
        if _DAY.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass  # left as text; validation names the field
        if _YEAR.match(value):
            return int(value)
        return DoubleQuotedScalarString(value)
    return value


def _insert_at(node: CommentedMap, key: str, order: tuple[str, ...]) -> int:
    """Where a new key goes: after the last present key that comes before it."""
    if key not in order:
        return len(node)
    before = set(order[:order.index(key)])
    pos = 0
    for n, k in enumerate(node):
        if k in before:
            pos = n + 1
    return pos


def _merge_map(node: CommentedMap, new: dict[str, Any], key: str | None) -> None:
    order = _order(key)
    for k in [k for k in node if k not in new]:
        del node[k]
    for k, value in new.items():
        if k in node:
            if normalise(node[k]) != value:
                node[k] = _merge(k, node[k], value)
        else:
            node.insert(_insert_at(node, k, order), k,
                        yaml_value(k, value))


def _merge(key: str | None, old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new, key)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_seq(old, new, key)
        return old
    return yaml_value(key, new)


def _has_ids(items: list[Any]) -> bool:
    return all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in items)


def _merge_seq(old: CommentedSeq, new: list[Any], key: str | None) -> None:
    """Items with ids are matched by id (an item renamed in place keeps its comments);
    other lists element by element. Edits in place keep the list's flow or block style."""
    item_key = key if key in C.BY_LIST or key in ("key_points", "evidence") else None
    if new and old and _has_ids(new) and _has_ids(list(old)):
        new_ids = [x["id"] for x in new]
        old_ids = [x["id"] for x in old]
        gone = [i for i in old_ids if i not in new_ids]
        fresh = [i for i in new_ids if i not in old_ids]
        renamed = dict(zip(gone, fresh, strict=False))  # an id edited in place
        kept = {renamed.get(x["id"], x["id"]): x for x in old
                if x["id"] in new_ids or x["id"] in renamed}
        # Items keep their nodes (and comments); a removed item goes, a new one comes
        # at its place in the review's order.
        del old[:]
        for item in new:
            node = kept.get(item["id"])
            if node is None:
                old.append(yaml_value(item_key, item))
            else:
                if normalise(node) != item:
                    _merge_map(node, item, item_key)
                old.append(node)
        return
    for i, item in enumerate(new):
        if i < len(old):
            if normalise(old[i]) != item:
                old[i] = _merge(item_key, old[i], item)
        else:
            old.append(yaml_value(item_key, item))
    del old[len(new):]


def merge(original: str, facts: dict[str, Any]) -> str:
    """The text of `original` (a facts.yaml) with `facts` (the reviewed document) in it,
    changed only where the values changed."""
    # Read once (the slow part); the indentation only matters when writing.
    doc = _yaml(_STYLES[0]).load(original)
    if normalise(doc) == facts:
        return original  # nothing changed as the loader sees it
    best: tuple[int, YAML, str] | None = None
    for style in _STYLES:
        y = _yaml(style)
        before = _dump(y, doc)
        moved = _changed_lines(original, before)
        if best is None or moved < best[0]:
            best = (moved, y, before)
        if moved == 0:
            break
    assert best is not None
    _, y, before = best
    if not isinstance(doc, CommentedMap):
        raise ValueError("not a facts file (no mapping at the top)")
    for k in [k for k in doc if k not in facts]:
        del doc[k]
    top = (ARTICLE, *KINDS)
    for k, value in facts.items():
        if k in doc:
            if normalise(doc[k]) != value:
                doc[k] = _merge(k, doc[k], value)
        else:
            doc.insert(_insert_at(doc, k, top), k, yaml_value(k, value))
    after = _dump(y, doc)
    return patch(original, before, after)


def _changed_lines(a: str, b: str) -> int:
    sm = difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes()
               if tag != "equal")


def patch(original: str, before: str, after: str) -> str:
    """Apply the line changes from `before` to `after` onto `original`.

    `before` is `original` as ruamel writes it: equal to it line for line except where
    the two format differently. Each change lands on the original's lines; where it
    touches lines the two format differently, the whole differing stretch is replaced
    (so the result always parses as `after` does).
    """
    o = original.splitlines(keepends=True)
    b = before.splitlines(keepends=True)
    a = after.splitlines(keepends=True)
    if b == a:
        return original
    # Positions between lines of `before` that have a place in the original.
    place: dict[int, int] = {}
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(None, b, o, autojunk=False).get_opcodes():
        if tag == "equal":
            for p in range(i1, i2 + 1):
                place[p] = j1 + p - i1
    place.setdefault(0, 0)
    place.setdefault(len(b), len(o))
    regions: list[list[int]] = []  # [before start, before end, after start, after end]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, a, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        s, e = i1, i2
        while s not in place:
            s -= 1
        while e not in place:
            e += 1
        if regions and s <= regions[-1][1]:
            # Overlaps the previous stretch: one stretch, ending after this change.
            last = regions[-1]
            last[1] = max(last[1], e)
            last[3] = j2 + (last[1] - i2)
        else:
            regions.append([s, e, j1 - (i1 - s), j2 + (e - i2)])
    out: list[str] = []
    at = 0
    for s, e, js, je in regions:
        out += o[at:place[s]]
        out += a[js:je]
        at = place[e]
    out += o[at:]
    return "".join(out)
