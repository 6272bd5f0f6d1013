"""Attribution candidates whose cue is not a verb taking its content as a dependent.

:mod:`.candidates` finds a cue verb (or noun) with its content among its dependents. Here
are the predicates that say where someone stands with other words: an adjective of
attitude with its complement (*critical of*, *confident in*) or its clause (*confident
that …*, *willing to …*), and a preposition of
stance after the copula (*is against the plan*, *was for the TPP*); and the reporting
verb of a fronted *as*-clause, whose content is the clause it is set before (*As The
Atlantic noted, trust is collapsing*); and a noun of stance received, whose content is
the receiver (*the levy has drawn criticism from farmers*). Whether
each is an attribution is, as for every candidate, the cue classifier's decision.
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.lexicon import REPORTING_LEMMAS, verb_classes
from claimgraph.parsed import tokens_with
from claimgraph.quotes.candidates import Candidate, content_bounds, infinitive, prep_object_bounds, subject_of


def predicate_candidates(doc: Doc) -> Iterator[Candidate]:
    """Every candidate of this module, in document order of the generators."""
    yield from _adjective_candidates(doc)
    yield from _adjective_clause_candidates(doc)
    yield from _stance_candidates(doc)
    yield from _fronted_as_candidates(doc)
    yield from _received_stance_candidates(doc)


#: where an adjective is predicated of someone: after a copula or a verb of becoming
#: ("is *critical of*", "became *interested in*"), as an object's complement, conjoined to
#: one, or after the noun it modifies ("comments *supportive of* her bid")
PREDICATIVE_ADJ_DEPS = frozenset({"acomp", "oprd", "conj", "amod"})


def _adjective_candidates(doc: Doc) -> Iterator[Candidate]:
    """Adjectives of attitude with a prepositional complement: "Republicans have been
    *critical of* Clinton's use of email", "is *confident in* the outcome", "*supportive of*
    her bid". Adjectives of affect and judgement (Martin and White 2005, "The Language of
    Evaluation", appraisal) take what they evaluate as the object of a preposition, and
    PolNeAR annotates them as attributions of attitude (Newell et al. 2018). Most adjectives
    with a preposition evaluate nothing ("similar to", "close to"): the classifier decides,
    from the relation "adj:<preposition>" and the adjective."""
    for adj in tokens_with(doc, "POS", ("ADJ",)):
        if adj.dep_ not in PREDICATIVE_ADJ_DEPS or adj.dep_ == "amod" and adj.i < adj.head.i:
            continue
        for prep in adj.rights:
            if prep.dep_ != "prep":
                continue
            bounds = prep_object_bounds(prep)
            if bounds is not None and bounds[1] > bounds[0]:
                yield Candidate(adj, bounds[0], bounds[1], f"adj:{prep.lower_}", subject_of(adj))


#: where an adjective with a clause of its own is predicated of someone: besides the places
#: of :data:`PREDICATIVE_ADJ_DEPS`, a small-clause complement ("made me *proud to be* …") and
#: a verbless adverbial clause ("each *suddenly willing to* get personal")
CLAUSAL_ADJ_DEPS = PREDICATIVE_ADJ_DEPS | {"ccomp", "advcl"}


def _adjective_clause_candidates(doc: Doc) -> Iterator[Candidate]:
    """Adjectives of belief, feeling and will with a clause as complement: "was *optimistic
    that* she would weather the review", "is *willing to* predict …", "*surprised that* …",
    "*less sure where* Rubio stands" (relation "adj:ccomp", or "adj:xcomp" for the
    infinitive). Quirk et al. (1985, ch. 16) list the adjectives that take a that-clause
    or an infinitive as complement; most are attitudes PolNeAR annotates. An
    adjective of that kind with no attitude ("*likely to* win", "*able to* pay") is the
    classifier's to reject."""
    for adj in tokens_with(doc, "POS", ("ADJ",)):
        if adj.dep_ not in CLAUSAL_ADJ_DEPS or adj.dep_ == "amod" and adj.i < adj.head.i:
            continue
        for child in adj.rights:
            if child.dep_ == "ccomp" or child.dep_ == "xcomp" and infinitive(child):
                start, end = content_bounds(child, adj)
                if end > start:
                    yield Candidate(adj, start, end, f"adj:{child.dep_}", subject_of(adj))


#: prepositions that, predicated of someone by the copula, take a side: "I'm *for* the
#: proposal", "who are *against* adding regulation" (Quirk et al. 1985, §9.56: *for* and
#: *against* of support and opposition)
STANCE_PREPS = frozenset({"for", "against"})


def _stance_candidates(doc: Doc) -> Iterator[Candidate]:
    """A stance preposition after the copula, with its object as the content and the
    preposition as the cue (relation "stance:<preposition>"): "Clinton was *for* the TPP
    before she was *against* it". Most "be for" says a purpose ("the money is for
    schools"): the classifier decides."""
    for prep in tokens_with(doc, "LOWER", tuple(STANCE_PREPS)):
        verb = prep.head
        if prep.dep_ != "prep" or verb.lemma_ != "be" or verb.i > prep.i:
            continue
        bounds = prep_object_bounds(prep)
        if bounds is not None and bounds[1] > bounds[0]:
            yield Candidate(prep, bounds[0], bounds[1], f"stance:{prep.lower_}", subject_of(verb))


def _fronted_as_candidates(doc: Doc) -> Iterator[Candidate]:
    """"*As The Atlantic recently noted*, trust in government is collapsing", "As reported
    by the Post, …": an *as*-parenthetical (Potts 2002, "The syntax and semantics of
    *as*-parentheticals") set before its clause and off by a comma attributes that clause
    to the subject of its reporting verb; the parser hangs it on the clause's verb as an
    adverbial clause. The relation is "inverted", that of the frames set after or inside
    their clause ("…, as she said", "…, she said, …"), which :mod:`.candidates` finds."""
    for verb in tokens_with(doc, "DEP", ("advcl",)):
        head = verb.head
        if verb.lemma_ not in REPORTING_LEMMAS or head.i < verb.i or not any(
                c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
            continue
        after = verb.right_edge.i + 1
        if after >= len(doc) or doc[after].text != ",":
            continue
        start, end = content_bounds(head, verb)
        start = max(start, after + 1)
        if end - start >= 3:
            yield Candidate(verb, start, end, "inverted", subject_of(verb))


#: the nominal cue classes of taking sides (``noun_criticize``: "criticism", "condemnation";
#: ``noun_support``: "support", "praise", "opposition") in ``data/cue_verb_classes.tsv``
STANCE_NOUN_CLASSES = frozenset({"noun_criticize", "noun_support"})

#: verbs whose subject is on the receiving end of their object ("*drew* criticism", "*has*
#: strong support", "*won* the backing of …", "*sparked* opposition"): the object's act is
#: directed at the subject
RECEIVING_LEMMAS = frozenset("draw face receive win get attract earn enjoy have garner gain invite provoke "
                             "spark".split())

#: prepositions that name who holds a received stance ("criticism *from* rivals", "support
#: *among* evangelicals", "support *within* the party", "the backing *of* the unions")
HOLDER_PREPS = frozenset({"from", "among", "by", "within", "of"})


def _stance_noun(noun: Token) -> bool:
    """A noun of taking sides (:data:`STANCE_NOUN_CLASSES`)."""
    return bool(STANCE_NOUN_CLASSES & set(verb_classes().get(noun.lemma_.lower(), ())))


def _holder_of_received(noun: Token, verb: Token) -> Optional[Token]:
    """Who holds the stance: the object of "from", "among" … on the noun or on the verb."""
    for prep in list(noun.rights) + [c for c in verb.rights if c.i > noun.i]:
        if prep.dep_ == "prep" and prep.lower_ in HOLDER_PREPS:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _received_stance_candidates(doc: Doc) -> Iterator[Candidate]:
    """A stance received: "the bill *has drawn criticism* from Democrats", "Clinton *has
    strong support* among black voters", "the plan *won the backing* of the unions". The
    noun's act (criticising, supporting) is aimed at the subject of the receiving verb, which
    is therefore its content (relation "received"), held by whoever "from" or "among" names.
    The noun is the cue as PolNeAR marks it; the classifier decides, from the noun and the
    relation, whether the stance is reported ("has support" of a bill in a vote count may
    not be)."""
    for noun in tokens_with(doc, "DEP", ("dobj",)):
        verb = noun.head
        if verb.lemma_.lower() not in RECEIVING_LEMMAS or not _stance_noun(noun):
            continue
        subj = subject_of(verb)
        if subj is None or subj.i > verb.i:
            continue
        start, end = content_bounds(subj)
        if end > start:
            yield Candidate(noun, start, end, "received", _holder_of_received(noun, verb))
