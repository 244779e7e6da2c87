"""The printable briefing: `python -m briefing export --pdf --png` and `briefing.printout`.

Real Chromium (Debian's), real files; the PDF is read back with pypdf and must hold the
header, the key points with their quotes, every chart's heading and the sources with grades.
"""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing import printout
from briefing.select import Selection
from tests.story_gen import write_story

pypdf = pytest.importorskip("pypdf")

REPO = Path(__file__).resolve().parent.parent
RURITANIA = REPO / "tests" / "data" / "articles" / "fictional-ruritania"
CHART_HEADINGS = ("Diplomatic channels", "Actor positions", "Positions across issues",
                  "Timeline", "Map", "Sources and their grades")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.skipif(not printout.CHROMIUM.exists(),
                                reason=f"{printout.CHROMIUM} is missing")


def pdf_text(data: bytes) -> tuple[str, list[tuple[float, float]]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages]
    text = "\n".join(p.extract_text() for p in reader.pages)
    # pypdf breaks lines where the PDF does, and reads ligatures (ﬁ) as one character
    return " ".join(unicodedata.normalize("NFKC", text).split()), sizes


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def facts() -> briefing.Briefing:
    return briefing.load(RURITANIA)


@pytest.fixture(scope="module")
def cli_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("print")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "briefing", "export", str(RURITANIA), "--pdf",
                        "--png", "--paper", "letter", "--out", str(out)],
                       capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    return out, r


def test_cli_writes_a_letter_pdf_and_one_png_per_chart(cli_export) -> None:
    out, r = cli_export
    assert r.returncode == 0, r.stderr
    pdf = out / "briefing-letter.pdf"
    assert f"wrote {pdf}" in r.stdout
    text, sizes = pdf_text(pdf.read_bytes())
    assert sizes and all(s == (612, 792) for s in sizes), sizes  # US Letter in points
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == sorted(f"chart-{printout.slug(h)}.png" for h in CHART_HEADINGS)
    for p in out.glob("*.png"):
        data = p.read_bytes()
        assert data[:8] == PNG_MAGIC
        width = int.from_bytes(data[16:20], "big")
        assert width >= 2 * 600, (p.name, width)  # drawn at twice the print width


def test_pdf_holds_header_key_points_quotes_charts_and_sources(cli_export, facts) -> None:
    out, _ = cli_export
    text, _ = pdf_text((out / "briefing-letter.pdf").read_bytes())
    assert squash(facts.articles["title"].iloc[0]) in text
    assert "View: all facts" in text
    for kp_text, ids in [p for g in printout.key_points(facts) for p in g.points]:
        assert squash(kp_text) in text
        quotes = facts.evidence[facts.evidence["fact_id"].isin(ids)]["quote"]
        assert any(squash(q) in text for q in quotes), kp_text
    for heading in CHART_HEADINGS:
        assert heading in text
    for s in facts.sources.itertuples():
        assert squash(s.name) in text
    assert "Admiralty reliability" in text
    # the charts are drawn as vectors: their labels are text in the PDF
    assert "Ruritania" in text.split("Diplomatic channels", 1)[1]


def test_api_a4_for_a_selection(facts) -> None:
    issue = facts.issues["issue_id"].iloc[0]
    actor = facts.actors["actor_id"].iloc[0]
    sel = Selection(actors={actor}, issue=issue)
    from briefing.charts import CHARTS
    from briefing.select import select

    shown = select(facts, sel)
    figures = {c.heading: c.figure(shown, sel) for c in CHARTS.values()}
    result = printout.render(printout.printout_html(facts, sel, figures, shown=shown),
                             paper="a4")
    text, sizes = pdf_text(result.pdf)
    assert all(abs(w - 595) <= 1 and abs(h - 842) <= 1 for w, h in sizes), sizes  # A4
    assert squash(f"View: {sel.describe(facts)}") in text
    assert result.pngs == {}


def test_fact_text_stays_text(facts) -> None:
    """A title with markup is printed as the characters, not run as HTML."""
    hostile = facts.articles.assign(title="<img src=x onerror=alert(1)> & <b>Talks</b>")
    from dataclasses import replace

    b = replace(facts, articles=hostile)
    page = printout.printout_html(b, Selection(), {})
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    text, _ = pdf_text(printout.render(page).pdf)
    assert "<img src=x onerror=alert(1)> & <b>Talks</b>" in text


def test_bad_paper_and_nothing_asked_are_clear() -> None:
    with pytest.raises(printout.PrintError, match="paper must be one of a4, letter"):
        printout.render("<html></html>", paper="a3")
    r = subprocess.run([sys.executable, "-m", "briefing", "export", str(RURITANIA)],
                       capture_output=True, text=True, cwd=REPO, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert r.returncode == 2
    assert "--pdf and/or --png" in r.stderr and "Traceback" not in r.stderr


def test_key_points_on_paper_are_the_analysts_as_on_the_page(tmp_path) -> None:
    """A 25-article story: the print page's "Key points" are `printout.key_points` (the
    page's rule, tested in test_page.py), grouped under their articles, never the strongest
    events' machine summaries."""
    b = briefing.load(write_story(tmp_path / "story", 25))
    page = printout.printout_html(b, Selection(), {}, shown=b)
    section = page.split("<section class='points'>", 1)[1].split("</section>", 1)[0]
    listed = [html.unescape(x) for x in re.findall(r"<li><p>(.*?)</p>", section)]
    groups = printout.key_points(b)
    assert listed == [t for g in groups for t, _ in g.points]
    assert set(listed) <= set(b.key_points["text"])
    heads = [html.unescape(x) for x in re.findall(r"<h3>(.*?) <span", section)]
    assert heads == [g.title for g in groups]
    assert "newest articles; the other 22" in section
    assert page.count("<h1>") == 1 and "<h1>25 articles, " in page
    # paper places labels by the page's own rule (plotly_view.js's label block)
    assert printout.label_rules() in page and "declutter(gd)" in page
