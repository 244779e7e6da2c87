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
    assert (b["attribution"], b["speaker"]) == ("anonymous", "qatar")
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
    assert [s["attribution"] for s in d["statements"]] == ["spokesperson"]
