"""Issue 21, session 35: vocabulary and roles the fresh batches used, each checked on
fictional sentences (real state names, invented people and bodies)."""

from __future__ import annotations

from tests.lead import after_lead, drafted


def _acts(sentence: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e["plover_type"], e["cameo_code"], e["participants"]["actor"],
             e["participants"].get("recipient", [])) for e in after_lead(sentence)]


def test_agreements_reached_initialled_or_concluded_are_drafted_whatever_their_name():
    assert [t for t, *_ in _acts("Ghana and Togo initialled a memorandum on Friday.")] \
        == ["AGREE"]
    assert [t for t, *_ in _acts("Ghana and Togo reached a compromise over fishing "
                                 "quotas.")] == ["AGREE"]
    assert [t for t, *_ in _acts("Ghana and Togo finalised a protocol on the ferry.")] \
        == ["SUPPORT"]


def test_a_request_turned_down_with_its_object_between_is_a_rejection():
    got = _acts("Ghana's trade minister turned the Togolese request down.")
    assert [(t, actors) for t, _c, actors, _r in got] == [("REJECT", ["ghana"])], got


def test_what_a_side_says_it_will_not_do_for_another_is_a_refusal_not_the_act():
    got = _acts("Ecuador will not write off any of Peru's debt.")
    assert [(t, actors) for t, _c, actors, _r in got] == [("REJECT", ["ecuador"])], got
    got = _acts("Chile said it would not attend the summit in Quito.")
    assert [t for t, *_ in got] == ["REJECT"], got
    # Not done, but not refused either: the act stays, negated.
    got = _acts("Peru did not sign the accord.")
    assert [t for t, *_ in got] == ["SUPPORT"], got


def test_defending_ones_own_measure_against_criticism_rejects_the_criticism():
    got = _acts("Finland's foreign minister defended the law on Tuesday.")
    assert [t for t, *_ in got] == ["REJECT"], got


def test_a_verb_joined_by_and_with_an_auxiliary_keeps_the_first_subject():
    got = _acts("Honduras expelled two Guatemalan diplomats and has ordered Guatemala to "
                "close its consulate.")
    # (an order to close a consulate is a sanction: session 39)
    assert ("SANCTION", "161", ["honduras"], ["guatemala"]) in got, got
    summary = [e["summary"] for e in after_lead(
        "Honduras expelled two diplomats and ordered Guatemala to close its consulate.")]
    assert "Honduras ordered Guatemala to close its consulate" in summary, summary


def test_welcoming_any_kind_of_agreement_is_support():
    got = _acts("The World Bank welcomed the memorandum on Thursday.")
    assert [t for t, *_ in got] == ["SUPPORT"], got


def test_a_body_no_table_knows_is_found_by_what_its_appositive_says_it_is():
    got = _acts("Hope Kenya Trust, the country's largest refugee charity, urged Uganda on "
                "Monday to reopen the crossing.")
    assert ("REQUEST", "020", ["hope-kenya-trust"], ["uganda"]) in got, got
    # The places inside such a name do not act: the party does.
    got = _acts("The Democratic Union of Hungarians in Romania, the minority's main party, "
                "criticised Romania on Monday.")
    assert [a for _t, _c, a, _r in got] == [["democratic-union-of-hungarians-in-romania"]], got


def test_a_person_named_after_an_office_of_a_possessed_body_is_found():
    d = drafted("Quota row\n\nJAKARTA, 7 June 2031 (Agency) - The chairman of parliament's "
                "foreign affairs commission, Dewi Lestari, welcomed the agreement.\n")
    assert "Dewi Lestari" in {a["name"] for a in d["actors"]}, d["actors"]


def test_a_saying_that_judges_harshly_is_criticism_by_its_speaker():
    got = after_lead("Foreign Minister Ana Ruiz said on Tuesday the closure was "
                     "\"disproportionate\".")
    assert [(e["plover_type"], e["cameo_code"]) for e in got] == [("ACCUSE", "111")], got
    assert got[0]["review"] == "pending" and "disproportionate" in got[0]["reason"], got
    # A denial or a conditional threat is not criticism; nor is a harsh word denied.
    for sentence in ("Foreign Minister Ana Ruiz said the claims were \"unfounded and "
                     "regrettable\".",
                     "Foreign Minister Ana Ruiz said the list could grow if Lima chose "
                     "escalation.",
                     "Foreign Minister Ana Ruiz said the exercise was not provocative."):
        assert not [e for e in after_lead(sentence) if e["cameo_code"] == "111"], sentence
