"""Hedges and certainty: how firmly each claim is made, and the words that say so.

Cues follow the CoNLL-2010 shared task on hedge detection (Farkas, Vincze, Móra, Csirik &
Szarvas 2010, "The CoNLL-2010 Shared Task: Learning to Detect Hedges and their Scope in
Natural Language Text") and the semantic uncertainty classes of Szarvas, Vincze, Farkas,
Móra & Gurevych (2012, "Cross-Genre and Cross-Domain Detection of Semantic Uncertainty",
Computational Linguistics 38(2)): *epistemic* cues (possibility and probability: *may*,
*could*, *likely*, *probably*, *apparent*) and *doxastic* cues (belief and report: *is
said to be*, *believed*, *considered*, *reportedly*, *allegedly*, *speculation that*).
Conditional and investigation cues (*if*, *whether*) are not hedges of a claim and are
left out, as in the news-oriented evaluation. Part-of-speech filters keep the lexical
ambiguity in check (the month *May*, *could* in *could not*, *considered* meaning
*examined*), the approach Szarvas et al. found to carry across genres. Negation and denial
(*has not denied*, *denied*, *has not confirmed*) are labelled too, following the
factuality scale of FactBank (Saurí & Pustejovsky 2009): they are not hedges but they
change what the reader may take as asserted.

Each cue becomes a :class:`~claimgraph.model.Hedge` whose ``scope`` is the claim it
qualifies: the quote content or attributed claim that holds it, else its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.step import Step
from claimgraph.model import Hedge
from claimgraph.parsed import doc_text, sentence_of

# certainty labels, from most to least asserted
#: the labels that are hedges proper (epistemic and doxastic uncertainty)
HEDGE_LABELS = frozenset({"probable", "reported", "believed", "possible"})

NEGATION_DEPS = {"neg"}
MODAL_TAG = "MD"
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
#: a claim with no other cue but one of these is labelled "negated" (not a hedge record:
#: a negative claim is asserted, not hedged)
NEGATION_WORDS = re.compile(r"\b(?:not|never|no\s+longer)\b|n['’]t\b", re.IGNORECASE)


@dataclass
class Cue:
    """One hedge cue found in a doc: token range and certainty label."""

    start: int  # token index
    end: int
    certainty: str


def _next(tok: Token, k: int = 1) -> Optional[Token]:
    i = tok.i + k
    return tok.doc[i] if 0 <= i < len(tok.doc) else None


def _next_lower(tok: Token, k: int = 1) -> str:
    nxt = _next(tok, k)
    return nxt.lower_ if nxt is not None else ""


def _negated(tok: Token) -> bool:
    """*could not*, *did not deny*: a negation on the cue or its verb."""
    head = tok.head if tok.tag_ == MODAL_TAG else tok
    if any(c.dep_ in NEGATION_DEPS for c in head.children):
        return True
    return _next_lower(tok) in ("not", "n't", "never")


# ---------------------------------------------------------------- cue tests
#: what a modal with its verb left out sums up in "did *everything* they could"
ELIDED_ABILITY_HEADS = frozenset("everything all anything whatever what nothing best most much".split())


def _modal(tok: Token) -> Optional[int]:
    """may / might / could as an epistemic modal (not the month, not *could not*)."""
    if tok.tag_ != MODAL_TAG and tok.lower_ != "might":
        return None
    if tok.lower_ == "may" and tok.text == "May" and tok.i > 0 and not tok.is_sent_start:
        return None
    if tok.lower_ == "could" and _negated(tok):
        return None  # "could not": inability, not possibility
    if tok.lower_ == "could" and tok.head.lemma_ in ("see", "hear", "feel", "afford", "find") \
            and not any(c.dep_ == "auxpass" for c in tok.head.children):
        return None  # "could see": ability
    if tok.lower_ in ("could", "can") and tok.dep_ == "relcl" and tok.head.lower_ in ELIDED_ABILITY_HEADS \
            and not any(c.pos_ in ("VERB", "AUX") for c in tok.children):
        return None  # "did everything they could", "all we can": ability, its verb left out
    words = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 5]]
    for tail in (["or", tok.lower_, "not"], [",", "or", tok.lower_, "not"]):
        if words[:len(tail)] == tail:
            return len(tail) + 1  # "may or may not": one cue
    if tok.lower_ in ("could", "might"):
        before = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i]]
        if "so" in before and ("that" in before or before[-1:] != ["so"]) or "order" in before \
                or tok.lower_ == "could" and before[-2:-1] == ["as"]:
            return None  # "so that he could leave", "in order that", "as much as it could": purpose, ability
    return 1


def _adj_or_adv(tok: Token) -> Optional[int]:
    if _in_idiom(tok):
        return None
    if tok.pos_ in ("ADJ", "ADV") or tok.tag_ in ("JJ", "RB"):
        return 1
    return None


#: fixed phrases in which a hedge word has lost its epistemic sense, as word sequences
#: with the position of the cue word in them: *as likely as not* (even odds stated as a
#: fact), *believe me* / *believe it or not* / *would you believe* (emphasis, not belief)
IDIOMS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("as", "likely", "as", "not"), 1),
    (("believe", "me"), 0), (("believe", "us"), 0), (("believe", "you", "me"), 0),
    (("believe", "it", "or", "not"), 0), (("would", "you", "believe"), 2),
    (("if", "possible"), 1), (("where", "possible"), 1), (("wherever", "possible"), 1),
    (("whenever", "possible"), 1), (("when", "possible"), 1), (("every", "possible"), 1),
    (("all", "possible"), 1), (("extent", "possible"), 1),
)


def _in_idiom(tok: Token) -> bool:
    low = tok.lower_
    for words, at in IDIOMS:
        if words[at] != low or tok.i - at < 0 or tok.i - at + len(words) > len(tok.doc):
            continue
        if all(tok.doc[tok.i - at + k].lower_ == w for k, w in enumerate(words)):
            return True
    return False


#: superlatives that take *possible* as an intensifier (*the worst possible timing*)
_SUPERLATIVE_WORDS = frozenset({"best", "worst", "least", "most", "greatest", "fewest", "earliest",
                                "latest", "lowest", "highest", "largest", "smallest", "strongest",
                                "fastest", "shortest", "longest", "biggest"})


def _superlative(tok: Optional[Token]) -> bool:
    return tok is not None and (tok.tag_ in ("JJS", "RBS") or tok.lower_ in _SUPERLATIVE_WORDS)


def _any(tok: Token) -> Optional[int]:
    return 1


def _verb(tok: Token) -> Optional[int]:
    return 1 if tok.tag_ in VERB_TAGS else None


def _believe(tok: Token) -> Optional[int]:
    """believe/think as belief: *is believed to*, *I think (that)*, *thought to be*."""
    if tok.tag_ not in VERB_TAGS or _in_idiom(tok):
        return None  # "Believe me, …": emphasis, not belief
    nxt = _next_lower(tok)
    if nxt in ("in", "of", "about", "so") and tok.lemma_ == "think":
        return None
    if nxt == "in" and tok.lemma_ == "believe":
        return None
    if tok.lemma_ == "think" and tok.tag_ == "VBG":
        return None
    return 1


def _considered(tok: Token) -> Optional[int]:
    """*considered (to be) X*, *considered one of*: an opinion, not deliberation."""
    if tok.lower_ not in ("considered", "consider", "considers", "regarded", "seen", "viewed", "deemed"):
        return None
    nxt = _next_lower(tok)
    window = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 8]]
    if tok.lower_ in ("regarded", "seen", "viewed"):
        return 1 if nxt == "as" or _passive(tok) and "as" in window else None
    if tok.lower_ == "deemed":
        return 1
    if nxt == "by" and _passive(tok) and ("to" in window or "as" in window):
        return 1  # "is considered by many to be"
    if tok.lower_ in ("consider", "considers"):
        # "some consider him the best", "critics consider it to be": an opinion held
        return 1 if tok.tag_ in VERB_TAGS and ("to" in window[:5] and "be" in window[:6] or "as" in window[:4]) else None
    if nxt in ("by", "for", "whether", "how", "what", "that") or tok.tag_ == "VBD" and not _passive(tok):
        return None  # "considered the offer", "was considered for the post": deliberation
    if _passive(tok) or nxt in ("to", "as", "one", "among"):
        return 1
    return None


def _passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children) or (
        tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "be")


def _said_to(tok: Token) -> Optional[int]:
    """*is said to be*, *are said to have*: reported, not asserted."""
    if tok.lower_ in ("said", "reported", "rumoured", "rumored", "alleged", "understood",
                      "known") and _next_lower(tok) == "to":
        if tok.lower_ == "known":
            return None
        if any(c.dep_ == "auxpass" for c in tok.children) or tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "be":
            return 3 if _next_lower(tok, 2) == "be" else 2
    return None


def _expected(tok: Token) -> Optional[int]:
    """*is expected to*, *expected that*: a forecast."""
    nxt = _next_lower(tok)
    if nxt in ("to", "that") and (tok.tag_ == "VBN" or tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "be"):
        return 1
    return None


def _seem(tok: Token) -> Optional[int]:
    if tok.tag_ not in VERB_TAGS:
        return None
    if tok.lemma_ == "appear" and _next_lower(tok) not in ("to", "that", "as", "likely", "unlikely") \
            and not (_next(tok) is not None and _next(tok).pos_ == "ADJ"):
        return None  # "appeared in court": showed up
    return 1


def _suggest(tok: Token) -> Optional[int]:
    if tok.tag_ not in VERB_TAGS:
        return None
    nxt = _next_lower(tok)
    if nxt in ("that", "the", "a", "an", "it", "he", "she", "they", "this") or any(
            c.dep_ == "ccomp" for c in tok.children):
        return 1
    if _passive(tok) and tok.lemma_ in ("suggest", "imply", "assume", "presume"):
        return 1  # "it has been suggested", "is implied to be", "is assumed in"
    return None


def _that_clause(tok: Token) -> Optional[int]:
    """*feared that*, *indicates that*, *assumed he would*: a verb of belief or inference
    with a clause, not with a plain object (*assumed office*, *feared his host*)."""
    if tok.tag_ not in VERB_TAGS:
        return None
    if _next_lower(tok) == "that" or any(c.dep_ == "ccomp" for c in tok.children):
        return 1
    return _suggest(tok) if _passive(tok) else None


def _noun_that(tok: Token) -> Optional[int]:
    """*the view that*, *the idea that*: a belief named and its content given."""
    if tok.pos_ != "NOUN" and tok.tag_ not in ("NN", "NNS"):
        return None
    return 1 if _next_lower(tok) == "that" else None


def _supposed(tok: Token) -> Optional[int]:
    """*the supposed self-portrait*, *is supposed to have been*: reputed, not asserted."""
    nxt, nxt2 = _next_lower(tok), _next_lower(tok, 2)
    if nxt == "to" and nxt2 in ("be", "have"):
        return 1
    nxt_tok = _next(tok)
    return 1 if nxt_tok is not None and nxt_tok.pos_ in ("NOUN", "PROPN", "ADJ") and nxt != "to" else None


def _accused(tok: Token) -> Optional[int]:
    return 1 if "of" in [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 7]] else None


def _evidence(tok: Token) -> Optional[int]:
    return 2 if _next_lower(tok) in ("evidence", "proof", "sign") else None


def _unclear(tok: Token) -> Optional[int]:
    if not (tok.pos_ == "ADJ" or tok.tag_ == "JJ"):
        return None
    before = [t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]]
    if tok.lower_ == "possible" and (before[-1:] == ["as"] or "make" in before or "makes" in before
                                     or "made" in before or "making" in before or _in_idiom(tok)
                                     or _superlative(tok.doc[tok.i - 1] if tok.i > 0 else None)):
        return None  # "as soon as possible", "made it possible", "the worst possible", "if possible"
    if tok.lower_ == "possible" and (before[-1:] and (before[-1] in ("maximum", "minimum") or tok.doc[tok.i - 1].like_num)
                                     or _next_lower(tok) == "for"):
        return None  # "the maximum possible value", "three possible patterns", "possible for both players": options
    return 1


# lower-cased word -> (certainty, test returning the cue length in tokens or None)
LEXICON: dict[str, tuple[str, Callable[[Token], Optional[int]]]] = {
    "may": ("possible", _modal), "might": ("possible", _modal), "could": ("possible", _modal),
    "possibly": ("possible", _any), "possible": ("possible", _unclear), "perhaps": ("possible", _any),
    "maybe": ("possible", _any), "potentially": ("possible", _any),
    "likely": ("probable", _adj_or_adv), "unlikely": ("probable", _adj_or_adv),
    "probably": ("probable", _any), "probable": ("probable", _any), "presumably": ("probable", _any),
    "apparently": ("probable", _any), "apparent": ("probable", _adj_or_adv),
    "seemingly": ("probable", _any), "seem": ("probable", _seem), "seems": ("probable", _seem),
    "seemed": ("probable", _seem), "appear": ("probable", _seem), "appears": ("probable", _seem),
    "appeared": ("probable", _seem), "expected": ("probable", _expected),
    "suggest": ("possible", _suggest), "suggests": ("possible", _suggest),
    "suggested": ("possible", _suggest), "unclear": ("possible", _unclear),
    "uncertain": ("possible", _unclear), "no": ("possible", _evidence),
    "reportedly": ("reported", _any), "allegedly": ("reported", _any),
    "purportedly": ("reported", _any), "supposedly": ("reported", _any),
    "reputedly": ("reported", _any), "alleged": ("reported", _adj_or_adv),
    "allege": ("reported", _verb), "alleges": ("reported", _verb),
    "rumoured": ("reported", _any), "rumored": ("reported", _any),
    "said": ("reported", _said_to), "reported": ("reported", _said_to),
    "understood": ("reported", _said_to),
    "speculation": ("possible", _any), "speculated": ("possible", _any),
    "speculate": ("possible", _any),
    "believe": ("believed", _believe), "believes": ("believed", _believe),
    "believed": ("believed", _believe), "think": ("believed", _believe),
    "thinks": ("believed", _believe), "thought": ("believed", _believe),
    "suspect": ("believed", _verb), "suspected": ("believed", _any),
    "considered": ("believed", _considered), "regarded": ("believed", _considered),
    "seen": ("believed", _considered), "viewed": ("believed", _considered),
    "deemed": ("believed", _considered),
    "accused": ("believed", _accused), "accuse": ("believed", _accused),
    "accuses": ("believed", _accused),
    "consider": ("believed", _considered), "considers": ("believed", _considered),
    "suggesting": ("possible", _suggest),
    "imply": ("possible", _that_clause), "implies": ("possible", _that_clause),
    "implied": ("possible", _that_clause), "implying": ("possible", _that_clause),
    "indicate": ("possible", _that_clause), "indicates": ("possible", _that_clause),
    "indicated": ("possible", _that_clause), "indicating": ("possible", _that_clause),
    "fear": ("believed", _that_clause), "fears": ("believed", _that_clause),
    "feared": ("believed", _that_clause),
    "assumed": ("believed", _that_clause), "presumed": ("believed", _that_clause),
    "supposed": ("believed", _supposed),
    "view": ("believed", _noun_that), "idea": ("believed", _noun_that),
    "belief": ("believed", _noun_that), "possibility": ("possible", _any),
    "hypothesis": ("possible", _any), "assumption": ("believed", _any),
}
# denial and confirmation verbs: label depends on negation
DENIAL_LEMMAS = {"deny", "refute", "dismiss", "reject"}
CONFIRM_LEMMAS = {"confirm", "verify", "corroborate"}


def find_cues(doc: Doc) -> list[Cue]:
    """Hedge, negation and denial cues of a doc, as token ranges."""
    cues: list[Cue] = []
    skip_to = -1
    for i in _candidates(doc):
        tok = doc[i]
        if tok.i < skip_to:
            continue
        low = tok.lower_
        entry = LEXICON.get(low)
        if entry is not None:
            certainty, test = entry
            n = test(tok)
            if n:
                cues.append(Cue(tok.i, tok.i + n, certainty))
                skip_to = tok.i + n
                continue
        if tok.lemma_ in DENIAL_LEMMAS and tok.tag_ in VERB_TAGS:
            if tok.lemma_ != "deny" and not any(c.lemma_ in ("claim", "report", "allegation", "accusation")
                                                for c in tok.children):
                continue
            neg = _negation_of(tok)
            if neg is not None:
                cues.append(Cue(min(neg.i, tok.i), max(neg.i, tok.i) + 1, "not denied"))
            else:
                cues.append(Cue(tok.i, tok.i + 1, "denied"))
        elif tok.lemma_ in CONFIRM_LEMMAS and tok.tag_ in VERB_TAGS:
            neg = _negation_of(tok)
            if neg is not None:
                cues.append(Cue(min(neg.i, tok.i), max(neg.i, tok.i) + 1, "unconfirmed"))
        elif low == "unconfirmed":
            cues.append(Cue(tok.i, tok.i + 1, "unconfirmed"))
        elif tok.dep_ in NEGATION_DEPS and not _negates_a_cue(tok):
            # a negation is a record of its own (scope: the clause it negates); whether it
            # makes a claim "negated" is the certainty step's call (not when it is inside
            # what a speaker asserts)
            cues.append(Cue(tok.i, tok.i + 1, "negated"))
    return cues


def _negates_a_cue(tok: Token) -> bool:
    """*has not denied*, *did not confirm*: the negation belongs to a denial or
    confirmation cue, which carries it."""
    head = tok.head
    return head.lemma_ in DENIAL_LEMMAS | CONFIRM_LEMMAS and head.tag_ in VERB_TAGS


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that can start a cue: a lexicon word, a denial or
    confirmation verb, or a negation (one vectorised pass instead of a Python loop)."""
    import numpy

    strings = doc.vocab.strings
    keys = _CANDIDATE_KEYS.get(id(strings))
    if keys is None:
        lower = numpy.array([strings.add(w) for w in set(LEXICON) | {"unconfirmed"}], dtype="uint64")
        lemma = numpy.array([strings.add(w) for w in DENIAL_LEMMAS | CONFIRM_LEMMAS], dtype="uint64")
        dep = numpy.array([strings.add(d) for d in NEGATION_DEPS], dtype="uint64")
        keys = _CANDIDATE_KEYS[id(strings)] = (lower, lemma, dep)
    arr = doc.to_array(["LOWER", "LEMMA", "DEP"])
    if not len(arr):
        return []
    hit = numpy.isin(arr[:, 0], keys[0]) | numpy.isin(arr[:, 1], keys[1]) | numpy.isin(arr[:, 2], keys[2])
    return numpy.flatnonzero(hit).tolist()


_CANDIDATE_KEYS: dict[int, tuple] = {}


def _negation_of(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in NEGATION_DEPS:
            return c
    for c in tok.children:  # "neither confirmed nor denied"
        if c.lower_ in ("neither", "nor"):
            return c
    return None


class HedgeTagger(Step):
    """Cue each claim's certainty; the scope is the quote, attribution or sentence."""

    def __init__(self, nlp: Language, name: str = "claimgraph_hedges", scorer=None):
        super().__init__(name, scorer)


    def predict(self, doc: Doc) -> list[Hedge]:
        claims = _claim_spans(doc)
        text = doc_text(doc)
        out: list[Hedge] = []
        for cue in find_cues(doc):
            first, last = doc[cue.start], doc[cue.end - 1]
            start, end = first.idx, last.idx + len(last.text)
            if cue.certainty == "negated":
                scope = _negated_clause(doc, first)
            else:
                scope = _scope(claims, start, end)
            if scope is None:
                sent = sentence_of(doc, first.i)
                scope = (sent.start_char, sent.end_char)
            out.append(Hedge(id=f"H{len(out) + 1}", cue=(start, end), scope=scope,
                             certainty=cue.certainty, cue_text=text[start:end]))
        return out

    def set_annotations(self, doc: Doc, hedges: list[Hedge]) -> None:
        doc._.cg_hedges = hedges


def _claim_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for q in doc._.cg_quotes or []:
        if getattr(q, "content", None):
            spans.append(tuple(q.content))
    for a in doc._.cg_attributions or []:
        if getattr(a, "claim", None):
            spans.append(tuple(a.claim))
    return spans


def _scope(claims: list[tuple[int, int]], start: int, end: int) -> Optional[tuple[int, int]]:
    """The smallest claim span that holds the cue."""
    holding = [c for c in claims if c[0] <= start and end <= c[1]]
    return min(holding, key=lambda c: c[1] - c[0]) if holding else None


def _negated_clause(doc: Doc, neg: Token) -> Optional[tuple[int, int]]:
    """What a negation negates: the clause of the verb it hangs on, within its sentence
    (*We are not leaving* → *We are not leaving*; not the speaker's *she said*)."""
    head = neg.head
    if head.dep_ == "advmod" and head.head.i != head.i:
        head = head.head  # "is no longer limited": the verb, not "longer"
    sent = sentence_of(doc, neg.i)
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("conj", "cc", "punct", "parataxis", "relcl") or \
                child.dep_ in ("ccomp", "advcl") and child.i < head.i:
            continue  # "… do not know the terrain and are likely to …": the next conjunct is not negated
        tokens.extend(child.subtree)
    tokens = [t for t in tokens if sent.start <= t.i < sent.end and not t.is_punct]
    if not tokens:
        return None
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
