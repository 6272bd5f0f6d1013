"""The store's tables for what is computed across articles (migration ``0002``).

Defined on the store's ``MetaData`` by :func:`define_tables` (the store calls it), so
the store's schema module stays the one description of the database:

- ``across_stories`` / ``across_members``: each story (title, dates, size, texts counted
  once, outlets, main entities) and each stored article's story, ``copy_of`` and score;
- ``across_statements`` / ``across_reports``: each statement (speaker key, first report,
  the whole statement as JSON) and every quote that reports one;
- ``across_flags``: misquotes and contradicting numbers (``record``: the flag's JSON);
- ``across_sources``: the source graph's edges, outlet → source, with their counts;
- ``across_state``: per linked article, the linker's state (:meth:`Linker.state`,
  pickled and compressed) from which the incremental linker is rebuilt without deciding
  anything again.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint)


def define_tables(metadata: MetaData) -> dict[str, Table]:
    stories = Table(
        "across_stories", metadata,
        Column("id", Text, primary_key=True),
        Column("title", Text),
        Column("first", String(32)),
        Column("last", String(32)),
        Column("size", Integer, nullable=False),
        Column("texts", Integer, nullable=False),
        Column("outlets", JSON, nullable=False),
        Column("entities", JSON, nullable=False),
        Index(None, "size"),
        Index(None, "last"),
    )
    members = Table(
        "across_members", metadata,
        Column("article", Integer, ForeignKey("articles.uid", ondelete="CASCADE"), primary_key=True),
        Column("article_id", Text, nullable=False),
        Column("story", Text, nullable=False),
        Column("outlet", Text),
        Column("published", String(32)),
        Column("title", Text),
        Column("copy_of", Text),
        Column("score", Float, nullable=False),
        Column("arrival", Integer, nullable=False),
        Index(None, "story"),
        Index(None, "article_id"),
    )
    statements = Table(
        "across_statements", metadata,
        Column("id", Text, primary_key=True),
        Column("speaker", Text, nullable=False),
        Column("speaker_name", Text),
        Column("content", Text, nullable=False),
        Column("first", Text, nullable=False),
        Column("reports", Integer, nullable=False),
        Column("articles", Integer, nullable=False),
        Column("misquotes", Integer, nullable=False),
        Column("record", JSON, nullable=False),
        Index(None, "speaker"),
        Index(None, "articles"),
    )
    reports = Table(
        "across_reports", metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("statement", Text, nullable=False),
        Column("article", Integer, ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
        Column("article_id", Text, nullable=False),
        Column("quote", Text, nullable=False),
        Column("kind", String(16), nullable=False),
        Column("outlet", Text),
        Column("published", String(32)),
        Column("via", Text),
        Column("copy_of", Text),
        Column("cites", Text),
        UniqueConstraint("article", "quote"),
        Index(None, "statement"),
        Index(None, "article_id", "quote"),
    )
    flags = Table(
        "across_flags", metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("type", String(32), nullable=False),
        Column("statement", Text),
        Column("article_a", Text, nullable=False),
        Column("article_b", Text, nullable=False),
        Column("record", JSON, nullable=False),
        Index(None, "type"),
        Index(None, "article_a"),
        Index(None, "article_b"),
    )
    sources = Table(
        "across_sources", metadata,
        Column("outlet", Text, primary_key=True),
        Column("source", Text, primary_key=True),
        Column("outlet_label", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("type", String(32)),
        Column("quotes", Integer, nullable=False),
        Column("attributions", Integer, nullable=False),
        Column("anonymous", Integer, nullable=False),
        Column("articles", Integer, nullable=False),
    )
    state = Table(
        "across_state", metadata,
        Column("article", Integer, ForeignKey("articles.uid", ondelete="CASCADE"), primary_key=True),
        Column("arrival", Integer, nullable=False, unique=True),
        Column("state", LargeBinary, nullable=False),
    )
    return {"stories": stories, "members": members, "statements": statements, "reports": reports,
            "flags": flags, "sources": sources, "state": state}
