"""Command line: ``claimgraph read | eval | entities`` (one module each in ``commands/``).

Whatever a command fails on, the user sees one line, never a traceback (exit status 3
for an internal error), unless ``CLAIMGRAPH_DEBUG`` is set.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from claimgraph.commands import COMMANDS

EXIT_INTERNAL = 3
DEBUG_ENV = "CLAIMGRAPH_DEBUG"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="claimgraph",
                                 description="Who said what, according to whom, in news articles.")
    sub = ap.add_subparsers(dest="command", required=True)
    modules = {}
    for name in COMMANDS:
        try:
            modules[name] = importlib.import_module(f"claimgraph.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name and err.name.startswith("claimgraph"):
                continue
            raise
        modules[name].add_parser(sub)
    args = ap.parse_args(argv)
    try:
        return modules[args.command].run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - one line, never a traceback (unless asked)
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"claimgraph: internal error: {type(err).__name__}: {err} "
              f"(set {DEBUG_ENV}=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
