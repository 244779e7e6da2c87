"""Issue 21, session 46: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

from tests.lead import after_lead, dated, drafted


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e["plover_type"], e["cameo_code"]) for e in after_lead(text)]


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
