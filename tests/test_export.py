"""Exports: the CSV zip round-trips; the HTML file is self-contained and escaped."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from briefing.charts import geo_map, network, timeline
from briefing.dashboard.export import export_csv_zip, export_html
from briefing.model import FRAMES
from briefing.select import Selection, select
from tests.tiny import check, tiny_briefing

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = "<script>alert(1)</script> %{x} <img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def b():
    return check(tiny_briefing())


def test_csv_zip_has_every_frame_and_a_readme(b):
    sel = Selection(actors={"iran"})
    s = select(b, sel)
    data = export_csv_zip(s, selection_text=sel.describe(b))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert set(zf.namelist()) == {f"{n}.csv" for n in FRAMES} | {"README.txt"}
        readme = zf.read("README.txt").decode()
        assert "Selection: actors: Iran" in readme
        for name in FRAMES:
            back = pd.read_csv(zf.open(f"{name}.csv"), keep_default_na=False)
            assert len(back) == len(getattr(s, name))
            assert list(back.columns) == list(getattr(s, name).columns)
        events = pd.read_csv(zf.open("events.csv"), dtype={"cameo_code": str})
        assert "023" in set(events["cameo_code"])  # leading zeros survive


def _hostile(b):
    ev = b.events.copy()
    ev.loc[ev["event_id"] == "ev-envoy", "summary"] = HOSTILE
    return b.with_frames(events=ev)


def test_html_is_self_contained_and_escaped(b):
    h = _hostile(b)
    page = export_html({"Network": network(h), "Map": geo_map(h), "Timeline": timeline(h)},
                       title="Briefing <b>test</b>", selection_text=HOSTILE)
    assert "<script src" not in page and "<link" not in page
    assert "plotly.js v" in page  # the library itself is inlined
    assert "PlotlyGeoAssets" in page and '"world_110m"' in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; %{x}" in page  # the selection line
    assert "Briefing &lt;b&gt;test&lt;/b&gt;" in page
    assert page.count('class="plotly-graph-div"') == 3


def test_html_without_a_map_leaves_the_topojson_out(b):
    page = export_html({"Timeline": timeline(b)}, title="t", selection_text="all facts")
    assert "PlotlyGeoAssets.topojson" not in page.split("plotly.js v", 1)[0]
    assert '"world_110m"' not in page


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs chromium")
def test_html_renders_offline(b, tmp_path):
    path = tmp_path / "export.html"
    path.write_text(export_html({"Map": geo_map(b), "Network": network(b)}, title="t",
                                selection_text="all facts"), encoding="utf-8")
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         "--virtual-time-budget=5000", path.as_uri()],
        capture_output=True, text=True, timeout=90).stdout
    assert dom.count('class="main-svg"') >= 2
    assert '<g class="layer countries"><path d="M' in dom  # base map drawn from inline data


HOSTILE = "<script>alert(1)</script> %{x} <img src=x onerror=alert(1)>"


def test_static_briefing_writes_its_files_and_escapes_fact_text(b, tmp_path):
    from briefing.dashboard.static_page import export_static

    ev = b.events.copy()
    ev.loc[ev.index[0], "summary"] = HOSTILE
    arts = b.articles.copy()
    arts.loc[arts.index[0], "title"] = HOSTILE
    hostile = b.with_frames(events=ev, articles=arts)
    written = export_static(hostile, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"index.html", "static/briefing.json", "static/briefing.bin", "static/live.mjs",
            "static/plotly_view.mjs", "static/static_page.mjs",
            "static/plotly.min.js", "static/world_110m.json"} <= names
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert HOSTILE not in page and "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    data = (tmp_path / "static" / "briefing.json").read_text(encoding="utf-8")
    assert "</" not in data  # nothing in the data can end an element
    # every script and style the page loads is one of the files beside it
    for ref in ("static/plotly.min.js", "static/static_page.mjs", "static/dashboard.css"):
        assert ref in page
    assert "http://" not in page and "https://" not in page


def test_static_briefing_from_the_command_line(tmp_path):
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "briefing", "export", "--html", "--out", str(out),
                           "tests/data/fixtures"], capture_output=True, text=True, check=False,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "index.html" in done.stdout and (out / "index.html").is_file()
    bad = subprocess.run([sys.executable, "-m", "briefing", "export", "--html", "--out", str(out),
                          "tests/data/hostile/yaml-bad-indent"], capture_output=True, text=True,
                         check=False, cwd=ROOT)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr and "yaml-bad-indent" in bad.stderr
