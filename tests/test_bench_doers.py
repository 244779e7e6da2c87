"""Issue 21: the drafter bench scores who did each matched event ("doers"), not only its
type and sentence — checked on the shipped example article and on a hand-made case."""

from __future__ import annotations

from pathlib import Path

from bench.draft import score

ROOT = Path(__file__).resolve().parents[1]


def test_doers_are_scored_on_the_matched_events_of_the_shipped_article():
    r = score(ROOT / "assets" / "articles" / "iran-russia-2025-06-23")
    right, matched = r["doers"]
    assert matched == r["events"][0] and matched > 0, r
    assert 0 < right <= matched, r


def test_a_drafted_doer_counts_only_when_it_is_a_coded_doer_or_its_state():
    from bench.draft import _doer_keys, load

    hand = load(ROOT / "assets" / "articles" / "iran-russia-2025-06-23", cache=False)
    doers = hand.participants[hand.participants["role"] == "actor"]
    event_id, actor_id = doers.iloc[0]["event_id"], doers.iloc[0]["actor_id"]
    coded = hand.actors.set_index("actor_id").loc[actor_id]
    state = coded["country"] or hand.actors.set_index("actor_id").loc[coded["parent_id"], "country"]
    d = {"actors": [
        {"id": "right", "kind": "state", "country": state, "name": "Somewhere", "parent": None},
        {"id": "wrong", "kind": "state", "country": "ATA", "name": "Antarctica", "parent": None},
        {"id": "envoy", "kind": "person", "country": "", "name": "A. Envoy", "parent": "right"},
    ]}
    of = _doer_keys(hand, d)
    assert of(event_id) & of(None, ["right"])
    assert of(event_id) & of(None, ["envoy"])   # a person of that state
    assert not of(event_id) & of(None, ["wrong"])
