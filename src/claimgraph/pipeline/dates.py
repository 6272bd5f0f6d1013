"""Dates and times: every temporal expression, resolved against the publication date.

Each expression gets a TimeML TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and ``value``
(``2024-08``, ``1998-08-07``, ``1998-W08``, ``P6W``, ``PRESENT_REF`` …; Pustejovsky et
al. 2003, "TimeML", and the TIDES 2005 normalisation guidelines, Ferro et al.), an ISO
interval (``start``/``end``) where one follows, a confidence flag — ``exact`` when the
text names the date in full, ``high`` for deixis resolved against the publication date
(*yesterday*, *last year*, *six weeks ago*), ``low`` where the year or direction had to be
inferred (*in August*, *on Tuesday*) or the reference is vague (*these days*) — and
``resolved`` False with a note when no publication date is known.

Method: the rule-based approach of HeidelTime (Strötgen & Gertz 2013, "Multilingual and
cross-domain temporal tagging", LRE 47) — extraction by regular patterns, normalisation
by rules that read the document creation time and the tense of the governing verb (as in
HeidelTime's news strategy: past tense points back, *will* points forward). Patterns run
on the text, the parse is only read for tense; no dateparser call is needed.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import DateExpr
from claimgraph.numbers import ORDINALS, parse_number
from claimgraph.numbers.spans import merge_windows
from claimgraph.pipeline import doc_text

# ---------------------------------------------------------------- lexicon
MONTH_NUM = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
             "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                "tonight": "TNI"}
UNIT_CODES = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
              "year": "Y", "decade": "DE", "century": "CE", "second": "TS", "quarter": "Q"}
PRESENT_REF = ("now", "currently", "at present", "these days", "nowadays", "right now",
               "at the moment", "at this time", "the present", "at this point", "today's")
PAST_REF = ("recently", "lately", "previously", "formerly", "in the past", "the past",
            "recent days", "recent weeks", "recent months", "recent years", "in recent times")
FUTURE_REF = ("the future", "in future", "the near future", "future")
ORDINAL_WORDS = {w: n for w, n in ORDINALS.items() if n <= 31}

# auxiliaries and markers of future reference (the tense of the governing verb)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_MARKERS = {"next", "coming", "upcoming", "scheduled", "planned", "plans", "expected",
                  "due", "until", "till", "later"}
PAST_TAGS = {"VBD", "VBN"}

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
          r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
          r"|Dec(?:ember|\.)?)(?![\w])")
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DAYWORD = r"(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\.\d|%)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?"
_PART = r"(?:morning|afternoon|evening|night)"
_NUM = (r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\s+dozen|a\s+few|"
        r"several|many|some|a\s+couple\s+of|couple\s+of|a\s+few|few)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred))?")
_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|quarters?)"
_IN_MONTH = (r"\b(?P<skip>(?i:in|since|until|till|by|from|to|during|of|through|after|before|for)\s+)"
             r"(?=[A-Z])")

RX = re.IGNORECASE


@dataclass
class DateMatch:
    """One expression found in the text and its normalisation."""

    start: int
    end: int
    type: str
    value: Optional[str]
    confidence: str = "low"
    relative: bool = True  # needs the publication date
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    note: str = ""
    rule: str = ""
    resolved: bool = False


@dataclass
class Context:
    """What the resolver knows: publication date, tense lookup, last date mentioned."""

    dct: Optional[dt.date]
    tense: Callable[[int], str] = lambda pos: "past"
    last_year: Optional[int] = None
    last_day: Optional[str] = None
    last_day_in_sentence: Optional[str] = None
    last_value: Optional[str] = None


# ---------------------------------------------------------------- calendar helpers
def _month_of(word: str) -> int:
    return MONTH_NUM[word.strip(".").lower()[:3]]


def _shift_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_bounds(y: int, m: int) -> tuple[str, str]:
    return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def interval_of(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """ISO start and end dates covered by a TIMEX3 date value (None where it has none)."""
    if not value:
        return None, None
    if "/" in value:
        a, b = value.split("/", 1)
        return interval_of(a)[0], interval_of(b)[1]
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value)
    if m:
        return value[:10], value[:10]
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        return _month_bounds(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return f"{value}-01-01", f"{value}-12-31"
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        first = monday + dt.timedelta(days=5) if m.group(3) else monday
        return first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return _month_bounds(y, 3 * q - 2)[0], _month_bounds(y, 3 * q)[1]
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return _month_bounds(y, 6 * h - 5)[0], _month_bounds(y, 6 * h)[1]
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y = int(m.group(1))
        a, b = SEASON_MONTHS[m.group(2)]
        return _month_bounds(y, a)[0], _month_bounds(y + (1 if b < a else 0), b)[1]
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        return f"{value}0-01-01", f"{value}9-12-31"
    m = re.fullmatch(r"(\d{2})", value)
    if m:
        return f"{value}00-01-01", f"{value}99-12-31"
    return None, None


def _duration_value(n: Optional[float], unit: str) -> str:
    """``P6W``, ``PT5H``, ``PXY`` (unknown number)."""
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    code = UNIT_CODES.get(u, "D")
    prefix = "PT" if code.startswith("T") else "P"
    code = code[1:] if code.startswith("T") else code
    if n is None:
        return f"{prefix}X{code}"
    if code == "Q":
        n, code = n * 3, "M"
    num = f"{n:g}" if n != int(n) else str(int(n))
    return f"{prefix}{num}{code}"


def _minus(d: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "day":
        return d - dt.timedelta(days=n)
    if unit == "week":
        return d - dt.timedelta(weeks=n)
    if unit in ("month", "quarter"):
        y, m = _shift_months(d.year, d.month, -n * (3 if unit == "quarter" else 1))
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    if unit in ("year", "decade", "century"):
        k = n * {"year": 1, "decade": 10, "century": 100}[unit]
        y = d.year - k
        return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))
    return d


def _shift_value(value: str, n: int, unit: str) -> Optional[str]:
    """``value`` moved back ``n`` units at its own granularity: (1989-Q3, 1, year) → 1988-Q3."""
    m = re.fullmatch(r"(\d{4})(-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?", value)
    if m and unit == "year":
        return f"{int(m.group(1)) - n}{m.group(2) or ''}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m and unit in ("year", "month"):
        y, mo = _shift_months(int(m.group(1)), int(m.group(2)), -n * (12 if unit == "year" else 1))
        return f"{y:04d}-{mo:02d}"
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value[:10])
    if m:
        return Rules._granular(_minus(dt.date.fromisoformat(value[:10]), n, unit), unit)
    return None


def _count(text: str) -> Optional[float]:
    t = text.lower().strip()
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("a few", "few", "several", "many", "some", "a couple of", "couple of"):
        return None
    return parse_number(t)


# ---------------------------------------------------------------- rules
class Rules:
    """The patterns and their normalisation functions, tried longest match first."""

    def __init__(self):
        P = re.compile
        self.rules: list[tuple[str, re.Pattern, Callable]] = [
            ("weekday_full", P(rf"\b{_WEEKDAY},?\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM}|{_DAYWORD})"
                               rf"(?:,?\s+(?P<year>{_YEAR}))?"), self._month_day),
            ("month_day_year", P(rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM}|{_DAYWORD}),?\s+(?P<year>{_YEAR})"),
             self._month_day),
            ("day_month_year", P(rf"\b(?P<day>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})"),
             self._month_day),
            ("month_day", P(rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM}|{_DAYWORD})(?![\d,]*\d{{3}})"
                            rf"(?!\s*(?:%|percent|-))"), self._month_day),
            ("day_month", P(rf"\b(?P<day>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MONTH})"), self._month_day),
            ("iso_date", P(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
             self._iso),
            ("month_year", P(rf"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})"),
             self._month_year),
            ("rel_month", P(rf"(?:\b(?P<rel>this|last|next|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
                            rf"the\s+start\s+of)[\s-]+|{_IN_MONTH})(?P<mon>{_MONTH})"
                            rf"(?:\s+(?P<yrel>this|last|next)\s+year)?"), self._rel_month),
            ("season", P(r"\b(?P<rel>this|last|next|the|early|late)\s+(?P<season>spring|summer|fall|autumn|winter)"
                         rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b", RX), self._season),
            ("decade", P(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0)['’]?s\b"
                         r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?['’](?P<short>\d0)s\b", RX), self._decade),
            ("century", P(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", RX), self._century),
            ("quarter", P(r"\b(?:the\s+)?(?P<rel>last|this|next|first|second|third|fourth|1st|2nd|3rd|4th)"
                          rf"[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?P<year>{_YEAR})|\s+(?P<year2>{_YEAR}))?\b",
                          RX), self._quarter),
            ("year_range", P(rf"\b(?:between\s+(?P<a>{_YEAR})\s+and\s+(?P<b>{_YEAR})|(?:from\s+)?(?P<c>{_YEAR})\s*"
                             rf"(?:[-–—]|\s+to\s+|\s+through\s+)\s*(?P<d>{_YEAR}))", RX), self._year_range),
            ("year", P(rf"(?<![\d$€£,.#-])\b(?:(?P<mod>mid|early|late|fiscal)[\s-]+)?(?P<year>{_YEAR})\b", RX),
             self._year),
            ("ago", P(rf"\b(?:(?:about|nearly|almost|some|more\s+than|over|just|only)\s+)?(?P<n>{_NUM})\s+"
                      rf"(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|later)\b", RX), self._ago),
            ("day_deixis", P(r"\b(?:the\s+day\s+(?P<db>before\s+yesterday|after\s+tomorrow)|(?P<d>today|tonight|"
                             r"yesterday|tomorrow))(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
                             RX), self._day_deixis),
            ("part_deixis", P(r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
                              RX), self._part_deixis),
            ("weekday", P(rf"\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<wd>{_WEEKDAY})"
                          rf"(?:\s+(?P<part>{_PART}))?\b"), self._weekday),
            ("rel_unit", P(r"\b(?P<mod>earlier|later|early|late)?\s*(?P<rel>this|last|next|the\s+coming|the\s+past|"
                           r"the\s+previous|the\s+last|the\s+next|the\s+current|current)\s+(?P<unit>week|weekend|"
                           r"month|year|quarter|decade|century)\b", RX), self._rel_unit),
            ("that_unit", P(r"\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>year|day|month)\b", RX),
             self._that_unit),
            ("weekend", P(r"\b(?:the|this|last|next)\s+weekend\b", RX), self._weekend),
            ("duration_rel", P(rf"\b(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|following|"
                               rf"recent)\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b", RX), self._duration),
            ("duration", P(rf"\b(?:(?:up\s+to|at\s+least|no\s+more\s+than|more\s+than|less\s+than|nearly|almost|"
                           rf"about|over|some|roughly|only|just)\s+)?(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})"
                           r"(?![\s-]+old\b)(?![\w-])", RX), self._duration),
            ("bare_units", P(r"(?:(?<=\bwithin )|(?<=\bin )|(?<=\bover )|(?<=\bafter ))(?P<unit>minutes|hours|days|weeks|months|years|"
                             r"decades)(?:\s+or\s+(?:weeks|months|years|days|hours))?\b", RX), self._bare_units),
            ("set", P(r"\b(?:every|each|once\s+a|twice\s+a)\s+(?P<unit>day|week|month|year|morning|night|evening)\b"
                      r"|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b(?!\s+(?:newspaper|paper|basis|"
                      r"briefing|press|bread|life|average|basis|dose|rate|limit|allowance))", RX), self._set),
            ("clock", P(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
                        r"|\b(?P<hm>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)\s*(?:GMT|UTC|local\s+time)\b|\b(?P<w>noon|midday|midnight)\b",
                        RX), self._clock),
            ("present", P(r"\b(?:" + "|".join(re.escape(x) for x in PRESENT_REF) + r")\b"
                          + r"(?!-)", RX), self._ref("PRESENT_REF")),
            ("past", P(r"\b(?:" + "|".join(re.escape(x) for x in PAST_REF) + r")\b(?!\s+(?:\d|few|two|three|"
                       r"four|five|six|seven|eight|nine|ten|several|decade|year|month|week|day|hour|century))", RX),
             self._ref("PAST_REF")),
            ("future", P(r"\b(?:" + "|".join(re.escape(x) for x in FUTURE_REF) + r")\b(?=\s*(?:[.,;:!?)]|$|\s+(?:and|or|of|"
                         r"is|will|but|as|in|to|for|with|when|if)\b))", RX), self._ref("FUTURE_REF")),
            ("fiscal_year", P(r"\bthe\s+(?:current\s+)?fiscal\s+year\b", RX), self._fiscal_year),
            ("numeric_date", P(r"\b(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d)\b"),
             self._numeric_date),
            ("next_day", P(r"\b(?:the\s+)?(?P<rel>previous|next|following)\s+(?P<unit>day|morning|evening|night)\b"
                           r"|\bthe\s+day\s+(?P<rel2>before|after)\b(?!\s+(?:yesterday|tomorrow))", RX), self._next_day),
            ("vague_units", P(r"\b(?:the\s+)?(?:coming|next|past|last|previous|recent|few)\s+(?:few\s+|several\s+)?"
                              r"(?P<unit>minutes|hours|days|weeks|months|years|decades)\b", RX), self._bare_units),
            ("year_end", P(r"\b(?P<w>year|month)[-\s]end\b", RX), self._year_end),
        ]

    # ---- normalisers: each returns (type, value, confidence, relative) or None
    def _year_of(self, month: int, day: Optional[int], ctx: Context, pos: int) -> Optional[int]:
        """The year of a month (and day) named without one: the one closest to the DCT,
        leaning back for the past tense and forward for the future."""
        if ctx.dct is None:
            return None
        d = ctx.dct
        best = None
        tense = ctx.tense(pos)
        for y in (d.year - 1, d.year, d.year + 1):
            cand = dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
            delta = (cand - d).days
            if day is None and y == d.year and month == d.month:
                delta = 0
            if tense == "past" and delta > 7:
                delta *= 10  # a past event lies before publication, bar a few days' slack
            if tense == "future" and delta < -7:
                delta *= 10
            if best is None or abs(delta) < best[0]:
                best = (abs(delta), y)
        return best[1]

    def _month_day(self, m, ctx, pos):
        mon = _month_of(m.group("mon"))
        raw = m.group("day").lower()
        day = ORDINAL_WORDS.get(raw) or int(re.sub(r"\D", "", raw))
        if m.groupdict().get("year"):
            y = int(m.group("year"))
            if day > calendar.monthrange(y, mon)[1]:
                return None
            return "DATE", f"{y:04d}-{mon:02d}-{day:02d}", "exact", False
        y = self._year_of(mon, day, ctx, pos)
        if y is None:
            return "DATE", f"XXXX-{mon:02d}-{day:02d}", "low", True
        if day > calendar.monthrange(y, mon)[1]:
            return None
        return "DATE", f"{y:04d}-{mon:02d}-{day:02d}", "high", True

    def _iso(self, m, ctx, pos):
        return "DATE", m.group(0), "exact", False

    def _month_year(self, m, ctx, pos):
        return "DATE", f"{int(m.group('year')):04d}-{_month_of(m.group('mon')):02d}", "exact", False

    def _rel_month(self, m, ctx, pos):
        mon = _month_of(m.group("mon"))  # a bare month name needs "in", "since"…: not "May I"
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").strip().lower())
        yrel = (m.group("yrel") or "").lower()
        if ctx.dct is None:
            return "DATE", f"XXXX-{mon:02d}", "low", True
        y = ctx.dct.year
        if yrel:
            y += {"this": 0, "last": -1, "next": 1}[yrel]
            return "DATE", f"{y:04d}-{mon:02d}", "high", True
        if rel == "last":
            y = y - 1 if mon >= ctx.dct.month else y
            y = ctx.dct.year - 1 if mon >= ctx.dct.month - 1 else y
            return "DATE", f"{y:04d}-{mon:02d}", "high", True
        if rel == "next":
            y = y + 1 if mon <= ctx.dct.month else y
            return "DATE", f"{y:04d}-{mon:02d}", "high", True
        if rel == "this":
            return "DATE", f"{y:04d}-{mon:02d}", "high", True
        y = self._year_of(mon, None, ctx, pos)
        return "DATE", f"{y:04d}-{mon:02d}", "low", True

    def _season(self, m, ctx, pos):
        code = SEASONS[m.group("season").lower()]
        if m.group("year"):
            return "DATE", f"{m.group('year')}-{code}", "exact", False
        rel = m.group("rel").lower()
        if ctx.dct is None:
            return "DATE", f"XXXX-{code}", "low", True
        y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{y:04d}-{code}", "low" if rel in ("the", "early", "late") else "high", True

    def _decade(self, m, ctx, pos):
        if m.group("dec"):
            return "DATE", m.group("dec")[:3], "exact", False
        if ctx.dct is None:
            return "DATE", "XX" + m.group("short")[0], "low", True
        century = ctx.dct.year // 100 - (1 if int(m.group("short")) > ctx.dct.year % 100 else 0)
        return "DATE", f"{century}{m.group('short')[0]}", "high", True

    def _century(self, m, ctx, pos):
        return "DATE", f"{int(m.group('n')) - 1:02d}", "exact", False

    def _quarter(self, m, ctx, pos):
        rel = m.group("rel").lower()
        unit = m.group("unit").lower()
        code = "Q" if unit == "quarter" else "H"
        year = m.group("year") or m.group("year2")
        n_of = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
        if ctx.dct is None and not year:
            return "DATE", None, "low", True
        if rel in n_of:
            n = n_of[rel]
            if code == "H" and n > 2:
                return None
            if year:
                return "DATE", f"{year}-{code}{n}", "exact", False
            return "DATE", f"{ctx.dct.year}-{code}{n}", "low", True
        size = 3 if code == "Q" else 6
        cur = (ctx.dct.month - 1) // size + 1
        total = ctx.dct.year * (12 // size) + cur - 1 + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{total // (12 // size)}-{code}{total % (12 // size) + 1}", "high", True

    def _year_range(self, m, ctx, pos):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        if int(b) < int(a) and len(m.group("d") or "") == 4:
            return None
        return "DATE", f"{a}/{b}", "exact", False

    def _year(self, m, ctx, pos):
        return "DATE", m.group("year"), "exact", False

    def _ago(self, m, ctx, pos):
        n = _count(m.group("n"))
        unit = m.group("unit").lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        direction = m.group("dir").lower()
        if direction in ("earlier", "before", "later") and n is not None:
            k = int(n) if direction != "later" else -int(n)
            shifted = _shift_value(ctx.last_value, k, unit) if ctx.last_value else None
            if shifted is None:
                return "DURATION", _duration_value(n, unit), "low", True
            return "DATE", shifted, "low", True
        if ctx.dct is None or n is None:
            return "DATE", None if n is None else f"PAST:{_duration_value(n, unit)}", "low", True
        return "DATE", self._granular(_minus(ctx.dct, int(n), unit), unit), "high", True

    @staticmethod
    def _granular(d: dt.date, unit: str) -> str:
        if unit in ("day",):
            return d.isoformat()
        if unit == "week":
            return _week(d)
        if unit in ("month", "quarter"):
            return f"{d.year:04d}-{d.month:02d}"
        if unit == "decade":
            return str(d.year)[:3]
        if unit == "century":
            return str(d.year)[:2]
        return str(d.year)

    def _day_deixis(self, m, ctx, pos):
        word = (m.group("d") or m.group("db") or "").lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "before yesterday": -2, "after tomorrow": 2}[word]
        part = (m.group("part") or "").lower()
        if ctx.dct is None:
            return "DATE", None, "low", True
        value = (ctx.dct + dt.timedelta(days=shift)).isoformat()
        if part:
            return "TIME", value + PARTS_OF_DAY[part], "high", True
        return "DATE", value, "high", True

    def _part_deixis(self, m, ctx, pos):
        if ctx.dct is None:
            return "TIME", None, "low", True
        rel = m.group("rel").lower()
        d = ctx.dct - dt.timedelta(days=1 if rel == "last" else 0)
        return "TIME", d.isoformat() + PARTS_OF_DAY[m.group("part").lower()], "high", True

    def _weekday(self, m, ctx, pos):
        wd = WEEKDAYS.index(m.group("wd").lower().replace("’s", "").replace("'s", ""))
        if ctx.dct is None:
            return "DATE", None, "low", True
        rel = (m.group("rel") or "").lower()
        tense = "future" if rel in ("next", "coming") else "past" if rel == "last" else ctx.tense(pos)
        diff = wd - ctx.dct.weekday()
        if tense == "future":
            days = diff if diff >= 0 else diff + 7
            if rel == "next" and days == 0:
                days = 7
        elif rel == "this":
            days = diff
        elif tense == "present":  # "hopes to settle it during talks Tuesday": the nearest one
            days = min((diff, diff - 7, diff + 7), key=lambda d: (abs(d), d < 0))
        else:
            days = diff if diff <= 0 else diff - 7
        value = (ctx.dct + dt.timedelta(days=days)).isoformat()
        if m.group("part"):
            return "TIME", value + PARTS_OF_DAY[m.group("part").lower()], "low", True
        return "DATE", value, "low" if not rel else "high", True

    def _rel_unit(self, m, ctx, pos):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        unit = m.group("unit").lower()
        if rel in ("the past", "the previous", "the last", "the next", "the coming") and unit != "weekend":
            return "DURATION", _duration_value(1, unit), "high", True
        if ctx.dct is None:
            return "DATE", None, "low", True
        k = {"last": -1, "next": 1}.get(rel, 0)
        d = ctx.dct
        if unit == "year":
            return "DATE", str(d.year + k), "high", True
        if unit == "month":
            y, mo = _shift_months(d.year, d.month, k)
            return "DATE", f"{y:04d}-{mo:02d}", "high", True
        if unit in ("week", "weekend"):
            value = _week(d + dt.timedelta(weeks=k))
            return "DATE", value + ("-WE" if unit == "weekend" else ""), "high", True
        if unit == "quarter":
            q = (d.month - 1) // 3 + k
            return "DATE", f"{d.year + q // 4}-Q{q % 4 + 1}", "high", True
        if unit == "decade":
            return "DATE", str(d.year + 10 * k)[:3], "high", True
        return "DATE", str(d.year + 100 * k)[:2], "high", True

    def _that_unit(self, m, ctx, pos):
        unit = m.group("unit").lower()
        if unit == "year" and ctx.last_year is not None:
            return "DATE", str(ctx.last_year), "low", True
        if unit == "day" and ctx.last_day is not None:
            return "DATE", ctx.last_day[:10], "low", True
        if unit == "month" and ctx.last_day is not None:
            return "DATE", ctx.last_day[:7], "low", True
        return None

    def _weekend(self, m, ctx, pos):
        if ctx.dct is None:
            return "DATE", None, "low", True
        word = m.group(0).split()[0].lower()
        d = ctx.dct
        if word == "next" or (word in ("the", "this") and ctx.tense(pos) == "future"):
            days = (5 - d.weekday()) % 7
            return "DATE", _week(d + dt.timedelta(days=days)) + "-WE", "low", True
        days = (d.weekday() + 2) % 7 if d.weekday() < 5 else 0
        return "DATE", _week(d - dt.timedelta(days=days + (0 if d.weekday() >= 5 else 1)) ) + "-WE", "low", True

    def _duration(self, m, ctx, pos):
        n = _count(m.group("n"))
        unit = m.group("unit")
        if unit.lower().startswith("quarter") and not m.group(0)[:1].isdigit():
            return None  # "three-quarters of": a fraction
        if n is None and m.group("n").lower() in ("a", "an"):
            n = 1.0
        if m.group("n").lower() in ("a", "an", "per") and re.search(
                r"(?:\d|%|dollars?|euros?|pounds?|times|once|twice)[\s,]*$", m.string[max(0, m.start() - 30):m.start()]):
            return "SET", _duration_value(1, unit), "high", False  # "$2,000 a month": a rate
        return "DURATION", _duration_value(n, unit), "high" if n is not None else "low", False

    def _bare_units(self, m, ctx, pos):
        return "DURATION", _duration_value(None, m.group("unit")), "low", False

    def _set(self, m, ctx, pos):
        if m.group("adv") and re.match(r"\s+[A-Z]", m.string[m.end():m.end() + 2]):
            return None  # "the party daily Granma": a newspaper
        word = (m.group("unit") or m.group("adv")).lower()
        base = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "nightly": "night"}.get(word, word)
        if base in ("morning", "night", "evening"):
            return "SET", "XXXX-XX-XX" + PARTS_OF_DAY[base], "high", False
        return "SET", _duration_value(1, base), "high", False

    def _clock(self, m, ctx, pos):
        if m.group("w"):
            hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m.group("w").lower()]
        elif m.group("hm"):
            hm = f"{int(m.group('hm')):02d}:{m.group('mm')}"
        else:
            h = int(m.group("h"))
            ap = m.group("ap").lower()
            if ap.startswith("p") and h < 12:
                h += 12
            if ap.startswith("a") and h == 12:
                h = 0
            hm = f"{h:02d}:{m.group('m') or '00'}"
        day = ctx.last_day_in_sentence
        if ctx.dct is None and day is None:
            return "TIME", f"XXXX-XX-XXT{hm}", "low", True
        return "TIME", f"{(day or ctx.dct.isoformat())[:10]}T{hm}", "low", True

    @staticmethod
    def _ref(value):
        def normalise(m, ctx, pos):
            return "DATE", value, "low", True  # "these days" means the days around publication
        return normalise

    def _numeric_date(self, m, ctx, pos):
        y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
        if d > calendar.monthrange(y, mo)[1]:
            return None
        return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "exact", False

    def _next_day(self, m, ctx, pos):
        rel = (m.group("rel") or m.group("rel2") or "").lower()
        anchor = ctx.last_day or (ctx.dct.isoformat() if ctx.dct else None)
        if anchor is None:
            return "DATE", None, "low", True
        day = dt.date.fromisoformat(anchor[:10]) + dt.timedelta(days=-1 if rel in ("previous", "before") else 1)
        unit = (m.group("unit") or "day").lower()
        if unit != "day":
            return "TIME", day.isoformat() + PARTS_OF_DAY[unit], "low", True
        return "DATE", day.isoformat(), "low", True

    def _fiscal_year(self, m, ctx, pos):
        if ctx.dct is None:
            return "DATE", None, "low", True
        return "DATE", str(ctx.dct.year), "low", True

    def _year_end(self, m, ctx, pos):
        if ctx.dct is None:
            return "DATE", None, "low", True
        if m.group("w").lower() == "year":
            return "DATE", f"{ctx.dct.year}-12-31", "low", True
        last = calendar.monthrange(ctx.dct.year, ctx.dct.month)[1]
        return "DATE", f"{ctx.dct.year}-{ctx.dct.month:02d}-{last:02d}", "low", True


RULES = Rules()

# every expression holds one of these words (or a digit): the rules only run on windows
# around them, found by one pass over the words of the text
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                "sept", "oct", "nov", "dec"}
_UNIT_WORDS = {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "weekend", "weekends",
               "month", "months", "year", "years", "decade", "decades", "century", "centuries", "quarter",
               "quarters"}
TRIGGER_WORDS = frozenset(_MONTH_WORDS | _UNIT_WORDS | set(WEEKDAYS) | {
    "today", "tonight", "yesterday", "tomorrow", "now", "currently", "present", "recent", "recently",
    "previously", "formerly", "past", "future", "lately", "nowadays", "half", "spring", "summer", "fall",
    "autumn", "winter", "morning", "mornings", "afternoon", "evening", "evenings", "night", "noon",
    "midday", "midnight", "daily", "weekly", "monthly", "annually", "yearly", "nightly", "time", "times",
    "moment"})
_CLOCK_WORDS = frozenset({"noon", "midday", "midnight", "am", "pm", "a", "p"})
_WORD = re.compile(r"\w+")
WINDOW = 45  # characters of context each side of a trigger
# rules that hold a unit word, or digits, run on narrower windows around those
RULE_TRIGGERS = {"duration": "unit", "ago": "unit", "bare_units": "unit", "duration_rel": "unit",
                 "vague_units": "unit", "rel_unit": "unit", "that_unit": "unit", "year": "digit",
                 "clock": "digit", "year_range": "digit"}


def _trigger_windows(text: str) -> dict[Optional[str], list[tuple[int, int]]]:
    """Windows for every rule family: ``None`` (all triggers), ``"unit"``, ``"digit"``."""
    hits: dict[Optional[str], list[tuple[int, int]]] = {None: [], "unit": [], "digit": []}
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isdigit():
            hits[None].append(m.span())
            hits["digit"].append(m.span())
            continue
        low = word.lower()
        if low in TRIGGER_WORDS:
            hits[None].append(m.span())
            if low in _UNIT_WORDS:
                hits["unit"].append(m.span())
            elif low in _CLOCK_WORDS:
                hits["digit"].append(m.span())
    return {"unit": merge_windows(text, hits["unit"], 50, 25),
            "digit": merge_windows(text, hits["digit"], 50, 25),
            None: merge_windows(text, hits[None], WINDOW, WINDOW)}


def find_dates(text: str, dct: Optional[dt.date],
               tense: Callable[[int], str] = lambda pos: "past") -> list[DateMatch]:
    """All temporal expressions in ``text``, normalised (no parse needed but the tense)."""
    cands: list[tuple[int, int, int, str, re.Match]] = []
    windows = _trigger_windows(text)
    for order, (name, pattern, _) in enumerate(RULES.rules):
        for a, b in windows[RULE_TRIGGERS.get(name)]:
            for m in pattern.finditer(text, a, b):
                if m.end() <= m.start():
                    continue
                s, e = m.start(), m.end()
                if "skip" in pattern.groupindex and m.group("skip"):
                    s = m.end("skip")  # "in August": the preposition is context, not extent
                while s < e and text[s].isspace():
                    s += 1
                cands.append((s, e, order, name, m))
    # longest first, then rule order; no overlaps
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, order, name, m in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        chosen.append((s, e, order, name, m))
    chosen.sort(key=lambda c: c[0])
    ctx = Context(dct=dct, tense=tense)
    out: list[DateMatch] = []
    for s, e, order, name, m in chosen:
        handler = RULES.rules[order][2]
        ctx.last_day_in_sentence = _same_sentence_day(out, text, s)
        res = handler(m, ctx, s)
        if res is None:
            continue
        type_, value, confidence, relative = res
        match = DateMatch(s, e, type_, value, confidence, relative, rule=name)
        if type_ in ("DATE", "TIME") and value:
            match.start_date, match.end_date = interval_of(value)
            if re.match(r"\d{4}", value):
                ctx.last_year = int(value[:4])
                ctx.last_value = value
            if re.match(r"\d{4}-\d\d-\d\d", value):
                ctx.last_day = value[:10]
        if value and value.startswith("PAST:"):
            match.value = None
        _anchor(match, m, dct)
        match.resolved = bool(match.value) and not (relative and dct is None)
        if relative and dct is None:
            match.note = "relative expression; no publication date to resolve it against"
        out.append(match)
    _merge_time_and_day(out, text)
    return out


def _same_sentence_day(found: list[DateMatch], text: str, pos: int) -> Optional[str]:
    """The day of a date expression just before ``pos`` in the same sentence."""
    for d in reversed(found):
        between = text[d.end:pos]
        if re.search(r"[.!?]\s", between):
            return None
        if d.value and re.match(r"\d{4}-\d\d-\d\d", d.value):
            return d.value[:10]
    return None


def _merge_time_and_day(found: list[DateMatch], text: str) -> None:
    """``9 a.m. Tuesday`` is one TIME on that day; in ``10:35 a.m. (0735 GMT) Friday`` the
    clock time takes the day but both expressions stay (as TimeML annotates them)."""
    i = 0
    while i + 1 < len(found):
        a, b = found[i], found[i + 1]
        gap = text[a.end:b.start]
        if a.type == "TIME" and b.type == "DATE" and b.value and len(b.value) == 10 \
                and a.value and "T" in a.value \
                and re.fullmatch(r"\s*(?:\([^()]{0,20}\)\s*)?(?:on\s+)?", gap):
            a.value = b.value + "T" + a.value.split("T", 1)[1]
            a.start_date = a.end_date = b.value
            if re.fullmatch(r"[ ]?(?:on )?", gap):
                a.end = b.end
                del found[i + 1]
        i += 1


def _anchor(match: DateMatch, m: re.Match, dct: Optional[dt.date]) -> None:
    """ISO interval for anchored durations (*the last six weeks*) and vague references."""
    if dct is None or not match.value:
        return
    if match.type == "DURATION" and match.rule == "duration_rel":
        rel = m.group("rel").lower()
        n = _count(m.group("n"))
        if n is None:
            return
        unit = m.group("unit").lower().rstrip("s")
        if rel in ("past", "last", "previous", "recent"):
            match.start_date, match.end_date = _minus(dct, int(n), unit).isoformat(), dct.isoformat()
        elif rel in ("next", "coming", "following"):
            match.start_date, match.end_date = dct.isoformat(), _minus(dct, -int(n), unit).isoformat()
    elif match.value == "PRESENT_REF":
        match.start_date = match.end_date = dct.isoformat()
    elif match.value == "PAST_REF":
        match.end_date = dct.isoformat()
    elif match.value == "FUTURE_REF":
        match.start_date = dct.isoformat()
    elif match.rule == "rel_unit" and m.group("mod") and m.group("mod").lower().startswith("earl"):
        match.end_date = dct.isoformat()  # "earlier this year": up to publication
    elif match.rule == "rel_unit" and m.group("mod") and m.group("mod").lower().startswith("lat"):
        match.start_date = dct.isoformat()


# ---------------------------------------------------------------- tense from the parse
def tense_reader(doc: Doc) -> Callable[[int], str]:
    """A function: char offset → "past" | "future", from the verb that governs it.

    Token offsets and sentence starts are indexed once per doc, on first use, so each
    lookup costs a binary search and a walk up a few heads."""
    index: dict[str, list[int]] = {}

    def prepare() -> None:
        index["idx"] = doc.to_array("IDX").tolist()
        starts = [0] * len(doc)
        for sent in doc.sents:
            starts[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        index["sent"] = starts

    def tense(pos: int) -> str:
        if not index:
            prepare()
        i = bisect.bisect_right(index["idx"], pos) - 1
        if i < 0:
            return "past"
        tok = doc[i]
        verb = tok
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in aux} | {verb.lower_}
        if words & FUTURE_AUX:
            return "future"
        left = {t.lower_ for t in doc[max(index["sent"][i], i - 3):i]}
        if left & {"next", "coming", "until", "till", "soon"}:
            return "future"
        if verb.tag_ in PAST_TAGS or any(c.tag_ in PAST_TAGS for c in aux):
            return "past"
        if verb.tag_ in ("VBZ", "VBP", "VB", "VBG"):
            sent_start = index["sent"][i]
            end = i
            while end < len(doc) and index["sent"][end] == sent_start:
                end += 1
            if any(t.lower_ in FUTURE_AUX or t.lower_ in FUTURE_MARKERS for t in doc[sent_start:end]):
                return "future"
            if verb.tag_ in ("VBZ", "VBP") and not words & {"has", "have", "'s", "'ve"} or (
                    verb.tag_ == "VB" and "to" in words):
                return "present"
        return "past"
    return tense


def parse_dct(published: Optional[str]) -> Optional[dt.date]:
    """The publication date from an ISO date or timestamp, or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", str(published))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class DateTagger:
    """Find temporal expressions and resolve them against ``doc._.cg_published``."""

    def __init__(self, nlp: Language, name: str = "claimgraph_dates"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[DateExpr]:
        dct = parse_dct(doc._.cg_published)
        text = doc_text(doc)
        matches = find_dates(text, dct, tense_reader(doc))
        return [to_record(i, m, text) for i, m in enumerate(matches, 1)]

    def set_annotations(self, doc: Doc, dates: list[DateExpr]) -> None:
        doc._.cg_dates = dates

    def score(self, gold_records: list[dict], pred_records: list[dict]) -> dict:
        """TempEval-3 extent and value scores (see :mod:`claimgraph.eval.timex`)."""
        from claimgraph.eval.timex import score
        return score(gold_records, pred_records)

    def resolve(self, doc: Doc, published: Optional[str]) -> list[DateExpr]:
        """Re-read the dates of an already parsed doc against another publication date."""
        doc._.cg_published = published
        return self.predict(doc)


def to_record(i: int, m: DateMatch, text: str) -> DateExpr:
    return DateExpr(id=f"D{i}", span=(m.start, m.end), value=m.value, resolved=m.resolved,
                    confidence=m.confidence if m.resolved else "low", type=m.type,
                    text=text[m.start:m.end], start=m.start_date, end=m.end_date, note=m.note)


# ---------------------------------------------------------------- report helpers
_SENT_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


class _Sentences:
    """The sentence around each of many expressions of one text. The sentence breaks
    (:data:`_SENT_END`) are found once, and the break before an expression by bisection,
    instead of scanning the text from its start for every expression."""

    def __init__(self, text: str):
        self.text = text
        spans = [m.span() for m in _SENT_END.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def around(self, start: int, end: int) -> str:
        # the last break that begins before ``start``; one running into ``start`` ends there
        k = bisect.bisect_left(self.starts, start) - 1
        left = min(self.ends[k], start) if k >= 0 else 0
        right = _SENT_END.search(self.text, end)
        return self.text[left:right.start() if right else len(self.text)].strip()


@dataclass
class TimelineEntry:
    """A dated statement: when (ISO start/end), the expression, and the sentence."""

    start: Optional[str]
    end: Optional[str]
    value: Optional[str]
    expression: str
    sentence: str
    confidence: str


def timeline(article) -> list[TimelineEntry]:
    """The article's dated statements in time order (undated or unresolved ones last)."""
    entries = []
    sentences = _Sentences(article.text)
    for d in article.dates:
        if d.type in ("DURATION", "SET") and not d.start:
            continue
        entries.append(TimelineEntry(d.start, d.end, d.value, d.text or article.span_text(d.span),
                                     sentences.around(*d.span), d.confidence))
    entries.sort(key=lambda e: (e.start is None, e.start or e.end or "", e.end or ""))
    return entries


def describe(article) -> list[str]:
    """Lines for the human report: each expression and its resolution, then the timeline."""
    lines = []
    for d in article.dates:
        text = d.text or article.span_text(d.span)
        if d.resolved:
            span = f" [{d.start} … {d.end}]" if d.start and d.end and d.start != d.end else ""
            lines.append(f"“{text}” → {d.type} {d.value}{span} ({d.confidence})")
        else:
            lines.append(f"“{text}” → unresolved: {d.note or 'no normalised value'}")
    tl = [e for e in timeline(article) if e.start]
    if tl:
        lines.append("timeline:")
        for e in tl:
            when = e.start if e.start == e.end or not e.end else f"{e.start} … {e.end}"
            lines.append(f"  {when}: {e.sentence[:120]}")
    return lines


@Language.factory("claimgraph_dates")
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)
