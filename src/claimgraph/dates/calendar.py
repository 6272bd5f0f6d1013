"""Calendar arithmetic on TimeML values: month and week bounds, ISO intervals of a value,
durations, shifting a value by n units."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from claimgraph.dates.patterns import SEASON_MONTHS, UNIT_CODES
from claimgraph.lexicon import MONTH_NUMBERS
from claimgraph.lexicon.numbers import parse_number


def month_of(word: str) -> int:
    return MONTH_NUMBERS[word.strip(".").lower()[:3]]


def shift_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def iso_week(d: dt.date) -> str:
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


def duration_value(n: Optional[float], unit: str) -> str:
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
    if code in ("DE", "CE"):  # "two decades": P20Y, as TimeML news annotation writes it
        n, code = n * (10 if code == "DE" else 100), "Y"
    smaller = _SMALLER.get((prefix, code))
    if n != int(n) and smaller:  # "2 1/2 years": P2Y6M, "5 1/2 hours": PT5H30M
        unit, per = smaller
        rest = (n - int(n)) * per
        if rest == int(rest):
            whole = f"{int(n)}{code}" if int(n) else ""
            return f"{prefix}{whole}{'T' if unit == 'TH' else ''}{int(rest)}{unit[-1]}"
    num = f"{n:g}" if n != int(n) else str(int(n))
    return f"{prefix}{num}{code}"


_SMALLER = {("P", "Y"): ("M", 12), ("P", "D"): ("TH", 24), ("PT", "H"): ("M", 60), ("PT", "M"): ("S", 60)}


def minus(d: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "day":
        return d - dt.timedelta(days=n)
    if unit == "week":
        return d - dt.timedelta(weeks=n)
    if unit in ("month", "quarter"):
        y, m = shift_months(d.year, d.month, -n * (3 if unit == "quarter" else 1))
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    if unit in ("year", "decade", "century"):
        k = n * {"year": 1, "decade": 10, "century": 100}[unit]
        y = d.year - k
        return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))
    return d


def shift_value(value: str, n: int, unit: str) -> Optional[str]:
    """``value`` moved back ``n`` units at its own granularity: (1989-Q3, 1, year) → 1988-Q3."""
    m = re.fullmatch(r"(\d{4})(-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?", value)
    if m and unit == "year":
        return f"{int(m.group(1)) - n}{m.group(2) or ''}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m and unit in ("year", "month"):
        y, mo = shift_months(int(m.group(1)), int(m.group(2)), -n * (12 if unit == "year" else 1))
        return f"{y:04d}-{mo:02d}"
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value[:10])
    if m:
        return granular(minus(dt.date.fromisoformat(value[:10]), n, unit), unit)
    return None


def count_of(text: str) -> Optional[float]:
    t = text.lower().strip()
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("a couple of", "couple of"):
        return 2.0  # "a couple of years": P2Y
    if t in ("a few", "few", "several", "many", "some"):
        return None
    half = re.fullmatch(r"(.+?)\s*(?:1/2|½)", t)  # "2 1/2 years"
    if half:
        n = parse_number(half.group(1))
        return None if n is None else n + 0.5
    return parse_number(t)


def granular(d: dt.date, unit: str) -> str:
    """A day as a TimeML value of the granularity of ``unit`` (day, week, month, year …)."""
    if unit in ("day",):
        return d.isoformat()
    if unit == "week":
        return iso_week(d)
    if unit in ("month", "quarter"):
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "decade":
        return str(d.year)[:3]
    if unit == "century":
        return str(d.year)[:2]
    return str(d.year)
