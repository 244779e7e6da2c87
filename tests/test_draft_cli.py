"""`python -m briefing draft`, run as a user runs it: output files, --force, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "data" / "draft" / "article.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", "draft", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_writes_the_text_byte_exact_and_the_facts(tmp_path):
    out = tmp_path / "norway"
    r = run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out))
    assert r.returncode == 0, r.stderr
    assert "awaits review" in r.stdout
    assert _files(tmp_path) == {"norway", "norway/article.txt", "norway/facts.yaml"}
    assert (out / "article.txt").read_bytes() == ARTICLE.read_bytes()
    facts = yaml.safe_load((out / "facts.yaml").read_text(encoding="utf-8"))
    assert facts["article"]["title"] == "Norway offers to host Baltic fisheries talks"
    assert facts["events"] and all(e["review"] == "pending" for e in facts["events"])


def test_validate_reports_the_placeholders_of_a_draft(tmp_path):
    out = tmp_path / "norway"
    assert run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out)).returncode == 0
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stdout + r.stderr
    outlet = yaml.safe_load((out / "facts.yaml").read_text(encoding="utf-8"))["sources"][0]["id"]
    assert f"{outlet}: reliability: awaits the analyst" in r.stdout + r.stderr


def test_title_option(tmp_path):
    out = tmp_path / "t"
    assert run(str(ARTICLE), "--published", "2025-06-27", "--title", "Nets and boats",
               "--into", str(out)).returncode == 0
    assert yaml.safe_load((out / "facts.yaml").read_text())["article"]["title"] == \
        "Nets and boats"


def test_an_existing_facts_yaml_is_kept_without_force(tmp_path):
    out = tmp_path / "norway"
    out.mkdir()
    (out / "facts.yaml").write_text("# the analyst's work\n")
    r = run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out))
    assert r.returncode == 1 and "--force" in r.stderr
    assert (out / "facts.yaml").read_text() == "# the analyst's work\n"
    assert not (out / "article.txt").exists()
    r = run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out), "--force")
    assert r.returncode == 0, r.stderr
    assert (out / "facts.yaml").read_text().startswith("# Drafted by")


def test_never_writes_through_a_planted_link(tmp_path):
    out = tmp_path / "d"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    (out / "article.txt").symlink_to(outside)
    r = run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out), "--force")
    assert r.returncode == 1 and "symbolic link" in r.stderr
    assert outside.read_text() == "keep"


BAD_TEXT = {
    "empty": (b"", "empty"),
    "blank": (b"  \n\n ", "empty"),
    "huge": (b"Iran met Iraq. " * 350_000, "too long"),
    "binary": (bytes(range(256)) * 40, "UTF-8"),
    "latin1": ("Le ministre a déclaré.".encode("latin-1"), "not UTF-8"),
    "nul": (b"Iran met Iraq.\x00\x00", "binary"),
    "html": (b"<html><body><p>Iran met Iraq.</p><script>alert(1)</script></body></html>",
             "HTML"),
}


@pytest.mark.parametrize("name", list(BAD_TEXT))
def test_bad_text_exits_1_with_a_clear_message_and_writes_nothing(tmp_path, name):
    data, message = BAD_TEXT[name]
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    r = run(str(src), "--published", "2025-06-27", "--into", str(tmp_path / "out"))
    assert r.returncode == 1
    assert message in r.stderr and "Traceback" not in r.stderr + r.stdout
    assert r.stderr.startswith("draft: ") and len(r.stderr.splitlines()) == 1
    assert _files(tmp_path) == {"in.txt"}


@pytest.mark.parametrize("date, message", [("2025-13-40", "not a date"),
                                           ("yesterday", "not a date"),
                                           ("2999-01-01", "in the future")])
def test_bad_publication_date(tmp_path, date, message):
    r = run(str(ARTICLE), "--published", date, "--into", str(tmp_path / "out"))
    assert r.returncode == 1 and message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_file(tmp_path):
    r = run(str(tmp_path / "nope.txt"), "--published", "2025-06-27", "--into",
            str(tmp_path / "out"))
    assert r.returncode == 1 and "no such file" in r.stderr


def test_text_without_sentence_punctuation_gives_an_empty_draft(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("iran and iraq held talks on monday in baghdad\nthe talks went well\n")
    r = run(str(src), "--published", "2025-06-27", "--into", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    facts = yaml.safe_load((tmp_path / "out" / "facts.yaml").read_text())
    assert facts["events"] == [] and facts["statements"] == []


@pytest.mark.parametrize("text, published, message", [
    ("", "2025-06-27", "empty"),
    ("Iran met Iraq. " * 400_000, "2025-06-27", "too long"),
    (b"\xff\xfe Iran", "2025-06-27", "not UTF-8"),
    ("<script>alert(1)</script> Iran met Iraq.", "2025-06-27", "HTML"),
    ("Iran met Iraq.", "27/06/2025", "not a date"),
    ("Iran met Iraq.", "2999-01-01", "in the future"),
])
def test_the_api_refuses_bad_input_with_a_draft_error(text, published, message):
    from briefing.draft import DraftError, draft

    with pytest.raises(DraftError, match=message):
        draft(text, published=published, known=None)


def test_with_the_placeholders_filled_validate_counts_the_facts_awaiting_review(tmp_path):
    out = tmp_path / "norway"
    assert run(str(ARTICLE), "--published", "2025-06-27", "--into", str(out)).returncode == 0
    facts = out / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8")
                     .replace("reliability: TODO", "reliability: F")
                     .replace("credibility: TODO", "credibility: 6"), encoding="utf-8")
    d = yaml.safe_load(facts.read_text(encoding="utf-8"))
    pending = sum(len(d[k]) for k in ("sources", "actors", "events", "statements"))
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"{pending} facts await review" in r.stdout


# --- Issue 21: outlet, URL, meta.json, many articles at once ----------------------------

BATCH = ROOT / "tests" / "data" / "draft" / "batch"


def _problems(folder: Path) -> list[str]:
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(folder)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    return [line for line in (r.stdout + r.stderr).splitlines() if ": " in line
            and "facts.yaml" in line]


def test_outlet_and_url_options_name_the_articles_source(tmp_path):
    out = tmp_path / "out"
    r = run(str(ARTICLE), "--published", "2025-06-27", "--outlet", "The Quay Post",
            "--url", "https://example.org/quay", "--into", str(out))
    assert r.returncode == 0, r.stderr
    facts = yaml.safe_load((out / "facts.yaml").read_text(encoding="utf-8"))
    assert facts["article"]["outlet"] == "The Quay Post"
    assert facts["article"]["url"] == "https://example.org/quay"
    own = [s for s in facts["sources"] if s["kind"] == "outlet"]
    assert [s["name"] for s in own] == ["The Quay Post"]


def test_meta_json_beside_the_text_gives_date_outlet_and_url(tmp_path):
    out = tmp_path / "out"
    r = run(str(BATCH / "alba-call" / "article.txt"), "--into", str(out))
    assert r.returncode == 0, r.stderr
    article = yaml.safe_load((out / "facts.yaml").read_text(encoding="utf-8"))["article"]
    assert (str(article["published"]), article["outlet"], article["url"]) == (
        "2025-09-15", "The Harbour Gazette (fictional)", "https://example.org/harbour/call")


def test_no_date_anywhere_is_a_clear_message(tmp_path):
    r = run(str(ARTICLE), "--into", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "no publication date" in r.stderr and "meta.json" in r.stderr


def test_many_folders_are_drafted_in_parallel_with_a_summary(tmp_path):
    r = run(str(BATCH / "alba-call"), str(BATCH / "borea-detention"), "--into",
            str(tmp_path), "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert {"alba-call/facts.yaml", "borea-detention/facts.yaml"} <= _files(tmp_path)
    rows = {line.split()[0]: line.split() for line in r.stdout.splitlines()}
    assert rows["alba-call"][-1] == rows["borea-detention"][-1] == "drafted"
    assert "2 of 2 drafted (2 processes)" in r.stdout
    assert "2/2" in r.stderr                       # the progress line
    # Every draft validates with only "awaits the analyst" messages, each said once.
    problems = _problems(tmp_path)
    assert problems and all("awaits the analyst" in p for p in problems)
    assert len(problems) == len(set(problems))
    assert not any("contract:" in p or "dtype" in p for p in problems)


def test_a_bad_article_in_a_batch_is_reported_and_the_rest_drafted(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "article.txt").write_bytes(b"\xff\xfe not text")
    (bad / "meta.json").write_text('{"published": "2025-09-01"}')
    r = run(str(BATCH / "alba-call"), str(bad), "--into", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "1 of 2 drafted" in r.stdout
    assert "not UTF-8" in r.stderr
    assert (tmp_path / "out" / "alba-call" / "facts.yaml").is_file()


def test_two_drafts_sharing_fact_ids_validate_without_internal_messages(tmp_path):
    # Fact ids belong to their article, so two drafts both have "ev-1-…"; the loader then
    # prefixes them, and a TODO it already reported must not come back as an internal
    # "contract: dtype('int64'): nan" message.
    for name, day in (("first", "2025-09-15"), ("second", "2025-09-16")):
        r = run(str(BATCH / "alba-call" / "article.txt"), "--published", day, "--into",
                str(tmp_path / name))
        assert r.returncode == 0, r.stderr
    problems = _problems(tmp_path)
    assert problems and all("awaits the analyst" in p for p in problems)


GOLD = ROOT / "bench" / "gold" / "egypt-kenya-call-2025-09-15"


def _coded_copy(tmp_path: Path) -> Path:
    """A hand-coded article with the analyst's comments in it, mode 0644."""
    folder = tmp_path / "coded"
    folder.mkdir()
    (folder / "article.txt").write_bytes((GOLD / "article.txt").read_bytes())
    lines = (GOLD / "facts.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("events:"))
    lines.insert(at + 1, "  # analyst: the call's date is the dateline's day, not 'Sunday'\n")
    (folder / "facts.yaml").write_text("".join(lines), encoding="utf-8")
    (folder / "facts.yaml").chmod(0o644)
    return folder


def test_add_puts_the_new_drafted_facts_into_a_coded_file_and_changes_nothing_else(tmp_path):
    folder = _coded_copy(tmp_path)
    before = (folder / "facts.yaml").read_text(encoding="utf-8")
    r = run(str(folder / "article.txt"), "--published", "2025-09-15", "--into",
            str(folder), "--add")
    assert r.returncode == 0, r.stderr
    assert "added" in r.stdout and "kept out" in r.stdout
    after = (folder / "facts.yaml").read_text(encoding="utf-8")
    # Every line the analyst wrote is still there, in order: only lines were added.
    import difflib
    ops = [op for op, *_ in difflib.SequenceMatcher(None, before.splitlines(),
                                                     after.splitlines()).get_opcodes()]
    assert set(ops) == {"equal", "insert"}, ops
    assert "# analyst: the call's date is the dateline's day" in after
    assert (folder / "facts.yaml").stat().st_mode & 0o777 == 0o644
    assert (folder / "article.txt").read_bytes() == (GOLD / "article.txt").read_bytes()
    doc = yaml.safe_load(after)
    hand = yaml.safe_load(before)
    new_events = [e for e in doc["events"] if e["id"] not in {h["id"] for h in hand["events"]}]
    assert new_events and all(e["review"] == "pending" for e in new_events)
    assert doc["article"] == hand["article"] | {k: v for k, v in doc["article"].items()
                                               if k not in hand["article"]}
    # The suggestions' judgments await the analyst, said in plain words once each; the
    # analyst's own facts raise nothing (no internal message about the mixed column).
    problems = _problems(folder)
    assert problems and all("awaits the analyst" in p for p in problems), problems
    assert len(problems) == len(set(problems))
    hand_ids = {f["id"] for kind in ("events", "statements", "sources")
                for f in hand.get(kind) or []}
    assert not any(f": {i}: " in p for p in problems for i in hand_ids)
    # Adding the same draft again adds nothing and leaves the file as it is, byte for byte.
    r = run(str(folder / "article.txt"), "--published", "2025-09-15", "--into",
            str(folder), "--add")
    assert r.returncode == 0, r.stderr
    assert "added 0 new facts" in r.stdout
    assert (folder / "facts.yaml").read_text(encoding="utf-8") == after


def test_add_and_force_cannot_be_given_together(tmp_path):
    folder = _coded_copy(tmp_path)
    r = run(str(folder / "article.txt"), "--published", "2025-09-15", "--into",
            str(folder), "--add", "--force")
    assert r.returncode == 2 and "not allowed with" in r.stderr
