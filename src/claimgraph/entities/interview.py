"""First and second person in a question-and-answer interview.

A news interview laid out as questions and answers ("Wikinews interviews ...", a Q&A with a
candidate or a scientist) prints the answers without quotation marks: each answer is the
interviewee's turn, so an *I* in it is the interviewee, and a *you* in a question is the
person asked. This is the speaker sieve of Lee et al. (2013) with the turn, not a
reporting verb, giving the speaker (the dialogue turns of conversational coreference,
e.g. the speaker features of the CoNLL-2012 shared task, Pradhan et al. 2012).

The layout is recognised from the text alone: at least :data:`MIN_QUESTIONS` paragraphs that
end in a question mark and address a *you*, each followed by a paragraph that is not a
question, with an *I* in some answer. The interviewee is the person named most often in the
introduction before the first question; an article whose introduction names no one, or
several people as often (experts asked in turn), is left alone. When the introduction names
one group of people together ("owned by Ana Ruiz and Tom Hale"), the *we* of the answers is
that group.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from claimgraph.entities.mentions import Mention

MIN_QUESTIONS = 2  # answered question paragraphs that make an article an interview
ANSWER_PERSON = frozenset("i me my mine myself".split())  # the interviewee, in an answer
QUESTION_PERSON = frozenset("you your yours yourself".split())  # the interviewee, in a question
ANSWER_GROUP = frozenset("we us our ours ourselves".split())  # the interviewees together, in an answer
PRONOUN_TAGS = ("PRP", "PRP$")
QUESTION_END = "?"
QUOTE_MARKS = ('"', "“", "”")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines of ``text``."""
    out, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _is_question(text: str, span: tuple[int, int]) -> bool:
    """A paragraph that ends in a question mark and speaks to a *you*, outside quotation marks
    (a quoted question is a line of dialogue in a story, not the interviewer's)."""
    para = text[span[0]:span[1]]
    if any(q in para for q in QUOTE_MARKS):
        return False
    words = {w.strip(".,;:!?\"'“”’").lower() for w in para.split()}
    return para.rstrip().rstrip("\"'”’)").endswith(QUESTION_END) and bool(words & QUESTION_PERSON)


def turns(text: str) -> Optional[list[tuple[int, int, str]]]:
    """(start, end, "q" | "a") of the question and answer paragraphs, or None when the text is
    not an interview. An answer is a paragraph after a question, up to the next question."""
    paras = _paragraphs(text)
    kinds = ["q" if _is_question(text, p) else None for p in paras]
    answered = sum(1 for k, nxt in zip(kinds, kinds[1:]) if k == "q" and nxt is None)
    if answered < MIN_QUESTIONS:
        return None
    out, state = [], None
    for (s, e), k in zip(paras, kinds):
        state = k or ("a" if state in ("q", "a") else None)
        if state:
            out.append((s, e, state))
    return out


def interviewee(clusters: list[list[Mention]], labels: list[str], before: int) -> Optional[int]:
    """The person the introduction presents: named most often before offset ``before`` (the
    first question), when no other person is named as often there."""
    counts = sorted(((sum(m.kind == "name" and m.start < before for m in cl), ci)
                     for ci, cl in enumerate(clusters) if labels[ci] == "PERSON"), reverse=True)
    if not counts or counts[0][0] == 0 or len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][1]


def link_turns(doc: Doc, clusters: list[list[Mention]], labels: list[str], text: str,
               sent_of: list[int], taken: set, quoted) -> None:
    """Add the interviewee's *I* in the answers and *you* in the questions to their cluster.
    ``quoted(offset)`` says whether an offset is inside a quotation (someone else's words)."""
    if QUESTION_END not in text:
        return
    spans = turns(text)
    if not spans:
        return
    first_question = next(s for s, _, kind in spans if kind == "q")
    _link_group(doc, clusters, labels, spans, first_question, sent_of, taken, quoted)
    ci = interviewee(clusters, labels, first_question)
    if ci is None:
        return
    found = _pronouns(doc, spans, {"a": ANSWER_PERSON, "q": QUESTION_PERSON}, taken, quoted)
    if not any(kind == "a" for _, kind in found):
        return  # answers that never say "I" are no one's turns (an explainer's questions)
    for tok, _ in found:
        attach_pronoun(tok, ci, clusters, labels, sent_of, taken)


def _link_group(doc: Doc, clusters: list[list[Mention]], labels: list[str], spans, before: int,
                sent_of: list[int], taken: set, quoted) -> None:
    """``Wikinews interviewed Ana Ruiz and Tom Hale ...``: when the introduction names one group
    of people (two or more named together) and no other, the *we* of the answers is that group,
    the interviewees speaking together (the first person plural includes its speaker: the
    speaker sieve of Lee et al. 2013 for the plural; GUM marks the group and its *we* as one
    entity)."""
    groups = [ci for ci, cl in enumerate(clusters) if labels[ci] == "GROUP" and any(m.start < before for m in cl)]
    if len(groups) != 1:
        return
    found = _pronouns(doc, spans, {"a": ANSWER_GROUP}, taken, quoted)
    for tok, _ in found:
        attach_pronoun(tok, groups[0], clusters, labels, sent_of, taken)


def _pronouns(doc: Doc, spans, wanted: dict, taken: set, quoted) -> list:
    """(token, turn kind) of the pronouns in ``wanted[kind]`` of the question ("q") or answer
    ("a") turns, outside quotation marks and not taken by a mention."""
    found: list = []
    k = 0
    for tok in doc:
        while k < len(spans) and spans[k][1] <= tok.idx:
            k += 1
        if k == len(spans):
            break
        s, _, kind = spans[k]
        if tok.idx < s or tok.i in taken or tok.lower_ not in wanted.get(kind, ()) or tok.tag_ not in PRONOUN_TAGS:
            continue
        if not quoted(tok.idx):
            found.append((tok, kind))
    return found


def attach_pronoun(tok, ci: int, clusters: list[list[Mention]], labels: list[str], sent_of: list[int],
                   taken: set) -> None:
    """Add the pronoun token ``tok`` to cluster ``ci`` as a mention of its own."""
    end = tok.idx + len(tok.text)
    clusters[ci].append(Mention(tok.idx, end, tok.text, labels[ci], "pronoun", tok.i, sent_of[tok.i], tok.idx, end))
    taken.add(tok.i)
