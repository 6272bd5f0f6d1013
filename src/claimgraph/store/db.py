"""Opening a store: connect, check the schema's revision, migrate (Alembic, run in-process).

A database without claimgraph's tables is migrated to the latest revision on first use;
an older revision is upgraded the same way (``claimgraph db upgrade`` does it
explicitly); a revision this claimgraph does not know was written by a newer one, and is
refused (:class:`~claimgraph.store.errors.SchemaTooNew`) rather than touched.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from claimgraph.store import backend
from claimgraph.store.errors import SchemaTooNew, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def current_revision(conn) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check_revision(conn) -> str | None:
    """The database's revision; raises SchemaTooNew for one this claimgraph does not know."""
    current = current_revision(conn)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"the database's schema (revision {current}) is newer than this claimgraph "
            f"knows (up to {head_revision()}); upgrade claimgraph to use it")
    return current


def upgrade(engine: sa.Engine) -> tuple[str | None, str]:
    """Migrate to the latest revision (under the writer lock); ``(before, after)``."""
    with backend.write_connection(engine) as conn:
        tx = backend.begin_write(conn)
        try:
            before = check_revision(conn)
            if before != head_revision():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            tx.commit()
        except BaseException:
            tx.rollback()
            raise
    return before, head_revision()


def open_engine(url: sa.URL, migrate: bool = True) -> sa.Engine:
    """A ready engine: reachable, of a known schema, migrated when ``migrate``."""
    engine = backend.create_engine(url)
    try:
        with engine.connect() as conn:
            current = check_revision(conn)
        if current != head_revision():
            if not migrate:
                raise StoreError(f"{backend.display(url)}: the database is at schema revision "
                                 f"{current or 'none'}, not {head_revision()}; run "
                                 f"`claimgraph db upgrade`")
            upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except sa.exc.SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(backend.describe_error(err, url)) from None
    return engine
