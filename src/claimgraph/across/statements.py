"""Same statement, many reports: quotes of one speaker with the same content, linked.

Two quotes are reports of one statement when they come from different articles, have
the same speaker (the same registry key), and their contents agree (:func:`same_content`):

- a run of at least :data:`MIN_RUN` identical words (a verbatim or trimmed quotation), or
- at least :data:`MIN_SHARED` shared content words (stemmed; stopwords left out, numbers
  and negations kept) making up at least :data:`MIN_OVERLAP` of the shorter quote's content
  words and lying close together in the longer one (within :data:`SPREAD` times the
  shorter quote's length) — what survives trimming, partial quotation and indirect
  rendering (*"I am profoundly sorry"* / *he said he was profoundly sorry for the
  confrontation*). Two full direct quotations of one statement also share a run of
  :data:`DIRECT_RUN` words; without one they are two statements on one theme.

A verbatim run of :data:`MIN_RUN` words also links quotes whose speakers have different
keys but the same family name (*Paul R. LePage* / *Paul LePage*: the registry may keep
two keys for one person).

A new quote joins the statement holding its best-matching report, or founds one. Each
statement knows its reports in order, its **first report** (earliest publication, then
arrival), and for each report the chain of attribution: the outlet it names as its source
(``via``: *Reuters, citing Yonhap*) is linked to that outlet's report of the same
statement when the corpus holds it, and a republished wire text to the text it copies.
Reports in republished copies are kept but marked, so tallies count a wire text once.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.across.keys import entity_key
from claimgraph.across.misquotes import VERBATIM, compare
from claimgraph.across.text import content_words, shingles, stem, tokens
from claimgraph.lexicon.gazetteer import norm_key
from claimgraph.model import Article

MIN_RUN = 6        # identical running words that make two quotes one statement
MIN_SHARED = 3     # shared content words needed otherwise ...
MIN_OVERLAP = 0.6  # ... covering this share of the shorter quote's content words
DIRECT_RUN = 4     # identical running words two direct quotations of one statement share
SPREAD = 2.5       # shared words must lie within this many times the shorter quote's length
MAX_CANDIDATES = 400  # statements of one speaker compared per quote (most recent first)


@dataclass
class Report:
    article: str
    quote: str
    kind: str
    content: str
    span: tuple[int, int]
    speaker: str                   # registry key
    speaker_name: str
    published: Optional[str]
    outlet: Optional[str]
    order: int                     # arrival
    via: Optional[str] = None      # name of the outlet / office the article cites for it
    copy_of: Optional[str] = None  # the article whose text this article republishes
    cites: Optional[str] = None    # article of the report this one cites (via or copy)
    surname: Optional[str] = None  # the speaker's family name, for a person
    words: list[str] = field(default_factory=list, repr=False)
    terms: frozenset[str] = field(default_factory=frozenset, repr=False)
    runs: tuple[frozenset[int], frozenset[int]] = field(default=(frozenset(), frozenset()), repr=False)

    def to_json(self) -> dict:
        return {"article": self.article, "quote": self.quote, "kind": self.kind,
                "content": self.content, "span": list(self.span), "outlet": self.outlet,
                "published": self.published, "via": self.via, "copy_of": self.copy_of,
                "cites": self.cites}


@dataclass
class Misquote:
    statement: str
    first: Report
    other: Report
    type: str
    old: str
    new: str
    marked_first: str
    marked_other: str

    def to_json(self) -> dict:
        return {"statement": self.statement, "type": self.type,
                "first": {"article": self.first.article, "quote": self.first.quote,
                          "outlet": self.first.outlet, "text": self.marked_first},
                "other": {"article": self.other.article, "quote": self.other.quote,
                          "outlet": self.other.outlet, "text": self.marked_other},
                "old": self.old, "new": self.new}


@dataclass
class Statement:
    id: str
    speaker: str
    speaker_name: str
    reports: list[Report] = field(default_factory=list)
    misquotes: list[Misquote] = field(default_factory=list)

    @property
    def first(self) -> Report:
        return min(self.reports, key=lambda r: (r.published or "9999", r.order))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.article for r in self.reports))

    def counted(self) -> list[Report]:
        """Reports counted once per text (republished copies left out)."""
        return [r for r in self.reports if r.copy_of is None]

    def to_json(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "speaker_name": self.speaker_name,
                "content": self.first.content, "first": self.first.article,
                "reports": [r.to_json() for r in self.reports],
                "misquotes": [m.to_json() for m in self.misquotes]}


def _surname(ent) -> Optional[str]:
    """A person's family name (the last word of a name of two words or more)."""
    if ent is None or ent.type != "PERSON":
        return None
    return _surname_of_name(ent.name)


def _surname_of_name(name: str) -> Optional[str]:
    parts = norm_key(name).split()
    return parts[-1] if len(parts) > 1 else None


def quote_words(text: str) -> tuple[list[str], frozenset[str]]:
    ws = [t.norm for t in tokens(text)]
    return ws, frozenset(stem(w) for w in content_words(ws))


def runs(ws: list[str]) -> tuple[frozenset[int], frozenset[int]]:
    """Hashes of the quote's word runs of :data:`DIRECT_RUN` and :data:`MIN_RUN` words: two
    quotes can only share a run that long if these sets meet (a cheap test first)."""
    return frozenset(shingles(ws, DIRECT_RUN)), frozenset(shingles(ws, MIN_RUN))


def longest_run(a_words: list[str], b_words: list[str]) -> int:
    m = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False)
    return m.find_longest_match(0, len(a_words), 0, len(b_words)).size


def same_content(a_words: list[str], a_terms: frozenset[str], b_words: list[str],
                 b_terms: frozenset[str], a_kind: str = "direct", b_kind: str = "direct",
                 verbatim_only: bool = False, a_runs=None, b_runs=None) -> float:
    """How well two quotes' contents agree (0: not the same statement; higher is better)."""
    a_runs = a_runs or runs(a_words)
    b_runs = b_runs or runs(b_words)
    long_run = len(a_words) >= MIN_RUN and len(b_words) >= MIN_RUN and bool(a_runs[1] & b_runs[1])
    short_run = bool(a_runs[0] & b_runs[0]) if len(a_words) >= DIRECT_RUN and len(b_words) >= DIRECT_RUN else False
    run = longest_run(a_words, b_words) if long_run else (DIRECT_RUN if short_run else 0)
    if run >= MIN_RUN:
        return 1.0 + run / max(len(a_words), len(b_words))
    if verbatim_only:
        return 0.0
    shared = a_terms & b_terms
    if len(shared) < MIN_SHARED:
        return 0.0
    overlap = len(shared) / min(len(a_terms), len(b_terms))
    if overlap < MIN_OVERLAP:
        return 0.0
    if a_kind == b_kind == "direct" and min(len(a_words), len(b_words)) >= 2 * DIRECT_RUN \
            and run < DIRECT_RUN:
        return 0.0
    short, long_ = (a_words, b_words) if len(a_words) <= len(b_words) else (b_words, a_words)
    where = [i for i, w in enumerate(long_) if stem(w) in shared]
    if where and where[-1] - where[0] + 1 > SPREAD * len(short) + 5:
        return 0.0
    return overlap


class StatementIndex:
    """Incremental: :meth:`add` links one article's quotes to the statements known so far."""

    def __init__(self):
        self.statements: dict[str, Statement] = {}
        self.by_speaker: dict[str, list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        self.by_quote: dict[tuple[str, str], str] = {}
        self.order = 0
        self.new_misquotes: list[Misquote] = []  # those the last add() found
        self.last: list[tuple[str, Report]] = []  # (statement, report) the last add() stored

    def statement_of(self, article_id: str, quote_id: str) -> Optional[Statement]:
        sid = self.by_quote.get((article_id, quote_id))
        return self.statements.get(sid) if sid else None

    def add(self, article: Article, copy_of: Optional[str] = None) -> list[Statement]:
        """Link ``article``'s quotes; the statements it reports that other articles report too."""
        self.order += 1
        self.new_misquotes = []
        self.last = []
        touched: dict[str, Statement] = {}
        for q in article.quotes:
            speaker = entity_key(article, q.speaker)
            if speaker is None or speaker.startswith("name:") and " " not in speaker:
                continue  # no speaker, or a bare single name outside the registry
            content = article.span_text(q.content)
            ws, terms = quote_words(content)
            if len(terms) < MIN_SHARED and len(ws) < MIN_RUN:
                continue
            via_ent = article.entity(q.via) if q.via else None
            ent = article.entity(q.speaker)
            rep = Report(article.id, q.id, q.kind, content, tuple(q.content), speaker,
                         ent.name if ent else speaker, article.published, article.outlet,
                         self.order, via_ent.name if via_ent else None, copy_of, words=ws, terms=terms,
                         runs=runs(ws))
            best, best_score = None, 0.0
            surname = rep.surname = _surname(ent)
            cands = list(reversed(self.by_speaker.get(speaker, [])[-MAX_CANDIDATES:]))
            if surname:
                cands += [sid for sid in reversed(self.by_surname.get(surname, [])[-MAX_CANDIDATES:])
                          if self.statements[sid].speaker != speaker]
            for sid in cands:
                st = self.statements[sid]
                others = [r for r in st.reports if r.article != article.id]
                if not others:
                    continue
                verbatim_only = st.speaker != speaker
                score = max(same_content(ws, terms, r.words, r.terms, q.kind, r.kind, verbatim_only,
                                         rep.runs, r.runs) for r in others)
                if score > best_score:
                    best, best_score = st, score
            if best is None:
                best = Statement(f"{article.id}/{q.id}", speaker, rep.speaker_name)
                self.statements[best.id] = best
                self.by_speaker.setdefault(speaker, []).append(best.id)
                if surname:
                    self.by_surname.setdefault(surname, []).append(best.id)
            else:
                self._chain(best, rep)
                self._misquotes(best, rep)
                touched[best.id] = best
            best.reports.append(rep)
            self.by_quote[(article.id, q.id)] = best.id
            self.last.append((best.id, rep))
        return list(touched.values())

    def state(self) -> dict:
        """What the last :meth:`add` stored, for :meth:`restore` (plain, picklable)."""
        return {"order": self.order, "reports": list(self.last),
                "misquotes": [(m.statement, (m.first.article, m.first.quote),
                               (m.other.article, m.other.quote), m.type, m.old, m.new,
                               m.marked_first, m.marked_other) for m in self.new_misquotes]}

    def restore(self, state: dict) -> None:
        """Put back an article's reports and misquotes as :meth:`add` decided them."""
        self.order = state["order"]
        for sid, rep in state["reports"]:
            st = self.statements.get(sid)
            if st is None:
                st = self.statements[sid] = Statement(sid, rep.speaker, rep.speaker_name)
                self.by_speaker.setdefault(rep.speaker, []).append(sid)
                if rep.surname:
                    self.by_surname.setdefault(rep.surname, []).append(sid)
            st.reports.append(rep)
            self.by_quote[(rep.article, rep.quote)] = sid
        for sid, first, other, type_, old, new, mf, mo in state["misquotes"]:
            st = self.statements[sid]
            find = {(r.article, r.quote): r for r in st.reports}
            st.misquotes.append(Misquote(sid, find[first], find[other], type_, old, new, mf, mo))

    @staticmethod
    def _chain(st: Statement, rep: Report) -> None:
        if rep.copy_of and any(r.article == rep.copy_of for r in st.reports):
            rep.cites = rep.copy_of
            return
        if rep.via:
            via = norm_key(rep.via)
            for r in st.reports:
                if r.outlet and norm_key(r.outlet) == via:
                    rep.cites = r.article
                    return

    def _misquotes(self, st: Statement, rep: Report) -> None:
        if rep.copy_of:
            return  # a republished text repeats its original's words
        first = st.first if st.reports else None
        others = [first] + [r for r in st.reports if r is not first]
        for r in others:
            if r is None or r.copy_of:
                continue
            if r.kind not in VERBATIM and rep.kind not in VERBATIM:
                continue
            comp = compare(r.content, rep.content, r.kind, rep.kind, r.span[0], rep.span[0])
            if comp.differences:
                d = comp.differences[0]
                m = Misquote(st.id, r, rep, d.type, d.old, d.new, comp.marked_old, comp.marked_new)
                st.misquotes.append(m)
                self.new_misquotes.append(m)
                return  # one flag per new report: against the earliest report it differs from

    def of_article(self, article: Article) -> list[str]:
        """Ids of the statements ``article``'s quotes report."""
        ids = (self.by_quote.get((article.id, q.id)) for q in article.quotes)
        return list(dict.fromkeys(i for i in ids if i))

    def linked(self) -> list[Statement]:
        """Statements reported by more than one article."""
        return [st for st in self.statements.values() if len(st.articles) > 1]
