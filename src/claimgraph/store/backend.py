"""Everything that differs between SQLite and PostgreSQL, in one place.

- where the database is (:func:`database_url`: ``--db``, ``CLAIMGRAPH_DB``, ``./claimgraph.db``)
  and how to connect (:func:`create_engine`: SQLite in WAL mode with foreign keys on);
- the writer lock (:func:`begin_write`): one writer at a time; SQLite takes its write
  lock at ``BEGIN IMMEDIATE``, PostgreSQL an advisory transaction lock; a writer that
  waits longer than the timeout gets :class:`~claimgraph.store.errors.StoreLocked`;
- full-text search (:func:`install_fulltext`, :func:`fulltext_match`): an FTS5 table kept
  by triggers on SQLite, a GIN expression index over ``to_tsvector`` on PostgreSQL;
- ``INSERT … ON CONFLICT`` (:func:`insert`), and turning driver errors into one clear
  line (:func:`describe_error`).
"""
from __future__ import annotations

import os
import time
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url

from claimgraph.store.errors import StoreError, StoreLocked

DEFAULT_PATH = "claimgraph.db"
DB_ENV = "CLAIMGRAPH_DB"
TIMEOUT_ENV = "CLAIMGRAPH_DB_TIMEOUT"  # seconds a writer waits for another one (default 30)
PG_LOCK_ID = 0x636C6731  # "clg1": the advisory lock of claimgraph writers
FTS_CONFIG = "english"   # PostgreSQL text search configuration
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"  # SQLite FTS5 tokenizer (stemming, like PG)


def database_url(db: Optional[str] = None) -> URL:
    """The SQLAlchemy URL for ``--db`` (a file path or a URL), ``$CLAIMGRAPH_DB``, or
    ``./claimgraph.db``. ``postgresql://`` means psycopg 3."""
    value = db or os.environ.get(DB_ENV) or DEFAULT_PATH
    if "://" not in value:
        if value == ":memory:":
            return make_url("sqlite://")
        return make_url("sqlite:///" + os.path.abspath(os.path.expanduser(value)))
    try:
        url = make_url(value)
    except sa.exc.ArgumentError as err:
        raise StoreError(f"not a database URL: {value!r} ({err})") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {url.get_backend_name()!r} "
                         f"(use a SQLite file or postgresql://…)")
    return url


def display(url: URL) -> str:
    """The URL for messages (password hidden; a SQLite file as its path)."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, "30"))
    except ValueError:
        return 30.0


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        kw = {}
        if not url.database:  # in memory: one connection shared, or every connection is empty
            kw["poolclass"] = sa.pool.StaticPool
        engine = sa.create_engine(url, connect_args={"timeout": timeout(),
                                                     "check_same_thread": False}, **kw)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we say BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            if url.database:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash loses no committed batch
                cur.execute("PRAGMA mmap_size=1073741824")  # read pages through the OS cache
            cur.execute("PRAGMA cache_size=-65536")  # 64 MB of pages per connection
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            mode = conn.get_execution_options().get("sqlite_begin", "")
            conn.exec_driver_sql(f"BEGIN {mode}".strip())

        return engine
    return sa.create_engine(url, pool_pre_ping=True,
                            connect_args={"connect_timeout": max(1, int(timeout())),
                                          "client_encoding": "utf8"})


def is_sqlite(conn_or_engine) -> bool:
    return conn_or_engine.dialect.name == "sqlite"


def write_connection(engine: Engine) -> sa.Connection:
    """A connection whose transactions take the writer lock at once."""
    conn = engine.connect()
    if is_sqlite(engine):
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
    return conn


def begin_write(conn: sa.Connection):
    """Begin a write transaction holding the writer lock (or raise StoreLocked)."""
    try:
        tx = conn.begin()
    except sa.exc.OperationalError as err:
        if "locked" in str(err.orig) or "busy" in str(err.orig):
            raise StoreLocked("the database is locked by another writer "
                              f"(waited {timeout():g} s; set {TIMEOUT_ENV} to wait longer)") from None
        raise
    if not is_sqlite(conn):
        deadline = time.monotonic() + timeout()
        while not conn.execute(sa.text("SELECT pg_try_advisory_xact_lock(:k)"),
                               {"k": PG_LOCK_ID}).scalar():
            if time.monotonic() > deadline:
                tx.rollback()
                raise StoreLocked("the database is locked by another writer "
                                  f"(waited {timeout():g} s; set {TIMEOUT_ENV} to wait longer)")
            time.sleep(0.05)
    return tx


def insert(conn, table):
    """The dialect's INSERT (with ``on_conflict_do_nothing`` / ``on_conflict_do_update``)."""
    if is_sqlite(conn):
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    return dialect_insert(table)


def executemany(conn, sql: str, rows: list[tuple]) -> None:
    """Many rows through one plain SQL statement written with ``?`` placeholders (the same SQL
    on both backends), straight to the driver: for the bulk rows of an ingest, where building
    a parameter dict per row costs more than the database's work."""
    if not rows:
        return
    if conn.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    conn.exec_driver_sql(sql, rows)


# -------------------------------------------------------------------------- full text

def install_fulltext(conn, tables=("quotes", "attributions")) -> None:
    """Full-text indexes over the ``content`` of statement tables (used by migrations)."""
    for name in tables:
        if is_sqlite(conn):
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {name}_fts USING fts5(content, content='{name}', "
                f"content_rowid='pk', tokenize='{FTS_TOKENIZE}')")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name}_fts_insert AFTER INSERT ON {name} BEGIN "
                f"INSERT INTO {name}_fts(rowid, content) VALUES (new.pk, new.content); END")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name}_fts_delete AFTER DELETE ON {name} BEGIN "
                f"INSERT INTO {name}_fts({name}_fts, rowid, content) "
                f"VALUES ('delete', old.pk, old.content); END")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name}_fts_update AFTER UPDATE OF content ON {name} BEGIN "
                f"INSERT INTO {name}_fts({name}_fts, rowid, content) "
                f"VALUES ('delete', old.pk, old.content); "
                f"INSERT INTO {name}_fts(rowid, content) VALUES (new.pk, new.content); END")
        else:
            conn.exec_driver_sql(
                f"CREATE INDEX ix_{name}_fts ON {name} "
                f"USING GIN (to_tsvector('{FTS_CONFIG}', content))")


def drop_fulltext(conn, tables=("quotes", "attributions")) -> None:
    for name in tables:
        if is_sqlite(conn):
            for suffix in ("insert", "delete", "update"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}_fts_{suffix}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}_fts")
        else:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{name}_fts")


def fulltext_rowids(table: sa.Table, param: sa.BindParameter) -> sa.Select:
    """SQLite: the rowids (``pk``) of ``table``'s statements that match the FTS5 query."""
    fts = sa.table(f"{table.name}_fts", sa.column("rowid"))
    return sa.select(fts.c.rowid).where(sa.literal_column(f"{table.name}_fts").op("MATCH")(param))


def fulltext_match(dialect: str, table: sa.Table, param: sa.BindParameter) -> sa.ColumnElement:
    """A WHERE clause: ``table.content`` matches the query in the bound parameter ``param``
    (:class:`claimgraph.store.search.TextQuery`: ``fts5()`` text on SQLite, ``ts_text()``
    on PostgreSQL — made of quoted words only, never the user's raw text)."""
    if dialect == "sqlite":
        return table.c.pk.in_(fulltext_rowids(table, param))
    cfg = sa.literal_column(f"'{FTS_CONFIG}'")
    vector = sa.func.to_tsvector(cfg, table.c.content)
    return vector.op("@@")(sa.func.to_tsquery(cfg, param))


# -------------------------------------------------------------------------- errors

def describe_error(err: BaseException, url: URL) -> str:
    """One line for a driver error met while opening or using the database."""
    orig = getattr(err, "orig", None) or err
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    where = display(url)
    low = text.lower()
    if "locked" in low or "could not obtain lock" in low:
        return f"{where}: the database is locked by another writer ({text})"
    if "not a database" in low or "file is encrypted" in low:
        return f"{where}: not a claimgraph database (not an SQLite file: {text})"
    if "unable to open" in low:
        return f"{where}: cannot open the database ({text}; does the folder exist and is it writable?)"
    if "readonly" in low or "read-only" in low:
        return f"{where}: the database is read-only ({text})"
    return f"{where}: {text}"
