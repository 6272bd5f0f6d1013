"""The corpus: every reading stored in one database (SQLite by default, PostgreSQL for
teams), ingested at scale and searchable. :class:`Store` is the Python API
(``claimgraph.Store(url)``)."""
from claimgraph.store.errors import NotFound, QueryError, SchemaTooNew, StoreError, StoreLocked

__all__ = ["Store", "StoreError", "StoreLocked", "SchemaTooNew", "QueryError", "NotFound"]


def __getattr__(name):  # Store imports the registry, which imports this package: load lazily
    if name == "Store":
        from claimgraph.store.api import Store

        return Store
    raise AttributeError(name)
