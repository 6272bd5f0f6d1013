"""``claimgraph entities PATH…``: the entities of a set of articles, resolved across them.

The articles (anything ``claimgraph read`` takes: text, HTML, JSONL feeds, WARC, folders,
``-``) are read and stored, and every entity goes through the store's one registry of
entities (:class:`~claimgraph.entities.registry.Registry`), so one real-world entity has
one key whatever spelling each article used. The store is in memory unless ``--db``
names one (then the readings and the registry are kept, and later runs extend them);
with ``--db`` and no PATH, the whole registry is listed. Each entity is listed with its
key, type, mention count, aliases and the articles it appears in.
"""
from __future__ import annotations

import itertools
import json
import sys

from claimgraph.commands._store import EXIT_FAILED, EXIT_OK, EXIT_USAGE, say, store_errors


def add_parser(sub) -> None:
    from claimgraph.ingest.feeds import FORMATS

    p = sub.add_parser(
        "entities", help="list the entities of articles, resolved across them (registry keys)",
        description="Read articles, store them, and list their entities with the registry key "
                    "that links each one across articles (any spelling, any alias).",
        epilog="Exit status: 0 ok, 1 some input could not be read (the rest is listed), "
               "2 usage or database error.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article (.txt, .html), feed (.jsonl[.gz], .json), WARC archive, folder, "
                        "or - for standard input (none: list the whole registry of --db)")
    p.add_argument("--db", default=":memory:", metavar="FILE|URL",
                   help="the store that keeps the readings and the registry between runs "
                        "(a SQLite file or postgresql://…; default: in memory, nothing kept)")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text (default) or one JSON object per entity")
    p.add_argument("--type", action="append", metavar="TYPE",
                   help="only entities of this type (PERSON, ORG, GPE …); may be repeated")
    p.add_argument("--min-mentions", type=int, default=1, metavar="N",
                   help="only entities mentioned at least N times in all (default 1)")
    p.add_argument("--input-format", choices=FORMATS, default="auto")
    p.add_argument("--encoding", default=None, help="encoding of text and HTML files (default UTF-8)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N")


@store_errors
def run(args) -> int:
    import sqlalchemy as sa

    from claimgraph.ingest.feeds import iter_inputs
    from claimgraph.model import ReadError
    from claimgraph.reader import Reader
    from claimgraph.store.api import Store
    from claimgraph.store.ingest import identity, ingest
    from claimgraph.store.schema import articles, entities

    if not args.paths and args.db == ":memory:":
        say("entities: give at least one PATH (or --db to list a stored registry)")
        return EXIT_USAGE
    store = Store(args.db)
    try:
        failed = 0
        idents: list[str] = []

        def remember(items):
            for item in items:
                if not isinstance(item, ReadError):
                    idents.append(identity(item.id, item.url))
                yield item

        def fail(err) -> None:
            say(str(err))

        if args.paths:
            items = itertools.chain.from_iterable(
                iter_inputs(path, input_format=args.input_format, encoding=args.encoding)
                for path in args.paths)
            writer = store.writer()
            try:
                summary = ingest(writer, remember(items), Reader(batch_size=args.batch_size),
                                 batch_size=args.batch_size, on_error=fail)
            finally:
                writer.close()
            failed = summary.failed
        registry = store.registry()
        try:
            keys = None
            if args.paths:
                keys = set()
                for i in range(0, len(idents), 500):
                    keys.update(registry.conn.execute(
                        sa.select(entities.c.key).distinct()
                        .join(articles, articles.c.uid == entities.c.article)
                        .where(articles.c.ident.in_(idents[i:i + 500]),
                               articles.c.superseded == sa.false())).scalars())
            entries = [e for e in registry.entries(keys) if e.mentions >= args.min_mentions
                       and (not args.type or e.type in {t.upper() for t in args.type})]
        finally:
            registry.conn.close()
    finally:
        store.close()
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
    sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK
