"""What keeps a hostile article, a hostile page or a hostile client harmless.

- :class:`Guard` (ASGI middleware): every response carries a Content-Security-Policy that
  allows no inline script, no inline style, no plugin, no framing and nothing from another
  origin, plus ``nosniff``, ``no-referrer`` and ``DENY`` framing; every request body is
  limited to ``max_body`` bytes (413 before reading when ``Content-Length`` says so,
  413 as soon as a streamed body goes past it).
- :func:`check_write`: write endpoints need the server's token (``Authorization: Bearer
  TOKEN``) when one is set, which ``claimgraph serve`` insists on when it listens on
  anything but localhost; a write posted by another site's page is refused whatever the
  token (a browser says so in ``Origin`` / ``Sec-Fetch-Site``).
"""
from __future__ import annotations

import hmac
import json
from typing import Optional
from urllib.parse import urlsplit

from claimgraph.web.errors import ApiError

MAX_BODY = 10_000_000  # bytes: the reader's own limit for one article (10,000,000 characters)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
TOKEN_ENV = "CLAIMGRAPH_TOKEN"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: security headers on every response, a limit on every body."""

    def __init__(self, app, max_body: int = MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names]
            await send(message)

        length = _content_length(scope)
        if length is not None and length > self.max_body:
            return await self._refuse(scope, send_with_headers, length)
        seen = 0

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, send_with_headers, None)

    async def _refuse(self, scope, send, length: Optional[int]):
        size = f" ({length:,} bytes)" if length is not None else ""
        err = ApiError(413, "request.too_large",
                       f"the request body is too large{size}; the limit is {self.max_body:,} bytes")
        body = json.dumps(err.body()).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope) -> Optional[int]:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def check_write(request, token: Optional[str]) -> None:
    """Raise an ApiError unless this request may write (see the module's docstring)."""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site == "cross-site" or (origin and origin != "null" and not _same_origin(origin, request)):
        raise ApiError(403, "auth.cross_origin", "writes from another site's page are refused")
    if not token:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if not given:
        raise ApiError(401, "auth.token_required",
                       f"this endpoint writes to the store: send 'Authorization: Bearer <token>' "
                       f"(the server's {TOKEN_ENV})")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(403, "auth.bad_token", "wrong token")


def _same_origin(origin: str, request) -> bool:
    host = request.headers.get("host", "")
    try:
        return urlsplit(origin).netloc.lower() == host.lower()
    except ValueError:
        return False
