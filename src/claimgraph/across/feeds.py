"""Linking articles that are not in a store: feeds read now, or records read before.

``claimgraph stories FEED.jsonl`` (and ``story``, ``statements``, ``sources``) read the
given inputs with the reader — or take them as they are when they are already JSON
records (the output of ``claimgraph read --format jsonl``, recognised by their
``schema_version``) — give their entities registry keys (one in-memory registry), and link
them in publication order with a :class:`~claimgraph.across.linker.Linker`.
"""
from __future__ import annotations

import gzip
import json
from typing import Callable, Iterable, Iterator, Union

from claimgraph.across.keys import ensure_keys
from claimgraph.across.linker import Linker, publication_order
from claimgraph.model import Article, ArticleInput, ReadError


def _records(path: str) -> Iterator[Union[Article, ReadError]] | None:
    """The articles of a JSONL file of read records, or None if it holds something else."""
    if path == "-" or not path.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return None
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), "")
        head = json.loads(first) if first else {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(head, dict) or "schema_version" not in head or "quotes" not in head:
        return None

    def gen():
        with opener(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield Article.from_record(json.loads(line))
                except (ValueError, TypeError, KeyError) as err:
                    yield ReadError(None, f"{path}:{n}", f"not a claimgraph record ({err})")
    return gen()


def read_articles(paths: Iterable[str], on_error: Callable[[ReadError], None],
                  batch_size: int = 32) -> list[Article]:
    """Every article of ``paths`` (read now, or records as they are)."""
    from claimgraph.ingest.feeds import iter_inputs

    articles: list[Article] = []
    inputs: list[ArticleInput] = []
    for path in paths:
        records = _records(path)
        items = records if records is not None else iter_inputs(path)
        for item in items:
            if isinstance(item, ReadError):
                on_error(item)
            elif isinstance(item, Article):
                articles.append(item)
            else:
                inputs.append(item)
    if inputs:
        from claimgraph.reader import Reader

        for res in Reader(batch_size=batch_size).read_many(inputs):
            if isinstance(res, ReadError):
                on_error(res)
            else:
                articles.append(res)
    return articles


def link_articles(articles: Iterable[Article], registry, linker: Linker | None = None) -> Linker:
    """Registry keys from ``registry`` (where missing), then every article linked in
    publication order."""
    linker = linker or Linker()
    for article in ensure_keys(publication_order(articles), registry):
        linker.add(article)
    return linker
