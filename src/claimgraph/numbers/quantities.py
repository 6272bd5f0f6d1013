"""Quantities: every amount in the article, normalised.

A quantity is a number or a range (*90 – 95%*, *1,200 – 2400 dollars*, *between 200 and
300 people*), written in digits or words (*two dozen*, *3.5 million*) or vaguely
(*several hundred*, *thousands of*), with its unit (ISO currency, percent, km², years of
age, durations, or the counted noun), what it is per (*a month per person*), whether it is
approximate (*about*, *some*) and whether it is only a bound (*no less than $2,000* → lower
bound, *below $1* → upper bound).

Method: a regular grammar over the text finds the number and its modifiers, in the
tradition of rule-based numeric-expression taggers for news (the TIMEX/NUMEX rules of
MUC-7, Chinchor 1998; Roy, Vieira & Roth 2015, "Reasoning about Quantities in Natural
Language", TACL 3, for the value/unit/change decomposition); the dependency parse then
supplies what the number counts (the noun the number modifies, ``nummod``, or the object
of *of* after a vague amount). Years, clock times and day numbers of dates are left to
the date layer. Number words are parsed by :mod:`claimgraph.numbers` (own code; see its
docstring for why not text2num / quantulum3 / number-parser).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.step import Step
from claimgraph.lexicon import MONTH_WORDS
from claimgraph.model import Quantity
from claimgraph.lexicon.numbers import (NUMBER, ONES, SCALES, TENS, VAGUE_NUMBER, parse_number,
                                vague_range)
from claimgraph.parsed import merge_windows
from claimgraph.parsed import doc_text

# ---------------------------------------------------------------- lexicon
LOWER_BOUND = ("no less than", "not less than", "no fewer than", "not fewer than", "at least",
               "more than", "over", "above", "upwards of", "in excess of", "exceeding",
               "well over", "just over", "a minimum of", "a record")
UPPER_BOUND = ("less than", "fewer than", "under", "below", "up to", "at most", "no more than",
               "not more than", "as many as", "as much as", "just under", "a maximum of")
APPROXIMATE = ("about", "around", "some", "roughly", "approximately", "nearly", "almost",
               "close to", "an estimated", "estimated", "an approximate", "approx.", "circa",
               "more or less", "or so")
_MODIFIERS = sorted(LOWER_BOUND + UPPER_BOUND + APPROXIMATE, key=len, reverse=True)

CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
                    "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB",
                    "₴": "UAH", "₹": "INR", "₺": "TRY", "₪": "ILS"}
CURRENCY_WORDS = {"dollar": "USD", "us dollar": "USD", "euro": "EUR", "pound": "GBP",
                  "pound sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "won": "KRW", "rouble": "RUB", "ruble": "RUB", "hryvnia": "UAH",
                  "rupee": "INR", "franc": "CHF", "lira": "TRY", "shekel": "ILS",
                  "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
                  "rub": "RUB", "uah": "UAH", "krw": "KRW", "inr": "INR", "chf": "CHF"}
MEASURE_UNITS = {"square kilometer": "km2", "square kilometre": "km2", "sq km": "km2",
                 "km2": "km2", "km²": "km2", "square mile": "mi2", "sq mi": "mi2",
                 "hectare": "ha", "acre": "acre", "kilometer": "km", "kilometre": "km",
                 "km": "km", "mile": "mi", "meter": "m", "metre": "m", "tonne": "t",
                 "ton": "t", "kilogram": "kg", "kg": "kg", "barrel": "barrels",
                 "percentage point": "percentage points", "degree": "degrees"}
DURATION_UNITS = {"decade": "decades", "year": "years", "month": "months", "week": "weeks",
                  "day": "days", "hour": "hours", "minute": "minutes", "second": "seconds"}
AGE_UNIT = "years of age"
PER_WORDS = {"month": "month", "year": "year", "day": "day", "week": "week", "hour": "hour",
             "person": "person", "head": "person", "capita": "person", "soldier": "person",
             "worker": "person", "employee": "person", "household": "household", "share": "share",
             "monthly": "month", "annually": "year", "yearly": "year", "daily": "day",
             "weekly": "week", "hourly": "hour", "annum": "year"}
MONTHS = MONTH_WORDS

CURRENCY_UNITS = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
# a verb with tense: the noun before it is a subject (*analysts had expected*)
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# dependency label of the object of "of" (*thousands of people*)
OF_OBJECT_DEPS = {"pobj"}

# ---------------------------------------------------------------- grammar
_CUR = r"(?P<{name}>US\$|A\$|C\$|HK\$|NZ\$|[$€£¥₩₽₴₹₺₪]|(?:USD|EUR|GBP|JPY|CNY|RUB|UAH|KRW)\s)"
_MOD = r"(?:(?P<mod>" + "|".join(re.escape(m) for m in _MODIFIERS) + r")\s+)?"
QUANTITY = re.compile(
    r"(?<![\w$€£¥])(?<![A-Za-z]-)"
    + _MOD
    + r"(?P<between>between\s+|from\s+)?"
    + r"(?:" + _CUR.format(name="cur1") + r"\s?)?"
    + rf"(?P<n1>{VAGUE_NUMBER}|{NUMBER})"
    + r"(?P<short1>(?<=\d)(?:bn|mn|tn|m|k)\b)?"
    # "250% to 390%": a percent sign on both ends of a range
    + r"(?:(?P<pct1>\s?%|\s+percent\b|\s+per\s?cent\b)(?=\s*[-–—]\s*\d|\s+to\s+\d|\s+and\s+\d))?"
    + r"(?:(?P<sep>\s*[-–—]\s*|\s+to\s+|(?(between)\s+and\s+|(?!)))"
    + r"(?:" + _CUR.format(name="cur2") + r"\s?)?"
    + rf"(?P<n2>{NUMBER})(?P<short2>(?<=\d)(?:bn|mn|tn|m|k)\b)?)?"
    + r"(?P<pct>\s?%|\s+percent\b|\s+per\s?cent\b)?",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"(?P<age>[\s-]*years?[\s-]+old\b)"
    r"|[\s-]*(?P<word>(?:US\s+)?dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|renminbi"
    r"|won|r[ou]bles?|hryvnias?|rupees?|(?:swiss\s+)?francs?|lira|shekels?"
    r"|USD|EUR|GBP|JPY|CNY|RUB|UAH|KRW|INR|CHF"
    r"|(?:square|sq\.?)\s+(?:kilomet(?:er|re)s?|km|miles?)|km2|km²|sq\s?km|hectares?|acres?"
    r"|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|tonnes?|tons?|kilograms?|kg|barrels?"
    r"|percentage\s+points?|degrees?"
    r"|decades?|years?|months?|weeks?|days?|hours?|minutes?|seconds?)(?![\w²])",
    re.IGNORECASE)
_PER_AFTER = re.compile(
    r"(?:,?\s*(?:(?:a|an|per|each|every)\s+|/\s*)(?P<per>month|year|day|week|hour|person|head|capita"
    r"|soldier|worker|employee|household|annum|share)\b|\s+(?P<adv>monthly|annually|yearly|daily"
    r"|weekly|hourly)\b)", re.IGNORECASE)
# "$361 million a year earlier", "7.4% a month before": the time of a comparison, not a rate
_COMPARISON_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|previously|prior|back)\b", re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"\b(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+$",
                              re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+$", re.IGNORECASE)
_SENTENCE_PER = re.compile(r"\b(?:for|in)\s+(?:a|one|each)\s+(?P<p>year|month|week|day)(?:'s|’s)?\b"
                           r"|\bper\s+(?P<q>year|month|week|day)\b|\b(?P<r>annual(?:ly)?|yearly|monthly)\b",
                           re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTHS) + r")\b",
                          re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d\d|\s*[ap]\.?m\b|\s*GMT|\s*(?:st|nd|rd|th)\b|s\b|'s\b|\.\d)",
                         re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
#: "ranged / ranging / varied from A to B": a span of values, not a change from A to B
_RANGE_VERB_BEFORE = re.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere)\s+$", re.IGNORECASE)
# a noun a number names one of ("type 2 diabetes", "Article 5", "Section 230", "size 40"):
# the number is a label, not an amount (MUC-7's NUMEX leaves identifiers out, Chinchor 1998)
_LABEL_BEFORE = re.compile(r"\b(?:number|no\.|type|level|phase|category|article|section|stage|grade|size"
                           r"|chapter|round|game|flight|route|tier|class|model|version|channel|gate|room"
                           r"|platform|ward|precinct|amendment|page|item|rule|line|lane|terminal|unit)\s*$",
                           re.IGNORECASE)
# fractions and ratios, read as percent: "a third of", "two-thirds of", "half of", "one in five"
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?!\d))"
FRACTION = re.compile(
    r"(?<![\w$€£¥-])" + _MOD.replace("?P<mod>", "?P<fmod>")
    + r"(?:(?:(?P<fnum>an?|" + _SMALL + r")[\s-]+)?(?P<fden>half|halves|(?:third|quarter|fifth|sixth|seventh"
    r"|eighth|ninth|tenth)s?)(?=\s+of\b)"
    r"|(?P<inum>" + _SMALL + r")\s+in\s+(?:every\s+)?(?P<iden>" + _SMALL + r")\b)",
    re.IGNORECASE)


@dataclass
class QuantityMatch:
    """One quantity found in the text, before it becomes a :class:`Quantity` record."""

    start: int
    end: int
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    per: list[str]
    approximate: bool
    bound: Optional[str]
    number_end: int  # where the number (and its unit) ends: the counted noun follows
    text_is_digits: bool = True


def _singular(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = re.sub(r"\s+", " ", w)
    for plural, single in (("ies", "y"), ("es", "e"), ("s", "")):
        if w.endswith(plural) and w[:-len(plural)] + single in _UNIT_LOOKUP:
            return w[:-len(plural)] + single
    return w


_UNIT_LOOKUP = {**CURRENCY_WORDS, **MEASURE_UNITS, **DURATION_UNITS}


def _unit_of(word: str) -> Optional[str]:
    key = _singular(word)
    key = re.sub(r"^sq\.? ", "square ", key).replace("kilometres", "kilometre")
    key = key.replace("swiss ", "")
    return CURRENCY_WORDS.get(key) or MEASURE_UNITS.get(key) or DURATION_UNITS.get(key)


def _currency(symbol: Optional[str]) -> Optional[str]:
    if not symbol:
        return None
    s = symbol.strip().lower()
    return CURRENCY_SYMBOLS.get(s) or CURRENCY_WORDS.get(s)


def _value(text: str, short: Optional[str]) -> tuple[Optional[float], Optional[float], bool]:
    """(low, high, vague) of one number as written."""
    vague = vague_range(text)
    if vague is not None:
        return vague[0], vague[1], True
    value = parse_number(text + (" " + short if short else ""))
    return value, value, False


_TRIGGER_WORDS = frozenset(set(ONES) | set(TENS) | set(SCALES) | {
    "dozen", "dozens", "several", "few", "couple", "handful", "tens", "hundreds", "thousands", "millions",
    "billions", "scores", "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
    "tenth", "tenths"})
_WORD = re.compile(r"\w+")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches around digits and number words: the grammar only runs there (a quantity
    starts at most a modifier before its number and ends within a unit and a *per*)."""
    hits = (m.span() for m in _WORD.finditer(text)
            if m.group()[0].isdigit() or m.group().lower() in _TRIGGER_WORDS)
    return merge_windows(text, hits, before=40, after=90)


def find_quantities(text: str, pos: int = 0, endpos: Optional[int] = None) -> list[QuantityMatch]:
    """All quantities in ``text[pos:endpos]`` (a pure function of the text; no parse)."""
    if pos == 0 and endpos is None:
        found = []
        for a, b in _windows(text):
            found.extend(find_quantities(text, a, b))
        return found
    found = _fractions(text, pos, len(text) if endpos is None else endpos)
    taken = [(f.start, f.end) for f in found]
    for m in QUANTITY.finditer(text, pos, len(text) if endpos is None else endpos):
        n1 = m.group("n1")
        if n1.lower() in ("a", "an"):
            continue
        if any(a <= m.start("n1") < b for a, b in taken):
            continue  # the "two" of "two-thirds", the "five" of "one in five"
        start, end = m.start(), m.end()
        before = text[max(0, start - 20):start]
        after = text[end:end + 12]
        cur = _currency(m.group("cur1") or m.group("cur2"))
        pct = bool(m.group("pct") or m.group("pct1"))
        # dates and times belong to the date layer
        if not cur and not pct:
            if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
                continue
            if _TIME_AFTER.match(after):
                continue
            if not m.group("n2") and _YEAR.match(n1) and not _UNIT_AFTER.match(after):
                continue
            if m.group("n2") and _YEAR.match(n1) and _YEAR.match(m.group("n2")):
                continue
        if after[:1].isalpha() and not m.group("short1") and not m.group("short2") \
                and not n1[-1:].isalpha():
            continue  # "11th", "G7", "3D"
        if _LABEL_BEFORE.search(before):
            continue  # "No. 3", "type 2 diabetes", "a Category 4 hurricane": a name, no amount
        if n1.lower() == "one" and (m.group("between") or "").lower().startswith("from") and not m.group("n2"):
            continue  # "from one place to another"
        low, high, vague = _value(n1, m.group("short1"))
        if low is None:
            continue
        if m.group("n2"):
            low2, high2, _ = _value(m.group("n2"), m.group("short2"))
            if low2 is None:
                continue
            if m.group("between") and m.group("between").lower().startswith("from") \
                    and not _RANGE_VERB_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                    or low2 < low or m.group("pct1") and not m.group("pct"):
                # "from 5% to 7%", "rose 40% to 210": two amounts, not a range; keep the
                # first, rescan the second
                second = m.start("cur2") if m.group("cur2") else m.start("n2")
                found.extend(find_quantities(text, second, m.end()))
                end = m.end("pct1") if m.group("pct1") else m.end("n1") + len(m.group("short1") or "")
                start = m.start("cur1") if m.group("cur1") else m.start("n1")
            else:
                high = high2
        elif m.group("between"):  # a lone "between 5" or "from 5": the number only
            start = m.start("cur1") if m.group("cur1") else m.start("n1")
        unit, per = None, []
        if pct:
            unit = "percent"
        elif cur:
            unit = cur
        u = _UNIT_AFTER.match(text, end)
        if u and not pct:
            if u.group("age"):
                unit = AGE_UNIT
                end = u.end()
            elif not cur or _unit_of(u.group("word")) == cur:
                unit = _unit_of(u.group("word")) or u.group("word").lower()
                end = u.end()
        if unit is None and _AGE_BEFORE.search(before):
            unit = AGE_UNIT
        if unit in DURATION_UNITS.values():
            d = _DURATION_BEFORE.search(before)
            if d:
                start -= len(before) - d.start()
        number_end = end
        while True:
            p = _PER_AFTER.match(text, end)
            if not p or p.group("per") and _COMPARISON_AFTER.match(text, p.end()):
                break
            per.append(PER_WORDS[(p.group("per") or p.group("adv")).lower()])
            end = p.end()
        mod = (m.group("mod") or "").lower()
        bound = "lower" if mod in LOWER_BOUND else "upper" if mod in UPPER_BOUND else None
        if bound == "lower" and not m.group("n2"):
            high = None
        elif bound == "upper" and not m.group("n2"):
            low = None
        approximate = vague or mod in APPROXIMATE or mod in ("as many as", "as much as")
        found.append(QuantityMatch(start, end, low, high, unit, per, approximate, bound,
                                   number_end, text_is_digits=bool(cur or pct or re.search(r"\d", n1))
                                   or bool(mod)))
    return sorted(found, key=lambda q: q.start)  # a rescanned second amount comes after the first


# an ordinal or "the latter" before a bare "half": a part of a period or a match, not a share
_PART_OF_TIME = re.compile(r"\b(?:first|second|latter|former|back|front)\s+$", re.IGNORECASE)


def _small(word: str) -> float:
    return 1.0 if word.lower() in ("a", "an") else parse_number(word) or 0.0


def _fractions(text: str, pos: int, endpos: int) -> list[QuantityMatch]:
    """*a third of*, *two-thirds of*, *half of*, *one in five*: a share, in percent."""
    out = []
    for m in FRACTION.finditer(text, pos, endpos):
        if m.group("fden"):
            den_word = m.group("fden").lower()
            if not m.group("fnum") and not den_word.startswith("half") \
                    or re.search(r"\band\s+$", text[max(0, m.start() - 5):m.start()]):
                continue  # "thirds of" alone; "one and a half"
            if not m.group("fnum") and _PART_OF_TIME.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "the first half of the year", "the second half of March": a period, no share
            num = _small(m.group("fnum") or "one")
            den = _DENOMINATORS[den_word.rstrip("s") if den_word != "halves" else "half"]
        else:
            if _UNIT_AFTER.match(text, m.end()):
                continue  # "2 in 10 minutes": not a ratio
            num, den = _small(m.group("inum")), _small(m.group("iden"))
        if not num or not den or num > den:
            continue
        mod = (m.group("fmod") or "").lower()
        value = 100 * num / den
        bound = "lower" if mod in LOWER_BOUND else "upper" if mod in UPPER_BOUND else None
        out.append(QuantityMatch(m.start(), m.end(), None if bound == "upper" else value,
                                 None if bound == "lower" else value, "percent", [],
                                 mod in APPROXIMATE, bound, m.end()))
    return out


class QuantityTagger(Step):
    """Find and normalise quantities; the parse tells what each one counts."""

    def __init__(self, nlp: Language, name: str = "claimgraph_quantities", scorer=None):
        super().__init__(name, scorer)


    def predict(self, doc: Doc) -> list[Quantity]:
        text = doc_text(doc)
        out: list[Quantity] = []
        seen: set[tuple[int, int]] = set()
        bounds: Optional[list[int]] = None  # sentence starts, computed when first needed
        for q in sorted(find_quantities(text), key=lambda q: q.start):
            if (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            counts, unit = None, q.unit
            if unit is None and _apposed_age(doc, text, q):
                unit = AGE_UNIT  # "said Tom Barker, 28, who …"
            if unit is None:
                counts, head = _counted(doc, text, q.number_end)
                if head is not None and not (q.low == 1 and text[q.number_end:q.number_end + 3] == " of"):
                    unit = head
                elif not q.text_is_digits:
                    continue  # "the two agreed", "one of them": a pronoun, not an amount
                else:
                    counts = None
            elif unit not in ("percent", AGE_UNIT) and unit not in DURATION_UNITS.values():
                counts, _ = _counted(doc, text, q.end, money=unit in CURRENCY_UNITS)
            elif unit == "percent":
                counts, _ = _counted(doc, text, q.end, of_only=True)
            per = list(q.per)
            if unit and unit.isupper() and len(unit) == 3 and not per:
                if bounds is None:
                    bounds = [sent.start_char for sent in doc.sents]
                per = _sentence_per(bounds, q.start, q.end, text)
            out.append(Quantity(id=f"N{len(out) + 1}", span=(q.start, q.end), low=q.low,
                                high=q.high, unit=unit, per=per, approximate=q.approximate,
                                bound=q.bound, counts=counts, text=text[q.start:q.end]))
        return out

    def set_annotations(self, doc: Doc, quantities: list[Quantity]) -> None:
        doc._.cg_quantities = quantities


def _apposed_age(doc: Doc, text: str, q: QuantityMatch) -> bool:
    """"said Tom Barker, 28, who …", "Giulia Rossi, 54, a teacher": a bare whole number set
    off by commas right after a person's name is the person's age."""
    number = text[q.start:q.end]
    if not number.isdigit() or not 0 < int(number) < 115 or q.high not in (None, q.low) \
            or text[q.end:q.end + 1] != "," or not text[:q.start].endswith(", "):
        return False
    if any(e.type == "PERSON" and any(b == q.start - 2 for _, b in e.mentions)
           for e in (doc._.cg_entities if doc.has_extension("cg_entities") else None) or []):
        return True
    span = doc.char_span(q.start - 3, q.start - 2, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].ent_type_ == "PERSON" \
        and span[-1].idx + len(span[-1].text) == q.start - 2


def _counted(doc: Doc, text: str, end: int, of_only: bool = False,
             money: bool = False) -> tuple[Optional[str], Optional[str]]:
    """What the number ending at ``end`` counts: (noun phrase, head noun) or (None, None).
    After money, a plural noun or a name with its own verb starts the next clause (*the
    $3.7 billion analysts had expected*): money is not a count of analysts (but *$2 million
    projects were cut*: a form of *be* leaves the noun the amount's)."""
    tok = _token_at(doc, text, end)
    if tok is None or tok.is_sent_start or re.search(r"[.!?;:,()]", text[end:tok.idx]):
        return None, None
    if tok.lower_ == "of":
        objs = [c for c in tok.children if c.dep_ in OF_OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")]
        if not objs:
            return None, None
        head = objs[0]
        first = tok.i + 1
    elif of_only:
        return None, None
    else:
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None, None
        head = _numbered_noun(doc, tok)
        if head is None:
            head = tok
            while head.i + 1 < len(doc) and head.pos_ != "NOUN" and doc[head.i + 1].pos_ in (
                    "NOUN", "PROPN", "ADJ") and head.i - tok.i < 4:
                head = doc[head.i + 1]
        while head.i + 1 < len(doc) and head.dep_ == "compound" and (
                doc[head.i + 1].pos_ == "NOUN" or _misread_plural(head, doc[head.i + 1])):
            head = doc[head.i + 1]
        if head.pos_ not in ("NOUN", "PROPN") and not _misread_plural(doc[head.i - 1], head):
            return None, None
        first = tok.i
    if head.i < first:
        return None, None
    if money and (head.tag_ in ("NNS", "NNPS") or head.pos_ == "PROPN") and head.i + 1 < len(doc) \
            and doc[head.i + 1].tag_ in _FINITE_VERB_TAGS and doc[head.i + 1].lemma_ != "be":
        return None, None
    if doc[first].lower_ in ("last", "this", "next", "previous", "each", "every", "per") \
            or head.lemma_ in DURATION_UNITS or head.lower_ in DURATION_UNITS.values():
        return None, None  # "300 last year", "20 a day": a date or rate follows, not the counted thing
    word_start = head.i
    while head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and not head.whitespace_ \
            and not doc[head.i + 1].whitespace_:
        head = doc[head.i + 2]  # "al-Shabab", "Russian-speaking": one word
    while word_start >= 2 and doc[word_start - 1].text == "-" and not doc[word_start - 2].whitespace_ \
            and not doc[word_start - 1].whitespace_ and word_start - 2 >= first:
        word_start -= 2
    span = doc[first:head.i + 1]
    word = doc[word_start:head.i + 1].text
    return span.text, word if head.pos_ == "PROPN" else word.lower()


def _numbered_noun(doc: Doc, first):
    """The noun the number right before ``first`` modifies, by the parse (*three northern
    U.S. states* → *states*, not the *U.S.* between), when the parse has one within a few
    words; else None."""
    if first.i == 0:
        return None
    num = doc[first.i - 1]
    head = num.head
    if num.dep_ not in ("nummod", "quantmod", "amod", "compound") or head.i < first.i \
            or head.i - first.i > 4 or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.is_punct and t.text not in ("-", ".") for t in doc[first.i:head.i]):
        return None
    return head


def _misread_plural(modifier, tok) -> bool:
    """*three northern U.S. states that border …*: a plural noun the tagger read as a verb
    (VBZ), right after the compound that modifies it."""
    return (modifier.dep_ == "compound" and modifier.head.i == tok.i and tok.tag_ == "VBZ"
            and tok.is_lower and tok.text.endswith("s"))


def _token_at(doc: Doc, text: str, char: int):
    """The first non-space token starting at or after ``char``."""
    span = doc.char_span(char, min(len(text), char + 40), alignment_mode="expand")
    for tok in span or []:
        if not tok.is_space and tok.idx >= char:
            return tok
    return None


def _sentence_per(bounds: list[int], start: int, end: int, text: str) -> list[str]:
    """A money amount with no *per* of its own takes the sentence's *for a year*."""
    i = bisect.bisect_right(bounds, start) - 1
    sent_start = bounds[i] if i >= 0 else 0
    sent_end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
    m = _SENTENCE_PER.search(text, sent_start, sent_end)
    if not m:
        return []
    if m.start() >= end and m.start() - end < 3:
        return []  # the amount's own "a month" was already read
    word = (m.group("p") or m.group("q") or m.group("r")).lower()
    return [PER_WORDS.get(word, "year" if word.startswith("annual") else word)]
