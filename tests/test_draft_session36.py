"""Issue 21, session 36: crowds as the doers of protests, the month that is not a march, and
unnamed speakers named without the time that opens their sentence — each checked on
fictional sentences (real state names, invented people and bodies)."""

from __future__ import annotations

from tests.lead import acts, after_lead, drafted


def test_a_crowd_that_holds_a_protest_is_its_doer():
    assert acts("About 150 of the students held a sit-in outside Malaysia's embassy.") \
        == [("PROTEST", ["students"])]
    assert acts("Protesters staged a rally outside the Senegalese embassy.") \
        == [("PROTEST", ["protesters"])]


def test_a_crowd_counted_in_words_after_a_time_marches():
    got = acts("Yesterday afternoon some two hundred traders marched to the Togolese "
                "consulate.")
    assert got == [("PROTEST", ["traders"])], got


def test_the_month_of_march_is_no_march():
    got = acts("Ghana and Togo agreed in March to revive the joint commission.")
    assert "PROTEST" not in [t for t, _ in got], got


def test_an_unnamed_speaker_is_not_named_after_the_time_that_opens_the_sentence():
    d = drafted("Market row\n\nLast night a Togolese official told reporters that Togo "
                "would ask Ghana to reopen the market.\n")
    unnamed = [a["id"] for a in d["actors"] if a["kind"] == "unnamed"]
    assert unnamed == ["unnamed-togolese-official"], unnamed
    d = drafted("Market row\n\nOn Monday a Togolese official said Togo would ask Ghana to "
                "reopen the market.\n")
    assert [a["id"] for a in d["actors"] if a["kind"] == "unnamed"] == \
        ["unnamed-togolese-official"]


def test_a_name_followed_by_who_and_what_the_person_does_is_a_person():
    d = drafted("Port row\n\nKofi Mensah, who chairs a Ghanaian hauliers' association, said "
                "Togo had blocked the lorries.\n")
    people = [a["id"] for a in d["actors"] if a["kind"] == "person"]
    assert people == ["kofi-mensah"], people


def test_a_name_never_runs_across_a_line_break_from_the_headline():
    d = drafted("Togo Row\n\nKofi Mensah, 41, said Togo had blocked the lorries.\n")
    people = [a["id"] for a in d["actors"] if a["kind"] == "person"]
    assert people == ["kofi-mensah"], people


def test_a_demand_dropped_is_a_concession_and_a_message_carried_a_consultation():
    assert acts("Togo dropped its demand for a second prisoner overnight.") \
        == [("CONCEDE", ["togo"])]
    got = acts("Omani officials carried a message from Ghana to Togo late on Wednesday.")
    assert [t for t, _ in got] == ["CONSULT"], got


def test_words_that_only_look_like_acts_are_none():
    # a trade plied, a supply counted, an arm that holds a loaf, a fine not paid, travel
    assert acts("Odile Nnanga has traded at the Togolese market for twenty years.") == []
    assert acts("Ghana supplied about a third of Togo's cement imports last year.") == []
    assert acts("She has a loaf under one arm, waiting to cross into Togo.") == []
    assert acts("Ghanaians in Togo can renew their permits without paying a fine.") == []
    # "take back" its citizens is no backing; "backed" a state's claim still is
    assert "SUPPORT" not in [t for t, _ in acts("Ghana said it would take back its own "
                                                 "citizens from Togo.")]
    assert acts("Nigeria backed Ghana's claim on Thursday.")[0][0] == "SUPPORT"


def test_people_turned_away_at_a_gate_are_refused():
    got = acts("Ghanaian consular officers were turned away at Togo's base gate.")
    assert [t for t, _ in got] == ["REJECT"], got


def test_imports_suspended_are_an_embargo_as_the_gold_codes_it():
    got = [(e["plover_type"], e["cameo_code"])
           for e in after_lead("Ghana has suspended imports of frozen fish from Togo.")]
    assert got == [("COERCE", "163")], got


def test_welcoming_a_thing_is_support_and_welcoming_a_visitor_is_hosting():
    got = [(e["plover_type"], e["participants"]["actor"])
           for e in after_lead("Nigeria welcomed the decision by Ghana.")]
    # (the "by" names the decision's maker, not the welcomer)
    assert got == [("SUPPORT", ["nigeria"])], got
    assert acts("A Ghanaian rights group welcomed the prosecution of Togo's envoy.")[0][0] \
        == "SUPPORT"
    got = acts("Ghana's president welcomed the visiting Togolese president at the airport.")
    assert [t for t, _ in got] == ["CONSULT"], got
