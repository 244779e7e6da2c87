"""The frame contract, written once.

Every frame of a `Briefing` is declared here: its id column, and for each column the
dtype, the value set (in the order that means something), the range or pattern, whether
it may be missing, the YAML key it is read from and whether the loader derives it. The
pandera schemas (`briefing.schema`), the loader's dtypes and the parser's allowed keys,
ranges and choices are all built from these declarations, so the parser and the schema
cannot disagree. Adding a column is one line here (plus, when it comes from YAML, the key
in `docs/facts-format.md`).

This module imports nothing heavier than the standard library: a cached load reads it
without pandas validation machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}$"
# A fact id as it appears in frames: the id written in the YAML, or `<article>/<id>` when
# two articles use the same one (ids of facts are scoped to their article).
FACT_ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}(/[a-z][a-z0-9-]{0,63})?$"
COUNTRY_PATTERN = r"^[A-Z]{3}$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"

# ---- value sets ------------------------------------------------------------------------

SOURCE_KINDS = ("wire", "state_media", "official", "anonymous", "document", "analyst",
                "outlet", "aggregator")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
# `group`: several states or bodies acting as one ("20 Arab and Islamic countries");
# `unnamed`: a speaker the article does not name ("a source close to the ministry").
ACTOR_KINDS = ("state", "person", "organization", "facility", "group", "unnamed")
STATUSES = ("occurred", "ongoing", "announced", "planned", "proposed", "postponed",
            "cancelled", "historical", "hypothetical", "negated")
ROLES = ("actor", "recipient", "via", "subject")
ATTRIBUTIONS = ("on_record", "spokesperson", "state_media_relay", "anonymous")
QUOTE_TYPES = ("direct", "indirect")
CONFIDENCE = ("low", "moderate", "high")
DATE_PRECISIONS = ("day", "month", "year")
DATE_BASES = ("article", "resolved", "context")
FACT_KINDS = ("event", "statement", "position", "source")
# A fact's `review` key: where a machine suggestion stands (no key: the analyst's own).
REVIEW = ("accepted", "pending", "rejected")
ACCEPTED, PENDING, REJECTED = REVIEW
# PLOVER types in the manual's order, cooperation first; the codebook must agree.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict",
                "material conflict")
BASIS = "analyst_judgment"
# An analyst-judgment field the drafter leaves for a person to fill.
PLACEHOLDER = "TODO"

# How the workbench edits a YAML key: one renderer per input kind in the browser.
INPUTS = {
    "id": "an id: lower-case letters, digits and '-'; renaming it renames its references",
    "text": "one line of text",
    "long": "a few sentences",
    "choice": "one of a fixed set of values",
    "grade": "an Admiralty grade (its meaning from the codebook)",
    "date": "YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year)",
    "scale": "0–100 on the issue's scale",
    "plover": "PLOVER type → mode → CAMEO code, from the codebooks",
    "actor": "one actor (search by name)",
    "actors": "actors (search by name), in order",
    "source": "one source",
    "issue": "one issue (with its two ends)",
    "event": "one event of this article",
    "bloc": "a colour group of actors",
    "names": "other names, one per line",
    "participants": "actors by role: actor, recipient, via, subject",
    "evidence": "words of the text: select them and add",
    "key_points": "headline points, each from selected words and the facts it rests on",
    "facts": "events, statements or positions of this article",
    "none": "not edited: the loader derives it, or it is the review's own bookkeeping",
}


# ---- declarations ----------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One column of a frame.

    `dtype` is one of str, int, float, bool, date, cat. `key` is the YAML key the value
    is read from (None: the loader makes it). `required` is about the YAML: a missing
    optional key takes `default`.
    """

    name: str
    dtype: str = "str"
    key: str | None = None
    required: bool = False
    values: tuple[Any, ...] | None = None
    ordered: bool = False
    lo: float | None = None
    hi: float | None = None
    pattern: str | None = None
    nonempty: bool = False
    nullable: bool = False
    unique: bool = False
    derived: bool = False
    default: Any = ""
    doc: str = ""
    # -- how the document is written (the workbench's forms, the drafter, the saver) --
    input: str = ""  # a key of INPUTS; "" → from dtype and values (see `edit`)
    hint: str = ""  # a few words for the form
    judgment: bool = False  # analyst judgment: drafted as PLACEHOLDER, never guessed
    refers: str | None = None  # the frame whose id this value names
    # What a fact the analyst adds starts with (None: PLACEHOLDER if required); "" also
    # means an empty value is written as "" rather than left out.
    start: Any = None

    @property
    def edit(self) -> str:
        """The input kind that edits this key ("none": the loader makes the column)."""
        if self.input:
            return self.input
        if self.key is None or self.derived:
            return "none"
        if self.values:
            return "choice"
        if self.dtype == "date":
            return "date"
        return "text"


@dataclass(frozen=True)
class Frame:
    name: str
    id: str  # the column naming a row in problem messages
    cols: tuple[Col, ...]
    # YAML keys read by the parser that are not columns (lists of quotes, participants).
    nested: tuple[Col, ...] = ()
    unique_together: tuple[str, ...] = ()
    doc: str = ""
    # -- its place in facts.yaml --
    list: str | None = None  # the top-level YAML list of its items (None: not one)
    singular: str = ""  # one item, in words and in the workbench's ids ("event:ev-x")
    registry: bool = False  # a shared entity: may be declared in registry.yaml
    evidence: bool = False  # its items must carry `evidence:` (they are facts)
    nonempty_list: bool = False  # a facts file needs at least one
    label: str = ""  # the key that says what an item is, in words

    @property
    def extra_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.nested if c.key)

    @property
    def yaml_cols(self) -> tuple[Col, ...]:
        """The declarations of every YAML key, in the documented key order."""
        return tuple(c for c in self.cols if c.key) + self.nested

    @property
    def key_order(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.yaml_cols if c.key)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cols)

    def col(self, name: str) -> Col:
        for c in self.cols:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        """Every YAML key a mapping of this frame may carry."""
        return tuple(c.key for c in self.cols if c.key) + self.extra_keys


def _id(name: str, pattern: str = ID_PATTERN) -> Col:
    return Col(name, key="id", required=True, pattern=pattern, unique=True, input="id")


# Machine-made facts wait for a person: `review: pending` plus the rule that proposed it.
_REVIEW = (Col("review", "cat", key="review", values=REVIEW, default="accepted",
               doc="accepted, pending (a machine draft awaiting review) or rejected",
               input="none"),
           Col("reason", key="reason", doc="why the drafter proposed it", input="none"))
_EVIDENCE = Col("evidence", key="evidence", input="evidence", hint="the words it rests on")

_SLUG_OR_EMPTY = r"^([a-z][a-z0-9-]{0,63})?$"

FRAMES: dict[str, Frame] = {f.name: f for f in (
    Frame("articles", "article_id", (
        _id("article_id"),
        Col("title", key="title", required=True, nonempty=True, hint="the headline"),
        Col("outlet", key="outlet", start="", hint="who published it; empty when not named"),
        Col("url", key="url", pattern=r"^(https?://\S+)?$", hint="where it was read"),
        Col("published", "date", key="published", required=True, input="date",
            hint="YYYY-MM-DD"),
        Col("published_basis", "cat", key="published_basis", required=True,
            values=DATE_BASES, hint="where the date comes from"),
        Col("published_note", key="published_note",
            doc="how the publication date was found", hint="how the date was found"),
        Col("language", key="language", default="en",
            pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", hint="en, fr, pt-BR …"),
        Col("text", nonempty=True, doc="the full text, byte-exact"),
        Col("folder"),
    ), nested=(Col("key_points", key="key_points", input="key_points",
                   hint="the header's headline points"),),
        singular="article", label="title"),
    Frame("sources", "source_id", (
        _id("source_id"),
        Col("name", key="name", required=True, nonempty=True, hint="as the text names it"),
        Col("kind", "cat", key="kind", required=True, values=SOURCE_KINDS),
        Col("reliability", "cat", key="reliability", required=True, values=RELIABILITY,
            ordered=True, input="grade", judgment=True,
            hint="the source's track record, judged apart from this information"),
        Col("note", key="note", input="long"),
        Col("via", key="via", pattern=_SLUG_OR_EMPTY, input="source", refers="sources",
            doc="the source this one relays (aggregator → broadcaster → readout)",
            hint="the source this one relays"),
        *_REVIEW,
    ), nested=(_EVIDENCE,), list="sources", singular="source", registry=True,
        label="name"),
    Frame("actors", "actor_id", (
        _id("actor_id"),
        Col("name", key="name", required=True, nonempty=True),
        Col("kind", "cat", key="kind", required=True, values=ACTOR_KINDS),
        Col("country", key="country", pattern=r"^([A-Z]{3})?$",
            hint="ISO 3166 alpha-3, or empty"),
        Col("parent_id", key="parent", pattern=_SLUG_OR_EMPTY, input="actor",
            refers="actors", hint="the actor this one belongs to"),
        Col("role", key="role", hint="a title, e.g. foreign minister"),
        Col("bloc", key="bloc", nonempty=True, pattern=ID_PATTERN, input="bloc",
            refers="blocs", hint="colour group; default: the parent's, else its own id"),
        Col("aliases", key="aliases", doc="other names, joined by |", input="names"),
        Col("members", key="members", doc="a group's member actor ids, space-separated",
            input="actors", refers="actors", hint="a group's members, when named"),
        *_REVIEW,
    ), list="actors", singular="actor", registry=True, label="name"),
    Frame("blocs", "bloc_id", (
        _id("bloc_id"),
        Col("label", key="label", hint="the legend's words"),
        Col("color", key="color", pattern=r"^(#[0-9a-fA-F]{6})?$", hint="#rrggbb, or empty"),
    ), doc="colour groups of actors; declared ones carry a label and colour",
        list="blocs", singular="bloc", registry=True, label="label"),
    Frame("events", "event_id", (
        _id("event_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("date", "date", key="date", nullable=True),
        Col("date_precision", "cat", values=DATE_PRECISIONS, nullable=True),
        Col("date_end", "date", key="date_end", nullable=True,
            doc="last day of a range (October 27 and 28; during the visit)",
            hint="the last day of a span; empty for one day"),
        Col("date_end_precision", "cat", values=DATE_PRECISIONS, nullable=True),
        Col("date_basis", "cat", key="date_basis", values=DATE_BASES, nullable=True,
            default=None, start="article"),
        Col("date_note", key="date_note", hint="how the date was found"),
        Col("plover_type", "cat", key="plover_type", required=True, values=PLOVER_TYPES,
            input="plover"),
        Col("plover_mode", key="plover_mode", input="plover", start=""),
        Col("cameo_code", key="cameo_code", required=True, pattern=r"^\d{2,4}$",
            input="plover"),
        Col("goldstein", "float", lo=-10, hi=10, derived=True),
        Col("status", "cat", key="status", required=True, values=STATUSES, start="occurred"),
        Col("source_id", key="source", required=True, pattern=ID_PATTERN, input="source",
            refers="sources"),
        Col("credibility", "int", key="credibility", required=True, lo=1, hi=6,
            input="grade", judgment=True,
            hint="how likely the information is, judged apart from the source"),
        Col("summary", key="summary", required=True, nonempty=True, input="long"),
        Col("cameo_name", derived=True),
        Col("plover_score", "float", lo=-10, hi=10, derived=True),
        Col("quad_class", "cat", values=QUAD_CLASSES, derived=True),
        *_REVIEW,
    ), nested=(Col("participants", key="participants", input="participants",
                   refers="actors", start={"actor": [PLACEHOLDER]}), _EVIDENCE),
        list="events", singular="event", evidence=True, nonempty_list=True,
        label="summary"),
    Frame("participants", "event_id", (
        Col("event_id", pattern=FACT_ID_PATTERN),
        Col("actor_id"),
        Col("role", "cat", values=ROLES),
    ), unique_together=("event_id", "actor_id", "role")),
    Frame("statements", "statement_id", (
        _id("statement_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("speaker_id", key="speaker", required=True, pattern=ID_PATTERN, input="actor",
            refers="actors"),
        Col("event_id", key="event", pattern=r"^([a-z][a-z0-9-]{0,63}(/[a-z][a-z0-9-]{0,63})?)?$",
            doc='"" when the statement belongs to no event', input="event", refers="events"),
        Col("source_id", key="source", required=True, pattern=ID_PATTERN, input="source",
            refers="sources"),
        Col("attribution", "cat", key="attribution", required=True, values=ATTRIBUTIONS),
        Col("quote_type", "cat", key="quote_type", required=True, values=QUOTE_TYPES,
            start="direct"),
        Col("text", key="text", required=True, nonempty=True, input="long"),
        *_REVIEW,
    ), nested=(_EVIDENCE,), list="statements", singular="statement", evidence=True,
        label="text"),
    Frame("issues", "issue_id", (
        _id("issue_id"),
        Col("label", key="label", required=True, nonempty=True),
        Col("scale_0", key="scale_0", required=True, nonempty=True, hint="what 0 means"),
        Col("scale_100", key="scale_100", required=True, nonempty=True,
            hint="what 100 means"),
        *_REVIEW,
    ), list="issues", singular="issue", registry=True, label="label"),
    Frame("positions", "position_id", (
        _id("position_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("actor_id", key="actor", required=True, pattern=ID_PATTERN, input="actor",
            refers="actors"),
        Col("issue_id", key="issue", required=True, pattern=ID_PATTERN, input="issue",
            refers="issues"),
        Col("position", "float", key="position", required=True, lo=0, hi=100,
            input="scale", judgment=True),
        Col("salience", "float", key="salience", required=True, lo=0, hi=100,
            input="scale", judgment=True, hint="0–100: how much it matters to the actor"),
        Col("confidence", "cat", key="confidence", required=True, values=CONFIDENCE,
            judgment=True),
        Col("rationale", key="rationale", input="long", hint="why the analyst placed it there"),
        Col("basis", values=(BASIS,)),
        *_REVIEW,
    ), nested=(_EVIDENCE,), list="positions", singular="position", evidence=True,
        label="rationale"),
    Frame("evidence", "fact_id", (
        Col("evidence_id", pattern=r"^[a-z][a-z0-9/-]{0,130}#[1-9]\d*$", unique=True),
        Col("fact_id", pattern=FACT_ID_PATTERN),
        Col("fact_kind", "cat", values=FACT_KINDS),
        Col("article_id"),
        Col("start", "int", lo=0),
        Col("end", "int", lo=1),
        Col("quote", nonempty=True),
        Col("sentence_id"),
    )),
    Frame("sentences", "sentence_id", (
        Col("sentence_id", unique=True),
        Col("article_id"),
        Col("index", "int", lo=0),
        Col("start", "int", lo=0),
        Col("end", "int", lo=1),
        Col("text", nonempty=True),
        Col("is_heading", "bool"),
    )),
    Frame("key_points", "article_id", (
        Col("article_id"),
        Col("point", "int", lo=1),
        Col("text", key="text", required=True, nonempty=True, input="long"),
        Col("fact_ids", nonempty=True, doc="the facts it rests on, space-separated"),
    ), nested=(Col("facts", key="facts", input="facts", refers="facts"),),
        doc="the analyst's headline points of an article", singular="key point",
        label="text"),
)}

# The facts.yaml document: one `article` mapping, then these lists, in this order.
LISTS: tuple[Frame, ...] = tuple(f for f in FRAMES.values() if f.list)
# Frames by their top-level list name, and the registry's lists.
BY_LIST: dict[str, Frame] = {f.list: f for f in LISTS if f.list}
REGISTRY_LISTS = tuple(f.list for f in LISTS if f.registry and f.list)
# What a `refers="facts"` value may name: the items that carry evidence.
FACT_LISTS = tuple(f.list for f in LISTS if f.evidence and f.list)


# ---- views used by the loader, the schema and the charts -------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {name: f.columns for name, f in FRAMES.items()}
ID_COLUMN: dict[str, str] = {name: f.id for name, f in FRAMES.items()}
CATEGORIES: dict[str, dict[str, tuple[Any, ...]]] = {
    name: {c.name: c.values for c in f.cols if c.dtype == "cat"}
    for name, f in FRAMES.items() if any(c.dtype == "cat" for c in f.cols)
}
ORDERED = {(name, c.name) for name, f in FRAMES.items() for c in f.cols if c.ordered}
DERIVED: dict[str, tuple[str, ...]] = {
    name: tuple(c.name for c in f.cols if c.derived)
    for name, f in FRAMES.items() if any(c.derived for c in f.cols)
}
# pandas dtype of each non-categorical column.
PANDAS_DTYPES = {"str": "str", "int": "int64", "float": "float64", "bool": "bool",
                 "date": "datetime64[ns]"}
