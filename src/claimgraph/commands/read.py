"""``claimgraph read``: articles in, sourced readings out.

Inputs: ``.txt`` articles, ``.html`` pages (boilerplate removed), ``.jsonl`` feeds (one
article per line, optionally gzipped), ``.json`` records, WARC archives, folders of
those, or ``-`` for standard input (its format is sniffed unless ``--input-format``
says). Outputs: a readable report (``text``), one JSON document (``json``: the record
of a single article, or a list when there are several), or one record per line
(``jsonl``, with a progress bar on a terminal). A bad input is one line on stderr,
``claimgraph: FILE:LINE: reason``, in input order (a file that cannot be ingested and an
article the reader refuses come out where they stand among the inputs, with
``--processes N`` too); the rest still goes through, and the exit code is 1 when anything
failed (0 otherwise). Warnings go through :mod:`logging` (``-q`` silences them); an
internal error ends the run with status 3 (see :mod:`claimgraph.cli`).
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import itertools
import json
import logging
import os
import sys
from typing import Iterator

from claimgraph.errors import exit_status_help
from claimgraph.commands.options import iso_day, positive
from claimgraph.model import ArticleInput, ReadError

EXIT_OK, EXIT_FAILED, EXIT_PIPE = 0, 1, 141




def add_parser(sub) -> None:
    from claimgraph.ingest.feeds import FORMATS

    rd = sub.add_parser(
        "read", help="read articles and report quotes and sources",
        description="Read news articles: who said what, according to whom.",
        epilog=exit_status_help() + "\n\nA bad input is one line on stderr, in input order: "
                                    "claimgraph: FILE:LINE: reason.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    rd.add_argument("paths", nargs="+", metavar="PATH",
                    help="article (.txt, .html), feed (.jsonl[.gz], .json), WARC archive, "
                         "folder, or - for standard input")
    rd.add_argument("--format", choices=["text", "json", "jsonl"], default="text",
                    help="output: readable report (default), one JSON document, or JSON lines")
    rd.add_argument("--input-format", choices=FORMATS, default="auto",
                    help="how to read the inputs (default: from the file name; sniffed for -)")
    rd.add_argument("--encoding", default=None,
                    help="encoding of text and HTML files (default: UTF-8, strictly)")
    rd.add_argument("--published", type=iso_day, default=None, metavar="YYYY-MM-DD",
                    help="publication date for articles that do not state one")
    rd.add_argument("--processes", type=positive, default=1, metavar="N",
                    help="worker processes (each loads its own model)")
    rd.add_argument("--batch-size", type=positive, default=32, metavar="N",
                    help="articles per nlp.pipe batch (default 32)")
    rd.add_argument("--scope", choices=["speech", "all"], default="speech",
                    help="speech: what people said or wrote (default); all: also beliefs, intentions "
                         "and attitudes put down to them (PolNeAR's notion of attribution)")
    rd.add_argument("-q", "--quiet", action="store_true",
                    help="no progress bar and no warnings (errors are still printed)")


def run(args) -> int:
    """Any other failure becomes one line in :func:`claimgraph.cli.main` (exit status 3)."""
    try:
        return _run(args)
    except BrokenPipeError:  # `claimgraph read … | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


def _run(args) -> int:
    from claimgraph.ingest.feeds import iter_inputs
    from claimgraph.reader import Reader

    _utf8_stdout(args.format)
    stats = {"failed": 0, "read": 0}
    bar = _progress(args)
    log = logging.getLogger("claimgraph.read")

    def say(line: str) -> None:
        (bar.write if bar is not None else print)(line, file=sys.stderr)

    def fail(error: ReadError) -> None:
        stats["failed"] += 1
        say(f"claimgraph: {error}")
        if bar is not None:
            bar.update(1)

    # Inputs in order; an input that failed to be ingested waits here, behind the inputs
    # before it that are still being read, so that every error line comes out in order.
    # (With --processes the pool's feeder thread appends; deque appends are thread-safe.)
    pending: collections.deque = collections.deque()  # ReadError, or None for a good input

    def good_inputs() -> Iterator[ArticleInput]:
        items = itertools.chain.from_iterable(
            iter_inputs(path, input_format=args.input_format, encoding=args.encoding,
                        published=args.published, warn=log.warning) for path in args.paths)
        for item in items:
            if isinstance(item, ReadError):
                pending.append(item)
            else:
                pending.append(None)
                yield item

    def flush_failed() -> None:
        """Report the ingest failures queued before the next good input."""
        while pending and pending[0] is not None:
            fail(pending.popleft())

    reader = Reader(batch_size=args.batch_size, scope=args.scope)
    records = []
    with _log_through(bar):
        for result in reader.read_many(good_inputs(), n_process=args.processes):
            flush_failed()
            pending.popleft()  # this result's own place
            if isinstance(result, ReadError):
                fail(result)
                continue
            stats["read"] += 1
            if bar is not None:
                bar.update(1)
            _emit(args.format, result, records, first=stats["read"] == 1)
        flush_failed()
    if bar is not None:
        bar.close()
    if args.format == "json" and records:
        doc = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    total = stats["read"] + stats["failed"]
    if stats["failed"] and total > 1:
        print(f"claimgraph: {stats['failed']} of {total} inputs could not be read",
              file=sys.stderr)
    return EXIT_FAILED if stats["failed"] else EXIT_OK


def _emit(fmt: str, article, records: list, first: bool) -> None:
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
    elif fmt == "json":
        records.append(article.to_record())
    else:
        from claimgraph.report import render

        sys.stdout.write(("" if first else "\n\n") + render(article) + "\n")


def _log_through(bar):
    """While a progress bar is on screen, log lines are written above it."""
    if bar is None:
        return contextlib.nullcontext()
    from tqdm.contrib.logging import logging_redirect_tqdm

    return logging_redirect_tqdm(loggers=[logging.getLogger("claimgraph")])


def _progress(args):
    """A tqdm bar on stderr for JSON output on a terminal (None otherwise)."""
    if args.quiet or args.format == "text" or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=_count_articles(args.paths), file=sys.stderr, unit=" articles",
                dynamic_ncols=True)


def _count_articles(paths) -> int | None:
    """Number of lines of plain JSONL feeds (None when unknown: the bar then counts up)."""
    from claimgraph.ingest.feeds import detect_format

    total = 0
    for path in paths:
        if path == "-" or not os.path.isfile(path) or detect_format(path) != "jsonl" \
                or path.endswith(".gz"):
            return None
        try:
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:  # unreadable: the reader reports it; the bar just counts up
            return None
    return total


def _utf8_stdout(fmt: str) -> None:
    """JSON goes out as UTF-8 whatever the locale; the report degrades gracefully."""
    enc = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    if enc != "utf8" and hasattr(sys.stdout, "reconfigure"):
        if fmt == "text":
            sys.stdout.reconfigure(errors="replace")
        else:
            sys.stdout.reconfigure(encoding="utf-8")
