"""Across articles: stories and their members, statements and their reports, flags
(misquotes, contradicting numbers), the source graph's edges, and the linker's state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fk(table: str, col: str = "article"):
    return sa.ForeignKeyConstraint([col], ["articles.uid"], ondelete="CASCADE",
                                   name=f"fk_{table}_{col}_articles")


def upgrade() -> None:
    op.create_table(
        "across_stories",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("first", sa.String(32)),
        sa.Column("last", sa.String(32)),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("texts", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_across_stories"),
    )
    op.create_index("ix_across_stories_size", "across_stories", ["size"])
    op.create_index("ix_across_stories_last", "across_stories", ["last"])

    op.create_table(
        "across_members",
        sa.Column("article", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("story", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("title", sa.Text),
        sa.Column("copy_of", sa.Text),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("arrival", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article", name="pk_across_members"),
        _fk("across_members"),
    )
    op.create_index("ix_across_members_story", "across_members", ["story"])
    op.create_index("ix_across_members_article_id", "across_members", ["article_id"])

    op.create_table(
        "across_statements",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("speaker_name", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("first", sa.Text, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("misquotes", sa.Integer, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_across_statements"),
    )
    op.create_index("ix_across_statements_speaker", "across_statements", ["speaker"])
    op.create_index("ix_across_statements_articles", "across_statements", ["articles"])

    op.create_table(
        "across_reports",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("article", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("via", sa.Text),
        sa.Column("copy_of", sa.Text),
        sa.Column("cites", sa.Text),
        sa.PrimaryKeyConstraint("pk", name="pk_across_reports"),
        _fk("across_reports"),
        sa.UniqueConstraint("article", "quote", name="uq_across_reports_article_quote"),
    )
    op.create_index("ix_across_reports_statement", "across_reports", ["statement"])
    op.create_index("ix_across_reports_article_id_quote", "across_reports", ["article_id", "quote"])

    op.create_table(
        "across_flags",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("statement", sa.Text),
        sa.Column("article_a", sa.Text, nullable=False),
        sa.Column("article_b", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_across_flags"),
    )
    for col in ("type", "article_a", "article_b"):
        op.create_index(f"ix_across_flags_{col}", "across_flags", [col])

    op.create_table(
        "across_sources",
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("outlet_label", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32)),
        sa.Column("quotes", sa.Integer, nullable=False),
        sa.Column("attributions", sa.Integer, nullable=False),
        sa.Column("anonymous", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("outlet", "source", name="pk_across_sources"),
    )

    op.create_table(
        "across_state",
        sa.Column("article", sa.Integer, nullable=False),
        sa.Column("arrival", sa.Integer, nullable=False),
        sa.Column("state", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("article", name="pk_across_state"),
        _fk("across_state"),
        sa.UniqueConstraint("arrival", name="uq_across_state_arrival"),
    )


def downgrade() -> None:
    for name in ("across_state", "across_sources", "across_flags", "across_reports",
                 "across_statements", "across_members", "across_stories"):
        op.drop_table(name)
