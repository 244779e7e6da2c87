"""Bench: review an article from the drafter's draft to a valid facts.yaml, in the
workbench, in JupyterLab, in Chromium.

    .venv/bin/python -m bench.workbench            # the shipped article, about a minute
    .venv/bin/python -m bench.workbench --article bench/gold/egypt-kenya-call-2025-09-15

`--article` is a folder holding `article.txt` and the publication date, in `meta.json`
(`"published"`, as the drafter's CLI reads it) or in a `facts.yaml` beside it (the
shipped article's); or a text file with `--published YYYY-MM-DD`. Nothing of the
folder's own `facts.yaml` is shown to the analyst: the review starts from the drafter.

A scripted analyst opens a copy of the text (in a temporary JupyterLab root) through
coding.ipynb's form, and goes through every suggestion with the keyboard: a suggestion the
drafter left complete is accepted (`a`); one holding a TODO is edited (`e`, pick the
missing grade, Apply); facts the loader still finds problems in are then rejected (`x`);
then Ctrl+S, and `python -m briefing validate` on the saved folder. Printed: the number of
analyst actions to reach that valid save (key presses, picks, clicks), the time from each
key press to the view redrawn (median and p95, per kind of action; target p95 ≤ 100 ms),
and an estimate of the analyst's minutes (target ≤ 10 for a 300-word article), with the
load average.

The estimate is the Keystroke-Level Model's (Card, Moran and Newell) applied to the
actions counted, plus reading: the article once and every suggestion's card at
`READ_WPM`, a mental preparation (`MENTAL_S`) before each decision, a key press
(`KEY_S`), a point and click (`POINT_S` + `CLICK_S`) for each pick and button, and the
waits measured. The scripted analyst knows what to press; a person also judges, so the
figure is a lower bound of attentive work, not of thinking about the facts.

The latency is the workbench's own reading: the browser stamps each message it sends
and, when the kernel's answer has been drawn, writes the elapsed time on the widget
(`data-latency`); a key press sends its message in the same event handler.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402
from tests.browser.jupyterlab import start_lab  # noqa: E402
from tests.browser.plotly_events import WAIT_MS  # noqa: E402

ARTICLE = ROOT / "assets" / "articles" / "iran-russia-2025-06-23"
FILL = {"credibility": "3", "reliability": "F"}  # grades the analyst picks for a TODO
# The estimate's constants: KLM's operator times (Card, Moran & Newell 1980; an average
# skilled typist) and a careful reading speed for news prose.
READ_WPM = 200
MENTAL_S, KEY_S, POINT_S, CLICK_S = 1.35, 0.28, 1.1, 0.2


class BenchInput(ValueError):
    """An article the bench cannot review; the message names the file and field."""


def article_input(path: Path, published: str | None) -> tuple[Path, str]:
    """The article's text file and its publication date (YYYY-MM-DD), or BenchInput."""
    import datetime as dt
    import json

    import yaml

    text = path / "article.txt" if path.is_dir() else path
    if not text.is_file():
        raise BenchInput(f"{text}: no such file (give a folder holding article.txt, or a "
                         "text file)")
    where = "--published"
    if published is None:
        meta, facts = text.parent / "meta.json", text.parent / "facts.yaml"
        if meta.is_file():
            where = f"{meta}: field 'published'"
            try:
                published = json.loads(meta.read_text(encoding="utf-8")).get("published")
            except (ValueError, AttributeError) as e:
                raise BenchInput(f"{meta}: not a JSON object ({e})") from None
        elif facts.is_file():
            where = f"{facts}: field 'article.published'"
            try:
                published = (yaml.safe_load(facts.read_text(encoding="utf-8"))
                             .get("article", {}).get("published"))
            except (yaml.YAMLError, AttributeError) as e:
                raise BenchInput(f"{facts}: cannot read it ({e})") from None
        else:
            raise BenchInput(f"{text.parent}: no meta.json or facts.yaml gives the "
                             "publication date: add one, or give --published YYYY-MM-DD")
    if published is None:
        raise BenchInput(f"{where} is missing: the publication date, YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(str(published))
    except ValueError:
        raise BenchInput(f"{where} is {published!r}, not a date (YYYY-MM-DD)") from None
    return text, day.isoformat()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Analyst:
    def __init__(self, page, shot: Path | None = None):
        self.page = page
        self.shot = shot
        self.actions = 0
        self.keys = 0  # of the actions: key presses (the rest are picks and clicks)
        self.decisions = 0  # suggestions and problems looked at and decided
        self.words_read = 0  # on the cards and problems decided
        self.latency: dict[str, list[float]] = {}

    def click(self, selector: str) -> None:
        self.page.click(selector)
        self.actions += 1

    def minutes(self, article_words: int) -> dict[str, float]:
        """The KLM estimate, by part, in minutes."""
        waits = sum(x for v in self.latency.values() for x in v if x == x) / 1000
        return {"reading the article": article_words / READ_WPM,
                "reading the suggestions": self.words_read / READ_WPM,
                "deciding (mental preparation)": self.decisions * MENTAL_S / 60,
                "keys, picks and clicks": (self.keys * KEY_S + (self.actions - self.keys)
                                           * (POINT_S + CLICK_S)) / 60,
                "waiting for the view": waits / 60}

    def rev(self) -> int:
        return int(self.page.eval_on_selector(".wb", "e => e.dataset.rev || 0"))

    def wait_redraw(self, before: int, kind: str) -> None:
        self.page.wait_for_function(
            f"Number(document.querySelector('.wb').dataset.rev) > {before}", timeout=WAIT_MS)
        ms = float(self.page.eval_on_selector(".wb", "e => e.dataset.latency || 'nan'"))
        self.latency.setdefault(kind, []).append(ms)

    def key(self, key: str, kind: str) -> None:
        before = self.rev()
        self.page.keyboard.press(key)
        self.actions += 1
        self.keys += 1
        self.wait_redraw(before, kind)

    def read(self, text: str) -> None:
        """The analyst reads a card or a problem before deciding on it."""
        self.decisions += 1
        self.words_read += len(text.split())

    def current(self) -> tuple[str, str, str]:
        card = self.page.locator(".wb [data-role=current]")
        return (card.get_attribute("data-sid") or "", card.get_attribute("data-status") or "",
                card.inner_text())

    def edit_todo(self) -> None:
        self.page.keyboard.press("e")
        self.actions += 1
        self.keys += 1
        self.page.wait_for_selector(".wb [data-role=editor]", timeout=WAIT_MS)
        for name, value in FILL.items():
            box = self.page.locator(f".wb-editor select[name={name}]")
            if box.count() and not box.input_value():
                box.select_option(value)
                self.actions += 1
        if self.shot and self.actions > 12:
            self.page.locator(".wb [data-role=editor]").scroll_into_view_if_needed()
            self.page.screenshot(path=str(self.shot))
            self.shot = None
        before = self.rev()
        self.page.click(".wb-editor [data-action=apply]")
        self.actions += 1
        self.wait_redraw(before, "edit")
        self.page.focus(".wb")


def main() -> int:
    import argparse

    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", type=Path, default=ARTICLE, help="a folder holding "
                        "article.txt and meta.json (e.g. bench/gold/<name>), or a text file "
                        "with --published (default: the shipped article)")
    parser.add_argument("--published", help="the publication date, YYYY-MM-DD (default: "
                        "meta.json's, else facts.yaml's beside the text)")
    parser.add_argument("--screenshot", type=Path, help="also save a screenshot of the "
                        "workbench with the editor open (the README's is assets/workbench.png)")
    args = parser.parse_args()
    try:
        article, published = article_input(args.article, args.published)
    except BenchInput as e:
        print(f"bench.workbench: {e}", file=sys.stderr)
        return 2
    name = article.parent.name if article.name == "article.txt" else article.stem
    folder = f"out/{name}"
    words = len(article.read_text(encoding="utf-8").split())

    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    root = tmp / "root"
    (root / "out").mkdir(parents=True)
    shutil.copy(ROOT / "coding.ipynb", root)
    shutil.copy(article, root / "article-in.txt")
    lab = start_lab(root, tmp / "logs", free_port())
    saved = ""
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(lab.url("lab/tree/coding.ipynb"))
            page.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=WAIT_MS)
            news = page.locator(".jp-Notification-Toast-Close, button:text-is('No')")
            if news.count():
                news.first.click()
            page.keyboard.press("Control+b")  # the file browser folds away: room for the text
            page.click(".lm-MenuBar-itemLabel:text-is('Run')")
            page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
            page.wait_for_selector(".wb[data-phase='open']", timeout=WAIT_MS)
            page.fill(".wb [name=path]", "article-in.txt")
            page.fill(".wb [name=published]", published)
            page.fill(".wb [name=folder]", folder)
            t0 = time.perf_counter()
            page.click(".wb [data-action=open]")
            page.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)
            opened = time.perf_counter() - t0
            page.focus(".wb")
            analyst = Analyst(page, args.screenshot)
            items = page.locator(".wb [data-role=counts]").inner_text()
            t0 = time.perf_counter()
            step = "j"  # through the list; back up from its end to anything left pending
            for _ in range(400):
                sid, status, text = analyst.current()
                if status != "pending":
                    if "0 pending" in page.inner_text(".wb [data-role=counts]"):
                        break
                    analyst.key(step, "next" if step == "j" else "previous")
                    if analyst.current()[0] == sid:
                        step = "k" if step == "j" else "j"
                    continue
                analyst.read(text)
                if "TODO" in text:
                    analyst.edit_todo()
                    analyst.key("j", "next")
                else:
                    analyst.key("a", "accept")
            # Facts the loader still objects to are rejected (they stay in the review file).
            for _ in range(60):
                page.wait_for_selector(".wb [data-role=validation][data-stale='0']",
                                       timeout=WAIT_MS)
                problems = page.locator(".wb [data-role=problems] li")
                if problems.count() == 0:
                    break
                analyst.read(problems.first.inner_text())
                before = analyst.rev()
                problems.first.click()
                analyst.actions += 1
                analyst.wait_redraw(before, "goto")
                page.focus(".wb")
                analyst.key("x", "reject")
            page.keyboard.press("Control+s")
            analyst.actions += 1
            analyst.keys += 1
            try:
                page.wait_for_selector(".wb .wb-message.wb-ok", timeout=WAIT_MS)
            except PlaywrightTimeout:
                saved = page.inner_text(".wb .wb-message")
            review_s = time.perf_counter() - t0
            final = page.inner_text(".wb [data-role=counts]")
            shot = tmp / "workbench-bench.png"
            page.screenshot(path=str(shot))
            browser.close()
        result = subprocess.run([sys.executable, "-m", "briefing", "validate",
                                 str(root / folder)], capture_output=True, text=True, cwd=ROOT)
    finally:
        lab.stop()
    all_ms = [x for v in analyst.latency.values() for x in v]
    minutes = analyst.minutes(words)
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f}, "
          f"after {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} ({os.cpu_count()} cores)")
    print(f"article: {article.relative_to(ROOT) if article.is_relative_to(ROOT) else article}"
          f" ({words} words, published {published})")
    print(f"draft: {items}")
    print(f"after review: {final}")
    print(f"open (draft + pickers + autosave): {opened:.2f} s; scripted review: {review_s:.1f} s")
    valid = result.returncode == 0 and not saved
    print(f"analyst actions to a valid save: {analyst.actions}" if valid else
          f"analyst actions: {analyst.actions}, NO valid save: {saved or result.stdout[-300:]}")
    print(f"{'action':<10}{'n':>5}{'median ms':>12}{'p95 ms':>10}")
    for kind, values in sorted(analyst.latency.items()):
        print(f"{kind:<10}{len(values):>5}{statistics.median(values):>12.0f}{p95(values):>10.0f}")
    print(f"{'all':<10}{len(all_ms):>5}{statistics.median(all_ms):>12.0f}{p95(all_ms):>10.0f}"
          f"   key press → view updated; target p95 ≤ 100 ms")
    print(f"estimated analyst minutes: {sum(minutes.values()):.1f} (target ≤ 10 for 300 words; "
          + ", ".join(f"{k} {v:.1f}" for k, v in minutes.items()) + ")")
    print(f"validate: exit {result.returncode}: {result.stdout.strip()[:300]}")
    print(f"screenshot: {shot}")
    return 0 if valid else 1


if __name__ == "__main__":
    raise SystemExit(main())
