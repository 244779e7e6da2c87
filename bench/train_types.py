"""Train the drafter's sentence model (`briefing/draft/learned.py`) on the bench's gold.

    python -m bench.train_types            # writes assets/gazetteer/sentence_types.json
    python -m bench.train_types --folds 5  # also prints cross-validated figures (no write)

Only `bench/gold/` is read: the held-out articles measure the model and must never train
it (the table lists the articles it was trained on; a test holds it to that). Plain
numpy gradient descent, deterministic: the same gold gives the same table.
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
    args = ap.parse_args(argv)
    folders = sorted(p for p in GOLD.iterdir() if (p / "facts.yaml").exists())
    data, codes = [], Counter()
    for folder in folders:
        rows, c = sentences(folder)
        data += [(folder.name, features(t), ts) for t, ts in rows]
        codes += c
    if args.folds:
        names = [f.name for f in folders]
        random.Random(7).shuffle(names)
        fold = {a: i % args.folds for i, a in enumerate(names)}
        right = wrong = 0
        for k in range(args.folds):
            vocab, w = fit([(fs, ts) for a, fs, ts in data if fold[a] != k])
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
    vocab, w = fit([(fs, ts) for _a, fs, ts in data])
    weights = {f: [round(float(v), 3) for v in w[j]] for f, j in vocab.items()
               if float(np.abs(w[j]).max()) >= 0.05}
    table = {
        "about": "written by `python -m bench.train_types` from bench/gold only",
        "trained_on": [f.name for f in folders],
        "types": TYPES,
        "bias": [round(float(v), 3) for v in w[-1]],
        "codes": {t: max((c for (pt, c) in codes if pt == t), key=lambda c: codes[(t, c)])
                  for t in TYPES if any(pt == t for pt, _ in codes)},
        "weights": weights,
    }
    MODEL.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True) + "\n",
                     encoding="utf-8")
    print(f"{MODEL.name}: {len(weights)} features, {len(data)} sentences, "
          f"{len(folders)} articles")


if __name__ == "__main__":
    main()
