"""Entity registry: one stable key for one real-world entity across articles.

Its tables live in the claimgraph store (:mod:`claimgraph.store.schema`: ``registry``,
``registry_names``, ``registry_context``, ``registry_appearances``), so the registry is
the same on SQLite and PostgreSQL and sits in the one database that holds the readings;
:class:`Registry` works on an open connection (inside the store's write transaction) or
opens a database of its own (a file, a URL, or in memory). Each entity seen in an article is matched
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
from dataclasses import dataclass
from typing import Iterable, Optional, Union

import sqlalchemy as sa

from claimgraph.lexicon.gazetteer import fold, norm_key
from claimgraph.model import Article, Entity
from claimgraph.store import backend
from claimgraph.store.schema import registry as T_ENT
from claimgraph.store.schema import registry_appearances as T_APP
from claimgraph.store.schema import registry_context as T_CTX
from claimgraph.store.schema import registry_names as T_NAMES

TYPE_FAMILY = {"PERSON": "person", "ORG": "org", "NEWS_OUTLET": "org", "GOVERNMENT": "org",
               "GPE": "place", "LOC": "place", "NORP": "group", "GROUP": "group"}
ROLE_STOPWORDS = frozenset("a an the of in at for and to on with from by former now then "
                           "who which its his her their new".split())
CONTEXT_SIZE = 20  # other entities of an article kept as context

_CANDIDATES = (sa.select(T_ENT.c.key, T_ENT.c.name, T_ENT.c.country, T_ENT.c.role, T_ENT.c.articles)
               .distinct().join_from(T_NAMES, T_ENT, T_ENT.c.key == T_NAMES.c.key)
               .where(T_NAMES.c.norm.in_(sa.bindparam("norms", expanding=True)),
                      T_ENT.c.family == sa.bindparam("family"))
               .order_by(T_ENT.c.key))
_SHARED = (sa.select(sa.func.count()).select_from(T_CTX)
           .where(T_CTX.c.key == sa.bindparam("key"),
                  T_CTX.c.term.in_(sa.bindparam("terms", expanding=True))))


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
    """Entities across articles, in the store's registry tables.

    ``target``: an open SQLAlchemy connection (the caller owns its transaction), or a
    database for the registry alone: a SQLite file, a database URL, or ``":memory:"``
    (the default). A registry that opened its own database keeps one transaction open;
    :meth:`commit` (called by :meth:`resolve_article`) and :meth:`close` commit it."""

    ACCEPT = 1.0

    def __init__(self, target: Union[str, sa.Connection] = ":memory:"):
        self._engine = None
        if isinstance(target, sa.Connection):
            self.conn = target
        else:
            from claimgraph.store.db import open_engine

            self._engine = open_engine(backend.database_url(target))
            self.conn = self._engine.connect()

    def commit(self) -> None:
        if self._engine is not None:
            self.conn.commit()

    def close(self) -> None:
        if self._engine is not None:
            self.conn.commit()
            self.conn.close()
            self._engine.dispose()
            self._engine = None

    # -- lookup ----------------------------------------------------------------------------
    def candidates(self, names: Iterable[str], family: str) -> list[tuple]:
        norms = sorted({norm_key(n) for n in names if n})
        if not norms:
            return []
        return [tuple(r) for r in self.conn.execute(_CANDIDATES, {"norms": norms, "family": family})]

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
        return int(self.conn.execute(_SHARED, {"key": key, "terms": ctx}).scalar())

    def keys_for(self, name: str) -> list[str]:
        """Registry keys any of whose names (or the key itself) is ``name``, most mentioned first."""
        rows = self.conn.execute(
            sa.select(T_ENT.c.key).distinct()
            .join_from(T_ENT, T_NAMES, T_ENT.c.key == T_NAMES.c.key, isouter=True)
            .where(sa.or_(T_NAMES.c.norm == norm_key(name), T_ENT.c.key == name))
            .order_by(T_ENT.c.key)).scalars().all()
        if len(rows) < 2:
            return list(rows)
        counts = dict(self.conn.execute(sa.select(T_ENT.c.key, T_ENT.c.mentions)
                                        .where(T_ENT.c.key.in_(rows))).all())
        return sorted(rows, key=lambda k: (-counts.get(k, 0), k))

    # -- add -------------------------------------------------------------------------------
    def _new_key(self, name: str, type_: str) -> str:
        base = f"{TYPE_FAMILY.get(type_, 'org')}:{_slug(name)}"
        taken = set(self.conn.execute(
            sa.select(T_ENT.c.key).where(sa.or_(T_ENT.c.key == base,
                                                T_ENT.c.key.like(base.replace("\\", "\\\\")
                                                                 .replace("%", "\\%")
                                                                 .replace("_", "\\_") + "-%",
                                                                 escape="\\")))).scalars())
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        return key

    def resolve(self, ent: Entity, article_id: str, context: Iterable[str] = ()) -> str:
        """Key of ``ent`` (matched or new); records the appearance, aliases and context."""
        context = [c for c in context if norm_key(c) != norm_key(ent.name)]
        match = self.lookup(ent.name, ent.type, ent.country, ent.role, context, ent.aliases)
        conn = self.conn
        if match is None:
            key = self._new_key(ent.name, ent.type)
            conn.execute(T_ENT.insert(), {"key": key, "name": ent.name,
                                          "family": TYPE_FAMILY.get(ent.type, "org"),
                                          "type": ent.type, "country": ent.country, "role": ent.role,
                                          "articles": 0, "mentions": 0})
        else:
            key = match.key
            name = conn.execute(sa.select(T_ENT.c.name).where(T_ENT.c.key == key)).scalar_one()
            values = {"country": sa.func.coalesce(T_ENT.c.country, ent.country),
                      "role": sa.func.coalesce(T_ENT.c.role, ent.role)}
            if len(ent.name.split()) > len(name.split()):  # keep the fullest name
                values["name"] = ent.name
            conn.execute(T_ENT.update().where(T_ENT.c.key == key).values(**values))
        ins = backend.insert(conn, T_NAMES)
        aliases = sorted({ent.name, *ent.aliases})  # a fixed order: the same spelling every run
        conn.execute(ins.on_conflict_do_nothing(),
                     [{"norm": norm_key(a), "key": key, "alias": a} for a in aliases])
        new = conn.execute(backend.insert(conn, T_APP).on_conflict_do_nothing(),
                           {"key": key, "article": article_id,
                            "mentions": len(ent.mentions)}).rowcount
        if new:
            conn.execute(T_ENT.update().where(T_ENT.c.key == key).values(
                articles=T_ENT.c.articles + 1, mentions=T_ENT.c.mentions + len(ent.mentions)))
        terms = sorted({norm_key(c) for c in context if c})
        if terms:
            ins = backend.insert(conn, T_CTX)
            conn.execute(ins.on_conflict_do_update(index_elements=["key", "term"],
                                                   set_={"n": T_CTX.c.n + 1}),
                         [{"key": key, "term": t, "n": 1} for t in terms])
        return key

    def resolve_article(self, article: Article) -> None:
        """Give every entity of ``article`` its registry key (``Entity.key``)."""
        ranked = sorted(article.entities, key=lambda e: -len(e.mentions))
        for ent in article.entities:
            context = list(itertools.islice((e.name for e in ranked if e is not ent), CONTEXT_SIZE))
            ent.key = self.resolve(ent, article.id, context)
        self.commit()

    # -- listing ---------------------------------------------------------------------------
    def entries(self, keys: Optional[Iterable[str]] = None) -> list[RegistryEntry]:
        query = sa.select(T_ENT.c.key, T_ENT.c.name, T_ENT.c.type, T_ENT.c.country, T_ENT.c.role,
                          T_ENT.c.mentions).order_by(T_ENT.c.mentions.desc(), T_ENT.c.key)
        if keys is not None:
            query = query.where(T_ENT.c.key.in_(list(keys)))
        rows = self.conn.execute(query).all()
        wanted = [r[0] for r in rows]
        arts: dict[str, list[str]] = {}
        names: dict[str, set[str]] = {}
        for chunk in _chunks(wanted, 500):
            for key, article in self.conn.execute(
                    sa.select(T_APP.c.key, T_APP.c.article).where(T_APP.c.key.in_(chunk))
                    .order_by(T_APP.c.key, T_APP.c.article)):
                arts.setdefault(key, []).append(article)
            for key, alias in self.conn.execute(
                    sa.select(T_NAMES.c.key, T_NAMES.c.alias).where(T_NAMES.c.key.in_(chunk))):
                names.setdefault(key, set()).add(alias)
        return [RegistryEntry(key, name, type_, country, role, arts.get(key, []), mentions,
                              sorted(names.get(key, set()) - {name}))
                for key, name, type_, country, role, mentions in rows]

    def __len__(self) -> int:
        return int(self.conn.execute(sa.select(sa.func.count()).select_from(T_ENT)).scalar())


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
