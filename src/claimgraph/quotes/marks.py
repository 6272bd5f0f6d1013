"""Quotation marks as they come in real copy, paired into quoted spans.

News text mixes „German”, “English”, "straight", «French» and ‘single’ marks, uses a
closing mark as an opener („…“ or “…“), opens a quote and never closes it (bad
translation, truncated feeds), and reopens a quote at each new paragraph of a long
statement (the typographic convention described in the Chicago Manual of Style,
13.30). The scanner below works per paragraph on the same-length working copy from
:func:`claimgraph.ingest.text.normalise` (where „ « » are already “ ” ”), pairing marks
by position, not by glyph, which is what Pouliquen et al. (2007, "Automatic
detection of quotations in multilingual news") and the Gender Gap Tracker's quote
extractor (Asr et al. 2021) do; unlike them it also repairs unbalanced marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimgraph.furniture import FRAME_VERBS
from claimgraph.lexicon import DOUBLE_MARKS, SINGLE_CLOSE, SINGLE_OPEN

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = ".!?…"


@dataclass(frozen=True)
class QuotedSpan:
    """One quoted stretch: ``start``/``end`` delimit the content (marks excluded)."""

    start: int
    end: int
    closed: bool  # False: the quote ran to the end of its paragraph or into a new opener
    continues: Optional[int] = None  # index of the quoted span this one continues (new paragraph)

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def _is_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:" or i == 0) and not after.isspace()


def _is_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…\"“”'’" or i + 1 == len(text))


def _spaced(text: str, i: int) -> bool:
    """A mark with a space on both sides ("‘We are very concerned ’ In a statement …", a
    sub-heading run into the text): never an apostrophe, which is part of a word, so it can
    only close the quote before it."""
    return 0 < i < len(text) - 1 and text[i - 1] == " " and text[i + 1].isspace()


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All quoted spans of ``text`` (the normalised working copy), in order."""
    spans: list[QuotedSpan] = []
    prev_para_start = -1  # where the paragraph before this one starts
    for para in _PARAGRAPH.finditer(text):
        first_in_para = len(spans)
        _scan_double(text, para.start(), para.end(), spans)
        _scan_single(text, para.start(), para.end(), spans)
        # a paragraph that opens with a quote mark while the previous paragraph's quote
        # never closed continues that quote (not a quote left open paragraphs before)
        if len(spans) > first_in_para and first_in_para > 0 and spans[first_in_para - 1].end > prev_para_start:
            prev = spans[first_in_para - 1]
            this = spans[first_in_para]
            lead = text[para.start():this.start].strip()
            if not prev.closed and lead in ("“", '"', "‘"):
                spans[first_in_para] = QuotedSpan(this.start, this.end, this.closed, first_in_para - 1)
        if para.group().strip():
            prev_para_start = para.start()
    spans.sort(key=lambda s: s.start)
    return spans


def _scan_double(text: str, lo: int, hi: int, out: list[QuotedSpan]) -> None:
    open_at: Optional[int] = None
    for i in range(lo, hi):
        c = text[i]
        if c not in DOUBLE_MARKS:
            continue
        opener, closer = _is_opener(text, i), _is_closer(text, i)
        if c == '"' and _spaced(text, i):
            # a straight mark with a space on both sides ('deterrent " against', 'another "
            # very important test " North'): it closes the open quote, else it opens one
            opener, closer = open_at is None, open_at is not None
        if open_at is None:
            if opener or (c == "“" and not closer):
                open_at = i
            continue
        if i == open_at + 1 and c == text[open_at] == '"':
            open_at = i  # ''…'' (typewriter copy, normalised to ""): one mark of two characters
            continue
        if closer and not (opener and c == "“"):
            if i > open_at + 1:
                out.append(QuotedSpan(open_at + 1, i, True))
            open_at = None
        elif opener:
            # a new opener while a quote is open: the open one was never closed
            end = _trim_end(text, open_at + 1, i)
            if end > open_at + 1:
                out.append(QuotedSpan(open_at + 1, end, False))
            open_at = i
    if open_at is not None:
        end = _trim_end(text, open_at + 1, hi)
        if end > open_at + 1:
            out.append(QuotedSpan(open_at + 1, end, False))


def _scan_single(text: str, lo: int, hi: int, out: list[QuotedSpan]) -> None:
    """‘Single’ quotes: only curly pairs within one paragraph, apostrophes skipped."""
    i = lo
    while i < hi:
        if text[i] == SINGLE_OPEN and _is_opener(text, i):
            j = i + 1
            while j < hi:
                if text[j] == SINGLE_CLOSE and (_is_closer(text, j) or _spaced(text, j)):
                    break
                j += 1
            if j < hi and j > i + 1:
                out.append(QuotedSpan(i + 1, j, True))
                i = j
        elif text[i] == "'" and _is_opener(text, i) and i + 1 < hi and text[i + 1].isupper():
            j = _framed_straight_close(text, i + 1, min(hi, i + STRAIGHT_SINGLE_REACH))
            if j is not None:
                out.append(QuotedSpan(i + 1, j, True))
                i = j
        i += 1


#: how far (characters) a straight single quotation may run
STRAIGHT_SINGLE_REACH = 400
#: a reporting frame within a few words ("' she added", "' said Ms Lee")
_FRAME_AFTER = re.compile(r"\s+(?:\S+\s+){0,3}?(?:" + FRAME_VERBS + r")\b")


def _framed_straight_close(text: str, lo: int, hi: int) -> Optional[int]:
    """"'Nobody wanted to be blamed for killing it,' she added": the straight ' that closes a
    quotation in straight single marks — British copy's — taken only where a reporting frame
    follows it ("she added", "said Ms Lee"), so headlines and scare quotes stay as they were;
    its offset, or None."""
    for j in range(lo, hi):
        c = text[j]
        if c in DOUBLE_MARKS or c == "\n":
            return None
        if c == "'" and j > lo and text[j - 1] in ",?!" and _FRAME_AFTER.match(text, j + 1):
            return j
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quote marks, spaces and trailing commas."""
    while start < end and (text[start].isspace() or text[start] in DOUBLE_MARKS + "‘’'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in DOUBLE_MARKS + "‘’',"):
        end -= 1
    return start, end


_EDGE = DOUBLE_MARKS + "‘’' ,;:—–-\n\t"


def _trimmed(text: str, start: int, end: int, left: bool, right: bool) -> Optional[tuple[int, int]]:
    """``[start, end)`` without marks, spaces and joining punctuation at the edges where
    it was cut (``left``, ``right``)."""
    while left and start < end and (text[start] in _EDGE or text[start].isspace()):
        start += 1
    while right and end > start and (text[end - 1] in _EDGE or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


def fragments(text: str, start: int, end: int, quoted: list[QuotedSpan], whole_quote: bool,
              frame: Optional[tuple[int, int]] = None) -> list[tuple[int, int]]:
    """The passages of a statement's content ``[start, end)`` without the frame that
    interrupts it (``“We will appeal,” the mayor said. “The ruling ignores the facts.”``
    → the two quotations), in order.

    The frame is the unquoted text between two quotations of the content — any such text
    when the statement is all quotation (``whole_quote``: direct and partial quotes), else
    only the stretch from where the frame is set off to the next quotation — and ``frame``
    itself (the cue and its speaker, "Otherwise, she said, …") where it lies inside the
    content outside every quotation."""
    inside = [q for q in quoted if q.start < end and q.end > start]
    cuts: list[tuple[int, int]] = []
    for a, b in zip(inside, inside[1:]):
        gap_start, gap_end = max(a.end, start), min(b.start, end)
        gap = text[gap_start:gap_end]
        if not any(c.isalnum() for c in gap):
            continue  # a quotation going on in the next paragraph, or two marks in a row
        if whole_quote:
            cuts.append((gap_start, gap_end))
        elif frame is not None and gap_start <= frame[0] < gap_end:
            # (“I admire the mechanics” of the plan, she said. “…”: the words before the
            # frame that completes the quotation are the statement's)
            cuts.append((_set_off(text, frame, gap_start, gap_end)[0], gap_end))
    if frame is not None and start < frame[0] and frame[1] < end \
            and not any(a <= frame[0] < b for a, b in cuts) \
            and not any(q.start <= frame[0] < q.end for q in inside):
        cuts.append(_set_off(text, frame, start, end))
    pieces, at = [], start
    for a, b in sorted(cuts):
        pieces.append((at, a))
        at = max(at, b)
    pieces.append((at, end))
    out = [p for p in (_trimmed(text, a, b, a != start, b != end) for a, b in pieces) if p is not None]
    return out or [(start, end)]


def _set_off(text: str, frame: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The frame with the rest of the phrase it stands in, up to the commas or dashes that
    set it off ("…, the skipper said, …": the determiner and the cue's adverbs too)."""
    a, b = frame
    left = max(text.rfind(c, start, a) for c in ",—–(")
    if left >= 0 and a - left <= 30:
        a = left
    rights = [i for i in (text.find(c, b, end) for c in ",—–)") if i >= 0]
    if rights and min(rights) - b <= 30:
        b = min(rights) + 1
    return a, b
