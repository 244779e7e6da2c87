"""A generated fictional story of many articles, for tests that need a crowded page.

`write_story(root, articles=25)` writes `registry.yaml` and one folder per article
(`article.txt` + `facts.yaml`) under `root`, deterministically (a seeded generator): real
states, invented people, organisations, outlets and events, with article texts assembled
from sentence templates so that every evidence quote is a sentence of its article. At 25
articles the story holds ~100 actors, ~200 events and ~60 sources, the scale at which
labels used to pile up (issue 19). `python -m tests.story_gen OUT [N]` writes one to OUT.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import yaml

# Real states (ISO 3166-1), crowded where real stories crowd: Europe and the Middle East.
STATES = (
    ("DEU", "Germany"), ("FRA", "France"), ("AUT", "Austria"), ("ITA", "Italy"),
    ("POL", "Poland"), ("NLD", "Netherlands"), ("BEL", "Belgium"), ("CHE", "Switzerland"),
    ("CZE", "Czechia"), ("HUN", "Hungary"), ("GBR", "United Kingdom"), ("ESP", "Spain"),
    ("NOR", "Norway"), ("SWE", "Sweden"), ("FIN", "Finland"), ("UKR", "Ukraine"),
    ("RUS", "Russia"), ("TUR", "Türkiye"), ("IRN", "Iran"), ("IRQ", "Iraq"),
    ("ISR", "Israel"), ("EGY", "Egypt"), ("JOR", "Jordan"), ("LBN", "Lebanon"),
    ("SAU", "Saudi Arabia"), ("QAT", "Qatar"), ("ARE", "United Arab Emirates"),
    ("OMN", "Oman"), ("USA", "United States"), ("CHN", "China"), ("IND", "India"),
    ("JPN", "Japan"), ("BRA", "Brazil"), ("ZAF", "South Africa"), ("NGA", "Nigeria"),
    ("GHA", "Ghana"), ("SEN", "Senegal"), ("KEN", "Kenya"),
)
BLOCS = (("europe", "European states", ("DEU", "FRA", "AUT", "ITA", "POL", "NLD", "BEL",
                                       "CZE", "HUN", "ESP", "SWE", "FIN", "GBR", "NOR", "CHE")),
         ("gulf", "Gulf states", ("SAU", "QAT", "ARE", "OMN")),
         ("levant", "Levant and Egypt", ("ISR", "EGY", "JOR", "LBN")))
ORGS = ("Northern Maritime Council", "Coastal States Forum", "Riverine Trade Secretariat",
        "Commission on Border Waters", "Alliance for Grain Corridors",
        "Forum of Port Authorities", "Inter-Regional Mediation Office",
        "Council of Energy Ministers")
SYLLABLES = ("ka", "lo", "mi", "ren", "ta", "vo", "sel", "dar", "ni", "bo", "rus", "el",
             "an", "ter", "is", "mar", "ov", "ul", "pe", "sa")
ROLES = ("Foreign Minister", "Defence Minister", "Prime Minister", "Special Envoy",
         "Trade Minister")
# (PLOVER type, mode, CAMEO code, verb phrase with {a} and {b}, mutual phrase or None)
ACTS = (
    ("CONSULT", "phone", "041", "{a} spoke by phone with {b}", "{a} and {b} spoke by phone"),
    ("CONSULT", "visit", "042", "{a} visited {b} for talks", "{a} and {b} held talks"),
    ("AGREE", "", "036", "{a} offered to meet {b}", None),
    ("SUPPORT", "", "057", "{a} signed an accord with {b}", "{a} and {b} signed an accord"),
    ("REQUEST", "assist", "021", "{a} asked {b} for assistance", None),
    ("ACCUSE", "disapprove", "111", "{a} criticised {b}", None),
    ("THREATEN", "", "132", "{a} warned {b} of consequences", None),
    ("COERCE", "restrict", "172", "{a} imposed restrictions on {b}", None),
    ("AID", "", "070", "{a} sent aid to {b}", None),
    ("REJECT", "", "12", "{a} rejected a proposal from {b}", None),
)
ISSUES = (("iss-ceasefire", "Immediate and unconditional ceasefire in the border region",
           "No ceasefire before the border is settled", "An unconditional ceasefire now"),
          ("iss-corridor", "Reopening of the grain corridor through the northern straits",
           "Keep the corridor closed", "Reopen it without inspections"),
          ("iss-sanctions", "Sanctions relief in exchange for monitored enrichment limits",
           "No relief under any terms", "Full relief for verified limits"))
GRADES = ("A", "B", "B", "C", "C", "C", "D", "E", "F")
KINDS = ("wire", "official", "outlet", "state_media", "analyst", "document")
START = dt.date(2025, 6, 2)


def _slug(text: str) -> str:
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in out.split("-") if p)


def _person_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
    return f"{word()} {word()}-{word()}" if rng.random() < 0.3 else f"{word()} {word()}"


def _registry(rng: random.Random) -> tuple[dict, list[dict]]:
    """Shared entities: states, their people (two or three per state), organisations."""
    bloc_of = {iso: bloc for bloc, _, isos in BLOCS for iso in isos}
    actors: list[dict] = []
    for iso, name in STATES:
        state = {"id": _slug(name), "name": name, "kind": "state", "country": iso}
        if iso in bloc_of:
            state["bloc"] = bloc_of[iso]
        actors.append(state)
    people = []
    for iso, name in STATES:
        for role in rng.sample(ROLES, rng.choice((1, 2, 2))):
            pname = _person_name(rng)
            people.append({"id": _slug(pname), "name": pname, "kind": "person", "country": iso,
                           "parent": _slug(name), "role": f"{role} of {name}"})
    seen: set[str] = set()
    people = [p for p in people if not (p["id"] in seen or seen.add(p["id"]))]
    orgs = [{"id": _slug(o), "name": o, "kind": "organization"} for o in ORGS]
    actors += people + orgs
    registry = {
        "sources": [{"id": "src-wire", "name": "The Meridian Wire (own reporting)",
                     "kind": "wire", "reliability": "B"}],
        "actors": actors,
        "blocs": [{"id": b, "label": label} for b, label, _ in BLOCS],
        "issues": [{"id": i, "label": label, "scale_0": lo, "scale_100": hi}
                   for i, label, lo, hi in ISSUES],
    }
    return registry, actors


def _article(rng: random.Random, k: int, actors: list[dict]) -> tuple[str, dict]:
    """One article: its text and its facts."""
    published = START + dt.timedelta(days=7 * k + rng.randint(0, 3))
    movers = [a for a in actors if a["kind"] != "organization"]
    # A few actors recur in every article (the story's protagonists), the rest now and then.
    weights = [8.0 if i % 9 == 0 else 1.0 / (1 + i % 7) for i in range(len(movers))]
    outlet = rng.choice(("The Meridian Wire", "Harbour Gazette", "The Continental Ledger"))
    title = (f"{rng.choice(movers)['name']} and {rng.choice(movers)['name']} at odds over "
             f"{rng.choice(('the straits', 'the border', 'grain', 'sanctions'))}")
    aid = f"story-{k + 1:02d}-{published:%Y-%m-%d}"
    sources = []
    for j in range(rng.choice((2, 2, 3))):
        src_owner = rng.choice(movers)
        office = rng.choice(("press office", "ministry readout", "broadcaster", "envoy staff"))
        name = f"{src_owner['name']}'s {office} ({k + 1}.{j + 1})"
        sources.append({"id": f"src-{k + 1}-{j + 1}", "name": name, "kind": rng.choice(KINDS),
                        "reliability": rng.choice(GRADES)})
    lines = [f"{title}.", "", f"{outlet}, {published:%-d %B %Y}."]
    events: list[dict] = []
    for e in range(rng.randint(7, 9)):
        ptype, mode, cameo, phrase, mutual = rng.choice(ACTS)
        a, b = rng.choices(movers, weights=weights, k=2)
        if a["id"] == b["id"]:
            b = movers[(movers.index(a) + 5) % len(movers)]
        day = published - dt.timedelta(days=rng.randint(0, 6))
        src = rng.choice([*sources, {"id": "src-wire"}])
        ev = {"id": f"ev-{e + 1}", "date": day, "date_basis": "resolved",
              "plover_type": ptype, "cameo_code": cameo,
              "status": rng.choice(("occurred",) * 6 + ("announced", "postponed", "planned")),
              "source": src["id"], "credibility": rng.randint(1, 4)}
        if mode:
            ev["plover_mode"] = mode
        envoy = rng.random() < 0.12
        if mutual and rng.random() < 0.4:
            sentence = mutual.format(a=a["name"], b=b["name"])
            ev["participants"] = {"actor": [a["id"], b["id"]]}
        elif envoy:
            c = rng.choice(movers)
            while c["id"] in (a["id"], b["id"]):
                c = movers[(movers.index(c) + 1) % len(movers)]
            sentence = (phrase.format(a=a["name"], b=b["name"])
                        + f" in a message carried by {c['name']}")
            ev["participants"] = {"actor": [a["id"]], "recipient": [b["id"]], "via": [c["id"]]}
        else:
            sentence = phrase.format(a=a["name"], b=b["name"])
            ev["participants"] = {"actor": [a["id"]], "recipient": [b["id"]]}
        sentence += f" on {day:%-d %B}"
        if rng.random() < 0.3:  # an organisation looks on
            org = rng.choice([x for x in actors if x["kind"] == "organization"])
            sentence += f", with the {org['name']} present"
            ev["participants"].setdefault("recipient", []).append(org["id"])
        ev["summary"] = sentence
        ev["evidence"] = [sentence]
        lines.append(sentence + ".")
        events.append(ev)
    speaker = events[0]["participants"]["actor"][0]
    quote = f"We will not accept terms written elsewhere, said a spokesperson in week {k + 1}"
    lines.append(quote + ".")
    positions = []
    for n, (iid, _label, _, _) in enumerate(rng.sample(ISSUES, 2)):
        who = rng.choice(movers)
        why = f"Analysts read {who['name']} as {'open' if n else 'firm'} on this in week {k + 1}"
        lines.append(why + ".")
        positions.append({"id": f"pos-{n + 1}", "actor": who["id"], "issue": iid,
                          "position": rng.randint(5, 95), "salience": rng.randint(20, 90),
                          "confidence": rng.choice(("low", "moderate", "high")),
                          "rationale": why, "evidence": [why]})
    facts = {
        "article": {
            "id": aid, "title": title, "outlet": outlet, "published": published,
            "published_basis": "article", "language": "en",
            "key_points": [
                {"text": f"Week {k + 1}: {events[0]['summary']}", "facts": ["ev-1"]},
                {"text": f"Week {k + 1}, analysts' reading: {positions[0]['rationale']}",
                 "facts": ["pos-1", "ev-2"]},
            ],
        },
        "sources": sources,
        "events": events,
        "statements": [{"id": "st-1", "speaker": speaker, "source": "src-wire",
                        "attribution": "spokesperson", "quote_type": "indirect",
                        "text": quote, "evidence": [quote]}],
        "positions": positions,
    }
    return "\n".join(lines) + "\n", facts


def write_story(root: Path, articles: int = 25, *, seed: int = 19) -> Path:
    """Write the story's registry and `articles` article folders under `root`."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    registry, actors = _registry(rng)
    (root / "registry.yaml").write_text(
        "# A generated fictional story (tests/story_gen.py): real states, invented people.\n"
        + yaml.safe_dump(registry, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for k in range(articles):
        text, facts = _article(rng, k, actors)
        folder = root / facts["article"]["id"]
        folder.mkdir(exist_ok=True)
        (folder / "article.txt").write_text(text, encoding="utf-8")
        (folder / "facts.yaml").write_text(
            "# A generated fictional article (tests/story_gen.py).\n"
            + yaml.safe_dump(facts, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


if __name__ == "__main__":
    out = write_story(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 25)
    print(out)
