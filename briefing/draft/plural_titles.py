"""Two people under one plural title: "Foreign ministers Anahit Melikyan of Armenia and
Ketevan Mchedlidze of Georgia", "Presidents Ana Rojas and Luis Soto". Read before the
titles of one person (`people.find_people`), whose later passes then find their surnames."""

from __future__ import annotations

import re

from briefing.draft.actors import Registry
from briefing.draft.people import NAME, register_person

_PATTERNS: dict[int, re.Pattern[str]] = {}


def _pattern(reg: Registry) -> re.Pattern[str]:
    g = reg.gazetteer
    if id(g) not in _PATTERNS:
        title = "|".join(re.escape(t) for t in sorted(g.titles, key=len, reverse=True))
        state = "|".join(re.escape(f) for f, p in sorted(g.forms.items(), key=lambda x: -len(
            x[0])) if p.kind == "state")

        def one(n: str) -> str:
            return rf"(?P<{n}>{NAME})(?:\s+of\s+(?:the\s+)?(?P<{n}s>{state}))?"
        _PATTERNS[id(g)] = re.compile(rf"(?<![\w\-])(?P<title>(?i:{title}))s\s+{one('a')},?"
                                      rf"\s+and\s+{one('b')}(?![\w’'])")
    return _PATTERNS[id(g)]


def two_under_one_title(text: str, reg: Registry) -> None:
    """Register both people a plural title names (see the module's doc)."""
    g = reg.gazetteer
    for m in _pattern(reg).finditer(text):
        office = g.titles[m.group("title").lower()]
        for n in ("a", "b"):
            name = m.group(n)
            if reg.taken(m.start(n), m.end(n)) or name in g.forms or name.split()[0] in (
                    "The", "A", "An"):
                continue
            said = m.group(n + "s")
            country = g.forms[said].key if said else ""
            fields = {"kind": "person", "country": country,
                      "role": f"{office}, {g.countries[country]['name']}" if country
                      else office, "reason": f"plural title '{m.group('title')}s' before "
                                             f"two names"}
            if country:
                fields["parent"] = reg.state(country, f"gazetteer: {said}")
            reg.mention(m.start(n), m.end(n), register_person(reg, name, fields), "title")
