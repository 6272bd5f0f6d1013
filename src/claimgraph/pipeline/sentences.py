"""``claimgraph_sentences``: Sentence starts the parser must respect: paragraphs, headings, datelines (before the parser)."""
from __future__ import annotations


from spacy.language import Language

from claimgraph.parsed import ParagraphSentencizer


@Language.factory("claimgraph_sentences", assigns=["token.is_sent_start"], requires=[],
                  default_config={})
def make_paragraph_sentencizer(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer(nlp, name)
