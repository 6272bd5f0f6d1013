"""Reading beyond one machine: Ray Data, Parquet shards, and loading them into the store.

``claimgraph ingest --engine ray`` reads the inputs in this process (the same
``iter_inputs`` as ``read``; articles already stored are skipped), hands them to Ray
Data, and ``map_batches`` runs :class:`ReadActor` over an actor pool: each actor loads
the reader's model **once** and reads batch after batch. Each batch becomes rows
``{id, origin, record, error}`` (``record``: the article's JSON record; ``error``: the
one-line reason it could not be read) written as Parquet shards (pyarrow). Then
:func:`load_shards` (also ``claimgraph load SHARDS/``) stores them with the same writer
as a local ingest: the same idempotency, versions and transactions, so the same
articles give the same counts.

On a cluster: set ``RAY_ADDRESS`` (``ray://head:10001`` or ``auto`` on a cluster node)
and give ``--shards`` a folder every node can write and this machine can read (NFS, or
an ``s3://…`` / ``gs://…`` URI that pyarrow can open; then run ``claimgraph load`` where
the store is). Inputs are sent from this process, so they must fit in its memory.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from claimgraph.model import Article, ArticleInput, ReadError

INPUT_FIELDS = ("id", "text", "title", "published", "url", "outlet", "origin")


class ReadActor:
    """A Ray actor: one :class:`~claimgraph.reader.Reader` (model loaded once), many batches."""

    def __init__(self, batch_size: int = 32, scope: str = "speech"):
        from claimgraph.reader import Reader

        self.reader = Reader(batch_size=batch_size, scope=scope)
        self.reader.nlp  # load the model now, once per actor

    def __call__(self, batch: dict) -> dict:
        n = len(batch["id"])
        inputs = [ArticleInput(**{f: _scalar(batch[f][i]) for f in INPUT_FIELDS}) for i in range(n)]
        out: dict[str, list] = {"id": [], "origin": [], "record": [], "error": []}
        for src, result in zip(inputs, self.reader.read_many(inputs)):
            out["id"].append(src.id)
            out["origin"].append(src.origin)
            if isinstance(result, ReadError):
                out["record"].append(None)
                out["error"].append(result.message)
            else:
                out["record"].append(json.dumps(result.to_record(), ensure_ascii=False))
                out["error"].append(None)
        return out


def _scalar(value):
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN from a missing value
        return None
    return value


def ray_read(inputs: list[ArticleInput], shards: str, *, workers: Optional[int] = None,
             batch_size: int = 32, scope: str = "speech") -> dict:
    """Read ``inputs`` on Ray (an actor pool of ``workers``) into Parquet shards in ``shards``.
    Returns timings: ``{"start_s", "read_s", "workers"}``."""
    import ray

    t0 = time.perf_counter()
    if not ray.is_initialized():
        import logging

        ray.init(address=os.environ.get("RAY_ADDRESS") or None, ignore_reinit_error=True,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    if workers is None:
        workers = max(1, int(ray.available_resources().get("CPU", 1)))
    t1 = time.perf_counter()
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    rows = [{f: getattr(src, f) for f in INPUT_FIELDS} for src in inputs]
    ds = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), workers * 4)))
    ds = ds.map_batches(ReadActor, fn_constructor_kwargs={"batch_size": batch_size, "scope": scope},
                        batch_size=batch_size, num_cpus=1, batch_format="numpy",
                        compute=ray.data.ActorPoolStrategy(size=workers))
    ds.write_parquet(shards)
    return {"start_s": t1 - t0, "read_s": time.perf_counter() - t1, "workers": workers}


def iter_shard_results(paths: Iterable[str]) -> Iterator[Union[Article, ReadError]]:
    """The articles (or read errors) in Parquet shards: files, or folders of ``*.parquet``."""
    import pyarrow.parquet as pq

    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files.extend(sorted(p.rglob("*.parquet")))
        elif p.is_file():
            files.append(p)
        else:
            yield ReadError(None, str(path), "no such shard file or folder")
    for file in files:
        try:
            pf = pq.ParquetFile(file)
        except Exception as err:  # noqa: BLE001 - one bad shard is one error line
            yield ReadError(None, str(file), f"not a Parquet shard ({err})")
            continue
        row_no = 0
        for batch in pf.iter_batches(batch_size=256, columns=["id", "origin", "record", "error"]):
            for rec in batch.to_pylist():
                row_no += 1
                origin = rec.get("origin") or f"{file}:{row_no}"
                if rec.get("error") is not None or rec.get("record") is None:
                    yield ReadError(rec.get("id"), origin, rec.get("error") or "no record")
                    continue
                try:
                    yield Article.from_record(json.loads(rec["record"]))
                except (ValueError, TypeError, KeyError) as err:
                    yield ReadError(rec.get("id"), origin, f"bad record in shard {file.name} ({err})")


def load_shards(store, paths: Iterable[str], batch_size: int = 64,
                on_error: Callable[[ReadError], None] = lambda e: None):
    from claimgraph.store.ingest import Summary, reader_version, store_articles

    summary = Summary()
    writer = store.writer()
    writer.version = reader_version()

    def fail(err: ReadError) -> None:
        summary.failed += 1
        summary.errors.append(str(err))
        on_error(err)

    try:
        store_articles(writer, iter_shard_results(paths), summary, batch_size=batch_size,
                       on_error=fail)
    finally:
        writer.close()
    return summary


def ray_ingest(store, items: Iterable[Union[ArticleInput, ReadError]], *, shards: Optional[str] = None,
               workers: Optional[int] = None, batch_size: int = 32, scope: str = "speech",
               on_error: Callable[[ReadError], None] = lambda e: None):
    """Ingest with Ray: read on Ray into shards, then load them. A Summary with timings
    in ``summary.timings`` (``start_s``, ``read_s``, ``load_s``)."""
    from claimgraph.store.ingest import Summary

    writer = store.writer()  # the lock is free now (else: exit 2 before any work)
    inputs, errors, skipped = [], [], 0
    try:
        for item in items:
            if isinstance(item, ReadError):
                errors.append(item)
                on_error(item)
            elif writer.is_stored(item):
                skipped += 1
            else:
                inputs.append(item)
    finally:
        writer.close()
    own = shards is None
    folder = shards or tempfile.mkdtemp(prefix="claimgraph-shards-")
    try:
        timings = {"start_s": 0.0, "read_s": 0.0, "workers": 0}
        if inputs:
            timings = ray_read(inputs, folder, workers=workers, batch_size=batch_size, scope=scope)
        t = time.perf_counter()
        summary = load_shards(store, [folder], batch_size=max(batch_size, 64), on_error=on_error) \
            if inputs else Summary()
        timings["load_s"] = time.perf_counter() - t
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)
    summary.failed += len(errors)
    summary.errors = [str(e) for e in errors] + summary.errors
    summary.skipped += skipped
    summary.timings = timings
    return summary


def ray_ingest_command(args) -> int:
    import itertools
    import sys

    from claimgraph.commands._store import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store, say
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
