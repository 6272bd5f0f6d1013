"""Command line: ``claimgraph read | eval | entities`` (one module each in ``commands/``)."""
from __future__ import annotations

import argparse
import importlib
import sys

from claimgraph.commands import COMMANDS


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


if __name__ == "__main__":
    sys.exit(main())
