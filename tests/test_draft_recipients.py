"""Issue 21, session 25: who an act is toward, on fictional sentences."""

import datetime as dt

import pytest

from briefing.draft import draft


def _first(text: str) -> dict:
    d = draft(text, published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    return d["events"][0]


@pytest.mark.parametrize("text, plover_type, actor, recipient", [
    # whoever stands in a phrase's gap is the one asked
    ("Sweden asked Norway to withdraw its troops.", "REQUEST", ["sweden"], ["norway"]),
    ("Sweden pressed Norway to withdraw its troops.", "REQUEST", ["sweden"], ["norway"]),
    # those joined to the first recipient are recipients too
    ("The United States urged Norway and Sweden to settle the dispute.", "REQUEST",
     ["united-states"], ["norway", "sweden"]),
    ("Germany urged Poland, Lithuania and Latvia to show restraint.", "REQUEST",
     ["germany"], ["poland", "lithuania", "latvia"]),
])
def test_the_recipients_of_an_act(text, plover_type, actor, recipient):
    event = _first(text)
    assert event["plover_type"] == plover_type
    assert event["participants"]["actor"] == actor
    assert event["participants"].get("recipient") == recipient


def test_a_call_to_a_counterpart_named_by_state_is_between_the_two():
    event = _first("Sweden called its Norwegian counterpart on Monday.")
    assert (event["plover_type"], event["participants"]["actor"]) == (
        "CONSULT", ["sweden", "norway"])


def test_retaliating_by_doing_something_is_that_act_with_no_agent_after_by():
    d = draft("Russia retaliated by banning imports of Canadian pork.", published="2026-03-18",
              known=None, today=dt.date(2027, 12, 31))
    assert [(e["plover_type"], e["participants"]) for e in d["events"]] == [
        ("COERCE", {"actor": ["russia"], "recipient": ["canada"]})]


@pytest.mark.parametrize("text, cameo", [
    ("Russia blocked the resolution.", "129"),
    ("Hungary blocked a joint EU statement on the strikes.", "129"),
    ("Poland blocked the proposal on Tuesday.", "120"),
])
def test_blocking_a_text_is_rejecting_it(text, cameo):
    event = _first(text)
    assert (event["plover_type"], event["cameo_code"]) == ("REJECT", cameo)


@pytest.mark.parametrize("text, plover_type, status, actor", [
    # a planned visit, postponed: "planned" is the visit's adjective, not a verb with an
    # object
    ("Sweden postponed a planned visit to Oslo.", "CONSULT", "postponed", ["sweden"]),
    # an ambassador recalled, in the passive: by the ambassador's state
    ("Denmark's ambassador to Norway was recalled for consultations.", "SANCTION",
     "occurred", ["denmark"]),
    # "will not tolerate": a refusal, said now
    ("Sweden will not tolerate any interference.", "REJECT", "occurred", ["sweden"]),
])
def test_acts_in_other_words(text, plover_type, status, actor):
    event = _first(text)
    assert (event["plover_type"], event["status"], event["participants"]["actor"]) == (
        plover_type, status, actor)


@pytest.mark.parametrize("text, plover_type, actor", [
    # irregular forms of light and trigger verbs
    ("Russia and Belarus began joint military exercises.", "COOPERATE", ["russia", "belarus"]),
    ("Sweden's prime minister paid a visit to Oslo on Monday.", "CONSULT", ["sweden"]),
    ("The World Bank lent Kenya $500 million.", "AID", ["world-bank"]),
    # a prisoner exchange is a release by both sides
    ("Armenia and Azerbaijan exchanged 32 prisoners of war.", "RETREAT",
     ["armenia", "azerbaijan"]),
    ("Russia and Ukraine swapped 200 prisoners on Friday.", "RETREAT", ["russia", "ukraine"]),
    ("The World Bank approved a $500 million loan to Kenya.", "AID", ["world-bank"]),
])
def test_irregular_verbs_exchanges_and_loans(text, plover_type, actor):
    event = _first(text)
    assert (event["plover_type"], event["participants"]["actor"]) == (plover_type, actor)


@pytest.mark.parametrize("text, plover_type, actor", [
    # "we" in a quote is the speaker's state; the speaker may follow "said", with what
    # the person is after the name
    ('"We will retaliate," said Lars Berg, Sweden\'s defence minister.', "THREATEN",
     ["sweden"]),
    ("“We will retaliate,” said Lars Berg, Sweden’s defence minister.", "THREATEN",
     ["sweden"]),
    ('Sweden\'s defence minister Lars Berg said: "We will retaliate against any '
     'aggression."', "THREATEN", ["sweden"]),
])
def test_the_first_person_in_a_quote_is_the_speakers(text, plover_type, actor):
    event = _first(text)
    assert (event["plover_type"], event["participants"]["actor"]) == (plover_type, actor)


def test_we_in_an_objects_clause_or_done_to_the_speaker_is_no_one_acting():
    d = draft('Lars Berg said: "They should stay on the side of the line we recognise."',
              published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert d["events"] == []


def test_a_name_then_a_states_title_is_that_states_person():
    d = draft("Lars Berg, Sweden's defence minister, said the drills were a provocation.",
              published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    berg = next(a for a in d["actors"] if a["id"] == "lars-berg")
    assert (berg["kind"], berg["parent"]) == ("person", "sweden")
    # and not "X, Bolivian President Luis Mamani": the title there starts another name
    d = draft("On the shores of Lake Titicaca, Bolivian President Luis Mamani said the "
              "talks had gone well.", published="2026-03-18", known=None,
              today=dt.date(2027, 12, 31))
    assert [a["name"] for a in d["actors"] if a["kind"] == "person"] == ["Luis Mamani"]


def test_a_sentence_opening_preposition_is_no_actor_and_a_caused_noun_no_act():
    d = draft("Following talks with his Egyptian counterpart, the Sudanese foreign minister "
              "announced a ceasefire.", published="2026-03-18", known=None,
              today=dt.date(2027, 12, 31))
    assert "following" not in [a["id"] for a in d["actors"]]
    d = draft("The killing of a Pakistani soldier by Indian troops sparked protests in "
              "Islamabad.", published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert [e["plover_type"] for e in d["events"]] == ["ASSAULT"]   # not the troops' protest


def test_closing_a_consulate_reduces_relations():
    event = _first("Moscow responded by closing the Lithuanian consulate in St Petersburg.")
    assert (event["cameo_code"], event["participants"]) == (
        "161", {"actor": ["russia"], "recipient": ["lithuania"]})


def test_a_second_participle_after_and_is_passive_too():
    event = _first("A Norwegian farmer was shot and wounded by Swedish soldiers.")
    assert (event["plover_type"], event["participants"]) == (
        "ASSAULT", {"actor": ["sweden"], "recipient": ["norway"]})


@pytest.mark.parametrize("text", ['Sweden called the claims "fabricated."',
                                  "Sweden called the claims baseless.",
                                  "Sweden described the accusations as baseless."])
def test_calling_a_claim_baseless_rejects_it(text):
    event = _first(text)
    assert (event["plover_type"], event["participants"]["actor"]) == ("REJECT", ["sweden"])


@pytest.mark.parametrize("text, plover_type, actor", [
    ("Germany expressed alarm at the reports of mass arrests.", "ACCUSE", ["germany"]),
    ("Norway was deeply concerned by the arrests, the ministry said.", "ACCUSE", ["norway"]),
    ("Iran vowed to avenge the killing of its commander.", "THREATEN", ["iran"]),
])
def test_concern_alarm_and_revenge(text, plover_type, actor):
    event = _first(text)
    assert (event["plover_type"], event["participants"]["actor"]) == (plover_type, actor)


@pytest.mark.parametrize("text", ["Canada advised against all travel to the region.",
                                  "Georgia's parliament passed a law on foreign agents "
                                  "despite protests."])
def test_travel_advice_and_protests_despite_which_are_no_acts_of_the_subject(text):
    d = draft(text, published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert d["events"] == []


def test_it_as_a_subject_is_the_state_or_body_named_first_before_it():
    d = draft("The Somali foreign ministry said two Kenyan patrol boats had entered Somali "
              "waters. It demanded the immediate release of the crew.",
              published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    demand = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert demand["participants"]["actor"] == ["foreign-ministry-of-somalia"]
    # "it is unclear": no one
    d = draft("It is unclear whether Norway will respond.", published="2026-03-18",
              known=None, today=dt.date(2027, 12, 31))
    assert d["events"] == []


@pytest.mark.parametrize("text, actor", [
    ("Ethiopia, which has troops in both Kenya and Somalia, urged restraint.", ["ethiopia"]),
    ("The African Union, whose envoy met Kenyan leaders, urged restraint.",
     ["african-union"]),
])
def test_a_relative_clause_between_subject_and_verb_names_no_subject(text, actor):
    assert _first(text)["participants"]["actor"] == actor


def test_they_is_the_group_that_opens_the_sentence_before():
    d = draft("Norway and Sweden held talks in Oslo on Monday. They agreed to set up a joint "
              "commission.", published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    agreement = next(e for e in d["events"] if e["plover_type"] == "AGREE")
    assert (agreement["participants"]["actor"], agreement["date"]) == (
        ["norway", "sweden"], "2026-03-16")


def test_a_meeting_between_two_titled_people_is_theirs():
    event = _first("The agreement was reached during a meeting in Accra between Ghana's "
                   "foreign minister, Kojo Mensah, and his Togolese counterpart, Afi Lawson.")
    assert (event["plover_type"], event["participants"]["actor"]) == (
        "CONSULT", ["kojo-mensah", "afi-lawson"])


@pytest.mark.parametrize("text, types", [
    ("Ghana and Togo struck a deal on Tuesday.", ["AGREE"]),
    ("The deal was struck on Tuesday.", []),
    ("Rebels struck a police post on Tuesday.", ["ASSAULT"]),
])
def test_striking_a_deal_is_no_attack(text, types):
    d = draft(text, published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert [e["plover_type"] for e in d["events"]] == types


@pytest.mark.parametrize("text, actors", [
    ("New Zealand promised $150 million over five years and Britain $90 million.",
     [["new-zealand"], ["united-kingdom"]]),
    ("Qatar pledged $300 million, Saudi Arabia $250 million and Kuwait $100 million.",
     [["qatar"], ["saudi-arabia"], ["kuwait"]]),
])
def test_a_conjunct_that_leaves_the_verb_out_is_the_same_act_by_its_subject(text, actors):
    d = draft(text, published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert [e["participants"] for e in d["events"]] == [{"actor": a} for a in actors]
    assert len({e["id"] for e in d["events"]}) == len(actors)


def test_talks_after_a_preposition_are_a_meeting_of_the_sentences_subject():
    d = draft("Indonesia and Australia signed an agreement on Wednesday, Indonesian Foreign "
              "Minister Dewi Lestari said after talks with her Australian counterpart, Mark "
              "Halloran.", published="2026-03-18", known=None, today=dt.date(2027, 12, 31))
    assert "CONSULT" in [e["plover_type"] for e in d["events"]]


def test_stopping_imports_unless_is_a_threat():
    event = _first("Afghanistan said on Wednesday that it would stop imports of Pakistani "
                   "cement unless the ban was lifted.")
    assert (event["plover_type"], event["date"]) == ("THREATEN", "2026-03-18")   # said then


def test_he_after_and_goes_on_with_the_sentences_subject_alone():
    d = draft("Nurlan Abenov told Almaz Toktorov that Kazakhstan was ready to host talks "
              "between Bishkek and Dushanbe, and he urged both sides to pull their heavy "
              "weapons back.", published="2026-03-18", known=None,
              today=dt.date(2027, 12, 31))
    appeal = next(e for e in d["events"] if e["plover_type"] == "REQUEST")
    assert appeal["participants"]["actor"] == ["nurlan-abenov"]


@pytest.mark.parametrize("text, plover_type, cameo", [
    ("Norway upgraded relations with Sweden to ambassador level.", "SUPPORT", "050"),
    ("Norway raised tariffs on Swedish cars.", "COERCE", "163"),
    ("Norway lifted tariffs on Swedish timber.", "RETREAT", "085"),
    ("Norway blacklisted three Swedish companies.", "COERCE", "163"),
    ("Norway sentenced a Swedish citizen to ten years in prison.", "ACCUSE", "116"),
    ("Norway pardoned two Swedish fishermen.", "RETREAT", "0841"),
    ("Norway declared martial law.", "COERCE", "1724"),
    ("Norway annexed the disputed island.", "COERCE", "192"),
    ("Norway opposed the Swedish proposal.", "REJECT", "120"),
    ("Norway kidnapped two Swedish soldiers.", "ASSAULT", "181"),
    ("Norway revoked the accreditation of two Swedish journalists.", "COERCE", "172"),
    ("Norway sought clarification from Sweden.", "REQUEST", "020"),
])
def test_more_acts_of_states(text, plover_type, cameo):
    event = _first(text)
    assert (event["plover_type"], event["cameo_code"]) == (plover_type, cameo)


def test_what_an_accusation_alleges_in_quotes_is_no_act():
    d = draft('Kosovo accused Belgrade of "kidnapping" the officers.', published="2026-03-18",
              known=None, today=dt.date(2027, 12, 31))
    assert [e["plover_type"] for e in d["events"]] == ["ACCUSE"]


def test_an_if_clause_is_hypothetical_and_the_main_clause_a_threat():
    d = draft("If Sweden refuses, Norway will close the border.", published="2026-03-18",
              known=None, today=dt.date(2027, 12, 31))
    assert [(e["plover_type"], e["status"]) for e in d["events"]] == [
        ("REJECT", "hypothetical"), ("THREATEN", "occurred")]


def test_not_ruling_out_an_act_makes_it_possible_not_refused():
    d = draft("Norway did not rule out sanctions against Sweden.", published="2026-03-18",
              known=None, today=dt.date(2027, 12, 31))
    # (and, since session 30, not ruling out a coercive step is a veiled threat made now;
    # since session 31 the sanctions are what the threat holds out, not an event apart)
    assert [(e["plover_type"], e["status"]) for e in d["events"]] == [("THREATEN", "occurred")]
    assert "the step held out: COERCE 163" in d["events"][0]["reason"]
