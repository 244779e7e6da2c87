"""Statements: on the record, relayed by state media, anonymous, direct quotes."""

from briefing.draft import draft


def _draft(text: str) -> dict:
    return draft(text, published="2025-06-23", known=None)


def _source(d: dict, sid: str) -> dict:
    return next(s for s in d["sources"] if s["id"] == sid)


def test_on_record_reported_speech():
    d = _draft("President Omar Haddad said Egypt will reopen the border crossing.")
    (st,) = d["statements"]
    assert (st["speaker"], st["attribution"], st["quote_type"]) == (
        "omar-haddad", "on_record", "indirect")
    assert st["text"] == "Egypt will reopen the border crossing"
    assert _source(d, st["source"])["kind"] == "official"


def test_relayed_by_state_media():
    d = _draft("Foreign Minister Omar Haddad was quoted by the official Xinhua news agency as "
               "saying that China and Egypt are coordinating their positions.")
    (st,) = d["statements"]
    assert (st["speaker"], st["attribution"]) == ("omar-haddad", "state_media_relay")
    src = _source(d, st["source"])
    assert (src["kind"], src["reliability"]) == ("state_media", "TODO")
    # The event reported in the statement cites the relaying source.
    (ev,) = [e for e in d["events"] if e["id"] == st["event"]]
    assert ev["source"] == st["source"] and ev["participants"]["actor"] == ["china", "egypt"]


def test_anonymous_sources_with_and_without_a_nationality():
    d = _draft("A source said the envoy will travel to Doha. Qatari sources indicated that "
               "the meeting is planned.")
    a, b = d["statements"]
    assert (a["attribution"], a["speaker"]) == ("anonymous", "unnamed-source")
    assert (b["attribution"], b["speaker"]) == ("anonymous", "unnamed-qatari-sources")
    speakers = {x["id"]: x for x in d["actors"]}
    # An unnamed speaker is tied to its state, never the state itself.
    assert speakers["unnamed-qatari-sources"]["kind"] == "unnamed"
    assert speakers["unnamed-qatari-sources"]["parent"] == "qatar"
    assert _source(d, a["source"])["evidence"] == ["A source said"]
    assert _source(d, b["source"])["kind"] == "anonymous"


def test_direct_quote_keeps_the_quote_marks_in_the_evidence():
    text = "Kenya’s Ambassador, Joseph Mwangi, said, “We will not accept this, and we never will.”"
    d = _draft(text)
    (st,) = d["statements"]
    assert (st["speaker"], st["quote_type"]) == ("joseph-mwangi", "direct")
    assert st["text"] == "We will not accept this, and we never will"
    (q,) = st["evidence"]
    assert q in text and q.endswith("”")


def test_spokesperson():
    d = _draft("A Brazilian foreign ministry spokesperson, Ana Lobo, said Brazil rejects the plan.")
    assert [(s["speaker"], s["attribution"]) for s in d["statements"]] == [
        ("ana-lobo", "spokesperson")]
    d = _draft("A Brazilian foreign ministry spokesperson said Brazil rejects the plan.")
    (st,) = d["statements"]
    (who,) = [a for a in d["actors"] if a["id"] == st["speaker"]]
    assert (who["kind"], who["parent"], st["attribution"]) == (
        "unnamed", "foreign-ministry-of-brazil", "spokesperson")


def test_attribution_after_what_was_said():
    d = _draft("North Korea fired two missiles into the sea on Friday, South Korea’s military "
               "said.")
    (st,) = d["statements"]
    assert (st["speaker"], st["attribution"]) == ("military-of-south-korea", "on_record")
    assert st["text"] == "North Korea fired two missiles into the sea on Friday"
    (ev,) = d["events"]
    assert ev["source"] == st["source"] and ev["participants"]["actor"] == ["north-korea"]


def test_a_dateline_is_not_part_of_what_was_said():
    d = _draft("WASHINGTON (Reuters) - Canada expelled two Russian diplomats, officials said.")
    (st,) = d["statements"]
    assert st["text"] == "Canada expelled two Russian diplomats"
    assert st["attribution"] == "anonymous"


def test_told_an_audience_that():
    d = _draft("Prime Minister Aiko Tanabe told parliament that Japan would protest to "
               "Pyongyang.")
    (st,) = d["statements"]
    assert (st["speaker"], st["text"]) == ("aiko-tanabe", "Japan would protest to Pyongyang")
    # "would" seen from the past of "told": a plan, not a hypothesis.
    assert d["events"][0]["status"] == "planned"


def test_told_reporters_after_a_direct_quote_is_one_statement():
    d = _draft("“We have made our position clear,” President Lena Marsh told reporters.")
    assert [(s["speaker"], s["quote_type"]) for s in d["statements"]] == [
        ("lena-marsh", "direct")]


def test_in_a_statement_that():
    d = _draft("China’s foreign ministry said in a statement that Beijing rejects the report.")
    (st,) = d["statements"]
    assert (st["speaker"], st["text"]) == ("foreign-ministry-of-china",
                                           "Beijing rejects the report")


def test_a_wire_dateline_names_the_outlet():
    d = _draft("MOSCOW (Reuters) - Russia expelled two Dutch diplomats on Monday.")
    outlet = d["sources"][0]
    # A known agency is the same source in every article that cites it.
    assert (outlet["id"], outlet["name"], outlet["kind"]) == ("src-reuters", "Reuters", "wire")
    assert outlet["evidence"] == ["Reuters"] and d["article"]["outlet"] == "Reuters"
    own = _draft("Russia expelled two Dutch diplomats.")
    assert own["sources"][0]["kind"] == "outlet"
    # An unnamed outlet is this article's own: its id cannot clash with another article's.
    assert own["sources"][0]["id"] == f"src-{own['article']['id']}"[:58].rstrip("-") + "-own"
    assert own["events"][0]["source"] == own["sources"][0]["id"]


def test_one_anonymous_voice_is_one_source_and_quotes_inside_stay_balanced():
    d = _draft('Iran has rejected the proposal, calling it "a trap", a senior Iranian '
               "official told a newspaper.")
    (st,) = d["statements"]
    assert (st["speaker"], st["attribution"]) == ("unnamed-senior-iranian-official",
                                                  "anonymous")
    assert st["text"] == 'Iran has rejected the proposal, calling it "a trap"'
    # Scoped to the article (issue 21): "a source" here is not "a source" elsewhere.
    anon = f"src-{d['article']['id'][:44].rstrip('-')}-anon-1"
    assert [s["id"] for s in d["sources"] if s["kind"] == "anonymous"] == [anon]
    assert d["events"][0]["source"] == anon


def test_state_media_reporting_in_its_own_name():
    d = _draft("Moscow and Beijing signed an energy agreement, Russian state media reported.")
    (src,) = [s for s in d["sources"] if s["kind"] != "outlet"]
    assert src["kind"] == "state_media"
    assert d["events"][0]["participants"] == {"actor": ["russia", "china"]}


def test_anonymous_sources_of_two_articles_have_two_ids():
    one = _draft("A source said Chile will protest.")
    two = draft("An official said Peru will protest.", published="2025-06-24", known=None)
    ids = [{s["id"] for s in d["sources"] if s["kind"] == "anonymous"} for d in (one, two)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]


# --- Issue 21: who is speaking ------------------------------------------------------------

def test_he_after_two_people_continues_the_subject_of_the_sentence_before():
    d = _draft("Foreign Minister Ana Sousa told Ivo Horvat that Chile would not accept the "
               "plan. “Our waters are not for sale,” he was quoted as saying.")
    quoted = [s for s in d["statements"] if s["quote_type"] == "direct"]
    assert [s["speaker"] for s in quoted] == ["ana-sousa"]


def test_according_to_names_the_first_body_after_it():
    d = _draft("According to the Peruvian navy, two Chilean ships blocked the port on Monday.")
    assert d["statements"][0]["speaker"] != "chile"


def test_the_official_again_is_the_same_anonymous_voice_and_source():
    d = _draft("A senior Iraqi official said Baghdad wants more water. “We ask for a fair "
               "share,” the official said.")
    speakers = {s["speaker"] for s in d["statements"]}
    sources = {s["source"] for s in d["statements"]}
    assert len(speakers) == 1 and len(sources) == 1
    assert speakers.pop().startswith("unnamed-senior-iraqi-official")


def test_officials_from_both_countries_are_anonymous_not_a_state():
    d = _draft("The minister will visit Lima on Friday, officials from both countries said.")
    assert [s["attribution"] for s in d["statements"]] == ["anonymous"]


def test_a_quote_inside_a_reported_statement_is_said_once():
    d = _draft("Sudan’s foreign ministry said the attack was “a war crime committed in full "
               "view of the world” and demanded an inquiry.")
    assert len(d["statements"]) == 1


def test_a_quote_without_a_speech_verb_belongs_to_the_sentences_subject():
    d = _draft("China rejected the protest on Thursday, saying the boat had no permission. "
               "Spokesperson Lin Jiahao urged Manila to “stop these provocations.”")
    direct = [s for s in d["statements"] if s["quote_type"] == "direct"]
    assert [s["speaker"] for s in direct] == ["lin-jiahao"]


def test_said_after_meeting_is_when_it_was_said_and_the_speakers_meeting():
    d = _draft("Chile and Peru signed a fisheries accord on Monday, Chilean President Ana "
               "Rojas said after meeting her Peruvian counterpart, Luis Soto.")
    (st,) = d["statements"]
    assert st["speaker"] == "ana-rojas"
    assert st["text"] == "Chile and Peru signed a fisheries accord on Monday"
    (meeting,) = [e for e in d["events"] if e["plover_type"] == "CONSULT"]
    assert meeting["participants"]["actor"] == ["ana-rojas", "luis-soto"]
