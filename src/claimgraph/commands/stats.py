"""``claimgraph stats``: what the store holds (counts per table, outlets, date range)."""
from __future__ import annotations

import json

from claimgraph.commands._store import add_db_argument, open_store, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("stats", help="counts of stored articles, quotes, attributions, entities …",
                       description="What the store holds: counts per table (current versions), "
                                   "outlets, the range of publication dates.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    store = open_store(args)
    try:
        stats = store.stats()
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"database: {stats['database']} ({stats['backend']})")
    print(f"articles: {stats['articles']} ({stats['versions']} versions stored, "
          f"{stats['superseded']} superseded)")
    for name in ("entities", "mentions", "quotes", "attributions", "quantities", "dates", "hedges",
                 "checks", "claims", "registry_entities"):
        print(f"{name}: {stats[name]}")
    first, last = stats["published"]["first"], stats["published"]["last"]
    print(f"published: {first or '?'} – {last or '?'}")
    if stats["outlets"]:
        print("outlets: " + ", ".join(f"{o} ({n})" for o, n in list(stats["outlets"].items())[:20])
              + (" …" if len(stats["outlets"]) > 20 else ""))
    if stats["readers"]:
        print("read by: " + ", ".join(f"{r} ({n})" for r, n in stats["readers"].items()))
    return 0
