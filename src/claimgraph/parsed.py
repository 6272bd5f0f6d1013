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


# A sub-heading run into the text by an extraction that lost its line breaks: after a
# sentence's end, a short noun phrase (no verb) and then a capitalised word that opens a
# sentence and could not go on a noun phrase ("… their voices have been ignored. British
# colony The Chagos Islands, …", "… Dakin-Grimm said. The outcome If the judge …").
#: the words that open the sentence after a run-in heading
RUN_IN_OPENERS = frozenset(
    "The A An In On At For As After When While But Since Despite During Although If Even Many Some Most "
    "According With Under Last Earlier This These Those Its His Her Their Our Now However Meanwhile Still Yet "
    "Today It He She They We Unlike Following Before Over From By Among Because Until Once Both Each Every "
    "Other Another Several Few Such".split())
#: the tags a run-in heading is made of: nouns, names, adjectives, numbers, determiners,
#: and inside it "and", "of", "into" ("Jobs and savings", "Integration into Japan")
_HEADING_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "DT", "POS", "HYPH", "CC", "IN",
                           "PRP$", "``", "''"})
_HEADING_FIRST_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJS", "CD", "DT", "``"})
_HEADING_LAST_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "''"})
MAX_HEADING_WORDS = 5
_SAY_FORMS = frozenset({"say", "says", "tell", "tells"})


def _after_sentence_end(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a sentence's end (. ! ? or a quotation closed after one) or starts a line."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if "\n" in prev.whitespace_ or prev.is_space:
        return True
    if not prev.whitespace_:
        return False
    if prev.text in (".", "!", "?"):
        return True
    return prev.is_punct and prev.text in "”\"’'" and i >= 2 and doc[i - 2].text[-1:] in ".!?"


def _lower_word_follows(doc: Doc, i: int, window: int = 7) -> bool:
    """A lower-case word of four letters or more among the next ``window`` words of the line."""
    for tok in doc[i:i + window]:
        if tok.is_lower and len(tok) > 3:
            return True
        if "\n" in tok.whitespace_ or tok.is_space:
            return False
    return False


def _opens_quotation(doc: Doc, j: int, words: int = 5) -> bool:
    """An opening mark before a capitalised word and a quotation of at least ``words``
    tokens ("Difficult switch “We have many values in common …”"), not a nickname
    ("C.L. “Butch” Otter")."""
    if doc[j].text not in ("“", '"', "‘") or j + words >= len(doc) or not doc[j + 1].text[:1].isupper():
        return False
    return not any(t.text in ("”", '"', "’") for t in doc[j + 1:j + 1 + words])


def _verb_ends_heading(doc: Doc, i: int, j: int) -> bool:
    """"Chinese demand The changes …", "Rebel group surges Since last August …": the tagger
    read the heading's last noun as a verb; a heading still, when a lower-case word follows
    the opener (not "… demand The Times retract …") and the verb is no verb of saying
    ("Officials say The …")."""
    before = doc[j - 1]
    return before.tag_ in ("VBZ", "VBP") and j - i >= 2 and doc[j + 1].is_lower \
        and before.lower_ not in _SAY_FORMS and all(t.tag_ in _HEADING_TAGS for t in doc[i:j - 1])


def run_in_headings(doc: Doc) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the sub-headings run into the text (needs the tagger's
    tags, not the parse: the sentencizer calls it before the parser and the steps after it).
    Not in Title Case copy ("Sanders Promises Action On Immigration …"), where every word
    is capitalised: the sentence after the heading must have a lower-case word."""
    out = []
    n = len(doc)
    for i in range(n - 2):
        first = doc[i]
        if first.tag_ not in _HEADING_FIRST_TAGS or not (first.text[:1].isupper() or first.tag_ == "``") \
                or not _after_sentence_end(doc, i):
            continue
        for j in range(i + 1, min(i + MAX_HEADING_WORDS + 1, n - 1)):
            before = doc[j - 1]
            if before.whitespace_ != " ":
                break
            if (doc[j].text in RUN_IN_OPENERS or j - i >= 2 and _opens_quotation(doc, j)) \
                    and _lower_word_follows(doc, j + 1) \
                    and (before.tag_ in _HEADING_LAST_TAGS or _verb_ends_heading(doc, i, j)):
                out.append((i, j))
                break
            if doc[j].tag_ not in _HEADING_TAGS and not (doc[j].tag_ in ("VBZ", "VBP") and doc[j + 1].text in RUN_IN_OPENERS):
                break
    return out


def run_in_heading_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of :func:`run_in_headings` on the parsed doc (found once per doc,
    for the quote and the source steps)."""
    spans = doc.user_data.get("cg_run_in_headings")
    if spans is None:
        spans = doc.user_data["cg_run_in_headings"] = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
                                                       for a, b in run_in_headings(doc)]
    return spans


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
        for a, b in run_in_headings(doc):
            starts += [a, b]
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
