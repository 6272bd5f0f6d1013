"""Across articles: wire copy, stories, statements and their reports, misquotes,
contradicting numbers and the source graph, computed incrementally over read articles
(:class:`~claimgraph.across.linker.Linker`). Pure functions and small in-memory indexes
over :class:`~claimgraph.model.Article` records with registry keys; the store keeps
their results."""
