"""The review workbench's Python side: offsets, decisions, undo, save, resume, bad input.

No browser here: the widget is driven through `Workbench.handle`, the same messages the
browser sends.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

import briefing
from briefing import contract as C
from briefing.workbench import store
from briefing.workbench.offsets import evidence_item, snap, span_of
from briefing.workbench.pickers import codebook_payload, forms_payload
from briefing.workbench.review import Review
from briefing.workbench.widget import Workbench
from tests.workbench_draft import RURITANIA, article_copy, pending_draft

TEXT = (RURITANIA / "article.txt").read_text(encoding="utf-8")
PUBLISHED = "2031-05-07"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))


def open_wb(tmp_path: Path, **kwargs) -> Workbench:
    source = article_copy(tmp_path)
    kwargs.setdefault("draft", pending_draft())
    kwargs.setdefault("folder", tmp_path / "out" / "fictional-ruritania")
    (tmp_path / "out").mkdir(exist_ok=True)
    return Workbench(source, published=PUBLISHED, base=tmp_path / "out", **kwargs)


def act(wb: Workbench, action: str, **args) -> None:
    wb.handle({"type": "action", "action": action, **args})


# -- offsets -----------------------------------------------------------------------------


def test_snap_widens_to_whole_words_and_trims_space():
    start = TEXT.index("Pfefferkorn travelled")
    s, e = snap(TEXT, start + 3, start + 15)  # "fferkorn tra"
    assert TEXT[s:e] == "Pfefferkorn travelled"
    s, e = snap(TEXT, start - 1, start + 11)  # a leading space
    assert TEXT[s:e] == "Pfefferkorn"
    assert snap(TEXT, start - 1, start) is None  # only a space


def test_snap_keeps_apostrophes_inside_words():
    start = TEXT.index("Freedonia’s")
    s, e = snap(TEXT, start + 2, start + 4)
    assert TEXT[s:e] == "Freedonia’s"


def test_evidence_item_counts_occurrences_of_repeated_words():
    second = TEXT.index("Ruritanian", TEXT.index("Ruritanian") + 1)
    item = evidence_item(TEXT, second, second + len("Ruritanian"))
    assert item == {"quote": "Ruritanian", "occurrence": 2}
    assert span_of(TEXT, item) == (second, second + len("Ruritanian"))
    unique = TEXT.index("Pickle Rocks")
    assert evidence_item(TEXT, unique, unique + 12) == "Pickle Rocks"


# -- decisions and undo --------------------------------------------------------------------


def test_items_follow_the_text_and_decisions_move_to_the_next_pending():
    review = Review(TEXT, pending_draft())
    # The article heads the list (its title and key points); the facts follow the text.
    assert review.items()[0].kind == "article"
    items = review.items()[1:]
    anchors = [it.anchor for it in items]
    assert anchors == sorted(anchors)
    assert review.counts()["pending"] == len(items)
    first = review.current().sid
    review.apply("accept")
    assert review.items()[review.find(first)].status == "accepted"
    assert review.current().status == "pending"
    review.apply("reject")
    assert review.counts() == {"pending": len(items) - 2, "accepted": 1, "rejected": 1}
    review.apply("undo")
    review.apply("undo")
    assert review.counts()["pending"] == len(items)
    assert review.current().sid == first


def test_add_event_from_a_selection_keeps_exact_offsets():
    review = Review(TEXT, pending_draft())
    start = TEXT.index("seized two Ruritanian trawlers")
    review.apply("add", kind="events", start=start + 2, end=start + 20)
    fact = review.current().fact
    assert fact["evidence"] == ["seized two Ruritanian"]
    s, e = review.current().spans[0]
    assert TEXT[s:e] == "seized two Ruritanian" and s == start
    assert fact["credibility"] == "TODO" and fact["id"].startswith("ev-")


def test_edit_accepts_and_rejects_a_taken_id():
    review = Review(TEXT, pending_draft())
    sid = next(it.sid for it in review.items() if it.kind == "events")
    review.apply("edit", sid=sid, fields={"summary": "Edited summary", "credibility": 2})
    item = review.current()
    assert item.fact["summary"] == "Edited summary" and item.status == "accepted"
    other = next(it.fact["id"] for it in review.items() if it.kind == "events"
                 and it.sid != item.sid)
    with pytest.raises(ValueError, match="already used"):
        review.apply("edit", sid=item.sid, fields={"id": other})


def test_saved_facts_hold_accepted_facts_and_the_entities_they_use():
    review = Review(TEXT, pending_draft())
    event = next(it for it in review.items() if it.kind == "events")
    review.apply("accept", sid=event.sid)
    facts = review.facts()
    assert [e["id"] for e in facts["events"]] == [event.fact["id"]]
    actor_ids = {a["id"] for a in facts["actors"]}
    for ids in event.fact["participants"].values():
        assert set(ids) <= actor_ids
    assert {s["id"] for s in facts["sources"]} == {event.fact["source"]}
    assert all("review" not in f and "reason" not in f for k in facts if k != "article"
               for f in facts[k])


# -- the widget: save, validation, resume, conflicts ---------------------------------------


def test_accept_all_then_save_gives_a_valid_stable_facts_file(tmp_path):
    wb = open_wb(tmp_path)
    n = wb.view["counts"]["pending"]
    for _ in range(n):
        act(wb, "accept")
    assert wb.view["counts"] == {"pending": 0, "accepted": n, "rejected": 0}
    assert wb.save() is True, wb.message
    assert wb.message["level"] == "ok", wb.message
    folder = tmp_path / "out" / "fictional-ruritania"
    loaded = briefing.load(folder, cache=False)
    original = briefing.load(RURITANIA, cache=False)
    assert sorted(loaded.events["event_id"]) == sorted(original.events["event_id"])
    assert (loaded.evidence[["fact_id", "start", "end"]].sort_values(["fact_id", "start"])
            .reset_index(drop=True)
            .equals(original.evidence[["fact_id", "start", "end"]]
                    .sort_values(["fact_id", "start"]).reset_index(drop=True)))
    first = (folder / "facts.yaml").read_bytes()
    assert wb.save() is True
    assert (folder / "facts.yaml").read_bytes() == first  # same review, same bytes
    assert (folder / "article.txt").read_text(encoding="utf-8") == TEXT
    assert '"' + original.events["cameo_code"].iloc[0] + '"' in first.decode()


def test_live_validation_names_fact_and_field(tmp_path):
    wb = open_wb(tmp_path)
    start = TEXT.index("seized two")
    wb.handle({"type": "select", "start": start, "end": start + 10})
    assert wb.view["selection"]["quote"] == "seized two"
    act(wb, "add", kind="events")
    new_id = wb.view["current"]["fact"]["id"]
    wb.validate()
    mine = [p for p in wb.problems if p["fact_id"] == new_id]
    # The trigger's type and code are proposed; source and credibility await the analyst.
    assert {p["field"] for p in mine} >= {"credibility", "source"}
    assert any("awaits the analyst" in p["message"] for p in mine)
    assert all(p["file"].endswith("fictional-ruritania/facts.yaml") for p in wb.problems)
    act(wb, "edit", sid=f"event:{new_id}", fields={"plover_type": "NOT-A-TYPE"})
    wb.validate()
    assert any(p["fact_id"] == new_id and p["field"] == "plover_type"
               and "NOT-A-TYPE" in p["message"] for p in wb.problems)


def test_every_change_autosaves_and_reopening_resumes(tmp_path):
    wb = open_wb(tmp_path)
    act(wb, "accept")
    act(wb, "reject")
    act(wb, "next")
    state = json.loads((wb.folder / store.STATE).read_text(encoding="utf-8"))
    assert state["cursor"] == wb.view["cursor"] and len(state["undo"]) == 2
    again = open_wb(tmp_path)  # e.g. after a kernel restart
    assert again.view["counts"] == wb.view["counts"]
    assert again.view["cursor"] == wb.view["cursor"]
    assert "Resumed" in again.message["text"]
    act(again, "undo")
    assert again.view["counts"]["rejected"] == 0


def accept_all(wb: Workbench) -> None:
    for _ in range(wb.view["counts"]["pending"]):
        act(wb, "accept")


def test_a_concurrent_save_is_refused_and_nothing_is_overwritten(tmp_path):
    first = open_wb(tmp_path)
    second = open_wb(tmp_path)  # someone else opens the same article at the same time
    accept_all(first)
    assert first.save(), first.message
    theirs = (first.folder / "facts.yaml").read_bytes()
    accept_all(second)
    # Their autosave would overwrite the first review's: it stops and says so.
    assert "another review" in second.message["text"]
    assert second.save() is False
    assert "someone else" in second.message["text"]
    assert (first.folder / "facts.yaml").read_bytes() == theirs
    assert first.save() is True  # the first one may go on saving its own file
    state = json.loads((first.folder / store.STATE).read_text(encoding="utf-8"))
    assert state["doc"] == first.review.doc


def on_disk(wb: Workbench) -> dict:
    return json.loads((wb.folder / store.STATE).read_text(encoding="utf-8"))


def decisions(doc: dict) -> dict[str, str]:
    return {f["id"]: f.get("review", "") for kind in store.KINDS for f in doc.get(kind) or []}


def test_two_reviews_of_one_article_never_overwrite_each_others_autosave(tmp_path):
    first = open_wb(tmp_path)
    second = open_wb(tmp_path)  # the same article again: a second widget, or a second tab
    # Resuming writes nothing, and says whose review it resumed.
    assert on_disk(first)["review"]["id"] == first.owner["id"]
    text = second.message["text"]
    assert text.startswith(f"Resumed review {first.owner['id']}") and "in this kernel" in text
    assert "That review may still be open" in text
    assert second.owner["id"] != first.owner["id"] and second.autosave_error is None

    act(first, "accept")  # the first to change something keeps the autosave
    assert first.autosave_error is None and on_disk(first)["doc"] == first.review.doc
    act(second, "reject")
    act(second, "next")
    act(second, "reject")
    mine = json.loads(json.dumps(second.review.doc))
    # The second is told, truthfully, and writes nothing over the first one's work.
    m = second.message
    assert m["level"] == "error" and m["autosave"] == "off"
    assert f"another review of this article, review {first.owner['id']}" in m["text"]
    assert "not written there" in m["text"]
    assert m["actions"] == ["take_review", "keep_review"]
    assert on_disk(first)["review"]["id"] == first.owner["id"]
    assert on_disk(first)["doc"] == first.review.doc
    act(first, "next")
    act(first, "accept")  # the first goes on autosaving
    assert first.autosave_error is None and on_disk(first)["doc"] == first.review.doc
    # A refused facts.yaml save says nothing untrue about the review file either.
    assert second.save() is False
    assert "Your review is kept" not in second.message["text"]
    assert "Autosave is off" in second.message["text"]

    # Way out 1: take their review. Their work is now this one's, one undo away from mine,
    # and the file holds both.
    theirs = json.loads(json.dumps(first.review.doc))
    second.handle({"type": "take_review"})
    assert second.review.doc == theirs and second.autosave_error is None
    assert "Now continuing the work of review" in second.message["text"]
    state = on_disk(second)
    assert state["review"]["id"] == second.owner["id"] and state["doc"] == theirs
    assert json.loads(state["undo"][-1]["doc"]) == mine
    # The first is told in turn at its next change, naming the second.
    act(first, "previous")
    assert f"review {second.owner['id']}" in first.message["text"]
    assert on_disk(second)["doc"] == theirs
    act(second, "undo")  # mine back, and written: the first was told about an older file
    assert second.review.doc == mine and on_disk(second)["doc"] == mine

    # Way out 2: keep mine and overwrite theirs, only the version the analyst was told of.
    first.handle({"type": "keep_review"})
    assert "changed again" in first.message["text"] and on_disk(second)["doc"] == mine
    assert first.message["actions"] == ["take_review", "keep_review"]
    first.handle({"type": "keep_review"})
    assert first.autosave_error is None and "overwrote" in first.message["text"]
    assert on_disk(first)["doc"] == first.review.doc == theirs
    assert decisions(theirs) != decisions(mine)  # two different reviews, neither lost:
    act(second, "next")  # the second holds its own in its kernel and is told again
    assert second.review.doc == mine and "Autosave is off" in second.message["text"]
    # With no file at all, nobody's work is there: the autosave writes again and says so.
    (second.folder / store.STATE).unlink()
    act(second, "previous")
    assert second.message == {"level": "info", "text": "Autosave is on again: "
                              f"{second.folder / store.STATE} holds this review."}
    assert on_disk(second)["doc"] == mine


def test_a_review_in_another_kernel_is_named_and_not_overwritten(tmp_path):
    import subprocess
    import sys

    first = open_wb(tmp_path)
    # Another kernel (a real second process) resumes the same article and decides one fact.
    script = ("import sys; from briefing.workbench.widget import Workbench\n"
              "wb = Workbench(sys.argv[1], published=sys.argv[2], folder=sys.argv[3], "
              "base=sys.argv[4])\n"
              "wb.handle({'type': 'action', 'action': 'accept'})\n"
              "assert wb.autosave_error is None, wb.autosave_error\n"
              "print(wb.owner['id'], wb.owner['pid'])\n")
    source = tmp_path / "incoming" / "ruritania.txt"
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", script, str(source), PUBLISHED,
                           str(first.folder), str(tmp_path / "out")], capture_output=True,
                          text=True, env=env, timeout=300, cwd=root)
    assert done.returncode == 0, done.stderr
    other, pid = done.stdout.split()
    # Opened after that kernel ended: resumed, with no warning of a review still open.
    late = open_wb(tmp_path)
    assert late.message["text"].startswith(f"Resumed review {other}")
    assert "no longer running" in late.message["text"]
    assert "may still be open" not in late.message["text"]
    written = on_disk(first)
    act(first, "reject")
    assert on_disk(first) == written  # their decision stays on disk
    text = first.message["text"]
    assert f"review {other}" in text and f"kernel process {pid}, no longer running" in text
    first.handle({"type": "take_review"})
    assert decisions(first.review.doc) == decisions(written["doc"])
    assert on_disk(first)["review"]["id"] == first.owner["id"]


def test_a_review_file_of_another_text_is_not_overwritten_unasked(tmp_path):
    folder = tmp_path / "out" / "fictional-ruritania"
    folder.mkdir(parents=True)
    other = '{"version": 1, "text_digest": "0", "doc": {"events": []}}'
    (folder / store.STATE).write_text(other, encoding="utf-8")
    wb = open_wb(tmp_path)
    assert (folder / store.STATE).read_text(encoding="utf-8") == other
    assert "is not this review's: it is the review of another text" in wb.message["text"]
    assert wb.message["actions"] == ["keep_review"]  # nothing of this text to take
    wb.handle({"type": "keep_review"})
    assert wb.autosave_error is None and on_disk(wb)["doc"] == wb.review.doc


_RACER = """
import json, sys
from pathlib import Path
from briefing.workbench import autosave
folder, me, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
expected, log = None, []
for i in range(n):
    try:
        written = autosave.save(folder, {"text_digest": "t", "doc": {"who": me, "i": i}},
                                expected=expected)
    except autosave.StateConflict as e:
        expected = e.on_disk  # told: overwrite knowingly the version it was told of
        continue
    log.append([expected, written])
    expected = written
print(json.dumps(log))
"""


def test_two_kernels_writing_at_once_never_both_overwrite_one_version(tmp_path):
    """Each successful write replaced the version its writer expected. Were the check and
    the write not one step under the folder's lock, two writers could both replace the
    same version, and one of them would have dropped the other's work unseen."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(tmp_path), who, "300"],
                               stdout=subprocess.PIPE, text=True, env=env, cwd=root)
              for who in ("a", "b")]
    logs = [json.loads(r.communicate(timeout=300)[0]) for r in racers]
    assert all(r.returncode == 0 for r in racers)
    writes = [w for log in logs for w in log]
    assert all(logs) and len(writes) > 300  # both wrote, and often
    replaced = [expected for expected, _ in writes]
    assert len(replaced) == len(set(replaced)), "two writes replaced one version"
    # The versions form one chain from no file to the file on disk now.
    after = {expected: written for expected, written in writes}
    version, seen = None, 0
    while version in after:
        version, seen = after[version], seen + 1
    assert seen == len(writes) and version == store.digest(
        (tmp_path / store.STATE).read_bytes())


def test_save_refuses_facts_the_loader_rejects_and_keeps_the_review(tmp_path):
    wb = open_wb(tmp_path)
    act(wb, "accept")  # one actor alone: no event, no source yet
    assert wb.save() is False
    assert "Not saved" in wb.message["text"] and wb.problems
    assert f"Your review is kept in {wb.folder / store.STATE}." in wb.message["text"]
    assert not (wb.folder / "facts.yaml").exists()
    assert json.loads((wb.folder / store.STATE).read_text())["doc"] == wb.review.doc


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    store.atomic_write(tmp_path / "x.txt", "one")
    store.atomic_write(tmp_path / "x.txt", "two")
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
    assert (tmp_path / "x.txt").read_text() == "two"


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"A" * (5 * 1024 * 1024), "at most"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
    (b"caf\xe9 latin-1", "not UTF-8"),
])
def test_bad_text_gives_a_message_not_a_traceback(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    wb = Workbench(path, published=PUBLISHED, folder=tmp_path / "out", base=tmp_path)
    assert wb.phase == "open"
    assert wb.message["level"] == "error" and words in wb.message["text"]
    assert str(path) in wb.message["text"]


def test_pasted_text_needs_a_date_and_html_stays_text(tmp_path):
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> Ruritania said so."
    wb = Workbench(text=hostile, title="Hostile", base=tmp_path)
    assert wb.phase == "open" and "publication date" in wb.message["text"]
    wb = Workbench(text=hostile, title="Hostile", published=PUBLISHED, base=tmp_path)
    assert wb.phase == "review" and wb.text == hostile
    assert wb.folder == tmp_path / "hostile-2031-05-07"


def test_missing_folder_is_named_in_the_message(tmp_path):
    wb = open_wb(tmp_path, folder=tmp_path / "no" / "such" / "place")
    assert wb.phase == "review" and "Autosave is off" in wb.message["text"]
    assert str(tmp_path / "no" / "such") in wb.message["text"]
    act(wb, "accept")
    assert wb.save() is False and "does not exist" in wb.message["text"]


def test_read_only_folder_is_named_in_the_message(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            # Root ignores file modes (and this venv's Python is not reachable by others).
            pytest.skip("file modes do not bind this user (root): no read-only folder")
        wb = open_wb(tmp_path, folder=folder)
        assert "read-only" in wb.message["text"] and str(folder) in wb.message["text"]
        act(wb, "accept")
        assert wb.save() is False and "read-only" in wb.message["text"]
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_dump_quotes_codes_and_keeps_the_documented_key_order():
    doc = pending_draft()
    text = store.dump_facts(Review(TEXT, doc).facts() | {"events": doc["events"][:1]})
    event = yaml.safe_load(text)["events"][0]
    assert list(event)[:3] == ["id", "date", "date_basis"]
    assert isinstance(event["cameo_code"], str)


def test_an_actor_is_found_by_its_whole_name_only():
    text = "Iranian officials met. Iran said no."
    doc = {"actors": [{"id": "iran", "name": "Iran", "kind": "state", "review": "pending"}]}
    (item,) = Review(text, doc).items()
    assert item.spans == [(text.index("Iran said"), text.index("Iran said") + 4)]


def test_preview_is_a_note_before_save_and_the_dashboard_after(tmp_path):
    import ipywidgets

    wb = open_wb(tmp_path)
    note = wb.preview()
    assert isinstance(note, ipywidgets.Label) and "Save" in note.value
    accept_all(wb)
    assert wb.save()
    board = wb.preview()
    assert type(board).__name__ == "Dashboard"


def test_coding_notebook_is_thin_and_output_free():
    import ast

    nb = json.loads((Path(__file__).resolve().parent.parent / "coding.ipynb").read_text())
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert cells and all(not c.get("outputs") and not c.get("execution_count") for c in cells)
    for cell in cells:
        tree = ast.parse("".join(cell["source"]))
        assert not any(isinstance(n, ast.FunctionDef | ast.ClassDef | ast.For | ast.While
                                  | ast.Lambda | ast.ListComp) for n in ast.walk(tree))
    assert "briefing.workbench(" in "".join("".join(c["source"]) for c in cells)


def test_an_accepted_actor_brings_its_pending_parent():
    doc = {"actors": [
        {"id": "ru-gaul", "name": "Gaul", "kind": "state", "review": "pending"},
        {"id": "ru-chief", "name": "Chief", "kind": "person", "parent": "ru-gaul",
         "review": "accepted"},
        {"id": "ru-other", "name": "Other", "kind": "state", "review": "pending"}]}
    facts = Review("Chief of Gaul spoke.", doc).facts()
    assert [a["id"] for a in facts["actors"]] == ["ru-gaul", "ru-chief"]


def test_a_draft_cannot_name_the_folder(tmp_path):
    base = tmp_path / "base"
    base.mkdir()
    draft = pending_draft()
    draft["article"]["id"] = "../../escaped"
    wb = Workbench(text=TEXT, title="Herring talks", published=PUBLISHED, draft=draft, base=base)
    assert wb.folder == base / "herring-talks-2031-05-07"
    assert not (tmp_path / "escaped").exists()


# -- round trip: an analyst's file keeps its comments, order, layout and mode -------------

DATA = Path(__file__).resolve().parent / "data"
CODED = sorted([*(DATA.parent.parent / "assets" / "articles").glob("*/facts.yaml"),
                *(DATA / "articles").glob("*/facts.yaml"),
                *(DATA / "fixtures").glob("*/facts.yaml"),
                *(DATA / "story").glob("*/facts.yaml")])


def _coded_copy(tmp_path: Path, facts: Path, mode: int = 0o644) -> Path:
    """A copy of a coded article's base (its registry too), the file at `mode`."""
    base = tmp_path / facts.parent.parent.name
    shutil.copytree(facts.parent.parent, base)
    folder = base / facts.parent.name
    os.chmod(folder / "facts.yaml", mode)
    return folder


def _changed(before: str, after: str) -> list[str]:
    import difflib

    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("facts", CODED, ids=lambda p: p.parent.name)
def test_saving_a_coded_article_without_edits_leaves_its_file_as_it_was(tmp_path, facts):
    assert len(CODED) >= 8
    folder = _coded_copy(tmp_path, facts, 0o640)
    before = (folder / "facts.yaml").read_bytes()
    assert b"#" in before or facts.parent.name == "tiny-valid"  # comments to keep
    wb = Workbench(folder / "article.txt", base=folder.parent)
    assert wb.save() is True, wb.message
    assert (folder / "facts.yaml").read_bytes() == before
    assert (folder / "facts.yaml").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("facts", CODED, ids=lambda p: p.parent.name)
def test_editing_one_field_changes_only_its_lines(tmp_path, facts):
    folder = _coded_copy(tmp_path, facts)
    before = (folder / "facts.yaml").read_text(encoding="utf-8")
    wb = Workbench(folder / "article.txt", base=folder.parent)
    event = next(it for it in wb.review.items() if it.kind == "events")
    old = event.fact["summary"]
    act(wb, "edit", sid=event.sid, fields={"summary": "An edited summary"})
    assert wb.save() is True, wb.message
    after = (folder / "facts.yaml").read_text(encoding="utf-8")
    changed = _changed(before, after)
    assert changed[-1] == "+" + " " * (len(changed[-1]) - len(changed[-1][1:].lstrip()) - 1) \
        + "summary: An edited summary"
    assert all(line.startswith("-") for line in changed[:-1])
    assert old.split()[0] in changed[0]  # the old summary's lines, nothing else
    assert (folder / "facts.yaml").stat().st_mode & 0o777 == 0o644
    assert briefing.load(folder, cache=False).events.set_index("event_id").loc[
        event.fact["id"], "summary"] == "An edited summary"


def test_new_keys_go_in_contract_order_and_renames_follow_references(tmp_path):
    facts = DATA / "articles" / "fictional-ruritania" / "facts.yaml"
    folder = _coded_copy(tmp_path, facts)
    before = (folder / "facts.yaml").read_text(encoding="utf-8")
    wb = Workbench(folder / "article.txt", base=folder.parent)
    event = next(it for it in wb.review.items() if it.kind == "events"
                 and it.fact.get("date") and "date_end" not in it.fact)
    old_id = event.fact["id"]
    act(wb, "edit", sid=event.sid, fields={"id": "ev-renamed", "date_end": event.fact["date"]})
    assert wb.save() is True, wb.message
    after = (folder / "facts.yaml").read_text(encoding="utf-8")
    changed = _changed(before, after)
    # The id line, the new date_end right after the date, and each reference to the id.
    assert f"-  - id: {old_id}" in changed and "+  - id: ev-renamed" in changed
    lines = after.splitlines()
    at = lines.index("  - id: ev-renamed")
    block = lines[at:at + 4]
    assert any(x.strip().startswith("date_end:") for x in block), block
    keys = [x.split(":")[0].strip() for x in lines[at + 1:at + 6]]
    assert keys.index("date_end") == keys.index("date") + 1
    refs = before.count(old_id) - 1
    assert after.count("ev-renamed") == refs + 1 and old_id not in after.replace(
        "ev-renamed", "")
    assert len(changed) == 2 * (refs + 1) + 1
    b = briefing.load(folder, cache=False)
    assert "ev-renamed" in set(b.events["event_id"])


def test_a_new_file_gets_the_usual_mode_not_a_private_one(tmp_path):
    wb = open_wb(tmp_path)
    accept_all(wb)
    assert wb.save() is True, wb.message
    mode = (wb.folder / "facts.yaml").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


# -- the forms cover the document ------------------------------------------------------------

DOC_FRAMES = [C.FRAMES["articles"], *C.LISTS, C.FRAMES["key_points"]]
JS = (Path(briefing.__file__).parent / "static" / "workbench.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("frame,key", [(f.name, c.key) for f in DOC_FRAMES for c in f.yaml_cols],
                         ids=lambda x: x)
def test_every_yaml_key_is_in_a_workbench_form_or_marked_not_editable(frame, key):
    f = C.FRAMES[frame]
    col = next(c for c in f.yaml_cols if c.key == key)
    form = {fd["key"]: fd for fd in forms_payload()[f.singular]}
    if key not in form:
        # Only a key the contract itself marks as not edited may be missing.
        assert col.input == "none", f"{frame}.{key} is in no form and not marked input='none'"
        return
    assert form[key]["input"] == col.edit
    # The browser has a renderer for that input kind (one per kind, in workbench.js).
    assert re.search(rf"^\s+{col.edit}: \(fd\) =>", JS, flags=re.M), col.edit
    if col.edit in ("choice", "grade"):
        assert form[key]["values"], f"{frame}.{key}: a choice with nothing to choose"
    if col.values and col.edit == "choice":
        assert [v for v, _ in form[key]["values"]] == list(col.values)


def test_every_cameo_code_is_offered_under_a_type_the_loader_accepts():
    from briefing.codebooks import load_codebooks

    cb = load_codebooks()
    payload = codebook_payload()
    offered = {c["code"]: c["type"] for c in payload["cameo"]}
    assert set(offered) == set(cb.cameo_codes)
    # 02x appeals are in no row of PLOVER's table: offered under any type, REQUEST too
    # (the docs' own example: "A urged B to …", REQUEST with CAMEO 02x).
    assert offered["020"] == "" and offered["0231"] == ""
    for code, ptype in offered.items():
        assert ptype in ("", *C.PLOVER_TYPES)
        assert cb.plover_type_of(code) in (ptype or None, None)


def test_an_edit_of_nothing_changes_nothing_and_review_words_come_from_the_contract():
    review = Review(TEXT, pending_draft())
    doc = json.dumps(review.doc, sort_keys=True)
    for item in review.items():
        review.apply("edit", sid=item.sid, fields={})
    # Edited facts become accepted (a decision), but no value changes.
    changed = json.loads(json.dumps(review.doc, sort_keys=True))
    for kind in changed:
        for f in changed[kind] if isinstance(changed[kind], list) else []:
            f.pop("review", None)
    original = json.loads(doc)
    for kind in original:
        for f in original[kind] if isinstance(original[kind], list) else []:
            f.pop("review", None)
    assert changed == original
    pkg = Path(briefing.__file__).parent
    for path in [*(pkg / "workbench").glob("*.py"), pkg / "static" / "workbench.js"]:
        text = path.read_text(encoding="utf-8")
        for word in (C.PLACEHOLDER, *C.REVIEW):
            assert f'"{word}"' not in text, f"{path.name} spells {word!r}: use the contract's"


def test_key_points_are_written_from_selected_words(tmp_path):
    wb = open_wb(tmp_path)
    accept_all(wb)
    sentence = TEXT.index("seized two")
    wb.handle({"type": "select", "start": sentence, "end": sentence + 30})
    act(wb, "key_point", op="add")
    points = wb.view["key_points"]
    assert points[-1]["text"] == TEXT[sentence:sentence + 30].strip() or points[-1]["text"]
    assert points[-1]["facts"], wb.message  # the facts whose evidence covers the words
    n = len(points)
    act(wb, "key_point", op="move", index=n - 1, by=-(n - 1))
    assert wb.view["key_points"][0] == points[-1]
    act(wb, "key_point", op="edit", index=0, text="Freedonia seized two trawlers")
    assert wb.save() is True, wb.message
    b = briefing.load(wb.folder, cache=False)
    assert b.key_points.sort_values("point")["text"].iloc[0] == "Freedonia seized two trawlers"
    act(wb, "key_point", op="remove", index=0)
    assert len(wb.view["key_points"]) == n - 1


def test_an_issue_is_created_from_the_position_form_and_the_position_saves(tmp_path):
    wb = open_wb(tmp_path)
    accept_all(wb)
    start = TEXT.index("seized two")
    wb.handle({"type": "select", "start": start, "end": start + 10})
    act(wb, "add", kind="positions")
    sid = wb.view["current"]["sid"]
    actor = wb.review.doc["actors"][0]["id"]
    act(wb, "edit", sid=sid, fields={"actor": actor, "position": 70, "salience": 40,
                                     "confidence": C.CONFIDENCE[0]},
        create=[{"key": "issue", "kind": "issues",
                 "fields": {"label": "Fishing access", "scale_0": "closed",
                            "scale_100": "open"}}])
    fact = wb.view["current"]["fact"]
    assert fact["issue"] == "fishing-access", wb.message
    assert wb.save() is True, wb.message
    b = briefing.load(wb.folder, cache=False)
    assert "fishing-access" in set(b.positions["issue_id"])
    assert b.issues.set_index("issue_id").loc["fishing-access", "scale_100"] == "open"


def test_a_new_fact_starts_with_the_actors_its_words_name():
    review = Review(TEXT, pending_draft())
    names = {a["name"]: a["id"] for a in review.doc["actors"]}
    # A sentence of the text naming two actors of the draft.
    sentence = next(sn for sn in review._sentences
                    if sum(n in sn["text"] for n in names) >= 2)
    review.apply("add", kind="events", start=sentence["start"], end=sentence["end"])
    actors = review.current().fact["participants"]["actor"]
    assert len(actors) >= 2 and set(actors) <= set(names.values())
    assert actors == sorted(actors, key=lambda i: min(
        sentence["text"].find(n) for n, x in names.items() if x == i and n in sentence["text"]))


def test_a_new_event_starts_from_its_words_trigger_and_date():
    review = Review(TEXT, pending_draft())
    trigger = TEXT.index("seized two")
    review.apply("add", kind="events", start=trigger, end=trigger + 10)
    fact = review.current().fact
    assert (fact["plover_type"], fact["cameo_code"]) == ("COERCE", "171")
    dated = TEXT.index("on Tuesday")
    review.apply("add", kind="events", start=0, end=dated + len("on Tuesday"))
    fact = review.current().fact
    assert fact["date"] == "2031-05-06" and fact["date_basis"] == "resolved"
    assert "on Tuesday" in fact["date_note"]


def test_a_refused_save_offers_its_ways_out(tmp_path):
    first, second = open_wb(tmp_path), open_wb(tmp_path)
    accept_all(first)
    assert first.save(), first.message
    theirs = (first.folder / "facts.yaml").read_bytes()
    accept_all(second)
    act(second, "reject", sid=next(it.sid for it in second.review.items()
                                   if it.kind == "events"))
    mine = second.review.facts()
    assert second.save() is False
    # The ways out of the refused save, then those of the autosave the first review took.
    assert second.message["actions"] == ["diff", "reload", "save_as", "take_review",
                                         "keep_review"]
    second.handle({"type": "diff"})
    diff = second.message["diff"]
    assert diff.startswith("---") and re.search(r"^-\s*- id: ", diff, flags=re.M)  # rejected
    assert (first.folder / "facts.yaml").read_bytes() == theirs  # looking writes nothing
    elsewhere = tmp_path / "elsewhere"
    second.handle({"type": "save", "folder": str(elsewhere)})
    assert second.message["text"].startswith(f"Saved {elsewhere}"), second.message
    assert briefing.load(elsewhere, cache=False).events.shape[0] == len(mine["events"])
    second.handle({"type": "reload"})
    assert second.review.facts() == first.review.facts()
    assert second.save() is True and (first.folder / "facts.yaml").read_bytes() == theirs
    act(second, "undo")
    assert second.review.facts() == mine


def test_judgments_take_one_key_each_and_move_to_the_next_awaiting_one():
    draft = pending_draft()
    for e in draft["events"][:3]:
        e["credibility"] = C.PLACEHOLDER
    draft["sources"][0]["reliability"] = C.PLACEHOLDER
    review = Review(TEXT, draft)
    waiting = [it.sid for it in review.items()
               if C.PLACEHOLDER in (it.fact.get("credibility"), it.fact.get("reliability"))]
    assert len(waiting) == 4
    review.apply("goto", sid=waiting[0])
    visited = []
    for _ in range(4):
        visited.append(review.current().sid)
        review.apply("judge", sid=visited[-1], grade=2)
    assert sorted(visited) == sorted(waiting)  # each key went on to the next one waiting
    facts = {f["id"]: f for k in ("events", "sources") for f in review.doc[k]}
    graded = [facts[sid.split(":", 1)[1]] for sid in waiting]
    assert sorted(str(f.get("credibility", f.get("reliability"))) for f in graded) == [
        "2", "2", "2", "B"]
    assert all(f["review"] == C.ACCEPTED for f in graded)
    with pytest.raises(ValueError, match="no grade"):
        review.apply("judge", sid=next(it.sid for it in review.items()
                                        if it.kind == "actors"), grade=1)


def test_a_file_that_cannot_be_edited_in_place_is_named_and_left_alone(tmp_path):
    folder = tmp_path / "art"
    shutil.copytree(DATA / "articles" / "tiny-valid", folder)
    facts = folder / "facts.yaml"
    # A key given twice: PyYAML keeps the last, a round-trip editor refuses it.
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "  title: Envoy goes north\n", "  title: Envoy goes north\n  title: Envoy goes north\n"),
        encoding="utf-8")
    before = facts.read_bytes()
    wb = Workbench(folder / "article.txt", base=tmp_path)
    act(wb, "edit", sid=wb.review.items()[0].sid, fields={"title": "Envoy goes far north"})
    assert wb.save() is False
    assert str(facts) in wb.message["text"] and "in place" in wb.message["text"]
    assert wb.message["actions"] == ["save_as"]
    assert facts.read_bytes() == before


def _readable(path: Path) -> bool:
    try:
        doc = yaml.safe_load(path.read_bytes().decode("utf-8"))
    except (ValueError, yaml.YAMLError):  # not UTF-8, not YAML, a date with no such day
        return False
    return isinstance(doc, dict)


ALL_YAML = sorted(p for p in [*DATA.rglob("facts.yaml"), *DATA.rglob("registry.yaml"),
                              *(DATA.parent.parent / "assets" / "articles").glob("*/facts.yaml")]
                  if _readable(p))


@pytest.mark.parametrize("path", ALL_YAML, ids=lambda p: str(p.relative_to(DATA.parent.parent)))
def test_the_round_trip_writer_leaves_every_readable_fixture_as_it_was(path):
    """Broken and hostile fixtures too: whatever the loader says of them, writing back what
    was read changes no byte (or is refused, when a round-trip reader cannot take it)."""
    from ruamel.yaml import YAMLError

    from briefing.workbench import roundtrip
    from briefing.workbench.review import normalise

    assert len(ALL_YAML) > 60
    text = path.read_text(encoding="utf-8")
    doc = normalise(yaml.safe_load(text))
    try:
        assert roundtrip.merge(text, doc) == text
    except YAMLError as e:
        assert "duplicate" in str(e).lower(), e


def test_the_workbench_bench_takes_gold_articles_and_names_bad_input(tmp_path):
    from bench.workbench import ARTICLE, BenchInput, article_input

    root = Path(__file__).resolve().parent.parent
    for folder in [ARTICLE, *sorted((root / "bench" / "gold").glob("*/")),
                   *sorted((root / "bench" / "review").glob("*/"))]:
        if not (folder / "article.txt").exists():
            continue
        meta = folder / "meta.json"
        text, day = article_input(folder, None)
        assert text == folder / "article.txt"
        if meta.exists():
            assert day == json.loads(meta.read_text(encoding="utf-8"))["published"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "article.txt").write_text("Someone said something.\n", encoding="utf-8")
    with pytest.raises(BenchInput, match="no meta.json or facts.yaml"):
        article_input(bad, None)
    (bad / "meta.json").write_text('{"outlet": "x"}', encoding="utf-8")
    with pytest.raises(BenchInput, match=r"meta.json: field 'published' is missing"):
        article_input(bad, None)
    (bad / "meta.json").write_text('{"published": "15/09/2025"}', encoding="utf-8")
    with pytest.raises(BenchInput, match=r"meta.json: field 'published' is '15/09/2025'"):
        article_input(bad, None)
    assert article_input(bad / "article.txt", "2025-09-15")[1] == "2025-09-15"
    with pytest.raises(BenchInput, match="--published is 'soon'"):
        article_input(bad, "soon")
