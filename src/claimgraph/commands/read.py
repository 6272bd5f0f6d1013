"""``claimgraph read``: articles in, sourced readings out."""
from __future__ import annotations

import json
import sys

from claimgraph.model import ArticleInput, ReadError


def add_parser(sub) -> None:
    rd = sub.add_parser("read", help="read articles and report quotes and sources")
    rd.add_argument("path")
    rd.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    rd.add_argument("--batch-size", type=int, default=32)


def run(args) -> int:
    from claimgraph.reader import Reader

    text = sys.stdin.read() if args.path == "-" else open(args.path, encoding="utf-8").read()
    reader = Reader(batch_size=args.batch_size)
    failed = 0
    for res in reader.read_many([ArticleInput(id=args.path, text=text, origin=args.path)]):
        if isinstance(res, ReadError):
            print(f"claimgraph: {res}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(res.to_record(), ensure_ascii=False))
    return 1 if failed else 0
