"""A speaker who says who they are: "My name is Amy Sells", "I'm Mario Lucero".

A first-person subject whose predicate is a person's name ("I'm X", "my name is X") is that
person: identity by predication, which GUM and OntoNotes mark as coreference. The turn it
stands in, the paragraph, is then that person's to speak, so the paragraph's other *I*, *me*
and *my* join the name too (the speaker sieve of Lee et al. 2013, with the self-introduction
rather than a reporting verb giving the speaker; a hearing's or a podcast's turns begin this
way). A paragraph in which two people introduce themselves ("'Hey Frank, my name is John,' I
say, 'Hey John, my name is Frank'") is left alone.
"""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.entities.interview import ANSWER_PERSON, PRONOUN_TAGS, attach_pronoun
from claimgraph.entities.mentions import Mention, verb_lemma

COPULA = "be"
NAME_NOUN = "name"  # "my name is X"
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _introduces(tok) -> bool:
    """Is the name token ``tok`` the predicate of "I am" or "my name is"?"""
    verb = tok.head
    if tok.dep_ != "attr" or verb_lemma(verb) != COPULA:
        return False
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subj is not None and (subj.lower_ == "i" or subj.lower_ == NAME_NOUN and any(
        c.dep_ == "poss" and c.lower_ == "my" for c in subj.children))


def link_introductions(doc: Doc, clusters: list[list[Mention]], labels: list[str], text: str,
                       sent_of: list[int], taken: set) -> None:
    """Add the first person of a paragraph where someone says who they are to that person."""
    if "I" not in text and "my" not in text.lower():
        return
    speaker: dict[int, set[int]] = {}  # paragraph start -> the clusters introduced there
    for ci, cl in enumerate(clusters):
        if labels[ci] != "PERSON":
            continue
        for m in cl:
            if m.kind == "name" and _introduces(doc[m.head]):
                speaker.setdefault(text.rfind("\n", 0, m.start) + 1, set()).add(ci)
    for start, found in speaker.items():
        if len(found) != 1:
            continue
        ci = found.pop()
        end = text.find("\n", start)
        words = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
        for tok in words if words is not None else ():
            if tok.lower_ in ANSWER_PERSON and tok.tag_ in PRONOUN_TAGS and tok.i not in taken:
                attach_pronoun(tok, ci, clusters, labels, sent_of, taken)
