"""``python -m claimgraph …``: the same command line as ``claimgraph …``."""
import sys

from claimgraph.cli import main

sys.exit(main())
