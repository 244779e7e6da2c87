"""Issue 21, session 39: a timeline's day headings, "Thursday next week", a crowd that goes
on after "and last week", a participle whose clause's subject went unread, "the two
armies", a regional bloc named just after, and new trigger phrases — each checked on
fictional sentences (real state names, invented people, places and bodies). The story of
tests/lead.py is published on Saturday, June 7, 2031."""

from __future__ import annotations

import datetime as dt

from briefing.draft.dates import find_dates, resolve
from tests.lead import acts, after_lead, dated, drafted, of_type

_PUB = dt.date(2031, 6, 7)   # a Saturday


def _day(phrase: str) -> str:
    found = [p for _a, _b, p in find_dates(phrase, 0, len(phrase))]
    assert found == [phrase], found
    return resolve(phrase, _PUB).start.isoformat()


def test_a_weekday_of_next_or_last_week_is_that_week_s_day():
    assert _day("Thursday next week") == "2031-06-12"
    assert _day("on Tuesday of next week") == "2031-06-10"
    assert _day("Friday last week") == "2031-05-30"
    assert _day("on Monday") == "2031-06-02"   # (a plain weekday is unchanged)


def test_entries_under_a_day_heading_take_that_day_not_the_publication_day():
    d = drafted("Kerr in Asunción: how the visit unfolded\n\nThe visit ended on Friday.\n\n"
                "THURSDAY\n\n10:40 a.m. – Paraguay's president received Bolivia's "
                "president at the palace.\n\n3:30 p.m. – The two presidents signed a river "
                "treaty.\n\nFRIDAY\n\n9:00 a.m. – Bolivia's president addressed Congress. "
                "Opposition lawmakers from Paraguay protested against Bolivia outside.\n")
    got = {e["evidence"][0][:12]: e.get("date") for e in d["events"]}
    # the Thursday of the heading, for each entry under it
    assert got == {"Paraguay's p": "2031-06-05", "The two pres": "2031-06-05",
                   "Paraguay pro": "2031-06-06"}, got   # under FRIDAY, though undated


def test_a_crowd_goes_on_after_and_last_week():
    got = acts("The kidnappers had demanded money from the company, and last week "
               "threatened to kill the captives.")
    assert ("THREATEN", ["kidnappers"]) in got, got   # (the group, without "the")
    assert ("REQUEST", ["kidnappers"]) in got, got


def test_a_participle_does_not_take_the_object_of_a_verb_whose_subject_went_unread():
    got = acts("The envoy urged Kigali to lift the closure, warning that shutdowns push "
               "travellers onto unmonitored paths.")
    assert ("THREATEN", ["rwanda"]) not in got, got
    # A read subject still goes on to the participle.
    got = acts("Kenya imposed sanctions on Belarus, accusing it of fraud.")
    assert ("ACCUSE", ["kenya"]) in got, got


def test_the_two_armies_are_the_story_s_two_states():
    d = drafted("Border call\n\nBAKU, June 7 (Wire) - Azerbaijan accused Iran on Friday of "
                "flying drones over the river. The two armies' border commanders spoke over "
                "their military hotline on Friday afternoon.\n")
    calls = [e for e in d["events"] if e["plover_type"] == "CONSULT"]
    assert [sorted(e["participants"]["actor"]) for e in calls] == [["azerbaijan", "iran"]]


def test_a_regional_bloc_named_in_the_next_sentence_is_that_bloc():
    threats = of_type("Bloc warns Congo\n\nBRAZZAVILLE, June 7 (Wire) - Central Africa's "
                      "regional bloc threatened on Friday to suspend the Republic of Congo. The "
                      "warning from the Economic Community of Central African States (ECCAS) "
                      "followed an emergency summit.\n", "THREATEN")
    assert threats and threats[0]["participants"]["actor"] == ["eccas"], threats


def test_new_trigger_phrases_read_their_acts():
    assert dated("Turkey's foreign ministry expressed \"full solidarity\" with Azerbaijan "
                 "on Thursday.") == [("SUPPORT", "2031-06-05")]
    assert dated("The EU's energy commissioner held a three-way call with Greece and "
                 "Bulgaria on Thursday.") == [("CONSULT", "2031-06-05")]
    assert [t for t, _ in dated("A Latvian diplomat was beaten by two men outside his flat "
                                "in Minsk on Monday.")] == ["ASSAULT"]
    assert [t for t, _ in dated("Iranian air-defence units were placed on a higher state "
                                "of alert on Thursday.")] == ["MOBILIZE"]
    # A general strike is a protest, not an armed attack.
    assert "ASSAULT" not in [t for t, _ in dated("Congo's opposition called a general "
                                                  "strike on Thursday.")]


def test_a_bare_verb_after_and_goes_on_with_what_is_demanded_a_past_one_is_an_act():
    got = acts("Latvia demanded that Belarus find and prosecute those responsible and "
               "guarantee the safety of its staff.")
    assert got == [("REQUEST", ["latvia"])], got
    got = acts("Chile demanded that Peru compensate the families and threatened to block "
               "the road.")
    assert [t for t, _ in got] == ["REQUEST", "THREATEN"], got
    got = acts("Angola threatened to suspend Congo and impose sanctions on its officials.")
    assert [t for t, _ in got] == ["THREATEN"], got


def test_an_order_to_close_a_consulate_is_a_sanction():
    got = acts("Belarus ordered Latvia to close its consulate in Polotsk.")
    assert got == [("SANCTION", ["belarus"])], got


def test_figures_of_speech_that_name_no_act():
    # "without warning", "turned back towards", "the closing news conference"
    assert "THREATEN" not in [t for t, _ in acts(
        "Papua New Guinea's police went ahead without warning New Zealand.")]
    assert acts("The Iranian drone turned back towards the river, Azerbaijan said.") == []
    got = acts("Cambodia's prime minister urged Malaysia and the Philippines at the closing "
               "news conference to settle their differences.")
    assert [t for t, _ in got] == ["REQUEST"], got


def test_a_timetable_present_with_a_calendar_day_to_come_is_a_plan_on_that_day():
    got = dated("Pacific Islands Forum foreign ministers meet in Apia on June 12 and 13.")
    assert got == [("CONSULT", "2031-06-12")], got
    assert after_lead("Pacific Islands Forum foreign ministers meet in Apia on June "
                      "12.")[0]["status"] == "planned"
    # A past verb with a day gone by is unchanged.
    assert dated("Fiji's ministers met Samoa's in Apia on June 2.") == [
        ("CONSULT", "2031-06-02")]


def test_a_week_ahead_guide_s_headings_are_days_to_come():
    d = drafted("WEEK AHEAD-Talks and a vote\n\nADDIS ABABA, June 7 (Wire) - Mediators will "
                "try this week to restart talks.\n\nTUESDAY\nThe African Union votes on a "
                "Kenyan draft calling on Sudan to release the cargo.\n\nTHURSDAY\nKenya's "
                "president hosts South Sudan's president in Nairobi, where the two are "
                "expected to sign a memorandum.\n")
    hosted = [e for e in d["events"] if e["evidence"][0].startswith("Kenya's president")]
    assert hosted and hosted[0].get("date") == "2031-06-12", hosted   # the Thursday to come


def test_an_act_told_in_the_simple_present_stands_at_publication():
    assert dated("Tonga accuses Kaufana of steering aid money to his relatives.") == [
        ("ACCUSE", "2031-06-07")]
    # An auxiliary is no present act of its own.
    assert dated("Tonga has accused Kaufana of steering aid money to his relatives.") == [
        ("ACCUSE", None)]


def test_a_suggestion_s_weekday_looks_ahead_only_after_a_future_word(monkeypatch):
    from briefing.draft import learned

    monkeypatch.setattr(learned, "THRESHOLD", 0.3)
    # The day comes before "will": the saying's day, gone by.
    [e] = after_lead("Ghana's foreign minister, Ama Mensah, told reporters on Monday that "
                     "Togo had behaved like a bad neighbour and will pay for it.")
    assert e["id"].endswith("-suggested") and e["date"] == "2031-06-02", e


def test_a_day_before_the_verb_looks_ahead_only_with_the_verb_s_own_group():
    got = dated("In a televised address on Sunday, Ethiopia's prime minister said 85 "
                "prisoners would be freed on Thursday, and called on Eritrea to do the same.")
    assert ("REQUEST", "2031-06-01") in got, got   # the Sunday gone by, not the next
    assert dated("On Friday, Chile and Peru are expected to hold talks in Lima.") == [
        ("CONSULT", "2031-06-13")]


def test_a_weekday_before_a_calendar_day_is_one_date():
    text = "Officers opened the van on the morning of Tuesday, May 27, and on Monday 2 June."
    found = [p for _a, _b, p in find_dates(text, 0, len(text))]
    assert found == ["Tuesday, May 27", "on Monday 2 June"], found
    assert [resolve(p, _PUB).start.isoformat() for p in found] == ["2031-05-27", "2031-06-02"]


def test_an_expected_call_and_a_meeting_called_for_a_weekday_are_to_come():
    assert dated("Diplomats expect the prime ministers of Italy and Slovakia to talk by "
                 "telephone on Tuesday.") == [("CONSULT", "2031-06-10")]
    assert ("CONSULT", "2031-06-12") in dated(
        "The Central American Integration System has called the foreign ministers of Honduras "
        "and El Salvador to an emergency meeting on Thursday.")
    # What talks are to discuss is no act of its own.
    assert [t for t, _ in dated("Ethiopia and Eritrea will discuss pulling troops "
                                "back.")] == ["CONSULT"]


def test_a_span_of_days_told_before_its_end_starts_that_many_days_earlier():
    assert dated("Malaysia and the Philippines quarrelled at the two-day ASEAN summit that "
                 "ended in Phnom Penh on Friday.")[-1] == ("CONSULT", "2031-06-05")
    assert dated("Chile's president left Quito on Thursday night after a three-day state "
                 "visit to Ecuador.") == [("CONSULT", "2031-06-03")]


def test_from_one_weekday_to_another_next_week_is_that_span():
    r = resolve("from Monday to Wednesday next week", _PUB)
    assert (r.start.isoformat(), r.end.isoformat()) == ("2031-06-09", "2031-06-11")


def test_each_state_s_officer_joined_by_and_are_both_the_subject():
    for sentence in ("Chile's foreign minister and Peru's defence minister met on Thursday.",
                     "The Chilean minister and the Peruvian minister met on Thursday."):
        assert acts(sentence) == [("CONSULT", ["chile", "peru"])], sentence


def test_an_attribution_between_two_verbs_keeps_the_first_verb_s_day():
    got = dated("Chile's minister and Peru's minister spoke for about 20 minutes on Thursday "
                "evening, both ministries said, and agreed to notify each other of flights.")
    assert got == [("CONSULT", "2031-06-05"), ("AGREE", "2031-06-05")], got


def test_a_long_portfolio_is_the_title_not_the_name():
    d = drafted("Talks\n\nKAMPALA, June 7 (Wire) - Emirati Minister of State for Defence "
                "Affairs Rashid Al Ghufli met Uganda's Minister for Karamoja Affairs Peter "
                "Lokeris on Friday. Ghana's Minister of Lands and Natural Resources Kofi "
                "Mensah met them too.\n")
    people = {a["id"]: a["kind"] for a in d["actors"]}
    for who in ("rashid-al-ghufli", "peter-lokeris", "kofi-mensah"):
        assert people.get(who) == "person", people
    # A body's name is no portfolio.
    assert ("AGREE", ["sadc"]) in acts(
        "Lerato Mokoena, executive secretary of the Southern African Development Community, "
        "said the regional bloc stood ready to mediate.")


def test_a_verb_after_the_summoned_envoy_is_the_summoner_s():
    got = acts("Finland's foreign ministry summoned Russia's ambassador, Dmitry Avilov, "
               "declared a Russian diplomat persona non grata and gave him 72 hours to leave.")
    assert ("SANCTION", ["foreign-ministry-of-finland"]) in got, got
    got = acts("Belarus's foreign ministry summoned Switzerland's ambassador, Martina "
               "Brühlmann, and handed her a note declaring a Swiss counsellor persona non "
               "grata.")
    assert ("SANCTION", ["foreign-ministry-of-belarus"]) in got, got
    # A subject of its own is kept.
    assert ("REJECT", ["peru"]) in acts("Chile accused Peru of spying, and Peru denied it.")


def test_a_note_s_demand_is_its_sender_s_and_a_relative_clause_s_crowd_acts():
    got = acts("Serbia's foreign ministry handed the British ambassador, Helen Marsh, a note "
               "demanding that the fugitive be returned.")
    assert ("REQUEST", ["foreign-ministry-of-serbia"]) in got, got
    got = acts("Burundi accused Rwanda of sheltering gunmen who attacked a police post.")
    assert ("ASSAULT", ["gunmen"]) in got, got


def test_a_suggested_act_told_by_a_speaker_is_done_by_whom_the_words_name(monkeypatch):
    from briefing.draft import learned

    monkeypatch.setattr(learned, "THRESHOLD", 0.3)
    got = [(e["plover_type"], e["participants"]["actor"]) for e in after_lead(
        "Djibouti's army said Eritrean troops had fired machine guns at a Djiboutian "
        "observation post on Thursday.") if e["id"].endswith("-suggested")]
    assert got == [("ASSAULT", ["armed-forces-of-eritrea"])], got


def test_brussels_is_the_eu_in_a_story_that_names_the_eu():
    got = acts("The European Commission said Brussels stood ready to help Croatia and "
               "Slovenia.")
    assert ("AGREE", ["eu"]) in got, got
    # With no EU body named, Brussels is Belgium's capital as before.
    assert acts("Brussels recalled its ambassador to Chile.")[0][1] == ["belgium"]


def test_a_summons_to_demand_is_a_demand_too_and_arbitration_filed_is_a_claim():
    got = [t for t, _ in dated("Bangladesh summoned Myanmar's ambassador on Thursday to "
                               "demand the sailors' release.")]
    assert got == ["ACCUSE", "REQUEST"], got
    # (to protest: the summons is the protest)
    assert [t for t, _ in dated("Japan summoned Russia's ambassador on Thursday to "
                                "protest.")] == ["ACCUSE"]
    assert acts("Chile filed a request for arbitration against Peru.") == [
        ("ACCUSE", ["chile"])]


def test_the_next_round_is_talks_but_not_a_round_of_sanctions():
    d = drafted("Talks\n\nBRATISLAVA, June 7 (Wire) - Hungary and Slovakia held talks on the "
                "river on Friday. The next round is set for June 21 in Gyor.\n")
    assert [e["plover_type"] for e in d["events"]] == ["CONSULT", "CONSULT"], d["events"]
    assert "CONSULT" not in [t for t, _ in dated("Hungary warned that the next round of "
                                                 "sanctions would hit Slovakia.")]


def test_a_saying_after_and_is_no_part_of_what_was_urged():
    got = [t for t, _ in dated("The European Commission on Thursday urged both governments "
                               "to resume negotiations and said it was ready to host talks.")]
    assert got[:2] == ["REQUEST", "AGREE"], got


def test_a_wto_consultation_request_and_a_plea_to_a_court_are_claims():
    assert acts("Norway requested consultations with Britain at the World Trade "
                "Organization.") == [("ACCUSE", ["norway"])]
    got = acts("The Congolese opposition leader, Firmin Ngakosso, asked the Constitutional "
               "Court to annul the results.")
    assert ("ACCUSE", ["firmin-ngakosso"]) in got, got


def test_a_background_month_is_not_carried_to_the_next_speaker():
    d = drafted("River row\n\nBUCHAREST, June 7 - Bulgaria and Romania will share the cost "
                "of the bridge, their foreign ministers said on Friday. Romania's foreign "
                "minister, Sorin Dumitrescu, told a joint news conference that the work would "
                "go on. In January Bulgaria asked Romania to put off the work. Dumitrescu "
                "said Romania would not stop, arguing that barges needed the channel.\n")
    got = {e["plover_type"]: e.get("date") for e in d["events"]}
    # (January is the request's; the refusal is left for the analyst, not put in January)
    assert got["REQUEST"] == "2031-01" and got["REJECT"] is None, got
