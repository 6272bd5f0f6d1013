"""Dates and times: every temporal expression, resolved against the publication date.

Each expression gets a TimeML TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and ``value``
(``2024-08``, ``1998-08-07``, ``1998-W08``, ``P6W``, ``PRESENT_REF`` …; Pustejovsky et
al. 2003, "TimeML", and the TIDES 2005 normalisation guidelines, Ferro et al.), an ISO
interval (``start``/``end``) where one follows, a confidence flag — ``exact`` when the
text names the date in full, ``high`` for deixis resolved against the publication date
(*yesterday*, *last year*, *six weeks ago*), ``low`` where the year or direction had to be
inferred (*in August*, *on Tuesday*) or the reference is vague (*these days*) — and
``resolved`` False with a note when no publication date is known.

Method: the rule-based approach of HeidelTime (Strötgen & Gertz 2013, "Multilingual and
cross-domain temporal tagging", LRE 47) — extraction by regular patterns, normalisation
by rules that read the document creation time and the tense of the governing verb (as in
HeidelTime's news strategy: past tense points back, *will* points forward). Patterns run
on the text, the parse is only read for tense; no dateparser call is needed.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.dates.patterns import DateMatch
from claimgraph.dates.scan import find_dates
from claimgraph.dates.tense import tense_reader
from claimgraph.model import DateExpr
from claimgraph.parsed import doc_text
from claimgraph.step import Step


def parse_dct(published: Optional[str]) -> Optional[dt.date]:
    """The publication date from an ISO date or timestamp, or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", str(published))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class DateTagger(Step):
    """Find temporal expressions and resolve them against ``doc._.cg_published``."""

    def __init__(self, nlp: Language, name: str = "claimgraph_dates", scorer=None):
        super().__init__(name, scorer)

    def predict(self, doc: Doc) -> list[DateExpr]:
        dct = parse_dct(doc._.cg_published)
        text = doc_text(doc)
        matches = find_dates(text, dct, tense_reader(doc))
        return [to_record(i, m, text) for i, m in enumerate(matches, 1)]

    def set_annotations(self, doc: Doc, dates: list[DateExpr]) -> None:
        doc._.cg_dates = dates

    def resolve(self, doc: Doc, published: Optional[str]) -> list[DateExpr]:
        """Re-read the dates of an already parsed doc against another publication date."""
        doc._.cg_published = published
        return self.predict(doc)


def to_record(i: int, m: DateMatch, text: str) -> DateExpr:
    return DateExpr(id=f"D{i}", span=(m.start, m.end), value=m.value, resolved=m.resolved,
                    resolution=m.confidence if m.resolved else "low", type=m.type,
                    text=text[m.start:m.end], first_day=m.start_date, last_day=m.end_date, note=m.note)
