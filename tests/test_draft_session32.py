"""Issue 21, session 32: the days and doers of acts, each checked on fictional stories
(real state names, invented people)."""

from __future__ import annotations

from tests.lead import drafted


def _dates(body: str) -> list[tuple[str, str, str | None]]:
    return [(e["plover_type"], e["evidence"][0][:24], e.get("date"))
            for e in drafted(body)["events"]]


def test_a_one_day_story_dates_its_undated_past_acts_with_the_lead_s_day():
    got = _dates("Talks set after clash\n\nLUSAKA, June 7 (Wire) - Zambia and Malawi agreed "
                 "on Saturday to hold border talks next week, the regional bloc said. Zambia's "
                 "foreign ministry denied any role in the shelling. Malawi has long accused "
                 "Zambia of arming rebels.\n")
    assert ("REJECT", "Zambia's foreign ministr", "2031-06-07") in got, got
    # the perfect is background that holds now: no day of its own
    assert [d for t, _q, d in got if t == "ACCUSE"] == [None], got


def test_the_lead_s_day_is_not_carried_when_the_lead_tells_of_another_day_or_after_background():
    # a lead dated the day before publication: the story may go on with today
    got = _dates("Talks set\n\nLUSAKA, June 7 (Wire) - Zambia and Malawi agreed on Friday to "
                 "hold border talks. Zambia's foreign ministry denied any role in the "
                 "shelling.\n")
    assert ("REJECT", "Zambia's foreign ministr", None) in got, got
    # once the story turns to its background, an undated act is not the lead's day
    got = _dates("Talks set\n\nLUSAKA, June 7 (Wire) - Zambia and Malawi agreed on Saturday "
                 "to hold border talks. The two signed a border treaty in March 2029. Malawi "
                 "denied any role in the raids.\n")
    assert ("REJECT", "Malawi denied any role i", None) in got, got


def _after_lead(sentence: str) -> list[tuple[str, str, list[str]]]:
    from tests.lead import after_lead

    return [(e["plover_type"], e["cameo_code"], e["participants"]["actor"])
            for e in after_lead(sentence)]


def test_a_call_made_to_offer_condolences_is_a_phone_call_and_the_condolences_no_pledge():
    got = _after_lead("Peru's President Ana Ruiz called Chilean President Tomas Vidal this "
                      "morning to offer condolences.")
    assert got == [("CONSULT", "041", ["ana-ruiz", "tomas-vidal"])], got
    # "called on" stays an appeal
    assert _after_lead("Peru called on Chile to discuss the border.")[0][:2] == ("REQUEST", "020")


def test_calling_charges_a_fabrication_rejects_them():
    assert _after_lead("Venezuela calls the espionage charges a fabrication.")[0][:2] == (
        "REJECT", "120")


_FILED = ("Row over detentions\n\nKINGSTOWN, June 7 (Wire) - Officials of the two governments "
          "met on Friday at the foreign ministry to discuss the dispute over the fishing "
          "grounds. {}\n")


def test_police_or_a_magistrate_with_no_state_named_belong_to_the_state_the_story_is_from():
    d = drafted(_FILED.format("Police broke up a sit-in and detained 14 people. The Bequia "
                              "magistrate ordered the boat and its catch held until trial."))
    actors = {a["id"]: a for a in d["actors"]}
    got = [(e["plover_type"], e["cameo_code"], e["participants"]["actor"]) for e in d["events"]
           if "Officials" not in e["evidence"][0]]
    police = "police-of-saint-vincent-and-the-grenadines"
    court = "courts-of-saint-vincent-and-the-grenadines"
    assert got == [("COERCE", "173", [police]), ("COERCE", "173", [court])], got
    assert actors[police]["parent"] == "saint-vincent-and-the-grenadines"
    assert "no state named" in actors[police]["reason"]
    # a place of another state named with it: not the dateline's state
    d = drafted(_FILED.format("Police in Dakar detained 14 people."))
    assert d["events"][-1]["participants"]["actor"] in (["police-of-senegal"], ["senegal"])


def test_a_gap_in_a_phrase_does_not_run_past_a_second_verb():
    # "call ** to discuss" must not reach across "and said"
    got = _after_lead("Peru called the talks a failure and said it was ready to discuss the "
                      "border.")
    assert ("CONSULT", "041") not in [g[:2] for g in got], got


def test_welcoming_an_offer_to_host_talks_accepts_the_mediation():
    got = _after_lead("Zimbabwe's foreign ministry welcomed the Swiss offer to host talks.")
    assert got[0][:2] == ("AGREE", "038"), got
    # a welcome of another offer stays praise
    assert _after_lead("Somalia welcomed Qatar's offer of grain.")[0][:2] == ("SUPPORT", "051")


def test_meetings_told_by_taking_part_attending_touring_or_co_hosting():
    assert _after_lead("Qatar and Bahrain took part in a Gulf Cooperation Council ministerial "
                       "meeting in Riyadh.") == [("CONSULT", "040", ["qatar", "bahrain"])]
    assert _after_lead("Switzerland and the European Commission will co-host a pledging "
                       "conference for Albania in Geneva.")[0] == (
        "CONSULT", "043", ["switzerland", "european-commission"])
    got = _after_lead("Colombia's foreign minister Luis Ospina toured Quito, Lima and La Paz.")
    assert got[0][:2] == ("CONSULT", "042"), got


def test_a_plan_told_in_the_present_is_not_dated_the_publication_day():
    from tests.lead import after_lead

    (visit,) = after_lead("India's minister of state for external affairs is expected to "
                          "visit Kinshasa.")
    assert (visit["status"], visit.get("date")) == ("planned", None), visit


def test_he_after_an_unnamed_spokesman_speaks_for_the_spokesman_s_body():
    got = _after_lead("Malawi's army spokesman said two soldiers were wounded. He accused "
                      "Zambia of shelling the post.")
    assert ("ACCUSE", "112", ["army-of-malawi"]) in got, got
    # no spokesman: "he" is no one the text names
    got = _after_lead("Malawi's army said two soldiers were wounded. He accused Zambia of "
                      "shelling the post.")
    assert "ACCUSE" not in [g[0] for g in got], got


def test_refusing_to_discuss_staying_open_to_dialogue_and_sending_units():
    got = _after_lead("Tonga answered with a note of its own, saying it would not discuss a "
                      "case that was before its courts.")
    assert ("REJECT", "120", ["tonga"]) in got, got
    got = _after_lead("A New Zealand foreign ministry spokeswoman said Wellington remained "
                      "open to dialogue at any level.")
    assert ("AGREE", "036", ["new-zealand"]) in got, got
    got = _after_lead("Kenya's police sent two additional units to the border road.")
    assert got[0][:2] == ("MOBILIZE", "154"), got


def test_a_when_clause_takes_the_date_just_before_it_and_a_deadline_is_no_story_day():
    got = _dates("Truce frays\n\nLUSAKA, June 7 (Wire) - A truce Zambia and Malawi signed in "
                 "Lilongwe in September 2029 had held until last month, when Zambia accused "
                 "Malawi of massing troops.\n")
    assert ("ACCUSE", "Zambia accused Malawi of", "2031-05") in got, got
    got = _dates("Sanctions bite\n\nLUSAKA, June 7 (Wire) - Zambia on Friday froze the assets "
                 "of four Malawian officials. Banks have until Friday to report their accounts. "
                 "Shortly before midnight, Malawi suspended the licences of ten Zambian "
                 "hauliers.\n")
    assert [d for t, q, d in got if q.startswith("Malawi suspended")] == ["2031-06-06"], got


def test_reviewing_cooperation_or_aid_on_a_condition_threatens_and_welcoming_a_measure_praises():
    got = _after_lead("Angola warned it would review all bilateral cooperation agreements "
                      "unless Namibia guaranteed the safety of its diplomats.")
    assert ("THREATEN", "131", ["angola"]) in got, got
    got = _after_lead("New Zealand's foreign minister, Tom Ashworth, welcomed the suspension "
                      "and said Wellington would review its budget support for Vanuatu if the "
                      "delay stood.")
    assert [g[:2] for g in got] == [("SUPPORT", "051"), ("THREATEN", "1311")], got
    # a review with no threat in it
    assert _after_lead("The commission will review the agreement next year.") == []
    got = _after_lead("Barbados expressed full confidence in the CARICOM observer mission.")
    assert got[0][:2] == ("SUPPORT", "051"), got


def test_the_two_both_or_each_opening_a_sentence_are_the_pair_the_story_tells_of():
    lead = "Zambia and Malawi agreed on Thursday to hold talks. "
    pair = ["zambia", "malawi"]
    assert ("SUPPORT", "057", pair) in _after_lead(lead + "The two signed a border treaty in "
                                                          "March 2029."), lead
    assert ("ACCUSE", "112", pair) in _after_lead(lead + "Each accused the other of massing "
                                                         "troops.")
    assert ("ACCUSE", "112", pair) in _after_lead(lead + "Both accused Tanzania of massing "
                                                         "troops.")
    # "the two accused men": a participle as an adjective, no accusation
    assert "ACCUSE" not in [g[0] for g in _after_lead(lead + "The two accused men were "
                                                             "freed.")]


def test_a_capital_word_with_no_article_before_bare_police_is_no_town():
    for sentence in ("On Monday police detained 14 people.", "Riot police detained 14 people."):
        got = drafted(_FILED.format(sentence))["events"][-1]["participants"]["actor"]
        assert got == ["police-of-saint-vincent-and-the-grenadines"], (sentence, got)
