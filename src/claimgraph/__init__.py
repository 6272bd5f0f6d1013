"""claimgraph: who said what, according to whom.

>>> import claimgraph
>>> article = claimgraph.read("“We will win,” the mayor said.")
>>> article.quotes[0].kind
'direct'
"""
from __future__ import annotations

from claimgraph.model import Article, ArticleInput, Attribution, Entity, Quote, ReadError

__all__ = ["read", "Reader", "Store", "Article", "ArticleInput", "Attribution", "Entity", "Quote", "ReadError"]
__version__ = "0.2.0"

_DEFAULT_READER = None


def __getattr__(name):
    """``Reader`` (spaCy) and ``Store`` (SQLAlchemy) load only when used, so that a command
    that needs neither (``claimgraph --version``, ``stats``, ``stories``) starts at once."""
    if name == "Reader":
        from claimgraph.reader import Reader

        return Reader
    if name == "Store":
        from claimgraph.store.api import Store

        return Store
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")


def read(text: str, **meta) -> Article:
    """Read one article with the default pipeline (loaded once, on first use)."""
    global _DEFAULT_READER
    if _DEFAULT_READER is None:
        from claimgraph.reader import Reader

        _DEFAULT_READER = Reader()
    return _DEFAULT_READER.read(text, **meta)
