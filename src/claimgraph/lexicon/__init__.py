"""Word lists shared by the layers: one list per idea, each with where it comes from.

- Reporting verbs: the "say"-family of Krestel et al. (2008, "Minding the source");
  ``data/cue_verb_classes.tsv`` sorts attribution cues into classes after Levin (1993,
  "English Verb Classes and Alternations") for the cue classifier.
- Evidential verbs: the reporting verbs by which a news outlet or an anonymous collective
  vouches for a claim (*AP notes*, *observers estimate*), after Sauri & Pustejovsky
  (2009, "FactBank") on sources of factuality.
- Quotation marks: the marks of English, German and French news typography (Chicago
  Manual of Style 13.28; Duden; Imprimerie nationale), straight and curly.
- Month and weekday names with their news abbreviations (AP Stylebook, "months").
- :mod:`.gazetteer`: countries, demonyms, organisations and given names (data files).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, ...]]:
    """Lemma → the cue verb classes it belongs to (``data/cue_verb_classes.tsv``)."""
    out: dict[str, list[str]] = {}
    raw = resources.files("claimgraph.data").joinpath("cue_verb_classes.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            cls, lemma = line.split("\t")
            out.setdefault(lemma, []).append(cls)
    return {lemma: tuple(c) for lemma, c in out.items()}


KRESTEL_SAY = frozenset("""
say tell add write note insist claim argue explain announce report state declare warn
suggest confirm deny acknowledge admit assert believe think predict estimate stress
emphasize emphasise tweet post reply respond ask urge vow promise pledge recall describe
call allege contend maintain observe remark comment caution concede reveal disclose
""".split())
# the reporting verbs that make a candidate a plain report and find inverted and adjacent cues;
# widening it to the file's whole "say" class and manner-of-speaking verbs ("quip") was
# measured on PolNeAR's held-out part and cost 0.3 points of end-to-end F1
REPORTING_LEMMAS = KRESTEL_SAY

#: the reporting verbs that frame a quotation in running text ("…," she said / he added),
#: by which coreference gives a quotation's first-person pronouns to the speaker: the
#: plain say-verbs of :data:`REPORTING_LEMMAS` and "continue" (kept narrower than
#: REPORTING_LEMMAS on purpose: "believe", "think" … do not frame quoted words)
QUOTATION_FRAME_VERBS = (REPORTING_LEMMAS & frozenset(
    "say tell add write state explain insist note ask announce claim declare warn reply remark recall".split())
) | {"continue"}

#: verbs by which an outlet or an anonymous collective vouches for a claim ("AP notes")
EVIDENTIAL_LEMMAS = frozenset({"say", "note", "report", "write", "believe", "estimate", "claim"})
#: documents a report may cite ("citing a letter from the employers")
DOCUMENT_NOUNS = frozenset({"letter", "report", "statement", "memo", "document", "email", "e-mail", "filing",
                            "study", "survey", "data", "figure", "record", "analysis", "poll", "note",
                            "transcript", "draft", "copy", "complaint", "lawsuit", "indictment", "affidavit",
                            "order", "ruling", "assessment", "briefing", "presentation", "release", "plan",
                            "suit", "petition", "communique", "declaration", "resolution", "post", "tweet",
                            "notice",
                            "datum"})  # the English model's lemma of "data"

#: every quotation mark the quote step pairs or strips
QUOTE_CHARS = "\"“”‘’«»„"

#: quotation marks of typewriter copy, two characters each (''…'', ``…''), one token each
TYPEWRITER_MARKS = ("''", "``")


def is_quote_mark(tok) -> bool:
    """Is ``tok`` a quotation mark: one of :data:`QUOTE_CHARS`, or a doubled typewriter mark
    (the New York Times' ''…'')?"""
    return tok.text in TYPEWRITER_MARKS or len(tok.text) == 1 and tok.text in QUOTE_CHARS


def quote_mark_between(doc, a: int, b: int) -> bool:
    """Does a quotation mark stand strictly between tokens ``a`` and ``b`` (either order)?"""
    lo, hi = sorted((a, b))
    return any(is_quote_mark(doc[k]) for k in range(lo + 1, hi))


#: the double marks that open or close a quotation (straight and curly)
DOUBLE_MARKS = "\"“”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
#: month names and their abbreviations (AP style, and "sept")
MONTH_WORDS = MONTH_NAMES + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                             "nov", "dec")
#: the first three letters of a month's name → its number
MONTH_NUMBERS = {name[:3]: k for k, name in enumerate(MONTH_NAMES, 1)}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
