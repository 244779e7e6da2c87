"""Issue 21, session 49: rules checked on fictional sentences (real state names, invented
people, places and bodies). The stories are published on Saturday, June 7, 2031 ("on
Monday" is June 2, "on Thursday" June 5)."""

from __future__ import annotations

from tests.lead import codes, drafted


def _dates(body: str) -> list[tuple[str, str | None, str]]:
    """(type, date, evidence) of each event of a story with `body` after its dateline."""
    d = drafted(f"Row over a border post\n\nCITY, June 7 (Wire) - {body}\n")
    return [(e["plover_type"], e.get("date"), e["evidence"][0]) for e in d["events"]]


def _doers(article: str, keep) -> list[list[str]]:
    """The doers' names of each event of `article` that `keep` holds."""
    d = drafted(article)
    names = {a["id"]: a["name"] for a in d["actors"]}
    return [[names[a] for a in e["participants"]["actor"]] for e in d["events"] if keep(e)]


def test_the_following_day_counts_from_the_day_its_paragraph_last_names():
    got = _dates("Chile's embassy rejected the charges on Friday.\n\nA court in Arica "
                 "extended the detention of the two engineers on Monday.\n\nThe minister gave "
                 "her account of the May 28 incident at the border post, in which, according "
                 "to Chile's interior ministry, two Peruvian officers chasing a suspect crossed "
                 "into Chile and shoved a guard to the ground. The guard was treated in hospital. "
                 "The Peruvian ambassador was summoned to the foreign ministry the following "
                 "day.")
    summoned = [d for t, d, q in got if "summoned" in q]
    assert summoned == ["2031-05-29"], got


def test_a_statement_s_day_goes_on_though_what_it_said_looks_ahead():
    got = _dates("Lawmakers voted on Wednesday to freeze the talks.\n\nIn a statement on "
                 "Thursday, Peru's embassy said the case was a matter for the courts and that "
                 "the engineers would not be freed under pressure. It accused the lawmakers "
                 "of playing to a domestic audience.")
    accused = [d for t, d, q in got if q.startswith("It accused")]
    assert accused == ["2031-06-05"], got


def test_an_act_by_saying_takes_the_day_of_the_doer_s_own_words_quoted_next():
    got = _dates("Libya set a deadline on Tuesday for the scholarships to resume.\n\n"
                 "Education Minister Sami Gharbi rejected the deadline. \"Tunisia does not "
                 "take instructions on who studies in its universities,\" Gharbi told "
                 "parliament on Thursday. In May, Libya closed two crossings.")
    rejected = [d for t, d, q in got if "rejected the deadline" in q]
    assert rejected == ["2031-06-05"], got
    # ... but not from a date of the sentence after the quote's
    got = _dates("Libya set a deadline on Tuesday for the scholarships to resume.\n\n"
                 "Education Minister Sami Gharbi rejected the deadline. \"Tunisia does not "
                 "take instructions,\" Gharbi said. On Thursday, Libya closed two crossings.")
    rejected = [d for t, d, q in got if "rejected the deadline" in q]
    assert rejected != ["2031-06-05"], got


def test_a_side_named_in_the_speaker_s_own_quoted_words_is_judged():
    got = [(t, q) for t, _d, q in _dates(
        "Spain's Foreign Minister Marta Ferrandiz called Portugal \"alarmist\" on Friday.")]
    assert ("ACCUSE", "Marta Ferrandiz called Portugal \"alarmist\" on Friday") in got, got
    # ... but not the words that say why of an act told ("turned it down, calling it"),
    # nor a side's defence of its own measure, nor "what it called"
    for body in ("Peru's interior ministry described the closure as \"a sovereign measure of "
                 "public security\".",
                 "Hungary threw the plan out within a week, calling it \"a summer favour, not "
                 "a settlement\".",
                 "Chile's embassy rejected what it called \"unfounded accusations\" by "
                 "lawmakers."):
        assert "ACCUSE" not in [t for t, _d, _q in _dates(body)], (body, _dates(body))


def test_her_ministry_as_a_subject_is_the_body_of_her_state():
    denied = _doers("Power cut row\n\nQUITO, June 7 (Wire) - Ecuador's Energy Minister Paola "
        "Cevallos called the cut unfair. In a statement late on Friday, her ministry denied that "
        "the full sum was owed.\n",
        lambda e: e["plover_type"] == "REJECT")
    assert denied == [["Ecuador"]]


def test_the_mission_is_the_body_whose_mission_the_story_named():
    got = [(t, q) for t, _d, q in _dates(
        "The AU mission criticised the ruling party on Friday. The mission also urged Malawi "
        "to publish the results.")]
    assert ("REQUEST", "The mission also urged Malawi to publish the results") in got, got


def test_a_body_led_by_someone_is_the_doer_not_its_leader():
    doers = _doers("Vote row\n\nLILONGWE, June 7 (Wire) - The AU mission, led by former Botswana "
        "foreign minister Boitumelo Sekgoma, criticised the ruling party on Friday.\n",
        lambda e: e["plover_type"] == "ACCUSE")
    assert doers == [["African Union"]]


def test_an_act_done_without_is_no_act():
    got = [t for t, _d, _q in _dates(
        "Ghana and Togo last held talks on fishing rights in 2028, without reaching "
        "agreement. Togo built the weir without consulting Accra.")]
    assert "AGREE" not in got and got.count("CONSULT") == 1, got


def test_hours_given_to_do_something_are_an_ultimatum():
    got = [(t, c) for t, c in codes("Suriname gave Georgetown 48 hours to withdraw its officers.")]
    assert ("THREATEN", "139") in got, got


def test_a_threat_is_made_when_said_not_on_the_day_it_threatens():
    got = _dates("Namibia's foreign minister said on Friday that Namibia would take the "
                 "dispute to the SADC Tribunal next month if the filling continued.")
    assert [(t, d) for t, d, _q in got if t == "THREATEN"] == [("THREATEN", "2031-06-06")], got


def test_a_stance_takes_the_day_its_state_s_spokesman_told_next():
    got = _dates("Iran denies that any aircraft crossed the border. Brigadier General Hamid "
                 "Rezaeifar, a spokesman for the Iranian army's ground forces, said on Monday "
                 "evening that the drone had been Iraqi.")
    assert [d for t, d, q in got if q.startswith("Iran denies")] == ["2031-06-02"], got


def test_it_after_a_second_sayer_is_that_sayer():
    refused = _doers("Vote row\n\nLILONGWE, June 7 (Wire) - Zambia's President Mwansa Kabwe "
        "telephoned the winner on Friday to congratulate him, while Mozambique said on Friday it "
        "could not recognise the result.\n",
        lambda e: e["plover_type"] == "REJECT")
    assert refused == [["Mozambique"]]


def test_a_saying_s_participle_is_the_sayer_s():
    accused = _doers("Airspace row\n\nPARAMARIBO, June 7 (Wire) - Suriname's President Ivan "
        "Doekhi said on Friday that flights from Guyana would be exempted from the ban, accusing "
        "Georgetown of escalating the row.\n",
        lambda e: e["plover_type"] == "ACCUSE")
    assert accused == [["Ivan Doekhi"]]


def test_who_summoned_an_envoy_told_in_the_passive():
    def summoners(body: str) -> list[list[str]]:
        return _doers(f"Envoy summoned\n\n{body}\n", lambda e: "summoned" in e["evidence"][0])

    # the ministry it was summoned to; the capital it serves in; the dateline's state
    assert summoners("WINDHOEK, June 7 (Wire) - Angola's ambassador, Domingos Cafuxi, was "
                     "summoned to the Namibian foreign ministry on Friday.") == [
        ["Foreign Ministry of Namibia"]]
    assert summoners("ZAGREB, June 7 (Wire) - Croatia's charge d'affaires in Belgrade was "
                     "summoned on Friday morning.") == [["Serbia"]]
    assert summoners("SOFIA, June 7 (Wire) - Bulgaria's border police reported a scuffle on "
                     "Thursday. The North Macedonian ambassador was summoned to the foreign "
                     "ministry on Friday.") == [["Foreign Ministry of Bulgaria"]]


def test_a_consul_allowed_to_visit_is_allowed_by_the_state_it_serves_in():
    allowed = _doers("Journalist held\n\nKOROR, June 7 (Wire) - Nauru detained a Palauan reporter "
        "last week. Palau's honorary consul in Yaren was finally allowed to see her on Friday.\n",
        lambda e: "allowed" in e["evidence"][0])
    assert allowed == [["Nauru"]]


def test_a_foreigner_held_in_a_state_is_held_by_that_state():
    held = _doers("Traders held\n\nBAMAKO, June 7 (Wire) - Two Malian traders were arrested in "
        "Niger on Thursday.\n",
        lambda e: e["plover_type"] == "COERCE")
    assert held == [["Niger"]]


def test_a_side_s_own_people_held_with_no_agent_are_held_by_the_other_side():
    def doers(body: str, word: str) -> list[list[str]]:
        return _doers(f"Crew held\n\nDHAKA, June 7 (Wire) - Bangladesh protested to Myanmar on "
                      f"Thursday over the seizure of a trawler. {body}\n",
                      lambda e: word in e["evidence"][0])

    assert doers("Two Bangladeshi consular officers were turned away at the base gate on "
                 "Friday.", "turned away") == [["Myanmar"]]
