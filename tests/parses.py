"""Parses written out by hand for tests: where the parser reads a made-up sentence right
and a class needs the misreading seen in news."""
from __future__ import annotations

from spacy.tokens import Doc


def hand_parsed(reader, rows, one_sentence: bool = False) -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma) rows; ``one_sentence`` marks the first
    token as the only sentence start."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    starts = [True] + [False] * (len(words) - 1) if one_sentence else None
    return Doc(reader.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               sent_starts=starts)
