"""Train the drafter's sentence model (`briefing/draft/learned.py`) on the bench's gold.

    python -m bench.train_types            # writes assets/gazetteer/sentence_types.json
    python -m bench.train_types --folds 5  # also prints cross-validated figures (no write)
    python -m bench.train_types --folds 5 --drafter   # ... of the whole drafter (slower)
    python -m bench.train_types --no-written          # the gold's sentences alone

It learns from `bench/gold/` and from the sentences in `bench/written/*.jsonl` (fictional
sentences written and labelled by hand for this model, one JSON object a line:
{"sentence": ..., "types": [PLOVER types], "codes": [CAMEO codes]}). The held-out
articles measure the model and must never train it (the table lists the articles it was
trained on; a test holds it to that). Cross-validation holds out gold articles only; the
written sentences always train. Plain numpy gradient descent, deterministic: the same data
gives the same table.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np

from briefing import load
from briefing.draft.learned import MODEL, THRESHOLD, features
from briefing.text import split_sentences

GOLD = Path(__file__).resolve().parent / "gold"
WRITTEN = Path(__file__).resolve().parent / "written"
TYPES = ["AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
         "ASSAULT"]
L2, EPOCHS, RATE, MIN_COUNT = 0.3, 1000, 0.5, 2


def sentences(folder: Path) -> tuple[list[tuple[str, set[str]]], Counter]:
    """Each body sentence of a gold article with the PLOVER types coded on it, and the
    CAMEO codes of its events."""
    hand = load(folder, cache=False)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    sents = [s for s in split_sentences("x", text) if not s["is_heading"]]
    types = dict(zip(hand.events["event_id"], hand.events["plover_type"], strict=True))
    coded: list[set[str]] = [set() for _ in sents]
    ev = hand.evidence[hand.evidence["fact_kind"] == "event"]
    for fact, start in zip(ev["fact_id"], ev["start"], strict=True):
        for i, s in enumerate(sents):
            if s["start"] <= int(start) < s["end"]:
                coded[i].add(types[fact])
    codes = Counter(zip(hand.events["plover_type"], hand.events["cameo_code"], strict=True))
    return [(text[s["start"]:s["end"]], c) for s, c in zip(sents, coded, strict=True)], codes


def written() -> list[tuple[str, str, set[str]]]:
    """(file, sentence, PLOVER types) of each line of bench/written/*.jsonl; a bad line
    stops the training with its file, line and field."""
    out = []
    for path in sorted(WRITTEN.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path.name}, line {n}: not JSON ({err.msg})") from None
            types = row.get("types") if isinstance(row, dict) else None
            sentence = row.get("sentence") if isinstance(row, dict) else None
            if not isinstance(sentence, str) or not sentence.strip():
                raise SystemExit(f"{path.name}, line {n}: field 'sentence' is not a sentence")
            if not isinstance(types, list) or not set(types) <= set(TYPES):
                raise SystemExit(f"{path.name}, line {n}: field 'types' must list PLOVER "
                                 f"types, got {types!r}")
            out.append((path.name, sentence, set(types)))
    return out


def fit(rows: list[tuple[set[str], set[str]]]) -> tuple[dict[str, int], np.ndarray]:
    counts = Counter(f for fs, _ in rows for f in fs)
    vocab = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x = np.zeros((len(rows), len(vocab) + 1), dtype=np.float32)
    for r, (fs, _) in enumerate(rows):
        for f in fs:
            if f in vocab:
                x[r, vocab[f]] = 1.0
    x[:, -1] = 1.0
    y = np.array([[t in ts for t in TYPES] for _, ts in rows], dtype=np.float32)
    w = np.zeros((x.shape[1], len(TYPES)), dtype=np.float32)
    n = len(rows)
    for _ in range(EPOCHS):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / n
        grad[:-1] += L2 / n * w[:-1]
        w -= RATE * grad
    return vocab, w


def probabilities(vocab: dict[str, int], w: np.ndarray, fs: set[str]) -> np.ndarray:
    z = w[-1].copy()
    for f in fs:
        if (j := vocab.get(f)) is not None:
            z += w[j]
    return 1 / (1 + np.exp(-z))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=0, help="cross-validate; write nothing")
    ap.add_argument("--drafter", action="store_true",
                    help="with --folds: score the whole drafter on each held-out fold")
    ap.add_argument("--no-written", action="store_true",
                    help="learn from the gold's sentences alone")
    args = ap.parse_args(argv)
    folders = sorted(p for p in GOLD.iterdir() if (p / "facts.yaml").exists())
    data, codes = [], Counter()
    for folder in folders:
        rows, c = sentences(folder)
        data += [(folder.name, features(t), ts) for t, ts in rows]
        codes += c
    extra = [] if args.no_written else written()
    always = [(features(t), ts) for _f, t, ts in extra]
    if args.folds:
        names = [f.name for f in folders]
        random.Random(7).shuffle(names)
        fold = {a: i % args.folds for i, a in enumerate(names)}
        if args.drafter:
            _drafter_folds(args.folds, fold, folders, data, always, codes)
            return
        right = wrong = 0
        for k in range(args.folds):
            vocab, w = fit([(fs, ts) for a, fs, ts in data if fold[a] != k] + always)
            for a, fs, ts in data:
                if fold[a] == k:
                    p = probabilities(vocab, w, fs)
                    j = int(np.argmax(p))
                    if p[j] >= THRESHOLD:
                        right += TYPES[j] in ts
                        wrong += TYPES[j] not in ts
        print(f"{args.folds}-fold, every sentence, p >= {THRESHOLD}: {right + wrong} "
              f"suggested, {right} of a type coded there")
        return
    vocab, w = fit([(fs, ts) for _a, fs, ts in data] + always)
    table = {
        "about": "written by `python -m bench.train_types` from bench/gold only",
        "trained_on": [f.name for f in folders],
        "written": {name: sum(1 for f, _t, _ts in extra if f == name)
                    for name in sorted({f for f, _t, _ts in extra})},
        **_table(vocab, w, codes, digits=3, least=0.05),
    }
    MODEL.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True) + "\n",
                     encoding="utf-8")
    print(f"{MODEL.name}: {len(table['weights'])} features, {len(data)} sentences of "
          f"{len(folders)} articles and {len(extra)} written ones")


def _drafter_folds(k: int, fold: dict[str, int], folders: list[Path], data: list,
                   always: list, codes: Counter) -> None:
    """The drafter's event figures (bench.draft's) on each gold fold, its model trained
    without that fold, at the shipped thresholds."""
    from bench.draft import score
    from briefing.draft import learned

    events = [0, 0]
    precise = [0, 0]
    shipped = learned._model
    try:
        for i in range(k):
            table = _table(*fit([(fs, ts) for a, fs, ts in data if fold[a] != i] + always),
                           codes)
            learned._model = lambda table=table: table
            for folder in folders:
                if fold[folder.name] == i:
                    r = score(folder)
                    events = [a + b for a, b in zip(events, r["events"], strict=True)]
                    precise = [a + b for a, b in zip(precise, r["precise"], strict=True)]
    finally:
        learned._model = shipped
    print(f"{k}-fold, the whole drafter on the gold: events {events[0]}/{events[1]} "
          f"({events[0] / events[1]:.1%}), precise {precise[0]}/{precise[1]} "
          f"({precise[0] / max(1, precise[1]):.1%})")


def _table(vocab: dict[str, int], w: np.ndarray, codes: Counter, *, digits: int | None = None,
           least: float = 0.0) -> dict[str, object]:
    """The model's table as `learned` reads it: weights rounded to `digits` and those of
    features no type weighs `least` or more left out (when written to the project)."""
    def num(v: float) -> float:
        return round(float(v), digits) if digits is not None else float(v)

    return {"types": TYPES, "bias": [num(v) for v in w[-1]], "codes": _codes(codes),
            "weights": {f: [num(v) for v in w[j]] for f, j in vocab.items()
                        if float(np.abs(w[j]).max()) >= least}}


def _codes(codes: Counter) -> dict[str, str]:
    """Each type's most common CAMEO code in the gold."""
    return {t: max((c for (pt, c) in codes if pt == t), key=lambda c: codes[(t, c)])
            for t in TYPES if any(pt == t for pt, _ in codes)}


if __name__ == "__main__":
    main()
