"""Exporting searches and whole tables: JSONL, CSV or Parquet (pyarrow), streamed in batches
(memory stays flat whatever the size). A file is written under a temporary name and
renamed when complete, so a failed export leaves no half-written file."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import sys
from typing import Any, Iterable, Iterator, Optional

import sqlalchemy as sa

from claimgraph.store.errors import QueryError
from claimgraph.store.schema import TABLES

BATCH = 5000


@contextlib.contextmanager
def _target(path: str, binary: bool = False):
    if path == "-":
        yield sys.stdout
        return
    tmp = f"{path}.part-{os.getpid()}"
    try:
        with open(tmp, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _plain(value: Any, json_text: bool) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if json_text and isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_rows(rows: Iterable[dict], columns: list[str], fmt: str, path: str) -> int:
    n = 0
    if fmt == "jsonl":
        with _target(path) as fh:
            for row in rows:
                fh.write(json.dumps({k: _plain(row[k], False) for k in columns}, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "csv":
        with _target(path) as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _plain(row[k], True) for k in columns})
                n += 1
        return n
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        with _target(path, binary=True) as fh:
            writer = None
            batch: list[dict] = []

            def flush():
                nonlocal writer
                table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
                if writer is None:
                    writer = pq.ParquetWriter(fh, table.schema)
                writer.write_table(table)

            for row in rows:
                batch.append({k: _plain(row[k], True) for k in columns})
                n += 1
                if len(batch) >= BATCH:
                    flush()
                    batch = []
            if batch or writer is None:
                if not batch:  # an empty export still has its columns
                    writer = pq.ParquetWriter(fh, pa.schema([(c, pa.string()) for c in columns]))
                else:
                    flush()
            writer.close()
        return n
    raise QueryError(f"unknown export format {fmt!r} (jsonl, csv or parquet)")


def export_search(engine: sa.Engine, text: Optional[str], filters, fmt: str, path: str) -> int:
    from claimgraph.store.search import FIELDS, iter_search

    return write_rows((hit.to_dict() for hit in iter_search(engine, text, filters)), FIELDS, fmt, path)


def iter_table(engine: sa.Engine, name: str, limit: Optional[int] = None) -> Iterator[dict]:
    if name not in TABLES:
        raise QueryError(f"unknown table {name!r} (one of {', '.join(sorted(TABLES))})")
    table = TABLES[name]
    sel = sa.select(table).order_by(*table.primary_key.columns)
    if limit:
        sel = sel.limit(limit)
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=BATCH).execute(sel):
            yield dict(row._mapping)


def export_table(engine: sa.Engine, name: str, fmt: str, path: str, limit: Optional[int] = None) -> int:
    if name not in TABLES:
        raise QueryError(f"unknown table {name!r} (one of {', '.join(sorted(TABLES))})")
    columns = [c.name for c in TABLES[name].columns]
    return write_rows(iter_table(engine, name, limit), columns, fmt, path)
