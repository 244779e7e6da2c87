"""The date resolver's own table of cases, against a Monday publication date."""

import datetime as dt

import pytest

from briefing.draft.dates import as_fact_date, find_dates, resolve

MONDAY = dt.date(2025, 6, 23)


@pytest.mark.parametrize("phrase, future, start, end, fact", [
    ("on Monday", False, "2025-06-23", "2025-06-23", "2025-06-23"),     # the story's day
    ("on Sunday", False, "2025-06-22", "2025-06-22", "2025-06-22"),     # the day before
    ("Friday", False, "2025-06-20", "2025-06-20", "2025-06-20"),
    ("on Friday", True, "2025-06-27", "2025-06-27", "2025-06-27"),      # "will meet on Friday"
    ("last Monday", False, "2025-06-16", "2025-06-16", "2025-06-16"),
    ("yesterday", False, "2025-06-22", "2025-06-22", "2025-06-22"),
    ("last week", False, "2025-06-16", "2025-06-22", "2025-06"),        # a range
    ("next week", False, "2025-06-30", "2025-07-06", 2025),
    ("last month", False, "2025-05-01", "2025-05-31", "2025-05"),
    ("earlier this year", False, "2025-01-01", "2025-06-23", 2025),     # year precision
    ("last year", False, "2024-01-01", "2024-12-31", 2024),
    ("in March", False, "2025-03-01", "2025-03-31", "2025-03"),
    ("in September", False, "2024-09-01", "2024-09-30", "2024-09"),     # not yet this year
    ("March 5", False, "2025-03-05", "2025-03-05", "2025-03-05"),
    ("5 March 2024", False, "2024-03-05", "2024-03-05", "2024-03-05"),  # as stated
    ("February 24, 2022", False, "2022-02-24", "2022-02-24", "2022-02-24"),
    ("2018", False, "2018-01-01", "2018-12-31", 2018),
])
def test_resolved(phrase, future, start, end, fact):
    r = resolve(phrase, MONDAY, future=future)
    assert r.resolved and (r.start.isoformat(), r.end.isoformat()) == (start, end)
    assert as_fact_date(r)[0] == fact
    assert phrase in r.note


@pytest.mark.parametrize("phrase", ["recently", "in recent weeks", "soon", "lately"])
def test_vague_is_left_unresolved_with_a_note(phrase):
    r = resolve(phrase, MONDAY)
    assert not r.resolved and as_fact_date(r) == (None, "")
    assert "vague" in r.note


def test_explicit_dates_are_article_basis_and_relative_ones_resolved():
    assert resolve("5 March 2024", MONDAY).basis == "article"
    assert resolve("on Sunday", MONDAY).basis == "resolved"


def test_impossible_day_is_not_a_date():
    assert not resolve("31 February 2024", MONDAY).resolved


def test_find_dates_in_a_sentence():
    text = "At the UN on Sunday, Russia recalled the 2003 debate; talks resume next week."
    assert [p for _, _, p in find_dates(text, 0, len(text))] == ["on Sunday", "2003",
                                                                 "next week"]


@pytest.mark.parametrize("text, date", [
    ("Iran is dissatisfied with Russia.", "2025-06-23"),          # a state at publication
    ("Spain has not yet condemned Morocco.", "2025-06-23"),       # still not, at publication
    ("Egypt has offered to mediate between Sudan and Chad.", None),   # when? not said
    ("Chile will visit Peru.", None),                             # future, no date
    ("Chile will visit Peru on Friday.", "2025-06-27"),           # the coming Friday
    ("Chile visited Peru on Friday.", "2025-06-20"),              # the last Friday
    ("Iran attacked Iraq, the largest attack since 1980.", None),  # "since" bounds, not dates
])
def test_an_events_date_from_the_sentence_and_its_tense(text, date):
    from briefing.draft import draft

    (ev, *_) = draft(text, published=MONDAY, known=None)["events"]
    assert ev.get("date") == date
    if date is None:
        assert "left for the analyst" in ev["reason"] and "date_basis" not in ev
