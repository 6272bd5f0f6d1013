"""Alembic migrations of the store, run programmatically (:mod:`claimgraph.store.db`).

New revision: ``alembic -c src/claimgraph/store/migrations/alembic.ini revision -m "…"``
(then write its ``upgrade``/``downgrade`` by hand; backend-specific DDL goes through
:mod:`claimgraph.store.backend`).
"""
