"""The date resolver's own table of cases, against a Monday publication date."""

import datetime as dt

import pytest

from briefing.draft.dates import as_fact_date, find_dates, resolve

MONDAY = dt.date(2025, 6, 23)


@pytest.mark.parametrize("phrase, future, start, end, fact", [
    ("on Monday", False, "2025-06-23", "2025-06-23", ("2025-06-23", None)),     # the story's day
    ("on Sunday", False, "2025-06-22", "2025-06-22", ("2025-06-22", None)),     # the day before
    ("Friday", False, "2025-06-20", "2025-06-20", ("2025-06-20", None)),
    ("on Friday", True, "2025-06-27", "2025-06-27", ("2025-06-27", None)),  # "will meet on Friday"
    ("last Monday", False, "2025-06-16", "2025-06-16", ("2025-06-16", None)),
    ("yesterday", False, "2025-06-22", "2025-06-22", ("2025-06-22", None)),
    ("last week", False, "2025-06-16", "2025-06-22", ("2025-06-16", "2025-06-22")),  # a span
    ("next week", False, "2025-06-30", "2025-07-06", ("2025-06-30", "2025-07-06")),
    ("last month", False, "2025-05-01", "2025-05-31", ("2025-05", None)),
    ("earlier this year", False, "2025-01-01", "2025-06-23", ("2025-01-01", "2025-06-23")),
    ("last year", False, "2024-01-01", "2024-12-31", (2024, None)),
    ("in March", False, "2025-03-01", "2025-03-31", ("2025-03", None)),
    ("in September", False, "2024-09-01", "2024-09-30", ("2024-09", None)),  # last year's
    ("March 5", False, "2025-03-05", "2025-03-05", ("2025-03-05", None)),
    ("5 March 2024", False, "2024-03-05", "2024-03-05", ("2024-03-05", None)),  # as stated
    ("February 24, 2022", False, "2022-02-24", "2022-02-24", ("2022-02-24", None)),
    ("2018", False, "2018-01-01", "2018-12-31", (2018, None)),
])
def test_resolved(phrase, future, start, end, fact):
    r = resolve(phrase, MONDAY, future=future)
    assert r.resolved and (r.start.isoformat(), r.end.isoformat()) == (start, end)
    assert as_fact_date(r) == fact
    assert phrase in r.note


@pytest.mark.parametrize("phrase", ["recently", "in recent weeks", "soon", "lately"])
def test_vague_is_left_unresolved_with_a_note(phrase):
    r = resolve(phrase, MONDAY)
    assert not r.resolved and as_fact_date(r) == (None, None)
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
    ("Chile will visit Peru next week.", "2025-06-30"),           # a span: date_end too
])
def test_an_events_date_from_the_sentence_and_its_tense(text, date):
    from briefing.draft import draft

    (ev, *_) = draft(text, published=MONDAY, known=None)["events"]
    assert ev.get("date") == date
    if date is None:
        assert "left for the analyst" in ev["reason"] and "date_basis" not in ev


def test_since_a_day_starts_an_ongoing_span():
    from briefing.draft import draft

    (ev,) = draft("Peru has blockaded the port since 13 June.", published=MONDAY,
                  known=None)["events"]
    assert (ev["date"], ev["status"]) == ("2025-06-13", "ongoing")


def test_a_week_is_a_span_with_its_end():
    from briefing.draft import draft

    (ev,) = draft("Chile condemned Peru last week.", published=MONDAY, known=None)["events"]
    assert (ev["date"], ev["date_end"]) == ("2025-06-16", "2025-06-22")


# --- Issue 21: which date an event takes ------------------------------------------------

def _event_dates(text: str, published: str) -> list:
    from briefing.draft import draft

    return [e.get("date") for e in draft(text, published=published, known=None)["events"]]


def test_a_stated_calendar_date_wins_over_a_weekday_in_the_clause():
    # Published Monday 2026-03-09: "Thursday" is March 5 too, but March 6 is stated.
    assert _event_dates("Manila rejected the claim on Thursday, March 6.",
                        "2026-03-09") == ["2026-03-06"]


def test_days_earlier_count_from_the_date_said_before():
    dates = _event_dates("Manila lodged a protest with China on March 5 over an incident two "
                         "days earlier in which Chinese ships blocked a supply boat.",
                         "2026-03-09")
    assert dates == ["2026-03-05", "2026-03-03"]


def test_the_date_of_the_saying_does_not_date_what_was_said():
    assert _event_dates("Two Georgian citizens were detained on August 28, the ministry "
                        "said on Saturday.", "2025-09-01") == ["2025-08-28"]


def test_a_target_year_is_not_when_a_pledge_was_made():
    assert _event_dates("Chile and Peru pledged to double trade by 2030.",
                        "2025-11-06") == [None]


def test_the_same_actors_go_on_with_the_day_before_and_a_newly_named_one_is_left_undated():
    # "the two ministers": the actors of the sentence before go on with that day's story.
    dates = _event_dates("Georgian Foreign Minister Nino Beridze met Azerbaijani Foreign "
                         "Minister Ilham Gasimov in Tbilisi on Friday. The two "
                         "ministers signed a border protocol.", "2025-09-01")
    assert dates == ["2025-08-29", "2025-08-29"]
    # Someone newly named, with no date of their own: the day before would be a guess.
    dates = _event_dates("Georgia summoned the Azerbaijani ambassador on Friday. Deputy "
                         "Foreign Minister Nino Beridze demanded the release of the men.",
                         "2025-09-01")
    assert dates == ["2025-08-29", None]


def test_a_bare_month_with_a_plan_looks_ahead():
    assert _event_dates("The accord could be signed when Iraq's prime minister travels to "
                        "Ankara in November.", "2025-10-20")[-1] == "2025-11"


def test_last_week_is_a_span_with_date_end():
    from briefing.draft import draft

    [e] = draft("Turkey and Iraq held talks last week.", published="2025-10-20",
                known=None)["events"]
    assert (e["date"], e["date_end"]) == ("2025-10-13", "2025-10-19")


def test_earlier_this_month_is_the_month():
    assert _event_dates("Farmers in Iraq staged protests earlier this month.",
                        "2025-10-20") == ["2025-10"]


def test_two_days_of_one_month_are_a_span_and_scheduled_talks_are_planned():
    from briefing.draft import draft

    [e] = draft("Talks between Japan and the Philippines are scheduled for March 21 and 22.",
                published="2026-03-09", known=None)["events"]
    assert (e["date"], e["date_end"], e["status"]) == ("2026-03-21", "2026-03-22", "planned")
    assert sorted(e["participants"]["actor"]) == ["japan", "philippines"]


def test_the_date_right_after_the_object_dates_the_verb():
    assert _event_dates("China rejected the protest on Thursday.", "2026-03-09")[0] == \
        "2026-03-05"


# Published on Wednesday 2026-03-18.
@pytest.mark.parametrize("text, date", [
    # A deadline the act sets is not its date.
    ("Chile threatened on Monday to cut ties with Peru unless it pays by the end of May.",
     "2026-03-16"),
    # A weekday, a month or "last week": the nearest to the verb.
    ("Norway on Tuesday imposed sanctions on Iran after Iranian drills last week.",
     "2026-03-17"),
    # "since taking office in" dates that other verb.
    ("Peru's President Ana Ruiz arrived in Chile on Monday, her first trip since taking "
     "office in January.", "2026-03-16"),
    # Each verb the date of its own side of "after".
    ("Finland summoned Russia's envoy on Tuesday after a Russian jet entered its airspace on "
     "Sunday.", "2026-03-15"),
    # A plan said in a later conjunct does not make a past weekday the next one.
    ("On Monday, Oslo condemned the strike and said Norway would ask for talks.",
     "2026-03-16"),
    # A phrase led by what undergoes it takes the date of its own relative clause.
    ("Laos agreed to reopen the crossing, which was closed in January after riots.",
     "2026-01"),
])
def test_which_date_of_the_sentence_an_act_takes(text, date):
    from briefing.draft import draft

    events = draft(text, published="2026-03-18", known=None)["events"]
    want = {"Norway": "COERCE", "Finland": "MOBILIZE", "Oslo": "ACCUSE", "Laos": "COERCE",
            "Peru's": "CONSULT", "Chile": "THREATEN"}[text.split()[0].strip(",")
                                                    if text[0] != "O" else "Oslo"]
    assert [e.get("date") for e in events if e["plover_type"] == want][0] == date
