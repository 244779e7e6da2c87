"""Selection → frames: filters, consistency across frames, plain-word fact details."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.describe import describe_actor, describe_event, describe_position, facts_for
from briefing.select import Selection, index, select
from tests.tiny import check, tiny_briefing


@pytest.fixture(scope="module")
def b():
    return check(tiny_briefing())


def ids(frame: pd.DataFrame, col: str) -> set[str]:
    return set(frame[col])


def assert_consistent(full, s) -> None:
    """Every reference in the selected frames points at a row that is still there."""
    ev = ids(s.events, "event_id")
    assert ids(s.participants, "event_id") <= ev
    assert ids(s.participants, "actor_id") <= ids(s.actors, "actor_id")
    facts = ev | ids(s.statements, "statement_id") | ids(s.positions, "position_id")
    assert ids(s.evidence, "fact_id") <= facts
    assert facts <= ids(s.evidence, "fact_id")  # every kept fact keeps its evidence
    linked = s.statements["event_id"].astype(str)
    assert set(linked[linked != ""]) <= ev
    assert ids(s.events, "source_id") <= ids(s.sources, "source_id")
    parents = set(s.actors["parent_id"].astype(str)) - {""}
    assert parents <= ids(s.actors, "actor_id")  # people come with their states
    assert ids(s.positions, "issue_id") <= ids(s.issues, "issue_id")


def test_empty_selection_is_the_briefing_itself(b):
    assert select(b, Selection()) is b


def test_selection_is_hashable_and_normalises_widget_values():
    a = Selection(actors=["iran"], event_types=("CONSULT",), date_from="2025-06-01")
    assert a == Selection(actors=frozenset({"iran"}), event_types=frozenset({"CONSULT"}),
                          date_from=pd.Timestamp("2025-06-01"))
    assert hash(a) == hash(Selection(actors={"iran"}, event_types={"CONSULT"},
                                     date_from=pd.Timestamp("2025-06-01")))
    with pytest.raises(ValueError):
        Selection(min_reliability="G")


def test_actor_filter_takes_people_of_a_state(b):
    s = select(b, Selection(actors={"iran"}))
    got = ids(s.events, "event_id")
    assert "ev-envoy" in got  # Khamenei → Putin via Araqchi: Khamenei belongs to Iran
    assert {"ev-strikes", "ev-request", "ev-revolution"} <= got
    assert not {"ev-resolution", "ev-powell"} & got
    assert_consistent(b, s)
    assert ids(s.positions, "actor_id") == {"iran"}


def test_actor_filter_finds_the_envoy_and_joint_actors(b):
    assert ids(select(b, Selection(actors={"araqchi"})).events, "event_id") == {"ev-envoy"}
    s = select(b, Selection(actors={"pakistan"}))
    assert ids(s.events, "event_id") == {"ev-resolution"}
    assert {"russia", "china", "pakistan", "unsc"} <= ids(s.actors, "actor_id")
    assert_consistent(b, s)


@pytest.mark.parametrize("sel, expected", [
    (Selection(event_types={"CONSULT"}), {"ev-envoy", "ev-coordination"}),
    (Selection(statuses={"historical"}), {"ev-jcpoa-exit", "ev-revolution", "ev-powell"}),
    (Selection(date_from=pd.Timestamp("2025-06-22"), date_to=pd.Timestamp("2025-06-22")),
     {"ev-strikes", "ev-resolution"}),
    (Selection(min_reliability="C", event_types={"REQUEST"}), {"ev-resolution"}),
    (Selection(focus_events={"ev-envoy", "ev-nope"}), {"ev-envoy"}),
])
def test_event_filters(b, sel, expected):
    s = check(select(b, sel))
    assert ids(s.events, "event_id") == expected
    assert_consistent(b, s)


def test_reliability_keeps_only_good_enough_sources(b):
    s = select(b, Selection(min_reliability="B"))
    assert set(s.events["source_id"]) == {"src-article"}
    assert set(s.statements["source_id"]) <= {"src-article"}
    assert_consistent(b, s)


def test_focus_events_keep_their_statements_only(b):
    s = select(b, Selection(focus_events={"ev-coordination"}))
    assert ids(s.statements, "statement_id") == {"st-coordination"}
    assert s.positions.empty
    assert_consistent(b, s)


def test_describe_event_in_plain_words(b):
    d = describe_event(b, "ev-resolution")
    assert d["sentence"].startswith("Russia, China and Pakistan made a request to "
                                    "UN Security Council")
    assert "proposed" in d["sentence"]
    assert "023" in d["coding"]["CAMEO"] and "Appeal for aid" in d["coding"]["CAMEO"]
    assert "cooperation" in d["coding"]["Goldstein"]
    assert "Usually reliable" in d["coding"]["source"]
    assert d["coding"]["credibility"] == "2: Probably true"
    assert "22 June 2025" in d["coding"]["date"]
    for e in d["evidence"]:
        assert e["sentence"][e["quote_start"]:e["quote_end"]] == e["quote"]
    envoy = describe_event(b, "ev-envoy")
    assert "Abbas Araqchi carrying the message" in envoy["sentence"]


def test_describe_actor_and_position(b):
    a = describe_actor(b, "araqchi")
    assert a["belongs_to"] == "Iran" and a["events"][0]["role"] == "via"
    p = describe_position(b, "pos-iran-support")
    assert "Full military backing of Iran" in p["sentence"]
    assert p["basis"].startswith("analyst judgment")
    assert [f["id"] for f in facts_for(b, "event", ["ev-envoy", "missing"])] == ["ev-envoy"]


def test_index_is_kept_on_the_briefing(b):
    assert index(b) is index(b)
    assert index(select(b, Selection(actors={"iran"}))) is not index(b)


def test_real_article_selections_stay_consistent():
    import briefing

    real = briefing.load()
    for sel in (Selection(actors={"iran"}), Selection(event_types={"CONSULT", "REQUEST"}),
                Selection(statuses={"proposed", "negated"}), Selection(min_reliability="B"),
                Selection(actors={"araqchi"})):
        assert_consistent(real, select(real, sel))
    for e in real.events["event_id"]:
        assert describe_event(real, e)["evidence"]
