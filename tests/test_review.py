"""Machine-drafted facts wait for a person: `review`, `reason`, placeholders, and
`load(include_pending=...)`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefing

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "articles" / "tiny-valid"


def _copy(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    facts = folder / "facts.yaml"
    facts.write_text(edit(facts.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _pending_visit(text: str) -> str:
    return text.replace("  - id: ev-tiny-visit\n",
                        "  - id: ev-tiny-visit\n    review: pending\n"
                        "    reason: 'trigger \"flew to\" → 042'\n")


def test_pending_facts_are_left_out_with_what_hangs_off_them(tmp_path):
    folder = _copy(tmp_path, _pending_visit)
    b = briefing.load(folder, cache=False)
    assert "ev-tiny-visit" not in set(b.events["event_id"])
    assert "ev-tiny-visit" not in set(b.participants["event_id"])
    assert "ev-tiny-visit" not in set(b.evidence["fact_id"])
    # The statement belongs to the pending event: it cannot stand alone.
    assert "st-tiny-listen" not in set(b.statements["statement_id"])
    assert "ev-tiny-pact" in set(b.events["event_id"])


def test_include_pending_keeps_them_and_says_so(tmp_path):
    folder = _copy(tmp_path, _pending_visit)
    b = briefing.load(folder, cache=False, include_pending=True)
    ev = b.events.set_index("event_id")
    assert ev.loc["ev-tiny-visit", "review"] == "pending"
    assert ev.loc["ev-tiny-visit", "reason"] == 'trigger "flew to" → 042'
    assert ev.loc["ev-tiny-pact", "review"] == "accepted"  # absent means accepted


def test_rejected_facts_never_load(tmp_path):
    folder = _copy(tmp_path, lambda t: t.replace(
        "  - id: ev-tiny-pact\n", "  - id: ev-tiny-pact\n    review: rejected\n"))
    b = briefing.load(folder, cache=False, include_pending=True)
    assert "ev-tiny-pact" not in set(b.events["event_id"])


def test_a_placeholder_is_reported_as_awaiting_the_analyst(tmp_path):
    folder = _copy(tmp_path, lambda t: t.replace("reliability: B", "reliability: TODO")
                   .replace("credibility: 2", "credibility: TODO"))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder, cache=False)
    found = {(p.fact_id, p.field): p.message for p in e.value.problems}
    assert "awaits the analyst" in found[("src-tiny-wire", "reliability")]
    assert "A, B, C, D, E, F" in found[("src-tiny-wire", "reliability")]
    assert "awaits the analyst" in found[("ev-tiny-visit", "credibility")]


def test_validate_counts_facts_awaiting_review(tmp_path):
    folder = _copy(tmp_path, _pending_visit)
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(folder)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "1 fact awaits review" in r.stdout


def test_a_bad_review_value_is_named(tmp_path):
    folder = _copy(tmp_path, lambda t: t.replace(
        "  - id: ev-tiny-pact\n", "  - id: ev-tiny-pact\n    review: maybe\n"))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder, cache=False)
    [p] = e.value.problems
    assert (p.fact_id, p.field) == ("ev-tiny-pact", "review") and "'maybe'" in p.message
