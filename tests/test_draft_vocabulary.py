"""Issue 21, session 26: news words for acts the trigger table lacked, and readings that
kept acts from being drafted, on fictional sentences."""

import datetime as dt

import pytest

from briefing.draft import draft

PUBLISHED = "2027-06-21"   # a Monday


def _events(text: str) -> list[dict]:
    return draft(text, published=PUBLISHED, known=None, today=dt.date(2028, 1, 1))["events"]


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e["plover_type"], e["cameo_code"]) for e in _events(text)]


@pytest.mark.parametrize("text, plover_type, cameo", [
    ("Estonian police impounded 12 Latvian lorries at Valga over unpaid tolls.",
     "COERCE", "171"),
    ("Estonia introduced a transit levy on Latvian lorries in 2024.", "COERCE", "163"),
    ("Latvia doubled the transit fees on Estonian lorries.", "COERCE", "163"),
    ("Lithuania has barred Latvian trawlers from its ports.", "COERCE", "172"),
    ("Latvia closed the Daugava to Lithuanian barges.", "COERCE", "191"),
    ("Estonia revoked the licences of two Latvian hauliers.", "COERCE", "172"),
    ("Latvia is holding the crew of an Estonian trawler in Liepaja.", "COERCE", "173"),
    ("Finland scrambled fighter jets after a Latvian aircraft violated its airspace.",
     "MOBILIZE", "150"),
    ("Latvia's foreign ministry called the decision \"regrettable and unnecessary\".",
     "ACCUSE", "111"),
    ("Estonia branded the blockade a provocation.", "ACCUSE", "111"),
    ("Latvia lashed out at Estonia over the levy.", "ACCUSE", "111"),
    ("Estonia expressed disappointment at Latvia's decision.", "ACCUSE", "110"),
    ("Latvia brushed aside Estonia's protest.", "REJECT", "120"),
    ("Estonia repudiated the 2019 fisheries accord with Latvia.", "REJECT", "120"),
    ("Latvia's president said Latvia would look at every option.", "THREATEN", "130"),
    ("Estonia implored Latvia to reopen the crossing.", "REQUEST", "020"),
    ("Latvia sought the extradition of a businessman from Estonia.", "REQUEST", "100"),
    ("Estonia's foreign minister, Kadri Saar, is due in Riga on Wednesday for talks.",
     "CONSULT", "042"),
    ("Estonia and Latvia concluded an agreement on shared border posts in 2019.",
     "SUPPORT", "057"),
    ("Latvia recalled its high commissioner from Estonia.", "SANCTION", "161"),
    ("Latvia pulled out of the fisheries agreement with Estonia.", "SANCTION", "160"),
    ("Lithuania withheld aid to Latvia.", "SANCTION", "162"),
    ("Estonia will ship 300 tonnes of grain to Latvia.", "AGREE", "033"),   # aid promised
    ("Latvia voiced deep concern over the troop build-up.", "ACCUSE", "110"),
    ("Latvia took Estonia to task over the fishing quotas.", "ACCUSE", "111"),
    ("Latvia shrugged off the threat of sanctions.", "REJECT", "120"),
    # (a deadline is a demand; with what follows if it is missed, a threat)
    ("Latvia gave Estonia until Friday to release the crew.", "REQUEST", "100"),
    ("Latvia gave Estonia until Friday to release the crew, or it would close the border.",
     "THREATEN", "130"),
    ("Latvia sought assurances from Estonia on the pipeline.", "REQUEST", "100"),
    ("Latvia's president received the Estonian ambassador.", "CONSULT", "043"),
    ("Latvia cut off electricity to the enclave.", "COERCE", "163"),
    ("Latvian artillery pounded Estonian positions overnight.", "ASSAULT", "194"),
    ("Latvia voted in favour of the resolution.", "SUPPORT", "051"),
    ("Latvia's threat to cut gas supplies alarmed Estonian officials.", "THREATEN", "130"),
    ("Sanctions on Estonian banks were announced by Latvia on Friday.", "COERCE", "163"),
    ("Latvia said it would not recognise the election result.", "REJECT", "120"),
    ("Latvia said it would cut gas supplies to Estonia if the blockade continued.",
     "THREATEN", "137"),
    ("Latvia granted Estonia a $200 million credit line.", "AID", "071"),
    ("Latvia sent a team of doctors to help Estonia fight the outbreak.", "AID", "073"),
    ("Latvia pulled its warships out of the disputed waters.", "RETREAT", "0874"),
    ("Latvia lifted the curfew in the border town.", "RETREAT", "0813"),
    ("Latvia allowed UN inspectors to visit the plant.", "RETREAT", "0862"),
    ("Latvia expressed regret over Estonia's decision.", "ACCUSE", "110"),
    ("Latvia sent fighter jets to patrol the border.", "MOBILIZE", "154"),
    ("Latvia imposed a visa regime on Estonian citizens.", "COERCE", "172"),
    ("Latvia said Estonia's actions were a flagrant violation of the treaty.", "ACCUSE",
     "112"),
    ("Latvia held Estonia responsible for the attack.", "ACCUSE", "112"),
    ("Latvia lobbied the United States to impose sanctions on Estonia.", "REQUEST", "020"),
    ("Estonian police cracked down on protesters.", "COERCE", "172"),
    ("Latvia bowed to international pressure and freed the crew.", "CONCEDE", "080"),
    ("Latvia's president sat down with Estonia's prime minister in Oslo.", "CONSULT", "040"),
    ("A Latvian warship sank an Estonian fishing boat.", "ASSAULT", "190"),
])
def test_a_news_word_names_its_act(text, plover_type, cameo):
    assert (plover_type, cameo) in _codes(text)


def test_a_verb_after_a_relative_clause_and_an_auxiliary_is_the_first_subjects():
    events = _events("Lithuania, which chairs the regional council, has offered to host a "
                     "summit of the three presidents in Vilnius next month.")
    offer = next(e for e in events if e["plover_type"] == "AGREE")
    assert offer["participants"]["actor"] == ["lithuania"]


def test_going_to_court_if_a_demand_is_not_met_is_a_threat():
    threat = _events("Estonia's foreign minister said Estonia would take the dispute to the "
                     "International Court of Justice if the barges were not released.")
    assert [(e["plover_type"], e["status"]) for e in threat] == [("THREATEN", "occurred")]
    past = _events("Estonia took Latvia to court in 2019.")
    assert [e["plover_type"] for e in past] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Latvia urged both governments to step back from the border.",
    "Estonia said it would not go back on its word.",
])
def test_back_after_a_verb_of_motion_is_no_support(text):
    assert "SUPPORT" not in [e["plover_type"] for e in _events(text)]
    assert "SUPPORT" in [e["plover_type"] for e in _events("Latvia backed Estonia's bid.")]


def test_insisting_that_something_is_so_is_no_demand():
    assert "REQUEST" not in [e["plover_type"] for e in _events(
        "Latvia's president insisted that Latvia still regarded Estonia as a friend.")]
    assert "REQUEST" in [e["plover_type"] for e in _events(
        "Latvia's president insisted that Estonia must release the crew.")]


@pytest.mark.parametrize("text", [
    "A ruling is due in March, Latvia's foreign ministry said.",
    "Sources close to the Latvian government said no decision had been taken.",
    "Latvian jails hold 40 Estonians, Estonia's foreign ministry said.",
])
def test_words_that_name_no_act_here(text):
    assert not [e for e in _events(text) if e["plover_type"] in ("CONSULT", "COERCE")]


def test_a_participle_after_a_letter_is_the_writers_act():
    events = _events("Latvia's foreign minister, Ilze Berzina, said she had written to her "
                     "Estonian counterpart, Mart Kask, on June 2, asking for the crew's release "
                     "and proposing joint patrols.")
    assert [(e["plover_type"], e["participants"]["actor"]) for e in events] == [
        ("REQUEST", ["ilze-berzina"]), ("AGREE", ["ilze-berzina"])]   # no release drafted


def test_a_request_refused_is_still_the_requesters():
    events = _events("Latvia refused Estonia's request to extradite a former minister.")
    assert "REQUEST" in [e["plover_type"] for e in events]


def test_the_two_countries_are_the_storys_pair_not_a_state_named_twice_in_passing():
    events = _events(
        "Estonia accused Latvia of blocking the river on Monday. Latvia rejected the "
        "charge. Latvia said its boats would stay. Estonia urged Latvia to withdraw them. "
        "Estonia's president called the patrols a provocation. Estonia recalled its "
        "ambassador, and Estonia's prime minister cancelled a visit. "
        "Finland and Sweden abstained in the vote, and Finland's envoy spoke of patience. "
        "Latvia refused to attend. The two countries last held talks in 2025.")
    talks = next(e for e in events if "held talks" in e["summary"])
    assert sorted(talks["participants"]["actor"]) == ["estonia", "latvia"]


def test_the_day_of_a_saying_goes_on_to_the_speakers_next_act():
    events = _events("Latvian troops were seen near the border on Wednesday. In Riga, the "
                     "president's spokesman, Juris Ozols, said on Friday that Latvia does not "
                     "bow to pressure. He accused Estonian crews of years of poaching.")
    accusation = next(e for e in events if e["plover_type"] == "ACCUSE")
    assert accusation["date"] == "2027-06-18"   # the Friday before Monday 21 June


@pytest.mark.parametrize("text", [
    "Talks in Tallinn between the transport ministers of Estonia and Latvia collapsed.",
    "Estonia and Latvia have quarrelled for years. Talks in Tallinn between the two "
    "transport ministers collapsed.",
])
def test_talks_between_ministers_are_their_states_talks(text):
    talks = next(e for e in _events(text) if e["plover_type"] == "CONSULT")
    assert sorted(talks["participants"]["actor"]) == ["estonia", "latvia"]


def test_a_document_named_before_speaks_for_those_who_issued_it():
    events = _events("Estonia and Latvia issued a joint statement on Monday. The statement "
                     "called on Russia to reopen the border.")
    call = next(e for e in events if e["plover_type"] == "REQUEST")
    assert (sorted(call["participants"]["actor"]), call["participants"]["recipient"]) == (
        ["estonia", "latvia"], ["russia"])
    assert not [e for e in _events("Estonia and Latvia met on Monday. The statement called "
                                   "on Russia to reopen the border.")
                if e["plover_type"] == "REQUEST"]


@pytest.mark.parametrize("text, plover_type, actor, recipient", [
    ("The transit levy was doubled in January.", "COERCE", None, None),
    ("Two Estonian barges were boarded by Latvian border guards on May 4.", "COERCE",
     "latvia", "estonia"),
    ("The Latvian ambassador in Tallinn was summoned by Estonia's foreign ministry.",
     "ACCUSE", "foreign-ministry-of-estonia", "latvia"),
])
def test_a_hostile_act_told_in_the_passive(text, plover_type, actor, recipient):
    event = next(e for e in _events(text) if e["plover_type"] == plover_type)
    if actor is None:   # no one named: drafted for the analyst to name
        assert event["participants"]["actor"][0].startswith("unnamed-")
    else:
        assert event["participants"]["actor"] == [actor]
        assert event["participants"].get("recipient") == [recipient]
        assert event["summary"].startswith(text.split(" was ")[0].split(" were ")[0])


def test_an_agreement_signed_in_the_passive_keeps_its_parties():
    events = _events("Estonia and Latvia met in Riga on Monday. The water agreement was "
                     "signed by the two ministers.")
    assert "SUPPORT" in [e["plover_type"] for e in events]


@pytest.mark.parametrize("phrase, start", [
    ("in January last year", "2026-01"),
    ("in March next year", "2028-03"),
    ("last March", "2027-03"),   # the last March before June
    ("last July", "2026-07"),
])
def test_a_month_counted_from_the_year_of_publication(phrase, start):
    from briefing.draft.dates import resolve
    found = resolve(phrase, dt.date(2027, 6, 21))
    assert found.start.isoformat()[:7] == start
    assert (found.end - found.start).days >= 27   # the whole month


def test_a_dateline_city_is_no_actor_and_a_summons_protest_is_its_purpose():
    text = ("Latvia summons Estonian envoy\n\nRIGA, March 12 (Baltic Wire) - Latvia summoned "
            "Estonia's ambassador on Wednesday to protest against the closure of a shared "
            "canal, the latest turn in a dispute that has left farmers without water.\n")
    events = _events(text)
    summons = events[0]
    assert summons["summary"] == "Latvia summoned Estonia"
    assert "PROTEST" not in [e["plover_type"] for e in events]
    assert "COERCE" in [e["plover_type"] for e in events]   # the closure


def test_what_a_note_or_a_speaker_goes_on_to_ask_is_the_senders():
    events = _events("The Latvian foreign ministry said it had handed the ambassador, Mart "
                     "Kask, a note demanding that the gates be reopened.")
    demand = next(e for e in events if e["plover_type"] == "REQUEST")
    assert demand["participants"]["actor"] == ["foreign-ministry-of-latvia"]
    events = _events("Berzina warned that the shortage threatened the harvest and proposed "
                     "a joint commission.")
    offer = next(e for e in events if e["plover_type"] == "AGREE")
    assert offer["participants"]["actor"] == ["berzina"]


def test_halting_deliveries_if_gates_stay_closed_is_a_threat():
    events = _events("A senior Latvian official said Riga was considering halting gas "
                     "deliveries to Estonia if the gates stayed closed past March 20.")
    assert [e["plover_type"] for e in events] == ["THREATEN"]


def test_talks_with_no_parties_named_are_those_who_last_acted_together():
    events = _events("Estonia and Latvia signed a water agreement in 2019. Talks on its "
                     "renewal ended without a deal.")
    talks = next(e for e in events if e["plover_type"] == "CONSULT")
    assert sorted(talks["participants"]["actor"]) == ["estonia", "latvia"]


def test_a_crowd_from_a_region_protests_and_a_news_conference_is_no_meeting():
    events = _events("Farmers in the Valga region staged a protest on Monday.")
    assert [e["plover_type"] for e in events] == ["PROTEST"]
    assert not [e for e in _events("Latvia's foreign minister told a news conference "
                                   "that talks would resume.") if e["summary"].endswith(
                                       "conference")]


def test_an_act_a_day_after_another_is_dated_the_day_before_it():
    events = _events("Latvia recalled its ambassador on Friday, a day after an Estonian "
                     "soldier was shot dead near the border.")
    assert [(e["plover_type"], e["date"]) for e in events] == [
        ("SANCTION", "2027-06-18"), ("ASSAULT", "2027-06-17")]


def test_a_verdict_called_hasty_far_from_its_verb_is_criticism_not_a_call_on():
    events = _events("Estonia's defence ministry called Latvia's decision to recall its envoy "
                     "\"hasty and regrettable\".")
    assert [e["plover_type"] for e in events] == ["ACCUSE"]
    events = _events("Latvia called on Estonia to stop the dangerous drills.")
    assert [e["plover_type"] for e in events][0] == "REQUEST"
    events = _events("The drills were described by the Latvian defence ministry as \"a "
                     "serious threat to regional security\".")
    assert "ACCUSE" in [e["plover_type"] for e in events]


def test_an_act_on_a_condition_to_come_is_no_act_and_an_expectation_is_a_demand():
    events = _events("Latvia's foreign minister is expected to meet Estonia's foreign "
                     "minister, Mart Kask, next week if Estonia accepts the Finnish offer.")
    assert [e["plover_type"] for e in events] == ["CONSULT"]
    events = _events("Latvia expects Estonia to hand over those responsible.")
    assert [(e["plover_type"], e["participants"].get("recipient")) for e in events] == [
        ("REQUEST", ["estonia"])]


def test_a_minister_with_no_state_in_a_story_filed_from_a_capital_is_that_states():
    draft_ = draft("Latvia recalls envoy\n\nRIGA - Foreign Minister Ilze Berzina said on "
                   "Friday that Latvia had recalled its ambassador from Tallinn after the "
                   "shooting of a Latvian border guard near Valga.\n",
                   published=PUBLISHED, known=None, today=dt.date(2028, 1, 1))
    person = next(a for a in draft_["actors"] if a["id"] == "ilze-berzina")
    assert (person.get("parent"), person.get("role")) == ("latvia", "Foreign Minister, Latvia")


def test_a_letter_demanding_and_an_offer_dated_by_its_saying():
    events = _events("Latvia's trade minister, Ilze Berzina, wrote to her Estonian "
                     "counterpart on Monday demanding the release of the vehicles.")
    demand = next(e for e in events if e["plover_type"] == "REQUEST")
    assert (demand["participants"]["actor"], demand["date"]) == (["ilze-berzina"],
                                                                 "2027-06-21")
    offer = _events("Finland offered to mediate, a spokeswoman said on Friday.")[0]
    assert (offer["plover_type"], offer["date"]) == ("AGREE", "2027-06-18")


def test_what_officials_may_not_discuss_is_no_meeting_and_preparing_looks_ahead():
    assert not _events("Two officials spoke on condition of anonymity because they were not "
                       "authorised to discuss the matter.")
    events = _events("Estonia and Latvia met in May. The two countries prepare to host a "
                     "border conference in Riga on July 20.")
    conference = events[-1]
    assert (conference["status"], conference["date"]) == ("planned", "2027-07-20")


def test_a_call_between_titled_ministers_and_a_verb_joined_to_the_one_before():
    events = _events("Estonia and Latvia agreed on Friday to set up a hotline after a video "
                     "call between Estonian Foreign Minister Mart Kask and Latvian Foreign "
                     "Minister Ilze Berzina.")
    call = next(e for e in events if e["plover_type"] == "CONSULT")
    assert call["participants"]["actor"] == ["mart-kask", "ilze-berzina"]
    events = _events("Estonia and Latvia met in May. Russia criticised both countries on "
                     "Friday for provocative actions and urged them to respect the treaty.")
    appeal = next(e for e in events if e["plover_type"] == "REQUEST")
    assert appeal["participants"]["actor"] == ["russia"]


def test_what_was_not_said_is_no_act_but_a_long_standing_demand_is():
    assert not _events("The spokeswoman did not say whether Estonia recognised the Latvian "
                       "claim to the island.")
    events = _events("Asked whether the ban was linked to Riga's long-standing demand that "
                     "Tallinn act against smugglers, the spokeswoman declined to comment.")
    assert [e["plover_type"] for e in events] == ["REQUEST"]


def test_days_later_count_from_the_day_a_sentence_before_gave():
    events = _events("The standoff began on June 2, when a Latvian fleet anchored near the "
                     "island. Estonia deployed three patrol boats to the area two days later "
                     "and demanded that the boats leave.")
    assert [(e["plover_type"], e["date"]) for e in events] == [
        ("MOBILIZE", "2027-06-04"), ("REQUEST", "2027-06-04")]


def test_an_appositive_is_no_subject_and_a_venue_is_no_party():
    events = _events("Estonia and Latvia traded blame on Monday. Finland, the largest buyer "
                     "of gas from both countries, called for an immediate ceasefire.")
    assert [(e["plover_type"], e["participants"]["actor"]) for e in events] == [
        ("ACCUSE", ["estonia", "latvia"]), ("REQUEST", ["finland"])]
    events = _events("Estonia and Latvia traded blame on Monday. The Nordic Council is due "
                     "to meet in Oslo on Thursday. Its chairperson, Ana Lund, urged both "
                     "governments to exercise restraint.")
    appeal = next(e for e in events if e["plover_type"] == "REQUEST")
    assert appeal["participants"]["actor"] == ["ana-lund"]
    assert sorted(appeal["participants"]["recipient"]) == ["estonia", "latvia"]


def test_a_claim_as_a_noun_is_no_saying_and_a_proposal_is_not_dated_by_its_object():
    events = _events("Latvia's foreign ministry said on Monday that the \"artificial "
                     "enlargement\" of Estonia's territorial claims was not based on facts and "
                     "urged Tallinn to respect the 2019 understanding.")
    appeal = next(e for e in events if e["plover_type"] == "REQUEST")
    assert appeal["participants"]["actor"] == ["foreign-ministry-of-latvia"]
    offer = _events("Estonia proposed a meeting of foreign secretaries in January.")[0]
    assert (offer["plover_type"], offer.get("date")) == ("AGREE", None)
    assert not _events("Estonia recalled its envoy in May and has not sent him back.")[1:]


def test_being_expected_to_travel_is_a_visit_not_a_demand():
    events = _events("Latvia's foreign minister is expected to travel to Tallinn next week.")
    assert [e["plover_type"] for e in events] == ["CONSULT"]


def test_talks_a_traveller_flew_for_are_the_travellers_and_supplies_resumed_ease():
    events = _events("Latvia's energy minister, Ilze Berzina, flew to Tallinn on Wednesday for "
                     "emergency talks with her Estonian counterpart, Mart Kask. Estonia resumed "
                     "gas deliveries to Latvia on Friday.")
    talks = next(e for e in events if e["plover_type"] == "CONSULT" and "talks" in e["summary"])
    assert talks["participants"]["actor"] == ["ilze-berzina", "mart-kask"]
    assert ("RETREAT", "085") in [(e["plover_type"], e["cameo_code"]) for e in events]
    assert not [e for e in _events("Latvia recalled its ambassador for consultations.")
                if e["plover_type"] == "CONSULT"]


def test_both_sides_are_the_storys_sides_and_a_bound_is_no_date():
    text = ("Estonian and Latvian troops exchanged fire overnight, the Estonian defence "
            "ministry said. The ministry said Latvian units had opened fire with mortars. "
            "Riga's defence ministry accused Tallinn of trying to derail peace talks. "
            "Estonia's prime minister convened his security council and called on Finland "
            "to investigate. Helsinki has not commented. The EU urged both sides to return "
            "to talks. The clashes were the deadliest since September.")
    events = _events(text)
    appeal = next(e for e in events if e["plover_type"] == "REQUEST" and "EU" in
                  e["summary"] or "European" in e["summary"])
    assert sorted(appeal["participants"]["recipient"]) == ["estonia", "latvia"]
    assert not [e for e in events if e.get("date", "").startswith("2026-09")]
    assert not [e for e in events if e["plover_type"] == "CONSULT"]   # no talks, no council


def test_an_order_to_leave_is_dated_and_a_trade_mission_is_no_trade():
    events = _events("Estonia ordered three Latvian diplomats to leave the country within 72 "
                     "hours on Thursday, accusing them of spying for the Latvian trade mission.")
    assert [(e["plover_type"], e.get("date")) for e in events] == [
        ("SANCTION", "2027-06-17"), ("ACCUSE", "2027-06-17")]
    assert ("SUPPORT", "051") in [(e["plover_type"], e["cameo_code"]) for e in _events(
        "NATO said the alliance stood in full solidarity with Estonia.")]


def test_talks_no_one_is_named_in_are_the_storys_two_states():
    events = _events("Estonia is considering leaving the talks with Latvia. Estonia's president "
                     "will meet Finland's president on Sunday. Latvia said it remained "
                     "committed to a deal. The last round of talks, hosted by the Nordic "
                     "Council in Oslo in December, ended without progress. Latvia walked away "
                     "from the final text in 2020.")
    talks = next(e for e in events if e["summary"] == "Talks")
    assert sorted(talks["participants"]["actor"]) == ["estonia", "latvia"]
    assert events[-1]["plover_type"] == "REJECT"


def test_they_after_a_meeting_are_those_who_met_and_since_a_clause_bounds():
    events = _events("The announcement followed a meeting on the bridge between Estonian "
                     "President Mart Kask and Latvian President Ilze Berzina, their first since "
                     "Kask took office in August. They also signed a memorandum on smuggling.")
    meeting, memorandum = events[0], events[1]
    assert meeting.get("date") is None   # August is when Kask took office
    assert memorandum["participants"]["actor"] == ["mart-kask", "ilze-berzina"]
    events = _events("It was their first meeting since Latvia closed the border in October.")
    assert [(e["plover_type"], e["date"]) for e in events] == [("COERCE", "2026-10")]


def test_an_act_first_named_as_a_noun_then_told_in_full_is_one_event():
    events = _events("Latvia summoned Estonia's ambassador on Wednesday to protest against the "
                     "closure of a shared canal. Estonian officials shut the gates on June 2.")
    closures = [e for e in events if e["plover_type"] == "COERCE"]
    assert len(closures) == 1 and closures[0]["date"] == "2027-06-02"
    assert len(closures[0]["evidence"]) == 2


def test_speaking_to_a_leader_is_a_meeting_and_agreed_procedures_are_no_agreement():
    events = _events("The UN chief had spoken to Latvia's prime minister on Sunday. Estonia "
                     "accused the agency of failing to follow agreed procedures.")
    assert [e["plover_type"] for e in events] == ["CONSULT", "ACCUSE"]
    assert not _events("Latvia's prime minister spoke to reporters in Riga.")


def test_what_a_plot_aimed_at_is_no_act_but_an_attempt_by_a_state_is():
    events = _events("Estonia expelled a Latvian diplomat suspected of involvement in a plot to "
                     "kill an exiled journalist.")
    assert [e["plover_type"] for e in events] == ["SANCTION"]
    events = _events("Estonia attempts to restore relations with Latvia.")
    assert [e["plover_type"] for e in events] == ["AGREE"]


def test_his_visit_is_the_visit_told_before_and_troops_moved_back_are_no_support():
    events = _events("When Finland's foreign minister landed in Riga last week, diplomats hoped "
                     "his visit would open a path to talks between Latvia and Estonia. Latvia "
                     "then moved troops back into the headland.")
    visits = [e for e in events if e["cameo_code"] == "042"]
    assert len(visits) == 1 and visits[0]["participants"]["actor"] == ["finland"]
    assert "SUPPORT" not in [e["plover_type"] for e in events]


def test_the_following_day_counts_from_the_day_before():
    events = _events("The row began on March 3, when Norway cut Iceland's fishing quota. "
                     "Iceland protested the following day and demanded that the decision be "
                     "reversed.")
    assert [(e["plover_type"], e.get("date")) for e in events][-2:] == [
        ("ACCUSE", "2027-03-04"), ("REQUEST", "2027-03-04")]


def test_a_second_infinitive_is_still_asked_and_but_keeps_the_speaker():
    events = _events("Estonia's foreign minister urged the military to end air strikes and to "
                     "allow aid into conflict zones. Finland, the army's main supplier, said it "
                     "respected the bloc's decision but opposed isolating Latvia.")
    assert [e["plover_type"] for e in events] == ["REQUEST", "REJECT"]
    assert events[1]["participants"]["actor"] == ["finland"]
    assert ("SANCTION", "160") in [(e["plover_type"], e["cameo_code"]) for e in _events(
        "The bloc will exclude Latvia's military leader from its summit.")]


def test_who_is_asked_after_and_is_not_who_was_condemned():
    events = _events("Riga condemned the expulsions as inhumane and asked Tallinn to give the "
                     "migrants more time.")
    condemned, asked = events[0], events[-1]
    assert condemned["plover_type"] == "ACCUSE" and "recipient" not in condemned["participants"]
    assert asked["participants"]["recipient"] == ["estonia"]


def test_the_minister_and_its_ministry_point_back():
    events = _events("Latvia's foreign minister, Ilze Berzina, spoke on Wednesday. The minister "
                     "offered Estonia 20,000 tonnes of food aid and said she would travel to "
                     "Tallinn next week. Estonia answered within hours. In a statement read on "
                     "television, its foreign ministry rejected the minister's remarks as "
                     "unfounded.")
    assert [(e["plover_type"], e["participants"]["actor"]) for e in events] == [
        ("AGREE", ["ilze-berzina"]), ("CONSULT", ["ilze-berzina"]), ("REJECT", ["estonia"])]


def test_not_easing_is_refusing_and_a_dispute_taken_to_a_bloc_on_a_condition_threatens():
    events = _events("Riga said Latvia would not lift the export restriction until its own "
                     "silos were safe. Tallinn said Estonia would take the dispute to the Nordic "
                     "Council if no solution was found by the end of the month.")
    assert [e["plover_type"] for e in events] == ["REJECT", "THREATEN"]


def test_a_remand_and_trawling_said_of_another():
    events = _events("The Latvian navy seized three Estonian trawlers on Tuesday, saying the "
                     "boats had been caught bottom-trawling inside Latvian waters. A magistrate "
                     "in Liepaja remanded 13 of the fishermen in custody.")
    assert [e["plover_type"] for e in events] == ["COERCE", "ACCUSE", "COERCE"]
