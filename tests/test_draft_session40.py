"""Issue 21, session 40: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

from briefing.draft.triggers import find_triggers
from tests.lead import of_type


def test_the_same_side_named_again_right_after_goes_on_with_its_day():
    body = ("Angola shuts border over smuggling\n\nLUANDA — Angola and Namibia "
            "traded accusations on Saturday over smuggling. Angola closed its border with "
            "Namibia on Thursday. "
            "Angolan Foreign Minister Joana Tavares demanded that Windhoek arrest those "
            "responsible.\n")
    asked = of_type(body, "REQUEST")
    assert [e.get("date") for e in asked] == ["2031-06-05"], asked


def test_a_reply_from_the_other_side_is_not_dated_by_the_sentence_before():
    body = ("Angola shuts border over smuggling\n\nLUANDA — Angola and Namibia "
            "traded accusations on Saturday over smuggling. Angola closed its border with "
            "Namibia on Thursday. "
            "Namibian Foreign Minister Selma Haufiku rejected the closure as unjustified.\n")
    rejected = of_type(body, "REJECT")
    assert rejected and all("date" not in e for e in rejected), rejected


def test_the_story_s_first_dated_act_is_not_carried_to_the_same_side_after_it():
    # (its lead: the story may go on with another day, as in session 32's test)
    body = ("Zambia talks\n\nLUSAKA — Zambia and Malawi agreed on Friday to hold border "
            "talks. Zambian Foreign Minister Mwila Banda denied any role in the shelling.\n")
    denied = of_type(body, "REJECT")
    assert denied and all("date" not in e for e in denied), denied


def test_a_new_paragraph_does_not_go_on_with_the_day_before():
    body = ("Angola shuts border over smuggling\n\nLUANDA — Angola and Namibia "
            "traded accusations on Saturday over smuggling. Angola closed its border with "
            "Namibia on Thursday.\n\n"
            "Angolan Foreign Minister Joana Tavares demanded that Windhoek arrest those "
            "responsible.\n")
    asked = of_type(body, "REQUEST")
    assert asked and all("date" not in e for e in asked), asked


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
            ("The side expressed its appreciation for Oman's mediation.", "SUPPORT")]:
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


def test_a_lead_said_on_the_publication_day_dates_what_its_story_goes_on_to_tell():
    body = ("Bridge deal\n\nBUCHAREST — Bulgaria and Romania will share the cost of the "
            "bridge, their foreign ministers said on Saturday, but talks failed to end a "
            "row over dredging.\n\nThe bridge carries most of the traffic between them.\n\n"
            "Romanian Foreign Minister Sorin Dumitrescu refused to stop the dredging.\n")
    refused = [e for e in of_type(body, "REJECT") if "'refuse'" in e["reason"]]
    assert [e.get("date") for e in refused] == ["2031-06-07"], refused


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


def test_a_lead_with_no_act_of_its_own_gives_the_story_its_day():
    body = ("Funeral diplomacy\n\nPRAGUE — Heads of state from twenty countries filled the "
            "cathedral on Saturday for the funeral of a former president.\n\nAfter the "
            "service, President Daniel Roubal received Slovakia's president for forty "
            "minutes.\n")
    met = of_type(body, "CONSULT")
    assert [e.get("date") for e in met] == ["2031-06-07"], met


def test_a_later_clause_s_plan_does_not_date_the_first_verb():
    body = ("Margins\n\nPRAGUE — Prime Minister Lenka Dvorakova met Polish President Ewa "
            "Ostrowska, and the two agreed to reconvene the joint commission on cross-border "
            "rail in January, a government spokesman told reporters.\n")
    met = of_type(body, "CONSULT")
    assert met and all(e.get("date") != "2031-01" for e in met), met


def test_an_act_on_the_margins_of_the_occasion_takes_its_day():
    body = ("Funeral diplomacy\n\nPRAGUE — Czechia's president praised Poland for its "
            "help at a state funeral on Thursday.\n\nOn the margins of the funeral, "
            "Austria's chancellor pressed Czechia for an early look at the reactor study.\n")
    pressed = of_type(body, "REQUEST")
    assert [e.get("date") for e in pressed] == ["2031-06-05"], pressed


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
