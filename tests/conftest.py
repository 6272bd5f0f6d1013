"""Shared test fixtures: one :class:`claimgraph.reader.Reader` for the whole session
(the spaCy model loads once), and the shared data folder (``../shared``) when present."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.reader import Reader

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def reader() -> Reader:
    """One Reader (full pipeline) shared by all tests; do not change its settings."""
    rd = Reader()
    rd.nlp  # load now, so the first test's timing is not the model's
    return rd


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` next to the repository; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED} (tests that need it are skipped)")
    return SHARED


# -- the store: every store test runs on SQLite and on PostgreSQL ---------------------------
PG_ENV = "CLAIMGRAPH_TEST_PG"
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A fresh, empty store: a SQLite file, or a new database on the PostgreSQL server
    named by ``$CLAIMGRAPH_TEST_PG`` (skipped, naming the variable, when it is unset)."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    yield from _pg_database(request)


def _pg_database(request):
    import os
    import uuid

    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(f"PostgreSQL store tests need a server: set {PG_ENV}="
                    "postgresql+psycopg://USER@HOST:PORT/DB (.ci/run starts one)")
    import sqlalchemy as sa

    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()
