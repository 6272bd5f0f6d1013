"""Argument types the commands share (argparse ``type=`` callables)."""
from __future__ import annotations

import argparse


def iso_day(value: str) -> str:
    """A publication date given on the command line, as ``YYYY-MM-DD``."""
    from claimgraph.ingest.feeds import iso_date

    iso = iso_date(value)
    if iso is None:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return iso


def positive(value: str) -> int:
    """A whole number of at least 1 (processes, batch sizes, workers)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number
