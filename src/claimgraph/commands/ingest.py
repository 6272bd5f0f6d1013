"""``claimgraph ingest PATH…``: read articles and store every reading.

Takes everything ``claimgraph read`` takes (text, HTML, JSONL feeds, WARC, folders,
``-``). Articles already stored with the same text are skipped before reading; a new
text under a stored URL or id becomes a new version. Each batch of whole articles is
one transaction, so an interrupted ingest can simply be run again. ``--reread`` reads
stored articles again with the installed reader and replaces their layers.
``--engine ray`` reads on Ray Data and writes Parquet shards, then loads them.
"""
from __future__ import annotations

import itertools
import os
import sys

from claimgraph.commands.options import iso_day, positive
from claimgraph.commands._store import (EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_db_argument, open_store,
                                        say, store_errors)




def add_parser(sub) -> None:
    from claimgraph.ingest.feeds import FORMATS

    p = sub.add_parser(
        "ingest", help="read articles and store their readings",
        description="Read articles (anything `claimgraph read` takes) and store every reading. "
                    "Articles already stored are skipped; a changed text under the same URL or "
                    "id is stored as a new version (the old one is kept, superseded).",
        epilog="Exit status: 0 all stored or already stored, 1 some input could not be read, "
               "2 usage or database error (cannot open, locked, newer schema).")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article (.txt, .html), feed (.jsonl[.gz], .json), WARC archive, folder, "
                        "or - for standard input")
    add_db_argument(p)
    p.add_argument("--reread", action="store_true",
                   help="read stored articles again with the installed reader and replace their "
                        "layers: those given as PATHs, or every stored article when none is given")
    p.add_argument("--input-format", choices=FORMATS, default="auto",
                   help="how to read the inputs (default: from the file name; sniffed for -)")
    p.add_argument("--encoding", default=None, help="encoding of text and HTML files (default UTF-8)")
    p.add_argument("--published", type=iso_day, default=None, metavar="YYYY-MM-DD",
                   help="publication date for articles that do not state one")
    p.add_argument("--processes", type=positive, default=1, metavar="N",
                   help="worker processes reading (one writer stores)")
    p.add_argument("--batch-size", type=positive, default=32, metavar="N",
                   help="articles per nlp.pipe batch and per transaction (default 32)")
    p.add_argument("--scope", choices=["speech", "all"], default="speech",
                   help="what counts as a quote (as for `read`)")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local: this machine's processes (default); ray: Ray Data (RAY_ADDRESS, "
                        "or a local Ray), writing Parquet shards then loading them")
    p.add_argument("--shards", default=None, metavar="DIR",
                   help="with --engine ray: where the Parquet shards go (shared storage on a "
                        "cluster; default: a temporary folder, removed after loading)")
    p.add_argument("--workers", type=positive, default=None, metavar="N",
                   help="with --engine ray: reader actors (default: the CPUs Ray offers)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings")


@store_errors
def run(args) -> int:
    if args.engine == "ray":
        if args.reread:
            say("--reread works with --engine local only")
            return EXIT_USAGE

        return ray_ingest_command(args)
    if not args.paths and not args.reread:
        say("ingest: give at least one PATH (or --reread to re-read the stored articles)")
        return EXIT_USAGE
    from claimgraph.ingest.feeds import iter_inputs
    from claimgraph.reader import Reader
    from claimgraph.store.ingest import ingest

    store = open_store(args)
    try:
        writer = store.writer(reread=args.reread)  # fails now (exit 2) if another writer holds it
        bar = _progress(args)

        def out(line: str) -> None:
            (bar.write if bar is not None else print)(line, file=sys.stderr)

        def warn(message: str) -> None:
            if not args.quiet:
                out(f"claimgraph: warning: {message}")

        if args.paths:
            items = itertools.chain.from_iterable(
                iter_inputs(path, input_format=args.input_format, encoding=args.encoding,
                            published=args.published, warn=warn) for path in args.paths)
        else:
            items = iter(store.stored_inputs())
        reader = Reader(batch_size=args.batch_size, scope=args.scope)
        try:
            summary = ingest(writer, items, reader, n_process=args.processes,
                             batch_size=args.batch_size,
                             on_error=lambda err: out(f"claimgraph: {err}"),
                             on_progress=(bar.update if bar is not None else (lambda n: None)))
        finally:
            writer.close()
            if bar is not None:
                bar.close()
    finally:
        store.close()
    if not args.quiet or summary.failed:
        say(summary.line())
    return EXIT_FAILED if summary.failed else EXIT_OK


def _progress(args):
    """A tqdm bar (rate and ETA) on stderr when it is a terminal."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=_count(args.paths), file=sys.stderr, unit=" articles", dynamic_ncols=True)


def _count(paths) -> int | None:
    from claimgraph.ingest.feeds import detect_format

    total = 0
    for path in paths:
        if path == "-" or not os.path.isfile(path) or path.endswith(".gz"):
            return None
        fmt = detect_format(path)
        if fmt == "jsonl":
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                return None
        elif fmt in ("text", "html"):
            total += 1
        else:
            return None
    return total


def ray_ingest_command(args) -> int:
    import itertools
    import sys

    from claimgraph.commands._store import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store, say
    from claimgraph.store.shards import ray_ingest
    from claimgraph.ingest.feeds import iter_inputs

    if not args.paths:
        say("ingest: give at least one PATH")
        return EXIT_USAGE
    try:
        import ray  # noqa: F401
    except ImportError:
        say("ingest --engine ray needs Ray: pip install 'claimgraph[ray]'")
        return EXIT_USAGE
    store = open_store(args)
    try:
        items = itertools.chain.from_iterable(
            iter_inputs(path, input_format=args.input_format, encoding=args.encoding,
                        published=args.published,
                        warn=(lambda m: None) if args.quiet else (lambda m: say(f"warning: {m}")))
            for path in args.paths)
        summary = ray_ingest(store, items, shards=args.shards, workers=args.workers,
                             batch_size=args.batch_size, scope=args.scope,
                             on_error=lambda err: say(str(err)))
    finally:
        store.close()
    if not args.quiet or summary.failed:
        say(summary.line())
        if not args.quiet:
            t = summary.timings
            print(f"claimgraph: ray: {t['workers']} workers; start {t['start_s']:.1f} s, read "
                  f"{t['read_s']:.1f} s, load {t['load_s']:.1f} s", file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK
