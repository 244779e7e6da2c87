"""The page's "Export PDF" button: the kernel prints the current view with Chromium and
offers the PDF as a download inside the page (a data: link; nothing leaves the server)."""

from __future__ import annotations

import base64
import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import briefing
from tests.browser.plotly_events import WAIT_MS

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.browser

VOILA_NOTEBOOK = Path(__file__).resolve().parent.parent.parent / "briefing.ipynb"
READY = "body[data-briefing-ready]"


def test_export_pdf_button_downloads_the_current_view(voila_server: Any, open_page: Any) -> None:
    facts = briefing.load()
    rec = open_page(voila_server.url, viewport={"width": 1366, "height": 768})
    page = rec.page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    # narrow the view first: the PDF must say which view it is
    status = page.locator(".widget-select-multiple select").nth(2)
    status.select_option(["occurred"])
    page.wait_for_function("() => document.querySelector('.briefing-status')"
                           ".textContent.includes('status')", timeout=WAIT_MS)
    page.get_by_role("button", name="Export PDF").click()
    link = page.locator("a.briefing-download[download='briefing-a4.pdf']")
    link.wait_for(timeout=WAIT_MS)
    href = link.get_attribute("href") or ""
    assert href.startswith("data:application/pdf;base64,")
    data = base64.b64decode(href.split(",", 1)[1])
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(unicodedata.normalize("NFKC", "\n".join(
        p.extract_text() for p in reader.pages)).split())
    assert " ".join(facts.articles["title"].iloc[0].split()) in text
    assert "View: status: occurred" in text
    for heading in ("Diplomatic channels", "Timeline", "Map", "Sources and their grades"):
        assert heading in text
    assert rec.foreign_requests(voila_server.origin) == []
    assert rec.console_errors == []
