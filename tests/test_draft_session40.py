"""Issue 21, session 40: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

import pytest

from briefing.draft.dates import find_dates
from briefing.draft.triggers import find_triggers
from tests.lead import drafted, of_type

_BORDER = ("Angola shuts border over smuggling\n\nLUANDA — Angola and Namibia traded "
           "accusations on Saturday over smuggling. Angola closed its border with Namibia on "
           "Thursday.")


@pytest.mark.parametrize("body, plover_type, dates", [
    # the same side, named again right after, goes on with the day of the sentence before
    (_BORDER + " Angolan Foreign Minister Joana Tavares demanded that Windhoek arrest "
     "those responsible.\n", "REQUEST", ["2031-06-05"]),
    # a reply from the other side is not dated by it
    (_BORDER + " Namibian Foreign Minister Selma Haufiku rejected the closure as "
     "unjustified.\n", "REJECT", [None]),
    # nor is the same side in a new paragraph
    (_BORDER + "\n\nAngolan Foreign Minister Joana Tavares demanded that Windhoek arrest "
     "those responsible.\n", "REQUEST", [None]),
    # nor after the story's first dated act (its lead: the story may go on with another
    # day, as in session 32's test)
    ("Zambia talks\n\nLUSAKA — Zambia and Malawi agreed on Friday to hold border talks. "
     "Zambian Foreign Minister Mwila Banda denied any role in the shelling.\n", "REJECT",
     [None])])
def test_an_undated_act_takes_the_day_before_only_from_its_own_side_right_before(
        body, plover_type, dates):
    got = of_type(body, plover_type)
    assert [e.get("date") for e in got] == dates, got


def test_an_act_after_days_of_talks_ends_them():
    body = ("Deal reached\n\nJAKARTA — The deal was reached late on Thursday after two days "
            "of talks chaired by Indonesia's foreign minister.\n")
    talks = of_type(body, "CONSULT")
    assert [(e.get("date"), e.get("date_end")) for e in talks] == [
        ("2031-06-04", "2031-06-05")], talks


def test_new_trigger_phrases():
    for sentence, plover_type in [
            ("Police opened a criminal case against two officers.", "ACCUSE"),
            ("Officials passed radar data on the aircraft to Latvia.", "COOPERATE"),
            ("Government troops retook the town from the rebels.", "ASSAULT"),
            ("The army recaptured the border post on Sunday.", "ASSAULT"),
            ("Asked about a recall, the minister ruled it out.", "REJECT"),
            ("The utility paid part of the bill but disputed the total.", "REJECT"),
            ("The king extended an invitation to the president to visit.", "AGREE"),
            ("The two leaders called upon all parties to return to talks.", "REQUEST"),
            ("The side expressed its appreciation for Oman's mediation.", "SUPPORT"),
            ("Tosika rang his PNG counterpart on Sunday night.", "CONSULT"),
            ("UEFA opened disciplinary proceedings against both clubs.", "ACCUSE"),
            ("The minister signed the surrender order in June.", "COERCE"),
            ("The judge committed him for extradition in March.", "COERCE")]:
        found = [t.trigger.plover_type for t in find_triggers(sentence, 0, len(sentence))]
        assert plover_type in found, (sentence, found)


def test_we_in_a_briefing_answer_labelled_by_post_is_the_speaker_s_side():
    body = ("Press briefing by Foreign Ministry Spokesperson Ana Castro\n\nQ: Will you "
            "protest?\n\nSPOKESPERSON: We summoned Spain's ambassador on Tuesday.\n")
    summoned = of_type(body, "ACCUSE")
    assert summoned and summoned[0]["participants"]["actor"] == ["ana-castro"], summoned


def test_a_saying_with_no_date_does_not_take_a_plan_s_year_from_the_sentence_before():
    body = ("Forum row\n\nSUVA — The Forum suspended Vanuatu on Monday. Vanuatu's foreign "
            "minister said her government would withhold its contribution this year. Its "
            "prime minister, Daniel Saeni, said the Forum had \"punished a cyclone-struck "
            "neighbour\".\n")
    said = [e for e in of_type(body, "ACCUSE") if "Saeni" in e["summary"]]
    assert said and all(str(e.get("date")) != "2031" for e in said), said


def test_the_countries_with_no_number_are_the_story_s_two():
    body = ("Air deal\n\nNAIROBI — Kenya and Uganda held talks on Saturday. The countries "
            "signed an air services agreement.\n")
    signed = of_type(body, "SUPPORT")
    assert [sorted(e["participants"]["actor"]) for e in signed] == [["kenya", "uganda"]], signed


def test_a_spokesperson_opening_a_sentence_speaks_for_the_one_the_sentence_before_opened_with():
    body = ("Talks stall\n\nNAIROBI — Kenya accused Uganda of stalling on Saturday. A "
            "spokesperson urged Kampala to return to talks.\n")
    urged = of_type(body, "REQUEST")
    assert [e["participants"]["actor"] for e in urged] == [["kenya"]], urged
    # (one who speaks for someone named is theirs: no guess)
    body = ("Talks stall\n\nNAIROBI — Kenya accused Uganda of stalling on Saturday. A "
            "spokesperson for the African Union urged Kampala to return to talks.\n")
    assert all(e["participants"]["actor"] != ["kenya"] for e in of_type(body, "REQUEST"))


def test_a_company_named_by_its_trade_is_an_actor():
    body = ("Gas row\n\nSOFIA — Bulgaria cut transit to Greece on Saturday. Thrakia Energy "
            "paid part of the bill but disputed the total.\n")
    disputed = of_type(body, "REJECT")
    assert [e["participants"]["actor"] for e in disputed] == [["thrakia-energy"]], disputed


def test_a_later_clause_s_plan_does_not_date_the_first_verb():
    body = ("Margins\n\nPRAGUE — Prime Minister Lenka Dvorakova met Polish President Ewa "
            "Ostrowska, and the two agreed to reconvene the joint commission on cross-border "
            "rail in January, a government spokesman told reporters.\n")
    met = of_type(body, "CONSULT")
    assert met and all(e.get("date") != "2031-01" for e in met), met


def test_a_minister_of_a_longer_portfolio_is_a_person_with_that_title():
    body = ("Fire\n\nCOLOMBO — Sri Lanka sent Deputy Minister of Foreign Employment Kasun "
            "Rathnayake to Kuwait on Saturday. Rathnayake is due to meet Kuwait's Minister of "
            "Social Affairs, Hessa al-Rashidi, on Monday.\n")
    met = of_type(body, "CONSULT")
    assert any("kasun-rathnayake" in e["participants"]["actor"] for e in met), met


def test_a_crowd_after_a_dateline_or_of_relatives_and_neighbours_acts():
    body = ("Fire\n\nCOLOMBO, June 7 (Wire) - About 200 fishermen gathered outside the Indian "
            "embassy on Saturday. Nearly 100 relatives and neighbours of the victims gathered "
            "outside the bureau on Friday.\n")
    got = [(e["participants"]["actor"], e["summary"][:5]) for e in of_type(body, "PROTEST")]
    assert got == [(["fishermen"], "About"), (["relatives-and-neighbours-of-the-victims"],
                                               "Nearl")], got


@pytest.mark.parametrize("body, plover_type, reason, day", [
    # a lead with no act of its own gives the story its day
    ("Funeral diplomacy\n\nPRAGUE — Heads of state from twenty countries filled the "
     "cathedral on Saturday for the funeral of a former president.\n\nAfter the service, "
     "President Daniel Roubal received Slovakia's president for forty minutes.\n",
     "CONSULT", "", "2031-06-07"),
    # a lead its speakers said on the publication day gives it too
    ("Bridge deal\n\nBUCHAREST — Bulgaria and Romania will share the cost of the bridge, "
     "their foreign ministers said on Saturday, but talks failed to end a row over "
     "dredging.\n\nThe bridge carries most of the traffic between them.\n\nRomanian Foreign "
     "Minister Sorin Dumitrescu refused to stop the dredging.\n", "REJECT", "'refuse'",
     "2031-06-07"),
    # "on the margins of the funeral": the occasion's day (the story's first act's), even
    # the day before publication
    ("Funeral diplomacy\n\nPRAGUE — Czechia's president praised Poland for its help at a "
     "state funeral on Thursday.\n\nOn the margins of the funeral, Austria's chancellor "
     "pressed Czechia for an early look at the reactor study.\n", "REQUEST", "",
     "2031-06-05"),
    # a sentence that sets the time, with no act of its own, dates the next one's act
    ("Back channel\n\nHONIARA — Solomon Islands and Papua New Guinea signed a memorandum "
     "on Saturday. Go back to last Sunday night, when the week began. Prime Minister "
     "Dominic Tosika of Solomon Islands refused to lift the ban.\n", "REJECT", "",
     "2031-06-01")])
def test_an_act_told_after_the_lead_takes_the_day_of_the_story_s_occasion(
        body, plover_type, reason, day):
    got = [e for e in of_type(body, plover_type) if reason in e["reason"]]
    assert [e.get("date") for e in got] == [day], got


def test_the_next_month_counts_from_the_story_not_from_publication():
    for text, phrases in [("The next month Papua New Guinea banned timber.", []),
                          ("Talks resume next month.", ["next month"]),
                          ("Go back to February, when police detained them.",
                           ["back to February"]),
                          ("During March the crossing stayed shut.", ["During March"])]:
        assert [p for _a, _b, p in find_dates(text, 0, len(text))] == phrases, text


def test_a_date_inside_a_later_saying_s_words_does_not_date_the_denial():
    body = ("Raid\n\nNIAMEY — “This was hot pursuit,” the army spokesman, Colonel Abakar "
            "Djibrine, told reporters on Thursday. He denied that any civilians had been "
            "killed, said the troops were back by Sunday afternoon, and insisted that Niger's "
            "army had been told of the operation on Monday night.\n")
    denied = of_type(body, "REJECT")
    assert denied and all(e.get("date") != "2031-06-02" for e in denied), denied


def test_a_bomb_threat_is_no_attack():
    for sentence in ["Controllers told the crew a bomb was on board.",
                     "The crew asked to land after a bomb warning."]:
        found = [t.trigger.plover_type for t in find_triggers(sentence, 0, len(sentence))]
        assert "ASSAULT" not in found, (sentence, found)


def test_a_judge_or_magistrate_named_by_title_is_a_person():
    body = ("Extradition\n\nTORONTO — Justice Lorna Achebe committed Rodrigo Valcarcel for "
            "extradition to Peru on Saturday. Magistrate Deborah Lang refused bail.\n")
    actors = {a["id"]: a for a in drafted(body)["actors"]}
    assert {"lorna-achebe", "deborah-lang"} <= set(actors), sorted(actors)
    assert actors["lorna-achebe"]["kind"] == "person", actors["lorna-achebe"]
