"""Malformed and hostile fact bases: a clear problem list, never a traceback or a hang.

The corpus has two halves:

* small article folders under ``tests/data/hostile/<case>/`` -- the tiny test article with
  one thing broken (``FILED``);
* inputs too big, too binary or too strange to commit -- 50 MB files, an alias bomb, deep
  nesting, non-UTF-8 bytes, a FIFO, a symlink loop, an empty folder -- made at test time
  in ``tmp_path`` (``MADE``).

For each: ``briefing.load`` raises ``FactError`` whose problems name the file, the fact
(where there is one) and the field, one line each; the CLI ``validate`` exits 1 without a
traceback; a valid sibling article still loads with ``errors="skip"``; nothing on disk
changes. ``pytest-timeout`` turns a hang into a failure; the times are reported in
``security-figures.json``, not asserted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import briefing
from briefing.__main__ import main as cli

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE = REPO_ROOT / "tests" / "data" / "hostile"
VALID = REPO_ROOT / "tests" / "data" / "articles" / "fictional-ruritania"
TINY = REPO_ROOT / "tests" / "data" / "articles" / "tiny-valid"
HANG_GUARD = 30  # seconds; a hang detector, far above the 2 s a problem list takes
MB = 1024 * 1024

# case folder → (file, fact id, field, words in the message) of the problem it must give
FILED: dict[str, tuple[str, str, str, str]] = {
    # YAML syntax and dangerous YAML
    "yaml-unclosed-flow": ("facts.yaml", "", "", "flow sequence"),
    "yaml-tab-indent": ("facts.yaml", "", "", "tab character"),
    "yaml-bad-indent": ("facts.yaml", "", "", "mapping values are not allowed"),
    "yaml-unterminated-string": ("facts.yaml", "", "", "YAML"),
    "yaml-two-documents": ("facts.yaml", "", "", "single document"),
    "yaml-null-byte": ("facts.yaml", "", "", "#x0000"),
    "yaml-python-tag": ("facts.yaml", "", "", "python/object/apply:os.system' is not allowed"),
    "yaml-binary-tag": ("facts.yaml", "", "", "binary' is not allowed"),
    "yaml-merge-key": ("facts.yaml", "", "", "merge keys"),
    "yaml-duplicate-key": ("facts.yaml", "ev-tiny-visit", "status", "duplicate key"),
    "yaml-top-level-list": ("facts.yaml", "", "", "top level must be a mapping"),
    "yaml-top-level-scalar": ("facts.yaml", "", "", "top level must be a mapping"),
    "yaml-comments-only": ("facts.yaml", "", "", "empty"),
    # wrong shapes and types
    "shape-article-list": ("facts.yaml", "", "article", "must be a mapping"),
    "shape-events-mapping": ("facts.yaml", "", "events", "must be a list"),
    "shape-event-scalar": ("facts.yaml", "", "events", "must be a mapping"),
    "shape-participants-list": ("facts.yaml", "ev-tiny-visit", "participants", "mapping"),
    "shape-evidence-mapping": ("facts.yaml", "ev-tiny-visit", "evidence", "list of quotes"),
    "shape-evidence-unknown-key": ("facts.yaml", "pos-tiny-alba-help", "evidence", "'page'"),
    "type-credibility-text": ("facts.yaml", "ev-tiny-visit", "credibility", "'two'"),
    "type-summary-list": ("facts.yaml", "ev-tiny-visit", "summary", "must be a string"),
    "type-position-text": ("facts.yaml", "pos-tiny-alba-help", "position", "'high'"),
    "type-salience-bool": ("facts.yaml", "pos-tiny-alba-help", "salience", "True"),
    "type-id-bool": ("facts.yaml", "True", "id", "does not match"),
    "type-quote-number": ("facts.yaml", "ev-tiny-pact", "evidence", "must be a string"),
    "type-occurrence-negative": ("facts.yaml", "ev-tiny-pact", "evidence", "≥ 1"),
    # missing fields
    "missing-article": ("facts.yaml", "", "article", "must be a mapping"),
    # Sources may all live in the registry: without one, the references are what fail.
    "missing-sources": ("facts.yaml", "ev-tiny-visit", "source", "unknown source"),
    "missing-event-summary": ("facts.yaml", "ev-tiny-visit", "summary", "required"),
    "missing-event-id": ("facts.yaml", "", "id", "required"),
    "missing-statement-speaker": ("facts.yaml", "st-tiny-listen", "speaker", "required"),
    # unknown and duplicate ids
    "unknown-recipient": ("facts.yaml", "ev-tiny-visit", "participants", "'mordor'"),
    "unknown-speaker": ("facts.yaml", "st-tiny-listen", "speaker", "'sauron'"),
    "unknown-statement-event": ("facts.yaml", "st-tiny-listen", "event", "'ev-imagined'"),
    "unknown-key-point-fact": ("facts.yaml", "tiny-valid", "key_points", "ev-never"),
    "unknown-field": ("facts.yaml", "ev-tiny-pact", "credibilty", "unknown key"),
    "duplicate-event-id": ("facts.yaml", "ev-tiny-visit", "id", "already used"),
    "duplicate-across-kinds": ("facts.yaml", "ev-tiny-pact", "id", "another fact"),
    "parent-cycle": ("facts.yaml", "alba", "parent", "loops back"),
    # quotes that are not the article's words
    "quote-not-in-text": ("facts.yaml", "ev-tiny-visit", "evidence", "not found"),
    "quote-straight-apostrophe": ("facts.yaml", "st-tiny-listen", "evidence", "not found"),
    "quote-empty": ("facts.yaml", "ev-tiny-visit", "evidence", "empty"),
    "quote-ambiguous": ("facts.yaml", "ev-tiny-visit", "evidence", "occurrence"),
    "quote-occurrence-huge": ("facts.yaml", "ev-tiny-pact", "evidence", "occurs 1 time"),
    # values outside their sets
    "enum-status": ("facts.yaml", "ev-tiny-visit", "status", "'happened'"),
    "enum-plover-lowercase": ("facts.yaml", "ev-tiny-visit", "plover_type", "'consult'"),
    "enum-confidence": ("facts.yaml", "pos-tiny-alba-help", "confidence", "'certain'"),
    "enum-actor-kind": ("facts.yaml", "borea", "kind", "'country'"),
    "enum-reliability-lowercase": ("facts.yaml", "src-tiny-wire", "reliability", "'b'"),
    "enum-attribution": ("facts.yaml", "st-tiny-listen", "attribution", "'leaked'"),
    "enum-role": ("facts.yaml", "ev-tiny-visit", "participants", "'victim'"),
    "enum-country": ("facts.yaml", "alba-minister", "country", "'Albania'"),
    # dates
    "date-no-such-day": ("facts.yaml", "ev-tiny-visit", "date", "'2025-02-30'"),
    "date-no-such-month-quoted": ("facts.yaml", "ev-tiny-visit", "date", "'2025-13'"),
    "date-words": ("facts.yaml", "ev-tiny-visit", "date", "'next Tuesday'"),
    "date-with-time": ("facts.yaml", "ev-tiny-visit", "date", "not a date"),
    "date-published-garbage": ("facts.yaml", "tiny-valid", "published", "'10/03/2025'"),
    "date-published-impossible": ("facts.yaml", "tiny-valid", "published", "'2025-02-29'"),
    "date-year-zero": ("facts.yaml", "ev-tiny-pact", "date", "not a date"),
    # absurd numbers
    "number-credibility-huge": ("facts.yaml", "ev-tiny-visit", "credibility", "outside 1–6"),
    "number-position-inf": ("facts.yaml", "pos-tiny-alba-help", "position", "inf"),
    "number-salience-nan": ("facts.yaml", "pos-tiny-alba-help", "salience", "nan"),
    "number-position-negative": ("facts.yaml", "pos-tiny-alba-help", "position", "-5"),
    "number-position-exponent": ("facts.yaml", "pos-tiny-alba-help", "position", "1e+308"),
    # ids shaped like paths (and other ids that are not slugs)
    "id-path-traversal": ("facts.yaml", "../../etc/passwd", "id", "does not match"),
    "id-slash": ("facts.yaml", "a/b", "id", "does not match"),
    "id-article-path": ("facts.yaml", "/etc/passwd", "id", "does not match"),
    "id-encoded-traversal": ("facts.yaml", "%2e%2e%2fsecret", "id", "does not match"),
    "id-too-long": ("facts.yaml", "ev-" + "x" * 62, "id", "does not match"),
    "id-homoglyph": ("facts.yaml", "st-tiny-l\u0456sten", "id", "does not match"),
    "id-key-point-path": ("facts.yaml", "tiny-valid", "facts", "list of ids"),
    "id-parent-path": ("facts.yaml", "alba-minister", "parent", "'../alba'"),
    # the article text
    "text-empty": ("article.txt", "", "", "empty"),
    "text-whitespace": ("article.txt", "", "", "empty"),
}


# ---- inputs made at test time ---------------------------------------------------------------


def _article(root: Path, facts: bytes | None = None, text: bytes | None = None) -> Path:
    folder = root / "case"
    shutil.copytree(TINY, folder)
    if facts is not None:
        (folder / "facts.yaml").write_bytes(facts)
    if text is not None:
        (folder / "article.txt").write_bytes(text)
    return folder


def _append(folder: Path, name: str, size: int, byte: bytes = b"#") -> Path:
    with open(folder / name, "ab") as f:
        chunk = byte * MB
        for _ in range(size // MB):
            f.write(chunk)
    return folder


def _replace(folder: Path, name: str, make: Callable[[Path], None]) -> Path:
    (folder / name).unlink()
    make(folder / name)
    return folder


def _tiny(old: bytes, new: bytes) -> bytes:
    data = (TINY / "facts.yaml").read_bytes()
    assert old in data
    return data.replace(old, new, 1)


_BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)
_EVENT = "  - id: ev-{i}\n    summary: {i} broken\n    bogus: {i}\n"

# name → (make the input under a folder, (file relative to the input, fact, field, words))
MADE: dict[str, tuple[Callable[[Path], Path], tuple[str, str, str, str]]] = {
    "facts-50-mb": (lambda r: _append(_article(r), "facts.yaml", 50 * MB),
                    ("facts.yaml", "", "", "the limit is")),
    "text-50-mb": (lambda r: _append(_article(r), "article.txt", 50 * MB, b"x"),
                   ("article.txt", "", "", "the limit is")),
    "facts-just-over-limit": (
        lambda r: _article(r, (TINY / "facts.yaml").read_bytes()
                           + b"#" * (MB - len((TINY / "facts.yaml").read_bytes()) + 1)),
        ("facts.yaml", "", "", "the limit is")),
    "alias-bomb": (lambda r: _article(r, _BOMB.encode()), ("facts.yaml", "", "", "aliases")),
    "alias-in-facts": (
        lambda r: _article(r, _tiny(b"  - id: borea\n", b"  - &b\n    id: borea\n")
                           + b"again: *b\n"),
        ("facts.yaml", "", "", "aliases")),
    "deep-flow-lists": (lambda r: _article(r, b"article: " + b"[" * 100_000 + b"]" * 100_000),
                        ("facts.yaml", "", "", "nesting depth")),
    "deep-flow-mappings": (lambda r: _article(r, b"article: " + b"{a: " * 50_000 + b"x"
                                              + b"}" * 50_000),
                           ("facts.yaml", "", "", "nesting depth")),
    "deep-block-mappings": (
        lambda r: _article(r, "".join(f"{' ' * i}k:\n" for i in range(1200)).encode()
                           + b" " * 1200 + b"v\n"),
        ("facts.yaml", "", "", "nesting depth")),
    "latin1-facts": (lambda r: _article(r, _tiny(b"Envoy goes north", b"Envoy goes n\xf6rth")),
                     ("facts.yaml", "", "", "not UTF-8")),
    "latin1-text": (lambda r: _article(r, text=b"Die Gesandte flog nach Bor\xe4a.\n"),
                    ("article.txt", "", "", "not UTF-8")),
    "utf16-facts": (lambda r: _article(r, (TINY / "facts.yaml").read_text().encode("utf-16")),
                    ("facts.yaml", "", "", "not UTF-8")),
    "random-bytes": (lambda r: _article(r, bytes(range(256)) * 16),
                     ("facts.yaml", "", "", "not UTF-8")),
    "empty-folder": (lambda r: (r / "empty").mkdir() or r / "empty",
                     ("", "", "", "no articles here")),
    "missing-facts-file": (lambda r: _replace(_article(r), "facts.yaml", lambda p: None),
                           ("facts.yaml", "", "", "missing file")),
    "missing-text-file": (lambda r: _replace(_article(r), "article.txt", lambda p: None),
                          ("article.txt", "", "", "missing file")),
    "missing-folder": (lambda r: r / "no-such-folder", ("", "", "", "no such file")),
    "a-file-not-a-folder": (lambda r: (r / "facts.txt").write_text("x") and r / "facts.txt",
                            ("", "", "", "not a folder")),
    "facts-is-a-folder": (lambda r: _replace(_article(r), "facts.yaml", Path.mkdir),
                          ("facts.yaml", "", "", "not a regular file")),
    "facts-is-a-fifo": (lambda r: _replace(_article(r), "facts.yaml", os.mkfifo),
                        ("facts.yaml", "", "", "not a regular file")),
    "facts-symlink-loop": (lambda r: _replace(_article(r), "facts.yaml",
                                              lambda p: p.symlink_to(p.name)),
                           ("facts.yaml", "", "", "cannot read")),
    "text-is-dev-zero": (lambda r: _replace(_article(r), "article.txt",
                                            lambda p: p.symlink_to("/dev/zero")),
                         ("article.txt", "", "", "not a regular file")),
    "ten-thousand-broken-events": (
        lambda r: _article(r, _tiny(b"events:\n", ("events:\n" + "".join(
            _EVENT.format(i=i) for i in range(10_000))).encode())),
        ("facts.yaml", "", "", "stopped after")),
    "ninety-thousand-keys": (
        lambda r: _article(r, "".join(f"k{i}: v\n" for i in range(90_000)).encode()),
        ("facts.yaml", "", "k0", "unknown top-level key")),
    "one-megabyte-flow-list": (
        lambda r: _article(r, b"article: [" + b"a," * (MB // 2 - 20) + b"a]\n"),
        ("facts.yaml", "", "article", "must be a mapping")),
}
# the path-level cases: no article folder to put next to a valid sibling
NOT_ARTICLES = {"empty-folder", "missing-folder", "a-file-not-a-folder"}


# ---- helpers ---------------------------------------------------------------------------------


def tree_digest(root: Path) -> str:
    """Every entry under `root`: name, type, size, mtime, and content of regular files.
    Special files (FIFOs, device links) are described, never opened."""
    h = hashlib.sha256()
    if not root.exists():
        return "absent"
    entries = [root] if not root.is_dir() else sorted(root.rglob("*"))
    for p in entries:
        st = p.lstat()
        h.update(f"{p}\0{stat.S_IFMT(st.st_mode)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        if stat.S_ISREG(st.st_mode):
            with open(p, "rb") as f:
                while chunk := f.read(MB):
                    h.update(chunk)
    return h.hexdigest()


def _matches(problems: list, where: Path, expected: tuple[str, str, str, str]) -> list:
    file, fact_id, field, words = expected
    path = str(where / file) if file else str(where)
    return [p for p in problems if p.file == path and p.fact_id == fact_id
            and p.field == field and words in p.message]


def _check(case: str, where: Path, expected: tuple[str, str, str, str], root: Path,
           figures: dict, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(root)
    started = time.perf_counter()
    with pytest.raises(briefing.FactError) as e:
        briefing.load(where)
    elapsed = time.perf_counter() - started
    figures.setdefault("hostile_inputs", {})[case] = round(elapsed, 3)
    problems = e.value.problems
    assert _matches(problems, where, expected), "\n".join(map(str, problems))
    for p in problems:  # one problem, one line, naming a file under the input
        assert "\n" not in str(p) and str(p).startswith(str(where))
    lines = str(e.value).splitlines()
    assert len(lines) == len(problems) + 1
    # the command line: exit 1, the problem list, no traceback
    capsys.readouterr()
    assert cli(["validate", str(where)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert expected[3] in out.err
    assert tree_digest(root) == before, "loading changed something on disk"


def _with_sibling(tmp_path: Path, case_folder: Path) -> Path:
    """`tmp/a-case` (hostile, read first) and `tmp/z-valid` (a valid article)."""
    root = tmp_path / "base"
    root.mkdir()
    shutil.copytree(case_folder, root / "a-case", symlinks=True)
    shutil.copytree(VALID, root / "z-valid")
    return root


def _sibling_still_loads(root: Path) -> None:
    before = tree_digest(root)
    b = briefing.load(root, errors="skip")
    assert b.articles["article_id"].tolist() == ["fictional-ruritania"]
    assert b.problems and all("/a-case" in p.file for p in b.problems)  # none blames z-valid
    assert tree_digest(root) == before


# ---- tests -----------------------------------------------------------------------------------


def test_the_corpus_is_complete(figures: dict) -> None:
    on_disk = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
    assert on_disk == sorted(FILED)
    assert len(FILED) + len(MADE) >= 40
    figures["hostile_inputs_count"] = {"filed": len(FILED), "made": len(MADE)}


@pytest.mark.timeout(HANG_GUARD)
@pytest.mark.parametrize("case", sorted(FILED))
def test_filed_hostile_input(case: str, tmp_path: Path, figures: dict,
                             capsys: pytest.CaptureFixture[str]) -> None:
    root = _with_sibling(tmp_path, HOSTILE / case)
    _check(case, root / "a-case", FILED[case], root, figures, capsys)
    _sibling_still_loads(root)


@pytest.mark.timeout(HANG_GUARD)
@pytest.mark.parametrize("case", sorted(MADE))
def test_made_hostile_input(case: str, tmp_path: Path, figures: dict,
                            capsys: pytest.CaptureFixture[str]) -> None:
    make, expected = MADE[case]
    work = tmp_path / "work"
    work.mkdir()
    where = make(work)
    if case in NOT_ARTICLES:
        _check(case, where, expected, work, figures, capsys)
        return
    root = tmp_path / "base"
    root.mkdir()
    where = where.rename(root / "a-case")
    shutil.copytree(VALID, root / "z-valid")
    _check(case, where, expected, root, figures, capsys)
    _sibling_still_loads(root)


@pytest.mark.timeout(HANG_GUARD * 2)
@pytest.mark.parametrize("case", ["alias-bomb", "deep-flow-lists", "facts-50-mb",
                                  "random-bytes", "facts-is-a-fifo", "empty-folder"])
def test_cli_in_its_own_process(case: str, tmp_path: Path) -> None:
    """`python -m briefing validate` as a person runs it: exit 1, problems, no traceback
    (and no crash of the interpreter itself on deep nesting)."""
    make, expected = MADE[case]
    where = make(tmp_path)
    run = subprocess.run([sys.executable, "-m", "briefing", "validate", str(where)],
                         capture_output=True, text=True, timeout=HANG_GUARD, cwd=REPO_ROOT,
                         env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stdout + run.stderr
    assert expected[3] in run.stderr and str(where) in run.stderr


def test_no_input_can_make_a_huge_problem_list(tmp_path: Path) -> None:
    # 10,000 broken events give the first 200 problems and a note, not 40,000 lines
    where = MADE["ten-thousand-broken-events"][0](tmp_path)
    with pytest.raises(briefing.FactError) as e:
        briefing.load(where)
    assert len(e.value.problems) <= 201
    assert "stopped after" in e.value.problems[-1].message


def test_long_values_are_cut_short_in_messages(tmp_path: Path) -> None:
    where = _article(tmp_path, _tiny(b"status: occurred", b"status: " + b"x" * 200_000))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(where)
    [p] = [p for p in e.value.problems if p.field == "status"]
    assert len(p.message) < 300 and "200002 characters" in p.message


def test_ids_never_become_paths() -> None:
    """No module builds a file path from a fact id: paths come from folders, fixed names
    and hashes. (A line that builds a path and mentions an id is a finding.)"""
    import re

    builds_path = (r"(\b\w*(folder|root|dir|path|DIR|ROOT)\w*(\(\))?\s*/(?!/)"
                   r"|joinpath\(|Path\(|open\()")
    mentions_id = r"(\b\w+_id\b|\bids?\b|\[\"id\"\])"
    risky = re.compile(builds_path + r"[^\n]*" + mentions_id)
    found = [f"{p.name}: {line.strip()}" for p in (REPO_ROOT / "briefing").rglob("*.py")
             for line in p.read_text().splitlines()
             if risky.search(line) and not line.strip().startswith("#")]
    assert not found, found


@pytest.mark.parametrize("name", ["../../../etc/passwd", "world_110m/../../x", "/etc/hostname",
                                  "world_110m\n", "..%2fworld_110m", ""])
def test_the_browser_cannot_name_a_file_for_the_kernel_to_read(name: str) -> None:
    """The map widget asks the kernel for its topojson by name; only our own names work."""
    from briefing.widgets import PlotlyView

    view = PlotlyView(chart_id="probe")
    sent: list[dict] = []
    view.send = lambda msg, buffers=None: sent.append(msg)  # type: ignore[method-assign]
    view._on_custom_msg(view, {"type": "need-topojson", "name": name}, [])
    assert sent and sent[-1]["source"] is None
    view._on_custom_msg(view, {"type": "need-topojson", "name": "world_110m"}, [])
    assert sent[-1]["source"] and sent[-1]["source"].startswith("{")
