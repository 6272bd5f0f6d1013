"""``claimgraph entities FEED``: the entities of a set of articles, resolved across them.

FEED is a JSONL file of ``{"id", "text", ...}`` records (``title``, ``published``,
``url``, ``outlet`` are used when present), a ``.txt`` file (one article), or ``-``
for JSONL on standard input. Every article's entities go through one
:class:`~claimgraph.entities.registry.Registry` (in memory, or ``--db FILE`` to keep
it), and the listing gives each registry entity its mention count, aliases and the
articles it appears in.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from typing import Iterator

from claimgraph.model import ArticleInput, ReadError


def add_parser(sub) -> None:
    p = sub.add_parser("entities", help="list the entities of a feed of articles, resolved across them")
    p.add_argument("path", help="JSONL feed of {id, text, ...} records, a .txt article, or - (stdin)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--db", default=":memory:", help="SQLite file for the registry (kept between runs)")
    p.add_argument("--type", action="append", help="only these types (PERSON, ORG, GPE ...)")
    p.add_argument("--min-mentions", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32)


def read_feed(path: str) -> Iterator[ArticleInput | ReadError]:
    """Articles of a JSONL feed or a text file; a bad line is a :class:`ReadError`."""
    if path != "-" and not path.endswith((".jsonl", ".json", ".ndjson")):
        with open(path, encoding="utf-8") as f:
            yield ArticleInput(id=path, text=f.read(), origin=path)
        return
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            origin = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadError(None, origin, f"not JSON ({err.msg})")
                continue
            except RecursionError:
                yield ReadError(None, origin, "not JSON (nested too deeply)")
                continue
            if not isinstance(rec, dict) or "text" not in rec:
                yield ReadError(None, origin, 'a record needs a "text" field')
                continue
            yield ArticleInput(id=str(rec.get("id") or origin), text=rec["text"],
                               title=rec.get("title"), published=rec.get("published"),
                               url=rec.get("url"), outlet=rec.get("outlet"), origin=origin)
    finally:
        if stream is not sys.stdin:
            stream.close()


def run(args) -> int:
    from claimgraph.entities.registry import Registry
    from claimgraph.reader import Reader

    reader = Reader(batch_size=args.batch_size)
    try:
        registry = Registry(args.db)
    except sqlite3.Error as err:
        print(f"claimgraph: --db {args.db}: cannot open the registry ({err})", file=sys.stderr)
        return 1
    failed = 0
    inputs, errors = [], []
    try:
        for item in read_feed(args.path):
            (errors if isinstance(item, ReadError) else inputs).append(item)
    except OSError as err:
        print(f"claimgraph: {args.path}: {err.strerror or err}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as err:
        print(f"claimgraph: {args.path}: not UTF-8 text (byte 0x{err.object[err.start:err.start + 1].hex().upper()})",
              file=sys.stderr)
        return 1
    for err in errors:
        print(f"claimgraph: {err}", file=sys.stderr)
    failed += len(errors)
    for res in reader.read_many(inputs):
        if isinstance(res, ReadError):
            print(f"claimgraph: {res}", file=sys.stderr)
            failed += 1
            continue
        registry.resolve_article(res)
    entries = [e for e in registry.entries() if e.mentions >= args.min_mentions
               and (not args.type or e.type in {t.upper() for t in args.type})]
    if args.format == "json":
        for e in entries:
            print(json.dumps({"key": e.key, "name": e.name, "type": e.type, "country": e.country,
                              "role": e.role, "mentions": e.mentions, "aliases": e.aliases,
                              "articles": e.articles}, ensure_ascii=False))
    else:
        for e in entries:
            extra = ", ".join(x for x in (e.country, e.role) if x)
            print(f"{e.key}\t{e.type}\t{e.name}" + (f" ({extra})" if extra else ""))
            print(f"\t{e.mentions} mentions in {len(e.articles)} articles: {', '.join(e.articles)}")
            if e.aliases:
                print(f"\taliases: {', '.join(e.aliases)}")
    registry.close()
    return 1 if failed and not entries else 0
