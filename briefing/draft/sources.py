"""Sources: the article's own reporting, and one source per speaker, agency or anonymous
voice that a statement is attributed to. Reliability is the analyst's: always TODO."""

from __future__ import annotations

from typing import Any

from briefing.draft.actors import Registry
from briefing.draft.attribution import Said
from briefing.draft.evidence import quote

TODO = "TODO"
PENDING = "pending"


class Sources:
    def __init__(self, text: str):
        self.text = text
        self.out: list[dict[str, Any]] = [{
            "id": "src-outlet", "name": "The article's outlet (own reporting)", "kind": "outlet",
            "reliability": TODO, "review": PENDING,
            "reason": "every article has its own reporting"}]
        self.ids = {"src-outlet"}

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
            n = sum(1 for x in self.ids if x.startswith("src-anon"))
            start = self.text.find(s.anon_phrase, s.start)
            return self.add(f"src-anon-{n + 1}", f"Unnamed: {s.anon_phrase}", "anonymous",
                            s.reason, quote(self.text, start, start + len(s.anon_phrase)))
        a = reg.actors[s.speaker]
        return self.add(f"src-{s.speaker}"[:64], f"{a['name']}, on the record", "official",
                        s.reason)
