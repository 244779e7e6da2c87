"""Issue 21: the sentence model suggests an act where no rule read one — trained on the
gold only, masked names, and every suggestion marked as one for the analyst."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from briefing.codebooks import load_codebooks
from briefing.draft.learned import MODEL, features, sentence_types
from briefing.draft.triggers import plover_for
from tests.lead import after_lead

learned = importlib.import_module("briefing.draft.learned")
BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_model_was_trained_on_the_gold_and_never_on_the_held_out_articles():
    table = json.loads(MODEL.read_text(encoding="utf-8"))
    trained = set(table["trained_on"])
    gold = {p.name for p in (BENCH / "gold").iterdir() if (p / "facts.yaml").exists()}
    held_out = {p.name for p in (BENCH / "heldout").iterdir() if p.is_dir()}
    assert trained and trained <= gold, sorted(trained - gold)
    assert not trained & held_out, sorted(trained & held_out)
    # Each type's fallback code is a code of that type.
    assert set(table["types"]) == set(load_codebooks().plover_types)
    for ptype, code in table["codes"].items():
        assert plover_for(code)[0] == ptype, (ptype, code)


def test_names_and_numbers_are_masked_so_the_model_learns_how_acts_are_told():
    got = features("Ghana sent 300 troops to Togo and Burkina Faso")
    assert not {w for w in got if "ghana" in w or "togo" in w or "burkina" in w}, got
    assert {"<c>", "<n>", "sent", "<n>_troop"} <= got, got


def test_a_sentence_no_rule_reads_gets_a_suggestion_marked_as_one(monkeypatch):
    # The mechanism, at a threshold this sentence clears whatever the last training gave
    # (the shipped threshold is chosen by cross-validation, `python -m bench.train_types`).
    monkeypatch.setattr(learned, "THRESHOLD", 0.3)
    sentence = ("Ghana's foreign minister, Ama Mensah, told reporters on Monday that Togo "
                "had behaved like a bad neighbour.")
    assert sentence_types(sentence)[0][0] == "ACCUSE"
    [e] = after_lead(sentence)
    assert e["plover_type"] == "ACCUSE" and e["id"].endswith("-suggested"), e
    assert e["participants"] == {"actor": ["ama-mensah"], "recipient": ["togo"]}, e
    assert e["review"] == "pending" and "sentence model" in e["reason"], e


def test_a_sentence_a_rule_reads_gets_no_second_guess():
    got = after_lead("Ghana's foreign minister accused Togo on Monday of behaving like a bad "
                     "neighbour.")
    assert [e["plover_type"] for e in got] == ["ACCUSE"], got
    assert not any(e["id"].endswith("-suggested") for e in got), got



def test_the_written_sentences_are_labelled_as_the_codebooks_say():
    # bench/written/*.jsonl: fictional sentences written and labelled by hand to train the
    # model; each act's type is its CAMEO code's PLOVER type
    lines = [(p.name, n, json.loads(line)) for p in sorted((BENCH / "written").glob("*.jsonl"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip()]
    assert len(lines) >= 1000
    bad = [(f, n) for f, n, row in lines
           if len(row["types"]) != len(row["codes"]) or not row["sentence"].strip()
           or [plover_for(c)[0] for c in row["codes"]] != row["types"]]
    assert not bad, bad[:10]
    table = json.loads(MODEL.read_text(encoding="utf-8"))
    assert sum(table["written"].values()) == len(lines)


def test_a_type_the_rules_missed_in_a_sentence_is_suggested_when_the_model_is_very_sure(
        monkeypatch):
    sentence = "Ghana's foreign minister accused Togo on Monday of behaving like a bad neighbour."
    # the model (as if) very sure of a second act the rules did not read there
    monkeypatch.setattr(learned, "sentence_types",
                        lambda words: [("PROTEST", learned.SECOND), ("ACCUSE", 0.2)])
    got = after_lead(sentence)
    assert sorted(e["plover_type"] for e in got) == ["ACCUSE", "PROTEST"], got
    [more] = [e for e in got if e["plover_type"] == "PROTEST"]
    assert more["id"].endswith("-suggested") and "the rules read ACCUSE" in more["reason"]
    # not sure enough: nothing more
    monkeypatch.setattr(learned, "sentence_types",
                        lambda words: [("PROTEST", learned.SECOND - 0.01)])
    assert [e["plover_type"] for e in after_lead(sentence)] == ["ACCUSE"]
