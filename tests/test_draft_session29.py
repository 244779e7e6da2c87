"""Issue 21, session 29: what the twelfth held-out batch showed, each checked on fictional
articles (real state names, invented people, firms and events)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import yaml

import briefing
from briefing.draft import draft, to_yaml

PUBLISHED = "2031-06-03"   # a Tuesday
TODAY = dt.date(2032, 1, 1)


def _write(folder: Path, text: str, facts: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({"published": PUBLISHED,
                                                  "outlet": "Harbour Desk (fictional)"}))
    (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    r = subprocess.run([sys.executable, "-m", "briefing", "validate", str(folder)],
                       capture_output=True, text=True, timeout=120)
    return [line for line in (r.stdout + r.stderr).splitlines() if "facts.yaml" in line]


def _acts(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(type, code, actors, recipients) of each event drafted from `text` as a story's lead."""
    body = f"Row deepens\n\nCITY, June 3 (Wire) - {text}\n"
    return [(e["plover_type"], e["cameo_code"], e["participants"].get("actor", []),
             e["participants"].get("recipient", []))
            for e in draft(body, published=PUBLISHED, known=None, today=TODAY)["events"]]


def _codes(text: str) -> list[tuple[str, str]]:
    return [(ptype, code) for ptype, code, _actors, _recipients in _acts(text)]


def test_a_firm_named_before_a_speech_verb_is_a_body_with_no_surname():
    text = ("Port fees row\n\nRIGA, June 3 (Wire) - The shipping firm Baltic Harbour Lines "
            "said it would appeal the fees. Tamar Minerals said it would sue the port.\n")
    d = draft(text, published=PUBLISHED, known=None, today=TODAY)
    kinds = {a["name"]: a["kind"] for a in d["actors"]}
    assert kinds["Baltic Harbour Lines"] == kinds["Tamar Minerals"] == "organization"
    assert not any(a.get("aliases") for a in d["actors"] if a["kind"] == "organization")


def test_a_known_actor_s_aliases_are_written_as_a_list_and_the_draft_loads_clean(tmp_path):
    # The fact base knows a minister by two other names; a new article names her: her
    # declaration is copied into the draft, and its aliases must stay a YAML list (the
    # frame joins them by "|", which facts.yaml refuses inside a name).
    first = _write(tmp_path / "base" / "first", (
        "Ministers meet\n\nTALLINN, June 2 (Wire) - Estonian Foreign Minister Kaja "
        "Paldermaa met Finnish Foreign Minister Jari Lehtovaara on Monday.\n"), "")
    d0 = draft((first / "article.txt").read_text(encoding="utf-8"), published=PUBLISHED,
               known=None, today=TODAY)
    for a in d0["actors"]:
        if a["name"] == "Kaja Paldermaa":
            a["aliases"] = ["Paldermaa", "K. Paldermaa"]
    for src in d0["sources"]:
        src["reliability"] = "B"         # the analyst's grades
    for ev in d0["events"]:
        ev["credibility"] = 2
    (first / "facts.yaml").write_text(to_yaml(d0), encoding="utf-8")
    base = briefing.load(tmp_path / "base", include_pending=True)
    assert "Paldermaa|K. Paldermaa" in set(base.actors["aliases"])

    text = ("Fees talks go on\n\nRIGA, June 3 (Wire) - Paldermaa said on Tuesday that the "
            "port fees were unfair, and Estonia asked Finland to lower them.\n")
    d = draft(text, published=PUBLISHED, known=base, today=TODAY)
    row = next(a for a in d["actors"] if a["name"] == "Kaja Paldermaa")
    assert row["aliases"] == ["Paldermaa", "K. Paldermaa"]
    written = yaml.safe_load(to_yaml(d))
    assert next(a for a in written["actors"] if a["name"] == "Kaja Paldermaa")["aliases"] \
        == ["Paldermaa", "K. Paldermaa"]
    second = _write(tmp_path / "second", text, to_yaml(d))
    problems = _problems(second)
    assert problems and all("awaits the analyst" in p for p in problems), problems


def test_calling_an_act_by_a_damning_name_is_criticism_and_by_a_kind_one_praise():
    assert ("ACCUSE", "111") in _codes(
        "Somalia's foreign minister called Djibouti's hosting of the meeting a direct assault "
        "on Somalia's sovereignty.")
    assert ("ACCUSE", "111") in _codes(
        "Vanuatu's opposition leaders called the postponement a slow-motion coup.")
    assert ("SUPPORT", "051") in _codes(
        "Ecuador's president called the talks a productive first step.")
    # "called" that names nothing
    assert _codes("Peru called a meeting of the border commission to discuss the fees.") == []


def test_a_state_s_named_person_without_a_title_is_a_person_once_called_by_surname():
    body = ("Talks\n\nSAN JOSE, June 3 (Wire) - Costa Rica's Elena Vargas and Panama's Rodrigo "
            "Achurra spoke to reporters. Achurra said Panama would reopen the crossing. "
            "Chile's Atacama Desert stays dry.\n")
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    people = {a["name"]: a for a in d["actors"] if a["kind"] == "person"}
    assert people["Rodrigo Achurra"]["parent"] == "panama"
    # never called "Vargas" alone, nor "Desert": no evidence either is a person
    assert "Elena Vargas" not in people and "Atacama Desert" not in people


def test_the_sayer_is_the_one_its_words_say_is_ready():
    assert ("AGREE", "030", ["egypt"], ["sudan"]) in _acts(
        "Egypt said it was ready to buy more Sudanese cotton.")
    assert ("AGREE", "030", ["ohchr"], ["nicaragua"]) in _acts(
        "The UN human rights office said its team was ready to travel to Nicaragua.")


def test_what_the_sayer_s_side_would_do_is_a_threat_a_refusal_or_an_offer_said_now():
    # (the body the matter is taken to is drafted as the recipient, as for "take the case to")
    assert ("THREATEN", "130", ["south-sudan"], ["unsc"]) in _acts(
        "South Sudan said it would take the matter to the UN Security Council if work had not "
        "stopped by the deadline.")
    assert ("REJECT", "120", ["iceland"], []) in _acts(
        "Iceland's fisheries minister said the mackerel quota would not be changed.")
    assert ("REJECT", "120", ["uganda"], []) in _acts(
        "Uganda said its crews would carry on working despite the order.")
    assert _acts("Chad said it would keep its guns silent if Sudan did the same.") \
        == [("AGREE", "030", ["chad"], [])]
    # a future with no condition, refusal or act in it is no event
    assert _acts("Peru said the committee would study the report.") == []


def test_a_group_named_by_what_its_people_are_acts_in_any_kind_of_event():
    body = ("Bus held\n\nCHISINAU, June 3 (Wire) - Police ringed the bus on Tuesday. The "
            "hijackers demand the release of a man jailed in Ukraine.\n")
    d = draft(body, published=PUBLISHED, known=None, today=TODAY)
    demand = [e for e in d["events"] if e["plover_type"] == "REQUEST"]
    assert [e["cameo_code"] for e in demand] == ["1053"]
    group = next(a for a in d["actors"] if a["id"] == demand[0]["participants"]["actor"][0])
    assert "hijackers" in group["name"].lower()


def test_idioms_of_refusal_demand_and_attack_and_what_a_release_can_be():
    assert ("REJECT", "120") in _codes("Hungary threw the plan out within a week.")
    assert ("REQUEST", "100") in _codes(
        "Hungary insists any deal be policed by independent monitors.")
    assert ("ACCUSE", "111") in _codes("Serbia hit out at Croatia over the border fence.")
    # water, words and a release with no one in it free no one; a crew set free is freed
    assert _codes("The ministry released a statement.") == []
    assert _codes("That release ran from September 9 and ended on Sunday.") == []
    assert ("RETREAT", "084") in _codes("Guinea released the 14 fishermen.")
    assert ("REQUEST", "1053") in _codes("Chad demanded the release of the crew.")


def test_a_demand_carries_the_codebook_s_code_for_what_is_demanded():
    # CAMEO 1053 is a demand to release persons or property (1041 is a change of leader),
    # 1056 one to de-escalate (106 asks for a meeting)
    assert ("REQUEST", "1053") in _codes("Chad demanded the release of the crew.")
    assert ("REQUEST", "1056") in _codes("Chad demanded the withdrawal of Sudanese troops.")
    assert ("REQUEST", "1056") in _codes("Chad demanded an immediate ceasefire.")


def test_what_another_side_must_do_is_the_speaker_s_demand_and_owed_is_not_done():
    assert _acts("Chad said Sudan must withdraw its troops from the border.") \
        == [("REQUEST", "1056", ["chad"], ["sudan"])]
    # the speaker's own side owes it: no demand, and nothing done
    assert _acts("Chad said it must protect its borders.") == []
    body = "Row\n\nCITY, June 3 (Wire) - Talks went on. Sudan must withdraw its troops.\n"
    assert all(e["status"] != "occurred"
               for e in draft(body, published=PUBLISHED, known=None, today=TODAY)["events"])


def test_a_person_named_after_an_occupation_and_a_demonym_is_that_state_s_national():
    body = ("Swap\n\nPARIS, June 3 (Wire) - French aid worker Claire Vasseur flew home on "
            "Tuesday. Iranian engineer Hamed Rostami was freed by France.\n")
    people = {a["name"]: a for a in draft(body, published=PUBLISHED, known=None,
                                          today=TODAY)["actors"] if a["kind"] == "person"}
    assert (people["Claire Vasseur"]["country"], people["Claire Vasseur"]["role"]) \
        == ("FRA", "Aid Worker, France")
    assert people["Hamed Rostami"]["country"] == "IRN"


def test_an_aside_s_negation_is_its_own_and_damning_words_and_thrown_stones_count():
    assert _codes("The crewmen, who were not charged, were released.") == [("RETREAT", "084")]
    assert ("ACCUSE", "111") in _codes(
        'Foreign Minister Jonathan Alleyne called the seizure "out of all proportion".')
    assert ("PROTEST", "145") in _codes(
        "Police came. Some of the protesters threw paint and stones at the Czech embassy.")


def test_a_hijacking_is_an_abduction():
    assert ("ASSAULT", "181") in _codes("Police came. Gunmen hijacked a bus near the border.")
