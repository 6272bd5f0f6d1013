"""JSON errors of the web API: ``{"error": {"code", "message", "status"}}``.

Codes are stable strings. Errors about an article's input use the reader's own codes
(``input.empty``, ``input.not_utf8`` …, from :mod:`claimgraph.errors` where that module
gives them a :class:`~claimgraph.model.ReadError` ``code``); the others are the web's own
(``request.*``, ``query.*``, ``store.*``, ``auth.*``, ``not_found``). The message may be
reworded; the code will not be renamed.
"""
from __future__ import annotations

import re
from typing import Optional

from claimgraph.model import ReadError

#: the web's own codes (the reader's input.* codes come from claimgraph.errors)
WEB_CODES: dict[str, str] = {
    "request.too_large": "the request body is larger than the server's limit (413)",
    "request.bad_json": "the body is not a JSON object (400)",
    "request.bad_content_type": "the body is neither JSON, a file upload nor plain text (415)",
    "request.invalid": "a field of the request has the wrong type or value (422)",
    "request.method": "the endpoint does not take this method (405)",
    "query.bad_filter": "a search filter with a malformed or unknown value (400)",
    "auth.token_required": "a write endpoint called without the server's token (401)",
    "auth.bad_token": "a write endpoint called with the wrong token (403)",
    "auth.cross_origin": "a write from another site's page (403)",
    "not_found": "no such article, entity or page (404)",
    "store.none": "the server has no store (start it with --db) (503)",
    "store.error": "the store cannot be used (locked, newer schema …) (503)",
    "internal": "a bug: an unexpected exception inside claimgraph (500)",
}

#: HTTP status of each input.* code; any other input code is 422
INPUT_STATUS = {
    "input.not_utf8": 400, "input.bad_encoding": 400, "input.binary": 400,
    "input.not_json": 400, "input.not_object": 400, "input.bad_gzip": 400,
    "input.bad_html": 400, "input.too_long": 413,
}

# When claimgraph.errors is not there (ReadError without a code): the code from the message.
_MESSAGE_CODES = (
    (re.compile(r"^empty"), "input.empty"),
    (re.compile(r"not UTF-8|not utf-8"), "input.not_utf8"),
    (re.compile(r"^not \S+ text|unknown encoding"), "input.bad_encoding"),
    (re.compile(r"binary data"), "input.binary"),
    (re.compile(r"too long|too large"), "input.too_long"),
    (re.compile(r"no \"text\" or \"html\""), "input.no_text_field"),
    (re.compile(r"must be a string|is not a string"), "input.bad_field"),
    (re.compile(r"expected a JSON object"), "input.not_object"),
    (re.compile(r"^not JSON"), "input.not_json"),
    (re.compile(r"no article text"), "input.no_article_text"),
    (re.compile(r"unreadable HTML"), "input.bad_html"),
)


class ApiError(Exception):
    """An error the API answers with: HTTP ``status``, a stable ``code``, one-line ``message``."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "status": self.status}}


def input_code(error) -> str:
    """The stable code of a ReadError (or IngestError): its own ``code`` when it has one."""
    code = getattr(error, "code", None)
    if isinstance(code, str) and code:
        return code
    message = error.message if isinstance(error, ReadError) else str(error)
    for pattern, found in _MESSAGE_CODES:
        if pattern.search(message):
            return found
    return "input.invalid"


def from_read_error(error, what: Optional[str] = None) -> ApiError:
    """The ApiError for an article that cannot be read (a ReadError or an IngestError)."""
    code = input_code(error)
    message = error.message if isinstance(error, ReadError) else str(error)
    if what:
        message = f"{what}: {message}"
    return ApiError(INPUT_STATUS.get(code, 422), code, message)
