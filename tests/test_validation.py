"""Validation: every broken input gives a problem naming file, fact and field."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

import briefing

yamlfile = importlib.import_module("briefing.load.yamlfile")

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "data" / "broken"
TINY = ROOT / "tests" / "data" / "articles" / "tiny-valid"

# fixture folder → (file, fact id, field, words in the message) of the expected problem
EXPECTED = {
    "bad-cameo-code": ("facts.yaml", "ev-tiny-visit", "cameo_code", "not a CAMEO code"),
    "bad-credibility": ("facts.yaml", "ev-tiny-visit", "credibility", "outside 1–6"),
    "bad-date": ("facts.yaml", "ev-tiny-visit", "date", "not a date"),
    "bad-id": ("facts.yaml", "Ev_Tiny_Visit", "id", "does not match"),
    "bad-plover-mode": ("facts.yaml", "ev-tiny-visit", "plover_mode", "not a mode of"),
    "bad-plover-type": ("facts.yaml", "ev-tiny-visit", "plover_type", "CONFER"),
    "bad-reliability": ("facts.yaml", "src-tiny-wire", "reliability", "'G'"),
    "bad-status": ("facts.yaml", "ev-tiny-visit", "status", "happened"),
    "duplicate-id": ("facts.yaml", "ev-tiny-visit", "id", "already used"),
    "missing-article-text": ("article.txt", "", "", "missing file"),
    "missing-published-basis": ("facts.yaml", "tiny-valid", "published_basis", "required"),
    "no-actor-participant": ("facts.yaml", "ev-tiny-visit", "participants", "`actor`"),
    "no-evidence": ("facts.yaml", "st-tiny-listen", "evidence", "at least one quote"),
    "not-utf8": ("facts.yaml", "", "", "byte offset"),
    "position-out-of-range": ("facts.yaml", "pos-tiny-alba-help", "position", "0–100"),
    "quote-ambiguous": ("facts.yaml", "ev-tiny-visit", "evidence", "occurrence"),
    "quote-bad-occurrence": ("facts.yaml", "ev-tiny-pact", "evidence", "occurs 2 times"),
    "quote-not-in-text": ("facts.yaml", "ev-tiny-visit", "evidence", "not found"),
    "unknown-actor": ("facts.yaml", "ev-tiny-visit", "participants", "gondor"),
    "unknown-event": ("facts.yaml", "st-tiny-listen", "event", "ev-nowhere"),
    "unknown-issue": ("facts.yaml", "pos-tiny-alba-help", "issue", "iss-nowhere"),
    "unknown-key": ("facts.yaml", "ev-tiny-pact", "stauts", "unknown key"),
    "unknown-parent": ("facts.yaml", "alba-minister", "parent", "albania"),
    "unknown-source": ("facts.yaml", "st-tiny-listen", "source", "src-missing"),
    "unquoted-cameo-code": ("facts.yaml", "ev-tiny-visit", "cameo_code", "quoted"),
    "yaml-alias": ("facts.yaml", "", "", "aliases are not allowed"),
    "yaml-syntax": ("facts.yaml", "", "", "YAML"),
}


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_fixture_names_file_fact_and_field(case):
    file, fact_id, field, words = EXPECTED[case]
    with pytest.raises(briefing.FactError) as e:
        briefing.load(BROKEN / case)
    problems = e.value.problems
    match = [p for p in problems
             if p.file == str(BROKEN / case / file) and p.fact_id == fact_id
             and p.field == field and words in p.message]
    assert match, "\n".join(map(str, problems))
    # one line per problem, each naming its file
    lines = str(e.value).splitlines()
    assert len(lines) == len(problems) + 1
    assert all(str(BROKEN / case) in line for line in lines[1:])
    # YAML problems carry a line wherever the fact's file could be parsed
    if file == "facts.yaml" and case != "not-utf8":
        assert match[0].line is not None


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_skip_keeps_the_valid_sibling(case, tmp_path):
    shutil.copytree(TINY, tmp_path / "a-valid")
    broken = tmp_path / "b-broken"
    shutil.copytree(BROKEN / case, broken)
    # The broken copy must not clash with its valid sibling, so give it other ids.
    facts = broken / "facts.yaml"
    if facts.exists():
        raw = facts.read_bytes().replace(b"tiny", b"twin")
        facts.write_bytes(raw)
    b = briefing.load(tmp_path, errors="skip")
    assert b.articles["article_id"].tolist() == ["tiny-valid"]
    assert b.problems and all("b-broken" in p.file for p in b.problems)
    assert any(p.file == str(broken) and "skipped" in p.message for p in b.problems)
    assert len(b.events) == 2 and set(b.evidence["article_id"]) == {"tiny-valid"}


def test_a_valid_article_is_not_blamed_for_an_earlier_broken_one(tmp_path):
    # a-broken (bad status) and b-valid both declare ev-tiny-visit: the earlier article
    # is broken on its own, so it goes; the later one is then consistent and stays.
    shutil.copytree(BROKEN / "bad-status", tmp_path / "a-broken")
    later = tmp_path / "b-valid"
    shutil.copytree(TINY, later)
    (later / "facts.yaml").write_text(
        (later / "facts.yaml").read_text(encoding="utf-8").replace("id: tiny-valid",
                                                                   "id: tiny-later"),
        encoding="utf-8")
    b = briefing.load(tmp_path, errors="skip")
    assert b.articles["article_id"].tolist() == ["tiny-later"]
    with pytest.raises(briefing.FactError) as e:
        briefing.load(tmp_path)
    assert any(p.field == "status" for p in e.value.problems)


def test_shared_declarations_that_differ_warn_and_the_newest_wins(tmp_path):
    shutil.copytree(TINY, tmp_path / "a")
    other = tmp_path / "b"
    shutil.copytree(TINY, other)
    facts = (other / "facts.yaml").read_text(encoding="utf-8")
    for old in ("tiny-valid", "ev-tiny", "st-tiny", "pos-tiny"):
        facts = facts.replace(old, old.replace("tiny", "other"))
    (other / "facts.yaml").write_text(facts, encoding="utf-8")
    b = briefing.load(tmp_path)  # same sources/actors/issues, declared identically
    assert len(b.articles) == 2 and len(b.actors) == 3 and len(b.events) == 4
    assert b.evidence["evidence_id"].is_unique

    # b is newer and grades the wire differently: nothing is dropped, b's grade is used,
    # and the warning names the field and both values, at the older declaration.
    facts = facts.replace("published: 2025-03-10", "published: 2025-05-01")
    (other / "facts.yaml").write_text(facts.replace("reliability: B", "reliability: C"),
                                      encoding="utf-8")
    b = briefing.load(tmp_path)
    assert b.problems == () and len(b.articles) == 2 and len(b.events) == 4
    assert b.sources.set_index("source_id").loc["src-tiny-wire", "reliability"] == "C"
    [w] = b.warnings
    assert (w.fact_id, w.field) == ("src-tiny-wire", "reliability") and "/a/" in w.file
    assert "reliability: 'B' here, 'C' there" in w.message and "/b/" in w.message


@pytest.mark.parametrize("where", ["missing", "empty", "no-articles", "file"])
def test_bad_paths_are_clear(where, tmp_path):
    path = {"missing": tmp_path / "nope", "empty": tmp_path,
            "no-articles": tmp_path, "file": tmp_path / "x.txt"}[where]
    if where == "no-articles":
        (tmp_path / "sub").mkdir()
    if where == "file":
        path.write_text("hi")
    with pytest.raises(briefing.FactError) as e:
        briefing.load(path)
    assert str(path) in str(e.value)


def _article(tmp_path: Path, facts: bytes | str) -> Path:
    folder = tmp_path / "art"
    shutil.copytree(TINY, folder)
    data = facts.encode() if isinstance(facts, str) else facts
    (folder / "facts.yaml").write_bytes(data)
    return folder


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    folder = _article(tmp_path, "\n".join(bomb) + "\n")
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder)
    assert "aliases are not allowed" in str(e.value)


def test_merge_keys_are_refused(tmp_path):
    folder = _article(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    with pytest.raises(briefing.FactError, match="not allowed"):
        briefing.load(folder)


def test_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    with pytest.raises(briefing.FactError, match="the limit is 100"):
        briefing.load(TINY, cache=False)


@pytest.mark.parametrize("text", [
    "[" * 5000 + "]" * 5000,                     # libyaml's depth limit
    "".join(f"{'  ' * i}k:\n" for i in range(400)) + "  " * 400 + "v\n",  # deep blocks
    "article: [1, 2\n",                          # unclosed
    "- just\n- a list\n",                        # wrong top level
    "",                                          # empty
    "a: 1\na: 2\n",                              # duplicate key
    "? [1, 2]\n: x\n",                           # unhashable key
    "article: {published: 2025-13-45}\n",        # no such day
    "\t- tab\n",
])
def test_hostile_yaml_is_a_problem_not_a_traceback(text, tmp_path):
    folder = _article(tmp_path, text)
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder)
    assert e.value.problems and all("facts.yaml" in p.file for p in e.value.problems)


def test_wrong_types_everywhere_are_problems(tmp_path):
    facts = (TINY / "facts.yaml").read_text(encoding="utf-8")
    facts = (facts.replace("credibility: 2", "credibility: two")
             .replace("salience: 80", "salience: true")
             .replace("summary: Alba and Borea signed a trade pact", "summary: [a, b]")
             .replace("- quote: \"Alba and Borea signed a trade pact in 2024.\"",
                      "- quote: 42"))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(_article(tmp_path, facts))
    got = {(p.fact_id, p.field) for p in e.value.problems}
    assert {("ev-tiny-visit", "credibility"), ("pos-tiny-alba-help", "salience"),
            ("ev-tiny-pact", "summary"), ("ev-tiny-pact", "evidence")} <= got


def test_dates_month_and_year_precision(tmp_path):
    facts = (TINY / "facts.yaml").read_text(encoding="utf-8")
    facts = facts.replace("date: 2025-03-10\n", 'date: "2025-03"\n')
    b = briefing.load(_article(tmp_path, facts))
    ev = b.events.set_index("event_id")
    assert ev.loc["ev-tiny-visit", "date_precision"] == "month"
    assert str(ev.loc["ev-tiny-visit", "date"].date()) == "2025-03-01"


def test_errors_argument_is_checked():
    with pytest.raises(ValueError, match="errors"):
        briefing.load(TINY, errors="ignore")  # type: ignore[arg-type]


def test_cameo_and_plover_codebooks_name_105_to_108_alike():
    # CAMEO's own manual and PLOVER's table: 105 yield, 106 meet, 107 settle, 108 mediation.
    from briefing.codebooks import load_codebooks

    cb = load_codebooks()
    table = (ROOT / "assets" / "codebooks" / "cameo2plover-2021.txt").read_text()
    for code, word in (("105", "yields"), ("106", "meeting"), ("107", "settling"),
                       ("108", "mediation")):
        assert word in cb.cameo_name(code).lower(), code
        line = next(x for x in table.splitlines() if x.startswith(f"{code}:"))
        assert word in line.split("#", 1)[1].lower(), line
        assert cb.plover_type_of(code) == "REQUEST"


def test_a_cameo_code_must_belong_to_its_plover_type(tmp_path):
    folder = tmp_path / "art"
    shutil.copytree(TINY, folder)
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('cameo_code: "042"',
                                                               'cameo_code: "195"'))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder, cache=False)
    [p] = e.value.problems
    assert (p.fact_id, p.field) == ("ev-tiny-visit", "cameo_code")
    assert "ASSAULT" in p.message and "CONSULT" in p.message


def test_a_country_code_must_be_iso(tmp_path):
    folder = tmp_path / "art"
    shutil.copytree(TINY, folder)
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("country: ALB",
                                                               "country: ALX", 1))
    with pytest.raises(briefing.FactError) as e:
        briefing.load(folder, cache=False)
    [p] = e.value.problems
    assert (p.fact_id, p.field) == ("alba", "country") and "ISO 3166-1" in p.message
