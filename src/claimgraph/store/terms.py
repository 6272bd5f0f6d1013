"""The closed vocabularies of the store's commands (statement kinds, certainty labels,
exportable tables): light enough for the command line to offer them as choices without
loading the database layer."""
from __future__ import annotations

from claimgraph.model import CERTAINTY_ORDER as CERTAINTIES

KINDS = ("direct", "partial", "mixed", "indirect", "attribution")

#: the tables ``claimgraph export --table`` writes: every table of the schema but Alembic's
#: and the linker's binary state (``tests/test_store.py`` holds this list to the schema)
EXPORT_TABLES = ("across_flags", "across_members", "across_reports", "across_sources", "across_statements",
                 "across_stories", "articles", "attributions", "checks", "claims", "dates", "entities", "hedges",
                 "mentions", "quantities", "quotes", "registry", "registry_appearances", "registry_context",
                 "registry_names")

__all__ = ["CERTAINTIES", "EXPORT_TABLES", "KINDS"]
