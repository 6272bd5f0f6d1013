"""The linker: one article at a time, everything across articles updated.

:class:`Linker` holds the incremental indexes (wire copy, statements, stories, numbers,
sources) and :meth:`Linker.add` runs them in order for one article whose entities carry
registry keys. Feeding the same articles in the same order always gives the same result,
which is what ``claimgraph relink`` relies on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from claimgraph.across.numbers import Contradiction, NumberIndex
from claimgraph.across.sources import SourceGraph
from claimgraph.across.statements import Misquote, Statement, StatementIndex
from claimgraph.across.stories import StoryIndex, Weights
from claimgraph.across.wirecopy import WireIndex
from claimgraph.model import Article


@dataclass
class Links:
    """What one article changed: its story, the text it copies, statements, flags."""

    article: str
    story: str
    copy_of: Optional[str]
    statements: list[str] = field(default_factory=list)
    misquotes: list[Misquote] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


class Linker:
    def __init__(self, weights: Optional[Weights] = None):
        self.wire = WireIndex()
        self.statements = StatementIndex()
        self.stories = StoryIndex(weights)
        self.numbers = NumberIndex()
        self.sources = SourceGraph()
        self.copy_of: dict[str, Optional[str]] = {}

    def add(self, article: Article) -> Links:
        copy_of = self.wire.add(article.id, article.text, article.published)
        self.copy_of[article.id] = copy_of
        touched = self.statements.add(article, copy_of)
        misquotes = list(self.statements.new_misquotes)
        story = self.stories.add(article, copy_of, self.statements.of_article(article))
        contradictions = self.numbers.add(article, story, copy_of)
        self.sources.add(article, copy_of)
        return Links(article.id, story, copy_of, [st.id for st in touched], misquotes, contradictions)

    def add_many(self, articles: Iterable[Article]) -> list[Links]:
        return [self.add(a) for a in articles]

    # -- results ---------------------------------------------------------------------------
    def story_list(self) -> list[dict]:
        return [s.to_json() for s in self.stories.listing()]

    def statement_list(self, linked_only: bool = True) -> list[Statement]:
        sts = self.statements.linked() if linked_only else list(self.statements.statements.values())
        return sts

    def flags(self) -> list[dict]:
        out = [m.to_json() | {"type": f"misquote:{m.type}"} for st in self.statements.statements.values()
               for m in st.misquotes]
        out += [c.to_json() for c in self.numbers.contradictions]
        return out


def publication_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by publication (those without a date last), then as given."""
    arts = list(articles)
    return [a for _, a in sorted(enumerate(arts), key=lambda ia: (ia[1].published or "9999", ia[0]))]
