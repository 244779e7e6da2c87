"""Trigger phrases → CAMEO code → PLOVER type and mode, and the event's status.

The phrases are `assets/gazetteer/triggers.csv`; type and mode come from PLOVER's own
CAMEO→PLOVER table (`assets/codebooks/cameo2plover-2021.txt`), Goldstein from the CAMEO
codebook (the loader adds it). Nothing about codes is decided here.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.codebooks import assets_dir, load_codebooks
from briefing.draft.dates import CAPITAL_MONTH, WEEKDAY_NAMES
from briefing.draft.gazetteer import inflections, load_gazetteer, read_table


@dataclass(frozen=True)
class Trigger:
    phrase: str
    cameo_code: str
    plover_type: str
    plover_mode: str
    mutual: bool
    noun: bool
    pattern: re.Pattern[str]
    weight: int          # content words in the phrase: the more, the more specific
    subject: bool = False   # "the crossing will reopen": the thing named first undergoes it
    passive: bool = False   # "the barges were boarded": read from a "verb * noun" phrase
    object_first: bool = False   # "the tariff Panama imposed": its verb, last, names the act

    @property
    def done_to_owner(self) -> bool:
        """Whether the owner of what the phrase opens with undergoes the act ("Guyanese
        barges were boarded", "Ghana's ambassador was summoned"), not does it ("its
        ambassador was recalled", "Peru's crossing will reopen")."""
        return self.passive or self.subject and self.phrase.split()[-1].startswith("summon")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    trigger: Trigger


def cameo_to_plover() -> dict[str, tuple[str, str]]:
    """PLOVER's table as {cameo code: (type, mode)}; modes the PLOVER codebook does not
    list for that type (the 2021 table predates some) become ""."""
    return dict(_table(str(assets_dir() / "codebooks" / "cameo2plover-2021.txt")))


@functools.lru_cache(maxsize=2)
def _table(path: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    modes = load_codebooks().plover_modes
    rows: dict[str, tuple[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            body = line.split("#", 1)[0].strip()
            m = re.match(r"^(\d{2,4}):\s*(.*)$", body)
            if not m:
                continue
            parts = [p.strip() for p in m.group(2).split(",")]
            ptype = parts[0]
            mode = parts[1] if len(parts) > 1 else ""
            if ptype not in modes:
                continue
            # The first row of a code wins: the table lists 08 twice (CONCEDE, RETREAT).
            rows.setdefault(m.group(1), (ptype, mode if mode in modes[ptype] else ""))
    return tuple(rows.items())


def plover_for(code: str) -> tuple[str, str] | None:
    """Type and mode for a CAMEO code: its own row, else its nearest parent's row.

    CAMEO appeals (02x) have no row in PLOVER's table; they are REQUEST with the mode of
    the matching demand (10x), the convention of the project's hand coding.
    """
    table = cameo_to_plover()
    candidates = [code[:n] for n in range(len(code), 1, -1)]
    if code.startswith("02"):
        candidates += ["10" + code[2:n] for n in range(len(code), 2, -1)] + ["10"]
    for c in candidates:
        if c in table:
            return table[c]
    return None


# Words a phrase may name that say nothing of the act itself: "send * to" is less
# specific than "send * troops", though both have two literal words.
_FUNCTION_WORDS = frozenset("a an the to for with on of in at from by into".split())
# An adverb between a phrase's verb and its next word: "was nonetheless willing to",
# "has now agreed to".
# ("appealed on Thursday for": the day may stand between a verb and its particle.)
_ADVERB = r"(?:(?:\w+ly|also|still|now|nonetheless|already|again|even|once again|on " \
          rf"(?:{WEEKDAY_NAMES}))\s+)?"
# Auxiliaries after which a verb's bare form is a verb: "the crossing will reopen", not
# "a village on the border close to the river".
_AUXILIARY = ("will", "would", "to", "could", "may", "might", "shall", "must", "not")


def _word(w: str) -> str:
    """A literal word of a phrase; a noun of four letters or more also in its plural
    ("impose * tariff" is "imposed a tariff" and "imposed tariffs")."""
    if len(w) >= 4 and w.isalpha() and not w.endswith("s") and w not in _FUNCTION_WORDS:
        return re.escape(w) + "(?:s|es)?"
    return re.escape(w)


# "+": one to three words, not "on X" or "for X" ("called Dushku to offer" but not
# "called on Chile to discuss"; a weekday may follow "on": "closed on Monday to traffic").
_ONE_TO_THREE = (r"(?!(?:on|upon|for)\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"
                 r"(?:\S+\s+){1,3}?")

# "**": up to twelve words (room for a name and its title: "ordered Mikko Sarlin, a first
# secretary at the Finnish embassy in Moscow, to leave"), not opening with "on", "for",
# "upon" or "off" ("called on" is no gap) and not running past a second verb ("called the
# talks a failure and said ...").
_UP_TO_TWELVE = (r"(?!(?:on|for|upon|off|without)\b)"
                 r"(?:(?!(?:but|said|says)\b|and\s+(?:said|\w+ed|to)\b)\S+\s+){0,12}?")


def _phrase_pattern(phrase: str, noun: bool, irregular: dict[str, list[str]],
                    subject: bool = False) -> str:
    """A phrase of the tables as a regular expression. A word in brackets ("trade
    [war]") is captured as the group `w`: the word a figure of speech keeps from naming
    an act."""
    words = phrase.split()
    out = []
    for i, word in enumerate(words):
        w = word.strip("[]")
        if w == ".":   # "Managua declined.": the verb ends its clause, with no object
            out[-1] = out[-1].removesuffix(r"\s+")
            out.append(r"(?=[.;]|,\s)")
            continue
        if w in ("*", "+", "**"):
            # "+" wants a word at least: "want + to" is "wants Chile to", not "wants to";
            # "**" takes up to twelve ("called Chile's decision to recall its envoy hasty").
            out.append(_ONE_TO_THREE if w == "+" else
                       _UP_TO_TWELVE if w == "**"
                       else r"(?:\S+\s+){0,3}?")   # ("called on": no "**" gap)
            continue
        if i == 0 and not noun and not subject:   # ('said it "regrets" the decision')
            piece = "(?:" + "|".join(re.escape(f) for f in inflections(w, irregular)) + ")" + (
                "(?:[”\"’](?=\\s))?" if len(words) > 1 else "")
        elif subject and i == len(words) - 1:
            forms = [f for f in inflections(w, irregular) if f != w]
            bare = "|".join(rf"(?<=\b{a}\s){re.escape(w)}" for a in _AUXILIARY)
            piece = "(?:" + "|".join(re.escape(f) for f in forms) + f"|{bare})"
        else:
            # 'saw "no need for mediation"': a quote may open inside the phrase.
            # 'stood "shoulder to shoulder" with': and close inside it.
            piece = ("[“\"‘]?" if i else "") + _word(w) + \
                ("(?:[”\"’](?=\\s))?" if i < len(words) - 1 else "")
        out.append((f"(?P<w>{piece})" if word != w else piece)
                   + (r",?\s+" if subject and i == 0 else r"\s+"))
        if i == 0 and not noun and not subject and len(words) > 1 \
                and words[1] not in ("*", "+", "**", "."):
            out.append(_ADVERB)
    body = "".join(out)
    body = body[:-3] if body.endswith(r"\s+") else body
    return rf"(?<![\w\-]){body}(?![\w\-])"


@functools.lru_cache(maxsize=2)
def _figures(folder: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """`not_events.csv`: figures of speech whose bracketed word names no act ("a trade
    war", "struck a harsher tone", "a statement released after the talks")."""
    irregular = load_gazetteer().irregular
    return tuple((re.compile(_phrase_pattern(r["phrase"], r["pos"] == "noun", irregular),
                             re.IGNORECASE), _literals(r["phrase"], r["pos"] == "noun"))
                 for r in read_table("not_events.csv"))


def _literals(phrase: str, noun: bool) -> tuple[str, ...]:
    """The words a phrase matches as written (lower case): a sentence lacking one holds no
    match, so its pattern need not run (a verb's first word is inflected, not literal)."""
    return tuple(w.strip("[]").lower() for i, w in enumerate(phrase.split())
                 if (i or noun) and w.strip("[]") not in ("*", "+", "**", "."))


def coded_rows(table: str, plover_type: str | None = None
               ) -> Iterator[tuple[dict[str, str], str, tuple[str, str]]]:
    """A phrase table's rows with their CAMEO code and its PLOVER (type, mode). A code the
    codebooks do not know (or not of `plover_type`) stops here, naming table, phrase and
    code."""
    codes = load_codebooks().cameo_codes
    for r in read_table(table):
        code = r["cameo_code"]
        mapped = plover_for(code)
        if code not in codes or mapped is None or plover_type not in (None, mapped[0]):
            kind = f"a {plover_type} code" if plover_type else "a code"
            raise ValueError(f"assets/gazetteer/{table}: phrase {r['phrase']!r}: cameo_code "
                             f"{code!r} is not {kind} of the CAMEO→PLOVER tables")
        yield r, code, mapped


@functools.lru_cache(maxsize=2)
def _lexicon(folder: str) -> tuple[Trigger, ...]:
    g = load_gazetteer()
    out = []
    for r, code, mapped in coded_rows("triggers.csv"):
        noun, subject = r["pos"] == "noun", r["pos"] == "subject"
        pattern = re.compile(_phrase_pattern(r["phrase"], noun, g.irregular, subject),
                             re.IGNORECASE)
        out.append(Trigger(r["phrase"], code, mapped[0], mapped[1], r["mutual"] == "yes",
                           noun or subject, pattern,
                           len([w for w in r["phrase"].split()
                                if w not in ("*", "+", "**") and w not in _FUNCTION_WORDS]),
                           subject))
    told = {t.phrase for t in out}
    out += [p for t in list(out) if (p := _passive(t, g.irregular)) and p.phrase not in told]
    out += [p for t in list(out) if (p := _object_first(t, g.irregular))]
    return tuple(out)


# "The levy was doubled", "the two barges had been boarded": a "verb * noun" phrase
# told in the passive, its noun first.
_BE = r"(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?"
# (Only hostile acts: an agreement "was signed" or a release "was demanded" is told by
# other rules, which name the parties.)
_HOSTILE = frozenset({"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"})
# ("its ambassador was recalled", "troops were sent": the owner acts.)
_OWN_SIDE = frozenset({"recall", "withdraw", "pull", "move", "send", "station",
                       "mass", "deploy", "dispatch", "cut"})


def _verb_and_object(t: Trigger, irregular: dict[str, list[str]]
                     ) -> tuple[str, str, str] | None:
    """A "verb * noun" phrase's verb, noun and the verb's past forms as a pattern's
    alternatives ("impose * tariff": impose, tariff, "imposed"); None for other phrases."""
    words = t.phrase.split()
    if len(words) != 3 or words[1] != "*" or words[2] in _FUNCTION_WORDS \
            or not words[2].isalpha():
        return None
    past = [f for f in inflections(words[0], irregular)
            if f != words[0] and not f.endswith(("ing", "s")) or f.endswith(("ss",))]
    return (words[0], words[2], "|".join(re.escape(f) for f in past)) if past else None


def _passive(t: Trigger, irregular: dict[str, list[str]]) -> Trigger | None:
    """The passive of a hostile act's table phrase "verb * noun" ("double * levy": "the
    levy was doubled") as a phrase led by what undergoes it; None for other phrases."""
    split = _verb_and_object(t, irregular)
    if split is None or t.noun or t.mutual or t.plover_type not in _HOSTILE \
            or split[0] in _OWN_SIDE:
        return None
    verb, noun, alts = split
    # (or reduced: "the checkpoint, shut by Thailand since January", "its ban on beef,
    # imposed after an outbreak")
    pattern = re.compile(rf"(?<![\w\-]){_word(noun)}(?:,?\s+(?:\S+\s+){{0,3}}?{_BE}"
                         rf"(?:{alts})|(?:\s+[\w’'\-]+){{0,6}}?,\s+(?:{alts})(?=\s+(?:by|since|"
                         rf"after|last|earlier)\b))(?![\w\-])", re.IGNORECASE)
    return Trigger(f"{noun} * {verb}", t.cameo_code, t.plover_type, t.plover_mode, t.mutual,
                   True, pattern, t.weight, True, passive=True)


def _object_first(t: Trigger, irregular: dict[str, list[str]]) -> Trigger | None:
    """A "verb * noun" phrase told with its noun first and its doer named after it, in a
    relative clause ("the tariff Panama imposed in June", "the boats it
    deployed on the river"): led by the noun, the doer before the verb."""
    split = _verb_and_object(t, irregular)
    if split is None or t.passive or t.noun or t.subject:
        return None
    verb, noun, alts = split
    pattern = re.compile(rf"(?<![\w\-]){_word(noun)}\s+(?:(?:that|which)\s+)?"
                         rf"(?-i:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{0,3}}|it|they)\s+"
                         rf"(?:(?:had|has|have)\s+)?(?:{alts})(?![\w\-])", re.IGNORECASE)
    return Trigger(f"{noun} that * {verb}", t.cameo_code, t.plover_type,
                   t.plover_mode, t.mutual, False, pattern, t.weight, object_first=True)


def lexicon() -> tuple[Trigger, ...]:
    return _lexicon(str(assets_dir() / "gazetteer"))


@functools.lru_cache(maxsize=2)
def _by_first_word(folder: str) -> dict[str, tuple[Trigger, ...]]:
    # Trying 200 patterns on every sentence costs a third of a second; trying only the
    # phrases whose first word is the word at hand costs a few milliseconds.
    index: dict[str, list[Trigger]] = {}
    irregular = load_gazetteer().irregular
    for t in _lexicon(folder):
        first = t.phrase.split()[0]
        forms = [first, first + "s", first + "es"] if t.subject else \
            [first] if t.noun else inflections(first, irregular)
        for form in forms:
            index.setdefault(form.lower(), []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def _index() -> dict[str, tuple[Trigger, ...]]:
    # Resolving the assets folder touches the file system: once per process and setting.
    key = os.environ.get("BRIEFING_ASSETS", "")
    if key not in _INDEXES:
        _INDEXES[key] = _by_first_word(str(assets_dir() / "gazetteer"))
    return _INDEXES[key]


_INDEXES: dict[str, dict[str, tuple[Trigger, ...]]] = {}
_WORD = re.compile(r"[\w’'\-]+")
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$", re.IGNORECASE)
# Phrases whose word is a verb only where no determiner or adjective stands before it.
_VERB_ONLY = frozenset({"appeal .", "appeal against", "blast"})
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|last|final|without|any|no|"
                          r"further)\s+$", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:the|these|those|its|their)\s+(?:two|three|four|five|six|seven|"
                      r"eight|nine|ten|\d+)\s+$", re.IGNORECASE)


_DATED_ONLY = frozenset({"agreement", "treaty", "protocol", "pact"})
_YEAR_BEFORE = re.compile(r"\b(?:an?|the|its|their)\s+(?:19|20)\d\d\s+(?:[a-z][\w\-]*\s+){0,3}$",
                          re.IGNORECASE)


def find_triggers(text: str, start: int, end: int) -> list[Match]:
    """Trigger matches in text[start:end]; where two overlap the more specific wins."""
    index = _index()
    found = []
    for w in _WORD.finditer(text, start, end):
        for t in index.get(w.group(0).lower(), ()):
            if m := t.pattern.match(text, w.start(), end):
                # ("the tariff Panama imposed": the act is named by its verb, last)
                at = m.end() - len(m.group(0).split()[-1]) if t.object_first else m.start()
                found.append(Match(at, m.end(), t))
    if not found:
        return []
    lower = text[start:end].lower()
    figures = {m.start("w") for p, needs in _figures(str(assets_dir() / "gazetteer"))
               if all(n in lower for n in needs) for m in p.finditer(text, start, end)}
    # ("offered the three blocks to investors": a verb's word in -s after a count is a
    # noun; "the two agreed" is their act)
    found = [m for m in found if m.trigger.noun or m.trigger.subject or m.trigger.object_first
             or not re.match(r"[a-z]+[^s\W]s\b", text[m.start:m.end])
             or not _COUNTED.search(text, max(start, m.start - 16), m.start)]
    # ("said it would appeal", not "threw out his last appeal", "without appeal")
    found = [m for m in found if m.trigger.phrase not in _VERB_ONLY or not _NOUN_BEFORE.search(
        text, max(start, m.start - 16), m.start)]
    # ("a 2022 transit accord": an agreement's noun names a signing only with its year)
    # ("agreed in March to revive": a month's name, capitalised, is the month)
    found = [m for m in found if m.start not in figures and not CAPITAL_MONTH.match(
        text, m.start) and not (
        m.trigger.phrase in _DATED_ONLY and not _YEAR_BEFORE.search(
            text, max(start, m.start - 48), m.start))]
    # A verb's phrase read from a noun ("lifted its ban on fruit imports": not "ban *
    # import") yields to a phrase that takes the noun as its object.
    found.sort(key=lambda m: (-m.trigger.weight + (not m.trigger.noun and bool(
        _DETERMINED.search(text, max(start, m.start - 8), m.start))),
                              -(m.end - m.start), m.start))
    kept: list[Match] = []
    for m in found:
        if all(m.end <= verb_start(text, k) or k.end <= verb_start(text, m) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def verb_start(text: str, m: Match) -> int:
    """Where a match's act is named: its start, but for a phrase led by what undergoes
    it ("the crossing, which was closed") its last word — the noun may be another
    phrase's object too ("agreed to reopen the crossing, which was closed in June")."""
    if not (m.trigger.subject or m.trigger.object_first):   # ("the treaty Peru signed")
        return m.start
    return m.start + text[m.start:m.end].rstrip().rfind(" ") + 1


# "failed to agree on a hub": the act did not happen.
_NEGATION = re.compile(r"\b(?:not|cannot|never|no|none|neither|nor|without|"
                       r"fail(?:s|ed|ing)?\s+to)\b|n[’']t\b", re.IGNORECASE)
# "did not rule out sanctions": possible, not negated.
_NOT_RULED_OUT = re.compile(r"\b(?:not|never)\s+(?:\w+\s+)?(?:rul(?:e|ed|ing)\s+out|exclud\w*)\b",
                            re.IGNORECASE)
# "must withdraw", "should be freed": owed, not done (a demand when another says it).
_OBLIGED = re.compile(r"\b(?:must|should|has to|have to|needs? to|ought to)\b", re.IGNORECASE)
OBLIGED_WHY = "obligation before"
# "will not write off the debt", "would not send her back": a refusal, said now.
_WILL_NOT = re.compile(r"\b(?:will|would|shall)\s+(?:\w+\s+)?not\b|\b(?:won|wouldn)[’']t\b",
                       re.IGNORECASE)
REFUSED_WHY = "refused: 'will not' before"
_HYPOTHETICAL = re.compile(r"\b(?:would(?!-)|could|might|may|if|possibility of|possible|consider"
                           r"(?:s|ed|ing)?)\b", re.IGNORECASE)
# "... should Jordan say no": a condition told by inversion, mid-sentence
_SHOULD_IT = re.compile(r"[\w,]\s+should\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s+){1,3}$")
_ANNOUNCED = re.compile(r"\b(?:will|shall|plans? to|planned to|is to|are to|is set to|"
                        r"are set to|intends? to|expected to|is due to|are due to)\b",
                        re.IGNORECASE)
_PROPOSED = re.compile(r"^(?:offer|propos|suggest)", re.IGNORECASE)
_PROPOSED_BEFORE = re.compile(r"\b(?:offer(?:s|ed)?|propos(?:e|es|ed)|suggest(?:s|ed)?|should|"
                              r"ought to)\b", re.IGNORECASE)


_POSTPONED = re.compile(r"\b(?:postpon\w*|delay(?:s|ed|ing)?|put off|defer\w*|shelv\w*)\b",
                        re.IGNORECASE)
_CANCELLED = re.compile(r"\b(?:cancel\w*|called off|calls? off|scrap(?:s|ped|ping)?)\b",
                        re.IGNORECASE)
_SHARED_MODAL = re.compile(r"\b(?:will|would|shall|should|must|could|might|may|can|cannot|"
                           r"ought to|(?:can|won|wouldn|couldn)[’']t)\b", re.IGNORECASE)
_REPORTED_FUTURE = re.compile(r"\bwould\b(?!\s+have\b)", re.IGNORECASE)


def status(text: str, start: int, m: Match, historical: bool, *, reported: bool = False
           ) -> tuple[str, str]:
    """(status, why) from the words between the subject (or the clause start) and the
    trigger. In reported speech "would" is the future seen from the past ("said Japan
    would protest"): planned, not hypothetical."""
    # Only the words of this verb's own conjunct: "would not accept X and called Y" —
    # the call is not negated.
    parts = re.split(r"\s(?:and|but)\s|;", text[start:m.start])
    window = parts[-1]
    word = text[m.start:m.end]
    # ... but a bare verb shares the modal of the verb it is joined to: "should go further
    # and recall the ambassador" is owed, not done.
    if len(parts) > 1 and not window.strip() and word.split()[0].lower() == \
            m.trigger.phrase.split()[0] and _SHARED_MODAL.search(parts[-2]):
        window = parts[-2]
    # ("The crewmen, who were not charged, were released": the aside's words are its own;
    # so is a blessing's: "the Sultan, may God protect him, received")
    window = re.sub(r",\s*(?:who|which|whose|may\s+(?:God|Allah))\b[^,;]*,", " ", window)
    if re.search(r",\s*(?:who|which|whose)\s*$", text[max(0, start - 10):start]):
        window = re.sub(r"^[^,;]*,", " ", window)   # (the aside's pronoun read as a subject)
    near = " ".join(window.split()[-10:])
    if _NOT_RULED_OUT.search(near):
        return "hypothetical", f"not ruled out before '{word}'"
    if _NEGATION.search(near):
        if _WILL_NOT.search(near):
            return "negated", f"{REFUSED_WHY} '{word}'"
        return "negated", f"negation before '{word}'"
    if _POSTPONED.search(near):
        return "postponed", f"put off before '{word}'"
    if _CANCELLED.search(near):
        return "cancelled", f"called off before '{word}'"
    if _ANNOUNCED.search(near) or (reported and _REPORTED_FUTURE.search(near)):
        return "planned", f"future or plan before '{word}'"
    if _OBLIGED.search(near):
        return "hypothetical", f"{OBLIGED_WHY} '{word}'"
    if _HYPOTHETICAL.search(near) or _SHOULD_IT.search(text, max(0, m.start - 48), m.start):
        return "hypothetical", f"modal or condition before '{word}'"
    if _PROPOSED.match(word) or _PROPOSED_BEFORE.search(near):
        return "proposed", f"offer or proposal: '{word}'"
    if historical:
        return "historical", "dated in an earlier year"
    return "occurred", "reported as done"


# "If Sweden refuses, Norway will close the border": the act of an "if" clause may be.
IF_CLAUSE = re.compile(r"\s*(?:If|Should|Unless)\b")
# ... or after what is said: "He said that if this happens again, Turkey will stop".
_SAID_IF = re.compile(r"\b(?:said|says|warned|warns|added|told\s+\w+)\s+(?:\w+\s+){0,3}?"
                      r"(?:that\s+)?(?:if|unless)\b[^.;:]*,")


def if_first(text: str, lo: int, at: int) -> bool:
    """Whether a condition opens the clause of the act at `at` ("If Sweden refuses, Norway
    will close", "said that if it happens again, Turkey will stop")."""
    return bool(IF_CLAUSE.match(text, lo) and "," in text[lo:at] or _SAID_IF.search(text, lo, at))


def clause_status(text: str, lo: int, start: int, m: Match, historical: bool,
                  reported: bool) -> tuple[str, str]:
    """status() for the act at `m` in the sentence starting at `lo` (its clause's words
    from `start`): a subject phrase reads its own words ("The crossing will reopen"), and
    an act in a sentence-opening "if" clause is hypothetical."""
    if m.trigger.subject:
        st = status(text, m.start, Match(verb_start(text, m), m.end, m.trigger), historical,
                    reported=reported)
    else:
        st = status(text, start, m, historical, reported=reported)
    if IF_CLAUSE.match(text, lo) and "," not in text[lo:m.start]:
        return "hypothetical", f"in an 'if' clause ({st[1]})"
    return st
