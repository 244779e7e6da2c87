"""Issue 21, session 45: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

from tests.lead import after_lead, dated, drafted


def test_a_quarrel_that_dates_from_a_month_dates_the_act_of_its_when_clause():
    got = dated("The quarrel dates from April, when Serbian police detained a priest.")
    assert ("COERCE", "2031-04") in got, got


def test_a_month_abbreviated_before_its_day_is_that_day_not_the_month():
    got = dated("Hungary will close its ports to Slovak barges from Feb. 1, the ministry said.")
    assert all(d != "2031-02" and d != "2032-02" for _t, d in got), got


def test_an_offer_made_in_a_past_year_is_dated_by_that_year():
    got = dated("Liberia offered the three fields to investors in 2029.")
    assert ("AGREE", 2029) in got, got   # (a year alone is a number, as in facts.yaml)


def test_a_meeting_proposed_for_a_month_still_dates_the_meeting_not_the_proposal():
    got = dated("Ghana proposed a meeting of foreign ministers in September.")
    assert got and all(d is None for _t, d in got), got


def test_war_graves_and_a_war_cemetery_are_no_attack():
    got = after_lead("Italy says the order breaches a war graves agreement, and the war "
                     "cemetery at Gorizia stays closed.")
    assert all(e["plover_type"] != "ASSAULT" for e in got), got


def test_a_verb_s_word_after_a_count_is_a_noun_but_the_two_still_act():
    got = after_lead("Liberia offered the three blocks to investors.")
    assert [e["plover_type"] for e in got] == ["AGREE"], got
    got = after_lead("Ghana and Togo held talks, and the two agreed to reopen the border.")
    assert "AGREE" in [e["plover_type"] for e in got], got


def test_fences_walls_cases_cancelled_passes_and_a_withdrawn_invitation():
    for sentence, code in (
            ("Poland is building a fence along the border.", "191"),
            ("Croatia erected a wall at the crossing.", "191"),
            ("Liberia brought the case in 2022.", "115"),
            ("Malaysia's Immigration Department cancelled the passes of 318 students.", "172"),
            ("Suriname withdrew its invitation to the OAS mission.", "125"),
            ("Kenya stripped two charities of their legal status.", "172")):
        got = after_lead(sentence)
        assert [e["cameo_code"] for e in got] == [code], (sentence, got)


def test_compensation_paid_a_close_look_and_a_deep_regret():
    for sentence, code in (
            ("Kuwait would pay 5,000 dinars in compensation to each family, its envoy said.",
             "0331"),
            ("The European Commission said it would look closely at the notification.",
             "090"),
            ("The ICC said it deeply regrets Malawi's failure to act.", "111")):
        got = after_lead(sentence)
        assert code in [e["cameo_code"] for e in got], (sentence, got)


def test_said_earlier_this_week_then_the_clause_and_both_governments_as_its_object():
    got = after_lead("Paraguay and Argentina clashed. Uruguay said earlier this week it was "
                     "in contact with both governments.")
    consult = [e for e in got if e["plover_type"] == "CONSULT"]
    assert consult and consult[0]["participants"]["actor"] == ["uruguay"], got
    assert sorted(consult[0]["participants"]["recipient"]) == ["argentina", "paraguay"], got


def test_officers_and_patrol_boats_sent_and_an_encouragement_to_act():
    got = after_lead("Argentina sent about 200 extra officers to Clorinda. Canada encouraged "
                     "the Secretary General to offer his good offices. Chile was encouraged "
                     "to see progress.")
    assert [(e["cameo_code"], e["participants"]["actor"]) for e in got] == [
        ("154", ["argentina"]), ("020", ["canada"])], got


def test_a_title_after_a_title_is_no_person():
    got = drafted("Row\n\nCITY, June 7 (Wire) - Canada encouraged the Secretary General to "
                  "offer his good offices.\n")["actors"]
    assert all(a["kind"] != "person" for a in got), got


def test_illegal_fishing_said_is_an_accusation_and_landing_rights_withdrawn_a_sanction():
    got = after_lead("Honduras says the Belizean vessels were fishing illegally in its waters.")
    assert [e["plover_type"] for e in got] == ["ACCUSE"], got
    got = after_lead("Kuwait withdrew the landing rights of Lebanese carriers.")
    assert [e["cameo_code"] for e in got] == ["172"], got


def test_a_spill_that_killed_fish_is_no_attack():
    got = after_lead("The chemical spill killed tonnes of fish downstream.")
    assert all(e["plover_type"] != "ASSAULT" for e in got), got


_PROFILE = ("New minister\n\nACCRA, May 20 (Wire) - When Abena Mensah-Ofori was sworn in as "
            "Ghana's foreign minister on May 6, she promised to mend ties with the neighbours."
            "\n\nOn her second day in office she telephoned her Togolese counterpart, Koffi "
            "Adjavon. A day later she received the ambassador of Burkina Faso.\n")


def test_a_person_sworn_in_as_a_minister_is_that_state_s_and_her_she_goes_on():
    got = drafted(_PROFILE)
    people = {a["name"]: a for a in got["actors"] if a["kind"] == "person"}
    assert people["Abena Mensah-Ofori"]["parent"] == "ghana", people
    received = [e for e in got["events"] if e["cameo_code"] == "043"]
    assert received and received[0]["participants"]["actor"] == ["abena-mensah-ofori"], got


def test_what_was_said_in_an_interview_published_on_a_day_is_dated_that_day():
    got = dated("Ghana's president accused Togo of stalling the talks and said Lome had "
                "moved troops last month, in an interview with a German daily published on "
                "Thursday.")
    assert ("ACCUSE", "2031-06-05") in got, got


def test_a_ruling_appealed_is_a_case_brought():
    got = after_lead("Kenya appealed the ruling, the interior minister said.")
    assert [e["cameo_code"] for e in got] == ["115"], got


def test_the_government_in_a_story_filed_from_a_capital_is_that_state_s():
    got = drafted("Camp row\n\nNAIROBI, June 7 (Wire) - Kenya ordered the camp closed on "
                  "Friday. UNHCR appealed to the government to extend the deadline.\n")
    appeal = [e for e in got["events"] if e["plover_type"] == "REQUEST"]
    assert appeal and appeal[0]["participants"].get("recipient") == ["kenya"], got["events"]


def test_the_one_who_accepted_an_invitation_to_visit_is_the_visitor():
    got = after_lead("Rabat said Benali had restated the kingdom's position and that Spain's "
                     "Prime Minister Elena Castro had accepted an invitation to visit Rabat.")
    visit = [e for e in got if e["cameo_code"] == "042"]
    assert visit and visit[0]["participants"]["actor"] == ["elena-castro"], got
