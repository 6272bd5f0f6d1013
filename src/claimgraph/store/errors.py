"""Errors of the store: each is one line for the user; the CLI exits with ``exit_code``."""
from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used (cannot open, locked, newer schema …): exit status 2."""

    exit_code = 2


class StoreLocked(StoreError):
    """Another writer holds the database for longer than the timeout."""


class SchemaTooNew(StoreError):
    """The database was written by a newer claimgraph."""


class QueryError(StoreError):
    """A malformed search query or an unknown filter value."""


class NotFound(StoreError):
    """No stored article / entity by that name (exit status 1, like an input that failed)."""

    exit_code = 1
