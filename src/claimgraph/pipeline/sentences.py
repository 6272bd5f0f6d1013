"""Sentence starts that the parser must respect: paragraphs and section headings.

Wire copy comes as lines. A paragraph break always starts a sentence, and an ALL-CAPS
section heading ("BENEFITS AND RISKS FOR NORTH KOREA") is a sentence of its own, never
the start of the next one. Runs before the parser, which keeps preset boundaries.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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
        return starts

    def set_annotations(self, doc: Doc, starts: list[int]) -> None:
        for i in starts:
            if 0 < i < len(doc):
                doc[i].is_sent_start = True


@Language.factory("claimgraph_sentences")
def make_paragraph_sentencizer(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer(nlp, name)
