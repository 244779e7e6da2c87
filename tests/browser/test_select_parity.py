"""The browser's selection (briefing/static/select.js) keeps the same rows as Python's,
and its marks (briefing/static/marks.js) are the marks Python draws (briefing.marks).

The page computes a selection in the browser from the arrays `page_arrays` sends; the
exports, the PDF and `select` compute it in Python (`briefing.select.masks`). Both run
here on the same seeded random selections — over the shipped article, the test articles, a
generated story of 25 articles and 120 generated articles — and every mask must match row
for row. The arrays reach the JS as the page sends them: raw bytes made typed arrays.
"""

from __future__ import annotations

import base64
import random
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from bench.generate import generate
from briefing import load
from briefing.charts import CHARTS
from briefing.marks import Blob, Rules, apply, pack
from briefing.select import Masks, Selection, day_number, masks, page_arrays, select
from briefing.widgets import STATIC_DIR, figure_to_dict
from tests.story_gen import write_story

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SELECTIONS_PER_BASE = 60
MASKS = [f for f in Masks.__dataclass_fields__]

_RUN = """async ([source, marksSource, arrays, meta, selections, charts]) => {
  const load = (text) => import(URL.createObjectURL(new Blob([text], {type: "text/javascript"})));
  const {masks} = await load(source);
  const {unpack, applyRules} = await load(marksSource);
  const fromB64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const rules = charts.map(([figure, meta, blob]) => [figure, unpack(meta, fromB64(blob))]);
  const kinds = {int8: Int8Array, int32: Int32Array, float64: Float64Array};
  const data = {meta};
  for (const [name, {dtype, b64}] of Object.entries(arrays)) {
    data[name] = new kinds[dtype](fromB64(b64).buffer);
  }
  return selections.map((sel) => {
    const m = masks(data, sel);
    const out = {};
    for (const [k, v] of Object.entries(m)) out[k] = Array.from(v);
    out.charts = rules.map(([figure, r]) => applyRules(figure, r, m, sel.focus_actor).data);
    return out;
  });
}"""


def _random_selection(b: Any, rng: random.Random) -> Selection:
    def some(values: list[str], p: float, k: int = 3) -> list[str]:
        return rng.sample(values, rng.randint(1, min(k, len(values)))) \
            if values and rng.random() < p else []

    dates = sorted(pd.to_datetime(b.events["date"]).dropna().unique())
    lo = hi = None
    if dates and rng.random() < 0.4:
        i, j = sorted(rng.randrange(len(dates)) for _ in range(2))
        lo, hi = (pd.Timestamp(dates[i]) if rng.random() < 0.8 else None,
                  pd.Timestamp(dates[j]) if rng.random() < 0.8 else None)
    issues = list(b.issues["issue_id"])
    return Selection(
        actors=some(list(b.actors["actor_id"]), 0.4),
        articles=some(list(b.articles["article_id"]), 0.3, 2),
        event_types=some(sorted(b.events["plover_type"].dropna().unique()), 0.3),
        statuses=some(sorted(b.events["status"].dropna().unique()), 0.2, 2),
        date_from=lo, date_to=hi,
        min_reliability=rng.choice("ABCDEF") if rng.random() < 0.3 else "F",
        issue=rng.choice(issues) if issues else None,
        focus_events=some(list(b.events["event_id"]), 0.15, 4),
        focus_actor=rng.choice(list(b.actors["actor_id"])) if rng.random() < 0.3 else None,
    )


def _as_js(sel: Selection) -> dict[str, Any]:
    return {"actors": sorted(sel.actors), "articles": sorted(sel.articles),
            "event_types": sorted(sel.event_types), "statuses": sorted(sel.statuses),
            "focus_events": sorted(sel.focus_events), "date_from": day_number(sel.date_from),
            "date_to": day_number(sel.date_to), "min_reliability": sel.min_reliability,
            "issue": sel.issue, "focus_actor": sel.focus_actor}


# Every chart whose marks follow the selection in the browser: its rules for a fact base.
RULES = {name: c.rules for name, c in CHARTS.items() if c.rules is not None}


def _shipped(rules: Rules) -> list[Any]:
    blob = Blob()
    meta = pack(rules, blob)
    return [figure_to_dict(dict(rules.figure)), meta, base64.b64encode(blob.data).decode()]


def _bases(tmp: Path) -> dict[str, Any]:
    return {
        "shipped article": load(),
        "test articles": load([ROOT / "tests/data/articles"]),
        "story of 25": load(write_story(tmp / "story", 25)),
        "120 generated": load(generate(120, tmp / "generated")),
    }


@pytest.fixture(scope="module")
def page(browser: Any) -> Any:
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    yield page
    context.close()


def test_browser_and_python_keep_the_same_rows(page: Any, tmp_path: Path) -> None:
    source = (STATIC_DIR / "select.js").read_text(encoding="utf-8")
    marks_source = (STATIC_DIR / "marks.js").read_text(encoding="utf-8")
    rng = random.Random(20)
    compared = 0
    for name, b in _bases(tmp_path).items():
        meta, arrays = page_arrays(b)
        sent = {k: {"dtype": str(v.dtype), "b64": base64.b64encode(v.tobytes()).decode()}
                for k, v in arrays.items()}
        # every grade alone too: free statements are dropped by their own source's grade
        selections = [Selection(), *(Selection(min_reliability=g) for g in "ABCDE")] + [
            _random_selection(b, rng) for _ in range(SELECTIONS_PER_BASE - 6)]
        rules = {name: make(b) for name, make in RULES.items()}
        got = page.evaluate(_RUN, [source, marks_source, sent, meta,
                                   [_as_js(s) for s in selections],
                                   [_shipped(r) for r in rules.values()]])
        kept_some = filtered_some = 0
        for sel, js in zip(selections, got, strict=True):
            py = masks(b, sel)
            for field in MASKS:
                want = getattr(py, field).astype(int).tolist()
                assert js[field] == want, f"{name}: {field} differs for {sel!r}"
            for (name, r), js_data in zip(rules.items(), js["charts"], strict=True):
                want_data = figure_to_dict(apply(r, py, sel.focus_actor))["data"]
                assert js_data == want_data, f"{name}: {name} chart differs for {sel!r}"
            kept_some += bool(py.events.any())
            filtered_some += bool(sel.filters_facts and not py.events.all())
            compared += 1
        # the random selections must exercise both sides: some keep events, some drop them
        assert kept_some > 5 and filtered_some > 5, name
    assert compared >= 200


def test_select_frames_are_the_masks(tmp_path: Path) -> None:
    """`select` builds its frames from `masks`: the rows it keeps are the masked rows."""
    b = load(write_story(tmp_path / "story", 25))
    rng = random.Random(7)
    for _ in range(20):
        sel = _random_selection(b, rng)
        if not sel.filters_facts:
            continue
        m, sub = masks(b, sel), select(b, sel)
        assert list(sub.events["event_id"]) == list(b.events["event_id"][m.events])
        assert list(sub.actors["actor_id"]) == list(b.actors["actor_id"][m.actors])
        assert np.array_equal(sub.evidence.index, b.evidence.index[m.evidence])
