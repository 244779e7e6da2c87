"""The review workbench in real JupyterLab, driven in Chromium.

One JupyterLab server and one page for the module; the tests run in order on the same
review: open coding.ipynb and run it, review with the keyboard, apply an editor without
edits (no value changes, a CAMEO 02x code included), add an event by selecting words,
save and validate, write a key point from selected words, resume after a kernel restart,
a concurrent save refused, hostile text shown as text; then a second, small fictional
article coded end to end from the drafter's own draft (judgments graded and suggestions
accepted by keys, a key point from selected words, saved, loaded by `briefing.load`), a
review in another kernel autosaving over it (told; taken over, then overwritten, with the
buttons), the notebook run again in a second browser tab (the same); and no request
leaving the machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

import briefing
from briefing.draft import draft
from tests.browser.conftest import free_port
from tests.browser.jupyterlab import REPO_ROOT, lab_page, start_lab
from tests.browser.plotly_events import WAIT_MS
from tests.workbench_draft import article_copy, write_draft

pytestmark = pytest.mark.browser
FOLDER = "out/fictional-ruritania"
PUBLISHED = "2031-05-07"
PHRASE = "seized two Ruritanian trawlers"
APPEAL = "event:ru-ev-agree-talks"
# The end-to-end article: fictional, drafted by the drafter itself (no draft file).
QUOTA = REPO_ROOT / "tests" / "data" / "workbench" / "norway-iceland-quota"
QUOTA_FOLDER = "out/norway-iceland-quota"
QUOTA_POINT = "agreed to reopen talks on herring quotas"


@pytest.fixture(scope="module")
def lab(tmp_path_factory, artifacts):
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "root"
    (root / "out").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "coding.ipynb", root)
    shutil.copy(article_copy(tmp), root / "ruritania.txt")
    # One drafted appeal coded as the docs code one (REQUEST, CAMEO 020): a code in no row
    # of PLOVER's table, which the editor must offer and keep.
    draft = yaml.safe_load(write_draft(tmp).read_text(encoding="utf-8"))
    appeal = next(e for e in draft["events"] if e["id"] == APPEAL.split(":")[1])
    appeal.update(plover_type="REQUEST", plover_mode="", cameo_code="020")
    (root / "draft.yaml").write_text(yaml.safe_dump(draft, sort_keys=False, allow_unicode=True),
                                     encoding="utf-8")
    server = start_lab(root, artifacts / "logs", free_port())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(lab, artifacts):
    with lab_page(lab, "coding.ipynb", artifacts / "workbench-last.png") as page:
        yield page


def menu(page, top: str, item: str) -> None:
    page.click(f".lm-MenuBar-itemLabel:text-is('{top}')")
    page.click(f".lm-Menu-itemLabel:text-is('{item}')")


def rev(page) -> int:
    return int(page.eval_on_selector(".wb", "e => e.dataset.rev || 0"))


def redrawn(page, before: int) -> None:
    """Wait until the workbench has drawn a view newer than revision `before`."""
    page.wait_for_function(f"Number(document.querySelector('.wb').dataset.rev) > {before}",
                           timeout=WAIT_MS)


def key_point(page, words: str) -> str:
    """Write a key point from `words` selected in the article; the message it gives."""
    select_words(page, words)
    before = rev(page)
    page.click(".wb [data-role=selection] [data-action=key_point]")
    redrawn(page, before)
    return page.inner_text(".wb .wb-message")


def save_valid(page) -> None:
    """Ctrl+S once the review validates, and wait for the saved message."""
    page.wait_for_selector(".wb [data-role=validation][data-count='0'][data-stale='0']",
                           timeout=WAIT_MS)
    page.focus(".wb")
    page.keyboard.press("Control+s")
    page.wait_for_selector(".wb .wb-message.wb-ok", timeout=WAIT_MS)


def press(page, key: str) -> None:
    """Press a key in the workbench and wait until the view has been redrawn."""
    before = rev(page)
    page.focus(".wb")
    page.keyboard.press(key)
    redrawn(page, before)


def open_form(page, **fields: str) -> None:
    page.wait_for_selector(".wb[data-phase='open']", timeout=WAIT_MS)
    for name, value in fields.items():
        selector = f".wb [name={name}]"
        page.fill(selector, value)
    page.click(".wb [data-action=open]")


def counts(page) -> str:
    return page.inner_text(".wb [data-role=counts]")


def test_run_coding_notebook_and_review_with_the_keyboard(page):
    menu(page, "Run", "Run All Cells")
    open_form(page, path="ruritania.txt", published=PUBLISHED, folder=FOLDER, draft="draft.yaml")
    page.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)
    legend = page.inner_text(".wb [data-role=legend]")
    assert "accept" in legend and "reject" in legend and "undo" in legend
    first = page.get_attribute(".wb [data-role=current]", "data-sid")
    assert page.get_attribute(".wb [data-role=current]", "data-status") == "pending"
    assert page.inner_text(".wb [data-role=reason]").startswith("Why:")
    press(page, "a")
    assert "1 accepted" in counts(page)
    second = page.get_attribute(".wb [data-role=current]", "data-sid")
    assert second != first
    press(page, "x")
    assert "1 rejected" in counts(page)
    press(page, "u")
    assert "0 rejected" in counts(page)
    press(page, "x")
    press(page, "k")
    press(page, "j")
    # JupyterLab's own shortcuts (a: insert cell, x: cut cell) never fired.
    assert page.locator(".jp-Notebook .jp-Cell").count() == 3
    assert page.locator(".wb .wb-hl.wb-accepted").count() > 0


def test_an_editor_applied_without_edits_keeps_every_value(page):
    for key in ["k"] * 40 + ["j"] * 60:
        if page.get_attribute(".wb [data-role=current]", "data-sid") == APPEAL:
            break
        press(page, key)
    assert page.get_attribute(".wb [data-role=current]", "data-sid") == APPEAL
    fields = page.locator(".wb [data-role=current] .wb-field").all_inner_texts()
    assert any("020" in f for f in fields)
    page.focus(".wb")
    page.keyboard.press("e")
    page.wait_for_selector(".wb [data-role=editor]", timeout=WAIT_MS)
    assert page.input_value(".wb-editor [name=cameo_code]") == "020"
    assert page.input_value(".wb-editor [name=plover_type]") == "REQUEST"
    before = rev(page)
    page.click(".wb-editor [data-action=apply]")
    redrawn(page, before)
    assert page.get_attribute(".wb [data-role=current]", "data-sid") == APPEAL
    assert page.locator(".wb [data-role=current] .wb-field").all_inner_texts() == fields
    # A judgment is one key: 3 grades the event's credibility (no other awaits one here).
    press(page, "3")
    assert page.get_attribute(".wb [data-role=current]", "data-sid") == APPEAL
    graded = page.locator(".wb [data-role=current] .wb-field").all_inner_texts()
    assert [f.split() for f in graded if f.startswith("credibility")] == [["credibility", "3"]]


def select_words(page, phrase: str) -> None:
    """Select `phrase` in the article as a mouse would (ends mid-word: the kernel snaps)."""
    # the article is drawn again after each kernel update: wait until it holds the phrase
    page.wait_for_function(
        "(phrase) => { const box = document.querySelector('.wb [data-role=text]');"
        " return !!box && box.textContent.includes(phrase); }", arg=phrase, timeout=WAIT_MS)
    page.evaluate("""(phrase) => {
        const box = document.querySelector('.wb [data-role=text]');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let full = '', nodes = [];
        while (walker.nextNode()) { nodes.push([walker.currentNode, full.length]);
                                    full += walker.currentNode.data; }
        const at = full.indexOf(phrase) + 2, to = at + phrase.length - 4;  // mid-word ends
        const find = (pos) => { const [n, s] = nodes.filter(([, s]) => s <= pos).pop();
                                return [n, pos - s]; };
        const range = document.createRange();
        range.setStart(...find(at)); range.setEnd(...find(to));
        getSelection().removeAllRanges(); getSelection().addRange(range);
        box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", phrase)
    page.wait_for_selector(f".wb [data-role=selection] q:text-is('{phrase}')", timeout=WAIT_MS)


def test_add_an_event_by_selecting_words_then_save_and_validate(page, lab):
    select_words(page, PHRASE)
    press(page, "Shift+E")
    editor = page.wait_for_selector(".wb [data-role=editor]", timeout=WAIT_MS)
    sid = editor.get_attribute("data-sid")
    page.select_option(".wb-editor [name=plover_type]", "COERCE")
    page.select_option(".wb-editor [name=plover_mode]", "seize")
    page.select_option(".wb-editor [name=cameo_code]", "171")
    assert "Goldstein" in page.inner_text(".wb-editor [data-role=cameo-definition]")
    page.select_option(".wb-editor [name=source]", "ru-src-post")
    page.select_option(".wb-editor [name=credibility]", "2")
    page.fill(".wb-editor [name='role:actor']", "ru-freedonia")
    page.fill(".wb-editor [name='role:recipient']", "ru-ruritania")
    # A date range: a key the old hand-written form did not have, rendered from its input.
    page.fill(".wb-editor [name=date]", "2031-05-05")
    page.fill(".wb-editor [name=date_end]", "2031-05-06")
    before = rev(page)
    page.click(".wb-editor [data-action=apply]")
    redrawn(page, before)
    assert page.get_attribute(".wb [data-role=current]", "data-sid") == sid
    page.wait_for_selector(".wb [data-role=validation][data-count='0'][data-stale='0']",
                           timeout=WAIT_MS)
    page.focus(".wb")
    page.keyboard.press("Control+s")
    page.wait_for_selector(".wb .wb-message.wb-ok", timeout=WAIT_MS)
    facts = lab.root / FOLDER / "facts.yaml"
    assert PHRASE in facts.read_text(encoding="utf-8")
    saved = yaml.safe_load(facts.read_text(encoding="utf-8"))
    [event] = [e for e in saved["events"] if e["id"] == sid.split(":", 1)[1]]
    assert (str(event["date"]), str(event["date_end"])) == ("2031-05-05", "2031-05-06")
    result = subprocess.run([sys.executable, "-m", "briefing", "validate", str(facts.parent)],
                            capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_write_a_key_point_from_selected_words(page, lab):
    assert "key point 1" in key_point(page, PHRASE)
    save_valid(page)
    import yaml

    facts = yaml.safe_load((lab.root / FOLDER / "facts.yaml").read_text(encoding="utf-8"))
    [point] = facts["article"]["key_points"]
    assert point["text"] == PHRASE and point["facts"], point


def test_resume_after_a_kernel_restart(page):
    before = counts(page)
    menu(page, "Kernel", "Restart Kernel and Run All Cells…")
    page.click(".jp-Dialog button:has-text('Restart')")
    open_form(page, path="ruritania.txt", published=PUBLISHED, folder=FOLDER)
    page.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)
    assert "Resumed" in page.inner_text(".wb .wb-message")
    assert counts(page) == before


def test_a_concurrent_save_is_refused(page, lab):
    facts = lab.root / FOLDER / "facts.yaml"
    theirs = facts.read_text(encoding="utf-8") + "# someone else's edit\n"
    facts.write_text(theirs, encoding="utf-8")
    press(page, "u")  # a change of mine: the key point written above is taken back
    page.keyboard.press("Control+s")
    page.wait_for_selector(".wb .wb-message:has-text('someone else')", timeout=WAIT_MS)
    assert facts.read_text(encoding="utf-8") == theirs
    # Its ways out are buttons: the differences between their file and what mine would
    # write (their comment kept: a save edits the file, it does not rewrite it).
    page.click(".wb [data-role=ways-out] [data-action=diff]")
    diff = page.wait_for_selector(".wb [data-role=diff]", timeout=WAIT_MS).inner_text()
    assert "(on disk)" in diff and "(this review)" in diff
    assert "-  key_points:" in diff and "-# someone else's edit" not in diff
    assert facts.read_text(encoding="utf-8") == theirs


def test_hostile_text_stays_text(page):
    hostile = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> '
               "Ruritania said the talks were <b>over</b>.")
    menu(page, "Kernel", "Restart Kernel and Run All Cells…")
    page.click(".jp-Dialog button:has-text('Restart')")
    open_form(page, text=hostile, title="Hostile test", published=PUBLISHED,
              folder="out/hostile")
    page.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)
    box = page.locator(".wb [data-role=text]")
    assert box.inner_text() == hostile
    assert box.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned") is None


def restart_and_open(page, **fields: str) -> None:
    menu(page, "Kernel", "Restart Kernel and Run All Cells…")
    page.click(".jp-Dialog button:has-text('Restart')")
    open_form(page, **fields)
    page.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)


def pending(page) -> int:
    return int(counts(page).split(" pending")[0])


def test_code_an_article_end_to_end_with_a_key_point(page, lab):
    """Draft → judgments graded and suggestions accepted by keys → a key point written by
    selecting words → save → `briefing.load` of the folder shows the key point with the
    quote it rests on."""
    shutil.copy(QUOTA / "article.txt", lab.root / "quota.txt")
    published = json.loads((QUOTA / "meta.json").read_text(encoding="utf-8"))["published"]
    restart_and_open(page, path="quota.txt", published=published, folder=QUOTA_FOLDER)
    assert pending(page) > 0
    step = "j"  # through the list, and back up from its end to what a judgment skipped
    for _ in range(6 * pending(page)):
        if pending(page) == 0:
            break
        card = page.locator(".wb [data-role=current]")
        sid = card.get_attribute("data-sid")
        if card.get_attribute("data-status") != "pending":
            press(page, step)
            if page.get_attribute(".wb [data-role=current]", "data-sid") == sid:
                step = "k" if step == "j" else "j"
        elif "TODO" in card.inner_text():
            press(page, "3")  # a judgment awaits: credibility 3, reliability C
        else:
            press(page, "a")
    assert pending(page) == 0 and "0 rejected" in counts(page)
    assert "resting on ev-2-agree-to" in key_point(page, QUOTA_POINT)
    save_valid(page)
    b = briefing.load(lab.root / QUOTA_FOLDER, cache=False)
    [point] = b.key_points[b.key_points["text"] == QUOTA_POINT].itertuples()
    quotes = b.evidence[b.evidence["fact_id"].isin(point.fact_ids.split())]["quote"]
    assert any(QUOTA_POINT in q for q in quotes), (point, list(quotes))
    graded = b.events.set_index("event_id")["credibility"]
    # every event the drafter drafted was accepted, with the credibility pressed
    drafted = draft((QUOTA / "article.txt").read_text(encoding="utf-8"), published=published)
    assert len(graded) == len(drafted["events"]) >= 3
    assert set(graded.astype(str)) == {"3"}
    assert set(b.sources["reliability"].astype(str)) == {"C"}


def test_a_review_in_another_kernel_is_named_and_taken_over(page, lab):
    """Another kernel resumes the article above and rejects a fact: this review's next key
    does not overwrite it, says whose it is, and 'take their review' brings it in."""
    shown = page.inner_text(".wb [data-role=review-id]")
    script = ("import sys; from briefing.workbench.widget import Workbench\n"
              "wb = Workbench(sys.argv[1], folder=sys.argv[2])\n"
              "sid = next(i.sid for i in wb.review.items() if i.kind == 'actors')\n"
              "wb.handle({'type': 'action', 'action': 'reject', 'sid': sid})\n"
              "assert wb.autosave_error is None, wb.autosave_error\n"
              "print(wb.owner['id'])\n")
    done = subprocess.run([sys.executable, "-c", script, "quota.txt", QUOTA_FOLDER],
                          capture_output=True, text=True, cwd=lab.root, timeout=WAIT_MS / 1000,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    assert done.returncode == 0, done.stderr
    other = done.stdout.strip()
    state = lab.root / QUOTA_FOLDER / ".review.json"
    theirs = state.read_bytes()
    press(page, "j")  # a change of this review's cursor: it would autosave
    ways = page.wait_for_selector(".wb [data-role=ways-out]", timeout=WAIT_MS)
    message = page.inner_text(".wb .wb-message")
    assert f"review {other}" in message and "no longer running" in message, message
    assert state.read_bytes() == theirs  # their rejection is still on disk
    assert "0 rejected" in counts(page) and f"review {other}" not in shown
    before = rev(page)
    ways.query_selector("[data-action=take-review]").click()
    redrawn(page, before)
    assert "1 rejected" in counts(page)
    assert "Now continuing the work of review" in page.inner_text(".wb .wb-message")
    assert page.locator(".wb .wb-message.wb-info").count() == 1
    press(page, "u")  # this review's own version comes back
    assert "0 rejected" in counts(page)
    # Their kernel writes again; this time the analyst keeps this review, knowingly.
    done = subprocess.run([sys.executable, "-c", script, "quota.txt", QUOTA_FOLDER],
                          capture_output=True, text=True, cwd=lab.root, timeout=WAIT_MS / 1000,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    assert done.returncode == 0, done.stderr
    press(page, "k")
    page.wait_for_selector(".wb [data-role=ways-out] [data-action=keep-review]",
                           timeout=WAIT_MS).click()
    page.wait_for_selector(".wb .wb-message:has-text('Autosave is on: this review overwrote')",
                           timeout=WAIT_MS)
    mine = shown.split("review")[-1].strip()
    assert json.loads(state.read_text(encoding="utf-8"))["review"]["id"] == mine
    assert "0 rejected" in counts(page)


def test_the_notebook_run_again_in_a_second_tab_loses_no_edit(page, lab):
    """The same notebook opened in a second browser tab and run there: a second review of
    the same article in the same kernel. Whichever changes something first keeps the
    autosave; the other is told, names it, and takes its work with a button."""
    first = page.inner_text(".wb [data-role=review-id]").split("review")[-1].strip()
    tab = page.context.new_page()
    try:
        tab.goto(lab.url("lab/tree/coding.ipynb"))
        tab.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=WAIT_MS)
        menu(tab, "Run", "Run All Cells")
        open_form(tab, path="quota.txt", folder=QUOTA_FOLDER)
        tab.wait_for_selector(".wb[data-phase='review']", timeout=WAIT_MS)
        text = tab.inner_text(".wb .wb-message")
        assert f"Resumed review {first}" in text and "(in this kernel)" in text, text
        assert "may still be open" in text
        second = tab.inner_text(".wb [data-role=review-id]").split("review")[-1].strip()
        assert second != first
        press(tab, "j")  # off the article's own card (it heads the list), if there
        press(tab, "x")  # the second tab changes something first
        assert "1 rejected" in counts(tab)
    finally:
        tab.close()
    state = lab.root / QUOTA_FOLDER / ".review.json"
    assert json.loads(state.read_text(encoding="utf-8"))["review"]["id"] == second
    press(page, "j")
    message = page.wait_for_selector(".wb .wb-message:has([data-role=ways-out])",
                                     timeout=WAIT_MS).inner_text()
    assert f"review {second}" in message and "(in this kernel)" in message, message
    assert json.loads(state.read_text(encoding="utf-8"))["review"]["id"] == second
    before = rev(page)
    page.click(".wb [data-role=ways-out] [data-action=take-review]")
    redrawn(page, before)
    assert "1 rejected" in counts(page)
    assert json.loads(state.read_text(encoding="utf-8"))["review"]["id"] == first


def test_no_request_leaves_the_machine(page, lab):
    allowed = (f"http://{lab.origin}/", f"ws://{lab.origin}/", "data:", "blob:")
    foreign = [u for u in page.requests if not u.startswith(allowed)]
    assert page.requests and not foreign, foreign


def test_jupyterlab_asks_for_no_news_and_checks_for_no_updates(lab):
    # The environment's overrides (share/jupyter/lab/settings, installed by setup): an
    # analyst's JupyterLab neither offers to fetch news from outside nor checks for updates.
    import urllib.request

    url = lab.url("lab/api/settings/@jupyterlab/apputils-extension:notification")
    with urllib.request.urlopen(url, timeout=WAIT_MS / 1000) as r:
        schema = json.load(r)["schema"]["properties"]   # overrides become the defaults
    assert schema["fetchNews"]["default"] == "false"
    assert schema["checkForUpdates"]["default"] is False
