"""``claimgraph export``: a search, or a whole table, as JSONL, CSV or Parquet."""
from __future__ import annotations


from claimgraph.commands._store import EXIT_OK, EXIT_USAGE, add_db_argument, open_store, say, store_errors


def add_parser(sub) -> None:
    from claimgraph.commands.search import add_filters
    from claimgraph.store.terms import EXPORT_TABLES

    p = sub.add_parser("export", help="export a search or a whole table (jsonl, csv, parquet)",
                       description="Write the hits of a search (same query and filters as "
                                   "`claimgraph search`), or a whole table with --table, to a file "
                                   "for pandas, DuckDB or a spreadsheet.",
                       epilog="Exit status: 0 ok, 2 usage, query or database error.")
    add_filters(p)
    p.add_argument("--table", choices=EXPORT_TABLES,
                   help="export this whole table instead of a search (JSON columns as JSON text "
                        "in csv and parquet)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="default: from the --output suffix, else jsonl")
    p.add_argument("--output", "-o", required=True, metavar="FILE", help="the file to write (- for "
                                                                           "standard output, not parquet)")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    from claimgraph.commands.search import filters
    from claimgraph.store.export import export_search, export_table

    fmt = args.format or {"csv": "csv", "parquet": "parquet", "pq": "parquet"}.get(
        args.output.rsplit(".", 1)[-1].lower(), "jsonl")
    if fmt == "parquet" and args.output == "-":
        say("export: parquet needs a file (--output FILE)")
        return EXIT_USAGE
    store = open_store(args)
    try:
        if args.table:
            n = export_table(store.engine, args.table, fmt, args.output, limit=args.limit)
        else:
            n = export_search(store.engine, args.query, filters(args, args.limit), fmt, args.output)
    finally:
        store.close()
    if args.output != "-":
        say(f"exported {n} rows to {args.output}")
    return EXIT_OK
