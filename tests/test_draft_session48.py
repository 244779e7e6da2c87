"""Issue 21, session 48: rules checked on fictional sentences (real state names, invented
people, places and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031 ("on Monday" is June 2, "on Thursday" June 5)."""

from __future__ import annotations

from tests.lead import after_lead, dated, drafted
from tests.lead import codes as _codes


def _names(d: dict, ids: list[str]) -> list[str]:
    names = {a["id"]: a["name"] for a in d["actors"]}
    return [names[i] for i in ids]


def _doers(text: str) -> list[tuple[str, list[str]]]:
    """(type, doers' names) of each event the sentences after the lead tell of."""
    d = drafted(f"Row deepens\n\nCITY, June 7 (Wire) - Officials met on Friday. {text}\n")
    return [(e["plover_type"], _names(d, e["participants"]["actor"])) for e in d["events"]
            if "Officials met" not in e["evidence"][0]]


def test_police_of_a_capital_that_bears_its_state_s_name():
    d = drafted("Base row\n\nDJIBOUTI, June 7 (Wire) - Djibouti has told Italy it will not "
                "renew the lease on the Italian base, the foreign ministry said on Friday, in a "
                "row that has run for weeks over the rent and the staff.\n\nPolice detained at "
                "least 12 people at the gate, witnesses said.\n")
    detained = [e for e in d["events"] if e["cameo_code"] == "173"]
    assert detained and _names(d, detained[0]["participants"]["actor"]) == [
        "Police of Djibouti"], d["events"]
    # ... and the state that told the other "it will not renew" is the one that will not
    lease = [e for e in d["events"] if e["plover_type"] == "SANCTION"]
    assert lease and _names(d, lease[0]["participants"]["actor"]) == ["Djibouti"], lease


def test_it_after_told_is_the_hearer_when_it_must():
    got = _doers("Mali told France it must leave the base by June.")
    assert ("SANCTION", ["France"]) not in got and all("Mali" not in a or t != "RETREAT"
                                                       for t, a in got), got


def test_stock_phrases_that_name_no_act():
    for text in ("The governor's office did not reply to requests for comment.",
                 "The officials declined to name the country.",
                 "A doctor said the boy was admitted to hospital in Gao with a broken jaw.",
                 "Convoys left the French military support base near the capital."):
        assert after_lead(text) == [], (text, after_lead(text))


def test_a_crowd_a_saying_tells_of_does_the_act():
    assert ("ASSAULT", ["Soldiers"]) in _doers(
        "His family said soldiers beat him at a checkpoint on Monday.")
    assert ("ACCUSE", ["Lawyers for 14 women"]) in _doers(
        "Lawyers for 14 women filed a formal complaint with the mission on Monday.")
    assert ("REQUEST", ["Three opposition parties"]) in _doers(
        "Three opposition parties have urged the government to expel the envoy.")


def test_a_condition_told_by_inversion_is_no_act_done():
    got = [(e["plover_type"], e["status"]) for e in after_lead(
        "Deputies urged the government to expel the envoy should Ghana say no.")]
    assert ("REJECT", "occurred") not in got, got


def test_two_people_under_one_plural_title():
    d = drafted("Talks\n\nCITY, June 7 (Wire) - Foreign ministers Anahit Melikyan of Armenia and "
                "Ketevan Mchedlidze of Georgia spoke by phone on Friday. Melikyan and "
                "Mchedlidze are expected to meet in Istanbul in mid-June.\n")
    roles = {a["name"]: a.get("role") for a in d["actors"] if a["kind"] == "person"}
    assert roles.get("Anahit Melikyan") == "Foreign Minister, Armenia", roles
    assert roles.get("Ketevan Mchedlidze") == "Foreign Minister, Georgia", roles
    meet = [e for e in d["events"] if "expected to meet" in e["evidence"][0]]
    assert meet and sorted(_names(d, meet[0]["participants"]["actor"])) == [
        "Anahit Melikyan", "Ketevan Mchedlidze"], meet


def test_the_next_day_counts_from_the_day_before_whoever_acts():
    d = drafted("Mines\n\nCITY, June 7 (Wire) - Foreign Minister Teodoro Alvarenga of Honduras "
                "spoke on Friday.\n\nNicaragua criticised Honduras on June 3. The next day "
                "Alvarenga summoned Nicaragua's ambassador.\n")
    summons = [e for e in d["events"] if e["cameo_code"] == "114"]
    assert summons and summons[0]["date"] == "2031-06-04", summons


def test_a_blast_is_no_criticism():
    assert _codes("The blast on Monday set off a sharp exchange between the neighbours.") == []


def test_whose_fighters_acted_for_their_leader():
    got = _doers("Mali backed Niger, whose troops seized the town of Gao on Monday.")
    assert ("COERCE", ["Niger"]) in got, got
    assert _codes("Laos, whose border meets both countries, stayed silent.") == []


def test_the_day_a_telling_is_told_dates_it():
    assert ("SANCTION", "2031-06-05") in dated(
        "Mali told France on Thursday to leave the base.")


def test_tear_gas_compensation_objections_silent_marches_and_regret():
    assert ("ASSAULT", "175") in _codes("Malian police fired tear gas at the crowd on Monday.")
    assert ("REQUEST", "1031") in _codes("Senegal says it will seek compensation from "
                                         "Mali for farms and livestock.")
    assert any(t == "ACCUSE" for t, _c in _codes(
        "Niamey objected that the Malian file erases the cradle of the instrument."))
    assert ("PROTEST", "141") in _codes("About 400 people walked in silence along the main "
                                        "road on Sunday evening.")
    assert ("SUPPORT", "055") in _codes("Mali regretted the accident on Monday.")
    assert ("SANCTION", "160") in _codes("The council declined to renew the mission's "
                                         "mandate on Monday.")


def test_a_parliament_approving_a_treaty_ratifies_it():
    assert ("SUPPORT", "057") in _codes("Niger's parliament approved the defence pact with "
                                        "Mali on Thursday.")


def test_nothing_to_apologise_for_is_no_apology_and_the_opposition_acts():
    assert _codes("Pressed on the row, she said Niger had nothing to apologise for.") == []
    assert ("REQUEST", ["Opposition"]) in _doers(
        "The opposition called for nationwide protests on Friday.")


def test_days_after_an_event_on_a_day_count_from_that_day_after_the_verb_too():
    assert ("SANCTION", "2031-06-04") in dated(
        "Mali expelled the envoy two days after the incident on Monday.")
