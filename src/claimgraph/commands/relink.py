"""``claimgraph relink``: recompute stories, statements, misquotes, contradicting numbers
and the source graph of the store from scratch, over its current articles in the order
they were stored — the same result ingest computed incrementally (after ``ingest
--reread`` or new versions of articles, it brings the links up to date)."""
from __future__ import annotations

import sys
import time

from claimgraph.commands._store import add_db_argument, open_store, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("relink", help="recompute stories, statements and flags from scratch",
                       description=__doc__)
    add_db_argument(p)
    p.add_argument("-q", "--quiet", action="store_true")


@store_errors
def run(args) -> int:
    store = open_store(args)
    t = time.perf_counter()
    try:
        n = store.relink()
        stories = len(store.stories(min_size=1))
    finally:
        store.close()
    if not args.quiet:
        print(f"relinked {n} articles into {stories} stories in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
    return 0
