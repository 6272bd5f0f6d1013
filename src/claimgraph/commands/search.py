"""``claimgraph search [QUERY]``: stored quotes and attributions, by text and filters."""
from __future__ import annotations

import sys

from claimgraph.commands._store import EXIT_OK, add_db_argument, open_store, store_errors

TABLE_LIMIT = 50


def add_filters(p) -> None:
    """The search filters (shared with ``claimgraph export``)."""
    from claimgraph.store.terms import CERTAINTIES, KINDS

    p.add_argument("query", nargs="?", default=None, metavar="QUERY",
                   help='full text of the content: words (all must occur, stemmed), "a phrase", '
                        "word* (prefix), -word (exclude), OR")
    p.add_argument("--speaker", action="append", metavar="NAME",
                   help="who said it (a quote's speaker, an attribution's source); any alias or "
                        "registry key; may be repeated")
    p.add_argument("--source", action="append", metavar="NAME",
                   help="on whose authority: an attribution's source, or the outlet or office a "
                        "statement comes via")
    p.add_argument("--about", action="append", metavar="ENTITY",
                   help="an entity mentioned in the content")
    p.add_argument("--outlet", action="append", metavar="NAME", help="the article's outlet")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--kind", action="append", choices=KINDS, help="kind of statement")
    p.add_argument("--anonymous", action="store_true", default=None,
                   help="only statements on anonymous authority (\"officials said\")")
    p.add_argument("--certainty", action="append", choices=CERTAINTIES,
                   help="how firmly the content is put")


def filters(args, limit=None):
    from claimgraph.store.search import Filters

    return Filters(speaker=args.speaker, source=args.source, about=args.about, outlet=args.outlet,
                   since=args.since, until=args.until, kind=args.kind, anonymous=args.anonymous,
                   certainty=args.certainty, limit=limit)


def add_parser(sub) -> None:
    p = sub.add_parser("search", help="search stored quotes and attributions",
                       description="Search the stored quotes and attributions (current versions) "
                                   "by the text of their content and by who said them, about whom, "
                                   "where and when.",
                       epilog="Exit status: 0 ok (also with no hits), 1 unknown name, 2 malformed "
                              "query, unknown filter value or database error.")
    add_filters(p)
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                   help="table (default, readable), jsonl or csv (every hit, with offsets)")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help=f"at most N hits (default {TABLE_LIMIT} for the table, all otherwise)")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    from claimgraph.store.search import iter_search

    limit = args.limit if args.limit is not None else (TABLE_LIMIT if args.format == "table" else None)
    store = open_store(args)
    try:
        hits = iter_search(store.engine, args.query, filters(args, limit))
        write_hits(hits, args.format, sys.stdout)
    finally:
        store.close()
    return EXIT_OK


def write_hits(hits, fmt: str, out) -> int:
    import csv
    import json

    from claimgraph.store.search import FIELDS

    n = 0
    if fmt == "jsonl":
        for hit in hits:
            out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        for hit in hits:
            writer.writerow(hit.to_dict())
            n += 1
    else:
        for hit in hits:
            if n == 0:
                out.write(f"{'date':<10}  {'outlet':<16}  {'speaker':<22}  {'kind':<11}  content\n")
            content = " ".join(hit.content.split())
            if len(content) > 90:
                content = content[:89] + "…"
            speaker = (hit.speaker or "?") + (" (anon.)" if hit.anonymous else "")
            out.write(f"{(hit.published or '')[:10]:<10}  {_cut(hit.outlet or '', 16):<16}  "
                      f"{_cut(speaker, 22):<22}  {hit.kind:<11}  {content}  "
                      f"[{hit.article_id} {hit.start}-{hit.end}]\n")
            n += 1
        if n == 0:
            print("claimgraph: no hits", file=sys.stderr)
    return n


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
