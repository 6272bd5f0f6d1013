"""Quantities and the consistency checks between them (the number words themselves are
in :mod:`claimgraph.lexicon.numbers`)."""
