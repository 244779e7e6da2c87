"""Candidate positions (issue 21): an actor's own statement on an issue the fact base
declares becomes a pending position whose judgments await the analyst; nothing else does.
The known base is the fictional Ruritania fixture (issues 'Shared herring quota' and
'Ruritanian access to the northern banks')."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefing
from briefing.draft import TODO, draft, to_yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWN = ROOT / "tests" / "data" / "articles" / "fictional-ruritania"

TEXT = (
    "Fenwick presses its quota plan\n"
    "STRELSAU — Ruritania and Freedonia held talks on fishing on Monday.\n"
    "Fisheries Minister Otto Pfefferkorn said on Monday that Ruritania would accept a "
    "shared herring quota only if it kept its trawlers on the northern banks.\n"
    "Rufus Firefly said the weather in Strelsau was mild.\n"
    "An official who asked not to be named said the shared herring quota was dead.\n")


@pytest.fixture(scope="module")
def known():
    return briefing.load(KNOWN, cache=False)


@pytest.fixture(scope="module")
def drafted(known) -> dict:
    return draft(TEXT, published="2025-03-04", known=known)


def test_a_statement_on_a_declared_issue_is_a_pending_position_with_no_judgment(drafted):
    (pos,) = [p for p in drafted["positions"] if p["issue"] == "ru-iss-quota"]
    assert pos["actor"] == "ru-pfefferkorn"
    # Where the actor stands, how much it matters and how sure: the analyst's to give.
    assert (pos["position"], pos["salience"], pos["confidence"]) == (TODO, TODO, TODO)
    assert pos["review"] == "pending"
    assert "shared herring quota" in pos["evidence"][0]
    assert pos["evidence"][0] in TEXT
    assert "herring" in pos["reason"] and "quota" in pos["reason"]


def test_the_issue_is_carried_as_the_fact_base_declares_it_and_never_invented(drafted, known):
    declared = {r["issue_id"]: r for r in known.issues.to_dict("records")}
    assert {i["id"] for i in drafted["issues"]} == {p["issue"] for p in drafted["positions"]}
    for issue in drafted["issues"]:
        ref = declared[issue["id"]]
        assert (issue["label"], issue["scale_0"], issue["scale_100"]) == \
            (ref["label"], ref["scale_0"], ref["scale_100"])


def test_no_position_for_an_anonymous_voice_or_a_statement_on_something_else(drafted):
    speakers = {p["actor"] for p in drafted["positions"]}
    assert "ru-firefly" not in speakers            # the weather is no declared issue
    assert all(not p["actor"].startswith("src-") and "anon" not in p["actor"]
               for p in drafted["positions"])
    assert len({(p["actor"], p["issue"]) for p in drafted["positions"]}) == \
        len(drafted["positions"])                 # one per actor and issue


def test_a_place_name_alone_does_not_tie_a_statement_to_an_issue(known):
    d = draft("Otto Pfefferkorn said Ruritanian farmers were pleased with the harvest.",
              published="2025-03-04", known=known)
    assert d["positions"] == [] and d["issues"] == []


def test_without_a_fact_base_no_issue_and_no_position(drafted):
    d = draft(TEXT, published="2025-03-04", known=None)
    assert d["positions"] == [] and d["issues"] == []


def test_the_draft_with_positions_validates_with_only_awaiting_messages(drafted, tmp_path):
    folder = tmp_path / "quota"
    folder.mkdir()
    (folder / "article.txt").write_text(TEXT, encoding="utf-8")
    (folder / "facts.yaml").write_text(to_yaml(drafted), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(folder),
                        "--against", str(KNOWN)], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    problems = [line for line in (r.stdout + r.stderr).splitlines()
                if "quota/facts.yaml" in line]
    pos = [p for p in problems if ": pos-" in p]
    assert {p.split(": ")[2] for p in pos} == {"position", "salience", "confidence"}
    assert problems and all("awaits the analyst" in p for p in problems), problems
    assert len(problems) == len(set(problems))


def test_a_title_starts_a_word():
    # "systems." ends in "ms.", a courtesy title: the next line's minister is no "Ms.".
    d = draft("Alba will buy new radar systems.\nBorean Foreign Minister Ivo Sarkis said "
              "so on Monday.", published="2025-03-04", known=None)
    people = [a for a in d["actors"] if a["kind"] == "person"]
    assert [p["name"] for p in people] == ["Ivo Sarkis"]
