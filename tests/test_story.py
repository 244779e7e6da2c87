"""Many articles, one story: the loader, channels, words, charts and selection on
`tests/data/story/` — three fictional articles months apart (March, June and November
2025) with a registry of the entities they share — and `tests/data/story-broken/` (the
same plus one article that names an actor declared nowhere).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import briefing
from briefing.model import Briefing
from tests.tiny import check

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "data" / "story"
BROKEN = ROOT / "tests" / "data" / "story-broken"
MARCH, JUNE, NOVEMBER = ("fisheries-call-2025-03-12", "praia-accra-2025-06-11",
                         "norway-envoy-2025-11-19")
FOLDERS = {MARCH: "2025-03-fisheries-call", JUNE: "2025-06-praia-accra",
           NOVEMBER: "2025-11-norway-envoy"}
BROKEN_ID, BROKEN_FOLDER = "lome-talks-2025-12-03", "2025-12-lome-talks"


@pytest.fixture(scope="module")
def story() -> Briefing:
    return check(briefing.load(STORY, cache=False))


def _row(df, col: str, value: str):
    hit = df[df[col] == value]
    assert len(hit) == 1, (col, value, len(hit))
    return hit.iloc[0]


# ---------------------------------------------------------------------------- loader


def test_yaml_lists_of_members_and_aliases_load(story):
    # facts-format.md writes both as YAML lists; the loader once refused them as
    # "must be a string".
    assert _row(story.actors, "actor_id", "atlantic-group")["members"] == \
        "ghana senegal cabo-verde"
    assert _row(story.actors, "actor_id", "cv-fm")["aliases"] == "Helena Semedo|Semedo"


def test_nothing_is_dropped(story):
    assert story.problems == ()
    assert sorted(story.articles["article_id"]) == sorted([MARCH, JUNE, NOVEMBER])
    # Every event, statement and position of every facts.yaml is in the frames.
    import yaml

    for article_id, folder in FOLDERS.items():
        facts = yaml.safe_load((STORY / folder / "facts.yaml").read_text(encoding="utf-8"))
        for key, frame, col in (("events", "events", "event_id"),
                                ("statements", "statements", "statement_id"),
                                ("positions", "positions", "position_id")):
            mine = getattr(story, frame)
            mine = mine.loc[mine["article_id"] == article_id, col]
            assert len(mine) == len(facts.get(key, [])), (article_id, key)
        assert (story.key_points["article_id"] == article_id).sum() == \
            len(facts["article"]["key_points"])
    # Every sentence that is not a heading is cited by some fact.
    from briefing.text import coverage

    cov = coverage(story.sentences, story.evidence)
    assert cov.loc[~cov["is_heading"], "cited"].all()


def test_the_redeclared_actor_warns_with_both_files_and_both_values(story):
    assert len(story.warnings) == 1
    w = story.warnings[0]
    assert w.file.endswith(f"{FOLDERS[JUNE]}/facts.yaml")
    assert w.fact_id == "ghana-fm" and w.field == "role"
    assert str(STORY / "registry.yaml") in w.message
    assert "'Minister for Foreign Affairs of Ghana' here" in w.message
    assert "'Foreign Minister of Ghana' there" in w.message
    # The registry's declaration wins.
    assert _row(story.actors, "actor_id", "ghana-fm")["role"] == "Foreign Minister of Ghana"


def test_reused_fact_ids_are_scoped_everywhere(story):
    march, june = f"{MARCH}/ev-call", f"{JUNE}/ev-call"
    assert "ev-call" not in set(story.events["event_id"])
    assert {march, june} <= set(story.events["event_id"])
    assert _row(story.events, "event_id", march)["article_id"] == MARCH
    assert _row(story.events, "event_id", june)["article_id"] == JUNE
    assert set(story.participants.loc[story.participants["event_id"] == march, "actor_id"]) \
        == {"ghana-fm", "norway-fm", "senegal", "cabo-verde"}
    assert set(story.participants.loc[story.participants["event_id"] == june, "actor_id"]) \
        == {"cv-fm", "senegal-fm"}
    assert set(story.evidence.loc[story.evidence["fact_id"] == march, "article_id"]) == {MARCH}
    assert set(story.evidence.loc[story.evidence["fact_id"] == june, "article_id"]) == {JUNE}
    assert _row(story.statements, "statement_id", "st-contact")["event_id"] == march
    kp = story.key_points
    assert march in kp.loc[kp["article_id"] == MARCH, "fact_ids"].str.split().sum()
    assert june in kp.loc[kp["article_id"] == JUNE, "fact_ids"].str.split().sum()
    # The position id that both March and November use is scoped too.
    assert {f"{MARCH}/pos-norway-licences", f"{NOVEMBER}/pos-norway-licences"} <= \
        set(story.positions["position_id"])
    # No frame refers to a bare id that no longer exists.
    every = set(story.events["event_id"]) | set(story.statements["statement_id"]) | \
        set(story.positions["position_id"])
    assert set(story.evidence.loc[story.evidence["fact_kind"] != "source", "fact_id"]) <= every
    assert set(" ".join(kp["fact_ids"]).split()) <= every


def test_the_model_holds_the_story(story):
    ev = story.events.set_index("event_id")
    assert ev.at["ev-suspension", "status"] == "ongoing"
    assert ev.loc[["ev-unlawful", "ev-research", "ev-host-offer", "ev-funding"],
                  "date"].isna().all()
    assert str(ev.at["ev-patrols", "date_end"].date()) == "2025-11-14"
    assert ev.at["ev-dakar-visit", "status"] == "postponed"
    assert ev.at["ev-patrols-start", "date_precision"] == "month"
    assert _row(story.actors, "actor_id", "ghana-official")["kind"] == "unnamed"
    assert _row(story.statements, "statement_id", "st-frank")["speaker_id"] == "ghana-official"
    src = story.sources.set_index("source_id")
    assert src.at["src-aggregator", "via"] == "src-cv-broadcaster"
    assert src.at["src-cv-broadcaster", "via"] == "src-cv-readout"
    assert src.at["src-cv-readout", "via"] == ""
    assert (story.positions["actor_id"] == "norway").sum() == 2


def _copy(src: Path, dest: Path, rename: dict[str, str]) -> Path:
    dest.mkdir()
    shutil.copy(src / "registry.yaml", dest / "registry.yaml")
    for folder in (p for p in src.iterdir() if p.is_dir()):
        shutil.copytree(folder, dest / rename.get(folder.name, folder.name))
    return dest


@pytest.mark.parametrize("broken_name", ["0-first-by-name", "zz-last-by-name"])
def test_skip_mode_blames_only_the_broken_article(tmp_path, broken_name):
    # The broken article sorts first, then last, by folder name; the valid ones are
    # renamed the other way round. Blame must follow the content, not the names.
    others = {FOLDERS[a]: f"{'z' if broken_name < 'm' else 'a'}-{i}" for i, a in
              enumerate((MARCH, JUNE, NOVEMBER))}
    root = _copy(BROKEN, tmp_path / "base", {BROKEN_FOLDER: broken_name, **others})
    with pytest.raises(briefing.FactError, match="unknown actor 'togo'"):
        briefing.load(root, cache=False)
    b = check(briefing.load(root, errors="skip", cache=False))
    assert sorted(b.articles["article_id"]) == sorted([MARCH, JUNE, NOVEMBER])
    skipped = [p for p in b.problems if p.message.startswith("article skipped")]
    assert [Path(p.file).name for p in skipped] == [broken_name]
    assert all(broken_name in p.file for p in b.problems)
    assert any(p.fact_id == "ev-togo-request" and p.field == "participants"
               for p in b.problems)
    assert len(b.events) == len(briefing.load(STORY, cache=False).events)
    assert len(b.warnings) == 1  # the re-declaration is a warning, never a skip


def _cli(*args: str) -> tuple[int, str, str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_CACHE": "off"}
    r = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                       text=True, cwd=ROOT, env=env, timeout=300)
    return r.returncode, r.stdout, r.stderr


def test_validate_new_against_base_through_the_cli(tmp_path):
    base = _copy(STORY, tmp_path / "base", {})
    new = tmp_path / "new"
    new.mkdir()
    shutil.move(base / FOLDERS[NOVEMBER], new / FOLDERS[NOVEMBER])
    # The new article alone cannot resolve the registry's actors …
    code, _, err = _cli("validate", str(new / FOLDERS[NOVEMBER]))
    assert code == 1 and "unknown actor" in err
    # … against the base it can; the base's warning is printed, naming the field.
    code, out, err = _cli("validate", str(new / FOLDERS[NOVEMBER]), "--against", str(base))
    assert code == 0, err
    assert "articles=3" in out and "coverage 24/24" in out
    assert "warning:" in err and "ghana-fm: role" in err
    # A new article with an unknown actor is refused, naming file, fact and field.
    code, out, err = _cli("validate", str(BROKEN / BROKEN_FOLDER), "--against", str(base))
    assert code == 1 and out == ""
    assert f"{BROKEN_FOLDER}/facts.yaml" in err and "ev-togo-request" in err \
        and "participants" in err and "Traceback" not in err


# -------------------------------------------------------------------------- channels


def test_the_phone_call_is_one_mutual_row_between_the_ministers(story):
    ch = briefing.channels(story)
    call = f"{MARCH}/ev-call"
    rows = ch[ch["event_ids"].str.split().map(lambda ids: call in ids)]
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r["source"], r["target"]) == ("ghana-fm", "norway-fm")
    assert r["mutual"] and r["leg"] == "mutual" and r["events"] == 1
    assert (r["plover_type"], r["plover_mode"]) == ("CONSULT", "phone")
    # The subjects of the call are never its recipients.
    touching = ch[ch["source"].isin(["senegal", "cabo-verde"])
                  | ch["target"].isin(["senegal", "cabo-verde"])]
    assert not touching["event_ids"].str.contains(call, regex=False).any()
    # The June call (same id in its article) is its own mutual row.
    june = ch[ch["event_ids"] == f"{JUNE}/ev-call"]
    assert june[["source", "target", "mutual"]].values.tolist() == \
        [["cv-fm", "senegal-fm", True]]


def test_an_event_with_one_actor_and_no_recipient_is_no_channel(story):
    ids = set(" ".join(briefing.channels(story)["event_ids"]).split())
    for alone in ("ev-au-appeal", "ev-patrols", "ev-patrols-start", "ev-research"):
        assert alone in set(story.events["event_id"])
        assert alone not in ids


def test_the_envoy_gives_hands_and_carries_legs(story):
    ch = briefing.channels(story)
    envoy = ch[ch["event_ids"] == "ev-envoy"]
    assert sorted(envoy[["source", "target", "leg"]].values.tolist()) == [
        ["envoy-bakke", "cv-fm", "carries"], ["norway-fm", "envoy-bakke", "hands"]]
    assert not envoy["mutual"].any()


def test_the_appeal_without_recipient_reads_without_a_dangling_to(story):
    from briefing.describe import describe_event

    d = describe_event(story, "ev-au-appeal")
    assert d["sentence"].startswith("African Union made a request")
    assert "Senegal and Cabo Verde" in d["sentence"]
    assert " to," not in d["sentence"] and not d["sentence"].rstrip().endswith(" to")
    call = describe_event(story, f"{MARCH}/ev-call")["sentence"]
    assert call.startswith("Efua Ansah-Mireku and Sigrun Vatnedal ")
    assert " to," not in call
    envoy = describe_event(story, "ev-envoy")["sentence"]
    assert "Helena Duarte Semedo" in envoy and "Tor Ellingsen Bakke" in envoy


# ---------------------------------------------------------------------------- charts


def _traces(fig, **match):
    return [t for t in fig.data if all(getattr(t, k) == v for k, v in match.items())]


def test_every_chart_draws_the_story(story):
    from briefing.charts import CHARTS
    from briefing.select import Selection

    for name, chart in CHARTS.items():
        fig = chart.figure(story, Selection(issue="iss-licences"))
        clickable = [t for t in fig.data if t.customdata is not None and len(t.customdata)]
        assert clickable, name


def test_timeline_panels_bars_and_undated_lane(story):
    import pandas as pd

    from briefing.charts import timeline

    fig = timeline(story)
    titles = [fig.layout[k].title.text for k in ("xaxis", "xaxis2", "xaxis3", "xaxis4",
                                                  "xaxis5")]
    assert titles == ["background", "Mar 2025", "Jun 2025", "Nov 2025", "undated"]
    points = {t.name: t for t in _traces(fig, mode="markers") if t.customdata is not None}
    assert set(points) == {"background", "window 1", "window 2", "window 3", "undated"}
    ids = {name: set(" ".join(c[1] for c in t.customdata).split())
           for name, t in points.items()}
    assert ids["background"] == {"ev-memorandum"}
    assert ids["undated"] == {"ev-unlawful", "ev-research", "ev-host-offer", "ev-funding"}
    assert f"{MARCH}/ev-call" in ids["window 1"] and "ev-suspension" in ids["window 1"]
    assert {f"{JUNE}/ev-call", "ev-visit", "ev-dakar-visit"} <= ids["window 2"]
    assert {"ev-envoy", "ev-patrols"} <= ids["window 3"]
    # Each window's axis holds its own publication day.
    for axis, day in (("xaxis2", "2025-03-12"), ("xaxis3", "2025-06-11"),
                      ("xaxis4", "2025-11-19")):
        lo, hi = (pd.Timestamp(x) for x in fig.layout[axis].range)
        assert lo < pd.Timestamp(day) < hi, axis
    # Bars: the ongoing suspension runs to its article's publication day, the spans
    # from their first to their last day.
    bars = {t.xaxis: [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in
                      zip(t.x[0::3], t.x[1::3], strict=True)]
            for t in _traces(fig, mode="lines") if t.xaxis}
    assert (pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-12")) in bars["x2"]
    assert (pd.Timestamp("2025-06-09"), pd.Timestamp("2025-06-10")) in bars["x3"]
    assert (pd.Timestamp("2025-06-09"), pd.Timestamp("2025-06-15")) in bars["x3"]
    assert (pd.Timestamp("2025-11-13"), pd.Timestamp("2025-11-14")) in bars["x4"]
    assert [a.text for a in fig.layout.annotations] == ["published"] * 3


def test_timeline_keeps_the_later_articles_ongoing_span(story):
    import pandas as pd

    from briefing.charts import timeline

    fig = timeline(story)
    ends = [pd.Timestamp(x) for t in _traces(fig, mode="lines") if t.xaxis
            for x in t.x[1::3]]
    # ev-suspension-continues: since 3 March, still in force when reported on 11 June.
    assert pd.Timestamp("2025-06-11") in ends


def test_positions_show_the_trajectory_not_an_average(story):
    from briefing.charts import positions

    fig = positions(story, issue="iss-licences")
    newest = [t for t in _traces(fig, mode="markers")
              if t.customdata is not None and "Ghana" in list(t.y)]
    assert len(newest) == 1
    at = dict(zip(newest[0].y, newest[0].x, strict=True))
    assert at == {"Ghana": 55, "Norway": 85}  # the newest judgment, not the mean 75
    assert [c[1] for c in newest[0].customdata if c[1].endswith("pos-norway-licences")] == \
        [f"{NOVEMBER}/pos-norway-licences"]
    rings = [t for t in _traces(fig, mode="markers")
             if t.customdata is not None and t is not newest[0]]
    assert len(rings) == 1 and rings[0].marker.symbol == "circle-open"
    assert list(rings[0].x) == [65] and list(rings[0].y) == ["Norway"]
    assert rings[0].customdata[0][1] == f"{MARCH}/pos-norway-licences"
    path = [t for t in _traces(fig, mode="lines") if t.x is not None and len(t.x) > 1]
    assert len(path) == 1 and list(path[0].x) == [65, 85, None]
    assert set(path[0].y) - {None} == {"Norway"}


def test_the_map_places_every_state_and_names_what_it_cannot(story):
    from briefing.charts import geo_map

    fig = geo_map(story)
    capitals = [t for t in fig.data if t.mode == "markers+text"]
    assert len(capitals) == 1
    assert sorted(capitals[0].text) == ["Cabo Verde", "Ghana", "Norway", "Senegal"]
    assert sorted(c[1] for c in capitals[0].customdata) == \
        ["cabo-verde", "ghana", "norway", "senegal"]
    lat = dict(zip(capitals[0].text, capitals[0].lat, strict=True))
    assert 14 < lat["Cabo Verde"] < 18  # Praia, not a default spot
    note = " ".join(a.text for a in fig.layout.annotations)
    assert "African Union" in note and "Atlantic Coastal Group" in note


def test_the_map_draws_joint_acts_without_a_direction(story):
    from briefing.charts import geo_map

    fig = geo_map(story)
    mids = next(t for t in fig.data if t.mode == "markers" and t.customdata is not None)
    by_ids = {c[1]: (lat, lon) for c, lat, lon in
              zip(mids.customdata, mids.lat, mids.lon, strict=True)}
    # The March call and the 2019 memorandum (both joint acts of Ghana and Norway) are one
    # channel, apart from the directed ones; so is the June call of Cabo Verde and Senegal.
    assert f"{MARCH}/ev-call ev-memorandum" in by_ids
    assert f"{JUNE}/ev-call" in by_ids
    assert not any(f"{JUNE}/ev-call" in k and k != f"{JUNE}/ev-call" for k in by_ids)
    # Their lines carry no arrowhead; a directed channel (Norway's letter) keeps one.
    heads = {}
    for t in fig.data:
        if t.mode != "lines+markers":
            continue
        lat, lon, size = list(t.lat), list(t.lon), list(t.marker.size)
        for i in range(0, len(lat), 3):
            if lat[i] is None:  # drawn in another colour band's trace
                continue
            heads[(lat[i], lon[i], lat[i + 1], lon[i + 1])] = size[i + 1]
    hover = dict(zip((c[1] for c in mids.customdata), mids.hovertext, strict=True))
    assert "Ghana ↔ Norway" in hover[f"{MARCH}/ev-call ev-memorandum"]
    assert "Norway → Cabo Verde" in hover["ev-letter ev-envoy"]
    assert sorted(heads.values()).count(0) == 2 and len(heads) == len(by_ids)


def _segments_of(trace):
    xs, ys = list(trace.x), list(trace.y)
    sizes = list(trace.marker.size)
    # a segment hidden in this trace (drawn in another colour band's) has no place
    return [((xs[i], ys[i]), (xs[i + 1], ys[i + 1]), sizes[i + 1])
            for i in range(0, len(xs), 3) if xs[i] is not None]


def test_the_network_links_the_ministers_without_arrowheads(story):
    from briefing.charts import network

    fig = network(story)
    mids = [t for t in fig.data if t.name == "acts (click for events)"]
    assert len(mids) == 1
    call = f"{MARCH}/ev-call"
    hit = [i for i, c in enumerate(mids[0].customdata) if call in c[1].split()]
    assert len(hit) == 1
    xm, ym = mids[0].x[hit[0]], mids[0].y[hit[0]]
    nodes = next(t for t in fig.data if t.name == "actors")
    at = {c[1]: (x, y) for c, x, y in zip(nodes.customdata, nodes.x, nodes.y, strict=True)}
    found = []
    for t in _traces(fig, mode="lines+markers"):
        for a, z, arrow in _segments_of(t):
            if abs((a[0] + z[0]) / 2 - xm) < 1e-9 and abs((a[1] + z[1]) / 2 - ym) < 1e-9:
                found.append((a, z, arrow, t.line.dash))
    assert len(found) == 1
    a, z, arrow, dash = found[0]
    assert arrow == 0 and dash == "solid"

    def near(p, actor):
        return ((p[0] - at[actor][0]) ** 2 + (p[1] - at[actor][1]) ** 2) ** 0.5 < 0.1

    assert {near(a, "ghana-fm"), near(z, "norway-fm")} == {True}
    # A directed act keeps its arrowhead: the visit to Accra.
    visit = [i for i, c in enumerate(mids[0].customdata) if c[1] == "ev-visit"]
    xm, ym = mids[0].x[visit[0]], mids[0].y[visit[0]]
    arrows = [arrow for t in _traces(fig, mode="lines+markers")
              for a, z, arrow in _segments_of(t)
              if abs((a[0] + z[0]) / 2 - xm) < 1e-9 and abs((a[1] + z[1]) / 2 - ym) < 1e-9]
    assert len(arrows) == 1 and arrows[0] > 0


# ------------------------------------------------------------------------- selection


def test_select_by_article(story):
    from briefing.select import Selection, select

    sub = check(select(story, Selection(articles={JUNE})))
    assert set(sub.events["article_id"]) == {JUNE}
    assert set(sub.key_points["article_id"]) == {JUNE}
    assert set(sub.positions["position_id"]) == {"pos-ghana-licences"}
    assert f"{JUNE}/ev-call" in set(sub.events["event_id"])
    assert f"{MARCH}/ev-call" not in set(sub.events["event_id"])
    assert set(sub.evidence["article_id"]) == {JUNE}


def test_select_by_date_keeps_overlapping_spans_and_undated_events(story):
    from briefing.select import Selection, select

    sub = check(select(story, Selection(date_from="2025-03-05", date_to="2025-03-20")))
    kept = set(sub.events["event_id"])
    # Began 3 March, ongoing when reported on 12 March: its span overlaps the range.
    assert "ev-suspension" in kept
    assert {f"{MARCH}/ev-call", "ev-au-appeal"} <= kept
    # Undated events are never dated out.
    assert {"ev-unlawful", "ev-research", "ev-host-offer", "ev-funding"} <= kept
    # A single day before the range, and everything after it, are out.
    assert "ev-threat" not in kept and "ev-memorandum" not in kept
    assert not kept & {"ev-visit", "ev-envoy", "ev-patrols", f"{JUNE}/ev-call"}
    # A range inside a span keeps the span.
    inside = set(select(story, Selection(date_from="2025-06-12", date_to="2025-06-13"))
                 .events["event_id"])
    assert "ev-dakar-visit" in inside and "ev-visit" not in inside


def test_overview_and_sources_on_the_story(story):
    from briefing.charts import positions_overview, sources
    from briefing.dashboard.detail import source_html

    heat = positions_overview(story).data[0]
    cells = {c[0][1]: z[0] for c, z in zip(heat.customdata, heat.z, strict=True)}
    assert cells == {"pos-ghana-licences": 55, f"{NOVEMBER}/pos-norway-licences": 85}
    bars = sources(story).data[0]
    assert sorted(c[1] for c in bars.customdata) == sorted(story.sources["source_id"])
    counts = dict(zip((c[1] for c in bars.customdata), bars.x, strict=True))
    assert counts["src-aggregator"] == 0 and counts["src-wire"] > 0
    # The relay chain, in words, where a source is opened.
    html = source_html(story, story, "src-aggregator")
    assert "Relays Cabo Verde&#x27;s state broadcaster" in html


def test_the_header_and_exports_name_the_set(story):
    from briefing.dashboard import set_name
    from briefing.select import Selection, select

    title, sub = set_name(story)
    assert title == "3 articles, 12 Mar – 19 Nov 2025"
    assert sub.startswith("newest: Norway sends envoy")
    one = select(story, Selection(articles={JUNE}))
    # The header names the whole base; a selection is named in words beside it.
    assert "articles: Cabo Verde's foreign minister in Accra" in \
        Selection(articles={JUNE}).describe(one)


def test_the_shipped_article_and_new_ones_with_clashing_ids_load_whole(tmp_path):
    """The issue's case: the existing article plus new ones coded independently, which
    re-declare one of its actors differently and reuse one of its fact ids."""
    import shutil

    import briefing

    root = tmp_path / "base"
    shutil.copytree(ROOT / "assets" / "articles", root)
    shutil.copytree(STORY, root, dirs_exist_ok=True)
    facts = root / "2025-11-norway-envoy" / "facts.yaml"  # newer than the shipped one
    text = facts.read_text(encoding="utf-8")
    text = text.replace("actors:\n", "actors:\n- id: iran\n  name: Iran\n  kind: state\n"
                        "  country: IRN\n  role: a state named in passing\n", 1)
    text = re.sub(r"\bev-letter\b(?!-)", "ev-envoy-moscow", text)
    facts.write_text(text, encoding="utf-8")
    alone = [briefing.load(f, cache=False) for f in (ROOT / "assets" / "articles", STORY)]
    both = check(briefing.load(root, cache=False))
    assert both.problems == ()
    assert len(both.articles) == sum(len(b.articles) for b in alone)
    assert len(both.events) == sum(len(b.events) for b in alone)
    assert len(both.key_points) == sum(len(b.key_points) for b in alone)
    # Both copies of the event id are kept, each scoped to its article.
    new = both.articles.set_index("folder").loc[str(root / "2025-11-norway-envoy"),
                                                "article_id"]
    assert {"iran-russia-2025-06-23/ev-envoy-moscow",
            f"{new}/ev-envoy-moscow"} <= set(both.events["event_id"])
    # The newer article's declaration of Iran wins; the warning names the field.
    assert both.actors.set_index("actor_id").loc["iran", "role"] == "a state named in passing"
    [w] = [w for w in both.warnings if w.fact_id == "iran"]
    assert w.field == "role" and "iran-russia-2025-06-23" in w.file
    assert "a state named in passing" in w.message and "norway-envoy" in w.message
