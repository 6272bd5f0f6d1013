"""``claimgraph db upgrade|current``: the store's schema (Alembic migrations)."""
from __future__ import annotations

from claimgraph.commands._store import add_db_argument, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("db", help="the store's schema: upgrade it, or say its revision",
                       description="Manage the store's schema. Migrations are also applied "
                                   "automatically when a command first opens a store.",
                       epilog="Exit status: 0 ok, 2 the database cannot be opened, is locked, "
                              "or has a newer schema.")
    p.add_argument("action", choices=["upgrade", "current"],
                   help="upgrade: migrate to the latest revision; current: print the revision")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    import sqlalchemy as sa

    from claimgraph.store import backend, db

    url = backend.database_url(args.db)
    if args.action == "upgrade":
        engine = backend.create_engine(url)
        try:
            before, after = db.upgrade(engine)
        except sa.exc.SQLAlchemyError as err:
            from claimgraph.store.errors import StoreError

            raise StoreError(backend.describe_error(err, url)) from None
        finally:
            engine.dispose()
        if before == after:
            print(f"{backend.display(url)}: schema at revision {after} (latest)")
        else:
            print(f"{backend.display(url)}: schema upgraded from {before or 'empty'} to {after}")
        return 0
    engine = backend.create_engine(url)
    try:
        with engine.connect() as conn:
            current = db.check_revision(conn)
    except sa.exc.SQLAlchemyError as err:
        from claimgraph.store.errors import StoreError

        raise StoreError(backend.describe_error(err, url)) from None
    finally:
        engine.dispose()
    print(f"{backend.display(url)}: schema revision {current or 'none'} "
          f"(latest known: {db.head_revision()})")
    return 0
