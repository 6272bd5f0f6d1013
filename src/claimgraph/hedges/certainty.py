"""Certainty of claims: every quote content, attributed claim and sentence of the article's
own voice, labelled with its least certain hedge or negation cue.

The hedge step (:mod:`.tagger`) finds the cues; this step weighs them per claim. Labels
follow the factuality scale of Sauri & Pustejovsky (2009, "FactBank": certain, probable,
possible, and their negations), with reporting and belief as their own degrees (the
order is :data:`claimgraph.model.CERTAINTY_ORDER`). It writes the article's own hedged or
negated sentences (``doc._.cg_claims``) and asks the quote layer to label quotes and
attributions (:func:`claimgraph.quotes.handoff.label_certainty`).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.hedges.tagger import NEGATION_WORDS
from claimgraph.model import CERTAINTY_ORDER, Claim, Hedge
from claimgraph.parsed import doc_text, text_sentences
from claimgraph.quotes.handoff import label_certainty
from claimgraph.step import Step


class CertaintyLabeller(Step):
    def __init__(self, nlp: Language, name: str = "claimgraph_certainty", scorer=None):
        super().__init__(name, scorer)

    def predict(self, doc: Doc) -> list["ClaimCertainty"]:
        if not (doc._.cg_hedges or doc._.cg_quotes or doc._.cg_attributions):
            return []  # nothing to weigh: the article's sentences stay unlabelled
        return claim_certainty(_Reading(doc_text(doc), doc._.cg_quotes or [], doc._.cg_attributions or [],
                                        doc._.cg_hedges or []))

    def set_annotations(self, doc: Doc, labelled: list["ClaimCertainty"]) -> None:
        claims: list[Claim] = []
        by_claim: dict[tuple[str, tuple[int, int]], str] = {}
        for claim in labelled:
            if claim.kind == "sentence":
                if claim.certainty != "certain":
                    claims.append(Claim(span=claim.span, certainty=claim.certainty, cues=claim.cues))
            else:
                by_claim[(claim.kind, claim.span)] = claim.certainty
        doc._.cg_claims = claims
        if doc._.cg_quotes or doc._.cg_attributions:
            label_certainty(doc, by_claim)


@dataclass
class _Reading:
    """What :func:`claim_certainty` reads: an :class:`~claimgraph.model.Article` or this."""

    text: str
    quotes: list
    attributions: list
    hedges: list[Hedge]

    def span_text(self, span) -> str:
        return self.text[span[0]:span[1]] if span else ""


@dataclass
class ClaimCertainty:
    """One claim, its certainty label and the cues behind it."""

    kind: str  # "quote" | "attribution" | "sentence"
    span: tuple[int, int]
    certainty: str
    cues: list[str]


def _weakest(labels: list[str]) -> str:
    """The claim's label: its least certain cue."""
    return max(labels, key=CERTAINTY_ORDER.index) if labels else "certain"


def claim_certainty(article) -> list[ClaimCertainty]:
    """Every claim of an article — quote contents, attributed claims, and the sentences
    outside both — with its certainty label (the least certain of its cues)."""
    claims: list[tuple[str, tuple[int, int]]] = []
    claims += [("quote", tuple(q.content)) for q in article.quotes if q.content]
    claims += [("attribution", tuple(a.claim)) for a in article.attributions if a.claim]
    covered = _Spans([c for _, c in claims])
    inside = {h.id for h in article.hedges if covered.holds(h.cue[0], h.cue[1])}
    hedges = _Cues(article.hedges)
    out = []
    passages = {("quote", tuple(q.content)): [tuple(f) for f in getattr(q, "fragments", None) or []]
                for q in article.quotes if q.content}
    passages.update({("attribution", tuple(a.claim)): [tuple(f) for f in getattr(a, "fragments", None) or []]
                     for a in article.attributions if a.claim})
    for kind, (s, e) in claims:
        cues = hedges.within(s, e)
        pieces = passages.get((kind, (s, e)))
        if pieces:
            # a cue in the frame that interrupts a quotation ("…,” she said, perhaps
            # wearily, “…”) is the article's, not the speaker's
            cues = [h for h in cues if any(a <= h.cue[0] and h.cue[1] <= b for a, b in pieces)]
        condition = conditional_cue(article.text, pieces or [(s, e)])
        out.append(_labelled(article, kind, s, e, cues, (condition,) if condition else ()))
    for s, e in text_sentences(article.text):
        # the sentence outside every quote and attribution is a claim of the article itself
        cues = [h for h in hedges.within(s, e) if h.id not in inside]
        if cues or not covered.meets(s, e):
            out.append(_labelled(article, "sentence", s, e, cues))
    out.sort(key=lambda c: c.span)
    return out


class _Spans:
    """Claim spans sorted by start with the running maximum of their ends, so that "does a
    claim hold this cue" and "does a claim meet this sentence" cost a bisection each
    instead of a pass over every claim."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end = list(itertools.accumulate((b for _, b in spans), max))

    def holds(self, s: int, e: int) -> bool:
        """Some span ``(a, b)`` has ``a <= s`` and ``e <= b``."""
        k = bisect.bisect_right(self.starts, s)
        return k > 0 and self.max_end[k - 1] >= e

    def meets(self, s: int, e: int) -> bool:
        """Some span ``(a, b)`` has ``a < e`` and ``s < b``."""
        k = bisect.bisect_left(self.starts, e)
        return k > 0 and self.max_end[k - 1] > s


class _Cues:
    """Hedges indexed by cue start: the cues inside a span by bisection."""

    def __init__(self, hedges: list[Hedge]):
        self.hedges = hedges
        self.order = sorted(range(len(hedges)), key=lambda i: hedges[i].cue[0])
        self.starts = [hedges[i].cue[0] for i in self.order]
        self.well_formed = all(h.cue[0] <= h.cue[1] for h in hedges)  # else no upper bound on starts

    def within(self, s: int, e: int) -> list[Hedge]:
        """The hedges whose cue lies inside ``[s, e]``, in their own order."""
        lo = bisect.bisect_left(self.starts, s)
        hi = bisect.bisect_right(self.starts, e) if self.well_formed else len(self.starts)
        return [self.hedges[i] for i in sorted(i for i in self.order[lo:hi] if self.hedges[i].cue[1] <= e)]


#: "if"/"unless" that set a condition, not the "if" of an indirect question ("asked if",
#: "unclear if") or of a fixed phrase ("even if", "as if", "if any", "if possible")
CONDITION_WORD = re.compile(r"\b(if|unless)\b(?!\s+(?:any|anything|possible|necessary|needed|so|not|ever)\b)",
                            re.IGNORECASE)
ASKING = frozenset({"ask", "asked", "asks", "asking", "wonder", "wondered", "wondering"})
SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"‘]")
NOT_CONDITION_BEFORE = frozenset(
    "even as what ask asked asks asking decide decided decides deciding determine determined see seen know knows "
    "knew wonder wondered wonders check checked unclear clear sure uncertain question questioned tell told learn "
    "find found whether".split())


def conditional_cue(text: str, pieces: list[tuple[int, int]]) -> Optional[str]:
    """The word that makes a quoted or attributed claim conditional ("*If* the talks fail,
    … the ceasefire could collapse"; "… will flood *unless* the dam holds"), if any: the
    claim is asserted only under its condition (Saurí & Pustejovsky 2009 leave such
    claims uncommitted, CT-U in FactBank). Not for a claim of several sentences, whose
    condition holds for one of them only."""
    if SENTENCE_BREAK.search(text, pieces[0][0], pieces[-1][1]):
        return None
    for a, b in pieces:
        for m in CONDITION_WORD.finditer(text, a, b):
            lead = re.split(r"[.!?;:]", text[max(0, m.start() - 40):m.start()])[-1]  # this sentence's
            before = [w.lower() for w in re.findall(r"[A-Za-z]+", lead)]
            if before and before[-1] in NOT_CONDITION_BEFORE or ASKING & set(before[-4:]):
                continue  # "asked the elder Lai *if* he agreed": the question, not a condition
            return m.group(1)
    return None


def _labelled(article, kind: str, s: int, e: int, cues: list[Hedge],
              conditions: tuple[str, ...] = ()) -> ClaimCertainty:
    if kind != "sentence" or any(h.certainty != "negated" for h in cues):
        # "We are not leaving," she said: the speaker asserts a negative claim; the
        # negation stays a hedge record of its own, the quote or claim is not "negated".
        # In the article's own voice a negation labels a sentence with no other cue
        # ("probably won't return" is probable).
        cues = [h for h in cues if h.certainty != "negated"]
    labels = [h.certainty for h in cues] + ["conditional"] * len(conditions)
    words = [h.cue_text or article.span_text(h.cue) for h in cues] + list(conditions)
    if not labels and kind == "sentence":
        neg = NEGATION_WORDS.search(article.text, s, e)
        if neg:
            labels, words = ["negated"], [neg.group(0)]
    return ClaimCertainty(kind, (s, e), _weakest(labels), words)
