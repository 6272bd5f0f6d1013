"""The first store: articles (versioned), one table per layer, mentions, the entity registry,
full-text indexes over quotes and attributions.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimgraph.store import backend

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy of the layer list as of this revision (later layers need their own revision).
LAYERS = ("entities", "quotes", "attributions", "quantities", "dates", "hedges", "checks", "claims")
FALSE = sa.false()


def _statement_columns():
    return [
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("act", sa.String(16)),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_key", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("via_key", sa.Text),
        sa.Column("certainty", sa.String(32)),
        sa.Column("anonymous", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("confidence", sa.Float),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("published", sa.String(32)),
        sa.Column("outlet", sa.Text),
    ]


EXTRA = {
    "entities": lambda: [sa.Column("name", sa.Text), sa.Column("type", sa.String(32)),
                         sa.Column("key", sa.Text), sa.Column("country", sa.String(8)),
                         sa.Column("role", sa.Text)],
    "quotes": _statement_columns,
    "attributions": _statement_columns,
    "quantities": lambda: [sa.Column("low", sa.Float), sa.Column("high", sa.Float),
                           sa.Column("unit", sa.Text)],
    "dates": lambda: [sa.Column("value", sa.Text), sa.Column("first_day", sa.String(32)),
                      sa.Column("last_day", sa.String(32))],
    "hedges": lambda: [sa.Column("certainty", sa.String(32))],
    "checks": lambda: [sa.Column("verdict", sa.String(32))],
    "claims": lambda: [sa.Column("certainty", sa.String(32))],
}
STATEMENT_INDEXED = ("speaker_key", "via_key", "kind", "certainty", "anonymous", "published", "outlet")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("uid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("ident", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("superseded", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("superseded_by", sa.Integer),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reader_version", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("uid", name="pk_articles"),
        sa.UniqueConstraint("ident", "version", name="uq_articles_ident_version"),
    )
    for col in ("id", "content_hash", "published", "outlet"):
        op.create_index(f"ix_articles_{col}", "articles", [col])
    op.create_index("ux_articles_current", "articles", ["ident"], unique=True,
                    sqlite_where=sa.text("superseded = 0"),
                    postgresql_where=sa.text("superseded = false"))

    for name in LAYERS:
        op.create_table(
            name,
            sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("article", sa.Integer, nullable=False),
            sa.Column("seq", sa.Integer, nullable=False),
            sa.Column("item", sa.Text, nullable=False),
            sa.Column("span_start", sa.Integer),
            sa.Column("span_end", sa.Integer),
            sa.Column("record", sa.JSON, nullable=False),
            *EXTRA[name](),
            sa.PrimaryKeyConstraint("pk", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(["article"], ["articles.uid"], ondelete="CASCADE",
                                    name=f"fk_{name}_article_articles"),
            sa.UniqueConstraint("article", "seq", name=f"uq_{name}_article_seq"),
        )
    op.create_index("ix_entities_key", "entities", ["key"])
    for name in ("quotes", "attributions"):
        for col in STATEMENT_INDEXED:
            op.create_index(f"ix_{name}_{col}", name, [col])

    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article", sa.Integer, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("key", sa.Text),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_mentions"),
        sa.ForeignKeyConstraint(["article"], ["articles.uid"], ondelete="CASCADE",
                                name="fk_mentions_article_articles"),
    )
    op.create_index("ix_mentions_key_article", "mentions", ["key", "article"])
    op.create_index("ix_mentions_article", "mentions", ["article"])

    op.create_table(
        "registry",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("family", sa.String(16), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("role", sa.Text),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("mentions", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("key", name="pk_registry"),
    )
    op.create_table(
        "registry_names",
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("norm", "key", name="pk_registry_names"),
    )
    op.create_index("ix_registry_names_key", "registry_names", ["key"])
    op.create_table(
        "registry_context",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("n", sa.Integer, nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("key", "term", name="pk_registry_context"),
    )
    op.create_table(
        "registry_appearances",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("article", sa.Text, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", "article", name="pk_registry_appearances"),
    )

    backend.install_fulltext(op.get_bind())


def downgrade() -> None:
    backend.drop_fulltext(op.get_bind())
    for name in ("registry_appearances", "registry_context", "registry_names", "registry",
                 "mentions", *reversed(LAYERS), "articles"):
        op.drop_table(name)
