"""Dates in the text, resolved against the publication date, with precision and basis.

The resolver never guesses: an expression it cannot pin down ("recently", "soon") is
returned unresolved with a note saying why. A range ("last week") is kept as a range;
`as_fact_date` turns it into the fact format's `date` (and `date_end` for a span).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

WEEKDAYS = [d.lower() for d in calendar.day_name]
# "Monday|Tuesday|...": the names as written, for the patterns of other modules.
WEEKDAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9


@dataclass(frozen=True)
class Resolved:
    phrase: str
    start: dt.date | None       # None: unresolved
    end: dt.date | None
    note: str
    basis: str = "resolved"     # article (stated in full) | resolved (relative)

    @property
    def resolved(self) -> bool:
        return self.start is not None


_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:" + "|".join(WEEKDAYS) + r")"
CAPITAL_MONTH = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<dmy>(?:(?:on\s+)?{_WD},?\s+)?{_D}(?:\s*(?:and|-|–|to)\s*{_D})?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)"
    rf"|(?P<mdy>(?:(?:on\s+)?{_WD},?\s+)?{_M}\s+{_D}(?:\s*(?:and|-|–|to)\s*{_D})?(?:,?\s+{_Y})?)"
    rf"|(?P<mm>(?:between|from)\s+{_M}\s+(?:and|to|until)\s+{_M}(?:,?\s+{_Y})?)"
    rf"|(?P<my>(?:(?:in|since|until|by|of|for|from|back\s+to|during)\s+"
    rf"(?:(?:early|mid|late)[\s-]+|mid-)?"
    rf"|(?:early|late)\s+|mid-|last\s+){_M}(?:\s+{_Y}|\s+(?:last|next|this)\s+year)?"
    rf"(?!\.?\s+\d)|{_M}\s+{_Y}(?!\s*\d))"   # (and "September 1991" alone: a timeline's)
    rf"|(?P<rel>(?:last|this|next|earlier this|later this|past)\s+(?:week|month|year)"
    rf"|earlier (?:this|in the) (?:week|month|year)|today|yesterday|tomorrow|tonight"
    rf"|last night|overnight(?!\s+(?:on|from|into|between|to|in)\b)"
    rf"|(?:last|this|next|over the|at the|during the)\s+weekend"
    rf"|this (?:morning|afternoon|evening)|(?:earlier|later) today"
    rf"|(?:a few|several|\d{{1,2}}|a|an|one|two|three)\s+(?:minutes?|hours?)\s+ago)"
    rf"|(?P<wd>(?:from\s+{_WD}\s+(?:to|until|through)\s+{_WD}\s+(?:next|last)\s+week)"
    rf"|(?:(?:on|last|this|next)\s+)?{_WD}(?:\s+(?:of\s+)?(?:next|last)\s+week)?)"
    rf"|(?P<nth>on\s+the\s+{_D}(?<=\d(?:st|nd|rd|th))(?!\s+(?:of\s+)?[a-z]))"
    rf"|(?P<offset>(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+"
    rf"(?:days?|weeks?)\s+(?:earlier|later|before|after|ago))|hours\s+(?:earlier|later)"
    rf"|the\s+(?:day|morning|evening|night)\s+(?:before|after))"
    rf"|(?P<year>{_Y})"
    rf"|(?P<vague>recently|soon|in recent (?:days|weeks|months)|lately|previously)"
    rf")\b", re.IGNORECASE)


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _day(y: int, m: int, d: str) -> dt.date | None:
    try:
        return dt.date(y, m, int(re.sub(r"\D", "", d)))
    except ValueError:
        return None


NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine "
                                       "ten".split())} | {"a": 1}


def resolve(phrase: str, published: dt.date, *, future: bool = False,
            anchor: dt.date | None = None) -> Resolved:
    """One date expression → a day, a range or unresolved, against `published`.

    `future` says the verb looks ahead ("will meet on Friday"): a weekday is then the
    next one on or after the publication day rather than the last one on or before it.
    `anchor` is the date an offset counts from ("two days earlier" than March 5).
    """
    m = PATTERN.fullmatch(phrase.strip())
    p = phrase.strip()
    low = p.lower()
    if m is None:
        return Resolved(p, None, None, f'"{p}" is not a date expression the drafter knows')
    pub = published.isoformat()
    if m.group("dmy") or m.group("mdy"):
        words = re.findall(r"[A-Za-z]+|\d+", p)
        month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS)
        nums = [w for w in words if w.isdigit()]
        day = nums[0] if len(nums[0]) <= 2 else nums[1]
        year = int(nums[-1]) if len(nums) > 1 and len(nums[-1]) == 4 else None
        days = [w for w in nums if len(w) <= 2]
        last = days[1] if len(days) > 1 else None   # "March 21 and 22": a span
        if year is None:
            year = published.year
            d = _day(year, month, day)
            # ("postponed a visit scheduled for October 20" in a story of October 17: a
            # day a few weeks ahead is this year's, whatever the verb's tense)
            if d and d > published + dt.timedelta(days=31) and not future:
                year -= 1
        d = _day(year, month, day)
        if d is None:
            return Resolved(p, None, None, f'"{p}" is not a calendar day')
        basis = "article" if len(nums) > 1 and len(nums[-1]) == 4 else "resolved"
        note = f'"{p}" as stated' if basis == "article" else \
            f'"{p}", year taken from the publication date {pub}'
        end = _day(year, month, last) if last else d
        return Resolved(p, d, end if end and end >= d else d, note, basis)
    if m.group("mm"):   # "between August and October": the months from one to the other
        words = re.findall(r"[A-Za-z]+|\d+", p)
        first, last = (MONTHS[w.lower()] for w in words if w.lower() in MONTHS)
        years = [int(w) for w in words if w.isdigit()]
        year = years[0] if years else published.year - (last > published.month and not future)
        a = dt.date(year - (first > last), first, 1)
        how = "as stated" if years else f"year of the publication date {pub}"
        return Resolved(p, a, _month_end(year, last), f'"{p}", {how}',
                        "article" if years else "resolved")
    if m.group("my"):
        words = re.findall(r"[A-Za-z]+|\d+", p)
        month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS)
        years = [int(w) for w in words if w.isdigit()]
        year = years[0] if years else published.year
        shift = re.search(r"\b(last|next|this)\s+year$", low)
        if shift:   # "in January last year", "in March next year"
            year += {"last": -1, "next": 1, "this": 0}[shift.group(1)]
        elif low.startswith("last "):   # "last March": the last one before this month
            year -= month >= published.month
        elif not years and month > published.month and not future:
            year -= 1
        elif not years and month < published.month and future:
            year += 1   # "will visit in February", said in November
        basis = "article" if years else "resolved"
        counted = "counted from" if shift or low.startswith("last ") else "year of"
        how = "" if years else f", {counted} the publication date {pub}"
        return Resolved(p, dt.date(year, month, 1), _month_end(year, month), f'"{p}"{how}',
                        basis)
    if m.group("offset"):
        count_word, unit, way = (["0"] + low.split())[-3:]   # "hours later": the same day
        count = int(count_word) if count_word.isdigit() else NUMBERS.get(count_word, 1)   # "the"
        step = dt.timedelta(days=count * (7 if unit.startswith("week") else 1))
        if way == "ago":
            d = published - step
            return Resolved(p, d, d, f'"{p}", counted back from the publication date {pub}')
        if anchor is None:
            return Resolved(p, None, None, f'"{p}": no date in the sentence to count from')
        d = anchor - step if way in ("earlier", "before") else anchor + step
        return Resolved(p, d, d, f'"{p}", counted from {anchor.isoformat()} in the sentence')
    if m.group("year"):
        y = int(p)
        return Resolved(p, dt.date(y, 1, 1), dt.date(y, 12, 31), f'"{p}" as stated', "article")
    if m.group("wd") and low.endswith("week"):
        # "on Thursday next week", "Monday of last week": that day of the week named
        # ("from Monday to Wednesday next week": the span of those days)
        named = [WEEKDAYS.index(w) for w in low.split() if w in WEEKDAYS]
        first, last = named[0], named[-1]
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(
            days=7 if low.split()[-2] == "next" else -7)
        return Resolved(p, monday + dt.timedelta(days=first), monday + dt.timedelta(days=last),
                        f'"{p}", resolved against the publication date '
                        f'({calendar.day_name[published.weekday()]} {pub})')
    if m.group("wd"):
        wd = WEEKDAYS.index(low.split()[-1])
        back = (published.weekday() - wd) % 7
        if low.startswith("next") or (future and not low.startswith("last")):
            d = published + dt.timedelta(days=(wd - published.weekday()) % 7 or
                                         (7 if low.startswith("next") else 0))
        else:
            d = published - dt.timedelta(days=back or (7 if low.startswith("last") else 0))
        return Resolved(p, d, d, f'"{p}", resolved against the publication date '
                                 f'({calendar.day_name[published.weekday()]} {pub})')
    if m.group("nth"):
        # "on the 14th": that day of the publication month, or of the month before when
        # it is still to come (or of the next when the verb looks ahead)
        n = int(re.sub(r"\D", "", low))
        this = published.replace(day=1)
        if future:
            month = this if n >= published.day else \
                _month_end(this.year, this.month) + dt.timedelta(days=1)
        else:
            month = this if n <= published.day else (this - dt.timedelta(days=1)).replace(day=1)
        d = _day(month.year, month.month, str(n))
        if d is None:
            return Resolved(p, None, None, f'"{p}" is not a calendar day')
        return Resolved(p, d, d, f'"{p}", the month taken from the publication date {pub}')
    if m.group("rel"):
        return _relative(low.replace("earlier in the", "earlier this"), p, published, future)
    return Resolved(p, None, None, f'"{p}" is vague: left for the analyst')


# A weekday dated in full ("on Monday morning, January 26", "Tuesday, 4 March"): the day a
# story may tell its week from.
_DATED_WEEKDAY = re.compile(rf"\b(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
                            rf"(?P<d>{_D}\s+(?:of\s+)?{_M}|{_M}\s+{_D})(?:,?\s+{_Y})?\b",
                            re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _weeks_told(text: str, pub: dt.date) -> tuple[tuple[int, dt.date | None, str], ...]:
    """Where a story tells of a week before the publication's: (end, day, words) for a
    weekday dated in full, (end, None, words) where the story leaves that week (a date
    after it, a day counted from publication: "last week", "yesterday"; a date before it
    is background the story comes back from). A story that names a weekday before any
    such date tells of the publication week: ()."""
    out: list[tuple[int, dt.date | None, str]] = []
    dated = list(_DATED_WEEKDAY.finditer(text))
    for m in PATTERN.finditer(text):
        p, week = m.group(0), out[-1][1] if out else None
        wd = next((w for w in dated if w.start() < m.end() and m.start() < w.end()), None)
        if m.group("dmy") or m.group("mdy"):
            r = resolve(p, pub)
            if wd and r.start and r.start.weekday() == WEEKDAYS.index(wd.group("wd").lower()) \
                    and r.start < pub - dt.timedelta(days=6):
                out.append((m.end(), r.start, wd.group(0)))
            elif out and week and r.start and (r.start - week).days >= 7:
                out.append((m.end(), None, p))
        elif m.group("wd") and not out and not wd:
            return ()
        elif m.group("rel") and out:
            out.append((m.end(), None, p))
    return tuple(out)


def in_week_told(text: str, at: int, phrase: str, pub: dt.date) -> Resolved | None:
    """A bare weekday ("on Wednesday") told after a weekday dated in full before the
    publication week ("landed on Monday, January 26 ... On Wednesday he flew back"): the
    day of that week, not of the publication's. None when the story is not in such a week."""
    low = phrase.lower().strip()
    if not re.fullmatch(rf"(?:on\s+)?{_WD}", low):
        return None
    told = [w for w in _weeks_told(text, pub) if w[0] <= at]
    if not told:
        return None
    _end, day, words = told[-1]
    if day is None:
        return None
    d = day + dt.timedelta(days=(WEEKDAYS.index(low.split()[-1]) - day.weekday()) % 7)
    return Resolved(phrase.strip(), d, d, f'"{phrase.strip()}", in the week of "{words}" told '
                                          f"before it")


def resolve_at(text: str, at: int, phrase: str, pub: dt.date, *, future: bool = False,
               anchor: dt.date | None = None) -> Resolved:
    """`resolve` for the phrase at `at` of `text`: a bare weekday in a week the story told
    of before it is that week's day."""
    return not future and in_week_told(text, at, phrase, pub) or \
        resolve(phrase, pub, future=future, anchor=anchor)


def _relative(low: str, p: str, published: dt.date, future: bool = False) -> Resolved:
    pub = published.isoformat()
    note = f'"{p}", resolved against the publication date {pub}'
    one = dt.timedelta(days=1)
    monday = published - dt.timedelta(days=published.weekday())
    if low.endswith("weekend"):
        # the Saturday and Sunday last gone ("over the weekend", in a Monday story), or
        # the next to come for a verb that looks ahead ("will meet at the weekend")
        ahead = low.startswith("next") or (future and not low.startswith("last"))
        saturday = published + (5 - published.weekday()) % 7 * one if ahead else \
            published - (published.weekday() - 5) % 7 * one
        return Resolved(p, saturday, saturday + one, note)
    if low in ("today", "tonight") or low.endswith(("today", "ago", "morning", "afternoon",
                                                    "evening")):
        # "this morning", "earlier today", "a few minutes ago": the day of publication
        return Resolved(p, published, published, note)
    if low in ("yesterday", "last night", "overnight"):   # (the night before the story's day)
        return Resolved(p, published - one, published - one, note)
    if low == "tomorrow":
        return Resolved(p, published + one, published + one, note)
    unit = low.split()[-1]
    if unit == "week":
        if low.startswith(("last", "past")):
            return Resolved(p, monday - 7 * one, monday - one, note)
        if low.startswith("next"):
            return Resolved(p, monday + 7 * one, monday + 13 * one, note)
        if low.startswith("earlier"):
            return Resolved(p, monday, published, note)
        return Resolved(p, monday, monday + 6 * one, note)
    if unit == "month":
        first = published.replace(day=1)
        if low.startswith(("last", "past")):
            prev = first - one
            return Resolved(p, prev.replace(day=1), prev, note)
        if low.startswith("next"):
            nxt = _month_end(published.year, published.month) + one
            return Resolved(p, nxt, _month_end(nxt.year, nxt.month), note)
        # "earlier this month": the month, at month precision — its first day would be
        # a guess dressed up as a date.
        return Resolved(p, first, _month_end(published.year, published.month), note)
    y = published.year
    if low.startswith(("last", "past")):
        return Resolved(p, dt.date(y - 1, 1, 1), dt.date(y - 1, 12, 31), note)
    if low.startswith("next"):
        return Resolved(p, dt.date(y + 1, 1, 1), dt.date(y + 1, 12, 31), note)
    if low.startswith("earlier"):
        return Resolved(p, dt.date(y, 1, 1), published, note)
    return Resolved(p, dt.date(y, 1, 1), dt.date(y, 12, 31), note)


def find_dates(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Date expressions in text[start:end], as (start, end, phrase). A month is written
    with a capital ("planned for May", not "hoped for may"), and one "for" a noun names
    it ("called for May elections"). Years joined by a dash name a period something covers
    ("a Programme of Cooperation for 2031-2034"), not when anything was done."""
    found = [(m.start(), m.end(), m.group(0)) for m in PATTERN.finditer(text, start, end)
             if (not m.group("my") or CAPITAL_MONTH.search(m.group("my")) and not (
                 m.group("my")[:4].lower() == "for " and re.match(r"\s+[a-z]", text[m.end():])))
             and not _YEAR_SPAN.match(text, m.start(), m.end() + 5)
             and not (m.group("year") and _FOR_A_THING.search(text, max(0, m.start() - 40),
                                                              m.start()))
             and not re.search(r"\b(?:19|20)\d\d[-–]$", text[max(0, m.start() - 5):m.start()])
             # ("The next month Papua New Guinea banned ...": the month after the one the
             # story told of, not after publication)
             and not (re.match(r"(?i)next\s+(?:week|month|year)\b", m.group(0))
                      and re.search(r"\b[Tt]he\s+$", text[max(0, m.start() - 4):m.start()]))]
    # ("by June 30 next year": the day's year, said after it, is no date of its own)
    found = [f for i, f in enumerate(found) if not (i and re.fullmatch(
        r"(?i)(?:next|last|this)\s+year", f[2]) and found[i - 1][1] + 1 == f[0]
                                                 and found[i - 1][2][-1].isdigit())]
    # "overnight" is the night before the story's day only where nothing else dates the
    # words ("held their crews overnight" after "on May 4" is that night)
    others = [f for f in found if f[2].lower() != "overnight"]
    return others if others else found


# A year a thing is for, after its noun: "a quota of 412,000 tonnes for 2031", "the budget
# for 2032" (not "set for 2031", "planned for 2030": when something is to happen).
_FOR_A_THING = re.compile(r"\b(?!(?:set|due|slated|eyed|timed|ready|scheduled|planned|"
                          r"expected|pencill?ed\s+in|postponed|delayed|moved|put\s+off|"
                          r"pushed\s+back|in|off|back|up)\s)[a-z]+(?<!ed)\s+for\s+$")
# A period of years written with a dash: "2031-2034", "2031–34".
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d[-–](?:(?:19|20)\d\d|\d\d)\b")


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def is_day(value: Any) -> bool:
    """Whether a fact date is one calendar day ("2031-06-05"), not a month or a year."""
    return bool(_DAY.fullmatch(str(value)))


def as_fact_date(r: Resolved) -> tuple[str | int | None, str | None]:
    """The fact format's `date` and `date_end` for a resolved expression: a day; a whole
    month as "YYYY-MM"; a whole year as YYYY; any other range ("last week") as its first
    and last day. Unresolved: (None, None)."""
    if not r.resolved:
        return None, None
    a, b = r.start, r.end
    if a == b:
        return a.isoformat(), None
    if a.day == 1 and b == _month_end(a.year, a.month):
        return f"{a.year:04d}-{a.month:02d}", None
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return a.year, None
    if a.day == 1 and b == _month_end(b.year, b.month):   # ("between August and October")
        return f"{a.year:04d}-{a.month:02d}", f"{b.year:04d}-{b.month:02d}"
    return a.isoformat(), b.isoformat()


# "ended a three-day state visit on Tuesday", "began two days of talks on Monday": the
# day said is the last or the first of a span that long.
DAYS_LONG = re.compile(r"\b(?P<verb>end|ended|ends|closed|concluded|wrapped up|wound up|began|"
                        r"begins|started|starts|opened|opens|arrived for)\s+(?:(?:a|an|the|"
                        r"his|her|its|their)\s+)?(?P<n>two|three|four|five|six|seven|\d)"
                        r"(?:-day\s+(?:[a-z]+\s+){0,2}(?:visit|summit|talks|trip|tour|"
                        r"meeting|conference|session|negotiations)|\s+days\s+of\s+"
                        r"(?:[a-z]+\s+){0,2}(?:talks|meetings|negotiations))\b", re.IGNORECASE)


# ... told the other way round: "the two-day summit that ended on Friday", "two days of
# talks ended last Friday", "left Quito on Tuesday night after a two-day state visit",
# "agreed on Thursday after two days of talks".
DAYS_ENDED = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d)(?:-day\s+(?:[\w\-]+\s+){0,2}"
                        r"(?:visit|summit|talks|trip|tour|meeting|conference|session|"
                        r"negotiations)|\s+days\s+of\s+(?:[a-z]+\s+){0,2}(?:talks|meetings|"
                        r"negotiations))\s+(?:that\s+|which\s+)?(?:[\w’'\-]+\s+){0,6}?"
                        r"(?:ended|closed|concluded|wound\s+up|wrapped\s+up)\b|"
                        r"\b(?:left|departed)\s+(?:[\w’'\-]+\s+){0,6}?after\s+(?:a|an|his|her|"
                        r"their|the)\s+(?P<n2>two|three|four|five|six|seven|\d)-day\s+"
                        r"(?:[\w\-]+\s+){0,2}(?:visit|trip|tour|stay)\b|"
                        # "agreed on Thursday after two days of talks", "signed ..., capping
                        # a three-day summit": the act told ends them
                        r"\b(?:after|following|salvaging|capping|at\s+the\s+end\s+of)\s+"
                        r"(?:(?:a|an|the)\s+)?(?P<n3>two|three|four|five|six|seven|\d)(?:-day\s+"
                        r"(?:[\w\-]+\s+){0,2}(?:summit|talks|meeting|conference|session|"
                        r"negotiations)|\s+days\s+of\s+(?:[a-z\-]+\s+){0,2}(?:talks|meetings|"
                        r"negotiations))\b", re.IGNORECASE)


def days_long(text: str, c0: int, c1: int, pos: int, day: Any
               ) -> tuple[str, str, str] | None:
    """The first and last day of the span of days the act at `pos` names, whose end or
    start is `day`, and the words that say how long it lasted."""
    m = DAYS_LONG.search(text, c0, c1) or DAYS_ENDED.search(text, c0, c1)
    if not m or not m.start() <= pos <= m.end() or not is_day(day):
        return None
    count = m.group("n") or m.group("n2") or m.group("n3")
    n = int(count) if count.isdigit() else NUMBERS[count.lower()]
    d = dt.date.fromisoformat(day)
    if m.re is DAYS_ENDED or m.group("verb").lower().startswith(
            ("end", "clos", "conclu", "wrap", "wound")):
        return (d - dt.timedelta(days=n - 1)).isoformat(), day, m.group(0)
    return day, (d + dt.timedelta(days=n - 1)).isoformat(), m.group(0)
