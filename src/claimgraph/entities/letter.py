"""First and second person in a letter.

A letter (an open letter, a letter to the editor, a report a representative sends to
constituents) is the signer's own words to the person it greets: outside quotation marks an
*I* is whoever signs it and a *you* whoever the salutation names ("Dear Hannah: ... Yours,
Bill"). The writer and addressee are the speaker and hearer of the letter's discourse
situation (the deictic centre of Fillmore 1975, "Santa Cruz Lectures on Deixis"); as with
the speaker sieve of Lee et al. (2013), the first person of the text joins its speaker.

The signer is a person named alone on one of the last :data:`CLOSING_LINES` lines, just
after a valediction ("Sincerely,", "Love always,") or on the valediction's own line
("Respectfully, George Chriss"), a new person when the tagger took the signature for no name;
the addressee a person named on a salutation line ("Dear Hannah:") among the first
:data:`OPENING_LINES`, a new person there too when the tagger missed the name. Either may be
missing: a letter signed "[The undersigned]" still has its *you*.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from claimgraph.entities.interview import ANSWER_PERSON, PRONOUN_TAGS, QUESTION_PERSON, attach_pronoun
from claimgraph.entities.mentions import Mention
from claimgraph.parsed import doc_text

OPENING_LINES = 6  # lines of a letter's head where the salutation stands
CLOSING_LINES = 5  # lines of a letter's foot where the valediction and the signature stand
SALUTATION = re.compile(r"^\s*dear\s+", re.I)
GREETED = re.compile(r"([^\s:,;]+(?: [^\s:,;]+){0,2})\s*[:,;\-]?\s*")  # the words a salutation greets
# greetings of someone by no name ("Dear Mom,", "Dear Sir:", "Dear Friends:")
NO_NAME = frozenset("mom mum mother dad father sir madam friends friend colleagues all everyone "
                    "members editor editors colleague son daughter".split())
VALEDICTION = re.compile(r"^\s*(?:yours|sincerely|regards|best|love|luv|faithfully|respectfully|cordially|"
                         r"cheers|affectionately|truly|warmly|with (?:best|kind|warm)|kind regards|"
                         r"stay in touch)\b", re.I)
MAX_SIGNATURE_WORDS = 6  # a signature line is a name (and a title), not a sentence
SIGNATURE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}")  # "Bill", "James Abourezk"
NAME_WORD = re.compile(r"\b[A-Z][^\W\d_]{2,}\b")  # a capitalised word of a name


def lines_of(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def person_on(span: tuple[int, int], clusters: list[list[Mention]], labels: list[str]) -> Optional[int]:
    """The one person named on a line."""
    found = {ci for ci, cl in enumerate(clusters) if labels[ci] == "PERSON"
             for m in cl if m.kind == "name" and span[0] <= m.start < span[1]}
    return found.pop() if len(found) == 1 else None


def _person_called(line: str, clusters: list[list[Mention]], labels: list[str]) -> Optional[int]:
    """The one person named elsewhere with a word of a signature line the tagger left untagged
    ("Marcie" under "Love always," after "Miss Marcie Rickenbacker" in the letter's head)."""
    words = {w.lower() for w in NAME_WORD.findall(line)}
    found = {ci for ci, cl in enumerate(clusters) if labels[ci] == "PERSON"
             for m in cl if m.kind == "name" and words & {w.lower() for w in NAME_WORD.findall(m.name)}}
    return found.pop() if len(found) == 1 else None


def _new_signer(doc: Doc, span: tuple[int, int], clusters: list[list[Mention]], labels: list[str],
                sent_of: list[int]) -> Optional[int]:
    """A signature the tagger read as no name ("JAMES ABOUREZK", "Marcie" alone on its line):
    a new person, when the line is only capitalised words and no mention stands on it."""
    line = doc_text(doc)[span[0]:span[1]]
    bare = line.strip()
    if not SIGNATURE.fullmatch(bare) or VALEDICTION.match(bare) or any(
            span[0] <= m.start < span[1] for cl in clusters for m in cl):
        return None
    start = span[0] + line.index(bare)
    return new_person(doc, start, start + len(bare), clusters, labels, sent_of)


def new_person(doc: Doc, start: int, end: int, clusters: list[list[Mention]], labels: list[str],
               sent_of: list[int]) -> Optional[int]:
    """A new person cluster for the name at ``start:end`` (the index), or None off the tokens."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return None
    head = words[-1].i
    name = doc_text(doc)[start:end]
    clusters.append([Mention(start, end, name, "PERSON", "name", head, sent_of[head], start, end)])
    labels.append("PERSON")
    return len(clusters) - 1


def signer(doc: Doc, clusters: list[list[Mention]], labels: list[str], sent_of: list[int]) -> Optional[int]:
    """The person who signs the letter, or None."""
    text = doc_text(doc)
    lines = lines_of(text)
    for k in range(max(0, len(lines) - CLOSING_LINES), len(lines)):
        s, e = lines[k]
        if not VALEDICTION.match(text[s:e]):
            continue
        for span in (lines[k], lines[k + 1] if k + 1 < len(lines) else None):
            if span is not None and len(text[span[0]:span[1]].split()) <= MAX_SIGNATURE_WORDS:
                ci = person_on(span, clusters, labels)
                if ci is None:
                    ci = _person_called(VALEDICTION.sub("", text[span[0]:span[1]]), clusters, labels)
                if ci is None and span is not lines[k]:
                    ci = _new_signer(doc, span, clusters, labels, sent_of)
                if ci is not None:
                    return ci
    return None


def addressee(doc: Doc, clusters: list[list[Mention]], labels: list[str], sent_of: list[int]) -> Optional[int]:
    """The person the salutation greets ("Dear Hannah:"), a new person when the tagger missed
    the name; None for a greeting of no one by name ("Dear Mom,", "Dear Friends:")."""
    text = doc_text(doc)
    for s, e in lines_of(text)[:OPENING_LINES]:
        found = SALUTATION.match(text[s:e])
        if found is None:
            continue
        ci = person_on((s, e), clusters, labels)
        greeted = GREETED.fullmatch(text[s + found.end():e])
        name = greeted.group(1) if greeted else ""
        if ci is None and SIGNATURE.fullmatch(name) and name.lower() not in NO_NAME \
                and not any(s <= m.start < e for cl in clusters for m in cl):
            ci = new_person(doc, s + found.end() + greeted.start(1), s + found.end() + greeted.end(1),
                            clusters, labels, sent_of)
        return ci
    return None


def link_letter(doc: Doc, clusters: list[list[Mention]], labels: list[str], text: str,
                sent_of: list[int], taken: set, quoted) -> None:
    """Add a letter's *I* to its signer and its *you* to the person it greets (either may be
    missing: "[The undersigned]", "Dear Friends:").
    ``quoted(offset)`` says whether an offset is inside a quotation (someone else's words)."""
    writer = signer(doc, clusters, labels, sent_of)
    reader = addressee(doc, clusters, labels, sent_of)
    if writer is None and reader is None:
        return
    for tok in doc:
        low = tok.lower_
        ci = writer if low in ANSWER_PERSON else reader if low in QUESTION_PERSON else None
        if ci is None or tok.i in taken or tok.tag_ not in PRONOUN_TAGS or quoted(tok.idx):
            continue
        attach_pronoun(tok, ci, clusters, labels, sent_of, taken)
