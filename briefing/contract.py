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
REVIEW = ("accepted", "pending", "rejected")
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


@dataclass(frozen=True)
class Frame:
    name: str
    id: str  # the column naming a row in problem messages
    cols: tuple[Col, ...]
    # YAML keys read by the parser that are not columns (lists of quotes, participants).
    extra_keys: tuple[str, ...] = ()
    unique_together: tuple[str, ...] = ()
    doc: str = ""

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
    return Col(name, key="id", required=True, pattern=pattern, unique=True)


# Machine-made facts wait for a person: `review: pending` plus the rule that proposed it.
_REVIEW = (Col("review", "cat", key="review", values=REVIEW, default="accepted",
               doc="accepted, pending (a machine draft awaiting review) or rejected"),
           Col("reason", key="reason", doc="why the drafter proposed it"))

FRAMES: dict[str, Frame] = {f.name: f for f in (
    Frame("articles", "article_id", (
        _id("article_id"),
        Col("title", key="title", required=True, nonempty=True),
        Col("outlet", key="outlet"),
        Col("published", "date", key="published", required=True),
        Col("language", key="language", default="en",
            pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"),
        Col("text", nonempty=True, doc="the full text, byte-exact"),
        Col("published_basis", "cat", key="published_basis", required=True,
            values=DATE_BASES),
        Col("folder"),
        Col("url", key="url", pattern=r"^(https?://\S+)?$"),
        Col("published_note", key="published_note",
            doc="how the publication date was found"),
    ), extra_keys=("key_points",)),
    Frame("sources", "source_id", (
        _id("source_id"),
        Col("name", key="name", required=True, nonempty=True),
        Col("kind", "cat", key="kind", required=True, values=SOURCE_KINDS),
        Col("reliability", "cat", key="reliability", required=True, values=RELIABILITY,
            ordered=True),
        Col("note", key="note"),
        Col("via", key="via", pattern=r"^([a-z][a-z0-9-]{0,63})?$",
            doc="the source this one relays (aggregator → broadcaster → readout)"),
        *_REVIEW,
    ), extra_keys=("evidence",)),
    Frame("actors", "actor_id", (
        _id("actor_id"),
        Col("name", key="name", required=True, nonempty=True),
        Col("kind", "cat", key="kind", required=True, values=ACTOR_KINDS),
        Col("country", key="country", pattern=r"^([A-Z]{3})?$"),
        Col("parent_id", key="parent", pattern=r"^([a-z][a-z0-9-]{0,63})?$"),
        Col("role", key="role"),
        Col("bloc", key="bloc", nonempty=True, pattern=ID_PATTERN),
        Col("aliases", key="aliases", doc="other names, joined by |"),
        Col("members", key="members", doc="a group's member actor ids, space-separated"),
        *_REVIEW,
    )),
    Frame("blocs", "bloc_id", (
        _id("bloc_id"),
        Col("label", key="label"),
        Col("color", key="color", pattern=r"^(#[0-9a-fA-F]{6})?$"),
    ), doc="colour groups of actors; declared ones carry a label and colour"),
    Frame("events", "event_id", (
        _id("event_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("date", "date", key="date", nullable=True),
        Col("date_precision", "cat", values=DATE_PRECISIONS, nullable=True),
        Col("date_basis", "cat", key="date_basis", values=DATE_BASES, nullable=True,
            default=None),
        Col("plover_type", "cat", key="plover_type", required=True, values=PLOVER_TYPES),
        Col("plover_mode", key="plover_mode"),
        Col("cameo_code", key="cameo_code", required=True, pattern=r"^\d{2,4}$"),
        Col("goldstein", "float", lo=-10, hi=10, derived=True),
        Col("status", "cat", key="status", required=True, values=STATUSES),
        Col("source_id", key="source", required=True, pattern=ID_PATTERN),
        Col("credibility", "int", key="credibility", required=True, lo=1, hi=6),
        Col("summary", key="summary", required=True, nonempty=True),
        Col("date_note", key="date_note"),
        Col("cameo_name", derived=True),
        Col("plover_score", "float", lo=-10, hi=10, derived=True),
        Col("quad_class", "cat", values=QUAD_CLASSES, derived=True),
        Col("date_end", "date", key="date_end", nullable=True,
            doc="last day of a range (October 27 and 28; during the visit)"),
        Col("date_end_precision", "cat", values=DATE_PRECISIONS, nullable=True),
        *_REVIEW,
    ), extra_keys=("participants", "evidence")),
    Frame("participants", "event_id", (
        Col("event_id", pattern=FACT_ID_PATTERN),
        Col("actor_id"),
        Col("role", "cat", values=ROLES),
    ), unique_together=("event_id", "actor_id", "role")),
    Frame("statements", "statement_id", (
        _id("statement_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("speaker_id", key="speaker", required=True, pattern=ID_PATTERN),
        Col("event_id", key="event", pattern=r"^([a-z][a-z0-9-]{0,63}(/[a-z][a-z0-9-]{0,63})?)?$",
            doc='"" when the statement belongs to no event'),
        Col("source_id", key="source", required=True, pattern=ID_PATTERN),
        Col("attribution", "cat", key="attribution", required=True, values=ATTRIBUTIONS),
        Col("quote_type", "cat", key="quote_type", required=True, values=QUOTE_TYPES),
        Col("text", key="text", required=True, nonempty=True),
        *_REVIEW,
    ), extra_keys=("evidence",)),
    Frame("issues", "issue_id", (
        _id("issue_id"),
        Col("label", key="label", required=True, nonempty=True),
        Col("scale_0", key="scale_0", required=True, nonempty=True),
        Col("scale_100", key="scale_100", required=True, nonempty=True),
        *_REVIEW,
    )),
    Frame("positions", "position_id", (
        _id("position_id", FACT_ID_PATTERN),
        Col("article_id"),
        Col("actor_id", key="actor", required=True, pattern=ID_PATTERN),
        Col("issue_id", key="issue", required=True, pattern=ID_PATTERN),
        Col("position", "float", key="position", required=True, lo=0, hi=100),
        Col("salience", "float", key="salience", required=True, lo=0, hi=100),
        Col("confidence", "cat", key="confidence", required=True, values=CONFIDENCE),
        Col("rationale", key="rationale"),
        Col("basis", values=(BASIS,)),
        *_REVIEW,
    ), extra_keys=("evidence",)),
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
        Col("text", key="text", required=True, nonempty=True),
        Col("fact_ids", nonempty=True, doc="the facts it rests on, space-separated"),
    ), extra_keys=("facts",), doc="the analyst's headline points of an article"),
)}

# The kinds of fact that carry evidence, by frame.
FACT_FRAMES = {"events": "event", "statements": "statement", "positions": "position",
               "sources": "source"}


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
