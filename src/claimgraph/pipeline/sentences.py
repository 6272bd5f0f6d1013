"""Sentence starts that the parser must respect: paragraphs, headings and datelines.

Wire copy comes as lines. A paragraph break always starts a sentence, and an ALL-CAPS
section heading ("BENEFITS AND RISKS FOR NORTH KOREA") is a sentence of its own, never
the start of the next one. A dateline ("PHILADELPHIA, July 25 (UPI) — The committee …")
is not part of the first sentence either: left in, the parser takes the city for the
subject. Runs before the parser, which keeps preset boundaries.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


# CITY[, STATE][, date] [(AGENCY)] — : at the start of a paragraph
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,[^\n—–()]{1,40})?(?:\s*\([^)\n]{1,30}\))?\s*(?:—|–|--?)\s+")


class ParagraphSentencizer:
    def __init__(self, nlp: Language, name: str = "claimgraph_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

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
        for i in starts:
            if 0 < i < len(doc):
                doc[i].is_sent_start = True


@Language.factory("claimgraph_sentences")
def make_paragraph_sentencizer(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer(nlp, name)
