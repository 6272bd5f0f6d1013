"""The first person of a signed article: an opinion column's or an essay's *I* is its author.

An article with a byline ("By Cory Doctorow" under the headline) is the author's own text
outside quotation marks, so there an *I*, *me* or *my* is the author: the writer is the
speaker of the text's discourse situation (the deictic centre of Fillmore 1975), as for a
letter's signer. Only a byline naming one person counts; one naming several ("By Miri Forbes,
Nicholas Eaton and Robert Krueger") says no one person is *I*.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from claimgraph.entities.interview import ANSWER_PERSON, PRONOUN_TAGS, attach_pronoun
from claimgraph.entities.letter import SIGNATURE, lines_of, new_person, person_on
from claimgraph.entities.mentions import Mention
from claimgraph.lexicon import REPORTING_LEMMAS
from claimgraph.parsed import doc_text, paragraph_of

BYLINE_LINES = 4  # lines under the headline where a byline stands
BYLINE = re.compile(r"\s*By\s+(\S.*?)\s*$")
MANY_AUTHORS = re.compile(r",| and | & ")
# bylines that name no one ("By Anonymous", "By Staff"): no author to be "I"
NO_ONE = frozenset("anonymous staff editors editor correspondent correspondents reporters".split())


def author(doc: Doc, clusters: list[list[Mention]], labels: list[str], sent_of: list[int]) -> Optional[int]:
    """The one person a byline names, a new person if the tagger missed the name; else None."""
    text = doc_text(doc)
    for s, e in lines_of(text)[:BYLINE_LINES]:
        found = BYLINE.fullmatch(text[s:e])
        if found is None or MANY_AUTHORS.search(found.group(1)) or found.group(1).lower() in NO_ONE:
            continue
        ci = person_on((s, e), clusters, labels)
        if ci is None and SIGNATURE.fullmatch(found.group(1)) and not any(
                s <= m.start < e for cl in clusters for m in cl):
            ci = new_person(doc, s + found.start(1), s + found.end(1), clusters, labels, sent_of)
        return ci
    return None


def link_author(doc: Doc, clusters: list[list[Mention]], labels: list[str], sent_of: list[int],
                taken: set, quoted) -> None:
    """Add the first person outside quotations to the byline's author.
    ``quoted(offset)`` says whether an offset is inside a quotation (someone else's words)."""
    if "By" not in doc_text(doc)[:2000]:
        return
    ci = author(doc, clusters, labels, sent_of)
    if ci is None:
        return
    opened = _speech_after_colons(doc)
    for tok in doc:
        if tok.lower_ in ANSWER_PERSON and tok.tag_ in PRONOUN_TAGS and tok.i not in taken and not quoted(tok.idx) \
                and not _unmarked_speech(tok, opened):
            attach_pronoun(tok, ci, clusters, labels, sent_of, taken)


def _another_speaks(verb) -> bool:
    """Is ``verb`` a reporting verb whose subject is someone other than the writer?"""
    return verb.lemma_ in REPORTING_LEMMAS and any(
        c.dep_ == "nsubj" and c.lower_ not in ("i", "we") for c in verb.children)


def _speech_after_colons(doc: Doc) -> list[tuple[int, int]]:
    """Stretches of someone else's words without quotation marks: from the colon after a
    reporting verb to the end of its paragraph ("The prime minister told reporters: I will
    not resign. My government has a mandate.")."""
    return [(tok.i, paragraph_of(doc, tok.idx)) for tok in doc
            if tok.text == ":" and tok.head.i != tok.i and _another_speaks(tok.head)]


def _unmarked_speech(tok, opened: list[tuple[int, int]]) -> bool:
    """Is ``tok`` in someone else's words the text does not mark with quotation marks: a
    clause before its reporting verb ("I have served this city for ten years, Hale said"),
    or after a reporting verb's colon in the same paragraph? Indirect speech after the verb
    keeps the writer's "I" ("The mayor told me I was wrong")."""
    if any(at < tok.i and paragraph_of(tok.doc, tok.idx) == par for at, par in opened):
        return True
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis") and node.i < node.head.i and _another_speaks(node.head):
            return True
        node = node.head
    return False
