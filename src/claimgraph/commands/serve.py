"""``claimgraph serve``: the web API and the Read page (FastAPI on uvicorn).

Listening on anything but localhost, it needs a token: ``CLAIMGRAPH_TOKEN`` (every write
endpoint then asks for ``Authorization: Bearer TOKEN``); without one it refuses to start
(exit status 2). Each worker process loads the model once, when it starts.
"""
from __future__ import annotations

import os
import sys

EXIT_USAGE = 2


def _size(value: str) -> int:
    import argparse

    units = {"": 1, "b": 1, "kb": 1000, "mb": 1000 ** 2, "k": 1000, "m": 1000 ** 2}
    text = value.strip().lower().replace("_", "").replace(",", "")
    number = text.rstrip("kmb")
    try:
        size = int(number) * units[text[len(number):]]
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"expected a size such as 10MB or 500000, got {value!r}")
    if size < 1:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def add_parser(sub) -> None:
    from claimgraph.web.security import MAX_BODY, TOKEN_ENV

    sp = sub.add_parser(
        "serve", help="serve the web API and the Read page",
        description="Serve the HTTP API (OpenAPI at /docs) and the Read page (/).",
        epilog=f"Listening on anything but localhost needs ${TOKEN_ENV} (write endpoints ask for "
               "it as 'Authorization: Bearer TOKEN'). Exit status: 0 stopped, 2 usage error.")
    sp.add_argument("--db", default=None, metavar="PATH_OR_URL",
                    help="the store to serve (SQLite path or postgresql:// URL; default: "
                         "$CLAIMGRAPH_DB if set, else no corpus)")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sp.add_argument("--workers", type=int, default=1, metavar="N",
                    help="worker processes, each with its own model (default 1)")
    sp.add_argument("--max-body", type=_size, default=MAX_BODY, metavar="SIZE",
                    help=f"largest request body (default {MAX_BODY:,} bytes = 10 MB); larger: 413")
    sp.add_argument("--scope", choices=["speech", "all"], default="speech",
                    help="what counts as a quote (as for read)")
    sp.add_argument("--log-level", default="info",
                    choices=["critical", "error", "warning", "info", "debug"])


def settings_from(args):
    """The :class:`~claimgraph.web.Settings` of a command line, or a one-line reason to refuse."""
    from claimgraph.web import Settings
    from claimgraph.web.security import TOKEN_ENV, is_local

    token = os.environ.get(TOKEN_ENV) or None
    if not is_local(args.host) and not token:
        return None, (f"refusing to listen on {args.host} without a token: set {TOKEN_ENV} "
                      f"(write endpoints will ask for it), or listen on 127.0.0.1")
    if args.workers < 1:
        return None, "--workers must be at least 1"
    db = args.db or os.environ.get("CLAIMGRAPH_DB") or None
    if db is not None:
        try:
            import claimgraph.store  # noqa: F401
        except ImportError:
            if args.db:
                return None, ("this build of claimgraph has no store (claimgraph.store): "
                              "serve without --db")
            db = None  # $CLAIMGRAPH_DB for a store this build lacks: the Read side only
    return Settings(db=db, token=token, max_body=args.max_body, scope=args.scope), None


def check_store(db: str):
    """Open the store once before serving: a one-line reason when it cannot be used."""
    from claimgraph.store import Store

    try:
        Store(db).close()
    except Exception as err:  # noqa: BLE001 - StoreError and driver errors: one line
        return f"cannot use the store {db!r}: {err}"
    return None


def app_factory():
    """For ``--workers N``: each worker builds the app from the environment."""
    import json

    from claimgraph.web import Settings, create_app

    return create_app(Settings(**json.loads(os.environ["CLAIMGRAPH_SERVE_SETTINGS"])))


def run(args) -> int:
    settings, problem = settings_from(args)
    if problem is None and settings.db:
        problem = check_store(settings.db)
    if problem:
        print(f"claimgraph: {problem}", file=sys.stderr)
        return EXIT_USAGE
    import uvicorn

    common = dict(host=args.host, port=args.port, log_level=args.log_level,
                  proxy_headers=False, server_header=False, limit_concurrency=1000)
    if args.workers > 1:
        import dataclasses
        import json

        os.environ["CLAIMGRAPH_SERVE_SETTINGS"] = json.dumps(dataclasses.asdict(settings))
        uvicorn.run("claimgraph.commands.serve:app_factory", factory=True, workers=args.workers,
                    **common)
    else:
        from claimgraph.web import create_app

        uvicorn.run(create_app(settings), **common)
    return 0
