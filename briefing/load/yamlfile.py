"""Reading a facts file: YAML with the line of every key and item, and hostile input refused.

Sizes are capped before a parser sees a file; aliases, exotic tags and control characters
become problems with a line number, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefing.model import Problem

# Hand-written facts for one article are a few tens of KB (the first article's: 43 KB);
# a file over 1 MiB is a mistake or an attack, and is refused before a parser sees it.
# (1 MiB of the smallest YAML nodes, `[a,a,a,...]`, still parses in about a second.)
MAX_BYTES = 1024 * 1024


class Map(dict):
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
                raise _error(f"invalid value {short(node.value)}: {e}", node) from None
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

    def mapping(self, node: yaml.MappingNode, seen: set[int]) -> Map:
        data = Map()
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
                raise _error(f"duplicate key {short(key)}", key_node,
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


def short(value: Any, limit: int = 80) -> str:
    """`repr` for a problem message, cut short: a hostile value may be megabytes long."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def type_word(value: Any) -> str:
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
