"""Storing readings: batched, idempotent, versioned, crash-safe.

- **One transaction per batch of whole articles** (:meth:`Writer.write`): an article's
  row, all its layers, its mentions and its registry keys are committed together or not
  at all, so a killed process leaves only whole articles behind.
- **Idempotent**: an article is identified by its URL when it has one, else by its id
  (``articles.ident``); the same text (SHA-256 ``content_hash``) under the same identity
  is skipped. A different text is a new *version*: the old row is kept, marked
  ``superseded``, and points to its successor.
- ``reread``: an article already stored is read again and its layers replaced (same row,
  same ``uid``), after a reader upgrade.
- Articles already stored are recognised **before** reading (:meth:`Writer.is_stored`),
  so rerunning an interrupted ingest only reads what is missing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Union

import sqlalchemy as sa

from claimgraph.model import Article, ArticleInput, ReadError
from claimgraph.store import backend
from claimgraph.store.schema import LAYERS, articles, layer_tables, mentions

META = ("id", "text", "title", "published", "url", "outlet")
ORDER_KEY = "__order__"  # in ``articles.extra``: the record's key order


def reader_version(scope: Optional[str] = None) -> str:
    """What read the stored articles: the claimgraph version (and the quote scope)."""
    import claimgraph

    return f"claimgraph {claimgraph.__version__}" + (f" (scope {scope})" if scope else "")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def identity(id_: str, url: Optional[str]) -> str:
    return f"url:{url}" if url else f"id:{id_}"


@dataclass
class Summary:
    read: int = 0
    stored: int = 0          # new articles and new versions
    versions: int = 0        # of which new versions of a stored article
    replaced: int = 0        # re-read: layers replaced
    skipped: int = 0         # already stored (same text)
    failed: int = 0
    relinked: int = 0        # articles relinked at the end (a re-read changed the links)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = [f"read {self.read}", f"stored {self.stored}"
                 + (f" ({self.versions} new versions)" if self.versions else "")]
        if self.replaced:
            parts.append(f"re-read {self.replaced}")
        parts.append(f"skipped {self.skipped} (already stored)")
        parts.append(f"failed {self.failed}")
        if self.relinked:
            parts.append(f"relinked {self.relinked} (a re-read article changed the links)")
        return ", ".join(parts)


class Writer:
    """Writes batches of read articles into the store (one transaction per batch)."""

    def __init__(self, engine: sa.Engine, reread: bool = False):
        self.engine = engine
        self.reread = reread
        self.version = reader_version()
        self._conn = backend.write_connection(engine)
        self._probe = engine.connect()

    def close(self) -> None:
        self._conn.close()
        self._probe.close()

    def finish(self) -> int:
        """Relink the corpus when a re-read article left the links stale (see
        :mod:`claimgraph.across.persist`); the number of articles relinked (0: none needed)."""
        from claimgraph.across.persist import is_stale
        from claimgraph.store.schema import across_tables

        stale = is_stale(self._conn, across_tables)
        self._conn.rollback()
        if not stale:
            return 0
        from claimgraph.store.api import relink_all

        return relink_all(self.engine, self._conn)

    def is_stored(self, src: ArticleInput) -> bool:
        """Already stored with this text (so reading it again would change nothing)."""
        if self.reread or not isinstance(src.text, str):
            return False
        row = self._probe.execute(
            sa.select(articles.c.content_hash).where(articles.c.ident == identity(src.id, src.url),
                                                      articles.c.superseded == sa.false())).first()
        self._probe.rollback()  # no snapshot kept open between batches
        return row is not None and row[0] == content_hash(src.text)

    def write(self, batch: list[Article], summary: Summary) -> None:
        """Store ``batch`` in one transaction (all of it, or nothing)."""
        if not batch:
            return
        from claimgraph.store.registry import Registry

        conn = self._conn
        counts = Summary()
        tx = backend.begin_write(conn)
        try:
            registry = Registry(conn)
            rows: dict[str, list[dict]] = {name: [] for name in LAYERS}
            mention_rows: list[dict] = []
            kept = []
            for article in batch:
                record = article.to_record()
                uid = self._article_row(conn, article, record, counts)
                if uid is not None:
                    kept.append((article, record, uid))
            registry.resolve_articles([article for article, _, _ in kept])
            for article, record, uid in kept:
                keys = {ent.id: ent.key for ent in article.entities}
                _layer_rows(article, record, uid, keys, rows, mention_rows)
            for name in LAYERS:
                if rows[name]:
                    conn.execute(layer_tables[name].insert(), rows[name])
            backend.executemany(conn, "INSERT INTO mentions (article, entity, key, span_start, "
                                      "span_end) VALUES (?, ?, ?, ?, ?)", mention_rows)
            from claimgraph.across.persist import link_batch  # stories, statements, flags
            from claimgraph.store.schema import across_tables

            link_batch(conn, across_tables, [(uid, article) for article, _, uid in kept],
                       renewed=bool(counts.versions or counts.replaced))
            tx.commit()
        except BaseException:
            tx.rollback()
            raise
        for name in ("stored", "versions", "replaced", "skipped"):
            setattr(summary, name, getattr(summary, name) + getattr(counts, name))

    def _article_row(self, conn, article: Article, record: dict, counts: Summary) -> Optional[int]:
        """Insert (or, re-reading, update) the article's row; its uid, or None to skip."""
        ident = identity(article.id, article.url)
        digest = content_hash(article.text)
        extra = {k: v for k, v in record.items() if k not in META and k not in LAYERS}
        extra[ORDER_KEY] = list(record)
        now = dt.datetime.now(dt.timezone.utc)
        current = conn.execute(
            sa.select(articles.c.uid, articles.c.version, articles.c.content_hash)
            .where(articles.c.ident == ident, articles.c.superseded == sa.false())).first()
        if current is not None and current.content_hash == digest:
            if not self.reread:
                counts.skipped += 1
                return None
            for name in LAYERS:
                conn.execute(layer_tables[name].delete().where(layer_tables[name].c.article == current.uid))
            conn.execute(mentions.delete().where(mentions.c.article == current.uid))
            conn.execute(articles.update().where(articles.c.uid == current.uid).values(
                id=article.id, title=article.title, outlet=article.outlet,
                published=article.published, reader_version=self.version, stored_at=now,
                extra=extra))
            counts.replaced += 1
            return current.uid
        version = 1
        if current is not None:
            version = current.version + 1
            conn.execute(articles.update().where(articles.c.uid == current.uid)
                         .values(superseded=True))
            counts.versions += 1
        uid = conn.execute(articles.insert().returning(articles.c.uid), {
            "id": article.id, "ident": ident, "version": version, "superseded": False,
            "content_hash": digest, "title": article.title, "url": article.url,
            "outlet": article.outlet, "published": article.published, "text": article.text,
            "reader_version": self.version, "stored_at": now, "extra": extra}).scalar_one()
        if current is not None:
            conn.execute(articles.update().where(articles.c.uid == current.uid)
                         .values(superseded_by=uid))
        counts.stored += 1
        return uid


def _span(value) -> tuple[Optional[int], Optional[int]]:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None, None


MAIN_SPAN = {"entities": None, "quotes": "content", "attributions": "claim", "quantities": "span",
             "dates": "span", "hedges": "scope", "checks": None, "claims": "span"}


def _layer_rows(article: Article, record: dict, uid: int, keys: dict, rows: dict,
                mention_rows: list) -> None:
    text = article.text
    for name in LAYERS:
        for seq, rec in enumerate(record.get(name) or []):
            start, end = _span(rec.get(MAIN_SPAN.get(name) or "", None))
            item = rec.get("id") or f"{name[0].upper()}{seq + 1}"
            row: dict[str, Any] = {"article": uid, "seq": seq, "item": str(item),
                                   "span_start": start, "span_end": end, "record": rec}
            row.update(_extra_columns(name, rec, text, keys, article))
            if name == "entities":
                for s, e in rec.get("mentions") or []:
                    mention_rows.append((uid, str(item), keys.get(rec.get("id")), s, e))
            rows[name].append(row)


def _extra_columns(name: str, rec: dict, text: str, keys: dict, article: Article) -> dict:
    if name == "entities":
        return {"name": rec.get("name"), "type": rec.get("type"), "key": keys.get(rec.get("id")),
                "country": rec.get("country"), "role": rec.get("role")}
    if name in ("quotes", "attributions"):
        quote = name == "quotes"
        speaker = rec.get("speaker") if quote else rec.get("source")
        start, end = _span(rec.get("content") if quote else rec.get("claim"))
        cue_start, cue_end = _span(rec.get("cue"))
        speaker_text = rec.get("speaker_text") if quote else rec.get("source_text")
        if not speaker_text and speaker:
            ent = article.entity(speaker)
            speaker_text = ent.name if ent else None
        return {"kind": rec.get("kind") if quote else "attribution",
                "act": rec.get("act") if quote else None,
                "speaker": speaker, "speaker_key": keys.get(speaker),
                "speaker_text": speaker_text, "via_key": keys.get(rec.get("via")),
                "certainty": rec.get("certainty"), "anonymous": bool(rec.get("anonymous", False)),
                "confidence": rec.get("confidence"), "cue_start": cue_start, "cue_end": cue_end,
                "content": text[start:end] if start is not None else "",
                "published": article.published, "outlet": article.outlet}
    if name == "quantities":
        return {"low": _num(rec.get("low")), "high": _num(rec.get("high")), "unit": rec.get("unit")}
    if name == "dates":
        return {"value": rec.get("value"), "first_day": rec.get("first_day", rec.get("start")),
                "last_day": rec.get("last_day", rec.get("end"))}
    if name in ("hedges", "claims"):
        return {"certainty": rec.get("certainty")}
    if name == "checks":
        return {"verdict": rec.get("verdict")}
    return {}


def _num(value) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


# ------------------------------------------------------------------------------ driver

Item = Union[ArticleInput, ReadError]


def ingest(writer: Writer, items: Iterable[Item], reader, *, n_process: int = 1,
           batch_size: int = 32, on_error: Callable[[ReadError], None] = lambda e: None,
           on_progress: Callable[[int], None] = lambda n: None) -> Summary:
    """Read ``items`` (inputs or read errors) and store them; one writer (this process)
    stores while ``n_process`` workers read."""
    summary = Summary()
    writer.version = reader_version(getattr(reader, "scope", None))

    def fail(err: ReadError) -> None:
        summary.failed += 1
        summary.errors.append(str(err))
        on_error(err)
        on_progress(1)

    def to_read() -> Iterator[ArticleInput]:
        for item in items:
            if isinstance(item, ReadError):
                fail(item)
            elif _has_nul(item):
                fail(ReadError(item.id, item.origin, "contains NUL characters (cannot be stored)"))
            elif writer.is_stored(item):
                summary.skipped += 1
                on_progress(1)
            else:
                yield item

    results = reader.read_many(to_read(), n_process=n_process)
    store_articles(writer, results, summary, batch_size=batch_size, on_error=fail,
                   on_progress=on_progress)
    return summary


def _has_nul(src: ArticleInput) -> bool:
    return any(isinstance(v, str) and "\x00" in v
               for v in (src.id, src.text, src.title, src.published, src.url, src.outlet))


def store_articles(writer: Writer, results: Iterable[Union[Article, ReadError]], summary: Summary,
                   batch_size: int = 32, on_error: Optional[Callable[[ReadError], None]] = None,
                   on_progress: Callable[[int], None] = lambda n: None) -> Summary:
    """Store already-read articles (or count their errors), ``batch_size`` per transaction."""
    batch: list[Article] = []
    for result in results:
        if isinstance(result, ReadError):
            if on_error is not None:
                on_error(result)
            else:
                summary.failed += 1
                summary.errors.append(str(result))
            continue
        summary.read += 1
        batch.append(result)
        if len(batch) >= batch_size:
            writer.write(batch, summary)
            on_progress(len(batch))
            batch = []
    if batch:
        writer.write(batch, summary)
        on_progress(len(batch))
    summary.relinked = writer.finish()
    return summary


def chunked(iterable, size):
    it = iter(iterable)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
