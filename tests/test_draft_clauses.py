"""The drafter's clause rules added for issue 21 (session 19), each on a fictional
sentence written for the test: who acts after a relative clause, which words negate
which verb, which sentences take the day of the sentence before, and a meeting said to
continue another day."""

from __future__ import annotations

from briefing.draft import draft

PUBLISHED = "2025-06-25"   # a Wednesday


def _events(text: str) -> list[dict]:
    return draft(text, published=PUBLISHED, known=None)["events"]


def _of(events: list[dict], ptype: str) -> list[dict]:
    return [e for e in events if e["plover_type"] == ptype]


def test_a_verb_joined_after_a_relative_clause_is_the_first_subjects_act():
    events = _events("Peru and Chile condemned the raid on the port, which killed two "
                     "sailors, and expressed support for the talks.")
    (support,) = _of(events, "SUPPORT")
    assert support["participants"]["actor"] == ["peru", "chile"]


def test_a_verb_after_a_subjects_relative_clause_is_the_subjects_act():
    (warn,) = _of(_events("Norway, which chairs the fisheries forum, warned Iceland on "
                          "Monday."), "THREATEN")
    assert warn["participants"]["actor"] == ["norway"]
    assert warn["participants"]["recipient"] == ["iceland"]


def test_people_of_a_state_who_protest_are_dissent_and_a_state_that_protests_complains():
    (dissent,) = _events("Farmers in northern Peru protested against the new levy.")
    assert (dissent["plover_type"], dissent["cameo_code"]) == ("PROTEST", "141")
    (farmers,) = _events("Farmers in northern Peru protested over the new levy.")
    assert farmers["plover_type"] == "PROTEST"
    (note,) = _events("Peru protested to Chile over the new levy.")
    assert (note["plover_type"], note["cameo_code"]) == ("ACCUSE", "114")


def test_background_in_the_perfect_or_present_does_not_take_the_day_before():
    events = _events("Peru and Chile held talks in Lima on Monday. Chile has accused Peru "
                     "of spying, and Peru blames Chile for the delay.")
    talks = _of(events, "CONSULT")[0]
    assert talks["date"] == "2025-06-23"
    accused, blamed = _of(events, "ACCUSE")
    assert "date" not in accused, accused   # (the perfect: when, the text does not say)
    # the simple present: the stand at publication (session 39)
    assert blamed["date"] == "2025-06-25", blamed
    # The same parties in the past tense go on with that day.
    events = _events("Peru and Chile held talks in Lima on Monday. The two countries "
                     "signed a fisheries accord.")
    assert _of(events, "SUPPORT")[0]["date"] == "2025-06-23"


def test_a_meeting_said_to_continue_another_day_is_a_new_planned_meeting_of_the_same_parties():
    events = _events("Peru and Chile held talks in Lima on Monday. The talks will continue "
                     "on Friday.")
    first, again = _of(events, "CONSULT")
    assert first["date"] == "2025-06-23" and first["status"] == "occurred"
    assert again["date"] == "2025-06-27" and again["status"] == "planned"
    assert again["participants"]["actor"] == first["participants"]["actor"]


def test_a_negation_belongs_to_its_own_conjunct():
    events = _events("President Ana Lopez said Peru would not accept the proposal and called "
                     "her Chilean counterpart, Jorge Soto.")
    (call,) = _of(events, "CONSULT")
    assert call["status"] != "negated"
    assert _of(events, "REJECT"), [e["plover_type"] for e in events]


def test_armed_groups_are_no_arming():
    assert not _of(_events("Peru accused armed groups in Chile of smuggling."), "AID")


def test_the_three_countries_are_the_last_three_states_named():
    events = _events("Peru, Chile and Bolivia met in La Paz. The three countries agreed to "
                     "share river data.")
    (agree,) = _of(events, "AGREE")
    assert agree["participants"]["actor"] == ["peru", "chile", "bolivia"]


def test_her_government_is_the_speakers_state_and_a_stance_said_takes_the_sayings_day():
    events = _events("Peruvian President Ana Lopez said on Monday that her government would "
                     "not accept the new fishing quota.")
    (reject,) = _of(events, "REJECT")
    assert reject["participants"]["actor"] == ["peru"]
    assert reject["date"] == "2025-06-23" and reject["status"] == "occurred"


def test_accepting_is_agreeing():
    # (accepting a court's ruling is yielding to it, CAMEO 080: tests/test_draft_session44.py)
    (agree,) = _events("Chile accepted the new arrangement on Monday.")
    assert (agree["plover_type"], agree["status"], agree["date"]) == \
        ("AGREE", "occurred", "2025-06-23")


def test_a_day_some_plan_is_scheduled_for_does_not_date_another_verb():
    events = _events("The talks between Peru and Chile scheduled for Friday were put off "
                     "after Chilean police detained two Peruvian fishermen on Monday.")
    (detained,) = _of(events, "COERCE")
    assert detained["date"] == "2025-06-23"          # the Monday before, not the next one
    (talks,) = _of(events, "CONSULT")
    assert talks["date"] == "2025-06-27" and talks["status"] == "postponed"


def test_arms_before_exports_are_weapons_and_people_who_block_a_road_protest():
    (sanction,) = _events("Chile suspended arms exports to Peru.")
    assert sanction["plover_type"] == "SANCTION"
    (block,) = _events("Peruvian farmers blocked the highway to Chile.")
    assert (block["plover_type"], block["cameo_code"]) == ("PROTEST", "144")
    (blockade,) = _events("Peru blocked the port of Arica.")
    assert blockade["plover_type"] == "COERCE"


def test_a_meeting_named_as_where_something_was_done_is_the_subjects_meeting():
    events = _events("Peru and Chile signed a trade deal after a summit in Lima on Monday.")
    (summit,) = _of(events, "CONSULT")
    assert summit["participants"]["actor"] == ["peru", "chile"]
    assert summit["date"] == "2025-06-23"


def test_is_to_looks_ahead_and_a_passives_modal_stands_after_its_subject():
    (meet,) = _events("The Peruvian and Chilean ministers are to meet again in Lima in "
                      "January.")
    assert (meet["status"], meet["date"]) == ("planned", "2026-01")
    (charge,) = _events("Peru said the two sailors would be charged with espionage.")
    assert (charge["plover_type"], charge["status"]) == ("COERCE", "planned")


def test_they_and_it_after_a_speech_verb_are_the_subject_that_speaks():
    (recall,) = _events("Chile said it would recall its ambassador from Lima.")
    assert (recall["plover_type"], recall["participants"]["actor"]) == ("SANCTION", ["chile"])
    (withdraw,) = _events("Peru and Bolivia, Chile's neighbours, said they would withdraw "
                          "their ambassadors.")
    assert withdraw["participants"]["actor"] == ["peru", "bolivia"]


def test_an_offer_after_an_appeal_and_goods_that_are_supplies():
    events = _events("Brazil called on both sides to show restraint and offered to send a "
                     "mediator.")
    assert [e["plover_type"] for e in events] == ["REQUEST", "AGREE"]
    assert not _events("Chile said the dam could affect water supplies.")
    (aid,) = _events("Peru sent 40 tonnes of medical supplies to Ecuador.")
    assert aid["plover_type"] == "AID"


def test_a_date_after_a_later_speech_verb_is_what_was_said_not_the_act_before():
    events = _events("Peruvian President Ana Lopez thanked Chile and said her government "
                     "would present a plan next month.")
    (thanks,) = _of(events, "SUPPORT")
    assert "date" not in thanks


def test_a_region_named_after_a_continent_is_no_state():
    d = draft("Brazil and Peru want seats for Latin America. America and China disagreed.",
              published=PUBLISHED, known=None)
    assert [a["id"] for a in d["actors"]] == ["brazil", "peru", "united-states", "china"]


def test_an_invitation_to_visit_is_also_the_guests_visit_to_come():
    events = _events("Foreign Minister Ana Lopez invited her Chilean counterpart, Pedro Soto, "
                     "to visit Lima. The visit is expected to take place next month.")
    (invite,) = [e for e in _of(events, "AGREE") if e["cameo_code"] == "036"]
    assert invite["participants"] == {"actor": ["ana-lopez"], "recipient": ["pedro-soto"]}
    (visit,) = _of(events, "CONSULT")
    assert (visit["cameo_code"], visit["status"]) == ("042", "planned")
    assert visit["participants"] == {"actor": ["pedro-soto"], "recipient": ["peru"]}
    # "The visit" in the next sentence is that visit again, and gives its month.
    assert len(visit["evidence"]) == 2 and visit["date"] == "2025-07"


def test_an_invitation_to_talks_is_talks_to_come_between_host_and_guest():
    (talks,) = _of(_events("Ghana invited Togo to talks in Accra."), "CONSULT")
    assert talks["status"] == "planned"
    assert talks["participants"]["actor"] == ["ghana", "togo"]


def test_an_appeal_to_meet_is_still_the_appeal_alone():
    events = _events("Peru urged Chile and Bolivia, its neighbours, to hold talks.")
    assert [e["plover_type"] for e in events] == ["REQUEST"]


def test_the_ministers_with_no_names_are_those_who_last_acted_together():
    events = _of(_events("The foreign ministers of Norway and Finland met in Oslo on "
                         "Monday. The ministers are due to meet again in Helsinki in "
                         "August."), "CONSULT")
    assert len(events) == 2
    again = events[1]
    assert again["participants"]["actor"] == ["norway", "finland"]
    assert (again["status"], again["date"]) == ("planned", "2025-08")
    assert again["evidence"][0].startswith("The ministers are due to meet again")


def test_a_hostile_act_on_a_condition_is_a_threat_and_the_condition_no_act():
    events = _events("Ghana's information minister said his country would cut ties with "
                     "Togo unless the prisoners were freed.")
    (threat,) = events
    assert (threat["plover_type"], threat["cameo_code"], threat["status"]) == (
        "THREATEN", "131", "occurred")
    # "his country": the state of the unnamed minister who speaks.
    assert threat["participants"] == {"actor": ["ghana"], "recipient": ["togo"]}
    (plain,) = _events("Ghana said it would cut ties with Togo.")
    assert (plain["plover_type"], plain["status"]) == ("SANCTION", "planned")
