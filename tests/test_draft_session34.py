"""Issue 21, session 34: who acts and when, each checked on fictional stories (real state
names, invented people and bodies)."""

from __future__ import annotations

from tests.lead import after_lead, dated, drafted


def _acts(sentence: str) -> list[tuple[str, str, list[str]]]:
    return [(e["plover_type"], e["cameo_code"], e["participants"]["actor"])
            for e in after_lead(sentence)]


def test_the_formal_register_names_the_person_after_a_long_title_under_their_state():
    d = drafted("Visit ends\n\nVIENNA, 7 June 2031 (Agency) - President of the Republic of "
                "Austria Lena Hofbauer today received President of the Republic of Slovenia "
                "Marko Zupan. Minister of Foreign Affairs of Slovenia Tina Kovac also "
                "attended.\n")
    people = {a["name"]: a for a in d["actors"] if a["kind"] == "person"}
    assert {"Lena Hofbauer", "Marko Zupan", "Tina Kovac"} <= set(people), people
    assert people["Marko Zupan"].get("parent") == "slovenia", people["Marko Zupan"]
    assert "Foreign Affairs" in people["Tina Kovac"]["role"], people["Tina Kovac"]


def test_a_passive_names_every_agent_joined_by_and_even_after_a_long_title():
    got = _acts("The accord was signed by Austria and Slovenia.")
    assert ("SUPPORT", "057", ["austria", "slovenia"]) in got, got
    got = _acts("The protocol was signed by Minister of Foreign Affairs Lena Hofbauer and "
                "Minister of Foreign Affairs of Slovenia Marko Zupan.")
    assert any(t == "SUPPORT" and actors == ["lena-hofbauer", "marko-zupan"]
               for t, _c, actors in got), got


def test_years_joined_by_a_dash_name_a_period_not_the_day_of_the_signing():
    got = dated("Austria and Slovenia signed a programme of cultural cooperation for "
                "2031-2034.")
    assert [t for t, _d in got] == ["SUPPORT"], got
    assert got[0][1] != 2031, got
    got = dated("Austria and Slovenia signed a programme of cultural cooperation in 2029.")
    assert got == [("SUPPORT", 2029)], got


def test_due_process_does_not_look_ahead_and_the_seat_of_an_embassy_does_not_act():
    sentence = ("Ghana's embassy in Bamako handed the foreign ministry a note of protest on "
                "Thursday, calling the arrests \"arbitrary and contrary to due process\".")
    got = _acts(sentence)
    assert ("ACCUSE", "114", ["embassy-of-ghana"]) in got, got
    got = [(e["plover_type"], e.get("date"), e["status"]) for e in after_lead(sentence)]
    assert got and all(d == "2031-06-05" and st == "occurred" for _t, d, st in got), got


def test_a_session_pencilled_in_for_a_month_lies_ahead():
    d = drafted("Row deepens\n\nVIENNA, June 7 (Wire) - Austria expelled a Slovenian diplomat "
                "on Thursday. A session of the Austrian-Slovenian joint economic commission, "
                "which the two governments agreed in March to revive, had been pencilled in for "
                "Ljubljana in February.\n")
    dates = [e.get("date") for e in d["events"] if "session" in str(e["evidence"][0])]
    assert dates == ["2032-02"], dates


def test_a_joint_exercise_is_cooperation_and_one_states_drills_a_show_of_force():
    got = _acts("Chile and Peru will stage their largest combined naval exercise from June 21.")
    assert ("COOPERATE", "062", ["chile", "peru"]) in got, got
    got = _acts("Chile will hold naval drills off Arica from June 21.")
    assert [t for t, _c, _a in got] == ["MOBILIZE"], got


def test_an_act_at_a_years_meeting_takes_that_year():
    got = dated("Chile blocked a similar moratorium at the forum's 2029 meeting in Lima.")
    assert ("REJECT", 2029) in got, got


def test_a_body_that_holds_a_session_meets():
    got = _acts("The Andean Fisheries Commission will hold an emergency session by video link "
                "on Monday.")
    assert [t for t, _c, _a in got] == ["CONSULT"], got


def test_said_in_a_statement_that_a_text_was_not_binding_is_a_refusal():
    got = dated("Chile said in a statement on Thursday that the communique was \"not binding "
                "on any sovereign state\".")
    assert got == [("REJECT", "2031-06-05")], got


def test_a_name_between_commas_after_what_the_person_is_is_a_person_even_if_it_is_a_capital():
    d = drafted("Vote row\n\nCITY, June 7 (Radio) - The head of the mission, Joseph Obiang, "
                "calls the order unjustified. The opposition candidate, Marta Lima, says her "
                "tally differs. She is demanding a recount.\n")
    people = {a["name"] for a in d["actors"] if a["kind"] == "person"}
    assert {"Joseph Obiang", "Marta Lima"} <= people, people
    assert "peru" not in {a["id"] for a in d["actors"]}, d["actors"]
    acts = [(e["plover_type"], e["participants"]["actor"]) for e in d["events"]]
    assert ("ACCUSE", ["joseph-obiang"]) in acts and ("REQUEST", ["marta-lima"]) in acts, acts


def test_it_is_the_body_that_speaks_not_the_city_its_statement_came_from():
    got = _acts("ECOWAS has responded within hours. In a statement from Abuja, the bloc's "
                "commission says it deeply regrets the decision. It calls on Mali to let the "
                "observers complete their work.")
    assert ("ACCUSE", "111", ["ecowas"]) in got, got
    assert ("REQUEST", "020", ["ecowas"]) in got, got
    assert all("nigeria" not in actors for _t, _c, actors in got), got


def test_declaring_an_envoy_persona_non_grata_is_an_act_dated_by_its_own_words():
    got = [(t, d, e["participants"]["actor"]) for e in after_lead(
        "The Federal Department of Foreign Affairs declared Pavel Sokol, a second secretary "
        "at Belarus's embassy in Bern, persona non grata on Thursday and gave him until "
        "midnight to leave the country.") for t, d in [(e["plover_type"], e.get("date"))]]
    assert ("SANCTION", "2031-06-05", ["federal-department-of-foreign-affairs"]) in got, got
    assert all(actors == ["federal-department-of-foreign-affairs"] for _t, _d, actors in got), got


def test_a_body_named_with_what_it_is_of_keeps_a_table_body_inside_it_apart():
    d = drafted("Row\n\nCITY, June 7 (Wire) - The Permanent Council of the Organization of "
                "American States on Wednesday adopted a resolution. The Ministry of Foreign "
                "Affairs summoned Peru's envoy.\n")
    ids = {a["id"] for a in d["actors"]}
    assert {"permanent-council", "ministry-of-foreign-affairs"} <= ids, ids
    assert "foreign-affairs" not in ids, ids


def test_a_year_a_thing_is_for_does_not_date_the_act_but_a_year_a_plan_is_set_for_does():
    got = dated("On Tuesday Chile and Peru signed a fisheries plan for 2033.")
    assert got and all(d == "2031-06-03" for _t, d in got), got
    from briefing.draft.dates import find_dates
    text = "talks were set for 2033"
    assert find_dates(text, 0, len(text)) == [(19, 23, "2033")]


def test_calling_a_decision_a_direct_attack_on_something_is_criticism_not_an_attack():
    got = _acts("Chile's minister responded on Tuesday by calling the decision \"a direct attack "
                "on a shared stock\".")
    assert [t for t, _c, _a in got] == ["ACCUSE"], got


def test_it_after_an_opening_date_is_the_body_of_the_sentence_before():
    got = dated("Beijing rejects the charge. On June 3 it suspended the daily transfer of flow "
                "data from two border stations.")
    assert ("SANCTION", "2031-06-03") in got, got


def test_a_head_of_a_body_named_in_apposition_is_a_person():
    d = drafted("Talks offer\n\nALMATY, June 7 (Wire) - Rustam Nazarov, head of the Central "
                "Asian Water Forum, said on Wednesday his office was ready to host talks.\n")
    assert "Rustam Nazarov" in {a["name"] for a in d["actors"] if a["kind"] == "person"}


def test_held_since_the_seizure_takes_the_day_of_the_seizure_told_before():
    got = dated("Chile's navy seized the Peruvian trawler Rosa off Arica on June 2. The crew "
                "have been detained since the seizure at a naval base.")
    assert got.count(("COERCE", "2031-06-02")) == 2, got


def test_a_call_for_some_minutes_with_a_counterpart_has_that_counterpart():
    got = _acts("Chile's Foreign Minister Ana Ruiz spoke by phone for forty minutes with her "
                "Peruvian counterpart, Luis Soto.")
    assert ("CONSULT", "041", ["ana-ruiz", "luis-soto"]) in got, got


def test_a_saints_island_names_no_state():
    d = drafted("Crew held\n\nDHAKA, June 7 (Wire) - Myanmar's navy seized a Bangladeshi "
                "coaster off St Martin's Island on June 2 with 14 crew on board.\n")
    assert "saint-martin" not in {a["id"] for a in d["actors"]}, d["actors"]


def test_hitting_back_is_no_support_and_la_paz_is_bolivias_seat():
    got = _acts("Brazil ordered Bolivia's ambassador to leave within 72 hours on Friday, hitting "
                "back hours after La Paz expelled the Brazilian envoy.")
    assert [t for t, _c, _a in got] == ["SANCTION", "SANCTION"], got
    assert ("SANCTION", "166", ["bolivia"]) in got, got


def test_a_city_based_court_is_the_court_named_before_and_inter_american_is_no_state():
    d = drafted("Court row\n\nLA PAZ, June 7 (Wire) - Bolivia said the Inter-American Court of "
                "Human Rights had no jurisdiction. The San José-based court had ordered Bolivia "
                "to let him leave the country.\n")
    ids = {a["id"] for a in d["actors"]}
    assert "inter-american-court-of-human-rights" in ids, ids
    assert not ids & {"costa-rica", "united-states", "courts-of-united-states"}, ids


def test_a_date_well_after_the_speech_verb_does_not_date_the_saying():
    from briefing.draft.dates import find_dates
    from briefing.draft.saying_day import told_with_verb
    text = ("Ruiz said Chile would not hand over Marcelo Vera, the candidate who has been "
            "inside the embassy since Saturday, and that his asylum was irrevocable.")
    assert told_with_verb(text, find_dates(text, 0, len(text)), 0) == []
    text = "Ruiz told reporters in Lima on Friday that Chile would not hand him over."
    assert [p for _a, _b, p in told_with_verb(text, find_dates(text, 0, len(text)), 0)] == [
        "on Friday"]


def test_a_date_in_a_clause_of_its_own_after_the_verb_is_that_clauses():
    d = drafted("Returns halted\n\nGENEVA, June 7 (Wire) - The UN refugee agency UNHCR said on "
                "Friday it had suspended organised returns of refugees from Chad, after gunmen "
                "attacked a transit centre in Chad overnight on Monday, killing two returnees.\n")
    got = [(e["plover_type"], e.get("date")) for e in d["events"]]
    assert ("ASSAULT", "2031-06-02") in got and ("SANCTION", "2031-06-02") not in got, got
    got = dated("Chile recalled its ambassador after the attack on Monday.")
    assert ("SANCTION", "2031-06-02") in got, got


def test_a_bare_verb_after_and_shares_cannot():
    got = [(e["plover_type"], e["status"]) for e in after_lead(
        "Chile cannot close its ports and send troops to the border.")]
    assert ("MOBILIZE", "negated") in got, got


def test_a_capital_after_a_word_that_opens_the_sentence_is_still_the_capital():
    got = _acts("Although Moscow has purchased weapons from Iran, relations are tense.")
    assert ("COOPERATE", "062", ["russia"]) in got, got


def test_a_place_the_sentence_opens_with_does_not_act():
    got = _acts("In Lima, Chile met Bolivia on Monday.")
    assert ("CONSULT", "040", ["chile", "bolivia"]) in got, got
