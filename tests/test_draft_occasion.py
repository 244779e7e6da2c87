"""Issue 21, session 25: the day of a call, meeting or statement that a story goes on
telling of, on fictional sentences."""

import datetime as dt

import pytest

from briefing.draft import draft
from briefing.draft.dates import as_fact_date, find_dates, resolve

PUBLISHED = "2026-03-18"   # a Wednesday: "on Monday" is 16 March, "on Tuesday" 17 March


def _draft(text: str) -> dict:
    return draft(text, published=PUBLISHED, known=None, today=dt.date(2027, 12, 31))


def _event(d: dict, plover_type: str) -> dict:
    return next(e for e in d["events"] if e["plover_type"] == plover_type)


CALL = ("Norwegian Foreign Minister Ane Dahl spoke by telephone with her Icelandic "
        "counterpart, Gunnar Olafsson, on Monday, the ministry said. ")


def test_what_one_party_told_the_other_is_dated_by_the_call():
    d = _draft(CALL + "Dahl told Olafsson that Norway would not accept any new quotas on "
                      "herring. Olafsson invited Dahl to visit Reykjavik.")
    refusal = _event(d, "REJECT")
    assert (refusal["status"], refusal["date"]) == ("occurred", "2026-03-16")
    assert "call or meeting" in refusal["date_note"]
    invitation = next(e for e in d["events"] if "invited" in e["summary"])
    assert invitation["date"] == "2026-03-16"


def test_an_act_told_to_reporters_is_not_dated_by_the_call():
    d = _draft(CALL + "A Swedish diplomat, Eva Lund, told reporters that Sweden would not "
                      "accept any new quotas on herring.")
    refusal = _event(d, "REJECT")
    assert refusal["participants"]["actor"] == ["sweden"]
    assert "date" not in refusal


def test_the_same_statement_is_the_one_the_sentence_before_told_of():
    d = _draft("Estonia's foreign ministry denied on Monday that its ships had entered "
               "Latvian waters. In the same statement, spokeswoman Kaja Mets accused Riga "
               "of staging the incident.")
    accusation = _event(d, "ACCUSE")
    assert accusation["date"] == "2026-03-16"
    assert "same statement" in accusation["date_note"]


def test_a_readout_tells_of_the_meeting_before():
    d = _draft("The presidents of Chile and Peru met in Lima on Tuesday. According to the "
               "readout, the two leaders also agreed to set up a joint fisheries commission.")
    assert _event(d, "AGREE")["date"] == "2026-03-17"


def test_a_new_statement_is_not_the_meetings():
    d = _draft("The presidents of Chile and Peru met in Lima on Tuesday. In a statement, the "
               "Organization of American States urged both governments to settle the dispute.")
    appeal = _event(d, "REQUEST")
    assert appeal["participants"]["actor"] == ["oas"]
    assert "date" not in appeal   # "a statement": its own, of no stated day


def test_a_participle_aside_holds_its_own_date_and_an_agreements_day_is_its_own():
    d = _draft("Norway and Sweden agreed on Tuesday to reopen the Tarn crossing, shut since "
               "March 2, to lorries on Friday.")
    assert _event(d, "AGREE")["date"] == "2026-03-17"
    reopening = _event(d, "RETREAT")
    assert (reopening["status"], reopening["date"]) == ("planned", "2026-03-20")


def test_a_relative_clause_after_a_preposition_names_no_subject_and_no_tense():
    d = _draft("The Nordic Council, of which both countries are members, called for "
               "restraint.")
    appeal = _event(d, "REQUEST")
    assert appeal["participants"]["actor"] == ["nordic-council"]
    assert "date" not in appeal   # not "are": the state at publication


def test_a_nouns_doer_told_after_it_brings_the_date_too():
    d = _draft("The closure of the Tarn crossing, which was announced by Norwegian authorities "
               "on March 6, angered Sweden.")
    assert _event(d, "COERCE")["date"] == "2026-03-06"
    d = _draft("The suspension of joint patrols was announced by Norway's interior ministry "
               "last week, without explanation.")
    suspension = _event(d, "SANCTION")
    assert (suspension["date"], suspension["date_end"]) == ("2026-03-09", "2026-03-15")


def test_a_plan_aside_dates_the_noun_it_follows_and_a_month_for_a_noun_names_it():
    d = _draft("A visit to Oslo by Fisheries Minister Lars Berg, planned for April, is still "
               "on.")
    visit = _event(d, "CONSULT")
    assert (visit["status"], visit["date"]) == ("planned", "2026-04")
    appeal = _event(_draft("Sweden called for May elections."), "REQUEST")
    assert "date" not in appeal


@pytest.mark.parametrize("phrase, future, fact", [
    ("over the weekend", False, ("2026-03-14", "2026-03-15")),   # the one last gone
    ("at the weekend", True, ("2026-03-21", "2026-03-22")),      # the next, ahead
    ("earlier in the week", False, ("2026-03-16", "2026-03-18")),
    ("on the 14th", False, ("2026-03-14", None)),
    ("on the 21st", False, ("2026-02-21", None)),                # not yet this month
    ("on the 21st", True, ("2026-03-21", None)),
    ("3rd of March", False, ("2026-03-03", None)),
])
def test_weekends_days_of_the_month_and_earlier_in_the_week(phrase, future, fact):
    assert as_fact_date(resolve(phrase, dt.date(2026, 3, 18), future=future)) == fact


@pytest.mark.parametrize("text", ["It was the 14th round of talks.",
                                  "Relations date back to the 14th century."])
def test_an_ordinal_before_a_noun_is_no_date(text):
    assert find_dates(text, 0, len(text)) == []


def test_an_undated_noun_in_between_does_not_break_the_days_story():
    d = _draft("Ghana and Togo agreed on Tuesday to reopen the Aflao crossing. The deal was "
               "struck during a meeting between Ghana's foreign minister, Kojo Mensah, and "
               "his Togolese counterpart, Afi Lawson. Lawson thanked Ghana for its patience.")
    thanks = next(e for e in d["events"] if e["summary"].startswith("Lawson thanked"))
    assert (thanks["status"], thanks["date"]) == ("occurred", "2026-03-17")


def test_a_days_possessive_dates_the_noun_after_it_and_names_no_one():
    d = _draft("Norway condemned Monday's attack on the embassy.")
    condemning, attack = d["events"]
    assert "date" not in condemning
    assert attack["date"] == "2026-03-16"
    assert "mondays" not in [a["id"] for a in d["actors"]]
