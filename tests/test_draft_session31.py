"""Issue 21, session 31: the days and doers of acts, each checked on fictional sentences
(real state names, invented people)."""

from __future__ import annotations

import datetime as dt

from tests.lead import after_lead, drafted
from tests.lead import dated as _dated
from tests.lead import events as _events


def test_a_meetings_day_before_an_after_clause_does_not_date_the_act_inside_it():
    # "on July 10" is the day of the meeting agreed on; the seizure the "after" clause
    # tells of took it and was resolved into the year before, a past act.
    got = _dated("Peru and Chile agreed on Thursday to meet in Arica on July 10, after "
                 "Chile's navy seized two Peruvian trawlers.")
    assert ("CONSULT", "2031-07-10") in got, got
    assert ("COERCE", "2030-07-10") not in got, got
    # a day the main act has, told before "after", is still its own
    got = _dated("Peru recalled its ambassador on Thursday after Chile's navy seized two "
                 "Peruvian trawlers.")
    assert got[0] == ("SANCTION", "2031-06-05"), got


def test_hours_later_counts_from_the_story_day_not_a_noun_or_pluperfect_told_since():
    body = ("Council rebukes Peru\n\nGENEVA, June 7 (Wire) - The UN Human Rights Council on "
            "Thursday adopted a resolution on Peru. Peruvian police have detained 200 people "
            "since protests broke out on January 12. Ecuador's envoy said the sponsors had "
            "offered Lima a softer text in March and had been turned down. Brazil said it "
            "shared concern about the detentions. In Lima, Foreign Minister Rosa Quispe "
            "rejected the resolution hours later.\n")
    events = drafted(body)["events"]
    rejected = [e for e in events if "Quispe" in e["evidence"][0]]
    assert [(e["plover_type"], e.get("date")) for e in rejected] == [("REJECT", "2031-06-05")]


def test_a_day_opening_the_sentence_before_its_speaker_dates_a_threat_said_then():
    got = _dated("On Wednesday, Prime Minister Sorin Dumitrescu said the ambassador would be "
                 "declared persona non grata unless an apology came by the end of the week.")
    assert got == [("THREATEN", "2031-06-04")], got   # not the Wednesday ahead, June 11


def test_a_postponed_visit_keeps_the_day_it_was_set_for_a_few_days_ahead():
    body = ("Visit off\n\nBUCHAREST, June 7 (Wire) - Romania on Friday postponed a visit by "
            "German Economy Minister Annette Lohmann that had been scheduled for June 10.\n")
    events = drafted(body)["events"]
    visits = [(e["plover_type"], e["status"], e.get("date")) for e in events
              if e["plover_type"] == "CONSULT"]
    assert visits == [("CONSULT", "postponed", "2031-06-10")], visits   # not 2030-06-10


def test_an_act_after_an_after_clause_in_what_was_agreed_is_done_not_planned():
    got = _dated("Chile said it agreed to reopen the crossing after Bolivia deployed 300 "
                 "police officers to the border in May.")
    assert ("MOBILIZE", "2031-05") in got, got   # not planned, nor May of the next year


def test_not_on_the_table_said_of_a_demand_is_a_refusal():
    got = _dated('Interior Minister Tomás Arancibia of Chile said on Thursday that '
                 'compensation was "not on the table".')
    assert got == [("REJECT", "2031-06-05")], got
    assert _dated("Chile said the quota was not negotiable.")[0][0] == "REJECT"


def test_an_exercise_held_by_a_navy_named_with_its_demonym():
    got = [(e["plover_type"], e["status"], e.get("date"), e["participants"]["actor"])
           for e in after_lead("The ministry said the Royal Saudi Naval Forces would hold an "
                               "exercise in the Red Sea from July 16 to 22.")]
    assert got == [("MOBILIZE", "planned", "2031-07-16", ["navy-of-saudi-arabia"])], got


def test_an_am_time_after_a_pm_time_in_a_night_timeline_is_the_next_day():
    body = ("Night at sea\n\nADEN, June 7 (Wire) - The coast guard set out a timeline. At "
            "11:40 p.m. on Wednesday, two Saudi patrol boats approached seven Yemeni boats. "
            "A Yemeni cutter that reached the area at about 2:50 a.m. was ordered by radio "
            "to turn back.\n")
    events = drafted(body)["events"]
    turned = [e.get("date") for e in events if "cutter" in e["evidence"][0]]
    assert turned == ["2031-06-05"], turned   # the Wednesday was June 4


def test_a_date_inside_a_contact_clause_is_its_verbs():
    got = _dated("Officials said Maseru had agreed to withdraw a complaint it filed against "
                 "Eswatini in 2029.")
    assert ("AGREE", 2029) not in got and ("AGREE", "2029") not in got, got


def test_sentenced_to_five_years_in_march_is_dated_march():
    got = _dated("Eswatini's High Court sentenced the lawyer to five years in March.")
    assert got == [("ACCUSE", "2031-03")], got   # a finding of guilt (116)


def test_between_two_months_is_a_span_of_months():
    from briefing.draft.dates import as_fact_date, resolve
    pub = dt.date(2030, 11, 14)
    assert as_fact_date(resolve("between August and October", pub)) == ("2030-08", "2030-10")
    assert as_fact_date(resolve("between November and February", dt.date(2031, 3, 1))) == (
        "2030-11", "2031-02")
    assert as_fact_date(resolve("from May to July 2029", pub)) == ("2029-05", "2029-07")


def test_a_date_inside_an_under_which_clause_is_not_the_signings():
    got = _dated("On Thursday Mauritius and Seychelles signed a coastguard pact under which "
                 "their coastguards will begin joint patrols in January.")
    assert got[0] == ("SUPPORT", "2031-06-05"), got


def test_parties_of_a_meeting_speaking_on_the_later_day_the_story_went_on_to():
    body = ("Visit ends\n\nPORT LOUIS, June 7 (Wire) - Mauritian President Devendra Ramsaran "
            "held talks with Seychelles President Marie-Claire Hoareau in Reduit on Wednesday. "
            '"This zone takes nothing from anyone," Ramsaran told a joint press conference on '
            "Thursday afternoon. Hoareau said the talks went well, and Ramsaran accepted her "
            "invitation to make a return visit to Victoria early next year.\n")
    events = drafted(body)["events"]
    accepted = [(e["plover_type"], e.get("date")) for e in events
                if e["plover_type"] == "AGREE" and "accepted" in e["evidence"][0]]
    assert accepted == [("AGREE", "2031-06-05")], accepted


def test_saint_states_are_named_with_st_too():
    from briefing.draft.gazetteer import load_gazetteer
    forms = load_gazetteer().forms
    for name in ("St Vincent and the Grenadines", "St. Lucia", "St Kitts and Nevis"):
        assert forms[name].kind == "state", name
    got = [e["participants"]["actor"] for e in after_lead(
        "St Vincent and the Grenadines refused on Thursday to accept the result.")]
    assert got == [["saint-vincent-and-the-grenadines"]], got


def test_struck_back_is_a_figure_not_an_attack_or_support():
    assert _dated("Zimbabwe struck back on Thursday.") == []
    assert _dated("Zimbabwe hit back on Thursday.") == []


def test_expected_with_an_object_is_a_demand_made_then_not_a_look_ahead():
    got = _dated("Kazakhstan's foreign ministry said in a statement on Tuesday that it "
                 "expected Denmark to hand the banker over without delay.")
    assert ("REQUEST", "2031-06-03") in got, got   # not the Tuesday ahead, June 10


def test_an_act_in_a_who_clause_leaves_the_sayings_day_to_hand_on():
    body = ("Border row\n\nVIENTIANE, June 7 (Wire) - Myanmar's government said in a statement "
            "late on Thursday that the people who crossed were displaced by attacks and asked "
            "Laos to return them. It accused the rebels of using villagers as human shields.\n")
    events = drafted(body)["events"]
    accused = [(e["plover_type"], e.get("date")) for e in events if "It accused" in
               e["evidence"][0] or e["evidence"][0].startswith("accused")]
    assert accused == [("ACCUSE", "2031-06-05")], accused


def test_an_armed_group_is_no_arms_supply():
    got = _dated("Fighting between the army and an ethnic armed group broke out on May 15.")
    assert [t for t, _ in got if t == "AID"] == [], got


def test_a_hostile_act_a_quote_says_hit_our_side_is_the_speakers_accusation():
    body = ("Ramming row\n\nJAKARTA, June 7 (Wire) - Indonesia and Vietnam traded blame on "
            "Friday. \"The Vietnamese ship deliberately struck our vessel,\" "
            "foreign ministry spokeswoman Ratna Sari told reporters in Jakarta.\n")
    d = drafted(body)
    ratna = next(a for a in d["actors"] if a["id"] == "ratna-sari")
    assert ratna.get("parent") == "indonesia", ratna   # not the state inside her quote
    struck = [(e["plover_type"], e["participants"]) for e in d["events"]
              if "struck" in e["evidence"][0]]
    assert struck == [("ACCUSE", {"actor": ["ratna-sari"], "recipient": ["vietnam"]})], struck


def test_a_step_not_ruled_out_is_the_threats_words_not_an_event_of_its_own():
    events = after_lead("Peru's foreign minister, Ana Ruiz, did not rule out sanctions "
                        "against Chile.")
    assert [(e["plover_type"], e["summary"]) for e in events] == [
        ("THREATEN", "Ana Ruiz did not rule out sanctions against Chile")], events


def test_it_in_a_contact_clause_is_the_clause_subject_and_summaries_name_who():
    events = after_lead("Chile's navy seized two Peruvian trawlers it accused of fishing "
                        "without a licence.")
    got = [(e["plover_type"], e["participants"]["actor"], e["summary"]) for e in events]
    assert got == [("COERCE", ["navy-of-chile"], "Chile's navy seized two Peruvian trawlers"),
                   ("ACCUSE", ["navy-of-chile"], "Navy of Chile accused")], got


def test_a_day_something_is_due_to_start_on_inside_a_demand_is_not_the_demands():
    got = _dated("Guinea's foreign ministry summoned the Ivorian ambassador on Monday and "
                 "demanded that the live-fire phase, due to start on Thursday, be moved away "
                 "from the border.")
    assert ("REQUEST", "2031-06-02") in got and ("REQUEST", "2031-06-05") not in got, got


def test_called_on_after_a_name_is_the_verb_not_an_aside_and_its_day_goes_on():
    got = _dated("Togo's foreign minister, Komlan Agbeyome, called on both governments on "
                 "Thursday evening to show restraint, and offered to host a meeting of their "
                 "defence ministers in Lome next week.")
    assert ("REQUEST", "2031-06-05") in got and ("AGREE", "2031-06-05") in got, got


def test_its_body_opening_a_sentence_goes_on_with_the_day_and_its_noun_is_no_verb():
    got = _dated("Zimbabwe struck back on Thursday. Its mines ministry suspended the licences "
                 "of two British-owned gold producers.")
    assert got == [("COERCE", "2031-06-05")], got
    got = _dated("Ivory Coast began its largest military exercise in a decade on Thursday.")
    assert got == [("MOBILIZE", "2031-06-05")], got


def test_it_in_a_contact_clause_is_the_nearest_subject_not_the_sentences_first_state():
    events = [e for e in _events("Peru and Chile agreed on Thursday to meet in Arica, after "
                                 "Chile's navy seized two Peruvian trawlers it accused of "
                                 "fishing without a licence.")
              if e["plover_type"] == "ACCUSE"]
    assert [e["participants"]["actor"] for e in events] == [["navy-of-chile"]], events


def test_a_summary_closes_the_quote_it_opens():
    for q0, q1 in (('"', '"'), ("“", "”")):
        events = [e for e in _events(f"Peru's foreign minister, Ana Ruiz, called the seizure "
                                     f"{q0}a provocation{q1} and did not rule out sanctions.")
                  if "provocation" in e["summary"]]
        assert [e["summary"] for e in events] == [
            f"Ana Ruiz called the seizure {q0}a provocation{q1}"], events
