"""Issue 21, session 41: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

import pytest

from tests.lead import drafted, of_type

_CALL = ("Emir receives call\n\nDOHA, June 7 (Agency) – His Highness Emir Faisal bin Nasser, "
         "may God preserve him, received yesterday evening a telephone call from His "
         "Excellency Dato' Seri Hakim Rosli, Prime Minister of Malaysia.")


def test_a_received_call_is_a_call_between_both_dated_by_its_day_despite_a_blessing():
    call = of_type(_CALL + "\n", "CONSULT")
    assert len(call) == 1, call
    assert call[0]["status"] == "occurred"   # ("may God preserve him" is no modal)
    assert call[0]["date"] == "2031-06-06"
    actors = drafted(_CALL + "\n")["actors"]
    people = {a["id"]: a for a in actors if a["kind"] == "person"}
    assert set(call[0]["participants"]["actor"]) == set(people), call
    # the honours before the name are not the name; "Prime Minister of Malaysia" says
    # what he is and for which state
    rosli = next(a for a in people.values() if "Rosli" in a["name"])
    assert rosli["name"] == "Hakim Rosli"
    assert rosli["role"].startswith("Prime Minister") and rosli["country"] == "MYS"


def test_a_capitalised_office_alone_is_its_holder_at_the_call():
    body = _CALL + (" The Emir thanked the Prime Minister for his good wishes and invited "
                    "him to visit Doha.\n")
    got = drafted(body)
    assert not [a for a in got["actors"] if a["name"] in ("Emir", "Prime Minister")]
    thanks = [e for e in got["events"] if e["plover_type"] == "SUPPORT"]
    assert thanks and thanks[0]["participants"]["actor"] == ["faisal-bin-nasser"], thanks
    assert thanks[0]["date"] == "2031-06-06"   # said at the call


def test_an_office_no_one_named_holds_stays_an_actor_to_check():
    # ("The Foreign Secretary" of a story that never says who she is: kept for the analyst)
    body = ("Row over boat\n\nLONDON — The Foreign Secretary denied on Friday that any "
            "escort had been ordered by Britain.\n")
    got = of_type(body, "REJECT")
    assert got and got[0]["participants"]["actor"], got


def test_a_date_in_a_relative_clause_far_from_the_act_is_the_clauses():
    body = ("Aid offered\n\nKUALA LUMPUR — Prime Minister Hakim Rosli on Wednesday offered "
            "Malaysia's assistance to families affected by the floods that struck Aceh last "
            "week. He also praised President Adi Santoso for his support for the summit which "
            "Malaysia will host in March.\n")
    dates = {e["plover_type"]: e.get("date") for e in drafted(body)["events"]}
    assert dates.get("AGREE") == "2031-06-04", dates   # the offer's, not the floods'
    assert dates.get("SUPPORT") == "2031-06-04", dates   # the praise's, not the summit's


def test_a_date_in_a_relative_clause_right_after_the_act_still_dates_it():
    body = ("Drone downed\n\nALGIERS — Algeria's air defences shot down a Malian military "
            "drone that crossed into its airspace late on Thursday, the ministry said.\n")
    got = of_type(body, "ASSAULT")
    assert got and got[0]["date"] == "2031-06-05", got


_RELEASE = ("PRESS RELEASE: BORDER REOPENS\nDodoma, 14th June 2031\n"
            "1. H.E. Dr. Salum Juma, President of the United Republic of Tanzania, spoke by "
            "telephone with his Zambian counterpart, H.E. Bwalya Mumba, on Thursday. The two "
            "Heads of State welcomed the outcome of the Lusaka talks.\n"
            "2. Under the Memorandum of Understanding:\n"
            "(a) the Tanzania Revenue Authority shall release the trucks still held at Msanzi;\n"
            "(b) Zambia shall restore the transit permits of Tanzanian hauliers.\n")


def test_a_lists_lead_in_and_items_are_sentences_not_headings():
    from briefing.text import split_sentences
    rows = split_sentences("a", _RELEASE)
    items = [r for r in rows if r["text"].startswith(("2.", "(a)", "(b)"))]
    assert len(items) == 3 and not any(r["is_heading"] for r in items), rows
    assert [r["is_heading"] for r in rows[:2]] == [True, True]   # (headline and dateline)
    got = drafted(_RELEASE)["events"]
    assert any(e["plover_type"] == "RETREAT" and e["status"] == "planned" for e in got), got


def test_a_communiques_honours_and_formal_styles_and_its_heads_of_state():
    got = drafted(_RELEASE)
    people = {a["id"]: a for a in got["actors"] if a["kind"] == "person"}
    assert people["salum-juma"]["name"] == "Salum Juma"
    assert people["salum-juma"]["country"] == "TZA"   # ("of the United Republic of Tanzania")
    assert "bwalya-mumba" in people
    assert not [a for a in got["actors"] if a["name"] in ("State", "Heads", "Hon", "H.E.")]
    welcome = [e for e in got["events"] if "Heads of State" in e["evidence"][0]]
    assert welcome and set(welcome[0]["participants"]["actor"]) == {
        "salum-juma", "bwalya-mumba"}, welcome


def test_a_surname_read_first_and_the_full_name_after_are_one_person():
    body = ("President Baek arrives\n\nSEOUL — His Excellency Mr. Baek Jin-ho, President of "
            "the Republic of Korea, held talks with Ghana's President Kofi Asante on Thursday. "
            "President Baek thanked Ghana for its support.\n")
    people = [a for a in drafted(body)["actors"] if a["kind"] == "person"]
    baek = [a for a in people if "Baek" in a["name"]]
    assert len(baek) == 1 and baek[0]["name"] == "Baek Jin-ho", people
    assert baek[0]["country"] == "KOR"


_TIMELINE = ("Explainer: the reef dispute\n\nSUVA — Here is how the row between Tonga and "
             "Samoa over the reefs unfolded.\n\nTimeline\n\n"
             "• September 1991 — A Tongan patrol boat detains a Samoan fishing boat near the "
             "reefs. Samoa protests, and the crew are freed after nine days.\n"
             "• 2013 — Samoa folds the reefs into a fisheries zone. Tonga lodges a formal "
             "protest.\n\n"
             "Foreign Minister Sione Vake said on Thursday that talks must resume. Samoa's "
             "Foreign Minister Lemalu Tuala rejected the call on Friday.\n")


def test_a_timeline_entrys_date_heads_every_act_it_tells():
    got = [(e["plover_type"], str(e.get("date"))) for e in drafted(_TIMELINE)["events"]]
    assert ("COERCE", "1991-09") in got, got   # ("September 1991" alone is a month)
    # (the second sentence of its entry, and the later entry's)
    assert ("RETREAT", "1991-09") in got and ("ACCUSE", "2013") in got, got


def test_a_capital_named_only_as_the_dateline_and_a_place_gives_no_state():
    # (filed from Suva, the story names Fiji only as where it is filed: a minister with no
    # state named is left for the analyst, not made Fiji's)
    vake = next(a for a in drafted(_TIMELINE)["actors"] if a["name"] == "Sione Vake")
    assert vake["country"] == "", vake


def test_a_place_under_a_state_is_not_a_person_met_again_in_another_name():
    body = ("Reefs row\n\nAPIA — The reefs lie between Vanuatu's Torres Islands and Solomon "
            "Islands' Temotu province. Solomon Islands protested to Vanuatu on Friday.\n")
    got = drafted(body)
    assert not [a for a in got["actors"] if a["kind"] == "person"], got["actors"]
    assert of_type(body, "ACCUSE")[0]["participants"]["actor"] == ["solomon-islands"]


def test_aid_sent_and_a_position_passed_on_are_acts():
    body = ("Relief flights\n\nDUSHANBE — Uzbekistan sent 500 tents to Tajikistan on Friday. "
            "A U.S. Coast Guard plane passed the boat's position to Ecuador on Thursday.\n")
    types = {e["plover_type"] for e in drafted(body)["events"]}
    assert {"AID", "COOPERATE"} <= types, types


def _doers(body: str) -> dict[str, list[str]]:
    """The doers of each type of event drafted from a whole fictional article."""
    return {e["plover_type"]: e["participants"]["actor"] for e in drafted(body)["events"]}


def test_a_transcripts_answer_labelled_by_a_name_speaks_for_that_person_and_state():
    body = ("Press conference after the summit\n\nNAIROBI, June 7 — Kenya's foreign minister, "
            "Wanjiru Kamau, spoke to reporters on Friday evening.\n\n"
            "Q (Daily Courier): Will Kenya reopen the crossing?\n\n"
            "KAMAU: We have asked Juba to release the traders. We welcomed the commitment.\n")
    got = _doers(body)
    assert got.get("REQUEST") == ["kenya"] and got.get("SUPPORT") == ["kenya"], got


def test_a_print_interviews_unlabelled_answers_follow_its_questions():
    body = ("Interview\n\nJAKARTA — Indonesia's foreign minister, Ratna Wibisono, spoke to "
            "the Ledger on Friday.\n\nSingapore says the tug entered its waters. Do you "
            "accept that?\n\nNo. We have protested to Singapore twice this week.\n\n"
            "What happens next?\n\nWe have asked Singapore to release the crew.\n")
    got = _doers(body)
    assert got.get("REQUEST") == ["indonesia"], got
    # (one question alone is no interview: "we" stays unread)
    one = body.replace("What happens next?\n\n", "")
    assert "REQUEST" not in {e["plover_type"] for e in drafted(one)["events"]}


@pytest.mark.parametrize("body, plover_type, code", [
    # migrants pushed back across a border: an expulsion
    ("Pushbacks\n\nBELGRADE — Hungarian police pushed about sixty migrants back across the "
     "border into Serbia on Friday.\n", "COERCE", "174"),
    # protesters breaking into a consulate: a violent protest
    ("Consulate stormed\n\nWARSAW — Several hundred protesters broke into the grounds of "
     "Poland's consulate in Grodno on Friday evening.\n", "PROTEST", "145")])
def test_new_phrases_are_acts_of_their_code_on_their_day(body, plover_type, code):
    got = of_type(body, plover_type)
    assert got and got[0]["cameo_code"] == code and got[0]["date"] == "2031-06-06", got


def test_an_after_clause_with_an_irregular_past_dates_its_own_act():
    body = ("Aid accepted\n\nNUKU'ALOFA — Tonga has accepted emergency aid from Australia "
            "after Cyclone Mele tore through the islands last weekend. Prime Minister Siaosi "
            "Vea reversed course on Wednesday.\n")
    got = {e["plover_type"]: e.get("date") for e in drafted(body)["events"]}
    assert got.get("AGREE") is None, got   # (the cyclone's weekend, not the accepting's)
    assert got.get("CONCEDE") == "2031-06-04", got


def test_a_relative_clauses_negation_and_tense_are_its_own():
    got = of_type("Restraint urged\n\nCAIRO — Egypt, which is not a party to the dispute, urged "
                  "both sides on Friday to show restraint.\n", "REQUEST")
    assert got and got[0]["status"] == "occurred", got
    assert got[0]["date"] == "2031-06-06", got


def test_a_participle_after_a_clause_of_its_own_is_that_clauses_doers():
    body = ("Talks collapse\n\nADDIS ABABA — Talks between Ethiopia and Sudan collapsed on "
            "Wednesday when the Sudanese delegation walked out, accusing Addis Ababa of bad "
            "faith.\n")
    got = of_type(body, "ACCUSE")
    assert got and got[0]["participants"]["actor"] == ["sudan"], got
    assert got[0]["participants"].get("recipient") == ["ethiopia"], got


def test_a_refusal_to_reverse_a_measure_is_dated_by_its_own_conjunct():
    got = drafted("Shops row\n\nACCRA — Deputy Trade Minister Abena Sarpong said on Friday that "
                  "Ghana would not reverse the closures but was ready to meet Nigerian officials "
                  "next week.\n")["events"]
    refusal = [e for e in got if e["plover_type"] == "REJECT"]
    assert refusal and refusal[0]["date"] == "2031-06-06", got   # (not "next week")


def test_an_envoy_named_between_commas_is_the_one_summoned():
    got = of_type("Envoy summoned\n\nOSLO — Russia's ambassador, Nikolai Petrov, was summoned "
                  "to the ministry on Thursday evening.\n", "ACCUSE")
    assert got and got[0]["cameo_code"] == "114", got
    assert got[0]["participants"].get("recipient") == ["nikolai-petrov"], got
    assert got[0]["date"] == "2031-06-05", got


def test_overnight_alone_is_the_night_before_the_story_and_gives_way_to_a_stated_day():
    got = of_type("Crew home\n\nMUSCAT — Omani authorities brought the crew home from "
                  "Salalah overnight.\n", "AID")
    assert got and got[0]["date"] == "2031-06-06", got
    got = of_type("Barges held\n\nPARAMARIBO — Surinamese sailors boarded two barges on Monday "
                  "and held their crews overnight.\n", "COERCE")
    assert got and {e["date"] for e in got} == {"2031-06-02"}, got


def test_crews_and_staff_are_groups_that_act():
    got = drafted("Boat row\n\nROSEAU — The coast guard ordered the boats to leave on Friday. "
                  "The crews refused, and the patrol boat stayed nearby. Embassy staff have "
                  "accused the authorities of cutting the water.\n")
    groups = {a["id"]: a for a in got["actors"] if a["kind"] == "group"}
    assert {"crews", "embassy-staff"} <= set(groups), got["actors"]
    acts = {e["plover_type"]: e["participants"]["actor"] for e in got["events"]}
    assert acts.get("REJECT") == ["crews"] and acts.get("ACCUSE") == ["embassy-staff"], acts


def test_asset_freezes_and_travel_bans_are_sanctions_on_those_accused_of_a_crime():
    got = drafted("Sanctions adopted\n\nBRUSSELS — European Union foreign ministers on Monday "
                  "imposed asset freezes and travel bans on 14 Belarusian officials accused of "
                  "organising the transport of migrants.\n")["events"]
    measure = [e for e in got if e["cameo_code"] == "163"]
    assert measure and measure[0]["participants"]["actor"] == ["eu"], got
    accused = [e for e in got if e["plover_type"] == "ACCUSE"]
    # (a participle after the noun it is done to: the officials are accused, not accusers)
    assert accused and accused[0]["participants"].get("recipient") == ["belarus"], got
    assert "belarus" not in accused[0]["participants"]["actor"], got


def test_a_date_in_the_subjects_participle_phrase_is_not_the_main_verbs():
    got = of_type("Engineers freed\n\nALGIERS — Two Algerian engineers kidnapped in northern "
                  "Mali in March were freed on Thursday.\n", "RETREAT")
    assert got and got[0]["date"] == "2031-06-05", got   # (not March)


def test_each_side_accusing_the_other_is_the_storys_two_states():
    got = of_type("Border clash\n\nBISHKEK — Kyrgyz and Tajik border guards exchanged fire on "
                  "Thursday. Each side accused the other of moving troops into disputed land.\n",
                  "ACCUSE")
    assert got and set(got[0]["participants"]["actor"]) == {"kyrgyzstan", "tajikistan"}, got


def test_a_when_clauses_day_is_the_main_acts_day_too():
    got = of_type("Guards killed\n\nBISHKEK — Two Kyrgyz border guards were killed and three "
                  "wounded when Tajik forces opened fire on a post near the village of Kok-Tash "
                  "on Thursday night.\n", "ASSAULT")
    assert got and {e.get("date") for e in got} == {"2031-06-05"}, got


def test_an_explainers_question_headings_are_no_interview():
    body = ("Explainer: the reef row\n\nAPIA — Tonga's foreign minister, Sione Vake, said "
            "on Friday that the reefs were Tongan.\n\nHow did Apia respond?\n\n\"We have "
            "asked Tonga to withdraw its boats.\"\n\nWhat happens now?\n\nTalks are due "
            "in Suva.\n")
    got = _doers(body)
    # ("we" in a quote no one is said to have spoken is not the minister named first)
    assert got.get("REQUEST") != ["sione-vake"] and got.get("REQUEST") != ["tonga"], got


def test_guarantees_demanded_are_a_noun_not_a_promise():
    got = drafted("Consulate row\n\nWARSAW — Poland demanded compensation and guarantees for "
                  "the safety of its staff on Friday.\n")["events"]
    assert [e["plover_type"] for e in got] == ["REQUEST"], got


def test_a_crowd_with_its_day_before_the_verb_acts_and_unfroze_is_read():
    got = drafted("Sanctions lifted\n\nABUJA — West African leaders on Friday lifted economic "
                  "sanctions on Guinea. ECOWAS also unfroze Guinea's assets.\n")
    lifted = [e for e in got["events"] if e["cameo_code"] == "085"]
    assert len(lifted) == 2, got["events"]   # (the lifting, and "unfroze")
    assert lifted[0]["participants"]["actor"] == ["west-african-leaders"], lifted
    assert lifted[0]["date"] == "2031-06-06", lifted
