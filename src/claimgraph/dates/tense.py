"""The tense of the verb that governs an expression, read off the parse: past tense
points back, *will* and modals forward (HeidelTime's news strategy)."""
from __future__ import annotations

import bisect
from typing import Callable

from spacy.tokens import Doc

from claimgraph.lexicon import REPORTING_LEMMAS
from claimgraph.dates.patterns import FUTURE_AUX, FUTURE_LEFT, FUTURE_MARKERS, MODAL_AUX, PAST_TAGS, PLAN_VERBS


def tense_reader(doc: Doc) -> Callable[[int], str]:
    """A function: char offset → "past" | "present" | "future", from the verb that governs
    it: past tense looks back, *will* and the modals (*would*, *could*, *may* …) forward.

    Token offsets and sentence starts are indexed once per doc, on first use, so each
    lookup costs a binary search and a walk up a few heads."""
    index: dict[str, list[int]] = {}

    def prepare() -> None:
        index["idx"] = doc.to_array("IDX").tolist()
        starts = [0] * len(doc)
        for sent in doc.sents:
            starts[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        index["sent"] = starts

    def tense(pos: int) -> str:
        if not index:
            prepare()
        i = bisect.bisect_right(index["idx"], pos) - 1
        if i < 0:
            return "past"
        if _comparison_base(doc[i]):
            return "past"
        saying = _time_of_saying(doc, i)
        if saying is not None:
            return saying
        verb = _governing_verb(doc[i])
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in aux} | {verb.lower_}
        if words & FUTURE_AUX:
            return "future"
        if _present_in_a_time_clause(verb, aux):
            return "future"  # "when the case is heard in May": English puts a future event of a
            # time or condition clause in the present tense
        if words & MODAL_AUX and not words & {"have", "'ve"} and (verb.tag_ == "VB" or verb.tag_ in (
                "VBG", "VBN") and not words & {"could"}):
            return "future"  # "would take effect Wednesday", "would be travelling Thursday";
            # "would have taken" looks back, "could be reached Wednesday" is a past ability
        if "to" in words and _under_past_perfect(verb):
            return "past"  # "had been due to expire Friday": the plan lies before the story
        left = {t.lower_ for t in doc[max(index["sent"][i], i - 3):i]}
        if left & FUTURE_LEFT and not words & {"had"}:
            return "future"  # "payable Dec. 7", "effective Feb. 1", "until Friday" (not "until
            # Friday they had refused")
        if verb.lemma_ in PLAN_VERBS and verb.tag_ in PAST_TAGS and (
                verb.lemma_ != "set" or any(c.lower_ == "for" for c in verb.children)):
            return "present"  # "has scheduled a news conference Thursday": the nearest one
        # "is calling a vote on Dec. 7", "are scheduled for Friday", "to be completed by Dec. 15":
        # a participle after a present or infinitive auxiliary is not the past tense
        progressive = any(c.tag_ in ("VBZ", "VBP") and c.lower_ not in ("has", "have", "'s", "'ve")
                          or c.lower_ == "to" for c in aux) and not words & {"have", "'ve"}  # "to have died"
        if any(c.tag_ in PAST_TAGS for c in aux) or (verb.tag_ in PAST_TAGS and not progressive):
            return "past"
        if verb.tag_ in ("VBZ", "VBP", "VB", "VBG") or progressive:
            sent_start = index["sent"][i]
            end = i
            while end < len(doc) and index["sent"][end] == sent_start:
                end += 1
            if any(t.lower_ in FUTURE_AUX or t.lower_ in FUTURE_MARKERS for t in doc[sent_start:end]):
                return "future"
            if verb.tag_ in ("VBZ", "VBP") and not words & {"has", "have", "'s", "'ve"} or (
                    verb.tag_ == "VB" and "to" in words) or progressive and (verb.tag_ == "VBG" or "to" in words):
                return "present"
            # a present passive with no forward marker reports what happened: "two men are
            # accused of an attack on Friday" looks back
        return "past"
    return tense


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_PAST_PERFECT_AUX = {"had", "'d"}


def _under_past_perfect(verb) -> bool:
    """Whether the infinitive ``verb`` hangs (through *due*, *scheduled*, *expected* …) off a
    clause in the past perfect: *the offer had been due to expire Friday*. The walk stops at
    the first finite verb: its own tense governs the infinitive."""
    node = verb
    for _ in range(4):
        if node.head is node:
            return False
        node = node.head
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_PERFECT_AUX for c in node.children):
            return True
        if node.tag_ in _FINITE_TAGS:
            return False
    return False


#: what a figure is compared with lies before it: "up from 9.8% in June", "down from 3 million
#: in May", "compared with 3% in March", "since January"
_BASE_PREPS = {"since"}
_CHANGE_ADVERBS = {"up", "down"}
_COMPARING = {"compared", "against"}


def _time_of_saying(doc: Doc, i: int):
    """"said *Tuesday* the tariffs would stay", "said on *Monday* they would cut prices": a
    date right after a reporting verb is when it was said, whatever the parser hung it on;
    the reporting verb's tense, or None."""
    j = i - 1
    if j >= 0 and doc[j].lower_ == "on":
        j -= 1
    if j < 0 or doc[j].lemma_ not in REPORTING_LEMMAS or doc[j].pos_ != "VERB":
        return None
    return "past" if doc[j].tag_ == "VBD" else "present" if doc[j].tag_ in ("VBZ", "VBP") else None


def _comparison_base(tok) -> bool:
    """Is ``tok`` inside the base of a comparison (the earlier figure of "could reach 15% by
    December, up from 9.8% in June"), which the story's verb, future or not, looks back to?"""
    node = tok
    for _ in range(5):
        if node.head is node or node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":
            return False
        if node.lower_ in _BASE_PREPS and node.dep_ == "prep":
            return True
        if node.lower_ in ("from", "with") and node.dep_ == "prep" and (
                node.head.lower_ in _CHANGE_ADVERBS or node.head.lower_ in _COMPARING):
            return True
        node = node.head
    return False


def _governing_verb(tok):
    """The verb an expression depends on: the first verb up the tree from ``tok``. A gerund
    with no auxiliary has no tense of its own (*planning for the summit in April*, *with the
    third flight departing from August 6*): the walk goes on to the verb above it."""
    verb = tok
    for _ in range(10):
        if verb.head is verb:
            break
        if verb.pos_ in ("VERB", "AUX") and not (
                verb.tag_ == "VBG" and verb.dep_ in _GERUND_DEPS
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
            break
        verb = verb.head
    return verb


#: a gerund in these relations is the object of a preposition ("in planning", "with … departing")
_GERUND_DEPS = {"pcomp", "pobj"}
#: conjunctions of a time or condition clause, whose present tense can mean the future
_TIME_CLAUSE_MARKS = {"when", "if", "once", "unless", "until", "till", "before", "after"}


def _present_in_a_time_clause(verb, aux) -> bool:
    """``verb`` is present tense (*is heard*, *opens*) in a clause of time or condition."""
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_CLAUSE_MARKS
                                       for c in verb.children):
        return False
    tags = {verb.tag_} | {c.tag_ for c in aux}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD"} and not any(
        c.lower_ in ("has", "have") for c in aux)
