"""Stories: articles about the same event, grouped incrementally.

A new article joins the best-matching existing story or starts one; nothing is ever
re-clustered, so the result depends only on the order of arrival (a rebuild in the same
order gives the same stories). This is single-pass clustering in the manner of Topic
Detection and Tracking (Allan, Papka & Lavrenko 1998, "On-line new event detection and
tracking"; Yang, Pierce & Carbonell 1998): each story keeps a centroid, a new document is
compared with the centroids of the stories near it in time, and a threshold decides.

Evidence, combined into one score (:class:`Weights`, tuned on half of BASIL's stories,
``bench/bench_across.py``):

- **text**: cosine of the article's TF-IDF vector (stemmed content words, the title
  counted twice; IDF as known when the article arrives) with the story's centroid;
- **entities**: the share of the article's topic entities (registry keys, weighted by
  IDF and mentions) that the story's articles mention too;
- **quotes**: statements the article reports that a story article reports as well
  (:mod:`claimgraph.across.statements`);
- **time**: a story only takes articles published within :attr:`Weights.max_gap` days of
  its own span of dates.

A republished wire text (:mod:`claimgraph.across.wirecopy`) joins the story of the text it
copies (within the same window of time). Candidate stories come from inverted indexes over the article's top terms and
entity keys, so an article costs in proportion to its own size.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional

from claimgraph.across.keys import key_of, topic_keys
from claimgraph.across.text import day, term_counts
from claimgraph.model import Article

TOP_TERMS = 40      # an article's terms used to find candidate stories
RECENT = 100        # stories looked at per term or entity (the most recently active)


@dataclass
class Weights:
    """How the evidence is combined; the defaults were chosen by ``bench/bench_across.py
    --tune`` on the train half of BASIL's stories and VOA's labelled events (a grid over
    entities 0–0.75, quotes 0–0.15, threshold 0.25–0.5, max_gap 2/4/7 days). Shared
    statements added nothing there that text and entities had not already said, so their
    weight is 0; the evidence is kept for corpora where it helps."""

    entities: float = 0.25  # weight of the entity share against the text cosine
    quotes: float = 0.0     # per shared statement (at most two count)
    threshold: float = 0.25
    max_gap: int = 2        # days between the article and the story's span of dates


@dataclass
class Member:
    id: str
    outlet: Optional[str]
    published: Optional[str]
    title: Optional[str]
    copy_of: Optional[str] = None
    score: float = 0.0

    def to_json(self) -> dict:
        return {"id": self.id, "outlet": self.outlet, "published": self.published,
                "title": self.title, "copy_of": self.copy_of, "score": round(self.score, 4)}


@dataclass
class Story:
    id: str
    members: list[Member] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict, repr=False)
    norm2: float = 0.0
    entities: dict[str, float] = field(default_factory=dict, repr=False)
    names: dict[str, str] = field(default_factory=dict, repr=False)
    statements: set[str] = field(default_factory=set, repr=False)
    first_day: Optional[int] = None
    last_day: Optional[int] = None

    @property
    def title(self) -> Optional[str]:
        return next((m.title for m in self.members if m.title), None)

    def gap(self, d: Optional[int]) -> int:
        if d is None or self.first_day is None:
            return 0
        if d < self.first_day:
            return self.first_day - d
        if self.last_day is not None and d > self.last_day:
            return d - self.last_day
        return 0

    def main_entities(self, n: int = 5) -> list[str]:
        ranked = sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.names.get(k, k) for k, _ in ranked[:n]]

    def to_json(self) -> dict:
        dates = sorted(m.published for m in self.members if m.published)
        return {"id": self.id, "title": self.title, "size": len(self.members),
                "texts": len([m for m in self.members if m.copy_of is None]),
                "outlets": sorted({m.outlet for m in self.members if m.outlet}),
                "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                "entities": self.main_entities(),
                "articles": [m.to_json() for _, m in sorted(enumerate(self.members),  # by date, then arrival
                                                             key=lambda im: (im[1].published is None, im[1].published or "", im[0]))]}


@dataclass
class ArticleFeatures:
    vector: dict[str, float]
    entities: dict[str, float]
    names: dict[str, str]
    day: Optional[int]


class StoryIndex:
    def __init__(self, weights: Optional[Weights] = None):
        self.w = weights or Weights()
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.df: dict[str, int] = {}
        self.edf: dict[str, int] = {}
        self.n = 0
        self.by_term: dict[str, list[str]] = {}
        self.by_entity: dict[str, list[str]] = {}
        self.by_statement: dict[str, str] = {}
        self.last: Optional[tuple] = None  # what the last add() stored (see restore)

    # -- features --------------------------------------------------------------------------
    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def eidf(self, key: str) -> float:
        return math.log((self.n + 1) / (self.edf.get(key, 0) + 1)) + 1.0

    def features(self, article: Article) -> ArticleFeatures:
        """TF-IDF vector and weighted entities, with document frequencies including it."""
        tf = term_counts(article.text, article.title)
        self.n += 1
        for t in tf:
            self.df[t] = self.df.get(t, 0) + 1
        keys = topic_keys(article)
        for k in keys:
            self.edf[k] = self.edf.get(k, 0) + 1
        vec = {t: (1 + math.log(c)) * self.idf(t) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        ents = {k: math.log(1 + m) * self.eidf(k) for k, m in keys.items()}
        names: dict[str, str] = {}
        for ent in article.entities:
            k = key_of(ent)
            if k in ents:
                names.setdefault(k, ent.name)
        return ArticleFeatures(vec, ents, names, day(article.published))

    # -- scoring ---------------------------------------------------------------------------
    def candidates(self, f: ArticleFeatures, statements: Iterable[str]) -> set[str]:
        top = sorted(f.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        out: set[str] = set()
        for t, _ in top:
            out.update(self.by_term.get(t, ())[-RECENT:])
        for k in f.entities:
            out.update(self.by_entity.get(k, ())[-RECENT:])
        for s in statements:
            if s in self.by_statement:
                out.add(self.by_statement[s])
        return out

    def score(self, f: ArticleFeatures, story: Story, statements: set[str]) -> tuple[float, dict]:
        dot = sum(v * story.centroid.get(t, 0.0) for t, v in f.vector.items())
        text = dot / math.sqrt(story.norm2) if story.norm2 else 0.0
        total = sum(f.entities.values())
        shared = sum(v for k, v in f.entities.items() if k in story.entities)
        ent = shared / total if total else 0.0
        quotes = min(2, len(statements & story.statements))
        s = text + self.w.entities * ent + self.w.quotes * quotes
        return s, {"text": text, "entities": ent, "quotes": quotes}

    def best(self, f: ArticleFeatures, statements: set[str]) -> tuple[Optional[Story], float, dict]:
        best, best_score, best_parts = None, 0.0, {}
        for sid in sorted(self.candidates(f, statements)):
            story = self.stories[sid]
            if story.gap(f.day) > self.w.max_gap:
                continue
            s, parts = self.score(f, story, statements)
            if s > best_score:
                best, best_score, best_parts = story, s, parts
        return best, best_score, best_parts

    # -- adding ----------------------------------------------------------------------------
    def add(self, article: Article, copy_of: Optional[str] = None,
            statements: Iterable[str] = ()) -> str:
        """Put ``article`` in a story (an existing one or a new one); the story's id."""
        statements = set(statements)
        f = self.features(article)
        story, score = None, 0.0
        if copy_of and copy_of in self.story_of and \
                self.stories[self.story_of[copy_of]].gap(f.day) <= self.w.max_gap:
            story, score = self.stories[self.story_of[copy_of]], 1.0
        else:
            best, s, _ = self.best(f, statements)
            if best is not None and s >= self.w.threshold:
                story, score = best, s
        sid = story.id if story is not None else f"story:{article.id}"
        member = Member(article.id, article.outlet, article.published, article.title, copy_of, score)
        self.last = (sid, member, f, sorted(statements))
        self.n -= 1  # restore() counts the article again
        for t in f.vector:
            self.df[t] -= 1
        for k in f.entities:
            self.edf[k] -= 1
        self.restore(*self.last)
        return sid

    def restore(self, story_id: str, member: Member, f: ArticleFeatures,
                statements: Iterable[str]) -> None:
        """Put back an article as :meth:`add` decided it (no new decision)."""
        self.n += 1
        for t in f.vector:
            self.df[t] = self.df.get(t, 0) + 1
        for k in f.entities:
            self.edf[k] = self.edf.get(k, 0) + 1
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
        story.members.append(member)
        self.story_of[member.id] = story_id
        self._absorb(story, f, set(statements))

    def _absorb(self, story: Story, f: ArticleFeatures, statements: set[str]) -> None:
        c = story.centroid
        dot = sum(v * c.get(t, 0.0) for t, v in f.vector.items())
        story.norm2 += 2 * dot + sum(v * v for v in f.vector.values())
        top = sorted(f.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        for t, v in f.vector.items():
            c[t] = c.get(t, 0.0) + v
        for t, _ in top:
            _touch(self.by_term.setdefault(t, []), story.id)
        for k, v in f.entities.items():
            _touch(self.by_entity.setdefault(k, []), story.id)
            story.entities[k] = story.entities.get(k, 0.0) + v
        for k, name in f.names.items():
            story.names.setdefault(k, name)
        for s in statements:
            story.statements.add(s)
            self.by_statement.setdefault(s, story.id)
        if f.day is not None:
            story.first_day = f.day if story.first_day is None else min(story.first_day, f.day)
            story.last_day = f.day if story.last_day is None else max(story.last_day, f.day)

    def listing(self) -> list[Story]:
        return list(self.stories.values())


def _touch(posting: list[str], story_id: str) -> None:
    """Move ``story_id`` to the recent end of a posting list (kept short)."""
    if posting and posting[-1] == story_id:
        return
    if story_id in posting[-RECENT:]:
        posting.remove(story_id)
    posting.append(story_id)
    if len(posting) > 4 * RECENT:
        del posting[: len(posting) - 2 * RECENT]
