"""WARC web archives → articles: every successful ``text/html`` response record.

Records are read with warcio (the Webrecorder reference reader; ISO 28500). Requests,
metadata, redirects, images and other non-HTML responses are skipped silently; an HTML
response with no article text is a :class:`~claimgraph.model.ReadError`. ``origin`` is
``FILE:N`` with N the 1-based number of the record in the archive.
"""
from __future__ import annotations

import re
import zlib
from typing import BinaryIO, Iterator, Union

from claimgraph.ingest.html import extract_html
from claimgraph.ingest.text import IngestError
from claimgraph.model import ArticleInput, ReadError

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
ARCHIVE_MAGIC = (b"WARC/", b"filedesc://")  # WARC 1.x, and the older ARC format
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)


def iter_warc(stream: BinaryIO, name: str) -> Iterator[Union[ArticleInput, ReadError]]:
    """Articles from a (gzipped or plain) WARC stream, in archive order."""
    from warcio.exceptions import ArchiveLoadFailed

    if not plain_head(_head(stream)).lstrip().startswith(ARCHIVE_MAGIC):
        yield ReadError(None, name, "not a WARC archive (no WARC/1.x header at the start)",
                        "input.not_warc")
        return
    number = 0
    try:
        for record in _records(stream):
            number += 1
            origin = f"{name}:{number}"
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2") or not ctype.lower().startswith(HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                page = _decoded(record.content_stream().read(), ctype)
                yield extract_html(page, id=url or origin, origin=origin, url=url)
            except IngestError as err:
                yield err.read_error(url or origin, origin)
    except ArchiveLoadFailed as err:
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else "bad record"
        yield ReadError(None, f"{name}:{number + 1}", f"not a readable WARC record ({first_line})",
                        "input.bad_warc")
    except (OSError, EOFError, ValueError) as err:  # truncated gzip and the like
        yield ReadError(None, f"{name}:{number + 1}",
                        f"damaged WARC data ({type(err).__name__}: {err})", "input.bad_warc")


def _records(stream: BinaryIO) -> Iterator:
    """warcio's records, in order. Headers so malformed that they trip warcio itself (a
    response record without ``WARC-Target-URI`` raises AttributeError inside it) end the
    archive as :class:`ArchiveLoadFailed`, like any other unreadable record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (AttributeError, TypeError, KeyError, IndexError):
            raise ArchiveLoadFailed("malformed record header") from None
        yield record


def plain_head(data: bytes, size: int = 4096) -> bytes:
    """The first ``size`` bytes of ``data``, un-gzipped when it is gzip (b"" if broken)."""
    if not data.startswith(GZIP_MAGIC):
        return data[:size]
    try:
        return zlib.decompressobj(31).decompress(data[:65536], size)
    except zlib.error:
        return b""


def _head(stream: BinaryIO) -> bytes:
    if hasattr(stream, "peek"):
        return stream.peek(65536)[:65536]
    pos = stream.tell()
    data = stream.read(65536)
    stream.seek(pos)
    return data


def _decoded(body: bytes, content_type: str) -> Union[str, bytes]:
    """The page as text when the HTTP header names a usable charset, else the raw bytes
    (trafilatura then reads the page's own ``<meta charset>`` or guesses)."""
    match = _CHARSET.search(content_type)
    if match:
        try:
            return body.decode(match.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return body
