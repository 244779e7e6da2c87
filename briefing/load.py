"""Article folders → validated frames.

The work is split in two so that it can later be cached and run in parallel:

- `parse_article(folder)` is pure and picklable: it reads one folder and returns plain
  records (lists of dicts, one list per frame) and the problems found in it. Every
  field is checked here, while the YAML line is still at hand.
- `assemble(parses)` builds each frame once from all records, runs the checks that
  span articles (unique ids, references, codebooks) vectorised, and validates every
  frame against its pandera model (`schema.py`) as the contract check.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml

from briefing import valuesets as S
from briefing.codebooks import Codebooks, assets_dir, load_codebooks
from briefing.model import COLUMNS, FRAMES, Briefing, FactError, Problem
from briefing.text import locate, sentence_at, split_sentences

FACTS = "facts.yaml"
TEXT = "article.txt"
# Hand-written facts for one article are a few tens of KB (the first article's: 43 KB);
# a file over 1 MiB is a mistake or an attack, and is refused before a parser sees it.
# (1 MiB of the smallest YAML nodes, `[a,a,a,...]`, still parses in about a second.)
MAX_BYTES = 1024 * 1024
# A file under the size limit can still hold 40,000 broken facts; listing (and then
# cross-checking) every one of them would take minutes and help no one. Past this many
# problems the article's parse stops and its records are dropped.
MAX_PROBLEMS = 200

_ID = re.compile(S.ID_PATTERN)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")

Records = dict[str, list[dict[str, Any]]]
# Private columns carried through assembly to locate problems; dropped before return.
_HIDDEN = ("_article", "_file", "_line", "_keys")


# --------------------------------------------------------------------------- YAML


class _Map(dict):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _Seq(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Scalar tags a facts file may use; anything else (binary, sets, python objects) is refused.
_SCALAR_TAGS = frozenset("tag:yaml.org,2002:" + t
                         for t in ("str", "int", "float", "bool", "null", "timestamp"))
# The tag of a plain scalar depends on its text alone, and facts files repeat the same
# keys and values thousands of times; resolving each once saves most of the resolver.
_PLAIN_TAGS: dict[str, str] = {}


class _Loader(yaml.CSafeLoader):
    """libyaml parsing and composing; our own walk from nodes to values.

    libyaml composes an alias as a second reference to the same node, so meeting a node
    twice in the walk means an alias was used, and we stop there: an alias bomb never
    expands. Walking the nodes ourselves (rather than through PyYAML's constructor)
    keeps the line of every mapping, key and item, and is several times faster.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 100_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def document(self) -> Any:
        node = self.get_single_node()
        return None if node is None else self.value(node, set())

    def value(self, node: yaml.Node, seen: set[int]) -> Any:
        if id(node) in seen:
            raise _error("aliases are not allowed", node)
        seen.add(id(node))
        tag = node.tag
        if type(node) is yaml.ScalarNode:
            if tag == _STR_TAG:
                return node.value
            if tag not in _SCALAR_TAGS:
                raise _error(f"the tag {tag!r} is not allowed", node)
            try:
                return self.yaml_constructors[tag](self, node)
            except ValueError as e:
                if tag == _TIMESTAMP_TAG:
                    # 2025-02-30 looks like a date but is none: keep the text, so that
                    # the field's own check names the fact and the field.
                    return node.value
                raise _error(f"invalid value {_short(node.value)}: {e}", node) from None
        if tag not in (_SEQ_TAG, _MAP_TAG):
            # `!!python/object/apply:os.system [...]` is never constructed, but it is
            # not a plain list either: refuse it as plainly as a tagged scalar.
            raise _error(f"the tag {tag!r} is not allowed", node)
        if type(node) is yaml.SequenceNode:
            seq = _Seq(self.value(n, seen) for n in node.value)
            seq.line = node.start_mark.line + 1
            seq.item_lines = [n.start_mark.line + 1 for n in node.value]
            return seq
        if type(node) is yaml.MappingNode:
            return self.mapping(node, seen)
        raise _error(f"unexpected YAML node {tag!r}", node)

    def mapping(self, node: yaml.MappingNode, seen: set[int]) -> _Map:
        data = _Map()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        for key_node, value_node in node.value:
            # Plain string keys are nearly all keys: take them without a call.
            if key_node.tag == _STR_TAG and id(key_node) not in seen:
                seen.add(id(key_node))
                key = key_node.value
            elif key_node.tag == _MERGE_TAG:
                raise _error("merge keys (<<) are not allowed", key_node)
            else:
                key = self.value(key_node, seen)
            if isinstance(key, list | dict):
                raise _error("a mapping key must be a plain value", key_node)
            if key in data:
                # PyYAML would silently keep the last value; a repeated key is a typo.
                # Name the fact when its id came first, as it usually does.
                fact = data.get("id") if isinstance(data.get("id"), str) else ""
                raise _error(f"duplicate key {_short(key)}", key_node,
                             fact_id=fact, field=str(key))
            if value_node.tag == _STR_TAG and id(value_node) not in seen:
                seen.add(id(value_node))
                data[key] = value_node.value
            else:
                data[key] = self.value(value_node, seen)
            data.key_lines[key] = key_node.start_mark.line + 1
        return data


def _error(message: str, node: yaml.Node, *, fact_id: str = "", field: str = ""
           ) -> yaml.MarkedYAMLError:
    e = yaml.constructor.ConstructorError(None, None, message, node.start_mark)
    e.fact_id, e.field = fact_id, field  # type: ignore[attr-defined]
    return e


def _short(value: Any, limit: int = 80) -> str:
    """`repr` for a problem message, cut short: a hostile value may be megabytes long."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def _kind(value: Any) -> str:
    """The YAML word for a value's type (our line-keeping list and dict are internal)."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A file's text, or None with a problem (missing, too big, not UTF-8)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        problems.append(Problem(name, "", "", f"missing file {path.name}"))
        return None
    except OSError as e:
        problems.append(Problem(name, "", "", f"cannot read: {e.strerror or e}"))
        return None
    if not path.is_file():
        problems.append(Problem(name, "", "", "not a regular file"))
        return None
    if size > MAX_BYTES:
        problems.append(
            Problem(name, "", "", f"file is {size} bytes; the limit is {MAX_BYTES}")
        )
        return None
    try:
        raw = path.read_bytes()
    except OSError as e:
        problems.append(Problem(name, "", "", f"cannot read: {e.strerror or e}"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        problems.append(
            Problem(name, "", "", f"not UTF-8: invalid byte 0x{raw[e.start]:02x} "
                    f"at byte offset {e.start}", line)
        )
        return None


def read_yaml(path: Path, problems: list[Problem]) -> Any:
    """Parse a YAML file with line numbers; None with a problem when it cannot be."""
    text = read_text(path, problems)
    if text is None:
        return None
    loader = _Loader(text)
    try:
        return loader.document()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(x) for x in (e.context, e.problem) if x)
        problems.append(Problem(str(path), getattr(e, "fact_id", ""), getattr(e, "field", ""),
                                f"YAML: {what}", line))
    except yaml.reader.ReaderError as e:  # a control character such as NUL
        line = text.count("\n", 0, e.position) + 1
        problems.append(Problem(str(path), "", "", f"YAML: {e.reason}: character "
                                f"#x{e.character:04x} is not allowed in YAML", line))
    except yaml.YAMLError as e:
        problems.append(Problem(str(path), "", "", f"YAML: {e}"))
    except RecursionError:
        problems.append(Problem(str(path), "", "", "YAML nesting is too deep"))
    except Exception as e:  # noqa: BLE001 - bad input must never become a traceback
        problems.append(Problem(str(path), "", "", f"YAML: {type(e).__name__}: {e}"))
    finally:
        loader.dispose()
    return None


# --------------------------------------------------------------- one article


@dataclass
class ArticleParse:
    """What `parse_article` makes of one folder. Plain data, so it pickles."""

    folder: str
    article_id: str | None
    records: Records
    problems: list[Problem] = field(default_factory=list)


class _Fields:
    """Reads the fields of one YAML mapping, recording a problem for each bad one."""

    def __init__(self, p: _Parser, m: _Map, fact_id: str, allowed: Iterable[str]):
        self.p, self.m, self.fact_id = p, m, fact_id
        self.bad: set[str] = set()
        for key in m:
            if key not in allowed:
                self.problem(str(key), f"unknown key {key!r} (a typo?)")

    def line(self, key: str) -> int:
        return self.m.key_lines.get(key, self.m.line)

    def problem(self, key: str, message: str, line: int | None = None) -> None:
        self.bad.add(key)
        self.p.problem(self.fact_id, key, message, line or self.line(key))

    def str(self, key: str, *, required: bool = True, default: str = "",
            choices: tuple[str, ...] | None = None, pattern: re.Pattern | None = None,
            nonempty: bool = False) -> str | None:
        if key not in self.m or self.m[key] is None:
            if required:
                self.problem(key, "is required")
                return None
            return default
        v = self.m[key]
        if not isinstance(v, str):
            self.problem(key, f"must be a string, got {_kind(v)} {_short(v)}")
            return None
        if nonempty and not v.strip():
            self.problem(key, "must not be empty")
            return None
        if choices is not None and v not in choices:
            self.problem(key, f"{_short(v)} is not one of {', '.join(choices)}")
            return None
        if pattern is not None and v and not pattern.match(v):
            self.problem(key, f"{_short(v)} does not match {pattern.pattern}")
            return None
        return v

    def number(self, key: str, lo: float, hi: float, *, integer: bool = False
               ) -> float | int | None:
        v = self.m.get(key)
        if v is None:
            self.problem(key, "is required")
            return None
        ok = isinstance(v, int) if integer else isinstance(v, int | float)
        if not ok or isinstance(v, bool):
            kind = "an integer" if integer else "a number"
            self.problem(key, f"must be {kind} from {lo:g} to {hi:g}, got {_short(v)}")
            return None
        if not lo <= v <= hi:
            self.problem(key, f"{_short(v)} is outside {lo:g}–{hi:g}")
            return None
        return v


class _TooManyProblems(Exception):
    """Raised by `_Parser.problem` to stop a parse that has found `MAX_PROBLEMS`."""


class _Parser:
    """Turns one article's YAML into records. One instance per article."""

    def __init__(self, folder: Path, text: str, codebooks: Codebooks):
        self.folder = folder
        self.file = str(folder / FACTS)
        self.text = text
        self.cb = codebooks
        self.problems: list[Problem] = []
        self.records: Records = {name: [] for name in FRAMES}
        self.article_id = ""
        self.sentence_starts: list[int] = []

    def problem(self, fact_id: str, key: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(self.file, fact_id, key, message, line))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooManyProblems

    def row(self, frame: str, f: _Fields | None, line: int, **values: Any) -> None:
        values.update(_article=str(self.folder), _file=self.file, _line=line,
                      _keys=f.m.key_lines if f else {})
        self.records[frame].append(values)

    # -- structure

    def items(self, doc: _Map, key: str, *, required: bool) -> list[_Map]:
        """The mappings of a top-level list; problems for anything else."""
        v = doc.get(key)
        line = doc.key_lines.get(key, 1)
        if v is None:
            if required:
                self.problem("", key, f"`{key}` needs at least one item", line)
            return []
        if not isinstance(v, list):
            self.problem("", key, "must be a list of mappings", line)
            return []
        if required and not v:
            self.problem("", key, f"`{key}` needs at least one item", line)
        out = []
        for i, item in enumerate(v):
            if isinstance(item, _Map):
                out.append(item)
            else:
                self.problem("", key, f"item {i + 1} must be a mapping with an `id`",
                             v.item_lines[i])
        return out

    def fact(self, m: _Map, allowed: Iterable[str], kind: str) -> _Fields | None:
        """Fields of one item, or None when it has no usable id (nothing can cite it)."""
        raw = m.get("id")
        if isinstance(raw, str) and _ID.match(raw):
            return _Fields(self, m, raw, allowed)
        # Name the fact by what was written, so the message can be found in the file.
        f = _Fields(self, m, "" if raw is None else str(raw)[:80], allowed)
        why = "is required" if raw is None else f"{_short(raw)} does not match {S.ID_PATTERN}"
        f.problem("id", f"{kind} id {why}")
        return None

    def parse(self, doc: Any) -> None:
        if doc is None:
            self.problem("", "", "the file is empty", None)
            return
        if not isinstance(doc, _Map):
            self.problem("", "", "the top level must be a mapping", 1)
            return
        allowed = ("article", "sources", "actors", "events", "statements", "issues",
                   "positions")
        for key in doc:
            if key not in allowed:
                self.problem("", str(key), f"unknown top-level key {key!r}",
                             doc.key_lines.get(key))
        if not self.parse_article(doc):
            return
        for m in self.items(doc, "sources", required=True):
            self.parse_source(m)
        for m in self.items(doc, "actors", required=True):
            self.parse_actor(m)
        for m in self.items(doc, "events", required=True):
            self.parse_event(m)
        for m in self.items(doc, "statements", required=False):
            self.parse_statement(m)
        for m in self.items(doc, "issues", required=False):
            self.parse_issue(m)
        for m in self.items(doc, "positions", required=False):
            self.parse_position(m)

    # -- frames

    def parse_article(self, doc: _Map) -> bool:
        m = doc.get("article")
        if not isinstance(m, _Map):
            self.problem("", "article", "`article` must be a mapping",
                         doc.key_lines.get("article", 1))
            return False
        f = self.fact(m, ("id", "title", "outlet", "published", "published_basis",
                          "language", "key_points"), "article")
        if f is None:
            return False
        self.article_id = f.fact_id
        published = m.get("published")
        if isinstance(published, dt.datetime) or not isinstance(published, dt.date):
            f.problem("published", f"must be a date YYYY-MM-DD, got {_short(published)}")
            published = None
        self.row("articles", f, m.line,
                 article_id=f.fact_id,
                 title=f.str("title", nonempty=True),
                 outlet=f.str("outlet", required=False),
                 published=published.isoformat() if published else None,
                 language=f.str("language", required=False, default="en"),
                 text=self.text,
                 published_basis=f.str("published_basis", choices=S.DATE_BASES),
                 folder=str(self.folder))
        self.parse_key_points(f)
        sentences = split_sentences(f.fact_id, self.text)
        self.sentence_starts = [s["start"] for s in sentences]
        self._sentence_ids = [s["sentence_id"] for s in sentences]
        for s in sentences:
            self.records["sentences"].append(
                {**s, "_article": str(self.folder), "_file": str(self.folder / TEXT),
                 "_line": None, "_keys": {}})
        return True

    def parse_key_points(self, f: _Fields) -> None:
        # Headline points for the page header; each must rest on facts of this base.
        points = f.m.get("key_points")
        if points is None:
            return
        if not isinstance(points, list):
            f.problem("key_points", "must be a list of mappings with `text` and `facts`")
            return
        for i, item in enumerate(points, start=1):
            line = points.item_lines[i - 1]
            if not isinstance(item, _Map):
                f.problem("key_points", f"point {i} must be a mapping with `text` and "
                          "`facts`", line)
                continue
            kp = _Fields(self, item, f.fact_id, ("text", "facts"))
            text = kp.str("text", nonempty=True)
            facts = item.get("facts")
            if isinstance(facts, str):
                facts = [facts]
            if not (isinstance(facts, list) and facts
                    and all(isinstance(x, str) and _ID.match(x) for x in facts)):
                kp.problem("facts", f"point {i}: `facts` must be a non-empty list of ids")
                continue
            self.row("key_points", kp, line, article_id=f.fact_id, point=i, text=text,
                     fact_ids=" ".join(facts))

    def parse_source(self, m: _Map) -> None:
        f = self.fact(m, ("id", "name", "kind", "reliability", "note", "evidence"),
                      "source")
        if f is None:
            return
        self.row("sources", f, m.line,
                 source_id=f.fact_id,
                 name=f.str("name", nonempty=True),
                 kind=f.str("kind", choices=S.SOURCE_KINDS),
                 reliability=f.str("reliability", choices=S.RELIABILITY),
                 note=f.str("note", required=False))
        if "evidence" in m:
            self.evidence(f, "source")

    def parse_actor(self, m: _Map) -> None:
        f = self.fact(m, ("id", "name", "kind", "country", "parent", "role", "bloc"),
                      "actor")
        if f is None:
            return
        self.row("actors", f, m.line,
                 actor_id=f.fact_id,
                 name=f.str("name", nonempty=True),
                 kind=f.str("kind", choices=S.ACTOR_KINDS),
                 country=f.str("country", required=False, pattern=_COUNTRY),
                 parent_id=f.str("parent", required=False, pattern=_ID),
                 role=f.str("role", required=False),
                 bloc=f.str("bloc", required=False, pattern=_ID))

    def parse_event(self, m: _Map) -> None:
        f = self.fact(m, ("id", "date", "date_basis", "date_note", "plover_type",
                          "plover_mode", "cameo_code", "status", "source", "credibility",
                          "summary", "participants", "evidence"), "event")
        if f is None:
            return
        date, precision = self.date(f)
        basis = f.str("date_basis", required=date is not None, default=None,
                      choices=S.DATE_BASES)
        ptype = f.str("plover_type", choices=self.cb.plover_types)
        mode = f.str("plover_mode", required=False)
        if ptype and mode is not None and mode not in self.cb.plover_modes[ptype]:
            modes = sorted(x for x in self.cb.plover_modes[ptype] if x)
            f.problem("plover_mode", f"{mode!r} is not a mode of {ptype} "
                      f"({', '.join(modes) or 'it has none'}, or empty)")
            mode = None
        code = m.get("cameo_code")
        if isinstance(code, int) and not isinstance(code, bool):
            f.problem("cameo_code", "must be a quoted string such as \"042\" (unquoted, "
                      f"YAML reads it as the number {code})")
            code = None
        else:
            code = f.str("cameo_code")
            if code is not None and code not in self.cb.cameo_codes:
                f.problem("cameo_code", f"{code!r} is not a CAMEO code in the codebook")
                code = None
        credibility = f.number("credibility", 1, 6, integer=True)
        self.row("events", f, m.line,
                 event_id=f.fact_id,
                 article_id=self.article_id,
                 date=date,
                 date_precision=precision,
                 date_basis=basis,
                 plover_type=ptype,
                 plover_mode=mode,
                 cameo_code=code,
                 status=f.str("status", choices=S.STATUSES),
                 source_id=f.str("source", pattern=_ID),
                 credibility=credibility,
                 summary=f.str("summary", nonempty=True),
                 date_note=f.str("date_note", required=False))
        self.participants(f)
        self.evidence(f, "event")

    def date(self, f: _Fields) -> tuple[str | None, str | None]:
        """An ISO day string and its precision; a missing date is allowed."""
        v = f.m.get("date")
        if v is None:
            return None, None
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return v.isoformat(), "day"
        if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 9999:
            return f"{v:04d}-01-01", "year"
        if isinstance(v, str):
            for pattern, precision in ((_MONTH, "month"), (_DAY, "day")):
                if mm := pattern.match(v):
                    parts = [int(x) for x in mm.groups()] + [1]
                    try:
                        return dt.date(*parts[:3]).isoformat(), precision
                    except ValueError:
                        break
        f.problem("date", f"{_short(v)} is not a date: use YYYY-MM-DD, \"YYYY-MM\" or YYYY")
        return None, None

    def participants(self, f: _Fields) -> None:
        v = f.m.get("participants")
        if not isinstance(v, _Map):
            f.problem("participants", "must be a mapping of role → list of actor ids"
                      if v is not None else "is required (at least one `actor`)")
            return
        seen: set[tuple[str, str]] = set()
        for role, ids in v.items():
            line = v.key_lines.get(role, v.line)
            if role not in S.ROLES:
                f.problem("participants", f"unknown role {role!r} "
                          f"(one of {', '.join(S.ROLES)})", line)
                continue
            if isinstance(ids, str):
                ids = [ids]  # `actor: iran` reads naturally; accept it
            if not isinstance(ids, list):
                f.problem("participants", f"`{role}` must be a list of actor ids", line)
                continue
            for actor in ids:
                if not isinstance(actor, str) or not _ID.match(actor):
                    f.problem("participants", f"{role}: {_short(actor)} is not an actor id", line)
                elif (actor, role) in seen:
                    f.problem("participants", f"{role}: {actor!r} is listed twice", line)
                else:
                    seen.add((actor, role))
                    self.row("participants", None, line, event_id=f.fact_id,
                             actor_id=actor, role=role)
        if not any(role == "actor" for _, role in seen) and "participants" not in f.bad:
            f.problem("participants", "needs at least one `actor`")

    def parse_statement(self, m: _Map) -> None:
        f = self.fact(m, ("id", "speaker", "event", "source", "attribution", "quote_type",
                          "text", "evidence"), "statement")
        if f is None:
            return
        self.row("statements", f, m.line,
                 statement_id=f.fact_id,
                 article_id=self.article_id,
                 speaker_id=f.str("speaker", pattern=_ID),
                 event_id=f.str("event", required=False, pattern=_ID),
                 source_id=f.str("source", pattern=_ID),
                 attribution=f.str("attribution", choices=S.ATTRIBUTIONS),
                 quote_type=f.str("quote_type", choices=S.QUOTE_TYPES),
                 text=f.str("text", nonempty=True))
        self.evidence(f, "statement")

    def parse_issue(self, m: _Map) -> None:
        f = self.fact(m, ("id", "label", "scale_0", "scale_100"), "issue")
        if f is None:
            return
        self.row("issues", f, m.line,
                 issue_id=f.fact_id,
                 label=f.str("label", nonempty=True),
                 scale_0=f.str("scale_0", nonempty=True),
                 scale_100=f.str("scale_100", nonempty=True))

    def parse_position(self, m: _Map) -> None:
        f = self.fact(m, ("id", "actor", "issue", "position", "salience", "confidence",
                          "rationale", "evidence"), "position")
        if f is None:
            return
        position = f.number("position", 0, 100)
        salience = f.number("salience", 0, 100)
        self.row("positions", f, m.line,
                 position_id=f.fact_id,
                 article_id=self.article_id,
                 actor_id=f.str("actor", pattern=_ID),
                 issue_id=f.str("issue", pattern=_ID),
                 position=position,
                 salience=salience,
                 confidence=f.str("confidence", choices=S.CONFIDENCE),
                 rationale=f.str("rationale", required=False),
                 basis=S.BASIS)
        self.evidence(f, "position")

    def evidence(self, f: _Fields, kind: str) -> None:
        items = f.m.get("evidence")
        line = f.line("evidence")
        if not isinstance(items, list) or not items:
            f.problem("evidence", "needs at least one quote from the article"
                      if items is None or items == [] else "must be a list of quotes")
            return
        lines = getattr(items, "item_lines", [line] * len(items))
        for item, item_line in zip(items, lines, strict=True):
            occurrence = None
            if isinstance(item, _Map):
                for key in item:
                    if key not in ("quote", "occurrence"):
                        f.problem("evidence", f"unknown key {key!r} in an evidence item",
                                  item_line)
                quote, occurrence = item.get("quote"), item.get("occurrence")
                if occurrence is not None and (
                        not isinstance(occurrence, int) or isinstance(occurrence, bool)
                        or occurrence < 1):
                    f.problem("evidence", f"occurrence must be a whole number ≥ 1, "
                              f"got {occurrence!r}", item_line)
                    continue
            else:
                quote = item
            if not isinstance(quote, str):
                f.problem("evidence", f"a quote must be a string, got {quote!r}", item_line)
                continue
            where = locate(self.text, quote, occurrence)
            if isinstance(where, str):
                f.problem("evidence", where, item_line)
                continue
            start, end = where
            self.row("evidence", None, item_line,
                     evidence_id=None,  # numbered across the fact base in `assemble`
                     fact_id=f.fact_id,
                     fact_kind=kind,
                     article_id=self.article_id,
                     start=start,
                     end=end,
                     quote=self.text[start:end],
                     sentence_id=self._sentence_ids[sentence_at(self.sentence_starts,
                                                                start)])


def parse_article(folder: Path | str, codebooks: Codebooks | None = None) -> ArticleParse:
    """Read one article folder into records and problems. Never raises for bad input."""
    folder = Path(folder)
    problems: list[Problem] = []
    text = read_text(folder / TEXT, problems)
    if text is not None and not text.strip():
        problems.append(Problem(str(folder / TEXT), "", "", "the article text is empty"))
        text = None
    doc = read_yaml(folder / FACTS, problems)
    if text is None or doc is None:
        if doc is None and not any(p.file == str(folder / FACTS) for p in problems):
            problems.append(Problem(str(folder / FACTS), "", "", "the file is empty"))
        return ArticleParse(str(folder), None, {name: [] for name in FRAMES}, problems)
    parser = _Parser(folder, text, codebooks or load_codebooks())
    try:
        parser.parse(doc)
    except RecursionError:
        parser.problems.append(Problem(parser.file, "", "", "the YAML is nested too deeply"))
    except _TooManyProblems:
        parser.problems.append(Problem(parser.file, "", "", f"stopped after {MAX_PROBLEMS} "
                                       "problems; fix these and validate again"))
        parser.records = {name: [] for name in FRAMES}
    return ArticleParse(str(folder), parser.article_id or None, parser.records,
                        problems + parser.problems)


# ------------------------------------------------------------------- discovery


def discover(path: Path | str | None = None) -> list[Path]:
    """Article folders under `path` (default: `$BRIEFING_FACTS`, else `<assets>/articles`),
    in name order."""
    if path is None:
        path = os.environ.get("BRIEFING_FACTS") or assets_dir() / "articles"
    root = Path(path)
    if not root.exists():
        raise FactError([Problem(str(root), "", "", "no such file or folder")])
    if not root.is_dir():
        raise FactError([Problem(str(root), "", "", "not a folder (give an article "
                                 "folder or a folder of article folders)")])
    if _is_article(root):
        return [root]
    # A subfolder with only one of the two files is a half-made article: keep it, so
    # that the missing file is reported rather than the article silently ignored.
    folders = sorted(p for p in root.iterdir() if p.is_dir() and _is_article(p))
    if not folders:
        raise FactError([Problem(str(root), "", "", f"no articles here: no {FACTS} or "
                                 f"{TEXT} in it or in its subfolders")])
    return folders


def _is_article(folder: Path) -> bool:
    return (folder / FACTS).exists() or (folder / TEXT).exists()


# -------------------------------------------------------------------- assembly

_STR, _INT, _FLOAT, _BOOL, _DATE = "str", "int64", "float64", "bool", "datetime64[ns]"
# Dtype of every non-categorical column; categoricals come from schema.CATEGORIES.
_DTYPES: dict[str, dict[str, str]] = {
    "articles": {"published": _DATE},
    "events": {"date": _DATE, "goldstein": _FLOAT, "credibility": _INT,
               "plover_score": _FLOAT},
    "positions": {"position": _FLOAT, "salience": _FLOAT},
    "evidence": {"start": _INT, "end": _INT},
    "sentences": {"index": _INT, "start": _INT, "end": _INT, "is_heading": _BOOL},
    "key_points": {"point": _INT},
}
# Columns that the loader fills in itself after the records are read.
_DERIVED = {"events": ("goldstein", "cameo_name", "plover_score", "quad_class")}


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One frame from all articles' records, with the contract's dtypes."""
    cols = [c for c in COLUMNS[name] if c not in _DERIVED.get(name, ())]
    df = pd.DataFrame.from_records(rows, columns=[*cols, *_HIDDEN]) if rows else \
        pd.DataFrame({c: [] for c in (*cols, *_HIDDEN)})
    return _typed(name, df)


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    cats = S.CATEGORIES.get(name, {})
    types = _DTYPES.get(name, {})
    for col in df.columns:
        if col in _HIDDEN:
            continue
        if col in cats:
            df[col] = pd.Categorical(df[col], categories=list(cats[col]),
                                     ordered=(name, col) in S.ORDERED)
        elif types.get(col) == _DATE:
            df[col] = pd.to_datetime(df[col], format="%Y-%m-%d").astype(_DATE)
        elif types.get(col) == _INT and not df[col].isna().any():
            df[col] = df[col].astype(_INT)
        elif col in types:
            # A missing number (already reported) stays NaN rather than failing here.
            df[col] = df[col].astype(_FLOAT if types[col] == _INT else types[col])
        else:
            df[col] = df[col].astype(_STR)
    return df


class _Assembly:
    """Builds the frames from all records and collects cross-article problems."""

    def __init__(self, parses: list[ArticleParse], codebooks: Codebooks):
        self.cb = codebooks
        self.problems: list[Problem] = []
        self.f = {name: _frame(name, [r for p in parses for r in p.records[name]])
                  for name in FRAMES}

    def report(self, df: pd.DataFrame, mask: pd.Series, id_col: str, fld: str,
               message: Callable[[pd.Series], str]) -> None:
        """A problem for each row where `mask` holds, at the line of `fld` if known."""
        for _, row in df[mask].iterrows():
            line = row["_keys"].get(fld, row["_line"]) if row["_keys"] else row["_line"]
            self.problems.append(Problem(row["_file"], row[id_col], fld, message(row),
                                         None if pd.isna(line) else int(line)))

    def run(self) -> dict[str, pd.DataFrame]:
        self.unique_ids()
        self.shared_declarations()
        self.fact_ids_across_kinds()
        self.references()
        self.codebook_columns()
        self.actor_blocs()
        self.evidence_ids()
        return self.f

    def unique_ids(self) -> None:
        for name, col in (("articles", "article_id"), ("events", "event_id"),
                          ("statements", "statement_id"), ("positions", "position_id")):
            df = self.f[name]
            dup = df[col].duplicated()
            if dup.any():
                first = df[~dup].set_index(col)
                self.report(df, dup, col, "id", lambda r, c=col, fi=first:
                            f"id {r[c]!r} is already used at {fi.loc[r[c], '_file']}:"
                            f"{fi.loc[r[c], '_line']}")
                self.f[name] = df[~dup]
                # Within one article the copies' participants and quotes cannot be told
                # apart, so only another article's copy takes its rows with it.
                gone = df.loc[dup, ["_article", col]]
                gone = gone[gone["_article"].to_numpy()
                            != first.loc[gone[col], "_article"].to_numpy()]
                self.drop_dependents(name, gone)

    def drop_dependents(self, name: str, gone: pd.DataFrame) -> None:
        """Drop the rows that came with a rejected duplicate, so they raise no echoes."""
        if name == "articles":
            folders = set(gone["_article"])
            for other in FRAMES:
                df = self.f[other]
                self.f[other] = df[~df["_article"].isin(folders)]
            return
        keys = pd.MultiIndex.from_frame(gone.set_axis(["_article", "id"], axis=1))
        for other, col in (("participants", "event_id"), ("evidence", "fact_id")):
            df = self.f[other]
            mine = pd.MultiIndex.from_arrays([df["_article"], df[col]]).isin(keys)
            self.f[other] = df[~mine]

    def shared_declarations(self) -> None:
        # Iran is Iran in every article: a source, actor or issue may be declared again,
        # but only identically. The later copy is dropped either way.
        for name, col in (("sources", "source_id"), ("actors", "actor_id"),
                          ("issues", "issue_id")):
            df = self.f[name]
            dup = df[col].duplicated()
            if not dup.any():
                continue
            data = [c for c in df.columns if c not in _HIDDEN]
            first = df[~dup].set_index(col)
            again = df[dup]
            ref = first.loc[again[col], [c for c in data if c != col]]
            mine = again[[c for c in data if c != col]].set_axis(ref.index)
            differs = ~((ref.astype(object) == mine.astype(object))
                        | (ref.isna() & mine.isna())).all(axis=1)
            differs.index = again.index
            self.report(again, differs, col, "id", lambda r, c=col, fi=first:
                        f"{r[c]!r} is declared differently in {fi.loc[r[c], '_file']}")
            self.f[name] = df[~dup]

    def fact_ids_across_kinds(self) -> None:
        # Evidence names its fact by id alone, so an event and a statement may not share one.
        seen = pd.Index(self.f["events"]["event_id"])
        for name, col in (("statements", "statement_id"), ("positions", "position_id")):
            df = self.f[name]
            clash = df[col].isin(seen)
            self.report(df, clash, col, "id", lambda r, c=col:
                        f"id {r[c]!r} is already used by another fact")
            self.f[name] = df[~clash]
            seen = seen.append(pd.Index(self.f[name][col]))

    def references(self) -> None:
        f = self.f
        actors = pd.Index(f["actors"]["actor_id"])
        sources = pd.Index(f["sources"]["source_id"])
        events = pd.Index(f["events"]["event_id"])
        issues = pd.Index(f["issues"]["issue_id"])
        checks = (
            ("participants", "actor_id", "participants", actors, "actor", "event_id"),
            ("events", "source_id", "source", sources, "source", "event_id"),
            ("statements", "speaker_id", "speaker", actors, "actor", "statement_id"),
            ("statements", "event_id", "event", events, "event", "statement_id"),
            ("statements", "source_id", "source", sources, "source", "statement_id"),
            ("positions", "actor_id", "actor", actors, "actor", "position_id"),
            ("positions", "issue_id", "issue", issues, "issue", "position_id"),
            ("actors", "parent_id", "parent", actors, "actor", "actor_id"),
        )
        for name, col, fld, known, what, id_col in checks:
            df = f[name]
            values = df[col]
            # Empty means "none" for optional references; None means already reported.
            bad = ~values.isin(known) & (values != "") & values.notna()
            self.report(df, bad, id_col, fld, lambda r, c=col, w=what:
                        f"unknown {w} {r[c]!r}")
        self.parent_cycles()
        facts = events.append(pd.Index(f["statements"]["statement_id"])).append(
            pd.Index(f["positions"]["position_id"]))
        kp = f["key_points"]
        if len(kp):
            cited = kp["fact_ids"].str.split()
            bad = cited.map(lambda ids: [i for i in ids if i not in facts])
            self.report(kp, bad.str.len() > 0, "article_id", "key_points",
                        lambda r: f"key point {r['point']}: unknown fact "
                                  f"{' '.join(i for i in r['fact_ids'].split() if i not in facts)}")

    def parent_cycles(self) -> None:
        parent = dict(zip(self.f["actors"]["actor_id"], self.f["actors"]["parent_id"],
                          strict=True))
        cyclic = set()
        for start in parent:
            seen, a = set(), start
            while a and a in parent and a not in seen:
                seen.add(a)
                a = parent[a]
            if a == start:
                cyclic.add(start)
        df = self.f["actors"]
        self.report(df, df["actor_id"].isin(cyclic), "actor_id", "parent",
                    lambda r: f"parent chain of {r['actor_id']!r} loops back to it")

    def codebook_columns(self) -> None:
        ev = self.f["events"]
        cameo = self.cb.cameo.set_index("cameo_code")
        ev["goldstein"] = ev["cameo_code"].map(cameo["goldstein"]).astype(_FLOAT)
        ev["cameo_name"] = ev["cameo_code"].map(cameo["name"]).astype(_STR)
        pl = self.cb.plover.set_index(["plover_type", "plover_mode"])
        key = pd.MultiIndex.from_arrays([ev["plover_type"].astype(object),
                                         ev["plover_mode"].astype(object)])
        ev["plover_score"] = pl["score"].reindex(key).to_numpy()
        quad = pl.groupby(level=0)["quad_class"].first()
        ev["quad_class"] = pd.Categorical(ev["plover_type"].astype(object).map(quad),
                                          categories=list(S.QUAD_CLASSES))
        self.f["events"] = ev[[*COLUMNS["events"], *_HIDDEN]]

    def actor_blocs(self) -> None:
        # A bloc defaults to the parent's, then to the actor itself: Araqchi → Iran.
        df = self.f["actors"]
        own = dict(zip(df["actor_id"], df["bloc"], strict=True))
        parent = dict(zip(df["actor_id"], df["parent_id"], strict=True))

        def bloc(a: str, depth: int = 0) -> str:
            if own.get(a) or depth > 50:
                return own.get(a) or a
            p = parent.get(a)
            return bloc(p, depth + 1) if p and p in parent else a

        df["bloc"] = pd.Series([bloc(a) for a in df["actor_id"]], index=df.index,
                               dtype=_STR)

    def evidence_ids(self) -> None:
        # Numbered per fact across the whole base: a source declared in two articles
        # keeps distinct evidence ids.
        ev = self.f["evidence"]
        n = ev.groupby("fact_id", sort=False).cumcount() + 1
        ev["evidence_id"] = ev["fact_id"] + "#" + n.astype(str)

    def required_links(self) -> None:
        """Backstops for rules the parser enforces per fact (cheap, and guard refactors)."""
        cited = pd.Index(self.f["evidence"]["fact_id"])
        for name, col in (("events", "event_id"), ("statements", "statement_id"),
                          ("positions", "position_id")):
            df = self.f[name]
            self.report(df, ~df[col].isin(cited), col, "evidence",
                        lambda r: "has no evidence")
        p = self.f["participants"]
        doers = pd.Index(p.loc[p["role"] == "actor", "event_id"])
        ev = self.f["events"]
        self.report(ev, ~ev["event_id"].isin(doers), "event_id", "participants",
                    lambda r: "needs at least one `actor`")


def _validate(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Run each frame's pandera model; turn failure cases into problems."""
    # pandera is imported here, not at module load: a cached fact base never needs it.
    import pandera.pandas as pa

    from briefing.schema import MODELS

    problems: list[Problem] = []
    for name, model in MODELS.items():
        df = frames[name]
        try:
            model.validate(df, lazy=True)
        except pa.errors.SchemaErrors as e:
            problems.extend(_failures(name, df, e.failure_cases))
    return problems


def _failures(name: str, df: pd.DataFrame, cases: pd.DataFrame) -> list[Problem]:
    id_col = S.ID_COLUMN[name]
    out = []
    for case in cases.itertuples(index=False):
        column = str(case.column) if pd.notna(case.column) else ""
        idx = case.index
        what = f"{case.check}: {case.failure_case!r}"
        if idx is None or pd.isna(idx) or idx not in df.index:
            out.append(Problem(f"<{name} frame>", "", column, f"contract: {what}"))
            continue
        row = df.loc[idx]
        field_name = column if column in COLUMNS[name] else ""
        line = row["_keys"].get(field_name, row["_line"]) if row["_keys"] else row["_line"]
        out.append(Problem(row["_file"], str(row[id_col]), field_name or column,
                           f"contract: {what}", None if pd.isna(line) else int(line)))
    return out


def assemble(parses: list[ArticleParse], codebooks: Codebooks
             ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """All records → frames (with private columns) and the problems across articles.

    The parse problems are not repeated; the backstop and contract checks report only
    what no earlier check said about the same fact (a bad CAMEO code also leaves an
    empty Goldstein score, which is not news).
    """
    a = _Assembly(parses, codebooks)
    frames = a.run()
    primary = a.problems
    a.problems = []
    a.required_links()
    secondary = a.problems + _validate(frames)
    known = [p for parse in parses for p in parse.problems] + primary
    facts = {(p.file, p.fact_id) for p in known}
    fields = {(p.file, p.fact_id, p.field) for p in known}
    extra = []
    for p in secondary:
        if (p.file, p.fact_id, p.field) in fields or (
                p.message.startswith("contract:") and (p.file, p.fact_id) in facts):
            continue
        fields.add((p.file, p.fact_id, p.field))
        extra.append(p)
    return frames, primary + extra


def _folder_of(p: Problem) -> str:
    return str(Path(p.file).parent)


# ------------------------------------------------------------------------ load


def load(path: Path | str | None = None, *, errors: Literal["raise", "skip"] = "raise",
         cache: bool | None = None) -> Briefing:
    """Load and validate the fact base at `path` (an article folder or a folder of them).

    Every problem is collected before anything is raised. With `errors="raise"` any
    problem raises `FactError`; with `errors="skip"` articles with problems are left
    out (with whatever cites them) and the problems are listed on `result.problems`.

    Results are cached outside the article folders (`briefing.cache`): an unchanged fact
    base is read back whole, and only changed articles are parsed again. `cache=False`
    (or `BRIEFING_CACHE=off`) loads from scratch. Many articles are parsed in parallel.
    """
    from briefing import cache as C

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    folders = discover(path)
    store = C.Cache() if cache is not False and not (cache is None and C.disabled_by_env()) \
        else None
    version = f"{C.code_version()} {MAX_BYTES}" if store else ""
    base_key = C.key(errors, *map(str, folders))
    files = [f / name for f in folders for name in (FACTS, TEXT)]
    check = f"{version} {C.stamp(files)}" if store else ""
    if store:
        hit = store.get("bases", base_key, check)
        if isinstance(hit, Briefing):
            return hit
    codebooks = load_codebooks()
    # Parsing makes millions of small objects and keeps them all; the cyclic garbage
    # collector would rescan the growing heap again and again (3x the whole load time
    # at 1,000 articles) to find no garbage, since records hold no cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parses = _parse_all(folders, codebooks, store, version)
        if errors == "skip":
            result = _load_skipping(parses, codebooks)
        else:
            frames, found = assemble(parses, codebooks)
            problems = [p for parse in parses for p in parse.problems] + found
            if problems:
                raise FactError(problems)
            result = _briefing(frames, codebooks, ())
        if store:
            store.put("bases", base_key, check, result, keep=C.MAX_BASES)
        return result
    finally:
        if was_enabled:
            gc.enable()


# Below this many articles to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 50


def _parse_all(folders: list[Path], codebooks: Codebooks, store: Any, version: str
               ) -> list[ArticleParse]:
    """Every folder's parse: from the cache where its files are unchanged, else parsed
    (in worker processes when there are many) and stored."""
    from briefing import cache as C

    parses: dict[int, ArticleParse] = dict(_cached(folders, store, version))
    todo = [(i, folder, f"{version} {C.stamp([folder / FACTS, folder / TEXT])}"
             if store else "") for i, folder in enumerate(folders) if i not in parses]
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        try:
            for (i, _, _), parse in zip(todo, _parse_in_workers(todo, store, workers),
                                        strict=True):
                parses[i] = parse
        except Exception:  # noqa: BLE001 - no worker processes here: parse in this one
            parses.clear()
            parses.update({i: hit for i, hit in _cached(folders, store, version)})
    for i, folder, check in todo:
        if i in parses:
            continue
        parses[i] = parse_article(folder, codebooks)
        if store:
            store.put("articles", C.key(str(folder)), check, parses[i])
    if store and todo:
        store.trim("articles", max(C.MAX_ARTICLES, len(folders)))
    return [parses[i] for i in range(len(folders))]


def _cached(folders: list[Path], store: Any, version: str
            ) -> Iterable[tuple[int, ArticleParse]]:
    from briefing import cache as C

    if not store:
        return
    for i, folder in enumerate(folders):
        check = f"{version} {C.stamp([folder / FACTS, folder / TEXT])}"
        hit = store.get("articles", C.key(str(folder)), check)
        if isinstance(hit, ArticleParse):
            yield i, hit


def _parse_in_workers(todo: list[tuple[int, Path, str]], store: Any, workers: int
                      ) -> list[ArticleParse]:
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # A process with threads (a Jupyter kernel, a server) must not fork; a plain script
    # is forked, which also spares it the re-import of its main module that "spawn" does.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    folder_of = store.folder if store else None
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(_parse_and_store, [f for _, f, _ in todo],
                             [c for _, _, c in todo], [folder_of] * len(todo),
                             chunksize=max(1, len(todo) // (workers * 4))))


def _parse_and_store(folder: Path, check: str, cache_folder: Path | None) -> ArticleParse:
    """One article in a worker process; the worker writes its cache entry itself."""
    from briefing import cache as C

    gc.disable()  # as in `load`: the worker's heap only grows
    parse = parse_article(folder)
    if cache_folder is not None:
        C.Cache(cache_folder).put("articles", C.key(str(folder)), check, parse)
    return parse


def _load_skipping(parses: list[ArticleParse], codebooks: Codebooks) -> Briefing:
    # An article broken on its own goes first; then articles are assembled together
    # and any that conflicts with the rest (the later one in name order) goes too,
    # until what is left is consistent. Siblings of a broken article stay.
    problems = [p for parse in parses for p in parse.problems]
    bad = {_folder_of(p) for p in problems}
    while True:
        good = [p for p in parses if p.folder not in bad]
        frames, found = assemble(good, codebooks)
        if not found:
            break
        problems += found
        blamed = {_folder_of(p) for p in found} & {p.folder for p in good}
        if not blamed:  # a problem no article can be blamed for: refuse to guess
            raise FactError(problems)
        bad |= blamed
    dropped = sorted(bad)
    summary = [Problem(folder, "", "", "article skipped because of the problems listed")
               for folder in dropped]
    return _briefing(frames, codebooks, tuple(problems + summary))


def _briefing(frames: dict[str, pd.DataFrame], cb: Codebooks,
              problems: tuple[Problem, ...]) -> Briefing:
    public = {name: frames[name].drop(columns=list(_HIDDEN)).reset_index(drop=True)
              for name in FRAMES}
    for name, df in public.items():
        assert tuple(df.columns) == COLUMNS[name], (name, tuple(df.columns))
    return Briefing(**public, cameo=cb.cameo.copy(), plover=cb.plover.copy(),
                    admiralty=cb.admiralty.copy(), problems=problems)
