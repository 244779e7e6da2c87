"""Accusations no verb names: what a speaker says another did wrong.

"The ministry said the boat had been fishing illegally", "Sudan called the attack a war
crime", "..., saying the vessel had entered its waters without permission": no word of
these says "accuse", yet each is the speaker's accusation (CAMEO 112 and its children).
The speech verb becomes the event's trigger when what is said holds a word of wrongdoing
(`assets/gazetteer/allegations.csv`) that is neither denied ("had not violated"), nor
conditional ("any incursion would"), nor said of the speaker itself ("it had acted
illegally" is a confession, not an accusation).
"""

from __future__ import annotations

import functools
import re

from briefing.codebooks import assets_dir
from briefing.draft.actors import Mention, Registry
from briefing.draft.attribution import Said
from briefing.draft.gazetteer import load_gazetteer
from briefing.draft.triggers import Match, Trigger, _phrase_pattern, coded_rows, plover_for

# Verbs that name what something is ("called the strike a war crime", "described the
# crossing as illegal"), besides the speech verbs.
_NAMING = r"call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|led|ed|ling|ing)?|" \
          r"brand(?:s|ed|ing)?|term(?:s|ed|ing)?|denounc(?:e|es|ed|ing)"
# What is said begins with the speaker itself: its own conduct, not an accusation.
_SELF = re.compile(r"^[\s,:]*(?:that\s+)?(?:it|its|we|our|i|itself)\b", re.IGNORECASE)
# Before the wrong: a denial or a condition ("had not", "any ... would", "if").
_UNREAL = re.compile(r"\b(?:not|never|no|any|if|unless|would|could|might|may|will)\b|n[’']t\b",
                     re.IGNORECASE)
ALLEGED_BY = "said: "   # the phrase of an accusation found here starts so
_THAT = re.compile(r"\b(?:and|but)\s+that\b|^\s*that\b")
_BREAK = re.compile(r"[;—]|,\s+(?:while|which|but|although)\b")


@functools.lru_cache(maxsize=2)
def _cues(folder: str) -> tuple[tuple[re.Pattern[str], Trigger], ...]:
    g = load_gazetteer()
    out = []
    for r, code, mapped in coded_rows("allegations.csv", "ACCUSE"):
        noun = r["pos"] == "noun"
        pattern = re.compile(_phrase_pattern(r["phrase"], noun, g.irregular), re.IGNORECASE)
        words = len([w for w in r["phrase"].split() if w != "*"])
        out.append((pattern, Trigger(f"{ALLEGED_BY}{r['phrase']}", code, mapped[0], mapped[1],
                                     False, False, pattern, words)))
    return tuple(out)


@functools.lru_cache(maxsize=2)
def _verbs(folder: str) -> re.Pattern[str]:
    g = load_gazetteer()
    speech = "|".join(sorted(g.speech_verbs, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:{speech}|{_NAMING})(?![\w’'])", re.IGNORECASE)


def allegations(text: str, lo: int, hi: int, found: list[Match]) -> list[Match]:
    """Speech verbs in text[lo:hi] whose words accuse someone else, as trigger matches
    coded with the accusation the wrongdoing word names, added to the lexicon's matches
    `found` (where both match one word, the lexicon's wins: "denounced", "called on")."""
    folder = str(assets_dir() / "gazetteer")
    cues = _cues(folder)
    out = list(found)
    for v in _verbs(folder).finditer(text, lo, hi):
        if any(m.start < v.end() and v.start() < m.end for m in found):
            continue
        stop = next((m.start() for m in _BREAK.finditer(text, v.end(), hi)), hi)
        said = (v.end(), stop)
        if len(text[v.end():stop].split()) < 3:
            # "..., the ministry said.": what was said comes first.
            comma = max(text.rfind(m, lo, v.start()) for m in (", ", ',"', ",”"))
            if comma < 0:
                continue
            said = (lo, comma)
        words = text[said[0]:said[1]]
        cued = [(m.start(), t) for p, t in cues if (m := p.search(words))]
        if not cued and not (v.group(0).lower().endswith("ing") and any(
                lo <= m.start < v.start() for m in found)) and (code := _judged(text, v, stop)):
            # (not "rejected the offer, calling it ...": the words say why, of an act told)
            out.append(Match(v.start(), v.end(), _stance_triggers()[code]))
        if not cued:
            continue
        at, trigger = min(cued, key=lambda f: (f[0], -f[1].weight))
        # Only the clause that holds the wrong: "said it had acted lawfully and that the
        # trawlers had entered its waters" accuses the trawlers.
        own = _THAT.split(words[:at])[-1]
        if _SELF.match(own) or _UNREAL.search(own):
            continue
        out.append(Match(v.start(), v.end(), trigger))
    return sorted(out, key=lambda m: m.start)


def speaker(t: Match, said: list[Said], reg: Registry) -> list[Mention]:
    """Who makes the accusation: the voice the attribution rules found for this speech
    verb (an unnamed official has no mention of its own), else no one known here."""
    for x in said:
        if x.start <= t.start < x.end and not x.content[0] <= t.start < x.content[1]:
            if x.speaker_mention is not None:
                return [x.speaker_mention]
            kind = reg.actors.get(x.speaker, {}).get("kind", "unnamed")
            return [Mention(x.start, x.start, x.speaker, kind, "speaker")]
    return []


# What is said of the future with no act the lexicon knows in it: "said it would review
# its budget support if the delay stood" (a threat), "said Vanuatu would not be lectured"
# (a refusal), "would observe ... if the army did the same" (an offer).
_FUTURE_SAID = re.compile(r"\s*,?\s*(?:that\s+)?(?:(?:[\w’'\-]+\s+){1,5}?|"
                          r"(?:[\w’'\-]+\s+){2,9}?and\s+)(?P<modal>would|will|could)\s+"
                          r"(?P<neg>(?:not|never)\s+)?(?P<rest>[^;.—“\"]*)")
_CONDITION = re.compile(r"\b(?:if|unless)\b")
# "said compensation was not on the table", "... is not negotiable", "said in a statement
# that the communique was not binding": a refusal.
_OFF_TABLE = re.compile(r"\s*,?\s*(?:(?:[\w’'\-]+\s+){0,6}?that\s+)?(?:[\w’'\-]+\s+){1,6}?"
                        r"(?:is|was|are|were)\s+[\"“']?not\s+[\"“']?(?:on the table|negotiable|"
                        r"an option|up for (?:discussion|negotiation)|(?:legally\s+)?binding)\b")
_IN_KIND = re.compile(r"\b(?:did|does|do) the same\b|\breciprocat|\bin kind\b")
# ... and help on a condition is an offer: "said it would carry more if space allowed".
_HELPFUL = re.compile(r"(?:also\s+)?(?:help|assist|carry|provide|host|support|contribute|supply|"
                      r"evacuate|welcome|accept|give|donate|share)\b")
# What "could not" refuses: "said it could not do so", "could not accept the terms".
_GRANT = re.compile(r"(?:do\s+so|do\s+that|agree|accept|allow|grant|comply|release|return|"
                    r"lift|waive|support|attend|take\s+part)\b")
# "said the five would stay in Paita until the courts decide", "would go ahead as planned":
# a side keeping what the other wants ended refuses it.
_STAYS = re.compile(r"(?:stay|remain)\b[^;]*?[\s“\"](?:until|whatever|regardless|unless)\b|"
                    r"go\s+ahead\s+as\s+planned\b")
_STANCES = {"130": "would, if", "120": "would not", "030": "would, in kind",
            "100": "would, only if", "111": "called it, in quotes", "051": "called it, in praise"}
# 'called the expulsion "without precedent"', 'described Portugal as "alarmist"': a side
# named in the speaker's own quoted words is judged: criticised, or praised when the words
# praise ('called the talks "constructive"'). (Not "called on", "called off", "what it
# called", "so-called".)
_CALLED_QUOTE = re.compile(r"\s+(?!(?:on|for|off|in|up|out|back|upon|it\s+a\s+day)\b)"
                           r"(?:[\w’'\-]+\s+){1,6}?(?:as\s+)?[“\"](?P<words>[^”\"]{2,120})[”\"]")
_PRAISE = re.compile(r"\b(?:constructive|positive|productive|historic|fruitful|excellent|good|"
                     r"great|friendly|warm|cordial|success\w*|important|milestone|breakthrough|"
                     r"exemplary|brotherly|welcome|landmark|encouraging|step\s+forward|"
                     r"turning\s+point|new\s+chapter|valuable|courage\w*|wise|wisdom|"
                     r"generous|remarkable|model)\b", re.IGNORECASE)
_DEFENDED = re.compile(r"\b(?:we|our|us|lawful|legal|legitimate|sovereign|frank|fair|firm|"
                       r"necessary|justified|proportionate|measured|routine|technical|"
                       r"purely)\b", re.IGNORECASE)


def _judged(text: str, v: re.Match[str], stop: int) -> str:
    """"111" or "051" for a naming verb `v` whose object the speaker's own quoted words
    judge, else ""."""
    q = _CALLED_QUOTE.match(text, v.end(), stop + 1)
    if q is None or not re.fullmatch(_NAMING, v.group(0), re.IGNORECASE) or re.search(
            r"\bwhat\s+(?:[\w’'\-]+\s+){1,3}$|\bso-$", text[max(0, v.start() - 30):v.start()]):
        return ""
    if _DEFENDED.search(q.group("words")):
        return ""   # ('called it "a sovereign measure"', '"a promise we intend to keep"')
    praise = _PRAISE.search(q.group("words"))
    denied = praise and re.search(r"\b(?:not|no|never|hardly|less\s+than)\s+(?:\w+\s+)?$",
                                  q.group("words")[:praise.start()])
    return "051" if praise and not denied else "111"
# "said Asuncion would attend only if construction was halted first", "would sign nothing
# until the owners were named": what the other must do first is demanded (the act said to
# follow, if the lexicon has it, is drafted too).
_ONLY_IF = re.compile(r"\bonly\s+(?:if|after|once|when)\b|\b(?:nothing|no\s+\w+)\s+until\b")


@functools.lru_cache(maxsize=1)
def _stance_triggers() -> dict[str, Trigger]:
    out = {}
    for code, words in _STANCES.items():
        ptype, mode = plover_for(code) or ("", "")
        phrase = f"{ALLEGED_BY}{words}"
        out[code] = Trigger(phrase, code, ptype, mode, False, False,
                            re.compile(re.escape(phrase)), 2)
    return out


def stances(text: str, lo: int, hi: int, found: list[Match]) -> list[Match]:
    """Speech verbs in text[lo:hi] whose words say what the speaker's side would do, with
    no act of the lexicon in them: a conditional threat (CAMEO 130), a refusal said now
    (120), or an offer in kind (030), added to the matches `found`."""
    folder = str(assets_dir() / "gazetteer")
    out = list(found)
    for v in _verbs(folder).finditer(text, lo, hi):
        if any(m.start < v.end() and v.start() < m.end for m in found) \
                or not text[v.start():v.end()].lower().startswith(("said", "says", "told")):
            continue
        stop = next((m.start() for m in _BREAK.finditer(text, v.end(), hi)), hi)
        if _OFF_TABLE.match(text, v.end(), stop) and not any(
                v.end() <= m.start < stop for m in found):
            out.append(Match(v.start(), v.end(), _stance_triggers()["120"]))
            continue   # "said compensation was not on the table": a refusal said now
        f = _FUTURE_SAID.match(text, v.end(), stop)
        if f and _ONLY_IF.search(f.group("rest")):
            out.append(Match(v.start(), v.end(), _stance_triggers()["100"]))
            continue
        if not f or any(v.end() <= m.start < stop for m in found) \
                or _verbs(folder).search(text, v.end(), f.start("rest")):
            continue
        rest = f.group("rest")
        cond = _CONDITION.search(rest)
        if cond:
            code = "030" if _IN_KIND.search(rest, cond.end()) or _HELPFUL.match(rest) else "130"
        elif f.group("neg") and (f.group("modal") != "could" or _GRANT.match(rest)) or \
                re.search(r"\b(?:despite|regardless of)\b", rest) or _STAYS.match(
                    text, f.start("rest"), stop):
            code = "120"   # ("would stay on site despite the order": defiance refuses; "could
            # not do so" refuses what was asked, "could not do the same" is what one cannot)
        else:
            continue
        out.append(Match(v.start(), v.end(), _stance_triggers()[code]))
    return sorted(out, key=lambda m: m.start)
