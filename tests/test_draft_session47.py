"""Issue 21, session 47: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031 ("on Monday" is June 2, "on Thursday" June 5)."""

from __future__ import annotations

from tests.lead import codes as _codes
from tests.lead import dated, drafted


def _actor_names(d: dict, ids: list[str]) -> list[str]:
    names = {a["id"]: a["name"] for a in d["actors"]}
    return [names[i] for i in ids]


def test_a_quoted_verb_keeps_its_subject():
    got = _codes("A spokesman for the UN said on Thursday that the Secretary-General "
                 "“deeply regrets” the decision.")
    assert ("ACCUSE", "111") in got, got


def test_regretting_what_the_other_side_did_is_disapproval():
    for act in ("expulsion", "recall of its ambassador", "suspension"):
        got = _codes(f"The Senegalese foreign ministry said it regretted the {act}.")
        assert any(t == "ACCUSE" for t, _c in got), (act, got)


def test_ordering_a_consulate_closed_cuts_relations():
    got = _codes("Mali has ordered Niger to close its consulate-general in the city of Gao.")
    assert ("SANCTION", "161") in got and ("REQUEST", "100") not in got, got


def test_revoked_authorisations_and_tighter_checks_restrict():
    assert ("COERCE", "172") in _codes("Ghana's interior ministry revoked the "
                                       "authorisations on Monday.")
    assert ("COERCE", "172") in _codes("Togo tightened checks on Ghanaian lorries at the "
                                       "border on Monday.")


def test_a_complaint_to_a_body_on_a_condition_is_a_threat_dated_by_the_saying():
    got = dated("Moldova would raise the matter at the OSCE if the stations were not reopened "
                "by Friday, Foreign Minister Ana Rusu said on Thursday.")
    assert ("THREATEN", "2031-06-05") in got, got
    got = _codes("If the border is not reopened by Monday, Niger would take the matter to "
                 "the African Union, the minister said.")
    assert ("THREATEN", "130") in got, got


def test_a_deadline_in_the_condition_does_not_date_the_threat():
    got = dated("If the fishermen are not freed by Monday, Ghana will take the matter to the "
                "African Union, the minister said.")
    assert ("THREATEN", "2031-06-02") not in got, got


def test_a_quote_s_speaker_named_with_an_aside_and_she_going_on_that_day():
    d = drafted("Row over resolution\n\nTBILISI, June 7 (Wire) - Officials met on Friday. "
                "\"Parliament will not withdraw a single word,\" Nino Abashidze, the opposition "
                "deputy who drafted the text, said on Thursday. She accused Azerbaijan of "
                "meddling and urged it to open its archives from 1920 to historians.\n")
    accuse = [e for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and _actor_names(d, accuse[0]["participants"]["actor"]) == ["Nino Abashidze"]
    assert accuse[0].get("date") == "2031-06-05", accuse[0]
    urge = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert urge and urge[0].get("date") == "2031-06-05", urge


def test_a_family_is_a_group_that_acts():
    d = drafted("Custody death\n\nCITY, June 7 (Wire) - Officials met on Friday. The family "
                "has accused officers of beating him.\n")
    accuse = [e for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and _actor_names(d, accuse[0]["participants"]["actor"]) == ["Family"]


def test_money_announced_as_aid_is_a_pledge():
    got = _codes("Canada announced C$5 million in emergency assistance for Grenada on Monday.")
    assert ("AGREE", "033") in got, got


def test_years_later_counts_from_the_year_told_before():
    got = dated("His first posting was to Lome in 1993. Two years later the Togolese "
                "government expelled him.")
    assert ("SANCTION", 1995) in got, got
    # ... but not from the day of the story: "the following year" after no year is no date
    got = dated("Kenya breached the order by allowing surveys there the following year.")
    assert all(d not in ("2031-06-07", "2031-06-08") for _t, d in got), got


def test_calling_a_decision_groundless_criticises_it_calling_claims_so_rejects_them():
    assert ("ACCUSE", "111") in _codes("Rintala called the decision \"entirely groundless\".")
    assert ("REJECT", "120") in _codes("Togo's foreign ministry called the claims "
                                       "\"groundless\".")


def test_a_demand_after_a_summons_before_lunch_is_the_ministry_s():
    d = drafted("Row\n\nCITY, June 7 (Wire) - Officials met on Friday. The Turkish foreign "
                "ministry called in Bulgaria's ambassador, Ivaylo Stanchev, before lunch and "
                "demanded what it called a transparent investigation.\n")
    demand = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert demand and _actor_names(d, demand[0]["participants"]["actor"]) == [
        "Foreign Ministry of Türkiye"], demand


def test_a_promise_to_cooperate_fully_is_an_intent():
    assert ("AGREE", "0313") in _codes("Moldova's foreign ministry said on Thursday that "
                                       "Chisinau would cooperate fully with Danish "
                                       "investigators.")


def test_a_dead_cyclist_s_family_acts_and_a_car_crash_is_no_attack():
    d = drafted("Crash\n\nVIENNA, June 7 (Wire) - Officials met on Friday. Austria asked "
                "Ghana on Thursday to waive the immunity of an embassy official whose car "
                "struck and killed a cyclist. The cyclist's family accused the embassy of "
                "lying.\n")
    assert not [e for e in d["events"] if e["plover_type"] == "ASSAULT"], d["events"]
    accuse = [e for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and _actor_names(d, accuse[0]["participants"]["actor"]) == [
        "Cyclist's family"]


def test_a_minister_touring_the_affected_area_makes_no_visit():
    assert all(t != "CONSULT" for t, _c in _codes(
        "Spain's interior minister visited the affected area on Thursday."))


def test_troops_confined_to_base_are_restricted():
    assert ("COERCE", "172") in _codes("The UN mission said on Thursday it had confined the "
                                       "Ghanaian battalion to its base.")


def test_a_pledge_to_punish_the_guilty_is_no_criticism():
    assert _codes("Ghana's defence ministry said any soldier found guilty would be "
                  "punished.") == []


def test_the_one_prompted_does_the_act_and_a_ministry_s_own_state_is_no_recipient():
    d = drafted("Asylum\n\nTASHKENT, June 7 (Wire) - Officials met on Friday. Uzbekistan has "
                "granted asylum to a Turkmen officer, the ministry said on Thursday, prompting "
                "Ashgabat to recall its ambassador. Turkmenistan's foreign ministry called the "
                "decision \"an unfriendly act\".\n")
    recall = [e for e in d["events"] if e["plover_type"] == "SANCTION"]
    assert recall and recall[0]["participants"]["actor"] == ["turkmenistan"], recall
    accuse = [e for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and "turkmenistan" not in accuse[0]["participants"].get("recipient", []), \
        accuse


def test_two_accounts_offered_are_no_offer():
    assert all(t != "AGREE" for t, _c in _codes(
        "Romania and Ukraine have offered two accounts that cannot both be true."))


def test_a_day_and_its_year_said_after_it_are_a_deadline():
    got = dated("Djibouti asked the Italian troops on Thursday to leave by June 30 next year.")
    assert ("REQUEST", "2031-06-05") in got, got


def test_they_after_survivors_who_speak_are_the_survivors():
    d = drafted("Boat\n\nVALLETTA, June 7 (Wire) - Malta and Tunisia blamed each other on "
                "Friday. Survivors told UN staff that they had called for help for hours.\n")
    appeal = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert appeal and _actor_names(d, appeal[0]["participants"]["actor"]) == ["Survivors"]


def test_a_bloc_that_calls_a_summit_convenes_it():
    d = drafted("Summit\n\nLIBREVILLE, June 7 (Wire) - Officials met on Friday. The Economic "
                "Community of Central African States (ECCAS) called an emergency summit in "
                "Libreville for Monday.\n")
    summit = [e for e in d["events"] if e["plover_type"] == "CONSULT"
              and "summit" in str(e["evidence"])]
    assert summit and summit[0]["participants"]["actor"] == ["eccas"], summit
    # ... but what someone calls "secret meetings" is no meeting called
    assert all(t != "CONSULT" for t, _c in _codes(
        "Gabon expelled the observers for what it calls \"secret meetings\" with the "
        "opposition."))


def test_a_memorandum_of_understanding_signed_on_a_day_is_dated():
    assert ("SUPPORT", "2031-06-02") in dated("Benin signed a memorandum of understanding with "
                                              "Niger on Monday.")


def test_food_delivered_is_aid():
    assert ("AID", "073") in _codes("The World Food Programme delivered food to 30,000 "
                                    "refugees in Chad on Monday.")


def test_idioms_of_shooting_handing_over_closing_a_consulate_and_saying_no():
    assert ("ASSAULT", "190") in _codes("Belarusian border guards fired shots at a Lithuanian "
                                        "patrol on Monday.")
    assert ("RETREAT", "0841") in _codes("Belarus on Monday handed the detained Lithuanian "
                                         "journalist over to Lithuanian officials.")
    assert ("SANCTION", "161") in _codes("Lithuania on Monday ordered the closure of the "
                                         "Belarusian consulate in Klaipeda.")
    assert ("REJECT", "120") in _codes("Minsk on Monday said no to the proposal.")


def test_a_quote_s_day_may_follow_a_long_attribution():
    got = dated("\"We ask our neighbours to respect the court's decision,\" Peru's foreign "
                "minister, Ana Ruiz, told reporters on Monday.")
    assert ("REQUEST", "2031-06-02") in got, got


def test_a_demand_read_from_must_is_dated_by_the_saying():
    got = dated("Peru's foreign minister, Ana Ruiz, said on Monday that Bolivia must withdraw "
                "its troops.")
    assert ("REQUEST", "2031-06-02") in got, got


def test_a_promise_to_respond_with_force_on_a_condition_is_a_threat():
    assert any(t == "THREATEN" for t, _c in _codes(
        "\"If they cross again, we will respond with force,\" Peru's defence minister, Jorge "
        "Paz, said on Monday."))


def test_a_crowd_after_after_does_its_own_act():
    d = drafted("Abuse\n\nJUBA, June 7 (Wire) - Officials met on Friday. South Sudan on Monday "
                "demanded the withdrawal of a Ghanaian battalion from Bentiu after local "
                "leaders accused its soldiers of beating displaced people.\n")
    accuse = [e for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert accuse and _actor_names(d, accuse[0]["participants"]["actor"]) == ["Local leaders"]
    # ... but "after soldiers seized power" stays a state's act, as before
    got = _codes("ECOWAS suspended Gambia on Saturday, five days after soldiers seized power.")
    assert all(t != "PROTEST" for t, _c in got), got


def test_days_after_a_day_told_inside_the_phrase_count_from_it():
    got = dated("Two days after the arrests on Monday, Kenya recalled its ambassador from "
                "Kampala.")
    assert ("SANCTION", "2031-06-04") in got, got


def test_a_speaker_s_aside_of_where_and_when_dates_the_saying():
    got = dated("Kenya's foreign minister, who was speaking in Mombasa on Wednesday, accused "
                "Uganda of harassing traders.")
    assert ("ACCUSE", "2031-06-04") in got, got


def test_troops_leaving_a_base_withdraw_and_firefighting_planes_sent_are_aid():
    assert ("RETREAT", "0874") in _codes("The last 120 Italian soldiers left the base on "
                                         "Monday, ending a 20-year presence.")
    assert ("AID", "073") in _codes("Spain on Monday sent two firefighting planes to "
                                    "Portugal.")


def test_a_chronology_s_abbreviated_month_label_dates_its_paragraph():
    d = drafted("Chronology: the seized ship\n\nTbilisi and Baku have been at odds since "
                "Georgian authorities detained an Azerbaijani cargo ship in the port of Poti, "
                "and here is how the dispute developed over six weeks.\n\n"
                "Sept. 6: Azerbaijan's foreign ministry summons Georgia's charge d'affaires and "
                "demands the ship's release.\n\n"
                "Sept. 11: A Poti court orders the ship held for 30 days. Georgia's prime "
                "minister says the case is \"a matter for the courts\".\n")
    said = [e for e in d["events"] if "matter for the courts" in str(e["evidence"])]
    assert said and said[0].get("date") == "2030-09-11", said


def test_a_verb_in_quotes_keeps_its_phrase_and_a_sign_carried_is_no_signing():
    assert ("ACCUSE", "111") in _codes("Kremlin spokesman Dmitry Lavrentiev said on Thursday "
                                       "that Russia \"regrets\" the decision.")
    assert all(c != "057" for _t, c in _codes(
        "Several dozen people gathered outside the Russian embassy on Thursday, some carrying "
        "signs."))
