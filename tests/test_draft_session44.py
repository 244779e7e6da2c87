"""Issue 21, session 44: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

import pytest

from tests.lead import acts, after_lead, drafted


def _people(got: dict, key: str = "id") -> dict[str, dict]:
    """The drafted people of a draft, by `key`."""
    return {a[key]: a for a in got["actors"] if a["kind"] == "person"}


def test_a_participle_s_agents_after_a_place_and_a_day_are_all_its_signatories():
    got = acts("That is the plan in an accord signed in Lusaka on Monday by Zambia, Malawi "
               "and the UN refugee agency, UNHCR.")
    assert ("SUPPORT", ["zambia", "malawi", "unhcr"]) in got, got


def test_a_body_named_after_a_lake_is_no_state_and_its_described_kind_is_not_the_subject():
    got = acts("The Lake Chad Fishers Observatory, a Nigerian monitoring group, accused "
               "Cameroonian soldiers of seizing boats.")
    assert got == [("ACCUSE", ["lake-chad-fishers-observatory"])], got


def test_people_described_with_a_body_s_post_or_a_lowercase_ministry_are_people():
    got = drafted("Camp deal\n\n\"Nobody will be forced,\" Ines Korhonen, UNHCR's "
                  "representative in Malawi, said. She appealed to donors for $20 million.\n\n"
                  "Malawi's minister of home affairs, Chikondi Banda Phiri, thanked UNHCR for "
                  "its support.\n")
    people = _people(got, "name")
    assert {"Ines Korhonen", "Chikondi Banda Phiri"} <= set(people), people
    assert people["Chikondi Banda Phiri"]["country"] == "MWI", people
    doers = {e["plover_type"]: e["participants"]["actor"] for e in got["events"]}
    assert doers.get("REQUEST") == ["ines-korhonen"], got["events"]
    assert doers.get("SUPPORT") == ["chikondi-banda-phiri"], got["events"]


@pytest.mark.parametrize(("sentence", "kind", "code"), [
    ("Latvia's transport minister, Ilze Berzina, stayed away from the ceremony.", "PROTEST", "143"),
    ("Mayor Ana Ruiz walked over and shook Berzina's hand.", "CONSULT", "040"),
    ("A Lithuanian patrol fired warning shots near the border post.", "MOBILIZE", "150"),
    ("Estonia accepted the court's ruling at the time.", "CONCEDE", "080"),
    ("Riga said it expected a clear apology from Vilnius.", "REQUEST", "100"),
])
def test_boycotts_handshakes_warning_shots_and_accepted_rulings(sentence, kind, code):
    got = [(e["plover_type"], e["cameo_code"]) for e in after_lead(sentence)]
    assert (kind, code) in got, got


def test_shaking_the_hand_of_a_figure_of_speech_is_no_meeting():
    got = after_lead('She said the president had "shaken the hand that insulted Riga".')
    assert not [e for e in got if e["plover_type"] == "CONSULT"], got


def test_a_column_s_closing_line_gives_its_writer_s_post_and_then_before_a_post():
    got = drafted("OPINION | The lake deserves better\n\nBy Tamar Ostrovsky\n\nIn May 2027 I sat "
                  "across a table in Narva from Ivo Saar, then Estonia's vice-minister for "
                  "foreign affairs, and heard him out.\n\nTamar Ostrovsky was Latvia's "
                  "ambassador to Estonia from 2025 to 2029.\n")
    people = _people(got)
    assert {"tamar-ostrovsky", "ivo-saar"} <= set(people), people
    met = [e for e in got["events"] if e["plover_type"] == "CONSULT"]
    assert met and met[0]["participants"]["actor"] == ["tamar-ostrovsky", "ivo-saar"], met


def test_an_execution_is_a_killing_and_executing_a_plan_is_no_act():
    got = [(e["plover_type"], e["cameo_code"]) for e in after_lead(
        "Qatar executed a Nepali driver on Monday. The ministry executed its plan on Thursday.")]
    assert got == [("ASSAULT", "1823")], got


def test_a_date_in_a_that_clause_with_its_own_subject_is_not_the_verb_s():
    got = [(e["plover_type"], e["date"]) for e in after_lead(
        "Governor Ana Ruiz late on Thursday turned down a plea that Peru had filed on May 9.")]
    assert ("REJECT", "2031-06-05") in got, got


_SUMMONED = ("Survey row\n\nSUVA - Fiji accused New Zealand on Monday of spying. Vakaloloma "
             "demanded the sonar records on Wednesday, and the following day the foreign "
             "ministry summoned New Zealand's envoy.\n\nIn Wellington, the foreign ministry "
             "summoned Fiji's envoy on Friday.\n")


def test_a_lowercase_ministry_is_the_dateline_s_or_the_opening_place_s_and_the_next_day_counts():
    got = [(e["participants"]["actor"], e["date"]) for e in drafted(_SUMMONED)["events"]
           if e["cameo_code"] == "114"]
    assert got == [(["foreign-ministry-of-fiji"], "2031-06-05"),
                   (["foreign-ministry-of-new-zealand"], "2031-06-06")], got


def test_they_after_a_list_s_ordinal_are_the_group_that_acted_last():
    got = acts("The ministers of Latvia and Lithuania signed a declaration.\n\nFirst, they "
               "urged the Commission to act.\n\nSecond, they agreed to meet again in Riga.")
    assert ("REQUEST", ["latvia", "lithuania"]) in got, got
    assert ("CONSULT", ["latvia", "lithuania"]) in got, got


def test_a_state_s_named_person_who_acts_next_is_a_person():
    got = drafted("Talks\n\nGermany's Katrin Albers-Lenz announced new aid for Moldova. The host, "
                  "Poland's Tomasz Wierzbicki, was blunt. Romania's Black Sea ports reopened.\n")
    people = {k: a["country"] for k, a in _people(got).items()}
    assert people == {"katrin-albers-lenz": "DEU", "tomasz-wierzbicki": "POL"}, people


@pytest.mark.parametrize(("sentence", "kind", "day"), [
    # a past verb after its noun: the words before it do not make it look ahead
    ("Senators are due to vote on the treaty Latvia signed with Estonia in March.", "SUPPORT",
     "2031-03"),
    # nor a relative clause's plan before the verb
    ("Lithuania, which had planned to send observers, urged both governments on Thursday to "
     "talk.", "REQUEST", "2031-06-05"),
])
def test_a_past_verb_looks_from_itself(sentence, kind, day):
    got = [(e["plover_type"], e["date"]) for e in after_lead(sentence)]
    assert (kind, day) in got, got


def test_a_date_of_the_treaty_a_vote_is_on_is_not_the_vote_s():
    got = [e for e in after_lead("Latvia's senators are due to vote on ratifying the treaty Latvia "
                                 "signed with Estonia in March.") if "vote" in e["evidence"][0]]
    assert got and got[0].get("date") is None, got


def test_a_petition_or_an_application_filed_in_court_is_legal_action_by_a_named_forum():
    got = acts("The Kasungu Legal Forum filed an urgent application in the High Court to stop "
               "the visit. Ana Banda filed a petition with the Constitutional Court.")
    assert ("ACCUSE", ["kasungu-legal-forum"]) in got, got
    assert ("ACCUSE", ["ana-banda"]) in got, got


_COUNCIL = ("Council takes up fisheries row\n\nWASHINGTON, June 7 (OAS Press Office) - "
            "Introducing the text, the representative of Jamaica said his Government had "
            "received no notification. He called on Haiti to release the men.\n\nThe "
            "representative of Haiti rejected what he described as a distorted account.\n")


def test_he_is_the_state_whose_representative_spoke_in_a_meetings_summary():
    got = [(e["plover_type"], e["participants"]["actor"], e["participants"].get("recipient"))
           for e in drafted(_COUNCIL)["events"]]
    assert ("REQUEST", ["jamaica"], ["haiti"]) in got, got
    assert ("REJECT", ["haiti"], None) in got, got


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Estonia's ambassador, Kadri Ots, will deliver a final appeal to the governor.", "REQUEST"),
    ("Latvia's envoy, Ilze Berzina, shuttled between the two delegations.", "CONSULT"),
    ("Lithuania's president received Poland's new foreign minister on Thursday.", "CONSULT"),
])
def test_appeals_delivered_shuttles_and_receiving_a_minister(sentence, kind):
    got = [e["plover_type"] for e in after_lead(sentence)]
    assert kind in got, got


def test_a_rank_s_abbreviation_before_a_name_is_not_the_name():
    got = drafted("Pullback row\n\nUganda's army spokesman, Brig. Felix Okello, told reporters "
                  "that patrols had seen soldiers. He called on Nairobi to let a team visit.\n")
    assert list(_people(got)) == ["felix-okello"], got


def test_bodies_of_the_un_family_and_regional_blocs_and_a_ban_on_flying_is_no_visit():
    got = acts("The ICAO urged both governments to keep humanitarian flights running. Qatar "
               "banned its carriers from flying to Manama. The Andean Community offered talks.")
    assert ("REQUEST", ["icao"]) in got and ("AGREE", ["andean-community"]) in got, got
    assert not [a for a in got if a[0] == "CONSULT"], got


def test_blocking_an_accession_chapter_is_a_veto_not_a_blockade():
    got = [(e["plover_type"], e["cameo_code"]) for e in after_lead(
        "Greece blocked the opening of Albania's next chapter on Thursday.")]
    assert got[0] == ("REJECT", "129"), got


def test_a_verb_joined_by_and_to_the_verb_before_it_shares_its_subject_not_the_sentence_s():
    got = acts("Czechia froze arms licences to Hungary, a week after a Hungarian border guard "
               "shot and wounded a Czech hunter.")
    assert [a for a in got if a[0] == "ASSAULT"] == [("ASSAULT", ["hungary"])], got


def test_a_speaker_named_after_the_quote_and_a_name_with_particles_are_people():
    got = drafted("Swap done\n\n\"This is unacceptable,\" said Tomas Varga. He accused Slovakia "
                  "of lying.\n\n\"It took months,\" said Khalid bin Saad al-Mansouri, Qatar's "
                  "minister of state. He thanked both governments.\n")
    people = set(_people(got))
    assert {"tomas-varga", "khalid-bin-saad-al-mansouri"} <= people, people
    assert ("ACCUSE", ["tomas-varga"]) in [(e["plover_type"], e["participants"]["actor"])
                                           for e in got["events"]], got["events"]


def test_the_company_is_the_firm_named_before_not_an_international_body():
    got = acts("Kenya revoked the licence of Rift Minerals, a Nairobi-listed company, after "
               "talks with the World Bank. On Friday the company filed a request for "
               "arbitration.")
    assert ("ACCUSE", ["rift-minerals"]) in got, got


def test_a_lead_with_no_act_that_tells_of_a_day_of_the_week_before_sets_the_story_s_day():
    got = drafted("Bridge opens\n\nThe new bridge between the two towns finally opened on "
                  "Thursday, but only one side turned up.\n\nLatvia's transport minister, Ilze "
                  "Berzina, stayed away. Mayor Ana Ruiz walked over and shook Berzina's hand.\n")
    days = {e["plover_type"]: e.get("date") for e in got["events"]}
    assert days.get("PROTEST") == "2031-06-05" and days.get("CONSULT") == "2031-06-05", days


def test_said_at_the_signing_or_the_same_ceremony_is_the_signing_s_day():
    got = drafted("Returns deal\n\nLatvia and Lithuania signed a return accord in Riga on "
                  "Tuesday.\n\nEstonia's envoy, Kadri Ots, said at the signing that it was "
                  "fair. Speaking at the same ceremony, Latvia's minister, Ilze Berzina, "
                  "thanked Lithuania for its help.\n")
    thanked = [e for e in got["events"] if e["plover_type"] == "SUPPORT"
               and "thanked" in e["evidence"][0]]
    assert thanked and thanked[0]["date"] == "2031-06-03", thanked


def test_a_protest_note_sent_and_its_protesting_participle_are_one_protest_by_the_sender():
    got = acts("Bolivia sent Peru a protest note on Monday protesting against a fence.")
    assert got == [("ACCUSE", ["bolivia"])], got


def test_sending_or_deploying_observers_or_peacekeepers_is_peacekeeping_aid():
    got = [(e["plover_type"], e["cameo_code"]) for e in after_lead(
        "Kenya deployed peacekeepers to the town on Thursday.")]
    assert ("AID", "074") in got, got


def test_a_state_s_ministry_or_department_of_something_is_that_state_s_body():
    got = acts("France's Ministry of Ecology refused the inspection. Kenya's Department of "
               "Immigration refused the visas. A department spokesperson denied any bias.")
    kenya = ["department-of-immigration-of-kenya"]
    assert [a for _t, a in got] == [["ministry-of-ecology-of-france"], kenya, kenya], got


def test_a_second_participle_after_a_passive_and_its_place_is_passive_too():
    got = drafted("Observers turned back\n\nThe observers were held at the airport for six hours "
                  "and deported to Peru, Chile's interior ministry said.\n")
    deported = [e for e in got["events"] if e["cameo_code"] == "174"]
    # (the men are deported to Peru: Peru is where, not whom the act is done to)
    assert deported and "peru" not in deported[0]["participants"].get("recipient", []), deported


def test_a_passive_arrest_in_a_capital_with_no_agent_is_that_capital_s_state_s():
    got = acts("Two Kenyan traders were detained in Kampala and deported. Qureshi was arrested "
               "on Monday.")
    assert got[:2] == [("COERCE", ["uganda"]), ("COERCE", ["uganda"])], got
    assert got[2][1][0].startswith("unnamed-"), got   # (no place: no one named)


def test_prompting_someone_to_act_makes_them_the_doer():
    got = acts("Latvian police stopped an Estonian delegation on Sunday, prompting Tallinn to "
               "summon Latvia's ambassador.")
    assert ("ACCUSE", ["estonia"]) in got, got


def test_a_present_verb_with_tomorrow_after_its_object_looks_ahead():
    got = drafted("Visit opens\n\nEgypt's president, Karim Adel, arrives in Luanda today. He holds "
                  "talks with Angola's president, Domingos Kaluvi, tomorrow morning.\n")
    talks = [e for e in got["events"] if e["cameo_code"] == "040"]
    assert talks and talks[0]["date"] == "2031-06-08", talks


def test_an_oil_block_is_no_blockade():
    got = after_lead("The court awarded Benin most of a disputed offshore oil block.")
    assert not [e for e in got if e["cameo_code"] == "191"], got
