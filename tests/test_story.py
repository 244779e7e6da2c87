"""Many articles, one story: the loader, channels, words, charts and selection on
`tests/data/story/` — three fictional articles months apart (March, June and November
2025) with a registry of the entities they share — and `tests/data/story-broken/` (the
same plus one article that names an actor declared nowhere).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefing
from briefing.model import Briefing
from tests.tiny import check

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "data" / "story"
BROKEN = ROOT / "tests" / "data" / "story-broken"
MARCH, JUNE, NOVEMBER = ("fisheries-call-2025-03-12", "praia-accra-2025-06-11",
                         "norway-envoy-2025-11-19")
FOLDERS = {MARCH: "2025-03-fisheries-call", JUNE: "2025-06-praia-accra",
           NOVEMBER: "2025-11-norway-envoy"}
BROKEN_ID, BROKEN_FOLDER = "lome-talks-2025-12-03", "2025-12-lome-talks"


@pytest.fixture(scope="module")
def story() -> Briefing:
    return check(briefing.load(STORY, cache=False))


def _row(df, col: str, value: str):
    hit = df[df[col] == value]
    assert len(hit) == 1, (col, value, len(hit))
    return hit.iloc[0]


# ---------------------------------------------------------------------------- loader


def test_yaml_lists_of_members_and_aliases_load(story):
    # facts-format.md writes both as YAML lists; the loader once refused them as
    # "must be a string".
    assert _row(story.actors, "actor_id", "atlantic-group")["members"] == \
        "ghana senegal cabo-verde"
    assert _row(story.actors, "actor_id", "cv-fm")["aliases"] == "Helena Semedo|Semedo"
