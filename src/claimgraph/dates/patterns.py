"""The date layer's vocabulary: TimeML codes for seasons, parts of day and units, the
regular-expression pieces the rules are built from, and the match record.

TIMEX3 codes after the TIDES 2005 normalisation guidelines (Ferro et al.).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from claimgraph.lexicon.numbers import ORDINALS

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                "tonight": "TNI"}
UNIT_CODES = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
              "year": "Y", "decade": "DE", "century": "CE", "second": "TS", "quarter": "Q"}
PRESENT_REF = ("now", "currently", "at present", "these days", "nowadays", "right now",
               "at the moment", "at this time", "the present", "at this point", "today's")
PAST_REF = ("recently", "lately", "formerly", "in the past", "the past",
            "in recent times")
FUTURE_REF = ("the future", "in future", "the near future", "future", "the near term", "the short term",
              "a later date")
ORDINAL_WORDS = {w: n for w, n in ORDINALS.items() if n <= 31}

# auxiliaries and markers of future reference (the tense of the governing verb)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
#: modal auxiliaries: a verb they govern points forward too (*would take effect Wednesday*),
#: unless it is perfect (*would have taken effect*), which looks back
MODAL_AUX = {"would", "could", "should", "might", "may", "must", "can", "ought"}
FUTURE_MARKERS = {"next", "coming", "upcoming", "scheduled", "planned", "plans", "expected",
                  "due", "until", "till", "later"}
#: words just before an expression that point it forward whatever the verb's tense
FUTURE_LEFT = {"next", "coming", "until", "till", "soon", "payable", "effective"}
PAST_TAGS = {"VBD", "VBN"}
#: verbs that set a date for something to happen: their date is the nearest, not the last
PLAN_VERBS = {"schedule", "plan", "slate", "set"}

MONTH_RX = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
          r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
          r"|Dec(?:ember|\.)?)(?![\w])")
DAYNUM_RX = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
DAYWORD_RX = r"(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
YEAR_RX = r"(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\.\d|%)"
WEEKDAY_RX = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?"
PART_RX = r"(?:morning|afternoon|evening|night)"
NUM_RX = (r"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\s+dozen|a\s+few|"
        r"several|many|some|a\s+couple\s+of|couple\s+of|a\s+few|few)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred))?")
UNIT_RX = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|quarters?)"
#: "two more weeks", "an additional year": a count of further units is a duration too
MORE_RX = r"(?:more|additional|extra|further)"
#: "eight trading days", "five business days": a kind of day counts as days
DAY_KIND_RX = r"(?:trading|business|working|school|calendar)"
#: nouns after "today's" that name the day's own events: "today's vote" is the day, while
#: "today's youth", "today's world" mean the present in general (no date is referred to)
TODAY_EVENT_NOUNS = frozenset({
    "meeting", "meetings", "session", "sessions", "talks", "vote", "voting", "trading", "game", "games", "match",
    "election", "elections", "hearing", "decision", "announcement", "rally", "summit", "ceremony", "visit",
    "deadline", "debate", "briefing", "speech", "statement", "march", "strike", "attack", "attacks", "edition",
    "editions", "issue", "paper", "newspaper", "papers", "agenda", "schedule", "launch", "race", "final",
    "protest", "protests", "opening", "close", "auction", "sale", "release", "report", "data", "figures",
    "program", "programme", "show", "broadcast", "episode", "quiz", "newscast", "column", "editorial",
})
#: a bare month name needs a word that makes it a date: a preposition ("in August", not
#: "May I"), or an article before a month that modifies a noun ("the October vote", "a June
#: agreement"; not "the March on Washington")
IN_MONTH_RX = (r"\b(?P<skip>(?:(?i:in|since|until|till|by|from|to|during|of|through|after|before|for)|"
               r"(?i:the|an?)(?=\s+" + MONTH_RX + r"\s+(?!(?:of|on|in|and|or|to|for|at|by|from)\b)[a-z]))\s+)"
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
    quarter: Optional[str] = None  # the last finished quarter named (results are reported for it)
    quarter_named: bool = False  # a quarter was named: the text reports quarterly results
