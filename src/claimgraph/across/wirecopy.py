"""Wire copy: the same text republished by several outlets (trimmed, retitled, a paragraph
dropped or added) is one text, with its first publication and every republication.

Method: each article is a set of hashed word 5-shingles (Broder 1997, "On the
resemblance and containment of documents"). Copies are judged by **containment**, the
share of the shorter text's shingles found in the longer one, since trimming a wire story
lowers Jaccard resemblance but not containment. Candidates come from an inverted index of
a fixed sample of the shingles (those whose hash is 0 mod :data:`SAMPLE`, which keeps
containment estimates unbiased whatever the text's length, as in the "0 mod p"
fingerprint selection of Schleimer, Wilkerson & Aiken 2003), so a new article touches
only the postings of its own sampled shingles; the candidates are then checked on their
full shingle sets. Very common shingles (boilerplate seen in more than
:data:`MAX_POSTING` articles) are not indexed.

``copy_of`` of an article is the earliest (by publication, then arrival) article whose
text it republishes; the original itself has ``copy_of = None``. Everything is decided
when an article arrives: an incremental run and a rebuild over the same order agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from claimgraph.across.text import shingles, words

SHINGLE = 5
SAMPLE = 4           # index the shingles whose hash is 0 mod SAMPLE
MAX_POSTING = 200    # a sampled shingle in more articles than this is boilerplate
CONTAINMENT = 0.5    # share of the shorter text's shingles found in the other
MIN_SHARED = 30      # and at least this many shingles in common (about 35 running words)


@dataclass
class CopyInfo:
    id: str
    published: Optional[str]
    order: int
    shingles: frozenset[int] = field(repr=False)
    copy_of: Optional[str] = None


def containment(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> tuple[float, int]:
    """(shared / size of the smaller set, shared)."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b) if len(a) < len(b) else len(b & a)
    return shared / min(len(a), len(b)), shared


class WireIndex:
    """Incremental near-duplicate index; :meth:`add` says which article a text copies."""

    def __init__(self, containment: float = CONTAINMENT, min_shared: int = MIN_SHARED):
        self.threshold = containment
        self.min_shared = min_shared
        self.docs: dict[str, CopyInfo] = {}
        self.postings: dict[int, list[str]] = {}
        self.last: Optional[CopyInfo] = None  # what the last add() stored (see restore)

    def __len__(self) -> int:
        return len(self.docs)

    def copies(self, doc_id: str) -> list[str]:
        """Articles that republish ``doc_id``'s text (in arrival order)."""
        return [d.id for d in self.docs.values() if d.copy_of == doc_id]

    def candidates(self, sh: frozenset[int]) -> dict[str, int]:
        hits: dict[str, int] = {}
        for h in sh:
            if h % SAMPLE:
                continue
            for other in self.postings.get(h, ()):
                hits[other] = hits.get(other, 0) + 1
        return hits

    def matches(self, sh: frozenset[int]) -> list[tuple[str, float]]:
        """Stored articles whose text this shingle set copies (or is copied from)."""
        out = []
        for other, n in self.candidates(sh).items():
            if n < 2:
                continue
            score, shared = containment(sh, self.docs[other].shingles)
            if score >= self.threshold and shared >= self.min_shared:
                out.append((other, score))
        return out

    def add(self, doc_id: str, text: str, published: Optional[str] = None) -> Optional[str]:
        """Index one article; the id of the article whose text it republishes, or None."""
        sh = frozenset(shingles(words(text), SHINGLE))
        found = self.matches(sh)
        copy_of = None
        if found:
            # the root of the earliest matching text (copies of copies point to the first)
            roots = {self.docs[o].copy_of or o for o, _ in found}
            ranked = sorted(roots, key=lambda r: (self.docs[r].published or "9999", self.docs[r].order))
            first = ranked[0]
            if (published or "9999") >= (self.docs[first].published or "9999"):
                copy_of = first
        self.last = CopyInfo(doc_id, published, len(self.docs), sh, copy_of)
        self.restore(self.last)
        return copy_of

    def restore(self, info: CopyInfo) -> None:
        """Put back an article as :meth:`add` decided it (no new decision)."""
        if info.id in self.docs:
            self.remove(info.id)
        self.docs[info.id] = info
        for h in info.shingles:
            if h % SAMPLE == 0:
                posting = self.postings.setdefault(h, [])
                if len(posting) < MAX_POSTING:
                    posting.append(info.id)

    def remove(self, doc_id: str) -> None:
        info = self.docs.pop(doc_id, None)
        if info is None:
            return
        for h in info.shingles:
            posting = self.postings.get(h)
            if posting and doc_id in posting:
                posting.remove(doc_id)
