"""Registry keys of an article's entities, as the comparisons across articles use them.

The store gives every entity its registry key (``Entity.key``). Articles read without a
store (``claimgraph stories FEED``) go through an in-memory
:class:`~claimgraph.store.registry.Registry` first (:func:`ensure_keys`), so both
paths compare the same keys.
"""
from __future__ import annotations

from typing import Optional

from claimgraph.lexicon.gazetteer import norm_key
from claimgraph.model import Article, Entity

#: entity types that say what a story is about (outlets name who wrote it, not the topic)
TOPIC_TYPES = frozenset({"PERSON", "ORG", "GOVERNMENT", "GPE", "LOC", "NORP", "GROUP", "FAC",
                         "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def key_of(ent: Optional[Entity]) -> Optional[str]:
    if ent is None:
        return None
    return ent.key or f"name:{norm_key(ent.name)}"


def entity_key(article: Article, entity_id: Optional[str]) -> Optional[str]:
    return key_of(article.entity(entity_id)) if entity_id else None


def ensure_keys(articles, registry):
    """Give entities without a key one from ``registry`` (the caller's: the store's, or an
    in-memory :class:`~claimgraph.store.registry.Registry` for a feed read without a store)."""
    for article in articles:
        if any(ent.key is None for ent in article.entities):
            registry.resolve_article(article)
        yield article


def topic_keys(article: Article) -> dict[str, int]:
    """The article's topic entities: key → number of mentions."""
    out: dict[str, int] = {}
    for ent in article.entities:
        if ent.type in TOPIC_TYPES:
            key = key_of(ent)
            out[key] = out.get(key, 0) + max(1, len(ent.mentions))
    return out
