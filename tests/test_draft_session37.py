"""Issue 21, session 37: a Spanish name's first surname, crowds after "On Friday,", the
"would-be" that is no future, and acts the tables did not name (standing behind a state,
a blacklist, a meeting sought) — each checked on fictional sentences (real state names,
invented people and bodies). The story of tests/lead.py is published on Saturday, June 7,
2031."""

from __future__ import annotations

from tests.lead import acts, after_lead, dated, drafted


def test_a_spanish_name_goes_on_as_its_first_surname():
    d = drafted("Summit opens\n\nASUNCION, June 7 (Wire) - Paraguay's President Lucía "
                "Fernández Rojas hosted the summit on Friday.\n\n10:21 — Fernández opens the "
                "plenary and urges Brazil to ratify the protocol.\n")
    urged = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert [e["participants"]["actor"] for e in urged] == [["lucia-fernandez-rojas"]], urged


def test_a_counted_crowd_after_a_weekday_and_a_comma_rallies():
    got = dated("On Friday, several hundred would-be pilgrims rallied outside the Iraqi "
                "consulate in Mashhad.")
    # ("would-be" is no future: the rally was the Friday before publication.)
    assert got == [("PROTEST", "2031-06-06")], got
    assert acts("On Thursday, about 300 refugees marched to the Kenyan embassy.") == \
        [("PROTEST", ["refugees"])]


def test_standing_behind_a_state_is_support():
    got = acts('The bloc\'s spokesman said the European Union stood "fully behind" '
                "Finland.")
    assert ("SUPPORT", ["eu"]) in got, got


def test_a_firm_added_to_a_blacklist_is_sanctioned():
    got = [(e["plover_type"], e["cameo_code"]) for e in after_lead(
        "China added a Vietnamese phone maker to its unreliable entity list on Wednesday.")]
    assert got and got[0][1] == "163", got
    # ("added" opens no saying here: Wednesday dates the listing.)
    assert dated("China added Hengtai to its blacklist on Wednesday.") == \
        [(got[0][0], "2031-06-04")]


def test_a_meeting_sought_or_requested_is_an_appeal_to_meet():
    for sentence in ("Ghana sought an urgent meeting with Togo's foreign minister.",
                     "Ghana requested a meeting with Togo's foreign minister."):
        codes = [e["cameo_code"] for e in after_lead(sentence)]
        assert codes[:1] == ["026"], (sentence, codes)   # (not "106", demand withdrawal)


def test_a_clause_counts_on_from_the_day_its_sentence_named_before_it():
    got = dated("Iran summoned Iraq's charge d'affaires on Wednesday, and Iran's deputy "
                "foreign minister flew to Baghdad the following day to ask for the old "
                "quota back.")
    assert ("ACCUSE", "2031-06-04") in got, got
    assert ("CONSULT", "2031-06-05") in got, got   # (Thursday, counted on)
    assert "SUPPORT" not in [t for t, _ in got], got   # ("the old quota back": no backing)


def test_a_date_after_an_accused_deed_is_the_deed_s():
    got = dated("Myanmar's envoy accused Thai artillery of hitting a monastery late on "
                "Monday.")
    assert got and got[0][0] == "ACCUSE" and got[0][1] != "2031-06-02", got


def test_criticism_with_no_day_of_its_own_takes_the_day_of_the_act_before_it():
    d = drafted('Expulsions\n\nLOME, June 7 (Wire) - Ghana expelled two Togolese diplomats '
                'on Tuesday. "Expelling our diplomats is a hostile and reckless act," Togo\'s '
                "foreign minister, Kossi Agbeko, told reporters in Lome.\n")
    said = [e for e in d["events"] if e["cameo_code"] == "111"]
    assert [e.get("date") for e in said] == ["2031-06-03"], said
    assert "the act drafted before it" in said[0]["date_note"], said[0]


def test_an_order_to_leave_reaches_past_a_name_and_its_title():
    got = acts("Russia summoned Estonia's ambassador and ordered Kalev Tamm, a second "
                "secretary at the Estonian embassy in Moscow, to leave within five days.")
    assert "SANCTION" in [t for t, _ in got], got


def test_a_crowd_of_a_party_s_supporters_or_after_a_bullet_rallies():
    assert acts("That evening about 200 supporters of the governing coalition rallied "
                 "outside the German embassy.") == \
        [("PROTEST", ["supporters-of-the-governing-coalition"])]
    d = drafted("Suva briefs\n\n• About 200 people rallied outside Tuvalu's High Commission "
                "in Suva on Monday.\n")
    assert [(e["plover_type"], e["participants"]["actor"]) for e in d["events"]] == \
        [("PROTEST", ["people"])]


def test_a_demand_repeated_is_a_demand():
    got = acts("Slovenia's interior minister repeated her demand that Croatia lift the "
                "checks.")
    assert [t for t, _ in got] == ["REQUEST"], got


def test_a_ship_held_then_released_before_is_held_and_released_by_the_same_state():
    got = acts("Iran held the bulk carrier Tanjong Rhu for eleven days in March before "
                "releasing it without charge.")
    assert ("COERCE", ["iran"]) in got and ("RETREAT", ["iran"]) in got, got


def test_a_body_named_with_an_acronym_of_its_own_language_is_that_body():
    got = acts("Chad's Civil Aviation Service (SCAT) grounded two Sudanese cargo planes. "
                "SCAT said on Monday it had warned Khartoum.")
    assert ("THREATEN", ["civil-aviation-service"]) in got or any(
        a == ["civil-aviation-service"] for _t, a in got), got


def test_a_body_known_by_an_acronym_goes_on_as_it_and_its_language_names_no_state():
    got = acts("Observers urged the electoral commission, known by its French acronym "
                "CENI, to publish results. The CENI denied on Thursday that anyone had been "
                "barred.")
    assert ("REJECT", ["ceni"]) in got, got
    assert all("france" not in a for _t, a in got), got


def test_members_of_a_union_marching_along_a_street_protest():
    got = acts("Several hundred members of the dockworkers' union are marching along the "
                "waterfront to the Brazilian consulate.")
    assert ("PROTEST", ["members-of-the-dockworkers-union"]) in got, got


def test_a_bare_refusal_that_ends_its_clause_is_a_rejection():
    got = acts("Colombia invited Nicaragua to send observers. Managua declined.")
    assert ("REJECT", ["nicaragua"]) in got, got
    got = acts("Ghana asked Togo to extend the deadline. Togo declined, saying the date was "
                "fixed.")
    assert ("REJECT", ["togo"]) in got, got
    # an economy's decline is no refusal
    assert acts("Ghana's cocoa exports declined.") == [], acts("Ghana's cocoa exports declined.")
    assert "REJECT" not in [t for t, _ in acts("Ghana's exports declined by 5 percent.")]
