"""A request body → one :class:`~claimgraph.model.ArticleInput`, as ``claimgraph read`` would.

Accepted bodies (``POST /read``, ``POST /articles`` and the Read page):

- ``application/json``: one feed line, ``{"id"?, "text" | "html", "title"?, "published"?,
  "url"?, "outlet"?}``, read by the same code as a line of a ``.jsonl`` feed;
- ``multipart/form-data`` (or a urlencoded form): a ``file`` (a ``.txt`` article or an
  ``.html`` page; its name gives the id, as on the command line) or a ``text`` / ``html``
  field, with the same optional metadata fields;
- ``text/plain`` or ``text/html``: the article itself (metadata in the query string).

Anything wrong is an :class:`~claimgraph.web.errors.ApiError` with the reader's code.
"""
from __future__ import annotations

import io
import json
from pathlib import PurePath
from typing import Any, Callable, Optional

from pydantic import BaseModel, Field

from claimgraph.ingest.feeds import iso_date, iter_jsonl
from claimgraph.ingest.html import extract_html
from claimgraph.ingest.text import IngestError, decode_bytes
from claimgraph.model import ArticleInput, ReadError
from claimgraph.web.errors import ApiError, from_read_error

META = ("title", "published", "url", "outlet")
DEFAULT_ID = "article"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class FeedLine(BaseModel):
    """One article, shaped like a line of a ``.jsonl`` feed (other keys are ignored)."""

    id: Optional[str] = Field(None, description='the record\'s id (default "article")')
    text: Optional[str] = Field(None, description="the article's plain text")
    html: Optional[str] = Field(None, description="an HTML page (boilerplate is removed)")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO date or date-time; anchors relative dates")
    url: Optional[str] = None
    outlet: Optional[str] = None


def body_schema() -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of the endpoints that take an article."""
    form = {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt article or .html page"},
        "text": {"type": "string"}, "html": {"type": "string"},
        **{k: {"type": "string"} for k in ("id",) + META}}}
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": FeedLine.model_json_schema()},
        "multipart/form-data": {"schema": form},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }}}


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start:err.start + 1].hex().upper()
        raise ApiError(400, "input.not_utf8",
                       f"{what} is not UTF-8 (byte 0x{bad} at offset {err.start})") from None


def from_json(data: bytes, warn: Callable[[str], None]) -> ArticleInput:
    """A JSON body: one feed line, read exactly as ``claimgraph read FEED.jsonl`` reads it."""
    text = _utf8(data, "the body")
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as err:
        detail = getattr(err, "msg", None) or str(err)
        col = getattr(err, "colno", None)
        raise ApiError(400, "input.not_json", f"the body is not JSON ({detail}"
                       + (f" at line {err.lineno} column {col})" if col else ")")) from None
    if not isinstance(obj, dict):
        raise ApiError(400, "input.not_object",
                       f"the body must be a JSON object (a feed line), not {type(obj).__name__}")
    if obj.get("id") in (None, ""):
        obj = {**obj, "id": DEFAULT_ID}
    line = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    (item,) = list(iter_jsonl(io.BytesIO(line), "body", warn=warn))
    return _checked(item)


def from_fields(fields: dict[str, Any], warn: Callable[[str], None],
                upload: Optional[tuple[str, bytes, str]] = None) -> ArticleInput:
    """Form fields (``text`` / ``html`` / metadata) and an optional upload
    ``(filename, bytes, content type)``: the upload wins over the fields."""
    meta = {k: (fields.get(k) or "").strip() or None for k in META}
    rid = (fields.get("id") or "").strip() or None
    if meta["published"] is not None:
        iso = iso_date(meta["published"])
        if iso is None:
            warn(f'"published" is not an ISO date ({meta["published"][:40]!r}); ignored')
        meta["published"] = iso
    if upload is not None and upload[1]:
        name, data, ctype = upload
        rid = rid or _stem(name) or DEFAULT_ID
        is_html = PurePath(name or "").suffix.lower() in HTML_SUFFIXES or "html" in (ctype or "")
        try:
            if is_html:
                page = extract_html(data, id=rid, origin=name or rid, url=meta["url"])
                item = ArticleInput(id=rid, text=page.text, title=meta["title"] or page.title,
                                    published=meta["published"] or page.published,
                                    url=meta["url"] or page.url, outlet=meta["outlet"], origin=rid)
            else:
                item = ArticleInput(id=rid, text=decode_bytes(data), origin=rid, **meta)
        except IngestError as err:
            raise from_read_error(err, f"the file {name!r}" if name else "the file") from None
        return _checked(item)
    text, html = fields.get("text"), fields.get("html")
    rid = rid or DEFAULT_ID
    if text is not None and text.strip():
        return _checked(ArticleInput(id=rid, text=text, origin=rid, **meta))
    if html is not None and html.strip():
        try:
            page = extract_html(html, id=rid, origin=rid, url=meta["url"])
        except IngestError as err:
            raise from_read_error(err) from None
        return _checked(ArticleInput(id=rid, text=page.text, title=meta["title"] or page.title,
                                     published=meta["published"] or page.published,
                                     url=meta["url"] or page.url, outlet=meta["outlet"], origin=rid))
    if text is None and html is None and upload is None:
        raise ApiError(422, "input.no_text_field", 'give the article as "text", "html" or a "file"')
    raise ApiError(422, "input.empty", "empty text (nothing but whitespace)")


def from_raw(data: bytes, html: bool, params: dict[str, Any],
             warn: Callable[[str], None]) -> ArticleInput:
    """A ``text/plain`` or ``text/html`` body: the article itself."""
    if html:
        return from_fields(dict(params), warn, upload=("body.html", data, "text/html"))
    try:
        text = decode_bytes(data)
    except IngestError as err:
        raise from_read_error(err, "the body") from None
    return from_fields({**params, "text": text}, warn)


def textarea(text: Optional[str]) -> Optional[str]:
    """A browser sends a textarea's line breaks as CRLF: back to what was typed."""
    return text.replace("\r\n", "\n") if text is not None else None


def _stem(name: str) -> str:
    base = PurePath(name or "").name
    return base.split(".")[0] or base


def _checked(item) -> ArticleInput:
    if isinstance(item, ReadError):
        raise from_read_error(item)
    if not item.text.strip():
        raise ApiError(422, "input.empty", "empty text (nothing but whitespace)")
    return item
