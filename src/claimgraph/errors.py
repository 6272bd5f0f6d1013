"""Errors that speak: stable error codes and the exceptions that carry them.

Every failure claimgraph reports has a short, stable **code** (``input.not_json``,
``model.missing``, ``internal`` …) besides its human message. The message may be
reworded; the code will not be renamed, so the web API, the store and scripts can act on
it. :data:`CODES` is the one table of codes, each with a one-line description.

Three kinds of failure, three exceptions (all :class:`ClaimgraphError`):

- :class:`InputError`: the *input* is bad (empty, not UTF-8, not JSON, no article text,
  too long …). The reader and the ingest functions turn it into a
  :class:`~claimgraph.model.ReadError` carrying the same code; the run goes on with the
  next input and the command line exits with status 1.
- :class:`ModelFileError`: a model file shipped with claimgraph is missing or does not
  match the code (``model.missing``, ``model.mismatch``); the message names the file.
  Nothing can be read: the command line prints one line and exits with status 3.
- :class:`InternalError`: a bug (an exception inside a pipeline component, say). It is
  never reported as bad input: the command line prints one line and exits with status 3
  (``CLAIMGRAPH_DEBUG=1`` prints the traceback too).
"""
from __future__ import annotations

from typing import Optional

# --------------------------------------------------------------------------- codes

INPUT_INVALID = "input.invalid"
INTERNAL = "internal"

CODES: dict[str, str] = {
    # bad input: a ReadError (exit status 1), the rest of the run goes on
    "input.invalid": "the input cannot be read (no more specific code applies)",
    "input.empty": "the text (or HTML page) is empty or nothing but whitespace",
    "input.not_text": "the text is not a string",
    "input.too_long": "the text or page is longer than the limit",
    "input.binary": "binary data (NUL bytes or control characters), not text",
    "input.not_utf8": "bytes that are not valid UTF-8 (pass --encoding for other encodings)",
    "input.bad_encoding": "bytes not valid in the encoding given, or an unknown encoding",
    "input.not_json": "a feed line or JSON file that does not parse as JSON",
    "input.not_object": "a feed record that is not a JSON object",
    "input.no_text_field": 'a feed record with neither a "text" nor an "html" field',
    "input.bad_field": 'a feed record whose "text" or "html" is not a string',
    "input.bad_html": "HTML that cannot be parsed",
    "input.no_article_text": "a page with no article text (only navigation, links, scripts …)",
    "input.unreadable": "a file or standard input that cannot be opened or read",
    "input.bad_gzip": "damaged or truncated gzip data",
    "input.not_warc": "a file read as a WARC archive that is not one",
    "input.bad_warc": "a damaged or unreadable WARC record",
    "input.empty_folder": "a folder that holds no readable files",
    # cannot run at all: exit status 3
    "model.missing": "a model file shipped with claimgraph is missing or unreadable",
    "model.mismatch": "a model file does not match this version of the code",
    "internal": "a bug: an unexpected exception inside claimgraph",
    # the command line was wrong: exit status 2 (argparse's message)
    "usage": "a bad command line (unknown option, bad option value)",
}

# Exit statuses of the command line.
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_STATUSES = {
    EXIT_OK: "every input was read",
    EXIT_INPUT: "some input could not be read (one line each on stderr)",
    EXIT_USAGE: "usage error (bad command line)",
    EXIT_INTERNAL: "internal error or missing/mismatched model file (one line; "
                   "CLAIMGRAPH_DEBUG=1 shows the traceback)",
}


def exit_status_help() -> str:
    """The exit statuses as lines for ``--help``."""
    return "exit status:\n" + "\n".join(f"  {code}  {text}" for code, text in EXIT_STATUSES.items())


# --------------------------------------------------------------------------- exceptions

class ClaimgraphError(Exception):
    """A failure with a stable :attr:`code` (a key of :data:`CODES`) and a one-line message."""

    kind = "error"  # how the command line names it

    def __init__(self, code: str, message: str):
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r} (add it to claimgraph.errors.CODES)")
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # picklable (errors cross worker-process boundaries)
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls, state: dict):
    err = cls.__new__(cls)
    Exception.__init__(err, state.get("code"), state.get("message"))
    err.__dict__.update(state)
    return err


class InputError(ClaimgraphError, ValueError):
    """Bad input; becomes a :class:`~claimgraph.model.ReadError` with the same code.
    A ``ValueError`` too, so code that caught ``ValueError`` for bad input still works."""

    kind = "input error"

    def __init__(self, code: str = INPUT_INVALID, message: str = "cannot be read"):
        if not code.startswith("input."):
            raise ValueError(f"an InputError needs an input.* code, not {code!r}")
        super().__init__(code, message)

    def read_error(self, id: Optional[str], origin: str):
        """This error as the :class:`~claimgraph.model.ReadError` of input ``origin``."""
        from claimgraph.model import ReadError

        return ReadError(id, origin, self.message, code=self.code)


class ModelFileError(ClaimgraphError):
    """A model file that is missing (``model.missing``) or does not match the code
    (``model.mismatch``). ``path`` is the file; the message always names it."""

    kind = "model file error"

    def __init__(self, code: str, message: str, path: Optional[str] = None):
        if not code.startswith("model."):
            raise ValueError(f"a ModelFileError needs a model.* code, not {code!r}")
        path = None if path is None else str(path)
        if path and path not in message:
            message = f"{path}: {message}"
        super().__init__(code, message)
        self.path = path

    @classmethod
    def missing(cls, path, what: str = "model file", hint: str = "") -> "ModelFileError":
        """``{path}: {what} not found`` (plus a hint on how to get it back)."""
        return cls("model.missing", f"{path}: {what} not found" + (f"; {hint}" if hint else ""),
                   path=path)

    @classmethod
    def mismatch(cls, path, reason: str) -> "ModelFileError":
        """``{path}: does not match this version of claimgraph ({reason})``."""
        return cls("model.mismatch", f"{path}: does not match this version of claimgraph ({reason})",
                   path=path)


def model_meta(model: dict, path, keys, remedy: str):
    """The ``meta`` block of a model file read from ``path``, with every key of ``keys``,
    and the ``mismatch(what)`` that makes the :class:`ModelFileError` (``model.mismatch``,
    naming the file and ``remedy``) for the caller's own checks."""
    def mismatch(what: str) -> ModelFileError:
        return ModelFileError("model.mismatch", f"{path} does not fit this code: {what}; {remedy}",
                              path=path)

    meta = model.get("meta") if isinstance(model, dict) else None
    if not isinstance(meta, dict):
        raise mismatch("it has no 'meta' block (commit, data hash, versions, settings)")
    missing = [k for k in keys if k not in meta]
    if missing:
        raise mismatch(f"its meta lacks {', '.join(missing)}")
    return meta, mismatch


class InternalError(ClaimgraphError):
    """A bug. Raised ``from`` the original exception, so the traceback keeps it."""

    kind = "internal error"

    def __init__(self, message: str):
        super().__init__(INTERNAL, message)


def describe(err: BaseException) -> str:
    """``Type: message`` of any exception, on one line."""
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
