"""Words, content words and shingles of a text: what the comparisons across articles count.

Every function is deterministic across processes and runs (no ``hash()``: CRC-32 of the
folded words), so an index built incrementally and one rebuilt from scratch agree.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import NamedTuple, Optional

from claimgraph.lexicon.gazetteer import fold

#: function words, reporting verbs and pronouns: they carry no topic
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself nor of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t d ll re ve m
said says say saying told tells tell according added adds asked mr mrs ms dr one two new
year years time people like get got make made just even well much many may might must
also would could should last first week monday tuesday wednesday thursday friday saturday
sunday today yesterday
""".split())

#: words that turn a statement into its opposite (``n't`` is split off as ``not``)
NEGATIONS = frozenset("not no never none nobody nothing neither nor nowhere without cannot".split())

_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_CONTRACTION = {"can't": ("can", "not"), "won't": ("will", "not"), "cannot": ("can", "not"),
                "shan't": ("shall", "not"), "ain't": ("is", "not")}


class Token(NamedTuple):
    """A word of a text: its folded form and its ``(start, end)`` in the text."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def _norm(word: str) -> tuple[tuple[str, int, int], ...]:
    """A matched word's normal forms with their offsets inside it."""
    w = fold(word).replace("’", "'")
    n = len(word)
    if w in _CONTRACTION:
        return tuple((part, 0, n) for part in _CONTRACTION[w])
    if w.endswith("n't") and len(w) > 3:
        return ((w[:-3], 0, n - 3), ("not", n - 3, n))
    if w.endswith("'s"):
        return ((w[:-2], 0, n - 2),)
    if w[0].isdigit():
        w = w.replace(",", "")
    return ((w, 0, n),)


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` (numbers kept whole: ``1,200``; ``didn't`` → ``did`` + ``not``)."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        s = m.start() + offset
        for norm, a, b in _norm(m.group()):
            out.append(Token(norm, s + a, s + b))
    return out


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[str, ...]:
    return tuple(norm for m in _WORD.finditer(text) for norm, _, _ in _norm(m.group()))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (as :func:`tokens`, without offsets)."""
    return list(_words(text))


def is_number(word: str) -> bool:
    return bool(word) and word[0].isdigit()


def content_words(seq: list[str]) -> list[str]:
    """Words that carry content: no stopwords, numbers and negations kept."""
    return [w for w in seq if w in NEGATIONS or is_number(w) or (len(w) > 1 and w not in STOPWORDS)]


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A crude suffix stripper, enough to see that *apologizes* and *apologized* agree."""
    for suffix in ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def term_counts(text: str, title: Optional[str] = None) -> dict[str, int]:
    """Topic terms of an article (content words, stemmed; the title's count twice)."""
    out: dict[str, int] = {}
    for part, weight in ((text, 1), (title or "", 2)):
        for w in words(part):
            if len(w) < 3 or w in STOPWORDS or is_number(w):
                continue
            w = stem(w)
            out[w] = out.get(w, 0) + weight
    return out


def crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def shingles(seq: list[str], k: int = 5) -> set[int]:
    """Hashes of the word ``k``-grams of ``seq`` (the whole sequence if shorter)."""
    if len(seq) < k:
        return {crc(" ".join(seq))} if seq else set()
    return {crc(" ".join(seq[i:i + k])) for i in range(len(seq) - k + 1)}


def day(published: Optional[str]) -> Optional[int]:
    """Days since 1970-01-01 of an ISO date or date-time, or None."""
    if not published or len(published) < 10:
        return None
    import datetime as dt

    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date(1970, 1, 1)).days
    except ValueError:
        return None
