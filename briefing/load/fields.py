"""Reading one YAML mapping's fields by their declarations in the contract.

A field is read as its `briefing.contract.Col` says — required or not, value set, range,
pattern — and every bad one becomes a problem at its YAML line; the parser never raises
for bad input. A `TODO` left by the drafter is reported as awaiting the analyst.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Protocol

from briefing import contract as C
from briefing.load.yamlfile import Map, short, type_word


class Reporter(Protocol):
    """Where problems go (the article's parser)."""

    def problem(self, fact_id: str, key: str, message: str, line: int | None) -> None: ...

_ID = re.compile(C.ID_PATTERN)
_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(p: str) -> re.Pattern:
    if p not in _PATTERNS:
        _PATTERNS[p] = re.compile(p)
    return _PATTERNS[p]


class Fields:
    """Reads the fields of one YAML mapping, recording a problem for each bad one."""

    def __init__(self, p: Reporter, m: Map, fact_id: str, allowed: Iterable[str]):
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

    def read(self, frame: str, *, lists: Iterable[str] = ()) -> dict[str, Any]:
        """Every column of `frame` that comes from a YAML key, read by its declaration;
        the keys in `lists` hold YAML lists, which the caller reads with `id_list`."""
        return {c.name: self.value(c) for c in C.FRAMES[frame].cols
                if c.key and c.key != "id" and c.dtype != "date" and c.key not in lists}

    def value(self, c: C.Col) -> Any:
        v = self.m.get(c.key)
        if v == C.PLACEHOLDER:
            self.problem(c.key, f"awaits the analyst: replace {C.PLACEHOLDER} "
                         f"({self._expected(c)})")
            return None
        if c.dtype in ("int", "float"):
            return self.number(c.key, c.lo, c.hi, integer=c.dtype == "int",
                               required=c.required)
        return self.str(c.key, required=c.required, default=c.default,
                        choices=c.values, nonempty=c.nonempty,
                        pattern=_pattern(c.pattern) if c.pattern else None)

    @staticmethod
    def _expected(c: C.Col) -> str:
        if c.values:
            return "one of " + ", ".join(map(str, c.values))
        if c.lo is not None:
            return f"a number from {c.lo:g} to {c.hi:g}"
        return "a value"

    def str(self, key: str, *, required: bool = True, default: Any = "",
            choices: tuple[Any, ...] | None = None, pattern: re.Pattern | None = None,
            nonempty: bool = False) -> str | None:
        if key not in self.m or self.m[key] is None:
            if required:
                self.problem(key, "is required")
                return None
            return default
        v = self.m[key]
        if not isinstance(v, str):
            self.problem(key, f"must be a string, got {type_word(v)} {short(v)}")
            return None
        if nonempty and not v.strip():
            self.problem(key, "must not be empty")
            return None
        if choices is not None and v not in choices:
            self.problem(key, f"{short(v)} is not one of {', '.join(choices)}")
            return None
        if pattern is not None and v and not pattern.match(v):
            self.problem(key, f"{short(v)} does not match {pattern.pattern}")
            return None
        return v

    def number(self, key: str, lo: float | None, hi: float | None, *, integer: bool = False,
               required: bool = True) -> float | int | None:
        v = self.m.get(key)
        if v is None:
            if required:
                self.problem(key, "is required")
            return None
        ok = isinstance(v, int) if integer else isinstance(v, int | float)
        if not ok or isinstance(v, bool):
            kind = "an integer" if integer else "a number"
            self.problem(key, f"must be {kind} from {lo:g} to {hi:g}, got {short(v)}")
            return None
        if not lo <= v <= hi:
            self.problem(key, f"{short(v)} is outside {lo:g}–{hi:g}")
            return None
        return v

    def id_list(self, key: str, sep: str, *, ids: bool) -> str:
        """A YAML list of names (or ids) as one string, joined by `sep`."""
        v = self.m.get(key)
        if v is None:
            return ""
        if isinstance(v, str):
            v = [v]
        good = isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)
        if good and ids:
            good = all(_ID.match(x) for x in v)
        if not good or any(sep in x for x in v):
            what = "actor ids" if ids else "names"
            self.problem(key, f"must be a list of {what}, got {short(v)}")
            return ""
        return sep.join(v)
