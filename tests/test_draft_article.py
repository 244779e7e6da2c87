"""End to end: a fictional article drafted, written, validated and round-tripped through
`briefing.load`; and the drafter's recognition of actors the fact base already knows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import briefing
from briefing.draft import TODO, draft, to_yaml
from briefing.text import locate

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "data" / "draft" / "article.txt"
PUBLISHED = "2025-06-27"   # a Friday


@pytest.fixture(scope="module")
def text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drafted(text) -> dict:
    return draft(text, published=PUBLISHED, known=None)


def _quotes(fact: dict) -> list[tuple[str, int | None]]:
    return [(q, None) if isinstance(q, str) else (q["quote"], q["occurrence"])
            for q in fact.get("evidence", [])]


def test_the_draft_has_the_facts_yaml_shape(drafted):
    assert list(drafted) == ["article", "sources", "actors", "events", "statements",
                             "issues", "positions"]
    assert drafted["article"]["title"] == "Norway offers to host Baltic fisheries talks"
    assert drafted["article"]["published"] == dt.date(2025, 6, 27)
    assert drafted["issues"] == [] and drafted["positions"] == []


def test_every_fact_is_pending_with_a_reason_and_analyst_fields_are_todo(drafted):
    for kind in ("sources", "actors", "events", "statements"):
        for fact in drafted[kind]:
            assert fact["review"] == "pending" and fact["reason"], (kind, fact["id"])
    assert {s["reliability"] for s in drafted["sources"]} == {TODO}
    assert {e["credibility"] for e in drafted["events"]} == {TODO}


def test_every_quote_is_found_in_the_text(text, drafted):
    for kind in ("sources", "events", "statements"):
        for fact in drafted[kind]:
            for q, occurrence in _quotes(fact):
                assert not isinstance(locate(text, q, occurrence), str), (fact["id"], q)


def test_what_the_article_says_is_drafted(drafted):
    actors = {a["id"]: a for a in drafted["actors"]}
    assert {"norway", "poland", "germany", "sweden", "eu"} <= set(actors)
    assert actors["ingrid-solberg"]["role"] == "Foreign Minister, Norway"
    assert actors["tomasz-wierzba"]["parent"] == "poland"
    events = {(e["plover_type"], tuple(e["participants"]["actor"])): e
              for e in drafted["events"]}
    visit = events[("CONSULT", ("ingrid-solberg",))]
    assert (visit["plover_mode"], visit["date"]) == ("visit", "2025-06-24")   # "on Tuesday"
    meeting = events[("CONSULT", ("ingrid-solberg", "tomasz-wierzba"))]
    assert meeting["cameo_code"] == "040"
    seizure = events[("COERCE", ("poland",))]
    assert seizure["participants"]["recipient"] == ["norway"]
    offer = events[("AGREE", ("germany",))]
    assert (offer["status"], offer["date"], offer["date_end"]) == (
        "proposed", "2025-06-16", "2025-06-22")                             # "Last week"
    pact = events[("SUPPORT", ("poland", "sweden"))]
    assert (pact["status"], pact["date"], pact["date_basis"]) == ("historical", 2019,
                                                                  "article")
    kinds = {(s["speaker"], s["attribution"], s["quote_type"]) for s in drafted["statements"]}
    assert {("ingrid-solberg", "on_record", "indirect"),
            ("unnamed-source", "anonymous", "indirect"),
            ("unnamed-polish-officials", "anonymous", "indirect"),
            ("tomasz-wierzba", "on_record", "direct")} <= kinds


def test_the_draft_is_deterministic(text, drafted):
    assert to_yaml(draft(text, published=PUBLISHED, known=None)) == to_yaml(drafted)


def _write(folder: Path, text: str, d: dict) -> Path:
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "facts.yaml").write_text(to_yaml(d), encoding="utf-8")
    return folder


def _accept_all(d: dict) -> dict:
    """What a reviewer does: accept every fact and replace every placeholder."""
    d = yaml.safe_load(to_yaml(d))
    for kind in ("sources", "actors", "events", "statements"):
        for fact in d[kind]:
            fact["review"] = "accepted"
    for s in d["sources"]:
        s["reliability"] = "F"
    for e in d["events"]:
        e["credibility"] = 6
    return d


def test_round_trip_accepted_draft_validates_and_loads(tmp_path, text, drafted):
    folder = _write(tmp_path / "norway", text, _accept_all(drafted))
    b = briefing.load(folder, cache=False)
    assert len(b.events) == len(drafted["events"])
    assert len(b.statements) == len(drafted["statements"])
    assert set(b.actors["actor_id"]) == {a["id"] for a in drafted["actors"]}
    assert set(b.events["review"]) == {"accepted"}


def test_a_raw_draft_loads_only_when_pending_facts_are_asked_for(tmp_path, text, drafted):
    folder = _write(tmp_path / "raw", text, drafted)
    with pytest.raises(briefing.FactError, match="awaits the analyst"):
        briefing.load(folder, cache=False, include_pending=True)


def test_known_actors_are_recognised_by_name_and_surname(tmp_path, text, drafted):
    # The accepted draft becomes a fact base; a new article names its people by surname.
    base = briefing.load(_write(tmp_path / "base", text, _accept_all(drafted)), cache=False)
    d = draft("Solberg and Wierzba spoke by phone on Thursday.", published=PUBLISHED,
              known=base)
    assert {a["id"] for a in d["actors"]} == {"ingrid-solberg", "norway", "tomasz-wierzba",
                                              "poland"}
    (ev,) = d["events"]
    assert (ev["cameo_code"], ev["participants"]["actor"]) == (
        "041", ["ingrid-solberg", "tomasz-wierzba"])
    # Without the base, the bare surnames are unknown words.
    assert [a["kind"] for a in draft("Solberg and Wierzba spoke by phone on Thursday.",
                                     published=PUBLISHED, known=None)["actors"]] == [
        "organization", "organization"]


def test_the_shipped_base_is_the_default_knowledge():
    # briefing.draft is the function whether or not the package was imported by name.
    import briefing.draft  # noqa: F401

    d = briefing.draft("Araqchi met Nebenzia in Geneva.", published="2025-06-23")
    assert {a["id"] for a in d["actors"]} >= {"araqchi", "nebenzia"}


# --- Issue 21: more of the briefing drafted ------------------------------------------------

def test_has_not_commented_is_a_statement_from_the_outlet():
    from briefing.draft import draft

    d = draft("Turkey’s foreign ministry has not commented on the talks.",
              published="2025-10-20", known=None, outlet="The Wire (fictional)")
    [st] = d["statements"]
    assert "has not commented" in st["text"]
    assert st["source"] == "src-the-wire-fictional"      # the outlet reports the silence
    assert st["review"] == "pending"


def test_candidate_key_points_rest_on_drafted_facts():
    from briefing.draft import draft

    d = draft("LIMA — Peru and Chile signed a fisheries accord on Monday. President Ana "
              "Rojas of Peru said the accord would protect fishermen.",
              published="2025-10-20", known=None)
    points = d["article"]["key_points"]
    ids = {f["id"] for kind in ("events", "statements") for f in d[kind]}
    assert points[0]["text"].startswith("Peru and Chile signed")   # the lede, no dateline
    assert all(p["facts"] and set(p["facts"]) <= ids for p in points)
    assert any(p["text"].startswith("Ana Rojas:") for p in points)
