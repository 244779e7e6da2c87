"""Loading: the real article and the test articles become the contract's frames."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import briefing
from briefing.load import parse_article
from briefing.model import COLUMNS, FRAMES
from briefing.schema import MODELS
from briefing.text import coverage, split_sentences

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "assets" / "articles" / "iran-russia-2025-06-23"
TINY = ROOT / "tests" / "data" / "articles" / "tiny-valid"
TEST_ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture(scope="module")
def real() -> briefing.Briefing:
    return briefing.load()


@pytest.fixture(scope="module")
def tiny() -> briefing.Briefing:
    return briefing.load(TINY)


def test_default_load_is_the_real_article(real):
    assert real.problems == ()
    assert real.articles["article_id"].tolist() == ["iran-russia-2025-06-23"]
    assert all(len(real.frames()[name]) > 0 for name in FRAMES)


@pytest.mark.parametrize("which", ["real", "tiny"])
def test_frames_have_contract_columns_and_pass_their_models(which, request):
    b = request.getfixturevalue(which)
    for name in FRAMES:
        df = b.frames()[name]
        assert tuple(df.columns) == COLUMNS[name], name
        MODELS[name].validate(df, lazy=True)


@pytest.mark.parametrize("which", ["real", "tiny"])
def test_every_quote_is_the_text_at_its_offsets(which, request):
    b = request.getfixturevalue(which)
    text = b.articles.set_index("article_id")["text"]
    for row in b.evidence.itertuples():
        assert text[row.article_id][row.start:row.end] == row.quote, row.evidence_id


@pytest.mark.parametrize("which", ["real", "tiny"])
def test_every_fact_has_evidence_and_every_event_an_actor(which, request):
    b = request.getfixturevalue(which)
    cited = set(b.evidence["fact_id"])
    assert set(b.events["event_id"]) <= cited
    assert set(b.statements["statement_id"]) <= cited
    assert set(b.positions["position_id"]) <= cited
    doers = set(b.participants.loc[b.participants["role"] == "actor", "event_id"])
    assert set(b.events["event_id"]) <= doers


def test_every_sentence_of_the_real_article_is_cited(real):
    cov = coverage(real.sentences, real.evidence)
    uncited = cov[~cov["is_heading"] & ~cov["cited"]]
    assert uncited.empty, uncited["text"].tolist()


def test_real_article_sentences_and_headings(real):
    text = real.articles["text"].iloc[0]
    lines = text.split("\n")
    # The brief says 15 lines; the file has 15 newlines, so 16 lines. Headings are
    # lines 4, 9 and 13 either way.
    assert len(lines) == 16
    headings = real.sentences[real.sentences["is_heading"]]
    assert headings["text"].tolist() == [lines[3], lines[8], lines[12]]
    assert headings["text"].tolist() == ["Tehran Not Satisfied", "Mediation",
                                         "Russian Support for Iran"]
    for s in real.sentences.itertuples():
        assert text[s.start:s.end] == s.text
    # "U.S." inside a sentence is no boundary.
    assert not real.sentences["text"].str.endswith("U.S.").any()


def test_sentence_split_rules():
    text = "Head Line\nMr. Smith met the U.N. Chief. He left! “Why?” she said. Done."
    got = [s["text"] for s in split_sentences("x", text)]
    assert got == ["Head Line", "Mr. Smith met the U.N. Chief.", "He left!",
                   "“Why?” she said.", "Done."]
    assert [s["sentence_id"] for s in split_sentences("x", text)][:2] == ["x:s0", "x:s1"]


def test_a_time_of_day_opening_a_sentence_does_not_end_it():
    text = "At around 4 p.m. Police left. The talks ended at 4 p.m. The envoys left."
    assert [s["text"] for s in split_sentences("x", text)] == [
        "At around 4 p.m. Police left.", "The talks ended at 4 p.m.", "The envoys left."]


def test_evidence_ids_kinds_and_sentences(tiny):
    ev = tiny.evidence
    assert ev["evidence_id"].is_unique
    assert (ev["evidence_id"] == ev["fact_id"] + "#1").all()
    assert set(ev["fact_kind"]) == {"event", "statement", "position"}
    sent = tiny.sentences.set_index("sentence_id")
    for row in ev.itertuples():
        s = sent.loc[row.sentence_id]
        assert s["start"] <= row.start < s["end"]


def test_dates_codebook_columns_and_blocs(tiny):
    ev = tiny.events.set_index("event_id")
    assert str(ev["date"].dtype).startswith("datetime64")
    assert ev.loc["ev-tiny-visit", "date"] == pd.Timestamp("2025-03-10")
    assert ev.loc["ev-tiny-visit", "date_precision"] == "day"
    assert ev.loc["ev-tiny-pact", "date"] == pd.Timestamp("2024-01-01")
    assert ev.loc["ev-tiny-pact", "date_precision"] == "year"
    assert ev.loc["ev-tiny-visit", "goldstein"] == 1.9  # CAMEO 042
    assert ev.loc["ev-tiny-visit", "cameo_name"] == "Make a visit"
    assert ev.loc["ev-tiny-visit", "plover_score"] == 4.0
    assert ev.loc["ev-tiny-pact", "quad_class"] == "material cooperation"
    blocs = tiny.actors.set_index("actor_id")["bloc"]
    assert blocs.to_dict() == {"alba": "alba", "alba-minister": "alba", "borea": "north"}
    assert (tiny.positions["basis"] == "analyst_judgment").all()


def test_goldstein_matches_cameo_codebook(real):
    gold = real.cameo.set_index("cameo_code")["goldstein"]
    assert (real.events["goldstein"] == real.events["cameo_code"].map(gold)).all()


def test_codebooks_are_frames(real):
    assert {"cameo_code", "name", "goldstein", "quad_class"} <= set(real.cameo.columns)
    assert real.cameo["cameo_code"].str.startswith("0").any()  # codes kept as strings
    assert {"plover_type", "plover_mode", "score"} <= set(real.plover.columns)
    assert set(real.admiralty["axis"]) == {"reliability", "credibility"}


def test_the_newer_copy_of_an_article_is_blamed_not_the_later_name(tmp_path):
    for name in ("b-older", "a-newer"):
        shutil.copytree(TINY, tmp_path / name)
    facts = tmp_path / "a-newer" / "facts.yaml"
    text = facts.read_text()
    assert "published: 2025-03-10" in text
    facts.write_text(text.replace("published: 2025-03-10", "published: 2025-04-02"))
    # The same article twice: the newer one (a-newer, though it sorts first) is blamed.
    with pytest.raises(briefing.FactError) as e:
        briefing.load(tmp_path)
    assert [p.field for p in e.value.problems] == ["id"]
    assert all("a-newer" in p.file for p in e.value.problems)
    kept = briefing.load(tmp_path, errors="skip")
    assert [Path(f).name for f in kept.articles["folder"]] == ["b-older"]
    assert len(kept.events) > 0


def test_test_articles_folder_loads():
    b = briefing.load(TEST_ARTICLES)
    assert b.problems == ()
    folders = sorted(p.name for p in TEST_ARTICLES.iterdir() if (p / "facts.yaml").exists())
    # Oldest first (then by folder name): the order the page reads them in.
    assert sorted(Path(f).name for f in b.articles["folder"]) == folders
    assert b.articles["published"].is_monotonic_increasing
    cov = coverage(b.sentences, b.evidence)
    assert cov.loc[~cov["is_heading"], "cited"].all()


def test_env_var_sets_the_assets_folder(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "assets" / "codebooks", tmp_path / "codebooks")
    shutil.copytree(TINY, tmp_path / "articles" / "tiny-valid")
    monkeypatch.setenv("BRIEFING_ASSETS", str(tmp_path))
    b = briefing.load()
    assert b.articles["article_id"].tolist() == ["tiny-valid"]


def test_parse_article_is_plain_and_picklable():
    import pickle

    parsed = parse_article(TINY)
    assert parsed.problems == []
    again = pickle.loads(pickle.dumps(parsed))
    assert again.records["events"][0]["event_id"] == "ev-tiny-visit"


def test_load_modifies_nothing_on_disk(tmp_path):
    shutil.copytree(TINY, tmp_path / "a")
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    briefing.load(tmp_path / "a")
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


def test_a_date_older_than_the_frames_can_hold_is_a_problem_not_a_crash(tmp_path):
    shutil.copytree(TINY, tmp_path / "old")
    facts = tmp_path / "old" / "facts.yaml"
    text = facts.read_text()
    first = text.index("    date: 20", text.index("events:"))
    end = text.index("\n", first)
    facts.write_text(text[:first] + "    date: 1656-05-01" + text[end:])
    with pytest.raises(briefing.FactError) as e:
        briefing.load(tmp_path / "old")
    [p] = e.value.problems
    assert p.field == "date" and "1656-05-01" in p.message and "1678" in p.message, p
    assert "facts.yaml" in p.file
