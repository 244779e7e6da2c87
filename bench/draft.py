"""The drafter against the hand coding: `python -m bench.draft`.

For every hand-coded article (`assets/articles/*`, `tests/data/articles/*`) the drafter
reads `article.txt` with the article's publication date and no knowledge of the fact base
(`known=None`: nothing learnt from the hand coding being scored), and the draft is scored:

  actors   recall of hand-coded states (by ISO code) and people (by name)
  events   recall of hand-coded events: a drafted event citing one of the same sentences
           with the same PLOVER type
  dates    on those matched events, the drafted date equals the hand-coded one (same
           precision); an undated draft of a dated event is wrong
  bad      drafted quotes not found in the text (must be 0)
  seconds  wall time of one `draft()` call

Targets: actors ≥ 90 %, events ≥ 50 %, dates ≥ 80 %, 0 bad quotes, < 1 s per article.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from briefing.draft import draft
from briefing.load import load
from briefing.text import locate, sentence_at, split_sentences

ROOT = Path(__file__).resolve().parent.parent


def _fmt(date, precision: str | None) -> str:
    """The hand-coded date as the fact format writes it (day, "YYYY-MM" or year)."""
    if date is None or date != date:   # None or NaT
        return ""
    date = str(date)[:10]
    return {"day": date, "month": date[:7], "year": date[:4]}.get(precision or "", date)


def _drafted_date(value) -> str:
    return "" if value is None else str(value)


def score(folder: Path) -> dict:
    hand = load(folder, cache=False)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    published = str(hand.articles["published"].iloc[0])[:10]
    t0 = time.perf_counter()
    # The fictional test article is dated in the future; judge it against its own date.
    d = draft(text, published=published, known=None,
              today=max(dt.date.today(), dt.date.fromisoformat(published)))
    seconds = time.perf_counter() - t0
    starts = [s["start"] for s in split_sentences("x", text)]

    def sentences_of(evidence) -> tuple[set[int], int]:
        found, bad = set(), 0
        for item in evidence:
            q, occ = (item, None) if isinstance(item, str) else (item["quote"],
                                                                  item.get("occurrence"))
            where = locate(text, q, occ)
            if isinstance(where, str):
                bad += 1
            else:
                found.add(sentence_at(starts, where[0]))
        return found, bad

    bad = 0
    drafted = []
    for e in d["events"]:
        sents, b = sentences_of(e["evidence"])
        bad += b
        drafted.append((sents, e["plover_type"], _drafted_date(e.get("date"))))
    for kind in ("statements", "sources"):
        for f in d[kind]:
            bad += sentences_of(f.get("evidence", []))[1]

    actors = hand.actors
    states = set(actors.loc[(actors["kind"] == "state") & (actors["country"] != ""), "country"])
    people = set(actors.loc[actors["kind"] == "person", "name"])
    d_states = {a["country"] for a in d["actors"] if a["kind"] == "state"}
    d_people = {a["name"] for a in d["actors"] if a["kind"] == "person"}
    found_actors = len(states & d_states) + len(people & d_people)

    ev = hand.evidence[hand.evidence["fact_kind"] == "event"]
    hand_sents: dict[str, set[int]] = {}
    for fact_id, start in zip(ev["fact_id"], ev["start"], strict=True):
        hand_sents.setdefault(fact_id, set()).add(sentence_at(starts, int(start)))
    matched = dates_right = 0
    for e in hand.events.itertuples(index=False):
        hits = [x for x in drafted
                if x[1] == e.plover_type and x[0] & hand_sents.get(e.event_id, set())]
        if hits:
            matched += 1
            want = _fmt(e.date, e.date_precision)
            dates_right += any(x[2] == want for x in hits)
    return {"article": folder.name, "actors": (found_actors, len(states) + len(people)),
            "missed": sorted((states - d_states) | (people - d_people)),
            "events": (matched, len(hand.events)), "dates": (dates_right, matched),
            "bad": bad, "seconds": seconds, "drafted": len(d["events"])}


def _pct(pair: tuple[int, int]) -> str:
    a, b = pair
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "–"


def main() -> None:
    folders = sorted(p for base in ("assets/articles", "tests/data/articles")
                     for p in (ROOT / base).iterdir() if (p / "facts.yaml").is_file())
    t0 = time.perf_counter()
    draft("Warm-up. Iran said so on Monday.", published="2025-06-23", known=None)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    draft("Warm-up. Iran said so on Monday.", published="2025-06-23")
    known = time.perf_counter() - t0
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min); first call (reads the tables) "
          f"{first:.2f} s; first call with the shipped base as knowledge {known:.2f} s")
    print(f"{'article':28} {'actors':>14} {'events':>14} {'dates':>14} {'bad':>4} "
          f"{'seconds':>8}  drafted")
    for f in folders:
        r = score(f)
        print(f"{r['article'][:28]:28} {_pct(r['actors']):>14} {_pct(r['events']):>14} "
              f"{_pct(r['dates']):>14} {r['bad']:>4} {r['seconds']:>8.3f}  {r['drafted']}")
        if r["missed"]:
            print(f"{'':28} missed actors: {', '.join(r['missed'])}")
    bad_inputs()


BAD_INPUTS = {
    "empty": b"",
    "5 MB of text": b"Iran met Iraq on Monday. " * 210_000,
    "binary": bytes(range(256)) * 64,
    "not UTF-8": "Le ministre a déclaré lundi.".encode("latin-1"),
    "HTML and script": b"<html><p>Iran met Iraq.</p><script>alert(1)</script></html>",
    "no punctuation": b"iran and iraq held talks on monday\nthe talks went well\n" * 50,
}


def bad_inputs() -> None:
    """The CLI on each bad input, as a user runs it: exit code, message, wall time."""
    import subprocess
    import sys
    import tempfile

    print(f"\n{'bad input':20} {'exit':>4} {'seconds':>8}  message")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(name, data, "2025-06-27") for name, data in BAD_INPUTS.items()]
        cases += [("malformed date", b"Iran met Iraq.", "2025-13-40"),
                  ("future date", b"Iran met Iraq.", "2999-01-01")]
        for i, (name, data, published) in enumerate(cases):
            src = Path(tmp) / f"in{i}.txt"
            src.write_bytes(data)
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "briefing", "draft", str(src),
                                "--published", published, "--into", str(Path(tmp) / f"o{i}")],
                               capture_output=True, text=True, cwd=ROOT)
            seconds = time.perf_counter() - t0
            message = (r.stderr or r.stdout).strip().splitlines()[-1][:90]
            print(f"{name:20} {r.returncode:>4} {seconds:>8.2f}  {message}")


if __name__ == "__main__":
    main()
