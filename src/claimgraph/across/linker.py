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
from claimgraph.across.opposites import Opposite, OppositeIndex
from claimgraph.across.sources import SourceGraph
from claimgraph.across.statements import Misquote, Statement, StatementIndex
from claimgraph.across.stories import StoryIndex, Weights
from claimgraph.across.wirecopy import WireIndex
from claimgraph.model import Article

#: version of :meth:`Linker.state` (a stored state of another version needs a relink)
STATE_VERSION = 1


@dataclass
class Links:
    """What one article changed: its story, the text it copies, statements, flags."""

    article: str
    story: str
    copy_of: Optional[str]
    statements: list[str] = field(default_factory=list)
    misquotes: list[Misquote] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    opposites: list[Opposite] = field(default_factory=list)


class Linker:
    def __init__(self, weights: Optional[Weights] = None):
        self.wire = WireIndex()
        self.statements = StatementIndex()
        self.stories = StoryIndex(weights)
        self.numbers = NumberIndex()
        self.opposites = OppositeIndex()
        self.sources = SourceGraph()
        self.copy_of: dict[str, Optional[str]] = {}
        self.order: list[str] = []  # article ids, in the order they were linked

    def add(self, article: Article) -> Links:
        copy_of = self.wire.add(article.id, article.text, article.published)
        self.copy_of[article.id] = copy_of
        touched = self.statements.add(article, copy_of)
        misquotes = list(self.statements.new_misquotes)
        story = self.stories.add(article, copy_of, self.statements.of_article(article))
        contradictions = self.numbers.add(article, story, copy_of)
        misquoted = frozenset(((m.first.article, m.first.quote), (m.other.article, m.other.quote))
                              for m in misquotes)
        opposites = self.opposites.add(article, story, copy_of, misquoted)
        self.sources.add(article, copy_of)
        self.order.append(article.id)
        return Links(article.id, story, copy_of, [st.id for st in touched], misquotes, contradictions,
                     opposites)

    def state(self) -> dict:
        """Everything the last :meth:`add` stored in the indexes (picklable): with
        :meth:`restore`, a linker is rebuilt from stored states without deciding again."""
        return {"version": STATE_VERSION, "article": self.order[-1], "wire": self.wire.last,
                "statements": self.statements.state(), "story": self.stories.last,
                "numbers": self.numbers.last, "sources": list(self.sources.last),
                "opposites": self.opposites.last}

    def restore(self, state: dict) -> None:
        if state.get("version") != STATE_VERSION:
            raise ValueError("linker state of another version; run `claimgraph relink`")
        self.wire.restore(state["wire"])
        self.copy_of[state["article"]] = state["wire"].copy_of
        self.statements.restore(state["statements"])
        self.stories.restore(*state["story"])
        self.numbers.restore(state["numbers"])
        self.sources.restore(state["sources"])
        if state.get("opposites"):  # stored before contradicting statements were looked for:
            self.opposites.restore(state["opposites"])  # those articles wait for a relink
        self.order.append(state["article"])

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
        out += [o.to_json() for o in self.opposites.found]
        return out


def publication_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by publication (those without a date last), then as given."""
    arts = list(articles)
    return [a for _, a in sorted(enumerate(arts), key=lambda ia: (ia[1].published or "9999", ia[0]))]
