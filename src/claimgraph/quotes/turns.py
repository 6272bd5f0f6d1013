"""Labelled turns of a question-and-answer interview: "Q: …" / "A: …" paragraphs.

A news Q&A ("Questions and answers have been edited for length and clarity.") prints each
turn as a paragraph opened by a label, with no quotation marks and no reporting verb. Each
answer is the interviewee's statement (a question asserts nothing): the turn, not a verb,
gives the speaker (the dialogue turns of conversational coreference, e.g. the speaker
features of the CoNLL-2012 shared task, Pradhan et al. 2012; PolNeAR annotates such turns as
attributions with the label as source and the colon as cue, Newell et al. 2018).

The layout is recognised from the text alone: at least :data:`MIN_QUESTIONS` question turns
and one answer turn, each at the start of a paragraph. A lone "A:" or "Q." (an initial, a
list item) makes no interview.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimgraph.entities.handoff import FIRST_PERSON_SINGULAR
from claimgraph.parsed import doc_text

QUESTION_LABELS = frozenset({"q", "question"})  # any other label (A, Answer) opens an answer
MIN_QUESTIONS = 2
#: a label at the start of a paragraph, its colon (or full stop after a bare Q or A), the turn
TURN_LINE = re.compile(r"^[ \t]*(?P<label>Q|A|Question|Answer|QUESTION|ANSWER)(?P<mark>:|\.(?=[ \t]))[ \t]*"
                       r"(?P<words>\S.*?)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Turn:
    """One labelled turn: the label ("Q"), its mark (the colon) and the turn's words."""

    kind: str  # "question" | "answer"
    label: tuple[int, int]
    mark: tuple[int, int]
    words: tuple[int, int]


def labelled_turns(text: str) -> list[Turn]:
    """The question and answer turns of ``text`` in order, or [] when the text is not laid
    out as a labelled interview."""
    if "Q" not in text:
        return []
    found = []
    for m in TURN_LINE.finditer(text):
        kind = "question" if m.group("label").lower() in QUESTION_LABELS else "answer"
        found.append(Turn(kind, m.span("label"), m.span("mark"), m.span("words")))
    questions = sum(t.kind == "question" for t in found)
    if questions < MIN_QUESTIONS or questions == len(found):
        return []
    return found


def interviewee(doc, turns: list[Turn]) -> Optional[str]:
    """The entity id of the person who answers: the one the entity step gave an answer's
    *I* to (:mod:`claimgraph.entities.interview`), else the only person named most often
    before the first question; None when the article does not say."""
    text = doc_text(doc)
    answers = [t.words for t in turns if t.kind == "answer"]
    people = [e for e in doc._.cg_entities or [] if e.type == "PERSON"]
    for ent in people:
        if any(text[s:e].lower() in FIRST_PERSON_SINGULAR and any(a <= s < b for a, b in answers) for s, e in ent.mentions):
            return ent.id
    first = next(t.label[0] for t in turns if t.kind == "question")
    counts = sorted(((sum(s < first for s, _ in e.mentions), e.id) for e in people), reverse=True)
    if not counts or counts[0][0] == 0 or len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][1]


def turn_speaker(doc) -> Optional[str]:
    """Who speaks an answer of the doc's interview: the interviewee (every answer is theirs)."""
    return interviewee(doc, labelled_turns(doc_text(doc)))


TURN_REASON = "an interview's answer; the article does not name the interviewee"
