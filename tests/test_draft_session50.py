"""Issue 21, session 50: rules checked on fictional sentences (real state names, invented
people, places and bodies). The stories are published on Saturday, June 7, 2031 ("on
Monday" is June 2, "on Thursday" June 5)."""

from __future__ import annotations

from tests.lead import after_lead, codes, dated, drafted


def _doers(article: str, keep) -> list[list[str]]:
    """The doers' names of each event of `article` that `keep` holds."""
    d = drafted(article)
    names = {a["id"]: a["name"] for a in d["actors"]}
    return [[names[a] for a in e["participants"]["actor"]] for e in d["events"] if keep(e)]


def test_relief_goods_sent_flown_or_given_are_humanitarian_aid():
    assert codes("The World Health Organization flew 400,000 doses of oral vaccine into "
                 "Malawi on Thursday.") == [("AID", "073")]
    assert codes("Malaysia's coast guard gave those on board food, water and fuel on "
                 "Monday.") == [("AID", "073")]
    assert codes("Italy shipped 300 tents and blankets to Albania on Monday.") == [
        ("AID", "073")]


def test_a_grant_handed_over_is_economic_aid_not_a_return():
    assert codes("Japan's ambassador, Haruto Minegishi, handed over a $4.2 million grant to "
                 "Laos on Monday.") == [("AID", "071")]


def test_paying_for_repairs_is_aid_and_saying_it_will_is_a_pledge():
    assert codes("Angola's embassy paid for hotel rooms for the stranded passengers on "
                 "Monday.") == [("AID", "071")]
    assert codes("Zambia said on Monday it would pay for the repair of the embassy.") == [
        ("AGREE", "0331")]


def test_a_joint_exercise_is_military_cooperation_not_a_show_of_force():
    assert codes("The Philippine and Vietnamese navies began a joint naval exercise on "
                 "Thursday.") == [("COOPERATE", "062")]
    # Alone, an exercise is still a show of force.
    assert codes("China's navy began a naval exercise near the strait on Thursday.") == [
        ("MOBILIZE", "150")]


def test_a_body_named_after_its_kind_between_commas_is_an_organisation():
    got = _doers("Row over a map\n\nLJUBLJANA, June 7 (Wire) - The organiser, Sajam Jadran, "
                 "apologised to Slovenia on Thursday. The company, Kestrel Orbital, said on "
                 "Friday it would pay for the repair of the school roof.\n", lambda e: True)
    assert got == [["Sajam Jadran"], ["Kestrel Orbital"]], got


def test_a_state_s_named_carrier_belongs_to_that_state():
    d = drafted("Flights cut\n\nLUANDA, June 7 (Wire) - Angola's state carrier, Kwanza "
                "Airways, suspended its flights to Windhoek on Monday.\n")
    [carrier] = [a for a in d["actors"] if a["name"] == "Kwanza Airways"]
    assert carrier["kind"] == "organization" and carrier["country"] == "AGO", carrier
    # A person after their office is still a person.
    got = _doers("Apology\n\nCITY, June 7 (Wire) - The company's chief executive, Ana Ruiz, "
                 "apologised to Botswana on Monday.\n", lambda e: True)
    assert got == [["Ana Ruiz"]], got


def test_a_party_named_between_its_place_in_politics_and_the_word_party_acts():
    got = _doers("Row at home\n\nBUCHAREST, June 7 (Wire) - The opposition Civic Renewal "
                 "party demanded on Monday that the foreign minister explain the episode to "
                 "parliament.\n", lambda e: e["plover_type"] == "REQUEST")
    assert got == [["Civic Renewal"]], got
    assert [e["plover_type"] for e in after_lead("The ruling party welcomed the deal.")] == []


def test_the_ministry_or_the_federation_is_the_body_of_that_kind_named_before():
    article = ("Row over a crossing\n\nGITEGA, June 7 (Wire) - Burundi's health ministry said "
               "on Thursday that the closure was illegal. That afternoon the ministry summoned "
               "Tanzania's ambassador to lodge a formal complaint.\n\nThe Haitian Football "
               "Federation said its players had been vetted. The federation lodged a formal "
               "protest with the Caribbean Football Union on Friday.\n")
    got = _doers(article, lambda e: e["plover_type"] == "ACCUSE"
                 and e["evidence"][0].startswith(("the ministry", "The federation")))
    assert got == [["Health Ministry of Burundi"], ["Football Federation"]], got


def test_a_body_named_by_its_place_and_members_acts_and_a_demonym_gives_its_state():
    d = drafted("Boycott\n\nVALLETTA, June 7 (Wire) - The Marsaxlokk fishermen's cooperative "
                "said it would stage a protest outside the Tunisian embassy next Monday. The "
                "Slovenian marine association accused Croatia of bad faith on Friday.\n")
    names = {a["id"]: a for a in d["actors"]}
    doers = [[names[a]["name"] for a in e["participants"]["actor"]] for e in d["events"]]
    assert doers == [["Marsaxlokk fishermen's cooperative"], ["Slovenian marine association"]]
    [assoc] = [a for a in d["actors"] if a["name"] == "Slovenian marine association"]
    assert assoc["country"] == "SVN" and assoc["kind"] == "organization", assoc


def test_a_quote_that_goes_on_after_its_speaker_is_still_theirs():
    d = drafted("Manuscripts return\n\nBISSAU, June 7 (Wire) - Portuguese Culture Minister Ines "
                "Carvalhal spoke at the ceremony on Thursday. \"It was taken by force,\" she "
                "said. \"We apologise to Guinea-Bissau.\"\n")
    names = {a["id"]: a["name"] for a in d["actors"]}
    got = [(e["plover_type"], [names[a] for a in e["participants"]["actor"]])
           for e in d["events"]]
    assert ("SUPPORT", ["Portugal"]) in got, got
    # A quote in a new paragraph is no longer the last speaker's without a speech verb.
    d = drafted("Manuscripts return\n\nBISSAU, June 7 (Wire) - Portuguese Culture Minister Ines "
                "Carvalhal spoke on Thursday. \"It was taken by force,\" she said.\n\n"
                "\"We apologise to Guinea-Bissau.\"\n")
    assert not [e for e in d["events"] if e["plover_type"] == "SUPPORT"], d["events"]


def test_things_returned_to_a_state_are_property_given_back_not_a_trip_home():
    assert codes("Portugal returned 36 manuscripts to Guinea-Bissau on Monday.") == [
        ("RETREAT", "0842")]
    assert codes("The delegation returned home to Harare on Monday.") == []
    assert codes("Both sides should return to the table.") == []


def test_begging_a_leader_to_act_is_an_appeal():
    assert codes("\"I beg the president of Botswana to let him live,\" said Esther Chidzomba, "
                 "the man's mother, on Monday.") == [("REQUEST", "020")]


def test_an_apology_sent_or_accepted_and_police_posted():
    assert codes("Romania's foreign ministry sent Chad a written apology on Thursday.") == [
        ("SUPPORT", "055")]
    assert codes("Chad said on Friday it had accepted Romania's apologies.") == [
        ("SUPPORT", "056")]
    assert ("MOBILIZE", "153") in codes("Tanzania posted police along the river on Monday.")


def test_a_saying_told_next_after_an_opening_phrase_dates_the_act_before_it():
    d = drafted("Cholera\n\nKASOLI, June 7 (Wire) - Cases rose sharply.\n\nTanzanian Health "
                "Minister Rehema Mwakilema blamed Burundi for the outbreak. Speaking in Kigoma "
                "on Thursday, she said waste from a camp had contaminated the river.\n\nKenya "
                "accused Uganda of negligence. On Monday, Kenyan Health Minister Ann Moraa said "
                "the camps had no latrines.\n")
    got = [(e["plover_type"], e.get("date")) for e in d["events"]]
    assert got == [("ACCUSE", "2031-06-05"), ("ACCUSE", "2031-06-02")], got


def test_a_quoted_noun_does_not_take_the_day_of_the_condemnation_after_the_quote():
    got = [(e["plover_type"], e.get("date")) for e in after_lead(
        "Congo's environment minister, Prosper Ebaka, condemned \"a cowardly attack on men "
        "who protect our shared heritage\" in a statement on Monday.")]
    assert ("ACCUSE", "2031-06-02") in got, got


def test_a_noun_after_to_is_no_infinitive_holding_its_own_time():
    # "shut the crossing to freight in 2029": the year is the shutting's.
    assert [(t, d) for t, d in [(e["plover_type"], e.get("date")) for e in after_lead(
        "Laos shut the crossing to freight in 2029.")]] == [("COERCE", 2029)]


def test_paying_debts_supplying_gas_and_handing_over_suspects_are_cooperation():
    assert codes("Djibouti paid a first instalment of $9 million to Ethiopia on Monday.") == [
        ("COOPERATE", "061")]
    assert codes("Azerbaijan supplies Georgia with gas at a discounted price.") == [
        ("COOPERATE", "061")]
    assert codes("Costa Rica handed over two suspects to Panama on Monday.") == [
        ("COOPERATE", "063")]


def test_restoring_permits_or_waiving_a_fee_eases_a_restriction():
    assert codes("Zambia restored the transit permits of Tanzanian hauliers on Monday.") == [
        ("CONCEDE", "081")]
    assert codes("Iraq waived the visa fee for Iranian pilgrims in 2027.") == [
        ("CONCEDE", "081")]


def test_a_court_or_jury_no_table_names_still_convicts_and_an_inquiry_ordered_is_one():
    assert codes("A military court sentenced him to 14 years in prison in November 2029.") \
        == [("ACCUSE", "116")]
    assert codes("A Tulsa County jury convicted Aquino in 2028 of killing a guard.") == [
        ("ACCUSE", "116")]
    assert codes("President Joseph Mbewe has ordered an inquiry into the police response.") \
        == [("ACCUSE", "090")]


def test_but_it_or_but_he_goes_on_with_the_subject_before():
    d = drafted("Row\n\nBAGHDAD, June 7 (Wire) - Iraqi cleric Ali Hashimi praised the pilgrims "
                "on Monday. But he accused Riyadh of closing the border.\n\nIraq thanked "
                "Kuwait. But it accused Saudi Arabia of closing the border.\n")
    names = {a["id"]: a["name"] for a in d["actors"]}
    got = [[names[a] for a in e["participants"]["actor"]] for e in d["events"]
           if e["plover_type"] == "ACCUSE"]
    assert got == [["Ali Hashimi"], ["Iraq"]], got
    [cleric] = [a for a in d["actors"] if a["name"] == "Ali Hashimi"]
    assert cleric["kind"] == "person", cleric


def test_a_relative_clause_opened_by_its_day_and_hour_is_done_by_its_antecedent():
    got = _doers("Row\n\nASHGABAT, June 7 (Wire) - That was a jab at Turkmenistan, which on "
                 "Thursday evening accused Uzbekistan of sheltering a thief.\n",
                 lambda e: e["plover_type"] == "ACCUSE")
    assert got == [["Turkmenistan"]], got


def test_police_teams_or_a_council_no_table_names_still_act_as_unnamed():
    assert codes("That night police detained 14 supporters near the embassy.") == [
        ("COERCE", "173")]
    assert codes("Technical teams will meet in Djibouti on June 17.") == [("CONSULT", "040")]
    # A thing for subject acts only when the act is one told without its doer.
    assert codes("The text urged calm on Monday.") == []


def test_blame_history_rewritten_or_a_scapegoat_said_of_another_accuses():
    assert ("ACCUSE", "112") in codes(
        "Interior Minister Gustavo Antezana said on Sunday that \"criminal groups "
        "infiltrated among the marchers\" were to blame for the deaths.")
    assert ("ACCUSE", "111") in codes(
        "Its envoy, Rodrigo Paiz, said Belize was \"rewriting history to hide abuses.\"")
    assert codes("\"Muscat is looking for a scapegoat,\" Yemeni spokesman Fadhl al-Kathiri "
                 "said.") == [("ACCUSE", "111")]


def test_boats_frigates_or_patrol_aircraft_sent_are_forces_mobilised():
    assert codes("Bangladesh's border guard sent two speedboats to the area on Monday.") == [
        ("MOBILIZE", "154")]
    assert codes("China sent patrol aircraft to follow the ships on Thursday.") == [
        ("MOBILIZE", "154")]


def test_an_accord_signed_in_a_month_and_year_between_commas_was_signed_by_the_pair():
    d = drafted("Row\n\nSOFIA, June 7 (Wire) - Bulgaria accused Serbia of cutting gas supplies "
                "on Thursday.\n\nThe agreement, signed in December 2020, capped the transit fee "
                "at 1.25 euros.\n")
    names = {a["id"]: a["name"] for a in d["actors"]}
    got = [(e["plover_type"], e.get("date"), sorted(names[a] for a in e["participants"]["actor"]))
           for e in d["events"] if e["plover_type"] == "SUPPORT"]
    assert got == [("SUPPORT", "2020-12", ["Bulgaria", "Serbia"])], got


def test_an_unnamed_subject_after_an_opening_phrase_and_the_occasion_s_day_dates_it():
    assert dated("At Thursday's hearing, prosecutors charged the captain with illegal "
                 "fishing.") == [("COERCE", "2031-06-05")]
    got = dated("During Monday's call, Chile and Peru agreed to convene the border "
                "commission.")
    assert ("AGREE", "2031-06-02") in got and ("CONSULT", "2031-06-02") not in got, got
    # A possessive day after the verb is still what the verb is about.
    assert ("ACCUSE", None) in dated("Chile condemned Monday's attack.")
