"""Synthetic, valid fact bases for the benchmark: N article folders of about 50 facts each.

    .venv/bin/python -m bench.generate 1000 /tmp/facts-1000

Each article is a made-up wire report whose sentences are generated together with the
facts that cite them, so every quote occurs in the text exactly once and every id is
unique across the base. States, sources and issues come from small shared pools and are
declared identically in every article that uses them (as "Iran is Iran in every
article"); each article also names a few people of its own, so the actor list grows with
the base the way a real archive's does. The output is deterministic for a given N.

The facts are invented and say nothing about the real world; they exist to load, select
and draw at scale with the same shape as the hand-coded article (~40 KB of YAML).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pandas as pd

from briefing.codebooks import assets_dir, load_codebooks

EVENTS, STATEMENTS, POSITIONS = 32, 10, 8  # 50 facts per article
PEOPLE = 3  # people of the article's own; they push the actor count to ~3 per article

STATES = [
    ("IRN", "Iran"), ("RUS", "Russia"), ("USA", "United States"), ("ISR", "Israel"),
    ("CHN", "China"), ("PAK", "Pakistan"), ("TUR", "Turkey"), ("SAU", "Saudi Arabia"),
    ("QAT", "Qatar"), ("OMN", "Oman"), ("IRQ", "Iraq"), ("SYR", "Syria"),
    ("EGY", "Egypt"), ("JOR", "Jordan"), ("ARE", "United Arab Emirates"), ("IND", "India"),
    ("FRA", "France"), ("DEU", "Germany"), ("GBR", "United Kingdom"), ("JPN", "Japan"),
    ("BRA", "Brazil"), ("ZAF", "South Africa"), ("KAZ", "Kazakhstan"), ("AZE", "Azerbaijan"),
    ("ARM", "Armenia"), ("LBN", "Lebanon"), ("YEM", "Yemen"), ("KWT", "Kuwait"),
    ("BHR", "Bahrain"), ("AFG", "Afghanistan"),
]
BLOCS = {"IRN": "iran", "RUS": "russia", "USA": "us-israel", "ISR": "us-israel",
         "CHN": "china-pakistan", "PAK": "china-pakistan"}
SOURCES = [
    ("src-wire", "The reporting wire service", "wire", "B"),
    ("src-state-a", "A state news agency", "state_media", "C"),
    ("src-state-b", "Another state broadcaster", "state_media", "D"),
    ("src-ministry", "A foreign ministry statement", "official", "B"),
    ("src-unnamed", "An unnamed official", "anonymous", "E"),
    ("src-diplomat", "A diplomat speaking on background", "anonymous", "D"),
    ("src-document", "A published treaty text", "document", "A"),
    ("src-analyst", "An outside analyst", "analyst", "C"),
]
ISSUES = [
    (f"iss-topic-{k}", f"Question {k} of the region", f"Opposes change on question {k}",
     f"Fully backs change on question {k}") for k in range(1, 13)
]
STATUSES = ("occurred", "occurred", "occurred", "announced", "proposed", "historical",
            "hypothetical", "negated", "ongoing", "planned", "postponed", "cancelled")
VERBS = ("met", "called", "warned", "urged", "thanked", "criticised", "visited",
         "briefed", "pressed", "reassured", "rebuked", "consulted")
TOPICS = ("the ceasefire talks", "grain shipments", "the nuclear file", "border security",
          "energy prices", "a prisoner exchange", "port access", "sanctions relief",
          "air defence", "a regional summit", "water rights", "rail links")
CITIES = ("Moscow", "Tehran", "Ankara", "Doha", "Muscat", "Geneva", "Vienna", "Beijing",
          "Cairo", "Riyadh", "Baku", "Delhi")


def _codebook_choices() -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """CAMEO codes that agree with each PLOVER type (as the loader checks), and the
    PLOVER (type, mode) pairs."""
    base = assets_dir() / "codebooks"
    books = load_codebooks(base)
    plover = pd.read_csv(base / "plover.csv", dtype=str, keep_default_na=False)
    codes = sorted(books.cameo["cameo_code"].astype(str))
    by_type = {t: [c for c in codes if books.plover_type_of(c) in (t, None)]
               for t in dict.fromkeys(plover["plover_type"])}
    return by_type, list(zip(plover["plover_type"], plover["plover_mode"], strict=True))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def article(i: int, cameo_codes: dict[str, list[str]], plover: list[tuple[str, str]]
            ) -> tuple[str, str]:
    """(article.txt, facts.yaml) of synthetic article number `i`."""
    rnd = random.Random(i)
    aid = f"art-{i:05d}"
    pre = f"a{i}"
    published = dt.date(2024, 1, 1) + dt.timedelta(days=(i * 7) % 700)
    states = rnd.sample(STATES, 8)
    people = [(f"{pre}-person-{k}", f"Official {k} of report {i}", rnd.choice(states))
              for k in range(1, PEOPLE + 1)]
    actor_ids = [iso.lower() for iso, _ in states] + [p[0] for p in people]
    names = {iso.lower(): name for iso, name in states} | {p[0]: p[1] for p in people}
    issues = rnd.sample(ISSUES, 3)

    sentences = [f"Report {i}: diplomacy across the region\n"]
    lines: list[str] = []

    def sentence(text: str) -> str:
        sentences.append(text + " ")
        return text

    events, statements, positions = [], [], []
    for k in range(EVENTS):
        who, whom = rnd.sample(actor_ids, 2)
        ptype, mode = rnd.choice(plover)
        day = published - dt.timedelta(days=rnd.randrange(0, 60))
        quote = sentence(f"In item {k} of report {i}, {names[who]} {rnd.choice(VERBS)} "
                         f"{names[whom]} in {rnd.choice(CITIES)} over {rnd.choice(TOPICS)}.")
        precision = rnd.random()
        note = (f"Resolved against the publication date {published}; the report dates "
                f"item {k} relative to it, and the analyst checked the weekday against the "
                f"dateline before coding it.")
        summary = f"{names[who]} and {names[whom]}: item {k} of report {i}, coded as " \
                  f"{ptype.lower()} {mode}".strip()
        date = (day.isoformat() if precision < 0.8 else _q(day.strftime("%Y-%m"))
                if precision < 0.95 else str(day.year))
        # The many-articles features: every 8th event a joint act (both sides as actors,
        # no recipient), every 10th a span of days, every 16th undated.
        mutual = k % 8 == 0
        when = (f"    date: {date}\n"
                f"    date_basis: {rnd.choice(('article', 'resolved', 'context'))}\n")
        if k % 16 == 3:
            when = ""
        elif k % 10 == 1 and precision < 0.8:
            when += f"    date_end: {(day + dt.timedelta(days=1 + k % 3)).isoformat()}\n"
        roles = (f"      actor: [{who}, {whom}]\n" if mutual else
                 f"      actor: [{who}]\n      recipient: [{whom}]\n")
        events.append(
            f"  # Coding note: item {k} reads as {ptype} ({mode or 'no mode'}); the verb and "
            f"its object decide the mode,\n  # the CAMEO code follows the closest row.\n"
            f"  - id: {pre}-ev-{k}\n"
            f"{when}"
            f"    date_note: {_q(note)}\n"
            f"    plover_type: {ptype}\n"
            f"    plover_mode: {_q(mode)}\n"
            f"    cameo_code: {_q(rnd.choice(cameo_codes[ptype]))}\n"
            f"    status: {rnd.choice(STATUSES)}\n"
            f"    source: {rnd.choice(SOURCES)[0]}\n"
            f"    credibility: {rnd.randint(1, 6)}\n"
            f"    summary: {_q(summary)}\n"
            f"    participants:\n"
            f"{roles}"
            f"    evidence:\n"
            f"      - {_q(quote)}\n")
    for k in range(STATEMENTS):
        speaker = rnd.choice(actor_ids)
        quote = sentence(f"{names[speaker]} said on item {k} of report {i} that "
                         f"{rnd.choice(TOPICS)} must be settled by talks.")
        statements.append(
            f"  - id: {pre}-st-{k}\n"
            f"    speaker: {speaker}\n"
            f"    event: {pre}-ev-{k}\n"
            f"    source: {rnd.choice(SOURCES)[0]}\n"
            f"    attribution: {rnd.choice(('on_record', 'spokesperson', 'anonymous'))}\n"
            f"    quote_type: {rnd.choice(('direct', 'indirect'))}\n"
            f"    text: {_q(f'{rnd.choice(TOPICS).capitalize()} must be settled by talks')}\n"
            f"    evidence:\n"
            f"      - {_q(quote)}\n")
    for k in range(POSITIONS):
        actor = rnd.choice(actor_ids)
        issue = rnd.choice(issues)[0]
        quote = sentence(f"Observers of report {i} read stance {k} of {names[actor]} "
                         f"as {rnd.choice(('firm', 'cautious', 'shifting', 'guarded'))}.")
        rationale = (f"Judged from stance {k} of report {i} and the tone of the "
                     "statements quoted around it; an analyst judgment that weighs what the "
                     "actor said on the record against what unnamed officials reported, and "
                     "that would move if later reporting contradicted either.")
        positions.append(
            f"  - id: {pre}-pos-{k}\n"
            f"    actor: {actor}\n"
            f"    issue: {issue}\n"
            f"    position: {rnd.randint(0, 100)}\n"
            f"    salience: {rnd.randint(0, 100)}\n"
            f"    confidence: {rnd.choice(('low', 'moderate', 'high'))}\n"
            f"    rationale: {_q(rationale)}\n"
            f"    evidence:\n"
            f"      - {_q(quote)}\n")

    lines.append(f"article:\n  id: {aid}\n  title: {_q(f'Synthetic report {i}')}\n"
                 f"  outlet: {_q('Synthetic Wire')}\n  published: {published}\n"
                 f"  published_basis: article\n  language: en\n  key_points:\n")
    for k in range(3):
        lines.append(f"    - text: {_q(f'Key point {k + 1} of report {i}')}\n"
                     f"      facts: [{pre}-ev-{k}]\n")
    lines.append("sources:\n")
    for sid, name, kind, grade in SOURCES:
        lines.append(f"  - id: {sid}\n    name: {_q(name)}\n    kind: {kind}\n"
                     f"    reliability: {grade}\n")
    lines.append("actors:\n")
    for iso, name in states:
        lines.append(f"  - id: {iso.lower()}\n    name: {_q(name)}\n    kind: state\n"
                     f"    country: {iso}\n"
                     + (f"    bloc: {BLOCS[iso]}\n" if iso in BLOCS else ""))
    for pid, name, (iso, state) in people:
        lines.append(f"  - id: {pid}\n    name: {_q(name)}\n    kind: person\n"
                     f"    country: {iso}\n    parent: {iso.lower()}\n"
                     f"    role: {_q(f'Envoy of {state}')}\n")
    lines.append("events:\n" + "".join(events))
    lines.append("statements:\n" + "".join(statements))
    lines.append("issues:\n")
    for iid, label, s0, s100 in issues:
        lines.append(f"  - id: {iid}\n    label: {_q(label)}\n    scale_0: {_q(s0)}\n"
                     f"    scale_100: {_q(s100)}\n")
    lines.append("positions:\n" + "".join(positions))
    header = (f"# Synthetic facts for benchmark report {i}; generated by bench/generate.py.\n"
              "# Invented: they describe no real events.\n\n")
    return "".join(sentences).rstrip() + "\n", header + "".join(lines)


def generate(n: int, out: Path | str, *, fresh: bool = True) -> Path:
    """Write `n` article folders under `out` (replacing what was there) and return it."""
    out = Path(out)
    if fresh and out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    cameo_codes, plover = _codebook_choices()
    for i in range(1, n + 1):
        text, facts = article(i, cameo_codes, plover)
        folder = out / f"art-{i:05d}"
        folder.mkdir(exist_ok=True)
        (folder / "article.txt").write_text(text, encoding="utf-8")
        (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="folder to write (replaced)")
    args = parser.parse_args()
    generate(args.n, args.out)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
