"""Accusations no verb names: a speaker says another did wrong ("said the trawler had
been fishing illegally"), and that saying is the speaker's accusation."""

import pytest

from briefing.draft import draft


def _events(text: str) -> list[dict]:
    return draft(text, published="2025-06-23", known=None)["events"]


def _accusations(text: str) -> list[dict]:
    return [e for e in _events(text) if e["plover_type"] == "ACCUSE"]


@pytest.mark.parametrize("text, code, actor, recipient", [
    ("Chile's foreign ministry said the Peruvian trawler had been fishing illegally near "
     "the islands.", "1121", "foreign-ministry-of-chile", "peru"),
    ("Ghana rejected the complaint on Friday, saying Togolese drones had entered Ghanaian "
     "airspace without permission.", "1123", "ghana", "togo"),
    ("A senior Kenyan official said Ugandan soldiers had crossed into Kenya.", "1123",
     "unnamed-senior-kenyan-official", "uganda"),
    ("Portugal called the shelling of the harbour a war crime.", "1124", "portugal", None),
])
def test_a_wrong_said_of_another_is_an_accusation(text, code, actor, recipient):
    (e,) = _accusations(text)
    assert (e["cameo_code"], e["participants"]["actor"]) == (code, [actor])
    assert e["participants"].get("recipient", [None])[0] == recipient
    assert "said: " in e["reason"] and e["status"] == "occurred"


def test_the_speaker_after_what_was_said_accuses():
    (e,) = _accusations("Estonian patrols crossed into Latvia on Monday, the Latvian "
                        "defence ministry said.")
    assert e["participants"]["actor"] == ["defence-ministry-of-latvia"]


@pytest.mark.parametrize("text", [
    "Norway said its coast guard had not entered Danish waters.",        # denied
    "Mexico warned that any incursion would be answered.",                # conditional
    "Finland said it had crossed into the zone by mistake.",              # its own act
    "Officials met in Oslo for talks on smuggling and illegal fishing, Norway said.",
])
def test_no_accusation_in_a_denial_a_condition_or_a_confession(text):
    assert _accusations(text) == []


def test_the_clause_with_the_wrong_decides_whose_it_is():
    (e,) = _accusations("Norway said it had acted lawfully and that Danish ships had "
                        "entered its waters without permission.")
    assert e["participants"]["actor"] == ["norway"]


def test_a_lexicon_verb_wins_over_the_speech_verb():
    # "denounced" is a trigger of its own: one disapproval, not also an accusation.
    events = _events("Peru denounced the incursion into its waters.")
    assert [e["plover_type"] for e in events] == ["ACCUSE"]
    assert events[0]["cameo_code"] == "111"


def test_every_speech_verb_of_a_sentence_is_read():
    # Two speech verbs, the first accusing: reading the second must not trip on the first.
    events = _accusations("Chile said Peruvian trawlers had been fishing illegally, and "
                          "Argentina's envoy told reporters that Uruguay had seized a "
                          "fishing boat.")
    assert events and all(e["participants"]["actor"] for e in events)


@pytest.mark.parametrize("text", [
    "Laos said Thai guards had provoked the incident by crossing the river.",
    "Bhutan called the statement interference in its internal affairs.",
    "Chile said the two sailors had been held as hostages by the Peruvian navy.",
])
def test_more_words_of_wrongdoing(text):
    assert "ACCUSE" in [e["plover_type"] for e in _events(text)]
