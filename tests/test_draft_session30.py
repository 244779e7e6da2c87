"""Issue 21, session 30: the days acts are drafted on, and what a sentence's quotes and
ministries are, each checked on fictional sentences (real state names, invented people)."""

from __future__ import annotations

from briefing.draft import draft
from tests.lead import PUBLISHED, TODAY
from tests.lead import dated as _dated
from tests.lead import events as _events


def test_a_short_quoted_word_does_not_pair_with_the_next_quote():
    # '"harassed"' is a word used; its closing mark used to open a 'quote' running to the
    # next sentence's quote, hiding that sentence's speaker and the day he spoke.
    got = _dated('Russia\'s foreign ministry said the coast guard had "harassed" a Russian '
                 'vessel. Spokesman Arkady Belov said on Thursday that the corvette had acted '
                 '"within international rules" and accused Norway of staging the incident.')
    assert ("ACCUSE", "2031-06-05") in got, got


def test_one_act_read_twice_in_a_sentence_keeps_the_date_either_reading_gave():
    got = _dated('Spokesman Arkady Belov said on Thursday that the corvette had acted '
                 '"within international rules" and accused Norway of staging the incident.')
    assert got == [("ACCUSE", "2031-06-05")], got


def test_a_saying_placed_after_its_words_dates_them_through_an_interview():
    for tail in ("said in an interview on Thursday.",
                 "said at a news conference in Colombo on Thursday."):
        got = _dated("Sri Lanka will stop issuing export licences unless 31 fishermen are "
                     f"freed by August 31, Foreign Minister Nirmala Dissanayake {tail}")
        assert got == [("THREATEN", "2031-06-05")], (tail, got)


def test_a_verb_after_but_goes_on_with_the_same_doer_and_day():
    got = _dated("Liberia's Ministry of Justice rejected the request in a statement on "
                 "Wednesday, saying the trader could flee, but promised that he would be "
                 "tried swiftly.")
    assert got == [("REJECT", "2031-06-04"), ("AGREE", "2031-06-04")], got
    # a new subject after "but" is another clause, with its own time
    got = _dated("Poland agreed in 2019 to set up a committee, but it has not met.")
    assert ("AGREE", "2019") in [(t, str(d)) for t, d in got]
    assert ("CONSULT", "2019") not in [(t, str(d)) for t, d in got]


def test_a_date_inside_a_passive_participle_is_that_participles():
    got = _dated("A magistrate in Tobago on Tuesday refused bail to the captain of a "
                 "Barbadian boat seized by Trinidad and Tobago's coast guard last week, but "
                 "freed his five crewmen.")
    assert ("RETREAT", "2031-06-03") in got, got


def test_a_ministry_of_justice_is_one_body_of_its_state():
    d = draft("Row deepens\n\nCITY, June 7 (Wire) - Liberia's Ministry of Justice rejected "
              "the request. Kenya's Ministry of Foreign Affairs condemned the raid.\n",
              published=PUBLISHED, known=None, today=TODAY)
    bodies = {a["name"]: a.get("parent") for a in d["actors"] if a["kind"] == "organization"}
    assert bodies == {"Justice Ministry of Liberia": "liberia",
                      "Foreign Ministry of Kenya": "kenya"}, bodies
    doers = {e["plover_type"]: e["participants"]["actor"] for e in d["events"]}
    assert doers["REJECT"] == ["justice-ministry-of-liberia"], doers
    assert doers["ACCUSE"] == ["foreign-ministry-of-kenya"], doers


def test_talks_the_act_came_out_of_share_its_day():
    got = _dated("The foreign ministers of Mexico and Guatemala agreed on Wednesday to "
                 "create a joint task force, according to a joint statement released after "
                 "their talks at the Mexican foreign ministry.")
    assert ("CONSULT", "2031-06-04") in got and ("AGREE", "2031-06-04") in got, got
    # months of talks are not that day's
    got = _dated("Chile and Peru signed a fisheries accord on Wednesday after months of "
                 "talks.")
    assert ("CONSULT", "2031-06-04") not in got, got


def test_a_statement_issued_on_a_day_dates_the_agreement_it_tells_of_not_the_plan():
    got = _dated("Rwanda and Burundi agreed to reopen their main border crossing, according "
                 "to a joint statement issued on Sunday.")
    assert ("AGREE", "2031-06-01") in got, got
    assert all(d is None or d <= PUBLISHED for _t, d in got), got


def test_a_day_label_before_reported_words_is_a_day_gone_by():
    body = ("Week in review\n\nTUNIS, June 7 (Wire) - A week of rows.\n\n"
            "Wednesday: Tunisian Foreign Minister Nadia Jlassi told parliament the three men "
            'would be tried "like anyone else" and rejected any link with the closure.\n')
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    assert d["events"] and all(e.get("date") == "2031-06-04" for e in d["events"]), [
        (e["plover_type"], e.get("date")) for e in d["events"]]


def test_a_regions_demonym_is_no_state_and_a_system_is_a_body():
    d = draft("Row deepens\n\nCITY, June 7 (Wire) - The Central American Integration System "
              "condemned the raid. The Clean Danube Alliance condemned the violence.\n",
              published=PUBLISHED, known=None, today=TODAY)
    assert "united-states" not in {a["id"] for a in d["actors"]}
    doers = [e["participants"]["actor"] for e in d["events"] if e["plover_type"] == "ACCUSE"]
    assert doers == [["central-american-integration-system"], ["clean-danube-alliance"]], doers


def test_a_trip_told_in_the_present_is_ahead():
    assert _dated("Achurra travels on to Belize on Wednesday.") == [("CONSULT", "2031-06-11")]


def test_a_reply_issued_on_a_day_is_that_day_gone_by():
    got = _dated("In a reply issued late on Monday, Peru's interior ministry said the bridge "
                 "would remain shut until at least June 20.")
    assert got and all(d == "2031-06-02" for _t, d in got), got


def test_a_later_verb_with_its_infinitive_owns_the_day_after_it():
    got = _dated("The foreign ministers of Croatia and Slovenia spoke by phone and agreed to "
                 "meet in Brussels on Monday.")
    assert ("CONSULT", "2031-06-02") not in got, got


def test_a_summit_the_act_came_out_of_is_that_day_not_the_deadline():
    got = _dated("Leaders of ECOWAS threatened on Thursday to impose sanctions on "
                 "Guinea-Bissau if it does not set an election date by the end of July, "
                 "according to a joint statement issued after a summit in Abuja.")
    assert ("CONSULT", "2031-06-05") in got, got


def test_a_coercive_step_not_ruled_out_is_a_veiled_threat_and_talks_are_not():
    got = _events("Sri Lanka's foreign minister would not rule out cutting the number of "
                  "Maldivian flights.")
    assert [(e["plover_type"], e["cameo_code"], e["status"]) for e in got
            if e["plover_type"] == "THREATEN"] == [("THREATEN", "130", "occurred")], got
    got = _events("Sri Lanka's foreign minister did not rule out a meeting with Shareef.")
    assert not [e for e in got if e["plover_type"] == "THREATEN"], got


def test_an_agreement_to_meet_is_an_intent_and_the_meeting_is_drafted_planned():
    got = _events("The Slovak and Hungarian foreign ministers agreed to meet in Vienna on "
                  "July 4.")
    assert [(e["plover_type"], e["cameo_code"], e["status"], e.get("date")) for e in got
            if "Officials met" not in e["evidence"][0]] == [
        ("AGREE", "036", "occurred", None), ("CONSULT", "040", "planned", "2031-07-04")], got
    # agreeing to reopen a crossing stays an agreement (030)
    got = _events("Bolivia and Peru agreed to reopen the border.")
    assert ("AGREE", "030") in [(e["plover_type"], e["cameo_code"]) for e in got], got


def test_harassment_and_fishing_without_a_licence_said_of_another_are_accusations():
    got = _events("Russia's foreign ministry said the Norwegian coast guard had harassed a "
                  "Russian vessel.")
    assert [(e["plover_type"], e["cameo_code"]) for e in got
            if "Officials met" not in e["evidence"][0]] == [("ACCUSE", "112")], got
    got = _events("Trinidad and Tobago's coast guard said the boat had been fishing without a "
                  "licence in its waters.")
    assert [(e["plover_type"], e["cameo_code"]) for e in got
            if "Officials met" not in e["evidence"][0]] == [("ACCUSE", "1121")], got
    # said of itself, it is no accusation
    got = _events("Norway's coast guard said it had acted without a licence.")
    assert not [e for e in got if e["plover_type"] == "ACCUSE"], got


def test_a_state_a_saying_reports_as_it_stood_takes_the_sayings_day():
    got = _dated("A NATO spokeswoman said on Thursday that the alliance was in contact with "
                 "the Norwegian authorities.")
    assert got == [("CONSULT", "2031-06-05")], got


def test_a_day_set_for_later_is_not_handed_to_the_next_sentence():
    body = ("Row deepens\n\nCITY, June 7 (Wire) - Liberia detained a Sierra Leonean trader on "
            "Wednesday. His first hearing is set for June 24. Sierra Leone's foreign minister "
            "also urged the Mano River Union to look into the case.\n")
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    urged = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert urged and all(str(e.get("date", "")) < PUBLISHED < "2031-06-24" or "date" not in e
                         for e in urged), urged
    assert all(not str(e.get("date", "")).startswith("2030") for e in d["events"]), d["events"]


def test_a_hostile_act_told_in_a_relative_clause_after_its_object_is_drafted():
    for text in ("Costa Rica challenged the tariff Panama imposed on dairy products in March.",
                 "Costa Rica challenged the tariff that Panama imposed on dairy products in "
                 "March."):
        got = [(e["plover_type"], e["cameo_code"], e["participants"]["actor"], e.get("date"))
               for e in _events(text) if e["plover_type"] == "COERCE"]
        assert got == [("COERCE", "163", ["panama"], "2031-03")], (text, got)


def test_a_closure_told_in_a_reduced_passive_is_drafted():
    got = _events("Yemen said the road between Taiz and Aden, closed since 2027, must reopen.")
    assert ("COERCE", "191") in [(e["plover_type"], e["cameo_code"]) for e in got], got


def test_any_act_told_after_its_object_in_a_relative_clause_is_drafted():
    got = [(e["plover_type"], e["participants"]["actor"], e.get("date"), e["status"])
           for e in _events("Chile said the accord Peru and Bolivia signed in 2019 was void.")]
    assert ("SUPPORT", ["peru", "bolivia"], 2019, "historical") in got, got


def test_a_joint_body_or_ministers_named_by_office_alone_are_the_storys_two_states():
    body = ("Peru and Chile agree fisheries pact\n\nLIMA, June 7 (Wire) - Peru's foreign "
            "minister Ana Ruiz met her Chilean counterpart Jorge Soto in Lima on Friday. "
            "Ruiz said trade ministers would meet before Christmas. The joint committee is "
            "due to meet in Arica on July 15.\n")
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    planned = [(e["participants"]["actor"], e.get("date")) for e in d["events"]
               if e["status"] == "planned"]
    assert planned == [(["peru", "chile"], None), (["peru", "chile"], "2031-07-15")], planned


def test_she_who_opened_the_sentence_before_goes_on():
    got = _events("Gabon's foreign minister Alice Mabiala arrived at 8 a.m. At 9:30 a.m. she "
                  "spoke by telephone with her counterpart, Santiago Ela Nguema. At 2 p.m. she "
                  "received the foreign minister of Sao Tome and Principe, Helena Braganca.")
    received = [e["participants"]["actor"] for e in got if e["cameo_code"] == "043"]
    assert received == [["alice-mabiala"]], got


def test_talks_by_video_link_are_a_call():
    got = _events("Officials of the Djiboutian and Somali aviation authorities spoke by video "
                  "link on Thursday.")
    assert ("CONSULT", "041", "2031-06-05") in [
        (e["plover_type"], e["cameo_code"], e.get("date")) for e in got], got


def test_a_day_told_in_a_that_clause_after_a_noun_does_not_become_the_storys_day():
    body = ("Standoff deepens\n\nLIBREVILLE, June 7 (Wire) - Gabon's foreign minister, Alice "
            "Mabiala, spent Friday in meetings, seeking the return of a patrol boat that "
            "Equatorial Guinea seized on Monday.\n\nHer day began at 8 a.m., when she summoned "
            "Equatorial Guinea's ambassador.\n")
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    summoned = [e.get("date") for e in d["events"] if e["cameo_code"] == "114"]
    assert summoned and "2031-06-02" not in summoned, d["events"]


def test_a_saying_that_clause_still_hands_its_day_on():
    from briefing.draft.story_day import day_it_moves_to

    day = {"date": "2031-06-05", "date_basis": "resolved", "date_note": "x"}
    for text, gone in (("Araqchi was quoted as saying that Iran and Russia agreed.", False),
                       ("Gabon wants back the boat that Equatorial Guinea seized.", True)):
        at = text.rfind(" ") + 1
        # (a clause's act leaves the day where it was: {} or, since session 31, None)
        assert (not day_it_moves_to(text, [], at, 0, day, False, False)) is gone, text


def test_a_meeting_named_with_next_month_is_ahead_and_a_deadline_by_midday_is_no_date():
    got = _events("Austria's chancellor Wurm telephoned Czech prime minister Horak on "
                  "Wednesday and offered to meet him in Brussels on the sidelines of a European "
                  "Union summit next month.")
    assert ("CONSULT", "planned", "2031-07") in [
        (e["plover_type"], e["status"], e.get("date")) for e in got], got
    got = _events("Honduras demanded that El Salvador free the crew by midday tomorrow.")
    assert all(e.get("date") != "2031-06-08" for e in got), got
