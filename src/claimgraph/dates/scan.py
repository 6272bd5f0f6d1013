"""Where the rules run: windows around trigger words found in one pass over the text,
then the longest match wins, times join their day, and relative values are anchored
to the publication date."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from claimgraph.dates.calendar import count_of, interval_of, minus
from claimgraph.dates.patterns import Context, DateMatch
from claimgraph.dates.rules import RULES
from claimgraph.lexicon import MONTH_WORDS, WEEKDAYS
from claimgraph.parsed import merge_windows

# every expression holds one of these words (or a digit): the rules only run on windows
# around them, found by one pass over the words of the text
_MONTH_WORDS = set(MONTH_WORDS)
_UNIT_WORDS = {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "weekend", "weekends",
               "month", "months", "year", "years", "decade", "decades", "century", "centuries", "quarter",
               "quarters", "period"}
TRIGGER_WORDS = frozenset(_MONTH_WORDS | _UNIT_WORDS | set(WEEKDAYS) | {w + "s" for w in WEEKDAYS} | {
    "today", "tonight", "yesterday", "tomorrow", "now", "soon", "current", "currently", "present", "recent", "recently",
    "formerly", "past", "future", "lately", "nowadays", "half", "spring", "summer", "fall",
    "autumn", "winter", "morning", "mornings", "afternoon", "evening", "evenings", "night", "noon",
    "midday", "midnight", "hourly", "daily", "weekly", "monthly", "yearly", "nightly", "time", "times",
    "moment", "term", "date", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
    "eighties", "nineties"})
# holidays and spoken years run only around their own words
_NAMED_WORDS = frozenset({"thanksgiving", "christmas", "easter", "halloween", "independence", "election", "labor",
                          "memorial", "valentine", "veterans", "year", "july", "nineteen", "thousand"})
_CLOCK_WORDS = frozenset({"noon", "midday", "midnight", "am", "pm", "a", "p"})
_WORD = re.compile(r"\w+")
WINDOW = 45  # characters of context each side of a trigger
# rules that hold a unit word, or digits, run on narrower windows around those
RULE_TRIGGERS = {"duration": "unit", "ago": "unit", "bare_units": "unit", "duration_rel": "unit",
                 "vague_units": "unit", "vague_future": "unit", "rel_unit": "unit", "that_unit": "unit", "year": "digit",
                 "clock": "digit", "quarter_code": "digit", "report_period": "unit",
                 "the_year": "unit",
                 "holiday": "named", "spoken_year": "named"}


def _trigger_windows(text: str) -> dict[Optional[str], list[tuple[int, int]]]:
    """Windows for every rule family: ``None`` (all triggers), ``"unit"``, ``"digit"``, ``"named"``."""
    hits: dict[Optional[str], list[tuple[int, int]]] = {None: [], "unit": [], "digit": [], "named": []}
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isdigit() or word[-1].isdigit():  # "1998", "FY2023"
            hits[None].append(m.span())
            hits["digit"].append(m.span())
            continue
        low = word.lower()
        if low in _NAMED_WORDS:
            hits["named"].append(m.span())
        if low in TRIGGER_WORDS:
            hits[None].append(m.span())
            if low in _UNIT_WORDS:
                hits["unit"].append(m.span())
            elif low in _CLOCK_WORDS:
                hits["digit"].append(m.span())
    return {"unit": merge_windows(text, hits["unit"], 50, 25),
            "digit": merge_windows(text, hits["digit"], 50, 25),
            "named": merge_windows(text, hits["named"], 40, 40),
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
        if name != "holiday" and _in_a_title(text, s, e):
            continue
        handler = RULES.rules[order][2]
        ctx.last_day_in_sentence = _same_sentence_day(out, text, s)
        res = handler(m, ctx, s)
        if res is None:
            continue
        type_, value, confidence, relative = res
        match = DateMatch(s, e, type_, value, confidence, relative, rule=name)
        if type_ in ("DATE", "TIME") and value:
            match.start_date, match.end_date = interval_of(value)
            if re.match(r"\d{4}", value) and name not in ("ago", "report_period"):
                ctx.last_year = int(value[:4])
                ctx.last_value = value  # what "a year earlier" counts from (not itself relative)
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


_COMMON_TIME_WORDS = re.compile(r"\b(?:Minutes?|Hours?|Days?|Week|Weeks|Weekend|Months?|Years?|Decades?|Century|"
                                r"Noon|Midnight|Morning|Afternoon|Evening|Night|Tonight|Today|Now)\b")


def _in_a_title(text: str, s: int, e: int) -> bool:
    """``60 Minutes``, ``High Noon``, ``This Week With David Brinkley``: a time word
    capitalised inside a sentence belongs to a name or title, not to a date."""
    span = text[s:e]
    if span.isupper():
        return False  # an all-capitals line: case says nothing
    for m in _COMMON_TIME_WORDS.finditer(span):
        at = s + m.start()
        if not text[:at].strip() or re.search(r"(?:[.!?:]['\"”’)]?\s+|\n\s*|[\"“‘(—-]\s*)$", text[max(0, at - 4):at]):
            continue  # the first word of the text, a sentence, a line or a quotation
        return True
    return False


def _same_sentence_day(found: list[DateMatch], text: str, pos: int) -> Optional[str]:
    """The day of a date expression just before ``pos`` in the same sentence."""
    for d in reversed(found):
        between = text[d.end:pos]
        if re.search(r"[.!?]\s", between):
            return None
        if d.value and re.match(r"\d{4}-\d\d-\d\d", d.value):
            return d.value[:10]
    return None


# "5 p.m. EST Nov. 9": a time zone between the clock time and its day
_ZONE = re.compile(r"(?<=\s)(?:[ECMP][SD]T|GMT|UTC)\b,?\s?")


def _merge_time_and_day(found: list[DateMatch], text: str) -> None:
    """``9 a.m. Tuesday`` is one TIME on that day; in ``10:35 a.m. (0735 GMT) Friday`` the
    clock time takes the day but both expressions stay (as TimeML annotates them)."""
    i = 0
    while i + 1 < len(found):
        a, b = found[i], found[i + 1]
        gap = text[a.end:b.start]
        if a.type == "TIME" and b.type == "DATE" and b.value and len(b.value) == 10 \
                and a.value and "T" in a.value \
                and re.fullmatch(r"\s*(?:\([^()]{0,20}\)\s*)?(?:on\s+)?", _ZONE.sub("", gap)):
            a.value = b.value + "T" + a.value.split("T", 1)[1]
            a.start_date = a.end_date = b.value
            if re.fullmatch(r"[ ]?(?:on )?", _ZONE.sub("", gap)):
                a.end = b.end
                del found[i + 1]
        i += 1


def _anchor(match: DateMatch, m: re.Match, dct: Optional[dt.date]) -> None:
    """ISO interval for anchored durations (*the last six weeks*) and vague references."""
    if dct is None or not match.value:
        return
    if match.type == "DURATION" and match.rule == "duration_rel":
        rel = m.group("rel").lower()
        n = count_of(m.group("n"))
        if n is None:
            return
        unit = m.group("unit").lower().rstrip("s")
        if rel in ("past", "last", "previous", "recent"):
            match.start_date, match.end_date = minus(dct, int(n), unit).isoformat(), dct.isoformat()
        elif rel in ("next", "coming", "following"):
            match.start_date, match.end_date = dct.isoformat(), minus(dct, -int(n), unit).isoformat()
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
