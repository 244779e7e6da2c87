"""Bench: review the project's own article from the drafter's draft to a valid facts.yaml,
in the workbench, in JupyterLab, in Chromium.

    .venv/bin/python -m bench.workbench            # about a minute

A scripted analyst opens assets/articles/iran-russia-2025-06-23/article.txt (a copy, in a
temporary JupyterLab root) through coding.ipynb's form, and goes through every
suggestion with the keyboard: a suggestion the drafter left complete is accepted (`a`);
one holding a TODO is edited (`e`, pick the missing grade, Apply); facts the loader
still finds problems in are then rejected (`x`); then Ctrl+S, and
`python -m briefing validate` on the saved folder. Printed: the number of analyst actions
(key presses, picks, clicks), and the time from each key press to the view redrawn
(median and p95, per kind of action; target p95 ≤ 100 ms), with the load average.

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

ARTICLE = ROOT / "assets" / "articles" / "iran-russia-2025-06-23" / "article.txt"
PUBLISHED = "2025-06-23"
FOLDER = "out/iran-russia-2025-06-23"
FILL = {"credibility": "3", "reliability": "F"}  # grades the analyst picks for a TODO


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Analyst:
    def __init__(self, page, shot: Path | None = None):
        self.page = page
        self.shot = shot
        self.actions = 0
        self.latency: dict[str, list[float]] = {}

    def rev(self) -> int:
        return int(self.page.eval_on_selector(".wb", "e => e.dataset.rev || 0"))

    def wait_redraw(self, before: int, kind: str) -> None:
        self.page.wait_for_function(
            f"Number(document.querySelector('.wb').dataset.rev) > {before}", timeout=30_000)
        ms = float(self.page.eval_on_selector(".wb", "e => e.dataset.latency || 'nan'"))
        self.latency.setdefault(kind, []).append(ms)

    def key(self, key: str, kind: str) -> None:
        before = self.rev()
        self.page.keyboard.press(key)
        self.actions += 1
        self.wait_redraw(before, kind)

    def current(self) -> tuple[str, str, str]:
        card = self.page.locator(".wb [data-role=current]")
        return (card.get_attribute("data-sid") or "", card.get_attribute("data-status") or "",
                card.inner_text())

    def edit_todo(self) -> None:
        self.page.keyboard.press("e")
        self.actions += 1
        self.page.wait_for_selector(".wb [data-role=editor]")
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

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshot", type=Path, help="also save a screenshot of the "
                        "workbench with the editor open (the README's is assets/workbench.png)")
    args = parser.parse_args()

    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    root = tmp / "root"
    (root / "out").mkdir(parents=True)
    shutil.copy(ROOT / "coding.ipynb", root)
    shutil.copy(ARTICLE, root / "article-in.txt")
    lab = start_lab(root, tmp / "logs", free_port())
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(lab.url("lab/tree/coding.ipynb"))
            page.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=90_000)
            news = page.locator(".jp-Notification-Toast-Close, button:text-is('No')")
            if news.count():
                news.first.click()
            page.keyboard.press("Control+b")  # the file browser folds away: room for the text
            page.click(".lm-MenuBar-itemLabel:text-is('Run')")
            page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
            page.wait_for_selector(".wb[data-phase='open']", timeout=60_000)
            page.fill(".wb [name=path]", "article-in.txt")
            page.fill(".wb [name=published]", PUBLISHED)
            page.fill(".wb [name=folder]", FOLDER)
            t0 = time.perf_counter()
            page.click(".wb [data-action=open]")
            page.wait_for_selector(".wb[data-phase='review']", timeout=60_000)
            opened = time.perf_counter() - t0
            page.focus(".wb")
            analyst = Analyst(page, args.screenshot)
            items = page.locator(".wb [data-role=counts]").inner_text()
            t0 = time.perf_counter()
            for _ in range(400):
                _sid, status, text = analyst.current()
                if status != "pending":
                    if "0 pending" in page.inner_text(".wb [data-role=counts]"):
                        break
                    analyst.key("j", "next")
                    continue
                if "TODO" in text:
                    analyst.edit_todo()
                    analyst.key("j", "next")
                else:
                    analyst.key("a", "accept")
            # Facts the loader still objects to are rejected (they stay in the review file).
            for _ in range(60):
                page.wait_for_selector(".wb [data-role=validation][data-stale='0']",
                                       timeout=30_000)
                problems = page.locator(".wb [data-role=problems] li")
                if problems.count() == 0:
                    break
                before = analyst.rev()
                problems.first.click()
                analyst.actions += 1
                analyst.wait_redraw(before, "goto")
                page.focus(".wb")
                analyst.key("x", "reject")
            before = analyst.rev()
            page.keyboard.press("Control+s")
            analyst.actions += 1
            page.wait_for_selector(".wb .wb-message.wb-ok", timeout=30_000)
            review_s = time.perf_counter() - t0
            final = page.inner_text(".wb [data-role=counts]")
            shot = tmp / "workbench-bench.png"
            page.screenshot(path=str(shot))
            browser.close()
        result = subprocess.run([sys.executable, "-m", "briefing", "validate",
                                 str(root / FOLDER)], capture_output=True, text=True, cwd=ROOT)
    finally:
        lab.stop()
    all_ms = [x for v in analyst.latency.values() for x in v]
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f}, "
          f"after {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (2 cores)")
    print(f"draft: {items}")
    print(f"after review: {final}")
    print(f"open (draft + pickers + autosave): {opened:.2f} s; scripted review: {review_s:.1f} s")
    print(f"analyst actions: {analyst.actions}")
    print(f"{'action':<10}{'n':>5}{'median ms':>12}{'p95 ms':>10}")
    for kind, values in sorted(analyst.latency.items()):
        print(f"{kind:<10}{len(values):>5}{statistics.median(values):>12.0f}{p95(values):>10.0f}")
    print(f"{'all':<10}{len(all_ms):>5}{statistics.median(all_ms):>12.0f}{p95(all_ms):>10.0f}"
          f"   target p95 ≤ 100 ms")
    print(f"validate: exit {result.returncode}: {result.stdout.strip()[:300]}")
    print(f"screenshot: {shot}")
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
