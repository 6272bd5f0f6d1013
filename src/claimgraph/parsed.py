"""The parsed document: helpers over a spaCy ``Doc`` and its text that the layer packages share.

The text joined once per doc, sentence starts found once and looked up by bisection,
paragraph (line) breaks (cached in ``doc.user_data``, so each is computed once per
document, whichever layer asks first); windows of text around trigger words, where the
regular grammars of the number and date layers run (scanning only there keeps those
layers far cheaper than the parse).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from claimgraph.step import Step


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy rebuilds the string from tokens on every call)."""
    text = doc.user_data.get("cg_text")
    if text is None:
        text = doc.user_data["cg_text"] = doc.text
    return text


def tokens_with(doc: Doc, attr: str, values: Iterable[str]) -> Iterator[Token]:
    """The tokens whose ``attr`` ("POS", "TAG", "DEP", "LEMMA" or "LOWER") is one of ``values``,
    picked from the doc's attribute array: a pass over a long article makes a Python
    ``Token`` only for the words it keeps, not for every word."""
    ids = [POS_IDS[v] for v in values] if attr == "POS" else [doc.vocab.strings.add(v) for v in values]
    for i in np.flatnonzero(_is_one_of(doc.to_array(attr), ids)).tolist():
        yield doc[i]


def _is_one_of(values: np.ndarray, ids: list[int]) -> np.ndarray:
    """``np.isin(values, ids)`` for a handful of ids, without ``isin``'s set-up per call."""
    mask = np.zeros(len(values), dtype=bool)
    for v in ids:
        mask |= values == np.uint64(v)
    return mask


#: the dependency labels of a base noun phrase's head in spaCy's English noun-chunk iterator
NP_HEAD_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")
_NP_HEAD_POS = ("NOUN", "PROPN", "PRON")


def noun_chunks(doc: Doc) -> list:
    """``list(doc.noun_chunks)`` for English, the same spans in the same order, with the
    iterator's rules (``spacy/lang/en/syntax_iterators.py``) run only over the tokens the
    attribute arrays show could head a chunk, instead of a Python ``Token`` per word."""
    pos, dep = doc.to_array("POS"), doc.to_array("DEP")
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in NP_HEAD_DEPS}
    conj = strings.add("conj")
    able = np.isin(pos, [POS_IDS[p] for p in _NP_HEAD_POS]) & np.isin(
        dep, np.array(sorted(np_deps | {conj}), dtype=np.uint64))
    chunks = []
    prev_end = -1
    for i in np.flatnonzero(able):
        word = doc[int(i)]
        if word.left_edge.i <= prev_end:
            continue
        if word.dep != conj:
            prev_end = word.i
            chunks.append(doc[word.left_edge.i:word.i + 1])
            continue
        head = word.head
        while head.dep == conj and head.head.i < head.i:
            head = head.head
        if head.dep in np_deps:
            prev_end = word.i
            chunks.append(doc[word.left_edge.i:word.i + 1])
    return chunks


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start, and ``len(doc)``, computed once per doc."""
    starts = doc.user_data.get("cg_sent_starts")
    if starts is None:
        starts = doc.user_data["cg_sent_starts"] = [s.start for s in doc.sents] + [len(doc)]
    return starts


def sentence_of(doc: Doc, i: int):
    """The sentence (a ``Span``) holding token ``i``, found by bisection over sentence
    starts computed once per doc (``Token.sent`` walks the whole doc on every call)."""
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k]:starts[k + 1]]


def line_break_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens holding a line break (in the token or its trailing space), in
    order, found once per doc."""
    at = doc.user_data.get("cg_break_tokens")
    if at is None:
        at = doc.user_data["cg_break_tokens"] = [t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    return at


def paragraph_of(doc: Doc, offset: int) -> int:
    """Index of the paragraph (line) holding character ``offset``."""
    breaks = doc.user_data.get("cg_line_breaks")
    if breaks is None:
        text = doc_text(doc)
        breaks = doc.user_data["cg_line_breaks"] = [k for k, c in enumerate(text) if c == "\n"]
    return bisect.bisect_left(breaks, offset)


def merge_windows(text: str, spans: Iterable[tuple[int, int]], before: int,
                  after: int) -> list[tuple[int, int]]:
    """Stretches ``before``/``after`` characters around each span (in text order), merged
    where they touch and widened to white space so that no word is cut."""
    out: list[list[int]] = []
    n = len(text)
    for s, e in spans:
        a, b = max(0, s - before), min(n, e + after)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    for w in out:
        while w[0] > 0 and not text[w[0] - 1].isspace():
            w[0] -= 1
        while w[1] < n and not text[w[1]].isspace():
            w[1] += 1
    return [(a, b) for a, b in out]


# CITY[, STATE][, date] [(AGENCY)] — : at the start of a paragraph
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'’ /-]{1,40}(?:,[^\n—–()]{1,40})?(?:\s*\([^)\n]{1,30}\))?\s*(?:—|–|--?)\s+")


class ParagraphSentencizer(Step):
    """Sentence starts that the parser must respect: paragraph breaks, ALL-CAPS headings
    and datelines (runs before the parser, which keeps preset boundaries)."""

    def __init__(self, nlp: Language, name: str = "claimgraph_sentences", scorer=None):
        super().__init__(name, scorer)

    def predict(self, doc: Doc) -> list[int]:
        """Indices of tokens that must start a sentence."""
        starts = []
        for tok in doc[:-1]:
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                nxt = doc[tok.i + 1]
                if nxt.is_space and nxt.i + 1 < len(doc):
                    nxt = doc[nxt.i + 1]
                starts.append(nxt.i)
        text = doc.text
        if DATELINE.search(text):
            by_char = {tok.idx: tok.i for tok in doc}
            for m in DATELINE.finditer(text):
                if m.end() in by_char:
                    starts.append(by_char[m.end()])
        return starts

    def set_annotations(self, doc: Doc, starts: list[int]) -> None:
        forced = set(starts)
        for i in [0] + starts:
            # a paragraph's first word is no sentence of its own ("Apple | is in talks …" after
            # a headline): the small parser sometimes splits it off
            if i + 1 < len(doc) and i + 1 not in forced and doc[i].is_alpha and "\n" not in doc[i].whitespace_:
                doc[i + 1].is_sent_start = False
        for i in starts:
            if 0 < i < len(doc):
                doc[i].is_sent_start = True


#: where a sentence of plain text ends: after . ! ? (or a closing quote) before a capital
#: or an opening quote, and at every line break. Used where no parse is at hand (the
#: article record after reading); the pipeline itself uses the parser's sentences.
TEXT_SENTENCE_BREAK = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“„\"])|\n+")


def text_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of plain ``text`` (blank ones skipped)."""
    spans, start = [], 0
    for m in TEXT_SENTENCE_BREAK.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
