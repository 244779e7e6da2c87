"""Issue 21, session 33: who acts and when, each checked on fictional stories (real state
names, invented people and bodies)."""

from __future__ import annotations

import pytest

from tests.lead import after_lead, dated, drafted


def _acts(sentence: str) -> list[tuple[str, str, list[str]]]:
    return [(e["plover_type"], e["cameo_code"], e["participants"]["actor"])
            for e in after_lead(sentence)]


def test_a_body_named_with_its_abbreviation_is_that_body_when_the_abbreviation_comes_back():
    got = _acts("Chad refused visas to observers from the Sahel Institute for Electoral "
                "Integrity (SIEI). SIEI said on Monday it could not assess the vote, and "
                "urged N'Djamena to publish the results.")
    assert ("REQUEST", "020", ["sahel-institute-for-electoral-integrity"]) in got, got
    # capitals that do not spell the abbreviation name no body
    got = _acts("Chad refused visas to observers from the Sahel Institute (XYZ). XYZ urged "
                "Chad to publish the results.")
    assert all("sahel" not in a for _t, _c, actors in got for a in actors), got


def test_a_bare_verb_joined_to_a_modal_one_shares_its_modal():
    got = [(e["plover_type"], e["status"]) for e in after_lead(
        "Peru's opposition leader Rosa Vidal said Lima should go further and recall its "
        "ambassador.")]
    assert ("SANCTION", "occurred") not in got, got
    # a past verb after "and" does not: "would not accept the note and recalled"
    got = [(e["plover_type"], e["status"]) for e in after_lead(
        "Peru would not accept the note and recalled its ambassador.")]
    assert ("SANCTION", "occurred") in got, got


@pytest.mark.parametrize("goes_on", ["She added that", "She said"])
def test_she_added_or_she_said_says_on_the_day_of_her_saying_before(goes_on):
    got = dated("Chile's finance minister, Ana Ruiz, said on Wednesday that the fee would "
                f"stay. {goes_on} Chile was ready to discuss a phased schedule with Peru.")
    assert ("AGREE", "2031-06-04") in got, got


def test_a_state_s_body_speaks_for_its_state_in_its():
    got = _acts("Croatia's defence ministry, in turn, said its navy would hold drills off "
                "Cavtat next week.")
    assert ("MOBILIZE", "150", ["croatia"]) in got, got


def test_an_announced_act_named_by_a_noun_is_the_announcer_s():
    got = _acts("Montenegro and Albania announced joint naval patrols of the southern "
                "Adriatic.")
    assert ("COOPERATE", "062", ["montenegro", "albania"]) in got, got


def test_a_start_to_come_looks_ahead():
    got = dated("Montenegro and Albania announced joint patrols, to begin in January.")
    assert ("COOPERATE", "2032-01") in got, got


def test_the_agent_of_a_passive_may_be_a_force_s_officers():
    got = _acts("A reporter was detained by officers of the Nauru Police Force on 9 March.")
    assert got and got[0][2] == ["police-of-nauru"], got


def test_asking_that_someone_be_freed_is_a_request_not_a_release():
    got = _acts("Peru's foreign minister Rosa Vidal asked that the reporter be released into "
                "the consul's care.")
    assert [t for t, _c, _a in got] == ["REQUEST"], got


def test_a_territory_s_capital_that_is_a_common_name_is_no_state():
    d = drafted("Farmers block bridge\n\nBELMOPAN, June 7 (Wire) - About two hundred farmers "
                "from Blue Creek and Douglas have blocked the approach to the bridge with "
                "tractors since Friday.\n")
    assert not any(a["id"] == "isle-of-man" for a in d["actors"]), d["actors"]


_VOCABULARY = {
    "Belize recalled its consul general in Chetumal in 2027.": "161",
    "Belize and Mexico have initialled a renewed water agreement.": "030",
    "The farmers handed a petition to their representative.": "020",
    "Panama brushed off the demand.": "120",
    "The army chiefs of Chad and Niger spoke for about 40 minutes on Monday.": "040",
    "Niger stopped pumping crude through the pipeline to Benin.": "163",
    "Benin raised the fee to $2.10 a barrel.": "163",
    "A court in Accra froze a cargo of Nigerien crude.": "1711",
    "Chad struck the opposition candidate off the ballot.": "172",
    "A Peruvian navy boat cut across the bow of a Chilean cutter.": "150",
    "Chile's defence minister called the drills an attempt to frighten a neighbour.": "111",
    "Elias Ramos spoke by telephone with Peru's foreign minister.": "041",
    "Kazakhstan charged him in absentia last July with embezzling $92 million.": "173",
    "Since January, Malawi has barred its state oil company from loading at Nacala.": "172",
    "Chad placed three districts under a dusk-to-dawn curfew.": "1723",
    "Serbia stopped gas supplies to Bosnia for three days.": "163",
    "Serbia raised the gas transit price by 30 percent.": "163",
    "Albania has held the Maltese aid ship Santa Venera in Durres.": "1711",
    "Sarajevo disputes the figure.": "120",
    "Slovenia kept the trawler impounded in Koper.": "1711",
    "Chile's President Ana Ruiz and Peru's President Tomas Vidal witnessed the signing of "
    "five memoranda.": "057",
}


@pytest.mark.parametrize("sentence, code", _VOCABULARY.items())
def test_vocabulary_of_session_33(sentence, code):
    assert code in [c for _t, c, _a in _acts(sentence)], _acts(sentence)


def test_a_name_followed_by_an_age_is_a_person_and_occupations_title_names():
    d = drafted("Trader held\n\nDUBLIN, June 7 (Wire) - Viorel Cebotari, 52, whose company "
                "has offices in Dublin, was refused bail on Friday. Pakistan freed truck "
                "driver Tariq Mehmood and merchant seaman Arvind Pillai on Thursday.\n")
    people = {a["id"] for a in d["actors"] if a["kind"] == "person"}
    assert {"viorel-cebotari", "tariq-mehmood", "arvind-pillai"} <= people, people


def test_figures_of_speech_and_bail_terms_are_no_acts():
    assert _acts("The minister called the remarks an attack on the independence of the "
                 "courts.") == []
    assert _acts("He offered the surrender of two passports.") == [] or all(
        t != "RETREAT" for t, _c, _a in _acts("He offered the surrender of two passports."))
    got = _acts('Chad accused Niger of "a premeditated attack on our territory".')
    assert [t for t, _c, _a in got] == ["ACCUSE"], got


def test_a_quoted_fragment_in_a_reported_clause_keeps_the_clause_s_subject():
    got = _acts('Kazakhstan said on Wednesday that it "cannot accept" the results.')
    assert ("REJECT", "120", ["kazakhstan"]) in got, got


def test_an_agreement_on_returns_is_no_return():
    # an agreement on returns is no return
    assert "174" not in [c for _t, c, _a in _acts(
        "Belgium and Ecuador have signed an agreement on the return of migrants.")]


def test_an_accord_of_a_year_is_the_story_pair_s_signing_that_year():
    d = drafted("Fee row\n\nNIAMEY, June 7 (Wire) - Niger stopped pumping crude to Benin on "
                "Friday. Niamey says the rise breaches a 2022 transit accord that caps "
                "adjustments. Benin rejected the claim.\n")
    got = [(e["plover_type"], sorted(e["participants"]["actor"]), e.get("date"), e["status"])
           for e in d["events"]]
    assert ("SUPPORT", ["benin", "niger"], 2022, "historical") in got, got
    # the breach is not dated by the accord's year
    assert [x[2] for x in got if x[0] == "ACCUSE"] == [None], got
    # an agreement's noun with no year names no signing
    d = drafted("Fee row\n\nNIAMEY, June 7 (Wire) - Niger and Benin discussed the transit "
                "agreement on Friday. Benin's treaty share was not raised.\n")
    assert all(e["plover_type"] != "SUPPORT" for e in d["events"]), d["events"]


def test_a_reporter_told_by_telephone_and_police_arriving_are_no_diplomacy():
    assert _acts("The minister, Sandeep Rawal, told the Courier by telephone that talks "
                 "would go on.") == []
    assert all(t != "CONSULT" for t, _c, _a in _acts(
        "Police arrived in strength shortly after 11 p.m."))
    # a call is still a call
    assert ("CONSULT", "041", ["chile", "peru"]) in _acts(
        "Chile's president telephoned Peru's president on Monday.")


def test_a_vessel_that_strayed_into_waters_is_an_allegation():
    got = _acts("Podgorica says the Croatian cutter had strayed into Montenegrin waters.")
    assert ("ACCUSE", "112", ["montenegro"]) in got, got


def test_an_accord_signed_in_a_year_with_no_signatories_named_is_the_story_pair_s():
    d = drafted("Water accord\n\nBELMOPAN, June 7 (Wire) - Belize and Mexico initialled a "
                "renewed water accord on Friday. The new accord replaces the one signed in "
                "2015, which runs out in December.\n")
    got = [(e["plover_type"], sorted(e["participants"]["actor"]), e.get("date"))
           for e in d["events"]]
    assert ("SUPPORT", ["belize", "mexico"], 2015) in got, got


def test_their_officials_with_a_modifier_are_the_pair_s():
    got = _acts("Japan and South Korea issued a statement on Wednesday. Their cyber officials "
                "will meet in Manila on July 8.")
    assert ("CONSULT", "040", ["japan", "south-korea"]) in got, got


def test_a_name_then_an_office_of_a_body_or_state_with_no_article_is_a_person():
    d = drafted("Envoy due\n\nASTANA, June 7 (Wire) - Kubanych Sydykov, secretary-general of "
                "the Organization of Turkic States, is due in Ashgabat on Monday. Juan Perez, "
                "president of Chile, said on Friday he would visit Lima.\n")
    people = {a["id"]: a.get("parent") for a in d["actors"] if a["kind"] == "person"}
    assert "kubanych-sydykov" in people, people
    assert people.get("juan-perez") == "chile", people
    got = [(e["plover_type"], e["participants"]["actor"]) for e in d["events"]]
    assert ("CONSULT", ["kubanych-sydykov"]) in got, got
    # "part of the fleet" is no office
    d = drafted("Boat back\n\nSUVA, June 7 (Wire) - The Kai Moana, part of the fleet, "
                "returned on Friday.\n")
    assert not [a for a in d["actors"] if a["kind"] == "person"], d["actors"]


def test_an_order_reaches_past_a_long_name_but_not_past_and_to():
    assert ("SANCTION", "166") in [(t, c) for t, c, _a in _acts(
        "Zimbabwe's foreign ministry ordered the British defence attache to leave the "
        "country within 72 hours.")]
    assert ("REQUEST", "100") in [(t, c) for t, c, _a in _acts(
        "The Norwegian coast guard vessel KV Lofotodden ordered the Russian trawler Polyarny "
        "Rassvet to stop for an inspection.")]


def test_a_verb_joined_to_a_who_clause_is_the_antecedent_s_and_that_morning_is_no_that():
    got = _acts("At 2 p.m. she received Gabon's foreign minister, Helena Braganca, who had "
                "flown in that morning and offered to mediate.")
    assert ("AGREE", "039", ["helena-braganca"]) in got, got


def test_a_release_demanded_in_quotes_or_after_another_demand_is_no_release():
    for sentence in ('India demanded the "immediate and unconditional release" of the workers '
                     'on Tuesday.',
                     "Barbados delivered a note on Saturday demanding consular access to the "
                     "men and their immediate release."):
        assert [t for t, _c, _a in _acts(sentence)] == ["REQUEST"], (sentence, _acts(sentence))
    # a release done after a demand still is one
    assert "RETREAT" in [t for t, _c, _a in _acts(
        "Chad demanded compensation and released the prisoners.")]


def test_an_act_denied_with_no_one_named_is_no_event():
    assert _acts("No one was injured.") == []
    assert _acts("Norway said none of the 46 crew on board was injured.") == []
    # a named side's refusal stays a refusal
    assert ("REJECT", "120", ["chile"]) in _acts("Chile said it would not accept the note.")
