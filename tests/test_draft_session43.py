"""Issue 21, session 43: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

import pytest

from tests.lead import drafted, of_type

_SHUTTLE = ("Three capitals in a week\n\nShe spent most of last week on planes. "
            "Estonia's envoy, Kadri Ots, landed in Vilnius on Monday evening, May 26, carrying "
            "a proposal.\n\nOn Wednesday she met Lithuania's foreign minister, Rasa Kairiene, "
            "in Vilnius. On Friday Kairiene rejected the proposal.\n")


def test_weekdays_after_a_weekday_dated_in_full_before_the_publication_week_are_of_its_week():
    got = drafted(_SHUTTLE)
    meeting = [e for e in got["events"] if e["plover_type"] == "CONSULT"
               and "she met" in e["evidence"][0]]
    assert meeting and meeting[0]["date"] == "2031-05-28", meeting
    assert "in the week of" in meeting[0]["date_note"], meeting
    rejected = of_type(_SHUTTLE, "REJECT")
    assert rejected and rejected[0]["date"] == "2031-05-30", rejected


@pytest.mark.parametrize(("body", "day"), [
    # a story that names a weekday of its own week first keeps its weekdays
    ("Border to reopen\n\nLatvia and Estonia signed a protocol on Tuesday. Estonia had closed "
     "the crossing on Monday, May 19. Riga protested on Wednesday, May 21.\n\nThe EU welcomed "
     "the deal on Wednesday.\n", "2031-06-04"),
    # a later date ends the week told of
    ("Quota deal\n\nThe turning point came on Tuesday, May 13, when Latvia's minister "
     "telephoned his Polish counterpart. Talks opened in Warsaw on June 2.\n\nPoland's "
     "parliament welcomed the agreement on Friday.\n", "2031-06-06"),
])
def test_a_week_told_before_does_not_hold_where_the_story_is_in_its_own_week(body, day):
    welcomed = [e for e in of_type(body, "SUPPORT") if "welcomed" in e["evidence"][0]]
    assert welcomed and welcomed[0]["date"] == day, welcomed


def test_landing_carrying_a_proposal_is_no_aid():
    landed = [e for e in drafted(_SHUTTLE)["events"] if "landed" in e["evidence"][0]]
    assert landed and landed[0]["cameo_code"] == "042", landed


_COUP = ("Bloc suspends Mali after coup\n\nABUJA, June 7 (Wire) - West African leaders suspended "
         "Mali from ECOWAS on Saturday, five days after soldiers seized power in Bamako.\n\n"
         "The summit gave the junta until July 31 to free the president. The junta dismissed "
         "the decision and called the sanctions \"a declaration of economic war\".\n")


def test_the_junta_is_the_group_that_rules_the_state_of_the_coup():
    got = drafted(_COUP)
    junta = [a for a in got["actors"] if "junta" in a["name"].lower()]
    assert junta and junta[0]["country"] == "MLI", junta
    rejected = of_type(_COUP, "REJECT")
    assert rejected and rejected[0]["participants"]["actor"] == [junta[0]["id"]], rejected
    called = of_type(_COUP, "ACCUSE")   # (calling a measure "a declaration of war")
    assert called and called[0]["cameo_code"] == "111", called
    assert not of_type(_COUP, "ASSAULT")


def test_a_summit_that_gives_a_deadline_is_its_bloc_making_a_demand():
    demand = [e for e in of_type(_COUP, "REQUEST") if "until" in e["evidence"][0]]
    assert demand and demand[0]["participants"]["actor"] == ["ecowas"], demand
    assert demand[0]["cameo_code"] == "100", demand


def test_a_saying_tag_set_between_subject_and_verb_leaves_the_subject_acting():
    body = ("Border opened\n\nLatvia's foreign minister, Ilze Berzina, told parliament on "
            "Monday that the crew was safe. Estonia, she said, opened the Valga crossing for "
            "three hours on Sunday. Latvian officials privately called the refusal "
            "\"unhelpful\". A Latvian Air Force transport then flew the evacuees to Riga.\n")
    opened = [e for e in drafted(body)["events"] if "opened" in e["evidence"][0]]
    assert opened and opened[0]["participants"]["actor"] == ["estonia"], opened
    assert opened[0]["date"] == "2031-06-01", opened
    flown = of_type(body, "AID")
    assert flown and flown[0]["cameo_code"] == "073", flown
    assert [e for e in of_type(body, "ACCUSE") if "unhelpful" in e["evidence"][0]]


def test_demands_handed_over_are_a_demand_and_what_they_list_is_no_act():
    body = ("Envoy shuttles\n\nIn Riga, Latvia's foreign minister, Ilze Berzina, gave the "
            "envoy two demands to carry north: free the fishermen, and apologise.\n")
    got = drafted(body)["events"]
    assert [e["cameo_code"] for e in got] == ["100"], got


def test_days_later_than_a_month_told_before_is_within_that_month():
    body = ("Handshake ends freeze\n\nSANTO DOMINGO — On Friday the two presidents met at the "
            "summit.\n\nThe rift dates to early August 2029, when Echavarria called the "
            "election \"a fraud\". Lima expelled Colombia's ambassador days later.\n")
    expelled = of_type(body, "SANCTION")
    assert expelled and expelled[0]["date"] == "2029-08", expelled


def test_an_offer_of_a_thing_on_a_weekday_is_made_that_day():
    body = "Search goes on\n\nAustralia offered a second aircraft on Sunday.\n"
    offer = of_type(body, "AGREE")
    assert offer and offer[0]["date"] == "2031-06-01", offer
    body = "Talks offered\n\nAustralia proposed talks with Fiji on Friday next week.\n"
    talks = of_type(body, "AGREE")
    assert talks and talks[0].get("date") != "2031-06-06", talks


def test_a_capital_after_a_month_name_is_the_capital():
    body = "Asylum row\n\nIn late May Addis Ababa asked that he be sent home.\n"
    asked = of_type(body, "REQUEST")
    assert asked and asked[0]["participants"]["actor"] == ["ethiopia"], asked
    assert asked[0]["date"] == "2031-05", asked


def test_calling_in_an_ambassador_is_a_summons_and_announcing_a_surcharge_imposes_it():
    body = ("Bridge row\n\nSweden has called in Denmark's ambassador. Last Wednesday the "
            "Danish government announced a new surcharge on the bridge.\n")
    assert [e["cameo_code"] for e in of_type(body, "ACCUSE")] == ["114"]
    imposed = of_type(body, "COERCE")
    assert imposed and imposed[0]["cameo_code"] == "163" and imposed[0]["date"] == "2031-06-04"


def test_a_sentence_opening_with_a_telephone_call_names_its_two_sides_after_it():
    body = ("Treaty\n\nIn a telephone call on Tuesday, Prime Minister Elena Rusu assured her "
            "Romanian counterpart, Victor Dragomir, that the vote would go ahead.\n")
    call = of_type(body, "CONSULT")
    assert call and set(call[0]["participants"]["actor"]) == {"elena-rusu", "victor-dragomir"}
    assert call[0]["cameo_code"] == "041" and call[0]["date"] == "2031-06-03", call


def test_a_roundup_whose_lead_tells_of_the_day_before_dates_its_items_that_day():
    body = ("World reacts\n\nHAVANA, June 7 (Wire) - Governments reacted on Friday to the "
            "shelling of the port. Here is a selection.\n\nMEXICO: President Lucia Barragan "
            "condemned the attack.\n\nUNITED NATIONS: Secretary-General Ama Owusu urged all "
            "sides to show restraint.\n")
    got = [e for e in drafted(body)["events"] if e["plover_type"] in ("ACCUSE", "REQUEST")]
    assert len(got) == 2 and {e.get("date") for e in got} == {"2031-06-06"}, got


_DECLARATION = ("Rail corridor\n\nTARTU — The foreign ministers of Estonia, Finland and Lithuania "
                "on Monday adopted a joint declaration.\n\nIn the declaration, the three "
                "governments:\n- ask the European Commission to fund a study;\n- call on Latvia "
                "to join the project.\n\nLatvia, which was invited but did not attend, "
                "criticised the declaration. A spokesman for the Latvian foreign ministry told "
                "reporters that Riga would not be bound by it. He accused Tallinn of \"drawing "
                "maps for its neighbours\".\n")


def test_the_items_of_a_list_are_done_by_the_subject_that_introduced_it():
    asked = of_type(_DECLARATION, "REQUEST")
    assert [e["participants"].get("recipient") for e in asked] == [["european-commission"],
                                                                    ["latvia"]], asked
    assert all(set(e["participants"]["actor"]) == {"estonia", "finland", "lithuania"}
               for e in asked), asked


def test_a_relative_clause_with_but_leaves_its_subject_acting_and_not_negated():
    criticised = [e for e in of_type(_DECLARATION, "ACCUSE") if "criticised" in e["evidence"][0]]
    assert criticised and criticised[0]["participants"]["actor"] == ["latvia"], criticised
    assert criticised[0]["status"] == "occurred", criticised


def test_he_after_a_spokesman_for_a_ministry_speaks_for_the_ministry():
    accused = [e for e in of_type(_DECLARATION, "ACCUSE") if "He accused" in e["evidence"][0]]
    assert accused and accused[0]["participants"]["actor"] == ["foreign-ministry-of-latvia"]


def test_a_timetable_present_with_a_weekday_after_it_looks_ahead():
    body = ("What to watch today\n\nZAMBIA: President Chanda Mulenga begins a state visit to "
            "Angola on Friday. \"Nobody asked us,\" one official said.\n")
    visit = of_type(body, "CONSULT")
    assert visit and visit[0]["date"] == "2031-06-13" and visit[0]["status"] == "planned", visit
    assert not of_type(body, "REQUEST")   # ("Nobody" is no one's name)


def test_a_joint_force_of_two_named_states_is_both_states_cooperating():
    body = ("Patrols\n\nA joint Chad-Sudan force of 3,000 troops is to start patrolling the "
            "border by 1 January. The first joint Indonesian-Australian patrol is to begin on "
            "Monday to fight smuggling.\n")
    got = of_type(body, "COOPERATE")
    assert [sorted(e["participants"]["actor"]) for e in got] == [["chad", "sudan"],
                                                                 ["australia", "indonesia"]]
    assert not of_type(body, "ASSAULT")   # (fighting smuggling is no attack)


def test_two_unnamed_commanders_are_the_two_states_and_a_refusal_after_and_is_said():
    body = ("Temple standoff\n\nSISAKET — Thai and Cambodian troops faced off on Wednesday. "
            "Cambodia's defence ministry said its troops were on Cambodian soil and would not "
            "withdraw. The two regional commanders held a flag meeting on Wednesday afternoon.\n")
    met = of_type(body, "CONSULT")
    assert met and sorted(met[0]["participants"]["actor"]) == ["cambodia", "thailand"], met
    assert of_type(body, "REJECT")


def test_signs_put_up_are_no_signing_and_could_not_refuses_only_what_was_asked():
    body = ("Half a ribbon\n\nOSIJEK — Budapest put up signs on the bridge in Hungarian only. "
            "The mayor, Ivana Horvat, said she regretted that the ministers could not do the "
            "same. Zambia asked Botswana to waive the charge, but Botswana said it could not do "
            "so before a review.\n")
    assert not [e for e in of_type(body, "SUPPORT") if "suggested" not in e["id"]]
    refused = of_type(body, "REJECT")
    assert [e["participants"]["actor"] for e in refused] == [["botswana"]], refused


def test_a_column_by_a_former_ambassador_makes_its_i_the_writer():
    body = ("OPINION: What Lima forgets\n\nBy Hernan Villalobos, Chile's ambassador to Peru from "
            "2018 to 2022\n\nIn the spring of 2019 I sat across a table in Arica from my "
            "Peruvian counterpart, Rosa Quispe, for eleven days. \"I will not sign,\" she said "
            "once. In the end I accepted her proposal.\n")
    got = drafted(body)
    writer = [a for a in got["actors"] if a["name"] == "Hernan Villalobos"]
    assert writer and writer[0].get("parent") == "chile", got["actors"]
    met = of_type(body, "CONSULT")
    assert met and set(met[0]["participants"]["actor"]) == {"hernan-villalobos", "rosa-quispe"}
    accepted = of_type(body, "AGREE")
    assert accepted and accepted[0]["participants"]["actor"] == ["hernan-villalobos"], accepted


def test_two_titled_ministers_joined_by_and_both_hold_the_talks():
    body = ("Levy\n\nKITWE — On Monday, Zambia's Minister of Commerce, Trade and Industry, Chanda "
            "Mwale, and Congo's foreign trade minister, Jean-Pierre Kasongo, held talks in a tent, "
            "a week after Congo began charging a $175 \"cargo scanning levy\" on trucks. More "
            "than 2,000 trucks were backed up for 38 kilometres.\n")
    talks = of_type(body, "CONSULT")
    assert talks and set(talks[0]["participants"]["actor"]) == {"chanda-mwale",
                                                                 "jean-pierre-kasongo"}, talks
    assert [e["cameo_code"] for e in of_type(body, "COERCE")] == ["163"]
    assert not of_type(body, "SUPPORT")   # (trucks backed up: no one's backing)


def test_a_crowd_described_between_commas_still_protests():
    body = ("Execution row\n\nDHAKA — Hundreds of people, many of them relatives of migrant "
            "workers, protested outside the Saudi embassy on Thursday.\n")
    protest = of_type(body, "PROTEST")
    assert protest and protest[0]["participants"]["actor"] == ["people"], protest
    assert protest[0]["date"] == "2031-06-05", protest


def test_a_plural_body_in_the_present_takes_its_stand_at_publication():
    body = ("Exercise off\n\nSUVA — The journalist was released on Friday. Fiji's police accuse "
            "her of filming a military base without permission.\n")
    accused = of_type(body, "ACCUSE")
    assert accused and accused[0]["date"] == "2031-06-07", accused


def test_a_vote_on_ratifying_a_treaty_is_its_ratification_to_come():
    body = ("Watch\n\nKenya's parliament will vote on Thursday on ratifying the border treaty "
            "with Tanzania.\n")
    vote = of_type(body, "SUPPORT")
    assert vote and vote[0]["cameo_code"] == "057" and vote[0]["status"] == "planned", vote
    assert vote[0]["date"] == "2031-06-12", vote


def test_an_alliance_spokeswoman_speaks_for_the_alliance_named_before():
    body = ("Airspace\n\nSTOCKHOLM — NATO praised Sweden's response. \"We call on Russia to stop "
            "these reckless actions,\" alliance spokeswoman Ines Carvalho said in Brussels.\n")
    got = drafted(body)
    person = [a for a in got["actors"] if a["name"] == "Ines Carvalho"]
    assert person and person[0].get("parent") == "nato", person
    asked = [e for e in got["events"] if e["plover_type"] == "REQUEST"]
    assert asked and asked[0]["participants"]["actor"] == ["nato"], asked


def test_giving_in_to_demands_concedes_and_giving_two_demands_demands():
    body = ("Survey\n\nZambia gave in to their demands to reopen the survey. Latvia's minister, "
            "Ilze Berzina, gave the envoy two demands to carry north.\n")
    got = drafted(body)["events"]
    assert [e["cameo_code"] for e in got] == ["080", "100"], got
