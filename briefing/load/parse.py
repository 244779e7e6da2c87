"""One article folder (or the shared registry) → plain records and the problems found.

Every field is read through its declaration in `briefing.contract` (required or not,
value set, range, pattern), while the YAML line is still at hand for the message. What
the contract cannot say (dates and their precision, participants, quotes, codebook
agreement) is checked here by hand. Records are plain dicts, so a parse pickles and caches.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import contract as C
from briefing.codebooks import Codebooks, load_codebooks
from briefing.folders import FACTS, TEXT
from briefing.load.fields import Fields
from briefing.load.yamlfile import Map, read_text, read_yaml, short
from briefing.model import FRAMES, Problem
from briefing.text import locate, sentence_at, split_sentences

# A file under the size limit can still hold 40,000 broken facts; listing (and then
# cross-checking) every one of them would take minutes and help no one. Past this many
# problems the article's parse stops and its records are dropped.
MAX_PROBLEMS = 200

_ID = re.compile(C.ID_PATTERN)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

Records = dict[str, list[dict[str, Any]]]
# Private columns carried through assembly to locate problems; dropped before return.
HIDDEN = ("_article", "_file", "_line", "_keys")
# Top-level lists of a facts file, the frame each fills and whether it needs an item
# (from the contract). Sources and actors may all live in the registry beside the articles.
_LISTS = tuple((f.list, f.name, f.nonempty_list) for f in C.LISTS)
_REGISTRY_LISTS = C.REGISTRY_LISTS


@dataclass
class ArticleParse:
    """What `parse_article` makes of one folder. Plain data, so it pickles."""

    folder: str
    article_id: str | None
    records: Records
    problems: list[Problem] = field(default_factory=list)
    published: str | None = None  # ISO day: the newer article wins a disagreement
    registry: bool = False


class _TooManyProblems(Exception):
    """Raised by `Parser.problem` to stop a parse that has found `MAX_PROBLEMS`."""


class Parser:
    """Turns one article's YAML into records. One instance per article."""

    def __init__(self, folder: Path, text: str, codebooks: Codebooks, file: str = ""):
        self.folder = folder
        self.file = file or str(folder / FACTS)
        self.text = text
        self.cb = codebooks
        self.problems: list[Problem] = []
        self.records: Records = {name: [] for name in FRAMES}
        self.article_id = ""
        self.published: str | None = None
        self.sentence_starts: list[int] = []
        self._sentence_ids: list[str] = []

    def problem(self, fact_id: str, key: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(self.file, fact_id, key, message, line))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooManyProblems

    def row(self, frame: str, f: Fields | None, line: int, **values: Any) -> None:
        values.update(_article=str(self.folder), _file=self.file, _line=line,
                      _keys=f.m.key_lines if f else {})
        self.records[frame].append(values)

    # -- structure

    def items(self, doc: Map, key: str, *, required: bool) -> list[Map]:
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
            if isinstance(item, Map):
                out.append(item)
            else:
                self.problem("", key, f"item {i + 1} must be a mapping with an `id`",
                             v.item_lines[i])
        return out

    def fact(self, m: Map, frame: str) -> Fields | None:
        """Fields of one item, or None when it has no usable id (nothing can cite it)."""
        raw = m.get("id")
        allowed = C.FRAMES[frame].keys
        if isinstance(raw, str) and _ID.match(raw):
            return Fields(self, m, raw, allowed)
        # Name the fact by what was written, so the message can be found in the file.
        f = Fields(self, m, "" if raw is None else str(raw)[:80], allowed)
        why = "is required" if raw is None else f"{short(raw)} does not match {C.ID_PATTERN}"
        f.problem("id", f"{frame.rstrip('s')} id {why}")
        return None

    def top_level(self, doc: Any, allowed: Iterable[str]) -> bool:
        if doc is None:
            self.problem("", "", "the file is empty", None)
            return False
        if not isinstance(doc, Map):
            self.problem("", "", "the top level must be a mapping", 1)
            return False
        for key in doc:
            if key not in allowed:
                self.problem("", str(key), f"unknown top-level key {key!r}",
                             doc.key_lines.get(key))
        return True

    def parse(self, doc: Any) -> None:
        if not self.top_level(doc, ("article", *(k for k, _, _ in _LISTS))):
            return
        if not self.parse_article(doc):
            return
        for key, frame, required in _LISTS:
            for m in self.items(doc, key, required=required):
                getattr(self, f"parse_{frame}")(m)

    def parse_registry(self, doc: Any) -> None:
        if not self.top_level(doc, _REGISTRY_LISTS):
            return
        for key in _REGISTRY_LISTS:
            for m in self.items(doc, key, required=False):
                if key == "sources" and "evidence" in m:
                    Fields(self, m, str(m.get("id", "")), ()).problem(
                        "evidence", "the registry has no article text to quote from; "
                        "cite a source's words in an article")
                    continue
                getattr(self, f"parse_{key}")(m)

    # -- frames

    def parse_article(self, doc: Map) -> bool:
        m = doc.get("article")
        if not isinstance(m, Map):
            self.problem("", "article", "`article` must be a mapping",
                         doc.key_lines.get("article", 1))
            return False
        f = self.fact(m, "articles")
        if f is None:
            return False
        self.article_id = f.fact_id
        published = m.get("published")
        if isinstance(published, dt.datetime) or not isinstance(published, dt.date):
            f.problem("published", f"must be a date YYYY-MM-DD, got {short(published)}")
            published = None
        self.published = published.isoformat() if published else None
        self.row("articles", f, m.line, **f.read("articles"),
                 article_id=f.fact_id, published=self.published, text=self.text,
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

    def parse_key_points(self, f: Fields) -> None:
        # Headline points for the page header; each must rest on facts of this base.
        points = f.m.get("key_points")
        if points is None:
            return
        if not isinstance(points, list):
            f.problem("key_points", "must be a list of mappings with `text` and `facts`")
            return
        for i, item in enumerate(points, start=1):
            line = points.item_lines[i - 1]
            if not isinstance(item, Map):
                f.problem("key_points", f"point {i} must be a mapping with `text` and "
                          "`facts`", line)
                continue
            kp = Fields(self, item, f.fact_id, C.FRAMES["key_points"].keys)
            text = kp.value(C.FRAMES["key_points"].col("text"))
            facts = item.get("facts")
            if isinstance(facts, str):
                facts = [facts]
            if not (isinstance(facts, list) and facts
                    and all(isinstance(x, str) and _ID.match(x) for x in facts)):
                kp.problem("facts", f"point {i}: `facts` must be a non-empty list of ids")
                continue
            self.row("key_points", kp, line, article_id=f.fact_id, point=i, text=text,
                     fact_ids=" ".join(facts))

    def parse_sources(self, m: Map) -> None:
        f = self.fact(m, "sources")
        if f is None:
            return
        self.row("sources", f, m.line, source_id=f.fact_id, **f.read("sources"))
        if "evidence" in m:
            self.evidence(f, "source")

    def parse_actors(self, m: Map) -> None:
        f = self.fact(m, "actors")
        if f is None:
            return
        values = f.read("actors", lists=("aliases", "members"))
        values["aliases"] = f.id_list("aliases", "|", ids=False)
        values["members"] = f.id_list("members", " ", ids=True)
        country = values.get("country")
        if country and country not in self.cb.countries:
            f.problem("country", f"{country!r} is not an ISO 3166-1 alpha-3 country code")
            values["country"] = None
        self.row("actors", f, m.line, actor_id=f.fact_id, **values)

    def parse_blocs(self, m: Map) -> None:
        f = self.fact(m, "blocs")
        if f is None:
            return
        self.row("blocs", f, m.line, bloc_id=f.fact_id, **f.read("blocs"))

    def parse_events(self, m: Map) -> None:
        f = self.fact(m, "events")
        if f is None:
            return
        values = f.read("events")
        date, precision = self.date(f, "date")
        end, end_precision = self.date(f, "date_end")
        if end and not date:
            f.problem("date_end", "needs a `date` (the first day of the range)")
        elif end and end < date:
            f.problem("date_end", f"{end} is before the event's date {date}")
        if date is not None and values["date_basis"] is None and "date_basis" not in f.bad:
            f.problem("date_basis", "is required when the event has a date")
        ptype, mode = values["plover_type"], values["plover_mode"]
        if ptype and mode is not None and mode not in self.cb.plover_modes[ptype]:
            modes = sorted(x for x in self.cb.plover_modes[ptype] if x)
            f.problem("plover_mode", f"{mode!r} is not a mode of {ptype} "
                      f"({', '.join(modes) or 'it has none'}, or empty)")
            values["plover_mode"] = None
        values["cameo_code"] = self.cameo(f, m, ptype)
        self.row("events", f, m.line, event_id=f.fact_id, article_id=self.article_id,
                 **values, date=date, date_precision=precision, date_end=end,
                 date_end_precision=end_precision)
        self.participants(f)
        self.evidence(f, "event")

    def cameo(self, f: Fields, m: Map, ptype: str | None) -> str | None:
        code = m.get("cameo_code")
        if isinstance(code, int) and not isinstance(code, bool):
            f.problem("cameo_code", "must be a quoted string such as \"042\" (unquoted, "
                      f"YAML reads it as the number {code})")
            return None
        if code == C.PLACEHOLDER or "cameo_code" in f.bad:
            return None
        code = f.str("cameo_code")
        if code is None:
            return None
        if code not in self.cb.cameo_codes:
            f.problem("cameo_code", f"{code!r} is not a CAMEO code in the codebook")
            return None
        # PLOVER's own conversion table says which type a CAMEO code belongs to.
        want = self.cb.plover_type_of(code)
        if ptype and want and want != ptype:
            f.problem("cameo_code", f"CAMEO {code} ({self.cb.cameo_name(code)}) is a "
                      f"{want} event in PLOVER's CAMEO table, not {ptype}")
            return None
        return code

    def date(self, f: Fields, key: str) -> tuple[str | None, str | None]:
        """An ISO day string and its precision; a missing date is allowed. The frames hold
        days from 1678 to 2261 (pandas' nanosecond datetimes): an older or later date is
        reported, not a crash."""
        iso, precision = self._date(f, key)
        if iso is not None and not "1678" <= iso[:4] <= "2261":
            f.problem(key, f"{iso[:4] if precision == 'year' else iso} is outside the years "
                      "the fact base can hold (1678 to 2261): leave the date out and give "
                      "the year in the summary")
            return None, None
        return iso, precision

    def _date(self, f: Fields, key: str) -> tuple[str | None, str | None]:
        v = f.m.get(key)
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
        f.problem(key, f"{short(v)} is not a date: use YYYY-MM-DD, \"YYYY-MM\" or YYYY")
        return None, None

    def participants(self, f: Fields) -> None:
        v = f.m.get("participants")
        if not isinstance(v, Map):
            f.problem("participants", "must be a mapping of role → list of actor ids"
                      if v is not None else "is required (at least one `actor`)")
            return
        seen: set[tuple[str, str]] = set()
        for role, ids in v.items():
            line = v.key_lines.get(role, v.line)
            if role not in C.ROLES:
                f.problem("participants", f"unknown role {role!r} "
                          f"(one of {', '.join(C.ROLES)})", line)
                continue
            if isinstance(ids, str):
                ids = [ids]  # `actor: <one id>` reads naturally; accept it
            if not isinstance(ids, list):
                f.problem("participants", f"`{role}` must be a list of actor ids", line)
                continue
            for actor in ids:
                if not isinstance(actor, str) or not _ID.match(actor):
                    f.problem("participants", f"{role}: {short(actor)} is not an actor id", line)
                elif (actor, role) in seen:
                    f.problem("participants", f"{role}: {actor!r} is listed twice", line)
                else:
                    seen.add((actor, role))
                    self.row("participants", None, line, event_id=f.fact_id,
                             actor_id=actor, role=role)
        if not any(role == "actor" for _, role in seen) and "participants" not in f.bad:
            f.problem("participants", "needs at least one `actor`")

    def parse_statements(self, m: Map) -> None:
        f = self.fact(m, "statements")
        if f is None:
            return
        self.row("statements", f, m.line, statement_id=f.fact_id,
                 article_id=self.article_id, **f.read("statements"))
        self.evidence(f, "statement")

    def parse_issues(self, m: Map) -> None:
        f = self.fact(m, "issues")
        if f is None:
            return
        self.row("issues", f, m.line, issue_id=f.fact_id, **f.read("issues"))

    def parse_positions(self, m: Map) -> None:
        f = self.fact(m, "positions")
        if f is None:
            return
        self.row("positions", f, m.line, position_id=f.fact_id, article_id=self.article_id,
                 **f.read("positions"), basis=C.BASIS)
        self.evidence(f, "position")

    def evidence(self, f: Fields, kind: str) -> None:
        items = f.m.get("evidence")
        line = f.line("evidence")
        if not isinstance(items, list) or not items:
            f.problem("evidence", "needs at least one quote from the article"
                      if items is None or items == [] else "must be a list of quotes")
            return
        lines = getattr(items, "item_lines", [line] * len(items))
        for item, item_line in zip(items, lines, strict=True):
            occurrence = None
            if isinstance(item, Map):
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


def _empty(folder: str, problems: list[Problem], registry: bool = False) -> ArticleParse:
    return ArticleParse(folder, None, {name: [] for name in FRAMES}, problems,
                        registry=registry)


def _run(parser: Parser, doc: Any, method: str) -> None:
    try:
        getattr(parser, method)(doc)
    except RecursionError:
        parser.problems.append(Problem(parser.file, "", "", "the YAML is nested too deeply"))
    except _TooManyProblems:
        parser.problems.append(Problem(parser.file, "", "", f"stopped after {MAX_PROBLEMS} "
                                       "problems; fix these and validate again"))
        parser.records = {name: [] for name in FRAMES}


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
        return _empty(str(folder), problems)
    parser = Parser(folder, text, codebooks or load_codebooks())
    _run(parser, doc, "parse")
    return ArticleParse(str(folder), parser.article_id or None, parser.records,
                        problems + parser.problems, parser.published)


def parse_registry(path: Path | str, codebooks: Codebooks | None = None) -> ArticleParse:
    """Read a `registry.yaml` of shared entities. Never raises for bad input."""
    path = Path(path)
    problems: list[Problem] = []
    doc = read_yaml(path, problems)
    if doc is None:
        return _empty(str(path.parent), problems, registry=True)
    parser = Parser(path.parent, "", codebooks or load_codebooks(), file=str(path))
    _run(parser, doc, "parse_registry")
    return ArticleParse(str(path.parent), None, parser.records,
                        problems + parser.problems, registry=True)
