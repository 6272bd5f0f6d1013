"""Page furniture: the parts of a news page that are not the article's statements.

Copy taken from the web keeps the lines a page puts around and inside a story: links to
other stories (*WATCH: …*, *READ MORE: …*, *ALSO READ: …*), photo captions and credits
(*FILE - … (AP Photo/…)*, *(Photo by … / AFP)*, *Photo credit: …*) and the dateline
(*LAGOS (Staff report) —*), and a sub-heading run into the text, quoted or not
(:func:`claimgraph.parsed.run_in_headings` finds the unquoted ones on the tagged doc). A verb of saying in a link's title is another story's
statement, a photo credit names a photographer, not a speaker, and a dateline is neither
a person nor a source. :func:`furniture_spans` finds these stretches on the working copy
of the text; the quote and source steps drop the statements whose cue or speaker lies in
one and trim a content that starts in one (see :func:`clear_of_furniture`).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional

from spacy.tokens import Doc

from claimgraph.lexicon import QUOTATION_FRAME_VERBS, REPORTING_LEMMAS
from claimgraph.parsed import DATELINE, doc_text, run_in_heading_spans

Span = tuple[int, int]

# a link to another story: the marker at the start of a line, or (in capitals) after a
# sentence whose paragraph break the extraction lost
_LINK_WORDS = r"WATCH|READ MORE|READ ALSO|ALSO READ|READ|RELATED(?: STORY| ARTICLE| COVERAGE| VIDEO)?|SEE ALSO|LISTEN|VIDEO"
_LINK_TITLE = r"Watch|Read [Mm]ore|Read [Aa]lso|Also [Rr]ead|Related(?: [Ss]tory| [Aa]rticle)?|See [Aa]lso|Listen"
LINK = re.compile(rf"(?m)(?:^[ \t]*(?:{_LINK_WORDS}|{_LINK_TITLE})|(?<=[.!?”\"’] )(?:{_LINK_WORDS}))\s*:[ \t]+")
# a photo credit in brackets: (AP Photo/Name, File), (Photo: Name/Reuters), (Photo by Name / AFP)
CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s+)?(?:Photo|PHOTO|Photograph|Picture|Image|Video)s?\b[^()\n]{0,100}\)")
# a picture agency and its photographer in brackets: "(Reuters/Ivan Alvarado)", "(AFP/Getty Images)"
# (one side a picture agency: "(Air France/KLM)", "(Pfizer/BioNTech)" are the story's own)
_CAP_WORDS = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
_PICTURE_AGENCY = (r"(?:Reuters|AP|AFP|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Bloomberg|Xinhua|Anadolu(?: Agency)?|"
                   r"ANP|dpa|DPA|PA(?: Images| Wire)?|AAP|Kyodo|Yonhap|TASS|Sputnik|NurPhoto|ZUMA(?: Press)?|"
                   r"Shutterstock|SIPA|Sipa(?: USA)?|Alamy|Jiji(?: Press)?|SOPA Images|LightRocket|Bloomberg News)")
CREDIT_SLASH = re.compile(rf"\((?:{_PICTURE_AGENCY}\s*/\s*{_CAP_WORDS}|{_CAP_WORDS}\s*/\s*{_PICTURE_AGENCY})"
                          rf"(?:,\s*(?:File|FILE))?\)")
# a caption or credit line: FILE - …, Photo: …, Photo credit: …, Credit: …, Photo by …
CAPTION_LINE = re.compile(r"(?m)^[ \t]*(?:FILE(?: PHOTO)?\s*[-–—:]|File\s*(?:photo\s*)?[-–—:]|"
                          r"(?:Photo|Picture|Image)s?(?:\s+[Cc]redit)?\s*(?::|by\b)|Credits?\s*:|Courtesy\s*:)"
                          r"[^\n]*")
# what names a photographer or an agency's picture service, not anyone in the story
CREDIT_LINE = re.compile(r"(?m)^[ \t]*(?:(?:Photo|Picture|Image)s?\s+(?:[Cc]redits?\s*:|by\b)|Credits?\s*:|"
                         r"Courtesy\s*:)[^\n]*")
FILE_MARK = re.compile(r"(?m)^[ \t]*(?:FILE(?: PHOTO)?|File(?: photo)?)(?=\s*[-–—:])")
_FRAME_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",)}


def _frame_verb_forms() -> list[str]:
    """The finite forms of every reporting verb (:data:`REPORTING_LEMMAS`, "continue"):
    "insisted", "argues", "denied", "admitted" frame a quotation as "said" does."""
    forms: set[str] = set()
    for lemma in REPORTING_LEMMAS | QUOTATION_FRAME_VERBS:
        forms.update((lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed"))
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.update((lemma[:-1] + "ies", lemma[:-1] + "ied"))
        if re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma) and len(lemma) > 3:
            forms.add(lemma + lemma[-1] + "ed")  # admitted, regretted
        forms.update(_FRAME_IRREGULAR.get(lemma, ()))
    return sorted(forms, key=lambda f: (-len(f), f))


# a quoted sub-heading run into the text by an extraction that lost its line breaks: after
# a sentence's end, a short quotation of two words or more (not a nickname: C.L. "Butch"
# Otter) with no punctuation of its own and none after its
# closing mark, then the capitalised start of the next sentence ("… each year. ‘We are very
# concerned’ In a statement, …") — not when a frame of its own follows ("“We will win” Trump
# said on Monday.", a comma lost in the copy), only a clause that reports something else
# ("‘We need to closely monitor’ The rights groups told VOA that …")
#: the finite reporting verbs as one regex alternation ("said|says|insisted|…")
FRAME_VERBS = "|".join(_frame_verb_forms())
QUOTED_HEADING = re.compile(r"(?:(?<=[.!?”’\"'] )|(?<=^))(?:[‘“\"](?=\w+ \w)[^‘’“”\"\n.!?,;:]{3,80}?\s?[’”\"]"
                            r"|'(?=\w+ \w)[^‘’“”\"'\n.!?,;:]{3,80}?')(?= [A-Z])"
                            r"(?! (?:\S+ ){0,3}(?:" + FRAME_VERBS + r")\b"
                            r"(?: [^\s.,;]+){0,3}[.,;])",
                            re.M)
_NEW_SENTENCE_IN_TITLE = re.compile(r"(?<=[a-z0-9’'])\s+(?=[A-Z][a-z])|[.!?](?=\s)")


def furniture_spans(text: str) -> list[Span]:
    """Sorted, non-overlapping stretches of ``text`` that are page furniture."""
    spans: list[Span] = []
    for m in LINK.finditer(text):
        own_line = m.start() == 0 or text[m.start() - 1] == "\n" or not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        spans.append((m.start(), _title_end(text, m.end(), own_line)))
    spans += [m.span() for m in CREDIT.finditer(text)]
    spans += [m.span() for m in CAPTION_LINE.finditer(text)]
    spans += [m.span() for m in QUOTED_HEADING.finditer(text)]
    for m in DATELINE.finditer(text):
        start = m.start()
        while start < m.end() and text[start].isspace():
            start += 1
        spans.append((start, m.end()))
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    """Sorted spans, overlapping ones joined."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def credit_spans(text: str) -> list[Span]:
    """Photo credits and the FILE mark of a caption: the names there (*AP Photo/…*,
    *Name / AFP*) are no entities of the story."""
    spans = [m.span() for m in CREDIT.finditer(text)]
    spans += [m.span() for m in CREDIT_LINE.finditer(text)]
    spans += [m.span() for m in CREDIT_SLASH.finditer(text)]
    spans += [m.span() for m in FILE_MARK.finditer(text)]
    return sorted(spans)


def _title_end(text: str, start: int, own_line: bool) -> int:
    """Where a link's title ends: the first word that starts a new sentence, where the
    extraction ran the title into the story ("WATCH: … video report Members of the
    opposition …" → before "Members"); else the end of its line (a title on a line of its
    own), or of a short stretch."""
    line_end = text.find("\n", start)
    if line_end == -1:
        line_end = len(text)
    for m in _NEW_SENTENCE_IN_TITLE.finditer(text, start, min(line_end, start + 300)):
        if text[m.start()] in ".!?":
            return m.start() + 1
        if len(text[start:m.start()].split()) >= 2:
            return m.start()
    return line_end if own_line else min(line_end, start + 200)


class Furniture:
    """The furniture spans of one text, for "is this offset in one" by bisection."""

    def __init__(self, text: str, headings: Iterable[Span] = ()):
        self.spans = _merged(furniture_spans(text) + list(headings))
        self.starts = [a for a, _ in self.spans]

    @classmethod
    def of_doc(cls, doc: Doc) -> "Furniture":
        """The furniture of a parsed doc: that of its text and its run-in sub-headings."""
        return cls(doc_text(doc), run_in_heading_spans(doc))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def at(self, pos: int) -> Optional[Span]:
        """The furniture span holding offset ``pos``, if any."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]:
            return self.spans[k]
        return None

    def clear(self, text: str, start: int, end: int) -> Optional[Span]:
        """A content ``[start, end)`` without the furniture it starts in ("LAGOS (Staff
        report) — Fuel prices rose …" → "Fuel prices rose …"); None when nothing is left."""
        span = self.at(start)
        while span is not None and span[1] < end:
            start = span[1]
            while start < end and text[start].isspace():
                start += 1
            span = self.at(start)
        if span is not None or start >= end:
            return None
        return start, end
