"""Two people under one plural title: "Foreign ministers Anahit Melikyan of Armenia and
Ketevan Mchedlidze of Georgia", "Presidents Ana Rojas and Luis Soto". Read before the
titles of one person (`people.find_people`), whose later passes then find their surnames."""

from __future__ import annotations

import re

from briefing.draft.actors import Registry
from briefing.draft.people import NAME, person_fields, register_person, titles_and_states

_PATTERNS: dict[int, re.Pattern[str]] = {}


def _pattern(reg: Registry) -> re.Pattern[str]:
    g = reg.gazetteer
    if id(g) not in _PATTERNS:
        title, state = titles_and_states(g)

        def one(n: str) -> str:
            return rf"(?P<{n}>{NAME})(?:\s+of\s+(?:the\s+)?(?P<{n}s>{state}))?"
        _PATTERNS[id(g)] = re.compile(rf"(?<![\w\-])(?P<title>(?i:{title}))s\s+{one('a')},?"
                                      rf"\s+and\s+{one('b')}(?![\w’'])")
    return _PATTERNS[id(g)]


def two_under_one_title(text: str, reg: Registry) -> None:
    """Register both people a plural title names (see the module's doc)."""
    g = reg.gazetteer
    for m in _pattern(reg).finditer(text):
        for n in ("a", "b"):
            name = m.group(n)
            if reg.taken(m.start(n), m.end(n)) or name in g.forms or name.split()[0] in (
                    "The", "A", "An"):
                continue
            said = m.group(n + "s")
            fields = person_fields(reg, m.group("title"), g.forms[said].key if said else "",
                                   f"plural title '{m.group('title')}s' before two names")
            reg.mention(m.start(n), m.end(n), register_person(reg, name, fields), "title")
