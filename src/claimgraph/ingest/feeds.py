"""Paths and streams → :class:`~claimgraph.model.ArticleInput` (or :class:`ReadError`).

:func:`iter_inputs` is the one entry point: it takes a path (a ``.txt`` article, an
``.html`` page, a ``.jsonl`` feed, possibly gzipped, a ``.json`` record or list, a WARC
archive, a folder of those) or ``-`` for standard input, and yields articles in order.
A bad item becomes a :class:`ReadError` whose ``origin`` is ``FILE:LINE`` (``FILE:N`` for
the N-th record of a WARC), so the caller can report it on one line and go on.

A feed line is one JSON object::

    {"id": str, "text": str | "html": str, "title"?: str, "published"?: str,
     "url"?: str, "outlet"?: str}

Other keys are ignored. ``published`` is an ISO date or date-time; it is kept as the
date ``YYYY-MM-DD``.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import logging
import os
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Union

from claimgraph.ingest.html import extract_html
from claimgraph.ingest.text import IngestError, decode_bytes
from claimgraph.ingest.warc import GZIP_MAGIC, iter_warc, plain_head
from claimgraph.model import ArticleInput, ReadError

Item = Union[ArticleInput, ReadError]
Warn = Callable[[str], None]

FORMATS = ("auto", "text", "html", "jsonl", "json", "warc")
SUFFIX_FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html",
                  ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".jsonlines": "jsonl", ".json": "json", ".warc": "warc", ".arc": "warc"}
META_FIELDS = ("title", "url", "outlet")
STDIN_NAME = "<stdin>"


log = logging.getLogger("claimgraph.ingest")


def _log_warning(message: str) -> None:
    """The default ``warn``: a warning on the ``claimgraph.ingest`` logger."""
    log.warning("%s", message)


def _loads(text):
    """``json.loads``; JSON nested deeper than the parser can follow is a ValueError too
    (``json`` raises RecursionError for it)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def detect_format(path: str) -> str:
    """The input format a file name stands for (``text`` when nothing else fits)."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIX_FORMATS.get(suffixes[-1], "text") if suffixes else "text"


def sniff_format(data: bytes) -> str:
    """The format of unnamed bytes (standard input): WARC, JSONL, JSON, HTML or text."""
    head = plain_head(data).lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    first = head.split(b"\n", 1)[0].strip()
    if first.startswith(b"{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except RecursionError:  # JSON, too deep to parse: the JSONL reader says so per line
            return "jsonl"
        except ValueError:
            pass
    if head.startswith((b"{", b"[")):
        try:
            return "json" if isinstance(json.loads(data), (dict, list)) else "text"
        except RecursionError:
            return "json"
        except ValueError:
            return "text"
    lowered = head[:1024].lower()
    if head.startswith(b"<") and any(t in lowered for t in (b"<html", b"<body", b"<p", b"<!doctype")):
        return "html"
    return "text"


def iso_date(value) -> Optional[str]:
    """``YYYY-MM-DD`` for an ISO date or date-time (``2025-03-14T20:30:26Z``), else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def iter_inputs(path: str, *, input_format: str = "auto", encoding: Optional[str] = None,
                published: Optional[str] = None, stdin: Optional[BinaryIO] = None,
                warn: Warn = _log_warning) -> Iterator[Item]:
    """Every article in ``path`` (``-``: standard input), in order; see the module doc."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as err:
            yield ReadError(None, STDIN_NAME, f"cannot read standard input ({err})", "input.unreadable")
            return
        fmt = sniff_format(data) if input_format == "auto" else input_format
        yield from _with_default_date(_iter_bytes(data, STDIN_NAME, "stdin", fmt, encoding, warn),
                                      published)
        return
    if os.path.isdir(path):
        files = sorted(p for p in Path(path).rglob("*")
                       if p.is_file() and not p.name.startswith(".") and _known_suffix(p))
        if not files:
            yield ReadError(None, path, "folder holds no readable files (.txt, .html, .jsonl, .warc)",
                            "input.empty_folder")
        for file in files:
            yield from iter_inputs(str(file), input_format=input_format, encoding=encoding,
                                   published=published, warn=warn)
        return
    fmt = detect_format(path) if input_format == "auto" else input_format
    try:
        if fmt == "warc":  # streamed: archives can be large
            with open(path, "rb") as stream:
                yield from _with_default_date(iter_warc(stream, path), published)
            return
        if fmt == "jsonl":
            with _open_maybe_gzip(path) as stream:
                yield from _with_default_date(iter_jsonl(stream, path, warn=warn), published)
            return
        with _open_maybe_gzip(path) as stream:
            data = stream.read()
    except (OSError, EOFError) as err:  # unreadable file, or truncated / damaged gzip
        yield ReadError(None, path, *_os_message(err))
        return
    yield from _with_default_date(_iter_bytes(data, path, _stem(path),
                                              fmt, encoding, warn), published)


def _known_suffix(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    return bool(suffixes) and suffixes[-1] in SUFFIX_FORMATS


def _open_maybe_gzip(path: str) -> BinaryIO:
    with open(path, "rb") as probe:
        gz = probe.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if gz else open(path, "rb")


def _os_message(err: Exception) -> tuple[str, str]:
    """(message, code) of an unreadable file."""
    if isinstance(err, (EOFError, gzip.BadGzipFile)):
        return f"damaged gzip data ({err or 'ends too early'})", "input.bad_gzip"
    reason = getattr(err, "strerror", None) or type(err).__name__
    return (f"cannot read file ({reason.lower() if reason[:1].isupper() else reason})",
            "input.unreadable")


def _stem(path: str) -> str:
    return Path(path).name.split(".")[0] or Path(path).name


def _with_default_date(items: Iterable[Item], published: Optional[str]) -> Iterator[Item]:
    for item in items:
        if published and isinstance(item, ArticleInput) and not item.published:
            item.published = published
        yield item


def _iter_bytes(data: bytes, name: str, stem: str, fmt: str, encoding: Optional[str],
                warn: Warn) -> Iterator[Item]:
    if data.startswith(GZIP_MAGIC) and fmt != "warc":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            yield ReadError(None, name, f"damaged gzip data ({err})", "input.bad_gzip")
            return
    try:
        if fmt == "warc":
            yield from iter_warc(io.BytesIO(data), name)
        elif fmt == "jsonl":
            yield from iter_jsonl(io.BytesIO(data), name, warn=warn)
        elif fmt == "json":
            yield from _iter_json(data, name, warn)
        elif fmt == "html":
            yield extract_html(data if encoding is None else decode_bytes(data, encoding),
                               id=stem, origin=name)
        else:
            yield ArticleInput(id=stem, text=decode_bytes(data, encoding), origin=name)
    except IngestError as err:
        yield err.read_error(stem, name)


def iter_jsonl(stream: BinaryIO, name: str, *, warn: Warn = _log_warning) -> Iterator[Item]:
    """One article per line; a bad line is a :class:`ReadError` at ``FILE:LINE``."""
    for lineno, raw in enumerate(stream, 1):
        origin = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield ReadError(None, origin, f"not UTF-8 (byte 0x{raw[err.start:err.start + 1].hex().upper()}"
                                          f" at column {err.start + 1})", "input.not_utf8")
            continue
        try:
            obj = _loads(line)
        except ValueError as err:
            msg = getattr(err, "msg", str(err))
            col = getattr(err, "colno", None)
            yield ReadError(None, origin, f"not JSON ({msg}" + (f" at column {col})" if col else ")"),
                            "input.not_json")
            continue
        yield _from_record(obj, origin, warn)


def _iter_json(data: bytes, name: str, warn: Warn) -> Iterator[Item]:
    try:
        obj = _loads(decode_bytes(data))
    except ValueError as err:  # IngestError is a ValueError too
        msg = getattr(err, "msg", str(err))
        line = getattr(err, "lineno", None)
        code = err.code if isinstance(err, IngestError) else "input.not_json"  # not UTF-8, binary
        yield ReadError(None, f"{name}:{line}" if line else name, f"not JSON ({msg})", code)
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        yield _from_record(rec, f"{name}:{i}" if isinstance(obj, list) else name, warn)


def _from_record(obj, origin: str, warn: Warn) -> Item:
    """One feed record (a dict) → ArticleInput, or a ReadError saying what is missing."""
    if not isinstance(obj, dict):
        return ReadError(None, origin, f"expected a JSON object, got {type(obj).__name__}",
                         "input.not_object")
    rid = obj.get("id")
    rid = origin if rid is None or rid == "" else str(rid)
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return ReadError(rid, origin, 'no "text" or "html" field', "input.no_text_field")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return ReadError(rid, origin, f'"{key}" must be a string, not {type(value).__name__}',
                             "input.bad_field")
    meta = {k: obj[k] if isinstance(obj.get(k), str) and obj[k].strip() else None
            for k in META_FIELDS}
    published = None
    if obj.get("published") not in (None, ""):
        published = iso_date(obj["published"])
        if published is None:
            warn(f"{origin}: \"published\" is not an ISO date ({str(obj['published'])[:40]!r});"
                 " ignored")
    if text is None or (not text.strip() and html):
        try:
            page = extract_html(html, id=rid, origin=origin, url=meta["url"])
        except IngestError as err:
            return err.read_error(rid, origin)
        return ArticleInput(id=rid, text=page.text, title=meta["title"] or page.title,
                            published=published or page.published, url=meta["url"] or page.url,
                            outlet=meta["outlet"], origin=origin)
    return ArticleInput(id=rid, text=text, published=published, origin=origin, **meta)
