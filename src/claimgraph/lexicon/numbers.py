"""Numbers as news writes them: digits, words, scales and vague amounts.

Own code, not a library: ``text2num`` 3.1 leaves *two dozen* as it is and turns
*3.5 million* into "3.5 1000000" and *several thousand* into "several 1000";
``quantulum3`` 0.10 collapses *90 – 95%* to its mean 92.5, misses *several hundred square
kilometer* and needs about a second to load; ``number-parser`` 0.3 has the same scale
problem. The grammar below is small, has no dependencies and is exact on these cases.
"""
from __future__ import annotations

import re
from typing import Optional

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

_WORDS = sorted(list(ONES) + list(TENS) + list(SCALES) + ["dozen"], key=len, reverse=True)
NUMBER_WORD = r"(?:" + "|".join(_WORDS) + r")"
#: a run of number words: "forty-two", "three hundred and five", "a dozen", "3.5 million"
WORD_NUMBER = (rf"(?:(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?{NUMBER_WORD}"
               rf"(?:(?:\s+and\s+|\s*-\s*|\s+){NUMBER_WORD}\b)*)")
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|bn|mn|mln)"
#: digits with an optional scale word, or a run of number words
NUMBER = rf"(?:{DIGITS}(?:\s*-?\s*{SCALE_WORD}\b)?|\b{WORD_NUMBER}\b)"

#: vague amounts: (low, high) multipliers of the scale that follows
VAGUE_FACTORS = {"several": (2, 9), "a few": (2, 9), "a couple of": (2, 2), "a handful of": (2, 9)}
VAGUE_NUMBER = (r"(?:several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+"
                r"(?:hundred|thousand|million|billion|dozen)\b"
                r"|(?:tens|hundreds|thousands|millions|billions|dozens|scores)"
                r"(?:\s+of\s+(?:thousands|millions|billions))?(?=\s+of\b)")

_TOKEN = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?|\.\d+")
_SPACE = re.compile(r"\s+")


def _digits(token: str) -> Optional[float]:
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def parse_number(text: str) -> Optional[float]:
    """The value of one written number: ``"1,200"``, ``"3.5 million"``, ``"two dozen"``,
    ``"forty-two"``, ``"a hundred and five"``, ``"$2bn"`` (the symbol is ignored)."""
    words = _TOKEN.findall(text.lower())
    if not words:
        return None
    total = 0.0
    current: Optional[float] = None
    for word in words:
        if word[0].isdigit() or word[0] == ".":
            value = _digits(word)
            if value is None:
                return None
            current = (current or 0) + value
        elif word in ONES:
            current = (current or 0) + ONES[word]
        elif word in TENS:
            current = (current or 0) + TENS[word]
        elif word == "dozen":
            current = (current if current is not None else 1) * 12
        elif word == "hundred":
            current = (current if current is not None else 1) * 100
        elif word in SCALES or word in SHORT_SCALES:
            scale = SCALES.get(word) or SHORT_SCALES[word]
            total += (current if current is not None else 1) * scale
            current = None
        elif word in ("a", "an", "and"):
            continue
        else:
            return None
    if current is None and total == 0:
        return None
    return total + (current or 0)


def vague_range(text: str) -> Optional[tuple[float, Optional[float]]]:
    """``(low, high)`` of a vague amount: *several hundred* → (200, 999), *thousands of*
    → (1000, None), *tens of thousands* → (10000, None)."""
    low = _SPACE.sub(" ", text.lower().strip())
    for key, (lo, hi) in VAGUE_FACTORS.items():
        if low.startswith(key + " "):
            rest = low[len(key) + 1:]
            scale = 12 if rest == "dozen" else SCALES.get(rest)
            if scale is None:
                return None
            return float(lo * scale), float((hi + 1) * scale - 1) if scale > 12 else float(hi * scale)
    parts = low.split(" of ")
    scales = []
    for part in parts:
        part = part.strip()
        if part in ("tens",):
            scales.append(10)
        elif part == "dozens":
            scales.append(12)
        elif part == "scores":
            scales.append(20)
        elif part.endswith("s") and part[:-1] in SCALES:
            scales.append(SCALES[part[:-1]])
        else:
            return None
    value = 1.0
    for s in scales:
        value *= s
    return value, None


def format_number(value: Optional[float]) -> str:
    """``2000.0`` → ``"2,000"``, ``0.5`` → ``"0.5"``, None → ``"?"``."""
    if value is None:
        return "?"
    if abs(value - round(value)) < 1e-9:
        return f"{int(round(value)):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
