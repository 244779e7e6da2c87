"""Issue 21, session 46: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

from tests.lead import acts, dated, drafted
from tests.lead import codes as _codes


def test_a_party_that_says_it_will_appeal_takes_a_legal_step_not_a_threat():
    assert ("ACCUSE", "115") in _codes("Kenya's attorney general said on Thursday it would "
                                       "appeal.")
    assert ("ACCUSE", "115") in _codes("Uganda said it would appeal against the ruling.")


def test_an_appeal_that_is_a_noun_is_no_legal_step():
    assert all(c != "115" for _t, c in _codes("The court threw out his last appeal.")), \
        _codes("The court threw out his last appeal.")
    assert all(c != "115" for _t, c in _codes("Its rulings are final and without appeal."))


def test_an_order_that_a_camp_be_closed_is_coercion():
    got = dated("Interior Minister Daniel Ruto of Kenya ordered on Monday that the Kakuma "
                "camp be closed by June 30.")
    assert ("COERCE", "2031-06-02") in got, got


def test_money_released_is_aid_and_said_ahead_an_intent_to_give_it():
    got = _codes("Japan released 5 million dollars for Kenya's clinics on Monday.")
    assert ("AID", "071") in got, got
    got = _codes("Japan said it would release 5 million dollars for Kenya's clinics.")
    assert ("AGREE", "0331") in got and all(t != "RETREAT" for t, _c in got), got


def test_wanting_foreign_troops_to_leave_is_a_demand_for_withdrawal():
    got = _codes("President Mahamat Deby of Chad wanted the 200 French soldiers to leave by "
                 "the end of the year, he added.")
    assert ("REQUEST", "106") in got, got


def test_pressing_a_state_during_a_visit_to_act_is_a_request():
    got = _codes("Uganda's trade minister, Sam Kutesa, said she had pressed Kenya during the "
                 "visit to lift the ban on milk imports.")
    assert ("REQUEST", "020") in got and all(t != "RETREAT" for t, _c in got), got


def test_a_press_freedom_network_is_no_pressing():
    got = _codes("The Pacific Press Freedom Network today called on Nauru to free the "
                 "journalist.")
    assert ("REQUEST", "020") in got, got


def test_leading_a_delegation_on_a_visit_is_a_visit():
    got = _codes("Ugandan Trade Minister Sam Kutesa led executives from 80 companies on a "
                 "three-day visit to Kenya.")
    assert ("CONSULT", "042") in got, got


def test_a_walkout_after_but_in_a_lead_takes_the_lead_s_day_and_the_story_goes_on():
    body = ("Togo's envoy walks out\n\nACCRA, Jan 14 (Wire) - Kwame Mensah was sworn in as "
            "Ghana's president on Wednesday before delegations from 20 countries, but Togo's "
            "prime minister walked out of the ceremony after his delegation was seated in a "
            "side gallery.\n\nTogo's foreign ministry summoned Ghana's ambassador in Lome in "
            "the afternoon and handed him a protest note, the ministry said.\n")
    got = {(e["plover_type"], e.get("date")) for e in drafted(
        body.replace("Jan 14", "June 7"))["events"]}
    assert ("PROTEST", "2031-06-04") in got and ("ACCUSE", "2031-06-04") in got, got


def test_a_year_that_names_what_is_recognised_does_not_date_the_vote():
    got = dated("Greece's parliament on Tuesday passed a resolution recognising the "
                "killings of 1915 as genocide.")
    assert got and all(d != 1915 for _t, d in got) and ("SUPPORT", "2031-06-03") in got, got


def test_a_year_after_in_the_drought_of_still_dates_the_act():
    got = dated("The accord nearly collapsed in the drought of 2027, when Belize recalled "
                "its consul general in Chetumal.")
    assert ("SANCTION", 2027) in got, got


def test_a_log_released_by_a_government_frees_no_one():
    got = _codes("The police log released by Hungary on Tuesday does not say who fired "
                 "first.")
    assert all(t != "RETREAT" for t, _c in got), got


def test_a_sayer_who_then_acts_on_a_day_does_the_act_the_story_tells():
    got = acts("Kenya's transport ministry said the seizure was hostile and on Friday "
               "suspended Zambia Airways' landing rights in Nairobi.")
    assert ("COERCE", ["kenya"]) in got, got


def test_verbs_that_double_their_last_letter_are_read_in_the_past():
    assert ("SANCTION", "160") in _codes("Mali scrapped the deal with France on Monday.")
    assert ("ACCUSE", "111") in _codes("Secretary-General Lucia Ferraz of the United Nations "
                                       "regretted the decision.")


def test_a_government_statement_in_a_story_filed_from_a_capital_is_that_state_s():
    got = drafted("Envoy expelled\n\nBAMAKO, June 7 (Wire) - Mali on Monday declared the head "
                  "of the United Nations mission, Anders Holm, persona non grata and gave him "
                  "72 hours to leave the country.\n\nA government spokesman accused France of "
                  "interference.\n")
    accuse = [e for e in got["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and accuse[0]["participants"]["actor"] == ["mali"], got["events"]


def test_an_ambassador_ordered_out_is_expelled():
    assert ("SANCTION", 2022) in dated("Mali ordered the French ambassador out in 2022.")


def test_people_killed_when_a_storm_struck_were_attacked_by_no_one():
    got = _codes("At least 27 people were killed when the storm struck the island on "
                 "Saturday.")
    assert all(t != "ASSAULT" for t, _c in got), got


def test_vessels_sent_with_water_and_food_are_aid():
    got = dated("Trinidad and Tobago sent two coast guard vessels with water and food to "
                "Dominica on Sunday.")
    assert ("AID", "2031-06-01") in got, got


def test_the_day_a_decision_was_said_dates_it_when_a_while_clause_follows_the_saying():
    got = dated("Dominica declined an offer of 300 Venezuelan soldiers, Prime Minister Ruth "
                "Charles said on Tuesday, while accepting relief supplies from others.")
    assert ("REJECT", "2031-06-03") in got, got


def test_irregular_and_ee_verbs_are_read_in_every_form():
    assert ("ACCUSE", "116") in _codes("A court in Accra found the Togolese trader guilty of "
                                       "smuggling on Monday.")
    assert ("SANCTION", "160") in _codes("Mali left the regional bloc on Monday.")
    assert "RETREAT" in [t for t, _c in _codes("Ivory Coast is freeing the Ghanaian crews.")]


def test_a_row_that_blew_up_bombed_nothing():
    got = _codes("The trouble blew up in April, when Panama's council ordered the statue "
                 "moved.")
    assert all(t != "ASSAULT" for t, _c in got), got


def test_a_year_in_what_a_rejecter_argues_does_not_date_the_rejection():
    got = dated("Suriname's counsel, Pieter Brandsma, rejected the claim, arguing that "
                "Guyana had been informed in 2029.")
    assert ("REJECT", None) in got and all(d != 2029 for _t, d in got), got


def test_a_rocket_launched_is_a_show_of_force_and_a_threat_met_with_a_response_no_meeting():
    assert ("MOBILIZE", "150") in _codes("North Korea launched a long-range rocket on "
                                         "Tuesday.")
    got = _codes("Pyongyang warned that further drills by South Korea would be met with a "
                 "resolute response.")
    assert all(t != "CONSULT" for t, _c in got), got


def test_a_truce_village_is_a_place_not_a_truce():
    got = _codes("Seoul summoned North Korea's envoy at the truce village of Panmunjom.")
    assert all(t != "RETREAT" for t, _c in got), got


def test_halting_the_recruitment_of_workers_for_a_state_is_an_embargo_and_a_fire_no_attack():
    got = dated("Nepal halted the recruitment of workers for Malaysia in 2029 after a fire "
                "killed 12 of its citizens.")
    assert ("COERCE", 2029) in got and all(t != "ASSAULT" for t, _d in got), got


def test_a_name_that_had_been_a_minister_is_a_person_and_her_week_goes_on_with_her():
    got = drafted("Profile\n\nNOUAKCHOTT, 7 June 2031\n\nMariem Mint Sidi Baba had been "
                  "foreign minister for a matter of hours when she made her first call abroad."
                  "\n\nHer first week was spent in Nouakchott. On 2 June she received the "
                  "Algerian ambassador, Rachid Benkhedda.\n")
    assert "Mariem Mint Sidi Baba" in [a["name"] for a in got["actors"]], got["actors"]
    hosted = [e for e in got["events"] if e["cameo_code"] == "043"]
    assert hosted and hosted[0]["participants"]["actor"] == ["mariem-mint-sidi-baba"], hosted


def test_the_year_of_an_accord_dates_its_negotiation():
    got = dated("Kofi Asante, a Ghanaian diplomat who negotiated the 1998 Volta accord with "
                "Burkina Faso, died on Tuesday.")
    assert ("CONSULT", 1998) in got, got


def test_maps_shared_or_footage_handed_over_is_information_shared():
    assert ("COOPERATE", "064") in _codes("Ecuador shared its maps of the minefields with "
                                          "Peru on Monday.")
    assert ("COOPERATE", "064") in _codes("Hungary handed over the border camera footage to "
                                          "Slovakia on Saturday.")


def test_taking_part_only_if_the_other_acts_first_demands_that_act():
    got = _codes("Mali said it would attend only if Guinea froze preparations for the filling "
                 "in the meantime.")
    assert ("REQUEST", "100") in got and all(t != "THREATEN" for t, _c in got), got
    got = _codes("Paraguayan Foreign Minister Mirta Aquino said Paraguay would attend the talks "
                 "only if construction was halted first.")
    assert ("REQUEST", "100") in got, got


def test_legal_action_said_to_come_threatens_only_on_a_condition_or_a_warning():
    got = _codes("Argentine Foreign Minister Luis Ferrando said Argentina would take the case "
                 "to the Organization of American States next Tuesday.")
    assert "ACCUSE" in [t for t, _c in got] and "THREATEN" not in [t for t, _c in got], got
    got = _codes("Malawi warned that it would take the dispute to the Southern African "
                 "Development Community.")
    assert "THREATEN" in [t for t, _c in got], got
    got = _codes("Dominica said it would take the dispute to the tribunal if the boats were "
                 "not released.")
    assert "THREATEN" in [t for t, _c in got], got


def test_landing_refused_boarding_stopped_and_a_convoy_halted_coerce():
    assert ("COERCE", "2031-06-02") in dated("Guatemala's civil aviation directorate denied the "
                                             "charter permission to land on Monday.")
    assert ("COERCE", "2031-06-06") in dated("Indian immigration officers at Delhi airport "
                                             "stopped the pair from boarding on Friday.")
    assert ("COERCE", "2031-06-01") in dated("Saudi border authorities halted the convoy of 34 "
                                             "coaches on Sunday afternoon.")


def test_keeping_what_the_other_wants_ended_until_something_happens_refuses_it():
    got = _codes('President Rosa Villacorta of Peru said the other five boats would stay in '
                 'Paita "until the courts decide".')
    assert ("REJECT", "120") in got, got


def test_a_joint_patrol_with_no_one_named_is_the_story_s_two_states_together():
    got = drafted("Patrols\n\nCOTONOU, June 7 (Wire) - Benin and Burkina Faso signed a border "
                  "security agreement on Monday after talks in Cotonou that lasted two days and "
                  "ended late.\n\nThe first joint patrol left the town of Koubega on "
                  "Thursday.\n")
    coop = [e for e in got["events"] if e["plover_type"] == "COOPERATE"]
    assert coop and set(coop[0]["participants"]["actor"]) == {"benin", "burkina-faso"}, \
        got["events"]


def test_veiled_threats_to_draw_conclusions_or_answer_in_kind_are_threats():
    got = _codes('Russia\'s embassy said late on Wednesday that Moscow would "draw the necessary '
                 'conclusions".')
    assert ("THREATEN", "130") in got, got
    assert ("THREATEN", "130") in _codes("A German government source said Germany would answer "
                                         "any expulsion in kind.")


def test_a_crowd_from_named_communities_outside_a_forum_protests_and_keeps_their_name():
    got = drafted("Forum\n\nSANTIAGO, June 7 (Wire) - Outside the forum, about 40 protesters "
                  "from Atacama Desert communities rallied against the lithium pact on Monday."
                  "\n")
    names = [a["name"] for a in got["actors"]]
    assert "Protesters from Atacama Desert communities" in names, names
    assert [e["plover_type"] for e in got["events"]] == ["PROTEST"], got["events"]
