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

from functools import lru_cache

from claimgraph.lexicon.gazetteer import fold
from claimgraph.lexicon.gazetteer import norm_key as _norm_key
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
norm_key = lru_cache(maxsize=1 << 16)(_norm_key)  # the same names and contexts come back often

_CANDIDATES = (sa.select(T_ENT.c.key, T_ENT.c.name, T_ENT.c.country, T_ENT.c.role, T_ENT.c.articles)
               .distinct().join_from(T_NAMES, T_ENT, T_ENT.c.key == T_NAMES.c.key)
               .where(T_NAMES.c.norm.in_(sa.bindparam("norms", expanding=True)),
                      T_ENT.c.family == sa.bindparam("family"))
               .order_by(T_ENT.c.key))
_TAKEN = sa.select(T_ENT.c.key).where(T_ENT.c.key.like(sa.bindparam("pattern")))
_TAKEN_BASE = sa.select(T_ENT.c.key).where(sa.or_(T_ENT.c.key == sa.bindparam("base"),
                                                  T_ENT.c.key.like(sa.bindparam("pattern"))))


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


def key_base(name: str, type_: str) -> str:
    """The key a new entity gets (``base-2``, ``base-3`` … when taken)."""
    return f"{TYPE_FAMILY.get(type_, 'org')}:{_slug(name)}"


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
        state = _State(self.conn)
        state.preload([name, *aliases], [c for c in context if c], [])
        return _lookup(state, name, type_, country, role, context, aliases, self.ACCEPT)

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
    def resolve(self, ent: Entity, article_id: str, context: Iterable[str] = ()) -> str:
        """Key of ``ent`` (matched or new); records the appearance, aliases and context."""
        context = list(context)
        state = _State(self.conn)
        state.preload([ent.name, *ent.aliases], context, [article_id])
        key = _resolve(state, ent, article_id, context, self.ACCEPT)
        state.flush()
        return key

    def resolve_article(self, article: Article) -> None:
        """Give every entity of ``article`` its registry key (``Entity.key``)."""
        self.resolve_articles([article])
        self.commit()

    def resolve_articles(self, articles: list[Article]) -> None:
        """:meth:`resolve_article` for many articles, in order, with a few queries for all of
        them (what is registered is read once, the changes written once, at the end)."""
        jobs = []
        for article in articles:
            ranked = sorted(article.entities, key=lambda e: -len(e.mentions))
            for ent in article.entities:
                context = list(itertools.islice((e.name for e in ranked if e is not ent), CONTEXT_SIZE))
                jobs.append((article.id, ent, context))
        if not jobs:
            return
        state = _State(self.conn)
        state.preload([n for _, ent, _ in jobs for n in (ent.name, *ent.aliases)],
                      {c for _, _, ctx in jobs for c in ctx}, {a.id for a in articles},
                      {key_base(ent.name, ent.type) for _, ent, _ in jobs})
        for article_id, ent, context in jobs:
            ent.key = _resolve(state, ent, article_id, context, self.ACCEPT)
        state.flush()

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


class _State:
    """What the registry knows about the names, contexts and articles at hand: read from the
    database once (:meth:`preload`), changed in memory by the resolutions, written back once
    (:meth:`flush`). The same answers as querying before every step, with few queries."""

    def __init__(self, conn):
        self.conn = conn
        self.by_norm: dict[str, set[str]] = {}
        self.ents: dict[str, dict] = {}          # key -> row (name, family, type, country, role, ...)
        self.ctx: dict[str, set[str]] = {}        # key -> known terms (among those at hand)
        self.appear: set[tuple[str, str]] = set()
        self.new_ents: set[str] = set()
        self.dirty: set[str] = set()
        self.new_names: dict[tuple[str, str], str] = {}
        self.new_appear: list[dict] = []
        self.ctx_inc: dict[tuple[str, str], int] = {}
        self.taken: set[str] = set()
        self.checked: set[str] = set()  # key bases whose taken keys are in self.taken

    def preload(self, names: Iterable[str], context: Iterable[str], article_ids: Iterable[str],
                bases: Iterable[str] = ()) -> None:
        bases = sorted(set(bases))
        for chunk in _chunks(bases, 500):  # keys are given base first, then base-2, base-3 ...
            found = set(self.conn.execute(sa.select(T_ENT.c.key).where(T_ENT.c.key.in_(chunk))).scalars())
            for base in found:
                self.taken.update(self.conn.execute(_TAKEN, {"pattern": base + "-%"}).scalars())
            self.taken.update(found)
            self.checked.update(chunk)
        norms = sorted({norm_key(n) for n in names if n})
        for chunk in _chunks(norms, 500):
            for norm, key in self.conn.execute(
                    sa.select(T_NAMES.c.norm, T_NAMES.c.key).where(T_NAMES.c.norm.in_(chunk))):
                self.by_norm.setdefault(norm, set()).add(key)
        keys = sorted({k for ks in self.by_norm.values() for k in ks})
        for chunk in _chunks(keys, 500):
            for row in self.conn.execute(sa.select(T_ENT).where(T_ENT.c.key.in_(chunk))):
                self.ents[row.key] = dict(row._mapping)
        terms = sorted({norm_key(c) for c in context if c})
        if keys and terms:
            for kchunk in _chunks(keys, 200):
                for tchunk in _chunks(terms, 500):
                    for key, term in self.conn.execute(
                            sa.select(T_CTX.c.key, T_CTX.c.term)
                            .where(T_CTX.c.key.in_(kchunk), T_CTX.c.term.in_(tchunk))):
                        self.ctx.setdefault(key, set()).add(term)
        ids = sorted(set(article_ids))
        for chunk in _chunks(ids, 500):
            self.appear.update(tuple(r) for r in self.conn.execute(
                sa.select(T_APP.c.key, T_APP.c.article).where(T_APP.c.article.in_(chunk))))

    def candidates(self, norms: list[str], family: str) -> list[tuple]:
        keys = sorted({k for n in norms for k in self.by_norm.get(n, ())})
        return [(k, self.ents[k]["name"], self.ents[k]["country"], self.ents[k]["role"])
                for k in keys if self.ents[k]["family"] == family]

    def shared(self, key: str, terms: list[str]) -> int:
        known = self.ctx.get(key)
        return sum(1 for t in terms if t in known) if known else 0

    def new_key(self, name: str, type_: str) -> str:
        base = key_base(name, type_)
        if base not in self.checked:
            self.taken.update(self.conn.execute(_TAKEN_BASE, {"base": base,
                                                              "pattern": base + "-%"}).scalars())
            self.checked.add(base)
        key, n = base, 1
        while key in self.taken:
            n += 1
            key = f"{base}-{n}"
        self.taken.add(key)
        return key

    def flush(self) -> None:
        conn = self.conn
        if self.new_ents:
            conn.execute(T_ENT.insert(), [self.ents[k] for k in sorted(self.new_ents)])
        changed = sorted(self.dirty - self.new_ents)
        if changed:
            conn.execute(T_ENT.update().where(T_ENT.c.key == sa.bindparam("k")).values(
                name=sa.bindparam("v_name"), country=sa.bindparam("v_country"),
                role=sa.bindparam("v_role"), articles=sa.bindparam("v_articles"),
                mentions=sa.bindparam("v_mentions")),
                [{"k": k, **{f"v_{c}": self.ents[k][c] for c in
                             ("name", "country", "role", "articles", "mentions")}} for k in changed])
        if self.new_names:
            conn.execute(backend.insert(conn, T_NAMES).on_conflict_do_nothing(),
                         [{"norm": n, "key": k, "alias": a} for (n, k), a in self.new_names.items()])
        if self.new_appear:
            conn.execute(T_APP.insert(), self.new_appear)
        backend.executemany(  # the bulk of the registry's rows: plain SQL, the same on both backends
            conn, "INSERT INTO registry_context (key, term, n) VALUES (?, ?, ?) ON CONFLICT (key, term) "
                  "DO UPDATE SET n = registry_context.n + excluded.n",
            [(k, t, n) for (k, t), n in sorted(self.ctx_inc.items())])


def _lookup(state: _State, name: str, type_: str, country: Optional[str], role: Optional[str],
            context: Iterable[str], aliases: Iterable[str], accept: float) -> Optional[Match]:
    family = TYPE_FAMILY.get(type_, "org")
    names = [name, *aliases]
    multiword = [n for n in names if len(norm_key(n).split()) > 1]
    if family == "person" and multiword:
        names = multiword  # a person's full name decides; "Kim" alone matches too much
    cands = state.candidates(sorted({norm_key(n) for n in names if n}), family)
    if not cands:
        return None
    ctx = sorted({norm_key(c) for c in context if c})
    mine = role_words(role)
    best: Optional[Match] = None
    # with several namesakes registered, only positive evidence picks one of them
    need = accept + (0.25 if len(cands) > 1 else 0.0)
    for key, cname, ccountry, crole in cands:
        # an organisation's or place's alias is as good as its name; a person's
        # other name form (no middle name, a bare family name) is weaker evidence
        score = 1.0 if norm_key(cname) == norm_key(name) or family != "person" else 0.8
        if country and ccountry and country != ccountry and family in ("person", "org"):
            continue
        if country and ccountry == country:
            score += 0.5
        theirs = role_words(crole)
        shared_ctx = state.shared(key, ctx) if ctx else 0
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


def _resolve(state: _State, ent: Entity, article_id: str, context: list[str], accept: float) -> str:
    context = [c for c in context if norm_key(c) != norm_key(ent.name)]
    match = _lookup(state, ent.name, ent.type, ent.country, ent.role, context, ent.aliases, accept)
    if match is None:
        key = state.new_key(ent.name, ent.type)
        state.ents[key] = {"key": key, "name": ent.name, "family": TYPE_FAMILY.get(ent.type, "org"),
                           "type": ent.type, "country": ent.country, "role": ent.role,
                           "articles": 0, "mentions": 0}
        state.new_ents.add(key)
    else:
        key = match.key
        row = state.ents[key]
        row["country"] = row["country"] if row["country"] is not None else ent.country
        row["role"] = row["role"] if row["role"] is not None else ent.role
        if len(ent.name.split()) > len(row["name"].split()):  # keep the fullest name
            row["name"] = ent.name
    state.dirty.add(key)
    for alias in sorted({ent.name, *ent.aliases}):  # a fixed order: the same spelling every run
        norm = norm_key(alias)
        if key not in state.by_norm.setdefault(norm, set()):
            state.by_norm[norm].add(key)
            state.new_names[(norm, key)] = alias
    if (key, article_id) not in state.appear:
        state.appear.add((key, article_id))
        state.new_appear.append({"key": key, "article": article_id, "mentions": len(ent.mentions)})
        state.ents[key]["articles"] += 1
        state.ents[key]["mentions"] += len(ent.mentions)
    for term in sorted({norm_key(c) for c in context if c}):
        state.ctx.setdefault(key, set()).add(term)
        state.ctx_inc[(key, term)] = state.ctx_inc.get((key, term), 0) + 1
    return key


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
