"""Trigger words → CAMEO → PLOVER, participants, and status from negation and modality."""

import pytest

from briefing.draft import draft


def _events(text: str) -> list[dict]:
    return draft(text, published="2025-06-23", known=None)["events"]


@pytest.mark.parametrize("text, code, ptype, mode", [
    ("Germany sent its foreign minister to Kenya on Monday.", "042", "CONSULT", "visit"),
    ("Brazil condemned the Argentine decision.", "111", "ACCUSE", "disapprove"),
    ("India called for restraint after the clash.", "0256", "REQUEST", "yield"),
    ("Ghana offered to mediate between Mali and Niger.", "039", "AGREE", ""),
    ("Mexico seized two Cuban fishing boats.", "171", "COERCE", "seize"),
    ("Japan imposed sanctions on North Korea.", "163", "COERCE", "restrict"),
    ("Turkish airstrikes hit Syria overnight.", "195", "ASSAULT", "heavy-weapons"),
])
def test_trigger_codes(text, code, ptype, mode):
    e = _events(text)[0]
    assert (e["cameo_code"], e["plover_type"], e["plover_mode"]) == (code, ptype, mode)
    assert e["review"] == "pending" and code in e["reason"]
    assert e["credibility"] == "TODO"


def test_who_does_what_to_whom():
    e = _events("Brazil condemned Argentina on Monday.")[0]
    assert e["participants"] == {"actor": ["brazil"], "recipient": ["argentina"]}
    assert e["evidence"] == ["Brazil condemned Argentina on Monday"]


def test_coordinated_subjects_act_together():
    e = _events("Russia, China, and Pakistan proposed a resolution at the UN.")[0]
    assert e["participants"]["actor"] == ["russia", "china", "pakistan"]


def test_a_mutual_act_has_both_sides_as_actors():
    e = _events("Norway held talks with Sweden in Oslo.")[0]
    assert e["participants"] == {"actor": ["norway", "sweden"]}


@pytest.mark.parametrize("text, status", [
    ("Spain has not yet condemned Morocco.", "negated"),
    ("Chile will visit Peru next week.", "announced"),
    ("Egypt offered to mediate between Sudan and Chad.", "proposed"),
    ("Poland could expel Belarusian diplomats.", "hypothetical"),
    ("Italy expelled Iranian diplomats in 2019.", "historical"),
    ("Italy expelled Iranian diplomats on Monday.", "occurred"),
])
def test_status(text, status):
    assert _events(text)[0]["status"] == status


def test_a_participle_used_as_an_adjective_is_no_event():
    assert _events("Iraq’s alleged weapons were never found.") == []


def test_no_actor_no_event():
    assert _events("Talks resumed after a long pause.") == []
