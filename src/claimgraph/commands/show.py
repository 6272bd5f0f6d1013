"""``claimgraph show ARTICLE``: a stored reading, printed exactly as ``claimgraph read`` did."""
from __future__ import annotations

import json
import sys

from claimgraph.commands._store import add_db_argument, open_store, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("show", help="print a stored article's reading (as `read` printed it)",
                       description="Print a stored reading: the same report (or JSON record) "
                                   "that `claimgraph read` printed for the article.",
                       epilog="Exit status: 0 shown, 1 no such article, 2 database error.")
    p.add_argument("article", metavar="ARTICLE",
                   help="the article's id, its URL, or #UID (one stored version)")
    p.add_argument("--version", type=int, default=None, metavar="N",
                   help="an older version (default: the current one)")
    p.add_argument("--format", choices=["text", "json", "versions"], default="text",
                   help="text: the report (default); json: the stored record; versions: "
                        "the article's stored versions")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    store = open_store(args)
    try:
        if args.format == "versions":
            for v in store.versions(args.article):
                state = "superseded" if v["superseded"] else "current"
                print(f"#{v['uid']}\tversion {v['version']}\t{state}\t{v['content_hash'][:12]}\t"
                      f"{v['stored_at']}\t{v['reader_version']}")
            return 0
        if args.format == "json":
            sys.stdout.write(json.dumps(store.record(args.article, args.version),
                                        ensure_ascii=False, indent=2) + "\n")
            return 0
        from claimgraph.report import render

        _utf8_or_replace()
        sys.stdout.write(render(store.article(args.article, args.version)) + "\n")
        return 0
    finally:
        store.close()


def _utf8_or_replace() -> None:
    enc = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    if enc != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
