"""Issue 21, session 25: who an act is toward, on fictional sentences."""

import datetime as dt

import pytest

from briefing.draft import draft


def _first(text: str) -> dict:
    d = draft(text, published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    return d["events"][0]


@pytest.mark.parametrize("text, plover_type, actor, recipient", [
    # whoever stands in a phrase's gap is the one asked
    ("Sweden asked Norway to withdraw its troops.", "REQUEST", ["sweden"], ["norway"]),
    ("Sweden pressed Norway to withdraw its troops.", "REQUEST", ["sweden"], ["norway"]),
    # those joined to the first recipient are recipients too
    ("The United States urged Norway and Sweden to settle the dispute.", "REQUEST",
     ["united-states"], ["norway", "sweden"]),
    ("Germany urged Poland, Lithuania and Latvia to show restraint.", "REQUEST",
     ["germany"], ["poland", "lithuania", "latvia"]),
])
def test_the_recipients_of_an_act(text, plover_type, actor, recipient):
    event = _first(text)
    assert event["plover_type"] == plover_type
    assert event["participants"]["actor"] == actor
    assert event["participants"].get("recipient") == recipient


def test_a_call_to_a_counterpart_named_by_state_is_between_the_two():
    event = _first("Sweden called its Norwegian counterpart on Monday.")
    assert (event["plover_type"], event["participants"]["actor"]) == (
        "CONSULT", ["sweden", "norway"])
