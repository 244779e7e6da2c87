"""The drafter's look-up tables, read from `assets/gazetteer/` (data, never literals here).

`countries.csv`   one row per ISO 3166-1 code: names, demonyms, capital, seats of power
`titles.csv`      titles and offices that introduce a person ("Foreign Minister")
`org_words.csv`   words that end an organisation's name ("Agency") or mark news media
`bodies.csv`      a state's bodies named by a head noun ("Chile's foreign ministry")
`organizations.csv`  UN bodies, alliances, news agencies, ministries, armed groups
`triggers.csv`    event phrases → CAMEO codes (`triggers.py` reads it)
`not_events.csv`  figures of speech whose word names no act ("a trade war")
`irregular_verbs.csv`, `speech_verbs.csv`, `light_verbs.csv`   the verbs the matchers need
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.codebooks import assets_dir


def gazetteer_dir() -> Path:
    return assets_dir() / "gazetteer"


def read_table(name: str) -> list[dict[str, str]]:
    """One CSV of the gazetteer as a list of rows (empty cells are empty strings)."""
    with open(gazetteer_dir() / name, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


# Regions whose names hold a state's form.
# ("the Central American Integration System", "South Americans": the region's demonym too)
_REGIONS = re.compile(r"\b(?:Latin|South|North|Central|Meso)\s+Americans?\b|"
                      r"\b(?:the\s+)?Americas\b|\bPan-Americans?\b|\bInter-American\b")


@dataclass(frozen=True)
class Place:
    """What a surface form means: a state (by ISO code) or an organisation."""

    key: str        # "IRN" for a state, an organisation id otherwise
    kind: str       # state | organization
    via: str        # name | alias | demonym | capital | seat
    name: str       # the canonical name


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, dict[str, str]]          # iso3 → row
    organizations: dict[str, dict[str, str]]      # id → row
    forms: dict[str, Place]                       # surface form → place
    pattern: re.Pattern[str]                      # every surface form, longest first
    titles: dict[str, str]                        # lower-case title → office
    bodies: dict[str, dict[str, str]]             # lower-case head noun → row
    org_heads: frozenset[str]                     # "Agency", "Ministry": end a body's name
    news_words: frozenset[str]                    # words that mark a body that reports
    org_pattern: re.Pattern[str]                  # capitalised words ending in a head
    irregular: dict[str, list[str]]               # lemma → forms
    speech_verbs: frozenset[str]                  # every inflected form
    light_verbs: re.Pattern[str]                  # "held" in "held talks": the act's verb

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        """Every gazetteer form in `text`, left to right, longest match first; none inside
        a region's name ("Latin America" holds no "America", the United States)."""
        regions = [(m.start(), m.end()) for m in _REGIONS.finditer(text)]
        return [(m.start(), m.end(), self.forms[m.group(0)])
                for m in self.pattern.finditer(text)
                if not any(a <= m.start() < b for a, b in regions)]


def inflections(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """A verb's forms: the table's irregular ones, else English's regular endings."""
    if lemma in irregular:
        return [lemma, *irregular[lemma]]
    if lemma.endswith(("ee", "ye", "oe")):   # "agreeing", "eyeing", "canoeing"
        return [lemma, lemma + "s", lemma + "d", lemma + "ing"]
    if lemma.endswith("ie"):   # "tying"
        return [lemma, lemma + "s", lemma + "d", lemma[:-2] + "ying"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _form_pattern(forms: list[str]) -> re.Pattern[str]:
    # Longest first so "UN Security Council" wins over "UN"; a form ending in "." (U.S.)
    # may not be followed by a word character anyway, so the end test is a lookahead.
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])")


@functools.lru_cache(maxsize=2)
def _load(folder: str) -> Gazetteer:
    countries = {r["iso3"]: r for r in read_table("countries.csv")}
    organizations = {r["id"]: r for r in read_table("organizations.csv")}
    forms: dict[str, Place] = {}
    capital_count: dict[str, int] = {}
    for r in countries.values():
        capital_count[r["capital"]] = capital_count.get(r["capital"], 0) + 1
    for iso, r in countries.items():
        entries = [(r["name"], "name")] + [(a, "alias") for a in _split(r["aliases"])]
        entries += [(d, "demonym") for d in _split(r["demonyms"])]
        # A capital shared by two countries (Kingston) cannot name a government.
        if r["capital"] and capital_count[r["capital"]] == 1 and r["capital"] != r["name"]:
            entries.append((r["capital"], "capital"))
        entries += [(s, "seat") for s in _split(r["seats"])]
        # "Saint Lucia" is written "St Lucia" and "St. Lucia" too.
        entries += [(f"{st} {form[6:]}", via) for form, via in entries if form.startswith("Saint ")
                    for st in ("St", "St.")]
        for form, via in entries:
            forms.setdefault(form, Place(iso, "state", via, r["name"]))
    for oid, r in organizations.items():
        for form in [r["name"], *_split(r["aliases"])]:
            forms[form] = Place(oid, "organization", "name", r["name"])
    irregular = {r["lemma"]: _split(r["forms"]) for r in read_table("irregular_verbs.csv")}
    words = read_table("org_words.csv")
    heads = frozenset(r["word"] for r in words if r["role"] == "head")
    speech = {f for r in read_table("speech_verbs.csv") for f in inflections(r["verb"], irregular)}
    return Gazetteer(
        countries=countries,
        organizations=organizations,
        forms=forms,
        pattern=_form_pattern(list(forms)),
        titles={r["title"].lower(): r["office"] for r in read_table("titles.csv")},
        bodies={r["head"].lower(): r for r in read_table("bodies.csv")},
        org_heads=heads,
        news_words=frozenset(r["word"] for r in words if r["role"] == "news"),
        # ("the Andes Wire Agency"; "the Federal Department of Foreign Affairs": a head
        # with what it is of, in capitals)
        org_pattern=re.compile(r"(?<![\w’'])(?:(?:[A-Z][\w’'\-]*\s+){0,3}(?:"
                               + "|".join(sorted(heads)) + r")\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*"
                               r"(?:\s+(?:and\s+)?[A-Z][\w’'\-]*){0,3}\b|"
                               r"(?:[A-Z][\w’'\-]*\s+){1,4}(?:" + "|".join(sorted(heads))
                               + r")\b)"),
        irregular=irregular,
        speech_verbs=frozenset(speech),
        light_verbs=_light_verbs(irregular),
    )


def _light_verbs(irregular: dict[str, list[str]]) -> re.Pattern[str]:
    # A verb whose object names the act ("held talks", "postponed a visit") makes the
    # noun a predicate of the clause's subject.
    forms = []
    for r in read_table("light_verbs.csv"):
        first, *rest = r["verb"].split()
        forms += [" ".join([f, *rest]) for f in inflections(first, irregular)]
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # Between them, determiners and modifiers ("held a second round of direct talks"),
    # never a preposition, which would start another phrase ("held a vote on talks").
    return re.compile(rf"\b(?i:{alts})\s+(?:(?!(?:on|in|at|with|for|to|about|over|after|"
                      rf"before|by|from|that|which)\b)(?:[a-z][\w\-]*|(?:Mon|Tues|Wednes|Thurs|Fri|"
                      rf"Satur|Sun)day)(?:[’']s)?\s+|(?:rounds?|series)\s+"   # "next week's"
                      rf"of\s+){{0,4}}$")


def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process (it never changes while the process runs)."""
    return _load(str(gazetteer_dir()))


def lookup(name: str) -> Place | None:
    """What a name means to the drafter ("Lima" → Peru, "Reuters" → the agency), or None."""
    return load_gazetteer().forms.get(name.strip())
