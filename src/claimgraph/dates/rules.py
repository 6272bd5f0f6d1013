"""The extraction and normalisation rules: one regular pattern and one handler per kind
of expression, after HeidelTime (Strötgen & Gertz 2013)."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable, Optional

from claimgraph.dates.calendar import (
    count_of,
    duration_value,
    granular,
    iso_week,
    minus,
    month_of,
    shift_months,
    shift_value,
)
from claimgraph.dates.patterns import (
    DAY_KIND_RX,
    DAYNUM_RX,
    DAYWORD_RX,
    FUTURE_REF,
    IN_MONTH_RX,
    MONTH_RX,
    MORE_RX,
    NUM_RX,
    ORDINAL_WORDS,
    PART_RX,
    PARTS_OF_DAY,
    PAST_REF,
    PRESENT_REF,
    RX,
    SEASON_MONTHS,
    SEASONS,
    TODAY_EVENT_NOUNS,
    UNIT_RX,
    WEEKDAY_RX,
    YEAR_RX,
    Context,
)
from claimgraph.lexicon import WEEKDAYS


#: "half empty during the week and fully booked at weekends": "the week" set against the
#: weekend is the working days of any week, no date
_WEEKEND_SET_AGAINST = re.compile(r"\b(?:at|on|over|during)\s+(?:the\s+)?weekends?\b", re.I)
#: "the days of the week", "any day of the week": the week as a cycle
_WEEKDAYS = re.compile(r"\b(?:days?|time|times|nights?)\s+of\s+$", re.I)


class Rules:
    """The patterns and their normalisation functions, tried longest match first."""

    def __init__(self):
        P = re.compile
        self.rules: list[tuple[str, re.Pattern, Callable]] = [
            ("weekday_full", P(rf"\b{WEEKDAY_RX},?\s+(?P<mon>{MONTH_RX})\s+(?P<day>{DAYNUM_RX}|{DAYWORD_RX})"
                               rf"(?:,?\s+(?P<year>{YEAR_RX}))?"), self._month_day),
            ("month_day_year", P(rf"\b(?P<mon>{MONTH_RX})\s+(?P<day>{DAYNUM_RX}|{DAYWORD_RX}),?\s+(?P<year>{YEAR_RX})"),
             self._month_day),
            ("day_month_year", P(rf"\b(?P<day>{DAYNUM_RX})\s+(?:of\s+)?(?P<mon>{MONTH_RX}),?\s+(?P<year>{YEAR_RX})"),
             self._month_day),
            ("month_day", P(rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<mon>{MONTH_RX})\s+"
                            rf"(?P<day>{DAYNUM_RX}|{DAYWORD_RX})(?![\d,]*\d{{3}})(?!\s*(?:%|percent|-))"), self._month_day),
            ("day_month", P(rf"\b(?P<day>{DAYNUM_RX})\s+(?:of\s+)?(?P<mon>{MONTH_RX})"), self._month_day),
            ("iso_date", P(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
             self._iso),
            ("month_year", P(rf"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{MONTH_RX}),?\s+(?:of\s+)?(?P<year>{YEAR_RX})"),
             self._month_year),
            ("rel_month", P(rf"(?:\b(?P<rel>(?i:this|last|next|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
                            rf"the\s+start\s+of))[\s-]+|{IN_MONTH_RX})(?P<mon>{MONTH_RX})"
                            rf"(?:\s+(?P<yrel>this|last|next)\s+year)?"), self._rel_month),
            ("season", P(r"\b(?P<rel>this\s+past|this|last|next|the|early|late)\s+"
                         rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR_RX}))?\b", RX),
             self._season),
            ("decade", P(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0)['’]?s\b"
                         r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?['’](?P<short>\d0)s\b"
                         # "through the nineties": a decade in words (broadcast transcripts)
                         r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<word>" + "|".join(_DECADE_WORDS) + r")\b", RX),
             self._decade),
            ("century", P(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", RX), self._century),
            ("quarter", P(rf"\b(?:the\s+)?(?:(?P<pyear>{YEAR_RX})\s+|(?P<pago>year-ago|year-earlier)\s+|"
                          r"(?P<prel>this|last|next)\s+year['’]s\s+)?(?:fiscal\s+)?"
                          r"(?P<rel>last|this|next|first|second|third|fourth|1st|2nd|3rd|4th)"
                          rf"[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?P<year>{YEAR_RX})|\s+(?P<year2>{YEAR_RX}))?\b",
                          RX), self._quarter),
            # company results: "the latest quarter", "the year-ago period", "the 1988 quarter"
            ("report_period", P(rf"\b(?:the\s+)?(?:(?P<ago>year-ago|year-earlier|(?:comparable|corresponding)\s+"
                                rf"year-(?:ago|earlier))|(?P<latest>latest|most\s+recent)|(?P<year>{YEAR_RX})|"
                                r"(?P<same>comparable|corresponding|same))?\s*(?:fiscal\s+)?(?P<unit>quarter|period)"
                                r"(?:\s+(?P<last>last\s+year|a\s+year\s+(?:ago|earlier)))?\b(?!-)"
                                r"|\b(?P<adj>year-(?:ago|earlier))\b(?=\s+(?:[a-z]+\s+)?(?:results|profit|net|"
                                r"earnings|income|loss|sales|revenue|figures|level))", RX), self._report_period),
            # financial shorthand: "Q3 2023", "2023 Q3", "H1 2024"
            ("quarter_code", P(rf"\b(?:(?P<code>Q[1-4]|H[12])\s+(?P<year>{YEAR_RX})|(?P<year2>{YEAR_RX})\s+"
                               r"(?P<code2>Q[1-4]|H[12]))\b"), self._quarter_code),
            # each year of a range is its own expression ("between 1994 and 1997", "1990-1995"):
            # TimeML marks the two ends as two TIMEX3s (TimeML 1.2.1 guidelines, Saurí et al. 2006)
            ("year", P(rf"(?<![\d$€£,.#])(?:(?<={_RANGE_START})|(?<![-–—]))\b(?:(?P<mod>mid|early|late|fiscal)[\s-]+|(?:pre|post)-|FY\s?)?"
                       rf"(?P<year>{YEAR_RX})\b", RX), self._year),
            ("ago", P(rf"\b(?:(?:about|nearly|almost|some|more\s+than|over|just|only)\s+)?(?P<n>{NUM_RX})\s+"
                      rf"(?P<unit>{UNIT_RX})\s+(?:(?P<dir>ago)|(?<=year\s)(?P<dir2>earlier|later)|"
                      rf"(?<=years\s)(?P<dir3>earlier|later)|(?P<dir4>from\s+now))\b", RX), self._ago),
            # "three days later", "a day earlier": TimeML annotates the span of time ("three
            # days", a DURATION); what it is later than is an event, not the publication date
            ("day_deixis", P(r"\b(?:(?:early|late|mid)[\s-]?(?P<part0>morning|afternoon|evening)\s+(?=yesterday|today|"
                             r"tomorrow))?(?:the\s+day\s+(?P<db>before\s+yesterday|after\s+tomorrow)|(?P<d>today|tonight|"
                             r"yesterday|tomorrow))(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
                             RX), self._day_deixis),
            ("part_deixis", P(r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
                              RX), self._part_deixis),
            # "by mid-afternoon", "until late evening": that part of the day the sentence is about
            ("part_of_day", P(r"\b(?P<skip>(?:by|at|in|until|till|since|from)\s+)(?:the\s+)?(?:early|late|mid)[\s-]?"
                              r"(?P<part>morning|afternoon|evening)\b(?!\s+(?:yesterday|today|tomorrow|of|on|hours?)\b)"
                              r"(?![\s-]+(?:news|show|paper|edition|session|trading|rush|flights?)\b)", RX),
             self._part_of_day),
            ("weekday", P(rf"\b(?:(?P<rel>(?i:last|next|this|coming|the\s+previous|the\s+following))\s+)?"
                          rf"(?P<wd>{WEEKDAY_RX})(?:\s+(?P<part>{PART_RX}))?\b"), self._weekday),
            ("rel_unit", P(r"\b(?P<mod>earlier|later|early|late)?\s*(?P<rel>this\s+past|this|last|next|the\s+coming|"
                           r"the\s+past|the\s+previous|the\s+last|the\s+next|the\s+current|current)\s+(?P<unit>week|weekend|"
                           r"month|year|quarter|decade|century)\b", RX), self._rel_unit),
            ("that_unit", P(r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same|the\s+(?P<rel>following|"
                            r"preceding|previous))\s+(?P<unit>year|day|month|week)\b", RX), self._that_unit),
            # "For the week, the index lost 4%": the week the story is about; "the week of Dec. 4"
            ("the_week", P(rf"\b(?i:the)\s+week\b(?!-)(?:\s+(?i:of|ended|ending|beginning|starting)\s+"
                           rf"(?P<mon>{MONTH_RX})\s+(?P<day>{DAYNUM_RX}))?"), self._the_week),
            ("weekend", P(r"\b(?:the|this|last|next)\s+weekend\b", RX), self._weekend),
            ("duration_rel", P(rf"\b(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|following|"
                               rf"recent)\s+(?P<n>{NUM_RX})\s+(?P<unit>{UNIT_RX})\b", RX), self._duration),
            ("duration", P(rf"\b(?:(?:up\s+to|at\s+least|no\s+more\s+than|more\s+than|less\s+than|nearly|almost|"
                           rf"about|over|some|roughly|only|just)\s+)?(?P<n>{NUM_RX})[\s-]+(?:{MORE_RX}\s+)?"
                           rf"(?:{DAY_KIND_RX}\s+(?=days?\b))?(?P<unit>{UNIT_RX})"
                           rf"(?![\s-]+old\b)(?![\w-])(?!['’]?\s+(?:of\s+)?(?:(?:base|basic|gross|back|full)\s+)?{_PAY_RX})"
                           r"(?P<half>\s+and\s+a\s+half\b)?", RX), self._duration),
            ("bare_units", P(r"(?:(?<=\bwithin )|(?<=\bin )|(?<=\bover )|(?<=\bafter )|(?<=\bfor ))(?P<unit>minutes|hours|days|weeks|months|years|"
                             r"decades)(?:\s+or\s+(?:weeks|months|years|days|hours))?\b", RX), self._bare_units),
            ("set", P(r"\b(?:every|each|once\s+a|twice\s+a)\s+(?P<unit>day|week|month|year|quarter|hour|morning|night|"
                      rf"evening|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<mon>{MONTH_RX}))\b"
                      r"|\b(?P<adv>hourly|daily|weekly|monthly|yearly|nightly)\b(?!\s+(?:newspaper|paper|"
                      r"briefing|press|bread|average|dose|rate|limit|allowance))"
                      # "on Mondays", "Tuesday nights": a weekday in the plural recurs
                      r"|\b(?P<wds>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s\b|\s+"
                      r"(?P<parts>mornings|afternoons|evenings|nights)\b)", RX), self._set),
            ("clock", P(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
                        r"|\b(?P<hm>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)\s*(?:GMT|UTC|local\s+time)\b|\b(?<!high\s)(?P<w>noon|midday|midnight)\b",
                        RX), self._clock),
            ("present", P(r"\b(?:" + "|".join(re.escape(x) for x in PRESENT_REF) + r")\b"
                          + r"(?!-)", RX), self._present),
            ("past", P(r"\b(?:" + "|".join(re.escape(x) for x in PAST_REF) + r")\b(?!\s+(?:\d|few|two|three|"
                       r"four|five|six|seven|eight|nine|ten|several|decade|year|month|week|day|hour|century))", RX),
             self._ref("PAST_REF")),
            ("future", P(r"\b(?<!foreseeable\s)(?:" + "|".join(re.escape(x) for x in FUTURE_REF)
                         + r")\b(?=\s*(?:[.,;:!?)]|$|\s+(?:and|or|of|"
                         r"is|will|but|as|in|to|for|with|when|if)\b))", RX), self._ref("FUTURE_REF")),
            # "will soon seek", "expects sales to soon grow": forward from publication (not "as soon
            # as Tuesday", "soon after the vote", nor a past narrative's "was soon released")
            ("soon", P(r"\b(?<!as\s)soon\b(?!\s+(?:as|after|afterwards?|thereafter|enough)\b)", RX), self._soon),
            # "the current fiscal year": the publication year; "the fiscal year ended Jan. 31": a span
            ("fiscal_year", P(r"\bthe\s+(?:current\s+)?fiscal\s+year\b(?P<span>(?=\s+(?:ended|ending|to)\b))?", RX),
             self._the_year),
            ("numeric_date", P(r"\b(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d)\b"),
             self._numeric_date),
            ("next_day", P(r"\b(?:the\s+)?(?P<rel>previous|next|following)\s+(?P<unit>day|morning|evening|night)\b"
                           r"|\bthe\s+day\s+(?P<rel2>before|after)\b(?!\s+(?:yesterday|tomorrow))", RX), self._next_day),
            # "in coming months", "in future quarters": some time ahead (FUTURE_REF), not a span
            ("vague_future", P(r"(?<!\bthe\s)(?<!\bthe\s\s)\b(?:coming|future|upcoming)\s+(?P<unit>days|weeks|months|"
                               r"quarters|years)\b", RX), self._ref("FUTURE_REF")),
            ("vague_units", P(r"\b(?:the\s+)?(?:coming|next|past|last|previous|recent|few)\s+(?:few\s+|several\s+)?"
                              r"(?P<unit>minutes|hours|days|weeks|months|years|decades)\b"
                              r"|\bthe\s+(?P<unit2>days|weeks|months|years)\s+ahead\b", RX), self._bare_units),
            ("holiday", P(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|"
                          r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Independence\s+Day|Fourth\s+of\s+July|Election\s+Day|"
                          r"Easter(?:\s+Sunday)?|Labor\s+Day|Memorial\s+Day|Halloween|Valentine['’]s\s+Day|"
                          r"Veterans\s+Day)(?P<tail>\s+(?:week|weekend|holiday|season|eve|Day))?\b"
                          r"(?!['’]?\s*(?:tree|trees|card|cards|gift|gifts|shopping|shoppers|lights|carols?|decorations|"
                          r"presents|costumes?|Island|parade|resolutions?)\b)"
                          rf"(?:,?\s+(?P<year>{YEAR_RX}))?"), self._holiday),
            # broadcast transcripts: "in nineteen ninety-six", "January nineteen ninety-seven"
            ("spoken_year", P(rf"\b(?:(?P<mon>{MONTH_RX})\s+|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+"
                              r"(?:of\s+)?)?(?:the\s+year\s+)?(?P<c>nineteen|twenty)[\s-]+"
                              r"(?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                              r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
                              r"five|six|seven|eight|nine)(?!-))?|o[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
                              r"(?![\s-]+(?:percent|dollars?|people|years?|times|hundred|thousand|million|billion)\b)\b"
                              r"|\bthe\s+year\s+two\s+thousand\b", RX), self._spoken_year),
            ("year_end", P(r"\b(?:(?P<w>year|month)(?:['’]s)?[-\s]end|the\s+end\s+of\s+the\s+(?P<w2>year|month))\b",
                           RX), self._year_end),
            # "for the year, sales rose": the publication year; "the year ended June 30": a year's span
            ("the_year", P(r"\b[Tt]he\s+(?:full\s+|calendar\s+)?year\b(?![-’'])(?P<span>(?=\s+(?:ended|ending|to)\b))?"
                           r"(?!\s+(?:ago|earlier|before|after|later|old|of|in|when|that|which|since|two|nineteen)\b)(?!\s+\d)"),
             self._the_year),
            # "current market conditions", "her current job": the present
            ("current", P(r"\b(?<!then\s)(?<!then-)current(?=\s+[a-z])(?!\s+(?:year|quarter|month|week|decade|century|"
                          r"fiscal|period|account|accounts|affairs|events)\b)"), self._ref("PRESENT_REF")),
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
        mon = month_of(m.group("mon"))
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
        rel = (m.groupdict().get("rel") or "").lower()
        if rel:  # "last Oct. 23": the latest one before publication; "next May 3" the first after
            y = ctx.dct.year
            if rel == "last" and (mon, day) >= (ctx.dct.month, ctx.dct.day):
                y -= 1
            elif rel == "next" and (mon, day) <= (ctx.dct.month, ctx.dct.day):
                y += 1
        if day > calendar.monthrange(y, mon)[1]:
            return None
        return "DATE", f"{y:04d}-{mon:02d}-{day:02d}", "high", True

    def _iso(self, m, ctx, pos):
        return "DATE", m.group(0), "exact", False

    def _month_year(self, m, ctx, pos):
        return "DATE", f"{int(m.group('year')):04d}-{month_of(m.group('mon')):02d}", "exact", False

    def _rel_month(self, m, ctx, pos):
        mon = month_of(m.group("mon"))  # a bare month name needs "in", "since"…: not "May I"
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
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        if ctx.dct is None:
            return "DATE", f"XXXX-{code}", "low", True
        if rel == "this past":  # the latest one begun before publication
            start = SEASON_MONTHS[code][0]
            return "DATE", f"{ctx.dct.year - (start > ctx.dct.month):04d}-{code}", "high", True
        y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{y:04d}-{code}", "low" if rel in ("the", "early", "late") else "high", True

    def _decade(self, m, ctx, pos):
        if m.group("dec"):
            return "DATE", m.group("dec")[:3], "exact", False
        short = m.group("short") or f"{_DECADE_WORDS[m.group('word').lower()]}0"
        if ctx.dct is None:
            return "DATE", "XX" + short[0], "low", True
        # "the '90s", "the nineties": the latest such decade begun by publication (TIDES 2005: a
        # decade is its three-digit year prefix, "199")
        century = ctx.dct.year // 100 - (1 if int(short) > ctx.dct.year % 100 else 0)
        return "DATE", f"{century}{short[0]}", "high", True

    def _century(self, m, ctx, pos):
        return "DATE", f"{int(m.group('n')) - 1:02d}", "exact", False

    def _quarter(self, m, ctx, pos):
        rel = m.group("rel").lower()
        unit = m.group("unit").lower()
        code = "Q" if unit == "quarter" else "H"
        year = m.group("year") or m.group("year2")
        n_of = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
        if rel == "last" and re.match(r"\s+of\b", m.string[m.end():m.end() + 4]):
            return None  # "the last half of the '80s": a part of another period
        if rel == "last" and year:
            rel = "fourth" if code == "Q" else "second"  # "the last half of 1989": its second half
        if ctx.dct is None and not year:
            return "DATE", None, "low", True
        if rel in n_of:
            n = n_of[rel]
            if code == "H" and n > 2:
                return None
            year = year or m.group("pyear")
            if year:
                return "DATE", f"{year}-{code}{n}", "exact", False
            if ctx.dct is None:
                return "DATE", None, "low", True
            y = ctx.dct.year
            shift = {"this": 0, "last": -1, "next": 1}.get((m.group("prel") or "").lower())
            if shift is not None or m.group("pago"):
                y += -1 if m.group("pago") else shift
            elif code == "Q" and 3 * n - 2 > ctx.dct.month and ctx.tense(pos) == "past":
                y -= 1  # "profit fell in the fourth quarter", published in January
            ctx.quarter_named = ctx.quarter_named or code == "Q"
            if code == "Q" and not m.group("pago") and (y, 3 * n) < (ctx.dct.year, ctx.dct.month) \
                    and y >= ctx.dct.year - 1 and (ctx.quarter is None or f"{y}-Q{n}" > ctx.quarter):
                # the latest finished quarter named is the one the results are for ("net rose in the
                # third quarter ... after a flat second quarter")
                ctx.quarter = f"{y}-Q{n}"
            return "DATE", f"{y}-{code}{n}", "low", True
        size = 3 if code == "Q" else 6
        cur = (ctx.dct.month - 1) // size + 1
        total = ctx.dct.year * (12 // size) + cur - 1 + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{total // (12 // size)}-{code}{total % (12 // size) + 1}", "high", True

    @staticmethod
    def _reporting_quarter(ctx: Context) -> Optional[tuple[int, int]]:
        """The quarter a results story reports: the last finished quarter it named (a fiscal
        quarter may differ from the calendar's), else the last one completed before
        publication (companies report a quarter in the weeks after it ends)."""
        if ctx.quarter:
            return int(ctx.quarter[:4]), int(ctx.quarter[-1])
        if ctx.dct is None:
            return None
        q = (ctx.dct.month - 1) // 3
        return (ctx.dct.year, q) if q else (ctx.dct.year - 1, 4)

    def _report_period(self, m, ctx, pos):
        text = m.group(0).lower()
        if m.group("unit") and not (m.group("ago") or m.group("latest") or m.group("year") or m.group("last")):
            # "the quarter" (not "a quarter of"); "the same period" only with "last year"
            if m.group("same") or m.group("unit").lower() == "period" or not text.startswith("the"):
                return None
            if not ctx.quarter_named and not re.match(r"\s+end(?:ed|ing)\b", m.string[m.end():m.end() + 8]):
                return None  # "the old quarter of the city": a quarter of a year only in a results story
        ended = _QUARTER_ENDED.match(m.string, m.end())
        if ended and ctx.quarter is None and ctx.dct is not None and (m.group("unit") or "").lower() == "quarter":
            ctx.quarter = quarter_ending(month_of(ended.group("mon")), ctx.dct)
            ctx.quarter_named = True
        rq = self._reporting_quarter(ctx)
        if rq is None:
            return "DATE", None, "low", True
        y, q = rq
        if m.group("adj") and _about_a_longer_span(m.string, m.start()):
            return "DATE", str(y - 1), "low", True  # "for the nine months, ... year-earlier net"
        if m.group("year"):
            y = int(m.group("year"))
        elif m.group("ago") or m.group("adj") or m.group("last"):
            y -= 1
        return "DATE", f"{y}-Q{q}", "low", True

    def _quarter_code(self, m, ctx, pos):
        return "DATE", f"{m.group('year') or m.group('year2')}-{m.group('code') or m.group('code2')}", "exact", False

    def _year(self, m, ctx, pos):
        return "DATE", m.group("year"), "exact", False

    def _ago(self, m, ctx, pos):
        n = count_of(m.group("n"))
        unit = m.group("unit").lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        direction = (m.group("dir") or m.group("dir2") or m.group("dir3") or m.group("dir4")).lower()
        direction = re.sub(r"\s+", " ", direction)
        if direction == "from now":  # "two years from now": counted forward from publication
            if ctx.dct is None:
                return "DATE", None, "low", True
            if n is None:
                return "DATE", "FUTURE_REF", "low", True
            return "DATE", granular(minus(ctx.dct, -int(n), unit), unit), "high", True
        if n == 1 and unit == "year" and direction in ("ago", "earlier") and (
                ctx.quarter_named or (direction == "earlier" and not ctx.last_value)):
            rq = self._reporting_quarter(ctx)  # "profit rose from $2 million a year ago"
            if rq is not None and _about_a_longer_span(m.string, m.start()):
                return "DATE", str(rq[0] - 1), "low", True  # "nine-month net rose from a year earlier"
            if rq is not None:
                return "DATE", f"{rq[0] - 1}-Q{rq[1]}", "low", True
        if direction in ("earlier", "before", "later") and n is not None:
            k = int(n) if direction != "later" else -int(n)
            shifted = shift_value(ctx.last_value, k, unit) if ctx.last_value else None
            if shifted is None:
                return "DURATION", duration_value(n, unit), "low", True
            return "DATE", shifted, "low", True
        if n is None and direction == "ago" and ctx.dct is not None:
            return "DATE", "PAST_REF", "low", True  # "a few years ago", "several months ago": some past time
        if ctx.dct is None or n is None:
            return "DATE", None if n is None else f"PAST:{duration_value(n, unit)}", "low", True
        return "DATE", granular(minus(ctx.dct, int(n), unit), unit), "high", True


    def _day_deixis(self, m, ctx, pos):
        word = (m.group("d") or m.group("db") or "").lower()
        if word == "today" and m.group(0)[-2:].lower() in ("'s", "’s") and not m.group("part") \
                and not self._names_an_event(m.string, m.end()):
            return None  # "today's youth", "in today's world": the present in general, not the day
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "before yesterday": -2, "after tomorrow": 2}[word]
        part = (m.group("part") or m.group("part0") or "").lower()  # "mid-afternoon yesterday"
        if ctx.dct is None:
            return "DATE", None, "low", True
        value = (ctx.dct + dt.timedelta(days=shift)).isoformat()
        if part:
            return "TIME", value + PARTS_OF_DAY[part], "high", True
        return "DATE", value, "high", True

    @staticmethod
    def _names_an_event(text: str, end: int) -> bool:
        """Whether the noun after ``today's`` (skipping one adjective) is one of the day's events."""
        words = re.findall(r"[A-Za-z]+", text[end:end + 40])[:2]
        return any(w.lower() in TODAY_EVENT_NOUNS for w in words)

    def _part_of_day(self, m, ctx, pos):
        day = ctx.last_day_in_sentence or (ctx.dct.isoformat() if ctx.dct else None)
        if day is None:
            return "TIME", None, "low", True
        return "TIME", day[:10] + PARTS_OF_DAY[m.group("part").lower()], "low", True

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
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
        if rel in ("the previous", "the following"):  # "down from the previous Friday": a week
            anchor = dt.date.fromisoformat(ctx.last_day) if ctx.last_day else ctx.dct  # from the last day named
            step = -1 if rel == "the previous" else 1
            day = anchor + dt.timedelta(days=step)
            while day.weekday() != wd:
                day += dt.timedelta(days=step)
            return "DATE", day.isoformat(), "low", True
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
            if rel == "last" and days == 0:
                days = -7  # "last Wednesday", written on a Wednesday: a week ago
        value = (ctx.dct + dt.timedelta(days=days)).isoformat()
        if m.group("part") and m.group("part").lower() != "night":
            # "Friday night" may be the evening or the small hours: the day is what is sure
            return "TIME", value + PARTS_OF_DAY[m.group("part").lower()], "low", True
        return "DATE", value, "low" if not rel else "high", True

    def _rel_unit(self, m, ctx, pos):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        unit = m.group("unit").lower()
        if unit != "weekend" and (rel in ("the next", "the coming") or rel.startswith("the ") and rel in _LOOKING_BACK and unit in _LONG_UNITS):
            # "the next year", "the past decade": a span of time; "the past year" is the last one
            # (the calendar unit before publication, as TimeBank and HeidelTime resolve it)
            return "DURATION", duration_value(1, unit), "high", True
        if ctx.dct is None:
            return "DATE", None, "low", True
        k = -1 if rel in _LOOKING_BACK else {"next": 1}.get(rel, 0)  # "this past week": the last one
        d = ctx.dct
        if unit == "week" and k == -1 and d.weekday() == 6:
            k = 0  # written on a Sunday, "last week" is the working week just over: the ISO week
            # (Monday to Sunday) that ends on publication day, not the one before it
        if unit == "year":
            return "DATE", str(d.year + k), "high", True
        if unit == "month":
            y, mo = shift_months(d.year, d.month, k)
            return "DATE", f"{y:04d}-{mo:02d}", "high", True
        if unit in ("week", "weekend"):
            value = iso_week(d + dt.timedelta(weeks=k))
            return "DATE", value + ("-WE" if unit == "weekend" else ""), "high", True
        if unit == "quarter":
            q = (d.month - 1) // 3 + k
            return "DATE", f"{d.year + q // 4}-Q{q % 4 + 1}", "high", True
        if unit == "decade":
            return "DATE", str(d.year + 10 * k)[:3], "high", True
        return "DATE", str(d.year + 100 * k)[:2], "high", True

    def _that_unit(self, m, ctx, pos):
        unit = m.group("unit").lower()
        rel = (m.group("rel") or "").lower()
        if unit == "week":  # "the following week": the week after the last day named (or publication)
            anchor = dt.date.fromisoformat(ctx.last_day) if ctx.last_day else ctx.dct
            if anchor is None or (not rel and not ctx.last_day):
                return None
            step = {"following": 7, "preceding": -7, "previous": -7}.get(rel, 0)
            return "DATE", iso_week(anchor + dt.timedelta(days=step)), "low", True
        if rel:  # "the following year": a year after the last date named
            if unit == "day" or ctx.last_value is None:
                return None  # (the day is the next_day rule's)
            shifted = shift_value(ctx.last_value[:7] if unit == "month" else ctx.last_value[:4],
                                  -1 if rel == "following" else 1, unit)
            return ("DATE", shifted, "low", True) if shifted else None
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
            return "DATE", iso_week(d + dt.timedelta(days=days)) + "-WE", "low", True
        days = (d.weekday() + 2) % 7 if d.weekday() < 5 else 0
        return "DATE", iso_week(d - dt.timedelta(days=days + (0 if d.weekday() >= 5 else 1)) ) + "-WE", "low", True

    def _the_week(self, m, ctx, pos):
        if ctx.dct is None:
            return "DATE", None, "low", True
        if m.group("mon"):  # "the week of March 6": the ISO week that holds the day
            mon, day = month_of(m.group("mon")), int(re.sub(r"\D", "", m.group("day")))
            y = self._year_of(mon, day, ctx, pos)
            if day > calendar.monthrange(y, mon)[1]:
                return None
            return "DATE", iso_week(dt.date(y, mon, day)), "low", True
        if _WEEKDAYS.search(m.string, max(0, m.start() - 40), m.start()) or _WEEKEND_SET_AGAINST.search(
                m.string[max(0, m.start() - 60):m.start()] + " " + m.string[m.end():m.end() + 60]):
            return None  # "busy during the week and full at weekends", "days of the week": no one week
        # a bare "the week" takes up the week of the story's events, which the text seldom pins
        # down: TimeBank leaves the week open in the publication year ("1989-WXX", TIMEX3's X
        # for an unknown digit), as it does for all four such in its train part
        return "DATE", f"{ctx.dct.year}-WXX", "low", True

    def _duration(self, m, ctx, pos):
        n = count_of(m.group("n"))
        unit = m.group("unit")
        if _SOMEDAY_LEFT.search(m.string, max(0, m.start() - 12), m.start()) and re.fullmatch(
                r"one\s+day", m.group(0), re.I) and _SOMEDAY_RIGHT.match(m.string, m.end()):
            return "DATE", "FUTURE_REF", "low", True  # "Islam will one day be ...": some future
            # time, not a span of a day (TIDES 2005 guidelines, Ferro et al.: "someday" is FUTURE_REF)
        if unit.lower().startswith("quarter") and (re.search(r"-\s*quarters?$", m.group(0)) or (
                m.string[m.end():m.end() + 3] == " of" and not _VAGUE_COUNT.fullmatch(m.group("n")))):
            return None  # "three-quarters of": a fraction; "several quarters of losses" is a span of
            # quarters (PXQ: an unspecified number of units, TIDES 2005 guidelines, Ferro et al., §4)
        if n is None and m.group("n").lower() in ("a", "an"):
            n = 1.0
        if m.group("n").lower() in ("a", "an", "per") and re.search(
                r"(?:\d|%|dollars?|euros?|pounds?|times|once|twice)[\s,]*$", m.string[max(0, m.start() - 30):m.start()]):
            return "SET", duration_value(1, unit), "high", False  # "$2,000 a month": a rate
        if m.group("n").lower() in ("a", "an") and _COUNTED_THINGS.search(m.string, max(0, m.start() - 40),
                                                                          m.start()):
            return None  # "four flights a week", "hundreds of calls a day": a frequency, no time referred to
        if n is not None and m.groupdict().get("half"):
            n += 0.5  # "a minute and a half": PT1M30S
        return "DURATION", duration_value(n, unit), "high" if n is not None else "low", False

    def _bare_units(self, m, ctx, pos):
        unit = m.group("unit") or m.groupdict().get("unit2")  # "in the weeks ahead"
        return "DURATION", duration_value(None, unit), "low", False

    def _set(self, m, ctx, pos):
        # a frequency adjective is a SET even before a name: in "the Communist Party daily Granma"
        # TimeBank marks "daily" (P1D), as the TimeML 1.2.1 guidelines (Saurí et al. 2006) mark any
        # expression of a regular recurrence
        if m.group("adv") and re.search(r"\b[Aa]verage\s+$", m.string[max(0, m.start() - 9):m.start()]):
            return None  # "average daily volume": a measure, not a recurring time
        if m.group("adv") and m.group("adv")[0].isupper() and re.match(r"\s+[A-Z][a-z]", m.string[m.end():m.end() + 3]):
            return None  # "Daily Nation", "Weekly Standard": the first word of a name
        if m.group("wds"):  # "on Mondays", "Tuesday nights"
            part = PARTS_OF_DAY[m.group("parts").lower()[:-1]] if m.group("parts") else ""
            return "SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wds').lower()) + 1}{part}", "high", False
        if m.group("wd"):  # "each Thursday": every Thursday
            return "SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd').lower()) + 1}", "high", False
        if m.group("mon"):  # "each July"
            return "SET", f"XXXX-{month_of(m.group('mon')):02d}", "high", False
        word = (m.group("unit") or m.group("adv")).lower()
        base = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
                "annually": "year", "yearly": "year", "nightly": "night"}.get(word, word)
        if base in ("morning", "night", "evening"):
            return "SET", "XXXX-XX-XX" + PARTS_OF_DAY[base], "high", False
        if base == "quarter":
            return "SET", "P1Q", "high", False  # a set of quarters, as TimeML writes it
        return "SET", duration_value(1, base), "high", False

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

    def _present(self, m, ctx, pos):
        if m.group(0).lower() == "now" and re.match(r"\s*,", m.string[m.end():m.end() + 3]) and (
                m.start() == 0 or _SENTENCE_START.search(m.string, max(0, m.start() - 4), m.start())):
            return None  # "Now, he says, ...": a discourse marker opening the sentence, not a time
        return "DATE", "PRESENT_REF", "low", True

    def _soon(self, m, ctx, pos):
        if ctx.tense(pos) == "past":
            return None  # "the prisoner was soon released": soon after the story's event
        return "DATE", "FUTURE_REF", "low", True

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
        if m.group("rel2") and re.match(r"\s+[A-Za-z]", m.string[m.end():m.end() + 2]):
            return None  # "the day before the vote": anchored to an event, not to a date
        rel = (m.group("rel") or m.group("rel2") or "").lower()
        anchor = ctx.last_day or (ctx.dct.isoformat() if ctx.dct else None)
        if anchor is None:
            return "DATE", None, "low", True
        day = dt.date.fromisoformat(anchor[:10]) + dt.timedelta(days=-1 if rel in ("previous", "before") else 1)
        unit = (m.group("unit") or "day").lower()
        if unit != "day":
            return "TIME", day.isoformat() + PARTS_OF_DAY[unit], "low", True
        return "DATE", day.isoformat(), "low", True

    def _holiday(self, m, ctx, pos):
        name = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))
        tail = (m.group("tail") or "").strip().lower()
        key = name.split()[0] if not name.startswith("new year") else "new year's eve" if "eve" in name else "new year"
        if name == "christmas eve" or (key == "christmas" and tail == "eve"):
            key = "christmas eve"
        if m.group("year"):
            day = holiday_date(key, int(m.group("year")))
        elif ctx.dct is None:
            return "DATE", None, "low", True
        else:
            rel = (m.group("rel") or "").lower()
            tense = "future" if rel == "next" else "past" if rel == "last" else ctx.tense(pos)
            cands = [holiday_date(key, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
            if rel == "last":
                day = max(d for d in cands if d < ctx.dct)
            elif rel == "next":
                day = min(d for d in cands if d > ctx.dct)
            elif rel == "this":
                day = cands[1]
            else:  # the nearest, leaning back in the past tense and forward in the future
                def cost(d):
                    delta = (d - ctx.dct).days
                    return abs(delta) * (10 if tense == "past" and delta > 7 or tense == "future" and delta < -7 else 1)
                day = min(cands, key=cost)
        if tail in ("week", "weekend", "season", "holiday") and tail != "holiday":
            value = iso_week(day) + ("-WE" if tail == "weekend" else "") if tail != "season" else day.isoformat()
            return "DATE", value, "low", True
        return "DATE", day.isoformat(), "high" if m.group("year") else "low", not m.group("year")

    def _spoken_year(self, m, ctx, pos):
        if m.group("c") is None:
            value = "2000"
        else:
            tens = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
            ones = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
            words = re.split(r"[\s-]+", m.group("t").lower())
            n = ones[words[1]] if words[0] == "o" else tens[words[0]] + (ones[words[1]] if len(words) > 1 else 0)
            value = f"{19 if m.group('c').lower() == 'nineteen' else 20}{n:02d}"
        if m.group("mon"):
            return "DATE", f"{value}-{month_of(m.group('mon')):02d}", "exact", False
        if m.group("season"):  # "the winter of nineteen ninety-four"
            return "DATE", f"{value}-{SEASONS[m.group('season').lower()]}", "exact", False
        return "DATE", value, "exact", False

    def _year_end(self, m, ctx, pos):
        if ctx.dct is None:
            return "DATE", None, "low", True
        if (m.group("w") or m.group("w2")).lower() == "year":
            return "DATE", str(ctx.dct.year), "low", True  # "by year-end": the year, at its end
        return "DATE", f"{ctx.dct.year}-{ctx.dct.month:02d}", "low", True

    def _the_year(self, m, ctx, pos):
        if m.group("span") is not None:
            return "DURATION", "P1Y", "low", False
        if ctx.dct is None:
            return "DATE", None, "low", True
        return "DATE", str(ctx.dct.year), "low", True


# "the quarter ended July 31": the month a (fiscal) quarter ends in
_QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing)\s+(?P<mon>{MONTH_RX})")


def quarter_ending(month: int, dct: dt.date) -> str:
    """The calendar quarter that holds most of the three months ending in ``month`` (the
    latest such before ``dct``): its middle month decides (May-July is mostly the second)."""
    year = dct.year - (month > dct.month)
    middle_year, middle = shift_months(year, month, -1)
    return f"{middle_year}-Q{(middle - 1) // 3 + 1}"


#: "last week", "this past week", "the previous year": the unit before the current one
_LOOKING_BACK = frozenset({"last", "this past", "the past", "the previous", "the last"})
#: "the past decade", "the last century": too long to be one calendar unit back; a span
_LONG_UNITS = frozenset({"decade", "century"})

# the first year of a range just before a hyphen or dash: "1990-1995"
_RANGE_START = r"(?<!\d)(?:1[5-9]|20)\d\d[-–—]"

#: decades in words: "the nineties" (not "the teens": too rare, too ambiguous)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}

#: "will one day be", "he one day follow": "one day" between a modal or subject and its verb
_SOMEDAY_LEFT = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must|to|I|we|you|he|she|they|it)\s+$")
_SOMEDAY_RIGHT = re.compile(r"\s+(?!(?:after|before|later|earlier|ago|of|and|or|in|on|at|to|for|from|with|"
                            r"by|than|the|a|an|that|this|each|per)\b)[a-z]+\b")

#: counts that name no number: "several quarters" is never a fraction of something
_VAGUE_COUNT = re.compile(r"(?i)several|many|some|a\s+few|few")

# "six months of base pay", "two years' salary": an amount of money, not a time
_PAY_RX = r"(?:pay|salary|salaries|wages?|rent|severance)\b"

# the end of a sentence, a line break or an opening quotation mark just before a word
_SENTENCE_START = re.compile(r"(?:[.!?:]['\"”’)]?\s+|\n\s*|[\"“‘`]\s*)$")

#: a sentence end: stop, optional closing mark, space and a capital (or a line break)
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?\s+(?=[\"“A-Z])|\n")
#: results for more than one quarter: "for the nine months", "first-half profit"
_LONGER_SPAN = re.compile(r"(?i)\b(?:nine|six)[\s-]months?\b|\bfirst[\s-]half\b|\byear[\s-]to[\s-]date\b")
#: how far back the start of a sentence is looked for
_SENTENCE_REACH = 300


def _about_a_longer_span(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` reports results for a span longer than a quarter
    (*for the nine months, net rose … from a year earlier*): the comparison is then with the
    same span a year back, which the year stands for, not the reported quarter."""
    start = max(0, pos - _SENTENCE_REACH)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    return bool(_LONGER_SPAN.search(text, start, pos))

# "four flights a week", "700 seats a week", "hundreds of interviews a day": a count of plural
# things just before "a <unit>" makes it a frequency
_COUNTED_THINGS = re.compile(r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
                             r"thirty|forty|fifty|hundred|thousand|dozens|hundreds|thousands|several|many)(?:\s+of)?)"
                             r"\s+(?:[a-z-]+\s+)?[a-z-]+[a-rt-z]s\s*$")


def holiday_date(key: str, year: int) -> dt.date:
    """The day of a (US) holiday in ``year``: fixed dates, nth weekdays, Easter."""
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "new year": (1, 1), "new year's eve": (12, 31),
             "independence": (7, 4), "fourth": (7, 4), "halloween": (10, 31), "valentine's": (2, 14),
             "veterans": (11, 11)}
    if key in fixed:
        return dt.date(year, *fixed[key])
    if key == "easter":  # the Gregorian computus (Meeus/Jones/Butcher)
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
        mm = (a + 11 * h + 19 * l) // 433
        month = (h + l - 7 * mm + 90) // 25
        return dt.date(year, month, (h + l - 7 * mm + 33 * month + 19) % 32)

    def nth(month: int, weekday: int, n: int) -> dt.date:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        if n < 0:  # the last one of the month
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        return day
    if key == "thanksgiving":
        return nth(11, 3, 4)
    if key == "labor":
        return nth(9, 0, 1)
    if key == "memorial":
        return nth(5, 0, -1)
    return nth(11, 0, 1) + dt.timedelta(days=1)  # election day: the Tuesday after the first Monday


RULES = Rules()
