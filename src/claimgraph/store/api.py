"""``claimgraph.Store(url)``: the corpus in Python.

>>> store = Store("corpus.db")                      # or "postgresql://user@host/db"
>>> store.ingest(["feed.jsonl"])                     # Summary(read=…, stored=…, …)
>>> store.article("a1").quotes                       # claimgraph.model.Article
>>> store.search("ceasefire", speaker="Zelensky")    # [Hit(article_id=…, content=…), …]
>>> store.entity("Zelensky")                         # Profile(names=…, said=…, about=…)
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Union

import sqlalchemy as sa

from claimgraph.model import Article, ArticleInput
from claimgraph.store import backend
from claimgraph.store.db import open_engine
from claimgraph.store.errors import NotFound, StoreError
from claimgraph.store.ingest import ORDER_KEY, Summary, Writer, ingest, store_articles
from claimgraph.store.schema import LAYERS, articles, entities, layer_tables, mentions, registry


class Store:
    """One database of readings. ``url``: a SQLite file path, a database URL
    (``postgresql://…``), ``":memory:"``, or None for ``$CLAIMGRAPH_DB`` / ``./claimgraph.db``.
    Opening migrates the schema to the latest revision (``migrate=False``: refuse instead)."""

    def __init__(self, url: Optional[str] = None, migrate: bool = True):
        self.url = backend.database_url(url)
        self.engine = open_engine(self.url, migrate=migrate)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({backend.display(self.url)!r})"

    # -- writing -----------------------------------------------------------------------------
    def writer(self, reread: bool = False) -> Writer:
        """A :class:`~claimgraph.store.ingest.Writer` (checks the writer lock now)."""
        writer = Writer(self.engine, reread=reread)
        try:
            backend.begin_write(writer._conn).rollback()  # fail now if another writer holds it
        except BaseException:
            writer.close()
            raise
        return writer

    def ingest(self, sources: Iterable[Union[str, ArticleInput, Article]], *, reader=None,
               batch_size: int = 32, n_process: int = 1, reread: bool = False,
               on_error=None, on_progress=None) -> Summary:
        """Read and store articles: paths (anything ``claimgraph read`` takes),
        :class:`ArticleInput`s, or already-read :class:`Article`s (stored as they are)."""
        from claimgraph.ingest.feeds import iter_inputs

        sources = list(sources) if not isinstance(sources, (str, bytes)) else [sources]
        writer = self.writer(reread=reread)
        try:
            if sources and all(isinstance(s, Article) for s in sources):
                return store_articles(writer, sources, Summary(), batch_size=batch_size,
                                      on_progress=on_progress or (lambda n: None))

            def items():
                for src in sources:
                    if isinstance(src, ArticleInput):
                        yield src
                    else:
                        yield from iter_inputs(str(src))

            if reader is None:
                from claimgraph.reader import Reader

                reader = Reader(batch_size=batch_size)
            return ingest(writer, items(), reader, n_process=n_process, batch_size=batch_size,
                          on_error=on_error or (lambda e: None),
                          on_progress=on_progress or (lambda n: None))
        finally:
            writer.close()

    def stored_inputs(self) -> list[ArticleInput]:
        """Every current article as an input (for re-reading)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(articles.c.id, articles.c.text, articles.c.title,
                                          articles.c.published, articles.c.url, articles.c.outlet)
                                .where(articles.c.superseded == sa.false())
                                .order_by(articles.c.uid)).all()
        return [ArticleInput(id=r.id, text=r.text, title=r.title, published=r.published,
                             url=r.url, outlet=r.outlet, origin=f"stored:{r.id}") for r in rows]

    # -- reading -----------------------------------------------------------------------------
    def _find(self, conn, ref: str, version: Optional[int] = None):
        """The article row for an id, a URL or ``#uid`` (the current version unless ``version``)."""
        query = sa.select(articles)
        if ref.startswith("#") and ref[1:].isdigit():
            query = query.where(articles.c.uid == int(ref[1:]))
        else:
            query = query.where(sa.or_(articles.c.id == ref, articles.c.url == ref))
            if version is None:
                query = query.where(articles.c.superseded == sa.false())
            else:
                query = query.where(articles.c.version == version)
        rows = conn.execute(query.order_by(articles.c.uid)).all()
        if not rows:
            what = f"version {version} of " if version is not None else ""
            raise NotFound(f"no stored article {what}{ref!r}")
        if len({r.ident for r in rows}) > 1:
            choices = ", ".join(f"#{r.uid} ({r.url or r.id})" for r in rows[:10])
            raise NotFound(f"{ref!r} names several stored articles: {choices}; "
                           f"give the URL or #uid")
        return rows[0]

    def record(self, ref: str, version: Optional[int] = None) -> dict[str, Any]:
        """The stored JSON record, exactly as the reader produced it."""
        with self.engine.connect() as conn:
            row = self._find(conn, ref, version)
            return self._record(conn, row)

    def _record(self, conn, row) -> dict[str, Any]:
        return stored_record(conn, row)

    def article(self, ref: str, version: Optional[int] = None) -> Article:
        """The stored :class:`Article` (current version unless ``version``), with each
        entity's registry key in ``Entity.key``."""
        with self.engine.connect() as conn:
            return stored_article(conn, self._find(conn, ref, version))

    def versions(self, ref: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            row = self._find(conn, ref)
            rows = conn.execute(sa.select(articles.c.uid, articles.c.version, articles.c.superseded,
                                          articles.c.content_hash, articles.c.stored_at,
                                          articles.c.reader_version)
                                .where(articles.c.ident == row.ident)
                                .order_by(articles.c.version)).all()
        return [dict(r._mapping) for r in rows]

    # -- asking ------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts per table (current articles' layers), outlets and the date range."""
        with self.engine.connect() as conn:
            current = sa.select(articles.c.uid).where(articles.c.superseded == sa.false())
            out: dict[str, Any] = {}
            out["articles"] = conn.execute(sa.select(sa.func.count()).select_from(articles)
                                           .where(articles.c.superseded == sa.false())).scalar()
            out["versions"] = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar()
            out["superseded"] = out["versions"] - out["articles"]
            for name in LAYERS:
                table = layer_tables[name]
                out[name] = conn.execute(sa.select(sa.func.count()).select_from(table)
                                         .where(table.c.article.in_(current))).scalar()
            out["mentions"] = conn.execute(sa.select(sa.func.count()).select_from(mentions)
                                           .where(mentions.c.article.in_(current))).scalar()
            out["registry_entities"] = conn.execute(sa.select(sa.func.count())
                                                    .select_from(registry)).scalar()
            outlets = conn.execute(sa.select(articles.c.outlet, sa.func.count())
                                   .where(articles.c.superseded == sa.false())
                                   .group_by(articles.c.outlet)
                                   .order_by(sa.func.count().desc(), articles.c.outlet)).all()
            out["outlets"] = {(o if o is not None else "(none)"): n for o, n in outlets}
            first, last = conn.execute(sa.select(sa.func.min(articles.c.published),
                                                 sa.func.max(articles.c.published))
                                       .where(articles.c.superseded == sa.false())).one()
            out["published"] = {"first": first, "last": last}
            out["readers"] = dict(conn.execute(sa.select(articles.c.reader_version, sa.func.count())
                                               .where(articles.c.superseded == sa.false())
                                               .group_by(articles.c.reader_version)).all())
            out["database"] = backend.display(self.url)
            out["backend"] = self.engine.dialect.name
        return out

    def search(self, query: Optional[str] = None, **filters):
        """Quotes and attributions matching a full-text ``query`` and ``filters``
        (:class:`~claimgraph.store.search.Filters`); a list of :class:`~claimgraph.store.search.Hit`."""
        from claimgraph.store.search import Filters, search

        return search(self.engine, query, Filters(**filters))

    def entity_page(self, name: Optional[str] = None, types=(), min_mentions: int = 1,
                    limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """``(total, entities)``: registry entities, most mentioned first (``name``: a part of
        the name, any case; ``types``: only these types)."""
        cols = (registry.c.key, registry.c.name, registry.c.type, registry.c.country,
                registry.c.role, registry.c.articles, registry.c.mentions)
        query = sa.select(*cols).where(registry.c.mentions >= min_mentions)
        if name:
            pattern = "%" + name.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(sa.func.lower(registry.c.name).like(pattern, escape="\\"))
        if types:
            query = query.where(registry.c.type.in_(list(types)))
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
            rows = conn.execute(query.order_by(registry.c.mentions.desc(), registry.c.key)
                                .limit(limit).offset(offset)).all()
        return total, [dict(r._mapping) for r in rows]

    def entity(self, name: str):
        """One entity's profile (:class:`~claimgraph.store.profile.Profile`)."""
        from claimgraph.store.profile import profile

        return profile(self.engine, name)

    # -- across articles (claimgraph.across.persist) ---------------------------------------
    def _across(self, fn, *args, **kw):
        from claimgraph.across import persist
        from claimgraph.store.schema import across_tables

        with self.engine.connect() as conn:
            return getattr(persist, fn)(conn, across_tables, *args, **kw)

    def stories(self, since: Optional[str] = None, about: Optional[str] = None,
                min_size: int = 1, limit: Optional[int] = None) -> list[dict]:
        """Stories, largest first: ``{"id", "title", "size", "texts", "outlets", "first",
        "last", "entities", "articles": [{"id", "outlet", "published", "copy_of", ...}]}``."""
        return self._across("stories", since=since, about=about, min_size=min_size, limit=limit)

    def story_page(self, since: Optional[str] = None, about: Optional[str] = None,
                   min_size: int = 1, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """``(total, stories)``: one page of :meth:`stories` and how many there are in all."""
        return self._across("story_page", since=since, about=about, min_size=min_size,
                            limit=limit, offset=offset)

    def story(self, story_id: str) -> Optional[dict]:
        """One story with its linked statements and flags (None if unknown)."""
        return self._across("story", story_id)

    def statements(self, speaker: Optional[str] = None, misquotes: bool = False,
                   everything: bool = False) -> list[dict]:
        """Statements reported by several articles (``everything``: all)."""
        return self._across("statements", speaker=speaker, misquotes=misquotes, everything=everything)

    def statement_page(self, speaker: Optional[str] = None, misquotes: bool = False,
                       everything: bool = False, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """``(total, statements)``: one page of :meth:`statements`."""
        return self._across("statement_page", speaker=speaker, misquotes=misquotes,
                            everything=everything, limit=limit, offset=offset)

    def statement(self, quote_id: str, article: Optional[str] = None) -> Optional[dict]:
        """The statement a stored quote reports (``"ARTICLE/Q3"``, or ``"Q3"`` with ``article``):
        ``{"id", "speaker", "reports": [{"article", "quote", ...}], "first", "misquotes"}``."""
        return self._across("statement", quote_id, article=article)

    def statements_of(self, article: str) -> dict[str, dict]:
        """quote id → the statement it reports, for the quotes of ``article`` (an id) that
        other stored articles report too."""
        return self._across("statements_of", article)

    def sources(self, outlets=(), top: int = 10) -> list[dict]:
        """Per outlet: citations, anonymous share, the ``top`` sources."""
        return self._across("source_table", outlets, top=top)

    def source_graph(self) -> dict:
        """The source graph as networkx node-link data (outlets → cited sources)."""
        return self._across("source_graph")

    def relink(self, on_progress=None) -> int:
        """Recompute stories, statements, flags and the source graph from scratch, over the
        current articles in the order they were stored (what ingest computed incrementally)."""
        writer = self.writer()
        try:
            return relink_all(self.engine, writer._conn, on_progress)
        finally:
            writer.close()

    def registry(self):
        """The entity registry on a connection of this store (call ``close()`` after)."""
        from claimgraph.store.registry import Registry

        return Registry(self.engine.connect())


def stored_record(conn, row) -> dict[str, Any]:
    """The JSON record of an article row, exactly as the reader produced it."""
    extra = dict(row.extra)
    order = extra.pop(ORDER_KEY, None)
    rec: dict[str, Any] = {"id": row.id, "text": row.text, "title": row.title,
                           "published": row.published, "url": row.url, "outlet": row.outlet}
    for name in LAYERS:
        table = layer_tables[name]
        rec[name] = list(conn.execute(sa.select(table.c.record).where(table.c.article == row.uid)
                                      .order_by(table.c.seq)).scalars())
    rec.update(extra)
    if order:
        rec = {k: rec[k] for k in order if k in rec} | {k: v for k, v in rec.items() if k not in order}
    return rec


def stored_article(conn, row) -> Article:
    """The :class:`Article` of an article row, each entity with its registry key."""
    article = Article.from_record(stored_record(conn, row))
    keys = dict(conn.execute(sa.select(entities.c.item, entities.c.key)
                             .where(entities.c.article == row.uid)).all())
    for ent in article.entities:
        ent.key = keys.get(ent.id, ent.key)
    return article


def relink_all(engine: sa.Engine, conn, on_progress=None) -> int:
    """Relink every current article, in the order stored, on the writer's connection
    ``conn`` (one transaction); the articles are read on another connection of ``engine``."""
    from claimgraph.across import persist
    from claimgraph.store.schema import across_tables

    def current():
        with engine.connect() as read:
            uids = list(read.execute(sa.select(articles.c.uid).where(articles.c.superseded == sa.false())
                                     .order_by(articles.c.uid)).scalars())
            for uid in uids:
                row = read.execute(sa.select(articles).where(articles.c.uid == uid)).one()
                yield uid, stored_article(read, row)

    tx = backend.begin_write(conn)
    try:
        n = persist.relink(conn, across_tables, current(), on_progress=on_progress or (lambda n: None))
        tx.commit()
    except BaseException:
        tx.rollback()
        persist.forget()
        raise
    return n


def open_store(db: Optional[str]) -> Store:
    return Store(db)


__all__ = ["Store", "StoreError", "open_store"]
