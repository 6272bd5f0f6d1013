"""Entity registry: one stable key for one real-world entity across articles.

An embedded SQLite store (standard library). Each entity seen in an article is matched
against the registry on its names (every alias, normalised), then accepted or kept apart
with the evidence a reader uses to tell two namesakes apart, in the manner of the
cross-document coreference of Bagga & Baldwin (1998, "Entity-based cross-document
coreferencing using the vector space model") and name-based entity linking:

- type family must agree (person / organisation / place / group);
- country (ISO 3166-1 alpha-3) must not conflict where both are known;
- role words ("president", "defender", "lieutenant") and context (the other entities
  of the article) add evidence; a namesake whose role and context share nothing with a
  registered entity that has both is a different entity;
- a bare single-word name of a person only links with role or context evidence.

Lookups use indexed tables (``names.norm``, ``context(key, term)``), so a registry of
100k entities answers in well under a millisecond (``bench/bench_registry.py``).
"""
from __future__ import annotations

import itertools
import re
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Optional

from claimgraph.lexicon.gazetteer import fold, norm_key
from claimgraph.model import Article, Entity

TYPE_FAMILY = {"PERSON": "person", "ORG": "org", "NEWS_OUTLET": "org", "GOVERNMENT": "org",
               "GPE": "place", "LOC": "place", "NORP": "group", "GROUP": "group"}
ROLE_STOPWORDS = frozenset("a an the of in at for and to on with from by former now then "
                           "who which its his her their new".split())
CONTEXT_SIZE = 20  # other entities of an article kept as context

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entities (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, family TEXT NOT NULL, type TEXT NOT NULL,
    country TEXT, role TEXT, articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, key TEXT NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (norm, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS context (key TEXT NOT NULL, term TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (key, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS appearances (key TEXT NOT NULL, article TEXT NOT NULL,
    mentions INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
"""


@dataclass
class Match:
    key: str
    score: float


@dataclass
class RegistryEntry:
    key: str
    name: str
    type: str
    country: Optional[str]
    role: Optional[str]
    articles: list[str]
    mentions: int
    aliases: list[str]


def role_words(role: Optional[str]) -> set[str]:
    if not role:
        return set()
    return {w for w in re.findall(r"[a-z]+", fold(role)) if w not in ROLE_STOPWORDS and len(w) > 2}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


class Registry:
    """Entities across articles in one SQLite file (``":memory:"`` by default)."""

    ACCEPT = 1.0

    def __init__(self, path: str = ":memory:"):
        self.db = sqlite3.connect(path)
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # -- lookup ----------------------------------------------------------------------------
    def candidates(self, names: Iterable[str], family: str) -> list[tuple]:
        norms = sorted({norm_key(n) for n in names if n})
        if not norms:
            return []
        marks = ",".join("?" * len(norms))
        return self.db.execute(
            f"SELECT DISTINCT e.key, e.name, e.country, e.role, e.articles FROM names n "
            f"JOIN entities e ON e.key = n.key WHERE n.norm IN ({marks}) AND e.family = ?",
            (*norms, family)).fetchall()

    def lookup(self, name: str, type_: str, country: Optional[str] = None,
               role: Optional[str] = None, context: Iterable[str] = (),
               aliases: Iterable[str] = ()) -> Optional[Match]:
        """The registered entity this one is, or None (a new entity)."""
        family = TYPE_FAMILY.get(type_, "org")
        names = [name, *aliases]
        multiword = [n for n in names if len(norm_key(n).split()) > 1]
        if family == "person" and multiword:
            names = multiword  # a person's full name decides; "Kim" alone matches too much
        cands = self.candidates(names, family)
        if not cands:
            return None
        ctx = sorted({norm_key(c) for c in context if c})
        mine = role_words(role)
        best: Optional[Match] = None
        # with several namesakes registered, only positive evidence picks one of them
        need = self.ACCEPT + (0.25 if len(cands) > 1 else 0.0)
        for key, cname, ccountry, crole, _ in cands:
            # an organisation's or place's alias is as good as its name; a person's
            # other name form (no middle name, a bare family name) is weaker evidence
            score = 1.0 if norm_key(cname) == norm_key(name) or family != "person" else 0.8
            if country and ccountry and country != ccountry and family in ("person", "org"):
                continue
            if country and ccountry == country:
                score += 0.5
            theirs = role_words(crole)
            shared_ctx = self._shared_context(key, ctx) if ctx else 0
            if mine and theirs:
                score += 0.5 if mine & theirs else -0.6
            score += min(shared_ctx, 4) * 0.35
            if family == "person" and not multiword:
                score -= 0.5  # a bare single name needs role or context evidence
            if family == "person" and mine and theirs and not mine & theirs and shared_ctx == 0:
                continue  # same name, different job, different company: a namesake
            if score >= need and (best is None or score > best.score):
                best = Match(key, score)
        return best

    def _shared_context(self, key: str, ctx: list[str]) -> int:
        marks = ",".join("?" * len(ctx))
        row = self.db.execute(f"SELECT COUNT(*) FROM context WHERE key = ? AND term IN ({marks})",
                              (key, *ctx)).fetchone()
        return int(row[0])

    # -- add -------------------------------------------------------------------------------
    def _new_key(self, name: str, type_: str) -> str:
        base = f"{TYPE_FAMILY.get(type_, 'org')}:{_slug(name)}"
        key, n = base, 1
        while self.db.execute("SELECT 1 FROM entities WHERE key = ?", (key,)).fetchone():
            n += 1
            key = f"{base}-{n}"
        return key

    def resolve(self, ent: Entity, article_id: str, context: Iterable[str] = ()) -> str:
        """Key of ``ent`` (matched or new); records the appearance, aliases and context."""
        context = [c for c in context if norm_key(c) != norm_key(ent.name)]
        match = self.lookup(ent.name, ent.type, ent.country, ent.role, context, ent.aliases)
        db = self.db
        if match is None:
            key = self._new_key(ent.name, ent.type)
            db.execute("INSERT INTO entities (key, name, family, type, country, role) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (key, ent.name, TYPE_FAMILY.get(ent.type, "org"), ent.type, ent.country,
                        ent.role))
        else:
            key = match.key
            db.execute("UPDATE entities SET country = COALESCE(country, ?), "
                       "role = COALESCE(role, ?) WHERE key = ?", (ent.country, ent.role, key))
            name = db.execute("SELECT name FROM entities WHERE key = ?", (key,)).fetchone()[0]
            if len(ent.name.split()) > len(name.split()):  # keep the fullest name
                db.execute("UPDATE entities SET name = ? WHERE key = ?", (ent.name, key))
        for alias in sorted({ent.name, *ent.aliases}):  # a fixed order: the same spelling every run
            db.execute("INSERT OR IGNORE INTO names (norm, key, alias) VALUES (?, ?, ?)",
                       (norm_key(alias), key, alias))
        new = db.execute("INSERT OR IGNORE INTO appearances (key, article, mentions) VALUES (?, ?, ?)",
                         (key, article_id, len(ent.mentions))).rowcount
        if new:
            db.execute("UPDATE entities SET articles = articles + 1, mentions = mentions + ? "
                       "WHERE key = ?", (len(ent.mentions), key))
        db.executemany("INSERT INTO context (key, term) VALUES (?, ?) "
                       "ON CONFLICT (key, term) DO UPDATE SET n = n + 1",
                       [(key, t) for t in sorted({norm_key(c) for c in context if c})])
        return key

    def resolve_article(self, article: Article) -> None:
        """Give every entity of ``article`` its registry key (``Entity.key``)."""
        ranked = sorted(article.entities, key=lambda e: -len(e.mentions))
        for ent in article.entities:
            context = list(itertools.islice((e.name for e in ranked if e is not ent), CONTEXT_SIZE))
            ent.key = self.resolve(ent, article.id, context)
        self.db.commit()

    # -- listing ---------------------------------------------------------------------------
    def entries(self) -> list[RegistryEntry]:
        out = []
        rows = self.db.execute("SELECT key, name, type, country, role, mentions FROM entities "
                               "ORDER BY mentions DESC, key").fetchall()
        for key, name, type_, country, role, mentions in rows:
            arts = [r[0] for r in self.db.execute(
                "SELECT article FROM appearances WHERE key = ? ORDER BY article", (key,))]
            aliases = sorted({r[0] for r in self.db.execute(
                "SELECT alias FROM names WHERE key = ?", (key,))} - {name})
            out.append(RegistryEntry(key, name, type_, country, role, arts, mentions, aliases))
        return out

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0])
