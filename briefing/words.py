"""Plain words for codes: the one vocabulary of the package.

What the codebooks define (Admiralty meanings, PLOVER quad classes, CAMEO names) is read
from the codebook frames on the Briefing, never copied here. What is ours — how a PLOVER
type, a status or a source kind reads in a sentence — is written once, here, and a test
checks that every value of the contract's value sets has its words.
"""

from __future__ import annotations

import pandas as pd

from briefing.model import Briefing

# How a PLOVER type reads as a kind of act ("consult", "use force").
PLOVER_WORDS = {
    "AGREE": "agree", "CONSULT": "consult", "SUPPORT": "support", "CONCEDE": "concede",
    "COOPERATE": "cooperate", "AID": "give aid", "RETREAT": "retreat or de-escalate",
    "REQUEST": "request", "ACCUSE": "accuse", "REJECT": "reject", "THREATEN": "threaten",
    "PROTEST": "protest", "SANCTION": "sanction", "MOBILIZE": "mobilise",
    "COERCE": "coerce", "ASSAULT": "use force",
}
# How it reads in a sentence with a recipient ("A consulted B") and without one.
VERBS = {
    "AGREE": ("agreed with", "agreed"), "CONSULT": ("consulted", "held talks"),
    "SUPPORT": ("expressed support for", "expressed support"),
    "CONCEDE": ("made a concession to", "made a concession"),
    "COOPERATE": ("cooperated with", "cooperated"), "AID": ("gave aid to", "gave aid"),
    "RETREAT": ("de-escalated toward", "de-escalated"),
    "REQUEST": ("made a request to", "made a request"), "ACCUSE": ("accused", "made an accusation"),
    "REJECT": ("rejected", "rejected a proposal"), "THREATEN": ("threatened", "made a threat"),
    "PROTEST": ("protested against", "protested"), "SANCTION": ("sanctioned", "imposed sanctions"),
    "MOBILIZE": ("mobilised against", "mobilised"), "COERCE": ("coerced", "used coercion"),
    "ASSAULT": ("used force against", "used force"),
}
# Mutual acts: both sides do them together; "A and B held talks".
MUTUAL_VERBS = {"CONSULT": "held talks", "AGREE": "agreed", "COOPERATE": "cooperated"}
STATUS_WORDS = {
    "occurred": "occurred",
    "ongoing": "ongoing",
    "announced": "announced",
    "planned": "planned, not yet done",
    "proposed": "proposed, not (yet) done",
    "postponed": "postponed",
    "cancelled": "cancelled: did not take place",
    "historical": "historical background",
    "hypothetical": "hypothetical",
    "negated": "negated: the text says it is not so",
}
SOURCE_KIND_WORDS = {"wire": "news agency", "state_media": "state media",
                     "official": "official", "anonymous": "anonymous source",
                     "document": "document", "analyst": "analyst", "outlet": "news outlet",
                     "aggregator": "news aggregator"}
ATTRIBUTION_WORDS = {"on_record": "on the record", "spokesperson": "through a spokesperson",
                     "state_media_relay": "relayed by state media",
                     "anonymous": "anonymously"}
BASIS_WORDS = {"article": "stated in the article",
               "resolved": "resolved from a relative date in the article",
               "context": "from outside the article (not evidence)"}
ACTOR_KIND_WORDS = {"state": "state", "person": "person", "organization": "organisation",
                    "facility": "facility", "group": "group of states or bodies",
                    "unnamed": "unnamed speaker"}
ROLE_WORDS = {"actor": "acting", "recipient": "receiving", "via": "carrying",
              "subject": "as subject"}
SCORE_BIN_WORDS = ("strong conflict", "conflict", "neutral", "cooperation",
                   "strong cooperation")


def plover_words(ptype: str, mode: str = "") -> str:
    words = PLOVER_WORDS.get(ptype, str(ptype).lower())
    return f"{words} ({mode})" if mode else words


def names(b: Briefing) -> dict[str, str]:
    """actor_id → display name."""
    return dict(zip(b.actors["actor_id"], b.actors["name"], strict=False))


def bloc_labels(b: Briefing) -> dict[str, str]:
    """bloc_id → its label (declared in the facts, else named after its actor)."""
    return dict(zip(b.blocs["bloc_id"], b.blocs["label"], strict=False))


def date_words(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """'23 June 2025', 'June 2025' or '2025' depending on the date's precision."""
    d = pd.to_datetime(dates)
    day = d.dt.strftime("%-d %B %Y")
    month = d.dt.strftime("%B %Y")
    year = d.dt.strftime("%Y")
    out = day.where(precision == "day", month.where(precision == "month", year))
    return out.fillna("date unknown").astype(object)


def span_words(start: object, start_precision: object, end: object,
               end_precision: object) -> str:
    """A date or a range in words: '27 October 2025', '27 October 2025 – 28 October 2025'."""
    return spans_words(pd.Series([start]), pd.Series([start_precision]), pd.Series([end]),
                       pd.Series([end_precision])).iloc[0]


def spans_words(start: pd.Series, start_precision: pd.Series, end: pd.Series,
                end_precision: pd.Series) -> pd.Series:
    """`span_words` over columns, indexed like `start`."""
    one = date_words(start, start_precision)
    if not end.notna().any():
        return one
    other = date_words(end, end_precision).where(end.notna(), one)
    joined = [a if b == a else f"{a} – {b}" for a, b in zip(one, other, strict=True)]
    return pd.Series(joined, index=start.index, dtype=object)


def goldstein_words(score: float) -> str:
    """What a Goldstein score (−10 conflict … +10 cooperation) means, in words."""
    bands = [(-7, "severe conflict"), (-3, "conflict"), (-0.5, "mild conflict"),
             (0.5, "neutral"), (3, "mild cooperation"), (7, "cooperation")]
    meaning = next((w for limit, w in bands if score < limit), "strong cooperation")
    return f"{score:+.1f}: {meaning} (Goldstein scale, −10 conflict … +10 cooperation)"


def reliability_meanings(b: Briefing) -> dict[str, str]:
    """Admiralty source grades A–F → their meaning, from the codebook."""
    a = b.admiralty[b.admiralty["axis"] == "reliability"]
    return dict(zip(a["grade"].astype(str), a["meaning"], strict=False))


def credibility_meanings(b: Briefing) -> dict[int, str]:
    """Admiralty information grades 1–6 → their meaning, from the codebook."""
    a = b.admiralty[b.admiralty["axis"] == "credibility"]
    return {int(g): m for g, m in zip(a["grade"], a["meaning"], strict=False)}


def quad_classes(b: Briefing) -> dict[str, str]:
    """PLOVER type → its quad class, from the PLOVER codebook."""
    first = b.plover.drop_duplicates("plover_type")
    return dict(zip(first["plover_type"], first["quad_class"], strict=False))
