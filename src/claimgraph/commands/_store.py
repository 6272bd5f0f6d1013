"""What the store commands share: ``--db``, opening the store, one line per error."""
from __future__ import annotations

import functools
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_db_argument(p) -> None:
    p.add_argument("--db", default=None, metavar="FILE|URL",
                   help="the store: a SQLite file or postgresql://user@host/db "
                        "(default: $CLAIMGRAPH_DB, else ./claimgraph.db)")


def say(message: str) -> None:
    print(f"claimgraph: {message}", file=sys.stderr)


def store_errors(run):
    """Store errors (cannot open, locked, newer schema, bad query) become one line and
    their exit status (2; 1 for something not found); database errors met later too."""

    @functools.wraps(run)
    def wrapper(args) -> int:
        import sqlalchemy as sa

        from claimgraph.store import backend
        from claimgraph.store.errors import StoreError

        try:
            return run(args)
        except StoreError as err:
            say(str(err))
            return err.exit_code
        except sa.exc.OperationalError as err:
            say(backend.describe_error(err, backend.database_url(getattr(args, "db", None))))
            return EXIT_USAGE
        except BrokenPipeError:
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 141

    return wrapper


def open_store(args, migrate: bool = True):
    from claimgraph.store.api import Store

    return Store(args.db, migrate=migrate)
