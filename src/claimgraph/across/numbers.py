"""Contradicting numbers: quantities about the same thing, in two articles of one story,
that cannot both be right.

Two quantities are **about the same thing** when (precision first, all must hold):

- they are in different articles of one story, neither republishing the other's text;
- they count the same thing: the same unit, the same head noun of ``counts`` (stemmed), the
  same modifiers (*civilian passengers* / *passengers*, *Senate Republicans* / *House
  Republicans* are different things), the same ``per``;
- the words around them (:data:`WINDOW` words either side, in the sentence) share at least
  :data:`MIN_CONTEXT` content words besides the number, the counted noun and names
  (*deployed … to the border*), and their sentences do not name disjoint places (*in Kharkiv* / *in
  Odesa* are different subjects);
- neither refers back to a set already named (*the two states*: a figure after *the*,
  *these*, *their* …);
- neither is one item of a breakdown (a sentence with :data:`MAX_IN_SENTENCE` or more
  quantities: *104 passengers, including 58 men, 31 women and 15 children*);
- their time overlaps: each one's time is the dates of its sentence, or else its article's
  publication day, and the two are at most :data:`MAX_DAYS` days apart;
- a tally that grows is an update, not a contradiction: when both articles carry a time of
  publication and the later one gives the larger figure, nothing is flagged.

They **disagree** when their intervals do not overlap. A quantity's interval is its
``low``–``high`` (a bound is open on one side: *at least 50* is [50, ∞)); an approximate
figure (*about 100*) is widened by :data:`APPROX`; two exact figures are also compatible
when one rounds to the other (*1,200* and *1,234*: within half a unit of the rounded
figure's last significant digit, at most :data:`ROUNDING` of it). A range that contains
the other figure, a rounded number, or a lower bound below the other figure is not flagged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.across.keys import key_of
from claimgraph.across.text import content_words, day, is_number, stem, words
from claimgraph.lexicon.numbers import format_number
from claimgraph.model import Article

APPROX = 0.10     # an approximate figure stands for ±10%
ROUNDING = 0.05   # a rounded figure stands for at most ±5% (half its last significant digit)
MIN_CONTEXT = 3   # shared content words around the two figures besides number and noun
#: a figure after these refers back to a set already named (*the two states*), it does not count
DEFINITE = frozenset({"the", "these", "those", "both", "its", "their", "his", "her", "our"})
WINDOW = 6        # words either side of a figure that say what it is about
MAX_DAYS = 1      # times at most this many days apart
MAX_IN_SENTENCE = 3  # a sentence with this many quantities is a breakdown
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class Fact:
    """One quantity of one article, with what it needs to be compared."""

    article: str
    quantity: str
    text: str
    sentence: str
    low: Optional[float]
    high: Optional[float]
    bound: Optional[str]
    approximate: bool
    unit: str
    head: str
    modifiers: frozenset[str]
    per: tuple[str, ...]
    context: frozenset[str] = field(repr=False)
    places: frozenset[str] = field(repr=False)
    day: Optional[int] = None
    dates: tuple[int, int] | None = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    copy_of: Optional[str] = None
    span: tuple[int, int] = (0, 0)

    def interval(self) -> tuple[float, float]:
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else self.low
        if self.bound == "lower":
            return lo, math.inf
        if self.bound == "upper":
            return -math.inf, hi
        if self.high is None:  # "thousands of": open above
            return lo, math.inf
        if self.approximate and lo == hi:  # a vague range (several thousand) is already wide
            return lo * (1 - APPROX), hi * (1 + APPROX)
        return lo, hi

    def time(self) -> Optional[tuple[int, int]]:
        """The days the figure is about: its sentence's dates, else its publication day."""
        return self.dates or ((self.day, self.day) if self.day is not None else None)

    def to_json(self) -> dict:
        return {"article": self.article, "quantity": self.quantity, "text": self.text,
                "sentence": self.sentence, "outlet": self.outlet, "span": list(self.span)}


@dataclass
class Contradiction:
    a: Fact
    b: Fact
    arithmetic: str

    def to_json(self) -> dict:
        return {"type": "numbers", "a": self.a.to_json(), "b": self.b.to_json(),
                "arithmetic": self.arithmetic}


def _rounding(x: float) -> float:
    """Half a unit of the last significant digit of ``x`` (1,200 → 50; 10,000 → 5,000)."""
    if x == 0 or x != int(x):
        return 0.0
    n, unit = int(abs(x)), 1
    while n % 10 == 0 and n >= 10:
        n //= 10
        unit *= 10
    return unit / 2 if unit > 1 else 0.0


def _exact(f: Fact) -> Optional[float]:
    if f.bound or f.approximate or f.low is None or f.high is None or f.low != f.high:
        return None
    return f.low


def disagree(a: Fact, b: Fact) -> Optional[str]:
    """The arithmetic of a contradiction between two facts, or None when they agree."""
    (alo, ahi), (blo, bhi) = a.interval(), b.interval()
    if alo <= bhi and blo <= ahi:
        return None
    xa, xb = _exact(a), _exact(b)
    if xa is not None and xb is not None:
        tol = max(min(_rounding(xa), ROUNDING * abs(xa)), min(_rounding(xb), ROUNDING * abs(xb)))
        if abs(xa - xb) <= tol:
            return None
    lo_first = ahi < blo
    left, right = (a, b) if lo_first else (b, a)
    lhi, rlo = (ahi, blo) if lo_first else (bhi, alo)
    return (f"{_show(left)} and {_show(right)} do not overlap: {format_number(lhi)} < "
            f"{format_number(rlo)} (by {format_number(rlo - lhi)}, "
            f"{(rlo - lhi) / max(abs(rlo), 1e-9):.0%} of the larger)")


def _show(f: Fact) -> str:
    lo, hi = f.interval()
    rng = (f"[{format_number(lo)}, {'∞' if hi == math.inf else format_number(hi)}]"
           if lo != hi else format_number(lo))
    return f"'{f.text}' ({f.outlet or f.article}) = {rng}"


def facts(article: Article, copy_of: Optional[str] = None) -> list[Fact]:
    """The article's comparable quantities: those that say what they count."""
    from claimgraph.parsed import text_sentences

    sents = text_sentences(article.text)
    out = []
    per_sentence: dict[tuple[int, int], int] = {}
    where = {}
    for q in article.quantities:
        where[q.id] = next(((a, b) for a, b in sents if a <= q.span[0] < b), (q.span[0], q.span[1]))
        per_sentence[where[q.id]] = per_sentence.get(where[q.id], 0) + 1
    for q in article.quantities:
        if not q.counts or not q.unit or (q.low is None and q.high is None):
            continue
        s, e = where[q.id]
        if per_sentence[(s, e)] >= MAX_IN_SENTENCE:
            continue
        sentence = article.text[s:e]
        cw = words(q.counts)
        head = stem(cw[-1]) if cw else stem(q.unit.lower())
        mods = frozenset(stem(w) for w in content_words(cw[:-1]) if not is_number(w))
        qwords = {stem(w) for w in words(q.text)} | {head} | set(mods)
        for ent in article.entities:  # names are the subject, checked apart (places)
            if any(s <= m0 < e for m0, _ in ent.mentions):
                qwords |= {stem(w) for w in words(ent.name)}
        before = words(article.text[s:q.span[0]])[-WINDOW:]
        if before and before[-1] in DEFINITE:
            continue
        after = words(article.text[q.span[1]:e])[:WINDOW + len(cw)]
        context = frozenset(stem(w) for w in content_words(before + after)
                            if not is_number(w)) - qwords
        places = frozenset(key_of(ent) for ent in article.entities if ent.type in PLACE_TYPES
                           and any(s <= m0 < e for m0, _ in ent.mentions))
        out.append(Fact(article.id, q.id, q.text or article.span_text(q.span), sentence.strip(),
                        q.low, q.high, q.bound, q.approximate, q.unit.lower(), head, mods,
                        tuple(q.per), context, places, day(article.published),
                        _sentence_dates(article, s, e), article.published, article.outlet, copy_of,
                        tuple(q.span)))
    return out


def _sentence_dates(article: Article, s: int, e: int) -> Optional[tuple[int, int]]:
    days = [(day(d.first_day), day(d.last_day)) for d in article.dates
            if s <= d.span[0] < e and d.type == "DATE" and d.first_day and d.last_day]
    days = [(a, b) for a, b in days if a is not None and b is not None]
    if not days:
        return None
    return min(a for a, _ in days), max(b for _, b in days)


def same_thing(a: Fact, b: Fact) -> bool:
    if a.article == b.article or a.unit != b.unit or a.head != b.head or a.per != b.per:
        return False
    if a.copy_of == b.article or b.copy_of == a.article or (a.copy_of and a.copy_of == b.copy_of):
        return False
    if a.modifiers != b.modifiers:
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    if len(a.context & b.context) < MIN_CONTEXT:
        return False
    ta, tb = a.time(), b.time()
    if ta and tb and (ta[1] + MAX_DAYS < tb[0] or tb[1] + MAX_DAYS < ta[0]):
        return False
    return True


def _update(earlier: Fact, later: Fact) -> bool:
    """A later report of a larger figure, both with a time of publication: a tally that grew."""
    if not (earlier.published and later.published and len(earlier.published) > 10
            and len(later.published) > 10) or earlier.published == later.published:
        return False
    if earlier.published > later.published:
        earlier, later = later, earlier
    return later.interval()[0] > earlier.interval()[1]


class NumberIndex:
    """Facts per story; :meth:`add` compares a new article's facts with its story's."""

    def __init__(self):
        self.by_story: dict[str, list[Fact]] = {}
        self.by_key: dict[tuple[str, str], Fact] = {}
        self.contradictions: list[Contradiction] = []
        self.last: Optional[dict] = None  # what the last add() stored (see restore)

    def add(self, article: Article, story: str, copy_of: Optional[str] = None) -> list[Contradiction]:
        new = facts(article, copy_of)
        found = []
        for f in new:
            for g in self.by_story.get(story, ()):
                if same_thing(g, f) and not _update(g, f):
                    arithmetic = disagree(g, f)
                    if arithmetic:
                        found.append(Contradiction(g, f, arithmetic))
        self.last = {"story": story, "facts": new,
                     "found": [((c.a.article, c.a.quantity), (c.b.article, c.b.quantity), c.arithmetic)
                               for c in found]}
        self.restore(self.last)
        return found

    def restore(self, state: dict) -> None:
        """Put back an article's facts and contradictions as :meth:`add` found them."""
        for f in state["facts"]:
            self.by_key[(f.article, f.quantity)] = f
        self.by_story.setdefault(state["story"], []).extend(state["facts"])
        for a, b, arithmetic in state["found"]:
            self.contradictions.append(Contradiction(self.by_key[a], self.by_key[b], arithmetic))
