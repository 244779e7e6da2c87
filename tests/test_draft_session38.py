"""Issue 21, session 38: a crowd after a place ("In Zabol, ..."), relatives of the held
men, "he" after one unnamed official, a joint body's meeting, a communique that is
released, an extradition requested in writing, and the sentence model's second act —
each checked on fictional sentences (real state names, invented people, places and
bodies). The story of tests/lead.py is published on Saturday, June 7, 2031."""

from __future__ import annotations

from briefing.draft import learned
from tests.lead import acts, after_lead, dated, drafted, of_type


def test_a_crowd_after_the_place_it_gathered_in_rallies():
    got = dated("In Korvanabad, several hundred farmers rallied outside the governor's "
                "office on Thursday.")
    assert got == [("PROTEST", "2031-06-05")], got
    assert acts("In Korvanabad, several hundred farmers rallied outside the governor's "
                 "office.") == [("PROTEST", ["farmers"])]


def test_relatives_of_the_held_men_are_the_crowd_even_after_who():
    got = acts("Relatives of the jailed sailors, who have held a vigil outside the Chilean "
                "embassy since Tuesday, handed over a letter.")
    assert ("PROTEST", ["relatives-of-the-jailed-sailors"]) in got, got
    assert acts("On Thursday, families of the missing fishermen marched to the Peruvian "
                 "consulate.") == [("PROTEST", ["families-of-the-missing-fishermen"])]


def test_he_after_one_unnamed_official_speaks_for_the_official_s_state():
    accused = of_type("Border row\n\nSALALAH, June 7 (Wire) - Yemen closed the crossing on "
                      "Friday. A senior Omani official, speaking on condition of anonymity, said "
                      "no lorry had been turned back. He accused Yemeni customs officers of "
                      "inventing the figures.\n", "ACCUSE")
    assert [e["participants"]["actor"] for e in accused] == [["oman"]], accused
    # A named person in between is who "he" is: the official's state is not guessed then.
    accused = of_type("Border row\n\nSALALAH, June 7 (Wire) - A senior Omani official said "
                      "no lorry had been turned back. Yemen's minister, Faris Haddad, "
                      "disagreed. He accused Omani customs officers of inventing the "
                      "figures.\n", "ACCUSE")
    assert [e["participants"]["actor"] for e in accused] == [["faris-haddad"]], accused


def test_a_joint_body_that_opens_a_sentence_is_the_story_s_two_states():
    got = acts("Botswana and Zambia signed the accord on Friday. A joint inspection "
                "commission will hold its first meeting in September.")
    assert ("CONSULT", ["botswana", "zambia"]) in got, got


def test_a_communique_that_is_released_frees_no_one():
    got = [t for t, _ in acts("The communique was released just after nine o'clock.")]
    assert "RETREAT" not in got, got
    assert "RETREAT" in [t for t, _ in acts("Ghana released the two Togolese fishermen.")]


def test_an_extradition_request_filed_is_a_demand():
    got = [(e["cameo_code"], e["participants"]["actor"]) for e in after_lead(
        "Argentina filed a formal request for his extradition on Thursday.")]
    assert got == [("100", ["argentina"])], got


def test_the_model_s_second_act_needs_its_own_threshold(monkeypatch):
    # A sentence no rule reads, whose model reads two types: the second is drafted only
    # when it reaches ALSO.
    sentence = "Chile and Peru spent the afternoon with Bolivia's delegation."
    assert after_lead(sentence) == [] or all(
        e["id"].endswith("-suggested") for e in after_lead(sentence))
    monkeypatch.setattr(learned, "sentence_types",
                        lambda words: [("CONSULT", 0.9), ("AGREE", 0.55), ("AID", 0.5)])
    got = [(e["plover_type"], e["participants"]["actor"]) for e in after_lead(sentence)]
    assert got == [("CONSULT", ["chile"]), ("AGREE", ["chile"])], got
    monkeypatch.setattr(learned, "ALSO", 0.6)
    got = [e["plover_type"] for e in after_lead(sentence)]
    assert got == ["CONSULT"], got


def test_sending_someone_back_or_a_free_trade_pact_backs_and_frees_no_one():
    types = [t for t, _ in acts("Britain would not send the dissident back, she said.")]
    assert "SUPPORT" not in types, types
    for sentence in ("Norway and Iceland signed a free trade agreement in 2026.",
                     "Hanoi has repeatedly called for their release."):
        types = [t for t, _ in acts(sentence)]
        assert types and "RETREAT" not in types, (sentence, types)


def test_only_envoys_sent_abroad_are_a_visit():
    types = [t for t, _ in acts("Ghana and Senegal will send envoys to Bissau next week.")]
    assert "CONSULT" in types, types
    types = [t for t, _ in acts("Bulgaria would send two minesweepers to a Romanian-led "
                                 "patrol in the Black Sea.")]
    assert "CONSULT" not in types, types


def test_raising_a_matter_at_a_forum_is_a_complaint():
    got = [(e["cameo_code"], e["participants"]["actor"]) for e in after_lead(
        "Chile will raise the matter at the next meeting of the OAS council.")]
    assert ("114", ["chile"]) in got, got


def test_a_warning_that_gives_an_appeal_its_reason_is_no_threat():
    got = acts("The WFP appealed to Chad on Monday to let the trucks through, warning that "
                "food stocks would run out.")
    assert [t for t, _ in got] == ["REQUEST"], got
    got = acts("Chile warned that it would close the border if the raids went on.")
    assert "THREATEN" in [t for t, _ in got], got


def test_declining_to_be_named_refuses_nothing_and_a_visit_allowed_is_access():
    got = acts("A Chilean official, who declined to be named, said the talks would resume.")
    assert "REJECT" not in [t for t, _ in got], got
    got = [(e["cameo_code"], e["participants"]["actor"]) for e in after_lead(
        "Sri Lanka allowed India's deputy high commissioner in Jaffna to visit the injured "
        "fisherman.")]
    assert got and got[0][0] == "086" and got[0][1] == ["sri-lanka"], got


def test_pushing_back_is_a_rejection_and_the_full_commission_is_the_pair_s():
    assert dated("Monrovia pushed back on Thursday.") == [("REJECT", "2031-06-05")]
    got = acts("Liberia and Guinea traded accusations on Monday. The full commission is due "
                "to meet in Conakry in September.")
    assert ("CONSULT", ["guinea", "liberia"]) in got or \
        ("CONSULT", ["liberia", "guinea"]) in got, got


def test_a_body_that_is_to_meet_again_meets_anew():
    d = drafted("Water row\n\nKABUL, June 7 (Wire) - A technical committee of Iran and "
                "Afghanistan met in Zaranj on June 2. Kabul has proposed that the committee "
                "meet again in Herat next Tuesday.\n")
    meetings = [e for e in d["events"] if e["plover_type"] == "CONSULT"]
    assert len(meetings) == 2, meetings   # (not the June 2 meeting, told again)
    assert meetings[0]["date"] == "2031-06-02", meetings[0]


def test_a_weekday_in_its_own_conjunct_beats_a_month_in_the_one_before():
    got = dated("Bosnia sent Zagreb a protest note in May, and on Monday the foreign "
                "minister, Amra Sofic, accused Croatia of lying.")
    assert ("ACCUSE", "2031-06-02") in got, got


def test_fighting_between_two_forces_is_fought_by_both():
    got = acts("Fighting between Myanmar's army and the Eastern Shan Liberation Army broke "
                "out near the border on Monday.")
    assert got == [("ASSAULT", ["army-of-myanmar", "eastern-shan-liberation-army"])], got


def test_a_crowd_after_a_live_blog_time_and_outside_marches():
    d = drafted("Summit live\n\nASUNCION, June 7 (Wire) - Leaders met on Friday.\n\n12:30 — "
                "Outside, several hundred members of the dockers' union are marching along "
                "the waterfront.\n")
    marched = [e["participants"]["actor"] for e in d["events"] if e["plover_type"] == "PROTEST"]
    assert marched == [["members-of-the-dockers-union"]], marched


def test_they_after_a_body_named_in_the_plural_is_that_body():
    got = acts("Moldovan prosecutors accuse him of fraud. They asked Interpol to circulate "
                "a red notice for him.")
    assert ("REQUEST", ["prosecutors-of-moldova"]) in got, got
    got = acts("The United Nations said the talks would resume. They asked Interpol for help.")
    assert ("REQUEST", ["un"]) not in got, got


def test_boats_kept_after_a_release_and_a_rally_called_and_confidence_expressed():
    got = [(e["cameo_code"], e["participants"]["actor"]) for e in after_lead(
        "Bahrain freed the fishermen on Monday but kept the boats.")]
    assert ("1243", ["bahrain"]) in got, got
    # (The rally is called for the Monday to come: planned, dated then.)
    assert dated("Bolivia's governing party called a rally in the capital for Monday.") == \
        [("PROTEST", "2031-06-09")]
    assert acts("Barbados said it had full confidence in the mission.") == \
        [("SUPPORT", ["barbados"])]


def test_a_diplomat_told_to_leave_is_expelled_by_someone_else():
    got = [(e["plover_type"], e["participants"]) for e in after_lead(
        "Serbia told Montenegro's first secretary to leave within two days.")]
    assert got == [("SANCTION", {"actor": ["serbia"], "recipient": ["montenegro"]})], got


def test_they_in_the_sentence_that_named_the_pair_is_the_pair():
    got = acts("President Tran Minh Khoa and Philippine President Ramon Villacorta held a "
                "virtual summit on Thursday, during which they agreed to raise trade.")
    assert ("AGREE", ["tran-minh-khoa", "ramon-villacorta"]) in got, got
    # (One name before "they" is no pair: "they" stays for the analyst.)
    got = acts("President Tran Minh Khoa held talks on Thursday, during which they agreed "
                "to raise trade.")
    assert ("AGREE", ["tran-minh-khoa"]) not in got, got


def test_the_regional_bloc_is_the_bloc_named_before():
    got = acts("Lerato Mokoena, executive secretary of the Southern African Development "
                "Community, said the regional bloc stood ready to mediate.")
    assert ("AGREE", ["sadc"]) in got, got


def test_the_mission_is_the_mission_named_before_and_wanting_back_is_asking():
    got = acts("The Commonwealth Observer Mission said the count was flawed. The mission "
                "called for a recount of those seats.")
    assert ("REQUEST", ["commonwealth-observer-mission"]) in got, got
    got = acts("Chile seized the boat. \"We want that equipment back,\" Peru's foreign "
                "minister, Ana Rojas, said.")
    assert ("REQUEST", ["peru"]) in got, got


def test_we_in_an_interview_s_answers_is_the_interviewee_s_state():
    d = drafted("'Talks will go on': Chile's deputy foreign minister Ana Rojas on Peru\n\n"
                "Chile's deputy foreign minister, Ana Rojas, spoke to the Courier on "
                "Thursday.\n\nQ: What about the fishermen?\n\nA: Peru detained them on "
                "Monday. We have asked for their release. We do not accept the charges.\n")
    mine = [(e["plover_type"], e["participants"]["actor"]) for e in d["events"]
            if e["plover_type"] in ("REQUEST", "REJECT")]
    assert mine == [("REQUEST", ["chile"]), ("REJECT", ["chile"])], mine
    # (A question's "we" is the interviewer's: no act of the interviewee's state.)
    d = drafted("Rojas on Peru\n\nChile's deputy foreign minister, Ana Rojas, spoke to us."
                "\n\nQ: We have asked Peru for the data. Why?\n\nA: It is technical.\n")
    assert [e for e in d["events"] if e["participants"]["actor"] == ["chile"]] == []


def test_a_person_who_led_a_state_s_delegation_is_that_state_s():
    d = drafted("Talks\n\nDeputy Foreign Minister Keo Ratanak, who led Cambodia's delegation "
                "to the joint commission, spoke to the Ledger on Thursday.\n")
    keo = next(a for a in d["actors"] if a["name"] == "Keo Ratanak")
    assert keo.get("parent") == "cambodia", keo
