"""The drafter's gazetteer: every ISO country, with names, demonyms, capitals and a point."""

import pycountry
import pytest

from briefing.codebooks import load_codebooks
from briefing.draft.gazetteer import load_gazetteer, lookup, read_table
from briefing.draft.triggers import lexicon, plover_for


def test_every_iso_country_has_a_row_with_a_point():
    rows = read_table("countries.csv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) == {c.alpha_3 for c in pycountry.countries}
    for r in rows:
        assert r["name"], r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


@pytest.mark.parametrize("form, key, via", [
    ("Tehran", "IRN", "capital"),
    ("Moscow", "RUS", "capital"),
    ("the Kremlin", "RUS", "seat"),
    ("the White House", "USA", "seat"),
    ("Washington", "USA", "capital"),
    ("U.S.", "USA", "alias"),
    ("Iranian", "IRN", "demonym"),
    ("Britain", "GBR", "alias"),
    ("Turkey", "TUR", "alias"),
    ("Kyiv", "UKR", "capital"),
])
def test_state_look_ups(form, key, via):
    place = lookup(form)
    assert place is not None and (place.kind, place.key, place.via) == ("state", key, via)


@pytest.mark.parametrize("form, key", [("UN", "un"), ("UN Security Council", "unsc"),
                                       ("TASS", "tass"), ("Reuters", "reuters"),
                                       ("NATO", "nato"), ("IAEA", "iaea")])
def test_organisation_look_ups(form, key):
    place = lookup(form)
    assert place is not None and (place.kind, place.key) == ("organization", key)


def test_a_territorys_capital_that_is_a_common_name_names_no_government():
    # "farmers from Blue Creek and Douglas": a Belizean village, not the Isle of Man.
    # Norfolk Island's Kingston is not a capital either, so Kingston is Jamaica's.
    assert lookup("Douglas") is None and lookup("Hamilton") is None
    kingston = lookup("Kingston")
    assert kingston is not None and (kingston.key, kingston.via) == ("JAM", "capital")


def test_find_prefers_the_longest_form():
    found = load_gazetteer().find("At the UN Security Council, the U.S. envoy spoke.")
    assert [(p.key, via) for _, _, p in found for via in [p.via]] == [
        ("unsc", "name"), ("USA", "alias")]


def test_every_trigger_code_is_in_the_codebooks_with_a_valid_plover_mode():
    books = load_codebooks()
    for t in lexicon():
        assert t.cameo_code in books.cameo_codes, t.phrase
        assert t.plover_type in books.plover_types, t.phrase
        assert t.plover_mode in books.plover_modes[t.plover_type], t.phrase


@pytest.mark.parametrize("table", ["triggers.csv", "not_events.csv", "org_words.csv",
                                   "titles.csv", "irregular_verbs.csv"])
def test_no_phrase_table_repeats_a_row(table):
    rows = [tuple(r.values()) for r in read_table(table)]
    repeated = sorted({r for r in rows if rows.count(r) > 1})
    assert not repeated, repeated


def test_plover_comes_from_the_codebook_table():
    assert plover_for("042") == ("CONSULT", "visit")
    assert plover_for("195") == ("ASSAULT", "heavy-weapons")
    # An appeal (02x) has no row: REQUEST with the matching demand's (10x) mode.
    assert plover_for("023") == ("REQUEST", "assist")
