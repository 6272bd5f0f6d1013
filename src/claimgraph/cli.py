"""Command line: ``claimgraph read | eval | entities`` (one module each in ``commands/``).

Whatever a command fails on, the user sees one line, never a traceback, unless
``CLAIMGRAPH_DEBUG`` is set (then the traceback comes first, the line last). Exit
statuses (:data:`claimgraph.errors.EXIT_STATUSES`): 0 everything was read; 1 some input
could not be read (one line each, ``claimgraph: FILE:LINE: reason``); 2 usage error;
3 an internal error or a missing or mismatched model file —
``claimgraph: internal error [internal]: …``, ``claimgraph: model file error
[model.missing]: FILE: …``. A model file is part of the installation, not of the command
line, so its absence is status 3, not the usage status 2.

Warnings and progress messages go through :mod:`logging` (the ``claimgraph`` logger),
set up here once: ``claimgraph: warning: …`` on stderr; ``-q`` silences warnings.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback

from claimgraph.commands import COMMANDS
from claimgraph.errors import (EXIT_INPUT, EXIT_INTERNAL, ClaimgraphError, InputError,
                               InternalError, describe, exit_status_help)

DEBUG_ENV = "CLAIMGRAPH_DEBUG"
LOGGER = "claimgraph"


def version_text() -> str:
    """``claimgraph X.Y.Z`` (and the record's schema version, where the model has one)."""
    import claimgraph

    version = getattr(claimgraph, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("claimgraph")
    text = f"claimgraph {version}"
    try:
        from claimgraph import model
    except Exception:  # noqa: BLE001 - --version must work even where the model does not
        return text
    schema = getattr(model, "SCHEMA_VERSION", None)
    return text + (f" (record schema {schema})" if schema is not None else "")


def build_parser():
    """The argument parser and the command modules. A command module that fails to
    import raises (as :class:`InternalError`): no command is ever skipped silently."""
    ap = argparse.ArgumentParser(
        prog="claimgraph", description="Who said what, according to whom, in news articles.",
        epilog=exit_status_help() + f"\n\nSet {DEBUG_ENV}=1 to see the traceback of an internal error.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=version_text())
    sub = ap.add_subparsers(dest="command", required=True)
    modules = {}
    for name in COMMANDS:
        try:
            modules[name] = importlib.import_module(f"claimgraph.commands.{name}")
        except Exception as err:
            raise InternalError(f"command {name!r} cannot be loaded: {describe(err)}") from err
        modules[name].add_parser(sub)
    return ap, modules


class _StderrHandler(logging.StreamHandler):
    """A handler writing to whatever ``sys.stderr`` is at the time (tests swap it)."""

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"claimgraph: {record.levelname.lower()}: {message}"
        return f"claimgraph: {message}"


def setup_logging(quiet: bool = False) -> logging.Logger:
    """The ``claimgraph`` logger: one stderr handler (added once), warnings shown unless
    ``quiet``."""
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(_Formatter())
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(logging.ERROR if quiet else logging.WARNING)
    return logger


def report_failure(err: BaseException, debug: bool | None = None) -> int:
    """One line on stderr for a failure that ends the command (after the traceback when
    ``debug``), and the exit status: 1 bad input, 3 anything else."""
    if debug is None:
        debug = bool(os.environ.get(DEBUG_ENV))
    if debug:
        traceback.print_exception(err, file=sys.stderr)
    if isinstance(err, InputError):
        print(f"claimgraph: {err}", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(err, ClaimgraphError):
        kind, code, message = err.kind, err.code, str(err)
    else:
        kind, code, message = InternalError.kind, "internal", describe(err)
    hint = "" if debug or code != "internal" else f" (set {DEBUG_ENV}=1 for the traceback)"
    print(f"claimgraph: {kind} [{code}]: {' '.join(message.split())}{hint}", file=sys.stderr)
    return EXIT_INTERNAL


def main(argv=None) -> int:
    try:
        ap, modules = build_parser()
    except Exception as err:  # noqa: BLE001 - one line, never a traceback (unless asked)
        return report_failure(err)
    args = ap.parse_args(argv)
    setup_logging(quiet=bool(getattr(args, "quiet", False)))
    try:
        return modules[args.command].run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - one line, never a traceback (unless asked)
        return report_failure(err)


if __name__ == "__main__":
    sys.exit(main())
