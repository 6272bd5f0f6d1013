"""Consistency checks: quantities of one article that follow from each other.

Five relations are tried between quantities that stand close together (the same sentence
or the two before it): a **share** of an amount (*90 – 95% of these funds … the remainder*),
an amount **per period** over a longer period (*$2,000 a month* → a year), **parts and a
total** (*a total of 120 … 80 … and 30*), an **age** against a **birth year** and the
publication date, and a **percent change** between two amounts (*rose from 40 to 50, a 25%
increase*). Each check carries the numbers it used, the arithmetic written out, the
expected interval and the verdict; none is reported without them.

The arithmetic is interval arithmetic (Moore 1966): a range such as *90 – 95%* is
carried as an interval, and the stated value is consistent when its interval meets the
derived one, after allowing for the rounding of the stated figure and for approximate
wording. Relations are found the way quantity-reasoning systems do it (Roy, Vieira & Roth
2015, "Reasoning about Quantities in Natural Language", TACL 3): matching units, a
connective that signals a derivation (*this means*, *so*, *in total*, *the remainder*) and,
where no connective is written, the arithmetic itself must hold for the pair to be
reported.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.step import Step
from claimgraph.model import Check, DateExpr, Quantity
from claimgraph.lexicon.numbers import format_number
from claimgraph.parsed import doc_text
from claimgraph.numbers.quantities import (AGE_UNIT, CURRENCY_SYMBOLS, DURATION_UNITS,
                                            MEASURE_UNITS)

Interval = tuple[float, float]

NON_COUNT_UNITS = frozenset({"percent", AGE_UNIT, *DURATION_UNITS.values(), *MEASURE_UNITS.values()})
WINDOW_SENTENCES = 2  # how far back a related quantity may stand
PERIOD_DAYS = {"day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}
PERIOD_FACTORS = {("month", "year"): 12, ("week", "year"): 52, ("day", "year"): 365,
                  ("day", "month"): 30, ("week", "month"): 52 / 12, ("day", "week"): 7}
LINK_CUES = re.compile(r",\s*or\b|\b(?:this\s+means|that\s+means|which\s+means|meaning|so\s+that|so|thus|"
                       r"therefore|hence|that\s+is|i\.e\.|in\s+other\s+words|works\s+out|amounts?\s+to|"
                       r"in\s+total|a\s+total\s+of|in\s+all|altogether|adds?\s+up|leaving|leaves)\b",
                       re.IGNORECASE)
REMAINDER_CUES = re.compile(r"\b(?:remainder|remaining|the\s+rest|rest\s+of|left\s+over|leaving|leaves|"
                            r"the\s+other|what\s+is\s+left|keep(?:s|ing)?|retain(?:s|ing)?)\b", re.IGNORECASE)
TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|total(?:l?ing)?|out\s+of|of\s+the|all|making|"
                          r"bringing\s+the\s+total\s+to)\s*$", re.IGNORECASE)
TOTAL_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}\s*,?\s+(?:in\s+all|altogether|in\s+total|combined|all\s+told|"
                         r"of\s+whom|of\s+them|of\s+which|including|among\s+them)\b", re.IGNORECASE)
SUM_AFTER = re.compile(r"\b(?:for\s+a\s+total\s+of|a\s+total\s+of|total(?:l?ing)?|making|bringing\s+the\s+total\s+to|"
                       r"altogether|in\s+all|combined)\s*$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|although|though)\b|;|\s[–—-]\s", re.IGNORECASE)
SUM_TAIL = re.compile(r"^(?:\s+[\w-]+){0,2}\s+(?:in\s+all|altogether|in\s+total|combined)\b", re.IGNORECASE)
EXHAUSTIVE_CUES = re.compile(r"\b(?:the\s+rest|the\s+remaining|the\s+others?|remainder|while\s+the\s+other)\b",
                             re.IGNORECASE)
CHANGE_UP = re.compile(r"\b(?:r[io]se|rising|increas\w*|gr[eo]w\w*|jump\w*|climb\w*|soar\w*|up\s+(?:by|from)|gain\w*|"
                       r"doubl\w*|surg\w*)\b", re.IGNORECASE)
CHANGE_DOWN = re.compile(r"\b(?:f[ae]ll\w*|dropp?\w*|declin\w*|decreas\w*|down\s+(?:by|from)|slipp?\w*|plung\w*|"
                         r"shr[ai]nk\w*|cut|lost|los\w*|slump\w*)\b", re.IGNORECASE)
# "rose 14% to …", "up 6%", "a rise of 6%", "a 5% increase": the percent is a change, not a share
CHANGE_PERCENT_BEFORE = re.compile(rf"(?:{CHANGE_UP.pattern}|{CHANGE_DOWN.pattern}|\b(?:up|down))"
                                   r"(?:\s+(?:by|of))?\s+$", re.IGNORECASE)
CHANGE_PERCENT_AFTER = re.compile(r"^[\s-]+(?:increase|rise|gain|jump|drop|fall|decline|cut|decrease|growth|"
                                  r"hike|raise|reduction|climb)s?\b", re.IGNORECASE)
BORN = re.compile(r"\bborn\b|\(b\.\s*$", re.IGNORECASE)


@dataclass
class Item:
    """A quantity with what the checks need: its sentence index and its interval."""

    q: Quantity
    sent: int
    lo: float
    hi: float


# ---------------------------------------------------------------- interval arithmetic
def _mul(a: Interval, b: Interval) -> Interval:
    prods = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
    return min(prods), max(prods)


def _slack(value: float, approximate: bool) -> float:
    """How far a stated figure may sit from the truth: its rounding, or 10% when vague."""
    if approximate:
        return abs(value) * 0.10
    if abs(value - round(value)) < 1e-9:
        digits = str(int(abs(round(value))))
        zeros = len(digits) - len(digits.rstrip("0")) if value else 0
        # "40,000" may be rounded, but not by more than 5%
        return max(min(0.5 * 10 ** zeros, abs(value) * 0.05), 0.5, abs(value) * 0.01)
    return max(0.05, abs(value) * 0.01)


def agrees(expected: Interval, stated: Interval, approximate: bool = False) -> bool:
    """Does the stated figure fit the derived one, allowing for rounding? A stated range
    must match a derived range at both ends; a single figure must fall inside a range."""
    lo_slack, hi_slack = _slack(stated[0], approximate), _slack(stated[1], approximate)
    if expected[1] > expected[0] and stated[1] > stated[0]:
        return abs(expected[0] - stated[0]) <= lo_slack and abs(expected[1] - stated[1]) <= hi_slack
    return expected[0] <= stated[1] + hi_slack and stated[0] - lo_slack <= expected[1]


# ---------------------------------------------------------------- formatting
_SYMBOL_OF = {v: k for k, v in CURRENCY_SYMBOLS.items() if len(k) == 1}  # currency code -> one-character sign


def _money(value: float, unit: Optional[str]) -> str:
    symbol = _SYMBOL_OF.get(unit or "")
    if unit == "USD":
        symbol = "$"
    return f"{symbol}{format_number(value)}" if symbol else f"{format_number(value)} {unit or ''}".strip()


def _range(a: Interval, unit: Optional[str], pct: bool = False) -> str:
    fmt = (lambda v: f"{format_number(v)}%") if pct else (lambda v: _money(v, unit))
    return fmt(a[0]) if abs(a[0] - a[1]) < 1e-9 else f"{fmt(a[0])}..{fmt(a[1])}"


def _interval(q: Quantity) -> Optional[Interval]:
    lo = q.low if q.low is not None else q.high
    hi = q.high if q.high is not None else q.low
    if lo is None or hi is None:
        return None
    return (min(lo, hi), max(lo, hi))


def _is_money(q: Quantity) -> bool:
    return bool(q.unit) and len(q.unit) == 3 and q.unit.isupper()


def _time_per(q: Quantity) -> Optional[str]:
    return next((p for p in q.per if p in PERIOD_DAYS), None)


def _same_measure(a: Quantity, b: Quantity) -> bool:
    """Same unit, and both or neither per share: *$1.87 per share* is not comparable with
    a total of *$412 million*. (A per person may go unwritten: *$2,000 a month per
    person … a soldier keeps $1,200 a year*.)"""
    return a.unit == b.unit and ("share" in a.per) == ("share" in b.per)


# ---------------------------------------------------------------- the checks
class ConsistencyChecker(Step):
    """Find related quantities and check the arithmetic between them."""

    def __init__(self, nlp: Language, name: str = "claimgraph_checks", scorer=None):
        super().__init__(name, scorer)


    def predict(self, doc: Doc) -> list[Check]:
        sent_starts = [s.start_char for s in doc.sents]
        items = []
        for q in doc._.cg_quantities or []:
            iv = _interval(q)
            if iv is None:
                continue
            items.append(Item(q, _sentence_index(sent_starts, q.span[0]), iv[0], iv[1]))
        text = doc_text(doc)
        checks: list[Check] = []
        checks += share_checks(items, text, sent_starts)
        used = {qid for c in checks for qid in c.quantities}
        checks += period_checks([i for i in items if i.q.id not in used], text)
        checks += parts_checks(items, text, sent_starts, _modifiers(doc, items, text))
        checks += change_checks(items, text, sent_starts)
        checks += age_checks(items, doc._.cg_dates or [], text, doc._.cg_published, sent_starts)
        for n, c in enumerate(checks, 1):
            c.id = f"C{n}"
        return checks

    def set_annotations(self, doc: Doc, checks: list[Check]) -> None:
        doc._.cg_checks = checks


def _sentence_index(starts: list[int], pos: int) -> int:
    """Index of the sentence holding ``pos`` (``starts``: sentence start offsets, ascending)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _sentence_end(text: str, starts: list[int], idx: int) -> int:
    return starts[idx + 1] if idx + 1 < len(starts) else len(text)


def _sentence_text(text: str, starts: list[int], idx: int) -> str:
    return text[starts[idx]:_sentence_end(text, starts, idx)]


def _by_sentence(items: list[Item]) -> dict[int, list[Item]]:
    """The items grouped by sentence index, in order of first appearance."""
    by_sent: dict[int, list[Item]] = {}
    for it in items:
        by_sent.setdefault(it.sent, []).append(it)
    return by_sent


def _precedes(a: Item, s: Item) -> bool:
    """``a`` starts no later than ``s``, in its sentence or the WINDOW_SENTENCES before."""
    return s.sent - WINDOW_SENTENCES <= a.sent <= s.sent and a.q.span[0] <= s.q.span[0]


def _period_factor(src: Optional[str], dst: Optional[str]) -> Optional[float]:
    if src == dst:
        return 1.0
    if src is None or dst is None:
        return None
    return PERIOD_FACTORS.get((src, dst))


def _check(kind: str, qs: list[Quantity], derivation: str, ok: bool, stated: Quantity,
           expected: Interval) -> Check:
    verdict = "consistent" if ok else "inconsistent"
    return Check(id="", quantities=[q.id for q in qs], derivation=derivation, verdict=verdict,
                 kind=kind, stated=stated.text, expected=[round(expected[0], 6), round(expected[1], 6)])


def _is_share(p: Item, text: str) -> bool:
    """A percent that can be a share of an amount: not a rate (*4.5% a year*) and not a
    change (*rose 14% to $412 million*, *a rise of 6%*) unless it is *of* something
    (*cut 10% of its budget*)."""
    if p.q.per:
        return False
    start, end = p.q.span
    if re.match(r"\s+of\b", text[end:end + 4]):
        return True
    return not (CHANGE_PERCENT_BEFORE.search(text[max(0, start - 30):start])
                or CHANGE_PERCENT_AFTER.match(text[end:end + 20]))


def share_checks(items: list[Item], text: str, starts: Optional[list[int]] = None) -> list[Check]:
    """A share (or the remainder) of an amount, over the stated amount's period. The
    percent must be a share (:func:`_is_share`); a connective (*this means*, *, or*) links
    the stated amount only from within its own sentence, a remainder cue only after the
    percent."""
    out = []
    for s in items:
        if not _is_money(s.q):
            continue
        sent_start = starts[s.sent] if starts else 0
        for p in items:
            if p.q.unit != "percent" or not _precedes(p, s) or not _is_share(p, text):
                continue
            for a in items:
                if a is s or not _same_measure(a.q, s.q) or not _precedes(a, s):
                    continue
                factor = _period_factor(_time_per(a.q), _time_per(s.q))
                if factor is None:
                    continue
                between = text[max(sent_start, min(a.q.span[0], p.q.span[0])):s.q.span[0]]
                remainder = bool(REMAINDER_CUES.search(text, p.q.span[1], s.q.span[0]))
                linked = bool(LINK_CUES.search(between)) or remainder
                direct = (p.lo / 100, p.hi / 100)
                comp = (1 - p.hi / 100, 1 - p.lo / 100)
                options = [(comp, True), (direct, False)] if remainder else [(direct, False), (comp, True)]
                stated = (s.lo, s.hi)
                chosen = next(((share, is_comp) for share, is_comp in options
                               if agrees(_scale(_mul(share, (a.lo, a.hi)), factor), stated, s.q.approximate)),
                              None)
                if chosen is None and not linked:
                    continue
                share, is_comp = chosen or options[0]
                expected = _scale(_mul(share, (a.lo, a.hi)), factor)
                ok = chosen is not None
                pct = (f"(100% - {_range((p.hi, p.lo), None, pct=True)})" if is_comp
                       else _range((p.lo, p.hi), None, pct=True))
                per_a = _time_per(a.q)
                amount = _money(a.lo, a.q.unit) + (f"/{per_a}" if per_a else "")
                if a.q.bound:
                    amount += f" ({a.q.bound} bound)"
                times = f" x {format_number(factor)} {per_a}s" if factor != 1 else ""
                per_s = _time_per(s.q)
                derivation = (f"{pct} x {amount}{times} = {_range(expected, s.q.unit)}"
                              + (f" per {per_s}" if per_s else "")
                              + f"; stated {_range(stated, s.q.unit)} (“{s.q.text}”)")
                kind = "share of an amount" + (", per " + per_s if per_s and factor != 1 else "")
                out.append(_check(kind, [a.q, p.q, s.q], derivation, ok, s.q, expected))
                break
            else:
                continue
            break
    return out


def _scale(iv: Interval, factor: float) -> Interval:
    return iv[0] * factor, iv[1] * factor


def period_checks(items: list[Item], text: str) -> list[Check]:
    """An amount per month (week, day) against a stated amount per year (month)."""
    out = []
    for s in items:
        ps = _time_per(s.q)
        if not ps or not (_is_money(s.q) or s.q.unit):
            continue
        for a in items:
            pa = _time_per(a.q)
            if a is s or not pa or not _same_measure(a.q, s.q) or pa == ps or not _precedes(a, s):
                continue
            factor = _period_factor(pa, ps)
            if factor is None:
                continue
            expected = _scale((a.lo, a.hi), factor)
            ok = agrees(expected, (s.lo, s.hi), s.q.approximate)
            linked = bool(LINK_CUES.search(text[a.q.span[1]:s.q.span[0]]))
            if not ok and not linked:
                continue
            derivation = (f"{_range((a.lo, a.hi), a.q.unit)}/{pa} x {format_number(factor)} = "
                          f"{_range(expected, s.q.unit)}/{ps}; stated {_range((s.lo, s.hi), s.q.unit)}/{ps}"
                          f" (“{s.q.text}”)")
            out.append(_check(f"per {pa} over a {ps}", [a.q, s.q], derivation, ok, s.q, expected))
            break
    return out


def _is_count(q: Quantity) -> bool:
    """A count of things or people (*120 people*, *80 civilians*), not money or a measure."""
    return bool(q.unit) and not _is_money(q) and q.unit not in NON_COUNT_UNITS


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """``a`` can be a part of the total ``b``: same unit, or both counts (a bare number
    counts what the total counts: *of the 50 passengers, 20 were British*)."""
    if _is_count(b) and (_is_count(a) or a.unit is None):
        return True
    return a.unit == b.unit and a.unit not in (None, AGE_UNIT, "percent")


def _modifiers(doc: Doc, items: list[Item], text: str) -> set[str]:
    """Ids of quantities used as modifiers (*a 200% tariff*, *a 5% rise*): rates, not shares."""
    out = set()
    for it in items:
        span = doc.char_span(it.q.span[1], min(len(text), it.q.span[1] + 30), alignment_mode="expand")
        nxt = next((t for t in span or [] if not t.is_space), None)
        if nxt is not None and nxt.idx >= it.q.span[1] and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
            out.add(it.q.id)
    return out


def parts_checks(items: list[Item], text: str, starts: list[int],
                 modifiers: frozenset[str] = frozenset()) -> list[Check]:
    """A total and its parts in the same clause: the parts may not exceed the total, and
    must add up to it when the sentence says so (*80 men and 40 women, 120 in all*).
    Percentages of one whole (*62% backed it while 47% opposed it*) may not pass 100%."""
    out = []
    for idx, group in _by_sentence(items).items():
        sentence = _sentence_text(text, starts, idx)
        if CHANGE_UP.search(sentence) or CHANGE_DOWN.search(sentence):
            continue
        for t in group:
            before = text[max(starts[idx], t.q.span[0] - 30):t.q.span[0]]
            after = text[t.q.span[1]:t.q.span[1] + 40]
            if not (TOTAL_BEFORE.search(before) or TOTAL_AFTER.match(after)):
                continue
            sums_up = bool(SUM_AFTER.search(before) or SUM_TAIL.match(after))
            clause_end = CLAUSE_BREAK.search(text, t.q.span[1], _sentence_end(text, starts, idx))
            limit = clause_end.start() if clause_end else len(text)
            parts = [p for p in group if p is not t and _same_kind(p.q, t.q) and p.q.unit != "percent"
                     and not p.q.bound and (t.q.span[0] < p.q.span[0] < limit or sums_up)]
            if t.q.unit == "percent" or t.q.bound == "upper" or len(parts) < 2:
                continue
            total = (sum(p.lo for p in parts), sum(p.hi for p in parts))
            # "80 civilians and 40 soldiers, 120 in all": the parts must add up to the total;
            # otherwise ("including", "of whom", "the rest") they may not exceed it
            exact = sums_up and not EXHAUSTIVE_CUES.search(sentence) \
                and t.q.bound is None and all(p.q.span[0] < t.q.span[0] for p in parts)
            if exact:
                ok = agrees(total, (t.lo, t.hi), t.q.approximate)
                rel = "=" if ok else "≠"
            else:
                ok = total[0] <= t.hi + _slack(t.hi, t.q.approximate)
                rel = "<=" if ok else "> "
            sums = " + ".join(format_number(p.lo) if p.lo == p.hi else _range((p.lo, p.hi), "")
                              for p in parts)
            derivation = (f"{sums} = {_range(total, '')} {rel.strip()} total {_range((t.lo, t.hi), '')} "
                          f"{t.q.unit or ''} (“{t.q.text}”)")
            out.append(_check("parts and total", [t.q] + [p.q for p in parts], derivation.strip(), ok,
                              t.q, total))
        # shares of one whole: percentages of the same thing may not pass 100%
        pcts = [p for p in group if p.q.unit == "percent" and not p.q.bound]
        if len(pcts) >= 2 and _exclusive(pcts, sentence, text) \
                and all(p.hi <= 100 and p.q.id not in modifiers for p in pcts):
            total = (sum(p.lo for p in pcts), sum(p.hi for p in pcts))
            exhaustive = bool(EXHAUSTIVE_CUES.search(sentence))
            if total[0] > 100 + 1 or exhaustive:
                ok = agrees((100, 100), total) if exhaustive else False
                derivation = (" + ".join(f"{format_number(p.lo)}%" for p in pcts)
                              + f" = {format_number(total[0])}%, " + ("should be 100%" if exhaustive
                                                                         else "more than 100%"))
                out.append(_check("shares of a whole", [p.q for p in pcts], derivation, ok, pcts[-1].q,
                                  (100.0, 100.0)))
    return out


def _is_change_percent(p: Item, text: str) -> bool:
    """*rose 14%*, *a rise of 6%*, *a 25% increase*: a percent written as a change."""
    start, end = p.q.span
    return bool(CHANGE_PERCENT_BEFORE.search(text[max(0, start - 30):start])
                or CHANGE_PERCENT_AFTER.match(text[end:end + 20]))


def _to_amount(a: Item, group: list[Item], i: int, text: str) -> Optional[Item]:
    """The amount a change from ``a`` goes *to*: *from A to B*, *rose 14% to B from A*, or
    *B, up from A*."""
    def same(x: Item) -> bool:
        return x is not a and (_same_measure(x.q, a.q) or a.q.unit is None)

    def to(x: Item) -> bool:
        return bool(re.search(r"\bto\s*[$€£¥]?$", text[max(0, x.q.span[0] - 6):x.q.span[0]]))

    b = next((x for x in group[i + 1:] if same(x) and to(x)), None)
    if b is None:
        b = next((x for x in reversed(group[:i]) if same(x) and to(x)), None)
    if b is None and re.search(r"\b(?:up|down)\s+from\s*[$€£¥]?$", text[max(0, a.q.span[0] - 12):a.q.span[0]]):
        b = next((x for x in reversed(group[:i]) if same(x) and x.q.unit != "percent"), None)
    return b


_NEXT_WORD = re.compile(r"\s*(?:of\s+\w+\s+)?(\w+)")


def _exclusive(pcts: list[Item], sentence: str, text: str) -> bool:
    """Do the percents share out one whole? A contrast says so (*62% backed it while 47%
    opposed it*); a bare *and* only where both take the same verb (*52% voted yes and 51%
    voted no*): people can hold several views (*two-thirds said the economy was worse, and
    41% named prices*)."""
    if re.search(r"\b(?:while|whereas|but|against|compared\s+with)\b", sentence, re.IGNORECASE):
        return True
    if not re.search(r"\band\b", sentence):
        return False
    words = set()
    for p in pcts:
        m = _NEXT_WORD.match(text, p.q.span[1])
        words.add(m.group(1).lower() if m else None)
    return len(words) == 1 and None not in words


def change_checks(items: list[Item], text: str, starts: list[int]) -> list[Check]:
    """*rose from A to B, a P% increase*, *rose P% to B from A*, *B, up from A, a rise of
    P%*: P against (B − A) / A. P must be written as a change (:func:`_is_change_percent`)."""
    out = []
    for idx, group in _by_sentence(items).items():
        sentence = _sentence_text(text, starts, idx)
        up, down = CHANGE_UP.search(sentence), CHANGE_DOWN.search(sentence)
        if not (up or down):
            continue
        for i, a in enumerate(group):
            if a.q.unit == "percent" and not re.search(r"\bfrom\s*$", text[max(0, a.q.span[0] - 6):a.q.span[0]]):
                continue
            if not re.search(r"\bfrom\s*[$€£¥]?$", text[max(0, a.q.span[0] - 8):a.q.span[0]]):
                continue
            b = _to_amount(a, group, i, text)
            if b is None or a.lo == 0:
                continue
            p = next((x for x in group if x.q.unit == "percent" and x is not a and x is not b
                      and _is_change_percent(x, text)), None)
            if p is None:
                continue
            change = (100 * (b.lo - a.lo) / a.lo, 100 * (b.hi - a.hi) / a.hi)
            expected = (min(change), max(change))
            sign = -1 if (down and not up) or (down and up and down.start() < up.start()) else 1
            stated = (sign * p.lo, sign * p.hi) if sign > 0 else (sign * p.hi, sign * p.lo)
            ok = agrees(expected, stated, p.q.approximate)
            derivation = (f"({format_number(b.lo)} - {format_number(a.lo)}) / {format_number(a.lo)} x 100% = "
                          f"{expected[0]:+.1f}%; stated {'+' if sign > 0 else '-'}{format_number(p.lo)}%"
                          f" (“{p.q.text}”)")
            out.append(_check("percent change", [a.q, b.q, p.q], derivation, ok, p.q, expected))
    return out


def age_checks(items: list[Item], dates: list[DateExpr], text: str, published: Optional[str],
               starts: list[int]) -> list[Check]:
    """An age against a birth year: age = publication year − birth year (−1 before the birthday)."""
    if not published or not re.match(r"\d{4}", published):
        return []
    year = int(published[:4])
    out = []
    births = [d for d in dates if d.value and re.match(r"\d{4}", d.value)
              and BORN.search(text[max(0, d.span[0] - 12):d.span[0]])]
    for b in births:
        bidx = _sentence_index(starts, b.span[0])
        ages = [it for it in items if it.q.unit == AGE_UNIT and abs(it.sent - bidx) <= 1]
        if not ages:
            continue
        age = min(ages, key=lambda it: abs(it.q.span[0] - b.span[0]))
        born = int(b.value[:4])
        expected = (float(year - born - 1), float(year - born))
        ok = expected[0] - 0.5 <= age.lo and age.hi <= expected[1] + 0.5
        derivation = (f"{year} (publication) - {born} (born) = {year - born - 1}..{year - born} years; "
                      f"stated {format_number(age.lo)} (“{age.q.text}”)")
        check = _check("age and birth year", [age.q], derivation, ok, age.q, expected)
        check.quantities.append(b.id)  # the date expression of the birth
        out.append(check)
    return out
