"""``claimgraph load SHARDS/``: store the Parquet shards that ``ingest --engine ray`` wrote."""
from __future__ import annotations

import sys

from claimgraph.commands._store import EXIT_FAILED, EXIT_OK, add_db_argument, open_store, say, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("load", help="store readings from Parquet shards (ingest --engine ray)",
                       description="Put the readings of Parquet shards (written by "
                                   "`claimgraph ingest --engine ray --shards DIR`) into the store; "
                                   "idempotent like ingest.",
                       epilog="Exit status: 0 ok, 1 some shard rows were read errors, 2 database error.")
    p.add_argument("paths", nargs="+", metavar="SHARDS", help="a folder of .parquet shards, or shard files")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="articles per transaction")
    p.add_argument("-q", "--quiet", action="store_true")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    from claimgraph.store.shards import load_shards

    store = open_store(args)
    try:
        summary = load_shards(store, args.paths, batch_size=args.batch_size,
                              on_error=lambda err: say(str(err)))
    finally:
        store.close()
    if not args.quiet or summary.failed:
        say(summary.line())
    return EXIT_FAILED if summary.failed else EXIT_OK
