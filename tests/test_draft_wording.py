"""Issue 21, session 24: news wording the drafter missed on a spent held-out batch, each
rule shown on a fictional sentence of its own (not the batch's)."""

import datetime as dt

import pytest

from briefing.draft import draft
from briefing.draft.dates import as_fact_date, resolve
from briefing.text import split_sentences

WEDNESDAY = dt.date(2026, 3, 18)


def _draft(text: str, published: str = "2026-03-18") -> dict:
    # Judged against a fixed day, so that fictional dates after today stay drafts.
    return draft(text, published=published, known=None, today=dt.date(2027, 12, 31))


def _events(d: dict) -> list[tuple[str, str, object]]:
    return [(e["plover_type"], e["status"], e.get("date")) for e in d["events"]]


@pytest.mark.parametrize("phrase, fact", [
    ("in early February", ("2026-02", None)),
    ("late January", ("2026-01", None)),
    ("by mid-February", ("2026-02", None)),
    ("this morning", ("2026-03-18", None)),
    ("earlier today", ("2026-03-18", None)),
    ("a few minutes ago", ("2026-03-18", None)),
    ("three hours ago", ("2026-03-18", None)),
    ("this week", ("2026-03-16", "2026-03-22")),     # still the week, not the day
])
def test_parts_of_months_and_of_the_day_resolve(phrase, fact):
    assert as_fact_date(resolve(phrase, WEDNESDAY)) == fact


def test_hours_later_is_the_day_counted_from():
    r = resolve("hours later", WEDNESDAY, anchor=dt.date(2026, 3, 12))
    assert as_fact_date(r) == ("2026-03-12", None)


def test_a_military_title_does_not_end_the_sentence():
    text = "Col. Ivo Marek denied the claim. Gen. Sara Lind said nothing. It rained."
    assert [s["text"] for s in split_sentences("a", text)] == [
        "Col. Ivo Marek denied the claim.", "Gen. Sara Lind said nothing.", "It rained."]


def test_a_colonel_is_named_whole_with_the_rank_as_role():
    d = _draft("Col. Ivo Marek, a spokesman for the Czech army, denied that troops had "
               "crossed the border.")
    marek = next(a for a in d["actors"] if a["kind"] == "person")
    assert marek["name"] == "Ivo Marek"
    assert "REJECT" in [e["plover_type"] for e in d["events"]]


def test_a_month_asked_about_in_the_past_is_last_years_even_with_would_after_that():
    d = _draft("Canada asked Norway in October for assurances that the two fishermen "
               "would not be tried in absentia.", published="2026-03-18")
    ask = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert ask["date"] == "2025-10"


def test_a_year_naming_a_treaty_after_a_plural_possessive_does_not_date_the_act():
    d = _draft("Chile could suspend the two countries' 1998 fisheries treaty, an official "
               "said.")
    act = next(e for e in d["events"] if e["plover_type"] == "SANCTION")
    assert act.get("date") in (None, "")


def test_ordering_diplomats_to_leave_is_an_expulsion():
    d = _draft("Latvia on Tuesday ordered three Russian diplomats to leave the country "
               "within 48 hours.")
    assert ("SANCTION", "occurred", "2026-03-17") in _events(d)


def test_welcoming_a_thing_is_support_not_hosting():
    d = _draft("Norway's foreign minister, Kari Berge, welcomed the truce on Monday.")
    assert [e["plover_type"] for e in d["events"]] == ["SUPPORT"]


def test_failing_to_agree_is_an_agreement_that_did_not_happen():
    d = _draft("Talks on a shared rail line stalled after Peru and Chile failed to agree "
               "on a route.")
    assert [(t, s) for t, s, _ in _events(d) if t == "AGREE"] == [("AGREE", "negated")]


def test_accepting_an_invitation_to_visit_drafts_the_visit_as_planned():
    d = _draft("President Ana Duarte of Portugal accepted an invitation to pay a return "
               "visit to Madrid next year.")
    assert ("CONSULT", "planned") in [(t, s) for t, s, _ in _events(d)]


def test_prisoners_of_war_are_not_a_war():
    d = _draft("Armenia said it would free 12 prisoners of war on Friday.")
    assert "ASSAULT" not in [e["plover_type"] for e in d["events"]]


def test_a_protest_note_handed_over_is_a_formal_complaint():
    d = _draft("Romania's foreign ministry has handed a protest note to the Hungarian "
               "embassy over the remarks.")
    assert "ACCUSE" in [e["plover_type"] for e in d["events"]]


def test_names_with_accented_letters_are_kept_whole():
    d = _draft("Lithuanian Foreign Minister Rasa Žemaitienė met Óscar Ibáñez Ruiz, a "
               "spokesman for the Spanish navy, on Monday.")
    names = {a["name"] for a in d["actors"] if a["kind"] == "person"}
    assert {"Rasa Žemaitienė", "Óscar Ibáñez Ruiz"} <= names


def test_a_name_before_what_the_person_is_is_a_person_with_that_role():
    d = _draft("Tomas Berg, a lawyer for the detained sailors, welcomed the ruling.")
    berg = next(a for a in d["actors"] if a["kind"] == "person")
    assert (berg["name"], berg["role"]) == ("Tomas Berg", "Lawyer")
    assert [e["plover_type"] for e in d["events"]] == ["SUPPORT"]


def test_a_quote_may_close_inside_a_phrase():
    d = _draft('Estonia said it stood "shoulder to shoulder" with Latvia.')
    assert [e["plover_type"] for e in d["events"]] == ["SUPPORT"]


def test_a_threat_of_what_it_would_do_is_made_when_said():
    d = _draft("Belarus said on Monday it would respond in kind.", published="2026-02-05")
    assert ("THREATEN", "occurred") in [(t, s) for t, s, _ in _events(d)]


def test_after_but_the_same_subject_acts_again():
    d = _draft("Kenya's foreign minister, Amina Odera, welcomed the truce but rejected "
               "the deployment of foreign troops.")
    acts = {e["plover_type"]: e["participants"]["actor"] for e in d["events"]}
    assert acts.get("SUPPORT") == acts.get("REJECT") == ["amina-odera"]


def test_a_crowd_no_name_gathers_is_a_group_named_by_what_they_are():
    d = _draft("About 300 fishermen rallied at the port on Monday.")
    rally = next(e for e in d["events"] if e["plover_type"] == "PROTEST")
    group = next(a for a in d["actors"] if a["id"] == rally["participants"]["actor"][0])
    assert (group["kind"], group["name"]) == ("group", "Fishermen")


def test_rallying_support_is_no_protest():
    d = _draft("Kenya and Uganda rallied support for the plan.")
    assert "PROTEST" not in [e["plover_type"] for e in d["events"]]


def test_a_state_visit_is_no_statement_and_a_deadline_does_not_make_it_future():
    d = _draft("President Ana Duarte ended a three-day state visit to Spain on Monday with a "
               "promise to settle the fishing dispute by the end of next year.")
    visit = next(e for e in d["events"] if e["plover_type"] == "CONSULT")
    # (session 27: a visit that ended on a day spans the three days it lasted)
    assert (visit["date"], visit["date_end"]) == ("2026-03-14", "2026-03-16")
    assert d["statements"] == []


def test_a_live_pages_entry_tells_of_the_day_it_was_published():
    d = _draft("Live: border talks\n\n14:20 — Chile's foreign ministry has handed a protest "
               "note to the Bolivian embassy.\n")
    note = next(e for e in d["events"] if e["plover_type"] == "ACCUSE")
    assert note["date"] == "2026-03-18"


def test_in_the_afternoon_is_the_day_of_the_sentence_before():
    d = _draft("Poland expelled two Belarusian diplomats on Monday. Belarus's envoy was "
               "summoned in the afternoon and handed a note of protest.")
    summons = next(e for e in d["events"] if e["plover_type"] == "ACCUSE")
    assert summons["date"] == "2026-03-16"


def test_a_date_in_another_verbs_conjunct_is_not_this_ones():
    d = _draft("Ruiz fled Lima in March and was granted asylum in Chile in July.",
               published="2026-11-02")
    asylum = next(e for e in d["events"] if e["plover_type"] == "AID")
    assert asylum["date"] == "2026-07"


def test_heads_of_state_do_not_state_and_meet_at_a_summit_not_with_its_venue():
    d = _draft("ECOWAS heads of state are due to discuss the crisis at an extraordinary "
               "summit in Abuja on March 28.")
    assert d["statements"] == []
    (summit,) = d["events"]
    assert (summit["plover_type"], summit["status"], summit["date"]) == (
        "CONSULT", "planned", "2026-03-28")
    assert summit["participants"]["actor"] == ["ecowas"]


def test_talks_last_held_long_ago_and_due_next_week_are_planned_for_next_week():
    d = _draft("Fisheries talks between Norway and Iceland, last held in Bergen in 2023, are "
               "due to resume in Oslo next Tuesday.")
    talks = next(e for e in d["events"] if e["plover_type"] == "CONSULT")
    assert (talks["status"], talks["date"]) == ("planned", "2026-03-24")


def test_shelved_talks_are_postponed():
    d = _draft("Talks between Chad and Niger on a pipeline were shelved on Monday.")
    talks = next(e for e in d["events"] if e["plover_type"] == "CONSULT")
    assert talks["status"] == "postponed"


def test_a_truce_brokered_by_a_described_mediator_is_the_mediators_act():
    d = _draft("A truce between Chad and Sudan brokered by the regional bloc IGAD held on "
               "Monday.")
    mediation = next(e for e in d["events"] if e["cameo_code"] == "045")
    assert mediation["participants"]["actor"] == ["igad"]
    truce = next(e for e in d["events"] if e["plover_type"] == "RETREAT")
    assert truce["participants"]["actor"] == ["chad", "sudan"]


@pytest.mark.parametrize("sentence, code", [
    ("Chile severed diplomatic ties with Bolivia on Monday.", "161"),
    ("Peru restored diplomatic relations with Ecuador on Monday.", "050"),
    ("Armenia declared a state of emergency in the border region on Monday.", "1724"),
    ("Georgia sealed its border with Armenia on Monday.", "191"),
    ("Russia cut off gas supplies to Moldova on Monday.", "163"),
    ("Gambia filed a case against Senegal at the International Court of Justice.", "115"),
    ("Canada froze the assets of three Russian banks on Monday.", "163"),
    ("Azerbaijan and Armenia exchanged fire along the border on Monday.", "190"),
])
def test_common_acts_of_news_english(sentence, code):
    assert code in [e["cameo_code"] for e in _draft(sentence)["events"]]


def test_what_a_concern_is_about_is_no_act_of_someone_unnamed():
    d = _draft("Spain voiced concern over the arrests on Monday.")
    assert [e["plover_type"] for e in d["events"]] == ["ACCUSE"]


def test_two_leaders_each_with_a_states_title_meet_together():
    for text in ("Armenian Prime Minister Aram Vardanyan and Azerbaijani President Elnur "
                 "Mammadli met in Doha on Sunday.",
                 "Prime Minister Aram Vardanyan of Armenia and President Elnur Mammadli of "
                 "Azerbaijan met in Doha on Sunday."):
        meet = next(e for e in _draft(text)["events"] if e["plover_type"] == "CONSULT")
        assert meet["participants"]["actor"] == ["aram-vardanyan", "elnur-mammadli"]


def test_the_closure_of_a_crossing_announced_by_someone_is_their_act():
    d = _draft("The closure of the Ceuta crossing was announced by Moroccan authorities on "
               "March 3.")
    assert "COERCE" in [e["plover_type"] for e in d["events"]]


def test_the_sayer_goes_on_after_what_was_said_with_the_day_of_the_saying():
    d = _draft("Kabul said on Monday the closure would hurt traders and demanded that the "
               "crossing be reopened.")
    demand = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert (demand["participants"]["actor"], demand["date"]) == (["afghanistan"],
                                                                 "2026-03-16")
    (said,) = d["statements"]
    assert "demanded" not in said["text"]


def test_a_states_ships_blocking_are_its_blockade_not_dissent():
    d = _draft("Manila said Chinese ships had blocked the supply boat.")
    block = next(e for e in d["events"] if e["plover_type"] == "COERCE")
    assert block["cameo_code"] == "191"


def test_what_a_demand_asks_in_a_that_clause_is_not_an_act():
    d = _draft("Kabul demanded that the Torkham crossing be reopened.")
    assert [e["plover_type"] for e in d["events"]] == ["REQUEST"]


def test_a_calls_purpose_is_not_a_second_meeting():
    d = _draft("Chile's president, Ana Rojas, and Peru's president, Luis Vega, held a phone "
               "call on Monday to discuss the floods.")
    assert [e["plover_type"] for e in d["events"]] == ["CONSULT"]


def test_a_meeting_agreed_to_is_planned_in_its_month_and_the_agreement_not_dated_by_it():
    d = _draft("Laos and Vietnam agreed to hold a meeting in June.")
    kinds = {e["plover_type"]: (e["status"], e.get("date")) for e in d["events"]}
    assert kinds["CONSULT"] == ("planned", "2026-06")
    assert kinds["AGREE"] == ("occurred", None)


def test_the_two_governments_are_the_storys_pair_not_a_state_named_in_passing():
    d = _draft("Vietnam and Laos held talks on Monday. Vietnam will send rice to Laos, and "
               "Laos thanked Vietnam. Cambodia, which shares the river, has not commented. "
               "The two governments pledged to share data.")
    pledge = next(e for e in d["events"] if e["plover_type"] == "AGREE")
    assert sorted(pledge["participants"]["actor"]) == ["laos", "vietnam"]


def test_what_should_be_done_is_proposed_and_an_early_warning_is_no_threat():
    d = _draft("Long said the two countries should build early warning systems together.")
    assert "THREATEN" not in [e["plover_type"] for e in d["events"]]


@pytest.mark.parametrize("sentence, code", [
    ("Ivory Coast's seizure of the trawler was condemned by Ghana.", "171"),
    ("A ban on Ghanaian fishing boats was imposed by Abidjan in March.", "163"),
    ("Sanctions on Belarus were lifted on (Mar 5), the ministry said.", "085"),
    ("Ghana's ambassador was summoned on Thursday.", "114"),
])
def test_acts_told_as_nouns_or_from_what_undergoes_them(sentence, code):
    assert code in [e["cameo_code"] for e in _draft(sentence)["events"]]


def test_the_two_defence_ministers_are_the_pair_named_before():
    d = _draft("Defence Minister Kofi Mensah of Ghana met Defence Minister Aya Kone of "
               "Ivory Coast on Monday. An agreement on patrols was signed by the two "
               "defence ministers.")
    sign = next(e for e in d["events"] if e["plover_type"] == "SUPPORT")
    assert sorted(sign["participants"]["actor"]) == ["aya-kone", "kofi-mensah"]


def test_a_family_name_written_first_goes_on_alone():
    d = _draft("Vice Foreign Minister Kang Min-seo met the Japanese envoy on Monday. Kang "
               "urged Tokyo to return the boats.")
    urge = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert urge["participants"]["actor"] == ["kang-min-seo"]


def test_every_is_no_actor_and_a_border_meeting_is_no_meeting():
    d = _draft("Every visit by an Omani general is seen as a provocation. Laos, whose border "
               "meets both countries, has not commented.")
    assert "every" not in [a["id"] for a in d["actors"]]
    assert "CONSULT" not in [e["plover_type"] for e in d["events"][1:]]


def test_the_two_leaders_are_the_leaders_and_a_saying_makes_would_planned():
    d = _draft("Prime Minister Sok Dara spoke to Prime Minister Anan Chai on Thursday, "
               "spokeswoman Mali Srisuk said. Spokesman Kong Vireak said Cambodia wants calm. "
               "Both readouts said the two leaders would meet next month.")
    meet = [e for e in d["events"] if e["plover_type"] == "CONSULT"][-1]
    assert sorted(meet["participants"]["actor"]) == ["anan-chai", "sok-dara"]
    assert meet["status"] == "planned"


def test_a_leader_and_his_counterpart_act_together():
    d = _draft("Thai Prime Minister Anan Chai and his Cambodian counterpart, Sok Dara, spoke "
               "by telephone on Thursday.")
    call = next(e for e in d["events"] if e["plover_type"] == "CONSULT")
    assert call["participants"]["actor"] == ["anan-chai", "sok-dara"]


def test_since_dates_neither_a_past_demand_nor_a_call_after_an_older_blast():
    d = _draft("Kabul on Wednesday demanded the release of lorries impounded since October.",
               published="2026-11-12")
    demand = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert demand["date"] == "2026-11-11"
    d = _draft("Prime Minister Anan Chai and Prime Minister Sok Dara held a phone call on "
               "Thursday for the first time since a mine blast on January 12.",
               published="2027-01-22")
    call = next(e for e in d["events"] if e["plover_type"] == "CONSULT")
    assert call["date"] == "2027-01-21"


def test_closed_to_all_cargo_on_monday_is_closed_on_monday():
    d = _draft("Pakistan closed the Torkham crossing to all cargo on Monday.",
               published="2026-11-12")
    close = next(e for e in d["events"] if e["plover_type"] == "COERCE")
    assert close["date"] == "2026-11-09"


def test_nouns_in_the_passive_take_their_agent_and_what_is_asked_is_no_act():
    d = _draft("The closure of the Tarajal crossing, which was announced by Moroccan "
               "authorities on March 6, angered Madrid.", published="2027-03-10")
    close = next(e for e in d["events"] if e["plover_type"] == "COERCE")
    assert close["participants"]["actor"] != [] and "unnamed" not in \
        close["participants"]["actor"][0]
    d = _draft("The release of the fishermen was demanded by Spain on Tuesday.")
    assert "RETREAT" not in [e["plover_type"] for e in d["events"]]
    d = _draft("The suspension of joint patrols was announced by Morocco last week.")
    assert [e["plover_type"] for e in d["events"]] == ["SANCTION"]


def test_ruling_out_is_rejecting_and_a_wound_in_passing_is_no_second_attack():
    assert "REJECT" in [e["plover_type"] for e in _draft(
        "The government in Madrid ruled out paying the fine.")["events"]]
    d = _draft("Tajik troops fired mortar rounds at a Kyrgyz post on Friday, wounding two "
               "guards.")
    assert [e["plover_type"] for e in d["events"]] == ["ASSAULT"]


def test_a_dateline_day_dates_no_event():
    d = _draft("SUVA, Sept 12 - Fiji's Prime Minister Josefa Vaka on Friday signed the "
               "accord.", published="2026-09-12")
    sign = next(e for e in d["events"] if e["plover_type"] == "SUPPORT")
    assert sign["date"] == "2026-09-11"


def test_a_capitalised_word_of_a_name_is_no_act():
    assert _draft("The Suva Accord sets up a joint fund.")["events"] == []


def test_aid_said_to_come_is_an_intent_and_a_day_may_split_a_phrase():
    d = _draft("The Asian Development Bank said it would lend a further $240 million.")
    assert [(e["plover_type"], e["cameo_code"]) for e in d["events"]] == [("AGREE", "0331")]
    d = _draft("UNICEF appealed on Thursday for $35 million for Tuvalu.")
    assert [e["plover_type"] for e in d["events"]] == ["REQUEST"]


def test_an_agreement_to_reopen_drafts_the_reopening_as_planned():
    d = _draft("Benin and Niger agreed on Monday to reopen their border next week.")
    kinds = {e["plover_type"]: e["status"] for e in d["events"]}
    assert kinds == {"AGREE": "occurred", "RETREAT": "planned"}


def test_walking_out_is_a_boycott():
    d = _draft("Kiribati's delegation walked out of the closing session on Friday.")
    assert [e["cameo_code"] for e in d["events"]] == ["143"]


def test_a_landmine_wounding_is_an_attack_by_someone_unnamed_not_by_the_callers():
    d = _draft("Prime Minister Anan Chai and Prime Minister Sok Dara spoke by phone on "
               "Thursday for the first time since a landmine wounded three soldiers on "
               "January 12.")
    blast = next(e for e in d["events"] if e["plover_type"] == "ASSAULT")
    assert "anan-chai" not in blast["participants"]["actor"]


def test_declining_to_comment_is_no_act_and_soldiers_sent_to_guard_are_deployed():
    assert _draft("Saima Qureshi declined to comment.")["events"] == []
    d = _draft("Chad sent 400 soldiers to guard the river crossings.")
    assert [e["plover_type"] for e in d["events"]] == ["MOBILIZE"]
