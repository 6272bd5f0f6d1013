"""Contradicting statements: X and not X, across articles.

Two kinds, both precision first (fewer flags, each one right):

- ``same speaker``: one speaker (one registry key) reported in two articles as saying a
  thing and its negation (*"The plant will close next year," the mayor said* / *the mayor
  said the plant would not close next year*);
- ``two sources``: two different speakers, in one article or two articles of one story,
  putting opposite claims about the same entity (*police said Ortiz was armed* / *his lawyer said
  Ortiz was not armed*: both name the entity inside what they say).

A statement is compared **clause by clause** (its content cut at ``;``, sentence ends and
contrastive conjunctions: *We do not want war, but we want the plant closed* holds two
claims). Two clauses make one proposition in opposite polarity when (all must hold):

- each has at least :data:`MIN_TERMS` content words besides negations (stemmed, as the
  statement linker counts them), and they share at least :data:`MIN_TERMS`, covering at
  least :data:`OVERLAP` of *each* clause's content words — the same predicate about the
  same things, not a theme in common;
- their polarities differ: a clause's polarity is the parity of its negations (*not*,
  *n't*, *never*, *no* …) — a negation that scopes over a shared word, never one buried in a
  word the other clause lacks — turned round when the speaker *denied* it (the certainty
  step's ``denied``);
- neither is hedged or conditional: a quote whose certainty is ``possible``,
  ``conditional``, ``unconfirmed``, ``not denied`` or ``negated`` (*did not say*), a question, or a clause
  with *if*/*unless*/*whether*/*let's say*, or a negated verb of saying (*I'm not saying
  that …*), asserts nothing to contradict;
- the two articles are not one text republished (wire copy), and the pair is not already
  a misquote of one statement (a verbatim report that dropped a negation is flagged there).

Two flags per pair are never made (the earlier article's clause is ``a``); each flag
names both versions, the clauses that clash, the negation it rests on, and the shared
words. The method follows the negation-mismatch cue of contradiction detection in de
Marneffe, Rafferty and Manning, "Finding Contradictions in Text" (ACL 2008), restricted
to aligned clauses with the same speaker or the same entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.across.keys import entity_key, key_of
from claimgraph.across.text import NEGATIONS, content_words, stem, tokens
from claimgraph.model import Article

MIN_TERMS = 3    # content words a clause needs, and two clauses must share
OVERLAP = 0.75   # share of each clause's content words the other one holds
NEG_REACH = 8    # a negation scopes over the next so many words of its clause
MAX_CANDIDATES = 400  # earlier clauses compared per speaker or per (story, entity)
#: certainty labels under which a quote asserts nothing to contradict
NOT_ASSERTED = frozenset({"possible", "conditional", "unconfirmed", "not denied", "negated"})
#: words of a condition, a supposition or an embedded question: the clause asserts nothing
CONDITIONAL = frozenset({"if", "unless", "whether", "suppose", "supposing", "imagine", "let"})
#: a negated verb of saying (*I'm not saying that …*) withholds a claim, it makes none
SAYING = frozenset({"say", "saying", "says", "said", "suggest", "suggesting", "claim", "claiming",
                    "tell", "telling", "promise", "promising", "predict", "predicting"})
#: entity types whose claims about them two sources can contradict
TOPIC = frozenset({"PERSON", "ORG", "GOVERNMENT", "GPE", "GROUP", "FAC", "LAW", "PRODUCT", "EVENT"})

#: a negation that turns round nothing the clause asserts: *no doubt*, *don't doubt*, *make
#: no mistake*, *not only*, *never been more* (certain), or one inside a relative clause
#: (*crews who were not on strike were paid*)
NOT_DENYING = frozenset({"doubt", "doubts", "doubted", "question", "wonder", "mistake", "only",
                         "more", "better", "happier", "prouder"})
RELATIVE = frozenset({"who", "which", "whose", "whom"})

_CLAUSE_BREAK = re.compile(r"[;:.!?]+\s|\s[-–—]\s|,?\s+(?:but|while|whereas|although|though|yet)\s"
                           r"|,\s+(?=(?:not|never)\s)",  # a contrast: *next spring, not next summer*
                           re.IGNORECASE)


@dataclass
class Clause:
    """One clause of one quote, with what the comparison needs."""

    article: str
    quote: str
    speaker: str              # registry key
    speaker_name: str
    text: str                 # the clause
    content: str              # the whole quote
    words: list[str]          # the clause's folded words
    denied: bool              # the speaker denied it (the quote's certainty)
    terms: frozenset[str]
    about: frozenset[str]     # registry keys of topic entities named inside the quote
    story: str
    outlet: Optional[str]
    published: Optional[str]
    copy_of: Optional[str]
    names: dict = field(default_factory=dict, repr=False)  # key -> name, for about

    def to_json(self, polarity: tuple[bool, str]) -> dict:
        return {"article": self.article, "quote": self.quote, "speaker": self.speaker_name,
                "speaker_key": self.speaker, "outlet": self.outlet, "published": self.published,
                "clause": self.text, "text": self.content,
                "polarity": "affirmed" if polarity[0] else "negated", "negation": polarity[1] or None}


@dataclass
class Opposite:
    """Two statements that say X and not X."""

    kind: str                 # "same speaker" | "two sources"
    a: Clause                 # the earlier one
    b: Clause
    shared: tuple[str, ...]   # content words both clauses carry
    polarity: tuple[tuple[bool, str], tuple[bool, str]]  # (affirmed, negation word) of a, b
    about: Optional[str] = None  # the entity both claims are about ("two sources")

    def to_json(self) -> dict:
        pa, pb = self.polarity
        neg = pa[1] if not pa[0] else pb[1]
        reason = (f"{'the same speaker' if self.kind == 'same speaker' else 'two sources'}: "
                  f"one clause affirms, the other negates it ({neg!r}); shared words: "
                  f"{', '.join(self.shared)}")
        out = {"type": "statements", "kind": self.kind, "a": self.a.to_json(pa), "b": self.b.to_json(pb),
               "shared": list(self.shared), "reason": reason}
        if self.about:
            out["about"] = self.a.names.get(self.about) or self.b.names.get(self.about) or self.about
            out["about_key"] = self.about
        return out


def clauses_of(text: str) -> list[tuple[int, str]]:
    """The clauses of a quote's content, with their offsets in it."""
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if text[start:m.start()].strip():
            out.append((start, text[start:m.start()]))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def polarity(words: list[str], shared_at: set[int]) -> tuple[bool, str]:
    """Affirmed or negated, by the negations that scope over a word the other clause shares
    (``shared_at``: indices into ``words``); the last such negation's word."""
    affirmed, word = True, ""
    for i, w in enumerate(words):
        if w in NEGATIONS and any(j in shared_at for j in range(i + 1, min(len(words), i + 1 + NEG_REACH))):
            affirmed, word = not affirmed, w
    return affirmed, word


def _withheld(words: list[str]) -> bool:
    """A negation followed closely by a verb of saying: *not saying*, *won't predict*."""
    return any(w in NEGATIONS and SAYING.intersection(words[i + 1:i + 4]) for i, w in enumerate(words))


def _not_denying(words: list[str]) -> bool:
    """A negation that denies nothing the clause says (:data:`NOT_DENYING`, :data:`RELATIVE`):
    its polarity is not to be read off it."""
    return any(w in NEGATIONS and (NOT_DENYING.intersection(words[i + 1:i + 4])
                                   or RELATIVE.intersection(words[max(0, i - 3):i]))
               for i, w in enumerate(words))


def _terms(words: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in content_words(words) if w not in NEGATIONS)


def clauses(article: Article, story: str, copy_of: Optional[str] = None) -> list[Clause]:
    """The asserting clauses of an article's quotes that have a known speaker."""
    out: list[Clause] = []
    for q in article.quotes:
        speaker = entity_key(article, q.speaker)
        if speaker is None or q.certainty in NOT_ASSERTED:
            continue
        ent = article.entity(q.speaker)
        content = article.span_text(q.content)
        s0 = q.content[0]
        about, names = set(), {}
        for e in article.entities:
            if e.type in TOPIC and e.id != q.speaker and any(
                    s0 <= m[0] and m[1] <= q.content[1] for m in e.mentions):
                k = key_of(e)
                about.add(k)
                names[k] = e.name
        for off, text in clauses_of(content):
            stripped = text.strip()
            if stripped.endswith("?"):
                continue
            ws = [t.norm for t in tokens(text)]
            if not ws or ws[0] == "should" or CONDITIONAL.intersection(ws) or _withheld(ws) \
                    or _not_denying(ws):
                continue
            terms = _terms(ws)
            if len(terms) < MIN_TERMS:
                continue
            out.append(Clause(article.id, q.id, speaker, ent.name if ent else speaker, stripped,
                              content, ws, q.certainty == "denied", terms, frozenset(about), story,
                              article.outlet, article.published, copy_of, names))
    return out


#: verbs and adjectives whose opposites say "not X" (*lose* / *keep*, *rise* / *fall*): a
#: clause that has one where the other has its opposite is turned round once more, so *no
#: staff will lose their jobs* agrees with *staff will keep their jobs*
ANTONYMS = (("lose", "keep"), ("win", "lose"), ("rise", "fall"), ("increase", "decrease"),
            ("open", "close"), ("accept", "reject"), ("support", "oppose"), ("allow", "ban"),
            ("guilty", "innocent"), ("true", "false"), ("legal", "illegal"), ("safe", "unsafe"),
            ("armed", "unarmed"), ("approve", "reject"), ("confirm", "deny"), ("present", "absent"),
            ("alive", "dead"), ("up", "down"), ("raise", "cut"), ("agree", "disagree"))
_INFLECT = ("", "s", "d", "ed", "ing", "es")
_IRREGULAR = {"lose": ("lost", "losing"), "keep": ("kept",), "win": ("won", "winning"),
              "rise": ("rose", "risen", "rising"), "fall": ("fell", "fallen"),
              "cut": ("cutting",), "close": ("closing",), "raise": ("raising",)}


def _forms(word: str) -> set[str]:
    return {stem(word + end) for end in _INFLECT} | {stem(w) for w in _IRREGULAR.get(word, ())} | {stem(word)}


_OPPOSITE: dict[str, set[str]] = {}
for _a, _b in ANTONYMS:
    for _x in _forms(_a):
        _OPPOSITE.setdefault(_x, set()).update(_forms(_b))
    for _x in _forms(_b):
        _OPPOSITE.setdefault(_x, set()).update(_forms(_a))


def _antonym(a_only: frozenset[str], b_only: frozenset[str]) -> Optional[tuple[str, str]]:
    for x in sorted(a_only):
        for y in sorted(b_only & _OPPOSITE.get(x, set())):
            return x, y
    return None


def clash(a: Clause, b: Clause) -> Optional[tuple[tuple[str, ...], tuple]]:
    """``(shared words, (polarity of a, of b))`` when ``a`` and ``b`` are one proposition
    in opposite polarity (a polarity: ``(affirmed, the negation it rests on)``). One word
    replaced by its opposite (:data:`ANTONYMS`) turns ``b`` round once more."""
    shared = a.terms & b.terms
    if len(shared) < MIN_TERMS or len(shared) < OVERLAP * max(len(a.terms), len(b.terms)):
        return None
    pol = []
    for c in (a, b):
        at = {i for i, w in enumerate(c.words) if stem(w) in shared}
        affirmed, neg = polarity(c.words, at)
        if c.denied:
            affirmed, neg = not affirmed, neg or "denied"
        pol.append((affirmed, neg))
    swap = _antonym(a.terms - shared, b.terms - shared)
    if swap:
        pol[1] = (not pol[1][0], pol[1][1] or f"{swap[1]} for {swap[0]}")
    if pol[0][0] == pol[1][0]:
        return None
    return tuple(sorted(shared)), tuple(pol)


class OppositeIndex:
    """Incremental: :meth:`add` compares a new article's clauses with earlier ones of the
    same speaker, and of the same story about the same entity."""

    def __init__(self):
        self.by_speaker: dict[str, list[Clause]] = {}
        self.by_topic: dict[tuple[str, str], list[Clause]] = {}
        self.by_key: dict[tuple[str, str, str], Clause] = {}
        self.found: list[Opposite] = []
        self.last: Optional[dict] = None

    def add(self, article: Article, story: str, copy_of: Optional[str] = None,
            skip: frozenset = frozenset()) -> list[Opposite]:
        """``skip``: pairs of ``(article, quote)`` already flagged as misquotes."""
        new = clauses(article, story, copy_of)
        found: list[Opposite] = []
        seen: set[tuple] = set()
        here: dict[str, list[Clause]] = {}  # this article's clauses so far, by topic entity
        for c in new:
            cands = [("same speaker", o, None) for o in self.by_speaker.get(c.speaker, ())[-MAX_CANDIDATES:]]
            for k in sorted(c.about):
                earlier = list(self.by_topic.get((story, k), ())[-MAX_CANDIDATES:]) + here.get(k, [])
                cands += [("two sources", o, k) for o in earlier if o.speaker != c.speaker]
                here.setdefault(k, []).append(c)
            for kind, o, about in cands:
                if (o.article == c.article and kind == "same speaker") or _copies(o, c):
                    continue  # two sources may disagree in one article; one speaker there is one account
                pair = ((o.article, o.quote), (c.article, c.quote))
                if pair in seen or pair in skip or pair[::-1] in skip:
                    continue
                result = clash(o, c)
                if result:
                    seen.add(pair)
                    found.append(Opposite(kind, o, c, result[0], result[1], about))
        self.last = {"story": story, "clauses": new,
                     "found": [(f.kind, _ref(f.a), _ref(f.b), f.shared, f.polarity, f.about)
                               for f in found]}
        self.restore(self.last)
        return found

    def restore(self, state: dict) -> None:
        """Put back an article's clauses and flags as :meth:`add` found them."""
        for c in state["clauses"]:
            self.by_key[_ref(c)] = c
            self.by_speaker.setdefault(c.speaker, []).append(c)
            for k in c.about:
                self.by_topic.setdefault((state["story"], k), []).append(c)
        for kind, a, b, shared, pol, about in state["found"]:
            self.found.append(Opposite(kind, self.by_key[a], self.by_key[b], shared, pol, about))


def _ref(c: Clause) -> tuple[str, str, str]:
    return (c.article, c.quote, c.text)


def _copies(a: Clause, b: Clause) -> bool:
    return a.copy_of == b.article or b.copy_of == a.article or bool(a.copy_of and a.copy_of == b.copy_of)
