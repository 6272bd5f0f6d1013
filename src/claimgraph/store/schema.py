"""The store's tables (SQLAlchemy 2 Core), the same on SQLite and PostgreSQL.

- ``articles``: one row per *version* of an article. ``uid`` is the stable id of that
  version (what later tables link to); ``id`` is the caller's id; ``ident`` is what makes
  two inputs "the same article" (``url:…`` when a URL is given, else ``id:…``); a changed
  text under the same ``ident`` is a new ``version`` and the old row gets ``superseded``
  (and ``superseded_by``). ``content_hash`` is the SHA-256 of the text. ``extra`` keeps
  the record's other top-level keys (``errors``, ``schema_version``, …) so that the
  stored record round-trips exactly.
- one table per layer (:data:`LAYERS`), every one with ``article`` (uid), ``seq`` (its
  place in the layer's list), ``item`` (the record's id), a main span
  (``span_start``/``span_end``) and ``record`` (the record's JSON, exactly as read), plus
  indexed columns for what is searched: quotes and attributions share the *statement*
  columns (speaker registry key, kind, certainty, anonymous, published, outlet, content).
- ``mentions``: every entity mention with the entity's registry key.
- ``registry*``: the cross-article entity registry (:mod:`claimgraph.store.registry`).

Schema changes go through :mod:`claimgraph.store.migrations` (Alembic); this module is
what the latest migration produces (a test compares them).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint, false)

from claimgraph.model import LAYER_NAMES

#: The layers of a reading, in record order: one table each, from the model's table of
#: layers. Adding a layer there means a migration here that creates its table (a test
#: checks that a migrated database has a table for every layer).
LAYERS: tuple[str, ...] = LAYER_NAMES
#: Layers whose rows are *statements* (searched by ``claimgraph search``).
STATEMENT_LAYERS: tuple[str, ...] = ("quotes", "attributions")

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

articles = Table(
    "articles", metadata,
    Column("uid", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False),
    Column("ident", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("superseded", Boolean, nullable=False, server_default=false()),
    Column("superseded_by", Integer, nullable=True),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("text", Text, nullable=False),
    Column("reader_version", String(64), nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Column("extra", JSON, nullable=False),
    UniqueConstraint("ident", "version"),
    Index(None, "id"),
    Index(None, "content_hash"),
    Index(None, "published"),
    Index(None, "outlet"),
)
# at most one current version per article
Index("ux_articles_current", articles.c.ident, unique=True,
      sqlite_where=articles.c.superseded == false(),
      postgresql_where=articles.c.superseded == false())


def _layer_columns():
    return [
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("article", Integer, ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
        Column("seq", Integer, nullable=False),
        Column("item", Text, nullable=False),
        Column("span_start", Integer),
        Column("span_end", Integer),
        Column("record", JSON, nullable=False),
    ]


def _statement_columns():
    """Columns shared by quotes and attributions (a search reads both the same way)."""
    return [
        Column("kind", String(16), nullable=False),        # direct|partial|mixed|indirect|attribution
        Column("act", String(16)),
        Column("speaker", Text),                            # entity item id in the article
        Column("speaker_key", Text),                        # its registry key
        Column("speaker_text", Text),
        Column("via_key", Text),
        Column("certainty", String(32)),
        Column("anonymous", Boolean, nullable=False, server_default=false()),
        Column("confidence", Float),
        Column("cue_start", Integer),
        Column("cue_end", Integer),
        Column("content", Text, nullable=False),
        Column("published", String(32)),
        Column("outlet", Text),
    ]


def _statement_indexes(name):
    return [Index(None, "speaker_key"), Index(None, "via_key"), Index(None, "kind"),
            Index(None, "certainty"), Index(None, "anonymous"), Index(None, "published"),
            Index(None, "outlet")]


LAYER_EXTRA = {
    "entities": lambda: [Column("name", Text), Column("type", String(32)), Column("key", Text),
                         Column("country", String(8)), Column("role", Text)],
    "quotes": _statement_columns,
    "attributions": _statement_columns,
    "quantities": lambda: [Column("low", Float), Column("high", Float), Column("unit", Text)],
    "dates": lambda: [Column("value", Text), Column("first_day", String(32)),
                      Column("last_day", String(32))],
    "hedges": lambda: [Column("certainty", String(32))],
    "checks": lambda: [Column("verdict", String(32))],
    "claims": lambda: [Column("certainty", String(32))],
}
LAYER_INDEXES = {
    "entities": lambda name: [Index(None, "key")],
    "quotes": _statement_indexes,
    "attributions": _statement_indexes,
}

layer_tables: dict[str, Table] = {}
for _name in LAYERS:
    layer_tables[_name] = Table(
        _name, metadata, *_layer_columns(), *LAYER_EXTRA.get(_name, list)(),
        UniqueConstraint("article", "seq"),
        *LAYER_INDEXES.get(_name, lambda name: [])(_name))

quotes = layer_tables["quotes"]
attributions = layer_tables["attributions"]
entities = layer_tables["entities"]

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
    Column("entity", Text, nullable=False),     # entity item id in the article
    Column("key", Text),                        # registry key
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Index(None, "key", "article"),
    Index(None, "article"),
)

# -- the entity registry (one key per real-world entity across articles) ------------------
registry = Table(
    "registry", metadata,
    Column("key", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("family", String(16), nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(8)),
    Column("role", Text),
    Column("articles", Integer, nullable=False, server_default="0"),
    Column("mentions", Integer, nullable=False, server_default="0"),
)
registry_names = Table(
    "registry_names", metadata,
    Column("norm", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("alias", Text, nullable=False),
    Index(None, "key"),
)
registry_context = Table(
    "registry_context", metadata,
    Column("key", Text, primary_key=True),
    Column("term", Text, primary_key=True),
    Column("n", Integer, nullable=False, server_default="1"),
)
registry_appearances = Table(
    "registry_appearances", metadata,
    Column("key", Text, primary_key=True),
    Column("article", Text, primary_key=True),
    Column("mentions", Integer, nullable=False),
)

# -- across articles: stories, statements, flags, source graph (migration 0002) -----------
from claimgraph.across.schema import define_tables  # noqa: E402

across_tables = define_tables(metadata)

#: Tables ``claimgraph export --table`` offers and ``claimgraph stats`` counts.
TABLES: dict[str, Table] = {t.name: t for t in metadata.sorted_tables}
