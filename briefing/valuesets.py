"""The value sets of the contract: plain constants, importable without pandera.

`briefing.schema` builds the pandera models on these; the loader reads them while it
parses (and imports pandera only when it validates, not when a cached base is returned).
"""

from __future__ import annotations

ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}$"

SOURCE_KINDS = ("wire", "state_media", "official", "anonymous", "document", "analyst")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
ACTOR_KINDS = ("state", "person", "organization", "facility")
STATUSES = ("occurred", "announced", "proposed", "historical", "hypothetical", "negated")
ROLES = ("actor", "recipient", "via", "subject")
ATTRIBUTIONS = ("on_record", "spokesperson", "state_media_relay", "anonymous")
QUOTE_TYPES = ("direct", "indirect")
CONFIDENCE = ("low", "moderate", "high")
DATE_PRECISIONS = ("day", "month", "year")
DATE_BASES = ("article", "resolved", "context")
FACT_KINDS = ("event", "statement", "position", "source")
# PLOVER types in the manual's order, cooperation first; the codebook must agree.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict",
                "material conflict")
BASIS = "analyst_judgment"

# Columns stored as categoricals with these categories, in this order, so that every
# frame (and every subset of it) sorts and colours a value set the same way.
CATEGORIES: dict[str, dict[str, tuple[str, ...]]] = {
    "articles": {"published_basis": DATE_BASES},
    "sources": {"kind": SOURCE_KINDS, "reliability": RELIABILITY},
    "actors": {"kind": ACTOR_KINDS},
    "events": {"date_precision": DATE_PRECISIONS, "date_basis": DATE_BASES,
               "plover_type": PLOVER_TYPES, "status": STATUSES, "quad_class": QUAD_CLASSES},
    "participants": {"role": ROLES},
    "statements": {"attribution": ATTRIBUTIONS, "quote_type": QUOTE_TYPES},
    "positions": {"confidence": CONFIDENCE},
    "evidence": {"fact_kind": FACT_KINDS},
}
ORDERED = {("sources", "reliability")}

# The column that names a row's fact in each frame (for problem messages).
ID_COLUMN = {
    "articles": "article_id", "sources": "source_id", "actors": "actor_id",
    "events": "event_id", "participants": "event_id", "statements": "statement_id",
    "issues": "issue_id", "positions": "position_id", "evidence": "fact_id",
    "sentences": "sentence_id", "key_points": "article_id",
}  # fmt: skip
