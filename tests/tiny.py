"""A tiny hand-made fact base for tests: two articles, a dozen actors, ten events.

It stands apart from the real facts under assets/ so that chart and selection tests do
not move when the analysts recode the article. Frames follow `briefing.model.COLUMNS`
and the dtypes an analyst expects: dates datetime64, offsets and credibility int,
goldstein and plover_score float, empty text as "".
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from briefing.model import COLUMNS, Briefing

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "codebooks"

A1 = "a1-envoy"
A2 = "a2-council"

TEXT1 = (
    "Khamenei sends envoy to Moscow\n"
    "Iranian leader Ali Khamenei dispatched his foreign minister to Moscow on Monday. "
    "Araqchi will deliver a message from Khamenei to Putin, requesting greater support. "
    "The U.S. struck Iranian nuclear sites on Sunday.\n"
    "Mediation\n"
    "Araqchi said Iran and Russia are coordinating their positions. "
    "Israel gave Moscow guarantees that Russian staff at Bushehr would not be harmed. "
    "The partnership agreement does not include a mutual defense clause. "
    "Trump withdrew from the nuclear agreement in 2018. "
    "Iran has resisted U.S. pressure since the 1979 revolution.\n"
)
TEXT2 = (
    "Ceasefire call at the Council\n"
    "Russia, China, and Pakistan proposed a resolution calling for an immediate ceasefire. "
    "Nebenzia recalled Colin Powell's 2003 remarks to the Council about Iraq. "
    "Nebenzia said, \u201cOnce again, we are being asked to believe the myths.\u201d\n"
)

# (actor_id, name, kind, country, parent_id, role, bloc)
ACTORS = [
    ("iran", "Iran", "state", "IRN", "", "", "iran"),
    ("russia", "Russia", "state", "RUS", "", "", "russia"),
    ("usa", "United States", "state", "USA", "", "", "us-israel"),
    ("israel", "Israel", "state", "ISR", "", "", "us-israel"),
    ("china", "China", "state", "CHN", "", "", "china-pakistan"),
    ("pakistan", "Pakistan", "state", "PAK", "", "", "china-pakistan"),
    ("khamenei", "Ali Khamenei", "person", "IRN", "iran", "Supreme Leader of Iran", "iran"),
    ("araqchi", "Abbas Araqchi", "person", "IRN", "iran", "Foreign Minister of Iran", "iran"),
    ("putin", "Vladimir Putin", "person", "RUS", "russia", "President of Russia", "russia"),
    ("nebenzia", "Vassily Nebenzia", "person", "RUS", "russia", "Russia's UN Ambassador",
     "russia"),
    ("unsc", "UN Security Council", "organization", "", "", "", "other"),
    ("bushehr", "Bushehr nuclear power plant", "facility", "IRN", "iran", "", "iran"),
]

SOURCES = [
    ("src-anon", "An unnamed source", "anonymous", "E", ""),
    ("src-tass", "TASS (Russian state news agency)", "state_media", "C", ""),
    ("src-article", "The article's own reporting", "wire", "B", ""),
    ("src-putin", "Vladimir Putin (on record)", "official", "C", ""),
]

# event_id, article, date, precision, basis, type, mode, cameo, status, source, cred,
# summary, quote, participants {role: [actor ids]}
EVENTS = [
    ("ev-envoy", A1, "2025-06-23", "day", "resolved", "CONSULT", "visit", "042", "occurred",
     "src-article", 2, "Khamenei sends Araqchi to Moscow with a message for Putin",
     "Ali Khamenei dispatched his foreign minister to Moscow on Monday",
     {"actor": ["khamenei"], "recipient": ["putin"], "via": ["araqchi"]}),
    ("ev-request", A1, "2025-06-23", "day", "resolved", "REQUEST", "assist", "023",
     "announced", "src-anon", 3, "Iran asks Russia for greater support",
     "requesting greater support", {"actor": ["iran"], "recipient": ["russia"]}),
    ("ev-strikes", A1, "2025-06-22", "day", "context", "ASSAULT", "aerial", "195",
     "occurred", "src-article", 1, "The United States strikes Iranian nuclear sites",
     "The U.S. struck Iranian nuclear sites on Sunday",
     {"actor": ["usa"], "recipient": ["iran"]}),
    ("ev-coordination", A1, "2025-06-23", "day", "resolved", "CONSULT", "", "040",
     "occurred", "src-tass", 3, "Iran and Russia coordinate their positions",
     "Iran and Russia are coordinating their positions",
     {"actor": ["iran", "russia"]}),
    ("ev-guarantees", A1, "2025-06", "month", "article", "AGREE", "", "030", "announced",
     "src-putin", 3, "Israel guarantees Russian staff at Bushehr will not be harmed",
     "Israel gave Moscow guarantees that Russian staff at Bushehr would not be harmed",
     {"actor": ["israel"], "recipient": ["russia"], "subject": ["bushehr"]}),
    ("ev-no-defense", A1, "2025", "year", "article", "COOPERATE", "", "060", "negated",
     "src-article", 2, "The partnership does not include a mutual defense clause",
     "does not include a mutual defense clause",
     {"actor": ["russia"], "recipient": ["iran"]}),
    ("ev-jcpoa-exit", A1, "2018", "year", "article", "REJECT", "", "12", "historical",
     "src-article", 1, "The United States withdraws from the nuclear agreement",
     "Trump withdrew from the nuclear agreement in 2018",
     {"actor": ["usa"], "recipient": ["iran"]}),
    ("ev-revolution", A1, "1979", "year", "article", "PROTEST", "", "11", "historical",
     "src-article", 1, "The 1979 revolution in Iran", "the 1979 revolution",
     {"actor": ["iran"]}),
    ("ev-resolution", A2, "2025-06-22", "day", "resolved", "REQUEST", "change", "023",
     "proposed", "src-article", 2,
     "Russia, China and Pakistan propose a ceasefire resolution to the UN Security Council",
     "Russia, China, and Pakistan proposed a resolution",
     {"actor": ["russia", "china", "pakistan"], "recipient": ["unsc"]}),
    ("ev-powell", A2, "2003", "year", "article", "ACCUSE", "allege", "112", "historical",
     "src-article", 2, "Nebenzia recalls Powell's 2003 claims about Iraq",
     "Colin Powell's 2003 remarks to the Council about Iraq",
     {"actor": ["nebenzia"], "recipient": ["unsc"], "subject": ["usa"]}),
]

STATEMENTS = [
    ("st-coordination", A1, "araqchi", "ev-coordination", "src-tass", "state_media_relay",
     "indirect", "Iran and Russia are coordinating their positions",
     "Araqchi said Iran and Russia are coordinating their positions"),
    ("st-myths", A2, "nebenzia", "", "src-article", "on_record", "direct",
     "Once again, we are being asked to believe the myths.",
     "Once again, we are being asked to believe the myths."),
]

ISSUES = [
    ("iss-support", "Russian support for Iran", "No Russian support beyond words",
     "Full military backing of Iran"),
    ("iss-ceasefire", "Ceasefire", "Continue the strikes", "Immediate unconditional ceasefire"),
]

# position_id, article, actor, issue, position, salience, confidence, rationale, quote
POSITIONS = [
    ("pos-iran-support", A1, "iran", "iss-support", 85, 90, "moderate",
     "Iran asks for more", "requesting greater support"),
    ("pos-russia-support", A1, "russia", "iss-support", 30, 60, "low",
     "No defense clause", "does not include a mutual defense clause"),
    ("pos-usa-support", A1, "usa", "iss-support", 5, 40, "moderate",
     "The US struck Iran", "The U.S. struck Iranian nuclear sites"),
    ("pos-russia-ceasefire", A2, "russia", "iss-ceasefire", 95, 80, "high",
     "Proposed the resolution", "proposed a resolution calling for an immediate ceasefire"),
    ("pos-china-ceasefire", A2, "china", "iss-ceasefire", 90, 60, "moderate",
     "Co-sponsor", "Russia, China, and Pakistan proposed"),
    ("pos-pakistan-ceasefire", A2, "pakistan", "iss-ceasefire", 88, 50, "moderate",
     "Co-sponsor", "Russia, China, and Pakistan proposed"),
]


def _sentences(article_id: str, text: str) -> list[dict]:
    rows, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        heading = not body.endswith((".", "\u201d"))
        spans = [(0, len(body))] if heading else [
            (m.start(), m.end()) for m in re.finditer(r"[^ ].*?[.\u201d](?= [A-Z]|$)", body)
        ]
        for s, e in spans:
            rows.append({"sentence_id": f"{article_id}:s{len(rows)}", "article_id": article_id,
                         "index": len(rows), "start": offset + s, "end": offset + e,
                         "text": body[s:e], "is_heading": heading})
        offset += len(line)
    return rows


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(COLUMNS[name]))
    for col in COLUMNS[name]:
        if frame[col].dtype == object:
            frame[col] = frame[col].astype(str)
    return frame


def tiny_briefing() -> Briefing:
    """Two articles' worth of facts, built by hand."""
    texts = {A1: TEXT1, A2: TEXT2}
    articles = _frame("articles", [
        {"article_id": A1, "title": "Khamenei sends Araqchi to Moscow", "outlet": "",
         "published": pd.Timestamp("2025-06-23"), "language": "en", "text": TEXT1,
         "published_basis": "context", "folder": A1},
        {"article_id": A2, "title": "Ceasefire resolution at the UN", "outlet": "Wire",
         "published": pd.Timestamp("2025-06-23"), "language": "en", "text": TEXT2,
         "published_basis": "context", "folder": A2},
    ])
    sentences = _frame("sentences", _sentences(A1, TEXT1) + _sentences(A2, TEXT2))
    sentences["index"] = sentences["index"].astype("int64")
    sentences["is_heading"] = sentences["is_heading"].astype(bool)

    cameo = pd.read_csv(ASSETS / "cameo.csv", dtype={"cameo_code": str})
    plover = pd.read_csv(ASSETS / "plover.csv", dtype=str, keep_default_na=False)
    plover["score"] = plover["score"].astype(float)
    admiralty = pd.read_csv(ASSETS / "admiralty.csv", dtype=str)
    gold = dict(zip(cameo["cameo_code"], cameo["goldstein"], strict=True))
    cname = dict(zip(cameo["cameo_code"], cameo["name"], strict=True))
    score = {(t, m): s for t, m, s in plover[["plover_type", "plover_mode", "score"]]
             .itertuples(index=False)}
    quad = dict(zip(plover["plover_type"], plover["quad_class"], strict=False))

    evidence: list[dict] = []

    def cite(fact_id: str, kind: str, article_id: str, quote: str) -> None:
        start = texts[article_id].index(quote)
        sid = next(s["sentence_id"] for s in sentences.to_dict("records")
                   if s["article_id"] == article_id and s["start"] <= start < s["end"])
        evidence.append({"evidence_id": f"evi-{len(evidence) + 1}", "fact_id": fact_id,
                         "fact_kind": kind, "article_id": article_id, "start": start,
                         "end": start + len(quote), "quote": quote, "sentence_id": sid})

    events, participants = [], []
    for (eid, art, date, prec, basis, ptype, mode, code, status, src, cred, summary, quote,
         parts) in EVENTS:
        events.append({
            "event_id": eid, "article_id": art, "date": pd.Timestamp(date),
            "date_precision": prec, "date_basis": basis, "plover_type": ptype,
            "plover_mode": mode, "cameo_code": code, "goldstein": float(gold[code]),
            "status": status, "source_id": src, "credibility": cred, "summary": summary,
            "date_note": "", "cameo_name": cname[code],
            "plover_score": float(score.get((ptype, mode), score[(ptype, "")])),
            "quad_class": quad[ptype]})
        for role, ids in parts.items():
            participants += [{"event_id": eid, "actor_id": a, "role": role} for a in ids]
        cite(eid, "event", art, quote)
    statements = []
    for sid, art, speaker, eid, src, attr, qtype, text, quote in STATEMENTS:
        statements.append({"statement_id": sid, "article_id": art, "speaker_id": speaker,
                           "event_id": eid, "source_id": src, "attribution": attr,
                           "quote_type": qtype, "text": text})
        cite(sid, "statement", art, quote)
    positions = []
    for pid, art, actor, issue, pos, sal, conf, why, quote in POSITIONS:
        positions.append({"position_id": pid, "article_id": art, "actor_id": actor,
                          "issue_id": issue, "position": pos, "salience": sal,
                          "confidence": conf, "rationale": why, "basis": "analyst_judgment"})
        cite(pid, "position", art, quote)

    events_f = _frame("events", events)
    events_f["date"] = pd.to_datetime(events_f["date"])
    events_f["credibility"] = events_f["credibility"].astype("int64")
    evidence_f = _frame("evidence", evidence)
    evidence_f[["start", "end"]] = evidence_f[["start", "end"]].astype("int64")
    positions_f = _frame("positions", positions)
    positions_f[["position", "salience"]] = positions_f[["position", "salience"]].astype(
        "int64")
    b = Briefing(
        articles=articles,
        sources=_frame("sources", [dict(zip(COLUMNS["sources"], r, strict=True))
                                   for r in SOURCES]),
        actors=_frame("actors", [dict(zip(COLUMNS["actors"], r, strict=True))
                                 for r in ACTORS]),
        events=events_f,
        participants=_frame("participants", participants),
        statements=_frame("statements", statements),
        issues=_frame("issues", [dict(zip(COLUMNS["issues"], r, strict=True))
                                 for r in ISSUES]),
        positions=positions_f,
        evidence=evidence_f,
        sentences=sentences,
        cameo=cameo,
        plover=plover,
        admiralty=admiralty,
    )
    # The loader hands out closed value sets as categoricals; so do we.
    return b.with_frames(**{
        name: b.frames()[name].astype(dict.fromkeys(cols, "category"))
        for name, cols in CATEGORICAL.items()})


CATEGORICAL = {
    "articles": ["published_basis"],
    "sources": ["kind", "reliability"],
    "actors": ["kind"],
    "events": ["date_precision", "date_basis", "plover_type", "status", "quad_class"],
    "participants": ["role"],
    "statements": ["attribution", "quote_type"],
    "positions": ["confidence"],
    "evidence": ["fact_kind"],
}

# Columns holding ids, per frame: what `scaled` renames to keep ids unique.
ID_COLUMNS = {
    "articles": ["article_id", "folder"],
    "events": ["event_id", "article_id"],
    "participants": ["event_id"],
    "statements": ["statement_id", "article_id", "event_id"],
    "positions": ["position_id", "article_id"],
    "evidence": ["evidence_id", "fact_id", "article_id", "sentence_id"],
    "sentences": ["sentence_id", "article_id"],
}


def scaled(b: Briefing, copies: int) -> Briefing:
    """`copies` articles' worth of facts: every article-level frame repeated with ids
    suffixed; actors, sources and issues shared (as across real articles)."""
    frames = {}
    for name, frame in b.frames().items():
        if name not in ID_COLUMNS:
            frames[name] = frame
            continue
        parts = []
        for i in range(copies):
            part = frame.copy()
            for col in ID_COLUMNS[name]:
                ok = part[col].astype("string").fillna("") != ""
                part[col] = part[col].astype(object).where(~ok, part[col].astype(object)
                                                           + f"-{i}")
            if name == "events":  # spread the copies over time, as a real archive would be
                part["date"] = part["date"] - pd.to_timedelta(i % 365, unit="D")
            parts.append(part)
        out = pd.concat(parts, ignore_index=True)
        frames[name] = out.astype({c: frame[c].dtype for c in frame.columns
                                   if isinstance(frame[c].dtype, pd.CategoricalDtype)})
    # positions: keep one set per (actor, issue) so the charts show a sensible table
    return b.with_frames(**frames)
