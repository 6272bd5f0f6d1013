"""Alembic environment: claimgraph passes its open connection in ``config.attributes``."""
from __future__ import annotations

from alembic import context

from claimgraph.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` on the command line (writing a revision)
    import sqlalchemy as sa

    connection = sa.create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
