"""The report's sections for the layers beyond "who said what": one function per layer,
``(article) -> lines``, looked up by layer name in :data:`SECTIONS` (titles come from
:data:`claimgraph.model.LAYERS`)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable, Optional

from claimgraph.hedges.certainty import claim_certainty
from claimgraph.lexicon.numbers import format_number
from claimgraph.model import Article, Quantity
from claimgraph.parsed import text_sentences


#: units named in the plural that one of reads in the singular ("1 day", not "1 days")
_PLURAL_UNITS = frozenset("years months weeks days hours minutes seconds decades".split())


def describe_quantity(q: Quantity) -> str:
    """One line: ``"no less than $2,000 a month per person" → ≥ 2,000 USD per month per person``."""
    if q.low is not None and q.high is not None and q.low != q.high:
        value = f"{format_number(q.low)}–{format_number(q.high)}"
    elif q.bound == "lower":
        value = f"≥ {format_number(q.low)}"
    elif q.bound == "upper":
        value = f"≤ {format_number(q.high)}"
    elif q.low is not None and q.high is None:
        value = f"{format_number(q.low)}+"
    else:
        value = format_number(q.low if q.low is not None else q.high)
    parts = [("~" if q.approximate else "") + value]
    if q.unit:
        one = q.low == q.high == 1 or q.low == 1 and q.high is None and not q.bound
        parts.append(q.unit[:-1] if one and q.unit in _PLURAL_UNITS else q.unit)
    if q.per:
        parts.append("per " + " per ".join(q.per))
    line = f"“{q.text}” → {' '.join(parts)}"
    if q.counts and q.counts.lower() != (q.unit or "").lower():
        line += f" (counts: {q.counts})"
    return line


def quantity_lines(article: Article) -> list[str]:
    """One line per quantity."""
    return [describe_quantity(q) for q in article.quantities]


class _Sentences:
    """The sentence around each of many expressions of one text: the sentences
    (:func:`claimgraph.parsed.text_sentences`) found once, the one holding an expression
    by bisection."""

    def __init__(self, text: str):
        self.text = text
        self.spans = text_sentences(text)
        self.starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> str:
        k = max(bisect.bisect_right(self.starts, start) - 1, 0)
        s, e = self.spans[k] if self.spans else (0, len(self.text))
        return self.text[s:max(e, end)].strip()


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
        if d.type in ("DURATION", "SET") and not d.first_day:
            continue
        entries.append(TimelineEntry(d.first_day, d.last_day, d.value, d.text or article.span_text(d.span),
                                     sentences.around(*d.span), d.resolution))
    entries.sort(key=lambda e: (e.start is None, e.start or e.end or "", e.end or ""))
    return entries


def date_lines(article: Article) -> list[str]:
    """Each expression and its resolution, then the timeline."""
    lines = []
    for d in article.dates:
        text = d.text or article.span_text(d.span)
        if d.resolved:
            span = f" [{d.first_day} … {d.last_day}]" if d.first_day and d.last_day and d.first_day != d.last_day else ""
            lines.append(f"“{text}” → {d.type} {d.value}{span} ({d.resolution})")
        else:
            lines.append(f"“{text}” → unresolved: {d.note or 'no normalised value'}")
    tl = [e for e in timeline(article) if e.start]
    if tl:
        lines.append("timeline:")
        for e in tl:
            when = e.start if e.start == e.end or not e.end else f"{e.start} … {e.end}"
            lines.append(f"  {when}: {e.sentence[:120]}")
    return lines


def hedge_lines(article: Article) -> list[str]:
    """Each hedged or negated claim with its cues."""
    lines = []
    for c in claim_certainty(article):
        if c.certainty == "certain":
            continue
        text = article.text[c.span[0]:c.span[1]].strip().replace("\n", " ")
        short = text if len(text) <= 100 else text[:97] + "…"
        lines.append(f"{c.certainty} ({', '.join(c.cues)}) [{c.kind}]: {short}")
    return lines


def check_lines(article: Article) -> list[str]:
    """The verdict first, then the arithmetic."""
    return [f"{c.verdict.upper()} — {c.kind}: {c.derivation}" for c in article.checks]


#: layer name → its section's lines, in the order the report prints them
SECTIONS: dict[str, Callable[[Article], list[str]]] = {
    "quantities": quantity_lines, "dates": date_lines, "hedges": hedge_lines, "checks": check_lines,
}
