"""Sources: the article's own reporting, and one source per speaker, agency or anonymous
voice that a statement is attributed to. Reliability is the analyst's: always TODO."""

from __future__ import annotations

import re
from typing import Any

from briefing.contract import PENDING
from briefing.contract import PLACEHOLDER as TODO
from briefing.draft.actors import Registry, slug
from briefing.draft.attribution import Said
from briefing.draft.evidence import quote
from briefing.draft.gazetteer import Gazetteer

# A wire dateline names the outlet: "WASHINGTON (Reuters) - ...".
_DATELINE = re.compile(r"^[A-Z][A-Z .,’'/-]{1,40}\((?P<outlet>[^()\n]{1,40})\)\s*[-–—]")


class Sources:
    def __init__(self, text: str, gazetteer: Gazetteer, article_id: str, *,
                 outlet: str | None = None):
        self.text = text
        # Ids of this article's own voices (anonymous sources) carry the article's id:
        # "a source" in one story is not "a source" in the next.
        self.scope = article_id[:44].rstrip("-")
        # Sources are entities shared across the fact base: the article's own outlet is
        # this article's (an id of its own), unless the dateline names a known agency,
        # which is the same source in every article that cites it.
        self.outlet_id = f"src-{article_id}"[:58].rstrip("-") + "-own"
        given = outlet
        outlet = {"id": self.outlet_id, "name": "The article's outlet (own reporting)",
                  "kind": "outlet", "reliability": TODO, "review": PENDING,
                  "reason": "every article has its own reporting"}
        m = _DATELINE.match(text.lstrip())
        place = gazetteer.forms.get(m.group("outlet").strip()) if m else None
        if place and place.kind == "organization":
            row = gazetteer.organizations[place.key]
            if row["source_kind"]:
                offset = len(text) - len(text.lstrip())
                self.outlet_id = f"src-{place.key}"[:64]
                outlet |= {"id": self.outlet_id, "name": row["name"], "kind": row["source_kind"],
                           "reason": "named in the dateline",
                           "evidence": [quote(text, offset + m.start("outlet"),
                                              offset + m.end("outlet"))]}
        self.outlet = outlet["name"] if outlet["kind"] != "outlet" else ""
        if outlet_name := (given or "").strip():
            # The outlet the analyst read it in: a source shared by all its articles.
            self.outlet_id = f"src-{slug(outlet_name)}"[:64].rstrip("-")
            outlet |= {"id": self.outlet_id, "name": outlet_name, "kind": "outlet",
                       "reason": "the outlet given with the article (--outlet or meta.json)"}
            self.outlet = outlet_name
        self.out: list[dict[str, Any]] = [outlet]
        self.ids = {self.outlet_id}
        self.anonymous: dict[str, str] = {}

    def add(self, sid: str, name: str, kind: str, reason: str, evidence: Any = None) -> str:
        if sid not in self.ids:
            self.ids.add(sid)
            src = {"id": sid, "name": name, "kind": kind, "reliability": TODO,
                   "review": PENDING, "reason": reason}
            if evidence is not None:
                src["evidence"] = [evidence]
            self.out.append(src)
        return sid

    def for_said(self, s: Said, reg: Registry) -> str:
        if s.relay:
            org = reg.actors[s.relay]
            kind = "state_media" if s.kind == "state_media_relay" else "wire"
            return self.add(f"src-{s.relay}"[:64], org["name"], kind, f"relayed: {s.reason}")
        if s.kind == "anonymous":
            # One source per anonymous voice, however many facts cite it.
            start = self.text.find(s.anon_phrase, s.start)
            # The voice is the unnamed actor: "the official said" later is the same source.
            key = s.speaker
            if key not in self.anonymous:
                self.anonymous[key] = f"src-{self.scope}-anon-{len(self.anonymous) + 1}"
            evidence = quote(self.text, start, start + len(s.anon_phrase)) \
                if start >= 0 and s.anon_phrase else None
            return self.add(self.anonymous[key], f"Unnamed: {s.anon_phrase}", "anonymous",
                            s.reason, evidence)
        a = reg.actors[s.speaker]
        row = reg.gazetteer.organizations.get(s.speaker, {})
        kind = row.get("source_kind") or a.get("source_kind")
        if kind:   # a news agency or state media reporting in its own name
            return self.add(f"src-{s.speaker}"[:64], a["name"], kind, s.reason)
        return self.add(f"src-{s.speaker}"[:64], f"{a['name']}, on the record", "official",
                        s.reason)
