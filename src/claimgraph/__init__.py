"""claimgraph: who said what, according to whom.

>>> import claimgraph
>>> article = claimgraph.read("“We will win,” the mayor said.")
>>> article.quotes[0].kind
'direct'
"""
from __future__ import annotations

from typing import Optional

from claimgraph.model import Article, ArticleInput, Attribution, Entity, Quote, ReadError
from claimgraph.reader import Reader

__all__ = ["read", "Reader", "Store", "Article", "ArticleInput", "Attribution", "Entity", "Quote", "ReadError"]
__version__ = "0.2.0"

_DEFAULT_READER: Optional[Reader] = None


def __getattr__(name):  # the store (SQLAlchemy) loads only when used
    if name == "Store":
        from claimgraph.store.api import Store

        return Store
    raise AttributeError(name)


def read(text: str, **meta) -> Article:
    """Read one article with the default pipeline (loaded once, on first use)."""
    global _DEFAULT_READER
    if _DEFAULT_READER is None:
        _DEFAULT_READER = Reader()
    return _DEFAULT_READER.read(text, **meta)
